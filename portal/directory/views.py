from portal.core.views import coming_soon


def person_detail(request, user_id: int):
    return coming_soon(request, "directory")

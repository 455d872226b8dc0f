from portal.core.views import coming_soon


def thread_detail(request, thread_id: int):
    return coming_soon(request, "debate")

from django.urls import path

from portal.core import views as core_views

from . import views

app_name = "forum"

urlpatterns = [
    path("", core_views.coming_soon, {"module": "debate"}, name="thread_list"),
    path("ny/", core_views.coming_soon, {"module": "debate"}, name="thread_create"),
    path("traad/<int:thread_id>/", views.thread_detail, name="thread_detail"),
]

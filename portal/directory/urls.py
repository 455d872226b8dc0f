from django.urls import path

from portal.core import views as core_views

from . import views

app_name = "directory"

urlpatterns = [
    path("", core_views.coming_soon, {"module": "directory"}, name="person_list"),
    path("<int:user_id>/", views.person_detail, name="person_detail"),
]

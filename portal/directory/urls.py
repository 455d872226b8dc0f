from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("kolleger.<str:fmt>", views.person_export, name="person_export"),
    path("<int:user_id>/", views.person_detail, name="person_detail"),
]

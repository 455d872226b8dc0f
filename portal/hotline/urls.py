from django.urls import path

from . import views

app_name = "hotline"

urlpatterns = [
    path("", views.work_list, name="work_list"),
    path("sager.<str:fmt>", views.work_list_export, name="work_list_export"),
    path("traad/<int:thread_id>/send/", views.case_open, name="case_open"),
    path("traad/<int:thread_id>/tag/", views.case_assign, name="case_assign"),
    path("traad/<int:thread_id>/traek-tilbage/", views.case_withdraw, name="case_withdraw"),
]

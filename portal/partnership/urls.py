from django.urls import path

from . import views

app_name = "partnership"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/frister/", views.work_list, name="work_list"),
]

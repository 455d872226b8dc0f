from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("afventer-godkendelse/", views.awaiting_approval, name="awaiting_approval"),
    path("administration/", views.administration, name="administration"),
]

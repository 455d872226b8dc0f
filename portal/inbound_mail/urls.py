from django.urls import path

from . import views

app_name = "inbound_mail"

urlpatterns = [
    path("", views.webhook, name="webhook"),
]

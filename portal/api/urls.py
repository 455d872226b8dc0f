from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("", views.token_list, name="token_list"),
    path("opret/", views.token_create, name="token_create"),
    path("<int:token_id>/tilbagekald/", views.token_revoke, name="token_revoke"),
]

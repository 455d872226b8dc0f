from django.urls import path

from . import views

app_name = "digests"

urlpatterns = [
    path("k/<str:token>/", views.email_click, name="email_click"),
    path("a/<str:token>/", views.email_open, name="email_open"),
    path("afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("indstillinger/", views.preferences, name="preferences"),
]

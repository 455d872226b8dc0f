from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("marker-laest/", views.notification_mark_all_read, name="notification_mark_all_read"),
    path("<int:notification_id>/", views.notification_open, name="notification_open"),
]

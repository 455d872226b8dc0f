from django.urls import path

from portal.core import views as core_views

app_name = "notifications"

urlpatterns = [
    path("", core_views.coming_soon, {"module": "debate"}, name="notification_list"),
]

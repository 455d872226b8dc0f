from django.urls import path

from portal.core import views as core_views

app_name = "directory"

urlpatterns = [
    path("", core_views.coming_soon, {"module": "directory"}, name="person_list"),
]

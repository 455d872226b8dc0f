from django.urls import path

from portal.core import views as core_views

app_name = "search"

urlpatterns = [
    path("", core_views.coming_soon, {"module": "search"}, name="search"),
]

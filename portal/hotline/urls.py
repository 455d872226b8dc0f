from django.urls import path

from portal.core import views as core_views

app_name = "hotline"

urlpatterns = [
    path("", core_views.coming_soon, {"module": "debate"}, name="work_list"),
]

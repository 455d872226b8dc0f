from django.urls import path

from portal.core import views as core_views

app_name = "guides"

urlpatterns = [
    path("", core_views.coming_soon, {"module": "debate"}, name="guide_list"),
]

from django.urls import path

from . import views, views_suggest

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("lignende/", views_suggest.title_suggestions, name="title_suggestions"),
]

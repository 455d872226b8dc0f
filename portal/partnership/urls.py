from django.urls import path, re_path

from . import views

app_name = "partnership"

urlpatterns = [
    path("", views.overview, name="overview"),
    re_path(
        r"^rapport/(?P<year>\d{4})-(?P<month>\d{2})\.(?P<fmt>pdf|xlsx)$",
        views.all_funds_report,
        name="all_funds_report",
    ),
    re_path(
        r"^(?P<slug>[-\w]+)/rapport/(?P<year>\d{4})-(?P<month>\d{2})\.(?P<fmt>pdf|xlsx)$",
        views.fund_report,
        name="fund_report",
    ),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/frister/", views.work_list, name="work_list"),
]

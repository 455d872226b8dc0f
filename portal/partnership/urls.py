from django.urls import path, re_path

from . import views

app_name = "partnership"

urlpatterns = [
    path("", views.overview, name="overview"),
    # Before the funds' slugs, which could otherwise take "import".
    path("import/", views.import_page, name="import_page"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("regelsaet/", views.rule_sets, name="rule_sets"),
    path("regelsaet/ny/", views.rule_set_edit, name="rule_set_create"),
    path("regelsaet/<slug:code>/", views.rule_set_edit, name="rule_set_edit"),
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
    re_path(r"^(?P<slug>[-\w]+)/aftale/(?P<year>\d{4})/$", views.agreement, name="agreement"),
    re_path(
        r"^(?P<slug>[-\w]+)/aftale/(?P<year>\d{4})/rediger/$",
        views.agreement_edit,
        name="agreement_edit",
    ),
]

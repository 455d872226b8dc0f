from django.urls import re_path

from . import views_report

app_name = "evaluation_report"

urlpatterns = [
    re_path(
        r"^(?P<year>[0-9]{4})\.(?P<fmt>pdf|docx)$",
        views_report.annual_report,
        name="annual_report",
    ),
]

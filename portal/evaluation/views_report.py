"""The annual evaluation report in one click: GET /indsigt/rapport/<year>.pdf or .docx."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from . import access, report, services


@require_GET
@login_required
def annual_report(request, year: str, fmt: str):
    year = int(year)
    if not access.may_view(user=request.user):
        raise PermissionDenied
    if year not in services.report_years():
        raise Http404
    data = services.annual_report_generate(by=request.user, year=year, fmt=fmt)
    response = HttpResponse(data, content_type=report.FORMATS[fmt][1])
    response["Content-Disposition"] = f'attachment; filename="{report.file_name(year, fmt)}"'
    return response

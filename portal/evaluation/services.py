"""Writes of the evaluation: the annual report, generated with its audit entry."""

from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.models import AuditEvent, User
from portal.core.services import audit_record
from portal.surveys.selectors import surveys_results, surveys_sent_between

from . import access, report, selectors

FIRST_YEAR = 2000


def report_years(today: date | None = None) -> range:
    """The years a report can be made for: up to this one."""
    return range(FIRST_YEAR, (today or timezone.localdate()).year + 1)


def annual_report_generate(*, by: User, year: int, fmt: str) -> bytes:
    """The annual evaluation report of `year` as `fmt` ("pdf" or "docx") bytes, in Danish,
    with an audit entry naming the year and format."""
    if not access.may_view(user=by):
        raise PermissionDenied
    if fmt not in report.FORMATS:
        raise ValidationError({"format": [_("Choose PDF or DOCX.")]})
    if year not in report_years():
        raise ValidationError({"year": [_("Choose a year from 2000 up to this year.")]})
    render, _content_type = report.FORMATS[fmt]
    start = timezone.make_aware(datetime.combine(date(year, 1, 1), time.min))
    end = timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min))
    with translation.override(settings.LANGUAGE_CODE):
        this_year = selectors.evaluation_summary(
            date_from=date(year, 1, 1), date_to=date(year, 12, 31)
        )
        last_year = selectors.evaluation_summary(
            date_from=date(year - 1, 1, 1), date_to=date(year - 1, 12, 31)
        )
        surveys = surveys_results(surveys=surveys_sent_between(start=start, end=end))
        content = report.report_content(
            year=year,
            this_year=this_year,
            last_year=last_year,
            surveys=surveys,
            today=timezone.localdate(),
        )
        data = render(content)
    with transaction.atomic():
        audit_record(
            action=AuditEvent.Action.EVALUATION_REPORT_GENERATED,
            actor=by,
            year=year,
            format=fmt,
            surveys=len(surveys),
        )
    return data

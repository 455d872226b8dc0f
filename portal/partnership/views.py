"""The partnership pages: a fund's dashboard, the jobcenter's overview of every fund, the fund
caseworkers' deadline work list, and the import of files. Readability through
selectors.access_fund and access.py; the numbers from selectors; the words from display; the
writes through services."""

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.models import PersonalDataAccess
from portal.core.services import personal_data_access_record

from . import access, display, reports, selectors, services
from .forms import ImportForm, MonthForm, PurposeForm, YearForm
from .models import ImportStatus

WORK_ITEMS_PER_PAGE = 50


@login_required
def overview(request):
    """Every fund side by side for a month (default: the month just ended). A fund's own people
    are sent to their dashboard; anyone else who follows no fund gets 404."""
    if not access.may_compare_funds(user=request.user):
        own = selectors.funds_visible(user=request.user).first()
        if own is None:
            raise Http404
        return redirect("partnership:dashboard", slug=own.slug)
    today = timezone.localdate()
    form = MonthForm(request.GET or None)
    period = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    if form.is_bound and form.is_valid():
        period = form.cleaned_data["period"].replace(day=1)
    elif not form.is_bound:
        form = MonthForm(initial={"period": period})
    rows = selectors.funds_comparison(user=request.user, period=period)
    return render(
        request,
        "partnership/overview.html",
        {
            "form": form,
            "period": period,
            "month": display.month_name(period),
            "rows": [display.comparison_row(row) for row in rows],
            "may_import": access.may_import(user=request.user),
        },
    )


@login_required
def dashboard(request, slug: str):
    """The fund's year against its goals, month by month (default: this year)."""
    fund = selectors.access_fund(user=request.user, slug=slug)
    today = timezone.localdate()
    form = YearForm(request.GET or None)
    year = today.year
    if form.is_bound and form.is_valid():
        year = form.cleaned_data["year"]
    elif not form.is_bound:
        form = YearForm(initial={"year": year})
    fund_year = selectors.fund_year(fund=fund, year=year, today=today)
    # The report offered is the last month ended (the one the queue mails on the 3rd working day).
    report_period = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    return render(
        request,
        "partnership/dashboard.html",
        {
            "fund": fund,
            "form": form,
            "year": year,
            "goals": fund_year.goals,
            "goal_texts": {
                "timeliness": display.percent(fund_year.goals.timeliness),
                "job_club": display.percent(fund_year.goals.job_club_share),
                "budget": display.kroner(fund_year.goals.budget_frame_dkk),
                "effect": display.percent(fund_year.goals.effect),
            },
            "panels": display.dashboard_panels(fund_year),
            "may_compare": access.may_compare_funds(user=request.user),
            "may_import": access.may_import(user=request.user),
            "report_period": report_period,
            "report_month": display.month_name(report_period),
        },
    )


@login_required
def work_list(request, slug: str):
    """The fund's courses with an interview coming due within two weeks or just missed. The page
    asks first why the list is opened; every page shown is written to the access log with the
    courses on it and that purpose."""
    fund = selectors.access_fund(user=request.user, slug=slug)
    form = PurposeForm(request.GET if "formaal" in request.GET else None)
    if not form.is_bound or not form.is_valid():
        return render(request, "partnership/work_list_purpose.html", {"fund": fund, "form": form})
    today = timezone.localdate()
    items = selectors.work_list(fund=fund, today=today)
    page = Paginator(items, WORK_ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    shown = selectors.work_items_described(items=list(page.object_list))
    personal_data_access_record(
        request=request,
        kind=PersonalDataAccess.Kind.PARTNERSHIP_WORK_LIST,
        obj=fund,
        label=_("Deadlines of %(fund)s") % {"fund": fund.name},
        row_ids=[item.course_id for item in shown],
        person_count=len(shown),
        purpose=form.purpose_label,
    )
    return render(
        request,
        "partnership/work_list.html",
        {
            "fund": fund,
            "today": today,
            "page_obj": page,
            "items": shown,
            "purpose": form.purpose_label,
            "ahead_days": selectors.WORK_LIST_AHEAD_DAYS,
            "overdue_days": selectors.WORK_LIST_OVERDUE_DAYS,
        },
    )


@login_required
def import_page(request):
    """Upload a file: a small one is checked and stored at once and its result shown here; a
    large one goes to the queue and the browser follows it on its own page."""
    if not access.may_import(user=request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    record = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        record = services.import_start(
            kind=form.cleaned_data["kind"],
            file_name=upload.name or "",
            data=upload.read(),
            by=request.user,
        )
        if record.status == ImportStatus.QUEUED:
            return redirect("partnership:import_detail", pk=record.pk)
    return render(
        request,
        "partnership/import.html",
        {"form": form, "record": record, "imports": selectors.imports_recent(user=request.user)},
    )


@login_required
def import_detail(request, pk: int):
    """One import and how it goes; htmx asks for the status part every 2 seconds while it runs."""
    record = selectors.import_readable(user=request.user, import_id=pk)
    template = "partnership/import_detail.html"
    if request.htmx:
        template = f"{template}#status"
    return render(request, template, {"record": record})


REPORT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _report_period(year: str, month: str) -> date:
    try:
        return date(int(year), int(month), 1)
    except ValueError:
        raise Http404 from None


def _report_response(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=REPORT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@login_required
def fund_report(request, slug: str, year: str, month: str, fmt: str):
    """The fund's monthly report (PDF or XLSX) for whoever may see the fund; 404 for others."""
    fund = selectors.access_fund(user=request.user, slug=slug)
    period = _report_period(year, month)
    build = reports.fund_report_pdf if fmt == "pdf" else reports.fund_report_xlsx
    content = build(fund=fund, period=period, today=timezone.localdate())
    return _report_response(content, fmt, f"partnerskab-{fund.slug}-{period:%Y-%m}")


@login_required
def all_funds_report(request, year: str, month: str, fmt: str):
    """The jobcenter's monthly report of every fund; 404 for those who do not compare funds."""
    if not access.may_compare_funds(user=request.user):
        raise Http404
    period = _report_period(year, month)
    rows = selectors.funds_comparison(user=request.user, period=period)
    build = reports.all_funds_report_pdf if fmt == "pdf" else reports.all_funds_report_xlsx
    content = build(rows=rows, period=period, today=timezone.localdate())
    return _report_response(content, fmt, f"partnerskab-{period:%Y-%m}")

"""The partnership pages: a fund's dashboard, the jobcenter's overview of every fund, the fund
caseworkers' deadline work list, the import of files, the agreements and the rule sets.
Readability through selectors.access_fund and access.py; the numbers from selectors; the words
from display; the writes through services."""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.models import PersonalDataAccess
from portal.core.services import personal_data_access_record

from . import access, display, reports, selectors, services
from .forms import (
    FIRST_YEAR,
    AgreementForm,
    ImportForm,
    MonthForm,
    PurposeForm,
    RuleSetForm,
    SlotFormSet,
    YearForm,
)
from .models import ImportStatus, InterviewRuleSet

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


# --- The agreement and the rule sets ---------------------------------------------------------


def _agreement_year(year: str) -> int:
    value = int(year)
    if not FIRST_YEAR <= value <= 2100:
        raise Http404
    return value


@login_required
def agreement(request, slug: str, year: str):
    """The fund's agreement for a year: goals, how it is measured, the contacts. Everyone who
    follows the fund reads it; the jobcenter's coordinators also get the edit link."""
    fund = selectors.access_fund(user=request.user, slug=slug)
    year = _agreement_year(year)
    current = selectors.agreement_of(fund=fund, year=year)
    return render(
        request,
        "partnership/agreement.html",
        {
            "fund": fund,
            "year": year,
            "agreement": current,
            "texts": display.agreement_texts(current) if current else None,
            "years": selectors.agreement_years(fund=fund),
            "may_edit": access.may_edit_agreement(user=request.user),
            "may_read_rule_sets": access.may_read_rule_sets(user=request.user),
        },
    )


@login_required
def agreement_edit(request, slug: str, year: str):
    """Create or change the agreement (the jobcenter's coordinators; 404 for others)."""
    fund = selectors.access_fund(user=request.user, slug=slug)
    if not access.may_edit_agreement(user=request.user):
        raise Http404
    year = _agreement_year(year)
    current = selectors.agreement_of(fund=fund, year=year)
    jobcenter_people, fund_people = selectors.agreement_contact_choices(fund=fund)
    form = AgreementForm(
        request.POST or None,
        agreement=current,
        rule_sets=InterviewRuleSet.objects.order_by("valid_from"),
        jobcenter_people=jobcenter_people,
        fund_people=fund_people,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agreement_save(
                fund=fund,
                year=year,
                by=request.user,
                values=services.AgreementValues(
                    **form.ratios(),
                    budget_frame_dkk=Decimal(data["budget_frame_dkk"]),
                    rule_set=data["rule_set"],
                    tolerance_days=data["tolerance_days"],
                ),
                jobcenter_contacts=list(data["jobcenter_contacts"]),
                fund_contacts=list(data["fund_contacts"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The agreement of %(fund)s for %(year)s is saved.")
                % {"fund": fund.name, "year": year},
            )
            return redirect("partnership:agreement", slug=fund.slug, year=year)
    return render(
        request,
        "partnership/agreement_form.html",
        {"fund": fund, "year": year, "form": form, "is_new": current is None},
    )


@login_required
def rule_sets(request):
    """The interview rule sets every fund's figures are measured by."""
    if not access.may_read_rule_sets(user=request.user):
        raise Http404
    return render(
        request,
        "partnership/rule_sets.html",
        {
            "rule_sets": selectors.rule_sets_all(),
            "may_edit": access.may_edit_rule_sets(user=request.user),
        },
    )


@login_required
def rule_set_edit(request, code: str | None = None):
    """Create (no code) or change a rule set (the operator's and the jobcenter's admins)."""
    if not access.may_edit_rule_sets(user=request.user):
        raise Http404
    current = selectors.rule_set_by_code(code=code) if code else None
    if current is not None:
        initial = {
            "name": current.name,
            "valid_from": current.valid_from,
            "valid_to": current.valid_to,
            "to_be_confirmed": current.to_be_confirmed,
        }
        slots_initial = [
            {"months": slot.months, "days": slot.days, "held_by": slot.held_by}
            for slot in current.slots.all()
        ]
    else:
        initial, slots_initial = {}, []
    form = RuleSetForm(request.POST or None, new=current is None, initial=initial)
    slots = SlotFormSet(request.POST or None, initial=slots_initial, prefix="slots")
    if request.method == "POST" and form.is_valid() and slots.is_valid():
        data = form.cleaned_data
        try:
            saved = services.rule_set_save(
                rule_set=current,
                by=request.user,
                values=services.RuleSetValues(
                    code=data["code"] if current is None else current.code,
                    name=data["name"],
                    valid_from=data["valid_from"],
                    valid_to=data["valid_to"],
                    to_be_confirmed=data["to_be_confirmed"],
                    slots=slots.slots(),
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The rule set “%(name)s” is saved. Every fund's figures are recomputed.")
                % {"name": saved.name},
            )
            return redirect("partnership:rule_sets")
    return render(
        request,
        "partnership/rule_set_form.html",
        {"form": form, "slots": slots, "rule_set": current},
    )

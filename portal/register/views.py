"""The register's pages: the list with its filters, counts and exports, an item's page with
the forms its reader may use, the report form with its similar-items hint, an office's work
list and the offices' administration. Thin: reads from selectors, writes through services;
who may do what is access.py's (a page the person may not have answers 404, a write the
service refuses 403, a skipped step 409 with workflow's Danish sentence)."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_POST
from openpyxl import Workbook
from openpyxl.styles import Font

from portal.core.forms import add_service_errors
from portal.core.slugs import follow_old_slug

from . import access, report, selectors, services, workflow
from .forms import (
    AttachmentForm,
    ItemCommentForm,
    ItemFilterForm,
    ItemReportForm,
    ItemStepForm,
    ItemTriageForm,
    OfficeForm,
)
from .models import MainTopic, Office, Origin, Section, Status

ITEMS_PER_PAGE = 50


def _filtered(request):
    """The filter form and the items it selects (an invalid filter narrows by nothing it
    could not read: the valid fields still apply)."""
    form = ItemFilterForm(
        request.GET or None,
        offices=selectors.offices_active(),
        organisations=selectors.organisations_reporting(),
    )
    filters = {}
    if form.is_bound:
        form.is_valid()
        filters = {name: value for name, value in form.cleaned_data.items() if value}
    return form, filters, selectors.items_filtered(user=request.user, filters=filters)


def _facets(counts: dict) -> list[dict]:
    """The counts as the aside shows them: per status, classification, main topic, origin
    and office, in the choices' order, only the values that occur."""
    groups = [
        ("status", _("Status"), list(Status.choices)),
        ("section", _("Classification"), list(Section.choices)),
        ("main_topic", _("Main topic"), list(MainTopic.choices)),
        ("origin", _("Origin"), list(Origin.choices)),
    ]
    facets = []
    for key, heading, choices in groups:
        values = counts[key]
        rows = [
            {"label": label, "count": values[value]} for value, label in choices if value in values
        ]
        if None in values or "" in values:
            rows.append({"label": _("Not given"), "count": values.get(None, 0) + values.get("", 0)})
        facets.append({"heading": heading, "rows": rows})
    offices = counts["responsible_office__name"]
    facets.append(
        {
            "heading": _("Responsible office"),
            "rows": [
                {"label": name or _("No office yet"), "count": count}
                for name, count in sorted(
                    offices.items(), key=lambda pair: (pair[0] is None, pair[0] or "")
                )
            ],
        }
    )
    return facets


@login_required
def item_list(request):
    if not access.may_report(user=request.user):
        raise Http404
    form, _filters, items = _filtered(request)
    page = Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "register/item_list.html",
        {
            "form": form,
            "page_obj": page,
            "facets": _facets(selectors.items_counts(items=items)),
            "export_query": query.urlencode(),
            "may_triage": access.may_triage(user=request.user),
            "offices_mine": selectors.offices_active().filter(access.offices_of(user=request.user)),
            "may_manage_offices": access.may_manage_offices(user=request.user),
            "may_generate_report": access.may_generate_report(user=request.user),
        },
    )


@login_required
@require_POST
def committee_report(request, fmt: str):
    """The committee report in one click (PDF or DOCX): a POST, because each report is kept as
    the snapshot the next one compares with. 404 for those who may not make it."""
    if not access.may_generate_report(user=request.user):
        raise Http404
    content = services.report_generate(by=request.user, fmt=fmt)
    response = HttpResponse(content, content_type=report.FORMATS[fmt][1])
    name = report.file_name(fmt, timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _export_rows(items):
    yield [
        _("Number"),
        _("Title"),
        _("Problem"),
        _("Main topic"),
        _("Sub topic"),
        _("Origin"),
        _("Reporting organisation"),
        _("Regulation"),
        _("Classification"),
        _("Responsible office"),
        _("Status"),
        _("Handling"),
        _("Timeline"),
        _("Me too"),
        _("Reported"),
    ]
    for item in items:
        yield [
            item.pk,
            item.title,
            item.problem,
            item.get_main_topic_display(),
            item.sub_topic,
            item.get_origin_display(),
            item.reporting_organisation.name
            if item.reporting_organisation_id
            else item.source_organisation,
            item.regulation,
            item.get_section_display() or "",
            item.responsible_office.name
            if item.responsible_office_id
            else item.responsible_as_reported,
            item.get_status_display(),
            item.handling,
            item.timeline,
            item.endorsement_count,
            timezone.localtime(item.created_at).date().isoformat(),
        ]


def _csv_cell(value) -> str:
    """A cell a spreadsheet shows as text: a leading =, +, - or @ would make it a formula (as
    core's access log export quotes them)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_GET
def export_csv(request):
    """The filtered list as CSV: semicolons and a BOM, as Danish Excel opens it."""
    if not access.may_report(user=request.user):
        raise Http404
    _form, _filters, items = _filtered(request)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    for row in _export_rows(items):
        writer.writerow([_csv_cell(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="register.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def export_xlsx(request):
    """The filtered list as a workbook (texts stay texts: openpyxl writes no formulas for
    strings that start with "=" only when told to, so they are quoted as in the CSV)."""
    if not access.may_report(user=request.user):
        raise Http404
    _form, _filters, items = _filtered(request)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = pgettext("register", "Register")[:31]
    for number, row in enumerate(_export_rows(items)):
        sheet.append([value if isinstance(value, int) else _csv_cell(value) for value in row])
        if number == 0:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="register.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- One item ------------------------------------------------------------------------------


def _change_rows(item) -> list[dict]:
    """The decision log in words: which field went from what to what."""
    labels = {
        "status": _("Status"),
        "section": _("Classification"),
        "responsible_office": _("Responsible office"),
        "handling": _("Handling"),
        "timeline": _("Timeline"),
    }

    def shown(name, value):
        if value in (None, ""):
            return "–"
        if name == "status" and value in Status.values:
            return Status(value).label
        if name == "section" and value in Section.values:
            return f"{value}. {Section(value).label}"
        return value

    rows = []
    for change in item.changes.all():
        what = [
            {"field": labels.get(name, name), "old": shown(name, old), "new": shown(name, new)}
            for name, (old, new) in (change.changes or {}).items()
        ]
        rows.append({"change": change, "what": what})
    return rows


def _step_form_for(user, item, data=None):
    """The status and handling form, when the person may take a step or write the handling."""
    # Triage has its own form (classification and office come with the step).
    steps = [
        target
        for target in workflow.next_statuses(item.status)
        if target != Status.TRIAGED
        and access.may_step(user=user, item=item, by=workflow.step(item.status, target).by)
    ]
    may_texts = access.may_edit_handling(user=user, item=item)
    if not steps and not may_texts:
        return None
    return ItemStepForm(data, item=item, steps=steps, may_edit_texts=may_texts)


def _triage_form_for(user, item, data=None):
    if item.status != Status.REPORTED or not access.may_triage(user=user):
        return None
    initial = {
        "section": item.section,
        "office": item.responsible_office_id,
        "timeline": item.timeline,
    }
    return ItemTriageForm(data, offices=selectors.offices_active(), initial=initial)


def _item_page(request, item, *, status=200, **forms):
    user = request.user
    context = {
        "item": item,
        "changes": _change_rows(item),
        "endorsements": list(item.endorsements.all()),
        "endorsed": any(e.user_id == user.pk for e in item.endorsements.all()),
        "is_reporter": item.reported_by_id == user.pk,
        "may_report": access.may_report(user=user),
        "triage_form": forms.get("triage_form", _triage_form_for(user, item)),
        "step_form": forms.get("step_form", _step_form_for(user, item)),
        "comment_form": forms.get("comment_form", ItemCommentForm()),
        "attachment_form": forms.get("attachment_form", AttachmentForm()),
        "step_refused": forms.get("step_refused"),
    }
    context["endorsing_organisations"] = sorted(
        {e.organisation.name for e in context["endorsements"] if e.organisation_id}
    )
    return render(request, "register/item_detail.html", context, status=status)


@login_required
def item_detail(request, pk: int):
    item = selectors.item_page(user=request.user, pk=pk)
    return _item_page(request, item)


@login_required
@require_POST
def item_triage(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    form = _triage_form_for(request.user, item, request.POST)
    if form is None:
        raise Http404
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.item_triage(
                item=item,
                by=request.user,
                section=data["section"],
                office=data["office"],
                timeline=data["timeline"],
                note=data["note"],
            )
        except workflow.StepRefused as refused:
            item = selectors.item_page(user=request.user, pk=pk)
            return _item_page(request, item, status=409, step_refused=refused.message)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The item is triaged."))
            return redirect("register:item_detail", pk=item.pk)
    item = selectors.item_page(user=request.user, pk=pk)
    return _item_page(request, item, status=200, triage_form=form)


@login_required
@require_POST
def item_step(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    form = _step_form_for(request.user, item, request.POST)
    if form is None:
        raise Http404
    if form.is_valid():
        data = form.cleaned_data
        changes = {"note": data["note"]}
        if data["status"]:
            changes["status"] = data["status"]
        if form.may_edit_texts:
            changes["handling"] = data["handling"]
            changes["timeline"] = data["timeline"]
        try:
            services.item_update(item=item, by=request.user, **changes)
        except workflow.StepRefused as refused:
            item = selectors.item_page(user=request.user, pk=pk)
            return _item_page(
                request, item, status=409, step_form=form, step_refused=refused.message
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The item is saved."))
            return redirect("register:item_detail", pk=item.pk)
    item = selectors.item_page(user=request.user, pk=pk)
    return _item_page(request, item, step_form=form)


@login_required
@require_POST
def item_endorse(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    if request.POST.get("withdraw"):
        services.item_endorse_withdraw(item=item, by=request.user)
        messages.success(request, _("Your “me too” is withdrawn."))
    else:
        services.item_endorse(item=item, by=request.user)
        messages.success(request, _("You have said “me too” to the item."))
    return redirect("register:item_detail", pk=item.pk)


@login_required
@require_POST
def item_comment(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    form = ItemCommentForm(request.POST)
    if form.is_valid():
        try:
            services.item_comment(item=item, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your comment is added."))
            return redirect(reverse("register:item_detail", args=[item.pk]) + "#kommentarer")
    item = selectors.item_page(user=request.user, pk=pk)
    return _item_page(request, item, comment_form=form)


@login_required
@require_POST
def attachment_add(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(item=item, by=request.user, upload=form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(request, _("The file is attached."))
            return redirect(reverse("register:item_detail", args=[item.pk]) + "#bilag")
    item = selectors.item_page(user=request.user, pk=pk)
    return _item_page(request, item, attachment_form=form)


@login_required
def attachment_download(request, pk: int, attachment_pk: int):
    attachment = selectors.attachment_get(user=request.user, item_pk=pk, pk=attachment_pk)
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Reporting -----------------------------------------------------------------------------


@login_required
def item_report(request):
    if not access.may_report(user=request.user):
        raise Http404
    form = ItemReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_report(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you. The item is reported; the coordinators triage it.")
            )
            return redirect("register:item_detail", pk=item.pk)
    similar = []
    if form.is_bound:
        similar = selectors.items_similar(user=request.user, title=request.POST.get("title", ""))
    return render(request, "register/item_report.html", {"form": form, "similar": similar})


@login_required
@require_GET
def items_similar(request):
    """The htmx hint under the report form's title: items that may be the same."""
    if not access.may_report(user=request.user):
        raise Http404
    title = request.GET.get("title", "")[:200]
    similar = selectors.items_similar(user=request.user, title=title)
    return render(request, "register/_similar.html", {"similar": similar})


# --- The offices ---------------------------------------------------------------------------


@login_required
@follow_old_slug(Office)
def office_work_list(request, slug: str):
    office = selectors.office_for_work_list(user=request.user, slug=slug)
    items = selectors.office_work_list(user=request.user, office=office)
    return render(
        request,
        "register/office_work_list.html",
        {"office": office, "items": items, "today": timezone.localdate()},
    )


@login_required
def offices(request):
    """The operator's admins create and rename offices and set who belongs to them."""
    if not access.may_manage_offices(user=request.user):
        raise Http404
    people = selectors.office_member_choices()
    editing = None
    if request.method == "POST" and request.POST.get("office"):
        office_id = request.POST["office"]
        editing = (
            selectors.offices_all().filter(pk=int(office_id)).first()
            if office_id.isdigit()
            else None
        )
        if editing is None:
            raise Http404
    form = OfficeForm(
        request.POST or None,
        people=people,
        prefix="office",
        auto_id=f"id_office{editing.pk}_%s" if editing else "id_%s",
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # The name and the members in one change: a refused name keeps the old members.
            with transaction.atomic():
                saved = services.office_save(
                    by=request.user,
                    name=data["name"],
                    slug=data["slug"],
                    description=data["description"],
                    office=editing,
                )
                services.office_members_set(by=request.user, office=saved, members=data["members"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The office “%(name)s” is saved.") % {"name": saved.name})
            return redirect("register:offices")
    all_offices = list(selectors.offices_all())
    office_forms = [
        (
            office,
            form
            if editing is not None and editing.pk == office.pk
            else OfficeForm(
                people=people,
                prefix="office",
                initial={
                    "name": office.name,
                    "slug": office.slug,
                    "description": office.description,
                    "members": [person.pk for person in office.members.all()],
                },
                auto_id=f"id_office{office.pk}_%s",
            ),
        )
        for office in all_offices
    ]
    new_form = form if editing is None else OfficeForm(people=people, prefix="office")
    return render(
        request,
        "register/offices.html",
        {"office_forms": office_forms, "new_form": new_form},
    )

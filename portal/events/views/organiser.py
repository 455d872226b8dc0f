"""The organiser's tools: participants and check-in, badges, attendance list, feedback results.

Every page needs `events.organise` for the event; an event the person may not see at all is a
404, one they may see but not run a 403. The participants' dietary and accessibility notes
need `events.view_participant_notes` (the organisers alone).
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.exports import export_format, export_response
from portal.core.forms import error_text
from portal.core.models import PersonalDataAccess
from portal.core.services import personal_data_access_record, table_export_record
from portal.core.slugs import slugify_da

from .. import pdf
from ..access import participants_exportable
from ..models import Event, Registration
from ..selectors import (
    access_event_for_organiser,
    check_in_open,
    confirmed_by_name,
    notes_withheld,
    participant_overview,
)
from ..selectors import feedback_results as feedback_results_of
from ..services import registration_check_in


@login_required
def participant_list(request, pk: int):
    event = access_event_for_organiser(user=request.user, pk=pk)
    query = request.GET.get("q", "").strip()[:100]
    with_notes = rules.has_perm("events.view_participant_notes", request.user, event)
    overview = participant_overview(event=event, query=query, with_notes=with_notes)
    context = {"event": event, "query": query, **overview}
    personal_data_access_record(
        request=request,
        kind=PersonalDataAccess.Kind.PARTICIPANT_LIST,
        obj=event,
        label=event.title,
        person_ids=[r.user_id for r in (*context["confirmed"], *context["waiting"])],
    )
    template = "events/organiser_participants.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


@login_required
def participant_export(request, pk: int, fmt: str):
    """The participant list as the organiser sees it (the same search), notes included, as
    CSV or Excel: confirmed by name, then the waiting list in order."""
    fmt = export_format(fmt)
    event = access_event_for_organiser(user=request.user, pk=pk)
    if not participants_exportable(user=request.user, event=event):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:100]
    overview = participant_overview(event=event, query=query, with_notes=True)
    registrations = [*overview["confirmed"], *overview["waiting"]]
    table_export_record(
        request=request,
        what="event_participants",
        fmt=fmt,
        row_count=len(registrations),
        target=event,
        target_label=event.title,
        person_ids=[r.user_id for r in registrations],
        filters={"q": query},
    )
    header = [
        _("Name"),
        _("Organisation"),
        _("Status"),
        _("Position"),
        _("Signed up"),
        _("Checked in"),
        _("Dietary needs"),
        _("Accessibility needs"),
    ]
    rows = [
        [
            r.user.get_full_name(),
            r.user.organisation.name if r.user.organisation_id else "",
            r.get_status_display(),
            getattr(r, "waiting_position", None),
            r.queued_at,
            r.checked_in_at,
            r.dietary_note,
            r.accessibility_note,
        ]
        for r in registrations
    ]
    day = timezone.localtime(event.starts_at).date().isoformat()
    name = f"deltagere-{event.title[:60]}-{day}"
    return export_response(fmt=fmt, name=name, header=header, rows=rows)


@login_required
@require_POST
def check_in(request, pk: int, registration_pk: int):
    event = access_event_for_organiser(user=request.user, pk=pk)
    registration = get_object_or_404(
        Registration.objects.select_related("user", "user__organisation", "registered_by"),
        pk=registration_pk,
        event=event,
    )
    undo = request.POST.get("undo") == "1"
    error = None
    try:
        registration = registration_check_in(registration=registration, by=request.user, undo=undo)
    except ValidationError as exc:
        error = error_text(exc)
    if request.htmx:
        registration.event = event
        show_notes = rules.has_perm("events.view_participant_notes", request.user, event)
        if not show_notes:
            notes_withheld([registration])
        return render(
            request,
            "events/organiser_participants.html#row",
            {
                "event": event,
                "registration": registration,
                "can_check_in": check_in_open(event=event),
                "show_notes": show_notes,
                "row_error": error,
                "query": request.POST.get("q", ""),
            },
        )
    if error:
        messages.error(request, error)
    url = reverse("events:participant_list", args=[event.pk])
    query = request.POST.get("q", "").strip()
    if query:
        url += "?" + urlencode({"q": query})
    return redirect(f"{url}#registration-{registration.pk}")


def _filename(kind: str, event: Event) -> str:
    day = timezone.localtime(event.starts_at).date().isoformat()
    title = slugify_da(event.title, max_length=60, fallback="arrangement")
    return f"{kind}-{title}-{day}.pdf"


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _record_download(request, event: Event, kind: str, registrations) -> bool:
    """Log the download with the purpose the organiser gave; False (and a message) when the
    purpose cannot be stored, in which case nothing is handed out."""
    try:
        personal_data_access_record(
            request=request,
            kind=kind,
            obj=event,
            label=event.title,
            person_ids=[r.user_id for r in registrations],
            purpose=request.GET.get("formaal", ""),
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return False
    return True


@login_required
def badges_pdf(request, pk: int):
    event = access_event_for_organiser(user=request.user, pk=pk)
    registrations = confirmed_by_name(event=event)
    if not _record_download(request, event, PersonalDataAccess.Kind.BADGES, registrations):
        return redirect("events:participant_list", pk=event.pk)
    content = pdf.badges_pdf(event=event, registrations=registrations)
    return _pdf_response(content, _filename("navneskilte", event))


@login_required
def attendance_pdf(request, pk: int):
    event = access_event_for_organiser(user=request.user, pk=pk)
    registrations = confirmed_by_name(event=event)
    kind = PersonalDataAccess.Kind.ATTENDANCE_LIST
    if not _record_download(request, event, kind, registrations):
        return redirect("events:participant_list", pk=event.pk)
    content = pdf.attendance_pdf(event=event, registrations=registrations)
    return _pdf_response(content, _filename("deltagerliste", event))


@login_required
def feedback_results(request, pk: int):
    event = access_event_for_organiser(user=request.user, pk=pk)
    results = feedback_results_of(event=event)
    distributions = [
        (_("What participants thought overall"), results["overall_distribution"]),
        (_("How useful it was for their work"), results["usefulness_distribution"]),
    ]
    return render(
        request,
        "events/organiser_feedback_results.html",
        {"event": event, "results": results, "distributions": distributions},
    )

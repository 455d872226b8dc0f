"""The editorial desk's pages: create and edit an event with its programme and quotas on one
page, copy it to a new date (the year's theme meetings in minutes) and cancel it. An event's
organisers edit and cancel their own event too (core/rules.py)."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from portal.core.forms import add_service_errors, posted

from .. import selectors, services
from ..forms import (
    EventCancelForm,
    EventCopyForm,
    EventForm,
    ProgrammeFormSet,
    QuotaFormSet,
    programme_initial,
    quotas_initial,
)
from ..models import Event
from ..selectors import seats

PUBLISH = "publish"


def _require(user, permission: str, event: Event | None = None) -> None:
    if not rules.has_perm(permission, user, event):
        raise PermissionDenied


def _forms(request, event: Event | None):
    data = posted(request)
    if event is None:
        form = EventForm(data)
        programme = ProgrammeFormSet(data, prefix="programme")
        quotas = QuotaFormSet(data, prefix="quotas")
    else:
        form = EventForm.for_event(event, data)
        programme = ProgrammeFormSet(data, prefix="programme", initial=programme_initial(event))
        quotas = QuotaFormSet(data, prefix="quotas", initial=quotas_initial(event))
    return form, programme, quotas


def _save(request, event: Event | None, form, programme, quotas) -> Event:
    return services.event_save(
        event=event,
        by=request.user,
        fields=form.event_fields(),
        organisers=form.cleaned_data["organisers"],
        sessions=programme.sessions(first_day=form.cleaned_data["start_date"]),
        quotas=quotas.quotas(),
        publish=request.POST.get("action") == PUBLISH,
    )


def _edit_page(request, event: Event | None):
    form, programme, quotas = _forms(request, event)
    # Every part validated, so that all errors show at once.
    valid = all([form.is_valid(), programme.is_valid(), quotas.is_valid()])
    if request.method == "POST" and valid:
        try:
            saved = _save(request, event, form, programme, quotas)
        except ValidationError as error:
            if event is not None:
                event.refresh_from_db()
            add_service_errors(form, error)
        else:
            if saved.status == Event.Status.PUBLISHED:
                messages.success(request, _("The event is published."))
            else:
                messages.success(request, _("The event is saved as a draft."))
            return redirect(saved)
    return render(
        request,
        "events/event_form.html",
        {
            "event": event,
            "form": form,
            "programme": programme,
            "quotas": quotas,
            "can_publish": rules.has_perm("events.manage", request.user),
            "has_errors": bool(
                form.errors or programme.total_error_count() or quotas.total_error_count()
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def event_create(request):
    _require(request.user, "events.manage")
    return _edit_page(request, None)


@login_required
def event_update(request, pk: int):
    event = selectors.access_event(user=request.user, event_id=pk)
    _require(request.user, "events.organise", event)
    return _edit_page(request, event)


@login_required
def event_copy(request, pk: int):
    """A new draft of the same event on a new date, proposed a quarter later on the same
    weekday; "create and publish" makes the next theme meeting in one step."""
    event = selectors.access_event(user=request.user, event_id=pk)
    _require(request.user, "events.manage")
    form = EventCopyForm.for_event(event, posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.event_copy(
                event=event,
                by=request.user,
                starts_at=form.starts_at(),
                publish=request.POST.get("action") == PUBLISH,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if copy.status == Event.Status.PUBLISHED:
                messages.success(request, _("The copy is published."))
                return redirect(copy)
            messages.success(request, _("The copy is saved as a draft. Check it and publish it."))
            return redirect("events:event_update", pk=copy.pk)
    return render(
        request,
        "events/event_copy.html",
        {"event": event, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
def event_cancel(request, pk: int):
    event = selectors.access_event(user=request.user, event_id=pk)
    _require(request.user, "events.cancel", event)
    if event.status == Event.Status.CANCELLED:
        messages.info(request, _("The event is already cancelled."))
        return redirect(event)
    form = EventCancelForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(event=event, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The event is cancelled. Everyone registered is told."))
            return redirect(event)
    return render(
        request,
        "events/event_cancel.html",
        {
            "event": event,
            "form": form,
            "registered_count": sum(seats.seat_counts([event.pk]).get(event.pk, (0, 0))),
        },
        status=400 if form.is_bound else 200,
    )

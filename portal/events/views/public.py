"""Pages for everyone: the overview, the event page and signing up (oneself or a colleague)."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.forms import add_service_errors, error_text, posted
from portal.core.markdown import render_markdown

from .. import selectors, services
from ..forms import ColleagueRegistrationForm, EventFilterForm, RegistrationForm
from ..models import Event, Registration
from ..selectors import seats

EVENTS_PER_PAGE = 20


def registration_message(registration: Registration, *, colleague: bool = False) -> str:
    """What a sign-up came to, in a sentence."""
    if registration.status == Registration.Status.CONFIRMED:
        if colleague:
            return _("%(name)s is registered.") % {"name": registration.user.get_full_name()}
        return _("You are registered.")
    position = seats.waiting_position(registration)
    if colleague:
        return _("%(name)s is on the waiting list as number %(position)s.") % {
            "name": registration.user.get_full_name(),
            "position": position,
        }
    return _("You are on the waiting list as number %(position)s.") % {"position": position}


@login_required
def event_list(request):
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    filter_form = EventFilterForm(request.GET or None)
    events = selectors.event_list(user=request.user, when=when, **filter_form.filters())
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_reader_details(page.object_list)
    return render(
        request,
        "events/event_list.html",
        {
            "when": when,
            "filter_form": filter_form,
            "page_obj": page,
            "events": page.object_list,
            "can_manage": rules.has_perm("events.manage", request.user),
        },
    )


def _detail_context(request, event: Event) -> dict:
    context = selectors.event_detail(user=request.user, event=event)
    registration = context["registration"]
    active = registration is not None and registration.status != Registration.Status.CANCELLED
    context.update(
        description_html=render_markdown(event.description),
        registration_active=active,
        notes_form=RegistrationForm(
            initial={
                "dietary_note": registration.dietary_note if registration else "",
                "accessibility_note": registration.accessibility_note if registration else "",
            }
        ),
    )
    return context


@login_required
def event_detail(request, pk: int):
    event = selectors.access_event(user=request.user, event_id=pk)
    return render(request, "events/event_detail.html", _detail_context(request, event))


def _after_sign_up(request, event: Event):
    """htmx swaps the registration section in place (with the message); else back to the page."""
    if request.htmx:
        return render(
            request,
            "events/event_detail.html#registration_section",
            _detail_context(request, event),
        )
    return redirect(event)


@login_required
@require_POST
def registration_create(request, pk: int):
    """One click: a seat if there is one, else a place on the waiting list. Notes optional."""
    event = selectors.access_event(user=request.user, event_id=pk)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _after_sign_up(request, event)
    try:
        registration = services.registration_create(
            event=event, user=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    except PermissionDenied:
        raise Http404 from None
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, registration_message(registration))
        else:
            messages.info(request, registration_message(registration))
    return _after_sign_up(request, event)


def _active_registration(request, event: Event) -> Registration:
    registration = selectors.registration_of(user=request.user, event=event)
    if registration is None or registration.status == Registration.Status.CANCELLED:
        raise Http404
    return registration


@login_required
def registration_update(request, pk: int):
    """The dietary and accessibility notes of one's own registration."""
    event = selectors.access_event(user=request.user, event_id=pk)
    registration = _active_registration(request, event)
    form = RegistrationForm(
        posted(request),
        initial={
            "dietary_note": registration.dietary_note,
            "accessibility_note": registration.accessibility_note,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_update(
                registration=registration, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your notes were saved."))
            return redirect(event)
    return render(
        request,
        "events/registration_update.html",
        {"event": event, "registration": registration, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
def registration_cancel(request, pk: int):
    """Cancel one's own registration; GET asks first."""
    event = selectors.access_event(user=request.user, event_id=pk)
    registration = _active_registration(request, event)
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration, by=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect(event)
    return render(
        request,
        "events/registration_cancel.html",
        {"event": event, "registration": registration},
    )


@login_required
def registration_for_colleague(request, pk: int):
    """A coordinator signs up a colleague of their own organisation."""
    event = selectors.access_event(user=request.user, event_id=pk)
    if not rules.has_perm("events.register_colleague", request.user):
        raise PermissionDenied
    form = ColleagueRegistrationForm(
        posted(request),
        colleagues=selectors.colleagues_of(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        colleague = data.pop("colleague")
        try:
            registration = services.registration_create(
                event=event, user=colleague, by=request.user, **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error("colleague", _("This colleague cannot be registered for the event."))
        else:
            messages.success(request, registration_message(registration, colleague=True))
            return redirect(event)
    return render(
        request,
        "events/registration_colleague.html",
        {"event": event, "form": form},
        status=400 if form.is_bound else 200,
    )

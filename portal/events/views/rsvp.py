"""Signing up from an email: the signed RSVP link (see portal.events.links).

GET shows the event and a "Sign me up" button and changes nothing: mail scanners and link
previews follow links. POST signs up the person the link was made for, through the same
service as the event page (seats, quotas, waiting list, emails). No sign-in is needed: the
signed token is the key, as with the unsubscribe link. CSRF protection stays on: the form is
on this page. An event the person may not see is a 404, as everywhere.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.core.models import User

from .. import access, links, services, signals
from ..models import Event, Registration
from ..selectors import registration_of, seats


def _place(event: Event) -> str:
    return ", ".join(part for part in (event.venue, event.address, event.room) if part)


@require_http_methods(["GET", "POST"])
@never_cache
def rsvp(request, token: str):
    try:
        user, event = links.rsvp_check(token)
    except links.RsvpLinkExpired as expired:
        # Explained only to the person it was made for, about an event they may still see.
        user = User.objects.filter(pk=expired.user_id, is_active=True).first()
        event = Event.objects.filter(pk=expired.event_id).first()
        if user is None or event is None or not access.event_open_to(user=user, event=event):
            raise Http404 from expired
        return render(request, "events/rsvp_expired.html", {"event": event}, status=410)
    except ValidationError as exc:
        raise Http404 from exc
    if not access.event_open_to(user=user, event=event):
        raise Http404
    context = {"event": event, "person": user, "token": token, "place": _place(event)}
    if request.method == "POST":
        before = registration_of(user=user, event=event)
        try:
            registration = services.registration_create(event=event, user=user)
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as error:
            context["errors"] = error.messages
            return render(request, "events/rsvp.html", context, status=409)
        if before is None or before.status == Registration.Status.CANCELLED:
            # A second press of the button signs nobody up again: counted once.
            signals.registered_from_email.send(sender=Registration)
        return render(request, "events/rsvp_done.html", _done_context(context, registration))
    registration = registration_of(user=user, event=event)
    if registration is not None and registration.status != Registration.Status.CANCELLED:
        context["already"] = True
        return render(request, "events/rsvp_done.html", _done_context(context, registration))
    return render(request, "events/rsvp.html", context)


def _done_context(context: dict, registration: Registration) -> dict:
    return {
        **context,
        "registration": registration,
        "confirmed": registration.status == Registration.Status.CONFIRMED,
        "waiting_position": (
            seats.waiting_position(registration)
            if registration.status == Registration.Status.WAITING
            else None
        ),
    }

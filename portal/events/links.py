"""Signed RSVP links: "sign me up" from an email (the digest) without signing in first.

The token names one person and one event and is signed with its own salt, so it cannot be
turned into a link for somebody else or another event, nor confused with the digests' own
signed links. It expires after PORTAL_EVENT_RSVP_DAYS (30) days; an expired link leads to an
explanation with a link to the event page. Opening the link (GET) never signs anyone up: mail
scanners follow links. The person confirms with a button on the page (POST).
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.models import User

from .models import Event

_RSVP_SALT = "events.rsvp"


def rsvp_max_age() -> timedelta:
    return timedelta(days=settings.PORTAL_EVENT_RSVP_DAYS)


class RsvpLinkExpired(ValidationError):
    """A genuine link that is too old; `event_id` says which event it was for."""

    def __init__(self, message, *, user_id: int, event_id: int, code: str = "expired"):
        super().__init__(message, code=code)
        self.user_id = user_id
        self.event_id = event_id


def rsvp_token(*, user_id: int, event_id: int) -> str:
    """From ids alone: the digest signs many without loading the objects."""
    return signing.dumps([user_id, event_id], salt=_RSVP_SALT, compress=True)


def rsvp_path(*, user_id: int, event_id: int) -> str:
    return reverse("events:rsvp", args=[rsvp_token(user_id=user_id, event_id=event_id)])


def rsvp_parse(token: str) -> tuple[int, int]:
    """(user id, event id) of a genuine, unexpired token.

    RsvpLinkExpired for a genuine but old token; ValidationError for anything altered."""
    try:
        user_id, event_id = signing.loads(
            token, salt=_RSVP_SALT, max_age=rsvp_max_age().total_seconds()
        )
        return int(user_id), int(event_id)
    except signing.SignatureExpired:
        try:
            user_id, event_id = signing.loads(token, salt=_RSVP_SALT)
            user_id, event_id = int(user_id), int(event_id)
        except (signing.BadSignature, ValueError, TypeError) as exc:
            raise ValidationError(_("The link is not valid."), code="invalid") from exc
        raise RsvpLinkExpired(
            _("The link has expired. Sign up on the event's page instead."),
            user_id=user_id,
            event_id=event_id,
        ) from None
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise ValidationError(_("The link is not valid."), code="invalid") from exc


def rsvp_check(token: str) -> tuple[User, Event]:
    """The person and the event of a genuine, unexpired token.

    ValidationError when altered, expired (RsvpLinkExpired) or when the person or the event is
    gone, or the person may no longer use the portal."""
    user_id, event_id = rsvp_parse(token)
    user = (
        User.objects.filter(pk=user_id, is_active=True, approved_at__isnull=False)
        .select_related("organisation")
        .first()
    )
    event = Event.objects.select_related("topic").filter(pk=event_id).first()
    if user is None or event is None:
        raise ValidationError(_("The link is not valid."), code="invalid")
    return user, event

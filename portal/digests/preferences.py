"""Reads of a person's email choices (no row means the defaults)."""

from collections.abc import Iterable

from portal.core.models import EmailCategory, EmailSuppression, User

from .models import DigestFrequency, EmailPreference


def email_preference_of(*, user: User) -> EmailPreference:
    """The person's preferences, or an unsaved default (weekly digest, everything on)."""
    try:
        return EmailPreference.objects.get(user=user)
    except EmailPreference.DoesNotExist:
        return EmailPreference(user=user)


def email_preferences_for(*, user_ids: Iterable[int]) -> dict[int, EmailPreference]:
    """Preferences of many people in one query; people without a row get defaults."""
    ids = list(user_ids)
    found = {p.user_id: p for p in EmailPreference.objects.filter(user_id__in=ids)}
    return {uid: found.get(uid) or EmailPreference(user_id=uid) for uid in ids}


def wants_email(*, preference: EmailPreference, category: str, kind: str = "") -> bool:
    """Whether mail of `category` (and notification `kind`) may go to this person."""
    if category == EmailCategory.DIGEST:
        return preference.digest_frequency != DigestFrequency.NEVER
    if category == EmailCategory.NEWSLETTER:
        return preference.newsletter
    if category == EmailCategory.NOTIFICATION:
        return preference.wants_notification_email(kind)
    return True


def email_suppression_of(*, user: User) -> EmailSuppression | None:
    """Why mail to the person's address has stopped (it bounced), if it has."""
    return EmailSuppression.objects.filter(
        address__iexact=user.email, suppressed_at__isnull=False
    ).first()

"""Writes of the digests app: click-through records and unsubscribing."""

from django.db import transaction
from django.utils import timezone

from portal.core.models import EmailCategory, EmailDelivery, User

from .models import DigestFrequency, EmailClick, EmailPreference


@transaction.atomic
def email_click_record(*, delivery_id: int, item: str, url: str) -> EmailClick | None:
    """Record a click on a link in an email; None if the delivery no longer exists."""
    if not EmailDelivery.objects.filter(pk=delivery_id).exists():
        return None
    now = timezone.now()
    EmailDelivery.objects.filter(pk=delivery_id, clicked_at__isnull=True).update(clicked_at=now)
    # A click proves the mail was opened even where images are blocked.
    EmailDelivery.objects.filter(pk=delivery_id, opened_at__isnull=True).update(opened_at=now)
    return EmailClick.objects.create(delivery_id=delivery_id, item=item[:40], url=url[:500])


def email_open_record(*, delivery_id: int) -> None:
    EmailDelivery.objects.filter(pk=delivery_id, opened_at__isnull=True).update(
        opened_at=timezone.now()
    )


@transaction.atomic
def email_unsubscribe(*, user_id: int, category: str) -> EmailPreference | None:
    """Stop one category of mail for a person (from a link in the mail itself, no sign-in).

    Account and security mail cannot be unsubscribed. None when the person no longer exists.
    """
    if not User.objects.filter(pk=user_id).exists():
        return None
    preference, _ = EmailPreference.objects.select_for_update().get_or_create(user_id=user_id)
    if category == EmailCategory.DIGEST:
        preference.digest_frequency = DigestFrequency.NEVER
    elif category == EmailCategory.NEWSLETTER:
        preference.newsletter = False
    elif category == EmailCategory.NOTIFICATION:
        preference.notifications = False
    else:
        raise ValueError(category)
    preference.save()
    return preference

"""The demo's email side: choices of the demo logins, the year's reading figures, and one sent
newsletter in the archive with its figures, so the editor's pages have something to show.

All figures are fictional (a fixed random seed makes them the same on every machine).
"""

import random

from django.db import transaction
from django.utils import timezone

from portal.core.models import EmailDelivery, User
from portal.digests.models import DigestFrequency, EmailClick
from portal.digests.services import email_preference_update
from portal.newsletters import services
from portal.newsletters.models import Newsletter

from . import content
from .evaluation import reading_figures_load
from .people import DEMO_DOMAIN

DEMO_INTRO = content.newsletter()["intro"]


@transaction.atomic
def email_demo_load() -> dict[str, int]:
    """Load the email demo once; a second call creates nothing."""
    if Newsletter.objects.exists():
        return {"newsletters": 0}
    rng = random.Random(2026)  # noqa: S311 (fictional figures, not security)
    _load_preferences()
    # A year of visits and thread reads first: the draft picks the most read threads.
    reading_figures_load()
    sent = _load_sent_newsletter(rng)
    return {"newsletters": 1, "newsletter_copies": sent}


def _load_preferences() -> None:
    # The caseworker login reads a daily digest, as she chose it on the settings page; the
    # other logins keep the defaults (the invented people's choices are in people.yaml).
    caseworker = User.objects.get(email=f"sagsbehandler@{DEMO_DOMAIN}")
    email_preference_update(
        user=caseworker,
        digest_frequency=DigestFrequency.DAILY,
        newsletter=True,
        notifications=True,
        notification_kinds_off=[],
    )


def _load_sent_newsletter(rng: random.Random) -> int:
    editor = User.objects.get(email=f"redaktoer@{DEMO_DOMAIN}")
    newsletter = services.newsletter_draft_create(by=editor)
    services.newsletter_update(
        newsletter=newsletter,
        by=editor,
        subject=newsletter.subject,
        intro=DEMO_INTRO,
        segment=Newsletter.Segment.EVERYONE,
    )
    Newsletter.objects.filter(pk=newsletter.pk).update(
        status=Newsletter.Status.SCHEDULED, scheduled_for=timezone.now(), sent_by=editor
    )
    recipients = services.newsletter_sending_start(newsletter_id=newsletter.pk) or []
    sent = 0
    for chunk in services.recipient_chunks(recipients):
        sent += services.newsletter_send_chunk(newsletter_id=newsletter.pk, user_ids=chunk)
    services.newsletter_sending_finish(newsletter_id=newsletter.pk)
    _load_newsletter_figures(rng, newsletter)
    return sent


def _load_newsletter_figures(rng: random.Random, newsletter: Newsletter) -> None:
    items = list(newsletter.items.order_by("position"))
    deliveries = list(EmailDelivery.objects.filter(reference=newsletter.reference))
    now = timezone.now()
    clicks = []
    for delivery in deliveries:
        if rng.random() < 0.45:
            delivery.opened_at = now
            if items and rng.random() < 0.4:
                delivery.clicked_at = now
                # Readers click the first items most.
                item = items[min(int(rng.expovariate(0.6)), len(items) - 1)]
                clicks.append(
                    EmailClick(
                        delivery=delivery, item=item.key, url=item.url or "/", clicked_at=now
                    )
                )
    EmailDelivery.objects.bulk_update(deliveries, ["opened_at", "clicked_at"], batch_size=500)
    EmailClick.objects.bulk_create(clicks)

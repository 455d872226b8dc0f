"""The demo's email side: choices of the demo logins, a month of reading figures, and one sent
newsletter in the archive with its figures, so the editor's pages have something to show.

All figures are fictional (a fixed random seed makes them the same on every machine).
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portal.core.models import EmailDelivery, User
from portal.digests.models import DigestFrequency, EmailClick
from portal.digests.services import email_preference_update
from portal.forum import access
from portal.forum.models import Thread
from portal.insights.models import DailyThreadReads, DailyVisits, VisitChannel
from portal.newsletters import services
from portal.newsletters.models import Newsletter

from . import content
from .people import DEMO_DOMAIN

DEMO_INTRO = content.newsletter()["intro"]


@transaction.atomic
def email_demo_load() -> dict[str, int]:
    """Load the email demo once; a second call creates nothing."""
    if Newsletter.objects.exists():
        return {"newsletters": 0}
    rng = random.Random(2026)  # noqa: S311 (fictional figures, not security)
    _load_preferences()
    _load_reading_figures(rng)
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


def _load_reading_figures(rng: random.Random) -> None:
    today = timezone.localdate()
    # Read by everyone: the public threads outside any network (the policy says which).
    threads = list(
        Thread.objects.filter(access.threads_public(), network__isnull=True).values_list(
            "pk", flat=True
        )
    )
    popular = rng.sample(threads, min(40, len(threads)))
    reads = []
    for rank, thread_id in enumerate(popular):
        for days_ago in range(30):
            count = max(0, int(rng.gauss(30 - rank * 0.6, 4)))
            if count:
                reads.append(
                    DailyThreadReads(
                        thread_id=thread_id, day=today - timedelta(days=days_ago), count=count
                    )
                )
    DailyThreadReads.objects.bulk_create(reads, ignore_conflicts=True)
    visits = []
    for days_ago in range(30):
        day = today - timedelta(days=days_ago)
        weekday = day.weekday() < 5
        visits.append(
            DailyVisits(day=day, channel=VisitChannel.DIRECT, count=rng.randint(20, 45) * weekday)
        )
        visits.append(
            DailyVisits(day=day, channel=VisitChannel.EMAIL, count=rng.randint(35, 80) * weekday)
        )
    DailyVisits.objects.bulk_create(visits, ignore_conflicts=True)


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

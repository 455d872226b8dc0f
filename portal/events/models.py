"""Events (conference, theme meetings, network meetings, webinars) and registrations for them.

A registration is one row per person and event for its whole life: signed up, waiting,
promoted, cancelled, signed up again. Its `queued_at` is the place in the queue; seats are
handed out under a row lock on the event (services.registration_create), so concurrent sign-ups
never overbook.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.core.models import OrganisationKind


class Event(models.Model):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        THEME_MEETING = "theme_meeting", _("Theme meeting")
        NETWORK_MEETING = "network_meeting", _("Network meeting")
        WEBINAR = "webinar", _("Webinar")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        ORGANISATION_KIND = "organisation_kind", _("One kind of organisation")
        NETWORK = "network", _("Members of a network")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)  # Markdown, sanitised on render
    topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        related_name="organised_events",
        blank=True,
    )
    # Where: a place (name, address, room) and/or an online link (webinars, hybrid meetings).
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    # Empty: registration opens when the event is published and closes when it starts.
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    # Empty: no limit on seats.
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    audience_organisation_kind = models.CharField(
        _("organisation kind"), max_length=16, choices=OrganisationKind.choices, blank=True
    )
    audience_network = models.ForeignKey(
        "forum.Network",
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    # iCalendar: UID is stable per event; SEQUENCE goes up with every change participants must
    # see in their calendars (time, place, cancellation).
    ical_sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Follow-up rounds, each done once.
    reminders_sent_at = models.DateTimeField(null=True, blank=True)
    feedback_requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = pgettext_lazy("events module", "event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", args=[self.pk])

    @property
    def ical_uid(self) -> str:
        return f"event-{self.pk}@{settings.PORTAL_MAIL_DOMAIN}"


class EventSession(models.Model):
    """One item of an event's programme."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    # Speakers with a profile in the directory, and guests without one (names only).
    speakers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("speakers"), related_name="+", blank=True
    )
    guest_speakers = models.CharField(_("other speakers"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def __str__(self):
        return self.title


class OrganisationQuota(models.Model):
    """At most `seats` confirmed seats for one organisation's people at one event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="quotas")
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    seats = models.PositiveIntegerField(_("seats"))

    class Meta:
        verbose_name = _("organisation quota")
        verbose_name_plural = _("organisation quotas")
        constraints = [
            models.UniqueConstraint(fields=["event", "organisation"], name="one_quota_per_org"),
        ]

    def __str__(self):
        return f"{self.organisation_id}@{self.event_id}: {self.seats}"


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        # "Cancelled" of a registration is another Danish word than of an event (afmeldt/aflyst).
        CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    # The place in the queue: set when signing up (again); the waiting list is in this order.
    queued_at = models.DateTimeField(default=timezone.now)
    # A coordinator who signed a colleague up; empty when the person signed up themselves.
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)  # from the waiting list
    cancelled_at = models.DateTimeField(null=True, blank=True)
    dietary_note = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_note = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    feedback_requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person"),
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user_id}@{self.event_id}:{self.status}"


class FeedbackResponse(models.Model):
    """A participant's answer to the short survey after an event; one per person and event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="feedback")
    # Kept when the person's account is deleted: the organiser's results stay whole.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    overall = models.PositiveSmallIntegerField(_("overall"))  # 1..5
    usefulness = models.PositiveSmallIntegerField(_("useful for my work"))  # 1..5
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(user__isnull=False),
                name="one_feedback_per_person",
            ),
            models.CheckConstraint(
                condition=models.Q(overall__range=(1, 5), usefulness__range=(1, 5)),
                name="feedback_scores_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.event_id}: {self.overall}/{self.usefulness}"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A person's secret calendar-feed address; resetting it makes the old address stop working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(default=timezone.now)
    last_fetched_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"calendar feed of {self.user_id}"

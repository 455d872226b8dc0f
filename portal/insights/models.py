"""The portal's own measurements: visits by channel and reads per thread, counted per day.

Counters, not logs: nothing here says who visited what.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.models import EmailCategory


class VisitChannel(models.TextChoices):
    EMAIL = "email", _("From an email")
    DIRECT = "direct", _("Direct")


# The session key a page sets when a visit arrives through a link in an email (the digests'
# click view); the visit counter reads it and uses it up.
VISIT_CHANNEL_SESSION_KEY = "visit_channel"


class DailyVisits(models.Model):
    """Signed-in visits (the first request of a session) per day and channel."""

    day = models.DateField()
    channel = models.CharField(max_length=8, choices=VisitChannel.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "channel"]
        constraints = [models.UniqueConstraint(fields=["day", "channel"], name="daily_visits_once")]

    def __str__(self):
        return f"{self.day} {self.channel}: {self.count}"


class DailyThreadReads(models.Model):
    """How often a thread's page was opened on a day: "most read" for the newsletter draft."""

    thread = models.ForeignKey("forum.Thread", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "-count"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "day"], name="daily_thread_reads_once")
        ]
        indexes = [models.Index(fields=["day", "thread"], name="thread_reads_day_idx")]

    def __str__(self):
        return f"{self.thread_id} {self.day}: {self.count}"


class DailyEmailFigures(models.Model):
    """Emails sent per day and category, and how many of them were opened and clicked.

    A cohort: `day` is the Copenhagen date the emails were sent, and an open or click a week
    later bumps the row of the day they were sent, so the rates are of the emails sent in a
    period (docs/decisions/0039-evaluation-figures.md). Opens are a lower bound (many mail
    programs load no images); a click counts as an open. Each delivery counts once per figure.
    """

    day = models.DateField()
    category = models.CharField(max_length=16, choices=EmailCategory.choices)
    sent = models.PositiveIntegerField(default=0)
    opened = models.PositiveIntegerField(default=0)
    clicked = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "category"]
        constraints = [
            models.UniqueConstraint(fields=["day", "category"], name="daily_email_figures_once")
        ]

    def __str__(self):
        return f"{self.day} {self.category}: {self.sent}/{self.opened}/{self.clicked}"


class EmailAction(models.TextChoices):
    """What people do from an email without opening the portal (replies by email are counted
    from the inbound mail itself)."""

    RSVP = "rsvp", _("Signed up from an email")
    UNSUBSCRIBE = "unsubscribe", _("Unsubscribed from an email")


class DailyEmailActions(models.Model):
    """Actions taken from a link in an email, per day and kind: counters, no person."""

    day = models.DateField()
    action = models.CharField(max_length=16, choices=EmailAction.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "action"]
        constraints = [
            models.UniqueConstraint(fields=["day", "action"], name="daily_email_actions_once")
        ]

    def __str__(self):
        return f"{self.day} {self.action}: {self.count}"


class DailyGuideReads(models.Model):
    """How often a guide's page was opened on a day: the evaluation's most read guides."""

    guide = models.ForeignKey("guides.Guide", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "-count"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "day"], name="daily_guide_reads_once")
        ]
        indexes = [models.Index(fields=["day", "guide"], name="guide_reads_day_idx")]

    def __str__(self):
        return f"{self.guide_id} {self.day}: {self.count}"

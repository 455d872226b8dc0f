"""The portal's own measurements: visits by channel and reads per thread, counted per day.

Counters, not logs: nothing here says who visited what.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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

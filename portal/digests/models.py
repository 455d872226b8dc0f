"""Email preferences, personal digests and click-through measurement.

The portal comes to its users by email (DESIGN.md module 3): each person chooses how often a
digest arrives and which mail they want; links in emails tell which email brought a visit.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    NEVER = "never", _("Never")


class EmailPreference(models.Model):
    """One person's email choices. No row means the defaults (weekly digest, everything on)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="email_preference",
    )
    digest_frequency = models.CharField(
        _("digest"), max_length=8, choices=DigestFrequency.choices, default=DigestFrequency.WEEKLY
    )
    newsletter = models.BooleanField(_("newsletter"), default=True)
    notifications = models.BooleanField(_("notifications by email"), default=True)
    # Notification kinds (NotificationKind values) the person does not want by email.
    notification_kinds_off = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.user_id}: {self.digest_frequency}"

    def wants_notification_email(self, kind: str) -> bool:
        return self.notifications and kind not in self.notification_kinds_off


class DigestRun(models.Model):
    """One digest period for one person: the unique key is what makes a round idempotent.

    A row is written (in the same transaction as the delivery record) whether or not the digest
    had anything worth sending, so a repeated round neither resends nor recomposes.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_runs"
    )
    frequency = models.CharField(max_length=8, choices=DigestFrequency.choices)
    # The start of the period (a day for daily digests, the Monday for weekly ones).
    period_start = models.DateField()
    covers_from = models.DateTimeField()
    covers_until = models.DateTimeField()
    item_count = models.PositiveSmallIntegerField(default=0)
    # Null when there was nothing worth sending.
    delivery = models.ForeignKey(
        "core.EmailDelivery", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period_start"], name="digest_run_once_per_period"
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.frequency} {self.period_start}"


class EmailClick(models.Model):
    """A click on a link in an email: which email (delivery), which item, where it led."""

    delivery = models.ForeignKey(
        "core.EmailDelivery", on_delete=models.CASCADE, related_name="clicks"
    )
    item = models.CharField(max_length=40, blank=True)
    url = models.CharField(max_length=500)
    clicked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-clicked_at"]
        indexes = [models.Index(fields=["delivery", "item"], name="email_click_item_idx")]

    def __str__(self):
        return f"{self.delivery_id} {self.item}"

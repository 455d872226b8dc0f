"""What arrived by email: a log of outcomes, never the body (it may hold what was refused)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InboundMessage(models.Model):
    class Outcome(models.TextChoices):
        POSTED = "posted", _("Posted as a reply")
        REJECTED = "rejected", _("Rejected")
        IGNORED = "ignored", _("Ignored (automatic reply)")
        BOUNCE = "bounce", _("Bounce recorded")

    class BounceKind(models.TextChoices):
        HARD = "hard", _("Permanent failure")
        SOFT = "soft", _("Temporary failure")

    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    envelope_from = models.CharField(max_length=320, blank=True)
    recipient = models.CharField(max_length=320)
    from_address = models.CharField(max_length=320, blank=True)
    message_id = models.CharField(max_length=300, blank=True, db_index=True)
    size = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    # A short code ("expired", "forged", "cpr", ...) and the Danish explanation that was sent.
    reason = models.CharField(max_length=32, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    post = models.ForeignKey(
        "forum.Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Bounces: which delivery bounced, for which address, how. Soft bounces are counted from
    # these rows over a sliding window, so an address is suppressed only when it keeps failing.
    delivery = models.ForeignKey(
        "core.EmailDelivery", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    bounced_address = models.EmailField(blank=True)
    bounce_kind = models.CharField(max_length=4, choices=BounceKind.choices, blank=True)
    bounce_status = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            # An MTA that retries a delivery must not post the same reply twice.
            models.UniqueConstraint(
                fields=["message_id", "recipient"],
                condition=Q(outcome="posted") & ~Q(message_id=""),
                name="inbound_posted_once",
            )
        ]
        indexes = [
            models.Index(
                fields=["bounced_address", "received_at"],
                condition=Q(bounce_kind="soft"),
                name="inbound_soft_bounce_idx",
            )
        ]

    def __str__(self):
        return f"{self.recipient}: {self.outcome}"

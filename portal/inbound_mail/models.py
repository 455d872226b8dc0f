"""What arrived by email: a log of outcomes, never the body (it may hold what was refused)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InboundMessage(models.Model):
    class Outcome(models.TextChoices):
        POSTED = "posted", _("Posted as a reply")
        REJECTED = "rejected", _("Rejected")
        IGNORED = "ignored", _("Ignored (automatic reply)")
        BOUNCE = "bounce", _("Bounce recorded")

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

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self):
        return f"{self.recipient}: {self.outcome}"

"""Notifications: the bell in the portal, and the same records batched into emails."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from portal.core.notify import NotificationKind


class Notification(models.Model):
    # The kinds are defined in core, where the content apps that notify can name them.
    Kind = NotificationKind

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    thread = models.ForeignKey(
        "forum.Thread", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    post = models.ForeignKey(
        "forum.Post", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    network = models.ForeignKey(
        "forum.Network", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    guide = models.ForeignKey(
        "guides.Guide", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # A finished import of partnership data (only its importer is told, so no reading rule).
    partnership_import = models.ForeignKey(
        "partnership.PartnershipImport",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # A register item that moved, or is past its timeline (everyone approved reads the register).
    register_item = models.ForeignKey(
        "register.RegisterItem",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # A partnership alert names the fund and the month it is about.
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    period = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # When the email round dealt with this notification, and the email that carried it (none
    # when the recipient does not want this kind by email).
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_delivery = models.ForeignKey(
        "core.EmailDelivery", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["recipient", "read_at", "-created_at"], name="notification_bell_idx"
            ),
            models.Index(
                fields=["created_at"],
                condition=models.Q(emailed_at__isnull=True),
                name="notification_email_due_idx",
            ),
        ]

    def __str__(self):
        return f"{self.kind}→{self.recipient_id}"

"""The legal hotline: questions sent to the jurists, with a response deadline in working days."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .workdays import warning_starts


class HotlineCase(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Awaiting answer")
        ANSWERED = "answered", _("Answered")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    thread = models.OneToOneField(
        "forum.Thread", on_delete=models.CASCADE, related_name="hotline_case"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    # End of the last working day the jurists have (Danish public holidays excluded).
    deadline = models.DateTimeField(db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hotline_cases",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    deadline_warned_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["status", "deadline"], name="hotline_worklist_idx")]
        verbose_name = _("hotline case")
        verbose_name_plural = _("hotline cases")

    def __str__(self):
        return f"hotline:{self.thread_id}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.deadline < timezone.now()

    @property
    def is_due_soon(self) -> bool:
        """Open, not yet overdue, and the working day before the deadline has begun."""
        return self.is_open and warning_starts(self.deadline) <= timezone.now() <= self.deadline

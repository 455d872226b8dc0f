"""The editorial desk's newsletter: drafted by the portal, approved and sent by an editor."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Newsletter(models.Model):
    """The editorial desk's newsletter: drafted by the portal, approved and sent by an editor."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    class Segment(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        ORGANISATION_KIND = "organisation_kind", _("One kind of organisation")
        TOPIC_FOLLOWERS = "topic_followers", _("Followers of a topic")

    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    intro_html = models.TextField(blank=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    segment = models.CharField(
        _("recipients"), max_length=20, choices=Segment.choices, default=Segment.EVERYONE
    )
    segment_organisation_kind = models.CharField(_("organisation kind"), max_length=16, blank=True)
    segment_topic = models.ForeignKey(
        "core.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    scheduled_for = models.DateTimeField(_("send at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)
    # The editor's edits of the draft (subject, introduction, recipients; items added, removed,
    # moved or reworded): the evaluation's "editorial effort". A counter, not a history.
    editor_edits = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.subject

    @property
    def reference(self) -> str:
        """The EmailDelivery.reference of every copy of this newsletter."""
        return f"newsletter:{self.pk}"


class NewsletterItem(models.Model):
    """One entry of a newsletter, in the editor's order; it points at portal content."""

    class Kind(models.TextChoices):
        THREAD = "thread", _("Thread")
        GUIDE = "guide", _("Guide")
        # An "arrangement", not the audit log's "hændelse" (the same English word).
        EVENT = "event", pgettext_lazy("events module", "Event")
        LINK = "link", _("Link")

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    thread = models.ForeignKey(
        "forum.Thread", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    guide = models.ForeignKey(
        "guides.Guide", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Events arrive with the events module; until then an item may be a plain portal link.
    url = models.CharField(max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    # Why the portal proposed it ("most read", "most useful"), shown to the editor.
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["newsletter", "position", "id"]

    def __str__(self):
        return self.title

    @property
    def key(self) -> str:
        """The item key in click-through records."""
        return f"item:{self.pk}"


class NewsletterRecipient(models.Model):
    """One person a newsletter's round goes to, written when sending starts.

    Marked `handled_at` in the same transaction as the person's copy is written to the outbox
    (or skipped, `delivery` null: turned off, left, bounced), so a retried chunk or a resumed
    round mails nobody twice, and the newsletter can say truthfully how far it got.
    """

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    handled_at = models.DateTimeField(null=True, blank=True)
    delivery = models.ForeignKey(
        "core.EmailDelivery", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "user"], name="newsletter_recipient_once")
        ]

    def __str__(self):
        return f"{self.newsletter_id} → {self.user_id}"

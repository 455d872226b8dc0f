"""The editorial desk's user survey: a few questions sent by email to a segment, answered from
a signed personal link without signing in, anonymous to the desk unless the person says otherwise
(docs/decisions/0040-user-survey.md)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.newsletters.models import Newsletter


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Open for answers")
        CLOSED = "closed", _("Closed")

    # The newsletter's segments: the same people, chosen the same way.
    Segment = Newsletter.Segment

    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    @property
    def reference(self) -> str:
        """The EmailDelivery.reference of every copy of this survey's email."""
        return f"survey:{self.pk}"


class SurveyQuestion(models.Model):
    """The kinds of question of the events' feedback form: a 1–5 scale, one choice, free text."""

    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale from 1 to 5")
        CHOICE = "choice", _("One choice among options")
        TEXT = "text", _("Free text")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind of question"), max_length=8, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    # Choice questions: one option per line.
    options = models.TextField(_("options"), blank=True)

    class Meta:
        ordering = ["survey", "position", "id"]

    def __str__(self):
        return self.text

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class SurveyRecipient(models.Model):
    """One person the survey went to. `answered` is the only trace of their answer: it holds
    the link to once per person, and says nothing about which answer is theirs (no time)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    handled_at = models.DateTimeField(null=True, blank=True)
    delivery = models.ForeignKey(
        "core.EmailDelivery", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="survey_recipient_once")
        ]

    def __str__(self):
        return f"{self.survey_id} → {self.user_id}"


class SurveyResponse(models.Model):
    """One person's answers. `user` is set only when they ticked that the desk may see it is
    theirs; otherwise nothing links the row to a person."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The day only: a time to the second could be matched against the email's delivery.
    answered_on = models.DateField(default=timezone.localdate)

    def __str__(self):
        return f"{self.survey_id}: {self.pk}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    # A scale's score (1–5) or the chosen option's index.
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    def __str__(self):
        return f"{self.question_id}: {self.value if self.value is not None else self.text[:20]}"

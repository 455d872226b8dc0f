"""Writes of the user survey: the desk composes, sends and closes it; a person answers once.

Sending is the newsletter's round (newsletters/services.py, docs/decisions/0014): one row per
recipient written when sending starts, each chunk's copies written to the durable outbox in the
same transaction as the rows are marked handled, delivered after commit; what a killed worker
did not send, the outbox sweep does. Answering keeps the person and the answer apart
(docs/decisions/0040-user-survey.md).
"""

from collections.abc import Mapping, Sequence
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Max, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.cpr import validate_no_cpr_number
from portal.core.email import OutgoingEmail, email_record_batch, email_render
from portal.core.models import AuditEvent, EmailCategory, OrganisationKind, Topic, User
from portal.core.outbox import email_deliver
from portal.core.queue import Fallback, enqueue
from portal.core.services import audit_record
from portal.digests.links import unsubscribe_url
from portal.digests.preferences import email_preferences_for, wants_email

from . import access, links, selectors
from .models import Survey, SurveyAnswer, SurveyQuestion, SurveyRecipient, SurveyResponse

EMAIL_TEMPLATE = "surveys/emails/survey"
CHUNK_SIZE = 500
MAX_QUESTIONS = 20


class AlreadyAnswered(Exception):
    pass


class SurveyClosed(Exception):
    pass


def _cpr_errors(errors: dict, fields: Mapping[str, str]) -> None:
    for name, text in fields.items():
        try:
            validate_no_cpr_number(text)
        except ValidationError as error:
            errors.setdefault(name, []).extend(error.messages)


def _require_draft(survey: Survey) -> None:
    if survey.status != Survey.Status.DRAFT:
        raise ValidationError(
            _("This survey has been sent and can no longer be changed."), code="not_editable"
        )


def _clean_segment(
    errors: dict, segment: str, segment_organisation_kind: str, segment_topic: Topic | None
) -> None:
    if segment not in Survey.Segment.values:
        errors["segment"] = [_("Choose who receives the survey.")]
    if segment == Survey.Segment.ORGANISATION_KIND and (
        segment_organisation_kind not in OrganisationKind.values
    ):
        errors["segment_organisation_kind"] = [_("Choose a kind of organisation.")]
    if segment == Survey.Segment.TOPIC_FOLLOWERS and segment_topic is None:
        errors["segment_topic"] = [_("Choose a topic.")]


@transaction.atomic
def survey_compose(
    *,
    by: User,
    title: str,
    intro: str,
    segment: str,
    segment_organisation_kind: str = "",
    segment_topic: Topic | None = None,
    survey: Survey | None = None,
) -> Survey:
    """A new draft, or a draft's title, introduction and recipients changed. A CPR number
    anywhere changes nothing."""
    access.require_manage(by)
    if survey is not None:
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        _require_draft(survey)
    errors: dict[str, list] = {}
    title = title.strip()
    if not title:
        errors["title"] = [_("Write a title.")]
    _cpr_errors(errors, {"title": title, "intro": intro})
    _clean_segment(errors, segment, segment_organisation_kind, segment_topic)
    if errors:
        raise ValidationError(errors)
    created = survey is None
    survey = survey or Survey(created_by=by)
    survey.title = title
    survey.intro = intro.strip()
    survey.segment = segment
    survey.segment_organisation_kind = (
        segment_organisation_kind if segment == Survey.Segment.ORGANISATION_KIND else ""
    )
    survey.segment_topic = segment_topic if segment == Survey.Segment.TOPIC_FOLLOWERS else None
    survey.save()
    audit_record(action=AuditEvent.Action.SURVEY_COMPOSED, actor=by, target=survey, created=created)
    return survey


@transaction.atomic
def question_add(
    *, survey: Survey, by: User, kind: str, text: str, options: str = ""
) -> SurveyQuestion:
    access.require_manage(by)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_draft(survey)
    errors: dict[str, list] = {}
    text = text.strip()
    option_list = [line.strip() for line in options.splitlines() if line.strip()]
    if kind not in SurveyQuestion.Kind.values:
        errors["kind"] = [_("Choose a kind of question.")]
    if not text:
        errors["text"] = [_("Write the question.")]
    if kind == SurveyQuestion.Kind.CHOICE and not 2 <= len(option_list) <= 10:
        errors["options"] = [_("Write between 2 and 10 options, one per line.")]
    _cpr_errors(errors, {"text": text, "options": options})
    if survey.questions.count() >= MAX_QUESTIONS:
        errors.setdefault("text", []).append(_("A survey has at most 20 questions."))
    if errors:
        raise ValidationError(errors)
    last = survey.questions.aggregate(last=Max("position"))["last"]
    return SurveyQuestion.objects.create(
        survey=survey,
        position=0 if last is None else last + 1,
        kind=kind,
        text=text,
        options="\n".join(option_list) if kind == SurveyQuestion.Kind.CHOICE else "",
    )


@transaction.atomic
def question_remove(*, question: SurveyQuestion, by: User) -> None:
    access.require_manage(by)
    _require_draft(Survey.objects.select_for_update().get(pk=question.survey_id))
    question.delete()


# --- Sending -----------------------------------------------------------------------------


@transaction.atomic
def survey_send(*, survey: Survey, by: User) -> Survey:
    """Open the survey and write its round: a row per recipient of the segment; the copies go
    out from the queue in chunks, after commit."""
    from .tasks import survey_send_round

    access.require_manage(by)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_draft(survey)
    if not survey.questions.exists():
        raise ValidationError(_("Add at least one question before you send the survey."))
    recipient_ids = list(
        selectors.survey_recipients(survey=survey).order_by("pk").values_list("pk", flat=True)
    )
    SurveyRecipient.objects.bulk_create(
        [SurveyRecipient(survey=survey, user_id=uid) for uid in recipient_ids], batch_size=1000
    )
    survey.status = Survey.Status.SENT
    survey.sent_at = timezone.now()
    survey.recipient_count = len(recipient_ids)
    survey.save(update_fields=["status", "sent_at", "recipient_count"])
    audit_record(
        action=AuditEvent.Action.SURVEY_SENT,
        actor=by,
        target=survey,
        segment=survey.segment,
        recipients=len(recipient_ids),
    )
    survey_id = survey.pk
    transaction.on_commit(lambda: enqueue(survey_send_round, survey_id, fallback=Fallback.INLINE))
    return survey


def recipient_chunks(user_ids: Sequence[int]) -> list[list[int]]:
    return [list(user_ids[i : i + CHUNK_SIZE]) for i in range(0, len(user_ids), CHUNK_SIZE)]


def survey_waiting(*, survey_id: int) -> list[int]:
    return list(
        SurveyRecipient.objects.filter(survey_id=survey_id, handled_at__isnull=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def survey_send_chunk(*, survey_id: int, user_ids: Sequence[int], connection=None) -> int:
    """Write one chunk's copies to the outbox and send them over one SMTP connection."""
    delivery_ids = _chunk_record(survey_id=survey_id, user_ids=user_ids)
    email_deliver(delivery_ids, connection=connection)
    return len(delivery_ids)


def _render_copy(survey: Survey, person: User, unsubscribe: str, delivery):
    return email_render(
        EMAIL_TEMPLATE,
        {
            "survey": survey,
            "reader": person,
            "delivery": delivery,
            "answer_url": links.answer_url(survey_id=survey.pk, user_id=person.pk),
            "answer_days": links.ANSWER_DAYS,
            # The same signed link as the List-Unsubscribe header (signed once per message).
            "unsubscribe_url": unsubscribe,
        },
        person.preferred_language,
    )


@transaction.atomic
def _chunk_record(*, survey_id: int, user_ids: Sequence[int]) -> list[int]:
    survey = (
        Survey.objects.select_for_update().filter(pk=survey_id, status=Survey.Status.SENT).first()
    )
    if survey is None:
        return []
    round_rows = SurveyRecipient.objects.filter(
        survey_id=survey_id, user_id__in=list(user_ids), handled_at__isnull=True
    )
    waiting = list(round_rows.values_list("user_id", flat=True))
    if not waiting:
        return []
    people = list(
        User.objects.filter(pk__in=waiting, is_active=True, approved_at__isnull=False)
        .exclude(email="")
        .order_by("pk")
    )
    preferences = email_preferences_for(user_ids=[person.pk for person in people])
    messages = []
    for person in people:
        if not wants_email(preference=preferences[person.pk], category=EmailCategory.NEWSLETTER):
            continue
        unsubscribe = unsubscribe_url(user_id=person.pk, category=EmailCategory.NEWSLETTER)
        messages.append(
            OutgoingEmail(
                to=person.email,
                template=EMAIL_TEMPLATE,
                category=EmailCategory.NEWSLETTER,
                render=partial(_render_copy, survey, person, unsubscribe),
                user_id=person.pk,
                reference=survey.reference,
                unsubscribe_url=unsubscribe,
            )
        )
    deliveries = email_record_batch(messages)
    delivery_of = {m.user_id: d.pk for m, d in zip(messages, deliveries, strict=True) if d}
    round_rows.update(
        handled_at=timezone.now(),
        delivery=Case(
            *[When(user_id=uid, then=Value(pk)) for uid, pk in delivery_of.items()],
            default=Value(None),
            output_field=IntegerField(),
        ),
    )
    return list(delivery_of.values())


@transaction.atomic
def survey_close(*, survey: Survey, by: User) -> Survey:
    """No more answers; the results stay."""
    access.require_manage(by)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != Survey.Status.SENT:
        raise ValidationError(_("Only a survey that is open for answers can be closed."))
    survey.status = Survey.Status.CLOSED
    survey.closed_at = timezone.now()
    survey.save(update_fields=["status", "closed_at"])
    audit_record(action=AuditEvent.Action.SURVEY_CLOSED, actor=by, target=survey)
    return survey


# --- Answering ---------------------------------------------------------------------------


@transaction.atomic
def survey_answer(
    *,
    recipient: SurveyRecipient,
    values: Mapping[int, int | str | None],
    show_name: bool,
) -> SurveyResponse:
    """Store one person's answers once. The response carries the person only when they allowed
    it; the recipient row is only marked answered, so once-per-person holds without linking
    the answer to them. `values` maps question ids to a score, an option index or a text."""
    recipient = SurveyRecipient.objects.select_for_update().get(pk=recipient.pk)
    survey = Survey.objects.get(pk=recipient.survey_id)
    if survey.status != Survey.Status.SENT:
        raise SurveyClosed
    if recipient.answered:
        raise AlreadyAnswered
    questions = {q.pk: q for q in survey.questions.all()}
    errors: dict[str, list] = {}
    answers = []
    for question_id, value in values.items():
        question = questions.get(question_id)
        if question is None:
            continue
        if question.kind == SurveyQuestion.Kind.TEXT:
            text = str(value or "").strip()
            _cpr_errors(errors, {f"q{question_id}": text})
            if text:
                answers.append(SurveyAnswer(question=question, text=text))
        elif value is not None and value != "":
            limit = 5 if question.kind == SurveyQuestion.Kind.SCALE else len(question.option_list)
            low = 1 if question.kind == SurveyQuestion.Kind.SCALE else 0
            if not isinstance(value, int) or not low <= value <= limit - (1 - low):
                errors[f"q{question_id}"] = [_("Choose one of the options.")]
            else:
                answers.append(SurveyAnswer(question=question, value=value))
    if errors:
        raise ValidationError(errors)
    response = SurveyResponse.objects.create(
        survey=survey, user_id=recipient.user_id if show_name else None
    )
    for answer in answers:
        answer.response = response
    SurveyAnswer.objects.bulk_create(answers)
    recipient.answered = True
    recipient.save(update_fields=["answered"])
    return response

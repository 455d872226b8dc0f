"""Reads of the user survey: who gets it, the desk's list and the results."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from portal.core.models import User
from portal.newsletters.models import Newsletter
from portal.newsletters.selectors import newsletter_recipients

from .access import require_manage, surveys_readable
from .models import Survey, SurveyAnswer, SurveyQuestion, SurveyRecipient, SurveyResponse


def survey_recipients(*, survey: Survey) -> QuerySet[User]:
    """The newsletter's recipient selection for the survey's segment: active, approved members
    who have not turned the newsletter off and whose address has not bounced."""
    return newsletter_recipients(
        newsletter=Newsletter(
            segment=survey.segment,
            segment_organisation_kind=survey.segment_organisation_kind,
            segment_topic_id=survey.segment_topic_id,
        )
    )


def survey_list_for_desk(*, user: User) -> QuerySet[Survey]:
    require_manage(user)
    return (
        Survey.objects.filter(surveys_readable(user))
        .annotate(
            question_count=Count("questions", distinct=True),
            response_count=Count("responses", distinct=True),
        )
        .order_by("-created_at", "-pk")
    )


def access_survey_for_desk(*, user: User, survey_id: int) -> Survey:
    """403 outside the desk, 404 when the survey does not exist."""
    require_manage(user)
    survey = (
        Survey.objects.filter(surveys_readable(user), pk=survey_id)
        .select_related("segment_topic")
        .first()
    )
    if survey is None:
        raise Http404
    return survey


def survey_questions(*, survey: Survey) -> list[SurveyQuestion]:
    return list(survey.questions.order_by("position", "pk"))


def survey_ids_waiting(*, sent_before) -> list[int]:
    """Open surveys sent before `sent_before` with people whose copy is not written yet."""
    return list(
        Survey.objects.filter(
            status=Survey.Status.SENT,
            sent_at__lt=sent_before,
            recipients__handled_at__isnull=True,
        )
        .values_list("pk", flat=True)
        .distinct()
    )


def recipient_for_link(*, survey_id: int, user_id: int) -> SurveyRecipient | None:
    return (
        SurveyRecipient.objects.select_related("survey")
        .filter(survey_id=survey_id, user_id=user_id, user__is_active=True)
        .first()
    )


@dataclass
class QuestionResult:
    question: SurveyQuestion
    count: int = 0
    # Scale: rows (score, count, percent); choice: rows (option, count, percent).
    rows: list[tuple] = field(default_factory=list)
    mean: float | None = None
    # Free text: (text, name or "").
    texts: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class SurveyResults:
    survey: Survey
    response_count: int
    recipient_count: int
    questions: list[QuestionResult]

    @property
    def response_rate(self) -> int | None:
        if not self.recipient_count:
            return None
        return round(100 * self.response_count / self.recipient_count)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def survey_results(*, survey: Survey) -> SurveyResults:
    """Counts per option, the scale's distribution and mean, the free-text answers (with a name
    only where the person allowed it) and the response rate. A fixed number of queries."""
    return surveys_results(surveys=[survey])[0]


def _counts_per_survey(queryset, key: str = "survey_id") -> dict[int, int]:
    return dict(queryset.values(key).annotate(n=Count("pk")).order_by().values_list(key, "n"))


def surveys_results(*, surveys: list[Survey]) -> list[SurveyResults]:
    """`survey_results` of several surveys (the annual report's), in the same five queries
    however many surveys there are."""
    if not surveys:
        return []
    ids = [survey.pk for survey in surveys]
    questions: dict[int, list[SurveyQuestion]] = {}
    for question in SurveyQuestion.objects.filter(survey_id__in=ids).order_by("position", "pk"):
        questions.setdefault(question.survey_id, []).append(question)
    responses = _counts_per_survey(SurveyResponse.objects.filter(survey_id__in=ids))
    recipients = _counts_per_survey(
        SurveyRecipient.objects.filter(survey_id__in=ids, delivery__isnull=False)
    )
    counts: dict[tuple[int, int], int] = {
        (row["question_id"], row["value"]): row["n"]
        for row in SurveyAnswer.objects.filter(question__survey_id__in=ids, value__isnull=False)
        .values("question_id", "value")
        .annotate(n=Count("pk"))
        .order_by()
    }
    texts: dict[int, list[tuple[str, str]]] = {}
    for question_id, text, name in (
        SurveyAnswer.objects.filter(question__survey_id__in=ids)
        .exclude(Q(text=""))
        .order_by("pk")
        .values_list("question_id", "text", "response__user__full_name")
    ):
        texts.setdefault(question_id, []).append((text, name or ""))
    return [
        SurveyResults(
            survey=survey,
            response_count=responses.get(survey.pk, 0),
            recipient_count=recipients.get(survey.pk, 0),
            questions=[
                _question_result(question, counts, texts)
                for question in questions.get(survey.pk, [])
            ],
        )
        for survey in surveys
    ]


def _question_result(
    question: SurveyQuestion,
    counts: dict[tuple[int, int], int],
    texts: dict[int, list[tuple[str, str]]],
) -> QuestionResult:
    result = QuestionResult(question=question)
    if question.kind == SurveyQuestion.Kind.SCALE:
        values = {score: counts.get((question.pk, score), 0) for score in range(1, 6)}
        result.count = sum(values.values())
        result.rows = [(score, n, _percent(n, result.count)) for score, n in values.items()]
        if result.count:
            result.mean = sum(s * n for s, n in values.items()) / result.count
    elif question.kind == SurveyQuestion.Kind.CHOICE:
        options = question.option_list
        values = {i: counts.get((question.pk, i), 0) for i in range(len(options))}
        result.count = sum(values.values())
        result.rows = [(options[i], n, _percent(n, result.count)) for i, n in values.items()]
    else:
        result.texts = texts.get(question.pk, [])
        result.count = len(result.texts)
    return result


def surveys_sent_between(*, start, end) -> list[Survey]:
    """The surveys sent in [start, end) (open or closed since), oldest first: the annual
    evaluation report shows their results (who may see it is the evaluation's policy)."""
    return list(
        Survey.objects.filter(sent_at__gte=start, sent_at__lt=end)
        .exclude(status=Survey.Status.DRAFT)
        .order_by("sent_at", "pk")
    )

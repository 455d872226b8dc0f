"""The survey's writes: composing (CPR refused, desk only), sending to the segment through the
outbox, answering once and anonymously unless allowed, closing."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from portal.core.models import AuditEvent, EmailDelivery
from portal.digests.models import EmailPreference
from portal.surveys import links, selectors, services
from portal.surveys.models import Survey, SurveyAnswer, SurveyRecipient, SurveyResponse

from .conftest import compose

pytestmark = pytest.mark.django_db

CPR_TEXT = "Borgeren har cpr 010190-1234, se sagen."


def send(survey, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.survey_send(survey=survey, by=editor)


def questions(survey):
    scale, choice, text = selectors.survey_questions(survey=survey)
    return scale, choice, text


def recipient_of(survey, user):
    return SurveyRecipient.objects.get(survey=survey, user=user)


def test_only_the_editorial_desk_composes_a_survey(caseworker):
    with pytest.raises(PermissionDenied):
        services.survey_compose(by=caseworker, title="X", intro="", segment="everyone")
    assert not Survey.objects.exists()


def test_a_cpr_number_in_the_introduction_is_refused_and_nothing_is_stored(editor):
    with pytest.raises(ValidationError) as error:
        services.survey_compose(by=editor, title="Spørgsmål", intro=CPR_TEXT, segment="everyone")
    assert "CPR" in str(error.value) or "cpr" in str(error.value).lower()
    assert not Survey.objects.exists()


def test_a_cpr_number_in_a_question_is_refused(editor, survey):
    with pytest.raises(ValidationError):
        services.question_add(survey=survey, by=editor, kind="text", text=CPR_TEXT)
    assert survey.questions.count() == 3


def test_sending_writes_one_outbox_copy_per_person_of_the_segment_with_a_personal_link(
    editor, members, fund, django_capture_on_commit_callbacks
):
    anna, bo, carl = members
    EmailPreference.objects.create(user=bo, newsletter=False)
    survey = compose(editor, segment="organisation_kind", segment_organisation_kind=fund.kind)
    send(survey, editor, django_capture_on_commit_callbacks)

    copies = EmailDelivery.objects.filter(reference=f"survey:{survey.pk}")
    assert [c.recipient for c in copies] == ["anna@3f.example.dk"]
    assert copies[0].status == EmailDelivery.Status.SENT
    assert copies[0].subject == "Hvad synes du om portalen?"
    assert "List-Unsubscribe" in copies[0].headers
    # The personal link: its token (signed when the copy was written) names Anna and the survey.
    [token] = re.findall(r"/spoergeskemaer/svar/([^/\s]+)/", copies[0].text_body)
    link = links.answer_parse(token)
    assert (link.survey_id, link.user_id) == (survey.pk, anna.pk)
    survey.refresh_from_db()
    assert survey.status == Survey.Status.SENT
    assert survey.recipient_count == 1
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.SURVEY_SENT, object_id=str(survey.pk)
    ).exists()


def test_a_survey_without_questions_cannot_be_sent(editor, members):
    survey = services.survey_compose(by=editor, title="Tom", intro="", segment="everyone")
    with pytest.raises(ValidationError):
        services.survey_send(survey=survey, by=editor)
    survey.refresh_from_db()
    assert survey.status == Survey.Status.DRAFT


def test_an_anonymous_answer_has_no_user_and_a_person_answers_once(
    editor, survey, members, django_capture_on_commit_callbacks
):
    send(survey, editor, django_capture_on_commit_callbacks)
    scale, choice, text = questions(survey)
    anna = members[0]
    services.survey_answer(
        recipient=recipient_of(survey, anna),
        values={scale.pk: 4, choice.pk: 0, text.pk: "Flere guider"},
        show_name=False,
    )
    response = SurveyResponse.objects.get()
    assert response.user_id is None
    assert SurveyAnswer.objects.filter(response=response).count() == 3
    assert recipient_of(survey, anna).answered is True

    with pytest.raises(services.AlreadyAnswered):
        services.survey_answer(
            recipient=recipient_of(survey, anna), values={scale.pk: 1}, show_name=True
        )
    assert SurveyResponse.objects.count() == 1


def test_an_answer_carries_the_person_only_when_they_allow_it(
    editor, survey, members, django_capture_on_commit_callbacks
):
    send(survey, editor, django_capture_on_commit_callbacks)
    scale, _choice, _text = questions(survey)
    services.survey_answer(
        recipient=recipient_of(survey, members[1]), values={scale.pk: 2}, show_name=True
    )
    assert SurveyResponse.objects.get().user == members[1]


def test_a_cpr_number_in_a_free_text_answer_is_refused_and_nothing_is_stored(
    editor, survey, members, django_capture_on_commit_callbacks
):
    send(survey, editor, django_capture_on_commit_callbacks)
    scale, _choice, text = questions(survey)
    with pytest.raises(ValidationError):
        services.survey_answer(
            recipient=recipient_of(survey, members[0]),
            values={scale.pk: 3, text.pk: CPR_TEXT},
            show_name=False,
        )
    assert not SurveyResponse.objects.exists()
    assert recipient_of(survey, members[0]).answered is False


def test_closing_stops_answers(editor, survey, members, django_capture_on_commit_callbacks):
    send(survey, editor, django_capture_on_commit_callbacks)
    services.survey_close(survey=survey, by=editor)
    scale, _choice, _text = questions(survey)
    with pytest.raises(services.SurveyClosed):
        services.survey_answer(
            recipient=recipient_of(survey, members[0]), values={scale.pk: 3}, show_name=False
        )
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SURVEY_CLOSED).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SURVEY_COMPOSED).exists()


def test_the_results_count_options_scale_and_texts_with_names_only_when_allowed(
    editor, survey, members, django_capture_on_commit_callbacks
):
    send(survey, editor, django_capture_on_commit_callbacks)
    scale, choice, text = questions(survey)
    anna, bo, _carl = members
    services.survey_answer(
        recipient=recipient_of(survey, anna),
        values={scale.pk: 5, choice.pk: 0, text.pk: "Mere om dagpenge"},
        show_name=False,
    )
    services.survey_answer(
        recipient=recipient_of(survey, bo),
        values={scale.pk: 2, choice.pk: 0, text.pk: "Hurtigere svar"},
        show_name=True,
    )
    results = selectors.survey_results(survey=survey)
    assert results.response_count == 2
    assert results.recipient_count == 4  # the three members and the editor
    assert results.response_rate == 50  # 2 of 4
    scale_result, choice_result, text_result = results.questions
    assert scale_result.mean == pytest.approx(3.5)  # (5 + 2) / 2
    assert [row[1] for row in scale_result.rows] == [0, 1, 0, 0, 1]
    assert choice_result.rows == [("Nyhedsbrevet", 2, 100), ("Direkte", 0, 0), ("Søgning", 0, 0)]
    assert text_result.texts == [("Mere om dagpenge", ""), ("Hurtigere svar", "Bo Berg")]


def test_a_round_whose_chunk_task_was_lost_is_resumed_and_mails_each_person_once(
    editor, survey, members, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from portal.surveys import tasks

    services.survey_send(survey=survey, by=editor)  # on_commit not run: the round is lost
    assert not EmailDelivery.objects.filter(reference=f"survey:{survey.pk}").exists()
    assert selectors.survey_ids_waiting(sent_before=timezone.now()) == [survey.pk]
    Survey.objects.filter(pk=survey.pk).update(sent_at=timezone.now() - timedelta(minutes=11))

    tasks.surveys_resume.call_local()
    tasks.surveys_resume.call_local()

    copies = EmailDelivery.objects.filter(reference=f"survey:{survey.pk}")
    assert copies.count() == 4  # the three members and the editor, once each
    assert selectors.survey_ids_waiting(sent_before=timezone.now()) == []

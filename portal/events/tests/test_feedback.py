"""The survey after an event: who may answer, once, and the organiser's results."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from portal.events.forms import FeedbackForm
from portal.events.models import FeedbackResponse
from portal.events.selectors import feedback_results
from portal.events.services import feedback_submit
from portal.events.tests.factories import (
    EventFactory,
    FeedbackResponseFactory,
    RegistrationFactory,
    local,
)

STARTS = local(2027, 3, 10, 10)
ENDS = local(2027, 3, 10, 13)
CPR_LIKE = "Borgeren 010190-1234 kom ikke"


@pytest.fixture
def event(db):
    return EventFactory(starts_at=STARTS, ends_at=ENDS)


@pytest.fixture
def participant(event, caseworker):
    RegistrationFactory(event=event, user=caseworker)
    return caseworker


def test_a_participant_answers_after_the_start(event, participant):
    with time_machine.travel(STARTS + timedelta(hours=1)):
        response = feedback_submit(
            event=event, user=participant, overall=4, usefulness=5, comment="  Godt oplæg  "
        )
    assert (response.overall, response.usefulness, response.comment) == (4, 5, "Godt oplæg")
    assert response.user == participant


def test_no_answers_before_the_start(event, participant):
    with time_machine.travel(STARTS - timedelta(minutes=1)), pytest.raises(ValidationError):
        feedback_submit(event=event, user=participant, overall=4, usefulness=4, comment="")
    assert not FeedbackResponse.objects.exists()


@pytest.mark.parametrize("trait", ["waiting", "cancelled"])
def test_only_confirmed_people_answer(event, caseworker, trait):
    RegistrationFactory(event=event, user=caseworker, **{trait: True})
    with time_machine.travel(ENDS), pytest.raises(ValidationError) as error:
        feedback_submit(event=event, user=caseworker, overall=4, usefulness=4, comment="")
    assert error.value.code == "not_participant"


def test_people_without_a_registration_cannot_answer(event, colleague):
    with time_machine.travel(ENDS), pytest.raises(ValidationError):
        feedback_submit(event=event, user=colleague, overall=4, usefulness=4, comment="")


def test_a_second_answer_is_refused_and_the_first_kept(event, participant):
    with time_machine.travel(ENDS):
        feedback_submit(event=event, user=participant, overall=2, usefulness=3, comment="")
        with pytest.raises(ValidationError) as error:
            feedback_submit(event=event, user=participant, overall=5, usefulness=5, comment="")
    assert error.value.code == "already_answered"
    assert list(FeedbackResponse.objects.values_list("overall", flat=True)) == [2]


@pytest.mark.parametrize(("overall", "usefulness"), [(0, 3), (3, 6)])
def test_scores_must_be_1_to_5(event, participant, overall, usefulness):
    with time_machine.travel(ENDS), pytest.raises(ValidationError):
        feedback_submit(
            event=event, user=participant, overall=overall, usefulness=usefulness, comment=""
        )


def test_a_comment_with_a_cpr_number_is_refused(event, participant):
    with time_machine.travel(ENDS), pytest.raises(ValidationError) as error:
        feedback_submit(event=event, user=participant, overall=3, usefulness=3, comment=CPR_LIKE)
    assert "comment" in error.value.error_dict
    assert not FeedbackResponse.objects.exists()


def test_the_form_guards_the_comment_and_needs_both_scores():
    form = FeedbackForm(data={"overall": "4", "comment": CPR_LIKE})
    assert not form.is_valid()
    assert "usefulness" in form.errors
    assert "comment" in form.errors
    good = FeedbackForm(data={"overall": "4", "usefulness": "5", "comment": ""})
    assert good.is_valid()
    assert good.cleaned_data == {"overall": 4, "usefulness": 5, "comment": ""}


def test_results_count_rate_averages_distribution_and_nameless_comments(event):
    people = [RegistrationFactory(event=event, checked_in_at=STARTS).user for _ in range(4)]
    RegistrationFactory(event=event)  # confirmed, did not come: not in the rate
    FeedbackResponseFactory(event=event, user=people[0], overall=5, usefulness=4, comment="Godt")
    FeedbackResponseFactory(event=event, user=people[1], overall=3, usefulness=4, comment="")
    FeedbackResponseFactory(event=event, user=people[2], overall=5, usefulness=2, comment="Kort")
    results = feedback_results(event=event)
    assert results["count"] == 3
    assert results["participants"] == 4
    assert results["measured_against_check_in"] is True
    assert results["response_rate"] == 75
    assert results["overall_average"] == pytest.approx(4.3)
    assert results["usefulness_average"] == pytest.approx(3.3)
    overall = {row["score"]: row["count"] for row in results["overall_distribution"]}
    assert overall == {1: 0, 2: 0, 3: 1, 4: 0, 5: 2}
    usefulness = {row["score"]: row["count"] for row in results["usefulness_distribution"]}
    assert usefulness == {1: 0, 2: 1, 3: 0, 4: 2, 5: 0}
    assert sorted(results["comments"]) == ["Godt", "Kort"]
    assert all(isinstance(comment, str) for comment in results["comments"])


def test_results_rate_uses_everyone_confirmed_without_check_in(event):
    people = [RegistrationFactory(event=event).user for _ in range(5)]
    FeedbackResponseFactory(event=event, user=people[0])
    results = feedback_results(event=event)
    assert results["measured_against_check_in"] is False
    assert results["response_rate"] == 20


def test_results_without_answers(event):
    results = feedback_results(event=event)
    assert results["count"] == 0
    assert results["overall_average"] is None
    assert results["response_rate"] is None
    assert results["comments"] == []

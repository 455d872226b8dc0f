"""The survey's pages: the answer page from the email link (no sign-in, once, refused when
forged or expired, closed), the desk's pages (403 for others) and the results without names."""

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse

from portal.surveys import links, selectors, services
from portal.surveys.models import SurveyQuestion, SurveyResponse

from .conftest import compose

pytestmark = pytest.mark.django_db

# The results page: session, user, roles, the survey, its questions and the three figures.
QUERIES = 11
# The desk list (one annotated query) and the draft page (survey, questions, topics, count).
DESK_LIST_QUERIES = 6
DRAFT_QUERIES = 9
ANSWER_QUERIES = 2
CPR_TEXT = "Borgeren har cpr 010190-1234, se sagen."


@pytest.fixture
def sent(editor, survey, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.survey_send(survey=survey, by=editor)
    return survey


def url_for(survey, user):
    return reverse(
        "surveys:answer", args=[links.answer_token(survey_id=survey.pk, user_id=user.pk)]
    )


def answer_data(survey, *, text="Flere guider", show_name=False):
    scale, choice, free = selectors.survey_questions(survey=survey)
    data = {f"q{scale.pk}": "4", f"q{choice.pk}": "1", f"q{free.pk}": text}
    if show_name:
        data["show_name"] = "on"
    return data


def test_a_person_answers_from_the_link_without_signing_in_and_only_once(client, sent, members):
    url = url_for(sent, members[0])
    page = client.get(url)
    assert page.status_code == 200
    assert "Må redaktionen se, at svaret er fra mig?" in page.content.decode()

    done = client.post(url, answer_data(sent))
    assert done.status_code == 200
    assert "Tak for dit svar" in done.content.decode()
    assert SurveyResponse.objects.get().user_id is None

    again = client.post(url, answer_data(sent))
    assert "Du har allerede svaret" in again.content.decode()
    assert client.get(url).content.decode().count("allerede") >= 1
    assert SurveyResponse.objects.count() == 1


def test_a_forged_link_is_refused_clearly(client, sent, members):
    token = links.answer_token(survey_id=sent.pk, user_id=members[0].pk)
    page = client.get(reverse("surveys:answer", args=[token[:-3] + "abc"]))
    assert page.status_code == 400
    assert "Linket til spørgeskemaet er ikke gyldigt" in page.content.decode()


def test_a_link_for_someone_the_survey_did_not_go_to_is_refused(client, sent, fund):
    from portal.conftest import make_user

    late = make_user(organisation=fund, email="sen@3f.example.dk")
    assert client.get(url_for(sent, late)).status_code == 400


def test_an_expired_link_is_refused_clearly(client, sent, members, monkeypatch):
    token = links.answer_token(survey_id=sent.pk, user_id=members[0].pk)
    real_loads = signing.loads

    def loads_later(value, **kwargs):
        kwargs["max_age"] = timedelta(seconds=-1)
        return real_loads(value, **kwargs)

    monkeypatch.setattr(links.signing, "loads", loads_later)
    page = client.get(reverse("surveys:answer", args=[token]))
    assert page.status_code == 410
    assert "udløbet" in page.content.decode()


def test_a_closed_survey_takes_no_answers(client, editor, sent, members):
    services.survey_close(survey=sent, by=editor)
    url = url_for(sent, members[0])
    page = client.post(url, answer_data(sent))
    assert page.status_code == 410
    assert not SurveyResponse.objects.exists()


def test_a_cpr_number_in_a_free_text_answer_is_refused_in_danish(client, sent, members):
    page = client.post(url_for(sent, members[0]), answer_data(sent, text=CPR_TEXT))
    assert page.status_code == 400
    assert "CPR" in page.content.decode()
    assert not SurveyResponse.objects.exists()


def test_the_desk_pages_answer_403_to_others(client_for, caseworker, sent):
    client = client_for(caseworker)
    for name, args in [
        ("surveys:desk_list", []),
        ("surveys:survey_create", []),
        ("surveys:survey_edit", [sent.pk]),
        ("surveys:survey_results", [sent.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 403
    assert client.post(reverse("surveys:survey_close", args=[sent.pk])).status_code == 403


def test_the_desk_composes_and_sends_from_the_pages(client_for, editor, members):
    client = client_for(editor)
    page = client.post(
        reverse("surveys:survey_create"),
        {"title": "Portalen 2026", "intro": "Kort", "segment": "everyone"},
    )
    assert page.status_code == 302
    survey = selectors.survey_list_for_desk(user=editor).get()
    page = client.post(
        reverse("surveys:question_add", args=[survey.pk]),
        {"kind": "choice", "text": "Hvor ofte?", "options": "Kun én"},
    )
    assert page.status_code == 400
    assert "mellem 2 og 10" in page.content.decode()
    client.post(
        reverse("surveys:question_add", args=[survey.pk]),
        {"kind": "scale", "text": "Hvor nyttig?"},
    )
    assert survey.questions.get().kind == SurveyQuestion.Kind.SCALE
    page = client.post(reverse("surveys:survey_send", args=[survey.pk]))
    assert page.status_code == 302
    survey.refresh_from_db()
    assert survey.status == "sent"


def test_the_results_page_shows_no_name_of_an_anonymous_answer(
    client, client_for, editor, sent, members
):
    client.post(url_for(sent, members[0]), answer_data(sent, text="Anonym kommentar"))
    client.post(url_for(sent, members[1]), answer_data(sent, text="Navngivet", show_name=True))
    page = client_for(editor).get(reverse("surveys:survey_results", args=[sent.pk]))
    html = page.content.decode()
    assert "Anonym kommentar" in html
    assert "Anna Andersen" not in html
    assert "Bo Berg" in html


def test_the_results_page_has_a_fixed_number_of_queries(
    client, client_for, editor, sent, members, django_assert_num_queries
):
    desk_page = reverse("surveys:survey_results", args=[sent.pk])
    client.post(url_for(sent, members[0]), answer_data(sent))
    desk = client_for(editor)
    desk.get(desk_page)  # the session's first request loads what later ones find cached
    with django_assert_num_queries(QUERIES) as one:
        desk.get(desk_page)
    for person in members[1:]:
        client.post(url_for(sent, person), answer_data(sent, show_name=True))
    desk = client_for(editor)
    with django_assert_num_queries(QUERIES) as three:
        assert desk.get(desk_page).status_code == 200
    assert len(one.captured_queries) == len(three.captured_queries)


def test_the_desk_list_and_the_draft_page_have_a_fixed_number_of_queries(
    client_for, editor, members, django_assert_num_queries
):
    desk = client_for(editor)
    first = compose(editor)
    desk.get(reverse("surveys:desk_list"))
    with django_assert_num_queries(DESK_LIST_QUERIES):
        desk.get(reverse("surveys:desk_list"))
    with django_assert_num_queries(DRAFT_QUERIES):
        desk.get(reverse("surveys:survey_edit", args=[first.pk]))
    second = compose(editor)
    services.question_add(survey=second, by=editor, kind="text", text="Og ellers?")
    with django_assert_num_queries(DESK_LIST_QUERIES):
        desk.get(reverse("surveys:desk_list"))
    with django_assert_num_queries(DRAFT_QUERIES):
        desk.get(reverse("surveys:survey_edit", args=[second.pk]))


def test_the_answer_page_has_a_fixed_number_of_queries(
    client, sent, members, django_assert_num_queries
):
    with django_assert_num_queries(ANSWER_QUERIES):
        assert client.get(url_for(sent, members[0])).status_code == 200

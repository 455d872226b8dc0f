from datetime import datetime, timedelta

import pytest
import time_machine
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.forum.models import Thread
from portal.hotline.models import HotlineCase
from portal.hotline.services import hotline_case_assign, hotline_case_open
from portal.hotline.workdays import COPENHAGEN

from .factories import make_private_network, make_question, make_reply

pytestmark = pytest.mark.django_db

WORK_LIST = reverse("hotline:work_list")


def _open_cases(asker, count, *, title="Spørgsmål"):
    return [
        hotline_case_open(thread=make_question(author=asker, title=f"{title} {n}"), by=asker)
        for n in range(count)
    ]


def test_the_work_list_is_for_jurists_only(client_for, caseworker, editor):
    assert client_for(caseworker).get(WORK_LIST).status_code == 403
    assert client_for(editor).get(WORK_LIST).status_code == 403


def test_the_work_list_asks_anonymous_people_to_sign_in(client):
    response = client.get(WORK_LIST)
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_the_work_list_shows_open_cases_earliest_deadline_first(client_for, caseworker, jurist):
    with time_machine.travel(datetime(2026, 11, 24, 10, 0, tzinfo=COPENHAGEN)):
        later = hotline_case_open(
            thread=make_question(author=caseworker, title="Senere"), by=caseworker
        )
    with time_machine.travel(datetime(2026, 11, 23, 10, 0, tzinfo=COPENHAGEN)):
        earlier = hotline_case_open(
            thread=make_question(author=caseworker, title="Tidligere"), by=caseworker
        )
    answered = hotline_case_open(
        thread=make_question(author=caseworker, title="Besvaret"), by=caseworker
    )
    make_reply(thread=answered.thread, author=jurist, jurist=True)

    response = client_for(jurist).get(WORK_LIST)

    assert response.status_code == 200
    assert [case.pk for case in response.context["cases"]] == [earlier.pk, later.pk]
    assert [case.pk for case in response.context["recently_answered"]] == [answered.pk]


def test_overdue_and_escalated_cases_are_marked(client_for, caseworker, jurist):
    overdue, escalated, fresh = _open_cases(caseworker, 3)
    past = timezone.now() - timedelta(hours=1)
    HotlineCase.objects.filter(pk=overdue.pk).update(deadline=past)
    HotlineCase.objects.filter(pk=escalated.pk).update(deadline=past, escalated_at=timezone.now())

    content = client_for(jurist).get(WORK_LIST).content.decode()

    assert content.count('data-deadline-state="escalated"') == 1
    assert content.count('data-deadline-state="overdue"') == 1
    assert content.count('data-deadline-state="due_soon"') == 0


def test_the_work_list_filters_mine_and_unassigned(client_for, caseworker, jurist, other_jurist):
    mine, theirs, free = _open_cases(caseworker, 3)
    hotline_case_assign(case=mine, jurist=jurist)
    hotline_case_assign(case=theirs, jurist=other_jurist)
    client = client_for(jurist)

    def shown(scope):
        response = client.get(WORK_LIST, {"scope": scope})
        return {case.pk for case in response.context["cases"]}

    assert shown("mine") == {mine.pk}
    assert shown("unassigned") == {free.pk}
    assert shown("all") == {mine.pk, theirs.pk, free.pk}
    assert shown("nonsense") == {mine.pk, theirs.pk, free.pk}


def test_the_work_list_leaves_out_private_threads_the_jurist_cannot_read(
    client_for, caseworker, jurist
):
    network = make_private_network(members=[caseworker])
    hotline_case_open(thread=make_question(author=caseworker, network=network), by=caseworker)
    assert client_for(jurist).get(WORK_LIST).context["cases"] == []


def test_the_work_list_costs_the_same_number_of_queries_for_more_cases(
    client_for, caseworker, jurist, other_jurist, django_assert_num_queries
):
    client = client_for(jurist)

    def add_cases(count):
        for case in _open_cases(caseworker, count):
            hotline_case_assign(case=case, jurist=other_jurist)
            make_reply(thread=_open_cases(caseworker, 1)[0].thread, author=jurist, jurist=True)

    add_cases(2)
    client.get(WORK_LIST)
    with django_assert_num_queries(7):
        client.get(WORK_LIST)
    add_cases(2)
    with django_assert_num_queries(7):
        response = client.get(WORK_LIST)
    assert len(response.context["cases"]) == 4


def test_the_asker_sends_the_question_from_the_thread_page(client_for, caseworker, jurist):
    thread = make_question(author=caseworker)
    url = reverse("hotline:case_open", args=[thread.pk])
    assert client_for(caseworker).get(url).status_code == 405

    response = client_for(caseworker).post(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("forum:thread_detail", args=[thread.pk])
    assert HotlineCase.objects.filter(thread=thread, requested_by=caseworker).exists()


def test_sending_a_private_thread_one_cannot_read_answers_404(client_for, caseworker, colleague):
    network = make_private_network(members=[caseworker])
    thread = make_question(author=caseworker, network=network)
    response = client_for(colleague).post(reverse("hotline:case_open", args=[thread.pk]))
    assert response.status_code == 404
    assert not HotlineCase.objects.exists()


def test_sending_someone_elses_question_is_forbidden(client_for, caseworker, colleague):
    thread = make_question(author=caseworker)
    response = client_for(colleague).post(reverse("hotline:case_open", args=[thread.pk]))
    assert response.status_code == 403
    assert not HotlineCase.objects.exists()


def test_sending_twice_shows_an_error_and_changes_nothing(client_for, caseworker, jurist):
    thread = make_question(author=caseworker)
    case = hotline_case_open(thread=thread, by=caseworker)
    response = client_for(caseworker).post(
        reverse("hotline:case_open", args=[thread.pk]), follow=True
    )
    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    assert list(HotlineCase.objects.values_list("pk", flat=True)) == [case.pk]


def test_a_jurist_takes_a_case_from_the_work_list(client_for, caseworker, jurist):
    (case,) = _open_cases(caseworker, 1)
    response = client_for(jurist).post(
        reverse("hotline:case_assign", args=[case.thread_id]), {"next": "work_list"}
    )
    assert response["Location"] == WORK_LIST
    case.refresh_from_db()
    assert case.assigned_to == jurist


def test_a_caseworker_cannot_take_a_case(client_for, caseworker, jurist):
    (case,) = _open_cases(caseworker, 1)
    response = client_for(caseworker).post(reverse("hotline:case_assign", args=[case.thread_id]))
    assert response.status_code == 403


def test_taking_a_thread_without_a_case_answers_404(client_for, caseworker, jurist):
    thread = make_question(author=caseworker)
    response = client_for(jurist).post(reverse("hotline:case_assign", args=[thread.pk]))
    assert response.status_code == 404


def test_the_asker_withdraws_from_the_thread_page(client_for, caseworker, jurist):
    (case,) = _open_cases(caseworker, 1)
    client_for(caseworker).post(reverse("hotline:case_withdraw", args=[case.thread_id]))
    case.refresh_from_db()
    assert case.status == HotlineCase.Status.WITHDRAWN


# --- The panel beside the thread ---------------------------------------------------------


def _panel(thread_id, user):
    thread = Thread.objects.select_related("hotline_case", "network").get(pk=thread_id)
    return render_to_string("hotline/thread_panel.html", {"thread": thread, "user": user})


def test_the_panel_offers_the_asker_to_send_an_unanswered_question(caseworker, colleague):
    thread = make_question(author=caseworker)
    send = reverse("hotline:case_open", args=[thread.pk])
    assert send in _panel(thread.pk, caseworker)
    assert send not in _panel(thread.pk, colleague)


def test_the_panel_needs_no_query_for_a_thread_without_a_case(
    caseworker, django_assert_num_queries
):
    thread = make_question(author=caseworker)
    loaded = Thread.objects.select_related("hotline_case").get(pk=thread.pk)
    caseworker.role_names  # noqa: B018 (loaded once per request by the page)
    with django_assert_num_queries(0):
        render_to_string("hotline/thread_panel.html", {"thread": loaded, "user": caseworker})


def test_the_panel_shows_the_deadline_and_offers_jurists_to_take_it(caseworker, jurist):
    (case,) = _open_cases(caseworker, 1)
    take = reverse("hotline:case_assign", args=[case.thread_id])
    assert take in _panel(case.thread_id, jurist)
    assert take not in _panel(case.thread_id, caseworker)
    assert reverse("hotline:case_withdraw", args=[case.thread_id]) in _panel(
        case.thread_id, caseworker
    )
    assert reverse("hotline:case_open", args=[case.thread_id]) not in _panel(
        case.thread_id, caseworker
    )


def test_the_panel_is_empty_for_discussions(caseworker):
    thread = make_question(author=caseworker, kind=Thread.Kind.DISCUSSION)
    assert "<section" not in _panel(thread.pk, caseworker)

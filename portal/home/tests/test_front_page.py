"""The personal front page: each block from hand-made data, its empty state, what it never
shows, and a query count that does not grow with the rows."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.events.tests.factories import EventFactory, RegistrationFactory
from portal.forum import services as forum_services
from portal.forum.models import DebateVisit, Thread
from portal.forum.tests.factories import (
    NetworkFactory,
    add_member,
    make_question,
    make_reply,
    make_thread,
)
from portal.guides.models import Guide
from portal.guides.tests.factories import make_guide
from portal.hotline.services import hotline_case_assign, hotline_case_open
from portal.testing.pages import masked

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(db):
    return TopicFactory(slug="dagpenge", name="Dagpenge")


def _page(client):
    response = client.get(reverse("core:front_page"))
    assert response.status_code == 200
    return response.content.decode()


def _visited_an_hour_ago(user):
    """The person's previous visit ended more than an hour ago: the next page starts a new one."""
    earlier = timezone.now() - timedelta(hours=2)
    DebateVisit.objects.update_or_create(
        user=user, defaults={"last_seen_at": earlier, "previous_visit_at": None}
    )
    return earlier


def test_someone_not_signed_in_is_invited_to_sign_in(client, db):
    content = _page(client)
    assert reverse("account_login") in content
    assert 'data-block="' not in content


def test_the_empty_page_says_what_each_block_is_for(caseworker, client_for):
    content = _page(client_for(caseworker))
    for block in (
        "new-threads",
        "my-questions",
        "hotline-asked",
        "expertise-none",
        "registrations",
        "guides-to-review",
    ):
        assert f'data-empty="{block}"' in content
    assert 'data-block="' not in content
    # The jurists' block is for jurists only.
    assert 'data-empty="hotline-work"' not in content
    # Each empty block leads somewhere.
    for url in (
        reverse("forum:topic_list"),
        reverse("forum:thread_create"),
        reverse("accounts:profile"),
        reverse("events:event_list"),
        reverse("guides:guide_list"),
    ):
        assert url in content


def test_followed_threads_show_their_unread_count_and_new_threads_are_marked(
    caseworker, colleague, topic, client_for
):
    read = make_thread(author=colleague, topic=topic, title="Læst før")
    forum_services.thread_follow(thread=read, user=caseworker)
    forum_services.thread_read_record(
        user=caseworker, thread=read, post_ids=list(read.posts.values_list("pk", flat=True))
    )
    untouched = make_thread(author=colleague, topic=topic, title="Intet nyt her")
    forum_services.thread_follow(thread=untouched, user=caseworker)
    forum_services.thread_read_record(
        user=caseworker,
        thread=untouched,
        post_ids=list(untouched.posts.values_list("pk", flat=True)),
    )
    _visited_an_hour_ago(caseworker)
    make_reply(author=colleague, thread=read)
    make_reply(author=colleague, thread=read)
    forum_services.topic_follow(topic=topic, user=caseworker)
    make_thread(author=colleague, topic=topic, title="Helt ny tråd")

    content = _page(client_for(caseworker))

    block = content.split('data-block="new-threads"')[1].split("</ul>")[0]
    assert "Læst før" in block and 'data-unread="2"' in block
    assert "Helt ny tråd" in block and 'data-mark="new"' in block
    assert "Intet nyt her" not in block

    forum_services.thread_read_record(
        user=caseworker, thread=read, post_ids=list(read.posts.values_list("pk", flat=True))
    )
    block = _page(client_for(caseworker)).split('data-block="new-threads"')[1].split("</ul>")[0]
    assert "Læst før" not in block and "Helt ny tråd" in block


def test_threads_of_a_network_one_is_not_in_never_appear(caseworker, colleague, topic, client_for):
    private = NetworkFactory(is_open=False)
    add_member(private, colleague)
    forum_services.topic_follow(topic=topic, user=caseworker)
    _visited_an_hour_ago(caseworker)
    make_thread(author=colleague, topic=topic, title="Kun for netværket", network=private)
    make_question(author=colleague, topic=topic, title="Lukket spørgsmål", network=private)
    caseworker.expertise.add(topic)

    content = _page(client_for(caseworker))

    assert "Kun for netværket" not in content
    assert "Lukket spørgsmål" not in content


def test_my_questions_show_answers_and_whether_one_was_accepted(
    caseworker, colleague, topic, client_for
):
    question = make_question(author=caseworker, topic=topic, title="Mit spørgsmål")
    forum_services.thread_read_record(
        user=caseworker, thread=question, post_ids=list(question.posts.values_list("pk", flat=True))
    )
    answer = make_reply(author=colleague, thread=question)
    forum_services.answer_accept(thread=question, post=answer, by=caseworker)
    make_question(author=colleague, topic=topic, title="Andres spørgsmål")

    content = _page(client_for(caseworker))

    block = content.split('data-block="my-questions"')[1].split("</ul>")[0]
    assert "Mit spørgsmål" in block
    assert 'data-state="accepted"' in block
    assert 'data-replies="1"' in block
    assert 'data-unread="1"' in block
    assert "Andres spørgsmål" not in block


def test_my_hotline_cases_and_the_jurists_cases_with_deadlines(
    caseworker, jurist, other_jurist, topic, client_for
):
    question = make_question(author=caseworker, topic=topic, title="Til juristerne")
    case = hotline_case_open(thread=question, by=caseworker)
    taken = make_question(author=caseworker, topic=topic, title="Taget af en anden")
    hotline_case_assign(case=hotline_case_open(thread=taken, by=caseworker), jurist=other_jurist)

    content = _page(client_for(caseworker))
    block = content.split('data-block="hotline-asked"')[1].split("</ul>")[0]
    assert "Til juristerne" in block and 'data-state="open"' in block

    content = _page(client_for(jurist))
    block = content.split('data-block="hotline-work"')[1].split("</ul>")[0]
    assert "Til juristerne" in block and 'data-state="not-taken"' in block
    assert "Taget af en anden" not in block

    hotline_case_assign(case=case, jurist=jurist)
    block = _page(client_for(jurist)).split('data-block="hotline-work"')[1].split("</ul>")[0]
    assert "Til juristerne" in block and 'data-state="yours"' in block


def test_unanswered_questions_in_my_fields_of_expertise(caseworker, colleague, topic, client_for):
    caseworker.expertise.add(topic)
    other_topic = TopicFactory(slug="fleksjob", name="Fleksjob")
    make_question(author=colleague, topic=topic, title="Venter på svar")
    answered = make_question(author=colleague, topic=topic, title="Har fået svar")
    make_reply(author=caseworker, thread=answered)
    make_question(author=colleague, topic=other_topic, title="Andet felt")

    content = _page(client_for(caseworker))

    block = content.split('data-block="expertise-questions"')[1].split("</ul>")[0]
    assert "Venter på svar" in block
    assert "Har fået svar" not in block
    assert "Andet felt" not in block


def test_my_next_events_say_confirmed_or_waiting(caseworker, client_for):
    RegistrationFactory(user=caseworker, event=EventFactory(title="Bekræftet møde"))
    RegistrationFactory(user=caseworker, event=EventFactory(title="Venteliste møde"), waiting=True)
    RegistrationFactory(user=caseworker, event=EventFactory(title="Afmeldt møde"), cancelled=True)
    RegistrationFactory(user=caseworker, event=EventFactory(title="Gammelt møde", past=True))

    content = _page(client_for(caseworker))

    block = content.split('data-block="registrations"')[1].split("</ul>")[0]
    confirmed, waiting = block.split("Venteliste møde")
    assert "Bekræftet møde" in confirmed and 'data-state="confirmed"' in confirmed
    assert 'data-state="waiting"' in waiting
    assert "Afmeldt møde" not in block and "Gammelt møde" not in block


def _due(guide):
    """The guide's review date has passed (the service refuses a date in the past)."""
    Guide.objects.filter(pk=guide.pk).update(review_by=timezone.localdate() - timedelta(days=1))


def test_guides_i_own_that_need_review(editor, jurist, topic, client_for):
    _due(make_guide(by=editor, title="Forfalden vejledning", topic=topic))
    make_guide(by=editor, title="Frisk vejledning", topic=topic)
    _due(make_guide(by=editor, title="Andens vejledning", topic=topic, owner=jurist))

    content = _page(client_for(editor))

    block = content.split('data-block="guides-to-review"')[1].split("</ul>")[0]
    assert "Forfalden vejledning" in block
    assert "Frisk vejledning" not in block
    assert "Andens vejledning" not in block


def _fill(n, *, user, colleague, topic, editor, network):
    """n rows in every block of `user`'s page (and of the jurist's)."""
    forum_services.topic_follow(topic=topic, user=user)
    user.expertise.add(topic)
    for i in range(n):
        followed = make_thread(
            author=colleague, topic=topic, title=f"Fulgt {i}", network=network if i % 2 else None
        )
        forum_services.thread_read_record(
            user=user, thread=followed, post_ids=list(followed.posts.values_list("pk", flat=True))
        )
        make_reply(author=colleague, thread=followed)
        make_thread(author=colleague, topic=topic, title=f"Ny {i}")
        mine = make_question(author=user, topic=topic, title=f"Mit {i}")
        hotline_case_open(thread=mine, by=user)
        make_question(author=colleague, topic=topic, title=f"Ubesvaret {i}")
        RegistrationFactory(user=user, event=EventFactory(), waiting=bool(i % 2))
        _due(make_guide(by=editor, title=f"Vejledning {i}", topic=topic, owner=user))


# Session, user, roles, organisation, bell (base.html); the visit; my questions and their read
# marks; my expertise; then one query per block: new in what I follow, hotline as asker, as
# jurist, unanswered in my fields, my events, my guides to review.
FRONT_PAGE_QUERIES = 15
KEPT_FRONT_PAGE_QUERIES = 6


@pytest.mark.parametrize("n", [1, 20])
def test_the_front_page_costs_the_same_with_1_or_20_rows_per_block(
    n, jurist, editor, colleague, topic, client_for, django_assert_num_queries, settings
):
    network = NetworkFactory()
    add_member(network, jurist)
    client = client_for(jurist)
    _visited_an_hour_ago(jurist)
    _page(client)
    _fill(n, user=jurist, colleague=colleague, topic=topic, editor=editor, network=network)
    with django_assert_num_queries(FRONT_PAGE_QUERIES):
        content = _page(client)
    assert content.count('<li class="mb-3">') >= 6
    assert Thread.objects.filter(author=jurist).count() == n
    if settings.PORTAL_KEPT_PAGES:
        # Kept: session, user, roles, the visit, organisation and bell (the holes); in
        # production the cache answers all but the visit (accounts/user_cache.py).
        with django_assert_num_queries(KEPT_FRONT_PAGE_QUERIES):
            kept = _page(client)
        assert masked(kept) == masked(content)


def test_another_persons_page_is_not_mine(caseworker, colleague, topic, client_for):
    make_question(author=colleague, topic=topic, title="Kollegas spørgsmål")
    content = _page(client_for(caseworker))
    assert "Kollegas spørgsmål" not in content
    # A person without any role still gets the page, not an error.
    nobody = make_user(organisation=caseworker.organisation, roles=())
    assert client_for(nobody).get(reverse("core:front_page")).status_code == 200


def test_a_kept_page_is_the_full_page_and_each_persons_own(
    caseworker, colleague, topic, client_for, settings, page_kept_or_full
):
    if page_kept_or_full != "kept":
        pytest.skip("compares the kept page with the full one")
    make_question(author=colleague, topic=topic, title="Kollegas spørgsmål")
    make_question(author=caseworker, topic=topic, title="Mit spørgsmål")
    for person in (caseworker, colleague):
        client = client_for(person)
        settings.PORTAL_KEPT_PAGES = False
        full = _page(client)
        settings.PORTAL_KEPT_PAGES = True
        assert masked(_page(client)) == masked(full)
        assert masked(_page(client)) == masked(full)
        assert person.get_full_name() in full
    # The colleague's page was kept last; the caseworker's is still theirs.
    assert "Kollegas spørgsmål" not in _page(client_for(caseworker))

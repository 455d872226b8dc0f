import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.guides.models import Guide
from portal.hotline.models import HotlineCase
from portal.notifications.models import Notification
from portal.notifications.presentation import notification_message, notification_target_url
from portal.notifications.selectors import notification_list_visible
from portal.notifications.tests.factories import make_network, make_reply, make_thread

pytestmark = pytest.mark.django_db

Kind = Notification.Kind


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def mette(fund):
    return make_user(organisation=fund, full_name="Mette Hansen")


@pytest.fixture
def thread(caseworker):
    return make_thread(author=caseworker, title="Rådighed ved ferie")


def render(**fields):
    notification = Notification.objects.create(**fields)
    listed = notification_list_visible(user=notification.recipient).get(pk=notification.pk)
    return notification_message(listed)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (Kind.REPLY, "Mette Hansen replied in «Rådighed ved ferie»"),
        (Kind.MENTION, "Mette Hansen mentioned you in «Rådighed ved ferie»"),
        (Kind.ANSWER, "Mette Hansen answered your question «Rådighed ved ferie»"),
        (Kind.ANSWER_ACCEPTED, "Mette Hansen accepted your answer to «Rådighed ved ferie»"),
        (Kind.QUESTION_FOR_YOU, "Mette Hansen asked you a question: «Rådighed ved ferie»"),
        (Kind.HOTLINE_NEW, "Mette Hansen asked the legal hotline: «Rådighed ved ferie»"),
        (Kind.HOTLINE_OVERDUE, "The hotline question «Rådighed ved ferie» is past its deadline"),
    ],
)
def test_thread_notifications_say_who_did_what_in_which_thread(
    kind, text, caseworker, mette, thread
):
    assert render(recipient=caseworker, kind=kind, actor=mette, thread=thread) == text


def test_hotline_deadline_says_when_in_copenhagen_time(caseworker, thread):
    deadline = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)
    HotlineCase.objects.create(thread=thread, requested_by=caseworker, deadline=deadline)
    text = render(recipient=caseworker, kind=Kind.HOTLINE_DEADLINE, thread=thread)
    assert text.startswith("The hotline question «Rådighed ved ferie» must be answered by ")
    with translation.override("da"):
        danish = render(recipient=caseworker, kind=Kind.HOTLINE_DEADLINE, thread=thread)
    assert "04.03.2026 kl. 16.00" in danish


def test_hotline_deadline_without_a_case_still_reads(caseworker, thread):
    text = render(recipient=caseworker, kind=Kind.HOTLINE_DEADLINE, thread=thread)
    assert text == "The hotline question «Rådighed ved ferie» must be answered soon"


def test_network_added_names_the_network(caseworker, mette):
    network = make_network(name="Ledighedsydelse", members=[caseworker])
    text = render(recipient=caseworker, kind=Kind.NETWORK_ADDED, actor=mette, network=network)
    assert text == "Mette Hansen added you to the network Ledighedsydelse"


def test_guide_review_names_the_guide(caseworker):
    guide = Guide.objects.create(
        title="Rådighed",
        slug="raadighed",
        topic=TopicFactory(),
        body="Tekst",
        review_by=timezone.localdate(),
    )
    text = render(recipient=caseworker, kind=Kind.GUIDE_REVIEW, guide=guide)
    assert text == "The guide «Rådighed» needs review"


def test_a_deleted_actor_is_named_as_a_former_member(caseworker, thread):
    text = render(recipient=caseworker, kind=Kind.REPLY, actor=None, thread=thread)
    assert text == "A former member replied in «Rådighed ved ferie»"


def test_a_notification_about_a_post_leads_to_the_post_in_its_thread(caseworker, mette, thread):
    """Through the forum's link to the post, which leads on to the page of the thread that
    holds it."""
    post = make_reply(thread=thread, author=mette)
    notification = Notification.objects.create(
        recipient=caseworker, kind=Kind.ANSWER, actor=mette, thread=thread, post=post
    )
    assert notification_target_url(notification) == reverse("forum:post_detail", args=[post.pk])


def test_a_network_notification_leads_to_the_network(caseworker, mette):
    network = make_network(name="Ledighedsydelse", members=[caseworker])
    notification = Notification.objects.create(
        recipient=caseworker, kind=Kind.NETWORK_ADDED, actor=mette, network=network
    )
    assert notification_target_url(notification) == reverse(
        "forum:network_detail", args=[network.slug]
    )


def test_a_guide_notification_leads_to_the_guide(caseworker):
    guide = Guide.objects.create(
        title="Rådighed",
        slug="raadighed",
        topic=TopicFactory(),
        body="Tekst",
        review_by=timezone.localdate(),
    )
    notification = Notification.objects.create(
        recipient=caseworker, kind=Kind.GUIDE_REVIEW, guide=guide
    )
    assert notification_target_url(notification) == reverse(
        "guides:guide_detail", args=[guide.slug]
    )

"""The CPR guard (portal.core.cpr) and every door of the debate it stands in."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from portal.core.cpr import contains_cpr_number, validate_no_cpr_number
from portal.forum import services
from portal.forum.models import Post, PostRevision, Thread

from .factories import make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "010190-1234",  # 1 January 1990
        "0101901234",  # without hyphen
        "010190 1234",  # with a space
        "Borgeren (311299-4321) ringede.",
        "290200-4123",  # 29 Feb 2000: 7th digit 4 and year ≤ 36 → 2000, a leap year
        "290296-1234",  # 29 Feb 1996: 7th digit 0-3 → 1900s, a leap year
        "290260-5123",  # 29 Feb 1860: 7th digit 5-8 and year > 57 → 1800s, a leap year
        "290200-5123",  # 29 Feb 2000: 7th digit 5-8 and year ≤ 57 → 2000s
    ],
)
def test_a_cpr_number_is_found(text):
    assert contains_cpr_number(text)
    with pytest.raises(ValidationError) as error:
        validate_no_cpr_number(text)
    assert error.value.code == "cpr_number"


@pytest.mark.parametrize(
    "text",
    [
        "320190-1234",  # no 32nd day
        "011390-1234",  # no 13th month
        "290201-4123",  # 29 Feb 2001: not a leap year
        "290200-1234",  # 29 Feb 1900 (7th digit 0-3 → 1900s): not a leap year
        "300290-1234",  # 30 February never exists
        "Ring på 33 12 34 56 eller 70 10 20 30",  # phone numbers
        "Sagsnummer 1234567890123",  # a longer run of digits
        "Konto 12345010190-1234",  # digits glued in front
        "Dato 01-01-1990",
        "",
    ],
)
def test_what_only_resembles_a_cpr_number_passes(text):
    assert not contains_cpr_number(text)
    validate_no_cpr_number(text)


def test_a_post_with_a_cpr_number_is_refused(caseworker, topic):
    with pytest.raises(ValidationError) as error:
        make_thread(author=caseworker, topic=topic, body="Borgeren 010190-1234 spørger")
    assert error.value.error_dict["body"][0].code == "cpr_number"
    assert not Thread.objects.exists()


def test_a_title_with_a_cpr_number_is_refused(caseworker, topic):
    with pytest.raises(ValidationError) as error:
        make_thread(author=caseworker, topic=topic, title="Sag 0101901234")
    assert "title" in error.value.error_dict


def test_a_reply_with_a_cpr_number_is_refused(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic)
    with pytest.raises(ValidationError):
        make_reply(author=caseworker, thread=thread, body="cpr 010190-1234")
    assert Post.objects.count() == 1


def test_an_edit_with_a_cpr_number_is_refused_and_the_post_unchanged(caseworker, topic):
    post = make_thread(author=caseworker, topic=topic, body="Rent").posts.get()
    with pytest.raises(ValidationError):
        services.post_edit(post=post, editor=caseworker, body="Nu med 010190-1234")
    post.refresh_from_db()
    assert post.body == "Rent"
    assert post.edit_count == 0


def test_a_report_reason_with_a_cpr_number_is_refused(caseworker, colleague, topic):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    with pytest.raises(ValidationError):
        services.report_create(post=post, reporter=colleague, reason="Det er 010190-1234")


def test_the_new_thread_page_explains_and_keeps_the_draft(caseworker, topic, client_for):
    draft = "Min lange tekst om borgeren 010190-1234 som jeg ikke vil miste"
    response = client_for(caseworker).post(
        reverse("forum:thread_create"),
        {"kind": "question", "topic": topic.slug, "title": "Spørgsmål", "body": draft},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "CPR" in content
    assert "010190-XXXX" in content
    assert draft in content
    assert not Thread.objects.exists()


def test_the_reply_form_explains_and_keeps_the_draft(caseworker, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    draft = "Svar med 0101901234 i"
    response = client_for(caseworker).post(
        reverse("forum:reply_create", args=[thread.pk]), {"body": draft}
    )
    assert response.status_code == 400
    assert draft in response.content.decode()
    assert "CPR" in response.content.decode()


def test_the_edit_page_explains_and_keeps_the_draft(caseworker, topic, client_for):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    draft = "Rettet tekst med 010190-1234"
    response = client_for(caseworker).post(
        reverse("forum:post_edit", args=[post.pk]), {"title": "Titel", "body": draft}
    )
    assert response.status_code == 400
    assert draft in response.content.decode()
    post.refresh_from_db()
    assert post.edit_count == 0


def test_an_edit_that_removes_a_number_keeps_only_a_masked_copy_in_the_history(caseworker, topic):
    post = make_thread(author=caseworker, topic=topic, body="Rent").posts.get()
    Post.objects.filter(pk=post.pk).update(body="Gammel tekst cpr: 01\u00ad0190&#8209;1234")
    post.refresh_from_db()
    services.post_edit(post=post, editor=caseworker, body="Rettet uden nummer")
    revision = PostRevision.objects.get(post=post)
    assert "010190-XXXX" in revision.body
    assert "1234" not in revision.body

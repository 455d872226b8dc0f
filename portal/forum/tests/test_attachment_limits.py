"""Volume limits of attachments: per post and per person over the last 24 hours."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from portal.forum import services
from portal.forum.models import Attachment, Post, Thread

from .factories import make_reply, make_thread, text_file

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def files(count: int, prefix: str = "bilag") -> list:
    return [text_file(f"Bilag nummer {i}", f"{prefix}-{i}.txt") for i in range(count)]


def big_file(name: str, size: int) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"a" * size, content_type="text/plain")


def codes(error: ValidationError) -> set[str]:
    return {e.code for e in error.error_dict["attachments"]}


def test_the_defaults_are_five_files_and_25_mb_per_post_30_files_and_100_mb_a_day(settings):
    assert settings.PORTAL_ATTACHMENTS_PER_POST == 5
    assert settings.PORTAL_ATTACHMENT_POST_MAX_BYTES == 25 * MB
    assert settings.PORTAL_ATTACHMENTS_PER_DAY == 30
    assert settings.PORTAL_ATTACHMENT_DAY_MAX_BYTES == 100 * MB


def test_twelve_attachments_on_one_post_are_refused_and_nothing_is_saved(caseworker, topic):
    with pytest.raises(ValidationError) as error:
        make_thread(author=caseworker, topic=topic, attachments=files(12))
    assert codes(error.value) == {"too_many_files"}
    assert not Thread.objects.exists()
    assert not Attachment.objects.exists()


def test_five_attachments_on_one_post_are_accepted(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic, attachments=files(5))
    assert Attachment.objects.filter(post__thread=thread).count() == 5


def test_three_files_of_9_mb_exceed_the_total_of_a_post(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic)
    uploads = [big_file(f"rapport-{i}.txt", 9 * MB) for i in range(3)]
    with translation.override("da"):
        with pytest.raises(ValidationError) as error:
            make_reply(author=caseworker, thread=thread, attachments=uploads)
        message = error.value.error_dict["attachments"][0].messages[0]
    assert codes(error.value) == {"post_too_big"}
    assert "højst fylde 25,0\xa0MB i alt; disse ville fylde 27,0\xa0MB" in message
    assert not Post.objects.filter(is_opening=False).exists()
    assert not Attachment.objects.exists()


def test_an_edit_counts_the_files_the_post_already_has(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic, attachments=files(4))
    post = thread.posts.get(is_opening=True)
    with pytest.raises(ValidationError) as error:
        services.post_edit(post=post, editor=caseworker, body=post.body, attachments=files(2))
    assert codes(error.value) == {"too_many_files"}
    services.post_edit(post=post, editor=caseworker, body=post.body, attachments=files(1))
    assert post.attachments.count() == 5


def test_the_daily_number_of_files_is_per_person(caseworker, colleague, topic, settings):
    settings.PORTAL_ATTACHMENTS_PER_DAY = 6
    thread = make_thread(author=caseworker, topic=topic, attachments=files(5))
    with pytest.raises(ValidationError) as error:
        make_reply(author=caseworker, thread=thread, attachments=files(2))
    assert codes(error.value) == {"daily_files"}
    assert Attachment.objects.count() == 5
    make_reply(author=caseworker, thread=thread, attachments=files(1))
    make_reply(author=colleague, thread=thread, attachments=files(5))
    assert Attachment.objects.count() == 11


def test_the_daily_volume_is_per_person(caseworker, topic, settings):
    settings.PORTAL_ATTACHMENT_DAY_MAX_BYTES = 100
    thread = make_thread(author=caseworker, topic=topic, attachments=[big_file("a.txt", 60)])
    with pytest.raises(ValidationError) as error:
        make_reply(author=caseworker, thread=thread, attachments=[big_file("b.txt", 41)])
    assert codes(error.value) == {"daily_bytes"}
    make_reply(author=caseworker, thread=thread, attachments=[big_file("c.txt", 40)])


def test_files_older_than_24_hours_no_longer_count(caseworker, topic, settings):
    settings.PORTAL_ATTACHMENTS_PER_DAY = 5
    thread = make_thread(author=caseworker, topic=topic, attachments=files(5))
    Attachment.objects.update(created_at=timezone.now() - timedelta(hours=24, minutes=1))
    make_reply(author=caseworker, thread=thread, attachments=files(5))
    assert Attachment.objects.count() == 10


def test_the_reply_page_refuses_too_many_files_in_danish(caseworker, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic)
    response = client_for(caseworker).post(
        reverse("forum:reply_create", args=[thread.pk]),
        {"body": "Her er alle bilagene", "attachments": files(6)},
    )
    assert response.status_code == 400
    assert "Et indlæg kan højst have 5 bilag" in response.content.decode()
    assert not Post.objects.filter(is_opening=False).exists()
    assert not Attachment.objects.exists()


def test_the_new_thread_page_refuses_an_upload_over_the_daily_limit(
    caseworker, topic, client_for, settings
):
    settings.PORTAL_ATTACHMENTS_PER_DAY = 2
    make_thread(author=caseworker, topic=topic, attachments=files(2))
    response = client_for(caseworker).post(
        reverse("forum:thread_create"),
        {
            "kind": "discussion",
            "topic": topic.slug,
            "title": "Endnu en",
            "body": "Tekst",
            "attachments": files(1),
        },
    )
    assert response.status_code == 400
    assert "Du kan højst vedhæfte 2 filer på 24 timer" in response.content.decode()
    assert Thread.objects.count() == 1

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.forum.attachments import DOCX, XLSX, attachment_check, detect_content_type
from portal.forum.models import Attachment

from . import documents
from .factories import NetworkFactory, add_member, make_reply, make_thread, text_file

pytestmark = pytest.mark.django_db


def upload(data: bytes, name: str, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (documents.PNG, "image/png"),
        (documents.pdf("Referat"), "application/pdf"),
        (documents.docx("Referat"), DOCX),
        (documents.xlsx("Referat"), XLSX),
        (b"navn;antal\nAnne;3\nBo;4\n", "text/csv"),
        ("Et notat om rådighed".encode(), "text/plain"),
    ],
    ids=["png", "pdf", "docx", "xlsx", "csv", "text"],
)
def test_the_type_is_told_by_the_content(data, expected):
    assert detect_content_type(data) == expected


def test_a_file_named_pdf_that_is_a_program_is_refused():
    with pytest.raises(ValidationError) as error:
        attachment_check(upload(b"MZ\x90\x00\x03\x00\x00\x00", "referat.pdf", "application/pdf"))
    assert error.value.code == "wrong_type"
    assert "referat.pdf" in error.value.messages[0]


def test_a_type_not_on_the_list_is_refused():
    with pytest.raises(ValidationError) as error:
        attachment_check(upload(documents.GIF, "billede.gif"))
    assert error.value.code == "wrong_type"


def test_a_file_over_the_limit_is_refused(settings):
    settings.PORTAL_ATTACHMENT_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        attachment_check(text_file("Dette er mere end ti bytes"))
    assert error.value.code == "too_big"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"Borger 010190-1234 ringede", "notat.txt"),
        (b"navn;cpr\nAnne;0101901234\n", "liste.csv"),
        (documents.pdf("Borger 010190-1234"), "brev.pdf"),
        (documents.docx("Borger 0101", "90-1234"), "brev.docx"),
        (documents.xlsx("Anne", "010190-1234"), "liste.xlsx"),
    ],
    ids=["text", "csv", "pdf", "docx", "xlsx"],
)
def test_a_cpr_number_inside_a_file_is_refused(data, name):
    with pytest.raises(ValidationError) as error:
        attachment_check(upload(data, name))
    assert error.value.code == "cpr_number"
    assert name in error.value.messages[0]
    assert "010190-XXXX" in error.value.messages[0]


def test_attachments_are_stored_under_a_random_name(caseworker, topic):
    thread = make_thread(
        author=caseworker,
        topic=topic,
        attachments=[text_file("Referat", "referat.txt"), upload(documents.PNG, "graf.png")],
    )
    first, second = Attachment.objects.filter(post__thread=thread).order_by("id")
    assert (first.original_name, first.content_type) == ("referat.txt", "text/plain")
    assert second.content_type == "image/png"
    assert "referat" not in first.file.name
    assert first.token in first.file.name


def test_a_refused_attachment_keeps_the_whole_post_out(caseworker, topic):
    thread = make_thread(author=caseworker, topic=topic)
    with pytest.raises(ValidationError) as error:
        make_reply(author=caseworker, thread=thread, attachments=[text_file("0101901234")])
    assert "attachments" in error.value.error_dict
    thread.refresh_from_db()
    assert thread.reply_count == 0
    assert not Attachment.objects.exists()


def test_the_download_is_an_attachment_with_nosniff(caseworker, colleague, topic, client_for):
    thread = make_thread(author=caseworker, topic=topic, attachments=[text_file("Referat")])
    attachment = Attachment.objects.get(post__thread=thread)
    response = client_for(colleague).get(
        reverse("forum:attachment_download", args=[attachment.token])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"Referat"


def test_a_private_networks_files_are_not_found_for_others(
    caseworker, colleague, topic, client_for
):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    thread = make_thread(
        author=caseworker, topic=topic, network=network, attachments=[text_file("Hemmeligt")]
    )
    attachment = Attachment.objects.get(post__thread=thread)
    response = client_for(colleague).get(
        reverse("forum:attachment_download", args=[attachment.token])
    )
    assert response.status_code == 404

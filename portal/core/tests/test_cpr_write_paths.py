"""The CPR guard on every way in: forms, the API, reply by email, management commands.

Each path is tried with numbers that once got past the guard (a disguised number in a
title, a profile, a note, a reason, an email); each must answer with the clear Danish message
(the number masked), keep what was typed where there is a form, and store nothing.
"""

import importlib
import pkgutil

import pytest
from django import forms
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.html import escape

import portal
from portal.api.models import ApiToken
from portal.api.services import api_token_create
from portal.core.forms import CprGuardedFormMixin, is_free_text
from portal.core.models import Topic, User
from portal.events.models import Registration
from portal.events.tests.factories import EventFactory
from portal.forum.models import Post, Report, Thread
from portal.forum.tests.factories import make_thread

pytestmark = pytest.mark.django_db

VARIANTS = {
    "soft hyphen": "Sagsbehandler 010190\u00ad1234",
    "entity": "Sagsbehandler 010190&#45;1234",
    "markdown": "Sagsbehandler 0101**90**-1234",
    "grouped": "Sagsbehandler 01 01 90 1234",
    "em dash and prefix": "cpr-010190\u20141234",
    "no separator": "Sagsbehandler 0101801234",
}
variants = pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())

# Forms whose text is never stored: searches and filters.
READ_ONLY_FORMS = {
    "portal.accounts.forms.PeopleSearchForm": "searches the people list; nothing is stored",
    "portal.accounts.forms.AuditFilterForm": "filters the audit log; nothing is stored",
    "portal.directory.forms.PersonSearchForm": "searches the directory; nothing is stored",
    "portal.search.forms.SearchForm": "a search query; nothing is stored",
    "portal.core.forms.AccessLogFilterForm": "filters the access log; nothing is stored",
    "portal.core.forms.LogFilterForm": "the filters both logs share; nothing is stored",
    "portal.core.forms.OutboxFilterForm": "filters the demo's outbox; nothing is stored",
    "portal.accounts.forms.ConfirmLoginCodeForm": "a login code; nothing is stored",
    "portal.newsletters.forms.ItemSearchForm": "finds items to add by title; nothing is stored",
}


def _portal_forms():
    for module in pkgutil.walk_packages(portal.__path__, "portal."):
        if not any(part in module.name for part in (".tests", "browser_tests", "migrations")):
            importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    return {
        f"{form.__module__}.{form.__name__}": form
        for form in subclasses(forms.BaseForm)
        if form.__module__.startswith("portal.") and ".tests" not in form.__module__
    }


def test_every_form_that_takes_free_text_is_guarded_or_only_reads():
    unguarded = []
    for name, form in _portal_forms().items():
        typed = [field for field in form.base_fields.values() if is_free_text(field)]
        guarded = issubclass(form, CprGuardedFormMixin)
        # The admin's model forms are guarded by the model fields' own validator.
        model_form = issubclass(form, forms.ModelForm)
        if typed and not guarded and not model_form and name not in READ_ONLY_FORMS:
            unguarded.append(name)
    assert unguarded == []
    assert set(READ_ONLY_FORMS) <= set(_portal_forms())


@pytest.fixture
def topic():
    return Topic.objects.create(slug="dagpenge", name="Dagpenge")


def _is_refused(response, text: str, status: int = 400):
    content = response.content.decode()
    assert response.status_code == status
    assert "010190-XXXX" in content or "010180-XXXX" in content
    return content


@variants
def test_the_profile_refuses_a_number_in_the_job_title_and_keeps_the_text(
    client_for, caseworker, text
):
    response = client_for(caseworker).post(
        reverse("accounts:profile"),
        {
            "full_name": "Sofie Sagsbehandler",
            "title": text,
            "phone": "",
            "preferred_language": "da",
        },
    )
    content = _is_refused(response, text)
    assert "CPR" in content
    assert escape(text) in content  # what was typed is kept in the form
    caseworker.refresh_from_db()
    assert caseworker.title == ""


@variants
def test_a_new_thread_refuses_a_number_in_its_title(client_for, caseworker, topic, text):
    response = client_for(caseworker).post(
        reverse("forum:thread_create"),
        {"kind": "question", "topic": topic.slug, "title": text, "body": "Et spørgsmål"},
    )
    assert escape(text) in _is_refused(response, text)
    assert not Thread.objects.exists()


@variants
def test_a_report_reason_with_a_number_is_refused(client_for, caseworker, colleague, topic, text):
    post = make_thread(author=caseworker, topic=topic).posts.get()
    response = client_for(colleague).post(
        reverse("forum:post_report", args=[post.pk]), {"reason": text}
    )
    _is_refused(response, text)
    assert not Report.objects.exists()


@variants
def test_an_event_registration_note_with_a_number_is_refused(client_for, caseworker, text):
    event = EventFactory()
    response = client_for(caseworker).post(
        reverse("events:registration_create", args=[event.pk]),
        {"dietary_note": "Ingen gluten", "accessibility_note": text},
        follow=True,
    )
    assert "XXXX" in response.content.decode()
    assert not Registration.objects.exists()


@variants
def test_an_api_token_name_with_a_number_is_refused(client_for, caseworker, text):
    response = client_for(caseworker).post(reverse("api:token_create"), {"name": text})
    assert "XXXX" in response.content.decode()
    assert not ApiToken.objects.exists()


@variants
def test_the_api_answers_422_with_the_message_and_stores_nothing(client, caseworker, topic, text):
    _token, key = api_token_create(user=caseworker, name="Integration")
    headers = {"Authorization": f"Bearer {key}"}
    response = client.post(
        "/api/v1/threads",
        {"topic": topic.slug, "title": text, "body": "Et spørgsmål"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 422
    assert "XXXX" in str(response.json()["detail"])
    assert not Thread.objects.exists()
    event = EventFactory()
    response = client.post(
        f"/api/v1/events/{event.pk}/registrations",
        {"dietary_note": text},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 422
    assert not Registration.objects.exists()


@variants
def test_a_reply_by_email_with_a_number_is_refused(caseworker, colleague, topic, text):
    from portal.core.mail_addresses import reply_address
    from portal.inbound_mail.services import inbound_mail_receive
    from portal.inbound_mail.tests.mails import reply_mail

    thread = make_thread(author=colleague, topic=topic)
    address = reply_address(user_id=caseworker.pk, thread_id=thread.pk)
    [result] = inbound_mail_receive(
        raw=reply_mail(to=address, sender=caseworker.email, body=f"Borgeren {text} har svaret."),
        envelope_from=caseworker.email,
        recipients=[address],
    )
    assert (result.smtp_code, result.inbound.reason) == (550, "cpr")
    assert Post.objects.filter(thread=thread).count() == 1


@variants
def test_a_management_command_refuses_a_number(fund, text):
    with pytest.raises(CommandError) as error:
        call_command(
            "create_user",
            "ny@3f.example.dk",
            organisation=fund.slug,
            roles=["caseworker"],
            name=text,
        )
    assert "XXXX" in str(error.value)
    assert not User.objects.filter(email="ny@3f.example.dk").exists()


@variants
def test_the_token_command_refuses_a_number_in_the_name(caseworker, text):
    with pytest.raises(CommandError) as error:
        call_command("create_api_token", caseworker.email, name=text)
    assert "XXXX" in str(error.value)
    assert not ApiToken.objects.exists()

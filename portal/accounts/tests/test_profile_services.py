import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder

from portal.accounts import services
from portal.conftest import PASSWORD, make_user
from portal.core.models import AuditEvent, User
from portal.core.tests.factories import CentreFactory, TopicFactory
from portal.forum import services as forum_services
from portal.forum.tests.factories import make_thread

pytestmark = pytest.mark.django_db


def _profile(user, **changes):
    fields = {
        "full_name": user.full_name,
        "title": user.title,
        "phone": user.phone,
        "centre": user.centre,
        "expertise": [],
        "preferred_language": user.preferred_language,
        **changes,
    }
    return services.profile_update(user=user, **fields)


def test_profile_update_saves_the_persons_details(fund, caseworker):
    centre = CentreFactory(organisation=fund)
    topics = [TopicFactory(), TopicFactory()]
    _profile(
        caseworker,
        full_name=" Kim  Hansen ",
        title="Sagsbehandler",
        phone="+45 12 34 56 78",
        centre=centre,
        expertise=topics,
        preferred_language="en",
    )
    caseworker.refresh_from_db()
    assert caseworker.full_name == "Kim Hansen"
    assert caseworker.title == "Sagsbehandler"
    assert caseworker.centre == centre
    assert caseworker.preferred_language == "en"
    assert set(caseworker.expertise.all()) == set(topics)


def test_profile_update_refuses_a_centre_of_another_organisation(caseworker):
    with pytest.raises(ValidationError) as error:
        _profile(caseworker, centre=CentreFactory(), title="Ny titel")
    assert error.value.code == "centre_mismatch"
    caseworker.refresh_from_db()
    assert caseworker.title == ""


def test_personal_data_export_holds_the_persons_data_and_no_secrets(fund, caseworker):
    caseworker.expertise.add(TopicFactory(name="Dagpenge"))
    api_token_model = apps.get_model("api", "ApiToken")
    api_token_model.objects.create(
        user=caseworker, name="Fagsystem", prefix="sp_abcde", key_hash="f" * 64
    )
    data = services.personal_data_export(user=caseworker)
    assert set(data) >= {
        "profile",
        "organisation",
        "roles",
        "email_addresses",
        "mfa",
        "api_tokens",
        "audit_events",
        "expertise",
        "sessions",
    }
    assert data["profile"]["email"] == caseworker.email
    assert data["organisation"]["slug"] == fund.slug
    assert data["roles"] == ["caseworker"]
    assert data["expertise"] == ["Dagpenge"]
    assert data["email_addresses"] == [
        {"email": caseworker.email, "verified": True, "primary": True}
    ]
    assert data["api_tokens"][0]["name"] == "Fagsystem"
    text = json.dumps(data, cls=DjangoJSONEncoder)
    assert caseworker.password not in text
    assert "password" not in text
    assert "f" * 64 not in text
    assert "key_hash" not in text


def test_personal_data_export_includes_what_the_person_wrote_in_the_debate(caseworker):
    topic = TopicFactory(name="Sygedagpenge")
    thread_model = apps.get_model("forum", "Thread")
    post_model = apps.get_model("forum", "Post")
    thread = thread_model.objects.create(
        topic=topic, title="Forlængelse efter § 27", author=caseworker
    )
    post_model.objects.create(thread=thread, author=caseworker, is_opening=True, body="Hvordan?")
    caseworker.thread_follows.create(thread=thread)
    caseworker.thread_read_states.create(thread=thread)
    data = services.personal_data_export(user=caseworker)
    assert [p["text"] for p in data["debate"]["posts"]] == ["Hvordan?"]
    assert data["debate"]["posts"][0]["thread_title"] == "Forlængelse efter § 27"
    assert data["debate"]["followed_threads"] == [thread.pk]
    assert [r["thread_id"] for r in data["debate"]["read_threads"]] == [thread.pk]
    assert data["debate"]["last_seen_in_debate"] is None


def test_personal_data_export_lists_mfa_types_but_not_secrets(fund_admin):
    data = services.personal_data_export(user=fund_admin)
    assert [entry["type"] for entry in data["mfa"]] == ["totp"]
    assert "JBSWY3DPEHPK3PXP" not in json.dumps(data, cls=DjangoJSONEncoder)


def test_personal_data_export_is_audited_and_includes_the_persons_events(caseworker):
    services.personal_data_export(user=caseworker)
    data = services.personal_data_export(user=caseworker)
    assert [e["action"] for e in data["audit_events"]] == [AuditEvent.Action.DATA_EXPORTED]
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.DATA_EXPORTED, actor=caseworker).count()
        == 2
    )


def test_an_editors_data_export_names_the_objects_they_acted_on(fund, caseworker):
    editor = make_user(organisation=fund, roles=["caseworker", "editor"])
    thread = make_thread(author=caseworker, title="Dagpenge og ferie")
    forum_services.thread_close(thread=thread, by=editor)
    (entry,) = [
        e for e in services.personal_data_export(user=editor)["audit_events"] if e["object_type"]
    ]
    assert (entry["action"], entry["object_id"], entry["object_label"]) == (
        AuditEvent.Action.THREAD_LOCKED,
        str(thread.pk),
        "Dagpenge og ferie",
    )


def test_account_delete_removes_the_person_and_keeps_the_audit_email(fund, caseworker):
    email = caseworker.email
    services.account_delete(user=caseworker, password=PASSWORD)
    assert not User.objects.filter(email=email).exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.USER_DELETED)
    assert event.actor is None
    assert event.actor_email == email
    assert event.organisation == fund


def test_account_delete_refuses_a_wrong_password(caseworker):
    with pytest.raises(ValidationError) as error:
        services.account_delete(user=caseworker, password="forkert")
    assert error.value.code == "wrong_password"
    assert User.objects.filter(pk=caseworker.pk).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.USER_DELETED).exists()


def test_account_delete_refuses_the_last_administrator(fund_admin):
    with pytest.raises(ValidationError) as error:
        services.account_delete(user=fund_admin, password=PASSWORD)
    assert error.value.code == "last_admin"
    assert User.objects.filter(pk=fund_admin.pk).exists()


def test_account_delete_lets_an_admin_go_when_another_admin_remains(fund, fund_admin):
    make_user(organisation=fund, roles=["admin"], email="admin2@3f.example.dk")
    services.account_delete(user=fund_admin, password=PASSWORD)
    assert not User.objects.filter(pk=fund_admin.pk).exists()


def test_personal_data_export_includes_email_choices_and_the_mail_sent(caseworker):
    from portal.core.models import EmailDelivery
    from portal.digests.models import EmailPreference

    EmailPreference.objects.create(user=caseworker, digest_frequency="daily", newsletter=False)
    EmailDelivery.objects.create(
        template="digests/emails/digest",
        recipient=caseworker.email,
        subject="Dit daglige overblik",
        category="digest",
        user=caseworker,
    )
    EmailDelivery.objects.create(template="x", recipient="someone-else@example.dk", subject="Nej")

    data = services.personal_data_export(user=caseworker)["email"]

    assert data["preferences"]["digest_frequency"] == "daily"
    assert data["preferences"]["newsletter"] is False
    assert [d["subject"] for d in data["deliveries"]] == ["Dit daglige overblik"]


def test_account_delete_keeps_mail_counts_but_forgets_the_address(caseworker):
    from django.utils import timezone

    from portal.core.models import EmailDelivery, EmailSuppression
    from portal.inbound_mail.models import InboundMessage

    address = caseworker.email
    EmailDelivery.objects.create(
        template="t", recipient=address, subject="Nyhedsbrev", user=caseworker, reference="n:1"
    )
    EmailDelivery.objects.create(template="t", recipient="kollega@3f.example.dk", subject="x")
    EmailSuppression.objects.create(address=address.upper(), suppressed_at=timezone.now())
    InboundMessage.objects.create(
        recipient="svar+1@x", from_address=address, envelope_from=address, outcome="posted"
    )

    services.account_delete(user=caseworker, password=PASSWORD)

    assert EmailDelivery.objects.filter(reference="n:1").count() == 1
    assert not EmailDelivery.objects.filter(recipient__iexact=address).exists()
    assert EmailDelivery.objects.filter(recipient="kollega@3f.example.dk").exists()
    assert not EmailSuppression.objects.exists()
    assert InboundMessage.objects.get().from_address == ""

"""The access log: who read or exported person-level data, when, what, from where and why
(as Datatilsynet's guidance on logging asks)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.conftest import make_user
from portal.core.models import OutboxMessage, PersonalDataAccess
from portal.core.services import personal_data_access_record
from portal.core.tasks import access_log_prune
from portal.core.tests.factories import UserFactory
from portal.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

Kind = PersonalDataAccess.Kind
IP = "192.0.2.17"


@pytest.fixture
def organiser(fund):
    return make_user(organisation=fund, email="arrangoer@3f.example.dk")


@pytest.fixture
def event(organiser):
    event = EventFactory(title="Temamøde om rådighed", organisers=[organiser])
    for _ in range(3):
        RegistrationFactory(event=event, dietary_note="Vegetar")
    RegistrationFactory(event=event, waiting=True)
    return event


def only_entry() -> PersonalDataAccess:
    (entry,) = PersonalDataAccess.objects.all()
    return entry


# --- What is logged ----------------------------------------------------------------------------


def test_the_participant_list_logs_who_what_how_many_and_from_where(client_for, organiser, event):
    response = client_for(organiser).get(
        reverse("events:participant_list", args=[event.pk]), REMOTE_ADDR=IP
    )
    assert response.status_code == 200
    entry = only_entry()
    assert entry.kind == Kind.PARTICIPANT_LIST
    assert (entry.actor, entry.actor_email) == (organiser, organiser.email)
    assert entry.ip_address == IP
    assert (entry.object_type, entry.object_id) == ("event", str(event.pk))
    assert entry.object_label == "Temamøde om rådighed"
    assert entry.person_count == 4
    assert entry.person_ids == sorted(event.registrations.values_list("user_id", flat=True))
    assert entry.path == reverse("events:participant_list", args=[event.pk])
    assert timezone.now() - entry.created_at < timedelta(minutes=1)


def test_a_search_in_the_participant_list_logs_only_the_people_shown(client_for, organiser, event):
    shown = RegistrationFactory(event=event, user=UserFactory(full_name="Zenia Østergaard"))
    client_for(organiser).get(
        reverse("events:participant_list", args=[event.pk]),
        {"q": "zenia"},
        headers={"HX-Request": "true"},
    )
    entry = only_entry()
    assert entry.person_ids == [shown.user_id]
    assert entry.path.endswith("?q=zenia")


@pytest.mark.parametrize(
    ("name", "kind"), [("attendance_pdf", Kind.ATTENDANCE_LIST), ("badges_pdf", Kind.BADGES)]
)
def test_a_pdf_download_logs_the_purpose_given(client_for, organiser, event, name, kind):
    response = client_for(organiser).get(
        reverse(f"events:{name}", args=[event.pk]), {"formaal": "  Tjek-ind  ved døren "}
    )
    assert response["Content-Type"] == "application/pdf"
    entry = only_entry()
    assert entry.kind == kind
    assert entry.purpose == "Tjek-ind ved døren"
    assert entry.person_count == 3  # the confirmed participants are on the list


def test_the_purpose_is_optional(client_for, organiser, event):
    response = client_for(organiser).get(reverse("events:attendance_pdf", args=[event.pk]))
    assert response.status_code == 200
    assert only_entry().purpose == ""


@pytest.mark.parametrize(
    ("purpose", "message"),
    [("Borger 010190-1234", "CPR"), ("x" * 301, "Formålet er for langt")],
)
def test_a_purpose_that_cannot_be_stored_hands_out_nothing(
    client_for, organiser, event, purpose, message
):
    client = client_for(organiser)
    response = client.get(
        reverse("events:attendance_pdf", args=[event.pk]), {"formaal": purpose}, follow=True
    )
    assert response.redirect_chain[0][0] == reverse("events:participant_list", args=[event.pk])
    assert message in response.content.decode()
    # Only the participant page the person was sent back to is logged, not a download.
    assert list(PersonalDataAccess.objects.values_list("kind", flat=True)) == [
        Kind.PARTICIPANT_LIST
    ]


def test_the_participant_page_asks_for_the_purpose_of_a_download(client_for, organiser, event):
    content = (
        client_for(organiser)
        .get(reverse("events:participant_list", args=[event.pk]))
        .content.decode()
    )
    assert 'name="formaal"' in content
    assert "Formål med udtrækket (valgfrit)" in content


def test_someone_who_may_not_see_the_list_leaves_no_entry(client_for, caseworker, event):
    assert client_for(caseworker).get(
        reverse("events:participant_list", args=[event.pk])
    ).status_code in (403, 404)
    assert not PersonalDataAccess.objects.exists()


def test_the_people_list_logs_the_people_on_the_page(client_for, fund, fund_admin):
    members = [UserFactory(organisation=fund) for _ in range(3)]
    client_for(fund_admin).get(reverse("accounts:people_list", args=[fund.slug]))
    entry = only_entry()
    assert entry.kind == Kind.PEOPLE_LIST
    assert entry.object_label == fund.name
    assert set(entry.person_ids) >= {member.pk for member in members}
    assert entry.person_count == len(entry.person_ids)


def test_a_members_page_is_logged_when_read_not_when_changed(client_for, fund, fund_admin):
    member = UserFactory(organisation=fund, full_name="Bo Berg")
    url = reverse("accounts:member_detail", args=[fund.slug, member.pk])
    client = client_for(fund_admin)
    client.get(url)
    entry = only_entry()
    assert (entry.kind, entry.person_ids) == (Kind.MEMBER, [member.pk])
    assert "Bo Berg" in entry.object_label
    client.post(url, {"roles": ["caseworker"]})
    assert PersonalDataAccess.objects.count() == 1


def test_a_personal_data_export_is_logged(client_for, caseworker):
    response = client_for(caseworker).post(reverse("accounts:profile_export"))
    assert response.status_code == 200
    entry = only_entry()
    assert (entry.kind, entry.actor, entry.person_ids) == (
        Kind.DATA_EXPORT,
        caseworker,
        [caseworker.pk],
    )


def test_reading_the_outbox_is_logged(client_for, operator_admin, settings):
    settings.PORTAL_OUTBOX_VISIBLE = True
    message = OutboxMessage.objects.create(
        sender="noreply@example.dk",
        recipients="a@example.dk, b@example.dk",
        subject="Din tilmelding",
        text_body="Hej",
        html_body="<p>Hej</p>",
        raw="",
    )
    client = client_for(operator_admin)
    client.get(reverse("core:outbox_list"))
    client.get(reverse("core:outbox_detail", args=[message.pk]))
    client.get(reverse("core:outbox_html", args=[message.pk]))
    kinds = list(PersonalDataAccess.objects.order_by("id").values_list("kind", "person_count"))
    assert kinds == [(Kind.OUTBOX, 1), (Kind.OUTBOX_MESSAGE, 2), (Kind.OUTBOX_MESSAGE, 2)]
    assert PersonalDataAccess.objects.filter(object_id=str(message.pk)).count() == 2


# --- The page for the operator's admins --------------------------------------------------------


def _entries(count: int, actor) -> None:
    for number in range(count):
        PersonalDataAccess.objects.create(
            kind=Kind.PARTICIPANT_LIST,
            actor=actor,
            actor_email=actor.email,
            ip_address=IP,
            object_label=f"Arrangement {number}",
            person_count=number,
            purpose="Planlægning",
        )


def test_only_the_operators_admins_read_the_access_log(
    client, client_for, caseworker, fund_admin, operator_admin
):
    url = reverse("core:access_log")
    assert client.get(url).status_code == 302
    assert client_for(caseworker).get(url).status_code == 403
    assert client_for(fund_admin).get(url).status_code == 403
    _entries(1, caseworker)
    content = client_for(operator_admin).get(url).content.decode()
    assert "Adgangslog" in content
    assert caseworker.email in content
    assert "Arrangement 0" in content and "Planlægning" in content and IP in content


def test_the_access_log_filters_by_kind_and_person(client_for, caseworker, operator_admin):
    _entries(2, caseworker)
    PersonalDataAccess.objects.create(
        kind=Kind.DATA_EXPORT, actor_email="anden@example.dk", object_label="Eksporten"
    )
    client = client_for(operator_admin)
    url = reverse("core:access_log")
    by_kind = client.get(url, {"kind": Kind.DATA_EXPORT}).content.decode()
    assert "Eksporten" in by_kind and "Arrangement 0" not in by_kind
    by_person = client.get(url, {"email": "anden@"}).content.decode()
    assert "Eksporten" in by_person and "Arrangement 1" not in by_person
    wrong = client.get(url, {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert wrong.context["page_obj"] is None
    assert "Til-datoen skal være samme dag som eller efter fra-datoen" in wrong.content.decode()


def test_the_access_log_is_paginated(client_for, caseworker, operator_admin):
    _entries(51, caseworker)
    client = client_for(operator_admin)
    first = client.get(reverse("core:access_log"))
    assert len(first.context["page_obj"].object_list) == 50
    second = client.get(reverse("core:access_log"), {"page": 2})
    assert [e.object_label for e in second.context["page_obj"]] == ["Arrangement 0"]


# Session, user, roles, the second factor (admins must have one), organisation (the operator
# check), the count, the notification bell and the page of entries.
ACCESS_LOG_QUERIES = 8


def test_the_access_log_query_count_does_not_grow(
    client_for, caseworker, operator_admin, django_assert_num_queries
):
    client = client_for(operator_admin)
    url = reverse("core:access_log")
    _entries(5, caseworker)
    client.get(url)
    with django_assert_num_queries(ACCESS_LOG_QUERIES):
        client.get(url)
    _entries(10, caseworker)
    with django_assert_num_queries(ACCESS_LOG_QUERIES):
        response = client.get(url)
    assert len(response.context["page_obj"].object_list) == 15


# --- Retention ---------------------------------------------------------------------------------


def test_the_nightly_prune_drops_entries_past_their_retention(caseworker, settings):
    settings.PORTAL_ACCESS_LOG_RETENTION_DAYS = 180
    _entries(2, caseworker)
    old, recent = PersonalDataAccess.objects.order_by("id")
    PersonalDataAccess.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=181)
    )
    PersonalDataAccess.objects.filter(pk=recent.pk).update(
        created_at=timezone.now() - timedelta(days=179)
    )
    access_log_prune.call_local()
    assert list(PersonalDataAccess.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_retention_default_is_180_days(settings):
    assert settings.PORTAL_ACCESS_LOG_RETENTION_DAYS == 180


def test_the_service_is_the_one_way_to_record(rf, caseworker):
    request = rf.get("/noget/", REMOTE_ADDR=IP)
    request.user = caseworker
    entry = personal_data_access_record(
        request=request, kind=Kind.PEOPLE_LIST, person_ids=[3, 1, 3, None]
    )
    assert (entry.person_ids, entry.person_count, entry.ip_address) == ([1, 3], 2, IP)

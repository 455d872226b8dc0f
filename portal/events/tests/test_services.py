"""Registration rules: seats, the waiting list, promotion, quotas, the window, coordinators,
the CPR guard on notes, and the booking emails with their calendar invitations."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.conftest import make_user
from portal.core.models import EmailDelivery, OrganisationKind
from portal.core.tests.factories import UserFactory
from portal.events import services
from portal.events.models import Event, EventSession, OrganisationQuota, Registration
from portal.events.selectors import seats
from portal.events.tests.factories import (
    EventFactory,
    EventSessionFactory,
    OrganisationQuotaFactory,
    RegistrationFactory,
    calendar_attachment,
    days_ahead,
    sent_mail,
    text_body,
)
from portal.forum.tests.factories import NetworkFactory, add_member

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED


@pytest.fixture
def coordinator(fund):
    return make_user(
        organisation=fund, roles=["coordinator"], email="koordinator@3f.example.dk", mfa=True
    )


def people(n, organisation=None):
    kwargs = {"organisation": organisation} if organisation else {}
    return [UserFactory(**kwargs) for _ in range(n)]


def register(event, user, **kwargs):
    return services.registration_create(event=event, user=user, **kwargs)


def later(registration, seconds):
    """Put a registration further back in the queue (factories all queue at 'now')."""
    Registration.objects.filter(pk=registration.pk).update(
        queued_at=timezone.now() + timedelta(seconds=seconds)
    )


# --- Seats and the waiting list ------------------------------------------------------------


def test_registration_gets_a_seat_while_there_are_seats(db):
    event = EventFactory(capacity=2)
    first, second, third = people(3)
    assert register(event, first).status == CONFIRMED
    assert register(event, second).status == CONFIRMED
    waiting = register(event, third)
    assert waiting.status == WAITING
    assert waiting.confirmed_at is None
    assert seats.seats_taken(event) == 2
    assert seats.seats_left(event) == 0
    assert seats.waiting_position(waiting) == 1


def test_an_event_without_a_seat_limit_never_has_a_waiting_list(db):
    event = EventFactory(capacity=None)
    for person in people(5):
        assert register(event, person).status == CONFIRMED
    assert seats.seats_left(event) is None


def test_the_waiting_list_is_in_the_order_people_signed_up(db):
    event = EventFactory(capacity=1)
    register(event, UserFactory())
    waiting = [register(event, person) for person in people(4)]
    assert [seats.waiting_position(r) for r in waiting] == [1, 2, 3, 4]
    assert Registration.objects.filter(event=event, status=WAITING).count() == 4


def test_signing_up_twice_changes_nothing(db, django_capture_on_commit_callbacks, caseworker):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, caseworker, dietary_note="Vegetar")
        again = register(event, caseworker, dietary_note="Noget andet")
    assert again.pk == first.pk
    assert again.status == CONFIRMED
    assert again.queued_at == first.queued_at
    assert again.dietary_note == "Vegetar"
    assert Registration.objects.filter(event=event).count() == 1
    assert len(sent_mail(caseworker.email)) == 1


def test_signing_up_again_after_cancelling_reuses_the_row_at_the_back_of_the_queue(db):
    event = EventFactory(capacity=1)
    holder, comeback, other = people(3)
    register(event, holder)
    first = register(event, comeback)
    register(event, other)
    services.registration_cancel(registration=first, by=comeback)
    again = register(event, comeback)
    assert again.pk == first.pk
    assert again.status == WAITING
    assert again.cancelled_at is None
    assert again.queued_at > first.queued_at
    assert seats.waiting_position(again) == 2  # behind `other`, who kept their place


# --- Cancelling and promotion --------------------------------------------------------------


def test_cancelling_a_seat_promotes_the_first_on_the_waiting_list(
    db, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    holder, first, second = people(3)
    seat = register(event, holder)
    waiting_first = register(event, first)
    waiting_second = register(event, second)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=seat, by=holder)
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert waiting_first.status == CONFIRMED
    assert waiting_first.promoted_at is not None
    assert waiting_second.status == WAITING
    assert seats.waiting_position(waiting_second) == 1
    promoted_mail = sent_mail(first.email)[-1]
    assert text_body(promoted_mail).count(event.title) >= 1
    part, calendar = calendar_attachment(promoted_mail)
    assert calendar["METHOD"] == "REQUEST"
    assert calendar.events[0]["UID"] == event.ical_uid
    assert len(sent_mail(second.email)) == 0  # still waiting: nothing new to tell


def test_cancelling_a_place_in_the_queue_promotes_nobody(db):
    event = EventFactory(capacity=1)
    holder, first, second = people(3)
    register(event, holder)
    waiting_first = register(event, first)
    register(event, second)
    services.registration_cancel(registration=waiting_first, by=first)
    assert list(
        Registration.objects.filter(event=event, status=CONFIRMED).values_list("user", flat=True)
    ) == [holder.pk]
    assert Registration.objects.get(event=event, user=second).status == WAITING


def test_the_person_who_cancels_gets_a_calendar_cancellation(
    db, django_capture_on_commit_callbacks, caseworker
):
    event = EventFactory(capacity=5)
    registration = register(event, caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registration, by=caseworker)
    registration.refresh_from_db()
    assert registration.status == CANCELLED
    assert registration.cancelled_at is not None
    message = sent_mail(caseworker.email)[-1]
    part, calendar = calendar_attachment(message)
    assert calendar["METHOD"] == "CANCEL"
    assert part["Content-Type"].params["method"] == "CANCEL"
    assert calendar.events[0]["STATUS"] == "CANCELLED"
    assert calendar.events[0]["UID"] == event.ical_uid


def test_cancelling_twice_is_harmless(db, caseworker):
    event = EventFactory(capacity=1)
    registration = register(event, caseworker)
    services.registration_cancel(registration=registration, by=caseworker)
    services.registration_cancel(registration=registration, by=caseworker)
    assert Registration.objects.get(pk=registration.pk).status == CANCELLED


def test_nobody_else_may_cancel_a_registration(db, caseworker, other_fund):
    event = EventFactory()
    registration = register(event, caseworker)
    stranger = make_user(organisation=other_fund, roles=["coordinator"])
    with pytest.raises(PermissionDenied):
        services.registration_cancel(registration=registration, by=stranger)


def test_the_organiser_may_cancel_a_participant_and_the_participant_is_told(
    db, django_capture_on_commit_callbacks, caseworker, colleague
):
    organiser = make_user(organisation=caseworker.organisation, roles=["caseworker"])
    event = EventFactory(organisers=[organiser])
    registration = register(event, colleague)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registration, by=organiser)
    assert organiser.get_full_name() in text_body(sent_mail(colleague.email)[-1])


def test_a_participant_cannot_cancel_after_the_start_but_the_organiser_can(db, editor):
    event = EventFactory(capacity=3)
    person = UserFactory()
    registration = RegistrationFactory(event=event, user=person)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(minutes=5))
    with pytest.raises(ValidationError):
        services.registration_cancel(registration=registration, by=person)
    services.registration_cancel(registration=registration, by=editor)
    assert Registration.objects.get(pk=registration.pk).status == CANCELLED


def test_raising_the_capacity_promotes_from_the_waiting_list_in_order(
    db, editor, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    register(event, UserFactory())
    waiting = [register(event, person) for person in people(3)]
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=event, by=editor, capacity=3)
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [CONFIRMED, CONFIRMED, WAITING]
    assert calendar_attachment(sent_mail(waiting[0].user.email)[-1])[1]["METHOD"] == "REQUEST"


def test_removing_the_seat_limit_promotes_everyone(db, editor):
    event = EventFactory(capacity=1)
    register(event, UserFactory())
    waiting = [register(event, person) for person in people(2)]
    services.event_update(event=event, by=editor, capacity=None)
    assert {Registration.objects.get(pk=r.pk).status for r in waiting} == {CONFIRMED}


def test_lowering_the_capacity_takes_no_seat_away(db, editor):
    event = EventFactory(capacity=3)
    registrations = [register(event, person) for person in people(3)]
    services.event_update(event=event, by=editor, capacity=1)
    assert {Registration.objects.get(pk=r.pk).status for r in registrations} == {CONFIRMED}
    assert seats.seats_left(event) == 0
    assert register(event, UserFactory()).status == WAITING


# --- Organisation quotas -------------------------------------------------------------------


def test_a_person_over_their_organisations_quota_waits_even_with_free_seats(db, fund):
    event = EventFactory(capacity=10)
    OrganisationQuotaFactory(event=event, organisation=fund, seats=1)
    first, second = people(2, organisation=fund)
    outsider = UserFactory()
    assert register(event, first).status == CONFIRMED
    assert register(event, second).status == WAITING
    assert register(event, outsider).status == CONFIRMED
    assert seats.quota_left(event, fund.pk) == 0
    assert seats.quota_left(event, outsider.organisation_id) is None
    assert seats.quota_use(event) == {fund.pk: 1, outsider.organisation_id: 1}


def test_promotion_skips_people_whose_organisation_used_its_quota(db, fund, other_fund):
    event = EventFactory(capacity=2)
    OrganisationQuotaFactory(event=event, organisation=fund, seats=1)
    fund_person, fund_waiting = people(2, organisation=fund)
    other_holder, other_waiting = people(2, organisation=other_fund)
    register(event, fund_person)
    register(event, other_holder)
    over_quota = register(event, fund_waiting)  # first in the queue, but over quota
    next_in_line = register(event, other_waiting)
    services.registration_cancel(
        registration=Registration.objects.get(user=other_holder), by=other_holder
    )
    assert Registration.objects.get(pk=over_quota.pk).status == WAITING
    assert Registration.objects.get(pk=next_in_line.pk).status == CONFIRMED


def test_freeing_a_quota_seat_promotes_the_waiting_colleague_first(db, fund):
    event = EventFactory(capacity=5)
    OrganisationQuotaFactory(event=event, organisation=fund, seats=1)
    holder, waiting = people(2, organisation=fund)
    seat = register(event, holder)
    queued = register(event, waiting)
    services.registration_cancel(registration=seat, by=holder)
    assert Registration.objects.get(pk=queued.pk).status == CONFIRMED


def test_raising_a_quota_promotes_the_organisations_waiting_people(db, editor, fund, other_fund):
    event = EventFactory(capacity=10)
    OrganisationQuotaFactory(event=event, organisation=fund, seats=1)
    register(event, UserFactory(organisation=fund))
    waiting = register(event, UserFactory(organisation=fund))
    assert waiting.status == WAITING
    services.event_set_quotas(event=event, by=editor, quotas={fund: 2, other_fund: 3})
    assert Registration.objects.get(pk=waiting.pk).status == CONFIRMED
    assert dict(
        OrganisationQuota.objects.filter(event=event).values_list("organisation", "seats")
    ) == {fund.pk: 2, other_fund.pk: 3}
    services.event_set_quotas(event=event, by=editor, quotas={other_fund: 1})
    assert list(OrganisationQuota.objects.filter(event=event).values_list("seats", flat=True)) == [
        1
    ]


def test_quota_reads_count_each_organisations_seats(db, fund, other_fund):
    event = EventFactory(capacity=10)
    OrganisationQuotaFactory(event=event, organisation=fund, seats=3)
    OrganisationQuotaFactory(event=event, organisation=other_fund, seats=2)
    for person in people(2, organisation=fund):
        register(event, person)
    assert seats.quota_use(event) == {fund.pk: 2}
    assert (seats.quota_left(event, fund.pk), seats.quota_left(event, other_fund.pk)) == (1, 2)
    assert seats.quota_left(event, None) is None


# --- The registration window and the event's state ------------------------------------------


@pytest.mark.parametrize(
    ("factory_kwargs", "code"),
    [
        ({"draft": True}, "not_published"),
        ({"cancelled": True}, "event_cancelled"),
        ({"registration_opens_at": days_ahead(3)}, "not_open_yet"),
        ({"registration_closes_at": days_ahead(-1)}, "closed"),
    ],
)
def test_registration_is_refused_outside_the_window(db, editor, factory_kwargs, code):
    event = EventFactory(**factory_kwargs)
    with pytest.raises(ValidationError) as error:
        register(event, editor)  # editors see drafts too, so the window is what refuses
    assert error.value.code == code
    assert not Registration.objects.filter(event=event).exists()


def test_registration_is_refused_once_the_event_has_started(db, caseworker):
    event = EventFactory()
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(minutes=1))
    event.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        register(event, caseworker)
    assert error.value.code == "started"


def test_registration_is_open_inside_the_window(db, caseworker):
    event = EventFactory(registration_opens_at=days_ahead(-2), registration_closes_at=days_ahead(2))
    assert register(event, caseworker).status == CONFIRMED


def test_an_event_one_may_not_see_cannot_be_registered_for(db, caseworker):
    draft = EventFactory(draft=True)
    with pytest.raises(PermissionDenied):
        register(draft, caseworker)
    for_jobcentres = EventFactory(
        audience=Event.Audience.ORGANISATION_KIND,
        audience_organisation_kind=OrganisationKind.JOBCENTER,
    )
    with pytest.raises(PermissionDenied):
        register(for_jobcentres, caseworker)
    network = NetworkFactory()
    for_network = EventFactory(audience=Event.Audience.NETWORK, audience_network=network)
    with pytest.raises(PermissionDenied):
        register(for_network, caseworker)
    add_member(network, caseworker)
    assert register(for_network, caseworker).status == CONFIRMED


# --- Registering a colleague -----------------------------------------------------------------


def test_a_coordinator_registers_a_colleague_and_both_are_told(
    db, django_capture_on_commit_callbacks, coordinator, colleague
):
    event = EventFactory(capacity=3)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, colleague, by=coordinator)
    assert registration.registered_by == coordinator
    assert registration.status == CONFIRMED
    confirmation = sent_mail(colleague.email)[-1]
    assert coordinator.get_full_name() in text_body(confirmation)
    assert calendar_attachment(confirmation)[1]["METHOD"] == "REQUEST"
    receipt = sent_mail(coordinator.email)[-1]
    assert colleague.get_full_name() in receipt["Subject"]
    assert calendar_attachment(receipt) is None


def test_the_coordinator_receipt_can_be_left_out(
    db, django_capture_on_commit_callbacks, coordinator, colleague
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        register(event, colleague, by=coordinator, notify_by=False)
    assert sent_mail(coordinator.email) == []
    assert len(sent_mail(colleague.email)) == 1


def test_a_coordinator_may_not_register_people_of_another_organisation(db, coordinator, other_fund):
    event = EventFactory()
    outsider = make_user(organisation=other_fund)
    with pytest.raises(PermissionDenied):
        register(event, outsider, by=coordinator)
    assert not Registration.objects.exists()


def test_a_caseworker_may_not_register_a_colleague(db, caseworker, colleague):
    with pytest.raises(PermissionDenied):
        register(EventFactory(), colleague, by=caseworker)


def test_an_editor_may_register_anyone(db, editor, caseworker):
    registration = register(EventFactory(), caseworker, by=editor)
    assert registration.registered_by == editor


def test_a_colleague_outside_the_audience_cannot_be_registered(db, coordinator, colleague):
    network = NetworkFactory()
    add_member(network, coordinator)
    event = EventFactory(audience=Event.Audience.NETWORK, audience_network=network)
    with pytest.raises(ValidationError):
        register(event, colleague, by=coordinator)


def test_a_coordinator_may_cancel_a_colleagues_registration(db, coordinator, colleague):
    registration = register(EventFactory(), colleague, by=coordinator)
    services.registration_cancel(registration=registration, by=coordinator)
    assert Registration.objects.get(pk=registration.pk).status == CANCELLED


# --- Notes ---------------------------------------------------------------------------------


def test_notes_are_kept(db, caseworker):
    registration = register(
        EventFactory(), caseworker, dietary_note="Vegetar", accessibility_note="Kørestol"
    )
    assert (registration.dietary_note, registration.accessibility_note) == ("Vegetar", "Kørestol")
    updated = services.registration_update(
        registration=registration, by=caseworker, dietary_note="Vegansk", accessibility_note=""
    )
    assert Registration.objects.get(pk=updated.pk).dietary_note == "Vegansk"


def test_a_cpr_number_in_a_note_is_refused_in_danish(db, caseworker):
    event = EventFactory()
    with pytest.raises(ValidationError) as error:
        register(event, caseworker, accessibility_note="Borger 010190-1234 kommer med")
    assert "accessibility_note" in error.value.error_dict
    assert error.value.error_dict["accessibility_note"][0].code == "cpr_number"
    assert "CPR" in error.value.messages[0]
    assert not Registration.objects.exists()
    registration = register(event, caseworker)
    with pytest.raises(ValidationError) as error:
        services.registration_update(
            registration=registration,
            by=caseworker,
            dietary_note="0101901234",
            accessibility_note="",
        )
    assert "dietary_note" in error.value.error_dict
    assert Registration.objects.get(pk=registration.pk).dietary_note == ""


def test_only_the_person_or_the_organiser_may_change_the_notes(db, caseworker, other_fund):
    registration = register(EventFactory(), caseworker)
    with pytest.raises(PermissionDenied):
        services.registration_update(
            registration=registration,
            by=make_user(organisation=other_fund),
            dietary_note="x",
            accessibility_note="",
        )


# --- Emails ---------------------------------------------------------------------------------


def test_the_confirmation_carries_a_calendar_invitation(
    db, django_capture_on_commit_callbacks, caseworker
):
    event = EventFactory(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, caseworker)
    (message,) = sent_mail(caseworker.email)
    part, calendar = calendar_attachment(message)
    assert part.get_filename() == "invitation.ics"
    assert part["Content-Type"].params == {"method": "REQUEST", "charset": "utf-8"}
    assert calendar["METHOD"] == "REQUEST"
    vevent = calendar.events[0]
    assert vevent["UID"] == event.ical_uid
    assert str(vevent["ATTENDEE"]) == f"mailto:{caseworker.email}"
    assert vevent["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"
    assert event.get_absolute_url() in text_body(message)
    assert message.get_body(preferencelist=("html",)).get_content().count("<h1") == 1


def test_the_waiting_email_says_the_place_in_the_queue(
    db, django_capture_on_commit_callbacks, caseworker
):
    event = EventFactory(capacity=1)
    register(event, UserFactory())
    register(event, UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        register(event, caseworker)
    (message,) = sent_mail(caseworker.email)
    assert calendar_attachment(message) is None
    assert "nummer 2 på ventelisten" in text_body(message) or "number 2" in text_body(message)


def test_booking_emails_are_in_the_persons_language(db, django_capture_on_commit_callbacks, fund):
    english = make_user(organisation=fund, preferred_language="en")
    danish = make_user(organisation=fund, preferred_language="da")
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        register(event, english)
        register(event, danish)
    assert str(sent_mail(english.email)[0]["Subject"]).strip().startswith("Registration confirmed")
    for person, language in ((english, "en"), (danish, "da")):
        html = sent_mail(person.email)[0].get_body(preferencelist=("html",)).get_content()
        assert f'<html lang="{language}">' in html


# --- Changing and cancelling events -----------------------------------------------------------


def test_moving_a_published_event_sends_updated_invitations_with_a_higher_sequence(
    db, django_capture_on_commit_callbacks, editor
):
    event = EventFactory(capacity=3)
    participant, waiting = people(2)
    register(event, participant)
    Event.objects.filter(pk=event.pk).update(capacity=1)
    event.refresh_from_db()
    register(event, waiting)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            event=event, by=editor, starts_at=event.starts_at + timedelta(hours=1)
        )
    assert event.ical_sequence == 1
    (message,) = sent_mail(participant.email)
    assert "Changed" in message["Subject"] or "Ændret" in message["Subject"]
    part, calendar = calendar_attachment(message)
    assert calendar["METHOD"] == "REQUEST"
    assert calendar.events[0]["SEQUENCE"] == 1
    assert calendar.events[0]["UID"] == event.ical_uid
    assert sent_mail(waiting.email) == []


def test_a_new_title_or_description_sends_no_mail_and_keeps_the_sequence(
    db, django_capture_on_commit_callbacks, editor, caseworker
):
    event = EventFactory()
    register(event, caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=event, by=editor, title="Nyt navn", description="Ny tekst")
    assert Event.objects.get(pk=event.pk).ical_sequence == 0
    assert sent_mail(caseworker.email) == []


def test_changing_a_draft_sends_nothing(db, django_capture_on_commit_callbacks, editor):
    event = EventFactory(draft=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=event, by=editor, room="Lokale 2")
    assert not EmailDelivery.objects.exists()
    assert event.ical_sequence == 0


def test_event_update_validates_all_fields_at_once(db, editor):
    event = EventFactory()
    with pytest.raises(ValidationError) as error:
        services.event_update(
            event=event,
            by=editor,
            title="",
            ends_at=event.starts_at - timedelta(hours=1),
            description="Ring til 010190-1234",
            online_url="ikke en adresse",
        )
    assert {"title", "ends_at", "description", "online_url"} <= set(error.value.error_dict)
    assert Event.objects.get(pk=event.pk).title == event.title


def test_only_organisers_and_editors_may_change_an_event(db, caseworker):
    event = EventFactory(organisers=[caseworker])
    services.event_update(event=event, by=caseworker, room="Lokale 3")
    other = UserFactory()
    with pytest.raises(PermissionDenied):
        services.event_update(event=event, by=other, room="Lokale 4")


def test_cancelling_an_event_tells_participants_and_the_waiting_list(
    db, django_capture_on_commit_callbacks, editor
):
    event = EventFactory(capacity=1)
    participant, waiting = people(2)
    register(event, participant)
    register(event, waiting)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, by=editor, reason="Oplægsholderen er syg.")
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    assert event.ical_sequence == 1
    (seat_mail,) = sent_mail(participant.email)
    part, calendar = calendar_attachment(seat_mail)
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.events[0]["STATUS"] == "CANCELLED"
    assert calendar.events[0]["SEQUENCE"] == 1
    assert "Oplægsholderen er syg." in text_body(seat_mail)
    (queue_mail,) = sent_mail(waiting.email)
    assert calendar_attachment(queue_mail) is None
    # Registrations stay as they were: the record shows who had a seat.
    assert Registration.objects.get(user=participant).status == CONFIRMED
    with pytest.raises(ValidationError):
        services.event_update(event=event, by=editor, room="x")


def test_only_the_editorial_desk_creates_and_publishes_and_organisers_cancel(
    db, caseworker, fund_admin
):
    with pytest.raises(PermissionDenied):
        services.event_create(
            by=caseworker,
            kind=Event.Kind.THEME_MEETING,
            title="x",
            starts_at=days_ahead(5),
            ends_at=days_ahead(5, hour=12),
        )
    event = EventFactory(draft=True, organisers=[caseworker])
    with pytest.raises(PermissionDenied):
        services.event_publish(event=event, by=caseworker)
    # An organisation admin runs no event but their own (decision 0012).
    for outsider in (fund_admin, make_user(organisation=caseworker.organisation)):
        with pytest.raises(PermissionDenied):
            services.event_cancel(event=event, by=outsider)
    assert services.event_cancel(event=event, by=caseworker).status == Event.Status.CANCELLED


def test_create_and_publish_an_event(db, editor, caseworker):
    event = services.event_create(
        by=editor,
        organisers=[caseworker],
        kind=Event.Kind.THEME_MEETING,
        title="  Temamøde om rådighed ",
        starts_at=days_ahead(20),
        ends_at=days_ahead(20, hour=13),
        capacity=40,
        audience=Event.Audience.EVERYONE,
    )
    assert event.status == Event.Status.DRAFT
    assert event.title == "Temamøde om rådighed"
    assert event.created_by == editor
    assert list(event.organisers.all()) == [caseworker]
    services.event_publish(event=event, by=editor)
    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED
    assert event.published_at is not None


def test_event_create_refuses_unknown_fields(db, editor):
    with pytest.raises(TypeError):
        services.event_create(by=editor, status="published", title="x")


def test_event_create_checks_the_audience(db, editor):
    with pytest.raises(ValidationError) as error:
        services.event_create(
            by=editor,
            kind=Event.Kind.NETWORK_MEETING,
            title="Netværksmøde",
            starts_at=days_ahead(5),
            ends_at=days_ahead(5, hour=12),
            audience=Event.Audience.NETWORK,
        )
    assert "audience_network" in error.value.error_dict


def test_the_programme_is_replaced_with_speakers(db, editor, caseworker, jurist):
    event = EventFactory()
    EventSessionFactory(event=event, title="Gammelt punkt")
    services.event_set_programme(
        event=event,
        by=editor,
        sessions=[
            {
                "starts_at": event.starts_at,
                "ends_at": event.starts_at + timedelta(minutes=30),
                "title": "Velkomst",
                "speakers": [caseworker, jurist],
                "guest_speakers": "Gæst Gæstesen",
            },
            {"starts_at": event.starts_at + timedelta(hours=1), "title": "Debat"},
        ],
    )
    sessions = list(EventSession.objects.filter(event=event))
    assert [s.title for s in sessions] == ["Velkomst", "Debat"]
    assert set(sessions[0].speakers.all()) == {caseworker, jurist}
    with pytest.raises(ValidationError):
        services.event_set_programme(
            event=event, by=editor, sessions=[{"starts_at": None, "title": "010190-1234"}]
        )
    assert EventSession.objects.filter(event=event).count() == 2


def test_copying_an_event_moves_everything_in_time(db, editor, caseworker, fund):
    event = EventFactory(
        capacity=30,
        organisers=[caseworker],
        registration_opens_at=days_ahead(-10),
        registration_closes_at=days_ahead(29),
    )
    EventSessionFactory(event=event, speakers=[caseworker])
    OrganisationQuotaFactory(event=event, organisation=fund, seats=4)
    register(event, UserFactory())
    shift = timedelta(days=91)
    copy = services.event_copy(event=event, by=editor, starts_at=event.starts_at + shift)
    assert copy.pk != event.pk
    assert copy.status == Event.Status.DRAFT
    assert copy.ical_uid != event.ical_uid
    assert copy.ends_at - copy.starts_at == event.ends_at - event.starts_at
    assert copy.registration_opens_at == event.registration_opens_at + shift
    assert copy.registration_closes_at == event.registration_closes_at + shift
    assert list(copy.organisers.all()) == [caseworker]
    (session,) = copy.sessions.all()
    assert session.starts_at == event.starts_at + shift
    assert list(session.speakers.all()) == [caseworker]
    assert list(copy.quotas.values_list("organisation", "seats")) == [(fund.pk, 4)]
    assert not copy.registrations.exists()


def test_seat_counts_for_a_list_of_events(db):
    full, empty = EventFactory(capacity=1), EventFactory()
    register(full, UserFactory())
    register(full, UserFactory())
    assert seats.seat_counts([full.pk, empty.pk]) == {full.pk: (1, 1)}


def test_each_seat_read_is_one_query(db, django_assert_num_queries, fund):
    event = EventFactory(capacity=3)
    OrganisationQuotaFactory(event=event, organisation=fund, seats=1)
    registration = RegistrationFactory(event=event, waiting=True)
    for read in (
        lambda: seats.seats_taken(event),
        lambda: seats.seats_left(event),
        lambda: seats.waiting_position(registration),
        lambda: seats.quota_use(event),
        lambda: seats.quota_left(event, fund.pk),
    ):
        with django_assert_num_queries(1):
            read()


def test_an_event_with_no_seats_puts_everyone_on_the_waiting_list(db):
    event = EventFactory(capacity=0)
    assert register(event, UserFactory()).status == WAITING


def test_withdrawing_all_of_a_persons_registrations_frees_their_seats(
    db, django_capture_on_commit_callbacks, caseworker
):
    full = EventFactory(capacity=1)
    open_event = EventFactory(capacity=5)
    past = EventFactory(past=True)
    register(full, caseworker)
    waiting = register(full, UserFactory())
    register(open_event, caseworker)
    old = RegistrationFactory(event=past, user=caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.registrations_withdraw_all(user=caseworker) == 2
    assert Registration.objects.get(pk=waiting.pk).status == CONFIRMED
    assert set(
        Registration.objects.filter(user=caseworker, status=CANCELLED).values_list(
            "event", flat=True
        )
    ) == {full.pk, open_event.pk}
    assert Registration.objects.get(pk=old.pk).status == CONFIRMED
    assert sent_mail(caseworker.email) == []
    assert len(sent_mail(waiting.user.email)) == 1


def test_signing_up_again_after_cancelling_sends_an_invitation_that_outranks_the_cancellation(
    db, django_capture_on_commit_callbacks, caseworker
):
    event = EventFactory(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, caseworker)
        services.registration_cancel(registration=registration, by=caseworker)
        register(event, caseworker)
    sequences = [
        (cal["METHOD"], cal.events[0]["SEQUENCE"])
        for cal in (calendar_attachment(m)[1] for m in sent_mail(caseworker.email))
    ]
    assert [method for method, _ in sequences] == ["REQUEST", "CANCEL", "REQUEST"]
    assert sequences[0][1] < sequences[1][1] < sequences[2][1]


@pytest.mark.parametrize(
    "template",
    [
        "confirmed",
        "waiting",
        "promoted",
        "cancelled",
        "updated",
        "event_cancelled",
        "registered_by_colleague",
    ],
)
@pytest.mark.parametrize("language", ["da", "en"])
def test_every_booking_email_renders_as_an_accessible_email(db, template, language, fund):
    from portal.core.email import email_render
    from portal.events.calendar import event_url

    person = make_user(organisation=fund, full_name="Anne <Andersen>")
    event = EventFactory(title="Møde om <b>rådighed</b>")
    registration = RegistrationFactory(event=event, user=person)
    subject, text, html = email_render(
        f"events/emails/{template}",
        {
            "recipient": person,
            "event": event,
            "event_url": event_url(event),
            "location": "Svanevej 22",
            "calendar_feed_url": "http://127.0.0.1:8000/arrangementer/kalender/",
            "registration": registration,
            "colleague": person,
            "position": 3,
            "had_seat": True,
            "reason": "Sygdom",
        },
        language,
    )
    assert event.title in subject
    assert "\n" not in subject
    assert event.title in text
    assert "&lt;b&gt;" in html and "<b>" not in html  # escaped in HTML, plain in text
    assert html.count("<h1") == 1
    assert f'<html lang="{language}">' in html
    assert event_url(event) in html
    assert "{%" not in text + html and "{{" not in text + html


def test_empty_optional_texts_may_be_given_as_none(db, editor):
    event = services.event_create(
        by=editor,
        kind=Event.Kind.WEBINAR,
        title="Webinar",
        starts_at=days_ahead(5),
        ends_at=days_ahead(5, hour=11),
        venue=None,
        online_url=None,
        audience=Event.Audience.EVERYONE,
        audience_organisation_kind=None,
        audience_network=None,
        capacity=None,
    )
    assert (event.venue, event.online_url, event.audience_organisation_kind) == ("", "", "")


def test_mail_about_a_change_goes_out_from_the_queue_after_the_commit(
    db, django_capture_on_commit_callbacks, editor
):
    """A conference has hundreds of participants: the editor's request does not render their
    mail, and a change that is rolled back mails nobody."""
    event = EventFactory(capacity=5)
    participants = people(3)
    for person in participants:
        register(event, person)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.event_update(event=event, by=editor, room="Lokale 9")
    assert not EmailDelivery.objects.filter(template="events/emails/updated").exists()
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert EmailDelivery.objects.filter(template="events/emails/updated").count() == 3


def test_the_booking_mail_is_rendered_after_the_commit_not_under_the_lock(
    db, django_capture_on_commit_callbacks, caseworker
):
    """Everyone else signing up waits for the event's row lock: the mail is not made while
    it is held (bench/events.py measures the rush)."""
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(event, caseworker)
    assert not EmailDelivery.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    (message,) = sent_mail(caseworker.email)
    assert calendar_attachment(message)[1]["METHOD"] == "REQUEST"

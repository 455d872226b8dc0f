"""/api/v1/events: the overview, one event, creating events and signing oneself up and off,
with exactly the browser's permissions."""

from datetime import timedelta

import pytest
from django.utils import timezone
from openapi_spec_validator import validate

from portal.api.services import api_token_create
from portal.core.models import OrganisationKind
from portal.core.tests.factories import TopicFactory
from portal.events.models import Event, Registration
from portal.forum.tests.factories import NetworkFactory, add_member

from .factories import EventFactory, EventSessionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_for(client):
    """api_for(user) → an object with get/post/delete calling /api/v1 with that user's token."""

    class Api:
        def __init__(self, user):
            _token, key = api_token_create(user=user, name="Test")
            self.headers = {"Authorization": f"Bearer {key}"}

        def get(self, path, **params):
            return client.get(f"/api/v1{path}", params, headers=self.headers)

        def post(self, path, payload=None):
            if payload is None:
                return client.post(f"/api/v1{path}", headers=self.headers)
            return client.post(
                f"/api/v1{path}", payload, content_type="application/json", headers=self.headers
            )

        def delete(self, path):
            return client.delete(f"/api/v1{path}", headers=self.headers)

    return Api


def test_the_schema_validates_and_describes_the_event_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    validate(schema)
    operations = {
        operation["operationId"]: operation
        for path in schema["paths"].values()
        for operation in path.values()
    }
    for operation_id in (
        "event_list",
        "event_get",
        "event_create",
        "event_registration_create",
        "event_registration_cancel",
    ):
        assert operations[operation_id]["description"]


def test_the_list_shows_upcoming_visible_events_and_past_ones_on_request(caseworker, api_for):
    network = NetworkFactory(is_open=True)
    soon = EventFactory(title="Snart", starts_at=timezone.now() + timedelta(days=3))
    soon.ends_at = soon.starts_at + timedelta(hours=2)
    soon.save()
    EventFactory(title="Senere")
    EventFactory(title="Forbi", past=True)
    EventFactory(title="Kladde", draft=True)
    EventFactory(title="Netværk", audience=Event.Audience.NETWORK, audience_network=network)
    EventFactory(
        title="Jobcentre",
        audience=Event.Audience.ORGANISATION_KIND,
        audience_organisation_kind=OrganisationKind.JOBCENTER,
    )
    api = api_for(caseworker)
    body = api.get("/events").json()
    assert [item["title"] for item in body["items"]] == ["Snart", "Senere"]
    assert body["count"] == 2 and body["pages"] == 1
    assert body["items"][0]["url"] == soon.get_absolute_url()
    assert body["items"][0]["my_registration"] is None
    assert [i["title"] for i in api.get("/events", past="true").json()["items"]] == ["Forbi"]
    add_member(network, caseworker)
    assert api.get("/events").json()["count"] == 3


def test_the_list_filters_by_topic_and_kind(caseworker, api_for):
    topic = TopicFactory(slug="sygedagpenge")
    EventFactory(title="Om sygedagpenge", topic=topic)
    EventFactory(title="Webinar", kind=Event.Kind.WEBINAR)
    api = api_for(caseworker)
    assert [i["title"] for i in api.get("/events", topic="sygedagpenge").json()["items"]] == [
        "Om sygedagpenge"
    ]
    assert api.get("/events", topic="findes-ikke").json()["count"] == 0
    assert [i["title"] for i in api.get("/events", kind="webinar").json()["items"]] == ["Webinar"]
    assert api.get("/events", kind="picnic").status_code == 422


def test_the_list_is_paginated(caseworker, api_for):
    for i in range(27):
        EventFactory(title=f"Møde {i}")
    api = api_for(caseworker)
    first = api.get("/events").json()
    assert (first["count"], first["pages"], len(first["items"])) == (27, 2, 25)
    assert len(api.get("/events", page=2).json()["items"]) == 2


def test_one_event_with_its_programme_and_404_when_not_visible(caseworker, api_for, jurist):
    event = EventFactory(title="Temamøde", description="Om **rådighed**.", capacity=10)
    EventSessionFactory(event=event, title="Oplæg", speakers=[jurist])
    RegistrationFactory(event=event, user=caseworker)
    api = api_for(caseworker)
    body = api.get(f"/events/{event.pk}").json()
    assert body["title"] == "Temamøde"
    assert "<strong>rådighed</strong>" in body["description_html"]
    assert body["programme"][0]["title"] == "Oplæg"
    assert body["programme"][0]["speakers"][0]["id"] == jurist.pk
    assert body["seats_left"] == 9
    assert body["my_registration"] == {"status": "confirmed", "waiting_position": None}
    hidden = EventFactory(audience=Event.Audience.NETWORK, audience_network=NetworkFactory())
    assert api.get(f"/events/{hidden.pk}").status_code == 404
    assert api.get(f"/events/{EventFactory(draft=True).pk}").status_code == 404
    assert api.get("/events/999999").status_code == 404


def _new_event(**overrides) -> dict:
    starts = timezone.now() + timedelta(days=30)
    return {
        "kind": "theme_meeting",
        "title": "Temamøde om aktivering",
        "description": "Vi taler om aktivering.",
        "venue": "LO Hovedstaden",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=3)).isoformat(),
        "capacity": 30,
        **overrides,
    }


def test_editors_create_drafts_or_published_events(editor, caseworker, api_for):
    topic = TopicFactory(slug="aktivering")
    api = api_for(editor)
    response = api.post("/events", _new_event(topic="aktivering"))
    assert response.status_code == 201, response.content
    draft = Event.objects.get(pk=response.json()["id"])
    assert (draft.status, draft.topic, draft.created_by) == (Event.Status.DRAFT, topic, editor)
    assert api_for(caseworker).get(f"/events/{draft.pk}").status_code == 404
    response = api.post("/events", _new_event(title="Offentligt", publish=True))
    assert response.status_code == 201 and response.json()["status"] == "published"
    assert api_for(caseworker).get(f"/events/{response.json()['id']}").status_code == 200


def test_only_editors_create_events(caseworker, api_for):
    response = api_for(caseworker).post("/events", _new_event())
    assert response.status_code == 403
    assert not Event.objects.exists()


def test_invalid_events_are_refused_with_a_clear_message(editor, api_for):
    api = api_for(editor)
    starts = timezone.now() + timedelta(days=30)
    backwards = api.post(
        "/events",
        _new_event(starts_at=starts.isoformat(), ends_at=(starts - timedelta(hours=1)).isoformat()),
    )
    assert backwards.status_code == 422 and backwards.json()["detail"]
    assert api.post("/events", _new_event(audience="network")).status_code == 422
    assert api.post("/events", _new_event(topic="findes-ikke")).status_code == 404
    assert api.post("/events", _new_event(kind="picnic")).status_code == 422
    cpr = api.post("/events", _new_event(description="Borger 010190-1234 kommer."))
    assert cpr.status_code == 422
    assert not Event.objects.exists()


def test_signing_up_answers_confirmed_or_waiting_and_is_idempotent(caseworker, colleague, api_for):
    event = EventFactory(capacity=1)
    api = api_for(caseworker)
    first = api.post(f"/events/{event.pk}/registrations")
    assert first.status_code == 201
    assert first.json() == {"status": "confirmed", "waiting_position": None}
    again = api.post(f"/events/{event.pk}/registrations")
    assert again.status_code == 200 and again.json()["status"] == "confirmed"
    waiting = api_for(colleague).post(
        f"/events/{event.pk}/registrations", {"dietary_note": "Vegetar"}
    )
    assert waiting.status_code == 201
    assert waiting.json() == {"status": "waiting", "waiting_position": 1}
    assert Registration.objects.get(user=colleague).dietary_note == "Vegetar"


def test_signing_up_is_refused_when_closed_cancelled_or_not_visible(caseworker, api_for):
    api = api_for(caseworker)
    closed = EventFactory(registration_closes_at=timezone.now() - timedelta(hours=1))
    assert api.post(f"/events/{closed.pk}/registrations").status_code == 409
    cancelled = EventFactory(cancelled=True)
    response = api.post(f"/events/{cancelled.pk}/registrations")
    assert response.status_code == 409 and response.json()["detail"]
    hidden = EventFactory(audience=Event.Audience.NETWORK, audience_network=NetworkFactory())
    assert api.post(f"/events/{hidden.pk}/registrations").status_code == 404
    open_event = EventFactory()
    cpr = api.post(f"/events/{open_event.pk}/registrations", {"dietary_note": "010190-1234"})
    assert cpr.status_code == 422
    too_long = api.post(f"/events/{open_event.pk}/registrations", {"dietary_note": "x" * 301})
    assert too_long.status_code == 422 and too_long.json()["detail"]
    assert not Registration.objects.exists()


def test_an_editor_cannot_sign_up_for_a_draft(editor, api_for):
    draft = EventFactory(draft=True)
    response = api_for(editor).post(f"/events/{draft.pk}/registrations")
    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_cancelling_ones_own_registration_frees_the_seat_for_the_next(
    caseworker, colleague, api_for
):
    event = EventFactory(capacity=1)
    api = api_for(caseworker)
    assert api.delete(f"/events/{event.pk}/registrations/me").status_code == 404
    api.post(f"/events/{event.pk}/registrations")
    api_for(colleague).post(f"/events/{event.pk}/registrations")
    assert api.delete(f"/events/{event.pk}/registrations/me").status_code == 204
    assert Registration.objects.get(user=caseworker).status == Registration.Status.CANCELLED
    assert Registration.objects.get(user=colleague).status == Registration.Status.CONFIRMED
    assert api.delete(f"/events/{event.pk}/registrations/me").status_code == 404
    hidden = EventFactory(audience=Event.Audience.NETWORK, audience_network=NetworkFactory())
    assert api.delete(f"/events/{hidden.pk}/registrations/me").status_code == 404


def test_the_list_costs_a_fixed_number_of_queries(caseworker, api_for, django_assert_num_queries):
    api = api_for(caseworker)
    for _ in range(3):
        event = EventFactory(capacity=5)
        RegistrationFactory(event=event, user=caseworker, waiting=True)
    api.get("/events")  # warm up
    with django_assert_num_queries(LIST_QUERIES):
        api.get("/events")
    for _ in range(3):
        EventFactory(topic=TopicFactory())
    with django_assert_num_queries(LIST_QUERIES):
        assert api.get("/events").json()["count"] == 6


# token, roles and organisation of the owner, count, page, waiting places (an API call keeps no
# session: insights/middleware.py)
LIST_QUERIES = 5

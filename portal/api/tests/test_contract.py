"""The API's contract: one error shape, documented on every operation; bad input (NUL bytes,
out-of-range dates, times without a time zone, bodies that are not objects) refused with 422,
never a 500. These run on SQLite and PostgreSQL (which refuses NUL in text outright)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from openapi_spec_validator import validate

from portal.api.api import NO_NUL_PATTERN
from portal.core.api import NON_BLANK_PATTERN
from portal.core.tests.factories import TopicFactory
from portal.events.models import Event, Registration
from portal.events.tests.factories import EventFactory
from portal.forum.models import Thread

pytestmark = pytest.mark.django_db

NUL_MESSAGE = "Forespørgslen indeholder et NUL-tegn (\\u0000), som ikke er tilladt."


@pytest.fixture
def call(client, token_for):
    """call(user, method, path, body=None, **query) with that user's token; JSON bodies."""

    def _call(user, method, path, body=None, raw=None, **query):
        headers = {"Authorization": f"Bearer {token_for(user)}"}
        url = f"/api/v1{path}"
        if method == "get":
            return client.get(url, query, headers=headers)
        data = raw if raw is not None else body
        kwargs = {"content_type": "application/json"} if data is not None else {}
        return getattr(client, method)(url, data, headers=headers, **kwargs)

    return _call


def _schema(client) -> dict:
    return client.get("/api/v1/openapi.json").json()


def _event(**fields) -> dict:
    starts = timezone.now() + timedelta(days=30)
    return {
        "kind": "theme_meeting",
        "title": "Temamøde om rådighed",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        **fields,
    }


# --- The schema ------------------------------------------------------------------------------


def test_every_operation_documents_401_422_and_400_where_it_takes_a_body(client):
    schema = _schema(client)
    validate(schema)
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            name = f"{method.upper()} {path}"
            assert "401" in responses, name
            assert "422" in responses, name
            if operation.get("requestBody"):
                assert "400" in responses, name
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    content = response["content"]["application/json"]["schema"]
                    assert content == {"$ref": "#/components/schemas/ErrorOut"}, (name, status)


def test_the_error_shape_has_detail_as_a_string_and_optional_field_errors(client):
    error = _schema(client)["components"]["schemas"]["ErrorOut"]
    assert error["required"] == ["detail"]
    assert error["properties"]["detail"]["type"] == "string"


def test_the_schema_says_texts_may_not_hold_nul(client):
    schema = _schema(client)
    thread_in = schema["components"]["schemas"]["ThreadIn"]["properties"]
    assert thread_in["title"]["pattern"] == NON_BLANK_PATTERN  # not blank, no NUL
    event_in = schema["components"]["schemas"]["EventIn"]["properties"]
    assert event_in["venue"]["pattern"] == NO_NUL_PATTERN
    (body,) = schema["paths"]["/api/v1/events/{event_id}/registrations"]["post"]["requestBody"][
        "content"
    ].values()
    assert body["schema"]["properties"]["dietary_note"]["pattern"] == NO_NUL_PATTERN
    (q,) = [p for p in schema["paths"]["/api/v1/search"]["get"]["parameters"] if p["name"] == "q"]
    assert q["schema"]["pattern"] == NO_NUL_PATTERN
    # Output schemas are untouched: the pattern is a promise about requests.
    assert "pattern" not in schema["components"]["schemas"]["ThreadOut"]["properties"]["title"]


def test_event_times_are_documented_with_a_time_zone_and_the_years_allowed(client):
    event_in = _schema(client)["components"]["schemas"]["EventIn"]["properties"]
    assert event_in["starts_at"]["format"] == "date-time"
    assert "1900-2200" in event_in["starts_at"]["description"]


# --- One error shape -------------------------------------------------------------------------


def test_a_validation_error_has_a_danish_detail_string_and_the_fields(caseworker, call):
    response = call(caseworker, "get", "/threads", page="0")
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Forespørgslen er ugyldig: page."
    (error,) = body["errors"]
    assert error["loc"] == ["query", "page"]
    assert error["type"] == "greater_than_equal"


def test_a_body_error_names_the_field_without_the_argument_name(caseworker, call):
    response = call(caseworker, "post", "/threads", {"topic": "x", "title": "Hej"})
    assert response.status_code == 422
    assert response.json()["detail"] == "Forespørgslen er ugyldig: body."


def test_other_errors_have_the_same_detail_string(caseworker, call, client):
    assert client.get("/api/v1/me").json() == {"detail": "Unauthorized"}
    missing = call(caseworker, "get", "/threads/999999")
    assert missing.status_code == 404 and isinstance(missing.json()["detail"], str)
    not_json = call(caseworker, "post", "/threads", raw="{not json")
    assert not_json.status_code == 400 and isinstance(not_json.json()["detail"], str)


def test_an_empty_body_is_refused_where_a_body_is_required(caseworker, call, client, token_for):
    response = client.post(
        "/api/v1/threads",
        "",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token_for(caseworker)}"},
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "Forespørgslen er ugyldig: body."
    assert response.json()["errors"][0]["loc"] == ["body"]
    assert not Thread.objects.exists()


@pytest.mark.parametrize("title", ["", "   ", "\t\n", "\x1c", "\u2003"])
def test_a_blank_title_is_refused_as_the_schema_says(caseworker, call, title):
    TopicFactory(slug="dagpenge")
    response = call(
        caseworker, "post", "/threads", {"topic": "dagpenge", "title": title, "body": "B"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][-1] == "title"
    assert not Thread.objects.exists()


def test_a_field_the_schema_does_not_have_is_refused(caseworker, call):
    TopicFactory(slug="dagpenge")
    body = {"topic": "dagpenge", "title": "T", "body": "B", "titel": "stavefejl"}
    response = call(caseworker, "post", "/threads", body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "titel"]
    assert response.json()["detail"] == "Forespørgslen er ugyldig: titel."
    assert not Thread.objects.exists()


def test_an_unknown_topic_is_404_when_writing_and_nothing_when_listing(caseworker, call):
    response = call(caseworker, "post", "/threads", {"topic": "ukendt", "title": "T", "body": "B"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Emnet findes ikke."}
    assert call(caseworker, "get", "/threads", topic="ukendt").json()["count"] == 0


# --- NUL bytes -------------------------------------------------------------------------------


def test_nul_in_a_json_body_is_refused_with_422_and_nothing_is_stored(caseworker, call):
    TopicFactory(slug="dagpenge")
    for body in (
        {"topic": "dagpenge", "title": "Hej\u0000", "body": "Tekst"},
        {"topic": "dagpenge\u0000", "title": "Hej", "body": "Tekst"},
        {"topic": "dagpenge", "title": "Hej", "body": "Tekst", "ekstra\u0000": 1},
    ):
        response = call(caseworker, "post", "/threads", body)
        assert response.status_code == 422, body
        assert response.json() == {"detail": NUL_MESSAGE}
    assert not Thread.objects.exists()


def test_nul_in_a_query_string_is_refused_with_422(caseworker, client, token_for):
    headers = {"Authorization": f"Bearer {token_for(caseworker)}"}
    for path in (
        "/search?q=r%C3%A5d%00ighed",
        "/search?q=x&topic=%00",
        "/search?q=x&type%00=thread",
        "/me?ukendt=%00",
        "/threads?topic=dagpenge%00",
        "/events?topic=%00",
    ):
        response = client.get(f"/api/v1{path}", headers=headers)
        assert response.status_code == 422, path
        assert response.json() == {"detail": NUL_MESSAGE}


def test_a_backslash_u0000_that_is_text_is_not_a_nul(caseworker, call):
    TopicFactory(slug="dagpenge")
    text = "Skriv \\u0000 i feltet"  # a backslash, then u0000: no NUL character
    response = call(
        caseworker, "post", "/threads", {"topic": "dagpenge", "title": "T", "body": text}
    )
    assert response.status_code == 201
    assert Thread.objects.get().posts.get().body == text


def test_nul_in_a_registration_note_is_refused(caseworker, call):
    event = EventFactory()
    response = call(caseworker, "post", f"/events/{event.pk}/registrations", {"dietary_note": "\0"})
    assert response.status_code == 422
    assert not Registration.objects.exists()


# --- Registration bodies ---------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["[false]", "null", '"vegetar"', "42", "[]"])
def test_a_registration_body_that_is_not_an_object_is_refused(caseworker, call, raw):
    event = EventFactory()
    response = call(caseworker, "post", f"/events/{event.pk}/registrations", raw=raw)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body"]
    assert not Registration.objects.exists()


def test_a_registration_body_may_be_empty_or_an_empty_object(caseworker, colleague, call):
    event = EventFactory()
    assert call(caseworker, "post", f"/events/{event.pk}/registrations").status_code == 201
    assert call(colleague, "post", f"/events/{event.pk}/registrations", {}).status_code == 201


def test_a_registration_note_too_long_or_of_the_wrong_type_is_refused(caseworker, call):
    event = EventFactory()
    path = f"/events/{event.pk}/registrations"
    long = call(caseworker, "post", path, {"dietary_note": "x" * 301})
    assert long.status_code == 422
    assert long.json()["errors"][0]["loc"] == ["body", "dietary_note"]
    assert call(caseworker, "post", path, {"dietary_note": 5}).status_code == 422
    assert call(caseworker, "post", path, raw="{oops").status_code == 400
    assert not Registration.objects.exists()


# --- Event times -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"starts_at": "9999-12-31T10:00:00+01:00", "ends_at": "9999-12-31T23:59:59+01:00"},
        {"ends_at": "9999-12-31T23:59:59+01:00"},
        {"starts_at": "0001-01-01T00:00:00+01:00", "ends_at": "0001-01-01T02:00:00+01:00"},
        {"starts_at": "1899-12-31T10:00:00Z", "ends_at": "1899-12-31T12:00:00Z"},
        {"registration_opens_at": "0001-01-01T00:00:00Z"},
    ],
)
def test_event_times_outside_1900_to_2200_are_refused(editor, call, fields):
    response = call(editor, "post", "/events", _event(**fields))
    assert response.status_code == 422
    assert "mellem 1900 og 2200" in response.json()["detail"]
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"starts_at": "2030-05-01T10:00:00", "ends_at": "2030-05-01T12:00:00"},
        {"registration_closes_at": "2030-04-30T10:00:00"},
        {"starts_at": 1893456000},
        {"publish": "true"},
        {"capacity": "10"},
    ],
)
def test_event_times_without_a_time_zone_or_values_of_the_wrong_type_are_refused(
    editor, call, fields
):
    response = call(editor, "post", "/events", _event(**fields))
    assert response.status_code == 422
    assert response.json()["errors"]
    assert not Event.objects.exists()


def test_an_event_in_2200_is_accepted(editor, call):
    response = call(
        editor,
        "post",
        "/events",
        _event(starts_at="2200-12-31T10:00:00+01:00", ends_at="2200-12-31T12:00:00+01:00"),
    )
    assert response.status_code == 201
    assert Event.objects.get().starts_at.year == 2200


# --- Search dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dates",
    [
        {"date_to": "9999-12-31"},
        {"date_from": "9999-12-31"},
        {"date_from": "0001-01-01"},
        {"date_from": "0001-01-01", "date_to": "9999-12-31"},
        {"date_to": "0001-01-01"},
    ],
)
def test_search_takes_any_date_without_failing(caseworker, call, dates):
    response = call(caseworker, "get", "/search", q="rådighed", **dates)
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_search_refuses_date_to_before_date_from(caseworker, call):
    response = call(
        caseworker, "get", "/search", q="x", date_from="2026-02-01", date_to="2026-01-01"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "date_to"]
    assert response.json()["detail"] == "Forespørgslen er ugyldig: date_to."

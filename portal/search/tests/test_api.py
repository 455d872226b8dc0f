from datetime import UTC, datetime

import pytest

from portal.api.services import api_token_create
from portal.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_get(client):
    def _api_get(user, params):
        _token, key = api_token_create(user=user, name="Test")
        return client.get("/api/v1/search", params, headers={"Authorization": f"Bearer {key}"})

    return _api_get


def test_api_search_answers_results_with_highlights(caseworker, make_thread, topic, api_get):
    thread = make_thread("Revalideringsforløbet", "Hvornår slutter revalideringen?")
    response = api_get(caseworker, {"q": "revalidering"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1 and not body["total_is_capped"]
    (hit,) = body["results"]
    assert hit["type"] == "thread"
    assert hit["id"] == thread.pk
    assert hit["topic"] == topic.slug
    assert hit["title_html"] == "<mark>Revalideringsforløbet</mark>"
    assert "<mark>revalideringen</mark>" in hit["snippet_html"]


def test_api_search_applies_the_filters(caseworker, make_thread, make_reply, api_get):
    thread = make_thread("Fleksjob")
    reply = make_reply(thread, "Fleksjob igen")
    body = api_get(caseworker, {"q": "fleksjob", "type": "post"}).json()
    assert [(r["type"], r["id"]) for r in body["results"]] == [("post", reply.pk)]
    unknown_topic = api_get(caseworker, {"q": "fleksjob", "topic": "ukendt"})
    assert unknown_topic.status_code == 200 and unknown_topic.json()["results"] == []
    assert (
        api_get(
            caseworker, {"q": "x", "date_from": "2026-02-01", "date_to": "2026-01-01"}
        ).status_code
        == 422
    )


def test_api_search_keeps_invitation_only_networks_private(
    caseworker, fund, make_thread, private_network, member_of, api_get
):
    member = make_user(organisation=fund, email="m@3f.example.dk")
    member_of(private_network, member)
    secret = make_thread("Hemmelig revalidering", network=private_network, author=member)
    assert api_get(caseworker, {"q": "revalidering"}).json()["results"] == []
    assert [r["id"] for r in api_get(member, {"q": "revalidering"}).json()["results"]] == [
        secret.pk
    ]


def test_api_search_needs_a_token(client):
    assert client.get("/api/v1/search", {"q": "rådighed"}).status_code == 401


def test_api_search_reports_typo_corrections(caseworker, make_thread, api_get):
    make_thread("Sygedagpenge")
    body = api_get(caseworker, {"q": "sygedagpnge"}).json()
    assert body["corrections"] == [{"typed": "sygedagpnge", "used": "sygedagpenge"}]


def test_api_search_dates_at_the_ends_still_find_what_lies_between(
    caseworker, make_thread, api_get
):
    thread = make_thread("Revalidering", created_at=datetime(2026, 3, 1, tzinfo=UTC))
    for dates in ({"date_to": "9999-12-31"}, {"date_from": "0001-01-01"}):
        found = api_get(caseworker, {"q": "revalidering", **dates}).json()["results"]
        assert [hit["id"] for hit in found] == [thread.pk], dates
    assert (
        api_get(caseworker, {"q": "revalidering", "date_from": "9999-12-31"}).json()["results"]
        == []
    )


def test_the_search_page_takes_any_date_without_failing(caseworker, client_for):
    client = client_for(caseworker)
    for dates in ({"date_to": "9999-12-31"}, {"date_from": "0001-01-01"}):
        assert client.get("/soeg/", {"q": "rådighed", **dates}).status_code == 200

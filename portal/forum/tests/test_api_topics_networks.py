"""GET /api/v1/topics and /api/v1/networks: where an integration may post, without guessing slugs.

Which networks are listed is forum/access.py's networks_readable: the open ones and those by
invitation the token's owner is a member of; nobody else sees one by invitation, editors and
the operator's admins included.
"""

import pytest

from portal.api.services import api_token_create
from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.forum.models import NetworkMembership, TopicFollow

from .factories import NetworkFactory, add_member, make_thread

pytestmark = pytest.mark.django_db

# Once a first request has counted the token's "last used": the token with its owner, and the
# list itself; for the topics also the owner's roles (a moderator's thread counts include hidden
# threads). An API call is no visit and keeps no session (insights/middleware.py).
NETWORK_QUERIES = 2
TOPIC_QUERIES = 3


@pytest.fixture
def get_as(client):
    """get_as(user)(path) → the response of GET /api/v1<path> with a fresh token of that user."""

    def _get_as(user):
        _token, key = api_token_create(user=user, name="Test")
        return lambda path: client.get(f"/api/v1{path}", headers={"Authorization": f"Bearer {key}"})

    return _get_as


@pytest.mark.parametrize("path", ["/topics", "/networks"])
def test_without_a_token_the_answer_is_401(client, path):
    response = client.get(f"/api/v1{path}")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


@pytest.mark.parametrize("path", ["/topics", "/networks"])
def test_a_revoked_token_is_401(client, caseworker, path):
    token, key = api_token_create(user=caseworker, name="Test")
    token.revoked_at = token.created_at
    token.save()
    response = client.get(f"/api/v1{path}", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 401


# --- Topics ----------------------------------------------------------------------------------


def test_topics_are_every_topic_by_name_with_the_threads_the_owner_may_read(
    caseworker, colleague, get_as
):
    rights = TopicFactory(slug="raadighed", name="Rådighed", description="Rådighedsregler.")
    benefits = TopicFactory(slug="dagpenge", name="Dagpenge", description="")
    empty = TopicFactory(slug="efterloen", name="Efterløn")
    private = NetworkFactory(is_open=False)
    add_member(private, caseworker)
    make_thread(author=caseworker, topic=benefits, title="Offentlig")
    make_thread(author=caseworker, topic=benefits, network=private, title="Privat")
    make_thread(author=colleague, topic=rights, title="Rådighed ved deltid")

    body = get_as(colleague)("/topics").json()
    assert body == [
        {
            "id": benefits.pk,
            "slug": "dagpenge",
            "name": "Dagpenge",
            "description": "",
            "thread_count": 1,  # the thread of the network by invitation is not theirs to read
            "is_followed": False,
        },
        {
            "id": empty.pk,
            "slug": "efterloen",
            "name": "Efterløn",
            "description": empty.description,
            "thread_count": 0,
            "is_followed": False,
        },
        {
            "id": rights.pk,
            "slug": "raadighed",
            "name": "Rådighed",
            "description": "Rådighedsregler.",
            "thread_count": 1,
            "is_followed": False,
        },
    ]
    counts = {
        topic["slug"]: topic["thread_count"] for topic in get_as(caseworker)("/topics").json()
    }
    assert counts == {"dagpenge": 2, "efterloen": 0, "raadighed": 1}


def test_a_followed_topic_says_so(caseworker, get_as):
    followed = TopicFactory(slug="dagpenge", name="Dagpenge")
    TopicFactory(slug="efterloen", name="Efterløn")
    TopicFollow.objects.create(user=caseworker, topic=followed)
    body = get_as(caseworker)("/topics").json()
    assert [(topic["slug"], topic["is_followed"]) for topic in body] == [
        ("dagpenge", True),
        ("efterloen", False),
    ]


def test_a_listed_topic_slug_is_one_a_thread_can_be_started_in(caseworker, client, get_as):
    TopicFactory(slug="dagpenge", name="Dagpenge")
    _token, key = api_token_create(user=caseworker, name="Test")
    headers = {"Authorization": f"Bearer {key}"}
    (topic,) = client.get("/api/v1/topics", headers=headers).json()
    response = client.post(
        "/api/v1/threads",
        {"topic": topic["slug"], "title": "Rådighed", "body": "Hvad gælder?"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201
    assert response.json()["topic"] == topic["slug"]


def _topics_with_threads(n, author):
    for i in range(n):
        topic = TopicFactory(slug=f"emne-{i}", name=f"Emne {i}")
        make_thread(author=author, topic=topic)


@pytest.mark.parametrize("n", [2, 8])
def test_the_topic_list_takes_the_same_queries_however_many_topics(
    caseworker, get_as, django_assert_num_queries, n
):
    _topics_with_threads(n, caseworker)
    get = get_as(caseworker)
    get("/topics")  # warm up: the token's "last used"
    with django_assert_num_queries(TOPIC_QUERIES):
        response = get("/topics")
    assert len(response.json()) == n


# --- Networks --------------------------------------------------------------------------------


@pytest.fixture
def networks(caseworker):
    """An open network, one by invitation the caseworker moderates, one by invitation they are
    not in."""
    open_one = NetworkFactory(
        slug="beskaeftigelse", name="Beskæftigelse", description="Alle er velkomne."
    )
    mine = NetworkFactory(slug="a-kasse-jura", name="A-kassejura", is_open=False)
    add_member(mine, caseworker, role=NetworkMembership.Role.MODERATOR)
    others = NetworkFactory(slug="ledelse", name="Ledelse", is_open=False, description="Lukket.")
    return {"open": open_one, "mine": mine, "others": others}


def test_networks_are_the_open_ones_and_the_owners_own(caseworker, colleague, networks, get_as):
    add_member(networks["open"], colleague)
    add_member(networks["others"], colleague)
    assert get_as(caseworker)("/networks").json() == [
        {
            "id": networks["mine"].pk,
            "slug": "a-kasse-jura",
            "name": "A-kassejura",
            "description": "",
            "is_open": False,
            "member_count": 1,
            "is_member": True,
            "role": "moderator",
        },
        {
            "id": networks["open"].pk,
            "slug": "beskaeftigelse",
            "name": "Beskæftigelse",
            "description": "Alle er velkomne.",
            "is_open": True,
            "member_count": 1,
            "is_member": False,
            "role": None,
        },
    ]
    body = get_as(colleague)("/networks").json()
    assert [(n["slug"], n["is_member"], n["role"]) for n in body] == [
        ("beskaeftigelse", True, "member"),
        ("ledelse", True, "member"),
    ]


def test_a_network_by_invitation_is_listed_for_its_members_only(
    fund, operator, caseworker, networks, get_as
):
    """Not for editors, jurists or the operator's admins either: the policy has no exception."""
    outsiders = [
        make_user(organisation=fund, email="kollega@3f.example.dk"),
        make_user(organisation=operator, roles=["editor"], email="red@loh.example.dk"),
        make_user(organisation=operator, roles=["jurist"], email="jur@loh.example.dk"),
        make_user(
            organisation=operator,
            roles=["admin", "operator_admin"],
            email="drift@loh.example.dk",
            mfa=True,
        ),
    ]
    for person in outsiders:
        slugs = [network["slug"] for network in get_as(person)("/networks").json()]
        assert slugs == ["beskaeftigelse"], person.email
    member = outsiders[0]
    add_member(networks["others"], member)
    slugs = [network["slug"] for network in get_as(member)("/networks").json()]
    assert slugs == ["beskaeftigelse", "ledelse"]


def test_the_listed_networks_are_exactly_those_the_owner_may_post_in(caseworker, networks, client):
    """Every listed slug takes a thread; the unlisted one by invitation answers 404."""
    TopicFactory(slug="dagpenge", name="Dagpenge")
    _token, key = api_token_create(user=caseworker, name="Test")
    headers = {"Authorization": f"Bearer {key}"}
    listed = {n["slug"] for n in client.get("/api/v1/networks", headers=headers).json()}
    for slug in [*sorted(listed), networks["others"].slug]:
        response = client.post(
            "/api/v1/threads",
            {"topic": "dagpenge", "network": slug, "title": "Hej", "body": "Hvad gælder?"},
            content_type="application/json",
            headers=headers,
        )
        assert response.status_code == (201 if slug in listed else 404), slug


def test_no_networks_is_an_empty_list(caseworker, get_as):
    assert get_as(caseworker)("/networks").json() == []


@pytest.mark.parametrize("n", [2, 8])
def test_the_network_list_takes_the_same_queries_however_many_networks(
    caseworker, colleague, get_as, django_assert_num_queries, n
):
    for i in range(n):
        network = NetworkFactory(is_open=i % 2 == 0)
        add_member(network, caseworker)
        add_member(network, colleague)
    get = get_as(caseworker)
    get("/networks")  # warm up: the token's "last used"
    with django_assert_num_queries(NETWORK_QUERIES):
        response = get("/networks")
    assert len(response.json()) == n
    assert all(network["member_count"] == 2 for network in response.json())


# --- The schema ------------------------------------------------------------------------------


def test_the_schema_documents_both_lists(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, name in (("/api/v1/topics", "TopicOut"), ("/api/v1/networks", "NetworkOut")):
        operation = schema["paths"][path]["get"]
        assert operation["description"]
        assert operation["security"]
        assert {"200", "401"} <= set(operation["responses"])
        properties = schema["components"]["schemas"][name]["properties"]
        assert all(field.get("description") for field in properties.values()), name

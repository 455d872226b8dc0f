import pytest
from openapi_spec_validator import validate

from portal.api.services import api_token_create
from portal.forum import services
from portal.forum.models import Post, Thread
from portal.notifications.models import Notification

from .factories import NetworkFactory, add_member, make_question, make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_for(client):
    """api_for(user) → (get, post) calling /api/v1 with a fresh token of that user."""

    def _api_for(user):
        _token, key = api_token_create(user=user, name="Test")
        headers = {"Authorization": f"Bearer {key}"}

        def get(path, **params):
            return client.get(f"/api/v1{path}", params, headers=headers)

        def post(path, payload):
            return client.post(
                f"/api/v1{path}", payload, content_type="application/json", headers=headers
            )

        return get, post

    return _api_for


def test_the_schema_describes_the_debate_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    validate(schema)
    operations = {
        operation["operationId"]: operation
        for path in schema["paths"].values()
        for operation in path.values()
    }
    for operation_id in ("thread_list", "thread_create", "thread_get", "thread_reply_create"):
        assert operations[operation_id]["description"]


def test_thread_list_shows_what_the_owner_may_read(caseworker, colleague, topic, api_for):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    make_thread(author=caseworker, topic=topic, network=network, title="Privat")
    make_question(author=caseworker, topic=topic, title="Offentlig")
    get, _post = api_for(colleague)
    body = get("/threads").json()
    assert body["count"] == 1
    assert [item["title"] for item in body["items"]] == ["Offentlig"]
    get, _post = api_for(caseworker)
    assert get("/threads").json()["count"] == 2
    assert get("/threads", network=network.slug).json()["items"][0]["title"] == "Privat"
    assert get("/threads", kind="question").json()["count"] == 1
    assert get("/threads", unanswered="true").json()["count"] == 1
    assert get("/threads", topic="findes-ikke").json()["count"] == 0


def test_thread_list_is_paginated(caseworker, topic, api_for):
    for i in range(26):
        make_thread(author=caseworker, topic=topic, title=f"Tråd {i}")
    get, _post = api_for(caseworker)
    first = get("/threads").json()
    assert (first["count"], first["pages"], len(first["items"])) == (26, 2, 25)
    assert len(get("/threads", page=2).json()["items"]) == 1


def test_thread_get_returns_the_posts(caseworker, colleague, topic, api_for):
    thread = make_question(author=caseworker, topic=topic, body="**Hjælp**")
    make_reply(author=colleague, thread=thread, body="Svar")
    get, _post = api_for(colleague)
    body = get(f"/threads/{thread.pk}").json()
    assert body["kind"] == "question"
    assert body["topic"] == topic.slug
    assert [post["body"] for post in body["posts"]] == ["**Hjælp**", "Svar"]
    assert body["posts"][0]["body_html"] == "<p><strong>Hjælp</strong></p>\n"
    assert body["posts"][1]["author"]["organisation"] == "FOA A-kasse"


def _replies(thread, n, *, author):
    for i in range(n):
        make_reply(author=author, thread=thread, body=f"Svar nummer {i + 1}")


def test_thread_get_pages_the_posts_as_the_thread_pages_do(
    caseworker, colleague, topic, api_for, settings
):
    settings.PORTAL_THREAD_PAGE_SIZE = 4
    thread = make_thread(author=caseworker, topic=topic, body="Start")
    _replies(thread, 9, author=colleague)
    get, _post = api_for(colleague)
    first = get(f"/threads/{thread.pk}").json()
    assert (first["post_count"], first["page"], first["pages"]) == (10, 1, 3)
    assert [post["body"] for post in first["posts"]] == ["Start"] + [
        f"Svar nummer {i}" for i in range(1, 4)
    ]
    second = get(f"/threads/{thread.pk}", page=2).json()
    assert second["page"] == 2
    assert [post["body"] for post in second["posts"]] == [f"Svar nummer {i}" for i in range(4, 8)]
    last = get(f"/threads/{thread.pk}", page=99).json()
    assert last["page"] == 3
    assert [post["body"] for post in last["posts"]] == ["Svar nummer 8", "Svar nummer 9"]
    assert get(f"/threads/{thread.pk}", page=0).status_code == 422


@pytest.mark.parametrize("posts", [10, 100])
def test_thread_get_takes_the_same_queries_however_long_the_thread(
    caseworker, colleague, topic, api_for, django_assert_num_queries, posts
):
    thread = make_thread(author=caseworker, topic=topic)
    _replies(thread, posts - 1, author=colleague)
    get, _post = api_for(colleague)
    get(f"/threads/{thread.pk}")  # warm up: the token's "last used"
    with django_assert_num_queries(THREAD_QUERIES):
        body = get(f"/threads/{thread.pk}").json()
    assert body["post_count"] == posts
    assert len(body["posts"]) == min(posts, 30)


# Once a first request has counted the token's "last used": the token with its owner, the
# owner's roles (whether they moderate hidden threads), the thread, the posts' count and the
# page of posts. An API call is no visit and keeps no session (insights/middleware.py).
THREAD_QUERIES = 5


def test_a_private_thread_answers_404_to_non_members(caseworker, colleague, topic, api_for):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    thread = make_thread(author=caseworker, topic=topic, network=network)
    get, post = api_for(colleague)
    assert get(f"/threads/{thread.pk}").status_code == 404
    assert post(f"/threads/{thread.pk}/replies", {"body": "Ind"}).status_code == 404
    assert get("/threads/999999").status_code == 404
    assert Post.objects.count() == 1


def test_thread_create_posts_as_the_token_owner(caseworker, topic, api_for):
    _get, post = api_for(caseworker)
    response = post(
        "/threads", {"kind": "question", "topic": topic.slug, "title": "Via API", "body": "Tekst"}
    )
    assert response.status_code == 201
    thread = Thread.objects.get()
    assert response.json()["id"] == thread.pk
    assert thread.author == caseworker
    assert thread.is_question
    assert response.json()["posts"][0]["is_opening"] is True


def test_thread_create_in_a_private_network_needs_membership(caseworker, colleague, topic, api_for):
    network = NetworkFactory(is_open=False)
    add_member(network, caseworker)
    payload = {"topic": topic.slug, "network": network.slug, "title": "T", "body": "B"}
    assert api_for(colleague)[1]("/threads", payload).status_code == 404
    assert api_for(caseworker)[1]("/threads", payload).status_code == 201


def test_the_cpr_guard_answers_422_and_writes_nothing(caseworker, topic, api_for):
    _get, post = api_for(caseworker)
    response = post("/threads", {"topic": topic.slug, "title": "T", "body": "Borger 010190-1234"})
    assert response.status_code == 422
    assert "010190-XXXX" in response.json()["detail"]
    thread = make_thread(author=caseworker, topic=topic)
    response = post(f"/threads/{thread.pk}/replies", {"body": "0101901234"})
    assert response.status_code == 422
    assert Post.objects.count() == 1


def test_replies_are_created_and_notify(caseworker, colleague, topic, api_for):
    thread = make_question(author=caseworker, topic=topic)
    opening = thread.posts.get()
    _get, post = api_for(colleague)
    response = post(f"/threads/{thread.pk}/replies", {"body": "Svar", "quoted_post_id": opening.pk})
    assert response.status_code == 201
    assert response.json()["quoted_post_id"] == opening.pk
    assert Notification.objects.get(recipient=caseworker).kind == "answer"


def test_a_closed_thread_answers_409(caseworker, editor, topic, api_for):
    thread = make_thread(author=caseworker, topic=topic)
    services.thread_close(thread=thread, by=editor)
    response = api_for(caseworker)[1](f"/threads/{thread.pk}/replies", {"body": "Sent"})
    assert response.status_code == 409


def test_a_quote_from_another_thread_is_not_found(caseworker, topic, api_for):
    thread = make_thread(author=caseworker, topic=topic)
    other = make_thread(author=caseworker, topic=topic)
    response = api_for(caseworker)[1](
        f"/threads/{thread.pk}/replies", {"body": "X", "quoted_post_id": other.posts.get().pk}
    )
    assert response.status_code == 404


def test_the_api_needs_a_token(client):
    assert client.get("/api/v1/threads").status_code == 401


def test_a_merged_thread_answers_with_its_target(caseworker, editor, topic, api_for):
    source = make_thread(author=caseworker, topic=topic)
    target = make_thread(author=caseworker, topic=topic)
    services.thread_merge(source=source, target=target, by=editor)
    body = api_for(caseworker)[0](f"/threads/{source.pk}").json()
    assert body["id"] == target.pk
    assert len(body["posts"]) == 2

"""Debate endpoints of /api/v1/: threads and replies, with exactly the browser's permissions,
and the topics and networks to post them in (so an integration need not guess their slugs).

A thread the token's owner may not read answers 404, as if it did not exist; the CPR guard
answers 422 with the same Danish message the browser shows.
"""

from datetime import datetime
from typing import Literal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from portal.core.api import NON_BLANK_PATTERN, ErrorOut, InputSchema, PersonOut
from portal.core.forms import error_text
from portal.core.models import Topic

from . import access, selectors, services
from .models import Network, Post, Thread

router = Router(tags=["debate"])

PAGE_SIZE = 25


class ThreadOut(Schema):
    id: int = Field(description="The thread's id.")
    kind: Literal["discussion", "question"] = Field(description="discussion or question.")
    title: str = Field(description="Title of the thread.")
    topic: str = Field(description="Slug of the thread's topic.")
    network: str | None = Field(description="Slug of the network the thread belongs to, if any.")
    author: PersonOut | None = Field(description="Who started the thread (null if deleted).")
    created_at: datetime = Field(description="When the thread was started.")
    last_activity_at: datetime = Field(description="When the latest reply was written.")
    reply_count: int = Field(description="Number of replies.")
    is_pinned: bool = Field(description="Pinned to the top of the list by an editor.")
    is_closed: bool = Field(description="Closed for new replies by an editor.")
    accepted_answer_id: int | None = Field(description="The accepted answer of a question.")

    @staticmethod
    def resolve_topic(obj) -> str:
        return obj.topic.slug

    @staticmethod
    def resolve_network(obj) -> str | None:
        return obj.network.slug if obj.network_id else None


class PostOut(Schema):
    id: int = Field(description="The post's id.")
    author: PersonOut | None = Field(description="Who wrote the post (null if deleted).")
    is_opening: bool = Field(description="True for the thread's opening post.")
    body: str = Field(description="The text as written (Markdown); empty when hidden.")
    body_html: str = Field(description="The text rendered to sanitised HTML; empty when hidden.")
    author_is_jurist: bool = Field(description="Written by a jurist of the legal hotline.")
    quoted_post_id: int | None = Field(description="The post this one quotes, if any.")
    created_at: datetime = Field(description="When the post was written.")
    edited_at: datetime | None = Field(description="When the post was last edited.")
    is_hidden: bool = Field(description="Hidden by an editor.")

    @staticmethod
    def resolve_body(obj) -> str:
        # The API shows everyone what everyone may read: a hidden post's text for nobody.
        return obj.body if access.post_shown(user=None, post=obj) else ""

    @staticmethod
    def resolve_body_html(obj) -> str:
        return obj.body_html if access.post_shown(user=None, post=obj) else ""


class ThreadDetailOut(ThreadOut):
    post_count: int = Field(description="Number of posts: the opening post and the replies.")
    page: int = Field(description="This page of the posts, from 1.")
    pages: int = Field(description="Number of pages of posts.")
    posts: list[PostOut] = Field(
        description=(
            "This page's posts, oldest first: the opening post and the replies, as many a page "
            "as the portal's thread pages show (30 unless configured otherwise)."
        )
    )

    @staticmethod
    def resolve_post_count(obj) -> int:
        return obj.posts_page.paginator.count

    @staticmethod
    def resolve_page(obj) -> int:
        return obj.posts_page.number

    @staticmethod
    def resolve_pages(obj) -> int:
        return obj.posts_page.paginator.num_pages

    @staticmethod
    def resolve_posts(obj) -> list:
        return list(obj.posts_page.object_list)


class ThreadPageOut(Schema):
    count: int = Field(description="Number of threads matching the filters.")
    page: int = Field(description="This page's number, from 1.")
    pages: int = Field(description="Number of pages.")
    items: list[ThreadOut] = Field(description="The threads of this page.")


class ThreadFilters(Schema):
    topic: str | None = Field(None, description="Only threads of the topic with this slug.")
    kind: Literal["discussion", "question"] | None = Field(None, description="Only this kind.")
    unanswered: bool = Field(False, description="Only questions without an accepted answer.")
    network: str | None = Field(None, description="Only threads of the network with this slug.")
    page: int = Field(1, ge=1, description="Page number, from 1 (25 threads a page).")


class PostPage(Schema):
    page: int = Field(1, ge=1, description="Page of the thread's posts, from 1.")


class ThreadIn(InputSchema):
    kind: Literal["discussion", "question"] = Field(
        "discussion", description="discussion or question."
    )
    topic: str = Field(description="Slug of the topic (GET /topics lists them).")
    network: str | None = Field(
        None, description="Slug of a network to post in, if any (GET /networks lists them)."
    )
    title: str = Field(
        max_length=services.TITLE_MAX_LENGTH,
        pattern=NON_BLANK_PATTERN,
        description="Title of the thread (not blank).",
    )
    body: str = Field(
        max_length=services.BODY_MAX_LENGTH,
        pattern=NON_BLANK_PATTERN,
        description="The opening post, in Markdown (not blank).",
    )


class ReplyIn(InputSchema):
    body: str = Field(
        max_length=services.BODY_MAX_LENGTH,
        pattern=NON_BLANK_PATTERN,
        description="The reply, in Markdown (not blank).",
    )
    quoted_post_id: int | None = Field(None, description="A post of the same thread to quote.")


def _unprocessable(error: ValidationError) -> HttpError:
    return HttpError(422, error_text(error))


def _thread_with_posts(*, user, thread_id: int, page: int = 1) -> Thread:
    """The thread with one page of its posts (`posts_page`): a count and the page, two queries
    however long the thread, in pages as long as the browser's."""
    thread = selectors.thread_detail(user=user, thread_id=thread_id)
    if thread.merged_into_id:
        # As in the browser, a merged thread's address leads to the thread it went into.
        thread = selectors.thread_detail(user=user, thread_id=thread.merged_into_id)
    posts = (
        Post.objects.filter(access.posts_in_place(user=user), thread=thread)
        .select_related("author__organisation")
        .order_by("created_at", "id")
    )
    thread.posts_page = Paginator(posts, settings.PORTAL_THREAD_PAGE_SIZE).get_page(page)
    return thread


@router.get(
    "/threads",
    response=ThreadPageOut,
    operation_id="thread_list",
    summary="Threads",
    description=(
        "Threads the token's owner may read, pinned first, then by latest activity. Threads of "
        "networks by invitation appear only for their members."
    ),
)
def thread_list(request: HttpRequest, filters: Query[ThreadFilters]):
    topic = network = None
    if filters.topic:
        topic = Topic.objects.filter(slug=filters.topic).first()
        if topic is None:
            return {"count": 0, "page": 1, "pages": 1, "items": []}
    if filters.network:
        network = Network.objects.filter(slug=filters.network).first()
        if network is None:
            return {"count": 0, "page": 1, "pages": 1, "items": []}
    threads = selectors.thread_list(
        user=request.user,
        topic=topic,
        kind=filters.kind,
        unanswered=filters.unanswered,
        network=network,
    )
    paginator = Paginator(threads, PAGE_SIZE)
    page = paginator.get_page(filters.page)
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "items": list(page.object_list),
    }


@router.post(
    "/threads",
    response={201: ThreadDetailOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="thread_create",
    summary="Start a thread",
    description=(
        "Start a discussion or a question as the token's owner. In a network by invitation "
        "only its members may post. 404 for an unknown topic or a network one may not post in; "
        "text with a CPR number is refused with 422."
    ),
)
def thread_create(request: HttpRequest, payload: ThreadIn):
    topic = Topic.objects.filter(slug=payload.topic).first()
    if topic is None:
        raise HttpError(404, _("The topic does not exist."))
    network = None
    if payload.network:
        network = Network.objects.filter(slug=payload.network).first()
        if network is None or not access.may_post_in_network(user=request.user, network=network):
            raise HttpError(404, _("The network does not exist."))
    try:
        thread = services.thread_create(
            author=request.user,
            kind=payload.kind,
            topic=topic,
            network=network,
            title=payload.title,
            body=payload.body,
        )
    except ValidationError as error:
        raise _unprocessable(error) from error
    except PermissionDenied as error:
        raise HttpError(404, _("The network does not exist.")) from error
    return Status(201, _thread_with_posts(user=request.user, thread_id=thread.pk))


@router.get(
    "/threads/{thread_id}",
    response={200: ThreadDetailOut, 404: ErrorOut},
    operation_id="thread_get",
    summary="A thread with its posts",
    description=(
        "One thread with a page of its posts, oldest first (`page`, `pages`, `post_count`; a "
        "page past the last answers the last); 404 when it does not exist or is not visible. A "
        "thread merged into another answers with the thread it was merged into."
    ),
)
def thread_get(request: HttpRequest, thread_id: int, paging: Query[PostPage]):
    return _thread_with_posts(user=request.user, thread_id=thread_id, page=paging.page)


@router.post(
    "/threads/{thread_id}/replies",
    response={201: PostOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    operation_id="thread_reply_create",
    summary="Reply to a thread",
    description=(
        "Reply as the token's owner. 404 when the thread is not visible, 409 when it is closed, "
        "422 when the text contains a CPR number or the quoted post is of another thread."
    ),
)
def thread_reply_create(request: HttpRequest, thread_id: int, payload: ReplyIn):
    thread = selectors.thread_detail(user=request.user, thread_id=thread_id)
    if thread.merged_into_id:
        raise HttpError(409, _("The thread has been merged into another thread."))
    quoted = None
    if payload.quoted_post_id is not None:
        quoted = get_object_or_404(Post, pk=payload.quoted_post_id, thread=thread)
    try:
        post = services.reply_create(
            author=request.user, thread=thread, body=payload.body, quoted_post=quoted
        )
    except ValidationError as error:
        if getattr(error, "code", None) == "thread_closed":
            raise HttpError(409, error_text(error)) from error
        raise _unprocessable(error) from error
    except PermissionDenied as error:
        raise HttpError(404, "Not Found") from error
    return Status(201, Post.objects.select_related("author__organisation").get(pk=post.pk))


# --- Where to post: topics and networks ------------------------------------------------------


class TopicOut(Schema):
    id: int = Field(description="The topic's id.")
    slug: str = Field(description="Short, stable name of the topic: `topic` of a thread.")
    name: str = Field(description="Name of the topic.")
    description: str = Field(description="What the topic covers; may be empty.")
    thread_count: int = Field(
        description="Threads of the topic the token's owner may read (merged ones not counted)."
    )
    is_followed: bool = Field(description="The token's owner follows the topic.")


class NetworkOut(Schema):
    id: int = Field(description="The network's id.")
    slug: str = Field(description="Short, stable name of the network: `network` of a thread.")
    name: str = Field(description="Name of the network.")
    description: str = Field(description="The network's purpose; may be empty.")
    is_open: bool = Field(
        description="Open to everyone; false: by invitation, listed only for its members."
    )
    member_count: int = Field(description="Number of members.")
    is_member: bool = Field(description="The token's owner is a member.")
    role: Literal["member", "moderator"] | None = Field(
        description="The owner's role in the network; null when not a member."
    )

    @staticmethod
    def resolve_is_member(obj) -> bool:
        return obj.my_role is not None

    @staticmethod
    def resolve_role(obj) -> str | None:
        return obj.my_role


@router.get(
    "/topics",
    response=list[TopicOut],
    operation_id="topic_list",
    summary="Topics",
    description=(
        "Every topic, ordered by name: the `topic` a thread is started in. Topics are one flat "
        "list (no groups). `thread_count` counts the threads the token's owner may read."
    ),
)
def topic_list(request: HttpRequest):
    return selectors.topic_list_with_counts(user=request.user)


@router.get(
    "/networks",
    response=list[NetworkOut],
    operation_id="network_list",
    summary="Networks",
    description=(
        "The networks the token's owner may read and start threads in, ordered by name: every "
        "open network, and those by invitation the owner is a member of. With the owner's "
        "membership and role in each."
    ),
)
def network_list(request: HttpRequest):
    return selectors.networks_for_posting_with_role(user=request.user)

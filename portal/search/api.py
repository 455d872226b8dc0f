"""GET /api/v1/search: the search page's results as JSON, with the same filters and rights."""

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError as NinjaValidationError

from portal.core.models import OrganisationKind, Topic

from . import selectors
from .models import SearchDocument

router = Router(tags=["search"])


class SearchFilters(Schema):
    q: str = Field(description="What to search for.", max_length=200)
    type: SearchDocument.Kind | None = Field(
        None, description="thread, post, guide, person or event."
    )
    topic: str | None = Field(None, description="A topic's short name (slug).")
    organisation_kind: OrganisationKind | None = Field(
        None, description="The kind of organisation of the author (or person)."
    )
    date_from: date | None = Field(None, description="Created on or after this day.")
    date_to: date | None = Field(
        None, description="Created on or before this day; not before date_from (422)."
    )
    page: int = Field(1, ge=1, description="Page of 20 results.")


class SearchHitOut(Schema):
    type: SearchDocument.Kind = Field(description="thread, post, guide, person or event.")
    id: int = Field(description="The thread's, reply's, guide's or person's id.")
    thread_id: int | None = Field(description="The thread a thread or reply belongs to.")
    title: str = Field(description="Title (for replies: their thread's title; people: name).")
    title_html: str = Field(description="The title, HTML-escaped, matched words in <mark>.")
    snippet_html: str = Field(description="A passage around the match, escaped, with <mark>.")
    url: str = Field(description="Path of the page in the portal.")
    topic: str | None = Field(description="The topic's short name.")
    organisation_kind: str = Field(description="Kind of organisation of the author or person.")
    created_at: datetime = Field(
        description="When it was written (people: when they joined; events: when they start)."
    )
    is_accepted_answer: bool = Field(description="A reply accepted as the question's answer.")


class CorrectionOut(Schema):
    typed: str = Field(description="A word of the query that matched nothing.")
    used: str = Field(description="The known word searched for instead.")


class SearchOut(Schema):
    query: str
    total: int = Field(description="Number of results, counted up to 501.")
    total_is_capped: bool = Field(description="True when there are more than 500 results.")
    page: int
    has_next: bool
    corrections: list[CorrectionOut]
    results: list[SearchHitOut]


@router.get(
    "/search",
    response=SearchOut,
    operation_id="search",
    summary="Search",
    description=(
        "Threads, replies, guides and people matching every word of the query, best first, "
        "as the portal's search page finds them (Danish inflections, compounds, small typos). "
        "Only what the token's owner may see. 422 when date_to is before date_from; an unknown "
        "topic finds nothing."
    ),
)
def search(request: HttpRequest, filters: Query[SearchFilters]):
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise NinjaValidationError(
            [
                {
                    "loc": ["query", "date_to"],
                    "msg": "date_to must be on or after date_from",
                    "type": "date_order",
                }
            ]
        )
    topic_id = None
    if filters.topic:
        topic_id = Topic.objects.filter(slug=filters.topic).values_list("pk", flat=True).first()
        if topic_id is None:  # as the threads and events lists: an unknown topic has nothing
            return {
                "query": filters.q,
                "total": 0,
                "total_is_capped": False,
                "page": 1,
                "has_next": False,
                "corrections": [],
                "results": [],
            }
    results = selectors.search(
        user=request.user,
        query=filters.q,
        page=filters.page,
        kinds=[filters.type] if filters.type else None,
        topic_id=topic_id,
        organisation_kind=filters.organisation_kind or "",
        date_from=filters.date_from,
        date_to=filters.date_to,
        count_miss=True,
        cached=True,
    )
    return {
        "query": results.query,
        "total": results.shown_total,
        "total_is_capped": results.total_is_capped,
        "page": results.page,
        "has_next": results.has_next,
        "corrections": results.corrections,
        "results": [
            {
                "type": hit.document.kind,
                "id": hit.document.object_id,
                "thread_id": hit.document.thread_id,
                "title": hit.document.title,
                "title_html": str(hit.title_html),
                "snippet_html": str(hit.snippet_html),
                "url": hit.document.url,
                "topic": hit.document.topic.slug if hit.document.topic else None,
                "organisation_kind": hit.document.organisation_kind,
                "created_at": hit.document.created_at,
                "is_accepted_answer": hit.document.is_accepted_answer,
            }
            for hit in results.hits
        ],
    }

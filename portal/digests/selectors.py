"""Reads that compose personal digests, in bulk for a chunk of readers.

A digest round mails thousands of people, so composition never asks the database per person:
a chunk of readers costs a fixed number of queries (their follows, networks, expertise and the
period's content), and each person's digest is then assembled in memory.

Composition is a small registry of *digest sources*: each source is a function that gets the
chunk and returns scored candidate items per reader. The "upcoming events" source lives in
`digests/events.py` and registers with `digest_source("events", weight=...)` when the app
starts; the events app below knows nothing of digests. Candidates are ranked (source weight +
engagement + recency), deduplicated per thread (the best reason wins) and capped at
PORTAL_DIGEST_MAX_ITEMS.

What a reader may see is decided by the forum's policy (`portal.forum.access`), applied in
memory: threads of a network by invitation only for its members, hidden and merged
threads and hidden posts never, and the reader's own posts never count as new.
"""

import functools
import heapq
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from django.conf import settings
from django.db.models import Count, Max, Q
from django.db.models.functions import Substr
from django.utils.functional import lazy
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.core.links import link_builder
from portal.core.models import User
from portal.forum import access
from portal.forum.models import Post, Reaction, Thread, ThreadFollow, TopicFollow
from portal.guides import access as guide_access
from portal.guides.models import Guide

from .models import DigestFrequency, DigestRun, EmailPreference

EXCERPT_CHARS = 200
# Read from the database per post: enough for an excerpt after the Markdown is stripped.
_EXCERPT_READ = 600
# "Popular among your organisation kind": reactions plus replies a thread needs to count.
POPULAR_MIN_ENGAGEMENT = 3
POPULAR_PER_READER = 3


def max_items() -> int:
    return settings.PORTAL_DIGEST_MAX_ITEMS


def period_length(frequency: str) -> timedelta:
    return timedelta(days=1) if frequency == DigestFrequency.DAILY else timedelta(days=7)


# --- What a digest is made of ------------------------------------------------------------


@dataclass
class DigestItem:
    """One entry of a digest. `key` is what dedupes (one entry per thread) and what a click
    is recorded as (EmailClick.item)."""

    key: str
    title: str
    url: str  # a portal path
    reason: str  # a lazy translation: rendered in the reader's language
    excerpt: str = ""
    thread_id: int | None = None
    source: str = ""
    score: float = 0.0
    # How many new posts the item stands for (replies in a followed thread).
    count: int = 1


@dataclass
class Reader:
    """One person of the chunk, with everything the sources need to know about them."""

    id: int
    email: str
    full_name: str
    language: str
    organisation_kind: str
    covers_from: datetime
    until: datetime | None = None
    followed_thread_ids: set[int] = field(default_factory=set)
    followed_topic_ids: set[int] = field(default_factory=set)
    network_ids: set[int] = field(default_factory=set)
    expertise_topic_ids: set[int] = field(default_factory=set)


@dataclass
class ThreadRow:
    id: int
    title: str
    kind: str
    topic_id: int
    network_id: int | None
    network_is_open: bool
    author_id: int | None
    author_kind: str
    created_at: datetime
    reply_count: int
    is_answered: bool
    is_closed: bool


@dataclass
class PostRow:
    id: int
    thread_id: int
    author_id: int | None
    created_at: datetime
    is_opening: bool
    text: str


@dataclass
class Candidate:
    reader_id: int
    item: DigestItem


def _reply_reason(count: int) -> str:
    return ngettext(
        "New reply in a thread you follow", "%(count)d new replies in a thread you follow", count
    ) % {"count": count}


# ngettext_lazy(...) % values translates at once, in the language active then: this does not.
_reply_reason_lazy = lazy(_reply_reason, str)


# --- Sources -----------------------------------------------------------------------------

DigestSourceFunction = Callable[["DigestChunk", float], Iterable[Candidate]]


@dataclass(frozen=True)
class DigestSource:
    name: str
    weight: float
    function: DigestSourceFunction


_sources: dict[str, DigestSource] = {}


def digest_source(name: str, *, weight: float):
    """Register a source: `@digest_source("events", weight=3.0)` over a function
    `(chunk, weight) -> Iterable[Candidate]` that asks the database a fixed number of times per
    chunk (never per reader). A later registration under the same name replaces the earlier."""

    def register(function: DigestSourceFunction) -> DigestSourceFunction:
        _sources[name] = DigestSource(name=name, weight=weight, function=function)
        return function

    return register


def digest_sources() -> list[DigestSource]:
    return list(_sources.values())


# --- The chunk: readers and the period's content, loaded in bulk --------------------------


_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# A quoted line is someone else's words: not what this post adds.
_MARKDOWN_QUOTE = re.compile(r"^[ \t]*>.*$", re.M)
_MARKDOWN_LINE_START = re.compile(r"^[ \t]*(?:#+[ \t]|[-*+][ \t]|\d+\.[ \t])?", re.M)
_MARKDOWN_EMPHASIS = re.compile(r"[*_`~]+")
_SPACE = re.compile(r"\s+")


def plain_excerpt(markdown: str, length: int = EXCERPT_CHARS) -> str:
    """A short plain-text excerpt of a post's Markdown: quotes, heading marks, list bullets,
    emphasis and link targets removed, whitespace collapsed, cut at a word."""
    text = _MARKDOWN_QUOTE.sub("", markdown)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _MARKDOWN_LINE_START.sub("", text)
    text = _MARKDOWN_EMPHASIS.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return Truncator(text).chars(length)


@functools.lru_cache(maxsize=50_000)
def _excerpt_of(post_id: int, markdown: str) -> str:
    """plain_excerpt, remembered across the chunks a worker runs: a popular reply appears in
    the digests of many chunks. Keyed on the text too, so an edited post is cut afresh."""
    return plain_excerpt(markdown)


class DigestChunk:
    """A chunk of readers due for a digest, and the content of the period they cover.

    Every property is one query, made at most once per chunk; sources use what they need.
    """

    def __init__(self, *, readers: list[Reader], until: datetime, frequency: str):
        self.readers = readers
        self.until = until
        self.frequency = frequency
        self.since = min((r.covers_from for r in readers), default=until)
        self._excerpts: dict[int, str] = {}
        self._items: dict[tuple[str, int], DigestItem] = {}
        self._reply_reasons: dict[int, object] = {}

    @cached_property
    def _thread_link(self) -> Callable[[int], str]:
        return link_builder("forum:thread_detail")

    def thread_url(self, thread_id: int) -> str:
        # Not reverse() per thread: it cost more than composing the item.
        return self._thread_link(thread_id)

    @cached_property
    def _post_link(self) -> Callable[[int], str]:
        return link_builder("forum:post_detail")

    def post_url(self, post_id: int) -> str:
        """A reply: the forum's link to a post, which leads to the page of the thread holding it."""
        return self._post_link(post_id)

    @cached_property
    def threads(self) -> dict[int, ThreadRow]:
        """Readable-by-someone threads with activity in the period (not hidden, not merged)."""
        rows = (
            Thread.objects.filter(
                last_activity_at__gte=self.since,
                created_at__lt=self.until,
            )
            .filter(access.threads_shown_everywhere())
            .values_list(
                "id",
                "title",
                "kind",
                "topic_id",
                "network_id",
                "network__is_open",
                "author_id",
                "author__organisation__kind",
                "created_at",
                "reply_count",
                "accepted_answer_id",
                "is_closed",
            )
        )
        return {
            row[0]: ThreadRow(
                id=row[0],
                title=row[1],
                kind=row[2],
                topic_id=row[3],
                network_id=row[4],
                network_is_open=bool(row[5]) if row[4] is not None else True,
                author_id=row[6],
                author_kind=row[7] or "",
                created_at=row[8],
                reply_count=row[9],
                is_answered=row[10] is not None,
                is_closed=row[11],
            )
            for row in rows
        }

    @cached_property
    def posts_by_thread(self) -> dict[int, list[PostRow]]:
        """The period's visible posts, per thread, oldest first."""
        rows = (
            Post.objects.filter(
                created_at__gte=self.since,
                created_at__lt=self.until,
            )
            .filter(access.posts_shown(), access.threads_shown_everywhere(prefix="thread__"))
            .annotate(start=Substr("body", 1, _EXCERPT_READ))
            .order_by("created_at", "id")
            .values_list("id", "thread_id", "author_id", "created_at", "is_opening", "start")
        )
        by_thread: dict[int, list[PostRow]] = defaultdict(list)
        for row in rows:
            by_thread[row[1]].append(PostRow(*row))
        return by_thread

    @cached_property
    def reactions_by_thread(self) -> dict[int, dict[str, int]]:
        """Reactions given in the period to posts of each thread, per organisation kind."""
        rows = (
            Reaction.objects.filter(created_at__gte=self.since, created_at__lt=self.until)
            .values("post__thread_id", "user__organisation__kind")
            .annotate(n=Count("id"))
            .values_list("post__thread_id", "user__organisation__kind", "n")
        )
        result: dict[int, dict[str, int]] = defaultdict(dict)
        for thread_id, kind, n in rows:
            result[thread_id][kind or ""] = n
        return result

    @cached_property
    def guides(self) -> list[Guide]:
        """Published guides created or updated in the period."""
        return list(
            Guide.objects.filter(
                guide_access.guides_published(),
                updated_at__gte=self.since,
                updated_at__lt=self.until,
            ).only("id", "title", "slug", "summary", "topic_id", "created_by_id", "created_at")
        )

    def may_read(self, reader: Reader, thread: ThreadRow) -> bool:
        """The forum's rule in memory (hidden and merged threads were never loaded)."""
        return access.thread_readable_by_reader(
            network_id=thread.network_id,
            network_is_open=thread.network_is_open,
            reader_network_ids=reader.network_ids,
        )

    def reply_reason(self, count: int):
        """ "3 new replies in a thread you follow", made once per count and chunk; lazy, so it
        is translated into each reader's language when their digest is rendered."""
        reason = self._reply_reasons.get(count)
        if reason is None:
            reason = self._reply_reasons[count] = _reply_reason_lazy(count)
        return reason

    def excerpt(self, post: PostRow) -> str:
        text = self._excerpts.get(post.id)
        if text is None:
            text = self._excerpts[post.id] = _excerpt_of(post.id, post.text)
        return text

    def engagement(self, thread: ThreadRow) -> float:
        reactions = sum(self.reactions_by_thread.get(thread.id, {}).values())
        return math.log1p(reactions + len(self.posts_by_thread.get(thread.id, ())))

    def recency(self, at: datetime) -> float:
        """1 for just now, 0 for the start of a period."""
        span = period_length(self.frequency).total_seconds()
        return max(0.0, 1.0 - (self.until - at).total_seconds() / span)

    def new_threads(self, reader: Reader, among: Iterable[ThreadRow]) -> Iterable[ThreadRow]:
        """Of `among`, the threads started in the reader's period by someone else that the
        reader may read."""
        for thread in among:
            if (
                thread.created_at >= reader.covers_from
                and thread.author_id != reader.id
                and self.may_read(reader, thread)
            ):
                yield thread

    @cached_property
    def threads_started(self) -> list[ThreadRow]:
        return [t for t in self.threads.values() if t.created_at >= self.since]

    @cached_property
    def started_by_topic(self) -> dict[int, list[ThreadRow]]:
        result: dict[int, list[ThreadRow]] = defaultdict(list)
        for thread in self.threads_started:
            result[thread.topic_id].append(thread)
        return result

    @cached_property
    def started_by_network(self) -> dict[int, list[ThreadRow]]:
        result: dict[int, list[ThreadRow]] = defaultdict(list)
        for thread in self.threads_started:
            if thread.network_id is not None:
                result[thread.network_id].append(thread)
        return result

    @cached_property
    def unanswered_by_topic(self) -> dict[int, list[ThreadRow]]:
        result: dict[int, list[ThreadRow]] = defaultdict(list)
        for thread in self.threads_started:
            if (
                thread.kind == Thread.Kind.QUESTION
                and not thread.is_answered
                and not thread.is_closed
            ):
                result[thread.topic_id].append(thread)
        return result


def _thread_item(
    chunk: DigestChunk,
    thread: ThreadRow,
    *,
    reason,
    source: str,
    score: float,
    post: PostRow | None = None,
    shared_as: str = "",
) -> DigestItem:
    """The entry for a thread. With `shared_as`, the entry is the same for every reader who
    gets it from that source: built once per chunk (items are never changed after this)."""
    if shared_as:
        item = chunk._items.get((shared_as, thread.id))
        if item is None:
            item = chunk._items[(shared_as, thread.id)] = _thread_item(
                chunk, thread, reason=reason, source=source, score=score, post=post
            )
        return item
    posts = chunk.posts_by_thread.get(thread.id, ())
    post = post or next((p for p in posts if p.is_opening), None)
    url = chunk.thread_url(thread.id)
    if post is not None and not post.is_opening:
        url = chunk.post_url(post.id)
    return DigestItem(
        key=f"thread:{thread.id}",
        title=thread.title,
        url=url,
        reason=reason,
        excerpt=chunk.excerpt(post) if post is not None else "",
        thread_id=thread.id,
        source=source,
        score=score,
    )


@digest_source("followed_replies", weight=5.0)
def followed_thread_replies(chunk: DigestChunk, weight: float) -> Iterable[Candidate]:
    """New replies by others in threads the reader follows; the newest one is the excerpt."""
    for reader in chunk.readers:
        for thread_id in reader.followed_thread_ids:
            thread = chunk.threads.get(thread_id)
            if thread is None or not chunk.may_read(reader, thread):
                continue
            replies = [
                p
                for p in chunk.posts_by_thread.get(thread_id, ())
                if not p.is_opening
                and p.author_id != reader.id
                and p.created_at >= reader.covers_from
            ]
            if not replies:
                continue
            latest = replies[-1]
            reason = chunk.reply_reason(len(replies))
            score = weight + math.log1p(len(replies)) + chunk.recency(latest.created_at)
            item = _thread_item(
                chunk, thread, reason=reason, source="followed_replies", score=score, post=latest
            )
            item.count = len(replies)
            yield Candidate(reader.id, item)


RankedEntry = tuple[float, ThreadRow, DigestItem]


def _ranked_by_group(
    chunk: DigestChunk,
    *,
    source: str,
    groups: dict[int, list[ThreadRow]],
    reason,
    score: Callable[[ThreadRow], float],
) -> dict[int, list[RankedEntry]]:
    """Per group (topic, network), its threads' items best first: built once per chunk, as the
    entry for a thread is the same for every reader who gets it from this source."""
    ranked: dict[int, list[RankedEntry]] = {}
    for group, threads in groups.items():
        entries = []
        for thread in threads:
            value = score(thread)
            item = _thread_item(chunk, thread, reason=reason, source=source, score=value)
            entries.append((value, thread, item))
        entries.sort(key=lambda entry: (-entry[0], -entry[1].id))
        ranked[group] = entries
    return ranked


def _best_for(
    chunk: DigestChunk, reader: Reader, ranked: dict[int, list[RankedEntry]], group_ids
) -> Iterable[Candidate]:
    """The reader's best entries from their groups' ranked lists: at most as many as a digest
    holds (more could never be shown), each new to them, not their own, and readable by them."""
    lists = [ranked[group] for group in group_ids if group in ranked]
    if not lists:
        return
    entries = lists[0] if len(lists) == 1 else heapq.merge(*lists, key=lambda e: -e[0])
    left = max_items()
    for _score, thread, item in entries:
        if (
            thread.created_at >= reader.covers_from
            and thread.author_id != reader.id
            and chunk.may_read(reader, thread)
        ):
            yield Candidate(reader.id, item)
            left -= 1
            if not left:
                return


@digest_source("followed_topics", weight=3.0)
def followed_topic_threads(chunk: DigestChunk, weight: float) -> Iterable[Candidate]:
    ranked = _ranked_by_group(
        chunk,
        source="followed_topics",
        groups=chunk.started_by_topic,
        reason=_("New thread in a topic you follow"),
        score=lambda t: weight + chunk.engagement(t) + chunk.recency(t.created_at),
    )
    for reader in chunk.readers:
        yield from _best_for(chunk, reader, ranked, reader.followed_topic_ids)


@digest_source("networks", weight=3.5)
def network_threads(chunk: DigestChunk, weight: float) -> Iterable[Candidate]:
    ranked = _ranked_by_group(
        chunk,
        source="networks",
        groups=chunk.started_by_network,
        reason=_("New thread in a network you are a member of"),
        score=lambda t: weight + chunk.engagement(t) + chunk.recency(t.created_at),
    )
    for reader in chunk.readers:
        yield from _best_for(chunk, reader, ranked, reader.network_ids)


@digest_source("expertise", weight=4.0)
def expertise_questions(chunk: DigestChunk, weight: float) -> Iterable[Candidate]:
    """Open, unanswered questions in the reader's topics of expertise: where they can help
    (fewer replies so far: more reason to ask the expert)."""
    ranked = _ranked_by_group(
        chunk,
        source="expertise",
        groups=chunk.unanswered_by_topic,
        reason=_("Unanswered question in your field of expertise"),
        score=lambda t: weight + 1.0 / (1 + t.reply_count) + chunk.recency(t.created_at),
    )
    for reader in chunk.readers:
        yield from _best_for(chunk, reader, ranked, reader.expertise_topic_ids)


@digest_source("organisation_kind", weight=2.0)
def popular_in_organisation_kind(chunk: DigestChunk, weight: float) -> Iterable[Candidate]:
    """The period's threads most engaged with by people of the reader's organisation kind
    (started by one of them, replied to, reacted to): what colleagues elsewhere talk about."""
    by_kind: dict[str, list[tuple[float, ThreadRow]]] = defaultdict(list)
    kinds = {r.organisation_kind for r in chunk.readers if r.organisation_kind}
    for thread in chunk.threads_started:
        reactions = chunk.reactions_by_thread.get(thread.id, {})
        replies = len(chunk.posts_by_thread.get(thread.id, ())) - 1
        for kind in kinds:
            engaged = reactions.get(kind, 0) + replies
            if thread.author_kind == kind:
                engaged += 1
            elif not reactions.get(kind):
                continue
            if engaged >= POPULAR_MIN_ENGAGEMENT:
                by_kind[kind].append((math.log1p(engaged), thread))
    for ranked in by_kind.values():
        ranked.sort(key=lambda pair: (-pair[0], -pair[1].id))
    for reader in chunk.readers:
        taken = 0
        for engagement, thread in by_kind.get(reader.organisation_kind, ()):
            if taken == POPULAR_PER_READER:
                break
            if (
                thread.created_at < reader.covers_from
                or thread.author_id == reader.id
                or not chunk.may_read(reader, thread)
            ):
                continue
            taken += 1
            score = weight + engagement + chunk.recency(thread.created_at)
            yield Candidate(
                reader.id,
                _thread_item(
                    chunk,
                    thread,
                    reason=_("Popular among colleagues in organisations like yours"),
                    source="organisation_kind",
                    score=score,
                    shared_as=f"organisation_kind:{reader.organisation_kind}",
                ),
            )


@digest_source("guides", weight=3.0)
def followed_topic_guides(chunk: DigestChunk, weight: float) -> Iterable[Candidate]:
    if not any(r.followed_topic_ids for r in chunk.readers):
        return
    for guide in chunk.guides:
        url = guide.get_absolute_url()
        is_new = guide.created_at >= chunk.since
        for reader in chunk.readers:
            if guide.topic_id not in reader.followed_topic_ids or guide.created_by_id == reader.id:
                continue
            yield Candidate(
                reader.id,
                DigestItem(
                    key=f"guide:{guide.pk}",
                    title=guide.title,
                    url=url,
                    reason=_("New guide in a topic you follow")
                    if is_new
                    else _("Updated guide in a topic you follow"),
                    excerpt=Truncator(guide.summary).chars(EXCERPT_CHARS),
                    source="guides",
                    score=weight + chunk.recency(guide.updated_at),
                ),
            )


# --- Readers -----------------------------------------------------------------------------


def digest_readers(
    *, user_ids: list[int], frequency: str, until: datetime
) -> tuple[list[Reader], dict[int, EmailPreference]]:
    """The people of a chunk who still want this digest, with their follows, networks and
    expertise and the start of what their digest covers: six queries whatever the chunk size."""
    preferences = {
        p.user_id: p for p in EmailPreference.objects.filter(user_id__in=user_ids)
    }  # a person without a row has the defaults: a weekly digest
    wanted = [
        uid
        for uid in user_ids
        if (
            preferences[uid].digest_frequency
            if uid in preferences
            else EmailPreference._meta.get_field("digest_frequency").default
        )
        == frequency
    ]
    people = (
        User.objects.filter(pk__in=wanted, is_active=True, approved_at__isnull=False)
        .exclude(email="")
        .order_by("pk")
        .values_list("pk", "email", "full_name", "preferred_language", "organisation__kind")
    )
    period = period_length(frequency)
    previous = dict(
        DigestRun.objects.filter(user_id__in=wanted, covers_until__lte=until)
        .values("user_id")
        .annotate(last=Max("covers_until"))
        .values_list("user_id", "last")
    )
    readers = {}
    for pk, email, full_name, language, kind in people:
        last = previous.get(pk)
        # Since the previous digest (of either frequency, so a switch repeats nothing), but
        # never further back than two periods: someone back from "never" gets recent news.
        covers_from = last if last and last > until - 2 * period else until - period
        readers[pk] = Reader(
            id=pk,
            email=email,
            full_name=full_name,
            language=language or "da",
            organisation_kind=kind or "",
            covers_from=covers_from,
        )
    ids = list(readers)
    since = min((r.covers_from for r in readers.values()), default=until)
    for uid, tid in ThreadFollow.objects.filter(
        user_id__in=ids, thread__last_activity_at__gte=since
    ).values_list("user_id", "thread_id"):
        readers[uid].followed_thread_ids.add(tid)
    for uid, tid in TopicFollow.objects.filter(user_id__in=ids).values_list("user_id", "topic_id"):
        readers[uid].followed_topic_ids.add(tid)
    for uid, network_ids in access.member_network_ids_of(user_ids=ids).items():
        readers[uid].network_ids = network_ids
    for uid, tid in User.expertise.through.objects.filter(user_id__in=ids).values_list(
        "user_id", "topic_id"
    ):
        readers[uid].expertise_topic_ids.add(tid)
    return list(readers.values()), preferences


def digest_compose(chunk: DigestChunk) -> dict[int, list[DigestItem]]:
    """Each reader's items: every source's candidates, one per key (the best scored reason),
    best first, capped at PORTAL_DIGEST_MAX_ITEMS."""
    best: dict[int, dict[str, DigestItem]] = defaultdict(dict)
    for source in digest_sources():
        for candidate in source.function(chunk, source.weight):
            items = best[candidate.reader_id]
            current = items.get(candidate.item.key)
            if current is None or candidate.item.score > current.score:
                items[candidate.item.key] = candidate.item
    cap = max_items()
    return {
        reader.id: sorted(best[reader.id].values(), key=lambda i: (-i.score, i.key))[:cap]
        for reader in chunk.readers
    }


# --- Who is due --------------------------------------------------------------------------


def digest_due_user_ids(
    *, frequency: str, period_start: date, after_id: int = 0, limit: int = 500
) -> list[int]:
    """The next `limit` people (by id, after `after_id`) due for this period's digest: active,
    approved, with an address, this frequency, and no digest run for the period yet."""
    wants = Q(email_preference__digest_frequency=frequency)
    if frequency == DigestFrequency.WEEKLY:
        wants |= Q(email_preference__isnull=True)
    return list(
        User.objects.filter(wants, is_active=True, approved_at__isnull=False, pk__gt=after_id)
        .exclude(email="")
        .exclude(
            pk__in=DigestRun.objects.filter(frequency=frequency, period_start=period_start).values(
                "user_id"
            )
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def digest_done_count(*, frequency: str, period_start: date) -> int:
    return DigestRun.objects.filter(frequency=frequency, period_start=period_start).count()

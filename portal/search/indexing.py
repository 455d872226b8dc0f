"""Keeping the search index current: documents built from threads, replies, guides, people,
events and the register's items.

Receivers (connected in SearchConfig.ready) only note what changed; the index is brought up to
date once per transaction, after commit, by reading the current state of each noted object. So a
thread saved three times in one request is indexed once, a rolled-back write leaves no trace,
and every operation (create, edit, hide, move, merge, delete) is the same "index what is there".
"""

from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Prefetch, Q
from django.urls import NoReverseMatch, reverse

from portal.core import analysis
from portal.core.models import User
from portal.events.models import Event
from portal.forum import access
from portal.forum.models import Post, Thread
from portal.guides import access as guide_access
from portal.guides.models import Guide
from portal.register import access as register_access
from portal.register.models import RegisterItem

from .models import SearchDocument, SearchTerm

Kind = SearchDocument.Kind

THREAD_BOOST = 1.2
ACCEPTED_ANSWER_BOOST = 2.0
JURIST_ANSWER_BOOST = 1.2
GUIDE_BOOST = 1.5
EVENT_BOOST = 1.3
BODY_LIMIT = 20_000  # characters of a text kept for snippets and analysed

# Thread fields whose change does not alter the thread's document (saved on every reply).
THREAD_FIELDS_NOT_INDEXED = frozenset(
    {"reply_count", "last_activity_at", "is_pinned", "is_closed", "accepted_at", "accepted_by"}
)
USER_FIELDS_NOT_INDEXED = frozenset({"last_login", "password", "preferred_language"})


def _url(name: str, args: list, fallback: str, anchor: str = "") -> str:
    try:
        return reverse(name, args=args) + anchor
    except NoReverseMatch:
        return reverse(fallback)


def thread_url(thread_id: int) -> str:
    return _url("forum:thread_detail", [thread_id], "forum:thread_list")


# --- Building documents -----------------------------------------------------------------------


def _organisation_kind(user: User | None) -> str:
    return user.organisation.kind if user and user.organisation_id else ""


def _document(*, title: str, body: str, title_text: str | None = None, **fields) -> SearchDocument:
    body = body[:BODY_LIMIT]
    return SearchDocument(
        title=title[:300],
        body=body,
        title_terms=analysis.analyse_to_string(title if title_text is None else title_text),
        body_terms=analysis.analyse_to_string(body),
        **fields,
    )


def thread_is_indexed(thread: Thread) -> bool:
    return access.thread_shown_everywhere(thread=thread)


def thread_document(thread: Thread, opening: Post | None) -> SearchDocument:
    return _document(
        kind=Kind.THREAD,
        object_id=thread.pk,
        thread_id=thread.pk,
        title=thread.title,
        body=opening.body if opening else "",
        url=thread_url(thread.pk),
        topic_id=thread.topic_id,
        organisation_kind=_organisation_kind(thread.author),
        network_id=thread.network_id,
        created_at=thread.created_at,
        boost=THREAD_BOOST,
    )


def post_document(post: Post, thread: Thread) -> SearchDocument:
    """A reply: found by its text, shown under its thread's title (which it is not found by)."""
    accepted = thread.accepted_answer_id == post.pk
    boost = ACCEPTED_ANSWER_BOOST if accepted else 1.0
    if post.author_is_jurist:
        boost *= JURIST_ANSWER_BOOST
    return _document(
        kind=Kind.POST,
        object_id=post.pk,
        thread_id=thread.pk,
        title=thread.title,
        title_text="",
        body=post.body,
        url=_url("forum:post_detail", [post.pk], "forum:thread_list"),
        topic_id=thread.topic_id,
        organisation_kind=_organisation_kind(post.author),
        network_id=thread.network_id,
        created_at=post.created_at,
        is_accepted_answer=accepted,
        boost=boost,
    )


def guide_document(guide: Guide) -> SearchDocument:
    return _document(
        kind=Kind.GUIDE,
        object_id=guide.pk,
        title=guide.title,
        body=f"{guide.summary}\n\n{guide.body}" if guide.summary else guide.body,
        url=_url("guides:guide_detail", [guide.slug], "guides:guide_list"),
        topic_id=guide.topic_id,
        organisation_kind=_organisation_kind(guide.owner),
        created_at=guide.created_at,
        boost=GUIDE_BOOST,
    )


def person_document(user: User) -> SearchDocument:
    """A colleague: found by name (title), job title, organisation, centre and expertise."""
    parts = [user.title]
    if user.organisation_id:
        parts.append(user.organisation.name)
    if user.centre_id:
        parts.append(user.centre.name)
    parts.extend(topic.name for topic in user.expertise.all())
    return _document(
        kind=Kind.PERSON,
        object_id=user.pk,
        title=user.get_full_name(),
        body=" · ".join(p for p in parts if p),
        url=_url("directory:person_detail", [user.pk], "directory:person_list"),
        organisation_kind=_organisation_kind(user),
        created_at=user.date_joined,
    )


def event_document(event) -> SearchDocument:
    """An event: found by its title, description, programme, place and topic. Who may find
    it is decided by the event's audience when searching (selectors.document_visible_q), so
    the document carries no network; `created_at` is when the event starts."""
    parts = [event.description]
    parts.extend(
        f"{session.title}\n{session.description}".strip() for session in event.sessions.all()
    )
    place = " · ".join(p for p in (event.venue, event.address, event.room) if p)
    if place:
        parts.append(place)
    if event.topic_id:
        parts.append(event.topic.name)
    return _document(
        kind=Kind.EVENT,
        object_id=event.pk,
        title=event.title,
        body="\n\n".join(p for p in parts if p),
        url=_url("events:event_detail", [event.pk], "events:event_list"),
        topic_id=event.topic_id,
        created_at=event.starts_at,
        boost=EVENT_BOOST,
    )


def events_queryset():
    """Published and cancelled events are found (a cancelled one says so on its page); drafts
    never."""
    return (
        Event.objects.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])
        .select_related("topic")
        .prefetch_related("sessions")
    )


def register_item_document(item: RegisterItem) -> SearchDocument:
    """A burdensome rule: found by its title, problem, topics, regulation and handling. Every
    approved person signed in reads the register (register/access.py), so the document carries
    no network."""
    parts = [item.problem, item.sub_topic, item.get_main_topic_display(), item.regulation]
    parts += [item.handling, item.source_organisation]
    return _document(
        kind=Kind.REGISTER_ITEM,
        object_id=item.pk,
        title=item.title,
        body="\n\n".join(part for part in parts if part),
        url=_url("register:item_detail", [item.pk], "register:item_list"),
        organisation_kind=item.reporting_organisation.kind if item.reporting_organisation else "",
        created_at=item.created_at,
    )


def register_items_queryset():
    return RegisterItem.objects.filter(
        register_access.items_readable_by_everyone_signed_in()
    ).select_related("reporting_organisation")


# --- Writing documents and the vocabulary -----------------------------------------------------


def _term_sources(doc: SearchDocument) -> dict[str, str]:
    sources: dict[str, str] = {}
    for text in (doc.title if doc.title_terms else "", doc.body):
        for word in analysis.words(text):
            for term, source in analysis.word_sources(word).items():
                sources.setdefault(term, source)
    return sources


def _doc_terms(title_terms: str, body_terms: str) -> set[str]:
    return set(title_terms.split()) | set(body_terms.split())


def vocabulary_add(counts: Counter, words: dict[str, str]) -> None:
    """Add (or with negative counts, remove) documents to the terms' document frequency."""
    rows = [(t[:100], words.get(t, t)[:100], n) for t, n in counts.items() if n]
    if not rows:
        return
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            values = ", ".join(["(%s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (term, word, doc_count) VALUES {values} "  # noqa: S608
                f"ON CONFLICT (term) DO UPDATE SET doc_count = {table}.doc_count "
                "+ excluded.doc_count",
                [value for row in chunk for value in row],
            )


def documents_store(docs: list[SearchDocument]) -> None:
    """Insert or replace documents (by kind and object id), keeping the vocabulary's counts."""
    if not docs:
        return
    by_key = {(d.kind, d.object_id): d for d in docs}
    key_q = Q()
    for kind in {k for k, _ in by_key}:
        key_q |= Q(kind=kind, object_id__in=[o for k, o in by_key if k == kind])
    existing = {
        (kind, object_id): (pk, title_terms, body_terms)
        for pk, kind, object_id, title_terms, body_terms in SearchDocument.objects.filter(
            key_q
        ).values_list("pk", "kind", "object_id", "title_terms", "body_terms")
    }
    counts: Counter = Counter()
    words: dict[str, str] = {}
    new, changed = [], []
    for key, doc in by_key.items():
        terms = _doc_terms(doc.title_terms, doc.body_terms)
        old = existing.get(key)
        old_terms = _doc_terms(old[1], old[2]) if old else set()
        added = terms - old_terms
        counts.update(added)
        counts.subtract(old_terms - terms)
        if added:
            sources = _term_sources(doc)
            words.update({t: sources.get(t, t) for t in added})
        if old:
            doc.pk = old[0]
            changed.append(doc)
        else:
            new.append(doc)
    SearchDocument.objects.bulk_create(new)
    if changed:
        fields = [
            f.name
            for f in SearchDocument._meta.concrete_fields
            if f.name not in {"id", "kind", "object_id"}
        ]
        SearchDocument.objects.bulk_update(changed, fields, batch_size=200)
    vocabulary_add(counts, words)


def documents_delete(queryset) -> None:
    counts: Counter = Counter()
    for title_terms, body_terms in queryset.values_list("title_terms", "body_terms"):
        counts.subtract(_doc_terms(title_terms, body_terms))
    if counts:
        queryset.delete()
        vocabulary_add(counts, {})


# --- Indexing what changed --------------------------------------------------------------------


def _threads(ids: Iterable[int]) -> dict[int, Thread]:
    openings = Prefetch("posts", queryset=Post.objects.filter(is_opening=True), to_attr="openings")
    return {
        t.pk: t
        for t in Thread.objects.filter(pk__in=ids)
        .select_related("author__organisation")
        .prefetch_related(openings)
    }


def threads_index(thread_ids: Iterable[int], *, with_replies: bool = False) -> None:
    """Index threads as they are now; replies follow their thread's topic, network and answer.

    with_replies reindexes every reply too (after moderation, which may bypass post saves).
    """
    thread_ids = set(thread_ids)
    threads = _threads(thread_ids)
    gone = [i for i in thread_ids if i not in threads or not thread_is_indexed(threads[i])]
    if gone:
        documents_delete(SearchDocument.objects.filter(thread_id__in=gone))
    live = [t for i, t in threads.items() if i not in gone]
    if not live:
        return
    already = set(
        SearchDocument.objects.filter(
            kind=Kind.THREAD, object_id__in=[t.pk for t in live]
        ).values_list("object_id", flat=True)
    )
    documents_store([thread_document(t, (t.openings or [None])[0]) for t in live])
    # A thread new to the index (created, shown again) brings its replies along.
    full = [t.pk for t in live if with_replies or t.pk not in already]
    if full:
        replies_index(Post.objects.filter(thread_id__in=full), threads=threads)
    for thread in live:
        if thread.pk not in full:
            _replies_follow(thread)


def _replies_follow(thread: Thread) -> None:
    """Carry a thread's move, retitling or accepted answer to its replies' documents."""
    replies = SearchDocument.objects.filter(kind=Kind.POST, thread_id=thread.pk)
    replies.exclude(
        topic_id=thread.topic_id, network_id=thread.network_id, title=thread.title[:300]
    ).update(topic_id=thread.topic_id, network_id=thread.network_id, title=thread.title[:300])
    stale = replies.filter(is_accepted_answer=True).exclude(object_id=thread.accepted_answer_id)
    fresh = replies.filter(is_accepted_answer=False, object_id=thread.accepted_answer_id)
    if stale.exists() or fresh.exists():
        replies_index(
            Post.objects.filter(
                pk__in=[*stale.values_list("object_id", flat=True), thread.accepted_answer_id or 0]
            ),
            threads={thread.pk: thread},
        )


def replies_index(posts, *, threads: dict[int, Thread] | None = None) -> None:
    """Index replies as they are now (hidden ones, openings and those of hidden threads go)."""
    posts = list(posts.select_related("author__organisation"))
    threads = dict(threads or {})
    missing = {p.thread_id for p in posts} - set(threads)
    if missing:
        threads.update(Thread.objects.in_bulk(missing))
    keep, drop = [], []
    for post in posts:
        thread = threads[post.thread_id]
        if (
            not access.post_shown(user=None, post=post)
            or post.is_opening
            or not thread_is_indexed(thread)
        ):
            drop.append(post.pk)
        else:
            keep.append(post_document(post, thread))
    if drop:
        documents_delete(SearchDocument.objects.filter(kind=Kind.POST, object_id__in=drop))
    documents_store(keep)


def posts_index(post_ids: Iterable[int]) -> None:
    post_ids = set(post_ids)
    posts = Post.objects.filter(pk__in=post_ids)
    found = dict(posts.values_list("pk", "thread_id"))
    deleted = post_ids - set(found)
    if deleted:
        documents_delete(SearchDocument.objects.filter(kind=Kind.POST, object_id__in=deleted))
    openings = set(posts.filter(is_opening=True).values_list("thread_id", flat=True))
    if openings:
        threads_index(openings)
    replies_index(posts.filter(is_opening=False))


def _objects_index(kind: str, queryset, ids: Iterable[int], document) -> None:
    """Index what `queryset` holds of `ids`; the documents of the others (deleted, unpublished,
    deactivated) go."""
    ids = set(ids)
    objects = list(queryset.filter(pk__in=ids))
    gone = ids - {o.pk for o in objects}
    if gone:
        documents_delete(SearchDocument.objects.filter(kind=kind, object_id__in=gone))
    documents_store([document(o) for o in objects])


def guides_index(guide_ids: Iterable[int]) -> None:
    guides = Guide.objects.filter(guide_access.guides_published()).select_related(
        "owner__organisation"
    )
    _objects_index(Kind.GUIDE, guides, guide_ids, guide_document)


def register_items_index(item_ids: Iterable[int]) -> None:
    _objects_index(Kind.REGISTER_ITEM, register_items_queryset(), item_ids, register_item_document)


def people_queryset():
    """The people the search shows: active and approved."""
    return (
        User.objects.filter(is_active=True, approved_at__isnull=False)
        .select_related("organisation", "centre")
        .prefetch_related("expertise")
    )


def people_index(user_ids: Iterable[int]) -> None:
    _objects_index(Kind.PERSON, people_queryset(), user_ids, person_document)


def events_index(event_ids: Iterable[int]) -> None:
    _objects_index(Kind.EVENT, events_queryset(), event_ids, event_document)


INDEXERS = {
    "thread": threads_index,
    "thread_full": lambda ids: threads_index(ids, with_replies=True),
    "post": posts_index,
    "guide": guides_index,
    "person": people_index,
    "event": events_index,
    "register_item": register_items_index,
}


def index_objects(pending: dict[str, Iterable[int]]) -> None:
    """Index these objects, by kind, as they are now (idempotent: a repeat changes nothing)."""
    pending = {kind: set(ids) for kind, ids in pending.items() if ids}
    if pending.get("thread_full"):
        pending["thread"] = pending.get("thread", set()) - pending["thread_full"]
    with transaction.atomic():
        for kind, indexer in INDEXERS.items():
            if ids := pending.get(kind):
                indexer(ids)


# --- Rebuilding everything --------------------------------------------------------------------


def _batches(queryset, size: int):
    """A large queryset in primary-key order, `size` rows at a time (no long-lived cursor)."""
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def index_rebuild(*, batch_size: int = 2000, progress=None) -> Counter:
    """Empty the index and build it again from everything searchable, in bulk."""
    counts: Counter = Counter()
    vocabulary: Counter = Counter()
    words: dict[str, str] = {}

    def store(kind: str, docs: list[SearchDocument]) -> None:
        SearchDocument.objects.bulk_create(docs)
        for doc in docs:
            terms = _doc_terms(doc.title_terms, doc.body_terms)
            vocabulary.update(terms)
            if not terms <= words.keys():
                for term, source in _term_sources(doc).items():
                    words.setdefault(term, source)
        counts[kind] += len(docs)
        if progress:
            progress(kind, counts[kind])

    # TRUNCATE is fast but refused inside a transaction with pending deferred constraint checks
    # (load_demo rebuilds at the end of its own transaction): there, delete row by row.
    truncate = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if truncate:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"TRUNCATE {SearchDocument._meta.db_table}, {SearchTerm._meta.db_table}"
                )
        else:
            SearchDocument.objects.all().delete()
            SearchTerm.objects.all().delete()

        openings = Prefetch(
            "posts", queryset=Post.objects.filter(is_opening=True), to_attr="openings"
        )
        threads = (
            Thread.objects.filter(access.threads_shown_everywhere())
            .select_related("author__organisation")
            .prefetch_related(openings)
        )
        for batch in _batches(threads, batch_size):
            store("thread", [thread_document(t, (t.openings or [None])[0]) for t in batch])

        replies = Post.objects.filter(
            access.posts_shown(),
            access.threads_shown_everywhere(prefix="thread__"),
            is_opening=False,
        ).select_related("thread", "author__organisation")
        for batch in _batches(replies, batch_size):
            store("post", [post_document(p, p.thread) for p in batch])

        guides = Guide.objects.filter(guide_access.guides_published()).select_related(
            "owner__organisation"
        )
        for batch in _batches(guides, batch_size):
            store("guide", [guide_document(g) for g in batch])

        for batch in _batches(people_queryset(), batch_size):
            store("person", [person_document(u) for u in batch])

        for batch in _batches(events_queryset(), batch_size):
            store("event", [event_document(e) for e in batch])

        for batch in _batches(register_items_queryset(), batch_size):
            store("register_item", [register_item_document(item) for item in batch])

        vocabulary_add(vocabulary, words)
    return counts

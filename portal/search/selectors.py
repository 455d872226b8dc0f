"""Reads of the search index, always through what the person may see."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from rapidfuzz.distance import Levenshtein

from portal.core import analysis
from portal.core.markdown import markdown_to_text
from portal.core.models import User
from portal.events.access import events_visible
from portal.events.models import Event
from portal.forum import access
from portal.forum.models import Network

from . import backends, result_cache, services
from .models import SearchDocument

PER_PAGE = 20
# Counting stops here: "more than 500 results" is all a person needs, and it bounds the work
# (only the newest MAX_COUNTED + 1 matches are ranked; see docs/decisions/0005-danish-search.md).
MAX_COUNTED = 500
MAX_PAGE = MAX_COUNTED // PER_PAGE
SNIPPET_WORDS = 32
# Rough shares of the documents a filter keeps, for choosing how to collect the candidates.
KIND_SHARE = {
    "post": 0.9,
    "thread": 0.1,
    "guide": 0.001,
    "person": 0.001,
    "event": 0.001,
    "register_item": 0.001,
}
FILTER_SHARE = {"topic_id": 0.1, "organisation_kind": 0.3, "date_from": 0.5, "date_to": 0.5}


@dataclass
class Hit:
    document: SearchDocument
    title_html: SafeString
    snippet_html: SafeString


@dataclass
class Correction:
    typed: str
    used: str


@dataclass
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    corrections: list[Correction] = field(default_factory=list)
    # More documents matched than were ranked (MAX_COUNTED + 1): `total` counts the results
    # among those ranked, so there are more than it says.
    capped: bool = False

    @property
    def total_is_capped(self) -> bool:
        return self.capped or self.total > MAX_COUNTED

    @property
    def shown_total(self) -> int:
        return min(self.total, MAX_COUNTED)

    @property
    def has_next(self) -> bool:
        return self.page * PER_PAGE < self.shown_total

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def page_count(self) -> int:
        return max(1, -(-self.shown_total // PER_PAGE))


def document_visible_q(*, user: User) -> Q:
    """The forum's rule (portal.forum.access) on the index: documents
    outside networks and in open networks for everyone signed in, those of an invitation-only
    network for its members. Hidden and merged threads are never in the index.

    Events follow their own audience rule (portal.events.access.events_visible): everyone,
    one kind of organisation or the members of a network (open or not). Drafts are never in
    the index."""
    if not (user and user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    forum = Q(network__isnull=True) | Q(
        network_id__in=Network.objects.filter(access.networks_readable(user=user)).values("pk")
    )
    events = Q(
        kind=SearchDocument.Kind.EVENT,
        object_id__in=Event.objects.filter(events_visible(user=user)).values("pk"),
    )
    return (~Q(kind=SearchDocument.Kind.EVENT) & forum) | events


# Nothing in the portal was written outside these days; a filter day beyond them (9999-12-31,
# 0001-01-01) is moved to the nearest of them, which finds the same, instead of overflowing when
# the next day or UTC is computed.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2200, 12, 31)


def _local_midnight(day: date) -> datetime:
    day = min(max(day, FIRST_DAY), LAST_DAY)
    return timezone.make_aware(datetime.combine(day, time.min))


def documents_filtered(
    *,
    user: User,
    kinds: list[str] | None = None,
    topic_id: int | None = None,
    organisation_kind: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[SearchDocument]:
    documents = SearchDocument.objects.filter(document_visible_q(user=user))
    if kinds:
        documents = documents.filter(kind__in=kinds)
    if topic_id:
        documents = documents.filter(topic_id=topic_id)
    if organisation_kind:
        documents = documents.filter(organisation_kind=organisation_kind)
    if date_from:
        documents = documents.filter(created_at__gte=_local_midnight(date_from))
    if date_to:
        documents = documents.filter(
            created_at__lt=_local_midnight(min(date_to, LAST_DAY) + timedelta(days=1))
        )
    return documents


def _correct(terms: list[analysis.QueryTerm]) -> tuple[backends.QueryPlan, list[Correction]]:
    """Replace terms the index does not know by the closest known term (one or two edits),
    the most frequent among equally close ones."""
    frequencies, total = backends.term_frequencies(terms)
    corrected, corrections = [], []
    for term, frequency in zip(terms, frequencies, strict=True):
        if frequency or len(term.stem) < 4:
            corrected.append(term)
            continue
        allowed = 1 if len(term.stem) <= 6 else 2
        best = None
        for candidate, word, doc_count in backends.similar_terms(term.stem):
            distance = Levenshtein.distance(term.stem, candidate, score_cutoff=allowed)
            if distance <= allowed:
                key = (distance, -doc_count, candidate)
                if best is None or key < best[0]:
                    best = (key, candidate, word, doc_count)
        if best is None:
            corrected.append(term)
        else:
            corrected.append(term.corrected(best[1]))
            corrections.append(Correction(typed=term.word, used=best[2]))
            frequencies[len(corrected) - 1] = best[3]
    return backends.QueryPlan(terms=corrected, frequencies=frequencies, total=total), corrections


def search(
    *,
    user: User,
    query: str,
    page: int = 1,
    kinds: list[str] | None = None,
    topic_id: int | None = None,
    organisation_kind: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    count_miss: bool = False,
    cached: bool = False,
) -> SearchResults:
    """One page of what the person may see that matches every word of the query, best first.

    With `count_miss` (the search page and the API), a search without filters that finds
    nothing is counted by its words (SearchMiss: the evaluation's "what content is missing").
    With `cached` (the same two), the page comes from the cache shared by readers who may see
    the same documents while the index is unchanged (result_cache)."""
    page = max(1, min(page, MAX_PAGE))
    filters = {
        "kinds": kinds,
        "topic_id": topic_id,
        "organisation_kind": organisation_kind,
        "date_from": date_from,
        "date_to": date_to,
    }
    if cached:
        arguments = (query, page, tuple(kinds or ()), topic_id, organisation_kind)
        arguments += (date_from, date_to)
        results, key, version = result_cache.lookup(user=user, arguments=arguments)
        if results is None:
            results = _search(user=user, query=query, page=page, filters=filters)
            result_cache.store(key=key, version=version, results=results)
    else:
        results = _search(user=user, query=query, page=page, filters=filters)
    unfiltered_first_page = page == 1 and not any(filters.values())
    if count_miss and not results.total and unfiltered_first_page and analysis.parse_query(query):
        services.search_miss_record(words=query)
    return results


def _search(*, user: User, query: str, page: int, filters: dict) -> SearchResults:
    results = SearchResults(query=query, page=page)
    terms = analysis.parse_query(query)
    if not terms:
        return results
    plan, results.corrections = _correct(terms)
    terms = plan.terms
    backend = backends.get_backend()
    kinds = filters["kinds"]
    if kinds:
        plan.filter_share *= min(1.0, sum(KIND_SHARE.get(kind, 1.0) for kind in kinds))
    for name, share in FILTER_SHARE.items():
        if filters[name]:
            plan.filter_share *= share
    # The candidates are the newest matches, at most MAX_COUNTED + 1: their number is the
    # count shown, and ranking them costs the same however common the words are.
    newest_first = backend.candidates(
        documents_filtered(user=user, **filters), plan, limit=MAX_COUNTED + 1
    )
    candidates = ranked_results(newest_first)
    results.total = len(candidates)
    results.capped = len(newest_first) > MAX_COUNTED
    offset = (page - 1) * PER_PAGE
    page_ids = candidates[offset : offset + PER_PAGE]
    if not page_ids:
        return results
    # The analysed terms are not shown (and would only fatten the cached page).
    shown = (
        SearchDocument.objects.select_related("topic")
        .defer("title_terms", "body_terms")
        .in_bulk(page_ids)
    )
    matches = _Matches(terms)
    results.hits = [
        Hit(
            document=shown[pk],
            title_html=highlight(shown[pk].title, matches),
            snippet_html=snippet(shown[pk].body, matches),
        )
        for pk in page_ids
        if pk in shown
    ]
    return results


def ranked_results(newest_first: list[tuple]) -> list[int]:
    """The ids of the documents to show, best first: more query words as typed first (a
    compound's own word above a shared stem or part, backends.exact_words), then the rank,
    then the newer. A thread and its replies are one result, shown by its best document
    (docs/decisions/0032-search-quality.md)."""
    order = sorted(
        range(len(newest_first)), key=lambda i: (-newest_first[i][3], -newest_first[i][1], i)
    )
    shown, threads = [], set()
    for i in order:
        pk, _rank, thread_id, _exact = newest_first[i]
        if thread_id is not None:
            if thread_id in threads:
                continue
            threads.add(thread_id)
        shown.append(pk)
    return shown


_TOKEN = re.compile(r"[^\W_]+")
# What Markdown could read differently from the plain text: escapes, code, emphasis, links and
# images, HTML and entities, tables, strikethrough, and a line that starts a heading, quote,
# list or setext underline. A text without any of it reads as itself (markdown_to_text is then
# the text with its blank lines normalised, which a snippet's joined whitespace never shows).
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<&|~]|^[ \t]*(?:[-+=#>]|\d+[.)])", re.MULTILINE)


def _reads_as(text: str) -> str:
    """markdown_to_text, without parsing a text that has no Markdown syntax (most replies)."""
    if _MARKDOWN_SYNTAX.search(text):
        return markdown_to_text(text)
    return text.strip()


class _Matches(dict):
    """Whether a word of a shown text matches the query, worked out once per word."""

    def __init__(self, terms: list[analysis.QueryTerm]):
        super().__init__()
        self.terms = terms

    def __missing__(self, word: str) -> bool:
        self[word] = found = analysis.text_matches(word.lower(), self.terms)
        return found


def highlight(text: str, terms) -> SafeString:
    """The text, escaped, with the words that match the query in <mark>."""
    matches = terms if isinstance(terms, _Matches) else _Matches(terms)
    out, last = [], 0
    for match in _TOKEN.finditer(text):
        if matches[match.group()]:
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 -- every piece is escaped above


def snippet(text: str, terms, words: int = SNIPPET_WORDS) -> SafeString:
    """About `words` words of the text around its first match, highlighted. The text is
    Markdown: the snippet shows what it reads as, never its syntax."""
    matches = terms if isinstance(terms, _Matches) else _Matches(terms)
    text = _reads_as(text)
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return mark_safe("")
    first = next((i for i, m in enumerate(tokens) if matches[m.group()]), 0)
    start = max(0, first - words // 4)
    end = min(len(tokens), start + words)
    begin = tokens[start].start() if start else 0
    finish = tokens[end - 1].end() if end < len(tokens) else len(text)
    body = " ".join(text[begin:finish].split())
    html = highlight(body, matches)
    # highlight() escaped the text; the ellipses are plain characters.
    return mark_safe(("… " if begin else "") + html + (" …" if finish < len(text) else ""))  # noqa: S308


def search_misses(*, start: date, end: date, limit: int = 20) -> list[tuple[str, int]]:
    """(words, searches) of the searches that found nothing from `start` to `end` (both
    included), most frequent first: the evaluation's "what content is missing"."""
    from django.db.models import Sum

    from .models import SearchMiss

    return list(
        SearchMiss.objects.filter(day__gte=start, day__lte=end)
        .values("words")
        .annotate(searches=Sum("count"))
        .order_by("-searches", "words")
        .values_list("words", "searches")[:limit]
    )

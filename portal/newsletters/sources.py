"""Where the portal looks for what to propose in a newsletter draft: a small registry of sources.

Each source is a function `(start, end) -> list[Proposal]` over a period of days (both
inclusive), registered with `@proposal_source(order)`. The draft takes the sources in order and
keeps the first proposal of each piece of content, so an earlier source's reason wins.

More sources register from a module imported in the app's `ready()`: `event_proposals.py`
adds "upcoming events" this way, proposing items of kind `NewsletterItem.Kind.EVENT` with the
event's portal URL (the events app, below the newsletters, knows nothing of them).

Only content that every signed-in member may read is proposed: no thread of a network by
invitation, no hidden or merged thread, no unpublished guide. A newsletter goes to many
readers; what is left out for one reader is decided again when each copy is rendered.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core import analysis
from portal.forum import access
from portal.forum.models import Post, Reaction, Thread
from portal.guides import access as guide_access
from portal.guides.models import Guide
from portal.insights.models import DailyThreadReads

from .models import NewsletterItem

SUMMARY_WORDS = 40
MOST_READ = 5
MOST_USEFUL = 5
GUIDES = 3


@dataclass
class Proposal:
    """One proposed item; `reason` tells the editor why the portal chose it."""

    kind: str
    title: str
    summary: str
    reason: str
    thread: Thread | None = None
    guide: Guide | None = None
    url: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def kind_label(self) -> str:
        return NewsletterItem.Kind(self.kind).label

    @property
    def identity(self) -> tuple:
        """The piece of content, so that one thread proposed twice becomes one item."""
        return content_identity(
            kind=self.kind,
            thread_id=self.thread.pk if self.thread is not None else None,
            guide_id=self.guide.pk if self.guide is not None else None,
            url=self.url,
        )


def content_identity(*, kind: str, thread_id: int | None, guide_id: int | None, url: str) -> tuple:
    """One piece of content, for a proposal and for an item alike (events by their address)."""
    if thread_id is not None:
        return ("thread", thread_id)
    if guide_id is not None:
        return ("guide", guide_id)
    return (kind, url)


ProposalSource = Callable[[date, date], list[Proposal]]
_sources: list[tuple[int, str, ProposalSource]] = []


def proposal_source(order: int) -> Callable[[ProposalSource], ProposalSource]:
    """Register a source; lower `order` comes first in the draft. Registering twice is a no-op."""

    def register(source: ProposalSource) -> ProposalSource:
        name = f"{source.__module__}.{source.__qualname__}"
        if all(existing != name for _order, existing, _source in _sources):
            _sources.append((order, name, source))
            _sources.sort(key=lambda entry: entry[0])
        return source

    return register


def proposal_sources() -> list[ProposalSource]:
    return [source for _order, _name, source in _sources]


# --- Pasted addresses of other modules' pages -------------------------------------------------

# A module's page the editor may paste into a newsletter: URL name → function(url kwargs) that
# returns the Proposal, or "not_found" / "not_public". Threads and guides are known here; an
# event page is registered by `event_proposals.py`, with its proposal source.
AddressResolver = Callable[[dict], "Proposal | str"]
_address_resolvers: dict[str, AddressResolver] = {}


def pasted_address(url_name: str) -> Callable[[AddressResolver], AddressResolver]:
    def register(resolver: AddressResolver) -> AddressResolver:
        _address_resolvers[url_name] = resolver
        return resolver

    return register


def pasted_address_resolver(url_name: str) -> AddressResolver | None:
    return _address_resolvers.get(url_name)


# --- The editor's search box ---------------------------------------------------------------

# Content the editor may find by title: function(title filter Q, terms, limit) → Proposals,
# newest first. Threads and guides are searched here; events register from event_proposals.py.
TitleSearch = Callable[[Q, int], list[Proposal]]
_title_searches: list[tuple[int, str, TitleSearch]] = []
SEARCH_CANDIDATES = 100
SEARCH_RESULTS = 8


def title_search(order: int) -> Callable[[TitleSearch], TitleSearch]:
    def register(search: TitleSearch) -> TitleSearch:
        name = f"{search.__module__}.{search.__qualname__}"
        if all(existing != name for _order, existing, _search in _title_searches):
            _title_searches.append((order, name, search))
            _title_searches.sort(key=lambda entry: entry[0])
        return search

    return register


def _title_prefilter(terms: list[analysis.QueryTerm]) -> Q:
    """A cheap database narrowing: the title holds the start of every typed word."""
    condition = Q()
    for term in terms:
        prefix = term.word[:4]
        # Typed without Danish letters ("raadighed"), the title may hold them ("Rådighed").
        spelt = prefix.replace("aa", "å").replace("oe", "ø").replace("ae", "æ")
        condition &= Q(title__icontains=prefix) | Q(title__icontains=spelt)
    return condition


def _title_matches(title: str, terms: list[analysis.QueryTerm]) -> bool:
    """Every word of the query matches a word of the title, by the portal's Danish analysis
    (stems, compound parts and heads, æ/ø/å folded): the rule the search index uses."""
    title_words = analysis.words(title)
    return all(any(analysis.text_matches(word, [term]) for word in title_words) for term in terms)


def content_search(query: str, *, limit: int = SEARCH_RESULTS) -> list[Proposal]:
    """Public threads, guides and events whose title matches the query, for the editor to add;
    each kind newest first, at most `limit` in all. Only what a newsletter may carry."""
    terms = analysis.parse_query(query)
    if not terms:
        return []
    found: list[Proposal] = []
    for _order, _name, search in _title_searches:
        found += [
            proposal
            for proposal in search(_title_prefilter(terms), SEARCH_CANDIDATES)
            if _title_matches(proposal.title, terms)
        ][: limit - len(found)]
        if len(found) >= limit:
            break
    return found


def proposals_for(*, start: date, end: date) -> list[Proposal]:
    """Every registered source's proposals for the period, each piece of content once."""
    seen: set[tuple] = set()
    proposals: list[Proposal] = []
    for source in proposal_sources():
        for proposal in source(start, end):
            if proposal.identity in seen:
                continue
            seen.add(proposal.identity)
            proposals.append(proposal)
    return proposals


# --- What may be proposed ----------------------------------------------------------------


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period's days as aware datetimes in the portal's time zone (end exclusive)."""
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), zone),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), zone),
    )


def summary_of(html: str, fallback: str = "") -> str:
    """A short plain-text summary of rendered Markdown (the editor may rewrite it)."""
    text = " ".join(strip_tags(html).split()) or fallback
    return Truncator(text).words(SUMMARY_WORDS, truncate=" …")


def _opening_summaries(thread_ids: list[int]) -> dict[int, str]:
    openings = Post.objects.filter(thread_id__in=thread_ids, is_opening=True).values_list(
        "thread_id", "body_html", "body"
    )
    return {thread_id: summary_of(html, body) for thread_id, html, body in openings}


def _thread_proposal(thread: Thread, summary: str, reason: str) -> Proposal:
    return Proposal(
        kind=NewsletterItem.Kind.THREAD,
        title=thread.title,
        summary=summary,
        reason=reason,
        thread=thread,
        url=reverse("forum:thread_detail", args=[thread.pk]),
    )


# --- The sources -------------------------------------------------------------------------


@proposal_source(order=10)
def most_read_threads(start: date, end: date) -> list[Proposal]:
    """The period's most read public threads (page views counted per day by insights)."""
    reads = list(
        DailyThreadReads.objects.filter(day__gte=start, day__lte=end)
        .filter(access.threads_public(prefix="thread__"))
        .values("thread_id")
        .annotate(reads=Sum("count"))
        .filter(reads__gt=0)
        .order_by("-reads", "-thread_id")[:MOST_READ]
    )
    threads = Thread.objects.in_bulk([row["thread_id"] for row in reads])
    summaries = _opening_summaries(list(threads))
    return [
        _thread_proposal(
            threads[row["thread_id"]],
            summaries.get(row["thread_id"], ""),
            ngettext(
                "Most read in the period: read %(count)d time.",
                "Most read in the period: read %(count)d times.",
                row["reads"],
            )
            % {"count": row["reads"]},
        )
        for row in reads
    ]


@proposal_source(order=20)
def most_useful_threads(start: date, end: date) -> list[Proposal]:
    """The period's most useful public threads: "useful" reactions, accepted and jurist answers.

    An accepted answer weighs three "useful" marks and a jurist's answer two: both are the
    kind of settled knowledge the evaluation said caseworkers come for.
    """
    since, until = period_bounds(start, end)
    useful = Count(
        "posts__reactions",
        filter=Q(
            posts__reactions__kind=Reaction.Kind.USEFUL,
            posts__reactions__created_at__gte=since,
            posts__reactions__created_at__lt=until,
        )
        & access.posts_shown(prefix="posts__"),
        distinct=True,
    )
    jurist = Count(
        "posts",
        filter=Q(
            posts__author_is_jurist=True,
            posts__is_opening=False,
            posts__created_at__gte=since,
            posts__created_at__lt=until,
        )
        & access.posts_shown(prefix="posts__"),
        distinct=True,
    )
    # Only threads with something useful in the period are counted, not the whole debate.
    candidates = (
        Q(
            pk__in=Reaction.objects.filter(
                kind=Reaction.Kind.USEFUL, created_at__gte=since, created_at__lt=until
            ).values("post__thread_id")
        )
        | Q(
            pk__in=Post.objects.filter(
                author_is_jurist=True, created_at__gte=since, created_at__lt=until
            ).values("thread_id")
        )
        | Q(accepted_at__gte=since, accepted_at__lt=until)
    )
    threads = list(
        Thread.objects.filter(access.threads_public())
        .filter(candidates)
        .annotate(
            useful=useful,
            jurist_answers=jurist,
            accepted_now=Exists(
                Thread.objects.filter(
                    pk=OuterRef("pk"), accepted_at__gte=since, accepted_at__lt=until
                )
            ),
        )
        .filter(Q(useful__gt=0) | Q(jurist_answers__gt=0) | Q(accepted_now=True))
    )
    for thread in threads:
        thread.score = thread.useful + 3 * thread.accepted_now + 2 * min(thread.jurist_answers, 1)
    threads.sort(key=lambda thread: (-thread.score, -thread.pk))
    threads = threads[:MOST_USEFUL]
    summaries = _opening_summaries([thread.pk for thread in threads])
    proposals = []
    for thread in threads:
        reasons = []
        if thread.useful:
            reasons.append(
                ngettext(
                    "marked useful %(count)d time",
                    "marked useful %(count)d times",
                    thread.useful,
                )
                % {"count": thread.useful}
            )
        if thread.accepted_now:
            reasons.append(_("answer accepted"))
        if thread.jurist_answers:
            reasons.append(_("answered by a jurist"))
        reason = _("Most useful in the period: %(why)s.") % {"why": ", ".join(reasons)}
        proposals.append(_thread_proposal(thread, summaries.get(thread.pk, ""), reason))
    return proposals


@proposal_source(order=30)
def new_and_updated_guides(start: date, end: date) -> list[Proposal]:
    """Published guides written or updated in the period, newest first."""
    since, until = period_bounds(start, end)
    guides = (
        Guide.objects.filter(guide_access.guides_published())
        .filter(
            Q(created_at__gte=since, created_at__lt=until)
            | Q(updated_at__gte=since, updated_at__lt=until)
        )
        .order_by("-updated_at", "-pk")[:GUIDES]
    )
    return [
        Proposal(
            kind=NewsletterItem.Kind.GUIDE,
            title=guide.title,
            summary=guide.summary or summary_of(guide.body_html, guide.body),
            reason=_("New guide.") if guide.created_at >= since else _("Updated guide."),
            guide=guide,
            url=guide.get_absolute_url(),
        )
        for guide in guides
    ]


# --- Found by title ----------------------------------------------------------------------


@title_search(order=10)
def threads_by_title(condition: Q, limit: int) -> list[Proposal]:
    threads = Thread.objects.filter(access.threads_public()).filter(condition)
    return [
        _thread_proposal(thread, "", _("Added by the editor."))
        for thread in threads.order_by("-created_at", "-pk")[:limit]
    ]


@title_search(order=20)
def guides_by_title(condition: Q, limit: int) -> list[Proposal]:
    guides = Guide.objects.filter(guide_access.guides_published()).filter(condition)
    return [
        Proposal(
            kind=NewsletterItem.Kind.GUIDE,
            title=guide.title,
            summary="",
            reason=_("Added by the editor."),
            guide=guide,
            url=guide.get_absolute_url(),
        )
        for guide in guides.order_by("-updated_at", "-pk")[:limit]
    ]

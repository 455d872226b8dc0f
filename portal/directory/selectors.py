"""Reads of the directory: who works where, on what, and what they have contributed."""

from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    ExpressionWrapper,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat
from django.http import Http404

from portal.core import analysis
from portal.core.models import Organisation, Topic, User
from portal.core.text import Folded, fold_danish, fold_danish_query
from portal.forum import access
from portal.forum.models import Network, Post
from portal.guides import access as guide_access
from portal.guides.models import Guide

RECENT_ANSWERS = 10
OWNED_GUIDES = 20


def person_list_listed() -> QuerySet[User]:
    """Everyone the directory shows: active people whose account has been approved."""
    return User.objects.filter(is_active=True, approved_at__isnull=False)


def person_search(
    *,
    user: User,
    q: str = "",
    organisation: Organisation | None = None,
    organisation_kind: str = "",
    topic: Topic | None = None,
) -> QuerySet[User]:
    """People matching every word of `q` and the filters; with words, the best matches first.

    A word matches a person's name, email, job title, organisation, centre or topics of
    expertise, either as typed (folded, portal/core/text.py: case, accents and "aa"/"oe"/"ae"
    do not matter) or through the portal's Danish analysis (portal/core/analysis.py, the
    search's), so "sygedagpengene" finds the experts in "Sygedagpenge" and "fleksjobbet" those
    in "Fleksjob og ledighedsydelse". Today every member may find every other; `user` (the
    asker) is in the signature so that a later rule needs no change in callers.
    """
    people = person_list_listed()
    if organisation is not None:
        people = people.filter(organisation=organisation)
    if organisation_kind:
        people = people.filter(organisation__kind=organisation_kind)
    if topic is not None:
        # A subquery, not a join: the search below reads all the person's topics.
        experts = User.expertise.through.objects.filter(topic=topic).values("user_id")
        people = people.filter(pk__in=experts)
    order = ["full_name", "email", "id"]
    words = _query_words(q)
    if words:
        relevance = _relevance(people, words)
        ranks = {}
        for person_id, score in relevance.items():
            ranks.setdefault(score, []).append(person_id)
        people = people.annotate(
            relevance=Case(
                *(When(pk__in=ids, then=Value(score)) for score, ids in ranks.items()),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).filter(relevance__gt=0)
        order.insert(0, "-relevance")
    return (
        people.select_related("organisation", "centre")
        .prefetch_related(Prefetch("expertise", queryset=Topic.objects.order_by("name")))
        .order_by(*order)
    )


def person_experts(*, user: User, query: str, limit: int = 3) -> list[User]:
    """The best `limit` people with some expertise who match every word of the query (the
    search's suggestion when it finds nothing; registered in portal.core.experts)."""
    if not _query_words(query):
        return []
    experts = User.expertise.through.objects.values("user_id")
    return list(person_search(user=user, q=query).filter(pk__in=experts)[:limit])


# How much a word found in each part of a profile counts: who the person is and what they know
# before where they work. A word found whole counts twice what a compound's part alone does
# (the analysis gives "ledighedsydelse" the part "led", which a search for "leder" should not
# rank above a "Leder" by title).
NAME, EXPERTISE, TITLE, OTHER = 4, 3, 2, 1


@dataclass(frozen=True)
class _QueryWord:
    """One typed word: as typed (folded) and as the analysis reads it (maybe several words:
    "bent@foa" is "bent" and "foa")."""

    folded: str
    terms: tuple[analysis.QueryTerm, ...]

    def needles(self) -> Q:
        """A condition in SQL that every person this word may match meets (and a few more):
        the folded text contains the word as typed, or each analysed word's stem or prefix."""
        if len(self.terms) == 1:
            return _contains_any({self.folded, *_term_needles(self.terms[0])})
        typed = _contains_any({self.folded})
        if not self.terms:
            return typed
        analysed = Q()
        for term in self.terms:
            analysed &= _contains_any(_term_needles(term))
        return typed | analysed

    def score(self, fields: list[tuple[int, str]]) -> int:
        return max((self._field_score(weight, text) for weight, text in fields), default=0)

    def _field_score(self, weight: int, text: str) -> int:
        if not text:
            return 0
        if self.folded in fold_danish(text):
            return 2 * weight
        if not self.terms:
            return 0
        text_words = analysis.words(text)
        stems = {analysis.stem(word) for word in text_words}
        if all(any(term.matches(s) for s in stems) for term in self.terms):
            return 2 * weight
        parts = {t for word in text_words for t in analysis.word_terms(word)}
        if all(any(term.matches(p) for p in parts) for term in self.terms):
            return weight
        return 0


def _query_words(q: str) -> list[_QueryWord]:
    """The words of a query; those that are only stop words ("og") left out unless alone."""
    found = []
    for token in q.split():
        folded = fold_danish_query(token)
        if not folded:
            continue
        token_words = analysis.words(token)
        meaningful = [word for word in token_words if word not in analysis.STOP_WORDS]
        found.append(
            (
                bool(meaningful) or not token_words,
                _QueryWord(folded, tuple(analysis.query_term(word) for word in meaningful)),
            )
        )
    return [word for keep, word in found if keep] or [word for _, word in found]


def _term_needles(term: analysis.QueryTerm) -> set[str]:
    return {fold_danish_query(needle) for needle in {term.stem, *term.prefixes}}


def _contains_any(needles: set[str]) -> Q:
    """The person's folded name, email, title, organisation or centre, or the folded name of
    one of their topics of expertise, contains one of `needles`."""
    # A needle containing another adds nothing ("leder" where "led" is looked for).
    needles = {n for n in needles if not any(o != n and o in n for o in needles)}
    found = Q(pk__in=[])
    for needle in sorted(needles):
        experts = (
            User.expertise.through.objects.annotate(topic_folded=Folded("topic__name"))
            .filter(topic_folded__contains=needle)
            .values("user_id")
        )
        found |= Q(directory_text__contains=needle) | Q(pk__in=experts)
    return found


def _relevance(people: QuerySet[User], words: list[_QueryWord]) -> dict[int, int]:
    """The people matching every word, each with a score: one query for the candidates SQL
    finds, then the analysis (in Python) keeps those that really match and scores them."""
    candidates = people.annotate(
        directory_text=Folded(
            Concat(
                "full_name",
                Value(" "),
                "email",
                Value(" "),
                "title",
                Value(" "),
                Coalesce("organisation__name", Value("")),
                Value(" "),
                Coalesce("centre__name", Value("")),
                output_field=CharField(),
            )
        )
    )
    for word in words:
        candidates = candidates.filter(word.needles())
    profiles: dict[int, dict] = {}
    rows = candidates.values_list(
        "pk", "full_name", "email", "title", "organisation__name", "centre__name", "expertise__name"
    )
    for pk, name, email, title, organisation, centre, topic_name in rows:
        profile = profiles.setdefault(
            pk,
            {"name": name, "title": title, "other": (email, organisation, centre), "topics": []},
        )
        if topic_name:
            profile["topics"].append(topic_name)
    relevance = {}
    for pk, profile in profiles.items():
        fields = [
            (NAME, profile["name"]),
            (TITLE, profile["title"]),
            *((EXPERTISE, topic_name) for topic_name in profile["topics"]),
            *((OTHER, text) for text in profile["other"]),
        ]
        scores = [word.score(fields) for word in words]
        if all(scores):
            relevance[pk] = sum(scores)
    return relevance


def access_person(*, user: User, person_id: int) -> User:
    """A person listed in the directory, with organisation, centre and expertise; 404 otherwise."""
    person = (
        person_list_listed()
        .select_related("organisation", "centre")
        .prefetch_related(Prefetch("expertise", queryset=Topic.objects.order_by("name")))
        .filter(pk=person_id)
        .first()
    )
    if person is None:
        raise Http404
    return person


def person_recent_answer_list(
    *, viewer: User, person: User, limit: int = RECENT_ANSWERS
) -> list[Post]:
    """The person's latest replies in threads the viewer may read; accepted answers marked."""
    return list(
        Post.objects.filter(
            access.threads_listed(user=viewer, prefix="thread__"),
            access.posts_shown(),
            author=person,
            is_opening=False,
        )
        .select_related("thread", "thread__topic")
        .defer("body", "body_html")
        .annotate(
            is_accepted=ExpressionWrapper(
                Q(thread__accepted_answer_id=F("pk")), output_field=BooleanField()
            )
        )
        .order_by("-created_at", "-id")[:limit]
    )


def person_guide_list(*, person: User, limit: int = OWNED_GUIDES) -> list[Guide]:
    """Published guides the person owns (and so keeps up to date)."""
    return list(
        Guide.objects.filter(guide_access.guides_published(), owner=person)
        .select_related("topic")
        .defer("body", "body_html")
        .order_by("title", "id")[:limit]
    )


def person_network_list(*, viewer: User, person: User) -> list[Network]:
    """The person's networks that the viewer may know of: open ones and those they share."""
    return list(
        Network.objects.filter(memberships__user=person)
        .filter(access.networks_readable(user=viewer))
        .order_by("name")
        .distinct()
    )


def organisation_list_with_people() -> QuerySet[Organisation]:
    """Organisations for the directory's filter: only those with someone listed."""
    return Organisation.objects.filter(
        pk__in=person_list_listed().values("organisation_id")
    ).order_by("name")

"""Load the hand-written demo debate (data/networks.yaml, threads_*.yaml, guides.yaml).

The content names kinds of people ("akasse", "jurist", "op"); the loader picks the demo's invented
people for them from a seed per thread, so every load gives the same debate. Threads are keyed on
their title and guides on theirs: a second load creates nothing. Dates are spread relative to now
(a thread's days_ago, replies hours later).

Everything is written through the product's services, as the people in the story would have
written it: network_create and network_member_add, thread_create, hotline_case_open and
hotline_case_assign, reply_create (which also answers a hotline case and cites the law),
answer_accept, reaction_toggle, thread_pin and thread_close, hotline_case_escalate,
guide_create and guide_notify_stale. The notifications are the ones those services write. The
services know only the present, so the story's dates (when a post was written, a reaction
given, a case asked and answered, a notification rung) are set afterwards in one update per
kind, in the same transaction (set_history)."""

import random
import re
from collections import Counter, defaultdict
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from portal.core import lawrefs
from portal.core.cpr import find_cpr_numbers
from portal.core.models import OrganisationKind, Role, RoleGrant, Topic, User
from portal.core.slugs import slugify_da
from portal.forum import list_cache
from portal.forum.models import (
    DebateVisit,
    Mention,
    Network,
    NetworkMembership,
    Post,
    Reaction,
    Thread,
    ThreadFollow,
    ThreadReadState,
)
from portal.forum.services import (
    answer_accept,
    network_create,
    network_member_add,
    reaction_toggle,
    reply_create,
    thread_close,
    thread_create,
    thread_pin,
)
from portal.guides.models import Guide, LawReference
from portal.guides.services import guide_create, guide_notify_stale
from portal.hotline.models import HotlineCase
from portal.hotline.services import (
    hotline_case_assign,
    hotline_case_escalate,
    hotline_case_open,
)
from portal.hotline.workdays import response_deadline
from portal.notifications.models import Notification

from . import content
from .people import DEMO_DOMAIN, DEMO_LOGINS, FAKER_SEED, TOPICS

# Kinds of caseworkers by organisation kind, and kinds of people by role.
ORGANISATION_KINDS = {
    "jobcenter": OrganisationKind.JOBCENTER,
    "akasse": OrganisationKind.UFUND,
    "union": OrganisationKind.UNION,
}
ROLE_KINDS = {"jurist": Role.JURIST, "editor": Role.EDITOR, "coordinator": Role.COORDINATOR}
KINDS = set(ORGANISATION_KINDS) | set(ROLE_KINDS)
LOGINS = {login.email.split("@", 1)[0] for login in DEMO_LOGINS}
# The demo logins that may be named without the trailing "@": those that are not also a kind.
BARE_LOGINS = LOGINS - KINDS
# The demo logins were last here two weeks ago (busy caseworkers): what the debate got since
# then shows as new for them.
LAST_VISIT_DAYS = 14

MENTION_RE = re.compile(r"\{@([^{}]+)\}")


class DemoContentError(ValueError):
    """The hand-written content breaks its own format (found before anything is written)."""


def parse_law_references(text: str) -> list[tuple[str, str]]:
    """A guide's "LAB § 16, LAS § 68 a, SDL", read as the guides read an editor's list."""
    try:
        return lawrefs.parse_law_reference_list(text)
    except ValidationError as error:
        raise DemoContentError(f"Cannot read the law references {text!r}") from error


def _is_login(spec: str) -> bool:
    return spec.endswith("@") or spec in BARE_LOGINS


def _check_spec(spec: str, where: str) -> None:
    if spec == "op" or spec.rstrip("@") in LOGINS or spec.split(":", 1)[0] in KINDS:
        return
    raise DemoContentError(f"{where}: unknown author spec {spec!r}")


def _check_text(text: str, where: str) -> None:
    if find_cpr_numbers(text):
        raise DemoContentError(f"{where}: the text contains a CPR number")


def validate_content(threads: list[dict], guides: list[dict]) -> None:
    """Refuse content the loader would load wrongly; the message names the thread or guide."""
    topics = {slug for slug, _name, _description in TOPICS}
    networks = {n["slug"] for n in content.networks()}
    titles = set()
    for thread in threads:
        title = thread["title"]
        where = f"Thread {title!r}"
        unknown = set(thread) - content.THREAD_KEYS
        unknown |= {
            key for reply in thread.get("replies", []) for key in reply
        } - content.REPLY_KEYS
        if unknown:
            raise DemoContentError(f"{where}: unknown keys {sorted(unknown)}")
        if title in titles:
            raise DemoContentError(f"{where}: the title is used twice")
        titles.add(title)
        if len(title) > 200:
            raise DemoContentError(f"{where}: the title is longer than 200 characters")
        if thread["topic"] not in topics:
            raise DemoContentError(f"{where}: unknown topic {thread['topic']!r}")
        if thread.get("network") and thread["network"] not in networks:
            raise DemoContentError(f"{where}: unknown network {thread['network']!r}")
        if thread["kind"] not in Thread.Kind.values:
            raise DemoContentError(f"{where}: unknown kind {thread['kind']!r}")
        if thread["author"] == "op":
            raise DemoContentError(f"{where}: the author cannot be 'op'")
        _check_spec(thread["author"], where)
        if thread.get("addressed_to"):
            _check_spec(thread["addressed_to"], where)
        replies = thread.get("replies", [])
        accepted = [r for r in replies if r.get("accepted")]
        if accepted and thread["kind"] != Thread.Kind.QUESTION:
            raise DemoContentError(f"{where}: only a question can have an accepted answer")
        if thread.get("hotline") and thread["kind"] != Thread.Kind.QUESTION:
            raise DemoContentError(f"{where}: only a question can go to the hotline")
        if len(accepted) > 1:
            raise DemoContentError(f"{where}: more than one accepted answer")
        for index, reply in enumerate(replies):
            _check_spec(reply["author"], where)
            quote = reply.get("quote")
            if quote is not None and not (0 <= quote < index):
                raise DemoContentError(f"{where}: reply {index} quotes a later reply")
        for text in [title, thread["body"]] + [r["body"] for r in replies]:
            _check_text(text, where)
            for spec in MENTION_RE.findall(text):
                _check_spec(spec, where)
    guide_slugs = set()
    for guide in guides:
        where = f"Guide {guide['title']!r}"
        if set(guide) - content.GUIDE_KEYS:
            raise DemoContentError(
                f"{where}: unknown keys {sorted(set(guide) - content.GUIDE_KEYS)}"
            )
        slug = slugify_da(guide["title"], max_length=200)
        if slug in guide_slugs:
            raise DemoContentError(f"{where}: the title (or its short name) is used twice")
        guide_slugs.add(slug)
        if len(guide["title"]) > 200:
            raise DemoContentError(f"{where}: the title is longer than 200 characters")
        for text in (guide["title"], guide["summary"], guide["body"]):
            _check_text(text, where)
        if guide["topic"] not in topics:
            raise DemoContentError(f"{where}: unknown topic {guide['topic']!r}")
        if len(guide["summary"]) > 400:
            raise DemoContentError(f"{where}: the summary is longer than 400 characters")
        _check_spec(guide["owner"], where)
        parse_law_references(guide.get("law_references", ""))
        source = guide.get("from_thread_title")
        if source and source not in titles:
            raise DemoContentError(f"{where}: no thread is titled {source!r}")


class _People:
    """The demo's people by kind, and a per-thread cast that keeps "akasse:2" the same person."""

    def __init__(self):
        users = list(User.objects.filter(is_active=True).select_related("organisation"))
        roles = defaultdict(set)
        for user_id, role in RoleGrant.objects.values_list("user_id", "role"):
            roles[user_id].add(role)
        self.by_id = {u.pk: u for u in users}
        self.local_parts = Counter(
            email.split("@", 1)[0].lower() for email in User.objects.values_list("email", flat=True)
        )
        self.roles = roles
        self.logins = {
            u.email.split("@", 1)[0]: u for u in users if u.email.endswith(f"@{DEMO_DOMAIN}")
        }
        login_ids = {u.pk for u in self.logins.values()}
        self.pools: dict[str, list[User]] = {}
        for kind, org_kind in ORGANISATION_KINDS.items():
            self.pools[kind] = [
                u
                for u in users
                if u.pk not in login_ids
                and u.organisation is not None
                and u.organisation.kind == org_kind
                and Role.CASEWORKER in roles[u.pk]
            ]
        for kind, role in ROLE_KINDS.items():
            self.pools[kind] = [u for u in users if u.pk not in login_ids and role in roles[u.pk]]
        for kind, pool in self.pools.items():
            pool.sort(key=lambda u: u.email)
            if not pool:
                raise DemoContentError(
                    f"The demo has no people of the kind {kind!r}: load it first"
                )

    def handle(self, user: User) -> str:
        """How the forum's mentions name a person: the email's local part when unambiguous."""
        local = user.email.split("@", 1)[0].lower()
        return local if self.local_parts[local] == 1 else user.email.lower()

    def login(self, spec: str) -> User:
        local = spec.rstrip("@")
        if local not in self.logins:
            raise DemoContentError(f"No demo login {local!r}")
        return self.logins[local]

    def is_jurist(self, user: User) -> bool:
        return Role.JURIST in self.roles[user.pk]

    def cast(self, seed: str, allowed: set[int] | None = None) -> "_Cast":
        return _Cast(self, random.Random(f"{FAKER_SEED}:{seed}"), allowed)


class _Cast:
    def __init__(self, people: _People, rng: random.Random, allowed: set[int] | None):
        self.people = people
        self.rng = rng
        self.allowed = allowed  # for a private network: prefer its members
        self.chosen: dict[str, User] = {}
        self.used: set[int] = set()

    def __call__(self, spec: str) -> User:
        if _is_login(spec):
            user = self.people.login(spec)
            self.used.add(user.pk)
            return user
        kind, _sep, number = spec.partition(":")
        key = f"{kind}:{number or '1'}"
        if key not in self.chosen:
            pool = [u for u in self.people.pools[kind] if u.pk not in self.used]
            if self.allowed is not None:
                pool = [u for u in pool if u.pk in self.allowed] or pool
            self.chosen[key] = self.rng.choice(pool)
            self.used.add(self.chosen[key].pk)
        return self.chosen[key]


class _Loader:
    def __init__(self):
        self.now = timezone.now()
        self.tz = ZoneInfo(settings.TIME_ZONE)
        self.people = _People()
        self.topics = {t.slug: t for t in Topic.objects.all()}
        self.counts: dict[str, int] = defaultdict(int)
        self.networks: dict[str, Network] = {}
        self.members: dict[str, set[int]] = {}
        self.wanted: dict[str, dict[int, str]] = {}
        self.creators: dict[str, User] = {}
        self.network_rngs: dict[str, random.Random] = {}
        self.new_networks: list[Network] = []
        self.networks_founded = self.now - timedelta(days=400)
        self.memberships: list[NetworkMembership] = []
        self.threads: list[Thread] = []
        self.posts: list[Post] = []
        self.cases: list[tuple[HotlineCase, dict, bool]] = []
        self.reaction_times: dict[tuple[int, int, str], datetime] = {}
        # Editors moderate the whole forum: the demo editor pins and closes what the data says.
        self.moderator = self.people.login("redaktoer@")
        self.notifications_before = (
            Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        )

    # Networks ------------------------------------------------------------------------------

    def load_networks(self) -> None:
        """Each network through network_create by the editor who set it up (the data's
        `created_by`; the product makes the creator its first moderator). Who joins it is
        worked out here and added by add_members, once the threads show who writes where."""
        existing = {n.slug: n for n in Network.objects.all()}
        for spec in content.networks():
            slug = spec["slug"]
            rng = random.Random(f"{FAKER_SEED}:network:{slug}")
            rule = spec["members"]
            members: list[User] = []
            for kind in rule.get("kinds", []):
                pool = self.people.pools[kind]
                members += rng.sample(pool, k=max(1, round(len(pool) * rule.get("share", 1.0))))
            members += [self.people.login(local) for local in rule.get("logins", [])]
            cast = self.people.cast(f"network:{slug}", {m.pk for m in members})
            moderators = {cast(m).pk for m in spec.get("moderators", [])}
            creator = cast(spec["created_by"])
            network = existing.get(slug)
            if network is None:
                network = network_create(
                    by=creator,
                    name=spec["name"],
                    slug=slug,
                    description=spec["description"],
                    is_open=spec["is_open"],
                )
                self.new_networks.append(network)
            self.networks[slug] = network
            self.creators[slug] = creator
            self.network_rngs[slug] = rng
            wanted = {m.pk: NetworkMembership.Role.MEMBER for m in members}
            wanted.update({pk: NetworkMembership.Role.MODERATOR for pk in moderators})
            wanted[creator.pk] = NetworkMembership.Role.MODERATOR
            self.wanted[slug] = wanted
            self.members[slug] = set(wanted)

    def add_members(self) -> None:
        """Through network_member_add, by the network's creator (each new member's bell rings,
        as it does when a moderator adds someone). Joined on a day of the network's first year."""
        for slug, wanted in self.wanted.items():
            network = self.networks[slug]
            existing = set(network.memberships.values_list("user_id", flat=True))
            rng = self.network_rngs[slug]
            for pk in sorted(wanted):
                if pk in existing:
                    continue
                membership = network_member_add(
                    network=network,
                    user=self.people.by_id[pk],
                    by=self.creators[slug],
                    role=wanted[pk],
                )
                membership.created_at = self.networks_founded + timedelta(days=rng.randint(0, 300))
                self.memberships.append(membership)

    # Threads ------------------------------------------------------------------------------

    def _opened_at(self, days_ago: int, rng: random.Random) -> datetime:
        day = timezone.localtime(self.now, self.tz).date() - timedelta(days=days_ago)
        while day.weekday() >= 5 and days_ago > 0:  # caseworkers post on working days, mostly
            day -= timedelta(days=1)
        moment = datetime.combine(day, time(rng.randint(8, 15), rng.randint(0, 59)), tzinfo=self.tz)
        return min(moment, self.now - timedelta(hours=rng.randint(2, 5)))

    def _reply_times(self, opened: datetime, replies: list[dict], rng) -> list[datetime]:
        times, moment = [], opened
        for index, reply in enumerate(replies):
            hours = reply.get("hours_after")
            if hours is None:
                hours = rng.choice([1, 2, 3, 5, 20, 26, 44]) if index == 0 else rng.randint(1, 40)
            moment = moment + timedelta(hours=hours, minutes=rng.randint(0, 59))
            times.append(moment)
        # Squeeze a thread that would run into the future into the time it has had.
        if times and times[-1] > self.now:
            span = (self.now - opened) * 0.95
            total = times[-1] - opened
            times = [opened + (t - opened) * (span / total) for t in times]
        return times

    def _render(self, text: str, cast: _Cast) -> str:
        """The source with "{@spec}" written as the forum's "@handle" (the forum links it)."""

        def replace(match):
            return f"@{self.people.handle(cast(match.group(1)))}"

        return MENTION_RE.sub(replace, text)

    def plan_threads(self, threads: list[dict]) -> list[dict]:
        """Who writes what and when, for every thread not loaded yet (nothing written)."""
        existing = set(
            Thread.objects.filter(title__in=[t["title"] for t in threads]).values_list(
                "title", flat=True
            )
        )
        plans = [self._plan_thread(spec) for spec in threads if spec["title"] not in existing]
        # Whoever writes in a network by invitation is one of its members.
        for plan in plans:
            slug = plan["spec"].get("network")
            if slug and not self.networks[slug].is_open:
                for writer in [plan["author"]] + [r["author"] for r in plan["replies"]]:
                    if writer.pk not in self.members[slug]:
                        self.wanted[slug][writer.pk] = NetworkMembership.Role.MEMBER
                        self.members[slug].add(writer.pk)
        return plans

    def _plan_thread(self, spec: dict) -> dict:
        network_slug = spec.get("network")
        allowed = None
        if network_slug and not self.networks[network_slug].is_open:
            allowed = self.members[network_slug]
        cast = self.people.cast(spec["title"], allowed)
        rng = cast.rng
        author = cast(spec["author"])
        cast.chosen["op:1"] = author
        opened = self._opened_at(spec["days_ago"], rng)
        reply_specs = spec.get("replies", [])
        times = self._reply_times(opened, reply_specs, rng)
        replies = []
        for reply, moment in zip(reply_specs, times, strict=True):
            replies.append(
                {
                    "author": cast(reply["author"]),
                    "body": self._render(reply["body"], cast),
                    "at": moment,
                    "quote": reply.get("quote"),
                    "accepted": reply.get("accepted", False),
                }
            )
        accepted_at = None
        for reply in replies:
            if reply["accepted"]:
                later = reply["at"] + timedelta(hours=rng.randint(1, 30))
                accepted_at = min(later, self.now - timedelta(minutes=10))
        return {
            "spec": spec,
            "author": author,
            "body": self._render(spec["body"], cast),
            "addressed_to": cast(spec["addressed_to"]) if spec.get("addressed_to") else None,
            "opened": opened,
            "replies": replies,
            "accepted_at": accepted_at,
            "rng": rng,
        }

    def write_threads(self, plans: list[dict]) -> None:
        """Each thread as its people would write it: thread_create, hotline_case_open,
        reply_create, answer_accept, reaction_toggle, thread_pin/close. The services notify,
        follow, cite and index as they do for anyone; only the dates are set afterwards."""
        for plan in plans:
            self._write_thread(plan)
        self.counts["threads"] += len(plans)
        self.counts["posts"] += sum(1 + len(p["replies"]) for p in plans)

    def _write_thread(self, plan: dict) -> None:
        spec, author = plan["spec"], plan["author"]
        network_slug = spec.get("network")
        thread = thread_create(
            author=author,
            topic=self.topics[spec["topic"]],
            title=spec["title"],
            body=plan["body"],
            kind=spec["kind"],
            network=self.networks[network_slug] if network_slug else None,
            addressed_to=plan["addressed_to"],
        )
        opening = thread.posts.get(is_opening=True)
        opening.created_at = plan["opened"]
        posts = [opening]
        if spec.get("hotline"):
            self._open_hotline_case(plan, thread)
        replies: list[Post] = []
        for reply in plan["replies"]:
            quoted = replies[reply["quote"]] if reply["quote"] is not None else None
            post = reply_create(
                author=reply["author"], thread=thread, body=reply["body"], quoted_post=quoted
            )
            post.created_at = reply["at"]
            replies.append(post)
            if reply["accepted"]:
                answer_accept(thread=thread, post=post, by=author)
                thread.accepted_at = plan["accepted_at"]
                self.counts["accepted_answers"] += 1
        posts += replies
        thread.created_at = plan["opened"]
        thread.last_activity_at = posts[-1].created_at
        self.threads.append(thread)
        self.posts += posts
        self._react(plan, thread, posts)
        if spec.get("pinned"):
            thread_pin(thread=thread, by=self.moderator)
        if spec.get("closed"):
            thread_close(thread=thread, by=self.moderator)

    def _open_hotline_case(self, plan: dict, thread: Thread) -> None:
        """Sent to the jurists by the asker; taken by the jurist who answers (the answer itself
        closes the case, as a jurist's reply does), or by the demo jurist when it is overdue."""
        case = hotline_case_open(thread=thread, by=plan["author"])
        answerer = next(
            (r["author"] for r in plan["replies"] if self.people.is_jurist(r["author"])), None
        )
        deadline = response_deadline(plan["opened"])
        overdue = answerer is None and deadline < self.now
        jurist = self.people.login("jurist@")
        if answerer is not None:
            case = hotline_case_assign(case=case, jurist=answerer)
        elif overdue or plan["rng"].random() < 0.5:
            case = hotline_case_assign(case=case, jurist=jurist)
        self.cases.append((case, plan, overdue))

    def _react(self, plan: dict, thread: Thread, posts: list[Post]) -> None:
        """Thanks and "useful" from the thread's readers, through reaction_toggle."""
        rng = plan["rng"]
        participants = sorted({p.author_id for p in posts})
        if thread.network_id and not thread.network.is_open:
            audience = sorted(self.members[plan["spec"]["network"]] | set(participants))
        else:
            audience = participants + [u.pk for u in rng.sample(self.people.pools["jobcenter"], 6)]
            audience += [u.pk for u in rng.sample(self.people.pools["akasse"], 3)]
        for post in posts:
            is_answer = thread.accepted_answer_id == post.pk
            count = rng.randint(2, 6) if is_answer else rng.choice([0, 0, 0, 1, 1, 2, 3])
            readers = [pk for pk in dict.fromkeys(audience) if pk != post.author_id]
            for user_id in rng.sample(readers, k=min(count, len(readers))):
                kind = rng.choice([Reaction.Kind.THANKS, Reaction.Kind.USEFUL])
                if user_id == thread.author_id and not post.is_opening:
                    kind = Reaction.Kind.THANKS
                moment = post.created_at + timedelta(hours=rng.randint(1, 48))
                reaction_toggle(post=post, user=self.people.by_id[user_id], kind=kind)
                self.reaction_times[(post.pk, user_id, kind)] = min(
                    moment, self.now - timedelta(minutes=5)
                )

    # History ------------------------------------------------------------------------------

    def set_history(self) -> None:
        """The dates the services stamped as "now", set to the story's, one update per kind.

        The services refuse no past here but know only the present: the posts, threads,
        follows, reactions, memberships and hotline cases get the moments the content gives
        them, and every notification the services wrote gets the moment of what it tells of
        (read when older than ten days, as a demo login would have read it).
        """
        Network.objects.filter(pk__in=[n.pk for n in self.new_networks]).update(
            created_at=self.networks_founded
        )
        NetworkMembership.objects.bulk_update(self.memberships, ["created_at"], batch_size=500)
        # The creators (network_create made them moderators) joined the day they founded it.
        NetworkMembership.objects.filter(network__in=self.new_networks).exclude(
            pk__in=[m.pk for m in self.memberships]
        ).update(created_at=self.networks_founded)
        Post.objects.bulk_update(self.posts, ["created_at"], batch_size=500)
        Thread.objects.bulk_update(
            self.threads, ["created_at", "last_activity_at", "accepted_at"], batch_size=500
        )
        thread_ids = [t.pk for t in self.threads]
        ThreadFollow.objects.filter(thread_id__in=thread_ids).update(
            created_at=Subquery(
                Post.objects.filter(thread=OuterRef("thread"), author=OuterRef("user"))
                .order_by("created_at")
                .values("created_at")[:1]
            )
        )
        reactions = list(Reaction.objects.filter(post__thread_id__in=thread_ids))
        for reaction in reactions:
            reaction.created_at = self.reaction_times[
                (reaction.post_id, reaction.user_id, reaction.kind)
            ]
        Reaction.objects.bulk_update(reactions, ["created_at"], batch_size=500)
        self._set_case_history()
        self._set_notification_history()
        self._set_read_history()

    def _set_read_history(self) -> None:
        """Each demo login was last here LAST_VISIT_DAYS ago and had then read what the threads
        it follows held: signed in, it finds what came later marked new on the front page and in
        the thread lists, as someone back after two weeks would."""
        last_visit = timezone.now() - timedelta(days=LAST_VISIT_DAYS)
        read_upto: dict[int, Post] = {}
        for post in self.posts:
            if post.created_at <= last_visit and (
                post.thread_id not in read_upto
                or (post.created_at, post.pk)
                > (read_upto[post.thread_id].created_at, read_upto[post.thread_id].pk)
            ):
                read_upto[post.thread_id] = post
        login_ids = [user.pk for user in self.people.logins.values()]
        follows = ThreadFollow.objects.filter(
            user_id__in=login_ids, thread_id__in=list(read_upto)
        ).values_list("user_id", "thread_id")
        ThreadReadState.objects.bulk_create(
            [
                ThreadReadState(
                    user_id=user_id,
                    thread_id=thread_id,
                    last_read_post=read_upto[thread_id],
                    last_read_at=last_visit,
                )
                for user_id, thread_id in follows
            ],
            ignore_conflicts=True,
        )
        DebateVisit.objects.bulk_create(
            [DebateVisit(user_id=user_id, last_seen_at=last_visit) for user_id in login_ids],
            ignore_conflicts=True,
        )

    def _set_case_history(self) -> None:
        """Asked when the thread was opened, answered when the jurist replied; an overdue case
        was warned the day before its deadline and is then escalated by hotline_case_escalate,
        as the hourly task would have done."""
        cases, overdue = [], []
        for case, plan, is_overdue in self.cases:
            case.requested_at = plan["opened"]
            case.deadline = response_deadline(plan["opened"])
            case.answered_at = next(
                (r["at"] for r in plan["replies"] if self.people.is_jurist(r["author"])), None
            )
            if is_overdue:
                case.deadline_warned_at = case.deadline - timedelta(days=1)
                overdue.append(case.pk)
            cases.append(case)
        HotlineCase.objects.bulk_update(
            cases, ["requested_at", "deadline", "answered_at", "deadline_warned_at"]
        )
        for case_id in overdue:
            hotline_case_escalate(case_id=case_id)
        HotlineCase.objects.filter(pk__in=overdue).update(
            escalated_at=F("deadline") + timedelta(minutes=5)
        )

    def _set_notification_history(self) -> None:
        new = Notification.objects.filter(pk__gt=self.notifications_before)
        Kind = Notification.Kind
        new.filter(post__isnull=False).exclude(kind=Kind.ANSWER_ACCEPTED).update(
            created_at=Subquery(Post.objects.filter(pk=OuterRef("post")).values("created_at"))
        )
        new.filter(kind=Kind.ANSWER_ACCEPTED).update(
            created_at=Subquery(Thread.objects.filter(pk=OuterRef("thread")).values("accepted_at"))
        )
        new.filter(kind=Kind.HOTLINE_NEW).update(
            created_at=Subquery(
                HotlineCase.objects.filter(thread=OuterRef("thread")).values("requested_at")
            )
        )
        new.filter(kind=Kind.HOTLINE_OVERDUE).update(
            created_at=Subquery(
                HotlineCase.objects.filter(thread=OuterRef("thread")).values("escalated_at")
            )
        )
        new.filter(kind=Kind.NETWORK_ADDED).update(
            created_at=Subquery(
                NetworkMembership.objects.filter(
                    network=OuterRef("network"), user=OuterRef("recipient")
                ).values("created_at")
            )
        )
        new.filter(created_at__lt=self.now - timedelta(days=10)).update(
            read_at=F("created_at") + timedelta(hours=3)
        )

    # Guides -------------------------------------------------------------------------------

    def load_guides(self, guides: list[dict], threads: dict[str, Thread]) -> None:
        """Through guide_create, as an editor writes one; then one bulk update of the history.

        The service stamps "now" and refuses a review date in the past; the demo's guides were
        written months ago and some are overdue for review, so those dates (and a flag for
        review) are set afterwards. The editor login creates a guide a jurist owns, as editors do.
        """
        existing = set(
            Guide.objects.filter(title__in=[g["title"] for g in guides]).values_list(
                "title", flat=True
            )
        )
        new = [g for g in guides if g["title"] not in existing]
        editor = self.people.login("redaktoer@")
        today = timezone.localdate()
        objects = []
        for spec in new:
            cast = self.people.cast(f"guide:{spec['title']}")
            owner = cast(spec["owner"])
            created = self.now - timedelta(days=cast.rng.randint(90, 420))
            updated = created + timedelta(days=cast.rng.randint(0, 60))
            guide = guide_create(
                by=owner if Role.EDITOR in self.people.roles[owner.pk] else editor,
                title=spec["title"],
                topic=self.topics[spec["topic"]],
                summary=spec["summary"],
                body=spec["body"],
                owner=owner,
                law_references_text=spec.get("law_references", ""),
                source_thread=threads.get(spec.get("from_thread_title") or ""),
            )
            guide.created_at = created
            guide.updated_at = updated
            guide.last_reviewed_at = updated
            guide.review_by = today + timedelta(days=spec["review_in_days"])
            guide.needs_review = bool(spec.get("review_reason"))
            guide.review_reason = spec.get("review_reason") or ""
            objects.append(guide)
        Guide.objects.bulk_update(
            objects,
            [
                "created_at",
                "updated_at",
                "last_reviewed_at",
                "review_by",
                "needs_review",
                "review_reason",
            ],
        )
        self.counts["guides"] += len(objects)
        self._notify_stale_guides(objects)

    def _notify_stale_guides(self, guides: list[Guide]) -> None:
        """The review reminder the guides' daily task (guide_notify_stale) would have sent on
        the morning of the review date: sent through it now, then dated that morning."""
        today = timezone.localdate()
        stale = [guide for guide in guides if guide.review_by < today]
        for guide in stale:
            guide_notify_stale(guide_id=guide.pk)
            guide.stale_notified_at = datetime.combine(guide.review_by, time(7, 0), tzinfo=self.tz)
        Guide.objects.bulk_update(stale, ["stale_notified_at"])
        Notification.objects.filter(
            pk__gt=self.notifications_before, kind=Notification.Kind.GUIDE_REVIEW
        ).update(
            created_at=Subquery(
                Guide.objects.filter(pk=OuterRef("guide")).values("stale_notified_at")
            )
        )


@transaction.atomic
def debate_demo_load() -> dict[str, int]:
    """Load the demo debate (all or nothing); returns how many rows of each kind it created.

    Needs the demo's people (people.people_load). A second call creates nothing.
    """
    threads, guides = content.threads(), content.guides()
    validate_content(threads, guides)
    loader = _Loader()
    counted = {
        "memberships": NetworkMembership,
        "reactions": Reaction,
        "thread_follows": ThreadFollow,
        "mentions": Mention,
        "hotline_cases": HotlineCase,
        "notifications": Notification,
        "law_references": LawReference,
    }
    before = {key: model.objects.count() for key, model in counted.items()}
    loader.load_networks()
    plans = loader.plan_threads(threads)
    loader.add_members()
    loader.write_threads(plans)
    loader.set_history()
    by_title = {t.title: t for t in Thread.objects.filter(title__in=[t["title"] for t in threads])}
    loader.load_guides(guides, by_title)
    loader.counts["networks"] = len(loader.new_networks)
    for key, model in counted.items():
        loader.counts[key] = model.objects.count() - before[key]
    keys = (
        "networks",
        "memberships",
        "threads",
        "posts",
        "accepted_answers",
        "reactions",
        "thread_follows",
        "mentions",
        "hotline_cases",
        "notifications",
        "law_references",
        "guides",
    )
    # The dates set afterwards send no signals: the cached thread-list pages must be told.
    transaction.on_commit(list_cache.invalidate)
    return {key: loader.counts[key] for key in keys}

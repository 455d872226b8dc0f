"""Load the hand-written demo debate (data/networks.yaml, threads_*.yaml, guides.yaml).

The content names kinds of people ("akasse", "jurist", "op"); the loader picks the demo's invented
people for them from a seed per thread, so every load gives the same debate. Threads are keyed on
their title and guides on theirs: a second load creates nothing. Dates are spread relative to now
(a thread's days_ago, replies hours later). Guides go through guide_create; networks, threads,
posts, hotline cases and the demo logins' notifications are bulk-inserted with their history,
which the forum's services (stamping "now", notifying and emailing every follower) cannot give.
"""

import random
import re
from collections import Counter, defaultdict
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from portal.core.cpr import find_cpr_numbers
from portal.core.markdown import render_markdown
from portal.core.models import OrganisationKind, Role, RoleGrant, Topic, User
from portal.forum import list_cache
from portal.forum.mentions import mention_link_source
from portal.forum.models import (
    Mention,
    Network,
    NetworkMembership,
    Post,
    Reaction,
    Thread,
    ThreadFollow,
)
from portal.guides import lawrefs
from portal.guides.models import Guide, LawReference
from portal.guides.services import guide_create
from portal.hotline.models import HotlineCase
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
        slug = slugify(guide["title"])
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
        self.notifications: list[Notification] = []

    # Networks ------------------------------------------------------------------------------

    def load_networks(self) -> None:
        founder = self.people.login("redaktoer@")
        for spec in content.networks():
            network, created = Network.objects.get_or_create(
                slug=spec["slug"],
                defaults={
                    "name": spec["name"],
                    "description": spec["description"],
                    "is_open": spec["is_open"],
                    "created_by": founder,
                    "created_at": self.now - timedelta(days=400),
                },
            )
            self.counts["networks"] += created
            self.networks[spec["slug"]] = network
            rng = random.Random(f"{FAKER_SEED}:network:{spec['slug']}")
            rule = spec["members"]
            members: list[User] = []
            for kind in rule.get("kinds", []):
                pool = self.people.pools[kind]
                members += rng.sample(pool, k=max(1, round(len(pool) * rule.get("share", 1.0))))
            members += [self.people.login(local) for local in rule.get("logins", [])]
            cast = self.people.cast(f"network:{spec['slug']}", {m.pk for m in members})
            moderators = {cast(m).pk for m in spec.get("moderators", [])}
            self.members[spec["slug"]] = {m.pk for m in members} | moderators
            wanted = {m.pk: m for m in members}
            for pk in moderators:
                wanted.setdefault(pk, self.people.by_id[pk])
            self._add_members(network, wanted.values(), moderators, rng)

    def _add_members(self, network: Network, users, moderators: set[int], rng) -> None:
        existing = set(
            NetworkMembership.objects.filter(network=network).values_list("user_id", flat=True)
        )
        new = []
        for user in sorted(users, key=lambda u: u.pk):
            if user.pk in existing:
                continue
            new.append(
                NetworkMembership(
                    network=network,
                    user=user,
                    role=NetworkMembership.Role.MODERATOR
                    if user.pk in moderators
                    else NetworkMembership.Role.MEMBER,
                    created_at=network.created_at + timedelta(days=rng.randint(0, 300)),
                )
            )
        NetworkMembership.objects.bulk_create(new)
        self.counts["memberships"] += len(new)

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

    def _render(self, text: str, cast: _Cast) -> tuple[str, str, list[User]]:
        """The source with "{@spec}" written as the forum's "@handle", its HTML, who it names."""
        people: dict[str, User] = {}

        def replace(match):
            user = cast(match.group(1))
            handle = self.people.handle(user)
            people[handle] = user
            return f"@{handle}"

        body = MENTION_RE.sub(replace, text)
        body_html = render_markdown(mention_link_source(source=body, people=people))
        return body, body_html, list({u.pk: u for u in people.values()}.values())

    def load_threads(self, threads: list[dict]) -> dict[str, Thread]:
        existing = dict(
            Thread.objects.filter(title__in=[t["title"] for t in threads]).values_list(
                "title", "pk"
            )
        )
        plans = []
        for spec in threads:
            if spec["title"] in existing:
                continue
            plans.append(self._plan_thread(spec))
        Thread.objects.bulk_create([p["thread"] for p in plans], batch_size=200)
        for plan in plans:
            for post in plan["posts"]:
                post.thread = plan["thread"]
        Post.objects.bulk_create([post for p in plans for post in p["posts"]], batch_size=500)
        self.counts["threads"] += len(plans)
        self.counts["posts"] += sum(len(p["posts"]) for p in plans)
        self._finish_threads(plans)
        return {t.title: t for t in Thread.objects.filter(title__in=[t["title"] for t in threads])}

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
        replies = spec.get("replies", [])
        times = self._reply_times(opened, replies, rng)
        body, body_html, mentioned = self._render(spec["body"], cast)
        opening = Post(
            author=author,
            is_opening=True,
            body=body,
            body_html=body_html,
            author_is_jurist=self.people.is_jurist(author),
            created_at=opened,
        )
        posts, mentions = [opening], [(opening, u) for u in mentioned]
        for reply, moment in zip(replies, times, strict=True):
            user = cast(reply["author"])
            body, body_html, mentioned = self._render(reply["body"], cast)
            post = Post(
                author=user,
                body=body,
                body_html=body_html,
                author_is_jurist=self.people.is_jurist(user),
                created_at=moment,
            )
            posts.append(post)
            mentions += [(post, u) for u in mentioned]
        thread = Thread(
            kind=spec["kind"],
            topic=self.topics[spec["topic"]],
            network=self.networks[network_slug] if network_slug else None,
            title=spec["title"],
            author=author,
            addressed_to=cast(spec["addressed_to"]) if spec.get("addressed_to") else None,
            created_at=opened,
            last_activity_at=posts[-1].created_at,
            reply_count=len(replies),
            is_pinned=spec.get("pinned", False),
            is_closed=spec.get("closed", False),
        )
        return {
            "spec": spec,
            "thread": thread,
            "posts": posts,
            "mentions": mentions,
            "rng": rng,
        }

    def _finish_threads(self, plans: list[dict]) -> None:
        quoted, accepted_threads = [], []
        reactions, follows, mentions, hotline_cases = [], [], [], []
        citations: list[tuple[Post, tuple[str, str]]] = []
        extra_members: dict[str, set[int]] = defaultdict(set)
        for plan in plans:
            spec, thread, posts, rng = plan["spec"], plan["thread"], plan["posts"], plan["rng"]
            replies = posts[1:]
            for reply_spec, post in zip(spec.get("replies", []), replies, strict=True):
                if reply_spec.get("quote") is not None:
                    post.quoted_post = replies[reply_spec["quote"]]
                    quoted.append(post)
                if reply_spec.get("accepted"):
                    thread.accepted_answer = post
                    thread.accepted_by = thread.author
                    later = post.created_at + timedelta(hours=rng.randint(1, 30))
                    thread.accepted_at = min(later, self.now - timedelta(minutes=10))
                    accepted_threads.append(thread)
            for post in posts:
                citations += [(post, ref) for ref in lawrefs.find_law_references(post.body)]
            participants: dict[int, datetime] = {}
            for post in posts:
                participants.setdefault(post.author_id, post.created_at)
            follows += [
                ThreadFollow(user_id=uid, thread=thread, created_at=at)
                for uid, at in participants.items()
            ]
            if thread.network_id and not thread.network.is_open:
                missing = set(participants) - self.members[spec["network"]]
                extra_members[spec["network"]] |= missing
                self.members[spec["network"]] |= missing
            reactions += self._reactions(plan, participants)
            for post, user in plan["mentions"]:
                mentions.append(Mention(post=post, user=user))
                self._notify(user, Notification.Kind.MENTION, post.author, thread, post)
            if spec.get("hotline"):
                hotline_cases.append(self._hotline_case(thread, replies, rng))
            self._notify_thread(plan)
        Post.objects.bulk_update(quoted, ["quoted_post"], batch_size=500)
        Thread.objects.bulk_update(
            accepted_threads, ["accepted_answer", "accepted_at", "accepted_by"], batch_size=200
        )
        Reaction.objects.bulk_create(reactions, batch_size=500)
        ThreadFollow.objects.bulk_create(follows, batch_size=500)
        Mention.objects.bulk_create(mentions, batch_size=500)
        HotlineCase.objects.bulk_create(hotline_cases, batch_size=200)
        self._cite(citations)
        for slug, missing in extra_members.items():
            if missing:
                rng = random.Random(f"{FAKER_SEED}:extra:{slug}")
                self._add_members(
                    self.networks[slug], [self.people.by_id[pk] for pk in missing], set(), rng
                )
        self.counts["reactions"] += len(reactions)
        self.counts["thread_follows"] += len(follows)
        self.counts["mentions"] += len(mentions)
        self.counts["hotline_cases"] += len(hotline_cases)
        self.counts["accepted_answers"] += len(accepted_threads)

    def _reactions(self, plan: dict, participants: dict[int, datetime]) -> list[Reaction]:
        thread, posts, rng = plan["thread"], plan["posts"], plan["rng"]
        if thread.network_id and not thread.network.is_open:
            audience = sorted(self.members[plan["spec"]["network"]] | set(participants))
        else:
            audience = sorted(participants) + [
                u.pk for u in rng.sample(self.people.pools["jobcenter"], 6)
            ]
            audience += [u.pk for u in rng.sample(self.people.pools["akasse"], 3)]
        reactions = []
        for post in posts:
            is_answer = post is thread.accepted_answer
            count = rng.randint(2, 6) if is_answer else rng.choice([0, 0, 0, 1, 1, 2, 3])
            readers = [pk for pk in audience if pk != post.author_id]
            for user_id in rng.sample(readers, k=min(count, len(readers))):
                kind = rng.choice([Reaction.Kind.THANKS, Reaction.Kind.USEFUL])
                if user_id == thread.author_id and not post.is_opening:
                    kind = Reaction.Kind.THANKS
                moment = post.created_at + timedelta(hours=rng.randint(1, 48))
                reactions.append(
                    Reaction(
                        post=post,
                        user_id=user_id,
                        kind=kind,
                        created_at=min(moment, self.now - timedelta(minutes=5)),
                    )
                )
        return reactions

    def _hotline_case(self, thread: Thread, replies: list[Post], rng) -> HotlineCase:
        deadline = response_deadline(thread.created_at)
        answer = next((p for p in replies if p.author_is_jurist), None)
        case = HotlineCase(
            thread=thread,
            requested_by=thread.author,
            requested_at=thread.created_at,
            deadline=deadline,
        )
        jurist = self.people.login("jurist@")
        self._notify(jurist, Notification.Kind.HOTLINE_NEW, thread.author, thread, None)
        if answer is not None:
            case.status = HotlineCase.Status.ANSWERED
            case.answered_at = answer.created_at
            case.answered_by = answer.author
            case.assigned_to = answer.author
            return case
        if deadline < self.now:
            case.assigned_to = jurist
            case.deadline_warned_at = deadline - timedelta(days=1)
            case.escalated_at = deadline + timedelta(minutes=5)
            self._notify(jurist, Notification.Kind.HOTLINE_OVERDUE, None, thread, None)
        elif rng.random() < 0.5:
            case.assigned_to = jurist
        return case

    def _cite(self, citations: list[tuple[Post, tuple[str, str]]]) -> None:
        references = self._law_references({ref for _post, ref in citations})
        Through = LawReference.cited_in_posts.through
        rows = {(references[ref].pk, post.pk) for post, ref in citations}
        Through.objects.bulk_create(
            [Through(lawreference_id=ref_id, post_id=post_id) for ref_id, post_id in sorted(rows)],
            batch_size=500,
            ignore_conflicts=True,
        )

    def _law_references(self, wanted) -> dict[tuple[str, str], LawReference]:
        references = {}
        for law, paragraph in sorted(wanted):
            reference, created = LawReference.objects.get_or_create(law=law, paragraph=paragraph)
            references[(law, paragraph)] = reference
            self.counts["law_references"] += created
        return references

    # Notifications ------------------------------------------------------------------------

    def _notify(self, recipient, kind, actor, thread, post, at=None) -> None:
        if recipient is None or (actor is not None and recipient.pk == actor.pk):
            return
        if not recipient.email.endswith(f"@{DEMO_DOMAIN}"):
            return  # only the demo logins have a bell anyone looks at
        network = thread.network
        if (
            network is not None
            and not network.is_open
            and recipient.pk not in self.members[network.slug]
        ):
            return
        at = at or (post.created_at if post is not None else thread.created_at)
        read = self.now - at > timedelta(days=10)
        self.notifications.append(
            Notification(
                recipient=recipient,
                kind=kind,
                actor=actor,
                thread=thread,
                post=post,
                created_at=at,
                read_at=at + timedelta(hours=3) if read else None,
            )
        )

    def _notify_thread(self, plan: dict) -> None:
        """What the bell of a demo login would have collected from this thread."""
        thread, posts = plan["thread"], plan["posts"]
        opener = thread.author
        # As the forum does: one notification per person and post, and a mention beats a reply.
        mentioned = {(id(post), user.pk) for post, user in plan["mentions"]}
        followers: dict[int, User] = {}
        for post in posts:
            if post is not posts[0]:
                for user in followers.values():
                    if (id(post), user.pk) in mentioned:
                        continue
                    if user.pk == opener.pk and thread.kind == Thread.Kind.QUESTION:
                        kind = Notification.Kind.ANSWER
                    else:
                        kind = Notification.Kind.REPLY
                    self._notify(user, kind, post.author, thread, post)
            followers.setdefault(post.author_id, post.author)
        if thread.accepted_answer is not None:
            self._notify(
                thread.accepted_answer.author,
                Notification.Kind.ANSWER_ACCEPTED,
                thread.accepted_by,
                thread,
                thread.accepted_answer,
                at=thread.accepted_at,
            )
        if thread.addressed_to is not None:
            self._notify(
                thread.addressed_to,
                Notification.Kind.QUESTION_FOR_YOU,
                opener,
                thread,
                posts[0],
            )

    def save_notifications(self) -> None:
        Notification.objects.bulk_create(self.notifications, batch_size=500)
        self.counts["notifications"] += len(self.notifications)

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
        """The review reminder the guides' daily task would have sent a demo login already."""
        today = timezone.localdate()
        notifications, stale = [], []
        for guide in guides:
            if guide.review_by >= today or not guide.owner.email.endswith(f"@{DEMO_DOMAIN}"):
                continue
            due = datetime.combine(guide.review_by, time(7, 0), tzinfo=self.tz)
            guide.stale_notified_at = due
            stale.append(guide)
            notifications.append(
                Notification(
                    recipient=guide.owner,
                    kind=Notification.Kind.GUIDE_REVIEW,
                    guide=guide,
                    created_at=due,
                )
            )
        Guide.objects.bulk_update(stale, ["stale_notified_at"])
        Notification.objects.bulk_create(notifications)
        self.counts["notifications"] += len(notifications)


@transaction.atomic
def debate_demo_load() -> dict[str, int]:
    """Load the demo debate (all or nothing); returns how many rows of each kind it created.

    Needs the demo's people (people.people_load). A second call creates nothing.
    """
    threads, guides = content.threads(), content.guides()
    validate_content(threads, guides)
    loader = _Loader()
    loader.load_networks()
    by_title = loader.load_threads(threads)
    loader.save_notifications()
    loader.load_guides(guides, by_title)
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
    # Bulk writes send no signals: the cached thread-list pages must be told.
    transaction.on_commit(list_cache.invalidate)
    return {key: loader.counts[key] for key in keys}

"""The demo's organisations, topics and people (data/people.yaml), and the demo logins.

Facts come from the seed documents (Jobcenter København, the partner unemployment funds, LO
Hovedstaden, the main topics of the 2017 simplification report); the people are invented with
Faker from a fixed seed, so every load gives the same 354 users the 2017 evaluation counted.
Loading is idempotent: rows are keyed on slugs and emails, and people that exist are left as
they are (a second run neither creates anything nor touches a password).
"""

import base64
import random
import time
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext as _
from faker import Faker

from portal.core.models import Centre, Organisation, OrganisationKind, Role, RoleGrant, Topic, User
from portal.core.services import topic_merge
from portal.core.text import spell_ascii
from portal.digests.services import email_preference_update

from . import content

DEMO_DOMAIN = "demo.samarbejdsportalen.dk"
DEMO_PASSWORD = "demo-portal-2026"
# Published on purpose (docs/demo.md): the demo's admins and coordinators share this TOTP key,
# so a visitor can add it to an authenticator app or ask `manage.py demo_totp` for the code.
DEMO_TOTP_SECRET = base64.b32encode(b"samarbejdsportalen26").decode("ascii")
FAKER_SEED = 2026
# The 2017 evaluation (seed 001) counted 354 registered users.
DEMO_USER_TOTAL = 354


@dataclass(frozen=True)
class OrganisationSpec:
    kind: str
    slug: str
    name: str
    headcount: int  # invented people besides the demo logins

    @property
    def email_domain(self) -> str:
        return f"{self.slug}.{DEMO_DOMAIN}"


JOBCENTER_SLUG = "jobcenter-kobenhavn"
OPERATOR_SLUG = "lo-hovedstaden"

_DATA = content.people()
# Jobcenter København takes whoever the other organisations leave of DEMO_USER_TOTAL.
ORGANISATIONS = [OrganisationSpec(**spec) for spec in _DATA["organisations"]]
# Seed 004 names the units of the Copenhagen employment administration mostly by abbreviation;
# data/people.yaml keeps to what the seeds say.
CENTRES = [(centre["slug"], centre["name"]) for centre in _DATA["centres"]]
# The eight main topics of seed 004, then the legislation areas the seeds name.
TOPICS = [(topic["slug"], topic["name"], topic["description"]) for topic in _DATA["topics"]]
MERGED_TOPICS: dict[str, str] = _DATA.get("merged_topics", {})
# Which topics people of each kind of organisation tend to know about.
EXPERTISE_BY_KIND = {
    OrganisationKind(kind): slugs for kind, slugs in _DATA["expertise_by_organisation_kind"].items()
}
TITLES = {
    **{
        (OrganisationKind(kind), Role(role)): titles
        for kind, by_role in _DATA["titles"]["by_organisation_kind"].items()
        for role, titles in by_role.items()
    },
    **{Role(role): titles for role, titles in _DATA["titles"]["by_role"].items()},
}
# How the invented people want their email (the demo logins keep the product's defaults).
INVENTED_PEOPLE_EMAIL = _DATA["invented_people_email"]
# Real people named in the seed documents; invented names must never coincide with them.
SEED_PEOPLE = frozenset(_DATA["seed_people"])


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    organisation_slug: str
    full_name: str
    title: str
    centre_slug: str | None = None
    # Roles held next to `role` (the operator admin is also the admin of their organisation).
    extra_roles: tuple[str, ...] = ()

    @property
    def roles(self) -> tuple[str, ...]:
        return (self.role, *self.extra_roles)

    @property
    def needs_mfa(self) -> bool:
        return any(role in settings.PORTAL_MFA_REQUIRED_ROLES for role in self.roles)


DEMO_LOGINS = [
    DemoLogin(
        email=f"{login['local_part']}@{DEMO_DOMAIN}",
        role=login["role"],
        organisation_slug=login["organisation"],
        full_name=login["full_name"],
        title=login["title"],
        centre_slug=login.get("centre"),
        extra_roles=tuple(login.get("extra_roles", ())),
    )
    for login in _DATA["logins"]
]


@dataclass
class _Person:
    email: str
    full_name: str
    title: str
    phone: str
    organisation: Organisation
    centre: Centre | None
    role: str
    expertise: list[str]
    joined: datetime


_PUNCTUATION = str.maketrans({" ": ".", "'": ""})


def _email_local_part(full_name: str) -> str:
    return spell_ascii(full_name.lower().translate(_PUNCTUATION))


def _roles_for(spec: OrganisationSpec, headcount: int, has_demo_admin: bool) -> list[str]:
    """Mostly caseworkers; one admin per organisation, a few editors, jurists, coordinators."""
    special: list[str] = [] if has_demo_admin else [Role.ADMIN]
    if spec.kind == OrganisationKind.OPERATOR:
        special += [Role.EDITOR] * 3 + [Role.JURIST] * 2
    elif spec.kind == OrganisationKind.JOBCENTER:
        special += [Role.COORDINATOR] * 3
    elif spec.kind == OrganisationKind.UFUND:
        # Every partner fund has a coordinator for the partnership (seed 004, input E-03).
        special += [Role.COORDINATOR]
    elif spec.kind == OrganisationKind.UNION and headcount >= 5:
        special += [Role.JURIST]
    return (special + [Role.CASEWORKER] * headcount)[:headcount]


def _invent_people(organisations: dict[str, Organisation], centres: list[Centre]) -> list[_Person]:
    """The invented staff: the same list on every call (fixed Faker and random seeds)."""
    fake = Faker("da_DK")
    fake.seed_instance(FAKER_SEED)
    rng = random.Random(FAKER_SEED)
    tz = ZoneInfo(settings.TIME_ZONE)
    first_joined, last_joined = datetime(2012, 3, 1, tzinfo=tz), datetime(2025, 12, 1, tzinfo=tz)
    demo_admin_orgs = {d.organisation_slug for d in DEMO_LOGINS if d.role == Role.ADMIN}
    others = sum(spec.headcount for spec in ORGANISATIONS)
    used_emails = {d.email for d in DEMO_LOGINS}
    people: list[_Person] = []
    for spec in ORGANISATIONS:
        headcount = spec.headcount
        if spec.slug == JOBCENTER_SLUG:
            headcount = DEMO_USER_TOTAL - len(DEMO_LOGINS) - others
        for role in _roles_for(spec, headcount, spec.slug in demo_admin_orgs):
            full_name = f"{fake.first_name()} {fake.last_name()}"
            while full_name.lower() in SEED_PEOPLE:
                full_name = f"{fake.first_name()} {fake.last_name()}"
            local = _email_local_part(full_name)
            email, n = f"{local}@{spec.email_domain}", 1
            while email in used_emails:
                n += 1
                email = f"{local}{n}@{spec.email_domain}"
            used_emails.add(email)
            titles = TITLES.get((spec.kind, role)) or TITLES.get(role) or ["Konsulent"]
            pool = EXPERTISE_BY_KIND[spec.kind]
            people.append(
                _Person(
                    email=email,
                    full_name=full_name,
                    title=rng.choice(titles),
                    phone=f"+45 {rng.randint(20, 99)} {fake.numerify('## ## ##')}",
                    organisation=organisations[spec.slug],
                    centre=rng.choice(centres) if spec.kind == OrganisationKind.JOBCENTER else None,
                    role=role,
                    expertise=rng.sample(pool, k=rng.randint(1, 3)),
                    joined=fake.date_time_between(
                        start_date=first_joined, end_date=last_joined, tzinfo=tz
                    ),
                )
            )
    return people


def _load_organisations(counts: dict[str, int]) -> tuple[dict[str, Organisation], list[Centre]]:
    organisations, created_orgs = {}, 0
    for spec in ORGANISATIONS:
        organisation, created = Organisation.objects.update_or_create(
            slug=spec.slug,
            defaults={"kind": spec.kind, "name": spec.name, "email_domains": spec.email_domain},
        )
        organisations[spec.slug] = organisation
        created_orgs += created
    jobcenter = organisations[JOBCENTER_SLUG]
    centres, created_centres = [], 0
    for slug, name in CENTRES:
        centre, created = Centre.objects.update_or_create(
            organisation=jobcenter, slug=slug, defaults={"name": name}
        )
        centres.append(centre)
        created_centres += created
    counts.update(organisations=created_orgs, centres=created_centres)
    return organisations, centres


def _load_topics(counts: dict[str, int]) -> dict[str, Topic]:
    topics, created_topics = {}, 0
    for slug, name, description in TOPICS:
        topic, created = Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        topics[slug] = topic
        created_topics += created
    for old_slug, kept_slug in MERGED_TOPICS.items():
        merged = Topic.objects.filter(slug=old_slug).first()
        if merged is not None:
            topic_merge(kept=topics[kept_slug], merged=merged)
    counts["topics"] = created_topics
    return topics


def _load_people(
    organisations: dict[str, Organisation], centres: list[Centre], topics: dict[str, Topic]
) -> int:
    """Bulk-insert the invented people that are missing; existing ones are left untouched."""
    people = _invent_people(organisations, centres)
    existing = set(
        User.objects.filter(email__in=[p.email for p in people]).values_list("email", flat=True)
    )
    missing = [p for p in people if p.email not in existing]
    if not missing:
        return 0
    users = []
    for person in missing:
        user = User(
            email=person.email,
            full_name=person.full_name,
            title=person.title,
            phone=person.phone,
            organisation=person.organisation,
            centre=person.centre,
            date_joined=person.joined,
            approved_at=person.joined,
            password=make_password(None),
        )
        users.append(user)
    User.objects.bulk_create(users, batch_size=500)
    ids = dict(User.objects.filter(email__in=[p.email for p in missing]).values_list("email", "id"))
    RoleGrant.objects.bulk_create(
        [RoleGrant(user_id=ids[p.email], role=p.role) for p in missing], batch_size=500
    )
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=ids[p.email], email=p.email, verified=True, primary=True)
            for p in missing
        ],
        batch_size=500,
    )
    Expertise = User.expertise.through
    Expertise.objects.bulk_create(
        [
            Expertise(user_id=ids[p.email], topic_id=topics[slug].pk)
            for p in missing
            for slug in p.expertise
        ],
        batch_size=500,
    )
    # Set before anything is written in the debate: the conversations then notify them as the
    # product does, and the notification email round leaves them to the bell and the digest.
    for user in User.objects.filter(email__in=[p.email for p in missing]).order_by("pk"):
        email_preference_update(
            user=user,
            digest_frequency=INVENTED_PEOPLE_EMAIL["digest_frequency"],
            newsletter=INVENTED_PEOPLE_EMAIL["newsletter"],
            notifications=INVENTED_PEOPLE_EMAIL["notifications"],
            notification_kinds_off=[],
        )
    return len(missing)


def _load_demo_logins(organisations: dict[str, Organisation], topics: dict[str, Topic]) -> int:
    """The known logins; the password and the TOTP key are set only when the login is new."""
    created_count = 0
    # The seven logins share one published password: hashed once (the hasher's work factor is
    # what makes a hash slow, a quarter of a second each), one salt for a password in the README.
    password_hash = None
    centres = {c.slug: c for c in Centre.objects.filter(organisation__slug=JOBCENTER_SLUG)}
    for login in DEMO_LOGINS:
        organisation = organisations[login.organisation_slug]
        user, created = User.objects.get_or_create(
            email=login.email,
            defaults={
                "full_name": login.full_name,
                "title": login.title,
                "organisation": organisation,
                "centre": centres.get(login.centre_slug),
                "approved_at": timezone.now(),
            },
        )
        if created:
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user.password = password_hash
            user.save(update_fields=["password"])
            user.expertise.set([topics[s] for s in EXPERTISE_BY_KIND[organisation.kind][:2]])
            created_count += 1
        for role in login.roles:
            RoleGrant.objects.get_or_create(user=user, role=role)
        EmailAddress.objects.update_or_create(
            user=user, email=login.email, defaults={"verified": True, "primary": True}
        )
        if (
            login.needs_mfa
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(user)
    return created_count


def require_demo_mode() -> None:
    if not settings.DEMO:
        raise ImproperlyConfigured(
            _("Demo data and demo codes exist only in demo mode (set PORTAL_DEMO=1).")
        )


def people_load() -> dict[str, int]:
    """Organisations, centres, topics, invented people and demo logins; what it created."""
    counts: dict[str, int] = {}
    organisations, centres = _load_organisations(counts)
    topics = _load_topics(counts)
    counts["users"] = _load_people(organisations, centres, topics)
    counts["users"] += _load_demo_logins(organisations, topics)
    return counts


def demo_totp_code(*, email: str, at: float | None = None) -> str:
    """The current TOTP code of a demo login, computed exactly as allauth verifies it.

    Raises ImproperlyConfigured outside demo mode and LookupError for anyone who is not a demo
    login with a TOTP authenticator.
    """
    require_demo_mode()
    email = email.strip().lower()
    login = next((login for login in DEMO_LOGINS if login.email == email), None)
    if login is None:
        raise LookupError(_("%(email)s is not one of the demo logins.") % {"email": email})
    if not login.needs_mfa:
        raise LookupError(
            _("%(email)s signs in with the password alone; there is no code.") % {"email": email}
        )
    authenticator = Authenticator.objects.filter(
        user__email=email, type=Authenticator.Type.TOTP
    ).first()
    if authenticator is None:
        raise LookupError(
            _("%(email)s has no authenticator; run load_demo first.") % {"email": email}
        )
    secret = decrypt(authenticator.data["secret"])
    counter = int(time.time() if at is None else at) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))

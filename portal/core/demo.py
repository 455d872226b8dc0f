"""Demo data: the organisations, topics and people of the seed documents, and the demo logins.

Facts come from the seed documents (Jobcenter København, the partner unemployment funds, LO
Hovedstaden, the main topics of the 2017 simplification report); the people are invented with
Faker from a fixed seed, so every load gives the same 354 users the 2017 evaluation counted.
Loading is idempotent: rows are keyed on slugs and emails, and people that exist are left as
they are (a second run neither creates anything nor touches a password).
"""

import base64
import random
import time
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from faker import Faker

from .models import Centre, Organisation, OrganisationKind, Role, RoleGrant, Topic, User
from .text import spell_ascii

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

# Jobcenter København takes whoever the other organisations leave of DEMO_USER_TOTAL.
ORGANISATIONS = [
    OrganisationSpec(OrganisationKind.JOBCENTER, JOBCENTER_SLUG, "Jobcenter København", 0),
    OrganisationSpec(OrganisationKind.OPERATOR, OPERATOR_SLUG, "LO Hovedstaden", 6),
    # Seed 002 names the first four partner funds; seed 004 adds Akademikernes and FTF's funds.
    # Seed 003 counts 14 partner funds without naming them: the Capital Region's other LO funds
    # stand in for the rest.
    OrganisationSpec(OrganisationKind.UFUND, "3f-akasse", "3F A-kasse", 22),
    OrganisationSpec(OrganisationKind.UFUND, "foa-akasse", "FOA A-kasse", 16),
    OrganisationSpec(OrganisationKind.UFUND, "tib-akasse", "TIB A-kasse", 8),
    OrganisationSpec(OrganisationKind.UFUND, "metal-akasse", "Metal Hovedstadens A-kasse", 12),
    OrganisationSpec(OrganisationKind.UFUND, "hk-akasse", "HK A-kasse", 14),
    OrganisationSpec(
        OrganisationKind.UFUND, "serviceforbundet-akasse", "Serviceforbundets A-kasse", 6
    ),
    OrganisationSpec(OrganisationKind.UFUND, "nnf-akasse", "Fødevareforbundet NNF's A-kasse", 6),
    OrganisationSpec(OrganisationKind.UFUND, "maler-akasse", "Malerforbundets A-kasse", 5),
    OrganisationSpec(OrganisationKind.UFUND, "blik-og-roer-akasse", "Blik og Rørs A-kasse", 5),
    OrganisationSpec(OrganisationKind.UFUND, "el-akasse", "Dansk El-Forbunds A-kasse", 6),
    OrganisationSpec(OrganisationKind.UFUND, "sl-akasse", "Socialpædagogernes A-kasse", 6),
    OrganisationSpec(OrganisationKind.UFUND, "akademikernes-akasse", "Akademikernes A-kasse", 8),
    OrganisationSpec(OrganisationKind.UFUND, "ftf-akasse", "FTF A-kasse", 8),
    OrganisationSpec(OrganisationKind.UNION, "3f", "3F – Fagligt Fælles Forbund", 8),
    OrganisationSpec(OrganisationKind.UNION, "foa", "FOA – Fag og Arbejde", 6),
    OrganisationSpec(OrganisationKind.UNION, "tib", "Træ-Industri-Byg (TIB)", 3),
    OrganisationSpec(OrganisationKind.UNION, "dansk-metal", "Dansk Metal", 5),
    OrganisationSpec(OrganisationKind.UNION, "hk", "HK Hovedstaden", 6),
    OrganisationSpec(OrganisationKind.UNION, "serviceforbundet", "Serviceforbundet", 3),
    OrganisationSpec(OrganisationKind.UNION, "nnf", "Fødevareforbundet NNF", 3),
    OrganisationSpec(OrganisationKind.UNION, "malerforbundet", "Malerforbundet", 3),
    OrganisationSpec(OrganisationKind.UNION, "blik-og-roer", "Blik- og Rørarbejderforbundet", 3),
    OrganisationSpec(OrganisationKind.UNION, "dansk-el-forbund", "Dansk El-Forbund", 3),
    OrganisationSpec(OrganisationKind.UNION, "socialpaedagogerne", "Socialpædagogerne", 3),
    OrganisationSpec(
        OrganisationKind.UNION, "dansk-socialraadgiverforening", "Dansk Socialrådgiverforening", 5
    ),
]

# Seed 004 names the units of the Copenhagen employment administration mostly by abbreviation
# (JKU, JKA, JKI and AMC are jobcentres; CKB, CBSI/ICI and CAB employment centres); only
# Arbejdsmarkedscentret, Ydelsesservice (seed 004) and Center for Driftsunderstøttelse (seed 003)
# are spelt out. The names below keep to what the seeds say.
CENTRES = [
    ("jku", "Jobcenter JKU"),
    ("jka", "Jobcenter JKA"),
    ("jki", "Jobcenter JKI"),
    ("amc", "Arbejdsmarkedscentret (AMC)"),
    ("ckb", "Beskæftigelsescenter CKB"),
    ("cbsi-ici", "Beskæftigelsescenter CBSI/ICI"),
    ("cab", "Beskæftigelsescenter CAB"),
    ("yds", "Ydelsesservice (YDS)"),
    ("driftsunderstoettelse", "Center for Driftsunderstøttelse"),
]

# The eight main topics of seed 004, then the legislation areas the seeds name.
TOPICS = [
    (
        "rehabilitering-og-ressourceforloeb",
        "Rehabiliteringsteam, ressourceforløb, jobafklaringsforløb m.v.",
        "Rehabiliteringsteamets arbejde, ressourceforløb og jobafklaringsforløb.",
    ),
    (
        "sygedagpengeomraadet-og-fleksjob",
        "Sygedagpengeområdet, lægeattester, fleksjobområdet m.v.",
        "Opfølgning på sygemeldte, lægeattester, forlængelser og fleksjobbevillinger.",
    ),
    (
        "unge-og-uddannelse",
        "Unge og uddannelse",
        "Uddannelseshjælp, uddannelsespålæg og overgangen fra ledighed til uddannelse.",
    ),
    (
        "kontaktforloeb-og-jobformidling",
        "Kontaktforløb, jobformidling, beskæftigelsesindsats m.v.",
        "Jobsamtaler, kontaktforløb og jobformidling, også i a-kassernes partnerskab.",
    ),
    (
        "oekonomi-og-ydelser",
        "Økonomi og ydelser",
        "Udbetaling af ydelser, partshøring, sanktioner og ydelsesskift.",
    ),
    (
        "digitalisering-og-it",
        "Digitalisering og IT",
        "Fagsystemer, Jobnet, Min Plan, blanketter og dobbeltregistrering.",
    ),
    (
        "tvaergaaende-emner",
        "Tværgående og generelle emner",
        "Arbejdsgange og regler, der går på tværs af målgrupper og centre.",
    ),
    (
        "virksomhedsrettet-indsats",
        "Den virksomhedsrettede indsats",
        "Virksomhedspraktik, løntilskud, jobordrer og samarbejdet med arbejdsgivere.",
    ),
    ("sygedagpenge", "Sygedagpenge", "Sygedagpengeloven og opfølgningen på sygemeldte."),
    (
        "fleksjob-og-foertidspension",
        "Fleksjob og førtidspension",
        "Reformen af førtidspension og fleksjob, ressourceforløb og fleksjobvisitation.",
    ),
    (
        "kontanthjaelp",
        "Kontanthjælp",
        "Kontanthjælpsreformen, jobparate og aktivitetsparate modtagere.",
    ),
    (
        "beskaeftigelsesreformen",
        "Beskæftigelsesreformen",
        "Beskæftigelsesreformen og den nye kontaktforløbsmodel for forsikrede ledige.",
    ),
    ("dagpenge", "Dagpenge", "Dagpengeregler, rådighed og a-kassernes rolle over for ledige."),
    (
        "lov-om-en-aktiv-beskaeftigelsesindsats",
        "Lov om en aktiv beskæftigelsesindsats",
        "Samtaler, tilbud og rettigheder og pligter efter LAB-loven.",
    ),
]

# Which topics people of each kind of organisation tend to know about.
EXPERTISE_BY_KIND = {
    OrganisationKind.JOBCENTER: [
        "rehabilitering-og-ressourceforloeb",
        "sygedagpengeomraadet-og-fleksjob",
        "unge-og-uddannelse",
        "kontaktforloeb-og-jobformidling",
        "virksomhedsrettet-indsats",
        "sygedagpenge",
        "fleksjob-og-foertidspension",
        "kontanthjaelp",
        "lov-om-en-aktiv-beskaeftigelsesindsats",
        "digitalisering-og-it",
    ],
    OrganisationKind.UFUND: [
        "kontaktforloeb-og-jobformidling",
        "dagpenge",
        "beskaeftigelsesreformen",
        "oekonomi-og-ydelser",
        "lov-om-en-aktiv-beskaeftigelsesindsats",
        "digitalisering-og-it",
    ],
    OrganisationKind.UNION: [
        "sygedagpenge",
        "fleksjob-og-foertidspension",
        "dagpenge",
        "kontanthjaelp",
        "sygedagpengeomraadet-og-fleksjob",
        "rehabilitering-og-ressourceforloeb",
        "tvaergaaende-emner",
    ],
    OrganisationKind.OPERATOR: [
        "tvaergaaende-emner",
        "beskaeftigelsesreformen",
        "dagpenge",
        "sygedagpenge",
        "kontanthjaelp",
    ],
}

TITLES = {
    (OrganisationKind.JOBCENTER, Role.CASEWORKER): [
        "Sagsbehandler",
        "Jobkonsulent",
        "Socialrådgiver",
        "Virksomhedskonsulent",
        "Rehabiliteringskonsulent",
    ],
    (OrganisationKind.UFUND, Role.CASEWORKER): ["Sagsbehandler", "A-kasserådgiver", "Jobkonsulent"],
    (OrganisationKind.UNION, Role.CASEWORKER): [
        "Socialrådgiver",
        "Faglig konsulent",
        "Faglig sekretær",
    ],
    (OrganisationKind.OPERATOR, Role.CASEWORKER): ["Konsulent"],
    Role.EDITOR: ["Redaktør", "Kommunikationsmedarbejder"],
    Role.JURIST: ["Jurist", "Juridisk konsulent"],
    Role.COORDINATOR: ["Koordinator", "Partnerskabskoordinator"],
    Role.ADMIN: ["Teamleder", "Administrativ koordinator"],
}

# Real people named in the seed documents; invented names must never coincide with them.
SEED_PEOPLE = frozenset(
    {
        "jesper demian korsgaard",
        "jesper korsgaard",
        "claus h. mathiesen",
        "claus mathiesen",
        "morten binder",
        "kaj ove christiansen",
        "kaj christiansen",
        "jacob zeberg eberholst",
        "jacob eberholst",
        "michael baunsgaard",
    }
)


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


def _login(
    local_part: str,
    role: str,
    organisation_slug: str,
    full_name: str,
    title: str,
    centre_slug: str | None = None,
    extra_roles: tuple[str, ...] = (),
) -> DemoLogin:
    return DemoLogin(
        f"{local_part}@{DEMO_DOMAIN}",
        role,
        organisation_slug,
        full_name,
        title,
        centre_slug,
        extra_roles,
    )


DEMO_LOGINS = [
    _login(
        "sagsbehandler",
        Role.CASEWORKER,
        JOBCENTER_SLUG,
        "Sanne Sagsbehandler (demo)",
        "Sagsbehandler",
        "jka",
    ),
    _login("redaktoer", Role.EDITOR, OPERATOR_SLUG, "Rikke Redaktør (demo)", "Redaktør"),
    _login("jurist", Role.JURIST, OPERATOR_SLUG, "Jonas Jurist (demo)", "Jurist"),
    _login(
        "koordinator",
        Role.COORDINATOR,
        JOBCENTER_SLUG,
        "Karen Koordinator (demo)",
        "Partnerskabskoordinator",
        "driftsunderstoettelse",
    ),
    _login(
        "admin",
        Role.ADMIN,
        OPERATOR_SLUG,
        "Anders Administrator (demo)",
        "Portaladministrator",
        extra_roles=(Role.OPERATOR_ADMIN,),
    ),
    _login(
        "akasse-admin", Role.ADMIN, "3f-akasse", "Aase A-kasseadministrator (demo)", "Teamleder"
    ),
    _login(
        "akasse", Role.CASEWORKER, "3f-akasse", "Asger A-kassemedarbejder (demo)", "A-kasserådgiver"
    ),
]


@dataclass
class LoadSummary:
    """What a load created, per kind of row, next to what there is in all."""

    created: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)


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


def _load_organisations(summary: LoadSummary) -> tuple[dict[str, Organisation], list[Centre]]:
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
    summary.created.update(organisations=created_orgs, centres=created_centres)
    return organisations, centres


def _load_topics(summary: LoadSummary) -> dict[str, Topic]:
    topics, created_topics = {}, 0
    for slug, name, description in TOPICS:
        topic, created = Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        topics[slug] = topic
        created_topics += created
    summary.created["topics"] = created_topics
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
    return len(missing)


def _load_demo_logins(organisations: dict[str, Organisation], topics: dict[str, Topic]) -> int:
    """The known logins; the password and the TOTP key are set only when the login is new."""
    created_count = 0
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
            user.set_password(DEMO_PASSWORD)
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


def _require_demo_mode() -> None:
    if not settings.DEMO:
        raise ImproperlyConfigured(
            _("Demo data and demo codes exist only in demo mode (set PORTAL_DEMO=1).")
        )


@transaction.atomic
def demo_load() -> LoadSummary:
    """Load the demo data (all or nothing). Refuses outside demo mode: it creates known logins."""
    _require_demo_mode()
    summary = LoadSummary()
    organisations, centres = _load_organisations(summary)
    topics = _load_topics(summary)
    summary.created["users"] = _load_people(organisations, centres, topics)
    summary.created["users"] += _load_demo_logins(organisations, topics)
    # The debate builds on the people above; imported here because forum depends on core.
    from portal.forum.demo_loader import debate_demo_load

    summary.created.update(debate_demo_load())
    from portal.newsletters.demo_loader import email_demo_load

    summary.created.update(email_demo_load())
    from portal.events.demo_loader import events_demo_load

    summary.created.update(events_demo_load())
    # Bulk loads send no signals: build the search index over everything once, at the end.
    from portal.search.indexing import index_rebuild

    index_rebuild()
    summary.total.update(
        organisations=Organisation.objects.count(),
        centres=Centre.objects.count(),
        topics=Topic.objects.count(),
        users=User.objects.count(),
        threads=apps.get_model("forum", "Thread").objects.count(),
        posts=apps.get_model("forum", "Post").objects.count(),
        guides=apps.get_model("guides", "Guide").objects.count(),
    )
    return summary


def demo_totp_code(*, email: str, at: float | None = None) -> str:
    """The current TOTP code of a demo login, computed exactly as allauth verifies it.

    Raises ImproperlyConfigured outside demo mode and LookupError for anyone who is not a demo
    login with a TOTP authenticator.
    """
    _require_demo_mode()
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

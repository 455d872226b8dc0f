"""Every role × every protected page and endpoint → the expected answer (decision 0012).

The table below is the specification: one row per page or endpoint, one column per role. A
refusal must also change nothing, so every request is followed by a look at the rows a request
could write (roles, invitations, network memberships, the event, newsletters, check-ins).

The people, the event, the network and the newsletter are made once for the module (rolled
back at its end); each request runs in its own transaction on top.
"""

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from portal.accounts.models import Invitation
from portal.api.services import api_token_create
from portal.conftest import make_user
from portal.core.models import Organisation, OrganisationKind, RoleGrant
from portal.core.tests.factories import OrganisationFactory
from portal.events.models import Event, Registration
from portal.events.tests.factories import EventFactory, RegistrationFactory, days_ahead
from portal.forum.models import NetworkMembership
from portal.forum.tests.factories import NetworkFactory, add_member, make_reply, make_thread
from portal.guides.models import LawReference
from portal.newsletters.models import Newsletter, NewsletterItem
from portal.register.models import Endorsement, ItemComment, Office, RegisterItem
from portal.sso.models import IdentityProvider
from portal.sso.services import identity_provider_add_saml
from portal.sso.tests.saml_idp import metadata_xml

NOTE = "Glutenfri-og-trinfri-adgang"
PRIVATE_NETWORK = "jurister"

# The columns: who asks.
ROLES = [
    "anonymous",
    "caseworker",
    "coordinator",
    "org_admin",
    "other_org_admin",
    "editor",
    "jurist",
    "operator_admin",
    "organiser",
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        operator = OrganisationFactory(
            slug="lo-hovedstaden", name="LO Hovedstaden", kind=OrganisationKind.OPERATOR
        )
        fund = OrganisationFactory(slug="3f-akasse", name="3F A-kasse")
        other_fund = OrganisationFactory(slug="foa", name="FOA A-kasse")
        people = {
            "caseworker": make_user(organisation=fund, email="sb@3f.example.dk"),
            "coordinator": make_user(
                organisation=fund, roles=["coordinator"], email="ko@3f.example.dk", mfa=True
            ),
            "org_admin": make_user(
                organisation=fund, roles=["admin"], email="admin@3f.example.dk", mfa=True
            ),
            "other_org_admin": make_user(
                organisation=other_fund, roles=["admin"], email="admin@foa.example.dk", mfa=True
            ),
            "editor": make_user(organisation=operator, roles=["editor"], email="red@lo.example.dk"),
            "jurist": make_user(organisation=operator, roles=["jurist"], email="jur@lo.example.dk"),
            "operator_admin": make_user(
                organisation=operator,
                roles=["admin", "operator_admin"],
                email="admin@lo.example.dk",
                mfa=True,
            ),
            "organiser": make_user(organisation=fund, email="arr@3f.example.dk"),
        }
        member = make_user(organisation=fund, email="medlem@3f.example.dk")
        # The jurists' network by invitation, run by a jurist who is not one of the columns.
        moderator = make_user(organisation=operator, roles=["jurist"], email="mod@lo.example.dk")
        network = NetworkFactory(name="Juristernes netværk", slug=PRIVATE_NETWORK, is_open=False)
        add_member(network, moderator, role=NetworkMembership.Role.MODERATOR)
        network_thread = make_thread(author=moderator, network=network, title="Kun for jurister")
        network_reply = make_reply(author=moderator, thread=network_thread)
        event = EventFactory(organisers=[people["organiser"]], starts_at=days_ahead(30))
        registration = RegistrationFactory(event=event, user=member, dietary_note=NOTE)
        newsletter = Newsletter.objects.create(
            subject="Nyhedsbrev", period_start=timezone.localdate(), period_end=timezone.localdate()
        )
        NewsletterItem.objects.create(
            newsletter=newsletter, kind=NewsletterItem.Kind.LINK, url="https://x.dk", title="Link"
        )
        # The register: one office (nobody of the table in it; no jobcenter, so no one triages)
        # and one item given to it.
        office = Office.objects.create(name="1. kontor", slug="1-kontor")
        register_item = RegisterItem.objects.create(
            title="Dobbelt dokumentation",
            problem="To steder.",
            status="triaged",
            section=2,
            responsible_office=office,
        )
        tokens = {
            role: api_token_create(user=user, name="Tabel")[1] for role, user in people.items()
        }
        # The fund signs its people in through its own identity provider (added by a script).
        identity_provider = identity_provider_add_saml(
            organisation=fund, by=None, metadata_xml=metadata_xml()
        )
        yield {
            "people": people,
            "fund": fund,
            "member": member,
            "moderator": moderator,
            "network": network,
            "network_reply": network_reply,
            "event": event,
            "registration": registration,
            "newsletter": newsletter,
            "tokens": tokens,
            "office": office,
            "register_item": register_item,
            "identity_provider": identity_provider,
        }
        transaction.set_rollback(True)


def _own_member_page(w, role):
    """The asker's own page in their own organisation's people administration."""
    person = w["people"].get(role)
    if person is None:
        return reverse("accounts:member_detail", args=[w["fund"].slug, w["member"].pk])
    return reverse("accounts:member_detail", args=[person.organisation.slug, person.pk])


def _event(name):
    return lambda w, role: reverse(f"events:{name}", args=[w["event"].pk])


def _newsletter(name):
    return lambda w, role: reverse(f"newsletters:{name}", args=[w["newsletter"].pk])


def _identity_provider(name):
    return lambda w, role: reverse(f"sso:{name}", args=[w["fund"].slug, w["identity_provider"].pk])


def _member_page(w, role):
    return reverse("accounts:member_detail", args=[w["fund"].slug, w["member"].pk])


PORTAL_ROLES_POST = {"roles": ["caseworker", "editor", "jurist"]}
ORGANISATION_ROLES_POST = {"roles": ["caseworker", "coordinator"]}
EVENT_IN = {
    "kind": "theme_meeting",
    "title": "Temamøde",
    "starts_at": days_ahead(40).isoformat(),
    "ends_at": days_ahead(40, hour=12).isoformat(),
}

# Shorthands for a row's columns.
ANON, REFUSED, SHOWN = 302, 403, 200


def row(default, anonymous=ANON, **by_role):
    return {"anonymous": anonymous, **{r: default for r in ROLES[1:]}, **by_role}


# (name, method, url, data, expected answer per role, roles whose request may change things).
# "notes" as an answer: 200 with the participants' dietary and accessibility notes on the page;
# "private network": 200 with a list that names the jurists' network by invitation.
TABLE = [
    # --- People and roles ------------------------------------------------------------------
    (
        "people list",
        "get",
        lambda w, role: reverse("accounts:people_list", args=[w["fund"].slug]),
        None,
        row(REFUSED, org_admin=200, operator_admin=200),
        set(),
    ),
    (
        "grant portal roles to a member",
        "post",
        _member_page,
        PORTAL_ROLES_POST,
        # The fund's admin gets the form back with an error (portal roles are not offered).
        row(REFUSED, org_admin=200, operator_admin=302),
        {"operator_admin"},
    ),
    (
        "grant organisation roles to a member",
        "post",
        _member_page,
        ORGANISATION_ROLES_POST,
        row(REFUSED, org_admin=302, operator_admin=302),
        {"org_admin", "operator_admin"},
    ),
    (
        "grant oneself admin, editor and jurist",
        "post",
        _own_member_page,
        {"roles": ["admin", "editor", "jurist"]},
        row(REFUSED),
        set(),
    ),
    (
        "invite with a portal role",
        "post",
        lambda w, role: reverse("accounts:invitation_create", args=[w["fund"].slug]),
        {"email": "ny@3f.example.dk", "roles": ["caseworker", "editor"]},
        row(REFUSED, org_admin=200, operator_admin=302),
        {"operator_admin"},
    ),
    (
        "audit log",
        "get",
        lambda w, role: reverse("accounts:administration"),
        None,
        row(REFUSED, org_admin=200, other_org_admin=200, operator_admin=200),
        set(),
    ),
    # --- Networks and the hotline ----------------------------------------------------------
    (
        "join a network by invitation",
        "post",
        lambda w, role: reverse("forum:network_join", args=[w["network"].slug]),
        None,
        row(302),  # back to the network with "by invitation only"; nobody becomes a member
        set(),
    ),
    (
        "a link to a post in a network by invitation",
        "get",
        lambda w, role: reverse("forum:post_detail", args=[w["network_reply"].pk]),
        None,
        row(404),  # nobody of the table is a member: the link does not even tell where it leads
        set(),
    ),
    (
        "add oneself to a network by invitation",
        "post",
        lambda w, role: reverse("forum:network_member_add", args=[w["network"].slug]),
        "self-email",
        row(REFUSED),
        set(),
    ),
    (
        "open up a network by invitation",
        "post",
        lambda w, role: reverse("forum:network_update", args=[w["network"].slug]),
        {"name": "Åbent netværk", "description": "", "is_open": "on"},
        row(REFUSED),
        set(),
    ),
    (
        "hotline work list",
        "get",
        lambda w, role: reverse("hotline:work_list"),
        None,
        row(REFUSED, jurist=200),
        set(),
    ),
    # --- Guides: the laws page is for everyone; editors and jurists mark a law as changed ---
    (
        "laws page",
        "get",
        lambda w, role: reverse("guides:law_list"),
        None,
        row(200),
        set(),
    ),
    (
        "mark a law as changed",
        "post",
        lambda w, role: reverse("guides:law_list"),
        {"reference": "LAB § 16", "note": "Ny frist"},
        row(REFUSED, editor=302, jurist=302),
        {"editor", "jurist"},
    ),
    # --- Newsletters -----------------------------------------------------------------------
    (
        "newsletter desk",
        "get",
        lambda w, role: reverse("newsletters:editor_list"),
        None,
        row(REFUSED, editor=200),
        set(),
    ),
    (
        "newsletter draft",
        "get",
        lambda w, role: reverse("newsletters:newsletter_create"),
        None,
        row(REFUSED, editor=200),
        set(),
    ),
    (
        "newsletter edit",
        "get",
        _newsletter("newsletter_edit"),
        None,
        row(REFUSED, editor=200),
        set(),
    ),
    (
        "newsletter send",
        "post",
        _newsletter("newsletter_send"),
        None,
        row(REFUSED, editor=302),
        {"editor"},
    ),
    # --- Events ----------------------------------------------------------------------------
    (
        "event edit",
        "get",
        _event("event_update"),
        None,
        row(REFUSED, editor=200, organiser=200),
        set(),
    ),
    (
        "event cancel",
        "post",
        _event("event_cancel"),
        {"reason": "Sygdom"},
        row(REFUSED, editor=302, organiser=302),
        {"editor", "organiser"},
    ),
    (
        "event copy",
        "get",
        _event("event_copy"),
        None,
        row(REFUSED, editor=200),
        set(),
    ),
    (
        "participant list and notes",
        "get",
        _event("participant_list"),
        None,
        row(REFUSED, editor=SHOWN, organiser="notes"),
        set(),
    ),
    (
        "participant row after check-in (htmx)",
        "post",
        lambda w, role: reverse("events:check_in", args=[w["event"].pk, w["registration"].pk]),
        "htmx",
        # Before the event's day check-in is refused in the row, which is shown again.
        row(REFUSED, editor=SHOWN, organiser="notes"),
        set(),
    ),
    (
        "attendance list PDF",
        "get",
        _event("attendance_pdf"),
        None,
        row(REFUSED, editor=200, organiser=200),
        set(),
    ),
    (
        "name badges PDF",
        "get",
        _event("badges_pdf"),
        None,
        row(REFUSED, editor=200, organiser=200),
        set(),
    ),
    (
        "feedback results",
        "get",
        _event("feedback_results"),
        None,
        row(REFUSED, editor=200, organiser=200),
        set(),
    ),
    (
        "event create",
        "get",
        lambda w, role: reverse("events:event_create"),
        None,
        row(REFUSED, editor=200),
        set(),
    ),
    # --- The outbox (demo mode) ------------------------------------------------------------
    (
        "outbox",
        "get",
        lambda w, role: reverse("core:outbox_list"),
        None,
        row(REFUSED, operator_admin=200),
        set(),
    ),
    # --- The operator's outgoing mail (failed and waiting messages) ---------------------------
    (
        "outgoing mail",
        "get",
        lambda w, role: reverse("core:mail_list"),
        None,
        row(REFUSED, operator_admin=200),
        set(),
    ),
    # --- Who read person-level data ----------------------------------------------------------
    (
        "access log",
        "get",
        lambda w, role: reverse("core:access_log"),
        None,
        row(REFUSED, operator_admin=200),
        set(),
    ),
    (
        "access log export",
        "get",
        lambda w, role: reverse("core:access_log_export"),
        None,
        row(REFUSED, operator_admin=200),
        set(),
    ),
    # --- The partnership: a fund's own people and those who follow every fund; others 404 -
    (
        "partnership overview of every fund",
        "get",
        lambda w, role: reverse("partnership:overview"),
        None,
        # A fund's people are sent on to their own fund's dashboard.
        row(302, editor=404, jurist=404, operator_admin=200),
        set(),
    ),
    (
        "partnership dashboard of a fund",
        "get",
        lambda w, role: reverse("partnership:dashboard", args=[w["fund"].slug]),
        None,
        row(200, other_org_admin=404, editor=404, jurist=404),
        set(),
    ),
    (
        "partnership deadline work list of a fund",
        "get",
        lambda w, role: reverse("partnership:work_list", args=[w["fund"].slug])
        + "?formaal=samtaler",
        None,
        row(200, other_org_admin=404, editor=404, jurist=404),
        set(),
    ),
    (
        "partnership monthly report of a fund (PDF)",
        "get",
        lambda w, role: reverse(
            "partnership:fund_report",
            kwargs={"slug": w["fund"].slug, "year": "2026", "month": "10", "fmt": "pdf"},
        ),
        None,
        row(200, other_org_admin=404, editor=404, jurist=404),
        set(),
    ),
    (
        "partnership monthly report of every fund (XLSX)",
        "get",
        lambda w, role: reverse(
            "partnership:all_funds_report", kwargs={"year": "2026", "month": "10", "fmt": "xlsx"}
        ),
        None,
        row(404, operator_admin=200),
        set(),
    ),
    (
        "partnership import page",
        "get",
        lambda w, role: reverse("partnership:import_page"),
        None,
        # A fund's coordinators and admins import for their own fund; the operator runs the
        # portal but does not keep the partnership's data.
        row(404, coordinator=200, org_admin=200, other_org_admin=200),
        set(),
    ),
    (
        "partnership agreement of a fund",
        "get",
        lambda w, role: reverse(
            "partnership:agreement", kwargs={"slug": w["fund"].slug, "year": "2026"}
        ),
        None,
        row(200, other_org_admin=404, editor=404, jurist=404),
        set(),
    ),
    (
        "partnership agreement, edit",
        "post",
        lambda w, role: reverse(
            "partnership:agreement_edit", kwargs={"slug": w["fund"].slug, "year": "2026"}
        ),
        {"timeliness_target": "80", "budget_frame_dkk": "1", "tolerance_days": "1"},
        # The jobcenter's coordinators keep the agreements (none of them in this table).
        row(404),
        set(),
    ),
    (
        "partnership interview rule sets",
        "get",
        lambda w, role: reverse("partnership:rule_sets"),
        None,
        row(200, other_org_admin=200, editor=404, jurist=404),
        set(),
    ),
    (
        "partnership interview rule set, edit",
        "get",
        lambda w, role: reverse("partnership:rule_set_edit", args=["2025"]),
        None,
        row(404, operator_admin=200),
        set(),
    ),
    # --- The register: every approved person reads and reports; steps are the coordinators'
    # of a jobcenter and the office's people (none in this table); the offices the operator's.
    (
        "register list",
        "get",
        lambda w, role: reverse("register:item_list"),
        None,
        row(200),
        set(),
    ),
    (
        "register export (CSV)",
        "get",
        lambda w, role: reverse("register:export_csv"),
        None,
        row(200),
        set(),
    ),
    (
        "register export (XLSX)",
        "get",
        lambda w, role: reverse("register:export_xlsx"),
        None,
        row(200),
        set(),
    ),
    (
        "register item",
        "get",
        lambda w, role: reverse("register:item_detail", args=[w["register_item"].pk]),
        None,
        row(200),
        set(),
    ),
    (
        "register report form",
        "get",
        lambda w, role: reverse("register:item_report"),
        None,
        row(200),
        set(),
    ),
    (
        "register similar items",
        "get",
        lambda w, role: reverse("register:items_similar") + "?title=dokumentation",
        None,
        row(200),
        set(),
    ),
    (
        "register report an item",
        "post",
        lambda w, role: reverse("register:item_report"),
        {"title": "Blanketter", "problem": "Tre blanketter for én ting."},
        row(302),
        set(ROLES[1:]),
    ),
    (
        "register me too",
        "post",
        lambda w, role: reverse("register:item_endorse", args=[w["register_item"].pk]),
        None,
        row(302),
        set(ROLES[1:]),
    ),
    (
        "register comment",
        "post",
        lambda w, role: reverse("register:item_comment", args=[w["register_item"].pk]),
        {"body": "Også hos os."},
        row(302),
        set(ROLES[1:]),
    ),
    (
        "register next step",
        "post",
        lambda w, role: reverse("register:item_step", args=[w["register_item"].pk]),
        {"status": "in_handling", "handling": "Vi går i gang"},
        row(404),
        set(),
    ),
    (
        "register triage",
        "post",
        lambda w, role: reverse("register:item_triage", args=[w["register_item"].pk]),
        {"section": "3", "office": "1"},
        row(404),
        set(),
    ),
    (
        "register office work list",
        "get",
        lambda w, role: reverse("register:office_work_list", args=[w["office"].slug]),
        None,
        row(404),
        set(),
    ),
    (
        "register offices",
        "get",
        lambda w, role: reverse("register:offices"),
        None,
        row(404, operator_admin=200),
        set(),
    ),
    (
        "register offices, set the members",
        "post",
        lambda w, role: reverse("register:offices"),
        {"office": "", "office-name": "SLK", "office-slug": "slk"},
        row(404, operator_admin=302),
        {"operator_admin"},
    ),
    # --- The API ---------------------------------------------------------------------------
    (
        "API: create an event",
        "api-post",
        lambda w, role: "/api/v1/events",
        EVENT_IN,
        row(REFUSED, anonymous=401, editor=201),
        {"editor"},
    ),
    (
        "API: event with its organisers",
        "api-get",
        lambda w, role: f"/api/v1/events/{w['event'].pk}",
        None,
        row(200, anonymous=401),
        set(),
    ),
    (
        "API: topics",
        "api-get",
        lambda w, role: "/api/v1/topics",
        None,
        row(200, anonymous=401),
        set(),
    ),
    (
        "API: networks one may post in",
        "api-get",
        lambda w, role: "/api/v1/networks",
        None,
        # Nobody of the columns is a member of the jurists' network by invitation: not listed
        # for any of them, editors and the operator's admins included.
        row(200, anonymous=401),
        set(),
    ),
    (
        "API: a fund's partnership figures for a month",
        "api-get",
        lambda w, role: f"/api/v1/partnership/kpis?fund={w['fund'].slug}&period=2026-10",
        None,
        row(200, anonymous=401, other_org_admin=404, editor=404, jurist=404),
        set(),
    ),
    # --- Exports (CSV/Excel) of what a page shows: the people who see that page, or fewer ---
    (
        "participant list export with notes",
        "get",
        lambda w, role: reverse("events:participant_export", args=[w["event"].pk, "xlsx"]),
        None,
        # The editorial desk runs the event but does not read the notes, so takes none away.
        row(REFUSED, organiser=200),
        set(),
    ),
    (
        "hotline work list export",
        "get",
        lambda w, role: reverse("hotline:work_list_export", args=["csv"]),
        None,
        row(REFUSED, jurist=200),
        set(),
    ),
    (
        "directory search export",
        "get",
        lambda w, role: reverse("directory:person_export", args=["csv"]),
        None,
        row(REFUSED, coordinator=200),
        set(),
    ),
    (
        "newsletter figures export",
        "get",
        lambda w, role: reverse("newsletters:figures_export", args=["xlsx"]),
        None,
        row(REFUSED, editor=200),
        set(),
    ),
    # --- The portal's evaluation and the user survey: the editorial desk (and the operator) ---
    (
        "evaluation dashboard",
        "get",
        lambda w, role: reverse("evaluation:dashboard"),
        None,
        row(REFUSED, editor=200, operator_admin=200),
        set(),
    ),
    (
        "annual evaluation report (PDF)",
        "get",
        lambda w, role: reverse(
            "evaluation_report:annual_report", args=[timezone.localdate().year, "pdf"]
        ),
        None,
        row(REFUSED, editor=200, operator_admin=200),
        set(),
    ),
    (
        "API: the evaluation's summary",
        "api-get",
        lambda w, role: "/api/v1/insights/summary?date_from=2026-01-01&date_to=2026-06-30",
        None,
        row(403, anonymous=401, editor=200, operator_admin=200),
        set(),
    ),
    (
        "user surveys of the editorial desk",
        "get",
        lambda w, role: reverse("surveys:desk_list"),
        None,
        row(REFUSED, editor=200),
        set(),
    ),
    # --- Finding answers while asking: every signed-in member ------------------------------
    (
        "similar threads under a title",
        "get",
        lambda w, role: reverse("search:title_suggestions") + "?title=r%C3%A5dighed",
        None,
        row(200),
        set(),
    ),
    (
        "colleagues to mention",
        "get",
        lambda w, role: reverse("forum:mention_suggestions") + "?q=an",
        None,
        row(200),
        set(),
    ),
    # --- Single sign-on: the operator's admins only ------------------------------------------
    (
        "single sign-on overview",
        "get",
        lambda w, role: reverse("sso:organisation_list"),
        None,
        row(REFUSED, operator_admin=200),
        set(),
    ),
    (
        "an organisation's identity providers",
        "get",
        lambda w, role: reverse("sso:identity_provider_list", args=[w["fund"].slug]),
        None,
        row(REFUSED, operator_admin=200),
        set(),
    ),
    (
        "add a SAML identity provider (form)",
        "get",
        lambda w, role: reverse("sso:identity_provider_add_saml", args=[w["fund"].slug]),
        None,
        row(REFUSED, operator_admin=200),
        set(),
    ),
    (
        "add an OpenID Connect identity provider (form)",
        "get",
        lambda w, role: reverse("sso:identity_provider_add_oidc", args=[w["fund"].slug]),
        None,
        row(REFUSED, operator_admin=200),
        set(),
    ),
    (
        "an identity provider's details and role mapping",
        "get",
        _identity_provider("identity_provider_detail"),
        None,
        row(REFUSED, operator_admin=200),
        set(),
    ),
    (
        "change an identity provider's role mapping",
        "post",
        _identity_provider("identity_provider_detail"),
        {
            "name": "3F",
            "role_attribute": "groups",
            "roles-TOTAL_FORMS": "1",
            "roles-INITIAL_FORMS": "0",
            "roles-0-value": "admins",
            "roles-0-roles": ["admin"],
        },
        row(REFUSED, operator_admin=302),
        {"operator_admin"},
    ),
    (
        "switch an identity provider off",
        "post",
        _identity_provider("identity_provider_switch"),
        None,
        row(REFUSED, operator_admin=302),
        {"operator_admin"},
    ),
    (
        "an organisation's CVR number",
        "post",
        lambda w, role: reverse("sso:organisation_cvr", args=[w["fund"].slug]),
        {"cvr": "31710158"},
        row(REFUSED, operator_admin=302),
        {"operator_admin"},
    ),
]


def _state(w) -> tuple:
    """Everything a request in the table could write."""
    event = Event.objects.get(pk=w["event"].pk)
    return (
        sorted(RoleGrant.objects.values_list("user_id", "role")),
        Invitation.objects.count(),
        sorted(NetworkMembership.objects.values_list("network_id", "user_id", "role")),
        (event.status, event.title, Event.objects.count()),
        sorted(Newsletter.objects.values_list("pk", "status")),
        sorted(Registration.objects.values_list("pk", "status", "checked_in_at")),
        w["network"].__class__.objects.filter(pk=w["network"].pk).values_list("is_open").get(),
        sorted(
            RegisterItem.objects.values_list(
                "pk", "status", "section", "responsible_office_id", "handling"
            )
        ),
        Endorsement.objects.count(),
        ItemComment.objects.count(),
        sorted(Office.objects.values_list("pk", "name", "slug")),
        sorted(LawReference.objects.values_list("law", "paragraph", "changed_at")),
        sorted(Organisation.objects.values_list("pk", "cvr")),
        sorted(IdentityProvider.objects.values_list("pk", "is_active", "name", "role_attribute")),
    )


def _ask(client, w, role, method, url, data):
    person = w["people"].get(role)
    if method.startswith("api-"):
        headers = {}
        if person is not None:
            headers["Authorization"] = f"Bearer {w['tokens'][role]}"
        if method == "api-get":
            return client.get(url, headers=headers)
        return client.post(url, data, content_type="application/json", headers=headers)
    if person is not None:
        client.force_login(person)
    if data == "self-email":
        return client.post(url, {"email": person.email if person else "x@example.dk"})
    if data == "htmx":
        return client.post(url, {"q": ""}, headers={"HX-Request": "true"})
    if method == "get":
        return client.get(url)
    return client.post(url, data or {})


def _lists_the_private_network(response) -> bool:
    """A JSON list (GET /api/v1/networks) that names the jurists' network by invitation."""
    if not response.get("Content-Type", "").startswith("application/json"):
        return False
    body = response.json()
    return isinstance(body, list) and any(
        isinstance(item, dict) and item.get("slug") == PRIVATE_NETWORK for item in body
    )


def _answer(response):
    html = response.get("Content-Type", "").startswith("text/html")
    if response.status_code == 200 and html and NOTE in response.content.decode():
        return "notes"
    if response.status_code == 200 and _lists_the_private_network(response):
        return "private network"
    return response.status_code


CASES = [
    pytest.param(
        name, method, url, data, expected[role], role in writers, role, id=f"{name}|{role}"
    )
    for name, method, url, data, expected, writers in TABLE
    for role in ROLES
]


@pytest.fixture(autouse=True)
def _outbox_visible(settings):
    settings.PORTAL_OUTBOX_VISIBLE = True


@pytest.mark.parametrize(("name", "method", "url", "data", "expected", "may_write", "role"), CASES)
def test_permission_table(world, db, client, name, method, url, data, expected, may_write, role):
    before = _state(world)
    response = _ask(client, world, role, method, url(world, role), data)
    assert _answer(response) == expected
    if may_write:
        assert _state(world) != before, f"{role} was allowed “{name}” but nothing changed"
    else:
        assert _state(world) == before, f"{role} changed something with “{name}”"
    if role == "anonymous" and expected == ANON:
        assert "/konto/login/" in response["Location"]


def test_the_table_covers_every_role_for_every_row():
    assert all(set(expected) == set(ROLES) for _n, _m, _u, _d, expected, _w in TABLE)


def test_the_table_would_see_the_private_network_listed(world, db, client):
    """The network rows' "nobody sees it" means something: its moderator's list names it."""
    _token, key = api_token_create(user=world["moderator"], name="Tabel")
    response = client.get("/api/v1/networks", headers={"Authorization": f"Bearer {key}"})
    assert _answer(response) == "private network"

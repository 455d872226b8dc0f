import re
import time
from io import StringIO

import pytest
import rules
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from portal.core.models import Centre, Organisation, OrganisationKind, Role, RoleGrant, Topic, User
from portal.demo import people as demo
from portal.demo.evaluation import PENDING

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _loaded_once(django_db_setup, django_db_blocker):
    """The command runs once per module (it takes seconds), rolled back when the module is
    done; each test runs in its own savepoint inside it, so what one test changes the next does
    not see. The refusal outside demo mode needs an empty database: test_load_demo_refusal.py."""
    from django.db import transaction
    from django.test import override_settings

    # The demo's emails go to the local outbox, as in `make demo` (and the conftest's per-test
    # fixture, which a module-scoped load runs before).
    outbox = override_settings(EMAIL_BACKEND="portal.core.email_backends.OutboxBackend")
    with django_db_blocker.unblock(), outbox, transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def loaded(_loaded_once, db):
    cache.clear()


@pytest.fixture
def frozen_clock():
    """A TOTP code is valid for one 30-second step: keep a test from straddling two steps."""
    with time_machine.travel(time.time(), tick=False):
        yield


def test_load_demo_creates_the_seed_organisations_and_the_354_users_of_the_evaluation(loaded):
    kinds = dict(
        Organisation.objects.values("kind").annotate(n=Count("id")).values_list("kind", "n")
    )
    assert kinds[OrganisationKind.JOBCENTER] == 1
    assert kinds[OrganisationKind.OPERATOR] == 1
    assert kinds[OrganisationKind.UFUND] >= 4
    assert kinds[OrganisationKind.UNION] >= 4
    assert {"3f-akasse", "foa-akasse", "tib-akasse", "metal-akasse", "lo-hovedstaden"} <= set(
        Organisation.objects.values_list("slug", flat=True)
    )
    assert Centre.objects.filter(organisation__slug=demo.JOBCENTER_SLUG).count() == len(
        demo.CENTRES
    )
    approved = User.objects.filter(approved_at__isnull=False)
    assert approved.count() == demo.DEMO_USER_TOTAL == 354
    # And a few sign-ups of the last days awaiting approval (evaluation.py).
    assert User.objects.filter(approved_at__isnull=True).count() == PENDING


def test_every_demo_organisation_has_a_clearly_fictional_email_domain(loaded):
    for organisation in Organisation.objects.all():
        assert organisation.domain_list
        assert all(d.endswith(".demo.samarbejdsportalen.dk") for d in organisation.domain_list)


def test_load_demo_creates_the_eight_main_topics_of_seed_004_and_the_legislation_areas(loaded):
    slugs = set(Topic.objects.values_list("slug", flat=True))
    assert len(slugs) == len(demo.TOPICS) >= 8 + 5
    assert {
        "sygedagpenge",
        "fleksjob-og-foertidspension",
        "kontanthjaelp",
        "beskaeftigelsesreformen",
        "dagpenge",
    } <= slugs


def test_every_organisation_has_exactly_one_admin(loaded):
    admins = Organisation.objects.annotate(
        admins=Count("members", filter=Q(members__role_grants__role=Role.ADMIN))
    )
    assert {o.slug: o.admins for o in admins} == {o.slug: 1 for o in admins}


def test_most_people_are_caseworkers_with_a_few_editors_jurists_and_coordinators(loaded):
    roles = dict(RoleGrant.objects.values("role").annotate(n=Count("id")).values_list("role", "n"))
    assert roles[Role.CASEWORKER] > User.objects.count() * 0.75
    assert roles[Role.EDITOR] >= 2
    assert roles[Role.JURIST] >= 2
    assert roles[Role.COORDINATOR] >= 2


def test_invented_people_are_approved_verified_and_cannot_sign_in_with_a_password(loaded):
    demo_emails = {login.email for login in demo.DEMO_LOGINS}
    people = (
        User.objects.exclude(email__in=demo_emails)
        .filter(approved_at__isnull=False)
        .prefetch_related("expertise")
    )
    assert all(p.is_approved and p.title and p.phone and p.full_name for p in people)
    assert all(p.expertise.all() for p in people)
    assert not any(p.has_usable_password() for p in people)
    verified = EmailAddress.objects.filter(verified=True, primary=True)
    assert verified.count() == User.objects.count()
    assert all(p.centre_id for p in people if p.organisation.slug == demo.JOBCENTER_SLUG)


def test_invented_names_never_coincide_with_people_named_in_the_seeds(loaded):
    names = {name.lower() for name in User.objects.values_list("full_name", flat=True)}
    assert not names & demo.SEED_PEOPLE


def test_load_demo_twice_creates_nothing_and_changes_no_password(loaded):
    models = [
        Organisation,
        Centre,
        Topic,
        User,
        RoleGrant,
        EmailAddress,
        Authenticator,
        User.expertise.through,
    ]
    before = {m: m.objects.count() for m in models}
    passwords = dict(User.objects.values_list("email", "password"))
    secrets = dict(Authenticator.objects.values_list("pk", "data"))

    call_command("load_demo", stdout=StringIO())

    assert {m: m.objects.count() for m in models} == before
    assert dict(User.objects.values_list("email", "password")) == passwords
    assert dict(Authenticator.objects.values_list("pk", "data")) == secrets


def test_admins_and_coordinators_among_the_demo_logins_have_totp_and_recovery_codes(loaded):
    for login in demo.DEMO_LOGINS:
        types = set(
            Authenticator.objects.filter(user__email=login.email).values_list("type", flat=True)
        )
        expected = {"totp", "recovery_codes"} if login.needs_mfa else set()
        assert types == expected, login.email
    assert sum(login.needs_mfa for login in demo.DEMO_LOGINS) == 3


@pytest.mark.parametrize("login", demo.DEMO_LOGINS, ids=lambda login: login.email)
def test_demo_login_signs_in_through_the_real_login_flow(loaded, frozen_clock, client, login):
    cache.clear()  # rate-limit counters of other tests must not spill over
    response = client.post("/konto/login/", {"login": login.email, "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302
    if login.needs_mfa:
        assert response["Location"] == "/konto/2fa/authenticate/"
        response = client.post(
            "/konto/2fa/authenticate/", {"code": demo.demo_totp_code(email=login.email)}
        )
        assert response.status_code == 302
    assert response["Location"] == "/"
    response = client.get("/")
    assert response.status_code == 200
    user = response.context["user"]
    assert user.email == login.email
    assert user.role_names == set(login.roles)
    assert user.organisation.slug == login.organisation_slug
    # Only the demo operator admin runs the portal (decision 0012).
    assert rules.has_perm("core.view_outbox", user) == (login.email.startswith("admin@"))


def test_a_wrong_totp_code_does_not_sign_a_demo_admin_in(loaded, frozen_clock, client):
    cache.clear()
    login = next(login for login in demo.DEMO_LOGINS if login.needs_mfa)
    client.post("/konto/login/", {"login": login.email, "password": demo.DEMO_PASSWORD})
    right = demo.demo_totp_code(email=login.email)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post("/konto/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated


def test_demo_totp_prints_the_current_six_digit_code(loaded, frozen_clock, capsys):
    email = "admin@demo.samarbejdsportalen.dk"
    call_command("demo_totp", email)
    printed = capsys.readouterr().out.strip()
    assert re.fullmatch(r"\d{6}", printed)
    assert printed == demo.demo_totp_code(email=email)


def test_demo_totp_refuses_an_address_that_is_not_a_demo_login(loaded):
    someone = User.objects.exclude(email__endswith="@demo.samarbejdsportalen.dk").first()
    with pytest.raises(CommandError):
        call_command("demo_totp", someone.email)


def test_demo_totp_refuses_a_demo_login_without_two_factor(loaded):
    with pytest.raises(CommandError):
        call_command("demo_totp", "sagsbehandler@demo.samarbejdsportalen.dk")


def test_demo_totp_refuses_outside_demo_mode(loaded, settings):
    settings.DEMO = False
    with pytest.raises(CommandError):
        call_command("demo_totp", "admin@demo.samarbejdsportalen.dk")


def test_the_demo_has_a_sent_newsletter_with_figures_and_a_daily_digest_reader(loaded):
    from portal.core.models import EmailDelivery, OutboxMessage
    from portal.digests.models import EmailPreference
    from portal.newsletters.models import Newsletter
    from portal.newsletters.selectors import newsletter_figures

    # The latest; the eleven before it are rows without copies (evaluation.py).
    newsletter = Newsletter.objects.latest("sent_at")
    assert newsletter.status == Newsletter.Status.SENT
    assert newsletter.items.count() >= 5
    copies = EmailDelivery.objects.filter(reference=newsletter.reference, status="sent")
    assert copies.count() == newsletter.recipient_count > 300
    assert OutboxMessage.objects.filter(subject=newsletter.subject).count() == copies.count()
    figures = newsletter_figures(newsletter=newsletter)
    assert 0 < figures.clicked < figures.opened < figures.sent
    caseworker = User.objects.get(email=f"sagsbehandler@{demo.DEMO_DOMAIN}")
    assert EmailPreference.objects.get(user=caseworker).digest_frequency == "daily"

    call_command("load_demo", stdout=StringIO())

    assert Newsletter.objects.count() == 12

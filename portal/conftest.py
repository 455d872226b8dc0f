"""Shared fixtures: organisations, people per role, and signed-in clients."""

import importlib

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory, UserFactory
from portal.testing.browser import report_skipped_browser_tests

# smtp_server: a real SMTP server on loopback (aiosmtpd) with Django's SMTP backend pointed at it.
# saml_idp: a real SAML 2.0 identity provider on loopback (pysaml2), see portal/testing/saml_idp.py.
# oidc_provider: a real OpenID Connect provider on loopback (npm oidc-provider in Node.js).
pytest_plugins = [
    "portal.testing.smtp",
    "portal.testing.outbox",
    "portal.testing.oidc_provider",
    "portal.testing.saml_idp",
]

PASSWORD = "korrekt-hest-batteri"


def pytest_terminal_summary(terminalreporter):
    """Say loudly when the browser tests were skipped because Chromium is missing."""
    report_skipped_browser_tests(terminalreporter)


# Rows that migrations create (the partnership's interview rule sets). A transactional test
# (live server, concurrency) ends with a flush that empties every table; the flush then sends
# post_migrate, and this puts those rows back, so the next test on that worker finds them
# whatever order the tests run in (pytest-xdist hands modules out as workers free up).
_MIGRATION_ROWS = {"portal.partnership": ("0002_interview_rule_sets", "rule_sets_create")}


def _migration_rows_restore(sender, **kwargs):
    if sender.name not in _MIGRATION_ROWS:
        return
    from django.apps import apps

    module_name, function = _MIGRATION_ROWS[sender.name]
    module = importlib.import_module(f"{sender.name}.migrations.{module_name}")
    getattr(module, function)(apps, None)  # idempotent: get_or_create by code


@pytest.fixture(autouse=True, scope="session")
def _migration_rows_after_flush():
    from django.db.models.signals import post_migrate

    post_migrate.connect(_migration_rows_restore, dispatch_uid="portal-test-migration-rows")
    yield
    post_migrate.disconnect(dispatch_uid="portal-test-migration-rows")


@pytest.fixture(autouse=True)
def _email_to_outbox(settings):
    """Django's test runner swaps in the locmem backend; use the portal's own outbox instead."""
    settings.EMAIL_BACKEND = "portal.core.email_backends.OutboxBackend"


@pytest.fixture(autouse=True)
def _empty_cache():
    """The test cache lives in the process; what one test cached must not reach the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def operator(db):
    return OrganisationFactory(
        slug="lo-hovedstaden",
        name="LO Hovedstaden",
        kind=OrganisationKind.OPERATOR,
        email_domains="loh.example.dk",
    )


@pytest.fixture
def fund(db):
    return OrganisationFactory(
        slug="3f", name="3F A-kasse", kind=OrganisationKind.UFUND, email_domains="3f.example.dk"
    )


@pytest.fixture
def other_fund(db):
    return OrganisationFactory(
        slug="foa", name="FOA A-kasse", kind=OrganisationKind.UFUND, email_domains="foa.example.dk"
    )


def make_user(*, organisation, roles=("caseworker",), email=None, mfa=False, **extra):
    """A person as they would be after onboarding: verified email, approved, with roles."""
    kwargs = {"organisation": organisation, "roles": list(roles), **extra}
    if email:
        kwargs["email"] = email
    user = UserFactory(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if mfa:
        # A TOTP authenticator satisfies the MFA requirement for admins and coordinators.
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
        )
    return user


@pytest.fixture
def jobcenter(db):
    return OrganisationFactory(
        slug="jobcenter-kbh", name="Jobcenter København", kind=OrganisationKind.JOBCENTER
    )


@pytest.fixture
def caseworker(fund):
    return make_user(organisation=fund, roles=["caseworker"], email="sagsbehandler@3f.example.dk")


@pytest.fixture
def fund_admin(fund):
    return make_user(organisation=fund, roles=["admin"], email="admin@3f.example.dk", mfa=True)


@pytest.fixture
def operator_admin(operator):
    return make_user(
        organisation=operator,
        roles=["admin", "operator_admin"],
        email="admin@loh.example.dk",
        mfa=True,
    )


@pytest.fixture
def jurist(operator):
    return make_user(organisation=operator, roles=["jurist"], email="jurist@loh.example.dk")


@pytest.fixture
def other_jurist(operator):
    return make_user(organisation=operator, roles=["jurist"], email="jurist2@loh.example.dk")


@pytest.fixture
def editor(operator):
    return make_user(organisation=operator, roles=["editor"], email="redaktoer@loh.example.dk")


@pytest.fixture
def colleague(fund):
    return make_user(organisation=fund, roles=["caseworker"], email="kollega@3f.example.dk")


@pytest.fixture
def client_for(client):
    """client_for(user) → a test client signed in as that user."""

    def _client_for(user):
        client.force_login(user)
        return client

    return _client_for


@pytest.fixture(scope="module")
def _demo_loaded_once(django_db_setup, django_db_blocker):
    """`load_demo` once per test module (it takes seconds), rolled back when the module is done."""
    from django.db import transaction

    from portal.demo.loader import demo_load

    with django_db_blocker.unblock(), transaction.atomic():
        yield dict(demo_load().created)
        transaction.set_rollback(True)


@pytest.fixture
def demo_loaded(_demo_loaded_once, db):
    """The demo data, loaded; the value is what the load reports it created."""
    return _demo_loaded_once


@pytest.fixture
def domain_audit(db):
    """The audit entries that name an object (moderators' and editors' actions), oldest
    first, as (action, actor email, object type, object id) — plus the entries themselves."""
    from portal.core.models import AuditEvent

    class DomainAudit:
        def entries(self):
            return list(AuditEvent.objects.exclude(object_type="").order_by("id"))

        def summary(self):
            return [(e.action, e.actor_email, e.object_type, e.object_id) for e in self.entries()]

    return DomainAudit()


@pytest.fixture
def failing_audit(monkeypatch):
    """Make audit_record fail inside the services that import it: the action must then be
    undone with it (one transaction), which the caller asserts."""
    from django.db import DatabaseError

    def fail(**kwargs):
        raise DatabaseError("audit table unavailable")

    def patch(module):
        monkeypatch.setattr(module, "audit_record", fail)

    return patch

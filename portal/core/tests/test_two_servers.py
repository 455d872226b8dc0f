"""Two app servers behind a load balancer, as production runs them (decision 0049).

Two gunicorn servers (A and B) and two Huey consumers, each with its scheduler on (as when every
app host also runs `manage.py run_huey`), on one PostgreSQL database and one Redis database,
with production settings (portal/testing/two_servers_settings.py). A round-robin proxy
(portal/testing/round_robin.py) sends each request to the other server than the one before and
says which answered; a real SMTP server on loopback receives the mail. Proven across both:
sessions, the cache, the queue, periodic tasks once a minute, and attachments.

Runs on PostgreSQL with Redis (CI's second run); the SQLite run skips it. The servers start
once for the module; the people they serve are committed to the test database and flushed at
the end, as a transactional test's are.
"""

import os
import re
import secrets
import uuid
from collections import Counter
from pathlib import Path

import pytest
import redis
import requests
from allauth.account.models import EmailAddress
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connection, transaction

from portal.core.models import EmailDelivery, OrganisationKind
from portal.core.tests.factories import OrganisationFactory, TopicFactory, UserFactory
from portal.testing import app_servers
from portal.testing.round_robin import SERVED_BY, RoundRobinProxy
from portal.testing.smtp import SmtpServer, extract_login_code

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = [
    pytest.mark.skipif(
        not DATABASE_URL.startswith(("postgres://", "postgresql://")) or not REDIS_URL,
        reason="two app servers need PostgreSQL (DATABASE_URL) and Redis (REDIS_URL) shared by "
        "separate processes",
    ),
    # The test database must exist (pytest-django creates it only for tests that ask for it);
    # what the tests read in this process, they read in a transaction that sees the servers'
    # commits (READ COMMITTED).
    pytest.mark.django_db,
]

TIMEOUT = 30.0  # for anything a server or consumer does on a busy machine
ATTACHMENT = "Bilag til drøftelsen: ydelseskalender for første kvartal.\n".encode() * 40


# --- The servers ---------------------------------------------------------------------------


def _database_url(db: dict) -> str:
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _database_empty() -> None:
    """What `manage.py flush` does after a transactional test (every table emptied, then
    post_migrate puts back what migrations create), with DELETE instead of TRUNCATE: the few rows
    in some 200 tables go in a fraction of a second, where TRUNCATE makes every table's files
    anew (seconds on a busy machine). Django's foreign keys on PostgreSQL are DEFERRABLE
    INITIALLY DEFERRED, so in one transaction the order of the tables does not matter."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
    emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)


@pytest.fixture(scope="module")
def shared_database(django_db_setup, django_db_blocker):
    """The test database, for the servers to share; emptied when the module is done."""
    with django_db_blocker.unblock():
        yield _database_url(connection.settings_dict)
        _database_empty()


@pytest.fixture(scope="module")
def people(shared_database, django_db_blocker):
    """People of one unemployment fund; they sign in with a code by email (no password: the
    servers hash passwords as production does, which costs seconds per sign-in)."""
    with django_db_blocker.unblock():
        fund = OrganisationFactory(
            slug="3f", name="3F A-kasse", kind=OrganisationKind.UFUND, email_domains="3f.dk"
        )
        TopicFactory(slug="dagpenge", name="Dagpenge")
        people = {}
        for name in ("anna", "bo", "carl", "dora"):
            person = UserFactory(organisation=fund, email=f"{name}@3f.dk", full_name=name.title())
            EmailAddress.objects.create(
                user=person, email=person.email, verified=True, primary=True
            )
            people[name] = person.email
    return people


class Portal:
    """The two servers, the two consumers, the proxy in front and the SMTP server behind."""

    def __init__(self, proxy, servers, consumers, smtp, namespace):
        self.proxy = proxy
        self.servers = servers
        self.consumers = consumers
        self.smtp = smtp
        self.namespace = namespace

    def browser(self) -> "Browser":
        return Browser(self)

    def logs(self) -> str:
        return "\n".join(p.describe() for p in [*self.servers, *self.consumers])


@pytest.fixture(scope="module")
def portal(shared_database, tmp_path_factory):
    namespace = f"portal-two-servers-{uuid.uuid4().hex[:12]}"
    data_dir = tmp_path_factory.mktemp("two-servers")  # one media folder for both servers
    log_dir = Path(data_dir)
    smtp = SmtpServer().start()
    # The proxy's address is the site's address (links in mail, CSRF origin): it starts first,
    # its backends are filled in when they answer.
    proxy = RoundRobinProxy({}).start()
    processes = []
    try:
        env = app_servers.production_env(
            DJANGO_SETTINGS_MODULE="portal.testing.two_servers_settings",
            PORTAL_TEST_NAMESPACE=namespace,
            DATABASE_URL=shared_database,
            REDIS_URL=REDIS_URL,
            # The same secret on every server: sessions carry a hash made with it.
            SECRET_KEY=secrets.token_urlsafe(50),
            PORTAL_DATA_DIR=str(data_dir),
            EMAIL_URL=f"smtp://{smtp.host}:{smtp.port}",
            SITE_URL=proxy.url,
            SECURE_SSL_REDIRECT="0",
            SECURE_COOKIES="0",
            ALLOWED_HOSTS="127.0.0.1",
            LOG_LEVEL="INFO",
            HUEY_WORKERS="2",
        )
        servers = [app_servers.start_gunicorn(name, env, log_dir) for name in ("A", "B")]
        processes += servers
        consumers = [
            app_servers.start_consumer(f"consumer-{name}", env, log_dir) for name in ("A", "B")
        ]
        processes += consumers
        app_servers.wait_until_up(servers)
        proxy.backends.update({server.name: server.port for server in servers})
        yield Portal(proxy, servers, consumers, smtp, namespace)
    finally:
        proxy.stop()
        for process in processes:  # all at once, then wait for each
            process.terminate()
        for process in processes:
            process.stop()
        smtp.stop()
        _forget(namespace)


def _forget(namespace: str) -> None:
    """Delete what the run left in Redis (queue, claims, cache keys), all under its name."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        for pattern in (f"{namespace}*", f"huey.*{namespace}*"):
            keys = list(client.scan_iter(match=pattern, count=1000))
            if keys:
                client.delete(*keys)
    finally:
        client.close()


class Browser:
    """One person's browser: one cookie jar, every request through the proxy, no redirects
    followed (each request is one turn of the proxy). `on="A"` first sends a request to
    /healthz if the proxy's next turn is not A's, so the request after it lands on A."""

    def __init__(self, portal: Portal):
        self.portal = portal
        self.session = requests.Session()

    def request(self, method: str, path: str, *, on: str | None = None, **kwargs):
        proxy = self.portal.proxy
        if on is not None and proxy.upcoming() != on:
            requests.get(proxy.url + "/healthz", timeout=TIMEOUT)
        assert on is None or proxy.upcoming() == on
        response = self.session.request(
            method, proxy.url + path, allow_redirects=False, timeout=TIMEOUT, **kwargs
        )
        assert response.status_code < 500, f"{path}: {response.status_code}\n{self.portal.logs()}"
        return response

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict, **kwargs):
        data = {**data, "csrfmiddlewaretoken": self.session.cookies["csrftoken"]}
        return self.request("POST", path, data=data, **kwargs)

    def sign_in(self, email: str, *, ask_on: str | None = None, on: str) -> requests.Response:
        """Ask for a code by email (on `ask_on`), read it at the SMTP server, enter it `on`
        a server: the response that signed in."""
        self.get("/konto/login/code/")  # the CSRF cookie
        asked = self.post("/konto/login/code/", {"email": email}, on=ask_on)
        assert asked.status_code == 302, asked.text
        message = self.portal.smtp.wait_for_message(to=email, timeout=TIMEOUT)
        code = extract_login_code(message.text)
        confirmed = self.post("/konto/login/code/confirm/", {"code": code}, on=on)
        assert confirmed.status_code == 302, confirmed.text
        return confirmed

    def signed_in_as(self, *, on: str) -> str | None:
        """The email on the profile page, or None when the server sends us to sign in."""
        response = self.get("/profil/", on=on)
        if response.status_code == 302:
            assert "/konto/login/" in response.headers["Location"]
            return None
        assert response.status_code == 200
        found = re.search(r"[\w.+-]+@3f\.dk", response.text)
        return found.group(0) if found else ""


def served(response) -> str:
    return response.headers[SERVED_BY]


@pytest.fixture(scope="module")
def bo(portal, people):
    browser = portal.browser()
    browser.sign_in(people["bo"], on="A")
    return browser


def _thread_create(browser: Browser, title: str, *, on: str, files=None) -> str:
    """Post a thread; the path of its page."""
    browser.get("/debat/ny/")
    response = browser.post(
        "/debat/ny/",
        {"kind": "discussion", "topic": "dagpenge", "title": title, "body": "Hvad gør I?"},
        files=files,
        on=on,
    )
    assert response.status_code == 302, response.text
    return response.headers["Location"]


# --- Sessions ------------------------------------------------------------------------------


def test_signed_in_on_one_server_is_signed_in_on_the_other_and_signed_out_on_both(portal, people):
    anna = portal.browser()
    assert anna.signed_in_as(on="A") is None

    assert served(anna.sign_in(people["anna"], ask_on="B", on="A")) == "A"

    assert anna.signed_in_as(on="B") == people["anna"]
    assert anna.signed_in_as(on="A") == people["anna"]
    session = anna.session.cookies["sessionid"]
    signed_out = anna.post("/konto/logout/", {}, on="B")
    assert signed_out.status_code == 302
    assert anna.signed_in_as(on="A") is None
    assert anna.signed_in_as(on="B") is None

    # The browser forgot its cookie; the session must be over on the servers too: the old
    # cookie (a second tab's, a copied one) signs nobody in, on A (which had the session in
    # hand a moment ago) nor on B.
    old_tab = portal.browser()
    old_tab.session.cookies.set("sessionid", session)
    assert old_tab.signed_in_as(on="A") is None
    assert old_tab.signed_in_as(on="B") is None


# --- The queue -----------------------------------------------------------------------------


_EXECUTING = re.compile(r"Executing (\S+): ([0-9a-f-]{36})")
_ENQUEUEING = re.compile(r"Enqueueing periodic task (\S+): ([0-9a-f-]{36})")


def _tasks(log: str, pattern: re.Pattern, name: str | None = None) -> set[str]:
    """The ids of the tasks (named `name`, or any) in the lines of `log` that `pattern` finds
    (each line may be there twice: huey's own handler and the portal's console)."""
    return {id_ for task, id_ in pattern.findall(log) if name is None or task == name}


def test_mail_asked_for_on_one_server_is_sent_once_through_the_queue(portal, people):
    dora = portal.browser()
    # The code is asked for on A, mailed by whichever consumer takes the task, entered on B
    # (where the pending sign-in must be found in the session A began).
    dora.sign_in(people["dora"], ask_on="A", on="B")
    assert dora.signed_in_as(on="A") == people["dora"]
    assert len(portal.smtp.messages_to(people["dora"])) == 1

    # Every message of the module so far (the codes of everyone's sign-in) was sent once, by
    # one run of its task in one of the two consumers.
    def runs() -> dict[str, set[str]]:
        task = "portal.core.tasks.deliver_email"
        return {c.name: _tasks(c.log(), _EXECUTING, task) for c in portal.consumers}

    def each_sent_once():
        statuses = list(EmailDelivery.objects.values_list("status", flat=True))
        ran = runs()
        return (
            set(statuses) == {EmailDelivery.Status.SENT}
            and len(portal.smtp.messages) == len(statuses)
            and len(ran["consumer-A"]) + len(ran["consumer-B"]) == len(statuses)
        )

    app_servers.wait_until(
        each_sent_once, timeout=TIMEOUT, what="each message sent once by one run of its task"
    )
    assert not runs()["consumer-A"] & runs()["consumer-B"]


# --- The cache -----------------------------------------------------------------------------


def test_a_thread_posted_through_one_server_shows_in_the_list_both_servers_had_cached(portal, bo):
    before = [bo.get("/debat/", on=name) for name in ("A", "B")]
    assert all(page.status_code == 200 for page in before)
    title = "Rådighedsvurdering efter sygdom"
    assert not any(title in page.text for page in before)

    _thread_create(bo, title, on="A")

    after = {name: bo.get("/debat/", on=name) for name in ("B", "A")}
    assert {name: title in page.text for name, page in after.items()} == {"A": True, "B": True}


def _bell(page) -> int:
    """The unread count on the header's bell (0 when it shows none)."""
    bell = re.search(r'class="[^"]*portal-bell[^"]*"[^>]*>(.*?)</a>', page.text, re.DOTALL)
    assert bell, "no bell in the header"
    badge = re.search(r'class="[^"]*badge[^"]*"[^>]*>\s*(\d+)', bell.group(1))
    return int(badge.group(1)) if badge else 0


def test_the_bell_counts_alike_on_both_servers_as_notifications_come_and_are_read(
    portal, people, bo
):
    thread = _thread_create(bo, "Dokumentation for jobsøgning", on="B")
    assert [_bell(bo.get("/profil/", on=name)) for name in ("A", "B")] == [0, 0]

    carl = portal.browser()
    carl.sign_in(people["carl"], on="B")
    carl.get(thread)
    replied = carl.post(thread + "svar/", {"body": "Vi bruger joblog."}, on="A")
    assert replied.status_code == 302

    assert [_bell(bo.get("/profil/", on=name)) for name in ("B", "A")] == [1, 1]
    assert bo.post("/notifikationer/marker-laest/", {}, on="A").status_code == 302
    assert [_bell(bo.get("/profil/", on=name)) for name in ("B", "A")] == [0, 0]


# --- Attachments ---------------------------------------------------------------------------


def test_an_attachment_uploaded_through_one_server_downloads_through_the_other(portal, bo):
    files = {"attachments": ("ydelseskalender.txt", ATTACHMENT, "text/plain")}
    thread = _thread_create(bo, "Ydelseskalender", on="A", files=files)
    page = bo.get(thread, on="A")
    link = re.search(r'href="(/debat/bilag/[^"/]+/)"', page.text)
    assert link, "no attachment link on the thread page"

    download = bo.get(link.group(1), on="B")

    assert download.status_code == 200
    assert download.content == ATTACHMENT
    assert "ydelseskalender.txt" in download.headers["Content-Disposition"]


# --- Periodic tasks ------------------------------------------------------------------------

_CHECK = re.compile(
    r"^periodic (\S+): enqueued here: (.*); already enqueued by another scheduler: (.*)$",
    re.MULTILINE,
)


def _checks_in(log: str) -> dict[str, tuple[set, set]]:
    """Per minute a scheduler checked: the tasks it enqueued and those it left to another."""
    return {
        minute: (set(mine.split()) - {"-"}, set(theirs.split()) - {"-"})
        for minute, mine, theirs in _CHECK.findall(log)
    }


def _checks(portal: Portal) -> dict[str, dict[str, tuple[set, set]]]:
    return {consumer.name: _checks_in(consumer.log()) for consumer in portal.consumers}


def test_two_schedulers_enqueue_each_periodic_task_once_a_minute(portal):
    # Each scheduler checks at its start and then every 60 s: wait until both checked one
    # minute (at once, unless their starts fell either side of a minute's turn).
    def common_minute():
        checks = _checks(portal)
        return set(checks["consumer-A"]) & set(checks["consumer-B"])

    app_servers.wait_until(
        common_minute, timeout=90, what="both schedulers checking", processes=portal.consumers
    )
    checks = _checks(portal)
    for minute in common_minute():
        mine_a, left_a = checks["consumer-A"][minute]
        mine_b, left_b = checks["consumer-B"][minute]
        due = mine_a | left_a
        assert due, f"{minute}: nothing due?"  # the outbox sweep is due every minute
        assert mine_b | left_b == due, minute  # both saw the same tasks due
        assert not mine_a & mine_b, f"{minute}: enqueued twice: {mine_a & mine_b}"
        assert mine_a | mine_b == due, f"{minute}: due but enqueued by neither"

    # Huey's own log agrees: each consumer enqueued what it claimed, no more; and each task
    # enqueued ran, in one consumer.
    def settled() -> bool:
        enqueued = set()
        for consumer in portal.consumers:
            log = consumer.log()
            claimed = Counter(name for mine, _left in _checks_in(log).values() for name in mine)
            ids = {id_: name for name, id_ in _ENQUEUEING.findall(log)}
            if Counter(ids.values()) != claimed:
                return False
            enqueued |= set(ids)
        executed = set().union(*(_tasks(c.log(), _EXECUTING) for c in portal.consumers))
        return enqueued <= executed

    app_servers.wait_until(
        settled,
        timeout=TIMEOUT,
        what="the claimed periodic tasks enqueued and run",
        processes=portal.consumers,
    )
    executed_a, executed_b = (_tasks(c.log(), _EXECUTING) for c in portal.consumers)
    assert not executed_a & executed_b

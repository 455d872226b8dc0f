"""Base-page benchmark: what the header, navigation, bell and footer cost every page, in-process.

On PostgreSQL (DATABASE_URL, or postgres://postgres@127.0.0.1:5432/portal_bench_basepage,
created if missing; a database of its own) with production settings (DEBUG off, the manifest
static storage, the cached template loader; REDIS_URL if set). Makes a jobcenter caseworker,
an editor and an operator admin, then times, median of --requests after a warm-up:

- direct renders, each signed in as each person: an empty template with the request (the
  baseline: the context processors, no markup) and a template that only extends base.html;
- Django's test client, signed in as the caseworker and as the editor: /bench/hello (the
  baseline: middleware, session, user), a 404 page (the base page and nothing else) and
  /profil/ (the base page and a form).

Each figure is printed next to its baseline of the same run, as CPU time (this thread's: robust
to a loaded machine, without the database's share) and wall-clock time. The bell's count is
stubbed in the rows and timed apart (it is the notifications selector's). --before REV also
times base.html as it was at a git revision, the two taking turns request by request (before
and after in one run). --profile adds cProfile of the bare base-page render as the caseworker.
Usage and figures: docs/decisions/0047-base-page.md.
"""

import argparse
import contextlib
import cProfile
import functools
import gc
import io
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from front_page import HOST, ROOT, bench_env, manage, postgres_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_basepage"
DOMAIN = "bench-basepage.example.dk"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="timed renders/requests each")
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="cProfile the bare base page")
    parser.add_argument(
        "--before", metavar="REV", help="also time base.html as it was at this git revision"
    )
    parser.add_argument(
        "--skip-setup", action="store_true", help="no migrate/collectstatic (a run before did)"
    )
    return parser.parse_args()


def setup(database_url: str, skip: bool) -> None:
    os.environ.update(
        bench_env(
            database_url,
            SECURE_SSL_REDIRECT="0",
            SECURE_COOKIES="0",
            PORTAL_BENCH_HELLO="1",
            ALLOWED_HOSTS=f"{HOST},testserver",
        )
    )
    if not skip or not (ROOT / "var" / "bench" / "static" / "staticfiles.json").exists():
        manage(dict(os.environ), "migrate", "--noinput", "--verbosity", "0")
        manage(dict(os.environ), "createcachetable")
        manage(dict(os.environ), "collectstatic", "--noinput", "--verbosity", "0")
    import django

    django.setup()


def people() -> dict:
    """The caseworker (a jobcenter's: the partnership in the menu), an editor (the evaluation)
    and an operator admin (administration and every module)."""
    from django.utils import timezone

    from portal.core.models import Organisation, OrganisationKind, RoleGrant, User

    jobcenter, _ = Organisation.objects.get_or_create(
        slug="bench-basepage-jobcenter",
        defaults={"kind": OrganisationKind.JOBCENTER, "name": "Jobcenter Bench"},
    )
    operator, _ = Organisation.objects.get_or_create(
        slug="bench-basepage-operator",
        defaults={"kind": OrganisationKind.OPERATOR, "name": "Operatør Bench"},
    )
    wanted = {
        "caseworker": (jobcenter, ["caseworker"]),
        "editor": (operator, ["caseworker", "editor"]),
        "operator admin": (operator, ["admin", "operator_admin"]),
    }
    found = {}
    for label, (organisation, roles) in wanted.items():
        user, _ = User.objects.get_or_create(
            email=f"{label.replace(' ', '-')}@{DOMAIN}",
            defaults={
                "full_name": f"Bench {label.title()}",
                "organisation": organisation,
                "approved_at": timezone.now(),
            },
        )
        for role in roles:
            RoleGrant.objects.get_or_create(user=user, role=role)
        found[label] = user.pk
    return found


def median_ms(fn, requests: int, warmup: int) -> float:
    return interleaved([(None, fn)], requests, warmup)[0][0]


def interleaved(cases: list, requests: int, warmup: int) -> list[tuple[float, float]]:
    """Median wall-clock and CPU ms of each (variant, fn[, prepare]), taking turns call by call,
    so that a change in the machine's load (shared, 2 cores) falls on every case alike.
    `prepare()`, untimed, makes fn's argument (a request) just before the call. The CPU time
    (this thread's) leaves out the waits for a core, which on a loaded machine stretch a long
    render far more than a short one, and the database's own time."""
    walls: list[list[float]] = [[] for _ in cases]
    cpus: list[list[float]] = [[] for _ in cases]
    gc.collect()
    for round_ in range(warmup + requests):
        for index, (variant, fn, *prepare) in enumerate(cases):
            arguments = [prepare[0]()] if prepare else []
            with variant or contextlib.nullcontext():
                wall, cpu = time.perf_counter(), time.thread_time()
                fn(*arguments)
                cpu = (time.thread_time() - cpu) * 1000
                wall = (time.perf_counter() - wall) * 1000
            if round_ >= warmup:
                walls[index].append(wall)
                cpus[index].append(cpu)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def request_for(user_pk: int, path: str = "/profil/"):
    """A request as the middleware leaves it: the user and their roles loaded, a CSP nonce,
    the language activated, a resolver match."""
    from csp.middleware import CSPMiddleware
    from django.contrib.sessions.backends.cache import SessionStore
    from django.test import RequestFactory
    from django.urls import resolve

    from portal.core.models import User

    request = RequestFactory().get(path)
    request.session = SessionStore()
    request.user = User.objects.select_related("organisation").get(pk=user_pk)
    request.user.role_names  # noqa: B018 (loaded by the MFA middleware on every request)
    request.resolver_match = resolve(path)
    CSPMiddleware(lambda r: None).process_request(request)
    return request


class StubbedCount:
    """The bell's count as a constant: the count is the notifications selector's work (timed
    apart, on its own line); the rows time everything around it."""

    def __enter__(self):
        from portal.notifications import selectors

        self.original = selectors.notification_unread_count
        selectors.notification_unread_count = lambda *, user, limit=100: 3

    def __exit__(self, *exc):
        from portal.notifications import selectors

        selectors.notification_unread_count = self.original


def _cached_loader():
    from django.template import engines
    from django.template.loaders.cached import Loader

    loaders = list(engines["django"].engine.template_loaders)
    while loaders:
        loader = loaders.pop()
        if isinstance(loader, Loader):
            return loader
        loaders.extend(getattr(loader, "loaders", []))
    raise RuntimeError("no cached template loader")


class Variant:
    """base.html as it is, or as it was at a git revision (swapped into the cached loader, so
    every page that extends it renders the old one: before and after in the same run)."""

    def __init__(self, revision: str | None):
        self.revision = revision
        self.template = None
        if revision:
            from django.template import engines

            text = subprocess.run(
                ["git", "show", f"{revision}:portal/core/templates/base.html"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            self.template = engines["django"].engine.from_string(text)

    def __enter__(self):
        if self.template is not None:
            loader = _cached_loader()
            loader.get_template("base.html")
            self.saved = loader.get_template_cache["base.html"]
            loader.get_template_cache["base.html"] = self.template

    def __exit__(self, *exc):
        if self.template is not None:
            _cached_loader().get_template_cache["base.html"] = self.saved


def direct(pks: dict, variants: list, args) -> list[tuple[str, list[float]]]:
    """Median ms of an empty template (the baseline: the context processors run, no markup) and
    of a template that only extends base.html, per variant; a fresh request (user, nonce, CSRF
    token) for every render."""
    from django.template import engines
    from django.utils import translation

    engine = engines["django"]
    empty = engine.from_string("")
    bare = engine.from_string('{% extends "base.html" %}')
    rows = []
    for label, pk in pks.items():
        for language in ("da", "en"):
            translation.activate(language)
            # Each request's user is loaded untimed (as the middleware does).
            prepare = functools.partial(request_for, pk)
            cases = [
                (variant, functools.partial(_render, template), prepare)
                for template, variant in [(empty, None), *((bare, v) for v in variants)]
            ]
            rows.append((f"{label} ({language})", interleaved(cases, args.requests, args.warmup)))
    translation.activate("da")
    return rows


def _render(template, request) -> None:
    template.render({}, request)


def _get(browser, path: str, status: int) -> None:
    response = browser.get(path)
    assert response.status_code == status, (path, response.status_code)


def client(pks: dict, variants: list, args) -> list[tuple[str, list[float]]]:
    """Median ms of /bench/hello, then the 404 page and /profil/ per variant."""
    from django.test import Client

    from portal.core.models import User

    rows = []
    for label in ("caseworker", "editor"):
        browser = Client()
        browser.force_login(User.objects.get(pk=pks[label]))
        cases = [(None, functools.partial(_get, browser, "/bench/hello", 200))]
        for path, status in (("/bench/ingen-side/", 404), ("/profil/", 200)):
            for variant in variants:
                cases.append((variant, functools.partial(_get, browser, path, status)))
        rows.append((label, interleaved(cases, args.requests, args.warmup)))
    return rows


def count_alone(pks: dict, args) -> float:
    from portal.core.models import User
    from portal.notifications.selectors import notification_unread_count

    user = User.objects.select_related("organisation").get(pk=pks["caseworker"])
    return median_ms(lambda: notification_unread_count(user=user), args.requests, args.warmup)


def profile(pks: dict, args) -> None:
    from django.template import engines

    bare = engines["django"].from_string('{% extends "base.html" %}')
    requests_ = [request_for(pks["caseworker"]) for _ in range(args.requests)]
    for request in requests_[: args.warmup]:
        bare.render({}, request)
    profiler = cProfile.Profile()
    profiler.enable()
    for request in requests_:
        bare.render({}, request)
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(30)
        print(
            f"\n--- cProfile, {len(requests_)} renders of base.html as the caseworker, by {order}"
        )
        print("\n".join(line[:160] for line in out.getvalue().splitlines()[4:]))


def main() -> int:
    args = parse_args()
    database_url = postgres_database(DEFAULT_DATABASE_URL, "base_page.py")
    setup(database_url, args.skip_setup)
    import logging

    from django.conf import settings

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404s are on purpose
    pks = people()
    variants = [Variant(args.before), Variant(None)] if args.before else [Variant(None)]
    names = [f"at {args.before[:10]}", "now"] if args.before else ["now"]
    print(f"cache: {settings.CACHES['default']['BACKEND']}; median of {args.requests} each")
    print("the bell's count is stubbed in the rows; the count alone (its selector):", end=" ")
    print(f"{count_alone(pks, args):.2f} ms")

    with StubbedCount():
        rows = direct(pks, variants, args)
    for clock, position in (("CPU", 1), ("wall-clock", 0)):
        print(f"\nDirect render, {clock} ms: an empty template (baseline) and base.html alone")
        head = "".join(f"{'base ' + name:>16}" for name in names)
        print(f"{'person':<24}{'empty':>10}{head}")
        for label, figures in rows:
            cells = [f[position] for f in figures]
            print(f"{label:<24}{cells[0]:>10.2f}" + "".join(f"{c:>16.2f}" for c in cells[1:]))

    with StubbedCount():
        rows = client(pks, variants, args)
    for clock, position in (("CPU", 1), ("wall-clock", 0)):
        print(f"\nTest client, {clock} ms: /bench/hello (baseline), a 404 page, /profil/")
        head = "".join(f"{'404 ' + n:>16}" for n in names)
        head += "".join(f"{'/profil/ ' + n:>20}" for n in names)
        print(f"{'person':<24}{'hello':>10}{head}")
        widths = [10] + [16] * len(names) + [20] * len(names)
        for label, figures in rows:
            cells = [f[position] for f in figures]
            print(
                f"{label:<24}" + "".join(f"{c:>{w}.2f}" for c, w in zip(cells, widths, strict=True))
            )
    if args.profile:
        with StubbedCount():
            profile(pks, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

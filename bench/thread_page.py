"""Thread-page benchmark: the debate's thread page at 10 and 100 posts, in-process.

On PostgreSQL (DATABASE_URL, or postgres://postgres@127.0.0.1:5432/portal_bench_thread, created
if missing; a database of its own). Makes, through the forum's services as people would, a
topic, 20 authors in four organisations (some jurists), a caseworker who reads, and three
threads: the opening post alone, 10 posts and 100 posts (a question with an accepted answer,
reactions, edits, quotes, a hidden post and two attachments). Then times each page through
Django's test client signed in as the caseworker (`--requests` GETs after a warm-up): p50/p95
in ms; this process's CPU time per request (p50), which a busy machine disturbs less than the
wall clock; queries per request. Next to the baseline measured in the same run: `/profil/` (what
every signed-in page costs) and the thread with its opening post alone. The 100-post thread is
measured on its first page and, with `PORTAL_THREAD_PAGE_SIZE` raised above the thread's
length, whole (all 100 posts on one page: what a post costs to render). `--profile` adds
cProfile of the 100 posts on one page, with how many URL reversals and translation calls one
request makes. `--reuse` keeps the data of an earlier run. See bench/README.md.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from front_page import HOST, ROOT, in_process_setup, postgres_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_thread"
MARKER = "bench-thread-reader@bench.example.dk"
SIZES = (1, 10, 100)
BODY = (
    "Vi har haft en sag om rådighed ved deltid, hvor medlemmet arbejdede 20 timer om ugen.\n\n"
    "- Jobcentret bad om dokumentation for timerne\n- a-kassen vurderede rådigheden\n\n"
    "Se **§ 62** i loven og vejledningen. Hvordan gør I, når arbejdsgiveren ikke svarer? (svar {n})"
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40, help="measured GETs per page")
    parser.add_argument("--reuse", action="store_true", help="keep the data of an earlier run")
    parser.add_argument("--profile", action="store_true", help="cProfile the 100 posts whole")
    parser.add_argument("--profile-out", default="", help="also write the cProfile data here")
    return parser.parse_args()


def _person(email: str, name: str, organisation, roles: list[str]):
    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from portal.core.models import RoleGrant, User

    user = User.objects.create_user(
        email=email, full_name=name, organisation=organisation, approved_at=timezone.now()
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    for role in roles:
        RoleGrant.objects.create(user=user, role=role)
    return user


def generate() -> None:
    """The people and the three threads, made through the services (audit, mentions, search
    documents and notifications included, as in production)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from portal.core.models import Organisation, OrganisationKind, Topic
    from portal.forum import services

    kinds = [
        OrganisationKind.UFUND,
        OrganisationKind.JOBCENTER,
        OrganisationKind.UFUND,
        OrganisationKind.JOBCENTER,
    ]
    organisations = [
        Organisation.objects.create(name=f"Bench-organisation {i}", slug=f"bench-org-{i}", kind=k)
        for i, k in enumerate(kinds)
    ]
    reader = _person(MARKER, "Bench Læser", organisations[0], ["caseworker"])
    authors = [
        _person(
            f"bench-thread-{i}@bench.example.dk",
            f"Forfatter Nummer{i}",
            organisations[i % 4],
            ["caseworker", "jurist"] if i % 5 == 0 else ["caseworker"],
        )
        for i in range(20)
    ]
    editor = _person("bench-thread-editor@bench.example.dk", "Bench Redaktør", None, ["editor"])
    topic = Topic.objects.create(slug="bench-raadighed", name="Rådighed (bench)")
    for size in SIZES:
        thread = services.thread_create(
            author=authors[0],
            topic=topic,
            kind="question",
            title=f"Bench: tråd med {size} indlæg",
            body=BODY.format(n=0),
        )
        posts = list(thread.posts.all())
        for n in range(1, size):
            author = authors[n % len(authors)]
            attachments = (
                [SimpleUploadedFile("notat.txt", b"notat", content_type="text/plain")]
                if n in (7, 70)
                else []
            )
            post = services.reply_create(
                author=author,
                thread=thread,
                body=BODY.format(n=n) + (" @Bench Læser" if n % 17 == 0 else ""),
                quoted_post=posts[-1] if n % 9 == 0 else None,
                attachments=attachments,
            )
            posts.append(post)
            for reactor in authors[(n + 1) % 20 : (n + 1) % 20 + n % 4]:
                services.reaction_toggle(post=post, user=reactor, kind="thanks")
            if n % 3 == 0:
                services.reaction_toggle(post=post, user=reader, kind="useful")
            if n % 11 == 0:
                services.post_edit(post=post, editor=author, body=BODY.format(n=n) + " Rettet.")
            if n == 50:
                services.post_hide(post=post, by=editor)
        if size >= 10:
            services.answer_accept(thread=thread, post=posts[size // 2 + 1], by=authors[0])
        print(f"  thread {thread.pk}: {size} posts")


def measure(client, url: str, requests: int) -> dict:
    from django.db import connection

    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    times, cpu = [], []
    for _ in range(requests):
        began, began_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    times.sort()
    return {
        "p50": statistics.median(times),
        "cpu": statistics.median(cpu),
        "p95": times[min(len(times) - 1, int(len(times) * 0.95))],
        "queries": len(queries),
    }


def profile(client, url: str, dump: str = "") -> None:
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        client.get(url)
    profiler.disable()
    if dump:
        profiler.dump_stats(dump)
    stats = pstats.Stats(profiler)
    calls = {"reverse": 0, "gettext": 0}
    for (filename, _line, name), (_cc, ncalls, *_rest) in stats.stats.items():
        if name == "reverse" and filename.endswith("urls/base.py"):
            calls["reverse"] += ncalls
        if name in ("gettext", "pgettext", "ngettext", "npgettext") and filename.endswith(
            "translation/__init__.py"
        ):
            calls["gettext"] += ncalls
    print(
        f"\nper request: {calls['reverse'] / 5:.0f} URL reversals, "
        f"{calls['gettext'] / 5:.0f} translation calls"
    )
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
    print(out.getvalue())


def main() -> int:
    args = parse_args()
    database_url = postgres_database(DEFAULT_DATABASE_URL, "bench/thread_page.py")
    os.chdir(ROOT)
    in_process_setup(database_url)

    from django.test import Client, override_settings

    from portal.core.models import User
    from portal.forum.models import Thread

    if not args.reuse or not User.objects.filter(email=MARKER).exists():
        from django.core.management import call_command

        call_command("flush", "--noinput", verbosity=0)
        print("generating the threads")
        generate()
    reader = User.objects.get(email=MARKER)
    threads = {
        size: Thread.objects.get(title=f"Bench: tråd med {size} indlæg").pk for size in SIZES
    }
    client = Client(HTTP_HOST=HOST)
    client.force_login(reader)

    rows = [("/profil/ (baseline)", "/profil/", None)]
    for size in SIZES:
        rows.append((f"thread, {size} posts", f"/debat/traad/{threads[size]}/", None))
    rows.append((f"thread, {SIZES[-1]} posts on one page", f"/debat/traad/{threads[100]}/", 1000))

    print(
        f"\n{'page':<34} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms':>8} {'queries':>8}"
        f" {'p50/baseline':>13} {'CPU/baseline':>13}"
    )
    baseline = baseline_cpu = None
    for label, url, page_size in rows:
        pages = override_settings(PORTAL_THREAD_PAGE_SIZE=page_size) if page_size else nullcontext()
        with pages:
            result = measure(client, url, args.requests)
        baseline = baseline or result["p50"]
        baseline_cpu = baseline_cpu or result["cpu"]
        print(
            f"{label:<34} {result['p50']:>8.1f} {result['p95']:>8.1f} {result['cpu']:>8.1f}"
            f" {result['queries']:>8} {result['p50'] / baseline:>13.2f}"
            f" {result['cpu'] / baseline_cpu:>13.2f}"
        )
    if args.profile:
        with override_settings(PORTAL_THREAD_PAGE_SIZE=1000):
            profile(client, f"/debat/traad/{threads[100]}/", args.profile_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

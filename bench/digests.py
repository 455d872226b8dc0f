"""Digest benchmark: compose and deliver the weekly digests of 10,000 people on PostgreSQL.

Sets up its own PostgreSQL database (migrate), generates organisations, topics, networks (some
by invitation), 10,000 people with realistic follows (threads, topics, networks, expertise,
e-mail preferences) and a week of activity (threads, replies, reactions, guides), starts an
SMTP sink (aiosmtpd in a separate process that counts and discards messages) and runs the real
weekly digest round (`portal.digests.services.digest_round`, chunk by chunk in this process,
over SMTP to the sink). Prints messages/s, total time, and memory: peak RSS and the RSS after
the first and the last chunk (constant memory means they are close). --reuse keeps the
generated data of an earlier run; every run first forgets the previous run's digests.
--profile prints where the time goes (cProfile). See bench/README.md.
"""

import argparse
import multiprocessing
import os
import random
import resource
import secrets
import signal
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from front_page import HOST, ROOT, bench_env, free_port, manage, postgres_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_digests"
CPH = ZoneInfo("Europe/Copenhagen")
# The round's moment: Monday 06:30 Copenhagen; the generated week of activity ends here.
ROUND_AT = datetime(2026, 11, 23, 6, 30, tzinfo=CPH)
MARKER_EMAIL = "bench-digest-0@bench.example.dk"

WORDS = [
    "rådighed",
    "vurdering",
    "revalidering",
    "sygedagpenge",
    "dagpenge",
    "kontanthjælp",
    "ledighed",
    "fleksjob",
    "forløb",
    "afklaring",
    "samtale",
    "plan",
    "tilbud",
    "ydelse",
    "opfølgning",
    "sanktion",
    "praktik",
    "mentor",
    "uddannelse",
    "efterløn",
    "ressource",
    "borger",
    "sag",
    "afgørelse",
    "klage",
    "frist",
    "periode",
    "indkomst",
    "løntilskud",
    "visitation",
    "sygemelding",
    "dokumentation",
    "attest",
    "henvisning",
    "medlem",
    "ansøgning",
]
TITLE_TEMPLATES = [
    "Spørgsmål om {a}",
    "{A} og {b}",
    "Hvornår gælder {a}?",
    "{A} efter {b}",
    "Erfaringer med {a}",
    "Praksis for {a} ved {b}",
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=1_500, help="new threads in the week")
    parser.add_argument("--replies", type=int, default=9_000, help="replies in the week")
    parser.add_argument("--reuse", action="store_true", help="keep data generated earlier")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="processes running chunks, like the queue's workers (HUEY_WORKERS, default 2)",
    )
    parser.add_argument(
        "--postfix-sink",
        metavar="PATH",
        help="use Postfix's smtp-sink (C) at PATH instead of the aiosmtpd sink (Python), so the "
        "sink takes less of the 2 cores; see bench/README.md",
    )
    return parser.parse_args()


# --- SMTP sink --------------------------------------------------------------------------------


def _sink(port: int, count, ready) -> None:
    """Accept every message, count it, keep nothing."""
    from aiosmtpd.controller import Controller

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            with count.get_lock():
                count.value += 1
            return "250 OK"

    controller = Controller(Handler(), hostname=HOST, port=port, server_hostname="localhost")
    controller.start()
    ready.set()
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


def start_sink(port: int):
    context = multiprocessing.get_context("spawn")
    count = context.Value("i", 0)
    ready = context.Event()
    process = context.Process(target=_sink, args=(port, count, ready), daemon=True)
    process.start()
    if not ready.wait(20):
        raise RuntimeError("SMTP sink did not start")
    return process, count


class PostfixSink:
    """Postfix's smtp-sink on the port: accepts and discards, counting DATA commands (-c)."""

    def __init__(self, path: str, port: int):
        import subprocess

        self._output = open(ROOT / "var" / "bench" / "smtp-sink.out", "w+b")  # noqa: SIM115
        self.process = subprocess.Popen(
            [path, "-c", "-u", os.environ.get("USER") or "root", f"{HOST}:{port}", "256"],
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 10
        while not _listening(port):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("smtp-sink did not start (see var/bench/smtp-sink.out)")
            time.sleep(0.05)

    @property
    def value(self) -> int:
        self._output.seek(0)
        counters = self._output.read().decode().replace("\r", "\n").split()
        return max((int(c[5:]) for c in counters if c.startswith("mesg=")), default=0)

    def terminate(self) -> None:
        self.process.terminate()

    def join(self, timeout: float) -> None:
        self.process.wait(timeout)


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        return sock.connect_ex((HOST, port)) == 0


def worker_setup() -> None:
    import django

    django.setup()


def worker_pid(_n: int) -> int:
    return os.getpid()


def run_chunk(chunk: dict):
    """One chunk of the round, as the queue task runs it, with its time and this process's RSS."""
    from portal.digests.services import digest_chunk_send

    started = time.monotonic()
    outcome = digest_chunk_send(**chunk)
    return outcome, time.monotonic() - started, rss_mb(), len(chunk["user_ids"]), os.getpid()


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


# --- Data -------------------------------------------------------------------------------------


def already_generated() -> bool:
    from portal.core.models import User

    return User.objects.filter(email=MARKER_EMAIL).exists()


def generate(args) -> dict:
    """People, follows and a week of activity, written in bulk (signals and notifications are
    not what is measured). Timestamps are relative to ROUND_AT."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from portal.core.models import Organisation, OrganisationKind, Topic, User
    from portal.digests.models import DigestFrequency, EmailPreference
    from portal.forum.models import (
        Network,
        NetworkMembership,
        Post,
        Reaction,
        Thread,
        ThreadFollow,
        TopicFollow,
    )
    from portal.guides.models import Guide

    started = time.monotonic()
    rng = random.Random(args.seed)
    week_start = ROUND_AT - timedelta(days=7)

    def title() -> str:
        a, b = rng.sample(WORDS, 2)
        return rng.choice(TITLE_TEMPLATES).format(a=a, b=b, A=a.capitalize())

    def body(sentences: int) -> str:
        return " ".join(
            f"{' '.join(rng.choices(WORDS, k=rng.randint(6, 14))).capitalize()}."
            for _ in range(sentences)
        )

    def in_week() -> datetime:
        return week_start + timedelta(seconds=rng.randrange(7 * 24 * 3600 - 60))

    with transaction.atomic():
        kinds = [
            OrganisationKind.JOBCENTER,
            OrganisationKind.UFUND,
            OrganisationKind.UNION,
            OrganisationKind.OPERATOR,
        ]
        orgs = Organisation.objects.bulk_create(
            Organisation(kind=kinds[i % 4], slug=f"bench-org-{i}", name=f"Bench organisation {i}")
            for i in range(60)
        )
        topics = Topic.objects.bulk_create(
            Topic(slug=f"bench-topic-{i}", name=f"Bench emne {i}") for i in range(30)
        )
        password = make_password(secrets.token_urlsafe(16))
        people = User.objects.bulk_create(
            (
                User(
                    email=f"bench-digest-{i}@bench.example.dk",
                    full_name=f"Person {i}",
                    password=password,
                    organisation=rng.choice(orgs),
                    approved_at=week_start - timedelta(days=90),
                    preferred_language="en" if rng.random() < 0.05 else "da",
                )
                for i in range(args.people)
            ),
            batch_size=2000,
        )
        EmailPreference.objects.bulk_create(
            (
                EmailPreference(
                    user=p,
                    digest_frequency=DigestFrequency.DAILY
                    if rng.random() < 0.7
                    else DigestFrequency.NEVER,
                )
                for p in people
                if rng.random() < 0.12
            ),
            batch_size=2000,
        )
        networks = Network.objects.bulk_create(
            Network(slug=f"bench-net-{i}", name=f"Bench netværk {i}", is_open=i % 3 != 0)
            for i in range(12)
        )
        memberships = set()
        for person in people:
            for network in rng.sample(networks, rng.choice([0, 0, 1, 1, 2])):
                memberships.add((network.pk, person.pk))
        NetworkMembership.objects.bulk_create(
            (NetworkMembership(network_id=n, user_id=u) for n, u in memberships), batch_size=5000
        )
        members_of: dict[int, list[int]] = {}
        for n, u in memberships:
            members_of.setdefault(n, []).append(u)
        TopicFollow.objects.bulk_create(
            (
                TopicFollow(user=p, topic=t)
                for p in people
                for t in rng.sample(topics, rng.choice([0, 1, 2, 3, 4]))
            ),
            batch_size=5000,
        )
        expertise = User.expertise.through
        expertise.objects.bulk_create(
            (
                expertise(user_id=p.pk, topic_id=t.pk)
                for p in people
                if rng.random() < 0.3
                for t in rng.sample(topics, rng.choice([1, 2]))
            ),
            batch_size=5000,
        )

        def thread(created: datetime) -> Thread:
            network = rng.choice(networks) if rng.random() < 0.15 else None
            pool = members_of.get(network.pk) if network is not None else None
            author = rng.choice(pool) if pool else rng.choice(people).pk
            return Thread(
                kind=Thread.Kind.QUESTION if rng.random() < 0.4 else Thread.Kind.DISCUSSION,
                topic=rng.choice(topics),
                network=network if pool else None,
                title=title(),
                author_id=author,
                created_at=created,
                last_activity_at=created,
            )

        older = [thread(week_start - timedelta(days=rng.uniform(1, 60))) for _ in range(6000)]
        new = [thread(in_week()) for _ in range(args.threads)]
        threads = Thread.objects.bulk_create(older + new, batch_size=2000)
        openings = Post.objects.bulk_create(
            (
                Post(
                    thread=t,
                    author_id=t.author_id,
                    is_opening=True,
                    body=body(rng.randint(1, 4)),
                    created_at=t.created_at,
                )
                for t in threads
            ),
            batch_size=2000,
        )
        # Replies: most to the week's threads, some revive older ones.
        active = threads[-args.threads :] + rng.sample(threads[: -args.threads], 1500)
        replies = []
        for _ in range(args.replies):
            t = rng.choice(active)
            at = max(t.created_at, week_start) + timedelta(seconds=rng.randrange(3600 * 24 * 2))
            at = min(at, ROUND_AT - timedelta(minutes=1))
            pool = members_of.get(t.network_id) if t.network_id else None
            replies.append(
                Post(
                    thread=t,
                    author_id=rng.choice(pool) if pool else rng.choice(people).pk,
                    body=("> " + body(1) + "\n\n" if rng.random() < 0.2 else "") + body(2),
                    created_at=at,
                )
            )
            t.reply_count += 1
            t.last_activity_at = max(t.last_activity_at, at)
        replies = Post.objects.bulk_create(replies, batch_size=2000)
        Thread.objects.bulk_update(active, ["reply_count", "last_activity_at"], batch_size=2000)
        Reaction.objects.bulk_create(
            (
                Reaction(
                    post=post,
                    user=person,
                    kind=rng.choice(["thanks", "useful"]),
                    created_at=max(post.created_at, week_start) + timedelta(minutes=30),
                )
                for post in rng.sample(replies + openings[-args.threads :], 4000)
                for person in rng.sample(people, rng.choice([1, 1, 2, 3]))
                if person.pk != post.author_id
            ),
            batch_size=5000,
            ignore_conflicts=True,
        )
        # Followers: the authors, repliers and a few readers of each thread.
        follows = {(t.author_id, t.pk) for t in threads}
        follows.update((r.author_id, r.thread_id) for r in replies)
        for person in people:
            for t in rng.sample(threads, rng.randint(2, 12)):
                if t.network_id is None or person.pk in members_of.get(t.network_id, ()):
                    follows.add((person.pk, t.pk))
        ThreadFollow.objects.bulk_create(
            (ThreadFollow(user_id=u, thread_id=t) for u, t in follows),
            batch_size=5000,
            ignore_conflicts=True,
        )
        editor = people[0]
        Guide.objects.bulk_create(
            Guide(
                title=f"Vejledning: {title()}",
                slug=f"bench-guide-{i}",
                topic=rng.choice(topics),
                summary=body(1),
                body=body(6),
                owner=editor,
                created_by=editor,
                created_at=in_week() if i % 2 else week_start - timedelta(days=100),
                updated_at=in_week(),
                review_by=(ROUND_AT + timedelta(days=365)).date(),
            )
            for i in range(40)
        )
    return {
        "people": len(people),
        "threads": len(threads),
        "posts": len(openings) + len(replies),
        "thread_follows": len(follows),
        "generated_in_s": round(time.monotonic() - started, 1),
    }


# --- The round --------------------------------------------------------------------------------


def main() -> int:
    args = parse_args()
    database_url = postgres_database(DEFAULT_DATABASE_URL, "bench/digests.py")
    sink_port = free_port()
    env = bench_env(
        database_url,
        SITE_URL="https://samarbejdsportalen.example.dk",
        EMAIL_URL=f"smtp://{HOST}:{sink_port}",
    )
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    os.environ.update(env)
    if args.postfix_sink:
        (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
        sink = received = PostfixSink(args.postfix_sink, sink_port)
    else:
        sink, received = start_sink(sink_port)
    # Stopped from outside: still stop the sink (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    import django

    django.setup()
    from django.db import connection

    from portal.core.models import EmailDelivery
    from portal.digests.models import DigestFrequency, DigestRun, EmailClick
    from portal.digests.services import digest_round

    try:
        if args.reuse and already_generated():
            print("reusing the generated data")
        else:
            if already_generated():
                sys.exit("the database holds data of an earlier run: use --reuse or drop it")
            print("generated:", generate(args))
        # Forget the previous run's digests, so that every run sends the whole round.
        EmailClick.objects.all().delete()
        DigestRun.objects.all().delete()
        EmailDelivery.objects.filter(category="digest").delete()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

        chunks: list[tuple[float, float, int, int]] = []  # (seconds, RSS MB, people, pid)
        futures = []
        pool = None
        if args.workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            from django.db import connections

            # Like the queue's workers: each chunk is a task, run by one of N processes.
            connections.close_all()
            pool = ProcessPoolExecutor(
                args.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=worker_setup,
            )
            list(pool.map(worker_pid, range(args.workers)))  # started before the clock runs

        def dispatch(**chunk):
            if pool is not None:
                futures.append(pool.submit(run_chunk, chunk))
                return None
            outcome, *measured = run_chunk(chunk)
            chunks.append(tuple(measured))
            return outcome

        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        started = time.monotonic()
        result = digest_round(now=ROUND_AT, frequency=DigestFrequency.WEEKLY, dispatch=dispatch)
        for future in futures:
            outcome, *measured = future.result()
            outcome.due = 0
            result.add(outcome)
            chunks.append(tuple(measured))
        elapsed = time.monotonic() - started
        if pool is not None:
            pool.shutdown()
        if profiler is not None:
            import pstats

            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        deadline = time.monotonic() + 10
        while received.value < result.sent and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        sink.terminate()
        sink.join(5)

    peak = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,  # workers (and the sink)
        )
        / 1024
    )
    print()
    print(f"people due (weekly):       {result.due}")
    print(f"digests sent:              {result.sent}")
    print(f"skipped, nothing new:      {result.empty}")
    print(f"received by the SMTP sink: {received.value}")
    print(f"chunks:                    {len(chunks)} of up to 500 people, {args.workers} workers")
    print(f"total time:                {elapsed:.1f} s")
    print(f"messages/s:                {result.sent / elapsed:.0f}")
    if chunks:
        per_chunk = sorted(c[0] for c in chunks)
        median = per_chunk[len(per_chunk) // 2]
        print(f"chunk time median/max:     {median:.2f} / {per_chunk[-1]:.2f} s")
        for pid in sorted({c[3] for c in chunks}):
            rss = [c[1] for c in chunks if c[3] == pid]
            print(
                f"RSS of worker {pid}:  after its first chunk {rss[0]:.0f} MB, "
                f"after its last ({len(rss)} chunks) {rss[-1]:.0f} MB"
            )
    print(f"peak RSS (maxrss):         {peak:.0f} MB")
    return 0 if received.value == result.sent else 1


if __name__ == "__main__":
    sys.exit(main())

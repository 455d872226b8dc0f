"""Events benchmark: the rush when registration for the annual conference opens, on PostgreSQL.

Sets up its own PostgreSQL database (migrate), 1,000 approved people in 20 organisations and a
published conference with 250 seats (and a quota of 10 seats for one organisation). Then:

1. Sign-up rush: `--processes` (8) processes, each with its own connection, sign the
   people up at once through `services.registration_create` (the same call as the page, the
   API and the RSVP link: row lock, seat count, quota, the booking mail queued). Prints
   sign-ups/s and the latency of one sign-up (p50/p95/max), and checks the outcome: exactly
   250 confirmed, the rest waiting in an unbroken queue, the quota kept.
2. Cancellation rush: 50 confirmed people cancel at once; each freed seat promotes the next
   person who fits. Prints cancellations/s and checks that exactly 50 were promoted, in order.
3. A changed room: the mail round to all confirmed participants (`event_participants_mail`,
   run by the queue), in ms per participant.

Booking mail is queued on commit as in production (Huey on SQLite in var/bench, no worker),
so the figures are what a web request pays. See bench/README.md.
"""

import argparse
import multiprocessing
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from front_page import bench_env, manage, percentile, postgres_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_events"
EMAIL_DOMAIN = "bench-events.example.dk"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000, help="people who sign up")
    parser.add_argument("--seats", type=int, default=250, help="the conference's seats")
    parser.add_argument(
        "--processes", type=int, default=8, help="concurrent sign-ups (like web workers)"
    )
    parser.add_argument("--cancellations", type=int, default=50, help="concurrent cancellations")
    return parser.parse_args()


def _worker(barrier, action, items, results) -> None:
    """One process: its own database connection, its share of the work, started together."""
    from django.db import connection

    connection.close()  # never the parent's connection
    latencies, errors = [], []
    barrier.wait()
    for item in items:
        started = time.perf_counter()
        try:
            action(item)
        except Exception as exc:  # counted and printed, the run goes on
            errors.append(repr(exc))
            continue
        latencies.append(time.perf_counter() - started)
    connection.close()
    results.put((latencies, errors))


def run_concurrently(work: list, processes: int, action) -> tuple[float, list[float], list]:
    """Run `action(item)` for every item from `processes` processes (like gunicorn's workers:
    no shared interpreter lock), started together; returns the wall time, each call's latency
    (sorted) and any errors."""
    from django.db import connection

    connection.close()
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(processes + 1)
    results = context.Queue()
    pool = [
        context.Process(target=_worker, args=(barrier, action, work[i::processes], results))
        for i in range(processes)
    ]
    for process in pool:
        process.start()
    barrier.wait()
    started = time.perf_counter()
    latencies, errors = [], []
    for _ in pool:
        share_latencies, share_errors = results.get()
        latencies += share_latencies
        errors += share_errors
    wall = time.perf_counter() - started
    for process in pool:
        process.join()
    return wall, sorted(latencies), errors


def setup(args):
    from django.utils import timezone

    from portal.core.models import Organisation, OrganisationKind, User
    from portal.events.models import Event, OrganisationQuota

    Event.objects.all().delete()
    User.objects.filter(email__endswith=EMAIL_DOMAIN).delete()
    Organisation.objects.filter(slug__startswith="bench-events-").delete()
    kinds = [OrganisationKind.JOBCENTER, OrganisationKind.UFUND, OrganisationKind.UNION]
    organisations = Organisation.objects.bulk_create(
        Organisation(kind=kinds[i % 3], slug=f"bench-events-{i}", name=f"Bench-organisation {i}")
        for i in range(20)
    )
    now = timezone.now()
    people = User.objects.bulk_create(
        User(
            email=f"person{i}@{EMAIL_DOMAIN}",
            full_name=f"Deltager {i}",
            organisation=organisations[i % len(organisations)],
            approved_at=now,
        )
        for i in range(args.people)
    )
    event = Event.objects.create(
        kind=Event.Kind.CONFERENCE,
        status=Event.Status.PUBLISHED,
        published_at=now,
        title="Årskonference (benchmark)",
        venue="LO Hovedstaden",
        address="Svanevej 22, 2400 København NV",
        starts_at=now + timedelta(days=60),
        ends_at=now + timedelta(days=60, hours=7),
        capacity=args.seats,
    )
    OrganisationQuota.objects.create(event=event, organisation=organisations[0], seats=10)
    return event, people, organisations[0]


def main() -> int:
    args = parse_args()
    database_url = postgres_database(DEFAULT_DATABASE_URL, "bench/events.py")
    env = bench_env(database_url, SITE_URL="https://samarbejdsportalen.example.dk")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    os.environ.update(env)

    import django

    django.setup()
    from django.db import connection

    from portal.core.models import User
    from portal.events import services
    from portal.events.models import Event, Registration
    from portal.events.selectors import seats

    event, people, quota_organisation = setup(args)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connection.close()
    people = list(User.objects.filter(pk__in=[p.pk for p in people]).order_by("pk"))
    failures = []

    def sign_up(person):
        # Each request loads its own event, as the page does (the service locks and refreshes it).
        services.registration_create(event=Event.objects.get(pk=event.pk), user=person)

    # 1. The sign-up rush.
    wall, latencies, errors = run_concurrently(people, args.processes, sign_up)
    confirmed = Registration.objects.filter(event=event, status="confirmed")
    waiting = list(
        Registration.objects.filter(event=event, status="waiting").order_by("queued_at", "pk")
    )
    quota_used = confirmed.filter(user__organisation=quota_organisation).count()
    print(
        f"sign-up rush: {len(people)} people, {args.seats} seats, {args.processes} processes: "
        f"{len(latencies) / wall:.0f} sign-ups/s ({wall:.2f} s); one sign-up p50 "
        f"{percentile(latencies, 50) * 1000:.1f} ms, p95 {percentile(latencies, 95) * 1000:.1f}"
        f" ms, max {max(latencies) * 1000:.1f} ms; errors {len(errors)}"
    )
    print(
        f"  outcome: {confirmed.count()} confirmed, {len(waiting)} waiting, "
        f"quota organisation {quota_used}/10"
    )
    if confirmed.count() != args.seats or len(waiting) != len(people) - args.seats:
        failures.append("seats: overbooked or lost registrations")
    if quota_used > 10:
        failures.append("quota exceeded")
    if [seats.waiting_position(r) for r in waiting[:5]] != list(range(1, min(5, len(waiting)) + 1)):
        failures.append("the waiting list is not an unbroken queue")

    # 2. The cancellation rush: each freed seat goes to the next person who fits.
    leaving = list(
        confirmed.exclude(user__organisation=quota_organisation).select_related("user", "event")[
            : args.cancellations
        ]
    )
    before = set(confirmed.values_list("pk", flat=True))
    wall, latencies, errors = run_concurrently(
        leaving,
        min(args.processes, len(leaving)),
        lambda registration: services.registration_cancel(
            registration=registration, by=registration.user
        ),
    )
    after = set(confirmed.values_list("pk", flat=True))
    promoted = after - before
    print(
        f"cancellation rush: {len(leaving)} cancellations: {len(latencies) / wall:.0f}/s "
        f"({wall:.2f} s); p50 {percentile(latencies, 50) * 1000:.1f} ms, p95 "
        f"{percentile(latencies, 95) * 1000:.1f} ms; promoted {len(promoted)}; errors {len(errors)}"
    )
    if len(promoted) != len(leaving) or len(after) != args.seats:
        failures.append("cancellations: promotions do not match the freed seats")

    # 3. A changed room reaches every confirmed participant (the queue's round).
    started = time.perf_counter()
    sent = services.event_participants_mail(event_id=event.pk, template="updated")
    elapsed = time.perf_counter() - started
    print(
        f"changed-room mail round: {sent} participants in {elapsed:.2f} s "
        f"({elapsed / max(sent, 1) * 1000:.1f} ms each, queued for delivery)"
    )
    for failure in failures:
        print("FAILED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

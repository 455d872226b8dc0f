"""The newsletter's send round alone, each chunk's time split into recording and delivering.

On the data of bench/scale.py (run that first; same DATABASE_URL), as scale.py's newsletter
part runs it: a newsletter to everyone drafted and scheduled by the editor, its round's rows
written, every chunk of 500 through `newsletter_send_chunk` on `--workers` spawned processes,
to an SMTP sink. Per chunk it times the recording (`_newsletter_chunk_record`: claim, compose,
write), the delivering (`email_deliver`) and the statements that lock rows of the newsletter
app (`FOR UPDATE`): the time chunks spent waiting for one another
(docs/decisions/0051-newsletter-chunks-in-parallel.md). Compare revisions by running it from
each checkout in turns.
"""

import argparse
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import digests  # noqa: E402
import scale  # noqa: E402
from front_page import HOST, bench_env, free_port, postgres_database  # noqa: E402


def timed_chunk(newsletter_id: int, user_ids: list[int]) -> dict:
    """One chunk as the queue task runs it, with its phases timed (in a worker process)."""
    from django.db import connection

    from portal.newsletters import services

    locking: list[float] = []
    delivering: list[float] = []

    def wrapper(execute, sql, params, many, context):
        started = time.monotonic()
        try:
            return execute(sql, params, many, context)
        finally:
            if "FOR UPDATE" in sql and "newsletters_" in sql:
                locking.append(time.monotonic() - started)

    deliver = services.email_deliver

    def timed_deliver(ids, connection=None):
        started = time.monotonic()
        try:
            return deliver(ids, connection=connection)
        finally:
            delivering.append(time.monotonic() - started)

    services.email_deliver = timed_deliver
    started, cpu = time.monotonic(), time.process_time()
    try:
        with connection.execute_wrapper(wrapper):
            written = services.newsletter_send_chunk(newsletter_id=newsletter_id, user_ids=user_ids)
    finally:
        services.email_deliver = deliver
    wall = time.monotonic() - started
    return {
        "written": written,
        "wall": wall,
        "cpu": time.process_time() - cpu,
        "record": wall - sum(delivering),
        "deliver": sum(delivering),
        "lock_wait": sum(locking),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="queue-like processes")
    args = parser.parse_args()
    database_url = postgres_database(scale.DEFAULT_DATABASE_URL, "bench/newsletter_round.py")
    port = free_port()
    os.environ.update(
        bench_env(
            database_url,
            SITE_URL="https://samarbejdsportalen.example.dk",
            EMAIL_URL=f"smtp://{HOST}:{port}",
        )
    )
    import django

    django.setup()
    from django.db import connections

    from portal.newsletters import services
    from portal.newsletters.models import Newsletter

    if not digests.already_generated():
        sys.exit("no data: run bench/scale.py first (the same DATABASE_URL)")
    sink = scale.Sink(port, None)
    pool = None
    try:
        scale.forget_previous_rounds()
        newsletter_id = scale.newsletter_prepare()
        connections.close_all()
        pool = ProcessPoolExecutor(
            args.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=digests.worker_setup,
        )
        list(pool.map(digests.worker_pid, range(args.workers)))  # started before the clock
        started = time.monotonic()
        recipients = services.newsletter_sending_start(newsletter_id=newsletter_id) or []
        futures = [
            pool.submit(timed_chunk, newsletter_id, chunk)
            for chunk in services.recipient_chunks(recipients)
        ]
        chunks = [future.result() for future in futures]
        services.newsletter_sending_finish(newsletter_id=newsletter_id)
        elapsed = time.monotonic() - started
        written = sum(c["written"] for c in chunks)
        received = sink.wait_for(written)
        status = Newsletter.objects.values_list("status", flat=True).get(pk=newsletter_id)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        sink.stop()

    print(
        f"{len(recipients)} recipients, {written} written, {received} received, status "
        f"{status}: {elapsed:.1f} s, {written / elapsed:.0f} msg/s ({args.workers} workers)"
    )
    print(
        f"per chunk of {services.CHUNK_SIZE} (median of {len(chunks)}): recording "
        f"{median(c['record'] for c in chunks):.1f} s, delivering "
        f"{median(c['deliver'] for c in chunks):.1f} s, worker CPU "
        f"{median(c['cpu'] for c in chunks):.1f} s"
    )
    print(
        f"waiting on row locks: {sum(c['lock_wait'] for c in chunks):.1f} s of "
        f"{sum(c['wall'] for c in chunks):.1f} s chunk time in all"
    )
    ok = status == "sent" and written == received == len(recipients)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

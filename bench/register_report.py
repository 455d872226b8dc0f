"""Register benchmark: the committee report (PDF and DOCX) for 2,000 items.

On PostgreSQL (DATABASE_URL required, a database of its own: the register's items and report
snapshots are emptied first). Imports seed 004's 172 items through the import service, then
repeated with new ids (S1-01-r1, ...) up to `--items` (2,000), and times, as the jobcenter's
coordinator, `services.report_generate` (read the items, lay the report out, store the
snapshot and the audit entry) for PDF and DOCX, next to a baseline measured in the same run:
the report laid out for the 172 seed items alone (`report_content` + `report_pdf` /
`report_docx`, no query). The issue's goal (under 10 s for 2,000 items) is printed beside.
See bench/README.md.
"""

import argparse
import json
import os
import secrets
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from front_page import ROOT, bench_env, ensure_database, manage  # noqa: E402

GOAL_S = 10.0
COORDINATOR = "bench-koordinator@bench.example.dk"
SEED = ROOT / "portal" / "demo" / "data" / "seed004_items.json"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000, help="items in the big report")
    parser.add_argument("--runs", type=int, default=3, help="runs of each; the best is shown")
    return parser.parse_args()


def setup(database_url: str) -> None:
    os.environ.update(bench_env(database_url, ALLOWED_HOSTS="testserver"))
    ensure_database(database_url)
    manage(dict(os.environ), "migrate", "--noinput", "--verbosity", "0")
    import django

    django.setup()


def coordinator():
    """The jobcenter's coordinator (with TOTP, as the portal requires of coordinators)."""
    from allauth.mfa.models import Authenticator

    from portal.core.models import Organisation, OrganisationKind, Role, RoleGrant, User

    jobcenter, _ = Organisation.objects.get_or_create(
        slug="bench-jobcenter",
        defaults={"name": "Bench Jobcenter", "kind": OrganisationKind.JOBCENTER},
    )
    person, created = User.objects.get_or_create(
        email=COORDINATOR,
        defaults={
            "full_name": "Bench Koordinator",
            "organisation": jobcenter,
            "approved_at": datetime(2026, 1, 1, tzinfo=UTC),
        },
    )
    if created:
        person.set_unusable_password()
        person.save()
        RoleGrant.objects.create(user=person, role=Role.COORDINATOR)
        Authenticator.objects.create(
            user=person, type=Authenticator.Type.TOTP, data={"secret": secrets.token_hex(10)}
        )
    return User.objects.get(pk=person.pk)


def empty_register() -> None:
    from portal.register.models import RegisterItem, ReportSnapshot

    ReportSnapshot.objects.all().delete()
    RegisterItem.objects.all().delete()


def items_file(count: int) -> bytes:
    """Seed 004's items, then copies of them with new ids, `count` in all."""
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    items = []
    for index in range(count):
        item = dict(seed[index % len(seed)])
        copy = index // len(seed)
        if copy:
            item["id"] = f"{item['id']}-r{copy}"
        items.append(item)
    return json.dumps(items, ensure_ascii=False).encode()


def best(runs: int, work) -> tuple[float, int]:
    """The best time of `runs` runs of work() (seconds) and the size of what it made."""
    times, size = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        size = len(work())
        times.append(time.perf_counter() - began)
    return min(times), size


def main() -> int:
    args = parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/register_report.py needs PostgreSQL: set DATABASE_URL=postgres://...")
    os.chdir(ROOT)
    setup(database_url)

    from django.utils import timezone, translation

    from portal.register import report, services
    from portal.register.models import RegisterItem

    person = coordinator()
    empty_register()
    services.register_import(data=SEED.read_bytes())
    seed_items = list(RegisterItem.objects.select_related("responsible_office"))
    began = time.perf_counter()
    services.register_import(data=items_file(args.items))
    print(f"imported {RegisterItem.objects.count():,} items in {time.perf_counter() - began:.1f} s")

    print()
    print(f"{'report':<44} {'items':>6} {'best s':>7} {'size kB':>8}   goal")
    with translation.override("da"):
        for fmt in ("pdf", "docx"):
            render = report.FORMATS[fmt][0]

            def baseline(render=render):
                content = report.report_content(
                    items=seed_items, previous=None, today=timezone.localdate()
                )
                return render(content)

            seconds, size = best(args.runs, baseline)
            label = f"{fmt.upper()}: seed 004 laid out (baseline)"
            print(f"{label:<44} {len(seed_items):>6} {seconds:>7.2f} {size / 1024:>8.0f}")
            seconds, size = best(
                args.runs, lambda fmt=fmt: services.report_generate(by=person, fmt=fmt)
            )
            label = f"{fmt.upper()}: report_generate"
            print(
                f"{label:<44} {args.items:>6} {seconds:>7.2f} {size / 1024:>8.0f}"
                f"   < {GOAL_S:.0f} s {'ok' if seconds < GOAL_S else 'MISSED'}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

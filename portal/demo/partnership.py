"""The partnership's demo: 18 months of invented courses, interviews, job clubs and outcomes.

The rows come from a seeded generator driven by each fund's tendencies in
`data/partnership.yaml` (how often interviews are on time, how much is spent on job clubs),
are written as CSV in memory and go in through the import service as the jobcenter's
coordinator — the same checks and writes as a real file, so the demo cannot hold a row an
import would refuse. Citizen keys are pseudonyms (`demo-` and letters), never anything like
a CPR number.
"""

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from portal.core.models import Organisation, Role, User
from portal.partnership import access
from portal.partnership.figures import kpis_refresh
from portal.partnership.importing import COLUMNS
from portal.partnership.kpis import add_months
from portal.partnership.models import ContactCourse, ImportStatus, PartnershipAgreement
from portal.partnership.rule_sets import RULE_SET_2025
from portal.partnership.services import AgreementValues, agreement_save, import_start

from . import content
from .people import DEMO_DOMAIN, FAKER_SEED

# The files' columns, as the import reads them.
FIELDS = COLUMNS

# The fund-led series the demo's interviews follow: (months, days, held_by) of each slot.
SLOTS = tuple((slot.months, slot.days, slot.held_by) for slot in RULE_SET_2025.slots)
END_REASONS = ("Job", "Uddannelse", "Flyttet", "Sygdom")
# Letters only: a pseudonym of digits could look like a CPR number, and the import refuses those.
PSEUDONYM_LETTERS = "abcdefghjkmnpqrstuvwxyz"


@dataclass(frozen=True)
class Tendency:
    """How a fund's courses go (see data/partnership.yaml)."""

    courses_per_month: int
    on_time: float
    job_club: float
    cost_dkk: int
    self_supporting: float


def tendencies() -> tuple[int, dict[str, Tendency]]:
    """The months to generate and each demo fund's tendency (the default unless listed)."""
    spec = content.read("partnership.yaml")
    slugs = Organisation.objects.filter(access.funds_all()).order_by("slug")
    funds = {
        slug: Tendency(**{**spec["default"], **spec["funds"].get(slug, {})})
        for slug in slugs.values_list("slug", flat=True)
    }
    return spec["months"], funds


def partnership_rows(
    *,
    rng: random.Random,
    funds: dict[str, Tendency],
    first_start: date,
    months: int,
    today: date,
    prefix: str = "demo",
) -> dict[str, list[dict]]:
    """Rows for each import kind: courses starting in `months` months from `first_start`, and
    what happened to them up to `today` (nothing after it: interviews to come are not held yet)."""
    rows: dict[str, list[dict]] = {kind: [] for kind in FIELDS if kind != "benchmarks"}
    for fund_no, (slug, tendency) in enumerate(funds.items()):
        number = 0
        for month in range(months):
            first = add_months(first_start, month)
            for _ in range(max(0, round(rng.gauss(tendency.courses_per_month, 2)))):
                number += 1
                start = first + timedelta(days=rng.randrange(28))
                if start > today:
                    continue
                course_id = f"{prefix}-{fund_no:02d}-{number:06d}"
                _course(rows, rng, tendency, slug, course_id, start, today)
    return rows


def _course(rows, rng, tendency, slug, course_id, start, today) -> None:
    special = rng.random() < 0.03
    ended = chose = None
    luck = rng.random()
    if luck < 0.35:  # found a job or left another way within 8 months
        ended = start + timedelta(days=rng.randrange(40, 240))
    elif luck < 0.40:
        chose = start + timedelta(days=rng.randrange(20, 150))
    ended = ended if ended and ended <= today else None
    chose = chose if chose and chose <= today else None
    stop = min(d for d in (ended, chose, today) if d)
    rows["courses"].append(
        {
            "course_id": course_id,
            "fund": slug,
            "citizen_key": "demo-" + "".join(rng.choices(PSEUDONYM_LETTERS, k=10)),
            "unemployment_start": start.isoformat(),
            "age_band": "under30" if rng.random() < 0.3 else "30plus",
            "special_effort": int(special),
            "chose_jobcenter_on": chose.isoformat() if chose else "",
            "end_date": ended.isoformat() if ended else "",
            "end_reason": rng.choice(END_REASONS) if ended else "",
        }
    )
    held = [(start + timedelta(days=rng.randrange(3, 10)), "cv", "fund", "held")]
    for months, days, side in SLOTS:
        due = add_months(start, months) + timedelta(days=days)
        if rng.random() < tendency.on_time:
            day = due + timedelta(days=rng.randrange(-6, 12))
        elif rng.random() < 0.6:
            day = due + timedelta(days=rng.randrange(16, 35))  # late
        else:
            continue  # never held
        status = "held" if rng.random() > 0.015 else rng.choice(("cancelled", "no_show"))
        held.append((day, "joint" if rng.random() < 0.15 else "job", side, status))
    for n, (day, kind, side, status) in enumerate(held, start=1):
        if day <= stop:
            rows["interviews"].append(
                {
                    "interview_id": f"{course_id}-s{n}",
                    "course_id": course_id,
                    "kind": kind,
                    "held_on": day.isoformat(),
                    "held_by": side,
                    "channel": rng.choice(("in_person", "in_person", "phone", "video")),
                    "status": status,
                }
            )
    if rng.random() < tendency.job_club:
        day = start + timedelta(days=rng.randrange(15, 85))
        if day <= stop:
            cost = tendency.cost_dkk * rng.uniform(0.8, 1.2)
            rows["job_clubs"].append(
                {
                    "activity_id": f"{course_id}-j1",
                    "course_id": course_id,
                    "start_date": day.isoformat(),
                    "cost_dkk": f"{cost:.2f}",
                }
            )
    if start + timedelta(weeks=26) <= today:
        rows["outcomes"].append(
            {
                "course_id": course_id,
                "weeks_after_start": 26,
                "self_supporting": int(rng.random() < tendency.self_supporting),
            }
        )


def csv_bytes(kind: str, rows: list[dict]) -> bytes:
    """A file as Excel writes it in Denmark: `;`-separated UTF-8 with a BOM."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS[kind], delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _imported(kind: str, rows: list[dict], by: User) -> int:
    record = import_start(
        kind=kind, file_name=f"demo-{kind}.csv", data=csv_bytes(kind, rows), by=by, queue=False
    )
    if record.status != ImportStatus.DONE:
        raise ValueError(f"The demo's {kind} file was refused: {record.errors[:3]}")
    return record.created


def _agreements(funds: list[Organisation], coordinator: User, year: int) -> int:
    """This year's and last year's agreement for every fund, made by the jobcenter's
    coordinator through the service (with their audit entries), as in the portal."""
    spec = content.read("partnership.yaml")["agreement"]
    values = AgreementValues(
        timeliness_target=Decimal(spec["timeliness_target"]),
        job_club_share_target=Decimal(spec["job_club_share_target"]),
        budget_frame_dkk=Decimal(spec["budget_frame_dkk"]),
        effect_target=Decimal(spec["effect_target"]),
        rule_set=None,
        tolerance_days=spec["tolerance_days"],
    )
    admins = {
        user.organisation_id: user
        for user in User.objects.filter(
            organisation__in=funds, role_grants__role=Role.ADMIN
        ).order_by("pk")
    }
    before = PartnershipAgreement.objects.count()
    for fund in funds:
        for each in (year - 1, year):
            agreement_save(
                fund=fund,
                year=each,
                by=coordinator,
                values=values,
                jobcenter_contacts=[coordinator],
                fund_contacts=[admins[fund.pk]] if fund.pk in admins else [],
            )
    return PartnershipAgreement.objects.count() - before


@transaction.atomic
def partnership_demo_load() -> dict[str, int]:
    """Load the partnership demo once (a second call creates nothing) and bring its KPIs up to
    date: the figures are current when `load_demo` returns, whatever the queue is doing."""
    if ContactCourse.objects.exists():
        return {"courses": 0}
    coordinator = User.objects.get(email=f"koordinator@{DEMO_DOMAIN}")
    today = timezone.localdate()
    months, funds = tendencies()
    rng = random.Random(f"{FAKER_SEED}:partnership")  # noqa: S311 (fictional data, not security)
    first_start = add_months(today.replace(day=1), -(months - 1))
    # Courses from a month earlier: the first month shown has interviews due and job clubs.
    rows = partnership_rows(
        rng=rng,
        funds=funds,
        first_start=add_months(first_start, -1),
        months=months + 1,
        today=today,
    )
    spec = content.read("partnership.yaml")["benchmark"]
    rows["benchmarks"] = [
        {
            "period": f"{add_months(first_start, k):%Y-%m}",
            "value": f"{spec['base'] + rng.uniform(-spec['spread'], spec['spread']):.4f}",
        }
        for k in range(months)
    ]
    counts = {kind: _imported(kind, kind_rows, coordinator) for kind, kind_rows in rows.items()}
    fund_rows = list(Organisation.objects.filter(slug__in=funds).order_by("pk"))
    counts["agreements"] = _agreements(fund_rows, coordinator, today.year)
    kpis_refresh(fund_ids=[fund.pk for fund in fund_rows])
    return counts

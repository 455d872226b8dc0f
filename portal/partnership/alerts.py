"""The alert when a fund's timeliness falls below its goal: the bell (and, by each person's
email preferences, an email) for the fund's coordinators and the jobcenter's coordinators.

Asked after every refresh of a fund's figures (tasks.refresh_after_import). It looks at the
latest complete month (the one before today's) only: a month still running is not yet a
verdict. A TimelinessAlert row is the marker that the month was alerted, so a re-import of the
same month tells nobody twice; a month at or above the goal, or with nothing due, alerts no one.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from portal.core.models import Organisation, OrganisationKind, Role, User
from portal.core.notify import NotificationKind, notify

from . import access
from .kpis import COUNT_FIELDS, MonthlyTotals
from .models import FundMonth, PartnershipAgreement, TimelinessAlert
from .selectors import DEFAULT_TIMELINESS_TARGET


def _coordinators(organisations) -> list[User]:
    return list(
        User.objects.filter(
            organisation__in=organisations, role_grants__role=Role.COORDINATOR, is_active=True
        )
        .distinct()
        .order_by("pk")
    )


@transaction.atomic
def timeliness_alerts_send(*, fund_ids: Iterable[int], today: date) -> list[TimelinessAlert]:
    """Alert the coordinators of each of these funds whose timeliness in the month before
    `today` is below its agreement's target (default 90 %), once per fund and month."""
    period = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    alerts = []
    funds = Organisation.objects.filter(access.funds_all(), pk__in=list(fund_ids))
    for fund in funds.order_by("pk"):
        row = FundMonth.objects.filter(fund=fund, period=period).first()
        if row is None:
            continue
        totals = MonthlyTotals(
            fund=fund.slug, period=period, **{name: getattr(row, name) for name in COUNT_FIELDS}
        )
        agreement = PartnershipAgreement.objects.filter(fund=fund, year=period.year).first()
        target = (
            Decimal(agreement.timeliness_target)
            if agreement
            else Decimal(str(DEFAULT_TIMELINESS_TARGET))
        )
        if totals.timeliness is None or Decimal(str(totals.timeliness)) >= target:
            continue
        alert, created = TimelinessAlert.objects.get_or_create(
            fund=fund,
            period=period,
            defaults={"timeliness": Decimal(str(totals.timeliness)), "target": target},
        )
        if not created:
            continue
        jobcenters = Organisation.objects.filter(kind=OrganisationKind.JOBCENTER)
        people = access.fund_readers(
            fund=fund, users=_coordinators([fund]) + _coordinators(jobcenters)
        )
        notify(
            recipients=people,
            kind=NotificationKind.PARTNERSHIP_BELOW_GOAL,
            organisation=fund,
            period=period,
        )
        alerts.append(alert)
    return alerts

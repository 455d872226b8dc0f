"""Queue entry points of the partnership: large imports, what follows every import, and the
recompute after the measuring rules change."""

from datetime import timedelta

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from portal.core.models import Organisation

from .access import funds_all
from .alerts import timeliness_alerts_send
from .figures import kpis_refresh
from .models import ImportStatus, PartnershipImport

# A queued import the queue has not started after this long was lost (or never enqueued).
SWEEP_AFTER = timedelta(minutes=10)


@db_task()
def partnership_import_run(import_id: int):
    from .services import import_run

    import_run(import_id=import_id)


@db_periodic_task(crontab(minute="*/10"))
def partnership_imports_sweep():
    """Every ten minutes: run the imports the queue never took (enqueued with Fallback.SWEEP)."""
    stale = timezone.now() - SWEEP_AFTER
    for import_id in PartnershipImport.objects.filter(
        status=ImportStatus.QUEUED, created_at__lt=stale
    ).values_list("pk", flat=True):
        partnership_import_run(import_id)


@db_periodic_task(crontab(hour="6", minute="30"))
def partnership_monthly_reports():
    """Daily: on the month's 3rd working day, mail last month's reports (reports.py; a rerun
    the same day sends nothing twice)."""
    from .reports import monthly_reports_send

    monthly_reports_send(today=timezone.localdate())


def refresh_after_import(import_id: int) -> None:
    """Bring the KPI aggregates of the funds an import touched up to date.

    Called after every import that changed rows commits (services._rows_write), in the process
    that ran the import: the web request for a small file, the queue's worker for a large one.
    So when an import says "done", its funds' figures are current. A touched fund is recomputed
    whole (figures.py says why); benchmarks touch no fund and are read as they are.
    """
    touched = (
        PartnershipImport.objects.filter(pk=import_id).values_list("touched", flat=True).first()
        or {}
    )
    fund_ids = touched.get("funds") or []
    if fund_ids:
        kpis_refresh(fund_ids=fund_ids)
        timeliness_alerts_send(fund_ids=fund_ids, today=timezone.localdate())


@db_task()
def partnership_kpis_refresh(fund_ids: list[int] | None = None):
    """Recompute the figures of funds whose measuring rules changed: an agreement's tolerance or
    rule set (its fund), or a rule set's slots or period (`None`: every fund)."""
    if fund_ids is None:
        fund_ids = list(Organisation.objects.filter(funds_all()).values_list("pk", flat=True))
    kpis_refresh(fund_ids=fund_ids)

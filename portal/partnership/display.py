"""The partnership figures as the pages say them: Danish numbers, "–" for nothing due, the
charts with their tables and one-line summaries. Pure functions of the selectors' results, so
a report can say the same in the same words."""

from dataclasses import dataclass
from datetime import date

from django.utils import formats
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .charts import Chart, Series, chart_shapes, svg
from .selectors import FundComparison, FundYear

NOTHING = "–"


def percent(value: float | None) -> str:
    """0.875 → "87,5 %"; None (nothing due) → "–", never 0 %."""
    if value is None:
        return NOTHING
    text = formats.number_format(round(value * 100, 1), decimal_pos=1, use_l10n=True)
    decimal = formats.get_format("DECIMAL_SEPARATOR")
    if text.endswith(f"{decimal}0"):
        text = text[:-2]
    return f"{text} %"


def kroner(value: int | float | None) -> str:
    """500000 → "500.000 kr."."""
    if value is None:
        return NOTHING
    return _("%(amount)s kr.") % {
        "amount": formats.number_format(int(value), use_l10n=True, force_grouping=True)
    }


def month_name(period: date) -> str:
    return str(MONTHS[period.month])


def against(value: float | None, goal: float | None) -> str:
    """ "goal met" / "below the goal" / "" when either is missing."""
    if value is None or goal is None:
        return ""
    return _("goal met") if value >= goal else _("below the goal")


def ratio_summary(label: str, period: date, value: float | None, goal: float | None) -> str:
    """ "Rettidighed i oktober: 87,5 % (mål 90 %) — under målet"."""
    month = month_name(period)
    if value is None:
        return _("%(label)s in %(month)s: – (nothing due)") % {"label": label, "month": month}
    if goal is None:
        return _("%(label)s in %(month)s: %(value)s") % {
            "label": label,
            "month": month,
            "value": percent(value),
        }
    return _("%(label)s in %(month)s: %(value)s (goal %(goal)s) — %(verdict)s") % {
        "label": label,
        "month": month,
        "value": percent(value),
        "goal": percent(goal),
        "verdict": against(value, goal),
    }


PERCENT_TICKS = [(0, "0 %"), (0.25, "25 %"), (0.5, "50 %"), (0.75, "75 %"), (1, "100 %")]


@dataclass(frozen=True)
class Panel:
    """One KPI on the dashboard: its chart, the one-line summary and the table alternative."""

    key: str
    title: str
    summary: str
    figure: Chart  # the shapes; the page draws them as SVG, the PDF report as a Drawing
    columns: list[str]
    rows: list[list[str]]  # first cell is the month

    @property
    def chart(self) -> SafeString:
        return svg(self.figure)


def _labels(year: FundYear) -> list[str]:
    return [str(MONTHS_3[m.period.month]) for m in year.months]


def _counted(year: FundYear) -> list:
    """The months of the year so far (a future month has nothing to say yet)."""
    return [m for m in year.months if year.through is not None and m.period <= year.through]


def dashboard_panels(year: FundYear) -> list[Panel]:
    months = year.months
    counted = {m.period for m in _counted(year)}
    latest = year.latest
    goals = year.goals
    labels = _labels(year)
    panels = []

    def shown(value, month):
        return value if month.period in counted else None

    # Timeliness
    label = _("Timeliness")
    values = [shown(m.totals.timeliness, m) for m in months]
    panels.append(
        Panel(
            key="timeliness",
            title=label,
            summary=(
                ratio_summary(label, latest.period, latest.totals.timeliness, goals.timeliness)
                if latest
                else _("No months yet in %(year)s.") % {"year": year.year}
            ),
            figure=chart_shapes(
                chart_id="chart-timeliness",
                title=_("Timeliness per month in %(year)s") % {"year": year.year},
                desc=_("Share of interviews held on time each month; the dashed line is the goal."),
                labels=labels,
                series=[Series(label, values)],
                y_max=1,
                y_ticks=PERCENT_TICKS,
                target=goals.timeliness,
                target_label=_("Goal %(goal)s") % {"goal": percent(goals.timeliness)},
            ),
            columns=[_("Month"), _("Interviews due"), _("On time"), _("Timeliness")],
            rows=[
                [
                    month_name(m.period),
                    str(m.totals.slots_due),
                    str(m.totals.slots_on_time),
                    percent(shown(m.totals.timeliness, m)),
                ]
                for m in months
            ],
        )
    )
    # Job club by 3 months
    label = _("Job club by 3 months")
    values = [shown(m.totals.job_club_by_3m, m) for m in months]
    panels.append(
        Panel(
            key="job-club",
            title=label,
            summary=(
                ratio_summary(
                    label, latest.period, latest.totals.job_club_by_3m, goals.job_club_share
                )
                if latest
                else ""
            ),
            figure=chart_shapes(
                chart_id="chart-job-club",
                title=_("Job club by 3 months per month in %(year)s") % {"year": year.year},
                desc=_(
                    "Share of courses reaching 3 months with a job club by then; "
                    "the dashed line is the goal."
                ),
                labels=labels,
                series=[Series(label, values)],
                y_max=1,
                y_ticks=PERCENT_TICKS,
                target=goals.job_club_share,
                target_label=(
                    _("Goal %(goal)s") % {"goal": percent(goals.job_club_share)}
                    if goals.job_club_share is not None
                    else ""
                ),
            ),
            columns=[_("Month"), _("Courses at 3 months"), _("With a job club"), _("Share")],
            rows=[
                [
                    month_name(m.period),
                    str(m.totals.job_club_due),
                    str(m.totals.job_club_met),
                    percent(shown(m.totals.job_club_by_3m, m)),
                ]
                for m in months
            ],
        )
    )
    # Budget
    forecast = year.forecast
    frame = goals.budget_frame_dkk
    running = [m.budget_running_dkk if m.period in counted else None for m in months]
    top = max([frame, *(v for v in running if v is not None)], default=frame)
    if forecast is not None:
        top = max(top, forecast.forecast_dkk)
    if forecast is None:
        budget_summary = _("The year has not begun.")
    else:
        budget_summary = _(
            "Job clubs through %(month)s: %(spent)s of the frame %(frame)s; "
            "forecast for the year %(forecast)s — %(verdict)s"
        ) % {
            "month": month_name(forecast.through),
            "spent": kroner(forecast.spent_dkk),
            "frame": kroner(frame),
            "forecast": kroner(forecast.forecast_dkk),
            "verdict": _("over the frame") if forecast.over_frame else _("within the frame"),
        }
    panels.append(
        Panel(
            key="budget",
            title=_("Budget for job clubs"),
            summary=budget_summary,
            figure=chart_shapes(
                chart_id="chart-budget",
                title=_("Job-club spend so far in %(year)s") % {"year": year.year},
                desc=_("Running total of the spend month by month; the dashed line is the frame."),
                labels=labels,
                series=[Series(_("Spent so far"), running)],
                y_max=top * 1.1,
                y_ticks=[(0, "0")],
                target=frame,
                target_label=_("Frame %(frame)s") % {"frame": kroner(frame)},
                kind="bar",
            ),
            columns=[_("Month"), _("Spent in the month"), _("Spent so far")],
            rows=[
                [
                    month_name(m.period),
                    kroner(m.totals.budget_used_dkk) if m.period in counted else NOTHING,
                    kroner(m.budget_running_dkk) if m.period in counted else NOTHING,
                ]
                for m in months
            ],
        )
    )
    # Effect
    label = _("Self-supporting at 26 weeks")
    values = [shown(m.totals.self_supporting_26w, m) for m in months]
    benchmark = [m.benchmark for m in months]
    latest_effect = next(
        (m for m in reversed(_counted(year)) if m.totals.self_supporting_26w is not None), latest
    )
    goal = (
        goals.effect
        if goals.effect is not None
        else (latest_effect.benchmark if latest_effect else None)
    )
    panels.append(
        Panel(
            key="effect",
            title=label,
            summary=(
                ratio_summary(
                    label, latest_effect.period, latest_effect.totals.self_supporting_26w, goal
                )
                if latest_effect
                else ""
            ),
            figure=chart_shapes(
                chart_id="chart-effect",
                title=_("Self-supporting at 26 weeks per month in %(year)s") % {"year": year.year},
                desc=_(
                    "Share self-supporting 26 weeks after the start (solid) next to comparable "
                    "municipalities (dotted)."
                ),
                labels=labels,
                series=[Series(label, values), Series(_("Comparable municipalities"), benchmark)],
                y_max=1,
                y_ticks=PERCENT_TICKS,
                target=goals.effect,
                target_label=(
                    _("Goal %(goal)s") % {"goal": percent(goals.effect)}
                    if goals.effect is not None
                    else ""
                ),
            ),
            columns=[
                _("Month"),
                _("Outcomes at 26 weeks"),
                _("Self-supporting"),
                _("Comparable municipalities"),
            ],
            rows=[
                [
                    month_name(m.period),
                    str(m.totals.outcomes_26w),
                    percent(shown(m.totals.self_supporting_26w, m)),
                    percent(m.benchmark),
                ]
                for m in months
            ],
        )
    )
    return panels


def comparison_row(row: FundComparison) -> dict:
    """One fund's row on the overview, each figure with its goal and verdict."""
    return {
        "row": row,
        "timeliness": percent(row.totals.timeliness),
        "timeliness_goal": percent(row.goals.timeliness),
        "timeliness_verdict": against(row.totals.timeliness, row.goals.timeliness),
        "job_club": percent(row.totals.job_club_by_3m),
        "job_club_goal": percent(row.goals.job_club_share),
        "job_club_verdict": against(row.totals.job_club_by_3m, row.goals.job_club_share),
        "budget": kroner(row.budget_year_to_date_dkk),
        "budget_frame": kroner(row.goals.budget_frame_dkk),
        "budget_share": percent(row.budget_share),
        "budget_verdict": (_("within the frame") if row.budget_within else _("over the frame")),
        "effect": percent(row.totals.self_supporting_26w),
        "benchmark": percent(row.benchmark),
        "effect_verdict": (
            ""
            if row.effect_met is None
            else (_("goal met") if row.effect_met else _("below the goal"))
        ),
    }


def import_too_large(limit: int) -> str:
    """The one message for a file over the size limit (browser and API)."""
    return _("The file is too large: at most %(size)s MB.") % {
        "size": formats.number_format(limit / (1024 * 1024), 0)
    }


def agreement_texts(agreement) -> dict[str, str | None]:
    """An agreement's goals as the page shows them ("90 %", "500.000 kr."; None: no goal)."""

    def share(value):
        return None if value is None else percent(float(value))

    return {
        "timeliness": share(agreement.timeliness_target),
        "job_club": share(agreement.job_club_share_target),
        "budget": kroner(agreement.budget_frame_dkk),
        "effect": share(agreement.effect_target),
    }

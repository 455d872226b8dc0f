"""The monthly report of the partnership, as PDF (reportlab) and XLSX (openpyxl).

One fund's report: a front page, the KPIs against the goals for the month and for the year so
far, a table per KPI and its chart. The jobcenter's report: the funds side by side for the
month, then every fund's report in turn. The numbers come from the selectors (the stored
aggregates), the words and tables from display.py, and the charts from the same shapes the
page draws as SVG (charts.chart_shapes), drawn here as reportlab Drawings. Both functions
return bytes, in the language active when they are called.
"""

from datetime import date, timedelta
from io import BytesIO
from xml.sax.saxutils import escape

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from portal.core.email import email_send
from portal.core.models import EmailDelivery, Organisation, OrganisationKind, Role, User
from portal.core.pdf import AUTHOR, FONT, FONT_BOLD, table_style
from portal.core.workdays import nth_working_day_of_month

from . import access, display, selectors
from .charts import Chart
from .kpis import COUNT_FIELDS, MonthlyTotals
from .selectors import FundComparison, FundYear, fund_year

CHART_WIDTH = 170 * mm

TITLE = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=20, leading=24, spaceAfter=8)
HEADING = ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=13, leading=16, spaceAfter=4)
BODY = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13, spaceAfter=4)


# --- The figures a report states --------------------------------------------------------------


def year_so_far(year: FundYear, period: date) -> MonthlyTotals:
    """The sums of the months of the year up to and including `period`."""
    months = [m.totals for m in year.months if m.period <= period]
    return MonthlyTotals(
        fund=year.fund.slug,
        period=period,
        **{name: sum(getattr(m, name) for m in months) for name in COUNT_FIELDS},
    )


def fund_report_year(*, fund: Organisation, period: date, today: date) -> FundYear:
    """The fund's year as the report for `period` sees it: counted through that month."""
    year = fund_year(fund=fund, year=period.year, today=today)
    through = min(year.through, period) if year.through else period
    return FundYear(
        fund=year.fund,
        year=year.year,
        goals=year.goals,
        months=year.months,
        forecast=year.forecast,
        through=through,
    )


def goal_rows(year: FundYear, period: date) -> list[list[str]]:
    """KPI, the month, the year so far, the goal: the report's first table."""
    month = next(m for m in year.months if m.period == period)
    total = year_so_far(year, period)
    goals = year.goals
    return [
        [_("Key figure"), display.month_name(period), _("Year so far"), _("Goal")],
        [
            _("Timeliness"),
            display.percent(month.totals.timeliness),
            display.percent(total.timeliness),
            display.percent(goals.timeliness),
        ],
        [
            _("Interviews due / on time"),
            f"{month.totals.slots_due} / {month.totals.slots_on_time}",
            f"{total.slots_due} / {total.slots_on_time}",
            "",
        ],
        [
            _("Job club by 3 months"),
            display.percent(month.totals.job_club_by_3m),
            display.percent(total.job_club_by_3m),
            display.percent(goals.job_club_share),
        ],
        [
            _("Budget used"),
            display.kroner(month.totals.budget_used_dkk),
            display.kroner(total.budget_used_dkk),
            display.kroner(goals.budget_frame_dkk),
        ],
        [
            _("Self-supporting at 26 weeks"),
            display.percent(month.totals.self_supporting_26w),
            display.percent(total.self_supporting_26w),
            display.percent(goals.effect if goals.effect is not None else month.benchmark),
        ],
    ]


def comparison_rows(rows: list[FundComparison]) -> list[list[str]]:
    header = [_("Fund"), _("Timeliness"), _("Job club by 3 months"), _("Budget so far")]
    header.append(_("Self-supporting at 26 weeks"))
    body = []
    for row in rows:
        shown = display.comparison_row(row)
        body.append(
            [
                row.fund.name,
                shown["timeliness"],
                shown["job_club"],
                shown["budget"],
                shown["effect"],
            ]
        )
    return [header, *body]


# --- PDF ----------------------------------------------------------------------------------------


def chart_drawing(chart: Chart, width: float = CHART_WIDTH) -> Drawing:
    """The chart's shapes as a reportlab Drawing, scaled to `width` (y flipped: SVG counts down
    from the top, PDF up from the bottom)."""
    scale = width / chart.width
    drawing = Drawing(width, chart.height * scale)

    def at(point):
        return point[0] * scale, (chart.height - point[1]) * scale

    for shape in chart.shapes:
        colour = colors.HexColor(shape.colour)
        dash = list(shape.dash) or None
        if shape.kind == "line":
            (x1, y1), (x2, y2) = at(shape.points[0]), at(shape.points[1])
            drawing.add(
                Line(
                    x1,
                    y1,
                    x2,
                    y2,
                    strokeColor=colour,
                    strokeWidth=shape.stroke_width * scale,
                    strokeDashArray=dash,
                )
            )
        elif shape.kind == "polyline":
            points = [c for p in shape.points for c in at(p)]
            drawing.add(
                PolyLine(
                    points,
                    strokeColor=colour,
                    strokeWidth=shape.stroke_width * scale,
                    strokeDashArray=dash,
                )
            )
        elif shape.kind == "circle":
            x, y = at(shape.points[0])
            drawing.add(Circle(x, y, shape.size[0] * scale, fillColor=colour, strokeColor=None))
        elif shape.kind == "rect":
            x, top = at(shape.points[0])
            w, h = shape.size[0] * scale, shape.size[1] * scale
            drawing.add(Rect(x, top - h, w, h, fillColor=colour, strokeColor=None))
        elif shape.kind == "text":
            x, y = at(shape.points[0])
            drawing.add(
                String(
                    x,
                    y,
                    shape.text,
                    fontName=FONT,
                    fontSize=12 * scale,
                    fillColor=colour,
                    textAnchor=shape.anchor,
                )
            )
    return drawing


def _table(rows: list[list[str]]) -> Table:
    table = Table(rows, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(("ALIGN", (1, 0), (-1, -1), "RIGHT")))
    return table


def _fund_story(year: FundYear, period: date, *, front: bool) -> list:
    fund = year.fund
    title = _("Monthly report: %(fund)s, %(month)s %(year)s") % {
        "fund": fund.name,
        "month": display.month_name(period),
        "year": period.year,
    }
    story = [Paragraph(escape(title), TITLE if front else HEADING)]
    if not year.goals.agreed:
        story.append(
            Paragraph(escape(_("No agreement for the year: the standing goals apply.")), BODY)
        )
    story += [_table(goal_rows(year, period)), Spacer(1, 6 * mm)]
    for panel in display.dashboard_panels(year):
        story.append(
            KeepTogether(
                [
                    Paragraph(escape(panel.title), HEADING),
                    Paragraph(escape(panel.summary), BODY),
                    chart_drawing(panel.figure),
                ]
            )
        )
        story += [_table([panel.columns, *panel.rows]), Spacer(1, 6 * mm)]
    return story


def _front(title: str, today: date) -> list:
    return [
        Spacer(1, 60 * mm),
        Paragraph(escape(title), TITLE),
        Paragraph(escape(AUTHOR), BODY),
        Paragraph(
            escape(_("Made %(date)s") % {"date": formats.date_format(today, "j. F Y")}), BODY
        ),
        PageBreak(),
    ]


def _build(story: list, title: str) -> bytes:
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=AUTHOR,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    document.build(story)
    return buffer.getvalue()


def _fund_title(fund: Organisation, period: date) -> str:
    return _("Monthly report: %(fund)s, %(month)s %(year)s") % {
        "fund": fund.name,
        "month": display.month_name(period),
        "year": period.year,
    }


def fund_report_pdf(*, fund: Organisation, period: date, today: date) -> bytes:
    """The fund's monthly report as PDF bytes."""
    period = period.replace(day=1)
    year = fund_report_year(fund=fund, period=period, today=today)
    title = _fund_title(fund, period)
    return _build([*_front(title, today), *_fund_story(year, period, front=False)], title)


def _all_title(period: date) -> str:
    return _("Monthly report: every fund, %(month)s %(year)s") % {
        "month": display.month_name(period),
        "year": period.year,
    }


def all_funds_report_pdf(*, rows: list[FundComparison], period: date, today: date) -> bytes:
    """The jobcenter's report: the funds side by side (`rows`, selectors.funds_comparison),
    then each fund's own report."""
    period = period.replace(day=1)
    title = _all_title(period)
    story = [*_front(title, today), Paragraph(escape(title), HEADING)]
    story += [_table(comparison_rows(rows)), PageBreak()]
    for row in rows:
        year = fund_report_year(fund=row.fund, period=period, today=today)
        story += [*_fund_story(year, period, front=False), PageBreak()]
    return _build(story, title)


# --- XLSX ---------------------------------------------------------------------------------------


def _sheet(workbook: Workbook, name: str, rows: list[list[str]], *, first: bool = False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = name[:31]
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    return sheet


def _fund_sheets(
    workbook: Workbook, year: FundYear, period: date, *, prefix: str = "", first=False
):
    _sheet(workbook, f"{prefix}{_('Goals')}", goal_rows(year, period), first=first)
    for panel in display.dashboard_panels(year):
        _sheet(workbook, f"{prefix}{panel.title}", [panel.columns, *panel.rows])


def _xlsx(workbook: Workbook, title: str) -> bytes:
    workbook.properties.title = title
    workbook.properties.creator = AUTHOR
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def fund_report_xlsx(*, fund: Organisation, period: date, today: date) -> bytes:
    """The fund's monthly report as an XLSX workbook: the goals sheet, then a sheet per KPI."""
    period = period.replace(day=1)
    year = fund_report_year(fund=fund, period=period, today=today)
    workbook = Workbook()
    _fund_sheets(workbook, year, period, first=True)
    return _xlsx(workbook, _fund_title(fund, period))


def all_funds_report_xlsx(*, rows: list[FundComparison], period: date, today: date) -> bytes:
    """The jobcenter's report as XLSX: the funds side by side, then each fund's goals sheet."""
    period = period.replace(day=1)
    workbook = Workbook()
    _sheet(workbook, _("Funds"), comparison_rows(rows), first=True)
    for row in rows:
        year = fund_report_year(fund=row.fund, period=period, today=today)
        _sheet(workbook, row.fund.name, goal_rows(year, period))
    return _xlsx(workbook, _all_title(period))


# --- Mailing: the 3rd working day of every month ----------------------------------------------

REPORT_WORKING_DAY = 3
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_day(year: int, month: int) -> date:
    """The day the month's mail goes out: the 3rd working day (weekends, Danish public holidays
    and public offices' closing days do not count; core/workdays.py)."""
    return nth_working_day_of_month(year, month, REPORT_WORKING_DAY)


def _coordinators(organisations) -> list[User]:
    return list(
        User.objects.filter(
            organisation__in=organisations, role_grants__role=Role.COORDINATOR, is_active=True
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _mail(*, people, reference, name, period, page_url, pdf, xlsx, filename) -> int:
    """Mail the report to each of `people` not already mailed it (the outbox row with this
    reference is the sent-marker: a rerun sends nobody anything twice)."""
    done = set(
        EmailDelivery.objects.filter(reference=reference, user__in=people).values_list(
            "user_id", flat=True
        )
    )
    sent = 0
    for person in people:
        if person.pk in done:
            continue
        email_send(
            to=person.email,
            user=person,
            template="partnership/emails/monthly_report",
            reference=reference,
            context={
                "recipient": person,
                "name": name,
                "month": display.month_name(period),
                "year": period.year,
                "page_url": page_url,
            },
            attachments=[
                (f"{filename}.pdf", pdf, "application/pdf"),
                (f"{filename}.xlsx", xlsx, XLSX_TYPE),
            ],
        )
        sent += 1
    return sent


@transaction.atomic
def monthly_reports_send(*, today: date) -> int:
    """On the month's 3rd working day, mail last month's report: each fund's own to its
    coordinators (those of them the partnership policy lets see it), the all-funds report to
    the jobcenter's coordinators. Any other day nothing. Returns how many mails were queued."""
    if today != report_day(today.year, today.month):
        return 0
    period = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        funds = list(Organisation.objects.filter(access.funds_all()).order_by("name"))
        for fund in funds:
            people = access.fund_readers(fund=fund, users=_coordinators([fund]))
            if not people:
                continue
            filename = f"partnerskab-{fund.slug}-{period:%Y-%m}"
            sent += _mail(
                people=people,
                reference=f"partnership-report:{period:%Y-%m}:{fund.slug}"[:80],
                name=fund.name,
                period=period,
                page_url=settings.SITE_URL + reverse("partnership:dashboard", args=[fund.slug]),
                pdf=fund_report_pdf(fund=fund, period=period, today=today),
                xlsx=fund_report_xlsx(fund=fund, period=period, today=today),
                filename=filename,
            )
        jobcenters = Organisation.objects.filter(kind=OrganisationKind.JOBCENTER)
        people = [p for p in _coordinators(jobcenters) if access.may_compare_funds(user=p)]
        if people:
            # Every one of them sees every fund, so one rendering serves them all.
            rows = selectors.funds_comparison(user=people[0], period=period)
            sent += _mail(
                people=people,
                reference=f"partnership-report:{period:%Y-%m}:all",
                name=_("every fund"),
                period=period,
                page_url=settings.SITE_URL + reverse("partnership:overview"),
                pdf=all_funds_report_pdf(rows=rows, period=period, today=today),
                xlsx=all_funds_report_xlsx(rows=rows, period=period, today=today),
                filename=f"partnerskab-{period:%Y-%m}",
            )
    return sent

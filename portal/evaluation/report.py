"""The annual evaluation report (issue 15, item 3): a front page, the summary against the goals,
the figures per section with their charts, the results of the user surveys that ran that year,
and the development since last year. As PDF (reportlab, the register's pattern and core/pdf.py)
and DOCX (python-docx, for the desk to edit before it goes to the steering group).

`report_content` only arranges what `selectors.evaluation_summary` and `survey_results` worked
out (pure: no query of its own); `report_pdf` and `report_docx` only lay it out. Every chart has
its table beside it (the PDF's bar charts; the DOCX has the tables). Free-text survey answers are
quoted without names: the report leaves the portal (docs/decisions/0042-annual-report.md).
"""

from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

from portal.core.docx import docx_language, docx_table
from portal.core.models import OrganisationKind
from portal.core.pdf import AUTHOR, FONT, FONT_BOLD, outlined_pdf, table_style

from .selectors import EvaluationSummary

LANGUAGE = "da-DK"

TITLE = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=22, leading=27, spaceAfter=10)
H1 = ParagraphStyle("h1", fontName=FONT_BOLD, fontSize=16, leading=20, spaceBefore=6, spaceAfter=6)
H2 = ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=13, leading=16, spaceBefore=6, spaceAfter=4)
BODY = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13, spaceAfter=4)
LEVELS = {"h1": 0, "h2": 1}
EMAIL_COLOUR = colors.HexColor("#0059b3")
DIRECT_COLOUR = colors.HexColor("#9ecae1")


def report_title(year: int) -> str:
    return _("Annual evaluation report %(year)s") % {"year": year}


@dataclass
class Chart:
    """A bar chart: categories along the axis, one or more named series of numbers."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[int]]]


@dataclass
class Section:
    heading: str
    summary: str
    tables: list[list[list]] = field(default_factory=list)  # each: header row, then rows
    chart: Chart | None = None


@dataclass
class ReportContent:
    year: int
    today: date
    goals: list[str] = field(default_factory=list)  # the summary against the goals, line by line
    sections: list[Section] = field(default_factory=list)
    surveys: list[Section] = field(default_factory=list)
    # The development: [label, last year, this year, change]
    development: list[list] = field(default_factory=list)


def _pct(rate: float) -> str:
    return f"{round(rate * 100)} %"


def _number(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return formats.number_format(value, 1)
    return str(value)


def headline(summary: EvaluationSummary) -> list[tuple[str, int]]:
    """The headline figures, the ones the development compares year on year."""
    people, reach, knowledge, meetings = (
        summary.people,
        summary.reach,
        summary.knowledge,
        summary.meetings,
    )
    return [
        (_("Registered people"), people.registered),
        (_("Active in the last 30 days of the year"), people.active_30d),
        (_("New sign-ups"), people.new_signups),
        (_("Visits from email"), reach.visits_email),
        (_("Direct visits"), reach.visits_direct),
        (_("Replies by email"), reach.replies_by_email),
        (_("Newsletters sent"), summary.editorial.newsletters_sent),
        (_("Questions asked"), knowledge.questions_asked),
        (_("Questions answered"), knowledge.questions_answered),
        (_("Hotline cases"), knowledge.hotline_cases),
        (_("Hotline cases answered within the deadline"), knowledge.hotline_on_time),
        (_("Meetings held"), meetings.events_held),
        (_("Sign-ups for meetings"), meetings.signups),
        (_("Checked in at meetings"), meetings.attendance),
    ]


def _change(now: int, before: int) -> str:
    diff = now - before
    return f"+{diff}" if diff > 0 else str(diff)


def _sections(summary: EvaluationSummary) -> list[Section]:
    people, reach, knowledge, meetings, editorial = (
        summary.people,
        summary.reach,
        summary.knowledge,
        summary.meetings,
        summary.editorial,
    )
    kinds = [
        [str(OrganisationKind(kind).label), count]
        for kind, count in people.by_organisation_kind.items()
    ]
    people_section = Section(
        heading=_("People"),
        summary=people.summary,
        tables=[
            [
                [_("Figure"), pgettext("evaluation report", "Number")],
                [_("Goal"), people.goal],
                [_("Registered people"), people.registered],
                [_("Active in the last 30 days of the year"), people.active_30d],
                [_("New sign-ups"), people.new_signups],
                [_("Pending approvals"), people.pending_approvals],
            ],
            [[_("Organisation kind"), _("Registered")], *kinds],
            [[_("Month"), _("Registered")]]
            + [[_month(m.month), m.registered] for m in people.monthly],
        ],
        chart=Chart(
            title=_("Registered people at the end of each month"),
            categories=[_month(m.month) for m in people.monthly],
            series=[(_("Registered"), [m.registered for m in people.monthly])],
        ),
    )
    months: dict[str, list[int]] = {}
    for week in reach.weekly:
        key = f"{week.year}-{week.week:02d}"
        months.setdefault(key, [0, 0])
        months[key][0] += week.email
        months[key][1] += week.direct
    email_rows = [
        [
            _("Digest") if category == "digest" else _("Newsletter"),
            figures.sent,
            figures.opened,
            _pct(figures.open_rate),
            figures.clicked,
            _pct(figures.click_rate),
        ]
        for category, figures in reach.emails.items()
    ]
    reach_section = Section(
        heading=_("Reach"),
        summary=reach.summary,
        tables=[
            [
                [_("Channel"), _("Visits")],
                [_("Visits from email"), reach.visits_email],
                [_("Direct visits"), reach.visits_direct],
                [_("Replies by email"), reach.replies_by_email],
                [_("Sign-ups for meetings from an email"), reach.rsvps_from_email],
                [_("Unsubscribes from an email"), reach.unsubscribes],
            ],
            [
                [_("Email"), _("Sent"), _("Opened"), _("Open rate"), _("Clicked"), _("Click rate")],
                *email_rows,
            ],
        ],
        chart=Chart(
            title=_("Visits per week: from email and direct"),
            categories=[str(w.week) for w in reach.weekly],
            series=[
                (_("From email"), [w.email for w in reach.weekly]),
                (_("Direct"), [w.direct for w in reach.weekly]),
            ],
        ),
    )
    knowledge_section = Section(
        heading=_("Knowledge"),
        summary=knowledge.summary,
        tables=[
            [
                [_("Figure"), pgettext("evaluation report", "Number")],
                [_("Questions asked"), knowledge.questions_asked],
                [_("Questions answered"), knowledge.questions_answered],
                [
                    _("Median hours to the first answer"),
                    _number(knowledge.median_hours_to_first_answer),
                ],
                [
                    _("Median hours to an accepted answer"),
                    _number(knowledge.median_hours_to_accepted_answer),
                ],
                [_("Hotline cases"), knowledge.hotline_cases],
                [_("Hotline cases answered"), knowledge.hotline_answered],
                [_("Hotline cases answered within the deadline"), knowledge.hotline_on_time],
                [_("Published guides"), knowledge.guides_published],
                [_("Guides reviewed on time"), knowledge.guides_on_time],
            ],
        ]
        + (
            [
                [[_("Searches that found nothing"), _("Searches")]]
                + [[words, count] for words, count in knowledge.search_misses]
            ]
            if knowledge.search_misses
            else []
        ),
        chart=Chart(
            title=_("Questions and hotline cases"),
            categories=[_("Questions"), _("Hotline")],
            series=[
                (_("Asked"), [knowledge.questions_asked, knowledge.hotline_cases]),
                (_("Answered"), [knowledge.questions_answered, knowledge.hotline_on_time]),
            ],
        ),
    )
    meetings_section = Section(
        heading=_("Meetings"),
        summary=meetings.summary,
        tables=[
            [
                [_("Figure"), pgettext("evaluation report", "Number")],
                [_("Meetings held"), meetings.events_held],
                [_("Sign-ups for meetings"), meetings.signups],
                [_("Checked in at meetings"), meetings.attendance],
                [_("Feedback forms returned"), meetings.feedback_responses],
                [_("Average overall score (1–5)"), _number(meetings.feedback_overall)],
                [_("Average usefulness score (1–5)"), _number(meetings.feedback_usefulness)],
            ]
        ],
        chart=Chart(
            title=_("Sign-ups and attendance"),
            categories=[_("Signed up"), _("Checked in")],
            series=[(_("People"), [meetings.signups, meetings.attendance])],
        ),
    )
    editorial_section = Section(
        heading=_("Editorial effort"),
        summary=editorial.summary,
        tables=[
            [
                [_("Figure"), pgettext("evaluation report", "Number")],
                [_("Newsletters sent"), editorial.newsletters_sent],
                [_("Edits to the drafts"), editorial.editor_edits],
            ]
        ],
    )
    return [people_section, reach_section, knowledge_section, meetings_section, editorial_section]


def _month(day: date) -> str:
    return formats.date_format(day, "M Y")


def _survey_section(results) -> Section:
    survey = results.survey
    rate = results.response_rate
    summary = _("%(answers)s answers from %(recipients)s people asked (%(rate)s).") % {
        "answers": results.response_count,
        "recipients": results.recipient_count,
        "rate": f"{rate} %" if rate is not None else "–",
    }
    tables = []
    for result in results.questions:
        question = result.question
        if result.rows:
            rows = [[question.text, _("Answers"), _("Share")]]
            rows += [[str(label), n, f"{percent} %"] for label, n, percent in result.rows]
            if result.mean is not None:
                rows.append([_("Average"), formats.number_format(result.mean, 1), ""])
            tables.append(rows)
        else:
            # Quoted without names, whatever the person allowed on the dashboard.
            rows = [[question.text]] + [[text] for text, _name in result.texts]
            if not result.texts:
                rows.append([_("No answers.")])
            tables.append(rows)
    return Section(heading=str(survey.title), summary=summary, tables=tables)


def report_content(
    *,
    year: int,
    this_year: EvaluationSummary,
    last_year: EvaluationSummary,
    surveys: list,
    today: date,
) -> ReportContent:
    """What the report of `year` says: `this_year`'s and `last_year`'s figures, and the
    `surveys`' results (survey_results of the surveys sent that year)."""
    people, reach, knowledge, meetings = (
        this_year.people,
        this_year.reach,
        this_year.knowledge,
        this_year.meetings,
    )
    content = ReportContent(year=year, today=today)
    content.goals = [
        people.summary,
        reach.summary,
        _(
            "%(asked)s questions were asked and %(answered)s answered; %(on_time)s of "
            "%(cases)s hotline cases were answered within the deadline."
        )
        % {
            "asked": knowledge.questions_asked,
            "answered": knowledge.questions_answered,
            "on_time": knowledge.hotline_on_time,
            "cases": knowledge.hotline_cases,
        },
        meetings.summary,
        this_year.editorial.summary,
    ]
    content.sections = _sections(this_year)
    content.surveys = [_survey_section(results) for results in surveys]
    before = dict(headline(last_year))
    content.development = [
        [label, before[label], now, _change(now, before[label])]
        for label, now in headline(this_year)
    ]
    return content


def _date(day: date) -> str:
    return formats.date_format(day, "j. F Y")


def _development_header(year: int) -> list[str]:
    return [_("Figure"), str(year - 1), str(year), pgettext("development", "Change")]


# --- PDF --------------------------------------------------------------------------------------


def _p(text: str, style=BODY) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _pdf_table(rows: list[list]) -> Table:
    cells = [[_p(cell) if isinstance(cell, str) else str(cell) for cell in row] for row in rows]
    table = Table(cells, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def _pdf_chart(chart: Chart) -> Drawing:
    width, height = 170 * mm, 60 * mm
    drawing = Drawing(width, height + 12 * mm)
    bars = VerticalBarChart()
    bars.x, bars.y = 10 * mm, 10 * mm
    bars.width, bars.height = width - 15 * mm, height - 5 * mm
    data = [values or [0] for _name, values in chart.series]
    bars.data = data
    bars.categoryAxis.categoryNames = chart.categories or [""]
    bars.categoryAxis.labels.fontName = FONT
    bars.categoryAxis.labels.fontSize = 6 if len(chart.categories) > 20 else 8
    bars.valueAxis.labels.fontName = FONT
    bars.valueAxis.valueMin = 0
    if not any(any(values) for values in data):
        bars.valueAxis.valueMax = 1  # an empty year still draws its axes
    for index, colour in enumerate((EMAIL_COLOUR, DIRECT_COLOUR)):
        if index < len(data):
            bars.bars[index].fillColor = colour
    drawing.add(bars)
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = 12 * mm, height + 10 * mm
        legend.fontName = FONT
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.colorNamePairs = [
            (colour, name)
            for colour, (name, _values) in zip(
                (EMAIL_COLOUR, DIRECT_COLOUR), chart.series, strict=False
            )
        ]
        drawing.add(legend)
    return drawing


def report_pdf(content: ReportContent) -> bytes:
    title = report_title(content.year)
    story = [
        Spacer(1, 60 * mm),
        _p(title, TITLE),
        _p(AUTHOR),
        _p(_("Made %(date)s") % {"date": _date(content.today)}),
        PageBreak(),
        _p(_("Summary against the goals"), H1),
        *[_p(line) for line in content.goals],
        _p(_("Development since last year"), H1),
        _pdf_table([_development_header(content.year), *content.development]),
    ]
    for section in content.sections:
        story += [PageBreak(), _p(section.heading, H1), _p(section.summary)]
        if section.chart is not None:
            story += [_p(section.chart.title, H2), _pdf_chart(section.chart)]
        for rows in section.tables:
            story += [Spacer(1, 3 * mm), _pdf_table(rows)]
    story += [PageBreak(), _p(_("User surveys"), H1)]
    if not content.surveys:
        story.append(_p(_("No user survey ran this year.")))
    for section in content.surveys:
        story += [_p(section.heading, H2), _p(section.summary)]
        for rows in section.tables:
            story += [_pdf_table(rows), Spacer(1, 3 * mm)]
    return outlined_pdf(story, title=title, levels=LEVELS, language=LANGUAGE)


# --- DOCX -------------------------------------------------------------------------------------


def report_docx(content: ReportContent) -> bytes:
    from docx import Document

    title = report_title(content.year)
    document = Document()
    properties = document.core_properties
    properties.title = title
    properties.author = AUTHOR
    properties.subject = title
    properties.language = LANGUAGE
    docx_language(document, LANGUAGE)
    document.add_paragraph(title, style="Title")
    document.add_paragraph(AUTHOR)
    document.add_paragraph(_("Made %(date)s") % {"date": _date(content.today)})
    document.add_page_break()
    document.add_heading(_("Summary against the goals"), level=1)
    for line in content.goals:
        document.add_paragraph(line)
    document.add_heading(_("Development since last year"), level=1)
    docx_table(document, [_development_header(content.year), *content.development])
    for section in content.sections:
        document.add_page_break()
        document.add_heading(section.heading, level=1)
        document.add_paragraph(section.summary)
        for rows in section.tables:
            document.add_paragraph()
            docx_table(document, rows)
    document.add_page_break()
    document.add_heading(_("User surveys"), level=1)
    if not content.surveys:
        document.add_paragraph(_("No user survey ran this year."))
    for section in content.surveys:
        document.add_heading(section.heading, level=2)
        document.add_paragraph(section.summary)
        for rows in section.tables:
            docx_table(document, rows)
            document.add_paragraph()
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def file_name(year: int, fmt: str) -> str:
    return f"evalueringsrapport-{year}.{fmt}"


FORMATS = {
    "pdf": (report_pdf, "application/pdf"),
    "docx": (
        report_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}

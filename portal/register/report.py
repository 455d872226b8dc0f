"""The committee report, built like seed 004: a front page, a summary of counts, the items by
section → main topic, the partners' input with the administration's response, and what changed
since the last report. As PDF (reportlab) and DOCX (python-docx: the administration edits it).

`report_content` gathers what the report says (pure: no query of its own, so the benchmark and
the tests can hand it items); `report_pdf` and `report_docx` only lay it out. Headings are
navigable in both: the PDF's outline (bookmarks) and Word's Heading 1–3 styles. reportlab
writes no tagged PDF; the title, the language (da-DK) and the outline are what it can give a
screen reader.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from portal.core.docx import docx_language, docx_table
from portal.core.pdf import AUTHOR, FONT, FONT_BOLD, outlined_pdf, table_style

from .models import MainTopic, Origin, RegisterItem, Section, Status

LANGUAGE = "da-DK"

TITLE = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=22, leading=27, spaceAfter=10)
H1 = ParagraphStyle("h1", fontName=FONT_BOLD, fontSize=16, leading=20, spaceBefore=6, spaceAfter=6)
H2 = ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=13, leading=16, spaceBefore=6, spaceAfter=4)
H3 = ParagraphStyle("h3", fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=6, spaceAfter=3)
BODY = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13, spaceAfter=4)
SUB = ParagraphStyle("sub", parent=BODY, leftIndent=6 * mm)
# Helvetica (WinAnsi) has no →; » reads as "to" in the PDF.
PDF_ARROW = "»"
LEVELS = {"h1": 0, "h2": 1, "h3": 2}


def report_title() -> str:
    return _("Inefficiencies in the employment effort – status")


# --- What the report says ---------------------------------------------------------------------


@dataclass
class Moved:
    item: RegisterItem
    old_status: str | None
    old_section: int | None


@dataclass
class ReportContent:
    today: date
    # [(section label, [(main topic label, [item, ...]), ...]), ...] in the report's order
    sections: list = field(default_factory=list)
    external: list = field(default_factory=list)
    # The summary's tables: [(heading, [[label, count], ...]), ...]
    summary: list = field(default_factory=list)
    first: bool = True  # no earlier report to compare with
    new_items: list = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)


def _topic_order(code: str) -> int:
    values = list(MainTopic.values)
    return values.index(code) if code in values else len(values)


def _topic_label(code: str) -> str:
    if code in MainTopic.values:
        return f"{code}. {MainTopic(code).label}"
    return _("No main topic")


def _section_label(section: int | None) -> str:
    if section is None:
        return _("Not yet classified")
    return f"{section}. {Section(section).label}"


def _status_label(status: str | None) -> str:
    return str(Status(status).label) if status in Status.values else "–"


def office_of(item: RegisterItem) -> str:
    """The office as the report names it: as reported, where that names more than one office
    and still names the item's office; else the office's name."""
    office = item.responsible_office.name if item.responsible_office_id else ""
    reported = item.responsible_as_reported
    if reported and (not office or office in reported):
        return reported
    return office or _("No office yet")


def _counted(counts: Counter, order: list, label) -> list[list]:
    return [[label(key), counts[key]] for key in order if counts[key]]


def report_content(*, items, previous: dict | None, today: date) -> ReportContent:
    """What the report says of `items` (with responsible_office loaded), compared with the
    `previous` snapshot's {pk: {status, section}} (None: the first report)."""
    items = list(items)
    internal = [item for item in items if item.origin != Origin.EXTERNAL]
    external = [item for item in items if item.origin == Origin.EXTERNAL]
    content = ReportContent(today=today, external=sorted(external, key=lambda i: i.pk))
    by_section: dict = {}
    for item in internal:
        by_section.setdefault(item.section, {}).setdefault(item.main_topic, []).append(item)
    for section in sorted(by_section, key=lambda s: (s is None, s or 0)):
        topics = by_section[section]
        content.sections.append(
            (
                _section_label(section),
                [
                    (_topic_label(code), sorted(topics[code], key=lambda i: i.pk))
                    for code in sorted(topics, key=_topic_order)
                ],
            )
        )
    sections = Counter(item.section for item in internal)
    section_rows = _counted(sections, [*Section.values, None], _section_label)
    section_rows.append([_("Input from partners"), len(external)])
    topics = Counter(item.main_topic for item in items)
    statuses = Counter(item.status for item in items)
    offices = Counter(
        item.responsible_office.name if item.responsible_office_id else "" for item in items
    )
    total = [_("Total"), len(items)]
    content.summary = [
        (_("By classification"), [*section_rows, total]),
        (
            _("By main topic"),
            [*_counted(topics, sorted(topics, key=_topic_order), _topic_label), total],
        ),
        (_("By status"), [*_counted(statuses, Status.values, _status_label), total]),
        (
            _("By responsible office"),
            [
                *[[name or _("No office yet"), offices[name]] for name in sorted(offices)],
                total,
            ],
        ),
    ]
    if previous is not None:
        content.first = False
        for item in items:
            before = previous.get(str(item.pk))
            if before is None:
                content.new_items.append(item)
            elif before.get("status") != item.status or before.get("section") != item.section:
                content.moved.append(
                    Moved(
                        item=item,
                        old_status=before.get("status"),
                        old_section=before.get("section"),
                    )
                )
    return content


def snapshot_of(items) -> dict:
    """The snapshot the next report compares with."""
    return {str(item.pk): {"status": item.status, "section": item.section} for item in items}


def _date(today: date) -> str:
    return formats.date_format(today, "j. F Y")


def _lines(item: RegisterItem) -> list[tuple[str, str]]:
    """An item's fields as (label, text), the empty ones left out."""
    lines = [
        (_("Problem"), item.problem),
        (_("Responsible office"), office_of(item)),
        (_("Status"), _status_label(item.status)),
        (_("Handling"), item.handling),
        (_("Timeline"), item.timeline),
    ]
    return [(label, text) for label, text in lines if text]


def _external_lines(item: RegisterItem) -> list[tuple[str, str]]:
    sender = item.source_organisation or (
        item.reporting_organisation.name if item.reporting_organisation_id else ""
    )
    lines = [
        (_("Sender"), sender),
        (_("The input"), item.problem),
        (_("The administration's response"), item.handling),
        (_("Responsible office"), office_of(item) if item.responsible_office_id else ""),
        (_("Timeline"), item.timeline),
    ]
    return [(label, text) for label, text in lines if text]


def _sub_point_text(point: dict) -> str:
    parts = [f"{point.get('no', '')}. {point.get('title') or ''}".strip()]
    for key, label in (("handling", _("Handling")), ("timeline", _("Timeline"))):
        if point.get(key):
            parts.append(f"{label}: {point[key]}")
    return " – ".join(parts)


def _change_rows(content: ReportContent, arrow: str) -> list[list[str]]:
    rows = [[_("Item"), _("Status"), _("Classification")]]
    for moved in content.moved:
        item = moved.item
        status = (
            f"{_status_label(moved.old_status)} {arrow} {_status_label(item.status)}"
            if moved.old_status != item.status
            else _status_label(item.status)
        )
        section = (
            f"{moved.old_section or '–'} {arrow} {item.section or '–'}"
            if moved.old_section != item.section
            else str(item.section or "–")
        )
        rows.append([item.title, status, section])
    return rows


# --- PDF --------------------------------------------------------------------------------------


def _p(text: str, style=BODY) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _field(label: str, text: str, style=BODY) -> Paragraph:
    return Paragraph(f"<b>{escape(label)}:</b> {escape(text).replace(chr(10), '<br/>')}", style)


def _pdf_table(rows: list[list], widths=None) -> Table:
    rows = [[_p(str(cell)) if isinstance(cell, str) else str(cell) for cell in row] for row in rows]
    table = Table(rows, repeatRows=1, hAlign="LEFT", colWidths=widths)
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def _count_table(heading: str, rows: list[list]) -> Table:
    head = [_p(heading, ParagraphStyle("th", parent=BODY, fontName=FONT_BOLD)), _("Items")]
    table = Table(
        [head, *[[_p(label), count] for label, count in rows]],
        repeatRows=1,
        hAlign="LEFT",
        colWidths=[120 * mm, 25 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("FONT", (1, 0), (1, 0), FONT_BOLD, 10),
                ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.75, colors.black),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def report_pdf(content: ReportContent) -> bytes:
    title = report_title()
    story = [
        Spacer(1, 60 * mm),
        _p(title, TITLE),
        _p(AUTHOR),
        _p(_("Made %(date)s") % {"date": _date(content.today)}),
        PageBreak(),
        _p(_("Summary"), H1),
    ]
    for heading, rows in content.summary:
        story += [_p(heading, H2), _count_table(heading, rows), Spacer(1, 4 * mm)]
    for section, topics in content.sections:
        story += [PageBreak(), _p(section, H1)]
        for topic, items in topics:
            story.append(_p(topic, H2))
            for item in items:
                story.append(_p(item.title, H3))
                story += [_field(label, text) for label, text in _lines(item)]
                if item.sub_points:
                    story.append(
                        _p(_("Sub points"), ParagraphStyle("b", parent=BODY, fontName=FONT_BOLD))
                    )
                    story += [_p(_sub_point_text(point), SUB) for point in item.sub_points]
    story += [PageBreak(), _p(_("Input from partners"), H1)]
    if not content.external:
        story.append(_p(_("No input from partners.")))
    for item in content.external:
        story.append(_p(item.title, H2))
        story += [_field(label, text) for label, text in _external_lines(item)]
    story += [PageBreak(), _p(_("Changes since the last report"), H1)]
    story += _changes_story(content)
    return outlined_pdf(story, title=title, levels=LEVELS, language=LANGUAGE)


def _changes_story(content: ReportContent) -> list:
    if content.first:
        return [_p(_("This is the first report: there is no earlier report to compare with."))]
    story = [_p(_("New items"), H2)]
    if content.new_items:
        story.append(
            _pdf_table(
                [[_("Item"), _("Status")]]
                + [[item.title, _status_label(item.status)] for item in content.new_items],
                widths=[120 * mm, 50 * mm],
            )
        )
    else:
        story.append(_p(_("No new items.")))
    story.append(_p(_("Changed status or classification"), H2))
    if content.moved:
        story.append(
            _pdf_table(_change_rows(content, PDF_ARROW), widths=[85 * mm, 60 * mm, 25 * mm])
        )
    else:
        story.append(_p(_("No item changed status or classification.")))
    return story


# --- DOCX -------------------------------------------------------------------------------------


def _docx_field(document, label: str, text: str, style=None) -> None:
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)


def report_docx(content: ReportContent) -> bytes:
    from docx import Document

    title = report_title()
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
    document.add_heading(_("Summary"), level=1)
    for heading, rows in content.summary:
        document.add_heading(heading, level=2)
        docx_table(document, [[heading, _("Items")], *rows])
    for section, topics in content.sections:
        document.add_page_break()
        document.add_heading(section, level=1)
        for topic, items in topics:
            document.add_heading(topic, level=2)
            for item in items:
                document.add_heading(item.title, level=3)
                for label, text in _lines(item):
                    _docx_field(document, label, text)
                if item.sub_points:
                    document.add_paragraph().add_run(_("Sub points")).bold = True
                    for point in item.sub_points:
                        document.add_paragraph(_sub_point_text(point), style="List Bullet")
    document.add_page_break()
    document.add_heading(_("Input from partners"), level=1)
    if not content.external:
        document.add_paragraph(_("No input from partners."))
    for item in content.external:
        document.add_heading(item.title, level=2)
        for label, text in _external_lines(item):
            _docx_field(document, label, text)
    document.add_page_break()
    document.add_heading(_("Changes since the last report"), level=1)
    if content.first:
        document.add_paragraph(
            _("This is the first report: there is no earlier report to compare with.")
        )
    else:
        document.add_heading(_("New items"), level=2)
        if content.new_items:
            docx_table(
                document,
                [[_("Item"), _("Status")]]
                + [[item.title, _status_label(item.status)] for item in content.new_items],
            )
        else:
            document.add_paragraph(_("No new items."))
        document.add_heading(_("Changed status or classification"), level=2)
        if content.moved:
            docx_table(document, _change_rows(content, "→"))
        else:
            document.add_paragraph(_("No item changed status or classification."))
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def file_name(fmt: str, day) -> str:
    """The report's file name, the same from the page and from the API."""
    return f"udvalgsrapport-{day:%Y-%m-%d}.{fmt}"


FORMATS = {
    "pdf": (report_pdf, "application/pdf"),
    "docx": (
        report_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}

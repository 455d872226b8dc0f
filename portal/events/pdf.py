"""Printables for the organiser: name badges and the attendance list (PDF, reportlab).

The standard Helvetica of PDF readers covers Latin-1 (WinAnsi), which has æ, ø and å; names
in other scripts would need an embedded TrueType font, which the portal does not ship.
Both functions return the PDF's bytes, in the language that is active when they are called.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from portal.core.timefmt import clock, clock_bare

from .models import Event, Registration

AUTHOR = "Samarbejdsportalen"
FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"

BADGE_COLUMNS = 2
BADGE_ROWS = 4
BADGE_MARGIN = 12 * mm
BADGE_PADDING = 6 * mm
NAME_SIZES = (26, 24, 22, 20, 18, 16, 14, 12)


def _when(event: Event) -> str:
    starts = timezone.localtime(event.starts_at)
    ends = timezone.localtime(event.ends_at)
    day = date_format(starts, "j. F Y")
    if starts.date() == ends.date():
        return f"{day} {clock(starts)}–{clock_bare(ends)}"
    return f"{day} – {date_format(ends, 'j. F Y')}"


def _where(event: Event) -> str:
    parts = [p for p in (event.venue, event.address, event.room) if p]
    if not parts and event.online_url:
        return _("Online")
    return ", ".join(parts)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut `text` with an ellipsis so that it fits `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _name_lines(name: str, width: float) -> tuple[list[str], int]:
    """The name in the largest size that fits on one line, else on two lines, else cut."""
    for size in NAME_SIZES:
        if stringWidth(name, FONT_BOLD, size) <= width:
            return [name], size
    words = name.split()
    for size in NAME_SIZES:
        for split in range(len(words) - 1, 0, -1):
            first, second = " ".join(words[:split]), " ".join(words[split:])
            if (
                stringWidth(first, FONT_BOLD, size) <= width
                and stringWidth(second, FONT_BOLD, size) <= width
            ):
                return [first, second], size
    size = NAME_SIZES[-1]
    return [_fit(name, FONT_BOLD, size, width)], size


def badges_pdf(*, event: Event, registrations: list[Registration]) -> bytes:
    """Name badges, 2 × 4 on an A4 page with cut lines: name, organisation, event and date."""
    buffer = BytesIO()
    page_width, page_height = A4
    canvas = pdf_canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(_("Name badges: %(title)s") % {"title": event.title})
    canvas.setAuthor(AUTHOR)
    canvas.setSubject(event.title)
    width = (page_width - 2 * BADGE_MARGIN) / BADGE_COLUMNS
    height = (page_height - 2 * BADGE_MARGIN) / BADGE_ROWS
    inner = width - 2 * BADGE_PADDING
    when = _when(event)
    per_page = BADGE_COLUMNS * BADGE_ROWS
    if not registrations:
        canvas.setFont(FONT, 12)
        canvas.drawString(BADGE_MARGIN, page_height - BADGE_MARGIN, _("Nobody is signed up."))
    for index, registration in enumerate(registrations):
        if index and index % per_page == 0:
            canvas.showPage()
        slot = index % per_page
        column, row = slot % BADGE_COLUMNS, slot // BADGE_COLUMNS
        x = BADGE_MARGIN + column * width
        y = page_height - BADGE_MARGIN - (row + 1) * height
        canvas.setStrokeColor(colors.HexColor("#b0b0b0"))
        canvas.setDash(3, 3)
        canvas.rect(x, y, width, height)
        canvas.setDash()
        canvas.setFillColor(colors.HexColor("#0059b3"))
        canvas.rect(x, y + height - 4 * mm, width, 4 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        user = registration.user
        lines, size = _name_lines(user.get_full_name(), inner)
        text_y = y + height - 4 * mm - BADGE_PADDING - size
        for line in lines:
            canvas.setFont(FONT_BOLD, size)
            canvas.drawCentredString(x + width / 2, text_y, line)
            text_y -= size * 1.15
        if user.organisation_id:
            canvas.setFont(FONT, 13)
            canvas.drawCentredString(
                x + width / 2, text_y - 4, _fit(user.organisation.name, FONT, 13, inner)
            )
        canvas.setFont(FONT, 9)
        canvas.setFillColor(colors.HexColor("#454545"))
        canvas.drawCentredString(
            x + width / 2, y + BADGE_PADDING + 11, _fit(event.title, FONT, 9, inner)
        )
        canvas.drawCentredString(x + width / 2, y + BADGE_PADDING, _fit(when, FONT, 9, inner))
        canvas.setFillColor(colors.black)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


class _NumberedCanvas(pdf_canvas.Canvas):
    """Writes "page x of y" and the running header once the number of pages is known."""

    header = ""
    page_label = "%(page)s / %(pages)s"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        page_width, _height = A4
        self.setFont(FONT, 8)
        self.setFillColor(colors.HexColor("#454545"))
        self.drawString(15 * mm, 10 * mm, _fit(self.header, FONT, 8, page_width - 60 * mm))
        self.drawRightString(
            page_width - 15 * mm,
            10 * mm,
            self.page_label % {"page": self._pageNumber, "pages": total},
        )


def attendance_pdf(*, event: Event, registrations: list[Registration]) -> bytes:
    """The attendance list: one row per confirmed participant with a signature column; the
    table's header row repeats on every page, and every page is numbered."""
    buffer = BytesIO()
    title = _("Attendance list: %(title)s") % {"title": event.title}
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=AUTHOR,
        subject=event.title,
    )
    heading = ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=16, leading=20)
    normal = ParagraphStyle("normal", fontName=FONT, fontSize=10, leading=13)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=9.5, leading=12)
    header_cell = ParagraphStyle("header_cell", fontName=FONT_BOLD, fontSize=9.5, leading=12)
    when, where = _when(event), _where(event)
    story = [
        Paragraph(escape(event.title), heading),
        Spacer(1, 2 * mm),
        Paragraph(escape(when), normal),
    ]
    if where:
        story.append(Paragraph(escape(where), normal))
    story += [
        Paragraph(
            escape(
                ngettext("%(count)s participant", "%(count)s participants", len(registrations))
                % {"count": len(registrations)}
            ),
            normal,
        ),
        Spacer(1, 5 * mm),
    ]
    rows = [
        [
            Paragraph("#", header_cell),
            Paragraph(escape(_("Name")), header_cell),
            Paragraph(escape(_("Organisation")), header_cell),
            Paragraph(escape(_("Checked in")), header_cell),
            Paragraph(escape(_("Signature")), header_cell),
        ]
    ]
    for number, registration in enumerate(registrations, start=1):
        user = registration.user
        rows.append(
            [
                Paragraph(str(number), cell),
                Paragraph(escape(user.get_full_name()), cell),
                Paragraph(escape(user.organisation.name if user.organisation_id else ""), cell),
                Paragraph(escape(_("Yes") if registration.checked_in_at else ""), cell),
                "",
            ]
        )
    table = LongTable(
        rows,
        colWidths=[10 * mm, 55 * mm, 50 * mm, 20 * mm, 45 * mm],
        repeatRows=1,
        rowHeights=[None] + [9 * mm] * len(registrations),
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6eef7")),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#8c8c8c")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f5f5")]),
            ]
        )
    )
    story.append(table)

    header = f"{event.title} · {when}"
    page_label = _("Page %(page)s of %(pages)s")

    def make_canvas(*args, **kwargs):
        canvas = _NumberedCanvas(*args, **kwargs)
        canvas.header = header
        canvas.page_label = page_label
        return canvas

    document.build(story, canvasmaker=make_canvas)
    return buffer.getvalue()

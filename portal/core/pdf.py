"""What the portal's PDF reports share (the partnership's monthly report, the register's
committee report): the author, the fonts and the look of a table."""

from reportlab.lib import colors
from reportlab.platypus import TableStyle

AUTHOR = "Samarbejdsportalen"
FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"


def table_style(*extra: tuple) -> TableStyle:
    """A header row in bold over a rule, thin rules between the rows; `extra` commands after
    (alignment, widths of a particular table)."""
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 9),
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
            ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
            *extra,
        ]
    )


def outlined_pdf(story: list, *, title: str, levels: dict[str, int], language: str) -> bytes:
    """An A4 PDF of `story` with its title, author and language set (screen readers, the
    viewer's title bar) and every heading in the outline: a Paragraph whose style is named in
    `levels` ({"h1": 0, "h2": 1}) becomes a bookmark at that level."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    class OutlinedDocument(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            level = levels.get(getattr(getattr(flowable, "style", None), "name", ""))
            if level is None or not isinstance(flowable, Paragraph):
                return
            self._outline_count = getattr(self, "_outline_count", 0) + 1
            key = f"h{self._outline_count}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=level > 0)

    buffer = BytesIO()
    OutlinedDocument(
        buffer,
        pagesize=A4,
        title=title,
        author=AUTHOR,
        subject=title,
        lang=language,
        displayDocTitle=True,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    ).build(story)
    return buffer.getvalue()

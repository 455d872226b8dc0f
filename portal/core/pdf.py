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

"""Charts as server-rendered SVG: data in, markup out.

A pure function of its arguments (no request, no nonce, no inline style or script), so the page
and a PDF report can embed the same markup and the Content-Security-Policy has nothing to allow.
Colours and widths are SVG presentation attributes. Each chart carries `role="img"`, a
`<title>` and a `<desc>`; the page shows the numbers as a table beside it as well, because a
picture of a trend is not something a screen reader can read.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
HEIGHT = 260
LEFT = 48  # room for the y-axis labels
RIGHT = 12
TOP = 12
BOTTOM = 32  # room for the month labels

# DKFDS colours: primary blue, a dark grey for comparisons, the error red for targets.
COLOURS = ("#0059b3", "#454545", "#008139")
TARGET_COLOUR = "#b51d09"


@dataclass(frozen=True)
class Series:
    """One line (or, for `kind="bar"`, one set of bars); None is a month with nothing to show
    (the line breaks there instead of falling to zero)."""

    name: str
    values: Sequence[float | None]


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def month_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    y_max: float,
    y_ticks: Sequence[tuple[float, str]] = (),
    target: float | None = None,
    target_label: str = "",
    kind: str = "line",
) -> SafeString:
    """An SVG chart of values per month on a fixed scale from 0 to y_max.

    `chart_id` makes the title's and description's ids unique on the page; `labels` name the
    months along the x axis; `y_ticks` are (value, label) pairs for the gridlines; `target`
    draws a dashed horizontal line (a goal or a budget frame). `kind` is "line" (points
    joined, gaps for None) or "bar" (the first series as bars, the rest lines).
    """
    if y_max <= 0:
        y_max = 1
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    count = max(len(labels), 1)
    step = plot_w / count

    def x(index: int) -> float:
        return LEFT + step * index + step / 2

    def y(value: float) -> float:
        clipped = min(max(value, 0), y_max)
        return TOP + plot_h - plot_h * clipped / y_max

    ident = escape(chart_id)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" class="partnership-chart">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]
    for value, label in y_ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_number(y(value))}" '
            f'y2="{_number(y(value))}" stroke="#d8d8d8" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{_number(y(value) + 4)}" text-anchor="end" '
            f'font-size="12" fill="#1a1a1a">{escape(label)}</text>'
        )
    for index, label in enumerate(labels):
        parts.append(
            f'<text x="{_number(x(index))}" y="{HEIGHT - 10}" text-anchor="middle" '
            f'font-size="12" fill="#1a1a1a">{escape(label)}</text>'
        )
    for number, line in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        if kind == "bar" and number == 0:
            bar_w = step * 0.6
            for index, value in enumerate(line.values):
                if value is None:
                    continue
                top = y(value)
                parts.append(
                    f'<rect x="{_number(x(index) - bar_w / 2)}" y="{_number(top)}" '
                    f'width="{_number(bar_w)}" height="{_number(TOP + plot_h - top)}" '
                    f'fill="{colour}"/>'
                )
            continue
        # A line per unbroken run of values; a lone value is a dot.
        run: list[tuple[float, float]] = []
        runs = []
        for index, value in enumerate(line.values):
            if value is None:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append((x(index), y(value)))
        if run:
            runs.append(run)
        dash = ' stroke-dasharray="2 3"' if number > 0 else ""
        for points in runs:
            if len(points) > 1:
                path = " ".join(f"{_number(px)},{_number(py)}" for px, py in points)
                parts.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" '
                    f'stroke-width="2"{dash}/>'
                )
            for px, py in points:
                parts.append(
                    f'<circle cx="{_number(px)}" cy="{_number(py)}" r="3" fill="{colour}"/>'
                )
    if target is not None:
        ty = _number(y(target))
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty}" y2="{ty}" '
            f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        if target_label:
            parts.append(
                f'<text x="{WIDTH - RIGHT}" y="{_number(y(target) - 4)}" text-anchor="end" '
                f'font-size="12" fill="{TARGET_COLOUR}">{escape(target_label)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped

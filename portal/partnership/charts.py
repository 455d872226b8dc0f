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


@dataclass(frozen=True)
class Shape:
    """One drawn element in chart coordinates (origin top left, as in SVG): `kind` is "line"
    (points = two ends), "polyline", "circle" (points = centre, size = radius), "rect" (points =
    top-left corner, size = (width, height)) or "text" (points = anchor point)."""

    kind: str
    points: tuple[tuple[float, float], ...]
    colour: str
    stroke_width: float = 0
    dash: tuple[float, ...] = ()
    size: tuple[float, float] = (0, 0)
    text: str = ""
    anchor: str = "start"


@dataclass(frozen=True)
class Chart:
    """A chart computed once: its shapes, drawn as SVG for the page (`svg`) and as a reportlab
    Drawing for the PDF report (`reports.py`), so both show the same geometry."""

    chart_id: str
    title: str
    desc: str
    shapes: tuple[Shape, ...]
    width: int = WIDTH
    height: int = HEIGHT


def chart_shapes(
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
) -> Chart:
    """The shapes of a chart of values per month on a fixed scale from 0 to y_max.

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

    shapes: list[Shape] = []
    for value, label in y_ticks:
        shapes.append(Shape("line", ((LEFT, y(value)), (WIDTH - RIGHT, y(value))), "#d8d8d8", 1))
        shapes.append(
            Shape("text", ((LEFT - 6, y(value) + 4),), "#1a1a1a", text=label, anchor="end")
        )
    for index, label in enumerate(labels):
        shapes.append(
            Shape("text", ((x(index), HEIGHT - 10),), "#1a1a1a", text=label, anchor="middle")
        )
    for number, line in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        if kind == "bar" and number == 0:
            bar_w = step * 0.6
            for index, value in enumerate(line.values):
                if value is None:
                    continue
                top = y(value)
                shapes.append(
                    Shape(
                        "rect",
                        ((x(index) - bar_w / 2, top),),
                        colour,
                        size=(bar_w, TOP + plot_h - top),
                    )
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
        dash = (2, 3) if number > 0 else ()
        for points in runs:
            if len(points) > 1:
                shapes.append(Shape("polyline", tuple(points), colour, 2, dash))
            for point in points:
                shapes.append(Shape("circle", (point,), colour, size=(3, 3)))
    if target is not None:
        shapes.append(
            Shape("line", ((LEFT, y(target)), (WIDTH - RIGHT, y(target))), TARGET_COLOUR, 2, (6, 4))
        )
        if target_label:
            shapes.append(
                Shape(
                    "text",
                    ((WIDTH - RIGHT, y(target) - 4),),
                    TARGET_COLOUR,
                    text=target_label,
                    anchor="end",
                )
            )
    return Chart(chart_id=chart_id, title=title, desc=desc, shapes=tuple(shapes))


def _dash(shape: Shape) -> str:
    return f' stroke-dasharray="{" ".join(_number(d) for d in shape.dash)}"' if shape.dash else ""


def _svg_shape(shape: Shape) -> str:
    (px, py), *rest = shape.points
    if shape.kind == "line":
        (qx, qy) = rest[0]
        return (
            f'<line x1="{_number(px)}" x2="{_number(qx)}" y1="{_number(py)}" y2="{_number(qy)}" '
            f'stroke="{shape.colour}" stroke-width="{_number(shape.stroke_width)}"{_dash(shape)}/>'
        )
    if shape.kind == "text":
        return (
            f'<text x="{_number(px)}" y="{_number(py)}" text-anchor="{shape.anchor}" '
            f'font-size="12" fill="{shape.colour}">{escape(shape.text)}</text>'
        )
    if shape.kind == "rect":
        return (
            f'<rect x="{_number(px)}" y="{_number(py)}" width="{_number(shape.size[0])}" '
            f'height="{_number(shape.size[1])}" fill="{shape.colour}"/>'
        )
    if shape.kind == "circle":
        return (
            f'<circle cx="{_number(px)}" cy="{_number(py)}" r="{_number(shape.size[0])}" '
            f'fill="{shape.colour}"/>'
        )
    path = " ".join(f"{_number(qx)},{_number(qy)}" for qx, qy in shape.points)
    return (
        f'<polyline points="{path}" fill="none" stroke="{shape.colour}" '
        f'stroke-width="{_number(shape.stroke_width)}"{_dash(shape)}/>'
    )


def svg(chart: Chart) -> SafeString:
    """The chart as SVG markup for the page."""
    ident = escape(chart.chart_id)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {chart.width} {chart.height}" '
        f'width="100%" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'class="partnership-chart">',
        f'<title id="{ident}-title">{escape(chart.title)}</title>',
        f'<desc id="{ident}-desc">{escape(chart.desc)}</desc>',
        *(_svg_shape(shape) for shape in chart.shapes),
        "</svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def month_chart(**kwargs) -> SafeString:
    """chart_shapes drawn as SVG (the page's form)."""
    return svg(chart_shapes(**kwargs))

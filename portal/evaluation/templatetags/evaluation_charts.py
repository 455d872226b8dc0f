"""`{% bar_chart chart %}`: a Chart (evaluation/charts.py) as a server-drawn inline SVG bar chart.

No JavaScript. The SVG scales to its box (viewBox, width 100%), so it fits 320 CSS px; it is
role="img" labelled with the section's summary, and the table after it holds the same numbers.
"""

from django import template

register = template.Library()

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 12, 40
FILLS = ["#0059b3", "#b34700"]  # DKFDS primary blue and a dark orange: both 4.5:1 on white
MAX_LABELS = 12


def _n(value: float) -> str:
    """A coordinate as SVG wants it: a dot, never the locale's decimal comma."""
    return f"{value:.1f}"


def _nice_max(value: int) -> int:
    """A round top of the scale at or above `value`."""
    if value <= 5:
        return 5
    step = 10 ** (len(str(value)) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * step:
            return int(factor * step)
    return value


@register.inclusion_tag("evaluation/bar_chart.html")
def bar_chart(chart):
    top = _nice_max(max((v for _label, values in chart.rows for v in values), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    groups = len(chart.rows) or 1
    group_w = plot_w / groups
    per_bar = group_w * 0.8 / max(len(chart.series), 1)
    label_every = max(1, -(-groups // MAX_LABELS))
    bars, labels = [], []
    for i, (label, values) in enumerate(chart.rows):
        x0 = LEFT + i * group_w + group_w * 0.1
        for j, value in enumerate(values):
            h = plot_h * value / top if top else 0
            bars.append(
                {
                    "x": _n(x0 + j * per_bar),
                    "y": _n(TOP + plot_h - h),
                    "w": _n(max(per_bar - 1, 1)),
                    "h": _n(h),
                    "fill": FILLS[j % len(FILLS)],
                }
            )
        if i % label_every == 0:
            labels.append({"x": _n(LEFT + (i + 0.5) * group_w), "text": label[:14]})
    ticks = [
        # Every top _nice_max gives is a multiple of 5: five whole steps.
        {"y": _n(TOP + plot_h - plot_h * k / 5), "value": top * k // 5}
        for k in range(6)
    ]
    return {
        "chart": chart,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "tick_x": LEFT - 6,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_h,
        "label_y": TOP + plot_h + 18,
        "bars": bars,
        "labels": labels,
        "ticks": ticks,
        "legend": [
            {"name": name, "fill": FILLS[j % len(FILLS)]} for j, name in enumerate(chart.series)
        ]
        if len(chart.series) > 1
        else [],
    }

"""One time format: "kl. 09.00" (config/formats/da/formats.py, portal/core/timefmt.py)."""

from datetime import UTC, datetime, time

from django.template import Context, Template
from django.utils import translation

from portal.core.timefmt import clock, clock_bare, moment

NINE_IN_COPENHAGEN = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)


def test_times_are_written_the_danish_way():
    with translation.override("da"):
        assert clock(NINE_IN_COPENHAGEN) == "kl. 09.00"
        assert clock(time(14, 5)) == "kl. 14.05"
        assert clock_bare(NINE_IN_COPENHAGEN) == "09.00"
        assert moment(NINE_IN_COPENHAGEN) == "6. december 2026 kl. 09.00"
        assert moment(NINE_IN_COPENHAGEN, weekday=True) == "søndag 6. december 2026 kl. 09.00"
        assert clock(None) == moment(None) == ""


def test_the_named_formats_and_the_filters_agree():
    template = Template(
        "{% load portal_time %}{{ t|date:'DATETIME_FORMAT' }}|{{ t|time }}"
        "|{{ t|date:'SHORT_DATETIME_FORMAT' }}|{{ t|clock }}–{{ t|clock_bare }}"
        "|{{ t|weekday_moment }}"
    )
    with translation.override("da"):
        text = template.render(Context({"t": NINE_IN_COPENHAGEN}))
    assert text == (
        "6. december 2026 kl. 09.00|kl. 09.00|06.12.2026 kl. 09.00"
        "|kl. 09.00–09.00|søndag 6. december 2026 kl. 09.00"
    )

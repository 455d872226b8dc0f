"""Danish formats as the portal writes them: times as "kl. 09.00", everywhere
(docs/decisions/0036-readable-danish-slugs.md; portal/core/timefmt.py formats in Python)."""

from django.conf.locale.da.formats import *  # noqa: F403

from portal.core.timefmt import CLOCK, MOMENT, SHORT_MOMENT

TIME_FORMAT = CLOCK
DATETIME_FORMAT = MOMENT
SHORT_DATETIME_FORMAT = SHORT_MOMENT

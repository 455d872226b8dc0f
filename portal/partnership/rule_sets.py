"""Interview rule sets of the contact course, as data.

A rule set is a list of slots: each slot is an interview that falls due a fixed offset after the
start of unemployment, and says who may hold it. The rules change with legislation, so they are
data an administrator can edit (the database keeps them as rows and converts them to these
dataclasses); the KPI engine in `kpis.py` only reads them. A course follows the rule set that is
valid on its start date (`rule_set_for`).

This module is pure: no Django, no database, so the KPI definition can be tested on its own.
"""

from dataclasses import dataclass
from datetime import date

EITHER = "either"
FUND = "fund"
JOBCENTER = "jobcenter"
HELD_BY_CHOICES = (EITHER, FUND, JOBCENTER)


@dataclass(frozen=True)
class Slot:
    """One interview the course must have: due at `add_months(start, months) + days`.

    `held_by` says whose interviews may fill it: "fund", "jobcenter" or "either" (both).
    """

    order: int
    months: int = 0
    days: int = 0
    held_by: str = EITHER

    def __post_init__(self):
        if self.order < 1:
            raise ValueError(f"slot order must be 1 or more, not {self.order}")
        if self.months < 0 or self.days < 0:
            raise ValueError("a slot falls due after the start, never before it")
        if self.held_by not in HELD_BY_CHOICES:
            raise ValueError(f"held_by must be one of {HELD_BY_CHOICES}, not {self.held_by!r}")

    def accepts(self, held_by: str) -> bool:
        """May an interview held by `held_by` ("fund" or "jobcenter") fill this slot?"""
        return self.held_by == EITHER or self.held_by == held_by


@dataclass(frozen=True)
class RuleSet:
    """A named list of slots, valid for courses starting in [valid_from, valid_to].

    `valid_to` None means open-ended. `to_be_confirmed` marks offsets that still wait for the
    administrator's confirmation; the KPIs are computed all the same, the pages say so.
    """

    code: str
    name: str
    valid_from: date
    valid_to: date | None
    slots: tuple[Slot, ...]
    to_be_confirmed: bool = False

    def __post_init__(self):
        orders = [slot.order for slot in self.slots]
        if len(set(orders)) != len(orders):
            raise ValueError(f"rule set {self.code}: two slots share an order")
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"rule set {self.code}: valid_to is before valid_from")
        # Walk order is the slot order, whatever order the rows came in.
        object.__setattr__(self, "slots", tuple(sorted(self.slots, key=lambda s: s.order)))

    def valid_on(self, start: date) -> bool:
        return self.valid_from <= start and (self.valid_to is None or start <= self.valid_to)


RULE_SET_2015 = RuleSet(
    code="2015",
    name="Kontaktforløb 2015: seks jobsamtaler i de første seks måneder",
    valid_from=date(2015, 1, 1),
    valid_to=date(2019, 12, 31),
    slots=tuple(Slot(order=k, months=k) for k in range(1, 7)),
)
"""Courses starting 2015-01-01 to 2019-12-31: slot k = 1..6 due at start + k months, either side."""

RULE_SET_2025 = RuleSet(
    code="2025",
    name="Kontaktforløb 2025: a-kassen fører forløbet",
    valid_from=date(2025, 1, 1),
    valid_to=None,
    slots=(
        Slot(order=1, days=14, held_by=FUND),
        Slot(order=2, months=2, held_by=FUND),
        Slot(order=3, months=3, held_by=FUND),
        Slot(order=4, months=4, held_by=JOBCENTER),
        Slot(order=5, months=5, held_by=JOBCENTER),
        Slot(order=6, months=6, held_by=JOBCENTER),
    ),
    to_be_confirmed=True,
)
"""Fund-led courses from 2025-01-01: the fund holds three interviews in months 1-3, the first
within two weeks, then the jobcenter at least three more by month 6.

The exact offsets (+14 days, +2 and +3 months for the fund; +4, +5 and +6 months for the
jobcenter) are a reading of the agreement and are TO BE CONFIRMED BY THE ADMINISTRATOR, who
can edit them in the portal; hence `to_be_confirmed=True`.
"""

SHIPPED_RULE_SETS = (RULE_SET_2015, RULE_SET_2025)


def rule_set_for(start: date, rule_sets) -> RuleSet | None:
    """The rule set valid on a course's start date, or None when no rule set covers it.

    Validity periods should not overlap (`overlapping` finds the pairs that do, for the
    administrator's form); if they do all the same, the one that became valid last wins, so the
    answer never depends on the order of the rows.
    """
    valid = [rule_set for rule_set in rule_sets if rule_set.valid_on(start)]
    if not valid:
        return None
    return max(valid, key=lambda rule_set: (rule_set.valid_from, rule_set.code))


def overlapping(rule_sets) -> list[tuple[RuleSet, RuleSet]]:
    """Pairs of rule sets whose validity periods share at least one day."""
    pairs = []
    ordered = sorted(rule_sets, key=lambda rule_set: rule_set.valid_from)
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if first.valid_to is None or second.valid_from <= first.valid_to:
                pairs.append((first, second))
    return pairs

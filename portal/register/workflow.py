"""Which status may follow which in the register, and who moves an item along each step.

    reported → triaged → in_handling → handled | not_pursued | awaiting_legislation
    triaged → not_pursued
    handled | not_pursued → in_handling        (a coordinator reopens)
    awaiting_legislation → in_handling         (the law came)

Pure: no database. The services ask `step` before they write; the API answers a refused step
with 409, the pages with the same Danish sentence.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import Status

COORDINATOR = "coordinator"  # the jobcenter's coordinators: triage, reject early, reopen
OFFICE = "office"  # the people of the item's responsible office: handle
EITHER = "either"

STEPS: dict[tuple[str, str], str] = {
    (Status.REPORTED, Status.TRIAGED): COORDINATOR,
    (Status.TRIAGED, Status.IN_HANDLING): EITHER,
    (Status.TRIAGED, Status.NOT_PURSUED): COORDINATOR,
    (Status.IN_HANDLING, Status.HANDLED): OFFICE,
    (Status.IN_HANDLING, Status.NOT_PURSUED): OFFICE,
    (Status.IN_HANDLING, Status.AWAITING_LEGISLATION): OFFICE,
    (Status.HANDLED, Status.IN_HANDLING): COORDINATOR,
    (Status.NOT_PURSUED, Status.IN_HANDLING): COORDINATOR,
    (Status.AWAITING_LEGISLATION, Status.IN_HANDLING): EITHER,
}


class StepRefused(Exception):
    """The step does not follow from the item's status (409 in the API)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Step:
    current: str
    target: str
    by: str  # COORDINATOR, OFFICE or EITHER


def step(current: str, target: str) -> Step:
    """The step from `current` to `target`, or StepRefused with a Danish sentence that says
    which steps there are from here."""
    by = STEPS.get((current, target))
    if by is None:
        raise StepRefused(
            _(
                "An item that is “%(current)s” cannot become “%(target)s”. "
                "From here it can become: %(next)s."
            )
            % {
                "current": Status(current).label,
                "target": Status(target).label if target in Status.values else target,
                "next": ", ".join(str(Status(value).label) for value in next_statuses(current))
                or _("nothing (the item is closed)"),
            }
        )
    return Step(current=current, target=target, by=by)


def next_statuses(current: str) -> list[str]:
    """The statuses an item in `current` may move to, in the workflow's order."""
    return [target for (source, target) in STEPS if source == current]

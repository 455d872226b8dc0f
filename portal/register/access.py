"""Who may read and do what in the register of burdensome rules. The one place.

The register is the partnership's shared list: every approved person signed in reads every
item and reports new ones, endorses and comments. The jobcenter's coordinators triage
(classify, give an office and a timeline), reject early and reopen; the people of an item's
responsible office handle it; the operator's admins keep the offices. Which roles count is
core/rules.py's ("register.triage", "register.manage_offices"); this module says which items
and which steps (workflow.py's COORDINATOR / OFFICE).

The forms of docs/decisions/0020-access-policy.md: `items_readable` (a filter over items, or
through `prefix`), `item_readable` (one item) and `item_readers` (which of these people).
"""

from collections.abc import Iterable

import rules
from django.db.models import Q

from portal.core.access import may_sign_in, nothing
from portal.core.models import User

from . import workflow


def _reads(user: User) -> bool:
    return may_sign_in(user) and bool(user.is_approved)


def items_readable(*, user: User, prefix: str = "") -> Q:
    """Every item for an approved person signed in; nothing for anyone else."""
    if not _reads(user):
        return nothing()
    return Q(**{f"{prefix}pk__isnull": False})


def items_readable_by_everyone_signed_in() -> Q:
    """The items anyone who reads the register may find (the search index holds these, and the
    search itself admits only people signed in): all of them."""
    return Q(pk__isnull=False)


def item_readable(*, user: User, item) -> bool:
    return item is not None and _reads(user)


def item_readers(*, item, users: Iterable[User]) -> list[User]:
    """Of these people, those who may read the item (the notifications' recipients)."""
    return [person for person in users if person is not None and person.pk and _reads(person)]


def may_report(*, user: User) -> bool:
    """Report, endorse and comment: anyone who reads the register."""
    return _reads(user)


def may_triage(*, user: User) -> bool:
    """Classify, give an office and a timeline, reject early, reopen: the jobcenter's
    coordinators."""
    return _reads(user) and rules.has_perm("register.triage", user)


def is_office_member(*, user: User, office) -> bool:
    if office is None or not _reads(user):
        return False
    return office.members.filter(pk=user.pk).exists()


def offices_of(*, user: User) -> Q:
    """The offices whose work list the person has (a filter over Office)."""
    if not _reads(user):
        return nothing()
    return Q(members=user, is_active=True)


def may_step(*, user: User, item, by: str) -> bool:
    """May the person take a step of the workflow that is `by` COORDINATOR, OFFICE or EITHER
    on this item?"""
    if not _reads(user):
        return False
    coordinator = by in (workflow.COORDINATOR, workflow.EITHER) and may_triage(user=user)
    office = by in (workflow.OFFICE, workflow.EITHER) and is_office_member(
        user=user, office=item.responsible_office
    )
    return coordinator or office


def may_edit_handling(*, user: User, item) -> bool:
    """The handling text and the timeline: the office's people and the coordinators."""
    return may_step(user=user, item=item, by=workflow.EITHER)


def may_generate_report(*, user: User) -> bool:
    """The committee report (it stores a snapshot): the coordinators and the operator's admins."""
    return _reads(user) and (
        may_triage(user=user) or rules.has_perm("register.manage_offices", user)
    )


def may_manage_offices(*, user: User) -> bool:
    return _reads(user) and rules.has_perm("register.manage_offices", user)

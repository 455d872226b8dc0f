"""Who may read a guide. The one place.

A published guide is for everyone signed in; a draft (unpublished) for the editorial desk
("guides.manage" in core/rules.py). What leaves the guides module for everyone at once (digests,
newsletters, the search index, a person's profile) is the published guides.

The three forms of docs/decisions/0020-access-policy.md: `guides_readable` (a filter),
`guide_readable` (one guide) and `guide_readers` (many people at once), from the one rule in
`_guide_readable_given`; guides/tests/test_access.py holds the filter to it.
"""

from collections.abc import Iterable

import rules
from django.db.models import Q

from portal.core.access import may_sign_in, nothing, roles_preload
from portal.core.models import User

from .models import Guide


def guides_published(*, prefix: str = "") -> Q:
    """The guides everyone signed in may read."""
    return Q(**{f"{prefix}is_published": True})


def guide_published(*, guide: Guide) -> bool:
    return guide.is_published


def guides_readable(*, user: User, prefix: str = "") -> Q:
    """The guides the person may read: drafts too for the editorial desk."""
    if not may_sign_in(user):
        return nothing()
    if rules.has_perm("guides.manage", user):
        # Every guide, said so that it can be combined with | (an empty Q() would vanish).
        return Q(**{f"{prefix}pk__isnull": False})
    return guides_published(prefix=prefix)


def _guide_readable_given(*, guide: Guide, manager: bool) -> bool:
    return manager or guide_published(guide=guide)


def guide_readable(*, user: User, guide: Guide) -> bool:
    if not may_sign_in(user):
        return False
    return _guide_readable_given(guide=guide, manager=rules.has_perm("guides.manage", user))


def guide_readers(*, guide: Guide, users: Iterable[User]) -> list[User]:
    """Of these people, those who may read the guide (one query for their roles at most)."""
    people = [user for user in users if may_sign_in(user) and user.pk]
    if not guide.is_published:
        roles_preload(people)
    return [
        person
        for person in people
        if _guide_readable_given(
            guide=guide,
            manager=not guide.is_published and rules.has_perm("guides.manage", person),
        )
    ]

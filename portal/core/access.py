"""The access policies' common part: where they are, and what every one of them needs.

Each kind of thing has one policy module that answers, from one definition, three questions
(docs/decisions/0020-access-policy.md):

- which rows may this person see: `threads_readable(user) -> Q` (with a `prefix` for models
  that reach the thing through a relation, "thread__");
- may this person see this one: `thread_readable(user, thread) -> bool`;
- which of these people may see it: `thread_readers(thread, users)`, in a fixed number of
  queries however many people (notifications, digests, newsletters).

Core is the bottom layer and imports no feature app: an app registers its policy module here
from its AppConfig.ready(). The registry is what the scan test
(core/tests/test_access_policy_single_place.py) reads to know the only modules allowed to
filter by readability. Role → permission rules stay in core/rules.py; policies ask them.
"""

from collections.abc import Iterable

from django.db.models import Q

from .models import RoleGrant

_POLICIES: dict[str, str] = {}


def policy_register(*, kind: str, module: str) -> None:
    """Record that `module` (a dotted path) is where who may see `kind` is decided."""
    _POLICIES[kind] = module


def policy_modules() -> dict[str, str]:
    """Every registered kind and its policy module."""
    return dict(_POLICIES)


def nothing() -> Q:
    """A filter no row passes (for anonymous people, and no query is run for it)."""
    return Q(pk__in=[])


def may_sign_in(user) -> bool:
    """Signed in and not deactivated: the least any policy asks."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def roles_preload(users: Iterable) -> None:
    """Load the roles of many people in one query, so that rules.has_perm decides for each of
    them without a query of its own (it reads User.role_names)."""
    people = [person for person in users if person is not None and person.pk]
    missing = [person for person in people if "role_names" not in person.__dict__]
    if not missing:
        return
    roles: dict[int, set[str]] = {person.pk: set() for person in missing}
    for user_id, role in RoleGrant.objects.filter(user_id__in=list(roles)).values_list(
        "user_id", "role"
    ):
        roles[user_id].add(role)
    for person in missing:
        person.__dict__["role_names"] = frozenset(roles[person.pk])

"""Who knows about a subject, for an app that may not ask the directory itself.

The search suggests colleagues with the expertise a search found nothing for, but it sits beside
the directory in the layers (docs/decisions/0021-app-layers.md) and may not import it. The
directory registers its finder here from its AppConfig.ready(); who is listed and how people are
matched stay the directory's (docs/decisions/0029, 0032).
"""

from collections.abc import Callable, Sequence

from .models import User

ExpertFinder = Callable[..., Sequence[User]]

_FINDERS: list[ExpertFinder] = []


def expert_finder_register(finder: ExpertFinder) -> None:
    """Record `finder(*, user, query, limit) -> people`, once."""
    if finder not in _FINDERS:
        _FINDERS.append(finder)


def experts_for(*, user: User, query: str, limit: int = 3) -> list[User]:
    """Up to `limit` people whose expertise matches the query, as the registered finder sees
    them; none when no finder is registered (the directory is not installed)."""
    for finder in _FINDERS:
        return list(finder(user=user, query=query, limit=limit))
    return []

"""Database constraints the apps' models share."""

from django.db import models
from django.db.models import Q


def choices_check(field: str, choices, name: str, *, null: bool = False) -> models.CheckConstraint:
    """The field holds one of its choices' values (or NULL when `null`), in the database too:
    an import or a raw update cannot store a status the code does not know."""
    condition = Q(**{f"{field}__in": choices.values})
    if null:
        condition |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(condition=condition, name=name)

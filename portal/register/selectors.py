"""Reads of the register. Readability is access.py's; every query here starts from it."""

from django.db.models import Count, QuerySet
from django.http import Http404

from portal.core.models import User

from . import access
from .models import RegisterItem


def items_visible(*, user: User) -> QuerySet[RegisterItem]:
    return (
        RegisterItem.objects.filter(access.items_readable(user=user))
        .select_related("responsible_office", "reporting_organisation")
        .annotate(endorsement_count=Count("endorsements", distinct=True))
    )


def item_get(*, user: User, pk: int) -> RegisterItem:
    item = items_visible(user=user).filter(pk=pk).first()
    if item is None:
        raise Http404
    return item

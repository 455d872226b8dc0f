"""Writes of the search app beyond its index: the counter of searches that found nothing."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from portal.core.cpr import contains_cpr_number

from .models import SearchMiss

MISS_WORDS_MAX = 100


def search_miss_record(*, words: str) -> None:
    """Count one search that found nothing today (Copenhagen), by its words (lower-cased, one
    space between them, cut at 100 characters). A query that shows a CPR number is not kept."""
    words = " ".join(words.lower().split())[:MISS_WORDS_MAX].strip()
    if not words or contains_cpr_number(words):
        return
    key = {"day": timezone.localdate(), "words": words}
    if SearchMiss.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SearchMiss.objects.create(count=1, **key)
    except IntegrityError:
        SearchMiss.objects.filter(**key).update(count=F("count") + 1)

"""Register items are in the portal's Danish search: found by a word of their title or problem
(in its inflected forms), kept current when they change, with a link to the item page."""

import pytest
from django.urls import reverse

from portal.register import services
from portal.search.selectors import search

pytestmark = pytest.mark.django_db


def test_a_reported_item_is_found_and_follows_its_changes(
    jc_caseworker, coordinator, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = services.item_report(
            by=jc_caseworker,
            title="Dobbeltregistrering af fravær i KAS og KMD Sag",
            problem="Fraværet skal tastes to gange, hvilket koster tid på hver sag.",
        )
    results = search(user=coordinator, query="dobbeltregistreringer")
    (hit,) = [hit for hit in results.hits if hit.document.kind == "register_item"]
    assert hit.document.object_id == item.pk
    assert hit.document.url == reverse("register:item_detail", args=[item.pk])

    with django_capture_on_commit_callbacks(execute=True):
        services.item_triage(item=item, by=coordinator, section=7, office=office)
        services.item_update(
            item=item, by=coordinator, handling="Løses med en integration mellem systemerne."
        )
    found = search(user=jc_caseworker, query="integration", kinds=["register_item"])
    assert [hit.document.object_id for hit in found.hits] == [item.pk]

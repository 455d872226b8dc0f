"""The jurists' work list and a stale guide pass axe-core."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from portal.guides.models import Guide
from portal.guides.services import guide_create, law_reference_mark_changed
from portal.hotline.models import HotlineCase
from portal.hotline.services import hotline_case_assign, hotline_case_open
from portal.hotline.tests.factories import make_question
from portal.testing.browser import assert_accessible, sign_in_with_password

pytestmark = pytest.mark.browser


def test_a_jurists_work_list_is_accessible(page, caseworker, jurist, password):
    overdue, taken, fresh = (
        hotline_case_open(thread=make_question(author=caseworker, title=title), by=caseworker)
        for title in ("Forsinket spørgsmål", "Taget spørgsmål", "Nyt spørgsmål")
    )
    HotlineCase.objects.filter(pk=overdue.pk).update(
        deadline=timezone.now() - timedelta(hours=2), escalated_at=timezone.now()
    )
    hotline_case_assign(case=taken, jurist=jurist)

    sign_in_with_password(page, email=jurist.email, password=password)
    assert_accessible(page)  # the front page, where signing in leads
    page.goto("/debat/hotline/")
    assert page.locator("[data-deadline-state=escalated]").count() == 1
    assert_accessible(page)

    page.locator("input[name=scope][value=mine]").check()
    page.locator("main form[method=get] button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator("main tbody tr").count() == 1
    assert_accessible(page)


def test_a_stale_guide_with_its_warning_is_accessible(page, caseworker, editor, password):
    guide = guide_create(
        by=editor,
        title="Løntilskud til ledige over 50",
        topic=make_question(author=caseworker).topic,
        body="## Reglen\n\nEfter LAB § 51 kan jobcentret ...\n\n- trin et\n- trin to",
        law_references_text="LAB § 51, LAS § 7",
    )
    law_reference_mark_changed(law="LAB", paragraph="51", note="Ny sats fra 1. januar", by=editor)
    Guide.objects.filter(pk=guide.pk).update(review_by=date(2025, 1, 1))

    sign_in_with_password(page, email=caseworker.email, password=password)
    assert_accessible(page)
    page.goto(guide.get_absolute_url())
    assert page.locator(".alert-warning").count() == 1
    assert_accessible(page)

    page.goto("/debat/vejledninger/?stale=on")
    assert page.locator("[data-guide-state=needs_review]").count() == 1
    assert_accessible(page)


def test_an_editors_guide_pages_are_accessible(page, caseworker, editor, password):
    guide = guide_create(
        by=editor,
        title="Sygedagpenge i arbejdsgiverperioden",
        topic=make_question(author=caseworker).topic,
        body="Efter SDL § 7 betaler arbejdsgiveren ...",
    )
    law_reference_mark_changed(law="SDL", note="Ny periode", by=editor)

    sign_in_with_password(page, email=editor.email, password=password)
    assert_accessible(page)
    for path in (
        "/debat/vejledninger/",
        "/debat/vejledninger/ny/",
        f"/debat/vejledninger/{guide.slug}/rediger/",
        "/debat/vejledninger/love/",
        "/debat/vejledninger/til-gennemsyn/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page)

    # A refused form keeps the text and shows its errors accessibly.
    page.goto("/debat/vejledninger/love/")
    page.locator("input[name=reference]").fill("paragraf seksten")
    page.locator("input[name=note]").fill("Ny frist")
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator(".alert-error").count() == 1
    assert page.locator("input[name=note]").input_value() == "Ny frist"
    assert_accessible(page)

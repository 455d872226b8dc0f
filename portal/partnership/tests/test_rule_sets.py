"""The interview rule sets in the portal: the operator's and the jobcenter's admins change and
add them, everyone who follows a fund reads them; a period that overlaps another rule set's, a
rule set without interviews or a taken code is refused in Danish and changes nothing; a saved
change is in the audit log and every fund's figures are recomputed with it."""

from datetime import date

import pytest
from django.urls import reverse

from portal.conftest import make_user
from portal.core.models import AuditEvent, OrganisationKind
from portal.core.tests.factories import OrganisationFactory
from portal.partnership import figures
from portal.partnership.models import (
    ContactCourse,
    FundMonth,
    Interview,
    InterviewRuleSet,
    InterviewSlot,
)

pytestmark = pytest.mark.django_db

EDIT_2025 = reverse("partnership:rule_set_edit", args=["2025"])
CREATE = reverse("partnership:rule_set_create")
LIST = reverse("partnership:rule_sets")


@pytest.fixture
def jobcenter_admin(jobcenter):
    return make_user(organisation=jobcenter, roles=["admin"], mfa=True)


def _form(slots, stored=6, **changes):
    """The page's form as the browser sends it: the rule set's fields, a row per stored slot
    (`stored`: 6 for the shipped 2025 set, 0 for a new one) filled with `slots` (months, days,
    held_by), rows beyond them ticked for removal, and the untouched empty row at the end."""
    rows = max(stored, len(slots))
    data = {
        "name": "Kontaktforløb 2025: a-kassen fører forløbet",
        "valid_from": "2025-01-01",
        "valid_to": "",
        "slots-TOTAL_FORMS": str(rows + 1),
        "slots-INITIAL_FORMS": str(stored),
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "24",
        f"slots-{rows}-months": "",
        f"slots-{rows}-days": "",
        f"slots-{rows}-held_by": "either",
    }
    for index in range(rows):
        months, days, held_by = slots[index] if index < len(slots) else (9, 9, "either")
        data[f"slots-{index}-months"] = str(months)
        data[f"slots-{index}-days"] = str(days)
        data[f"slots-{index}-held_by"] = held_by
        if index >= len(slots):
            data[f"slots-{index}-DELETE"] = "on"
    data.update(changes)
    return data


def _slots(code):
    return list(
        InterviewSlot.objects.filter(rule_set__code=code)
        .order_by("order")
        .values_list("order", "months", "days", "held_by")
    )


SHIPPED_2025 = [
    (1, 0, 14, "fund"),
    (2, 2, 0, "fund"),
    (3, 3, 0, "fund"),
    (4, 4, 0, "jobcenter"),
    (5, 5, 0, "jobcenter"),
    (6, 6, 0, "jobcenter"),
]


def test_the_admin_confirms_the_2025_offsets_with_a_correction(
    client_for, operator_admin, fund, django_capture_on_commit_callbacks
):
    course = ContactCourse.objects.create(
        course_id="kf-1",
        fund=fund,
        citizen_key="borger-1",
        unemployment_start=date(2025, 3, 3),
        age_band="30plus",
        end_date=date(2025, 3, 31),
    )
    # Slot 1 of the shipped set falls due 17 March (start + 14 days); the interview meets it.
    Interview.objects.create(
        interview_id="s-1",
        course=course,
        kind="job",
        held_on=date(2025, 3, 15),
        held_by="fund",
        channel="phone",
        status="held",
    )
    figures.kpis_refresh(fund_ids=[fund.pk])
    assert FundMonth.objects.get(fund=fund, period=date(2025, 3, 1)).slots_due == 1
    assert (
        "Samtalernes tidspunkter skal bekræftes"
        in client_for(operator_admin).get(LIST).content.decode()
    )

    corrected = [(1, 0, "fund"), (2, 0, "fund"), (3, 0, "fund")]
    corrected += [(4, 0, "jobcenter"), (5, 0, "jobcenter"), (6, 0, "jobcenter")]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(operator_admin).post(EDIT_2025, _form(corrected))
    assert response.status_code == 302 and response["Location"] == LIST

    rule_set = InterviewRuleSet.objects.get(code="2025")
    assert rule_set.to_be_confirmed is False  # the box was left unticked
    assert _slots("2025") == [
        (n, months, days, by) for n, (months, days, by) in enumerate(corrected, start=1)
    ]
    # Slot 1 now falls due 3 April, after the course ended on 31 March: nothing due in March.
    assert not FundMonth.objects.filter(fund=fund, period=date(2025, 3, 1), slots_due__gt=0)
    entry = AuditEvent.objects.get(action=AuditEvent.Action.INTERVIEW_RULE_SET_SAVED)
    assert entry.actor == operator_admin
    assert entry.detail["before"]["slots"][0] == [0, 14, "fund"]
    assert entry.detail["after"]["slots"][0] == [1, 0, "fund"]
    assert entry.detail["before"]["to_be_confirmed"] is True
    assert entry.detail["after"]["to_be_confirmed"] is False
    page = client_for(operator_admin).get(LIST).content.decode()
    assert "Samtalernes tidspunkter skal bekræftes" not in page


def test_a_row_can_be_removed_and_the_rest_keep_their_order(client_for, jobcenter_admin):
    slots = [(0, 14, "fund"), (2, 0, "fund"), (3, 0, "fund")]
    data = _form(slots, **{"slots-1-DELETE": "on", "to_be_confirmed": "on"})
    # Rows 4-6 of the stored six are ticked for removal by _form; row 2 by hand.
    assert client_for(jobcenter_admin).post(EDIT_2025, data).status_code == 302
    assert _slots("2025") == [(1, 0, 14, "fund"), (2, 3, 0, "fund")]
    assert InterviewRuleSet.objects.get(code="2025").to_be_confirmed is True


def test_a_new_rule_set_after_the_last_one_ends(client_for, operator_admin):
    client = client_for(operator_admin)
    # The 2025 set is open-ended: it must end before a new one can start.
    refused = client.post(
        CREATE,
        _form([(1, 0, "either")], code="2027", name="Kontaktforløb 2027", valid_from="2027-01-01"),
    )
    assert refused.status_code == 200
    assert "overlapper regelsættet" in refused.content.decode()
    assert not InterviewRuleSet.objects.filter(code="2027").exists()

    client.post(
        EDIT_2025,
        _form([row[1:] for row in SHIPPED_2025], valid_to="2026-12-31", to_be_confirmed="on"),
    )
    created = client.post(
        CREATE,
        _form([(1, 0, "either")], code="2027", name="Kontaktforløb 2027", valid_from="2027-01-01"),
    )
    assert created.status_code == 302
    assert _slots("2027") == [(1, 1, 0, "either")]
    assert _slots("2025") == SHIPPED_2025  # the period changed, the slots stayed


@pytest.mark.parametrize(
    ("changes", "slots", "message"),
    [
        ({"valid_from": "2019-06-01"}, [(1, 0, "fund")], "overlapper regelsættet"),
        ({"valid_to": "2024-12-31"}, [(1, 0, "fund")], "Periodens slutning ligger før"),
        ({"valid_from": "1. januar"}, [(1, 0, "fund")], "gyldig dato"),
        ({}, [], "Et regelsæt skal have mindst én samtale"),
        ({"slots-0-days": "-3"}, [(1, 0, "fund")], "større end eller lig 0"),
        ({"slots-0-held_by": "borgeren"}, [(1, 0, "fund")], "Marker en gyldig valgmulighed"),
        ({"name": ""}, [(1, 0, "fund")], "Feltet skal udfyldes"),
    ],
)
def test_bad_input_is_refused_in_danish_and_changes_nothing(
    client_for, operator_admin, changes, slots, message
):
    response = client_for(operator_admin).post(EDIT_2025, _form(slots, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _slots("2025") == SHIPPED_2025
    assert InterviewRuleSet.objects.get(code="2025").valid_from == date(2025, 1, 1)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.INTERVIEW_RULE_SET_SAVED)


def test_a_taken_code_is_refused(client_for, operator_admin):
    response = client_for(operator_admin).post(
        CREATE, _form([(1, 0, "fund")], stored=0, code="2015", valid_from="2030-01-01")
    )
    assert "Der findes allerede et regelsæt med koden “2015”" in response.content.decode()
    assert InterviewRuleSet.objects.count() == 2


def test_who_reads_and_who_edits(client_for, caseworker, fund, operator_admin, jobcenter_admin):
    union = OrganisationFactory(slug="hk", name="HK", kind=OrganisationKind.UNION)
    jobcenter_coordinator = make_user(
        organisation=jobcenter_admin.organisation, roles=["coordinator"], mfa=True
    )
    expected = {
        caseworker: (200, 404),
        make_user(organisation=fund, roles=["admin"], mfa=True): (200, 404),
        make_user(organisation=union, roles=["admin"], mfa=True): (404, 404),
        jobcenter_coordinator: (200, 404),
        jobcenter_admin: (200, 200),
        operator_admin: (200, 200),
    }
    for person, (read, edit) in expected.items():
        client = client_for(person)
        assert client.get(LIST).status_code == read, person
        assert client.get(EDIT_2025).status_code == edit, person
        assert client.get(CREATE).status_code == edit, person
        page = client.get(LIST).content.decode() if read == 200 else ""
        assert (EDIT_2025 in page) == (edit == 200), person
        if edit == 404:
            assert client.post(EDIT_2025, _form([(1, 0, "fund")])).status_code == 404
    assert _slots("2025") == SHIPPED_2025

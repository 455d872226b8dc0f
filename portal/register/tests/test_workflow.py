"""The workflow's steps, pure, and the services that take them: who may, what is logged, who
hears of it; a skipped step is refused in Danish and changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from portal.conftest import make_user
from portal.core.models import AuditEvent
from portal.notifications.models import Notification
from portal.register import services, workflow
from portal.register.models import ItemChange, RegisterItem, Status
from portal.register.timelines import timeline_due


@pytest.mark.parametrize(
    ("current", "target", "by"),
    [
        ("reported", "triaged", workflow.COORDINATOR),
        ("triaged", "in_handling", workflow.EITHER),
        ("triaged", "not_pursued", workflow.COORDINATOR),
        ("in_handling", "handled", workflow.OFFICE),
        ("in_handling", "awaiting_legislation", workflow.OFFICE),
        ("handled", "in_handling", workflow.COORDINATOR),
        ("not_pursued", "in_handling", workflow.COORDINATOR),
    ],
)
def test_the_steps_that_follow(current, target, by):
    assert workflow.step(current, target).by == by


@pytest.mark.parametrize(
    ("current", "target"),
    [("reported", "in_handling"), ("reported", "handled"), ("triaged", "handled")],
)
def test_a_skipped_step_is_refused_with_the_way_on(current, target):
    with pytest.raises(workflow.StepRefused) as refused:
        workflow.step(current, target)
    assert "kan ikke blive" in refused.value.message
    assert "Herfra kan den blive" in refused.value.message


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2018-03-31", date(2018, 3, 31)),
        ("31.3.2018", date(2018, 3, 31)),
        ("14. juni 2017.", date(2017, 6, 14)),
        ("2018K2", date(2018, 6, 30)),
        ("2. kvartal 2018", date(2018, 6, 30)),
        ("September 2017.", date(2017, 9, 30)),
        ("Efterår 2017", None),
        ("løbende", None),
        ("", None),
    ],
)
def test_a_timeline_falls_due_on_a_day_when_it_names_one(text, due):
    assert timeline_due(text) == due


pytestmark_db = pytest.mark.django_db


@pytest.fixture
def item(jc_caseworker):
    return services.item_report(
        by=jc_caseworker,
        title="Dobbeltregistrering af fravær",
        problem="Fravær registreres både i KAS og i KMD Sag.",
        main_topic="7",
        regulation_kind="state_law",
        regulation="LAB § 16",
    )


@pytest.mark.django_db
def test_a_reported_item_goes_from_triage_to_handled_and_the_reporter_hears(
    item, jc_caseworker, coordinator, office, office_member, fund
):
    endorser = make_user(organisation=fund, email="a@3f.example.dk")
    assert services.item_endorse(item=item, by=endorser)
    assert not services.item_endorse(item=item, by=endorser)  # once
    assert item.origin == "internal" and item.law_references == [["LAB", "16"]]

    services.item_triage(item=item, by=coordinator, section=7, office=office, timeline="2018K1")
    item.refresh_from_db()
    assert (item.status, item.section, item.timeline_due) == ("triaged", 7, date(2018, 3, 31))
    told = Notification.objects.filter(kind="register_item_moved", register_item=item)
    assert set(told.values_list("recipient_id", flat=True)) == {jc_caseworker.pk, endorser.pk}

    services.item_update(item=item, by=office_member, status=Status.IN_HANDLING)
    services.item_update(
        item=item, by=office_member, status=Status.HANDLED, handling="Løst i KAS fase 4."
    )
    item.refresh_from_db()
    assert item.status == "handled" and item.handling == "Løst i KAS fase 4."
    log = list(ItemChange.objects.filter(item=item).values_list("changes", flat=True))
    assert log[0] == {"status": [None, "reported"]}
    assert log[1]["responsible_office"] == [None, "1. kontor"]
    assert log[-1]["status"] == ["in_handling", "handled"]
    assert AuditEvent.objects.filter(action="register_item_changed").count() == 3


@pytest.mark.django_db
def test_who_may_take_which_step(item, jc_caseworker, coordinator, office, office_member):
    with pytest.raises(PermissionDenied):  # triage is the coordinators'
        services.item_triage(item=item, by=office_member, section=2, office=office)
    services.item_triage(item=item, by=coordinator, section=2, office=office)
    services.item_update(item=item, by=coordinator, status=Status.IN_HANDLING)
    with pytest.raises(PermissionDenied):  # handling is the office's
        services.item_update(item=item, by=jc_caseworker, status=Status.HANDLED)
    with pytest.raises(PermissionDenied):
        services.item_update(item=item, by=coordinator, status=Status.HANDLED)
    services.item_update(item=item, by=office_member, status=Status.NOT_PURSUED)
    with pytest.raises(PermissionDenied):  # reopening is the coordinators'
        services.item_update(item=item, by=office_member, status=Status.IN_HANDLING)
    services.item_update(item=item, by=coordinator, status=Status.IN_HANDLING)
    assert RegisterItem.objects.get(pk=item.pk).status == "in_handling"


@pytest.mark.django_db
def test_a_skipped_step_changes_nothing(item, coordinator):
    before = ItemChange.objects.count()
    with pytest.raises(workflow.StepRefused):
        services.item_update(item=item, by=coordinator, status=Status.HANDLED)
    assert RegisterItem.objects.get(pk=item.pk).status == "reported"
    assert ItemChange.objects.count() == before


@pytest.mark.django_db
def test_triage_needs_a_classification_and_an_office(item, coordinator, office):
    with pytest.raises(ValidationError):
        services.item_update(item=item, by=coordinator, status=Status.TRIAGED)
    assert RegisterItem.objects.get(pk=item.pk).status == "reported"


@pytest.mark.django_db
def test_a_cpr_number_is_refused_at_its_field(jc_caseworker, item, coordinator, office):
    with pytest.raises(ValidationError) as refused:
        services.item_report(by=jc_caseworker, title="Sag", problem="Borger 010190-1234 venter")
    assert "problem" in refused.value.message_dict
    services.item_triage(item=item, by=coordinator, section=2, office=office)
    with pytest.raises(ValidationError):
        services.item_update(item=item, by=coordinator, handling="Se 0101901234")
    assert RegisterItem.objects.filter(problem__contains="0101").count() == 0
    assert RegisterItem.objects.get(pk=item.pk).handling == ""


@pytest.mark.django_db
def test_the_office_is_reminded_once_a_week_of_items_past_their_timeline(
    item, coordinator, office, office_member
):
    services.item_triage(item=item, by=coordinator, section=2, office=office, timeline="2018K1")
    assert services.overdue_remind(today=date(2018, 3, 31)) == 0  # due that day: not yet late
    assert services.overdue_remind(today=date(2018, 4, 1)) == 1
    assert services.overdue_remind(today=date(2018, 4, 5)) == 0  # reminded this week
    assert services.overdue_remind(today=date(2018, 4, 8)) == 1
    reminded = Notification.objects.filter(kind="register_item_overdue")
    assert set(reminded.values_list("recipient_id", flat=True)) == {office_member.pk}


@pytest.mark.django_db
def test_the_reporters_bell_says_where_the_item_went_and_leads_to_it(
    item, jc_caseworker, coordinator, office
):
    from django.urls import reverse
    from django.utils import translation

    from portal.notifications.presentation import notification_message, notification_target_url
    from portal.notifications.selectors import notification_list_visible

    services.item_triage(item=item, by=coordinator, section=2, office=office)
    (notification,) = notification_list_visible(user=jc_caseworker)
    with translation.override("da"):
        assert notification_message(notification) == (
            "“Dobbeltregistrering af fravær” er nu: Visiteret"
        )
    assert notification_target_url(notification) == reverse("register:item_detail", args=[item.pk])

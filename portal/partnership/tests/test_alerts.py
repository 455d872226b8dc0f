"""The alert when a fund's timeliness falls below its goal: who hears of it, and only once."""

from datetime import date

import pytest

from portal.conftest import make_user
from portal.notifications.models import Notification
from portal.notifications.presentation import notification_message, notification_target_url
from portal.notifications.selectors import notification_list_visible
from portal.partnership.alerts import timeliness_alerts_send
from portal.partnership.models import TimelinessAlert
from portal.partnership.tests import test_pages

pytestmark = pytest.mark.django_db

# March 2016 of the pages' example: slot 2 missed, 0 of 1 on time; April: 1 of 1.
jobcenter_coordinator = test_pages.jobcenter_coordinator
year_of_3f = test_pages.year_of_3f


@pytest.fixture
def people(fund, other_fund, caseworker, jobcenter_coordinator):
    return {
        "3f": make_user(organisation=fund, roles=["coordinator"], email="k@3f.example.dk"),
        "foa": make_user(organisation=other_fund, roles=["coordinator"], email="k@foa.example.dk"),
        "jobcenter": jobcenter_coordinator,
        "caseworker": caseworker,
    }


def test_a_month_below_the_goal_alerts_the_coordinators_once(fund, people, year_of_3f):
    alerts = timeliness_alerts_send(fund_ids=[fund.pk], today=date(2016, 4, 5))
    assert [(a.period, float(a.timeliness), float(a.target)) for a in alerts] == [
        (date(2016, 3, 1), 0.0, 0.9)
    ]
    notified = Notification.objects.filter(kind=Notification.Kind.PARTNERSHIP_BELOW_GOAL)
    assert {n.recipient_id for n in notified} == {people["3f"].pk, people["jobcenter"].pk}
    notification = notified.first()
    assert "3F A-kasse" in notification_message(notification)
    assert notification_target_url(notification) == "/partnerskab/3f/"
    # A re-import of the same month tells nobody again.
    assert timeliness_alerts_send(fund_ids=[fund.pk], today=date(2016, 4, 20)) == []
    assert notified.count() == 2
    assert TimelinessAlert.objects.count() == 1


def test_a_month_at_the_goal_or_with_nothing_due_alerts_no_one(fund, people, year_of_3f):
    assert timeliness_alerts_send(fund_ids=[fund.pk], today=date(2016, 5, 2)) == []  # April
    assert timeliness_alerts_send(fund_ids=[fund.pk], today=date(2016, 2, 2)) == []  # January
    assert not Notification.objects.exists()


def test_a_fund_sees_no_alert_of_another_fund_in_its_bell(fund, other_fund, people, year_of_3f):
    timeliness_alerts_send(fund_ids=[fund.pk], today=date(2016, 4, 5))
    # Even a notification that reached the wrong person stays out of their bell.
    Notification.objects.create(
        recipient=people["foa"],
        kind=Notification.Kind.PARTNERSHIP_BELOW_GOAL,
        organisation=fund,
        period=date(2016, 3, 1),
    )
    assert list(notification_list_visible(user=people["foa"])) == []
    assert len(notification_list_visible(user=people["3f"])) == 1

"""When digests are due: from 06:00 Copenhagen time on the period's first day, whatever the
season, once per period."""

from datetime import date

import pytest
import time_machine

from portal.digests.models import DigestFrequency, DigestRun, EmailPreference
from portal.digests.services import digest_period_start, digest_round
from portal.digests.tasks import digest_round_task
from portal.forum import services as forum
from portal.forum.tests.factories import make_thread

from .conftest import local


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (local(2026, 11, 22, 23, 59), date(2026, 11, 16)),  # Sunday: last week's period
        (local(2026, 11, 23, 5, 59), None),  # Monday before 06:00: not yet
        (local(2026, 11, 23, 6, 0), date(2026, 11, 23)),
        (local(2026, 11, 26, 14, 0), date(2026, 11, 23)),
    ],
)
def test_weekly_period_begins_monday_at_six_copenhagen_time(moment, expected):
    assert digest_period_start(frequency=DigestFrequency.WEEKLY, now=moment) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (local(2026, 11, 25, 5, 59), None),
        (local(2026, 11, 25, 6, 0), date(2026, 11, 25)),
        (local(2026, 11, 28, 6, 1), date(2026, 11, 28)),  # Saturday too
    ],
)
def test_daily_period_begins_each_day_at_six(moment, expected):
    assert digest_period_start(frequency=DigestFrequency.DAILY, now=moment) == expected


def _weekly_round_at(when):
    with time_machine.travel(when, tick=False):
        return digest_round(frequency=DigestFrequency.WEEKLY)


def test_weekly_digest_goes_out_monday_at_six_not_on_sunday(
    smtp_server, caseworker, colleague, topic
):
    forum.topic_follow(topic=topic, user=caseworker)
    with time_machine.travel(local(2026, 11, 17, 9, 0), tick=False):
        make_thread(author=colleague, topic=topic, title="Første uge")
    _weekly_round_at(local(2026, 11, 17, 10, 0))  # the week of 16 November
    smtp_server.wait_for_message(to=caseworker.email)
    with time_machine.travel(local(2026, 11, 20, 9, 0), tick=False):
        make_thread(author=colleague, topic=topic, title="Fredagstråd")

    sunday = _weekly_round_at(local(2026, 11, 22, 20, 0))
    early_monday = _weekly_round_at(local(2026, 11, 23, 5, 30))
    monday = _weekly_round_at(local(2026, 11, 23, 6, 5))

    assert sunday.sent == 0 and early_monday.sent == 0 and early_monday.due == 0
    assert monday.sent == 1
    message = smtp_server.wait_for_message(to=caseworker.email)
    assert "Fredagstråd" in message.text and "Første uge" not in message.text
    run = DigestRun.objects.get(user=caseworker, period_start=date(2026, 11, 23))
    first = DigestRun.objects.get(user=caseworker, period_start=date(2026, 11, 16))
    assert run.covers_from == first.covers_until  # nothing is lost between digests


def test_daily_digest_goes_out_each_day(smtp_server, caseworker, colleague, topic):
    EmailPreference.objects.create(user=caseworker, digest_frequency=DigestFrequency.DAILY)
    forum.topic_follow(topic=topic, user=caseworker)
    for day in (24, 25, 26):
        with time_machine.travel(local(2026, 11, day - 1, 15, 0), tick=False):
            make_thread(author=colleague, topic=topic, title=f"Tråd den {day - 1}.")
        with time_machine.travel(local(2026, 11, day, 6, 10), tick=False):
            assert digest_round(frequency=DigestFrequency.DAILY).sent == 1
            assert digest_round(frequency=DigestFrequency.DAILY).sent == 0
        message = smtp_server.wait_for_message(to=caseworker.email)
        assert f"Tråd den {day - 1}." in message.text
        assert f"Tråd den {day - 2}." not in message.text
    assert DigestRun.objects.filter(user=caseworker).count() == 3


def test_weekly_digest_in_the_week_daylight_saving_time_ends(
    smtp_server, caseworker, colleague, topic
):
    """Summer time ends Sunday 25 October 2026: 06:00 Copenhagen is 04:00 UTC the Monday
    before and 05:00 UTC the Monday after."""
    forum.topic_follow(topic=topic, user=caseworker)
    with time_machine.travel("2026-10-21T12:00Z", tick=False):
        make_thread(author=colleague, topic=topic, title="Før skiftet")
    assert _weekly_round_at("2026-10-19T03:59Z").due == 0  # 05:59 CEST
    assert _weekly_round_at("2026-10-19T04:00Z").empty == 2  # 06:00 CEST: due, nothing yet
    with time_machine.travel("2026-10-24T12:00Z", tick=False):
        make_thread(author=colleague, topic=topic, title="Weekend før skiftet")

    assert _weekly_round_at("2026-10-26T04:30Z").due == 0  # 05:30 CET: not yet
    assert _weekly_round_at("2026-10-26T05:00Z").sent == 1  # 06:00 CET
    message = smtp_server.wait_for_message(to=caseworker.email)
    assert "Før skiftet" in message.text and "Weekend før skiftet" in message.text


def test_the_hourly_task_runs_the_round(smtp_server, caseworker, colleague, topic):
    forum.topic_follow(topic=topic, user=caseworker)
    with time_machine.travel(local(2026, 11, 24, 9, 0), tick=False):
        make_thread(author=colleague, topic=topic, title="Via køen")
    with time_machine.travel(local(2026, 11, 24, 10, 5), tick=False):
        digest_round_task.call_local()

    assert "Via køen" in smtp_server.wait_for_message(to=caseworker.email).text
    assert DigestRun.objects.filter(period_start=date(2026, 11, 23)).count() == 2

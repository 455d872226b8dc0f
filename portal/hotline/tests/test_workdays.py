from datetime import UTC, date, datetime

import pytest

from portal.hotline.workdays import (
    COPENHAGEN,
    add_working_days,
    is_working_day,
    previous_working_day,
    response_deadline,
    warning_starts,
)


def test_weekends_are_not_working_days():
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Friday → Monday


def test_three_working_days_from_a_monday_end_on_thursday():
    assert add_working_days(date(2026, 11, 23), 3) == date(2026, 11, 26)


def test_easter_holidays_are_skipped():
    # Maundy Thursday 2 April, Good Friday 3 April and Easter Monday 6 April 2026.
    assert add_working_days(date(2026, 4, 1), 3) == date(2026, 4, 9)


def test_christmas_eve_christmas_and_new_years_eve_are_skipped():
    assert add_working_days(date(2026, 12, 23), 3) == date(2026, 12, 30)
    # 31 December and New Year's Day close the offices too.
    assert add_working_days(date(2026, 12, 23), 4) == date(2027, 1, 4)


def test_constitution_day_is_not_a_working_day():
    assert not is_working_day(date(2026, 6, 5))
    assert add_working_days(date(2026, 6, 4), 1) == date(2026, 6, 8)


def test_ascension_day_and_whit_monday_are_skipped():
    assert add_working_days(date(2026, 5, 13), 1) == date(2026, 5, 15)
    assert add_working_days(date(2026, 5, 22), 1) == date(2026, 5, 26)


def test_store_bededag_is_a_working_day_since_its_abolition():
    assert not is_working_day(date(2023, 5, 5))
    assert is_working_day(date(2024, 4, 26))


def test_may_day_is_a_working_day():
    assert is_working_day(date(2026, 5, 1))


def test_counting_starts_after_a_request_made_on_a_holiday():
    assert add_working_days(date(2026, 4, 6), 1) == date(2026, 4, 7)  # Easter Monday
    assert add_working_days(date(2026, 11, 28), 3) == date(2026, 12, 2)  # a Saturday


def test_zero_working_days_is_the_day_itself_and_negative_is_refused():
    assert add_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 11, 23), -1)


def test_deadline_is_four_pm_copenhagen_on_the_last_working_day(settings):
    settings.PORTAL_HOTLINE_RESPONSE_WORKING_DAYS = 3
    requested = datetime(2026, 11, 23, 9, 15, tzinfo=COPENHAGEN)
    assert response_deadline(requested) == datetime(2026, 11, 26, 16, 0, tzinfo=COPENHAGEN)


def test_the_number_of_working_days_is_a_setting(settings):
    settings.PORTAL_HOTLINE_RESPONSE_WORKING_DAYS = 5
    requested = datetime(2026, 11, 23, 9, 15, tzinfo=COPENHAGEN)
    assert response_deadline(requested).date() == date(2026, 11, 30)


def test_deadline_across_the_end_of_summer_time_stays_at_four_pm_local(settings):
    settings.PORTAL_HOTLINE_RESPONSE_WORKING_DAYS = 3
    # Summer time ends on Sunday 25 October 2026: 16:00 is 14:00 UTC before, 15:00 UTC after.
    requested = datetime(2026, 10, 23, 10, 0, tzinfo=COPENHAGEN)
    deadline = response_deadline(requested)
    assert deadline.astimezone(UTC) == datetime(2026, 10, 28, 15, 0, tzinfo=UTC)


def test_the_request_day_is_the_copenhagen_day_not_the_utc_day(settings):
    settings.PORTAL_HOTLINE_RESPONSE_WORKING_DAYS = 3
    # 23:30 UTC on Monday is already Tuesday 00:30 in Copenhagen.
    requested = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert response_deadline(requested).date() == date(2026, 11, 27)


def test_warning_starts_at_the_beginning_of_the_previous_working_day():
    deadline = datetime(2026, 11, 30, 16, 0, tzinfo=COPENHAGEN)  # a Monday
    assert warning_starts(deadline) == datetime(2026, 11, 27, 0, 0, tzinfo=COPENHAGEN)
    assert previous_working_day(date(2026, 4, 7)) == date(2026, 4, 1)

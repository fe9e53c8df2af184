from datetime import date

import pytest

from desktop.core.deadlines import (
    add_months,
    extended_deadline,
    is_working_day,
    next_working_day,
    response_deadline,
)


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (date(2026, 3, 5), date(2026, 4, 7)),  # Easter Sunday, Easter Monday
        (date(2026, 1, 31), date(2026, 3, 2)),  # 28 Feb is a Saturday
        (date(2028, 1, 31), date(2028, 2, 29)),  # leap year
        (date(2026, 8, 31), date(2026, 9, 30)),  # no 31 September
        (date(2026, 5, 20), date(2026, 6, 22)),  # midsommardagen on a Saturday
        (date(2026, 11, 23), date(2026, 12, 23)),
        (date(2026, 12, 6), date(2027, 1, 7)),  # 6 Jan trettondedag jul (a Wednesday)
    ],
)
def test_response_deadline_domain_examples(received: date, deadline: date) -> None:
    assert response_deadline(received) == deadline


def test_extended_deadline_domain_example() -> None:
    # 2028-04-30 is a Sunday, 05-01 första maj.
    assert extended_deadline(date(2028, 1, 31)) == date(2028, 5, 2)


def test_eves_are_working_days_unless_the_organisation_says_otherwise() -> None:
    # Received 2026-11-24 → 2026-12-24, julafton, a Thursday.
    assert response_deadline(date(2026, 11, 24)) == date(2026, 12, 24)
    assert response_deadline(date(2026, 11, 24), eves_as_holidays=True) == date(2026, 12, 28)
    # Midsommarafton 2026 is Friday 19 June.
    assert response_deadline(date(2026, 5, 19)) == date(2026, 6, 19)
    assert response_deadline(date(2026, 5, 19), eves_as_holidays=True) == date(2026, 6, 22)


def test_annandag_pingst_is_no_longer_a_holiday() -> None:
    assert is_working_day(date(2026, 5, 25))  # Whit Monday 2026


@pytest.mark.parametrize(
    "holiday",
    [
        date(2026, 1, 1), date(2026, 1, 6), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 1),
        date(2026, 5, 14), date(2026, 6, 6), date(2026, 6, 20), date(2026, 10, 31),
        date(2026, 12, 25), date(2026, 12, 26),
    ],
)  # fmt: skip
def test_swedish_public_holidays_are_not_working_days(holiday: date) -> None:
    assert not is_working_day(holiday)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)
    assert add_months(date(2026, 10, 15), 3) == date(2027, 1, 15)


def test_next_working_day_keeps_a_working_day() -> None:
    assert next_working_day(date(2026, 11, 23)) == date(2026, 11, 23)


def test_every_deadline_of_a_decade_lands_on_a_working_day_after_a_month() -> None:
    day = date(2026, 1, 1)
    while day < date(2036, 1, 1):
        deadline = response_deadline(day)
        assert is_working_day(deadline)
        assert deadline >= add_months(day, 1)
        assert (deadline - add_months(day, 1)).days <= 5
        day = date.fromordinal(day.toordinal() + 1)

"""Response deadlines under GDPR Art. 12.3, computed by EU Regulation 1182/71.

The day of receipt does not count; a period of months ends on the same date in the last month,
or that month's last day if the date does not exist; a last day on a Saturday, Sunday or public
holiday moves to the next working day. Swedish public holidays come from `holidays`; the eves
(midsommarafton, julafton, nyårsafton) are not public holidays and only count when an
organisation says so, since moving a deadline later is the risky direction.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays

RESPONSE_MONTHS = 1
EXTENDED_MONTHS = 3  # one month plus the "two further months" of Art. 12.3


def add_months(start: date, months: int) -> date:
    """The same date `months` later, or that month's last day where the date does not exist."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=64)
def _swedish_holidays(year: int, eves: bool) -> frozenset[date]:
    categories = ("public", "de_facto") if eves else ("public",)
    calendar_ = holidays.country_holidays("SE", years=year, include_sundays=False, categories=categories)
    return frozenset(calendar_.keys())


def is_working_day(day: date, *, eves_as_holidays: bool = False) -> bool:
    if day.weekday() >= 5:
        return False
    return day not in _swedish_holidays(day.year, eves_as_holidays)


def next_working_day(day: date, *, eves_as_holidays: bool = False) -> date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day, eves_as_holidays=eves_as_holidays):
        day += timedelta(days=1)
    return day


def response_deadline(received: date, *, eves_as_holidays: bool = False) -> date:
    """The last day to answer: one month from receipt (Art. 12.3)."""
    return next_working_day(add_months(received, RESPONSE_MONTHS), eves_as_holidays=eves_as_holidays)


def extended_deadline(received: date, *, eves_as_holidays: bool = False) -> date:
    """The last day when the period is extended by two further months: three in all."""
    return next_working_day(add_months(received, EXTENDED_MONTHS), eves_as_holidays=eves_as_holidays)

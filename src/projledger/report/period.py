"""Report periods: ISO weeks (2026-W47), months (2026-11), quarters (2026-Q4), years
(2026), or dates."""

import datetime as dt
import re
from dataclasses import dataclass

from projledger.errors import UsageError
from projledger.messages import msg

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date
    name: str
    """2026-W47, 2026-11, 2026-Q4 or 2026-11-01..2026-11-15."""
    months: int = 0
    """1 for a month, 3 for a quarter, 12 for a year; 0 for weeks and custom periods
    (counted in days)."""

    @property
    def unit(self) -> str:
        """week, month, quarter, year, or days (a custom period)."""
        if self.months == 1:
            return "month"
        if self.months == 3:
            return "quarter"
        if self.months == 12:
            return "year"
        return "week" if _WEEK.match(self.name) else "days"

    def next(self) -> "Period":
        """The period right after this one (下期): the next week, month or quarter; for
        a custom period, as many days again."""
        start = self.end + dt.timedelta(days=1)
        if self.months == 1:
            return month_of(start)
        if self.months == 3:
            return quarter_of(start)
        if self.months == 12:
            return year_of(start)
        if _WEEK.match(self.name):
            return week_of(start)
        end = start + (self.end - self.start)
        return Period(start, end, f"{start}..{end}")


def week(text: str) -> Period:
    match = _WEEK.match(text.strip())
    if match is None:
        raise UsageError(msg("period.not_a_week", text=text))
    year, number = int(match[1]), int(match[2])
    try:
        start = dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        raise UsageError(msg("period.no_such_week", text=text, year=year, week=number)) from None
    return Period(start, start + dt.timedelta(days=6), f"{year}-W{number:02d}")


def week_of(day: dt.date) -> Period:
    year, number, _ = day.isocalendar()
    return week(f"{year}-W{number}")


def month(text: str) -> Period:
    match = _MONTH.match(text.strip())
    if match is None or not 1 <= int(match[2]) <= 12:
        raise UsageError(msg("period.not_a_month", text=text))
    year, number = int(match[1]), int(match[2])
    return _months(year, number, number, f"{year}-{number:02d}")


def month_of(day: dt.date) -> Period:
    return month(f"{day.year}-{day.month}")


def quarter(text: str) -> Period:
    match = _QUARTER.match(text.strip())
    if match is None:
        raise UsageError(msg("period.not_a_quarter", text=text))
    year, number = int(match[1]), int(match[2])
    return _months(year, 3 * number - 2, 3 * number, f"{year}-Q{number}")


def quarter_of(day: dt.date) -> Period:
    return quarter(f"{day.year}-Q{(day.month - 1) // 3 + 1}")


def year(text: str) -> Period:
    match = _YEAR.match(text.strip())
    if match is None or not 1900 <= int(match[1]) <= 9998:
        raise UsageError(msg("period.not_a_year", text=text))
    number = int(match[1])
    return _months(number, 1, 12, f"{number}")


def year_of(day: dt.date) -> Period:
    return year(f"{day.year}")


def dates(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise UsageError(msg("period.from_after_to", start=start, end=end))
    return Period(start, end, f"{start}..{end}")


def _months(year: int, first: int, last: int, name: str) -> Period:
    start = dt.date(year, first, 1)
    end = dt.date(year + last // 12, last % 12 + 1, 1) - dt.timedelta(days=1)
    return Period(start, end, name, last - first + 1)

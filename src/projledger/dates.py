"""Days as people type them: 2026-12-10, 2026/12/10, 2026.12.10, 2026年12月10日.

One reader for every place a person gives a date (options, prompts, imported sheets), so
they all accept the same forms and refuse a day that does not exist in the same words.

Sheets (台账) also write a time limit as a month's end or a day without its year:
`3月底`, `3月底前`, `2026年3月`, `3月5日`, `年底`. Those are read relative to a year
(`parse_day(text, year=2026)`: the year a sheet's title names, or `--import --year`);
`2026年3月底` carries its own. Excel stores a date as a serial number of days: see
`day_from_excel_serial`.
"""

import calendar
import datetime as dt
import math
import re

from projledger.messages import Lang, Message, msg

_DAY = re.compile(
    r"\s*(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)\s*"
)
# "by": 3月底前, 2026年12月31日以前: the limit is the day itself.
_BY = r"\s*(?:前|以前|之前)?\s*"
# A day without its year: 3月5日, 3月5号.
_MONTH_DAY = re.compile(r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]" + _BY)
# A month's end: 3月底, 3月末, 3月份, 3月, 2026年3月底, 2026-03, 2026/3, 2026.3 (as text).
_MONTH_END = re.compile(
    r"\s*(?:(\d{4})\s*(?:年|[-/.]))?\s*(\d{1,2})\s*(?:月\s*(?:底|末|份)?|(?=\s*$))" + _BY
)
# A year's end: 年底, 年末, 2026年底.
_YEAR_END = re.compile(r"\s*(?:(\d{4})\s*年)?\s*(?:年)?(?:底|末)" + _BY)
_FULL_DAY_BY = re.compile(r"(.*?\d\s*[日号]?)" + _BY)

FORMS = "2026-12-10, 2026/12/10, 2026.12.10 or 2026年12月10日"

EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of Excel's serial numbers (1900 date system; serials from 61 on, which every
date after 1900-02-28 has, count from here despite Excel's phantom 1900-02-29)."""
EXCEL_LAST_SERIAL = 2958465
"""9999-12-31."""


class NotADayError(ValueError):
    """The text is not a day in one of `FORMS`, or names a day that does not exist.
    `str()` is its English; `text(lang)` its message in either language."""

    def text(self, lang: Lang) -> str:
        first = self.args[0] if self.args else ""
        return first.render(lang) if isinstance(first, Message) else str(self)


def parse_day(text: str, *, year: int | None = None) -> dt.date:
    """The day `text` names. With `year`, also the sheets' forms that leave the year out
    (3月5日, 3月底, 年底); a month or year written without a day means its last day."""
    match = _DAY.fullmatch(text)
    if match is None:
        by = _FULL_DAY_BY.fullmatch(text)
        match = _DAY.fullmatch(by[1]) if by is not None else None
    if match is not None:
        y, month, day = match[1], match[2] or match[4], match[3] or match[5]
        return _day(text, int(y), int(month), int(day))
    return _loose_day(text, year)


def _loose_day(text: str, year: int | None) -> dt.date:
    month_day = _MONTH_DAY.fullmatch(text)
    if month_day is not None:
        return _day(text, _year(text, year), int(month_day[1]), int(month_day[2]))
    month_end = _MONTH_END.fullmatch(text)
    if month_end is not None and (month_end[1] or "月" in text):
        y = int(month_end[1]) if month_end[1] else _year(text, year)
        month = int(month_end[2])
        if not 1 <= month <= 12:
            raise NotADayError(msg("date.no_month", text=text.strip(), month=month))
        return dt.date(y, month, calendar.monthrange(y, month)[1])
    year_end = _YEAR_END.fullmatch(text)
    if year_end is not None:
        return dt.date(int(year_end[1]) if year_end[1] else _year(text, year), 12, 31)
    raise NotADayError(msg("date.not_a_date", text=repr(text)))


def _year(text: str, year: int | None) -> int:
    if year is None:
        raise NotADayError(msg("date.no_year", text=repr(text.strip())))
    return year


def _day(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise NotADayError(msg("date.no_such_day", text=text.strip())) from None


def day_from_excel_serial(serial: float) -> dt.date:
    """The day of an Excel serial number (its time of day, the fraction, is dropped)."""
    whole = int(serial)
    if not 1 <= whole <= EXCEL_LAST_SERIAL or math.isnan(serial):
        raise NotADayError(msg("date.not_a_serial", serial=f"{serial:g}", last=EXCEL_LAST_SERIAL))
    if whole < 61:  # before Excel's phantom 1900-02-29
        whole += 1
    return EXCEL_EPOCH + dt.timedelta(days=whole)

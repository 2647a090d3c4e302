"""Periods and days as an official writes them in a 通报: 2026年第47周（11月16日—11月22日）,
2026年11月份, 2026年四季度, 截至11月22日; in English, Week 47 of 2026 (16–22 November)."""

import datetime as dt

from projledger.report.period import Period

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_QUARTERS_ZH = "一二三四"
_THIS = {
    "zh": {"week": "本周", "month": "本月", "quarter": "本季度", "year": "本年", "days": "本期"},
    "en": {
        "week": "this week",
        "month": "this month",
        "quarter": "this quarter",
        "year": "this year",
        "days": "this period",
    },
}
_NEXT = {
    "zh": {"week": "下周", "month": "下月", "quarter": "下季度", "year": "下年", "days": "下期"},
    "en": {
        "week": "next week",
        "month": "next month",
        "quarter": "next quarter",
        "year": "next year",
        "days": "next period",
    },
}


def day_label(day: dt.date, lang: str, *, year: bool = True) -> str:
    """2026年11月22日 / 11月22日; 22 November 2026 / 22 November."""
    if lang == "en":
        text = f"{day.day} {_MONTHS[day.month - 1]}"
        return f"{text} {day.year}" if year else text
    text = f"{day.month}月{day.day}日"
    return f"{day.year}年{text}" if year else text


def month_label(day: dt.date, lang: str) -> str:
    """2026年6月 / June 2026."""
    return f"{_MONTHS[day.month - 1]} {day.year}" if lang == "en" else f"{day.year}年{day.month}月"


def date_range(start: dt.date, end: dt.date, lang: str, *, year: int | None = None) -> str:
    """11月16日—11月22日; the years are written when the range leaves `year` (or crosses
    one). In English 16–22 November, 30 November – 6 December."""
    with_year = start.year != end.year or (year is not None and start.year != year)
    if lang == "en":
        if not with_year and start.month == end.month:
            return f"{start.day}–{day_label(end, lang, year=False)}"
        return f"{day_label(start, lang, year=with_year)} – {day_label(end, lang, year=with_year)}"
    return f"{day_label(start, lang, year=with_year)}—{day_label(end, lang, year=with_year)}"


def period_label(period: Period, lang: str) -> str:
    """The period for a title: 2026年第47周（11月16日—11月22日）, 2026年11月份, 2026年四季度,
    2026年度."""
    start, end = period.start, period.end
    unit = period.unit
    if unit == "month":
        return (
            f"{_MONTHS[start.month - 1]} {start.year}"
            if lang == "en"
            else (f"{start.year}年{start.month}月份")
        )
    if unit == "quarter":
        number = (start.month - 1) // 3 + 1
        if lang == "en":
            return f"Q{number} {start.year}"
        return f"{start.year}年{_QUARTERS_ZH[number - 1]}季度"
    if unit == "year":
        return f"{start.year}" if lang == "en" else f"{start.year}年度"
    if unit == "week":
        year, number, _ = start.isocalendar()
        days = date_range(start, end, lang, year=year)
        return (
            f"Week {number} of {year} ({days})"
            if lang == "en"
            else (f"{year}年第{number}周（{days}）")
        )
    if lang == "en":
        return date_range(start, end, lang) + ("" if start.year != end.year else f" {end.year}")
    days = date_range(start, end, lang)
    return days if start.year != end.year else f"{start.year}年{days}"


def this_period(period: Period, lang: str) -> str:
    """本周, 本月, 本季度, 本期 (this week ...)."""
    return _THIS["en" if lang == "en" else "zh"][period.unit]


def next_period(period: Period, lang: str) -> str:
    """下周, 下月, 下季度, 下期 (next week ...)."""
    return _NEXT["en" if lang == "en" else "zh"][period.unit]

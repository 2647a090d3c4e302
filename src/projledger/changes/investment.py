"""Investment figures as data for a period (数据期): `set investment.completed_this_year
360000 --through 10月` records that the figure covers January to October, and keeps it in
the year's series (`investment.series`), so a report on any date uses the figure reported
by then and compares it with the time progress of the same months. Without `--through`
a figure covers January to the month before the change's date (monthly statistics are
entered in the next month: a figure entered on 11-05 is 1-10月).

`rollover` (year rollover, 年度结转) lives in rollover.py."""

import datetime as dt
import re
from typing import Any

from projledger.changes.yamledit import append, field_order, put, record
from projledger.errors import ProjledgerError
from projledger.messages import msg

COMPLETED = "completed_this_year"

_THROUGH = re.compile(
    r"^(?:(?P<year>\d{4})-(?P<ym>\d{1,2})|(?:1-)?(?P<month>\d{1,2})月?|(?P<year2>\d{4})年(?:1-)?(?P<m2>\d{1,2})月)$"
)


def default_through(today: dt.date) -> tuple[int, int]:
    """The month before `today`: (year, month)."""
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def parse_through(text: str | None, today: dt.date, year: int) -> tuple[int, int]:
    """`--through` as (year, month): 2026-10, 10月, 1-10月, 10, 2026年10月; without a year,
    the record's year. None: the month before the change's date."""
    if text is None:
        return default_through(today)
    found = _THROUGH.match(text.strip())
    if found is None:
        raise ProjledgerError(msg("refuse.through_form", text=text))
    parts = found.groupdict()
    month = int(parts["ym"] or parts["month"] or parts["m2"])
    at_year = int(parts["year"] or parts["year2"] or year)
    if not 1 <= month <= 12:
        raise ProjledgerError(msg("refuse.through_month", text=text, month=month))
    return at_year, month


def record_period(
    investment: Any, completed: Any, through: str | None, today: dt.date, old: Any = None
) -> str:
    """After `completed_this_year` was set in `investment` (the YAML mapping): its months
    (`through_month`), its date (`updated`) and its entry in the series. Returns the data
    period as the commit subject shows it (1-10月).

    The series' first entry keeps the figure it replaces (`old`) when there is no series
    yet (a figure typed by hand, or entered before periods were recorded: then as covering
    the months before its `updated` date, the default rule), so reports on dates before
    this change still show it."""
    from projledger.model.project import Investment, InvestmentFigure

    year = investment.get("year")
    if not isinstance(year, int):
        raise ProjledgerError(msg("refuse.investment_no_year"))
    at_year, month = parse_through(through, today, year)
    if at_year != year:
        # A later year's figure: the record may just not be rolled over yet.
        key = "refuse.through_other_year" + (".rollover" if at_year > year else "")
        raise ProjledgerError(msg(key, at_year=at_year, month=month, year=year))
    if (year, month) >= (today.year, today.month):
        raise ProjledgerError(
            msg("refuse.through_not_over", year=year, month=f"{month:02d}", today=today)
        )
    order = field_order(Investment)
    earlier = investment.get("updated")
    entries: list[tuple[int, Any, dt.date]] = []
    months = investment.get("through_month")
    if (
        not investment.get("series")
        and isinstance(old, (int, float))
        and old > 0
        and isinstance(earlier, dt.date)
        and earlier < today
        and (isinstance(months, int) or default_through(earlier)[0] == year)
    ):
        earlier_months = months if isinstance(months, int) else default_through(earlier)[1]
        entries.append((earlier_months, old, _copy(earlier)))
    entries.append((month, completed, _copy(today)))
    put(investment, "through_month", month, order)
    # Each date its own object: YAML would write one object twice as an anchor and alias.
    put(investment, "updated", _copy(today), order)
    fields = field_order(InvestmentFigure)
    for entry in entries:
        values = dict(zip(fields, entry, strict=True))
        if investment.get("series"):
            append(investment["series"], values)
        else:  # the list made with its first entry: what followed the mapping stays after it
            from ruamel.yaml.comments import CommentedSeq

            series = CommentedSeq()
            series.append(record(values, one_line=True))
            put(investment, "series", series, order)
    return f"1-{month}月" if month > 1 else "1月"


def _copy(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, day.day)

"""Investment completion against time progress (序时进度), and the other rates.

Rates are fractions (0.972); gaps are percentage points (completion − time progress, so
positive means ahead of time progress: "超过时间进度 13.8 个百分点").
"""

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from projledger.compute.facts import InvestmentFacts, ProjectFacts, ProjectHead
from projledger.model.enums import Pool, TimeProgressMethod


def time_progress(
    method: TimeProgressMethod,
    as_of: dt.date,
    year: int,
    monthly_plan: tuple[float, ...] | None = None,
    plan_this_year: float = 0,
) -> float:
    """The share of `year` that should be done by `as_of`: 0 before the year, 1 after it.

    months: m/12 for the months 1..m the report covers: the months complete on the report
    date (a month counts from its last day), as investment statistics are monthly: a
    report on 2026-11-20 compares January-October figures with 10/12, one on 10-31 too;
    days: elapsed days including the report date / days in the year;
    monthly_plan: the plan of those months 1..m / the year's plan (without a monthly
    plan, as months)."""
    if as_of.year < year:
        return 0.0
    if as_of.year > year:
        return 1.0
    if method == TimeProgressMethod.DAYS:
        days_in_year = 366 if calendar.isleap(year) else 365
        return as_of.timetuple().tm_yday / days_in_year
    months = months_covered(as_of)
    if method == TimeProgressMethod.MONTHLY_PLAN and monthly_plan and plan_this_year > 0:
        return min(1.0, sum(monthly_plan[:months]) / plan_this_year)
    return months / 12


def months_progress(
    method: TimeProgressMethod,
    year: int,
    months: int,
    monthly_plan: tuple[float, ...] | None = None,
    plan_this_year: float = 0,
) -> float:
    """The time progress of the months 1..`months` of `year`: what a figure for those
    months (1-10月) is compared with, whatever the report date. months: m/12; days: the
    days to the end of month m / the days in the year; monthly_plan: the plan of those
    months / the year's plan (without a monthly plan, as months)."""
    if months <= 0:
        return 0.0
    if method == TimeProgressMethod.DAYS:
        days_in_year = 366 if calendar.isleap(year) else 365
        end = dt.date(year, months, calendar.monthrange(year, months)[1])
        return end.timetuple().tm_yday / days_in_year
    if method == TimeProgressMethod.MONTHLY_PLAN and monthly_plan and plan_this_year > 0:
        return min(1.0, sum(monthly_plan[:months]) / plan_this_year)
    return months / 12


class Reported(NamedTuple):
    """The investment figure a report on a date uses (数据期)."""

    inv: InvestmentFacts
    """The figures of the report date's year (a past year's, kept by `rollover`, for a
    report in it)."""
    completed: float
    """Completed this year, as reported by the report date."""
    months: int | None
    """The months 1..m the figure covers; None when no figure was reported by then and
    none is due to compare (then no completion, no light)."""
    recorded: bool
    """Whether the figure records its months (else the months complete on the date)."""


def year_figures(inv: InvestmentFacts, as_of: dt.date) -> InvestmentFacts:
    """The figures of `as_of`'s year: a past year's for a report in it, once rolled over."""
    if as_of.year < inv.year:
        for past in inv.past:
            if past.year == as_of.year:
                return past
    return inv


def reported(inv: InvestmentFacts, as_of: dt.date) -> Reported:
    """The figure reported by `as_of` (the last one of the series entered on or before
    it) and the months it covers. A figure without recorded months (entered before they
    were recorded) counts as covering the months complete on the report date."""
    inv = year_figures(inv, as_of)
    if not inv.series and inv.through_month is None:
        if as_of.year == inv.year:
            months = months_covered(as_of)
        else:
            months = 12 if as_of.year > inv.year else 0
        return Reported(inv, inv.completed_this_year, months, recorded=False)
    entries = list(inv.series)
    current = (inv.through_month, inv.completed_this_year)
    if inv.through_month is not None and (not entries or entries[-1][:2] != current):
        # The current figure, entered by hand (or imported) without the series: from its
        # date when it replaced one in the series, else from any date (nothing earlier is
        # known; `--at` reads the file as it was).
        since = (inv.updated or dt.date.min) if entries else dt.date.min
        entries.append((inv.through_month, inv.completed_this_year, since))
    seen = [entry for entry in entries if entry[2] <= as_of]
    if not seen:
        return Reported(inv, 0.0, None, recorded=True)
    last = seen[0]
    for entry in seen:  # the last reported (of one day, the last entered)
        if entry[2] >= last[2]:
            last = entry
    return Reported(inv, last[1], last[0], recorded=True)


def months_covered(as_of: dt.date) -> int:
    """Months of the year complete on `as_of` (its own month only on its last day)."""
    last_day = calendar.monthrange(as_of.year, as_of.month)[1]
    return as_of.month if as_of.day == last_day else as_of.month - 1


def rate(part: float, whole: float) -> float | None:
    """part / whole, or None when there is nothing to measure against."""
    return part / whole if whole > 0 else None


def points(completion: float | None, progress: float | None) -> float | None:
    """The gap in percentage points, rounded to one decimal like the bulletins print it."""
    if completion is None or progress is None:
        return None
    return round((completion - progress) * 100, 1)


def project_time_progress(
    inv: InvestmentFacts, method: TimeProgressMethod, as_of: dt.date
) -> float | None:
    """The time progress the project's figure on `as_of` is compared with: of the months
    the figure covers (None: no figure reported yet)."""
    r = reported(inv, as_of)
    if not r.recorded:
        year = r.inv
        return time_progress(method, as_of, year.year, year.monthly_plan, year.plan_this_year)
    if r.months is None:
        return None
    year = r.inv
    return months_progress(method, year.year, r.months, year.monthly_plan, year.plan_this_year)


def periods_text(months: tuple[int, ...], lang: str) -> str | None:
    """The data period of a group's figures: 1-10月; when projects differ, the latest,
    with the others named after it: 1-10月（部分项目1-9月）."""
    if not months:
        return None
    latest = data_period(months[-1], lang)
    older = [str(data_period(m, lang)) for m in months[:-1]]
    if not older:
        return latest
    if lang == "zh":
        return f"{latest}（部分项目{'、'.join(older)}）"
    return f"{latest} (some projects {', '.join(older)})"


def data_period(months: int | None, lang: str) -> str | None:
    """The months a figure covers as the bulletins print them: 1-10月, Jan–Oct."""
    if not months:
        return None
    if lang == "zh":
        return f"{months}月" if months == 1 else f"1-{months}月"
    last = _MONTHS[months - 1]  # not calendar's: that follows the locale
    return last if months == 1 else f"Jan–{last}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Totals:
    """Investment and start figures of a group of projects (retired ones excluded)."""

    projects: int
    total: float
    completed_before_year: float
    plan: float
    completed: float
    completion: float | None
    """Completed this year / this year's plan."""
    time_progress: float | None
    """Plan-weighted time progress of the projects that have a plan this year."""
    gap: float | None
    """completion − time progress, in percentage points."""
    planned_starts: int
    started: int
    start_rate: float | None
    months: tuple[int, ...] = ()
    """The data periods of the figures counted (1..m each), distinct, ascending."""


def in_report(facts: ProjectHead, as_of: dt.date) -> bool:
    """Retired projects (退库) leave every figure and list from their retirement date; a
    report for an earlier date still counts them."""
    if facts.pool != Pool.RETIRED:
        return True
    return facts.retired_on is not None and facts.retired_on > as_of


def totals(projects: Iterable[ProjectFacts], method: TimeProgressMethod, as_of: dt.date) -> Totals:
    return totals_across([(projects, method)], as_of)


def totals_across(
    groups: Iterable[tuple[Iterable[ProjectFacts], TimeProgressMethod]], as_of: dt.date
) -> Totals:
    """The totals of several ledgers' projects, each ledger's time progress by its own
    config's method (a roll-up over ledgers: the sums of what each ledger's own `totals`
    sums)."""
    count = 0
    total = before = plan = completed = weighted_progress = 0.0
    planned_starts = started = 0
    periods: set[int] = set()
    for projects, method in groups:
        for p in projects:
            if not in_report(p, as_of):
                continue
            count += 1
            figure = reported(p.investment, as_of)
            inv = figure.inv
            total += inv.total
            before += inv.completed_before_year
            if inv.year == as_of.year:
                plan += inv.plan_this_year
                completed += figure.completed
                progress = project_time_progress(p.investment, method, as_of)
                weighted_progress += inv.plan_this_year * (progress or 0.0)
                if figure.months and inv.plan_this_year > 0:
                    periods.add(figure.months)
            if planned_start_this_year(p, as_of):
                planned_starts += 1
                if p.actual_start is not None and p.actual_start <= as_of:
                    started += 1
    completion = rate(completed, plan)
    progress = rate(weighted_progress, plan)
    return Totals(
        projects=count,
        total=round(total, 2),
        completed_before_year=round(before, 2),
        plan=round(plan, 2),
        completed=round(completed, 2),
        completion=_round(completion),
        time_progress=_round(progress),
        gap=points(completion, progress),
        planned_starts=planned_starts,
        started=started,
        start_rate=_round(rate(started, planned_starts)),
        months=tuple(sorted(periods)),
    )


def planned_start_this_year(p: ProjectFacts, as_of: dt.date) -> bool:
    """Planned to start in the report's year (开工率's denominator): a new (新建) project,
    or one whose 开工 deadline was first set in that year."""
    deadline = p.deadline_for("milestone:开工")
    if deadline is not None:
        return deadline.due.year == as_of.year
    return p.pool == Pool.NEW and year_figures(p.investment, as_of).year == as_of.year


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)

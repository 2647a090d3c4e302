"""Investment completion against time progress (序时进度), and the other rates.

Rates are fractions (0.972); gaps are percentage points (completion − time progress, so
positive means ahead of time progress: "超过时间进度 13.8 个百分点").
"""

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

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
) -> float:
    return time_progress(method, as_of, inv.year, inv.monthly_plan, inv.plan_this_year)


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


def in_report(facts: ProjectHead, as_of: dt.date) -> bool:
    """Retired projects (退库) leave every figure and list from their retirement date; a
    report for an earlier date still counts them."""
    if facts.pool != Pool.RETIRED:
        return True
    return facts.retired_on is not None and facts.retired_on > as_of


def totals(projects: Iterable[ProjectFacts], method: TimeProgressMethod, as_of: dt.date) -> Totals:
    count = 0
    total = before = plan = completed = weighted_progress = 0.0
    planned_starts = started = 0
    for p in projects:
        if not in_report(p, as_of):
            continue
        count += 1
        inv = p.investment
        total += inv.total
        before += inv.completed_before_year
        if inv.year == as_of.year:
            plan += inv.plan_this_year
            completed += inv.completed_this_year
            weighted_progress += inv.plan_this_year * project_time_progress(inv, method, as_of)
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
    )


def planned_start_this_year(p: ProjectFacts, as_of: dt.date) -> bool:
    """Planned to start in the report's year (开工率's denominator): a new (新建) project,
    or one whose 开工 deadline was first set in that year."""
    deadline = p.deadline_for("milestone:开工")
    if deadline is not None:
        return deadline.due.year == as_of.year
    return p.pool == Pool.NEW and p.investment.year == as_of.year


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)

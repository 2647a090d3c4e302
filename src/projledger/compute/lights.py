"""Red and yellow lights (亮灯), with the thresholds of the config's `lights`.

- investment: points behind the time progress of the months the figure covers (its
  数据期: a 1-10月 figure against 10/12); yellow from `yellow_behind_points`, red beyond
  `red_behind_points` (10 and 30: yellow 10-30 points behind, red over 30); none on
  implausible figures (more completed than the total, this year over twice the plan);
- start: a project not started after the month of its 开工 deadline: yellow once
  `yellow_after_months` whole months have passed since that month ended (0: as soon as
  it ends), red once `red_after_months` have;
- negotiation: a project under negotiation (在谈) with no recorded progress for
  `yellow_after_months` / `red_after_months` whole months.
"""

import datetime as dt
from dataclasses import dataclass

from projledger.compute.deadlines import due_in_force
from projledger.compute.facts import ProjectFacts
from projledger.compute.light import Light
from projledger.compute.progress import (
    in_report,
    points,
    project_time_progress,
    rate,
    reported,
)
from projledger.model.config import Config, MonthLights
from projledger.model.enums import Pool
from projledger.model.plausible import implausible_investment


class LightKind:
    INVESTMENT = "investment"
    START = "start"
    NEGOTIATION = "negotiation"


@dataclass(frozen=True, slots=True)
class ProjectLight:
    kind: str
    """One of `LightKind`."""
    light: Light
    behind: float
    """Points behind time progress, or whole months late / without progress."""


def whole_months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (Jan 31 → Feb 28 is 0, → Mar 1 is 1)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def _by_months(months: int, thresholds: MonthLights) -> Light:
    if months >= thresholds.red_after_months:
        return Light.RED
    if months >= thresholds.yellow_after_months:
        return Light.YELLOW
    return Light.GREEN


def investment_light(p: ProjectFacts, config: Config, as_of: dt.date) -> ProjectLight | None:
    figure = reported(p.investment, as_of)  # the figure of the report date, its months
    inv = figure.inv
    if inv.year != as_of.year or inv.plan_this_year <= 0:
        return None
    if implausible_investment(
        inv.total, inv.completed_before_year, inv.plan_this_year, figure.completed
    ):
        return None  # no light, green least of all, on figures `check` flags (PL220, PL224)
    # Against the time progress of the months the figure covers (1-10月 against 10/12).
    progress = project_time_progress(p.investment, config.time_progress, as_of)
    gap = points(rate(figure.completed, inv.plan_this_year), progress)
    if gap is None:
        return None
    behind = -gap
    thresholds = config.lights.investment
    if behind > thresholds.red_behind_points:
        light = Light.RED
    elif behind >= thresholds.yellow_behind_points:
        light = Light.YELLOW
    else:
        light = Light.GREEN
    return ProjectLight(LightKind.INVESTMENT, light, behind)


def start_light(p: ProjectFacts, config: Config, as_of: dt.date) -> ProjectLight | None:
    deadline = p.deadline_for("milestone:开工")
    if deadline is None or (p.actual_start is not None and p.actual_start <= as_of):
        return None
    planned, _ = due_in_force(deadline, as_of)
    month_end = _first_of_next_month(planned)
    if as_of < month_end:
        return None
    months = whole_months_between(month_end, as_of)
    return ProjectLight(LightKind.START, _by_months(months, config.lights.start), months)


def negotiation_light(p: ProjectFacts, config: Config, as_of: dt.date) -> ProjectLight | None:
    last = p.last_activity(as_of) if p.pool == Pool.NEGOTIATING else None
    if last is None:
        return None
    months = whole_months_between(last, as_of)
    return ProjectLight(
        LightKind.NEGOTIATION, _by_months(months, config.lights.negotiation), months
    )


def project_lights(p: ProjectFacts, config: Config, as_of: dt.date) -> list[ProjectLight]:
    """The project's lights that apply, retired projects none."""
    if not in_report(p, as_of):
        return []
    found = (
        investment_light(p, config, as_of),
        start_light(p, config, as_of),
        negotiation_light(p, config, as_of),
    )
    return [light for light in found if light is not None]


def _first_of_next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)

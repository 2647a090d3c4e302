"""Per-unit figures for the ranking (红黑榜): issues closed, on time, overdue items."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from projledger.compute.deadlines import DeadlineState, Status, deadline_state, exists_on
from projledger.compute.facts import DeadlineFacts, IssueFacts, ProjectFacts
from projledger.compute.progress import in_report, rate


@dataclass(slots=True)
class UnitStats:
    unit: str
    issues: int = 0
    """Issues the unit is responsible for that exist on the report date (not withdrawn)."""
    open: int = 0
    closed: int = 0
    closed_in_period: int = 0
    closed_on_time: int = 0
    """Closed no later than the due date in force (or without a deadline)."""
    overdue: int = 0
    """Overdue deadlines of the unit (issues, tasks, and approvals/milestones it leads)."""
    due_soon: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return _round(rate(self.closed_on_time, self.closed))

    @property
    def closure_rate(self) -> float | None:
        return _round(rate(self.closed, self.issues))


def issue_open_on(issue: IssueFacts, as_of: dt.date) -> bool:
    """Raised by `as_of` and neither closed nor withdrawn by then."""
    if issue.raised > as_of:
        return False
    if issue.closed_on is not None and issue.closed_on <= as_of:
        return False
    return not (issue.withdrawn_on is not None and issue.withdrawn_on <= as_of)


def unit_stats(
    projects: Iterable[ProjectFacts],
    as_of: dt.date,
    period_start: dt.date,
    window: int,
    resolve: Callable[[str | None], str | None],
    state_of: Callable[[DeadlineFacts], DeadlineState] | None = None,
) -> list[UnitStats]:
    """Stats of every unit with an issue or a deadline, ranked: fewest overdue items,
    then the highest on-time closure rate (units without closures after those with),
    then the most closures, then by name."""
    stats: dict[str, UnitStats] = {}
    if state_of is None:

        def state_of(deadline: DeadlineFacts) -> DeadlineState:
            return deadline_state(deadline, as_of, window)

    def of(unit: str) -> UnitStats:
        return stats.setdefault(unit, UnitStats(unit))

    for project in projects:
        if not in_report(project, as_of):
            continue
        for issue in project.issues:
            unit = resolve(issue.unit)
            if unit is None or issue.raised > as_of:
                continue
            if issue.withdrawn_on is not None and issue.withdrawn_on <= as_of:
                continue
            entry = of(unit)
            entry.issues += 1
            if issue_open_on(issue, as_of):
                entry.open += 1
                continue
            entry.closed += 1
            if issue.closed_on is not None and issue.closed_on >= period_start:
                entry.closed_in_period += 1
            deadline = project.deadline_for(issue.id)
            if deadline is None or state_of(deadline).status == Status.MET:
                entry.closed_on_time += 1
        for deadline in project.deadlines:
            unit = resolve(deadline.unit)
            if unit is None or not exists_on(deadline, as_of):
                continue
            status = state_of(deadline).status
            if status == Status.OVERDUE:
                of(unit).overdue += 1
            elif status == Status.DUE_SOON:
                of(unit).due_soon += 1
    return sorted(
        stats.values(),
        key=lambda s: (
            s.overdue,
            -(s.on_time_rate if s.on_time_rate is not None else -1.0),
            -s.closed,
            s.unit,
        ),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)

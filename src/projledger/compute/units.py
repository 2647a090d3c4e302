"""Per-unit figures for the ranking (红黑榜): issues closed, on time, overdue items."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import takewhile

from projledger.compute.deadlines import (
    DeadlineState,
    Status,
    deadline_state,
    exists_on,
    fair_due_date,
)
from projledger.compute.facts import DeadlineFacts, IssueFacts, ProjectFacts
from projledger.compute.progress import in_report, rate
from projledger.model.config import Ranking


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
    late_extended: int = 0
    """逾期后延期: deadlines extended after they had fallen due, not overdue now; counted
    against the unit as overdue (`ranking.late_extension_counts`)."""
    late_days: int = 0
    """The days those were overdue before their extension."""
    awaiting: int = 0
    """Issues submitted (待核验) by their due date that the office has not verified yet:
    not overdue (`ranking.submitted_in_time_not_overdue`), shown apart."""
    awaiting_days: int = 0
    """The days those have waited for the office, together."""
    counts_late: bool = True

    @property
    def ranked_overdue(self) -> int:
        """The overdue items the ranking counts: overdue now, and 逾期后延期."""
        return self.overdue + (self.late_extended if self.counts_late else 0)

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
    rules: Ranking | None = None,
    since: dt.date | None = None,
) -> list[UnitStats]:
    """Stats of every unit with an issue or a deadline, ranked: fewest overdue items
    (with `rules.late_extension_counts`, 逾期后延期 too), then the highest on-time closure
    rate (units without closures after those with), then the most closures, then by name.
    With `rules.submitted_in_time_not_overdue`, an issue submitted (待核验) by its due
    date and not yet verified is not overdue: it is counted apart (`awaiting`). `since`
    (the annual review's first day) leaves out issues closed before it."""
    rules = rules if rules is not None else Ranking()
    stats: dict[str, UnitStats] = {}
    if state_of is None:

        def state_of(deadline: DeadlineFacts) -> DeadlineState:
            return deadline_state(deadline, as_of, window, rules)

    def of(unit: str) -> UnitStats:
        return stats.setdefault(unit, UnitStats(unit, counts_late=rules.late_extension_counts))

    for project in projects:
        if not in_report(project, as_of):
            continue
        waiting: set[str] = set()
        for issue in project.issues:
            unit = resolve(issue.unit)
            if unit is None or issue.raised > as_of:
                continue
            if issue.withdrawn_on is not None and issue.withdrawn_on <= as_of:
                continue
            if since is not None and issue.closed_on is not None and issue.closed_on < since:
                continue
            deadline = project.deadline_for(issue.id)
            state = state_of(deadline) if deadline is not None else None
            if _count_issue(of(unit), issue, deadline, state, as_of, period_start, rules):
                waiting.add(deadline.id if deadline is not None else "")
        for deadline in project.deadlines:
            unit = resolve(deadline.unit)
            if unit is None or not exists_on(deadline, as_of) or deadline.id in waiting:
                continue
            status = state_of(deadline).status
            late = late_extension(deadline, as_of) if rules.late_extension_counts else None
            if late is not None and status != Status.OVERDUE:
                of(unit).late_extended += 1
                of(unit).late_days += late
            if status == Status.OVERDUE:
                of(unit).overdue += 1
            elif status == Status.DUE_SOON:
                of(unit).due_soon += 1
    return sorted(
        stats.values(),
        key=lambda s: (
            s.ranked_overdue,
            -(s.on_time_rate if s.on_time_rate is not None else -1.0),
            -s.closed,
            s.unit,
        ),
    )


def _count_issue(
    entry: UnitStats,
    issue: IssueFacts,
    deadline: DeadlineFacts | None,
    state: DeadlineState | None,
    as_of: dt.date,
    period_start: dt.date,
    rules: Ranking,
) -> bool:
    """Counts one issue in its unit's figures; True if it waits in 待核验, submitted in
    time (`state`, its deadline's, is then awaiting: not overdue for the unit)."""
    entry.issues += 1
    fair_due = fair_due_date(deadline, as_of, rules) if deadline else None
    submitted = issue.submitted_on
    if issue_open_on(issue, as_of):
        entry.open += 1
        if state is not None and state.status == Status.AWAITING:
            entry.awaiting += 1
            entry.awaiting_days += state.days_waiting
            return True
        return False
    entry.closed += 1
    if issue.closed_on is not None and issue.closed_on >= period_start:
        entry.closed_in_period += 1
    if fair_due is None:
        entry.closed_on_time += 1
        return False
    done = issue.closed_on
    if rules.submitted_in_time_not_overdue and submitted is not None:
        done = submitted  # the office's days of verifying are not the unit's
    if done is not None and done <= fair_due:
        entry.closed_on_time += 1
    return False


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def late_extensions(
    due: dt.date, extensions: Iterable[tuple[dt.date, dt.date]]
) -> Iterator[tuple[dt.date, int, dt.date]]:
    """逾期后延期: each extension (granted, new due) granted after the due date then in
    force, as (that due date, the days it was overdue, the new due date)."""
    for granted, new_due in extensions:
        if granted > due:
            yield due, (granted - due).days, new_due
        due = new_due


def late_extension(deadline: DeadlineFacts, as_of: dt.date) -> int | None:
    """The days the deadline was overdue before its first late extension granted by
    `as_of`, or None if none was late."""
    granted_by = takewhile(lambda extension: extension[0] <= as_of, deadline.extensions)
    first = next(late_extensions(deadline.due, granted_by), None)
    return None if first is None else first[1]

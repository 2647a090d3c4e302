"""A deadline's status, computed from the deadline, its target's record and a date:
never stored, so it cannot go stale. The one place every view and report gets it from.

Computed *as of* a date from the dates the ledger records: a closure dated after the
report date does not count yet, nor does an extension granted after it. So a report for
an earlier date, made from today's files, says what was true on that date.
"""

import datetime as dt
from enum import StrEnum
from typing import NamedTuple

from projledger.compute.facts import DeadlineFacts
from projledger.model.config import Ranking


class Status(StrEnum):
    MET = "met"  # done on or before the due date in force
    MET_LATE = "met_late"  # done, after it
    PENDING = "pending"  # not done, not yet due
    DUE_SOON = "due_soon"  # not done, due within the window (临期)
    OVERDUE = "overdue"  # not done, due date passed (逾期)
    AWAITING = "awaiting"  # submitted in time, the office has not verified (待核验)
    CANCELLED = "cancelled"  # the target no longer needs doing (撤销, 不涉及)


LABELS = {
    Status.MET: "按时完成",
    Status.MET_LATE: "逾期完成",
    Status.PENDING: "未到期",
    Status.DUE_SOON: "临期",
    Status.OVERDUE: "逾期",
    Status.AWAITING: "待核验",
    Status.CANCELLED: "已撤销",
}

LABELS_EN = {
    Status.MET: "met",
    Status.MET_LATE: "met late",
    Status.PENDING: "pending",
    Status.DUE_SOON: "due soon",
    Status.OVERDUE: "overdue",
    Status.AWAITING: "awaiting verification",
    Status.CANCELLED: "cancelled",
}

OPEN = frozenset({Status.PENDING, Status.DUE_SOON, Status.OVERDUE, Status.AWAITING})

DEFAULT_RULES = Ranking()
"""The ranking's rules as `projledger.yaml` has them by default."""


class DeadlineState(NamedTuple):
    deadline: DeadlineFacts
    status: Status
    due: dt.date
    """The due date in force on the report date."""
    done_on: dt.date | None
    days_overdue: int
    """Days past the due date (overdue only)."""
    days_left: int
    """Days until the due date (0 on the day; negative once overdue)."""
    extensions: int
    """Extensions granted by the report date."""
    days_waiting: int = 0
    """Days since the unit submitted it for verification (申请核验): the office's wait
    (awaiting), or the wait after a late submission (overdue)."""


def due_in_force(deadline: DeadlineFacts, as_of: dt.date) -> tuple[dt.date, int]:
    """The due date in force on `as_of` and how many extensions made it so."""
    granted = [new_due for day, new_due in deadline.extensions if day <= as_of]
    return (granted[-1] if granted else deadline.due), len(granted)


def deadline_state(
    deadline: DeadlineFacts,
    as_of: dt.date,
    window: int = 7,
    rules: Ranking = DEFAULT_RULES,
) -> DeadlineState:
    """Overdue is strict: a deadline due on the report date is not overdue; due the day
    before, it is. Due soon: not done and due within `window` days (临期).

    With `rules.submitted_in_time_not_overdue` (the ranking's rules: every view and report
    passes the config's), an issue submitted for verification (待核验) by the due date it
    is judged by (`fair_due_date`) and not verified yet is awaiting, not overdue, and met
    on time once verified; one submitted after its due date in force is overdue for the
    days until it was submitted (the wait after is the office's). `unit_stats` counts
    the same states."""
    due, extensions = due_in_force(deadline, as_of) if deadline.extensions else (deadline.due, 0)
    left = (due - as_of).days
    if deadline.cancelled_on is not None and deadline.cancelled_on <= as_of:
        return DeadlineState(deadline, Status.CANCELLED, due, None, 0, left, extensions)
    done = deadline.done_on
    submitted = deadline.submitted_on
    if submitted is not None and not rules.submitted_in_time_not_overdue:
        submitted = None  # tested in this order: most deadlines have no submission
    if done is not None and done <= as_of:
        # Verified: on time when submitted in time, as the unit's ranking counts it.
        if submitted is not None:
            on_time = submitted <= fair_due_date(deadline, as_of, rules)
        else:
            on_time = done <= due
        status = Status.MET if on_time else Status.MET_LATE
        return DeadlineState(deadline, status, due, done, 0, left, extensions)
    if submitted is not None and submitted <= as_of:
        waiting = (as_of - submitted).days
        if submitted <= fair_due_date(deadline, as_of, rules):
            return DeadlineState(deadline, Status.AWAITING, due, None, 0, left, extensions, waiting)
        if submitted > due:
            late = (submitted - due).days
            return DeadlineState(
                deadline, Status.OVERDUE, due, None, late, left, extensions, waiting
            )
    if left < 0:
        return DeadlineState(deadline, Status.OVERDUE, due, None, -left, left, extensions)
    status = Status.DUE_SOON if left <= window else Status.PENDING
    return DeadlineState(deadline, status, due, None, 0, left, extensions)


def exists_on(deadline: DeadlineFacts, as_of: dt.date) -> bool:
    """False for a deadline whose target entered the ledger after `as_of`."""
    return deadline.since is None or deadline.since <= as_of


def became_overdue_in(
    deadline: DeadlineFacts, start: dt.date, end: dt.date, rules: Ranking = DEFAULT_RULES
) -> bool:
    """Whether the deadline became overdue on a day in [start, end]: the day after its due
    date in force (as of `end`) falls in the period and it was not done or cancelled by
    its due date (nor, with `rules.submitted_in_time_not_overdue`, submitted for
    verification by it, as `deadline_state` judges). (One done or cancelled on that first
    overdue day was still overdue then: done late, 逾期完成.)"""
    due, _ = due_in_force(deadline, end)
    first_overdue_day = due + dt.timedelta(days=1)
    if not start <= first_overdue_day <= end:
        return False
    if deadline.cancelled_on is not None and deadline.cancelled_on <= due:
        return False
    submitted = deadline.submitted_on
    if (
        rules.submitted_in_time_not_overdue
        and submitted is not None
        and submitted <= fair_due_date(deadline, end, rules)
    ):
        return False
    return deadline.done_on is None or deadline.done_on > due


def open_until(deadline: DeadlineFacts) -> dt.date | None:
    """The first day the deadline is no longer open (done or cancelled), or None: on any
    day from this one, `deadline_state` is met, met late or cancelled."""
    ends = [day for day in (deadline.done_on, deadline.cancelled_on) if day is not None]
    return min(ends) if ends else None


def first_possible_overdue(deadline: DeadlineFacts) -> dt.date:
    """No day before this one can find the deadline overdue and in the ledger: overdue
    needs a due date in force before the day, and every due date in force is the original
    or an extension's, so the day must follow the earliest of them; and it must not
    precede the day its target entered the ledger. (Tested against `deadline_state`.)"""
    earliest = min((deadline.due, *(new_due for _, new_due in deadline.extensions)))
    first = earliest + dt.timedelta(days=1) if earliest < dt.date.max else earliest
    return max(first, deadline.since) if deadline.since is not None else first


def fair_due_date(deadline: DeadlineFacts, as_of: dt.date, rules: Ranking) -> dt.date:
    """The due date a unit is judged by: the one in force on `as_of`, except that with
    `rules.late_extension_counts` an extension granted after the due date does not move
    it (the item was overdue; a closure after it is not on time)."""
    if not rules.late_extension_counts:
        return due_in_force(deadline, as_of)[0]
    due = deadline.due
    for granted, new_due in deadline.extensions:
        if granted > as_of or granted > due:
            break
        due = new_due
    return due

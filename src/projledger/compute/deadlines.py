"""A deadline's status, computed from the deadline, its target's record and a date:
never stored, so it cannot go stale. The one place every view and report gets it from."""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from projledger.model.enums import ApprovalStatus, IssueState, TaskState
from projledger.model.project import Deadline, Project


class Status(StrEnum):
    MET = "met"  # done on or before the due date in force
    MET_LATE = "met_late"  # done, after it
    PENDING = "pending"  # not done, not yet due
    DUE_SOON = "due_soon"  # not done, due within the window (临期)
    OVERDUE = "overdue"  # not done, due date passed (逾期)
    CANCELLED = "cancelled"  # the target no longer needs doing (撤销, 不涉及)


LABELS = {
    Status.MET: "按时完成",
    Status.MET_LATE: "逾期完成",
    Status.PENDING: "未到期",
    Status.DUE_SOON: "临期",
    Status.OVERDUE: "逾期",
    Status.CANCELLED: "已撤销",
}


@dataclass(frozen=True)
class DeadlineState:
    deadline: Deadline
    status: Status
    due: dt.date
    done_on: dt.date | None
    days_overdue: int


_CANCELLED = object()


def done_on(project: Project, target: str) -> object:
    """When the target was done; None if not yet; _CANCELLED if it need not be."""
    if target.startswith("approval:"):
        approval = project.approvals.get(target.removeprefix("approval:"))  # type: ignore[call-overload]
        if approval is None:
            return None
        if approval.status == ApprovalStatus.NOT_APPLICABLE:
            return _CANCELLED
        return approval.date if approval.status == ApprovalStatus.DONE else None
    if target.startswith("milestone:"):
        field = {"开工": "actual_start", "竣工": "actual_completion", "投产": "actual_operation"}
        value: dt.date | None = getattr(project.schedule, field[target.removeprefix("milestone:")])
        return value
    for issue in project.issues:
        if issue.id == target:
            if issue.state == IssueState.WITHDRAWN:
                return _CANCELLED
            return (
                issue.closure.date if issue.closure and issue.state == IssueState.CLOSED else None
            )
    for task in project.tasks:
        if task.id == target:
            return task.completed_on if task.state == TaskState.DONE else None
    return None


def deadline_state(
    project: Project, deadline: Deadline, today: dt.date, due_soon_days: int = 7
) -> DeadlineState:
    """Overdue is strict: a deadline due today is not overdue; due yesterday, it is."""
    due = deadline.effective_due
    done = done_on(project, deadline.target)
    if done is _CANCELLED:
        return DeadlineState(deadline, Status.CANCELLED, due, None, 0)
    if isinstance(done, dt.date):
        status = Status.MET if done <= due else Status.MET_LATE
        return DeadlineState(deadline, status, due, done, 0)
    if due < today:
        return DeadlineState(deadline, Status.OVERDUE, due, None, (today - due).days)
    if (due - today).days <= due_soon_days:
        return DeadlineState(deadline, Status.DUE_SOON, due, None, 0)
    return DeadlineState(deadline, Status.PENDING, due, None, 0)


def deadline_of(project: Project, target: str) -> Deadline | None:
    return next((d for d in project.deadlines if d.target == target), None)

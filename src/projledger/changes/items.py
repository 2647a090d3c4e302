"""Adding to the four lists, notes and deadline extensions."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from projledger.changes.new_ids import new_item_id
from projledger.changes.transaction import Change, EditContext
from projledger.changes.yamledit import (
    append,
    field_order,
    number,
    record,
    sequence,
    unfold_if_long,
)
from projledger.errors import ProjledgerError
from projledger.messages import msg, pick_lang, text
from projledger.model.enums import IssueState
from projledger.model.project import Deadline, Issue, Project
from projledger.refs import resolve_item

PROJECT_ORDER = field_order(Project)


def all_ids(data: Any) -> set[str]:
    return {
        str(item.get("id"))
        for name in ("responsibilities", "issues", "tasks", "deadlines")
        for item in data.get(name) or ()
    }


def project_change(
    ctx: EditContext,
    command: str,
    summary: str,
    *,
    item: str | None = None,
    old: str | None = None,
    new: str | None = None,
) -> Change:
    return Change(
        command=command,
        project=str(ctx.data.get("id")),
        project_name=str(ctx.data.get("name")),
        summary=summary,
        item=item,
        old=old,
        new=new,
    )


def add_deadline_for(ctx: EditContext, target: str, due: dt.date, basis: str | None) -> str:
    deadline_id = new_item_id("D", all_ids(ctx.data), ctx.options.random_bits)
    deadlines = sequence(ctx.data, "deadlines", PROJECT_ORDER)
    append(deadlines, {"id": deadline_id, "target": target, "due": due, "basis": basis})
    return deadline_id


@dataclass
class NewIssue:
    title: str
    category: str
    source: str
    cause_side: str
    raised: dt.date | None = None
    coordination_level: int | None = None
    description: str | None = None
    unit: str | None = None
    person: str | None = None
    measures: str | None = None
    due: dt.date | None = None
    basis: str | None = None
    auto_responsibility: bool = True
    """A unit or person not yet in the 责任清单 gets its responsibility (`changes.owners`)."""


def add_issue(new: NewIssue) -> Any:
    """Register an issue (梳理); with an owner and --due it is assigned (交办) at once."""

    def edit(ctx: EditContext) -> Change:
        from projledger.changes.owners import declared_unit, responsibility_for

        new.unit = declared_unit(ctx, new.unit)
        issue_id = new_item_id("I", all_ids(ctx.data), ctx.options.random_bits)
        assigned = bool(new.unit and new.person and new.due)
        state = IssueState.ASSIGNED if assigned else IssueState.REGISTERED
        issues = sequence(ctx.data, "issues", PROJECT_ORDER)
        append(
            issues,
            {
                "id": issue_id,
                "title": new.title,
                "category": new.category,
                "description": new.description,
                "source": new.source,
                "cause_side": new.cause_side,
                "raised": new.raised or ctx.today,
                "coordination_level": new.coordination_level,
                "state": state.value,
                "unit": new.unit,
                "person": new.person,
                "measures": new.measures,
            },
        )
        if new.due is not None:
            add_deadline_for(ctx, issue_id, new.due, new.basis)
        due = f", 限 {new.due}" if new.due else ""
        added = responsibility_for(
            ctx, new.unit, new.person, issue_id, new.title, auto=new.auto_responsibility
        )
        return project_change(
            ctx,
            "add issue",
            f"新增问题 {issue_id}: {new.title}{due}" + (f"; {added}" if added else ""),
            item=issue_id,
            new=state.value,
        )

    return edit


@dataclass
class NewTask:
    title: str
    unit: str
    person: str | None = None
    amount: float | None = None
    measure_unit: str | None = None
    due: dt.date | None = None
    basis: str | None = None
    note: str | None = None


def add_task(new: NewTask) -> Any:
    def edit(ctx: EditContext) -> Change:
        if (new.amount is None) != (new.measure_unit is None):
            raise ProjledgerError(msg("refuse.task_measure"))
        from projledger.changes.owners import declared_unit

        new.unit = declared_unit(ctx, new.unit) or new.unit
        task_id = new_item_id("T", all_ids(ctx.data), ctx.options.random_bits)
        measure = (
            record({"amount": number(new.amount), "unit": new.measure_unit}, one_line=True)
            if new.amount is not None
            else None
        )
        tasks = sequence(ctx.data, "tasks", PROJECT_ORDER)
        append(
            tasks,
            {
                "id": task_id,
                "title": new.title,
                "measure": measure,
                "unit": new.unit,
                "person": new.person,
                "state": "未开始",
                "note": new.note,
            },
        )
        if new.due is not None:
            add_deadline_for(ctx, task_id, new.due, new.basis)
        due = f", 限 {new.due}" if new.due else ""
        return project_change(
            ctx, "add task", f"新增任务 {task_id}: {new.title}{due}", item=task_id
        )

    return edit


def add_responsibility(role: str, unit: str | None, person: str | None, duties: str) -> Any:
    def edit(ctx: EditContext) -> Change:
        if not unit and not person:
            raise ProjledgerError(msg("refuse.responsibility_owner"))
        from projledger.changes.owners import declared_unit

        declared = declared_unit(ctx, unit)
        responsibility_id = new_item_id("R", all_ids(ctx.data), ctx.options.random_bits)
        responsibilities = sequence(ctx.data, "responsibilities", PROJECT_ORDER)
        append(
            responsibilities,
            {
                "id": responsibility_id,
                "role": role,
                "unit": declared,
                "person": person,
                "duties": duties,
            },
        )
        who = "、".join(x for x in (declared, person) if x)
        return project_change(
            ctx,
            "add responsibility",
            f"新增责任 {responsibility_id}: {role} {who}",
            item=responsibility_id,
        )

    return edit


def deadline_target(ctx: EditContext, typed: str) -> str:
    """approval:X and milestone:X as typed; anything else names an issue or a task."""
    if typed.startswith(("approval:", "milestone:")):
        return typed
    return resolve_item(ctx.data, typed, kinds=("issues", "tasks")).id


def add_deadline(target: str, due: dt.date, basis: str | None) -> Any:
    def edit(ctx: EditContext) -> Change:
        resolved = deadline_target(ctx, target)
        existing = [d for d in ctx.data.get("deadlines") or () if d.get("target") == resolved]
        if existing:
            raise ProjledgerError(
                msg(
                    "refuse.deadline_exists",
                    target=resolved,
                    deadline=existing[0].get("id"),
                    project=ctx.data.get("id"),
                )
            )
        deadline_id = add_deadline_for(ctx, resolved, due, basis)
        return project_change(
            ctx,
            "add deadline",
            f"新增时限 {deadline_id}: {resolved} 限 {due}",
            item=deadline_id,
            new=str(due),
        )

    return edit


def extend_deadline(typed: str, new_due: dt.date, reason: str, approver: str) -> Any:
    """延期: a new due date with reason and approver; the old date stays in the record."""

    def edit(ctx: EditContext) -> Change:
        deadline = _deadline_for(ctx, typed)
        _refuse_if_target_closed(ctx, str(deadline.get("target")))
        current = Deadline.model_validate(_plain(deadline)).effective_due
        if new_due <= current:
            raise ProjledgerError(
                msg("refuse.extension_not_later", deadline=deadline.get("id"), due=current)
            )
        extensions = sequence(deadline, "extensions", field_order(Deadline))
        # Dated the day it is granted, never earlier: an extension granted after the due
        # date leaves the days between overdue.
        append(
            extensions,
            {"date": ctx.today, "new_due": new_due, "reason": reason, "approver": approver},
        )
        deadlines = ctx.data["deadlines"]
        unfold_if_long(deadlines, next(i for i, d in enumerate(deadlines) if d is deadline))
        late = " (逾期后延期)" if ctx.today > current else ""
        return project_change(
            ctx,
            "extend",
            f"延期 {deadline.get('id')} ({deadline.get('target')}): {current} → {new_due}{late}",
            item=str(deadline.get("id")),
            old=str(current),
            new=str(new_due),
        )

    return edit


def _refuse_if_target_closed(ctx: EditContext, target: str) -> None:
    """A closed target's deadline is met (or met late, or cancelled) for good: an
    extension granted now would count a late closure as on time (audit: PL506)."""
    from projledger.history.rules import target_closed_on
    from projledger.history.values import normalize

    closed_on = target_closed_on(normalize(ctx.data), target)
    if closed_on is None:
        return
    lang = pick_lang(ctx.config.language)
    kind, _, name = target.partition(":")
    if kind in ("approval", "milestone"):
        state = text(f"refuse.extend_closed.{kind}", lang, name=name)
    else:
        ref = resolve_item(ctx.data, target, kinds=("issues", "tasks"))
        state = str(ctx.data[ref.list_name][ref.index].get("state"))
    raise ProjledgerError(msg("refuse.extend_closed", target=target, state=state, date=closed_on))


def _deadline_for(ctx: EditContext, typed: str) -> Any:
    """A deadline by its own id, or the deadline of the issue or task named."""
    ref = resolve_item(ctx.data, typed, kinds=("deadlines", "issues", "tasks"))
    if ref.list_name == "deadlines":
        return ctx.data["deadlines"][ref.index]
    for deadline in ctx.data.get("deadlines") or ():
        if deadline.get("target") == ref.id:
            return deadline
    raise ProjledgerError(msg("refuse.no_deadline", item=ref.id, project=ctx.data.get("id")))


def log_note(typed: str, note: str, by: str | None) -> Any:
    """A dated progress note (进展) on an issue."""

    def edit(ctx: EditContext) -> Change:
        ref = resolve_item(ctx.data, typed, kinds=("issues",))
        issue = ctx.data["issues"][ref.index]
        progress = sequence(issue, "progress", field_order(Issue))
        append(progress, {"date": ctx.today, "note": note, "by": by})
        return project_change(ctx, "log", f"问题 {ref.id} 进展: {note}", item=ref.id)

    return edit


def _plain(value: Any) -> Any:
    """A ruamel.yaml tree as plain dicts and lists, for validating one record."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value

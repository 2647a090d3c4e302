"""The closed loop for issues (梳理—交办—跟踪—销号) and tasks to done.

已登记 → 已交办 (owner and deadline) → 办理中 → 待核验 (evidence) → 已销号 (verifier);
待核验 → 办理中 when returned (退回, reason); any open issue → 已撤销 (reason);
已交办/办理中 → 持续推进 for long-running ones, and back. Skipping a step is refused.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from projledger.changes.items import add_deadline_for, project_change
from projledger.changes.transaction import Change, EditContext
from projledger.changes.yamledit import (
    append,
    choice,
    field_order,
    put,
    record,
    remove,
    sequence,
)
from projledger.errors import ProjledgerError
from projledger.messages import msg
from projledger.model.enums import IssueState, TaskState
from projledger.model.project import Issue, Task
from projledger.refs import resolve_item

ISSUE_ORDER = field_order(Issue)
TASK_ORDER = field_order(Task)

S = IssueState
NEXT_STATE = {
    S.REGISTERED: S.ASSIGNED,
    S.ASSIGNED: S.IN_PROGRESS,
    S.IN_PROGRESS: S.AWAITING_VERIFICATION,
    S.LONG_RUNNING: S.AWAITING_VERIFICATION,
    S.AWAITING_VERIFICATION: S.CLOSED,
}
ALSO_ALLOWED = {
    (S.ASSIGNED, S.LONG_RUNNING),
    (S.IN_PROGRESS, S.LONG_RUNNING),
    (S.LONG_RUNNING, S.IN_PROGRESS),
    (S.ASSIGNED, S.AWAITING_VERIFICATION),
}
LOOP = "已登记 → 已交办 → 办理中 → 待核验 → 已销号"


@dataclass
class IssueStep:
    """The fields a step may need; which are required depends on the step."""

    to: str | None = None
    unit: str | None = None
    person: str | None = None
    due: dt.date | None = None
    basis: str | None = None
    evidence: str | None = None
    explanation: str | None = None
    verifier: str | None = None
    date: dt.date | None = None
    auto_responsibility: bool = True
    """交办 to a unit or person not yet in the 责任清单 adds its responsibility."""


def advance_issue(typed: str, step: IssueStep) -> Any:
    def edit(ctx: EditContext) -> Change:
        ref = resolve_item(ctx.data, typed, kinds=("issues",))
        issue = ctx.data["issues"][ref.index]
        current = IssueState(issue.get("state"))
        target = (
            choice(IssueState, step.to, "choice.issue_state")
            if step.to
            else NEXT_STATE.get(current)
        )
        if target is None or not (
            NEXT_STATE.get(current) == target or (current, target) in ALSO_ALLOWED
        ):
            _refuse_step(ref.id, current, target)
        assert target is not None
        when = step.date or ctx.today
        _require_for(ref.id, target, step, issue, ctx)
        added = None
        if target == S.ASSIGNED:
            from projledger.changes.owners import declared_unit, responsibility_for

            unit = declared_unit(ctx, step.unit) or issue.get("unit")
            person = step.person or issue.get("person")
            put(issue, "unit", unit, ISSUE_ORDER)
            put(issue, "person", person, ISSUE_ORDER)
            if step.due is not None:
                add_deadline_for(ctx, ref.id, step.due, step.basis)
            title = str(issue.get("title") or "")
            added = responsibility_for(
                ctx, unit, person, ref.id, title, auto=step.auto_responsibility
            )
        elif target == S.AWAITING_VERIFICATION:
            put(
                issue,
                "verification",
                record({"date": when, "evidence": step.evidence, "explanation": step.explanation}),
                ISSUE_ORDER,
            )
        elif target == S.CLOSED:
            evidence = step.evidence or (issue.get("verification") or {}).get("evidence")
            put(
                issue,
                "closure",
                record({"date": when, "verifier": step.verifier, "evidence": evidence}),
                ISSUE_ORDER,
            )
        issue["state"] = target.value
        verb = "销号" if target == S.CLOSED else target.value
        return project_change(
            ctx,
            "advance",
            f"问题 {ref.id} {verb}: {current.value} → {target.value}"
            + (f"; {added}" if added else ""),
            item=ref.id,
            old=current.value,
            new=target.value,
        )

    return edit


def _refuse_step(item_id: str, current: IssueState, target: IssueState | None) -> None:
    if current in (S.CLOSED, S.WITHDRAWN):
        raise ProjledgerError(msg("loop.closed", item=item_id, state=current.value))
    nxt = NEXT_STATE.get(current)
    raise ProjledgerError(
        msg(
            "loop.not_directly",
            item=item_id,
            state=current.value,
            target=target.value if target else "?",
            loop=LOOP,
            next=nxt.value if nxt else "—",
        )
    )


def _require_for(
    item_id: str, target: IssueState, step: IssueStep, issue: Any, ctx: EditContext
) -> None:
    missing: list[str] = []
    if target == S.ASSIGNED:
        if not (step.unit or issue.get("unit")):
            missing.append("--unit")
        if not (step.person or issue.get("person")):
            missing.append("--person")
        has_deadline = any(d.get("target") == item_id for d in ctx.data.get("deadlines") or ())
        if step.due is None and not has_deadline:
            missing.append("--due")
    elif target == S.AWAITING_VERIFICATION:
        missing += [
            flag
            for flag, value in (("--evidence", step.evidence), ("--explanation", step.explanation))
            if not value
        ]
    elif target == S.CLOSED:
        if not step.verifier:
            missing.append("--verifier")
        if not (step.evidence or (issue.get("verification") or {}).get("evidence")):
            missing.append("--evidence")
    if missing and ctx.options.ask is None:
        what = f"{item_id} → {target.value}"
        raise ProjledgerError(msg("step.needs", what=what, flag="|".join(missing)))
    for flag in missing:
        _answer(step, flag, ctx, f"{item_id} → {target.value}")


def _answer(step: IssueStep, flag: str, ctx: EditContext, what: str) -> None:
    """On a terminal, a missing field is asked for instead of refused; a bad answer (a day
    that does not exist, a unit not declared) is asked again, with the reason."""
    from projledger.changes.owners import declared_unit
    from projledger.dates import NotADayError, parse_day
    from projledger.messages import pick_lang, text

    assert ctx.options.ask is not None
    lang = ctx.options.lang or pick_lang(ctx.config.language)  # the run's: a question
    name = flag.removeprefix("--")
    forms = text("date.forms", lang)
    question = f"{what}: {text(f'step.ask.{name}', lang, forms=forms)}"
    for _ in range(5):
        answer = ctx.options.ask(question).strip()
        if not answer:
            needed = text("step.needs", lang, what=what, flag=flag)
            ctx.options.notify(text("step.again", lang, problem=needed))
            continue
        try:
            if name == "due":
                setattr(step, name, parse_day(answer))
            elif name == "unit":
                setattr(step, name, declared_unit(ctx, answer, flag))
            else:
                setattr(step, name, answer)
            return
        except (NotADayError, ProjledgerError) as problem:
            ctx.options.notify(text("step.again", lang, problem=problem.text(lang)))
    raise ProjledgerError(msg("step.needs", what=what, flag=flag))


def return_issue(typed: str, reason: str, by: str | None) -> Any:
    """退回: verification refused, back to 办理中 with the reason on record; or a closed
    issue reopened the same way (its closure record goes; the history keeps it), the one
    way a closed issue may change again."""

    def edit(ctx: EditContext) -> Change:
        ref = resolve_item(ctx.data, typed, kinds=("issues",))
        issue = ctx.data["issues"][ref.index]
        state = issue.get("state")
        if state not in (S.AWAITING_VERIFICATION, S.CLOSED):
            raise ProjledgerError(msg("loop.not_returnable", item=ref.id, state=state))
        if state == S.CLOSED and "closure" in issue:
            remove(issue, "closure")
        returns = sequence(issue, "returns", ISSUE_ORDER)
        append(returns, {"date": ctx.today, "reason": reason, "by": by})
        issue["state"] = S.IN_PROGRESS.value
        verb = "退回" if state == S.AWAITING_VERIFICATION else "重新打开 (退回)"
        return project_change(
            ctx,
            "return",
            f"问题 {ref.id} {verb}: {reason}",
            item=ref.id,
            old=str(state),
            new=S.IN_PROGRESS.value,
        )

    return edit


def withdraw_issue(typed: str, reason: str) -> Any:
    def edit(ctx: EditContext) -> Change:
        ref = resolve_item(ctx.data, typed, kinds=("issues",))
        issue = ctx.data["issues"][ref.index]
        current = IssueState(issue.get("state"))
        if current in (S.CLOSED, S.WITHDRAWN):
            raise ProjledgerError(msg("refuse.withdrawn_already", item=ref.id, state=current.value))
        put(issue, "withdrawal", record({"date": ctx.today, "reason": reason}), ISSUE_ORDER)
        issue["state"] = S.WITHDRAWN.value
        return project_change(
            ctx,
            "withdraw",
            f"问题 {ref.id} 撤销: {reason}",
            item=ref.id,
            old=current.value,
            new=S.WITHDRAWN.value,
        )

    return edit


def advance_task(typed: str, to: str | None, evidence: str | None, date: dt.date | None) -> Any:
    """未开始 → 进行中 → 已完成 (completion date and evidence)."""

    def edit(ctx: EditContext) -> Change:
        ref = resolve_item(ctx.data, typed, kinds=("tasks",))
        task = ctx.data["tasks"][ref.index]
        current = TaskState(task.get("state") or TaskState.NOT_STARTED)
        order = list(TaskState)
        target = (
            TaskState(to)
            if to
            else (order[order.index(current) + 1] if current != TaskState.DONE else None)
        )
        if target is None or order.index(target) <= order.index(current):
            order_text = " → ".join(s.value for s in order)
            raise ProjledgerError(
                msg("loop.task_order", item=ref.id, state=current.value, order=order_text)
            )
        if target == TaskState.DONE:
            if not evidence:
                raise ProjledgerError(msg("loop.task_needs_evidence", item=ref.id))
            put(task, "completed_on", date or ctx.today, TASK_ORDER)
            put(task, "evidence", evidence, TASK_ORDER)
        put(task, "state", target.value, TASK_ORDER)
        return project_change(
            ctx,
            "advance",
            f"任务 {ref.id}: {current.value} → {target.value}",
            item=ref.id,
            old=current.value,
            new=target.value,
        )

    return edit


def advance_item(typed: str, step: IssueStep) -> Any:
    """`advance PROJECT ITEM`: an issue along the loop, or a task towards done."""

    def edit(ctx: EditContext) -> Change:
        ref = resolve_item(ctx.data, typed, kinds=("issues", "tasks"))
        if ref.list_name == "issues":
            result: Change = advance_issue(ref.id, step)(ctx)
        else:
            result = advance_task(ref.id, step.to, step.evidence, step.date)(ctx)
        return result

    return edit

"""A change is judged by the history rules `projledger audit` applies (history/rules.py),
before anything is written: a change command never makes a commit its audit rejects, and
says how to make the change properly instead."""

from projledger.errors import ProjledgerError
from projledger.history.rules import Reference, Violation, judge
from projledger.history.values import Json, display

_LABELS = {"issues": "问题", "tasks": "任务", "responsibilities": "责任", "deadlines": "时效"}


def refuse_what_audit_rejects(before: Json, after: Json, project: str, what: str = "") -> None:
    """`before` and `after` are the file's versions (history's data; None: no file);
    `what` names a change other than the command's own (the hand edits)."""
    violations, _ = judge(Reference.of(before), after)
    if violations:
        first = violations[0]
        whose = f"in {what}, " if what else ""
        raise ProjledgerError(
            f"refused: {whose}{_advice(first, project)} (`projledger audit` would report "
            f"{first.code}); nothing was written"
        )


def _advice(v: Violation, project: str) -> str:
    item = v.item_id or ""
    legit = v.legit.item if v.legit is not None and isinstance(v.legit.item, dict) else {}
    if v.code == "PL503":
        return (
            f"{item} is closed (已销号) and a closed issue is not changed: reopen it through a "
            f"return (退回) first, `projledger return {project} {item} --reason …`, then change it"
        )
    if v.code == "PL506":
        return (
            f"the target of {item} was closed on {v.closed_on}: an extension granted after the "
            "closure would count a late closure as on time, so a closed target's deadline is "
            "not extended"
        )
    if v.code == "PL504":
        return (
            f"the due date of {item} ({display(legit.get('due'))}) is never changed: extend it "
            f"with `projledger extend {project} {item} --to DATE --reason … --approver …`"
        )
    if v.code == "PL505":
        position = (v.position or 0) + 1
        return f"extension {position} of {item} stays as it was; extensions are only appended"
    if v.code == "PL501" and v.legit is not None:
        label = _LABELS.get(v.legit.list_name, "")
        return f"{label} {item} would be removed; items are never deleted"
    if v.code == "PL502":
        return f"the id {item} names another item already; ids are never reused"
    return "the project file would be deleted; retire the project instead (`projledger retire`)"

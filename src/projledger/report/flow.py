"""The period's issue flow and advances, taken from git history: what changed between
successive versions of the project files in commits authored within the period (so hand
edits committed with plain git count like command changes).

An issue added in the period counts as new unless its own `raised` date is before the
period: then it was entered late (补录), as when an office first imports its ledger or a
unit reports an old issue, and counts apart, so the new-issue count stays what the week
brought. A new issue added already assigned (`add issue --unit --person --due`) counts as
assigned too.

An event counts in the period of its author date: the day the change happened (a change
command authors its commit on its `--today` or `--date`). Its committer date says when it
was recorded: an event recorded after the report date (for a past period, its last day),
that is after the period's report was made, is shown marked 补录 with the day it was
recorded (`recorded`), and reporting the period again counts it where it belongs.

Events come in the order they happened: by day, project and item, then in the order of
the commits (an issue added, assigned and closed on one day reads 新增, 交办, 销号)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from projledger.errors import ProjledgerError
from projledger.model.enums import IssueState
from projledger.report.document import Chart, Column, Kind, Table, Value
from projledger.report.labels import label
from projledger.report.period import Period
from projledger.root import LedgerRoot

if TYPE_CHECKING:
    from projledger.history.diff import FieldChange
    from projledger.history.gitlog import Commit
    from projledger.history.values import Json

_STATE_EVENTS = {
    IssueState.ASSIGNED: "assigned",
    IssueState.IN_PROGRESS: "started",
    IssueState.AWAITING_VERIFICATION: "submitted",
    IssueState.CLOSED: "closed",
    IssueState.WITHDRAWN: "withdrawn",
}
_MILESTONES = {
    "schedule.actual_start": "advance_start",
    "schedule.actual_completion": "advance_completion",
    "schedule.actual_operation": "advance_operation",
}


@dataclass(slots=True)
class FlowCounts:
    new: int = 0
    entered_late: int = 0
    """Added in the period, raised before it."""
    assigned: int = 0
    started: int = 0
    submitted: int = 0
    closed: int = 0
    returned: int = 0
    withdrawn: int = 0
    reopened: int = 0
    extended: int = 0
    became_overdue: int = 0
    """Computed from due dates, not history (filled in by the report)."""

    def add(self, event: str) -> None:
        setattr(self, event, getattr(self, event) + 1)


@dataclass(frozen=True, slots=True)
class Event:
    day: dt.date
    project: str
    project_name: str
    item: str | None
    title: str
    change: str
    """A label key (flow_closed, advance_stage...) or an already formatted label."""
    old: Value
    new: Value
    author: str
    commit: str
    detail: str = ""
    """What the record says beside the move: a return's or withdrawal's reason, an
    extension's reason and approver, a progress note, who an issue went to."""
    recorded: dt.date | None = None
    """The day the event was recorded (its commit date), when that was after the report
    date: an entry made after the period's report (补录). None otherwise."""
    concerns: str = ""
    """The item the event is about, for the order of rows: a deadline's target (an
    issue's extension reads among the issue's events), else the item."""


@dataclass
class Flow:
    counts: FlowCounts = field(default_factory=FlowCounts)
    issue_events: list[Event] = field(default_factory=list)
    advances: list[Event] = field(default_factory=list)


def read_flow(
    root: LedgerRoot,
    period: Period,
    as_of: dt.date,
    names: dict[str, str],
    titles: dict[tuple[str, str], str],
    revision: str | None = None,
    duplicates: frozenset[str] = frozenset(),
) -> Flow | None:
    """The flow of the period up to the report date, or None without git history.
    `names`: project id → name; `titles`: (project id, item id) → the item's title (a
    deadline: its target's), for items whose change does not carry it. `revision`: the
    commit whose history is read (`--at`); default HEAD. `duplicates`: the retired
    duplicates (`retire --duplicate-of`) of the ledger read, whose events count in no
    period: a file entered twice was never a second project, so what was done to it is
    not counted beside what was done to the real one."""
    from projledger.history.diff import diff_project
    from projledger.history.timeline import LedgerHistory, period_entries

    try:
        history = LedgerHistory(root)
    except ProjledgerError:
        return None
    flow = Flow()
    context = _Context(names, titles, period.start.isoformat(), as_of.isoformat())
    try:
        if revision is None and not history.repo.has_commits():
            return None
        entries = period_entries(history, period.start, min(period.end, as_of), revision=revision)
        for step in history.steps(entries):
            if not step.readable or step.file.project in duplicates:
                continue
            for change in diff_project(step.old, step.new):
                _classify(flow, _Step(step.commit, step.file.project, step.old, step.new),
                          change, context)  # fmt: skip
    finally:
        history.close()
    # Python's sort is stable: within one item's day, the events keep the commits' order.
    flow.issue_events.sort(key=lambda e: (e.day, e.project, e.concerns or e.item or ""))
    flow.advances.sort(key=lambda e: (e.day, e.project))
    return flow


@dataclass(frozen=True, slots=True)
class _Context:
    names: dict[str, str]
    titles: dict[tuple[str, str], str]
    start: str
    """The period's first day, ISO (compared as text, as ISO dates order)."""
    as_of: str
    """The report date, ISO: an event committed after it was recorded late (补录)."""


@dataclass(frozen=True, slots=True)
class _Step:
    """One project file in one commit: the versions before and after."""

    commit: "Commit"
    project: str
    old: "Json"
    new: "Json"


def _classify(flow: Flow, step: _Step, change: "FieldChange", context: _Context) -> None:
    from projledger.history.diff import ChangeKind

    commit = step.commit
    committed = commit.committer_date[:10]
    recorded = dt.date.fromisoformat(committed) if committed > context.as_of else None

    def event(
        key: str,
        old: Value = None,
        new: Value = None,
        title: str = "",
        detail: str = "",
        concerns: str = "",
    ) -> Event:
        return Event(
            commit.author_day,
            step.project,
            context.names.get(step.project, step.project),
            change.item,
            title,
            key,
            old,
            new,
            commit.author_name,
            commit.short,
            detail,
            recorded,
            concerns,
        )

    item_list, field_, kind = change.item_list, change.field, change.kind
    title = _title(change) or context.titles.get((step.project, change.item or ""), "")
    issue = _item(step.new, "issues", change.item) if item_list == "issues" else {}
    if item_list == "issues":
        if field_ == "" and kind == ChangeKind.ADDED:
            raised = _plain(change.new.get("raised")) if isinstance(change.new, dict) else None
            # "entered_late" when raised before the period; None (no date) counts as new.
            late = isinstance(raised, str) and raised < context.start
            added = "entered_late" if late else "new"
            state = _state(change.new)
            flow.counts.add(added)
            flow.issue_events.append(event(f"flow_{added}", None, state, title))
            if not late and state == IssueState.ASSIGNED:  # added already assigned: 交办
                flow.counts.add("assigned")
                flow.issue_events.append(event("flow_assigned", None, state, title, _owner(issue)))
        elif field_ == "state" and isinstance(change.new, str):
            name = _issue_event(change.old, change.new)
            if name is not None:
                flow.counts.add(name)
                detail = _issue_detail(name, issue)
                flow.issue_events.append(
                    event(f"flow_{name}", change.old, change.new, title, detail)
                )
        elif field_.startswith("progress") and kind == ChangeKind.ADDED:
            for note in change.new if isinstance(change.new, list) else [change.new]:
                if isinstance(note, dict):
                    flow.issue_events.append(
                        event("flow_progress", None, None, title, _note_text(note))
                    )
    elif item_list == "deadlines" and field_.startswith("extensions"):
        if kind == ChangeKind.ADDED:
            before = _item(step.old, "deadlines", change.item)
            due = _due_in_force(before) if before else None
            target = _text(_item(step.new, "deadlines", change.item).get("target"))
            granted = change.new if isinstance(change.new, list) else [change.new]
            for extension in granted:
                flow.counts.add("extended")
                ext = extension if isinstance(extension, dict) else {}
                new_due = _plain(ext.get("new_due"))
                detail = _extension_detail(ext)
                flow.issue_events.append(
                    event("flow_extended", due, new_due, title, detail, target)
                )
                due = new_due
    elif item_list is None:
        _advance(flow, change, event)


def _item(data: "Json", list_name: str, item_id: str | None) -> dict[str, "Json"]:
    """One item of a version by id ({} when absent)."""
    from projledger.history.diff import items_of

    found = items_of(data, list_name).get(item_id or "")
    return found if isinstance(found, dict) else {}


def _text(value: "Json") -> str:
    return str(value) if isinstance(value, str | int | float) else ""


def _owner(issue: dict[str, "Json"]) -> str:
    """Who an issue went to: 区住建局（张三）."""
    unit, person = _text(issue.get("unit")), _text(issue.get("person"))
    return f"{unit}（{person}）" if unit and person else unit or person


def _last(issue: dict[str, "Json"], key: str) -> dict[str, "Json"]:
    entries = issue.get(key)
    last = entries[-1] if isinstance(entries, list) and entries else None
    return last if isinstance(last, dict) else {}


def _issue_detail(event_name: str, issue: dict[str, "Json"]) -> str:
    """What the issue's record says about a move, from the version after it."""
    if event_name == "assigned":
        return _owner(issue)
    if event_name in ("returned", "reopened"):
        entry = _last(issue, "returns")
        reason, by = _text(entry.get("reason")), _text(entry.get("by"))
        return f"{reason}（{by}）" if reason and by else reason
    if event_name == "withdrawn":
        withdrawal = issue.get("withdrawal")
        return _text(withdrawal.get("reason")) if isinstance(withdrawal, dict) else ""
    if event_name == "closed":
        closure = issue.get("closure")
        return _text(closure.get("verifier")) if isinstance(closure, dict) else ""
    return ""


def _note_text(note: dict[str, "Json"]) -> str:
    text, by = _text(note.get("note")), _text(note.get("by"))
    return f"{text}（{by}）" if text and by else text


def _extension_detail(extension: dict[str, "Json"]) -> str:
    """The extension's reason and approver: 债券发行推迟；批准：杨帆."""
    reason, approver = _text(extension.get("reason")), _text(extension.get("approver"))
    return f"{reason}；批准：{approver}" if approver else reason


def _due_in_force(deadline: dict[str, "Json"]) -> Value:
    """A version's due date in force: its last extension's, else its own."""
    extensions = deadline.get("extensions")
    if isinstance(extensions, list):
        for extension in reversed(extensions):
            if isinstance(extension, dict) and extension.get("new_due") is not None:
                return _plain(extension["new_due"])
    return _plain(deadline.get("due"))


def _issue_event(old: object, new: str) -> str | None:
    if old == IssueState.CLOSED and new != IssueState.CLOSED:
        return "reopened"
    if old == IssueState.AWAITING_VERIFICATION and new == IssueState.IN_PROGRESS:
        return "returned"
    return _STATE_EVENTS.get(IssueState(new)) if new in IssueState._value2member_map_ else None


def _advance(flow: Flow, change: "FieldChange", event: Callable[..., Event]) -> None:
    from projledger.history.diff import ChangeKind

    field_ = change.field
    if field_ == "" and change.kind == ChangeKind.ADDED:
        flow.advances.append(event("advance_new_project", None, change.new))
    elif field_ in ("stage", "pool"):
        flow.advances.append(event(f"advance_{field_}", change.old, change.new))
    elif field_ in _MILESTONES:
        flow.advances.append(event(_MILESTONES[field_], _plain(change.old), _plain(change.new)))
    elif field_ == "schedule" and isinstance(change.new, dict):
        # The section made with its first date (`advance` to 开工 in a file without one).
        old = change.old if isinstance(change.old, dict) else {}
        for key, value in change.new.items():
            name = _MILESTONES.get(f"schedule.{key}")
            if name is not None and key not in old:
                flow.advances.append(event(name, None, _plain(value)))
    elif field_.startswith("approvals."):
        parts = field_.split(".")
        if len(parts) == 3 and parts[2] == "status":
            flow.advances.append(event(f"approval:{parts[1]}", change.old, change.new))
        elif len(parts) == 2 and isinstance(change.new, dict):
            flow.advances.append(event(f"approval:{parts[1]}", None, change.new.get("status")))


def _title(change: "FieldChange") -> str:
    """The title an added or removed item carries."""
    if change.field != "":
        return ""
    for version in (change.new, change.old):
        if isinstance(version, dict) and isinstance(version.get("title"), str):
            return str(version["title"])
    return ""


def _state(item: object) -> Value:
    return item.get("state") if isinstance(item, dict) else None


def _plain(value: object) -> Value:
    """A history value as report text: dates are marked in history (values.py)."""
    from projledger.history.values import DATE_MARK

    if isinstance(value, str):
        return value.removeprefix(DATE_MARK)
    return value if isinstance(value, int | float) else None


# --- tables ------------------------------------------------------------------------------

COUNT_ORDER = (  # also the order the narrative names them in
    "new",
    "entered_late",
    "assigned",
    "started",
    "submitted",
    "closed",
    "returned",
    "withdrawn",
    "reopened",
    "extended",
    "became_overdue",
)


def flow_tables(flow: Flow | None, counts: FlowCounts, lang: str) -> list[Table]:
    def t(key: str) -> str:
        return label(key, lang)

    summary = Table(
        "flow",
        t("flow_table"),
        [
            Column("event", t("item"), whole=True),
            Column("count", t("count"), Kind.INT),
            # For programs (and the narrative): which count it is, whatever the language.
            Column("key", t("event_key"), terminal=False, printed=False),
        ],
        note=t("flow_note"),
        chart=Chart("event", ("count",), t("flow_table")),
    )
    for name in COUNT_ORDER:
        key = "flow_overdue" if name == "became_overdue" else f"flow_{name}"
        summary.rows.append([t(key), getattr(counts, name), name])
    events = Table("issue_events", t("events_table"), _event_columns(lang, details=True))
    advances = Table("advances", t("advances_table"), _event_columns(lang))
    if flow is not None:
        events.rows = [_event_row(e, lang, details=True) for e in flow.issue_events]
        advances.rows = [_event_row(e, lang) for e in flow.advances]
        if any(e.recorded is not None for e in (*flow.issue_events, *flow.advances)):
            events.note = advances.note = t("recorded_late_note")
    return [summary, events, advances]


def _event_columns(lang: str, *, details: bool = False) -> list[Column]:
    """`details`: the issue events' 说明 (reasons, approvers, notes)."""
    columns = [
        Column("date", label("date", lang), Kind.DATE),
        Column("project", label("name", lang), whole=True),
        Column("project_id", label("project_id", lang), terminal=False, printed=False, whole=True),
        Column("item", label("item_id", lang), printed=False, whole=True),
        Column("title", label("title", lang)),
        Column("change", label("change", lang), whole=True),
        Column("from", label("from", lang)),
        Column("to", label("to", lang)),
        Column("author", label("author", lang), whole=True),
        Column("recorded", label("recorded_late", lang), Kind.DATE),
        Column("commit", label("commit", lang), printed=False, whole=True),
    ]
    if details:
        columns.insert(8, Column("detail", label("event_detail", lang)))
    return columns


def _event_row(e: Event, lang: str, *, details: bool = False) -> list[Value]:
    if e.change.startswith("approval:"):
        change = label("advance_approval", lang).format(e.change.removeprefix("approval:"))
    else:
        change = label(e.change, lang)
    old = e.old if isinstance(e.old, str | int | float) or e.old is None else None
    new = e.new if isinstance(e.new, str | int | float) or e.new is None else None
    row: list[Value] = [e.day, e.project_name, e.project, e.item, e.title, change, old, new]
    if details:
        row.append(e.detail or None)
    return [*row, e.author, e.recorded, e.commit]

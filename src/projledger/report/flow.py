"""The period's issue flow and advances, taken from git history: what changed between
successive versions of the project files in commits authored within the period (so hand
edits committed with plain git count like command changes).

An issue added in the period counts as new unless its own `raised` date is before the
period: then it was entered late (补录), as when an office first imports its ledger or a
unit reports an old issue, and counts apart, so the new-issue count stays what the week
brought."""

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
    from projledger.history.timeline import Change

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
) -> Flow | None:
    """The flow of the period up to the report date, or None without git history.
    `names`: project id → name; `titles`: (project id, item id) → the item's title (a
    deadline: its target's), for items whose change does not carry it."""
    from projledger.history.timeline import LedgerHistory, period_changes

    try:
        history = LedgerHistory(root)
    except ProjledgerError:
        return None
    try:
        if not history.repo.has_commits():
            return None
        changes = period_changes(history, period.start, min(period.end, as_of))
    finally:
        history.close()
    flow = Flow()
    start = period.start.isoformat()
    for change in changes:
        _classify(flow, change, names, titles, start)
    flow.issue_events.sort(key=lambda e: (e.day, e.project, e.item or "", e.change))
    flow.advances.sort(key=lambda e: (e.day, e.project, e.change))
    return flow


def _classify(
    flow: Flow,
    change: "Change",
    names: dict[str, str],
    titles: dict[tuple[str, str], str],
    start: str,
) -> None:
    """`start`: the period's first day, ISO (compared as text, as ISO dates order)."""
    from projledger.history.diff import ChangeKind

    commit = change.commit

    def event(key: str, old: Value = None, new: Value = None, title: str = "") -> Event:
        return Event(
            commit.author_day,
            change.project,
            names.get(change.project, change.project),
            change.item,
            title,
            key,
            old,
            new,
            commit.author_name,
            commit.short,
        )

    item_list, field_, kind = change.item_list, change.field, change.kind
    title = _title(change) or titles.get((change.project, change.item or ""), "")
    if item_list == "issues":
        if field_ == "" and kind == ChangeKind.ADDED:
            raised = _plain(change.new.get("raised")) if isinstance(change.new, dict) else None
            # "entered_late" when raised before the period; None (no date) counts as new.
            added = "entered_late" if isinstance(raised, str) and raised < start else "new"
            flow.counts.add(added)
            flow.issue_events.append(event(f"flow_{added}", None, _state(change.new), title))
        elif field_ == "state" and isinstance(change.new, str):
            name = _issue_event(change.old, change.new)
            if name is not None:
                flow.counts.add(name)
                flow.issue_events.append(event(f"flow_{name}", change.old, change.new, title))
    elif item_list == "deadlines" and field_.startswith("extensions"):
        if kind == ChangeKind.ADDED:
            granted = change.new if isinstance(change.new, list) else [change.new]
            for extension in granted:
                flow.counts.add("extended")
                new_due = extension.get("new_due") if isinstance(extension, dict) else None
                flow.issue_events.append(event("flow_extended", None, _plain(new_due), title))
    elif item_list is None:
        _advance(flow, change, event)


def _issue_event(old: object, new: str) -> str | None:
    if old == IssueState.CLOSED and new != IssueState.CLOSED:
        return "reopened"
    if old == IssueState.AWAITING_VERIFICATION and new == IssueState.IN_PROGRESS:
        return "returned"
    return _STATE_EVENTS.get(IssueState(new)) if new in IssueState._value2member_map_ else None


def _advance(flow: Flow, change: "Change", event: Callable[..., Event]) -> None:
    from projledger.history.diff import ChangeKind

    field_ = change.field
    if field_ == "" and change.kind == ChangeKind.ADDED:
        flow.advances.append(event("advance_new_project", None, change.new))
    elif field_ in ("stage", "pool"):
        flow.advances.append(event(f"advance_{field_}", change.old, change.new))
    elif field_ in _MILESTONES:
        flow.advances.append(event(_MILESTONES[field_], _plain(change.old), _plain(change.new)))
    elif field_.startswith("approvals."):
        parts = field_.split(".")
        if len(parts) == 3 and parts[2] == "status":
            flow.advances.append(event(f"approval:{parts[1]}", change.old, change.new))
        elif len(parts) == 2 and isinstance(change.new, dict):
            flow.advances.append(event(f"approval:{parts[1]}", None, change.new.get("status")))


def _title(change: "Change") -> str:
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
    events = Table("issue_events", t("events_table"), _event_columns(lang))
    advances = Table("advances", t("advances_table"), _event_columns(lang))
    if flow is not None:
        events.rows = [_event_row(e, lang) for e in flow.issue_events]
        advances.rows = [_event_row(e, lang) for e in flow.advances]
    return [summary, events, advances]


def _event_columns(lang: str) -> list[Column]:
    return [
        Column("date", label("date", lang), Kind.DATE),
        Column("project", label("name", lang), whole=True),
        Column("project_id", label("project_id", lang), printed=False, whole=True),
        Column("item", label("item_id", lang), printed=False, whole=True),
        Column("title", label("title", lang)),
        Column("change", label("change", lang), whole=True),
        Column("from", label("from", lang)),
        Column("to", label("to", lang)),
        Column("author", label("author", lang), whole=True),
        Column("commit", label("commit", lang), printed=False, whole=True),
    ]


def _event_row(e: Event, lang: str) -> list[Value]:
    if e.change.startswith("approval:"):
        change = label("advance_approval", lang).format(e.change.removeprefix("approval:"))
    else:
        change = label(e.change, lang)
    old = e.old if isinstance(e.old, str | int | float) or e.old is None else None
    new = e.new if isinstance(e.new, str | int | float) or e.new is None else None
    return [e.day, e.project_name, e.project, e.item, e.title, change, old, new, e.author, e.commit]

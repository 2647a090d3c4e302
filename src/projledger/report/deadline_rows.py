"""Deadlines as report rows (overdue, due soon, due in a period), with their owners."""

import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple

from projledger.compute.deadlines import (
    LABELS,
    LABELS_EN,
    DeadlineState,
    Status,
    deadline_state,
    exists_on,
)
from projledger.compute.facts import ProjectFacts
from projledger.compute.progress import in_report
from projledger.model import Config
from projledger.report.document import Column, Kind, Light, Table, Value
from projledger.report.labels import label


class DueRow(NamedTuple):
    project: ProjectFacts
    state: DeadlineState
    unit: str | None
    """The responsible unit's full name (short names resolved through the config)."""

    @property
    def light(self) -> Light | None:
        if self.state.status == Status.OVERDUE:
            return Light.RED
        if self.state.status == Status.DUE_SOON:
            return Light.YELLOW
        return None


def unit_resolver(config: Config) -> Callable[[str | None], str | None]:
    """A unit as written (full or short name) → its full name, so one unit is one row."""
    full = {u.short: u.name for u in config.units if u.short}

    def resolve(unit: str | None) -> str | None:
        return None if unit is None else full.get(unit, unit)

    return resolve


def due_rows(
    projects: Iterable[ProjectFacts],
    config: Config,
    as_of: dt.date,
    keep: Callable[[DeadlineState], bool],
) -> list[DueRow]:
    """Deadlines of projects in the report (not retired) whose state `keep` accepts."""
    resolve = unit_resolver(config)
    window = config.due_soon_days
    rows = []
    for project in projects:
        if not in_report(project, as_of):
            continue
        for deadline in project.deadlines:
            if not exists_on(deadline, as_of):
                continue
            state = deadline_state(deadline, as_of, window)
            if keep(state):
                rows.append(DueRow(project, state, resolve(deadline.unit)))
    return rows


def is_overdue(state: DeadlineState) -> bool:
    return state.status == Status.OVERDUE


def is_due_soon(state: DeadlineState) -> bool:
    return state.status == Status.DUE_SOON


def sort_overdue(rows: list[DueRow]) -> list[DueRow]:
    """Most overdue first, then by due date, project and item: a stable, total order."""
    return sorted(
        rows,
        key=lambda r: (-r.state.days_overdue, r.state.due, r.project.id, r.state.deadline.id),
    )


def sort_due(rows: list[DueRow]) -> list[DueRow]:
    return sorted(rows, key=lambda r: (r.state.due, r.project.id, r.state.deadline.id))


def deadline_table(
    key: str,
    title: str,
    rows: list[DueRow],
    lang: str,
    *,
    note: str | None = None,
    group: tuple[str, Callable[[DueRow], str]] | None = None,
    with_status: bool = False,
) -> Table:
    """One row per deadline; `group` (label key, value) adds a first column to group by."""
    overdue_only = bool(rows) and all(r.state.status == Status.OVERDUE for r in rows)
    grouped_by_unit = group is not None and group[0] == "unit"
    columns = [
        Column("project_id", label("project_id", lang), terminal=False),
        Column("project", label("name", lang)),
        Column("kind", label("target_kind", lang)),
        Column("target", label("item_id", lang)),
        Column("item", label("item", lang)),
        Column("unit", label("unit", lang), terminal=not grouped_by_unit),
        Column("person", label("person", lang)),
        Column("leader", label("leader", lang)),
        Column("level", label("level", lang), terminal=False),
        Column("original_due", label("original_due", lang), Kind.DATE, terminal=False),
        Column("due", label("due_date", lang), Kind.DATE),
        Column("days_overdue", label("days_overdue", lang), Kind.INT),
        Column("days_left", label("days_left", lang), Kind.INT, terminal=not overdue_only),
        Column("extensions", label("extensions", lang), Kind.INT),
        Column("light", label("light", lang), Kind.LIGHT),
    ]
    if with_status:
        columns.append(Column("status", label("status", lang)))
    if group is not None:
        # Its own label: the grouped-by column (unit, leader) is also in the row, and CSV
        # readers address columns by header.
        columns.insert(0, Column("group", label("group_by", lang).format(label(group[0], lang))))
    table = Table(key, title, columns, note=note)
    for row in rows:
        table.rows.append(_cells(row, lang, group, with_status))
    return table


def _cells(
    row: DueRow,
    lang: str,
    group: tuple[str, Callable[[DueRow], str]] | None,
    with_status: bool,
) -> list[Value]:
    state, deadline, project = row.state, row.state.deadline, row.project
    open_ = state.status in (Status.OVERDUE, Status.DUE_SOON, Status.PENDING)
    cells: list[Value] = [
        project.id,
        project.name,
        label(deadline.kind, lang),
        deadline.target,
        deadline.title,
        row.unit,
        deadline.person,
        project.leader,
        "、".join(project.levels),
        deadline.due,
        state.due,
        state.days_overdue if state.status == Status.OVERDUE else None,
        state.days_left if open_ and state.days_left >= 0 else None,
        state.extensions,
        row.light,
    ]
    if with_status:
        cells.append((LABELS_EN if lang == "en" else LABELS)[state.status])
    if group is not None:
        cells.insert(0, group[1](row))
    return cells

"""Deadlines as report rows (overdue, due soon, due in a period), with their owners."""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import NamedTuple, TypeVar

from projledger.compute.deadlines import (
    LABELS,
    LABELS_EN,
    OPEN,
    DeadlineState,
    Status,
    deadline_state,
)
from projledger.compute.facts import DeadlineFacts, ProjectFacts, ProjectHead, TargetKind
from projledger.compute.light import Light
from projledger.compute.progress import in_report
from projledger.model import Config
from projledger.report.document import Column, Kind, Table, Value
from projledger.report.labels import label


class DueRow(NamedTuple):
    project: ProjectHead
    state: DeadlineState
    unit: str | None
    """The responsible unit's full name (short names resolved through the config)."""


def unit_resolver(config: Config) -> Callable[[str | None], str | None]:
    """A unit as written (full or short name, or a variant: `model.unit_names`) → its
    full name, so one unit is one row."""
    from projledger.model.unit_names import unit_names_of

    names = unit_names_of(config)

    class Resolved(dict[str | None, str | None]):
        """Each unit as written, resolved once: a look-up per row after that."""

        def __missing__(self, unit: str | None) -> str | None:
            full = self[unit] = None if unit is None else names.full_name(unit) or unit
            return full

    return Resolved().__getitem__


Head = TypeVar("Head", bound=ProjectHead)


def all_deadlines(project: ProjectFacts) -> tuple[DeadlineFacts, ...]:
    return project.deadlines


def due_rows(
    projects: Iterable[Head],
    deadlines_of: Callable[[Head], Iterable[DeadlineFacts]],
    config: Config,
    as_of: dt.date,
    keep: Callable[[DeadlineState], bool],
) -> list[DueRow]:
    """Of the projects in the report (not retired), the deadlines `deadlines_of` gives
    whose state `keep` accepts (by the config's ranking rules: 待核验 is not 逾期)."""
    resolve = unit_resolver(config)
    window, rules = config.due_soon_days, config.ranking
    rows = []
    for project in projects:
        if not in_report(project, as_of):
            continue
        for deadline in deadlines_of(project):
            since = deadline.since  # `exists_on`, inline: this runs for every candidate
            if since is not None and since > as_of:
                continue
            state = deadline_state(deadline, as_of, window, rules)
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


def item_text(deadline: DeadlineFacts, lang: str) -> str:
    """What a deadline is for, as a reader names it: the issue's or task's title, the
    approval (用地规划许可), the milestone as a 节点 (开工节点), never `milestone:开工`."""
    if deadline.kind == TargetKind.MILESTONE:
        return label("milestone_item", lang).format(deadline.title)
    return deadline.title


_status = attrgetter("state.status")


def deadline_table(
    key: str,
    title: str,
    rows: list[DueRow],
    lang: str,
    *,
    note: str | None = None,
    group: tuple[str, Sequence[str]] | None = None,
    with_status: bool = False,
) -> Table:
    """One row per deadline; `group` (label key, each row's value) adds a first column to
    group by."""
    statuses_found = set(map(_status, rows))
    overdue_only = statuses_found == {Status.OVERDUE}
    any_overdue = Status.OVERDUE in statuses_found
    grouped_by_unit = group is not None and group[0] == "unit"
    # Printed: the columns a reader of the page needs (project, item, unit, person, due,
    # days overdue or left, light); ids, leader, level and history stay in the files.
    columns = [
        Column("project", label("name", lang), whole=True),
        Column("project_id", label("project_id", lang), terminal=False, printed=False, whole=True),
        Column("kind", label("target_kind", lang), printed=False),
        Column("target", label("item_id", lang), printed=False, whole=True),
        Column("item", label("item", lang)),
        Column(
            "unit",
            label("unit", lang),
            terminal=not grouped_by_unit,
            printed=not grouped_by_unit,
            whole=True,
        ),
        Column("person", label("person", lang), whole=True),
        Column("leader", label("leader", lang), printed=False, whole=True),
        Column("level", label("level", lang), terminal=False, printed=False),
        Column(
            "original_due", label("original_due", lang), Kind.DATE, terminal=False, printed=False
        ),
        Column("due", label("due_date", lang), Kind.DATE),
        Column("days_overdue", label("days_overdue", lang), Kind.INT, printed=any_overdue),
        Column(
            "days_left",
            label("days_left", lang),
            Kind.INT,
            terminal=not overdue_only,
            printed=not overdue_only,
        ),
        Column("extensions", label("extensions", lang), Kind.INT, printed=False),
        Column("light", label("light", lang), Kind.LIGHT),
    ]
    if with_status:
        columns.append(Column("status", label("status", lang), whole=True))
    if group is not None:
        # Its own label: the grouped-by column (unit, leader) is also in the row, and CSV
        # readers address columns by header. Grouped by project it holds the id too.
        columns.insert(
            0,
            Column(
                "group",
                label("group_by", lang).format(label(group[0], lang)),
                whole=group[0] != "project",
            ),
        )
    table = Table(key, title, columns, note=note)
    kinds: dict[str, str] = {}  # the target kinds' labels, looked up once
    statuses = LABELS_EN if lang == "en" else LABELS
    add = table.rows.append
    # Inline and with local names (an enum member's look-up costs a call): this runs for
    # every row (20,000 at 10,000 projects).
    is_overdue, is_due_soon, red, yellow = Status.OVERDUE, Status.DUE_SOON, Light.RED, Light.YELLOW
    milestone = TargetKind.MILESTONE
    for index, row in enumerate(rows):
        state, project = row.state, row.project
        deadline, status = state.deadline, state.status
        kind = kinds.get(deadline.kind) or kinds.setdefault(
            deadline.kind, label(deadline.kind, lang)
        )
        overdue = status == is_overdue
        cells: list[Value] = [
            project.name,
            project.id,
            kind,
            deadline.target,
            item_text(deadline, lang) if deadline.kind == milestone else deadline.title,
            row.unit,
            deadline.person,
            project.leader,
            "、".join(project.levels),
            deadline.due,
            state.due,
            state.days_overdue if overdue else None,
            state.days_left if status in OPEN and state.days_left >= 0 else None,
            state.extensions,
            red if overdue else yellow if status == is_due_soon else None,
        ]
        if with_status:
            cells.append(statuses[status])
        if group is not None:
            cells.insert(0, group[1][index])
        add(cells)
    return table

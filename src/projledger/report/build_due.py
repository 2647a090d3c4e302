"""`overdue` and `due`: deadlines past or near their date, grouped and filtered."""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from projledger.compute.deadlines import DeadlineState, Status
from projledger.errors import ProjledgerError
from projledger.ledger.due_index import DueProject
from projledger.ledger.facts_cache import DueLedger
from projledger.messages import msg
from projledger.report.deadline_rows import DueRow, deadline_table, due_rows, unit_resolver
from projledger.report.document import Column, Kind, Report, Table
from projledger.report.labels import label


class GroupBy(StrEnum):
    UNIT = "unit"
    LEADER = "leader"
    PROJECT = "project"
    LEVEL = "level"


_GROUP_LABEL = {
    GroupBy.UNIT: "unit",
    GroupBy.LEADER: "leader",
    GroupBy.PROJECT: "project",
    GroupBy.LEVEL: "level",
}


@dataclass(frozen=True)
class DueFilter:
    units: tuple[str, ...] = ()
    leaders: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()


def build_due_report(
    ledger: DueLedger,
    as_of: dt.date,
    *,
    overdue: bool,
    within: int | None,
    by: GroupBy,
    only: DueFilter,
    lang: str,
    source: str,
) -> Report:
    """Every overdue deadline (`overdue`), or every one not done and due within `within`
    days of the report date, the report date included."""
    window = ledger.config.due_soon_days if within is None else within
    keep = _overdue if overdue else _within(window)
    projects = _filtered_projects(ledger, only)
    # Only the deadlines that can be in the list are decoded (`ledger/due_index.py`).
    candidates = DueProject.could_be_overdue_on if overdue else DueProject.open_on
    rows = due_rows(projects, lambda p: candidates(p, as_of), ledger.config, as_of, keep)
    if only.units:
        resolve = unit_resolver(ledger.config)
        units = {resolve(u) for u in only.units}
        rows = [r for r in rows if r.unit in units]
    kind = "overdue" if overdue else "due"
    group = _group(by)
    groups = [group(r) for r in rows]
    sizes = Counter(groups)
    # Largest group first, rows without one last: the summary's order.
    ranked = sorted(sizes, key=lambda name: (name == "—", -sizes[name], name))
    rank = {name: position for position, name in enumerate(ranked)}
    # Grouped in that order; within a group, most urgent first (as `sort_overdue` and
    # `sort_due` order them). Keys are unique (project and deadline id): rows never compare.
    order = sorted(
        (
            rank[name],
            -row.state.days_overdue,
            row.state.due,
            row.project.id,
            row.state.deadline.id,
            index,
        )
        for index, (row, name) in enumerate(zip(rows, groups, strict=True))
    )
    rows = [rows[key[-1]] for key in order]
    groups = [ranked[key[0]] for key in order]
    # Each group's most days overdue: its first row's (read from the keys, reversed so
    # that each group's first row is written last and stays).
    worst = dict(zip(reversed(groups), [-key[1] for key in reversed(order)], strict=True))
    report = Report(
        kind=kind,
        title=label(kind, lang),
        organisation=ledger.config.organisation,
        lang=lang,
        period_start=None if overdue else as_of,
        period_end=None if overdue else as_of + dt.timedelta(days=window),
        as_of=as_of,
        source=source,
        invalid_files=list(ledger.invalid),
    )
    report.tables.append(_summary(worst, ranked, sizes, by, lang, overdue))
    report.tables.append(
        deadline_table(
            "items",
            label("overdue_table" if overdue else "due", lang),
            rows,
            lang,
            note=label("overdue_note", lang) if overdue else None,
            group=(_GROUP_LABEL[by], groups),
        )
    )
    return report


def _overdue(state: DeadlineState, overdue: Status = Status.OVERDUE) -> bool:
    return state.status == overdue  # the member as a default: looked up once


def _within(days: int) -> Callable[[DeadlineState], bool]:
    def keep(state: DeadlineState) -> bool:
        open_ = state.status in (Status.PENDING, Status.DUE_SOON)
        return open_ and 0 <= state.days_left <= days

    return keep


def _group(by: GroupBy) -> Callable[[DueRow], str]:
    """The row's group name ("—" for none); one small function per kind, as it runs once
    or twice per row."""
    if by == GroupBy.UNIT:
        return lambda row: row.unit or "—"
    if by == GroupBy.LEADER:
        return lambda row: row.project.leader or "—"
    if by == GroupBy.PROJECT:
        return lambda row: f"{row.project.id} {row.project.name}"
    return lambda row: "、".join(row.project.levels) or "—"


def _summary(
    worst: dict[str, int],
    ranked: list[str],
    sizes: Counter[str],
    by: GroupBy,
    lang: str,
    overdue: bool,
) -> Table:
    """Rows per group, in `ranked` order, with the most days overdue in each (`worst`)."""
    columns = [
        Column("group", label(_GROUP_LABEL[by], lang), whole=by != GroupBy.PROJECT),
        Column("count", label("count", lang), Kind.INT),
    ]
    if overdue:
        columns.append(Column("max_days_overdue", label("max_days_overdue", lang), Kind.INT))
    table = Table("summary", label(_GROUP_LABEL[by], lang), columns)
    for name in ranked:
        table.rows.append([name, sizes[name], *([worst[name]] if overdue else [])])
    return table


def _filtered_projects(ledger: DueLedger, only: DueFilter) -> list[DueProject]:
    projects = list(ledger.projects.values())
    if only.projects:
        wanted = {_project_id(typed, ledger) for typed in only.projects}
        projects = [p for p in projects if p.id in wanted]
    if only.leaders:
        projects = [p for p in projects if p.leader in only.leaders]
    if only.levels:
        projects = [p for p in projects if set(p.levels) & set(only.levels)]
    return projects


def _project_id(typed: str, ledger: DueLedger) -> str:
    """A project by id, prefix, name, fragment or pinyin (`refs.find_projects`)."""
    from projledger.ledger.names import pinyin_of
    from projledger.refs import Named, pick_project

    if typed in ledger.projects:
        return typed
    # A file the report leaves out (it fails check) is a candidate without a name: named
    # by its id it is refused as left out; by a name, the error says such files exist.
    left_out = [Named(name.removesuffix(".yaml"), "") for name in ledger.invalid]
    ids = [Named(p.id, p.name) for p in ledger.projects.values()]
    if any(n.id.startswith(typed) or typed in n.name for n in ids) or not typed.isascii():
        picked = pick_project(typed, ids + left_out)
    else:
        spelled = [Named(n.id, n.name, "", *pinyin_of(n.name)) for n in ids]
        picked = pick_project(typed, spelled + left_out)
    if picked not in ledger.projects:
        raise ProjledgerError(msg("report.project_left_out", id=picked))
    return picked


def check_filters(ledger: DueLedger, only: DueFilter) -> None:
    """Refuse a unit, leader or level the ledger does not know: a typo must not look like
    "nothing overdue"."""
    from projledger.model.unit_names import unit_names_of

    for unit in only.units:
        unit_names_of(ledger.config).require(unit)
    people = ledger.config.person_names() | {p.leader for p in ledger.projects.values() if p.leader}
    for leader in only.leaders:
        if leader not in people:
            raise ProjledgerError(msg("due.unknown_leader", leader=leader))
    from projledger.model.enums import Level

    for level in only.levels:
        if level not in {lv.value for lv in Level}:
            raise ProjledgerError(
                msg("due.unknown_level", level=level, levels="|".join(lv.value for lv in Level))
            )

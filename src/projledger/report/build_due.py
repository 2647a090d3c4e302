"""`overdue` and `due`: deadlines past or near their date, grouped and filtered."""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from projledger.compute.deadlines import DeadlineState, Status
from projledger.compute.facts import ProjectFacts
from projledger.errors import ProjledgerError
from projledger.report.deadline_rows import (
    DueRow,
    deadline_table,
    due_rows,
    sort_due,
    sort_overdue,
    unit_resolver,
)
from projledger.report.document import Column, Kind, Report, Table
from projledger.report.labels import label
from projledger.store.facts_cache import FactsLedger


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
    ledger: FactsLedger,
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
    rows = due_rows(projects, ledger.config, as_of, keep)
    if only.units:
        resolve = unit_resolver(ledger.config)
        units = {resolve(u) for u in only.units}
        rows = [r for r in rows if r.unit in units]
    kind = "overdue" if overdue else "due"
    group = _group(by)
    # Grouped like the summary (largest group first, rows without one last); within a
    # group, most urgent first.
    sizes = Counter(group(r) for r in rows)
    rows = sorted(
        sort_overdue(rows) if overdue else sort_due(rows),
        key=lambda r: (group(r) == "—", -sizes[group(r)], group(r)),
    )
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
    report.tables.append(_summary(rows, by, group, lang, overdue))
    report.tables.append(
        deadline_table(
            "items",
            label("overdue_table" if overdue else "due", lang),
            rows,
            lang,
            note=label("overdue_note", lang) if overdue else None,
            group=(_GROUP_LABEL[by], group),
        )
    )
    return report


def _overdue(state: DeadlineState) -> bool:
    return state.status == Status.OVERDUE


def _within(days: int) -> Callable[[DeadlineState], bool]:
    def keep(state: DeadlineState) -> bool:
        open_ = state.status in (Status.PENDING, Status.DUE_SOON)
        return open_ and 0 <= state.days_left <= days

    return keep


def _group(by: GroupBy) -> Callable[[DueRow], str]:
    def key(row: DueRow) -> str:
        if by == GroupBy.UNIT:
            value = row.unit
        elif by == GroupBy.LEADER:
            value = row.project.leader
        elif by == GroupBy.PROJECT:
            value = f"{row.project.id} {row.project.name}"
        else:
            value = "、".join(row.project.levels)
        return value or "—"

    return key


def _summary(
    rows: list[DueRow], by: GroupBy, group: Callable[[DueRow], str], lang: str, overdue: bool
) -> Table:
    counts = Counter(group(row) for row in rows)
    worst: dict[str, int] = {}
    for row in rows:
        name = group(row)
        worst[name] = max(worst.get(name, 0), row.state.days_overdue)
    columns = [
        Column("group", label(_GROUP_LABEL[by], lang)),
        Column("count", label("count", lang), Kind.INT),
    ]
    if overdue:
        columns.append(Column("max_days_overdue", label("days_overdue", lang) + " (max)", Kind.INT))
    table = Table("summary", label(_GROUP_LABEL[by], lang), columns)
    for name in sorted(counts, key=lambda n: (n == "—", -counts[n], n)):
        table.rows.append([name, counts[name], *([worst[name]] if overdue else [])])
    return table


def _filtered_projects(ledger: FactsLedger, only: DueFilter) -> list[ProjectFacts]:
    projects = list(ledger.projects.values())
    if only.projects:
        wanted = {_project_id(typed, ledger) for typed in only.projects}
        projects = [p for p in projects if p.id in wanted]
    if only.leaders:
        projects = [p for p in projects if p.leader in only.leaders]
    if only.levels:
        projects = [p for p in projects if set(p.levels) & set(only.levels)]
    return projects


def _project_id(typed: str, ledger: FactsLedger) -> str:
    from projledger.refs import resolve_project

    return resolve_project(typed, sorted(ledger.projects))


def check_filters(ledger: FactsLedger, only: DueFilter) -> None:
    """Refuse a unit, leader or level the ledger does not know: a typo must not look like
    "nothing overdue"."""
    units = ledger.config.unit_names()
    for unit in only.units:
        if unit not in units:
            raise ProjledgerError(
                f"--unit {unit!r} is not a unit of {ledger.config.organisation}: "
                "use a name or short name declared in projledger.yaml"
            )
    people = ledger.config.person_names() | {p.leader for p in ledger.projects.values() if p.leader}
    for leader in only.leaders:
        if leader not in people:
            raise ProjledgerError(
                f"--leader {leader!r} is not a person declared in projledger.yaml"
            )
    from projledger.model.enums import Level

    for level in only.levels:
        if level not in {lv.value for lv in Level}:
            raise ProjledgerError(
                f"--level {level!r}: use one of {', '.join(lv.value for lv in Level)}"
            )

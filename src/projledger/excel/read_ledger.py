"""Importing a workbook `export ledger` wrote: every sheet read by its exact columns,
each project put together from all of them, matched by its id (项目编号).

Values come back as written: text verbatim, numbers as the 万元 they were, dates as days.
An empty cell leaves the field as the file has it (nothing is removed by an import). A
deadline's due date never changes (an extension is added instead: `projledger extend`)
and its extensions are only added to, as `audit` requires."""

import datetime as dt
from decimal import Decimal
from typing import Any

from projledger.errors import ProjledgerError
from projledger.excel.import_sheet import add_staged
from projledger.excel.ledger_format import (
    DATE,
    HEADER_ROW,
    INT,
    LIST_SEPARATOR,
    NAMES,
    NUMBER,
    NUMBERS,
    PROJECTS,
    SHEETS,
    SheetFormat,
)
from projledger.excel.match import existing_projects
from projledger.excel.plan import ImportOptions, Plan
from projledger.excel.stage import Job, RowRef, stage_all
from projledger.excel.tree import plain
from projledger.excel.values import CellError, day, yaml_number
from projledger.excel.workbook import Sheet, Value, Workbook
from projledger.ids import PROJECT_ID_RE
from projledger.messages import Area, Lang, lists, msg
from projledger.model.config import Config
from projledger.root import LedgerRoot

Plain = Any

say = Area("excel")


class _Project:
    def __init__(self) -> None:
        self.record: dict[str, Plain] = {}
        self.lists: dict[str, list[dict[str, Plain]]] = {}
        self.records: dict[str, dict[str, list[dict[str, Plain]]]] = {}
        self.approvals: dict[str, dict[str, Plain]] = {}
        self.funding: list[dict[str, Plain]] = []
        self.rows: list[RowRef] = []
        self.reasons: list[str] = []


def plan_ledger_workbook(
    root: LedgerRoot, workbook: Workbook, config: Config, options: ImportOptions
) -> Plan:
    plan = Plan(workbook.path.name, "台账导出", lang=options.lang)
    projects: dict[str, _Project] = {}
    for form in SHEETS:
        if form.name not in workbook.sheet_names:
            if form is PROJECTS:
                raise ProjledgerError(
                    msg("excel.unit.no_sheet", file=workbook.path.name, sheet=form.name)
                )
            continue
        sheet = workbook.sheet(form.name)
        plan.sheets[sheet.name] = sheet
        plan.header_rows[sheet.name] = [HEADER_ROW]
        _read_sheet(sheet, form, projects, plan)
    existing = existing_projects(root)
    jobs = [
        job
        for project_id, project in projects.items()
        if (job := _job(root, plan, project_id, project, project_id not in existing.ids))
    ]
    add_staged(plan, stage_all(root, jobs, config, options.lang))
    plan.imported_rows = sum(len(s.rows) for s in plan.staged)
    return plan


ADDED_LATER = frozenset({"current_progress"})
"""Fields whose columns a workbook exported by an earlier projledger lacks: read when
there, else left as the ledger has them."""


def _read_sheet(sheet: Sheet, form: SheetFormat, projects: dict[str, _Project], plan: Plan) -> None:
    if len(sheet.rows) <= HEADER_ROW:
        return
    header = [str(v).strip() if v is not None else "" for v in sheet.rows[HEADER_ROW]]
    where: dict[str, int] = {}
    for column in form.columns:
        if column.path is None or (column.path in ADDED_LATER and column.label not in header):
            continue
        if column.label not in header:
            raise ProjledgerError(
                msg(
                    "excel.ledger.no_column",
                    file=sheet.file.name,
                    sheet=sheet.name,
                    row=HEADER_ROW + 1,
                    column=column.label,
                )
            )
        where[column.path] = header.index(column.label)
    id_path = "id" if form is PROJECTS else "project"
    for index in range(HEADER_ROW + 1, len(sheet.rows)):
        values = sheet.rows[index]
        if all(v is None for v in values):
            plan.skipped.setdefault("blank", []).append(RowRef(sheet.name, index))
            continue
        project_id = _text(values[where[id_path]])
        if not project_id or not PROJECT_ID_RE.match(project_id):
            reason = say(plan.lang, "fail.not_a_project_id", id=project_id)
            plan.fail([RowRef(sheet.name, index)], reason)
            continue
        project = projects.setdefault(project_id, _Project())
        project.rows.append(RowRef(sheet.name, index))
        record: dict[str, Plain] = {}
        for column in form.columns:
            if column.path is None or column.path in ("project",) or column.path not in where:
                continue
            try:
                value = _value(values[where[column.path]], column.kind)
            except CellError as error:
                place = sheet.where(index, plan.lang)
                project.reasons.append(
                    say(
                        plan.lang,
                        "fail.cell",
                        where=place,
                        label=column.label,
                        error=error.text(plan.lang),
                    )
                )
                continue
            if value is not None:
                _put(record, column.path, value)
        _add(form, project, record)


def _add(form: SheetFormat, project: _Project, record: dict[str, Plain]) -> None:
    if form is PROJECTS:
        project.record = record
    elif form.key == "approvals":
        name = record.pop("name", None)
        if name:
            project.approvals[str(name)] = record
    elif form.key == "funding":
        project.funding.append(record)
    elif "." in form.key:
        parent = str(record.pop("parent", ""))
        project.records.setdefault(form.key, {}).setdefault(parent, []).append(record)
    else:
        project.lists.setdefault(form.key, []).append(record)


def _text(value: Value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _value(value: Value, kind: str) -> Plain:
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if kind == DATE:
        return day(value, None)
    if kind in (NUMBER, INT):
        if isinstance(value, float):
            number = yaml_number(Decimal(repr(value)))
        else:
            try:
                number = yaml_number(Decimal(str(value).strip().replace(",", "")))
            except ArithmeticError:
                raise CellError(msg("excel.cell.not_number", value=value)) from None
        if kind == INT and not isinstance(number, int):
            raise CellError(msg("excel.cell.not_whole", value=value))
        return number
    if kind == NAMES:
        return [part for part in str(_text(value)).split(LIST_SEPARATOR) if part]
    if kind == NUMBERS:
        try:
            return [yaml_number(Decimal(part)) for part in str(_text(value)).split(",") if part]
        except ArithmeticError:
            raise CellError(msg("excel.cell.not_numbers", value=value)) from None
    return _text(value)


def _put(record: dict[str, Plain], path: str, value: Plain) -> None:
    *parents, last = path.split(".")
    for key in parents:
        record = record.setdefault(key, {})
    record[last] = value


def _job(root: LedgerRoot, plan: Plan, project_id: str, project: _Project, new: bool) -> Job | None:
    if project.reasons:
        plan.fail(project.rows, lists.clauses(project.reasons[:3], plan.lang))
        return None
    if not project.record and new:
        plan.fail(project.rows, say(plan.lang, "fail.no_project", id=project_id))
        return None
    desired = {"schema_version": 1, **project.record} if new else dict(project.record)
    desired["id"] = project_id
    if project.approvals:
        desired["approvals"] = project.approvals
    if project.funding:
        desired["funding"] = project.funding
    for list_name, items in project.lists.items():
        for item in items:
            for key, by_parent in project.records.items():
                parent_list, field = key.split(".")
                if parent_list == list_name and item.get("id") in by_parent:
                    item[field] = by_parent[str(item["id"])]
        desired[list_name] = items
    if not new:
        reason = _history_kept(root, project_id, desired, plan.lang)
        if reason:
            plan.fail(project.rows, reason)
            return None
    return Job(project_id, desired, new, project.rows)


def _history_kept(
    root: LedgerRoot, project_id: str, desired: dict[str, Plain], lang: Lang
) -> str | None:
    """Why the workbook would bend history (a due date changed, an extension edited)."""
    from projledger.store.document import load_document

    current = plain(load_document(root.project_file(project_id)).data)
    deadlines = {d.get("id"): d for d in current.get("deadlines") or ()}
    for wanted in desired.get("deadlines") or ():
        had = deadlines.get(wanted.get("id"))
        if had is None:
            continue
        if "due" in wanted and wanted["due"] != had.get("due"):
            return say(
                lang,
                "fail.due_edited",
                id=wanted["id"],
                had=had.get("due"),
                due=wanted["due"],
                project=project_id,
            )
        old = had.get("extensions") or []
        new = wanted.get("extensions")
        if new is not None and new[: len(old)] != old:
            return say(lang, "fail.extension_edited", id=wanted["id"])
    return None

"""`export ledger`: the whole ledger as a 台账 workbook (ledger_format.py's layout).

Printable (A4 landscape, the header repeated on every page, one page wide), headers
frozen with the project name (not an id) kept in view, filters on every sheet. Amounts
are numbers in 万元 shown as written (12000, not 12000.0); text is always text."""

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Any

from projledger.excel.ledger_format import (
    DATE,
    HEADER_ROW,
    LIST_SEPARATOR,
    NAMES,
    NUMBERS,
    PROJECTS,
    SHEETS,
    SheetFormat,
    flattened,
)
from projledger.excel.meta import write_meta
from projledger.excel.xlsx_out import Formats, fit_columns, new_workbook, print_setup, write

Plain = Any


def write_ledger_workbook(
    target: Path | Any, projects: list[dict[str, Plain]], title: str, as_of: dt.date
) -> None:
    """`projects`: each project's `model_dump(mode="python", exclude_none=True)`."""
    workbook = new_workbook(target)
    workbook.set_properties(
        {"title": title, "created": dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)}
    )
    formats = Formats(workbook)
    for form in SHEETS:
        rows = [_cells(form, row) for row in _rows(form, projects, as_of)]
        _sheet(workbook, form, rows, title if form is PROJECTS else form.name, formats)
    write_meta(workbook, "ledger", {"as_of": as_of.isoformat()})
    workbook.close()


def _rows(
    form: SheetFormat, projects: list[dict[str, Plain]], as_of: dt.date
) -> list[dict[str, Plain]]:
    """The sheet's records, each a dict of the columns' paths."""
    rows: list[dict[str, Plain]] = []
    for number, project in enumerate(projects, start=1):
        head = {"project": project["id"], "项目名称": project["name"]}
        if form.key == "projects":
            rows.append({**flattened(project), **_derived(project, number, as_of)})
        elif form.key in ("issues", "responsibilities", "tasks", "deadlines"):
            for item in project.get(form.key) or ():
                extra = {}
                if form.key == "deadlines":
                    extensions = item.get("extensions") or []
                    extra["现行时限"] = extensions[-1]["new_due"] if extensions else item["due"]
                rows.append({**head, **flattened(item), **extra})
        elif form.key == "approvals":
            for name, approval in (project.get("approvals") or {}).items():
                rows.append({**head, "name": name, **approval})
        elif form.key == "funding":
            for funding in project.get("funding") or ():
                rows.append({**head, **funding})
        else:
            list_name, records = form.key.split(".")
            for item in project.get(list_name) or ():
                for record in item.get(records) or ():
                    rows.append({**head, "parent": item["id"], **record})
    return rows


def _derived(project: dict[str, Plain], number: int, as_of: dt.date) -> dict[str, Plain]:
    investment = project.get("investment") or {}
    plan = investment.get("plan_this_year") or 0
    milestones = {
        d["target"]: (d.get("extensions") or [{"new_due": d["due"]}])[-1]["new_due"]
        for d in project.get("deadlines") or ()
    }
    leaders = [
        r.get("person") for r in project.get("responsibilities") or () if r["role"] == "包抓领导"
    ]
    open_issues = sum(
        1 for i in project.get("issues") or () if i["state"] not in ("已销号", "已撤销")
    )
    return {
        "序号": number,
        "完成率": round(investment.get("completed_this_year", 0) / plan, 4) if plan else None,
        "计划开工": milestones.get("milestone:开工"),
        "计划竣工": milestones.get("milestone:竣工"),
        "包抓领导": "、".join(p for p in leaders if p),
        "未结问题": open_issues,
    }


def _cells(form: SheetFormat, row: dict[str, Plain]) -> list[Plain]:
    cells = []
    for column in form.columns:
        value = row.get(column.path if column.path is not None else column.label)
        if column.kind == NAMES and isinstance(value, list):
            value = LIST_SEPARATOR.join(str(v) for v in value)
        elif column.kind == NUMBERS and isinstance(value, list):
            value = ",".join(_number(v) for v in value)
        elif column.kind == DATE and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        elif isinstance(value, Enum):
            value = value.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        cells.append(value)
    return cells


def _number(value: Plain) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _sheet(
    workbook: Any, form: SheetFormat, rows: list[list[Plain]], title: str, formats: Formats
) -> None:
    sheet = workbook.add_worksheet(form.name)
    labels = [c.label for c in form.columns]
    sheet.write_string(0, 0, title, formats.title)
    for col, label in enumerate(labels):
        sheet.write_string(HEADER_ROW, col, label, formats.header)
    for line, values in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate(values):
            fmt = formats.percent if labels[col] == "完成率" else None
            write(sheet, line, col, value, formats, fmt)
    fit_columns(sheet, labels, rows)
    for col, column in enumerate(form.columns):
        if column.width:
            sheet.set_column(col, col, column.width)
    name_col = next((i for i, c in enumerate(form.columns) if c.label == "项目名称"), 0)
    # Scrolling keeps the header and the project's name in view (an id says little).
    sheet.freeze_panes(HEADER_ROW + 1, name_col + 1)
    sheet.autofilter(HEADER_ROW, 0, HEADER_ROW + len(rows), len(labels) - 1)
    print_setup(sheet, HEADER_ROW, HEADER_ROW)

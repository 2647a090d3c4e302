"""A unit's workbook (`export unit`): its open issues and tasks, one row each, to fill in
and send back (`import`).

The sheet is protected: only the cells a row may change are unlocked (a task has no
申请核验; an item without a deadline no 申请延期; an issue not yet assigned, or already
awaiting verification, no 申请核验), 申请核验 is a 是 drop-down, dates and quantities are
validated as they are typed. Each row carries, in hidden locked columns, its project, its
item and the blob id of the project file it was read from: the import compares the
ledger now with that version, field by field."""

import datetime as dt
from pathlib import Path
from typing import Any

from projledger.excel.meta import write_meta
from projledger.excel.unit_items import Item
from projledger.excel.xlsx_out import HEADER_FILL, READ_ONLY_FILL, new_workbook, print_setup

SHEET = "待办事项"
GUIDE = "填报说明"
TITLE_ROW, GROUP_ROW, HEADER_ROW = 0, 1, 2
FIRST_ROW = 3

# (label, group, width, editable)
COLUMNS: tuple[tuple[str, str, int, bool], ...] = (
    ("序号", "事项（只读）", 6, False),
    ("项目", "事项（只读）", 24, False),
    ("类型", "事项（只读）", 6, False),
    ("事项", "事项（只读）", 32, False),
    ("时限", "事项（只读）", 12, False),
    ("状态", "事项（只读）", 14, False),
    ("最近进展", "事项（只读）", 30, False),
    ("目标", "事项（只读）", 14, False),
    ("本周进展", "本周进展", 32, True),
    ("已完成数量", "已完成数量", 10, True),
    ("申请", "申请核验", 7, True),
    ("说明", "申请核验", 24, True),
    ("佐证", "申请核验", 24, True),
    ("新时限", "申请延期", 12, True),
    ("理由", "申请延期", 24, True),
    ("项目编号", "系统信息（勿改）", 4, False),
    ("事项编号", "系统信息（勿改）", 4, False),
    ("文件版本", "系统信息（勿改）", 4, False),
)
LABELS = [c[0] for c in COLUMNS]
COL = {label: index for index, label in enumerate(LABELS)}
HIDDEN = ("项目编号", "事项编号", "文件版本")


def week_label(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}年第{week}周"


def write_unit_workbook(
    target: Path | Any, unit: str, label: str, items: list[Item], as_of: dt.date, organisation: str
) -> None:
    workbook = new_workbook(target)
    workbook.set_properties(
        {
            "title": f"{label} 重点项目待办事项 {week_label(as_of)}",
            "company": organisation,
            "created": dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC),
        }
    )
    formats = _formats(workbook)
    _guide(workbook, label, len(items), as_of, organisation, formats)
    _items(workbook, label, items, as_of, formats)
    write_meta(workbook, "unit", {"unit": unit, "as_of": as_of.isoformat()})
    workbook.close()


def _formats(workbook: Any) -> dict[str, Any]:
    base = {"border": 1, "valign": "top", "text_wrap": True}
    return {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "bold": workbook.add_format({"bold": True}),
        "header": workbook.add_format(
            {**base, "bold": True, "bg_color": HEADER_FILL, "align": "center", "valign": "vcenter"}
        ),
        "ro": workbook.add_format({**base, "bg_color": READ_ONLY_FILL}),
        "ro_date": workbook.add_format(
            {**base, "bg_color": READ_ONLY_FILL, "num_format": "yyyy-mm-dd", "align": "left"}
        ),
        "overdue": workbook.add_format({**base, "bg_color": "#FFC7CE", "font_color": "#9C0006"}),
        "edit": workbook.add_format({"locked": False, "valign": "top", "text_wrap": True}),
        "edit_date": workbook.add_format({"locked": False, "num_format": "yyyy-mm-dd"}),
        "hidden": workbook.add_format({"font_color": "#808080"}),
    }


def _guide(
    workbook: Any,
    label: str,
    count: int,
    as_of: dt.date,
    organisation: str,
    formats: dict[str, Any],
) -> None:
    sheet = workbook.add_worksheet(GUIDE)
    sheet.set_column(0, 0, 100)
    lines = [
        (f"{label} 重点项目待办事项（{week_label(as_of)}，截至 {as_of.isoformat()}）", "title"),
        (f"共 {count} 项：本单位负责的未销号问题和未完成任务。由 {organisation} 导出。", None),
        ("", None),
        ("填报方法", "bold"),
        ("1. 在“待办事项”表中只填白色单元格；灰色单元格为台账现状，已锁定，不能修改。", "wrap"),
        ("2. 本周进展：写本周做了什么、到了哪一步（问题记入进展记录；任务记为任务备注）。", "wrap"),
        ("3. 已完成数量：任务完成了多少（按“目标”一栏的计量单位填数字）。", "wrap"),
        (
            "4. 申请核验：问题已解决的，“申请”选“是”，并写明办理说明和佐证材料"
            "（文号、照片、纪要）；问题转为“待核验”，由核验人核验后销号。",
            "wrap",
        ),
        ("5. 申请延期：写新的时限和理由；延期须经批准，批准前原时限不变。", "wrap"),
        ("6. 不要增删行、列，不要修改隐藏的系统信息；填好后原文件发回。", "wrap"),
        ("", None),
        (
            "同一事项导出后如台账已有变化，导入时该行不予采用并列出双方内容，其余各行照常导入；"
            "同一文件重复导入不会重复记录。",
            "wrap",
        ),
    ]
    for row, (text, style) in enumerate(lines):
        if text:
            sheet.write_string(row, 0, text, formats[style] if style else None)
    sheet.activate()
    sheet.protect("", {"select_locked_cells": True})


def _items(
    workbook: Any, label: str, items: list[Item], as_of: dt.date, formats: dict[str, Any]
) -> None:
    sheet = workbook.add_worksheet(SHEET)
    last = len(COLUMNS) - 1
    sheet.merge_range(
        TITLE_ROW,
        0,
        TITLE_ROW,
        7,
        f"{label} 重点项目待办事项 {week_label(as_of)}",
        formats["title"],
    )
    groups: list[tuple[str, int, int]] = []
    for index, (_, group, _, _) in enumerate(COLUMNS):
        if groups and groups[-1][0] == group:
            groups[-1] = (group, groups[-1][1], index)
        else:
            groups.append((group, index, index))
    for group, first, end in groups:
        if first == end and COLUMNS[first][0] == group:
            sheet.merge_range(GROUP_ROW, first, HEADER_ROW, first, group, formats["header"])
            continue
        if first == end:
            sheet.write_string(GROUP_ROW, first, group, formats["header"])
        else:
            sheet.merge_range(GROUP_ROW, first, GROUP_ROW, end, group, formats["header"])
        for index in range(first, end + 1):
            sheet.write_string(HEADER_ROW, index, COLUMNS[index][0], formats["header"])
    for index, (column_label, _, width, editable) in enumerate(COLUMNS):
        # An editable column is unlocked as a whole (its cells need not be written one by
        # one: a 10,000-project ledger's units have 40,000 rows); the rows that may not
        # change it get a locked grey cell.
        column_format = None
        if editable:
            column_format = formats["edit_date"] if column_label == "新时限" else formats["edit"]
        sheet.set_column(index, index, width, column_format, {"hidden": column_label in HIDDEN})
    ordered = sorted(items, key=lambda i: (i.due or dt.date.max, i.project_name, i.id))
    for offset, item in enumerate(ordered):
        _row(sheet, FIRST_ROW + offset, offset + 1, item, as_of, formats)
    end = FIRST_ROW + max(len(ordered), 1) - 1
    if ordered:
        sheet.data_validation(
            FIRST_ROW,
            COL["申请"],
            end,
            COL["申请"],
            {
                "validate": "list",
                "source": ["是"],
                "input_title": "申请核验",
                "input_message": "问题已解决的选“是”，并填说明和佐证",
            },
        )
        sheet.data_validation(
            FIRST_ROW,
            COL["已完成数量"],
            end,
            COL["已完成数量"],
            {
                "validate": "decimal",
                "criteria": ">=",
                "value": 0,
                "error_message": "填完成的数量（0 或更多）",
            },
        )
        sheet.data_validation(
            FIRST_ROW,
            COL["新时限"],
            end,
            COL["新时限"],
            {
                "validate": "date",
                "criteria": ">",
                "value": dt.datetime.combine(as_of, dt.time()),
                "input_title": "申请延期",
                "input_message": "填日期，如 2026-12-31",
                "error_message": f"新时限须晚于 {as_of.isoformat()}",
            },
        )
    sheet.freeze_panes(FIRST_ROW, COL["事项"] + 1)
    sheet.autofilter(HEADER_ROW, 0, end, last - len(HIDDEN))
    print_setup(sheet, GROUP_ROW, HEADER_ROW)
    sheet.print_area(0, 0, end, last - len(HIDDEN))
    sheet.protect(
        "",
        {
            "autofilter": True,
            "format_columns": True,
            "format_rows": True,
            "select_locked_cells": True,
        },
    )


def _row(
    sheet: Any, row: int, number: int, item: Item, as_of: dt.date, formats: dict[str, Any]
) -> None:
    overdue = item.due is not None and item.due < as_of
    state = f"{item.state}（逾期）" if overdue else item.state
    values: list[Any] = [
        number,
        item.project_name,
        item.kind,
        item.title,
        item.due,
        state,
        item.last_progress,
        item.measure,
    ]
    for col, value in enumerate(values):
        fmt = formats["overdue"] if overdue and col == COL["状态"] else formats["ro"]
        if isinstance(value, dt.date):
            sheet.write_datetime(
                row, col, dt.datetime.combine(value, dt.time()), formats["ro_date"]
            )
        elif value is None or value == "":
            sheet.write_blank(row, col, None, fmt)
        elif isinstance(value, int):
            sheet.write_number(row, col, value, fmt)
        else:
            sheet.write_string(row, col, str(value), fmt)
    editable = {"本周进展", "理由", "新时限"} if item.deadline else {"本周进展"}
    if item.kind == "任务" and item.measure:
        editable.add("已完成数量")
    if item.kind == "问题" and item.state in ("已交办", "办理中", "持续推进"):
        editable |= {"申请", "说明", "佐证"}
    for label in LABELS[COL["本周进展"] : COL["项目编号"]]:
        col = COL[label]
        if label not in editable:
            sheet.write_blank(row, col, None, formats["ro"])
    for label, value in (
        ("项目编号", item.project),
        ("事项编号", item.id),
        ("文件版本", item.blob),
    ):
        sheet.write_string(row, COL[label], value, formats["hidden"])

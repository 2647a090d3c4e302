"""`show` and `list` in the terminal (rich): CJK text is aligned by display width. Every
value from a file is shown as `Text` (never markup) with control characters escaped."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from projledger.compute.deadlines import DEFAULT_RULES, LABELS, OPEN, Status, deadline_state
from projledger.compute.facts import ProjectFacts, project_facts
from projledger.compute.progress import in_report
from projledger.compute.units import late_extensions
from projledger.messages import Lang, field_label, text
from projledger.model import Project
from projledger.model.config import Ranking
from projledger.model.enums import Pool
from projledger.model.project import Deadline
from projledger.report.aligned_columns import Cell, Styled, print_aligned
from projledger.report.formatting import format_amount as amount
from projledger.report.formatting import quantity_done
from projledger.report.render_terminal import LONG_TABLE_ROWS
from projledger.safe_text import printable

STATUS_STYLE = {
    Status.OVERDUE: "bold red",
    Status.DUE_SOON: "yellow",
    Status.MET_LATE: "magenta",
    Status.AWAITING: "cyan",
}


def _table(title: str, columns: Iterable[str]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, header_style="bold")
    for column in columns:
        # Ids and dates are read as a whole: never broken across lines.
        table.add_column(column, overflow="fold", no_wrap=column in NO_WRAP)
    return table


NO_WRAP = {"id", "项目", "时限", "日期", "状态", "库别", "级别"}


def _plain(value: object, style: str = "") -> Text:
    """A value as written in the file: never markup (a title with "[...]" in it prints as
    written), and no control character reaches the terminal."""
    return Text(printable(str(value)), style=style)


def _add_row(table: Table, *cells: str | Text) -> None:
    table.add_row(*(cell if isinstance(cell, Text) else _plain(cell) for cell in cells))


def _print_rows(
    console: Console, title: str, header: list[str], rows: list[list[Text]], right: set[str]
) -> None:
    """A rich table, or from `LONG_TABLE_ROWS` rows plain aligned columns (rich's layout
    took 12 s for the 10,000 projects of a city's ledger)."""
    if len(rows) >= LONG_TABLE_ROWS:
        cells: list[list[Cell]] = [
            [Styled(cell.plain, str(cell.style)) if cell.style else cell.plain for cell in row]
            for row in rows
        ]
        print_aligned(console, title, header, cells, [name in right for name in header])
        return
    table = _table(title, header)
    for index, name in enumerate(header):
        if name in right:
            table.columns[index].justify = "right"
    for row in rows:
        table.add_row(*row)
    console.print(table)


def _due(
    project: Project, target: str, today: dt.date, window: int, rules: Ranking
) -> tuple[str, Text]:
    return _due_of(project_facts(project), target, today, window, rules)


def _due_of(
    facts: ProjectFacts, target: str, today: dt.date, window: int, rules: Ranking
) -> tuple[str, Text]:
    deadline = facts.deadline_for(target)
    if deadline is None:
        return "—", Text("")
    state = deadline_state(deadline, today, window, rules)
    if state.status in OPEN and not in_report(facts, today):
        # Retired (退库): what was open leaves every list from the retirement date (no 逾期).
        return str(state.due), Text("已退库", style="dim")
    label = LABELS[state.status]
    if state.status == Status.OVERDUE and state.days_waiting:
        label = text(
            "deadline_state.overdue_submitted",
            "zh",
            days=state.days_overdue,
            waiting=state.days_waiting,
        )
    elif state.status == Status.OVERDUE:
        label = text("deadline_state.overdue_days", "zh", days=state.days_overdue)
    elif state.status == Status.AWAITING:
        label = text("deadline_state.awaiting_days", "zh", days=state.days_waiting)
    return str(state.due), Text(label, style=STATUS_STYLE.get(state.status, ""))


def show_project(
    console: Console, project: Project, today: dt.date, window: int, rules: Ranking
) -> None:
    inv = project.investment
    rate = f"{inv.completed_this_year / inv.plan_this_year:.1%}" if inv.plan_this_year else "—"
    console.print(Text.assemble(_plain(project.name, "bold"), f"  ({project.id})"))
    record = [
        ("项目代码", project.code or "—"),
        ("级别", "、".join(project.levels)),
        ("库别", project.pool + (f" ({project.maturity})" if _shows_maturity(project) else "")),
        ("阶段", project.stage),
        ("行业 / 属地", f"{project.industry} / {project.locality}"),
        ("实施主体", project.owner),
        ("包抓领导", project.lead_leader or "—"),
        ("专班", project.task_force.name if project.task_force else "—"),
        (
            "投资 (万元)",
            f"总 {amount(inv.total)}  年度计划 {amount(inv.plan_this_year)}  "
            f"本年完成 {amount(inv.completed_this_year)} ({rate})"
            + (f"  数据期 1-{inv.through_month}月" if (inv.through_month or 0) > 1 else "")
            + ("  数据期 1月" if inv.through_month == 1 else ""),
        ),
        (
            "开工 / 竣工",
            f"{project.schedule.actual_start or '—'} / {project.schedule.actual_completion or '—'}",
        ),
    ]
    if project.retirement is not None:
        retirement = project.retirement
        duplicate = f"；重复录入，同 {retirement.duplicate_of}" if retirement.duplicate_of else ""
        record.insert(
            3,
            (
                "退库",
                f"{retirement.date} {retirement.reason}（审核: {retirement.reviewer}{duplicate}）",
            ),
        )
    grid = Table.grid(padding=(0, 2))
    for key, value in record:
        grid.add_row(Text(key, style="dim"), _plain(value))
    console.print(grid)
    if project.approvals:
        table = _table("审批手续", ["手续", "状态", "文号", "日期"])
        for name, approval in project.approvals.items():
            _add_row(
                table, name, approval.status, approval.permit_no or "", str(approval.date or "")
            )
        console.print(table)
    table = _table("问题清单", ["id", "状态", "问题", "责任单位", "责任人", "时限", "时效"])
    for issue in project.issues:
        due, status = _due(project, issue.id, today, window, rules)
        _add_row(
            table,
            issue.id,
            issue.state,
            issue.title,
            issue.unit or "",
            issue.person or "",
            due,
            status,
        )
    console.print(table)
    table = _table(
        "任务清单", ["id", "状态", "任务", "完成量", "责任单位", "责任人", "时限", "时效"]
    )
    for task in project.tasks:
        due, status = _due(project, task.id, today, window, rules)
        measure = task.measure
        quantity = (
            quantity_done(measure.amount, measure.done, measure.unit) if measure is not None else ""
        )
        _add_row(
            table,
            task.id,
            task.state,
            task.title,
            quantity,
            task.unit,
            task.person or "",
            due,
            status,
        )
    console.print(table)
    table = _table("责任清单", ["id", "角色", "单位", "人员", "职责"])
    for r in project.responsibilities:
        _add_row(table, r.id, r.role, r.unit or "", r.person or "", r.duties)
    console.print(table)
    table = _table("时效清单", ["id", "对象", "时限", "延期", "时效"])
    for deadline in project.deadlines:
        due, status = _due(project, deadline.target, today, window, rules)
        extended = (
            f"原 {deadline.due}, 延 {len(deadline.extensions)} 次" if deadline.extensions else ""
        )
        _add_row(table, deadline.id, deadline.target, due, extended, status)
    console.print(table)


def show_item(
    console: Console,
    project: Project,
    item: Any,
    today: dt.date,
    window: int,
    rules: Ranking,
    lang: Lang = "zh",
) -> None:
    """One item, field by field: in Chinese each field by its name (完成日期, not
    `completed_on`, `field_label`)."""
    console.print(
        Text.assemble(_plain(item.id, "bold"), "  ", _plain(project.name), f" ({project.id})")
    )
    grid = Table.grid(padding=(0, 2))
    for key, value in item.model_dump(mode="json", exclude_none=True).items():
        grid.add_row(Text(field_label(key, lang), style="dim"), Text(_text(value, lang)))
    for line in _late_extensions(item, lang):
        grid.add_row(Text(text("late_extension.label", lang), style="dim"), Text(line))
    due, status = _due(project, item.id, today, window, rules)
    if due != "—":
        grid.add_row(Text("时限", style="dim"), Text.assemble(f"{due} ", status))
    console.print(grid)


def _late_extensions(item: Any, lang: Lang) -> list[str]:
    """Each extension granted after the due date then in force (逾期后延期), with the days
    it was overdue: the extension does not erase them (`ranking.late_extension_counts`)."""
    if not isinstance(item, Deadline):
        return []
    pairs = ((extension.date, extension.new_due) for extension in item.extensions)
    return [
        text("late_extension.line", lang, due=due, days=days, new_due=new_due)
        for due, days, new_due in late_extensions(item.due, pairs)
    ]


def _shows_maturity(project: Project) -> bool:
    """A/B/C is for a project under negotiation (在谈) only."""
    return project.maturity is not None and project.pool == Pool.NEGOTIATING


def _text(value: Any, lang: Lang) -> str:
    """A field's value, escaped: a list one item a line."""
    if isinstance(value, list):
        return "\n".join(_text(v, lang) for v in value) or "—"
    if isinstance(value, dict):
        colon = "：" if lang == "zh" else ": "
        sep = "，" if lang == "zh" else ", "
        return printable(sep.join(f"{field_label(k, lang)}{colon}{v}" for k, v in value.items()))
    return printable(str(value))


def list_projects(
    console: Console,
    projects: list[ProjectFacts],
    today: dt.date,
    window: int,
    rules: Ranking = DEFAULT_RULES,
) -> None:
    rows = []
    for project in projects:
        open_issues = sum(1 for i in project.issues if i.state not in ("已销号", "已撤销"))
        overdue = sum(
            1
            for d in project.deadlines
            if deadline_state(d, today, window, rules).status == Status.OVERDUE
            and in_report(project, today)
        )
        cells = (
            project.id,
            project.name,
            "、".join(project.levels),
            project.pool,
            project.stage,
            project.leader or "",
            str(open_issues),
        )
        rows.append([*map(_plain, cells), Text(str(overdue), style="bold red" if overdue else "")])
    header = ["项目", "名称", "级别", "库别", "阶段", "包抓领导", "未结问题", "逾期"]
    _print_rows(console, f"{len(projects)} 个项目", header, rows, {"未结问题", "逾期"})


def list_items(
    console: Console,
    kind: str,
    rows: list[tuple[ProjectFacts, Any]],
    today: dt.date,
    window: int,
    rules: Ranking,
) -> None:
    """`rows`: (project, item) with the item's facts (`IssueFacts`, `TaskFacts`,
    `DeadlineFacts`)."""
    title = f"{len(rows)} 条" + {"issues": "问题", "tasks": "任务", "deadlines": "时限"}[kind]
    cells: list[list[Text]] = []
    if kind == "deadlines":
        header = ["项目", "id", "对象", "时限", "时效"]
        for project, deadline in rows:
            due, status = _due_of(project, deadline.target, today, window, rules)
            cells.append([*map(_plain, (project.id, deadline.id, deadline.target, due)), status])
    else:
        header = ["项目", "id", "状态", "标题", "责任单位", "责任人", "时限", "时效"]
        if kind == "tasks":
            header.insert(4, "完成量")
        for project, item in rows:
            due, status = _due_of(project, item.id, today, window, rules)
            texts: tuple[str, ...] = (project.id, item.id, item.state, item.title)
            if kind == "tasks":
                measure = item.measure
                texts += (quantity_done(*measure) if measure is not None else "",)
            texts += (item.unit or "",)
            cells.append([*map(_plain, (*texts, item.person or "", due)), status])
    _print_rows(console, title, header, cells, set())

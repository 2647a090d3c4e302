"""`list approvals` in the terminal: one row per project, one column per procedure, each
cell its status over its date and permit number."""

import datetime as dt
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from projledger.compute.facts import ProjectFacts
from projledger.safe_text import printable

NOT_RECORDED = "未登记"
"""The status shown for a procedure the project's file does not list."""


class ApprovalCell:
    """One procedure of one project: status, date (办结日期) and permit number."""

    __slots__ = ("date", "permit_no", "status")

    def __init__(self, status: str, date: dt.date | None, permit_no: str | None) -> None:
        self.status = status
        self.date = date
        self.permit_no = permit_no

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "permit_no": self.permit_no,
        }


def matrix_row(project: ProjectFacts, procedures: tuple[str, ...]) -> list[ApprovalCell]:
    """The project's cells for `procedures`, in that order (未登记 where absent)."""
    recorded = {name: (status, day) for name, status, day in project.approvals}
    permits = dict(project.permits)
    cells = []
    for name in procedures:
        status, day = recorded.get(name, (NOT_RECORDED, None))
        cells.append(ApprovalCell(status, day, permits.get(name)))
    return cells


STATUS_STYLE = {"已办结": "green", "办理中": "yellow", "未办理": "bold", "不涉及": "dim"}


def print_matrix(
    console: Console,
    procedures: tuple[str, ...],
    rows: list[tuple[ProjectFacts, list[ApprovalCell]]],
) -> None:
    table = Table(
        title=f"{len(rows)} 个项目的审批手续",
        title_justify="left",
        header_style="bold",
        show_lines=True,
    )
    table.add_column("项目", overflow="fold")
    for name in procedures:
        table.add_column(name, overflow="fold")
    for project, cells in rows:
        shown = [Text(printable(project.name)), Text(printable(project.id), style="dim")]
        table.add_row(Text("\n").join(shown), *(_cell(cell) for cell in cells))
    console.print(table)


def _cell(cell: ApprovalCell) -> Text:
    if cell.status == "未登记":
        return Text("—", style="dim")
    lines = [Text(cell.status, style=STATUS_STYLE.get(cell.status, ""))]
    if cell.date is not None:
        lines.append(Text(cell.date.isoformat()))
    if cell.permit_no:
        lines.append(Text(printable(cell.permit_no), style="dim"))
    return Text("\n").join(lines)

"""A project that fails to import takes its rows on every sheet with it. The screen says
it once, with how many other rows went with it and on which sheets (it said the same
reason 23 times, once per row, labelled with unrelated sheets); the failed-rows workbook
still holds every row, each pointing at the first."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.helpers import Ledger, run_cli

PROJECT = "laiwu-chengxiang-gongshui-yitihua"


def test_one_line_per_failed_project(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "ledger")
    book = tmp_path / "台账.xlsx"
    assert run_cli("export", "ledger", "-o", book, cwd=ledger.root).returncode == 0
    workbook = openpyxl.load_workbook(book)
    issues = workbook["问题清单"]
    header = [cell.value for cell in issues[2]]
    row = next(r for r in range(3, issues.max_row + 1) if issues.cell(r, 1).value == PROJECT)
    issues.cell(row, header.index("状态") + 1).value = "胡乱状态"
    workbook.save(book)

    result = run_cli("import", book, "--allow-failed-rows", cwd=ledger.root)
    assert result.returncode == 0, result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("✗")]
    assert len(failed) == 1, result.stdout
    assert "胡乱状态" in failed[0]
    follows = result.stdout.splitlines()[result.stdout.splitlines().index(failed[0]) + 1]
    assert "同一项目的其余" in follows and "问题清单" in follows, follows
    others = int(follows.split("其余 ")[1].split(" 行")[0])
    assert f"；{others + 1} 行未导入" in result.stdout

    rejected = openpyxl.load_workbook(tmp_path / "台账-未导入.xlsx")
    reasons = [  # column 2: 原因
        str(row[1])
        for sheet in rejected.worksheets
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if row[1] and "胡乱状态" in str(row[1])
    ]
    assert len(reasons) == others + 1
    assert sum("同一项目未能导入（见工作表 " in reason for reason in reasons) == others

"""`export ledger` and the units' round trip: the ledger as a workbook gives back the same
ledger; a unit's workbook, filled in and imported, is one commit per item authored by the
unit, lists what changed in the ledger meanwhile, and applies nothing the second time."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import MATOUSHAN, SAMPLE_ROOT, Ledger, git, run_cli, run_cli_killed_at_commit

UNIT = "区水务局"
AUTHOR = "区水务局 <swj@example.gov.cn>"


def show_json(root: Path, project: str) -> object:
    result = run_cli("show", project, "--json", "--root", str(root), cwd=root)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_ledger_workbook_gives_back_the_same_ledger(tmp_path: Path) -> None:
    source = Ledger.create(tmp_path / "source")
    book = tmp_path / "台账.xlsx"
    exported = source.cli("export", "ledger", "-o", str(book), "--as-of", "2026-11-20")
    assert exported.returncode == 0, exported.stderr
    sheets = openpyxl.load_workbook(book)
    assert sheets.sheetnames[:5] == ["项目台账", "问题清单", "责任清单", "任务清单", "时效清单"]
    projects = sheets["项目台账"]
    assert [c.value for c in projects[2][:4]] == ["序号", "项目名称", "项目代码", "级别"]
    assert projects.freeze_panes == "C3"  # the header and the project name stay in view
    assert projects.page_setup.orientation == "landscape" and projects.page_setup.paperSize == 9
    assert projects.print_title_rows == "$2:$2"
    assert projects.auto_filter.ref is not None
    total = next(c for c in projects[3] if c.column == 12)
    assert total.data_type == "n" and total.number_format == "General"

    target = tmp_path / "target"
    init = run_cli("init", str(target), cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    shutil.copy(SAMPLE_ROOT / "projledger.yaml", target / "projledger.yaml")
    git(target, "commit", "-qam", "同样的单位和人员")
    imported = run_cli("import", "--lang", "en", str(book), "--today", "2026-11-20", cwd=target)
    assert imported.returncode == 0, imported.stderr
    assert "19 new" in imported.stdout
    for path in sorted((SAMPLE_ROOT / "projects").glob("*.yaml")):
        assert show_json(target, path.stem) == show_json(SAMPLE_ROOT, path.stem), path.stem
    assert run_cli("check", cwd=target).returncode == 0
    # Into the ledger it came from, and again: nothing changes.
    for root in (source.root, target):
        head = git(root, "rev-parse", "HEAD")
        again = run_cli("import", "--lang", "en", str(book), "--today", "2026-11-20", cwd=root)
        assert again.returncode == 0, again.stderr
        assert "nothing to change" in again.stdout
        assert git(root, "rev-parse", "HEAD") == head


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    ledger = Ledger.create(
        tmp_path / "root", projects=[SAMPLE_ROOT / "projects" / f"{MATOUSHAN}.yaml"]
    )
    ledger.edit("name: 马头山水库工程", 'name: \'=HYPERLINK("http://x","y")\'', MATOUSHAN)
    ledger.commit("公式样的名称", "2026-11-20T10:00:00+08:00")
    book = tmp_path / "out.xlsx"
    assert ledger.cli("export", "ledger", "-o", str(book)).returncode == 0
    cell = openpyxl.load_workbook(book)["项目台账"]["B3"]
    assert cell.value == '=HYPERLINK("http://x","y")' and cell.data_type == "s"


@pytest.fixture
def water(tmp_path: Path) -> tuple[Ledger, Path]:
    ledger = Ledger.create(tmp_path / "root")
    book = tmp_path / "区水务局-第47周.xlsx"
    result = ledger.cli("export", "unit", UNIT, "-o", str(book), "--as-of", "2026-11-20")
    assert result.returncode == 0, result.stderr
    return ledger, book


def test_a_unit_workbook_is_protected_with_hidden_versions(water: tuple[Ledger, Path]) -> None:
    ledger, book = water
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames[:2] == ["填报说明", "待办事项"]
    assert workbook["_projledger"].sheet_state == "veryHidden"
    sheet = workbook["待办事项"]
    assert sheet.protection.sheet
    header = [c.value for c in sheet[3]]
    assert header[-3:] == ["项目编号", "事项编号", "文件版本"]
    hidden = sheet.column_dimensions["P"]
    assert hidden.hidden and hidden.min == 16 and hidden.max == 18  # P:R, one range
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert {r[16] for r in rows} == {"T-VTRXEX", "T-Z24R3Y", "T-G335MA"}
    blob = git(ledger.top, "rev-parse", f"HEAD:projects/{MATOUSHAN}.yaml").strip()
    assert {r[17] for r in rows if r[15] == MATOUSHAN} == {blob}
    # The columns to fill in are unlocked as a whole; a task's row locks its 申请核验 cell.
    protections = workbook._protections  # type: ignore[attr-defined]
    unlocked = sheet.column_dimensions["I"]._style  # type: ignore[attr-defined]
    assert protections[unlocked.protectionId].locked is False
    assert sheet["D4"].protection.locked is True and sheet["K4"].protection.locked is True
    assert any("是" in (v.formula1 or "") for v in sheet.data_validations.dataValidation)


def fill(book: Path, target: Path, rows: dict[str, dict[str, object]]) -> Path:
    """Type into the unit's workbook as the unit would: {item id: {column letter: value}}."""
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["待办事项"]
    for row in sheet.iter_rows(min_row=4):
        item = row[16].value
        for letter, value in rows.get(str(item), {}).items():
            sheet[f"{letter}{row[0].row}"] = value
    workbook.save(target)
    return target


def test_the_units_round_trip(water: tuple[Ledger, Path], tmp_path: Path) -> None:
    ledger, book = water
    filled = fill(
        book,
        tmp_path / "filled.xlsx",
        {
            "T-VTRXEX": {"I": "项目建议书初稿完成"},
            "T-Z24R3Y": {"J": 35000},
            "T-G335MA": {"I": "大坝填筑至32米", "N": dt.datetime(2027, 8, 31), "O": "汛期停工"},
        },
    )
    # Meanwhile the clerk records a note on one of the items: that row conflicts.
    ledger.change(
        f"set {MATOUSHAN} T-G335MA.note 坝体填筑至30米",
        project=MATOUSHAN,
        trailer="set",
        item="T-G335MA",
        old=None,
        new="坝体填筑至30米",
    )
    before = ledger.count()
    result = ledger.run(f"import --lang en {filled} --author '{AUTHOR}'", today="2026-11-21")
    # The row in conflict is not applied: the others are, and the import exits 1 saying so.
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        "projledger: error: 1 row(s) not applied, listed above with the reason; the other "
        "rows were applied."
    )
    assert "--allow-failed-rows" in result.stderr and "Traceback" not in result.stderr
    assert ledger.count() == before + 2, "one commit per item applied"
    for offset in (0, 1):
        commit = ledger.show(f"HEAD~{offset}")
        assert commit.author == AUTHOR
        assert commit.trailers["Projledger-Command"] == "import"
        assert len(commit.files) == 1
    assert "T-G335MA" in result.stdout and "坝体填筑至30米" in result.stdout
    assert "大坝填筑至32米" in result.stdout  # both values listed
    assert "2 applied, 0 already in the ledger, 1 not applied" in result.stdout
    data = show_json(ledger.root, "laiwu-wenhe-shuixi-shengtai-zhili")
    task = next(t for t in data["tasks"] if t["id"] == "T-VTRXEX")  # type: ignore[index]
    assert task["note"] == "项目建议书初稿完成"
    water_project = show_json(ledger.root, MATOUSHAN)
    measure = next(t for t in water_project["tasks"] if t["id"] == "T-Z24R3Y")["measure"]  # type: ignore[index]
    assert measure["done"] == 35000
    assert ledger.cli("check").returncode == 0
    # The second time, nothing is applied.
    head = ledger.head()
    again = ledger.run(
        f"import --lang en {filled} --author '{AUTHOR}' --allow-failed-rows", today="2026-11-21"
    )
    assert again.returncode == 0, again.stderr
    assert again.stderr == (
        "projledger: warning: 1 row(s) not applied, listed above with the reason\n"
    )
    assert ledger.head() == head
    assert "0 applied, 2 already in the ledger, 1 not applied" in again.stdout


def test_verification_and_extension_requests_of_issues(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "root")
    book = tmp_path / "自然资源.xlsx"
    assert (
        ledger.cli(
            "export", "unit", "莱芜自然资源分局", "-o", str(book), "--as-of", "2026-11-20"
        ).returncode
        == 0
    )
    filled = fill(
        book,
        tmp_path / "filled.xlsx",
        {
            "I-Q442SQ": {
                "I": "省林业局已受理",
                "N": dt.datetime(2026, 12, 31),
                "O": "等待省厅上会",
            },
        },
    )
    sheet = openpyxl.load_workbook(filled)["待办事项"]
    issue_rows = [r for r in sheet.iter_rows(min_row=4) if r[2].value == "问题"]
    assert issue_rows
    result = ledger.run(
        f"import --lang en {filled} --author '陈明 <chenming@example.gov.cn>'", today="2026-11-21"
    )
    assert result.returncode == 0, result.stderr
    project = show_json(ledger.root, MATOUSHAN)
    deadline = next(d for d in project["deadlines"] if d["target"] == "I-Q442SQ")  # type: ignore[index]
    assert deadline["requests"] == [
        {
            "date": "2026-11-21",
            "new_due": "2026-12-31",
            "reason": "等待省厅上会",
            "by": "济南市自然资源和规划局莱芜分局",
        }
    ]
    assert len(deadline["extensions"]) == 2, "a request changes no due date"
    # 申请核验 moves an issue to 待核验.
    issue = next(r for r in issue_rows if r[16].value != "I-Q442SQ" and r[5].value == "办理中")
    filled2 = fill(
        book,
        tmp_path / "verify.xlsx",
        {str(issue[16].value): {"K": "是", "L": "已完成报批", "M": "批复文号2026-1"}},
    )
    verified = ledger.run(
        f"import --lang en {filled2} --author '陈明 <chenming@example.gov.cn>'", today="2026-11-22"
    )
    assert verified.returncode == 0, verified.stderr
    assert ledger.show().trailers["Projledger-To"] == "待核验"


def test_a_workbook_of_another_unit_is_refused(water: tuple[Ledger, Path], tmp_path: Path) -> None:
    ledger, book = water
    filled = fill(book, tmp_path / "filled.xlsx", {"T-Z24R3Y": {"J": 1}})
    refused = ledger.refused(f"import --lang en {filled} --author '区住建局 <zjj@example.gov.cn>'")
    assert "is the workbook of 莱芜区水务局" in refused
    # A row whose hidden item was edited to another unit's item refuses the whole workbook.
    workbook = openpyxl.load_workbook(filled)
    sheet = workbook["待办事项"]
    sheet["Q5"] = "I-Z6TQ4H"  # 大王庄镇's issue in the same project
    workbook.save(tmp_path / "tampered.xlsx")
    refused = ledger.refused(f"import --lang en {tmp_path / 'tampered.xlsx'} --author '{AUTHOR}'")
    assert "not an item of 莱芜区水务局" in refused


def test_export_units_writes_every_units_workbook(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "root")
    out = tmp_path / "周报"
    result = ledger.cli("export", "units", "--all", "-o", str(out), "--as-of", "2026-11-20")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert "区水务局-2026年第47周.xlsx" in names
    assert len(names) >= 10


def test_a_unit_import_killed_before_a_commit_is_finished_by_the_next(
    water: tuple[Ledger, Path], tmp_path: Path
) -> None:
    """Each item is a change of its own, through the change journal: killed with its first
    item written and not committed, the import run again commits that item as its own
    (authored by the unit), says so, and applies the others; nothing is applied twice."""
    ledger, book = water
    filled = fill(
        book,
        tmp_path / "filled.xlsx",
        {"T-VTRXEX": {"I": "项目建议书初稿完成"}, "T-Z24R3Y": {"J": 35000}},
    )
    head, count = ledger.head(), ledger.count()
    command = ("import", "--lang", "en", str(filled), "--author", AUTHOR, "--today", "2026-11-21")
    run_cli_killed_at_commit(*command, cwd=ledger.root, shims=tmp_path / "shims")
    assert ledger.head() == head and len(ledger.status().splitlines()) == 1
    again = run_cli(*command, cwd=ledger.root)
    assert again.returncode == 0, again.stderr
    interrupted = ledger.show("HEAD~1")
    assert again.stderr == (
        "projledger: note: completed a change that was interrupted before its commit: "
        f"{interrupted.subject} (commit {interrupted.sha[:8]})\n"
    )
    assert interrupted.parents == [head] and interrupted.author == AUTHOR
    assert ledger.show().author == AUTHOR and ledger.count() == count + 2
    assert "1 applied, 1 already in the ledger, 0 not applied" in again.stdout
    assert ledger.status() == ""

"""The Excel import and export speak the ledger's language (issue 18): errors about the
file, the sheet, its header, rows and values, unknown units, the plan and its summary, the
failed-rows workbook and the export's lines. Workbooks, ill-formed on purpose, are built
here; the CLI runs in its own process, in a zh ledger and in an en one."""

import re
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import Ledger

DEFAULTS = (
    "--default level=区级 --default industry=先进制造 --default pool=新建 "
    "--default locality=口镇 --default owner=某公司"
)

ENGLISH_SENTENCE = re.compile(r"(?<![\w./-])[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}")
"""Three English words in a row: in Chinese output, a sentence left untranslated (ids,
paths, option names, codes and column letters are single words)."""


def english_in(text: str) -> list[str]:
    return ENGLISH_SENTENCE.findall(text)


@pytest.fixture(params=["zh", "en"])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Ledger:
    """The sample ledger in git, its `language` zh (as it comes) or en."""
    ledger = Ledger.create(tmp_path / "ledger")
    if request.param == "en":
        config = ledger.root / "projledger.yaml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("language: zh", "language: en"), encoding="utf-8")
        ledger.commit("英文台账", "2026-11-20T15:00:00+08:00")
    return ledger


def language_of(ledger: Ledger) -> str:
    config = (ledger.root / "projledger.yaml").read_text(encoding="utf-8")
    return "en" if "language: en" in config else "zh"


def bad_rows(path: Path) -> Path:
    """A 台账 with one good row and rows that fail for their values: an amount in words,
    a stage nobody declared, two 包抓领导, and a row with no project name."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["项目名称", "总投资（万元）", "年度计划投资", "项目阶段", "包抓领导"])
    sheet.append(["甲项目", 100, 50, "前期研究", "王建国"])
    sheet.append(["乙项目", "十亿", 50, "前期研究", "王建国"])
    sheet.append(["丙项目", 100, 50, "打地基", "王建国"])
    sheet.append(["丁项目", 100, 50, "前期研究", "王建国、李明"])
    sheet.append([None, 100, 50, "前期研究", "王建国"])
    book.save(path)
    return path


def assert_speaks(lang: str, text: str) -> None:
    if lang == "zh":
        assert not english_in(text), english_in(text)
        assert re.search(r"[\u4e00-\u9fff]", text)
    else:
        assert english_in(text), text


def test_rows_that_fail_are_said_in_the_ledgers_language(ledger: Ledger, tmp_path: Path) -> None:
    lang = language_of(ledger)
    result = ledger.run(f"import {bad_rows(tmp_path / '台账.xlsx')} {DEFAULTS}")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert_speaks(lang, result.stdout)
    assert_speaks(lang, result.stderr)
    if lang == "zh":
        assert "汇总：1 行导入 1 个项目（新建 1 个，变更 0 个，无变化 0 个）；4 行未导入" in (
            result.stdout
        )
        assert (
            "✗ 台账.xlsx，工作表 台账，第 3 行：总投资（万元）：「十亿」不是金额" in result.stdout
        )
        assert "「打地基」不是 projledger.yaml 中的阶段" in result.stdout
        assert "王建国、李明：每个项目只有一名包抓领导" in result.stdout
        assert result.stderr.startswith("projledger: 错误：4 行未导入，已连同原因写入 ")
    else:
        assert "summary: 1 row(s) imported into 1 project(s) (1 new" in result.stdout
        assert "'十亿' is not an amount" in result.stdout
        assert result.stderr.startswith("projledger: error: 4 row(s) not imported, listed with")
    failed = openpyxl.load_workbook(tmp_path / "台账-未导入.xlsx")["台账"]
    reasons = [row[1] for row in failed.iter_rows(min_row=2, values_only=True)]
    assert len(reasons) == 4
    for reason in map(str, reasons):
        if lang == "zh":
            assert_speaks(lang, reason)
        else:  # a reason may be short: "no 项目名称 (项目名称)"
            assert re.search(r"\b(?:no|not|is|has)\b", reason), reason


def _not_a_workbook(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    return path


def _html(path: Path) -> Path:
    path.write_bytes(b"<html><body><table><tr><td>1</td></tr></table></body></html>")
    return path


def _empty(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "台账"
    book.save(path)
    return path


def _no_header(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "数据"
    book.active.append(["甲", 1, 2])
    book.active.append(["乙", 3, 4])
    book.save(path)
    return path


def _unknown_unit(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["项目名称", "总投资（万元）", "项目阶段", "包抓领导", "存在问题", "责任单位"])
    sheet.append(["甲项目", 100, "前期研究", "王建国", "用地未批", "城东水务公司"])
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("maker", "name", "zh", "en"),
    [
        (_not_a_workbook, "bad.xlsx", "不是 projledger 能读取的工作簿", "is not a workbook"),
        (_html, "web.xls", "是以工作簿名称保存的网页", "is a web page (HTML)"),
        (_empty, "empty.xlsx", "empty.xlsx：工作表 台账 为空", "empty.xlsx: sheet 台账 is empty"),
        (_no_header, "plain.xlsx", "plain.xlsx，工作表 数据：未找到表头", "no header row found"),
        (
            _unknown_unit,
            "unit.xlsx",
            "表中有 projledger.yaml 未声明的单位：城东水务公司（第 2 行）",
            "does not declare: 城东水务公司 (row 2)",
        ),
    ],
)
def test_a_workbook_refused_is_one_line_in_the_ledgers_language(
    ledger: Ledger, tmp_path: Path, maker: object, name: str, zh: str, en: str
) -> None:
    assert callable(maker)
    lang = language_of(ledger)
    stderr = ledger.refused(f"import {maker(tmp_path / name)} {DEFAULTS}")
    assert stderr.count("\n") == 1
    assert (zh if lang == "zh" else en) in stderr, stderr
    assert_speaks(lang, stderr)


def test_lang_overrides_the_ledgers_language(ledger: Ledger, tmp_path: Path) -> None:
    other = "en" if language_of(ledger) == "zh" else "zh"
    stderr = ledger.refused(f"import {_empty(tmp_path / 'empty.xlsx')} --lang {other}")
    assert_speaks(other, stderr)


def test_export_lines_are_in_the_ledgers_language(ledger: Ledger, tmp_path: Path) -> None:
    lang = language_of(ledger)
    done = ledger.cli("export", "ledger", "-o", str(tmp_path / "台账.xlsx"))
    assert done.returncode == 0, done.stderr
    unit = ledger.cli("export", "unit", "区发改局", "-o", str(tmp_path / "发改.xlsx"))
    assert unit.returncode == 0, unit.stderr
    refused = ledger.cli("export", "unit", "区发改局", "-o", str(tmp_path / "发改.txt"))
    assert refused.returncode == 1
    if lang == "zh":
        assert (
            done.stdout.startswith(f"已写入 {tmp_path / '台账.xlsx'}：") and "个项目" in done.stdout
        )
        assert "莱芜区发展和改革局 的" in unit.stdout
        assert "工作簿的文件名应以 .xlsx 结尾" in refused.stderr
    else:
        assert done.stdout.startswith("wrote ") and " projects" in done.stdout
        assert "of 莱芜区发展和改革局" in unit.stdout
        assert "the workbook's name ends in .xlsx" in refused.stderr


def test_a_units_workbook_refused_is_said_in_the_ledgers_language(
    ledger: Ledger, tmp_path: Path
) -> None:
    lang = language_of(ledger)
    book = tmp_path / "水务局.xlsx"
    made = ledger.cli("export", "unit", "区水务局", "-o", str(book), "--as-of", "2026-11-20")
    assert made.returncode == 0, made.stderr
    # no --author: a unit's report is recorded as the unit's
    stderr = ledger.refused(f"import {book}")
    assert stderr.count("\n") == 1
    assert_speaks(lang, stderr)
    said = "是莱芜区水务局的报送表" if lang == "zh" else "is 莱芜区水务局's report"
    assert said in stderr, stderr
    # --author of another unit: refused, nothing applied
    other = ledger.refused(f"import {book} --author '区住建局 <zjj@example.gov.cn>'")
    assert_speaks(lang, other)

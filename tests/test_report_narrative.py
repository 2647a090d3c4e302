"""The words before the tables (the 通报's text, `report/narrative.py`), the titles and
labels an official writes, and what every format makes of them: the text in each, ids
out of the printed tables, the source out of the heading, Excel's details."""

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest

from projledger.report import period as periods
from projledger.report.period_names import date_range, period_label
from projledger.report.schema import REPORT_JSON_SCHEMA
from tests.helpers import Ledger, run_cli

WEEK = ("report", "weekly", "--week", "2026-W47")
PINYIN_ID = re.compile(r"laiwu-[a-z0-9-]+")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample committed before W47, as this repository's history has it."""
    return Ledger.create(
        tmp_path_factory.mktemp("narrative") / "root", date="2026-11-10T09:00:00+08:00"
    ).root


def out(root: Path, *args: str) -> str:
    result = run_cli(*args, cwd=root)
    assert result.returncode == 0, result.stderr
    return result.stdout


def report_json(root: Path, *args: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(out(root, *args, "--format", "json"))
    return document


def table(report: dict[str, Any], key: str) -> dict[str, Any]:
    return next(t for t in report["tables"] if t["key"] == key)


# --- periods as an official writes them ---------------------------------------------------


@pytest.mark.parametrize(
    ("period", "zh", "en"),
    [
        (
            periods.week("2026-W49"),
            "2026年第49周（11月30日—12月6日）",
            "Week 49 of 2026 (30 November – 6 December)",
        ),
        (
            periods.week("2026-W47"),
            "2026年第47周（11月16日—11月22日）",
            "Week 47 of 2026 (16–22 November)",
        ),
        (
            periods.week("2026-W01"),
            "2026年第1周（2025年12月29日—2026年1月4日）",
            "Week 1 of 2026 (29 December 2025 – 4 January 2026)",
        ),
        (periods.month("2026-11"), "2026年11月份", "November 2026"),
        (periods.quarter("2026-Q4"), "2026年四季度", "Q4 2026"),
        (periods.quarter("2027-Q1"), "2027年一季度", "Q1 2027"),
        (
            periods.dates(dt.date(2026, 11, 1), dt.date(2026, 11, 15)),
            "2026年11月1日—11月15日",
            "1–15 November 2026",
        ),
    ],
)
def test_period_labels(period: periods.Period, zh: str, en: str) -> None:
    assert period_label(period, "zh") == zh
    assert period_label(period, "en") == en


def test_date_range_writes_years_only_when_needed() -> None:
    assert date_range(dt.date(2026, 11, 23), dt.date(2026, 11, 29), "zh") == "11月23日—11月29日"
    assert date_range(dt.date(2026, 12, 28), dt.date(2027, 1, 3), "zh") == (
        "2026年12月28日—2027年1月3日"
    )


# --- the narrative -------------------------------------------------------------------------


def test_weekly_narrative_sections_and_figures(root: Path) -> None:
    report = report_json(root, *WEEK)
    jsonschema.Draft202012Validator(REPORT_JSON_SCHEMA).validate(report)
    narrative = report["narrative"]
    headings = [p["text"] for p in narrative if p["level"] == 1]
    assert headings == [
        "一、总体情况",
        "二、分领域推进情况",
        "三、问题办理情况",
        "四、红黑榜",
        "五、下步工作提示",
    ]
    assert [p["text"] for p in narrative if p["level"] == 2] == [
        "（一）分级别",
        "（二）分类别",
        "（三）分行业领域",
        "（四）分属地",
        "（五）分阶段",  # tests/test_narrative_elements.py
    ]
    figures = {f["key"]: f["value"] for f in report["figures"]}
    lead = narrative[0]["text"]
    assert lead == (
        f"截至11月22日，全区{figures['projects']}个重点项目{figures['data_period']}累计完成投资"
        f"{figures['completed'] / 10_000:.2f}亿元，占年度计划的{figures['completion'] * 100:.1f}%，"
        f"较时间进度落后{-figures['gap']:.1f}个百分点。本周新增逾期事项2项。"
        f"目前逾期事项{figures['overdue_items']}项、临期事项{figures['due_soon_items']}项，"
        f"红灯项目{figures['red_lights']}个、黄灯项目{figures['yellow_lights']}个。"
    )
    text = "".join(p["text"] for p in narrative)
    # 红黑榜 from the ranking: the units with the most overdue items, their counts.
    ranking = table(report, "unit_ranking")["rows"]
    worst = max(ranking, key=lambda r: r["overdue"])
    assert f"黑榜：{worst['unit']}（逾期{worst['overdue']}项）" in text
    # 下步工作提示 from next week's due items.
    upcoming = len(table(report, "next_due")["rows"])
    assert f"下周（11月23日—11月29日）有{upcoming}项事项到期" in text
    # Written as people write: no codes, no ISO weeks, no spaces around numbers.
    assert "milestone:" not in text and "2026-W" not in text
    assert not re.search(r"[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]", text)


def test_english_narrative(root: Path) -> None:
    report = report_json(root, *WEEK, "--lang", "en")
    lead = report["narrative"][0]["text"]
    assert lead.startswith(
        "As of 22 November, the 17 key projects had completed CNY 6.83 billion in Jan–Oct "
        "(some projects Jan–Sep), 78.9% of the annual plan, 4.3 points behind time progress."
    )
    assert next(p["text"] for p in report["narrative"] if p["level"] == 1) == "1. Overview"


def test_monthly_and_quarterly_have_their_sections(root: Path) -> None:
    monthly = report_json(root, "report", "monthly", "--month", "2026-11", "--as-of", "2026-11-20")
    text = "".join(p["text"] for p in monthly["narrative"])
    assert "本月" in text and "下月（12月1日—12月31日）" in text
    quarterly = report_json(
        root, "report", "quarterly", "--quarter", "2026-Q4", "--as-of", "2026-11-20"
    )
    headings = [p["text"] for p in quarterly["narrative"] if p["level"] == 1]
    assert headings == [
        "一、总体情况",
        "二、分领域推进情况",
        "三、问题办理情况",
        "四、红黑榜",
        "五、下步工作提示",
    ]
    assert quarterly["subtitle"] == "2026年四季度"
    assert "属地投资进度排名靠前的是" in "".join(p["text"] for p in quarterly["narrative"])


def test_lists_and_cards_have_no_narrative(root: Path) -> None:
    assert report_json(root, "overdue", "--as-of", "2026-11-20")["narrative"] == []


# --- every format carries it; the printed ones leave ids out --------------------------------


def test_markdown_text_then_printed_tables(root: Path) -> None:
    markdown = out(root, *WEEK, "--format", "md")
    blocks = markdown.split("\n\n")
    assert blocks[:3] == [
        "# 重点项目周调度报告",
        "**2026年第47周（11月16日—11月22日）**",
        "单位：济南市莱芜区发展和改革局 · 期间：2026-11-16 至 2026-11-22 · 截至：2026-11-22",
    ]
    assert blocks[3].startswith("截至11月22日，全区17个重点项目")
    assert "## 一、总体情况" in blocks and "### （一）分级别" in blocks
    assert blocks[-1].startswith("*数据来源：提交 ")
    # Ids only in the appendix: the tables name projects and items.
    appendix = markdown.index("## 项目编号对照")
    assert not PINYIN_ID.search(markdown[:appendix])
    assert "| 省道S242口镇至羊里段改建工程 | 开工节点 |" in markdown


def test_terminal_prints_the_text(root: Path) -> None:
    text = out(root, *WEEK)
    assert text.splitlines()[1] == "2026年第47周（11月16日—11月22日）"
    assert "一、总体情况" in text and text.index("一、总体情况") < text.index("按级别")


def test_html_text_and_print_layout(root: Path) -> None:
    page = out(root, *WEEK, "--format", "html")
    header = page[page.index("<header>") : page.index("</header>")]
    assert "commit" not in header and "2026-W47" not in header
    assert '<p class="subtitle">2026年第47周（11月16日—11月22日）</p>' in header
    assert '<section class="narrative">\n<p>截至11月22日' in page
    assert "<h2>一、总体情况</h2>" in page and "<h3>（一）分级别</h3>" in page
    assert '<footer class="source">数据来源：提交 ' in page
    # The overdue table prints on landscape pages, with the reader's columns.
    title = page.index("<h2>逾期事项</h2>")
    overdue = page[page.rindex("<section", 0, title) : page.index("</section>", title)]
    assert overdue.startswith('<section class="table wide">')
    heads = re.findall(r'<th[^>]*scope="col">([^<]+)</th>', overdue)
    assert heads == ["项目名称", "事项", "责任单位", "责任人", "时限", "逾期天数", "亮灯"]
    # Names and people never wrap; no cell may break anywhere.
    assert '<td class="whole">省道S242口镇至羊里段改建工程</td>' in overdue
    assert '<td class="whole">杜鹏</td>' in overdue
    assert "overflow-wrap: anywhere" not in page
    appendix = page.index("<h2>项目编号对照</h2>")
    body = re.sub(r"<[^>]+>", "", page[:appendix])
    assert not PINYIN_ID.search(body)


def test_xlsx_text_sheet_frozen_names_whole_amounts(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "w47.xlsx"
    out(root, *WEEK, "--format", "xlsx", "-o", str(path))
    book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    assert book.sheetnames[:3] == ["概况", "正文", "按级别"]
    text = book["正文"]
    assert text["A1"].value == "重点项目周调度报告"
    assert text["A2"].value == "2026年第47周（11月16日—11月22日）"
    assert text["A4"].value.startswith("截至11月22日")
    overdue = book["逾期事项"]
    header = [cell.value for cell in overdue[3]]
    assert header[:2] == ["项目名称", "项目编号"]  # the id kept, after the name
    assert overdue.freeze_panes == "B4"  # the name stays in view
    level = book["按级别"]
    assert level["C4"].value == 1_930_000 and level["C4"].number_format == "#,##0"
    for name in book.sheetnames:
        assert len(name) <= 31 and name.count("（") == name.count("）"), name
    english = tmp_path / "en.xlsx"
    out(root, *WEEK, "--format", "xlsx", "--lang", "en", "-o", str(english))
    names = openpyxl.load_workbook(english).sheetnames
    assert "Issues needing a leader's" in names
    assert "Due next week (23–29 November)" in names

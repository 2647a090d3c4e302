"""Every non-HTML output format of a Report, rendered from hand-built reports and read back."""

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile

import jsonschema
import openpyxl
import pytest
from rich.cells import cell_len
from rich.console import Console

from projledger.report.document import (
    JSON_FORMAT_VERSION,
    Column,
    Figure,
    Kind,
    Report,
    Table,
    Value,
)
from projledger.report.render_csv import TableError, render_csv
from projledger.report.render_json import render_json
from projledger.report.render_markdown import render_markdown
from projledger.report.render_terminal import render_terminal
from projledger.report.render_xlsx import display_width, render_xlsx, sheet_name
from projledger.report.schema import REPORT_JSON_SCHEMA
from tests.helpers import REPO, sample_report

LONG_TITLE = "二〇二六年度市级重点项目投资完成情况及问题整改进度明细统计表（按责任单位汇总）"
assert len(LONG_TITLE) > 31


def english_report() -> Report:
    return Report(
        kind="overdue",
        title="Overdue items",
        organisation="Laiwu District Key Projects Office",
        lang="en",
        period_start=None,
        period_end=None,
        as_of=dt.date(2026, 11, 20),
        source="commit 77c1436",
        figures=[Figure("overdue", "Overdue items", 1, Kind.INT)],
        tables=[
            Table(
                key="overdue",
                title="Overdue",
                columns=[
                    Column("id", "Id"),
                    Column("unit", "Unit"),
                    Column("due", "Due", Kind.DATE),
                    Column("light", "Light", Kind.LIGHT),
                ],
                rows=[["I-3", "区住建局", dt.date(2026, 11, 2), "red"]],
            )
        ],
    )


def same_title_report() -> Report:
    columns = [Column("id", "编号"), Column("amount", "金额", Kind.AMOUNT)]
    report = english_report()
    report.tables = [
        Table(key="a", title=LONG_TITLE, columns=columns, rows=[["A", 1.0]]),
        Table(key="b", title=LONG_TITLE, columns=columns, rows=[["B", 2.0]]),
        Table(key="c", title="Q3: [draft] a/b*c?\\d", columns=columns, rows=[]),
        Table(key="d", title="summary", columns=columns, rows=[]),
        Table(key="e", title="'History'", columns=columns, rows=[]),
    ]
    return report


# -- terminal ---------------------------------------------------------------------------


def terminal_text(report: Report, width: int = 160) -> str:
    console = Console(record=True, width=width, color_system=None, file=io.StringIO())
    render_terminal(report, console)
    return console.export_text()


def table_block(text: str, title: str) -> list[str]:
    """The box-drawn lines of the table printed under `title`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == title) + 1
    block = []
    for line in lines[start:]:
        if not line or line[0] not in "┏┃┡│├└":
            break
        block.append(line)
    return block


def bar_positions(line: str) -> list[int]:
    """Display columns of the vertical rules in a table line."""
    return [cell_len(line[:i]) for i, char in enumerate(line) if char in "┃│┏┓┡┩└┘┳╇┴┬┼"]


@pytest.mark.parametrize("width", [160, 120, 100, 80])
def test_terminal_cjk_table_aligns_by_display_width(width: int) -> None:
    text = terminal_text(sample_report(), width)
    block = table_block(text, "项目投资完成情况")
    assert len(block) >= 8  # top rule, header, rule, >= 3 rows, bottom rule
    assert any("莱芜" in line for line in block)
    widths = {cell_len(line) for line in block}
    assert len(widths) == 1, widths
    assert max(widths) <= width
    # Every row has its rules in the same display columns as the header.
    header_bars = bar_positions(block[1])
    assert len(header_bars) == 11  # 10 columns
    for line in block[1:-1]:
        if line[0] in "┃│":
            assert bar_positions(line) == header_bars, line


def test_terminal_content_order_and_values() -> None:
    text = terminal_text(sample_report())
    lines = text.splitlines()
    assert lines[0] == "2026年11月重点项目月报"
    assert "莱芜区重点项目推进办公室" in lines[1] and "2026-11-01 至 2026-11-30" in lines[1]
    assert "截至：2026-11-20" in lines[1] and "commit 77c1436" in lines[1]
    # The warning comes before every figure and table.
    warning = text.index("2 个项目文件有错误")
    assert "projledger check" in text[warning : warning + 80]
    assert warning < text.index("项目总数") < text.index("项目投资完成情况")
    assert text.index("projects/broken-项目.yaml") < text.index("项目总数")
    assert "projects/bad|name.yaml" in text
    assert "仓库没有上月的提交" in text
    # Formatted by format_value: separators, percents, signed points, light labels.
    for shown in ("1,283,847.4", "97.2%", "+13.8", "-4.0", "1,280,000", "51,200.5", "绿灯"):
        assert shown in text, shown
    assert "红灯" in text and "黄灯" in text and "—" in text
    # The note is the caption under the table.
    block = table_block(text, "项目投资完成情况")
    after = lines[lines.index(block[-1]) + 1]
    assert after.strip().startswith("完成率 = 本年完成投资")
    # The empty table shows its note, not an empty grid.
    empty = lines.index("逾期问题")
    assert lines[empty + 1].startswith("截至报告日已超过时限")
    assert not any(line.startswith(("┏", "┃", "│")) for line in lines[empty:])


def test_terminal_numbers_right_aligned_and_ids_unbroken() -> None:
    text = terminal_text(sample_report(), width=100)
    block = table_block(text, "项目投资完成情况")
    # At 100 columns long names wrap, but ids, dates and numbers stay whole on one line.
    assert any("XM-2026-017" in line for line in block)
    assert any("2026-12-15" in line for line in block)
    row = next(line for line in block if "XM-2026-023" in line)
    cells = re.split("[│┃]", row)[1:-1]
    assert cells[7].endswith("0 ") and cells[7].strip() == "0"  # INT right-aligned
    assert cells[3].strip() == "3,200" and cells[3].endswith("3,200 ")
    assert cells[0].startswith(" XM-2026-023")  # text left-aligned


def test_terminal_markup_in_data_is_printed_as_written() -> None:
    report = english_report()
    report.tables[0].rows[0][1] = "[bold]unit[/bold] [red]"
    text = terminal_text(report)
    assert "[bold]unit[/bold] [red]" in text


def test_terminal_english_empty_table_says_none() -> None:
    report = english_report()
    report.tables[0].rows = []
    text = terminal_text(report)
    lines = text.splitlines()
    assert lines[lines.index("Overdue") + 1] == "none"
    assert "As of: 2026-11-20" in lines[1] and "Period" not in lines[1]
    assert "Note" not in text  # no invalid files, no warning panel


# -- Markdown ---------------------------------------------------------------------------


def test_markdown_structure() -> None:
    md = render_markdown(sample_report())
    assert md.endswith("\n") and not md.endswith("\n\n")
    assert md == render_markdown(sample_report())
    blocks = md.split("\n\n")
    assert blocks[0] == "# 2026年11月重点项目月报"
    # The source closes the document: the heading is for the reader.
    assert blocks[1] == (
        "单位：莱芜区重点项目推进办公室 · 期间：2026-11-01 至 2026-11-30 · 截至：2026-11-20"
    )
    warning = blocks[2].split("\n")
    assert warning[0].startswith("> **注意**：2 个项目文件有错误")
    assert warning[2:] == ["> - `projects/broken-项目.yaml`", "> - `projects/bad|name.yaml`"]
    assert blocks[3] == "仓库没有上月的提交，问题流转按本月计。"
    figures = blocks[4].split("\n")
    assert figures[:2] == ["| 指标 | 数值 |", "| --- | ---: |"]
    assert "| 投资完成率 | 97.2% |" in figures
    assert "| 较上月 | +13.8 |" in figures
    assert "| 总体亮灯 | 黄灯 |" in figures
    assert "| 上年同期 | — |" in figures
    assert blocks[5] == "## 项目投资完成情况"
    assert blocks[6] == "*完成率 = 本年完成投资 ÷ 年度计划投资；较上月为百分点。*"
    table = blocks[7].split("\n")
    assert table[1] == "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
    assert table[2] == (
        "| XM-2026-001 | 莱芜经济开发区精品钢绿色转型升级项目 | 区住建局 | 647.4 | 629 | 97.2% "
        "| +13.8 | 2 | 2026-12-15 | 绿灯 |"
    )
    # A pipe and a newline inside a cell stay inside the cell.
    assert "| 雪野湖片区污水管网\\|提标改造<br>（二期） |" in table[3]
    assert "| -4.0 |" in table[3]
    for row in table:
        assert len(re.findall(r"(?<!\\)\|", row)) == 11, row
    assert blocks[8:] == [
        "## 逾期问题",
        "*截至报告日已超过时限、尚未销号的问题。*",
        "*数据来源：commit 77c1436 (工作区有未提交的修改)*\n",
    ]


def test_markdown_english_without_warning_or_period() -> None:
    report = english_report()
    report.tables[0].rows = []
    md = render_markdown(report)
    assert ">" not in md
    assert (
        md.split("\n\n")[1] == "Organisation: Laiwu District Key Projects Office · As of: "
        "2026-11-20"
    )
    assert md.endswith("## Overdue\n\nnone\n\n*Source: commit 77c1436*\n")


# -- CSV --------------------------------------------------------------------------------


def test_csv_values_raw_with_bom_and_crlf() -> None:
    text = render_csv(sample_report(), "projects")
    assert text.startswith("\ufeff") and not text.startswith("\ufeff\ufeff")
    body = text.removeprefix("\ufeff")
    assert body.endswith("\r\n")
    assert body.count("\r\n") == 4  # header and 3 rows; the newline in a cell is quoted
    assert '"雪野湖片区污水管网|提标改造\n（二期）"' in body
    rows = list(csv.reader(io.StringIO(body, newline="")))
    assert rows[0] == [
        "项目编号",
        "项目名称",
        "责任单位",
        "年度计划(万元)",
        "本年完成(万元)",
        "完成率",
        "较上月",
        "未结问题",
        "下一时限",
        "亮灯",
    ]
    assert rows[1] == [
        "XM-2026-001",
        "莱芜经济开发区精品钢绿色转型升级项目",
        "区住建局",
        "647.4",
        "629",
        "0.972",
        "13.8",
        "2",
        "2026-12-15",
        "绿灯",
    ]
    assert rows[2][1] == "雪野湖片区污水管网|提标改造\n（二期）"
    assert rows[2][3:7] == ["1280000", "51200.5", "0.04", "-4"]
    assert rows[3] == ["XM-2026-023", "智慧物流园", "区发改局", "3200", "", "", "", "0", "", "黄灯"]
    assert len(rows) == 4


def test_csv_percent_rounded_and_english_light() -> None:
    report = english_report()
    report.tables[0].columns.append(Column("rate", "Rate", Kind.PERCENT))
    report.tables[0].rows[0].append(0.97234567)
    rows = list(csv.reader(io.StringIO(render_csv(report).removeprefix("\ufeff"))))
    assert rows == [
        ["Id", "Unit", "Due", "Light", "Rate"],
        ["I-3", "区住建局", "2026-11-02", "red", "0.9723"],
    ]


def test_csv_table_choice() -> None:
    report = sample_report()
    with pytest.raises(TableError, match="has 2 tables, and a CSV file holds one"):
        render_csv(report)
    with pytest.raises(TableError, match=r"no table nope.*projects, issues"):
        render_csv(report, "nope")
    assert render_csv(report, "issues") == "\ufeff问题编号,问题,时限,逾期天数\r\n"
    report.tables = []
    with pytest.raises(TableError, match="no table"):
        render_csv(report)


# -- JSON -------------------------------------------------------------------------------


def validate(document: object) -> None:
    validator = jsonschema.Draft202012Validator(
        REPORT_JSON_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(document)


def test_json_document_and_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(REPORT_JSON_SCHEMA)
    text = render_json(sample_report()).decode()
    assert text.endswith("}\n")
    assert "莱芜区" in text  # ensure_ascii=False
    assert '\n  "format": "projledger-report",' in text  # indent=2
    document = json.loads(text)
    validate(document)
    assert document["version"] == JSON_FORMAT_VERSION
    assert document["period"] == {"start": "2026-11-01", "end": "2026-11-30"}
    assert document["as_of"] == "2026-11-20"
    assert document["invalid_files"] == ["projects/broken-项目.yaml", "projects/bad|name.yaml"]
    assert document["figures"][2] == {
        "key": "rate",
        "label": "投资完成率",
        "kind": "percent",
        "value": 0.972,
    }
    assert document["figures"][4]["value"] == "2026-11-30"
    assert document["figures"][6]["value"] is None
    projects = document["tables"][0]
    assert projects["columns"][5] == {"key": "rate", "label": "完成率", "kind": "percent"}
    assert projects["rows"][0] == {
        "id": "XM-2026-001",
        "name": "莱芜经济开发区精品钢绿色转型升级项目",
        "unit": "区住建局",
        "plan": 647.4,
        "done": 629.0,
        "rate": 0.972,
        "change": 13.8,
        "issues": 2,
        "due": "2026-12-15",
        "light": "green",
    }
    assert projects["rows"][1]["name"] == "雪野湖片区污水管网|提标改造\n（二期）"
    assert projects["rows"][2]["done"] is None
    assert document["tables"][1]["rows"] == []
    assert render_json(sample_report()).decode() == text


def test_json_english_validates_with_null_period() -> None:
    document = json.loads(render_json(english_report()))
    validate(document)
    assert document["lang"] == "en"
    assert document["period"] == {"start": None, "end": None}
    assert document["tables"][0]["note"] is None


def test_json_schema_rejects_what_it_should() -> None:
    good = json.loads(render_json(sample_report()))
    for path, bad in [
        (("as_of",), "20.11.2026"),
        (("figures", 2, "value"), "97.2%"),
        (("figures", 0, "value"), 3.5),
        (("figures", 5, "value"), "blue"),
        (("tables", 0, "columns", 0, "kind"), "money"),
        (("version",), JSON_FORMAT_VERSION + 1),
    ]:
        document = json.loads(json.dumps(good))
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = bad
        with pytest.raises(jsonschema.ValidationError):
            validate(document)
    document = json.loads(json.dumps(good))
    document["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


# -- xlsx -------------------------------------------------------------------------------


def workbook(report: Report) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))


def find_row(sheet: object, text: str) -> int:
    for row in sheet.iter_rows():  # type: ignore[attr-defined]
        for cell in row:
            if cell.value == text:
                return int(cell.row)
    raise AssertionError(f"{text!r} not in sheet")


def test_xlsx_summary_sheet() -> None:
    book = workbook(sample_report())
    assert book.sheetnames == ["概况", "项目投资完成情况", "逾期问题"]
    sheet = book["概况"]
    assert sheet["A1"].value == "2026年11月重点项目月报" and sheet["A1"].font.b
    assert [sheet.cell(row, 1).value for row in range(2, 6)] == ["单位", "期间", "截至", "数据来源"]
    assert sheet["B2"].value == "莱芜区重点项目推进办公室"
    assert sheet["B4"].value == dt.datetime(2026, 11, 20) and sheet["B4"].is_date
    warning = find_row(sheet, "projects/broken-项目.yaml")
    assert "2 个项目文件有错误" in sheet.cell(warning - 1, 1).value
    for row in (warning - 1, warning, warning + 1):
        cell = sheet.cell(row, 1)
        assert cell.font.b and cell.font.color.rgb == "FFC00000", row
    assert find_row(sheet, "仓库没有上月的提交，问题流转按本月计。") > warning
    rate = find_row(sheet, "投资完成率")
    assert sheet.cell(rate, 2).value == 0.972
    assert sheet.cell(rate, 2).number_format == "0.0%"
    plan = find_row(sheet, "年度计划投资(万元)")
    assert sheet.cell(plan, 2).number_format == "#,##0.0"
    light = sheet.cell(find_row(sheet, "总体亮灯"), 2)
    assert light.value == "黄灯" and light.fill.fgColor.rgb == "FFFFEB9C"
    assert sheet.cell(find_row(sheet, "上年同期"), 2).value is None
    assert sheet.cell(find_row(sheet, "最近时限"), 2).is_date


def test_xlsx_table_sheet() -> None:
    book = workbook(sample_report())
    sheet = book["项目投资完成情况"]
    assert sheet["A1"].value == "项目投资完成情况" and sheet["A1"].font.b
    assert sheet["A2"].value.startswith("完成率 = ")
    header = [cell.value for cell in sheet[3]]
    assert header[:3] == ["项目编号", "项目名称", "责任单位"] and header[9] == "亮灯"
    assert all(cell.font.b and cell.border.bottom.style == "thin" for cell in sheet[3])
    assert sheet["A3"].fill.fgColor.rgb == "FFD9E1F2"
    assert sheet.freeze_panes == "B4"
    assert sheet.auto_filter.ref == "A3:J6"
    assert sheet.print_title_rows == "$3:$3"
    row = {column: sheet[f"{column}4"] for column in "ABCDEFGHIJ"}
    assert row["A"].value == "XM-2026-001" and row["A"].data_type == "s"
    assert (row["D"].value, row["D"].number_format) == (647.4, "#,##0.0")
    # Whole 万元 without a trailing ".0".
    assert (row["E"].value, row["E"].number_format) == (629.0, "#,##0")
    assert (row["F"].value, row["F"].number_format) == (0.972, "0.0%")
    assert (row["G"].value, row["G"].number_format) == (13.8, "+0.0;-0.0;0.0")
    assert (row["H"].value, row["H"].number_format) == (2, "0")
    assert row["I"].is_date and row["I"].number_format == "yyyy-mm-dd"
    assert row["I"].value == dt.datetime(2026, 12, 15)
    assert row["J"].value == "绿灯" and row["J"].fill.fgColor.rgb == "FFC6EFCE"
    assert sheet["J5"].value == "红灯" and sheet["J5"].fill.fgColor.rgb == "FFFFC7CE"
    assert sheet["G5"].value == -4.0
    assert sheet["B5"].value == "雪野湖片区污水管网|提标改造\n（二期）"
    assert sheet["B5"].alignment.wrap_text
    assert sheet["E6"].value is None and sheet["I6"].value is None
    # Widths follow display width: the CJK name column is wider than the id column,
    # and capped.
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDEFGHIJ"}
    # (XlsxWriter stores the width plus its padding of ~0.7.)
    assert widths["B"] == pytest.approx(
        display_width("莱芜经济开发区精品钢绿色转型升级项目") + 2, abs=1
    )
    assert widths["A"] < widths["B"] <= 50
    # Print: A4, landscape (10 columns), one page wide.
    assert sheet.page_setup.paperSize == 9
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # fitToWidth is left out when 1, its default in OOXML.
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0


def test_xlsx_empty_and_english_tables() -> None:
    book = workbook(sample_report())
    empty = book["逾期问题"]
    assert [cell.value for cell in empty[3]] == ["问题编号", "问题", "时限", "逾期天数"]
    assert empty.max_row == 3
    assert empty.page_setup.orientation == "portrait"
    english = workbook(english_report())
    assert english.sheetnames == ["Summary", "Overdue"]
    sheet = english["Overdue"]
    # No note: the header is row 2.
    assert [cell.value for cell in sheet[2]] == ["Id", "Unit", "Due", "Light"]
    assert sheet.freeze_panes == "B3"
    assert sheet["D3"].value == "red"
    assert english["Summary"]["A3"].value == "As of"  # no period line


def test_xlsx_sheet_names_valid_and_unique() -> None:
    names = workbook(same_title_report()).sheetnames
    assert names[0] == "Summary"
    # Cut at a word: the bracketed part would be cut in half, so it goes whole.
    assert names[1] == LONG_TITLE[: LONG_TITLE.index("（")]
    assert names[2] == LONG_TITLE[:27] + " (2)"
    assert names[3] == "Q3_ _draft_ a_b_c__d"
    assert names[4] == "summary (2)"
    assert names[5] == "History (2)"
    assert len({name.casefold() for name in names}) == len(names)
    for name in names:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name), name


def test_sheet_name_counts_utf16_units() -> None:
    taken: set[str] = set()
    name = sheet_name("😀" * 20, taken)
    assert name == "😀" * 15  # 30 UTF-16 units; a 16th would make 32
    assert sheet_name("😀" * 20, taken) == "😀" * 13 + " (2)"
    assert sheet_name("'  '", taken) == "Sheet"


def test_xlsx_text_is_never_a_formula() -> None:
    report = english_report()
    report.tables[0].rows[0][1] = '=HYPERLINK("http://x")'
    sheet = workbook(report)["Overdue"]
    assert sheet["B3"].data_type == "s" and sheet["B3"].value == '=HYPERLINK("http://x")'


def test_xlsx_bytes_are_deterministic() -> None:
    first = render_xlsx(sample_report())
    time.sleep(1.1)  # a clock with one-second resolution would now differ
    second = render_xlsx(sample_report())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2026-11-20T00:00:00Z" in core
    # Another process, time zone and hash seed: still the same bytes.
    script = (
        "import sys; from tests.helpers import sample_report; "
        "from projledger.report.render_xlsx import render_xlsx; "
        "sys.stdout.buffer.write(render_xlsx(sample_report()))"
    )
    env = dict(os.environ, TZ="America/Los_Angeles", PYTHONHASHSEED="12345")
    other = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, check=True
    ).stdout
    assert other == first
    # And a different report date changes the bytes (the date is really used).
    later = sample_report()
    later.as_of = dt.date(2026, 11, 21)
    assert render_xlsx(later) != first


def test_terminal_long_table_is_plain_aligned_columns() -> None:
    """From LONG_TABLE_ROWS rows the terminal skips rich's Table (seconds per thousand
    rows): the columns still line up by display width, numbers to the right, and every
    row is there."""
    from projledger.report.render_terminal import LONG_TABLE_ROWS

    names = ["马头山水库工程", "Data Center A", "鲁中国际生物谷中药配方颗粒生产基地项目"]
    table = Table(
        "items",
        "逾期事项",
        [
            Column("project", "项目名称"),
            Column("days", "逾期天数", Kind.INT),
            Column("light", "亮灯", Kind.LIGHT),
        ],
        [[names[i % 3], i, "red"] for i in range(LONG_TABLE_ROWS + 5)],
    )
    report = Report(
        "overdue", "逾期事项清单", "莱芜区发改局", "zh", None, None, dt.date(2026, 11, 20), "x"
    )
    report.tables.append(table)
    text = terminal_text(report).splitlines()
    lines = text[text.index("逾期事项") + 1 :]
    assert len(lines) == LONG_TABLE_ROWS + 6  # header and every row
    assert lines[0].split() == ["项目名称", "逾期天数", "亮灯"]
    assert len({cell_len(line.rstrip()) for line in lines[1:]}) == 1
    assert lines[1].startswith(names[0]) and lines[1].rstrip().endswith("红灯")
    # The number column is right-aligned: its last digit sits at the same display column.
    first, last = lines[1], lines[-1]
    assert cell_len(first[: first.index(" 0 ") + 2]) == cell_len(last[: last.index(" 304 ") + 4])


def test_json_rows_one_per_line_whatever_the_text() -> None:
    """Rows are written in chunks by orjson and split onto lines at `},{"first_key":`:
    text that looks like a row boundary, quotes, backslashes and line breaks inside
    cells must not split a row, and more rows than one chunk must all arrive in order."""
    tricky = [
        '},{"id":"X"}',
        '"},{"id":',
        'a\\\\},{\\"id\\":',
        '}\n,{"id":',
        '行一\n行二\t"引号"',
        "},{",
        '{"',
    ]
    rows: list[list[Value]] = [
        [f"ID-{n}", tricky[n % len(tricky)], n, "区住建局", dt.date(2026, 11, 20), "red"]
        for n in range(2600)
    ]
    report = english_report()
    report.tables[0].columns.insert(1, Column("text", "Text"))
    report.tables[0].columns.insert(2, Column("n", "N", Kind.INT))
    report.tables[0].rows = rows
    data = render_json(report)
    keys = ["id", "text", "n", "unit", "due", "light"]
    expected = [dict(zip(keys, [*r[:4], "2026-11-20", r[5]], strict=True)) for r in rows]
    assert json.loads(data)["tables"][0]["rows"] == expected
    row_lines = [line for line in data.decode().splitlines() if line.startswith('        {"id":')]
    assert [json.loads(line.rstrip(",")) for line in row_lines] == expected


def test_json_refuses_nan() -> None:
    report = sample_report()
    report.tables[0].rows[0][5] = float("nan")
    with pytest.raises(ValueError, match="NaN in column 'rate'"):
        render_json(report)

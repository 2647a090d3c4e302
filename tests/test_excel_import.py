"""`projledger import` of a 台账: a hand-made sheet as offices keep them (title rows,
merged two-row headers, subtotals, 亿元 and 万元, dates in every form, a cell of several
problems, a row that cannot be imported), re-imports, updates, and hostile workbooks.
Every workbook is built here (XlsxWriter, openpyxl, xlwt); no binary fixture."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import shlex
import signal
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from tests.helpers import TODAY, Ledger, cli_env, git, run_cli_killed_at_commit

DEFAULTS = "--default level=区级 --default industry=先进制造"


def write_taizhang(path: Path, *, completed: float = 35160, extra_problem: bool = False) -> Path:
    """The 台账 of the issue: title and 截至 rows, a header over two rows with merged
    cells, a section heading, a project whose cells are merged over its two problem rows,
    亿元 and 万元, dates as 2026/3/5, 2026.3.5, 2026年3月5日, 3月底, 2026-03-05 and an Excel
    serial, a subtotal, a blank row, and a row with an undeclared stage."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    sheet = book.add_worksheet("台账")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.merge_range("A1:R1", "2026年莱芜区重点项目推进台账")
    sheet.write("A2", "截至10月底")
    for col, label in enumerate(
        ["序号", "项目名称", "项目代码", "建设内容", "建设地点", "项目单位"]
    ):
        sheet.merge_range(2, col, 3, col, label)
    sheet.merge_range(2, 6, 2, 8, "投资情况")
    sheet.write(3, 6, "总投资（亿元）")
    sheet.write(3, 7, "2026年计划投资（万元）")
    sheet.write(3, 8, "1-10月完成投资（万元）")
    rest = [
        "完成率",
        "计划开工",
        "项目阶段",
        "存在问题",
        "责任单位",
        "责任人",
        "包抓领导",
        "完成时限",
        "备注",
    ]
    for col, label in enumerate(rest, start=9):
        sheet.merge_range(2, col, 3, col, label)
    sheet.merge_range("A5:R5", "一、续建项目")
    # Row 6-7: one project over two problem rows (its cells merged), 亿元 as text.
    project = [
        1,
        "精品钢绿色转型项目",
        "2024-370116-31-03-015821",
        "转型升级",
        "高庄街道",
        "山东钢铁股份有限公司莱芜分公司",
        "12.8",
        42000,
        completed,
        0.837,
        "2024/10/28",
        "已完成用地保障",
    ]
    for col, value in enumerate(project):
        sheet.merge_range(5, col, 6, col, value)
    sheet.write_string(5, 12, "1.厂区周边居民征迁；2.配套供电线路迁改")
    sheet.write_string(5, 13, "1.高庄街道；2.供电公司")
    sheet.write_string(5, 14, "1.张伟；2.马强")
    sheet.merge_range(5, 15, 6, 15, "王建国")
    sheet.write_string(5, 16, "1.2026年12月31日；2.12月底")
    sheet.merge_range(5, 17, 6, 17, '=HYPERLINK("http://example.com","点我")')
    sheet.write_string(6, 12, "环评批复待办理")
    sheet.write_string(6, 13, "生态环境局")  # a 简称 variant of 济南市生态环境局莱芜分局
    sheet.write_string(6, 14, "刘洋（科长）")
    sheet.write_number(6, 16, 46387)  # 2026-12-31 as an Excel serial
    row = [
        "2",
        "马头山水库工程",
        "2023-370116-76-01-009354",
        "新建中型水库",
        "大王庄镇",
        "济南市莱芜区水利工程建设服务中心",
        18.1,
        60000,
        "27,500",
        None,
        "2023.12.26",
        "还需要用地保障",
        "林地审核同意书待批复",
        "区自然资源局",
        "陈明",
        "杨帆",
        "2026-11-30",
        "<script>alert(1)</script>",
    ]
    sheet.write_row(7, 0, row)
    if extra_problem:
        sheet.write_string(7, 12, "1.林地审核同意书待批复；2.移民安置房交付")
        sheet.write_string(7, 16, "1.2026-11-30；2.2027年3月底")
    sheet.merge_range("A9:R9", "二、新建项目")
    sheet.write_row(
        9,
        0,
        [
            3,
            "高新区智能制造标准厂房",
            None,
            "标准厂房10万平方米",
            "高新区",
            "莱芜高新投资公司",
            "5000万元",
            3000,
            "1200",
        ],
    )
    sheet.write_datetime(9, 10, dt.datetime(2026, 3, 5), day)
    sheet.write_row(9, 11, ["前期研究", "用地指标未落实", "发改局", "孙丽娟", "赵志刚", "3月底"])
    sheet.write_row(
        10,
        0,
        [
            4,
            "人才公寓（二期）",
            None,
            "人才公寓",
            "凤城街道",
            "区城投",
            2.5,
            5000,
            100,
            None,
            "2026.3.5",
            "主体施工",
            None,
            None,
            None,
            "崔凯",
        ],
    )
    sheet.write_row(11, 0, ["合计", None, None, None, None, None, 41.4, 110000, 63960])
    sheet.write_row(
        13,
        0,
        [
            5,
            "鲁中啤酒智慧仓储物流项目",
            None,
            "冷链仓储",
            "羊里街道",
            "鲁中啤酒",
            0.85,
            2000,
            0,
            None,
            "2026年3月5日",
            "前期研究",
            None,
            None,
            None,
            "王建国",
            None,
            "=cmd|' /C calc'!A0",
        ],
    )
    book.close()
    return path


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger.create(tmp_path / "root", projects=[])


def yaml_of(ledger: Ledger, project: str) -> dict[str, Any]:
    import yaml

    loaded: dict[str, Any] = yaml.safe_load(ledger.file(project).read_text(encoding="utf-8"))
    return loaded


def test_a_taizhang_imports_checks_clean_and_imports_again_with_no_change(
    ledger: Ledger, tmp_path: Path
) -> None:
    sheet = write_taizhang(tmp_path / "台账.xlsx")
    before = ledger.count()
    result = ledger.run(f"import --lang en {sheet} {DEFAULTS}")
    # One row fails: the others are committed, and the import exits 1 saying so.
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        f"projledger: error: 1 row(s) not imported, listed with the reason in "
        f"{tmp_path / '台账-未导入.xlsx'}; the other rows were imported. To finish, correct "
        "them and import again; pass --allow-failed-rows when failed rows are expected\n"
    )
    assert ledger.count() == before + 1, "one commit"
    commit = ledger.show()
    assert commit.trailers["Projledger-Command"] == "import"
    assert sorted(f.split("\t")[1] for f in commit.files) == sorted(
        f"projects/{name}.yaml"
        for name in (
            "jingpin-gang-lvse-zhuanxing",
            "matoushan-shuiku",
            "gaoxinqu-zhineng-zhizao",
            "luzhong-pijiu-zhihui-cangchu",
        )
    )
    check = ledger.cli("check")
    assert check.returncode == 0, check.stdout
    assert "未发现问题" in check.stdout  # no findings, in the ledger's language
    # The summary counts every row: 5 imported, 1 failed, 1 subtotal, 2 sections, 1 blank.
    assert "5 row(s) imported into 4 project(s) (4 new, 0 changed, 0 unchanged); 1 failed" in (
        result.stdout
    )
    assert "skipped: 1 blank, 2 section heading, 1 subtotal" in result.stdout

    assert_what_the_sheet_says(ledger)

    # The row that failed is in the failed-rows workbook, with its reason.
    failed = openpyxl.load_workbook(tmp_path / "台账-未导入.xlsx")["台账"]
    rows = list(failed.iter_rows(values_only=True))
    assert rows[0][:3] == ("原行号", "原因", "序号")
    assert rows[1][0] == 11 and "主体施工" in rows[1][1] and rows[1][3] == "人才公寓（二期）"
    assert len(rows) == 2

    # Again, failed rows expected: nothing changes, no commit, exit 0 with a warning.
    head = ledger.head()
    again = ledger.run(f"import --lang en {sheet} {DEFAULTS} --allow-failed-rows")
    assert again.returncode == 0, again.stderr
    assert again.stderr.startswith("projledger: warning: 1 row(s) not imported, listed with")
    assert ledger.head() == head
    assert "nothing to change" in again.stdout
    assert ledger.status() == ""

    # Round trip: the ledger exported as a workbook and imported back changes nothing.
    exported = tmp_path / "导出.xlsx"
    assert ledger.cli("export", "ledger", "-o", str(exported)).returncode == 0
    back = ledger.run(f"import --lang en {exported}")
    assert back.returncode == 0, back.stderr
    assert "(0 new, 0 changed, 4 unchanged); 0 failed" in back.stdout
    assert ledger.head() == head


def assert_what_the_sheet_says(ledger: Ledger) -> None:
    """The projects hold what write_taizhang's sheet says."""
    steel = yaml_of(ledger, "jingpin-gang-lvse-zhuanxing")
    assert steel["investment"] == {  # 1-10月完成投资: a figure for its months (数据期)
        "year": 2026,
        "total": 128000,
        "plan_this_year": 42000,
        "completed_this_year": 35160,
        "updated": dt.date.fromisoformat(TODAY),
        "through_month": 10,
        "series": [{"through": 10, "completed": 35160, "reported": dt.date.fromisoformat(TODAY)}],
    }
    assert steel["pool"] == "续建" and steel["levels"] == ["区级"]  # the section heading
    titles = [(i["title"], i["unit"], i["person"], i["state"]) for i in steel["issues"]]
    assert titles == [
        ("厂区周边居民征迁", "高庄街道", "张伟", "已交办"),
        ("配套供电线路迁改", "国网济南市莱芜区供电公司", "马强", "已交办"),
        ("环评批复待办理", "济南市生态环境局莱芜分局", "刘洋", "已交办"),
    ]
    assert {i["raised"] for i in steel["issues"]} == {dt.date(2026, 10, 31)}  # 截至10月底
    due = {d["target"]: d["due"] for d in steel["deadlines"]}
    issue_ids = [i["id"] for i in steel["issues"]]
    assert [due[i] for i in issue_ids] == [dt.date(2026, 12, 31)] * 3
    assert due["milestone:开工"] == dt.date(2024, 10, 28)
    assert steel["note"] == '=HYPERLINK("http://example.com","点我")'  # text, never run

    water = yaml_of(ledger, "matoushan-shuiku")
    assert water["investment"]["total"] == 181000  # 18.1 亿元, exactly (18.1 * 10000 is not)
    assert water["investment"]["completed_this_year"] == 27500  # "27,500" as text
    assert water["note"] == "<script>alert(1)</script>"
    assert {d["target"]: d["due"] for d in water["deadlines"]}["milestone:开工"] == dt.date(
        2023, 12, 26
    )
    factory = yaml_of(ledger, "gaoxinqu-zhineng-zhizao")
    assert factory["pool"] == "新建" and factory["investment"]["total"] == 5000
    assert factory["issues"][0]["unit"] == "莱芜区发展和改革局"  # 发改局
    assert {d["target"]: d["due"] for d in factory["deadlines"]} == {
        factory["issues"][0]["id"]: dt.date(2026, 3, 31),  # 3月底 in the title's year
        "milestone:开工": dt.date(2026, 3, 5),
    }
    beer = yaml_of(ledger, "luzhong-pijiu-zhihui-cangchu")
    assert beer["investment"]["total"] == 8500
    assert beer["note"] == "=cmd|' /C calc'!A0"


def test_an_updated_sheet_updates_what_changed_as_one_commit(
    ledger: Ledger, tmp_path: Path
) -> None:
    first = write_taizhang(tmp_path / "v1.xlsx")
    assert ledger.run(f"import --lang en {first} {DEFAULTS} --allow-failed-rows").returncode == 0
    steel = yaml_of(ledger, "jingpin-gang-lvse-zhuanxing")
    updated = write_taizhang(tmp_path / "v2.xlsx", completed=38000, extra_problem=True)
    count = ledger.count()
    dry = ledger.run(f"import --lang en {updated} {DEFAULTS} --dry-run")
    assert dry.returncode == 1, "a row would fail: a dry run says so as the import would"
    assert "1 row(s) not imported, listed above (dry run: nothing written)" in dry.stderr
    assert "~ investment.completed_this_year: 35160 → 38000" in dry.stdout
    assert "移民安置房交付" in dry.stdout
    assert ledger.count() == count and ledger.status() == ""
    result = ledger.run(f"import --lang en {updated} {DEFAULTS} --allow-failed-rows")
    assert result.returncode == 0, result.stderr
    assert ledger.count() == count + 1
    assert sorted(ledger.show().files) == [
        "M\tprojects/jingpin-gang-lvse-zhuanxing.yaml",
        "M\tprojects/matoushan-shuiku.yaml",
    ]
    now = yaml_of(ledger, "jingpin-gang-lvse-zhuanxing")
    assert now["investment"]["completed_this_year"] == 38000
    assert [i["id"] for i in now["issues"]] == [i["id"] for i in steel["issues"]]  # by title
    water = yaml_of(ledger, "matoushan-shuiku")
    assert [i["title"] for i in water["issues"]] == ["林地审核同意书待批复", "移民安置房交付"]


def test_unknown_units_are_refused_or_declared_in_the_same_commit(
    ledger: Ledger, tmp_path: Path
) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "序号,项目名称,总投资（万元）,项目阶段,存在问题,责任单位,责任人,完成时限,包抓领导\n"
        "1,城东污水处理厂,5000,前期研究,管网接入,城东水务公司,钱多多,2026-12-31,王建国\n",
        encoding="gb18030",  # as Excel in China saves a CSV
    )
    more = f"{DEFAULTS} --default pool=新建 --default locality=口镇 --default owner=城东公司"
    refused = ledger.refused(f"import --lang en {path} {more}")
    assert "does not declare: 城东水务公司 (row 2)" in refused
    assert "--declare" in refused
    result = ledger.run(f"import --lang en {path} {more} --declare")
    assert result.returncode == 0, result.stderr
    commit = ledger.show()
    assert sorted(commit.files) == [
        "A\tprojects/chengdong-wushui-chulichang.yaml",
        "M\tprojledger.yaml",
    ]
    config = (ledger.root / "projledger.yaml").read_text(encoding="utf-8")
    assert "{name: 城东水务公司}" in config and "{name: 钱多多, unit: 城东水务公司}" in config
    assert ledger.cli("check").returncode == 0


def test_required_fields_the_sheet_lacks_are_named(ledger: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "bare.csv"
    path.write_text("项目名称,总投资（万元）,包抓领导\n城西物流园,3000,王建国\n", encoding="utf-8")
    refused = ledger.refused(f"import --lang en {path}")
    for named in (
        "级别 (levels)",
        "库别 (pool)",
        "行业领域 (industry)",
        "项目阶段 (stage)",
        "--default",
    ):
        assert named in refused
    result = ledger.run(
        f"import --lang en {path} {DEFAULTS} --default pool=新建 --default locality=凤城街道 "
        "--default owner=城西公司 --default stage=前期研究"
    )
    assert result.returncode == 0, result.stderr
    assert yaml_of(ledger, "chengxi-wuliuyuan")["pool"] == "新建"


def test_a_mapping_file_reads_another_layout(ledger: Ledger, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "清单"
    sheet.append(["说明：本表金额单位为亿元"])
    sheet.append(["名称", "建设单位名称", "投资额", "形象进度", "所在区域"])
    sheet.append(["城南学校", "区教体局", 0.3, "手续办理中", "凤城街道"])
    path = tmp_path / "清单.xlsx"
    book.save(path)
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "header_rows: [2]\namount_unit: 亿元\n"
        "columns: {建设单位名称: owner, 投资额: total, 形象进度: stage, 所在区域: locality}\n"
        "values: {stage: {手续办理中: 前期研究}}\n"
        "defaults: {level: 区级, pool: 新建, industry: 社会事业, leader: 崔凯}\n",
        encoding="utf-8",
    )
    result = ledger.run(f"import --lang en {path} --mapping {mapping}")
    assert result.returncode == 0, result.stderr
    school = yaml_of(ledger, "chengnan-xuexiao")
    assert school["investment"]["total"] == 3000 and school["stage"] == "前期研究"
    assert school["owner"] == "区教体局"


def test_an_xls_workbook_with_merged_cells_imports(ledger: Ledger, tmp_path: Path) -> None:
    import xlwt  # type: ignore[import-untyped]

    book = xlwt.Workbook()
    sheet = book.add_sheet("台账")
    sheet.write_merge(0, 0, 0, 4, "2026年重点项目台账")
    for col, label in enumerate(["项目名称", "总投资（亿元）", "项目阶段", "存在问题", "包抓领导"]):
        sheet.write(1, col, label)
    sheet.write_merge(2, 3, 0, 0, "城北供热管网")
    sheet.write_merge(2, 3, 1, 1, 1.23)
    sheet.write_merge(2, 3, 2, 2, "前期研究")
    sheet.write(2, 3, "用地未报批")
    sheet.write(3, 3, "资金缺口")
    sheet.write_merge(2, 3, 4, 4, "杨帆")
    path = tmp_path / "台账.xls"
    book.save(str(path))
    result = ledger.run(
        f"import --lang en {path} {DEFAULTS} --default pool=新建 --default locality=凤城街道 "
        "--default owner=热力公司"
    )
    assert result.returncode == 0, result.stderr
    project = yaml_of(ledger, "chengbei-gongre-guanwang")
    assert project["investment"]["total"] == 12300
    assert [(i["title"], i["category"]) for i in project["issues"]] == [
        ("用地未报批", "用地"),
        ("资金缺口", "资金"),
    ]


# --- 进展情况: words of progress, not a stage ------------------------------------------------

NEW_PROJECT = f"{DEFAULTS} --default pool=新建 --default locality=凤城街道 --default owner=城投公司"


def test_free_text_progress_beside_a_stage_column_is_the_projects_progress(
    ledger: Ledger, tmp_path: Path
) -> None:
    path = tmp_path / "进展.csv"
    path.write_text(
        "项目名称,总投资（万元）,项目阶段,进展情况,包抓领导\n"
        "城东污水处理厂,5000,前期研究,已完成可研编制，正在办理用地预审,王建国\n"
        '城西物流园,3000,开工,"已完成主体结构施工，\n正在进行装修",王建国\n',
        encoding="utf-8",
    )
    result = ledger.run(f"import --lang en {path} {NEW_PROJECT}")
    assert result.returncode == 0, result.stderr
    sewage = yaml_of(ledger, "chengdong-wushui-chulichang")
    assert sewage["stage"] == "前期研究"
    assert sewage["current_progress"] == "已完成可研编制，正在办理用地预审"
    depot = yaml_of(ledger, "chengxi-wuliuyuan")
    assert depot["stage"] == "开工"
    assert depot["current_progress"] == "已完成主体结构施工，\n正在进行装修"
    assert ledger.cli("check").returncode == 0
    card = ledger.cli("report", "project", "chengxi-wuliuyuan")
    assert card.returncode == 0 and "进展情况" in card.stdout, card.stderr
    # The next week's sheet says more: the progress is replaced (git keeps the old words).
    path.write_text(
        path.read_text(encoding="utf-8").replace("正在办理用地预审", "用地预审已批复"),
        encoding="utf-8",
    )
    again = ledger.run(f"import --lang en {path} {NEW_PROJECT} --dry-run")
    assert again.returncode == 0, again.stderr
    was, now = "已完成可研编制，正在办理用地预审", "已完成可研编制，用地预审已批复"
    assert f"~ current_progress: {was} → {now}" in again.stdout
    # Exported and imported back: the same progress.
    exported = tmp_path / "导出.xlsx"
    assert ledger.cli("export", "ledger", "-o", str(exported)).returncode == 0
    header = [c.value for c in openpyxl.load_workbook(exported)["项目台账"][2]]
    assert header[header.index("项目阶段") + 1] == "进展情况"
    back = ledger.run(f"import --lang en {exported}")
    assert back.returncode == 0, back.stderr
    assert "(0 new, 0 changed, 2 unchanged); 0 failed" in back.stdout
    # A workbook exported before the column existed is read without it.
    book = openpyxl.load_workbook(exported)
    book["项目台账"].delete_cols(header.index("进展情况") + 1)
    book.save(tmp_path / "旧版导出.xlsx")
    older = ledger.run(f"import --lang en {tmp_path / '旧版导出.xlsx'}")
    assert older.returncode == 0, older.stderr
    assert "(0 new, 0 changed, 2 unchanged); 0 failed" in older.stdout


def test_a_sheet_with_only_free_text_progress_needs_the_stage_elsewhere(
    ledger: Ledger, tmp_path: Path
) -> None:
    """进展情况 alone, in words: not a stage (before, its rows failed as undeclared
    stages); the stage comes from --default, or the import is refused naming it."""
    path = tmp_path / "进展.csv"
    path.write_text(
        "项目名称,总投资（万元）,进展情况,包抓领导\n"
        "城南学校,3000,已完成主体结构施工，正在进行装修,王建国\n",
        encoding="utf-8",
    )
    refused = ledger.refused(f"import --lang en {path} {NEW_PROJECT}")
    assert "项目阶段 (stage)" in refused and "--default" in refused
    result = ledger.run(f"import --lang en {path} {NEW_PROJECT} --default stage=开工")
    assert result.returncode == 0, result.stderr
    school = yaml_of(ledger, "chengnan-xuexiao")
    assert school["stage"] == "开工"
    assert school["current_progress"] == "已完成主体结构施工，正在进行装修"


def test_a_progress_column_of_stages_is_the_stage(ledger: Ledger, tmp_path: Path) -> None:
    """进展情况 whose every cell is a declared stage (or one the mapping maps to one) is the
    stage column, and the output says so; a mapping file naming the column decides."""
    path = tmp_path / "阶段.csv"
    path.write_text(
        "项目名称,总投资（万元）,进展情况,包抓领导\n"
        "城北供热管网,3000,前期研究,王建国\n"
        "城北公园,2000,手续办理中,王建国\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "map.yaml"
    mapping.write_text("values: {stage: {手续办理中: 前期研究}}\n", encoding="utf-8")
    result = ledger.run(f"import --lang en {path} {NEW_PROJECT} --mapping {mapping} --dry-run")
    assert result.returncode == 0, result.stderr
    assert "note: column 进展情况 holds stages only: read as 项目阶段 (stage)" in result.stdout
    result = ledger.run(f"import --lang en {path} {NEW_PROJECT} --mapping {mapping}")
    assert result.returncode == 0, result.stderr
    heating = yaml_of(ledger, "chengbei-gongre-guanwang")
    assert heating["stage"] == "前期研究" and "current_progress" not in heating
    assert yaml_of(ledger, "chengbei-gongyuan")["stage"] == "前期研究"
    # A mapping that names the column keeps it as words of progress.
    mapping.write_text("columns: {进展情况: progress}\n", encoding="utf-8")
    kept = ledger.run(
        f"import --lang en {path} {NEW_PROJECT} --default stage=开工 --mapping {mapping}"
    )
    assert kept.returncode == 0, kept.stderr
    assert yaml_of(ledger, "chengbei-gongre-guanwang")["current_progress"] == "前期研究"


def test_progress_set_by_hand_goes_where_the_model_puts_it(tmp_path: Path) -> None:
    """`set PROJECT current_progress …` (as any new key of the record) goes after the
    record's keys before it, not at the end of the file."""
    ledger = Ledger.create(tmp_path / "root")
    result = ledger.run("set laiwu-matoushan-shuiku current_progress 大坝填筑至32米")
    assert result.returncode == 0, result.stderr
    lines = ledger.text("laiwu-matoushan-shuiku").splitlines()
    at = lines.index("current_progress: 大坝填筑至32米")
    assert lines[at - 1].startswith("description: ") and lines[at + 1] == ""


# --- hostile workbooks: one line naming the file, exit 1, no traceback ---------------------


def _minimal_xlsx(path: Path, sheet_xml: str) -> Path:
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
            '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
            '.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml'
            '/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _million_rows(path: Path) -> Path:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 1_000_001))
    return _minimal_xlsx(
        path,
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main"><sheetData>{rows}</sheetData></worksheet>',
    )


def _formulas_without_values(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["项目名称", "总投资", "年度计划投资", "项目阶段"])
    sheet.append(["测试项目", "=C2*2", 100, "前期研究"])
    book.save(path)
    return path


def _block_merge(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("台账")
    sheet.write_row(0, 0, ["项目名称", "总投资（万元）", "年度计划投资", "项目阶段"])
    sheet.write_row(1, 0, ["甲项目", 100, 50, "前期研究"])
    sheet.write_row(2, 0, ["乙项目", 200, 60, "前期研究"])
    sheet.merge_range("B2:C3", 100)
    book.close()
    return path


def _no_header(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(["甲", 1, 2])
    sheet.append(["乙", 3, 4])
    book.save(path)
    return path


def _empty(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "台账"
    book.save(path)
    return path


def _encrypted(path: Path) -> Path:
    # An encrypted .xlsx is an OLE compound file holding an EncryptedPackage stream.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 4096)
    return path


def _html(path: Path) -> Path:
    path.write_text("<html><body><table><tr><td>项目名称</td></tr></table></body></html>")
    return path


def _not_a_workbook(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    return path


def _zero_bytes(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("maker", "name", "said"),
    [
        (_not_a_workbook, "bad.xlsx", "is not a workbook projledger can read"),
        (_html, "web.xls", "is a web page (HTML)"),
        (_encrypted, "secret.xlsx", "is protected by a password"),
        (_zero_bytes, "zero.xlsx", "is empty (0 bytes)"),
        (_empty, "empty.xlsx", "empty.xlsx: sheet 台账 is empty"),
        (_million_rows, "huge.xlsx", "huge.xlsx, sheet 台账 has more than 100,000 rows"),
        (_formulas_without_values, "formulas.xlsx", "sheet 台账, cell B2: a formula saved without"),
        (_block_merge, "merged.xlsx", "sheet 台账, cells B2:C3: merged across several rows"),
        (_no_header, "plain.xlsx", "plain.xlsx, sheet 数据: no header row found"),
    ],
)
def test_a_hostile_workbook_is_one_line_and_exit_1(
    ledger: Ledger, tmp_path: Path, maker: Any, name: str, said: str
) -> None:
    path = maker(tmp_path / name)
    stderr = ledger.refused(f"import --lang en {path} {DEFAULTS}")
    assert said in stderr, stderr
    assert stderr.count("\n") == 1


def test_a_row_merged_across_fields_fails_alone(ledger: Ledger, tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "row.xlsx"))
    sheet = book.add_worksheet("台账")
    sheet.write_row(0, 0, ["项目名称", "总投资（万元）", "年度计划投资", "项目阶段", "包抓领导"])
    sheet.write_row(1, 0, ["甲项目", 100, 50, "前期研究", "王建国"])
    sheet.write_row(2, 0, ["乙项目"])
    sheet.merge_range("B3:D3", "暂缓实施")
    sheet.write(2, 4, "王建国")
    book.close()
    result = ledger.run(
        f"import --lang en {tmp_path / 'row.xlsx'} {DEFAULTS} --default pool=新建 "
        "--default locality=口镇 --default owner=某公司"
    )
    assert result.returncode == 1, result.stderr
    assert "1 row(s) not imported" in result.stderr and "Traceback" not in result.stderr
    assert "row 3: cells B3:D3 are merged across columns of different fields" in result.stdout
    assert (ledger.root / "projects" / "jia.yaml").exists() or "jia" in result.stdout


def test_timing_of_a_million_rows_is_bounded(ledger: Ledger, tmp_path: Path) -> None:
    import time

    path = _million_rows(tmp_path / "huge.xlsx")
    started = time.monotonic()
    result = ledger.cli("import", "--lang", "en", str(path))
    assert result.returncode == 1
    assert time.monotonic() - started < 20


def test_git_history_of_an_import_names_the_source(ledger: Ledger, tmp_path: Path) -> None:
    sheet = write_taizhang(tmp_path / "台账.xlsx")
    assert ledger.run(f"import --lang en {sheet} {DEFAULTS} --allow-failed-rows").returncode == 0
    body = git(ledger.top, "log", "-1", "--format=%B")
    assert "Projledger-Source: 台账.xlsx" in body


# --- killed between writing its files and its commit: the change journal -----------------


def killed_at_commit(ledger: Ledger, tmp_path: Path, command: str) -> None:
    """`projledger COMMAND` killed after writing its files, before its commit."""
    run_cli_killed_at_commit(
        *shlex.split(command), "--today", TODAY, cwd=ledger.root, shims=tmp_path / "shims"
    )


JOURNAL = Path(".projledger") / "journal.json"


def test_an_import_killed_before_its_commit_is_committed_by_the_next_command(
    ledger: Ledger, tmp_path: Path
) -> None:
    """Every file written, no commit: the next import makes the import's own commit (its
    message and author: never taken for hand edits), says so, and finds nothing left to do."""
    sheet = write_taizhang(tmp_path / "台账.xlsx")
    head, count = ledger.head(), ledger.count()
    killed_at_commit(ledger, tmp_path, f"import --lang en {sheet} {DEFAULTS} --allow-failed-rows")
    assert (ledger.root / JOURNAL).exists()
    assert ledger.head() == head
    assert len(ledger.status().splitlines()) == 4, "four new files written, not committed"

    again = ledger.run(f"import --lang en {sheet} {DEFAULTS} --allow-failed-rows")
    assert again.returncode == 0, again.stderr
    commit = ledger.show()
    assert again.stderr.startswith(
        "projledger: note: completed a change that was interrupted before its commit: "
        f"{commit.subject} (commit {commit.sha[:8]})\n"
    )
    assert commit.subject == "[导入] 台账.xlsx: 新建项目 4 个"
    assert commit.trailers == {"Projledger-Command": "import", "Projledger-Source": "台账.xlsx"}
    assert commit.parents == [head] and ledger.count() == count + 1
    assert len(commit.files) == 4
    assert "nothing to change" in again.stdout
    assert ledger.status() == "" and not (ledger.root / JOURNAL).exists()
    assert ledger.cli("check").returncode == 0
    assert_what_the_sheet_says(ledger)


def test_an_import_killed_while_writing_its_files_is_undone_by_the_next_command(
    ledger: Ledger, tmp_path: Path
) -> None:
    """Some files written, some not (a kill between two renames; made here from the kill at
    the commit by unstaging and putting one file back): the next command, any change,
    puts back the files written, says so, and runs; the import, run again, is whole."""
    first = write_taizhang(tmp_path / "v1.xlsx")
    assert ledger.run(f"import --lang en {first} {DEFAULTS} --allow-failed-rows").returncode == 0
    head = ledger.head()
    before = {p: ledger.text(p) for p in ("jingpin-gang-lvse-zhuanxing", "matoushan-shuiku")}
    updated = write_taizhang(tmp_path / "v2.xlsx", completed=38000, extra_problem=True)
    killed_at_commit(ledger, tmp_path, f"import --lang en {updated} {DEFAULTS} --allow-failed-rows")
    git(ledger.top, "reset", "-q")
    git(ledger.top, "checkout", "--", "projects/jingpin-gang-lvse-zhuanxing.yaml")
    assert ledger.status() == " M projects/matoushan-shuiku.yaml\n"

    result = ledger.run("log matoushan-shuiku 林地审核 已报省厅 --lang en")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "projledger: note: a change interrupted while it wrote its files (1 of 2 written) was "
        "undone, leaving every file as it was; run it again: [导入] v2.xlsx: 更新 2 个\n"
    )
    assert ledger.show().parents == [head] and ledger.status() == ""
    assert ledger.text("jingpin-gang-lvse-zhuanxing") == before["jingpin-gang-lvse-zhuanxing"]
    assert "已报省厅" in ledger.text("matoushan-shuiku")
    assert "移民安置房交付" not in ledger.text("matoushan-shuiku")

    again = ledger.run(f"import --lang en {updated} {DEFAULTS} --allow-failed-rows")
    assert again.returncode == 0, again.stderr
    assert sorted(ledger.show().files) == [
        "M\tprojects/jingpin-gang-lvse-zhuanxing.yaml",
        "M\tprojects/matoushan-shuiku.yaml",
    ]
    assert "移民安置房交付" in ledger.text("matoushan-shuiku")
    assert ledger.cli("check").returncode == 0


def test_an_import_killed_at_any_moment_leaves_all_or_nothing(tmp_path: Path) -> None:
    """Imports killed (with their git) the moment their first file appears, or after a
    random delay: after the next import, the ledger holds the whole import, committed as
    one, and nothing uncommitted; a file written without its journal is never seen."""
    sheet = write_taizhang(tmp_path / "台账.xlsx")
    rng = random.Random(20261205)
    seen: Counter[str] = Counter()
    stop = time.monotonic() + 20
    for attempt in range(6):
        if attempt >= 3 and time.monotonic() > stop:
            break
        ledger = Ledger.create(tmp_path / f"root{attempt}", projects=[])
        head = ledger.head()
        projects = ledger.root / "projects"
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "projledger",
                "import",
                "--lang",
                "en",
                str(sheet),
                *shlex.split(DEFAULTS),
            ],
            cwd=ledger.root,
            env=cli_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if attempt % 2:
            time.sleep(rng.uniform(0.5, 2.0))
        else:
            while proc.poll() is None and not any(projects.glob("[!.]*.yaml")):
                pass
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        time.sleep(0.05)  # its git, in the same group, gone too
        written = any(projects.glob("[!.]*.yaml"))
        if written and ledger.head() == head:
            assert (ledger.root / JOURNAL).exists(), "written without its journal"
            seen["written, not committed"] += 1
        else:
            seen["committed" if written else "nothing written"] += 1
        again = ledger.run(f"import --lang en {sheet} {DEFAULTS} --allow-failed-rows")
        assert again.returncode == 0, again.stderr
        assert "Traceback" not in again.stderr
        assert ledger.status() == "", (attempt, again.stderr)
        assert not (ledger.root / JOURNAL).exists()
        assert ledger.count() == 2, "the import, as one commit"
        assert len(ledger.show().files) == 4
    assert sum(seen.values()) >= 3, seen

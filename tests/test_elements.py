"""Issue 14, "要素保障 and approvals in the reports": funding and land changed by command
(`add funding`, `set funding.<source>.received`, `set land.needed_mu` on a file without
land), refused when implausible; the weekly and monthly reports' funding, land and
要素保障问题 tables, and the weekly report's 按阶段, in every format; `list approvals`.

One hand-made ledger: the sample's 精品钢 project (continuing, with funding and land) and
its 在谈 重汽配套 project (neither), committed on 2026-11-01 and changed with the real CLI.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import JINGPINGANG, LUZHONG, SAMPLE_ROOT, Ledger

QICHE = "laiwu-qiche-neishi-peitao"
WEEK = "2026-W47"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    """The two projects, then: land and funding entered on 重汽配套 and a receipt on its
    自筹, and a 用地 issue (cause on the enterprise side) raised on 2026-11-18."""
    top = tmp_path_factory.mktemp("elements")
    ledger = Ledger.create(
        top,
        projects=[SAMPLE_ROOT / "projects" / f"{p}.yaml" for p in (JINGPINGANG, QICHE)],
        date="2026-11-01T09:00:00+08:00",
    )
    ledger.change(
        f"set {QICHE} land.needed_mu 120", project=QICHE, trailer="set", old=None, new="120"
    )
    ledger.change(
        f"set {QICHE} land.supplied_mu 80", project=QICHE, trailer="set", old=None, new="80"
    )
    ledger.change(
        f"add funding {QICHE} --source 地方政府专项债券 --planned 5000 --received 1000",
        project=QICHE,
        trailer="add funding",
        new="地方政府专项债券 5000",
    )
    ledger.change(
        f"add funding {QICHE} --source 自筹 --planned 40000",
        project=QICHE,
        trailer="add funding",
        new="自筹 40000",
    )
    ledger.change(
        f"set {QICHE} funding.自筹.received 12000",
        project=QICHE,
        trailer="set",
        old=None,
        new="12000",
    )
    ledger.change(
        f"add issue {QICHE} --title 意向地块尚未完成收储 --category 用地 --cause 企业",
        project=QICHE,
        trailer="add issue",
        item="I-*",
        new="已登记",
        today="2026-11-18",
    )
    return ledger


def test_set_creates_the_land_section_in_its_place(ledger: Ledger) -> None:
    text = ledger.text(QICHE)
    # The new sections go where the model puts them, after investment, on one line; the
    # file's comments and blank lines stay.
    assert (
        "investment: {year: 2026, total: 45000}\n"
        "funding:\n"
        "  - {source: 地方政府专项债券, planned: 5000, received: 1000}\n"
        "  - {source: 自筹, planned: 40000, received: 12000}\n"
        "land: {needed_mu: 120, supplied_mu: 80}\n"
        "\n"
        "responsibilities:\n"
    ) in text
    assert "note: 已推荐闲置厂房2处，企业倾向新建   # 9月以后企业回复变慢" in text
    assert ledger.cli("check").returncode == 0


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (f"set {QICHE} land.supplied_mu 200", "PL221"),
        (f"set {QICHE} funding.自筹.received 50000", "PL221"),
        (f"add funding {QICHE} --source 贷款 --planned 100 --received 300", "PL221"),
        (f"add funding {QICHE} --source 自筹 --planned 1", "已是本项目的资金来源"),
        (f"add funding {QICHE} --source 专项债 --planned 1", "地方政府专项债券"),
        (f"add funding {QICHE} --source 贷款 --planned -5", "不能为负数"),
        (f"set {QICHE} funding.贷款.received 5", "不是本项目的资金来源"),
        (f"set {QICHE} funding.自筹.source 贷款", "资金来源只有 planned（计划）、received（到位）"),
    ],
)
def test_implausible_or_wrong_funding_and_land_are_refused(
    ledger: Ledger, command: str, says: str
) -> None:
    assert says in ledger.refused(command)


def test_force_records_received_beyond_planned(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path, projects=[SAMPLE_ROOT / "projects" / f"{QICHE}.yaml"])
    result = ledger.run(f"add funding {QICHE} --source 贷款 --planned 100 --received 300 --force")
    assert result.returncode == 0, result.stderr
    assert "PL221" in result.stderr  # told what it let in
    assert "PL221" in ledger.show().trailers.get("Projledger-Forced", "")
    assert "{source: 贷款, planned: 100, received: 300}" in ledger.text(QICHE)


def _table(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    table = next(t for t in document["tables"] if t["key"] == key)
    rows: list[dict[str, Any]] = table["rows"]
    return rows


def test_reports_funding_land_issues_and_stages(ledger: Ledger) -> None:
    """Funding and land in the monthly bulletin, 要素保障问题 in both, 按阶段 weekly."""
    weekly = ledger.json("report", "weekly", "--week", WEEK, "--as-of", "2026-11-20")
    monthly = ledger.json("report", "monthly", "--month", "2026-11", "--as-of", "2026-11-20")
    assert _table(monthly, "funding") == [
        {
            "source": "地方政府专项债券",
            "projects": 1,
            "planned": 5000,
            "received": 1000,
            "rate": 0.2,
        },
        {
            "source": "超长期特别国债",
            "projects": 1,
            "planned": 100000,
            "received": 60000,
            "rate": 0.6,
        },
        {"source": "自筹", "projects": 2, "planned": 920000, "received": 652000, "rate": 0.7087},
        {"source": "贷款", "projects": 1, "planned": 300000, "received": 180000, "rate": 0.6},
        {"source": "合计", "projects": 2, "planned": 1325000, "received": 893000, "rate": 0.674},
    ]
    land = _table(monthly, "land")
    assert [
        (r["project_id"], r["needed_mu"], r["supplied_mu"], r["unsupplied_mu"]) for r in land
    ] == [
        (QICHE, 120, 80, 40),
        (JINGPINGANG, 1260, 1260, 0),
        (None, 1380, 1340, 40),
    ]
    assert land[0]["supply_rate"] == 0.6667
    # 前期研究: its land is not approved yet, so none of it is 批而未供.
    assert [r["approved_unsupplied_mu"] for r in land] == [0, 0, 0]
    issues = {r["category"]: r for r in _table(weekly, "element_issues")}
    assert list(issues) == ["用地", "配套", "合计"]  # 征迁: closed in March, nothing this week
    assert issues["用地"] == {
        "category": "用地",
        "raised_in_period": 1,
        "closed_in_period": 0,
        "open": 1,
        "open_government": 0,
        "open_enterprise": 1,
    }
    assert issues["合计"]["open"] == 2
    assert (issues["合计"]["open_government"], issues["合计"]["open_enterprise"]) == (1, 1)
    stages = _table(weekly, "by_stage")
    # The config's order: a new project's stages, then a continuing one's.
    assert [(r["stage"], r["projects"], r["total_investment"]) for r in stages] == [
        ("前期研究", 1, 45000),
        ("已完成用地保障", 1, 1280000),
    ]
    assert all(r["red"] + r["yellow"] + r["green"] == r["projects"] for r in stages)

    keys = [t["key"] for t in monthly["tables"]]
    assert {"funding", "land", "element_issues"} <= set(keys)
    assert "by_stage" not in keys
    weekly_keys = [t["key"] for t in weekly["tables"]]
    assert {"by_stage", "element_issues"} <= set(weekly_keys)
    assert not {"funding", "land"} & set(weekly_keys)


def test_land_approved_and_not_supplied(tmp_path: Path) -> None:
    """批而未供: the land not yet supplied of a project whose land is approved (its stage
    已完成用地报批尚未供地 or later)."""
    ledger = Ledger.create(tmp_path, projects=[SAMPLE_ROOT / "projects" / f"{LUZHONG}.yaml"])
    monthly = ledger.json("report", "monthly", "--month", "2026-11", "--as-of", "2026-11-20")
    (row, total) = _table(monthly, "land")
    assert (row["project_id"], row["unsupplied_mu"], row["approved_unsupplied_mu"]) == (
        LUZHONG,
        96,
        96,
    )
    assert total["approved_unsupplied_mu"] == 96


@pytest.mark.parametrize("fmt", ["text", "md", "html", "xlsx", "docx"])
def test_every_format_shows_the_sections(ledger: Ledger, fmt: str, tmp_path: Path) -> None:
    reports = {
        ("weekly", "--week", WEEK): ("按阶段", "要素保障问题"),
        ("monthly", "--month", "2026-11"): (
            "资金到位（按资金来源）", "用地保障", "要素保障问题", "批而未供"
        ),
    }  # fmt: skip
    for (kind, *period), titles in reports.items():
        out = tmp_path / f"{kind}.{fmt}"
        to_file = ["--output", str(out)] if fmt != "text" else []
        result = ledger.cli(
            "report", kind, *period, "--as-of", "2026-11-20", "--format", fmt, *to_file
        )
        assert result.returncode == 0, result.stderr
        if fmt in ("xlsx", "docx"):
            with zipfile.ZipFile(out) as archive:
                text = "".join(
                    archive.read(name).decode("utf-8")
                    for name in archive.namelist()
                    if name.endswith(".xml")
                )
        else:
            text = result.stdout if fmt == "text" else out.read_text(encoding="utf-8")
        for title in titles:
            assert title in text, (kind, fmt, title)


def test_list_approvals(ledger: Ledger) -> None:
    result = ledger.cli("list", "approvals", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["project"]: row for row in json.loads(result.stdout)}
    assert list(rows) == [JINGPINGANG, QICHE]
    steel = rows[JINGPINGANG]["approvals"]
    assert list(steel) == [
        "核准备案", "项目选址许可", "用地规划许可", "环评审批", "工程规划许可", "施工许可"
    ]  # fmt: skip
    assert steel["施工许可"] == {
        "status": "已办结",
        "date": "2024-10-15",
        "permit_no": "370116202410150101",
    }
    assert steel["项目选址许可"]["status"] == "不涉及"
    assert rows[QICHE]["approvals"]["施工许可"] == {
        "status": "未登记",
        "date": None,
        "permit_no": None,
    }

    def chosen(*filters: str) -> list[str]:
        result = ledger.cli("list", "approvals", "--json", *filters)
        assert result.returncode == 0, result.stderr
        return [row["project"] for row in json.loads(result.stdout)]

    assert chosen("--procedure", "施工许可", "--status", "已办结") == [JINGPINGANG]
    assert chosen("--procedure", "施工许可", "--status", "未登记") == [QICHE]
    assert chosen("--pool", "在谈") == [QICHE]
    assert chosen("--level", "省级") == [JINGPINGANG]
    assert chosen("--project", "laiwu-qiche") == [QICHE]
    assert chosen("--unit", "高庄街道办事处") == [JINGPINGANG]
    only = json.loads(ledger.cli("list", "approvals", "--json", "--procedure", "环评审批").stdout)
    assert all(list(row["approvals"]) == ["环评审批"] for row in only)

    text = ledger.cli("list", "approvals", "--pool", "续建")
    assert text.returncode == 0
    assert "施工许可" in text.stdout and "370116202410150101" in text.stdout

    wrong = ledger.cli("list", "approvals", "--procedure", "施工证")
    assert wrong.returncode == 1 and "施工许可" in wrong.stderr
    assert ledger.cli("list", "issues", "--procedure", "施工许可").returncode == 2

"""The 通报's words on stages (weekly: 分阶段, newly started) and on 要素保障 (monthly:
资金到位率, land and 批而未供, the open issues by category), written from the report's
tables, on ledgers changed by the real commands with dated history."""

import json
from typing import Any

import pytest

from tests.helpers import JINGPINGANG, SAMPLE_PROJECT, SAMPLE_ROOT, Ledger, run_cli

YINGCHENG = "laiwu-yingcheng-dianzi-xianshi-mozu"
WEEK = ("report", "weekly", "--week", "2026-W47")
MONTH = ("report", "monthly", "--month", "2026-11", "--as-of", "2026-11-20")


def rows(report: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows_: list[dict[str, Any]] = next(t for t in report["tables"] if t["key"] == key)["rows"]
    return rows_


def section(report: dict[str, Any], heading: str) -> list[str]:
    """The paragraphs under a heading of the narrative, up to the next one of its level."""
    paragraphs = report["narrative"]
    start = next(i for i, p in enumerate(paragraphs) if p["text"] == heading)
    level = paragraphs[start]["level"]
    out: list[str] = []
    for p in paragraphs[start + 1 :]:
        if p["level"] and p["level"] <= level:
            break
        out.append(p["text"])
    return out


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    """The sample committed in W46; in W47 嬴城 gets its 施工许可 (11-17) and starts (开工,
    11-18), the start entered on 11-20 with --today."""
    ledger = Ledger.create(
        tmp_path_factory.mktemp("stages") / "root", date="2026-11-10T09:00:00+08:00"
    )
    ledger.change(
        f"advance {YINGCHENG} --approval 施工许可 --status 已办结 --permit-no 370116202611170101",
        project=YINGCHENG,
        trailer="advance",
        item="approval:施工许可",
        old="办理中",
        new="已办结",
        today="2026-11-17",
    )
    ledger.change(
        f"advance {YINGCHENG}",
        project=YINGCHENG,
        trailer="advance",
        old="已完成规划报建",
        new="开工",
        today="2026-11-18",
    )
    return ledger


def test_weekly_names_the_stages_and_the_new_start(started: Ledger) -> None:
    report = started.json(*WEEK)
    texts = section(report, "（五）分阶段")
    assert len(texts) == 1
    text = texts[0]
    by_stage = rows(report, "by_stage")
    counts = "、".join(f"{r['stage']}{r['projects']}个" for r in by_stage)
    assert text.startswith(f"从所处阶段看，{counts}。")
    assert next(r["projects"] for r in by_stage if r["stage"] == "开工") == 2  # 中汽 and 嬴城
    assert text.endswith("本周新开工项目1个：嬴城电子信息产业园显示模组项目（11月18日开工）。")
    english = " ".join(section(started.json(*WEEK, "--lang", "en"), "(5) By stage"))
    assert "2 at 开工" in english
    assert english.endswith(
        "1 project started this week: 嬴城电子信息产业园显示模组项目 (on 18 November)."
    )


def test_a_week_without_a_start_says_so(started: Ledger) -> None:
    report = started.json("report", "weekly", "--week", "2026-W46", "--at", "2026-11-15")
    (text,) = section(report, "（五）分阶段")
    assert "开工1个" in text  # 中汽 only: 嬴城 started the week after
    assert text.endswith("本周无新开工项目。")


def test_the_monthly_bulletin_has_no_stage_part_and_the_weekly_no_elements(
    started: Ledger,
) -> None:
    weekly = [p["text"] for p in started.json(*WEEK)["narrative"] if p["level"] == 1]
    assert "三、要素保障情况" not in weekly and weekly[2] == "三、问题办理情况"
    monthly = started.json(*MONTH)["narrative"]
    assert [p["text"] for p in monthly if p["level"] == 1] == [
        "一、总体情况",
        "二、分领域推进情况",
        "三、要素保障情况",
        "四、问题办理情况",
        "五、红黑榜",
        "六、下步工作提示",
    ]
    assert "（五）分阶段" not in [p["text"] for p in monthly]


@pytest.fixture(scope="module")
def one_project(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    """精品钢 alone (planned 1,230,000, received 880,000 from 自筹, 贷款 and 超长期特别国债;
    land 1260 of 1260 亩), first committed on 11-01; in November a 专项债 source comes in
    and the land needed grows."""
    ledger = Ledger.create(
        tmp_path_factory.mktemp("elements") / "root",
        projects=[SAMPLE_PROJECT],
        date="2026-11-01T09:00:00+08:00",
    )
    assert (
        ledger.run(
            f"add funding {JINGPINGANG} --source 地方政府专项债券 --planned 50000 --received 10000",
            today="2026-11-05",
        ).returncode
        == 0
    )
    assert ledger.run(f"set {JINGPINGANG} land.needed_mu 1300", today="2026-11-12").returncode == 0
    return ledger


def test_monthly_funding_and_land_in_words(one_project: Ledger) -> None:
    report = one_project.json(*MONTH)
    funding, land, *rest = section(report, "三、要素保障情况")
    # 1,230,000 + 50,000 planned, 880,000 + 10,000 received: 66.9%; below it 专项债
    # (20.0%), 超长期特别国债 and 贷款 (60.0% each), not 自筹 (72.7%).
    assert funding == (
        "资金方面，登记资金来源的项目1个，计划资金133.00亿元，已到位89.00亿元，资金到位率66.9%，"
        "到位率较低的是地方政府专项债券（20.0%）、超长期特别国债（60.0%）、贷款（60.0%）。"
    )
    # A continuing project: its land not yet supplied is not 批而未供, which is not named.
    assert land == (
        "用地方面，登记用地的项目1个，需用地1300亩，已供地1260亩，供地率96.9%；尚未供地40亩，"
        "未供地较多的是精品钢绿色转型项目（40亩）。"
    )
    total = rows(report, "element_issues")[-1]
    assert rest == [
        f"要素保障问题中，未销号{total['open']}个，其中政府方面{total['open_government']}个、"
        f"企业方面{total['open_enterprise']}个；分类别看，"
        + "、".join(
            f"{r['category']}{r['open']}个"
            for r in rows(report, "element_issues")[:-1]
            if r["open"]
        )
        + "。"
    ]
    english = section(one_project.json(*MONTH, "--lang", "en"), "3. Funding and land")
    assert english[0] == (
        "Funding: the 1 project that records its sources planned CNY 13.30 billion and has "
        "received CNY 8.90 billion, a received rate of 66.9%; the lowest rates are those of "
        "地方政府专项债券 (20.0%), 超长期特别国债 (60.0%) and 贷款 (60.0%)."
    )


def test_the_sample_names_its_land_approved_and_not_supplied() -> None:
    """On the sample, 批而未供 and the three projects with most land not yet supplied
    are the land table's."""
    result = run_cli(*MONTH, "--format", "json", "--root", str(SAMPLE_ROOT), cwd=SAMPLE_ROOT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    land = rows(report, "land")
    total = land[-1]
    (text,) = [t for t in section(report, "三、要素保障情况") if t.startswith("用地方面")]
    assert total["approved_unsupplied_mu"] > 0
    assert f"其中批而未供{total['approved_unsupplied_mu']:.0f}亩" in text
    named = "、".join(f"{r['project']}（{r['unsupplied_mu']:.0f}亩）" for r in land[:3])
    assert text.endswith(f"未供地较多的是{named}。")

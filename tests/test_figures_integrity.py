"""Figures you can sign (issue 14): no duplicate projects, no silent absurdities, retired
projects out of every figure and list, a task's quantity done, 开工 with its 施工许可 and
stage skips on record. Each on the sample committed in a repository of its own, through
the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import MATOUSHAN, Ledger

XINNENGYUAN = "laiwu-xinnengyuan-chanye-yonggang"
XINNENGYUAN_CODE = "2024-370116-31-03-028476"
QICHE = "laiwu-qiche-neishi-peitao"  # 在谈 (B), its task T-WNWZJK overdue since 2026-10-31
YINGCHENG = "laiwu-yingcheng-dianzi-xianshi-mozu"  # 已完成规划报建, 施工许可 办理中
LUZHONG = "laiwu-luzhong-pijiu-zhihui-cangchu-wuliu"  # 已完成用地报批尚未供地
GAOXINQU = "laiwu-gaoxinqu-zhineng-zhizao-biaozhun-changfang"

NEW = (
    "new {id} --name {name} --level 区级 --pool 续建 --industry 精品钢与先进材料 "
    "--locality 羊里街道 --owner 济南九羊特钢有限公司 --leader 李振华 --stage 已完成用地保障 "
    "--total 650000 --plan 240000"
)


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger.create(tmp_path / "root")


def _json(ledger: Ledger, *args: str) -> object:
    result = ledger.cli(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _check(ledger: Ledger, *args: str) -> dict[str, object]:
    result = ledger.cli("check", "--format", "json", *args)
    payload: dict[str, object] = json.loads(result.stdout)
    return payload


def _codes(payload: dict[str, object]) -> list[tuple[str, str]]:
    findings = payload["findings"]
    assert isinstance(findings, list)
    return [(Path(f["file"]).stem, f["code"]) for f in findings]


# --- duplicates ------------------------------------------------------------------------------


def test_new_with_a_code_in_use_is_refused_naming_the_project_and_the_way_out(
    ledger: Ledger,
) -> None:
    command = NEW.format(id="laiwu-yonggang-erqi", name="新能源产业用钢二期项目")
    message = ledger.refused(f"{command} --code {XINNENGYUAN_CODE}")
    assert "PL301" in message and XINNENGYUAN in message and "laiwu-yonggang-erqi" in message
    assert "retire DUPLICATE --duplicate-of PROJECT" in message
    assert "Traceback" not in message
    assert not (ledger.root / "projects" / "laiwu-yonggang-erqi.yaml").exists()
    # Setting a code in use on an existing project is refused the same way.
    message = ledger.refused(f"set {GAOXINQU} code {XINNENGYUAN_CODE}")
    assert "PL301" in message and XINNENGYUAN in message
    # A name in use: `check` warns (PL302), so the change needs --force, and says so.
    same_name = NEW.format(id="laiwu-yonggang-chongming", name="新能源产业用钢项目")
    message = ledger.refused(same_name)
    assert "PL302" in message and "--force" in message
    result = ledger.run(f"{same_name} --force")
    assert result.returncode == 0, result.stderr
    assert "PL302" in result.stderr  # what the force let in is said
    assert ledger.show().trailers["Projledger-Forced"] == "PL302"


def test_a_duplicate_already_in_is_retired_as_such_and_leaves_every_figure(
    ledger: Ledger,
) -> None:
    # Entered twice by hand (as an import of a second 台账 would): check fails both files,
    # and the reports leave the real project out.
    text = ledger.text(XINNENGYUAN).replace(f"id: {XINNENGYUAN}", "id: laiwu-yonggang-shiji")
    (ledger.root / "projects" / "laiwu-yonggang-shiji.yaml").write_text(text, encoding="utf-8")
    ledger.commit("市级台账导入", "2026-11-18T10:00:00+08:00")
    assert ("laiwu-yonggang-shiji", "PL301") in _codes(_check(ledger))
    weekly = _json(ledger, "report", "weekly", "--week", "2026-W47", "--format", "json")
    assert isinstance(weekly, dict) and f"{XINNENGYUAN}.yaml" in weekly["invalid_files"]

    ledger.refused(
        "retire laiwu-yonggang-shiji --reason 重复录入 --reviewer 孙丽娟 "
        "--duplicate-of laiwu-yonggang-shiji"
    )
    ledger.refused(
        "retire laiwu-yonggang-shiji --reason 重复 --reviewer 孙丽娟 --duplicate-of nope"
    )
    commit = ledger.change(
        f"retire laiwu-yonggang-shiji --reason 重复录入 --reviewer 孙丽娟 "
        f"--duplicate-of {XINNENGYUAN}",
        project="laiwu-yonggang-shiji",
        trailer="retire",
        old="续建",
        new="退库",
    )
    assert f"同 {XINNENGYUAN}" in commit.subject
    assert f"duplicate_of: {XINNENGYUAN}" in ledger.text("laiwu-yonggang-shiji")
    assert (ledger.root / "projects" / "laiwu-yonggang-shiji.yaml").exists()  # audit needs it
    assert _codes(_check(ledger, "--strict")) == []

    # Out of every figure, from the start: a report of a week before its retirement too.
    for week in ("2026-W47", "2026-W40"):
        report = _json(ledger, "report", "weekly", "--week", week, "--format", "json")
        assert isinstance(report, dict)
        assert report["invalid_files"] == []
        # The project is in no figure, list or ranking (nor in the flow's events:
        # tests/test_duplicates_and_series.py).
        counted = [t for t in report["tables"] if t["key"] not in ("advances", "issue_events")]
        assert "laiwu-yonggang-shiji" not in json.dumps(counted, ensure_ascii=False)
        assert "laiwu-yonggang-shiji" not in json.dumps(report["figures"], ensure_ascii=False)
    overdue = _json(ledger, "overdue", "--as-of", "2026-10-01", "--format", "json")
    assert "laiwu-yonggang-shiji" not in json.dumps(overdue, ensure_ascii=False)
    shown = ledger.cli("show", "laiwu-yonggang-shiji")
    assert f"重复录入，同 {XINNENGYUAN}" in shown.stdout


# --- implausible figures ---------------------------------------------------------------------


def test_an_implausible_figure_is_refused_unless_forced_and_never_lit_green(
    ledger: Ledger,
) -> None:
    # 马头山水库: this year's plan is 60,000 万元.
    message = ledger.refused(f"set {MATOUSHAN} investment.completed_this_year 999999")
    assert MATOUSHAN in message
    assert "PL224" in message and "超过年度计划 60000 万元的 2 倍" in message
    assert "--force" in message
    negative = ledger.cli(
        "set", "--today", "2026-11-20", MATOUSHAN, "investment.completed_this_year", "--", "-5"
    )
    assert negative.returncode == 1 and "PL104" in negative.stderr  # the schema's
    result = ledger.run(f"set {MATOUSHAN} investment.completed_this_year 999999 --force")
    assert result.returncode == 0, result.stderr
    assert ledger.show().trailers["Projledger-Forced"] == "PL220 PL224"  # and > the total
    codes = _codes(_check(ledger))
    assert (MATOUSHAN, "PL224") in codes
    card = _json(
        ledger, "report", "project", MATOUSHAN, "--as-of", "2026-11-20", "--format", "json"
    )
    assert isinstance(card, dict)
    light = next(f for f in card["figures"] if f["key"] == "light")
    assert light["value"] != "green"
    weekly = _json(ledger, "report", "weekly", "--week", "2026-W47", "--format", "json")
    assert isinstance(weekly, dict)
    lights = next(t for t in weekly["tables"] if t["key"] == "lights")
    investment = [
        row
        for row in lights["rows"]
        if row.get("project_id") == MATOUSHAN and row.get("light_kind") == "投资进度"
    ]
    assert investment == []  # neither red nor yellow: no light on such figures


# --- retired projects ------------------------------------------------------------------------


def test_a_retired_project_leaves_lists_and_figures_from_its_retirement_date(
    ledger: Ledger,
) -> None:
    ledger.change(
        f"retire {QICHE} --reason 企业放弃投资 --reviewer 孙丽娟 --date 2026-11-10",
        project=QICHE,
        trailer="retire",
        old="在谈",
        new="退库",
        today="2026-11-10",
    )
    shown = ledger.cli("show", QICHE, "--as-of", "2026-11-20").stdout
    assert "2026-11-10 企业放弃投资（审核: 孙丽娟）" in shown
    assert "逾期" not in shown and "已退库" in shown
    assert "(B)" not in shown  # maturity is for a project 在谈
    listed = ledger.cli("list", "--pool", "退库", "--as-of", "2026-11-20").stdout
    assert QICHE in listed
    row = next(line for line in listed.splitlines() if QICHE in line)
    assert row.rstrip(" │").endswith("0")  # nothing 逾期
    items = ledger.cli("list", "tasks", "--project", QICHE, "--as-of", "2026-11-20").stdout
    assert "逾期" not in items and "已退库" in items

    def overdue_on(day: str) -> str:
        return json.dumps(
            _json(ledger, "overdue", "--as-of", day, "--format", "json"), ensure_ascii=False
        )

    assert QICHE in overdue_on("2026-11-05")  # before its retirement: still counted
    assert QICHE not in overdue_on("2026-11-20")
    assert QICHE in json.dumps(
        _json(ledger, "report", "weekly", "--week", "2026-W45", "--format", "json"),
        ensure_ascii=False,
    )
    later = _json(ledger, "report", "weekly", "--week", "2026-W47", "--format", "json")
    assert isinstance(later, dict)
    counted = [t for t in later["tables"] if t["key"] != "advances"]  # its retirement: an event
    assert "重汽配套汽车内饰件项目" not in json.dumps(counted, ensure_ascii=False)


# --- a task's quantity done ------------------------------------------------------------------


def test_a_tasks_quantity_done_is_recorded_and_shown_everywhere(ledger: Ledger) -> None:
    ledger.change(
        f"set {MATOUSHAN} T-RR55VA.done 110",
        project=MATOUSHAN,
        trailer="set",
        item="T-RR55VA",
        old="98",
        new="110",
    )
    assert "measure: {amount: 126, unit: 户, done: 110}" in ledger.text(MATOUSHAN)
    assert "110/126 户" in ledger.cli("show", MATOUSHAN).stdout
    assert "110/126 户" in ledger.cli("list", "tasks", "--project", MATOUSHAN).stdout
    card = ledger.cli("report", "project", MATOUSHAN, "--format", "json").stdout
    assert "110/126 户" in card
    overdue = json.dumps(
        _json(ledger, "overdue", "--as-of", "2026-11-20", "--format", "json"), ensure_ascii=False
    )
    assert "完成库区移民搬迁（110/126 户）" in overdue
    weekly = ledger.cli("report", "weekly", "--week", "2026-W47", "--format", "md").stdout
    assert "完成库区移民搬迁（110/126 户）" in weekly

    message = ledger.refused(f"set {MATOUSHAN} T-RR55VA.done 200")
    assert "PL224" in message and "已完成 200 户，超过目标 126 户" in message
    ledger.refused(f"set {MATOUSHAN} T-RR55VA.done 很多")
    # A task without a quantity has none to count.
    message = ledger.refused(f"set {QICHE} T-WNWZJK.done 1")
    assert "任务 T-WNWZJK 未设任务量" in message


# --- 开工 and 施工许可, stage skips ----------------------------------------------------------


def test_start_without_a_construction_permit_is_refused_unless_forced(ledger: Ledger) -> None:
    message = ledger.refused(f"advance {YINGCHENG}")
    assert "PL225" in message and "施工许可为办理中" in message and "--force" in message
    result = ledger.run(f"advance {YINGCHENG} --force")
    assert result.returncode == 0, result.stderr
    commit = ledger.show()
    assert commit.trailers["Projledger-To"] == "开工"
    assert commit.trailers["Projledger-Forced"] == "PL225"
    assert (YINGCHENG, "PL225") in _codes(_check(ledger))
    assert ledger.cli("check", "--format", "json").returncode == 0  # a warning
    assert ledger.cli("check", "--format", "json", "--strict").returncode == 1
    # With the permit on record the finding goes.
    ledger.change(
        f"advance {YINGCHENG} --approval 施工许可 --status 已办结 --permit-no 370116202611200101",
        project=YINGCHENG,
        trailer="advance",
        item="approval:施工许可",
        old="办理中",
        new="已办结",
    )
    assert _codes(_check(ledger, "--strict")) == []


def test_skipping_stages_needs_to_and_is_recorded(ledger: Ledger) -> None:
    step = ledger.change(
        f"advance {LUZHONG}",
        project=LUZHONG,
        trailer="advance",
        old="已完成用地报批尚未供地",
        new="已供地未完成规划报建",
    )
    assert "跳过" not in step.subject
    ledger.run(f"advance {LUZHONG} --to 已完成用地报批尚未供地 --force")  # back, to skip again
    before = ledger.count()
    result = ledger.run(f"advance {LUZHONG} --to 已完成规划报建")
    assert result.returncode == 0, result.stderr
    assert ledger.count() == before + 1
    commit = ledger.show()
    assert commit.trailers["Projledger-Skipped"] == "已供地未完成规划报建"
    assert "(跳过 已供地未完成规划报建)" in commit.subject
    assert commit.trailers["Projledger-To"] == "已完成规划报建"

"""An issue submitted for verification (待核验) by its due date is not overdue while the
office has not verified it: `overdue`, `due`, `show`, `list` and the weekly report judge
it by one rule (`compute.deadlines.deadline_state`), and agree. A hand-made ledger with
real git history, through the CLI."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import JINGPINGANG, Ledger, hand_ledger

AS_OF = "2026-12-01"
UNIT, PERSON = "高庄街道办事处", "张伟"


def _add(ledger: Ledger, title: str, due: str) -> str:
    result = ledger.run(
        f"add issue {JINGPINGANG} --title {title} --category 配套 --unit {UNIT} "
        f"--person {PERSON} --due {due}",
        today="2026-11-05",
    )
    assert result.returncode == 0, result.stderr
    found = re.search(r"I-[0-9A-Z]{6}", result.stdout)
    assert found, result.stdout
    return found.group(0)


def _step(ledger: Ledger, issue: str, today: str, *options: str) -> None:
    result = ledger.run(f"advance {JINGPINGANG} {issue} {' '.join(options)}", today=today)
    assert result.returncode == 0, result.stderr


def _submit(ledger: Ledger, issue: str, today: str) -> None:
    _step(ledger, issue, "2026-11-10")  # 办理中
    _step(ledger, issue, today, "--evidence", "接入验收单", "--explanation", "已完成")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Ledger, dict[str, str]]:
    """Three issues of one unit: submitted in time and waiting (in_time), submitted five
    days late and waiting (late), submitted in time and verified after its due date
    (verified_late)."""
    ledger = hand_ledger(tmp_path_factory.mktemp("awaiting"))
    issues = {
        "in_time": _add(ledger, "按时提请核验的问题", "2026-11-25"),
        "late": _add(ledger, "逾期后提请核验的问题", "2026-11-15"),
        "verified_late": _add(ledger, "按时提请逾期核验的问题", "2026-11-18"),
    }
    _submit(ledger, issues["in_time"], "2026-11-20")
    _submit(ledger, issues["late"], "2026-11-20")
    _submit(ledger, issues["verified_late"], "2026-11-16")
    _step(ledger, issues["verified_late"], "2026-11-24", "--verifier", "周海涛")
    return ledger, issues


def _rows(report: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return next(t for t in report["tables"] if t["key"] == key)["rows"]


def _show(ledger: Ledger, *args: str) -> str:
    result = ledger.cli("show", JINGPINGANG, *args, "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_submitted_in_time_is_awaiting_not_overdue(ledger: tuple[Ledger, dict[str, str]]) -> None:
    root, issues = ledger
    overdue = {r["target"]: r for r in _rows(root.json("overdue", "--as-of", AS_OF), "items")}
    assert issues["in_time"] not in overdue
    assert issues["verified_late"] not in overdue
    # Submitted five days late: overdue for the days until it was submitted.
    assert overdue[issues["late"]]["days_overdue"] == 5
    assert "待核验 11 天" in _show(root, issues["in_time"])
    assert "逾期 5 天（待核验 11 天）" in _show(root, issues["late"])
    assert "按时完成" in _show(root, issues["verified_late"])
    # Before its due date it is not 临期 either: the unit has done its part.
    due = root.json("due", "--within", "30d", "--as-of", "2026-11-21")
    assert issues["in_time"] not in {r["target"] for r in _rows(due, "items")}


def test_every_listing_and_the_weekly_report_agree(ledger: tuple[Ledger, dict[str, str]]) -> None:
    root, issues = ledger
    overdue = _rows(root.json("overdue", "--as-of", AS_OF), "items")
    weekly = root.json("report", "weekly", "--week", "2026-W49", "--as-of", AS_OF)
    figures = {f["key"]: f["value"] for f in weekly["figures"]}
    assert figures["overdue_items"] == len(overdue)
    assert {r["target"] for r in _rows(weekly, "overdue")} == {r["target"] for r in overdue}
    ranking = {r["unit"]: r for r in _rows(weekly, "unit_ranking")}[UNIT]
    assert ranking["overdue"] == sum(1 for r in overdue if r["unit"] == UNIT)
    assert (ranking["awaiting"], ranking["awaiting_days"]) == (1, 11)
    # `list` and `show` name the same deadlines overdue, and the same one 待核验.
    listed = root.cli("list", "issues", "--as-of", AS_OF)
    assert listed.returncode == 0, listed.stderr
    lines = {i: next(x for x in listed.stdout.splitlines() if i in x) for i in issues.values()}
    assert "待核验 11" in lines[issues["in_time"]] and "逾期" not in lines[issues["in_time"]]
    assert "逾期 5 天" in lines[issues["late"]]
    project = _show(root)
    shown_overdue = set(re.findall(r"(I-[0-9A-Z]{6})[^\n]*逾期 \d+ 天", project))
    assert shown_overdue == {r["target"] for r in overdue if r["target"].startswith("I-")}
    card = root.json("report", "project", JINGPINGANG, "--as-of", AS_OF)
    statuses = {r["id"]: r["deadline"] for r in _rows(card, "issues")}
    assert statuses[issues["in_time"]] == "待核验 11 天"


def test_with_the_rule_off_a_waiting_issue_is_overdue(tmp_path: Path) -> None:
    root = hand_ledger(tmp_path)
    issue = _add(root, "按时提请核验的问题", "2026-11-25")
    _submit(root, issue, "2026-11-20")
    config = root.root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    assert text.count("submitted_in_time_not_overdue: true") == 1
    config.write_text(
        text.replace("submitted_in_time_not_overdue: true", "submitted_in_time_not_overdue: false"),
        encoding="utf-8",
    )
    root.commit("排名规则：核验期间计逾期", "2026-11-21T09:00:00+08:00")
    overdue = {r["target"]: r for r in _rows(root.json("overdue", "--as-of", AS_OF), "items")}
    assert overdue[issue]["days_overdue"] == 6
    assert "逾期 6 天" in _show(root, issue)

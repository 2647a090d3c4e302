"""Fair rankings (红黑榜): 销号 verified outside the responsible unit (PL230), extensions
approved by the 包抓领导 or a configured approver (PL231), 逾期后延期 still counted, the
days an issue waits for the office in 待核验 shown apart, the ranking's rules written in
every format, and `report annual` (年度考评). Hand-made ledgers with real git history, the
real CLI in a subprocess."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import JINGPINGANG, Ledger, hand_ledger

ISSUE = "I-9TX3QW"
"""办理中, of 国网济南市莱芜区供电公司 (马强); its deadline D-3KD8XP due 2026-11-15 in force
(extended on 10-28 from 10-31, by the 包抓领导 王建国, in time)."""
POWER = "国网济南市莱芜区供电公司"


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return hand_ledger(tmp_path / "ledger")


def ranking_row(ledger: Ledger, unit: str, *args: str) -> dict[str, Any]:
    report = ledger.json("report", "weekly", "--week", "2026-W47", "--as-of", "2026-11-22", *args)
    table = next(t for t in report["tables"] if t["key"] == "unit_ranking")
    return next(r for r in table["rows"] if r["unit"] == unit)


def set_ranking(ledger: Ledger, rules: str, message: str, date: str) -> None:
    """The config's `ranking` replaced by `rules` (flow YAML), committed by plain git."""
    config = ledger.root / "projledger.yaml"
    text = re.sub(r"(?m)^ranking:.*\n(?:[ #].*\n)*", "", config.read_text(encoding="utf-8"))
    config.write_text(f"{text}ranking: {rules}\n", encoding="utf-8")
    ledger.commit(message, f"{date}T09:00:00+08:00")


def refuse(ledger: Ledger, command: str, today: str = "2026-11-20") -> str:
    """A change refused: exit 1, one error line first, nothing written or committed."""
    before, files = ledger.head(), ledger.files()
    result = ledger.run(command, today=today)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("projledger: ") and "Traceback" not in result.stderr
    assert ledger.head() == before and ledger.files() == files
    return result.stderr


def submit(ledger: Ledger, today: str) -> None:
    ledger.change(
        f"advance {JINGPINGANG} {ISSUE} --evidence 验收单 --explanation 迁改完成",
        project=JINGPINGANG,
        trailer="advance",
        item=ISSUE,
        old="办理中",
        new="待核验",
        today=today,
    )


# --- 销号 by someone outside the unit --------------------------------------------------------


def test_closure_by_the_responsible_person_or_unit_is_refused(ledger: Ledger) -> None:
    submit(ledger, "2026-11-10")
    own = refuse(ledger, f"advance {JINGPINGANG} {ISSUE} --verifier 马强", today="2026-11-12")
    assert "PL230" in own and "马强" in own and "责任人" in own
    ledger.change(
        f"advance {JINGPINGANG} {ISSUE} --verifier 周海涛",
        project=JINGPINGANG,
        trailer="advance",
        item=ISSUE,
        old="待核验",
        new="已销号",
        today="2026-11-12",
    )
    # A hand edit naming the unit's own person as verifier: check reports it.
    ledger.edit("verifier: 周海涛, evidence: 验收单}", "verifier: 马强, evidence: 验收单}")
    result = ledger.cli("check", "--format", "json")
    assert result.returncode == 1
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert codes == ["PL230"]


def test_closure_rule_can_be_switched_off(ledger: Ledger) -> None:
    set_ranking(ledger, "{verifier_outside_unit: false}", "不要求单位外核验", "2026-11-02")
    submit(ledger, "2026-11-10")
    ledger.change(
        f"advance {JINGPINGANG} {ISSUE} --verifier 马强",
        project=JINGPINGANG,
        trailer="advance",
        item=ISSUE,
        old="待核验",
        new="已销号",
        today="2026-11-12",
    )


# --- extensions approved by the leader or a configured approver ----------------------------


def test_extension_approved_by_the_asking_unit_is_refused(ledger: Ledger) -> None:
    command = f"extend {JINGPINGANG} {ISSUE} --to 2026-12-15 --reason 塔基施工受阻 --approver"
    refused = refuse(ledger, f"{command} 马强")
    assert "PL231" in refused and "包抓领导" in refused
    # A configured approver may; one of the asking unit may not, even if configured.
    set_ranking(ledger, "{approvers: [孙丽娟, 马强]}", "配置延期审批人", "2026-11-02")
    assert "PL231" in refuse(ledger, f"{command} 马强")
    ledger.change(
        f"{command} 孙丽娟",
        project=JINGPINGANG,
        trailer="extend",
        item="D-3KD8XP",
        old="2026-11-15",
        new="2026-12-15",
    )


# --- 逾期后延期 ---------------------------------------------------------------------------------


def test_an_extension_after_the_due_date_does_not_erase_the_overdue(ledger: Ledger) -> None:
    before = ranking_row(ledger, POWER)
    assert before["overdue"] == 1 and before["late_extended"] == 0
    # Overdue since 11-16; extended on 11-20 (5 days overdue) by the 包抓领导.
    ledger.change(
        f"extend {JINGPINGANG} {ISSUE} --to 2026-12-15 --reason 塔基施工受阻 --approver 王建国",
        project=JINGPINGANG,
        trailer="extend",
        item="D-3KD8XP",
        old="2026-11-15",
        new="2026-12-15",
        today="2026-11-20",
    )
    after = ranking_row(ledger, POWER)
    assert after["overdue"] == 0, "not overdue now"
    assert after["late_extended"] == 1, "but the ranking counts it: 逾期后延期"
    report = ledger.json("report", "weekly", "--week", "2026-W47", "--as-of", "2026-11-22")
    table = next(t for t in report["tables"] if t["key"] == "unit_ranking")
    units = [row["unit"] for row in table["rows"]]
    clean = [r["unit"] for r in table["rows"] if r["overdue"] == 0 and r["late_extended"] == 0]
    assert clean
    assert all(units.index(u) < units.index(POWER) for u in clean), "ranked as overdue"
    # Configurable: an office that lets a late extension erase the overdue.
    set_ranking(ledger, "{late_extension_counts: false}", "逾期后延期不计", "2026-11-21")
    assert ranking_row(ledger, POWER)["late_extended"] == 0


# --- 待核验: the office's days apart ----------------------------------------------------------


def test_submitted_in_time_is_not_overdue_while_the_office_verifies(ledger: Ledger) -> None:
    submit(ledger, "2026-11-10")  # before the due date, 11-15
    row = ranking_row(ledger, POWER)
    assert (row["overdue"], row["awaiting"], row["awaiting_days"]) == (0, 1, 12)
    # Verified after the due date: closed on time all the same (submitted in time).
    ledger.change(
        f"advance {JINGPINGANG} {ISSUE} --verifier 周海涛",
        project=JINGPINGANG,
        trailer="advance",
        item=ISSUE,
        old="待核验",
        new="已销号",
        today="2026-11-20",
    )
    row = ranking_row(ledger, POWER)
    assert (row["overdue"], row["awaiting"], row["closed_on_time"]) == (0, 0, 1)


def test_submitted_late_is_overdue(ledger: Ledger) -> None:
    submit(ledger, "2026-11-18")  # after the due date
    row = ranking_row(ledger, POWER)
    assert (row["overdue"], row["awaiting"]) == (1, 0)


# --- the rules written in the report ---------------------------------------------------------


def _text_of(fmt: str, data: bytes) -> str:
    if fmt in ("xlsx", "docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "".join(
                archive.read(name).decode("utf-8")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json", "xlsx", "docx"])
def test_the_ranking_rules_are_in_every_format(ledger: Ledger, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"w47.{fmt}"
    args = ["report", "weekly", "--week", "2026-W47", "--format", fmt]
    result = ledger.cli(*args, *([] if fmt == "text" else ["--output", str(out)]))
    assert result.returncode == 0, result.stderr
    text = result.stdout if fmt == "text" else _text_of(fmt, out.read_bytes())
    if fmt == "text":  # the terminal wraps the note: read it as one line
        text = "".join(text.split())
    assert "排名规则" in text
    assert "逾期后延期" in text and "待核验" in text


def test_the_rules_follow_the_config(ledger: Ledger) -> None:
    set_ranking(ledger, "{late_extension_counts: false, approvers: [孙丽娟]}", "规则", "2026-11-02")
    report = ledger.json("report", "weekly", "--week", "2026-W47")
    note = next(t for t in report["tables"] if t["key"] == "unit_ranking")["note"]
    assert "逾期后延期的事项不消除逾期" not in note
    assert "项目包抓领导或孙丽娟批准" in note
    english = ledger.json("report", "weekly", "--week", "2026-W47", "--lang", "en")
    note = next(t for t in english["tables"] if t["key"] == "unit_ranking")["note"]
    assert note.startswith("Ranking rules:")


# --- report annual (年度考评) -----------------------------------------------------------------


def test_report_annual(ledger: Ledger, tmp_path: Path) -> None:
    submit(ledger, "2026-11-10")
    report = ledger.json("report", "annual", "--year", "2026", "--as-of", "2026-11-22")
    assert report["kind"] == "annual" and report["subtitle"] == "2026年度"
    tables = {t["key"]: t for t in report["tables"]}
    units = tables["annual_units"]
    rows = {row["unit"]: row for row in units["rows"]}
    assert rows["高庄街道办事处"]["closed_on_time"] == 1
    assert rows[POWER]["awaiting"] == 1
    assert "排名规则" in units["note"]
    localities = tables["annual_localities"]
    ranks = [row["rank"] for row in localities["rows"]]
    assert ranks == list(range(1, len(ranks) + 1))
    gaozhuang = next(r for r in localities["rows"] if r["locality"] == "高庄街道")
    assert gaozhuang["issues"] == 2 and gaozhuang["closed_on_time"] == 1
    # A past year as of its last day, the same bytes twice; every format.
    first = ledger.cli("report", "annual", "--year", "2026", "--as-of", "2026-11-22")
    second = ledger.cli("report", "annual", "--year", "2026", "--as-of", "2026-11-22")
    assert first.returncode == 0 and first.stdout == second.stdout
    assert "年观摩" in first.stdout
    for fmt in ("md", "html", "xlsx", "docx"):
        out = tmp_path / f"annual.{fmt}"
        result = ledger.cli("report", "annual", "--year", "2026", "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0
    bad = ledger.cli("report", "annual", "--year", "26")
    assert bad.returncode == 2 and "--year 26" in bad.stderr


def test_report_annual_over_two_ledgers_ranks_again(tmp_path: Path) -> None:
    laiwu = Ledger.create(tmp_path / "laiwu")
    gangcheng = Ledger.create(tmp_path / "gangcheng")
    config = gangcheng.root / "projledger.yaml"
    text = re.sub(
        r"(?m)^organisation: .*$",
        "organisation: 济南市钢城区发展和改革局",
        config.read_text(encoding="utf-8"),
    )
    config.write_text(text, encoding="utf-8")
    gangcheng.commit("钢城区", "2026-11-02T09:00:00+08:00")
    args = ["report", "annual", "--year", "2026", "--as-of", "2026-11-22"]
    roots = ["--root", str(laiwu.root), "--root", str(gangcheng.root)]
    report = laiwu.json(*args, *roots)
    for key in ("annual_units", "annual_localities"):
        rows = next(t for t in report["tables"] if t["key"] == key)["rows"]
        assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
        assert {r["ledger"] for r in rows} == {"莱芜区", "钢城区"}
    again = laiwu.cli(*args, *roots, "--format", "json")
    assert json.loads(again.stdout) == report

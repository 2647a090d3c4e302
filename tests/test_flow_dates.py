"""Issue 14, "an event counts when it happened" and "the flow and the lists say what
happened": a change is authored on its own day (`--today`, `--date`) and counted in that
day's period; one recorded after its period's report is 补录; an issue added assigned
counts as 交办; one issue's events of a day read in the order they happened; extension
rows say old → new, reason and approver; returns, progress notes and each open issue's
latest note are in the report, in every format; an item's history includes its deadline.

One hand-made ledger (the sample's 精品钢 project in a repository of its own, committed on
2026-11-01) changed with the real CLI, each change recorded (committed) on a given day:

- W48, recorded the same day: 11-24 a new issue added assigned, then started, submitted
  and closed; 11-25 a progress note on I-9TX3QW; 11-26 its deadline D-3KD8XP extended
  from 2026-11-15 to 2026-11-30.
- Recorded on 12-05 (W49), the work of W48: `--today 2026-11-27` I-9TX3QW submitted and
  returned; `--date 2026-11-28` submitted again.
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import JINGPINGANG, Ledger, cli_env, git, hand_ledger

P = JINGPINGANG
NOTE, RETURN, EXTENSION = (
    "塔基基础完成（马强）",
    "佐证材料不全（周海涛）",
    "材料供应延误；批准：王建国",
)


def run(root: Path, command: str, recorded: str, today: str | None) -> str:
    """`projledger COMMAND [--today TODAY]`, committed (and by git's clock, authored) at
    10:00 on the day `recorded`, as if run that day; its stdout."""
    moment = f"{recorded}T10:00:00+08:00"
    env = {**cli_env(), "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    args = [*shlex.split(command), *(["--today", today] if today else [])]
    result = subprocess.run(
        [sys.executable, "-m", "projledger", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@dataclass
class Week48:
    ledger: Ledger
    new_issue: str = ""
    before_late: str = ""
    """The last commit recorded in W48: the ledger when W48's report was first made."""
    commits: dict[str, str] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.ledger.root

    def change(self, name: str, command: str, recorded: str, today: str | None) -> None:
        run(self.root, command, recorded, today)
        self.commits[name] = self.ledger.head()[:8]

    def report(self, *args: str) -> dict[str, Any]:
        payload: dict[str, Any] = self.ledger.json("report", "weekly", *args)
        return payload


@pytest.fixture(scope="module")
def week48(tmp_path_factory: pytest.TempPathFactory) -> Week48:
    w = Week48(hand_ledger(tmp_path_factory.mktemp("w48") / "ledger"))
    w.change(
        "add",
        f"add issue {P} --title 厂区北侧道路占用 --category 施工环境 "
        "--unit 莱芜区发展和改革局 --person 周海涛 --due 2026-12-20",
        "2026-11-24",
        "2026-11-24",
    )
    w.new_issue = w.ledger.show().item
    i = w.new_issue
    w.change("start", f"advance {P} {i}", "2026-11-24", "2026-11-24")
    w.change(
        "submit", f"advance {P} {i} --evidence 现场照片 --explanation 已协调让路", "2026-11-24",
        "2026-11-24",
    )  # fmt: skip
    w.change("close", f"advance {P} {i} --verifier 王建国", "2026-11-24", "2026-11-24")
    w.change("note", f"log {P} I-9TX3QW 塔基基础完成 --by 马强", "2026-11-25", "2026-11-25")
    w.change(
        "extend",
        f"extend {P} I-9TX3QW --to 2026-11-30 --reason 材料供应延误 --approver 王建国",
        "2026-11-26",
        "2026-11-26",
    )
    w.before_late = w.ledger.head()
    # Recorded on Saturday 12-05, the work of W48.
    w.change(
        "late_submit", f"advance {P} I-9TX3QW --evidence 验收单 --explanation 线路迁改完成",
        "2026-12-05", "2026-11-27",
    )  # fmt: skip
    w.change(
        "late_return", f"return {P} I-9TX3QW --reason 佐证材料不全 --by 周海涛", "2026-12-05",
        "2026-11-27",
    )  # fmt: skip
    w.change(
        "late_resubmit",
        f"advance {P} I-9TX3QW --evidence 验收单及照片 --explanation 线路迁改完成 "
        "--date 2026-11-28",
        "2026-12-05",
        None,
    )
    return w


def table(report: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return next(t["rows"] for t in report["tables"] if t["key"] == key)


def counts(report: dict[str, Any]) -> dict[str, int]:
    return {row["key"]: row["count"] for row in table(report, "flow") if row["count"]}


def events(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (e["date"], e["item"], e["change"], e["from"], e["to"], e["detail"], e["recorded"])
        for e in table(report, "issue_events")
    ]


# --- the commit: authored when it happened, committed when it was recorded ----------------


def test_a_change_is_authored_on_its_day_and_committed_when_recorded(week48: Week48) -> None:
    log = git(week48.root, "log", "-3", "--format=%h %aI %cI")
    recorded = "2026-12-05T10:00:00+08:00"
    assert log.splitlines() == [
        f"{week48.commits['late_resubmit'][:7]} 2026-11-28T10:00:00+08:00 {recorded}",
        f"{week48.commits['late_return'][:7]} 2026-11-27T10:00:00+08:00 {recorded}",
        f"{week48.commits['late_submit'][:7]} 2026-11-27T10:00:00+08:00 {recorded}",
    ]
    # A change on the day it is recorded keeps git's own date.
    same_day = git(week48.root, "log", "-1", "--format=%aI %cI", week48.before_late)
    assert same_day.split() == ["2026-11-26T10:00:00+08:00"] * 2


# --- the flow of W48, reported again after the late entries ------------------------------


def test_the_flow_counts_each_event_in_the_week_it_happened(week48: Week48) -> None:
    report = week48.report("--week", "2026-W48")
    i = week48.new_issue
    assert counts(report) == {
        "new": 1,
        "assigned": 1,  # added with --unit --person --due
        "started": 1,
        "submitted": 3,  # the new issue; I-9TX3QW on 11-27 and (--date) 11-28
        "closed": 1,
        "returned": 1,
        "extended": 1,
    }
    late = "2026-12-05"
    assert events(report) == [
        # One issue's day in the order it happened: 新增, 交办, 开始办理, 提交核验, 销号.
        ("2026-11-24", i, "新增问题", None, "已交办", None, None),
        ("2026-11-24", i, "交办", None, "已交办", "莱芜区发展和改革局（周海涛）", None),
        ("2026-11-24", i, "开始办理", "已交办", "办理中", None, None),
        ("2026-11-24", i, "提交核验", "办理中", "待核验", None, None),
        ("2026-11-24", i, "销号", "待核验", "已销号", "王建国", None),
        ("2026-11-25", "I-9TX3QW", "进展", None, None, NOTE, None),
        # The extension: the due date in force before it → the new one, reason, approver.
        ("2026-11-26", "D-3KD8XP", "延期", "2026-11-15", "2026-11-30", EXTENSION, None),
        # Recorded on 12-05, after W48's report date (11-29): 补录.
        ("2026-11-27", "I-9TX3QW", "提交核验", "办理中", "待核验", None, late),
        ("2026-11-27", "I-9TX3QW", "退回", "待核验", "办理中", RETURN, late),
        ("2026-11-28", "I-9TX3QW", "提交核验", "办理中", "待核验", None, late),
    ]
    notes = {t["key"]: t.get("note") for t in report["tables"]}
    assert "补录" in (notes["issue_events"] or "")
    # The text says so, from the same rows.
    assert "其中3项变化在报告日之后补录。" in [p["text"] for p in report["narrative"]]
    # The week they were recorded in shows none of them.
    w49 = week48.report("--week", "2026-W49")
    assert table(w49, "issue_events") == []
    assert counts(w49) == {"became_overdue": 1}  # I-9TX3QW, due 11-30: not an event


def test_at_reproduces_the_report_as_it_was_made(week48: Week48) -> None:
    """W48's report made on 11-29 (`--at` the commit, or the day) had none of the late
    entries; the same report today has them, marked 补录."""
    then = week48.report("--week", "2026-W48", "--at", week48.before_late)
    assert then == week48.report("--week", "2026-W48", "--at", "2026-11-29")
    assert counts(then) == {
        "new": 1,
        "assigned": 1,
        "started": 1,
        "submitted": 1,
        "closed": 1,
        "extended": 1,
    }
    assert all(e[-1] is None for e in events(then))
    assert [e[:3] for e in events(then)] == [e[:3] for e in events(week48.report(
        "--week", "2026-W48"))][:7]  # fmt: skip


# --- the lists: latest progress, return reasons ------------------------------------------


def test_the_dispatch_report_shows_each_open_issues_latest_progress(week48: Week48) -> None:
    report = week48.report("--week", "2026-W48")
    rows = {row["issue"]: row for row in table(report, "open_issues")}
    assert week48.new_issue not in rows  # closed
    nine = rows["I-9TX3QW"]
    assert (nine["note_date"], nine["note"]) == ("2026-11-25", NOTE)
    assert (nine["returned_on"], nine["return_reason"]) == ("2026-11-27", RETURN)
    assert nine["due"] == "2026-11-30"
    # As of a day before the note, the note before it (the sample's own) is the latest.
    earlier = week48.report("--week", "2026-W47")
    assert table(earlier, "open_issues")[0]["note_date"] < "2026-11-25"
    assert table(earlier, "open_issues")[0]["return_reason"] is None


# --- every format says the same ----------------------------------------------------------


def _text_of(path: Path) -> str:
    """A file's text; of a .xlsx or .docx, its XML parts'."""
    if path.suffix in (".xlsx", ".docx"):
        with zipfile.ZipFile(path) as archive:
            return "".join(
                archive.read(name).decode("utf-8")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json", "xlsx", "docx"])
def test_every_format_carries_the_reasons_notes_and_late_entries(
    week48: Week48, fmt: str, tmp_path: Path
) -> None:
    out = tmp_path / f"w48.{fmt}"
    output = [] if fmt == "text" else ["-o", str(out)]
    result = week48.ledger.cli("report", "weekly", "--week", "2026-W48", "--format", fmt, *output)
    assert result.returncode == 0, result.stderr
    said = [NOTE, RETURN, EXTENSION, "2026-11-15", "补录", "最新进展", "退回理由"]
    if fmt == "text":  # the terminal wraps long cells: their first words
        said = [words[:6] for words in said]
    text = result.stdout if fmt == "text" else _text_of(out)
    for words in said:
        assert words in text, (fmt, words)


def test_csv_tables_carry_them_too(week48: Week48) -> None:
    """CSV is one table at a time: the events and the open issues, from the same report."""
    from projledger.commands.reports_run import _period
    from projledger.ledger.facts_cache import FACTS, load_view
    from projledger.report.build_period import build_period_report
    from projledger.report.render_csv import render_csv
    from projledger.root import LedgerRoot

    root = LedgerRoot(week48.root)
    period = _period("weekly", "2026-W48", None, None, dt.date(2026, 12, 5))
    report = build_period_report(
        root, load_view(root, FACTS), "weekly", period, period.end, "zh", "test"
    )
    events = render_csv(report, "issue_events")
    assert "2026-11-15,2026-11-30,材料供应延误；批准：王建国" in events
    assert f"{RETURN},测试员 Tester,2026-12-05" in events
    assert f"2026-11-25,{NOTE}" in render_csv(report, "open_issues")


def test_the_weekly_report_reads_right_in_the_terminal(week48: Week48) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "projledger", "report", "weekly", "--week", "2026-W48"],
        cwd=week48.root,
        env={**cli_env(), "COLUMNS": "240"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    extension = next(line for line in result.stdout.splitlines() if "D-3KD8XP" in line)
    assert extension.index("2026-11-15") < extension.index("2026-11-30")
    late = [line for line in result.stdout.splitlines() if "2026-12-05" in line]
    assert len(late) == 3  # the three rows recorded late, with their recording day


# --- history: an item with its deadline --------------------------------------------------


def test_the_history_of_an_issue_includes_its_deadline(week48: Week48) -> None:
    issue = week48.ledger.json("history", P, "I-9TX3QW")
    fields = [(c["item"], c["field"]) for c in issue["changes"]]
    assert ("D-3KD8XP", "") in fields  # the deadline's creation
    assert ("D-3KD8XP", "extensions[1]") in fields  # its extension on 11-26
    deadline = week48.ledger.json("history", P, "D-3KD8XP")
    assert ("I-9TX3QW", "returns") in [(c["item"], c["field"]) for c in deadline["changes"]]
    added = week48.ledger.json("history", P, week48.new_issue)
    assert {c["item"] for c in added["changes"]} == {week48.new_issue, _deadline_of(added)}


def _deadline_of(history: dict[str, Any]) -> str:
    return next(c["item"] for c in history["changes"] if str(c["item"]).startswith("D-"))


def test_json_of_the_late_flag_is_a_date(week48: Week48) -> None:
    report = week48.report("--week", "2026-W48")
    columns = next(t["columns"] for t in report["tables"] if t["key"] == "issue_events")
    assert {"key": "recorded"}.items() <= next(c for c in columns if c["key"] == "recorded").items()
    assert json.dumps(report, ensure_ascii=False).count('"recorded": "2026-12-05"') == 3


def test_an_issues_extension_reads_among_its_events_in_their_order(tmp_path: Path) -> None:
    """Submitted, returned, then its deadline extended, on one day: the rows keep that
    order (the deadline's id sorts before the issue's; its events do not)."""
    ledger = hand_ledger(tmp_path / "ledger")
    for command in (
        f"advance {P} I-9TX3QW --evidence 验收单 --explanation 线路迁改完成",
        f"return {P} I-9TX3QW --reason 佐证材料不全 --by 周海涛",
        f"extend {P} I-9TX3QW --to 2026-12-15 --reason 返工 --approver 王建国",
        f"log {P} I-9TX3QW 重新组织验收 --by 马强",
    ):
        run(ledger.root, command, "2026-11-18", "2026-11-18")
    report = ledger.json("report", "weekly", "--week", "2026-W47")
    assert [(e[1], e[2], e[3], e[4]) for e in events(report)] == [
        ("I-9TX3QW", "提交核验", "办理中", "待核验"),
        ("I-9TX3QW", "退回", "待核验", "办理中"),
        ("D-3KD8XP", "延期", "2026-11-15", "2026-12-15"),
        ("I-9TX3QW", "进展", None, None),
    ]

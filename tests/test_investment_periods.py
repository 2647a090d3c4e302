"""Issue 14, "Dates": monthly investment figures are data for a period (1-10月), and the
year rollover.

One hand-made ledger (the sample's 精品钢 project in a repository of its own, committed on
2026-11-01; its figure 351,600 of a 420,000 plan, entered 2026-11-10 before periods were
recorded), changed with the real CLI:

- 2026-11-25: `set investment.completed_this_year 360000` (default: 1-10月, the month
  before the change's date). On 1 December the figure is still January-October data and
  is compared with 10/12, not 11/12.
- 2026-12-04: `set ... 400000 --through 11月`.
- 2027-01-05: `rollover 2027` with a plans file; the December 2026 bulletin regenerates
  unchanged.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import JINGPINGANG, Ledger, hand_ledger

P = JINGPINGANG
FIGURE = f"set {P} investment.completed_this_year"


def figures(report: dict[str, Any]) -> dict[str, Any]:
    return {f["key"]: f["value"] for f in report["figures"]}


def project_file(ledger: Ledger) -> str:
    return (ledger.root / "projects" / f"{P}.yaml").read_text(encoding="utf-8")


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    ledger = hand_ledger(tmp_path / "ledger")
    done = ledger.run(f"{FIGURE} 360000", today="2026-11-25")
    assert done.returncode == 0, done.stderr
    assert "（1-10月）" in done.stdout
    return ledger


def test_a_figure_records_its_months_and_the_series(ledger: Ledger) -> None:
    text = project_file(ledger)
    assert "  completed_this_year: 360000   # 1-10月统计数\n" in text  # the comment kept
    assert "  updated: 2026-11-25\n  through_month: 10\n  series:\n" in text
    # The figure it replaced (entered 11-10, before periods were recorded) is kept first,
    # as covering the months before its date.
    assert "    - {through: 10, completed: 351600, reported: 2026-11-10}\n" in text
    assert "    - {through: 10, completed: 360000, reported: 2026-11-25}\n" in text
    assert ledger.cli("check").returncode == 0


def test_completion_is_compared_with_the_time_progress_of_the_same_months(
    ledger: Ledger,
) -> None:
    card = figures(ledger.json("report", "project", P, "--as-of", "2026-12-01"))
    # 1-10月 data on 1 December: against 10/12, not 11/12 (which made it -6.0 points).
    assert card["data_period"] == "1-10月"
    assert card["completed"] == 360000
    assert card["time_progress"] == pytest.approx(0.8333, abs=1e-4)
    assert card["gap"] == 2.4
    assert card["light"] == "green"

    assert ledger.run(f"{FIGURE} 400000 --through 11月", today="2026-12-04").returncode == 0
    later = figures(ledger.json("report", "project", P, "--as-of", "2026-12-05"))
    assert later["data_period"] == "1-11月"
    assert later["time_progress"] == pytest.approx(0.9167, abs=1e-4)
    # A date before the new figure was entered still sees the one it had.
    before = figures(ledger.json("report", "project", P, "--as-of", "2026-12-03"))
    assert (before["completed"], before["data_period"]) == (360000, "1-10月")
    # Before the first figure of the series was entered, the one entered on 11-10.
    november = figures(ledger.json("report", "project", P, "--as-of", "2026-11-20"))
    assert (november["completed"], november["data_period"]) == (351600, "1-10月")


def test_a_past_bulletin_regenerates_with_the_figure_it_had(ledger: Ledger) -> None:
    args = ("report", "monthly", "--month", "2026-11", "--as-of", "2026-11-30")
    before = ledger.json(*args)
    assert ledger.run(f"{FIGURE} 400000 --through 11月", today="2026-12-04").returncode == 0
    after = ledger.json(*args)
    assert figures(after)["completed"] == 360000  # entered 11-25: the bulletin's figure
    assert figures(after)["data_period"] == "1-10月"
    assert {**before, "source": ""} == {**after, "source": ""}


def test_every_format_shows_the_data_period(ledger: Ledger, tmp_path: Path) -> None:
    args = ("report", "monthly", "--month", "2026-11", "--as-of", "2026-11-30")
    assert "数据期" in ledger.cli(*args).stdout and "1-10月" in ledger.cli(*args).stdout
    for fmt in ("md", "html", "json", "xlsx", "docx"):  # csv: overdue/due only
        out = tmp_path / f"report.{fmt}"
        result = ledger.cli(*args, "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
        raw = out.read_bytes()
        if fmt in ("xlsx", "docx"):
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                raw = b"".join(archive.read(name) for name in archive.namelist())
        assert "1-10月".encode() in raw, fmt
    english = ledger.cli("report", "monthly", "--month", "2026-11", "--lang", "en")
    assert "Jan–Oct" in english.stdout


def test_through_is_checked(ledger: Ledger) -> None:
    assert "不是有效月份" in ledger.refused(f"{FIGURE} 1 --through 13月", today="2026-12-02")
    assert "该月尚未结束" in ledger.refused(f"{FIGURE} 1 --through 2026-12", today="2026-12-02")
    said = ledger.refused(f"set {P} description x --through 10月", today="2026-12-02")
    assert "不适用于描述" in said
    # January: the default is last December, the record's year.
    assert ledger.run(f"{FIGURE} 410000", today="2027-01-08").returncode == 0
    assert "through_month: 12" in project_file(ledger)


def test_rollover(ledger: Ledger, tmp_path: Path) -> None:
    assert ledger.run(f"{FIGURE} 400000 --through 11月", today="2026-12-04").returncode == 0
    args = ("report", "monthly", "--month", "2026-12", "--as-of", "2026-12-31")
    before = {fmt: ledger.cli(*args, "--format", fmt).stdout for fmt in ("json", "text")}
    plans = tmp_path / "plans.csv"
    plans.write_text(f"project,plan_this_year\n{P},300000\n", encoding="utf-8")
    count = ledger.count()

    assert "nosuch" in ledger.refused("rollover 2027 --plan nosuch=5", today="2027-01-05")
    done = ledger.run(f"rollover 2027 --plans {plans}", today="2027-01-05")
    assert done.returncode == 0, done.stderr
    assert "年度结转 2026 → 2027" in done.stdout
    assert ledger.count() == count + 1  # one commit
    text = project_file(ledger)
    assert "  year: 2027\n" in text
    assert "  completed_before_year: 868000\n" in text  # 468,000 + 400,000
    assert "  plan_this_year: 300000\n" in text
    assert "  completed_this_year: 0" in text
    assert "  past_years:\n    - year: 2026\n" in text
    assert "        - {through: 11, completed: 400000, reported: 2026-12-04}\n" in text
    assert "\n  through_month" not in text and "\n  series" not in text
    assert ledger.cli("check").returncode == 0

    # Twice for one year: refused, nothing written.
    assert "已结转过" in ledger.refused("rollover 2027", today="2027-01-06")
    # The old year's figure after the rollover: refused (run it once 1-12月 is in).
    late = ledger.refused(f"{FIGURE} 420000 --through 2026-12", today="2027-01-08")
    assert "记录中为 2027 年的数字" in late
    # The old year's bulletin: the same bytes (but the commit it was read from).
    after = {fmt: ledger.cli(*args, "--format", fmt).stdout for fmt in ("json", "text")}
    old, new = json.loads(before["json"]), json.loads(after["json"])
    assert old["source"] != new["source"]
    assert {**old, "source": ""} == {**new, "source": ""}
    assert before["json"].replace(old["source"], "") == after["json"].replace(new["source"], "")
    assert before["text"].replace(old["source"].split()[-1], "") == after["text"].replace(
        new["source"].split()[-1], ""
    )
    # The new year: its plan, nothing completed yet.
    year = figures(ledger.json("report", "project", P, "--as-of", "2027-01-05"))
    assert (year["plan"], year["completed"]) == (300000, 0)


def test_rollover_usage(ledger: Ledger) -> None:
    assert ledger.run("rollover next", today="2027-01-05").returncode == 2
    assert "早于 2028 年" in ledger.refused("rollover 2028", today="2027-01-05")


def test_rollover_of_the_sample_keeps_the_old_years_reports(tmp_path: Path) -> None:
    """Every project of the sample (every pool, new projects without a 开工 deadline, a
    retired one): 2026's bulletins print the same after the rollover."""
    ledger = Ledger.create(tmp_path / "sample")
    reports = [
        ("report", "monthly", "--month", "2026-12", "--as-of", "2026-12-31"),
        ("report", "weekly", "--week", "2026-W47"),
        ("report", "quarterly", "--quarter", "2026-Q4", "--as-of", "2026-12-31"),
    ]
    before = [ledger.cli(*args, "--format", "json").stdout for args in reports]
    done = ledger.run("rollover 2027", today="2027-01-05")
    assert done.returncode == 0, done.stderr
    assert ledger.cli("check").returncode == 0
    after = [ledger.cli(*args, "--format", "json").stdout for args in reports]
    for old, new in zip(before, after, strict=True):
        assert {**json.loads(old), "source": ""} == {**json.loads(new), "source": ""}

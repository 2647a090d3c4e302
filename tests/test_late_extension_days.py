"""Issue 14: the days an item was overdue before its late extension (逾期后延期) are shown
in the unit ranking of the weekly and monthly reports, in every format; and a funding
source named 其他 reads 其他来源 in the monthly narrative."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import JINGPINGANG, Ledger, hand_ledger

ISSUE = "I-9TX3QW"
"""Of 国网济南市莱芜区供电公司; its deadline D-3KD8XP due 2026-11-15 in force."""
POWER = "国网济南市莱芜区供电公司"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    """Due 11-15, extended on 11-20 by the 包抓领导: 5 days overdue (the day granted less
    the due date)."""
    made = hand_ledger(tmp_path_factory.mktemp("late") / "ledger")
    made.change(
        f"extend {JINGPINGANG} {ISSUE} --to 2026-12-15 --reason 塔基施工受阻 --approver 王建国",
        project=JINGPINGANG,
        trailer="extend",
        item="D-3KD8XP",
        old="2026-11-15",
        new="2026-12-15",
        today="2026-11-20",
    )
    return made


def _row(report: dict[str, Any], unit: str) -> dict[str, Any]:
    table = next(t for t in report["tables"] if t["key"] == "unit_ranking")
    return next(r for r in table["rows"] if r["unit"] == unit)


def test_the_weekly_ranking_shows_the_days_overdue_before_the_extension(ledger: Ledger) -> None:
    report = ledger.json("report", "weekly", "--week", "2026-W47", "--as-of", "2026-11-22")
    row = _row(report, POWER)
    assert row["late_extended"] == 1
    assert row["late_days"] == 5, "extended on 11-20, due 11-15: five days overdue"
    others = [
        r["late_days"]
        for t in report["tables"]
        if t["key"] == "unit_ranking"
        for r in t["rows"]
        if r["unit"] != POWER
    ]
    assert set(others) == {0}


def test_the_monthly_ranking_shows_them_too(ledger: Ledger) -> None:
    report = ledger.json("report", "monthly", "--month", "2026-11", "--as-of", "2026-11-30")
    assert _row(report, POWER)["late_days"] == 5


def _text_of(fmt: str, data: bytes) -> str:
    if fmt in ("xlsx", "docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "".join(
                archive.read(name).decode("utf-8")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["text", "md", "html", "xlsx", "docx"])
def test_every_format_has_the_column(ledger: Ledger, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"w47.{fmt}"
    args = ["report", "weekly", "--week", "2026-W47", "--as-of", "2026-11-22", "--format", fmt]
    result = ledger.cli(*args, *([] if fmt == "text" else ["--output", str(out)]))
    assert result.returncode == 0, result.stderr
    text = result.stdout if fmt == "text" else _text_of(fmt, out.read_bytes())
    if fmt == "text":  # the terminal wraps a header cell over lines: 延期 / 前逾 / 期天 / 数
        assert "前逾" in text and "期天" in text
    else:
        assert "延期前逾期天数" in text


def test_a_source_named_other_reads_as_other_sources_in_the_bulletin(tmp_path: Path) -> None:
    made = hand_ledger(tmp_path / "ledger")
    for source, planned, received in (("其他", "1000", "0"),):
        command = f"add funding {JINGPINGANG} --source {source} --planned {planned}"
        result = made.run(f"{command} --received {received}", today="2026-11-10")
        assert result.returncode == 0, result.stderr
    result = made.cli("report", "monthly", "--month", "2026-11", "--as-of", "2026-11-30")
    assert result.returncode == 0, result.stderr
    text = "".join(result.stdout.split())
    assert "到位率较低的是其他来源（0.0%）" in text
    english = made.cli("report", "monthly", "--month", "2026-11", "--lang", "en")
    assert "其他来源" not in english.stdout


def test_show_of_the_deadline_says_how_long_it_was_overdue(ledger: Ledger) -> None:
    result = ledger.cli("show", JINGPINGANG, "D-3KD8XP")
    assert result.returncode == 0, result.stderr
    assert "2026-11-15 到期，逾期5天后延期至2026-12-15" in result.stdout

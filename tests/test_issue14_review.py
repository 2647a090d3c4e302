"""Issue 14's review: what its other tests left out. The sample ledger shows the rules the
README states (a retired duplicate, funding and land, a late extension, a task with its
quantity done), and a closure after a late extension is not on time (逾期后延期), on a
hand-made ledger with real history and the CLI in a subprocess."""

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.helpers import JINGPINGANG, MATOUSHAN, Ledger, hand_ledger

JIENENG = "laiwu-jieneng-huanbao-zhuangbei-chanyeyuan"
LATE = "I-XW3VQF"
"""The sample's late extension: due 09-30, extended on 10-16 to 12-15 by the 包抓领导."""
GONGXIN = "莱芜区工业和信息化局"
POWER = "国网济南市莱芜区供电公司"
ISSUE = "I-9TX3QW"
"""精品钢's issue of 国网 (马强), due 11-15 in force (extended on 10-28, in time)."""


def table(report: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = next(t for t in report["tables"] if t["key"] == key)["rows"]
    return rows


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    return Ledger.create(
        tmp_path_factory.mktemp("sample") / "root", date="2026-11-10T09:00:00+08:00"
    )


def projects(ledger: Ledger) -> dict[str, Any]:
    yaml = YAML(typ="safe")
    return {p.stem: yaml.load(p) for p in sorted((ledger.root / "projects").glob("*.yaml"))}


def test_the_sample_is_clean_and_has_a_retired_duplicate(sample: Ledger) -> None:
    assert sample.cli("check").returncode == 0
    files = projects(sample)
    duplicates = {
        pid: data["retirement"]["duplicate_of"]
        for pid, data in files.items()
        if (data.get("retirement") or {}).get("duplicate_of")
    }
    assert len(duplicates) == 1
    ((duplicate, real),) = duplicates.items()
    assert real in files and files[duplicate]["code"] == files[real]["code"]
    weekly = sample.json("report", "weekly", "--week", "2026-W47")
    reported = {r["project_id"] for r in table(weekly, "project_ids")}
    assert real in reported and duplicate not in reported
    assert weekly["invalid_files"] == []


def test_the_sample_reports_funding_and_land(sample: Ledger) -> None:
    monthly = sample.json("report", "monthly", "--month", "2026-11", "--as-of", "2026-11-20")
    funding, land = table(monthly, "funding"), table(monthly, "land")
    assert len(funding) > 2 and funding[-1]["planned"] > funding[-1]["received"] > 0
    assert len(land) > 2 and land[-1]["approved_unsupplied_mu"] > 0  # 批而未供


def test_the_sample_has_a_late_extension_that_the_ranking_counts(sample: Ledger) -> None:
    deadline = next(d for d in projects(sample)[JIENENG]["deadlines"] if d["target"] == LATE)
    (extension,) = deadline["extensions"]
    assert extension["date"] > deadline["due"], "granted after the due date"
    assert extension["approver"] == "李振华"  # the project's 包抓领导
    overdue = sample.json("overdue", "--as-of", "2026-11-20")
    assert LATE not in {r["target"] for r in table(overdue, "items")}
    weekly = sample.json("report", "weekly", "--week", "2026-W47", "--as-of", "2026-11-20")
    row = next(r for r in table(weekly, "unit_ranking") if r["unit"] == GONGXIN)
    assert (row["overdue"], row["late_extended"]) == (1, 1)
    # The unit is on the black list with both, as the ranking counts them.
    text = "".join(p["text"] for p in weekly["narrative"])
    assert f"{GONGXIN}（逾期2项）" in text


def test_the_sample_has_a_task_with_its_quantity_done(sample: Ledger) -> None:
    shown = sample.cli("show", MATOUSHAN)
    assert shown.returncode == 0, shown.stderr
    assert re.search(r"98/126 ?户", shown.stdout)


# --- 逾期后延期: a closure after the date it was overdue from is not on time ----------------


def ranking_row(ledger: Ledger) -> dict[str, Any]:
    report = ledger.json("report", "weekly", "--week", "2026-W47", "--as-of", "2026-11-22")
    return next(r for r in table(report, "unit_ranking") if r["unit"] == POWER)


def close_after_a_late_extension(ledger: Ledger) -> None:
    """Overdue from 11-16; extended on 11-18 to 12-15; submitted 11-19, closed 11-20."""
    for command, today in (
        (
            f"extend {JINGPINGANG} {ISSUE} --to 2026-12-15 --reason 塔基施工受阻 --approver 王建国",
            "2026-11-18",
        ),
        (f"advance {JINGPINGANG} {ISSUE} --evidence 验收单 --explanation 迁改完成", "2026-11-19"),
        (f"advance {JINGPINGANG} {ISSUE} --verifier 周海涛", "2026-11-20"),
    ):
        result = ledger.run(command, today=today)
        assert result.returncode == 0, result.stderr


def test_a_closure_after_a_late_extension_is_not_on_time(tmp_path: Path) -> None:
    ledger = hand_ledger(tmp_path / "ledger")
    close_after_a_late_extension(ledger)
    row = ranking_row(ledger)
    assert (row["closed"], row["closed_on_time"], row["overdue"]) == (1, 0, 0)
    assert row["late_extended"] == 1


def test_an_office_that_lets_a_late_extension_count_sees_it_on_time(tmp_path: Path) -> None:
    ledger = hand_ledger(tmp_path / "ledger")
    config = ledger.root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    assert text.count("late_extension_counts: true") == 1
    config.write_text(
        text.replace("late_extension_counts: true", "late_extension_counts: false"),
        encoding="utf-8",
    )
    ledger.commit("逾期后延期不计逾期", "2026-11-02T09:00:00+08:00")
    close_after_a_late_extension(ledger)
    row = ranking_row(ledger)
    assert (row["closed"], row["closed_on_time"], row["late_extended"]) == (1, 1, 0)

"""Every `--unit` reader goes through the one unit resolver (issue 18): `changes --unit`
and `export unit` take a short name or a variant, match items whose file writes the unit
another way, and refuse an unknown name with the closest declared ones."""

from pathlib import Path

from tests.helpers import Ledger, run_cli

TASK = "T-6FJ2RA"
"""完成年度投资42亿元, the task of 莱芜区发展和改革局 (short name 区发改局)."""


def _variant_ledger(top: Path) -> tuple[Ledger, str]:
    """The sample with the task's unit written as a variant (发改局), then a change to the
    task alone: the commit only a resolver can tie to the unit."""
    ledger = Ledger.create(top)
    ledger.edit(
        "    unit: 莱芜区发展和改革局\n    person: 周海涛", "    unit: 发改局\n    person: 周海涛"
    )
    ledger.commit("单位写作简称", "2026-11-05T10:00:00+08:00")
    ledger.edit("title: 完成年度投资42亿元", "title: 完成年度投资42.5亿元")
    return ledger, ledger.commit("调整任务", "2026-11-06T10:00:00+08:00")


def test_changes_by_unit_finds_an_item_written_with_a_variant(tmp_path: Path) -> None:
    ledger, retitled = _variant_ledger(tmp_path / "l")
    since = ("--since", "2026-11-06")
    for typed in ("莱芜区发展和改革局", "区发改局", "发改局"):
        changes = ledger.json("changes", *since, "--unit", typed)["changes"]
        assert (retitled, TASK) in [(c["commit"], c["item"]) for c in changes], typed
    other = ledger.json("changes", *since, "--unit", "高庄街道")["changes"]
    assert all(c["item"] != TASK for c in other)


def test_an_unknown_unit_is_refused_with_the_closest(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "l")
    result = ledger.cli("changes", "--unit", "发改委")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert (
        "发改委：projledger.yaml 中没有声明这个单位；是否指：莱芜区发展和改革局？" in result.stderr
    )
    config = ledger.root / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: zh", "language: en"),
        encoding="utf-8",
    )
    english = ledger.cli("changes", "--unit", "发改委")
    assert english.returncode == 1
    assert "is not a unit declared in projledger.yaml; did you mean 莱芜区发展和改革局?" in (
        english.stderr
    )


def test_export_unit_takes_a_variant_and_refuses_an_unknown_name(sample_root: Path) -> None:
    made = run_cli("export", "unit", "发改局", "-o", sample_root / "u.xlsx", cwd=sample_root)
    assert made.returncode == 0, made.stderr
    assert (sample_root / "u.xlsx").is_file()
    refused = run_cli("export", "unit", "发改委", "-o", sample_root / "v.xlsx", cwd=sample_root)
    assert refused.returncode == 1
    assert "是否指：莱芜区发展和改革局" in refused.stderr
    assert not (sample_root / "v.xlsx").exists()

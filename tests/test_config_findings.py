"""Findings in projledger.yaml point at the entry at fault: a duplicate declaration at the
repeated entry (not at `units:` or `people:`), a complex key at its own line (not 1:1);
and true/false is not a number there either."""

import json
from pathlib import Path
from typing import Any

from tests.helpers import SAMPLE_PROJECT, run_cli


def config_findings(root: Path) -> list[dict[str, Any]]:
    # In English: what is checked here is where each finding points (test_messages.py
    # checks the sample's own language, zh).
    result = run_cli("check", "--format", "json", "--no-cache", "--lang", "en", cwd=root)
    assert "Traceback" not in result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return [f for f in findings if f["file"] == "projledger.yaml"]


def add_after(path: Path, anchor: str, added: str) -> int:
    """Insert `added` (whole lines) after the line holding `anchor`; its first line's number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if anchor in line) + 1
    lines[at:at] = added.rstrip("\n").split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def test_a_duplicate_unit_person_and_stage_are_found_at_the_repeated_entry(
    sample_root: Path,
) -> None:
    config = sample_root / "projledger.yaml"
    unit = add_after(config, "{name: 凤城街道办事处,", "  - {name: 莱芜区水务局, short: 水务}\n")
    person = add_after(config, "{name: 刘志强,", "  - {name: 张伟, unit: 高庄街道办事处}\n")
    stage = add_after(config, "  - 尚未完成规划条件核实", "  - 开工\n")
    found = [
        (f["code"], f["line"], f["column"], f["message"]) for f in config_findings(sample_root)
    ]
    assert found == [
        (
            "PL401",
            unit,
            6,
            "莱芜区水务局 is declared again: units[20].name repeats units[6].name; remove one "
            "or rename it, so rankings do not split",
        ),
        (
            "PL401",
            person,
            6,
            "张伟 is declared again: people[28].name repeats people[7].name; remove one or "
            "rename it, so rankings do not split",
        ),
        (
            "PL401",
            stage,
            5,
            "开工 is declared again: continuing_stages[3] repeats stages[6]; remove one or "
            "rename it, so rankings do not split",
        ),
    ]


def test_a_complex_key_is_found_at_its_line(sample_root: Path) -> None:
    config = sample_root / "projledger.yaml"
    in_config = add_after(config, "language: zh", "? [a, b]\n: c\n")
    project = sample_root / "projects" / SAMPLE_PROJECT.name
    in_project = add_after(project, "pool: 续建", "? [省级, 市级]\n: 续建\n")
    result = run_cli("check", "--format", "json", "--no-cache", cwd=sample_root)
    found = {
        (f["file"], f["code"], f["line"], f["column"])
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "PL103"
    }
    assert found == {
        ("projledger.yaml", "PL103", in_config, 3),
        (f"projects/{SAMPLE_PROJECT.name}", "PL103", in_project, 3),
    }


def test_true_is_not_a_number_in_the_config(sample_root: Path) -> None:
    config = sample_root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("due_soon_days: 7 ", "due_soon_days: true "), encoding="utf-8")
    found = [(f["code"], f["message"]) for f in config_findings(sample_root)]
    assert (
        "PL103",
        "due_soon_days: expected a number, got true; write the number itself",
    ) in found

"""Control and invisible characters a hand edit wrote are `check`'s findings, as the change
commands refuse to write them: in any value of a project file (a double-quoted escape or a
raw format character, PL007) and in every name projledger.yaml declares or refers to,
members and the ranking's approvers included (PL104)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Ledger, run_cli


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger.create(tmp_path)


def findings(ledger: Ledger, *args: str) -> list[tuple[str, str, int]]:
    result = run_cli("check", "--format", "json", *args, cwd=ledger.root)
    assert "Traceback" not in result.stderr, result.stderr
    payload = json.loads(result.stdout)
    return [(f["code"], f["file"], f["line"]) for f in payload["findings"]]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ('"精品钢\\e[31m绿色转型项目"', "U+001B"),
        ('"精品钢\\u202e绿色转型项目"', "U+202E"),
        ('"精品钢\\x07绿色转型项目"', "U+0007"),
        ("精品钢\u200b绿色转型项目", "U+200B"),  # a zero-width space, raw
    ],
)
def test_a_hidden_character_in_a_value_is_an_error_on_its_line(
    ledger: Ledger, written: str, shown: str
) -> None:
    ledger.edit("name: 精品钢绿色转型项目\n", f"name: {written}\n")
    file = ledger.file()
    line = file.read_text(encoding="utf-8").split("\n").index(f"name: {written}") + 1
    relative = file.relative_to(ledger.root).as_posix()
    assert ("PL007", relative, line) in findings(ledger)
    result = run_cli("check", cwd=ledger.root)
    assert result.returncode == 1
    assert f"含有控制字符或不可见字符 {shown}" in result.stdout
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_a_backslash_and_line_breaks_are_text(ledger: Ledger) -> None:
    ledger.edit(
        "name: 精品钢绿色转型项目\n",
        'name: 精品钢绿色转型项目\nindustry_note: "见 D:\\\\台账\\\\new 目录\\n第二行\\t续"\n',
    )
    assert not [f for f in findings(ledger) if f[0] == "PL007"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  approvers: []", '  approvers: ["王\\u202e建国"]'),
        ("  approvers: []", '  approvers: ["王建国 "]'),
    ],
)
def test_the_ranking_approvers_are_held_to_the_name_rule(
    ledger: Ledger, old: str, new: str
) -> None:
    config = ledger.root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert ("PL104", "projledger.yaml") in {(c, f) for c, f, _ in findings(ledger)}


@pytest.mark.parametrize(
    "member",
    [
        '{who: "a\\eb <a@x.cn>", roles: [办公室]}',
        '{who: "a@x.cn", roles: [单位填报人], unit: "莱芜区\\u202e水务局"}',
        '{who: "a@x.cn", roles: [办公室], person: "王\\n建国"}',
    ],
)
def test_members_are_held_to_the_name_rule(ledger: Ledger, member: str) -> None:
    config = ledger.root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    assert "\nmembers:" not in text
    config.write_text(text + f"members:\n  - {member}\n", encoding="utf-8")
    result = run_cli("check", cwd=ledger.root)
    assert result.returncode == 1
    assert "PL104" in result.stdout and "成员第1条" in result.stdout, result.stdout

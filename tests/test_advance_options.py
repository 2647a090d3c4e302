"""`advance` does one kind of step (an item, an approval, the pool, the stage); an option
only another kind reads is a usage error (exit 2) naming it, and nothing is committed.
It was silently dropped while the stage advanced: a commit the clerk did not ask for."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Ledger, git, run_cli

PROJECT = "laiwu-matoushan-shuiku"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    return Ledger.create(tmp_path_factory.mktemp("advance"))


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--code", "2026-370116-48-01-000001"), "--code 不适用于推进项目阶段"),
        (("--maturity", "A"), "--maturity 不适用于推进项目阶段"),
        (("--pool", "竣工", "--to", "开工"), "--to 不适用于调整库别"),
        (
            ("--approval", "施工许可", "--status", "已办结", "--pool", "竣工"),
            "--pool 不适用于推进审批手续",
        ),
        (("I-Q442SQ", "--pool", "竣工"), "--pool 不适用于推进事项"),
    ],
)
def test_an_option_of_another_step_is_a_usage_error(
    ledger: Ledger, args: tuple[str, ...], named: str
) -> None:
    head = git(ledger.root, "rev-parse", "HEAD")
    result = run_cli("advance", PROJECT, *args, "--today", "2026-11-20", cwd=ledger.root)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert named in result.stderr, result.stderr
    assert git(ledger.root, "rev-parse", "HEAD") == head
    assert git(ledger.root, "status", "--porcelain") == ""


def test_in_english_too(ledger: Ledger, tmp_path: Path) -> None:
    result = run_cli("advance", PROJECT, "--code", "x", "--lang", "en", cwd=ledger.root)
    assert result.returncode == 2
    assert "--code: not an option of advancing the stage (which takes --to)" in result.stderr

"""Shell completion, as bash asks for it: commands, project and item ids, units, people."""

import subprocess
from pathlib import Path

from tests.helpers import PROJLEDGER, cli_env
from tests.helpers import completions as complete


def test_commands_projects_items_units_and_people_complete(sample_root: Path) -> None:
    assert complete(sample_root, "projledger ove") == ["overdue"]
    assert complete(sample_root, "projledger show laiwu-jingping") == [
        "laiwu-jingpingang-lvse-zhuanxing"
    ]
    items = complete(sample_root, "projledger advance laiwu-jingpingang-lvse-zhuanxing I-")
    assert items and all(item.startswith("I-") for item in items)
    assert "I-4M8K2P" in items
    units = complete(sample_root, "projledger list issues --unit 高庄")
    assert "高庄街道" in units or "高庄街道办事处" in units
    people = complete(sample_root, "projledger extend laiwu-jingpingang I-4M8 --approver 王")
    assert "王建国" in people


def test_completion_in_no_ledger_root_offers_nothing_and_does_not_fail(tmp_path: Path) -> None:
    assert complete(tmp_path, "projledger show lai") == []


def test_the_completion_script_is_shown(tmp_path: Path) -> None:
    env = cli_env()
    # typer's switch for naming the shell instead of detecting it from the process tree
    # (a test runs under pytest, not a shell).
    env["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"
    result = subprocess.run(
        [PROJLEDGER, "--show-completion", "bash"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "_PROJLEDGER_COMPLETE" in result.stdout or "complete" in result.stdout

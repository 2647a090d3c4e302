"""Ctrl-C at any moment of start-up once projledger's code runs (while Python imports the
error handler, the catalogue, typer, the commands) ends the run with exit 130 and no
traceback: never a Python traceback, never an "internal error" (an interrupted import
once left a name unbound in entry.py's cleanup, and that error replaced the interrupt).

The interrupt is raised exactly where it is wanted, as the import of a given module
begins, in a real process running the entry point; a signal sent after a delay would
land before projledger's code on one run and after start-up on another."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import Ledger, cli_env

INTERRUPTED_AT = """
import sys
from importlib.abc import MetaPathFinder

AT = sys.argv.pop(1)

class Interrupt(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == AT:
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, Interrupt())
from projledger.entry import main
main()
"""


def check_interrupted_at(module: str, ledger: Ledger) -> subprocess.CompletedProcess[str]:
    """`projledger check` in the ledger, Ctrl-C raised as the import of `module` begins."""
    return subprocess.run(
        [sys.executable, "-c", INTERRUPTED_AT, module, "check", "--no-cache"],
        cwd=ledger.root,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    return Ledger.create(tmp_path_factory.mktemp("interrupt"))


@pytest.mark.parametrize(
    "module",
    [
        "projledger.error_handler",  # before the handler exists
        "projledger.messages",
        "typer",
        "projledger.cli",
        "projledger.cli.language",
        "projledger.commands.check",  # the command's own modules
        "projledger.check.run",
    ],
)
def test_ctrl_c_during_start_up_is_exit_130_without_a_traceback(
    ledger: Ledger, module: str
) -> None:
    result = check_interrupted_at(module, ledger)
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stderr and "内部错误" not in result.stderr
    assert result.returncode == 130, (result.stdout, result.stderr)


def test_the_interrupt_is_reached(ledger: Ledger) -> None:
    """The witness: a module start-up never imports is not interrupted, and the run ends
    as `check` does."""
    result = check_interrupted_at("no.such.module", ledger)
    assert result.returncode == 0, result.stderr

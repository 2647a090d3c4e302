"""What makes a change of one file cheaper (issue 12) must not change what it does: one
`git status` answers for the file and the config, the cyclic collector stays paused
through the run, and the models' validators are built without reading a builtin's
signature."""

import subprocess
import sys
from pathlib import Path

from tests.helpers import JINGPINGANG, TODAY, Ledger, cli_env

HAND_EDIT = ("签约完成210户", "签约完成211户")
"""An edit by hand of the sample project's file (a progress note)."""


def test_hand_edits_of_the_file_and_of_the_config_are_told_apart(tmp_path: Path) -> None:
    """One status covers both paths; what it finds is put down to the right one."""
    ledger = Ledger.create(tmp_path)
    ledger.edit(*HAND_EDIT)
    error = ledger.refused(f"log {JINGPINGANG} I-4M8 进展")
    assert "--commit-hand-edits" in error
    assert "projledger.yaml" not in error

    ledger.edit(*reversed(HAND_EDIT))
    with (ledger.root / "projledger.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# 手工添加的注释\n")
    error = ledger.refused(f"log {JINGPINGANG} I-4M8 进展")
    assert "git checkout -- projledger.yaml" in error
    assert "--commit-hand-edits" not in error


def collector_after(args: list[str], cwd: Path) -> str:
    """`projledger ARGS` run through the entry point, then whether the cyclic collector
    is on (printed last on stderr)."""
    code = (
        "import gc, sys\n"
        "sys.argv = ['projledger', *sys.argv[1:]]\n"
        "from projledger.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.isenabled(), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.strip().splitlines()[-1]


def test_a_change_of_one_file_runs_with_the_collector_paused(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    change = ["log", JINGPINGANG, "I-4M8", "进展", "--today", TODAY, "--dry-run"]
    assert collector_after(change, ledger.root) == "False"
    assert collector_after(["--lang", "en", *change], ledger.root) == "False"
    # Any other command collects as usual once started.
    assert collector_after(["show", JINGPINGANG], ledger.root) == "True"


def test_no_model_field_has_a_builtin_for_default_factory() -> None:
    from projledger.model import config, project
    from projledger.model.common import LedgerModel

    builtins = (list, dict, set, tuple)
    for module in (project, config):
        for model in vars(module).values():
            if isinstance(model, type) and issubclass(model, LedgerModel):
                for name, field in model.model_fields.items():
                    assert field.default_factory not in builtins, f"{model.__name__}.{name}"

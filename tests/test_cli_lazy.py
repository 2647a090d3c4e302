"""The command line builds only the command it runs: what users see must not change."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import cli_env, run_cli


def run_python(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -c CODE ARGS...` in a process like run_cli's."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def run_main(
    module: str, args: list[str], report: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    """`module.main()` run as `projledger ARGS`, then `report` (an expression, with gc and
    sys imported) printed to stderr."""
    code = (
        "import gc, sys; sys.argv[0] = 'projledger'\n"
        f"from {module} import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print({report}, file=sys.stderr)"
    )
    return run_python(code, *args, cwd=cwd)


def full_help(args: list[str], cwd: Path) -> str:
    """The help typer gives when it builds every command: `app()` called directly, not
    through `main()`, in a process like run_cli's."""
    code = (
        "from projledger.cli import register_commands; register_commands()(prog_name='projledger')"
    )
    result = run_python(code, *args, "--help", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("args", [[], ["report"], ["add"], ["report", "weekly"], ["check"]])
def test_help_is_the_same_as_with_every_command_built(args: list[str], tmp_path: Path) -> None:
    shown = run_cli(*args, "--help", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    # run_cli starts `python -m projledger`, which click names so.
    assert shown.stdout.replace("python -m projledger", "projledger") == full_help(args, tmp_path)


def test_an_unknown_command_is_still_matched_against_every_name(tmp_path: Path) -> None:
    result = run_cli("overdeu", cwd=tmp_path)
    assert result.returncode == 2
    assert "No such command 'overdeu'" in result.stderr
    assert "'overdue'" in result.stderr


def test_options_before_the_command_are_still_refused_as_before(tmp_path: Path) -> None:
    result = run_cli("--root", ".", "check", cwd=tmp_path)
    assert result.returncode == 2
    assert "No such option: --root" in result.stderr


def test_the_command_table_names_every_registered_command_in_help_order() -> None:
    """A run registers only the module `COMMAND_MODULES` names for its command: the table
    must say where each command is defined, in the order the help lists them."""
    import typer.main

    from projledger.cli import COMMAND_MODULES, register_commands

    app = register_commands()
    group = typer.main.get_group(app)
    listed = group.list_commands(None)  # type: ignore[arg-type]
    assert sorted(listed) == sorted(COMMAND_MODULES)
    for name in listed:
        command = group.commands[name]
        callback = command.callback
        module = (callback.__module__ if callback is not None else "") or ""
        if name in ("add", "report", "unit", "person"):  # groups: their commands' module
            sub = next(iter(command.commands.values()))  # type: ignore[attr-defined]
            module = sub.callback.__module__
        assert module.endswith(f"cli.{COMMAND_MODULES[name]}"), (name, module)


@pytest.mark.parametrize(
    ("args", "modules"),
    [
        (["--help"], ["help_index"]),  # the commands listed from the catalogue, none built
        (["add", "issue", "--help"], ["changes", "complete", "options"]),
        (["history", "--help"], ["complete", "history", "options"]),
        (["overdue", "--help"], ["complete", "options", "reports"]),
        (["check", "--help"], ["check", "complete", "options"]),
        (["--version"], []),
    ],
)
def test_a_run_imports_only_the_command_module_it_needs(
    args: list[str], modules: list[str], tmp_path: Path
) -> None:
    # Every run decides its language (and picks its help texts) first, `cli.language`, and
    # runs the app through `cli.usage_errors` (usage errors and help's words in it).
    modules = sorted({*modules, "language", "usage_errors"})
    loaded_modules = "sorted(m for m in sys.modules if m.startswith('projledger.cli.'))"
    result = run_main("projledger.cli", args, loaded_modules, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == str([f"projledger.cli.{m}" for m in modules])


def test_start_up_pauses_the_collector_and_then_turns_it_back_on(tmp_path: Path) -> None:
    """The entry point builds the app with the cyclic collector off, freezes what start-up
    made (it lives as long as the process), and runs the command with it on."""
    report = "gc.isenabled(), gc.get_freeze_count() > 10000"
    result = run_main("projledger.entry", ["check", "--help"], report, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
    assert result.stderr.strip() == "True True"


def test_commands_run_without_looking_up_pydantic_plugins(tmp_path: Path) -> None:
    """A command builds pydantic validators (its parameters, the models) without the
    plugin look-up that imports importlib.metadata."""
    init = run_main("projledger.entry", ["init", str(tmp_path / "root")], "0", tmp_path)
    assert init.returncode == 0, init.stderr
    report = "'importlib.metadata' in sys.modules, 'pydantic_core' in sys.modules"
    result = run_main("projledger.entry", ["check", str(tmp_path / "root")], report, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.strip().splitlines()[-1] == "False True"

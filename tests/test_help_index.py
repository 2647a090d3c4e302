"""The top-level help lists the commands from the catalogue (cli/help_index.py) without
building them: it must read exactly as the help of the app with every command built."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import cli_env

LOCALES = {"zh": "zh_CN.UTF-8", "en": "C.UTF-8"}
"""Outside a ledger root the locale decides the language (a bare `projledger` takes no
`--lang`)."""


def run(command: list[str], lang: str, cwd: Path) -> str:
    """What `command` prints, run in the locale of `lang`."""
    env = cli_env()
    for name in ("LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    env["LANG"] = LOCALES[lang]
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 2), result.stderr  # a bare `projledger`: help, exit 2
    return result.stdout + result.stderr


def help_with_every_command_built(args: list[str], lang: str, cwd: Path) -> str:
    """The help `projledger ARGS` would show if the run built every command, in `lang`."""
    code = (
        "import sys\n"
        "from projledger.cli import language, register_commands, run_app\n"
        "sys.argv[0] = 'projledger'\n"
        f"language.set_current({lang!r})\n"
        "app = register_commands()\n"
        f"language.translate_help(app, {lang!r})\n"
        "run_app(app)\n"
    )
    return run([sys.executable, "-c", code, *args], lang, cwd)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("args", [["--help"], ["-h"], []])
def test_the_listing_reads_as_with_every_command_built(
    args: list[str], lang: str, tmp_path: Path
) -> None:
    # `python -m projledger`, as run_cli starts it, which click names so.
    shown = run([sys.executable, "-m", "projledger", *args], lang, tmp_path)
    output = shown.replace("python -m projledger", "projledger")
    assert "check" in output and "report" in output
    assert output == help_with_every_command_built(args, lang, tmp_path)


def test_the_groups_and_hidden_commands_are_those_of_the_app() -> None:
    """`help_index` knows which commands are groups (listed last) and which are hidden:
    the listing it makes is the registered app's, name for name, in order."""
    import typer.main

    from projledger.cli import COMMAND_MODULES, help_index, register_commands

    group = typer.main.get_group(register_commands())
    names = group.list_commands(None)  # type: ignore[arg-type]
    visible = [name for name in names if not group.commands[name].hidden]
    assert help_index.listed(COMMAND_MODULES) == visible
    hidden = {name for name in names if group.commands[name].hidden}
    assert hidden == help_index.HIDDEN
    groups = {name for name in names if hasattr(group.commands[name], "commands")}
    assert groups == help_index.GROUPS

"""Completion answered before the app is built (cli/complete.py `answer`): the same offers
typer gives, in every shell's format, from a table a test checks against the app; and
pinyin initials where the shell shows an offer that does not begin with the typed word.
(How fast: bench/bench_complete.py.)"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from projledger.cli.complete import COMPLETED
from tests.helpers import MATOUSHAN, PROJLEDGER, cli_env

TYPER_PARSED = "typer._adapters"
"""Imported when typer parses the words to answer a completion request."""

TYPER_ONLY = """
import sys
sys.argv = ["projledger"]
from projledger.cli import app, register_commands, run_app
register_commands()
run_app(app)
"""
"""The app as typer answers a completion request: every command built, no table."""

TABLE_FROM_APP = """
import json
import typer.main
from typer.core import TyperArgument, TyperGroup
from projledger.cli import app, register_commands

def completer(param):
    for cell in (param._custom_shell_complete or (lambda: 0)).__closure__ or ():
        wrapped = getattr(cell.cell_contents, "__wrapped__", None)
        if wrapped is not None:
            return wrapped.__name__
    return None

def commands(command, path):
    if isinstance(command, TyperGroup):
        for name, sub in command.commands.items():
            yield from commands(sub, [*path, name])
    else:
        yield " ".join(path), command

found = {}
register_commands()
for path, command in commands(typer.main.get_command(app), []):
    arguments, options, root = [], {}, None
    for param in command.params:
        if isinstance(param, TyperArgument):
            arguments.append([param.name, completer(param), param.nargs])
        elif completer(param):
            for name in param.opts + param.secondary_opts:
                options[name] = [completer(param), param.nargs, param.is_flag, param.name]
        if "--root" in param.opts:
            root = [param.name, param.multiple]
    found[path] = {"arguments": arguments, "options": options, "root": root}
print(json.dumps(found))
"""


def _env(shell: str, line: str, terminal: dict[str, str] | None = None) -> dict[str, str]:
    env = cli_env() | (terminal or {})
    env["_PROJLEDGER_COMPLETE"] = f"complete_{shell}"
    if shell == "bash":
        env["COMP_WORDS"] = line
        env["COMP_CWORD"] = str(len(line.split(" ")) - 1)
    else:
        env["_TYPER_COMPLETE_ARGS"] = line
    if shell == "powershell":
        env["_TYPER_COMPLETE_WORD_TO_COMPLETE"] = line.rsplit(" ", maxsplit=1)[-1]
    if shell.startswith("fish"):
        env["_PROJLEDGER_COMPLETE"] = "complete_fish"
        env["_TYPER_COMPLETE_FISH_ACTION"] = shell.removeprefix("fish-")
    return env


def _answer(
    command: list[str], root: Path, shell: str, line: str, terminal: dict[str, str] | None = None
) -> tuple[int, str, str]:
    done = subprocess.run(
        command,
        cwd=root,
        env=_env(shell, line, terminal),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def quick(
    root: Path, shell: str, line: str, terminal: dict[str, str] | None = None
) -> tuple[int, str]:
    """How `projledger` answers, asserting it built no command (parsing the words, typer
    builds each parameter's converter, in `typer._adapters`; the table's answer does not)."""
    code, out, imports = _answer(
        [sys.executable, "-X", "importtime", PROJLEDGER], root, shell, line, terminal
    )
    assert TYPER_PARSED not in imports, f"{line!r}: typer answered, not the table"
    return code, out


def typers(
    root: Path, shell: str, line: str, terminal: dict[str, str] | None = None
) -> tuple[int, str]:
    code, out, err = _answer([sys.executable, "-c", TYPER_ONLY], root, shell, line, terminal)
    assert code in (0, 1), err
    return code, out


ITEM = f"projledger advance {MATOUSHAN} I-"
LINES = [
    "projledger show 马头",
    "projledger show ",
    "projledger show laiwu-",
    "projledger show 新能源",
    f"projledger show {MATOUSHAN} I-Q",
    "projledger show 马头山 ",
    "projledger history mtssk I-",
    ITEM,
    f"projledger advance {MATOUSHAN} --to 已",
    "projledger advance 马头山 I-Q442SQ --to 办",
    "projledger advance 马头山 --status 已",
    "projledger advance 马头山 --approval 施工",
    "projledger return 马头山 I-Q442SQ --by 王",
    "projledger withdraw 马头山 I",
    "projledger retire 马头山 --duplicate-of 马",
    "projledger extend laiwu-jingpingang I-4M8 --approver 王",
    "projledger set 马头",
    "projledger log 马头山 I-",
    "projledger list issues --state 已",
    "projledger list projects --level ",
    "projledger list issues --unit 高庄 --state 已",
    "projledger list approvals --procedure 施工",
    "projledger list issues --project 马头",
    "projledger new x --stage 前期",
    "projledger new x --pool 在",
    "projledger new x --lead-unit 高庄",
    "projledger changes --project 马头",
    "projledger overdue --level 区",
    "projledger due --leader 王",
    "projledger add issue 马头山 --category 征",
    "projledger add issue 马头山 --source ",
    "projledger add issue 马头山 --cause ",
    "projledger add task 马",
    "projledger add responsibility 马头山 --role 配合",
    "projledger add funding 马头山 --source 地方",
    "projledger add deadline 马头",
    "projledger unit rename 高庄",
    "projledger unit retire 区",
    "projledger person add 王某 --unit 高庄",
    "projledger person move 王",
]
"""A value of every argument and option the table completes."""


@pytest.mark.parametrize("line", LINES)
def test_bash_gets_what_typer_gives(sample_root: Path, line: str) -> None:
    assert quick(sample_root, "bash", line) == typers(sample_root, "bash", line)


@pytest.mark.parametrize("shell", ["zsh", "fish-get-args", "fish-is-args", "powershell"])
@pytest.mark.parametrize(
    "line",
    [
        "projledger show 马头",
        "projledger show laiwu-",
        "projledger show 没有这个项目",
        ITEM,
        "projledger list issues --unit 高庄",
        "projledger extend laiwu-jingpingang I-4M8 --approver 王",
    ],
)
def test_every_shell_gets_what_typer_gives(sample_root: Path, shell: str, line: str) -> None:
    offered = quick(sample_root, shell, line)
    assert offered == typers(sample_root, shell, line)
    if shell != "fish-is-args" and "没有" not in line:
        assert offered[1].strip() and offered[1].strip() != "_files"  # something offered


@pytest.mark.parametrize(
    "line",
    [
        "projledger ove",  # a command's name
        "projledger show --",  # an option's name
        "projledger show --json 马头",  # a flag before the value
        "projledger add issue 马头山 --title x --category 征",  # an option without a completer
        "projledger --lang en show 马头",  # a top-level option first
        "projledger check ledg",  # a command the table does not hold
    ],
)
def test_what_the_table_cannot_tell_typer_answers(sample_root: Path, line: str) -> None:
    code, out, err = _answer([PROJLEDGER], sample_root, "bash", line)
    assert (code, out) == typers(sample_root, "bash", line), err
    _, _, imports = _answer(
        [sys.executable, "-X", "importtime", PROJLEDGER], sample_root, "bash", line
    )
    assert TYPER_PARSED in imports  # answered by typer


def test_the_table_holds_every_completed_parameter_of_the_app(sample_root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", TABLE_FROM_APP],
        cwd=sample_root,
        env=cli_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    app = json.loads(done.stdout)
    completed = {
        path: command
        for path, command in app.items()
        if command["options"] or any(c for _, c, _ in command["arguments"])
    }
    assert set(COMPLETED) == set(completed)
    for path, spec in COMPLETED.items():
        command = completed[path]
        arguments = [
            f"{name}={completer}" if completer else name
            for name, completer, nargs in command["arguments"]
            if nargs == 1
        ]
        options = []
        for option, (completer, nargs, is_flag, name) in command["options"].items():
            assert (nargs, is_flag, name) == (1, False, option[2:].replace("-", "_")), option
            options.append(f"{option}={completer}")
        assert len(arguments) == len(command["arguments"]), path  # one value each
        assert spec.split() == arguments + options, path
        assert command["root"] == ["root", False], path  # `--root DIR`, once


@pytest.mark.parametrize(
    ("shell", "shown"),
    [
        ("bash", "马头山水库工程"),
        ("powershell", "马头山水库工程:::laiwu-matoushan-shuiku (mtsskgc)"),
        ("fish-get-args", "马头山水库工程\tlaiwu-matoushan-shuiku (mtsskgc)"),
    ],
)
def test_pinyin_initials_offer_the_name_where_the_shell_shows_it(
    sample_root: Path, shell: str, shown: str
) -> None:
    assert quick(sample_root, shell, "projledger show mtssk") == (0, shown + "\n")
    assert quick(sample_root, shell, "projledger advance MTS") == (0, shown + "\n")
    # what is offered is what the command takes
    line = "projledger advance 马头山水库工程 I-Q44"
    assert quick(sample_root, shell, line)[1].startswith("I-Q442SQ")


def test_zsh_that_shows_only_what_begins_with_the_word_gets_no_initials_offer(
    sample_root: Path,
) -> None:
    """zsh's `_arguments` (compadd) keeps only offers that begin with the typed word."""
    line = "projledger show mtssk"
    assert quick(sample_root, "zsh", line) == typers(sample_root, "zsh", line) == (0, "_files\n")


def test_a_retired_twin_is_offered_by_its_id_for_its_initials(sample_root: Path) -> None:
    offered = quick(sample_root, "bash", "projledger show xnycyyg")[1].split()
    assert offered.count("新能源产业用钢项目") == 1
    assert "laiwu-chongfu-xinnengyuan-yonggang" in offered


def test_initials_do_not_replace_offers_that_begin_with_the_word(sample_root: Path) -> None:
    # `laiwu` begins ids: those are offered, as typer offers them, not initials' matches
    line = "projledger show laiwu-m"
    assert quick(sample_root, "bash", line) == typers(sample_root, "bash", line)


@pytest.mark.parametrize(
    "terminal",
    [
        {"COLUMNS": "24"},  # help wider than the console: rich wraps it
        {"TERMINAL_WIDTH": "16", "FORCE_COLOR": "1"},
        {"COLUMNS": "30", "_TYPER_FORCE_DISABLE_TERMINAL": "1"},
    ],
)
@pytest.mark.parametrize("shell", ["zsh", "fish-get-args", "powershell"])
def test_help_is_rendered_as_typer_renders_it(
    sample_root: Path, shell: str, terminal: dict[str, str]
) -> None:
    for line in ("projledger show laiwu-", "projledger advance 马头山水库工程 I-"):
        assert quick(sample_root, shell, line, terminal) == typers(
            sample_root, shell, line, terminal
        )


@pytest.mark.parametrize(
    "title",
    [
        "林地审核:warning: 待批复",
        "林地审核  待批复 ",
        "[bold]林地审核[/bold] 待批复",
        "林地\\[审核]",
    ],
)
@pytest.mark.parametrize("shell", ["zsh", "powershell"])
def test_help_that_rich_changes_is_rendered_as_typer_renders_it(
    sample_root: Path, shell: str, title: str
) -> None:
    project = sample_root / "projects" / f"{MATOUSHAN}.yaml"
    text = project.read_text(encoding="utf-8")
    assert "淹没区使用林地审核同意书待省林业局批复" in text
    project.write_text(
        text.replace("淹没区使用林地审核同意书待省林业局批复", json.dumps(title)), encoding="utf-8"
    )
    line = f"projledger advance {MATOUSHAN} I-Q"
    offered = typers(sample_root, shell, line)
    assert "I-Q442SQ" in offered[1]
    assert quick(sample_root, shell, line) == offered


def test_the_completion_index_follows_the_names_cache(sample_root: Path) -> None:
    assert quick(sample_root, "bash", "projledger show 马头") == (0, "马头山水库工程\n")
    index = sample_root / ".projledger" / "names-complete.txt"
    assert "马头山水库工程" in index.read_text(encoding="utf-8")
    project = sample_root / "projects" / f"{MATOUSHAN}.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("name: 马头山水库工程", "name: 马头山水库扩建工程"), "utf-8")
    # a command that names a project brings the names cache up to date ...
    shown = subprocess.run(
        [PROJLEDGER, "show", "马头山", "--json"], cwd=sample_root, env=cli_env(), check=False
    )
    assert shown.returncode in (0, 1)
    # ... and completion, the index with it
    assert quick(sample_root, "bash", "projledger show 马头") == (0, "马头山水库扩建工程\n")
    # a project file the index does not know is read
    (sample_root / "projects" / "laiwu-xin.yaml").write_text(
        text.replace(MATOUSHAN, "laiwu-xin").replace("name: 马头山水库工程", "name: 马头岭隧道"),
        "utf-8",
    )
    assert quick(sample_root, "bash", "projledger show 马头") == (
        0,
        "马头山水库扩建工程\n马头岭隧道\n",
    )

"""The command line: argument parsing only, and the only typer importer. One app; each
group of commands has a module of its own, which calls one function in
`projledger.commands` (where the heavy modules are imported, when a command runs).

Typer turns every registered function into a click command (reading its signature and
annotations) before it parses the arguments, so a run registers only the module that
defines the command it names (`COMMAND_MODULES`), and of that only the command: the
top-level help and an unknown name register everything (so click lists every command and
suggests the nearest name).
"""

from collections.abc import Sequence
from typing import NoReturn, Optional

import typer

from projledger import __version__

app = typer.Typer(
    name="projledger",
    help="Key-project ledgers (重点项目台账) as YAML files in git: "
    "the four lists, checks, reports.",
    no_args_is_help=True,
    # --install-completion / --show-completion for bash, zsh, fish and PowerShell; the
    # values (projects, items, units, people) come from cli/complete.py.
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain help: rendering it with rich costs ~150 ms of imports on every --help.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"projledger {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
    lang: Optional[str] = typer.Option(  # noqa: UP045 - typer needs Optional here
        None,
        "--lang",
        metavar="zh|en",
        help="Language of messages and help (default: the ledger's `language`; outside a "
        "ledger root, the locale).",
    ),
) -> None:
    """Key-project ledgers (重点项目台账) as YAML files in git."""


# Which module defines each command, in the order `--help` lists them (a test checks this
# against the registered app).
COMMAND_MODULES: dict[str, str] = {
    "check": "check",
    "schema": "check",
    "init": "views",
    "show": "views",
    "list": "views",
    "new": "changes",
    "add": "changes",
    "advance": "changes",
    "return": "changes",
    "withdraw": "changes",
    "retire": "changes",
    "extend": "changes",
    "set": "changes",
    "log": "changes",
    "unit": "config_cmds",
    "person": "config_cmds",
    "fix": "fix",
    "rollover": "rollover",
    "history": "history",
    "changes": "history",
    "audit": "history",
    "overdue": "reports",
    "due": "reports",
    "report": "reports",
    "import": "excel",
    "export": "excel",
    "setup": "sync",
    "sync": "sync",
    "resolve": "sync",
    "server-hook": "sync",
    "merge-driver": "sync",
}


def main() -> None:
    import sys

    from projledger.error_handler import run

    run(lambda: run_app(prepare(sys.argv[1:])))


def run_app(app: typer.Typer) -> NoReturn:
    """Run the prepared `app` and exit: its usage errors and help in the run's language."""
    from projledger.cli import language, usage_errors

    usage_errors.run(app, language.current())


def prepare(args: Sequence[str]) -> typer.Typer:
    """The app, with what running `args` needs registered (and nothing else), in the
    language `cli.language` decides for this run."""
    import os
    from pathlib import Path

    from projledger import error_handler
    from projledger.cli import language

    if "_PROJLEDGER_COMPLETE" in os.environ:
        from projledger.cli import complete

        if complete.answer(os.environ):  # a value, from the caches: no command is built
            raise SystemExit(0)
    lang = language.decide(args, os.environ, Path.cwd())
    language.set_current(lang)
    error_handler.set_language(lang)
    args = _without_top_level_lang(args)
    if (not args or args[0] in ("-h", "--help")) and "_PROJLEDGER_COMPLETE" not in os.environ:
        from projledger.cli import help_index

        help_index.register(app, COMMAND_MODULES)  # the commands listed, none built
        language.translate_help(app, lang)
        return app
    first = args[0] if args else _completed_command()
    if first is not None and first.startswith("-") and first not in ("-h", "--help"):
        return app  # top-level options only (--version): no command
    module = COMMAND_MODULES.get(first) if first is not None else None
    register_commands(module)
    if module is not None:
        _keep_only(first, args[1] if len(args) > 1 else None)
    language.translate_help(app, lang)
    return app


def changes_one_file(args: Sequence[str]) -> bool:
    """Whether running `args` changes one project file (a command of cli/changes.py).
    Such a run builds little beyond start-up, and reference counting frees it, so the
    cyclic collector, which would scan the modules and validators the run imports and
    builds dozens of times, stays paused to the end (entry.py); a change that reads every
    file pauses it there anyway (check/run.py)."""
    args = _without_top_level_lang(args)
    return bool(args) and COMMAND_MODULES.get(args[0]) == "changes"


def _without_top_level_lang(args: Sequence[str]) -> Sequence[str]:
    """`projledger --lang zh COMMAND ...`: the language is decided; the command is what
    follows (the callback takes `--lang` too, so `--help` lists it)."""
    if len(args) >= 2 and args[0] == "--lang":
        return args[2:]
    if args and args[0].startswith("--lang="):
        return args[1:]
    return args


def _completed_command() -> str | None:
    """When the shell asks for completions, the command already typed (so only its module
    is registered): bash and zsh pass the words in COMP_WORDS, fish and PowerShell in
    _TYPER_COMPLETE_ARGS."""
    import os

    if "_PROJLEDGER_COMPLETE" not in os.environ:
        return None
    words = (os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or "").split()
    typed_command = len(words) > 2 or (len(words) == 2 and words[1] in COMMAND_MODULES)
    return words[1] if typed_command and words[1] in COMMAND_MODULES else None


_registered: set[str] = set()


def register_commands(module: str | None = None) -> typer.Typer:
    """Register the commands of `module` (None: of every module, in `--help`'s order)."""
    import importlib

    for name in dict.fromkeys(COMMAND_MODULES.values()):
        if module in (None, name) and name not in _registered:
            importlib.import_module(f"projledger.cli.{name}").register(app)
            _registered.add(name)
    return app


def _keep_only(name: str | None, sub: str | None) -> None:
    """Only the command `name`; of a group, only its command `sub` when `sub` is the name
    of one (`add issue` builds `issue` alone; `add --help` and `add isue` every one)."""
    commands = [info for info in app.registered_commands if _command_name(info) == name]
    groups = [info for info in app.registered_groups if info.name == name]
    app.registered_commands = commands
    app.registered_groups = groups
    for group in groups:
        instance = group.typer_instance
        if instance is None:
            continue
        named = [info for info in instance.registered_commands if _command_name(info) == sub]
        if named:
            instance.registered_commands = named


def _command_name(info: typer.models.CommandInfo) -> str:
    """The name typer gives a registered command."""
    if info.name:
        return info.name
    assert info.callback is not None
    return info.callback.__name__.lower().replace("_", "-")

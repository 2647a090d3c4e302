"""Build only the command being run.

Typer turns every registered function into a click command (reading its signature and
annotations) before parsing the arguments: ~3 ms a command, 80 ms for all of them, on
every run. A run names one command, so the others are left out before typer builds the
group; for the top-level help, each command is listed by a stand-in with no parameters
and the same help text. Unknown names leave everything in place, so click's own "No such
command" and its suggestions stay as they are.
"""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import typer
from typer.models import CommandInfo, TyperInfo


def command_name(info: CommandInfo) -> str:
    """The name typer gives a registered command."""
    if info.name:
        return info.name
    callback: Callable[..., Any] | None = info.callback
    assert callback is not None
    return callback.__name__.lower().replace("_", "-")


def top_level_help(args: Sequence[str]) -> bool:
    """Whether `args` ask for the list of commands (no command, or --help first)."""
    return not args or args[0] in ("-h", "--help")


def keep_only_invoked(app: typer.Typer, args: Sequence[str]) -> None:
    """Leave in `app` only what running `args` needs (see the module's docstring)."""
    first = next((arg for arg in args if not arg.startswith("-")), None)
    if first is None or first != (args[0] if args else None):
        return  # top-level options first (--version) or no command: nothing to leave out
    commands = [info for info in app.registered_commands if command_name(info) == first]
    groups = [info for info in app.registered_groups if info.name == first]
    if commands or groups:
        app.registered_commands = commands
        app.registered_groups = groups


# The top-level help, listed without importing the command modules (~10 ms of a 0.15 s
# `--help`): `cli_index.INDEX` holds what each command's stand-in needs, and a test checks
# it equals `index_of` the fully registered app (`write_index` rewrites it).

Index = list[
    tuple[str, str, str | None, str | None, "list[tuple[str, str | None, str | None]] | None"]
]
"""(name, the module that defines it, docstring, help, the group's commands or None for a
command); a group's docstring is its Typer's help."""


def index_of(app: typer.Typer) -> Index:
    entries: Index = []
    for info in app.registered_commands:
        callback = info.callback
        assert callback is not None
        entries.append((command_name(info), callback.__module__, callback.__doc__, info.help, None))
    for group in app.registered_groups:
        sub = group.typer_instance
        assert sub is not None and group.name is not None
        commands = index_of(sub)
        help = group.help if isinstance(group.help, str) else None  # else typer's default
        doc = sub.info.help if isinstance(sub.info.help, str) else None
        module = commands[0][1]
        entries.append((group.name, module, doc, help, [(c[0], c[2], c[3]) for c in commands]))
    return entries


def module_of(index: Index, args: Sequence[str]) -> str | None:
    """The module that defines the command `args` run; None for a name not in the index
    (every module is then registered, so click can suggest the nearest name)."""
    if not args or args[0].startswith("-"):
        return "projledger.cli"  # options only (--version): no command module
    return next((entry[1] for entry in index if entry[0] == args[0]), None)


def stand_ins_from_index(app: typer.Typer, index: Index) -> None:
    app.registered_commands = [
        _stand_in(name, doc, help) for name, _, doc, help, commands in index if commands is None
    ]
    app.registered_groups = []
    for name, _, doc, help, commands in index:
        if commands is None:
            continue
        stand_in = typer.Typer(help=doc, rich_markup_mode=None)
        stand_in.registered_commands = [_stand_in(*command) for command in commands]
        group = (
            TyperInfo(stand_in, name=name)
            if help is None
            else TyperInfo(stand_in, name=name, help=help)
        )
        app.registered_groups.append(group)


def write_index(app: typer.Typer, path: str) -> None:
    text = (
        '"""Written by `projledger.cli_lazy.write_index`: what the top-level help lists."""\n\n'
        "from projledger.cli_lazy import Index\n\n"
        f"INDEX: Index = {index_of(app)!r}\n"
    )
    Path(path).write_text(text, encoding="utf-8")


def _stand_in(name: str, doc: str | None, help: str | None) -> CommandInfo:
    def listed() -> None:  # never called: only listed in the help
        raise AssertionError("a help stand-in was run")

    listed.__doc__ = doc
    return CommandInfo(name=name, callback=listed, help=help)

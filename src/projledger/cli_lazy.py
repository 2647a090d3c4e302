"""Build only the command being run.

Typer turns every registered function into a click command (reading its signature and
annotations) before parsing the arguments: ~3 ms a command, 80 ms for all of them, on
every run. A run names one command, so the others are left out before typer builds the
group; for the top-level help, each command is listed by a stand-in with no parameters
and the same help text. Unknown names leave everything in place, so click's own "No such
command" and its suggestions stay as they are.
"""

from collections.abc import Callable, Sequence
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


def keep_only_invoked(app: typer.Typer, args: Sequence[str]) -> None:
    """Leave in `app` only what running `args` needs (see the module's docstring)."""
    first = next((arg for arg in args if not arg.startswith("-")), None)
    if first is None or first != (args[0] if args else None):
        # Top-level options first (--version, --help) or no command: the help lists
        # every command, by its stand-in.
        if not args or args[0] in ("-h", "--help"):
            _stand_ins(app)
        return
    commands = [info for info in app.registered_commands if command_name(info) == first]
    groups = [info for info in app.registered_groups if info.name == first]
    if commands or groups:
        app.registered_commands = commands
        app.registered_groups = groups


def _stand_ins(app: typer.Typer) -> None:
    app.registered_commands = [_stand_in(info) for info in app.registered_commands]
    app.registered_groups = [_group_stand_in(info) for info in app.registered_groups]


def _stand_in(info: CommandInfo) -> CommandInfo:
    callback = info.callback

    def listed() -> None:  # never called: only listed in the help
        raise AssertionError("a help stand-in was run")

    listed.__doc__ = callback.__doc__ if callback is not None else None
    return CommandInfo(name=command_name(info), callback=listed, help=info.help)


def _group_stand_in(info: TyperInfo) -> TyperInfo:
    sub = info.typer_instance
    if sub is None:
        return info
    stand_in = typer.Typer(help=sub.info.help, rich_markup_mode=None)
    stand_in.registered_commands = [_stand_in(command) for command in sub.registered_commands]
    return TyperInfo(stand_in, name=info.name, help=info.help)

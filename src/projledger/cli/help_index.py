"""The top-level help (`projledger`, `projledger -h`) without building any command.

Listing the commands is all that help does with them, yet building them means importing
every command module and having typer read every command's signature. Each command is
listed instead by its name and the first paragraph of its help, which the catalogue
holds (`help.cmd.NAME`, whose English tests/test_messages.py checks against the help the
command declares): a command that takes no parameters stands in for it, and is
translated as the real one would be (`language.translate_help`). Click shows only a
command's first paragraph in the list, so the listing is the same (a test compares it
with the one of the full app, in both languages).
"""

from collections.abc import Iterable

import typer

from projledger.messages import CATALOGUE

GROUPS = frozenset({"add", "unit", "person", "report"})
"""The commands that are groups of commands: typer lists them after the plain ones."""
HIDDEN = frozenset({"merge-driver"})
"""Commands the help does not list (git runs `merge-driver`, not people)."""


def listed(names: Iterable[str]) -> list[str]:
    """`names` (every command, in the order they are registered) as the help lists them."""
    names = [name for name in names if name not in HIDDEN]
    return [name for name in names if name not in GROUPS] + [
        name for name in names if name in GROUPS
    ]


def register(app: typer.Typer, names: Iterable[str]) -> None:
    """Register, in `app`, a stand-in for each command of `names` the help lists."""
    for name in listed(names):
        app.command(name, help=CATALOGUE[f"help.cmd.{name}"].en)(_listed_only)


def _listed_only() -> None:
    """Never run: `--help` exits before any command would."""
    raise AssertionError("a command of the help index was run")

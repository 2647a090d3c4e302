"""`setup`, `sync`, `resolve`, `server-hook` and the hidden `merge-driver`: many clones,
one ledger. The work is in `projledger.commands.sync`, imported when a command runs."""

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from projledger.cli.language import current, say, set_current
from projledger.cli.options import RootOption, root_path
from projledger.messages import Lang


class Side(StrEnum):
    OURS = "ours"
    THEIRS = "theirs"


class HookAction(StrEnum):
    INSTALL = "install"
    SCRIPT = "script"
    RUN = "run"


def setup(root: RootOption = None) -> None:
    """Merge ledger files item by item in this clone: the merge driver in .git/config, and
    in .gitattributes (one commit, if it lacks it)."""
    from projledger.commands import sync as command

    raise typer.Exit(command.run_setup(root_path(root), current()))


def sync(root: RootOption = None) -> None:
    """Fetch, merge item by item, check, push; fetch and merge again if someone pushed
    first. Never loses a local commit, never pushes what `check` fails."""
    from projledger.commands import sync as command

    raise typer.Exit(command.run_sync(root_path(root), Path.cwd(), current()))


def resolve(
    target: Annotated[str, typer.Argument(help="The project (id or prefix), or projledger.yaml.")],
    field: Annotated[str, typer.Argument(help="The field the conflict names, e.g. I-4M8K2P.unit.")],
    take: Annotated[Side, typer.Option("--take", help="Whose value to keep.", show_default=False)],
    root: RootOption = None,
) -> None:
    """Settle a conflict a merge recorded (PL019): keep ours' or theirs' value; one commit."""
    from projledger.commands import sync as command

    raise typer.Exit(command.run_resolve(root_path(root), target, field, take.value, current()))


def merge_driver(
    base: Annotated[Path, typer.Argument(help="%O: the common ancestor's version.")],
    ours: Annotated[Path, typer.Argument(help="%A: ours; the result is written over it.")],
    theirs: Annotated[Path, typer.Argument(help="%B: theirs.")],
    shown: Annotated[str, typer.Argument(help="%P: the file's path, for messages.")] = "",
    renumber: Annotated[
        Side, typer.Option("--renumber", help="Whose item takes a new id when both added one.")
    ] = Side.THEIRS,
) -> None:
    """Merge three versions of a ledger file by item id and field (git runs this)."""
    from projledger.commands import sync as command

    raise typer.Exit(
        command.run_merge_driver(base, ours, theirs, shown or ours.name, renumber.value, current())
    )


def server_hook(
    action: Annotated[
        HookAction,
        typer.Argument(
            help="install: write the pre-receive hook into REPOSITORY; script: print it "
            "(for Gitea's or GitLab's hook settings); run: what the hook runs."
        ),
    ],
    repository: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.11's typing here
        typer.Argument(help="The bare repository (install).", show_default=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a pre-receive hook that is not projledger's.")
    ] = False,
) -> None:
    """A server-side hook that refuses pushes `audit` or `check` rejects, with the findings."""
    from projledger.commands import sync as command

    if action == HookAction.INSTALL:
        if repository is None:
            problem = say("usage.hook_needs_repository")
            raise typer.BadParameter(problem, param_hint="REPOSITORY")
        raise typer.Exit(command.run_hook_install(repository, force, current()))
    if action == HookAction.SCRIPT:
        raise typer.Exit(command.run_hook_script(current()))
    # git runs the hook in the repository, with GIT_DIR set (to "." for a bare one).
    git_dir = Path(os.environ.get("GIT_DIR") or ".")
    hooked = git_dir if git_dir.is_absolute() else Path.cwd() / git_dir
    lines = sys.stdin.read().splitlines()
    raise typer.Exit(command.run_hook(hooked, lines, _hook_language(hooked, lines)))


def _hook_language(git_dir: Path, lines: list[str]) -> Lang:
    """The language the hook speaks, its errors included: `--lang` when the hook's command
    gives it; else the pushed ledger's (a bare repository has no config on disk, so
    `cli.language` could only go by the server's locale)."""
    if any(arg == "--lang" or arg.startswith("--lang=") for arg in sys.argv[1:]):
        return current()
    from projledger import error_handler
    from projledger.sync.hook_language import push_language

    lang = push_language(git_dir, lines)
    set_current(lang)
    error_handler.set_language(lang)
    return lang


def register(app: typer.Typer) -> None:
    app.command()(setup)
    app.command()(sync)
    app.command()(resolve)
    app.command("server-hook")(server_hook)
    app.command("merge-driver", hidden=True)(merge_driver)

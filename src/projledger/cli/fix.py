"""`fix`: the safe file-form problems (CRLF, BOM, tabs in indentation, the schema header)
fixed in place, as one commit (changes/fix.py)."""

from pathlib import Path
from typing import Annotated

import typer

from projledger.cli.options import ChangeRun, change_command, root_path


@change_command()
def fix(
    files: Annotated[
        list[Path], typer.Argument(help="Project files or projledger.yaml.", exists=False)
    ],
    *,
    change: ChangeRun,
) -> None:
    """Fix CRLF line ends, a byte-order mark, tabs in indentation and a missing schema
    header in place, show the diff and commit it; anything else is refused, named."""
    from projledger.cli.language import current
    from projledger.commands import change as change_module
    from projledger.commands.declare import run_fix

    opts = change_module.options(
        change.day, change.author, change.dry_run, change.no_commit, change.commit_hand_edits
    )
    raise typer.Exit(run_fix(root_path(change.root), files, opts, current()))


def register(app: typer.Typer) -> None:
    app.command()(fix)

"""`rollover`: the year rollover (年度结转) of every project's investment figures, as one
commit (changes/rollover.py)."""

from pathlib import Path
from typing import Annotated

import typer

from projledger.cli.options import ChangeRun, change_command, root_path


@change_command()
def rollover(
    year: Annotated[int, typer.Argument(help="The new year, e.g. 2027.", min=2000, max=2100)],
    plans: Annotated[
        Path | None,
        typer.Option(
            "--plans",
            help="The new year's plans: a CSV file (project id, plan in 万元) or a YAML "
            "mapping (id: plan).",
        ),
    ] = None,
    plan: Annotated[
        list[str] | None,
        typer.Option("--plan", help="One project's new plan: ID=AMOUNT (万元); repeatable."),
    ] = None,
    *,
    change: ChangeRun,
) -> None:
    """Move every project to the new year: this year's completed figure into completed
    before the year, the new year's plan in, the old year's figures kept for its reports.
    Refused when it was done for that year already."""
    from projledger.cli.language import current
    from projledger.commands import change as change_module
    from projledger.commands.rollover import run_rollover

    lang = current()
    opts = change_module.options(
        change.day, change.author, change.dry_run, change.no_commit, change.commit_hand_edits,
        lang=lang,
    )  # fmt: skip
    raise typer.Exit(run_rollover(root_path(change.root), year, plans, plan or [], opts, lang))


def register(app: typer.Typer) -> None:
    app.command()(rollover)

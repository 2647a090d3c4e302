"""`unit` and `person`: the config's declarations changed as the ledger is, one commit
each (changes/declare.py)."""

from typing import Annotated, Optional

import typer

from projledger.cli import complete
from projledger.cli.options import ChangeRun, change_command, root_path

Text = Optional[str]  # noqa: UP045 - typer needs Optional on Python 3.11's typing here

unit_app = typer.Typer(
    help="Declare, rename or retire a unit (单位) in projledger.yaml.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
person_app = typer.Typer(
    help="Declare a person (人员) in projledger.yaml, or move them to another unit.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

UnitOption = Annotated[
    str, typer.Option("--unit", autocompletion=complete.units, help="Their unit (declared).")
]
TitleOption = Annotated[Text, typer.Option("--title", help="Post, e.g. 副局长.")]


def _run(change: ChangeRun, edit: object) -> None:
    from projledger.changes.declare import ConfigChange
    from projledger.cli.language import current
    from projledger.commands import change as change_command_module
    from projledger.commands.declare import run_config_change

    assert isinstance(edit, ConfigChange)
    opts = change_command_module.options(
        change.day, change.author, change.dry_run, change.no_commit, change.commit_hand_edits
    )
    raise typer.Exit(run_config_change(root_path(change.root), edit, opts, current()))


@unit_app.command("add")
@change_command()
def unit_add(
    name: Annotated[str, typer.Argument(help="The unit's full name, e.g. 莱芜区数据局.")],
    short: Annotated[Text, typer.Option("--short", help="Its short name (简称).")] = None,
    kind: Annotated[Text, typer.Option("--kind", help="部门, 镇街, 企业, 园区 ...")] = None,
    *,
    change: ChangeRun,
) -> None:
    """Declare a new unit."""
    from projledger.changes.declare import unit_add as edit

    _run(change, edit(name, short, kind))


@unit_app.command("rename")
@change_command()
def unit_rename(
    old: Annotated[
        str, typer.Argument(autocompletion=complete.units, help="Its name (or short name) now.")
    ],
    new: Annotated[str, typer.Argument(help="The new name.")],
    *,
    change: ChangeRun,
) -> None:
    """Rename a unit, in projledger.yaml and every project naming it (one commit); issues
    closed under the old name keep it, which stays declared as a former name."""
    from projledger.changes.declare import unit_rename as edit

    _run(change, edit(old, new))


@unit_app.command("retire")
@change_command()
def unit_retire(
    name: Annotated[str, typer.Argument(autocompletion=complete.units, help="The unit.")],
    *,
    change: ChangeRun,
) -> None:
    """Mark a unit retired (撤销) as of --today; refused while open items, responsibilities
    of live projects or people name it."""
    from projledger.changes.declare import unit_retire as edit

    _run(change, edit(name))


@person_app.command("add")
@change_command()
def person_add(
    name: Annotated[str, typer.Argument(help="The person's name.")],
    unit: UnitOption,
    title: TitleOption = None,
    *,
    change: ChangeRun,
) -> None:
    """Declare a person, in a declared unit."""
    from projledger.changes.declare import person_add as edit

    _run(change, edit(name, unit, title))


@person_app.command("move")
@change_command()
def person_move(
    name: Annotated[str, typer.Argument(autocompletion=complete.people, help="The person.")],
    unit: UnitOption,
    title: TitleOption = None,
    *,
    change: ChangeRun,
) -> None:
    """Move a person to another unit (and post, with --title)."""
    from projledger.changes.declare import person_move as edit

    _run(change, edit(name, unit, title))


def register(app: typer.Typer) -> None:
    app.add_typer(unit_app, name="unit")
    app.add_typer(person_app, name="person")

"""`init`, `show` and `list`: make a ledger root, and read what it holds."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from projledger.cli import complete
from projledger.cli.options import (
    AsOf,
    At,
    Author,
    JsonFlag,
    NoCommit,
    ProjectArgument,
    RootOption,
    root_path,
    today_by_the_clock,
)

Text = Optional[str]  # noqa: UP045 - typer needs Optional on Python 3.11's typing here


def init(
    directory: Annotated[Path, typer.Argument(help="Where to create the ledger root.")] = Path(),
    organisation: Annotated[
        str, typer.Option("--organisation", help="The office keeping the ledger.")
    ] = "某区发展和改革局",
    author: Author = None,
    no_commit: NoCommit = False,
) -> None:
    """Create a ledger root: config, schemas, projects/, and a first commit (git init if needed)."""
    from projledger.changes.init import init_root
    from projledger.cli.language import say
    from projledger.gitrepo import Identity

    result = init_root(
        directory,
        organisation,
        commit=not no_commit,
        author=Identity.parse(author) if author else None,
    )
    # In the run's language: `--lang`, or with no ledger here yet, the locale's.
    typer.echo(say("init.resumed" if result.resumed else "init.created", root=result.root))
    for path in result.written:
        typer.echo(f"  {path.relative_to(result.root)}")
    if result.created_repository:
        typer.echo("  " + say("init.new_repository"))
    if result.commit:
        typer.echo(say("init.committed", commit=result.commit[:8]))
        # The merge driver's command lives in the clone's .git/config (`projledger setup`).
        from projledger.gitrepo import LedgerRepo
        from projledger.sync.setup import configure_clone

        configure_clone(LedgerRepo.open(result.root).top)
    typer.echo(say("init.next"))


def show(
    project: ProjectArgument,
    item: Annotated[
        Text, typer.Argument(autocompletion=complete.items, help="An item id (or prefix).")
    ] = None,
    as_of: AsOf = None,
    at: At = None,
    as_json: JsonFlag = False,
    root: RootOption = None,
) -> None:
    """Show a project's record and four lists, or one item."""
    from projledger.cli.language import current
    from projledger.commands import views

    when = as_of or today_by_the_clock()
    raise typer.Exit(views.show(root_path(root), project, item, when, at, as_json, current()))


def list_(
    kind: Annotated[
        str, typer.Argument(help="projects, issues, tasks, deadlines or approvals.")
    ] = "projects",
    unit: Annotated[
        Text, typer.Option("--unit", autocompletion=complete.units, help="Only this unit's.")
    ] = None,
    leader: Annotated[
        Text,
        typer.Option(
            "--leader", autocompletion=complete.people, help="Only projects this 包抓领导 leads."
        ),
    ] = None,
    level: Annotated[
        Text, typer.Option("--level", autocompletion=complete.levels, help="省级 市级 区级.")
    ] = None,
    pool: Annotated[
        Text, typer.Option("--pool", autocompletion=complete.pools, help="库别.")
    ] = None,
    state: Annotated[
        Text,
        typer.Option(
            "--state",
            autocompletion=complete.states,
            help="Items in this state (projects with an issue in it).",
        ),
    ] = None,
    project: Annotated[
        Text,
        typer.Option(
            "--project", autocompletion=complete.projects, help="Only this project (id or prefix)."
        ),
    ] = None,
    procedure: Annotated[
        Text,
        typer.Option(
            "--procedure",
            autocompletion=complete.procedures,
            help="approvals: only this procedure (施工许可, ...).",
        ),
    ] = None,
    status: Annotated[
        Text,
        typer.Option(
            "--status",
            help="approvals: projects with a procedure (the --procedure one) in this status: "
            "未办理 办理中 已办结 不涉及 未登记.",
        ),
    ] = None,
    as_of: AsOf = None,
    at: At = None,
    as_json: JsonFlag = False,
    root: RootOption = None,
) -> None:
    """List projects, or issues, tasks or deadlines across projects, with filters; or the
    approval procedures (审批手续) of every project as a matrix (`list approvals`)."""
    from projledger.cli.language import current
    from projledger.commands import views

    if kind == "approvals":
        from projledger.commands.approvals import list_approvals

        only = views._Only(unit, leader, level, pool, state, project)
        code = list_approvals(root_path(root), at, as_json, only, procedure, status, current())
        raise typer.Exit(code)
    if procedure is not None or status is not None:
        from projledger.cli.language import say

        raise typer.BadParameter(say("usage.only_for_approvals"))
    when, lang = as_of or today_by_the_clock(), current()
    code = views.list_(
        root_path(root), kind, when, at, as_json, unit, leader, level, pool, state, project, lang
    )
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(show)
    app.command("list")(list_)

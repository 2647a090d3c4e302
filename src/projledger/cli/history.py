"""`history`, `changes` and `audit`: what git says of the ledger. The work is in
`projledger.commands.history`, imported when a command runs."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from projledger.cli import complete, language
from projledger.cli.language import LangOption
from projledger.cli.options import ProjectArgument, RootOption, root_path
from projledger.commands.check import OutputFormat
from projledger.commands.history import HistoryFormat

Text = Optional[str]  # noqa: UP045 - typer needs Optional on Python 3.11's typing here
HistoryFormatOption = Annotated[
    HistoryFormat, typer.Option("--format", "-f", help="Output format.")
]
NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", help="Parse every version again; ignore the history cache."),
]


def history(
    project: ProjectArgument,
    item: Annotated[
        Text,
        typer.Argument(
            autocompletion=complete.items,
            help="The item: its id, a prefix of it or of its part after the dash (4M8 for "
            "I-4M8K2P), or a fragment of its title. Default: the whole project.",
            show_default=False,
        ),
    ] = None,
    output: HistoryFormatOption = HistoryFormat.TABLE,
    no_cache: NoCacheOption = False,
    root: RootOption = None,
    lang: LangOption = None,  # read by cli.language before the command ran
) -> None:
    """The timeline of a project or one of its items: each field changed, old → new, by
    whom, when, in which commit, hand edits included."""
    from projledger.commands import history as command

    raise typer.Exit(
        command.run_history(
            root_path(root), project, item, output, use_cache=not no_cache, lang=language.current()
        )
    )


def changes(
    since: Annotated[
        Text,
        typer.Option("--since", help="First day (YYYY-MM-DD), included.", show_default=False),
    ] = None,
    until: Annotated[
        Text,
        typer.Option("--until", help="Last day (YYYY-MM-DD), included.", show_default=False),
    ] = None,
    unit: Annotated[
        Text,
        typer.Option(
            "--unit",
            autocompletion=complete.units,
            help="Only changes concerning this unit (name or short name): items it owns, "
            "and records of projects where it has a responsibility.",
            show_default=False,
        ),
    ] = None,
    project: Annotated[
        Text,
        typer.Option(
            "--project",
            autocompletion=complete.projects,
            help="Only this project: its name, a fragment of it, its pinyin initials or its "
            "id (or a prefix of the id).",
            show_default=False,
        ),
    ] = None,
    output: HistoryFormatOption = HistoryFormat.TABLE,
    no_cache: NoCacheOption = False,
    root: RootOption = None,
    lang: LangOption = None,  # read by cli.language before the command ran
) -> None:
    """Every change to the ledger in a period, by author date (whole days, inclusive),
    hand edits included."""
    from projledger.commands import history as command

    code = command.run_log(
        root_path(root),
        since,
        until,
        unit,
        project,
        output,
        use_cache=not no_cache,
        lang=language.current(),
    )
    raise typer.Exit(code)


def audit(
    revisions: Annotated[
        str,
        typer.Argument(
            help="The commits to audit: BASE..HEAD, or BASE (then up to HEAD).",
            show_default=False,
        ),
    ],
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.TEXT,
    root: RootOption = None,
    lang: LangOption = None,  # read by cli.language before the command ran
) -> None:
    """Check how the ledger changed in a range of commits: nothing deleted, ids never
    reused, closed issues untouched, due dates kept (extensions appended). Exit 1 on errors."""
    from projledger.commands import history as command

    code = command.run_audit(root_path(root), revisions, output, Path.cwd(), language.current())
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(history)
    app.command()(changes)
    app.command()(audit)

"""`check` and `schema`: the ledger files against the models and rules."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from projledger.cli import language
from projledger.cli.language import LangOption
from projledger.cli.options import RootOption, root_path
from projledger.commands.check import OutputFormat


def check(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045 - typer needs Optional on Python 3.11's typing here
        typer.Argument(
            help="Ledger roots, projects/ folders or files. Default: the ledger root.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.TEXT,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Check every file again; ignore the cache.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Also say which files needed the slow exact YAML reader, why, and how long "
            "each took.",
        ),
    ] = False,
    root: RootOption = None,
    lang: LangOption = None,  # read by cli.language before the command ran
) -> None:
    """Check ledger files: YAML, schema and rules. Exit 1 when any error is found."""
    from projledger.commands import check as command

    for path in paths or ():
        if not path.exists() and not path.is_symlink():
            problem = language.say("usage.value.no_such_path", path=path)
            raise typer.BadParameter(problem, param_hint="PATHS")
    targets = list(paths) if paths else [root_path(root)]
    code = command.run(
        targets,
        Path.cwd(),
        output,
        strict,
        use_cache=not no_cache,
        verbose=verbose,
        lang=language.current(),  # --lang included: decided before the command ran
    )
    raise typer.Exit(code)


def schema(
    directories: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            help="Where to write project.schema.json and config.schema.json. "
            "Default: the ledger root's schemas/.",
            show_default=False,
        ),
    ] = None,
    check_only: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if any schema is out of date.")
    ] = False,
    root: RootOption = None,
) -> None:
    """Write the JSON Schemas of ledger files, generated from the models."""
    from projledger.commands import schema as command
    from projledger.root import LedgerRoot

    targets = list(directories) if directories else [LedgerRoot(root_path(root)).schemas_dir]
    raise typer.Exit(command.run(targets, check_only, language.current()))


def register(app: typer.Typer) -> None:
    app.command()(check)
    app.command()(schema)

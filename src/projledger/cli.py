"""The command line: argument parsing only. Each command calls one function in
`projledger.commands`; heavy modules are imported there, when a command runs."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from projledger import __version__
from projledger.commands.check import OutputFormat

app = typer.Typer(
    name="projledger",
    help="Key-project ledgers (重点项目台账) as YAML files in git: "
    "the four lists, checks, reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: rendering it with rich costs ~150 ms of imports on every --help.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

RootOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.11's typing here
    typer.Option(
        "--root",
        help="Ledger root (the directory with projledger.yaml). Default: the nearest one at "
        "or above the current directory.",
        file_okay=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"projledger {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Key-project ledgers (重点项目台账) as YAML files in git."""


def _root_path(root: Path | None) -> Path:
    from projledger.root import find_root

    return root.resolve() if root is not None else find_root(Path.cwd()).path


@app.command()
def check(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
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
    root: RootOption = None,
) -> None:
    """Check ledger files: YAML, schema and rules. Exit 1 when any error is found."""
    from projledger.commands import check as command

    for path in paths or ():
        if not path.exists() and not path.is_symlink():
            raise typer.BadParameter(f"{path} does not exist", param_hint="PATHS")
    targets = list(paths) if paths else [_root_path(root)]
    code = command.run(targets, Path.cwd(), output, strict, use_cache=not no_cache)
    raise typer.Exit(code)


@app.command()
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

    targets = list(directories) if directories else [LedgerRoot(_root_path(root)).schemas_dir]
    raise typer.Exit(command.run(targets, check_only))


def main() -> None:
    import sys

    from projledger.error_handler import run

    run(prepare(sys.argv[1:]))


def prepare(args: list[str]) -> typer.Typer:
    """The app, with what running `args` needs registered (and nothing else)."""
    from projledger.cli_index import INDEX
    from projledger.cli_lazy import (
        keep_only_invoked,
        module_of,
        stand_ins_from_index,
        top_level_help,
    )

    if top_level_help(args):
        # Listed from the checked index: the command modules are not even imported.
        stand_ins_from_index(app, INDEX)
    else:
        register_commands(module_of(INDEX, args))
        keep_only_invoked(app, args)
    return app


def register_commands(module: str | None = None) -> typer.Typer:
    """Register the commands of `module` (None: of every module), in the order the help
    lists them; the app. The commands that change the ledger, read its history and report
    have modules of their own, for size."""
    if module in (None, "projledger.cli_changes"):
        from projledger import cli_changes  # noqa: F401 (registers on import)
    if module in (None, "projledger.cli_history") and not any(
        info.name == "history" for info in app.registered_commands
    ):
        from projledger.cli_history import audit, history

        app.command("history")(history)
        app.command("audit")(audit)
    if module in (None, "projledger.cli_reports"):
        from projledger import cli_reports  # noqa: F401 (registers on import)
    return app

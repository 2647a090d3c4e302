"""Options declared once and used by every command that takes them.

The six options of a change (`--today --author --dry-run --no-commit --commit-hand-edits
--root`) come with `@change_command`, which adds them to the command's signature and
hands the command one `ChangeRun`; the rest are `Annotated` declarations to name in a
signature. The CLI is the one place the clock, the environment and the working directory
come in: the core gets values.
"""

import datetime as dt
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from projledger.cli import complete
from projledger.dates import NotADayError, parse_day


def today_by_the_clock() -> dt.date:
    """The one place the commands read the clock."""
    return dt.date.today()


def root_path(root: Path | None) -> Path:
    from projledger.root import find_root

    return root.resolve() if root is not None else find_root(Path.cwd()).path


def _day(text: str | dt.date) -> dt.date:
    if isinstance(text, dt.date):
        return text
    try:
        return parse_day(text)
    except NotADayError as exc:
        from projledger.cli.language import current

        raise typer.BadParameter(exc.text(current())) from None


def day_option(*names: str, help: str) -> Any:
    """An option that takes a day in any of the forms `projledger.dates` reads."""
    return typer.Option(*names, parser=_day, metavar="DATE", help=help)


RootOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.11's typing here
    typer.Option(
        "--root",
        help="Ledger root (the directory with projledger.yaml). Default: the nearest one at "
        "or above the current directory.",
        file_okay=False,
    ),
]
Day = Optional[dt.date]  # noqa: UP045
AsOf = Annotated[
    Day,
    day_option(
        "--as-of",
        help="The report date: overdue, due soon and rates as of this day (default: today; "
        "for a past period, its last day). Dates the ledger records after it do not count.",
    ),
]
At = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--at",
        help="The ledger as it was at a commit, or at the end of a day (YYYY-MM-DD), "
        "instead of the files in the work tree.",
    ),
]
ProjectArgument = Annotated[
    str,
    typer.Argument(
        metavar="PROJECT",
        help="The project: its name (马头山水库工程), a fragment of it (马头山), its pinyin "
        "initials (mtssk), its id or an unambiguous prefix of the id.",
        autocompletion=complete.projects,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]

# --- the options of every change -----------------------------------------------------------

Today = Annotated[Day, day_option("--today", help="The date of the change (default: today).")]
Author = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--author", help="Record the change as someone else's: 'Name <email>'."),
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Print the diff; change nothing.")]
NoCommit = Annotated[bool, typer.Option("--no-commit", help="Write the file but do not commit.")]
HandEdits = Annotated[
    bool,
    typer.Option(
        "--commit-hand-edits",
        help="Commit uncommitted edits of the file first, as their own commit.",
    ),
]


@dataclass(frozen=True)
class ChangeRun:
    """What every change command is given: its options, and how to run its edit."""

    today: dt.date | None = None
    author: str | None = None
    dry_run: bool = False
    no_commit: bool = False
    commit_hand_edits: bool = False
    root: Path | None = None

    @property
    def day(self) -> dt.date:
        """The date of the change: --today, or the clock's."""
        return self.today or today_by_the_clock()

    def run(
        self,
        project: str,
        edit: object,
        *,
        create: bool = False,
        on: dt.date | None = None,
        force: bool = False,
    ) -> None:
        """`on`: the day of the event the change records (`--date`), which the commit is
        authored on instead of --today's. `force`: the command's `--force` (a change that
        brings in a warning of `check` is recorded anyway)."""
        from projledger.cli.language import current
        from projledger.commands import change

        lang = current()
        opts = change.options(
            self.day, self.author, self.dry_run, self.no_commit, self.commit_hand_edits, on, lang
        )
        opts.force = force
        code = change.run(root_path(self.root), project, edit, opts, create=create, lang=lang)
        raise typer.Exit(code)


Options = tuple[tuple[str, Any, Any], ...]
"""(parameter name, its Annotated declaration, its default), in `--help`'s order."""

_CHANGE_OPTIONS: Options = (
    ("today", Today, None),
    ("author", Author, None),
    ("dry_run", DryRun, False),
    ("no_commit", NoCommit, False),
    ("commit_hand_edits", HandEdits, False),
    ("root", RootOption, None),
)

Command = TypeVar("Command", bound=Callable[..., None])


def with_options(
    options: Options, bundle: str, make: Callable[..., object]
) -> Callable[[Command], Command]:
    """Give a command `options`: its signature gains them (so typer parses them and
    `--help` lists them), and it is called with them made into one value, `bundle=make(...)`.
    So options shared by many commands are declared, and handled, once."""

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command)
        own = [p for p in signature.parameters.values() if p.name != bundle]
        added = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind, default=value)
            for name, kind, value in options
        ]

        @functools.wraps(command)
        def with_bundle(*args: Any, **kwargs: Any) -> None:
            values = {name: kwargs.pop(name, default) for name, _, default in options}
            command(*args, **{bundle: make(**values)}, **kwargs)

        with_bundle.__signature__ = signature.replace(parameters=[*own, *added])  # type: ignore[attr-defined]
        return with_bundle  # type: ignore[return-value]

    return decorate


def change_command(*, hand_edits: bool = True) -> Callable[[Command], Command]:
    """The options every change takes, as `change: ChangeRun`. `hand_edits=False` for a
    command that makes a new file (there is nothing to commit first)."""
    options = tuple(o for o in _CHANGE_OPTIONS if hand_edits or o[0] != "commit_hand_edits")
    bundled = with_options(options, "change", ChangeRun)

    def decorate(command: Command) -> Command:
        return forgiving(bundled(command))

    return decorate


def forgiving(command: Command) -> Command:
    """`command` with its required parameters made optional to typer: on a terminal what is
    missing is asked for (`cli/prompts.py`); on a pipe, typer's own usage error (exit 2)."""
    signature = inspect.signature(command)
    required = [
        p.name
        for p in signature.parameters.values()
        if p.default is inspect.Parameter.empty and p.kind != inspect.Parameter.VAR_KEYWORD
    ]
    if not required:
        return command
    parameters = [
        p.replace(default=None) if p.name in required else p for p in signature.parameters.values()
    ]
    # typer hands a parameter annotated typer.Context the command's context.
    parameters.append(
        inspect.Parameter(_CONTEXT, inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
    )

    @functools.wraps(command)
    def asking(*args: Any, **kwargs: Any) -> None:
        ctx: typer.Context = kwargs.pop(_CONTEXT)
        missing = [name for name in required if kwargs.get(name) is None]
        if missing:
            # The prompts' module only when something is missing: not for every run.
            from projledger.cli.prompts import ask_for, on_a_terminal

            if not on_a_terminal():
                raise _missing(ctx, missing[0])
            kwargs.update(ask_for(missing, signature, kwargs.get("root")))
        command(*args, **kwargs)

    asking.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    return asking  # type: ignore[return-value]


_CONTEXT = "prompt_context"


def _missing(ctx: typer.Context, name: str) -> Exception:
    """typer's own usage error for a missing option or argument (cli/usage_errors.py
    shows it in the run's language)."""
    from typer._click.exceptions import MissingParameter

    param: Any = next((p for p in ctx.command.params if p.name == name), None)
    return MissingParameter(ctx=ctx, param=param, param_hint=None if param else name)

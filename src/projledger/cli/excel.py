"""`import` and `export`: 台账 workbooks in, the ledger and the units' workbooks out."""

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from projledger.cli.language import LangOption
from projledger.cli.options import AsOf, ChangeRun, RootOption, change_command, root_path

Text = Optional[str]  # noqa: UP045 - typer needs Optional on Python 3.11's typing here


@change_command(hand_edits=False)
def import_(
    file: Annotated[
        Path,
        typer.Argument(help="The workbook: a 台账 (.xlsx, .xls, .csv), or one `export` wrote."),
    ],
    sheet: Annotated[
        Text, typer.Option("--sheet", help="The sheet to read (default: the first with a header).")
    ] = None,
    mapping: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--mapping", help="A mapping file for a layout the synonyms do not cover."),
    ] = None,
    default: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--default",
            help="KEY=VALUE for what the sheet lacks: level, pool, industry, locality, owner, "
            "stage, leader, leader_unit, nature, issue.category, issue.source, "
            "issue.cause_side, issue.raised (repeatable).",
        ),
    ] = None,
    declare: Annotated[
        bool,
        typer.Option(
            "--declare",
            help="Declare the units and people the sheet names and "
            "projledger.yaml does not, in the same commit.",
        ),
    ] = False,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--year", help="The year of 3月底 and of the figures (default: the title's)."),
    ] = None,
    id_prefix: Annotated[
        str, typer.Option("--id-prefix", help="Put this before new project ids, e.g. laiwu.")
    ] = "",
    allow_failed_rows: Annotated[
        bool,
        typer.Option(
            "--allow-failed-rows",
            help="Exit 0 when some rows cannot be imported (or, from a unit's workbook, "
            "applied). They are listed all the same (a 台账's also in FILE-未导入.xlsx); without "
            "this option the import exits 1, after committing the rows that could be imported.",
        ),
    ] = False,
    lang: LangOption = None,  # read by cli.language before the command ran
    *,
    change: ChangeRun,
) -> None:
    """Import a 台账 workbook as one commit, or a unit's filled-in workbook, one commit per item.

    Rows that cannot be imported are listed with the reason and written to FILE-未导入.xlsx;
    the others are committed. Exit 0 when every row is imported (or skipped as blank,
    subtotal or heading), 1 when some row failed (unless --allow-failed-rows) or the import
    is refused, 2 for a usage error."""
    import secrets
    from functools import partial

    from projledger.cli import language
    from projledger.commands.change import lock_wait
    from projledger.errors import ProjledgerError
    from projledger.excel.mapping import Mapping, load_mapping, parse_defaults
    from projledger.excel.plan import ImportOptions
    from projledger.excel.run_import import RunOptions, import_workbook
    from projledger.gitrepo import Identity
    from projledger.messages import msg, text

    speaking = language.current()  # `lang` (the option) decided it before the run
    loaded = load_mapping(mapping) if mapping is not None else Mapping()
    defaults = {**loaded.defaults, **parse_defaults(default or [])}
    if id_prefix and not id_prefix.replace("-", "").isalnum():
        raise ProjledgerError(msg("excel.cli.id_prefix", prefix=id_prefix))
    options = ImportOptions(
        today=change.day,
        random_bits=secrets.randbits,
        defaults=defaults,
        mapping=loaded,
        year=year,
        declare=declare,
        id_prefix=id_prefix.lower(),
        sheet=sheet,
        lang=speaking,
    )
    run = RunOptions(
        dry_run=change.dry_run,
        commit=not change.no_commit,
        author=Identity.parse(change.author) if change.author else None,
        lock_wait=lock_wait(),
        allow_failed_rows=allow_failed_rows,
        notify=partial(_note, text("note.prefix", speaking)),
        lang=speaking,
    )
    raise typer.Exit(import_workbook(root_path(change.root), file, options, run))


def _note(prefix: str, note: str) -> None:
    sys.stderr.write(f"{prefix}{note}\n")


def export(
    what: Annotated[str, typer.Argument(help="ledger, unit or units.")],
    unit: Annotated[
        Text, typer.Argument(help="The unit (full or short name), for `export unit`.")
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="The workbook to write (for `units`: a directory)."),
    ] = None,
    all_units: Annotated[bool, typer.Option("--all", help="`export units`: every unit.")] = False,
    as_of: AsOf = None,
    root: RootOption = None,
    lang: LangOption = None,  # read by cli.language before the command ran
) -> None:
    """Write the ledger as a 台账 workbook, or a unit's open items as a workbook to fill in."""
    from projledger.cli import language
    from projledger.cli.options import today_by_the_clock
    from projledger.errors import UsageError
    from projledger.excel.run_export import export_ledger, export_unit, export_units
    from projledger.messages import msg

    if output is None:
        raise UsageError(msg("excel.cli.no_output"))
    day: dt.date = as_of or today_by_the_clock()
    where = root_path(root)
    if what == "ledger":
        code = export_ledger(where, output, day, language.current())
    elif what == "unit":
        if unit is None:
            raise UsageError(msg("excel.cli.no_unit"))
        code = export_unit(where, unit, output, day, language.current())
    elif what == "units":
        if not all_units:
            raise UsageError(msg("excel.cli.no_all"))
        code = export_units(where, output, day, language.current())
    else:
        raise UsageError(msg("excel.cli.what", what=what))
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command()(export)

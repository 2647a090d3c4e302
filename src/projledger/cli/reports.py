"""The report commands' arguments: `overdue`, `due` and `report weekly|monthly|quarterly|
project|unit`. The work is in `projledger.commands.reports_run`."""

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from projledger.cli.options import (
    AsOf,
    At,
    RootOption,
    day_option,
    root_path,
    today_by_the_clock,
)
from projledger.report.formats import ReportFormat

report_app = typer.Typer(
    help="Reports: the weekly dispatch (周调度), monthly bulletin (月通报), quarterly "
    "ranking (季督查排名), a project's card, a unit's items.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class Lang(StrEnum):
    ZH = "zh"
    EN = "en"


class FailOn(StrEnum):
    NEVER = "never"
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"


class By(StrEnum):
    UNIT = "unit"
    LEADER = "leader"
    PROJECT = "project"
    LEVEL = "level"


Day = Optional[dt.date]  # noqa: UP045
Format = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")]
Output = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False
    ),
]
LangOption = Annotated[
    Optional[Lang],  # noqa: UP045
    typer.Option("--lang", help="Language of labels (default: the config's `language`)."),
]
Many = Optional[list[str]]  # noqa: UP045


def _days(text: str) -> int:
    """7, 7d, 2w → days."""
    match = re.fullmatch(r"\s*(\d{1,4})\s*([dw]?)\s*", text.lower())
    if match is None:
        raise typer.BadParameter(f"{text!r}: give days like 7d (or weeks like 2w)")
    return int(match[1]) * (7 if match[2] == "w" else 1)


def _deadlines_command(
    overdue: bool,
    within: str | None,
    by: By,
    unit: list[str] | None,
    leader: list[str] | None,
    level: list[str] | None,
    project: list[str] | None,
    as_of: dt.date | None,
    output_format: ReportFormat,
    output: Path | None,
    lang: Lang | None,
    fail_on: FailOn,
    at: str | None,
    root: Path | None,
) -> None:
    from projledger.commands import reports_run

    code = reports_run.deadlines(
        root_path(root),
        overdue=overdue,
        within=_days(within) if within is not None else None,
        by=by.value,
        units=unit or [],
        leaders=leader or [],
        levels=level or [],
        projects=project or [],
        as_of=as_of or today_by_the_clock(),
        output_format=output_format,
        output=output,
        lang=lang.value if lang else None,
        fail_on=fail_on.value,
        at=at,
    )
    raise typer.Exit(code)


UnitFilter = Annotated[Many, typer.Option("--unit", help="Only this unit's (repeatable).")]
LeaderFilter = Annotated[Many, typer.Option("--leader", help="Only projects this 包抓领导 leads.")]
LevelFilter = Annotated[Many, typer.Option("--level", help="省级, 市级 or 区级 (repeatable).")]
ProjectFilter = Annotated[Many, typer.Option("--project", help="Only this project (id or prefix).")]
ByOption = Annotated[By, typer.Option("--by", help="Group by unit, leader, project or level.")]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help="For CI: exit 1 when an item matching the filters is overdue (overdue), or "
        "overdue or due soon (due-soon).",
    ),
]


def overdue(
    by: ByOption = By.UNIT,
    unit: UnitFilter = None,
    leader: LeaderFilter = None,
    level: LevelFilter = None,
    project: ProjectFilter = None,
    as_of: AsOf = None,
    output_format: Format = ReportFormat.TEXT,
    output: Output = None,
    lang: LangOption = None,
    fail_on: FailOnOption = FailOn.NEVER,
    at: At = None,
    root: RootOption = None,
) -> None:
    """Every overdue deadline (逾期): what, whose, since when, extensions so far."""
    _deadlines_command(
        True,
        None,
        by,
        unit,
        leader,
        level,
        project,
        as_of,
        output_format,
        output,
        lang,
        fail_on,
        at,
        root,
    )


def due(
    within: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--within", help="Days ahead, e.g. 7d or 2w (default: the config's due_soon_days)."
        ),
    ] = None,
    by: ByOption = By.UNIT,
    unit: UnitFilter = None,
    leader: LeaderFilter = None,
    level: LevelFilter = None,
    project: ProjectFilter = None,
    as_of: AsOf = None,
    output_format: Format = ReportFormat.TEXT,
    output: Output = None,
    lang: LangOption = None,
    fail_on: FailOnOption = FailOn.NEVER,
    at: At = None,
    root: RootOption = None,
) -> None:
    """Deadlines not yet done and due within N days (临期), the report date included."""
    _deadlines_command(
        False,
        within,
        by,
        unit,
        leader,
        level,
        project,
        as_of,
        output_format,
        output,
        lang,
        fail_on,
        at,
        root,
    )


def _period_report(
    kind: str,
    period_text: str | None,
    start: dt.date | None,
    end: dt.date | None,
    as_of: dt.date | None,
    output_format: ReportFormat,
    output: Path | None,
    lang: Lang | None,
    at: str | None,
    root: Path | None,
) -> None:
    from projledger.commands import reports_run

    code = reports_run.period_report(
        root_path(root),
        kind=kind,
        period_text=period_text,
        start=start,
        end=end,
        as_of=as_of,
        today=today_by_the_clock(),
        output_format=output_format,
        output=output,
        lang=lang.value if lang else None,
        at=at,
    )
    raise typer.Exit(code)


From = Annotated[Day, day_option("--from", help="First day of a custom period.")]
To = Annotated[Day, day_option("--to", help="Last day of a custom period.")]


@report_app.command()
def weekly(
    week: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--week", help="ISO week, e.g. 2026-W47 (default: this week)."),
    ] = None,
    start: From = None,
    end: To = None,
    as_of: AsOf = None,
    output_format: Format = ReportFormat.TEXT,
    output: Output = None,
    lang: LangOption = None,
    at: At = None,
    root: RootOption = None,
) -> None:
    """The weekly dispatch report (周调度): figures, breakdowns, ranking, lights, the
    week's issue flow from git history, and next week's due items."""
    _period_report("weekly", week, start, end, as_of, output_format, output, lang, at, root)


@report_app.command()
def monthly(
    month: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--month", help="e.g. 2026-11 (default: this month)."),
    ] = None,
    as_of: AsOf = None,
    output_format: Format = ReportFormat.TEXT,
    output: Output = None,
    lang: LangOption = None,
    at: At = None,
    root: RootOption = None,
) -> None:
    """The monthly bulletin (月通报): the weekly report's sections over a month."""
    _period_report("monthly", month, None, None, as_of, output_format, output, lang, at, root)


@report_app.command()
def quarterly(
    quarter: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--quarter", help="e.g. 2026-Q4 (default: this quarter)."),
    ] = None,
    as_of: AsOf = None,
    output_format: Format = ReportFormat.TEXT,
    output: Output = None,
    lang: LangOption = None,
    at: At = None,
    root: RootOption = None,
) -> None:
    """The quarterly inspection ranking (季督查排名): units and localities ranked."""
    _period_report("quarterly", quarter, None, None, as_of, output_format, output, lang, at, root)


@report_app.command("project")
def project_card(
    project: Annotated[str, typer.Argument(help="Project id (or a unique prefix).")],
    as_of: AsOf = None,
    output_format: Format = ReportFormat.TEXT,
    output: Output = None,
    lang: LangOption = None,
    root: RootOption = None,
) -> None:
    """One project's card: record, four lists with their deadlines, lights, recent history."""
    from projledger.commands import reports_run

    code = reports_run.project_card(
        root_path(root),
        project,
        as_of=as_of or today_by_the_clock(),
        output_format=output_format,
        output=output,
        lang=lang.value if lang else None,
    )
    raise typer.Exit(code)


@report_app.command("unit")
def unit_report(
    unit: Annotated[str, typer.Argument(help="Unit name or short name (from projledger.yaml).")],
    as_of: AsOf = None,
    output_format: Format = ReportFormat.TEXT,
    output: Output = None,
    lang: LangOption = None,
    at: At = None,
    root: RootOption = None,
) -> None:
    """Everything a unit answers for: responsibilities, issues, tasks and their deadlines."""
    from projledger.commands import reports_run

    code = reports_run.unit_report(
        root_path(root),
        unit,
        as_of=as_of or today_by_the_clock(),
        output_format=output_format,
        output=output,
        lang=lang.value if lang else None,
        at=at,
    )
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(overdue)
    app.command()(due)
    app.add_typer(report_app, name="report")

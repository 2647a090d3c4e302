"""The report commands' arguments: `overdue`, `due` and `report weekly|monthly|quarterly|
annual|project|unit`. The options every report takes are declared once (`report_command`); the
work is in `projledger.commands.reports_run`."""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from projledger.cli import complete
from projledger.cli.options import (
    AsOf,
    At,
    Command,
    Options,
    ProjectArgument,
    RootOption,
    day_option,
    root_path,
    today_by_the_clock,
    with_options,
)
from projledger.report.formats import ReportFormat

report_app = typer.Typer(
    help="Reports: the weekly dispatch (周调度), monthly bulletin (月通报), quarterly "
    "ranking (季督查排名), the annual review (年度考评), a project's card, a unit's items.",
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


Day = Optional[dt.date]  # noqa: UP045 - typer needs Optional on Python 3.11's typing here
Text = Optional[str]  # noqa: UP045
Many = Optional[list[str]]  # noqa: UP045
Format = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")]
Output = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False
    ),
]
TemplateOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--template",
        help="For --format docx: the office's own .docx (or .dotx) with its letterhead and "
        "styles; {{正文}} marks where the report goes (see the README).",
        dir_okay=False,
        exists=True,
    ),
]
LangOption = Annotated[
    Optional[Lang],  # noqa: UP045
    typer.Option("--lang", help="Language of labels (default: the config's `language`)."),
]


@dataclass(frozen=True)
class ReportRun:
    """The options every report takes."""

    as_of: dt.date | None = None
    output_format: ReportFormat = ReportFormat.TEXT
    output: Path | None = None
    lang: Lang | None = None
    at: str | None = None
    root: Path | None = None
    template: Path | None = None
    roots: list[Path] | None = None
    """A period report's repeated --root (several: a roll-up over those ledgers)."""

    @property
    def root_path(self) -> Path:
        return root_path(self.root)

    @property
    def root_paths(self) -> list[Path]:
        return [root_path(root) for root in self.roots] if self.roots else [root_path(None)]

    @property
    def day(self) -> dt.date:
        """The report date: --as-of, or the clock's."""
        return self.as_of or today_by_the_clock()

    @property
    def language(self) -> str | None:
        return self.lang.value if self.lang else None


_REPORT_OPTIONS: Options = (
    ("as_of", AsOf, None),
    ("output_format", Format, ReportFormat.TEXT),
    ("output", Output, None),
    ("lang", LangOption, None),
    ("at", At, None),
    ("root", RootOption, None),
    ("template", TemplateOption, None),
)


RootsOption = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Option(
        "--root",
        help="Ledger root (the directory with projledger.yaml); repeat it to report over "
        "several ledgers at once (a roll-up, e.g. a city over its districts). Default: the "
        "nearest one at or above the current directory.",
        file_okay=False,
        metavar="DIR",
    ),
]


def report_command(*, at: bool = True, roots: bool = False) -> Callable[[Command], Command]:
    """The options every report takes, as `report: ReportRun`; `at=False` for a report of
    the work tree only; `roots=True` for one that takes --root more than once."""
    options = tuple(o for o in _REPORT_OPTIONS if at or o[0] != "at")
    if roots:
        options = tuple(("roots", RootsOption, None) if o[0] == "root" else o for o in options)
    return with_options(options, "report", ReportRun)


def _days(text: str) -> int:
    """7, 7d, 2w → days."""
    match = re.fullmatch(r"\s*(\d{1,4})\s*([dw]?)\s*", text.lower())
    if match is None:
        from projledger.cli.language import say

        raise typer.BadParameter(say("usage.value.not_days", text=text), param_hint="--within")
    return int(match[1]) * (7 if match[2] == "w" else 1)


UnitFilter = Annotated[
    Many,
    typer.Option("--unit", autocompletion=complete.units, help="Only this unit's (repeatable)."),
]
LeaderFilter = Annotated[
    Many,
    typer.Option(
        "--leader", autocompletion=complete.people, help="Only projects this 包抓领导 leads."
    ),
]
LevelFilter = Annotated[
    Many,
    typer.Option(
        "--level", autocompletion=complete.levels, help="省级, 市级 or 区级 (repeatable)."
    ),
]
ProjectFilter = Annotated[
    Many,
    typer.Option(
        "--project", autocompletion=complete.projects, help="Only this project (id or prefix)."
    ),
]
ByOption = Annotated[By, typer.Option("--by", help="Group by unit, leader, project or level.")]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help="For CI: exit 1 when an item matching the filters is overdue (overdue), or "
        "overdue or due soon (due-soon).",
    ),
]


@dataclass(frozen=True)
class _DeadlineFilters:
    by: By
    unit: list[str] | None
    leader: list[str] | None
    level: list[str] | None
    project: list[str] | None
    fail_on: FailOn


def _deadlines(overdue: bool, within: str | None, only: _DeadlineFilters, run: ReportRun) -> None:
    from projledger.commands import reports_run

    code = reports_run.deadlines(
        run.root_path,
        overdue=overdue,
        within=_days(within) if within is not None else None,
        by=only.by.value,
        units=only.unit or [],
        leaders=only.leader or [],
        levels=only.level or [],
        projects=only.project or [],
        as_of=run.day,
        output_format=run.output_format,
        output=run.output,
        lang=run.language,
        fail_on=only.fail_on.value,
        at=run.at,
        template=run.template,
    )
    raise typer.Exit(code)


@report_command()
def overdue(
    by: ByOption = By.UNIT,
    unit: UnitFilter = None,
    leader: LeaderFilter = None,
    level: LevelFilter = None,
    project: ProjectFilter = None,
    fail_on: FailOnOption = FailOn.NEVER,
    *,
    report: ReportRun,
) -> None:
    """Every overdue deadline (逾期): what, whose, since when, extensions so far."""
    _deadlines(True, None, _DeadlineFilters(by, unit, leader, level, project, fail_on), report)


@report_command()
def due(
    within: Annotated[
        Text,
        typer.Option(
            "--within", help="Days ahead, e.g. 7d or 2w (default: the config's due_soon_days)."
        ),
    ] = None,
    by: ByOption = By.UNIT,
    unit: UnitFilter = None,
    leader: LeaderFilter = None,
    level: LevelFilter = None,
    project: ProjectFilter = None,
    fail_on: FailOnOption = FailOn.NEVER,
    *,
    report: ReportRun,
) -> None:
    """Deadlines not yet done and due within N days (临期), the report date included."""
    _deadlines(False, within, _DeadlineFilters(by, unit, leader, level, project, fail_on), report)


def _period_report(
    kind: str,
    period_text: str | None,
    run: ReportRun,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> None:
    from projledger.commands import rollup

    code = rollup.period_report(
        run.root_paths,
        kind=kind,
        period_text=period_text,
        start=start,
        end=end,
        as_of=run.as_of,
        today=today_by_the_clock(),
        output_format=run.output_format,
        output=run.output,
        lang=run.language,
        at=run.at,
        template=run.template,
    )
    raise typer.Exit(code)


From = Annotated[Day, day_option("--from", help="First day of a custom period.")]
To = Annotated[Day, day_option("--to", help="Last day of a custom period.")]


@report_app.command()
@report_command(roots=True)
def weekly(
    week: Annotated[
        Text, typer.Option("--week", help="ISO week, e.g. 2026-W47 (default: this week).")
    ] = None,
    start: From = None,
    end: To = None,
    *,
    report: ReportRun,
) -> None:
    """The weekly dispatch report (周调度): figures, breakdowns, ranking, lights, the
    week's issue flow from git history, and next week's due items."""
    _period_report("weekly", week, report, start, end)


@report_app.command()
@report_command(roots=True)
def monthly(
    month: Annotated[
        Text, typer.Option("--month", help="e.g. 2026-11 (default: this month).")
    ] = None,
    *,
    report: ReportRun,
) -> None:
    """The monthly bulletin (月通报): the weekly report's sections over a month."""
    _period_report("monthly", month, report)


@report_app.command()
@report_command(roots=True)
def quarterly(
    quarter: Annotated[
        Text, typer.Option("--quarter", help="e.g. 2026-Q4 (default: this quarter).")
    ] = None,
    *,
    report: ReportRun,
) -> None:
    """The quarterly inspection ranking (季督查排名): units and localities ranked."""
    _period_report("quarterly", quarter, report)


@report_app.command()
@report_command(roots=True)
def annual(
    year: Annotated[Text, typer.Option("--year", help="e.g. 2026 (default: this year).")] = None,
    *,
    report: ReportRun,
) -> None:
    """The annual review (年度考评, 年观摩): per unit and per locality over the year, issues
    closed on time and overdue, starts and investment against plan."""
    _period_report("annual", year, report)


@report_app.command("project")
@report_command(at=False)
def project_card(
    project: ProjectArgument,
    *,
    report: ReportRun,
) -> None:
    """One project's card: record, four lists with their deadlines, lights, recent history."""
    from projledger.commands import reports_run

    code = reports_run.project_card(
        report.root_path,
        project,
        as_of=report.day,
        output_format=report.output_format,
        output=report.output,
        lang=report.language,
        template=report.template,
    )
    raise typer.Exit(code)


@report_app.command("unit")
@report_command()
def unit_report(
    unit: Annotated[
        str,
        typer.Argument(
            autocompletion=complete.units,
            help="Unit name or short name (from projledger.yaml).",
        ),
    ],
    *,
    report: ReportRun,
) -> None:
    """Everything a unit answers for: responsibilities, issues, tasks and their deadlines."""
    from projledger.commands import reports_run

    code = reports_run.unit_report(
        report.root_path,
        unit,
        as_of=report.day,
        output_format=report.output_format,
        output=report.output,
        lang=report.language,
        at=report.at,
        template=report.template,
    )
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(overdue)
    app.command()(due)
    app.add_typer(report_app, name="report")

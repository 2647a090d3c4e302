"""The report commands: load the ledger's facts, build the report, write it."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from projledger.commands.report import describe_source, write_report
from projledger.gcpause import gc_paused
from projledger.report.formats import ReportFormat
from projledger.root import LedgerRoot

if TYPE_CHECKING:
    from projledger.ledger.facts_cache import Item, Ledger, View
    from projledger.report.document import Report
    from projledger.report.period import Period


def deadlines(
    root_path: Path,
    *,
    overdue: bool,
    within: int | None,
    by: str,
    units: list[str],
    leaders: list[str],
    levels: list[str],
    projects: list[str],
    as_of: dt.date,
    output_format: ReportFormat,
    output: Path | None,
    lang: str | None,
    fail_on: str,
    at: str | None = None,
    template: Path | None = None,
) -> int:
    from projledger.ledger.due_index import DamagedEntryError
    from projledger.ledger.facts_cache import DUE_INDEX
    from projledger.report.build_due import DueFilter, GroupBy, build_due_report, check_filters

    root = LedgerRoot(root_path)
    ledger, describe = _ledger(root, DUE_INDEX, at)
    only = DueFilter(tuple(units), tuple(leaders), tuple(levels), tuple(projects))
    check_filters(ledger, only)
    language = lang or ledger.config.language
    source = describe(language)
    # The exit code counts with the same filters as the listing: `--unit X --fail-on
    # overdue` fails only for X's overdue items.
    kinds = [overdue, *(kind for kind in _failing(fail_on) if kind != overdue)]

    def build_all() -> "list[Report]":
        return [
            build_due_report(
                ledger,
                as_of,
                overdue=kind,
                within=within,
                by=GroupBy(by),
                only=only,
                lang=language,
                source=source,
            )
            for kind in kinds
        ]

    with gc_paused():
        try:
            reports = build_all()
        except DamagedEntryError:
            # The cache was damaged where only the build reads it: read every file
            # again, and write the cache anew.
            ledger, _ = _ledger(root, DUE_INDEX, at, rebuild=True)
            reports = build_all()
        write_report(reports[0], output_format, output, "items", template)
    failing = set(_failing(fail_on))
    found = {
        kind: len(report.table("items").rows) for kind, report in zip(kinds, reports, strict=True)
    }
    return 1 if any(found[kind] for kind in failing) else 0


def _failing(fail_on: str) -> list[bool]:
    """Which listings (True: overdue, False: due soon) fail the command when not empty."""
    return {"never": [], "overdue": [True]}.get(fail_on, [True, False])


def _ledger(
    root: LedgerRoot, view: "View[Item]", at: str | None, *, rebuild: bool = False
) -> "tuple[Ledger[Item], Callable[[str], str]]":
    """The work tree's projects, or with `at` those of a commit (or of the end of a day);
    and the report's source line, in a language."""
    from projledger.ledger.facts_cache import ledger_at, load_view

    if at is None:
        describe = describe_source(root)  # git runs while the ledger is read
        return load_view(root, view, rebuild=rebuild), describe
    ledger, commit = ledger_at(root, at, view.from_project)
    from projledger.commands.report import commit_source

    return ledger, lambda lang: commit_source(commit, lang)


def period_report(
    root_path: Path,
    *,
    kind: str,
    period_text: str | None,
    start: dt.date | None,
    end: dt.date | None,
    as_of: dt.date | None,
    today: dt.date,
    output_format: ReportFormat,
    output: Path | None,
    lang: str | None,
    at: str | None = None,
    template: Path | None = None,
) -> int:
    from projledger.ledger.facts_cache import FACTS
    from projledger.report.build_period import build_period_report

    span = _period(kind, period_text, start, end, today)
    # A past period is reported as of its last day, so the same command gives the same
    # report whenever it runs; the current one, as of today.
    report_date = as_of or min(span.end, today)
    root = LedgerRoot(root_path)
    ledger, describe = _ledger(root, FACTS, at)
    language = lang or ledger.config.language
    source = describe(language)
    revision = None
    if at is not None:  # the history too as it was then: `--at` reproduces a report
        from projledger.gitrepo import LedgerRepo
        from projledger.history.asof import resolve_revision

        revision = resolve_revision(LedgerRepo.open(root.path), at)
    report = build_period_report(
        root, ledger, kind, span, report_date, language, source, revision=revision
    )
    write_report(report, output_format, output, template=template)
    return 0


def _period(
    kind: str, text: str | None, start: dt.date | None, end: dt.date | None, today: dt.date
) -> "Period":
    from projledger.errors import UsageError
    from projledger.messages import msg
    from projledger.report import period as periods

    if start is not None or end is not None:
        if text is not None:
            raise UsageError(msg("period.week_and_dates"))
        if start is None or end is None:
            raise UsageError(msg("period.half_range"))
        return periods.dates(start, end)
    if kind == "weekly":
        return periods.week(text) if text else periods.week_of(today)
    if kind == "monthly":
        return periods.month(text) if text else periods.month_of(today)
    if kind == "annual":
        return periods.year(text) if text else periods.year_of(today)
    return periods.quarter(text) if text else periods.quarter_of(today)


def project_card(
    root_path: Path,
    project: str,
    *,
    as_of: dt.date,
    output_format: ReportFormat,
    output: Path | None,
    lang: str | None,
    template: Path | None = None,
) -> int:
    from projledger.ledger.config_cache import cached_config
    from projledger.ledger.load import load_checked_project
    from projledger.ledger.names import find_project
    from projledger.report.build_card import build_project_card

    root = LedgerRoot(root_path)
    config = cached_config(root)
    language = lang or config.language
    project_id = find_project(root, project)
    model, errors = load_checked_project(root, project_id, config)
    source = describe_source(root)(language)
    report = build_project_card(root, config, model, as_of, language, source, errors=errors)
    write_report(report, output_format, output, template=template)
    return 0


def unit_report(
    root_path: Path,
    unit: str,
    *,
    as_of: dt.date,
    output_format: ReportFormat,
    output: Path | None,
    lang: str | None,
    at: str | None = None,
    template: Path | None = None,
) -> int:
    from projledger.ledger.facts_cache import FACTS
    from projledger.report.build_unit import build_unit_report

    root = LedgerRoot(root_path)
    ledger, describe = _ledger(root, FACTS, at)
    language = lang or ledger.config.language
    source = describe(language)
    report = build_unit_report(ledger, unit, as_of, language, source)
    write_report(report, output_format, output, template=template)
    return 0

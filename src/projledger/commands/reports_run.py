"""The report commands: load the ledger's facts, build the report, write it."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from projledger.commands.report import describe_source, write_report
from projledger.report.formats import ReportFormat
from projledger.root import LedgerRoot

if TYPE_CHECKING:
    from projledger.report.document import Report
    from projledger.report.period import Period
    from projledger.store.facts_cache import FactsLedger


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
) -> int:
    from projledger.report.build_due import DueFilter, GroupBy, build_due_report, check_filters

    root = LedgerRoot(root_path)
    ledger, at_commit = _ledger(root, at)
    only = DueFilter(tuple(units), tuple(leaders), tuple(levels), tuple(projects))
    check_filters(ledger, only)
    language = lang or ledger.config.language
    source = at_commit or describe_source(root, language)

    def build(overdue_items: bool) -> "Report":
        return build_due_report(
            ledger,
            as_of,
            overdue=overdue_items,
            within=within,
            by=GroupBy(by),
            only=only,
            lang=language,
            source=source,
        )

    report = build(overdue)
    write_report(report, output_format, output, "items")
    if fail_on == "never":
        return 0
    # The same filters decide the exit code as the listing: `--unit X --fail-on overdue`
    # fails only for X's overdue items.
    counts = {overdue: len(report.table("items").rows)}
    wanted = [True] if fail_on == "overdue" else [True, False]
    for kind in wanted:
        if kind not in counts:
            counts[kind] = len(build(kind).table("items").rows)
    return 1 if any(counts[kind] for kind in wanted) else 0


def _ledger(root: LedgerRoot, at: str | None) -> "tuple[FactsLedger, str | None]":
    """The work tree's projects, or with `at` those of a commit (or of the end of a day)
    and that commit's id for the report's source line."""
    from projledger.store.facts_cache import facts_at, load_facts

    if at is None:
        return load_facts(root), None
    ledger, commit = facts_at(root, at)
    return ledger, f"commit {commit[:12]}"


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
) -> int:
    from projledger.report.build_period import build_period_report

    span = _period(kind, period_text, start, end, today)
    # A past period is reported as of its last day, so the same command gives the same
    # report whenever it runs; the current one, as of today.
    report_date = as_of or min(span.end, today)
    root = LedgerRoot(root_path)
    ledger, at_commit = _ledger(root, at)
    language = lang or ledger.config.language
    source = at_commit or describe_source(root, language)
    report = build_period_report(root, ledger, kind, span, report_date, language, source)
    write_report(report, output_format, output)
    return 0


def _period(
    kind: str, text: str | None, start: dt.date | None, end: dt.date | None, today: dt.date
) -> "Period":
    from projledger.errors import UsageError
    from projledger.report import period as periods

    if start is not None or end is not None:
        if text is not None:
            raise UsageError("give either --week or --from/--to, not both")
        if start is None or end is None:
            raise UsageError("a custom period needs both --from and --to")
        return periods.dates(start, end)
    if kind == "weekly":
        return periods.week(text) if text else periods.week_of(today)
    if kind == "monthly":
        return periods.month(text) if text else periods.month_of(today)
    return periods.quarter(text) if text else periods.quarter_of(today)


def project_card(
    root_path: Path,
    project: str,
    *,
    as_of: dt.date,
    output_format: ReportFormat,
    output: Path | None,
    lang: str | None,
) -> int:
    from projledger.refs import project_in_root
    from projledger.report.build_card import build_project_card
    from projledger.store.ledger import load_config, load_project

    root = LedgerRoot(root_path)
    config = load_config(root)
    language = lang or config.language
    model = load_project(root, project_in_root(root, project))
    source = describe_source(root, language)
    report = build_project_card(root, config, model, as_of, language, source)
    write_report(report, output_format, output)
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
) -> int:
    from projledger.report.build_unit import build_unit_report

    root = LedgerRoot(root_path)
    ledger, at_commit = _ledger(root, at)
    language = lang or ledger.config.language
    source = at_commit or describe_source(root, language)
    report = build_unit_report(ledger, unit, as_of, language, source)
    write_report(report, output_format, output)
    return 0

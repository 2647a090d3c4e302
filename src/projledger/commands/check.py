"""`projledger check`."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from projledger.check.run import CheckReport
    from projledger.messages import Lang


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def run(
    paths: list[Path],
    cwd: Path,
    output: OutputFormat,
    strict: bool,
    use_cache: bool,
    *,
    verbose: bool = False,
    lang: "Lang" = "en",
) -> int:
    from projledger.check.run import CheckReport, check_paths
    from projledger.commands.check_links import without_linked_roots
    from projledger.findings import Finding

    kept, refused = without_linked_roots(paths, cwd)
    report = check_paths(kept, cwd, use_cache=use_cache, strict=strict) if kept else CheckReport()
    report.files_checked += len(refused)
    report.findings = sorted([*report.findings, *refused], key=Finding.sort_key)
    code = print_report(report, output, lang)
    if verbose:
        _slow_reads(report, lang)
    return code


def _slow_reads(report: "CheckReport", lang: "Lang") -> None:
    """On stderr, so `--format json` output stays one document."""
    from projledger.messages import text

    slow = sorted(report.slow_reads, key=lambda read: read.file)
    for read in slow:
        reason = read.reason.render(lang)
        ms = f"{read.seconds * 1000:.1f}"
        sys.stderr.write(text("check.slow_read", lang, file=read.file, reason=reason, ms=ms))
        sys.stderr.write("\n")
    total = f"{sum(read.seconds for read in slow):.2f}"
    sys.stderr.write(text("check.slow_reads", lang, n=len(slow), seconds=total) + "\n")


def print_report(report: "CheckReport", output: OutputFormat, lang: "Lang" = "en") -> int:
    """Findings in the chosen format; the exit code they call for (also used by audit)."""
    from projledger.findings import Severity
    from projledger.render import check_output

    if output == OutputFormat.JSON:
        check_output.render_json(report, sys.stdout, lang)
    elif output == OutputFormat.GITHUB:
        check_output.render_github(report, sys.stdout, lang)
    else:
        check_output.render_text(report, sys.stdout, lang=lang)
    return 1 if report.count(Severity.ERROR) else 0

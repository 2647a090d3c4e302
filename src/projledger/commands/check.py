"""`projledger check`."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from projledger.check.run import CheckReport


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def run(paths: list[Path], cwd: Path, output: OutputFormat, strict: bool, use_cache: bool) -> int:
    from projledger.check.run import check_paths

    return print_report(check_paths(paths, cwd, use_cache=use_cache, strict=strict), output)


def print_report(report: "CheckReport", output: OutputFormat) -> int:
    """Findings in the chosen format; the exit code they call for (also used by audit)."""
    from projledger.findings import Severity
    from projledger.render import check_output

    if output == OutputFormat.JSON:
        check_output.render_json(report, sys.stdout)
    elif output == OutputFormat.GITHUB:
        check_output.render_github(report, sys.stdout)
    else:
        check_output.render_text(report, sys.stdout)
    return 1 if report.count(Severity.ERROR) else 0

"""`check` output: a terminal format (rich), versioned JSON, and GitHub annotations."""

import json
from typing import TextIO

from projledger import __version__
from projledger.check.run import CheckReport
from projledger.findings import CODE_BY_ID, Finding, Severity, display_loc

JSON_FORMAT_VERSION = 1


def render_json(report: CheckReport, out: TextIO) -> None:
    payload = {
        "format": "projledger-check",
        "version": JSON_FORMAT_VERSION,
        "tool_version": __version__,
        "files_checked": report.files_checked,
        "summary": {
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
        },
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "title": CODE_BY_ID[f.code].title,
                "message": f.message,
                "file": f.file,
                "line": f.line,
                "column": f.col,
                "path": display_loc(f.loc) if f.loc else None,
            }
            for f in report.findings
        ],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: CheckReport, out: TextIO) -> None:
    """Workflow commands: each finding becomes an annotation on its file and line."""
    for f in report.findings:
        title = _escape_property(f"{f.code} {CODE_BY_ID[f.code].title}")
        out.write(
            f"::{f.severity.value} file={_escape_property(f.file)},line={f.line or 1},"
            f"col={f.col or 1},title={title}::{_escape_data(f.message)}\n"
        )
    out.write(_summary_line(report) + "\n")


def _summary_line(report: CheckReport) -> str:
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    files = len({f.file for f in report.findings})
    if not report.findings:
        return f"{_files(report.files_checked)} checked: no findings"
    return (
        f"{_files(report.files_checked)} checked: {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)} in {files} file{'s' * (files != 1)}"
    )


def render_text(report: CheckReport, out: TextIO, color: bool | None = None) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=color, no_color=color is False, soft_wrap=True)
    lines_of: dict[str, list[str]] = {}
    for f in report.findings:
        style = "bold red" if f.severity == Severity.ERROR else "bold yellow"
        header = Text()
        header.append(f"{f.file}:{f.line or 1}:{f.col or 1}: ", style="bold")
        header.append(f"{f.severity.value} {f.code}", style=style)
        header.append(f" {f.message}")
        console.print(header, highlight=False)
        text = report.texts.get(f.file)
        if text is None or not f.line:
            continue
        lines = lines_of.setdefault(f.file, text.split("\n"))
        if f.line <= len(lines):
            _show_line(console, lines, f)
    summary_style = "bold red" if report.count(Severity.ERROR) else "bold green"
    console.print(Text(_summary_line(report), style=summary_style), highlight=False)


def _show_line(console: object, lines: list[str], finding: Finding) -> None:
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    assert isinstance(console, Console)
    source = lines[(finding.line or 1) - 1].replace("\t", " ")
    gutter = f"{finding.line:>5} | "
    console.print(Text(gutter, style="dim") + Text(source), highlight=False)
    caret_at = cell_len(source[: max((finding.col or 1) - 1, 0)])
    console.print(Text(" " * (len(gutter) + caret_at) + "^", style="bold"), highlight=False)


def _files(count: int) -> str:
    return f"{count} file{'s' * (count != 1)}"

"""`check` output: a terminal format (rich), versioned JSON, and GitHub annotations.

The text and GitHub formats show at most `MAX_SHOWN_PER_FILE` findings of a file and count
the rest: a file with 20,000 unknown keys is one mistake, not 20,000 lines to scroll
(or annotations, of which GitHub shows a few dozen anyway). JSON lists every finding.
File names, messages and source lines are shown with control characters escaped."""

import json
from collections.abc import Iterator
from itertools import groupby
from typing import TextIO

from projledger import __version__
from projledger.check.run import CheckReport
from projledger.findings import CODE_BY_ID, Finding, Severity, display_loc
from projledger.messages import Lang
from projledger.messages import text as say
from projledger.safe_text import json_safe, printable

JSON_FORMAT_VERSION = 1
MAX_SHOWN_PER_FILE = 100


def render_json(report: CheckReport, out: TextIO, lang: Lang = "en") -> None:
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
                "message": f.text(lang),
                "file": f.file,
                "line": f.line,
                "column": f.col,
                "path": display_loc(f.loc) if f.loc else None,
            }
            for f in report.findings
        ],
    }
    out.write(json_safe(json.dumps(payload, ensure_ascii=False, indent=2)))
    out.write("\n")


def _escape_data(text: str) -> str:
    return printable(text).replace("%", "%25")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: CheckReport, out: TextIO, lang: Lang = "en") -> None:
    """Workflow commands: each finding becomes an annotation on its file and line."""
    for file, shown, rest in _capped(report.findings):
        for f in shown:
            title = _escape_property(f"{f.code} {CODE_BY_ID[f.code].title}")
            out.write(
                f"::{f.severity.value} file={_escape_property(f.file)},line={f.line or 1},"
                f"col={f.col or 1},title={title}::{_escape_data(f.text(lang))}\n"
            )
        if rest:
            out.write(_more_line(file, rest, lang) + "\n")
    out.write(_summary_line(report, lang) + "\n")


def _capped(findings: list[Finding]) -> Iterator[tuple[str, list[Finding], int]]:
    """Each run of one file's findings: the file, the findings to show, how many more."""
    for file, run in groupby(findings, key=lambda f: f.file):
        group = list(run)
        shown = group[:MAX_SHOWN_PER_FILE]
        yield file, shown, len(group) - len(shown)


def _more_line(file: str, rest: int, lang: Lang) -> str:
    more = say("count.more_findings", lang, n=f"{rest:,}")
    return say("check.more", lang, file=printable(file), rest=more)


def _summary_line(report: CheckReport, lang: Lang) -> str:
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    files = len({f.file for f in report.findings})
    checked = report.checked or say("count.files", lang, n=report.files_checked)
    if not report.findings:
        return say("check.no_findings", lang, files=checked)
    return say(
        "check.summary",
        lang,
        files=checked,
        errors=say("count.errors", lang, n=errors),
        warnings=say("count.warnings", lang, n=warnings),
        with_findings=say("count.files", lang, n=files),
    )


def render_text(
    report: CheckReport, out: TextIO, color: bool | None = None, lang: Lang = "en"
) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=color, no_color=color is False, soft_wrap=True)
    lines_of: dict[str, list[str]] = {}  # each file's text split once, however many findings
    for file, shown, rest in _capped(report.findings):
        text = report.texts.get(file)
        if text is not None and file not in lines_of:
            lines_of[file] = text.split("\n")
        lines = lines_of.get(file, [])
        for f in shown:
            style = "bold red" if f.severity == Severity.ERROR else "bold yellow"
            header = Text()
            header.append(f"{printable(f.file)}:{f.line or 1}:{f.col or 1}: ", style="bold")
            severity = say(f"check.severity.{f.severity.value}", lang)
            header.append(f"{severity} {f.code}", style=style)
            header.append(f" {printable(f.text(lang))}")
            console.print(header, highlight=False)
            if f.line and f.line <= len(lines):
                _show_line(console, lines, f)
        if rest:
            console.print(Text(_more_line(file, rest, lang), style="bold"), highlight=False)
    summary_style = "bold red" if report.count(Severity.ERROR) else "bold green"
    console.print(Text(_summary_line(report, lang), style=summary_style), highlight=False)


def _show_line(console: object, lines: list[str], finding: Finding) -> None:
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    assert isinstance(console, Console)
    source = lines[(finding.line or 1) - 1].replace("\t", " ")
    gutter = f"{finding.line:>5} | "
    console.print(Text(gutter, style="dim") + Text(printable(source)), highlight=False)
    caret_at = cell_len(printable(source[: max((finding.col or 1) - 1, 0)]))
    console.print(Text(" " * (len(gutter) + caret_at) + "^", style="bold"), highlight=False)

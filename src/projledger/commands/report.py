"""Report commands: read the ledger's facts, build a `Report`, write it in one format."""

import sys
from collections.abc import Callable
from pathlib import Path

from projledger.errors import ProjledgerError, UsageError
from projledger.messages import composed, msg
from projledger.report.document import Report
from projledger.report.formats import ReportFormat
from projledger.report.labels import label
from projledger.root import LedgerRoot
from projledger.store.input_files import refuse_non_regular


def describe_source(root: LedgerRoot) -> Callable[[str], str]:
    """The commit the report's files are at, and whether they differ from it: the same
    source and command give the same report, byte for byte. Asks git at once, and gives
    a function that waits for the answer, in the report's language."""
    from projledger.gitrepo import StatusProbe

    probe = StatusProbe(root.path, [root.projects_dir.name, root.config_file.name])

    def describe(lang: str) -> str:
        status = probe.result()
        if status is None or status.head is None:
            return label("source_none", lang)
        source = commit_source(status.head, lang)
        return f"{source} + {label('source_worktree', lang)}" if status.changed else source

    return describe


def commit_source(commit: str, lang: str) -> str:
    """A report's source when it is a commit: 提交 1a2b3c4d5e6f."""
    return f"{label('source_commit', lang)}{commit[:12]}"


def write_report(
    report: Report,
    output_format: ReportFormat,
    output: Path | None,
    table: str | None = None,
    template: Path | None = None,
) -> None:
    """Render and write to `output` (atomically) or standard output; `template`: the
    office's .docx for `--format docx`."""
    if template is not None and output_format != ReportFormat.DOCX:
        raise UsageError(msg("report.template_needs_docx"))
    if output_format == ReportFormat.TEXT:
        if output is not None:
            raise UsageError(msg("report.output_needs_file_format"))
        from projledger.commands.terminal import console
        from projledger.report.render_terminal import render_terminal

        render_terminal(report, console())
        return
    data = render_bytes(report, output_format, table, template)
    if output is None:
        binary = output_format in (ReportFormat.XLSX, ReportFormat.DOCX)
        if binary and sys.stdout.isatty():
            raise UsageError(msg("report.binary_not_terminal", ext=output_format.value))
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from projledger.store.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(output, data)
    except OSError as exc:
        raise ProjledgerError(
            msg("report.cannot_write", file=output, reason=exc.strerror)
        ) from None


def render_bytes(
    report: Report, output_format: ReportFormat, table: str | None, template: Path | None = None
) -> bytes:
    if output_format == ReportFormat.DOCX:
        return _docx(report, template)
    if output_format == ReportFormat.XLSX:
        from projledger.report.render_xlsx import render_xlsx

        return render_xlsx(report)
    if output_format == ReportFormat.HTML:
        from projledger.report.render_html import render_html

        text = render_html(report)
    elif output_format == ReportFormat.MD:
        from projledger.report.render_markdown import render_markdown

        text = render_markdown(report)
    elif output_format == ReportFormat.JSON:
        from projledger.report.render_json import render_json

        return render_json(report)
    else:
        from projledger.report.render_csv import TableError, render_csv

        try:
            text = render_csv(report, table)
        except TableError as exc:
            raise UsageError(
                composed("about", subject="--format csv", problem=exc.args[0])
            ) from None
    return text.encode("utf-8")


def _docx(report: Report, template: Path | None) -> bytes:
    from projledger.report.docx_template import TemplateError
    from projledger.report.render_docx import render_docx

    if template is None:
        return render_docx(report)
    refuse_non_regular(template, "--template ")
    try:
        return render_docx(report, template.read_bytes())
    except OSError as exc:
        raise ProjledgerError(
            msg("report.template_unreadable", template=template, reason=exc.strerror)
        ) from None
    except TemplateError as exc:
        about = composed("about", subject=f"--template {template}", problem=exc.args[0])
        raise ProjledgerError(about) from None

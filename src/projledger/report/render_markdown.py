"""A report as GitHub-flavoured Markdown (for wikis, issues and mail)."""

from projledger.report.document import Report, Table
from projledger.report.formatting import (
    NUMERIC_KINDS,
    format_value,
    invalid_files_warning,
    meta_line,
    words,
)


def _text(text: str) -> str:
    """Markdown renderers pass HTML through: ledger text must not become markup (a project
    named <script> is shown, not run, wherever the Markdown is published)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    # A pipe would end the cell and a newline the row; <br> keeps a line break visible.
    text = _text(text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("|", "\\|").replace("\n", "<br>")


def _italic(text: str) -> str:
    # Escape emphasis markers so a note with * or _ stays one italic run.
    text = _text(text).replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
    return "*" + " ".join(text.split()) + "*"


def _pipe_table(header: list[str], aligns: list[bool], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(_cell(h) for h in header) + " |",
        "| " + " | ".join("---:" if right else "---" for right in aligns) + " |",
    ]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


def _table_block(table: Table, report: Report) -> str:
    blocks = [f"## {_text(' '.join(table.title.split()))}"]
    if table.note:
        blocks.append(_italic(table.note))
    if not table.rows:
        if not table.note:
            blocks.append(words(report)["none"])
        return "\n\n".join(blocks)
    rows = [
        [
            format_value(value, column.kind, report.lang)
            for column, value in zip(table.columns, row, strict=True)
        ]
        for row in table.rows
    ]
    blocks.append(
        _pipe_table(
            [column.label for column in table.columns],
            [column.kind in NUMERIC_KINDS for column in table.columns],
            rows,
        )
    )
    return "\n\n".join(blocks)


def render_markdown(report: Report) -> str:
    w = words(report)
    blocks = [f"# {_text(' '.join(report.title.split()))}", _cell(meta_line(report))]
    if report.invalid_files:
        quote = [f"> **{w['note']}**{w['colon']}{invalid_files_warning(report)}", ">"]
        quote.extend(f"> - `{name}`" for name in report.invalid_files)
        blocks.append("\n".join(quote))
    blocks.extend(_text(note) for note in report.notes)
    if report.figures:
        blocks.append(
            _pipe_table(
                [w["figure"], w["value"]],
                [False, True],
                [
                    [figure.label, format_value(figure.value, figure.kind, report.lang)]
                    for figure in report.figures
                ],
            )
        )
    blocks.extend(_table_block(table, report) for table in report.tables)
    return "\n\n".join(blocks) + "\n"

"""A report as GitHub-flavoured Markdown (for wikis, issues and mail): its text, then its
tables with the columns a reader needs (`Table.for_print`); the data's source last."""

import re

from projledger.report.document import Paragraph, Report, Table
from projledger.report.formatting import (
    NUMERIC_KINDS,
    format_value,
    invalid_files_warning,
    meta_fields,
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
    table = table.for_print()
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


def _paragraph(paragraph: Paragraph) -> str:
    text = _text(" ".join(paragraph.text.split()))
    if paragraph.level:
        return "#" * (paragraph.level + 1) + " " + text
    # A paragraph starting with "1." or "-" must not become a list, nor "#" a heading.
    if text[:1] in "-+*#>|":
        return "\\" + text
    ordered = re.match(r"\d+(?=[.)](\s|$))", text)
    return text if ordered is None else ordered[0] + "\\" + text[ordered.end() :]


def render_markdown(report: Report) -> str:
    w = words(report)
    colon = w["colon"]
    meta = " · ".join(
        f"{label}{colon}{text}" for label, text in meta_fields(report) if label != w["source"]
    )
    blocks = [f"# {_text(' '.join(report.title.split()))}"]
    if report.subtitle:
        blocks.append(f"**{_text(report.subtitle)}**")
    blocks.append(_cell(meta))
    if report.invalid_files:
        quote = [f"> **{w['note']}**{w['colon']}{invalid_files_warning(report)}", ">"]
        quote.extend(f"> - `{name}`" for name in report.invalid_files)
        blocks.append("\n".join(quote))
    blocks.extend(_text(note) for note in report.notes)
    blocks.extend(_paragraph(paragraph) for paragraph in report.narrative)
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
    # The data's commit closes the document, out of its heading.
    blocks.append(_italic(f"{w['source']}{colon}{report.source}"))
    return "\n\n".join(blocks) + "\n"

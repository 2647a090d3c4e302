"""A report as GitHub-flavoured Markdown (for wikis, issues and mail).

Also home of the few words every human-readable format adds around a report (the header
fields, the invalid-files warning): this module imports nothing heavy, so the terminal and
.xlsx renderers share them from here.
"""

from projledger.report.document import Kind, Report, Table
from projledger.report.formatting import format_value

NUMERIC_KINDS = frozenset({Kind.INT, Kind.AMOUNT, Kind.PERCENT, Kind.POINTS})

WORDS = {
    "zh": {
        "organisation": "单位",
        "period": "期间",
        "as_of": "截至",
        "source": "数据来源",
        "note": "注意",
        "none": "无",
        "figure": "指标",
        "value": "数值",
        "summary": "概况",
        "colon": "：",
        "period_range": "{start} 至 {end}",
        "period_from": "{start} 起",
        "period_to": "至 {end}",
        "invalid": ("{n} 个项目文件无法读取，未计入本报告；请运行 `projledger check` 查看原因："),
    },
    "en": {
        "organisation": "Organisation",
        "period": "Period",
        "as_of": "As of",
        "source": "Source",
        "note": "Note",
        "none": "none",
        "figure": "Figure",
        "value": "Value",
        "summary": "Summary",
        "colon": ": ",
        "period_range": "{start} to {end}",
        "period_from": "from {start}",
        "period_to": "to {end}",
        "invalid": (
            "{n} project file(s) could not be read and are left out of this report; "
            "run `projledger check` to see why:"
        ),
    },
}


def words(report: Report) -> dict[str, str]:
    """The fixed words in the report's language (Chinese for an unknown language, like
    `format_value`)."""
    return WORDS.get(report.lang, WORDS["zh"])


def period_text(report: Report) -> str | None:
    w = words(report)
    start, end = report.period_start, report.period_end
    if start and end:
        return w["period_range"].format(start=start.isoformat(), end=end.isoformat())
    if start:
        return w["period_from"].format(start=start.isoformat())
    if end:
        return w["period_to"].format(end=end.isoformat())
    return None


def meta_fields(report: Report) -> list[tuple[str, str]]:
    """(label, text) pairs shown under the title: organisation, period, as-of, source."""
    w = words(report)
    fields = [(w["organisation"], report.organisation)]
    period = period_text(report)
    if period is not None:
        fields.append((w["period"], period))
    fields.append((w["as_of"], report.as_of.isoformat()))
    fields.append((w["source"], report.source))
    return fields


def meta_line(report: Report) -> str:
    colon = words(report)["colon"]
    return " · ".join(f"{label}{colon}{text}" for label, text in meta_fields(report))


def invalid_files_warning(report: Report) -> str:
    """The sentence before the list of unreadable files (the list itself is not included)."""
    return words(report)["invalid"].format(n=len(report.invalid_files))


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

"""A report in the terminal (rich). rich lays out by display width, so CJK text aligns.

Every piece of report text goes in as `rich.text.Text`, never as markup: a project name
with "[...]" in it must print as written.
"""

from collections.abc import Sequence
from dataclasses import replace

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from projledger.compute.light import Light
from projledger.report.aligned_columns import Cell, ColumnValues, Styled, print_columns
from projledger.report.document import Kind, Report, Table, Value
from projledger.report.formatting import (
    MISSING,
    NUMERIC_KINDS,
    format_value,
    invalid_files_warning,
    meta_line,
    words,
)
from projledger.safe_text import printable_lines

LIGHT_STYLES = {Light.RED: "bold red", Light.YELLOW: "bold yellow", Light.GREEN: "bold green"}
LIGHT_VALUES = frozenset(light.value for light in Light)
UNBOUNDED = 100_000


def _no_wrap(key: str, kind: Kind) -> bool:
    # Ids and dates are read as a whole: never broken across lines.
    return kind == Kind.DATE or key == "id" or key.endswith("_id")


def _cell(value: Value, kind: Kind, lang: str) -> Text:
    text = format_value(value, kind, lang)
    if kind == Kind.LIGHT and isinstance(value, str) and value in LIGHT_VALUES:
        return Text(text, style=LIGHT_STYLES[Light(value)])
    if value is None or value == "":
        return Text(text, style="dim")
    return Text(text)


def _figures(report: Report) -> RichTable:
    w = words(report)
    table = RichTable(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False)
    table.add_column(w["figure"])
    table.add_column(w["value"], justify="right", no_wrap=True)
    for figure in report.figures:
        table.add_row(Text(figure.label), _cell(figure.value, figure.kind, report.lang))
    return table


def _width(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def _fixed_widths(table: Table, cells: list[list[Text]], width: int) -> list[int | None]:
    """Widths for the columns that must stay whole (numbers, lights, dates, ids) when the
    table is wider than the terminal; text columns (None) give way and wrap.

    First the non-text columns keep their natural width; if the text columns would then get
    too little, those columns shrink to their values and their labels wrap. If even that
    leaves no room, nothing is fixed: everything folds, which hides nothing, where a table
    wider than the terminal would be cut off at the right.
    """
    label = [_width(Text(column.label)) for column in table.columns]
    value = [max((_width(row[i]) for row in cells), default=0) for i in range(len(label))]
    text = [
        column.kind == Kind.TEXT and not _no_wrap(column.key, column.kind)
        for column in table.columns
    ]
    overhead = 3 * len(label) + 1  # a space either side of each cell, and the rules
    for tight, text_floor in ((False, 10), (True, 6)):
        fixed = [
            None if is_text else max(v, min(lab, 4)) if tight else max(v, lab)
            for is_text, v, lab in zip(text, value, label, strict=True)
        ]
        floor = sum(
            min(max(v, lab), text_floor) if w is None else w
            for w, v, lab in zip(fixed, value, label, strict=True)
        )
        if floor + overhead <= width:
            return fixed
    return [None] * len(label)


def _table(table: Table, lang: str, console: Console) -> RichTable:
    cells = [
        [_cell(value, column.kind, lang) for column, value in zip(table.columns, row, strict=True)]
        for row in table.rows
    ]

    def build(widths: list[int | None]) -> RichTable:
        rich_table = RichTable(
            title=Text(table.title, style="bold"),
            title_justify="left",
            caption=Text(table.note, style="dim") if table.note else None,
            caption_justify="left",
            header_style="bold",
        )
        for column, width in zip(table.columns, widths, strict=True):
            rich_table.add_column(
                Text(column.label),
                justify="right" if column.kind in NUMERIC_KINDS else "left",
                overflow="fold",  # never "…": a narrow terminal must not hide part of a value
                no_wrap=_no_wrap(column.key, column.kind),
                width=width,
            )
        for row in cells:
            rich_table.add_row(*row)
        return rich_table

    rich_table = build([None] * len(table.columns))
    # The width it would take unconstrained (a measure at the console width is capped).
    natural = Measurement.get(console, console.options.update_width(UNBOUNDED), rich_table)
    if natural.maximum <= console.width:
        return rich_table
    return build(_fixed_widths(table, cells, console.width))


LONG_TABLE_ROWS = 300
"""From this many rows a table is laid out as plain aligned columns (`aligned_columns`):
rich's Table lays out every cell, too slow for the 20,000 overdue items of a
10,000-project ledger (bench/README.md)."""


def _long_table(table: Table, lang: str, console: Console) -> None:
    """Aligned columns by display width (CJK-safe), header in bold, lights in colour;
    values never wrap. Only the terminal's columns (`Table.for_terminal`), taken column by
    column."""
    columns = [*zip(*table.rows, strict=True)]
    shown = [
        _shown(column.kind, lang, values)
        for column, values in zip(table.columns, columns, strict=True)
        if column.terminal
    ]
    kept = [column for column in table.columns if column.terminal]
    right = [column.kind in NUMERIC_KINDS for column in kept]
    header = [column.label for column in kept]
    print_columns(console, table.title, header, shown, right, table.note)


def _shown(kind: Kind, lang: str, values: Sequence[Value]) -> ColumnValues:
    """A column's values, and how the terminal shows each distinct one (lights in
    colour)."""
    types = set(map(type, values))
    if kind == Kind.TEXT and types <= {str, type(None)}:
        # Names and titles, mostly distinct: no formatting but the missing ones'.
        return values, {
            value: printable_lines(value) if value else MISSING  # type: ignore[arg-type]
            for value in set(values)
        }

    def cell(value: Value) -> Cell:
        # Escaped here, once per distinct value: `_printable` leaves a long table's rows.
        text = printable_lines(format_value(value, kind, lang))
        if kind == Kind.LIGHT and isinstance(value, str) and value in LIGHT_VALUES:
            return Styled(text, LIGHT_STYLES[Light(value)])
        return text

    if bool in types or {int, float} <= types:
        # 1, 1.0 and True are one key of a dict: each value formatted in its place.
        return range(len(values)), dict(enumerate(map(cell, values)))
    return values, {value: cell(value) for value in set(values)}


def _printable(report: Report) -> Report:
    """The report with control characters in its text escaped (\\x1b): titles, names and
    notes come from files and file names, and an ESC printed raw would drive the terminal.
    Line breaks stay: a cell of several lines is shown on several."""

    def cell(value: Value) -> Value:
        return printable_lines(value) if isinstance(value, str) else value

    return replace(
        report,
        title=printable_lines(report.title),
        subtitle=printable_lines(report.subtitle),
        invalid_files=[printable_lines(name) for name in report.invalid_files],
        notes=[printable_lines(note) for note in report.notes],
        narrative=[replace(p, text=printable_lines(p.text)) for p in report.narrative],
        figures=[
            replace(f, label=printable_lines(f.label), value=cell(f.value)) for f in report.figures
        ],
        tables=[
            replace(
                table,
                title=printable_lines(table.title),
                note=printable_lines(table.note) if table.note else table.note,
                # A long table's cells are escaped as `_shown` formats them: each distinct
                # value once, and only the columns the terminal shows.
                rows=table.rows
                if len(table.rows) >= LONG_TABLE_ROWS
                else [[cell(value) for value in row] for row in table.rows],
            )
            for table in report.tables
        ],
    )


def render_terminal(report: Report, console: Console) -> None:
    report = _printable(report)
    console.print(Text(report.title, style="bold"))
    if report.subtitle:
        console.print(Text(report.subtitle, style="bold"))
    console.print(Text(meta_line(report), style="dim"))
    if report.invalid_files:
        # First, before any figure: those figures leave these projects out.
        lines = [Text(invalid_files_warning(report), style="bold")]
        lines.extend(Text(f"  {name}") for name in report.invalid_files)
        console.print(
            Panel(
                Group(*lines),
                title=Text(words(report)["note"], style="bold red"),
                title_align="left",
                border_style="red",
                expand=False,
            )
        )
    for note in report.notes:
        console.print(Text(note))
    if report.narrative:  # the report's text (narrative.py), before its tables
        console.print()
    for paragraph in report.narrative:
        console.print(Text(paragraph.text, style="bold" if paragraph.level else ""))
    if report.figures:
        console.print()
        console.print(_figures(report))
    for table in report.tables:
        console.print()
        if len(table.rows) >= LONG_TABLE_ROWS:
            _long_table(table, report.lang, console)
        elif table.rows:
            console.print(_table(table.for_terminal(), report.lang, console))
        else:
            # An empty grid says nothing; the note says why it is empty.
            console.print(Text(table.title, style="bold"))
            console.print(Text(table.note or words(report)["none"], style="dim"))

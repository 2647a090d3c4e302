"""Long tables in the terminal (`report/aligned_columns.py`) print what rich prints for the
same text: the reference below is the way they were printed before, one `rich.text.Text`
built cell by cell and printed whole, with `soft_wrap=True`."""

import dataclasses
import datetime as dt
import io
from collections.abc import Callable, Sequence

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from projledger.compute.light import Light
from projledger.report import aligned_columns
from projledger.report.aligned_columns import Cell, Styled, display_width, print_aligned
from projledger.report.document import Column, Kind, Report, Table, Value
from projledger.report.formatting import NUMERIC_KINDS, format_value
from projledger.report.render_terminal import (
    LIGHT_STYLES,
    LIGHT_VALUES,
    LONG_TABLE_ROWS,
    render_terminal,
)


def reference(
    console: Console,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    right: Sequence[bool],
    note: str | None = None,
) -> None:
    texts = [[Text(c) if isinstance(c, str) else Text(c[0], style=c[1]) for c in r] for r in rows]
    lines = [[Text(name, style="bold") for name in header], *texts]
    plains = [[cell.plain.replace("\n", " ") for cell in cells] for cells in lines]
    widths = [max(cell_len(row[index]) for row in plains) for index in range(len(header))]
    out = Text()
    out.append(title + "\n", style="bold")
    last = len(header) - 1
    for cells, line in zip(lines, plains, strict=True):
        for index, (cell, plain) in enumerate(zip(cells, line, strict=True)):
            pad = " " * (widths[index] - cell_len(plain))
            out.append(pad + plain if right[index] else plain + pad, style=cell.style or None)
            out.append("  " if index < last else "\n")
    if note:
        out.append(note + "\n", style="dim")
    console.print(out, end="", soft_wrap=True)


CONSOLES: dict[str, Callable[[], Console]] = {
    "piped": lambda: Console(file=io.StringIO(), color_system=None, width=80),
    "terminal": lambda: Console(
        file=io.StringIO(), force_terminal=True, color_system="truecolor", width=80
    ),
    "NO_COLOR": lambda: Console(
        file=io.StringIO(), force_terminal=True, color_system="standard", no_color=True
    ),
}

NAMES = ["马头山水库工程", "Data Center A", "鲁中国际生物谷中药配方颗粒生产基地项目", "", "—"]
ODD = [
    "回车\r换行\n之后",  # CR dropped, the line break a space
    "铃\x07声",
    "制\t表",  # a tab: expanded to the next stop
    "👨\u200d👩\u200d👧 家庭",  # joined emoji: one glyph
    "e\u0301 组合",  # a combining accent
    "[bold]不是标记[/bold]",
]


def table_rows(count: int, odd: bool) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for n in range(count):
        name = (ODD if odd and n % 7 == 3 else NAMES)[n % 5]
        light: Cell = Styled("红灯", "bold red") if n % 3 else Styled("黄灯", "bold yellow")
        rows.append([f"I-{n:06d}", name, str(n * 37 % 1000), light, Styled(f"{n % 4}", "")])
    return rows


def output(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


@pytest.mark.parametrize("kind", list(CONSOLES))
@pytest.mark.parametrize(
    ("count", "odd"),
    [(3, False), (1, True), (40, True), (aligned_columns.CHUNK_LINES * 2 + 5, False)],
)
def test_the_same_bytes_as_rich(kind: str, count: int, odd: bool) -> None:
    rows = table_rows(count, odd)
    header = ["编号", "项目名称", "天数", "亮灯", "n"]
    right = [False, False, True, False, True]
    for title, note in (("逾期事项", "截至报告日期仍未完成的事项。"), ("多行\n标题\t二", None)):
        fast, slow = CONSOLES[kind](), CONSOLES[kind]()
        print_aligned(fast, title, header, rows, right, note)
        reference(slow, title, header, rows, right, note)
        assert output(fast) == output(slow)


def test_a_recording_console_records_the_same() -> None:
    rows = table_rows(50, True)
    header, right = ["编号", "项目名称", "天数", "亮灯", "n"], [False, False, True, False, True]
    fast = Console(file=io.StringIO(), record=True, force_terminal=True, color_system="256")
    slow = Console(file=io.StringIO(), record=True, force_terminal=True, color_system="256")
    print_aligned(fast, "标题", header, rows, right, "注")
    reference(slow, "标题", header, rows, right, "注")
    assert fast.export_text(styles=True) == slow.export_text(styles=True)
    assert fast.export_html() == slow.export_html()


def test_display_width_is_rich_cell_len() -> None:
    samples = [*NAMES, *ODD, "ＡＢＣ全角", "ｶﾀｶﾅ半角", "\x1b[31m", "\u00ad", "a" * 600 + "中"]
    for text in samples:
        assert display_width(text) == cell_len(text), text


def reference_long_table(table: Table, lang: str, console: Console) -> None:
    """What render_terminal printed for a long table before: every cell formatted by
    `format_value`, lights in colour."""
    kept = table.for_terminal()
    rows: list[list[Cell]] = []
    for row in kept.rows:
        cells: list[Cell] = []
        for column, value in zip(kept.columns, row, strict=True):
            text = format_value(value, column.kind, lang)
            if column.kind == Kind.LIGHT and isinstance(value, str) and value in LIGHT_VALUES:
                cells.append(Styled(text, LIGHT_STYLES[Light(value)]))
            else:
                cells.append(text)
        rows.append(cells)
    right = [column.kind in NUMERIC_KINDS for column in kept.columns]
    reference(console, kept.title, [c.label for c in kept.columns], rows, right, kept.note)


def test_a_long_report_table_formats_every_value_as_before() -> None:
    """Each distinct value is formatted once; equal numbers of other types (1, 1.0, True)
    are still formatted each as itself."""
    columns = [
        Column("id", "编号", terminal=False),
        Column("project", "项目名称"),
        Column("amount", "金额", Kind.AMOUNT),
        Column("mixed", "混合", Kind.INT),
        Column("rate", "比例", Kind.PERCENT),
        Column("gap", "差距", Kind.POINTS),
        Column("due", "时限", Kind.DATE),
        Column("light", "亮灯", Kind.LIGHT),
    ]
    mixed: list[Value] = [1, 1.0, 1.5, 10**16, 1e16, None, ""]
    lights: list[Value] = [Light.RED, "yellow", "green", None, ""]
    rows: list[list[Value]] = [
        [
            f"P-{n}",
            NAMES[n % 5] or None,
            [1280000, 629.5, 0, None][n % 4],
            mixed[n % len(mixed)],
            [0.972, 1, None][n % 3],
            [13.8, -4.0, 0][n % 3],
            dt.date(2026, 11, 1 + n % 28),
            lights[n % len(lights)],
        ]
        for n in range(LONG_TABLE_ROWS + 20)
    ]
    day = dt.date(2026, 11, 20)
    report = Report("overdue", "逾期事项清单", "莱芜区发改局", "zh", None, None, day, "x")
    report.tables.append(Table("items", "逾期事项", columns, rows, note="注"))
    for make in CONSOLES.values():
        fast, slow = make(), make()
        render_terminal(report, fast)
        render_terminal(dataclasses.replace(report, tables=[]), slow)
        slow.print()
        reference_long_table(report.tables[0], "zh", slow)
        assert output(fast) == output(slow)


@pytest.mark.parametrize("kind", list(CONSOLES))
def test_no_rows_and_ascii_only_columns(kind: str) -> None:
    """A table of no rows is its title, header and note; columns of ASCII values under
    CJK headers are measured by length."""
    header, right = ["编号", "数量"], [False, True]
    ascii_rows: list[list[Cell]] = [[f"T-{n}", str(n)] for n in range(0, 3000, 7)]
    for rows in ([], ascii_rows):
        fast, slow = CONSOLES[kind](), CONSOLES[kind]()
        print_aligned(fast, "空表", header, rows, right, "注")
        reference(slow, "空表", header, rows, right, "注")
        assert output(fast) == output(slow)

"""A report as an Excel workbook (.xlsx): a summary sheet, then one sheet per table.

Cells hold raw values with Excel number formats (a percent stays the fraction 0.972 shown
as 97.2%), so the numbers can be summed and charted. Text is always written as a string,
never parsed: a project name starting with "=" is not a formula.

The bytes are deterministic: XlsxWriter stamps every zip entry with 1980-01-01 when it
writes in memory, and the only clock it reads is the document's created date, which is
pinned to the report date.
"""

import datetime as dt
import io
import re
import unicodedata
from typing import Any

from projledger.compute.light import Light
from projledger.report.document import Kind, Report, Table, Value
from projledger.report.formatting import (
    LIGHT_LABELS,
    format_amount,
    format_value,
    invalid_files_warning,
    meta_fields,
    words,
)

MAX_WIDTH = 50
TEXT_WIDTH = 90
"""The text sheet's one column: a paragraph wraps at about 45 CJK characters."""
TEXT_SHEET = ("正文", "Text")
LANDSCAPE_COLUMNS = 6
A4 = 9

NUMBER_FORMATS = {
    Kind.INT: "0",
    Kind.AMOUNT: "#,##0.0",
    Kind.PERCENT: "0.0%",
    Kind.POINTS: "+0.0;-0.0;0.0",
    Kind.DATE: "yyyy-mm-dd",
}
WHOLE_AMOUNT = "#,##0"
"""Whole 万元 (most of them) without a trailing ".0"."""
# Excel's own "Bad" / "Neutral" / "Good" cell styles: readable in print and in colour.
LIGHT_COLOURS = {
    Light.RED: ("#FFC7CE", "#9C0006"),
    Light.YELLOW: ("#FFEB9C", "#9C5700"),
    Light.GREEN: ("#C6EFCE", "#006100"),
}
HEADER_FILL = "#D9E1F2"

SHEET_NAME_LIMIT = 31
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
# Excel reserves "History" for its change tracking.
_RESERVED_SHEET_NAMES = frozenset({"history"})


def display_width(text: str) -> int:
    """Columns the widest line of `text` takes: East Asian wide and full-width chars
    count double, as they do in Excel's column width units."""
    return max(
        (
            sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)
            for line in text.split("\n")
        ),
        default=0,
    )


def _utf16_prefix(text: str, limit: int) -> str:
    # Excel counts sheet name length in UTF-16 code units (an emoji counts two).
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return text[:index]
    return text


def _trim_sheet_name(name: str) -> str:
    # Excel rejects names that start or end with an apostrophe; blanks at the ends are noise.
    return name.strip().strip("'").strip()


# What a cut may not split: a bracketed part (closed or running to the end), a Latin word.
_WORD = re.compile(r"（[^）]*）?|\([^)]*\)?|[A-Za-z0-9'’._-]+|\s+|.", re.DOTALL)
_CUT_END = " ,;:–—-、，；：_"


def _utf16_len(text: str) -> int:
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


def _cut(text: str, limit: int) -> str:
    """`text` cut to `limit` UTF-16 units at a word: a whole Latin word, a whole CJK
    character, never inside brackets (统计表（按单位汇总） loses the bracket, not half of
    it); only a first word longer than the limit is cut inside."""
    if _utf16_len(text) <= limit:
        return text
    kept, used = [], 0
    for word in _WORD.findall(text):
        used += _utf16_len(word)
        if used > limit:
            break
        kept.append(word)
    cut = "".join(kept).rstrip(_CUT_END)
    return cut or _utf16_prefix(text, limit)


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid Excel sheet name for `title`, unique among `taken` (case-folded names, as
    Excel compares them); adds the result to `taken`. Cut to 31 characters at a word."""
    base = _trim_sheet_name(_SHEET_NAME_BAD.sub("_", " ".join(title.split()))) or "Sheet"
    name = _trim_sheet_name(_cut(base, SHEET_NAME_LIMIT)) or "Sheet"
    number = 2
    while name.casefold() in taken or name.casefold() in _RESERVED_SHEET_NAMES:
        suffix = f" ({number})"
        name = _trim_sheet_name(_cut(base, SHEET_NAME_LIMIT - len(suffix))) + suffix
        number += 1
    taken.add(name.casefold())
    return name


class _Formats:
    """XlsxWriter formats made once per workbook, by purpose."""

    def __init__(self, workbook: Any) -> None:
        self._workbook = workbook
        self._cache: dict[tuple[str, str, bool], Any] = {}
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.bold = workbook.add_format({"bold": True})
        self.note = workbook.add_format({"italic": True, "font_color": "#595959"})
        self.warning = workbook.add_format({"bold": True, "font_color": "#C00000"})
        self.label = workbook.add_format({"font_color": "#595959", "valign": "top"})
        self.paragraph = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.header = workbook.add_format(
            {
                "bold": True,
                "bg_color": HEADER_FILL,
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
            }
        )
        self.date = workbook.add_format({"num_format": NUMBER_FORMATS[Kind.DATE], "align": "left"})

    def cell(self, kind: Kind, light: Light | None = None, *, whole: bool = False) -> Any:
        """The format of a cell of `kind`; `whole`: an amount without decimals."""
        key = (kind.value, light.value if light else "", whole)
        if key not in self._cache:
            properties: dict[str, Any] = {"border": 1, "valign": "top"}
            if kind in NUMBER_FORMATS:
                properties["num_format"] = WHOLE_AMOUNT if whole else NUMBER_FORMATS[kind]
            if kind == Kind.TEXT:
                properties["text_wrap"] = True  # long names wrap inside the capped width
            if light is not None:
                fill, font = LIGHT_COLOURS[light]
                properties.update(bg_color=fill, font_color=font, bold=True, align="center")
            self._cache[key] = self._workbook.add_format(properties)
        return self._cache[key]


def _light(value: Value) -> Light | None:
    if isinstance(value, str) and value in {light.value for light in Light}:
        return Light(value)
    return None


def _write(
    sheet: Any, row: int, col: int, value: Value, kind: Kind, report: Report, formats: _Formats
) -> None:
    light = _light(value) if kind == Kind.LIGHT else None
    whole = kind == Kind.AMOUNT and isinstance(value, int | float) and float(value).is_integer()
    fmt = formats.cell(kind, light, whole=whole)
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt)
    elif light is not None:
        sheet.write_string(row, col, LIGHT_LABELS.get(report.lang, LIGHT_LABELS["zh"])[light], fmt)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, value, formats.cell(Kind.DATE))
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, value, fmt)


def _shown(value: Value, kind: Kind, lang: str) -> str:
    """The text Excel shows for a value, to size its column."""
    if kind == Kind.AMOUNT and isinstance(value, int | float):
        return format_amount(value)
    if value is None or value == "":
        return ""
    return format_value(value, kind, lang)


def _width(texts: list[str]) -> float:
    # +2: cell padding; Excel's width unit is one "0" of the default font.
    return min(max((display_width(text) for text in texts), default=0) + 2, MAX_WIDTH)


def _print_setup(sheet: Any, landscape: bool) -> None:
    sheet.set_paper(A4)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    sheet.set_footer("&C&P / &N")


def _summary(workbook: Any, name: str, report: Report, formats: _Formats) -> None:
    w = words(report)
    sheet = workbook.add_worksheet(name)
    sheet.write_string(0, 0, report.title, formats.title)
    row = 1
    for label, text in meta_fields(report):
        sheet.write_string(row, 0, label, formats.label)
        if label == w["as_of"]:
            sheet.write_datetime(row, 1, report.as_of, formats.date)
        else:
            sheet.write_string(row, 1, text)
        row += 1
    if report.invalid_files:
        row += 1
        sheet.write_string(row, 0, invalid_files_warning(report), formats.warning)
        for name_ in report.invalid_files:
            row += 1
            sheet.write_string(row, 0, name_, formats.warning)
        row += 1
    for note in report.notes:
        row += 1
        sheet.write_string(row, 0, note)
    if report.figures:
        row += 2
        sheet.write_string(row, 0, w["figure"], formats.header)
        sheet.write_string(row, 1, w["value"], formats.header)
        for figure in report.figures:
            row += 1
            sheet.write_string(row, 0, figure.label, formats.cell(Kind.TEXT))
            _write(sheet, row, 1, figure.value, figure.kind, report, formats)
    labels = [label for label, _ in meta_fields(report)]
    labels += [w["figure"], *(figure.label for figure in report.figures)]
    values = [text for _, text in meta_fields(report)]
    values += [w["value"]]
    values += [_shown(figure.value, figure.kind, report.lang) for figure in report.figures]
    sheet.set_column(0, 0, _width(labels))
    sheet.set_column(1, 1, _width(values))
    _print_setup(sheet, landscape=False)


def _table_sheet(workbook: Any, name: str, table: Table, report: Report, formats: _Formats) -> None:
    sheet = workbook.add_worksheet(name)
    sheet.write_string(0, 0, table.title, formats.title)
    note = table.note or (None if table.rows else words(report)["none"])
    header = 1
    if note:
        sheet.write_string(1, 0, note, formats.note)
        header = 2
    for col, column in enumerate(table.columns):
        sheet.write_string(header, col, column.label, formats.header)
    for offset, values in enumerate(table.rows, start=1):
        for col, (column, value) in enumerate(zip(table.columns, values, strict=True)):
            _write(sheet, header + offset, col, value, column.kind, report, formats)
    for col, column in enumerate(table.columns):
        shown = [_shown(values[col], column.kind, report.lang) for values in table.rows]
        # +3 on the label: bold, plus the autofilter's drop-down button.
        label = display_width(column.label) + 3
        sheet.set_column(col, col, max(_width(shown), min(label, MAX_WIDTH)))
    if table.columns:
        last = len(table.columns) - 1
        # Scrolling keeps the header and the project's name (or the first column) in view.
        sheet.freeze_panes(header + 1, _frozen_columns(table))
        sheet.autofilter(header, 0, header + len(table.rows), last)
        sheet.repeat_rows(header)
    _print_setup(sheet, landscape=len(table.columns) > LANDSCAPE_COLUMNS)


def _frozen_columns(table: Table) -> int:
    """Columns kept in view: up to the project's name when it leads the table (after a
    group column, say), else the first column."""
    keys = [column.key for column in table.columns[:2]]
    return keys.index("project") + 1 if "project" in keys else 1


def _text_sheet(workbook: Any, name: str, report: Report, formats: _Formats) -> None:
    """The report's text (its 通报 paragraphs), one paragraph a row, wrapped."""
    sheet = workbook.add_worksheet(name)
    sheet.set_column(0, 0, TEXT_WIDTH)
    sheet.write_string(0, 0, report.title, formats.title)
    row = 1
    if report.subtitle:
        sheet.write_string(row, 0, report.subtitle, formats.bold)
        row += 1
    row += 1  # a blank line before the text
    for paragraph in report.narrative:
        row += 1 if paragraph.level == 1 else 0
        style = formats.bold if paragraph.level else formats.paragraph
        sheet.write_string(row, 0, paragraph.text, style)
        row += 1
    _print_setup(sheet, landscape=False)


def render_xlsx(report: Report) -> bytes:
    import xlsxwriter  # type: ignore[import-untyped]  # no py.typed marker

    buffer = io.BytesIO()
    # Text is never turned into formulas, URLs or numbers behind our back.
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    workbook.set_properties(
        {
            "title": report.title,
            "company": report.organisation,
            "comments": report.source,
            # Fixed, not now(): the same report gives the same bytes.
            "created": dt.datetime.combine(report.as_of, dt.time(), tzinfo=dt.UTC),
        }
    )
    formats = _Formats(workbook)
    taken: set[str] = set()
    _summary(workbook, sheet_name(words(report)["summary"], taken), report, formats)
    if report.narrative:
        _text_sheet(workbook, sheet_name(TEXT_SHEET[report.lang == "en"], taken), report, formats)
    for table in report.tables:
        _table_sheet(workbook, sheet_name(table.title, taken), table, report, formats)
    workbook.close()
    return buffer.getvalue()

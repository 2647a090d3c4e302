"""What every workbook projledger writes shares: text always written as text (a name
beginning with =, +, - or @ never becomes a formula, a link or a number), numbers as
Excel shows them without a trailing .0 (the General format), dates as dates, A4
landscape with the header rows repeated on every page, widths that fit Chinese text."""

import datetime as dt
from pathlib import Path
from typing import Any

from projledger.report.render_xlsx import display_width, sheet_name

A4 = 9
MAX_WIDTH = 50
HEADER_FILL = "#D9E1F2"
READ_ONLY_FILL = "#F2F2F2"


def new_workbook(target: Path | Any) -> Any:
    import xlsxwriter  # type: ignore[import-untyped]  # no py.typed marker

    return xlsxwriter.Workbook(
        str(target) if isinstance(target, Path) else target,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )


class Formats:
    def __init__(self, workbook: Any) -> None:
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.note = workbook.add_format({"italic": True, "font_color": "#595959"})
        self.header = workbook.add_format(
            {
                "bold": True,
                "bg_color": HEADER_FILL,
                "border": 1,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
            }
        )
        self.text = workbook.add_format({"border": 1, "valign": "top", "text_wrap": True})
        self.number = workbook.add_format({"border": 1, "valign": "top"})
        self.date = workbook.add_format(
            {"border": 1, "valign": "top", "num_format": "yyyy-mm-dd", "align": "left"}
        )
        self.percent = workbook.add_format({"border": 1, "valign": "top", "num_format": "0.0%"})
        self.bold = workbook.add_format({"bold": True})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})


def write(sheet: Any, row: int, col: int, value: Any, formats: Formats, fmt: Any = None) -> None:
    """One cell: text as text, whole numbers without .0, dates as dates."""
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt or formats.text)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否", fmt or formats.text)
    elif isinstance(value, dt.date):
        when = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        sheet.write_datetime(row, col, when, fmt or formats.date)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, fmt or formats.number)
    else:
        sheet.write_string(row, col, str(value), fmt or formats.text)


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fit_columns(sheet: Any, labels: list[str], rows: list[list[Any]], first: int = 0) -> None:
    for col, label in enumerate(labels):
        widest = max((display_width(shown(r[col])) for r in rows[:500]), default=0)
        width = max(min(widest + 2, MAX_WIDTH), min(display_width(label) + 3, MAX_WIDTH), 6)
        sheet.set_column(first + col, first + col, width)


def print_setup(sheet: Any, header_first: int, header_last: int) -> None:
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_first, header_last)
    sheet.set_footer("&C&P / &N")


__all__ = ["Formats", "fit_columns", "new_workbook", "print_setup", "sheet_name", "write"]

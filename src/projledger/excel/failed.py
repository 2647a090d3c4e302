"""The failed-rows workbook: every row an import could not bring in, as the sheet had it,
with its row number and the reason, next to the input (`台账-未导入.xlsx`), so the clerk
fixes the rows there and imports that file (or the corrected original) again."""

from pathlib import Path

from projledger.excel.headers import column_letter
from projledger.excel.plan import Failure
from projledger.excel.workbook import Sheet
from projledger.excel.xlsx_out import (
    Formats,
    fit_columns,
    new_workbook,
    print_setup,
    sheet_name,
    write,
)

SUFFIX = "-未导入.xlsx"


def failed_rows_path(source: Path) -> Path:
    return source.with_name(source.stem + SUFFIX)


def write_failed_rows(
    target: Path,
    sheets: dict[str, Sheet],
    failures: list[Failure],
    header_rows: dict[str, list[int]],
) -> None:
    """One sheet per source sheet with failures: its header rows, then 原行号, 原因 and the
    row's cells."""
    workbook = new_workbook(target)
    formats = Formats(workbook)
    taken: set[str] = set()
    by_sheet: dict[str, list[Failure]] = {}
    for failure in failures:
        by_sheet.setdefault(failure.sheet, []).append(failure)
    for name, listed in by_sheet.items():
        source = sheets[name]
        out = workbook.add_worksheet(sheet_name(name, taken))
        headers = header_rows.get(name, [])
        width = source.width
        labels = ["原行号", "原因"] + [
            "/".join(
                dict.fromkeys(
                    str(source.rows[r][c]) for r in headers if source.rows[r][c] is not None
                )
            )
            or column_letter(c)
            for c in range(width)
        ]
        for col, label in enumerate(labels):
            out.write_string(0, col, label, formats.header)
        rows = []
        for line, failure in enumerate(sorted(listed, key=lambda f: f.row), start=1):
            values = [failure.row + 1, failure.reason, *source.rows[failure.row]]
            rows.append(values)
            for col, value in enumerate(values):
                write(out, line, col, value, formats)
        fit_columns(out, labels, rows)
        out.set_column(1, 1, 50)
        out.freeze_panes(1, 2)
        out.autofilter(0, 0, len(rows), len(labels) - 1)
        print_setup(out, 0, 0)
    workbook.close()

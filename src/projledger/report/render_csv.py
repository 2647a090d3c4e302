"""One table of a report as CSV, for spreadsheets and scripts."""

import csv
import datetime as dt
import io

from projledger.compute.light import Light
from projledger.errors import ProjledgerError
from projledger.messages import msg
from projledger.report.document import Kind, Report, Table, Value
from projledger.report.formatting import LIGHT_LABELS

BOM = "\ufeff"


class TableError(ProjledgerError):
    """The report has no one table to write (said without the option, which the command
    puts before it)."""


def _table(report: Report, table_key: str | None) -> Table:
    keys = [table.key for table in report.tables]
    if table_key is None:
        if len(report.tables) == 1:
            return report.tables[0]
        if not keys:
            raise TableError(msg("report.csv.no_table", kind=report.kind))
        raise TableError(msg("report.csv.several_tables", kind=report.kind, n=len(keys)))
    for table in report.tables:
        if table.key == table_key:
            return table
    raise TableError(
        msg("report.csv.unknown_table", kind=report.kind, table=table_key, tables=", ".join(keys))
    )


def _number(value: float) -> str:
    # 15 significant digits: the float as written (0.972, 647.4), never 0.9720000000000001,
    # and no thousands separators, so every spreadsheet and script reads it as a number.
    return f"{value:.15g}"


def csv_value(value: Value, kind: Kind, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number(round(value, 4) if kind == Kind.PERCENT else value)
    if kind == Kind.LIGHT and value in {light.value for light in Light}:
        return LIGHT_LABELS.get(lang, LIGHT_LABELS["zh"])[Light(value)]
    return value


def render_csv(report: Report, table_key: str | None = None) -> str:
    """The table `table_key` (or the report's only table) as CSV text (RFC 4180: `\\r\\n`
    line ends, quotes where needed), header row = column labels.

    Values are raw, not formatted: ISO dates, percents as fractions (0.972), amounts without
    separators, lights as their label in the report's language, missing values empty.

    The text starts with a UTF-8 byte order mark (U+FEFF): Excel on Windows reads a CSV file
    without one in the local ANSI code page (GBK on Chinese Windows), which garbles UTF-8
    Chinese. Write the text as UTF-8 (not "utf-8-sig", which would add a second mark).
    Raises `TableError` if the report has several tables and none is named, or the named
    one does not exist (naming the tables).
    """
    table = _table(report, table_key)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.label for column in table.columns])
    for row in table.rows:
        writer.writerow(
            [
                csv_value(value, column.kind, report.lang)
                for column, value in zip(table.columns, row, strict=True)
            ]
        )
    return BOM + out.getvalue()

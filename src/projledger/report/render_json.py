"""A report as JSON for machine readers: raw values, stable English keys.

The document is described by `projledger.report.schema.REPORT_JSON_SCHEMA`; bump
`JSON_FORMAT_VERSION` when a field changes meaning or goes away.
"""

import datetime as dt
import json
import re
from typing import Any

from projledger.report.document import JSON_FORMAT_VERSION, Report, Value

JSON_FORMAT = "projledger-report"


def _value(value: Value) -> str | int | float | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def report_to_dict(report: Report, *, with_rows: bool = True) -> dict[str, Any]:
    """The JSON document as Python data (dates as ISO strings)."""
    return {
        "format": JSON_FORMAT,
        "version": JSON_FORMAT_VERSION,
        "kind": report.kind,
        "title": report.title,
        "organisation": report.organisation,
        "lang": report.lang,
        "period": {"start": _date(report.period_start), "end": _date(report.period_end)},
        "as_of": report.as_of.isoformat(),
        "source": report.source,
        "invalid_files": list(report.invalid_files),
        "notes": list(report.notes),
        "figures": [
            {
                "key": figure.key,
                "label": figure.label,
                "kind": figure.kind.value,
                "value": _value(figure.value),
            }
            for figure in report.figures
        ],
        "tables": [
            {
                "key": table.key,
                "title": table.title,
                "note": table.note,
                "columns": [
                    {"key": column.key, "label": column.label, "kind": column.kind.value}
                    for column in table.columns
                ],
                "rows": [
                    {
                        column.key: _value(value)
                        for column, value in zip(table.columns, row, strict=True)
                    }
                    for row in (table.rows if with_rows else ())
                ],
            }
            for table in report.tables
        ],
    }


def _iso(value: object) -> str:
    """The C encoder's fallback: dates are the only non-JSON values in a report."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a report value")


def render_json(report: Report) -> str:
    """Indented JSON with each table row on one line: readable, diffable, and written by
    the C encoder (an indented dump of 20,000 rows takes Python's encoder seconds)."""
    rows: list[str] = []
    document = report_to_dict(report, with_rows=False)
    for table, entry in zip(report.tables, document["tables"], strict=True):
        keys = [column.key for column in table.columns]
        start = len(rows)
        # allow_nan=False: NaN is not JSON; a NaN from a builder is a bug to surface.
        rows.extend(
            json.dumps(
                dict(zip(keys, row, strict=True)), ensure_ascii=False, allow_nan=False, default=_iso
            )
            for row in table.rows
        )
        entry["rows"] = [f"\x00row{index}" for index in range(start, len(rows))]
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    # json escapes NUL as \u0000, which no other string in the dump can contain (YAML
    # forbids NUL in ledger text), so the placeholders are unambiguous.
    return re.sub(r'"\\u0000row(\d+)"', lambda m: rows[int(m[1])], text) + "\n"

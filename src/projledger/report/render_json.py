"""A report as JSON for machine readers: raw values, stable English keys.

The document is described by `projledger.report.schema.REPORT_JSON_SCHEMA`; bump
`JSON_FORMAT_VERSION` when a field changes meaning or goes away.
"""

import datetime as dt
import json
from typing import Any

from projledger.report.document import JSON_FORMAT_VERSION, Report, Value

JSON_FORMAT = "projledger-report"


def _value(value: Value) -> str | int | float | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def report_to_dict(report: Report) -> dict[str, Any]:
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
                    for row in table.rows
                ],
            }
            for table in report.tables
        ],
    }


def render_json(report: Report) -> str:
    # allow_nan=False: NaN is not JSON; a NaN from a builder is a bug to surface, not to ship.
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2, allow_nan=False) + "\n"

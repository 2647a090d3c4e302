"""A report as JSON for machine readers: raw values, stable English keys.

The document is described by `projledger.report.schema.REPORT_JSON_SCHEMA`; bump
`JSON_FORMAT_VERSION` when a field changes meaning or goes away.
"""

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from typing import Any

from projledger.report.document import JSON_FORMAT_VERSION, Report, Table, Value
from projledger.report.formatting import NUMERIC_KINDS

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
        "subtitle": report.subtitle,
        "organisation": report.organisation,
        "lang": report.lang,
        "period": {"start": _date(report.period_start), "end": _date(report.period_end)},
        "as_of": report.as_of.isoformat(),
        "source": report.source,
        "invalid_files": list(report.invalid_files),
        "notes": list(report.notes),
        "narrative": [
            {"level": paragraph.level, "text": paragraph.text} for paragraph in report.narrative
        ],
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


def render_json(report: Report) -> bytes:
    """Indented JSON (UTF-8) with each table row on one line: readable and diffable. The
    rows (20,000 of them at 10,000 projects) are written by orjson, compact, straight to
    bytes; the rest by the json module, indented."""
    document = report_to_dict(report, with_rows=False)
    for index, entry in enumerate(document["tables"]):
        entry["rows"] = f"\x00rows{index}"
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    # json escapes NUL as \u0000, which no other string in the dump can contain (YAML
    # forbids NUL in ledger text), so the placeholders are unambiguous. `split` gives
    # the text around them, and the table index from each.
    parts = re.split(r'"\\u0000rows(\d+)"', text)
    out: list[bytes] = []
    for position, part in enumerate(parts):
        if position % 2 == 0:
            out.append(part.encode("utf-8"))
            continue
        table = report.tables[int(part)]
        out.extend(_rows_json(table) if table.rows else [b"[]"])
    out.append(b"\n")
    return b"".join(out)


_CHUNK = 1024
"""Rows per orjson call: per-row calls cost more (and each touched ~8 KB of fresh
memory); one call for 20,000 rows would hold 20,000 dicts at once."""


def _rows_json(table: Table) -> list[bytes]:
    """The table's rows as a JSON list, one row object per line, in pieces to join once
    (each join or concatenation of 8 MB would touch 8 MB of fresh memory)."""
    import orjson

    _refuse_nan(table)
    keys = [column.key for column in table.columns]
    for row in table.rows:
        if len(row) != len(keys):
            raise ValueError(f"a row of {table.key!r} has {len(row)} cells for {len(keys)} columns")
    as_objects = _objects_maker(keys)
    # Rows meet as `},{"first_key":` and nowhere else. Cells are scalars (no nested
    # objects). A `"` not escaped is a string's start or end, and an end is followed by
    # `,` `:` `}` or `]`, never a letter: so this `"` opens the first key, and the `{`
    # before it, outside any string, opens a row.
    first = b'{"' + keys[0].encode() + b'":'
    newline = b",\n        "
    pieces = [b"[\n        "]
    for start in range(0, len(table.rows), _CHUNK):
        rows = table.rows[start : start + _CHUNK]
        compact = orjson.dumps(as_objects(rows))
        if start:
            pieces.append(newline)
        pieces.append(compact[1:-1].replace(b"}," + first, b"}" + newline + first))
    pieces.append(b"\n      ]")
    return pieces


def _objects_maker(keys: list[str]) -> Callable[[list[list[Value]]], list[dict[str, Value]]]:
    """A function of rows that makes each an object of `keys`: a comprehension of a dict
    display written for these keys, as `collections.namedtuple` writes its `__new__`.
    It builds 20,000 rows' objects in half the time of `dict(zip(keys, row))`. The keys
    are written as literals (`repr`), so any key is safe."""
    items = ", ".join(f"{key!r}: row[{index}]" for index, key in enumerate(keys))
    make: Callable[[list[list[Value]]], list[dict[str, Value]]] = eval(
        f"lambda rows: [{{{items}}} for row in rows]", {"__builtins__": {}}
    )
    return make


def _refuse_nan(table: Table) -> None:
    """NaN is not JSON (orjson would write null): a NaN from a builder is a bug to show."""
    numeric = [i for i, column in enumerate(table.columns) if column.kind in NUMERIC_KINDS]
    for row in table.rows:
        for i in numeric:
            value = row[i]
            if isinstance(value, float) and math.isnan(value):
                raise ValueError(f"NaN in column {table.columns[i].key!r} of {table.key!r}")

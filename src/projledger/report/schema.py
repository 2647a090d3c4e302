"""JSON Schema (draft 2020-12) of the report JSON written by `render_json`."""

from typing import Any

from projledger.report.document import JSON_FORMAT_VERSION, Kind

_KIND = {"enum": [kind.value for kind in Kind]}
_DATE = {"type": "string", "format": "date"}
_VALUE = {"type": ["string", "number", "null"]}
_KEY = {"type": "string", "minLength": 1}

REPORT_JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:projledger:report-json:1",
    "title": "projledger report",
    "type": "object",
    "additionalProperties": False,
    "required": [
        "format",
        "version",
        "kind",
        "title",
        "organisation",
        "lang",
        "period",
        "as_of",
        "source",
        "invalid_files",
        "notes",
        "figures",
        "tables",
    ],
    "properties": {
        "format": {"const": "projledger-report"},
        "version": {"const": JSON_FORMAT_VERSION},
        "kind": {
            "type": "string",
            "description": "weekly, monthly, quarterly, annual, project, unit, overdue, due.",
        },
        "title": {"type": "string"},
        "subtitle": {
            "type": "string",
            "description": "The period as written in a title: 2026年第47周（11月16日—11月22日）.",
        },
        "organisation": {"type": "string"},
        "lang": {"enum": ["zh", "en"]},
        "period": {
            "type": "object",
            "additionalProperties": False,
            "required": ["start", "end"],
            "properties": {
                "start": {"anyOf": [_DATE, {"type": "null"}]},
                "end": {"anyOf": [_DATE, {"type": "null"}]},
            },
        },
        "as_of": _DATE,
        "source": {"type": "string"},
        "invalid_files": {"type": "array", "items": {"type": "string"}},
        "notes": {"type": "array", "items": {"type": "string"}},
        "narrative": {
            "type": "array",
            "description": "The text before the tables (a period report's 通报), from its figures.",
            "items": {"$ref": "#/$defs/paragraph"},
        },
        "figures": {"type": "array", "items": {"$ref": "#/$defs/figure"}},
        "tables": {"type": "array", "items": {"$ref": "#/$defs/table"}},
    },
    "$defs": {
        "paragraph": {
            "type": "object",
            "additionalProperties": False,
            "required": ["level", "text"],
            "properties": {
                "level": {
                    "enum": [0, 1, 2],
                    "description": "0 body text, 1 a heading (一、), 2 a subheading (（一）).",
                },
                "text": {"type": "string"},
            },
        },
        "value": {
            **_VALUE,
            "description": (
                "Dates are ISO strings; percent is a fraction (0.972); points are signed "
                "percentage points; amount is 万元; light is red, yellow or green."
            ),
        },
        "figure": {
            "type": "object",
            "additionalProperties": False,
            "required": ["key", "label", "kind", "value"],
            "properties": {
                "key": _KEY,
                "label": {"type": "string"},
                "kind": _KIND,
                "value": {"$ref": "#/$defs/value"},
            },
            # A figure's kind says what its value must look like.
            "allOf": [
                {
                    "if": {"properties": {"kind": {"enum": ["int"]}}},
                    "then": {"properties": {"value": {"type": ["integer", "null"]}}},
                },
                {
                    "if": {"properties": {"kind": {"enum": ["amount", "percent", "points"]}}},
                    "then": {"properties": {"value": {"type": ["number", "null"]}}},
                },
                {
                    "if": {"properties": {"kind": {"const": "date"}}},
                    "then": {"properties": {"value": {"anyOf": [_DATE, {"type": "null"}]}}},
                },
                {
                    "if": {"properties": {"kind": {"const": "light"}}},
                    "then": {"properties": {"value": {"enum": ["red", "yellow", "green", None]}}},
                },
            ],
        },
        "column": {
            "type": "object",
            "additionalProperties": False,
            "required": ["key", "label", "kind"],
            "properties": {"key": _KEY, "label": {"type": "string"}, "kind": _KIND},
        },
        "table": {
            "type": "object",
            "additionalProperties": False,
            "required": ["key", "title", "note", "columns", "rows"],
            "properties": {
                "key": _KEY,
                "title": {"type": "string"},
                "note": {"type": ["string", "null"]},
                "columns": {"type": "array", "items": {"$ref": "#/$defs/column"}},
                "rows": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "description": "One value per column, by column key.",
                        "additionalProperties": {"$ref": "#/$defs/value"},
                    },
                },
            },
        },
    },
}

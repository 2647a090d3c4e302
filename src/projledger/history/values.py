"""Values of ledger versions as history keeps them: plain JSON data, with dates marked.

A parsed version is normalised to JSON types so it can be cached as JSON and compared with
`==`. Dates (and, in files that `check` would reject, timestamps) become strings with a
marker no ledger text can contain (YAML forbids control characters), so a date and the
quoted text "2026-03-18" still differ, and `revive` gives the dates back for validation.
"""

import datetime as dt
from typing import Any

from projledger.messages import Lang, field_label

Json = Any
"""JSON data: dict, list, str, int, float, bool or None."""

DATE_MARK = "\x00d"
TIME_MARK = "\x00t"


_PLAIN = frozenset({str, int, float, bool, type(None)})


def normalize(value: Any) -> Json:
    """Parsed YAML (yaml-rs or ruamel.yaml types) as plain JSON data with marked dates."""
    kind = type(value)
    if kind is dict:
        return {
            key if type(key) is str else _key(key): item
            if type(item) in _PLAIN
            else normalize(item)
            for key, item in value.items()
        }
    if kind is list:
        return [item if type(item) in _PLAIN else normalize(item) for item in value]
    if kind in _PLAIN:
        return value
    # Subclasses (ruamel.yaml's round-trip types), dates and anything else.
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, dt.datetime):
        return TIME_MARK + value.isoformat()
    if isinstance(value, dt.date):
        return DATE_MARK + value.isoformat()
    if isinstance(value, dict):
        return normalize(dict(value))
    if isinstance(value, list | tuple):
        return normalize(list(value))
    return str(value)


def mark_date(value: Any) -> str:
    """`json.dumps(..., default=mark_date)`: a date or timestamp as marked text."""
    if isinstance(value, dt.datetime):
        return TIME_MARK + value.isoformat()
    if isinstance(value, dt.date):
        return DATE_MARK + value.isoformat()
    raise TypeError(f"{type(value).__name__} is not plain data")


def _key(key: Any) -> str:
    plain = normalize(key)
    return plain if isinstance(plain, str) else str(plain)


def revive(value: Json) -> Any:
    """Marked dates back to `date`/`datetime`, for validating a version with the model."""
    if isinstance(value, str):
        if value.startswith(DATE_MARK):
            return dt.date.fromisoformat(value[len(DATE_MARK) :])
        if value.startswith(TIME_MARK):
            return dt.datetime.fromisoformat(value[len(TIME_MARK) :])
        return value
    if isinstance(value, dict):
        return {key: revive(item) for key, item in value.items()}
    if isinstance(value, list):
        return [revive(item) for item in value]
    return value


def to_json(value: Json) -> Json:
    """Marked dates as ISO text, for JSON output."""
    if isinstance(value, str):
        return value[2:] if value.startswith((DATE_MARK, TIME_MARK)) else value
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json(item) for item in value]
    return value


def display(value: Json, lang: Lang = "en") -> str:
    """A value in one line, as a person reads it: dates plain, mappings as `k: v, ...`
    (in Chinese `日期：…，新时限：…`, each key by its label, as `show` writes them)."""
    if isinstance(value, str):
        return value[2:] if value.startswith((DATE_MARK, TIME_MARK)) else value
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dict):
        if lang == "zh":
            said = [
                f"{field_label(key, lang)}：{display(item, lang)}" for key, item in value.items()
            ]
            return "（" + "，".join(said) + "）"
        return "{" + ", ".join(f"{key}: {display(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        if lang == "zh":  # 区级、市级; records one after another: （…）；（…）
            between = "；" if any(isinstance(item, dict) for item in value) else "、"
            return between.join(display(item, lang) for item in value) or "（无）"
        return "[" + ", ".join(display(item) for item in value) + "]"
    return str(value)


UNREADABLE: Json = None
"""A version that is not a readable mapping (`check` tells why)."""


def parse_version(raw: bytes) -> tuple[Json, str]:
    """A version's data (UNREADABLE if it is not a readable mapping) and its JSON text,
    read as `check` reads it."""
    import json

    from projledger.store.reader import read_yaml

    result = read_yaml(raw, "version")
    if not result.parsed or not isinstance(result.data, dict):
        return UNREADABLE, "null"
    if result.fast:
        # yaml-rs gives plain types: the C JSON encoder marks the dates, and reading its
        # text back is the normalised data, several times faster than walking it here.
        try:
            text = json.dumps(result.data, ensure_ascii=False, default=mark_date)
            return json.loads(text), text
        except (TypeError, ValueError):
            pass  # a key that is a date, say: the general way below
    data = normalize(result.data)
    return data, json.dumps(data, ensure_ascii=False)

"""pydantic validation errors as findings: one per problem, in the user's terms and
language (each kind of error is a catalogue entry: messages/schema_findings.py)."""

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from projledger.findings import Finding, display_loc
from projledger.messages import msg
from projledger.model.common import MAX_AMOUNT, LedgerModel

_PATTERN_TERMS = {
    "^I-": "pattern.issue_id",
    "^T-": "pattern.task_id",
    "^R-": "pattern.responsibility_id",
    "^D-": "pattern.deadline_id",
    "^[a-z0-9]": "pattern.project_id",
    r"^\d{4}-": "pattern.project_code",
    "^(?:[IT]": "pattern.deadline_target",
}

# What a field of this pydantic error type expects (a `term.kind.*`).
_EXPECTED = {
    "int_type": "kind.integer",
    "int_parsing": "kind.integer",
    "int_from_float": "kind.integer",
    "int_parsing_size": "kind.integer",
    "float_type": "kind.number",
    "float_parsing": "kind.number",
    "string_type": "kind.text",
    "bool_type": "kind.bool",
    "bool_parsing": "kind.bool",
    "list_type": "kind.list",
    "dict_type": "kind.mapping",
    "model_type": "kind.mapping",
    "model_attributes_type": "kind.mapping",
}

_BOUNDS = {
    "greater_than_equal": ("PL104.at_least", "ge"),
    "less_than_equal": ("PL104.at_most", "le"),
    "greater_than": ("PL104.above", "gt"),
    "less_than": ("PL104.below", "lt"),
}


def validate(model: type[BaseModel], data: Any, file: str) -> tuple[Any, list[Finding]]:
    """Validate `data`; the model instance, or None and one finding per error."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, list(_findings(exc, file))


MAX_SUGGESTIONS = 100
"""Unknown fields of one file that get a close-match suggestion (~50 us each): the text
output shows a file's first 100 findings, and 20,000 unknown keys need not cost a second."""


def _findings(exc: ValidationError, file: str) -> Iterator[Finding]:
    unknown = 0
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if part != "[key]")
        unknown += error["type"] == "extra_forbidden"
        yield _finding(error, loc, file, suggest=unknown <= MAX_SUGGESTIONS)


def _finding(error: Any, loc: tuple[str | int, ...], file: str, *, suggest: bool) -> Finding:
    kind: str = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if not loc and kind in ("model_type", "model_attributes_type", "dict_type"):
        return Finding.of("PL100", msg("PL100", got=_kind(value)), file)
    if kind in ("missing", "extra_forbidden"):
        return _field_finding(kind, loc, file, suggest=suggest)
    if kind == "invalid_key":
        return Finding.of("PL103", msg("PL103.key", value=_short(value)), file, loc)
    field, shown = display_loc(loc), _short(value)
    if loc == ("schema_version",) and kind not in ("int_type", "float_type"):
        return Finding.of("PL105", msg("PL105", value=shown), file, loc)
    code, key, args = _kind_of_error(kind, value, ctx)
    return Finding.of(code, msg(key, field=field, value=shown, **args), file, loc)


def _field_finding(kind: str, loc: tuple[str | int, ...], file: str, *, suggest: bool) -> Finding:
    """A required field missing (PL101), or a field the schema does not know (PL102)."""
    name = str(loc[-1])
    where = "nested" if len(loc) > 1 else "top"
    args: dict[str, object] = {"name": name}
    if len(loc) > 1:
        args["parent"] = display_loc(loc[:-1])
    if kind == "missing":
        return Finding.of("PL101", msg(f"PL101.{where}", **args), file, loc)
    close = _suggest(name) if suggest else None
    if close is not None:
        return Finding.of("PL102", msg(f"PL102.{where}_close", close=close, **args), file, loc)
    return Finding.of("PL102", msg(f"PL102.{where}", **args), file, loc)


def _kind_of_error(
    kind: str, value: Any, ctx: dict[str, Any]
) -> tuple[str, str, dict[str, object]]:
    """The code, catalogue key and further arguments of an error about a value."""
    if kind in ("int_type", "float_type") and isinstance(value, bool):
        return "PL103", "PL103.bool_for_number", {}
    if kind in ("int_type", "float_type") and isinstance(value, str):
        return "PL103", "PL103.text_for_number", {}
    if kind == "less_than_equal" and ctx.get("le") == MAX_AMOUNT:
        return "PL104", "PL104.too_large", {}
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return "PL104", "PL104.negative", {}
    if kind in ("literal_error", "enum"):
        return "PL104", "PL104.choice", {"expected": _choices(str(ctx.get("expected", "")))}
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        term = next((t for prefix, t in _PATTERN_TERMS.items() if pattern.startswith(prefix)), None)
        if term is None:
            return "PL104", "PL104.pattern_other", {"pattern": pattern}
        return "PL104", "PL104.pattern", {"what": term}
    if kind == "string_type" and isinstance(value, bool):
        return "PL103", "PL103.bool_for_text", {}
    if kind == "string_type" and isinstance(value, int | float):
        return "PL103", "PL103.number_for_text", {}
    if kind.startswith(("date", "datetime")):
        return "PL103", "PL103.date", {}
    if kind == "finite_number":
        return "PL104", "PL104.not_finite", {}
    if kind == "string_too_short":
        return "PL104", "PL104.empty", {"n": ctx.get("min_length", 1)}
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length" if kind == "too_short" else "max_length", "")
        key = "PL104.too_few" if kind == "too_short" else "PL104.too_many"
        return "PL104", key, {"n": limit, "actual": ctx.get("actual_length", "")}
    if kind in _BOUNDS:
        key, bound = _BOUNDS[kind]
        return "PL104", key, {"limit": _short(ctx.get(bound))}
    if kind in _EXPECTED:
        return "PL103", "PL103.type", {"expected": _EXPECTED[kind]}
    return "PL103", "PL103.other", {"kind": kind}


def _choices(expected: str) -> str:
    """pydantic's "'省级', '市级' or '区级'" (or "1") as the values, `|`-separated."""
    quoted = re.findall(r"'((?:[^'\\]|\\.)*)'", expected)
    return "|".join(quoted) if quoted else expected


def _kind(value: Any) -> str:
    """What a value is, as a `term.kind.*`."""
    if value is None:
        return "kind.null"
    if isinstance(value, bool):
        return "kind.bool"
    if isinstance(value, int | float):
        return "kind.number"
    if isinstance(value, str):
        return "kind.text"
    if isinstance(value, dt.date):
        return "kind.date"
    if isinstance(value, list):
        return "kind.list"
    return "kind.mapping" if isinstance(value, dict) else "kind.other"


def _short(value: Any) -> str:
    """A value as the file holds it, as it may appear in a message in either language:
    never long, never failing (a 5,000-digit int has no repr under Python's
    int_max_str_digits limit), in YAML's words (null, true) rather than Python's."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        text = repr(value)
    except ValueError:
        return f"~10^{int(abs(value).bit_length() * 0.30103)}"
    return text if len(text) <= 60 else text[:57] + "..."


@lru_cache(maxsize=1024)
def _suggest(name: str) -> str | None:
    close = difflib.get_close_matches(name, _all_field_names(), n=1, cutoff=0.75)
    return close[0] if close else None


@cache
def _all_field_names() -> tuple[str, ...]:
    names: set[str] = set()
    pending: list[type[LedgerModel]] = [LedgerModel]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        names.update(cls.model_fields)
    return tuple(sorted(names))

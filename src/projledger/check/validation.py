"""pydantic validation errors as findings: one per problem, in the user's terms."""

import difflib
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from projledger.findings import Finding, display_loc
from projledger.model.common import MAX_AMOUNT, LedgerModel

_PATTERN_HELP = {
    "^I-": "an issue id: I- and 4-12 capital letters or digits, e.g. I-4M8K2P",
    "^T-": "a task id: T- and 4-12 capital letters or digits, e.g. T-8H3J2Q",
    "^R-": "a responsibility id: R- and 4-12 capital letters or digits, e.g. R-7KQ2MX",
    "^D-": "a deadline id: D- and 4-12 capital letters or digits, e.g. D-2NQ7VK",
    "^[a-z0-9]": "a project id: lower-case letters, digits and hyphens, e.g. laiwu-gang",
    r"^\d{4}-": "a national project code: YYYY-RRRRRR-II-TT-NNNNNN, e.g. 2024-370116-31-03-015821",
    "^(?:[IT]": "an issue or task id, approval:<procedure> or milestone:<开工|竣工|投产>",
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
    where = display_loc(loc)
    ctx = error.get("ctx") or {}
    if not loc and kind in ("model_type", "model_attributes_type", "dict_type"):
        got = "nothing (null)" if value is None else f"a {type(value).__name__}"
        return Finding.of("PL100", f"the file must hold a mapping of fields, not {got}", file)
    if kind == "missing":
        parent = f"in {display_loc(loc[:-1])}" if len(loc) > 1 else "at the top level"
        return Finding.of(
            "PL101", f"required field `{loc[-1]}` is missing {parent}; add it", file, loc
        )
    if kind == "extra_forbidden":
        name = str(loc[-1])
        hint = _suggest(name) if suggest else _NO_SUGGESTION
        parent = f"in {display_loc(loc[:-1])}" if len(loc) > 1 else "at the top level"
        return Finding.of("PL102", f"unknown field `{name}` {parent}{hint}", file, loc)
    number = _number_finding(kind, value, ctx, loc, file)
    if number is not None:
        return number
    if loc and loc[-1] == "schema_version" and len(loc) == 1:
        return Finding.of(
            "PL105",
            f"schema_version {_short(value)} is not supported; this projledger reads 1",
            file,
            loc,
        )
    if kind in ("literal_error", "enum"):
        return Finding.of(
            "PL104",
            f"{where}: {_short(value)} is not allowed; use {ctx.get('expected', '')}",
            file,
            loc,
        )
    if kind == "string_pattern_mismatch":
        what = _pattern_help(str(ctx.get("pattern", "")))
        return Finding.of("PL104", f"{where}: {_short(value)} is not {what}", file, loc)
    if kind == "string_type" and isinstance(value, int | float):
        got = str(value).lower() if isinstance(value, bool) else f"the number {_short(value)}"
        return Finding.of(
            "PL103", f"{where}: expected text, got {got}; put it in quotes", file, loc
        )
    if kind.startswith(("date", "datetime")):
        return Finding.of(
            "PL103", f"{where}: expected a date like 2026-11-20, got {_short(value)}", file, loc
        )
    if kind in (
        "finite_number",
        "string_too_short",
        "too_short",
        "too_long",
        "greater_than_equal",
        "less_than_equal",
        "greater_than",
        "less_than",
    ):
        return Finding.of(
            "PL104", f"{where}: {error['msg'].lower()} (got {_short(value)})", file, loc
        )
    return Finding.of("PL103", f"{where}: {error['msg'].lower()} (got {_short(value)})", file, loc)


def _number_finding(
    kind: str, value: Any, ctx: dict[str, Any], loc: tuple[str | int, ...], file: str
) -> Finding | None:
    """A number field given true/false or text, or an amount out of its bounds."""
    where = display_loc(loc)
    if kind in ("int_type", "float_type") and isinstance(value, bool):
        word = "true" if value else "false"
        message = f"{where}: expected a number, got {word}; write the number itself"
        return Finding.of("PL103", message, file, loc)
    if kind in ("int_type", "float_type") and isinstance(value, str):
        message = (
            f"{where}: expected a number, got the text {_short(value)}; write it in digits, "
            "without quotes"
        )
        return Finding.of("PL103", message, file, loc)
    if kind == "less_than_equal" and ctx.get("le") == MAX_AMOUNT:
        message = (
            f"{where}: {_short(value)} is larger than any amount can be (at most 10^12 万元 "
            "or 亩); check the number and its unit"
        )
        return Finding.of("PL104", message, file, loc)
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return Finding.of(
            "PL104", f"{where}: {_short(value)} is negative; it must be 0 or more", file, loc
        )
    return None


def _short(value: Any) -> str:
    """A value as it may appear in a message: never long, never failing (a 5,000-digit
    int has no repr under Python's int_max_str_digits limit)."""
    if isinstance(value, dict | list):
        return type(value).__name__
    try:
        text = repr(value)
    except ValueError:
        return "a very long number"
    return text if len(text) <= 60 else text[:57] + "..."


def _pattern_help(pattern: str) -> str:
    for prefix, help_text in _PATTERN_HELP.items():
        if pattern.startswith(prefix):
            return help_text
    return f"in the form {pattern}"


@lru_cache(maxsize=1024)
def _suggest(name: str) -> str:
    close = difflib.get_close_matches(name, _all_field_names(), n=1, cutoff=0.75)
    return f"; did you mean `{close[0]}`?" if close else _NO_SUGGESTION


_NO_SUGGESTION = "; remove it or fix its spelling"


@cache
def _all_field_names() -> tuple[str, ...]:
    names: set[str] = set()
    pending: list[type[LedgerModel]] = [LedgerModel]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        names.update(cls.model_fields)
    return tuple(sorted(names))

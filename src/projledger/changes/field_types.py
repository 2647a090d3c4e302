"""What a field holds, read from the models: so `set` writes text as text (a description
that reads 2026-11-20, a number of digits) and numbers and dates as such, whatever the
value looks like."""

import datetime as dt
import re
import types
import unicodedata
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from projledger.model.project import Deadline, Issue, Project, Responsibility, Task

TEXT, INTEGER, NUMBER, DATE = "text", "integer", "number", "date"

ITEM_MODELS: dict[str, type[BaseModel]] = {
    "issues": Issue,
    "tasks": Task,
    "responsibilities": Responsibility,
    "deadlines": Deadline,
}


def field_kind(list_name: str | None, parts: list[str]) -> str | None:
    """TEXT, INTEGER, NUMBER or DATE for the field at `parts` of the project record
    (`list_name` None) or of an item of that list; None for anything else (a field the
    model does not have, a list, a section)."""
    annotation: Any = ITEM_MODELS[list_name] if list_name else Project
    for part in parts:
        model = _model(annotation)
        if model is None or part not in model.model_fields:
            return None
        annotation = model.model_fields[part].annotation
    return _kind(annotation)


def _unwrapped(annotation: Any) -> Any:
    """The type inside Annotated[...] and Optional[...]."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            kinds = [a for a in get_args(annotation) if a is not type(None)]
            if len(kinds) != 1:
                return annotation
            annotation = kinds[0]
        else:
            return annotation


def _model(annotation: Any) -> type[BaseModel] | None:
    inner = _unwrapped(annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def _kind(annotation: Any) -> str | None:
    inner = _unwrapped(annotation)
    if get_origin(inner) is Literal:
        values = get_args(inner)
        return TEXT if all(isinstance(v, str) for v in values) else None
    if not isinstance(inner, type):
        return None
    if issubclass(inner, str) or (issubclass(inner, Enum) and issubclass(inner, str)):
        return TEXT
    if issubclass(inner, bool):
        return None
    if issubclass(inner, int):
        return INTEGER
    if issubclass(inner, float):
        return NUMBER
    if issubclass(inner, dt.date) and not issubclass(inner, dt.datetime):
        return DATE
    return None


_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def read_number(text: str) -> int | float | None:
    """A number as a command line gives it: digits, ASCII or full-width (１２, as the
    Excel import reads them), a decimal point, an exponent; None for anything else, which
    is then written as the text it is, for `check` to name. Python's int() and float()
    would also take 1_000, a line break around the digits and other scripts' digits."""
    folded = unicodedata.normalize("NFKC", text).strip(" ")
    if not _NUMBER.fullmatch(folded):
        return None
    if folded.lstrip("+-").isdigit() and len(folded) <= 20:
        return int(folded)
    return float(folded)  # a longer whole number too: int() refuses 4,300 digits

"""Shared field types: ids, non-empty text, money and the strict base model."""

import enum
import types
from typing import Annotated, Any, Literal, TypeVar, Union, cast, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints
from pydantic_core import PydanticKnownError

Text = Annotated[str, StringConstraints(min_length=1)]
"""A required piece of text: an empty string is as good as missing."""

MAX_AMOUNT = 10**12
"""The largest amount a file may hold: 10^12 万元 is 10^16 yuan, 10^12 亩 over 40 times
China's land. Sums over any ledger then stay far from a float's limit (~1.8e308), so no
report figure can become infinite."""

Amount = Annotated[float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False, strict=True)]
"""Money in 万元 (ten thousand yuan), or any other non-negative quantity. Strict: YAML's
true/false are not numbers (pydantic's lax mode reads them as 1 and 0)."""

Integer = Annotated[int, Strict()]
"""A whole number, never true/false (bool is an int to Python and to pydantic's lax mode);
give the bounds with `Field`."""


def new_list() -> list[Any]:
    """A field's empty list (`Field(default_factory=new_list)`). Not `list` itself: pydantic
    reads a factory's signature when it builds a validator, and a builtin's only by
    tokenizing its text signature (compiling `tokenize`'s patterns first), which every
    command that validates a file would pay."""
    return []


def new_dict() -> dict[Any, Any]:
    """A field's empty mapping (see `new_list`)."""
    return {}


def _not_a_bool(value: Any) -> Any:
    # Literal[1] matches True (True == 1): refuse it as a strict int field would.
    if isinstance(value, bool):
        raise PydanticKnownError("int_type")
    return value


SchemaVersion = Annotated[Literal[1], BeforeValidator(_not_a_bool)]
"""The one schema version this code reads."""


Model = TypeVar("Model", bound="LedgerModel")


class LedgerModel(BaseModel):
    """Base of every ledger type: unknown keys are errors (a typo must not pass silently)."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        populate_by_name=True,
        # Every command pays for building the models: build a model's validator when it is
        # first used, and leave attribute docstrings to `projledger schema`, which adds
        # them (schema_gen.py); reading them means parsing these modules' source.
        defer_build=True,
    )

    @classmethod
    def from_dump(cls: type[Model], data: dict[str, Any]) -> Model:
        """The model whose `model_dump(mode="json")` gave `data`, rebuilt without
        validating it: a cached config in ~1 ms, where validating builds the models'
        validators first (~70 ms with pydantic's plugin lookup). Only for data dumped
        from a validated model by this same code (a cache keyed by content and code);
        anything it cannot rebuild raises ValueError, and the caller validates instead."""
        if not isinstance(data, dict):
            raise ValueError(f"{cls.__name__}: not a mapping: {data!r}")
        fields = cls.model_fields
        unknown = data.keys() - fields.keys()
        if unknown:
            raise ValueError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
        values = {name: _rebuilt(fields[name].annotation, value) for name, value in data.items()}
        return cast(Model, cls.model_construct(**values))


def _rebuilt(annotation: Any, value: Any) -> Any:
    """`value` as the field of type `annotation` held it before it was dumped."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _rebuilt(get_args(annotation)[0], value)
    if origin is Literal:
        if value not in get_args(annotation):
            raise ValueError(f"{value!r} is not one of {get_args(annotation)}")
        return value
    if origin in (Union, types.UnionType):
        if value is None and type(None) in get_args(annotation):
            return None
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) != 1:
            raise ValueError(f"cannot rebuild a value of {annotation}")
        return _rebuilt(options[0], value)
    if origin is list:
        (item,) = get_args(annotation)
        return [_rebuilt(item, element) for element in value]
    if isinstance(annotation, type):
        if issubclass(annotation, LedgerModel):
            return annotation.from_dump(value)
        if issubclass(annotation, enum.Enum):
            return annotation(value)
        if annotation in (str, int, float, bool) and isinstance(value, annotation):
            return value
        if annotation is float and isinstance(value, int):
            return float(value)
    raise ValueError(f"cannot rebuild {value!r} as {annotation}")

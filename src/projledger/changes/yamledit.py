"""Small edits of a ruamel.yaml tree that keep it reading like the hand-written file:
keys in the model's order, short records on one line like their siblings."""

import datetime as dt
from typing import Any

from projledger.errors import ProjledgerError

ONE_LINE_LIMIT = 90
"""A new record is written `{a: 1, b: 2}` when it fits in about this many characters."""


def put(mapping: Any, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set `key`; a new key goes where the model's field order puts it."""
    if key in mapping:
        mapping[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    position = len(mapping)
    for index, existing in enumerate(mapping):
        if existing in order and order.index(existing) > rank:
            position = index
            break
    mapping.insert(position, key, value)


def record(values: dict[str, Any], *, one_line: bool | None = None) -> Any:
    """A new mapping without None values; on one line when short (or as told)."""
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap((k, v) for k, v in values.items() if v is not None)
    if one_line is None:
        one_line = sum(len(str(k)) + len(str(v)) + 4 for k, v in mapping.items()) <= ONE_LINE_LIMIT
    if one_line:
        mapping.fa.set_flow_style()
    return mapping


def sequence(data: Any, key: str, order: tuple[str, ...]) -> Any:
    """The list under `key`, created (in model order) if absent."""
    from ruamel.yaml.comments import CommentedSeq

    if data.get(key) is None:
        put(data, key, CommentedSeq(), order)
    return data[key]


def append(items: Any, values: dict[str, Any]) -> Any:
    """Append a record in the style of its siblings (one-line among one-liners)."""
    siblings_flow = [bool(getattr(item, "fa", None) and item.fa.flow_style()) for item in items]
    one_line = siblings_flow[-1] if siblings_flow else None
    new = record(values, one_line=one_line)
    previous = items[-1] if len(items) else None
    items.append(new)
    if previous is not None and not one_line:
        _carry_blank_line(previous, new)
    return new


def _carry_blank_line(previous: Any, new: Any) -> None:
    """A blank line after the last entry (kept by ruamel.yaml as a comment on its last
    key) now belongs after the new last entry too, so the next section stays apart."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if not hasattr(previous, "ca") or not len(previous) or not len(new):
        return
    slots = previous.ca.items.get(list(previous)[-1])
    token = slots[2] if slots and len(slots) > 2 else None
    if token is None or token.value.strip() or token.value.count("\n") < 2:
        return
    new.ca.items[list(new)[-1]] = [
        None,
        None,
        CommentToken(token.value, CommentMark(0), None),
        None,
    ]


def number(value: float) -> float | int:
    """2000.0 from an option is written as people write it: 2000."""
    return int(value) if float(value).is_integer() else value


def parse_date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ProjledgerError(f"{what}: {text!r} is not a date; write it as 2026-11-20") from None


def field_order(model: type) -> tuple[str, ...]:
    return tuple(model.model_fields)  # type: ignore[attr-defined]

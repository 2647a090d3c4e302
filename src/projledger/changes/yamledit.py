"""Small edits of a ruamel.yaml tree that keep it reading like the hand-written file:
keys in the model's order, short records on one line like their siblings."""

import datetime as dt
from enum import Enum
from typing import Any, TypeVar

from projledger.errors import ProjledgerError
from projledger.messages import msg

E = TypeVar("E", bound=Enum)

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
    if position == 0:
        mapping.insert(0, key, value)
        return
    # Blank lines and comments after the entry before the new key separate it from what
    # follows: they move after the new key.
    previous = list(mapping)[position - 1]
    trailing = _detach_after_key(mapping, previous)
    if position < len(mapping):
        mapping.insert(position, key, value)
    else:
        mapping[key] = value
    _attach_after_key(mapping, key, trailing)


def remove(mapping: Any, key: str) -> None:
    """Delete `key`; the blank lines and comments after its entry stay (after the entry
    before it), separating the mapping from what follows."""
    keys = list(mapping)
    position = keys.index(key)
    trailing = _detach_after_key(mapping, key)
    del mapping[key]
    if trailing and position > 0:
        _attach_after_key(mapping, keys[position - 1], trailing)


def _detach_after_key(mapping: Any, key: Any) -> str:
    text = detach_trailing(mapping[key]) if _is_block(mapping[key]) else ""
    if text:
        return text
    slot = (mapping, key, 2)
    token = _token(slot)
    if token is None:
        return ""
    own_line, newline, rest = str(token.value).partition("\n")
    token.value = own_line + newline
    return rest


def _attach_after_key(mapping: Any, key: Any, text: str) -> None:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if not text:
        return
    if _is_block(mapping[key]):
        attach_trailing(mapping[key], text)
        return
    slots = mapping.ca.items.setdefault(key, [None, None, None, None])
    slots[2] = CommentToken("\n" + text, CommentMark(0), None)


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
    trailing = detach_trailing(items)
    items.append(new)
    attach_trailing(items, trailing)
    return new


def unfold_if_long(items: Any, index: int) -> None:
    """The record `items[index]`, on one line, made longer than `ONE_LINE_LIMIT` by a
    change, is written as a block, its lists as block lists (their records one-line while
    short): a 170-character line is hard to read and to diff. A short one stays as it was
    written, and so does one carrying a comment (a comment after a one-line record has no
    place in a block that would read as the author meant it)."""
    node = items[index]
    style = getattr(node, "fa", None)
    if style is None or not style.flow_style() or _flow_length(node) <= ONE_LINE_LIMIT:
        return
    if any(items.ca.items.get(index) or ()) or node.ca.items or node.ca.comment:
        return
    _unfold(node)


def _unfold(node: Any) -> None:
    node.fa.set_block_style()
    for value in node.values():
        style = getattr(value, "fa", None)
        if isinstance(value, list) and style is not None:
            style.set_block_style()
            for item in value:
                if isinstance(item, dict) and _flow_length(item) > ONE_LINE_LIMIT:
                    _unfold(item)


def _flow_length(node: Any) -> int:
    """About how many characters `node` takes written on one line."""
    if isinstance(node, dict):
        return 2 + sum(len(str(k)) + 4 + _flow_length(v) for k, v in node.items())
    if isinstance(node, list):
        return 2 + sum(2 + _flow_length(v) for v in node)
    return len(str(node))


def _is_block(node: Any) -> bool:
    style = getattr(node, "fa", None)
    return style is not None and len(node) > 0 and not style.flow_style()


def _last_slot(node: Any, *, holding: bool) -> tuple[Any, Any, int] | None:
    """Where the comment after the last line of a block collection lives: the deepest
    (collection, key or index, slot) of its last entries (ruamel.yaml keeps a mapping's in
    slot 2 of its last key, a sequence's in slot 0 of its last item). `holding`: the
    deepest that holds a comment now, else the deepest there is."""
    if not _is_block(node):
        return None
    last = list(node)[-1] if isinstance(node, dict) else len(node) - 1
    deeper = _last_slot(node[last], holding=holding)
    if deeper is not None and (not holding or _token(deeper) is not None):
        return deeper
    return node, last, 2 if isinstance(node, dict) else 0


def _token(slot: tuple[Any, Any, int]) -> Any:
    node, key, index = slot
    slots = node.ca.items.get(key)
    return slots[index] if slots and len(slots) > index else None


def detach_trailing(node: Any) -> str:
    """Take the blank lines and comments that follow the last line of `node` (they
    separate it from what comes next); its own end-of-line comment stays."""
    slot = _last_slot(node, holding=True)
    token = _token(slot) if slot is not None else None
    if token is None:
        return _detach_end(node)
    own_line, newline, rest = str(token.value).partition("\n")
    token.value = own_line + newline
    return rest


def _detach_end(node: Any) -> str:
    """Blank lines ruamel.yaml keeps at the end of a sequence (`ca.end`), deepest first."""
    if not _is_block(node):
        return ""
    last = list(node)[-1] if isinstance(node, dict) else len(node) - 1
    deeper = _detach_end(node[last])
    if deeper:
        return deeper
    end = getattr(node.ca, "end", None) or []
    text = "".join(str(token.value) for token in end if not str(token.value).strip())
    if text and len(text) == sum(len(str(token.value)) for token in end):
        node.ca.end = []
        return text
    return ""


def attach_trailing(node: Any, text: str) -> None:
    """Put `text` (from detach_trailing) after the new last line of `node`."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    slot = _last_slot(node, holding=False)
    if not text or slot is None:
        return
    token = _token(slot)
    if token is not None:
        token.value = (
            token.value + text if token.value.endswith("\n") else token.value + "\n" + text
        )
        return
    container, key, index = slot
    slots = container.ca.items.setdefault(key, [None, None, None, None])
    slots[index] = CommentToken("\n" + text, CommentMark(0), None)


def text_scalar(text: str, what: str) -> Any:
    """`text` as a scalar that reads back as the same text, with the reader `check` uses:
    plain where it can be (ruamel.yaml quotes what would read as a number, a date, a
    boolean...), else double-quoted; refused if neither would."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    read = None
    for candidate in (text, DoubleQuotedScalarString(text)):
        read = _read_back(candidate)
        if isinstance(read, str) and read == text:
            return candidate
    if isinstance(read, dt.date):
        raise ProjledgerError(msg("refuse.read_back_date", what=what, text=text))
    shown = repr(read)
    raise ProjledgerError(
        msg("refuse.read_back", what=what, text=text, kind=type(read).__name__, value=shown)
    )


def _read_back(value: Any) -> Any:
    import io

    from projledger.store.reader import new_roundtrip_yaml, read_yaml

    buffer = io.StringIO()
    new_roundtrip_yaml().dump({"value": value}, buffer)
    read = read_yaml(buffer.getvalue().encode("utf-8"), "value")
    return read.data.get("value") if read.parsed and isinstance(read.data, dict) else None


def number(value: float) -> float | int:
    """2000.0 from an option is written as people write it: 2000."""
    return int(value) if float(value).is_integer() else value


def parse_date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ProjledgerError(msg("refuse.not_iso_date", what=what, text=text)) from None


def choice(kind: type[E], value: str, what: str) -> E:
    """An enumeration's member from what the user typed, or an error naming them all;
    `what` is the catalogue term naming the enumeration (`choice.pool`)."""
    try:
        return kind(value)
    except ValueError:
        allowed = "|".join(str(member.value) for member in kind)
        raise ProjledgerError(
            msg("refuse.not_one_of", value=value, what=what, allowed=allowed)
        ) from None


def field_order(model: type) -> tuple[str, ...]:
    return tuple(model.model_fields)  # type: ignore[attr-defined]

"""Putting imported values into a project file's YAML tree (ruamel.yaml, edited in place)
so it reads like the hand-written files: keys in the model's order, short records on one
line, comments and untouched values as they were.

`merge` takes plain data shaped like the model, holding only what the sheet says: a
mapping is merged key by key, a list of records with ids item by item (new ones are
appended), any other value replaced when it differs. Nothing is removed: a value the
sheet leaves empty stays as the file has it.
"""

import datetime as dt
import types
from typing import Any, Union, get_args, get_origin

from projledger.changes.yamledit import ONE_LINE_LIMIT, append, put
from projledger.model.common import LedgerModel
from projledger.model.project import Project

Plain = Any
"""Data as YAML holds it: dicts, lists, text, numbers, dates."""


def plain(node: Any) -> Plain:
    """A ruamel.yaml tree as plain dicts and lists (numbers and text as Python's own)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, dt.datetime):
        return node
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    return node


def submodel(model: type[LedgerModel] | None, key: str) -> type[LedgerModel] | None:
    """The model of the records under `key` (in a list, a mapping or alone), if any."""
    if model is None or key not in model.model_fields:
        return None
    return _model_in(model.model_fields[key].annotation)


def _model_in(annotation: Any) -> type[LedgerModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, LedgerModel):
        return annotation
    origin = get_origin(annotation)
    if origin in (list, dict, Union, types.UnionType) or str(origin).endswith("Annotated"):
        for argument in reversed(get_args(annotation)):
            found = _model_in(argument)
            if found is not None:
                return found
    return None


def order(model: type[LedgerModel] | None) -> tuple[str, ...]:
    return tuple(model.model_fields) if model is not None else ()


def node(value: Plain, model: type[LedgerModel] | None, *, top: bool = False) -> Any:
    """A new YAML node for `value` in the house style. A mapping none of whose keys is a
    field of `model` holds records of `model` by name (approvals)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        keys = order(model)
        by_name = model is not None and not any(key in keys for key in value)
        ranked = sorted(value, key=lambda k: keys.index(k) if k in keys else len(keys))
        mapping = CommentedMap(
            (key, node(value[key], model if by_name else submodel(model, key)))
            for key in ranked
            if value[key] is not None
        )
        if not top and not by_name and _fits_one_line(value):
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(node(item, model) for item in value)
        if all(not isinstance(item, dict | list) for item in value):
            sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        # A fresh object for each place: ruamel.yaml writes one object met twice as an
        # anchor and an alias, which ledger files may not hold (PL010).
        return dt.date(value.year, value.month, value.day)
    return value


def _fits_one_line(value: dict[str, Plain]) -> bool:
    if any(isinstance(v, dict) for v in value.values()):
        return False
    if any(isinstance(v, list) and any(isinstance(i, dict) for i in v) for v in value.values()):
        return False
    if any(isinstance(v, str) and "\n" in v for v in value.values()):
        return False
    return _length(value) <= ONE_LINE_LIMIT


def _length(value: Plain) -> int:
    if isinstance(value, dict):
        return 2 + sum(len(str(k)) + 4 + _length(v) for k, v in value.items())
    if isinstance(value, list):
        return 2 + sum(2 + _length(v) for v in value)
    return len(str(value))


def merge(tree: Any, desired: dict[str, Plain], model: type[LedgerModel] | None = Project) -> None:
    """Put `desired` into the mapping `tree` (see the module's docstring)."""
    keys = order(model)
    by_name = model is not None and not any(key in keys for key in desired)
    for key, value in desired.items():
        if value is None:
            continue
        inner = model if by_name else submodel(model, key)
        current = tree.get(key)
        if isinstance(value, dict) and isinstance(current, dict):
            merge(current, value, inner)
        elif _records_with_ids(value) and isinstance(current, list):
            _merge_items(current, value, inner)
        elif current is None and _is_default(model, key, value):
            continue  # the file leaves it out, and means the same
        elif current is None or not _same(inner, plain(current), value):
            put(tree, key, node(value, inner), keys)


def _is_default(model: type[LedgerModel] | None, key: str, value: Plain) -> bool:
    """Whether `value` is what the model gives a field the file leaves out."""
    if value in ({}, []):
        return True
    if model is None or key not in model.model_fields:
        return False
    default = model.model_fields[key].get_default(call_default_factory=True)
    if isinstance(default, LedgerModel):
        return bool(default.model_dump(mode="python", exclude_none=True) == value)
    return bool(default == value) and default is not None


def _same(model: type[LedgerModel] | None, old: Plain, new: Plain) -> bool:
    """Equal, counting a field left out as its default (funding without `received: 0`)."""
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(
            _same(model, a, b) for a, b in zip(old, new, strict=True)
        )
    if isinstance(old, dict) and isinstance(new, dict) and model is not None:
        return _filled(model, old) == _filled(model, new)
    return bool(old == new)


def _filled(model: type[LedgerModel], record: dict[str, Plain]) -> dict[str, Plain]:
    filled = {key: value for key, value in record.items() if value is not None}
    for key in model.model_fields:
        if key not in filled:
            default = model.model_fields[key].get_default(call_default_factory=True)
            if default is not None and not isinstance(default, LedgerModel):
                filled[key] = default
    return filled


def _records_with_ids(value: Plain) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value)


def _merge_items(
    items: Any, desired: list[dict[str, Plain]], model: type[LedgerModel] | None
) -> None:
    from projledger.changes.yamledit import unfold_if_long

    by_id = {str(item.get("id")): item for item in items if isinstance(item, dict)}
    for value in desired:
        existing = by_id.get(str(value["id"]))
        if existing is not None:
            merge(existing, value, model)
            continue
        append(items, dict(node(value, model)))
        unfold_if_long(items, len(items) - 1)

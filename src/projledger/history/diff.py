"""Field-by-field differences between two versions of one project file.

The project record is compared key by key, into nested mappings (`investment.
completed_this_year`, `approvals.施工许可.status`). Items of the four lists are matched by
id, wherever they moved in their list: an item is added, removed, or changed field by
field (`closure.date`, `extensions[1]`). Lists inside a record or an item are matched by a
natural key where every element has one (`funding` by `source`), else by position, so an
appended progress note or extension is one added element. Lists of plain values
(`levels`, `monthly_plan`) change as a whole.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from projledger.history.values import Json

ITEM_LISTS = ("responsibilities", "issues", "tasks", "deadlines")
"""The four lists (四张清单), in the order of the project file."""

_NATURAL_KEYS = ("id", "source")
"""Keys that identify elements of a list of mappings when every element has a distinct one."""


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    UNREADABLE = "unreadable"
    """The version could not be read; the next readable one is compared with the last."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One difference. `field` is a path inside the project record (item None) or inside
    the item; "" is the whole project or item."""

    item: str | None
    item_list: str | None
    field: str
    old: Json
    new: Json
    kind: ChangeKind


def diff_project(old: Json, new: Json, item: str | None = None) -> list[FieldChange]:
    """Differences from `old` to `new` (each a version's data, or None when the file is
    absent). A file that appears shows as the project added, with each of its items.
    With `item`, only that item's differences."""
    if old is None and new is None:
        return []
    if old is None or new is None:
        kind = ChangeKind.ADDED if old is None else ChangeKind.REMOVED
        data = new if old is None else old
        name = data.get("name")
        changes = []
        if item is None:
            changes.append(
                FieldChange(
                    None,
                    None,
                    "",
                    None if old is None else name,
                    name if new is not None else None,
                    kind,
                )
            )
        for list_name in ITEM_LISTS:
            for item_id, value in _items(data.get(list_name)).items():
                if item is None or item_id == item:
                    before, after = (None, value) if old is None else (value, None)
                    changes.append(FieldChange(item_id, list_name, "", before, after, kind))
        return changes
    if item is not None:
        return [
            change
            for list_name in ITEM_LISTS
            for change in diff_items(
                list_name, _only(old.get(list_name), item), _only(new.get(list_name), item)
            )
        ]
    changes = [
        FieldChange(None, None, path, before, after, kind)
        for path, before, after, kind in _diff_mappings("", _record(old), _record(new))
    ]
    for list_name in ITEM_LISTS:
        changes.extend(diff_items(list_name, old.get(list_name), new.get(list_name)))
    return changes


def _only(items: Json, item_id: str) -> list[Json]:
    """The elements of a list with this id."""
    if not isinstance(items, list):
        return []
    return [item for item in items if isinstance(item, dict) and item.get("id") == item_id]


def item_ids(data: Json) -> set[str]:
    """Every item id of a version."""
    if not isinstance(data, dict):
        return set()
    return {
        item_id
        for list_name in ITEM_LISTS
        for item_id in _items(data.get(list_name))
        if not item_id.startswith("#")
    }


def diff_items(list_name: str, old: Json, new: Json) -> Iterator[FieldChange]:
    old_items, new_items = _items(old), _items(new)
    for item_id, item in new_items.items():
        before = old_items.get(item_id)
        if before is None:
            yield FieldChange(item_id, list_name, "", None, item, ChangeKind.ADDED)
        elif before != item:
            for path, was, now, kind in _diff_values("", before, item):
                yield FieldChange(item_id, list_name, path, was, now, kind)
    for item_id, item in old_items.items():
        if item_id not in new_items:
            yield FieldChange(item_id, list_name, "", item, None, ChangeKind.REMOVED)


def items_of(data: Json, list_name: str) -> dict[str, Json]:
    """A version's items of one list by id (in file order)."""
    return _items(data.get(list_name)) if isinstance(data, dict) else {}


def _record(data: dict[str, Json]) -> dict[str, Json]:
    return {key: value for key, value in data.items() if key not in ITEM_LISTS}


def _items(value: Json) -> dict[str, Json]:
    """List elements by id. An element without a text id, or repeating one (files `check`
    rejects), is keyed by its position so that nothing is lost."""
    if not isinstance(value, list):
        return {}
    items: dict[str, Json] = {}
    for index, item in enumerate(value):
        item_id = item.get("id") if isinstance(item, dict) else None
        key = item_id if isinstance(item_id, str) and item_id not in items else f"#{index + 1}"
        items[key] = item
    return items


_Diff = tuple[str, Json, Json, ChangeKind]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _diff_values(path: str, old: Json, new: Json) -> Iterator[_Diff]:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        yield from _diff_mappings(path, old, new)
    elif _mapping_list(old) and _mapping_list(new):
        yield from _diff_lists(path, old, new)
    else:
        yield path, old, new, ChangeKind.CHANGED


def _diff_mappings(path: str, old: dict[str, Json], new: dict[str, Json]) -> Iterator[_Diff]:
    for key, value in new.items():
        where = _join(path, key)
        if key not in old:
            yield where, None, value, ChangeKind.ADDED
        else:
            yield from _diff_values(where, old[key], value)
    for key, value in old.items():
        if key not in new:
            yield _join(path, key), value, None, ChangeKind.REMOVED


def _mapping_list(value: Json) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _diff_lists(path: str, old: list[Json], new: list[Json]) -> Iterator[_Diff]:
    key = _natural_key(old, new)
    if key is None:
        for index in range(max(len(old), len(new))):
            where = f"{path}[{index}]"
            if index >= len(old):
                yield where, None, new[index], ChangeKind.ADDED
            elif index >= len(new):
                yield where, old[index], None, ChangeKind.REMOVED
            else:
                yield from _diff_values(where, old[index], new[index])
        return
    old_by = {item[key]: item for item in old}
    new_by = {item[key]: item for item in new}
    for name, item in new_by.items():
        where = f"{path}[{name}]"
        if name not in old_by:
            yield where, None, item, ChangeKind.ADDED
        else:
            yield from _diff_values(where, old_by[name], item)
    for name, item in old_by.items():
        if name not in new_by:
            yield f"{path}[{name}]", item, None, ChangeKind.REMOVED


def _natural_key(old: list[Json], new: list[Json]) -> str | None:
    for key in _NATURAL_KEYS:
        for items in (old, new):
            values = [item.get(key) for item in items]
            if not all(isinstance(v, str) for v in values) or len(set(values)) != len(values):
                break
        else:
            return key
    return None

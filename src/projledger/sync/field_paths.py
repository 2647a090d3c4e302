"""Where a value sits in a ledger file, written as people write fields for `projledger set`:
`I-4M8K2P.unit`, `investment.completed_this_year`, `funding[自筹].received`,
`units[区财政局].short`, `levels[0]`.

An item of the four lists is named by its id alone; an element of another list by its
natural key (the `id`, `name` or `source` every element has, distinct) or else by its
position. The merge driver writes these paths into conflict marks and `resolve` reads them
back to find the value.
"""

import re
from collections.abc import Sequence
from typing import Any

ITEM_LISTS = ("responsibilities", "issues", "tasks", "deadlines")
NATURAL_KEYS = ("id", "name", "source")
ITEM_ID = re.compile(r"^[IRTD]-[0-9A-Z]{4,12}$")

Segment = tuple[str, str | int]
"""("key", name), ("item", id), ("element", natural key value) or ("index", position)."""


def natural_key(*versions: Any) -> str | None:
    """The key that names every element of these versions of a list, distinctly in each."""
    for key in NATURAL_KEYS:
        if all(_names_all(version, key) for version in versions):
            return key
    return None


def _names_all(elements: Any, key: str) -> bool:
    if not isinstance(elements, list):
        return False
    names = [e.get(key) for e in elements if isinstance(e, dict)]
    if len(names) != len(elements) or any(n is None or isinstance(n, dict | list) for n in names):
        return False
    return len(set(map(str, names))) == len(names)


def render(path: Sequence[Segment]) -> str:
    text = ""
    for kind, value in path:
        if kind in ("element", "index"):
            text += f"[{value}]"
        else:
            text += f".{value}" if text else str(value)
    return text


_TOKEN = re.compile(r"\[([^\]]*)\]|([^.\[\]]+)")


def parse(text: str) -> list[Segment] | None:
    """The segments of a written path; None if it is not one."""
    segments: list[Segment] = []
    position = 0
    while position < len(text):
        if text[position] == "." and segments:
            position += 1
        match = _TOKEN.match(text, position)
        if match is None:
            return None
        bracketed, name = match.groups()
        if bracketed is not None:
            if not segments:
                return None
            segments.append(("element", bracketed))
        elif not segments and ITEM_ID.match(name):
            segments.append(("item", name))
        else:
            segments.append(("key", name))
        position = match.end()
    return segments or None


def locate(data: Any, path: Sequence[Segment]) -> tuple[Any, str | int] | None:
    """The container holding the value at `path`, and its key or index there (the value
    itself may be absent: a removed item or key); None where the path leads nowhere."""
    node = data
    for number, (kind, value) in enumerate(path):
        last = number == len(path) - 1
        index: str | int
        if kind == "item":
            found = _find_item(node, str(value))
            if found is None:
                return None
            container, index = found
        elif kind == "key":
            if not isinstance(node, dict):
                return None
            container, index = node, str(value)
        else:
            if not isinstance(node, list):
                return None
            position = _element_index(node, str(value))
            if position is None:
                return None
            container, index = node, position
        if last:
            return container, index
        if isinstance(container, dict) and index not in container:
            return None
        node = container[index]
    return None


def _find_item(data: Any, item_id: str) -> tuple[Any, int] | None:
    if not isinstance(data, dict):
        return None
    for name in ITEM_LISTS:
        items = data.get(name)
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict) and item.get("id") == item_id:
                return items, index
    return None


def _element_index(elements: list[Any], name: str) -> int | None:
    key = natural_key(elements)
    if key is not None:
        for index, element in enumerate(elements):
            if str(element[key]) == name:
                return index
    if name.isdigit() and int(name) < len(elements):
        return int(name)
    return None

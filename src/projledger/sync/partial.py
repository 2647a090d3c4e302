"""theirs' round-trip tree, read only where the merge takes from it.

Reading a file with ruamel.yaml's round-trip loader costs ~4 ms a KB (0.15 s for a
200-item project): the item merge pays it once for ours (which it writes) and would pay it
again for theirs, only to take a few nodes with their comments. So theirs is cut into its
top-level sections (`issues:` to the line before `tasks:`), and a list of items into its
items (`  - id: ...` to the line before the next one); only the sections theirs changed,
and in the four lists only the items theirs changed (and the item before each, which holds
the lines before it), are read. The rest is theirs' plain data, which the merge only
compares. The driver checks what it writes either way, and reads theirs whole if this did
not read right.
"""

import re
from typing import Any

from projledger.sync.field_paths import ITEM_LISTS

_KEY = re.compile(r"([A-Za-z_][\w-]*):(?:[ \t]|$)")


def theirs_tree(text: str, t: dict[str, Any], o: dict[str, Any], b: dict[str, Any]) -> Any:
    """A round-trip mapping with theirs' keys in theirs' order: read nodes where theirs
    changed something, plain data elsewhere; None when the text cannot be cut so."""
    from ruamel.yaml.comments import CommentedMap

    sections = _sections(text)
    if sections is None or list(sections) != list(t):
        return None
    wanted: dict[str, str] = {}
    elements: dict[str, list[int]] = {}
    for key, lines in sections.items():
        if t[key] in (o.get(key), b.get(key)):
            continue
        chosen = _changed_items(key, lines, t, o, b)
        if chosen is None:
            wanted[key] = "".join(lines)
        else:
            indexes, pieces = chosen
            elements[key] = indexes
            wanted[key] = lines[0] + "".join(pieces)
    read = _read("".join(wanted.values())) if wanted else CommentedMap()
    if read is None:
        return None
    tree = CommentedMap()
    for key, value in t.items():
        if key in elements:
            tree[key] = _sequence(value, elements[key], read[key])
        elif key in wanted:
            tree[key] = read[key]
        else:
            tree[key] = value
        if key in wanted and key in read.ca.items:
            tree.ca.items[key] = read.ca.items[key]
    return tree


def _sections(text: str) -> dict[str, list[str]] | None:
    """Each top-level key's lines (comments and blank lines after it included)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines(keepends=True):
        if line[:1] not in ("", " ", "\t", "#", "\n", "-"):
            match = _KEY.match(line)
            if match is None or match.group(1) in sections:
                return None
            current = sections[match.group(1)] = [line]
        elif current is not None:
            current.append(line)
    return sections


def _changed_items(
    key: str, lines: list[str], t: dict[str, Any], o: dict[str, Any], b: dict[str, Any]
) -> tuple[list[int], list[str]] | None:
    """For one of the four lists written as a block list: the indexes of the items theirs
    changed or added (and of the item before each) and their text; None otherwise."""
    items = t[key]
    if key not in ITEM_LISTS or not isinstance(items, list) or len(lines) < 2:
        return None
    dash = re.match(r"( *)- ", lines[1])
    if dash is None:
        return None
    start = dash.group(1) + "-"
    pieces: list[list[str]] = []
    for line in lines[1:]:
        if line.startswith(start) and line[len(start) : len(start) + 1] in (" ", "\n"):
            pieces.append([line])
        elif pieces:
            pieces[-1].append(line)
        else:
            return None
    if len(pieces) != len(items):
        return None
    ours, base = _by_id(o.get(key)), _by_id(b.get(key))
    changed: set[int] = set()
    for index, item in enumerate(items):
        item_id = item.get("id") if isinstance(item, dict) else None
        if item in (ours.get(item_id), base.get(item_id)):
            continue
        changed.update({index, index - 1} if index else {index})
    indexes = sorted(changed)
    return indexes, ["".join(pieces[index]) for index in indexes]


def _by_id(items: Any) -> dict[Any, Any]:
    if not isinstance(items, list):
        return {}
    return {item.get("id"): item for item in items if isinstance(item, dict)}


def _sequence(plain: list[Any], indexes: list[int], read: Any) -> Any:
    """theirs' list: the read items (with their comments) where they were, plain elsewhere."""
    from ruamel.yaml.comments import CommentedSeq

    sequence = CommentedSeq(plain)
    for position, index in enumerate(indexes):
        sequence[index] = read[position]
        if position in read.ca.items:
            sequence.ca.items[index] = read.ca.items[position]
    sequence.fa.set_block_style()
    return sequence


def _read(text: str) -> Any:
    from projledger.store.reader import read_exact

    data, findings = read_exact(text, "theirs")
    return None if findings or not isinstance(data, dict) else data

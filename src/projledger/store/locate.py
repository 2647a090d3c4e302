"""From a path inside a YAML document to its line and column, using ruamel.yaml's marks."""

from typing import Any


def locate(document: Any, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """The 1-based (line, column) of the deepest part of `loc` present in `document`,
    a ruamel.yaml round-trip tree. A missing key points at the mapping that lacks it."""
    position = (1, 1)
    node = document
    for part in loc:
        lc = getattr(node, "lc", None)
        if lc is None:
            break
        if isinstance(node, dict) and part in node:
            line, col = lc.key(part)
            position = (line + 1, col + 1)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            line, col = lc.item(part)
            position = (line + 1, col + 1)
            node = node[part]
        else:
            break
    return position

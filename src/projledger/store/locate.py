"""From a path inside a YAML document to its line and column.

Every function here is linear in the text and the number of paths: a file with 20,000
findings is located in one pass, not one pass per finding."""

import re
from typing import Any


def locate(document: Any, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """The 1-based (line, column) of the deepest part of `loc` present in `document`,
    a ruamel.yaml round-trip tree. A missing key points at the mapping that lacks it."""
    position = (1, 1)
    node = document
    for step in loc:
        lc = getattr(node, "lc", None)
        if lc is None:
            break
        part = step
        if isinstance(node, dict) and part not in node:
            # pydantic names a non-string key (None, 1) by its text
            part = next((key for key in node if str(key) == str(part)), part)
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


def keys_as_held(document: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """`loc` with each complex key (a list or mapping as a key: a tuple or frozenset in
    `document`, plain data) as the document holds it: pydantic names it by its text."""
    node, held = document, []
    for part in loc:
        key = part
        if isinstance(node, dict):
            key = _held_key(node, part)
            node = node.get(key) if key in node else None
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            node = None
        held.append(key)
    return tuple(held)


def _held_key(mapping: dict[Any, Any], part: Any) -> Any:
    """The complex key of `mapping` whose text is `part`, else `part`."""
    if part in mapping or not isinstance(part, str) or not part.startswith(("(", "frozenset(")):
        return part
    found = (key for key in mapping if isinstance(key, tuple | frozenset) and str(key) == part)
    return next(found, part)


def locate_in_text(text: str, locs: list[tuple[str | int, ...]]) -> list[tuple[int, int]]:
    """Positions of several paths in YAML text that has already been read successfully.

    One pass over libyaml's parse events (through PyYAML's C parser) with the marks of
    keys and items: ~10x faster than building ruamel.yaml's round-trip tree. Only event
    positions and key text are used, never YAML 1.1 values, so the versions cannot
    disagree. Without libyaml, ruamel.yaml.
    """
    top_level = _top_level_keys(text, locs)
    if top_level is not None:
        return top_level
    try:
        import yaml

        loader = yaml.CSafeLoader
    except (ImportError, AttributeError):
        from projledger.store.reader import new_roundtrip_yaml

        document = new_roundtrip_yaml().load(text)
        return [locate(document, loc) for loc in locs]
    paths = _text_paths(locs)
    wanted = {path[:depth] for path in paths for depth in range(len(path) + 1)}
    try:
        marks = _marks(yaml.parse(text, Loader=loader), wanted)
    except yaml.YAMLError:
        # YAML 1.2 that libyaml (1.1) cannot parse, such as an empty key: the slow way.
        from projledger.store.reader import new_roundtrip_yaml

        document = new_roundtrip_yaml().load(text)
        return [locate(document, loc) for loc in locs]
    positions = []
    for path in paths:
        found = path
        while found not in marks and found:
            found = found[:-1]  # a missing key: the mapping that lacks it
        positions.append(marks.get(found, (1, 1)))
    return positions


def _marks(events: Any, wanted: set[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[int, int]]:
    """Walk the events keeping the path to the current node; remember where each wanted
    path's key (in a mapping) or item (in a sequence) starts."""
    import yaml

    marks: dict[tuple[str, ...], tuple[int, int]] = {}
    # Each frame: [path, is_mapping, expecting_key, next_index, pending_key, complex_keys,
    # is_a_key]
    stack: list[list[Any]] = []
    for event in events:
        if isinstance(event, yaml.CollectionEndEvent):
            if not stack.pop()[6]:  # after a complex key comes its value
                _value_done(stack)
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        path: tuple[str, ...] = ()
        if stack:
            frame = stack[-1]
            if frame[1] and frame[2]:  # a key of a mapping
                if isinstance(event, yaml.ScalarEvent):
                    key = "None" if event.value in ("", "~", "null") else event.value
                else:  # `? [a, b]`: named by its place among the mapping's complex keys
                    key = _complex_key(frame[5])
                    frame[5] += 1
                key_path = (*frame[0], key)
                if key_path in wanted:
                    marks[key_path] = (event.start_mark.line + 1, event.start_mark.column + 1)
                frame[2], frame[4] = False, key_path
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append(_frame(key_path, event, is_a_key=True))
                continue
            if frame[1]:
                path = frame[4]
            else:
                path = (*frame[0], str(frame[3]))
                frame[3] += 1
                if path in wanted:
                    marks[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append(_frame(path, event))
        else:
            _value_done(stack)
    return marks


def _frame(path: tuple[str, ...], event: Any, *, is_a_key: bool = False) -> list[Any]:
    import yaml

    return [path, isinstance(event, yaml.MappingStartEvent), True, 0, None, 0, is_a_key]


def _complex_key(index: int) -> str:
    """The name of a mapping's index-th complex key (a collection as a key): NUL cannot
    occur in YAML text, so no key written in a file has this name."""
    return f"\0complex-key-{index}"


def _text_paths(locs: list[tuple[Any, ...]]) -> list[tuple[str, ...]]:
    """Each path with its parts as `_marks` names them: keys and indexes as text, and a
    complex key (a tuple or frozenset: see `keys_as_held`) by its order among its
    mapping's complex keys in the paths, the document's order, in which pydantic reports
    them."""
    named: dict[tuple[tuple[str, ...], str], str] = {}
    counts: dict[tuple[str, ...], int] = {}
    paths = []
    for loc in locs:
        path: tuple[str, ...] = ()
        for part in loc:
            if isinstance(part, str | int):
                path = (*path, str(part))
                continue
            slot = (path, repr(part))
            if slot not in named:
                named[slot] = _complex_key(counts.get(path, 0))
                counts[path] = counts.get(path, 0) + 1
            path = (*path, named[slot])
        paths.append(path)
    return paths


def _value_done(stack: list[list[Any]]) -> None:
    if stack and stack[-1][1]:
        stack[-1][2] = True


# A line that starts with a plain key: the text up to the first colon that ends it (one
# followed by a space or the line's end). Each character is matched one way only, so a
# long line costs its length, never its square.
_KEY_LINE = re.compile(r"^([^ \t\n#](?:[^:\n]|:(?![ \t\n]|$))*):(?=[ \t\n]|$)", re.MULTILINE)


def _top_level_keys(text: str, locs: list[tuple[str | int, ...]]) -> list[tuple[int, int]] | None:
    """Top-level keys of a block mapping start their line at column 1, so one scan of the
    text finds them all without parsing (the cross-file findings: id, code, name; unknown
    top-level fields). None when a path is not a top-level key, or a key is not found."""
    keys = set()
    for loc in locs:
        if len(loc) != 1 or not isinstance(loc[0], str):
            return None
        keys.add(loc[0])
    lines: dict[str, int] = {}
    line, counted_to = 1, 0
    for match in _KEY_LINE.finditer(text):
        key = match.group(1).rstrip(" \t")
        if key in keys and key not in lines:
            line += text.count("\n", counted_to, match.start())
            counted_to = match.start()
            lines[key] = line
            if len(lines) == len(keys):
                break
    if len(lines) < len(keys):
        return None
    return [(lines[str(loc[0])], 1) for loc in locs]

"""From a path inside a YAML document to its line and column."""

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
    wanted = {tuple(str(p) for p in loc[:depth]) for loc in locs for depth in range(len(loc) + 1)}
    try:
        marks = _marks(yaml.parse(text, Loader=loader), wanted)
    except yaml.YAMLError:
        # YAML 1.2 that libyaml (1.1) cannot parse, such as an empty key: the slow way.
        from projledger.store.reader import new_roundtrip_yaml

        document = new_roundtrip_yaml().load(text)
        return [locate(document, loc) for loc in locs]
    positions = []
    for loc in locs:
        path = tuple(str(p) for p in loc)
        while path not in marks and path:
            path = path[:-1]
        positions.append(marks.get(path, (1, 1)))
    return positions


def _marks(events: Any, wanted: set[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[int, int]]:
    """Walk the events keeping the path to the current node; remember where each wanted
    path's key (in a mapping) or item (in a sequence) starts."""
    import yaml

    marks: dict[tuple[str, ...], tuple[int, int]] = {}
    # Each frame: [path, is_mapping, expecting_key, next_index, pending_key]
    stack: list[list[Any]] = []
    for event in events:
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            _value_done(stack)
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        path: tuple[str, ...] = ()
        if stack:
            frame = stack[-1]
            if frame[1] and frame[2]:  # a key of a mapping
                key = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                key_path = (*frame[0], "None" if key in ("", "~", "null") else key)
                if key_path in wanted:
                    marks[key_path] = (event.start_mark.line + 1, event.start_mark.column + 1)
                frame[2], frame[4] = False, key_path
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append(
                        [key_path, isinstance(event, yaml.MappingStartEvent), True, 0, None]
                    )
                continue
            if frame[1]:
                path = frame[4]
            else:
                path = (*frame[0], str(frame[3]))
                frame[3] += 1
                if path in wanted:
                    marks[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([path, isinstance(event, yaml.MappingStartEvent), True, 0, None])
        else:
            _value_done(stack)
    return marks


def _value_done(stack: list[list[Any]]) -> None:
    if stack and stack[-1][1]:
        stack[-1][2] = True


def _top_level_keys(text: str, locs: list[tuple[str | int, ...]]) -> list[tuple[int, int]] | None:
    """Top-level keys of a block mapping start their line at column 1, so a search finds
    them without parsing (the cross-file findings: id, code, name). None when not so."""
    import re

    positions = []
    for loc in locs:
        if len(loc) != 1 or not isinstance(loc[0], str):
            return None
        match = re.search(rf"^{re.escape(loc[0])}[ \t]*:", text, re.MULTILINE)
        if match is None:
            return None
        positions.append((text.count("\n", 0, match.start()) + 1, 1))
    return positions

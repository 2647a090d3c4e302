"""The edits a merge makes to ours' tree, taking theirs' nodes: a value replaced, a key or
a list element added or removed. The same calls work on plain data (the merge's dry run)
and on ruamel.yaml's round-trip trees, where comments come along.

ruamel.yaml hangs what follows a line (its end-of-line comment, then blank lines and
comment lines up to the next entry) on the last entry before it: in the parent's slot for
a scalar or a one-line `{...}`, inside the node for a block. So an entry taken from theirs
brings its own line's comment, the lines theirs wrote before it are taken from the entry
it follows in theirs, and whatever separated ours' entries from what comes next (the
blank line before `tasks:`) stays at the end of ours' block.
"""

from typing import Any

from projledger.changes.yamledit import attach_trailing, detach_trailing


def _round_trip(node: Any) -> bool:
    return hasattr(node, "ca")


def _is_block(node: Any) -> bool:
    style = getattr(node, "fa", None)
    return style is not None and len(node) > 0 and not style.flow_style()


def _last_key(node: Any) -> Any:
    return list(node)[-1] if isinstance(node, dict) else len(node) - 1


def _token(container: Any, key: Any) -> Any:
    """The comment token after an entry: slot 2 of a mapping's key, 0 of a list's index."""
    slots = container.ca.items.get(key)
    index = 2 if isinstance(container, dict) else 0
    return slots[index] if slots and len(slots) > index else None


def _set_token(container: Any, key: Any, text: str, column: int = 0) -> None:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    slots = container.ca.items.setdefault(key, [None, None, None, None])
    index = 2 if isinstance(container, dict) else 0
    slots[index] = CommentToken(text, CommentMark(column), None) if text else None


def _end_text(node: Any, *, take: bool) -> str:
    """Blank lines ruamel.yaml keeps after a block's last entry (`ca.end`), deepest first."""
    if not _is_block(node):
        return ""
    return _end_text(node[_last_key(node)], take=take) + "".join(_blank_end(node, take=take))


def _blank_end(node: Any, *, take: bool) -> list[str]:
    end = getattr(node.ca, "end", None) or []
    blank = "".join(str(token.value) for token in end)
    if not blank or blank.strip():
        return []
    if take:
        node.ca.end = []
    return [blank]


def _after(container: Any, key: Any, *, take: bool) -> str | None:
    """What follows the entry's own line; None where nothing holds it. `take` detaches it
    (the entry's own comment stays)."""
    value = container[key]
    found: str | None = None
    if _is_block(value):
        found = detach_trailing(value) if take else _peek_inside(value)
    if not found:
        token = _token(container, key)
        if token is not None:
            own_line, newline, rest = str(token.value).partition("\n")
            if take:
                token.value = own_line + newline
            found = (found or "") + rest
    end = _end_text(value, take=take)
    if key == _last_key(container) and _is_block(container):
        end += "".join(_blank_end(container, take=take))
    return None if found is None and not end else (found or "") + end


def _peek_inside(node: Any) -> str | None:
    last = _last_key(node)
    if _is_block(node[last]):
        deeper = _peek_inside(node[last])
        if deeper is not None:
            return deeper
    token = _token(node, last)
    return None if token is None else str(token.value).partition("\n")[2]


def _peek_after(container: Any, key: Any, moved: dict[int, str]) -> str | None:
    """What follows the entry's own line, left in place. A block moved into ours has
    handed what followed it in theirs to `moved`."""
    value = container[key]
    if id(value) in moved:
        return moved[id(value)]
    return _after(container, key, take=False)


def _take_after(container: Any, key: Any) -> str:
    """Detach what follows the entry's own line (its own comment stays)."""
    return _after(container, key, take=True) or ""


def _give_after(container: Any, key: Any, text: str) -> None:
    if not text:
        return
    if _is_block(container[key]):
        attach_trailing(container[key], text)
        return
    token = _token(container, key)
    if token is None:
        _set_token(container, key, "\n" + text)
        return
    value = str(token.value)
    token.value = value + text if value.endswith("\n") else value + "\n" + text


class Editor:
    """Edits of ours' tree (`target`) with theirs' nodes (`source`)."""

    def __init__(self) -> None:
        self._moved_gaps: dict[int, str] = {}
        """What followed a node in theirs, for nodes moved into ours (by id of the node)."""
        self.took_collection = False
        """Whether a record or a list was taken from theirs (not only scalars)."""

    def _took(self, value: Any) -> Any:
        self.took_collection = self.took_collection or isinstance(value, dict | list)
        return value

    def replace(self, target: Any, key: Any, source: Any, source_key: Any) -> None:
        """target[key] = source[source_key]: theirs' value and its line's comment."""
        value = self._took(source[source_key])
        if not _round_trip(target):
            target[key] = value
            return
        after = _take_after(target, key)
        self._detach_gap(source, source_key)
        target[key] = value
        self._own_comment(target, key, source, source_key)
        _give_after(target, key, after)

    def add_key(self, target: Any, key: str, source: Any) -> None:
        """theirs' new key, placed before the first of ours' keys that follows it in theirs."""
        self._took(source[key])
        if not _round_trip(target):
            target[key] = source[key]
            return
        order = list(source)
        rank = order.index(key)
        later = set(order[rank + 1 :])
        position = next((i for i, name in enumerate(target) if name in later), len(target))
        previous = list(target)[position - 1] if position else None
        after = _take_after(target, previous) if previous is not None else ""
        gap = self._gap_before(source, order[rank - 1]) if rank else ""
        self._detach_gap(source, key)
        target.insert(position, key, source[key])
        self._own_comment(target, key, source, key)
        if previous is not None:
            _give_after(target, previous, gap)
        _give_after(target, key, after)

    def remove_key(self, target: Any, key: str) -> None:
        keys = list(target)
        if _round_trip(target) and key == keys[-1] and len(keys) > 1:
            after = _take_after(target, key)
            del target[key]
            _give_after(target, keys[-2], after)
            return
        del target[key]

    def insert(self, target: Any, index: int, source: Any, source_index: int) -> None:
        """theirs' element `source_index` as ours' element `index`."""
        value = self._took(source[source_index])
        if not _round_trip(target) or not target:
            target.insert(index, value)
            return
        after = _take_after(target, index - 1) if index else ""
        gap = self._gap_before(source, source_index - 1) if source_index else ""
        self._detach_gap(source, source_index)
        if index < len(target):
            target.insert(index, value)
        else:
            target.append(value)
        self._own_comment(target, index, source, source_index)
        if index:
            _give_after(target, index - 1, gap)
        _give_after(target, index, after)

    def remove(self, target: Any, index: int) -> None:
        if _round_trip(target) and index == len(target) - 1 and index > 0:
            after = _take_after(target, index)
            del target[index]
            _give_after(target, index - 1, after)
            return
        del target[index]

    def _gap_before(self, source: Any, previous: Any) -> str:
        """The lines theirs wrote between `previous` and the entry after it."""
        if not _round_trip(source):
            return ""
        return _peek_after(source, previous, self._moved_gaps) or ""

    def _detach_gap(self, source: Any, key: Any) -> None:
        """A block taken from theirs holds what followed it in theirs (it separated it
        from theirs' next entry, not from ours'): take it out, and keep it for the entry
        after it. (A one-line value's stays in theirs' list, where it was.)"""
        node = source[key]
        if _round_trip(source) and _is_block(node):
            self._moved_gaps[id(node)] = detach_trailing(node) + _end_text(node, take=True)

    @staticmethod
    def _own_comment(target: Any, key: Any, source: Any, source_key: Any) -> None:
        """The comment at the end of theirs' line, for a scalar or a one-line value (a
        block keeps its comments inside it)."""
        if not _round_trip(source) or _is_block(source[source_key]):
            return
        token = _token(source, source_key)
        own = str(token.value).partition("\n")[0] if token is not None else ""
        column = token.start_mark.column if token is not None and own else 0
        _set_token(target, key, own + "\n" if own else "", column)

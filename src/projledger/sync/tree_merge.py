"""The three-way merge of one ledger file's data, by item id and field.

Decisions are made on plain data (base, ours, theirs as the fast reader gives them); the
edits they call for are made to `target`, ours' tree, taking values from `source`,
theirs' tree (see `yaml_nodes`): so one run on plain copies says what the merge gives,
and a run on ruamel.yaml's round-trip trees writes it with both sides' comments.

- A value only theirs changed is taken; one only ours changed is kept.
- Mappings merge key by key; lists of mappings with a natural key (items by `id`, units by
  `name`, funding by `source`) element by element, matched by that key, theirs' new
  elements placed before the element that follows them in theirs (after ours' additions).
- Other lists: element by element when no side changed their length; entries added on
  both sides (progress notes, extensions, returns) are all kept, where each side put them
  among base's entries (ours' first where both added at one place).
- Investment figures both sides appended to the series (`investment.series`): their union
  in month order, the figure fields following its last entry (series_merge.py).
- Anything else changed on both sides is a conflict: ours' value stays, and the conflict
  is recorded (for a conflict mark, PL019).
"""

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from projledger.store.conflict_marks import ABSENT
from projledger.sync import series_merge
from projledger.sync.field_paths import ITEM_LISTS, Segment, natural_key, render
from projledger.sync.yaml_nodes import Editor

FieldPath = tuple[Segment, ...]
INVESTMENT: FieldPath = (("key", "investment"),)


@dataclass(frozen=True)
class Conflict:
    path: FieldPath
    ours: Any
    """Plain data; ABSENT where ours removed it."""
    theirs: Any

    @property
    def field(self) -> str:
        return render(self.path)


class Slot(NamedTuple):
    """Where a value sits in a tree: its container and its key or index there."""

    container: Any
    key: Any


@dataclass
class TreeMerge:
    conflicts: list[Conflict] = field(default_factory=list)
    edit: Editor = field(default_factory=Editor)

    def documents(
        self,
        base: dict[str, Any],
        ours: dict[str, Any],
        theirs: dict[str, Any],
        target: Any,
        source: Any,
    ) -> None:
        """Merge theirs' changes since base into `target` (ours' tree)."""
        self._mapping((), base, ours, theirs, target, source)

    def _mapping(
        self,
        path: FieldPath,
        b: dict[str, Any],
        o: dict[str, Any],
        t: dict[str, Any],
        target: Any,
        source: Any,
    ) -> None:
        for key in dict.fromkeys([*o, *t]):
            values = (b.get(key, ABSENT), o.get(key, ABSENT), t.get(key, ABSENT))
            self._value((*path, ("key", key)), values, Slot(target, key), Slot(source, key))

    def _value(
        self, path: FieldPath, values: tuple[Any, Any, Any], ours: Slot, theirs: Slot
    ) -> None:
        """Merge one value: ours' node (to edit) with theirs' node (to take from)."""
        b, o, t = values
        if t in (o, b):
            return
        if o == b:
            self._take(ours, theirs, t)
            return
        if isinstance(o, dict) and isinstance(t, dict) and (isinstance(b, dict) or b is ABSENT):
            base = b if isinstance(b, dict) else {}
            if path == INVESTMENT and series_merge.both_appended(base, o, t):
                self._investment(path, base, o, t, _node(ours), _node(theirs))
            else:
                self._mapping(path, base, o, t, _node(ours), _node(theirs))
        elif isinstance(o, list) and isinstance(t, list) and (isinstance(b, list) or b is ABSENT):
            base_list = b if isinstance(b, list) else []
            self._sequence(path, base_list, o, t, _node(ours), _node(theirs))
        else:
            self.conflicts.append(Conflict(path, o, t))

    def _investment(
        self,
        path: FieldPath,
        b: dict[str, Any],
        o: dict[str, Any],
        t: dict[str, Any],
        target: Any,
        source: Any,
    ) -> None:
        """Both sides appended figures to the series: their union by month, and the
        figure fields of its last entry (series_merge.py); the other keys as usual."""
        plan = series_merge.plan(b, o, t)
        if plan is None:
            self._mapping(path, b, o, t, target, source)
            return
        for key in dict.fromkeys([*o, *t]):
            if key != "series" and key not in series_merge.FIGURE_FIELDS:
                values = (b.get(key, ABSENT), o.get(key, ABSENT), t.get(key, ABSENT))
                self._value((*path, ("key", key)), values, Slot(target, key), Slot(source, key))
        for at, index in plan.inserts:
            self.edit.insert(target["series"], at, source["series"], index)
        series: FieldPath = (*path, ("key", "series"))
        for at, mine, theirs in plan.conflicts:
            self.conflicts.append(Conflict((*series, ("index", at)), mine, theirs))
        if plan.theirs_last:
            for key in series_merge.FIGURE_FIELDS:
                if t.get(key, ABSENT) != o.get(key, ABSENT):
                    self._take(Slot(target, key), Slot(source, key), t.get(key, ABSENT))

    def _take(self, ours: Slot, theirs: Slot, t: Any) -> None:
        target, key = ours
        if t is ABSENT:
            if isinstance(target, dict):
                self.edit.remove_key(target, key)
            else:
                self.edit.remove(target, key)
        elif isinstance(target, dict) and key not in target:
            self.edit.add_key(target, key, theirs.container)
        else:
            self.edit.replace(target, key, theirs.container, theirs.key)

    def _sequence(
        self, path: FieldPath, b: list[Any], o: list[Any], t: list[Any], target: Any, source: Any
    ) -> None:
        key = natural_key(b, o, t)
        if key is not None:
            self._keyed(path, key, (b, o, t), target, source)
        elif len(b) == len(o) == len(t):
            for index, values in enumerate(zip(b, o, t, strict=True)):
                here = (*path, ("index", index))
                self._value(here, values, Slot(target, index), Slot(source, index))
        elif (mine := _insertions(b, o)) is not None and (new := _insertions(b, t)) is not None:
            # Entries both sides added (progress notes, extensions, returns): theirs go
            # after ours in the same gap of base's entries.
            ours_added = [o[index] for _, index in mine]
            where = _positions(b, o)
            inserted = 0
            for gap, index in new:
                if t[index] in ours_added:
                    continue
                at = where[gap] if gap < len(b) else len(o)
                self.edit.insert(target, at + inserted, source, index)
                inserted += 1
        else:
            self.conflicts.append(Conflict(path, o, t))

    def _keyed(
        self,
        path: FieldPath,
        key: str,
        versions: tuple[list[Any], list[Any], list[Any]],
        target: Any,
        source: Any,
    ) -> None:
        base, ours, theirs = ({str(e[key]): e for e in version} for version in versions)
        items = key == "id" and len(path) == 1 and path[0][1] in ITEM_LISTS

        def where(name: str) -> FieldPath:
            return (("item", name),) if items else (*path, ("element", name))

        for name, element in base.items():
            if name in ours and name not in theirs:
                if ours[name] == element:
                    self.edit.remove(target, _index(target, key, name))
                else:
                    self.conflicts.append(Conflict(where(name), ours[name], ABSENT))
        t = versions[2]
        # The next of theirs' elements that ours has too: theirs' new element goes just
        # before it (after ours' own additions there), or at the end.
        successor: list[str | None] = [None] * len(t)
        for position in range(len(t) - 2, -1, -1):
            later = str(t[position + 1][key])
            successor[position] = later if later in ours else successor[position + 1]
        for position, element in enumerate(t):
            name = str(element[key])
            if name in ours:
                values = (base.get(name, ABSENT), ours[name], element)
                here = Slot(target, _index(target, key, name))
                self._value(where(name), values, here, Slot(source, position))
            elif name in base:
                if element != base[name]:
                    self.conflicts.append(Conflict(where(name), ABSENT, element))
            else:
                before = successor[position]
                at = _index(target, key, before) if before is not None else len(target)
                self.edit.insert(target, at, source, position)


def _node(slot: Slot) -> Any:
    return slot.container[slot.key]


def _index(elements: Any, key: str, name: str) -> int:
    for index, element in enumerate(elements):
        if str(element[key]) == name:
            return index
    raise KeyError(name)


def _insertions(base: list[Any], version: list[Any]) -> list[tuple[int, int]] | None:
    """If `version` is `base` with entries inserted (base's entries all there, in order),
    each inserted entry's index in `version` with the gap it is in (the index of the base
    entry it comes before; len(base) at the end); None if base's entries changed."""
    found: list[tuple[int, int]] = []
    matched = 0
    for index, element in enumerate(version):
        if matched < len(base) and element == base[matched]:
            matched += 1
        else:
            found.append((matched, index))
    return found if matched == len(base) else None


def _positions(base: list[Any], version: list[Any]) -> list[int]:
    """Where each of base's entries is in `version` (matched as `_insertions` matches)."""
    positions: list[int] = []
    for index, element in enumerate(version):
        if len(positions) < len(base) and element == base[len(positions)]:
            positions.append(index)
    return positions

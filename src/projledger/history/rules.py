"""The history rules (PL5xx), as one judgement: a version of a project file against its
reference, what the file legitimately holds. Pure data in, violations out: no git.

`projledger audit` judges every commit of a range, each against the reference its parent
left (audit.py); every change command judges its own change before writing it
(changes/guard.py), so projledger never makes a commit its audit rejects.

A version that breaks a rule does not move the reference: the next version is judged
against the same legitimate item, so the violation stays, whatever later versions do,
until one puts back what the rule requires (a put-back): the removed item, as the same
item (list and identity) in the same place; the closed issue as it was closed; the
original due date; the extension as it was. A reused id, or an extension appended after
its target's closure, is put back by its removal.

- PL500 the project file is deleted;
- PL501 an item is deleted;
- PL502 an id is reused: for another item than the one it named, or in another list;
- PL503 a closed issue (已销号) changed without being reopened through a recorded return;
- PL504 a deadline's due date changed;
- PL505 an extension of a deadline was edited or removed;
- PL506 an extension dated after its target was closed (已销号, 已撤销, 已完成, 已办结 ...).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from projledger.history.diff import ITEM_LISTS, items_of
from projledger.history.values import DATE_MARK, Json

CLOSED = "已销号"


@dataclass(frozen=True, slots=True)
class Entry:
    """An item and the list it is in."""

    list_name: str
    item: Json


@dataclass(frozen=True, slots=True)
class Violation:
    code: str
    key: tuple[str | int, ...]
    """What the rule is about, the same in every version that breaks it: ("item", id),
    ("due", id), ("extension", id, position) ..."""
    item_id: str | None = None
    legit: Entry | None = None
    """What the rule requires: the removed, closed or original item (PL502: the item the
    id named)."""
    found: Entry | None = None
    """What the version holds instead."""
    position: int | None = None
    """The extension's index (PL505, PL506)."""
    closed_on: str | None = None
    """PL506: the day the extension's target was closed (ISO)."""

    @property
    def moved(self) -> bool:
        """PL502: the id is used in another list (else by another item of its list)."""
        return (
            self.legit is not None
            and self.found is not None
            and self.legit.list_name != self.found.list_name
        )


@dataclass(frozen=True)
class Reference:
    """What a project file legitimately holds: whether it exists, and its items as they
    last were legitimately (an item a version removed or broke is kept as it was)."""

    exists: bool
    items: Mapping[str, Entry] = field(default_factory=dict)
    missing: frozenset[str] = frozenset()
    """Ids of `items` the last judged version lacked (or used for another item)."""
    known: Mapping[str, Entry] = field(default_factory=dict)
    """Ids used before the reference began (history before an audited range), as they
    last were: such an id may come back only for the same item."""

    @classmethod
    def of(cls, data: Json, known: Mapping[str, Entry] | None = None) -> "Reference":
        """A version taken as legitimate (the start of a range, the file before a change);
        None: no file."""
        if not isinstance(data, dict):
            return cls(False, {}, frozenset(), known or {})
        return cls(True, all_items(data), frozenset(), known or {})


def judge(reference: Reference, version: Json) -> tuple[list[Violation], Reference]:
    """The rules `version` (a readable version's data, or None: the file deleted) breaks,
    and the reference the next version is judged against."""
    if not isinstance(version, dict):
        deleted = [Violation("PL500", ("file",))] if reference.exists else []
        return deleted, reference
    now = all_items(version)
    violations: list[Violation] = []
    items: dict[str, Entry] = {}
    missing: set[str] = set()
    for item_id, legit in reference.items.items():
        found = now.get(item_id)
        items[item_id] = legit
        if found is None:
            violations.append(Violation("PL501", ("item", item_id), item_id, legit))
            missing.add(item_id)
        elif found.list_name != legit.list_name:
            violations.append(Violation("PL502", ("id", item_id), item_id, legit, found))
            missing.add(item_id)
        elif item_id in reference.missing and identity(found) != identity(legit):
            # Back after a removal, but as another item: the removed one is still missing.
            violations.append(Violation("PL501", ("item", item_id), item_id, legit))
            violations.append(Violation("PL502", ("id", item_id), item_id, legit, found))
            missing.add(item_id)
        else:
            broken = _item_rules(item_id, legit, found, version)
            violations.extend(broken)
            if not broken:
                items[item_id] = found
    for item_id, found in now.items():
        if item_id in reference.items:
            continue
        earlier = reference.known.get(item_id)
        if earlier is not None and (
            earlier.list_name != found.list_name or identity(found) != identity(earlier)
        ):
            violations.append(Violation("PL502", ("id", item_id), item_id, earlier, found))
            continue
        broken = _item_rules(item_id, earlier, found, version)
        violations.extend(broken)
        if not broken:
            items[item_id] = found
    return violations, Reference(True, items, frozenset(missing), reference.known)


def _item_rules(item_id: str, legit: Entry | None, found: Entry, version: Json) -> list[Violation]:
    """The rules on one item that is where it should be: `legit` as it was (None: new)."""
    out: list[Violation] = []
    before = legit.item if legit is not None and isinstance(legit.item, dict) else None
    now = found.item if isinstance(found.item, dict) else None
    if (
        found.list_name == "issues"
        and before is not None
        and before.get("state") == CLOSED
        and found.item != before
        and not reopened(before, now)
    ):
        out.append(Violation("PL503", ("closed", item_id), item_id, legit, found))
    if found.list_name != "deadlines" or now is None:
        return out
    old_extensions = extensions(before) if before is not None else []
    if before is not None and before.get("due") is not None and now.get("due") != before.get("due"):
        out.append(Violation("PL504", ("due", item_id), item_id, legit, found))
    now_extensions = extensions(now)
    for position in broken_extensions(old_extensions, now_extensions):
        out.append(
            Violation("PL505", ("extension", item_id, position), item_id, legit, found, position)
        )
    closed_on = target_closed_on(version, now.get("target"))
    if closed_on is not None:
        for position in range(len(old_extensions), len(now_extensions)):
            granted = _day(_get(now_extensions[position], "date"))
            if granted is not None and granted > closed_on:
                out.append(
                    Violation(
                        "PL506",
                        ("late", item_id, position),
                        item_id,
                        legit,
                        found,
                        position,
                        closed_on,
                    )
                )
    return out


# --- what the rules look at ----------------------------------------------------------------


def all_items(data: Json) -> dict[str, Entry]:
    """Every item id of a version → its entry; an id in two lists counts in the first."""
    found: dict[str, Entry] = {}
    for list_name in ITEM_LISTS:
        for item_id, item in items_of(data, list_name).items():
            if not item_id.startswith("#"):
                found.setdefault(item_id, Entry(list_name, item))
    return found


def identity(entry: Entry) -> object:
    """What makes an item the same item when its id comes back (a put-back, not a reuse)."""
    item = entry.item
    if not isinstance(item, dict):
        return None
    if entry.list_name == "responsibilities":
        return (item.get("role"), item.get("unit"), item.get("person"))
    if entry.list_name == "deadlines":
        return item.get("target")
    return item.get("title")


_REOPENING = frozenset({"state", "returns", "closure", "verification"})
"""What reopening a closed issue changes; the rest stays as it was closed."""


def reopened(closed_as: dict[str, Json], item: Json) -> bool:
    """Reopened through a recorded return: no longer closed, a return appended, and
    nothing else changed (an edit made while closed is not laundered by a reopening)."""
    if not isinstance(item, dict):
        return False
    before, after = _list(closed_as.get("returns")), _list(item.get("returns"))
    unchanged = all(
        item.get(key) == closed_as.get(key) for key in (item.keys() | closed_as.keys()) - _REOPENING
    )
    return (
        item.get("state") != CLOSED
        and len(after) > len(before)
        and after[: len(before)] == before
        and unchanged
    )


def extensions(item: dict[str, Json]) -> list[Json]:
    return _list(item.get("extensions"))


def broken_extensions(reference: list[Json], now: list[Json]) -> list[int]:
    """Positions of the reference extensions that are not kept as they were."""
    return [i for i, extension in enumerate(reference) if i >= len(now) or now[i] != extension]


_MILESTONE_FIELDS = {
    "开工": "actual_start",
    "竣工": "actual_completion",
    "投产": "actual_operation",
}


def target_closed_on(data: Json, target: Json) -> str | None:
    """The day (ISO) a deadline's target was closed in this version: an issue 已销号 or
    已撤销, a task 已完成, an approval 已办结, a milestone reached; None while it is open."""
    if not isinstance(data, dict) or not isinstance(target, str):
        return None
    kind, _, name = target.partition(":")
    if kind == "approval":
        approval = _get(data.get("approvals"), name)
        return _day(_get(approval, "date")) if _get(approval, "status") == "已办结" else None
    if kind == "milestone":
        return _day(_get(data.get("schedule"), _MILESTONE_FIELDS.get(name, "")))
    issue = items_of(data, "issues").get(target)
    if isinstance(issue, dict):
        record = {"已销号": "closure", "已撤销": "withdrawal"}.get(str(issue.get("state")))
        return _day(_get(issue.get(record), "date")) if record else None
    task = items_of(data, "tasks").get(target)
    if isinstance(task, dict) and task.get("state") == "已完成":
        return _day(task.get("completed_on"))
    return None


def _day(value: Json) -> str | None:
    """A marked date as ISO text (comparable as text); None for anything else."""
    if isinstance(value, str) and value.startswith(DATE_MARK):
        return value[len(DATE_MARK) :]
    return None


def _get(mapping: Json, key: str) -> Json:
    return mapping.get(key) if isinstance(mapping, dict) else None


def _list(value: Json) -> list[Json]:
    return list(value) if isinstance(value, list) else []

"""Finding projects and items from what a user types: full ids, or unambiguous prefixes.
Shared by the change commands, the views and history."""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from projledger.errors import ProjledgerError

LISTS = (
    ("issues", "I-", "问题"),
    ("tasks", "T-", "任务"),
    ("responsibilities", "R-", "责任"),
    ("deadlines", "D-", "时效"),
)


@dataclass(frozen=True)
class ItemRef:
    list_name: str
    index: int
    id: str

    @property
    def label(self) -> str:
        return next(label for name, _, label in LISTS if name == self.list_name)


def matching_ids(typed: str, ids: Iterable[str]) -> list[str]:
    """The item ids `typed` may name: the full id (I-4M8K2P), else every id of which it is
    a case-insensitive prefix, of the whole id or of its part after the dash (4M8, i-4m)."""
    wanted = typed.strip().upper()
    ids = list(ids)
    exact = [item_id for item_id in ids if item_id.upper() == wanted]
    if exact or not wanted:
        return exact[:1]
    return [
        item_id
        for item_id in ids
        if item_id.upper().startswith(wanted)
        or item_id.upper().partition("-")[2].startswith(wanted)
    ]


def resolve_item(data: Any, typed: str, kinds: tuple[str, ...] | None = None) -> ItemRef:
    """The item `typed` names (see matching_ids); `kinds` limits the lists searched."""
    refs = {
        str(item.get("id", "")): ItemRef(list_name, index, str(item.get("id", "")))
        for list_name, _, _ in LISTS
        if kinds is None or list_name in kinds
        for index, item in enumerate(data.get(list_name) or ())
    }
    candidates = [refs[item_id] for item_id in matching_ids(typed, refs)]
    if len(candidates) == 1:
        return candidates[0]
    what = "item" if kinds is None else " or ".join(k.rstrip("s") for k in kinds)
    if not candidates:
        raise ProjledgerError(
            f"no {what} {typed!r} in project {data.get('id')}; "
            f"`projledger show {data.get('id')}` lists its items"
        )
    listed = ", ".join(ref.id for ref in candidates[:10])
    raise ProjledgerError(
        f"{typed!r} is ambiguous in project {data.get('id')}: {listed}; type more of the id"
    )


def unknown_project(project_id: str, known: list[str]) -> ProjledgerError:
    close = difflib.get_close_matches(project_id, known, n=3, cutoff=0.6)
    hint = (
        f"; did you mean {', '.join(close)}?" if close else "; `projledger list` shows the projects"
    )
    return ProjledgerError(f"no project {project_id!r} in this ledger root{hint}")


def resolve_project(typed: str, known: list[str]) -> str:
    """A project id from a full id or a unique prefix of one."""
    if typed in known:
        return typed
    matches = [project_id for project_id in known if project_id.startswith(typed)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ProjledgerError(
            f"{typed!r} is ambiguous: {', '.join(matches[:10])}; type more of the project id"
        )
    raise unknown_project(typed, known)

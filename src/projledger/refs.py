"""Finding projects and items from what a user types: full ids, or unambiguous prefixes.
Shared by the change commands, the views and history."""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from projledger.errors import ProjledgerError

if TYPE_CHECKING:
    from projledger.root import LedgerRoot

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


def project_in_root(root: "LedgerRoot", typed: str) -> str:
    """The project `typed` names in a ledger root: its file when it is a whole id (no
    listing of 10,000 files for the usual case), else a unique prefix among the files."""
    import os

    from projledger.ids import PROJECT_ID_RE

    if PROJECT_ID_RE.match(typed) and root.project_file(typed).is_file():
        return typed
    try:
        names = os.listdir(root.projects_dir)  # noqa: PTH208 - names only: 10x faster than Paths
    except OSError:
        names = []
    known = sorted(name.removesuffix(".yaml") for name in names if name.endswith(".yaml"))
    return resolve_project(typed, known)


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

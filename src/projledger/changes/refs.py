"""Finding projects and items from what a user types: full ids, or unambiguous prefixes."""

import difflib
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


def resolve_item(data: Any, typed: str, kinds: tuple[str, ...] | None = None) -> ItemRef:
    """The item `typed` names: a full id (I-4M8K2P), or a unique case-insensitive prefix of
    the id or of its part after the dash (4M8, i-4m). `kinds` limits the lists searched."""
    wanted = typed.strip().upper()
    candidates: list[ItemRef] = []
    exact: list[ItemRef] = []
    for list_name, _, _ in LISTS:
        if kinds is not None and list_name not in kinds:
            continue
        for index, item in enumerate(data.get(list_name) or ()):
            item_id = str(item.get("id", ""))
            ref = ItemRef(list_name, index, item_id)
            if item_id.upper() == wanted:
                exact.append(ref)
            elif wanted and (
                item_id.upper().startswith(wanted) or item_id.upper()[2:].startswith(wanted)
            ):
                candidates.append(ref)
    if exact:
        return exact[0]
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

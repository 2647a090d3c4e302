"""Finding projects and items from what a user types: full ids, unambiguous prefixes, a
project's name, a fragment of it or its pinyin initials, an item's title or a fragment.
Shared by the change commands, the views and history."""

import difflib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from projledger.errors import ProjledgerError, UsageError
from projledger.messages import Area, Renderable, composed, joined, msg

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
    """The item `typed` names (see matching_ids), else the one whose title holds `typed`
    (厂区周边 for 厂区周边300户居民征迁); `kinds` limits the lists searched. Ambiguity is
    a usage error (exit 2) listing the candidates; errors say themselves in the run's
    language."""
    refs: dict[str, tuple[ItemRef, Any]] = {
        str(item.get("id", "")): (ItemRef(list_name, index, str(item.get("id", ""))), item)
        for list_name, _, _ in LISTS
        if kinds is None or list_name in kinds
        for index, item in enumerate(data.get(list_name) or ())
    }
    found = matching_ids(typed, refs)
    if not found:
        wanted = fold(typed)
        found = [
            item_id
            for item_id, (_, item) in refs.items()
            if wanted and wanted in fold(str(item.get("title") or item.get("duties") or ""))
        ]
    candidates = [refs[item_id] for item_id in found]
    if len(candidates) == 1:
        return candidates[0][0]
    project = data.get("id")
    if not candidates:
        what = say.msg("what.item") if kinds is None else _either(kinds)
        raise ProjledgerError(say.msg("no_item", what=what, typed=typed, project=project))
    listed = _listed([_item_line(ref.id, item) for ref, item in candidates])
    raise UsageError(say.msg("ambiguous_item", typed=typed, project=project, listed=listed))


def _either(kinds: tuple[str, ...]) -> Renderable:
    """问题或任务, issue or task."""
    parts: list[Renderable] = []
    for kind in kinds:
        if parts:
            parts.append(say.msg("what.or"))
        parts.append(say.msg(f"what.{kind}"))
    return joined(*parts)


def _listed(lines: list[Renderable | str]) -> Renderable:
    """The first ten candidates, and how many more."""
    listed = joined(*lines[:10], between="clauses")
    return joined(listed, say.msg("more", n=len(lines) - 10)) if len(lines) > 10 else listed


def _item_line(item_id: str, item: Any) -> Renderable | str:
    title = item.get("title") or item.get("duties") or item.get("target")
    state = item.get("state") or item.get("role")
    line = f"{item_id} {title}" if title else item_id
    return msg("list.remark", text=line, remark=state) if state else line


def unknown_project(project_id: str, known: list[str]) -> ProjledgerError:
    close = difflib.get_close_matches(project_id, known, n=3, cutoff=0.6)
    hint = did_you_mean(joined(*close, between="names")) if close else say.msg("see_list")
    return ProjledgerError(joined(say.msg("no_project", typed=project_id), hint))


def project_in_root(root: "LedgerRoot", typed: str) -> str:
    """The project `typed` names in a ledger root, by id only: its file when it is a whole
    id (no listing of 10,000 files for the usual case), else a unique prefix among the
    files. (Names too: `projledger.ledger.names.find_project`.)"""
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
        listed = joined(*matches[:10], between="names")
        raise UsageError(say.msg("ambiguous_project", typed=typed, listed=listed))
    raise unknown_project(typed, known)


# --- projects by name ----------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    """A project as a person may name it: its id, its name, its initials in pinyin."""

    id: str
    name: str
    state: str = ""
    """What the candidates' list shows beside it: the pool (库别)."""
    initials: str = ""
    """The name's pinyin initials, lower case: mtsskgc for 马头山水库工程."""
    spelled: str = ""
    """The name in pinyin without spaces: matoushanshuikugongcheng."""
    folded: str = ""
    """The name as compared (`fold`), when known: a cache keeps it."""

    @property
    def key(self) -> str:
        return self.folded or fold(self.name)


def fold(text: str) -> str:
    """Text as compared: NFKC (full-width letters and digits as ASCII), no white space,
    lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def find_projects(typed: str, projects: Iterable[Named]) -> list[Named]:
    """The projects `typed` may name, from the most certain kind of match that has any:
    the id; the whole name; a prefix of the id; a fragment of the name; then, for Latin
    letters, a prefix of the pinyin initials (mtssk), a fragment of them, of the name in
    pinyin, or of the id without its hyphens (matoushan)."""
    wanted = fold(typed)
    if not wanted:
        return []
    projects = list(projects)
    latin = wanted.isascii()
    bare = wanted.replace("-", "")
    tiers: list[Callable[[Named], bool]] = [
        lambda p: p.id == wanted,
        lambda p: p.key == wanted,
        lambda p: p.id.startswith(wanted),
        lambda p: wanted in p.key,
    ]
    if latin:
        tiers += [
            lambda p: p.initials.startswith(wanted),
            lambda p: wanted in p.initials or bare in p.spelled or bare in p.id.replace("-", ""),
        ]
    for tier in tiers:
        found = [p for p in projects if tier(p)]
        if found:
            return found
    return []


RETIRED_STATE = "退库"
"""Pool.RETIRED's value (this layer is below the model; a test holds them equal)."""


def pick_project(typed: str, projects: Iterable[Named]) -> str:
    """The id of the one project `typed` names (see `find_projects`). Several: the one not
    retired (退库), when the others all are (a retired duplicate keeps its name but has
    left every list); else a usage error (exit 2) listing them (name, id, pool); none: an
    error with the closest, said in the run's language."""
    projects = list(projects)
    found = find_projects(typed, projects)
    if len(found) == 1:
        return found[0].id
    live = [p for p in found if p.state != RETIRED_STATE]
    if len(live) == 1 and found[0].state:
        return live[0].id
    if found:
        listed = _listed([_project_line(p) for p in found])
        raise UsageError(say.msg("ambiguous_named", typed=typed, listed=listed))
    by_text = {p.name: p for p in projects} | {p.id: p for p in projects}
    close = difflib.get_close_matches(typed, list(by_text), n=3, cutoff=0.5)
    lines = list(dict.fromkeys(_project_line(by_text[c]) for c in close))
    hint = did_you_mean(joined(*lines, between="clauses")) if lines else say.msg("see_list")
    # A file that cannot be read has no name to match: say so, or its project seems gone.
    unread = [f"{p.id}.yaml" for p in projects if not p.name]
    if unread:
        more = say.msg("unread_files", n=len(unread), files="|".join(unread[:3]))
        hint = joined(hint, more)
    raise ProjledgerError(joined(say.msg("no_project", typed=typed), hint))


def _project_line(project: Named) -> Renderable:
    """A candidate as a list shows it: its name, then its id and pool in brackets."""
    if project.state:
        return msg("refs.project_line", name=project.name, id=project.id, pool=project.state)
    return msg("list.remark", text=project.name, remark=project.id)


def did_you_mean(close: Renderable) -> Renderable:
    """The hint after "no such name": the closest names, listed (`joined`)."""
    return composed("hint.did_you_mean", close=close)


say = Area("refs")
"""This module's messages (`messages/`), by the last part of their key."""

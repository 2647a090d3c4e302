"""Change records: who changed which field of which project or item, when, in which commit.

History is built by comparing successive versions of each project file, never from commit
messages, so edits made by hand and committed with plain git appear like any other.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projledger import refs
from projledger.errors import ProjledgerError, UsageError
from projledger.gitrepo import LedgerRepo
from projledger.history.diff import ITEM_LISTS, ChangeKind, diff_project, items_of
from projledger.history.gitlog import Commit, FileChange, LogEntry, read_log
from projledger.history.values import Json, to_json
from projledger.history.versions import VersionStore
from projledger.ids import PROJECT_ID_RE
from projledger.messages import msg
from projledger.root import LedgerRoot


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one project or item, changed in one commit."""

    commit: Commit
    project: str
    """The project id (the file name without `.yaml`)."""
    file: str
    """The file, relative to the repository's top."""
    item: str | None
    """The item's id, or None for the project record."""
    item_list: str | None
    """responsibilities, issues, tasks or deadlines; None for the project record."""
    field: str
    """Path of the field (`investment.completed_this_year`, `closure.date`); "" for the
    whole project or item (added or removed)."""
    old: Json
    new: Json
    kind: ChangeKind

    def to_json(self) -> dict[str, Any]:
        return {
            "commit": self.commit.id,
            "author": self.commit.author_name,
            "email": self.commit.author_email,
            "date": self.commit.author_date,
            "committed": self.commit.committer_date,
            "subject": self.commit.subject,
            "project": self.project,
            "file": self.file,
            "item": self.item,
            "list": self.item_list,
            "field": self.field,
            "kind": self.kind.value,
            "old": to_json(self.old),
            "new": to_json(self.new),
        }


@dataclass(frozen=True, slots=True)
class Step:
    """One project file in one commit, with its data before and after (None: absent)."""

    commit: Commit
    file: FileChange
    old: Json
    new: Json
    readable: bool
    """False when the new version could not be read (`new` is then the last readable)."""


def cache_dir(root: LedgerRoot) -> Path | None:
    """The root's .projledger/, or None where it cannot be made (a read-only checkout)."""
    try:
        return root.state_dir()
    except OSError:
        return None


Keep = Callable[[Change, Json, Json], bool]
"""A filter of changes, given the version before and after."""


class LedgerHistory:
    """The history of one ledger root's project files."""

    def __init__(self, root: LedgerRoot, *, use_cache: bool = True) -> None:
        self.root = root
        self.repo = LedgerRepo.open(root.path)
        self.projects_dir = self.repo.relative(root.projects_dir)
        self.store = VersionStore(self.repo, cache_dir(root) if use_cache else None)

    def project_path(self, project_id: str) -> str:
        return f"{self.projects_dir}/{project_id}.yaml"

    def log(
        self,
        *,
        paths: list[str] | None = None,
        revisions: list[str] | None = None,
        since: str | None = None,
    ) -> list[LogEntry]:
        if not revisions and not self.repo.has_commits():
            return []
        return read_log(self.repo, self.projects_dir, paths=paths, revisions=revisions, since=since)

    def steps(self, entries: list[LogEntry]) -> Iterator[Step]:
        """Each file change with its parsed versions, in the order of `entries`."""
        blobs = _blobs(entries)
        data = self.store.load(blobs)
        last_readable: dict[str, Json] = {}
        for entry in entries:
            for change in entry.files:
                old: Json = None
                if change.old_blob is not None:
                    old = data[change.old_blob]
                    if old is None:
                        old = last_readable.get(change.old_blob, {})
                if change.new_blob is None:
                    yield Step(entry.commit, change, old, None, True)
                    continue
                new = data[change.new_blob]
                if new is None:
                    last_readable.setdefault(change.new_blob, old if old is not None else {})
                    yield Step(entry.commit, change, old, last_readable[change.new_blob], False)
                else:
                    yield Step(entry.commit, change, old, new, True)

    def changes(
        self, entries: list[LogEntry], keep: Keep | None = None, *, item: str | None = None
    ) -> list[Change]:
        """The changes the entries made, in their order; with `item`, only that item's."""
        out: list[Change] = []
        for step in self.steps(entries):
            project, file = step.file.project, step.file.path
            if not step.readable:
                if item is not None:
                    continue
                unreadable = Change(
                    step.commit, project, file, None, None, "", None, None, ChangeKind.UNREADABLE
                )
                if keep is None or keep(unreadable, step.old, step.new):
                    out.append(unreadable)
                continue
            for c in diff_project(step.old, step.new, item):
                change = Change(
                    step.commit, project, file, c.item, c.item_list, c.field, c.old, c.new, c.kind
                )
                if keep is None or keep(change, step.old, step.new):
                    out.append(change)
        return out

    def items_ever(self, entries: list[LogEntry]) -> dict[str, list[Json]]:
        """Every item any version of the entries' files ever had, as its latest version
        has it, by list (the shape of a project's data), for finding an item by id or
        title and listing candidates with their titles and states."""
        blobs = _blobs(entries)
        data = self.store.load(blobs)
        latest: dict[str, tuple[str, Json]] = {}
        for blob in dict.fromkeys(blobs):
            for list_name in ITEM_LISTS:
                latest.update(
                    (item_id, (list_name, item))
                    for item_id, item in items_of(data[blob], list_name).items()
                    if isinstance(item, dict) and item.get("id") == item_id
                )
        lists: dict[str, list[Json]] = {list_name: [] for list_name in ITEM_LISTS}
        for list_name, item in latest.values():
            lists[list_name].append(item)
        return lists

    def bound_items(self, entries: list[LogEntry], item_id: str) -> set[str]:
        """The items any version of the entries' files binds to `item_id` by a deadline:
        an issue's or task's deadline, a deadline's target."""
        blobs = _blobs(entries)
        data = self.store.load(blobs)
        bound: set[str] = set()
        for blob in dict.fromkeys(blobs):
            for deadline_id, deadline in items_of(data[blob], "deadlines").items():
                if not isinstance(deadline, dict):
                    continue
                target = deadline.get("target")
                if target == item_id:
                    bound.add(deadline_id)
                elif deadline_id == item_id and isinstance(target, str) and ":" not in target:
                    bound.add(target)
        return bound

    def known_projects(self) -> list[str]:
        return sorted(path.stem for path in self.root.project_files() if path.suffix == ".yaml")

    def close(self) -> None:
        self.store.close()


# --- the questions commands ask ------------------------------------------------------------


def _blobs(entries: list[LogEntry]) -> list[str]:
    """Every version (blob id) the entries' file changes name, old and new."""
    return [
        blob
        for entry in entries
        for change in entry.files
        for blob in (change.old_blob, change.new_blob)
        if blob is not None
    ]


def project_history(
    history: LedgerHistory, typed: str, item: str | None = None
) -> tuple[str, str | None, list[Change]]:
    """The project `typed` names (its id, or a unique prefix of the ids in projects/; a
    project whose file was deleted, by its full id), the item `item` names (see
    `resolve_item`), and every change to the project or to that item and the items a
    deadline binds to it (an issue's deadline, a deadline's target), oldest first."""
    project_id, entries = _project_log(history, typed)
    if item is None:
        return project_id, None, history.changes(entries)
    item_id = resolve_item(item, project_id, history.items_ever(entries))
    # An item's history includes its deadline (its creation and extensions), a deadline's
    # its target's: one due date, one story.
    bound = history.bound_items(entries, item_id)
    if not bound:
        return project_id, item_id, history.changes(entries, item=item_id)
    ids = {item_id, *bound}
    return project_id, item_id, history.changes(entries, lambda c, old, new: c.item in ids)


def _project_log(history: LedgerHistory, typed: str) -> tuple[str, list[LogEntry]]:
    project_id, entries = _locate_project(history, typed)
    if entries is None:
        entries = history.log(paths=[history.project_path(project_id)])
    return project_id, entries


def find_project(history: LedgerHistory, typed: str) -> str:
    """A project id from a full id (of a project in projects/ or, if deleted, in the
    history), or from a unique prefix of the ids in projects/."""
    return _locate_project(history, typed)[0]


def _locate_project(history: LedgerHistory, typed: str) -> tuple[str, list[LogEntry] | None]:
    """The project id, and its log when finding it took reading that (a deleted project)."""
    project_id = typed.removesuffix(".yaml").rsplit("/", 1)[-1]
    if PROJECT_ID_RE.match(project_id) and history.root.project_file(project_id).is_file():
        return project_id, None
    known = history.known_projects()
    matches = [known_id for known_id in known if known_id.startswith(project_id)]
    if not matches and project_id:
        entries = history.log(paths=[history.project_path(project_id)])
        if entries:
            return project_id, entries
    return refs.resolve_project(project_id, known), None


def resolve_item(typed: str, project_id: str, items: dict[str, list[Json]]) -> str:
    """The item id `typed` names among every item the project ever had (`items_ever`):
    as `refs.resolve_item` finds one (the id, a prefix of it or of its part after the
    dash, a fragment of its title); several are a usage error listing them."""
    try:
        return refs.resolve_item({"id": project_id, **items}, typed).id
    except UsageError:
        raise
    except ProjledgerError:
        raise ProjledgerError(msg("history.no_item", typed=typed, project=project_id)) from None


def period_changes(
    history: LedgerHistory,
    since: dt.date | None,
    until: dt.date | None,
    *,
    project: str | None = None,
    unit: Callable[[object], bool] | None = None,
) -> list[Change]:
    """Every change whose author date (the author's own day) is within [since, until],
    optionally of one project, or concerning one unit (`unit`: whether a unit as an item
    writes it is that unit, so short names and former names written then count too)."""
    paths = [history.project_path(project)] if project is not None else None
    entries = period_entries(history, since, until, paths=paths)
    keep = None if unit is None else _concerns_unit(unit)
    return history.changes(entries, keep)


def period_entries(
    history: LedgerHistory,
    since: dt.date | None,
    until: dt.date | None,
    *,
    paths: list[str] | None = None,
    revision: str | None = None,
) -> list[LogEntry]:
    """The commits authored (the author's own day) within [since, until], oldest first,
    in the history of `revision` (default HEAD)."""
    # git's --since is by commit date, which is rarely earlier than the author date (a
    # change recorded later is authored on its own day, earlier): a margin of two days
    # keeps time zones and small clock differences on the safe side.
    margin = (since - dt.timedelta(days=2)).isoformat() if since is not None else None
    revisions = [revision] if revision is not None else None
    return [
        entry
        for entry in history.log(paths=paths, since=margin, revisions=revisions)
        if (since is None or entry.commit.author_day >= since)
        and (until is None or entry.commit.author_day <= until)
    ]


def _concerns_unit(is_unit: Callable[[object], bool]) -> Keep:
    """A change concerns a unit when its item's unit is that unit (a deadline: its target's),
    or, for the project record, when the unit has a responsibility in the project."""

    def keep(change: Change, old: Json, new: Json) -> bool:
        for data in (old, new):
            if not isinstance(data, dict):
                continue
            if change.item is None or change.item_list is None:
                if any(
                    is_unit(item.get("unit"))
                    for item in items_of(data, "responsibilities").values()
                    if isinstance(item, dict)
                ):
                    return True
                continue
            item = items_of(data, change.item_list).get(change.item)
            if not isinstance(item, dict):
                continue
            if is_unit(item.get("unit")):
                return True
            target = item.get("target") if change.item_list == "deadlines" else None
            if isinstance(target, str):
                for list_name in ("issues", "tasks"):
                    bound = items_of(data, list_name).get(target)
                    if isinstance(bound, dict) and is_unit(bound.get("unit")):
                        return True
        return False

    return keep

"""Every project's facts (`compute/facts.py`), or its due index (`ledger/due_index.py`),
for reports: read fast, cached by content.

A project file's facts are kept in `.projledger/facts-cache.json` under the file's git
blob id (the due index in `due-cache.json`), so a file is parsed and validated only when
its bytes change; a cache is dropped whole when the reader, the models, the rules, the
config or what it keeps change. Misses are parsed in worker processes. A file that is not
a valid project (it cannot be read, the schema refuses it, or a rule of `check` finds an
error in it: an undeclared unit, an issue closed without its record) is listed in
`invalid` (and remembered as such for its content): reports go on without it and say so,
as `check` would fail it. Each command fills the cache it reads: `overdue` never pays for
the facts the weekly report keeps.
"""

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import orjson

from projledger.compute.facts import (
    FACTS_FORMAT,
    FactsReader,
    ProjectFacts,
    facts_to_json,
    project_facts,
)
from projledger.gcpause import gc_paused
from projledger.ledger.config_cache import cached_config_and_blob
from projledger.ledger.due_index import (
    DUE_INDEX_FORMAT,
    DueProject,
    due_index_from_json,
    due_index_of,
)
from projledger.model.config import Config
from projledger.root import LedgerRoot
from projledger.store.blob_cache import MISS, BlobCache, blob_id, code_fingerprint
from projledger.store.limits import read_ledger_bytes

if TYPE_CHECKING:
    from projledger.model.project import Project  # met only where files are parsed


class _Identified(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def code(self) -> str | None: ...


Item = TypeVar("Item", bound=_Identified)


Reader = Callable[[Any, bytes | memoryview], Item]
"""Decodes one cached entry: its JSON value and the bytes kept beside it."""


@dataclass(frozen=True)
class View(Generic[Item]):
    """What a cache keeps of each project file, and how it is read back."""

    cache_file: str
    version: int
    to_json: "Callable[[Project], tuple[Any, bytes | None]]"
    """A valid project's JSON data, and bytes to keep beside it undecoded
    (`BlobCache.attachment`) or None. Module-level: it runs in the worker processes."""
    reader: "Callable[[], Reader[Item]]"
    """A reader for one load: it may share what the entries repeat."""

    def from_project(self, project: "Project", read: "Reader[Item] | None" = None) -> Item:
        """What the cache would give for a project read elsewhere (an old commit's)."""
        value, attachment = self.to_json(project)
        return (read or self.reader())(value, attachment or b"")


def _facts_entry(project: "Project") -> tuple[str, bytes]:
    # The facts as bytes beside the cache's JSON (each decoded alone as it is read, not
    # all 26 MB of them at once); the value is the project's id, to check them against.
    return project.id, orjson.dumps(facts_to_json(project_facts(project)))


def _facts_reader() -> Reader[ProjectFacts]:
    read = FactsReader()

    def from_entry(value: Any, attachment: bytes | memoryview) -> ProjectFacts:
        facts = read(orjson.loads(attachment))
        if facts.id != value:
            raise ValueError("the cached facts are not the entry's project")
        return facts

    return from_entry


def _due_index_reader() -> Reader[DueProject]:
    return due_index_from_json


FACTS = View("facts-cache.json", FACTS_FORMAT, _facts_entry, _facts_reader)
DUE_INDEX = View("due-cache.json", DUE_INDEX_FORMAT, due_index_of, _due_index_reader)


@dataclass
class Ledger(Generic[Item]):
    config: Config
    projects: dict[str, Item] = field(default_factory=dict)
    """By project id, in file-name order."""
    invalid: list[str] = field(default_factory=list)
    """File names of files that are no valid project: unreadable, refused by the schema or
    by a rule (`projledger check` says why)."""


FactsLedger = Ledger[ProjectFacts]
DueLedger = Ledger[DueProject]


def load_view(
    root: LedgerRoot, view: View[Item], *, use_cache: bool = True, rebuild: bool = False
) -> Ledger[Item]:
    """`rebuild`: parse every file and write the cache anew (an entry was found damaged
    after it was read: `DamagedEntryError`)."""
    # Decoding builds ~1.5 million small objects at 10,000 projects (facts), none in a
    # cycle, and they stay for the whole run.
    with gc_paused(keep=True):
        return _load(root, view, use_cache, rebuild)


def as_is(project: "Project") -> "Project":
    """For `ledger_at`: the projects as models."""
    return project


def ledger_at(
    root: LedgerRoot, revision: str, convert: "Callable[[Project], Item]"
) -> tuple[Ledger[Item], str]:
    """The projects as a commit (or the end of a day, YYYY-MM-DD) had them, each
    converted (`FACTS.from_project`, `DUE_INDEX.from_project`, `as_is`), with the config
    as it is now (units and thresholds declared today), and the commit's id. Like the
    work tree's, it leaves out (and names) the files `check` would fail."""
    from projledger.check.rules import count_rule_errors
    from projledger.history.asof import snapshot_at
    from projledger.ledger.load import load_config

    snapshot = snapshot_at(root, revision)
    ledger: Ledger[Item] = Ledger(load_config(root))
    ledger.invalid = list(snapshot.invalid)
    for project_id, project in snapshot.projects.items():
        if count_rule_errors(project, f"{project_id}.yaml", ledger.config):
            ledger.invalid.append(f"{project_id}.yaml")
        else:
            ledger.projects[project_id] = convert(project)
    _leave_out_shared_codes(ledger)
    return ledger, snapshot.commit


def _load(root: LedgerRoot, view: View[Item], use_cache: bool, rebuild: bool) -> Ledger[Item]:
    cache: BlobCache | None = None
    if use_cache:
        # The rules' verdict on a file depends on the config (its units, people, stages).
        config, config_blob = cached_config_and_blob(root)
        cache = BlobCache.in_state_dir(root, view.cache_file, _fingerprint(view, config_blob))
        if rebuild:
            cache.clear()
    else:
        from projledger.ledger.load import load_config

        config = load_config(root)
    ledger: Ledger[Item] = Ledger(config)
    read = view.reader()
    names: list[str] = []
    found: list[Item | None] = []
    # Files to parse: (index, blob id, bytes, stat).
    misses: list[tuple[int, str, bytes, os.stat_result]] = []
    for entry in _project_entries(root):
        try:
            if not entry.is_file(follow_symlinks=False):
                raise IsADirectoryError(entry.path)
            # Taken before the bytes are read: a write in between changes it, so the
            # stat remembered never vouches for older bytes.
            stat = entry.stat(follow_symlinks=False)
        except OSError:
            ledger.invalid.append(entry.name)
            continue
        # An unchanged stat spares reading and hashing the file (`BlobCache`).
        hit = cache.get_by_stat(entry.name, stat) if cache is not None else MISS
        item = _decoded(read, cache, entry.name, hit)
        if item is None:
            try:
                raw = read_ledger_bytes(entry.path)
            except OSError:
                ledger.invalid.append(entry.name)  # unreadable or too large: check says which
                continue
            # Bytes are kept only for a file to parse: a hit's memory is reused by the next.
            blob = blob_id(raw)
            hit = cache.get(entry.name, blob, stat) if cache is not None else MISS
            item = _decoded(read, cache, entry.name, hit)
            if item is None and hit is not None:
                misses.append((len(names), blob, raw, stat))  # a miss, or a damaged entry
        names.append(entry.name)
        found.append(item)
    if misses:
        _parse(view, read, cache, config, names, found, misses)
    if cache is not None:
        cache.retain(set(names))
        cache.save()
    for name, item in zip(names, found, strict=True):
        if item is None or f"{item.id}.yaml" != name:
            ledger.invalid.append(name)
        else:
            ledger.projects[item.id] = item
    _leave_out_shared_codes(ledger)
    return ledger


def _leave_out_shared_codes(ledger: Ledger[Item]) -> None:
    """Projects that share a national code (an error of `check`, PL301) are all left out
    and listed with the invalid files: which one holds the right code is for a person to
    say, and counting both would count one project twice. Sorts `invalid`."""
    holders: dict[str, list[str]] = {}
    for project_id, item in ledger.projects.items():
        if item.code and not _retired_duplicate(item):
            holders.setdefault(item.code, []).append(project_id)
    for ids in holders.values():
        if len(ids) > 1:
            for project_id in ids:
                del ledger.projects[project_id]
                ledger.invalid.append(f"{project_id}.yaml")
    ledger.invalid.sort()


def _retired_duplicate(item: object) -> bool:
    """A duplicate retired with `retire --duplicate-of` keeps the real project's code (not
    PL301): a model says so in its record, facts and the due index by leaving every
    figure from the start (`Project.leaves_figures_on`)."""
    retirement = getattr(item, "retirement", None)
    if retirement is not None:
        return getattr(retirement, "duplicate_of", None) is not None
    return getattr(item, "retired_on", None) == dt.date.min


def _parse(
    view: View[Item],
    read: Reader[Item],
    cache: BlobCache | None,
    config: Config,
    names: list[str],
    found: list[Item | None],
    misses: list[tuple[int, str, bytes, os.stat_result]],
) -> None:
    """Parse the files the cache could not answer for (in worker processes), fill their
    places in `found` and the cache."""
    from projledger.parallel import map_in_workers

    work = partial(_rows, view.to_json, config)
    parsed = map_in_workers(work, [(names[i], raw) for i, _, raw, _ in misses])
    for (index, blob, _, stat), row in zip(misses, parsed, strict=True):
        value, attachment = row if row is not None else (None, None)
        if value is not None:
            found[index] = read(value, attachment or b"")
        if cache is not None:
            cache.put(names[index], blob, value, stat, attachment)


def _decoded(read: Reader[Item], cache: BlobCache | None, name: str, hit: Any) -> Item | None:
    """The cached value decoded; None for a miss, for a file known to be no project
    (cached as None), or for an entry that cannot be decoded (damaged: parse again)."""
    if hit is MISS or hit is None or cache is None:
        return None
    try:
        return read(hit, cache.attachment(name))
    except (LookupError, TypeError, ValueError, AttributeError):
        return None


def _project_entries(root: LedgerRoot) -> list[os.DirEntry[str]]:
    """projects/*.yaml, sorted by name (os.scandir: no stat per file where the file
    system gives the type)."""
    try:
        with os.scandir(root.projects_dir) as entries:
            found = [e for e in entries if e.name.endswith(".yaml") and not e.name.startswith(".")]
    except OSError:
        return []
    return sorted(found, key=lambda e: e.name)


def _rows(
    to_json: "Callable[[Project], tuple[Any, bytes | None]]",
    config: Config,
    work: Sequence[tuple[str, bytes]],
) -> list[tuple[Any, bytes | None] | None]:
    """Each file's cache row and attachment, or None for a file that `check` fails: the
    same per-file check (the form of the file, the schema, the rules) decides."""
    from projledger.check.files import check_project_bytes

    rows: list[tuple[Any, bytes | None] | None] = []
    for name, raw in work:
        checked = check_project_bytes(raw, name, name.removesuffix(".yaml"), config)
        if checked.project is not None and not checked.has_errors:
            rows.append(to_json(checked.project))
        else:
            rows.append(None)
    return rows


def _fingerprint(view: View[Any], config_blob: str) -> str:
    return code_fingerprint(
        b"%s %d" % (view.cache_file.encode(), view.version),
        "ids.py",
        "store/reader.py",
        "ledger/facts_cache.py",  # what makes a file's row (`_rows`)
        "check/*.py",
        "compute/facts.py",
        "compute/deadlines.py",
        "ledger/due_index.py",
        "model/*.py",
        extra=config_blob.encode(),
    )

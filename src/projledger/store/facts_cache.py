"""Every project's facts (`compute/facts.py`), for reports: read fast, cached by content.

A project file's facts are kept in `.projledger/facts-cache.json` under the file's git
blob id, so a file is parsed and validated only when its bytes change; the cache is
dropped whole when the reader, the models or the facts change. Misses are parsed in
worker processes. A file that cannot be read as a project is listed in `invalid` (and
remembered as such for its content): reports go on without it and say so.
"""

import gc
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from projledger.compute.facts import (
    FACTS_FORMAT,
    ProjectFacts,
    facts_from_json,
    facts_to_json,
    project_facts,
)
from projledger.model import Config
from projledger.root import LedgerRoot
from projledger.store.blob_cache import MISS, BlobCache, blob_id
from projledger.store.ledger import load_config

CACHE_FILE = "facts-cache.json"


@dataclass
class FactsLedger:
    config: Config
    projects: dict[str, ProjectFacts] = field(default_factory=dict)
    """By project id, in file-name order."""
    invalid: list[str] = field(default_factory=list)
    """File names that could not be read as projects (`projledger check` says why)."""


def load_facts(root: LedgerRoot, *, use_cache: bool = True) -> FactsLedger:
    # Decoding builds ~1.5 million small objects at 10,000 projects, none in a cycle:
    # the cyclic collector would scan the growing heap again and again (half the time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_facts(root, use_cache)
    finally:
        gc.freeze()  # what was loaded stays for the whole run: never scan it again
        if enabled:
            gc.enable()


def facts_at(root: LedgerRoot, revision: str) -> tuple[FactsLedger, str]:
    """The projects as a commit (or the end of a day, YYYY-MM-DD) had them, with the
    config as it is now (units and thresholds declared today), and the commit's id."""
    from projledger.history.asof import snapshot_at

    snapshot = snapshot_at(root, revision)
    ledger = FactsLedger(load_config(root))
    for project_id, project in snapshot.projects.items():
        ledger.projects[project_id] = project_facts(project)
    ledger.invalid = sorted(snapshot.invalid)
    return ledger, snapshot.commit


def _load_facts(root: LedgerRoot, use_cache: bool) -> FactsLedger:
    config = load_config(root)
    ledger = FactsLedger(config)
    raws: list[tuple[str, bytes]] = []
    for entry in _project_entries(root):
        if not entry.is_file(follow_symlinks=False):
            ledger.invalid.append(entry.name)
            continue
        try:
            raws.append((entry.name, Path(entry.path).read_bytes()))
        except OSError:
            ledger.invalid.append(entry.name)
    cache = _cache(root) if use_cache else None
    blobs = [blob_id(raw) for _, raw in raws]
    found: list[ProjectFacts | None] = [None] * len(raws)
    misses: list[int] = []
    for index, ((name, _), blob) in enumerate(zip(raws, blobs, strict=True)):
        hit = cache.get(name, blob) if cache is not None else MISS
        if hit is MISS:
            misses.append(index)
        elif hit is not None:
            try:
                found[index] = facts_from_json(hit)
            except (LookupError, TypeError, ValueError, AttributeError):
                misses.append(index)  # a damaged entry: parse the file again
    if misses:
        from projledger.parallel import map_in_workers

        parsed = map_in_workers(_facts_rows, [raws[i] for i in misses])
        for index, row in zip(misses, parsed, strict=True):
            found[index] = facts_from_json(row) if row is not None else None
            if cache is not None:
                cache.put(raws[index][0], blobs[index], row)
    if cache is not None:
        cache.retain({name for name, _ in raws})
        cache.save()
    for (name, _), facts in zip(raws, found, strict=True):
        if facts is None or f"{facts.id}.yaml" != name:
            ledger.invalid.append(name)
        else:
            ledger.projects[facts.id] = facts
    ledger.invalid.sort()
    return ledger


def _project_entries(root: LedgerRoot) -> list[os.DirEntry[str]]:
    """projects/*.yaml, sorted by name (os.scandir: no stat per file where the file
    system gives the type)."""
    try:
        with os.scandir(root.projects_dir) as entries:
            found = [e for e in entries if e.name.endswith(".yaml") and not e.name.startswith(".")]
    except OSError:
        return []
    return sorted(found, key=lambda e: e.name)


def _facts_rows(work: Sequence[tuple[str, bytes]]) -> list[list[Any] | None]:
    """Each file's facts as cache rows, or None for a file that is not a valid project."""
    from projledger.check.validation import validate
    from projledger.model import Project
    from projledger.store.reader import read_yaml

    rows: list[list[Any] | None] = []
    for name, raw in work:
        read = read_yaml(raw, name)
        project = validate(Project, read.data, name)[0] if read.parsed else None
        rows.append(facts_to_json(project_facts(project)) if isinstance(project, Project) else None)
    return rows



def _cache(root: LedgerRoot) -> BlobCache:
    try:
        path: Path | None = root.state_dir() / CACHE_FILE
    except OSError:
        path = None  # a read-only root: parse everything, keep nothing
    return BlobCache(path, _fingerprint())


def _fingerprint() -> str:
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1(b"%d\0" % FACTS_FORMAT, usedforsecurity=False)
    sources = [
        package / "ids.py",
        package / "store" / "reader.py",
        package / "compute" / "facts.py",
    ]
    sources.extend(sorted((package / "model").glob("*.py")))
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()

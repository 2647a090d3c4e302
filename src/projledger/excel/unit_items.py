"""Every project's open issues and tasks with what a unit's workbook shows of them, and
the blob id of the file they were read from: cached by content in
`.projledger/unit-items-cache.json`, as the reports' facts are (store/blob_cache.py), so
`export units --all` at 10,000 projects parses only the files changed since the last run.
A file `check` fails is left out and named."""

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from projledger.ledger.config_cache import cached_config_and_blob
from projledger.model.config import Config
from projledger.root import LedgerRoot
from projledger.store.blob_cache import MISS, BlobCache, blob_id, code_fingerprint
from projledger.store.limits import read_ledger_bytes

CACHE_FILE = "unit-items-cache.json"
VERSION = 1
OPEN_ISSUE_STATES = ("已登记", "已交办", "办理中", "持续推进", "待核验")


@dataclass(frozen=True)
class Item:
    project: str
    project_name: str
    blob: str
    kind: str
    """问题 or 任务."""
    id: str
    title: str
    unit: str
    state: str
    due: dt.date | None
    """The deadline in force."""
    deadline: str | None
    last_progress: str
    measure: str
    """A task's target (126 户), else ""."""
    raised: dt.date | None

    def open_on(self, day: dt.date) -> bool:
        return self.raised is None or self.raised <= day


@dataclass
class UnitItems:
    config: Config
    items: list[Item]
    invalid: list[str]


def load_unit_items(root: LedgerRoot) -> UnitItems:
    from projledger.gcpause import gc_paused

    config, config_blob = cached_config_and_blob(root)
    fingerprint = code_fingerprint(
        b"%s %d" % (CACHE_FILE.encode(), VERSION),
        "excel/unit_items.py",
        "check/*.py",
        "model/*.py",
        "store/reader.py",
        extra=config_blob.encode(),
    )
    cache = BlobCache.in_state_dir(root, CACHE_FILE, fingerprint)
    found: dict[str, tuple[str, Any]] = {}
    misses: list[tuple[str, str, bytes, os.stat_result]] = []
    names: set[str] = set()
    with gc_paused(keep=True):
        for entry in _entries(root):
            names.add(entry.name)
            try:
                stat = entry.stat(follow_symlinks=False)
                hit = cache.get_by_stat(entry.name, stat)
                if hit is not MISS:
                    found[entry.name] = (cache.entries[entry.name][0], hit)
                    continue
                raw = read_ledger_bytes(entry.path)
            except OSError:
                found[entry.name] = ("", None)
                continue
            blob = blob_id(raw)
            hit = cache.get(entry.name, blob, stat)
            if hit is MISS:
                misses.append((entry.name, blob, raw, stat))
            else:
                found[entry.name] = (blob, hit)
        if misses:
            from projledger.parallel import map_in_workers

            rows = map_in_workers(partial(_rows, config), [(n, raw) for n, _, raw, _ in misses])
            for (name, blob, _, stat), value in zip(misses, rows, strict=True):
                cache.put(name, blob, value, stat)
                found[name] = (blob, value)
        cache.retain(names)
        cache.save()
        return _decode(config, found)


def _entries(root: LedgerRoot) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(root.projects_dir) as entries:
            return sorted(
                (e for e in entries if e.name.endswith(".yaml") and not e.name.startswith(".")),
                key=lambda e: e.name,
            )
    except OSError:
        return []


def _rows(config: Config, work: Sequence[tuple[str, bytes]]) -> list[Any]:
    from projledger.check.files import check_project_bytes

    out: list[Any] = []
    for name, raw in work:
        checked = check_project_bytes(raw, name, name.removesuffix(".yaml"), config)
        project = checked.project
        if project is None or checked.has_errors:
            out.append(None)
            continue
        due = {d.target: d for d in project.deadlines}
        items = []
        for issue in project.issues:
            if issue.state not in OPEN_ISSUE_STATES or not issue.unit:
                continue
            deadline = due.get(issue.id)
            last = issue.progress[-1] if issue.progress else None
            items.append(
                [
                    "问题",
                    issue.id,
                    issue.title,
                    issue.unit,
                    issue.state,
                    deadline.effective_due.isoformat() if deadline else None,
                    deadline.id if deadline else None,
                    f"{last.date} {last.note}" if last else "",
                    "",
                    issue.raised.isoformat(),
                ]
            )
        for task in project.tasks:
            if task.state == "已完成":
                continue
            deadline = due.get(task.id)
            measure = ""
            if task.measure is not None:
                done = f"，已完成 {_n(task.measure.done)}" if task.measure.done is not None else ""
                measure = f"{_n(task.measure.amount)} {task.measure.unit}{done}"
            items.append(
                [
                    "任务",
                    task.id,
                    task.title,
                    task.unit,
                    task.state,
                    deadline.effective_due.isoformat() if deadline else None,
                    deadline.id if deadline else None,
                    task.note or "",
                    measure,
                    None,
                ]
            )
        out.append({"name": project.name, "items": items})
    return out


def _n(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _decode(config: Config, found: dict[str, tuple[str, Any]]) -> UnitItems:
    items: list[Item] = []
    invalid: list[str] = []
    for name, (blob, value) in sorted(found.items()):
        if not isinstance(value, dict):
            invalid.append(name)
            continue
        project = name.removesuffix(".yaml")
        for row in value["items"]:
            kind, item_id, title, unit, state, due, deadline, last, measure, raised = row
            items.append(
                Item(
                    project,
                    value["name"],
                    blob,
                    kind,
                    item_id,
                    title,
                    unit,
                    state,
                    dt.date.fromisoformat(due) if due else None,
                    deadline,
                    last,
                    measure,
                    dt.date.fromisoformat(raised) if raised else None,
                )
            )
    return UnitItems(config, items, invalid)

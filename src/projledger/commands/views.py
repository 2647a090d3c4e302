"""`show` and `list`: read the ledger (now, or as it was), filter, render."""

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from projledger.errors import ProjledgerError
from projledger.model import Project
from projledger.refs import resolve_item, resolve_project
from projledger.root import LedgerRoot
from projledger.store.ledger import Ledger, load_ledger

ITEM_LISTS = {"issues", "tasks", "deadlines"}


def ledger(root: LedgerRoot, as_of: str | None) -> Ledger:
    if as_of is None:
        return load_ledger(root)
    from projledger.history.asof import snapshot_at

    # The projects as they were; the declarations (units, thresholds) as they are now.
    snapshot = snapshot_at(root, as_of)
    current = load_ledger(root, projects=False)
    return Ledger(current.config, snapshot.projects, sorted(snapshot.invalid))


def console() -> Any:
    from rich.console import Console

    # Piped into a file or another program, tables need not fit an 80-column terminal.
    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def _warn_invalid(ledger: Ledger) -> None:
    if ledger.invalid:
        sys.stderr.write(
            f"projledger: warning: {len(ledger.invalid)} file(s) could not be read and are left "
            f"out: {', '.join(ledger.invalid[:5])}; run `projledger check`\n"
        )


def show(
    root_path: Path,
    project: str,
    item: str | None,
    today: dt.date,
    as_of: str | None,
    as_json: bool,
) -> int:
    from projledger.render import views

    root = LedgerRoot(root_path)
    if as_of is None:
        # One file read, not the whole ledger (seconds at 10,000 projects).
        from projledger.refs import project_in_root
        from projledger.store.ledger import load_checked_project, load_config

        config = load_config(root)
        model, errors = load_checked_project(root, project_in_root(root, project), config)
        if errors:
            sys.stderr.write(
                f"projledger: warning: {model.id}.yaml has {errors} error(s): `projledger "
                "check` fails it and the reports leave it out until it is fixed\n"
            )
    else:
        current = ledger(root, as_of)
        _warn_invalid(current)
        config = current.config
        model = current.projects[resolve_project(project, sorted(current.projects))]
    window = config.due_soon_days
    if item is None:
        if as_json:
            _json(model.model_dump(mode="json", exclude_none=True))
        else:
            views.show_project(console(), model, today, window)
        return 0
    ref = resolve_item(model.model_dump(mode="python"), item)
    found = getattr(model, ref.list_name)[ref.index]
    if as_json:
        _json(found.model_dump(mode="json", exclude_none=True))
    else:
        views.show_item(console(), model, found, today, window)
    return 0


def list_(
    root_path: Path,
    kind: str,
    today: dt.date,
    as_of: str | None,
    as_json: bool,
    unit: str | None,
    leader: str | None,
    level: str | None,
    pool: str | None,
    state: str | None,
    project: str | None,
) -> int:
    from projledger.render import views

    if kind not in ITEM_LISTS | {"projects"}:
        raise ProjledgerError(f"list what? projects, issues, tasks or deadlines (not {kind!r})")
    root = LedgerRoot(root_path)
    current = ledger(root, as_of)
    _warn_invalid(current)
    projects = [
        p
        for p in current.projects.values()
        if (leader is None or p.lead_leader == leader)
        and (level is None or level in p.levels)
        and (pool is None or p.pool == pool)
        and (project is None or p.id.startswith(project))
    ]
    if kind == "projects":
        if unit is not None:
            projects = [p for p in projects if any(r.unit == unit for r in p.responsibilities)]
        if state is not None:
            projects = [p for p in projects if any(i.state == state for i in p.issues)]
        if as_json:
            _json([p.model_dump(mode="json", exclude_none=True) for p in projects])
        else:
            views.list_projects(console(), current, projects, today)
        return 0
    rows: list[tuple[Project, Any]] = []
    for p in projects:
        for item in getattr(p, kind):
            if kind != "deadlines":
                if unit is not None and item.unit != unit:
                    continue
                if state is not None and item.state != state:
                    continue
            rows.append((p, item))
    if as_json:
        _json(
            [
                {"project": p.id, **item.model_dump(mode="json", exclude_none=True)}
                for p, item in rows
            ]
        )
    else:
        views.list_items(console(), kind, rows, today, current.config.due_soon_days)
    return 0


def _json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")

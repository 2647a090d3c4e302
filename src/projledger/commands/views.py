"""`show` and `list`: read the ledger (now, or as it was), filter, render."""

import datetime as dt
import glob
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from projledger.commands.terminal import console
from projledger.errors import ProjledgerError
from projledger.ledger.facts_cache import as_is, ledger_at
from projledger.messages import Lang, lists, msg, text
from projledger.model import Project
from projledger.refs import Named, pick_project, resolve_item
from projledger.root import LedgerRoot
from projledger.safe_text import printable

if TYPE_CHECKING:
    from projledger.compute.facts import ProjectFacts
    from projledger.model import Config

ITEM_LISTS = {"issues", "tasks", "deadlines"}


def _warn_invalid(invalid: list[str], lang: Lang) -> None:
    """The files left out, in the run's language."""
    if invalid:
        rest = len(invalid) - 5
        more = text("views.files_left_out.more", lang, n=rest) if rest > 0 else ""
        names = printable(lists.names(invalid[:5], lang))  # file names may hold controls
        shown = text("views.files_left_out", lang, n=len(invalid), names=names, more=more)
        sys.stderr.write(shown + "\n")


def show(
    root_path: Path,
    project: str,
    item: str | None,
    today: dt.date,
    at: str | None,
    as_json: bool,
    lang: Lang,
) -> int:
    from projledger.render import views

    root = LedgerRoot(root_path)
    if at is None:
        # One file read, not the whole ledger (seconds at 10,000 projects).
        from projledger.ledger.config_cache import cached_config
        from projledger.ledger.load import load_checked_project
        from projledger.ledger.names import find_project

        config = cached_config(root)
        project_id = find_project(root, project)
        model, errors = load_checked_project(root, project_id, config)
        if errors:
            warning = text("views.show_has_errors", lang, file=f"{model.id}.yaml", n=errors)
            sys.stderr.write(warning + "\n")
    else:
        then, _ = ledger_at(root, at, as_is)
        _warn_invalid(then.invalid, lang)
        config = then.config
        model = then.projects[_named_project(project, then.projects)]
    window = config.due_soon_days
    if item is None:
        if as_json:
            _json(model.model_dump(mode="json", exclude_none=True))
        else:
            views.show_project(console(), model, today, window, config.ranking)
        return 0
    ref = resolve_item(model.model_dump(mode="python"), item)
    found = getattr(model, ref.list_name)[ref.index]
    if as_json:
        _json(found.model_dump(mode="json", exclude_none=True))
    else:
        views.show_item(console(), model, found, today, window, config.ranking, lang=lang)
    return 0


def _named_project(typed: str, projects: "dict[str, Project]") -> str:
    """A project of a past snapshot by its id, name or pinyin (as `find_project`)."""
    from projledger.ledger.names import pinyin_of

    if typed in projects:
        return typed
    named = [Named(p.id, p.name, p.pool.value, *pinyin_of(p.name)) for p in projects.values()]
    return pick_project(typed, named)


def list_(
    root_path: Path,
    kind: str,
    today: dt.date,
    at: str | None,
    as_json: bool,
    unit: str | None,
    leader: str | None,
    level: str | None,
    pool: str | None,
    state: str | None,
    project: str | None,
    lang: Lang,
) -> int:
    """Projects or items chosen on their facts: from the reports' cache, so a second run
    over 10,000 files parses none, and leaving out (and naming) the files `check` fails,
    as the reports do. `--json` dumps the chosen projects' full records."""
    from projledger.ledger.facts_cache import FACTS, load_view
    from projledger.render import views

    if kind not in ITEM_LISTS | {"projects"}:
        raise ProjledgerError(msg("usage.list_what", kind=kind))
    root = LedgerRoot(root_path)
    only = _Only(unit, leader, level, pool, state, project)
    if at is not None and as_json:
        # Full records as they were: the snapshot's models.
        from projledger.compute.facts import project_facts

        then, _ = ledger_at(root, at, as_is)
        _warn_invalid(then.invalid, lang)
        only = _units_resolved(only, then.config, root, lang)
        chosen = _choose([project_facts(p) for p in then.projects.values()], kind, only)
        _json_rows(kind, chosen, then.projects.__getitem__)
        return 0
    facts = load_view(root, FACTS) if at is None else ledger_at(root, at, FACTS.from_project)[0]
    _warn_invalid(facts.invalid, lang)
    only = _units_resolved(only, facts.config, root, lang)
    chosen = _choose(list(facts.projects.values()), kind, only)
    if as_json:
        from projledger.ledger.load import load_project

        _json_rows(kind, chosen, lambda project_id: load_project(root, project_id))
    elif kind == "projects":
        window, rules = facts.config.due_soon_days, facts.config.ranking
        views.list_projects(console(), [p for p, _ in chosen], today, window, rules)
    else:
        views.list_items(
            console(), kind, chosen, today, facts.config.due_soon_days, facts.config.ranking
        )
    return 0


def _units_resolved(only: "_Only", config: "Config", root: LedgerRoot, lang: Lang) -> "_Only":
    """--unit as the declared full name (a short name or variant resolved; an unknown name
    refused with the closest declared ones), and how each item's unit is compared with it;
    --project by name too."""
    from projledger.model.unit_names import UnitNames

    names = UnitNames(config)
    unit = names.require(only.unit) if only.unit is not None else None
    project = only.project
    if project is not None and not any(root.projects_dir.glob(f"{glob.escape(project)}*.yaml")):
        from projledger.ledger.names import find_project

        project = find_project(root, project)
    return only._replace(unit=unit, project=project, full_name=names.full_name)


class _Only(NamedTuple):
    """`list`'s filters (None: any)."""

    unit: str | None
    leader: str | None
    level: str | None
    pool: str | None
    state: str | None
    project: str | None
    """A prefix of the project id."""
    full_name: "Callable[[str | None], str | None] | None" = None
    """An item's unit as written → the declared full name (`--unit` is one)."""


def _choose(
    projects: "list[ProjectFacts]", kind: str, only: _Only
) -> "list[tuple[ProjectFacts, Any]]":
    """(project, None) for each project listed, or (project, item) for each item, where
    the item is the project's `kind` entry (its facts, in the file's order)."""
    unit, state = only.unit, only.state

    def full(written: str | None) -> str | None:
        return only.full_name(written) if only.full_name is not None else written

    projects = [
        p
        for p in projects
        if (only.leader is None or p.leader == only.leader)
        and (only.level is None or only.level in p.levels)
        and (only.pool is None or p.pool == only.pool)
        and (only.project is None or p.id.startswith(only.project))
    ]
    if kind == "projects":
        return [
            (p, None)
            for p in projects
            if (unit is None or any(full(r_unit) == unit for _, r_unit, _ in p.responsibilities))
            and (state is None or any(i.state == state for i in p.issues))
        ]
    chosen: list[tuple[ProjectFacts, Any]] = []
    for p in projects:
        for item in getattr(p, kind):
            if kind != "deadlines" and (
                (unit is not None and full(item.unit) != unit)
                or (state is not None and item.state != state)
            ):
                continue
            chosen.append((p, item))
    return chosen


def _json_rows(
    kind: str, chosen: "list[tuple[ProjectFacts, Any]]", model: "Callable[[str], Project]"
) -> None:
    """The chosen projects' or items' full records, read from their models."""
    if kind == "projects":
        _json([model(p.id).model_dump(mode="json", exclude_none=True) for p, _ in chosen])
        return
    rows = []
    models: dict[str, Project] = {}
    for p, item in chosen:
        if p.id not in models:
            models[p.id] = model(p.id)
        entry = next(e for e in getattr(models[p.id], kind) if e.id == item.id)
        rows.append({"project": p.id, **entry.model_dump(mode="json", exclude_none=True)})
    _json(rows)


def _json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")

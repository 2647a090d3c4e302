"""Shell completion of the values a clerk types: projects by name (or id), items,
units, people, and the fixed choices (states, stages, levels, pools, roles, ...).

Each completer is called by typer's completion (`projledger --install-completion`) with
what has been typed so far; it reads as little as it can: the names cache of projects/
(not the files), one project file's ids and titles, the config's declarations. Nothing
here may raise: a completer that fails offers nothing.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import typer

_ITEM_LINE = re.compile(r"\bid:\s*([ITRD]-[0-9A-Z]{4,12})\b(?:[^\n]*?\btitle:\s*([^,}\n]+))?")
_TITLE_LINE = re.compile(r"^\s+title:\s*(.+?)\s*$", re.M)
_SPACE = re.compile(r"\s")


def _root(ctx: typer.Context) -> Path | None:
    from projledger.root import find_root

    given = ctx.params.get("root")
    try:
        return Path(given).resolve() if given else find_root(Path.cwd()).path
    except Exception:
        return None


def _safely(complete: Callable[[typer.Context, str], list[Any]]) -> Callable[..., list[Any]]:
    def guarded(ctx: typer.Context, incomplete: str) -> list[Any]:
        try:
            return complete(ctx, incomplete)
        except Exception:
            return []

    guarded.__name__ = complete.__name__
    return guarded


@_safely
def projects(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Projects as a clerk names them: the ids that begin with what was typed (with the
    name as help), and the names that do (with the id as help); typed nothing, the names.
    A name the command would not take back (two live projects share it, or the shell
    would split it) is offered as its id. From the names cache: no project file is read.

    Only what begins with the typed text: typer drops any other offer (and zsh and fish
    would), so a pinyin or a fragment is completed by the command, not the shell."""
    from projledger.ledger.names import remembered_names
    from projledger.refs import RETIRED_STATE
    from projledger.root import LedgerRoot

    root = _root(ctx)
    if root is None:
        return []
    known = remembered_names(LedgerRoot(root))
    named = Counter(name for _, name, _ in known)
    live = Counter(name for _, name, pool in known if pool != RETIRED_STATE)
    offered = []
    for project_id, name, pool in known:
        if incomplete and project_id.startswith(incomplete):
            offered.append((project_id, name))
            continue
        if not name.startswith(incomplete):
            continue
        # a name picks its one live project, or a retired one that shares it with none
        sharing = live if pool != RETIRED_STATE else named
        if name and sharing[name] == 1 and not _SPACE.search(name):
            offered.append((name, project_id))
        elif project_id.startswith(incomplete):
            offered.append((project_id, name))
    return sorted(offered)


def _argument(ctx: typer.Context, name: str, position: int) -> str | None:
    """A command's argument as typed so far. Completing an option's value, click leaves
    the arguments before it unparsed, in `ctx.args`."""
    value = ctx.params.get(name)
    if value is None and len(ctx.args) > position and not ctx.args[position].startswith("-"):
        value = ctx.args[position]
    return value if isinstance(value, str) and value else None


def _project_id(ctx: typer.Context, root: Path) -> str | None:
    """The id of the project the command line names so far, if it names one."""
    from projledger.ledger.names import project_names
    from projledger.refs import find_projects
    from projledger.root import LedgerRoot

    typed = _argument(ctx, "project", 0)
    if typed is None:
        return None
    if (root / "projects" / f"{typed}.yaml").is_file():
        return typed
    found = find_projects(typed, project_names(LedgerRoot(root)))
    return found[0].id if len(found) == 1 else None


@_safely
def items(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The ids of the project's items (with their titles), from its file's text: those
    whose id begins with what was typed. The project may be named as the commands take it
    (by name, fragment or pinyin)."""
    root = _root(ctx)
    project = _project_id(ctx, root) if root is not None else None
    if root is None or project is None:
        return []
    text = (root / "projects" / f"{project}.yaml").read_text(encoding="utf-8")
    listed: list[tuple[str, str]] = []
    for match in _ITEM_LINE.finditer(text):
        item_id, title = match.group(1), match.group(2)
        if title is None:  # a block mapping: the title is on a line of its own
            following = _TITLE_LINE.search(text, match.end())
            title = following.group(1) if following else ""
        listed.append((item_id, title.strip()))
    return [(i, t) for i, t in listed if i.upper().startswith(incomplete.upper())]


def _declared(ctx: typer.Context) -> dict[str, Any]:
    from projledger.store.reader import read_yaml

    root = _root(ctx)
    if root is None:
        return {}
    data = read_yaml((root / "projledger.yaml").read_bytes(), "projledger.yaml").data
    return data if isinstance(data, dict) else {}


@_safely
def units(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Declared units, full names and short names, each with the other as help."""
    found = []
    for unit in _declared(ctx).get("units") or ():
        name, short = str(unit.get("name", "")), str(unit.get("short") or "")
        for typed, other in ((name, short), (short, name)):
            if typed and typed.startswith(incomplete):
                found.append((typed, other))
    return found


@_safely
def people(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Declared people, with their unit as help."""
    return [
        (str(person.get("name")), str(person.get("unit") or ""))
        for person in _declared(ctx).get("people") or ()
        if str(person.get("name", "")).startswith(incomplete)
    ]


def _starting(values: Iterable[str], incomplete: str) -> list[str]:
    return [value for value in dict.fromkeys(values) if value.startswith(incomplete)]


def _choices(kind: str, values: Callable[[], Iterable[str]]) -> Callable[..., list[Any]]:
    """A completer offering fixed values (an enum's) that begin with what was typed."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        return _starting(values(), incomplete)

    complete.__name__ = kind
    return _safely(complete)


def _enum(name: str) -> Callable[[], Iterable[str]]:
    def values() -> list[str]:
        from projledger.model import enums

        return [str(member) for member in getattr(enums, name)]

    return values


def _procedures() -> tuple[str, ...]:
    from projledger.model.project import ApprovalKind

    return ApprovalKind.ALL


levels = _choices("levels", _enum("Level"))
pools = _choices("pools", _enum("Pool"))
maturities = _choices("maturities", _enum("Maturity"))
roles = _choices("roles", _enum("Role"))
categories = _choices("categories", _enum("IssueCategory"))
sources = _choices("sources", _enum("IssueSource"))
causes = _choices("causes", _enum("CauseSide"))
funding_sources = _choices("funding_sources", _enum("FundingSource"))
approval_statuses = _choices("approval_statuses", _enum("ApprovalStatus"))
procedures = _choices("procedures", _procedures)
states = _choices("states", lambda: [*_enum("IssueState")(), *_enum("TaskState")()])


@_safely
def stages(ctx: typer.Context, incomplete: str) -> list[str]:
    """The stages projledger.yaml declares (the defaults when it names none)."""
    declared = _declared(ctx)
    new, continuing = declared.get("stages"), declared.get("continuing_stages")
    if not isinstance(new, list) or not isinstance(continuing, list):
        from projledger.model.config import DEFAULT_CONTINUING_STAGES, DEFAULT_STAGES

        new = new if isinstance(new, list) else list(DEFAULT_STAGES)
        continuing = continuing if isinstance(continuing, list) else DEFAULT_CONTINUING_STAGES
    return _starting((str(s) for s in [*new, *continuing]), incomplete)


@_safely
def targets(ctx: typer.Context, incomplete: str) -> list[str]:
    """`advance --to`: with an item, the states of issues and tasks; without, the stages."""
    if _argument(ctx, "item", 1) is not None:
        return list(states(ctx, incomplete))
    return list(stages(ctx, incomplete))

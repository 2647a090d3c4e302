"""Shell completion of the values a clerk types: project ids, item ids, units, people.

Each completer is called by typer's completion (`projledger --install-completion`) with
what has been typed so far; it reads as little as it can: the names in projects/, one
project file's ids and titles, the config's declarations. Nothing here may raise: a
completer that fails offers nothing.
"""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

_ITEM_LINE = re.compile(r"\bid:\s*([ITRD]-[0-9A-Z]{4,12})\b(?:[^\n]*?\btitle:\s*([^,}\n]+))?")
_TITLE_LINE = re.compile(r"^\s+title:\s*(.+?)\s*$", re.M)


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
def projects(ctx: typer.Context, incomplete: str) -> list[str]:
    """Project ids starting with what was typed (one directory listing)."""
    import os

    root = _root(ctx)
    if root is None:
        return []
    names = os.listdir(root / "projects")  # noqa: PTH208 - names only
    return sorted(
        name.removesuffix(".yaml")
        for name in names
        if name.endswith(".yaml") and name.startswith(incomplete)
    )


@_safely
def items(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The ids of the project's items (with their titles), from its file's text."""
    root = _root(ctx)
    project = ctx.params.get("project")
    if root is None or not project:
        return []
    text = (root / "projects" / f"{project}.yaml").read_text(encoding="utf-8")
    found: list[tuple[str, str]] = []
    for match in _ITEM_LINE.finditer(text):
        item_id, title = match.group(1), match.group(2)
        if title is None:  # a block mapping: the title is on a line of its own
            following = _TITLE_LINE.search(text, match.end())
            title = following.group(1) if following else ""
        if item_id.upper().startswith(incomplete.upper()):
            found.append((item_id, title.strip()))
    return found


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

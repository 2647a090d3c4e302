"""`projledger history`, `projledger log` (changes in a period) and `projledger audit`."""

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from projledger.commands.check import OutputFormat, print_report
from projledger.errors import UsageError

if TYPE_CHECKING:
    from projledger.messages import Lang
    from projledger.root import LedgerRoot


class HistoryFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def run_history(
    root_path: Path,
    project: str,
    item: str | None,
    output: HistoryFormat,
    use_cache: bool = True,
    lang: "Lang" = "en",
) -> int:
    """The timeline of one project, or of one of its items, oldest change first."""
    from projledger.history.timeline import LedgerHistory, project_history
    from projledger.root import LedgerRoot

    root = LedgerRoot(root_path)
    project = _by_name(root, project)
    history = LedgerHistory(root, use_cache=use_cache)
    try:
        project_id, item_id, changes = project_history(history, project, item)
    finally:
        history.close()
    if output == HistoryFormat.JSON:
        from projledger.history.render import render_json

        render_json("history", {"project": project_id, "item": item_id}, changes, sys.stdout)
    else:
        from projledger.history.render import render_table
        from projledger.messages import text

        if item_id:
            title = text("history.title.item", lang, project=project_id, item=item_id)
        else:
            title = text("history.title.project", lang, project=project_id)
        render_table(title, changes, sys.stdout, lang=lang)
    return 0


def _by_name(root: "LedgerRoot", typed: str) -> str:
    """A project named by its name, a fragment or its pinyin (`ledger.names`) as its id;
    an id, an id prefix or a path as typed (the history also knows deleted projects)."""
    import glob

    if "/" in typed or typed.endswith(".yaml"):
        return typed
    if any(root.projects_dir.glob(f"{glob.escape(typed)}*.yaml")):
        return typed
    from projledger.errors import ProjledgerError
    from projledger.ledger.names import find_project

    try:
        return find_project(root, typed)
    except UsageError:
        raise
    except ProjledgerError:
        return typed  # perhaps a deleted project: the history says


def parse_day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date; write it as YYYY-MM-DD") from None


def run_log(
    root_path: Path,
    since: str | None,
    until: str | None,
    unit: str | None,
    project: str | None,
    output: HistoryFormat,
    use_cache: bool = True,
    lang: "Lang" = "en",
) -> int:
    """Every change whose author date falls within [since, until] (whole days)."""
    from projledger.history.timeline import LedgerHistory, find_project, period_changes
    from projledger.root import LedgerRoot

    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    if first is not None and last is not None and last < first:
        raise UsageError(f"--until {last} is before --since {first}")
    root = LedgerRoot(root_path)
    units = _unit_names(root, unit) if unit is not None else None
    history = LedgerHistory(root, use_cache=use_cache)
    try:
        project_id = find_project(history, project) if project is not None else None
        changes = period_changes(history, first, last, project=project_id, units=units)
    finally:
        history.close()
    if output == HistoryFormat.JSON:
        from projledger.history.render import render_json

        query = {
            "since": first.isoformat() if first else None,
            "until": last.isoformat() if last else None,
            "unit": unit,
            "project": project_id,
        }
        render_json("log", query, changes, sys.stdout)
    else:
        from projledger.history.render import render_table
        from projledger.messages import text

        period = f"{first or '…'} – {last or '…'}"
        title = text("history.title.period", lang, period=period)
        comma = "，" if lang == "zh" else ", "
        title += f"{comma}{unit}" if unit else ""
        title += f"{comma}{project_id}" if project_id else ""
        render_table(title, changes, sys.stdout, project_column=project_id is None, lang=lang)
    return 0


def _unit_names(root: "LedgerRoot", unit: str) -> set[str]:
    """The unit's declared name and short name (either may be typed); a unit that is not
    declared (any more) is searched for as typed, with a note."""
    from projledger.store.reader import read_yaml

    try:
        config = read_yaml(root.config_file.read_bytes(), str(root.config_file)).data
    except OSError:
        config = None
    units = config.get("units") if isinstance(config, dict) else None
    for declared in units if isinstance(units, list) else ():
        if not isinstance(declared, dict):
            continue
        names = {str(declared[k]) for k in ("name", "short") if declared.get(k)}
        if unit in names:
            return names
    sys.stderr.write(f"projledger: note: unit {unit!r} is not declared in projledger.yaml\n")
    return {unit}


def parse_range(revisions: str) -> tuple[str, str]:
    """`BASE..HEAD` (or `BASE...HEAD`, the same to audit) or `BASE` (then HEAD)."""
    text = revisions.strip()
    if "..." in text:
        base, _, head = text.partition("...")
    elif ".." in text:
        base, _, head = text.partition("..")
    else:
        base, head = text, ""
    if not base:
        raise UsageError(f"{revisions!r} names no starting commit; write it as BASE..HEAD")
    return base, head or "HEAD"


def run_audit(root_path: Path, revisions: str, output: OutputFormat, cwd: Path) -> int:
    """History rules (PL5xx) over the commits in BASE..HEAD, printed like `check`'s findings."""
    from projledger.check.run import CheckReport
    from projledger.history.audit import audit_range
    from projledger.root import LedgerRoot

    base, head = parse_range(revisions)
    result = audit_range(LedgerRoot(root_path), base, head, cwd=cwd)
    return print_report(CheckReport(result.findings, result.files, result.texts), output)

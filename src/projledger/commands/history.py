"""`projledger history`, `projledger log` (changes in a period) and `projledger audit`."""

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from projledger.commands.check import OutputFormat, print_report
from projledger.errors import UsageError
from projledger.messages import msg

if TYPE_CHECKING:
    from collections.abc import Callable

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
    """A project named by its name, a fragment or its pinyin (`ledger.names`) as its id,
    several candidates a usage error listing them; a path, or an id or prefix only one
    file in projects/ has, as typed; a name no project has now as typed too (perhaps a
    deleted project: the history says)."""
    import glob
    from itertools import islice

    if "/" in typed or typed.endswith(".yaml"):
        return typed
    if len(list(islice(root.projects_dir.glob(f"{glob.escape(typed)}*.yaml"), 2))) == 1:
        return typed
    from projledger.errors import ProjledgerError
    from projledger.ledger.names import find_project

    try:
        return find_project(root, typed)
    except UsageError:
        raise
    except ProjledgerError:
        return typed


def parse_day(text: str | None) -> dt.date | None:
    """`--since`/`--until`: a day in any form the other date options take."""
    from projledger.dates import NotADayError
    from projledger.dates import parse_day as day_of

    if text is None:
        return None
    try:
        return day_of(text.strip())
    except NotADayError as exc:
        raise UsageError(*exc.args) from None


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

    first, last = parse_day(since), parse_day(until)
    if first is not None and last is not None and last < first:
        raise UsageError(msg("history.until_before_since", last=last, first=first))
    root = LedgerRoot(root_path)
    is_unit = _unit_test(root, unit) if unit is not None else None
    history = LedgerHistory(root, use_cache=use_cache)
    try:
        project_id = find_project(history, _by_name(root, project)) if project else None
        changes = period_changes(history, first, last, project=project_id, unit=is_unit)
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


def _unit_test(root: "LedgerRoot", unit: str) -> "Callable[[object], bool]":
    """Whether a unit as an item writes it is the unit `--unit` names: through the one
    resolver, so its short name, a variant or a former name typed or written in the file
    all count; an unknown name is refused with the closest declared ones."""
    from projledger.ledger.config_cache import cached_config
    from projledger.model.unit_names import UnitNames

    names = UnitNames(cached_config(root))
    full = names.require(unit)
    return lambda written: isinstance(written, str) and names.full_name(written) == full


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
        raise UsageError(msg("audit.no_base", revisions=revisions))
    return base, head or "HEAD"


def run_audit(
    root_path: Path, revisions: str, output: OutputFormat, cwd: Path, lang: "Lang" = "en"
) -> int:
    """History rules (PL5xx) over the commits in BASE..HEAD, printed like `check`'s findings."""
    from projledger.check.run import CheckReport
    from projledger.history.audit import audit_range
    from projledger.root import LedgerRoot

    base, head = parse_range(revisions)
    result = audit_range(LedgerRoot(root_path), base, head, cwd=cwd)
    checked = _audited(result.commits, result.files, lang)
    report = CheckReport(result.findings, result.files, result.texts, checked=checked)
    return print_report(report, output, lang)


def _audited(commits: int, files: int, lang: "Lang") -> str:
    """What the summary says audit checked: the commits, and the files they changed."""
    from projledger.messages import text

    said = text("count.commits", lang, n=commits)
    if not files:
        return said
    return text("audit.checked", lang, commits=said, files=text("count.files", lang, n=files))

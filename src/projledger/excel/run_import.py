"""`projledger import FILE`: a 台账, a workbook `export ledger` wrote, or a unit's
filled-in workbook (`export unit`), told apart by the hidden sheet projledger's own
workbooks carry. A 台账 or a ledger workbook is planned whole (plan.py), then written as
one commit; a unit's workbook is applied item by item (unit_import.py).

Rows that cannot be imported (or a unit's rows not applied) do not stop the others, which
are committed; but the import then exits 1, so a script or CI notices, unless the caller
said beforehand that failed rows are expected (`allow_failed_rows`)."""

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from projledger.changes.lock import WAIT_SECONDS
from projledger.changes.transaction import holding_root
from projledger.excel.commit import FileWrite, message, refuse_hand_edits, write_and_commit
from projledger.excel.failed import failed_rows_path, write_failed_rows
from projledger.excel.plan import ImportOptions, Plan
from projledger.excel.workbook import Workbook, open_workbook
from projledger.gitrepo import Identity
from projledger.messages import Area, Lang, lists
from projledger.root import LedgerRoot

say = Area("excel")


@dataclass
class RunOptions:
    dry_run: bool = False
    commit: bool = True
    author: Identity | None = None
    lock_wait: float = WAIT_SECONDS
    allow_failed_rows: bool = False
    """Exit 0 when some rows fail (they are listed and written out all the same)."""
    notify: Callable[[str], None] = field(default=lambda note: None)
    """Tells the user, in one line, what was done besides the import (a change a killed
    command left, finished or undone)."""
    lang: Lang = "en"
    """The language of what the import prints."""


def import_workbook(
    root_path: Path, file: Path, options: ImportOptions, run: RunOptions, out: TextIO = sys.stdout
) -> int:
    from projledger.excel.meta import read_meta

    root = LedgerRoot(root_path)
    workbook = open_workbook(file)
    meta = read_meta(workbook)
    if meta is not None and meta.kind == "unit":
        from projledger.excel.unit_import import import_unit_workbook

        return import_unit_workbook(root, workbook, meta, options, run, out)
    with holding_root(root, lock_wait=run.lock_wait, notify=run.notify, dry_run=run.dry_run):
        plan = _plan(root, workbook, options, meta is not None)
        return _carry_out(root, file, plan, run, out)


def _plan(root: LedgerRoot, workbook: Workbook, options: ImportOptions, ledger: bool) -> Plan:
    from projledger.ledger.config_cache import cached_config

    config = cached_config(root)
    if ledger:
        from projledger.excel.read_ledger import plan_ledger_workbook

        return plan_ledger_workbook(root, workbook, config, options)
    from projledger.excel.import_sheet import plan_sheet

    return plan_sheet(root, workbook, config, options)


def _carry_out(root: LedgerRoot, file: Path, plan: Plan, run: RunOptions, out: TextIO) -> int:
    changed = plan.changed
    writes = [FileWrite(s.path, s.old_text, s.new_text) for s in changed]
    if plan.declared is not None:
        writes.insert(0, FileWrite(root.config_file, plan.declared.old_text, plan.declared.text))
    lang = run.lang
    _print_plan(plan, out, details=run.dry_run, lang=lang)
    if run.dry_run:
        out.write(say(lang, "dry_run") + "\n")
        where = say(lang, "failed.where_listed")
        return failed_rows_exit(len(plan.failures), where, imported=False, run=run)
    commit = None
    if writes:
        from projledger.changes.guard import refuse_files_authority_rejects

        files = [
            (w.path, w.old_text.encode() if w.old_text is not None else None, w.new_text.encode())
            for w in writes
        ]
        refuse_files_authority_rejects(root, files, run.author)  # the config's members
        repo = refuse_hand_edits(root, writes, lang) if run.commit else None
        subject = _subject(plan)
        text = message(subject, "import", {"Projledger-Source": plan.source})
        commit = write_and_commit(root, repo, writes, text, run.author)
    failed = failed_rows_path(file)
    if plan.failures:
        write_failed_rows(failed, plan.sheets, plan.failures, plan.header_rows)
    elif failed.exists():
        failed.unlink()  # the last run's list, now stale
    if commit:
        out.write(say(lang, "committed", commit=commit[:8], subject=_subject(plan)) + "\n")
    elif writes:
        out.write(say(lang, "not_committed") + "\n")
    else:
        out.write(say(lang, "nothing_to_change") + "\n")
    where = say(lang, "failed.where_file", file=failed)
    return failed_rows_exit(len(plan.failures), where, imported=bool(writes), run=run)


def failed_rows_exit(
    count: int,
    where: str,
    *,
    imported: bool,
    run: RunOptions,
    verb: str = "imported",
    fix: str = "import_again",
) -> int:
    """The exit code of an import of which `count` rows failed (said on stderr): 1, unless
    failed rows were allowed. `verb` and `fix` name catalogue entries (excel.verb.*,
    excel.fix.*); `where` is said already in the run's language."""
    if not count:
        return 0
    lang = run.lang
    verbed = say(lang, f"verb.{verb}")
    if run.allow_failed_rows:
        sys.stderr.write(say(lang, "failed.warning", n=count, verb=verbed, where=where) + "\n")
        return 0
    done = (
        say(lang, "failed.dry_run")
        if run.dry_run
        else say(lang, "failed.others_done", verb=verbed)
        if imported
        else ""
    )
    fixed = say(lang, f"fix.{fix}")
    message = say(lang, "failed.error", n=count, verb=verbed, where=where, done=done, fix=fixed)
    sys.stderr.write(message + "\n")
    return 1


def _subject(plan: Plan) -> str:
    new = sum(1 for s in plan.changed if s.old_text is None)
    updated = len(plan.changed) - new
    parts = [f"新建项目 {new} 个" if new else "", f"更新 {updated} 个" if updated else ""]
    if plan.declared_units or plan.declared_people:
        parts.append(f"声明单位 {len(plan.declared_units)} 个、人员 {len(plan.declared_people)} 名")
    return f"[导入] {plan.source}: " + ("，".join(p for p in parts if p) or "无变化")


def _print_plan(plan: Plan, out: TextIO, *, details: bool, lang: Lang) -> None:
    for note in plan.notes:
        out.write(say(lang, "plan.note", note=note) + "\n")
    for unit in plan.declared_units:
        out.write(say(lang, "plan.declare_unit", unit=unit) + "\n")
    for name, unit in plan.declared_people:
        out.write(say(lang, "plan.declare_person", name=name, unit=unit) + "\n")
    for staged in plan.staged:
        rows = _row_list([r.row for r in staged.rows], lang)
        if staged.old_text is None:
            mark, what = "+", "new"
        elif staged.changed:
            mark, what = "~", "changed"
        else:
            mark, what = "=", "unchanged"
        line = say(
            lang,
            "plan.project",
            mark=mark,
            id=staged.project_id,
            name=staged.name,
            what=say(lang, f"plan.{what}"),
            rows=rows,
        )
        out.write(line + "\n")
        if details and staged.changed:
            for change in staged.describe(lang):
                out.write(f"    {change}\n")
    # A project that fails takes its rows on every sheet with it: one line for it, and
    # how many rows went with it (each is in the failed-rows workbook with the reason).
    followers: dict[tuple[str, int], list[str]] = {}
    for failure in plan.failures:
        if failure.first is not None:
            followers.setdefault(failure.first, []).append(failure.sheet)
    leading = [f for f in plan.failures if f.first is None]
    for failure in sorted(leading, key=lambda f: (f.sheet, f.row)):
        line = say(
            lang,
            "plan.failed",
            file=plan.source,
            sheet=failure.sheet,
            row=failure.row + 1,
            reason=failure.reason,
        )
        out.write(line + "\n")
        sheets = followers.get((failure.sheet, failure.row))
        if sheets:
            listed = lists.names(sorted(set(sheets)), lang)
            out.write(say(lang, "plan.failed_with", n=len(sheets), sheets=listed) + "\n")
    counted = say(
        lang,
        "summary",
        imported=plan.imported_rows,
        projects=len(plan.staged),
        new=sum(1 for s in plan.staged if s.old_text is None),
        changed=sum(1 for s in plan.staged if s.old_text is not None and s.changed),
        unchanged=sum(1 for s in plan.staged if not s.changed),
        failed=len(plan.failures),
    )
    skipped = sorted((kind, len(rows)) for kind, rows in plan.skipped.items())
    if skipped:
        counts = [say(lang, f"skipped.{kind}", n=count) for kind, count in skipped]
        counted += say(lang, "summary.skipped", skipped=lists.names(counts, lang))
    out.write(counted + "\n")


def _row_list(rows: list[int], lang: Lang) -> str:
    shown = sorted({r + 1 for r in rows})
    if not shown:
        return say(lang, "rows.none")
    if len(shown) == 1:
        return say(lang, "rows.one", row=shown[0])
    if shown == list(range(shown[0], shown[-1] + 1)):
        return say(lang, "rows.range", first=shown[0], last=shown[-1])
    listed = lists.names([str(r) for r in shown[:8]] + (["…"] if len(shown) > 8 else []), lang)
    return say(lang, "rows.list", rows=listed)

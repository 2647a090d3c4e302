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
from projledger.root import LedgerRoot


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
    _print_plan(plan, out, details=run.dry_run)
    if run.dry_run:
        out.write("dry run: nothing written\n")
        return failed_rows_exit(len(plan.failures), "listed above", imported=False, run=run)
    commit = None
    if writes:
        from projledger.changes.guard import refuse_files_authority_rejects

        files = [
            (w.path, w.old_text.encode() if w.old_text is not None else None, w.new_text.encode())
            for w in writes
        ]
        refuse_files_authority_rejects(root, files, run.author)  # the config's members
        repo = refuse_hand_edits(root, writes) if run.commit else None
        subject = _subject(plan)
        text = message(subject, "import", {"Projledger-Source": plan.source})
        commit = write_and_commit(root, repo, writes, text, run.author)
    failed = failed_rows_path(file)
    if plan.failures:
        write_failed_rows(failed, plan.sheets, plan.failures, plan.header_rows)
    elif failed.exists():
        failed.unlink()  # the last run's list, now stale
    if commit:
        out.write(f"committed {commit[:8]}: {_subject(plan)}\n")
    elif writes:
        out.write("written, not committed (--no-commit)\n")
    else:
        out.write("nothing to change: the ledger already holds what the sheet says\n")
    return failed_rows_exit(
        len(plan.failures), f"listed with the reason in {failed}", imported=bool(writes), run=run
    )


def failed_rows_exit(
    count: int,
    where: str,
    *,
    imported: bool,
    run: RunOptions,
    verb: str = "imported",
    fix: str = "correct them and import again",
) -> int:
    """The exit code of an import of which `count` rows failed (said on stderr): 1, unless
    failed rows were allowed."""
    if not count:
        return 0
    if run.allow_failed_rows:
        sys.stderr.write(f"projledger: warning: {count} row(s) not {verb}, {where}\n")
        return 0
    done = (
        " (dry run: nothing written)"
        if run.dry_run
        else f"; the other rows were {verb}"
        if imported
        else ""
    )
    sys.stderr.write(
        f"projledger: error: {count} row(s) not {verb}, {where}{done}. To finish, {fix}; "
        "pass --allow-failed-rows when failed rows are expected\n"
    )
    return 1


def _subject(plan: Plan) -> str:
    new = sum(1 for s in plan.changed if s.old_text is None)
    updated = len(plan.changed) - new
    parts = [f"新建项目 {new} 个" if new else "", f"更新 {updated} 个" if updated else ""]
    if plan.declared_units or plan.declared_people:
        parts.append(f"声明单位 {len(plan.declared_units)} 个、人员 {len(plan.declared_people)} 名")
    return f"[导入] {plan.source}: " + ("，".join(p for p in parts if p) or "无变化")


def _print_plan(plan: Plan, out: TextIO, *, details: bool) -> None:
    for note in plan.notes:
        out.write(f"note: {note}\n")
    for unit in plan.declared_units:
        out.write(f"+ declare unit {unit}\n")
    for name, unit in plan.declared_people:
        out.write(f"+ declare person {name} ({unit})\n")
    for staged in plan.staged:
        rows = _row_list([r.row for r in staged.rows])
        if staged.old_text is None:
            mark, what = "+", "new"
        elif staged.changed:
            mark, what = "~", "changed"
        else:
            mark, what = "=", "no change"
        out.write(f"{mark} {staged.project_id}  {staged.name}  ({what}; {rows})\n")
        if details and staged.changed:
            for line in staged.describe():
                out.write(f"    {line}\n")
    for failure in sorted(plan.failures, key=lambda f: (f.sheet, f.row)):
        out.write(
            f"✗ {plan.source}, sheet {failure.sheet}, row {failure.row + 1}: {failure.reason}\n"
        )
    skipped = {kind: len(rows) for kind, rows in plan.skipped.items()}
    imported = plan.imported_rows
    counted = (
        f"{imported} row(s) imported into {len(plan.staged)} project(s) "
        f"({sum(1 for s in plan.staged if s.old_text is None)} new, "
        f"{sum(1 for s in plan.staged if s.old_text is not None and s.changed)} changed, "
        f"{sum(1 for s in plan.staged if not s.changed)} unchanged); "
        f"{len(plan.failures)} failed"
    )
    if skipped:
        names = {"subtotal": "subtotal", "section": "section heading", "blank": "blank"}
        counted += "; skipped: " + ", ".join(
            f"{count} {names.get(kind, kind)}" for kind, count in sorted(skipped.items())
        )
    out.write(f"summary: {counted}\n")


def _row_list(rows: list[int]) -> str:
    shown = sorted({r + 1 for r in rows})
    if not shown:
        return "no rows"
    if len(shown) == 1:
        return f"row {shown[0]}"
    if shown == list(range(shown[0], shown[-1] + 1)):
        return f"rows {shown[0]}-{shown[-1]}"
    return "rows " + ", ".join(str(r) for r in shown[:8]) + (" …" if len(shown) > 8 else "")

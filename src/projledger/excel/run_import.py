"""`projledger import FILE`: a 台账, a workbook `export ledger` wrote, or a unit's
filled-in workbook (`export unit`), told apart by the hidden sheet projledger's own
workbooks carry. A 台账 or a ledger workbook is planned whole (plan.py), then written as
one commit; a unit's workbook is applied item by item (unit_import.py)."""

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from projledger.changes.lock import WAIT_SECONDS, RootLock
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
    with RootLock(root.state_dir(), run.lock_wait):
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
        return 0
    commit = None
    if writes:
        repo = refuse_hand_edits(root, writes) if run.commit else None
        subject = _subject(plan)
        text = message(subject, "import", {"Projledger-Source": plan.source})
        commit = write_and_commit(repo, writes, text, run.author)
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
    if plan.failures:
        sys.stderr.write(
            f"projledger: warning: {len(plan.failures)} row(s) not imported, listed with the "
            f"reason in {failed}\n"
        )
    return 0


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

"""Importing a unit's filled-in workbook: each row's entries applied to its item, one
commit per item, authored by the unit (`--author`).

For each row the ledger now is compared with the version of the project file the row was
exported from (its blob id), field by field:

- already so (the same note logged, the same quantity, 待核验 with this explanation, the
  same extension asked for): nothing to do, so a workbook imported twice applies nothing;
- changed in the ledger since the export in a field the row fills in (another note
  logged, the quantity set, the state moved, the deadline extended): the row is not
  applied and is listed with both values; the other rows are;
- else applied: 本周进展 is a progress note (a task's note), 已完成数量 sets the task's
  measure.done, 申请核验 moves the issue to 待核验 with its explanation and evidence,
  申请延期 records a request (deadlines[].requests) for the approver, who grants it with
  `projledger extend`.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TextIO

from projledger.errors import ProjledgerError
from projledger.excel.meta import Meta
from projledger.excel.values import CellError, amount, day, text, yaml_number
from projledger.excel.workbook import Sheet, Workbook
from projledger.excel.write_unit import COL, FIRST_ROW, HEADER_ROW, LABELS, SHEET
from projledger.messages import Area, Lang, lists, msg
from projledger.root import LedgerRoot

say = Area("excel.unit")

Plain = Any
EDITABLE = LABELS[COL["本周进展"] : COL["项目编号"]]


@dataclass
class Entry:
    """What one row asks for."""

    row: int
    project: str
    item: str
    blob: str
    note: str | None = None
    done: float | None = None
    verify: tuple[str, str] | None = None
    """(explanation, evidence)."""
    extend: tuple[dt.date, str] | None = None
    """(new due date, reason)."""


@dataclass
class Outcome:
    entry: Entry
    result: str
    """applied / already / conflict / refused."""
    detail: str
    commit: str | None = None
    conflicts: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


def import_unit_workbook(
    root: LedgerRoot, workbook: Workbook, meta: Meta, options: Any, run: Any, out: TextIO
) -> int:
    from projledger.ledger.config_cache import cached_config

    config = cached_config(root)
    unit = meta.values.get("unit", "")
    if unit not in {u.name for u in config.units}:
        raise ProjledgerError(
            msg("excel.unit.undeclared", file=workbook.path.name, unit=unit or "?")
        )
    _author_is_the_unit(workbook, unit, config, run)
    sheet = workbook.sheet(SHEET) if SHEET in workbook.sheet_names else None
    if sheet is None:
        raise ProjledgerError(msg("excel.unit.no_sheet", file=workbook.path.name, sheet=SHEET))
    lang: Lang = run.lang
    entries, refused = _entries(sheet, lang)
    exported = _exported(root, entries, workbook.path.name)
    short = {u.short: u.name for u in config.units if u.short}
    for entry in entries:
        item = _find(exported.get(entry.blob), entry.item)
        owner = item.get("unit") if item else None
        if item is None or short.get(str(owner), owner) != unit:
            raise ProjledgerError(
                msg(
                    "excel.unit.not_its_item",
                    file=workbook.path.name,
                    row=entry.row + 1,
                    item=entry.item,
                    unit=unit,
                )
            )
    outcomes = [Outcome(e, "refused", reason) for e, reason in refused]
    files: dict[str, Plain] = {}
    for entry in entries:
        now = _current(root, entry.project, files)
        judged = _judge(root, entry, exported[entry.blob], now, lang)
        if judged.result == "apply" and not run.dry_run:
            judged = _commit(root, entry, judged.steps, unit, options, run)
        outcomes.append(judged)
    _summary(outcomes, workbook.path.name, unit, out, run.dry_run, lang)
    from projledger.excel.run_import import failed_rows_exit

    failed = sum(1 for o in outcomes if o.result in ("conflict", "refused"))
    applied = any(o.result == "applied" for o in outcomes)
    return failed_rows_exit(
        failed, say(lang, "listed"), imported=applied, run=run, verb="applied", fix="unit_rows"
    )


def _author_is_the_unit(workbook: Workbook, unit: str, config: Any, run: Any) -> None:
    if run.author is None:
        raise ProjledgerError(msg("excel.unit.no_author", file=workbook.path.name, unit=unit))
    name = run.author.name
    units = {u.name: u.name for u in config.units} | {
        u.short: u.name for u in config.units if u.short
    }
    people = {p.name: p.unit for p in config.people}
    author_unit = units.get(name) or units.get(people.get(name, ""), people.get(name))
    if author_unit != unit:
        raise ProjledgerError(
            msg(
                "excel.unit.other_author",
                file=workbook.path.name,
                unit=unit,
                name=name if author_unit is None else f"{name}（{author_unit}）",
            )
        )


def _entries(sheet: Sheet, lang: Lang) -> tuple[list[Entry], list[tuple[Entry, str]]]:
    header = (
        [str(v).strip() if v is not None else "" for v in sheet.rows[HEADER_ROW]]
        if len(sheet.rows) > HEADER_ROW
        else []
    )
    if header[: len(LABELS)] != LABELS:
        raise ProjledgerError(
            msg("excel.unit.columns", file=sheet.file.name, sheet=sheet.name, row=HEADER_ROW + 1)
        )
    entries: list[Entry] = []
    refused: list[tuple[Entry, str]] = []
    for index in range(FIRST_ROW, len(sheet.rows)):
        values = sheet.rows[index]
        cells = {label: values[COL[label]] for label in LABELS}
        if all(cells[label] is None for label in EDITABLE):
            continue
        entry = Entry(
            index,
            str(cells["项目编号"] or ""),
            str(cells["事项编号"] or ""),
            str(cells["文件版本"] or ""),
        )
        if not (entry.project and entry.item and entry.blob):
            refused.append((entry, say(lang, "no_system_columns")))
            continue
        reasons = _read(entry, cells, lang)
        if reasons:
            refused.append((entry, lists.clauses(reasons, lang)))
        else:
            entries.append(entry)
    return entries, refused


def _read(entry: Entry, cells: dict[str, Any], lang: Lang) -> list[str]:
    reasons = []
    entry.note = text(cells["本周进展"])
    if cells["已完成数量"] is not None:
        try:
            entry.done = yaml_number(amount(cells["已完成数量"], "万元"))
        except CellError as error:
            reasons.append(say(lang, "cell", label="已完成数量", error=error.text(lang)))
    wants = text(cells["申请"])
    explanation, evidence = text(cells["说明"]), text(cells["佐证"])
    if wants == "是":
        if not explanation or not evidence:
            reasons.append(say(lang, "verify_needs"))
        else:
            entry.verify = (explanation, evidence)
    elif wants or explanation or evidence:
        reasons.append(say(lang, "verify_choose"))
    new_due, reason = cells["新时限"], text(cells["理由"])
    if new_due is not None or reason:
        if new_due is None or not reason:
            reasons.append(say(lang, "extend_needs"))
        else:
            try:
                entry.extend = (day(new_due, None), reason)
            except CellError as error:
                reasons.append(say(lang, "cell", label="新时限", error=error.text(lang)))
    return reasons


def _exported(root: LedgerRoot, entries: list[Entry], name: str) -> dict[str, Plain]:
    """Each exported version's data, by blob id (one `git cat-file --batch`)."""
    from projledger.gitrepo import LedgerRepo
    from projledger.store.reader import read_yaml

    blobs = sorted({e.blob for e in entries})
    if not blobs:
        return {}
    repo = LedgerRepo.open(root.path)
    try:
        contents = repo.blobs(blobs)
    except Exception:  # git's failure, whatever its form: said once
        raise ProjledgerError(msg("excel.unit.versions_missing", file=name)) from None
    return {blob: read_yaml(raw, blob).data for blob, raw in zip(blobs, contents, strict=True)}


def _find(data: Plain, item_id: str) -> dict[str, Plain] | None:
    if not isinstance(data, dict):
        return None
    for list_name in ("issues", "tasks"):
        for item in data.get(list_name) or ():
            if item.get("id") == item_id:
                return dict(item)
    return None


def _deadline(data: Plain, item_id: str) -> dict[str, Plain] | None:
    for deadline in data.get("deadlines") or ():
        if deadline.get("target") == item_id:
            return dict(deadline)
    return None


def _in_force(deadline: dict[str, Plain] | None) -> Any:
    if deadline is None:
        return None
    extensions = deadline.get("extensions") or []
    return extensions[-1]["new_due"] if extensions else deadline.get("due")


def _judge(root: LedgerRoot, entry: Entry, exported: Plain, now: Plain, lang: Lang) -> Outcome:
    """What to do with the row: its steps (result "apply"), or why nothing is done."""
    if now is None:
        return Outcome(entry, "conflict", say(lang, "file_gone"))
    then_item, now_item = _find(exported, entry.item), _find(now, entry.item)
    if now_item is None or then_item is None:
        gone = say(lang, "item_gone", item=entry.item, project=entry.project)
        return Outcome(entry, "conflict", gone)
    verdict = _Verdict(
        entry,
        then_item,
        now_item,
        _deadline(exported, entry.item),
        _deadline(now, entry.item),
        lang,
    )
    if verdict.conflicts:
        conflicts = lists.clauses(verdict.conflicts, lang)
        return Outcome(entry, "conflict", conflicts, conflicts=verdict.conflicts)
    if not verdict.steps:
        already = say(lang, "already", what=lists.names(verdict.already, lang))
        return Outcome(entry, "already", already)
    said = "、".join(STEP_NAMES[step] for step in verdict.steps)
    return Outcome(entry, "apply", said, steps=verdict.steps)


STEP_NAMES = {"note": "本周进展", "done": "已完成数量", "verify": "申请核验", "extend": "申请延期"}


def _current(root: LedgerRoot, project: str, read: dict[str, Plain]) -> Plain:
    """A project file as it is now (read once, with the fast reader)."""
    if project not in read:
        from projledger.excel.tree import plain
        from projledger.store.reader import read_yaml

        path = root.project_file(project)
        try:
            result = read_yaml(path.read_bytes(), path.name)
        except OSError:
            read[project] = None
        else:
            read[project] = plain(result.data) if result.parsed else None
    return read[project]


class _Verdict:
    """For each field the row fills in: applied, already so, or changed since the export."""

    def __init__(
        self,
        entry: Entry,
        then: dict[str, Plain],
        now: dict[str, Plain],
        then_deadline: dict[str, Plain] | None,
        now_deadline: dict[str, Plain] | None,
        lang: Lang,
    ) -> None:
        self.entry, self.then, self.now = entry, then, now
        self.lang = lang
        self.then_deadline, self.now_deadline = then_deadline, now_deadline
        self.steps: list[str] = []
        self.already: list[str] = []
        self.conflicts: list[str] = []
        if entry.note:
            self._note(entry.note)
        if entry.done is not None:
            self._done(entry.done)
        if entry.verify is not None:
            self._verify(entry.verify[0])
        if entry.extend is not None:
            self._extend(*entry.extend)

    def _note(self, note: str) -> None:
        if self.entry.item.startswith("I-"):
            notes_now = [p.get("note") for p in self.now.get("progress") or ()]
            if note in notes_now:
                self.already.append("进展")
            elif (self.now.get("progress") or []) != (self.then.get("progress") or []):
                self.conflict("now_and_here", label="本周进展", now=notes_now[-1], here=note)
            else:
                self.steps.append("note")
        elif self.now.get("note") == note:
            self.already.append("进展")
        elif self.now.get("note") != self.then.get("note"):
            self.conflict("now_and_here", label="本周进展", now=self.now.get("note"), here=note)
        else:
            self.steps.append("note")

    def _done(self, done: float) -> None:
        measure_now = self.now.get("measure") or {}
        measure_then = self.then.get("measure") or {}
        if not measure_now:
            self.conflict("no_measure")
        elif measure_now.get("done") == done:
            self.already.append("已完成数量")
        elif measure_now.get("done") != measure_then.get("done"):
            now = measure_now.get("done")
            self.conflict("now_and_here", label="已完成数量", now=now, here=done)
        else:
            self.steps.append("done")

    def _verify(self, explanation: str) -> None:
        verification = self.now.get("verification") or {}
        state_then, state_now = self.then.get("state"), self.now.get("state")
        if state_now == "待核验" and verification.get("explanation") == explanation:
            self.already.append("申请核验")
        elif state_now != state_then:
            self.conflict("state_changed", then=state_then, now=state_now)
        else:
            self.steps.append("verify")

    def _extend(self, new_due: dt.date, reason: str) -> None:
        requests = (self.now_deadline or {}).get("requests") or []
        asked_then = (self.then_deadline or {}).get("requests") or []
        due_then, due_now = _in_force(self.then_deadline), _in_force(self.now_deadline)
        if any(r.get("new_due") == new_due and r.get("reason") == reason for r in requests):
            self.already.append("申请延期")
        elif self.now_deadline is None:
            self.conflict("no_deadline")
        elif due_now != due_then or requests != asked_then:
            self.conflict("due_changed", then=due_then, now=due_now)
        else:
            self.steps.append("extend")

    def conflict(self, key: str, **args: object) -> None:
        self.conflicts.append(say(self.lang, f"conflict.{key}", **args))


def _commit(
    root: LedgerRoot, entry: Entry, steps: list[str], unit: str, options: Any, run: Any
) -> Outcome:
    from projledger.changes.transaction import ChangeOptions, change_project

    change_options = ChangeOptions(
        today=options.today,
        random_bits=options.random_bits,
        author=run.author,
        dry_run=run.dry_run,
        commit=run.commit,
        lock_wait=run.lock_wait,
        notify=run.notify,
        lang=run.lang,
    )
    try:
        outcome = change_project(root, entry.project, _edit(entry, steps, unit), change_options)
    except ProjledgerError as error:
        said = error.text(run.lang).splitlines()
        return Outcome(entry, "refused", lists.clauses((s.strip() for s in said), run.lang))
    return Outcome(entry, "applied", outcome.change.summary, outcome.commit)


def _edit(entry: Entry, steps: list[str], unit: str) -> Any:
    from projledger.changes.items import project_change
    from projledger.changes.loop import IssueStep, advance_issue
    from projledger.changes.transaction import Change, EditContext
    from projledger.changes.yamledit import append, field_order, put, sequence
    from projledger.model.project import Deadline, Issue, Measure, Task
    from projledger.refs import resolve_item

    def edit(ctx: EditContext) -> Change:
        ref = resolve_item(ctx.data, entry.item, kinds=("issues", "tasks"))
        item = ctx.data[ref.list_name][ref.index]
        said: list[str] = []
        old = new = None
        if "note" in steps:
            if ref.list_name == "issues":
                progress = sequence(item, "progress", field_order(Issue))
                append(progress, {"date": _fresh(ctx.today), "note": entry.note, "by": unit})
            else:
                put(item, "note", entry.note, field_order(Task))
            said.append(f"进展「{entry.note}」")
        if "done" in steps:
            measure = item["measure"]
            before = measure.get("done")
            put(measure, "done", entry.done, field_order(Measure))
            said.append(
                f"已完成 {before if before is not None else '—'} → {entry.done} "
                f"{measure.get('unit')}"
            )
        if "verify" in steps and entry.verify is not None:
            explanation, evidence = entry.verify
            change = advance_issue(
                ref.id,
                IssueStep(
                    to="待核验",
                    evidence=evidence,
                    explanation=explanation,
                    date=_fresh(ctx.today),
                ),
            )(ctx)
            old, new = change.old, change.new
            said.append("申请核验")
        if "extend" in steps and entry.extend is not None:
            deadline = next(d for d in ctx.data["deadlines"] if d.get("target") == ref.id)
            requests = sequence(deadline, "requests", field_order(Deadline))
            append(
                requests,
                {
                    "date": _fresh(ctx.today),
                    "new_due": entry.extend[0],
                    "reason": entry.extend[1],
                    "by": unit,
                },
            )
            said.append(f"申请延期至 {entry.extend[0]}")
        return project_change(
            ctx, "import", f"{unit}报送 {ref.id}: {'；'.join(said)}", item=ref.id, old=old, new=new
        )

    return edit


def _fresh(day: dt.date) -> dt.date:
    """A date object of its own: ruamel.yaml writes one object met twice in a file as an
    anchor and an alias, which ledger files may not hold."""
    return dt.date(day.year, day.month, day.day)


def _summary(
    outcomes: list[Outcome], source: str, unit: str, out: TextIO, dry_run: bool, lang: Lang
) -> None:
    from projledger.report.render_xlsx import display_width

    labels = {
        key: say(lang, f"result.{key}")
        for key in ("applied", "apply", "already", "conflict", "refused")
    }
    rows = [
        (
            str(o.entry.row + 1),
            o.entry.item or "—",
            labels[o.result],
            (o.detail + (f" ({o.commit[:8]})" if o.commit else "")),
        )
        for o in sorted(outcomes, key=lambda o: o.entry.row)
    ]
    header = tuple(say(lang, f"col.{key}") for key in ("row", "item", "result", "detail"))
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(3)]
    out.write(f"{source}: {unit}\n")
    for row in [header, *rows]:
        cells = [c + " " * (w - display_width(c)) for c, w in zip(row[:3], widths, strict=True)]
        out.write("  ".join([*cells, row[3]]).rstrip() + "\n")
    counts = {key: sum(1 for o in outcomes if o.result == key) for key in labels}
    summary = say(
        lang,
        "summary.dry_run" if dry_run else "summary",
        applied=counts["applied"] + counts["apply"],
        already=counts["already"],
        conflict=counts["conflict"],
        refused=counts["refused"],
    )
    out.write(summary + "\n")

"""Planning the import of a 台账 sheet: find its header, read its rows, resolve the
units and people it names, match its projects to the ledger and build their files."""

import datetime as dt
import re
from typing import Any

from projledger.dates import NotADayError, parse_day
from projledger.errors import ProjledgerError
from projledger.excel.build import BuildContext, DraftError, desired_project
from projledger.excel.declare import declare
from projledger.excel.figures import period_note
from projledger.excel.headers import IGNORED, Header, find_header
from projledger.excel.match import Existing, existing_projects
from projledger.excel.names import UnitResolver, person_name
from projledger.excel.plan import ImportOptions, Plan, refuse_unknown, with_rows
from projledger.excel.project_ids import project_id as new_project_id
from projledger.excel.rows import ProjectDraft, RowContext, SheetRead, holds_stages, read_rows
from projledger.excel.stage import Job, RowRef, Staged, stage_all
from projledger.excel.workbook import Sheet, Workbook
from projledger.ids import PROJECT_ID_RE
from projledger.messages import Area, composed, lists, msg
from projledger.model.config import Config
from projledger.root import LedgerRoot

say = Area("excel")

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_AS_OF = re.compile(r"截至\s*([0-9０-９年月日号底末.\-/]+)")
_SHEET_UNIT = re.compile(r"单位\s*[:：]\s*(亿元|万元|元)")
REQUIRED_COLUMNS = {
    "levels": "levels",
    "pool": "pool",
    "industry": "industry",
    "locality": "locality",
    "owner": "owner",
    "stage": "stage",
    "leader": "leader",
    "investment.total": "total",
}
"""A required field (as build.py names it) → the column that gives it."""


def choose_sheet(workbook: Workbook, options: ImportOptions) -> tuple[Sheet, Header]:
    wanted = options.sheet or options.mapping.sheet
    overrides = options.mapping.columns
    names = [wanted] if wanted else workbook.sheet_names
    if wanted and wanted not in workbook.sheet_names:
        raise ProjledgerError(
            msg(
                "excel.no_such_sheet",
                file=workbook.path.name,
                sheet=wanted,
                sheets=", ".join(workbook.sheet_names),
            )
        )
    empty = True
    for name in names:
        sheet = workbook.sheet(name)
        if any(any(v is not None for v in row) for row in sheet.rows):
            empty = False
        header = find_header(sheet, overrides, options.mapping.header_rows)
        if header is not None and {"name", "code", "id"} & set(header.fields):
            return sheet, header
    file = workbook.path.name
    if empty:
        if len(names) == 1:
            raise ProjledgerError(msg("excel.sheet_empty", file=file, sheet=names[0]))
        raise ProjledgerError(msg("excel.sheets_empty", file=file))
    if len(names) == 1:
        raise ProjledgerError(msg("excel.no_header.sheet", file=file, sheet=names[0]))
    raise ProjledgerError(msg("excel.no_header", file=file))


def plan_sheet(
    root: LedgerRoot, workbook: Workbook, config: Config, options: ImportOptions
) -> Plan:
    sheet, header = choose_sheet(workbook, options)
    _refuse_block_merges(sheet, header)
    plan = Plan(
        workbook.path.name,
        "台账",
        sheets={sheet.name: sheet},
        header_rows={sheet.name: header.rows},
        lang=options.lang,
    )
    year = _year(header, options)
    unit_match = _SHEET_UNIT.search(header.title)
    default_unit = options.mapping.amount_unit or (unit_match[1] if unit_match else "万元")
    context = RowContext(
        options.mapping, options.defaults, year, config.all_stages(), default_unit, options.lang
    )
    _progress_or_stage(plan, sheet, header, context, options)
    read = read_rows(sheet, header, context)
    _notes(plan, header, year, options)
    for failure in read.failures:
        plan.fail([RowRef(sheet.name, failure.row)], failure.reason)
    for kind, rows in read.skipped.items():
        plan.skipped[kind] = [RowRef(sheet.name, r) for r in rows]
    resolver = UnitResolver(config)
    config = _names(root, plan, read, resolver, config, options)
    existing = existing_projects(root)
    raised = _as_of(header, year) or options.today
    build = BuildContext(
        defaults=options.defaults,
        today=options.today,
        raised=options.defaults_day("issue.raised", year) or raised,
        basis=f"台账导入: {workbook.path.name}",
        random_bits=options.random_bits,
        unit=lambda written: resolver.resolve(written) or written,
    )
    missing: dict[str, list[int]] = {}
    taken = set(existing.ids)
    jobs = []
    for draft in read.drafts:
        job = _plan_draft(
            root, plan, sheet, header, draft, existing, build, taken, missing, options
        )
        if job is not None:
            jobs.append(job)
    if missing:
        listed = with_rows(missing.items())
        raise ProjledgerError(composed("excel.no_column_for", listed=listed))
    add_staged(plan, stage_all(root, jobs, config, options.lang))
    _codes_unique(plan, existing)
    plan.imported_rows = sum(len(s.rows) for s in plan.staged)
    return plan


def _progress_or_stage(
    plan: Plan, sheet: Sheet, header: Header, context: RowContext, options: ImportOptions
) -> None:
    """A 进展情况 column is the project's progress in words (current_progress); the stage
    comes from a column of stages (项目阶段, 所处阶段). When the sheet has no such column
    and every 进展情况 cell is a declared stage, that column is the stage, and the output
    says so. A column the mapping file names keeps the field it gives."""
    column = header.fields.get("progress")
    if column is None or "stage" in header.fields:
        return
    named = header.columns[column]
    texts = {named.label, *named.label.split("/"), _letter(named)}
    if texts & set(options.mapping.columns):
        return
    if holds_stages(sheet, header, context, column):
        named.field = "stage"
        header.fields["stage"] = header.fields.pop("progress")
        plan.notes.append(say(options.lang, "note.stages", label=named.label))


def _refuse_block_merges(sheet: Sheet, header: Header) -> None:
    """A merge over several rows and several fields of the data leaves no row whole: the
    sheet is refused, naming the cells (one row's merge across fields fails that row)."""
    from projledger.excel.headers import column_letter

    for r0, c0, r1, c1 in sheet.merged:
        if r0 <= header.last_row or r1 == r0 or c1 == c0:
            continue
        fields = {c.field for c in header.columns[c0 : c1 + 1] if c.field is not None}
        if len(fields) > 1:
            cells = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
            raise ProjledgerError(
                msg("excel.block_merge", file=sheet.file.name, sheet=sheet.name, cells=cells)
            )


def _year(header: Header, options: ImportOptions) -> int:
    if options.mapping.year:
        return options.mapping.year
    if options.year:
        return options.year
    found = _TITLE_YEAR.search(header.title)
    return int(found[1]) if found else options.today.year


def _as_of(header: Header, year: int) -> dt.date | None:
    found = _AS_OF.search(header.title)
    if found is None:
        return None
    try:
        return parse_day(found[1], year=year)
    except NotADayError:
        return None


def _notes(plan: Plan, header: Header, year: int, options: ImportOptions) -> None:
    ignored = [c.label for c in header.columns if c.field is None and c.label != _letter(c)]
    lang = options.lang
    if ignored:
        plan.notes.append(say(lang, "note.ignored", columns=lists.names(ignored, lang)))
    skipped = [c.label for c in header.columns if c.field in IGNORED]
    if skipped:
        plan.notes.append(say(lang, "note.computed", columns=lists.names(skipped, lang)))
    if not options.year and not options.mapping.year and not _TITLE_YEAR.search(header.title):
        plan.notes.append(say(lang, "note.year", year=year))
    period = period_note(header, options.lang)  # the completed column's 数据期, or none
    if period is not None:
        plan.notes.append(period)


def _letter(column: Any) -> str:
    from projledger.excel.headers import column_letter

    return column_letter(column.index)


def _names(
    root: LedgerRoot,
    plan: Plan,
    read: SheetRead,
    resolver: UnitResolver,
    config: Config,
    options: ImportOptions,
) -> Config:
    """Resolve every unit and person; refuse or declare (--declare) the unknown ones."""
    units: dict[str, list[int]] = {}
    people: dict[str, tuple[str | None, list[int]]] = {}
    leaders: dict[str, list[int]] = {}
    known_people = config.person_names()

    def unit(written: str | None, row: int) -> str | None:
        if not written:
            return None
        resolved = resolver.resolve(written)
        if resolved is None:
            units.setdefault(person_name(written), []).append(row)
            return person_name(written)
        return resolved

    def person(written: str | None, of_unit: str | None, row: int) -> None:
        if written and written not in known_people:
            known, rows = people.get(written, (of_unit, []))
            people[written] = (known or of_unit, [*rows, row])

    for draft in read.drafts:
        first = draft.rows[0]
        lead = unit(draft.lead_unit, first)
        for written in draft.row_units:
            unit(written, first)
        if draft.leader and draft.leader not in known_people:
            leaders.setdefault(draft.leader, []).append(first)
        for name in draft.row_people:
            person(name, lead, first)
        for issue in draft.issues:
            owner = unit(issue.unit, issue.row)
            for helper in issue.helpers:
                unit(helper, issue.row)
            person(issue.person, owner, issue.row)
    if not options.declare:
        refuse_unknown("units", units, "declare")
        listed = {**{n: r for n, (_, r) in people.items()}, **leaders}
        refuse_unknown("people", listed, "declare")
        return config
    leader_unit = options.defaults.get("leader_unit")
    if leaders and not leader_unit:
        refuse_unknown("leaders", leaders, "leader_unit")
    declared_units = sorted(units)
    resolver.extra = declared_units
    resolved_leader_unit = resolver.resolve(leader_unit) if leader_unit else None
    if leader_unit and leaders and resolved_leader_unit is None:
        raise ProjledgerError(msg("excel.no_leader_unit", unit=leader_unit))
    new_people: list[tuple[str, str]] = []
    homeless: dict[str, list[int]] = {}
    for name, (of_unit, rows) in sorted(people.items()):
        if of_unit is None:
            homeless[name] = rows
        else:
            new_people.append((name, of_unit))
    refuse_unknown("people", homeless, "homeless")
    new_people += [(name, str(resolved_leader_unit)) for name in sorted(leaders)]
    if not declared_units and not new_people:
        return config
    plan.declared = declare(root, declared_units, new_people)
    plan.declared_units = declared_units
    plan.declared_people = new_people
    return plan.declared.config


def _plan_draft(
    root: LedgerRoot,
    plan: Plan,
    sheet: Sheet,
    header: Header,
    draft: ProjectDraft,
    existing: Existing,
    build: BuildContext,
    taken: set[str],
    missing: dict[str, list[int]],
    options: ImportOptions,
) -> Job | None:
    rows = [RowRef(sheet.name, r) for r in dict.fromkeys(draft.rows)]
    record = draft.record
    code, name = record.get("code"), record.get("name")
    matched = existing.match(draft.id, code, name)
    if matched is None and name and len(existing.by_name.get(name, [])) > 1:
        ids = existing.by_name[name]
        plan.fail(
            rows,
            say(
                plan.lang, "fail.name_twice", name=name, n=len(ids), ids=lists.names(ids, plan.lang)
            ),
        )
        return None
    current = _current(root, matched) if matched else None
    if matched and current is not None:
        had = current.get("code")
        if code and had and code != had:
            plan.fail(rows, say(plan.lang, "fail.code_differs", code=code, had=had, id=matched))
            return None
    if matched is None:
        if draft.id is not None and not PROJECT_ID_RE.match(draft.id):
            plan.fail(rows, say(plan.lang, "fail.not_id", id=draft.id))
            return None
        project_id = draft.id or new_project_id(str(name or code), taken, options.id_prefix)
    else:
        project_id = matched
    taken.add(project_id)
    build.missing = {}
    try:
        desired = desired_project(draft, current, project_id, build)
    except DraftError as error:
        plan.fail(rows, error.text(plan.lang))
        return None
    if build.missing:
        empty = []
        for label, _ in build.missing.items():
            field = label.split("(")[-1].rstrip(")")
            column = REQUIRED_COLUMNS.get(field)
            if column in header.fields:
                empty.append(label)
            else:
                missing.setdefault(label, []).extend(draft.rows)
        if empty:
            plan.fail(rows, say(plan.lang, "fail.empty", fields=lists.names(empty, plan.lang)))
        return None
    return Job(project_id, desired, current is None, rows, figures_on=options.today)


def add_staged(plan: Plan, results: list[tuple[Staged, list[str]]]) -> None:
    """Each built file into the plan, or its rows into the failures."""
    for staged, errors in results:
        if errors:
            lang = plan.lang
            more = say(lang, "fail.more", n=len(errors) - 3) if len(errors) > 3 else ""
            shown = lists.clauses(errors[:3], lang) + more
            plan.fail(staged.rows, say(lang, "fail.check", errors=shown))
        else:
            plan.staged.append(staged)


def _current(root: LedgerRoot, project_id: str) -> Any:
    from projledger.excel.tree import plain
    from projledger.store.document import load_document

    return plain(load_document(root.project_file(project_id)).data)


def _codes_unique(plan: Plan, existing: Existing) -> None:
    """A national code is the ledger's once (PL301): a row that would give a project
    another's code fails."""
    from projledger.store.reader import read_yaml

    holders: dict[str, str] = dict(existing.by_code)
    kept = []
    for staged in plan.staged:
        data = read_yaml(staged.new_text.encode(), staged.path.name).data or {}
        code = data.get("code")
        other = holders.get(code) if code else None
        if other is not None and other != staged.project_id:
            plan.fail(staged.rows, say(plan.lang, "fail.code_taken", code=code, id=other))
            continue
        if code:
            holders[code] = staged.project_id
        kept.append(staged)
    plan.staged = kept

"""A 台账 sheet's rows as project drafts: what each row says about its project and its
problems, in the ledger's terms, or why the row cannot be read.

Rows are classified first: blank, subtotal (合计, 小计, 总计, 其中 in the first cells),
section headings (一、续建项目: one text across the row; a heading naming a pool or a
level gives it to the rows below when the sheet has no such column), and data. A data
row without a project name, code or id that lists problems continues the project above
it (one row per problem). Rows of one project (the same code, else the same name) make
one draft; a later row that contradicts an earlier one about the project fails.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from projledger.excel.headers import Header, column_letter
from projledger.excel.ledger_format import flattened
from projledger.excel.mapping import Mapping
from projledger.excel.values import (
    EMPTY_MARKS,
    CellError,
    amount,
    day,
    names,
    one_line,
    split_items,
    text,
    yaml_number,
)
from projledger.excel.workbook import Sheet, Value
from projledger.messages import Lang, lists, msg
from projledger.messages import text as message
from projledger.model.enums import IssueCategory, Level, Maturity, Nature, Pool

SUBTOTAL = re.compile(r"^\s*(合\s*计|小\s*计|总\s*计|共\s*计|其\s*中|全区合计|全市合计)")
SECTION_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十]+[)）])"
)
LEVEL_WORDS = {
    "省级": Level.PROVINCIAL,
    "省重点": Level.PROVINCIAL,
    "市级": Level.MUNICIPAL,
    "市重点": Level.MUNICIPAL,
    "区级": Level.DISTRICT,
    "区重点": Level.DISTRICT,
    "县级": Level.DISTRICT,
    "县重点": Level.DISTRICT,
}
POOL_WORDS = {
    "续建": Pool.CONTINUING,
    "新建": Pool.NEW,
    "新开工": Pool.NEW,
    "竣工": Pool.COMPLETED,
    "在谈": Pool.NEGOTIATING,
    "签约": Pool.SIGNED,
    "谋划": Pool.RESERVE,
    "储备": Pool.RESERVE,
}
CATEGORY_WORDS: tuple[tuple[IssueCategory, tuple[str, ...]], ...] = (
    (IssueCategory.RELOCATION, ("征迁", "拆迁", "征收", "搬迁", "清表", "腾空", "安置")),
    (IssueCategory.LAND, ("用地", "土地", "林地", "耕地", "供地", "指标", "占补")),
    (IssueCategory.FUNDING, ("资金", "融资", "债券", "贷款", "拨付", "补助", "预算")),
    (IssueCategory.APPROVALS, ("手续", "审批", "许可", "备案", "环评", "核准", "批复", "验收")),
    (IssueCategory.PLANNING, ("规划", "红线", "方案设计", "控规")),
    (
        IssueCategory.UTILITIES,
        (
            "供电",
            "供水",
            "供气",
            "管网",
            "道路",
            "配套",
            "电力",
            "燃气",
            "排水",
            "污水",
            "通讯",
            "热力",
        ),
    ),
    (IssueCategory.SITE, ("施工", "阻工", "扰民", "环境", "噪音", "扬尘", "信访")),
)
"""How an imported problem's category is guessed from its words (else 其他)."""

RECORD_TEXT = ("industry", "locality", "owner", "description", "note")
AMOUNTS = ("total", "completed_before_year", "plan_this_year", "completed_this_year")
MILESTONES = {"planned_start": "开工", "planned_completion": "竣工"}
ACTUALS = {"actual_start": "actual_start", "actual_completion": "actual_completion"}
ISSUE_FIELDS = ("issues", "unit", "person", "due", "measures", "category")


@dataclass
class IssueDraft:
    title: str
    row: int
    unit: str | None = None
    """As written (resolved later)."""
    helpers: list[str] = field(default_factory=list)
    """More units named for it: 配合单位."""
    person: str | None = None
    due: dt.date | None = None
    measures: str | None = None
    category: str | None = None


@dataclass
class ProjectDraft:
    """What a sheet says about one project. Names of units and people are as written."""

    key: str
    rows: list[int]
    record: dict[str, Any] = field(default_factory=dict)
    """Fields of the record in the model's shape (investment and schedule nested)."""
    id: str | None = None
    leader: str | None = None
    lead_unit: str | None = None
    row_units: list[str] = field(default_factory=list)
    """责任单位 of a row without problems: the project's responsible units."""
    row_people: list[str] = field(default_factory=list)
    milestones: dict[str, dt.date] = field(default_factory=dict)
    issues: list[IssueDraft] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.record.get("name") or self.key)


@dataclass
class RowFailure:
    sheet: Sheet
    row: int
    """From 0."""
    reason: str


@dataclass
class SheetRead:
    sheet: Sheet
    header: Header
    year: int
    drafts: list[ProjectDraft] = field(default_factory=list)
    failures: list[RowFailure] = field(default_factory=list)
    skipped: dict[str, list[int]] = field(default_factory=dict)
    """blank / subtotal / section → rows (from 0)."""
    data_rows: int = 0

    def skip(self, kind: str, row: int) -> None:
        self.skipped.setdefault(kind, []).append(row)


@dataclass
class RowContext:
    mapping: Mapping
    defaults: dict[str, str]
    year: int
    stages: tuple[str, ...]
    default_unit: str
    """The amount unit of columns whose header names none."""
    lang: Lang = "en"
    """The language of the reasons a row fails for."""


class RowError(Exception):
    def __init__(self, reasons: list[str], lang: Lang) -> None:
        super().__init__(lists.clauses(reasons, lang))
        self.reasons = reasons


def read_rows(sheet: Sheet, header: Header, context: RowContext) -> SheetRead:
    result = SheetRead(sheet, header, context.year)
    drafts: dict[str, ProjectDraft] = {}
    section: dict[str, str] = {}
    previous: ProjectDraft | None = None
    for index in range(header.last_row + 1, len(sheet.rows)):
        values = sheet.rows[index]
        kind = _kind(values, header, sheet, index)
        if kind != "data":
            result.skip(kind, index)
            if kind == "section":
                _section(values, section)
            previous = None if kind == "subtotal" else previous
            continue
        result.data_rows += 1
        try:
            row = _Row(values, header, context, section, sheet, index)
            draft = row.draft(drafts, previous)
        except RowError as error:
            result.failures.append(RowFailure(sheet, index, str(error)))
            continue
        previous = draft
    result.drafts = list(drafts.values())
    return result


def holds_stages(sheet: Sheet, header: Header, context: RowContext, column: int) -> bool:
    """Whether the column's cells in the data rows are all stages (as the mapping's
    `values: stage:` map them), and at least one is filled: a 进展情况 column used for the
    stage, not for words of progress."""
    stage_values = context.mapping.values.get("stage", {})
    seen = False
    for index in range(header.last_row + 1, len(sheet.rows)):
        values = sheet.rows[index]
        if column >= len(values) or _kind(values, header, sheet, index) != "data":
            continue
        written = one_line(values[column])
        if not written:
            continue
        if stage_values.get(written, written) not in context.stages:
            return False
        seen = True
    return seen


def _kind(values: list[Value], header: Header, sheet: Sheet, index: int) -> str:
    filled = [v for v in values if v is not None and (not isinstance(v, str) or v.strip())]
    if not filled:
        return "blank"
    lead = [values[c] for c in _lead_columns(header) if c < len(values)]
    if any(isinstance(v, str) and SUBTOTAL.match(v) for v in lead if v is not None):
        return "subtotal"
    texts = {str(v).strip() for v in filled}
    if len(texts) == 1 and all(isinstance(v, str) for v in filled):
        wide = any(c1 - c0 >= 2 for _, c0, _, c1 in sheet.wide_merges(index))
        if wide or (len(filled) == 1 and SECTION_NUMBER.match(str(filled[0]))):
            return "section"
    return "data"


def _lead_columns(header: Header) -> list[int]:
    lead = [header.fields[f] for f in ("serial", "name", "code") if f in header.fields]
    return lead or [0]


def _section(values: list[Value], section: dict[str, str]) -> None:
    heading = next(str(v) for v in values if v is not None)
    for word, level in LEVEL_WORDS.items():
        if word in heading:
            section["levels"] = level.value
    for word, pool in POOL_WORDS.items():
        if word in heading:
            section["pool"] = pool.value


class _Row:
    """One data row, read field by field; every problem is collected before it fails."""

    def __init__(
        self,
        values: list[Value],
        header: Header,
        context: RowContext,
        section: dict[str, str],
        sheet: Sheet,
        index: int,
    ) -> None:
        self.values = values
        self.header = header
        self.context = context
        self.section = section
        self.index = index
        self.lang = context.lang
        self.reasons: list[str] = []
        self._merged_across(sheet)

    def _merged_across(self, sheet: Sheet) -> None:
        for r0, c0, r1, c1 in sheet.wide_merges(self.index):
            fields = {
                column.field
                for column in self.header.columns[c0 : c1 + 1]
                if column.field is not None
            }
            if len(fields) > 1:
                cells = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
                self.reasons.append(self.say("merged_fields", cells=cells))

    def cell(self, name: str) -> Value:
        column = self.header.fields.get(name)
        if column is None or column >= len(self.values):
            return None
        value = self.values[column]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def label(self, name: str) -> str:
        column = self.header.fields.get(name)
        return self.header.columns[column].label if column is not None else name

    def read(self, name: str, parse: Callable[[Value], Any]) -> Any:
        value = self.cell(name)
        if value is None:
            return None
        try:
            return parse(value)
        except CellError as error:
            self.reasons.append(
                self.say("cell", label=self.label(name), error=error.text(self.lang))
            )
        except ValueError as error:  # an enumeration's member
            self.reasons.append(self.say("cell", label=self.label(name), error=error))
        return None

    def say(self, key: str, **args: object) -> str:
        return message(f"excel.row.{key}", self.lang, **args)

    def mapped(self, name: str, value: str) -> str:
        return self.context.mapping.values.get(name, {}).get(value, value)

    # --- the record ----------------------------------------------------------------------

    def draft(self, drafts: dict[str, ProjectDraft], previous: ProjectDraft | None) -> ProjectDraft:
        name = self.read("name", one_line)
        code = self.read("code", _code)
        project_id = self.read("id", one_line)
        problems = self._issues()
        if name is None and code is None and project_id is None:
            if previous is not None and problems:
                self._fail_if_reasons()
                previous.issues.extend(problems)
                previous.rows.append(self.index)
                return previous
            self.reasons.append(self.say("no_name", label=self.label("name")))
            self._fail_if_reasons()
        record = self._record(name, code)
        key = project_id or code or str(name)
        # read before a new draft is kept: a row failing here leaves no project without rows
        leader = self._leader()
        lead_unit = self._first_name("lead_unit")
        self._fail_if_reasons()
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = ProjectDraft(key, [], id=project_id)
        else:
            self._agree(draft, record)
            self._fail_if_reasons()
        _fill(draft.record, record)
        draft.leader = draft.leader or leader
        draft.lead_unit = draft.lead_unit or lead_unit
        for milestone_field, milestone in MILESTONES.items():
            due = self.read(milestone_field, lambda v: day(v, self.context.year))
            if due is not None:
                draft.milestones.setdefault(milestone, due)
        if not problems and self.cell("issues") is None:
            draft.row_units += names(self.cell("unit"))
            draft.row_people += names(self.cell("person"))
        draft.issues.extend(problems)
        draft.rows.append(self.index)
        self._fail_if_reasons()
        return draft

    def _fail_if_reasons(self) -> None:
        if self.reasons:
            raise RowError(self.reasons, self.lang)

    def _record(self, name: str | None, code: str | None) -> dict[str, Any]:
        record: dict[str, Any] = {}
        if name is not None:
            record["name"] = name
        if code is not None:
            record["code"] = code
        levels = self.read("levels", self._levels) or self._from_section("levels")
        if levels:
            record["levels"] = levels
        pool = self.read("pool", lambda v: self._enum("pool", v, Pool)) or self._from_section(
            "pool"
        )
        if pool:
            record["pool"] = pool if isinstance(pool, str) else pool[0]
        maturity = self.read("maturity", lambda v: self._enum("maturity", v, Maturity, "类"))
        if maturity:
            record["maturity"] = maturity
        nature = self.read("nature", lambda v: self._enum("nature", v, Nature))
        if nature:
            record["nature"] = nature
        stage = self.read("stage", self._stage)
        if stage:
            record["stage"] = stage
        progress = self.read("progress", text)
        if progress:
            record["current_progress"] = progress
        for name_ in RECORD_TEXT:
            value = self.read(name_, text if name_ in ("description", "note") else one_line)
            if value:
                record[name_] = value
        investment: dict[str, Any] = {}
        for name_ in AMOUNTS:
            unit = self._unit(name_)
            value = self.read(name_, partial(amount, unit=unit))
            if isinstance(value, Decimal):
                investment[name_] = yaml_number(value)
        column = self.header.fields.get("completed_this_year")
        through = self.header.columns[column].through if column is not None else None
        if through is not None and "completed_this_year" in investment:
            investment["through_month"] = through  # the header's 数据期 (1-10月完成投资)
        if investment:
            investment["year"] = self.context.year
            record["investment"] = investment
        schedule = {}
        for name_, key in ACTUALS.items():
            when = self.read(name_, lambda v: day(v, self.context.year))
            if when is not None:
                schedule[key] = when
        if schedule:
            record["schedule"] = schedule
        return record

    def _from_section(self, name: str) -> Any:
        if name in self.header.fields or name not in self.section:
            return None
        return [self.section[name]] if name == "levels" else self.section[name]

    def _unit(self, name: str) -> str:
        column = self.header.fields.get(name)
        unit = self.header.columns[column].unit if column is not None else None
        return unit or self.context.default_unit

    def _levels(self, value: Value) -> list[str]:
        found: list[str] = []
        for written in names(value):
            mapped = self.mapped("levels", written)
            level = LEVEL_WORDS.get(mapped) or LEVEL_WORDS.get(mapped + "级")
            if level is None:
                try:
                    level = Level(mapped)
                except ValueError:
                    raise CellError(msg("excel.cell.not_level", value=written)) from None
            if level.value not in found:
                found.append(level.value)
        return found

    def _enum(self, name: str, value: Value, kind: Any, suffix: str = "项目") -> str:
        written = one_line(value) or ""
        mapped = self.mapped(name, written)
        for candidate in (mapped, mapped.removesuffix(suffix)):
            try:
                return str(kind(candidate).value)
            except ValueError:
                continue
        allowed = "、".join(str(member.value) for member in kind)
        raise CellError(msg("excel.cell.not_one_of", value=written, allowed=allowed))

    def _stage(self, value: Value) -> str:
        written = one_line(value) or ""
        mapped = self.mapped("stage", written)
        if mapped not in self.context.stages:
            stages = "、".join(self.context.stages)
            raise CellError(msg("excel.cell.not_stage", value=written, stages=stages))
        return mapped

    def _leader(self) -> str | None:
        written = names(self.cell("leader"))
        if len(written) > 1:
            self.reasons.append(
                self.say("leaders", label=self.label("leader"), names="、".join(written))
            )
            return None
        return written[0] if written else None

    def _first_name(self, name: str) -> str | None:
        written = names(self.cell(name))
        return written[0] if written else None

    def _agree(self, draft: ProjectDraft, record: dict[str, Any]) -> None:
        for key, value in flattened(record).items():
            known = flattened(draft.record).get(key)
            if known is not None and known != value:
                self.reasons.append(
                    self.say("disagree", field=key, value=value, known=known, row=draft.rows[0] + 1)
                )

    # --- problems --------------------------------------------------------------------

    def _issues(self) -> list[IssueDraft]:
        cell = self.cell("issues")
        titles = split_items(text(cell) or "") if cell is not None else []
        if not titles:
            return []
        units = self._per_problem("unit", len(titles), names)
        people = self._per_problem("person", len(titles), names)
        dues = self._per_problem("due", len(titles), lambda v: [day(v, self.context.year)])
        measures = self._per_problem("measures", len(titles), lambda v: [text(v)])
        category = self.read("category", lambda v: self._enum("category", v, IssueCategory))
        drafts = []
        for number, title in enumerate(titles):
            unit_names = units[number] if units else []
            person_names = people[number] if people else []
            drafts.append(
                IssueDraft(
                    title=title,
                    row=self.index,
                    unit=unit_names[0] if unit_names else None,
                    helpers=list(unit_names[1:]),
                    person=person_names[0] if person_names else None,
                    due=dues[number][0] if dues else None,
                    measures=measures[number][0] if measures else None,
                    category=category or guess_category(title),
                )
            )
        return drafts

    def _per_problem(
        self, name: str, count: int, parse: Callable[[Value], list[Any]]
    ) -> list[list[Any]]:
        """The cell's value for each of `count` problems: one value for all, or a numbered
        list (or one line each) with one per problem."""
        cell = self.cell(name)
        if cell is None:
            return []
        shown = text(cell) or ""
        if shown in EMPTY_MARKS:
            return []
        parts = split_items(shown) if isinstance(cell, str) else [cell]
        try:
            if count > 1 and len(parts) == count:
                return [parse(part) for part in parts]
            if len(parts) == 1:
                return [parse(parts[0])] * count
            if count == 1 and name in ("unit", "person"):
                return [parse("、".join(str(p) for p in parts))]
        except CellError as error:
            self.reasons.append(
                self.say("cell", label=self.label(name), error=error.text(self.lang))
            )
            return []
        self.reasons.append(self.say("entries", label=self.label(name), n=len(parts), count=count))
        return []


def _code(value: Value) -> str:
    import unicodedata

    from projledger.ids import PROJECT_CODE_PATTERN

    written = one_line(value) or ""
    folded = unicodedata.normalize("NFKC", written).replace("—", "-").replace(" ", "")
    if not re.fullmatch(PROJECT_CODE_PATTERN, folded):
        raise CellError(msg("excel.cell.not_code", value=written))
    return folded


def guess_category(title: str) -> str:
    for category, words in CATEGORY_WORDS:
        if any(word in title for word in words):
            return category.value
    return IssueCategory.OTHER.value


def _fill(target: dict[str, Any], source: dict[str, Any]) -> None:
    """What `source` says that `target` does not yet."""
    for key, value in source.items():
        if isinstance(value, dict):
            _fill(target.setdefault(key, {}), value)
        else:
            target.setdefault(key, value)

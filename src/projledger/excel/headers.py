"""What a 台账's columns mean: the header texts projledger recognises without a mapping
file (README, "Excel in and out", lists them), and how a header is found in a sheet.

A header is read after NFKC (full-width brackets and digits become ASCII), without
blanks, `*`, a leading year (`2026年度计划投资` is `计划投资`) and a bracketed unit
(`总投资（亿元）`: the unit is kept for the amounts). A two-row header is read child
first (`投资情况（亿元）` over `总投资`: `总投资`), then parent and child together (`年度投资`
over `计划`: `年度投资计划`), then the parent alone.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from projledger.excel.workbook import Sheet, Value

SYNONYMS: dict[str, tuple[str, ...]] = {
    "serial": ("序号", "序", "编号序号", "No.", "No"),
    "id": ("项目编号", "项目ID", "项目id"),
    "name": ("项目名称", "项目", "名称", "项目名", "项目全称"),
    "code": (
        "项目代码",
        "统一代码",
        "投资项目代码",
        "项目统一代码",
        "投资项目统一代码",
        "备案代码",
    ),
    "levels": ("级别", "项目级别", "重点项目级别", "层级", "项目层级"),
    "pool": ("库别", "类别", "项目类别", "项目库别", "建设类别"),
    "maturity": ("成熟度", "项目成熟度"),
    "industry": ("行业领域", "行业", "所属行业", "产业类别", "产业领域", "产业", "行业类别"),
    "nature": ("建设性质",),
    "description": (
        "建设内容",
        "主要建设内容",
        "建设规模及内容",
        "建设内容及规模",
        "建设规模",
        "项目概况",
    ),
    "locality": (
        "属地",
        "建设地点",
        "所在镇街",
        "镇街",
        "所属镇街",
        "项目地点",
        "建设地址",
        "所在地",
        "所在镇(街道)",
    ),
    "owner": (
        "项目单位",
        "实施主体",
        "项目业主",
        "建设单位",
        "业主单位",
        "项目法人",
        "项目建设单位",
        "实施单位",
    ),
    "total": ("总投资", "计划总投资", "项目总投资"),
    "completed_before_year": (
        "截至上年底完成投资",
        "截至上年底累计完成投资",
        "截至上年底完成",
        "以前年度完成投资",
        "往年累计完成投资",
        "上年底累计完成",
    ),
    "plan_this_year": (
        "年度计划投资",
        "计划投资",
        "年计划投资",
        "本年计划投资",
        "年度投资计划",
        "投资计划",
        "年度计划",
        "本年度计划投资",
    ),
    "completed_this_year": (
        "本年完成投资",
        "年度完成投资",
        "本年累计完成投资",
        "今年完成投资",
        "本年度完成投资",
        "完成投资",
        "累计完成投资",
        "年度投资完成",
    ),
    "rate": ("完成率", "投资完成率", "完成比例", "年度投资完成率"),
    "planned_start": ("计划开工", "计划开工时间", "开工时间", "拟开工时间", "计划开工日期"),
    "actual_start": ("实际开工", "实际开工时间", "实际开工日期"),
    "planned_completion": ("计划竣工", "计划竣工时间", "竣工时间", "计划建成时间"),
    "actual_completion": ("实际竣工", "实际竣工时间"),
    "stage": ("项目阶段", "前期阶段", "所处阶段", "推进阶段", "目前阶段", "当前阶段"),
    "progress": (
        "进展情况",
        "项目进展",
        "目前进展",
        "当前进展",
        "最新进展",
        "进展",
        "项目进展情况",
        "工程进展",
        "建设进展",
        "形象进度",
        "推进情况",
        "项目推进情况",
        "工作进展",
    ),
    "issues": (
        "存在问题",
        "存在的问题",
        "问题",
        "困难问题",
        "存在困难和问题",
        "需协调解决的问题",
        "问题及困难",
        "存在困难",
        "存在问题及困难",
    ),
    "measures": ("解决措施", "推进措施", "措施", "下步措施", "解决办法"),
    "category": ("问题类别", "问题类型"),
    "unit": ("责任单位", "责任部门", "办理单位"),
    "person": ("责任人", "具体责任人"),
    "due": ("完成时限", "办结时限", "时限", "完成时间", "办理时限"),
    "leader": (
        "包抓领导",
        "包抓区级领导",
        "区级包抓领导",
        "联系领导",
        "包挂领导",
        "分包领导",
        "包保领导",
        "责任领导",
    ),
    "lead_unit": ("牵头单位", "牵头部门"),
    "note": ("备注",),
}
"""Field → the header texts that mean it (as normalised: see the module's docstring)."""

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 1-10月完成投资, 1—10月份累计完成, 截至10月底完成投资
    (
        "completed_this_year",
        re.compile(
            r"(?:\d{1,2}[-—~至到]\d{1,2}月份?|截至\d{1,2}月底?|\d{1,2}月底?)(?:累计)?完成(?:投资)?额?"
        ),
    ),
)

_PERIOD = re.compile(
    r"^(?:1[-—~至到](\d{1,2})月份?|截至(\d{1,2})月底?|(\d{1,2})月底?)(?:累计)?完成"
)


def period_of(text: str) -> int | None:
    """The last month a completed-investment header says its figures cover (its 数据期):
    10 for 1-10月完成投资, 1—10月份累计完成, 截至10月底完成投资; None when it names none."""
    found = _PERIOD.match(normal(text))
    if found is None:
        return None
    month = int(next(group for group in found.groups() if group is not None))
    return month if 1 <= month <= 12 else None


IGNORED = frozenset({"serial", "rate"})
"""Recognised and read for nothing: projledger numbers rows and computes the rate."""

FIELDS = frozenset(SYNONYMS)

_UNIT = re.compile(r"\((?:单位[:：]?)?(万元|亿元|元|亩|%|个)\)")
_YEAR = re.compile(r"^(?:19|20)\d{2}年度?")
_BLANKS = re.compile(r"[\s*★※]+")


def normal(text: str) -> str:
    """A header as it is compared."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _BLANKS.sub("", folded)
    folded = _UNIT.sub("", folded)
    return _YEAR.sub("", folded).rstrip(":")


_EXACT = {normal(name): key for key, names in SYNONYMS.items() for name in names}


def field_of(text: str) -> str | None:
    """The field a header text names, if projledger knows it."""
    key = normal(text)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for name, pattern in PATTERNS:
        if pattern.fullmatch(key):
            return name
    return None


def amount_unit(texts: list[str]) -> str | None:
    """万元, 亿元 or 元, if the header texts (child first) say."""
    for text in texts:
        folded = unicodedata.normalize("NFKC", text)
        for unit in ("亿元", "万元"):
            if unit in folded:
                return unit
        if re.search(r"\(元\)|单位[:：]元", folded):
            return "元"
    return None


@dataclass
class Column:
    index: int
    field: str | None
    label: str
    """The header as shown: its rows' texts joined with / (parent/child)."""
    unit: str | None = None
    """The amount unit its header gives (万元, 亿元, 元)."""
    through: int | None = None
    """For completed investment, the last month its header says the figures cover."""


@dataclass
class Header:
    rows: list[int]
    """The header's rows (from 0)."""
    columns: list[Column]
    title: str = ""
    """The text above the header: the sheet's title rows (year, 截至, 单位)."""
    fields: dict[str, int] = field(default_factory=dict)
    """Field → its column (the first, if two columns read as one field)."""

    @property
    def last_row(self) -> int:
        return self.rows[-1]


SCAN_ROWS = 30


def find_header(
    sheet: Sheet, overrides: dict[str, str] | None = None, rows: list[int] | None = None
) -> Header | None:
    """The header of a 台账 sheet: the first of its first rows where three or more cells
    (two for a sheet of two or three columns) read as fields; with the rows below it that
    continue it (merged from it, or more headers and no numbers). `overrides`: header text
    or column letter → field (a mapping file's `columns`); `rows`: the header rows, as a
    mapping file gives them."""
    overrides = overrides or {}
    if rows is None:
        start = _first_header_row(sheet, overrides)
        if start is None:
            return None
        rows = [start]
        while len(rows) < 3 and _continues(sheet, rows[-1] + 1, rows[0], overrides):
            rows.append(rows[-1] + 1)
    columns = [_column(sheet, rows, index, overrides) for index in range(sheet.width)]
    title = " ".join(
        str(value) for row in sheet.rows[: rows[0]] for value in dict.fromkeys(row) if value
    )
    header = Header(rows, columns, title)
    for column in columns:
        if column.field is not None and column.field not in header.fields:
            header.fields[column.field] = column.index
    return header


def _first_header_row(sheet: Sheet, overrides: dict[str, str]) -> int | None:
    needed = 2 if sheet.width <= 3 else 3
    for index, row in enumerate(sheet.rows[:SCAN_ROWS]):
        found = {_field(value, overrides) for value in row if isinstance(value, str)} - {None}
        if len(found) >= needed or (found and len(found) == _texts(row) >= 2):
            return index
    return None


def _texts(row: list[Value]) -> int:
    return len({value for value in row if isinstance(value, str) and value.strip()})


def _field(value: Value, overrides: dict[str, str]) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    return overrides.get(text) or overrides.get(normal(text)) or field_of(text)


def _continues(sheet: Sheet, row: int, first: int, overrides: dict[str, str]) -> bool:
    """Whether `row` is more of the header that starts at `first`."""
    if row >= len(sheet.rows):
        return False
    values = sheet.rows[row]
    if any(isinstance(v, float | int) and not isinstance(v, bool) for v in values):
        return False
    merged_down = any(r0 <= first < row <= r1 for r0, _, r1, _ in sheet.merged)
    known = sum(1 for value in values if _field(value, overrides))
    unit_only = all(
        value is None
        or not isinstance(value, str)
        or amount_unit([value])
        or _field(value, overrides)
        for value in values
    )
    return (merged_down and known >= 1) or (known >= 2 and unit_only)


def _column(sheet: Sheet, rows: list[int], index: int, overrides: dict[str, str]) -> Column:
    texts = [str(sheet.rows[r][index]).strip() for r in rows if sheet.rows[r][index] is not None]
    texts = list(dict.fromkeys(t for t in texts if t))  # a merged-down cell counts once
    letter = column_letter(index)
    child_first = list(reversed(texts))
    label = "/".join(texts) or letter
    chosen = overrides.get(letter)
    if chosen is None:
        candidates = [*child_first]
        if len(texts) >= 2:
            candidates.insert(1, "".join(normal(t) for t in texts))
        for text in candidates:
            chosen = _field(text, overrides)
            if chosen:
                break
    through = None
    if chosen == "completed_this_year":
        joined = "".join(normal(t) for t in texts)
        through = next((m for m in map(period_of, [*child_first, joined]) if m), None)
    return Column(index, chosen, label, amount_unit(child_first), through)


def column_letter(index: int) -> str:
    """A, B, ... Z, AA for a column counted from 0."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

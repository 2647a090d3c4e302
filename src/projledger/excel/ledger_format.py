"""The layout of the ledger workbook (`export ledger`), which `import` reads back exactly.

Sheet 项目台账 has the usual 台账 columns first, in the usual order, then the rest of
the record; one sheet for each of the four lists; then one per record kept in a list of
its own (approvals, funding, progress notes, returns, extensions, extension requests),
so every field of every project has a cell and the workbook gives back the same ledger.
Columns marked derived (序号, 完成率, 计划开工, 包抓领导, ...) are for people reading the
sheet: they are computed from the other sheets and not read back.
"""

from dataclasses import dataclass
from typing import Any

TEXT, NUMBER, INT, DATE, NAMES, NUMBERS = "text", "number", "int", "date", "names", "numbers"
LIST_SEPARATOR = "、"


@dataclass(frozen=True)
class Col:
    label: str
    path: str | None
    """Where the value lives in the record (a.b for nested); None: derived, not read."""
    kind: str = TEXT
    width: int = 0
    """0: fitted to the values."""


@dataclass(frozen=True)
class SheetFormat:
    name: str
    key: str
    """projects, a list's name, or parent.list for records of an item (issues.progress)."""
    columns: tuple[Col, ...]

    def col(self, path: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.path == path)


PROJECT_ID = Col("项目编号", "project", TEXT)
PROJECT_NAME = Col("项目名称", None, TEXT)

PROJECTS = SheetFormat(
    "项目台账",
    "projects",
    (
        Col("序号", None, INT, 6),
        Col("项目名称", "name", TEXT, 30),
        Col("项目代码", "code", TEXT, 26),
        Col("级别", "levels", NAMES),
        Col("库别", "pool"),
        Col("成熟度", "maturity"),
        Col("行业领域", "industry"),
        Col("建设性质", "nature"),
        Col("建设内容", "description", TEXT, 40),
        Col("属地", "locality"),
        Col("项目单位", "owner", TEXT, 26),
        Col("总投资（万元）", "investment.total", NUMBER),
        Col("截至上年底完成投资（万元）", "investment.completed_before_year", NUMBER),
        Col("年度计划投资（万元）", "investment.plan_this_year", NUMBER),
        Col("本年完成投资（万元）", "investment.completed_this_year", NUMBER),
        Col("完成率", None, NUMBER),
        Col("计划开工", None, DATE),
        Col("实际开工", "schedule.actual_start", DATE),
        Col("计划竣工", None, DATE),
        Col("实际竣工", "schedule.actual_completion", DATE),
        Col("实际投产", "schedule.actual_operation", DATE),
        Col("项目阶段", "stage"),
        Col("进展情况", "current_progress", TEXT, 40),
        Col("包抓领导", None),
        Col("未结问题", None, INT),
        Col("备注", "note", TEXT, 30),
        Col("项目编号", "id", TEXT, 28),
        Col("投资年度", "investment.year", INT),
        Col("月度计划（万元）", "investment.monthly_plan", NUMBERS),
        Col("投资更新日期", "investment.updated", DATE),
        Col("数据截至月份", "investment.through_month", INT),
        Col("专班", "task_force.name"),
        Col("专班负责人", "task_force.head"),
        Col("专班成员", "task_force.members", NAMES),
        Col("用地需求（亩）", "land.needed_mu", NUMBER),
        Col("已供地（亩）", "land.supplied_mu", NUMBER),
        Col("退库日期", "retirement.date", DATE),
        Col("退库原因", "retirement.reason"),
        Col("退库审核人", "retirement.reviewer"),
        Col("重复于（项目编号）", "retirement.duplicate_of"),
    ),
)

ISSUES = SheetFormat(
    "问题清单",
    "issues",
    (
        PROJECT_ID,
        PROJECT_NAME,
        Col("问题编号", "id"),
        Col("问题", "title", TEXT, 36),
        Col("类别", "category"),
        Col("描述", "description", TEXT, 30),
        Col("来源", "source"),
        Col("原因方", "cause_side"),
        Col("发现日期", "raised", DATE),
        Col("协调层级", "coordination_level", INT),
        Col("状态", "state"),
        Col("责任单位", "unit"),
        Col("责任人", "person"),
        Col("措施", "measures", TEXT, 30),
        Col("申请核验日期", "verification.date", DATE),
        Col("核验佐证", "verification.evidence"),
        Col("办理说明", "verification.explanation"),
        Col("销号日期", "closure.date", DATE),
        Col("核验人", "closure.verifier"),
        Col("销号佐证", "closure.evidence"),
        Col("撤销日期", "withdrawal.date", DATE),
        Col("撤销原因", "withdrawal.reason"),
    ),
)

RESPONSIBILITIES = SheetFormat(
    "责任清单",
    "responsibilities",
    (
        PROJECT_ID,
        PROJECT_NAME,
        Col("责任编号", "id"),
        Col("角色", "role"),
        Col("单位", "unit"),
        Col("人员", "person"),
        Col("职责", "duties", TEXT, 36),
    ),
)

TASKS = SheetFormat(
    "任务清单",
    "tasks",
    (
        PROJECT_ID,
        PROJECT_NAME,
        Col("任务编号", "id"),
        Col("任务", "title", TEXT, 36),
        Col("目标数量", "measure.amount", NUMBER),
        Col("计量单位", "measure.unit"),
        Col("已完成数量", "measure.done", NUMBER),
        Col("责任单位", "unit"),
        Col("责任人", "person"),
        Col("状态", "state"),
        Col("完成日期", "completed_on", DATE),
        Col("佐证", "evidence"),
        Col("备注", "note", TEXT, 30),
    ),
)

DEADLINES = SheetFormat(
    "时效清单",
    "deadlines",
    (
        PROJECT_ID,
        PROJECT_NAME,
        Col("时限编号", "id"),
        Col("对象", "target"),
        Col("时限", "due", DATE),
        Col("依据", "basis", TEXT, 36),
        Col("现行时限", None, DATE),
    ),
)

APPROVALS = SheetFormat(
    "审批手续",
    "approvals",
    (
        PROJECT_ID,
        PROJECT_NAME,
        Col("手续", "name"),
        Col("状态", "status"),
        Col("文号", "permit_no"),
        Col("审批部门", "agency"),
        Col("办结日期", "date", DATE),
        Col("备注", "note", TEXT, 30),
    ),
)

FUNDING = SheetFormat(
    "资金来源",
    "funding",
    (
        PROJECT_ID,
        PROJECT_NAME,
        Col("来源", "source"),
        Col("计划（万元）", "planned", NUMBER),
        Col("到位（万元）", "received", NUMBER),
        Col("备注", "note", TEXT, 30),
    ),
)


def _records(name: str, key: str, parent: str, columns: tuple[Col, ...]) -> SheetFormat:
    return SheetFormat(name, key, (PROJECT_ID, Col(parent, "parent"), *columns))


PROGRESS = _records(
    "问题进展",
    "issues.progress",
    "问题编号",
    (Col("日期", "date", DATE), Col("进展", "note", TEXT, 50), Col("报送", "by")),
)
RETURNS = _records(
    "退回记录",
    "issues.returns",
    "问题编号",
    (Col("日期", "date", DATE), Col("原因", "reason", TEXT, 40), Col("退回人", "by")),
)
EXTENSIONS = _records(
    "延期记录",
    "deadlines.extensions",
    "时限编号",
    (
        Col("批准日期", "date", DATE),
        Col("新时限", "new_due", DATE),
        Col("理由", "reason", TEXT, 40),
        Col("批准人", "approver"),
    ),
)
REQUESTS = _records(
    "延期申请",
    "deadlines.requests",
    "时限编号",
    (
        Col("申请日期", "date", DATE),
        Col("申请时限", "new_due", DATE),
        Col("理由", "reason", TEXT, 40),
        Col("申请人", "by"),
    ),
)

LIST_SHEETS = (ISSUES, RESPONSIBILITIES, TASKS, DEADLINES)
RECORD_SHEETS = (APPROVALS, FUNDING, PROGRESS, RETURNS, EXTENSIONS, REQUESTS)
SHEETS = (PROJECTS, *LIST_SHEETS, *RECORD_SHEETS)
HEADER_ROW = 1
"""Row 0 holds the sheet's title; the header is row 1, data from row 2."""


def flattened(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A record's values by dotted key (investment.total), as the sheets' columns name them."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update(flattened(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat

"""One project's record and its four lists (四张清单)."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from projledger.ids import (
    DEADLINE_ID_PATTERN,
    ISSUE_ID_PATTERN,
    ITEM_ID_SUFFIX,
    PROJECT_CODE_PATTERN,
    PROJECT_ID_PATTERN,
    RESPONSIBILITY_ID_PATTERN,
    TASK_ID_PATTERN,
)
from projledger.model.common import (
    Amount,
    Integer,
    LedgerModel,
    SchemaVersion,
    Text,
    new_dict,
    new_list,
)
from projledger.model.enums import (
    ApprovalStatus,
    CauseSide,
    FundingSource,
    IssueCategory,
    IssueSource,
    IssueState,
    Level,
    Maturity,
    Milestone,
    Nature,
    Pool,
    Role,
    TaskState,
)


class ApprovalKind:
    """The six approval procedures (审批手续), used as keys of `approvals`."""

    FILING = "核准备案"
    SITE_SELECTION = "项目选址许可"
    LAND_USE_PLANNING = "用地规划许可"
    EIA = "环评审批"
    CONSTRUCTION_PLANNING = "工程规划许可"
    CONSTRUCTION_PERMIT = "施工许可"

    ALL: tuple[str, ...] = (
        FILING,
        SITE_SELECTION,
        LAND_USE_PLANNING,
        EIA,
        CONSTRUCTION_PLANNING,
        CONSTRUCTION_PERMIT,
    )


ApprovalName = Literal[
    "核准备案", "项目选址许可", "用地规划许可", "环评审批", "工程规划许可", "施工许可"
]

_MILESTONES = "|".join(m.value for m in Milestone)
_APPROVALS = "|".join(ApprovalKind.ALL)
DEADLINE_TARGET_PATTERN = (
    rf"^(?:[IT]-{ITEM_ID_SUFFIX}|approval:(?:{_APPROVALS})|milestone:(?:{_MILESTONES}))$"
)


class Retirement(LedgerModel):
    """退库 record: why the project left the pool and who reviewed it."""

    date: dt.date
    reason: Text
    reviewer: Text
    duplicate_of: Annotated[str, Field(pattern=PROJECT_ID_PATTERN)] | None = None
    """The project this one duplicates (`retire --duplicate-of`): a file entered twice for
    one project. It keeps the real project's national code and name (exempt from PL301
    and PL302) and leaves every figure and list from the start, not from its date."""


class TaskForce(LedgerModel):
    """专班: the task force of a big project."""

    name: Text
    head: str | None = None
    members: list[Text] = Field(default_factory=new_list)


class Approval(LedgerModel):
    """One approval procedure: status, and for a finished one the permit and date."""

    status: ApprovalStatus
    permit_no: str | None = None
    """Permit or filing number (文号/证号)."""
    agency: str | None = None
    """Issuing agency (审批部门)."""
    date: dt.date | None = None
    """Date the permit was issued (办结日期)."""
    note: str | None = None


class Investment(LedgerModel):
    """投资, in 万元. `year` is the year the 'this year' figures belong to."""

    year: Integer = Field(ge=2000, le=2100)
    total: Amount
    """总投资."""
    completed_before_year: Amount = 0
    """Completed up to the end of last year (截至上年底累计完成)."""
    plan_this_year: Amount = 0
    """This year's planned investment (年度计划投资)."""
    completed_this_year: Amount = 0
    """Completed so far this year (本年累计完成)."""
    monthly_plan: list[Amount] | None = Field(default=None, min_length=12, max_length=12)
    """Optional plan for each month, January first (used by the monthly_plan time progress)."""
    updated: dt.date | None = None
    """Date the completed figure was last reported."""
    through_month: Integer | None = Field(default=None, ge=1, le=12)
    """The months `completed_this_year` covers: January to this month (数据期 1-10月).
    Absent on figures entered before periods were recorded: then they count as covering
    the months complete on the report date."""
    series: list["InvestmentFigure"] = Field(default_factory=new_list)
    """Every completed figure reported this year, in the order reported (月度数据): a
    report as of a date uses the last one reported by then."""
    past_years: list["InvestmentYear"] = Field(default_factory=new_list)
    """Earlier years' figures, kept by `rollover` so their reports still regenerate."""


class InvestmentFigure(LedgerModel):
    """One reported figure: completed this year, January to `through` (1-10月)."""

    through: Integer = Field(ge=1, le=12)
    completed: Amount
    reported: dt.date
    """The date it was entered (the change's date)."""


class InvestmentYear(LedgerModel):
    """A past year's investment figures, as `rollover` found them at the year's end."""

    year: Integer = Field(ge=2000, le=2100)
    completed_before_year: Amount = 0
    plan_this_year: Amount = 0
    completed_this_year: Amount = 0
    through_month: Integer | None = Field(default=None, ge=1, le=12)
    monthly_plan: list[Amount] | None = Field(default=None, min_length=12, max_length=12)
    updated: dt.date | None = None
    series: list[InvestmentFigure] = Field(default_factory=new_list)


class Funding(LedgerModel):
    """资金来源: one source with planned and received amounts in 万元."""

    source: FundingSource
    planned: Amount
    received: Amount = 0
    note: str | None = None


class Land(LedgerModel):
    """用地 in 亩."""

    needed_mu: Amount
    supplied_mu: Amount = 0


class Schedule(LedgerModel):
    """Actual milestone dates. Planned dates are deadlines bound to `milestone:开工` etc."""

    actual_start: dt.date | None = None
    actual_completion: dt.date | None = None
    actual_operation: dt.date | None = None


class Responsibility(LedgerModel):
    """责任清单 entry: a person or unit in a role, with duties."""

    id: Annotated[str, Field(pattern=RESPONSIBILITY_ID_PATTERN)]
    role: Role
    unit: str | None = None
    """Unit (单位) as declared in projledger.yaml."""
    person: str | None = None
    """Person as declared in projledger.yaml."""
    duties: Text


class ProgressNote(LedgerModel):
    """A dated progress note (进展)."""

    date: dt.date
    note: Text
    by: str | None = None


class Verification(LedgerModel):
    """What the owner submits when asking for closure (待核验)."""

    date: dt.date
    evidence: Text
    """Evidence of resolution: document numbers, photos, minutes (佐证材料)."""
    explanation: Text


class Closure(LedgerModel):
    """销号 record."""

    date: dt.date
    verifier: Text
    evidence: Text


class Return(LedgerModel):
    """退回: verification refused, the issue goes back to 办理中."""

    date: dt.date
    reason: Text
    by: str | None = None


class Withdrawal(LedgerModel):
    """已撤销: the issue no longer needs solving."""

    date: dt.date
    reason: Text


class Issue(LedgerModel):
    """问题清单 entry, moving through 已登记 → 已交办 → 办理中 → 待核验 → 已销号."""

    id: Annotated[str, Field(pattern=ISSUE_ID_PATTERN)]
    title: Text
    category: IssueCategory
    description: str | None = None
    source: IssueSource
    cause_side: CauseSide
    """Whether the cause is on the government or the enterprise side."""
    raised: dt.date
    coordination_level: Integer = Field(default=1, ge=1, le=4)
    """1 分管领导 → 2 责任单位主要领导 → 3 联系县/区领导专题协调 → 4 主要领导督办."""
    state: IssueState
    unit: str | None = None
    """Responsible unit; required from 已交办 on."""
    person: str | None = None
    """Responsible person; required from 已交办 on."""
    measures: str | None = None
    progress: list[ProgressNote] = Field(default_factory=new_list)
    verification: Verification | None = None
    returns: list[Return] = Field(default_factory=new_list)
    closure: Closure | None = None
    withdrawal: Withdrawal | None = None


class Measure(LedgerModel):
    """A quantified target, e.g. 300 户 or 5000 万元."""

    amount: Amount
    unit: Text
    done: Amount | None = None
    """How much of it is done so far (已完成数量), as the responsible unit last reported."""


class Task(LedgerModel):
    """任务清单 entry: quantified work or a node, with its owner."""

    id: Annotated[str, Field(pattern=TASK_ID_PATTERN)]
    title: Text
    measure: Measure | None = None
    unit: Text
    """Responsible unit."""
    person: str | None = None
    state: TaskState = TaskState.NOT_STARTED
    completed_on: dt.date | None = None
    evidence: str | None = None
    note: str | None = None


class Extension(LedgerModel):
    """An extension of a deadline: the old date stays in the record."""

    date: dt.date
    """When the extension was granted."""
    new_due: dt.date
    reason: Text
    approver: Text


class ExtensionRequest(LedgerModel):
    """申请延期: a unit asks for a later due date. It changes nothing by itself: the
    approver grants it with `projledger extend` (an extension), and the request stays."""

    date: dt.date
    new_due: dt.date
    reason: Text
    by: str | None = None
    """Who asked (the unit)."""


class Deadline(LedgerModel):
    """时效清单 entry: the one place a due date lives. Met/pending/overdue is computed."""

    id: Annotated[str, Field(pattern=DEADLINE_ID_PATTERN)]
    target: Annotated[str, Field(pattern=DEADLINE_TARGET_PATTERN)]
    """What must be done by then: an issue or task id (I-…, T-…), `approval:<procedure>`
    or `milestone:<开工|竣工|投产>`."""
    due: dt.date
    basis: str | None = None
    """Where the time limit comes from (依据), e.g. a meeting's minutes."""
    extensions: list[Extension] = Field(default_factory=new_list)
    requests: list[ExtensionRequest] = Field(default_factory=new_list)
    """Extensions asked for (申请延期), granted or not: see `extensions` for the granted."""

    @property
    def effective_due(self) -> dt.date:
        """The due date in force: the last extension's, else the original."""
        return self.extensions[-1].new_due if self.extensions else self.due


class Project(LedgerModel):
    """One key project: its record and its four lists."""

    schema_version: SchemaVersion
    id: Annotated[str, Field(pattern=PROJECT_ID_PATTERN)]
    """Project id, equal to the file name without `.yaml`."""
    code: Annotated[str, Field(pattern=PROJECT_CODE_PATTERN)] | None = None
    """National project code (投资项目统一代码); absent while planned or negotiated."""
    name: Text
    levels: Annotated[list[Level], Field(min_length=1)]
    pool: Pool
    maturity: Maturity | None = None
    """A/B/C, for projects under negotiation (在谈)."""
    industry: Text
    locality: Text
    """镇/街道."""
    nature: Nature | None = None
    owner: Text
    """实施主体 / 项目业主."""
    task_force: TaskForce | None = None
    stage: Text
    """Stage, one of the config's `stages` or `continuing_stages`."""
    description: str | None = None
    """建设内容."""
    note: str | None = None
    """备注: remarks carried over from the 台账."""
    current_progress: str | None = None
    """进展情况: where the project stands, in words, as the 台账 last said it (e.g.
    已完成主体结构施工，正在进行装修); each import replaces it, and git keeps the earlier ones."""
    retirement: Retirement | None = None
    approvals: dict[ApprovalName, Approval] = Field(default_factory=new_dict)
    investment: Investment
    funding: list[Funding] = Field(default_factory=new_list)
    land: Land | None = None
    schedule: Schedule = Field(default_factory=Schedule)
    responsibilities: list[Responsibility] = Field(default_factory=new_list)
    issues: list[Issue] = Field(default_factory=new_list)
    tasks: list[Task] = Field(default_factory=new_list)
    deadlines: list[Deadline] = Field(default_factory=new_list)

    @property
    def lead_leader(self) -> str | None:
        """The 包抓领导: the person of the one responsibility with that role."""
        leaders = [r.person for r in self.responsibilities if r.role == Role.LEAD_LEADER]
        return leaders[0] if len(leaders) == 1 else None

    @property
    def leaves_figures_on(self) -> dt.date | None:
        """The day a retired project (退库) leaves every figure and list: its retirement
        date; a retired duplicate never counted (`date.min`). None: not retired."""
        if self.retirement is None:
            return None
        return dt.date.min if self.retirement.duplicate_of else self.retirement.date

"""Closed vocabularies of the domain. Values are the Chinese terms staff write in files."""

from enum import StrEnum


class Level(StrEnum):
    """级别: which government's key-project list the project is on."""

    PROVINCIAL = "省级"
    MUNICIPAL = "市级"
    DISTRICT = "区级"


class Pool(StrEnum):
    """类别/库别: where the project is in its life."""

    RESERVE = "谋划储备"
    NEGOTIATING = "在谈"
    SIGNED = "签约"
    NEW = "新建"
    CONTINUING = "续建"
    COMPLETED = "竣工"
    RETIRED = "退库"


class Maturity(StrEnum):
    """成熟度 of a project under negotiation: A pushed hard, B followed, C nurtured."""

    A = "A"
    B = "B"
    C = "C"


class Nature(StrEnum):
    """建设性质."""

    NEW = "新建"
    EXPANSION = "扩建"
    RECONSTRUCTION = "改建"


class ApprovalStatus(StrEnum):
    NOT_STARTED = "未办理"
    IN_PROGRESS = "办理中"
    DONE = "已办结"
    NOT_APPLICABLE = "不涉及"


class FundingSource(StrEnum):
    CENTRAL_BUDGET = "中央预算内资金"
    SPECIAL_BONDS = "地方政府专项债券"
    ULTRA_LONG_BONDS = "超长期特别国债"
    LOCAL_FISCAL = "地方财政"
    SELF_RAISED = "自筹"
    LOANS = "贷款"
    OTHER = "其他"


class IssueCategory(StrEnum):
    LAND = "用地"
    RELOCATION = "征迁"
    FUNDING = "资金"
    APPROVALS = "手续"
    PLANNING = "规划"
    UTILITIES = "配套"
    SITE = "施工环境"
    OTHER = "其他"


class IssueSource(StrEnum):
    WEEKLY_DISPATCH = "周调度"
    INSPECTION = "督导检查"
    OWNER_REQUEST = "业主反映"
    OTHER = "其他"


class CauseSide(StrEnum):
    GOVERNMENT = "政府"
    ENTERPRISE = "企业"


class IssueState(StrEnum):
    """The closed loop 梳理—交办—跟踪—销号, plus long-running and withdrawn."""

    REGISTERED = "已登记"
    ASSIGNED = "已交办"
    IN_PROGRESS = "办理中"
    AWAITING_VERIFICATION = "待核验"
    CLOSED = "已销号"
    LONG_RUNNING = "持续推进"
    WITHDRAWN = "已撤销"


class TaskState(StrEnum):
    NOT_STARTED = "未开始"
    IN_PROGRESS = "进行中"
    DONE = "已完成"


class Role(StrEnum):
    """责任清单 roles. A project has exactly one 包抓领导."""

    LEAD_LEADER = "包抓领导"
    LEAD_UNIT = "牵头单位"
    RESPONSIBLE_UNIT = "责任单位"
    SUPPORTING_UNIT = "配合单位"
    CONTACT = "具体责任人"


class Milestone(StrEnum):
    """Project milestones a deadline can be bound to (their actual dates are in `schedule`)."""

    START = "开工"
    COMPLETION = "竣工"
    OPERATION = "投产"


class TimeProgressMethod(StrEnum):
    """How 时间进度 (序时进度) is computed for a report date."""

    MONTHS = "months"  # months reported / 12
    DAYS = "days"  # elapsed days / days in year
    MONTHLY_PLAN = "monthly_plan"  # cumulative monthly plan / year's plan

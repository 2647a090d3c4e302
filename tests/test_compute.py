"""Correctness of the one computation layer (`projledger.compute`) on hand-made ledgers.

Each project is written as the YAML staff keep (Chinese data, the sample config's units
and people), read with the ledger reader, validated as a `Project` and reduced to its
facts, exactly as reports do. Expected values are worked out by hand in the comments.
"""

import datetime as dt
import json
import random
import textwrap
from collections.abc import Callable
from pathlib import Path
from string import Template

import pytest

from projledger.compute.deadlines import (
    Status,
    became_overdue_in,
    deadline_state,
    due_in_force,
    exists_on,
)
from projledger.compute.facts import (
    DeadlineFacts,
    FactsReader,
    ProjectFacts,
    facts_from_json,
    facts_to_json,
    project_facts,
)
from projledger.compute.light import Light
from projledger.compute.lights import (
    LightKind,
    ProjectLight,
    investment_light,
    negotiation_light,
    project_lights,
    start_light,
    whole_months_between,
)
from projledger.compute.progress import (
    planned_start_this_year,
    points,
    project_time_progress,
    rate,
    time_progress,
    totals,
)
from projledger.compute.units import UnitStats, issue_open_on, unit_stats
from projledger.errors import UsageError
from projledger.model import Config, Project
from projledger.model.enums import TimeProgressMethod
from projledger.report import period
from projledger.report.deadline_rows import unit_resolver
from projledger.store.reader import read_yaml
from tests.helpers import SAMPLE_ROOT, copy_root, run_cli

D = dt.date
MONTHS = TimeProgressMethod.MONTHS
DAYS = TimeProgressMethod.DAYS
MONTHLY_PLAN = TimeProgressMethod.MONTHLY_PLAN

# --- building ledgers -------------------------------------------------------------------

_PROJECT = Template(
    """\
# yaml-language-server: $$schema=../schemas/project.schema.json
schema_version: 1
id: $id
name: $name
levels: [区级]
pool: $pool
industry: 智能制造与高端装备
locality: 高庄街道
nature: 新建
owner: 济南莱芜测试装备有限公司
stage: 已完成规划报建
$head
$investment
responsibilities:
  - {id: R-LEAD01, role: 包抓领导, person: 王建国, duties: 协调项目推进中的重大问题}
  - {id: R-UNIT01, role: 牵头单位, unit: 莱芜区发展和改革局, person: 孙丽娟, duties: 项目调度}
$body"""
)

_INVESTMENT = (
    "investment: {year: 2026, total: 30000, completed_before_year: 2000, "
    "plan_this_year: 6000, completed_this_year: 3000}"
)


def yaml_project(
    body: str = "",
    *,
    project_id: str = "ceshi-zhuangbei-xiangmu",
    name: str = "莱芜区测试装备产业园项目",
    pool: str = "新建",
    head: str = "",
    investment: str = _INVESTMENT,
) -> str:
    """The text of a minimal valid project file; `body` adds its lists (issues:, tasks:,
    deadlines:, approvals:, schedule:), written as staff write them."""
    return _PROJECT.substitute(
        id=project_id,
        name=name,
        pool=pool,
        head=textwrap.dedent(head).strip(),
        investment=textwrap.dedent(investment).strip(),
        body=textwrap.dedent(body).strip() + "\n",
    )


def read_project(text: str, file: str = "ceshi.yaml") -> Project:
    read = read_yaml(text.encode("utf-8"), file)
    assert read.parsed, read.findings
    assert read.findings == []
    return Project.model_validate(read.data)


def facts(body: str = "", **fields: str) -> ProjectFacts:
    return project_facts(read_project(yaml_project(body, **fields)))


def sample_config() -> Config:
    read = read_yaml((SAMPLE_ROOT / "projledger.yaml").read_bytes(), "projledger.yaml")
    assert read.parsed, read.findings
    return Config.model_validate(read.data)


def deadline(p: ProjectFacts, target: str) -> DeadlineFacts:
    found = p.deadline_for(target)
    assert found is not None, target
    return found


def task_due(due: str, *, done: str | None = None) -> ProjectFacts:
    """A project with one task (done on `done`, else in progress) due on `due`."""
    state = f"已完成\n            completed_on: {done}" if done else "进行中"
    return facts(
        f"""
        tasks:
          - id: T-SBAZ01
            title: 完成主厂房钢结构吊装
            unit: 莱芜区工业和信息化局
            person: 秦雯
            state: {state}
        deadlines:
          - {{id: D-SBAZ01, target: T-SBAZ01, due: {due}, basis: 第40周周调度会议纪要}}
        """
    )


def identity(unit: str | None) -> str | None:
    return unit


# --- 1. overdue edges -------------------------------------------------------------------

AS_OF = D(2026, 11, 20)  # a Friday, the sample ledgers' report date (第47周)


@pytest.mark.parametrize(
    ("due", "window", "status", "days_overdue", "days_left"),
    [
        # due today: not overdue (overdue is strict), due soon with 0 days left
        ("2026-11-20", 7, Status.DUE_SOON, 0, 0),
        # due yesterday: overdue since today, 1 day; days_left 11-19 − 11-20 = −1
        ("2026-11-19", 7, Status.OVERDUE, 1, -1),
        # 30 days before: 2026-10-21 → 11-20 is 10 + 20 = 30 days overdue
        ("2026-10-21", 7, Status.OVERDUE, 30, -30),
        # window 0: due today is still "due soon" (0 ≤ 0), tomorrow is pending
        ("2026-11-20", 0, Status.DUE_SOON, 0, 0),
        ("2026-11-21", 0, Status.PENDING, 0, 1),
        ("2026-11-19", 0, Status.OVERDUE, 1, -1),
        # window 7: due in 7 days (11-27) is due soon, in 8 days (11-28) pending
        ("2026-11-27", 7, Status.DUE_SOON, 0, 7),
        ("2026-11-28", 7, Status.PENDING, 0, 8),
    ],
)
def test_overdue_edges(
    due: str, window: int, status: Status, days_overdue: int, days_left: int
) -> None:
    state = deadline_state(deadline(task_due(due), "T-SBAZ01"), AS_OF, window)
    assert state.status == status
    assert state.due == D.fromisoformat(due)
    assert state.days_overdue == days_overdue
    assert state.days_left == days_left
    assert state.extensions == 0
    assert state.done_on is None


# --- 2. extended deadlines --------------------------------------------------------------

EXTENDED = """
    issues:
      - id: I-YQ0001
        title: 项目用地范围内220千伏高压线迁改
        category: 配套
        source: 周调度
        cause_side: 政府
        raised: 2026-07-01
        state: 办理中
        unit: 国网济南市莱芜区供电公司
        person: 马强
    deadlines:
      - id: D-YQ0001
        target: I-YQ0001
        due: 2026-09-30
        basis: 第27周周调度会议纪要
        extensions:
          - {date: 2026-09-25, new_due: 2026-10-31, reason: 停电计划需省公司批准, approver: 王建国}
          - {date: 2026-10-30, new_due: 2026-11-30, reason: 铁塔基础施工遇岩层, approver: 王建国}
    """


@pytest.mark.parametrize(
    ("as_of", "due", "extensions", "status", "days_overdue", "days_left"),
    [
        # before any extension: the original 09-30, 10 days left (> 7: pending)
        (D(2026, 9, 20), D(2026, 9, 30), 0, Status.PENDING, 0, 10),
        # the day before the first extension: original date, 6 days left → due soon
        (D(2026, 9, 24), D(2026, 9, 30), 0, Status.DUE_SOON, 0, 6),
        # granted on 09-25 itself: the new date 10-31 is in force, 36 days left
        (D(2026, 9, 25), D(2026, 10, 31), 1, Status.PENDING, 0, 36),
        # 10-29: the second extension (granted 10-30) does not count yet; 2 days left
        (D(2026, 10, 29), D(2026, 10, 31), 1, Status.DUE_SOON, 0, 2),
        # 11-20: the last extension granted by then, 11-30, is in force; 10 days left
        (D(2026, 11, 20), D(2026, 11, 30), 2, Status.PENDING, 0, 10),
        # 12-02: overdue against the extended date, 2 days
        (D(2026, 12, 2), D(2026, 11, 30), 2, Status.OVERDUE, 2, -2),
    ],
)
def test_extended_deadline_in_force_on_the_report_date(
    as_of: dt.date,
    due: dt.date,
    extensions: int,
    status: Status,
    days_overdue: int,
    days_left: int,
) -> None:
    d = deadline(facts(EXTENDED), "I-YQ0001")
    assert d.due == D(2026, 9, 30)  # the original date stays in the record
    assert due_in_force(d, as_of) == (due, extensions)
    state = deadline_state(d, as_of, 7)
    assert (state.status, state.due, state.extensions) == (status, due, extensions)
    assert (state.days_overdue, state.days_left) == (days_overdue, days_left)


def test_extension_granted_after_the_report_date_does_not_count_yet() -> None:
    # Due 09-30; the extension to 11-30 was only granted on 10-10, after the date passed.
    p = facts(
        """
        tasks:
          - {id: T-HP0001, title: 取得环评批复, unit: 济南市生态环境局莱芜分局, person: 刘洋}
        deadlines:
          - id: D-HP0001
            target: T-HP0001
            due: 2026-09-30
            extensions:
              - date: 2026-10-10
                new_due: 2026-11-30
                reason: 专家评审意见需补充监测
                approver: 王建国
        """
    )
    d = deadline(p, "T-HP0001")
    # as of 10-05 the report sees the original date: overdue since 10-01, 5 days
    early = deadline_state(d, D(2026, 10, 5), 7)
    assert (early.status, early.due, early.extensions, early.days_overdue) == (
        Status.OVERDUE,
        D(2026, 9, 30),
        0,
        5,
    )
    # as of 10-10 the extension is granted: due 11-30, 51 days left (21 + 30)
    later = deadline_state(d, D(2026, 10, 10), 7)
    assert (later.status, later.due, later.extensions, later.days_left) == (
        Status.PENDING,
        D(2026, 11, 30),
        1,
        51,
    )


# --- 3. items closed late, withdrawn, approvals, milestones ----------------------------

CLOSURES = """
    issues:
      - id: I-BJ0001
        title: 临时用电增容审批
        category: 配套
        source: 周调度
        cause_side: 政府
        raised: 2026-09-01
        state: 已销号
        unit: 莱芜区住房和城乡建设局
        person: 郑磊
        closure: {date: 2026-10-20, verifier: 周海涛, evidence: 增容批复文件}
      - id: I-BJ0002
        title: 施工便道占用农田协调
        category: 施工环境
        source: 业主反映
        cause_side: 政府
        raised: 2026-09-01
        state: 已销号
        unit: 莱芜区住房和城乡建设局
        person: 郑磊
        closure: {date: 2026-10-15, verifier: 周海涛, evidence: 临时用地协议}
      - id: I-BJ0003
        title: 夜间施工许可办理
        category: 手续
        source: 业主反映
        cause_side: 企业
        raised: 2026-09-01
        state: 已销号
        unit: 莱芜区住房和城乡建设局
        person: 郑磊
        closure: {date: 2026-11-25, verifier: 周海涛, evidence: 夜间施工许可证}
      - id: I-BJ0004
        title: 燃气管线迁改
        category: 配套
        source: 周调度
        cause_side: 政府
        raised: 2026-09-01
        state: 已撤销
        unit: 莱芜区住房和城乡建设局
        person: 郑磊
        withdrawal: {date: 2026-10-01, reason: 经物探复测管线位于红线外，无需迁改}
    deadlines:
      - {id: D-BJ0001, target: I-BJ0001, due: 2026-10-15}
      - {id: D-BJ0002, target: I-BJ0002, due: 2026-10-15}
      - {id: D-BJ0003, target: I-BJ0003, due: 2026-10-15}
      - {id: D-BJ0004, target: I-BJ0004, due: 2026-10-15}
    """


def test_closed_after_the_due_date_is_met_late() -> None:
    state = deadline_state(deadline(facts(CLOSURES), "I-BJ0001"), AS_OF, 7)
    # closed 10-20, due 10-15: done, but 5 days late — not overdue any more
    assert (state.status, state.done_on, state.days_overdue) == (
        Status.MET_LATE,
        D(2026, 10, 20),
        0,
    )


def test_closed_on_the_due_date_is_met() -> None:
    state = deadline_state(deadline(facts(CLOSURES), "I-BJ0002"), AS_OF, 7)
    assert (state.status, state.done_on) == (Status.MET, D(2026, 10, 15))


def test_closure_dated_after_the_report_date_is_still_open() -> None:
    p = facts(CLOSURES)
    issue = next(i for i in p.issues if i.id == "I-BJ0003")
    # closed 11-25: as of 11-20 the issue is open and its deadline 36 days overdue
    # (10-15 → 11-20: 16 + 20 = 36)
    assert issue_open_on(issue, AS_OF)
    state = deadline_state(deadline(p, "I-BJ0003"), AS_OF, 7)
    assert (state.status, state.done_on, state.days_overdue) == (Status.OVERDUE, None, 36)
    # as of 11-25 it is closed, 41 days late
    assert not issue_open_on(issue, D(2026, 11, 25))
    assert deadline_state(deadline(p, "I-BJ0003"), D(2026, 11, 25)).status == Status.MET_LATE


def test_withdrawn_issue_is_cancelled_from_its_withdrawal() -> None:
    p = facts(CLOSURES)
    d = deadline(p, "I-BJ0004")
    assert deadline_state(d, AS_OF, 7).status == Status.CANCELLED
    # before the withdrawal (10-01) it was an open item, due in 14 days (09-30 → 10-15)
    before = deadline_state(d, D(2026, 9, 30), 7)
    assert (before.status, before.days_left) == (Status.PENDING, 15)
    issue = next(i for i in p.issues if i.id == "I-BJ0004")
    assert issue_open_on(issue, D(2026, 9, 30))
    assert not issue_open_on(issue, D(2026, 10, 1))


def test_unit_stats_counts_a_late_closure_as_closed_but_not_on_time() -> None:
    [stats] = unit_stats([facts(CLOSURES)], AS_OF, D(2026, 11, 16), 7, identity)
    # I-BJ0001 closed late, I-BJ0002 on time, I-BJ0003 still open (and overdue) on 11-20,
    # I-BJ0004 withdrawn (not counted): 3 issues, 2 closed, 1 on time, 1 open, 1 overdue
    assert stats == UnitStats(
        unit="莱芜区住房和城乡建设局",
        issues=3,
        open=1,
        closed=2,
        closed_in_period=0,  # both closures (10-15, 10-20) are before the week of 11-16
        closed_on_time=1,
        overdue=1,
        due_soon=0,
    )
    assert stats.on_time_rate == 0.5  # 1 / 2
    assert stats.closure_rate == 0.6667  # 2 / 3 = 0.66666… → 0.6667


def test_unit_stats_closures_in_the_period() -> None:
    # As of 11-30 in the period 10-16..11-30: I-BJ0001 (10-20) and I-BJ0003 (11-25) were
    # closed in it, I-BJ0002 (10-15) before; 3 closed, 1 on time (only I-BJ0002), none open.
    [stats] = unit_stats([facts(CLOSURES)], D(2026, 11, 30), D(2026, 10, 16), 7, identity)
    assert (stats.issues, stats.open, stats.closed, stats.closed_in_period) == (3, 0, 3, 2)
    assert (stats.closed_on_time, stats.overdue) == (1, 0)
    assert stats.on_time_rate == 0.3333  # 1 / 3


APPROVALS = """
    approvals:
      核准备案:
        status: 已办结
        permit_no: 莱发改投资〔2026〕12号
        agency: 莱芜区发展和改革局
        date: 2026-03-20
      用地规划许可:
        status: 已办结
        permit_no: 地字第370116202600031号
        agency: 济南市自然资源和规划局
        date: 2026-05-12
      环评审批: {status: 不涉及, note: 登记表已备案}
      施工许可: {status: 办理中, agency: 莱芜区行政审批服务局}
    deadlines:
      - {id: D-SP0001, target: approval:核准备案, due: 2026-03-31}
      - {id: D-SP0002, target: approval:用地规划许可, due: 2026-04-30}
      - {id: D-SP0003, target: approval:环评审批, due: 2026-04-30}
      - {id: D-SP0004, target: approval:施工许可, due: 2026-11-10}
    """


@pytest.mark.parametrize(
    ("target", "as_of", "status", "done_on"),
    [
        # 已办结 03-20, due 03-31: met; before the permit date, an open item
        ("approval:核准备案", AS_OF, Status.MET, D(2026, 3, 20)),
        ("approval:核准备案", D(2026, 3, 19), Status.PENDING, None),  # 12 days left
        # 已办结 05-12, due 04-30: met late; as of 05-11 overdue (11 days)
        ("approval:用地规划许可", AS_OF, Status.MET_LATE, D(2026, 5, 12)),
        ("approval:用地规划许可", D(2026, 5, 11), Status.OVERDUE, None),
        # 不涉及: cancelled whatever the date
        ("approval:环评审批", AS_OF, Status.CANCELLED, None),
        ("approval:环评审批", D(2026, 1, 1), Status.CANCELLED, None),
        # 办理中, due 11-10: overdue 10 days as of 11-20
        ("approval:施工许可", AS_OF, Status.OVERDUE, None),
    ],
)
def test_approval_deadlines(
    target: str, as_of: dt.date, status: Status, done_on: dt.date | None
) -> None:
    p = facts(APPROVALS)
    state = deadline_state(deadline(p, target), as_of, 7)
    assert (state.status, state.done_on) == (status, done_on)
    # approvals belong to the lead unit
    assert deadline(p, target).unit == "莱芜区发展和改革局"


def test_approval_overdue_days() -> None:
    p = facts(APPROVALS)
    # 04-30 → 05-11: 11 days; 11-10 → 11-20: 10 days
    assert deadline_state(deadline(p, "approval:用地规划许可"), D(2026, 5, 11)).days_overdue == 11
    assert deadline_state(deadline(p, "approval:施工许可"), AS_OF).days_overdue == 10


@pytest.mark.parametrize(
    ("schedule", "as_of", "status", "done_on", "days_overdue"),
    [
        # started 04-18, due 04-30: met
        ("schedule: {actual_start: 2026-04-18}", AS_OF, Status.MET, D(2026, 4, 18), 0),
        # started 05-06: met late
        ("schedule: {actual_start: 2026-05-06}", AS_OF, Status.MET_LATE, D(2026, 5, 6), 0),
        # started 05-06, seen as of 05-05: not yet started, overdue 5 days
        ("schedule: {actual_start: 2026-05-06}", D(2026, 5, 5), Status.OVERDUE, None, 5),
        # not started: overdue 204 days (04-30 → 11-20: 31+30+31+31+30+31+20 = 204)
        ("", AS_OF, Status.OVERDUE, None, 204),
    ],
)
def test_start_milestone_is_met_by_the_actual_start(
    schedule: str, as_of: dt.date, status: Status, done_on: dt.date | None, days_overdue: int
) -> None:
    p = facts(
        f"""
        {schedule}
        deadlines:
          - {{id: D-KG0001, target: milestone:开工, due: 2026-04-30, basis: 区开工计划}}
        """
    )
    state = deadline_state(deadline(p, "milestone:开工"), as_of, 7)
    assert (state.status, state.done_on, state.days_overdue) == (status, done_on, days_overdue)


def test_deadline_of_an_issue_raised_later_does_not_exist_yet() -> None:
    d = deadline(facts(CLOSURES), "I-BJ0001")  # raised 2026-09-01
    assert not exists_on(d, D(2026, 8, 31))
    assert exists_on(d, D(2026, 9, 1))


# --- 4. retired projects ----------------------------------------------------------------

RETIREMENT = """
    retirement:
      date: 2026-08-26
      reason: 企业变更投资计划，资金不足，经责任单位说明原因、审核后退库
      reviewer: 孙丽娟
    """

# An overdue issue (due 10-31) of 莱芜区投资促进服务中心, and a 开工 deadline missed.
STALLED = """
    issues:
      - id: I-TK0001
        title: 企业注册资本金未按约定到位
        category: 资金
        source: 督导检查
        cause_side: 企业
        raised: 2026-04-15
        state: 办理中
        unit: 莱芜区投资促进服务中心
        person: 何平
    deadlines:
      - {id: D-TK0001, target: I-TK0001, due: 2026-10-31}
      - {id: D-TK0002, target: milestone:开工, due: 2026-05-31}
    """

STALLED_INVESTMENT = (
    "investment: {year: 2026, total: 80000, plan_this_year: 10000, completed_this_year: 0}"
)


def retired_and_twin() -> tuple[ProjectFacts, ProjectFacts]:
    """The same stalled project, once retired (退库) and once still in the pool."""
    retired = facts(
        STALLED,
        project_id="ceshi-tuiku-xiangmu",
        pool="退库",
        head=RETIREMENT,
        investment=STALLED_INVESTMENT,
    )
    twin = facts(STALLED, project_id="ceshi-zaiku-xiangmu", investment=STALLED_INVESTMENT)
    return retired, twin


def active_project() -> ProjectFacts:
    return facts(project_id="ceshi-zhengchang-xiangmu")


def test_retired_projects_are_left_out_of_totals() -> None:
    retired, twin = retired_and_twin()
    assert retired.retired
    assert retired.retired_on == D(2026, 8, 26)
    active = active_project()
    with_retired = totals([active, retired], MONTHS, AS_OF)
    assert with_retired == totals([active], MONTHS, AS_OF)
    # only the active project: total 30000, plan 6000, completed 3000 = 50%
    assert (with_retired.projects, with_retired.total, with_retired.plan) == (1, 30000.0, 6000.0)
    assert (with_retired.completed, with_retired.completion) == (3000.0, 0.5)
    # the twin still in the pool counts: 30000 + 80000, plan 6000 + 10000
    with_twin = totals([active, twin], MONTHS, AS_OF)
    assert (with_twin.projects, with_twin.total, with_twin.plan) == (2, 110000.0, 16000.0)


def test_a_project_counts_until_its_retirement_date() -> None:
    """Retired on 2026-08-26: a report as of 08-25 still counts it, one as of 08-26 not."""
    retired, twin = retired_and_twin()
    before = totals([retired], MONTHS, D(2026, 8, 25))
    assert before.projects == 1
    assert before.total == twin.investment.total
    assert totals([retired], MONTHS, D(2026, 8, 26)).projects == 0
    assert project_lights(retired, sample_config(), D(2026, 8, 25)) != []


def test_retired_projects_get_no_lights() -> None:
    retired, twin = retired_and_twin()
    config = sample_config()
    assert project_lights(retired, config, AS_OF) == []
    # the twin: completion 0% against 10/12 = 83.3% (Jan-Oct complete on 11-20)
    # → 83.3 points behind, red;
    # not started, planned May: 5 whole months since 06-01 → red
    assert project_lights(twin, config, AS_OF) == [
        ProjectLight(LightKind.INVESTMENT, Light.RED, 83.3),
        ProjectLight(LightKind.START, Light.RED, 5),
    ]


def test_retired_projects_are_left_out_of_unit_stats() -> None:
    retired, twin = retired_and_twin()
    assert unit_stats([retired], AS_OF, D(2026, 11, 16), 7, identity) == []
    units = {s.unit: s for s in unit_stats([twin], AS_OF, D(2026, 11, 16), 7, identity)}
    assert units["莱芜区投资促进服务中心"].overdue == 1
    assert units["莱芜区发展和改革局"].overdue == 1  # the 开工 deadline, led by the lead unit


def test_retired_project_is_not_in_the_overdue_command(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root")
    for project_id, pool, head in (
        ("ceshi-tuiku-xiangmu", "退库", RETIREMENT),
        ("ceshi-zaiku-xiangmu", "新建", ""),
    ):
        text = yaml_project(
            STALLED, project_id=project_id, pool=pool, head=head, investment=STALLED_INVESTMENT
        )
        # The issue's owner gets a responsibility (PL205), and each project its own name
        # (PL302), so `check` finds nothing: reports leave out files it would fail.
        lead = "  - {id: R-UNIT01, role: 牵头单位, unit: 莱芜区发展和改革局, person: 孙丽娟, "
        assert lead in text
        text = text.replace(
            lead,
            "  - {id: R-UNIT02, role: 责任单位, unit: 莱芜区投资促进服务中心, person: 何平, "
            "duties: 督促资本金到位}\n" + lead,
        ).replace("name: 莱芜区测试装备产业园项目", f"name: 莱芜区测试装备产业园项目（{pool}）")
        read_project(text)
        (root / "projects" / f"{project_id}.yaml").write_text(text, encoding="utf-8")
    checked = run_cli("check", root, "--format", "json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout  # both files are valid projects
    result = run_cli(
        "overdue", "--root", root, "--as-of", "2026-11-20", "--format", "json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["invalid_files"] == []
    [items] = [t for t in report["tables"] if t["key"] == "items"]
    rows = {(r["project_id"], r["target"]) for r in items["rows"]}
    assert ("ceshi-zaiku-xiangmu", "I-TK0001") in rows
    assert ("ceshi-zaiku-xiangmu", "milestone:开工") in rows
    assert not any(project_id == "ceshi-tuiku-xiangmu" for project_id, _ in rows)
    assert "ceshi-tuiku-xiangmu" not in result.stdout


# --- 5. time progress ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "as_of", "year", "expected"),
    [
        # months: m / 12 for the months complete on the report date (a month counts from
        # its last day): investment statistics are monthly
        (MONTHS, D(2026, 1, 1), 2026, 0.0),  # no month complete yet: 0 / 12
        (MONTHS, D(2026, 1, 30), 2026, 0.0),
        (MONTHS, D(2026, 1, 31), 2026, 1 / 12),  # January complete
        (MONTHS, D(2026, 2, 1), 2026, 1 / 12),
        (MONTHS, D(2026, 2, 28), 2026, 2 / 12),  # the last day of February 2026
        (MONTHS, D(2028, 2, 28), 2028, 1 / 12),  # not the last day in a leap year
        (MONTHS, D(2028, 2, 29), 2028, 2 / 12),
        (MONTHS, D(2026, 11, 20), 2026, 10 / 12),  # the docstring's example: Jan-Oct
        (MONTHS, D(2026, 12, 30), 2026, 11 / 12),
        (MONTHS, D(2026, 12, 31), 2026, 1.0),  # 12 / 12
        (MONTHS, D(2025, 12, 31), 2026, 0.0),  # the year before the investment year
        (MONTHS, D(2027, 1, 1), 2026, 1.0),  # the year after
        # days: elapsed days including the report date / days in the year
        (DAYS, D(2026, 1, 1), 2026, 1 / 365),
        (DAYS, D(2026, 1, 31), 2026, 31 / 365),
        (DAYS, D(2026, 2, 1), 2026, 32 / 365),
        (DAYS, D(2026, 2, 28), 2026, 59 / 365),  # 31 + 28
        (DAYS, D(2026, 3, 1), 2026, 60 / 365),
        (DAYS, D(2028, 2, 28), 2028, 59 / 366),
        (DAYS, D(2028, 2, 29), 2028, 60 / 366),  # 31 + 29
        (DAYS, D(2028, 3, 1), 2028, 61 / 366),
        (DAYS, D(2026, 12, 31), 2026, 1.0),  # 365 / 365
        (DAYS, D(2028, 12, 31), 2028, 1.0),  # 366 / 366
        (DAYS, D(2025, 12, 31), 2026, 0.0),
        (DAYS, D(2027, 1, 1), 2026, 1.0),
        # monthly_plan without a monthly plan: months (Jan and Feb complete on 03-15)
        (MONTHLY_PLAN, D(2026, 3, 15), 2026, 2 / 12),
        (MONTHLY_PLAN, D(2025, 12, 31), 2026, 0.0),
        (MONTHLY_PLAN, D(2027, 1, 1), 2026, 1.0),
    ],
)
def test_time_progress(
    method: TimeProgressMethod, as_of: dt.date, year: int, expected: float
) -> None:
    assert time_progress(method, as_of, year) == expected


# 50 + 50 + 8 × 100 + 50 + 50 = 1000
MONTHLY = (50.0, 50.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 50.0, 50.0)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # the plan of the months complete on the report date / the year's plan
        (D(2026, 1, 1), 0.0),  # no month complete
        (D(2026, 1, 31), 50 / 1000),
        (D(2026, 2, 28), 100 / 1000),  # 50 + 50
        (D(2026, 3, 1), 100 / 1000),  # still Jan + Feb
        (D(2026, 3, 31), 200 / 1000),  # 50 + 50 + 100
        (D(2026, 11, 30), 950 / 1000),  # 50 + 50 + 8 × 100 + 50
        (D(2026, 12, 30), 950 / 1000),
        (D(2026, 12, 31), 1.0),
        (D(2025, 12, 31), 0.0),
        (D(2027, 1, 1), 1.0),
    ],
)
def test_time_progress_by_monthly_plan(as_of: dt.date, expected: float) -> None:
    assert time_progress(MONTHLY_PLAN, as_of, 2026, MONTHLY, 1000) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2026, 7, 31), 1050 / 1200),  # 7 × 150 = 1050 of 1200
        (D(2026, 8, 1), 1050 / 1200),  # August not complete yet
        (D(2026, 8, 31), 1.0),  # 8 × 150 = 1200 of 1200
        (D(2026, 9, 30), 1.0),  # 9 × 150 = 1350 > 1200: capped at 1
        (D(2026, 12, 31), 1.0),  # 1800 > 1200
    ],
)
def test_time_progress_cumulative_plan_over_the_years_plan_is_capped(
    as_of: dt.date, expected: float
) -> None:
    assert time_progress(MONTHLY_PLAN, as_of, 2026, (150.0,) * 12, 1200) == expected


def test_time_progress_monthly_plan_without_a_years_plan_falls_back_to_months() -> None:
    # 05-20: January-April complete
    assert time_progress(MONTHLY_PLAN, D(2026, 5, 20), 2026, MONTHLY, 0) == 4 / 12


def test_time_progress_from_a_monthly_plan_in_the_file() -> None:
    p = facts(
        investment="""
        investment:
          year: 2026
          total: 30000
          plan_this_year: 1000
          completed_this_year: 300
          monthly_plan: [50, 50, 100, 100, 100, 100, 100, 100, 100, 100, 50, 50]
        """
    )
    assert p.investment.monthly_plan == MONTHLY
    # April: 50 + 50 + 100 + 100 = 300 of 1000; months would say 4/12
    assert project_time_progress(p.investment, MONTHLY_PLAN, D(2026, 4, 30)) == 300 / 1000
    assert project_time_progress(p.investment, MONTHS, D(2026, 4, 30)) == 4 / 12
    # completion 300 / 1000 = 30% against 30%: 0 points
    assert points(rate(300, 1000), 300 / 1000) == 0.0


def test_jiangmen_example() -> None:
    # 江门 1-10月: 629.0 / 647.4 = 0.97157… = 97.2%; time progress 10/12 = 83.3%;
    # gap (0.97157… − 0.83333…) × 100 = 13.82… → 超过时间进度 13.8 个百分点
    completion = rate(629.0, 647.4)
    assert completion is not None
    assert round(completion * 100, 1) == 97.2
    progress = time_progress(MONTHS, D(2026, 10, 31), 2026)
    assert progress == 10 / 12
    assert round(progress * 100, 1) == 83.3
    assert points(completion, progress) == 13.8
    # a report on 11-20 compares the January-October figures with 10/12 too
    assert time_progress(MONTHS, D(2026, 11, 20), 2026) == 10 / 12
    # the same through a project file and the totals
    p = facts(
        investment="investment: {year: 2026, total: 3000, plan_this_year: 647.4, "
        "completed_this_year: 629.0}"
    )
    t = totals([p], MONTHS, D(2026, 10, 31))
    assert (t.plan, t.completed) == (647.4, 629.0)
    assert t.completion == 0.9716  # 0.971578… to 4 places
    assert t.time_progress == 0.8333
    assert t.gap == 13.8
    light = investment_light(p, sample_config(), D(2026, 10, 31))
    assert light == ProjectLight(LightKind.INVESTMENT, Light.GREEN, -13.8)


def test_points_without_a_plan() -> None:
    assert rate(100, 0) is None
    assert points(None, 0.5) is None


# --- 6. lights ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("completed", "light", "behind"),
    [
        # as of 06-30 time progress is 6/12 = 50%; plan 1000
        ("600", Light.GREEN, -10.0),  # 60% − 50% = 10 points ahead
        ("500", Light.GREEN, 0.0),  # on time progress
        ("401", Light.GREEN, 9.9),  # 40.1% − 50% = −9.9
        ("400", Light.YELLOW, 10.0),  # exactly 10 behind: yellow
        ("250", Light.YELLOW, 25.0),
        ("200", Light.YELLOW, 30.0),  # exactly 30 behind: still yellow
        ("199", Light.RED, 30.1),  # 19.9% − 50% = −30.1: red
        ("0", Light.RED, 50.0),
    ],
)
def test_investment_light(completed: str, light: Light, behind: float) -> None:
    p = facts(
        investment="investment: {year: 2026, total: 5000, plan_this_year: 1000, "
        f"completed_this_year: {completed}}}"
    )
    assert investment_light(p, sample_config(), D(2026, 6, 30)) == ProjectLight(
        LightKind.INVESTMENT, light, behind
    )


def test_no_investment_light_without_a_plan_or_in_another_year() -> None:
    config = sample_config()
    no_plan = facts(investment="investment: {year: 2026, total: 5000}")
    assert investment_light(no_plan, config, AS_OF) is None
    assert investment_light(active_project(), config, D(2027, 1, 15)) is None


START = """
    schedule: {}
    deadlines:
      - {id: D-KG0002, target: milestone:开工, due: 2026-06-15, basis: 2026年区重点项目开工计划}
    """


@pytest.mark.parametrize(
    ("as_of", "light", "months"),
    [
        # planned 06-15: no light within June, even after the planned day
        (D(2026, 6, 15), None, 0),
        (D(2026, 6, 30), None, 0),
        # June ended without a start: yellow at once (yellow_after_months 0)
        (D(2026, 7, 1), Light.YELLOW, 0),
        (D(2026, 7, 31), Light.YELLOW, 0),
        (D(2026, 8, 1), Light.YELLOW, 1),  # 07-01 → 08-01: 1 whole month
        (D(2026, 9, 30), Light.YELLOW, 2),  # 07-01 → 09-30: 2 whole months
        (D(2026, 10, 1), Light.RED, 3),  # 07-01 → 10-01: 3 whole months (red_after_months 3)
        (D(2026, 11, 20), Light.RED, 4),
    ],
)
def test_start_light(as_of: dt.date, light: Light | None, months: int) -> None:
    p = facts(START)
    expected = None if light is None else ProjectLight(LightKind.START, light, months)
    assert start_light(p, sample_config(), as_of) == expected


def test_start_light_off_once_started_by_the_report_date() -> None:
    p = facts(START.replace("schedule: {}", "schedule: {actual_start: 2026-08-10}"))
    config = sample_config()
    assert start_light(p, config, D(2026, 8, 10)) is None
    # as of 08-09 the start had not happened: 1 whole month since 07-01
    assert start_light(p, config, D(2026, 8, 9)) == ProjectLight(LightKind.START, Light.YELLOW, 1)


def test_start_light_follows_an_extended_start_date() -> None:
    p = facts(
        """
        deadlines:
          - id: D-KG0003
            target: milestone:开工
            due: 2026-06-15
            extensions:
              - {date: 2026-06-20, new_due: 2026-08-15, reason: 施工许可延后, approver: 王建国}
        """
    )
    # planned August now: month ended 09-01, 09-01 → 10-01 is 1 whole month
    assert start_light(p, sample_config(), D(2026, 10, 1)) == ProjectLight(
        LightKind.START, Light.YELLOW, 1
    )


def test_planned_start_this_year() -> None:
    assert planned_start_this_year(facts(START), AS_OF)
    assert not planned_start_this_year(facts(START), D(2027, 3, 1))


NEGOTIATING_HEAD = "maturity: A"
NEGOTIATING_INVESTMENT = "investment: {year: 2026, total: 50000}"
# Recorded progress: raised 05-20, notes 05-28 and 09-20; the last activity is 09-20.
NEGOTIATING = """
    issues:
      - id: I-QT0001
        title: 项目用地指标需市级统筹
        category: 用地
        source: 业主反映
        cause_side: 政府
        raised: 2026-05-20
        state: 办理中
        unit: 莱芜区投资促进服务中心
        person: 何平
        progress:
          - {date: 2026-05-28, note: 与企业第二轮洽谈，确定投资强度}
          - {date: 2026-09-20, note: 企业提交项目建议书}
    """


def negotiating() -> ProjectFacts:
    return facts(
        NEGOTIATING,
        pool="在谈",
        head=NEGOTIATING_HEAD,
        investment=NEGOTIATING_INVESTMENT,
    )


@pytest.mark.parametrize(
    ("as_of", "light", "months"),
    [
        (D(2026, 9, 20), Light.GREEN, 0),
        (D(2026, 11, 19), Light.GREEN, 1),  # 09-20 → 11-19: 2 − 1 (19 < 20) = 1
        (D(2026, 11, 20), Light.YELLOW, 2),  # 2 whole months without progress
        (D(2026, 12, 19), Light.YELLOW, 2),
        (D(2026, 12, 20), Light.RED, 3),  # 3 whole months
    ],
)
def test_negotiation_light(as_of: dt.date, light: Light, months: int) -> None:
    p = negotiating()
    assert p.last_activity(as_of) == min(as_of, D(2026, 9, 20))
    expected = ProjectLight(LightKind.NEGOTIATION, light, months)
    assert negotiation_light(p, sample_config(), as_of) == expected
    assert project_lights(p, sample_config(), as_of) == [expected]


def test_negotiation_light_only_for_projects_under_negotiation() -> None:
    p = facts(NEGOTIATING, investment=NEGOTIATING_INVESTMENT)  # 新建
    assert negotiation_light(p, sample_config(), D(2026, 12, 20)) is None


def test_negotiation_light_as_of_an_earlier_date_ignores_later_progress() -> None:
    # A report for 08-31 made from today's file: by 08-31 the last recorded progress was
    # the note of 05-28 (the 09-20 note did not exist yet): 05-28 → 08-31 is 3 whole
    # months → red, as a report made on 08-31 said. Progress recorded later must not turn
    # a past report's light green ("the same command gives the same report whenever it
    # runs", commands/reports_run.py).
    assert negotiation_light(negotiating(), sample_config(), D(2026, 8, 31)) == ProjectLight(
        LightKind.NEGOTIATION, Light.RED, 3
    )


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (D(2026, 1, 31), D(2026, 2, 28), 0),  # documented: Jan 31 → Feb 28 is 0
        (D(2026, 1, 31), D(2026, 3, 1), 1),  # → Mar 1 is 1
        (D(2026, 1, 31), D(2026, 3, 31), 2),
        (D(2026, 1, 15), D(2026, 2, 14), 0),
        (D(2026, 1, 15), D(2026, 2, 15), 1),
        (D(2026, 11, 20), D(2027, 1, 19), 1),  # across a year: 2 − 1
        (D(2026, 11, 20), D(2027, 1, 20), 2),
        (D(2026, 5, 1), D(2026, 4, 1), 0),  # end before start: never negative
    ],
)
def test_whole_months_between(start: dt.date, end: dt.date, months: int) -> None:
    assert whole_months_between(start, end) == months


# --- 7. periods ----------------------------------------------------------------------------


def test_2026_has_53_iso_weeks() -> None:
    # 2026-01-01 is a Thursday, so 2026 has an ISO week 53; 2027 (starting Friday) has not
    assert dt.date.fromisocalendar(2026, 53, 1) == D(2026, 12, 28)
    with pytest.raises(ValueError, match="53"):
        dt.date.fromisocalendar(2027, 53, 1)


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("2026-W53", D(2026, 12, 28), D(2027, 1, 3), "2026-W53"),
        ("2027-W01", D(2027, 1, 4), D(2027, 1, 10), "2027-W01"),
        ("2027-W1", D(2027, 1, 4), D(2027, 1, 10), "2027-W01"),
        ("2026W47", D(2026, 11, 16), D(2026, 11, 22), "2026-W47"),
        ("2020-W53", D(2020, 12, 28), D(2021, 1, 3), "2020-W53"),
        ("2026-W01", D(2025, 12, 29), D(2026, 1, 4), "2026-W01"),
    ],
)
def test_iso_weeks(text: str, start: dt.date, end: dt.date, name: str) -> None:
    assert period.week(text) == period.Period(start, end, name)


def test_week_of_a_day_in_the_last_week_of_the_year_before() -> None:
    # 2027-01-01 (Friday) is in ISO week 2026-W53
    assert period.week_of(D(2027, 1, 1)) == period.week("2026-W53")
    assert period.week_of(D(2027, 1, 4)) == period.week("2027-W01")
    assert period.week_of(D(2025, 12, 29)) == period.week("2026-W01")


@pytest.mark.parametrize("text", ["2026-W54", "2027-W53", "2026-W00", "2026-47", "W47"])
def test_invalid_weeks(text: str) -> None:
    with pytest.raises(UsageError):
        period.week(text)


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("2026-12", D(2026, 12, 1), D(2026, 12, 31), "2026-12"),
        ("2026-1", D(2026, 1, 1), D(2026, 1, 31), "2026-01"),
        ("2026-02", D(2026, 2, 1), D(2026, 2, 28), "2026-02"),
        ("2028-02", D(2028, 2, 1), D(2028, 2, 29), "2028-02"),
        ("2026-11", D(2026, 11, 1), D(2026, 11, 30), "2026-11"),
    ],
)
def test_months(text: str, start: dt.date, end: dt.date, name: str) -> None:
    assert period.month(text) == period.Period(start, end, name, months=1)


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("2026-Q1", D(2026, 1, 1), D(2026, 3, 31), "2026-Q1"),
        ("2026-Q2", D(2026, 4, 1), D(2026, 6, 30), "2026-Q2"),
        ("2026Q3", D(2026, 7, 1), D(2026, 9, 30), "2026-Q3"),
        ("2026-Q4", D(2026, 10, 1), D(2026, 12, 31), "2026-Q4"),
    ],
)
def test_quarters(text: str, start: dt.date, end: dt.date, name: str) -> None:
    assert period.quarter(text) == period.Period(start, end, name, months=3)


@pytest.mark.parametrize(
    ("parse", "text"),
    [(period.month, "2026-13"), (period.month, "2026-00"), (period.quarter, "2026-Q5")],
)
def test_invalid_months_and_quarters(parse: Callable[[str], period.Period], text: str) -> None:
    with pytest.raises(UsageError):
        parse(text)


def test_periods_of_the_last_day_of_the_year() -> None:
    assert period.month_of(D(2026, 12, 31)) == period.month("2026-12")
    assert period.quarter_of(D(2026, 12, 31)) == period.quarter("2026-Q4")
    assert period.quarter_of(D(2026, 4, 1)) == period.quarter("2026-Q2")


def test_next_week_crosses_the_year() -> None:
    upcoming = period.week("2026-W53").next()
    assert (upcoming.start, upcoming.end) == (D(2027, 1, 4), D(2027, 1, 10))  # 2027-W01


def test_next_custom_period_has_the_same_length() -> None:
    upcoming = period.dates(D(2026, 11, 1), D(2026, 11, 15)).next()
    assert (upcoming.start, upcoming.end) == (D(2026, 11, 16), D(2026, 11, 30))


@pytest.mark.parametrize(
    ("current", "start", "end"),
    [
        # the monthly bulletin's "due next month" (下月到期) must cover the whole month:
        # after November (30 days) comes December with its 31st, a common year-end date
        (period.month("2026-11"), D(2026, 12, 1), D(2026, 12, 31)),
        (period.month("2026-01"), D(2026, 2, 1), D(2026, 2, 28)),
        (period.month("2026-12"), D(2027, 1, 1), D(2027, 1, 31)),
        (period.quarter("2026-Q4"), D(2027, 1, 1), D(2027, 3, 31)),
        (period.quarter("2026-Q1"), D(2026, 4, 1), D(2026, 6, 30)),
    ],
)
def test_next_month_and_quarter_are_calendar_periods(
    current: period.Period, start: dt.date, end: dt.date
) -> None:
    upcoming = current.next()
    assert (upcoming.start, upcoming.end) == (start, end)


# --- 8. became overdue in a week --------------------------------------------------------

WEEK_47 = period.week("2026-W47")  # Monday 2026-11-16 .. Sunday 2026-11-22


@pytest.mark.parametrize(
    ("due", "done", "became"),
    [
        # due the Sunday before: overdue from Monday 11-16, inside the week
        ("2026-11-15", None, True),
        # due the week's Sunday: overdue from Monday 11-23, next week
        ("2026-11-22", None, False),
        # due Saturday 11-21: overdue from Sunday 11-22, the week's last day
        ("2026-11-21", None, True),
        # due a week earlier: overdue since 11-09, not new this week
        ("2026-11-08", None, False),
        # done before or on the due date: never overdue
        ("2026-11-15", "2026-11-12", False),
        ("2026-11-15", "2026-11-15", False),
        # done on Wednesday 11-18, late: it still became overdue on Monday
        ("2026-11-15", "2026-11-18", True),
        # done on Monday 11-16, the first overdue day: done late (逾期完成), so it was not
        # done by its due date and became overdue that day (the function's docstring)
        ("2026-11-15", "2026-11-16", True),
    ],
)
def test_became_overdue_in_the_week(due: str, done: str | None, became: bool) -> None:
    d = deadline(task_due(due, done=done), "T-SBAZ01")
    assert became_overdue_in(d, WEEK_47.start, WEEK_47.end) is became


# --- 9. facts JSON round trip -------------------------------------------------------------

SAMPLE_PROJECTS = sorted((SAMPLE_ROOT / "projects").glob("*.yaml"))


def test_there_are_sample_projects() -> None:
    assert len(SAMPLE_PROJECTS) >= 10


@pytest.mark.parametrize("path", SAMPLE_PROJECTS, ids=lambda p: p.stem)
def test_facts_json_round_trip_of_sample_projects(path: Path) -> None:
    f = project_facts(read_project(path.read_text(encoding="utf-8"), path.name))
    assert f.id == path.stem
    assert facts_from_json(json.loads(json.dumps(facts_to_json(f), ensure_ascii=False))) == f


@pytest.mark.parametrize("path", SAMPLE_PROJECTS, ids=lambda p: p.stem)
def test_due_index_of_sample_projects_agrees_with_their_facts(path: Path) -> None:
    """The due index is built from the model, not from the facts: both give one answer."""
    from projledger.ledger import due_index
    from projledger.ledger.due_index import due_index_from_json, due_index_of

    project = read_project(path.read_text(encoding="utf-8"), path.name)
    f = project_facts(project)
    value, stored = due_index_of(project)
    index = due_index_from_json(json.loads(json.dumps(value)), stored)
    assert (index.id, index.name, index.levels, index.pool, index.leader) == (
        f.id,
        f.name,
        f.levels,
        f.pool,
        f.leader,
    )
    assert (index.retired_on, index.code) == (f.retired_on, f.code)
    fields = bytes(index.fields)
    deadlines = [due_index._decode_deadline(line) for line in fields.split(b"\n")] if fields else []
    assert tuple(deadlines) == f.deadlines


def test_facts_json_round_trip_of_hand_made_projects() -> None:
    made = [
        facts(CLOSURES),
        facts(EXTENDED),
        facts(APPROVALS),
        negotiating(),
        *retired_and_twin(),
        facts(
            START.replace("schedule: {}", "schedule: {actual_start: 2026-08-10}"),
            investment="""
            investment:
              year: 2026
              total: 30000
              plan_this_year: 1000
              completed_this_year: 300.5
              monthly_plan: [50, 50, 100, 100, 100, 100, 100, 100, 100, 100, 50, 50]
              updated: 2026-11-10
            """,
        ),
    ]
    for f in made:
        assert facts_from_json(json.loads(json.dumps(facts_to_json(f)))) == f


def test_one_reader_shares_what_projects_repeat() -> None:
    """A ledger's projects repeat their units, people, states and days: read by one
    `FactsReader`, each is one object, and every project reads back as itself."""
    facts = [
        project_facts(read_project(path.read_text(encoding="utf-8"), path.name))
        for path in SAMPLE_PROJECTS
    ]
    read = FactsReader()
    back = [read(json.loads(json.dumps(facts_to_json(f), ensure_ascii=False))) for f in facts]
    assert back == facts
    first: dict[object, int] = {}  # each value: the id of the object first met

    def one_object(value: object) -> None:
        assert first.setdefault(value, id(value)) == id(value), value

    for f in back:
        for issue in f.issues:
            for text in (issue.category, issue.state, issue.unit, issue.person, issue.raised):
                one_object(text)
        for value in (f.pool, f.stage, f.leader, f.levels, *f.activity):
            one_object(value)
    assert len(first) > 20


# --- 10. one unit under its short and full names -----------------------------------------


def test_short_and_full_unit_names_are_one_unit() -> None:
    p = facts(
        """
        issues:
          - id: I-DW0001
            title: 施工图审查进度滞后
            category: 手续
            source: 周调度
            cause_side: 政府
            raised: 2026-10-01
            state: 办理中
            unit: 区住建局
            person: 郑磊
          - id: I-DW0002
            title: 商品混凝土供应不足
            category: 施工环境
            source: 业主反映
            cause_side: 企业
            raised: 2026-10-05
            state: 已销号
            unit: 莱芜区住房和城乡建设局
            person: 郑磊
            closure: {date: 2026-10-30, verifier: 周海涛, evidence: 协调会议纪要}
        deadlines:
          - {id: D-DW0001, target: I-DW0001, due: 2026-11-10}
          - {id: D-DW0002, target: I-DW0002, due: 2026-11-10}
        """
    )
    resolve = unit_resolver(sample_config())
    assert resolve("区住建局") == "莱芜区住房和城乡建设局"
    assert resolve("莱芜区住房和城乡建设局") == "莱芜区住房和城乡建设局"
    [stats] = unit_stats([p], AS_OF, D(2026, 11, 16), 7, resolve)
    # one unit: 2 issues, 1 open (and overdue since 11-11), 1 closed on time (10-30 ≤ 11-10)
    assert stats == UnitStats(
        unit="莱芜区住房和城乡建设局",
        issues=2,
        open=1,
        closed=1,
        closed_in_period=0,
        closed_on_time=1,
        overdue=1,
        due_soon=0,
    )
    # without resolving names the ranking would split the unit in two
    split = unit_stats([p], AS_OF, D(2026, 11, 16), 7, identity)
    assert sorted(s.unit for s in split) == ["区住建局", "莱芜区住房和城乡建设局"]


# --- the due index's bounds (ledger/due_index.py) ---------------------------------------


def _random_deadline(rng: random.Random, base: dt.date) -> DeadlineFacts:
    def day(spread: int = 60) -> dt.date:
        return base + dt.timedelta(days=rng.randint(-spread, spread))

    def maybe() -> dt.date | None:
        return day() if rng.random() < 0.5 else None

    # Extensions granted in any order, some moving the date earlier: the bounds must hold
    # for odd records too.
    extensions = tuple((day(), day()) for _ in range(rng.choice((0, 0, 1, 2, 3))))
    cancelled = rng.choice((None, None, None, dt.date.min, day()))
    return DeadlineFacts(
        "D-1",
        "I-1",
        "issue",
        "问题",
        day(),
        extensions,
        "区发改局",
        None,
        maybe(),
        cancelled,
        maybe(),
    )


def test_due_index_bounds_never_miss_a_deadline_deadline_state_lists() -> None:
    """On any day, an overdue deadline lies within its overdue bounds, and an open one
    within its open bounds: the index may decode too many, never too few."""
    from projledger.compute.deadlines import OPEN, first_possible_overdue, open_until

    rng = random.Random(20261123)
    base = dt.date(2026, 11, 20)
    for _ in range(3000):
        d = _random_deadline(rng, base)
        until = open_until(d)
        first = first_possible_overdue(d)
        for offset in range(-70, 71, 3):
            today = base + dt.timedelta(days=offset)
            if not exists_on(d, today):
                continue
            status = deadline_state(d, today).status
            still_open = until is None or today < until
            if status == Status.OVERDUE:
                assert first <= today and still_open, (d, today)
            if status in OPEN:
                assert (d.since is None or d.since <= today) and still_open, (d, today)


def test_due_index_gives_back_the_deadlines_that_can_match() -> None:
    from projledger.ledger.due_index import due_index_from_json, due_index_of

    project = read_project(
        yaml_project(
            """
            tasks:
              - {id: T-SBAZ01, title: 吊装, unit: 莱芜区工业和信息化局, state: 进行中}
              - {id: T-SBAZ02, title: 封顶, unit: 莱芜区工业和信息化局, state: 进行中}
              - {id: T-SBAZ03, title: 验收, unit: 莱芜区工业和信息化局, state: 已完成,
                 completed_on: 2026-11-05}
            deadlines:
              - {id: D-SBAZ01, target: T-SBAZ01, due: 2026-11-10, basis: 纪要}
              - {id: D-SBAZ02, target: T-SBAZ02, due: 2026-11-30, basis: 纪要}
              - {id: D-SBAZ03, target: T-SBAZ03, due: 2026-11-10, basis: 纪要}
            """
        )
    )  # T-SBAZ01 overdue from 11-11; T-SBAZ02 not yet due; T-SBAZ03 done in time
    p = project_facts(project)
    value, stored = due_index_of(project)
    # The value as the cache's JSON keeps it, the bytes as a view of the cache file's.
    index = due_index_from_json(json.loads(json.dumps(value)), memoryview(stored))
    assert bytes(index.fields).count(b"\n") == len(p.deadlines) - 1  # one line each
    assert (index.id, index.name, index.levels, index.pool) == (p.id, p.name, p.levels, p.pool)
    day = dt.date(2026, 11, 20)
    assert [d.target for d in index.could_be_overdue_on(day)] == ["T-SBAZ01"]
    assert [d.target for d in index.open_on(day)] == ["T-SBAZ01", "T-SBAZ02"]
    assert index.could_be_overdue_on(dt.date(2026, 11, 10)) == []
    assert set(index.open_on(dt.date(2026, 11, 1))) == set(p.deadlines)
    # What is decoded is exactly what the facts hold.
    assert {d.target: d for d in index.open_on(day)} == {
        d.target: d for d in p.deadlines if d.target != "T-SBAZ03"
    }

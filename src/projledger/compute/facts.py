"""What reports need to know about a project, taken from its validated model once.

Reports read every project file; building a full `Project` model for each costs more than
everything the reports compute. So each project is reduced to `ProjectFacts` (dates,
states, owners and figures, no long texts), which `ledger/facts_cache.py` keeps on disk by
file content, and every computation in `projledger.compute` works on facts. A project's
facts depend on its file alone, never on the config or the report date.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from projledger.model.enums import (
    ApprovalStatus,
    IssueState,
    Pool,
    Role,
    TaskState,
)

if TYPE_CHECKING:
    # Only the parse (in the cache's workers) meets models: a warm report never builds
    # the project models' classes.
    from projledger.model.project import Deadline, Issue, Project, Task

FACTS_FORMAT = 8


class TargetKind:
    ISSUE = "issue"
    TASK = "task"
    APPROVAL = "approval"
    MILESTONE = "milestone"


class DeadlineFacts(NamedTuple):
    id: str
    target: str
    kind: str
    """One of `TargetKind`."""
    title: str
    """The target's title: the issue's or task's, the approval's or milestone's name."""
    due: dt.date
    """The original due date."""
    extensions: tuple[tuple[dt.date, dt.date], ...]
    """(granted on, new due date), in the order they were granted."""
    unit: str | None
    person: str | None
    done_on: dt.date | None
    """When the target was done (closed, completed, permit issued, milestone reached)."""
    cancelled_on: dt.date | None
    """When the target stopped needing doing (withdrawn; `date.min` for 不涉及)."""
    since: dt.date | None
    """When the target entered the ledger, where the file says (an issue's raised date)."""
    submitted_on: dt.date | None = None
    """An issue's 申请核验 date (its `IssueFacts.submitted_on`): with the ranking's
    `submitted_in_time_not_overdue`, what decides 待核验 against 逾期 (`deadline_state`)."""


class IssueFacts(NamedTuple):
    id: str
    title: str
    category: str
    state: str
    unit: str | None
    person: str | None
    raised: dt.date
    coordination_level: int
    closed_on: dt.date | None
    withdrawn_on: dt.date | None
    returned_on: tuple[dt.date, ...]
    submitted_on: dt.date | None = None
    """申请核验: the date of its verification record (待核验 or 已销号), else None."""
    cause_side: str | None = None
    """政府 or 企业: which side the cause is on (要素保障问题 by cause side)."""


class TaskFacts(NamedTuple):
    id: str
    title: str
    unit: str
    person: str | None
    state: str
    completed_on: dt.date | None
    measure: tuple[float, float | None, str] | None = None
    """(amount, done so far or None, its unit): 120/300 户."""


class InvestmentFacts(NamedTuple):
    year: int
    total: float
    completed_before_year: float
    plan_this_year: float
    completed_this_year: float
    monthly_plan: tuple[float, ...] | None
    updated: dt.date | None
    through_month: int | None = None
    """The months the completed figure covers: 1..through_month (None: not recorded)."""
    series: tuple[tuple[int, float, dt.date], ...] = ()
    """Every figure reported this year: (through month, completed, reported on)."""
    past: tuple[InvestmentFacts, ...] = ()
    """Earlier years' figures (`rollover`), each with its own year."""


class ProjectHead(Protocol):
    """What a list of deadlines shows of a project, and what decides whether it is in a
    report: both `ProjectFacts` and the due index's `DueProject` have it."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def levels(self) -> tuple[str, ...]: ...
    @property
    def pool(self) -> str: ...
    @property
    def leader(self) -> str | None: ...
    @property
    def retired_on(self) -> dt.date | None: ...


class ProjectFacts(NamedTuple):
    id: str
    name: str
    levels: tuple[str, ...]
    pool: str
    maturity: str | None
    industry: str
    locality: str
    owner: str
    stage: str
    leader: str | None
    """The 包抓领导 (None unless exactly one)."""
    lead_unit: str | None
    """The 牵头单位, else the first 责任单位: who answers for approvals and milestones."""
    lead_person: str | None
    investment: InvestmentFacts
    actual_start: dt.date | None
    actual_completion: dt.date | None
    retired_on: dt.date | None
    approvals: tuple[tuple[str, str, dt.date | None], ...]
    """(procedure, status, date)."""
    responsibilities: tuple[tuple[str, str | None, str | None], ...]
    """(role, unit, person)."""
    issues: tuple[IssueFacts, ...]
    tasks: tuple[TaskFacts, ...]
    deadlines: tuple[DeadlineFacts, ...]
    activity: tuple[dt.date, ...]
    """Every date the file records progress on (notes, closures, permits, figures), sorted."""
    code: str | None = None
    """The national project code (unique across the ledger: `check`'s PL301)."""
    funding: tuple[tuple[str, float, float], ...] = ()
    """资金来源: (source, planned, received) in 万元, in the file's order."""
    land: tuple[float, float] | None = None
    """用地: (needed, supplied) in 亩; None when the file has no land section."""
    permits: tuple[tuple[str, str], ...] = ()
    """(procedure, permit number) of the approvals that have one (`list approvals`)."""

    @property
    def retired(self) -> bool:
        return self.pool == Pool.RETIRED

    def last_activity(self, as_of: dt.date) -> dt.date | None:
        """The latest recorded progress on or before `as_of`."""
        return max((day for day in self.activity if day <= as_of), default=None)

    def deadline_for(self, target: str) -> DeadlineFacts | None:
        for deadline in self.deadlines:  # a loop: ~2x a generator's speed, called often
            if deadline.target == target:
                return deadline
        return None


# --- from a model -----------------------------------------------------------------------


def project_facts(project: Project) -> ProjectFacts:
    lead_unit, lead_person = _lead_unit(project)
    issues = tuple(_issue_facts(issue) for issue in project.issues)
    tasks = tuple(
        TaskFacts(
            t.id,
            t.title,
            t.unit,
            t.person,
            t.state.value,
            t.completed_on,
            (float(t.measure.amount), _float(t.measure.done), t.measure.unit)
            if t.measure
            else None,
        )
        for t in project.tasks
    )
    inv = project.investment
    return ProjectFacts(
        id=project.id,
        name=project.name,
        levels=tuple(level.value for level in project.levels),
        pool=project.pool.value,
        maturity=project.maturity.value if project.maturity else None,
        industry=project.industry,
        locality=project.locality,
        owner=project.owner,
        stage=project.stage,
        leader=project.lead_leader,
        lead_unit=lead_unit,
        lead_person=lead_person,
        investment=InvestmentFacts(
            inv.year,
            float(inv.total),
            float(inv.completed_before_year),
            float(inv.plan_this_year),
            float(inv.completed_this_year),
            tuple(float(m) for m in inv.monthly_plan) if inv.monthly_plan else None,
            inv.updated,
            inv.through_month,
            tuple((f.through, float(f.completed), f.reported) for f in inv.series),
            tuple(
                InvestmentFacts(
                    y.year,
                    float(inv.total),
                    float(y.completed_before_year),
                    float(y.plan_this_year),
                    float(y.completed_this_year),
                    tuple(float(m) for m in y.monthly_plan) if y.monthly_plan else None,
                    y.updated,
                    y.through_month,
                    tuple((f.through, float(f.completed), f.reported) for f in y.series),
                )
                for y in inv.past_years
            ),
        ),
        actual_start=project.schedule.actual_start,
        actual_completion=project.schedule.actual_completion,
        retired_on=project.leaves_figures_on,
        approvals=tuple((name, a.status.value, a.date) for name, a in project.approvals.items()),
        responsibilities=tuple((r.role.value, r.unit, r.person) for r in project.responsibilities),
        issues=issues,
        tasks=tasks,
        deadlines=_deadlines(project, lead_unit, lead_person),
        activity=_activity(project),
        code=project.code,
        funding=tuple(
            (f.source.value, float(f.planned), float(f.received)) for f in project.funding
        ),
        land=(float(project.land.needed_mu), float(project.land.supplied_mu))
        if project.land
        else None,
        permits=tuple((name, a.permit_no) for name, a in project.approvals.items() if a.permit_no),
    )


def project_deadlines(project: Project) -> tuple[DeadlineFacts, ...]:
    """The project's deadlines as `project_facts` gives them, without the rest of its
    facts (the due index needs only these)."""
    return _deadlines(project, *_lead_unit(project))


def _deadlines(
    project: Project, lead_unit: str | None, lead_person: str | None
) -> tuple[DeadlineFacts, ...]:
    if not project.deadlines:
        return ()
    # Each target by id; reversed, so the first of a duplicated id wins, as a search would.
    issues = {issue.id: issue for issue in reversed(project.issues)}
    tasks = {task.id: task for task in reversed(project.tasks)}
    return tuple(
        _deadline_facts(project, d, issues, tasks, lead_unit, lead_person)
        for d in project.deadlines
    )


def _lead_unit(project: Project) -> tuple[str | None, str | None]:
    for role in (Role.LEAD_UNIT, Role.RESPONSIBLE_UNIT):
        for r in project.responsibilities:
            if r.role == role and r.unit:
                return r.unit, r.person
    return None, None


def _issue_facts(issue: Issue) -> IssueFacts:
    return IssueFacts(
        id=issue.id,
        title=issue.title,
        category=issue.category.value,
        state=issue.state.value,
        unit=issue.unit,
        person=issue.person,
        raised=issue.raised,
        coordination_level=issue.coordination_level,
        closed_on=issue.closure.date
        if issue.closure and issue.state == IssueState.CLOSED
        else None,
        withdrawn_on=issue.withdrawal.date
        if issue.withdrawal and issue.state == IssueState.WITHDRAWN
        else None,
        returned_on=tuple(r.date for r in issue.returns),
        submitted_on=_submitted_on(issue),
        cause_side=issue.cause_side.value,
    )


def _submitted_on(issue: Issue) -> dt.date | None:
    """申请核验: the date of the verification record of an issue 待核验 or 已销号."""
    if issue.verification and issue.state in (IssueState.AWAITING_VERIFICATION, IssueState.CLOSED):
        return issue.verification.date
    return None


_MILESTONE_FIELDS = {
    "开工": "actual_start",
    "竣工": "actual_completion",
    "投产": "actual_operation",
}


def _deadline_facts(
    project: Project,
    deadline: Deadline,
    issues: dict[str, Issue],
    tasks: dict[str, Task],
    lead_unit: str | None,
    lead_person: str | None,
) -> DeadlineFacts:
    target = deadline.target
    kind, title = TargetKind.MILESTONE, target
    unit, person = lead_unit, lead_person
    done: dt.date | None = None
    cancelled: dt.date | None = None
    since: dt.date | None = None
    submitted: dt.date | None = None
    if target.startswith("approval:"):
        kind, title = TargetKind.APPROVAL, target.removeprefix("approval:")
        approval = project.approvals.get(title)  # type: ignore[call-overload]
        if approval is not None and approval.status == ApprovalStatus.NOT_APPLICABLE:
            cancelled = dt.date.min
        elif approval is not None and approval.status == ApprovalStatus.DONE:
            done = approval.date
    elif target.startswith("milestone:"):
        title = target.removeprefix("milestone:")
        done = getattr(project.schedule, _MILESTONE_FIELDS[title])
    else:
        issue = issues.get(target)
        task = tasks.get(target) if issue is None else None
        if issue is not None:
            kind, title, unit, person = TargetKind.ISSUE, issue.title, issue.unit, issue.person
            since, submitted = issue.raised, _submitted_on(issue)
            if issue.state == IssueState.WITHDRAWN:
                cancelled = issue.withdrawal.date if issue.withdrawal else dt.date.min
            elif issue.state == IssueState.CLOSED and issue.closure:
                done = issue.closure.date
        elif task is not None:
            kind, unit, person = TargetKind.TASK, task.unit, task.person
            title = with_quantity(
                task.title,
                (task.measure.amount, task.measure.done, task.measure.unit)
                if task.measure
                else None,
            )
            if task.state == TaskState.DONE:
                done = task.completed_on
    return DeadlineFacts(
        id=deadline.id,
        target=target,
        kind=kind,
        title=title,
        due=deadline.due,
        extensions=tuple((e.date, e.new_due) for e in deadline.extensions),
        unit=unit,
        person=person,
        done_on=done,
        cancelled_on=cancelled,
        since=since,
        submitted_on=submitted,
    )


def _activity(project: Project) -> tuple[dt.date, ...]:
    dates: list[dt.date] = []
    for issue in project.issues:
        dates.append(issue.raised)
        dates.extend(note.date for note in issue.progress)
        for record in (issue.verification, issue.closure, issue.withdrawal):
            if record is not None:
                dates.append(record.date)
        dates.extend(r.date for r in issue.returns)
    dates.extend(t.completed_on for t in project.tasks if t.completed_on)
    dates.extend(a.date for a in project.approvals.values() if a.date)
    for d in project.deadlines:
        dates.extend(e.date for e in d.extensions)
    if project.investment.updated:
        dates.append(project.investment.updated)
    schedule = project.schedule
    dates.extend(
        day
        for day in (schedule.actual_start, schedule.actual_completion, schedule.actual_operation)
        if day
    )
    return tuple(sorted(set(dates)))


# --- to and from the cache's JSON ------------------------------------------------------------


def date_to_json(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def with_quantity(title: str, measure: tuple[float, float | None, str] | None) -> str:
    """A task as its deadline names it in the reports: with the quantity done, once one is
    reported (完成300户征迁清表（120/300 户）)."""
    if measure is None:
        return title
    amount, done, unit = measure
    if done is None:
        return title

    def number(value: float) -> str:
        rounded = round(float(value), 1)
        return f"{rounded:,.0f}" if rounded.is_integer() else f"{rounded:,.1f}"

    return f"{title}（{number(done)}/{number(amount)} {unit}）"


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _measure(row: list[Any] | None, shared: Any) -> tuple[float, float | None, str] | None:
    """A task's measure as `facts_to_json` wrote it: [amount, done, unit] or None."""
    return None if row is None else (row[0], row[1], shared(row[2]))


def date_from_json(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def facts_to_json(f: ProjectFacts) -> list[Any]:
    return [
        f.id,
        f.name,
        list(f.levels),
        f.pool,
        f.maturity,
        f.industry,
        f.locality,
        f.owner,
        f.stage,
        f.leader,
        f.lead_unit,
        f.lead_person,
        _investment_row(f.investment),
        date_to_json(f.actual_start),
        date_to_json(f.actual_completion),
        date_to_json(f.retired_on),
        [[name, status, date_to_json(day)] for name, status, day in f.approvals],
        [list(r) for r in f.responsibilities],
        [
            [
                i.id,
                i.title,
                i.category,
                i.state,
                i.unit,
                i.person,
                date_to_json(i.raised),
                i.coordination_level,
                date_to_json(i.closed_on),
                date_to_json(i.withdrawn_on),
                [date_to_json(day) for day in i.returned_on],
                date_to_json(i.submitted_on),
                i.cause_side,
            ]
            for i in f.issues
        ],
        [
            [t.id, t.title, t.unit, t.person, t.state, date_to_json(t.completed_on), t.measure]
            for t in f.tasks
        ],
        [_deadline_row(d) for d in f.deadlines],
        [day.isoformat() for day in f.activity],
        f.code,
        [list(x) for x in f.funding],
        list(f.land) if f.land is not None else None,
        [list(x) for x in f.permits],
    ]


def _investment_row(inv: InvestmentFacts) -> list[Any]:
    return [
        inv.year,
        inv.total,
        inv.completed_before_year,
        inv.plan_this_year,
        inv.completed_this_year,
        list(inv.monthly_plan) if inv.monthly_plan is not None else None,
        date_to_json(inv.updated),
        inv.through_month,
        [[m, c, day.isoformat()] for m, c, day in inv.series],
        [_investment_row(past) for past in inv.past],
    ]


def _investment_from_row(inv: list[Any]) -> InvestmentFacts:
    return InvestmentFacts(
        inv[0],
        inv[1],
        inv[2],
        inv[3],
        inv[4],
        tuple(inv[5]) if inv[5] is not None else None,
        date_from_json(inv[6]),
        inv[7],
        tuple((m, c, dt.date.fromisoformat(day)) for m, c, day in inv[8]),
        tuple(_investment_from_row(past) for past in inv[9]),
    )


def _deadline_row(d: DeadlineFacts) -> list[Any]:
    # An issue's or task's deadline takes its title, owner and start from the item: not
    # stored twice (deadlines are the largest part of the cache).
    from_item = d.kind in (TargetKind.ISSUE, TargetKind.TASK)
    return [
        d.id,
        d.target,
        d.kind,
        None if from_item else d.title,
        date_to_json(d.due),
        [[date_to_json(g), date_to_json(n)] for g, n in d.extensions],
        None if from_item else d.unit,
        None if from_item else d.person,
        date_to_json(d.done_on),
        date_to_json(d.cancelled_on),
        None if from_item else date_to_json(d.since),
    ]


def facts_from_json(row: list[Any]) -> ProjectFacts:
    """The inverse of `facts_to_json`."""
    return FactsReader()(row)


class _Shared(dict[Any, Any]):
    """Each value as first met: equal strings (and tuples of them) decoded again are
    replaced by that one object."""

    def __missing__(self, key: Any) -> Any:
        self[key] = key
        return key


class _Days(dict[str, dt.date]):
    """ISO dates, each parsed once."""

    def __missing__(self, key: str) -> dt.date:
        day = self[key] = dt.date.fromisoformat(key)
        return day


class _OptionalDays(dict[str | None, dt.date | None]):
    """ISO dates or None, each parsed once (by `days`, so one date is one object)."""

    def __init__(self, days: _Days) -> None:
        super().__init__({None: None})
        self.days = days

    def __missing__(self, key: str | None) -> dt.date | None:
        day = self[key] = self.days[key]  # type: ignore[index]
        return day


class FactsReader:
    """`facts_from_json` for the many projects of one ledger. What they repeat (units,
    people, states, categories, titles made from templates, roles; days) is decoded into
    one object shared by all: 10,000 projects' facts hold about 900,000 strings and
    400,000 dates, of which about 160,000 and 2,600 differ."""

    def __init__(self) -> None:
        self.shared = _Shared()
        self.days = _Days()
        self.optional_days = _OptionalDays(self.days)

    def __call__(self, row: list[Any]) -> ProjectFacts:
        """Tuned: reports decode 10,000 of these per run."""
        s = self.shared.__getitem__
        day = self.days.__getitem__
        date = self.optional_days.__getitem__
        inv = row[12]
        issues = tuple(
            IssueFacts(
                i[0],
                s(i[1]),
                s(i[2]),
                s(i[3]),
                s(i[4]),
                s(i[5]),
                day(i[6]),
                i[7],
                date(i[8]),
                date(i[9]),
                tuple(map(day, i[10])),
                date(i[11]),
                s(i[12]),
            )
            for i in row[18]
        )
        tasks = tuple(
            TaskFacts(t[0], s(t[1]), s(t[2]), s(t[3]), s(t[4]), date(t[5]), _measure(t[6], s))
            for t in row[19]
        )
        # An issue's or task's deadline takes these from the item (`_deadline_row`).
        items: dict[str, tuple[str, str | None, str | None, dt.date | None, dt.date | None]] = {
            i.id: (i.title, i.unit, i.person, i.raised, i.submitted_on) for i in issues
        }
        items.update(
            (t.id, (with_quantity(t.title, t.measure), t.unit, t.person, None, None)) for t in tasks
        )
        deadlines = []
        for d in row[20]:
            title, unit, person, since, submitted = (
                items[d[1]]
                if d[3] is None and d[1] in items
                else (s(d[3]), s(d[6]), s(d[7]), date(d[10]), None)
            )
            deadlines.append(
                DeadlineFacts(
                    d[0],
                    d[1],
                    s(d[2]),
                    title,
                    day(d[4]),
                    tuple((day(g), day(n)) for g, n in d[5]) if d[5] else (),
                    unit,
                    person,
                    date(d[8]),
                    date(d[9]),
                    since,
                    submitted,
                )
            )
        return ProjectFacts(
            row[0],
            row[1],
            s(tuple(row[2])),
            s(row[3]),
            s(row[4]),
            s(row[5]),
            s(row[6]),
            s(row[7]),
            s(row[8]),
            s(row[9]),
            s(row[10]),
            s(row[11]),
            _investment_from_row(inv),
            date(row[13]),
            date(row[14]),
            date(row[15]),
            tuple((s(n), s(st), date(d)) for n, st, d in row[16]),
            tuple(s((r, u, p)) for r, u, p in row[17]),
            issues,
            tasks,
            tuple(deadlines),
            tuple(map(day, row[21])),
            row[22],
            tuple((s(src), planned, got) for src, planned, got in row[23]),
            (row[24][0], row[24][1]) if row[24] is not None else None,
            tuple((s(name), no) for name, no in row[25]),
        )

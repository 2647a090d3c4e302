"""Rules within one project file: pure functions of the project (and the config) that
return findings. Registered once, in `PROJECT_RULES`."""

import datetime as dt
import difflib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from projledger.check import fairness
from projledger.findings import Finding, Severity
from projledger.messages import Message, msg
from projledger.model import Config, Project, plausible
from projledger.model.enums import ApprovalStatus, IssueState, Maturity, Pool, Role, TaskState
from projledger.model.project import Deadline, Issue, Responsibility, Task

Loc = tuple[str | int, ...]
HasId = Responsibility | Issue | Task | Deadline
Owned = Responsibility | Issue | Task


@dataclass(frozen=True)
class RuleContext:
    file: str
    config: Config | None
    """None when projledger.yaml is itself invalid: declaration rules are skipped."""

    def finding(self, code: str, message: str | Message, loc: Loc) -> Finding:
        return Finding.of(code, message, self.file, loc)


Rule = Callable[[Project, RuleContext], Iterator[Finding]]

_ASSIGNED_STATES = frozenset(
    {
        IssueState.ASSIGNED,
        IssueState.IN_PROGRESS,
        IssueState.AWAITING_VERIFICATION,
        IssueState.CLOSED,
        IssueState.LONG_RUNNING,
    }
)


def item_ids_unique(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    seen: set[str] = set()
    for list_name, items in _lists(project):
        for index, item in enumerate(items):
            if item.id in seen:
                yield ctx.finding(
                    "PL201",
                    msg("PL201.twice", id=item.id),
                    (list_name, index, "id"),
                )
            seen.add(item.id)


def deadline_targets(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    targets = {i.id for i in project.issues} | {t.id for t in project.tasks}
    counts = Counter(d.target for d in project.deadlines)
    reported: set[str] = set()
    for index, deadline in enumerate(project.deadlines):
        target = deadline.target
        if target[:2] in ("I-", "T-") and target not in targets:
            yield ctx.finding(
                "PL202",
                msg("PL202.no_target", id=deadline.id, target=target),
                ("deadlines", index, "target"),
            )
        if counts[target] > 1 and target not in reported:
            reported.add(target)
            yield ctx.finding(
                "PL203",
                msg("PL203.many", target=target, count=counts[target]),
                ("deadlines", index, "target"),
            )


def one_lead_leader(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    leaders = [
        (index, r) for index, r in enumerate(project.responsibilities) if r.role == Role.LEAD_LEADER
    ]
    if len(leaders) != 1:
        names = "、".join(r.person or "?" for _, r in leaders)
        yield ctx.finding(
            "PL204",
            msg("PL204.count", count=len(leaders), names=names) if leaders else msg("PL204.none"),
            ("responsibilities", leaders[1][0]) if len(leaders) > 1 else ("responsibilities",),
        )
    for index, responsibility in leaders:
        if not responsibility.person:
            yield ctx.finding(
                "PL204",
                msg("PL204.no_person"),
                ("responsibilities", index),
            )


def responsibilities_name_someone(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for index, responsibility in enumerate(project.responsibilities):
        if not responsibility.unit and not responsibility.person:
            yield ctx.finding(
                "PL223",
                msg("PL223", id=responsibility.id),
                ("responsibilities", index),
            )


def owners_have_responsibilities(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    units = {r.unit for r in project.responsibilities if r.unit}
    people = {r.person for r in project.responsibilities if r.person}
    for loc, item in _owned(project, responsibilities=False):
        for field, known in (("unit", units), ("person", people)):
            name = getattr(item, field)
            if (
                name
                and name not in known
                and not (field == "unit" and _same_unit(name, units, ctx))
            ):
                yield ctx.finding(
                    "PL205",
                    msg("PL205", id=item.id, field=field, name=name),
                    (*loc, field),
                )


def _same_unit(name: str, units: set[str], ctx: RuleContext) -> bool:
    """Whether a responsibility names unit `name` another way: its short name (高庄街道
    for 高庄街道办事处) or a variant (`model.unit_names`)."""
    if ctx.config is None:
        return False
    from projledger.model.unit_names import unit_names_of

    names = unit_names_of(ctx.config)
    return any(names.same(name, unit) for unit in units)


def units_declared(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.config is None:
        return
    declared = ctx.config.unit_names()
    retired = {
        name: str(u.retired)
        for u in ctx.config.units
        if u.retired is not None
        for name in (u.name, u.short, *u.former)
        if name
    }
    for loc, unit in _unit_fields(project):
        if unit not in declared:
            yield ctx.finding(
                "PL206",
                _close("PL206", unit, declared),
                loc,
            )
        elif unit in retired and _open(project, loc):
            yield ctx.finding("PL206", msg("PL206.retired", name=unit, date=retired[unit]), loc)


def _open(project: Project, loc: Loc) -> bool:
    """Whether the item at `loc` is open: an issue neither closed nor withdrawn, a task not
    done, a responsibility of a project neither retired (退库) nor completed (竣工)."""
    list_name, index = loc[0], loc[1]
    assert isinstance(index, int)
    if list_name == "issues":
        return project.issues[index].state not in (IssueState.CLOSED, IssueState.WITHDRAWN)
    if list_name == "tasks":
        return project.tasks[index].state != TaskState.DONE
    return project.pool not in (Pool.RETIRED, Pool.COMPLETED)


def people_declared(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.config is None:
        return
    declared = ctx.config.person_names()
    for loc, person in _person_fields(project):
        if person not in declared:
            yield ctx.finding(
                "PL207",
                _close("PL207", person, declared),
                loc,
            )


def stage_declared(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.config is None:
        return
    stages = ctx.config.all_stages()
    if project.stage not in stages:
        yield ctx.finding(
            "PL208",
            _close("PL208", project.stage, stages),
            ("stage",),
        )


def dates_in_order(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for index, issue in enumerate(project.issues):
        base: Loc = ("issues", index)
        dated: list[tuple[Loc, dt.date, str]] = [
            ((*base, "progress", i, "date"), note.date, "progress_note")
            for i, note in enumerate(issue.progress)
        ]
        dated += [
            ((*base, "returns", i, "date"), ret.date, "return")
            for i, ret in enumerate(issue.returns)
        ]
        for name, record in (
            ("verification", issue.verification),
            ("closure", issue.closure),
            ("withdrawal", issue.withdrawal),
        ):
            if record is not None:
                dated.append(((*base, name, "date"), record.date, name))
        for loc, when, what in dated:
            if when < issue.raised:
                yield ctx.finding(
                    "PL209",
                    msg(
                        "PL209.before_raised",
                        id=issue.id,
                        what=what,
                        when=when,
                        raised=issue.raised,
                    ),
                    loc,
                )
        if issue.verification and issue.closure and issue.closure.date < issue.verification.date:
            yield ctx.finding(
                "PL209",
                msg(
                    "PL209.closed_before_verification",
                    id=issue.id,
                    closed=issue.closure.date,
                    asked=issue.verification.date,
                ),
                (*base, "closure", "date"),
            )
    for index, deadline in enumerate(project.deadlines):
        previous = deadline.due
        for number, extension in enumerate(deadline.extensions):
            if extension.new_due <= previous:
                yield ctx.finding(
                    "PL209",
                    msg(
                        "PL209.extension_not_later",
                        id=deadline.id,
                        new_due=extension.new_due,
                        previous=previous,
                    ),
                    ("deadlines", index, "extensions", number, "new_due"),
                )
            previous = extension.new_due
    schedule = project.schedule
    start = schedule.actual_start
    for name in ("actual_completion", "actual_operation"):
        later = getattr(schedule, name)
        if later is not None and (start is None or later < start):
            problem = (
                msg("PL209.no_start", name=name, later=later)
                if start is None
                else msg("PL209.before_start", name=name, later=later, start=start)
            )
            yield ctx.finding("PL209", problem, ("schedule", name))


def issue_loop_records(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    deadline_targets = {d.target for d in project.deadlines}
    for index, issue in enumerate(project.issues):
        loc: Loc = ("issues", index)
        state = issue.state
        if state in _ASSIGNED_STATES:
            missing = [name for name in ("unit", "person") if not getattr(issue, name)]
            if issue.id not in deadline_targets:
                missing.append("deadline")
            if missing:
                yield ctx.finding(
                    "PL210",
                    msg("PL210", id=issue.id, state=state, missing=",".join(missing)),
                    loc,
                )
        if state == IssueState.AWAITING_VERIFICATION and issue.verification is None:
            yield ctx.finding(
                "PL211",
                msg("PL211", id=issue.id),
                loc,
            )
        if state == IssueState.CLOSED and issue.closure is None:
            yield ctx.finding(
                "PL212",
                msg("PL212", id=issue.id),
                loc,
            )
        if state == IssueState.WITHDRAWN and issue.withdrawal is None:
            yield ctx.finding("PL213", msg("PL213", id=issue.id), loc)
        if issue.closure is not None and state != IssueState.CLOSED:
            yield ctx.finding(
                "PL214",
                msg("PL214.closure", id=issue.id, state=state),
                (*loc, "closure"),
            )
        if issue.withdrawal is not None and state != IssueState.WITHDRAWN:
            yield ctx.finding(
                "PL214",
                msg("PL214.withdrawal", id=issue.id, state=state),
                (*loc, "withdrawal"),
            )


def task_completion(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for index, task in enumerate(project.tasks):
        loc: Loc = ("tasks", index)
        if task.state == TaskState.DONE:
            missing = [name for name in ("completed_on", "evidence") if not getattr(task, name)]
            if missing:
                yield ctx.finding("PL215", msg("PL215", id=task.id, missing=",".join(missing)), loc)
        elif task.completed_on is not None:
            yield ctx.finding(
                "PL214",
                msg("PL214.completed_on", id=task.id, date=task.completed_on, state=task.state),
                (*loc, "completed_on"),
            )


def retirement_record(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if project.pool == Pool.RETIRED and project.retirement is None:
        yield ctx.finding(
            "PL216",
            msg("PL216.missing"),
            ("pool",),
        )
    if project.pool != Pool.RETIRED and project.retirement is not None:
        yield ctx.finding(
            "PL216",
            msg("PL216.extra", pool=project.pool),
            ("retirement",),
        )


def maturity_for_negotiation(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if project.pool == Pool.NEGOTIATING and project.maturity is None:
        choices = "/".join(m.value for m in Maturity)
        yield ctx.finding("PL217", msg("PL217.missing", choices=choices), ("pool",))
    if project.maturity is not None and project.pool in (Pool.NEW, Pool.CONTINUING, Pool.COMPLETED):
        yield ctx.finding(
            "PL217",
            msg("PL217.extra", pool=project.pool),
            ("maturity",),
        )


def approvals_complete(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for name, approval in project.approvals.items():
        if approval.status != ApprovalStatus.DONE:
            continue
        if approval.date is None:
            yield ctx.finding("PL218", msg("PL218", name=name), ("approvals", name))
        if not approval.permit_no:
            yield ctx.finding("PL219", msg("PL219", name=name), ("approvals", name))


def investment_consistent(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    inv = project.investment
    done = inv.completed_before_year + inv.completed_this_year
    if plausible.beyond_total(inv.total, inv.completed_before_year, inv.completed_this_year):
        yield ctx.finding(
            "PL220",
            msg("PL220", done=f"{done:.10g}", total=f"{inv.total:.10g}"),
            ("investment",),
        )
    if inv.monthly_plan is not None and abs(sum(inv.monthly_plan) - inv.plan_this_year) > 0.5:
        yield ctx.finding(
            "PL222",
            msg("PL222", sum=f"{sum(inv.monthly_plan):g}", plan=f"{inv.plan_this_year:g}"),
            ("investment", "monthly_plan"),
        )


def figure_is_series_latest(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    """The figure shown is the latest of the year's series, for the months it covers, and
    each entry covers months that were over when it was entered (PL226): a report on a
    date reads the series, the card and the 台账 the figure, and both must say the same."""
    inv = project.investment
    if not inv.series:
        return
    last = inv.series[-1]
    if inv.through_month != last.through or abs(inv.completed_this_year - last.completed) > 0.005:
        yield ctx.finding(
            "PL226",
            msg(
                "PL226.latest",
                shown=f"{inv.completed_this_year:.10g}",
                months=_months(inv.through_month),
                latest=f"{last.completed:.10g}",
                latest_months=_months(last.through),
            ),
            ("investment", "completed_this_year"),
        )
    for index, figure in enumerate(inv.series):
        if (inv.year, figure.through) >= (figure.reported.year, figure.reported.month):
            yield ctx.finding(
                "PL226",
                msg(
                    "PL226.not_over",
                    number=index + 1,
                    through=figure.through,
                    reported=figure.reported.isoformat(),
                ),
                ("investment", "series", index, "through"),
            )


def _months(through: int | None) -> str:
    """A data period as the reports write it: 1-10月 (— when none is recorded)."""
    if through is None:
        return "—"
    return f"1-{through}月" if through > 1 else "1月"


def amounts_within_plan(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for index, funding in enumerate(project.funding):
        if funding.received > funding.planned + 0.005:
            yield ctx.finding(
                "PL221",
                msg(
                    "PL221.funding",
                    source=funding.source,
                    received=f"{funding.received:g}",
                    planned=f"{funding.planned:g}",
                ),
                ("funding", index, "received"),
            )
    land = project.land
    if land is not None and land.supplied_mu > land.needed_mu + 0.005:
        yield ctx.finding(
            "PL221",
            msg("PL221.land", supplied=f"{land.supplied_mu:g}", needed=f"{land.needed_mu:g}"),
            ("land", "supplied_mu"),
        )


def figures_plausible(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    """Figures no report should sign as they are (PL224): this year's completed investment
    more than twice this year's plan, a task's quantity done beyond its target. (More
    completed than the total is PL220; a negative figure the schema refuses.)"""
    inv = project.investment
    if plausible.beyond_plan(inv.plan_this_year, inv.completed_this_year):
        yield ctx.finding(
            "PL224",
            msg(
                "PL224.investment",
                done=f"{inv.completed_this_year:.10g}",
                times=plausible.TIMES_PLAN,
                plan=f"{inv.plan_this_year:.10g}",
            ),
            ("investment", "completed_this_year"),
        )
    for index, task in enumerate(project.tasks):
        measure = task.measure
        if measure is not None and measure.done is not None and measure.done > measure.amount:
            yield ctx.finding(
                "PL224",
                msg(
                    "PL224.task",
                    id=task.id,
                    done=f"{measure.done:g}",
                    unit=measure.unit,
                    amount=f"{measure.amount:g}",
                ),
                ("tasks", index, "measure", "done"),
            )


def start_has_permit(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    """A project at the last stage of the config's `stages` (开工) has its 施工许可
    issued (已办结) or recorded as not needed (不涉及) (PL225)."""
    if ctx.config is None or project.pool in (Pool.CONTINUING, Pool.RETIRED):
        return
    if project.stage != ctx.config.stages[-1]:
        return
    permit = project.approvals.get("施工许可")
    status = permit.status if permit is not None else None
    if status not in (ApprovalStatus.DONE, ApprovalStatus.NOT_APPLICABLE):
        yield ctx.finding(
            "PL225",
            msg("PL225", stage=project.stage, status=status or "未登记"),
            ("stage",),
        )


PROJECT_RULES: tuple[Rule, ...] = (
    item_ids_unique,
    deadline_targets,
    one_lead_leader,
    responsibilities_name_someone,
    owners_have_responsibilities,
    units_declared,
    people_declared,
    stage_declared,
    dates_in_order,
    issue_loop_records,
    task_completion,
    retirement_record,
    maturity_for_negotiation,
    approvals_complete,
    investment_consistent,
    figure_is_series_latest,
    amounts_within_plan,
    figures_plausible,
    start_has_permit,
    fairness.verifier_outside_unit,
    fairness.extension_approver,
)


def check_project(project: Project, ctx: RuleContext) -> list[Finding]:
    return [finding for rule in PROJECT_RULES for finding in rule(project, ctx)]


def count_rule_errors(project: Project, file: str, config: Config | None) -> int:
    """How many errors the rules find in a project the schema accepted: the reports leave
    out a file with any (as `check` fails it) and a project's card says how many."""
    findings = check_project(project, RuleContext(file=file, config=config))
    return sum(1 for finding in findings if finding.severity == Severity.ERROR)


def _lists(project: Project) -> tuple[tuple[str, Sequence[HasId]], ...]:
    return (
        ("responsibilities", project.responsibilities),
        ("issues", project.issues),
        ("tasks", project.tasks),
        ("deadlines", project.deadlines),
    )


def _owned(project: Project, *, responsibilities: bool) -> Iterator[tuple[Loc, Owned]]:
    """Entries that name a unit and a person, with their locations."""
    lists: list[tuple[str, Sequence[Owned]]] = [
        ("issues", project.issues),
        ("tasks", project.tasks),
    ]
    if responsibilities:
        lists.insert(0, ("responsibilities", project.responsibilities))
    for list_name, items in lists:
        for index, item in enumerate(items):
            yield (list_name, index), item


def _unit_fields(project: Project) -> Iterator[tuple[Loc, str]]:
    for loc, item in _owned(project, responsibilities=True):
        if item.unit:
            yield (*loc, "unit"), item.unit


def _person_fields(project: Project) -> Iterator[tuple[Loc, str]]:
    for loc, item in _owned(project, responsibilities=True):
        if item.person:
            yield (*loc, "person"), item.person
    for index, issue in enumerate(project.issues):
        if issue.closure:
            yield ("issues", index, "closure", "verifier"), issue.closure.verifier
    for index, deadline in enumerate(project.deadlines):
        for number, extension in enumerate(deadline.extensions):
            yield ("deadlines", index, "extensions", number, "approver"), extension.approver
    if project.task_force:
        if project.task_force.head:
            yield ("task_force", "head"), project.task_force.head
        for index, member in enumerate(project.task_force.members):
            yield ("task_force", "members", index), member
    if project.retirement:
        yield ("retirement", "reviewer"), project.retirement.reviewer


def _close(code: str, name: str, choices: frozenset[str] | tuple[str, ...]) -> Message:
    """`name` is not declared: the closest declared name, if one is close."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    if close:
        return msg(f"{code}.close", name=name, close=close[0])
    return msg(f"{code}.unknown", name=name)

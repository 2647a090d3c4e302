"""Rules within one project file: pure functions of the project (and the config) that
return findings. Registered once, in `PROJECT_RULES`."""

import datetime as dt
import difflib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from projledger.findings import Finding, Severity
from projledger.model import Config, Project
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

    def finding(self, code: str, message: str, loc: Loc) -> Finding:
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
                    f"id {item.id} is used twice in this project; give this item a new id "
                    "(`projledger` makes them unique when it adds items)",
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
                f"deadline {deadline.id} is for {target}, which is not an issue or task of "
                "this project; fix the target or remove the deadline",
                ("deadlines", index, "target"),
            )
        if counts[target] > 1 and target not in reported:
            reported.add(target)
            yield ctx.finding(
                "PL203",
                f"{target} has {counts[target]} deadlines; keep one and record later dates "
                "as its extensions",
                ("deadlines", index, "target"),
            )


def one_lead_leader(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    leaders = [
        (index, r) for index, r in enumerate(project.responsibilities) if r.role == Role.LEAD_LEADER
    ]
    if len(leaders) != 1:
        names = "、".join(r.person or "?" for _, r in leaders) or "none"
        yield ctx.finding(
            "PL204",
            f"a project has exactly one 包抓领导 (lead leader); this one has {len(leaders)} "
            f"({names})",
            ("responsibilities", leaders[1][0]) if len(leaders) > 1 else ("responsibilities",),
        )
    for index, responsibility in leaders:
        if not responsibility.person:
            yield ctx.finding(
                "PL204",
                "the 包抓领导 entry names no person; add `person`",
                ("responsibilities", index),
            )


def responsibilities_name_someone(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for index, responsibility in enumerate(project.responsibilities):
        if not responsibility.unit and not responsibility.person:
            yield ctx.finding(
                "PL223",
                f"responsibility {responsibility.id} names neither `unit` nor `person`",
                ("responsibilities", index),
            )


def owners_have_responsibilities(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    units = {r.unit for r in project.responsibilities if r.unit}
    people = {r.person for r in project.responsibilities if r.person}
    for loc, item in _owned(project, responsibilities=False):
        for field, known in (("unit", units), ("person", people)):
            name = getattr(item, field)
            if name and name not in known:
                yield ctx.finding(
                    "PL205",
                    f"{item.id}'s {field} {name} is not in this project's responsibilities; "
                    "add a responsibility for it",
                    (*loc, field),
                )


def units_declared(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.config is None:
        return
    declared = ctx.config.unit_names()
    for loc, unit in _unit_fields(project):
        if unit not in declared:
            yield ctx.finding(
                "PL206",
                f"unit {unit} is not declared in projledger.yaml{_close(unit, declared)}",
                loc,
            )


def people_declared(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.config is None:
        return
    declared = ctx.config.person_names()
    for loc, person in _person_fields(project):
        if person not in declared:
            yield ctx.finding(
                "PL207",
                f"person {person} is not declared in projledger.yaml{_close(person, declared)}",
                loc,
            )


def stage_declared(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.config is None:
        return
    stages = ctx.config.all_stages()
    if project.stage not in stages:
        yield ctx.finding(
            "PL208",
            f"stage {project.stage} is not declared in projledger.yaml"
            f"{_close(project.stage, stages)}",
            ("stage",),
        )


def dates_in_order(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for index, issue in enumerate(project.issues):
        base: Loc = ("issues", index)
        dated: list[tuple[Loc, dt.date, str]] = [
            ((*base, "progress", i, "date"), note.date, "progress note")
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
                    f"{issue.id}: the {what} date {when} is before the issue was raised "
                    f"({issue.raised})",
                    loc,
                )
        if issue.verification and issue.closure and issue.closure.date < issue.verification.date:
            yield ctx.finding(
                "PL209",
                f"{issue.id}: closed on {issue.closure.date}, before verification was asked "
                f"for on {issue.verification.date}",
                (*base, "closure", "date"),
            )
    for index, deadline in enumerate(project.deadlines):
        previous = deadline.due
        for number, extension in enumerate(deadline.extensions):
            if extension.new_due <= previous:
                yield ctx.finding(
                    "PL209",
                    f"{deadline.id}: extension to {extension.new_due} is not later than the "
                    f"due date it extends ({previous})",
                    ("deadlines", index, "extensions", number, "new_due"),
                )
            previous = extension.new_due
    schedule = project.schedule
    start = schedule.actual_start
    for name in ("actual_completion", "actual_operation"):
        later = getattr(schedule, name)
        if later is not None and (start is None or later < start):
            problem = "with no actual_start" if start is None else f"before actual_start {start}"
            yield ctx.finding("PL209", f"schedule.{name} {later} is {problem}", ("schedule", name))


def issue_loop_records(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    deadline_targets = {d.target for d in project.deadlines}
    for index, issue in enumerate(project.issues):
        loc: Loc = ("issues", index)
        state = issue.state
        if state in _ASSIGNED_STATES:
            missing = [name for name in ("unit", "person") if not getattr(issue, name)]
            if issue.id not in deadline_targets:
                missing.append(f"a deadline (deadlines entry with target: {issue.id})")
            if missing:
                yield ctx.finding(
                    "PL210",
                    f"{issue.id} is {state} but has no {', no '.join(missing)}; "
                    "交办 needs an owner and a time limit",
                    loc,
                )
        if state == IssueState.AWAITING_VERIFICATION and issue.verification is None:
            yield ctx.finding(
                "PL211",
                f"{issue.id} is 待核验 but has no `verification` (date, evidence, explanation)",
                loc,
            )
        if state == IssueState.CLOSED and issue.closure is None:
            yield ctx.finding(
                "PL212",
                f"{issue.id} is 已销号 but has no `closure` (date, verifier, evidence)",
                loc,
            )
        if state == IssueState.WITHDRAWN and issue.withdrawal is None:
            yield ctx.finding(
                "PL213", f"{issue.id} is 已撤销 but has no `withdrawal` (date, reason)", loc
            )
        if issue.closure is not None and state != IssueState.CLOSED:
            yield ctx.finding(
                "PL214",
                f"{issue.id} has a closure record but is {state}; set state 已销号 or remove it",
                (*loc, "closure"),
            )
        if issue.withdrawal is not None and state != IssueState.WITHDRAWN:
            yield ctx.finding(
                "PL214",
                f"{issue.id} has a withdrawal record but is {state}; set state 已撤销 or remove it",
                (*loc, "withdrawal"),
            )


def task_completion(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for index, task in enumerate(project.tasks):
        loc: Loc = ("tasks", index)
        if task.state == TaskState.DONE:
            missing = [name for name in ("completed_on", "evidence") if not getattr(task, name)]
            if missing:
                yield ctx.finding(
                    "PL215", f"{task.id} is 已完成 but has no {' or '.join(missing)}", loc
                )
        elif task.completed_on is not None:
            yield ctx.finding(
                "PL214",
                f"{task.id} has completed_on {task.completed_on} but is {task.state}; set state "
                "已完成 or remove the date",
                (*loc, "completed_on"),
            )


def retirement_record(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if project.pool == Pool.RETIRED and project.retirement is None:
        yield ctx.finding(
            "PL216",
            "the project is 退库 but has no `retirement` (date, reason, reviewer)",
            ("pool",),
        )
    if project.pool != Pool.RETIRED and project.retirement is not None:
        yield ctx.finding(
            "PL216",
            f"the project has a retirement record but its pool is {project.pool}; set pool 退库 "
            "or remove the record",
            ("retirement",),
        )


def maturity_for_negotiation(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    if project.pool == Pool.NEGOTIATING and project.maturity is None:
        choices = "/".join(m.value for m in Maturity)
        yield ctx.finding(
            "PL217", f"a project 在谈 has a maturity ({choices}); add `maturity`", ("pool",)
        )
    if project.maturity is not None and project.pool in (Pool.NEW, Pool.CONTINUING, Pool.COMPLETED):
        yield ctx.finding(
            "PL217",
            f"maturity is for projects under negotiation; this one is {project.pool}",
            ("maturity",),
        )


def approvals_complete(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for name, approval in project.approvals.items():
        if approval.status != ApprovalStatus.DONE:
            continue
        if approval.date is None:
            yield ctx.finding(
                "PL218", f"approval {name} is 已办结 but has no date", ("approvals", name)
            )
        if not approval.permit_no:
            yield ctx.finding(
                "PL219", f"approval {name} is 已办结 but has no permit_no", ("approvals", name)
            )


def investment_consistent(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    inv = project.investment
    done = inv.completed_before_year + inv.completed_this_year
    if done > inv.total + 0.005:
        yield ctx.finding(
            "PL220",
            f"completed investment {done:g} 万元 (before this year + this year) exceeds the "
            f"total {inv.total:g} 万元",
            ("investment",),
        )
    if inv.monthly_plan is not None and abs(sum(inv.monthly_plan) - inv.plan_this_year) > 0.5:
        yield ctx.finding(
            "PL222",
            f"the monthly plan adds up to {sum(inv.monthly_plan):g} 万元, this year's plan is "
            f"{inv.plan_this_year:g} 万元",
            ("investment", "monthly_plan"),
        )


def amounts_within_plan(project: Project, ctx: RuleContext) -> Iterator[Finding]:
    for index, funding in enumerate(project.funding):
        if funding.received > funding.planned + 0.005:
            yield ctx.finding(
                "PL221",
                f"{funding.source}: received {funding.received:g} exceeds planned "
                f"{funding.planned:g} 万元",
                ("funding", index, "received"),
            )
    land = project.land
    if land is not None and land.supplied_mu > land.needed_mu + 0.005:
        yield ctx.finding(
            "PL221",
            f"land supplied {land.supplied_mu:g} 亩 exceeds land needed {land.needed_mu:g} 亩",
            ("land", "supplied_mu"),
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
    amounts_within_plan,
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


def _close(name: str, choices: frozenset[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else "; declare it there or fix the spelling"

"""Commands that change the ledger. Each builds one edit and hands it to one transaction
(`ChangeRun.run`); `@change_command()` gives each the options every change takes."""

import datetime as dt
from typing import Annotated, Optional

import typer

from projledger.cli import complete
from projledger.cli.options import ChangeRun, ProjectArgument, change_command, day_option

add_app = typer.Typer(
    help="Add an item to one of a project's four lists.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

Project = ProjectArgument
Day = Optional[dt.date]  # noqa: UP045 - typer needs Optional on Python 3.11's typing here
DateOption = Annotated[Day, day_option("--date", help="Date of the event (default: --today).")]
DueOption = Annotated[
    Day, day_option("--due", help="Due date: also creates its deadline (时效清单).")
]
Text = Optional[str]  # noqa: UP045
NoAutoResponsibility = Annotated[
    bool,
    typer.Option(
        "--no-auto-responsibility",
        help="交办 to a unit or person the project's 责任清单 lacks: refuse, instead of "
        "adding its responsibility (责任单位, with the issue as its duty) in the same commit.",
    ),
]
Force = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Record the change even if it brings in a warning of `check` (an implausible "
        "figure, 开工 without 施工许可, a second project of the same name).",
    ),
]


@add_app.command("issue")
@change_command()
def add_issue(
    project: Project,
    title: Annotated[str, typer.Option("--title", help="The problem, in one line.")],
    category: Annotated[
        str,
        typer.Option(
            "--category",
            autocompletion=complete.categories,
            help="用地 征迁 资金 手续 规划 配套 施工环境 其他",
        ),
    ],
    source: Annotated[
        str,
        typer.Option(
            "--source", autocompletion=complete.sources, help="周调度 督导检查 业主反映 其他"
        ),
    ] = "周调度",
    cause: Annotated[
        str,
        typer.Option(
            "--cause",
            autocompletion=complete.causes,
            help="Which side the cause is on: 政府 or 企业.",
        ),
    ] = "政府",
    level: Annotated[
        int, typer.Option("--level", min=1, max=4, help="Coordination level 1-4.")
    ] = 1,
    description: Annotated[Text, typer.Option("--description")] = None,
    unit: Annotated[
        Text,
        typer.Option(
            "--unit",
            autocompletion=complete.units,
            help="Responsible unit (交办 with --person and --due).",
        ),
    ] = None,
    person: Annotated[
        Text, typer.Option("--person", autocompletion=complete.people, help="Responsible person.")
    ] = None,
    measures: Annotated[Text, typer.Option("--measures")] = None,
    due: DueOption = None,
    basis: Annotated[Text, typer.Option("--basis", help="Where the time limit comes from.")] = None,
    raised: DateOption = None,
    no_auto_responsibility: NoAutoResponsibility = False,
    *,
    change: ChangeRun,
) -> None:
    """Register an issue (问题清单); with --unit, --person and --due it is assigned at once."""
    from projledger.changes.items import NewIssue
    from projledger.changes.items import add_issue as edit

    new = NewIssue(
        title=title,
        category=category,
        source=source,
        cause_side=cause,
        raised=raised,
        coordination_level=level,
        description=description,
        unit=unit,
        person=person,
        measures=measures,
        due=due,
        basis=basis,
        auto_responsibility=not no_auto_responsibility,
    )
    change.run(project, edit(new))


@add_app.command("task")
@change_command()
def add_task(
    project: Project,
    title: Annotated[str, typer.Option("--title", help="The work or node, e.g. 完成300户征迁.")],
    unit: Annotated[
        str, typer.Option("--unit", autocompletion=complete.units, help="Responsible unit.")
    ],
    person: Annotated[Text, typer.Option("--person", autocompletion=complete.people)] = None,
    amount: Annotated[Optional[float], typer.Option("--amount", help="Quantified target.")] = None,  # noqa: UP045
    measure_unit: Annotated[
        Text, typer.Option("--measure-unit", help="Its unit: 万元, 户, 亩.")
    ] = None,
    due: DueOption = None,
    basis: Annotated[Text, typer.Option("--basis")] = None,
    note: Annotated[Text, typer.Option("--note")] = None,
    *,
    change: ChangeRun,
) -> None:
    """Add a task (任务清单); with --due also its deadline."""
    from projledger.changes.items import NewTask
    from projledger.changes.items import add_task as edit

    new = NewTask(
        title=title,
        unit=unit,
        person=person,
        amount=amount,
        measure_unit=measure_unit,
        due=due,
        basis=basis,
        note=note,
    )
    change.run(project, edit(new))


@add_app.command("responsibility")
@change_command()
def add_responsibility(
    project: Project,
    role: Annotated[
        str,
        typer.Option(
            "--role",
            autocompletion=complete.roles,
            help="包抓领导 牵头单位 责任单位 配合单位 具体责任人",
        ),
    ],
    duties: Annotated[str, typer.Option("--duties", help="What they answer for.")],
    unit: Annotated[Text, typer.Option("--unit", autocompletion=complete.units)] = None,
    person: Annotated[Text, typer.Option("--person", autocompletion=complete.people)] = None,
    *,
    change: ChangeRun,
) -> None:
    """Add a responsibility (责任清单): a unit or person in a role, with duties."""
    from projledger.changes.items import add_responsibility as edit

    change.run(project, edit(role, unit, person, duties))


@add_app.command("funding")
@change_command()
def add_funding(
    project: Project,
    source: Annotated[
        str,
        typer.Option(
            "--source",
            autocompletion=complete.funding_sources,
            help="中央预算内资金 地方政府专项债券 超长期特别国债 地方财政 自筹 贷款 其他",
        ),
    ],
    planned: Annotated[float, typer.Option("--planned", help="Planned amount, 万元.")],
    received: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--received", help="Received so far (到位), 万元; default 0."),
    ] = None,
    note: Annotated[Text, typer.Option("--note")] = None,
    force: Force = False,
    *,
    change: ChangeRun,
) -> None:
    """Add a funding source (资金来源) with its planned amount and what has been received;
    later receipts: set PROJECT funding.<source>.received N."""
    from projledger.changes.elements import add_funding as edit

    change.run(project, edit(source, planned, received, note), force=force)


@add_app.command("deadline")
@change_command()
def add_deadline(
    project: Project,
    target: Annotated[
        str,
        typer.Option(
            "--target", help="Issue or task id, approval:<procedure> or milestone:<开工|竣工|投产>."
        ),
    ],
    due: Annotated[dt.date, day_option("--due", help="Due date.")],
    basis: Annotated[Text, typer.Option("--basis")] = None,
    *,
    change: ChangeRun,
) -> None:
    """Add a deadline (时效清单) for an issue, task, approval or milestone."""
    from projledger.changes.items import add_deadline as edit

    change.run(project, edit(target, due, basis))


@change_command()
def advance(
    project: Project,
    item: Annotated[
        str | None,
        typer.Argument(
            autocompletion=complete.items, help="Issue or task id; without it, the project."
        ),
    ] = None,
    to: Annotated[
        Text,
        typer.Option(
            "--to",
            autocompletion=complete.targets,
            help="The state or stage to go to (default: the next).",
        ),
    ] = None,
    unit: Annotated[
        Text, typer.Option("--unit", autocompletion=complete.units, help="交办: responsible unit.")
    ] = None,
    person: Annotated[
        Text,
        typer.Option("--person", autocompletion=complete.people, help="交办: responsible person."),
    ] = None,
    due: DueOption = None,
    basis: Annotated[Text, typer.Option("--basis", help="Where the time limit comes from.")] = None,
    evidence: Annotated[
        Text, typer.Option("--evidence", help="待核验/销号/任务完成: evidence.")
    ] = None,
    explanation: Annotated[
        Text, typer.Option("--explanation", help="待核验: how it was solved.")
    ] = None,
    verifier: Annotated[
        Text, typer.Option("--verifier", autocompletion=complete.people, help="销号: who verified.")
    ] = None,
    pool: Annotated[
        Text,
        typer.Option(
            "--pool", autocompletion=complete.pools, help="Move the project to this pool (库别)."
        ),
    ] = None,
    maturity: Annotated[
        Text,
        typer.Option(
            "--maturity", autocompletion=complete.maturities, help="A/B/C when moving to 在谈."
        ),
    ] = None,
    code: Annotated[
        Text, typer.Option("--code", help="National project code, when it is assigned.")
    ] = None,
    approval: Annotated[
        Text,
        typer.Option(
            "--approval",
            autocompletion=complete.procedures,
            help="An approval procedure, e.g. 施工许可.",
        ),
    ] = None,
    status: Annotated[
        Text,
        typer.Option(
            "--status",
            autocompletion=complete.approval_statuses,
            help="Its status: 办理中 已办结 不涉及.",
        ),
    ] = None,
    permit_no: Annotated[
        Text, typer.Option("--permit-no", help="Approval: the permit's number.")
    ] = None,
    agency: Annotated[
        Text, typer.Option("--agency", help="Approval: the approving agency.")
    ] = None,
    date: DateOption = None,
    no_auto_responsibility: NoAutoResponsibility = False,
    force: Force = False,
    *,
    change: ChangeRun,
) -> None:
    """Advance an issue or task to its next state, or the project's stage, pool or an approval."""
    from projledger.changes import loop
    from projledger.changes import project as project_edits

    given = {
        "--to": to, "--unit": unit, "--person": person, "--due": due, "--basis": basis,
        "--evidence": evidence, "--explanation": explanation, "--verifier": verifier,
        "--no-auto-responsibility": no_auto_responsibility or None, "--pool": pool,
        "--maturity": maturity, "--code": code, "--approval": approval, "--status": status,
        "--permit-no": permit_no, "--agency": agency,
    }  # fmt: skip
    step_kind = (
        "item" if item is not None
        else "approval" if approval is not None
        else "pool" if pool is not None
        else "stage"
    )  # fmt: skip
    _refuse_other_steps_options(step_kind, [name for name, value in given.items() if value])
    when = date
    edit: object
    if item is not None:
        step = loop.IssueStep(
            to=to,
            unit=unit,
            person=person,
            due=due,
            basis=basis,
            evidence=evidence,
            explanation=explanation,
            verifier=verifier,
            date=when,
            auto_responsibility=not no_auto_responsibility,
        )
        edit = loop.advance_item(item, step)
    elif approval is not None:
        if status is None:
            from projledger.cli.language import say

            raise typer.BadParameter(say("usage.approval_needs_status"), param_hint="--status")
        edit = project_edits.advance_approval(approval, status, permit_no, agency, when)
    elif pool is not None:
        edit = project_edits.move_pool(pool, maturity, code, when)
    else:
        edit = project_edits.advance_stage(to, when)
    change.run(project, edit, on=when, force=force)


_ADVANCE_OPTIONS = {
    "item": (
        "--to", "--unit", "--person", "--due", "--basis", "--evidence", "--explanation",
        "--verifier", "--no-auto-responsibility",
    ),
    "approval": ("--approval", "--status", "--permit-no", "--agency"),
    "pool": ("--pool", "--maturity", "--code"),
    "stage": ("--to",),
}  # fmt: skip
"""What each kind of `advance` reads (`--date` and `--force`: all of them)."""


def _refuse_other_steps_options(kind: str, given: list[str]) -> None:
    """An option another kind of step reads is a usage error, not silently dropped while
    a step nobody asked for is committed (`advance P --code X` moved the stage)."""
    from projledger.errors import UsageError
    from projledger.messages import msg

    stray = [name for name in given if name not in _ADVANCE_OPTIONS[kind]]
    if stray:
        allowed = "|".join(_ADVANCE_OPTIONS[kind])
        raise UsageError(
            msg(
                "usage.advance_stray",
                options="|".join(stray),
                step=f"advance.{kind}",
                allowed=allowed,
            )
        )


@change_command()
def return_(
    project: Project,
    item: Annotated[
        str,
        typer.Argument(autocompletion=complete.items, help="The issue 待核验 or 已销号 to return."),
    ],
    reason: Annotated[str, typer.Option("--reason", help="Why verification failed.")],
    by: Annotated[
        Text, typer.Option("--by", autocompletion=complete.people, help="Who returned it.")
    ] = None,
    *,
    change: ChangeRun,
) -> None:
    """Return (退回) an issue awaiting verification to 办理中, or reopen a closed (已销号)
    one, with the reason."""
    from projledger.changes.loop import return_issue

    change.run(project, return_issue(item, reason, by))


@change_command()
def withdraw(
    project: Project,
    item: Annotated[
        str, typer.Argument(autocompletion=complete.items, help="The issue to withdraw.")
    ],
    reason: Annotated[str, typer.Option("--reason", help="Why it no longer needs solving.")],
    *,
    change: ChangeRun,
) -> None:
    """Withdraw (撤销) an open issue, with the reason."""
    from projledger.changes.loop import withdraw_issue

    change.run(project, withdraw_issue(item, reason))


@change_command()
def retire(
    project: Project,
    reason: Annotated[str, typer.Option("--reason", help="Why the project leaves the pool.")],
    reviewer: Annotated[str, typer.Option("--reviewer", help="Who reviewed the retirement.")],
    date: DateOption = None,
    duplicate_of: Annotated[
        Text,
        typer.Option(
            "--duplicate-of",
            autocompletion=complete.projects,
            help="The project this file duplicates (entered twice): it keeps the code and "
            "name, and leaves every figure.",
        ),
    ] = None,
    *,
    change: ChangeRun,
) -> None:
    """Retire a project from the pool (退库), with the reason and the reviewer; a project
    entered twice with --duplicate-of the real one."""
    from projledger.changes.project import retire as edit

    real = _real_project(project, duplicate_of, change) if duplicate_of is not None else None
    change.run(project, edit(reason, reviewer, date, real), on=date)


def _real_project(duplicate: str, real: str, change: ChangeRun) -> str:
    """The project a duplicate is retired in favour of: another project of the root, not
    retired itself."""
    from projledger.cli.options import root_path
    from projledger.errors import ProjledgerError
    from projledger.messages import msg
    from projledger.refs import project_in_root
    from projledger.root import LedgerRoot

    root = LedgerRoot(root_path(change.root))
    found = project_in_root(root, real)
    if found == project_in_root(root, duplicate):
        raise ProjledgerError(msg("retire.duplicate_of_self", real=real))
    from projledger.ledger.load import load_project

    if load_project(root, found).pool == "退库":
        # A duplicate points at the project that stays; a retired one stays in nothing.
        raise ProjledgerError(msg("retire.duplicate_of_retired", real=found))
    return found


@change_command()
def extend(
    project: Project,
    item: Annotated[
        str,
        typer.Argument(
            autocompletion=complete.items,
            help="A deadline id, or the issue or task whose deadline it is.",
        ),
    ],
    to: Annotated[dt.date, day_option("--to", help="The new due date.")],
    reason: Annotated[str, typer.Option("--reason")],
    approver: Annotated[
        str,
        typer.Option(
            "--approver", autocompletion=complete.people, help="Who approved the extension."
        ),
    ],
    *,
    change: ChangeRun,
) -> None:
    """Extend a deadline (延期): the old date stays in the record."""
    from projledger.changes.items import extend_deadline

    edit = extend_deadline(item, to, reason, approver)
    change.run(project, edit)


@change_command()
def set_(
    project: Project,
    field: Annotated[
        str, typer.Argument(help="investment.completed_this_year, description, T-6FJ2RA.note ...")
    ],
    value: Annotated[str, typer.Argument(help="The new value.")],
    force: Force = False,
    through: Annotated[
        str | None,
        typer.Option(
            "--through",
            help="investment.completed_this_year: the last month the figure covers "
            "(2026-10, 10月); default the month before the change's date.",
        ),
    ] = None,
    *,
    change: ChangeRun,
) -> None:
    """Set one field of a project's record or of an item (a task's quantity done:
    T-….done 120; a completed figure with its months: --through 10月)."""
    from projledger.changes.project import set_field

    change.run(project, set_field(field, value, through), force=force)


@change_command()
def log(
    project: Project,
    item: Annotated[
        str, typer.Argument(autocompletion=complete.items, help="The issue (id or prefix).")
    ],
    note: Annotated[str, typer.Argument(help="The progress note (进展).")],
    by: Annotated[
        Text, typer.Option("--by", autocompletion=complete.people, help="Who reports it.")
    ] = None,
    *,
    change: ChangeRun,
) -> None:
    """Add a dated progress note (进展) to an issue. (The changes of a period: `changes`.)"""
    from projledger.changes.items import log_note

    change.run(project, log_note(item, note, by))


@change_command(hand_edits=False)
def new(
    project_id: Annotated[
        str, typer.Argument(help="The new project's id: lower-case pinyin, digits, hyphens.")
    ],
    name: Annotated[str, typer.Option("--name", help="项目名称.")],
    level: Annotated[
        list[str],
        typer.Option(
            "--level", autocompletion=complete.levels, help="省级 市级 区级 (repeat for several)."
        ),
    ],
    pool: Annotated[
        str,
        typer.Option(
            "--pool", autocompletion=complete.pools, help="谋划储备 在谈 签约 新建 续建 竣工."
        ),
    ],
    industry: Annotated[str, typer.Option("--industry", help="行业领域.")],
    locality: Annotated[str, typer.Option("--locality", help="属地 (镇/街道).")],
    owner: Annotated[str, typer.Option("--owner", help="实施主体 / 项目业主.")],
    leader: Annotated[
        str,
        typer.Option(
            "--leader", autocompletion=complete.people, help="包抓领导 (a declared person)."
        ),
    ],
    stage: Annotated[
        str,
        typer.Option(
            "--stage", autocompletion=complete.stages, help="Stage, from projledger.yaml."
        ),
    ],
    total: Annotated[float, typer.Option("--total", help="Total investment, 万元.")],
    year: Annotated[
        int | None, typer.Option("--year", help="Year of the plan (default: --today's).")
    ] = None,
    plan: Annotated[
        float, typer.Option("--plan", help="This year's planned investment, 万元.")
    ] = 0,
    code: Annotated[
        Text, typer.Option("--code", help="National project code, if assigned.")
    ] = None,
    maturity: Annotated[
        Text,
        typer.Option("--maturity", autocompletion=complete.maturities, help="A/B/C, for 在谈."),
    ] = None,
    nature: Annotated[Text, typer.Option("--nature", help="新建 扩建 改建.")] = None,
    description: Annotated[Text, typer.Option("--description", help="建设内容.")] = None,
    lead_unit: Annotated[
        Text,
        typer.Option(
            "--lead-unit", autocompletion=complete.units, help="牵头单位 (a declared unit)."
        ),
    ] = None,
    force: Force = False,
    *,
    change: ChangeRun,
) -> None:
    """Create a project's ledger file (one project, one file)."""
    from projledger.changes.project import NewProject, new_project

    spec = NewProject(
        id=project_id,
        name=name,
        levels=level,
        pool=pool,
        industry=industry,
        locality=locality,
        owner=owner,
        lead_leader=leader,
        stage=stage,
        year=year or change.day.year,
        total=total,
        plan_this_year=plan,
        code=code,
        maturity=maturity,
        nature=nature,
        description=description,
        lead_unit=lead_unit,
    )
    change.run(project_id, new_project(spec), create=True, force=force)


def register(app: typer.Typer) -> None:
    app.command()(new)
    app.add_typer(add_app, name="add")
    app.command()(advance)
    app.command("return")(return_)
    app.command()(withdraw)
    app.command()(retire)
    app.command()(extend)
    app.command("set")(set_)
    app.command()(log)

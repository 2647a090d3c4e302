"""Commands that change the ledger. Each builds one edit and hands it to one transaction."""

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from projledger.cli import RootOption, _root_path, app

add_app = typer.Typer(
    help="Add an item to one of a project's four lists.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(add_app, name="add")

Today = Annotated[
    Optional[dt.datetime],  # noqa: UP045
    typer.Option("--today", formats=["%Y-%m-%d"], help="The date of the change (default: today)."),
]
Author = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--author", help="Record the change as someone else's: 'Name <email>'."),
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Print the diff; change nothing.")]
NoCommit = Annotated[bool, typer.Option("--no-commit", help="Write the file but do not commit.")]
HandEdits = Annotated[
    bool,
    typer.Option(
        "--commit-hand-edits",
        help="Commit uncommitted edits of the file first, as their own commit.",
    ),
]
Project = Annotated[str, typer.Argument(help="Project id (or an unambiguous prefix).")]
DateOption = Annotated[
    Optional[dt.datetime],  # noqa: UP045
    typer.Option("--date", formats=["%Y-%m-%d"], help="Date of the event (default: --today)."),
]
DueOption = Annotated[
    Optional[dt.datetime],  # noqa: UP045
    typer.Option(
        "--due", formats=["%Y-%m-%d"], help="Due date: also creates its deadline (时效清单)."
    ),
]
Text = Optional[str]  # noqa: UP045


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def _run(
    root: Path | None,
    project: str,
    edit: object,
    today: dt.datetime | None,
    author: str | None,
    dry_run: bool,
    no_commit: bool,
    hand_edits: bool,
    create: bool = False,
) -> None:
    from projledger.commands import change

    opts = change.options(_day(today), author, dry_run, no_commit, hand_edits)
    raise typer.Exit(change.run(_root_path(root), project, edit, opts, create=create))


@add_app.command("issue")
def add_issue(
    project: Project,
    title: Annotated[str, typer.Option("--title", help="The problem, in one line.")],
    category: Annotated[
        str, typer.Option("--category", help="用地 征迁 资金 手续 规划 配套 施工环境 其他")
    ],
    source: Annotated[
        str, typer.Option("--source", help="周调度 督导检查 业主反映 其他")
    ] = "周调度",
    cause: Annotated[
        str, typer.Option("--cause", help="Which side the cause is on: 政府 or 企业.")
    ] = "政府",
    level: Annotated[
        int, typer.Option("--level", min=1, max=4, help="Coordination level 1-4.")
    ] = 1,
    description: Annotated[Text, typer.Option("--description")] = None,
    unit: Annotated[
        Text, typer.Option("--unit", help="Responsible unit (交办 with --person and --due).")
    ] = None,
    person: Annotated[Text, typer.Option("--person", help="Responsible person.")] = None,
    measures: Annotated[Text, typer.Option("--measures")] = None,
    due: DueOption = None,
    basis: Annotated[Text, typer.Option("--basis", help="Where the time limit comes from.")] = None,
    raised: DateOption = None,
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Register an issue (问题清单); with --unit, --person and --due it is assigned at once."""
    from projledger.changes.items import NewIssue
    from projledger.changes.items import add_issue as edit

    new = NewIssue(
        title=title,
        category=category,
        source=source,
        cause_side=cause,
        raised=_day(raised),
        coordination_level=level,
        description=description,
        unit=unit,
        person=person,
        measures=measures,
        due=_day(due),
        basis=basis,
    )
    _run(root, project, edit(new), today, author, dry_run, no_commit, commit_hand_edits)


@add_app.command("task")
def add_task(
    project: Project,
    title: Annotated[str, typer.Option("--title", help="The work or node, e.g. 完成300户征迁.")],
    unit: Annotated[str, typer.Option("--unit", help="Responsible unit.")],
    person: Annotated[Text, typer.Option("--person")] = None,
    amount: Annotated[Optional[float], typer.Option("--amount", help="Quantified target.")] = None,  # noqa: UP045
    measure_unit: Annotated[
        Text, typer.Option("--measure-unit", help="Its unit: 万元, 户, 亩.")
    ] = None,
    due: DueOption = None,
    basis: Annotated[Text, typer.Option("--basis")] = None,
    note: Annotated[Text, typer.Option("--note")] = None,
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
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
        due=_day(due),
        basis=basis,
        note=note,
    )
    _run(root, project, edit(new), today, author, dry_run, no_commit, commit_hand_edits)


@add_app.command("responsibility")
def add_responsibility(
    project: Project,
    role: Annotated[
        str, typer.Option("--role", help="包抓领导 牵头单位 责任单位 配合单位 具体责任人")
    ],
    duties: Annotated[str, typer.Option("--duties", help="What they answer for.")],
    unit: Annotated[Text, typer.Option("--unit")] = None,
    person: Annotated[Text, typer.Option("--person")] = None,
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Add a responsibility (责任清单): a unit or person in a role, with duties."""
    from projledger.changes.items import add_responsibility as edit

    _run(
        root,
        project,
        edit(role, unit, person, duties),
        today,
        author,
        dry_run,
        no_commit,
        commit_hand_edits,
    )


@add_app.command("deadline")
def add_deadline(
    project: Project,
    target: Annotated[
        str,
        typer.Option(
            "--target", help="Issue or task id, approval:<procedure> or milestone:<开工|竣工|投产>."
        ),
    ],
    due: Annotated[dt.datetime, typer.Option("--due", formats=["%Y-%m-%d"], help="Due date.")],
    basis: Annotated[Text, typer.Option("--basis")] = None,
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Add a deadline (时效清单) for an issue, task, approval or milestone."""
    from projledger.changes.items import add_deadline as edit

    _run(
        root,
        project,
        edit(target, due.date(), basis),
        today,
        author,
        dry_run,
        no_commit,
        commit_hand_edits,
    )


@app.command()
def advance(
    project: Project,
    item: Annotated[
        str | None, typer.Argument(help="Issue or task id; without it, the project.")
    ] = None,
    to: Annotated[
        Text, typer.Option("--to", help="The state or stage to go to (default: the next).")
    ] = None,
    unit: Annotated[Text, typer.Option("--unit", help="交办: responsible unit.")] = None,
    person: Annotated[Text, typer.Option("--person", help="交办: responsible person.")] = None,
    due: DueOption = None,
    basis: Annotated[Text, typer.Option("--basis")] = None,
    evidence: Annotated[
        Text, typer.Option("--evidence", help="待核验/销号/任务完成: evidence.")
    ] = None,
    explanation: Annotated[
        Text, typer.Option("--explanation", help="待核验: how it was solved.")
    ] = None,
    verifier: Annotated[Text, typer.Option("--verifier", help="销号: who verified.")] = None,
    pool: Annotated[
        Text, typer.Option("--pool", help="Move the project to this pool (库别).")
    ] = None,
    maturity: Annotated[Text, typer.Option("--maturity", help="A/B/C when moving to 在谈.")] = None,
    code: Annotated[
        Text, typer.Option("--code", help="National project code, when it is assigned.")
    ] = None,
    approval: Annotated[
        Text, typer.Option("--approval", help="An approval procedure, e.g. 施工许可.")
    ] = None,
    status: Annotated[
        Text, typer.Option("--status", help="Its status: 办理中 已办结 不涉及.")
    ] = None,
    permit_no: Annotated[Text, typer.Option("--permit-no")] = None,
    agency: Annotated[Text, typer.Option("--agency")] = None,
    date: DateOption = None,
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Advance an issue or task to its next state, or the project's stage, pool or an approval."""
    from projledger.changes import loop
    from projledger.changes import project as project_edits

    when = _day(date)
    edit: object
    if item is not None:
        step = loop.IssueStep(
            to=to,
            unit=unit,
            person=person,
            due=_day(due),
            basis=basis,
            evidence=evidence,
            explanation=explanation,
            verifier=verifier,
            date=when,
        )
        edit = loop.advance_item(item, step)
    elif approval is not None:
        if status is None:
            raise typer.BadParameter("--approval needs --status", param_hint="--status")
        edit = project_edits.advance_approval(approval, status, permit_no, agency, when)
    elif pool is not None:
        edit = project_edits.move_pool(pool, maturity, code, when)
    else:
        edit = project_edits.advance_stage(to, when)
    _run(root, project, edit, today, author, dry_run, no_commit, commit_hand_edits)


@app.command("return")
def return_(
    project: Project,
    item: Annotated[str, typer.Argument(help="The issue 待核验 to return.")],
    reason: Annotated[str, typer.Option("--reason", help="Why verification failed.")],
    by: Annotated[Text, typer.Option("--by", help="Who returned it.")] = None,
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Return (退回) an issue awaiting verification to 办理中, with the reason."""
    from projledger.changes.loop import return_issue

    _run(
        root,
        project,
        return_issue(item, reason, by),
        today,
        author,
        dry_run,
        no_commit,
        commit_hand_edits,
    )


@app.command()
def withdraw(
    project: Project,
    item: Annotated[str, typer.Argument(help="The issue to withdraw.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it no longer needs solving.")],
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Withdraw (撤销) an open issue, with the reason."""
    from projledger.changes.loop import withdraw_issue

    _run(
        root,
        project,
        withdraw_issue(item, reason),
        today,
        author,
        dry_run,
        no_commit,
        commit_hand_edits,
    )


@app.command()
def retire(
    project: Project,
    reason: Annotated[str, typer.Option("--reason", help="Why the project leaves the pool.")],
    reviewer: Annotated[str, typer.Option("--reviewer", help="Who reviewed the retirement.")],
    date: DateOption = None,
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Retire a project from the pool (退库), with the reason and the reviewer."""
    from projledger.changes.project import retire as edit

    _run(
        root,
        project,
        edit(reason, reviewer, _day(date)),
        today,
        author,
        dry_run,
        no_commit,
        commit_hand_edits,
    )


@app.command()
def extend(
    project: Project,
    item: Annotated[
        str, typer.Argument(help="A deadline id, or the issue or task whose deadline it is.")
    ],
    to: Annotated[
        dt.datetime, typer.Option("--to", formats=["%Y-%m-%d"], help="The new due date.")
    ],
    reason: Annotated[str, typer.Option("--reason")],
    approver: Annotated[str, typer.Option("--approver", help="Who approved the extension.")],
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Extend a deadline (延期): the old date stays in the record."""
    from projledger.changes.items import extend_deadline

    edit = extend_deadline(item, to.date(), reason, approver)
    _run(root, project, edit, today, author, dry_run, no_commit, commit_hand_edits)


@app.command("set")
def set_(
    project: Project,
    field: Annotated[
        str, typer.Argument(help="investment.completed_this_year, description, T-6FJ2RA.note ...")
    ],
    value: Annotated[str, typer.Argument(help="The new value.")],
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Set one field of a project's record or of an item."""
    from projledger.changes.project import set_field

    _run(
        root, project, set_field(field, value), today, author, dry_run, no_commit, commit_hand_edits
    )


@app.command("log")
def log(
    project: Annotated[
        str | None,
        typer.Argument(
            help="Project id: with ISSUE and NOTE, adds a progress note; alone, lists the "
            "project's changes."
        ),
    ] = None,
    item: Annotated[str | None, typer.Argument(help="The issue.")] = None,
    note: Annotated[str | None, typer.Argument(help="The progress note (进展).")] = None,
    by: Annotated[Text, typer.Option("--by", help="Who reports it.")] = None,
    since: Annotated[
        Text, typer.Option("--since", help="Changes from this day (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        Text, typer.Option("--until", help="Changes up to this day, included.")
    ] = None,
    unit: Annotated[Text, typer.Option("--unit", help="Only changes concerning this unit.")] = None,
    only_project: Annotated[
        Text, typer.Option("--project", help="Only changes of this project (id or prefix).")
    ] = None,
    output: Annotated[
        Text, typer.Option("--format", "-f", help="Changes as table or json.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every version again.")
    ] = False,
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    commit_hand_edits: HandEdits = False,
    root: RootOption = None,
) -> None:
    """Add a progress note to an issue (`log PROJECT ISSUE "NOTE"`), or list the changes of
    a period (`log --since D --until D [--unit U] [PROJECT]`), hand edits included."""
    if note is None:
        if item is not None:
            raise typer.BadParameter("a progress note needs PROJECT ISSUE NOTE", param_hint="NOTE")
        from projledger.cli_history import log_changes
        from projledger.commands.history import HistoryFormat

        log_changes(
            since=since,
            until=until,
            unit=unit,
            project=only_project or project,
            output=HistoryFormat(output or "table"),
            no_cache=no_cache,
            root=root,
        )
        return
    from projledger.changes.items import log_note

    assert project is not None and item is not None
    edit = log_note(item, note, by)
    _run(root, project, edit, today, author, dry_run, no_commit, commit_hand_edits)


@app.command()
def new(
    project_id: Annotated[
        str, typer.Argument(help="The new project's id: lower-case pinyin, digits, hyphens.")
    ],
    name: Annotated[str, typer.Option("--name", help="项目名称.")],
    level: Annotated[
        list[str], typer.Option("--level", help="省级 市级 区级 (repeat for several).")
    ],
    pool: Annotated[str, typer.Option("--pool", help="谋划储备 在谈 签约 新建 续建 竣工.")],
    industry: Annotated[str, typer.Option("--industry", help="行业领域.")],
    locality: Annotated[str, typer.Option("--locality", help="属地 (镇/街道).")],
    owner: Annotated[str, typer.Option("--owner", help="实施主体 / 项目业主.")],
    leader: Annotated[str, typer.Option("--leader", help="包抓领导 (a declared person).")],
    stage: Annotated[str, typer.Option("--stage", help="Stage, from projledger.yaml.")],
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
    maturity: Annotated[Text, typer.Option("--maturity", help="A/B/C, for 在谈.")] = None,
    nature: Annotated[Text, typer.Option("--nature", help="新建 扩建 改建.")] = None,
    description: Annotated[Text, typer.Option("--description", help="建设内容.")] = None,
    lead_unit: Annotated[
        Text, typer.Option("--lead-unit", help="牵头单位 (a declared unit).")
    ] = None,
    today: Today = None,
    author: Author = None,
    dry_run: DryRun = False,
    no_commit: NoCommit = False,
    root: RootOption = None,
) -> None:
    """Create a project's ledger file (one project, one file)."""
    from projledger.changes.project import NewProject, new_project

    when = _day(today) or dt.date.today()
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
        year=year or when.year,
        total=total,
        plan_this_year=plan,
        code=code,
        maturity=maturity,
        nature=nature,
        description=description,
        lead_unit=lead_unit,
    )
    _run(root, project_id, new_project(spec), today, author, dry_run, no_commit, False, create=True)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Where to create the ledger root.")] = Path(),
    organisation: Annotated[
        str, typer.Option("--organisation", help="The office keeping the ledger.")
    ] = "某区发展和改革局",
    author: Author = None,
    no_commit: NoCommit = False,
) -> None:
    """Create a ledger root: config, schemas, projects/, and a first commit (git init if needed)."""
    from projledger.changes.init import init_root
    from projledger.gitrepo import Identity

    result = init_root(
        directory,
        organisation,
        commit=not no_commit,
        author=Identity.parse(author) if author else None,
    )
    typer.echo(f"created a ledger root in {result.root}")
    for path in result.written:
        typer.echo(f"  {path.relative_to(result.root)}")
    if result.created_repository:
        typer.echo("  (a new git repository)")
    if result.commit:
        typer.echo(f"committed {result.commit[:8]}")
    typer.echo("next: declare your units and people in projledger.yaml, then `projledger new`.")


AsOf = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--as-of", help="Show the ledger as it was: a date (YYYY-MM-DD) or a commit."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


@app.command()
def show(
    project: Project,
    item: Annotated[Optional[str], typer.Argument(help="An item id (or prefix).")] = None,  # noqa: UP045
    as_of: AsOf = None,
    as_json: JsonFlag = False,
    today: Today = None,
    root: RootOption = None,
) -> None:
    """Show a project's record and four lists, or one item."""
    from projledger.commands import views

    when = _day(today) or dt.date.today()
    raise typer.Exit(views.show(_root_path(root), project, item, when, as_of, as_json))


@app.command("list")
def list_(
    kind: Annotated[str, typer.Argument(help="projects, issues, tasks or deadlines.")] = "projects",
    unit: Annotated[Text, typer.Option("--unit", help="Only this unit's.")] = None,
    leader: Annotated[
        Text, typer.Option("--leader", help="Only projects this 包抓领导 leads.")
    ] = None,
    level: Annotated[Text, typer.Option("--level", help="省级 市级 区级.")] = None,
    pool: Annotated[Text, typer.Option("--pool", help="库别.")] = None,
    state: Annotated[
        Text, typer.Option("--state", help="Items in this state (projects with an issue in it).")
    ] = None,
    project: Annotated[
        Text, typer.Option("--project", help="Only this project (id or prefix).")
    ] = None,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
    today: Today = None,
    root: RootOption = None,
) -> None:
    """List projects, or issues, tasks or deadlines across projects, with filters."""
    from projledger.commands import views

    when = _day(today) or dt.date.today()
    code = views.list_(
        _root_path(root), kind, when, as_of, as_json, unit, leader, level, pool, state, project
    )
    raise typer.Exit(code)

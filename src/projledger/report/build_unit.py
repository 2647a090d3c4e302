"""`report unit NAME`: everything one unit answers for, across projects: its
responsibilities, its issues and tasks with their deadlines, and its place in the ranking."""

import datetime as dt

from projledger.compute.deadlines import LABELS, LABELS_EN, deadline_state
from projledger.compute.facts import with_quantity
from projledger.compute.progress import in_report
from projledger.compute.units import unit_stats
from projledger.ledger.facts_cache import FactsLedger
from projledger.report.deadline_rows import (
    all_deadlines,
    deadline_table,
    due_rows,
    is_overdue,
    sort_due,
    sort_overdue,
    unit_resolver,
)
from projledger.report.document import Column, Figure, Kind, Report, Table, Value
from projledger.report.labels import label


def build_unit_report(
    ledger: FactsLedger, typed: str, as_of: dt.date, lang: str, source: str
) -> Report:
    config = ledger.config
    from projledger.model.unit_names import unit_names_of

    unit = unit_names_of(config).require(typed, option="")
    resolve = unit_resolver(config)
    window = config.due_soon_days
    projects = [p for p in ledger.projects.values() if in_report(p, as_of)]

    def t(key: str) -> str:
        return label(key, lang)

    report = Report(
        kind="unit",
        title=f"{t('unit_report')}：{unit}",
        organisation=config.organisation,
        lang=lang,
        period_start=None,
        period_end=None,
        as_of=as_of,
        source=source,
        invalid_files=list(ledger.invalid),
    )
    ranking = unit_stats(
        projects, as_of, dt.date(as_of.year, 1, 1), window, resolve, rules=config.ranking
    )
    rank = next((n for n, s in enumerate(ranking, start=1) if s.unit == unit), None)
    stats = next((s for s in ranking if s.unit == unit), None)
    report.figures = [
        Figure("rank", t("rank"), f"{rank} / {len(ranking)}" if rank else None, Kind.TEXT),
        Figure("issues", t("issues_total"), stats.issues if stats else 0, Kind.INT),
        Figure("open", t("open_issues"), stats.open if stats else 0, Kind.INT),
        Figure("closed", t("closed_total"), stats.closed if stats else 0, Kind.INT),
        Figure(
            "on_time_rate", t("on_time_rate"), stats.on_time_rate if stats else None, Kind.PERCENT
        ),
        Figure("overdue", t("overdue_items"), stats.overdue if stats else 0, Kind.INT),
        Figure("due_soon", t("due_soon_items"), stats.due_soon if stats else 0, Kind.INT),
    ]

    duties = Table(
        "responsibilities",
        t("responsibilities_list"),
        [
            Column("project", t("name"), whole=True),
            Column("project_id", t("project_id"), printed=False, whole=True),
            Column("role", t("role"), whole=True),
            Column("person", t("person"), whole=True),
            Column("leader", t("leader"), whole=True),
        ],
    )
    issues = _items_table("issues", "issues_list", ("raised", "raised"), lang)
    tasks = _items_table("tasks", "tasks_list", ("done_on", "done_on"), lang)
    words = LABELS_EN if lang == "en" else LABELS
    for p in projects:
        for role, who, person in p.responsibilities:
            if resolve(who) == unit:
                duties.rows.append([p.name, p.id, role, person, p.leader])

        def status(target: str) -> tuple[Value, Value]:
            deadline = p.deadline_for(target)  # noqa: B023 - used within this iteration
            if deadline is None:
                return None, None
            state = deadline_state(deadline, as_of, window, config.ranking)
            return state.due, words[state.status]

        for issue in p.issues:
            if resolve(issue.unit) == unit and issue.raised <= as_of:
                due, state = status(issue.id)
                issues.rows.append(
                    [
                        p.name,
                        p.id,
                        issue.id,
                        issue.title,
                        issue.state,
                        issue.person,
                        issue.raised,
                        due,
                        state,
                    ]
                )
        for task in p.tasks:
            if resolve(task.unit) == unit:
                due, state = status(task.id)
                tasks.rows.append(
                    [
                        p.name,
                        p.id,
                        task.id,
                        with_quantity(task.title, task.measure),
                        task.state,
                        task.person,
                        task.completed_on,
                        due,
                        state,
                    ]
                )
    everything = due_rows(projects, all_deadlines, config, as_of, lambda s: True)
    mine = [r for r in everything if r.unit == unit]
    overdue = sort_overdue([r for r in mine if is_overdue(r.state)])
    upcoming = sort_due([r for r in mine if r.state.status in ("due_soon", "pending")])
    report.tables = [
        deadline_table("overdue", t("overdue_table"), overdue, lang, note=t("overdue_note")),
        deadline_table("upcoming", t("upcoming_table"), upcoming, lang),
        duties,
        issues,
        tasks,
    ]
    return report


def _items_table(key: str, title: str, dated: tuple[str, str], lang: str) -> Table:
    """A unit's issues or tasks: the same columns but for the one date each has."""

    def t(name: str) -> str:
        return label(name, lang)

    columns = [
        Column("project", t("name"), whole=True),
        Column("project_id", t("project_id"), printed=False, whole=True),
        Column("id", t("item_id"), printed=False, whole=True),
        Column("title", t("title")),
        Column("state", t("status"), whole=True),
        Column("person", t("person"), whole=True),
        Column(dated[0], t(dated[1]), Kind.DATE),
        Column("due", t("due_date"), Kind.DATE),
        Column("deadline", t("deadline_status")),
    ]
    return Table(key, t(title), columns)

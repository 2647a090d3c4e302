"""`report project ID`: one project's card: record, lights, four lists with their
deadlines' states, approvals, and its recent history from git."""

import datetime as dt

from projledger.compute.deadlines import LABELS, LABELS_EN, OPEN, Status, deadline_state
from projledger.compute.facts import ProjectFacts, project_facts
from projledger.compute.light import Light
from projledger.compute.lights import project_lights
from projledger.compute.progress import (
    data_period,
    in_report,
    points,
    project_time_progress,
    rate,
    reported,
)
from projledger.errors import ProjledgerError
from projledger.model import Config, Project
from projledger.report.deadline_rows import item_text
from projledger.report.document import Column, Figure, Kind, Report, Table, Value
from projledger.report.formatting import quantity_done
from projledger.report.labels import label
from projledger.root import LedgerRoot

RECENT_CHANGES = 30


def build_project_card(
    root: LedgerRoot,
    config: Config,
    project: Project,
    as_of: dt.date,
    lang: str,
    source: str,
    *,
    errors: int = 0,
) -> Report:
    """`root` is for the project's history in git; `errors`: how many `check` finds in
    the project's file."""
    facts = project_facts(project)
    report = Report(
        kind="project",
        title=f"{label('project_card', lang)}：{project.name}",
        organisation=config.organisation,
        lang=lang,
        period_start=None,
        period_end=None,
        as_of=as_of,
        source=source,
    )
    if errors:
        # The card is shown all the same (it is how one looks into the file); the other
        # reports leave the project out until it is fixed.
        report.notes.append(label("card_has_errors", lang).format(n=errors))
    card = _Card(config, project, facts, as_of, lang)
    report.figures = card.figures()
    report.tables = [
        card.record(),
        card.responsibilities(),
        card.issues(),
        card.tasks(),
        card.deadlines(),
        card.approvals(),
        _recent_history(root, project.id, lang, report.notes),
    ]
    return report


class _Card:
    def __init__(
        self, config: Config, project: Project, facts: ProjectFacts, as_of: dt.date, lang: str
    ) -> None:
        self.config, self.project, self.facts = config, project, facts
        self.as_of, self.lang = as_of, lang

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def status(self, target: str) -> tuple[Value, Value]:
        """(due date in force, status label) of the deadline bound to `target`."""
        deadline = self.facts.deadline_for(target)
        if deadline is None:
            return None, None
        state = deadline_state(deadline, self.as_of, self.config.due_soon_days, self.config.ranking)
        if state.status in OPEN and not in_report(self.facts, self.as_of):
            return state.due, self.t("retired_open")  # 退库: nothing open is 逾期 any more
        words = LABELS_EN if self.lang == "en" else LABELS
        text = words[state.status]
        # Overdue: its days; awaiting verification (待核验): the days it has waited.
        days = state.days_overdue or (state.days_waiting if state.status == Status.AWAITING else 0)
        if days:
            text += f" {days}" + (" days" if self.lang == "en" else " 天")
        return state.due, text

    def figures(self) -> list[Figure]:
        figure = reported(self.facts.investment, self.as_of)  # of the report date's year
        inv = figure.inv
        this_year = inv.year == self.as_of.year
        completion = rate(figure.completed, inv.plan_this_year) if this_year else None
        progress = (
            project_time_progress(self.facts.investment, self.config.time_progress, self.as_of)
            if this_year
            else None
        )
        lights = project_lights(self.facts, self.config, self.as_of)
        worst = next(
            (c for c in (Light.RED, Light.YELLOW) if any(x.light == c for x in lights)),
            Light.GREEN if lights else None,
        )
        values: list[tuple[str, Value, Kind]] = [
            ("total_investment", inv.total, Kind.AMOUNT),
            ("plan", inv.plan_this_year, Kind.AMOUNT),
            ("completed", figure.completed, Kind.AMOUNT),
            ("completion", None if completion is None else round(completion, 4), Kind.PERCENT),
            ("time_progress", None if progress is None else round(progress, 4), Kind.PERCENT),
            ("gap", points(completion, progress), Kind.POINTS),
            ("data_period", data_period(figure.months, self.lang), Kind.TEXT),
            ("light", worst, Kind.LIGHT),
        ]
        return [Figure(key, self.t(key), value, kind) for key, value, kind in values]

    def record(self) -> Table:
        p = self.project
        rows: list[tuple[str, Value]] = [
            ("project_id", p.id),
            ("name", p.name),
            ("level", "、".join(p.levels)),
            ("pool", p.pool + (f"（{p.maturity}）" if p.maturity and p.pool == "在谈" else "")),
            ("stage", p.stage),
            ("industry", p.industry),
            ("locality", p.locality),
            ("owner", p.owner),
            ("leader", p.lead_leader),
            ("unit", self.facts.lead_unit),
            ("actual_start", p.schedule.actual_start),
        ]
        table = Table(
            "record",
            self.t("record"),
            [Column("field", self.t("field")), Column("value", self.t("value"))],
        )
        table.rows = [[self.t(key), value] for key, value in rows]
        if p.code:
            table.rows.insert(1, ["项目代码" if self.lang == "zh" else "Project code", p.code])
        if p.retirement is not None:  # after the pool
            r = p.retirement
            text = self.t("retirement_text").format(
                date=r.date.isoformat(), reason=r.reason, reviewer=r.reviewer
            )
            if r.duplicate_of:
                text += self.t("retired_duplicate").format(project=r.duplicate_of)
            at = next(i for i, row in enumerate(table.rows) if row[0] == self.t("pool")) + 1
            table.rows.insert(at, [self.t("retirement"), text])
        if p.current_progress:  # after the stage
            at = next(i for i, row in enumerate(table.rows) if row[0] == self.t("stage")) + 1
            table.rows.insert(at, [self.t("current_progress"), p.current_progress])
        return table

    def responsibilities(self) -> Table:
        table = Table(
            "responsibilities",
            self.t("responsibilities_list"),
            [
                Column("id", self.t("item_id"), printed=False, whole=True),
                Column("role", self.t("role")),
                Column("unit", self.t("unit")),
                Column("person", self.t("person")),
                Column("duties", self.t("duties")),
            ],
        )
        table.rows = [
            [r.id, r.role.value, r.unit, r.person, r.duties] for r in self.project.responsibilities
        ]
        return table

    def issues(self) -> Table:
        table = Table(
            "issues",
            self.t("issues_list"),
            [
                Column("id", self.t("item_id"), printed=False, whole=True),
                Column("title", self.t("title")),
                Column("category", self.t("category")),
                Column("state", self.t("status")),
                Column("unit", self.t("unit")),
                Column("person", self.t("person")),
                Column("raised", self.t("raised"), Kind.DATE),
                Column("due", self.t("due_date"), Kind.DATE),
                Column("deadline", self.t("deadline_status")),
            ],
        )
        for i in self.project.issues:
            due, status = self.status(i.id)
            table.rows.append(
                [
                    i.id,
                    i.title,
                    i.category.value,
                    i.state.value,
                    i.unit,
                    i.person,
                    i.raised,
                    due,
                    status,
                ]
            )
        return table

    def tasks(self) -> Table:
        table = Table(
            "tasks",
            self.t("tasks_list"),
            [
                Column("id", self.t("item_id"), printed=False, whole=True),
                Column("title", self.t("title")),
                Column("state", self.t("status")),
                Column("quantity", self.t("quantity_done")),
                Column("unit", self.t("unit")),
                Column("person", self.t("person")),
                Column("done_on", self.t("done_on"), Kind.DATE),
                Column("due", self.t("due_date"), Kind.DATE),
                Column("deadline", self.t("deadline_status")),
            ],
        )
        for task in self.project.tasks:
            due, status = self.status(task.id)
            table.rows.append(
                [
                    task.id,
                    task.title,
                    task.state.value,
                    quantity_done(task.measure.amount, task.measure.done, task.measure.unit)
                    if task.measure
                    else None,
                    task.unit,
                    task.person,
                    task.completed_on,
                    due,
                    status,
                ]
            )
        return table

    def deadlines(self) -> Table:
        table = Table(
            "deadlines",
            self.t("deadlines_list"),
            [
                Column("id", self.t("item_id"), printed=False, whole=True),
                Column("target", self.t("target"), printed=False, whole=True),
                Column("title", self.t("item")),
                Column("original_due", self.t("original_due"), Kind.DATE),
                Column("due", self.t("due_date"), Kind.DATE),
                Column("extensions", self.t("extensions"), Kind.INT),
                Column("status", self.t("status")),
            ],
        )
        for d in self.facts.deadlines:
            due, status = self.status(d.target)
            granted = sum(1 for day, _ in d.extensions if day <= self.as_of)
            table.rows.append(
                [d.id, d.target, item_text(d, self.lang), d.due, due, granted, status]
            )
        return table

    def approvals(self) -> Table:
        table = Table(
            "approvals",
            self.t("approvals_list"),
            [
                Column("name", self.t("title")),
                Column("status", self.t("status")),
                Column("permit", self.t("permit")),
                Column("date", self.t("date"), Kind.DATE),
            ],
        )
        table.rows = [
            [name, a.status.value, a.permit_no, a.date]
            for name, a in self.project.approvals.items()
        ]
        return table


def _recent_history(root: LedgerRoot, project_id: str, lang: str, notes: list[str]) -> Table:
    from projledger.history.render import describe
    from projledger.history.timeline import LedgerHistory, project_history
    from projledger.messages import field_label, pick_lang

    words = pick_lang(lang)  # the change and its field in the report's language

    table = Table(
        "history",
        label("history_table", lang),
        [
            Column("date", label("date", lang)),
            Column("item", label("item_id", lang)),
            Column("field", label("field", lang)),
            Column("change", label("change", lang)),
            Column("author", label("author", lang)),
            Column("commit", label("commit", lang), printed=False, whole=True),
        ],
    )
    try:
        history = LedgerHistory(root)
    except ProjledgerError:
        notes.append(label("no_history", lang))
        return table
    try:
        _, _, changes = project_history(history, project_id)
    except ProjledgerError:
        changes = []
    finally:
        history.close()
    for change in reversed(changes[-RECENT_CHANGES:]):
        table.rows.append(
            [
                change.commit.when,
                change.item,
                field_label(change.field, words),
                describe(change, words),
                change.commit.author_name,
                change.commit.short,
            ]
        )
    return table

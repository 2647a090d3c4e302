"""The period reports: weekly dispatch (周调度), monthly bulletin (月通报) and quarterly
ranking (季督查排名), with DOMAIN.md's sections. Figures come from `projledger.compute`;
the period's issue flow and advances from git history (`history.timeline`)."""

import datetime as dt
from collections.abc import Callable, Iterable

from projledger.compute.deadlines import (
    DeadlineState,
    became_overdue_in,
    deadline_state,
    exists_on,
)
from projledger.compute.facts import DeadlineFacts, ProjectFacts
from projledger.compute.light import Light
from projledger.compute.lights import LightKind, ProjectLight, project_lights
from projledger.compute.progress import (
    Totals,
    data_period,
    in_report,
    periods_text,
    points,
    project_time_progress,
    rate,
    reported,
    totals,
)
from projledger.compute.units import UnitStats, issue_open_on, unit_stats
from projledger.history.asof import IssueRecords, issue_records
from projledger.ledger.facts_cache import FactsLedger
from projledger.model.enums import Level, Maturity, Pool
from projledger.report.build_elements import element_tables
from projledger.report.deadline_rows import (
    DueRow,
    all_deadlines,
    deadline_table,
    due_rows,
    is_due_soon,
    is_overdue,
    sort_due,
    sort_overdue,
    unit_resolver,
)
from projledger.report.document import Chart, Column, Figure, Kind, Report, Table, Value
from projledger.report.flow import FlowCounts, flow_tables, read_flow
from projledger.report.labels import label
from projledger.report.narrative import narrate
from projledger.report.period import Period
from projledger.report.period_names import (
    date_range,
    day_label,
    month_label,
    next_period,
    period_label,
)
from projledger.report.ranking_rules import ranking_rules
from projledger.root import LedgerRoot


class _Builder:
    def __init__(self, ledger: FactsLedger, period: Period, as_of: dt.date, lang: str) -> None:
        self.ledger = ledger
        self.config = ledger.config
        self.period = period
        self.as_of = as_of
        self.lang = lang
        self.projects = [p for p in ledger.projects.values() if in_report(p, as_of)]
        self.resolve = unit_resolver(ledger.config)
        self.window = ledger.config.due_soon_days
        # Every deadline's state on the report date, computed once: the tables below are
        # filters of it (at 10,000 projects, 74,000 deadlines).
        self.deadlines = due_rows(
            self.projects, all_deadlines, self.config, as_of, lambda state: True
        )
        self._states = {id(row.state.deadline): row.state for row in self.deadlines}

    def rows(self, keep: Callable[[DeadlineState], bool]) -> list[DueRow]:
        return [row for row in self.deadlines if keep(row.state)]

    def state_of(self, deadline: DeadlineFacts) -> DeadlineState:
        found = self._states.get(id(deadline))
        if found is not None:
            return found
        return deadline_state(deadline, self.as_of, self.window, self.config.ranking)

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def totals(self, projects: Iterable[ProjectFacts]) -> Totals:
        return totals(projects, self.config.time_progress, self.as_of)

    def period_text(self, months: tuple[int, ...]) -> str | None:
        """The data period of the investment figures (数据期 1-10月)."""
        return periods_text(months, self.lang)

    # --- 1. overall --------------------------------------------------------------------

    def figures(self, lights: dict[str, list[ProjectLight]]) -> list[Figure]:
        all_ = self.totals(self.projects)
        overdue = self.rows(is_overdue)
        due_soon = self.rows(is_due_soon)
        open_issues = sum(
            1 for p in self.projects for i in p.issues if issue_open_on(i, self.as_of)
        )
        worst = [_worst(found) for found in lights.values()]
        values: list[tuple[str, Value, Kind]] = [
            ("projects", all_.projects, Kind.INT),
            ("total_investment", all_.total, Kind.AMOUNT),
            ("plan", all_.plan, Kind.AMOUNT),
            ("completed", all_.completed, Kind.AMOUNT),
            ("completion", all_.completion, Kind.PERCENT),
            ("time_progress", all_.time_progress, Kind.PERCENT),
            ("gap", all_.gap, Kind.POINTS),
            ("data_period", self.period_text(all_.months), Kind.TEXT),
            ("planned_starts", all_.planned_starts, Kind.INT),
            ("started", all_.started, Kind.INT),
            ("start_rate", all_.start_rate, Kind.PERCENT),
            ("open_issues", open_issues, Kind.INT),
            ("overdue_items", len(overdue), Kind.INT),
            ("due_soon_items", len(due_soon), Kind.INT),
            ("red_lights", worst.count(Light.RED), Kind.INT),
            ("yellow_lights", worst.count(Light.YELLOW), Kind.INT),
        ]
        return [Figure(key, self.t(key), value, kind) for key, value, kind in values]

    # --- 2. breakdowns -----------------------------------------------------------------

    def breakdown(
        self,
        key: str,
        grouped_by: str,
        groups: list[tuple[str, list[ProjectFacts]]],
        *,
        chart: bool = True,
        note: str | None = None,
    ) -> Table:
        """Figures per group; `grouped_by` is the label key of the group column."""
        columns = [
            Column("group", self.t(grouped_by), whole=True),
            Column("projects", self.t("projects"), Kind.INT),
            Column("total_investment", self.t("total_investment"), Kind.AMOUNT),
            Column("plan", self.t("plan"), Kind.AMOUNT),
            Column("completed", self.t("completed"), Kind.AMOUNT),
            Column("completion", self.t("completion"), Kind.PERCENT),
            Column("time_progress", self.t("time_progress"), Kind.PERCENT),
            Column("gap", self.t("gap"), Kind.POINTS),
            Column("data_period", self.t("data_period")),
            Column("start_rate", self.t("start_rate"), Kind.PERCENT),
        ]
        table = Table(key, self.t(key), columns, note=note)
        if chart:
            table.chart = Chart("group", ("completion", "time_progress"), self.t("completion"))
        for name, members in groups:
            if not members:
                continue
            s = self.totals(members)
            table.rows.append(
                [
                    name,
                    s.projects,
                    s.total,
                    s.plan,
                    s.completed,
                    s.completion,
                    s.time_progress,
                    s.gap,
                    self.period_text(s.months),
                    s.start_rate,
                ]
            )
        return table

    def breakdowns(self) -> list[Table]:
        ps = self.projects
        by_level = [(lv.value, [p for p in ps if lv.value in p.levels]) for lv in Level]
        by_pool = [(pool.value, [p for p in ps if p.pool == pool.value]) for pool in Pool]
        negotiating = [p for p in ps if p.pool == Pool.NEGOTIATING]
        by_maturity = [
            (m.value, [p for p in negotiating if p.maturity == m.value]) for m in Maturity
        ]
        return [
            self.breakdown("by_level", "level", by_level, note=self.t("breakdown_note")),
            self.breakdown("by_pool", "pool", by_pool),
            self.breakdown("by_maturity", "maturity", by_maturity, chart=False),
            self.breakdown("by_industry", "industry", _grouped(ps, lambda p: p.industry)),
            self.breakdown("by_locality", "locality", _grouped(ps, lambda p: p.locality)),
        ]

    # --- 3. unit ranking ---------------------------------------------------------------

    def unit_ranking(self) -> Table:
        columns = [
            Column("rank", self.t("rank"), Kind.INT),
            Column("unit", self.t("unit"), whole=True),
            Column("issues", self.t("issues_total"), Kind.INT),
            Column("open", self.t("open_issues"), Kind.INT),
            Column("closed_in_period", self.t("closed_in_period"), Kind.INT),
            Column("closed", self.t("closed_total"), Kind.INT),
            Column("closed_on_time", self.t("closed_on_time"), Kind.INT),
            Column("on_time_rate", self.t("on_time_rate"), Kind.PERCENT),
            Column("closure_rate", self.t("closure_rate"), Kind.PERCENT),
            Column("overdue", self.t("overdue_items"), Kind.INT),
            Column("late_extended", self.t("late_extended"), Kind.INT),
            Column("late_days", self.t("late_days"), Kind.INT),
            Column("awaiting", self.t("awaiting"), Kind.INT),
            Column("awaiting_days", self.t("awaiting_days"), Kind.INT),
            Column("due_soon", self.t("due_soon_items"), Kind.INT),
        ]
        table = Table(
            "unit_ranking",
            self.t("unit_ranking"),
            columns,
            note=ranking_rules(self.config.ranking, self.lang),
            chart=Chart("unit", ("on_time_rate", "closure_rate"), self.t("on_time_rate")),
        )
        stats = unit_stats(
            self.projects,
            self.as_of,
            self.period.start,
            self.window,
            self.resolve,
            self.state_of,
            self.config.ranking,
        )
        for rank, s in enumerate(stats, start=1):
            table.rows.append(
                [
                    rank,
                    s.unit,
                    s.issues,
                    s.open,
                    s.closed_in_period,
                    s.closed,
                    s.closed_on_time,
                    s.on_time_rate,
                    s.closure_rate,
                    s.overdue,
                    s.late_extended,
                    s.late_days,
                    s.awaiting,
                    s.awaiting_days,
                    s.due_soon,
                ]
            )
        return table

    # --- 4. lights and time progress -----------------------------------------------------

    def lights(self) -> dict[str, list[ProjectLight]]:
        return {p.id: project_lights(p, self.config, self.as_of) for p in self.projects}

    def lights_table(self, lights: dict[str, list[ProjectLight]]) -> Table:
        thresholds = self.config.lights
        note = self.t("lights_note").format(
            yellow=f"{thresholds.investment.yellow_behind_points:g}",
            red=f"{thresholds.investment.red_behind_points:g}",
            start_red=thresholds.start.red_after_months,
            neg_yellow=thresholds.negotiation.yellow_after_months,
            neg_red=thresholds.negotiation.red_after_months,
        )
        columns = [
            Column("project", self.t("name"), whole=True),
            _project_id_column(self.lang),
            Column("light", self.t("light"), Kind.LIGHT),
            Column("light_kind", self.t("light_kind"), whole=True),
            Column("reason", self.t("reason")),
            Column("leader", self.t("leader"), whole=True),
            Column("unit", self.t("unit"), whole=True),
            Column("level", self.t("level")),
        ]
        table = Table("lights", self.t("lights_table"), columns, note=note)
        rows: list[tuple[int, float, str, list[Value]]] = []
        for p in self.projects:
            for found in lights[p.id]:
                if found.light == Light.GREEN:
                    continue
                rows.append(
                    (
                        0 if found.light == Light.RED else 1,
                        -found.behind,
                        p.id,
                        [
                            p.name,
                            p.id,
                            found.light,
                            self.t(f"light_{found.kind}"),
                            self._reason(p, found),
                            p.leader,
                            self.resolve(p.lead_unit),
                            "、".join(p.levels),
                        ],
                    )
                )
        table.rows = [cells for *_, cells in sorted(rows, key=lambda r: r[:3])]
        return table

    def _reason(self, p: ProjectFacts, found: ProjectLight) -> str:
        if found.kind == LightKind.INVESTMENT:
            return self.t("behind_points").format(found.behind)
        if found.kind == LightKind.START:
            deadline = p.deadline_for("milestone:开工")
            month = month_label(deadline.due, self.lang) if deadline else "—"
            if found.behind == 0:
                return self.t("start_late_month").format(month)
            return self.t("start_late").format(month, int(found.behind))
        last = p.last_activity(self.as_of)
        shown = day_label(last, self.lang) if last is not None else "—"
        return self.t("no_progress").format(int(found.behind), shown)

    def behind_table(self, lights: dict[str, list[ProjectLight]]) -> Table:
        columns = [
            Column("project", self.t("name"), whole=True),
            _project_id_column(self.lang),
            Column("leader", self.t("leader"), whole=True),
            Column("unit", self.t("unit"), whole=True),
            Column("plan", self.t("plan"), Kind.AMOUNT),
            Column("completed", self.t("completed"), Kind.AMOUNT),
            Column("completion", self.t("completion"), Kind.PERCENT),
            Column("time_progress", self.t("time_progress"), Kind.PERCENT),
            Column("gap", self.t("gap"), Kind.POINTS),
            Column("data_period", self.t("data_period")),
            Column("light", self.t("light"), Kind.LIGHT),
        ]
        table = Table("behind", self.t("behind_table"), columns, note=self.t("behind_note"))
        rows: list[tuple[float, str, list[Value]]] = []
        for p in self.projects:
            figure = reported(p.investment, self.as_of)
            inv = figure.inv
            if inv.year != self.as_of.year or inv.plan_this_year <= 0:
                continue
            completion = rate(figure.completed, inv.plan_this_year)
            progress = project_time_progress(p.investment, self.config.time_progress, self.as_of)
            gap = points(completion, progress)
            if gap is None or gap >= 0:
                continue
            light = next((x.light for x in lights[p.id] if x.kind == LightKind.INVESTMENT), None)
            rows.append(
                (
                    gap,
                    p.id,
                    [
                        p.name,
                        p.id,
                        p.leader,
                        self.resolve(p.lead_unit),
                        inv.plan_this_year,
                        figure.completed,
                        _round4(completion),
                        _round4(progress),
                        gap,
                        data_period(figure.months, self.lang),
                        light,
                    ],
                )
            )
        table.rows = [cells for *_, cells in sorted(rows, key=lambda r: r[:2])]
        return table

    # --- 5-7. deadlines -------------------------------------------------------------------

    def overdue_table(self) -> Table:
        rows = sort_overdue(self.rows(is_overdue))
        return deadline_table(
            "overdue", self.t("overdue_table"), rows, self.lang, note=self.t("overdue_note")
        )

    def period_due_table(self) -> Table:
        start, end = self.period.start, self.period.end

        def due_in_period(row: DueRow) -> bool:
            return start <= row.state.due <= end

        rows = [row for row in self.deadlines if due_in_period(row)]
        return deadline_table(
            "period_due", self.t("period_due_table"), sort_due(rows), self.lang, with_status=True
        )

    def next_due_table(self) -> Table:
        upcoming = self.period.next()
        open_statuses = {"pending", "due_soon", "overdue"}
        rows = [
            row
            for row in self.deadlines
            if row.state.status in open_statuses and upcoming.start <= row.state.due <= upcoming.end
        ]
        days = date_range(upcoming.start, upcoming.end, self.lang, year=self.period.end.year)
        title = self.t("next_due_table").format(next_period(self.period, self.lang))
        title += f" ({days})" if self.lang == "en" else f"（{days}）"
        return deadline_table("next_due", title, sort_due(rows), self.lang)

    def coordination_table(self) -> Table:
        columns = [
            Column("project", self.t("name"), whole=True),
            _project_id_column(self.lang),
            Column("issue", self.t("item_id"), printed=False, whole=True),
            Column("title", self.t("title")),
            Column("coordination_level", self.t("coordination_level"), Kind.INT),
            Column("unit", self.t("unit"), whole=True),
            Column("person", self.t("person"), whole=True),
            Column("leader", self.t("leader"), whole=True),
            Column("raised", self.t("raised"), Kind.DATE, printed=False),
            Column("due", self.t("due_date"), Kind.DATE),
        ]
        table = Table(
            "coordination", self.t("coordination_table"), columns, note=self.t("coordination_note")
        )
        for p in self.projects:
            for issue in p.issues:
                if issue.coordination_level < 3 or not issue_open_on(issue, self.as_of):
                    continue
                deadline = p.deadline_for(issue.id)
                due = self.state_of(deadline).due if deadline else None
                table.rows.append(
                    [
                        p.name,
                        p.id,
                        issue.id,
                        issue.title,
                        issue.coordination_level,
                        self.resolve(issue.unit),
                        issue.person,
                        p.leader,
                        issue.raised,
                        due,
                    ]
                )
        table.rows.sort(key=lambda r: (-_num(r[4]), str(r[1]), str(r[2])))
        return table

    def with_open_issues(self) -> list[str]:
        """The projects with an issue open on the report date: whose notes are read."""
        return [p.id for p in self.projects if any(issue_open_on(i, self.as_of) for i in p.issues)]

    def open_issues_table(self, records: "dict[tuple[str, str], IssueRecords]") -> Table:
        """Each issue open on the report date with its latest progress note (最新进展) and,
        if it was returned, the latest return's reason: notes and returns dated by then."""
        columns = [
            Column("project", self.t("name"), whole=True),
            _project_id_column(self.lang),
            Column("issue", self.t("item_id"), printed=False, whole=True),
            Column("title", self.t("title")),
            Column("state", self.t("status"), printed=False, whole=True),
            Column("unit", self.t("unit"), whole=True),
            Column("person", self.t("person"), printed=False, whole=True),
            Column("due", self.t("due_date"), Kind.DATE),
            Column("note_date", self.t("latest_note_date"), Kind.DATE),
            Column("note", self.t("latest_note")),
            Column("returned_on", self.t("returned_on"), Kind.DATE, printed=False),
            Column("return_reason", self.t("return_reason")),
        ]
        table = Table(
            "open_issues", self.t("open_issues_table"), columns, note=self.t("open_issues_note")
        )
        for p in sorted(self.projects, key=lambda p: p.id):
            for issue in p.issues:
                if not issue_open_on(issue, self.as_of):
                    continue
                found = records.get((p.id, issue.id))
                note = _latest(found.notes if found else (), self.as_of)
                returned = _latest(found.returns if found else (), self.as_of)
                deadline = p.deadline_for(issue.id)
                table.rows.append(
                    [
                        p.name,
                        p.id,
                        issue.id,
                        issue.title,
                        issue.state,
                        self.resolve(issue.unit),
                        issue.person,
                        self.state_of(deadline).due if deadline else None,
                        note[0] if note else None,
                        _said(note) if note else None,
                        returned[0] if returned else None,
                        _said(returned) if returned else None,
                    ]
                )
        return table

    def became_overdue(self) -> int:
        end = min(self.period.end, self.as_of)
        return sum(
            1
            for p in self.projects
            for d in p.deadlines
            if exists_on(d, end)
            and became_overdue_in(d, self.period.start, end, self.config.ranking)
        )

    # --- quarterly ---------------------------------------------------------------------

    def locality_ranking(self) -> Table:
        table = self.breakdown(
            "quarterly_locality",
            "locality",
            _grouped(self.projects, lambda p: p.locality),
            note=self.t("quarterly_locality_note"),
        )
        gap = table.column("gap")
        table.rows.sort(key=lambda r: (-(_num(r[gap])), str(r[0])))
        return table

    # --- annual (年度考评) -----------------------------------------------------------------

    def annual_tables(self) -> list[Table]:
        """Per unit and per locality over the year: issues closed on time and late, overdue
        items (逾期后延期 counted as the ranking counts it), starts and investment against
        plan. Units in the ranking's order; localities by the 年观摩 order: completion
        against time progress, then start rate, then fewest overdue."""
        year_start = self.period.start
        stats = unit_stats(
            self.projects,
            self.as_of,
            year_start,
            self.window,
            self.resolve,
            self.state_of,
            self.config.ranking,
            since=year_start,
        )
        led: dict[str, list[ProjectFacts]] = {}
        for p in self.projects:
            unit = self.resolve(p.lead_unit)
            if unit is not None:
                led.setdefault(unit, []).append(p)
        units = self._annual_table(
            "annual_units",
            "unit",
            [(s.unit, led.get(s.unit, []), s) for s in stats],
            ranking_rules(self.config.ranking, self.lang),
        )
        localities: list[tuple[str, list[ProjectFacts], UnitStats | None]] = []
        for name, members in _grouped(self.projects, lambda p: p.locality):
            found = unit_stats(
                members,
                self.as_of,
                year_start,
                self.window,
                _as_one(name),
                self.state_of,
                self.config.ranking,
                since=year_start,
            )
            localities.append((name, members, found[0] if found else None))
        table = self._annual_table(
            "annual_localities", "locality", localities, self.t("annual_localities_note")
        )
        gap, starts, overdue = (table.column(k) for k in ("gap", "start_rate", "overdue"))
        table.rows.sort(
            key=lambda r: (-_num(r[gap]), -_num(r[starts]), _num(r[overdue]), str(r[1]))
        )
        for rank, cells in enumerate(table.rows, start=1):
            cells[0] = rank
        return [units, table]

    def _annual_table(
        self,
        key: str,
        grouped_by: str,
        groups: "list[tuple[str, list[ProjectFacts], UnitStats | None]]",
        note: str,
    ) -> Table:
        columns = [
            Column("rank", self.t("rank"), Kind.INT),
            Column(grouped_by, self.t(grouped_by), whole=True),
            Column("issues", self.t("issues_total"), Kind.INT),
            Column("closed_in_period", self.t("closed_in_year"), Kind.INT),
            Column("closed_on_time", self.t("closed_on_time"), Kind.INT),
            Column("on_time_rate", self.t("on_time_rate"), Kind.PERCENT),
            Column("overdue", self.t("overdue_items"), Kind.INT),
            Column("late_extended", self.t("late_extended"), Kind.INT),
            Column("awaiting", self.t("awaiting"), Kind.INT),
            Column("planned_starts", self.t("planned_starts"), Kind.INT),
            Column("started", self.t("started"), Kind.INT),
            Column("start_rate", self.t("start_rate"), Kind.PERCENT),
            Column("plan", self.t("plan"), Kind.AMOUNT),
            Column("completed", self.t("completed"), Kind.AMOUNT),
            Column("completion", self.t("completion"), Kind.PERCENT),
            Column("gap", self.t("gap"), Kind.POINTS),
        ]
        table = Table(key, self.t(key), columns, note=note)
        for rank, (name, members, st) in enumerate(groups, start=1):
            t = self.totals(members) if members else None
            table.rows.append(
                [
                    rank,
                    name,
                    st.issues if st else 0,
                    st.closed_in_period if st else 0,
                    st.closed_on_time if st else 0,
                    st.on_time_rate if st else None,
                    st.overdue if st else 0,
                    st.late_extended if st else 0,
                    st.awaiting if st else 0,
                    t.planned_starts if t else 0,
                    t.started if t else 0,
                    t.start_rate if t else None,
                    t.plan if t else 0,
                    t.completed if t else 0,
                    t.completion if t else None,
                    t.gap if t else None,
                ]
            )
        return table


def build_period_report(
    root: LedgerRoot,
    ledger: FactsLedger,
    kind: str,
    period: Period,
    as_of: dt.date,
    lang: str,
    source: str,
    revision: str | None = None,
) -> Report:
    """`revision`: the commit the ledger was read from (`--at`), whose history gives the
    period's flow; default the work tree's, HEAD's."""
    b = _Builder(ledger, period, as_of, lang)
    report = Report(
        kind=kind,
        title=label(kind, lang),
        subtitle=period_label(period, lang),
        organisation=ledger.config.organisation,
        lang=lang,
        period_start=period.start,
        period_end=period.end,
        as_of=as_of,
        source=source,
        invalid_files=list(ledger.invalid),
    )
    lights = b.lights()
    report.figures = b.figures(lights)
    if kind == "annual":
        report.tables = [
            *b.annual_tables(),
            b.lights_table(lights),
            b.behind_table(lights),
            project_ids_table(b.projects, lang),
        ]
        report.narrative = narrate(report, period)
        return report
    if kind == "quarterly":
        report.tables = [
            b.unit_ranking(),
            b.locality_ranking(),
            b.lights_table(lights),
            b.behind_table(lights),
            project_ids_table(b.projects, lang),
        ]
        report.narrative = narrate(report, period)
        return report
    names = {p.id: p.name for p in ledger.projects.values()}
    titles = {(p.id, i.id): i.title for p in ledger.projects.values() for i in p.issues}
    titles.update(((p.id, d.id), d.title) for p in ledger.projects.values() for d in p.deadlines)
    # A retired duplicate leaves every figure from the start (`leaves_figures_on`).
    duplicates = frozenset(p.id for p in ledger.projects.values() if p.retired_on == dt.date.min)
    flow = read_flow(root, period, as_of, names, titles, revision, duplicates)
    if flow is None:
        report.notes.append(label("no_history", lang))
        flow_counts = FlowCounts()
    else:
        flow_counts = flow.counts
    flow_counts.became_overdue = b.became_overdue()
    report.tables = [
        *b.breakdowns(),
        *element_tables(
            kind,
            b.projects,
            lights,
            ledger.config.all_stages(),
            ledger.config.stages,
            (period.start, period.end),
            as_of,
            lang,
        ),
        b.unit_ranking(),
        b.lights_table(lights),
        b.behind_table(lights),
        *flow_tables(flow, flow_counts, lang),
        b.open_issues_table(issue_records(root, revision, b.with_open_issues())),
        b.overdue_table(),
        b.period_due_table(),
        b.coordination_table(),
        b.next_due_table(),
        project_ids_table(b.projects, lang),
    ]
    report.narrative = narrate(report, period)
    return report


def _project_id_column(lang: str) -> Column:
    """The project's id: kept in the files (JSON, CSV, .xlsx), out of the printed page,
    where the appendix (`project_ids_table`) gives it once per project."""
    return Column(
        "project_id", label("project_id", lang), terminal=False, printed=False, whole=True
    )


def project_ids_table(projects: Iterable[ProjectFacts], lang: str) -> Table:
    """The appendix of a printed report: each project's name and id, by id (pinyin)."""
    columns = [
        Column("project", label("name", lang), whole=True),
        Column("project_id", label("project_id", lang), whole=True),
    ]
    rows: list[list[Value]] = [[p.name, p.id] for p in sorted(projects, key=lambda p: p.id)]
    return Table(
        "project_ids", label("project_ids", lang), columns, rows, label("project_ids_note", lang)
    )


def _grouped(
    projects: list[ProjectFacts], key: Callable[[ProjectFacts], str]
) -> list[tuple[str, list[ProjectFacts]]]:
    """Groups by `key`, the largest total investment first (then by name)."""
    groups: dict[str, list[ProjectFacts]] = {}
    for p in projects:
        groups.setdefault(key(p), []).append(p)
    return sorted(groups.items(), key=lambda g: (-sum(p.investment.total for p in g[1]), g[0]))


Dated = tuple[dt.date, str, str | None]


def _latest(entries: "tuple[Dated, ...]", as_of: dt.date) -> "Dated | None":
    """The last of dated records (date, text, by) made by the report date."""
    made = [entry for entry in entries if entry[0] <= as_of]
    return max(made, key=lambda entry: entry[0]) if made else None


def _said(entry: "Dated") -> str:
    """A record's words, with who said them: 塔基基础完成（马强）."""
    return f"{entry[1]}（{entry[2]}）" if entry[2] else entry[1]


def _as_one(name: str) -> Callable[[str | None], str | None]:
    """A resolver that counts every unit as one group (a locality's, for `unit_stats`)."""

    def resolve(unit: str | None) -> str | None:
        return name if unit is not None else None

    return resolve


def _worst(found: list[ProjectLight]) -> Light:
    lights = {x.light for x in found}
    if Light.RED in lights:
        return Light.RED
    return Light.YELLOW if Light.YELLOW in lights else Light.GREEN


def _round4(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _num(value: Value) -> float:
    return float(value) if isinstance(value, int | float) else float("-inf")

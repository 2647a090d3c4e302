"""要素保障 and stages in the period reports: funding by source (资金到位率), land supply
(批而未供), the issues of 要素保障 by category and by the side of their cause (政府/企业),
and the projects by stage (按阶段). Each table is computed here once, from the projects'
facts, and every format renders it as it renders the other tables."""

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import partial

from projledger.compute.facts import ProjectFacts
from projledger.compute.light import Light
from projledger.compute.lights import ProjectLight
from projledger.compute.progress import rate, reported
from projledger.compute.units import issue_open_on
from projledger.model.enums import CauseSide, FundingSource, IssueCategory
from projledger.report.document import Column, Kind, Table, Value

LABELS: dict[str, tuple[str, str]] = {
    "by_stage": ("按阶段", "By stage"),
    "by_stage_note": (
        "在库项目按当前阶段（前期阶段、续建阶段）统计；亮灯按项目最严重的一盏灯计。",
        "Projects by their current stage; each project counted under its worst light.",
    ),
    "stage": ("阶段", "Stage"),
    "projects": ("项目数", "Projects"),
    "total_investment": ("总投资（万元）", "Total (10k CNY)"),
    "plan": ("年度计划投资（万元）", "Plan this year"),
    "completed": ("本年完成投资（万元）", "Done this year"),
    "completion": ("投资完成率", "Completion"),
    "red": ("红灯", "Red"),
    "yellow": ("黄灯", "Yellow"),
    "green": ("绿灯", "Green"),
    "funding": ("资金到位（按资金来源）", "Funding by source"),
    "funding_note": (
        "资金到位率 = 已到位资金 / 计划资金；只计登记了资金来源的项目。",
        "Funds received / funds planned, over the projects that record their funding.",
    ),
    "funding_source": ("资金来源", "Source"),
    "planned_funds": ("计划资金（万元）", "Planned (10k CNY)"),
    "received_funds": ("已到位（万元）", "Received (10k CNY)"),
    "funding_rate": ("资金到位率", "Received rate"),
    "land": ("用地保障", "Land supply"),
    "land_note": (
        "单位：亩。未供地 = 需用地 − 已供地；批而未供为已完成用地报批（阶段在“{stage}”及以后）"
        "项目的未供地；只列登记了用地的项目。",
        "In mu. Not yet supplied = needed − supplied; approved, not supplied: that of the "
        "projects whose land is approved (stage “{stage}” or later); projects that record "
        "their land.",
    ),
    "name": ("项目名称", "Project"),
    "project_id": ("项目编号", "Project id"),
    "locality": ("属地", "Locality"),
    "needed_mu": ("需用地（亩）", "Needed (mu)"),
    "supplied_mu": ("已供地（亩）", "Supplied (mu)"),
    "unsupplied_mu": ("未供地（亩）", "Not yet supplied (mu)"),
    "approved_unsupplied_mu": ("其中批而未供（亩）", "Of which approved, not supplied"),
    "supply_rate": ("供地率", "Supplied rate"),
    "element_issues": ("要素保障问题", "Issues by category and cause"),
    "element_issues_note": (
        "按问题类别与问题成因（政府方面/企业方面）统计；未销号为报告日仍在办的问题。",
        "By category and by the side the cause is on (government or enterprise); open: "
        "not closed or withdrawn on the report date.",
    ),
    "category": ("问题类别", "Category"),
    "raised_in_period": ("本期新增", "Raised this period"),
    "closed_in_period": ("本期销号", "Closed this period"),
    "open": ("未销号", "Open"),
    "open_government": ("其中政府方面", "Of which government side"),
    "open_enterprise": ("其中企业方面", "Of which enterprise side"),
    "total_row": ("合计", "Total"),
}


def _t(key: str, lang: str) -> str:
    zh, en = LABELS[key]
    return zh if lang == "zh" else en


def stage_table(
    projects: Sequence[ProjectFacts],
    lights: dict[str, list[ProjectLight]],
    stage_order: Sequence[str],
    as_of: dt.date,
    lang: str,
) -> Table:
    """按阶段: per stage (the config's order, then any other in the files), the projects,
    their investment and how many are red, yellow and green (each by its worst light)."""
    t = partial(_t, lang=lang)
    columns = [
        Column("stage", t("stage"), whole=True),
        Column("projects", t("projects"), Kind.INT),
        Column("total_investment", t("total_investment"), Kind.AMOUNT),
        Column("plan", t("plan"), Kind.AMOUNT),
        Column("completed", t("completed"), Kind.AMOUNT),
        Column("completion", t("completion"), Kind.PERCENT),
        Column("red", t("red"), Kind.INT),
        Column("yellow", t("yellow"), Kind.INT),
        Column("green", t("green"), Kind.INT),
    ]
    table = Table("by_stage", t("by_stage"), columns, note=t("by_stage_note"))
    groups: dict[str, list[ProjectFacts]] = {}
    for p in projects:
        groups.setdefault(p.stage, []).append(p)
    order = [s for s in stage_order if s in groups]
    order += sorted(s for s in groups if s not in stage_order)
    for stage in order:
        members = groups[stage]
        # The figures reported by the report date, of its year (数据期: compute/progress.py).
        figures = [reported(p.investment, as_of) for p in members]
        this_year = [f for f in figures if f.inv.year == as_of.year]
        plan = sum(f.inv.plan_this_year for f in this_year)
        completed = sum(f.completed for f in this_year)
        worst = [_worst(lights.get(p.id, [])) for p in members]
        table.rows.append(
            [
                stage,
                len(members),
                _round1(sum(p.investment.total for p in members)),
                _round1(plan),
                _round1(completed),
                _round4(rate(completed, plan)),
                worst.count(Light.RED),
                worst.count(Light.YELLOW),
                worst.count(Light.GREEN),
            ]
        )
    return table


def funding_table(projects: Iterable[ProjectFacts], lang: str) -> Table:
    """资金到位: per funding source, the projects that record it, planned, received and
    the received rate (资金到位率); a total row last."""
    t = partial(_t, lang=lang)
    columns = [
        Column("source", t("funding_source"), whole=True),
        Column("projects", t("projects"), Kind.INT),
        Column("planned", t("planned_funds"), Kind.AMOUNT),
        Column("received", t("received_funds"), Kind.AMOUNT),
        Column("rate", t("funding_rate"), Kind.PERCENT),
    ]
    table = Table("funding", t("funding"), columns, note=t("funding_note"))
    sums: dict[str, tuple[set[str], float, float]] = {}
    for p in projects:
        for source, planned, received in p.funding:
            ids, p_sum, r_sum = sums.get(source, (set(), 0.0, 0.0))
            ids.add(p.id)
            sums[source] = (ids, p_sum + planned, r_sum + received)
    known = [s.value for s in FundingSource]
    order = [s for s in known if s in sums] + sorted(s for s in sums if s not in known)
    everyone: set[str] = set()
    all_planned = all_received = 0.0
    for source in order:
        ids, planned, received = sums[source]
        everyone |= ids
        all_planned += planned
        all_received += received
        table.rows.append(
            [
                source,
                len(ids),
                _round1(planned),
                _round1(received),
                _round4(rate(received, planned)),
            ]
        )
    if order:
        table.rows.append(
            [
                t("total_row"),
                len(everyone),
                _round1(all_planned),
                _round1(all_received),
                _round4(rate(all_received, all_planned)),
            ]
        )
    return table


LAND_APPROVED_STAGE = "已完成用地报批尚未供地"
"""The stage (of the config's `stages`) from which a project's land is approved (批): its
land not yet supplied from then on is 批而未供."""


def land_approved_stages(stages: Sequence[str]) -> frozenset[str]:
    """The stages at or after `LAND_APPROVED_STAGE` in the config's `stages` (none when
    the config does not have that stage)."""
    if LAND_APPROVED_STAGE not in stages:
        return frozenset()
    return frozenset(stages[list(stages).index(LAND_APPROVED_STAGE) :])


def land_table(
    projects: Iterable[ProjectFacts], approved_stages: frozenset[str], lang: str
) -> Table:
    """用地保障: each project that records its land, needed, supplied, not yet supplied and
    of that 批而未供 (approved: at `approved_stages`), the most not yet supplied first; then
    the totals."""
    t = partial(_t, lang=lang)
    columns = [
        Column("project", t("name"), whole=True),
        Column("project_id", t("project_id"), terminal=False, printed=False, whole=True),
        Column("locality", t("locality"), whole=True),
        Column("needed_mu", t("needed_mu"), Kind.AMOUNT),
        Column("supplied_mu", t("supplied_mu"), Kind.AMOUNT),
        Column("unsupplied_mu", t("unsupplied_mu"), Kind.AMOUNT),
        Column("approved_unsupplied_mu", t("approved_unsupplied_mu"), Kind.AMOUNT),
        Column("supply_rate", t("supply_rate"), Kind.PERCENT),
    ]
    note = t("land_note").format(stage=LAND_APPROVED_STAGE)
    table = Table("land", t("land"), columns, note=note)
    rows: list[tuple[float, str, list[Value]]] = []
    needed_sum = supplied_sum = approved_sum = 0.0
    for p in projects:
        if p.land is None:
            continue
        needed, supplied = p.land
        unsupplied = max(needed - supplied, 0.0)
        approved = unsupplied if p.stage in approved_stages else 0.0
        approved_sum += approved
        needed_sum += needed
        supplied_sum += supplied
        rows.append(
            (
                -unsupplied,
                p.id,
                [
                    p.name,
                    p.id,
                    p.locality,
                    _round1(needed),
                    _round1(supplied),
                    _round1(unsupplied),
                    _round1(approved),
                    _round4(rate(supplied, needed)),
                ],
            )
        )
    table.rows = [cells for *_, cells in sorted(rows, key=lambda r: r[:2])]
    if rows:
        table.rows.append(
            [
                t("total_row"),
                None,
                None,
                _round1(needed_sum),
                _round1(supplied_sum),
                _round1(max(needed_sum - supplied_sum, 0.0)),
                _round1(approved_sum),
                _round4(rate(supplied_sum, needed_sum)),
            ]
        )
    return table


def element_issues_table(
    projects: Iterable[ProjectFacts], start: dt.date, end: dt.date, as_of: dt.date, lang: str
) -> Table:
    """要素保障问题: per category (用地, 征迁, 资金, ...), the issues raised and closed in
    the period, those open on the report date, and of those how many are caused on the
    government side and on the enterprise side; a total row last."""
    t = partial(_t, lang=lang)
    columns = [
        Column("category", t("category"), whole=True),
        Column("raised_in_period", t("raised_in_period"), Kind.INT),
        Column("closed_in_period", t("closed_in_period"), Kind.INT),
        Column("open", t("open"), Kind.INT),
        Column("open_government", t("open_government"), Kind.INT),
        Column("open_enterprise", t("open_enterprise"), Kind.INT),
    ]
    table = Table("element_issues", t("element_issues"), columns, note=t("element_issues_note"))
    last = min(end, as_of)
    counts: dict[str, list[int]] = {}
    for p in projects:
        for issue in p.issues:
            row = counts.setdefault(issue.category, [0, 0, 0, 0, 0])
            if start <= issue.raised <= last:
                row[0] += 1
            if issue.closed_on is not None and start <= issue.closed_on <= last:
                row[1] += 1
            if issue_open_on(issue, as_of):
                row[2] += 1
                if issue.cause_side == CauseSide.GOVERNMENT:
                    row[3] += 1
                elif issue.cause_side == CauseSide.ENTERPRISE:
                    row[4] += 1
    known = [c.value for c in IssueCategory]
    order = [c for c in known if c in counts] + sorted(c for c in counts if c not in known)
    order = [c for c in order if any(counts[c])]
    for category in order:
        table.rows.append([category, *counts[category]])
    if order:
        table.rows.append([t("total_row"), *(sum(counts[c][i] for c in order) for i in range(5))])
    return table


def _worst(found: list[ProjectLight]) -> Light:
    lights = {x.light for x in found}
    if Light.RED in lights:
        return Light.RED
    return Light.YELLOW if Light.YELLOW in lights else Light.GREEN


def _round1(value: float) -> float:
    return round(value, 1)


def _round4(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def element_tables(
    kind: str,
    projects: Sequence[ProjectFacts],
    lights: dict[str, list[ProjectLight]],
    stage_order: Sequence[str],
    new_stages: Sequence[str],
    period: tuple[dt.date, dt.date],
    as_of: dt.date,
    lang: str,
) -> list[Table]:
    """The tables this module adds to a weekly or monthly report, in their order: 按阶段
    (the weekly report, in `stage_order`), funding and land (the monthly bulletin: money
    received and land supplied are monthly figures, and the dispatch report stays short
    enough to print), then 要素保障问题 (both: its issues are dispatched weekly)."""
    if kind == "weekly":
        tables = [stage_table(projects, lights, stage_order, as_of, lang)]
    else:
        tables = [
            funding_table(projects, lang),
            land_table(projects, land_approved_stages(new_stages), lang),
        ]
    return [
        *tables,
        element_issues_table(projects, period[0], period[1], as_of, lang),
    ]

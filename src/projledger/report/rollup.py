"""A period report over several ledgers (a roll-up: a city over its districts).

Each ledger's own period report is built first (`build_period.build_period_report`, with
its own config: thresholds, time progress, due-soon window); the roll-up is made from
them and from the ledgers' facts, so its figures are the sums of theirs:

- the headline figures: counts summed from the ledgers' reports; amounts and rates
  computed over every ledger's projects at once (`totals_across`, each ledger's time
  progress by its own method), which is the sum of the ledgers' amounts and the rate of
  those sums;
- `by_ledger` (and, for a week or a month, `flow_by_ledger`): one row per ledger, its
  own report's figures as they are;
- the breakdowns by level, pool, maturity and industry: computed over every ledger's
  projects; by locality: each ledger's own rows (a town belongs to one ledger);
- every other table: each ledger's rows, with the ledger's name in a first column
  (`ledger`), sorted again as the single report sorts them, the ledger next.

Units and localities are the ledger's own: 区水务局 of one district is not that of
another, so a unit or a locality is named with its ledger, 区水务局（莱芜区）. Project ids
may be the same in two ledgers; a row's ledger column tells them apart.
"""

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from projledger.compute.facts import ProjectFacts
from projledger.compute.progress import Totals, in_report, periods_text, totals_across
from projledger.ledger.facts_cache import FactsLedger
from projledger.model.enums import Level, Maturity, Pool, TimeProgressMethod
from projledger.report.document import Chart, Column, Figure, Kind, Paragraph, Report, Table, Value
from projledger.report.narrative import narrate
from projledger.report.narrative_words import percent, words_for
from projledger.report.period import Period

_LABELS: dict[str, tuple[str, str]] = {
    "ledger": ("所属台账", "Ledger"),
    "by_ledger": ("按台账", "By ledger"),
    "by_ledger_note": (
        "每行是该台账自身报告的数字；汇总数字等于各行之和，比率按汇总数重算。",
        "Each row is that ledger's own report's figures; the totals are their sums, and "
        "the rates are those of the sums.",
    ),
    "flow_by_ledger": ("各台账问题流转", "Issue flow by ledger"),
    "organisation": ("台账单位", "Kept by"),
    "source": ("数据来源", "Source"),
    "sources": (
        "{n}个台账（各台账的提交见“按台账”表的数据来源列）",
        "{n} ledgers (each one's commit: the By ledger table's Source column)",
    ),
}

_SUMMED = ("open_issues", "overdue_items", "due_soon_items", "red_lights", "yellow_lights")
"""Headline figures that are counts of each ledger's report, summed."""


def _t(key: str, lang: str) -> str:
    zh, en = _LABELS[key]
    return en if lang == "en" else zh


@dataclass(frozen=True)
class Part:
    """One ledger of a roll-up: its name there, its facts and its own period report."""

    name: str
    ledger: FactsLedger
    report: Report

    @property
    def projects(self) -> list[ProjectFacts]:
        return [p for p in self.ledger.projects.values() if in_report(p, self.report.as_of)]

    @property
    def method(self) -> TimeProgressMethod:
        return self.ledger.config.time_progress


_PLACE = re.compile(r"(省|自治区|市|州|盟|县|区|旗)(?!场)")
"""A level of government in an organisation's name (济南市莱芜区发展和改革局: 市, 区)."""


def place_names(organisations: list[str]) -> list[str]:
    """Each ledger's name in a roll-up: the place its organisation names, without the
    places all of them share (济南市莱芜区发展和改革局, 济南市钢城区发展和改革局: 莱芜区,
    钢城区; 济南市发展和改革委员会 among them: 济南市). Where that leaves two names the
    same, or one empty, the organisations themselves."""
    places = []
    for organisation in organisations:
        found = list(_PLACE.finditer(organisation))
        places.append(organisation[: found[-1].end()] if found else organisation)
    shared = common_place(places) if len(places) > 1 else ""
    names = [place.removeprefix(shared) or place for place in places]
    if len(set(names)) < len(names) or not all(names):
        return list(organisations)
    return names


def common_place(names: list[str]) -> str:
    """The place that begins every name (济南市), or ""."""
    prefix = names[0] if names else ""
    for name in names[1:]:
        while not name.startswith(prefix):
            prefix = prefix[:-1]
    found = list(_PLACE.finditer(prefix))
    return prefix[: found[-1].end()] if found else ""


def qualified(value: Value, ledger: str, lang: str) -> Value:
    """A unit or a locality named with its ledger: 区水务局（莱芜区）."""
    if not isinstance(value, str) or not value:
        return value
    return f"{value} ({ledger})" if lang == "en" else f"{value}（{ledger}）"


def build_rollup_report(parts: list[Part], period: Period, organisation: str, lang: str) -> Report:
    """The roll-up of `parts` (at least one; their reports of one kind, period and date)."""
    first = parts[0].report
    report = Report(
        kind=first.kind,
        title=first.title,
        subtitle=first.subtitle,
        organisation=organisation,
        lang=lang,
        period_start=first.period_start,
        period_end=first.period_end,
        as_of=first.as_of,
        source=_t("sources", lang).format(n=len(parts)),
        invalid_files=[
            f"{part.name}: {file}" for part in parts for file in part.report.invalid_files
        ],
    )
    for part in parts:
        for note in part.report.notes:
            text = f"{part.name}: {note}"
            if text not in report.notes:
                report.notes.append(text)
    report.figures = _figures(parts)
    report.tables = [_by_ledger(parts, lang)]
    if any(t.key == "flow" for t in first.tables):
        report.tables.append(_flow_by_ledger(parts, lang))
    for template in first.tables:
        report.tables.append(_combined(template, parts, lang))
    report.narrative = _with_ledgers(narrate(_projects_named(report, lang), period), report, lang)
    return report


# --- figures -----------------------------------------------------------------------------


def _totals(parts: Iterable[tuple[Part, list[ProjectFacts]]], as_of: dt.date) -> Totals:
    return totals_across(((projects, part.method) for part, projects in parts), as_of)


def _totals_values(s: Totals, lang: str) -> dict[str, Value]:
    return {
        "data_period": periods_text(s.months, lang),
        "projects": s.projects,
        "total_investment": s.total,
        "completed_before_year": s.completed_before_year,
        "plan": s.plan,
        "completed": s.completed,
        "completion": s.completion,
        "time_progress": s.time_progress,
        "gap": s.gap,
        "planned_starts": s.planned_starts,
        "started": s.started,
        "start_rate": s.start_rate,
    }


def _figures(parts: list[Part]) -> list[Figure]:
    as_of = parts[0].report.as_of
    values = _totals_values(
        _totals(((part, part.projects) for part in parts), as_of), parts[0].report.lang
    )
    out: list[Figure] = []
    for figure in parts[0].report.figures:
        if figure.key in values:
            value = values[figure.key]
        else:
            value = sum(_int(_figure(part.report, figure.key)) for part in parts)
        out.append(Figure(figure.key, figure.label, value, figure.kind))
    return out


def _figure(report: Report, key: str) -> Value:
    return next((f.value for f in report.figures if f.key == key), None)


def _int(value: Value) -> int:
    return value if isinstance(value, int) else 0


def _by_ledger(parts: list[Part], lang: str) -> Table:
    """One row per ledger: its own report's headline figures."""
    template = parts[0].report.figures
    keys = [
        f.key
        for f in template
        if f.key not in ("completed_before_year", "planned_starts", "started")
    ]
    columns = [
        Column("ledger", _t("ledger", lang), whole=True),
        Column("organisation", _t("organisation", lang), terminal=False, printed=False),
        Column("source", _t("source", lang), terminal=False, printed=False),
    ]
    columns += [Column(f.key, f.label, f.kind) for f in template if f.key in keys]
    table = Table("by_ledger", _t("by_ledger", lang), columns, note=_t("by_ledger_note", lang))
    if {"completion", "time_progress"} <= set(keys):
        table.chart = Chart(
            "ledger", ("completion", "time_progress"), _label(template, "completion")
        )
    for part in parts:
        organisation = part.ledger.config.organisation
        table.rows.append(
            [
                part.name,
                organisation,
                part.report.source,
                *(_figure(part.report, key) for key in keys),
            ]
        )
    return table


def _label(figures: list[Figure], key: str) -> str:
    return next(f.label for f in figures if f.key == key)


def _flow_by_ledger(parts: list[Part], lang: str) -> Table:
    """The period's issue flow, one row per ledger: the counts of its own flow table."""
    flow = parts[0].report.table("flow")
    event, count, key = (flow.column(k) for k in ("event", "count", "key"))
    columns = [Column("ledger", _t("ledger", lang), whole=True)]
    columns += [Column(str(row[key]), str(row[event]), Kind.INT) for row in flow.rows]
    table = Table("flow_by_ledger", _t("flow_by_ledger", lang), columns)
    for part in parts:
        own = part.report.table("flow")
        counts = {str(row[key]): row[count] for row in own.rows}
        table.rows.append([part.name, *(counts.get(c.key, 0) for c in columns[1:])])
    return table


# --- the single report's tables, over every ledger ---------------------------------------------

_RECOMPUTED: dict[str, Callable[[ProjectFacts], list[str]]] = {
    "by_level": lambda p: [lv.value for lv in Level if lv.value in p.levels],
    "by_pool": lambda p: [p.pool],
    "by_maturity": lambda p: (
        [p.maturity] if p.pool == Pool.NEGOTIATING and p.maturity is not None else []
    ),
    "by_industry": lambda p: [p.industry],
}
"""Breakdowns whose groups are shared by the ledgers (levels, pools, industries):
computed over every ledger's projects."""

_FIXED_ORDER = {
    "by_level": [lv.value for lv in Level],
    "by_pool": [pool.value for pool in Pool],
    "by_maturity": [m.value for m in Maturity],
}


def _combined(template: Table, parts: list[Part], lang: str) -> Table:
    if template.key in _RECOMPUTED:
        return _recomputed(template, parts)
    if template.key == "flow":
        return _flow(template, parts)
    return _concatenated(template, parts, lang)


def _recomputed(template: Table, parts: list[Part]) -> Table:
    group_of = _RECOMPUTED[template.key]
    groups: dict[str, dict[int, list[ProjectFacts]]] = {}
    for index, part in enumerate(parts):
        for p in part.projects:
            for group in group_of(p):
                groups.setdefault(group, {}).setdefault(index, []).append(p)
    as_of = parts[0].report.as_of
    found = {
        name: _totals(((parts[i], members[i]) for i in sorted(members)), as_of)
        for name, members in groups.items()
    }
    order = _FIXED_ORDER.get(template.key)
    if order is not None:
        names = [name for name in order if name in found]
    else:  # by the largest total investment, then by name, as a single report orders them
        names = sorted(found, key=lambda name: (-found[name].total, name))
    table = _like(template)
    for name in names:
        values = {"group": name, **_totals_values(found[name], parts[0].report.lang)}
        table.rows.append([values[column.key] for column in template.columns])
    return table


def _flow(template: Table, parts: list[Part]) -> Table:
    count, key = template.column("count"), template.column("key")
    sums: dict[Value, int] = {}
    for part in parts:
        for row in part.report.table("flow").rows:
            sums[row[key]] = sums.get(row[key], 0) + _int(row[count])
    table = _like(template)
    for row in template.rows:
        cells = list(row)
        cells[count] = sums.get(row[key], 0)
        table.rows.append(cells)
    return table


def _like(template: Table, columns: list[Column] | None = None) -> Table:
    return Table(
        template.key,
        template.title,
        columns if columns is not None else list(template.columns),
        note=template.note,
        chart=template.chart,
    )


_QUALIFIED = ("unit", "group")
"""Columns that name a ledger's own unit or locality (`group` of a locality breakdown)."""

_LOCAL_GROUPS = ("by_locality", "quarterly_locality")


def _concatenated(template: Table, parts: list[Part], lang: str) -> Table:
    """Each ledger's rows of the table, its name in a first column (after a rank), units
    and localities named with their ledger, sorted again across ledgers."""
    at = 1 if template.columns and template.columns[0].key == "rank" else 0
    ledger_column = Column("ledger", _t("ledger", lang), whole=True)
    columns = [*template.columns[:at], ledger_column, *template.columns[at:]]
    table = _like(template, columns)
    qualify = [
        i
        for i, c in enumerate(template.columns)
        if c.key == "unit" or (c.key == "group" and template.key in _LOCAL_GROUPS)
    ]
    keyed: list[tuple[tuple[object, ...], list[Value]]] = []
    for index, part in enumerate(parts):
        own = next((t for t in part.report.tables if t.key == template.key), None)
        if own is None:
            continue
        for n, row in enumerate(own.rows):
            cells = list(row)
            for i in qualify:
                cells[i] = qualified(cells[i], part.name, lang)
            cells = [*cells[:at], part.name, *cells[at:]]
            keyed.append((_sort_key(template, row, index, n), cells))
    keyed.sort(key=lambda pair: pair[0])
    table.rows = [cells for _, cells in keyed]
    notes = {
        part.name: own.note
        for part in parts
        for own in part.report.tables
        if own.key == template.key and own.note
    }
    if len(set(notes.values())) > 1:  # the ledgers' thresholds differ: each its own
        table.note = " ".join(f"{name}: {note}" for name, note in notes.items())
    if template.key in ("unit_ranking", "annual_units", "annual_localities"):
        for rank, cells in enumerate(table.rows, start=1):
            cells[0] = rank
    return table


def _sort_key(template: Table, row: list[Value], ledger: int, n: int) -> tuple[object, ...]:
    """The single report's order across ledgers, then the ledger, then its own order."""

    def cell(key: str) -> Value:
        return row[template.column(key)]

    def num(key: str, missing: float) -> float:
        value = cell(key)
        return float(value) if isinstance(value, int | float) else missing

    def day(key: str) -> dt.date:
        value = cell(key)
        return value if isinstance(value, dt.date) else dt.date.max

    key = template.key
    try:
        if key == "unit_ranking":  # fewest overdue, best on-time rate, most closed, name
            return (
                num("overdue", 0) + num("late_extended", 0),  # 逾期后延期 counts (0 if not)
                -num("on_time_rate", -1.0),
                -num("closed", 0),
                str(cell("unit")),
                ledger,
                n,
            )
        if key == "lights":  # red first, then yellow; each ledger's own order within
            return (0 if cell("light") == "red" else 1, ledger, n)
        if key == "behind":
            return (num("gap", 0), ledger, n)
        if key in ("overdue",):
            return (-num("days_overdue", 0), day("due"), ledger, n)
        if key in ("period_due", "next_due"):
            return (day("due"), ledger, n)
        if key == "coordination":
            return (-num("coordination_level", 0), ledger, n)
        if key in ("issue_events", "advances"):
            return (day("date"), ledger, n)
        if key == "by_locality":
            return (-num("total_investment", 0), str(cell("group")), ledger, n)
        if key == "quarterly_locality":
            return (-num("gap", float("-inf")), str(cell("group")), ledger, n)
        if key == "annual_units":  # as the unit ranking, over the year's closures
            return (
                num("overdue", 0) + num("late_extended", 0),
                -num("on_time_rate", -1.0),
                -num("closed_in_period", 0),
                str(cell("unit")),
                ledger,
                n,
            )
        if key == "annual_localities":  # the 年观摩 order
            return (
                -num("gap", float("-inf")),
                -num("start_rate", float("-inf")),
                num("overdue", 0),
                str(cell("locality")),
                ledger,
                n,
            )
    except StopIteration:  # a column the table no longer has: keep the ledgers' order
        pass
    return (ledger, n)


# --- the text --------------------------------------------------------------------------------


def _projects_named(report: Report, lang: str) -> Report:
    """The report as its text reads it: a project named with its ledger, 马头山水库工程
    （莱芜区）, as two ledgers may have projects of one name."""
    tables = []
    for table in report.tables:
        keys = [c.key for c in table.columns]
        if "project" not in keys or "ledger" not in keys:
            tables.append(table)
            continue
        at, ledger = keys.index("project"), keys.index("ledger")
        named = _like(table)
        for row in table.rows:
            cells = list(row)
            cells[at] = qualified(cells[at], str(row[ledger]), lang)
            named.rows.append(cells)
        tables.append(named)
    return dataclasses.replace(report, tables=tables)


def _with_ledgers(paragraphs: list[Paragraph], report: Report, lang: str) -> list[Paragraph]:
    """The text of the roll-up, with a sentence on each ledger at the end of its
    overview (一、总体情况)."""
    sentence = _ledgers_sentence(report.table("by_ledger"), lang)
    if not sentence:
        return paragraphs
    headings = [i for i, p in enumerate(paragraphs) if p.level == 1]
    at = headings[1] if len(headings) > 1 else len(paragraphs)
    return [*paragraphs[:at], Paragraph(sentence), *paragraphs[at:]]


def _ledgers_sentence(table: Table, lang: str) -> str:
    """分台账看，莱芜区重点项目17个，完成投资68.30亿元，完成率78.9%，较时间进度落后4.4个百分点；…"""
    w = words_for(lang)
    en = lang == "en"
    texts: list[str] = []
    for row in table.rows:
        values = dict(zip((c.key for c in table.columns), row, strict=True))
        n = _int(values.get("projects"))
        text = f"{values['ledger']}: {n} projects" if en else f"{values['ledger']}重点项目{n}个"
        completion = values.get("completion")
        completed = values.get("completed")
        if isinstance(completion, int | float) and isinstance(completed, int | float):
            gap = w.gap(values.get("gap"))
            if en:
                text += f", {w.amount(completed)} completed ({percent(completion)}), {gap}"
            else:
                text += f"，完成投资{w.amount(completed)}，完成率{percent(completion)}，{gap}"
        overdue = _int(values.get("overdue_items"))
        text += f", {overdue} items overdue" if en else f"，逾期事项{overdue}项"
        texts.append(text)
    if not texts:
        return ""
    if en:
        return "By ledger: " + w.semicolon.join(texts) + w.stop
    return "分台账看，" + w.semicolon.join(texts) + w.stop

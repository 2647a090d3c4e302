"""Write a synthetic ledger root: `projledger.yaml` and N realistic project files.

Usage: python bench/generate.py OUT_DIR --projects N [--seed S] [--punctuation FRACTION]

The output depends only on the seed (each project has its own `random.Random`, and the
"today" of the data is the constant AS_OF, never the clock). A project is built as a plain
dict, exactly what `Project.model_validate` accepts, by `build_project(rng, index, people)`,
and written by `render_project` with string templates: ruamel.yaml would take minutes at
10,000 files. A history benchmark can mutate those dicts and render them again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import vocab
from vocab import IssueTemplate, PersonSpec, TaskTemplate, UnitSpec

Json = dict[str, Any]

# Lines already rendered for a list item, keyed by id(item); the item is kept with them so
# its id cannot be reused by another object while the lines are cached.
_Piece = tuple[Json, list[str]]

AS_OF = dt.date(2026, 11, 20)
"""The report date the synthetic ledger is current to: every recorded event is on or before it."""

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MIN_BYTES = 3000
MAX_BYTES = 6000

SCHEMA_COMMENT = "# yaml-language-server: $schema=../schemas/project.schema.json"
CONFIG_SCHEMA_COMMENT = "# yaml-language-server: $schema=schemas/config.schema.json"


# --- the declared organisation -------------------------------------------------------------


@dataclass(frozen=True)
class People:
    """What a project builder needs from the config: who leads, and who works in which unit."""

    units: tuple[UnitSpec, ...]
    people: tuple[PersonSpec, ...]

    @property
    def leaders(self) -> tuple[PersonSpec, ...]:
        """区级领导, who can be a project's 包抓领导."""
        return tuple(p for p in self.people if p.unit == vocab.GOVERNMENT)

    def staff(self, unit: str) -> tuple[PersonSpec, ...]:
        return tuple(p for p in self.people if p.unit == unit)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> People:
        """Rebuild from a parsed projledger.yaml, e.g. to extend an existing root."""
        units = tuple(
            UnitSpec(u["name"], u.get("short") or "", u.get("kind") or "") for u in config["units"]
        )
        people = tuple(
            PersonSpec(p["name"], p["unit"], p.get("title") or "") for p in config["people"]
        )
        return cls(units, people)


def build_people(rng: random.Random) -> People:
    """About 80 people: the district leaders, then one or more staff in each of ~40 units."""
    names = _unique_names(rng)
    people = [PersonSpec(next(names), vocab.GOVERNMENT, title) for title in vocab.LEADER_TITLES]
    for unit in vocab.UNITS:
        if unit.name == vocab.GOVERNMENT:
            continue
        titles = vocab.STAFF_TITLES[unit.kind]
        for i in range(1 + vocab.EXTRA_STAFF.get(unit.name, 0)):
            people.append(PersonSpec(next(names), unit.name, titles[i % len(titles)]))
    return People(vocab.UNITS, tuple(people))


def _unique_names(rng: random.Random) -> Iterator[str]:
    seen: set[str] = set()
    while True:
        given = "".join(rng.sample(vocab.GIVEN, rng.choice((1, 2, 2))))
        name = rng.choice(vocab.SURNAMES) + given
        if name not in seen:
            seen.add(name)
            yield name


def render_config(people: People) -> str:
    """projledger.yaml in the shape of ledgers/projledger.yaml."""
    lines = [
        CONFIG_SCHEMA_COMMENT,
        "# 莱芜区重点项目台账 — 配置（基准测试用合成数据）。单位与人员须在此声明。",
        "schema_version: 1",
        f"organisation: {_scalar(vocab.ORGANISATION)}",
        "language: zh",
        "",
        "units:",
        *(
            f"  - {_flow_map({'name': u.name, 'short': u.short, 'kind': u.kind})}"
            for u in people.units
        ),
        "",
        "people:",
        *(
            f"  - {_flow_map({'name': p.name, 'unit': p.unit, 'title': p.title})}"
            for p in people.people
        ),
        "",
        "# 新建项目前期阶段（按广州做法细分），顺序即推进顺序。",
        "stages:",
        *(f"  - {s}" for s in vocab.STAGES),
        "# 续建项目阶段",
        "continuing_stages:",
        *(f"  - {s}" for s in vocab.CONTINUING_STAGES),
        "",
        "due_soon_days: 7        # 临期：7 天内到期",
        "time_progress: months   # 序时进度按月：1-m 月为 m/12",
        "",
        "lights:",
        "  investment: {yellow_behind_points: 10, red_behind_points: 30}",
        "  start: {yellow_after_months: 0, red_after_months: 3}",
        "  negotiation: {yellow_after_months: 2, red_after_months: 3}",
    ]
    return "\n".join(lines) + "\n"


# --- small random helpers ------------------------------------------------------------------


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A date in [first, last]; `first` when the window is empty, so callers keep order."""
    span = (last - first).days
    return first if span <= 0 else first + dt.timedelta(days=rng.randint(0, span))


def _days(rng: random.Random, first: dt.date, last: dt.date, count: int) -> list[dt.date]:
    """`count` sorted dates in [first, last], distinct when the window allows."""
    span = max((last - first).days, 0)
    if span + 1 >= count:
        offsets = sorted(rng.sample(range(span + 1), count))
    else:
        offsets = sorted(rng.randint(0, span) for _ in range(count))
    return [first + dt.timedelta(days=o) for o in offsets]


def _plus(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def _weighted(rng: random.Random, weights: Mapping[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _Ids:
    """Item ids unique within one file: list prefix and six Crockford base-32 characters."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._seen: set[str] = set()

    def new(self, prefix: str) -> str:
        while True:
            item_id = f"{prefix}-{''.join(self._rng.choices(CROCKFORD, k=6))}"
            if item_id not in self._seen:
                self._seen.add(item_id)
                return item_id


# --- one project ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Timeline:
    """Where the project is: its stage, how many approvals it holds, and what happened when."""

    stage: str
    approvals_done: int
    start: dt.date | None = None
    completion: dt.date | None = None
    operation: dt.date | None = None


@dataclass
class _Draft:
    """The facts the list builders share while one project is put together."""

    rng: random.Random
    ids: _Ids
    people: People
    as_of: dt.date
    pool: str
    town: tuple[str, str, str]
    lead_unit: str
    leader: str = ""
    owners: dict[str, str] | None = None  # unit → the person answering for it in this project
    detail: float = 1.0
    """How much optional text items get: less when there are many, to stay under MAX_BYTES."""
    pieces: dict[int, _Piece] = field(default_factory=dict)
    """Lines of list items rendered while budgeting, by id(item), reused by the final render."""

    def unit_for(self, hint: str) -> str:
        """The template's unit if the responsibilities list it, else the lead unit."""
        unit = self.town[0] if hint == vocab.TOWN else hint or self.lead_unit
        return unit if self.owners and unit in self.owners else self.lead_unit

    def owner(self, unit: str) -> str:
        assert self.owners is not None
        return self.owners[unit]

    def fmt(self, text: str, n: int, day: dt.date) -> str:
        return text.format(
            n=n,
            half=max(n // 2, 1),
            k=self.rng.randint(3, 180),
            year=day.year,
            m=day.month,
            town=self.town[1],
            prov=vocab.PROVINCE_PREFIX,
        )


# Approvals a new project holds at each stage of vocab.STAGES.
_DONE_BY_STAGE = (1, 1, 2, 3, 3, 5, 6)


def build_project(rng: random.Random, index: int, people: People, as_of: dt.date = AS_OF) -> Json:
    """One project as a dict `Project.model_validate` accepts, 3-6 KB once rendered.

    Only `rng` varies the result, so the same (seed, index) always gives the same project.
    """
    return _build(rng, index, people, as_of)[0]


def _build(rng: random.Random, index: int, people: People, as_of: dt.date) -> tuple[Json, str]:
    """The project and its text (rendered anyway to check its size, so not rendered twice)."""
    industry = rng.choice(vocab.INDUSTRIES)
    town = rng.choice(vocab.TOWNS)
    pool = _weighted(rng, vocab.POOL_WEIGHTS)
    lead_unit = industry.lead_unit
    if pool in ("在谈", "签约", "谋划储备") and not industry.public and rng.random() < 0.5:
        lead_unit = vocab.INVEST  # investment promotion follows projects until they are signed
    draft = _Draft(rng, _Ids(rng), people, as_of, pool, town, lead_unit)
    timeline = _timeline(rng, pool, as_of)
    project = _record(draft, index, industry, timeline)
    _add_lists(draft, project, timeline)
    return project, _fit_size(draft, project)


def _timeline(rng: random.Random, pool: str, as_of: dt.date) -> _Timeline:
    year_start = dt.date(as_of.year, 1, 1)
    if pool in ("谋划储备", "在谈"):
        return _Timeline(vocab.STAGES[0], 0)
    if pool == "签约":
        stage = rng.randrange(2)
        return _Timeline(vocab.STAGES[stage], stage)
    if pool == "退库":
        return _Timeline(vocab.STAGES[0], rng.randrange(2))
    if pool == "新建":
        stage = rng.randrange(len(vocab.STAGES))
        started = stage == len(vocab.STAGES) - 1  # the last stage is 开工
        start = _day(rng, _plus(year_start, 45), _plus(as_of, -5)) if started else None
        return _Timeline(vocab.STAGES[stage], _DONE_BY_STAGE[stage], start)
    if pool == "续建":
        start = _day(rng, dt.date(as_of.year - 3, 3, 1), _plus(year_start, -10))
        return _Timeline(rng.choice(vocab.CONTINUING_STAGES), 6, start)
    start = _day(rng, dt.date(as_of.year - 3, 1, 1), dt.date(as_of.year - 1, 6, 30))
    completion = _day(rng, max(_plus(start, 300), _plus(year_start, 10)), _plus(as_of, -3))
    operation = _day(rng, completion, as_of) if rng.random() < 0.6 else None
    return _Timeline(vocab.CONTINUING_STAGES[0], 6, start, completion, operation)


def _record(draft: _Draft, index: int, industry: vocab.Industry, timeline: _Timeline) -> Json:
    """The project's own fields, up to and including land and schedule."""
    rng = draft.rng
    slug, name, owner, product = _naming(draft, index, industry)
    approvals, filed = _approvals(rng, timeline, draft.as_of)
    code = _code(rng, index, industry, filed) if filed else None
    if code and "核准备案" in approvals:
        approvals["核准备案"]["permit_no"] = code
    investment = _investment(rng, draft.pool, timeline, draft.as_of)
    project: Json = {"schema_version": 1, "id": slug}
    if code:
        project["code"] = code
    project["name"] = name
    project["levels"] = list(
        rng.choices(
            (["区级"], ["市级"], ["市级", "区级"], ["省级", "市级"], ["省级"]),
            weights=(45, 25, 15, 10, 5),
        )[0]
    )
    project["pool"] = draft.pool
    if draft.pool == "在谈":
        project["maturity"] = rng.choice("AABBC")
    project["industry"] = industry.name
    project["locality"] = draft.town[1]
    project["nature"] = rng.choices(("新建", "扩建", "改建"), weights=(6, 3, 1))[0]
    project["owner"] = owner
    project["stage"] = timeline.stage
    project["description"] = industry.content.format(
        product=product.name, n=rng.choice((2, 5, 12, 30, 60, 100, 150))
    )
    if draft.pool == "退库":
        project["retirement"] = _retirement(draft)
    if approvals:
        project["approvals"] = approvals
    project["investment"] = investment
    project["funding"] = _funding(rng, industry.public, investment, draft.pool)
    land = _land(rng, draft.pool, timeline, industry.public)
    if land:
        project["land"] = land
    schedule = {
        k: v
        for k, v in (
            ("actual_start", timeline.start),
            ("actual_completion", timeline.completion),
            ("actual_operation", timeline.operation),
        )
        if v
    }
    if schedule:
        project["schedule"] = schedule
    return project


def _naming(
    draft: _Draft, index: int, industry: vocab.Industry
) -> tuple[str, str, str, vocab.Product]:
    """Id, name, owner and product: public works are named by place, others by company."""
    rng = draft.rng
    product = rng.choice(industry.products)
    variant, variant_slug = rng.choice(vocab.VARIANTS)
    if industry.public:
        prefix, prefix_slug = draft.town[1].removesuffix("街道"), draft.town[2]
        owner = rng.choice(vocab.PUBLIC_OWNERS)
    else:
        prefix, prefix_slug = rng.choice(vocab.BRANDS)
        owner = _company(rng, prefix, industry)
    parts = ("p", f"{index:06d}", prefix_slug, product.slug, variant_slug)
    slug = "-".join(part for part in parts if part)
    name = f"{prefix}{product.name}{variant}项目（{_parcel(index)}地块）"
    return slug, name, owner, product


def _parcel(index: int) -> str:
    """A land-parcel label such as C-12, one per index: project names must be unique."""
    return f"{chr(ord('A') + index % 26)}-{index // 26 + 1}"


def _company(rng: random.Random, brand: str, industry: vocab.Industry) -> str:
    region = rng.choice(("山东", "济南", "莱芜", ""))
    suffix = rng.choice(("有限公司", "有限公司", "股份有限公司", "集团有限公司"))
    return f"{region}{brand}{rng.choice(industry.owner_words)}{suffix}"


def _code(rng: random.Random, index: int, industry: vocab.Industry, filed: dt.date) -> str:
    """投资项目统一代码; the serial is the project index, which keeps codes unique."""
    kind = rng.choice(("01", "02", "03"))
    return f"{filed.year}-{vocab.REGION_CODE}-{industry.code}-{kind}-{index:06d}"


def _approvals(
    rng: random.Random, timeline: _Timeline, as_of: dt.date
) -> tuple[Json, dt.date | None]:
    """The six procedures in order: the first N done, the next in progress, the rest not yet.

    Returns the approvals and the filing date (when the project got its national code).
    """
    if timeline.stage == vocab.STAGES[0] and timeline.approvals_done == 0:
        return {}, None
    done = timeline.approvals_done
    last = _plus(timeline.start, -5) if timeline.start else _plus(as_of, -10)
    dates = _days(rng, _plus(last, -420), last, done)
    approvals: Json = {}
    for i, name in enumerate(vocab.APPROVALS):
        if i < done:
            if name == "项目选址许可" and rng.random() < 0.5:
                approvals[name] = {"status": "不涉及"}
            else:
                approvals[name] = _permit(rng, name, dates[i])
        elif i == done:
            approvals[name] = {"status": "办理中", "agency": _AGENCIES[name]}
        else:
            approvals[name] = {"status": "未办理"}
    return approvals, dates[0] if dates else None


_AGENCIES = {
    "核准备案": vocab.APPROVAL,
    "项目选址许可": "济南市自然资源和规划局",
    "用地规划许可": "济南市自然资源和规划局",
    "环评审批": "济南市生态环境局",
    "工程规划许可": "济南市自然资源和规划局",
    "施工许可": vocab.APPROVAL,
}


def _permit(rng: random.Random, name: str, day: dt.date) -> Json:
    serial = rng.randint(1, 99999)
    numbers = {
        # Replaced by the national code, which the filing issues.
        "核准备案": f"{vocab.PROVINCE_PREFIX}备〔{day.year}〕{serial % 1000}号",
        "项目选址许可": f"选字第{vocab.REGION_CODE}{day.year}{serial:05d}号",
        "用地规划许可": f"地字第{vocab.REGION_CODE}{day.year}{serial:05d}号",
        "环评审批": f"济环报告表〔{day.year}〕{serial % 300 + 1}号",
        "工程规划许可": f"建字第{vocab.REGION_CODE}{day.year}{serial:05d}号",
        # All digits: written quoted, or YAML would read it as an integer.
        "施工许可": f"{vocab.REGION_CODE}{day:%Y%m%d}{serial % 10000:04d}",
    }
    return {"status": "已办结", "permit_no": numbers[name], "agency": _AGENCIES[name], "date": day}


def _investment(rng: random.Random, pool: str, timeline: _Timeline, as_of: dt.date) -> Json:
    """Figures in 万元 that fit the pool: nothing spent before signing, all spent when completed."""
    total = round(
        rng.choice((5000, 12000, 30000, 60000, 150000, 400000, 1200000)) * rng.uniform(0.6, 1.6), -2
    )
    before = plan = done = 0.0
    if pool == "续建":
        before = round(total * rng.uniform(0.2, 0.7), -1)
        plan = round(min(total - before, total * rng.uniform(0.15, 0.4)), -1)
        done = plan * rng.uniform(0.6, 1.1)
    elif pool == "竣工":
        before = round(total * rng.uniform(0.6, 0.9), -1)
        plan = total - before
        done = plan * rng.uniform(0.95, 1.0)
    elif pool == "新建":
        plan = round(total * rng.uniform(0.1, 0.5), -1)
        done = plan * (rng.uniform(0.5, 1.05) if timeline.start else rng.uniform(0.0, 0.15))
    elif pool == "签约":
        plan = round(total * rng.uniform(0.0, 0.1), -1)
    done = min(done, total - before)  # never more than the total, however the year went
    investment: Json = {
        "year": as_of.year,
        "total": total,
        "completed_before_year": before,
        "plan_this_year": plan,
    }
    if done:
        investment["completed_this_year"] = round(done, 1)
        if rng.random() < 0.2:
            investment["monthly_plan"] = _monthly(rng, plan)
        investment["updated"] = _day(rng, _plus(as_of, -15), _plus(as_of, -5))
    return investment


def _monthly(rng: random.Random, plan: float) -> list[float]:
    """Twelve non-negative parts that add up to the year's plan."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(12)]
    parts = [round(plan * w / sum(weights), 1) for w in weights]
    parts[-1] = max(round(plan - sum(parts[:-1]), 1), 0.0)
    return parts


def _funding(rng: random.Random, public: bool, investment: Json, pool: str) -> list[Json]:
    total = float(investment["total"])
    spent = float(investment["completed_before_year"]) + float(
        investment.get("completed_this_year", 0)
    )
    ratio = min(spent / total, 1.0)
    if public:
        sources = rng.sample(
            ("地方政府专项债券", "地方财政", "中央预算内资金", "超长期特别国债"), rng.randint(1, 3)
        )
    else:
        sources = [
            "自筹",
            *rng.sample(("贷款", "超长期特别国债", "中央预算内资金"), rng.randint(0, 2)),
        ]
    shares = sorted((rng.uniform(0.1, 1.0) for _ in sources), reverse=True)
    funding: list[Json] = []
    for source, share in zip(sources, shares, strict=True):
        planned = round(total * share / sum(shares), -1)
        entry: Json = {"source": source, "planned": planned}
        if ratio > 0:
            entry["received"] = round(planned * min(ratio * rng.uniform(0.9, 1.3), 1.0), -1)
        funding.append(entry)
    if pool in ("谋划储备", "在谈") and rng.random() < 0.5:
        funding[0]["note"] = "资金来源待项目签约后落实"
    return funding


def _land(rng: random.Random, pool: str, timeline: _Timeline, public: bool) -> Json | None:
    if public and rng.random() < 0.3:
        return None  # renovation and pipelines need no new land
    needed = rng.choice((15, 30, 48, 80, 120, 200, 360, 600, 1260))
    supplied = 0.0
    if timeline.stage == "还需要用地保障":
        supplied = round(needed * rng.uniform(0.4, 0.9))
    elif pool in ("续建", "竣工") or timeline.stage in vocab.STAGES[4:]:
        supplied = needed
    return {"needed_mu": needed, "supplied_mu": supplied}


def _retirement(draft: _Draft) -> Json:
    reviewer = draft.people.staff(vocab.NDRC)[0].name
    day = _day(draft.rng, _plus(draft.as_of, -300), _plus(draft.as_of, -3))
    return {"date": day, "reason": draft.rng.choice(vocab.RETIREMENT_REASONS), "reviewer": reviewer}


# --- the four lists ------------------------------------------------------------------------


def _add_lists(draft: _Draft, project: Json, timeline: _Timeline) -> None:
    """Responsibilities, issues, tasks and deadlines, every owner drawn from responsibilities.

    Issues and tasks are added while a byte budget lasts (two of each at least), so files
    come out 3-6 KB without rendering each one many times.
    """
    rng = draft.rng
    plan = float(project["investment"]["plan_this_year"])
    issue_templates = rng.sample(vocab.ISSUES, _count(rng, 2, 10))
    task_templates = _pick_tasks(rng, draft.pool, plan)
    # Many issues fit in 6 KB only if each is terse and the record around them is short.
    many = len(issue_templates) >= 6
    draft.detail = 0.0 if many else 0.2 if len(issue_templates) + len(task_templates) >= 6 else 1.0
    hints = [t.unit for t in issue_templates] + [t.unit for t in task_templates]
    project["responsibilities"] = _responsibilities(draft, hints, 2 if many else 4)
    big = float(project["investment"]["total"]) >= 300000
    if not many and (big or rng.random() < 0.2):
        _put_before(project, "task_force", _task_force(draft, project["name"]), "stage")
    low, high = (MAX_BYTES - 400, MAX_BYTES - 80) if many else (MIN_BYTES + 800, MAX_BYTES - 100)
    budget = _Budget(rng.randint(low, high), _size(project), draft.pieces)
    # Deadlines for approvals and milestones do not depend on the items: charge them first.
    fixed: list[Json] = []
    _approval_deadlines(draft, project.get("approvals", {}), fixed)
    _milestone_deadlines(draft, timeline, fixed)
    for deadline in fixed:
        budget.used += budget.size("deadlines", deadline)
    issues = budget.take("issues", (partial(_issue, draft, t) for t in issue_templates), 600)
    tasks = budget.take(
        "tasks", (partial(_task, draft, t, plan, timeline) for t in task_templates), 0
    )
    project["issues"] = [issue for issue, _ in issues]
    project["tasks"] = [task for task, _ in tasks]
    project["deadlines"] = [d for _, d in (*issues, *tasks) if d] + fixed


# An item of the issue or task list, with the deadline bound to it if any.
_Item = tuple[Json, Json | None]


@dataclass
class _Budget:
    """Bytes a project file may still take, spent item by item."""

    limit: int
    used: int
    pieces: dict[int, _Piece]

    def take(self, key: str, makers: Iterable[Callable[[], _Item]], reserve: int) -> list[_Item]:
        """Items while they fit under the limit less `reserve` (kept for later lists)."""
        taken: list[_Item] = []
        for make in makers:
            item, deadline = make()
            cost = self.size(key, item) + (self.size("deadlines", deadline) if deadline else 0)
            if len(taken) >= 2 and self.used + cost > self.limit - reserve:
                break
            taken.append((item, deadline))
            self.used += cost
        return taken

    def size(self, key: str, item: Json) -> int:
        """Bytes the item takes in the file; its lines are kept for the final render."""
        lines: list[str] = []
        _emit_item(lines, 2, key, item)
        self.pieces[id(item)] = (item, lines)
        blank = 1 if key == "issues" else 0
        return blank + sum(len(line.encode()) + 1 for line in lines)


def _size(project: Json) -> int:
    return len(render_project(project).encode())


def _count(rng: random.Random, low: int, high: int) -> int:
    """Mostly small counts with a long tail, as real ledgers have."""
    return round(rng.triangular(low, high, low + 1))


def _pick_tasks(rng: random.Random, pool: str, plan: float) -> list[TaskTemplate]:
    """The year's investment task when there is a plan, then others that fit the pool."""
    investment, others = vocab.TASKS[0], list(vocab.TASKS[1:])
    if pool in ("谋划储备", "在谈", "退库"):
        others = [t for t in others if t.phase == vocab.PREPARATION]
    chosen = rng.sample(others, min(_count(rng, 2, 8), len(others)))
    return [investment, *chosen[:-1]] if plan > 0 else chosen


def _put_before(mapping: Json, key: str, value: Any, before: str) -> None:
    """Set `key`, placed just before `before` (or last), to keep the model's field order."""
    items = [(k, v) for k, v in mapping.items() if k != key]
    mapping.clear()
    for k, v in items:
        if k == before:
            mapping[key] = value
        mapping[k] = v
    mapping.setdefault(key, value)


def _responsibilities(draft: _Draft, hints: Sequence[str], most: int) -> list[Json]:
    """3-6 entries: the one 包抓领导, the lead unit, and the units the items most need."""
    rng = draft.rng
    leader = rng.choice(draft.people.leaders)
    draft.leader = leader.name
    needed: list[str] = []
    for hint in hints:
        unit = draft.town[0] if hint == vocab.TOWN else hint or draft.lead_unit
        if unit != draft.lead_unit and unit not in needed:
            needed.append(unit)
    others = needed[: rng.randint(1, most)] or [draft.town[0]]
    owners = {
        unit: rng.choice(draft.people.staff(unit)).name for unit in [draft.lead_unit, *others]
    }
    draft.owners = owners
    entries: list[Json] = [
        {
            "id": draft.ids.new("R"),
            "role": "包抓领导",
            "person": leader.name,
            "duties": rng.choice(vocab.LEADER_DUTIES),
        },
        {
            "id": draft.ids.new("R"),
            "role": "牵头单位",
            "unit": draft.lead_unit,
            "person": owners[draft.lead_unit],
            "duties": rng.choice(vocab.LEAD_UNIT_DUTIES),
        },
    ]
    for unit in others:
        entries.append(
            {
                "id": draft.ids.new("R"),
                "role": _role(rng, unit),
                "unit": unit,
                "person": owners[unit],
                "duties": _duties(rng, draft, unit),
            }
        )
    contacts = [
        p.name for p in draft.people.staff(draft.lead_unit) if p.name != owners[draft.lead_unit]
    ]
    if len(entries) < 6 and contacts and rng.random() < 0.3:
        entries.append(
            {
                "id": draft.ids.new("R"),
                "role": "具体责任人",
                "unit": draft.lead_unit,
                "person": rng.choice(contacts),
                "duties": vocab.CONTACT_DUTIES,
            }
        )
    return entries


def _role(rng: random.Random, unit: str) -> str:
    if unit in (vocab.POWER, vocab.WATER, vocab.GAS) or rng.random() < 0.2:
        return "配合单位"
    return "责任单位"


def _duties(rng: random.Random, draft: _Draft, unit: str) -> str:
    if unit == draft.town[0]:
        return rng.choice(vocab.TOWN_DUTIES)
    return vocab.UNIT_DUTIES.get(unit, "配合做好项目推进相关工作")


def _task_force(draft: _Draft, name: str) -> Json:
    assert draft.owners is not None
    members = sorted(set(draft.owners.values()))
    head = draft.owners.get(draft.town[0], members[0])
    others = [m for m in members if m != head]
    force: Json = {"name": f"{name.partition('（')[0]}推进专班", "head": head}
    if others:
        force["members"] = others[:3]
    return force


def _issue(draft: _Draft, template: IssueTemplate) -> _Item:
    """One issue in a random state of the loop, with the records that state requires."""
    rng, as_of = draft.rng, draft.as_of
    state = _weighted(rng, vocab.ISSUE_STATE_WEIGHTS)
    closing = state in ("待核验", "已销号")
    raised = _day(rng, _plus(as_of, -400), _plus(as_of, -40 if closing else -10))
    n = rng.choice(template.ns)
    unit = draft.unit_for(template.unit)
    person = draft.owner(unit)
    verifier = draft.leader if unit == draft.lead_unit else draft.owner(draft.lead_unit)
    issue: Json = {
        "id": draft.ids.new("I"),
        "title": draft.fmt(template.title, n, raised),
        "category": template.category,
    }
    if rng.random() < 0.5 * draft.detail:
        issue["description"] = draft.fmt(template.description, n, raised)
    issue["source"] = rng.choices(
        ("周调度", "督导检查", "业主反映", "其他"), weights=(50, 25, 20, 5)
    )[0]
    issue["cause_side"] = template.cause
    issue["raised"] = raised
    issue["coordination_level"] = rng.choices((1, 2, 3, 4), weights=(40, 30, 20, 10))[0]
    issue["state"] = state
    if state != "已登记" or rng.random() < 0.5:
        issue["unit"], issue["person"] = unit, person
        issue["measures"] = template.measures
    _issue_records(draft, issue, template, n, verifier)
    if state == "已登记":
        return issue, None  # deadlines come with assignment (交办)
    due = _plus(raised, rng.choice((15, 20, 30, 45, 60, 90)))
    return issue, _deadline(draft, issue["id"], due, raised)


def _issue_records(
    draft: _Draft, issue: Json, template: IssueTemplate, n: int, verifier: str
) -> None:
    """Progress, verification, returns, closure and withdrawal, dated in order."""
    rng, as_of, state = draft.rng, draft.as_of, issue["state"]
    raised: dt.date = issue["raised"]
    end = as_of
    verification: Json | None = None
    if state in ("待核验", "已销号"):
        verified = _day(rng, _plus(raised, 14), _plus(as_of, -8 if state == "已销号" else -1))
        evidence = draft.fmt(template.evidence, n, verified)
        verification = {
            "date": verified,
            "evidence": evidence,
            "explanation": draft.fmt(template.explanation, n, verified),
        }
        end = _plus(verified, -1)
    elif state == "已撤销":
        end = _day(rng, _plus(raised, 3), as_of)
    notes_wanted = {
        "已登记": 0,
        "已交办": rng.randint(0, 1),
        "已撤销": rng.randint(0, 1),
        "持续推进": 2,
    }
    count = min(notes_wanted.get(state, rng.randint(1, 3)), len(template.notes))
    if draft.detail < 1:
        count = min(count, 1)
    if count:
        days = _days(rng, _plus(raised, 1), end, count)
        issue["progress"] = [
            _note(draft, day, draft.fmt(text, n, day), issue)
            for day, text in zip(days, template.notes, strict=False)
        ]
    if verification:
        issue["verification"] = verification
    returned = rng.random() < (0.25 if state == "办理中" else 0.15 if verification else 0)
    if returned:
        issue["returns"] = [
            {
                "date": _day(rng, _plus(raised, 5), end),
                "reason": rng.choice(vocab.RETURN_REASONS),
                "by": verifier,
            }
        ]
    if state == "已销号" and verification:
        closed = _day(rng, _plus(verification["date"], 1), _plus(verification["date"], 7))
        issue["closure"] = {
            "date": closed,
            "verifier": verifier,
            "evidence": draft.fmt(template.closure, n, closed),
        }
    if state == "已撤销":
        issue["withdrawal"] = {"date": end, "reason": rng.choice(vocab.WITHDRAWAL_REASONS)}


def _note(draft: _Draft, day: dt.date, text: str, issue: Json) -> Json:
    note: Json = {"date": day, "note": text}
    if "person" in issue and draft.rng.random() < 0.3 * draft.detail:
        note["by"] = issue["person"]
    return note


def _task(draft: _Draft, template: TaskTemplate, plan: float, timeline: _Timeline) -> _Item:
    """A task whose state fits where the project is, with its deadline (most have one)."""
    rng, as_of = draft.rng, draft.as_of
    n = rng.choice(template.ns)
    unit = draft.unit_for(template.unit)
    is_investment = template.measure == "万元"
    title = template.title.format(n=n, yi=f"{plan / 10000:.2f}".rstrip("0").rstrip("."))
    task: Json = {"id": draft.ids.new("T"), "title": title}
    if template.measure:
        task["measure"] = {"amount": plan if is_investment else n, "unit": template.measure}
    task["unit"] = unit
    task["person"] = draft.owner(unit)
    completed_on = _task_done_on(rng, template, timeline, as_of)
    if completed_on:
        task["state"] = "已完成"
        task["completed_on"] = completed_on
        task["evidence"] = draft.fmt(template.evidence, n, completed_on)
        due = _plus(completed_on, rng.randint(-20, 15))
    else:
        started = timeline.start is not None or template.phase == vocab.PREPARATION
        task["state"] = "进行中" if started and rng.random() < 0.7 else "未开始"
        due = dt.date(as_of.year, 12, 31)
        if not is_investment:
            due = _day(rng, _plus(as_of, -45), _plus(as_of, 200))
    if rng.random() < 0.3 * draft.detail:
        task["note"] = rng.choice(
            ("按月报送进度", "纳入周调度跟踪", "需包抓领导协调", "与施工单位每周对接")
        )
    deadline = None
    if is_investment or rng.random() < 0.85:
        deadline = _deadline(draft, task["id"], due, _plus(due, -120))
    return task, deadline


def _task_done_on(
    rng: random.Random, template: TaskTemplate, timeline: _Timeline, as_of: dt.date
) -> dt.date | None:
    """When the task was completed, if it is: preparation before the start, and so on."""
    if template.measure == "万元":
        return None  # the year's investment is done only when the year is
    if template.phase == vocab.PREPARATION:
        if timeline.start:
            return _day(rng, _plus(timeline.start, -200), _plus(timeline.start, -1))
        return _day(rng, _plus(as_of, -200), _plus(as_of, -1)) if rng.random() < 0.3 else None
    if template.phase == vocab.CONSTRUCTION and timeline.start:
        last = timeline.completion or _plus(as_of, -1)
        done = timeline.completion is not None or rng.random() < 0.5
        return _day(rng, min(_plus(timeline.start, 30), last), last) if done else None
    if template.phase == vocab.COMPLETION and timeline.completion:
        return timeline.completion
    return None


def _approval_deadlines(
    draft: _Draft, approvals: Mapping[str, Json], deadlines: list[Json]
) -> None:
    """A time limit for the procedure in progress, and sometimes for the next one."""
    pending = [name for name, a in approvals.items() if a["status"] in ("办理中", "未办理")]
    for i, name in enumerate(pending[:2]):
        if i == 0 or draft.rng.random() < 0.5:
            due = _day(draft.rng, _plus(draft.as_of, -20), _plus(draft.as_of, 120 + 60 * i))
            deadlines.append(_deadline(draft, f"approval:{name}", due, _plus(draft.as_of, -60)))


def _milestone_deadlines(draft: _Draft, timeline: _Timeline, deadlines: list[Json]) -> None:
    """Planned start, completion and operation: due dates live only in the deadlines list."""
    rng, as_of = draft.rng, draft.as_of
    if draft.pool in ("签约", "新建") and not timeline.start:
        due = _day(rng, dt.date(as_of.year, 3, 1), dt.date(as_of.year + 1, 6, 30))
        deadlines.append(_deadline(draft, "milestone:开工", due, _plus(due, -200)))
    if timeline.start and not timeline.completion:
        due = _day(rng, _plus(as_of, -30), dt.date(as_of.year + 2, 12, 31))
        deadlines.append(_deadline(draft, "milestone:竣工", due, timeline.start))
    if timeline.completion and not timeline.operation:
        due = _day(rng, _plus(as_of, -20), _plus(as_of, 180))
        deadlines.append(_deadline(draft, "milestone:投产", due, timeline.completion))


def _deadline(draft: _Draft, target: str, due: dt.date, earliest: dt.date) -> Json:
    """A deadline, with extensions granted before each due date and never after AS_OF."""
    rng = draft.rng
    deadline: Json = {"id": draft.ids.new("D"), "target": target, "due": due}
    if rng.random() < 0.3 + 0.5 * draft.detail:
        day = min(due, draft.as_of)
        basis = rng.choice(vocab.BASES).format(
            week=day.isocalendar().week, year=day.year, k=rng.randint(1, 60)
        )
        deadline["basis"] = basis
    extensions: list[Json] = []
    current, floor = due, earliest
    for _ in range(rng.choice((0, 0, 0, 0, 0, 0, 1, 1, 2))):
        latest = min(current, draft.as_of)
        if latest <= floor:
            break
        granted = _day(rng, max(floor, _plus(latest, -20)), latest)
        current = _plus(current, rng.choice((10, 15, 30, 45, 60)))
        extensions.append(
            {
                "date": granted,
                "new_due": current,
                "reason": rng.choice(vocab.EXTENSION_REASONS),
                "approver": draft.leader,
            }
        )
        floor = _plus(granted, 1)
    if extensions:
        deadline["extensions"] = extensions
    return deadline


# --- size ----------------------------------------------------------------------------------


def _fit_size(draft: _Draft, project: Json) -> str:
    """The project's text, after trimming optional text (or adding some) to make it 3-6 KB.

    The byte budget of `_add_lists` gets nearly every project there already.
    """
    text = render_project(project, draft.as_of, draft.pieces)
    size = len(text.encode())
    draft.pieces.clear()  # the steps below change items
    steps: Iterable[Callable[[], object]] = ()
    if size > MAX_BYTES:
        steps = _shrink_steps(project)
    elif size < MIN_BYTES:
        steps = _grow_steps(draft, project)
    for step in steps:
        step()
        text = render_project(project, draft.as_of)
        size = len(text.encode())
        if MIN_BYTES <= size <= MAX_BYTES:
            break
    return text


def _shrink_steps(project: Json) -> Iterator[Callable[[], object]]:
    """Optional text first, then whole issues and tasks (keeping two of each)."""
    for issue in reversed(project["issues"]):
        if "description" in issue:
            yield partial(issue.pop, "description")
    for issue in reversed(project["issues"]):
        if len(issue.get("progress", ())) > 1:
            yield partial(issue.update, progress=issue["progress"][:1])
    for task in project["tasks"]:
        if "note" in task:
            yield partial(task.pop, "note")
    while len(project["issues"]) > 2 or len(project["tasks"]) > 2:
        yield partial(_drop_last_item, project)
    # Two issues and two tasks and still too long: drop what is optional in the record.
    for deadline in project["deadlines"]:
        if "basis" in deadline:
            yield partial(deadline.pop, "basis")
    for issue in project["issues"]:
        if "returns" in issue:
            yield partial(issue.pop, "returns")
    for key in ("task_force", "description"):
        if key in project:
            yield partial(project.pop, key)
    if "monthly_plan" in project["investment"]:
        yield partial(project["investment"].pop, "monthly_plan")


def _drop_last_item(project: Json) -> None:
    key = "issues" if len(project["issues"]) >= len(project["tasks"]) else "tasks"
    item = project[key].pop()
    project["deadlines"] = [d for d in project["deadlines"] if d["target"] != item["id"]]


def _grow_steps(draft: _Draft, project: Json) -> Iterator[Callable[[], object]]:
    """Descriptions, notes and bases that were left out, then this week's progress notes."""
    for issue in project["issues"]:
        if "description" not in issue:
            unit = issue.get("unit", "相关单位")
            text = f"{issue['title']}，影响项目整体推进，需{unit}加快协调解决。"
            yield partial(_put_before, issue, "description", text, "source")
    for task in project["tasks"]:
        if "note" not in task:
            yield partial(
                task.update, note="按月报送进度，纳入周调度跟踪，滞后时提请包抓领导协调。"
            )
    for deadline in project["deadlines"]:
        if "basis" not in deadline:
            yield partial(_put_before, deadline, "basis", "区重点项目推进会议纪要", "extensions")
    note = {"date": draft.as_of, "note": "本周周调度跟踪推进，责任单位已报送最新进展及下步计划。"}
    for issue in project["issues"]:
        if issue["state"] in ("办理中", "持续推进"):
            yield partial(_add_note, issue, note)
    for issue in project["issues"]:
        if "measures" not in issue:
            text = "梳理问题成因，明确责任单位和完成时限，纳入周调度跟踪。"
            yield partial(_put_before, issue, "measures", text, "progress")
    for approval in project.get("approvals", {}).values():
        if approval["status"] in ("办理中", "未办理"):
            yield partial(approval.update, note="实行并联审批、容缺受理，每周报送办理进度")


def _add_note(issue: Json, note: Json) -> None:
    if "progress" not in issue:
        _put_before(issue, "progress", [], "verification")
    issue["progress"].append(dict(note))


# --- ASCII punctuation ---------------------------------------------------------------------


def punctuation_rng(seed: int, index: int) -> random.Random:
    """A generator of its own, so punctuating a project leaves its other draws (and the
    files left clean) exactly as without punctuation."""
    return random.Random(f"projledger-bench:{seed}:{index}:punctuation")


def punctuate(project: Json, rng: random.Random) -> tuple[str, str]:
    """Put the ASCII punctuation of real ledgers into `project`'s text, in place.

    An owner with `&`, task notes with `!` and `*`, a `#` inside a block and a flow value
    (`3#楼`: not a comment, as no space precedes it) and a long progress note with commas,
    colons, quotes and brackets. The values stay valid for the model; `_quote` writes each
    plain or double-quoted as YAML requires. Returns two comments, for the locality line
    and for a line above `tasks:`, which `render_punctuated` places.
    """
    project["owner"] = rng.choice(vocab.PUNCTUATED_OWNERS)
    suffix = rng.choice(vocab.HASH_SUFFIXES)
    if "description" in project:
        project["description"] = f"{project['description'].removesuffix('。')}{suffix}。"
    else:
        before = next(k for k in ("retirement", "approvals", "investment") if k in project)
        _put_before(project, "description", f"建设内容详见可研报告{suffix}。", before)
    project["responsibilities"][-1]["duties"] = rng.choice(vocab.HASH_DUTIES)
    notes = (vocab.EXCLAIMED_NOTES, vocab.STARRED_NOTES)
    for task, choices in zip(project["tasks"], notes, strict=False):  # every project has 2
        task["note"] = rng.choice(choices)  # `note` is a task's last field: order kept
    noted = [issue for issue in project["issues"] if issue.get("progress")]
    if noted:
        rng.choice(noted)["progress"][-1]["note"] = rng.choice(vocab.LONG_NOTES)
    else:
        _put_before(project["issues"][0], "description", rng.choice(vocab.LONG_NOTES), "source")
    return rng.choice(vocab.LOCALITY_COMMENTS), rng.choice(vocab.TASKS_COMMENTS)


def render_punctuated(project: Json, rng: random.Random, as_of: dt.date = AS_OF) -> str:
    """`punctuate` the project and render it with its two comments."""
    end_comment, line_comment = punctuate(project, rng)
    lines = render_project(project, as_of).split("\n")
    for i, line in enumerate(lines):
        if line.startswith("locality: "):
            lines[i] = f"{line}   {end_comment}"
        elif line == "tasks:":
            lines.insert(i, line_comment)
            break
    return "\n".join(lines)


# --- YAML text -----------------------------------------------------------------------------

# Mappings written as indented blocks even when short, as in the sample ledger.
_BLOCK_MAPS = frozenset(
    {"task_force", "retirement", "investment", "land", "schedule", "verification"}
)
# Lists whose items are always block mappings (long, many fields).
_BLOCK_ITEMS = frozenset({"issues", "tasks"})
# Top-level keys preceded by a blank line.
_SPACED = frozenset(
    {
        "approvals",
        "investment",
        "funding",
        "land",
        "schedule",
        "responsibilities",
        "issues",
        "tasks",
        "deadlines",
    }
)
_COMMENTS = {
    ("investment", "total"): "万元",
    ("investment", "completed_this_year"): "本年累计完成（统计数）",
    ("land", "needed_mu"): "亩",
}
_FLOW_WIDTH = 100


def render_project(
    project: Mapping[str, Any],
    as_of: dt.date = AS_OF,
    pieces: Mapping[int, _Piece] | None = None,
) -> str:
    """The project file's text: schema comment, a Chinese title comment, then the fields.

    `pieces` holds lines already rendered for list items, by id(item).
    """
    levels = "、".join(project["levels"])
    lines = [
        SCHEMA_COMMENT,
        f"# {project['name']} — {levels}重点项目，{project['pool']}。"
        f"台账截至 {as_of}（第{as_of.isocalendar().week}周周调度）。",
    ]
    for key, value in project.items():
        if key in _SPACED:
            lines.append("")
        _emit(lines, 0, "", key, value, pieces=pieces)
    return "\n".join(lines) + "\n"


def _emit(
    lines: list[str],
    indent: int,
    parent: str,
    key: str,
    value: Any,
    *,
    pieces: Mapping[int, _Piece] | None = None,
) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        if key not in _BLOCK_MAPS:
            flow = _flow_map(value)
            if indent + len(key) + len(flow) <= _FLOW_WIDTH:
                lines.append(f"{pad}{key}: {flow}")
                return
        lines.append(f"{pad}{key}:")
        for k, v in value.items():
            _emit(lines, indent + 2, key, k, v)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        lines.append(f"{pad}{key}:")
        if key == "extensions":
            lines.append(f"{pad}  # 已延期{len(value)}次，以最后一次延期日期为准")
        for i, item in enumerate(value):
            if key == "issues" and i:
                lines.append("")
            cached = pieces.get(id(item)) if pieces else None
            if cached and cached[0] is item:
                lines.extend(cached[1])
            else:
                _emit_item(lines, indent + 2, key, item)
    else:
        comment = _COMMENTS.get((parent, key))
        lines.append(f"{pad}{key}: {_scalar(value)}" + (f"   # {comment}" if comment else ""))


def _emit_item(lines: list[str], indent: int, key: str, item: Mapping[str, Any]) -> None:
    """A list item: `- {flow}` when short and flat, else a block mapping after `- `."""
    if key not in _BLOCK_ITEMS and not any(isinstance(v, list) for v in item.values()):
        flow = _flow_map(item)
        if indent + 2 + len(flow) <= _FLOW_WIDTH:
            lines.append(f"{' ' * indent}- {flow}")
            return
    first = len(lines)
    for k, v in item.items():
        _emit(lines, indent + 2, key, k, v)
    lines[first] = f"{' ' * indent}- {lines[first][indent + 2 :]}"


def _flow_map(mapping: Mapping[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in mapping.items() if v is not None) + "}"


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return _flow_map(value)
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


# A plain scalar must not start with an indicator, hold flow indicators (lists and maps are
# written in flow style), ": ", " #", control characters or edge spaces.
_UNSAFE_PLAIN = re.compile(
    r"""^[-?:,\[\]{}#&*!|>'"%@`\s]|[,\[\]{}\x00-\x1f\x7f\u2028\u2029\ufeff]|:\s|:$|\s#|\s$"""
)
# Plain scalars that YAML 1.1 (PyYAML) or 1.2 (ruamel) would read as something other than a
# string: numbers (also 1.1's 0o17, 1_000 and 1:20), booleans, nulls and dates.
_NOT_A_STRING = re.compile(
    r"""[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*|[1-9][0-9_]*(?::[0-5]?[0-9])+)
    |[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+).*)?
    |~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO
    |on|On|ON|off|Off|OFF|y|Y|n|N|=|<<""",
    re.VERBOSE,
)


@lru_cache(maxsize=8192)
def _quote(text: str) -> str:
    """The text plain when YAML reads it back unchanged, else double-quoted (JSON escapes are
    valid YAML)."""
    if not text or _UNSAFE_PLAIN.search(text) or _NOT_A_STRING.fullmatch(text):
        return json.dumps(text, ensure_ascii=False)
    return text


# --- the root ------------------------------------------------------------------------------


def project_rng(seed: int, index: int) -> random.Random:
    """Each project's own generator, so any one can be rebuilt without the others."""
    return random.Random(f"projledger-bench:{seed}:{index}")


def config_people(seed: int) -> People:
    """The declared units and people of the root generated with `seed`."""
    return build_people(random.Random(f"projledger-bench:{seed}:config"))


def generate_root(
    out: Path, projects: int, seed: int, jobs: int = 1, punctuation: float = 0.0
) -> None:
    """Write OUT/projledger.yaml and OUT/projects/<id>.yaml for `projects` projects.

    With `jobs` > 1 the projects are shared among processes; the files are the same, as
    each project has its own generator. `punctuation` is the chance that a project's text
    gets ASCII punctuation (`punctuate`); the files without it are those of fraction 0.
    """
    people = config_people(seed)
    (out / "projects").mkdir(parents=True, exist_ok=True)
    (out / "projledger.yaml").write_text(render_config(people), encoding="utf-8")
    write = partial(_write_projects, out, seed, people, punctuation=punctuation)
    if jobs <= 1 or projects < 200:
        write(range(projects))
        return
    step = -(-projects // (jobs * 4))  # a few chunks per worker evens out their load
    chunks = [range(i, min(i + step, projects)) for i in range(0, projects, step)]
    with ProcessPoolExecutor(jobs) as executor:
        list(executor.map(write, chunks))


def _write_projects(
    out: Path, seed: int, people: People, indexes: range, punctuation: float = 0.0
) -> None:
    for index in indexes:
        project, text = _build(project_rng(seed, index), index, people, AS_OF)
        if punctuation > 0:  # fraction 0 draws nothing: the default output is unchanged
            rng = punctuation_rng(seed, index)
            if rng.random() < punctuation:
                text = render_punctuated(project, rng)
        (out / "projects" / f"{project['id']}.yaml").write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="ledger root to write (created if missing)")
    parser.add_argument("--projects", type=int, default=1000, help="number of projects")
    parser.add_argument("--seed", type=int, default=0, help="random seed; same seed, same files")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: CPUs)"
    )
    parser.add_argument(
        "--punctuation",
        type=float,
        default=0.0,
        metavar="FRACTION",
        help="share of files (0-1, chosen by the seed) whose text gets ASCII punctuation: "
        "`&`, `!`, `*`, `#`, commas, colons, quotes (default 0)",
    )
    args = parser.parse_args(argv)
    if not 0 <= args.punctuation <= 1:
        parser.error("--punctuation must be between 0 and 1")
    started = time.perf_counter()
    generate_root(args.out, args.projects, args.seed, args.jobs, args.punctuation)
    elapsed = time.perf_counter() - started
    files = list((args.out / "projects").glob("*.yaml"))
    total = sum(f.stat().st_size for f in files)
    print(
        f"wrote {len(files)} project files ({total / 1e6:.1f} MB) to {args.out} in {elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

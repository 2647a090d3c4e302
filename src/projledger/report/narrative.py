"""The words before the tables: a period report's 通报 text, written from the report's own
figures and tables (never computed again), so every number in a sentence is one of the
report's numbers.

A lead paragraph (导语), then the sections the report has data for: 一、总体情况
二、分领域推进情况 (with 分阶段 in the weekly report) 要素保障情况 (the monthly bulletin)
问题办理情况 红黑榜 下步工作提示, numbered in turn. Each sentence is written once with its
Chinese and English form side by side (`_Narrator.say`); those on stages and 要素保障 are
the catalogue's (`narrative_elements.py`)."""

from collections import Counter
from collections.abc import Callable, Sequence

from projledger.compute.deadlines import LABELS, LABELS_EN, Status
from projledger.messages import text as catalogue
from projledger.report.document import Paragraph, Report, Value
from projledger.report.flow import COUNT_ORDER
from projledger.report.labels import label
from projledger.report.narrative_elements import ElementSentences
from projledger.report.narrative_words import MOST, Zh, percent, words_for
from projledger.report.narrative_words import as_float as _float
from projledger.report.narrative_words import as_int as _int
from projledger.report.period import Period
from projledger.report.period_names import date_range, day_label, next_period, this_period

RED_LIST = 5

Row = dict[str, Value]


def narrate(report: Report, period: Period) -> list[Paragraph]:
    """The report's text: its lead paragraph, then its numbered sections."""
    return _Narrator(report, period).paragraphs()


class _Narrator:
    def __init__(self, report: Report, period: Period) -> None:
        self.en = report.lang == "en"
        self.w = words_for(report.lang)
        self.figures = {figure.key: figure.value for figure in report.figures}
        self.tables = {
            table.key: [
                dict(zip((c.key for c in table.columns), row, strict=True)) for row in table.rows
            ]
            for table in report.tables
        }
        lang = self.lang = report.lang
        self.this = this_period(period, lang)
        self.next = next_period(period, lang)
        upcoming = period.next()
        self.next_days = date_range(upcoming.start, upcoming.end, lang, year=period.end.year)
        self.day = day_label(report.as_of, lang, year=False)
        self.scope = "" if self.en else Zh.scope(report.organisation)
        statuses = LABELS_EN if self.en else LABELS
        self.status_of = {text: status for status, text in statuses.items()}
        self.elements = ElementSentences(self.tables, "en" if self.en else "zh", self.w, self.this)

    # --- plumbing --------------------------------------------------------------------------

    def say(self, zh: str, en: str, **values: object) -> str:
        """One sentence (or clause) in the report's language, `values` filled in."""
        return (en if self.en else zh).format(**values)

    def rows(self, key: str) -> list[Row]:
        return self.tables.get(key, [])

    def count(self, key: str) -> int:
        return _int(self.figures.get(key))

    def amount(self, value: Value) -> str:
        return self.w.amount(float(value)) if isinstance(value, int | float) else "—"

    def paragraphs(self) -> list[Paragraph]:
        out = [Paragraph(text) for text in self.lead()]
        sections: list[tuple[str, str, Callable[[], list[Paragraph]]]] = [
            ("总体情况", "Overview", self.overview),
            ("分领域推进情况", "Progress by area", self.areas),
            (
                catalogue("narrative.elements.heading", "zh"),
                catalogue("narrative.elements.heading", "en"),
                self.element_section,
            ),
            ("问题办理情况", "Issues", self.issues),
            ("红黑榜", "Ranking of units", self.ranking),
            ("下步工作提示", "Next steps", self.next_steps),
        ]
        number_ = 0
        for zh, en, write in sections:
            body = write()
            if not body:
                continue
            out.append(Paragraph(self.w.heading(number_, en if self.en else zh), 1))
            out.extend(body)
            number_ += 1
        return out

    def subsections(self, parts: Sequence[tuple[str, str, list[str]]]) -> list[Paragraph]:
        """（一）（二）... for the parts that have text."""
        out: list[Paragraph] = []
        for zh, en, texts in parts:
            if not texts:
                continue
            heading = self.w.subheading(
                len([p for p in out if p.level == 2]), en if self.en else zh
            )
            out.append(Paragraph(heading, 2))
            out.extend(Paragraph(text) for text in texts)
        return out

    # --- 导语 ------------------------------------------------------------------------------

    def investment(self) -> str:
        """How far the year's investment is: the sentence every 通报 opens with."""
        completion = _float(self.figures.get("completion"))
        if completion is None:
            return self.say(
                "截至{day}，{scope}{n}个重点项目尚无本年度投资计划。",
                "As of {day}, the {n} key projects have no investment plan for this year.",
                day=self.day,
                scope=self.scope,
                n=self.count("projects"),
            )
        period = self.figures.get("data_period")
        return self.say(
            "截至{day}，{scope}{n}个重点项目{period}累计完成投资{done}，占年度计划的{rate}，{gap}。",
            "As of {day}, the {n} key projects had completed {done} {period}, {rate} of the "
            "annual plan, {gap}.",
            period=(period if self.lang == "zh" else f"in {period}")
            if isinstance(period, str)
            else ("本年" if self.lang == "zh" else "this year"),
            day=self.day,
            scope=self.scope,
            n=self.count("projects"),
            done=self.amount(self.figures.get("completed")),
            rate=percent(completion),
            gap=self.w.gap(self.figures.get("gap")),
        )

    def flow_counts(self) -> dict[str, int]:
        return {str(row["key"]): _int(row["count"]) for row in self.rows("flow")}

    def flow_clauses(self, keys: Sequence[str]) -> list[str]:
        counts = self.flow_counts()
        phrases = {
            "new": ("新增问题{n}个", "{n} new issues"),
            "entered_late": ("补录问题{n}个", "{n} entered late"),
            "assigned": ("交办{n}个", "{n} assigned"),
            "started": ("开始办理{n}个", "{n} taken up"),
            "submitted": ("提交核验{n}个", "{n} submitted for verification"),
            "closed": ("销号{n}个", "{n} closed"),
            "returned": ("退回{n}个", "{n} returned"),
            "withdrawn": ("撤销{n}个", "{n} withdrawn"),
            "reopened": ("重新打开{n}个", "{n} reopened"),
            "extended": ("延期{n}项", "{n} deadlines extended"),
            "became_overdue": ("新增逾期事项{n}项", "{n} items became overdue"),
        }
        return [self.say(*phrases[key], n=counts[key]) for key in keys if counts.get(key)]

    def lead(self) -> list[str]:
        if not self.figures:
            return []
        texts = [self.investment()]
        if "flow" in self.tables:
            clauses = self.flow_clauses(("new", "assigned", "closed", "became_overdue"))
            texts.append(
                self.in_period(clauses)
                if clauses
                else self.say(
                    "{this}无新增和销号问题。",
                    "No issue was added or closed {this}.",
                    this=self.this,
                )
            )
        texts.append(
            self.say(
                "目前逾期事项{overdue}项、临期事项{soon}项，红灯项目{red}个、黄灯项目{yellow}个。",
                "{overdue} items are overdue and {soon} due soon; {red} projects show a red "
                "light and {yellow} a yellow one.",
                overdue=self.count("overdue_items"),
                soon=self.count("due_soon_items"),
                red=self.count("red_lights"),
                yellow=self.count("yellow_lights"),
            )
        )
        return [" ".join(texts) if self.en else "".join(texts)]

    # --- 一、总体情况 -----------------------------------------------------------------------

    def overview(self) -> list[Paragraph]:
        if not self.figures:
            return []
        f = self.figures
        texts = [
            self.say(
                "{scope}纳入调度的重点项目{n}个，总投资{total}，年度计划投资{plan}。",
                "{n} key projects are followed, with a total investment of {total} and {plan} "
                "planned for this year.",
                scope=self.scope if self.scope != "纳入调度的" else "",
                n=self.count("projects"),
                total=self.amount(f.get("total_investment")),
                plan=self.amount(f.get("plan")),
            )
        ]
        completion = _float(f.get("completion"))
        progress = _float(f.get("time_progress"))
        if completion is not None and progress is not None:
            period = f.get("data_period")
            texts[0] += self.say(
                "{period}累计完成投资{done}，投资完成率{rate}，时间进度{progress}，{gap}。",
                " They had completed {done} {period}: a completion rate of {rate} against "
                "time progress of {progress}, {gap}.",
                period=(period if self.lang == "zh" else f"in {period}")
                if isinstance(period, str)
                else ("本年" if self.lang == "zh" else "this year"),
                done=self.amount(f.get("completed")),
                rate=percent(completion),
                progress=percent(progress),
                gap=self.w.gap(f.get("gap")),
            )
        starts = self.count("planned_starts")
        rate = _float(f.get("start_rate"))
        if starts and rate is not None:
            texts.append(
                self.say(
                    "今年计划开工项目{planned}个，已开工{started}个，开工率{rate}。",
                    "Of the {planned} projects planned to start this year, {started} had "
                    "started: a start rate of {rate}.",
                    planned=starts,
                    started=self.count("started"),
                    rate=percent(rate),
                )
            )
        texts.append(
            self.say(
                "亮灯项目中，红灯{red}个、黄灯{yellow}个（见附表）。",
                "{red} projects show a red light and {yellow} a yellow one (see the tables).",
                red=self.count("red_lights"),
                yellow=self.count("yellow_lights"),
            )
        )
        return [Paragraph(text) for text in texts]

    # --- 二、分领域推进情况 -------------------------------------------------------------------

    def group_figures(self, row: Row, noun_zh: str, noun_en: str) -> str:
        """省级项目2个，完成投资56.59亿元，完成率85.7%，较时间进度超过2.4个百分点."""
        completion = _float(row.get("completion"))
        text = self.say(
            "{group}{noun}{n}个",
            "{group}{noun}: {n}",
            group=row["group"],
            noun=noun_en if self.en else noun_zh,
            n=_int(row["projects"]),
        )
        if completion is None:
            return text
        return text + self.say(
            "，完成投资{done}，完成率{rate}，{gap}",
            ", {done} completed ({rate}), {gap}",
            done=self.amount(row.get("completed")),
            rate=percent(completion),
            gap=self.w.gap(row.get("gap")),
        )

    def listed(self, key: str, noun_zh: str = "项目", noun_en: str = " projects") -> list[str]:
        """Every group of a short breakdown, those with a plan first."""
        rows = self.rows(key)
        planned = [r for r in rows if _float(r.get("completion")) is not None]
        others = [r for r in rows if _float(r.get("completion")) is None]
        texts = [self.group_figures(r, noun_zh, noun_en) for r in planned]
        if others:
            names = self.w.join([self.group_figures(r, noun_zh, noun_en) for r in others])
            texts.append(
                self.say(
                    "另有{names}，尚无年度投资计划", "{names} without a plan this year", names=names
                )
            )
        return [self.w.semicolon.join(texts) + self.w.stop] if texts else []

    def spread(self, key: str, what_zh: str, what_en: str) -> list[str]:
        """A long breakdown in one sentence: how many groups are ahead, and which are
        furthest behind."""
        rows = [r for r in self.rows(key) if _float(r.get("gap")) is not None]
        if not rows:
            return []
        behind = sorted(
            (r for r in rows if round(_float(r["gap"]) or 0, 1) < 0),
            key=lambda r: _float(r["gap"]) or 0,
        )
        text = self.say(
            "有年度计划的{n}个{what}中，{ahead}个达到或超过时间进度，{behind}个落后于时间进度",
            "Of the {n} {what} with a plan this year, {ahead} are at or ahead of time "
            "progress and {behind} behind it",
            n=len(rows),
            what=what_en if self.en else what_zh,
            ahead=len(rows) - len(behind),
            behind=len(behind),
        )
        if behind:
            names = self.w.join(
                [
                    self.say(
                        "{group}（落后{gap}个百分点）",
                        "{group} ({gap} points)",
                        group=r["group"],
                        gap=f"{abs(_float(r['gap']) or 0):.1f}",
                    )
                    for r in behind[:MOST]
                ]
            )
            text += self.say("，落后较多的是{names}", "; furthest behind: {names}", names=names)
        return [text + self.w.stop]

    def maturity(self) -> list[str]:
        rows = self.rows("by_maturity")
        if not rows:
            return []
        names = self.w.join(
            [
                self.say("{m}类{n}个", "{n} of class {m}", m=r["group"], n=_int(r["projects"]))
                for r in rows
            ]
        )
        total = sum(_int(r["projects"]) for r in rows)
        return [
            self.say(
                "在谈项目{total}个，其中{names}。",
                "{total} projects are under negotiation: {names}.",
                total=total,
                names=names,
            )
        ]

    def areas(self) -> list[Paragraph]:
        pool = self.listed("by_pool")
        if pool:
            pool[0] += "".join(" " + text if self.en else text for text in self.maturity())
        return self.subsections(
            [
                ("分级别", "By level", self.listed("by_level", "项目", " projects")),
                ("分类别", "By pool", pool),
                ("分行业领域", "By industry", self.spread("by_industry", "行业领域", "industries")),
                ("分属地", "By locality", self.spread("by_locality", "属地", "localities")),
                (
                    "分属地",
                    "By locality",
                    self.spread("quarterly_locality", "属地", "localities"),
                ),
                (
                    catalogue("narrative.stage.heading", "zh"),
                    catalogue("narrative.stage.heading", "en"),
                    self.elements.stages(),
                ),
            ]
        )

    # --- 要素保障情况 -----------------------------------------------------------------------

    def element_section(self) -> list[Paragraph]:
        return [Paragraph(sentence) for sentence in self.elements.elements()]

    # --- 三、问题办理情况 -------------------------------------------------------------------

    def flow_sentence(self) -> list[str]:
        if "flow" not in self.tables:
            return []
        clauses = self.flow_clauses(COUNT_ORDER)
        if not clauses:
            return [
                self.say(
                    "{this}问题清单无变化。",
                    "The issue lists did not change {this}.",
                    this=self.this,
                )
            ]
        return [self.in_period(clauses), *self.late_sentence()]

    def late_sentence(self) -> list[str]:
        """The events recorded after the report date (补录), from the events tables."""
        late = sum(
            1
            for key in ("issue_events", "advances")
            for row in self.rows(key)
            if row.get("recorded") is not None
        )
        if not late:
            return []
        return [
            self.say(
                "其中{late}项变化在报告日之后补录。",
                "{late} of these changes were entered late, after the report date.",
                late=late,
            )
        ]

    def in_period(self, clauses: Sequence[str]) -> str:
        """本周新增问题7个，销号2个。 / This week: 7 new issues, 2 closed."""
        first = f"{self.this}: {clauses[0]}" if self.en else self.this + clauses[0]
        return self.w.sentence([first, *clauses[1:]])

    def overdue_sentence(self) -> list[str]:
        text = self.say(
            "截至{day}，未销号问题{open}个，逾期事项{overdue}项，临期事项{soon}项",
            "As of {day}, {open} issues are open, {overdue} items overdue and {soon} due soon",
            day=self.day,
            open=self.count("open_issues"),
            overdue=self.count("overdue_items"),
            soon=self.count("due_soon_items"),
        )
        rows = self.rows("overdue")
        if rows:
            named = self.w.join(
                [
                    self.say(
                        "{project}{item}（{unit}，逾期{days}天）",
                        "{item} of {project} ({unit}, {days} days)",
                        project=r["project"],
                        item=self.item(r),
                        unit=r["unit"] or "—",
                        days=_int(r["days_overdue"]),
                    )
                    for r in rows[:MOST]
                ]
            )
            text += self.say("。逾期时间最长的是{named}", ". Longest overdue: {named}", named=named)
        return [text + self.w.stop]

    def item(self, row: Row) -> str:
        """An item in a sentence: an issue or task title in quotation marks (“二期62亩用地
        供应”), an approval or milestone as it is (用地规划许可, 开工节点)."""
        text = str(row["item"])
        titled = {label("issue", self.lang), label("task", self.lang)}
        return f"“{text}”" if row.get("kind") in titled else text

    def period_due_sentence(self) -> list[str]:
        rows = self.rows("period_due")
        if "period_due" not in self.tables:
            return []
        if not rows:
            return [self.say("{this}无到期事项。", "Nothing fell due {this}.", this=self.this)]
        by = Counter(self.status_of.get(str(r.get("status")), Status.PENDING) for r in rows)
        parts = [
            (Status.MET, "按时完成{n}项", "{n} met on time"),
            (Status.MET_LATE, "逾期完成{n}项", "{n} met late"),
            (Status.OVERDUE, "逾期未完成{n}项", "{n} overdue"),
            (Status.AWAITING, "待核验{n}项", "{n} awaiting verification"),
            (Status.DUE_SOON, "临期未完成{n}项", "{n} still open"),
            (Status.PENDING, "未到期{n}项", "{n} not yet due"),
            (Status.CANCELLED, "撤销{n}项", "{n} cancelled"),
        ]
        clauses = [self.say(zh, en, n=by[status]) for status, zh, en in parts if by[status]]
        return [
            self.say(
                "{this}到期事项{n}项，其中{clauses}。",
                "{n} items fell due {this}: {clauses}.",
                this=self.this,
                n=len(rows),
                clauses=self.w.join(clauses),
            )
        ]

    def coordination_sentence(self) -> list[str]:
        rows = self.rows("coordination")
        if not rows:
            return []
        top = [r for r in rows if _int(r["coordination_level"]) >= 4]
        text = self.say(
            "需领导协调的问题{n}个",
            "{n} issues need a leader's coordination",
            n=len(rows),
        )
        if top:
            named = self.w.join(
                [
                    self.say(
                        "{project}“{title}”",
                        "“{title}” ({project})",
                        project=r["project"],
                        title=r["title"],
                    )
                    for r in top
                ]
            )
            text += self.say(
                "，其中主要领导督办{n}个：{named}",
                ", {n} of them supervised by the principal leader: {named}",
                n=len(top),
                named=named,
            )
        return [text + self.w.stop]

    def closures_this_period(self) -> list[str]:
        """For a report without the issue flow (the quarterly ranking): the units' closures."""
        if "flow" in self.tables or "unit_ranking" not in self.tables:
            return []
        closed = sum(_int(r["closed_in_period"]) for r in self.rows("unit_ranking"))
        return [
            self.say(
                "{this}销号问题{n}个。", "{n} issues were closed {this}.", this=self.this, n=closed
            )
        ]

    def issues(self) -> list[Paragraph]:
        if not self.figures:
            return []
        texts = [
            *self.flow_sentence(),
            *self.closures_this_period(),
            *self.overdue_sentence(),
            *self.period_due_sentence(),
            *self.coordination_sentence(),
        ]
        return [Paragraph(text) for text in texts]

    # --- 四、红黑榜 -------------------------------------------------------------------------

    def ranking(self) -> list[Paragraph]:
        rows = self.rows("unit_ranking") or self.rows("annual_units")
        if not rows:
            return []

        def overdue(r: Row) -> int:  # 逾期后延期 counts (0 where the config says not)
            return _int(r["overdue"]) + _int(r.get("late_extended"))

        clear = [r for r in rows if not overdue(r)]
        red = [
            r
            for r in clear
            if _int(r.get("closed", r.get("closed_in_period")))
            and _float(r.get("on_time_rate")) == 1.0
        ]
        texts = []
        if red:
            texts.append(
                self.say(
                    "红榜：{names}，无逾期事项，问题全部按时销号。",
                    "Red list: {names}: nothing overdue, every issue closed on time.",
                    names=self.w.join([str(r["unit"]) for r in red[:RED_LIST]]),
                )
            )
        late = sorted((r for r in rows if overdue(r)), key=lambda r: -overdue(r))
        if late:
            names = self.w.join(
                [
                    self.say(
                        "{unit}（逾期{n}项）",
                        "{unit} ({n} overdue)",
                        unit=r["unit"],
                        n=overdue(r),
                    )
                    for r in late[:RED_LIST]
                ]
            )
            texts.append(
                self.say(
                    "黑榜：{names}。有逾期事项的责任单位共{n}个，请逐项说明原因、明确办结时限。",
                    "Black list: {names}. {n} units have overdue items: each is to explain why "
                    "and set a date to finish.",
                    names=names,
                    n=len(late),
                )
            )
        else:
            texts.append(self.say("各责任单位均无逾期事项。", "No unit has an overdue item."))
        texts.extend(self.localities())
        return [Paragraph(text) for text in texts]

    def localities(self) -> list[str]:
        rows = [
            r
            for r in self.rows("quarterly_locality") or self.rows("annual_localities")
            if _float(r.get("gap")) is not None
        ]
        if len(rows) < 2:
            return []
        first = self.w.join([str(r.get("group", r.get("locality"))) for r in rows[:MOST]])
        last = self.w.join([str(r.get("group", r.get("locality"))) for r in rows[-MOST:]])
        return [
            self.say(
                "属地投资进度排名靠前的是{first}，靠后的是{last}。",
                "Localities ahead on investment: {first}; furthest behind: {last}.",
                first=first,
                last=last,
            )
        ]

    # --- 五、下步工作提示 ---------------------------------------------------------------------

    def next_due_sentence(self) -> list[str]:
        if "next_due" not in self.tables:
            return []
        rows = self.rows("next_due")
        if not rows:
            return [
                self.say(
                    "{next}（{days}）无到期事项。",
                    "Nothing falls due {next} ({days}).",
                    next=self.next,
                    days=self.next_days,
                )
            ]
        units = Counter(str(r["unit"] or "—") for r in rows)
        named = self.w.join(
            [
                self.say("{unit}{n}项", "{unit} {n}", unit=unit, n=n)
                for unit, n in sorted(units.items(), key=lambda u: (-u[1], u[0]))[:MOST]
            ]
        )
        return [
            self.say(
                "{next}（{days}）有{n}项事项到期，涉及{units}个责任单位，其中{named}，"
                "请提前调度、按时办结。",
                "{n} items fall due {next} ({days}), for {units} units ({named}): they are "
                "to be finished on time.",
                next=self.next,
                days=self.next_days,
                n=len(rows),
                units=len(units),
                named=named,
            )
        ]

    def behind_sentence(self) -> list[str]:
        rows = self.rows("behind")
        if not rows:
            return []
        red = [str(r["project"]) for r in rows if r.get("light") == "red"]
        text = self.say(
            "{n}个项目投资进度慢于时间进度",
            "{n} projects are behind time progress",
            n=len(rows),
        )
        if red:
            text += self.say(
                "，其中红灯{k}个：{names}，请包抓领导和责任单位盯紧抓实、加快推进",
                ", {k} of them on red: {names}; their leaders and units are to speed them up",
                k=len(red),
                names=self.w.join(red),
            )
        return [text + self.w.stop]

    def start_sentence(self) -> list[str]:
        start = self.say("开工", "start")
        rows = [r for r in self.rows("lights") if r.get("light_kind") == start]
        if not rows:
            return []
        named = self.w.join(
            [
                self.say("{p}（{reason}）", "{p} ({reason})", p=r["project"], reason=r["reason"])
                for r in rows
            ]
        )
        return [
            self.say(
                "未按计划开工的项目{n}个：{named}，请加快办理前期手续，尽早开工。",
                "{n} projects have not started as planned: {named}.",
                n=len(rows),
                named=named,
            )
        ]

    def leader_sentence(self) -> list[str]:
        n = len(self.rows("coordination"))
        if not n:
            return []
        return [
            self.say(
                "需领导协调的{n}个问题，请包抓领导及时召开专题会议调度解决。",
                "The {n} issues needing a leader are to be taken to a meeting under the "
                "project's leader.",
                n=n,
            )
        ]

    def next_steps(self) -> list[Paragraph]:
        texts = [
            *self.next_due_sentence(),
            *self.behind_sentence(),
            *self.start_sentence(),
            *self.leader_sentence(),
        ]
        return [Paragraph(text) for text in texts]

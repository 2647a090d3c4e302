"""The 通报's words on stages and 要素保障, from the report's own tables (as the rest of
the narrative, nothing is computed again): the weekly report's 分阶段 (how many projects
stand at each stage, `by_stage`, and which started this period, from `advances`), and the
monthly bulletin's 要素保障情况 (资金到位率 from `funding`, land supplied and 批而未供 from
`land`, the open issues by category and cause side from `element_issues`)."""

import datetime as dt
from collections.abc import Sequence

from projledger.messages import Lang, text
from projledger.model.enums import FundingSource
from projledger.report.document import Value
from projledger.report.labels import label
from projledger.report.narrative_words import MOST, Words, as_float, as_int, number, percent
from projledger.report.period_names import day_label

Row = dict[str, Value]


class ElementSentences:
    """`tables`: the report's tables as rows keyed by column; `this`: 本周 / this week."""

    def __init__(self, tables: dict[str, list[Row]], lang: Lang, words: Words, this: str):
        self.tables = tables
        self.lang = lang
        self.w = words
        self.this = this

    def say(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def paragraph(self, sentences: Sequence[str]) -> list[str]:
        """Sentences of one subject as one paragraph (none when there are none)."""
        joined = (" " if self.lang == "en" else "").join(s for s in sentences if s)
        return [joined] if joined else []

    # --- 分阶段 (weekly) ----------------------------------------------------------------

    def stages(self) -> list[str]:
        """从所处阶段看，前期研究2个、……、开工3个。本周新开工项目1个：……。"""
        rows = self.tables.get("by_stage", [])
        if not rows:
            return []
        parts = [
            self.say("narrative.stage.count", stage=r["stage"], n=as_int(r["projects"]))
            for r in rows
        ]
        stand = self.say("narrative.stage.sentence", parts=self.w.join(parts))
        return self.paragraph([stand, *self.started()])

    def started(self) -> list[str]:
        """The projects whose actual start (实际开工) was recorded in the period; a date
        corrected (one there before) is no new start. Nothing without the period's history."""
        if "advances" not in self.tables:
            return []
        start = label("advance_start", self.lang)
        rows = [
            r
            for r in self.tables["advances"]
            if r.get("change") == start and r.get("from") in (None, "")
        ]
        if not rows:
            return [self.say("narrative.stage.none_started", this=self.this)]
        names = [
            self.say(
                "narrative.stage.started_project",
                project=r["project"],
                day=_day(r.get("to") or r.get("date"), self.lang),
            )
            for r in rows
        ]
        return [
            self.say(
                "narrative.stage.started", this=self.this, n=len(rows), names=self.w.join(names)
            )
        ]

    # --- 要素保障情况 (monthly) ---------------------------------------------------------

    def elements(self) -> list[str]:
        """Funding, land and the open issues by category: one paragraph each."""
        if "funding" not in self.tables and "land" not in self.tables:
            return []
        return [*self.funding(), *self.land(), *self.issues()]

    def funding(self) -> list[str]:
        *sources, total = self.tables.get("funding") or [{}]
        if not sources:
            return []
        rate = as_float(total.get("rate"))
        sentence = self.say(
            "narrative.elements.funding",
            n=as_int(total.get("projects")),
            planned=self.amount(total.get("planned")),
            received=self.amount(total.get("received")),
            rate=_percent(rate),
        )
        low = sorted(
            (r for r in sources if _below(as_float(r.get("rate")), rate)),
            key=lambda r: as_float(r.get("rate")) or 0.0,
        )
        if len(sources) > 1 and low:
            names = [
                self.say(
                    "narrative.elements.funding_source",
                    source=self.source(r["source"]),
                    rate=_percent(as_float(r.get("rate"))),
                )
                for r in low[:MOST]
            ]
            sentence += self.say("narrative.elements.funding_low", names=self.w.join(names))
        return [sentence + self.w.stop]

    def source(self, name: Value) -> str:
        """A funding source as a sentence names it: 其他 alone would read as "the rest"."""
        if self.lang == "zh" and name == FundingSource.OTHER.value:
            return self.say("narrative.elements.source_other")
        return str(name)

    def land(self) -> list[str]:
        *projects, total = self.tables.get("land") or [{}]
        if not projects:
            return []
        sentence = self.say(
            "narrative.elements.land",
            n=len(projects),
            needed=_mu(total.get("needed_mu")),
            supplied=_mu(total.get("supplied_mu")),
            rate=_percent(as_float(total.get("supply_rate"))),
        )
        if (as_float(total.get("unsupplied_mu")) or 0.0) > 0:
            sentence += self.say(
                "narrative.elements.land_unsupplied", unsupplied=_mu(total.get("unsupplied_mu"))
            )
            if (as_float(total.get("approved_unsupplied_mu")) or 0.0) > 0:
                sentence += self.say(
                    "narrative.elements.land_approved",
                    approved=_mu(total.get("approved_unsupplied_mu")),
                )
            # The table lists the most not yet supplied first.
            most = [r for r in projects if (as_float(r.get("unsupplied_mu")) or 0.0) > 0]
            names = [
                self.say(
                    "narrative.elements.land_project",
                    project=r["project"],
                    mu=_mu(r.get("unsupplied_mu")),
                )
                for r in most[:MOST]
            ]
            sentence += self.say("narrative.elements.land_most", names=self.w.join(names))
        return [sentence + self.w.stop]

    def issues(self) -> list[str]:
        *categories, total = self.tables.get("element_issues") or [{}]
        n = as_int(total.get("open"))
        if not categories or not n:
            return []
        parts = [
            self.say(
                "narrative.elements.issues_category", category=r["category"], n=as_int(r["open"])
            )
            for r in categories
            if as_int(r.get("open"))
        ]
        return [
            self.say(
                "narrative.elements.issues",
                n=n,
                government=as_int(total.get("open_government")),
                enterprise=as_int(total.get("open_enterprise")),
                parts=self.w.join(parts),
            )
        ]

    def amount(self, value: Value) -> str:
        return self.w.amount(float(value)) if isinstance(value, int | float) else "—"


def _percent(value: float | None) -> str:
    return "—" if value is None else percent(value)


def _mu(value: Value) -> str:
    return number(float(value)) if isinstance(value, int | float) else "—"


def _below(value: float | None, than: float | None) -> bool:
    """A rate lower than the total's, as the tables round them."""
    return value is not None and than is not None and round(value, 3) < round(than, 3)


def _day(value: Value, lang: str) -> str:
    """The day a project started: the actual start the row records (text in history)."""
    if isinstance(value, str):
        try:
            return day_label(dt.date.fromisoformat(value), lang, year=False)
        except ValueError:
            return value
    return day_label(value, lang, year=False) if isinstance(value, dt.date) else ""

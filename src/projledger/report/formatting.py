"""How a report value is written as text, the same in every text format (terminal,
Markdown, HTML, CSV; JSON and .xlsx keep the raw values and their own number formats),
and the few words the terminal, Markdown and .xlsx add around a report (header fields,
the invalid-files warning)."""

import datetime as dt

from projledger.compute.light import Light
from projledger.report.document import Kind, Report, Value

MISSING = "—"

LIGHT_LABELS = {
    "zh": {Light.RED: "红灯", Light.YELLOW: "黄灯", Light.GREEN: "绿灯"},
    "en": {Light.RED: "red", Light.YELLOW: "yellow", Light.GREEN: "green"},
}


def format_value(value: Value, kind: Kind, lang: str = "zh") -> str:
    if value is None or value == "":
        return MISSING
    if kind == Kind.AMOUNT and isinstance(value, int | float):
        return format_amount(value)
    if kind == Kind.PERCENT and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind == Kind.POINTS and isinstance(value, int | float):
        return f"{value:+.1f}"
    if kind == Kind.LIGHT and isinstance(value, str):
        return LIGHT_LABELS.get(lang, LIGHT_LABELS["zh"]).get(Light(value), value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def format_amount(value: float) -> str:
    """万元 as staff write them: 1,280,000 or 629.5 (one decimal at most)."""
    rounded = round(float(value), 1)
    return f"{rounded:,.0f}" if rounded.is_integer() else f"{rounded:,.1f}"


def quantity_done(amount: float, done: float | None, unit: str) -> str:
    """A task's quantity: 120/300 户 (done of the target), 0/300 户 before any is reported."""
    return f"{format_amount(done or 0)}/{format_amount(amount)} {unit}"


NUMERIC_KINDS = frozenset({Kind.INT, Kind.AMOUNT, Kind.PERCENT, Kind.POINTS})

WORDS = {
    "zh": {
        "organisation": "单位",
        "period": "期间",
        "as_of": "截至",
        "source": "数据来源",
        "note": "注意",
        "none": "无",
        "figure": "指标",
        "value": "数值",
        "summary": "概况",
        "colon": "：",
        "period_range": "{start} 至 {end}",
        "period_from": "{start} 起",
        "period_to": "至 {end}",
        "invalid": (
            "{n} 个项目文件有错误（无法读取或未通过检查），未计入本报告；"
            "请运行 `projledger check` 查看原因："
        ),
    },
    "en": {
        "organisation": "Organisation",
        "period": "Period",
        "as_of": "As of",
        "source": "Source",
        "note": "Note",
        "none": "none",
        "figure": "Figure",
        "value": "Value",
        "summary": "Summary",
        "colon": ": ",
        "period_range": "{start} to {end}",
        "period_from": "from {start}",
        "period_to": "to {end}",
        "invalid": (
            "{n} project file(s) have errors (unreadable, or failing the checks) and are "
            "left out of this report; run `projledger check` to see why:"
        ),
    },
}


def words(report: Report) -> dict[str, str]:
    """The fixed words in the report's language (Chinese for an unknown language, like
    `format_value`)."""
    return WORDS.get(report.lang, WORDS["zh"])


def period_text(report: Report) -> str | None:
    w = words(report)
    start, end = report.period_start, report.period_end
    if start and end:
        return w["period_range"].format(start=start.isoformat(), end=end.isoformat())
    if start:
        return w["period_from"].format(start=start.isoformat())
    if end:
        return w["period_to"].format(end=end.isoformat())
    return None


def meta_fields(report: Report) -> list[tuple[str, str]]:
    """(label, text) pairs shown under the title: organisation, period, as-of, source."""
    w = words(report)
    fields = [(w["organisation"], report.organisation)]
    period = period_text(report)
    if period is not None:
        fields.append((w["period"], period))
    fields.append((w["as_of"], report.as_of.isoformat()))
    fields.append((w["source"], report.source))
    return fields


def meta_line(report: Report) -> str:
    colon = words(report)["colon"]
    return " · ".join(f"{label}{colon}{text}" for label, text in meta_fields(report))


def invalid_files_warning(report: Report) -> str:
    """The sentence before the list of unreadable files (the list itself is not included)."""
    return words(report)["invalid"].format(n=len(report.invalid_files))

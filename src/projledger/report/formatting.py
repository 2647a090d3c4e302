"""How a report value is written as text, the same in every text format (terminal,
Markdown, HTML, CSV). JSON and .xlsx keep the raw values and their own number formats."""

import datetime as dt

from projledger.report.document import Kind, Light, Value

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

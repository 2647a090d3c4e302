"""A `Report` as one self-contained HTML5 page: inline CSS, inline SVG charts, nothing else.

Offices read these on closed networks and print them on A4, so the page loads nothing
(no fonts, scripts, images or links) and carries its own print rules: the report's text
first, then its tables with the columns a reader needs (`Table.for_print`); a table too
wide for a portrait page prints on landscape pages (the named page `wide`); names, ids,
numbers and dates never break inside a word. Every piece of user text goes through `_e`;
the output is deterministic (same report, same bytes).
"""

import html
import unicodedata
from collections.abc import Sequence

from projledger.compute.light import Light
from projledger.report.document import Chart, Column, Figure, Kind, Paragraph, Report, Table, Value
from projledger.report.formatting import MISSING, format_value, period_text
from projledger.report.period_names import day_label
from projledger.report.print_layout import WRAP_FROM, orientations, text_em

NUMERIC_KINDS = frozenset({Kind.INT, Kind.AMOUNT, Kind.PERCENT, Kind.POINTS})
LIGHTS = frozenset(light.value for light in Light)
CHART_MAX_ROWS = 30

# CJK fonts first: Debian's fonts-noto-cjk, then what Windows and macOS office PCs have.
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", '
    '"Microsoft YaHei", "PingFang SC", sans-serif'
)
# The text of a 通报 in the faces of one: 仿宋 body, 黑体 and 楷体 headings, 小标宋 title;
# each falls back to what the machine has (Noto Serif CJK on Debian).
SERIF_STACK = '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif'
BODY_STACK = f'"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", {SERIF_STACK}'
TITLE_STACK = f'"方正小标宋简体", "FZXiaoBiaoSong-B05S", {SERIF_STACK}'
HEADING_STACK = f'"黑体", "SimHei", "STHeiti", {FONT_STACK}'
SUBHEADING_STACK = f'"楷体_GB2312", "楷体", "KaiTi", "STKaiti", {SERIF_STACK}'

# Print widths in em of the printed table font (11px on 210 - 2 x 12 mm of A4: 186 mm,
# 703 px): a table whose columns need more prints on a landscape page; each cell pads
# 12px and its borders 1px.
PORTRAIT_EM = 63.0
CELL_EM = 1.2

# Bar colours avoid red, so a red pixel on the page always means a red light.
SERIES_COLOURS = ("#3b6fb6", "#e39b2f", "#5a9e6f", "#8c6bb1")

LABELS = {
    "zh": {
        "invalid": "以下文件有错误（无法读取或未通过检查），未计入本报告：",
        "invalid_hint": "请运行 `projledger check` 查看原因。",
        "organisation": "单位",
        "period": "报告期",
        "as_of": "截至{date}",
        "source": "数据来源",
        "tables": "附表",
        "notes": "说明",
        "none": "无",
        "first_n": "前 {n} 项（共 {total} 项）",
    },
    "en": {
        "invalid": "These files have errors (unreadable, or failing the checks) and are left out: ",
        "invalid_hint": "Run `projledger check` to see why.",
        "organisation": "Organisation",
        "period": "Period",
        "as_of": "As of {date}",
        "source": "Source",
        "tables": "Tables",
        "notes": "Notes",
        "none": "None",
        "first_n": "first {n} of {total}",
    },
}

# Layout: bars stay inside the A4 text width and stay legible in print. Tables are
# auto-laid-out: numbers, dates, names and ids never wrap (`nowrap`); a text column that
# does wrap keeps a width people read (`wrap`), and column labels break only before a
# bracket (`keep-all`). On screen a table wider than the window scrolls in its own box;
# printed: A4 with page numbers, wide tables on landscape pages.
CSS = f"""
@page {{ size: A4; margin: 12mm 12mm 14mm;
  @bottom-center {{ content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; }} }}
@page wide {{ size: A4 landscape; margin: 12mm 12mm 14mm; }}
* {{ box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
html {{ background: #fff; color: #1a1a1a; }}
body {{ margin: 0 auto; padding: 24px; max-width: 1100px;
  font-family: {FONT_STACK}; font-size: 14px; line-height: 1.5; }}
h1 {{ font-family: {TITLE_STACK}; font-size: 26px; text-align: center; margin: 0 0 4px; }}
.subtitle {{ font-family: {SUBHEADING_STACK}; font-size: 17px; text-align: center;
  margin: 0 0 10px; }}
h2 {{ font-size: 18px; margin: 28px 0 6px; padding-bottom: 4px;
  border-bottom: 2px solid #3b6fb6; break-after: avoid; page-break-after: avoid; }}
.narrative {{ font-family: {BODY_STACK}; font-size: 16px; line-height: 1.75; margin: 12px 0 0; }}
.narrative p {{ text-indent: 2em; margin: 0 0 4px; text-align: justify; }}
.narrative h2 {{ font-family: {HEADING_STACK}; font-size: 16px; font-weight: 600;
  border: none; margin: 10px 0 4px; padding: 0; text-indent: 2em; }}
.narrative h3 {{ font-family: {SUBHEADING_STACK}; font-size: 16px; font-weight: 600;
  margin: 6px 0 2px; text-indent: 2em; break-after: avoid; page-break-after: avoid; }}
.warning {{ border: 3px solid #b71c1c; background: #fdecea; color: #7f0000;
  padding: 12px 16px; margin: 0 0 20px; break-inside: avoid; page-break-inside: avoid; }}
.warning strong {{ font-size: 16px; }}
.warning ul {{ margin: 6px 0; }}
.meta {{ display: flex; flex-wrap: wrap; justify-content: center; gap: 4px 24px;
  margin: 0 0 8px; padding: 0; list-style: none; color: #444; }}
.meta b {{ font-weight: 600; color: #1a1a1a; }}
.notes {{ margin: 8px 0; padding-left: 20px; color: #444; }}
footer.source {{ margin: 24px 0 0; padding-top: 6px; border-top: 1px solid #ccc;
  color: #666; font-size: 12px; }}
.figures {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
  gap: 10px; margin: 16px 0; }}
.card {{ border: 1px solid #c8d3e6; border-radius: 6px; padding: 10px 12px;
  background: #f4f7fc; break-inside: avoid; page-break-inside: avoid; }}
.card .label {{ color: #444; font-size: 13px; }}
.card .value {{ font-size: 22px; font-weight: 700; white-space: nowrap; }}
.note {{ color: #555; margin: 4px 0 8px; }}
.empty {{ color: #555; }}
figure.chart {{ margin: 8px 0 12px; break-inside: avoid; page-break-inside: avoid; }}
figure.chart figcaption {{ font-weight: 600; margin-bottom: 4px; }}
figure.chart svg {{ display: block; width: 100%; max-width: 860px; height: auto; }}
table {{ width: 100%; border-collapse: collapse; table-layout: auto; margin: 4px 0 8px; }}
th, td {{ border: 1px solid #c9c9c9; padding: 4px 6px; text-align: left; vertical-align: top;
  min-width: 2.2em; }}
th {{ background: #e8eef8; font-weight: 600; word-break: keep-all; overflow-wrap: normal; }}
td.wrap {{ min-width: {WRAP_FROM:g}em; overflow-wrap: break-word; }}
.whole {{ white-space: nowrap; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
tbody tr:nth-child(even) td {{ background: #fafafa; }}
.num {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
.date {{ white-space: nowrap; }}
.badge {{ display: inline-block; padding: 0 8px; border-radius: 9px; font-weight: 600;
  white-space: nowrap; }}
.badge-red {{ background: #d32f2f; color: #fff; }}
.badge-yellow {{ background: #fbc02d; color: #1a1a1a; }}
.badge-green {{ background: #2e7d32; color: #fff; }}
@media screen {{ section.table {{ overflow-x: auto; }} }}
@media print {{
  body {{ padding: 0; max-width: none; font-size: 12px; }}
  .narrative {{ font-size: 15px; line-height: 1.65; }}
  .narrative h2, .narrative h3 {{ font-size: 15px; }}
  h2 {{ font-size: 15px; margin: 14px 0 4px; }}
  .figures {{ grid-template-columns: repeat(5, 1fr); gap: 6px; margin: 10px 0; }}
  .card {{ padding: 4px 8px; }}
  .card .value {{ font-size: 16px; }}
  /* The tables carry the numbers; on paper the charts would double the pages. */
  figure.chart {{ display: none; }}
  table {{ font-size: 11px; }}
  section.wide {{ page: wide; }}
}}
"""


def render_html(report: Report) -> str:
    labels = LABELS.get(report.lang, LABELS["en"])
    lang = "zh-CN" if report.lang == "zh" else "en"
    title = f"{report.title} {report.subtitle}" if report.subtitle else report.title
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Defence in depth: even a missed escape could neither run a script nor fetch.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        # The data's commit: in the document's metadata and its footer, not its heading.
        f'<meta name="projledger-source" content="{_e(report.source)}">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}{_page_footer(report, labels)}</style>",
        "</head>",
        "<body>",
    ]
    if report.invalid_files:
        parts.append(_invalid_box(report.invalid_files, labels))
    parts.append(_header(report, labels))
    if report.narrative:
        parts.append(_narrative(report.narrative))
    if report.figures:
        parts.append(_figures(report.figures, report.lang))
    wide = orientations(report.tables, report.lang, PORTRAIT_EM, CELL_EM)
    parts.extend(
        _table_section(table, report.lang, labels, landscape)
        for table, landscape in zip(report.tables, wide, strict=True)
    )
    if report.source:
        parts.append(
            f'<footer class="source">{_e(labels["source"])}{_e(_colon(report.lang))}'
            f"{_e(report.source)}</footer>"
        )
    parts.extend(["</body>", "</html>", ""])
    return "\n".join(parts)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _css_string(text: str) -> str:
    """`text` as a CSS string literal: anything but letters, digits, spaces and CJK as a
    hex escape, so no text can end the string or the <style> element."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def _page_footer(report: Report, labels: dict[str, str]) -> str:
    """The source on every printed page, in the bottom margin (the page number is in the
    middle): in print, the <footer> at the end would take a page of its own."""
    if not report.source:
        return ""
    text = _css_string(f"{labels['source']}{_colon(report.lang)}{report.source}")
    box = f"@bottom-left {{ content: {text}; font-size: 8pt; color: #777; }}"
    hide = "@media print { footer.source { display: none; } }"
    return f"\n@page {{ {box} }}\n@page wide {{ {box} }}\n{hide}\n"


def _colon(lang: str) -> str:
    return ": " if lang == "en" else "："


def _invalid_box(files: Sequence[str], labels: dict[str, str]) -> str:
    items = "".join(f"<li><code>{_e(name)}</code></li>" for name in files)
    return (
        f'<div class="warning" role="alert"><strong>{_e(labels["invalid"])}</strong>'
        f"<ul>{items}</ul><div>{_e(labels['invalid_hint'])}</div></div>"
    )


def _header(report: Report, labels: dict[str, str]) -> str:
    meta: list[str] = []
    if report.organisation:
        meta.append(f"<b>{_e(labels['organisation'])}</b> {_e(report.organisation)}")
    if not report.subtitle and (period := period_text(report)) is not None:
        meta.append(f"<b>{_e(labels['period'])}</b> {_e(period)}")
    meta.append(_e(labels["as_of"].format(date=day_label(report.as_of, report.lang))))
    out = [f"<header><h1>{_e(report.title)}</h1>"]
    if report.subtitle:
        out.append(f'<p class="subtitle">{_e(report.subtitle)}</p>')
    out.append('<ul class="meta">' + "".join(f"<li>{item}</li>" for item in meta) + "</ul>")
    if report.notes:
        notes = "".join(f"<li>{_e(note)}</li>" for note in report.notes)
        out.append(f'<ul class="notes" aria-label="{_e(labels["notes"])}">{notes}</ul>')
    out.append("</header>")
    return "".join(out)


def _narrative(paragraphs: Sequence[Paragraph]) -> str:
    tags = {1: "h2", 2: "h3"}
    out = ['<section class="narrative">']
    for paragraph in paragraphs:
        tag = tags.get(paragraph.level, "p")
        out.append(f"<{tag}>{_e(paragraph.text)}</{tag}>")
    out.append("</section>")
    return "\n".join(out)


def _figures(figures: Sequence[Figure], lang: str) -> str:
    cards = "".join(
        f'<div class="card"><div class="label">{_e(figure.label)}</div>'
        f'<div class="value">{_cell_content(figure.value, figure.kind, lang)}</div></div>'
        for figure in figures
    )
    return f'<section class="figures">{cards}</section>'


def _table_section(table: Table, lang: str, labels: dict[str, str], landscape: bool) -> str:
    table = table.for_print()
    wide = " wide" if landscape else ""
    out = [f'<section class="table{wide}"><h2>{_e(table.title)}</h2>']
    if not table.rows:
        out.append(f'<p class="empty">{_e(table.note or labels["none"])}</p></section>')
        return "".join(out)
    if table.note:
        out.append(f'<p class="note">{_e(table.note)}</p>')
    if table.chart is not None:
        out.append(_chart(table, table.chart, lang, labels))
    out.append(_table(table, lang))
    out.append("</section>")
    return "\n".join(out)


def _table(table: Table, lang: str) -> str:
    head = "".join(
        f'<th{_cell_class(column.kind)} scope="col">{_e(column.label)}</th>'
        for column in table.columns
    )
    classes = [_column_class(table, index, lang) for index in range(len(table.columns))]
    rows = []
    for row in table.rows:
        cells = "".join(
            f"<td{css}>{_cell_content(value, column.kind, lang)}</td>"
            for column, value, css in zip(table.columns, row, classes, strict=False)
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f"<table><thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    )


def _column_class(table: Table, index: int, lang: str) -> str:
    """Numbers and dates by kind; a name, an id or a short text is kept whole; a longer
    text wraps, but not narrower than a line people read."""
    column = table.columns[index]
    if column.kind != Kind.TEXT:
        return _cell_class(column.kind)
    if column.whole:
        return ' class="whole"'
    longest = max(
        (text_em(format_value(row[index], column.kind, lang)) for row in table.rows), default=0.0
    )
    return ' class="whole"' if longest <= WRAP_FROM else ' class="wrap"'


def _cell_class(kind: Kind) -> str:
    if kind in NUMERIC_KINDS:
        return ' class="num"'
    if kind == Kind.DATE:
        return ' class="date"'
    if kind == Kind.LIGHT:
        return ' class="whole"'
    return ""


def _cell_content(value: Value, kind: Kind, lang: str) -> str:
    if kind == Kind.LIGHT:
        if isinstance(value, str) and value in LIGHTS:
            # The label text stays inside the badge so black-and-white prints still read.
            return f'<span class="badge badge-{value}">{_e(format_value(value, kind, lang))}</span>'
        # format_value would reject an unknown light; show it as it is.
        return _e(MISSING if value is None or value == "" else str(value))
    return _e(format_value(value, kind, lang))


# --- SVG bar chart -------------------------------------------------------------------------

SVG_WIDTH = 720
LABEL_RIGHT = 212
PLOT_LEFT = 220
PLOT_RIGHT = 652  # leaves room for the value text after the longest bar
LABEL_SIZE = 12
VALUE_SIZE = 11
GROUP_GAP = 8
BAR_GAP = 2
LEGEND_HEIGHT = 22


def _chart(table: Table, chart: Chart, lang: str, labels: dict[str, str]) -> str:
    label_col = _column(table, chart.label_column)
    value_cols = [_column(table, key) for key in chart.value_columns]
    kind = table.columns[value_cols[0]].kind if value_cols else Kind.INT
    rows = table.rows[:CHART_MAX_ROWS]
    series = [table.columns[i] for i in value_cols]

    numbers = [v for row in rows for i in value_cols if isinstance(v := _at(row, i), int | float)]
    # Percents keep the full 0..100% scale so half-done never looks like done.
    high = max([*numbers, 1.0 if kind == Kind.PERCENT else 0.0])
    low = min([*numbers, 0.0])
    span = (high - low) or 1.0

    def x(value: float) -> float:
        return PLOT_LEFT + (value - low) / span * (PLOT_RIGHT - PLOT_LEFT)

    bar_h = 14 if len(series) == 1 else 10
    group_h = len(series) * bar_h + (len(series) - 1) * BAR_GAP
    top = (LEGEND_HEIGHT if len(series) > 1 else 0) + 6
    height = top + len(rows) * (group_h + GROUP_GAP) + 4

    out = [
        # No xmlns: the HTML parser puts inline <svg> in the SVG namespace by itself.
        f'<svg class="chart" viewBox="0 0 {SVG_WIDTH} {height}" width="100%" role="img" '
        f'font-family="{_e(FONT_STACK)}">',
        f"<title>{_e(chart.title)}</title>",
    ]
    if len(series) > 1:
        out.append(_legend(series))
    zero = x(0.0)
    out.append(
        f'<line x1="{zero:.1f}" y1="{top - 2}" x2="{zero:.1f}" y2="{height - 2}" '
        'stroke="#888" stroke-width="1"/>'
    )
    for r, row in enumerate(rows):
        y0 = top + r * (group_h + GROUP_GAP)
        label_column = table.columns[label_col]
        label = format_value(_at(row, label_col), label_column.kind, lang)
        shown = _fit(label, LABEL_RIGHT - 4, LABEL_SIZE)
        out.append(
            f'<text x="{LABEL_RIGHT}" y="{y0 + group_h / 2:.1f}" dy="0.35em" '
            f'text-anchor="end" font-size="{LABEL_SIZE}" fill="#1a1a1a">'
            f"<title>{_e(label)}</title>{_e(shown)}</text>"
        )
        for s, column_index in enumerate(value_cols):
            value = _at(row, column_index)
            y = y0 + s * (bar_h + BAR_GAP)
            text_x = zero + 4
            if isinstance(value, int | float):
                left, right = sorted((zero, x(value)))
                colour = SERIES_COLOURS[s % len(SERIES_COLOURS)]
                out.append(
                    f'<rect x="{left:.1f}" y="{y}" width="{right - left:.1f}" height="{bar_h}" '
                    f'fill="{colour}"/>'
                )
                text_x = max(right, zero) + 4
            out.append(
                f'<text x="{text_x:.1f}" y="{y + bar_h / 2:.1f}" dy="0.35em" '
                f'font-size="{VALUE_SIZE}" fill="#333">'
                f"{_e(format_value(value, kind, lang))}</text>"
            )
    out.append("</svg>")

    caption = _e(chart.title)
    if len(table.rows) > CHART_MAX_ROWS:
        more = labels["first_n"].format(n=CHART_MAX_ROWS, total=len(table.rows))
        caption += f"（{_e(more)}）" if lang == "zh" else f" ({_e(more)})"
    return f'<figure class="chart"><figcaption>{caption}</figcaption>' + "".join(out) + "</figure>"


def _legend(series: Sequence[Column]) -> str:
    out = []
    x = float(PLOT_LEFT)
    for s, column in enumerate(series):
        colour = SERIES_COLOURS[s % len(SERIES_COLOURS)]
        text = _fit(column.label, 180, LABEL_SIZE)
        out.append(
            f'<rect x="{x:.1f}" y="4" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16:.1f}" y="10" dy="0.35em" font-size="{LABEL_SIZE}" '
            f'fill="#1a1a1a">{_e(text)}</text>'
        )
        x += 16 + _text_width(text, LABEL_SIZE) + 20
    return "".join(out)


def _column(table: Table, key: str) -> int:
    for i, column in enumerate(table.columns):
        if column.key == key:
            return i
    raise ValueError(f"chart column {key!r} is not a column of table {table.key!r}")


def _at(row: Sequence[Value], index: int) -> Value:
    return row[index] if index < len(row) else None


def _text_width(text: str, size: int) -> float:
    """An estimate without font metrics: CJK glyphs are square, Latin ones about 0.6 wide."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.6 for c in text)


def _fit(text: str, width: float, size: int) -> str:
    """Shorten a label to `width` with an ellipsis; the full text stays in a <title>."""
    if _text_width(text, size) <= width:
        return text
    while text and _text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"

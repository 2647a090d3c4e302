"""How a table's columns share a printed page, for the formats that print (HTML, .docx):
how wide each column needs to be, and whether the table needs a landscape page.

Widths are in em of the table's font: a CJK character is 1 em, a Latin one about 0.55.
A column is never narrower than its label (which may break only before a bracket:
年度计划投资 / （万元）), nor than two CJK characters; names and ids (`Column.whole`),
numbers, dates and lights are never narrower than their longest value, so they never
break inside a word. Text such as an issue's title wraps within the rest.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from projledger.report.document import Kind, Table
from projledger.report.formatting import format_value

LATIN_EM = 0.55
NARROWEST = 2.0
"""Two CJK characters: no column is narrower (亮灯, 状态)."""
WRAP_FROM = 6.0
"""A text column that wraps keeps at least this width: a title is read in lines of six
characters or more."""
NATURAL_CAP = 22.0
"""A text column gets no more than this unless room is left over."""
SAFETY = 0.6
"""Added to unbreakable widths: fonts differ from the estimate (a PDF viewer, WPS, Word)."""

_LABEL_BREAK = re.compile(r"(?=[（(])| ")
_SPACE = re.compile(" ")


def text_em(text: str) -> float:
    """The width of `text` (its widest line) in em."""
    return max(
        (
            sum(1.0 if unicodedata.east_asian_width(c) in "WF" else LATIN_EM for c in line)
            for line in text.split("\n")
        ),
        default=0.0,
    )


def unbreakable_em(text: str) -> float:
    """The widest piece of `text` that may not break: a name breaks only at a space."""
    return max((text_em(piece) for piece in re.split(r"[ \n]", text)), default=0.0)


def label_em(label: str, *, brackets: bool = True) -> float:
    """The narrowest a column label can be set: it may break at a space (Days / overdue)
    and, with `brackets`, before a bracket (年度计划投资 / （万元）); never inside a word."""
    pattern = _LABEL_BREAK if brackets else _SPACE
    return max((text_em(piece) for piece in pattern.split(label)), default=0.0)


@dataclass(frozen=True, slots=True)
class Space:
    minimum: float
    natural: float


def column_spaces(table: Table, lang: str, *, label_brackets: bool = True) -> list[Space]:
    """What each column of `table` (as given: pass `table.for_print()`) needs;
    `label_brackets`: whether a label may break before a bracket."""
    spaces = []
    for index, column in enumerate(table.columns):
        # Each distinct text once: units, people and dates repeat down a column.
        texts = {format_value(row[index], column.kind, lang) for row in table.rows}
        longest = max((text_em(t) for t in texts), default=0.0)
        if column.whole or column.kind != Kind.TEXT:
            value = max((unbreakable_em(t) for t in texts), default=0.0) + SAFETY
        else:
            value = min(longest, WRAP_FROM)
        label = label_em(column.label, brackets=label_brackets)
        minimum = max(label + SAFETY, value, NARROWEST)
        natural = max(minimum, min(max(longest, text_em(column.label)), NATURAL_CAP))
        spaces.append(Space(minimum, natural))
    return spaces


def needs_landscape(spaces: Sequence[Space], portrait_em: float, cell_em: float) -> bool:
    """Whether the columns at their narrowest (with their cells' padding, `cell_em` each)
    are wider than a portrait page."""
    return sum(s.minimum + cell_em for s in spaces) > portrait_em


def orientations(
    tables: Sequence[Table], lang: str, portrait_em: float, cell_em: float
) -> list[bool]:
    """Landscape (True) or portrait for each table, in order. A table that fits a portrait
    page stays on the orientation of the one before it: a narrow or empty table between
    two wide ones would otherwise cost two page breaks."""
    out = []
    landscape = False
    for table in tables:
        shown = table.for_print()
        if shown.rows and needs_landscape(column_spaces(shown, lang), portrait_em, cell_em):
            landscape = True
        out.append(landscape)
    return out


def fit(spaces: Sequence[Space], width_em: float, cell_em: float) -> list[float]:
    """Column widths (without padding) within `width_em`: each column its natural width
    if they all fit (a narrow table stays narrow); else its minimum, and what is left
    shared by how much more each would take. If even the minimums do not fit, they are
    what is returned (the table is then wider than the page)."""
    room = width_em - cell_em * len(spaces)
    minimum = sum(s.minimum for s in spaces)
    natural = sum(s.natural for s in spaces)
    if room >= natural:
        return [s.natural for s in spaces]
    if room <= minimum:
        return [s.minimum for s in spaces]
    share = (room - minimum) / (natural - minimum)
    return [s.minimum + (s.natural - s.minimum) * share for s in spaces]

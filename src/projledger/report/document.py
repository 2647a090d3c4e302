"""A report as data: titled tables of typed values, in one language.

Every report (weekly, monthly, quarterly, project card, unit, overdue lists) is built as a
`Report` by `projledger.report.build_*`; every output format renders a `Report` without
computing anything (`projledger.report.render_*`). So all formats agree by construction,
and one figure has one computation.

Values are plain Python: `str`, `int`, `float`, `datetime.date` or `None` (shown as "—").
A column's `kind` says how to format them. Labels and titles are already in the report's
language; `key`s are stable English identifiers for JSON and machine readers.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

Value = str | int | float | dt.date | None


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    AMOUNT = "amount"
    """万元, shown with thousands separators and at most one decimal."""
    PERCENT = "percent"
    """A fraction (0.972), shown as 97.2%."""
    POINTS = "points"
    """Percentage points, signed (+13.8, -4.0)."""
    DATE = "date"
    LIGHT = "light"
    """"red", "yellow" or "green" (亮灯); shown as a coloured label."""


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    kind: Kind = Kind.TEXT
    terminal: bool = True
    """Shown in the terminal: False for detail columns (ids, original dates) that every
    file format keeps but that would make a terminal table too wide to read."""
    printed: bool = True
    """Shown in the formats people print and send (HTML, Markdown, .docx): False for ids
    and other details a reader of the printed page does not need (JSON, CSV and .xlsx
    keep every column)."""
    whole: bool = False
    """A name or an id, read as a whole: printed formats never break it inside a word
    (a person's name must not wrap one character per line)."""


@dataclass(frozen=True, slots=True)
class Chart:
    """A horizontal bar chart of one table: one bar per row, labelled by `label_column`,
    one series per `value_columns` entry (same kind, e.g. two percents)."""

    label_column: str
    value_columns: tuple[str, ...]
    title: str


@dataclass(slots=True)
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[Value]] = field(default_factory=list)
    note: str | None = None
    """A sentence under the title: how a figure is computed, or why the table is empty."""
    chart: Chart | None = None

    def column(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def for_terminal(self) -> "Table":
        """This table without its detail columns."""
        return self._keep([i for i, column in enumerate(self.columns) if column.terminal])

    def for_print(self) -> "Table":
        """This table with the columns a reader of the printed page needs."""
        return self._keep([i for i, column in enumerate(self.columns) if column.printed])

    def _keep(self, keep: list[int]) -> "Table":
        if len(keep) == len(self.columns):
            return self
        columns = [self.columns[i] for i in keep]
        chart = self.chart
        if chart is not None:
            kept = {column.key for column in columns}
            if not {chart.label_column, *chart.value_columns} <= kept:
                chart = None  # a chart of a column left out goes with it
        return Table(
            self.key,
            self.title,
            columns,
            [[row[i] for i in keep] for row in self.rows],
            self.note,
            chart,
        )


@dataclass(frozen=True, slots=True)
class Figure:
    """One headline number (项目总数, 投资完成率)."""

    key: str
    label: str
    value: Value
    kind: Kind


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the report's text (the words of a 通报 before its tables)."""

    text: str
    level: int = 0
    """0 body text; 1 a heading (一、总体情况); 2 a subheading (（一）分级别)."""


@dataclass(slots=True)
class Report:
    kind: str
    """weekly, monthly, quarterly, project, unit, overdue, due."""
    title: str
    organisation: str
    lang: str
    """zh or en: the language of every label and title."""
    period_start: dt.date | None
    period_end: dt.date | None
    as_of: dt.date
    """The report date: overdue and rates are computed as of this day."""
    source: str
    """Where the data came from: the commit id (and whether the work tree differed)."""
    invalid_files: list[str] = field(default_factory=list)
    """Project files left out because they have errors: unreadable, refused by the schema
    or by a rule of `check` (shown first)."""
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Sentences about the whole report (e.g. no git history for the issue flow)."""
    subtitle: str = ""
    """The period as an official writes it: 2026年第47周（11月16日—11月22日）, 2026年11月份."""
    narrative: list[Paragraph] = field(default_factory=list)
    """The text before the tables, written from the figures and tables above (a period
    report's 通报 sections); empty for lists and cards."""

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


JSON_FORMAT_VERSION = 1

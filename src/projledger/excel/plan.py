"""What an import will do, decided before anything is written: the files it changes or
makes (each checked as `check` would), the rows that fail and why, the units and people
it declares. `commit.py` then writes it as one commit, or `--dry-run` prints it."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from projledger.changes.new_ids import RandomBits
from projledger.errors import ProjledgerError
from projledger.excel.declare import Declared
from projledger.excel.mapping import Mapping
from projledger.excel.stage import RowRef, Staged
from projledger.excel.workbook import Sheet
from projledger.messages import Area, Lang, Renderable, composed, joined, msg

say = Area("excel")


@dataclass
class ImportOptions:
    today: dt.date
    random_bits: RandomBits
    defaults: dict[str, str] = field(default_factory=dict)
    mapping: Mapping = field(default_factory=Mapping)
    year: int | None = None
    declare: bool = False
    id_prefix: str = ""
    sheet: str | None = None
    lang: Lang = "en"
    """The language of what the import reports (the run's: the ledger's or --lang)."""

    def defaults_day(self, key: str, year: int) -> dt.date | None:
        """A day a default gives (issue.raised), in any form `parse_day` reads."""
        from projledger.dates import NotADayError, parse_day

        value = self.defaults.get(key)
        if value is None:
            return None
        try:
            return parse_day(value, year=year)
        except NotADayError as exc:
            raise ProjledgerError(
                msg("excel.default_day", field=key, value=value, error=exc.text(self.lang))
            ) from None


@dataclass
class Failure:
    sheet: str
    row: int
    """From 0."""
    reason: str
    first: tuple[str, int] | None = None
    """The sheet and row of the failure this one shares (a project's other rows, which
    fail with it): listed once on screen, each row in the failed-rows workbook."""


@dataclass
class Plan:
    source: str
    """The workbook's file name."""
    kind: str
    """台账 or 台账导出 (a ledger workbook)."""
    sheets: dict[str, Sheet] = field(default_factory=dict)
    header_rows: dict[str, list[int]] = field(default_factory=dict)
    """Each read sheet's header rows (from 0), for the failed-rows workbook."""
    staged: list[Staged] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: dict[str, list[RowRef]] = field(default_factory=dict)
    """blank / subtotal / section → rows."""
    imported_rows: int = 0
    declared: Declared | None = None
    declared_units: list[str] = field(default_factory=list)
    declared_people: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the user should know (columns not imported, the year assumed)."""
    lang: Lang = "en"
    """The language of the failures' reasons and the notes."""

    @property
    def changed(self) -> list[Staged]:
        return [s for s in self.staged if s.changed]

    def fail(self, rows: list[RowRef], reason: str) -> None:
        first = rows[0]
        self.failures.append(Failure(first.sheet, first.row, reason))
        same = say(self.lang, "same_project", reason=reason, sheet=first.sheet, row=first.row + 1)
        for ref in rows[1:]:
            self.failures.append(Failure(ref.sheet, ref.row, same, (first.sheet, first.row)))


def rows_of(rows: list[int]) -> str:
    """The catalogue key of a name followed by its rows: one row, or several."""
    return "row_of" if len(set(rows)) == 1 else "rows_of"


def row_numbers(rows: list[int]) -> Renderable:
    """Rows (from 0) as a sheet numbers them: the first five, and how many more."""
    shown = sorted({r + 1 for r in rows})
    more = [say.msg("more_rows", n=len(shown) - 5)] if len(shown) > 5 else []
    return joined(*[str(r) for r in shown[:5]], *more, between="names")


def with_rows(named: Iterable[tuple[str, list[int]]]) -> Renderable:
    """Names, each with its rows, for an error (said in the run's language)."""
    return joined(
        *(say.msg(rows_of(rows), what=name, rows=row_numbers(rows)) for name, rows in named),
        between="clauses",
    )


def refuse_unknown(kind: str, unknown: dict[str, list[int]], how: str) -> None:
    """Stop the import: names that resolve to no declaration, each with its rows. `kind`:
    units, people or leaders; `how`: the fix (excel.unknown.how.* in the catalogue)."""
    if not unknown:
        return
    listed = with_rows(sorted(unknown.items()))
    how_said = say.msg(f"unknown.how.{how}")
    raise ProjledgerError(composed(f"excel.unknown.{kind}", listed=listed, how=how_said))

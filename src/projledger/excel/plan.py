"""What an import will do, decided before anything is written: the files it changes or
makes (each checked as `check` would), the rows that fail and why, the units and people
it declares. `commit.py` then writes it as one commit, or `--dry-run` prints it."""

import datetime as dt
from dataclasses import dataclass, field

from projledger.changes.new_ids import RandomBits
from projledger.errors import ProjledgerError
from projledger.excel.declare import Declared
from projledger.excel.mapping import Mapping
from projledger.excel.stage import RowRef, Staged
from projledger.excel.workbook import Sheet


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

    def defaults_day(self, key: str, year: int) -> dt.date | None:
        """A day a default gives (issue.raised), in any form `parse_day` reads."""
        from projledger.dates import NotADayError, parse_day

        value = self.defaults.get(key)
        if value is None:
            return None
        try:
            return parse_day(value, year=year)
        except NotADayError as exc:
            raise ProjledgerError(f"--default {key}={value}: {exc}") from None


@dataclass
class Failure:
    sheet: str
    row: int
    """From 0."""
    reason: str


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

    @property
    def changed(self) -> list[Staged]:
        return [s for s in self.staged if s.changed]

    def fail(self, rows: list[RowRef], reason: str) -> None:
        for ref in rows:
            why = reason if ref == rows[0] else f"{reason} (same project as row {rows[0].row + 1})"
            self.failures.append(Failure(ref.sheet, ref.row, why))


def refuse_unknown(kind: str, unknown: dict[str, list[int]], how: str) -> None:
    """Stop the import: names that resolve to no declaration, each with its rows."""
    if not unknown:
        return
    listed = "; ".join(
        f"{name} (row{'s' if len(rows) > 1 else ''} {_rows(rows)})"
        for name, rows in sorted(unknown.items())
    )
    raise ProjledgerError(
        f"the sheet names {kind} projledger.yaml does not declare: {listed}; {how}"
    )


def _rows(rows: list[int]) -> str:
    shown = sorted({r + 1 for r in rows})
    text = ", ".join(str(r) for r in shown[:5])
    return text + (f" and {len(shown) - 5} more" if len(shown) > 5 else "")

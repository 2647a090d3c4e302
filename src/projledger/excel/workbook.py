"""Workbooks as grids of values: .xlsx and .xls through python-calamine, .csv through the
csv module. Every problem with the file itself is one ProjledgerError naming the file
(and the sheet), never a traceback.

python-calamine (Rust's calamine) reads .xlsx, .xlsm and .xls with one API, returns the
values formulas were saved with, gives the merged ranges of .xlsx and .xls, and reads a
2,000-row 台账 in milliseconds; openpyxl reads only .xlsx, and is tens of times slower.
"""

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from projledger.errors import ProjledgerError
from projledger.excel.xlsx_scan import MAX_SHEET_XML_BYTES, XmlTooBigError, scan_sheet, sheet_parts
from projledger.messages import Lang, msg, text
from projledger.store.input_files import refuse_non_regular

MAX_ROWS = 100_000
"""Rows a sheet may have (documented in the README): a 台账 of a province is a few
tens of thousands. A larger sheet is refused before it is loaded."""
MAX_FILE_BYTES = 256 << 20
MAX_COLUMNS = 1_000

Value = str | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None
"""A cell's value: text, a number, a date (None for an empty cell)."""

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")


@dataclass
class Sheet:
    file: Path
    name: str
    rows: list[list[Value]]
    """rows[0] is the sheet's row 1, and rows[r][0] its column A; all rows are as wide."""
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges: (first row, first column, last row, last column), from 0."""
    _wide: dict[int, list[tuple[int, int, int, int]]] | None = field(default=None, repr=False)

    def wide_merges(self, row: int) -> list[tuple[int, int, int, int]]:
        """The merges over more than one column that cover `row` (indexed once)."""
        if self._wide is None:
            self._wide = {}
            for merge in self.merged:
                r0, c0, r1, c1 = merge
                if c1 > c0:
                    for covered in range(r0, r1 + 1):
                        self._wide.setdefault(covered, []).append(merge)
        return self._wide.get(row, [])

    def where(self, row: int | None = None, lang: Lang = "en") -> str:
        """How messages name the sheet (and a row, counted from 0)."""
        if row is None:
            return text("excel.where.sheet", lang, file=self.file.name, sheet=self.name)
        return text("excel.where.row", lang, file=self.file.name, sheet=self.name, row=row + 1)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


@dataclass
class Workbook:
    path: Path
    sheet_names: list[str]
    _book: object | None = None

    def sheet(self, name: str) -> Sheet:
        if self.path.suffix.lower() == ".csv":
            return _csv_sheet(self.path)
        return _calamine_sheet(self.path, self._book, name)


def open_workbook(path: Path) -> Workbook:
    """The workbook at `path`, or one line saying why it cannot be read."""
    import python_calamine as calamine

    name = path.name
    if path.suffix.lower() not in SUFFIXES:
        raise ProjledgerError(msg("excel.file.not_workbook_name", file=name))
    refuse_non_regular(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(2048)
    except FileNotFoundError:
        raise ProjledgerError(msg("excel.file.not_found", file=path)) from None
    except PermissionError:
        raise ProjledgerError(msg("excel.file.no_permission", file=path)) from None
    except OSError as exc:
        raise ProjledgerError(
            msg("excel.file.cannot_read", file=path, reason=exc.strerror)
        ) from None
    if size == 0:
        raise ProjledgerError(msg("excel.file.empty", file=name))
    if size > MAX_FILE_BYTES:
        raise ProjledgerError(
            msg("excel.file.too_big", file=name, mb=size >> 20, limit=MAX_FILE_BYTES >> 20)
        )
    if path.suffix.lower() == ".csv":
        return Workbook(path, [path.stem])
    _refuse_what_is_no_workbook(path, head)
    if head.startswith(_ZIP):
        _scan_xlsx(path)
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise ProjledgerError(msg("excel.file.encrypted", file=name)) from None
    except (calamine.CalamineError, OSError, ValueError):
        raise ProjledgerError(msg("excel.file.unreadable", file=name)) from None
    names = [
        meta.name for meta in book.sheets_metadata if meta.typ == calamine.SheetTypeEnum.WorkSheet
    ]
    if not names:
        raise ProjledgerError(msg("excel.file.no_worksheet", file=name))
    return Workbook(path, names, book)


def _refuse_what_is_no_workbook(path: Path, head: bytes) -> None:
    name = path.name
    if head.startswith(_OLE):
        if path.suffix.lower() != ".xls" or _ENCRYPTED_MARK in _start_of(path):
            raise ProjledgerError(msg("excel.file.encrypted", file=name))
        return
    if head.startswith(_ZIP):
        return
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<html", b"<!doctype", b"<table", b"<?xml")):
        raise ProjledgerError(msg("excel.file.html", file=name))
    raise ProjledgerError(msg("excel.file.neither", file=name))


def _start_of(path: Path) -> bytes:
    with path.open("rb") as stream:
        return stream.read(1 << 20)


def _scan_xlsx(path: Path) -> None:
    """Refuse, before loading, a sheet past the row limit or with unsaved formula values."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = sheet_parts(archive)
            for sheet_name, member in parts.items():
                place = {"file": path.name, "sheet": sheet_name}
                try:
                    scan = scan_sheet(archive, member, MAX_ROWS)
                except KeyError:
                    continue  # a part the package names but lacks: calamine says so
                except XmlTooBigError as exc:
                    limit = MAX_SHEET_XML_BYTES >> 20
                    if exc.megabytes is None:
                        raise ProjledgerError(
                            msg("excel.file.xml_grows", **place, limit=limit)
                        ) from None
                    raise ProjledgerError(
                        msg("excel.file.xml_too_big", **place, mb=exc.megabytes, limit=limit)
                    ) from None
                if scan.rows > MAX_ROWS:
                    raise ProjledgerError(
                        msg("excel.file.too_many_rows", **place, limit=f"{MAX_ROWS:,}")
                    )
                if scan.formula_without_value is not None:
                    cell = scan.formula_without_value
                    raise ProjledgerError(msg("excel.file.formula", **place, cell=cell))
    except (zipfile.BadZipFile, KeyError, ParseError, OSError, EOFError):
        raise ProjledgerError(msg("excel.file.unreadable", file=path.name)) from None


def _calamine_sheet(path: Path, book: object, name: str) -> Sheet:
    import python_calamine as calamine

    assert isinstance(book, calamine.CalamineWorkbook)
    place = {"file": path.name, "sheet": name}
    try:
        sheet = book.get_sheet_by_name(name)
        if sheet.height > MAX_ROWS + 1:
            raise ProjledgerError(msg("excel.file.too_many_rows", **place, limit=f"{MAX_ROWS:,}"))
        if sheet.width > MAX_COLUMNS:
            raise ProjledgerError(
                msg("excel.file.too_many_columns", **place, width=sheet.width, limit=MAX_COLUMNS)
            )
        rows = [[_value(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
        merged = [(a[0], a[1], b[0], b[1]) for a, b in sheet.merged_cell_ranges or ()]
    except calamine.CalamineError as exc:
        raise ProjledgerError(msg("excel.file.sheet_error", **place, reason=exc)) from None
    rows = _squared(rows)
    _fill_merged(rows, merged)
    return Sheet(path, name, rows, merged)


def _fill_merged(rows: list[list[Value]], merged: list[tuple[int, int, int, int]]) -> None:
    """Every cell of a merged range holds the range's value, as a reader sees it: a
    project's name merged over its problems' rows belongs to each of them. Ranges are
    clipped to the sheet's cells (a hostile A1:XFD1048576 costs nothing)."""
    height = len(rows)
    width = len(rows[0]) if rows else 0
    for r0, c0, r1, c1 in merged:
        if r0 >= height or c0 >= width:
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, height - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, width - 1) + 1):
                row[c] = value


def _value(value: object) -> Value:
    if value == "" or value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str | float | bool | dt.date | dt.time | dt.timedelta):
        return value
    return str(value)


def _squared(rows: list[list[Value]]) -> list[list[Value]]:
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        if len(row) < width:
            row.extend([None] * (width - len(row)))
    return rows


def _csv_sheet(path: Path) -> Sheet:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any bytes
        raise ProjledgerError(msg("excel.file.csv_encoding", file=path.name))
    if "\0" in text[:4096]:
        raise ProjledgerError(msg("excel.file.csv_binary", file=path.name))
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",\t;")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Value]] = []
    for number, row in enumerate(_csv_rows(text, dialect), start=1):
        if number > MAX_ROWS:
            raise ProjledgerError(
                msg("excel.file.csv_too_many_rows", file=path.name, limit=f"{MAX_ROWS:,}")
            )
        if len(row) > MAX_COLUMNS:
            raise ProjledgerError(
                msg(
                    "excel.file.csv_too_many_columns", file=path.name, row=number, limit=MAX_COLUMNS
                )
            )
        rows.append([cell if cell.strip() else None for cell in row])
    return Sheet(path, path.stem, _squared(rows))


def _csv_rows(text: str, dialect: type[csv.Dialect] | csv.Dialect) -> Iterator[list[str]]:
    try:
        yield from csv.reader(io.StringIO(text, newline=""), dialect)
    except csv.Error as exc:
        raise ProjledgerError(msg("excel.file.csv_unreadable", reason=exc)) from None

"""A look inside an .xlsx before it is loaded: the zip is read as a stream, so a sheet of
a million rows (or a zip bomb) is refused after a bounded amount of work, and formulas
saved without their values are found (a loader would read them as empty cells).

Only the package's small parts are parsed as XML; a sheet's XML is scanned for the few
tags that matter (`</row>`, `<f>`, `<v>`), chunk by chunk.
"""

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.etree import ElementTree

CHUNK = 1 << 22
MAX_SHEET_XML_BYTES = 512 << 20
"""A sheet whose XML is larger than this (unpacked) is refused before it is read."""

_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")
# A formula whose saved value is text carries its type: an empty <v> is then "" (as
# =IF(D5=0,"",E5/D5) gives), not a value never computed.
_TYPED = re.compile(rb'\bt="(?:str|s|b|e|inlineStr)"')


@dataclass(frozen=True)
class SheetScan:
    rows: int
    """Rows with content, counted up to the limit (one more means: more than the limit)."""
    formula_without_value: str | None
    """The first cell holding a formula saved without its value (e.g. "E6"), if any."""


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name and the zip member holding its XML."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in relations.iter(f"{_PKG_REL_NS}Relationship")
    }
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{_MAIN_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        if not target:
            continue
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        parts[sheet.get("name", "")] = member
    return parts


class XmlTooBigError(Exception):
    """The sheet's XML is more than `MAX_SHEET_XML_BYTES` unpacked: `megabytes` as the zip
    declares it, or None when the declared size lied and reading found out."""

    def __init__(self, megabytes: int | None) -> None:
        super().__init__(megabytes)
        self.megabytes = megabytes


def scan_sheet(archive: zipfile.ZipFile, member: str, max_rows: int) -> SheetScan:
    """Count the sheet's rows (stopping past `max_rows`) and find a formula without value."""
    info = archive.getinfo(member)
    if info.file_size > MAX_SHEET_XML_BYTES:
        raise XmlTooBigError(info.file_size >> 20)
    rows = 0
    first_formula: str | None = None
    for piece in _whole_rows(archive, member):
        rows += len(_ROW_END.findall(piece))
        if first_formula is None and _FORMULA.search(piece):
            first_formula = _formula_without_value(piece)
        if rows > max_rows:
            break
    return SheetScan(rows, first_formula)


def _whole_rows(archive: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    """The XML in pieces that end after a `</row>` (the rest is carried to the next), so
    no row is cut in two."""
    carry = b""
    read = 0
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(CHUNK)
            read += len(chunk)
            if read > MAX_SHEET_XML_BYTES:  # the zip's declared size lied
                raise XmlTooBigError(None)
            if not chunk:
                if carry:
                    yield carry
                return
            data = carry + chunk
            cut = data.rfind(b"row>")
            if cut < 0:
                carry = data
                continue
            yield data[: cut + 4]
            carry = data[cut + 4 :]


def _formula_without_value(piece: bytes) -> str | None:
    for cell in _CELL.finditer(piece):
        body = cell[2] or b""
        if _FORMULA.search(body) and not _VALUE.search(body) and not _TYPED.search(cell[1]):
            ref = _REF.search(cell[1])
            return ref[1].decode() if ref else "?"
    return None

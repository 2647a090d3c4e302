"""What a workbook projledger wrote says about itself, in a sheet Excel shows to no one
(very hidden): its kind (ledger, unit), the format's version, and for a unit's workbook
the unit and the day it was made for. A 台账 from elsewhere has no such sheet."""

from dataclasses import dataclass, field
from typing import Any

from projledger.errors import ProjledgerError
from projledger.excel.workbook import Workbook
from projledger.messages import msg

SHEET = "_projledger"
VERSION = 1


@dataclass
class Meta:
    kind: str
    version: int
    values: dict[str, str] = field(default_factory=dict)


def write_meta(workbook: Any, kind: str, values: dict[str, str]) -> None:
    sheet = workbook.add_worksheet(SHEET)
    rows = {"kind": kind, "version": str(VERSION), **values}
    for row, (key, value) in enumerate(rows.items()):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    sheet.very_hidden()


def read_meta(workbook: Workbook) -> Meta | None:
    if SHEET not in workbook.sheet_names:
        return None
    sheet = workbook.sheet(SHEET)
    values = {
        str(row[0]): "" if row[1] is None else str(row[1])
        for row in sheet.rows
        if len(row) >= 2 and row[0] is not None
    }
    kind = values.pop("kind", "")
    try:
        version = int(values.pop("version", "0"))
    except ValueError:
        version = 0
    if kind not in ("ledger", "unit") or version != VERSION:
        raise ProjledgerError(
            msg(
                "excel.file.other_version",
                file=workbook.path.name,
                kind=kind or "?",
                version=version,
            )
        )
    return Meta(kind, version, values)

"""A mapping file (`import --mapping map.yaml`): how to read a 台账 whose layout the
synonyms do not cover. Every key is optional:

    sheet: 台账                      # which sheet (default: the first with a header)
    header_rows: [3, 4]              # the header's rows, counted from 1 (default: found)
    year: 2026                       # the year of 3月底 and of the investment figures
    amount_unit: 亿元                # amounts whose header names no unit (default 万元)
    columns:                         # header text or column letter → field (or ignore)
      项目建设单位: owner
      H: total
      形象进度: ignore
    values:                          # a field's values as the sheet writes them → the ledger's
      stage: {主体施工: 开工, 手续办理中: 前期研究}
      pool: {续建项目: 续建}
    defaults:                        # as --default KEY=VALUE (the command line wins)
      level: 区级
"""

from dataclasses import dataclass, field
from pathlib import Path

from projledger.errors import ProjledgerError
from projledger.excel.headers import FIELDS
from projledger.messages import composed, msg
from projledger.store.input_files import refuse_non_regular

AMOUNT_UNITS = ("万元", "亿元", "元")
DEFAULT_KEYS = (
    "level",
    "pool",
    "industry",
    "locality",
    "owner",
    "stage",
    "leader",
    "leader_unit",
    "nature",
    "issue.category",
    "issue.source",
    "issue.cause_side",
    "issue.raised",
)
"""What `--default KEY=VALUE` may give (README lists them)."""


@dataclass
class Mapping:
    sheet: str | None = None
    header_rows: list[int] | None = None
    """From 0."""
    year: int | None = None
    amount_unit: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)


def parse_defaults(pairs: list[str]) -> dict[str, str]:
    """`--default KEY=VALUE` options, checked."""
    defaults: dict[str, str] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        key = key.strip()
        if not equals or not value.strip():
            raise ProjledgerError(msg("excel.mapping.default_form", pair=pair))
        _known_default(key, f"--default {pair}")
        defaults[key] = value.strip()
    return defaults


def _known_default(key: str, where: str) -> None:
    if key not in DEFAULT_KEYS:
        raise ProjledgerError(
            msg("excel.mapping.default_key", where=where, field=key, keys=", ".join(DEFAULT_KEYS))
        )


def load_mapping(path: Path) -> Mapping:
    from projledger.store.reader import read_yaml

    where = path.name
    refuse_non_regular(path, "--mapping ")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProjledgerError(
            msg("excel.mapping.cannot_read", path=path, reason=exc.strerror)
        ) from None
    read = read_yaml(raw, str(path))
    if read.findings or not read.parsed:
        first = read.findings[0] if read.findings else None
        if first is None:
            raise ProjledgerError(msg("excel.mapping.unreadable", where=where))
        raise ProjledgerError(
            composed("excel.mapping.unreadable_at", where=where, line=first.line, detail=first)
        )
    data = read.data or {}
    if not isinstance(data, dict):
        raise ProjledgerError(msg("excel.mapping.not_mapping", where=where))
    unknown = set(data) - {
        "sheet",
        "header_rows",
        "year",
        "amount_unit",
        "columns",
        "values",
        "defaults",
    }
    if unknown:
        first = sorted(unknown)[0]
        raise ProjledgerError(msg("excel.mapping.unknown_key", where=where, field=first))
    mapping = Mapping()
    if data.get("sheet") is not None:
        mapping.sheet = str(data["sheet"])
    rows = data.get("header_rows")
    if rows is not None:
        if (
            not isinstance(rows, list)
            or not rows
            or not all(isinstance(r, int) and r >= 1 for r in rows)
        ):
            raise ProjledgerError(msg("excel.mapping.header_rows", where=where))
        mapping.header_rows = [r - 1 for r in sorted(rows)]
    if data.get("year") is not None:
        if not isinstance(data["year"], int):
            raise ProjledgerError(msg("excel.mapping.year", where=where))
        mapping.year = data["year"]
    unit = data.get("amount_unit")
    if unit is not None:
        if unit not in AMOUNT_UNITS:
            raise ProjledgerError(
                msg("excel.mapping.amount_unit", where=where, units="、".join(AMOUNT_UNITS))
            )
        mapping.amount_unit = str(unit)
    mapping.columns = _strings(data.get("columns"), where, "columns")
    for header, name in mapping.columns.items():
        if name not in FIELDS and name != "ignore":
            raise ProjledgerError(
                msg(
                    "excel.mapping.column_field",
                    where=where,
                    header=header,
                    name=name,
                    fields=", ".join(sorted(FIELDS)),
                )
            )
    values = data.get("values") or {}
    if not isinstance(values, dict):
        raise ProjledgerError(msg("excel.mapping.values", where=where))
    for name, table in values.items():
        if name not in FIELDS:
            raise ProjledgerError(msg("excel.mapping.values_field", where=where, name=name))
        mapping.values[str(name)] = _strings(table, where, f"values: {name}")
    mapping.defaults = _strings(data.get("defaults"), where, "defaults")
    for key in mapping.defaults:
        _known_default(key, f"{where}: defaults")
    return mapping


def _strings(value: object, where: str, what: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ProjledgerError(msg("excel.mapping.strings", where=where, what=what))
    return {str(k).strip(): str(v).strip() for k, v in value.items()}

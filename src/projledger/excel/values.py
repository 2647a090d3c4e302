"""Cell values as the ledger holds them: text cleaned for YAML, amounts in 万元 (exact:
Decimal, never float arithmetic), days in every form sheets write, lists of problems and
of names. A value that cannot be read raises CellError, whose message the failed-rows
workbook shows."""

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from projledger.dates import NotADayError, day_from_excel_serial, parse_day
from projledger.excel.workbook import Value
from projledger.messages import Lang, Message, msg


class CellError(ValueError):
    """A cell's value cannot be read as what its column holds. Raised with a `Message`:
    `text(lang)` is it in the import's language, `str()` its English."""

    def text(self, lang: Lang) -> str:
        first = self.args[0] if self.args else ""
        return first.render(lang) if isinstance(first, Message) else str(first)


# Characters a ledger file may not hold (store/reader.py refuses them): control
# characters, NEL and the Unicode line and paragraph separators.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
EMPTY_MARKS = frozenset({"无", "暂无", "没有", "无问题", "暂无问题", "-", "—", "/", "／", "无。"})
"""What sheets write in a cell that has nothing to say."""


def text(value: Value) -> str | None:
    """A cell as text: trimmed, CR and control characters gone; a number as written
    (2024.0 is 2024); a date as YYYY-MM-DD. None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        shown = str(Decimal(repr(value)).normalize())
        return shown if "E" not in shown else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    cleaned = str(value).replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _NOT_TEXT.sub(" ", cleaned).replace("\u3000", " ")
    cleaned = "\n".join(line.strip() for line in cleaned.strip().split("\n"))
    return cleaned or None


def one_line(value: Value) -> str | None:
    """Text on one line (a name, a unit): inner line breaks become nothing."""
    shown = text(value)
    return None if shown is None else re.sub(r"\s*\n\s*", "", shown)


FACTORS = {"万元": Decimal(1), "亿元": Decimal(10000), "元": Decimal("0.0001")}
_AMOUNT = re.compile(r"([-+]?\d+(?:\.\d+)?)\s*(亿元|万元|亿|万|元)?")


def amount(value: Value, unit: str) -> Decimal:
    """An amount in 万元; `unit` is the column's (万元, 亿元, 元). A cell may name its
    own unit (1.2亿元, 3500万): that one counts."""
    if isinstance(value, bool):
        raise CellError(msg("excel.cell.not_amount", value=value))
    if isinstance(value, int | float):
        number = Decimal(repr(float(value)))
        cell_unit = unit
    else:
        shown = one_line(value)
        if shown is None:
            raise CellError(msg("excel.cell.no_amount"))
        folded = unicodedata.normalize("NFKC", shown).replace(",", "").replace(" ", "")
        folded = folded.removeprefix("约").removeprefix("≈")
        match = _AMOUNT.fullmatch(folded)
        if match is None:
            raise CellError(msg("excel.cell.not_amount", value=shown))
        number = Decimal(match[1])
        cell_unit = {"亿": "亿元", "万": "万元"}.get(match[2] or "", match[2] or unit)
    if number < 0:
        raise CellError(msg("excel.cell.negative", value=number))
    try:
        return (number * FACTORS[cell_unit]).normalize()
    except InvalidOperation:  # pragma: no cover - Decimal of a float or a match is valid
        raise CellError(msg("excel.cell.not_amount", value=value)) from None


def yaml_number(value: Decimal) -> int | float:
    """As a file writes it: 12000, not 12000.0; 1234.5 as the float of that text."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def day(value: Value, year: int | None) -> dt.date:
    """A day: a date cell, an Excel serial number, or text in any form `parse_day`
    reads (3月底 relative to `year`)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        if isinstance(value, float):
            return _day_number(value)
        shown = one_line(value)
        if shown is None:
            raise CellError(msg("excel.cell.no_date"))
        folded = unicodedata.normalize("NFKC", shown)
        if re.fullmatch(r"\d{5}(\.\d+)?", folded):  # a serial stored as text
            return day_from_excel_serial(float(folded))
        return parse_day(folded, year=year)
    except NotADayError as exc:
        raise CellError(*exc.args) from None


def _day_number(value: float) -> dt.date:
    """Excel keeps a typed `2026.3` as the number 2026.3: year and month. Numbers from
    1990 to 2100 are read so (a serial there would be 1905); others are serials."""
    if 1990 <= value < 2100:
        digits = repr(value).split(".")[1] if "." in repr(value) else ""
        if len(digits) == 2 and 1 <= int(digits) <= 12:
            return parse_day(f"{int(value)}年{int(digits)}月")
        if len(digits) == 1 and digits != "0":
            if digits == "1":
                raise NotADayError(msg("excel.cell.january_or_october", value=value))
            return parse_day(f"{int(value)}年{digits}月")
        raise NotADayError(msg("excel.cell.not_date", value=value))
    return day_from_excel_serial(value)


# 1. 1、 1) (1) （1） 一、 at the start of the cell or after a line break or a stop; after a
# comma only when no digit follows (投资，2.5亿元 is no list); ① ② anywhere.
_MARK = r"(?:\d{1,2}\s*[.、．)）]|[(（]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、)"
_NUMBERED = re.compile(rf"(?:(?:^|(?<=[\n；;。:：]))\s*{_MARK}|(?<=[，,])\s*{_MARK}(?!\d)|[①-⑳])")


def split_items(value: str) -> list[str]:
    """A cell listing several problems ("1.…；2.…", one per line) as one text each;
    an empty-meaning cell (无, 暂无, -) as none."""
    cleaned = value.strip()
    if cleaned in EMPTY_MARKS:
        return []
    marks = list(_NUMBERED.finditer(cleaned))
    if len(marks) >= 2:
        starts = [m.end() for m in marks]
        ends = [m.start() for m in marks[1:]] + [len(cleaned)]
        parts = [cleaned[s:e] for s, e in zip(starts, ends, strict=True)]
        head = cleaned[: marks[0].start()].strip()
        # "主要问题：1.…2.…": a lead-in ending in a colon introduces them; other text
        # before the first number is a problem of its own.
        if head and not head.endswith((":", "：")):
            parts.insert(0, head)
    elif "\n" in cleaned:
        parts = cleaned.split("\n")
    else:
        parts = [_NUMBERED.sub("", cleaned, count=1)] if marks else [cleaned]
    return [p for p in (_trim(part) for part in parts) if p]


def _trim(part: str) -> str:
    return re.sub(r"\s+", " ", part).strip().strip("；;。，,、 ")


_TITLE = re.compile(r"[(（][^)）]*[)）]")
_PHONE = re.compile(r"\d[\d\- ]{6,}\d")


def names(value: Value) -> list[str]:
    """The names in a cell: 张伟、李明 / 张伟（主任）13800000000 / 区发改局,区住建局."""
    shown = text(value)
    if shown is None or shown in EMPTY_MARKS:
        return []
    cleaned = _PHONE.sub(" ", _TITLE.sub(" ", unicodedata.normalize("NFKC", shown)))
    found = [name for chunk in re.split(r"[、,，;；/\n]+", cleaned) for name in _spaced(chunk)]
    return [name for name in dict.fromkeys(found) if name]


def _spaced(chunk: str) -> list[str]:
    """Names a space separates (张伟 李明), or one name spaced out to the width of a
    three-character one, as 台账 align them (韩  雪, 欧阳 明): no name is one character."""
    parts = chunk.split()
    if any(len(part) == 1 for part in parts):
        return ["".join(parts)]
    return parts

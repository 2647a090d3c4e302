"""Whether the fast reader (yaml-rs) may read a text: it may unless the text holds a YAML
construct on which it and the exact reader (ruamel.yaml) could disagree.

The constructs are looked for where YAML would read them, not wherever their characters
occur: `&`, `*` and `!` only where a node starts (after indentation, `- `, `? `, `: `, or
`[`, `{`, `,`), so `R&D`, `A&B公司`, `3*5米`, `完成!` or `# R&D中心` in a comment never send a
file to the slow reader. Each pattern begins with a literal character, so the regex engine
skips to its candidates instead of trying every position. A text that matches nothing is
read by yaml-rs; tests/test_reader_agreement.py pins that the two readers then agree.

The patterns over-approximate (a block scalar line that starts with `*` is read exactly,
and gives the same data): they may send an unusual text to the exact reader, never let a
disagreeing one through.
"""

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from projledger.messages import Message, msg


class Blocker(NamedTuple):
    """Why a text is read by the exact reader: what was found, and at which offset."""

    what: str
    """The construct, as a catalogue term (`term.exact.<what>`)."""
    offset: int

    def describe(self, text: str) -> Message:
        line = text.count("\n", 0, self.offset) + 1
        return msg("exact_reason.construct", what=f"exact.{self.what}", line=line)


# A number with more digits than Python converts (sys.get_int_max_str_digits(): 4,300 by
# default): an int to yaml-rs, an error to ruamel.yaml. Only a text this long can hold one.
LONGEST_NUMBER = 4300
_LONG_NUMBER = re.compile(rf"\d{{{LONGEST_NUMBER + 1}}}")
# `<<` as a whole scalar: a merge key (or a merge-tagged value) to ruamel.yaml, the text
# "<<" to yaml-rs. `<<关于...>>` in a note is text to both.
_MERGE_KEY = re.compile(r"(?m)<<[ \t]*(?:['\"][ \t]*)?(?::|$|[,\]}#])")
# Date-like scalars the two readers type differently: a date with a time of day (with or
# without seconds, after one or more spaces), and dates that do not exist (yaml-rs keeps
# them as text, ruamel.yaml refuses them). Matches start at the dash after the year; the
# year itself, and day 29 of February, are checked in Python (`_impossible_date`).
_DATE_TIME = re.compile(r"-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d")
_MAYBE_IMPOSSIBLE_DATE = re.compile(
    r"-(?:"
    r"(?:0?0|1[3-9]|[2-9]\d)-\d\d?"  # month 00 or 13-99
    r"|\d\d?-(?:0?0|3[2-9]|[4-9]\d)"  # day 00 or 32-99
    r"|0?2-(?:29|3[01])|0?[469]-31|11-31"  # a day past the month's end
    r")(?!\d)"
)
# A quoted date ('2026-11-20'): yaml-rs reads it as a date, ruamel.yaml (rightly) as text.
# One pattern per quote, so each starts with a literal.
_QUOTED_DATES = (
    re.compile(r"'[ \t]*\d{4}-\d\d?-\d\d?"),
    re.compile(r'"[ \t]*\d{4}-\d\d?-\d\d?'),
)
# A time of day (12:30:00): a time to yaml-rs, text to ruamel.yaml.
_TIME = re.compile(r":\d\d:\d")
# Numbers yaml-rs reads and ruamel.yaml keeps as text: a leading underscore (`_1`), an
# underscore in an exponent (`1e1_0`), a float that starts with its point (`.5e3`).
_UNDERSCORE_NUMBER = re.compile(r"_\d")
_POINT_EXPONENT = re.compile(r"\.\d+[eE]")


def exact_reader_needed(text: str) -> Blocker | None:
    """The first construct that needs the exact reader, or None when yaml-rs may read."""
    for what, find in _CONSTRUCTS:
        offset = find(text)
        if offset is not None:
            return Blocker(what, offset)
    return None


def _document_marker(text: str) -> int | None:
    if text.startswith(("---", "...", "%")):
        return 0
    offsets = [text.find(marker) for marker in ("\n---", "\n...", "\n%")]
    found = [offset + 1 for offset in offsets if offset >= 0]
    return min(found) if found else None


def _node_property(text: str) -> int | None:
    return _at_node_start(text, "&*!")


def _flow_block_indicator(text: str) -> int | None:
    return _at_node_start(text, "|>", after="[{,")


def _long_number(text: str) -> int | None:
    return _first(_LONG_NUMBER, text) if len(text) > LONGEST_NUMBER else None


def _merge_key(text: str) -> int | None:
    return _first(_MERGE_KEY, text) if "<<" in text else None


def _quoted_date(text: str) -> int | None:
    found = [offset for p in _QUOTED_DATES if (offset := _first(p, text)) is not None]
    return min(found) if found else None


def _date_with_time(text: str) -> int | None:
    return _first(_DATE_TIME, text)


def _date_that_does_not_exist(text: str) -> int | None:
    for match in _MAYBE_IMPOSSIBLE_DATE.finditer(text):
        if _impossible_date(text, match.start(), match.end()):
            return match.start()
    return None


def _number_typed_differently(text: str) -> int | None:
    found = [_first(pattern, text) for pattern in (_TIME, _UNDERSCORE_NUMBER, _POINT_EXPONENT)]
    offsets = [offset for offset in found if offset is not None]
    return min(offsets) if offsets else None


def _first(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    return None if match is None else match.start()


_CONSTRUCTS: tuple[tuple[str, Callable[[str], int | None]], ...] = (
    ("document_marker", _document_marker),
    ("node_property", _node_property),
    ("flow_block_indicator", _flow_block_indicator),
    ("long_number", _long_number),
    ("merge_key", _merge_key),
    ("date_with_time", _date_with_time),
    ("quoted_date", _quoted_date),
    ("date_that_does_not_exist", _date_that_does_not_exist),
    ("number_typed_differently", _number_typed_differently),
)


def _at_node_start(text: str, indicators: str, after: str = ":,[{\n") -> int | None:
    """The offset of the first of `indicators` that stands where a node starts: after
    `after` (or the start of a line, or a `- ` / `? ` entry) and blanks. The indicators are
    rare in ledger text, so each occurrence is looked at, not every position."""
    for indicator in indicators:
        offset = text.find(indicator)
        while offset >= 0:
            before = offset - 1
            while before >= 0 and text[before] in " \t":
                before -= 1
            if before < 0 and "\n" in after:
                return offset
            if before >= 0 and text[before] in after:
                return offset
            if (
                "\n" in after
                and before >= 0
                and text[before] in "-?"
                and before < offset - 1
                and (before == 0 or text[before - 1] in " \t\n")
            ):
                return offset  # after a `- ` or `? ` entry indicator
            offset = text.find(indicator, offset + 1)
    return None


def _impossible_date(text: str, dash: int, end: int) -> bool:
    """Whether `text[dash - 4:end]` is a YYYY-M-D scalar that names no day (a candidate
    preceded by other than a lone four-digit year, like a national code's `-31-03`, is not
    a date at all, and reads the same in both readers)."""
    start = dash - 4
    year = text[start:dash]
    if start < 0 or not year.isdigit() or not year.isascii():
        return False
    if start > 0 and text[start - 1].isdigit():
        return False
    month, day = text[dash + 1 : end].split("-")
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return True
    return False

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
from typing import NamedTuple


class Blocker(NamedTuple):
    """Why a text is read by the exact reader: what was found, and at which offset."""

    what: str
    offset: int

    def describe(self, text: str) -> str:
        return f"{self.what} at line {text.count(chr(10), 0, self.offset) + 1}"


# A node property (anchor `&a`, alias `*a`, tag `!t`) where a node can start.
_NODE_PROPERTY = re.compile(r"(?m)(?:^[ \t]*(?:[-?:][ \t]+)*|[:,\[{][ \t]*)[&*!]")
# A number with more digits than Python converts (sys.get_int_max_str_digits(): 4,300 by
# default): an int to yaml-rs, an error to ruamel.yaml. Only a text this long can hold one.
LONGEST_NUMBER = 4300
_LONG_NUMBER = re.compile(r"\d{%d}" % (LONGEST_NUMBER + 1))
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
# A time of day (12:30:00): a time to yaml-rs, text to ruamel.yaml.
_TIME = re.compile(r":\d\d:\d")
# Numbers yaml-rs reads and ruamel.yaml keeps as text: a leading underscore (`_1`), an
# underscore in an exponent (`1e1_0`), a float that starts with its point (`.5e3`).
_UNDERSCORE_NUMBER = re.compile(r"_\d")
_POINT_EXPONENT = re.compile(r"\.\d+[eE]")


def exact_reader_needed(text: str) -> Blocker | None:
    """The first construct that needs the exact reader, or None when yaml-rs may read."""
    if text.startswith(("---", "...", "%")):
        return Blocker("a document marker or directive", 0)
    for marker in ("\n---", "\n...", "\n%"):
        offset = text.find(marker)
        if offset >= 0:
            return Blocker("a document marker or directive", offset + 1)
    if "&" in text or "*" in text or "!" in text:
        match = _NODE_PROPERTY.search(text)
        if match:
            return Blocker("an anchor, alias or tag", match.end() - 1)
    offset = _flow_block_indicator(text)
    if offset is not None:
        return Blocker("a block scalar indicator in [ ] or { }", offset)
    if len(text) > LONGEST_NUMBER:
        match = _LONG_NUMBER.search(text)
        if match:
            return Blocker(f"a number of more than {LONGEST_NUMBER} digits", match.start())
    if "<<" in text:
        match = _MERGE_KEY.search(text)
        if match:
            return Blocker("a merge key", match.start())
    match = _DATE_TIME.search(text)
    if match:
        return Blocker("a date with a time of day", match.start())
    for match in _MAYBE_IMPOSSIBLE_DATE.finditer(text):
        if _impossible_date(text, match.start(), match.end()):
            return Blocker("a date that does not exist", match.start())
    match = _TIME.search(text) or _UNDERSCORE_NUMBER.search(text)
    match = match or _POINT_EXPONENT.search(text)
    if match:
        return Blocker("a number or time in a form the readers type differently", match.start())
    return None


def _flow_block_indicator(text: str) -> int | None:
    """The offset of a `|` or `>` that starts a scalar after `[`, `{` or `,`: text to
    yaml-rs, an error to ruamel.yaml. Both characters are rare in ledger text, so each
    occurrence is looked at rather than every `[`, `{` and `,` (flow mappings are common)."""
    for indicator in "|>":
        offset = text.find(indicator)
        while offset >= 0:
            before = offset - 1
            while before >= 0 and text[before] in " \t":
                before -= 1
            if before >= 0 and text[before] in "[{,":
                return offset
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

"""The form every declared name must have (a unit, its short and former names, a person,
a title, a stage, the organisation): one line of printable text, not blank, without
spaces around it, and of a length a name can have. A name is echoed in terminals,
tables, reports and commit subjects: a line break would split a commit's subject, ESC
or BEL would drive the terminal, U+202E would show the text reversed, and a name
differing from another only in invisible characters would split a ranking.

The one rule, applied by `check` to projledger.yaml (check/config_rules.py), so every
command that declares a name (`unit add|rename`, `person add|move`, an import's
`--declare`) is refused what `check` would reject.
"""

import unicodedata

MAX_NAME_CHARS = 100
"""Longer than any unit's, person's or stage's name (济南市自然资源和规划局莱芜分局 is
15); a 10,000-character name is a paste gone wrong."""

# Unicode categories no name may hold: controls, format characters (zero-width space,
# the bidirectional overrides, a BOM), line and paragraph separators, surrogates. Private
# use stays allowed (offices map rare characters of people's names there), and so do
# code points this Python's Unicode does not know yet.
_FORBIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def name_problem(name: str) -> tuple[str, dict[str, str]] | None:
    """What is wrong with a declared name's form, as (problem, arguments), or None.
    Problems: `blank`, `control` (with `char`, like U+202E), `spaces`, `long` (with
    `length` and `max`)."""
    if not name.strip():
        return "blank", {}
    hidden = hidden_char(name)
    if hidden is not None:
        return "control", {"char": code_point(hidden)}
    if name != name.strip():
        return "spaces", {}
    if len(name) > MAX_NAME_CHARS:
        return "long", {"length": str(len(name)), "max": str(MAX_NAME_CHARS)}
    return None


def hidden_char(text: str, allowed: str = "") -> str | None:
    """The first character of `text` no name may hold (but those in `allowed`: a line
    break in a description), or None. Any text a change writes is held to it too
    (changes/one_line.py)."""
    if text.isprintable():  # the usual case, at C speed (spaces are printable)
        return None
    for char in text:
        if char not in allowed and unicodedata.category(char) in _FORBIDDEN:
            return char
    return None


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def visible(name: str, limit: int = 40) -> str:
    """A name as a message may show it: every character a name may not hold written as
    \\uXXXX, and a long one cut to `limit` characters."""
    shown = "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in _FORBIDDEN else c for c in name
    )
    return shown if len(shown) <= limit else shown[:limit] + "…"

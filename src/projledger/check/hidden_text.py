"""Control and invisible characters in a file's values (ESC, BEL, U+202E, a zero-width
space): a change command refuses to write them (changes/one_line.py), so `check`
reports one a hand edit wrote. Raw control characters already stop the reader (PL007);
these came in as double-quoted escapes (`"\\e[31m"`, `"\\u202e"`) or as raw format
characters, which YAML allows."""

import re
from collections.abc import Iterator
from typing import Any

from projledger.findings import Finding, display_loc
from projledger.messages import msg
from projledger.model.name_form import code_point, hidden_char, visible

# A line break (CR too) is text's own (a description; a one-line field's is the change
# commands' refusal, changes/one_line.py); a tab shows as a space and does no harm.
_ALLOWED = "\n\r\t"
# The double-quoted escapes that write a character no value may hold (\0 \a \b \v \f \e
# \N \L \P, and any \x \u \U). A backslash elsewhere (a Windows path in a note, D:\资料)
# is text, and does not send the file to the walk over its values.
_ESCAPE = re.compile(r"\\[0abvfeNLPxuU]")


def hidden_characters(text: str, data: Any, file: str) -> list[Finding]:
    """A finding for each value holding such a character, at its field."""
    if _ESCAPE.search(text) is None and text.replace("\n", "").replace("\t", "").isprintable():
        return []  # the usual file: no such escape, nothing hidden, checked at C speed
    return [
        Finding.of(
            "PL007",
            msg(
                "PL007.hidden_in_value",
                field=display_loc(loc),
                char=code_point(char),
                value=visible(value),
            ),
            file,
            loc,
        )
        for loc, value, char in _hidden(data, ())
    ]


def _hidden(
    data: Any, loc: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    if isinstance(data, str):
        char = hidden_char(data, _ALLOWED)
        if char is not None:
            yield loc, data, char
    elif isinstance(data, dict):
        for key, value in data.items():
            key_loc = (*loc, str(key))
            if isinstance(key, str):
                yield from _hidden(key, key_loc)
            yield from _hidden(value, key_loc)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _hidden(value, (*loc, index))

"""One-line fields stay one line: a title, a reason, a note, a name is one line (it is
shown in lists and tables, and becomes the subject of the change's commit). Only the few
fields meant for longer text may hold line breaks. Checked on what a change writes, so
every command and every field is covered at once."""

import re
from collections.abc import Iterator

from projledger.errors import ProjledgerError
from projledger.history.diff import diff_project
from projledger.history.values import DATE_MARK, TIME_MARK, Json
from projledger.messages import msg

MULTI_LINE = frozenset({"description", "measures", "explanation"})
"""The fields that may hold several lines (建设内容, 问题描述, 措施, 办理情况)."""

LINE_BREAK = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""What Python's str.splitlines() (and so git, editors and terminals) breaks a line at."""


def refuse_line_breaks(before: Json, after: Json) -> None:
    """Refuse a change that writes a line break into a one-line field (values it does not
    touch are left to `check`)."""
    written: list[tuple[str | None, str, Json]]
    if before is None:  # a new file: all of it
        written = [(None, "", after)]
    else:
        written = [
            (c.item, c.field, c.new) for c in diff_project(before, after) if c.new is not None
        ]
    for item, field, value in written:
        for name, text in _texts(_field_name(field), value):
            _refuse_hidden(item, name, text)
            if name not in MULTI_LINE and LINE_BREAK.search(text):
                key = "refuse.line_break.item" if item else "refuse.line_break"
                shown = text.splitlines()[0] if text.splitlines() else ""
                raise ProjledgerError(msg(key, item=item or "", name=name, shown=shown))


def _refuse_hidden(item: str | None, name: str, text: str) -> None:
    """Text holds no control or invisible character (ESC, BEL, U+202E, a zero-width
    space): shown in a terminal, a report or a commit's subject it would drive the
    terminal, or read otherwise than it is. The rule of declared names (name_form.py);
    line breaks are judged below, and a description may hold them and tabs."""
    from projledger.model.name_form import code_point, hidden_char, visible

    if text.startswith((DATE_MARK, TIME_MARK)):
        return  # a date or time, as history encodes it
    hidden = hidden_char(text, "\n\r\t" if name in MULTI_LINE else "\n\r")
    if hidden is not None:
        where = f"{item} {name}" if item else name
        raise ProjledgerError(
            msg("text.hidden_char", field=where, value=visible(text), char=code_point(hidden))
        )


def _field_name(path: str) -> str:
    """`investment.completed_this_year` → completed_this_year; `progress[2]` → progress."""
    return path.rpartition(".")[2].partition("[")[0]


def _texts(name: str, value: Json) -> Iterator[tuple[str, str]]:
    """Every text in a value, with the name of the field that holds it."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(str(key), item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(name, item)

"""Merge conflicts recorded in a ledger file itself, as comment lines.

When both sides of a merge changed one field to different values, the merge driver
(`projledger.sync`) keeps ours' value and records the conflict on a line of its own after
the schema header:

    # projledger-conflict: {field: "I-4M8K2P.unit", ours: "高庄街道办事处", theirs: "区住建局"}

A comment keeps the file valid YAML for every reader and editor, travels with the file
through commits and later merges, and needs no schema change; `check` reports each line
as PL019, naming the field, both values and the command that settles it. The mapping after
the prefix is YAML flow (strings JSON-quoted, dates plain), so `theirs` reads back with its
type and `projledger resolve --take theirs` can write it. A side that has no value (the
item was removed there) has no key.
"""

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from projledger.findings import Finding
from projledger.messages import msg

PREFIX = "# projledger-conflict: "
HEADER_START = "# yaml-language-server:"


class _Absent:
    """A side without a value (the item or key was removed there)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


@dataclass(frozen=True)
class ConflictMark:
    field: str
    ours: Any
    theirs: Any
    line: int = 0
    """1-based line of the mark in its file; 0 for a mark not yet written."""

    def text(self) -> str:
        """The comment line, without its line end."""
        parts = [f"field: {json.dumps(self.field, ensure_ascii=False)}"]
        for side, value in (("ours", self.ours), ("theirs", self.theirs)):
            if value is not ABSENT:
                parts.append(f"{side}: {flow(value)}")
        return PREFIX + "{" + ", ".join(parts) + "}"


def flow(value: Any) -> str:
    """`value` as one line of YAML flow that reads back as the same value and type."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{flow(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    text = value.isoformat() if isinstance(value, dt.datetime) else str(value)
    return json.dumps(text, ensure_ascii=False)


def shown(value: Any) -> str:
    """A value as a finding shows it: text as it is, anything else as YAML flow."""
    if isinstance(value, str) and value and "\n" not in value:
        return value
    return flow(value)


def find_marks(text: str) -> list[ConflictMark]:
    """The marks in a file's text, in order; a line that does not read as one is skipped
    (it is a comment like any other)."""
    if PREFIX not in text:
        return []
    marks = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(PREFIX):
            mark = _parse(line[len(PREFIX) :], number)
            if mark is not None:
                marks.append(mark)
    return marks


def _parse(body: str, line: int) -> ConflictMark | None:
    from projledger.store.reader import read_yaml

    read = read_yaml(body.encode("utf-8"), "mark")
    data = read.data
    if read.findings or not isinstance(data, dict) or not isinstance(data.get("field"), str):
        return None
    return ConflictMark(data["field"], data.get("ours", ABSENT), data.get("theirs", ABSENT), line)


def without_marks(text: str) -> str:
    """The text with every mark line removed."""
    if PREFIX not in text:
        return text
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith(PREFIX))


def with_marks(text: str, marks: list[ConflictMark]) -> str:
    """`text` (without marks) with `marks` written after its header comment line (or at
    the top of a file without one)."""
    if not marks:
        return text
    lines = "".join(mark.text() + "\n" for mark in marks)
    if text.startswith(HEADER_START):
        first, newline, rest = text.partition("\n")
        return first + newline + lines + rest
    return lines + text


def resolve_target(file: str) -> str:
    """What `projledger resolve` takes for this file: a project's id, or the config's name."""
    path = PurePath(file)
    return path.stem if path.parent.name == "projects" else path.name


def mark_findings(text: str, file: str) -> list[Finding]:
    """PL019 for every mark: the field, both values, and the command that settles it."""
    findings = []
    target = resolve_target(file)
    for mark in find_marks(text):
        command = f"projledger resolve {target} {mark.field}"
        # A side without a value (the item was removed there) is said in words.
        sides = {
            side: shown(value)
            for side, value in (("ours", mark.ours), ("theirs", mark.theirs))
            if value is not ABSENT
        } or {"theirs": "—"}  # a hand-written mark with neither side
        key = (
            "PL019"
            if len(sides) == 2
            else f"PL019.{'theirs' if 'ours' in sides else 'ours'}_removed"
        )
        message = msg(key, field=mark.field, command=command, **sides)
        findings.append(Finding.of("PL019", message, file, line=mark.line, col=1))
    return findings

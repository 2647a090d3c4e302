"""The merge driver git runs for ledger files (`projledger merge-driver %O %A %B %P`).

It merges base, ours and theirs by item id and field (`tree_merge`), and writes the result
over ours' file, as git expects. The cheapest way that is right is taken:

1. git's own line merge, when it reads as exactly the data the item merge gives: both
   sides' lines are kept as they were written. Where git's lines conflict because the
   changes merely touch (`hunks`: notes both sides appended at one place, neighbouring
   fields), they are settled line by line or by keeping both sides' lines, if that
   reads right;
2. else the item merge on ruamel.yaml's round-trip tree of ours, taking theirs' nodes
   (with their comments) where theirs changed something;
3. else (a version that is not clean ledger YAML) git's line merge with its conflict
   markers, which `check` reports (PL016): never worse than git alone.

A field both sides changed differently keeps ours' value and is recorded as a conflict
mark (`store.conflict_marks`, PL019); the driver then exits 1, so git stops the merge as
for any conflict. Marks already in the files merge as a set: a mark either side removed
(resolved) is gone, one either side added stays.
"""

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from projledger.store.conflict_marks import ConflictMark, find_marks, with_marks, without_marks
from projledger.store.document import (
    DEFAULT_SEQUENCE_INDENT,
    DEFAULT_SEQUENCE_OFFSET,
    Document,
    guess_sequence_indent,
)
from projledger.sync import gitcmd, hunks, partial, renumber
from projledger.sync.renumber import Side
from projledger.sync.tree_merge import Conflict, TreeMerge


@dataclass
class MergeResult:
    text: str
    way: str
    """How it was merged: same, lines, items or lines-with-markers."""
    conflicts: list[Conflict] = field(default_factory=list)
    renames: dict[str, str] = field(default_factory=dict)
    text_conflicts: int = 0
    """Conflicts git's line merge left marked in the text (the last way only)."""

    @property
    def clean(self) -> bool:
        return not self.conflicts and not self.text_conflicts


class UnreadableError(Exception):
    """A version is not clean ledger YAML: leave the merge to git's lines."""


def merge_paths(
    base: Path, ours: Path, theirs: Path, renumber_side: Side = "theirs"
) -> MergeResult:
    """The merge of three versions of one file (git's %O %A %B); nothing is written."""
    raws = [path.read_bytes() for path in (base, ours, theirs)]
    base_raw, ours_raw, theirs_raw = raws
    if theirs_raw in (ours_raw, base_raw):
        return MergeResult(ours_raw.decode("utf-8", "surrogateescape"), "same")
    if ours_raw == base_raw:
        return MergeResult(theirs_raw.decode("utf-8", "surrogateescape"), "same")
    try:
        return _merge(base, ours, theirs, raws, renumber_side)
    except UnreadableError:
        lines = gitcmd.merge_file(ours, base, theirs)
        return MergeResult(lines.out, "lines-with-markers", text_conflicts=max(lines.code, 1))


def _merge(base: Path, ours: Path, theirs: Path, raws: list[bytes], side: Side) -> MergeResult:
    texts = [_text(raw) for raw in raws]
    marks = _merged_marks(*(find_marks(text) for text in texts))
    texts = [without_marks(text) for text in texts]
    b, o, t = (_plain_data(text, allow_empty=index == 0) for index, text in enumerate(texts))
    renames = renumber.collisions(b, o, t, side)
    renamed_side = o if side == "ours" else t
    renumber.apply(renamed_side, renames)

    merged = copy.deepcopy(o)
    plan = TreeMerge()
    plan.documents(b, o, t, merged, t)

    if not marks and not plan.conflicts and not renames:
        lines = gitcmd.merge_file(ours, base, theirs, diff3=True)
        for text in [lines.out] if lines.ok else _settled(lines.out):
            if _reads_as(text, merged):
                return MergeResult(text, "lines")

    versions = _Versions(b, o, t, merged, texts[1], texts[2], side, renames)
    written = versions.write(plan, partly=True) or versions.write(plan, partly=False)
    if written is None:
        raise UnreadableError  # the round trip could not write what the merge decided
    text, conflicts = written
    new_marks = [ConflictMark(c.field, c.ours, c.theirs) for c in conflicts]
    fields = {mark.field for mark in new_marks}
    kept = [mark for mark in marks if mark.field not in fields]
    return MergeResult(with_marks(text, kept + new_marks), "items", conflicts, renames)


@dataclass
class _Versions:
    b: dict[str, Any]
    o: dict[str, Any]
    t: dict[str, Any]
    merged: dict[str, Any]
    """What the plan gave (the item merge on plain data)."""
    ours_text: str
    theirs_text: str
    side: Side
    renames: dict[str, str]

    def write(self, plan: TreeMerge, *, partly: bool) -> tuple[str, list[Conflict]] | None:
        """The item merge on ours' round-trip tree, and its conflicts; None if what it
        writes does not read as the plan. theirs' nodes (their comments) are read only
        where the merge takes records or lists from theirs (`partly`: only those parts)."""
        if not partly and not plan.edit.took_collection:
            return None  # the first try read all it needed
        source: Any = self.t
        if plan.edit.took_collection:
            if partly:
                source = partial.theirs_tree(self.theirs_text, self.t, self.o, self.b)
                if source is None:
                    return None
            else:
                source = editable(self.theirs_text).data
            renumber.apply(source if self.side == "theirs" else None, self.renames)
        target = editable(self.ours_text)
        renumber.apply(target.data if self.side == "ours" else None, self.renames)
        edit = TreeMerge()
        edit.documents(self.b, self.o, self.t, target.data, source)
        text = target.dumps()
        if edit.conflicts != plan.conflicts or not _reads_as(text, self.merged):
            return None
        return text, edit.conflicts


def _settled(diff3: str) -> list[str]:
    """git's conflicts settled line by line where they can be, else both sides kept."""
    parts = hunks.split(diff3)
    if parts is None:
        return []
    return [hunks.settle(parts, line_by_line=True), hunks.settle(parts, line_by_line=False)]


def _text(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableError from None
    if "\r" in text or text.startswith("\ufeff"):
        raise UnreadableError
    return text


def _plain_data(text: str, *, allow_empty: bool) -> dict[str, Any]:
    from projledger.store.reader import read_yaml

    if allow_empty and not text.strip():
        return {}  # no common ancestor: both sides added the file
    read = read_yaml(text.encode("utf-8"), "version")
    if read.findings or not read.parsed or not isinstance(read.data, dict):
        raise UnreadableError
    data: dict[str, Any] = read.data if read.fast else plain(read.data)
    return data


def plain(value: Any) -> Any:
    """ruamel.yaml's round-trip values as plain Python data (dict, list, str, int...)."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, dt.date):
        return value
    for kind in (str, int, float):
        if isinstance(value, kind):
            return kind(value)
    return value


def _reads_as(text: str, data: dict[str, Any]) -> bool:
    try:
        return _plain_data(text, allow_empty=False) == data
    except UnreadableError:
        return False


def editable(text: str) -> Document:
    """ours' or theirs' text as an editable document (comments, quoting, indents kept)."""
    from projledger.store.reader import read_exact

    data, findings = read_exact(text, "version")
    if findings or not isinstance(data, dict):
        raise UnreadableError
    indent, offset = guess_sequence_indent(text)
    return Document(
        path=Path("version"),
        data=data,
        sequence_indent=indent if indent is not None else DEFAULT_SEQUENCE_INDENT,
        sequence_offset=offset if offset is not None else DEFAULT_SEQUENCE_OFFSET,
        text=text,
    )


def _merged_marks(
    base: list[ConflictMark], ours: list[ConflictMark], theirs: list[ConflictMark]
) -> list[ConflictMark]:
    """Marks as a set: kept where both sides keep them or one side added them."""

    def lines(marks: list[ConflictMark]) -> dict[str, ConflictMark]:
        return {mark.text(): mark for mark in marks}

    b, o, t = lines(base), lines(ours), lines(theirs)
    kept = {text: mark for text, mark in o.items() if text in t or text not in b}
    kept |= {text: mark for text, mark in t.items() if text not in b}
    return list(kept.values())

"""The deadline lists' view of a project (`overdue`, `due`): its name and owners, and
every deadline with its target's title and owner filled in, each stored beside the days
that bound when it can be open or overdue. A listing then decodes only the deadlines
that can be in it: at 10,000 projects, about 20,000 of 67,000 for `overdue`. Like the
facts, a project's index depends on its file alone; `ledger/facts_cache.py` keeps it on
disk by file content, as bytes beside the cache's JSON (a `BlobCache` attachment), which
reading the cache leaves undecoded: the project's header, then its deadlines' fields.

Both are typed records read and written by msgspec, straight from and to bytes: the header
a `DueProject` (a JSON array of its fields in the order they are declared), each deadline
a `DeadlineFacts` (likewise), dates and all.
"""

import datetime as dt
from typing import TYPE_CHECKING, Any

import msgspec

from projledger.compute.deadlines import first_possible_overdue, open_until
from projledger.compute.facts import DeadlineFacts, project_deadlines

if TYPE_CHECKING:
    from projledger.model.project import Project  # met only where files are parsed

DUE_INDEX_FORMAT = 7

# Each deadline's bounds are three ISO dates (10 characters each), all of a project's in
# one string: open from (the day it entered the ledger), open until (done or cancelled),
# overdue from. ISO dates compare as their dates do, so the bounds are tested by
# comparing slices, and only a deadline within them has its fields parsed: one JSON text
# each, all of a project's joined by newlines (JSON as msgspec writes it has none) in
# one bytes object. Reading the cache then builds no object per deadline, and decodes
# each project's header alone, from the bytes (the cache's JSON holds its length).
_WIDTH = 30
_BEFORE_ALL = " " * 10  # sorts before every date: no start recorded
_AFTER_ALL = "9999-99-99"  # sorts after every date: still open


class DamagedEntryError(ValueError):
    """A stored deadline that cannot be read back (the cache file was edited or broken):
    the caller reads the files again."""


_NO_FIELDS = memoryview(b"")
"""The default `fields`: one read-only view shared by every header (a factory would run
once per project decoded)."""


class DueProject(msgspec.Struct, array_like=True, gc=False):
    """A project as the deadline lists show it. Its header is every field but `fields`,
    as a JSON array in this order; `fields` follows it in the cache."""

    id: str
    name: str
    levels: tuple[str, ...]
    pool: str
    leader: str | None
    retired_on: dt.date | None
    bounds: str
    """Three ISO dates per deadline (see `_WIDTH`)."""
    code: str | None
    """The national project code."""
    fields: memoryview = _NO_FIELDS
    """Each deadline's fields as JSON, in the order of `bounds`, one per line."""

    def __post_init__(self) -> None:
        if len(self.bounds) % _WIDTH:
            raise ValueError("not a due index row: bounds of another width")

    def open_on(self, day: dt.date) -> list[DeadlineFacts]:
        """A superset of the deadlines in the ledger and neither done nor cancelled on
        `day`: `deadline_state` decides."""
        return self._within(day, 0)

    def could_be_overdue_on(self, day: dt.date) -> list[DeadlineFacts]:
        """A superset of the deadlines overdue on `day` (see `first_possible_overdue`)."""
        return self._within(day, 20)

    def _within(self, day: dt.date, start: int) -> list[DeadlineFacts]:
        """The deadlines whose bound at `start` (open from: 0, overdue from: 20) is on or
        before `day` and that are still open on it. Tuned: a plain loop over 67,000
        deadlines at 10,000 projects."""
        text, bounds = day.isoformat(), self.bounds
        found = [
            at // _WIDTH
            for at in range(0, len(bounds), _WIDTH)
            if bounds[at + start : at + start + 10] <= text < bounds[at + 10 : at + 20]
        ]
        if not found:
            return []
        texts = bytes(self.fields).split(b"\n")
        if len(texts) * _WIDTH != len(bounds):
            raise DamagedEntryError("bounds and deadlines differ in number")
        try:
            return [_decode_deadline(texts[index]) for index in found]
        except ValueError as exc:  # msgspec's errors are ValueErrors
            raise DamagedEntryError(str(exc)) from None


def due_index_of(project: "Project") -> tuple[int, bytes]:
    """The project's index as the cache keeps it: the length of its header, the value in
    the cache's JSON; and the header followed by its deadlines' fields, the bytes kept
    beside it. Straight from the model: the rest of its facts would cost as much again
    (a cold `overdue` builds this for every file)."""
    deadlines = project_deadlines(project)
    head = DueProject(
        id=project.id,
        name=project.name,
        levels=tuple(level.value for level in project.levels),
        pool=project.pool.value,
        leader=project.lead_leader,
        retired_on=project.leaves_figures_on,
        bounds="".join(_bounds(d) for d in deadlines),
        code=project.code,
    )
    header = _encode(msgspec.structs.astuple(head)[:-1])  # all but `fields`
    return len(header), header + b"\n".join(map(_encode, deadlines))


def due_index_from_json(value: Any, stored: bytes | memoryview) -> DueProject:
    """The inverse of `due_index_of`: the header is decoded, the fields only when a
    listing asks for them."""
    stored = memoryview(stored)
    if type(value) is not int or not 0 < value <= len(stored):
        raise ValueError("not a due index entry")
    project = _decode_header(stored[:value])
    project.fields = stored[value:]
    return project


def _bounds(d: DeadlineFacts) -> str:
    until = open_until(d)
    return "".join(
        (
            _BEFORE_ALL if d.since is None else d.since.isoformat(),
            _AFTER_ALL if until is None else until.isoformat(),
            first_possible_overdue(d).isoformat(),
        )
    )


_encode = msgspec.json.Encoder().encode
_decode_header = msgspec.json.Decoder(DueProject).decode
_decode_deadline = msgspec.json.Decoder(DeadlineFacts).decode
"""One deadline's fields: a JSON array in `DeadlineFacts`' order, dates as ISO text."""

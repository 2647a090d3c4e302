"""The deadline lists' view of a project (`overdue`, `due`): its name and owners, and
every deadline with its target's title and owner filled in, each stored beside the days
that bound when it can be open or overdue. A listing then decodes only the deadlines
that can be in it: at 10,000 projects, about 20,000 of 67,000 for `overdue`. Like the
facts, a project's index depends on its file alone; `ledger/facts_cache.py` keeps it on
disk by file content: the header as JSON, the deadlines' fields as bytes beside it
(`BlobCache` attachments), which reading the cache leaves undecoded.
"""

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from projledger.compute.deadlines import first_possible_overdue, open_until
from projledger.compute.facts import (
    DeadlineFacts,
    date_from_json,
    date_to_json,
    project_deadlines,
)

if TYPE_CHECKING:
    from projledger.model.project import Project  # met only where files are parsed

DUE_INDEX_FORMAT = 5

# Each deadline's bounds are three ISO dates (10 characters each), all of a project's in
# one string: open from (the day it entered the ledger), open until (done or cancelled),
# overdue from. ISO dates compare as their dates do, so the bounds are tested by
# comparing slices, and only a deadline within them has its fields parsed: one JSON text
# each, all of a project's joined by newlines (JSON as orjson writes it has none) in
# one bytes object. Reading the cache then builds no object per deadline.
_WIDTH = 30
_BEFORE_ALL = " " * 10  # sorts before every date: no start recorded
_AFTER_ALL = "9999-99-99"  # sorts after every date: still open


class DamagedEntryError(ValueError):
    """A stored deadline that cannot be read back (the cache file was edited or broken):
    the caller reads the files again."""


class DueProject(NamedTuple):
    id: str
    name: str
    levels: tuple[str, ...]
    pool: str
    leader: str | None
    retired_on: dt.date | None
    bounds: str
    fields: bytes | memoryview
    """Each deadline's fields as JSON, in the order of `bounds`, one per line."""
    code: str | None = None
    """The national project code."""

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
        try:
            texts = bytes(self.fields).split(b"\n")
            if len(texts) * _WIDTH != len(bounds):
                raise ValueError("bounds and deadlines differ in number")
            return [_deadline(texts[index]) for index in found]
        except (ValueError, LookupError, TypeError, AttributeError) as exc:
            raise DamagedEntryError(str(exc)) from None


def due_index_of(project: "Project") -> tuple[list[Any], bytes]:
    """The project's index as JSON data, and its deadlines' fields as bytes to keep
    beside it. Straight from the model: the rest of its facts would cost as much again
    (a cold `overdue` builds this for every file)."""
    deadlines = project_deadlines(project)
    header = [
        project.id,
        project.name,
        [level.value for level in project.levels],
        project.pool.value,
        project.lead_leader,
        date_to_json(project.retirement.date if project.retirement else None),
        "".join(_bounds(d) for d in deadlines),
        project.code,
    ]
    return header, b"\n".join(_fields(d) for d in deadlines)


def due_index_from_json(row: list[Any], fields: bytes | memoryview) -> DueProject:
    """The inverse of `due_index_of`. The fields are only checked when parsed."""
    if len(row) != 8 or not isinstance(row[6], str) or len(row[6]) % _WIDTH:
        raise ValueError("not a due index row")
    return DueProject(
        row[0],
        row[1],
        tuple(row[2]),
        row[3],
        row[4],
        date_from_json(row[5]),
        row[6],
        fields,
        row[7],
    )


def _bounds(d: DeadlineFacts) -> str:
    until = open_until(d)
    return "".join(
        (
            _BEFORE_ALL if d.since is None else d.since.isoformat(),
            _AFTER_ALL if until is None else until.isoformat(),
            first_possible_overdue(d).isoformat(),
        )
    )


def _fields(d: DeadlineFacts) -> bytes:
    return orjson.dumps(
        [
            d.id,
            d.target,
            d.kind,
            d.title,
            d.due,
            [[granted, new_due] for granted, new_due in d.extensions],
            d.unit,
            d.person,
            d.done_on,
            d.cancelled_on,
            d.since,
        ]
    )


_make_deadline = DeadlineFacts._make


def _deadline(fields: bytes) -> DeadlineFacts:
    # Tuned: runs for every listed deadline (20,000 at 10,000 projects).
    iso = dt.date.fromisoformat
    f = orjson.loads(fields)
    f[4] = iso(f[4])
    f[5] = tuple([(iso(granted), iso(new_due)) for granted, new_due in f[5]]) if f[5] else ()
    for i in (8, 9, 10):  # done_on, cancelled_on, since
        if f[i] is not None:
            f[i] = iso(f[i])
    return _make_deadline(f)

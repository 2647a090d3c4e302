"""Two clerks' investment figures (`investment.series`, 数据期), merged by month.

Each `set investment.completed_this_year` appends an entry to the year's series and makes
the figure fields (`completed_this_year`, `through_month`, `updated`) the new entry's.
When both sides appended entries, the merge is their union in month order, after base's
entries: an entry both sides added (the same months and figure) is kept once; entries for
months only one side has are placed by month (then by the day they were entered); the
same months with different figures on the two sides is a conflict (ours' entry stays,
theirs' is recorded in the mark), which `resolve` settles. The figure fields then follow
the merged series' last entry: theirs' fields where it is theirs', ours' otherwise, so the
merged file shows the latest figure of its series, as `check` requires (PL226).

Anything else (a side that changed base's entries, as `rollover` does, or whose figure is
not its series' latest) is left to the ordinary merge by field.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

FIGURE_FIELDS = ("completed_this_year", "through_month", "updated")
"""The fields that show the series' latest entry (changes/investment.py writes them)."""


@dataclass
class SeriesPlan:
    inserts: list[tuple[int, int]] = field(default_factory=list)
    """(position in ours' list when inserted, index of theirs' entry), in order."""
    conflicts: list[tuple[int, Any, Any]] = field(default_factory=list)
    """(position of ours' entry in the merged list, ours' entry, theirs' entry)."""
    theirs_last: bool = False
    """Whether the merged series ends with one of theirs' entries."""


def both_appended(b: dict[str, Any], o: dict[str, Any], t: dict[str, Any]) -> bool:
    """Whether both sides changed the series, differently (the case `plan` is for)."""
    series = [version.get("series") for version in (b, o, t)]
    return series[1] != series[0] and series[2] != series[0] and series[1] != series[2]


def plan(b: dict[str, Any], o: dict[str, Any], t: dict[str, Any]) -> SeriesPlan | None:
    """How theirs' new entries go into ours' series; None when the sides did not only
    append to base's series, or a side's figure is not its series' latest."""
    base, ours, theirs = (_entries(version) for version in (b, o, t))
    if base is None or ours is None or theirs is None:
        return None
    start = len(base)
    if ours[:start] != base or theirs[:start] != base or not (_shows(o) and _shows(t)):
        return None
    ours_new = ours[start:]
    merged: list[tuple[str, int]] = [("ours", index) for index in range(len(ours))]
    result = SeriesPlan()
    for index in range(start, len(theirs)):
        entry = theirs[index]
        same_months = [e for e in ours_new if e.get("through") == entry.get("through")]
        if any(_figure(e) == _figure(entry) for e in same_months):
            continue  # both entered it
        if same_months:
            result.conflicts.append((ours.index(same_months[-1]), same_months[-1], entry))
            continue
        at = next(
            (
                position
                for position in range(start, len(merged))
                if _order(_entry(merged[position], ours, theirs)) > _order(entry)
            ),
            len(merged),
        )
        merged.insert(at, ("theirs", index))
        result.inserts.append((at, index))
    positions = {slot: position for position, slot in enumerate(merged)}
    result.conflicts = [
        (positions[("ours", index)], mine, other) for index, mine, other in result.conflicts
    ]
    result.theirs_last = bool(merged) and merged[-1][0] == "theirs"
    return result


def _entries(version: dict[str, Any]) -> list[dict[str, Any]] | None:
    series = version.get("series", [])
    if not isinstance(series, list) or not all(isinstance(e, dict) for e in series):
        return None
    return series


def _shows(version: dict[str, Any]) -> bool:
    """Whether the version's figure fields show its series' last entry."""
    series = version.get("series") or []
    if not series:
        return False
    last = series[-1]
    return bool(
        version.get("through_month") == last.get("through")
        and version.get("completed_this_year") == last.get("completed")
    )


def _figure(entry: dict[str, Any]) -> tuple[Any, Any]:
    return entry.get("through"), entry.get("completed")


def _order(entry: dict[str, Any]) -> tuple[int, str]:
    through = entry.get("through")
    return (through if isinstance(through, int) else 0, str(entry.get("reported")))


def _entry(slot: tuple[str, int], ours: list[Any], theirs: list[Any]) -> dict[str, Any]:
    side, index = slot
    found: dict[str, Any] = (ours if side == "ours" else theirs)[index]
    return found


def follow_series(investment: Any) -> None:
    """Make the figure fields show the series' last entry (after `resolve` took theirs'
    entry in place of ours'): in place, keeping the fields' comments."""
    series = investment.get("series") if isinstance(investment, dict) else None
    if not series or not isinstance(series[-1], dict):
        return
    last = series[-1]
    for key, name in zip(FIGURE_FIELDS, ("completed", "through", "reported"), strict=True):
        value = last.get(name)
        if isinstance(value, dt.date):
            # A new object: YAML would write one object met twice as an anchor and alias.
            value = dt.date(value.year, value.month, value.day)
        if value is not None:
            investment[key] = value

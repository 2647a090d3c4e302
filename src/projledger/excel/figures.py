"""An imported completed-investment figure as data for a period (数据期).

A column whose header names its months (`1-10月完成投资`, `1—10月累计完成投资（万元）`,
`截至10月底完成投资`) gives its figures' period: each project's figure is recorded as
`set … --through 10月` records one, with `through_month`, `updated` (the import's date) and
its entry in the year's series. A header without a period keeps what imports always did:
the figure alone, counted as covering the months complete on each report's date; only a
project that already keeps a series records it there, as January to the month before the
import's date (as `set` without `--through` does), so its figure stays its series' latest
(`check`'s PL226). Importing the same figure for the same months again changes nothing.
"""

import datetime as dt
from typing import Any

from projledger.excel.headers import Header
from projledger.excel.tree import plain
from projledger.messages import Lang, text


def take_period(desired: dict[str, Any]) -> tuple[dict[str, Any], int | None]:
    """`desired` without the months the sheet gives for the figure, and those months:
    they are recorded with the figure after the merge, not merged as a plain value."""
    investment = desired.get("investment")
    if not isinstance(investment, dict) or "through_month" not in investment:
        return desired, None
    rest = {key: value for key, value in investment.items() if key != "through_month"}
    through = investment["through_month"]
    return {**desired, "investment": rest}, through if isinstance(through, int) else None


def record_figure(
    data: Any, before: dict[str, Any] | None, through: int | None, today: dt.date
) -> None:
    """After the sheet's values were merged into the file's tree `data`: the figure's
    months, date and series entry, where the figure (or its months) changed. `before`:
    the file's investment as it was (None: a new file)."""
    from projledger.changes.investment import record_period

    investment = data.get("investment")
    completed = plain(investment.get("completed_this_year")) if investment else None
    if not isinstance(completed, int | float):
        return
    old = (before or {}).get("completed_this_year")
    if through is None:
        if not (before or {}).get("series") or old == completed:
            return  # as imports always did: the figure alone
    elif old == completed and (before or {}).get("through_month") == through:
        return
    record_period(investment, completed, None if through is None else str(through), today, old)


def period_note(header: Header, lang: Lang) -> str | None:
    """What the import summary says of the completed-investment column's period."""
    column = header.fields.get("completed_this_year")
    if column is None:
        return None
    found = header.columns[column]
    if found.through is None:
        return text("import_period.none", lang, column=found.label)
    months = f"1-{found.through}月" if found.through > 1 else "1月"
    return text("import_period.given", lang, column=found.label, months=months)

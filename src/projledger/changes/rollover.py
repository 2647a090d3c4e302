"""Year rollover (年度结转): `projledger rollover 2027` moves every project that holds the
old year's figures (investment.year 2026; retired projects, 退库, are left as they are) to
the new year, in one commit:

- the old year's figures are kept, as they were, in `investment.past_years` (plan,
  completed, its months, the series), so the old year's reports regenerate unchanged;
- completed_before_year += completed_this_year (截至上年底累计完成);
- year = 2027, plan_this_year = the new plan (from `--plans FILE` or `--plan ID=AMOUNT`;
  0 when none is given), completed_this_year = 0; its months, date, series and monthly
  plan are cleared.

It is refused when no project holds the old year's figures (run twice for one year, or
for a year that does not follow the ledger's), and when a plan names a project it does
not move.
"""

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from projledger.changes.many_files import FileEdit, Planned
from projledger.changes.yamledit import append, field_order, number, put, record, remove
from projledger.errors import ProjledgerError
from projledger.messages import msg
from projledger.root import LedgerRoot
from projledger.store.input_files import csv_text, refuse_non_regular

ARCHIVED = (
    "year",
    "completed_before_year",
    "plan_this_year",
    "completed_this_year",
    "through_month",
    "monthly_plan",
    "updated",
    "series",
)
"""The fields of a year kept in `past_years` (the model's InvestmentYear)."""

CLEARED = ("through_month", "updated", "series", "monthly_plan")


def read_plans(path: Path | None, pairs: list[str]) -> dict[str, float]:
    """The new year's plans: a CSV file (project id, plan in 万元; a header row allowed), a
    YAML mapping (id: plan), and `ID=AMOUNT` pairs (which win)."""
    plans: dict[str, float] = {}
    if path is not None:
        refuse_non_regular(path, "--plans ")
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".yaml", ".yml"):
            raise ProjledgerError(msg("refuse.plans_kind", path=path))
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise ProjledgerError(
                msg("refuse.plans_unreadable", path=path, reason=error.strerror)
            ) from None
        text = _plans_text(raw, path, suffix)
        if suffix == ".csv":
            for line, row in enumerate(csv.reader(io.StringIO(text)), start=1):
                if not row or not row[0].strip():
                    continue
                if len(row) < 2:
                    raise ProjledgerError(msg("refuse.plans_row", where=f"{path}:{line}"))
                try:
                    plans[row[0].strip()] = _amount(row[1], f"{path}:{line}")
                except ProjledgerError:
                    if line == 1:
                        continue  # the header
                    raise
        else:
            from projledger.store.reader import read_yaml

            data = read_yaml(text.encode("utf-8"), str(path)).data
            if not isinstance(data, dict):
                raise ProjledgerError(msg("refuse.plans_mapping", path=path))
            for key, value in data.items():
                plans[str(key)] = _amount(str(value), f"{path}: {key}")
    for pair in pairs:
        project, sep, amount = pair.partition("=")
        if not sep or not project.strip():
            raise ProjledgerError(msg("refuse.plan_pair", pair=pair))
        plans[project.strip()] = _amount(amount, f"--plan {pair}")
    return plans


def _plans_text(raw: bytes, path: Path, suffix: str) -> str:
    """The plans file's text: a CSV as Excel saves it (UTF-8 or GBK), YAML in UTF-8."""
    if suffix == ".csv":
        text = csv_text(raw)
        if text is None:
            raise ProjledgerError(msg("refuse.plans_not_text", path=path))
        return text
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = f"{raw[error.start]:02x}"
        raise ProjledgerError(msg("refuse.plans_not_utf8", path=path, byte=byte)) from None


def _amount(text: str, where: str) -> float:
    try:
        value = float(text.strip().replace(",", ""))
    except ValueError:
        raise ProjledgerError(
            msg("refuse.plan_not_amount", where=where, text=text.strip())
        ) from None
    if not value >= 0 or value == float("inf"):
        raise ProjledgerError(msg("refuse.plan_negative", where=where))
    return value


def plan_rollover(root: LedgerRoot, year: int, plans: dict[str, float], today: dt.date) -> Planned:
    """Read the project files now and say what the rollover to `year` writes."""
    from projledger.changes.declare import _current_config, _judge_projects
    from projledger.model.project import Investment
    from projledger.store.document import load_document

    if today.year < year:
        raise ProjledgerError(msg("refuse.rollover_early", year=year, today=today))
    config = _current_config(root)
    edits: list[FileEdit] = []
    moved: list[str] = []
    already = 0
    for path in sorted(root.project_files()):
        if path.suffix != ".yaml" or not path.is_file():
            continue
        raw = path.read_bytes()
        document = load_document(path)
        data = document.data
        inv = data.get("investment") if isinstance(data, dict) else None
        if not isinstance(inv, dict) or data.get("pool") == "退库":
            continue
        if inv.get("year") == year:
            already += 1
        if inv.get("year") != year - 1:
            continue
        _roll(inv, year, plans.get(path.stem, 0), field_order(Investment))
        edits.append(FileEdit(path, raw, document.dumps().encode("utf-8")))
        moved.append(path.stem)
    if not moved:
        if already:
            raise ProjledgerError(msg("refuse.rollover_done", year=year, n=already))
        raise ProjledgerError(msg("refuse.rollover_none", year=year, last=year - 1))
    unknown = sorted(set(plans) - set(moved))
    if unknown:
        raise ProjledgerError(msg("refuse.rollover_unknown", year=year, projects="|".join(unknown)))
    _judge_projects(edits, config)
    with_plan = sum(1 for p in moved if plans.get(p, 0) > 0)
    subject = (
        f"[{config.organisation}] 年度结转 {year - 1} → {year}（{len(moved)} 个项目，"
        f"{with_plan} 个有年度计划）"
    )
    return Planned(
        edits, subject, "rollover", {"Projledger-Year": str(year), "Projledger-From": str(year - 1)}
    )


def _roll(inv: Any, year: int, plan: float, order: tuple[str, ...]) -> None:
    past = {key: inv[key] for key in ARCHIVED if inv.get(key) is not None}
    kept = record(past, one_line=False)
    if isinstance(kept.get("series"), list):
        kept["series"] = _copied(kept["series"])
    done = float(inv.get("completed_before_year", 0)) + float(inv.get("completed_this_year", 0))
    # The year kept first: what follows the mapping (a blank line) moves after it, so
    # removing the cleared keys below moves nothing onto a hand-written comment.
    if inv.get("past_years"):
        append(inv["past_years"], dict(kept))
    else:
        from ruamel.yaml.comments import CommentedSeq

        years = CommentedSeq()
        years.append(kept)
        put(inv, "past_years", years, order)
    put(inv, "completed_before_year", number(done), order)
    put(inv, "year", year, order)
    put(inv, "plan_this_year", number(plan), order)
    put(inv, "completed_this_year", 0, order)
    for key in CLEARED:
        if key in inv:
            remove(inv, key)


def _copied(series: list[Any]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    copy = CommentedSeq()
    for entry in series:
        copy.append(record(dict(entry), one_line=True))
    return copy

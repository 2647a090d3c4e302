"""`projledger export ledger | unit NAME | units --all`."""

import datetime as dt
import sys
from pathlib import Path

from projledger.errors import ProjledgerError
from projledger.excel.unit_items import Item, load_unit_items
from projledger.excel.write_unit import week_label, write_unit_workbook
from projledger.messages import Area, Lang, lists, msg, text
from projledger.root import LedgerRoot

say = Area("excel.export")

PARALLEL_MIN_UNITS = 8


def export_ledger(root_path: Path, output: Path, as_of: dt.date, lang: Lang = "en") -> int:
    from projledger.excel.write_ledger import write_ledger_workbook
    from projledger.ledger.config_cache import cached_config
    from projledger.ledger.load import load_checked_project

    root = LedgerRoot(root_path)
    config = cached_config(root)
    projects = []
    left_out = []
    for path in sorted(root.projects_dir.glob("*.yaml")):
        try:
            model, errors = load_checked_project(root, path.stem, config)
        except ProjledgerError:
            left_out.append(path.name)
            continue
        if errors:
            left_out.append(path.name)
            continue
        projects.append(model.model_dump(mode="python", exclude_none=True))
    _refuse_directory(output)
    title = f"{config.organisation} 重点项目台账（截至 {as_of.isoformat()}）"
    write_ledger_workbook(output, projects, title, as_of)
    _warn(left_out, lang)
    sys.stdout.write(say(lang, "ledger", file=output, n=len(projects)) + "\n")
    return 0


def export_unit(root_path: Path, unit: str, output: Path, as_of: dt.date, lang: Lang = "en") -> int:
    from projledger.model.unit_names import UnitNames

    root = LedgerRoot(root_path)
    loaded = load_unit_items(root)
    names = UnitNames(loaded.config)
    # the one resolver: a short name or variant names the unit; an unknown one is refused
    # with the closest declared names
    name = names.require(unit, option="")
    items = [i for i in loaded.items if names.full_name(i.unit) == name and i.open_on(as_of)]
    _refuse_directory(output)
    write_unit_workbook(
        output, name, _label(loaded.config, name), items, as_of, loaded.config.organisation
    )
    _warn(loaded.invalid, lang)
    sys.stdout.write(say(lang, "unit", file=output, n=len(items), unit=name) + "\n")
    return 0


def export_units(root_path: Path, directory: Path, as_of: dt.date, lang: Lang = "en") -> int:
    from projledger.model.unit_names import UnitNames

    root = LedgerRoot(root_path)
    loaded = load_unit_items(root)
    config = loaded.config
    names = UnitNames(config)
    by_unit: dict[str, list[Item]] = {unit.name: [] for unit in config.units}
    for item in loaded.items:
        unit = names.full_name(item.unit)
        if unit is not None and item.open_on(as_of):
            by_unit[unit].append(item)
    if directory.exists() and not directory.is_dir():
        raise ProjledgerError(msg("excel.export.not_a_directory", path=directory))
    directory.mkdir(parents=True, exist_ok=True)
    work = [
        (
            str(directory / f"{_label(config, unit)}-{week_label(as_of)}.xlsx"),
            unit,
            _label(config, unit),
            items,
        )
        for unit, items in by_unit.items()
        if items
    ]
    _write_in_workers(work, as_of, config.organisation)
    idle = [unit for unit, items in by_unit.items() if not items]
    _warn(loaded.invalid, lang)
    sys.stdout.write(say(lang, "units", n=len(work), directory=directory) + "\n")
    if idle:
        sys.stdout.write(say(lang, "idle", units=lists.names(idle, lang)) + "\n")
    return 0


def _write_in_workers(
    work: list[tuple[str, str, str, list[Item]]], as_of: dt.date, organisation: str
) -> None:
    """The workbooks written by forked workers, shared out by rows so each has as much to
    write (a big unit's workbook and many small ones)."""
    import os

    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(work) < PARALLEL_MIN_UNITS or not _can_fork():
        _write_many(as_of, organisation, work)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    buckets: list[list[tuple[str, str, str, list[Item]]]] = [[] for _ in range(workers * 2)]
    loads = [0] * len(buckets)
    for job in sorted(work, key=lambda job: -len(job[3])):
        lightest = loads.index(min(loads))
        buckets[lightest].append(job)
        loads[lightest] += len(job[3]) + 20  # a workbook's own cost, in rows
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        list(pool.map(partial(_write_many, as_of, organisation), [b for b in buckets if b]))


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _write_many(
    as_of: dt.date, organisation: str, work: list[tuple[str, str, str, list[Item]]]
) -> list[None]:
    for target, unit, label, items in work:
        write_unit_workbook(Path(target), unit, label, items, as_of, organisation)
    return [None] * len(work)


def _label(config: object, unit: str) -> str:
    from projledger.model.config import Config

    assert isinstance(config, Config)
    short = next((u.short for u in config.units if u.name == unit and u.short), None)
    return short or unit


def _refuse_directory(output: Path) -> None:
    if output.is_dir():
        raise ProjledgerError(msg("excel.export.is_a_directory", path=output))
    if output.suffix.lower() != ".xlsx":
        raise ProjledgerError(msg("excel.export.not_xlsx", path=output))


def _warn(left_out: list[str], lang: Lang) -> None:
    if left_out:
        more = [text("excel.and_more", lang, n=len(left_out) - 5)] if len(left_out) > 5 else []
        files = lists.names(left_out[:5] + more, lang)
        sys.stderr.write(say(lang, "left_out", n=len(left_out), files=files) + "\n")

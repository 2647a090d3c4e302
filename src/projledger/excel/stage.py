"""An import's result, file by file, before anything is written: each project file's old
and new text, checked as `check` checks a file, and what changed in words."""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from projledger.errors import ProjledgerError
from projledger.excel.tree import merge, node, plain
from projledger.messages import Lang, text
from projledger.model.config import Config
from projledger.model.project import Project
from projledger.root import LedgerRoot

HEADER = "yaml-language-server: $schema=../schemas/project.schema.json"
MAX_LINES = 12
"""Changes listed per project by --dry-run (the rest are counted)."""


@dataclass
class RowRef:
    sheet: str
    row: int
    """From 0."""


@dataclass
class Staged:
    project_id: str
    name: str
    path: Path
    old_text: str | None
    """None: a new file."""
    new_text: str
    rows: list[RowRef] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.old_text != self.new_text

    def describe(self, lang: Lang = "en") -> list[str]:
        """What the import changes in the file, in words."""
        from projledger.history.diff import ChangeKind, diff_project
        from projledger.history.values import display, normalize
        from projledger.store.reader import read_yaml

        old = read_yaml(self.old_text.encode(), "old").data if self.old_text else None
        new = read_yaml(self.new_text.encode(), "new").data
        lines = []
        for change in diff_project(normalize(old), normalize(new)):
            where = ".".join(p for p in (change.item, change.field) if p)
            if change.kind == ChangeKind.ADDED and change.field == "":
                shown = change.new if change.item is None else _summary(change.new)
                lines.append(f"+ {where or '项目'}: {display(shown)}")
            elif change.kind == ChangeKind.REMOVED:
                lines.append(f"- {where}: {display(change.old)}")
            else:
                lines.append(f"~ {where}: {display(change.old)} → {display(change.new)}")
        if len(lines) > MAX_LINES:
            lines = [*lines[:MAX_LINES], text("stage.and_more", lang, n=len(lines) - MAX_LINES)]
        return lines


def _summary(item: Any) -> Any:
    if isinstance(item, dict):
        for key in ("title", "duties", "target"):
            if key in item:
                return item[key]
    return item


def stage(
    root: LedgerRoot,
    project_id: str,
    desired: dict[str, Any],
    new: bool,
    figures_on: dt.date | None = None,
) -> Staged:
    """The file with `desired` merged in (or made of it). `figures_on`: the import's date,
    when its completed-investment figure is data for a period (figures.py)."""
    from projledger.excel.figures import record_figure, take_period
    from projledger.store.document import load_document, new_document

    path = root.project_file(project_id)
    through = None
    if figures_on is not None:
        desired, through = take_period(desired)
    if new:
        document = new_document(path)
        document.data = node(desired, Project, top=True)
        document.data.yaml_set_start_comment(f"{HEADER}\n{desired.get('name', project_id)}")
        old_text = before = None
    else:
        document = load_document(path)
        old_text = document.text
        before = plain(document.data.get("investment"))
        merge(document.data, desired)
    if figures_on is not None:
        record_figure(document.data, before, through, figures_on)
    name = str(plain(document.data.get("name")) or project_id)
    return Staged(project_id, name, path, old_text, document.dumps())


@dataclass
class Job:
    """One project file to build: its id, what to merge in, whether it is new, its rows."""

    project_id: str
    desired: dict[str, Any]
    new: bool
    rows: list[RowRef]
    figures_on: dt.date | None = None
    """The import's date, for a figure recorded as data for a period (see `stage`)."""


def stage_all(
    root: LedgerRoot, jobs: list[Job], config: Config, lang: Lang
) -> list[tuple[Staged, list[str]]]:
    """Each job's file and what `check` says is wrong with it, in `lang` (the run's: the
    reasons rows fail are printed and written to the failed rows' workbook). Building a
    file (ruamel.yaml writes it) and checking it cost a few milliseconds each: a large
    import does them in worker processes."""
    from functools import partial

    from projledger.parallel import map_in_workers

    work = partial(_stage_and_check, root, config, lang)
    return map_in_workers(work, jobs, min_items=MIN_PARALLEL)


MIN_PARALLEL = 200


def _stage_and_check(
    root: LedgerRoot, config: Config, lang: Lang, jobs: list[Job]
) -> list[tuple[Staged, list[str]]]:
    results = []
    for job in jobs:
        try:
            staged = stage(root, job.project_id, job.desired, job.new, job.figures_on)
        except ProjledgerError as error:  # the figure's months (figures.py): its rows fail
            path = root.project_file(job.project_id)
            results.append(
                (
                    Staged(job.project_id, job.project_id, path, None, "", job.rows),
                    [error.text(lang)],
                )
            )
            continue
        staged.rows = job.rows
        results.append((staged, errors_of(staged, config, lang)))
    return results


def errors_of(staged: Staged, config: Config, lang: Lang) -> list[str]:
    """What `check` would say is wrong with the new text (errors only), in words, in
    `lang`."""
    from projledger.check.files import check_project_bytes

    checked = check_project_bytes(
        staged.new_text.encode("utf-8"), staged.path.name, staged.project_id, config
    )
    return [f"{finding.code} {finding.text(lang)}" for finding in checked.errors]

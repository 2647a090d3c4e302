"""The config and single project files read as models, with errors that name the file,
line and column; `Ledger`, a set of projects as an old commit had them (`--as-of`).
Whole-ledger reads for views and reports go through `ledger/facts_cache.py`.
(Imported only by the commands that need it: it brings pydantic and the readers.)"""

import contextlib
import errno
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from projledger.check.validation import validate
from projledger.errors import ProjledgerError
from projledger.findings import Quoting
from projledger.messages import Message, msg
from projledger.model import Config, Project
from projledger.root import LedgerRoot, link_refusal
from projledger.store.limits import read_ledger_bytes, too_large_finding
from projledger.store.reader import read_yaml

if TYPE_CHECKING:
    from projledger.check.entries import FileCheck


@dataclass
class Ledger:
    config: Config
    projects: dict[str, Project] = field(default_factory=dict)
    invalid: list[str] = field(default_factory=list)
    """Files that could not be read as projects (run `projledger check` for why)."""


def load_config(root: LedgerRoot) -> Config:
    try:
        raw = root.config_file.read_bytes()
    except OSError as exc:
        raise ProjledgerError(
            msg("load.unreadable", file=root.config_file, reason=exc.strerror)
        ) from None
    return config_from_bytes(raw, str(root.config_file))


def config_from_bytes(raw: bytes, file: str) -> Config:
    read = read_yaml(raw, file)
    config, _ = validate(Config, read.data, file) if read.parsed else (None, [])
    if not isinstance(config, Config):
        raise ProjledgerError(_config_problem(raw, file))
    return config


def _config_problem(raw: bytes, file: str) -> "Message | Quoting":
    """The config's first error, placed as `check` places it."""
    from projledger.check.entries import place_findings
    from projledger.check.files import check_config_bytes

    checked = check_config_bytes(raw, file)
    if not checked.errors:
        return msg("load.config_invalid", file=file)
    first = place_findings(checked.errors, checked.text)[0]
    return Quoting("load.config_first_error", (first,))


def _project(path: Path) -> Project | None:
    if path.suffix != ".yaml" or path.is_symlink() or not path.is_file():
        return None
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    return _parse(raw, str(path))


def _parse(raw: bytes, file: str) -> Project | None:
    read = read_yaml(raw, file)
    if not read.parsed:
        return None
    project, _ = validate(Project, read.data, file)
    return project if isinstance(project, Project) else None


def load_project(root: LedgerRoot, project_id: str) -> Project:
    """One project, or an error naming the first problem's file, line and column, as
    `check` reports it (reports need a valid file)."""
    path = root.project_file(project_id)
    project = _project(path)
    if project is None:
        raise ProjledgerError(_first_problem(path))
    return project


def load_checked_project(root: LedgerRoot, project_id: str, config: Config) -> tuple[Project, int]:
    """One project read as `check` reads it, and the number of errors `check` finds in
    its file (a rule's, a byte-order mark: it is still a project, which views show and
    the reports leave out); an error as `load_project`'s when it is no project."""
    from projledger.check.files import check_project_bytes

    path = root.project_file(project_id)
    checked = None
    if not path.is_symlink():
        with contextlib.suppress(OSError):  # `_first_problem` says why
            checked = check_project_bytes(read_ledger_bytes(path), str(path), project_id, config)
    if checked is None or checked.project is None:
        raise ProjledgerError(_first_problem(path, checked))
    return checked.project, len(checked.errors)


def _first_problem(path: Path, checked: "FileCheck | None" = None) -> "Message | Quoting":
    """The first error in the file, placed; `checked`: the file's check, if it was made."""
    from projledger.check.entries import place_findings

    if checked is None:
        from projledger.check.files import check_project_bytes

        if path.is_symlink():  # never read through it (PL013)
            return link_refusal(path, str(path))
        try:
            raw = read_ledger_bytes(path)
        except OSError as exc:
            if exc.errno == errno.EFBIG:  # as `check` says it (PL002)
                too_large = too_large_finding(path.stat().st_size, str(path))
                return Quoting("refusal.first_error", (too_large,))
            return msg("load.unreadable", file=path, reason=exc.strerror)
        checked = check_project_bytes(raw, str(path), path.stem, None)
    errors = checked.errors
    if not errors:
        return msg("load.not_a_project", file=path)
    first = place_findings(errors, checked.text)[0]
    return Quoting("refusal.first_error", (first,))

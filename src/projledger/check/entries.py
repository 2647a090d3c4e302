"""What `check` can say of a directory entry without parsing it, and the light records
passed between files and the cache. Imports neither pydantic nor a YAML library."""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from projledger.findings import Finding, Severity
from projledger.ids import PROJECT_ID_RE
from projledger.messages import Message, msg
from projledger.store.locate import keys_as_held, locate, locate_in_text

if TYPE_CHECKING:
    from projledger.model import Config, Project


@dataclass(frozen=True)
class ProjectSummary:
    """What the rules across files need of a project: taken from the raw data, so a file
    with schema errors still takes part in them."""

    id: str | None
    code: str | None
    name: str | None
    duplicate_of: str | None = None
    """A retired duplicate's real project (`retire --duplicate-of`): exempt from the
    code and name rules (PL301, PL302), whose values it shares by design."""

    @classmethod
    def of(cls, data: Any) -> "ProjectSummary | None":
        if not isinstance(data, dict):
            return None

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value else None

        retirement = data.get("retirement")
        duplicate_of = retirement.get("duplicate_of") if isinstance(retirement, dict) else None
        return cls(
            text("id"),
            text("code"),
            text("name"),
            duplicate_of
            if data.get("pool") == "退库" and isinstance(duplicate_of, str) and duplicate_of
            else None,
        )


@dataclass
class FileCheck:
    findings: list[Finding] = field(default_factory=list)
    summary: ProjectSummary | None = None
    config: "Config | None" = None
    project: "Project | None" = None
    """The validated project (whatever the rules found in it)."""
    text: str | None = None
    exact_reason: Message | None = None
    """Why the file was read by the exact YAML reader (None: the fast one read it)."""

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == Severity.ERROR]

    @property
    def has_errors(self) -> bool:
        return any(finding.severity == Severity.ERROR for finding in self.findings)


def precheck_entry(entry: "os.DirEntry[str]", file: str) -> Finding | None:
    """What can be said from the directory entry alone, before reading the file (its
    size is checked as it is read: see `read_ledger_bytes`)."""
    if entry.is_symlink():
        return Finding.of("PL013", msg("PL013.entry"), file)
    if not entry.is_file(follow_symlinks=False):
        return Finding.of("PL001", msg("PL001.not_a_file"), file)
    return None


def file_name_finding(path: Path, file: str) -> Finding | None:
    if path.suffix == ".yaml" and PROJECT_ID_RE.match(path.stem):
        return None
    return Finding.of("PL014", msg("PL014", name=Path(file).name), file)


def place_findings(findings: list[Finding], text: str | None, data: Any = None) -> list[Finding]:
    """Give every finding a line: those with a `loc` from an exact read of the text (done
    only for files that have such findings, as the fast reader keeps no positions)."""
    unplaced = [f for f in findings if f.line is None]
    if not unplaced:
        return findings
    if hasattr(data, "lc"):
        positions = [locate(data, f.loc) for f in unplaced]
    elif text is not None:
        locs = [keys_as_held(data, f.loc) if data is not None else f.loc for f in unplaced]
        positions = locate_in_text(text, locs)
    else:
        positions = [(1, 1)] * len(unplaced)
    placed = dict(zip(map(id, unplaced), positions, strict=True))
    return [f if f.line is not None else f.at(*placed[id(f)]) for f in findings]

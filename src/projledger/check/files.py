"""Checking one file: read, validate, apply rules, then place every finding on a line."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from projledger.check.config_rules import check_config
from projledger.check.findings import Finding
from projledger.check.rules import RuleContext, check_project
from projledger.check.validation import validate
from projledger.model import Config, Project
from projledger.model.common import PROJECT_ID_RE
from projledger.store.locate import locate, locate_in_text
from projledger.store.reader import (
    MAX_FILE_BYTES,
    ReadResult,
    read_yaml,
    too_deep_for_exact_reader,
)

PROJECT_HEADER = "# yaml-language-server: $schema=../schemas/project.schema.json"
CONFIG_HEADER = "# yaml-language-server: $schema=schemas/config.schema.json"


@dataclass(frozen=True)
class ProjectSummary:
    """What the rules across files need of a project: taken from the raw data, so a file
    with schema errors still takes part in them."""

    id: str | None
    code: str | None
    name: str | None

    @classmethod
    def of(cls, data: Any) -> "ProjectSummary | None":
        if not isinstance(data, dict):
            return None

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value else None

        return cls(text("id"), text("code"), text("name"))


@dataclass
class FileCheck:
    findings: list[Finding] = field(default_factory=list)
    summary: ProjectSummary | None = None
    config: Config | None = None
    text: str | None = None


def precheck(path: Path, file: str) -> Finding | None:
    """What can be said from the directory entry alone, before reading the file."""
    if path.is_symlink():
        return Finding.of(
            "PL013",
            "ledger files may not be symbolic links (git history would not show what the "
            "link points to); replace the link with the file",
            file,
        )
    if not path.is_file():
        return Finding.of("PL001", "not a regular file; remove it from projects/", file)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return Finding.of(
            "PL002",
            f"the file is {size / 1024 / 1024:.1f} MB; a ledger file may be at most "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB. Is it a ledger file?",
            file,
        )
    return None


def file_name_finding(path: Path, file: str) -> Finding | None:
    if path.suffix == ".yaml" and PROJECT_ID_RE.match(path.stem):
        return None
    return Finding.of(
        "PL014",
        f"{Path(file).name} is not <project-id>.yaml (an id is lower-case letters, digits and "
        "hyphens); rename it, or move it out of projects/",
        file,
    )


def check_project_bytes(raw: bytes, file: str, stem: str, config: Config | None) -> FileCheck:
    result, read, project = _read_and_validate(raw, file, Project, PROJECT_HEADER)
    if read.parsed:
        result.summary = ProjectSummary.of(read.data)
        if result.summary and result.summary.id and result.summary.id != stem:
            result.findings.append(
                Finding.of(
                    "PL200",
                    f"id is {result.summary.id!r} but the file is {stem}.yaml; rename the file "
                    "or fix the id",
                    file,
                    ("id",),
                )
            )
    if isinstance(project, Project):
        result.findings.extend(check_project(project, RuleContext(file=file, config=config)))
    result.findings = place(result.findings, read.text, read.data)
    return result


def check_config_bytes(raw: bytes, file: str) -> FileCheck:
    result, read, config = _read_and_validate(raw, file, Config, CONFIG_HEADER)
    if isinstance(config, Config):
        result.findings.extend(check_config(config, file))
        result.config = config
    result.findings = place(result.findings, read.text, read.data)
    return result


def _read_and_validate(
    raw: bytes, file: str, model: type[Project] | type[Config], header: str
) -> tuple[FileCheck, ReadResult, Project | Config | None]:
    """Read, check the header line and validate: the findings so far and the model."""
    result = FileCheck()
    read = read_yaml(raw, file)
    instance = None
    if read.parsed:
        instance, findings = validate(model, read.data, file)
        if instance is None and too_deep_for_exact_reader(read):
            read = read_yaml(raw, file, exact=True)  # reports the nesting itself (PL007)
            findings = []
        result.findings.extend(findings)
    result.findings[:0] = read.findings
    if read.parsed:
        _header(read.text or "", header, file, result.findings)
    result.text = read.text
    return result, read, instance


def place(findings: list[Finding], text: str | None, data: Any) -> list[Finding]:
    """Give every finding a line: those with a `loc` from an exact read of the text (done
    only for files that have such findings, as the fast reader keeps no positions)."""
    unplaced = [f for f in findings if f.line is None]
    if not unplaced:
        return findings
    if hasattr(data, "lc"):
        positions = [locate(data, f.loc) for f in unplaced]
    elif text is not None:
        positions = locate_in_text(text, [f.loc for f in unplaced])
    else:
        positions = [(1, 1)] * len(unplaced)
    placed = dict(zip(map(id, unplaced), positions, strict=True))
    return [f if f.line is not None else f.at(*placed[id(f)]) for f in findings]


def _header(text: str, expected: str, file: str, findings: list[Finding]) -> None:
    first_line = text.split("\n", 1)[0].rstrip()
    if first_line != expected:
        findings.append(
            Finding.of(
                "PL015",
                f"the first line should be `{expected}` so editors validate and complete the file",
                file,
                line=1,
                col=1,
            )
        )

"""Checking one file: read, validate, apply rules, then place every finding on a line."""

from projledger.check.config_rules import check_config
from projledger.check.entries import FileCheck, ProjectSummary, place_findings
from projledger.check.hidden_text import hidden_characters
from projledger.check.rules import RuleContext, check_project
from projledger.check.validation import validate
from projledger.findings import Finding
from projledger.messages import msg
from projledger.model import Config, Project
from projledger.store.reader import (
    ReadResult,
    read_yaml,
    too_deep_for_exact_reader,
)

PROJECT_HEADER = "# yaml-language-server: $schema=../schemas/project.schema.json"
CONFIG_HEADER = "# yaml-language-server: $schema=schemas/config.schema.json"


def check_project_bytes(raw: bytes, file: str, stem: str, config: Config | None) -> FileCheck:
    result, read, project = _read_and_validate(raw, file, Project, PROJECT_HEADER)
    if read.parsed:
        result.summary = ProjectSummary.of(read.data)
        if result.summary and result.summary.id and result.summary.id != stem:
            result.findings.append(
                Finding.of(
                    "PL200",
                    msg("PL200", id=repr(result.summary.id), stem=stem),
                    file,
                    ("id",),
                )
            )
    if isinstance(project, Project):
        result.project = project
        result.findings.extend(check_project(project, RuleContext(file=file, config=config)))
    result.findings = place_findings(result.findings, read.text, read.data)
    return result


def check_config_bytes(raw: bytes, file: str) -> FileCheck:
    result, read, config = _read_and_validate(raw, file, Config, CONFIG_HEADER)
    if isinstance(config, Config):
        result.findings.extend(check_config(config, file))
        result.config = config
    result.findings = place_findings(result.findings, read.text, read.data)
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
        result.findings.extend(hidden_characters(read.text or "", read.data, file))
    result.findings[:0] = read.findings
    if read.parsed:
        _header(read.text or "", header, file, result.findings)
    result.text = read.text
    result.exact_reason = read.exact_reason
    return result, read, instance


def _header(text: str, expected: str, file: str, findings: list[Finding]) -> None:
    first_line = text.split("\n", 1)[0].rstrip()
    if first_line != expected:
        findings.append(
            Finding.of(
                "PL015",
                msg("PL015", expected=expected, file=file),
                file,
                line=1,
                col=1,
            )
        )

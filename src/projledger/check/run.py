"""The check of one or more ledger roots: every file, every rule, every finding."""

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from projledger.check.cache import CachedFile, CheckCache, blob_id, checker_fingerprint
from projledger.check.files import (
    FileCheck,
    ProjectSummary,
    check_config_bytes,
    check_project_bytes,
    file_name_finding,
    place,
    precheck,
)
from projledger.check.findings import Finding, Severity
from projledger.model import Config
from projledger.root import LedgerRoot, find_root
from projledger.store.reader import decode


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    texts: dict[str, str] = field(default_factory=dict)
    """Text of each file with findings, to show the offending lines."""

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


@dataclass
class _Selection:
    """Which files of one root to report on (None: all of them)."""

    root: LedgerRoot
    files: set[Path] | None = None


def check_paths(
    paths: Iterable[Path], cwd: Path, *, use_cache: bool = True, strict: bool = False
) -> CheckReport:
    report = CheckReport()
    for selection in _select(paths):
        _check_root(selection, cwd, report, use_cache)
    if strict:
        report.findings = [f.strict() for f in report.findings]
    report.findings.sort(key=Finding.sort_key)
    return report


def _select(paths: Iterable[Path]) -> list[_Selection]:
    selections: dict[Path, _Selection] = {}
    for path in paths:
        resolved = path.absolute()
        if resolved.is_dir() and (resolved / "projledger.yaml").is_file():
            selections[resolved] = _Selection(LedgerRoot(resolved), None)
            continue
        root = find_root(resolved if resolved.is_dir() else resolved.parent)
        selection = selections.setdefault(root.path, _Selection(root, set()))
        if selection.files is not None:
            if resolved.is_dir() and resolved.resolve() in (root.path, root.projects_dir):
                selection.files = None
            elif resolved.is_dir():
                selection.files.update(p for p in resolved.rglob("*.yaml"))
            else:
                selection.files.add(resolved)
    return list(selections.values())


def _display(path: Path, cwd: Path) -> str:
    """The path as the user would type it, relative to where they are; bytes that are not
    UTF-8 in a file name are shown as escapes (\\xff) rather than breaking the output."""
    try:
        shown = os.path.relpath(path, cwd) if path.is_relative_to(cwd) else str(path)
    except ValueError:
        shown = str(path)
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _check_root(selection: _Selection, cwd: Path, report: CheckReport, use_cache: bool) -> None:
    root = selection.root
    wanted = selection.files

    def reported(path: Path) -> bool:
        return wanted is None or path in wanted or path.resolve() in wanted

    config_path = root.config_file
    config_file = _display(config_path, cwd)
    try:
        config_raw = config_path.read_bytes()
        config_check = check_config_bytes(config_raw, config_file)
    except OSError as exc:
        config_raw = b""
        config_check = FileCheck(
            [
                Finding.of(
                    "PL001", f"cannot read the file: {exc.strerror}", config_file, line=1, col=1
                )
            ]
        )
    config = config_check.config
    if reported(config_path):
        report.files_checked += 1
        _collect(report, config_file, config_check.findings, config_check.text)
        if config is None:
            report.findings.append(
                Finding.of(
                    "PL400",
                    "projledger.yaml is invalid, so units, people and stages in project files "
                    "are not checked; fix the findings above",
                    config_file,
                    line=1,
                    col=1,
                )
            )

    cache = (
        CheckCache(root.state_dir() / "check-cache.json", checker_fingerprint(config_raw))
        if use_cache
        else None
    )
    summaries: dict[Path, ProjectSummary] = {}
    seen: set[str] = set()
    for path in root.project_files():
        file = _display(path, cwd)
        name = path.name
        seen.add(name)
        show = reported(path)
        report.files_checked += show
        early = precheck(path, file)
        if early is not None:
            if show:
                report.findings.append(early.at(1, 1))
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            if show:
                report.findings.append(
                    Finding.of(
                        "PL001", f"cannot read the file: {exc.strerror}", file, line=1, col=1
                    )
                )
            continue
        result = _check_file(raw, path, file, config, cache)
        if result.summary is not None:
            summaries[path] = result.summary
        if show:
            named = file_name_finding(path, file)
            findings = [named.at(1, 1), *result.findings] if named else result.findings
            text = decode(raw, file).text if findings else None
            _collect(report, file, findings, text)
    if cache is not None:
        cache.retain(seen)
        cache.save()
    for path, finding in _across_files(summaries, cwd):
        if reported(path):
            text = decode(path.read_bytes(), finding.file).text
            _collect(report, finding.file, place([finding], text, None), text)


def _check_file(
    raw: bytes, path: Path, file: str, config: Config | None, cache: CheckCache | None
) -> CachedFile:
    blob = blob_id(raw)
    if cache is not None:
        hit = cache.get(path.name, blob, file)
        if hit is not None:
            return hit
    checked = check_project_bytes(raw, file, Path(file).stem, config)
    result = CachedFile(checked.findings, checked.summary)
    if cache is not None:
        cache.put(path.name, blob, result)
    return result


def _collect(report: CheckReport, file: str, findings: list[Finding], text: str | None) -> None:
    report.findings.extend(findings)
    if findings and text is not None:
        report.texts[file] = text


def _across_files(
    summaries: dict[Path, ProjectSummary], cwd: Path
) -> Iterable[tuple[Path, Finding]]:
    """Project ids, national codes and names are unique across the root."""
    keys = (
        ("PL300", "id", "project id"),
        ("PL301", "code", "national project code"),
        ("PL302", "name", "project name"),
    )
    for code, field_name, what in keys:
        holders: dict[str, list[Path]] = defaultdict(list)
        for path, summary in summaries.items():
            value = getattr(summary, field_name)
            if value:
                holders[value].append(path)
        for value, paths in holders.items():
            if len(paths) < 2:
                continue
            for path in paths:
                others = ", ".join(_display(p, p.parent) for p in paths if p != path)
                yield (
                    path,
                    Finding.of(
                        code,
                        f"{what} {value} is also used by {others}; each project has its own",
                        _display(path, cwd),
                        (field_name,),
                    ),
                )

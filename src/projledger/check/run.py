"""The check of one or more ledger roots: every file, every rule, every finding."""

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from projledger.check.cache import CachedFile, CheckCache, checker_fingerprint
from projledger.check.entries import (
    FileCheck,
    ProjectSummary,
    file_name_finding,
    place_findings,
    precheck,
)
from projledger.check.findings import Finding, Severity
from projledger.gcpause import gc_paused
from projledger.root import LedgerRoot, find_root
from projledger.store.blob_cache import blob_id
from projledger.store.limits import read_ledger_bytes
from projledger.store.reader import decode

if TYPE_CHECKING:
    from projledger.model import Config


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
    # Tens of thousands of small objects (findings, cache entries, paths), none in a
    # cycle: the cyclic collector would scan them again and again (0.06-0.2 s of a 1.1 s
    # cached check of 10,000 files).
    with gc_paused():
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

    config = _ConfigFile(root.config_file, _display(root.config_file, cwd))
    cache = (
        CheckCache(root.state_dir() / "check-cache.json", checker_fingerprint(config.raw))
        if use_cache
        else None
    )
    if reported(root.config_file):
        report.files_checked += 1
        _collect(report, config.file, config.findings(cache), config.text)

    entries: list[_Entry] = []
    for path in root.project_files():
        file = _display(path, cwd)
        show = reported(path)
        report.files_checked += show
        early = precheck(path, file)
        raw = b""
        if early is None:
            try:
                raw = read_ledger_bytes(path)
            except OSError as exc:
                early = Finding.of("PL001", f"cannot read the file: {exc.strerror}", file)
        if early is not None:
            if show:
                report.findings.append(early.at(1, 1))
            continue
        entries.append(_Entry(path, file, show, raw, blob_id(raw)))

    results = _project_results(entries, config, cache)
    if cache is not None:
        cache.retain({entry.path.name for entry in entries} | {_CONFIG_KEY})
        cache.save()
    summaries: dict[Path, ProjectSummary] = {}
    for entry, result in zip(entries, results, strict=True):
        if result.summary is not None:
            summaries[entry.path] = result.summary
        if entry.show:
            named = file_name_finding(entry.path, entry.file)
            findings = [named.at(1, 1), *result.findings] if named else result.findings
            text = decode(entry.raw, entry.file).text if findings else None
            _collect(report, entry.file, findings, text)
    for path, finding in _across_files(summaries, cwd):
        if reported(path):
            text = decode(path.read_bytes(), finding.file).text
            _collect(report, finding.file, place_findings([finding], text), text)


_CONFIG_KEY = "../projledger.yaml"
"""The config's cache entry: a name no file in projects/ can have."""


@dataclass
class _Entry:
    path: Path
    file: str
    show: bool
    raw: bytes
    blob: str


class _ConfigFile:
    """projledger.yaml, validated only when something needs it: a fully cached check
    never imports pydantic."""

    def __init__(self, path: Path, file: str) -> None:
        self.file = file
        self.text: str | None = None
        self._read_error: str | None = None
        try:
            self.raw = path.read_bytes()
        except OSError as exc:
            self.raw = b""
            self._read_error = exc.strerror
        self._checked: FileCheck | None = None

    def findings(self, cache: CheckCache | None) -> list[Finding]:
        blob = blob_id(self.raw)
        hit = cache.get(_CONFIG_KEY, blob, self.file) if cache is not None else None
        if hit is not None:
            findings = hit.findings
        else:
            findings = list(self._check().findings)
            if self.model() is None:
                findings.append(
                    Finding.of(
                        "PL400",
                        "projledger.yaml is invalid, so units, people and stages in project "
                        "files are not checked; fix the findings above",
                        self.file,
                        line=1,
                        col=1,
                    )
                )
            if cache is not None:
                cache.put(_CONFIG_KEY, blob, CachedFile(findings, None))
        if findings:
            self.text = decode(self.raw, self.file).text
        return findings

    def model(self) -> "Config | None":
        return self._check().config

    def _check(self) -> FileCheck:
        if self._checked is None:
            if self._read_error is not None:
                finding = Finding.of(
                    "PL001", f"cannot read the file: {self._read_error}", self.file, line=1, col=1
                )
                self._checked = FileCheck([finding])
            else:
                from projledger.check.files import check_config_bytes

                self._checked = check_config_bytes(self.raw, self.file)
        return self._checked


def _project_results(
    entries: list[_Entry], config: _ConfigFile, cache: CheckCache | None
) -> list[CachedFile]:
    """Each entry's findings: from the cache where its content is known, else checked
    (on every core when there are many)."""
    results: list[CachedFile | None] = [
        cache.get(entry.path.name, entry.blob, entry.file) if cache is not None else None
        for entry in entries
    ]
    misses = [index for index, result in enumerate(results) if result is None]
    if misses:
        model = config.model()
        work = [(entries[i].raw, entries[i].file, Path(entries[i].file).stem) for i in misses]
        for index, result in zip(misses, _check_all(work, model), strict=True):
            results[index] = result
            if cache is not None:
                cache.put(entries[index].path.name, entries[index].blob, result)
    return [result for result in results if result is not None]


def _check_all(work: list[tuple[bytes, str, str]], config: "Config | None") -> list[CachedFile]:
    from functools import partial

    from projledger.parallel import map_in_workers

    return map_in_workers(partial(_check_chunk, config), work)


def _check_chunk(
    config: "Config | None", work: Sequence[tuple[bytes, str, str]]
) -> list[CachedFile]:
    from projledger.check.files import check_project_bytes

    results = []
    for raw, file, stem in work:
        checked = check_project_bytes(raw, file, stem, config)
        results.append(CachedFile(checked.findings, checked.summary))
    return results


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

"""The check of one or more ledger roots: every file, every rule, every finding."""

import errno
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from projledger.check.cache import CachedFile, CheckCache, checker_fingerprint
from projledger.check.duplicates import duplicate_of_findings
from projledger.check.entries import (
    FileCheck,
    ProjectSummary,
    file_name_finding,
    place_findings,
    precheck_entry,
)
from projledger.findings import Finding, Severity
from projledger.gcpause import gc_paused
from projledger.messages import Message, msg
from projledger.root import LedgerRoot, find_root
from projledger.store.blob_cache import blob_id
from projledger.store.limits import read_ledger_bytes, too_large_finding
from projledger.store.reader import decode

if TYPE_CHECKING:
    from projledger.model import Config


@dataclass(frozen=True)
class SlowRead:
    """A file this run read with the exact (slow) YAML reader: why, and how long its whole
    check took (`check --verbose`)."""

    file: str
    reason: Message
    seconds: float


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    texts: dict[str, str] = field(default_factory=dict)
    """Text of each file with findings, to show the offending lines."""
    slow_reads: list[SlowRead] = field(default_factory=list)
    checked: str | None = None
    """What the summary says was checked, when not `files_checked` files (`audit`: the
    commits and the files they changed), in the output's language."""

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
    return _shown(shown)


def _shown(path: str) -> str:
    if path.isascii() or path.isprintable():
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _check_root(selection: _Selection, cwd: Path, report: CheckReport, use_cache: bool) -> None:
    root = selection.root
    wanted = selection.files

    # Compared by resolved path once, not per file of a large root.
    wanted_paths = None if wanted is None else {p.resolve() for p in wanted}
    projects_dir = root.projects_dir.resolve()
    wanted_names = (
        None
        if wanted is None
        # The entry's own name: a symbolic link is reported as itself (PL013).
        else {p.name for p in wanted if p.parent.resolve() == projects_dir}
    )

    def reported(path: Path) -> bool:
        if wanted_paths is None or wanted_names is None:
            return True
        if path.parent == root.projects_dir:
            return path.name in wanted_names
        return path.resolve() in wanted_paths

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
    for path, file, precheck in _listing(root, cwd):
        show = reported(path)
        report.files_checked += show
        raw: bytes | None = None
        problem = precheck
        # A file the cache does not know, in a check of the whole root, is read by the
        # worker that checks it: the workers start at once, and no bytes are sent to them.
        must_read = wanted is not None or (cache is not None and cache.knows(path.name))
        if problem is None and must_read:
            try:
                raw = read_ledger_bytes(path)
            except OSError as exc:
                problem = _unreadable(path, file, exc)
        if problem is not None:
            if show:
                report.findings.append(problem.at(1, 1))
            continue
        entries.append(_Entry(path, file, show, raw))

    results = _project_results(entries, config, cache, report.slow_reads, whole=wanted is None)
    if cache is not None:
        cache.retain({entry.path.name for entry in entries} | {_CONFIG_KEY})
        cache.save()
    summaries: dict[Path, ProjectSummary] = {}
    for entry, result in zip(entries, results, strict=True):
        if result is None:
            continue
        if result.summary is not None:
            summaries[entry.path] = result.summary
        if entry.show:
            named = file_name_finding(entry.path, entry.file)
            findings = [named.at(1, 1), *result.findings] if named else result.findings
            text = _text_of(entry.path, entry.file) if findings else None
            _collect(report, entry.file, findings, text)
    present = {entry.path.stem for entry in entries}
    across = chain(
        _across_files(summaries, cwd),
        duplicate_of_findings(summaries, present, lambda p: _display(p, cwd)),
    )
    for path, finding in across:
        if reported(path):
            text = decode(path.read_bytes(), finding.file).text
            _collect(report, finding.file, place_findings([finding], text), text)


def across_files_of(
    root: LedgerRoot,
    path: Path,
    versions: Sequence[ProjectSummary | None],
    config: "Config | None",
) -> list[list[Finding]]:
    """The findings across files (PL300-PL302) the project file at `path` would have in
    each of `versions` (its summary before and after a change), against the root's other
    files as they are: what `check FILE` reports, found as cheaply (only a file that could
    share an id, code or name with a version is parsed)."""
    from projledger.check.files import check_project_bytes

    needles = _needles(version for version in versions if version is not None)
    others: dict[Path, ProjectSummary] = {}
    present = {path.stem}
    for other, file, problem in _listing(root, root.path):
        present.add(other.stem)
        if other.name == path.name or problem is not None or not needles:
            continue
        try:
            raw = read_ledger_bytes(other)
        except OSError:
            continue  # `check` reports it
        if _may_share(raw, needles):
            summary = check_project_bytes(raw, file, other.stem, config).summary
            if summary is not None:
                others[other] = summary
    found: list[list[Finding]] = []
    for version in versions:
        summaries = dict(others)
        if version is not None:
            summaries[path] = version
        across = chain(
            _across_files(summaries, root.path),
            duplicate_of_findings(summaries, present, lambda p: _display(p, root.path)),
        )
        found.append([f for p, f in across if p == path])
    return found


def _text_of(path: Path, file: str) -> str | None:
    """The file's text, to show the lines of its findings (None if it cannot be read)."""
    try:
        return decode(read_ledger_bytes(path), file).text
    except OSError:
        return None


def _unreadable(path: Path, file: str, exc: OSError) -> Finding:
    if exc.errno == errno.EFBIG:
        return too_large_finding(path.stat().st_size, file)
    return Finding.of("PL001", msg("PL001.unreadable", reason=exc.strerror), file)


def _listing(root: LedgerRoot, cwd: Path) -> Iterator[tuple[Path, str, Finding | None]]:
    """Every entry of projects/ but hidden ones, by name: its path, the path as shown, and
    what can be said of it before reading it. One directory read gives each entry's
    type, so a file costs no stat here."""
    projects = root.projects_dir
    try:
        with os.scandir(projects) as listing:
            found = sorted(
                (entry for entry in listing if not entry.name.startswith(".")),
                key=lambda entry: entry.name,
            )
    except (FileNotFoundError, NotADirectoryError):
        return
    shown_dir = _display(projects, cwd)
    prefix = "" if shown_dir == os.curdir else shown_dir + os.sep
    for entry in found:
        path = projects / entry.name
        file = _shown(prefix + entry.name)
        yield path, file, precheck_entry(entry, file)


_CONFIG_KEY = "../projledger.yaml"
"""The config's cache entry: a name no file in projects/ can have."""


@dataclass
class _Entry:
    path: Path
    file: str
    show: bool
    raw: bytes | None
    """The file's bytes until it is checked or found in the cache (then dropped); None
    for a file its checker reads."""


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
                findings.append(Finding.of("PL400", msg("PL400"), self.file, line=1, col=1))
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
                reason = msg("PL001.unreadable", reason=self._read_error)
                finding = Finding.of("PL001", reason, self.file, line=1, col=1)
                self._checked = FileCheck([finding])
            else:
                from projledger.check.files import check_config_bytes

                self._checked = check_config_bytes(self.raw, self.file)
        return self._checked


def _project_results(
    entries: list[_Entry],
    config: _ConfigFile,
    cache: CheckCache | None,
    slow_reads: list[SlowRead],
    *,
    whole: bool,
) -> list[CachedFile | None]:
    """Each entry's findings: from the cache where its content is known, else checked (on
    every core when there are many). When only some files are reported (`whole` false),
    another file is checked only if it could share an id, code or name with one of them
    (None for the rest): `check FILE` in a large root reads every file but parses few."""
    results: list[CachedFile | None] = [
        cache.get(entry.path.name, blob_id(entry.raw), entry.file)
        if cache is not None and entry.raw is not None and cache.knows(entry.path.name)
        else None  # a name the cache has never seen: no need to hash the file
        for entry in entries
    ]
    if not whole:
        shown = [i for i, entry in enumerate(entries) if entry.show and results[i] is None]
        _check_into(results, shown, entries, config, cache, slow_reads)
        needles = _needles(result.summary for result in results if result and result.summary)
        misses = [
            index
            for index, result in enumerate(results)
            if result is None and _may_share(entries[index].raw or b"", needles)
        ]
    else:
        misses = [index for index, result in enumerate(results) if result is None]
    _check_into(results, misses, entries, config, cache, slow_reads)
    for entry in entries:
        entry.raw = None
    return results


def _check_into(
    results: list[CachedFile | None],
    indexes: list[int],
    entries: list[_Entry],
    config: _ConfigFile,
    cache: CheckCache | None,
    slow_reads: list[SlowRead],
) -> None:
    if not indexes:
        return
    model = config.model()
    work = [
        _Work(str(entries[i].path), entries[i].raw, entries[i].file, entries[i].path.stem)
        for i in indexes
    ]
    for index, done in zip(indexes, _check_all(work, model), strict=True):
        results[index] = done.result
        if done.slow is not None:
            slow_reads.append(done.slow)
        if cache is not None and done.blob is not None:
            cache.put(entries[index].path.name, done.blob, done.result)


def _needles(summaries: Iterable[ProjectSummary]) -> list[list[str]]:
    """For each id, code and name of the reported files, the pieces any file holding the
    same value must contain as they are: YAML may fold a value's spaces and double a
    quote, and change nothing else but by a backslash escape (see `_unescaped`)."""
    needles = []
    for summary in summaries:
        for value in (summary.id, summary.code, summary.name, summary.duplicate_of):
            if value:
                pieces = value.replace("'", " ").split()
                if pieces:
                    needles.append(pieces)
    return needles


def _may_share(raw: bytes, needles: list[list[str]]) -> bool:
    """Whether the file could hold one of the values (as plain or single-quoted text, or
    in a double-quoted scalar, escapes resolved)."""
    if any(all(piece.encode() in raw for piece in pieces) for pieces in needles):
        return True
    if b"\\" not in raw:
        return False
    text = _unescaped(raw.decode("utf-8", "replace"))
    return any(all(piece in text for piece in pieces) for pieces in needles)


_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|\n[ \t]*|(.))")


def _unescaped(text: str) -> str:
    """`text` with YAML's double-quoted escapes resolved: hex escapes become their
    characters, an escaped line break vanishes, `\\"`, `\\\\` and `\\/` their character, any
    other escape a space (which splits pieces, so it never hides one)."""

    def resolve(match: re.Match[str]) -> str:
        digits = match.group(1) or match.group(2) or match.group(3)
        if digits:
            code = int(digits, 16)
            return chr(code) if code <= sys.maxunicode else " "
        other = match.group(4)
        if other is None:
            return ""
        return other if other in '"\\/' else " "

    return _ESCAPE.sub(resolve, text)


class _Work(NamedTuple):
    """A file for a checker: its bytes, or None to read them from `path` there."""

    path: str
    raw: bytes | None
    file: str
    stem: str


class _Done(NamedTuple):
    result: CachedFile
    slow: SlowRead | None
    blob: str | None
    """The content's blob id, to cache the result under; None: not to be cached."""


def _check_all(work: list[_Work], config: "Config | None") -> list[_Done]:
    from functools import partial

    from projledger.parallel import map_in_workers

    return map_in_workers(partial(_check_chunk, config), work)


def _check_chunk(config: "Config | None", work: Sequence[_Work]) -> list[_Done]:
    from time import perf_counter

    from projledger.check.files import check_project_bytes

    done: list[_Done] = []
    for item in work:
        raw = item.raw
        if raw is None:
            try:
                raw = read_ledger_bytes(item.path)
            except OSError as exc:  # gone or changed since it was listed
                problem = _unreadable(Path(item.path), item.file, exc).at(1, 1)
                done.append(_Done(CachedFile([problem], None), None, None))
                continue
        start = perf_counter()
        checked = check_project_bytes(raw, item.file, item.stem, config)
        slow = None
        if checked.exact_reason is not None:
            slow = SlowRead(item.file, checked.exact_reason, perf_counter() - start)
        done.append(_Done(CachedFile(checked.findings, checked.summary), slow, blob_id(raw)))
    return done


def _collect(report: CheckReport, file: str, findings: list[Finding], text: str | None) -> None:
    report.findings.extend(findings)
    if findings and text is not None:
        report.texts[file] = text


def _across_files(
    summaries: dict[Path, ProjectSummary], cwd: Path
) -> Iterable[tuple[Path, Finding]]:
    """Project ids, national codes and names are unique across the root."""
    keys = (("PL300", "id"), ("PL301", "code"), ("PL302", "name"))
    for code, field_name in keys:
        holders: dict[str, list[Path]] = defaultdict(list)
        for path, summary in summaries.items():
            value = getattr(summary, field_name)
            if value and not (summary.duplicate_of and field_name != "id"):
                holders[value].append(path)
        for value, paths in holders.items():
            if len(paths) < 2:
                continue
            for path in paths:
                others = "|".join(_display(p, p.parent) for p in paths if p != path)
                message = msg(code, value=value, others=others)
                yield path, Finding.of(code, message, _display(path, cwd), (field_name,))

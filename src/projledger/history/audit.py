"""Audit: the history rules (PL5xx, history/rules.py) over every commit of a range
(`audit BASE..HEAD`).

Each commit that changed a project file is judged against the reference its parent's
version left, so a rule must hold in every commit of the range, not only between its two
ends: a task removed in one commit and its id given to another task in the next is two
findings, though the ends differ only in a title. A finding names the commit that broke
the rule and stays until a later commit puts back what the rule requires (the removed
item as it was, the original due date...), so every finding can be fixed with a new
commit, without rewriting history. A commit that leaves a file unreadable (a YAML error,
merge-conflict markers) is reported with the reading finding until a later commit makes
the file readable again; the versions after it are judged against the last readable one.
What happened before the range is used as knowledge (which ids were ever used, and for
what) but never reported. When the config declares `members`, each commit's author is
judged too (PL510-PL516, authority_audit.py).
"""

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from projledger.errors import ProjledgerError
from projledger.findings import Finding
from projledger.history.audit_messages import Wording
from projledger.history.diff import item_ids
from projledger.history.gitlog import Commit, LogEntry, tree_blobs
from projledger.history.rules import Entry, Reference, Violation, all_items, judge
from projledger.history.timeline import LedgerHistory, Step
from projledger.history.values import Json
from projledger.messages import msg
from projledger.root import LedgerRoot

MANY_PATHS = 500
"""Above this many files, the second `git log` reads the whole projects folder."""


@dataclass
class AuditResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    """Project files changed in the range."""
    commits: int = 0
    """Commits in the range, each judged (its project files, and its author)."""
    texts: dict[str, str] = field(default_factory=dict)
    """The end version of each file with findings, to show the offending lines."""


def audit_findings(
    root: LedgerRoot,
    base_rev: str,
    head_rev: str = "HEAD",
    *,
    cwd: Path | None = None,
    use_cache: bool = True,
) -> list[Finding]:
    """Findings of the history rules (PL5xx) for the commits in `base_rev..head_rev`."""
    return audit_range(root, base_rev, head_rev, cwd=cwd, use_cache=use_cache).findings


def audit_range(
    root: LedgerRoot,
    base_rev: str,
    head_rev: str = "HEAD",
    *,
    cwd: Path | None = None,
    use_cache: bool = True,
) -> AuditResult:
    history = LedgerHistory(root, use_cache=use_cache)
    try:
        return _Audit(history, cwd or Path.cwd()).run(base_rev, head_rev)
    finally:
        history.close()


def _commit_id(history: LedgerHistory, revision: str) -> str:
    try:
        return history.repo.git(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
    except ProjledgerError:
        raise ProjledgerError(msg("audit.not_a_commit", revision=revision)) from None


@dataclass(frozen=True)
class _State:
    """Where the walk of one file stands after one of its versions: the reference the next
    version is judged against, the rules broken (each with the commit that broke it; None
    for a merge), the version's data, and the commit that left the file unreadable."""

    reference: Reference
    broken: dict[tuple[str | int, ...], tuple[Violation, Commit | None]]
    data: Json
    unreadable: Commit | None = None
    unreadable_blob: str | None = None


class _Audit:
    def __init__(self, history: LedgerHistory, cwd: Path) -> None:
        self.history = history
        self.cwd = cwd
        self.result = AuditResult()
        self.wording = Wording("", "")

    def run(self, base_rev: str, head_rev: str) -> AuditResult:
        history = self.history
        base, head = _commit_id(history, base_rev), _commit_id(history, head_rev)
        try:
            fork: str | None = history.repo.git("merge-base", base, head)
        except ProjledgerError:
            fork = None  # unrelated histories: nothing came before the range
        self.wording = Wording((fork or base)[:8], head[:8])
        self.result.commits = int(history.repo.git("rev-list", "--count", f"{base}..{head}"))
        in_range = history.log(revisions=[f"{base}..{head}"])
        paths = sorted({change.path for entry in in_range for change in entry.files})
        self.result.files = len(paths)
        if not paths:  # projledger.yaml alone may have changed: whose change it was
            self._authority(base, head, in_range, [], {})
            self.result.findings.sort(key=Finding.sort_key)
            return self.result
        base_blobs = tree_blobs(history.repo, fork, history.projects_dir) if fork else {}
        head_blobs = tree_blobs(history.repo, head, history.projects_dir)
        steps_in = _by_path(history.steps(in_range))
        ends = [blobs[p] for blobs in (base_blobs, head_blobs) for p in paths if p in blobs]
        data = history.store.load(ends)

        # An id that no version in the range holds beyond its start cannot be a reused
        # one: only for files with such ids is the earlier history read (a second
        # `git log`, of these files).
        def new_ids(path: str) -> set[str]:
            versions = [s.new for s in steps_in.get(path, []) if s.readable]
            if path in head_blobs:
                versions.append(data[head_blobs[path]])
            start = item_ids(data[base_blobs[path]]) if path in base_blobs else set()
            return set().union(*(item_ids(v) for v in versions)) - start

        earlier = [
            path
            for path in paths
            if (path in base_blobs and data[base_blobs[path]] is None) or new_ids(path)
        ]
        before: list[LogEntry] = []
        if fork is not None and earlier:
            limit = earlier if len(earlier) <= MANY_PATHS else None
            before = _only(history.log(revisions=[fork], paths=limit), set(earlier))
        steps_before = _by_path(history.steps(before))
        for path in paths:
            prior = steps_before.get(path, [])
            base_blob = base_blobs.get(path)
            base_data = data[base_blob] if base_blob is not None else None
            if base_data is None and base_blob is not None:  # unreadable then: its last readable
                base_data = next((s.new for s in reversed(prior) if s.new is not None), {})
            start = Reference.of(base_data if base_blob is not None else None, _known(prior))
            initial = _State(start, {}, base_data)
            final = self._walk(initial, base_blob, steps_in.get(path, []), head_blobs.get(path))
            self._report(path, final, head_blobs.get(path))
        heads = {path: data[blob] for path, blob in head_blobs.items() if path in steps_in}
        steps = [step for path in paths for step in steps_in.get(path, [])]
        self._authority(base, head, in_range, steps, heads, head_blobs)
        self.result.findings.sort(key=Finding.sort_key)
        return self.result

    def _walk(
        self, initial: _State, base_blob: str | None, steps: list[Step], head_blob: str | None
    ) -> _State:
        """Judge each version against the state its parent's version left (a branch's
        commit against its own parent, not against another branch's last commit)."""
        states: dict[str | None, _State] = {base_blob: initial}
        latest = initial
        for step in steps:
            parent = states.get(step.file.old_blob, latest)
            latest = _next(parent, step.readable, step.new, step.file.new_blob, step.commit)
            states[step.file.new_blob] = latest
        final = states.get(head_blob)
        if final is not None:
            return final
        # The head's version was made by a merge: judged as a commit of its own.
        head_data = self.history.store.load([head_blob])[head_blob] if head_blob else None
        readable = head_blob is None or head_data is not None
        return _next(latest, readable, head_data, head_blob, None)

    def _authority(
        self,
        base: str,
        head: str,
        in_range: list[LogEntry],
        steps: list[Step],
        heads: dict[str, Json],
        head_blobs: dict[str, str] | None = None,
    ) -> None:
        """Whether each commit's author may make its change (the config's `members`)."""
        from projledger.history.authority_audit import authority_findings

        shown: dict[str, str] = _DisplayPaths(self._display)
        found = authority_findings(self.history, base, head, in_range, steps, shown, heads)
        for path, findings in found.by_file.items():
            blob = (head_blobs or {}).get(path)
            if blob is None:
                self.result.findings.extend(f.at(1, 1) for f in findings)
            else:
                self.result.findings.extend(self._placed(findings, blob, readable=True))

    def _report(self, path: str, final: _State, head_blob: str | None) -> None:
        shown = self._display(path)
        findings = [
            self.wording.finding(violation, commit, path, shown, final.data)
            for violation, commit in final.broken.values()
        ]
        if final.unreadable_blob is not None:
            raw = self.history.repo.blobs([final.unreadable_blob])[0]
            findings.append(self.wording.unreadable(raw, final.unreadable, shown))
        if findings:
            readable = final.unreadable_blob is None
            self.result.findings.extend(self._placed(findings, head_blob, readable))

    def _display(self, path: str) -> str:
        full = self.history.repo.top / path
        try:
            return os.path.relpath(full, self.cwd)
        except ValueError:
            return str(full)

    def _placed(
        self, findings: list[Finding], head_blob: str | None, readable: bool
    ) -> list[Finding]:
        """Findings with the line and column of their place in the end version (an
        unreadable one has no places but its reading finding's)."""
        from projledger.check.entries import place_findings
        from projledger.store.reader import decode

        text = None
        if head_blob is not None:
            raw = self.history.repo.blobs([head_blob])[0]
            text = decode(raw, findings[0].file).text
            if text is not None:
                self.result.texts[findings[0].file] = text
        if text is None or not readable:
            return [f if f.line is not None else f.at(1, 1) for f in findings]
        return place_findings(findings, text)


def _next(
    parent: _State, readable: bool, data: Json, blob: str | None, commit: Commit | None
) -> _State:
    """The state after one version: judged, or (unreadable) carried over with the commit
    that made the file unreadable."""
    if not readable:
        first = parent.unreadable if parent.unreadable_blob is not None else commit
        return _State(parent.reference, parent.broken, parent.data, first, blob)
    violations, reference = judge(parent.reference, data)
    broken = {
        v.key: (v, parent.broken[v.key][1] if v.key in parent.broken else commit)
        for v in violations
    }
    return _State(reference, broken, data)


# --- helpers -------------------------------------------------------------------------------


class _DisplayPaths(dict[str, str]):
    """Repository path → how a finding names it, computed when first asked for."""

    def __init__(self, display: "Callable[[str], str]") -> None:
        super().__init__()
        self._show = display

    def __missing__(self, path: str) -> str:
        self[path] = shown = self._show(path)
        return shown


def _only(entries: list[LogEntry], paths: set[str]) -> list[LogEntry]:
    kept = []
    for entry in entries:
        files = [change for change in entry.files if change.path in paths]
        if files:
            kept.append(LogEntry(entry.commit, files))
    return kept


def _by_path(steps: Iterable[Step]) -> dict[str, list[Step]]:
    grouped: dict[str, list[Step]] = defaultdict(list)
    for step in steps:
        grouped[step.file.path].append(step)
    return grouped


def _known(steps: list[Step]) -> dict[str, Entry]:
    """Each id ever used before the range: the list it was first used in, and its item as
    it last was."""
    known: dict[str, Entry] = {}
    for step in steps:
        if not step.readable or not isinstance(step.new, dict):
            continue
        for item_id, entry in all_items(step.new).items():
            first = known.get(item_id)
            known[item_id] = Entry(first.list_name if first else entry.list_name, entry.item)
    return known

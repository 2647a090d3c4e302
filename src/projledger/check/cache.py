"""A cache of per-file check results, keyed by content (the git blob id).

An entry is used only when the file's bytes hash to the stored blob id and the checker
and config are exactly those that produced it, so a changed file is always re-checked.
"""

from dataclasses import dataclass
from pathlib import Path

from projledger.check.entries import ProjectSummary
from projledger.findings import CODE_BY_ID, Finding
from projledger.store.blob_cache import MISS, BlobCache, code_fingerprint

CACHE_FORMAT = 3


def checker_fingerprint(config_raw: bytes) -> str:
    """Changes whenever the checker's code or the config changes."""
    return code_fingerprint(
        b"%d" % CACHE_FORMAT,
        "ids.py",
        "messages/*.py",  # a finding keeps its English beside its key
        "check/*.py",
        "model/*.py",
        "store/*.py",
        extra=config_raw,
    )


@dataclass
class CachedFile:
    findings: list[Finding]
    summary: ProjectSummary | None


class CheckCache:
    """Findings and summary of each file, by content (see `BlobCache`)."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.files = BlobCache(path, fingerprint)

    def get(self, name: str, blob: str, file: str) -> CachedFile | None:
        entry = self.files.get(name, blob)
        if entry is MISS:
            return None
        # A finding is stored as its message's catalogue key and arguments beside its
        # English, so the cache serves a ledger in either language (rendered at output).
        findings = [
            Finding(
                code,
                message,
                file,
                tuple(loc),
                line,
                col,
                CODE_BY_ID[code].severity,
                key,
                tuple((name, value) for name, value in args),
            )
            for code, message, loc, line, col, key, args in entry[0]
        ]
        summary = ProjectSummary(*entry[1]) if entry[1] else None
        return CachedFile(findings, summary)

    def knows(self, name: str) -> bool:
        """Whether anything is stored for `name` (at whatever content)."""
        return name in self.files.entries

    def put(self, name: str, blob: str, cached: CachedFile) -> None:
        findings = [
            [f.code, f.message, list(f.loc), f.line, f.col, f.key, [list(a) for a in f.args]]
            for f in cached.findings
        ]
        summary = cached.summary
        packed = [summary.id, summary.code, summary.name, summary.duplicate_of] if summary else None
        self.files.put(name, blob, [findings, packed])

    def retain(self, names: set[str]) -> None:
        self.files.retain(names)

    def save(self) -> None:
        self.files.save()

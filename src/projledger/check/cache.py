"""A cache of per-file check results, keyed by content (the git blob id).

An entry is used only when the file's bytes hash to the stored blob id and the checker
and config are exactly those that produced it, so a changed file is always re-checked.
"""

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projledger.check.entries import ProjectSummary
from projledger.check.findings import Finding

CACHE_FORMAT = 1


def blob_id(raw: bytes) -> str:
    """The id git gives these bytes (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()


def checker_fingerprint(config_raw: bytes) -> str:
    """Changes whenever the checker's code or the config changes."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(b"%d\0" % CACHE_FORMAT)
    package = Path(__file__).resolve().parent.parent
    sources = [package / "ids.py"]
    for directory in ("check", "model", "store"):
        sources.extend(sorted((package / directory).glob("*.py")))
    for source in sources:
        digest.update(source.read_bytes())
    digest.update(config_raw)
    return digest.hexdigest()


@dataclass
class CachedFile:
    findings: list[Finding]
    summary: ProjectSummary | None


class CheckCache:
    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.entries: dict[str, Any] = {}
        self.dirty = False
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint:
            self.entries = stored.get("files", {})

    def get(self, name: str, blob: str, file: str) -> CachedFile | None:
        entry = self.entries.get(name)
        if not entry or entry[0] != blob:
            return None
        findings = [
            Finding.of(code, message, file, tuple(loc), line=line, col=col)
            for code, message, loc, line, col in entry[1]
        ]
        summary = ProjectSummary(*entry[2]) if entry[2] else None
        return CachedFile(findings, summary)

    def put(self, name: str, blob: str, cached: CachedFile) -> None:
        findings = [[f.code, f.message, list(f.loc), f.line, f.col] for f in cached.findings]
        summary = cached.summary
        packed = [summary.id, summary.code, summary.name] if summary else None
        self.entries[name] = [blob, findings, packed]
        self.dirty = True

    def retain(self, names: set[str]) -> None:
        """Forget files that no longer exist."""
        stale = self.entries.keys() - names
        for name in stale:
            del self.entries[name]
        self.dirty = self.dirty or bool(stale)

    def save(self) -> None:
        """Write atomically; a cache that cannot be written is only a slower next run."""
        if not self.dirty:
            return
        payload = {"fingerprint": self.fingerprint, "files": self.entries}
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(
                json.dumps(payload), encoding="ascii"
            )  # file names may hold surrogates
            temporary.replace(self.path)
        except OSError:
            temporary.unlink(missing_ok=True)

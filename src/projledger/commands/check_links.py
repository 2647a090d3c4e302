"""A ledger root whose own entries are symbolic links is not checked: a finding (PL013)
for each link instead (and PL001 for a projects/ that is no directory). Reading
projects/ or projledger.yaml through a link could read outside the root, and check's
cache would be written through a linked .projledger/."""

import os
from pathlib import Path

from projledger.findings import Finding
from projledger.root import CONFIG_FILE_NAME, LedgerRoot, link_refusal


def without_linked_roots(paths: list[Path], cwd: Path) -> tuple[list[Path], list[Finding]]:
    """The paths to check, and a PL013 finding for each link of their roots' own entries
    (projledger.yaml, projects/, .projledger/)."""
    kept: list[Path] = []
    refused: dict[Path, Finding] = {}
    for path in paths:
        root = _root_of(path)
        links = root.linked_entries() if root is not None else []
        for link in links:
            shown = _shown(link, cwd)
            refused[link] = Finding.of("PL013", link_refusal(link, shown), shown, line=1, col=1)
        unsafe = root.unsafe_layout() if root is not None and not links else None
        if unsafe is not None and root is not None:  # projects/ is there, and no directory
            shown = _shown(root.projects_dir, cwd)
            refused[root.projects_dir] = Finding.of("PL001", unsafe, shown, line=1, col=1)
        elif not links:
            kept.append(path)
    return kept, list(refused.values())


def _root_of(path: Path) -> LedgerRoot | None:
    """The ledger root `path` is in, found by name (a link on the way is not followed, so
    a root whose projects/ is a link is still its root); None outside one."""
    absolute = path.absolute()
    for directory in (absolute, *absolute.parents):
        config = directory / CONFIG_FILE_NAME
        if config.is_symlink() or config.is_file():
            return LedgerRoot(directory)
    return None


def _shown(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd)
    except ValueError:
        return str(path)

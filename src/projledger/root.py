"""The ledger root: a directory holding projledger.yaml, schemas/ and projects/."""

from dataclasses import dataclass
from pathlib import Path

from projledger.errors import RootNotFoundError
from projledger.messages import Message, msg

CONFIG_FILE_NAME = "projledger.yaml"
PROJECTS_DIR = "projects"
SCHEMAS_DIR = "schemas"
STATE_DIR = ".projledger"
"""Caches and locks; ignored by git through its own .gitignore."""


_OWN_ENTRIES = (CONFIG_FILE_NAME, PROJECTS_DIR, STATE_DIR)


def link_refusal(link: Path, shown: str) -> Message:
    """Why a symbolic link `link` (shown as `shown`) is refused, and what to do (`str()`
    of it is its English)."""
    try:
        target = str(link.readlink())
    except OSError:
        target = "?"
    what = "file" if link.name.endswith(".yaml") else "directory"
    return msg(f"PL013.{what}", shown=shown, target=target)


@dataclass(frozen=True)
class LedgerRoot:
    path: Path

    @property
    def config_file(self) -> Path:
        return self.path / CONFIG_FILE_NAME

    @property
    def projects_dir(self) -> Path:
        return self.path / PROJECTS_DIR

    @property
    def schemas_dir(self) -> Path:
        return self.path / SCHEMAS_DIR

    def project_file(self, project_id: str) -> Path:
        return self.projects_dir / f"{project_id}.yaml"

    def project_files(self) -> list[Path]:
        """Every entry of projects/ except hidden ones, sorted: the checker decides which
        are ledger files, so a stray `x.yml` is reported instead of silently skipped."""
        if not self.projects_dir.is_dir():
            return []
        return sorted(p for p in self.projects_dir.iterdir() if not p.name.startswith("."))

    def linked_entries(self) -> list[Path]:
        """Those of the root's own entries (projledger.yaml, projects/, .projledger/) that are
        symbolic links. Nothing is read or written through them: a link may lead out of the
        root, and git records the link, not what it points to."""
        return [self.path / name for name in _OWN_ENTRIES if (self.path / name).is_symlink()]

    def unsafe_layout(self) -> Message | None:
        """Why the root may not be read at all, or None: one of its own entries is a
        symbolic link, or projects/ is there but is no directory (read as empty, every
        report would count nothing and say nothing)."""
        links = self.linked_entries()
        if links:
            return link_refusal(links[0], links[0].relative_to(self.path).as_posix())
        if self.projects_dir.exists() and not self.projects_dir.is_dir():
            return msg("root.projects_not_directory", root=str(self.path))
        return None

    def state_dir(self) -> Path:
        """.projledger/, created on first use with a .gitignore that ignores all of it."""
        state = self.path / STATE_DIR
        state.mkdir(exist_ok=True)
        ignore = state / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# projledger's caches and locks: never committed\n*\n")
        return state


def find_root(start: Path) -> LedgerRoot:
    """The nearest directory at or above `start` holding projledger.yaml."""
    start = start.resolve()
    for directory in (start, *start.parents) if start.is_dir() else start.parents:
        if (directory / CONFIG_FILE_NAME).is_file():
            return LedgerRoot(directory)
    raise RootNotFoundError(msg("error.root_not_found", start=start))

"""Routing ledger files to projledger's merge driver: two halves, because git keeps them
apart. `.gitattributes` (committed, so every clone shares it) names the driver for
`projects/*.yaml` and `projledger.yaml`; the clone's own `.git/config` says what command
runs it, and a clone does not copy it: `projledger setup` writes it in each clone (`init`
and `sync` do it themselves).

The command is the interpreter that runs projledger now, by absolute path, so git finds
the same projledger whatever PATH the merge runs with (`-P`: nothing from the work tree
can shadow the package).
"""

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from projledger.errors import ProjledgerError
from projledger.gitrepo import LedgerRepo
from projledger.messages import msg
from projledger.root import LedgerRoot
from projledger.sync import gitcmd

DRIVER = "projledger"
DRIVER_NAME = "projledger: ledger files merged by item id and field"
ATTRIBUTE_LINES = (
    f"projledger.yaml merge={DRIVER}",
    f"projects/*.yaml merge={DRIVER}",
)
ATTRIBUTES_BLOCK = (
    "# Ledger files merge item by item (the command is in each clone's .git/config:\n"
    "# `projledger setup`).\n" + "".join(line + "\n" for line in ATTRIBUTE_LINES)
)


def projledger_command() -> str:
    """How git (a hook, a merge) runs this projledger: a shell command line."""
    return f"{shlex.quote(sys.executable)} -P -m projledger"


def driver_command(renumber: str | None = None) -> str:
    extra = f" --renumber {renumber}" if renumber else ""
    return f"{projledger_command()} merge-driver{extra} %O %A %B %P"


def configure_clone(top: Path) -> bool:
    """Write the driver into the clone's config; whether anything changed."""
    wanted = {f"merge.{DRIVER}.name": DRIVER_NAME, f"merge.{DRIVER}.driver": driver_command()}
    changed = False
    for key, value in wanted.items():
        current = gitcmd.run(top, "config", "--local", "--get", key)
        if current.out.strip() != value:
            gitcmd.must(top, "config", "--local", key, value)
            changed = True
    return changed


def attributes_missing(root: LedgerRoot) -> list[str]:
    """The attribute lines the root's .gitattributes lacks."""
    path = root.path / ".gitattributes"
    try:
        present = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    except FileNotFoundError:
        present = set()
    return [line for line in ATTRIBUTE_LINES if line not in present]


@dataclass
class SetupResult:
    configured: bool
    """The clone's config was written (it lacked the driver or had another command)."""
    commit: str | None
    """The commit that added the lines to .gitattributes, if it lacked them."""


def set_up(root: LedgerRoot) -> SetupResult:
    repo = LedgerRepo.open(root.path)
    configured = configure_clone(repo.top)
    if not attributes_missing(root):
        return SetupResult(configured, None)
    path = root.path / ".gitattributes"
    repo.check_ready()
    if repo.is_dirty(path) and path.exists():
        raise ProjledgerError(msg("sync.setup_uncommitted", file=repo.relative(path)))
    repo.committer()
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + ("\n" if text else "") + ATTRIBUTES_BLOCK, encoding="utf-8")
    message = "[台账] 启用逐项合并 (merge driver)\n\nProjledger-Command: setup\n"
    return SetupResult(configured, repo.commit_files([path], message))

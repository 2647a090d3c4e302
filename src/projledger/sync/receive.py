"""What the server hook checks (`projledger server-hook run`, in a bare repository): for
every pushed branch, `audit OLD..NEW` (how the pushed commits changed the ledger) and
`check` of the files the push changes in the pushed tip (all of them when the config
changed or the repository was empty).

The files check reads are the pushed tip's, written into a temporary directory (`git
archive`): the changed ones and those `git grep` finds could share an id, code or name with
them, not the thousands of others (writing 10,000 files costs seconds). Audit reads the
history where it is: git runs with GIT_DIR set to the bare repository and GIT_WORK_TREE to
that directory. The pushed objects are still in git's quarantine then; git's environment
lets every git this process starts see them, and nothing here writes a ref (git forbids it
in a pre-receive hook).
"""

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from projledger.check.run import check_paths
from projledger.findings import Finding, Severity
from projledger.history.audit import audit_range
from projledger.root import CONFIG_FILE_NAME, PROJECTS_DIR, LedgerRoot
from projledger.sync import gitcmd

MANY_FILES = 2000
"""Above this many changed files, the whole tree is written out and checked."""


@dataclass
class RefResult:
    ref: str
    old: str
    new: str
    findings: list[Finding] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    files: int = 0
    skipped: str | None = None
    """Why the ref was not checked (not a branch, deleted, no ledger in it)."""

    @property
    def refused(self) -> bool:
        return any(finding.severity == Severity.ERROR for finding in self.findings)


def check_push(git_dir: Path, lines: Iterable[str]) -> list[RefResult]:
    """One result per `OLD NEW REF` line git gave the hook."""
    git_dir = git_dir.resolve()
    results = []
    for old, new, ref in pushed_refs(lines):
        result = RefResult(ref, old, new)
        if not ref.startswith("refs/heads/"):
            result.skipped = "not a branch"
        elif is_zero(new):
            result.skipped = "deleted"
        else:
            _check_ref(git_dir, result)
        results.append(result)
    return results


def pushed_refs(lines: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """(old, new, ref) of each `OLD NEW REF` line git gives a pre-receive hook."""
    for line in lines:
        parts = line.split()
        if len(parts) == 3:
            yield parts[0], parts[1], parts[2]


def is_zero(commit: str) -> bool:
    """git's name for no commit: the old tip of a new branch, the new tip of a deleted one."""
    return not commit.strip("0")


def base_of(git_dir: Path, old: str) -> str | None:
    """What a push is compared with: the branch's old tip; for a new branch, the default
    branch's tip (what the new one adds to it); None in an empty repository."""
    if not is_zero(old):
        return old
    default = gitcmd.run(git_dir, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    return default.out.strip() or None


def _check_ref(git_dir: Path, result: RefResult) -> None:
    ledger_dir = find_ledger_dir(git_dir, result.new)
    if ledger_dir is None:
        result.skipped = f"no {CONFIG_FILE_NAME} in the pushed tree"
        return
    base = base_of(git_dir, result.old)
    prefix = f"{ledger_dir}/" if ledger_dir else ""
    changed = _changed(git_dir, base, result.new, prefix)
    with tempfile.TemporaryDirectory(prefix="projledger-hook-") as temporary:
        top = Path(temporary)
        root = LedgerRoot(top / ledger_dir if ledger_dir else top)
        _write_tree(git_dir, result.new, prefix, changed, top)
        root.projects_dir.mkdir(parents=True, exist_ok=True)
        with _git_env(GIT_DIR=str(git_dir), GIT_WORK_TREE=str(top)):
            if base is not None:
                audited = audit_range(root, base, result.new, cwd=top, use_cache=False)
                result.findings += audited.findings
                result.texts |= audited.texts
        files = None if changed is None else [root.path / name for name in changed]
        checked = check_paths(files if files is not None else [root.path], top, use_cache=False)
        result.findings += checked.findings
        result.texts |= checked.texts
        result.files = checked.files_checked


def _write_tree(
    git_dir: Path, commit: str, prefix: str, changed: list[str] | None, top: Path
) -> None:
    """The pushed tip's ledger files `check` reads: all of them (`changed` None), else
    the config, the changed project files, and every project file that could share an
    id, a code or a name with one of them (what `check FILE` would parse; found by `git
    grep`, so the other thousands of files are not written out)."""
    config = prefix + CONFIG_FILE_NAME
    if changed is None:
        wanted = [config, prefix + PROJECTS_DIR]
        present = gitcmd.run(git_dir, "ls-tree", "--name-only", commit, "--", *wanted)
        gitcmd.extract_tree(git_dir, commit, present.out.split("\n")[:-1], top)
        return
    names = [prefix + name for name in changed]
    present = gitcmd.run(git_dir, "ls-tree", "--name-only", commit, "--", config, *names)
    files = present.out.split("\n")[:-1]
    gitcmd.extract_tree(git_dir, commit, files, top)
    values = set()
    for name in files:
        if name != config:
            values |= _identity(top / name)
    if values:
        patterns = [arg for value in sorted(values) for arg in ("-e", value)]
        grep = gitcmd.run(
            git_dir, "grep", "-l", "-F", *patterns, commit, "--", prefix + PROJECTS_DIR
        )
        also = {line.partition(":")[2] for line in grep.out.splitlines()} - set(files)
        if also:
            gitcmd.extract_tree(git_dir, commit, sorted(also), top)


def _identity(path: Path) -> set[str]:
    """The id, national code and name a project file holds (what must be unique)."""
    from projledger.store.reader import read_yaml

    try:
        data = read_yaml(path.read_bytes(), path.name).data
    except OSError:
        return set()
    if not isinstance(data, dict):
        return set()
    return {str(data[key]) for key in ("id", "code", "name") if isinstance(data.get(key), str)}


@contextlib.contextmanager
def _git_env(**values: str) -> Iterator[None]:
    """Environment for the gits audit starts (it runs git from the ledger root's path)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def find_ledger_dir(git_dir: Path, commit: str) -> str | None:
    """Where the ledger root is in the commit's tree: "" at its top, else the shallowest
    directory holding projledger.yaml; None if there is none."""
    top = gitcmd.run(git_dir, "ls-tree", "--name-only", commit, "--", CONFIG_FILE_NAME)
    if top.out.strip():
        return ""
    listing = gitcmd.run(git_dir, "ls-tree", "-r", "--name-only", commit)
    found = [
        name.rsplit("/", 1)[0]
        for name in listing.out.splitlines()
        if name.endswith("/" + CONFIG_FILE_NAME)
    ]
    return min(found, key=lambda name: (name.count("/"), name)) if found else None


def _changed(git_dir: Path, base: str | None, new: str, prefix: str) -> list[str] | None:
    """The ledger files (under the ledger root) the push changes; None: check them all
    (a first push, or the config changed: every file's rules read it)."""
    if base is None:
        return None
    names = gitcmd.must(git_dir, "diff", "--name-only", "-z", base, new, "--", prefix or ".")
    changed = [name.removeprefix(prefix) for name in names.split("\0") if name]
    if CONFIG_FILE_NAME in changed or len(changed) > MANY_FILES:
        return None
    return [
        name
        for name in changed
        if name.startswith(PROJECTS_DIR + "/") and "/" not in name[len(PROJECTS_DIR) + 1 :]
    ]

"""Running git for sync, the merge driver and the server hook: the one module of this
package that starts git. Failures come back as values (a push refused, a fetch offline
are outcomes sync reacts to), or, through `must`, as one ProjledgerError in git's words."""

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from projledger.errors import ProjledgerError
from projledger.messages import msg


class Ran(NamedTuple):
    code: int
    out: str
    err: str

    @property
    def ok(self) -> bool:
        return self.code == 0

    def last_line(self) -> str:
        """git's last words: the line that says what went wrong."""
        lines = [line.strip() for line in (self.err or self.out).splitlines() if line.strip()]
        return lines[-1] if lines else f"exit {self.code}"


def run(
    cwd: Path, *args: str, env: Mapping[str, str] | None = None, stdin: str | None = None
) -> Ran:
    completed = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **env} if env else None,
        input=stdin,
        capture_output=True,
        check=False,
        encoding="utf-8",
        errors="surrogateescape",
    )
    return Ran(completed.returncode, completed.stdout, completed.stderr)


def must(cwd: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    """git's output without its last newline; a failure is a ProjledgerError."""
    ran = run(cwd, *args, env=env)
    if not ran.ok:
        raise ProjledgerError(msg("sync.git_failed", command=args[0], detail=ran.last_line()))
    return ran.out.removesuffix("\n")


def merge_file(ours: Path, base: Path, theirs: Path, *, diff3: bool = False) -> Ran:
    """git's own line-by-line three-way merge, printed (`out`); `code` is the number of
    conflicts, as `git merge-file` counts them (0: clean). `diff3`: conflicts show base's
    lines too."""
    labels = ["-L", "ours", "-L", "base", "-L", "theirs"]
    options = ["--diff3"] if diff3 else []
    return run(
        ours.parent, "merge-file", "-p", *options, *labels, str(ours), str(base), str(theirs)
    )


def extract_tree(cwd: Path, commit: str, paths: list[str], into: Path) -> None:
    """Write these paths of a commit's tree into a directory (`git archive | tar -x`):
    the files as pushed, without a work tree or an index in the repository."""
    archive = subprocess.Popen(
        ["git", "archive", "--format=tar", commit, "--", *paths],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert archive.stdout is not None
    extracted = subprocess.run(
        ["tar", "-x", "-C", str(into)], stdin=archive.stdout, capture_output=True, check=False
    )
    archive.stdout.close()
    _, archive_err = archive.communicate()
    if archive.returncode != 0 or extracted.returncode != 0:
        detail = (archive_err or extracted.stderr).decode("utf-8", "replace").strip()
        raise ProjledgerError(msg("hook.unreadable_tree", commit=commit[:8], detail=detail))

"""git for the benchmarks: a pinned identity, so built repositories are reproducible."""

import os
import subprocess
from pathlib import Path

GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}
STAFF = ("李娜", "王强", "周海涛", "张伟", "陈明")
"""Authors the built histories rotate through."""


def git(root: Path, *args: str, stdin: bytes | None = None) -> str:
    env = {**os.environ, **GIT_ENV}
    completed = subprocess.run(
        ["git", *args], cwd=root, env=env, input=stdin, capture_output=True, check=True
    )
    return completed.stdout.decode().strip()

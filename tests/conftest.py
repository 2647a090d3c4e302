"""Shared test helpers: real ledger roots in temp dirs and the real CLI in a subprocess."""

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ROOT = REPO / "ledgers"
SAMPLE_PROJECT = SAMPLE_ROOT / "projects" / "laiwu-jingpingang-lvse-zhuanxing.yaml"

# Commits made by tests are reproducible: identity and dates are pinned.
PINNED_GIT_ENV = {
    "GIT_AUTHOR_NAME": "测试员 Tester",
    "GIT_AUTHOR_EMAIL": "tester@example.com",
    "GIT_COMMITTER_NAME": "测试员 Tester",
    "GIT_COMMITTER_EMAIL": "tester@example.com",
    "GIT_AUTHOR_DATE": "2026-11-20T15:00:00+08:00",
    "GIT_COMMITTER_DATE": "2026-11-20T15:00:00+08:00",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def cli_env(tmp_home: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PINNED_GIT_ENV)
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "200"
    env["PYTHONIOENCODING"] = "utf-8"
    if tmp_home is not None:
        env["HOME"] = str(tmp_home)
    return env


def run_cli(
    *args: str | Path,
    cwd: Path,
    timeout: float = 120,
    prefix: tuple[str, ...] = (),
    memory_limit: int | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `projledger ARGS` as a user would, in its own process; `prefix` runs it under
    another command, `memory_limit` (bytes) bounds its address space."""

    def limit_memory() -> None:
        if memory_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    return subprocess.run(
        [*prefix, sys.executable, "-m", "projledger", *map(str, args)],
        cwd=cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        preexec_fn=limit_memory,
        check=False,
    )


def copy_root(target: Path, *, projects: bool = True) -> Path:
    """A copy of the sample ledger root (config, schemas and, optionally, projects)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE_ROOT / "projledger.yaml", target / "projledger.yaml")
    shutil.copytree(SAMPLE_ROOT / "schemas", target / "schemas")
    (target / "projects").mkdir()
    if projects:
        for path in (SAMPLE_ROOT / "projects").glob("*.yaml"):
            shutil.copy(path, target / "projects" / path.name)
    return target


@pytest.fixture
def sample_root(tmp_path: Path) -> Path:
    return copy_root(tmp_path / "root")

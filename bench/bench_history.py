"""Time `projledger history PROJECT ITEM` against `git log -p -- FILE` on the same repository.

Usage: python bench/bench_history.py [--projects 50] [--versions 400] [--other-commits 0]
                                     [--keep DIR] [--seed S] [--repeat N]

Builds a git repository holding a synthetic ledger root (bench/generate.py) in which one
project file has `--versions` versions (weekly updates of its investment figure, a task's
note, now and then a progress note or an extension), among `--other-commits` commits that
each change another project: a city's ledger gains thousands of commits a year, and
`git log -- FILE` walks all of them. Commits are written with `git fast-import` (plain git,
no process per commit). Then, each in a fresh child process, best of `--repeat`:

- `git log -p -- FILE`: the baseline (all versions of the file, as patches);
- `projledger history PROJECT ITEM`, cold (history cache deleted) and warm;
- `projledger history PROJECT` (every change to the project), cold and warm;
- `python -c pass` and `projledger --version`, the floors under every row.

Target: history within 2x of the baseline. Always exits 0: this reports, it does not gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # the sibling module (bench/ is on sys.path)
from benchgit import STAFF, git

TARGET = 2.0
CACHE_FILE = Path(".projledger") / "history.sqlite"
ACTIVE = 2000
"""Other commits change this many projects (rebuilding all 10,000 would take minutes)."""


@dataclass(frozen=True)
class Subject:
    """The project whose history is timed, and the item with the most versions."""

    project: str
    item: str
    path: str


# --- building the repository ---------------------------------------------------------------


def build(root: Path, projects: int, versions: int, others: int, seed: int) -> Subject:
    started = time.perf_counter()
    generate.generate_root(root, projects, seed, jobs=os.cpu_count() or 1)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "台账初始化")
    print(f"generated {projects} projects in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    people = generate.config_people(seed)
    rng = random.Random(f"bench-history:{seed}")
    index = 0
    subject = generate.build_project(generate.project_rng(seed, index), index, people)
    task = subject["tasks"][0]
    path = f"projects/{subject['id']}.yaml"
    # Which commits change the subject: `versions` of them spread among the others.
    total = versions + others
    mine = set(rng.sample(range(total), versions))
    cache: dict[int, dict[str, Any]] = {}
    when = int(dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp())
    step = max(60, (330 * 86400) // max(total, 1))
    stream = []
    for number in range(total):
        when += step
        author = f"{rng.choice(STAFF)} <staff@example.gov.cn> {when} +0800"
        if number in mine:
            project, message = subject, _update_subject(subject, task, number, rng)
        else:
            other = rng.randrange(1, min(projects, ACTIVE + 1)) if projects > 1 else 0
            project = cache.get(other) or generate.build_project(
                generate.project_rng(seed, other), other, people
            )
            cache[other] = project
            message = _update_other(project, number)
        data = generate.render_project(project).encode()
        body = message.encode()
        stream.append(
            b"commit refs/heads/main\n"
            + f"author {author}\ncommitter {author}\n".encode()
            + b"data %d\n%s\n" % (len(body), body)
            + (b"from refs/heads/main^0\n" if number == 0 else b"")
            + f"M 100644 inline projects/{project['id']}.yaml\n".encode()
            + b"data %d\n%s\n" % (len(data), data)
        )
    git(root, "fast-import", "--quiet", "--force", stdin=b"".join(stream))
    git(root, "reset", "-q", "--hard")
    git(root, "gc", "-q")  # packed and with a commit-graph, as git keeps a real repository
    commits = git(root, "rev-list", "--count", "HEAD")
    print(
        f"wrote {total} commits ({versions} of {path}) in {time.perf_counter() - started:.1f} s; "
        f"{commits} commits in all"
    )
    return Subject(subject["id"], task["id"], path)


def _update_subject(
    project: dict[str, Any], task: dict[str, Any], number: int, rng: random.Random
) -> str:
    """A weekly update: this year's completed investment and the task's note; sometimes a
    progress note on an open issue, or an extension of a deadline."""
    investment = project["investment"]
    investment["completed_this_year"] = round(
        investment.get("completed_this_year", 0) + rng.uniform(10, 500), 1
    )
    task["note"] = f"第{number}次调度：{rng.choice(('进度正常', '加快推进', '已协调', '待复核'))}"
    open_issues = [i for i in project["issues"] if i["state"] in ("办理中", "已交办")]
    if open_issues and number % 7 == 0:
        issue = rng.choice(open_issues)
        issue.setdefault("progress", []).append(
            {"date": generate.AS_OF, "note": f"第{number}次调度已跟进"}
        )
        issue["progress"] = issue["progress"][-4:]  # keep the file's size realistic
    return f"周调度：更新 {project['name']}"


def _update_other(project: dict[str, Any], number: int) -> str:
    investment = project["investment"]
    investment["completed_this_year"] = round(investment.get("completed_this_year", 0) + 1, 1)
    return f"周调度 {number}：{project['name']}"


# --- timing --------------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    """The children may cache bytecode, as an installed tool does (a CI image that sets
    PYTHONDONTWRITEBYTECODE would compile every module on every run)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(command: Sequence[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and bytes written to stdout (a pipe, as in real use)."""
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, env=child_env(), capture_output=True, check=False)
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr.decode("utf-8", "replace"))
    return seconds, len(completed.stdout)


def projledger() -> list[str]:
    script = Path(sys.executable).with_name("projledger")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "projledger"]


def drop_cache(root: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (root / f"{CACHE_FILE}{suffix}").unlink(missing_ok=True)


def measure(root: Path, subject: Subject, repeat: int) -> None:
    """Each round runs every row once, in this order, so that a busy moment of a shared
    machine hits all rows alike; the fastest of the rounds counts."""
    item = [*projledger(), "history", subject.project, subject.item]
    whole = [*projledger(), "history", subject.project]
    rows: list[tuple[str, list[str], bool]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], False),
        ("projledger --version", [*projledger(), "--version"], False),
        ("git log -p -- FILE", ["git", "log", "-p", "--", subject.path], False),
        ("history PROJECT ITEM, cold", item, True),
        ("history PROJECT ITEM, warm", item, False),
        ("history PROJECT ITEM -f json, warm", [*item, "-f", "json"], False),
        ("history PROJECT, cold", whole, True),
        ("history PROJECT, warm", whole, False),
    ]
    run_child(item, root)  # compile bytecode once, outside the timings
    times: dict[str, list[float]] = {name: [] for name, _, _ in rows}
    sizes: dict[str, int] = {}
    for _ in range(repeat):
        for name, command, cold in rows:
            if cold:
                drop_cache(root)
            seconds, size = run_child(command, root)
            times[name].append(seconds)
            sizes[name] = size
    baseline = min(times["git log -p -- FILE"])
    print()
    print(f"{'row':<40} {'seconds':>8} {'x git log -p':>13} {'output':>9}")
    for name, _, _ in rows:
        seconds = min(times[name])
        print(
            f"{name:<40} {seconds:>8.3f} {seconds / baseline:>12.2f}x {sizes[name] / 1024:>6.0f} KB"
        )
    print(f"\ntarget: history within {TARGET:.1f}x of `git log -p -- FILE`")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--projects", type=int, default=50, help="project files in the root")
    parser.add_argument("--versions", type=int, default=400, help="versions of the timed file")
    parser.add_argument(
        "--other-commits", type=int, default=0, help="commits changing other projects"
    )
    parser.add_argument("--keep", type=Path, help="build into DIR and keep it (or reuse it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per row; the fastest counts")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-history-"))
    root = args.keep or work / "root"
    marker = root / ".bench-subject"
    try:
        if marker.is_file():
            subject = Subject(*marker.read_text(encoding="utf-8").split())
            print(f"reusing {root}")
        else:
            subject = build(root, args.projects, args.versions, args.other_commits, args.seed)
            marker.write_text(f"{subject.project} {subject.item} {subject.path}\n")
            git(root, "update-index", "-q", "--refresh")
        measure(root, subject, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

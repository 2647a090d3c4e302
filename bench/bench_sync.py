"""Time the pieces of "many hands, one ledger" against git alone.

Usage: python bench/bench_sync.py [--projects 10000] [--items 200] [--incoming 100]
                                  [--pushed 50] [--repeat 3] [--keep DIR] [--seed S]

1. The merge driver, as git runs it (`python -P -m projledger merge-driver %O %A %B %P`,
   a fresh process: start-up included), on a project file of `--items` items (issues,
   tasks, deadlines of several generated projects in one file) where both sides appended
   progress notes to one issue and changed neighbouring fields of one task: git's line
   merge conflicts there, so the driver does its whole item merge on the round-trip tree.
   Against `git merge-file` on the same files. Target: 0.5 s.
2. `projledger sync` taking in `--incoming` commits (each an investment figure of one of
   `--projects` projects, as weekly updates are) while the clone has 3 commits of its own,
   two of them on neighbouring lines of files the incoming commits changed (the driver
   runs). Against git alone: `git fetch` of the same commits and `git push` of the same
   merge. Target: sync's own time (sync minus git's fetch and push) 3 s.
3. The server hook on a push of `--pushed` commits at `--projects` projects: `git push` to
   a bare repository with the hook installed, against the same push to a copy without it.
   Target: 5 s (the hook's own time).

Each timed run is a fresh process and starts from the same copies of the repositories
(copied beforehand, untimed); the median of `--repeat` rounds counts. Always exits 0.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # the sibling module (bench/ is on sys.path)
from benchgit import GIT_ENV, git

DRIVER_TARGET = 0.5
SYNC_TARGET = 3.0
HOOK_TARGET = 5.0
PYTHON = sys.executable
FIGURE = re.compile(r"(?m)^(  (total|plan_this_year|completed_before_year): )(\d+)")


def timed(command: Sequence[str | Path], cwd: Path, check: bool = True) -> float:
    env = {**os.environ, **GIT_ENV}
    started = time.perf_counter()
    completed = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - started
    if check and completed.returncode not in (0, 1):
        raise SystemExit(f"{command} failed: {completed.stderr.decode()[-2000:]}")
    return elapsed


def median_of(rounds: int, prepare: Callable[[], None], run: Callable[[], float]) -> list[float]:
    times = []
    for _ in range(rounds):
        prepare()
        times.append(run())
    return times


def show(
    label: str, times: list[float], target: float | None = None, base: float | None = None
) -> None:
    median = statistics.median(times)
    extra = f"   (fastest {min(times):.2f})"
    if base is not None:
        extra += f"   own time {median - base:.2f} s"
    if target is not None:
        own = median - (base or 0.0)
        extra += f"   target {target:g} s: {'met' if own <= target else 'NOT met'}"
    print(f"  {label:<44} {median:6.2f} s{extra}")


# --- 1. the driver ---------------------------------------------------------------------------


def big_project(items: int, seed: int) -> str:
    people = generate.config_people(seed)
    project = generate.build_project(generate.project_rng(seed, 1), 1, people)
    index = 2
    while (
        sum(len(project[k]) for k in ("issues", "tasks", "responsibilities", "deadlines")) < items
    ):
        other = generate.build_project(generate.project_rng(seed, index), index, people)
        project["issues"] += other["issues"]
        project["tasks"] += other["tasks"]
        project["deadlines"] += [
            d for d in other["deadlines"] if not d["target"].startswith(("approval:", "milestone:"))
        ]
        index += 1
    return generate.render_project(project)


def bench_driver(work: Path, items: int, seed: int, rounds: int) -> None:
    """Three merges of one big file: notes appended to one issue and fields added to one
    task on both sides (git conflicts, both sides' lines settle it); the same with
    neighbouring lines changed (settled line by line); the same with two fields of one
    `{...}` line changed (the item merge on ours' and theirs' round-trip trees)."""
    base = big_project(items, seed)
    issue = re.search(r"(?m)^  - id: (I-\w+)\n(?:    .*\n)*?    progress:\n", base)
    task = re.search(r"(?m)^  - id: (T-\w+)\n    title: .*\n", base)
    owner = re.search(r"(?m)^    unit: (.*)\n    person: (.*)\n", base)
    lead = re.search(
        r"(?m)^  - \{id: R-\w+, role: 包抓领导, person: (.*?), duties: (.*?)\}\n", base
    )
    assert issue is not None and task is not None and owner is not None and lead is not None
    note_end = base.index("\n", base.index("      - {date:", issue.end())) + 1

    def side(note: str, field: str, changed: tuple[re.Match[str], int] | None) -> str:
        text = base[:note_end] + f"      - {{date: 2026-11-20, note: {note}}}\n" + base[note_end:]
        text = text.replace(task.group(0), task.group(0) + f"    {field}: {note}\n", 1)
        if changed is not None:  # one of two neighbouring values
            match, group = changed
            line = match.group(0)
            start, end = match.start(group) - match.start(), match.end(group) - match.start()
            text = text.replace(line, line[:start] + line[start:end] + "乙" + line[end:], 1)
        return text

    print(f"merge driver: a {items}-item project file ({len(base) // 1024} KB)")
    driver = [PYTHON, "-P", "-m", "projledger", "merge-driver", "O", "A", "B", "x.yaml"]
    scenarios = (
        ("both sides' lines", None, None),
        ("line by line", (owner, 1), (owner, 2)),
        ("item merge", (lead, 1), (lead, 2)),
    )
    for label, mine, theirs in scenarios:
        files = {
            "O": base,
            "A": side("我方进展", "note", mine),
            "B": side("对方进展", "evidence", theirs),
        }

        def prepare(files: dict[str, str] = files) -> None:
            for name, text in files.items():
                (work / name).write_text(text, encoding="utf-8")

        merged = median_of(rounds, prepare, lambda: timed(driver, work))
        lines = median_of(
            rounds, prepare, lambda: timed(["git", "merge-file", "A", "O", "B"], work, check=False)
        )
        prepare()
        subprocess.run(driver, cwd=work, check=False)
        result = (work / "A").read_text(encoding="utf-8")
        assert "我方进展" in result and "对方进展" in result and "<<<<<<<" not in result
        assert result.count("乙") == (0 if mine is None else 2), label
        show(f"git merge-file ({label}: conflicts)", lines)
        show(f"projledger merge-driver ({label}: clean)", merged, DRIVER_TARGET)


# --- 2 and 3: a ledger in a shared repository ------------------------------------------------


def build(work: Path, projects: int, seed: int) -> tuple[Path, list[str]]:
    """A bare repository holding a generated ledger (and the merge driver's attributes)."""
    seed_root = work / "seed"
    if not (work / "shared.git").exists():
        started = time.perf_counter()
        generate.generate_root(seed_root, projects, seed, jobs=2)
        (seed_root / ".gitattributes").write_text(
            "projledger.yaml merge=projledger\nprojects/*.yaml merge=projledger\n", encoding="utf-8"
        )
        git(seed_root, "init", "-q", "-b", "main")
        git(seed_root, "add", "-A")
        git(seed_root, "commit", "-q", "-m", "台账初始化")
        git(work, "clone", "-q", "--bare", str(seed_root), str(work / "shared.git"))
        shutil.rmtree(seed_root)
        print(f"  (built {projects} projects in git: {time.perf_counter() - started:.0f} s)")
    names = git(work / "shared.git", "ls-tree", "--name-only", "main", "projects/").split("\n")
    return work / "shared.git", names


def edit_figures(
    clone: Path, names: list[str], count: int, field: str, rng: random.Random
) -> list[str]:
    """`count` commits, each a new figure of one project; the files changed."""
    changed = []
    for number in range(count):
        name = rng.choice(names)
        path = clone / name
        text = path.read_text(encoding="utf-8")
        path.write_text(FIGURE.sub(partial(_bump, field, number + 1), text), encoding="utf-8")
        git(clone, "commit", "-q", "-am", f"{field} {number}")
        changed.append(name)
    return changed


def no_background_gc(repository: Path) -> None:
    """Copies of a repository are taken while nothing moves its objects."""
    git(repository, "config", "gc.auto", "0")
    git(repository, "config", "maintenance.auto", "false")
    git(repository, "config", "receive.autogc", "false")


def _bump(field: str, by: int, match: re.Match[str]) -> str:
    if match.group(2) != field:
        return match.group(0)
    return f"{match.group(1)}{int(match.group(3)) + by}"


def bench_sync(
    work: Path, kept: Path, names: list[str], incoming: int, rounds: int, seed: int
) -> None:
    rng = random.Random(seed)
    shared = work / "shared.git"
    shutil.copytree(kept, shared, symlinks=True)
    no_background_gc(shared)
    ahead = work / "ahead"
    git(work, "clone", "-q", str(shared), str(ahead))
    no_background_gc(ahead)
    changed = edit_figures(ahead, names, incoming, "total", rng)
    behind = work / "behind"
    git(work, "clone", "-q", str(shared), str(behind))
    no_background_gc(behind)
    subprocess.run(
        [PYTHON, "-m", "projledger", "setup"], cwd=behind, check=True, capture_output=True
    )
    git(ahead, "push", "-q", "origin", "main")
    # The clone's own commits: two beside incoming changes (the driver merges), one apart.
    edit_figures(behind, changed[:2], 2, "plan_this_year", rng)
    edit_figures(behind, [n for n in names if n not in changed][:1], 1, "plan_this_year", rng)
    copies = {path: work / f"{path.name}.copy" for path in (shared, behind)}
    for path, copy in copies.items():
        shutil.copytree(path, copy, symlinks=True)

    def restore() -> None:
        for path, copy in copies.items():
            shutil.rmtree(path)
            shutil.copytree(copy, path, symlinks=True)

    print(f"sync: {incoming} incoming commits, 3 local, {len(names)} projects")
    syncs = median_of(rounds, restore, lambda: timed([PYTHON, "-m", "projledger", "sync"], behind))
    restore()
    out = subprocess.run(
        [PYTHON, "-m", "projledger", "sync"],
        cwd=behind,
        capture_output=True,
        text=True,
        check=False,
    )

    def git_alone() -> float:
        fetch = timed(["git", "fetch", "-q", "origin"], behind)
        git(behind, "merge", "-q", "-X", "ours", "--no-edit", "origin/main")
        return fetch + timed(["git", "push", "-q", "origin", "main"], behind)

    transfer = median_of(rounds, restore, git_alone)
    show("git fetch + git push (the same commits)", transfer)
    show("projledger sync", syncs, SYNC_TARGET, statistics.median(transfer))
    print(f"    ({(out.stdout or out.stderr).strip()})")


def bench_hook(
    work: Path, pristine: Path, names: list[str], pushed: int, rounds: int, seed: int
) -> None:
    rng = random.Random(seed + 1)
    clone = work / "pusher"
    git(work, "clone", "-q", str(pristine), str(clone))
    no_background_gc(clone)
    edit_figures(clone, names, pushed, "completed_before_year", rng)
    plain, hooked = work / "plain.git", work / "hooked.git"

    def fresh(target: Path, hook: bool) -> Callable[[], None]:
        def prepare() -> None:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(pristine, target, symlinks=True)
            no_background_gc(target)
            if hook:
                subprocess.run(
                    [PYTHON, "-m", "projledger", "server-hook", "install", str(target)],
                    check=True, capture_output=True,
                )  # fmt: skip

        return prepare

    def push_to(target: Path) -> Callable[[], float]:
        return lambda: timed(["git", "push", "-q", str(target), "HEAD:main"], clone, check=False)

    print(f"server hook: a push of {pushed} commits, {len(names)} projects")
    alone = median_of(rounds, fresh(plain, False), push_to(plain))
    with_hook = median_of(rounds, fresh(hooked, True), push_to(hooked))
    accepted = git(hooked, "rev-parse", "main") == git(clone, "rev-parse", "HEAD")
    show("git push (no hook)", alone)
    show(
        "git push (projledger's pre-receive hook)", with_hook, HOOK_TARGET, statistics.median(alone)
    )
    print(f"    (push {'accepted' if accepted else 'REFUSED'})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--projects", type=int, default=10000)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--incoming", type=int, default=100)
    parser.add_argument("--pushed", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="build the shared repository here, and reuse it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as temporary:
        work = Path(temporary)
        bench_driver(work, args.items, args.seed, args.repeat)
        keep = args.keep or work / "ledger"
        keep.mkdir(parents=True, exist_ok=True)
        shared, names = build(keep, args.projects, args.seed)
        bench_sync(work, shared, names, args.incoming, args.repeat, args.seed)
        bench_hook(work, shared, names, args.pushed, args.repeat, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

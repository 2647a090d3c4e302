"""Time a roll-up (`report weekly --root L0 ... --root L9`) against the ten single reports
it sums (`report weekly --root Li`, one process each).

Usage: python bench/bench_rollup.py [--ledgers 10] [--projects 1000] [--week-commits 40]
                                    [--repeat 3] [--keep DIR] [--seed 0]

Builds `--ledgers` ledger roots, each its own git repository: `--projects` generated
projects (bench/generate.py, seed `seed + i`, so ids and unit names repeat across ledgers
as real districts' do), organisation 济南市<district>发展和改革局, one commit on
2026-11-09, then `--week-commits` commits in 2026-W47 made by bench_report's edits (issues
registered, assigned, closed, returned, deadlines extended, investment reported: each a
real change of 1-3 project files).

Then, in `--repeat` rounds, interleaved, each command a fresh child process, wall time
from launch to exit: the roll-up as JSON to a file, and the ten single reports as JSON
(their times summed), warm (caches kept from the round before) and cold (every root's
`.projledger/` deleted first). The median of the rounds counts. It also checks that the
roll-up's headline counts are the sums of the single reports'. Always exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # the sibling modules (bench/ is on sys.path)
from bench_change import child_env
from bench_history import projledger
from bench_report import Ledger, build_projects, edit_some, message, run_command
from benchgit import GIT_ENV, git

DISTRICTS = ("历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区", "章丘区", "济阳区")
DISTRICTS += ("莱芜区", "钢城区", "平阴县", "商河县")
WEEK = "2026-W47"
MONDAY = dt.date(2026, 11, 16)
COUNTED = ("projects", "open_issues", "overdue_items", "due_soon_items", "red_lights")


def district(i: int) -> str:
    return DISTRICTS[i] if i < len(DISTRICTS) else f"第{i}区"


def build_ledger(root: Path, i: int, projects: int, seed: int, commits: int) -> None:
    built = build_projects(projects, seed + i, 2)
    (root / "projects").mkdir(parents=True)
    config = generate.render_config(generate.config_people(seed + i))
    lines = [
        f"organisation: 济南市{district(i)}发展和改革局"
        if line.startswith("organisation:")
        else line
        for line in config.splitlines()
    ]
    (root / "projledger.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for project, text in built:
        (root / "projects" / f"{project['id']}.yaml").write_bytes(text)
    git(root, "init", "-q", "-b", "main")
    when = "2026-11-09T09:00:00+08:00"
    git(root, "add", "-A")
    _commit(root, "台账初始化", when)
    rng = random.Random(f"bench-rollup:{seed}:{i}")
    ledger = Ledger(built, rng)
    for k in range(commits):
        day = MONDAY + dt.timedelta(days=k * 5 // commits)
        edits = edit_some(ledger, day, rng)
        for index, _ in edits:
            (root / ledger.path(index)).write_bytes(ledger.rerender(index))
        stamp = f"{day.isoformat()}T{9 + k * 8 // commits:02d}:{k % 60:02d}:00+08:00"
        git(root, "add", "-A")
        _commit(root, message(ledger, edits), stamp)
    git(root, "gc", "-q")


def _commit(root: Path, text: str, when: str) -> None:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "commit", "-q", "-m", text], cwd=root, env=env, check=True)


def prepare(keep: Path | None, work: Path, args: argparse.Namespace) -> list[Path]:
    out = keep or work / "ledgers"
    settings = {k: getattr(args, k) for k in ("ledgers", "projects", "week_commits", "seed")}
    record = out / "build.json"
    roots = [out / f"l{i}" for i in range(args.ledgers)]
    if record.is_file() and json.loads(record.read_text())["settings"] == settings:
        print(f"reusing {out}")
        return roots
    shutil.rmtree(out, ignore_errors=True)
    for i, root in enumerate(roots):
        build_ledger(root, i, args.projects, args.seed, args.week_commits)
        print(f"built {root.name} ({district(i)})", flush=True)
    record.write_text(json.dumps({"settings": settings}), encoding="utf-8")
    return roots


def weekly(roots: Sequence[Path], output: Path) -> list[str]:
    command = [*projledger(), "report", "weekly", "--week", WEEK, "--as-of", "2026-11-20"]
    for root in roots:
        command += ["--root", str(root)]
    return [*command, "--format", "json", "--output", str(output)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ledgers", type=int, default=10)
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--week-commits", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        roots = prepare(args.keep, work, args)
        env = child_env(work / "pycache")
        times: dict[str, list[float]] = {}

        def run(name: str, command: list[str]) -> float:
            done = run_command(command, roots[0], env, cold=False)
            if not done.ok:
                raise SystemExit(f"{name} failed: {done.detail}")
            return done.seconds

        def cold() -> None:
            for root in roots:
                shutil.rmtree(root / ".projledger", ignore_errors=True)

        rollup_out = work / "rollup.json"
        single_out = [work / f"single{i}.json" for i in range(len(roots))]
        for round_ in range(args.repeat + 1):  # round 0 warms the bytecode and the caches
            rows = {
                "roll-up, cold": (True, [weekly(roots, rollup_out)]),
                "roll-up, warm": (False, [weekly(roots, rollup_out)]),
                "singles, cold": (
                    True,
                    [weekly([r], o) for r, o in zip(roots, single_out, strict=True)],
                ),
                "singles, warm": (
                    False,
                    [weekly([r], o) for r, o in zip(roots, single_out, strict=True)],
                ),
            }
            for name, (is_cold, commands) in rows.items():
                if is_cold:
                    cold()
                seconds = sum(run(name, command) for command in commands)
                if round_:
                    times.setdefault(name, []).append(seconds)
        whole = json.loads(rollup_out.read_text(encoding="utf-8"))
        singles = [json.loads(o.read_text(encoding="utf-8")) for o in single_out]

    def figure(payload: dict[str, object], key: str) -> object:
        figures = payload["figures"]
        assert isinstance(figures, list)
        return next(f["value"] for f in figures if f["key"] == key)

    sums_ok = all(
        figure(whole, key) == sum(int(str(figure(s, key))) for s in singles) for key in COUNTED
    )
    print(
        f"\n{len(roots)} ledgers x {args.projects} projects, {args.week_commits} commits each "
        f"in {WEEK}; medians of {args.repeat} rounds"
    )
    print(f"roll-up figures = sums of the single reports' ({', '.join(COUNTED)}): {sums_ok}")
    print(f"projects in the roll-up: {figure(whole, 'projects')}")
    for name, values in times.items():
        print(f"{name:16} {statistics.median(values):7.2f} s   {[round(v, 2) for v in values]}")
    for state in ("cold", "warm"):
        rollup = statistics.median(times[f"roll-up, {state}"])
        total = statistics.median(times[f"singles, {state}"])
        print(f"roll-up / sum of singles, {state}: {rollup / total:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

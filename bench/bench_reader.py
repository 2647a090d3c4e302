"""Time `projledger check` on a ledger whose text holds ASCII punctuation, against PyYAML,
against the same files without the punctuation, and `check FILE` on a fresh clone.

Usage: python bench/bench_reader.py [--projects 10000] [--punctuation 0.5] [--rounds 3]
                                    [--keep DIR] [--seed S]

Builds two roots with bench/generate.py and one seed: `punctuated`, where `--punctuation`
of the files get `&`, `!`, `*`, `#` in values and comments and notes with ASCII commas,
colons, quotes and brackets, and `clean`, the same files without it (fraction 0). Each is
committed to git (pinned identity), so a fresh clone can be checked. `--keep DIR` builds
them into DIR and reuses them on the next run.

After an untimed warm-up (bytecode, on a small root), `--rounds` rounds each run every
measurement once, in a fresh child process timed from launch to exit (bench_check.py's
run_child, which also reads the child's peak RSS), so a busy moment of the shared machine
hits all alike; the order of the two roots alternates from round to round:

- PyYAML CSafeLoader: parse every file of the punctuated root in one process (the baseline);
- `check ROOT` cold (`.projledger/` deleted first), then warm (run again), on each root;
- `check projects/<id>.yaml` from inside a fresh `git clone` of the punctuated root (no
  `.projledger/`), on a punctuated file.

Medians count. Targets: cold check <= 0.2x PyYAML, punctuated cold <= 1.1x clean cold, warm
check <= 0.04x PyYAML, check FILE in a fresh clone <= 1.5x a warm check of the whole root.
Always exits 0: this reports, it does not gate.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # the sibling modules (bench/ is on sys.path)
from bench_change import child_env
from bench_check import CACHE_DIR, Child, check_command, run_child
from benchgit import git

DEFAULT_PUNCTUATION = 0.5
"""Half the files: the issue asks for at least a third."""
STAMP = "bench-reader.json"
"""In a kept directory: how its roots were generated."""
WARM_UP_PROJECTS = 300

PYYAML = "PyYAML CSafeLoader, punctuated"
COLD, WARM = "check cold, {}", "check warm, {}"
FILE = "check FILE cold, fresh clone"
PUNCTUATED, CLEAN = "punctuated", "clean"
# (measure, its baseline, target ratio or None): the table, and one row for context.
COMPARISONS: tuple[tuple[str, str, float | None], ...] = (
    (COLD.format(PUNCTUATED), PYYAML, 0.2),
    (COLD.format(PUNCTUATED), COLD.format(CLEAN), 1.1),
    (WARM.format(PUNCTUATED), PYYAML, 0.04),
    (FILE, WARM.format(PUNCTUATED), 1.5),
    (WARM.format(PUNCTUATED), WARM.format(CLEAN), None),
)


@dataclass(frozen=True)
class Roots:
    punctuated: Path
    clean: Path
    file: str
    """projects/<id>.yaml: the first punctuated file, for `check FILE`."""
    files: int
    punctuated_files: int
    sizes: tuple[int, int]
    """Bytes of all project files: punctuated root, clean root."""


@dataclass
class Series:
    """One measurement's runs; `failure` says why the last failed run failed."""

    name: str
    seconds: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    note: str = ""
    failure: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    def add(self, child: Child, verify: Callable[[Child], str]) -> None:
        """Count the run unless `verify` (which returns the table's note) raises ValueError."""
        try:
            note = verify(child)
        except ValueError as error:
            self.failure = f"exit {child.returncode}: {error}: {_last_line(child.stderr)}"
            print(f"  {self.name}: {self.failure}", flush=True)
            return
        self.seconds.append(child.seconds)
        self.peaks.append(child.peak_mb)
        self.note = note


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no output)"


def _counted(child: Child) -> str:
    """The PyYAML worker prints how many documents it kept."""
    if child.returncode != 0:
        raise ValueError("worker failed")
    return f"{child.stdout.strip()} files"


def _checked(files: int) -> Callable[[Child], str]:
    """A check run: exit 0 or 1 (findings) with the JSON report of `files` files (a root's
    config counts as one)."""

    def verify(child: Child) -> str:
        if child.returncode not in (0, 1):
            raise ValueError("check failed")
        report: Any = json.loads(child.stdout)  # a JSONDecodeError is a ValueError
        if not isinstance(report, dict) or report.get("files_checked") != files:
            raise ValueError(f"expected {files} files checked")
        summary = report.get("summary") or {}
        errors, warnings = summary.get("errors", "?"), summary.get("warnings", "?")
        return f"{files} file{'s' * (files != 1)}, {errors} errors, {warnings} warnings"

    return verify


# --- the roots -------------------------------------------------------------------------------


def prepare(keep: Path | None, projects: int, seed: int, fraction: float, work: Path) -> Roots:
    """Generate and commit both roots into `keep` (or `work`), or reuse those in `keep`."""
    base = keep or work
    wanted = {"projects": projects, "seed": seed, "punctuation": fraction}
    stamp = base / STAMP
    if stamp.is_file() and json.loads(stamp.read_text(encoding="utf-8")) != wanted:
        print(f"note: {base} was built as {stamp.read_text(encoding='utf-8').strip()}; reused")
    for name, share in ((PUNCTUATED, fraction), (CLEAN, 0.0)):
        root = base / name
        if (root / "projledger.yaml").is_file():
            print(f"reusing {root}")
        else:
            started = time.perf_counter()
            generate.generate_root(root, projects, seed, os.cpu_count() or 1, share)
            print(f"generated {root} in {time.perf_counter() - started:.1f} s", flush=True)
        if not (root / ".git").exists():
            commit(root)
    if not stamp.is_file():
        stamp.write_text(json.dumps(wanted) + "\n", encoding="utf-8")
    return describe(base / PUNCTUATED, base / CLEAN)


def commit(root: Path) -> None:
    """One commit of the whole root, with the benchmarks' pinned identity."""
    started = time.perf_counter()
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "Synthetic ledger")
    print(f"committed {root} in {time.perf_counter() - started:.1f} s", flush=True)


def describe(punctuated: Path, clean: Path) -> Roots:
    """Which files differ (those punctuated), and the roots' sizes; also fills the page
    cache, so the first round does not read from disk."""
    names = sorted(path.name for path in (punctuated / "projects").glob("*.yaml"))
    differing: list[str] = []
    sizes = [0, 0]
    for name in names:
        texts = [(root / "projects" / name).read_bytes() for root in (punctuated, clean)]
        sizes[0] += len(texts[0])
        sizes[1] += len(texts[1])
        if texts[0] != texts[1]:
            differing.append(name)
    file = f"projects/{(differing or names)[0]}"
    return Roots(punctuated, clean, file, len(names), len(differing), (sizes[0], sizes[1]))


# --- the measurements ------------------------------------------------------------------------


class Bench:
    """The measurements, run round by round."""

    def __init__(self, roots: Roots, work: Path, timeout: float) -> None:
        self.roots = roots
        self.work = work
        self.timeout = timeout
        self.env = child_env(work / "pycache")  # bytecode outside the source tree
        self.series = {
            name: Series(name)
            for name in (
                PYYAML,
                COLD.format(PUNCTUATED),
                WARM.format(PUNCTUATED),
                COLD.format(CLEAN),
                WARM.format(CLEAN),
                FILE,
            )
        }

    def run(self, command: Sequence[str], cwd: Path | None = None) -> Child:
        return run_child(command, self.timeout, cwd=cwd, env=self.env)

    def pyyaml(self, projects: Path) -> Child:
        worker = Path(__file__).resolve().with_name("bench_check.py")
        return self.run([sys.executable, str(worker), "--worker", "pyyaml", str(projects)])

    def check_root(self, root: Path) -> tuple[Child, Child]:
        """Cold (the cache deleted first), then warm (the cache the cold run left)."""
        command = [*check_command(), "check", str(root), "--format", "json"]
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
        return self.run(command), self.run(command)

    def check_file_in_clone(self, root: Path, file: str) -> Child:
        """`check FILE` from inside a fresh clone: no `.projledger/`, a new index."""
        clone = self.work / "clone"
        shutil.rmtree(clone, ignore_errors=True)
        git(self.work, "clone", "-q", str(root), str(clone))
        try:
            return self.run([*check_command(), "check", file, "--format", "json"], cwd=clone)
        finally:
            shutil.rmtree(clone, ignore_errors=True)

    def warm_up(self, seed: int) -> None:
        """Every command once on a small punctuated root, untimed: children write their
        bytecode (to a fresh prefix) here, not in round 1."""
        root = self.work / "warm-up"
        generate.generate_root(root, WARM_UP_PROJECTS, seed, 1, 1.0)
        commit(root)
        self.pyyaml(root / "projects")
        self.check_root(root)
        file = describe(root, root).file
        child = self.check_file_in_clone(root, file)
        if child.returncode not in (0, 1):
            print(f"warm-up: check FILE failed: {_last_line(child.stderr)}", flush=True)
        shutil.rmtree(root, ignore_errors=True)

    def round(self, number: int) -> None:
        roots, series = self.roots, self.series
        series[PYYAML].add(self.pyyaml(roots.punctuated / "projects"), _counted)
        pairs = [(PUNCTUATED, roots.punctuated), (CLEAN, roots.clean)]
        for name, root in pairs if number % 2 == 0 else pairs[::-1]:
            cold, warm = self.check_root(root)
            series[COLD.format(name)].add(cold, _checked(roots.files + 1))
            series[WARM.format(name)].add(warm, _checked(roots.files + 1))
        child = self.check_file_in_clone(roots.punctuated, roots.file)
        series[FILE].add(child, _checked(1))


# --- the report ------------------------------------------------------------------------------


def print_report(bench: Bench) -> None:
    roots, series = bench.roots, bench.series
    share = roots.punctuated_files / roots.files if roots.files else 0.0
    print(
        f"\n{roots.files} files a root; {roots.punctuated_files} ({share:.0%}) punctuated; "
        f"{roots.sizes[0] / 1e6:.1f} MB punctuated, {roots.sizes[1] / 1e6:.1f} MB clean; "
        f"check FILE: {roots.file}\n"
    )
    print(f"{'measurement':<32} {'median s':>9} {'min s':>7} {'max s':>7} {'peak MB':>8}  note")
    for row in series.values():
        if row.median is None:
            print(f"{row.name:<32} {'failed':>9} {'':>7} {'':>7} {'':>8}  {row.failure}")
            continue
        print(
            f"{row.name:<32} {row.median:9.3f} {min(row.seconds):7.3f} {max(row.seconds):7.3f}"
            f" {max(row.peaks):8.0f}  {row.note}"
        )
    print(f"\n{'measure / baseline':<58} {'ratio':>7} {'target':>7}  met?")
    for name, base, target in COMPARISONS:
        value, baseline = series[name].median, series[base].median
        label = f"{name} / {base}"
        goal = f"{target:6.2f}x" if target else f"{'-':>7}"
        if value is None or not baseline:
            print(f"{label:<58} {'-':>7} {goal}  not measured")
            continue
        ratio = value / baseline
        met = ("yes" if ratio <= target else "NO") if target else ""
        print(f"{label:<58} {ratio:6.3f}x {goal}  {met}")
    print(
        "\nMedians of wall time, each run a fresh child process (Python start-up included); "
        "peak MB is the largest of the runs."
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--projects", type=int, default=10000, help="project files a root")
    parser.add_argument(
        "--punctuation",
        type=float,
        default=DEFAULT_PUNCTUATION,
        metavar="FRACTION",
        help=f"share of the punctuated root's files with punctuation (default "
        f"{DEFAULT_PUNCTUATION})",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the median counts")
    parser.add_argument("--keep", type=Path, help="build the roots into DIR, or reuse them")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds before a child is killed"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-reader-"))
    try:
        roots = prepare(args.keep, args.projects, args.seed, args.punctuation, work)
        bench = Bench(roots, work, args.timeout)
        bench.warm_up(args.seed)
        for number in range(args.rounds):
            print(f"round {number + 1} of {args.rounds}", flush=True)
            bench.round(number)
        print_report(bench)
    except (subprocess.CalledProcessError, OSError) as error:
        detail = getattr(error, "stderr", b"") or b""
        print(f"benchmark failed: {error} {detail.decode('utf-8', 'replace')}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

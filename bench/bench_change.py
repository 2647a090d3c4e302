"""Time one change command (`projledger add issue`) on a large ledger with a long history,
against the least any tool could do: load the file, edit it, write it, commit it.

Usage: python bench/bench_change.py [--projects 10000] [--commits 6000] [--keep DIR]
                                    [--seed S] [--repeat N]

Builds a git repository holding a synthetic ledger root (bench/generate.py, `--projects`
files in one `projects/` folder, committed at once) and then `--commits` further commits,
each a small edit of one project file (its investment figure), written in one stream by
`git fast-import` and packed by `git gc`: the history a city's or a province's ledger
gains in a few years of weekly updates. Each history commit writes a new 10,000-entry
`projects/` tree, so fast-import manages ~85-130 commits a second at 10,000 projects on a
shared 2-core machine: the default 6,000 take 47-71 s, the whole run 1.5-2 min (20,000
take minutes more and time the same: a commit does not walk history). `--keep DIR` builds
into DIR and reuses it on the next run.

Then, each in a fresh child process, rows interleaved, `--repeat` rounds:

- `projledger add issue PROJECT --title ... --category 用地 --unit ... --person ... --due ...`:
  lock, load, edit, validate, atomic write, `git commit` of that one file;
- the baseline: `python -c` that imports typer, pydantic and ruamel.yaml (what projledger
  is built on), loads the same file with ruamel.yaml (round trip), appends an issue,
  writes it back and runs `git commit -q -m ... -- FILE`;
- `projledger --help` against `python -c "import typer"`;
- floors: `python -c pass`, and `git commit -- FILE` alone (after a shell appends a line);
- `projledger add issue ... --dry-run`: the same without writing or git (the part that is
  projledger's own Python).

The median of the rounds counts (and the fastest is shown). Targets: add issue within
1.5x of the baseline, --help within 1.2x of importing typer. Always exits 0: this reports,
it does not gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # the sibling module (bench/ is on sys.path)
from benchgit import GIT_ENV, STAFF, git

CHANGE_TARGET = 1.5
HELP_TARGET = 1.2
MARKER = ".bench-change"
"""In a built root: the project the change is timed on and how the root was built."""
NUMBER = re.compile(rb"(?m)^(  (?:completed_this_year|plan_this_year|total): )(\d+)")
"""The one-line edit of each history commit: an investment figure."""

BASELINE = r"""
import subprocess, sys
import typer, pydantic
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
import datetime as dt

path = sys.argv[1]
yaml = YAML(typ="rt")  # configured as projledger's own (store/reader.py, document.py)
yaml.preserve_quotes = True
yaml.width = 4096
yaml.allow_unicode = True
yaml.indent(mapping=2, sequence=4, offset=2)
with open(path, encoding="utf-8") as handle:
    data = yaml.load(handle)
issue = CommentedMap()
for key, value in (
    ("id", "I-" + sys.argv[2]), ("title", "基准测试问题"), ("category", "用地"),
    ("source", "周调度"), ("cause_side", "政府"), ("raised", dt.date(2026, 11, 20)),
    ("coordination_level", 1), ("state", "已登记"),
):
    issue[key] = value
data.setdefault("issues", []).append(issue)
with open(path, "w", encoding="utf-8") as handle:
    yaml.dump(data, handle)
subprocess.run(["git", "commit", "-q", "-m", "基准: 新增问题", "--", path], check=True)
"""

GIT_ONLY = r"""
set -e
printf '# %s\n' "$2" >> "$1"
git commit -q -m "基准: git commit" -- "$1"
"""


@dataclass(frozen=True)
class Subject:
    """The project the change is timed on, and one of its declared units and people."""

    project: str
    path: str
    unit: str
    person: str


# --- building the repository ---------------------------------------------------------------


def history(root: Path, paths: list[str], commits: int, seed: int) -> Iterator[bytes]:
    """`commits` fast-import commits, each bumping one investment figure of one file; the
    files are chosen at random (each edit builds on that file's previous version)."""
    import random

    rng = random.Random(f"bench-change:{seed}")
    texts: dict[str, bytes] = {}
    when = int(dt.datetime(2024, 1, 8, 9, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp())
    step = max(60, (3 * 365 * 86400) // max(commits, 1))
    for number in range(commits):
        when += step
        path = rng.choice(paths)
        text = texts.get(path) or (root / path).read_bytes()
        text = NUMBER.sub(lambda m: m.group(1) + b"%d" % (int(m.group(2)) + 1), text, count=1)
        texts[path] = text
        author = f"{rng.choice(STAFF)} <staff@example.gov.cn> {when} +0800".encode()
        message = f"周调度 {number}: 更新 {Path(path).stem}".encode()
        yield (
            b"commit refs/heads/main\n"
            + b"author %s\ncommitter %s\n" % (author, author)
            + b"data %d\n%s\n" % (len(message), message)
            + (b"from refs/heads/main^0\n" if number == 0 else b"")
            + b"M 100644 inline %s\n" % path.encode()
            + b"data %d\n%s\n" % (len(text), text)
        )


def build(root: Path, projects: int, commits: int, seed: int) -> Subject:
    started = time.perf_counter()
    generate.generate_root(root, projects, seed, jobs=os.cpu_count() or 1)
    print(f"generated {projects} projects in {time.perf_counter() - started:.1f} s", flush=True)

    started = time.perf_counter()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "台账初始化")
    print(f"first commit in {time.perf_counter() - started:.1f} s", flush=True)

    started = time.perf_counter()
    paths = sorted(f"projects/{p.name}" for p in (root / "projects").glob("*.yaml"))
    if commits:
        stream = b"".join(history(root, paths, commits, seed))
        git(root, "fast-import", "--quiet", "--force", stdin=stream)
        git(root, "reset", "-q", "--hard")
    print(f"wrote {commits} commits in {time.perf_counter() - started:.1f} s", flush=True)

    started = time.perf_counter()
    git(root, "gc", "-q")  # packed, with a commit-graph, as git keeps a used repository
    count = git(root, "rev-list", "--count", "HEAD")
    print(f"git gc in {time.perf_counter() - started:.1f} s; {count} commits", flush=True)
    return subject_of(root, paths[len(paths) // 2])


def subject_of(root: Path, path: str) -> Subject:
    """The project in `path`, and a unit and person of its responsibilities (declared)."""
    text = (root / path).read_text(encoding="utf-8")
    match = re.search(r"role: 责任单位, unit: ([^,]+), person: ([^,]+),", text)
    if match is None:
        match = re.search(r"unit: ([^,}]+), person: ([^,}]+)", text)
    assert match, path
    return Subject(Path(path).stem, path, match.group(1), match.group(2))


# --- timing --------------------------------------------------------------------------------


def child_env(pycache: Path) -> dict[str, str]:
    """Children cache bytecode, as an installed tool does (outside the source tree)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env |= GIT_ENV | {"PYTHONPYCACHEPREFIX": str(pycache), "NO_COLOR": "1"}
    return env


def run_child(command: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[float, float] | str:
    """Wall seconds and CPU seconds (user + system of the child and the processes it ran,
    such as git), or what went wrong."""
    started, cpu = time.perf_counter(), children_cpu()
    completed = subprocess.run(
        command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, check=False
    )
    seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
    if completed.returncode != 0:
        return completed.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0]
    return seconds, cpu


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def projledger() -> list[str]:
    script = Path(sys.executable).with_name("projledger")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "projledger"]


@dataclass
class Row:
    name: str
    seconds: list[float]
    cpu: list[float]
    error: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def median_cpu(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None


def measure(root: Path, subject: Subject, repeat: int, pycache: Path) -> list[Row]:
    """Each round runs every row once, in this order, so that a busy moment of a shared
    machine hits all rows alike."""
    env = child_env(pycache)
    counter = iter(range(10**6))

    def add_issue() -> list[str]:
        return [
            *projledger(),
            "add",
            "issue",
            subject.project,
            "--title",
            f"基准测试问题{next(counter)}",
            "--category",
            "用地",
            "--unit",
            subject.unit,
            "--person",
            subject.person,
            "--due",
            "2026-12-31",
            "--today",
            "2026-11-20",
        ]

    def dry_run() -> list[str]:
        return [*add_issue(), "--dry-run"]

    def baseline() -> list[str]:
        return [sys.executable, "-c", BASELINE, subject.path, f"B{next(counter):05d}"]

    def git_only() -> list[str]:
        return ["sh", "-c", GIT_ONLY, "sh", subject.path, f"round {next(counter)}"]

    rows = {
        "python -c pass": lambda: [sys.executable, "-c", "pass"],
        'python -c "import typer"': lambda: [sys.executable, "-c", "import typer"],
        "projledger --help": lambda: [*projledger(), "--help"],
        "git commit FILE (edit by shell)": git_only,
        "baseline: ruamel edit + git commit": baseline,
        "projledger add issue": add_issue,
        "projledger add issue --dry-run": dry_run,
    }
    # Warm up (bytecode, page cache) outside the timings.
    for make in rows.values():
        run_child(make(), root, env)
    results = {name: Row(name, [], []) for name in rows}
    for _ in range(repeat):
        for name, make in rows.items():
            outcome = run_child(make(), root, env)
            if isinstance(outcome, str):
                results[name].error = outcome
            else:
                results[name].seconds.append(outcome[0])
                results[name].cpu.append(outcome[1])
    return list(results.values())


def report(rows: list[Row]) -> None:
    by_name = {row.name: row for row in rows}
    compare = {
        "projledger add issue": ("baseline: ruamel edit + git commit", CHANGE_TARGET),
        "projledger --help": ('python -c "import typer"', HELP_TARGET),
    }
    print()
    print(
        f"{'row':<38} {'median s':>9} {'min s':>7} {'ratio':>7} {'target':>7}  verdict  "
        f"{'cpu s':>6} {'cpu ratio':>9}"
    )
    for row in rows:
        if row.median is None or row.median_cpu is None:
            print(f"{row.name:<38} failed: {row.error}")
            continue
        ratio = target = verdict = cpu_ratio = ""
        if row.name in compare:
            base_name, limit = compare[row.name]
            base, base_cpu = by_name[base_name].median, by_name[base_name].median_cpu
            if base:
                value = row.median / base
                ratio, target = f"{value:.2f}x", f"{limit:.1f}x"
                verdict = "ok" if value <= limit else "over"
            if base_cpu:
                cpu_ratio = f"{row.median_cpu / base_cpu:.2f}x"
        print(
            f"{row.name:<38} {row.median:>9.3f} {min(row.seconds):>7.3f} {ratio:>7} {target:>7}"
            f"  {verdict:<7}  {row.median_cpu:>6.3f} {cpu_ratio:>9}"
        )
    print(
        f"\ntargets: add issue within {CHANGE_TARGET}x of the baseline, --help within "
        f"{HELP_TARGET}x of importing typer (medians of wall time; the CPU seconds, the "
        "child's and its git's, move less on a busy shared machine)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--projects", type=int, default=10000, help="project files in the root")
    parser.add_argument("--commits", type=int, default=6000, help="history commits to write")
    parser.add_argument("--keep", type=Path, help="build into DIR and keep it (or reuse it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=7, help="rounds; the median counts")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-change-"))
    root = args.keep or work / "root"
    marker = root / ".git" / MARKER
    try:
        if marker.is_file():
            subject = Subject(*marker.read_text(encoding="utf-8").split("\t"))
            print(f"reusing {root} ({git(root, 'rev-list', '--count', 'HEAD')} commits)")
        else:
            if root.exists() and any(root.iterdir()):
                print(f"{root} exists and is not a root this benchmark built; give another")
                return 0
            started = time.perf_counter()
            subject = build(root, args.projects, args.commits, args.seed)
            marker.write_text("\t".join(vars(subject).values()), encoding="utf-8")
            print(f"built in {time.perf_counter() - started:.1f} s")
        print(f"timing changes of {subject.path}")
        start = git(root, "rev-parse", "HEAD")
        try:
            report(measure(root, subject, args.repeat, work / "pycache"))
        finally:  # a kept root stays as built: drop the commits the timings made
            git(root, "reset", "-q", "--hard", start)
    except (subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        print(f"benchmark failed: {exc} {detail.decode('utf-8', 'replace')}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

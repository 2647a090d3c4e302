"""Time shell completion requests on a 10,000-project ledger, exactly as the shells make
them, against the start-up of what projledger is built on, measured in the same run.

Usage: python bench/bench_complete.py [--projects 10000] [--rounds 9] [--keep DIR]
                                      [--seed 0]

Generates a root (bench/generate.py; or reuses `--keep DIR`), warms its names cache with
one completion (the first builds it, as the first `show NAME` does), then runs, round by
round, each row once as a fresh child process of the console script (`projledger`, beside
this Python), wall time from launch to exit, stdout a pipe as under a shell:

- baselines: `python -c "import typer"` and `projledger --version`;
- completions as bash asks (`_PROJLEDGER_COMPLETE=complete_bash`, `COMP_WORDS`,
  `COMP_CWORD`: what the script `--install-completion` writes sets), as zsh and fish ask
  (`complete_zsh` / `complete_fish`, `_TYPER_COMPLETE_ARGS`), and as PowerShell does
  (`complete_powershell`, `_TYPER_COMPLETE_WORD_TO_COMPLETE`).

Prints, per row, the median and fastest of the rounds, the median's ratio to each baseline's
median, and how many offers the last round printed (a row that offers nothing where it
should is a broken request, not a fast one). The target (issue 18) is 150 ms at 10,000
projects. Always exits 0: this reports, it does not gate.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # the sibling module (bench/ is on sys.path)

TARGET_MS = 150.0
PROJLEDGER = str(Path(sys.executable).with_name("projledger"))
NAME = re.compile(r"(?m)^name: (.+)$")


@dataclass(frozen=True)
class Row:
    label: str
    command: Sequence[str]
    env: dict[str, str]


def bash(line: str) -> dict[str, str]:
    words = line.split(" ")
    return {
        "_PROJLEDGER_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
    }


def zsh(line: str) -> dict[str, str]:
    return {"_PROJLEDGER_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}


def fish(line: str) -> dict[str, str]:
    return {
        "_PROJLEDGER_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }


def powershell(line: str) -> dict[str, str]:
    return {
        "_PROJLEDGER_COMPLETE": "complete_powershell",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_WORD_TO_COMPLETE": line.rsplit(" ", maxsplit=1)[-1],
    }


def rows(root: Path) -> list[Row]:
    first = sorted((root / "projects").glob("*.yaml"))[0]
    project_id = first.stem
    found = NAME.search(first.read_text(encoding="utf-8"))
    name = found.group(1) if found else ""
    from projledger.ledger.names import pinyin_of

    initials = pinyin_of(name)[0][:5]
    app = [PROJLEDGER]
    return [
        Row('python -c "import typer"', [sys.executable, "-c", "import typer"], {}),
        Row("projledger --version", [*app, "--version"], {}),
        Row("bash: list issues --state 已", app, bash("projledger list issues --state 已")),
        Row(
            f"bash: advance {project_id[:8]}… I-", app, bash(f"projledger advance {project_id} I-")
        ),
        Row("bash: show p-00000", app, bash("projledger show p-00000")),
        Row(f"bash: show {name[:2]}", app, bash(f"projledger show {name[:2]}")),
        Row("bash: show (nothing typed)", app, bash("projledger show ")),
        Row(f"bash: show {initials} (pinyin)", app, bash(f"projledger show {initials}")),
        Row(f"zsh: show {name[:2]}", app, zsh(f"projledger show {name[:2]}")),
        Row(f"fish: show {name[:2]}", app, fish(f"projledger show {name[:2]}")),
        Row(f"powershell: show {name[:2]}", app, powershell(f"projledger show {name[:2]}")),
    ]


def run(row: Row, cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system: less at the mercy of a shared machine's
    load than wall time) and the number of offers printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(row.command, cwd=cwd, env=env | row.env, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode != 0:
        sys.stderr.write(f"{row.label}: exit {done.returncode}: {done.stderr.decode()[-500:]}\n")
    return seconds, cpu, len([line for line in done.stdout.splitlines() if line.strip()])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-complete-") as scratch:
        root = args.keep or Path(scratch) / "ledger"
        if not (root / "projledger.yaml").is_file():
            print(f"generating {args.projects} projects in {root} ...", flush=True)
            generate.generate_root(root, args.projects, args.seed, jobs=2)
        env = {k: v for k, v in os.environ.items() if not k.startswith("_TYPER")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        measured = rows(root)
        run(measured[4], root, env)  # builds the names cache if it is missing or stale
        times: dict[str, list[float]] = {row.label: [] for row in measured}
        cpu: dict[str, list[float]] = {row.label: [] for row in measured}
        offers: dict[str, int] = {}
        for _ in range(args.rounds):
            for row in measured:
                seconds, cpu_seconds, lines = run(row, root, env)
                times[row.label].append(seconds * 1000)
                cpu[row.label].append(cpu_seconds * 1000)
                offers[row.label] = lines
        report(measured, times, cpu, offers, os.getloadavg()[0])


def report(
    measured: list[Row],
    times: dict[str, list[float]],
    cpu: dict[str, list[float]],
    offers: dict[str, int],
    load: float,
) -> None:
    typer_ms = statistics.median(times[measured[0].label])
    version_ms = statistics.median(times[measured[1].label])
    print(f"\nload {load:.1f}; target {TARGET_MS:.0f} ms; wall ms: median, fastest; CPU ms: median")
    print(
        f"{'row':40} {'median':>7} {'fastest':>7} {'x typer':>7} {'x --version':>11} "
        f"{'CPU':>5} offers"
    )
    for row in measured:
        median = statistics.median(times[row.label])
        fastest = min(times[row.label])
        flag = " *" if row.env and median > TARGET_MS else ""
        print(
            f"{row.label:40} {median:7.0f} {fastest:7.0f} {median / typer_ms:7.2f} "
            f"{median / version_ms:11.2f} {statistics.median(cpu[row.label]):5.0f} "
            f"{offers[row.label]:6}{flag}"
        )
    print("* median over the target")


if __name__ == "__main__":
    main()

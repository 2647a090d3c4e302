"""Time `projledger check` on a large synthetic ledger against merely parsing its files.

Usage: python bench/bench_check.py [--projects 10000] [--keep DIR] [--seed S] [--repeat N]

Every measurement runs in a fresh child process (this script re-run with --worker for the
baselines, the real CLI for check), so each includes interpreter start-up and each child's
peak RSS is its own, read from os.wait4. Targets: a cold check within 1.0x the PyYAML
baseline, a warm one (unchanged files, cache kept) within 0.1x. Always exits 0: this
reports, it does not gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

COLD_TARGET = 1.0
WARM_TARGET = 0.1
CACHE_DIR = ".projledger"


@dataclass(frozen=True)
class Child:
    """How one child process went."""

    seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Row:
    """One line of the report; `seconds` is None when the measurement failed."""

    name: str
    seconds: float | None
    peak_mb: float | None = None
    note: str = ""


# --- the worker side: the baselines, each in its own process ---------------------------------


def _read_bytes(path: Path) -> object:
    return path.read_bytes()


def _parse_pyyaml(path: Path) -> object:
    import yaml  # imported here so the other workers do not pay for it

    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _parse_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


WORKERS: dict[str, tuple[str, Callable[[Path], object]]] = {
    "bytes": ("*.yaml", _read_bytes),
    "pyyaml": ("*.yaml", _parse_pyyaml),
    "json": ("*.json", _parse_json),
}


def run_worker(mode: str, directory: Path) -> int:
    """Read every file of `directory` the `mode` way, keeping all results (as check would)."""
    pattern, read = WORKERS[mode]
    documents = [read(path) for path in sorted(directory.glob(pattern))]
    print(len(documents))
    return 0


# --- the parent side -------------------------------------------------------------------------


def run_child(
    command: Sequence[str],
    timeout: float,
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Child:
    """Run `command`; wall time from launch to exit, and its own peak RSS via wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd, env=env
        )
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Child(seconds, usage.ru_maxrss / scale, process.returncode, stdout, stderr)


def best_of(command: Sequence[str], repeat: int, timeout: float) -> Child:
    """The fastest of `repeat` runs: the machine is shared, and noise only adds time."""
    runs = [run_child(command, timeout) for _ in range(repeat)]
    return min(runs, key=lambda child: child.seconds)


def prepare_root(keep: Path | None, projects: int, seed: int, work: Path) -> Path:
    """Reuse `keep` if it holds a ledger root, else generate one (into `keep` or `work`)."""
    root = keep or work / "root"
    if (root / "projledger.yaml").is_file():
        count = len(list((root / "projects").glob("*.yaml")))
        print(f"reusing {root} ({count} project files)")
        return root
    import generate  # the sibling module; imported late so --worker children skip it

    started = time.perf_counter()
    generate.generate_root(root, projects, seed, jobs=os.cpu_count() or 1)
    print(f"generated {projects} projects in {root} in {time.perf_counter() - started:.1f} s")
    return root


def write_json_mirror(projects: Path, mirror: Path) -> None:
    """The same documents as JSON, for the json.loads row (dates become ISO strings)."""
    import yaml

    mirror.mkdir(parents=True, exist_ok=True)
    for path in sorted(projects.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        text = json.dumps(data, ensure_ascii=False, default=_iso)
        (mirror / f"{path.stem}.json").write_text(text, encoding="utf-8")


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def baseline_rows(projects: Path, mirror: Path, repeat: int, timeout: float) -> list[Row]:
    me = [sys.executable, str(Path(__file__).resolve()), "--worker"]
    startup = best_of([sys.executable, "-c", "pass"], repeat, timeout)
    rows = [Row("python start-up", startup.seconds, startup.peak_mb, "python -c pass")]
    rows.append(_row("read bytes only", best_of([*me, "bytes", str(projects)], repeat, timeout)))
    rows.append(
        _row("PyYAML CSafeLoader", best_of([*me, "pyyaml", str(projects)], repeat, timeout))
    )
    rows.append(
        _row("json.loads (same data)", best_of([*me, "json", str(mirror)], repeat, timeout))
    )
    return rows


def _row(name: str, child: Child) -> Row:
    if child.returncode != 0:
        return Row(name, None, note=f"failed: {_last_line(child.stderr)}")
    return Row(name, child.seconds, child.peak_mb, f"{child.stdout.strip()} files")


def check_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m projledger`."""
    script = Path(sys.executable).with_name("projledger")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "projledger"]


def check_rows(root: Path, repeat: int, timeout: float) -> list[Row]:
    """Cold (cache deleted before each run), then warm (cache left from the cold run)."""
    command = [*check_command(), "check", str(root), "--format", "json"]
    names = ("check, cold (no cache)", "check, warm (unchanged)")
    try:
        cold_runs = []
        for _ in range(repeat):
            shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
            cold_runs.append(run_child(command, timeout))
        cold = min(cold_runs, key=lambda child: child.seconds)
        warm = best_of(command, repeat, timeout)
    except OSError as error:  # e.g. the command cannot be started at all
        return [Row(name, None, note=f"check failed: {error}") for name in names]
    return [_check_row(names[0], cold), _check_row(names[1], warm)]


def _check_row(name: str, child: Child) -> Row:
    """Exit 0 (clean) and 1 (findings) are both runs that worked; the JSON must parse."""
    if child.returncode not in (0, 1):
        detail = _last_line(child.stderr) or _last_line(child.stdout)
        return Row(name, None, child.peak_mb, f"check failed: exit {child.returncode}: {detail}")
    try:
        report: Any = json.loads(child.stdout)
    except ValueError:
        detail = f"exit {child.returncode}, output is not JSON: {_last_line(child.stderr)}"
        return Row(name, None, child.peak_mb, f"check failed: {detail}")
    return Row(name, child.seconds, child.peak_mb, _summary(report))


def _summary(report: Any) -> str:
    if not isinstance(report, dict):
        return ""
    summary = report.get("summary") or {}
    parts = [f"{report.get('files_checked', '?')} files"]
    parts += [f"{summary[k]} {k}" for k in ("errors", "warnings") if k in summary]
    return ", ".join(parts)


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no output)"


def print_report(rows: Sequence[Row], baseline: float | None) -> None:
    print()
    print(f"{'measurement':<26} {'seconds':>8} {'peak MB':>8} {'x PyYAML':>9}  note")
    for row in rows:
        seconds = f"{row.seconds:8.2f}" if row.seconds is not None else f"{'-':>8}"
        peak = f"{row.peak_mb:8.0f}" if row.peak_mb is not None else f"{'-':>8}"
        ratio = (
            f"{row.seconds / baseline:9.2f}" if row.seconds is not None and baseline else " " * 9
        )
        print(f"{row.name:<26} {seconds} {peak} {ratio}  {row.note}")
    print()
    by_name = {row.name: row for row in rows}
    for name, target in (
        ("check, cold (no cache)", COLD_TARGET),
        ("check, warm (unchanged)", WARM_TARGET),
    ):
        verdict = _verdict(by_name.get(name), target, baseline)
        print(f"target: {name} <= {target:.1f}x PyYAML baseline: {verdict}")


def _verdict(row: Row | None, target: float, baseline: float | None) -> str:
    if row is None or row.seconds is None:
        return "not measured (check failed)"
    if not baseline:
        return "no baseline"
    ratio = row.seconds / baseline
    return f"{'met' if ratio <= target else 'MISSED'} ({ratio:.3f}x)"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--projects", type=int, default=10000, help="projects to generate")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument(
        "--keep", type=Path, help="ledger root to reuse if it exists, else generate and keep"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per row; the fastest counts")
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds before a child is killed"
    )
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return run_worker(args.worker[0], Path(args.worker[1]))
    with tempfile.TemporaryDirectory(prefix="projledger-bench-") as tmp:
        work = Path(tmp)
        root = prepare_root(args.keep, args.projects, args.seed, work)
        projects = root / "projects"
        write_json_mirror(projects, work / "json")
        rows = baseline_rows(projects, work / "json", args.repeat, args.timeout)
        rows += check_rows(root, args.repeat, args.timeout)
    baseline = next((r.seconds for r in rows if r.name == "PyYAML CSafeLoader"), None)
    print_report(rows, baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())

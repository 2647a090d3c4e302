"""Time Excel in and out against reading the same workbooks with the library alone.

Usage: python bench/bench_excel.py [--rows 2000] [--unit-rows 200] [--projects 10000]
                                   [--units 200] [--keep DIR] [--repeat 3]

1. `projledger import` of a generated 2,000-row 台账 (1,000 projects, one to three
   problem rows each under merged project cells, 亿元 and 万元, dates in several forms)
   into a fresh ledger root: `--dry-run` (read, match, build and check every file) and
   the import itself (one commit). Baseline: python-calamine reading the same sheet
   (`to_python`), and openpyxl's read-only mode for comparison. Target: ≤ 10 s.
2. `projledger import` of a unit's workbook of 200 rows, each filled in (a progress
   note): `--dry-run` (read, compare with the exported versions, validate each change)
   and the import (one commit per item). Baseline: python-calamine reading the workbook.
   Target: ≤ 2 s plus the commits.
3. `projledger export units --all` on a `--projects` ledger whose work is spread over
   `--units` units (bench/generate.py, its 40 units split into districts), cold (no
   cache) and warm. Target: ≤ 5 s warm for 200 units at 10,000 projects.

Each timing is a fresh child process; the median of `--repeat` rounds counts. Exits 0:
this reports, it does not gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # the sibling module (bench/ is on sys.path)
from benchgit import GIT_ENV, git

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "ledgers"
PYTHON = sys.executable
TODAY = "2026-11-20"
STAGES = ("前期研究", "已完成用地保障", "还需要用地保障")
UNITS = ("区发改局", "自然资源局", "区住建局", "区审批局", "区水务局", "高庄街道", "供电公司")
PEOPLE = {
    "区发改局": "孙丽娟",
    "自然资源局": "陈明",
    "区住建局": "郑磊",
    "区审批局": "吴静",
    "区水务局": "韩雪",
    "高庄街道": "张伟",
    "供电公司": "马强",
}
LEADERS = ("王建国", "李振华", "赵志刚", "杨帆", "崔凯")
DATES = ("2026-12-31", "2026/12/31", "2026.12.31", "2026年12月31日", "12月底")


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    completed = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT_ENV}, check=False
    )
    took = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {completed.stderr or completed.stdout}")
    return took


def median(runs: list[float]) -> str:
    return f"{statistics.median(runs):.2f} s (fastest {min(runs):.2f})"


def fresh_root(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    shutil.copy(SAMPLE / "projledger.yaml", path / "projledger.yaml")
    shutil.copytree(SAMPLE / "schemas", path / "schemas")
    (path / "projects").mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "add", "-A")
    git(path, "commit", "-qm", "台账初始化")
    return path


def write_taizhang(path: Path, rows: int) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    book = xlsxwriter.Workbook(str(path), {"constant_memory": False})
    sheet = book.add_worksheet("台账")
    sheet.merge_range(0, 0, 0, 14, "2026年莱芜区重点项目推进台账")
    sheet.write(1, 0, "截至10月底")
    heads = ["序号", "项目名称", "建设地点", "项目单位", "行业领域", "级别", "库别"]
    for col, head in enumerate(heads):
        sheet.merge_range(2, col, 3, col, head)
    sheet.merge_range(2, 7, 2, 9, "投资情况")
    sheet.write_row(3, 7, ["总投资（亿元）", "年度计划投资（万元）", "1-10月完成投资（万元）"])
    for col, head in enumerate(
        ["项目阶段", "存在问题", "责任单位", "责任人", "完成时限", "包抓领导"], start=10
    ):
        sheet.merge_range(2, col, 3, col, head)
    row, number = 4, 0
    while row - 4 < rows:
        number += 1
        span = min(1 + number % 3, rows - (row - 4))
        values = [
            number,
            f"测试项目{number:05d}号智能制造",
            "高庄街道",
            f"测试公司{number}",
            "智能制造",
            "区级",
            "续建" if number % 2 else "新建",
            f"{1 + number % 50 / 10}",
            3000 + number,
            1000 + number,
        ]
        for col, value in enumerate(values):
            if span > 1:
                sheet.merge_range(row, col, row + span - 1, col, value)
            else:
                sheet.write(row, col, value)
        stage = STAGES[number % len(STAGES)] if number % 2 else "前期研究"
        for col, value in ((10, stage), (15, LEADERS[number % len(LEADERS)])):
            if span > 1:
                sheet.merge_range(row, col, row + span - 1, col, value)
            else:
                sheet.write(row, col, value)
        for offset in range(span):
            unit = UNITS[(number + offset) % len(UNITS)]
            sheet.write_row(
                row + offset,
                11,
                [
                    f"问题{number}-{offset + 1}：用地手续办理",
                    unit,
                    PEOPLE[unit],
                    DATES[(number + offset) % len(DATES)],
                ],
            )
        row += span
    sheet.write_row(row, 0, ["合计"])
    book.close()


def bench_taizhang(work: Path, rows: int, repeat: int) -> None:
    book = work / "台账.xlsx"
    write_taizhang(book, rows)
    calamine = [
        PYTHON,
        "-c",
        "import python_calamine as c, sys; "
        "c.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()",
        str(book),
    ]
    openpyxl_read = [
        PYTHON,
        "-c",
        "import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1], "
        "read_only=True); [r for r in wb.active.iter_rows(values_only=True)]",
        str(book),
    ]
    base, slow, dry, full = [], [], [], []
    for _ in range(repeat):
        base.append(timed(calamine, work))
        slow.append(timed(openpyxl_read, work))
        root = fresh_root(work / "root")
        command = [
            PYTHON,
            "-m",
            "projledger",
            "import",
            str(book),
            "--default",
            "industry=智能制造",
            "--today",
            TODAY,
        ]
        dry.append(timed([*command, "--dry-run"], root))
        full.append(timed(command, root))
    print(f"import of a {rows}-row 台账 ({book.stat().st_size >> 10} KB):")
    print(f"  python-calamine to_python:   {median(base)}")
    print(f"  openpyxl read-only rows:     {median(slow)}")
    print(f"  import --dry-run:            {median(dry)}")
    print(f"  import (one commit):         {median(full)}   target ≤ 10 s")


def bench_unit(work: Path, unit_rows: int, repeat: int) -> None:
    root = work / "unit-root"
    if root.exists():
        shutil.rmtree(root)
    generate.generate_root(root, max(unit_rows * 3, 300), seed=1)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "台账")
    book, filled = work / "unit.xlsx", work / "unit-filled.xlsx"
    run = [PYTHON, "-m", "projledger"]
    counts = subprocess.run(
        [*run, "export", "units", "--all", "-o", str(work / "all"), "--as-of", TODAY],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    del counts
    biggest = max((work / "all").iterdir(), key=lambda p: p.stat().st_size)
    unit = biggest.name.split("-")[0]
    timed([*run, "export", "unit", unit, "-o", str(book), "--as-of", TODAY], root)
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    sheet = workbook["待办事项"]
    filled_rows = 0
    for row in sheet.iter_rows(min_row=4):
        if filled_rows >= unit_rows:
            break
        sheet[f"I{row[0].row}"] = f"本周推进第{filled_rows + 1}项"
        filled_rows += 1
    workbook.save(filled)
    author = f"{unit} <unit@example.gov.cn>"
    calamine = [
        PYTHON,
        "-c",
        "import python_calamine as c, sys; b = c.CalamineWorkbook.from_path("
        "sys.argv[1]); [b.get_sheet_by_name(n).to_python() for n in b.sheet_names]",
        str(filled),
    ]
    base, dry, full = [], [], []
    head = git(root, "rev-parse", "HEAD").strip()
    for _ in range(repeat):
        git(root, "reset", "-q", "--hard", head)
        base.append(timed(calamine, work))
        dry.append(
            timed(
                [*run, "import", str(filled), "--author", author, "--today", TODAY, "--dry-run"],
                root,
            )
        )
        full.append(
            timed([*run, "import", str(filled), "--author", author, "--today", TODAY], root)
        )
    print(f"import of {unit}'s workbook, {filled_rows} rows filled in:")
    print(f"  python-calamine, every sheet: {median(base)}")
    print(f"  import --dry-run:             {median(dry)}   target ≤ 2 s")
    print(f"  import ({filled_rows} commits):         {median(full)}")


def spread_units(root: Path, units: int) -> None:
    """Split the generated ledger's units into districts (莱芜区水务局 → 莱芜区水务局二片区),
    declared in the config, so the work is spread over `units` units."""
    config = (root / "projledger.yaml").read_text(encoding="utf-8")
    units_block = config.split("\nunits:", 1)[1].split("\npeople:", 1)[0]
    declared = re.findall(r"- \{name: ([^,}]+)(?:, short: ([^,}]+))?", units_block)
    per = max(1, -(-units // len(declared)))
    extra = []
    names = {}
    for full, short in declared:
        names[full] = full
        if short:
            names[short] = full
        for k in range(1, per):
            if len(declared) + len(extra) >= units:
                break
            extra.append(f"  - {{name: {full}{k}片区}}")
    config = config.replace("\npeople:", "\n" + "\n".join(extra) + "\npeople:", 1)
    (root / "projledger.yaml").write_text(config, encoding="utf-8")
    available = {}
    for line in extra:
        full = line.split("name: ")[1].rstrip("}")
        base = re.sub(r"\d+片区$", "", full)
        available.setdefault(base, []).append(full)
    # `unit:` of responsibilities, issues and tasks (not a measure's 户 or 万元).
    pattern = re.compile(r"(\bunit: )([^,}\n]+)")
    for index, path in enumerate(sorted((root / "projects").glob("*.yaml"))):
        text = path.read_text(encoding="utf-8")

        def swap(match: re.Match[str], index: int = index) -> str:
            full = names.get(match[2].strip(), match[2].strip())
            choices = [full, *available.get(full, [])]
            return match[1] + choices[index % len(choices)]

        text = pattern.sub(swap, text)
        # A unit in an item needs a responsibility of its own (PL205): the project's
        # responsibilities were swapped by the same choice, so they agree.
        path.write_text(text, encoding="utf-8")


def bench_export_units(
    work: Path, projects: int, units: int, repeat: int, keep: Path | None
) -> None:
    root = keep or work / "big"
    marker = root / ".bench-excel"
    wanted = f"{projects} {units}"
    if not (marker.exists() and marker.read_text() == wanted):
        if root.exists():
            shutil.rmtree(root)
        started = time.perf_counter()
        generate.generate_root(root, projects, seed=0, jobs=2)
        spread_units(root, units)
        marker.write_text(wanted)
        print(
            f"(generated {projects} projects over {units} units in "
            f"{time.perf_counter() - started:.0f} s)"
        )
    out = work / "units-out"
    command = [
        PYTHON,
        "-m",
        "projledger",
        "export",
        "units",
        "--all",
        "-o",
        str(out),
        "--as-of",
        TODAY,
    ]
    check = subprocess.run(
        [PYTHON, "-m", "projledger", "check", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    errors = re.search(r'"errors": (\d+)', check.stdout)
    cold, warm = [], []
    for _ in range(repeat):
        shutil.rmtree(root / ".projledger" / "unit-items-cache.json", ignore_errors=True)
        (root / ".projledger" / "unit-items-cache.json").unlink(missing_ok=True)
        shutil.rmtree(out, ignore_errors=True)
        cold.append(timed(command, root))
        shutil.rmtree(out, ignore_errors=True)
        warm.append(timed(command, root))
    written = len(list(out.iterdir()))
    print(
        f"export units --all, {projects} projects, {units} units declared "
        f"({written} workbooks written; check errors: {errors[1] if errors else '?'}):"
    )
    print(f"  cold (no cache): {median(cold)}")
    print(f"  warm:            {median(warm)}   target ≤ 5 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--unit-rows", type=int, default=200)
    parser.add_argument("--projects", type=int, default=10000)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--keep", type=Path, default=None, help="build the big ledger here, reuse it"
    )
    parser.add_argument("--only", choices=("taizhang", "unit", "units"), default=None)
    args = parser.parse_args()
    print(f"{dt.datetime.now():%Y-%m-%d %H:%M}, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-excel-") as temporary:
        work = Path(temporary)
        if args.only in (None, "taizhang"):
            bench_taizhang(work, args.rows, args.repeat)
        if args.only in (None, "unit"):
            bench_unit(work, args.unit_rows, args.repeat)
        if args.only in (None, "units"):
            bench_export_units(work, args.projects, args.units, args.repeat, args.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

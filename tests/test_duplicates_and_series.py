"""Issue 14, what remained of "figures you can sign": a retired duplicate out of the flow;
`check` findings for a `duplicate_of` that names no real project (PL303) and for an
investment figure that is not its series' latest (PL226), refused by the change commands
too; two clerks' investment series merged by month; an imported 台账's 1-10月 column
stored as a figure for its months. Each on a hand-made ledger with real git history,
through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Ledger

XINNENGYUAN = "laiwu-xinnengyuan-chanye-yonggang"
DUPLICATE = "laiwu-yonggang-shiji"
MATOUSHAN = "laiwu-matoushan-shuiku"

ISSUE = """
  - id: {id}
    title: {title}
    category: 配套
    source: 周调度
    cause_side: 政府
    raised: {raised}
    state: 已登记
"""


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    """The sample, first committed on 2026-10-30 (so November holds only what the tests do)."""
    return Ledger.create(tmp_path / "root", date="2026-10-30T09:00:00+08:00")


def _report(ledger: Ledger, *args: str) -> dict[str, Any]:
    result = ledger.cli("report", *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    payload: dict[str, Any] = json.loads(result.stdout)
    return payload


def _table(report: dict[str, Any], key: str) -> dict[str, Any]:
    found: dict[str, Any] = next(t for t in report["tables"] if t["key"] == key)
    return found


def _counts(report: dict[str, Any]) -> dict[str, int]:
    return {row["key"]: row["count"] for row in _table(report, "flow")["rows"]}


def _add_issue(ledger: Ledger, project: str, item: str, title: str, raised: str) -> None:
    ledger.edit(
        "\ntasks:\n", ISSUE.format(id=item, title=title, raised=raised) + "\ntasks:\n", project
    )


# --- 1. a retired duplicate is out of the flow -------------------------------------------------


def _entered_twice(ledger: Ledger) -> None:
    """11-17: the real project entered a second time (a second 台账's import), with an issue
    of its own; 11-18 retired as a duplicate; 11-19 a note on the duplicate's issue and a
    new issue of the real project."""
    text = ledger.text(XINNENGYUAN).replace(f"id: {XINNENGYUAN}", f"id: {DUPLICATE}")
    ledger.file(DUPLICATE).write_text(text, encoding="utf-8")
    _add_issue(ledger, DUPLICATE, "I-DUP0A1", "市级台账所列排水接入问题", "2026-11-17")
    ledger.commit("市级台账导入", "2026-11-17T10:00:00+08:00")
    retired = ledger.run(
        f"retire {DUPLICATE} --reason 重复录入 --reviewer 孙丽娟 --duplicate-of {XINNENGYUAN}",
        today="2026-11-18",
    )
    assert retired.returncode == 0, retired.stderr
    ledger.edit(
        "    raised: 2026-11-17\n    state: 已登记\n",
        "    raised: 2026-11-17\n    state: 已登记\n"
        "    progress:\n      - {date: 2026-11-19, note: 已对接供水公司}\n",
        DUPLICATE,
    )
    _add_issue(ledger, XINNENGYUAN, "I-REAL01", "厂区北门道路接入", "2026-11-19")
    ledger.commit("周调度录入", "2026-11-19T10:00:00+08:00")


@pytest.mark.parametrize(
    "period", [("weekly", "--week", "2026-W47"), ("monthly", "--month", "2026-11")]
)
def test_a_retired_duplicate_counts_in_no_flow(ledger: Ledger, period: tuple[str, ...]) -> None:
    _entered_twice(ledger)
    report = _report(ledger, *period)
    events = [*_table(report, "issue_events")["rows"], *_table(report, "advances")["rows"]]
    assert [e for e in events if e["project_id"] == DUPLICATE] == []
    # The real project's own event is there, and counts once.
    assert [e["item"] for e in events if e["project_id"] == XINNENGYUAN] == ["I-REAL01"]
    counts = _counts(report)
    assert (counts["new"], counts["entered_late"]) == (1, 0)
    assert DUPLICATE not in json.dumps(report, ensure_ascii=False)


# --- 2. findings: duplicate_of naming no real project (PL303), a figure off its series (PL226)


def _check(ledger: Ledger, *paths: str) -> tuple[int, list[tuple[str, str, str]]]:
    """`check --format json [PATHS]`: the exit code and (file stem, code, message)."""
    result = ledger.cli("check", "--format", "json", "--lang", "en", *paths)
    payload = json.loads(result.stdout)
    found = [(Path(f["file"]).stem, f["code"], f["message"]) for f in payload["findings"]]
    return result.returncode, found


def _retired_duplicate(ledger: Ledger, duplicate: str = DUPLICATE) -> None:
    text = ledger.text(XINNENGYUAN).replace(f"id: {XINNENGYUAN}", f"id: {duplicate}")
    ledger.file(duplicate).write_text(text, encoding="utf-8")
    ledger.commit("市级台账导入", "2026-11-17T10:00:00+08:00")
    retired = ledger.run(
        f"retire {duplicate} --reason 重复录入 --reviewer 孙丽娟 --duplicate-of {XINNENGYUAN}",
        today="2026-11-18",
    )
    assert retired.returncode == 0, retired.stderr


def test_a_duplicate_of_naming_no_real_project_is_a_finding(ledger: Ledger) -> None:
    _retired_duplicate(ledger)
    assert _check(ledger) == (0, [])
    # `check FILE` finds the real project among the root's files (no false "missing").
    assert _check(ledger, f"projects/{DUPLICATE}.yaml") == (0, [])
    line = f"duplicate_of: {XINNENGYUAN}"
    for named, words in (
        ("laiwu-yonggang-nope", "which is no project of the ledger"),
        (DUPLICATE, "names this project itself"),
    ):
        ledger.edit(line, f"duplicate_of: {named}", DUPLICATE)
        for paths in ((), (f"projects/{DUPLICATE}.yaml",)):
            code, found = _check(ledger, *paths)
            assert code == 1
            assert [(stem, c) for stem, c, _ in found] == [(DUPLICATE, "PL303")]
            assert words in found[0][2]
        ledger.edit(f"duplicate_of: {named}", line, DUPLICATE)
    # In Chinese, as the clerk reads it, with the file's line.
    ledger.edit(line, "duplicate_of: laiwu-yonggang-nope", DUPLICATE)
    result = ledger.cli("check")
    assert result.returncode == 1
    assert "PL303" in result.stdout and "在台账中不存在" in result.stdout
    assert f"{DUPLICATE}.yaml:" in result.stdout


def test_a_chain_of_duplicates_is_a_finding_and_refused(ledger: Ledger) -> None:
    _retired_duplicate(ledger)
    # A second copy retired as a duplicate of the first duplicate: refused, nothing written.
    second = "laiwu-yonggang-shengji"
    text = ledger.text(XINNENGYUAN).replace(f"id: {XINNENGYUAN}", f"id: {second}")
    ledger.file(second).write_text(text, encoding="utf-8")
    ledger.commit("省级台账导入", "2026-11-18T10:00:00+08:00")
    message = ledger.refused(
        f"retire {second} --reason 重复录入 --reviewer 孙丽娟 --duplicate-of {DUPLICATE}",
        today="2026-11-19",
    )
    assert DUPLICATE in message  # a retired project is no real one
    # The real project may not become a duplicate while a duplicate names it.
    message = ledger.refused(
        f"retire {XINNENGYUAN} --reason 重复录入 --reviewer 孙丽娟 --duplicate-of {MATOUSHAN}",
        today="2026-11-19",
    )
    assert "PL303" in message and f"{DUPLICATE} 登记为本项目的重复项目" in message
    assert "retire DUPLICATE" not in message  # the PL301 hint is not this rule's way out
    # A chain typed by hand: both files are told, whichever is checked.
    retired = ledger.run(
        f"retire {second} --reason 重复录入 --reviewer 孙丽娟 --duplicate-of {XINNENGYUAN}",
        today="2026-11-19",
    )
    assert retired.returncode == 0, retired.stderr
    ledger.edit(f"duplicate_of: {XINNENGYUAN}", f"duplicate_of: {DUPLICATE}", second)
    code, found = _check(ledger)
    assert code == 1
    assert sorted((stem, c) for stem, c, _ in found) == [(second, "PL303"), (DUPLICATE, "PL303")]
    for path in (f"projects/{second}.yaml", f"projects/{DUPLICATE}.yaml"):
        assert _check(ledger, path)[0] == 1


def test_a_figure_that_is_not_its_series_latest_is_a_finding(ledger: Ledger) -> None:
    assert (
        ledger.run(
            f"set {MATOUSHAN} investment.completed_this_year 31000 --through 10月"
        ).returncode
        == 0
    )
    assert _check(ledger) == (0, [])
    # Typed over by hand: the figure no longer says what the series says.
    ledger.edit("completed_this_year: 31000", "completed_this_year: 33000", MATOUSHAN)
    code, found = _check(ledger)
    assert code == 1 and [(s, c) for s, c, _ in found] == [(MATOUSHAN, "PL226")]
    assert "33000 万元 (data period 1-10月)" in found[0][2]
    assert "31000 万元 (1-10月)" in found[0][2]
    weekly = _report(ledger, "weekly", "--week", "2026-W47")
    assert f"{MATOUSHAN}.yaml" in weekly["invalid_files"]
    ledger.edit("completed_this_year: 33000", "completed_this_year: 31000", MATOUSHAN)
    # A change that would part them is refused (the months by themselves, here).
    message = ledger.refused(f"set {MATOUSHAN} investment.through_month 9")
    assert "PL226" in message
    # A series entry for a month not over when it was entered.
    ledger.edit("through: 10, completed: 31000", "through: 11, completed: 31000", MATOUSHAN)
    ledger.edit("through_month: 10", "through_month: 11", MATOUSHAN)
    code, found = _check(ledger)
    assert code == 1 and [(s, c) for s, c, _ in found] == [(MATOUSHAN, "PL226")]
    assert "entered on 2026-11-20, before that month was over" in found[0][2]


# --- 3. two clerks' figures merged by month ---------------------------------------------------

J = "laiwu-jingpingang-lvse-zhuanxing"
SEPTEMBER = (
    "  updated: 2026-11-10\n  through_month: 10\n",
    "  updated: 2026-10-12\n  through_month: 9\n",
)


@pytest.fixture
def clones(ledger: Ledger) -> Ledger:
    """The ledger with the merge driver set up, and 精品钢's figure a 1-9月 one."""
    (ledger.root / ".gitattributes").write_text("*.yaml text eol=lf\n", encoding="utf-8")
    ledger.edit(*SEPTEMBER, J)
    ledger.commit("1-9月投资", "2026-10-12T09:00:00+08:00")
    assert ledger.cli("setup").returncode == 0
    return ledger


def _figures(ledger: Ledger) -> tuple[Any, list[tuple[int, int, str]]]:
    from projledger.store.reader import read_yaml

    data = read_yaml(ledger.file(J).read_bytes(), "merged").data
    inv = data["investment"]
    shown = (inv["completed_this_year"], inv["through_month"], str(inv["updated"]))
    return shown, [(e["through"], e["completed"], str(e["reported"])) for e in inv["series"]]


def _git_merge(ledger: Ledger, branch: str) -> int:
    import subprocess

    from tests.helpers import cli_env

    merged = subprocess.run(
        ["git", "merge", "--no-edit", branch],
        cwd=ledger.top,
        env=cli_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    return merged.returncode


def _set(ledger: Ledger, amount: int, through: str, today: str) -> None:
    result = ledger.run(
        f"set {J} investment.completed_this_year {amount} --through {through}", today=today
    )
    assert result.returncode == 0, result.stderr


def test_months_each_clerk_entered_merge_in_month_order(clones: Ledger) -> None:
    from tests.helpers import git

    start = clones.head()
    git(clones.top, "switch", "-q", "-c", "theirs")
    _set(clones, 400000, "11月", "2026-12-03")  # November's, by the other clerk
    git(clones.top, "switch", "-q", "main")
    _set(clones, 372000, "10月", "2026-11-05")  # October's, here
    assert _git_merge(clones, "theirs") == 0
    assert clones.cli("check").returncode == 0
    shown, series = _figures(clones)
    assert series == [
        (9, 351600, "2026-10-12"),
        (10, 372000, "2026-11-05"),
        (11, 400000, "2026-12-03"),
    ]
    assert shown == (400000, 11, "2026-12-03")  # the latest, theirs'
    # The other way round: ours holds the later month, and its figure stays.
    git(clones.top, "switch", "-q", "-c", "later", start)
    _set(clones, 401000, "11月", "2026-12-04")
    git(clones.top, "switch", "-q", "-c", "october", start)
    _set(clones, 372000, "10月", "2026-11-05")
    git(clones.top, "switch", "-q", "later")
    assert _git_merge(clones, "october") == 0
    shown, series = _figures(clones)
    assert [entry[:2] for entry in series] == [(9, 351600), (10, 372000), (11, 401000)]
    assert shown == (401000, 11, "2026-12-04")
    assert clones.cli("check").returncode == 0


def test_the_same_month_with_different_figures_is_a_conflict_resolve_settles(
    clones: Ledger,
) -> None:
    import re

    from tests.helpers import git

    git(clones.top, "switch", "-q", "-c", "theirs")
    _set(clones, 370000, "10月", "2026-11-06")
    git(clones.top, "switch", "-q", "main")
    _set(clones, 360000, "10月", "2026-11-05")
    assert _git_merge(clones, "theirs") != 0
    shown, series = _figures(clones)
    assert series == [(9, 351600, "2026-10-12"), (10, 360000, "2026-11-05")]  # ours kept
    assert shown == (360000, 10, "2026-11-05")
    check = clones.cli("check", "--lang", "en")
    assert check.returncode == 1
    assert "PL019" in check.stdout and "PL226" not in check.stdout
    assert "investment.series[1]" in check.stdout and "370000" in check.stdout
    command = re.search(r"`projledger (resolve [^`]+--take theirs)`", check.stdout)
    assert command is not None
    resolved = clones.run(command.group(1), today=None)
    assert resolved.returncode == 0, resolved.stderr
    git(clones.top, "commit", "-q", "--no-edit")
    assert clones.cli("check").returncode == 0
    shown, series = _figures(clones)
    assert series[-1] == (10, 370000, "2026-11-06")
    assert shown == (370000, 10, "2026-11-06")  # the figure followed the series


def test_the_same_figure_entered_on_both_sides_is_kept_once(clones: Ledger) -> None:
    from tests.helpers import git

    git(clones.top, "switch", "-q", "-c", "theirs")
    _set(clones, 372000, "10月", "2026-11-06")
    git(clones.top, "switch", "-q", "main")
    _set(clones, 372000, "10月", "2026-11-05")
    clones.run(f"log {J} I-9TX3QW 我方进展")
    assert _git_merge(clones, "theirs") == 0
    shown, series = _figures(clones)
    assert series == [(9, 351600, "2026-10-12"), (10, 372000, "2026-11-05")]
    assert shown == (372000, 10, "2026-11-05")
    assert clones.cli("check").returncode == 0


# --- 4. an imported 台账's 1-10月 column is a figure for its months --------------------------

ROWS = (
    ("马头山水库工程", "2023-370116-76-01-009354", 186000, 60000, "{matoushan}"),
    ("精品钢绿色转型项目", "2024-370116-31-03-015821", 1280000, 420000, "{jingpingang}"),
)


def _sheet(path: Path, completed: str, matoushan: int, jingpingang: int) -> Path:
    lines = [f"项目名称,项目代码,总投资（万元）,年度计划投资（万元）,{completed}"]
    for name, code, total, plan, figure in ROWS:
        value = figure.format(matoushan=matoushan, jingpingang=jingpingang)
        lines.append(f"{name},{code},{total},{plan},{value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _investment(ledger: Ledger, project: str) -> dict[str, Any]:
    from projledger.store.reader import read_yaml

    data = read_yaml(ledger.file(project).read_bytes(), "file").data
    investment: dict[str, Any] = data["investment"]
    return investment


def test_a_column_naming_its_months_imports_a_figure_for_them(
    ledger: Ledger, tmp_path: Path
) -> None:
    import datetime as dt

    sheet = _sheet(tmp_path / "台账.csv", "1—10月累计完成投资（万元）", 31000, 351600)
    result = ledger.run(f"--lang en import {sheet}", today="2026-11-20")
    assert result.returncode == 0, result.stderr
    assert "1—10月累计完成投资（万元）: completed investment for 1-10月" in result.stdout
    inv = _investment(ledger, MATOUSHAN)
    assert (inv["completed_this_year"], inv["through_month"]) == (31000, 10)
    assert inv["updated"] == dt.date(2026, 11, 20)
    assert [(e["through"], e["completed"], e["reported"]) for e in inv["series"]] == [
        (10, 27500, dt.date(2026, 11, 8)),  # the figure it replaced, as `set` keeps it
        (10, 31000, dt.date(2026, 11, 20)),
    ]
    # 精品钢's figure is what the file holds already, for the same months: unchanged.
    assert "series" not in _investment(ledger, "laiwu-jingpingang-lvse-zhuanxing")
    assert ledger.cli("check").returncode == 0
    count = ledger.count()
    again = ledger.run(f"import {sheet}", today="2026-11-20")
    assert again.returncode == 0 and ledger.count() == count  # nothing to change

    # A month not over on the import's date: the row fails, the others are imported.
    early = _sheet(tmp_path / "早.csv", "1-11月完成投资", 33000, 351600)
    failed = ledger.run(f"--lang en import {early}", today="2026-11-25")
    assert failed.returncode == 1
    # A row's failure is said in the ledger's language (excel/stage.py), as its findings are.
    assert "the month is not over" in failed.stdout  # in the run's language
    assert _investment(ledger, MATOUSHAN)["completed_this_year"] == 31000


def test_a_column_without_months_imports_as_before_and_says_so(
    ledger: Ledger, tmp_path: Path
) -> None:
    assert (
        ledger.run(
            f"set {MATOUSHAN} investment.completed_this_year 31000 --through 10月"
        ).returncode
        == 0
    )
    sheet = _sheet(tmp_path / "台账.csv", "本年完成投资", 32500, 360000)
    result = ledger.run(f"--lang en import {sheet}", today="2026-12-02")
    assert result.returncode == 0, result.stderr
    assert "column 本年完成投资 names no data period" in result.stdout
    # A project without a series: the figure alone, as imports always did.
    steel = _investment(ledger, "laiwu-jingpingang-lvse-zhuanxing")
    assert steel["completed_this_year"] == 360000 and "series" not in steel
    # One that keeps a series: January to the month before the import, as `set` records.
    inv = _investment(ledger, MATOUSHAN)
    assert (inv["completed_this_year"], inv["through_month"]) == (32500, 11)
    assert inv["series"][-1]["through"] == 11
    assert ledger.cli("check").returncode == 0
    result = ledger.cli("import", str(sheet), "--dry-run")  # the note in Chinese
    assert "未注明数据期" in result.stdout

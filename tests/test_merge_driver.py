"""The item merge driver (`projledger merge-driver`, projledger.sync): three versions of a
ledger file merged by item id and field, both sides' comments kept; a field both sides
changed is recorded as a conflict `check` reports (PL019) and `resolve` settles."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from projledger.store.conflict_marks import find_marks
from projledger.store.reader import read_yaml
from projledger.sync import driver
from projledger.sync.driver import MergeResult, merge_paths
from tests.helpers import SAMPLE_PROJECT, SAMPLE_ROOT, Ledger, git, run_cli

BASE = SAMPLE_PROJECT.read_text(encoding="utf-8")
TOWER = "      - {date: 2026-10-30, note: 新建塔基完成12基，剩余6基受雨季影响}  # 周调度会上通报\n"
NEW_ISSUE = """
  # 新问题（对方添加）
  - id: I-7WQ3NB
    title: 厂区南侧排水管网接入
    category: 配套
    source: 周调度
    cause_side: 政府
    raised: 2026-11-02
    state: 已登记
"""


def edit(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def merge(tmp_path: Path, ours: str, theirs: str, base: str = BASE, **options: str) -> MergeResult:
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return merge_paths(*paths, **options)  # type: ignore[arg-type]


def data(text: str) -> dict[str, object]:
    read = read_yaml(text.encode(), "merged")
    assert read.parsed, read.findings
    assert isinstance(read.data, dict)
    return read.data


def issue(text: str, item_id: str) -> dict[str, object]:
    found = [i for i in data(text)["issues"] if i["id"] == item_id]  # type: ignore[attr-defined]
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


def test_changes_to_different_items_merge_as_git_merges_lines(tmp_path: Path) -> None:
    ours = edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 360000"))
    theirs = edit(BASE, ("    state: 进行中\n", "    state: 进行中\n    note: 本周已调度\n"))
    result = merge(tmp_path, ours, theirs)
    assert result.clean and result.way == "lines"
    assert result.text == edit(
        ours, ("    state: 进行中\n", "    state: 进行中\n    note: 本周已调度\n")
    )


def test_different_fields_of_one_item_on_adjacent_lines(tmp_path: Path) -> None:
    """git's line merge conflicts on neighbouring lines; the driver settles them line by
    line, as the item merge reads them."""
    ours = edit(BASE, ("    person: 马强\n", "    person: 张伟\n"))
    theirs = edit(BASE, ("    unit: 国网济南市莱芜区供电公司\n", "    unit: 高庄街道办事处\n"))
    result = merge(tmp_path, ours, theirs)
    assert result.clean and result.way == "lines"
    merged = issue(result.text, "I-9TX3QW")
    assert (merged["unit"], merged["person"]) == ("高庄街道办事处", "张伟")
    # Every line but the two changed ones is as it was: comments, blank lines, flow style.
    changed = [
        (a, b) for a, b in zip(BASE.splitlines(), result.text.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        ("    unit: 国网济南市莱芜区供电公司", "    unit: 高庄街道办事处"),
        ("    person: 马强", "    person: 张伟"),
    ]


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "items"])
def test_notes_and_items_appended_on_both_sides_are_all_kept_with_their_comments(
    tmp_path: Path, one_line: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both sides' lines at one place: kept as written, ours first. With two fields of one
    `{...}` line changed too (`one_line`), no line merge reads right: the item merge on
    ours' round-trip tree writes the same text, theirs' comments included."""
    line = "  - {id: R-9PW4TA, role: 责任单位, unit: 高庄街道办事处, person: 张伟, "
    duties = (line + "duties: 厂区周边300户征迁及群众工作}\n", line + "duties: 征迁及群众工作}\n")
    person = (line, line.replace("张伟", "陈明"))
    ours = edit(BASE, (TOWER, TOWER + "      - {date: 2026-11-20, note: 我方进展}\n"))
    theirs = edit(
        BASE,
        (TOWER, TOWER + "      - {date: 2026-11-21, note: 对方进展}  # 他们的注释\n"),
        ("\ntasks:\n", NEW_ISSUE + "\ntasks:\n"),
    )
    if one_line:
        ours, theirs = edit(ours, duties), edit(theirs, person)
    whole_reads: list[str] = []
    editable = driver.editable
    monkeypatch.setattr(driver, "editable", lambda text: whole_reads.append(text) or editable(text))
    result = merge(tmp_path, ours, theirs)
    # Only ours is read whole; of theirs, the parts the merge takes from (sync/partial.py).
    assert whole_reads == ([ours] if one_line else [])
    assert result.clean and result.way == ("items" if one_line else "lines")
    notes = [p["note"] for p in issue(result.text, "I-9TX3QW")["progress"]]  # type: ignore[attr-defined]
    assert notes[-2:] == ["我方进展", "对方进展"]
    expected = edit(
        ours,
        (
            "      - {date: 2026-11-20, note: 我方进展}\n",
            "      - {date: 2026-11-20, note: 我方进展}\n"
            "      - {date: 2026-11-21, note: 对方进展}  # 他们的注释\n",
        ),
        ("\ntasks:\n", NEW_ISSUE + "\ntasks:\n"),
    )
    assert result.text == (edit(expected, person) if one_line else expected)


def test_extensions_appended_on_both_sides(tmp_path: Path) -> None:
    extension = "      - {date: 2026-10-28, new_due: 2026-11-15, reason: 雨季影响塔基施工, "
    extension += "approver: 王建国}\n"
    ours = edit(
        BASE,
        (
            extension,
            extension
            + "      - {date: 2026-11-14, new_due: 2026-11-30, reason: 甲, approver: 王建国}\n",
        ),
    )
    theirs = edit(
        BASE,
        (
            extension,
            extension
            + "      - {date: 2026-11-15, new_due: 2026-12-10, reason: 乙, approver: 王建国}\n",
        ),
    )
    result = merge(tmp_path, ours, theirs)
    assert result.clean
    deadline = next(d for d in data(result.text)["deadlines"] if d["id"] == "D-3KD8XP")  # type: ignore[attr-defined]
    assert [e["reason"] for e in deadline["extensions"]] == ["雨季影响塔基施工", "甲", "乙"]


def test_notes_added_after_an_earlier_merge_still_merge(tmp_path: Path) -> None:
    """The base of a later merge is theirs' side of the earlier one: ours' notes sit
    before theirs' there, and both sides' new notes still go in."""
    first, second, third = (f"      - {{date: 2026-11-2{n}, note: 第{n}条}}\n" for n in (1, 2, 3))
    base = edit(BASE, (TOWER, TOWER + second))
    ours = edit(BASE, (TOWER, TOWER + first + second))  # ours' note, then the merged one
    theirs = edit(BASE, (TOWER, TOWER + second + third))
    result = merge(tmp_path, ours, theirs, base=base)
    assert result.clean
    notes = [p["note"] for p in issue(result.text, "I-9TX3QW")["progress"]]  # type: ignore[attr-defined]
    assert notes[-3:] == ["第1条", "第2条", "第3条"]


def test_the_same_field_changed_on_both_sides_is_a_recorded_conflict(tmp_path: Path) -> None:
    ours = edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 360000"))
    theirs = edit(
        BASE,
        ("  completed_this_year: 351600", "  completed_this_year: 370000"),
        ("    person: 马强\n", "    person: 张伟\n"),
    )
    result = merge(tmp_path, ours, theirs)
    assert not result.clean and result.way == "items"
    assert [c.field for c in result.conflicts] == ["investment.completed_this_year"]
    merged = data(result.text)
    assert merged["investment"]["completed_this_year"] == 360000  # type: ignore[index]
    assert issue(result.text, "I-9TX3QW")["person"] == "张伟"  # theirs' other change is in
    (mark,) = find_marks(result.text)
    assert (mark.field, mark.ours, mark.theirs, mark.line) == (
        "investment.completed_this_year",
        360000,
        370000,
        2,
    )
    findings = read_yaml(
        result.text.encode(), "projects/laiwu-jingpingang-lvse-zhuanxing.yaml"
    ).findings
    assert [(f.code, f.line) for f in findings] == [("PL019", 2)]
    assert "ours 360000 (kept), theirs 370000" in findings[0].message
    assert (
        "`projledger resolve laiwu-jingpingang-lvse-zhuanxing investment.completed_this_year "
        "--take theirs`" in findings[0].message
    )


def test_an_item_removed_on_one_side_and_changed_on_the_other(tmp_path: Path) -> None:
    start = BASE.index("  - id: I-9TX3QW")
    end = BASE.index("\ntasks:\n")
    ours = BASE[:start].rstrip("\n") + "\n" + BASE[end:]
    theirs = edit(BASE, ("    person: 马强\n", "    person: 张伟\n"))
    result = merge(tmp_path, ours, theirs)
    (conflict,) = result.conflicts
    assert conflict.field == "I-9TX3QW"
    (mark,) = find_marks(result.text)
    assert mark.theirs["person"] == "张伟" and "ours" not in mark.text()


def test_an_id_both_sides_added_for_different_items(tmp_path: Path) -> None:
    deadline = "  - {id: D-8MCQ6T, target: milestone:竣工, due: 2027-06-30, basis: 项目建设计划}\n"
    ours = edit(
        BASE, ("\ntasks:\n", NEW_ISSUE.replace("厂区南侧排水管网接入", "我方的问题") + "\ntasks:\n")
    )
    theirs = edit(
        BASE,
        ("\ntasks:\n", NEW_ISSUE + "\ntasks:\n"),
        (deadline, deadline + "  - {id: D-4XW2KM, target: I-7WQ3NB, due: 2026-12-01}\n"),
    )
    result = merge(tmp_path, ours, theirs)
    assert result.clean
    ((old, new),) = result.renames.items()
    assert old == "I-7WQ3NB" and re.fullmatch(r"I-[0-9A-HJKMNP-TV-Z]{6}", new)
    assert issue(result.text, "I-7WQ3NB")["title"] == "我方的问题"
    assert issue(result.text, new)["title"] == "厂区南侧排水管网接入"
    targets = {d["id"]: d["target"] for d in data(result.text)["deadlines"]}  # type: ignore[attr-defined]
    assert targets["D-4XW2KM"] == new  # theirs' deadline follows its issue
    # The same merge gives the same id; `--renumber ours` renumbers ours' instead.
    assert merge(tmp_path, ours, theirs).renames == {old: new}
    mine = merge(tmp_path, ours, theirs, renumber_side="ours")
    (renamed,) = mine.renames.values()
    assert issue(mine.text, "I-7WQ3NB")["title"] == "厂区南侧排水管网接入"
    assert issue(mine.text, renamed)["title"] == "我方的问题"


def test_a_conflict_resolved_on_one_side_stays_resolved(tmp_path: Path) -> None:
    first = merge(
        tmp_path,
        edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 360000")),
        edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 370000")),
    )
    marked = first.text
    resolved = edit(
        marked,
        ("  completed_this_year: 360000", "  completed_this_year: 370000"),
        (find_marks(marked)[0].text() + "\n", ""),
    )
    other = edit(marked, ("    person: 马强\n", "    person: 张伟\n"))
    result = merge(tmp_path, other, resolved, base=marked)
    assert result.clean and find_marks(result.text) == []
    assert data(result.text)["investment"]["completed_this_year"] == 370000  # type: ignore[index]
    assert issue(result.text, "I-9TX3QW")["person"] == "张伟"


def test_units_added_to_the_config_on_both_sides(tmp_path: Path) -> None:
    base = (SAMPLE_ROOT / "projledger.yaml").read_text(encoding="utf-8")
    units = "\nunits:\n"
    assert base.count(units) == 1
    ours = base.replace(units, units + "  - {name: 甲单位}\n")
    theirs = base.replace(units, units + "  - {name: 乙单位}\n")
    result = merge(tmp_path, ours, theirs, base=base)
    assert result.clean
    names = [u["name"] for u in data(result.text)["units"]]  # type: ignore[attr-defined]
    assert names[:2] == ["甲单位", "乙单位"] and len(names) == len(data(base)["units"]) + 2  # type: ignore[arg-type]


def test_a_version_that_is_not_clean_yaml_is_merged_line_by_line(tmp_path: Path) -> None:
    ours = edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: [360000"))
    theirs = edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 370000"))
    result = merge(tmp_path, ours, theirs)
    assert result.way == "lines-with-markers" and not result.clean
    assert "<<<<<<< ours" in result.text


def test_the_command_git_runs(tmp_path: Path) -> None:
    """`merge-driver %O %A %B %P`: the result over %A, exit 1 on a conflict, what happened
    on stderr."""
    for name, text in (
        ("o", BASE),
        ("a", edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 360000"))),
        ("b", edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 370000"))),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_cli("merge-driver", "o", "a", "b", "projects/x.yaml", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "projects/x.yaml: both sides changed investment.completed_this_year" in result.stderr
    assert find_marks((tmp_path / "a").read_text(encoding="utf-8"))


# --- through git ----------------------------------------------------------------------------


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    ledger = Ledger.create(tmp_path / "repo")
    (ledger.root / ".gitattributes").write_text("*.yaml text eol=lf\n", encoding="utf-8")
    ledger.commit("gitattributes", "2026-11-20T09:00:00+08:00")
    result = ledger.cli("setup")
    assert result.returncode == 0, result.stderr
    assert "已将合并程序写入 .gitattributes" in result.stdout  # the ledger's language
    return ledger


def test_setup_commits_the_attributes_once_and_configures_the_clone(ledger: Ledger) -> None:
    assert ledger.show().trailers == {"Projledger-Command": "setup"}
    assert ledger.show().files == ["M\t.gitattributes"]
    attribute = git(ledger.top, "check-attr", "merge", "projects/laiwu-matoushan-shuiku.yaml")
    assert attribute.strip().endswith("merge: projledger")
    driver = git(ledger.top, "config", "merge.projledger.driver").strip()
    assert driver.endswith("-P -m projledger merge-driver %O %A %B %P")
    count = ledger.count()
    again = ledger.cli("setup")
    assert again.returncode == 0 and "此前已配置" in again.stdout
    assert ledger.count() == count


def test_init_routes_ledger_files_to_the_driver(tmp_path: Path) -> None:
    result = run_cli("init", "root", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    attribute = git(tmp_path / "root", "check-attr", "merge", "projledger.yaml")
    assert attribute.strip().endswith("merge: projledger")
    assert git(tmp_path / "root", "config", "merge.projledger.driver").strip()


def test_git_merge_of_two_branches_of_changes(ledger: Ledger) -> None:
    project = "laiwu-jingpingang-lvse-zhuanxing"
    git(ledger.top, "switch", "-q", "-c", "theirs")
    assert ledger.run(f"log {project} I-9TX3QW 对方进展").returncode == 0
    assert ledger.run(f"set {project} investment.completed_this_year 370000").returncode == 0
    git(ledger.top, "switch", "-q", "main")
    assert ledger.run(f"log {project} I-9TX3QW 我方进展").returncode == 0
    assert ledger.run(f"set {project} T-6FJ2RA.note 本周已调度").returncode == 0
    git(ledger.top, "merge", "-q", "--no-edit", "theirs")
    assert ledger.cli("check").returncode == 0
    text = ledger.text(project)
    assert "对方进展" in text and "我方进展" in text and "本周已调度" in text
    assert "completed_this_year: 370000   # 1-10月统计数" in text


def test_a_conflict_in_git_merge_is_settled_by_the_command_check_names(ledger: Ledger) -> None:
    project = "laiwu-jingpingang-lvse-zhuanxing"
    git(ledger.top, "switch", "-q", "-c", "theirs")
    assert ledger.run(f"set {project} investment.completed_this_year 370000").returncode == 0
    git(ledger.top, "switch", "-q", "main")
    assert ledger.run(f"set {project} investment.completed_this_year 360000").returncode == 0
    merged = subprocess.run(
        ["git", "merge", "--no-edit", "theirs"], cwd=ledger.top, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert merged.returncode != 0
    assert "CONFLICT" in merged.stdout
    check = ledger.cli("check")
    assert check.returncode == 1
    assert "PL019" in check.stdout and "<<<<<<<" not in ledger.text(project)
    command = re.search(r"`(projledger resolve [^`]+--take theirs)`", check.stdout)
    assert command is not None
    resolved = ledger.run(command.group(1).removeprefix("projledger "), today=None)
    assert resolved.returncode == 0, resolved.stderr
    assert "已暂存，随本次合并提交" in resolved.stdout  # the ledger's language
    git(ledger.top, "commit", "-q", "--no-edit")
    assert ledger.cli("check").returncode == 0
    assert "completed_this_year: 370000" in ledger.text(project)
    assert len(ledger.show().parents) == 2


def test_resolve_outside_a_merge_is_one_commit(ledger: Ledger) -> None:
    project = "laiwu-jingpingang-lvse-zhuanxing"
    path = ledger.file(project)
    marked = merge(
        ledger.top.parent,
        edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 360000")),
        edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 370000")),
    ).text
    path.write_text(marked, encoding="utf-8")
    ledger.commit("合并", "2026-11-20T10:00:00+08:00")
    refused = ledger.run(f"set {project} investment.total 1")
    assert refused.returncode == 1 and "projledger resolve" in refused.stderr
    unknown = ledger.cli("resolve", project, "investment.total", "--take", "ours")
    assert unknown.returncode == 1
    assert "中没有记录 investment.total 的冲突" in unknown.stderr
    result = ledger.cli("resolve", project, "investment.completed_this_year", "--take", "ours")
    assert result.returncode == 0, result.stderr
    commit = ledger.show()
    assert commit.trailers == {"Projledger-Command": "resolve", "Projledger-Project": project}
    assert commit.files == [f"M\t{ledger.rel(project)}"]
    text = ledger.text(project)
    assert "completed_this_year: 360000" in text and find_marks(text) == []
    assert text == edit(BASE, ("  completed_this_year: 351600", "  completed_this_year: 360000"))
    assert ledger.cli("check").returncode == 0

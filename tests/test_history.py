"""`projledger history`, `changes` (a period) and `snapshot_at`, on real git repositories.

Every commit here is made with plain git on hand-edited files, as people do without
projledger: history must come from comparing versions, never from commit messages.
"""

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from projledger.errors import ProjledgerError
from projledger.history.asof import snapshot_at
from projledger.history.diff import ChangeKind, diff_project
from projledger.history.values import normalize
from projledger.root import LedgerRoot
from tests.helpers import (
    LI,
    SAMPLE_PROJECT,
    WANG,
    Ledger,
    add_issue,
    copy_root,
    git,
    hand_ledger,
    run_cli,
)

PROJECT = SAMPLE_PROJECT.stem  # laiwu-jingpingang-lvse-zhuanxing


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return hand_ledger(tmp_path / "ledger")


def fields(payload: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (c["item"], c["field"], c["kind"], c["old"], c["new"], c["author"])
        for c in payload["changes"]
    ]


# --- history -------------------------------------------------------------------------------


def test_a_field_changed_over_several_commits(ledger: Ledger) -> None:
    figures = [
        ("351600", "360000", "2026-11-03T10:00:00+08:00", LI),
        ("360000", "372500", "2026-11-10T16:30:00+08:00", WANG),
        ("372500", "381000", "2026-11-17T11:00:00+08:00", LI),
    ]
    commits = []
    for old, new, date, author in figures:
        ledger.edit(f"completed_this_year: {old}", f"completed_this_year: {new}")
        commits.append(ledger.commit("周调度：更新投资完成额", date, author))

    payload = ledger.json("history", PROJECT)
    assert payload["format"] == "projledger-history"
    assert payload["version"] == 1
    assert payload["project"] == PROJECT
    assert payload["item"] is None
    updates = [c for c in payload["changes"] if c["field"] == "investment.completed_this_year"]
    assert [(c["old"], c["new"]) for c in updates] == [
        (351600, 360000),
        (360000, 372500),
        (372500, 381000),
    ]
    assert [c["commit"] for c in updates] == commits
    assert [c["author"] for c in updates] == ["李娜", "王强", "李娜"]
    assert [c["date"] for c in updates] == [date for _, _, date, _ in figures]
    assert {c["kind"] for c in updates} == {"changed"}
    assert updates[0]["list"] is None and updates[0]["item"] is None
    assert updates[0]["file"] == f"projects/{PROJECT}.yaml"
    # The first commit shows the project file, and every item, as added.
    first = payload["changes"][0]
    assert (first["commit"], first["field"], first["kind"]) == (ledger.first, "", "added")
    assert first["new"] == "精品钢绿色转型项目"

    table = ledger.cli("history", PROJECT)
    assert table.returncode == 0, table.stderr
    row = next(line for line in table.stdout.splitlines() if "372500 → 381000" in line)
    assert "2026-11-17 11:00" in row
    assert commits[2][:8] in row
    assert "李娜" in row
    assert "投资·本年完成投资" in row  # the field in the ledger's language (zh)
    english = ledger.cli("history", PROJECT, "--lang", "en")
    row = next(line for line in english.stdout.splitlines() if "372500 → 381000" in line)
    assert "investment.completed_this_year" in row  # in English, the path the file spells


def test_an_item_added_then_changed_field_by_field(ledger: Ledger) -> None:
    add_issue(ledger)
    added = ledger.commit("新增问题", "2026-11-02T10:00:00+08:00", LI)
    ledger.edit(
        "    raised: 2026-11-02\n    state: 已登记\n",
        "    raised: 2026-11-02\n    state: 已交办\n    unit: 高庄街道办事处\n    person: 张伟\n",
    )
    ledger.edit(
        "  - {id: D-8MCQ6T,",
        "  - {id: D-6PXJ4W, target: I-7WQ3NB, due: 2026-11-30, basis: 第45周周调度}\n"
        "  - {id: D-8MCQ6T,",
    )
    assigned = ledger.commit("交办", "2026-11-04T10:00:00+08:00", WANG)
    next_deadline = "  - {id: D-6PXJ4W, "  # right after D-3KD8XP's extension
    ledger.edit(
        next_deadline,
        "      - {date: 2026-11-12, new_due: 2026-11-30, reason: 停电窗口顺延, approver: 王建国}\n"
        + next_deadline,
    )
    ledger.edit("    closure: {date: 2026-03-18,", "    closure: {date: 2026-03-19,")
    later = ledger.commit("延期与更正", "2026-11-12T10:00:00+08:00", LI)

    issue = ledger.json("history", PROJECT, "I-7WQ3NB")
    assert issue["item"] == "I-7WQ3NB"
    assert [(c["commit"], c["field"], c["kind"], c["old"], c["new"]) for c in issue["changes"]] == [
        (
            added,
            "",
            "added",
            None,
            {
                "id": "I-7WQ3NB",
                "title": "厂区南侧排水管网接入",
                "category": "配套",
                "source": "周调度",
                "cause_side": "政府",
                "raised": "2026-11-02",
                "state": "已登记",
            },
        ),
        (assigned, "state", "changed", "已登记", "已交办"),
        (assigned, "unit", "added", None, "高庄街道办事处"),
        (assigned, "person", "added", None, "张伟"),
        # The issue's history includes its deadline: its creation and its extensions.
        (
            assigned,
            "",
            "added",
            None,
            {"id": "D-6PXJ4W", "target": "I-7WQ3NB", "due": "2026-11-30", "basis": "第45周周调度"},
        ),
    ]
    assert {c["item"] for c in issue["changes"]} == {"I-7WQ3NB", "D-6PXJ4W"}

    extended = ledger.json("history", PROJECT, "D-3KD8XP")
    # A deadline's history includes its target's (I-9TX3QW): the deadline's own changes.
    assert {c["item"] for c in extended["changes"]} == {"D-3KD8XP", "I-9TX3QW"}
    own = [c for c in extended["changes"] if c["item"] == "D-3KD8XP"]
    assert [(c["field"], c["kind"], c["new"]) for c in own[1:]] == [
        (
            "extensions[1]",
            "added",
            {
                "date": "2026-11-12",
                "new_due": "2026-11-30",
                "reason": "停电窗口顺延",
                "approver": "王建国",
            },
        )
    ]
    closed = ledger.json("history", PROJECT, "I-4M8K2P")
    assert [(c["commit"], c["item"], c["field"]) for c in closed["changes"][:2]] == [
        (ledger.first, "I-4M8K2P", ""),
        (ledger.first, "D-2NQ7VK", ""),  # its deadline
    ]
    assert [(c["commit"], c["field"], c["old"], c["new"]) for c in closed["changes"][2:]] == [
        (later, "closure.date", "2026-03-18", "2026-03-19")
    ]


def test_hand_edits_are_history_whatever_the_commit_message_says(ledger: Ledger) -> None:
    """The message claims an issue moved; the file says the stage and a task changed."""
    ledger.edit("stage: 已完成用地保障", "stage: 尚未完成规划条件核实")
    ledger.edit("    state: 进行中\n", "    state: 进行中\n    note: 本周已调度\n")
    ledger.commit(
        "[精品钢绿色转型项目] 问题 I-4M8K2P: 已交办 → 办理中\n\n"
        "Projledger-Command: advance\nProjledger-Item: I-4M8K2P\n"
        "Projledger-From: 已交办\nProjledger-To: 办理中",
        "2026-11-06T09:30:00+08:00",
        WANG,
    )
    ledger.edit("  - {source: 贷款, planned: 300000, received: 180000}", "")
    ledger.edit("received: 640000}", "received: 700000}")
    ledger.edit("levels: [省级, 市级]", "levels: [省级, 市级, 区级]")
    ledger.commit("fix numbers", "2026-11-07T09:30:00+08:00", LI)

    changes = fields(ledger.json("history", PROJECT))[15:]
    assert changes == [
        (None, "stage", "changed", "已完成用地保障", "尚未完成规划条件核实", "王强"),
        ("T-6FJ2RA", "note", "added", None, "本周已调度", "王强"),
        (None, "levels", "changed", ["省级", "市级"], ["省级", "市级", "区级"], "李娜"),
        (None, "funding[自筹].received", "changed", 640000, 700000, "李娜"),
        (
            None,
            "funding[贷款]",
            "removed",
            {"source": "贷款", "planned": 300000, "received": 180000},
            None,
            "李娜",
        ),
    ]
    assert not [c for c in changes if c[0] == "I-4M8K2P"]


def test_item_ids_may_be_abbreviated(ledger: Ledger) -> None:
    ledger.edit("raised: 2026-09-04", "raised: 2026-09-05")
    ledger.commit("更正提出日期", "2026-11-03T10:00:00+08:00")
    expected = ledger.json("history", PROJECT, "I-9TX3QW")
    assert len(expected["changes"]) == 3  # added, its deadline D-3KD8XP added, corrected
    for typed in ("i-9tx3qw", "I-9T", "9tx", "9T", "i-9"):
        assert ledger.json("history", PROJECT, typed) == expected, typed
    # The project id may be a unique prefix too.
    assert ledger.json("history", "laiwu-jingping", "9tx") == expected


def test_an_ambiguous_or_unknown_id_is_an_error(ledger: Ledger) -> None:
    result = ledger.cli("--lang", "en", "history", PROJECT, "i-")
    assert result.returncode == 2  # ambiguity is a usage error, listing the candidates
    assert result.stdout == ""
    assert "ambiguous" in result.stderr
    assert "I-4M8K2P 厂区周边300户居民征迁 (已销号); I-9TX3QW" in result.stderr
    result = ledger.cli("--lang", "en", "history", PROJECT, "d")
    assert result.returncode == 2
    assert all(f"D-{d} " in result.stderr for d in ("2NQ7VK", "3KD8XP", "5RW9HM", "8MCQ6T"))
    result = ledger.cli("--lang", "en", "history", PROJECT, "I-ZZZZ")
    assert result.returncode == 1
    assert "no item 'I-ZZZZ'" in result.stderr
    result = ledger.cli("--lang", "en", "history", "no-such-project")
    assert result.returncode == 1
    assert "no project 'no-such-project'" in result.stderr


def test_a_removed_item_and_a_deleted_project_keep_their_history(ledger: Ledger) -> None:
    shutil.copy(SAMPLE_PROJECT.parent / "laiwu-matoushan-shuiku.yaml", ledger.root / "projects")
    ledger.commit("新项目", "2026-11-02T10:00:00+08:00")
    ledger.edit(
        "  - {id: D-8MCQ6T, target: milestone:竣工, due: 2027-06-30, basis: 项目建设计划}\n", ""
    )
    ledger.file("laiwu-matoushan-shuiku").unlink()
    ledger.commit("删除", "2026-11-03T10:00:00+08:00")

    removed = ledger.json("history", PROJECT, "D-8MC")["changes"]
    assert [(c["kind"], c["old"]) for c in removed][1:] == [
        (
            "removed",
            {
                "id": "D-8MCQ6T",
                "target": "milestone:竣工",
                "due": "2027-06-30",
                "basis": "项目建设计划",
            },
        )
    ]
    deleted = ledger.json("history", "laiwu-matoushan-shuiku")
    assert deleted["changes"][0]["kind"] == "added"
    assert [c["kind"] for c in deleted["changes"] if c["item"] is None] == ["added", "removed"]


def test_an_unreadable_version_is_shown_and_skipped(ledger: Ledger) -> None:
    ledger.edit("stage: 已完成用地保障", "stage: [已完成用地保障")
    ledger.commit("broken", "2026-11-02T10:00:00+08:00")
    ledger.edit("stage: [已完成用地保障", "stage: 还需要用地保障")
    ledger.commit("fixed", "2026-11-03T10:00:00+08:00")
    changes = ledger.json("history", PROJECT)["changes"]
    assert [(c["subject"], c["field"], c["kind"], c["old"], c["new"]) for c in changes][-2:] == [
        ("broken", "", "unreadable", None, None),
        ("fixed", "stage", "changed", "已完成用地保障", "还需要用地保障"),
    ]


def test_a_root_in_a_folder_of_the_repository(tmp_path: Path) -> None:
    """The ledger root need not be the repository's top, and its path may be Chinese."""
    ledger = hand_ledger(tmp_path / "repo", subdir="莱芜区/台账")
    (ledger.top / "README.txt").write_text("not a ledger file\n", encoding="utf-8")
    ledger.edit("stage: 已完成用地保障", "stage: 还需要用地保障")
    commit = ledger.commit("阶段", "2026-11-03T10:00:00+08:00")
    changes = ledger.json("history", PROJECT)["changes"]
    assert changes[-1]["file"] == f"莱芜区/台账/projects/{PROJECT}.yaml"
    assert (changes[-1]["field"], changes[-1]["new"]) == ("stage", "还需要用地保障")
    root = LedgerRoot(ledger.root)
    assert snapshot_at(root, ledger.first).projects[PROJECT].stage == "已完成用地保障"
    assert snapshot_at(root, commit).projects[PROJECT].stage == "还需要用地保障"
    ledger.file().unlink()
    ledger.commit("删除", "2026-11-04T10:00:00+08:00")
    result = ledger.cli("audit", ledger.first)
    assert result.returncode == 1
    assert result.stdout.startswith(f"projects/{PROJECT}.yaml:1:1: 错误 PL500 ")
    # A deleted project is still found by its full id, in history and in log.
    assert ledger.json("history", PROJECT)["changes"][-1]["kind"] == "removed"
    assert ledger.json("changes", "--project", PROJECT)["project"] == PROJECT


def test_history_outside_a_git_repository_is_an_error(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "plain")
    result = run_cli("history", PROJECT, cwd=root)
    assert result.returncode == 1
    assert "不在 git 仓库中" in result.stderr


# --- log: the changes of a period ----------------------------------------------------------


def period_ledger(ledger: Ledger) -> dict[str, str]:
    """Changes on three days; the last authored on the 9th but committed on the 12th."""
    commits = {}
    ledger.edit("    coordination_level: 2\n", "    coordination_level: 3\n")  # 供电公司's issue
    commits["power"] = ledger.commit("升级协调", "2026-11-05T23:30:00+08:00", LI)
    ledger.edit(
        "    person: 张伟\n    state: 已完成",
        "    person: 张伟\n    state: 已完成\n    note: 已归档",
    )
    commits["street"] = ledger.commit("高庄街道任务归档", "2026-11-07T08:00:00+08:00", WANG)
    ledger.edit("supplied_mu: 1260", "supplied_mu: 1250")
    commits["land"] = ledger.commit(
        "更正供地面积",
        "2026-11-09T10:00:00+08:00",
        LI,
        committer_date="2026-11-12T10:00:00+08:00",
    )
    return commits


def test_log_lists_the_changes_of_a_period_by_author_date(ledger: Ledger) -> None:
    commits = period_ledger(ledger)
    payload = ledger.json("changes", "--since", "2026-11-05", "--until", "2026-11-09")
    assert payload["format"] == "projledger-log"
    assert (payload["since"], payload["until"]) == ("2026-11-05", "2026-11-09")
    assert [(c["commit"], c["project"], c["item"], c["field"]) for c in payload["changes"]] == [
        (commits["power"], PROJECT, "I-9TX3QW", "coordination_level"),
        (commits["street"], PROJECT, "T-8H3J2Q", "note"),
        (commits["land"], PROJECT, None, "land.supplied_mu"),
    ]
    # Whole days, inclusive: a commit at 23:30 on the 5th belongs to the 5th.
    only_sixth_to_eighth = ledger.json("changes", "--since", "2026-11-06", "--until", "2026-11-08")
    assert [c["commit"] for c in only_sixth_to_eighth["changes"]] == [commits["street"]]
    # By author date: committed on the 12th, authored on the 9th.
    assert ledger.json("changes", "--since", "2026-11-10")["changes"] == []
    assert len(ledger.json("changes", "--until", "2026-11-01")["changes"]) == 15  # the first commit

    table = ledger.cli("changes", "--since", "2026-11-05", "--until", "2026-11-09")
    assert table.returncode == 0, table.stderr
    assert "3 处变更，涉及 3 次提交" in table.stdout
    english = ledger.cli(
        "changes", "--since", "2026-11-05", "--until", "2026-11-09", "--lang", "en"
    )
    assert "3 changes in 3 commits" in english.stdout
    assert "1260 → 1250" in table.stdout


def test_log_filters_by_unit_and_project(ledger: Ledger) -> None:
    commits = period_ledger(ledger)
    since = ("--since", "2026-11-02")
    street = ledger.json("changes", *since, "--unit", "高庄街道办事处")
    # The street office's task, and the record of a project where it has a responsibility.
    assert [(c["commit"], c["item"]) for c in street["changes"]] == [
        (commits["street"], "T-8H3J2Q"),
        (commits["land"], None),
    ]
    assert ledger.json("changes", *since, "--unit", "高庄街道")["changes"] == street["changes"]
    power = ledger.json("changes", *since, "--unit", "莱芜供电公司")
    assert [(c["commit"], c["item"]) for c in power["changes"]] == [
        (commits["power"], "I-9TX3QW"),
        (commits["land"], None),
    ]
    nobody = ledger.cli("changes", *since, "--unit", "区水务局")
    assert nobody.returncode == 0
    assert "没有变更" in nobody.stdout
    project = ledger.json("changes", *since, "--project", "laiwu-jing")
    assert project["project"] == PROJECT
    assert len(project["changes"]) == 3


def test_log_rejects_a_bad_period(ledger: Ledger) -> None:
    result = ledger.cli("changes", "--since", "2026-11-31")
    assert result.returncode == 2
    assert "2026-11-31 这一天不存在" in result.stderr  # the ledger's language
    result = ledger.cli("changes", "--since", "2026-11-09", "--until", "2026-11-01")
    assert result.returncode == 2


# --- the ledger as it was ------------------------------------------------------------------


def test_snapshot_at_a_date_or_a_commit(ledger: Ledger) -> None:
    ledger.edit("completed_this_year: 351600", "completed_this_year: 360000")
    second = ledger.commit("十月数", "2026-11-03T10:00:00+08:00")
    shutil.copy(SAMPLE_PROJECT.parent / "laiwu-matoushan-shuiku.yaml", ledger.root / "projects")
    ledger.edit("completed_this_year: 360000", "completed_this_year: 372500")
    ledger.commit("十一月数", "2026-11-05T10:00:00+08:00")
    root = LedgerRoot(ledger.root)

    def completed(projects: dict[str, Any]) -> float:
        return float(projects[PROJECT].investment.completed_this_year)

    assert completed(snapshot_at(root, "2026-11-01").projects) == 351600
    assert completed(snapshot_at(root, "2026-11-03").projects) == 360000
    assert completed(snapshot_at(root, "2026-11-04").projects) == 360000
    latest = snapshot_at(root, "2026-11-30").projects
    assert completed(latest) == 372500
    assert sorted(latest) == [PROJECT, "laiwu-matoushan-shuiku"]
    assert sorted(snapshot_at(root, second).projects) == [PROJECT]
    assert completed(snapshot_at(root, second[:10]).projects) == 360000
    assert completed(snapshot_at(root, "HEAD~1").projects) == 360000
    closure = snapshot_at(root, "HEAD").projects[PROJECT].issues[0].closure
    assert closure is not None and closure.date == dt.date(2026, 3, 18)

    with pytest.raises(ProjledgerError, match="no commit on or before 2026-10-31"):
        snapshot_at(root, "2026-10-31")
    with pytest.raises(ProjledgerError, match="neither a date"):
        snapshot_at(root, "no-such-branch")


def test_snapshot_names_files_that_were_invalid_then(ledger: Ledger) -> None:
    ledger.edit("pool: 续建", "pool: 继续")
    commit = ledger.commit("typo", "2026-11-02T10:00:00+08:00")
    snapshot = snapshot_at(LedgerRoot(ledger.root), commit)
    assert snapshot.projects == {}
    assert list(snapshot.invalid) == [f"{PROJECT}.yaml"]


# --- many versions, and the cache ----------------------------------------------------------


def fast_import_versions(ledger: Ledger, count: int) -> None:
    """`count` commits, each changing this year's completed investment and a task's note,
    written with `git fast-import` (plain git, without a process per commit)."""
    text = ledger.file().read_text(encoding="utf-8")
    head = ledger.head()
    chunks = []
    start = int(dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp())
    for version in range(count):
        body = text.replace(
            "completed_this_year: 351600", f"completed_this_year: {351600 + version + 1}"
        ).replace("    state: 进行中\n", f"    state: 进行中\n    note: 第{version + 1}次调度\n")
        data = body.encode()
        message = f"周调度 {version + 1}".encode()
        author = (
            f"{'李娜' if version % 2 else '王强'} <x@example.gov.cn> {start + version * 3600} +0800"
        )
        chunks.append(
            b"commit refs/heads/main\n"
            + f"author {author}\ncommitter {author}\n".encode()
            + b"data %d\n%s\n" % (len(message), message)
            + (f"from {head}\n".encode() if version == 0 else b"")
            + f"M 100644 inline projects/{PROJECT}.yaml\n".encode()
            + b"data %d\n%s\n" % (len(data), data)
        )
    git(ledger.top, "fast-import", "--quiet", stdin=b"".join(chunks).decode())
    git(ledger.top, "reset", "-q", "--hard")


def test_a_project_with_300_versions(ledger: Ledger) -> None:
    fast_import_versions(ledger, 300)
    cold = ledger.json("history", PROJECT, "T-6FJ")
    changes = cold["changes"]
    # added, its deadline D-7YB4CG added, then 300 notes (the first one added)
    assert len(changes) == 302
    assert changes[1]["item"] == "D-7YB4CG"
    assert changes[2]["kind"] == "added"
    assert changes[-1]["old"] == "第299次调度" and changes[-1]["new"] == "第300次调度"
    assert (ledger.root / ".projledger" / "history.sqlite").is_file()
    assert ledger.json("history", PROJECT, "T-6FJ") == cold  # from the cache
    assert ledger.json("history", PROJECT, "T-6FJ", "--no-cache") == cold
    whole = ledger.json("history", PROJECT)
    assert (
        len([c for c in whole["changes"] if c["field"] == "investment.completed_this_year"]) == 300
    )


def test_a_damaged_cache_is_rebuilt(ledger: Ledger) -> None:
    ledger.edit("stage: 已完成用地保障", "stage: 还需要用地保障")
    ledger.commit("stage", "2026-11-02T10:00:00+08:00")
    expected = ledger.json("history", PROJECT)
    (ledger.root / ".projledger" / "history.sqlite").write_bytes(b"not a database" * 100)
    assert ledger.json("history", PROJECT) == expected
    assert ledger.json("history", PROJECT) == expected
    assert ledger.status() == ""  # the cache is ignored by git


# --- the field-by-field comparison itself --------------------------------------------------


def test_diff_matches_items_by_id_wherever_they_moved() -> None:
    old = normalize(
        {
            "name": "x",
            "issues": [{"id": "I-AAAA", "title": "a"}, {"id": "I-BBBB", "title": "b"}],
            "approvals": {"施工许可": {"status": "办理中"}},
            "investment": {"monthly_plan": [1, 2], "updated": dt.date(2026, 1, 1)},
        }
    )
    new = normalize(
        {
            "name": "x",
            "issues": [{"id": "I-BBBB", "title": "b"}, {"id": "I-AAAA", "title": "a2"}],
            "approvals": {"施工许可": {"status": "已办结", "date": dt.date(2026, 2, 1)}},
            "investment": {"monthly_plan": [1, 3], "updated": "2026-01-01"},
        }
    )
    got = [(c.item, c.field, c.kind, c.old, c.new) for c in diff_project(old, new)]
    assert got == [
        (None, "approvals.施工许可.status", ChangeKind.CHANGED, "办理中", "已办结"),
        (None, "approvals.施工许可.date", ChangeKind.ADDED, None, "\x00d2026-02-01"),
        (None, "investment.monthly_plan", ChangeKind.CHANGED, [1, 2], [1, 3]),
        # A date written as quoted text is another value.
        (None, "investment.updated", ChangeKind.CHANGED, "\x00d2026-01-01", "2026-01-01"),
        ("I-AAAA", "title", ChangeKind.CHANGED, "a", "a2"),
    ]

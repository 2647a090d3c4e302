"""Many hands, one ledger: `projledger sync` between clones of a real bare repository, and
the server hook (`projledger server-hook install`) refusing what `audit` and `check`
reject. Every command runs as a user runs it, in its own process."""

from __future__ import annotations

import os
import random
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from projledger.store.conflict_marks import find_marks
from projledger.store.reader import read_yaml
from tests.helpers import TODAY, copy_root, git, on_ci, run_cli

PROJECT = "laiwu-jingpingang-lvse-zhuanxing"


@dataclass
class Shared:
    """A bare repository holding the sample ledger, and clones of it."""

    remote: Path
    clones: list[Path] = field(default_factory=list)

    @classmethod
    def create(cls, tmp_path: Path, clones: int, *, hook: bool = False) -> Shared:
        remote = tmp_path / "shared.git"
        git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
        seed = copy_root(tmp_path / "seed")
        (seed / ".gitattributes").write_text("*.yaml text eol=lf\n", encoding="utf-8")
        git(seed, "init", "-q", "-b", "main")
        git(seed, "add", "-A")
        git(seed, "commit", "-q", "-m", "台账初始化")
        assert run_cli("setup", cwd=seed).returncode == 0
        git(seed, "remote", "add", "origin", str(remote))
        git(seed, "push", "-q", "-u", "origin", "main")
        if hook:
            installed = run_cli("server-hook", "install", remote, cwd=tmp_path)
            assert installed.returncode == 0, installed.stderr
        shared = cls(remote)
        for number in range(clones):
            clone = tmp_path / f"clone{number}"
            git(tmp_path, "clone", "-q", str(remote), str(clone))
            shared.clones.append(clone)
        return shared

    def head(self) -> str:
        return git(self.remote, "rev-parse", "main").strip()


def change(clone: Path, *args: str) -> None:
    result = run_cli(*args, "--today", TODAY, cwd=clone)
    assert result.returncode == 0, result.stderr


def sync(clone: Path) -> subprocess.CompletedProcess[str]:
    return run_cli("sync", cwd=clone)


def synced(clone: Path) -> str:
    result = sync(clone)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("已与 origin/main 同步："), result.stdout
    return result.stdout


def project_data(clone: Path, project: str = PROJECT) -> dict[str, object]:
    raw = (clone / "projects" / f"{project}.yaml").read_bytes()
    read = read_yaml(raw, project)
    assert read.parsed and not read.findings, read.findings
    assert isinstance(read.data, dict)
    return read.data


def notes(clone: Path, issue: str, project: str = PROJECT) -> list[str]:
    data = project_data(clone, project)
    found = next(i for i in data["issues"] if i["id"] == issue)  # type: ignore[attr-defined]
    return [note["note"] for note in found.get("progress", [])]


# --- sync ----------------------------------------------------------------------------------


def test_sync_merges_changes_to_different_fields_and_pushes(tmp_path: Path) -> None:
    shared = Shared.create(tmp_path, 2)
    first, second = shared.clones
    change(first, "log", PROJECT, "I-9TX3QW", "甲的进展")
    change(first, "set", PROJECT, "investment.completed_this_year", "360000")
    change(second, "log", PROJECT, "I-9TX3QW", "乙的进展")
    change(second, "set", PROJECT, "T-6FJ2RA.note", "本周已调度")
    assert (
        synced(first)
        == f"已与 origin/main 同步：拉取 0 个提交，推送 2 个（HEAD {shared.head()[:8]}）\n"
    )
    # Two commits in, and out: the two of its own and the merge.
    assert synced(second).startswith("已与 origin/main 同步：拉取 2 个提交，推送 3 个")
    assert synced(first).startswith("已与 origin/main 同步：拉取 3 个提交，推送 0 个")
    for clone in shared.clones:
        assert notes(clone, "I-9TX3QW")[-2:] == ["乙的进展", "甲的进展"]
        assert git(clone, "rev-parse", "HEAD").strip() == shared.head()
        assert run_cli("check", cwd=clone).returncode == 0
    text = (first / "projects" / f"{PROJECT}.yaml").read_text(encoding="utf-8")
    assert "completed_this_year: 360000   # 1-10月统计数" in text  # comments kept
    assert "    note: 本周已调度\n" in text


def test_a_conflict_stops_the_push_until_the_command_check_names_settles_it(
    tmp_path: Path,
) -> None:
    shared = Shared.create(tmp_path, 2)
    first, second = shared.clones
    change(first, "set", PROJECT, "investment.completed_this_year", "370000")
    synced(first)
    pushed = shared.head()
    change(second, "set", PROJECT, "investment.completed_this_year", "360000")
    change(second, "log", PROJECT, "I-9TX3QW", "乙的进展")
    result = sync(second)
    assert result.returncode == 1
    assert "PL019" in result.stderr
    # the ledger's language (PL019's text: messages/rule_findings.py)
    assert "（已保留），对方为 " in result.stderr
    assert "360000" in result.stderr and "370000" in result.stderr
    last = result.stderr.rstrip().splitlines()[-1]
    assert last.startswith("projledger: 错误：已从 origin/main 合并 1 个提交")
    assert shared.head() == pushed  # nothing was pushed
    subject = git(second, "log", "-1", "--format=%s").strip()  # ledger data: Chinese
    assert subject == f"同步合并 origin/main：冲突已记录于 projects/{PROJECT}.yaml", subject
    command = re.search(r"`projledger (resolve [^`]+ --take theirs)`", result.stderr)
    assert command is not None
    resolved = run_cli(*command.group(1).split(), cwd=second)
    assert resolved.returncode == 0, resolved.stderr
    synced(second)
    synced(first)
    for clone in shared.clones:
        data = project_data(clone)
        assert data["investment"]["completed_this_year"] == 370000  # type: ignore[index]
        assert notes(clone, "I-9TX3QW")[-1] == "乙的进展"
        assert run_cli("check", cwd=clone).returncode == 0


def test_a_push_race_is_merged_and_pushed_again(tmp_path: Path) -> None:
    """Someone pushes between sync's fetch and its push (a pre-push hook does it here):
    the push is turned down and sync fetches, merges and pushes again."""
    shared = Shared.create(tmp_path, 2)
    first, second = shared.clones
    change(second, "log", PROJECT, "I-9TX3QW", "抢先一步")
    change(first, "log", PROJECT, "I-9TX3QW", "后到")
    flag = tmp_path / "raced"
    hook = first / ".git" / "hooks" / "pre-push"
    hook.write_text(
        "#!/bin/sh\n"
        f"if [ ! -e '{flag}' ]; then touch '{flag}'; "
        f"env -u GIT_DIR -u GIT_WORK_TREE git -C '{second}' push -q origin main; fi\n",
        encoding="utf-8",
    )
    hook.chmod(0o755)
    out = synced(first)
    assert flag.exists()
    assert out.startswith("已与 origin/main 同步：拉取 1 个提交，推送 2 个（共尝试 2 次）")
    assert notes(first, "I-9TX3QW")[-2:] == ["后到", "抢先一步"]
    synced(second)
    assert notes(second, "I-9TX3QW") == notes(first, "I-9TX3QW")


def test_sync_never_pushes_what_check_fails(tmp_path: Path) -> None:
    shared = Shared.create(tmp_path, 1)
    (clone,) = shared.clones
    before = shared.head()
    path = clone / "projects" / f"{PROJECT}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "colour: 红\n", encoding="utf-8")
    git(clone, "commit", "-q", "-am", "手工修改")
    result = sync(clone)
    assert result.returncode == 1
    assert "PL102" in result.stderr
    assert "未推送：`check` 在将推送到 origin/main 的内容中发现错误" in result.stderr
    assert shared.head() == before
    assert git(clone, "rev-parse", "HEAD").strip() != before  # the local commit is kept


def test_offline_and_uncommitted_are_one_line_each(tmp_path: Path) -> None:
    shared = Shared.create(tmp_path, 1)
    (clone,) = shared.clones
    change(clone, "log", PROJECT, "I-9TX3QW", "离线时的进展")
    head = git(clone, "rev-parse", "HEAD").strip()
    git(clone, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    result = sync(clone)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("projledger: 错误：无法连接 origin（")
    assert "本地提交均已保留" in line
    assert git(clone, "rev-parse", "HEAD").strip() == head
    path = clone / "projects" / f"{PROJECT}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("马强", "张伟"), encoding="utf-8")
    result = sync(clone)
    assert result.returncode == 1
    assert result.stderr == (
        f"projledger: 错误：projects/{PROJECT}.yaml 有未提交的修改；请先提交（或用 `git restore` "
        "撤销），再同步\n"
    )


# --- the server hook --------------------------------------------------------------------------


def push(clone: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "push", "origin", "main"], cwd=clone, capture_output=True, text=True, check=False
    )


def test_the_server_hook_refuses_forbidden_pushes_and_takes_allowed_ones(tmp_path: Path) -> None:
    shared = Shared.create(tmp_path, 1, hook=True)
    (clone,) = shared.clones
    hook = shared.remote / "hooks" / "pre-receive"
    assert os.access(hook, os.X_OK)
    path = clone / "projects" / f"{PROJECT}.yaml"

    # An allowed push goes through.
    change(clone, "log", PROJECT, "I-9TX3QW", "塔基完成15基")
    assert push(clone).returncode == 0
    allowed = shared.head()
    assert allowed == git(clone, "rev-parse", "HEAD").strip()
    as_allowed = path.read_text(encoding="utf-8")

    # Deleting an item: refused, naming the commit and the rule.
    start = as_allowed.index("  - {id: D-8MCQ6T")
    line = as_allowed[start : as_allowed.index("\n", start) + 1]
    path.write_text(as_allowed.replace(line, ""), encoding="utf-8")
    git(clone, "commit", "-q", "-am", "删掉竣工节点")
    commit = git(clone, "rev-parse", "--short=8", "HEAD").strip()
    refused = push(clone)
    assert refused.returncode != 0
    assert "pre-receive hook declined" in refused.stderr
    # in the pushed ledger's language (tests/test_server_hook_lang.py)
    assert "错误 PL501" in refused.stderr and f"在提交 {commit}（" in refused.stderr
    assert "D-8MCQ6T" in refused.stderr
    assert "projledger: 推送被拒绝" in refused.stderr
    assert shared.head() == allowed
    # sync (whose own check passes: audit is the server's) relays the refusal.
    result = sync(clone)
    assert result.returncode == 1 and "错误 PL501" in result.stderr
    assert result.stderr.splitlines()[-1].startswith(
        "projledger: 错误：origin 拒绝了推送 [remote rejected] (pre-receive hook declined)"
    )

    # A changed due date, on top: both refused, both named.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("due: 2026-12-31", "due: 2027-01-31"), encoding="utf-8")
    git(clone, "commit", "-q", "-am", "改期限")
    refused = push(clone)
    assert "错误 PL501" in refused.stderr and "错误 PL504" in refused.stderr
    assert shared.head() == allowed

    # Put right with a new commit (history is not rewritten): accepted.
    path.write_text(as_allowed, encoding="utf-8")
    git(clone, "commit", "-q", "-am", "恢复")
    accepted = push(clone)
    assert accepted.returncode == 0, accepted.stderr


def test_the_server_hook_runs_check_on_the_pushed_tip(tmp_path: Path) -> None:
    shared = Shared.create(tmp_path, 1, hook=True)
    (clone,) = shared.clones
    before = shared.head()
    path = clone / "projects" / f"{PROJECT}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("person: 马强", "person: 无名氏"), encoding="utf-8"
    )
    git(clone, "commit", "-q", "-am", "未声明的人")
    refused = push(clone)
    assert "错误 PL207" in refused.stderr
    assert shared.head() == before
    # A new file is checked against the files it could clash with (found by git grep).
    git(clone, "reset", "-q", "--hard", "origin/main")
    text = path.read_text(encoding="utf-8")
    copy = clone / "projects" / "laiwu-jingpingang-erqi.yaml"
    copy.write_text(
        text.replace(f"id: {PROJECT}", "id: laiwu-jingpingang-erqi").replace(
            "name: 精品钢绿色转型项目", "name: 精品钢绿色转型项目二期"
        ),
        encoding="utf-8",
    )
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "二期")
    refused = push(clone)
    assert "错误 PL301" in refused.stderr and "laiwu-jingpingang-erqi.yaml" in refused.stderr
    assert shared.head() == before
    # A new branch is checked too (against the default branch).
    git(clone, "switch", "-q", "-c", "draft")
    refused = subprocess.run(
        ["git", "push", "origin", "draft"], cwd=clone, capture_output=True, text=True, check=False
    )
    assert refused.returncode != 0 and "PL301" in refused.stderr


def test_installing_the_hook(tmp_path: Path) -> None:
    bare = tmp_path / "ledger.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    (bare / "hooks" / "pre-receive").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    refused = run_cli("server-hook", "install", bare, cwd=tmp_path)
    assert refused.returncode == 1 and "is not projledger's" in refused.stderr
    (bare / "hooks" / "pre-receive.d").mkdir()  # as Gitea lays hooks out
    installed = run_cli("server-hook", "install", bare, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    script = (bare / "hooks" / "pre-receive.d" / "projledger").read_text(encoding="utf-8")
    assert script == run_cli("server-hook", "script", cwd=tmp_path).stdout
    assert "-P -m projledger server-hook run" in script
    clone = tmp_path / "clone"
    git(tmp_path, "init", "-q", str(clone))
    not_bare = run_cli("server-hook", "install", clone, cwd=tmp_path)
    assert not_bare.returncode == 1 and "install the hook in the shared bare" in not_bare.stderr
    usage = run_cli("server-hook", "install", cwd=tmp_path)
    assert usage.returncode == 2


# --- many hands -------------------------------------------------------------------------------


@dataclass
class Plan:
    """Changes to make in each clone, each leaving a trace to look for afterwards."""

    notes: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """(project, issue) → the notes logged on it."""
    fields: dict[tuple[str, str], str] = field(default_factory=dict)
    """(project, field) → the last value set."""
    issues: list[tuple[str, str]] = field(default_factory=list)
    """(project, title) of the issues added."""


def open_issues(root: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted((root / "projects").glob("*.yaml")):
        data = read_yaml(path.read_bytes(), path.name).data
        for issue in data.get("issues") or []:
            if issue["state"] in ("已交办", "办理中"):
                found.append((path.stem, issue["id"]))
    return found


def tasks(root: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted((root / "projects").glob("*.yaml")):
        data = read_yaml(path.read_bytes(), path.name).data
        found += [(path.stem, task["id"]) for task in data.get("tasks") or []]
    return found


def many_hands(tmp_path: Path, clones: int, changes: int, seed: int) -> None:
    """`clones` clones make `changes` changes each (progress notes, notes on tasks each
    clone has to itself, new issues), interleaved at random, each syncing at random points;
    then everyone syncs. Every change is in every clone, with no text conflict; then a
    field two clones set differently is reported and settled by the command named."""
    shared = Shared.create(tmp_path, clones, hook=True)
    plan = make_changes(shared, changes, random.Random(seed))
    for _ in range(2):
        for clone in shared.clones:
            synced(clone)
    heads = {git(clone, "rev-parse", "HEAD").strip() for clone in shared.clones}
    assert heads == {shared.head()}
    assert_all_there(shared.clones[0], plan)
    settle_a_conflict(*shared.clones[:2])


def make_changes(shared: Shared, changes: int, rng: random.Random) -> Plan:
    clones = len(shared.clones)
    issues, all_tasks = open_issues(shared.clones[0]), tasks(shared.clones[0])
    plan = Plan()
    left = dict.fromkeys(shared.clones, changes)
    while left:
        clone = rng.choice(sorted(left))
        number = shared.clones.index(clone)
        text = f"c{number}-{changes - left[clone]}"
        kind = rng.random()
        if kind < 0.5:
            project, issue = rng.choice(issues)
            change(clone, "log", project, issue, text)
            plan.notes.setdefault((project, issue), []).append(text)
        elif kind < 0.85:
            project, task = rng.choice(all_tasks[number::clones])  # one clone sets each
            change(clone, "set", project, f"{task}.note", text)
            plan.fields[(project, f"{task}.note")] = text
        else:
            project, _ = rng.choice(issues)
            change(clone, "add", "issue", project, "--title", f"问题 {text}", "--category", "其他")
            plan.issues.append((project, f"问题 {text}"))
        left[clone] -= 1
        if not left[clone]:
            del left[clone]
        if rng.random() < 0.3:
            synced(clone)
    assert sum(map(len, plan.notes.values())) + len(plan.issues) + len(plan.fields) <= (
        clones * changes
    )
    return plan


def assert_all_there(clone: Path, plan: Plan) -> None:
    for (project, issue), logged in plan.notes.items():
        kept = notes(clone, issue, project)
        assert sorted(n for n in kept if n in logged) == sorted(logged), (project, issue)
    for (project, path), value in plan.fields.items():
        task_id, _, name = path.partition(".")
        data = project_data(clone, project)
        task = next(t for t in data["tasks"] if t["id"] == task_id)  # type: ignore[attr-defined]
        assert task[name] == value
    for project, title in plan.issues:
        data = project_data(clone, project)
        assert [i for i in data["issues"] if i["title"] == title]  # type: ignore[attr-defined]
    for path in (clone / "projects").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "<<<<<<<" not in text and not find_marks(text)
    assert run_cli("check", cwd=clone).returncode == 0


def settle_a_conflict(first: Path, second: Path) -> None:
    """The same field, two values: reported, settled by the command the finding names."""
    change(first, "set", PROJECT, "investment.completed_this_year", "360000")
    change(second, "set", PROJECT, "investment.completed_this_year", "370000")
    synced(first)
    conflict = sync(second)
    assert conflict.returncode == 1 and "错误 PL019" in conflict.stderr
    command = re.search(r"`projledger (resolve [^`]+ --take ours)`", conflict.stderr)
    assert command is not None
    assert run_cli(*command.group(1).split(), cwd=second).returncode == 0
    synced(second)
    synced(first)
    for clone in (first, second):
        data = project_data(clone)
        assert data["investment"]["completed_this_year"] == 370000  # type: ignore[index]


def test_many_hands_small(tmp_path: Path) -> None:
    many_hands(tmp_path, clones=3, changes=6, seed=7)


@pytest.mark.slow
def test_many_hands_four_clones_twenty_five_changes_each(tmp_path: Path) -> None:
    if not (on_ci() or os.environ.get("PROJLEDGER_SLOW_TESTS")):
        pytest.skip("4 clones x 25 changes take minutes: set PROJLEDGER_SLOW_TESTS=1 (CI runs it)")
    many_hands(tmp_path, clones=4, changes=25, seed=2026)

"""Change commands given bad input or meeting faults: each is refused with one clear
message that says what to do (exit 1, or 2 for a usage error), no traceback, the file
byte-identical, no new commit and the work tree's status as it was.

Faults of the repository (not a repository, detached HEAD, a merge in progress, no git
identity, hand edits) each get their own real repository. Concurrency runs real processes
against one root: two at once (both commit, one after the other), the root's lock held by
this test past a command's wait (busy; PROJLEDGER_LOCK_WAIT makes that wait short), and
commands killed at random moments (the file is always the old or the new version, git
stays sound, nothing stale blocks the next command).

The single-command refusals are independent, so they run at the same time, each in its own
copy of one committed sample repository (see `refusals`); the tests then check one each.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import multiprocessing
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from projledger.changes.items import log_note
from projledger.changes.project import set_field
from projledger.changes.transaction import ChangeOptions, change_project
from projledger.commands.change import LOCK_WAIT, lock_wait
from projledger.errors import ProjledgerError
from projledger.findings import CODE_BY_ID, Severity
from projledger.ids import PROJECT_ID_RE
from projledger.root import LedgerRoot
from tests.helpers import (
    JINGPINGANG,
    LUZHONG,
    MATOUSHAN,
    TODAY,
    Ledger,
    cli_env,
    copy_root,
    git,
)

REFUSED_HINT = "未写入任何内容"  # the sample ledger speaks zh
SHORT_WAIT = "0.5"
"""$PROJLEDGER_LOCK_WAIT for a command that is to find the root busy, in a test's time."""


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "projledger", *args]


def run_in(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real CLI with a chosen environment (run_cli always pins git's)."""
    return subprocess.run(
        cli(*args, "--today", TODAY),
        cwd=cwd,
        env=env if env is not None else cli_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@dataclass(frozen=True)
class State:
    """What a refused command must leave exactly as it was."""

    head: str
    status: str
    files: dict[str, bytes]

    @classmethod
    def of(cls, ledger: Ledger) -> State:
        return cls(ledger.head(), ledger.status(), ledger.files())


def assert_one_error(result: subprocess.CompletedProcess[str], exit_code: int = 1) -> str:
    """Exit code, no traceback, and one error message on stderr (its first line says
    `projledger: error:`, in a zh ledger `projledger: 错误：`; a usage error is click's
    usage block)."""
    assert result.returncode == exit_code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    if exit_code == 1 or result.stderr.startswith("projledger: "):
        # projledger's own usage errors (an ambiguous name) are one line too, exit 2.
        prefixes = ("projledger: error: ", "projledger: 错误：")  # the ledger's language
        assert result.stderr.startswith(prefixes), result.stderr
        assert sum(result.stderr.count(prefix) for prefix in prefixes) == 1
        assert "internal error" not in result.stderr
    else:
        assert result.stderr.startswith(("Usage: ", "用法：")), result.stderr
    return result.stderr


# --- bad input: one command each, all run at once ------------------------------------------


@dataclass(frozen=True)
class Case:
    command: str
    says: tuple[str, ...]
    """Each must appear in stderr: what is wrong and what to do."""
    exit_code: int = 1


CASES: dict[str, Case] = {
    # The sample ledger's language is zh: so are these messages (tests/test_names.py).
    "unknown-project": Case(
        "log laiwu-matoushan-shuku I-Z6TQ4H 进展",
        (
            "台账中没有项目「laiwu-matoushan-shuku」",
            f"是否指：马头山水库工程（{MATOUSHAN}，续建）",
        ),
    ),
    "unknown-item": Case(
        f"log {MATOUSHAN} I-ZZZZZZ 进展",
        (f"项目 {MATOUSHAN} 中没有问题「I-ZZZZZZ」", f"projledger show {MATOUSHAN}"),
    ),
    "ambiguous-project": Case(
        "log laiwu-shengwugu I-Q 进展",
        (
            "「laiwu-shengwugu」可指多个项目：",
            "鲁中国际生物谷医美抗衰中试平台项目（laiwu-shengwugu-yimei-zhongshi-pingtai，在谈）；",
            "（laiwu-shengwugu-zhongyao-peifang-keli，新建）",
        ),
        exit_code=2,
    ),
    "ambiguous-item": Case(
        f"log {JINGPINGANG} i 进展",
        (
            f"「i」在项目 {JINGPINGANG} 中可指：I-4M8K2P 厂区周边300户居民征迁（已销号）；"
            "I-9TX3QW 220千伏供电线路迁改滞后（办理中）",
        ),
        exit_code=2,
    ),
    "skips-the-loop": Case(
        f"advance {LUZHONG} I-ZA8RYD --to 已销号 --verifier 周海涛 --evidence 现场照片",
        (
            "I-ZA8RYD 当前为已登记，不能直接转为已销号",
            "已登记 → 已交办 → 办理中 → 待核验 → 已销号",
            "其下一状态为已交办",
        ),
    ),
    "assign-needs-owner-and-due": Case(
        f"advance {LUZHONG} I-ZA8RYD",
        ("I-ZA8RYD → 已交办 须填写 --unit、--person、--due",),
    ),
    "missing-option": Case(
        f"add task {MATOUSHAN} --title 溢洪道主体完工",
        ("缺少选项 --unit。",),
        exit_code=2,
    ),
    "invalid-date": Case(
        f"add issue {MATOUSHAN} --title 测试 --category 用地 --unit 大王庄镇人民政府"
        " --person 刘志强 --due 2026-02-30",
        ("--due 的值无效：2026-02-30 这一天不存在",),
        exit_code=2,
    ),
    # (大王庄镇政府 is a variant of 大王庄镇人民政府: written as that, tests/test_names.py.)
    "undeclared-unit": Case(
        f"add issue {MATOUSHAN} --title 库区道路 --category 用地 --unit 大王庄镇交通所"
        " --person 刘志强 --due 2026-12-01",
        ("--unit 大王庄镇交通所：projledger.yaml 中没有声明这个单位", "是否指：大王庄镇人民政府？"),
    ),
    "second-lead-leader": Case(
        f"add responsibility {MATOUSHAN} --role 包抓领导 --person 王建国 --duties 统筹",
        (REFUSED_HINT, "PL204"),
    ),
    "not-a-number": Case(
        f"set {MATOUSHAN} investment.total 十八亿",
        (REFUSED_HINT, "PL103 投资·总投资"),
    ),
    "bad-author": Case(
        f"log {MATOUSHAN} I-Z6TQ4H 进展 --author wangwu",
        ("“wangwu” 不是有效的身份；请写成“姓名 <邮箱>”的形式",),
    ),
    "new-project-id-is-a-path": Case(
        "new ../../outside --name 越界 --level 区级 --pool 谋划储备 --industry 水利"
        " --locality 口镇 --owner 某公司 --leader 王建国 --stage 前期研究 --total 1",
        (REFUSED_HINT, "不是项目编号"),
    ),
    # Once bugs: a state or pool that does not exist crashed (exit 3); `set` moved states,
    # pools and due dates past the steps that check them.
    "unknown-issue-state": Case(
        f"advance {MATOUSHAN} I-Q442SQ --to 已完结",
        ("已完结", "待核验"),
    ),
    "unknown-pool": Case(
        f"advance {MATOUSHAN} --pool 已竣工",
        ("已竣工", "竣工"),
    ),
    "set-state-skips-the-loop": Case(
        f"set {MATOUSHAN} I-Q442SQ.state 已登记",
        ("I-Q442SQ·状态须通过 `projledger advance`、`return` 或 `withdraw` 修改",),
    ),
    "set-pool-skips-the-moves": Case(
        f"set {MATOUSHAN} pool 竣工",
        (f"库别须通过 `projledger advance {MATOUSHAN} --pool`",),
    ),
    "set-due-skips-extend": Case(
        f"set {MATOUSHAN} D-6A52DJ.due 2027-01-01",
        ("D-6A52DJ·时限须通过 `projledger extend` 修改",),
    ),
    # Once bugs: commands made commits `projledger audit` rejects (PL503), and extended
    # the deadline of an item closed late, turning it into one closed on time.
    "log-on-a-closed-issue": Case(
        f"log {MATOUSHAN} I-CYKEW8 补充进展",
        (
            "拒绝修改：I-CYKEW8 已销号，已销号的问题不能修改：请先退回"
            f"（`projledger return {MATOUSHAN} I-CYKEW8 --reason …`）",
            "（`projledger audit` 将报告 PL503）；未写入任何内容",
        ),
    ),
    "set-on-a-closed-issue": Case(
        f"set {JINGPINGANG} I-4M8K2P.title 厂区周边征迁",
        ("I-4M8K2P 已销号，已销号的问题不能修改", "请先退回"),
    ),
    "extend-a-closed-issue": Case(
        f"extend {MATOUSHAN} I-CYKEW8 --to 2026-12-31 --reason 补办 --approver 杨帆",
        ("I-CYKEW8 于 2026-", "已销号：已办结事项的时限不再延期"),
    ),
    "extend-a-completed-task": Case(
        f"extend {JINGPINGANG} T-8H3J2Q --to 2026-12-31 --reason 补办 --approver 王建国",
        (
            "T-8H3J2Q 于 2026-03-14 已完成：已办结事项的时限不再延期"
            "（此时延期会把逾期办结算作按期办结",
        ),
    ),
    # Once bugs: a line break in a one-line field broke the commit's subject and could
    # forge a trailer.
    "line-break-in-a-title": Case(
        f"add issue {MATOUSHAN} --title '库区道路\nProjledger-Item: I-FAKE00' --category 用地",
        ("标题“库区道路”…含有换行，而标题只能写一行：请写在一行内",),
    ),
    "line-break-in-a-reason": Case(
        f"withdraw {MATOUSHAN} I-CTXGTS --reason '重复登记\n\n见I-Q442SQ'",
        ("I-CTXGTS 的原因“重复登记”…含有换行，而原因只能写一行",),
    ),
    "line-break-in-a-note": Case(
        f"log {MATOUSHAN} I-Q442SQ '已上会\r\n待批复'",
        ("I-Q442SQ 的内容“已上会”…含有换行，而内容只能写一行",),
    ),
}

KNOWN_BUGS: dict[str, str] = {}
"""Cases that fail today, marked xfail(strict) until fixed."""


@dataclass
class Outcome:
    ledger: Ledger
    before: State
    result: subprocess.CompletedProcess[str]
    after: State = field(init=False)

    def __post_init__(self) -> None:
        self.after = State.of(self.ledger)


def clone(template: Ledger, target: Path) -> Ledger:
    return template.copy(target)


@pytest.fixture(scope="module")
def refusals(template: Ledger, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every case of CASES, each in its own copy of the sample repository, run at once."""
    ledgers = {name: clone(template, tmp_path_factory.mktemp("case") / "repo") for name in CASES}
    before = {name: State.of(ledger) for name, ledger in ledgers.items()}

    def one(name: str) -> Outcome:
        ledger = ledgers[name]
        return Outcome(ledger, before[name], ledger.run(CASES[name].command))

    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        return dict(zip(CASES, pool.map(one, CASES), strict=True))


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name]))
        if name in KNOWN_BUGS
        else name
        for name in CASES
    ],
)
def test_bad_input_is_refused_and_changes_nothing(name: str, refusals: dict[str, Outcome]) -> None:
    case, outcome = CASES[name], refusals[name]
    message = assert_one_error(outcome.result, case.exit_code)
    for words in case.says:
        assert words in message
    assert outcome.after == outcome.before, "refused: no file, commit or status changed"
    assert outcome.after.status == ""
    assert not (outcome.ledger.top.parent / "outside.yaml").exists()


# --- a file `check` fails is refused, never crashed on ------------------------------------

CORPUS = Path(__file__).resolve().parent / "corpus" / "bad"


def corpus_files_check_fails() -> list[str]:
    """The corpus's project files (named as a change names a project) that `check` fails
    with an error of their own (not one across files, like a code two files share): every
    way a file can be broken that the corpus knows."""
    manifest = YAML(typ="safe").load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
    return [
        entry["file"]
        for entry in manifest["cases"]
        if entry["file"].endswith(".yaml")
        and entry["kind"] != "across-files"
        and PROJECT_ID_RE.fullmatch(entry["file"].removesuffix(".yaml"))
        and any(CODE_BY_ID[e["code"]].severity == Severity.ERROR for e in entry["expect"])
    ]


def test_a_change_of_a_file_check_fails_says_run_check(tmp_path: Path) -> None:
    """Once a bug: a file whose shape is wrong (a top-level scalar or list, `issues: 5`,
    `deadlines: [7]`, `tasks: {a: 1}`, `progress: 7` ...) crashed every change command
    (exit 3). The transaction runs `check`'s own check of the file before any edit: each
    corpus file is refused with its first finding and "run `projledger check`"."""
    root = copy_root(tmp_path / "root", projects=False)
    names = corpus_files_check_fails()
    assert len(names) > 50
    for name in names:
        shutil.copyfile(CORPUS / "projects" / name, root / "projects" / name)
    options = ChangeOptions(
        today=dt.date(2026, 11, 20), random_bits=random.Random(1).getrandbits, commit=False
    )
    outcomes: dict[str, str] = {}
    for name in names:
        before = (root / "projects" / name).read_bytes()
        try:
            change_project(
                LedgerRoot(root), name.removesuffix(".yaml"), set_field("description", "y"), options
            )
            outcomes[name] = "changed"
        except ProjledgerError as error:
            if "run `projledger check` for every problem" not in str(error):
                outcomes[name] = str(error)
        except Exception as error:
            outcomes[name] = f"crashed: {error!r}"
        assert (root / "projects" / name).read_bytes() == before, name
    assert outcomes == {}


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("x\n", "1:1: PL100 "),
        ("- a\n- b\n", "1:1: PL100 "),
        (None, "PL103 问题清单："),
    ],
    ids=["top-level-scalar", "top-level-list", "issues-a-number"],
)
def test_a_broken_committed_file_is_refused_with_exit_1(
    template: Ledger, tmp_path: Path, text: str | None, finding: str
) -> None:
    ledger = clone(template, tmp_path / "repo")
    path = ledger.file(MATOUSHAN)
    if text is None:
        old = path.read_text(encoding="utf-8")
        text = old[: old.index("\nissues:\n")] + "\nissues: 5\n" + old[old.index("\ntasks:\n") :]
    path.write_text(text, encoding="utf-8")
    git(ledger.top, "commit", "-q", "-am", "x")
    message = ledger.refused(f"set {MATOUSHAN} description y")
    assert message.startswith(f"projledger: 错误：{path}:")
    assert finding in message
    assert message.endswith(
        "（该文件未通过 `projledger check`：请先修正；运行 `projledger check` 可列出全部问题）\n"
    )


# --- the repository is not ready -----------------------------------------------------------


def test_not_a_git_repository_then_no_commit_works(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root")
    probe = subprocess.run(["git", "rev-parse"], cwd=root, capture_output=True, check=False)
    if probe.returncode == 0:
        pytest.skip("the temporary directory is inside a git work tree")
    path = root / "projects" / f"{MATOUSHAN}.yaml"
    before = path.read_bytes()
    message = assert_one_error(run_in(root, "log", MATOUSHAN, "I-Z6TQ4H", "入户"))
    assert f"{root} 不在 git 仓库中；台账的每次修改都是一次提交" in message
    assert "运行 `git init`（或 `projledger init`）；修改命令也可加 --no-commit" in message
    assert path.read_bytes() == before

    result = run_in(root, "log", MATOUSHAN, "I-Z6TQ4H", "入户", "--no-commit")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("[马头山水库工程] 问题 I-Z6TQ4H 进展: 入户（未提交：--no-commit）\n")
    assert path.read_bytes() != before
    assert "      - {date: 2026-11-20, note: 入户}\n" in path.read_text(encoding="utf-8")
    assert not (root / ".git").exists()


def test_detached_head_is_refused(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "repo")
    git(ledger.top, "checkout", "-q", "--detach")
    message = ledger.refused(f"log {MATOUSHAN} I-Z6TQ4H 入户")
    assert "HEAD 处于分离状态；修改台账前请先切换到分支（`git switch main`）" in message


def test_a_merge_in_progress_is_refused(tmp_path: Path) -> None:
    """A real conflict: two branches change the same line, `git merge` stops."""
    ledger = Ledger.create(tmp_path / "repo")
    line = "  completed_this_year: 27500    # 库区征迁拖了后腿，大坝填筑未能全面展开"
    path = ledger.file(MATOUSHAN)

    def commit_value(value: str, message: str) -> None:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(line, line.replace("27500", value)), encoding="utf-8")
        git(ledger.top, "commit", "-q", "-am", message)

    git(ledger.top, "switch", "-q", "-c", "zhangsan")
    commit_value("28000", "张三的数")
    git(ledger.top, "switch", "-q", "main")
    commit_value("29000", "李四的数")
    merge = subprocess.run(
        ["git", "merge", "zhangsan"],
        cwd=ledger.top,
        env=cli_env(),
        capture_output=True,
        check=False,
    )
    assert merge.returncode != 0
    assert (ledger.top / ".git" / "MERGE_HEAD").exists()
    assert ledger.status().startswith("UU ")
    # Even a change of another project waits until the merge is finished.
    message = ledger.refused(f"log {JINGPINGANG} I-9TX3QW 塔基完成")
    assert "仓库中有未完成的合并（merge）；请先完成或中止" in message


def test_no_git_identity_is_refused_with_the_fix(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "repo")
    home = tmp_path / "empty-home"
    home.mkdir()
    env = {
        k: v
        for k, v in cli_env().items()
        if not k.startswith("GIT_") and k not in ("EMAIL", "XDG_CONFIG_HOME")
    }
    env |= {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1"}
    probe = subprocess.run(
        ["git", "var", "GIT_COMMITTER_IDENT"],
        cwd=ledger.top,
        env=env,
        capture_output=True,
        check=False,
    )
    if probe.returncode == 0:
        pytest.skip("git finds an identity on this machine even without any configuration")
    before = State.of(ledger)
    message = assert_one_error(run_in(ledger.root, "log", MATOUSHAN, "I-Z6TQ4H", "入户", env=env))
    assert "git 尚未设置提交人身份；请设置一次：" in message
    assert 'git config --global user.email "' in message
    assert State.of(ledger) == before


# --- hand edits ------------------------------------------------------------------------------

HAND_LINE = "  completed_this_year: 27500    # 库区征迁拖了后腿，大坝填筑未能全面展开"
HAND_EDIT = "  completed_this_year: 30500    # 库区征迁拖了后腿，大坝填筑未能全面展开"


def test_uncommitted_hand_edits_are_refused_then_committed_first(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "repo")
    path = ledger.file(MATOUSHAN)
    edited = path.read_text(encoding="utf-8").replace(HAND_LINE, HAND_EDIT)
    path.write_text(edited, encoding="utf-8")
    rel = ledger.rel(MATOUSHAN)

    message = ledger.refused(f"log {MATOUSHAN} I-Z6TQ4H 入户")
    assert f"{rel} 有未提交的修改（手工编辑？）" in message
    assert f"（`git commit {rel}`），或加 --commit-hand-edits" in message
    assert path.read_text(encoding="utf-8") == edited

    before = ledger.head()
    result = ledger.run(f"log {MATOUSHAN} I-Z6TQ4H 入户 --commit-hand-edits")
    assert result.returncode == 0, result.stderr
    assert ledger.count() == 3
    hand, change = ledger.show("HEAD~1"), ledger.show("HEAD")
    assert hand.parents == [before] and change.parents == [hand.sha]
    assert hand.subject == f"[{MATOUSHAN}] 手工修改"
    assert hand.trailers == {"Projledger-Command": "hand-edits"}
    assert hand.files == change.files == [f"M\t{rel}"]
    assert git(ledger.top, "show", f"HEAD~1:{rel}") == edited
    assert change.trailers["Projledger-Command"] == "log"
    assert result.stdout == (
        f"已先提交手工修改：{hand.sha[:8]}\n{change.subject}（提交 {change.sha[:8]}）\n"
    )
    final = path.read_text(encoding="utf-8")
    assert HAND_EDIT in final and "note: 入户}" in final
    assert ledger.status() == ""


def test_invalid_hand_edits_are_not_committed(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "repo")
    path = ledger.file(MATOUSHAN)
    path.write_text(
        path.read_text(encoding="utf-8").replace(", verifier: 周海涛", ""), encoding="utf-8"
    )
    message = ledger.refused(f"log {MATOUSHAN} I-Z6TQ4H 入户 --commit-hand-edits")
    assert "拒绝修改：手工修改将使 laiwu-matoushan-shuiku.yaml 无法通过检查" in message
    assert "verifier" in message
    assert ledger.count() == 1


# --- concurrency -------------------------------------------------------------------------


def start(ledger: Ledger, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """The real CLI in the background; `env` adds to the pinned environment."""
    return subprocess.Popen(
        cli(*args, "--today", TODAY),
        cwd=ledger.root,
        env={**cli_env(), **(env or {})},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,
    )


def test_two_changes_at_once_both_commit_one_after_the_other(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "repo")
    base = ledger.head()
    titles = ("东侧料场运输道路破损", "西侧弃渣场选址未定")
    procs = [
        start(ledger, "add", "issue", MATOUSHAN, "--title", title, "--category", "施工环境")
        for title in titles
    ]
    outputs = [proc.communicate(timeout=60) for proc in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert err == ""
    # Two commits in a line, each adding only its own issue: no lost update.
    assert ledger.count() == 3
    first, second = ledger.show("HEAD~1"), ledger.show("HEAD")
    assert first.parents == [base] and second.parents == [first.sha]
    text = ledger.text(MATOUSHAN)
    for commit in (first, second):
        assert commit.files == [f"M\t{ledger.rel(MATOUSHAN)}"]
        assert f"  - id: {commit.item}\n" in text
        added = git(ledger.top, "show", "--format=", commit.sha)
        assert added.count("+  - id: I-") == 1
    assert {t for t in titles if f"    title: {t}\n" in text} == set(titles)
    assert ledger.status() == ""


def hold_lock(root: Path) -> int:
    """Take the root's lock as a running projledger command would (pid inside)."""
    state = root / ".projledger"
    state.mkdir(exist_ok=True)
    (state / ".gitignore").write_text("# projledger's caches and locks: never committed\n*\n")
    descriptor = os.open(state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, str(os.getpid()).encode(), 0)
    return descriptor


@dataclass
class LockRun:
    """What happened while this test held the root's lock past a command's wait."""

    ledger: Ledger
    before: State
    during: State
    blocked: subprocess.CompletedProcess[str]
    waited: float
    second_was_waiting: bool
    second: subprocess.CompletedProcess[str]


def hold_lock_past_the_wait(ledger: Ledger) -> LockRun:
    """Hold the lock while one command waits SHORT_WAIT and gives up, and another, started
    at the same time with the default wait (10 s), still waits; then let the lock go."""
    before = State.of(ledger)
    descriptor = hold_lock(ledger.root)
    try:
        started = time.monotonic()
        blocked = start(
            ledger, "log", MATOUSHAN, "I-Z6TQ4H", "被挡住的进展", env={LOCK_WAIT: SHORT_WAIT}
        )
        second = start(ledger, "log", MATOUSHAN, "I-Z6TQ4H", "等到的进展")
        out, err = blocked.communicate(timeout=60)
        waited = time.monotonic() - started
        during = State.of(ledger)
        second_was_waiting = second.poll() is None
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)
    second_out, second_err = second.communicate(timeout=60)
    return LockRun(
        ledger,
        before,
        during,
        subprocess.CompletedProcess(blocked.args, blocked.returncode, out, err),
        waited,
        second_was_waiting,
        subprocess.CompletedProcess(second.args, second.returncode, second_out, second_err),
    )


def test_a_lock_held_past_the_wait_says_busy_and_a_waiting_command_then_runs(
    tmp_path: Path,
) -> None:
    run = hold_lock_past_the_wait(Ledger.create(tmp_path / "repo"))
    message = assert_one_error(run.blocked)
    assert run.waited >= float(SHORT_WAIT)
    assert message == (
        f"projledger: 错误：台账根目录正忙：另一条 projledger 命令（进程 {os.getpid()}）已占用超过 "
        f"{SHORT_WAIT} 秒；请待其结束后再运行本命令，或设置 {LOCK_WAIT}=60 以等待更久\n"
    )
    assert run.during == run.before, "the busy command changed nothing"
    # The second command was still waiting when the lock was let go; then it ran.
    assert run.second_was_waiting
    assert run.second.returncode == 0, run.second.stderr
    assert run.ledger.count() == 2
    assert "note: 等到的进展}" in run.ledger.text(MATOUSHAN)
    assert "被挡住的进展" not in run.ledger.text(MATOUSHAN)
    assert run.ledger.status() == ""


def test_no_wait_gives_up_at_once(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "repo")
    before = State.of(ledger)
    descriptor = hold_lock(ledger.root)
    try:
        result = run_in(
            ledger.root, "log", MATOUSHAN, "I-Z6TQ4H", "入户", env={**cli_env(), LOCK_WAIT: "0"}
        )
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)
    message = assert_one_error(result)
    assert f"（进程 {os.getpid()}）正占用中；请待其结束后再运行本命令" in message
    assert State.of(ledger) == before


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "inf", "10s"])
def test_a_bad_lock_wait_is_a_usage_error(value: str, template: Ledger, tmp_path: Path) -> None:
    ledger = clone(template, tmp_path / "repo")
    before = State.of(ledger)
    result = run_in(
        ledger.root, "log", MATOUSHAN, "I-Z6TQ4H", "入户", env={**cli_env(), LOCK_WAIT: value}
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        f"projledger: 错误：{LOCK_WAIT}={value!r}：请写等待台账根目录空闲的秒数，为 0 或更大的数"
        "（如 60）\n"
    )
    assert State.of(ledger) == before


def test_the_lock_wait_is_ten_seconds_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LOCK_WAIT, raising=False)
    assert lock_wait() == 10.0
    for value, seconds in (("", 10.0), (" 2.5 ", 2.5), ("0", 0.0), ("60", 60.0)):
        monkeypatch.setenv(LOCK_WAIT, value)
        assert lock_wait() == seconds


def tickets(root: Path) -> list[str]:
    """The places in the root's queue for its lock, in order."""
    queue = root / ".projledger" / "queue"
    if not queue.is_dir():
        return []
    return sorted(p.name for p in queue.iterdir() if p.name.isdigit())


def wait_for(condition: Callable[[], bool], seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_waiting_commands_take_the_lock_in_the_order_they_came(tmp_path: Path) -> None:
    """Once a bug: waiters polled the lock, and whichever polled first after a release
    took it, however long the others had waited. Now they queue."""
    ledger = Ledger.create(tmp_path / "repo")
    descriptor = hold_lock(ledger.root)
    try:
        first = start(ledger, "log", MATOUSHAN, "I-Q442SQ", "先到")
        assert wait_for(lambda: len(tickets(ledger.root)) == 1), "the first never queued"
        second = start(ledger, "log", MATOUSHAN, "I-Q442SQ", "后到")
        assert wait_for(lambda: len(tickets(ledger.root)) == 2), "the second never queued"
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)
    for proc in (first, second):
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert ledger.show("HEAD~1").subject.endswith("进展: 先到")
    assert ledger.show("HEAD").subject.endswith("进展: 后到")
    assert tickets(ledger.root) == []


WRITERS, CHANGES_EACH = 8, 10


def write_changes(root: Path, writer: int) -> list[str]:
    """One writer's changes, in a process of its own (forked): the errors it met."""
    errors = []
    for number in range(CHANGES_EACH):
        options = ChangeOptions(
            today=dt.date(2026, 11, 20), random_bits=random.Random(writer).getrandbits
        )
        try:
            change_project(
                LedgerRoot(root),
                MATOUSHAN,
                log_note("I-Q442SQ", f"写入{writer}-{number}", None),
                options,
            )
        except ProjledgerError as error:
            errors.append(str(error))
    return errors


def test_eight_writers_of_ten_changes_each_all_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight processes change one file ten times each, all at once, with the default wait
    for the lock: every change is committed, one after the other, none lost."""
    ledger = Ledger.create(tmp_path / "repo")
    for key, value in cli_env().items():
        monkeypatch.setenv(key, value)
    context = multiprocessing.get_context("fork")
    with context.Pool(WRITERS) as pool:
        errors = pool.starmap(write_changes, [(ledger.root, w) for w in range(WRITERS)])
    assert errors == [[]] * WRITERS
    assert ledger.count() == 1 + WRITERS * CHANGES_EACH
    text = ledger.text(MATOUSHAN)
    for writer in range(WRITERS):
        for number in range(CHANGES_EACH):
            assert f"note: 写入{writer}-{number}}}" in text
    assert ledger.status() == ""
    assert tickets(ledger.root) == []


# --- killed at any moment ------------------------------------------------------------------

# `plan_this_year`: a `set` of it changes that one line (a completed figure also records
# its period and series), so the test can say what the new file is.
VALUE_LINE = re.compile(r"(?m)^  plan_this_year: \d+$")


def group_alive(pgid: int) -> bool:
    """Whether a process of group `pgid` still runs (zombies waiting for init to reap
    them do not count: they hold no file and no lock)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rpartition(")")[2].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                return True
    return False


def kill_group(proc: subprocess.Popen[str]) -> None:
    """SIGKILL the command and the git it runs (as `timeout -s KILL` does), then wait
    until none of them runs any more."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 10
    while group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.005)


def lock_is_free(root: Path) -> bool:
    descriptor = os.open(root / ".projledger" / "lock", os.O_RDWR)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)
    return True


def git_locks(ledger: Ledger) -> list[Path]:
    """Lock files git leaves when it is killed holding them (index.lock, a ref's lock)."""
    return sorted((ledger.top / ".git").rglob("*.lock"))


def blocking_git_locks(ledger: Ledger) -> list[str]:
    """The git locks that would stop a commit: the index's, HEAD's and the refs'. (A killed
    `git commit --only` may also leave its private next-index-PID.lock, and a commit's
    background `git maintenance` holds maintenance.lock for a moment: neither blocks.)"""
    git_dir = ledger.top / ".git"
    locks = [git_dir / "index.lock", git_dir / "HEAD.lock", *(git_dir / "refs").rglob("*.lock")]
    return [str(lock.relative_to(git_dir)) for lock in locks if lock.exists()]


def temporaries(ledger: Ledger) -> list[str]:
    """Temporary files of an interrupted atomic write."""
    return sorted(p.name for p in (ledger.root / "projects").glob(".*.tmp"))


def check_after_kill(
    ledger: Ledger, versions: tuple[str, str, str], seen: Counter[str], attempt: int
) -> None:
    """What a killed change must leave: the file exactly `old` or `new`, git sound, the
    root's lock free, HEAD's version one of the three, and only that file differing."""
    committed_before, old, new = versions
    path, rel = ledger.file(MATOUSHAN), ledger.rel(MATOUSHAN)
    text = path.read_text(encoding="utf-8")
    assert text in (old, new), f"attempt {attempt}: a half-written file"
    fsck = subprocess.run(
        ["git", "fsck", "--no-progress"],
        cwd=ledger.top,
        env=cli_env(),
        capture_output=True,
        check=False,
    )
    assert fsck.returncode == 0, fsck.stderr
    assert lock_is_free(ledger.root), "a stale projledger lock"
    for lock in git_locks(ledger):
        seen[f"left {lock.name}"] += 1
    seen["left a temporary"] += bool(temporaries(ledger))
    head_text = git(ledger.top, "show", f"HEAD:{rel}")
    assert head_text in (committed_before, old, new)
    status = [
        line
        for line in ledger.status().splitlines()
        if not line.startswith("?? projects/.")  # a temporary: the next change clears it
    ]
    if head_text == text:
        assert status == [], f"attempt {attempt}: {status}"
        seen["committed" if text == new else "untouched"] += 1
    else:
        # Written, not committed (the work tree may also hold an older uncommitted
        # version from an earlier attempt): only that file differs.
        assert status in ([f" M {rel}"], [f"M  {rel}"], [f"MM {rel}"]), status
        seen["written, not committed"] += 1


def test_a_killed_change_leaves_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    """Up to 12 `set` commands (at least 6, then while 10 s last), each killed with SIGKILL
    together with the git it runs: half after a random delay up to the length of a whole
    run, half just after the file is replaced (so inside the commit). After each: the file
    is exactly the old or the new version, `git fsck` passes, `git status` is clean or
    shows only that file (written, not committed), the root's lock is free; the next
    command (with --commit-hand-edits) runs.

    What a kill can leave besides (git's .git/index.lock or .git/HEAD.lock, the write's
    temporary file) is counted, not removed: the next change clears it (the tests below
    kill at exactly those moments), and after the last command nothing that blocks is
    left."""
    ledger = Ledger.create(tmp_path / "repo")
    path, rel = ledger.file(MATOUSHAN), ledger.rel(MATOUSHAN)

    def command(value: int) -> tuple[str, ...]:
        return ("set", MATOUSHAN, "investment.plan_this_year", str(value))

    started = time.monotonic()
    first = ledger.run(" ".join(command(30000)))
    whole_run = time.monotonic() - started
    assert first.returncode == 0, first.stderr

    rng = random.Random(20261120)
    seen: Counter[str] = Counter()
    stop = time.monotonic() + 10
    for attempt in range(12):
        if attempt >= 6 and time.monotonic() > stop:
            break
        old = path.read_text(encoding="utf-8")
        committed_before = git(ledger.top, "show", f"HEAD:{rel}")
        value = 30001 + attempt
        new = VALUE_LINE.sub(f"  plan_this_year: {value}", old)
        assert new != old
        inode = path.stat().st_ino
        proc = start(ledger, *command(value), "--commit-hand-edits")
        if attempt % 2:
            time.sleep(whole_run * rng.uniform(0.3, 1.0))
        else:
            while proc.poll() is None and path.stat().st_ino == inode:
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, 0.03))
        kill_group(proc)
        seen["killed" if proc.returncode == -signal.SIGKILL else "finished"] += 1
        check_after_kill(ledger, (committed_before, old, new), seen, attempt)

    # Nothing stale blocks the next command.
    result = ledger.run(" ".join(command(40000)) + " --commit-hand-edits")
    assert result.returncode == 0, (result.stderr, seen)
    assert "  plan_this_year: 40000\n" in path.read_text(encoding="utf-8")
    assert ledger.status() == "", seen
    assert temporaries(ledger) == [], seen
    assert blocking_git_locks(ledger) == [], seen
    assert seen["killed"] >= 3, seen


def kill_when(ledger: Ledger, appears: Callable[[], bool], tries: int = 10) -> bool:
    """Start `log` commands and SIGKILL each (with its git) the moment `appears()`; True
    once a kill left what appeared behind."""
    for attempt in range(tries):
        proc = start(ledger, "log", MATOUSHAN, "I-Z6TQ4H", f"进展{attempt}", "--commit-hand-edits")
        while proc.poll() is None and not appears():
            pass
        kill_group(proc)
        if appears():
            return True
    return False


def test_a_write_killed_halfway_leaves_no_temporary_file_after_the_next_change(
    tmp_path: Path,
) -> None:
    ledger = Ledger.create(tmp_path / "repo")
    if not kill_when(ledger, lambda: bool(temporaries(ledger))):
        pytest.skip("no kill landed inside the write in 10 tries")
    result = ledger.run(f"log {MATOUSHAN} I-Z6TQ4H 之后的进展 --commit-hand-edits")
    assert result.returncode == 0, result.stderr
    assert temporaries(ledger) == []
    assert ledger.status() == ""


def test_a_killed_git_leaves_no_lock_that_blocks_the_next_command(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "repo")
    index_lock = ledger.top / ".git" / "index.lock"
    if not kill_when(ledger, index_lock.exists):
        pytest.skip("no kill landed while git held its index lock in 10 tries")
    result = ledger.run(f"log {MATOUSHAN} I-Z6TQ4H 之后的进展 --commit-hand-edits")
    assert result.returncode == 0, result.stderr


def test_a_killed_commit_leaves_no_ref_lock_that_blocks_the_next_command(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "repo")
    head_lock = ledger.top / ".git" / "HEAD.lock"
    if not kill_when(ledger, head_lock.exists):
        pytest.skip("no kill landed while git held HEAD.lock in 10 tries")
    result = ledger.run(f"log {MATOUSHAN} I-Z6TQ4H 之后的进展 --commit-hand-edits")
    assert result.returncode == 0, result.stderr
    assert blocking_git_locks(ledger) == []


def test_a_change_killed_between_its_write_and_its_commit_is_committed_by_the_next(
    tmp_path: Path,
) -> None:
    """Once a bug: a change killed after its file was replaced and before its commit (one
    kill in eight) was left uncommitted; the next command refused the file as edited by
    hand, and --commit-hand-edits then recorded projledger's own change as a hand edit.

    Each `set` here is killed (with its git) the moment its file is replaced: inside the
    journal's window. The next change, without --commit-hand-edits, first commits the
    interrupted one as it would have been committed (its message, author and date) and says
    so on stderr; or, when the kill came after the commit, just goes on."""
    ledger = Ledger.create(tmp_path / "repo")
    path, rel = ledger.file(MATOUSHAN), ledger.rel(MATOUSHAN)
    journal = ledger.root / ".projledger" / "journal.json"
    landed = 0
    for attempt in range(15):
        if landed >= 3 and attempt >= 6:
            break
        head, old = ledger.head(), path.read_text(encoding="utf-8")
        previous = re.search(r"(?m)^  plan_this_year: (\d+)", old)
        assert previous is not None
        value = 31000 + attempt
        new = VALUE_LINE.sub(f"  plan_this_year: {value}", old)
        inode = path.stat().st_ino
        proc = start(ledger, "set", MATOUSHAN, "investment.plan_this_year", str(value))
        while proc.poll() is None and path.stat().st_ino == inode:
            pass
        kill_group(proc)
        in_window = path.read_text(encoding="utf-8") == new and ledger.head() == head
        assert journal.exists() or not in_window, "written without its journal"

        result = ledger.run(f"log {MATOUSHAN} I-Q442SQ 之后的进展{attempt}")
        assert result.returncode == 0, result.stderr
        assert ledger.show().subject.endswith(f"进展: 之后的进展{attempt}")
        if in_window:
            landed += 1
            interrupted = ledger.show("HEAD~1")
            assert result.stderr == (
                "projledger: 提示：已完成一项提交前被中断的修改："
                f"{interrupted.subject}（提交 {interrupted.sha[:8]}）\n"
            )
            assert interrupted.parents == [head]
            assert interrupted.subject == (
                f"[马头山水库工程] investment.plan_this_year: {previous.group(1)} → {value}"
            )
            assert interrupted.trailers == {
                "Projledger-Command": "set",
                "Projledger-Project": MATOUSHAN,
                "Projledger-From": previous.group(1),
                "Projledger-To": str(value),
            }
            assert interrupted.author == interrupted.committer
            assert git(ledger.top, "show", f"HEAD~1:{rel}") == new
        else:
            assert result.stderr == ""
        assert not journal.exists()
        assert ledger.status() == ""
    log = git(ledger.top, "log", "--format=%B")
    assert "hand-edits" not in log and "手工修改" not in log
    assert landed >= 3, f"{landed} kills landed between the write and the commit"


def test_hand_edits_the_audit_would_reject_are_not_committed(tmp_path: Path) -> None:
    """--commit-hand-edits makes a commit too: it must pass `projledger audit` as well."""
    ledger = Ledger.create(tmp_path / "repo")
    path = ledger.file(MATOUSHAN)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("evidence: 现场核验记录}", "evidence: 现场核验记录及照片}"), encoding="utf-8"
    )
    message = ledger.refused(f"log {MATOUSHAN} I-Q442SQ 入户 --commit-hand-edits")
    assert "拒绝修改：手工修改中，I-CYKEW8 已销号" in message
    assert ledger.count() == 1


def test_a_journal_of_the_first_shape_is_still_finished(tmp_path: Path) -> None:
    """A journal written before journals named many files (one `file`, as a change killed
    by an older projledger left it) is read, and its change committed."""
    import json

    from projledger.store.blob_cache import blob_id

    ledger = Ledger.create(tmp_path / "repo")
    path, rel = ledger.file(MATOUSHAN), ledger.rel(MATOUSHAN)
    old = path.read_bytes()
    new = VALUE_LINE.sub("  plan_this_year: 32000", old.decode()).encode()
    journal = {
        "file": f"projects/{MATOUSHAN}.yaml",
        "old_blob": blob_id(old),
        "new_blob": blob_id(new),
        "message": "[马头山水库工程] investment.plan_this_year: 旧 → 32000\n\n"
        "Projledger-Command: set\n",
        "author": "李娜 <lina@example.gov.cn>",
        "date": "1795158000 +0800",
    }
    (ledger.root / ".projledger").mkdir(exist_ok=True)
    (ledger.root / ".projledger" / "journal.json").write_text(json.dumps(journal))
    path.write_bytes(new)
    result = ledger.run(f"log {MATOUSHAN} I-Q442SQ 之后的进展")
    assert result.returncode == 0, result.stderr
    assert "已完成一项提交前被中断的修改" in result.stderr
    interrupted = ledger.show("HEAD~1")
    assert interrupted.author == "李娜 <lina@example.gov.cn>"
    assert git(ledger.top, "show", f"HEAD~1:{rel}").encode() == new
    assert ledger.status() == ""


def test_a_journal_naming_a_file_outside_the_root_is_dropped_as_damaged(tmp_path: Path) -> None:
    import json

    ledger = Ledger.create(tmp_path / "repo")
    outside = tmp_path / "outside.txt"
    outside.write_text("不是账本的文件", encoding="utf-8")
    journal = {
        "files": [{"file": "../outside.txt", "old_blob": "0" * 40, "new_blob": "1" * 40}],
        "message": "x\n",
        "author": "x <x@x>",
        "date": "1795158000 +0800",
    }
    (ledger.root / ".projledger").mkdir(exist_ok=True)
    (ledger.root / ".projledger" / "journal.json").write_text(json.dumps(journal))
    result = ledger.run(f"log {MATOUSHAN} I-Q442SQ 之后的进展")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "projledger: 提示：已删除损坏的修改日志（repo/.projledger/journal.json）\n"
    )
    assert outside.read_text(encoding="utf-8") == "不是账本的文件"
    assert not (ledger.root / ".projledger" / "journal.json").exists()

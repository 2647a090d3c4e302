"""`history`, `changes`, `audit` and the `--at` readers in the ledger's language (issue 18):
on the zh sample ledger every refusal and every audit finding about a version a commit left
unreadable is said in Chinese, with no English sentence; `--lang en` says it in English.
Ambiguity (a project fragment, an item prefix) is a usage error listing the candidates."""

import re
import shutil
import subprocess

import pytest

from projledger.history.audit_messages import Wording
from projledger.history.gitlog import Commit
from projledger.history.rules import Entry, Violation
from tests.helpers import JINGPINGANG, LI, MATOUSHAN, Ledger, git, run_cli

FILE = f"projects/{JINGPINGANG}.yaml"

ENGLISH = re.compile(
    r"\b(?:the|is|are|was|of|no|not|in|or|and|to|an?|commit|file|checked|neither|nor|"
    r"left|unreadable|ambiguous|before|younger|repository)\b",
    re.IGNORECASE,
)
"""Words of an English sentence (ids, paths, codes and commands have none of them)."""


QUOTED = re.compile(r"「[^」]*」|`[^`]*`|\w+(?:[-/.]\w+)+")
"""What a user typed, a command, an id or a path: as written in either language."""


def no_english(said: str) -> None:
    leaked = ENGLISH.findall(QUOTED.sub(" ", said))
    assert not leaked, (leaked, said)


def refused(ledger: Ledger, *args: str, exit_code: int = 1) -> tuple[str, str]:
    """The error of `projledger ARGS` in the ledger's language and with `--lang en`."""
    said: list[str] = []
    for lang in ((), ("--lang", "en")):
        result = ledger.cli(*lang, *args)
        assert result.returncode == exit_code, (result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
        said.append(result.stderr)
    zh, en = said
    assert zh.startswith("projledger: 错误："), zh
    assert en.startswith("projledger: error: "), en
    no_english(zh.removeprefix("projledger: 错误："))
    return zh, en


# --- finding projects and items in the history --------------------------------------------


def test_an_unknown_project(ledger: Ledger) -> None:
    zh, en = refused(ledger, "history", "no-such-project")
    assert "台账中没有项目「no-such-project」" in zh
    assert "no project 'no-such-project'" in en


def test_an_ambiguous_project_lists_name_id_and_pool(ledger: Ledger) -> None:
    for command in (("history",), ("changes", "--project")):
        zh, en = refused(ledger, *command, "laiwu", exit_code=2)
        assert "「laiwu」可指多个项目：" in zh
        assert f"马头山水库工程（{MATOUSHAN}，续建）" in zh
        assert "请写出更多的名称或编号" in zh
        assert f"马头山水库工程 ({MATOUSHAN}, 续建)" in en
        assert "ambiguous" in en


def test_a_project_by_a_fragment_of_its_name(ledger: Ledger) -> None:
    result = ledger.cli("changes", "--project", "马头山", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert f'"project": "{MATOUSHAN}"' in result.stdout


def test_an_ambiguous_item_lists_id_title_and_state(ledger: Ledger) -> None:
    zh, en = refused(ledger, "history", JINGPINGANG, "i-", exit_code=2)
    assert f"「i-」在项目 {JINGPINGANG} 中可指：I-4M8K2P 厂区周边300户居民征迁（已销号）；" in zh
    assert "I-9TX3QW 220千伏供电线路迁改滞后（办理中）" in zh
    assert "I-4M8K2P 厂区周边300户居民征迁 (已销号); I-9TX3QW" in en


def test_an_item_by_a_fragment_of_its_title(ledger: Ledger) -> None:
    by_title = ledger.json("history", JINGPINGANG, "迁改滞后")
    assert by_title["item"] == "I-9TX3QW"


def test_an_unknown_item(ledger: Ledger) -> None:
    zh, en = refused(ledger, "history", JINGPINGANG, "I-ZZZZ")
    assert f"项目 {JINGPINGANG} 的变更记录中没有事项「I-ZZZZ」" in zh
    assert f"`projledger history {JINGPINGANG}` 列出其全部变更" in zh
    assert f"no item 'I-ZZZZ' in the history of project {JINGPINGANG}" in en


def test_a_bad_since(ledger: Ledger) -> None:
    zh, en = refused(ledger, "changes", "--since", "上周", exit_code=2)
    assert "'上周' 不是日期" in zh
    assert "is not a date" in en
    zh, en = refused(
        ledger, "changes", "--since", "2026-11-05", "--until", "2026-11-01", exit_code=2
    )
    assert "--until 2026-11-01 早于 --since 2026-11-05" in zh


# --- the ledger as a day or a commit had it (`--at`) --------------------------------------


def test_a_day_before_the_first_commit(ledger: Ledger) -> None:
    for command in ("list", "show", "report"):
        args = {"list": ["list"], "show": ["show", MATOUSHAN], "report": ["report", "weekly"]}
        zh, en = refused(ledger, *args[command], "--at", "2020-01-01")
        assert "2020-01-01 及以前没有提交：台账建立于该日之后" in zh
        assert "no commit on or before 2020-01-01: the ledger is younger" in en


def test_neither_a_day_nor_a_commit(ledger: Ledger) -> None:
    zh, en = refused(ledger, "list", "--at", "no-such-branch")
    assert "no-such-branch 既不是日期（如 2026-12-10），也不是本仓库的提交" in zh
    assert "'no-such-branch' is neither a date (YYYY-MM-DD) nor a commit" in en
    zh, en = refused(ledger, "list", "--at", "2026-02-30")
    assert "2026-02-30 这一天不存在" in zh


def test_a_day_in_chinese_is_a_day(ledger: Ledger) -> None:
    by_words = ledger.cli("list", "--at", "2026年11月20日", "--json")
    by_iso = ledger.cli("list", "--at", "2026-11-20", "--json")
    assert by_words.returncode == 0, by_words.stderr
    assert by_words.stdout == by_iso.stdout


def test_a_repository_without_commits(ledger: Ledger) -> None:
    shutil.rmtree(ledger.top / ".git")
    git(ledger.top, "init", "-q", "-b", "main")
    zh, en = refused(ledger, "list", "--at", "2026-11-20")
    assert "仓库中尚无提交，无法查看 2026-11-20 时的台账" in zh
    assert "the repository has no commits yet" in en


# --- audit ------------------------------------------------------------------------------------


def audit(ledger: Ledger, *args: str) -> tuple[str, str]:
    """`audit ARGS`, which finds errors: its output in Chinese and in English."""
    said = []
    for lang in ((), ("--lang", "en")):
        result = ledger.cli(*lang, "audit", *args)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr == ""
        said.append(result.stdout)
    return said[0], said[1]


def without_source(output: str) -> str:
    """The findings and summary without the file lines shown under them."""
    return "\n".join(line for line in output.splitlines() if not line.startswith(" "))


def test_a_commit_that_breaks_a_rule(ledger: Ledger) -> None:
    ledger.edit(
        "D-7YB4CG, target: T-6FJ2RA, due: 2026-12-31", "D-7YB4CG, target: T-6FJ2RA, due: 2027-01-31"
    )
    ledger.commit("改时限", "2026-11-21T10:00:00+08:00", LI)
    zh, en = audit(ledger, ledger.first)
    assert "错误 PL504 时效 D-7YB4CG 的时限在提交 " in zh
    assert zh.splitlines()[-1] == "已检查 1 次提交、1 个文件：1 个错误、0 个警告，涉及 1 个文件"
    no_english(without_source(zh))
    assert en.splitlines()[-1] == "1 commit, 1 file checked: 1 error, 0 warnings in 1 file"


def test_the_summary_names_the_commits_when_no_file_changed(ledger: Ledger) -> None:
    (ledger.root / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    ledger.commit("纪要", "2026-11-21T10:00:00+08:00")
    ledger.commit("空提交", "2026-11-22T10:00:00+08:00")
    for lang, said in (
        ((), "已检查 2 次提交：未发现问题"),
        (("--lang", "en"), "2 commits checked"),
    ):
        result = ledger.cli(*lang, "audit", ledger.first)
        assert result.returncode == 0, result.stdout
        assert result.stdout.startswith(said), result.stdout


@pytest.mark.parametrize(
    ("broken", "code", "zh_said", "en_said"),
    [
        (
            "id: [未闭合\n",
            "PL007",
            "YAML 语法错误：此处的 [ 没有闭合",
            "YAML syntax: the [ here is not closed",
        ),
        (
            "- 甲\n- 乙\n",
            "PL100",
            "文件内容应为“字段: 值”的映射，而不是列表",
            "the file must hold a mapping of fields, not a list",
        ),
    ],
)
def test_an_unreadable_file_committed_by_hand(
    ledger: Ledger, broken: str, code: str, zh_said: str, en_said: str
) -> None:
    path = ledger.file()
    text = path.read_text(encoding="utf-8")
    path.write_text(broken if code == "PL100" else text + broken, encoding="utf-8")
    commit = ledger.commit("手工修改", "2026-11-21T10:00:00+08:00", LI)[:8]
    zh, en = audit(ledger, ledger.first)
    assert (
        f"错误 {code} 该文件自提交 {commit}（李娜，2026-11-21，“手工修改”）起无法读取：{zh_said}"
        in zh
    )
    assert "；请在新的提交中改正" in zh
    no_english(without_source(zh))
    assert (
        f'{code} commit {commit} (李娜, 2026-11-21, "手工修改") left the file unreadable: {en_said}'
        in en
    )
    assert "; fix it in a new commit" in en
    # JSON says it in the run's language too.
    result = ledger.cli("audit", ledger.first, "--format", "json")
    assert zh_said in result.stdout and "left the file" not in result.stdout


def test_a_merge_that_leaves_a_file_unreadable(ledger: Ledger) -> None:
    git(ledger.top, "checkout", "-q", "-b", "other")
    ledger.edit("raised: 2026-09-04", "raised: 2026-09-05")
    ledger.commit("改登记日期", "2026-11-21T10:00:00+08:00")
    git(ledger.top, "checkout", "-q", "main")
    ledger.edit("raised: 2026-09-04", "raised: 2026-09-06")
    ledger.commit("另改登记日期", "2026-11-21T11:00:00+08:00")
    merged = subprocess.run(
        ["git", "merge", "-q", "other"], cwd=ledger.top, capture_output=True, check=False
    )
    assert merged.returncode != 0  # a conflict, committed with its markers by hand
    ledger.commit("合并", "2026-11-21T12:00:00+08:00")
    zh, en = audit(ledger, ledger.first)
    assert "错误 PL016 该文件自 " in zh and " 之间的合并起无法读取：" in zh
    no_english(without_source(zh))
    assert "left the file unreadable: " in en


def test_history_tables_say_a_deadline_in_chinese(ledger: Ledger) -> None:
    result = run_cli("history", JINGPINGANG, "D-7YB4CG", cwd=ledger.root)
    assert result.returncode == 0, result.stderr
    assert "新增：T-6FJ2RA（2026-12-31）" in result.stdout, result.stdout


def test_a_closed_issue_changed_as_a_whole() -> None:
    """PL503 when the issue's fields cannot be told apart (it is no longer a mapping): said
    as a change of the whole issue, in either language, not "(the whole issue)"."""
    closed = {"id": "I-4M8K2P", "title": "厂区周边300户居民征迁", "state": "已销号"}
    broken = Violation(
        "PL503", ("closed", "I-4M8K2P"), "I-4M8K2P", Entry("issues", closed), Entry("issues", 7)
    )
    commit = Commit("0123456789" * 4, "李娜", "l@x", "2026-11-21T10:00:00+08:00", "", "改")
    for where in (commit, None):
        finding = Wording("aaaaaaaa", "bbbbbbbb").finding(broken, where, FILE, FILE, None)
        zh, en = finding.text("zh"), finding.text("en")
        assert "问题 I-4M8K2P（厂区周边300户居民征迁）已销号，但在" in zh
        assert "中被整条修改；已销号问题不得修改" in zh
        no_english(zh)
        assert "is closed (已销号) but was changed as a whole afterwards in" in en


MEMBERS = """
members:
  - {who: tester@example.com, roles: [办公室, 管理员]}
  - {who: maqiang@gongdian.example.cn, roles: [单位填报人], unit: 莱芜供电公司}
"""
NEW_TASK = """  - id: T-7WQ3NB
    title: 厂区南侧排水管网接入
    unit: 国网济南市莱芜区供电公司
    state: 未开始
"""


def test_authority_findings_in_the_run_language(ledger: Ledger) -> None:
    """PL51x were said in the ledger's language whatever the run's; now like every finding."""
    config = ledger.root / "projledger.yaml"
    config.write_text(config.read_text(encoding="utf-8") + MEMBERS, encoding="utf-8")
    base = ledger.commit("声明成员", "2026-11-21T09:00:00+08:00")
    ledger.edit("\ndeadlines:\n", NEW_TASK + "\ndeadlines:\n")
    ledger.commit("加任务", "2026-11-21T10:00:00+08:00", ("马强", "maqiang@gongdian.example.cn"))
    ledger.edit("raised: 2026-09-04", "raised: 2026-09-05")
    ledger.commit("改日期", "2026-11-21T11:00:00+08:00", ("路人", "someone@example.com"))
    zh, en = audit(ledger, base)
    assert "作者 路人 <someone@example.com> 不在 projledger.yaml 的成员（members）中" in zh
    assert "修改了任务 T-7WQ3NB（厂区南侧排水管网接入）的全部内容；单位填报人只能" in zh
    no_english(without_source(zh))
    assert "its author 路人 <someone@example.com> is not among the members" in en
    assert "changed (the whole item) of task T-7WQ3NB" in en
    assert zh.splitlines()[-1] == "已检查 2 次提交、1 个文件：2 个错误、0 个警告，涉及 1 个文件"

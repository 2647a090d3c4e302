"""The terminal speaks the ledger's language: a week of the README's routine, with good and
with bad input, in a Chinese ledger reads no English sentence (click's usage errors, `-h`,
`sync`, `audit`, dates included); in an English ledger, the same runs read English."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers import JINGPINGANG, TODAY, Ledger, git, run_cli

OPEN_ISSUE = "I-9TX3QW"

ROUTINE_GOOD = (
    ("check",),
    ("show", "精品钢"),
    ("show", JINGPINGANG, OPEN_ISSUE),
    ("list", "issues"),
    ("overdue", "--as-of", "2026-11-20"),
    ("due", "--within", "7d", "--as-of", "2026-11-20"),
    ("log", JINGPINGANG, OPEN_ISSUE, "已协调供电公司", "--today", TODAY),
    (
        "extend",
        JINGPINGANG,
        OPEN_ISSUE,
        "--to",
        "2026/12/20",
        "--reason",
        "线路走廊调整",
        "--approver",
        "王建国",
        "--today",
        TODAY,
    ),
    ("history", JINGPINGANG, OPEN_ISSUE),
    ("changes", "--since", "2026.11.01", "--until", "2026年11月30日"),
    ("audit", "HEAD~2..HEAD"),
    ("report", "weekly", "--week", "2026-W47"),
    ("report", "project", "精品钢"),
    ("check", "--verbose", "--no-cache"),
    ("schema", "--check"),
)
"""The README's week: read, look at what is due, change, see the history, audit it."""

ROUTINE_BAD = (
    ("add", "issue"),  # a missing argument
    ("new", "x"),  # a missing option
    ("check", "--bogus"),  # an unknown option
    ("check", "--format"),  # an option without its value
    ("check", "no/such/path.yaml"),  # a path that does not exist
    ("show", "a", "b", "c"),  # an extra argument
    ("issues",),  # an unknown command
    ("overdue", "--as-of", "2026-13-01"),  # a bad date
    ("overdue", "--by", "street"),  # not one of the choices
    ("due", "--within", "soon"),
    (
        "extend",
        JINGPINGANG,
        OPEN_ISSUE,
        "--to",
        "2026-11-31",
        "--reason",
        "r",
        "--approver",
        "王建国",
    ),
    ("add", "issue", JINGPINGANG, "--title", "t", "--level", "9"),  # out of range
    ("add", "issue", JINGPINGANG, "--title", "t", "--level", "高"),  # not a number
    ("show", "不存在的项目"),  # an unknown project
    ("changes", "--since", "2026-02-30"),
    ("audit", "no-such-rev..HEAD"),  # a bad range
    ("audit", "..HEAD"),
    ("sync",),  # no remote
    ("list", "--procedure", "施工许可"),
    ("list", "bogus"),
    ("report", "weekly", "--week", "2026-W99"),
    ("report", "weekly", "--format", "pdf"),  # an option of two spellings
    ("due", "--within", "7x"),
    ("report", "weekly", "--lang", "fr"),  # a language projledger does not speak
    ("advance", JINGPINGANG, "--to", "不存在的阶段"),
    ("advance", JINGPINGANG, "--code", "1"),  # an option of another kind of step
    ("set", JINGPINGANG, "issues", "1"),  # a section, not a value
    ("set", JINGPINGANG, f"{OPEN_ISSUE}.state", "已销号"),  # a field another command moves
    ("retire", JINGPINGANG, "--reason", "r", "--reviewer", "王建国", "--duplicate-of", "精品钢"),
    ("history", "不存在的项目"),
    ("history", "laiwu"),  # ambiguous
    ("history", JINGPINGANG, "I-ZZZZZZ"),
    ("list", "--at", "2000-01-01"),  # before the first commit
    ("list", "approvals", "--procedure", "不存在"),
    ("overdue", "--leader", "不存在的人"),
    ("overdue", "--level", "不存在"),
    ("report", "weekly", "--format", "html", "--template", "x.docx"),
    ("report", "weekly", "--root", "no/such/dir", "--root", "."),
)

ENGLISH = re.compile(r"[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']*){2,}")
"""Three or more words in a row: an English sentence (or a piece of one)."""

ALLOWED = (
    r"`[^`]*`",  # a command or a value, quoted
    r"'[^']*'",
    r"--?[a-z][\w-]*",  # option names
    r"projledger(?: [a-z][\w-]*)*",  # a command line
    r"[\w.~-]*/[\w./~-]*|[\w-]+\.[a-z]{2,4}\b",  # paths and files
    r"\b[A-Z][A-Z0-9_-]+\b",  # metavars and ids: PROJECT, I-9TX3QW
    r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b",  # project ids
    r"<[^>]*>",  # typer's value types, <str>
    r"\[remote rejected\]|\(pre-receive hook declined\)",  # git's own words
)
_ALLOWED = re.compile("|".join(ALLOWED))

NOT_YET: tuple[re.Pattern[str], ...] = ()
"""Lines left to other pieces of the work: skipped here, named (none left)."""


def english_in(output: str) -> list[str]:
    """The lines of `output` with an English sentence, once what may be English is taken
    out (commands, options, paths, ids, metavars)."""
    found = []
    for line in output.splitlines():
        if any(pattern.search(line) for pattern in NOT_YET):
            continue
        if ENGLISH.search(_ALLOWED.sub(" ", line)):
            found.append(line)
    return found


def commands_and_groups() -> list[tuple[str, ...]]:
    """Every command's words, a group's commands included (`add issue`)."""
    from projledger.cli import app, register_commands

    register_commands()
    named: list[tuple[str, ...]] = []
    for info in app.registered_commands:
        assert info.callback is not None
        if not info.hidden:
            named.append((info.name or info.callback.__name__.lower().replace("_", "-"),))
    for group in app.registered_groups:
        assert group.name is not None and group.typer_instance is not None
        named.append((group.name,))
        for sub in group.typer_instance.registered_commands:
            assert sub.callback is not None
            named.append((group.name, sub.name or sub.callback.__name__.lower()))
    return named


@pytest.fixture(scope="module")
def zh_ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    ledger = Ledger.create(tmp_path_factory.mktemp("zh"))
    ledger.edit("投产后产品附加值提高1.5倍。", "投产后产品附加值提高1.5倍以上。")  # by hand
    ledger.commit("手工补记", "2026-11-19T10:00:00+08:00")
    return ledger


@pytest.fixture(scope="module")
def en_ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    ledger = Ledger.create(tmp_path_factory.mktemp("en"))
    config = ledger.root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("language: zh", "language: en", 1), encoding="utf-8")
    ledger.commit("language: en", "2026-11-19T10:00:00+08:00")
    return ledger


def run(ledger: Ledger, args: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    """`projledger ARGS` in the ledger, its usage lines as the installed command's."""
    result = run_cli(*args, cwd=ledger.root)
    assert "Traceback" not in result.stderr, result.stderr
    result.stdout = result.stdout.replace("python -m projledger", "projledger")
    result.stderr = result.stderr.replace("python -m projledger", "projledger")
    return result


def said(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout + result.stderr


def test_the_routine_speaks_chinese(zh_ledger: Ledger) -> None:
    english: dict[str, list[str]] = {}
    for args in ROUTINE_GOOD:
        result = run(zh_ledger, args)
        assert result.returncode in (0, 1), (args, said(result))  # 1: overdue items
        english[" ".join(args)] = english_in(said(result))
    for args in ROUTINE_BAD:
        result = run(zh_ledger, args)
        assert result.returncode in (1, 2), (args, said(result))
        assert result.stderr, args
        english[" ".join(args)] = english_in(said(result))
    assert not {command: lines for command, lines in english.items() if lines}


def test_a_hand_edited_file_is_refused_in_chinese(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    ledger.edit("    person: 马强\n", "    person: 张伟\n")
    result = run(ledger, ("log", JINGPINGANG, OPEN_ISSUE, "进展", "--today", TODAY))
    assert result.returncode == 1
    assert result.stderr.startswith("projledger: 错误：")
    assert not english_in(said(result))


def test_usage_errors_keep_the_usage_line_and_exit_2(zh_ledger: Ledger) -> None:
    result = run(zh_ledger, ("add", "issue"))
    assert result.returncode == 2
    assert result.stderr == (
        "用法：projledger add issue [OPTIONS] [PROJECT]\n"
        "运行 `projledger add issue -h` 查看帮助。\n\n"
        "错误：缺少参数 PROJECT。\n"
    )
    result = run(zh_ledger, ("overdue", "--as-of", "2026-13-01"))
    assert result.returncode == 2
    assert "\n错误：--as-of 的值无效：2026-13-01 这一天不存在" in result.stderr


def test_every_commands_help_in_chinese(zh_ledger: Ledger) -> None:
    english = {}
    for words in [(), *commands_and_groups()]:
        result = run(zh_ledger, (*words, "-h"))
        assert result.returncode == 0, (words, result.stderr)
        assert "用法：projledger" in result.stdout and "显示本帮助并退出。" in result.stdout
        # Each option's help on one line, so a sentence wrapped over lines is seen whole.
        options = re.split(r"\n(?=\s*-)", re.sub(r"\n {20,}", " ", result.stdout))
        shown = [" ".join(text.split()) for text in options]
        english[" ".join(words)] = english_in("\n".join(shown))
    assert not {command: lines for command, lines in english.items() if lines}


def test_check_of_a_path_in_a_chinese_ledger_from_outside_it(
    zh_ledger: Ledger, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_cli("check", zh_ledger.file(), cwd=elsewhere)
    assert result.returncode == 0, said(result)
    assert result.stdout.startswith("已检查 1 个文件"), result.stdout
    result = run_cli("check", zh_ledger.file(), "--lang", "en", cwd=elsewhere)
    assert "checked" in result.stdout


def test_sync_and_audit_in_chinese(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path / "clone")
    result = run(ledger, ("sync",))
    assert result.stderr == (
        "projledger: 错误：本克隆没有可同步的远程仓库；请用 `git remote add origin 地址` "
        "添加共享仓库\n"
    )
    result = run(ledger, ("audit", "no-such-rev..HEAD"))
    assert result.stderr == "projledger: 错误：no-such-rev 不是本仓库的提交\n"
    result = run(ledger, ("setup",))
    assert result.stdout.startswith("已将合并程序写入 .gitattributes（提交 "), said(result)
    shared = tmp_path / "shared.git"
    git(tmp_path, "init", "-q", "--bare", str(shared))
    git(ledger.top, "remote", "add", "origin", str(shared))
    result = run(ledger, ("sync",))
    assert result.returncode == 0, said(result)
    assert result.stdout.startswith("已与 origin/main 同步：拉取 0 个提交，推送 2 个"), said(result)


# --- in an English ledger, English ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "english"),
    [
        (("add", "issue"), "Error: Missing argument 'PROJECT'."),
        (("new", "x"), "Error: Missing option '--name'."),
        (("check", "--bogus"), "Error: No such option: --bogus"),
        (("show", "a", "b", "c"), "Error: Got unexpected extra argument(s) (c)"),
        (("overdue", "--as-of", "2026-13-01"), "Invalid value for '--as-of': 2026-13-01 is not"),
        (("overdue", "--by", "street"), "Invalid value for '--by'"),
        (("sync",), "this clone has no remote to sync with"),
        (("audit", "no-such-rev..HEAD"), "'no-such-rev' is not a commit of this repository"),
        (("audit", "..HEAD"), "names no starting commit"),
        (("add", "issue", "-h"), "Show this message and exit."),
        (("-h",), "Show the version."),
    ],
)
def test_in_an_english_ledger_the_same_are_english(
    en_ledger: Ledger, args: tuple[str, ...], english: str
) -> None:
    result = run(en_ledger, args)
    assert english in said(result)
    if "-h" not in args:
        assert result.stderr.startswith(("Usage: projledger ", "projledger: error: "))


def test_lang_after_any_command(zh_ledger: Ledger) -> None:
    """`--lang` may follow any command, also one that declares no such option."""
    result = run(zh_ledger, ("sync", "--lang", "en"))
    assert result.stderr.startswith("projledger: error: this clone has no remote"), said(result)
    result = run(zh_ledger, ("add", "issue", "--lang", "en"))
    assert "Error: Missing argument 'PROJECT'." in result.stderr
    result = run(zh_ledger, ("show", JINGPINGANG, "--lang=en"))
    assert result.returncode == 0, said(result)


REFUSALS = (
    ("advance", JINGPINGANG, OPEN_ISSUE, "--to", "待核验", "--today", TODAY),  # no evidence
    (
        "extend",
        JINGPINGANG,
        OPEN_ISSUE,
        "--to",
        "2026-12-20",
        "--reason",
        "线路走廊调整",
        "--today",
        TODAY,
    ),  # no approver
    (
        "new",
        "laiwu-ceshi",
        "--name",
        "测试项目",
        "--level",
        "区级",
        "--pool",
        "谋划储备",
        "--industry",
        "水利",
        "--locality",
        "高庄街道",
        "--owner",
        "某公司",
        "--leader",
        "王建国",
        "--stage",
        "前期研究",
        "--total",
        "1000",
        "--code",
        "2024-370116-31-03-015821",  # 精品钢's code
        "--today",
        TODAY,
    ),
)
"""Changes refused: a step without what it needs, a usage error, a rule across files."""


def test_change_refusals_in_chinese(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    english: dict[str, list[str]] = {}
    for args in REFUSALS:
        result = run(ledger, args)
        assert result.returncode in (1, 2), (args, said(result))
        english[" ".join(args[:3])] = english_in(said(result))
    # One English word is no sentence to the sweep: the step's refusal, word for word.
    result = run(ledger, REFUSALS[0])
    assert f"{OPEN_ISSUE} → 待核验 须填写 --evidence、--explanation" in result.stderr
    submit = ("advance", JINGPINGANG, OPEN_ISSUE, "--to", "待核验", "--evidence", "验收单")
    result = run(ledger, (*submit, "--explanation", "已迁改", "--today", TODAY))
    assert result.returncode == 0, said(result)
    # Closed by the issue's own responsible person: refused (PL230's text is check's).
    close = ("advance", JINGPINGANG, OPEN_ISSUE, "--to", "已销号", "--verifier", "马强")
    result = run(ledger, (*close, "--today", TODAY))
    assert result.returncode == 1, said(result)
    english["close"] = english_in(said(result))
    assert not {command: lines for command, lines in english.items() if lines}

"""The reading and report commands' refusals and warnings, and git's, in the ledger's
language (issue 18): in the zh sample ledger each is said in Chinese, with no English
sentence; `--lang en` says it in English. Report options (`--template`, `--output`,
`--format csv`), `list approvals`' and `overdue`'s filters, the roll-up's members,
`show`'s and `list`'s warnings, and git's refusals (git's own words kept as it printed
them)."""

import os
import pty
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from projledger.errors import ProjledgerError
from projledger.gitrepo import LedgerRepo
from projledger.report.render_csv import TableError, render_csv
from tests.helpers import MATOUSHAN, Ledger, cli_env, copy_root, git, run_cli, sample_report

WEEK = ("report", "weekly", "--week", "2026-W47")
LOG = f"log {MATOUSHAN} I-Z6TQ4H 入户"

_ENGLISH = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")
"""Three English words in a row: a sentence, not a command or option name."""


def no_english(said: str) -> None:
    """Nothing English in `said` but names: commands and paths in backticks aside, no three
    English words follow each other."""
    bare = re.sub(r"`[^`]*`", "", said)
    assert not _ENGLISH.search(bare), said


def one_error(result: subprocess.CompletedProcess[str], code: int, lang: str) -> str:
    """A refusal: the exit code, one message in `lang` on stderr, no traceback; stderr."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    prefix = "projledger: 错误：" if lang == "zh" else "projledger: error: "
    assert result.stderr.startswith(prefix), result.stderr
    assert result.stderr.count("projledger: ") == 1, result.stderr
    return result.stderr


def both(
    run: "RunIn",
    args: tuple[str | Path, ...],
    code: int,
    zh: str,
    en: str,
    *,
    check_zh: bool = True,
) -> None:
    """`args` refused in Chinese (no English sentence, unless git's own words are quoted:
    `check_zh`), then with `--lang en` in English."""
    said = one_error(run(*args), code, "zh")
    assert zh in said, said
    assert en not in said, said
    if check_zh:
        no_english(said)
    said = one_error(run("--lang", "en", *args), code, "en")
    assert en in said, said
    assert zh not in said, said


class RunIn:
    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd

    def __call__(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, cwd=self.cwd)


# --- reports: output, format, template ------------------------------------------------------


def test_template_without_docx(template: Ledger, tmp_path: Path) -> None:
    letterhead = tmp_path / "letterhead.docx"
    letterhead.write_bytes(b"")
    both(
        RunIn(template.root),
        (*WEEK, "--format", "html", "--template", letterhead),
        2,
        "--template 仅适用于 --format docx",
        "--template is for --format docx",
    )


def test_output_without_a_file_format(template: Ledger, tmp_path: Path) -> None:
    both(
        RunIn(template.root),
        (*WEEK, "--output", tmp_path / "weekly.txt"),
        2,
        "--output 须与文件格式同用：--format md、html、json、csv、xlsx 或 docx",
        "--output needs a file format: --format md, html, json, csv, xlsx or docx",
    )


def test_output_that_cannot_be_written(template: Ledger, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir" / "weekly.md"
    both(
        RunIn(template.root),
        (*WEEK, "--format", "md", "--output", missing),
        1,
        f"{missing}：无法写入报告（",
        f"{missing}: cannot write the report (",
        check_zh=False,  # the system's reason, as it says it
    )
    assert not missing.parent.exists()


def test_csv_of_a_report_of_many_tables(template: Ledger) -> None:
    both(
        RunIn(template.root),
        (*WEEK, "--format", "csv"),
        2,
        "--format csv：`report weekly` 有 ",
        "--format csv: `report weekly` has ",
    )
    said = one_error(RunIn(template.root)(*WEEK, "--format", "csv"), 2, "zh")
    assert "CSV 格式只能输出一张表；请改用 --format xlsx 或其他格式" in said


def test_a_binary_format_is_not_written_to_a_terminal(template: Ledger) -> None:
    """stdout a terminal (a pseudo-terminal here): an .xlsx is refused, in either language."""
    for lang, expected in (
        ("zh", ".xlsx 文件不能输出到终端：请加 --output 文件名.xlsx"),
        ("en", "a .xlsx file is not for the terminal: add --output FILE.xlsx"),
    ):
        leader, follower = pty.openpty()
        try:
            result = subprocess.run(
                [sys.executable, "-m", "projledger", *WEEK, "--format", "xlsx", "--lang", lang],
                cwd=template.root,
                env=cli_env(),
                stdin=subprocess.DEVNULL,
                stdout=follower,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                timeout=120,
                check=False,
            )
        finally:
            os.close(follower)
            os.close(leader)
        said = one_error(
            subprocess.CompletedProcess([], result.returncode, "", result.stderr), 2, lang
        )
        assert expected in said, said
        if lang == "zh":
            no_english(said)


def test_a_template_that_is_not_a_word_document(template: Ledger, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a document", encoding="utf-8")
    both(
        RunIn(template.root),
        (*WEEK, "--format", "docx", "--template", bad, "-o", tmp_path / "x.docx"),
        1,
        f"--template {bad}：不是 Word 文档（.docx 或 .dotx）",
        f"--template {bad}: not a Word document (.docx or .dotx)",
    )


def test_a_template_word_cannot_read(template: Ledger, tmp_path: Path) -> None:
    """A zip that says it is a Word document and holds nothing: python-docx's complaint
    stays as it is, inside the sentence."""
    broken = tmp_path / "broken.docx"
    document = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", f'<Types><Override ContentType="{document}"/></Types>'
        )
    both(
        RunIn(template.root),
        (*WEEK, "--format", "docx", "--template", broken, "-o", tmp_path / "x.docx"),
        1,
        f"--template {broken}：无法作为 Word 文档读取（",
        f"--template {broken}: cannot be read as a Word document (",
        check_zh=False,  # the library's words
    )


@pytest.mark.skipif(not Path("/proc/self/mem").is_file(), reason="needs Linux's /proc")
def test_a_template_that_cannot_be_read(template: Ledger, tmp_path: Path) -> None:
    """/proc/self/mem is a regular file that no read from its start succeeds on (EIO), even
    for root: the system's reason stays as it is, inside the sentence."""
    both(
        RunIn(template.root),
        (*WEEK, "--format", "docx", "--template", "/proc/self/mem", "-o", tmp_path / "x.docx"),
        1,
        "--template /proc/self/mem：无法读取该文件（",
        "--template /proc/self/mem: cannot read it (",
        check_zh=False,  # the system's words
    )


# --- list approvals, overdue ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ("list", "approvals", "--procedure", "无此手续"),
            "--procedure “无此手续” 不是审批手续；可选：核准备案、",
            "--procedure '无此手续' is not an approval procedure: 核准备案、",
        ),
        (
            ("list", "approvals", "--status", "已废止"),
            "--status “已废止” 不是可选状态；可选：未办理、办理中、已办结、不涉及、未登记",
            "--status '已废止' is none of 未办理、办理中、已办结、不涉及、未登记",
        ),
        (
            ("overdue", "--leader", "无此人"),
            "--leader “无此人” 不是 projledger.yaml 中声明的人员",
            "--leader '无此人' is not a person declared in projledger.yaml",
        ),
        (
            ("due", "--level", "国家级"),
            "--level “国家级”：请使用“省级”、“市级”或“区级”",
            "--level '国家级': use '省级', '市级' or '区级'",
        ),
    ],
    ids=["procedure", "status", "leader", "level"],
)
def test_filters_that_name_nothing(
    template: Ledger, args: tuple[str, ...], zh: str, en: str
) -> None:
    both(RunIn(template.root), args, 1, zh, en)


# --- show and list: files that check fails --------------------------------------------------


def test_show_warns_of_its_file_s_errors_in_the_run_s_language(ledger: Ledger) -> None:
    ledger.edit(
        "role: 牵头单位, unit: 莱芜区水务局", "role: 牵头单位, unit: 未申报的单位", MATOUSHAN
    )
    run = RunIn(ledger.root)
    shown = run("show", MATOUSHAN, "--as-of", "2026-11-20")
    assert shown.returncode == 0, shown.stderr
    assert re.match(rf"projledger: 警告：{MATOUSHAN}\.yaml 有 \d+ 个错误：", shown.stderr)
    assert "未通过 `projledger check`，修正前各类报告均不含该文件" in shown.stderr
    no_english(shown.stderr)
    shown = run("show", MATOUSHAN, "--as-of", "2026-11-20", "--lang", "en")
    assert shown.returncode == 0, shown.stderr
    assert re.fullmatch(
        rf"projledger: warning: {MATOUSHAN}\.yaml has \d+ error\(s\): `projledger check` "
        "fails it and the reports leave it out until it is fixed\n",
        shown.stderr,
    ), shown.stderr


@pytest.mark.parametrize(
    "args",
    [("list",), ("list", "approvals"), ("list", "issues", "--at", "HEAD", "--json")],
    ids=["list", "approvals", "at"],
)
def test_the_files_left_out_are_named_in_the_run_s_language(
    ledger: Ledger, args: tuple[str, ...]
) -> None:
    (ledger.root / "projects" / "laiwu-zz-broken.yaml").write_text("id: [\n", encoding="utf-8")
    if "--at" in args:
        git(ledger.top, "add", "-A")
        git(ledger.top, "commit", "-q", "-m", "坏文件")
    run = RunIn(ledger.root)
    listed = run(*args)
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr.startswith("projledger: 警告：1 个文件有错误"), listed.stderr
    assert "laiwu-zz-broken.yaml" in listed.stderr
    no_english(listed.stderr)
    listed = run(*args, "--lang", "en")
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr.startswith("projledger: warning: 1 file(s) have errors"), listed.stderr


# --- the roll-up ---------------------------------------------------------------------------


def _district(ledger: Ledger, name: str, place: str) -> Path:
    """Another ledger beside `ledger`, of the office of `place`, in its own repository."""
    other = Ledger.create(ledger.top.parent / name).root
    config = other / "projledger.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("莱芜区", place), encoding="utf-8")
    git(other, "commit", "-q", "-am", "单位")
    return other


def test_rollup_members_that_are_not_ledgers(ledger: Ledger, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    run = RunIn(ledger.root)
    # The first --root is the zh ledger: the run speaks its language.
    both(
        run,
        (*WEEK, "--root", ledger.root, "--root", empty),
        1,
        f"{empty}：不是台账根目录（其中没有 projledger.yaml）；汇总报告的成员须为台账根目录",
        f"{empty}: not a ledger root (no projledger.yaml there); a roll-up reports over",
    )
    both(
        run,
        (*WEEK, "--root", ledger.root, "--root", tmp_path / "nowhere"),
        2,
        f"{tmp_path / 'nowhere'}：目录不存在（汇总报告的成员须为台账根目录）",
        f"{tmp_path / 'nowhere'}: no such directory (a roll-up's ledgers are ledger roots)",
    )
    both(
        run,
        (*WEEK, "--root", ledger.root, "--root", ledger.root / "projects" / ".."),
        2,
        f"{ledger.root} 与 {ledger.root} 是同一台账（{ledger.root}）",
        f"{ledger.root} and {ledger.root} are the same ledger ({ledger.root})",
    )
    twin = Ledger.create(tmp_path / "twin").root
    both(
        run,
        (*WEEK, "--root", twin, "--root", ledger.root),
        2,
        f"{twin} 与 {ledger.root} 名称相同（“济南市莱芜区发展和改革局”）：汇总报告以名称区分各台账",
        f"{twin} and {ledger.root} are both named '济南市莱芜区发展和改革局': a roll-up",
    )


def test_a_rollup_of_a_rollup(ledger: Ledger) -> None:
    city = _district(ledger, "city", "钢城区")
    with (city / "projledger.yaml").open("a", encoding="utf-8") as config:
        config.write(f"rollup:\n  - path: {ledger.root}\n")
    both(
        RunIn(ledger.root),
        (*WEEK, "--root", city, "--root", ledger.root),
        1,
        f"{city} 本身是汇总台账（其 projledger.yaml 在 `rollup:` 下列有成员台账）："
        "请改为列出其成员台账",
        f"{city} is itself a roll-up (its projledger.yaml lists ledgers under `rollup:`)",
    )


def test_rollup_at_a_commit_and_before_the_ledgers(ledger: Ledger) -> None:
    other = _district(ledger, "gangcheng", "钢城区")
    run = RunIn(ledger.root)
    both(
        run,
        (*WEEK, "--root", other, "--root", ledger.root, "--at", "HEAD"),
        2,
        "--at HEAD：多个台账的汇总报告须按日期（YYYY-MM-DD）取数",
        "--at HEAD: a roll-up over several ledgers takes a day (YYYY-MM-DD)",
    )
    # A member's own refusal, said after the member's name.
    said = one_error(
        run(*WEEK, "--root", other, "--root", ledger.root, "--at", "2020-01-01"), 1, "zh"
    )
    assert said.startswith(f"projledger: 错误：{other}：2020-01-01 "), said
    no_english(said)
    said = run(*WEEK, "--root", other, "--root", ledger.root, "--at", "2020-01-01", "--lang", "en")
    assert one_error(said, 1, "en").startswith(f"projledger: error: {other}: no commit "), said


def test_rollup_of_ledgers_in_different_languages(ledger: Ledger) -> None:
    english = _district(ledger, "english", "钢城区")
    config = english / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: zh", "language: en"),
        encoding="utf-8",
    )
    git(english, "commit", "-q", "-am", "English")
    run = RunIn(ledger.root)
    # Without --lang (which would settle it), the first --root's language is the run's.
    said = one_error(run(*WEEK, "--root", ledger.root, "--root", english), 2, "zh")
    assert "各台账使用的语言不同（" in said and "请为汇总报告指定 --lang zh 或 --lang en" in said
    no_english(said)
    said = one_error(run(*WEEK, "--root", english, "--root", ledger.root), 2, "en")
    assert "the ledgers are written in different languages (" in said, said


# --- git -----------------------------------------------------------------------------------


def test_not_a_git_repository(tmp_path: Path) -> None:
    root = copy_root(tmp_path / "root")
    probe = subprocess.run(["git", "rev-parse"], cwd=root, capture_output=True, check=False)
    if probe.returncode == 0:
        pytest.skip("the temporary directory is inside a git work tree")
    run = RunIn(root)
    both(
        run,
        (*LOG.split(), "--today", "2026-11-20"),
        1,
        f"{root} 不在 git 仓库中；台账的每次修改都是一次提交，历史与审计都取自 git。请在该目录"
        "运行 `git init`（或 `projledger init`）；修改命令也可加 --no-commit（只写文件、不提交）",
        f"{root} is not in a git repository; every change is a commit, and history",
    )


@pytest.mark.parametrize(
    ("marker", "zh", "en"),
    [
        ("MERGE_HEAD", "合并（merge）", "a merge"),
        ("rebase-merge/", "变基（rebase）", "a rebase"),
        ("rebase-apply/", "变基（rebase）", "a rebase"),
        ("CHERRY_PICK_HEAD", "拣选（cherry-pick）", "a cherry-pick"),
        ("REVERT_HEAD", "还原（revert）", "a revert"),
    ],
)
def test_a_git_operation_in_progress(ledger: Ledger, marker: str, zh: str, en: str) -> None:
    """The marker git leaves while the operation waits for the user (a real merge stopped
    by a conflict: tests/test_change_faults.py)."""
    path = ledger.top / ".git" / marker.rstrip("/")
    if marker.endswith("/"):
        path.mkdir()
    else:
        path.write_text(ledger.head() + "\n", encoding="utf-8")
    said = ledger.refused(LOG)
    assert f"仓库中有未完成的{zh}；请先完成或中止" in said, said
    no_english(said)
    said = ledger.refused(f"--lang en {LOG}")
    assert f"the repository is in the middle of {en}; finish or abort it first" in said, said


def test_a_detached_head(ledger: Ledger) -> None:
    git(ledger.top, "checkout", "-q", "--detach")
    said = ledger.refused(LOG)
    assert "HEAD 处于分离状态；修改台账前请先切换到分支（`git switch main`）" in said, said
    no_english(said)
    said = ledger.refused(f"--lang en {LOG}")
    assert "HEAD is detached; check out a branch (`git switch main`)" in said, said


def test_an_author_that_is_not_an_identity(ledger: Ledger) -> None:
    said = ledger.refused(f"{LOG} --author wangwu")
    assert "“wangwu” 不是有效的身份；请写成“姓名 <邮箱>”的形式" in said, said
    no_english(said)
    said = ledger.refused(f"--lang en {LOG} --author wangwu")
    assert "'wangwu' is not an identity; write it as 'Name <email>'" in said, said


def test_no_git_identity(ledger: Ledger, tmp_path: Path) -> None:
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
    for lang, expected in (
        ("zh", "git 尚未设置提交人身份；请设置一次：\n  git config --global user.name"),
        ("en", "git does not know who you are; set it once with\n  git config --global"),
    ):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "projledger",
                "--lang",
                lang,
                *LOG.split(),
                "--today",
                "2026-11-20",
            ],
            cwd=ledger.root,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        said = one_error(result, 1, lang)
        assert expected in said, said
        if lang == "zh":
            no_english(said)


def test_git_status_failing(ledger: Ledger) -> None:
    (ledger.top / ".git" / "index").write_bytes(b"garbage")
    both(
        RunIn(ledger.root),
        (*LOG.split(), "--today", "2026-11-20"),
        1,
        "git status 执行失败：仓库是否完好？（可用 git fsck 检查）",
        "git status failed: is the repository intact? (git fsck)",
    )


def test_git_s_own_words_inside_a_translated_sentence(ledger: Ledger) -> None:
    """A hook refuses the commit's ref update (`--no-verify` skips the others): git's
    complaint is quoted as git printed it."""
    hook = ledger.top / ".git" / "hooks" / "reference-transaction"
    run = RunIn(ledger.root)
    for lang, expected in (
        ("zh", "projledger: 错误：git commit 执行失败：refs are frozen"),
        ("en", "projledger: error: git commit failed: refs are frozen"),
    ):
        hook.write_text(
            '#!/bin/sh\n[ "$1" = prepared ] && { echo "refs are frozen" >&2; exit 1; }\nexit 0\n',
            encoding="utf-8",
        )
        hook.chmod(0o755)
        said = one_error(run("--lang", lang, *LOG.split(), "--today", "2026-11-20"), 1, lang)
        assert said.startswith(expected), said
        hook.unlink()
        git(ledger.top, "reset", "-q", "--hard")  # what the refused commit left staged


def test_git_failing_silently_and_a_missing_object(template: Ledger) -> None:
    """What no command line reaches on purpose, asked of git itself: a git that fails
    without a word says its exit code; an object git has not is named."""
    repo = LedgerRepo.open(template.root)
    with pytest.raises(ProjledgerError) as failed:
        repo.git("rev-parse", "--verify", "--quiet", "no-such-branch")
    assert failed.value.text("zh") == "git rev-parse 执行失败（退出码 1）"
    assert failed.value.text("en") == "git rev-parse failed: exit 1"
    with pytest.raises(ProjledgerError) as missing:
        repo.blobs(["0" * 40])
    assert missing.value.text("zh") == f"git cat-file：找不到对象 {'0' * 40}"
    assert missing.value.text("en") == f"git cat-file: no object {'0' * 40}"


def test_csv_of_a_report_without_tables_or_without_the_one_named() -> None:
    """What `render_csv` refuses that the command line cannot ask for (it names a table
    only for `overdue` and `due`, which have it)."""
    report = sample_report()
    with pytest.raises(TableError) as unknown:
        render_csv(report, "nope")
    assert unknown.value.text("zh") == "`report monthly` 中没有表 nope；现有表：projects, issues"
    report.tables = []
    with pytest.raises(TableError) as none:
        render_csv(report)
    assert none.value.text("zh") == "`report monthly` 没有表格，无法输出为 CSV"
    assert none.value.text("en") == "`report monthly` has no table to write as CSV"

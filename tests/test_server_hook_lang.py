"""The server hook speaks the pushed ledger's language (issue 18): a bare repository has
no projledger.yaml on disk, so the hook reads `language:` from the pushed tree (the new
tip; the old tip's when the new config cannot be read; else zh), and every line the
pusher sees ("remote: ...") is in it, whatever the server's locale. `server-hook install`
and `server-hook script` speak the run's language."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import JINGPINGANG, cli_env, copy_root, git, run_cli

PROJECT_FILE = f"projects/{JINGPINGANG}.yaml"
ZH_LOCALE = {"LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}
EN_LOCALE = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def remote_with_clone(top: Path, language: str) -> tuple[Path, Path]:
    """A bare repository holding the sample ledger in `language`, the hook installed
    (in English, from outside any ledger), and a clone of it."""
    remote = top / "shared.git"
    git(top, "init", "-q", "--bare", "-b", "main", str(remote))
    seed = copy_root(top / "seed")
    config = seed / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: zh", f"language: {language}"),
        encoding="utf-8",
    )
    git(seed, "init", "-q", "-b", "main")
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "台账初始化")
    git(seed, "push", "-q", str(remote), "main")
    installed = run_cli("--lang", "en", "server-hook", "install", remote, cwd=top)
    assert installed.returncode == 0, installed.stderr
    clone = top / "clone"
    git(top, "clone", "-q", str(remote), str(clone))
    return remote, clone


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    made = {}
    for language in ("zh", "en"):
        top = tmp_path_factory.mktemp(f"hook-{language}")
        remote_with_clone(top, language)
        made[language] = top
    return made


def shared(templates: dict[str, Path], language: str, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the template (the clone's origin is the remote's absolute path, so the
    clone is pointed at the copy's remote)."""
    top = tmp_path / "top"
    shutil.copytree(templates[language], top, symlinks=True)
    remote, clone = top / "shared.git", top / "clone"
    git(clone, "remote", "set-url", "origin", str(remote))
    return remote, clone


def edit(clone: Path, name: str, old: str, new: str) -> None:
    path = clone / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit(clone: Path, subject: str) -> None:
    git(clone, "commit", "-q", "-am", subject)


def forbidden_commits(clone: Path) -> None:
    """A hand commit `audit` refuses (a deadline deleted, a due date rewritten) and one
    `check` refuses (a person nobody declared)."""
    path = clone / PROJECT_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index("  - {id: D-8MCQ6T")
    path.write_text(text.replace(text[start : text.index("\n", start) + 1], ""), "utf-8")
    edit(clone, PROJECT_FILE, "due: 2026-12-31", "due: 2027-01-31")
    commit(clone, "删掉竣工节点，改期限")
    edit(clone, PROJECT_FILE, "person: 马强", "person: 无名氏")
    commit(clone, "未声明的人")


def push(clone: Path, locale: dict[str, str], branch: str = "main") -> list[str]:
    """Push, as a pusher on a server whose locale is `locale`; the lines the hook said
    (git prints them after "remote:"), which must refuse the push."""
    before = git(clone, "ls-remote", "origin", branch)
    pushed = subprocess.run(
        ["git", "push", "origin", branch],
        cwd=clone,
        env={**cli_env(), **locale},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert pushed.returncode != 0, pushed.stderr
    assert "pre-receive hook declined" in pushed.stderr
    assert git(clone, "ls-remote", "origin", branch) == before
    said = [
        line.removeprefix("remote:").strip()
        for line in pushed.stderr.splitlines()
        if line.startswith("remote:")
    ]
    assert said and "Traceback" not in pushed.stderr, pushed.stderr
    return said


# What Chinese text may hold in Latin letters: finding codes, commands and options in
# backticks, file paths, ids, commit hashes, a ref, the YAML keys and the file's own lines.
_NOT_PROSE = re.compile(
    r"`[^`]*`|\S+\.ya?ml(:\d+)*|refs/\S+|[A-Z]-[0-9A-Z]{6}|\b[0-9a-f]{8}\b|"
    r"\bPL\d{3}\b|projledger|milestone:\S+|[a-z_]+:"
)
_ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[\s,;()']+[A-Za-z]{2,}){1,}")


def english_in(lines: list[str]) -> list[str]:
    """The lines a Chinese reader would find English words in: two or more in a row,
    outside what `_NOT_PROSE` allows. Source lines (`  54 | ...`) and carets are the
    file's, shown as they are."""
    return [
        line
        for line in lines
        if not re.match(r"^\s*\d+ \||^\s*\^\s*$", line)
        and _ENGLISH.search(_NOT_PROSE.sub(" ", line))
    ]


def assert_chinese(said: list[str]) -> None:
    assert not english_in(said), "\n".join(said)
    assert said[0].startswith("projledger: refs/heads/main（"), said[0]
    assert said[-1].startswith("projledger: 推送被拒绝：上述问题违反了台账在 main 上的规则"), said
    assert said[-2].startswith("已检查 "), said


def assert_english(said: list[str]) -> None:
    assert not any(re.search(r"[\u4e00-\u9fff]", line) for line in said if _prose(line)), said
    assert said[0].startswith("projledger: refs/heads/main ("), said[0]
    assert said[-1].startswith("projledger: push refused: the findings above break"), said
    assert re.match(r"\d+ files? checked: ", said[-2]), said


def _prose(line: str) -> bool:
    """Not a quoted source line or caret, and not a finding's message (which quotes the
    file's Chinese values): the lines the hook itself words."""
    return not re.match(r"^\s*\d+ \||^\s*\^\s*$|\S+\.yaml:\d+:\d+: ", line)


def test_a_chinese_ledger_is_refused_in_chinese(templates: dict[str, Path], tmp_path: Path) -> None:
    _, clone = shared(templates, "zh", tmp_path)
    forbidden_commits(clone)
    said = push(clone, EN_LOCALE)  # the server's locale does not decide
    assert_chinese(said)
    text = "\n".join(said)
    assert ": 错误 PL501 时效 D-8MCQ6T（milestone:竣工）在提交 " in text, text
    assert "从时效清单删除；事项不得删除" in text, text
    assert ": 错误 PL504 时效 D-7YB4CG 的时限在提交 " in text, text
    assert ": 错误 PL207 人员“无名氏”未在 projledger.yaml 中声明" in text, text
    for english in ("error PL", "was deleted", "push refused", "checked"):
        assert english not in text, text


def test_an_english_ledger_is_refused_in_english(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    _, clone = shared(templates, "en", tmp_path)
    forbidden_commits(clone)
    said = push(clone, ZH_LOCALE)  # nor does a Chinese one
    assert_english(said)
    text = "\n".join(said)
    assert ": error PL501 " in text and ": error PL504 " in text, text
    assert ": error PL207 person 无名氏 is not declared in projledger.yaml" in text, text
    assert "错误" not in text and "推送被拒绝" not in text, text


def test_a_push_that_changes_the_language_is_answered_in_the_new_one(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    _, clone = shared(templates, "zh", tmp_path)
    edit(clone, "projledger.yaml", "language: zh", "language: en")
    commit(clone, "改用英文")
    forbidden_commits(clone)
    said = push(clone, ZH_LOCALE)  # old tip and locale say zh; the new tip en
    assert_english(said)
    assert any(": error PL501 " in line for line in said), said

    # Back to Chinese in the same push: the new tip decides again.
    edit(clone, "projledger.yaml", "language: en", "language: zh")
    commit(clone, "改回中文")
    assert_chinese(push(clone, EN_LOCALE))

    # A config that no longer says: the config's default, zh, even from an English one.
    git(clone, "reset", "-q", "--hard", "origin/main")
    edit(clone, "projledger.yaml", "language: zh", "language: en")
    commit(clone, "改用英文")
    edit(clone, "projledger.yaml", "language: en\n", "")
    commit(clone, "删去语言")
    forbidden_commits(clone)
    assert_chinese(push(clone, EN_LOCALE))


def test_an_unreadable_config_is_answered_in_the_old_tips_language(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    _, clone = shared(templates, "en", tmp_path)
    edit(clone, "projledger.yaml", "language: en", "language: zh\nunits: [")
    commit(clone, "配置写坏了")
    said = push(clone, ZH_LOCALE)
    assert_english(said)
    assert any(line.startswith("projledger.yaml:") and " error PL" in line for line in said)

    # A language projledger does not speak is not read either: the old tip's.
    git(clone, "reset", "-q", "--hard", "origin/main")
    edit(clone, "projledger.yaml", "language: en", "language: fr")
    commit(clone, "法文")
    said = push(clone, ZH_LOCALE)
    assert_english(said)

    # A new branch whose config cannot be read: the default branch's.
    git(clone, "reset", "-q", "--hard", "origin/main")
    git(clone, "switch", "-q", "-c", "draft")
    edit(clone, "projledger.yaml", "language: en", "language: zh\nunits: [")
    commit(clone, "配置写坏了")
    said = push(clone, ZH_LOCALE, "draft")
    assert said[0].startswith("projledger: refs/heads/draft ("), said
    assert said[-1].startswith("projledger: push refused: "), said


def test_the_hook_command_given_lang_speaks_it(templates: dict[str, Path], tmp_path: Path) -> None:
    remote, clone = shared(templates, "zh", tmp_path)
    hook = remote / "hooks" / "pre-receive"
    hook.write_text(
        hook.read_text(encoding="utf-8").replace("server-hook run", "server-hook run --lang en"),
        encoding="utf-8",
    )
    forbidden_commits(clone)
    assert_english(push(clone, ZH_LOCALE))


def test_install_and_script_speak_the_runs_language(tmp_path: Path) -> None:
    bare = tmp_path / "ledger.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    hook = bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    clone = tmp_path / "clone"
    git(tmp_path, "init", "-q", str(clone))
    refusals = {
        bare: (
            "已存在且不是 projledger 的钩子；请在其中加入一行 `",
            "exists and is not projledger's",
        ),
        clone: (
            "是带工作区的克隆；请将钩子安装在大家推送到的共享裸仓库",
            "is a clone with a work tree",
        ),
        tmp_path / "nowhere": ("不是目录；请给出共享裸仓库的路径", "is not a directory"),
    }
    for target, (zh, en) in refusals.items():
        said = run_cli("--lang", "zh", "server-hook", "install", target, cwd=tmp_path)
        assert said.returncode == 1 and said.stderr.startswith("projledger: 错误："), said.stderr
        assert zh in said.stderr and en not in said.stderr, said.stderr
        said = run_cli("server-hook", "install", target, "--lang", "en", cwd=tmp_path)
        assert said.returncode == 1 and said.stderr.startswith("projledger: error: "), said.stderr
        assert en in said.stderr and zh not in said.stderr, said.stderr

    zh_script = run_cli("server-hook", "script", "--lang", "zh", cwd=tmp_path).stdout
    en_script = run_cli("server-hook", "script", "--lang", "en", cwd=tmp_path).stdout
    assert "# 予以拒绝，并列明所发现的问题。本文件由 `projledger server-hook install` 写入；" in (
        zh_script
    )
    # the marker that tells projledger's hook from others' stays as it is
    comment = zh_script.replace("# projledger server hook", "#").splitlines()[1:-1]
    assert not english_in(comment), zh_script
    assert "rejects, with their findings as the reason" in en_script
    for script in (zh_script, en_script):
        assert script.startswith("#!/bin/sh\n# projledger server hook")
        assert script.endswith(" -P -m projledger server-hook run\n")

    # Installed in Chinese, the hook's comment is the Chinese script's; a hook so written
    # is still known as projledger's, so installing again needs no --force.
    hook.unlink()
    for lang, script in (("zh", zh_script), ("zh", zh_script), ("en", en_script)):
        installed = run_cli("--lang", lang, "server-hook", "install", bare, cwd=tmp_path)
        assert installed.returncode == 0, installed.stderr
        assert hook.read_text(encoding="utf-8") == script
    said = run_cli("--lang", "zh", "server-hook", "install", bare, cwd=tmp_path).stdout
    assert said.startswith("已安装 "), said

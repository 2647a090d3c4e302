"""The config is ledger too: `unit add|rename|retire`, `person add|move` (one commit each,
through the CLI), a dirty projledger.yaml refused, and `init` finishing after a failed commit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import JINGPINGANG, Ledger, git, run_cli

ZHANG_WEI_UNIT = "高庄街道办事处"


def _config(ledger: Ledger) -> str:
    return (ledger.root / "projledger.yaml").read_text(encoding="utf-8")


def _ok(ledger: Ledger, command: str) -> str:
    count = ledger.count()
    result = ledger.run(command)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert ledger.count() == count + 1, "exactly one commit"
    assert ledger.status() == ""
    return result.stdout


def test_unit_add_keeps_comments_and_refuses_a_duplicate(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    before = _config(ledger)
    out = _ok(ledger, "unit add 莱芜区大数据局 --short 区大数据局 --kind 部门")
    assert "新增单位 莱芜区大数据局" in out
    after = _config(ledger)
    added = "  - {name: 莱芜区大数据局, short: 区大数据局, kind: 部门}\n"
    assert after == before.replace(
        "  - {name: 莱芜区人民政府, short: 区政府, kind: 政府}   # 区级领导挂在区政府\n",
        "  - {name: 莱芜区人民政府, short: 区政府, kind: 政府}   # 区级领导挂在区政府\n" + added,
    )
    commit = ledger.show()
    assert commit.trailers["Projledger-Command"] == "unit-add"
    assert commit.files == ["M\tprojledger.yaml"]
    error = ledger.refused("unit add 莱芜区大数据局")
    assert "已声明" in error
    assert ledger.cli("check").returncode == 0


def test_unit_rename_changes_every_project_in_one_commit_and_keeps_closed_issues(
    tmp_path: Path,
) -> None:
    ledger = Ledger.create(tmp_path)
    _ok(ledger, f"unit rename {ZHANG_WEI_UNIT} 高庄街道管理委员会")
    commit = ledger.show()
    assert commit.trailers["Projledger-From"] == ZHANG_WEI_UNIT
    assert "M\tprojledger.yaml" in commit.files
    assert f"M\tprojects/{JINGPINGANG}.yaml" in commit.files
    config = _config(ledger)
    renamed = "{name: 高庄街道管理委员会, short: 高庄街道, kind: 镇街, former: [高庄街道办事处]}"
    assert renamed in config
    assert "{name: 张伟, unit: 高庄街道管理委员会, title: 主任}" in config
    text = ledger.text(JINGPINGANG)
    # The closed issue I-4M8K2P keeps the name it was closed under; the rest are renamed.
    assert text.count(ZHANG_WEI_UNIT) == 1
    assert "unit: 高庄街道管理委员会, person: 张伟" in text
    assert ledger.cli("check").returncode == 0
    assert ledger.cli("audit", f"{ledger.first}..HEAD").returncode == 0


def test_unknown_names_get_the_closest(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    assert "是否指" in ledger.refused("unit rename 高庄街道办 新名称")
    assert "李振华" in ledger.refused("person move 李振 --unit 区发改局")
    assert "区发改局" in ledger.refused("person add 李四 --unit 区发改")


def test_unit_retire_is_refused_while_open_items_name_it(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    error = ledger.refused(f"unit retire {ZHANG_WEI_UNIT}")
    assert "张伟" in error and "R-9PW4TA" in error
    _ok(ledger, "unit add 莱芜区大数据局 --short 区大数据局")
    _ok(ledger, "unit retire 区大数据局")
    assert "{name: 莱芜区大数据局, short: 区大数据局, retired: 2026-11-20}" in _config(ledger)
    assert "撤销" in ledger.refused("person add 李四 --unit 区大数据局")
    assert ledger.cli("check").returncode == 0


def test_person_add_and_move(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    _ok(ledger, "person add 李四 --unit 区发改局 --title 科员")
    assert "{name: 李四, unit: 莱芜区发展和改革局, title: 科员}" in _config(ledger)
    _ok(ledger, "person move 李四 --unit 区住建局")
    assert "{name: 李四, unit: 莱芜区住房和城乡建设局, title: 科员}" in _config(ledger)
    assert ledger.show().trailers["Projledger-Command"] == "person-move"
    assert "已声明" in ledger.refused("person add 李四 --unit 区发改局")


def test_a_dirty_config_is_refused_by_every_change(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    with (ledger.root / "projledger.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# 手工添加的注释\n")
    error = ledger.refused(f"log {JINGPINGANG} I-4M8 进展")
    assert "git commit projledger.yaml" in error and "git checkout -- projledger.yaml" in error
    assert "--commit-hand-edits" in ledger.refused("person add 李四 --unit 区发改局")
    result = ledger.run("person add 李四 --unit 区发改局 --commit-hand-edits")
    assert result.returncode == 0, result.stderr
    assert ledger.status() == ""
    assert ledger.show("HEAD~1").trailers["Projledger-Command"] == "hand-edits"


def test_dry_run_and_no_commit(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    before = _config(ledger)
    result = ledger.run("unit add 区数据局 --dry-run")
    assert result.returncode == 0, result.stderr
    assert "+  - {name: 区数据局}" in result.stdout
    assert _config(ledger) == before


def test_init_finishes_after_a_commit_that_failed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PROJLEDGER_"))}
    env |= {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "EMAIL": "", "PYTHONIOENCODING": "utf-8"}

    def init() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "projledger", "init", "root"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

    failed = init()
    assert failed.returncode == 1
    assert "git config --global user.name" in failed.stderr
    assert "Traceback" not in failed.stderr
    for key, value in (("user.name", "张三"), ("user.email", "zs@example.gov.cn")):
        subprocess.run(["git", "config", "--global", key, value], env=env, check=True)
    again = init()
    assert again.returncode == 0, again.stderr
    root = tmp_path / "root"
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    assert "初始化重点项目台账" in git(root, "log", "--format=%s")
    assert run_cli("check", cwd=root).returncode == 0


def test_renaming_a_short_name_renames_what_uses_it(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    _ok(ledger, "unit rename 高庄街道 高庄街道办")
    assert "{name: 高庄街道办事处, short: 高庄街道办, kind: 镇街}" in _config(ledger)
    assert ledger.cli("check").returncode == 0


def test_messages_follow_the_ledger_s_language(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    config = ledger.root / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: zh", "language: en"),
        encoding="utf-8",
    )
    ledger.commit("English", "2026-11-19T10:00:00+08:00")
    out = _ok(ledger, "unit add 莱芜区大数据局")
    assert "unit 莱芜区大数据局 added" in out
    assert "is declared already" in ledger.refused("unit add 莱芜区大数据局")


def test_a_failed_commit_puts_every_file_back(tmp_path: Path) -> None:
    """git cannot commit (another git holds the index): the rename's files are all put
    back, no commit is made, no journal stays; once git is free the same command works."""
    ledger = Ledger.create(tmp_path)
    before = (ledger.files(), _config(ledger), ledger.head())
    lock = ledger.top / ".git" / "index.lock"
    lock.write_text("")
    result = ledger.run(f"unit rename {ZHANG_WEI_UNIT} 高庄街道管理委员会")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (ledger.files(), _config(ledger), ledger.head()) == before
    assert not (ledger.root / ".projledger" / "journal.json").exists()
    lock.unlink()
    assert ledger.status() == ""
    _ok(ledger, f"unit rename {ZHANG_WEI_UNIT} 高庄街道管理委员会")


def test_check_reports_an_open_item_naming_a_retired_unit(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    config = ledger.root / "projledger.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "{name: 高庄街道办事处, short: 高庄街道, kind: 镇街}",
            "{name: 高庄街道办事处, short: 高庄街道, kind: 镇街, retired: 2026-11-01}",
        ),
        encoding="utf-8",
    )
    result = ledger.cli("check", f"projects/{JINGPINGANG}.yaml")
    assert result.returncode == 1
    assert "PL206" in result.stdout and "2026-11-01" in result.stdout
    # Only the live project's responsibility R-9PW4TA: the closed issue I-4M8K2P and the
    # completed task T-8H3J2Q name it too, and are what it did.
    assert result.stdout.count("PL206") == 1

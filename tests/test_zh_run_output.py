"""A command that cannot load the config or a project file says why in the ledger's
language, placed on the config's first error as `check` places it (ledger/load.py), and
in English with `--lang en`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Ledger, run_cli


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger.create(tmp_path)


def test_a_broken_config_is_named_on_its_line(ledger: Ledger) -> None:
    config = ledger.root / "projledger.yaml"
    lines = config.read_text(encoding="utf-8").split("\n")
    config.write_text("\n".join(lines) + "units: [\n", encoding="utf-8")
    result = run_cli("list", cwd=ledger.root)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"projledger: 错误：配置文件有误，命令无法执行：{config}:{len(lines) + 1}:"
    ), result.stderr  # the file ended inside the bracket: after its last line
    assert "PL007 YAML 语法错误" in result.stderr and "projledger check" in result.stderr
    result = run_cli("list", "--lang", "en", cwd=ledger.root)
    assert result.stderr.startswith(
        "projledger: error: the config is invalid, so the command cannot run: "
    ), result.stderr


def test_a_config_a_rule_rejects_is_quoted_in_chinese(ledger: Ledger) -> None:
    config = ledger.root / "projledger.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("language: zh", "language: zh\nbogus_key: 1", 1), "utf-8")
    result = run_cli("set", "laiwu-matoushan-shuiku", "name", "新名", cwd=ledger.root)
    assert result.returncode == 1
    assert "配置文件有误，命令无法执行" in result.stderr and "bogus_key" in result.stderr


def test_a_project_that_is_a_directory(ledger: Ledger) -> None:
    (ledger.root / "projects" / "xdir.yaml").mkdir()
    result = run_cli("show", "xdir", cwd=ledger.root)
    assert result.returncode == 1
    assert "无法读取" in result.stderr or "没有项目" in result.stderr, result.stderr
    assert "cannot read it" not in result.stderr


def test_show_never_reads_through_a_link(ledger: Ledger, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("secret: 机密内容\n", encoding="utf-8")
    (ledger.root / "projects" / "link.yaml").symlink_to(outside)
    result = run_cli("show", "link", cwd=ledger.root)
    assert result.returncode == 1
    assert "是符号链接" in result.stderr, result.stderr
    assert "机密" not in result.stderr + result.stdout and "secret" not in result.stderr


@pytest.mark.parametrize("where", ["a-file", "a-file/below"])
def test_init_on_a_file_is_refused_not_a_crash(tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("不是目录\n", encoding="utf-8")
    result = run_cli("init", tmp_path / where, "--lang", "zh", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "a-file 是文件，不是目录" in result.stderr, result.stderr
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "不是目录\n"


def test_change_output_in_the_runs_language(ledger: Ledger) -> None:
    args = ("set", "laiwu-matoushan-shuiku", "T-RR55VA.note", "本周已调度", "--today", "2026-11-20")
    result = run_cli(*args, "--dry-run", cwd=ledger.root)
    assert result.stdout.splitlines()[-1].startswith("试运行："), result.stdout
    assert result.stdout.rstrip().endswith("（未写入）")
    result = run_cli(*args, "--dry-run", "--lang", "en", cwd=ledger.root)
    assert result.stdout.rstrip().endswith("(nothing written)")
    result = run_cli(*args, "--no-commit", cwd=ledger.root)
    assert result.stdout.rstrip().endswith("（未提交：--no-commit）"), result.stdout


def test_history_shows_a_record_by_its_labels(ledger: Ledger) -> None:
    """An added extension is a record: in Chinese each of its fields by its label, as
    `show` writes them, not YAML with the file's keys."""
    project, issue = "laiwu-jingpingang-lvse-zhuanxing", "I-9TX3QW"
    extend = ("extend", project, issue, "--to", "2026-12-31", "--reason", "线路调整")
    result = run_cli(*extend, "--approver", "王建国", "--today", "2026-11-20", cwd=ledger.root)
    assert result.returncode == 0, result.stderr
    said = run_cli("history", project, issue, cwd=ledger.root).stdout
    assert "（日期：2026-11-20，新时限：2026-12-31，原因：线路调整，批准人：王建国）" in said, said
    said = run_cli("history", project, issue, "--lang", "en", cwd=ledger.root).stdout
    assert "{date: 2026-11-20, new_due: 2026-12-31, reason: 线路调整, approver: 王建国}" in said


def test_a_file_too_large_for_check_is_refused_by_changes_and_show(ledger: Ledger) -> None:
    """`check` rejects a file over 1 MB (PL002); a change may not build on it, nor may
    `show` present it as a project."""
    path = ledger.root / "projects" / "laiwu-matoushan-shuiku.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\nname: ", "\n# " + "很长的备注" * 80000 + "\nname: ", 1), "utf-8"
    )
    ledger.commit("超大文件", "2026-11-19T10:00:00+08:00")
    before = path.read_bytes()
    args = ("set", "laiwu-matoushan-shuiku", "T-RR55VA.note", "测试", "--today", "2026-11-20")
    for result in (
        run_cli(*args, cwd=ledger.root),
        run_cli("show", "laiwu-matoushan-shuiku", cwd=ledger.root),
    ):
        assert result.returncode == 1, result.stdout
        assert "文件大小为 1.2 MB，台账文件最大为 1 MB" in result.stderr, result.stderr
    assert path.read_bytes() == before
    # By name the file cannot be found (it cannot be read): the error says why.
    result = run_cli("show", "马头山", cwd=ledger.root)
    assert "另有 1 个项目文件无法读取或未通过检查，如 laiwu-matoushan-shuiku.yaml" in result.stderr


def test_a_report_filter_naming_a_left_out_project_says_so(ledger: Ledger) -> None:
    """`overdue --project` of a project whose file fails check: not "no such project"."""
    ledger.edit(
        "unit: 莱芜区水务局, person: 韩雪",
        "unit: 不存在的单位, person: 韩雪",
        "laiwu-matoushan-shuiku",
    )
    by_id = run_cli("overdue", "--project", "laiwu-matoushan-shuiku", cwd=ledger.root)
    assert by_id.returncode == 1
    assert "项目 laiwu-matoushan-shuiku 的文件有错误" in by_id.stderr, by_id.stderr
    by_name = run_cli("overdue", "--project", "马头山", cwd=ledger.root)
    assert "另有 1 个项目文件无法读取或未通过检查" in by_name.stderr, by_name.stderr

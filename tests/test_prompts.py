"""Prompts that forgive (issue 18): on a terminal every change command asks for what is
missing, asks again on a bad answer with the reason, reads the date forms of dates.py and
offers choices as a numbered list; on a pipe it never asks. The CLI runs in a
pseudo-terminal, answering each prompt as it comes."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import MATOUSHAN, TODAY, Ledger, cli_env, run_cli


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger.create(tmp_path / "repo")


def in_terminal(root: Path, *args: str, answers: list[str]) -> tuple[int, str]:
    """Run `projledger ARGS` with a terminal for stdin, stdout and stderr; each time the
    output ends in a prompt (`:`), the next answer is typed. The exit code and everything
    the terminal showed."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "projledger", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=root,
        env=cli_env(),
        close_fds=True,
    )
    os.close(slave)
    shown, pending = b"", list(answers)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the process is gone (EIO on Linux)
                    break
                if not chunk:
                    break
                shown += chunk
                if pending and shown.rstrip().endswith(b":"):
                    os.write(master, pending.pop(0).encode() + b"\n")
            elif process.poll() is not None:
                break
        code = process.wait(timeout=30)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    assert not pending, f"not asked for {pending}:\n{shown.decode()}"
    return code, shown.decode("utf-8", "replace").replace("\r\n", "\n")


def test_retire_asks_for_what_is_missing_and_offers_people_by_number(ledger: Ledger) -> None:
    code, shown = in_terminal(
        ledger.root,
        "retire",
        "马头山",
        "--today",
        TODAY,
        answers=["", "项目调整，不再实施", "王", "1"],
    )
    assert code == 0, shown
    assert "原因:" in shown
    assert "必须填写；请重新输入" in shown  # the empty answer
    assert "   1) 王建国（副区长）" in shown
    assert "王 不在列表中" in shown  # neither a number nor a name
    assert "Traceback" not in shown
    text = ledger.text(MATOUSHAN)
    assert "reason: 项目调整，不再实施" in text and "reviewer: 王建国" in text
    assert ledger.show().trailers["Projledger-Command"] == "retire"


def test_a_date_is_asked_again_until_it_exists(ledger: Ledger) -> None:
    code, shown = in_terminal(
        ledger.root,
        "extend",
        "精品钢",
        "供电线路",
        "--today",
        TODAY,
        answers=["2026-11-31", "2026年12月10日", "雨季影响", "王建国"],
    )
    assert code == 0, shown
    assert "2026-11-31 这一天不存在（请核对该月天数）；请重新输入" in shown
    assert "请重新输入" in shown
    assert ledger.show().trailers["Projledger-To"] == "2026-12-10"


def test_new_offers_levels_pools_and_stages_as_numbered_lists(ledger: Ledger) -> None:
    code, shown = in_terminal(
        ledger.root,
        "new",
        "laiwu-ceshi-xiangmu",
        "--today",
        TODAY,
        answers=[
            "测试项目",  # name
            "2,3",  # levels: 市级, 区级
            "谋划",  # pool: not a choice
            "1",  # 谋划储备
            "文旅",  # industry
            "口镇",  # locality
            "某公司",  # owner
            "1",  # leader: 王建国
            "1",  # stage: 前期研究
            "十亿",  # total: not a number
            "100000",
        ],
    )
    assert code == 0, shown
    assert "   1) 谋划储备" in shown and "十亿 不是数字" in shown
    text = (ledger.root / "projects" / "laiwu-ceshi-xiangmu.yaml").read_text(encoding="utf-8")
    assert "levels: [市级, 区级]" in text
    assert "pool: 谋划储备" in text and "stage: 前期研究" in text


def test_advance_asks_for_the_assignment_with_short_names_and_date_forms(
    ledger: Ledger,
) -> None:
    issue = (
        ledger.run(f"add issue {MATOUSHAN} --title 库区供电线路迁改 --category 配套")
        .stdout.split()[2]
        .rstrip(":")
    )
    code, shown = in_terminal(
        ledger.root,
        "advance",
        "mtssk",
        issue,
        "--today",
        TODAY,
        answers=["发改委", "莱芜供电公司", "马强", "2026/13/01", "2026/12/10"],
    )
    assert code == 0, shown
    assert "是否指：莱芜区发展和改革局？；请重新输入" in shown
    assert "2026/13/01 这一天不存在" in shown
    assert "新增责任 R-" in shown
    text = ledger.text(MATOUSHAN)
    assert "unit: 国网济南市莱芜区供电公司" in text


def test_on_a_pipe_nothing_is_asked(ledger: Ledger) -> None:
    for command, missing in (
        (["retire", MATOUSHAN, "--reason", "x"], "缺少选项 --reviewer。"),
        (["add", "task", MATOUSHAN, "--title", "x"], "缺少选项 --unit。"),
        (["log", MATOUSHAN], "缺少参数 item。"),
        (["extend", MATOUSHAN, "I-Q442SQ", "--reason", "x"], "缺少选项 --to。"),
    ):
        result = run_cli(*command, cwd=ledger.root)
        assert result.returncode == 2, (command, result.stderr)
        assert missing in result.stderr
        assert result.stderr.startswith("用法：")  # the ledger's language
    assert ledger.status() == ""

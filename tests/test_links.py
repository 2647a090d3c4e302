"""Symbolic links out of a ledger root: nothing is read or written through one. `check`
reports each link as a finding (PL013) and reads nothing through it; a change command
refuses with one message and changes nothing, inside the root or outside it.

Once bugs: a project file linked outside was followed by change commands (which replaced
the link with a file and committed the outside content), a `projects/` linked outside
passed `check` and `set` wrote outside the root, and a linked `projledger.yaml` was read.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.helpers import MATOUSHAN, Ledger, git

LINKED_ZH = "；projledger 不通过链接读写任何内容，链接可能指向台账根目录之外：请用"


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger.create(tmp_path / "repo")


def check_json(ledger: Ledger) -> tuple[int, list[tuple[str, str]]]:
    result = ledger.cli("check", "--format", "json", "--no-cache")
    payload = json.loads(result.stdout)
    return result.returncode, [(f["code"], f["file"]) for f in payload["findings"]]


def test_a_project_file_linked_outside(ledger: Ledger, tmp_path: Path) -> None:
    path = ledger.file(MATOUSHAN)
    outside = tmp_path / "outside.yaml"
    shutil.move(path, outside)
    path.symlink_to(outside)
    git(ledger.top, "add", "-A")
    git(ledger.top, "commit", "-q", "-m", "链接")
    before = outside.read_bytes()

    message = ledger.refused(f"set {MATOUSHAN} description 外部内容")
    assert message == (
        f"projledger: 错误：projects/{MATOUSHAN}.yaml 是符号链接（指向 {outside}）"
        f"{LINKED_ZH}文件本身替换该链接\n"
    )
    assert path.is_symlink() and outside.read_bytes() == before
    code, findings = check_json(ledger)
    assert code == 1 and ("PL013", f"projects/{MATOUSHAN}.yaml") in findings


def test_a_projects_folder_linked_outside(ledger: Ledger, tmp_path: Path) -> None:
    projects = ledger.root / "projects"
    outside = tmp_path / "elsewhere"
    shutil.move(projects, outside)
    (outside / "not-a-ledger-file.txt").write_text("outside\n", encoding="utf-8")
    projects.symlink_to(outside)
    git(ledger.top, "add", "-A")
    git(ledger.top, "commit", "-q", "-m", "链接")
    before = {p.name: p.read_bytes() for p in outside.iterdir()}

    message = ledger.refused(f"set {MATOUSHAN} description 外部内容")
    assert message.startswith(f"projledger: 错误：projects 是符号链接（指向 {outside}）；")
    assert message.endswith("：请用目录本身替换该链接\n")
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before
    # `check` reads nothing through the link (the .txt file would be reported otherwise).
    assert check_json(ledger) == (1, [("PL013", "projects")])


def test_a_linked_config(ledger: Ledger, tmp_path: Path) -> None:
    config = ledger.root / "projledger.yaml"
    outside = tmp_path / "shared-config.yaml"
    shutil.move(config, outside)
    config.symlink_to(outside)
    git(ledger.top, "add", "-A")
    git(ledger.top, "commit", "-q", "-m", "链接")

    message = ledger.refused(f"log {MATOUSHAN} I-Q442SQ 进展")
    assert message.startswith("projledger: 错误：projledger.yaml 是符号链接（指向 ")
    assert check_json(ledger) == (1, [("PL013", "projledger.yaml")])


def test_a_new_project_is_not_written_through_a_link(ledger: Ledger, tmp_path: Path) -> None:
    """A dangling link where the new file would go: refused, not replaced."""
    target = tmp_path / "nowhere.yaml"
    link = ledger.root / "projects" / "laiwu-xin-xiangmu.yaml"
    link.symlink_to(target)
    git(ledger.top, "add", "-A")
    git(ledger.top, "commit", "-q", "-m", "链接")
    head = ledger.head()
    result = ledger.run(
        "new laiwu-xin-xiangmu --name 新项目 --level 区级 --pool 谋划储备 --industry 水利"
        " --locality 口镇 --owner 某公司 --leader 王建国 --stage 前期研究 --total 1"
    )
    assert result.returncode == 1
    assert result.stderr.startswith(
        "projledger: 错误：projects/laiwu-xin-xiangmu.yaml 是符号链接（指向 "
    )
    assert link.is_symlink() and not target.exists()
    assert ledger.head() == head


def test_a_linked_state_folder(ledger: Ledger, tmp_path: Path) -> None:
    """.projledger/ holds the lock, the journal and caches: none is written through a link."""
    outside = tmp_path / "state"
    outside.mkdir()
    (ledger.root / ".projledger").symlink_to(outside)
    message = ledger.refused(f"log {MATOUSHAN} I-Q442SQ 进展")
    assert message.startswith("projledger: 错误：.projledger 是符号链接（指向 ")
    assert list(outside.iterdir()) == []
    assert check_json(ledger) == (1, [("PL013", ".projledger")])
    assert list(outside.iterdir()) == []

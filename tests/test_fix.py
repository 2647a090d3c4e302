"""`projledger fix FILE…`: CRLF, BOM, tabs in indentation and the schema header fixed in
place as one commit; anything else refused, named; the findings offer the command."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import JINGPINGANG, MATOUSHAN, Ledger

HEADER = b"# yaml-language-server: $schema=../schemas/project.schema.json\n"


def _commit_bytes(ledger: Ledger, project: str, raw: bytes) -> None:
    """A file committed as git took it (no .gitattributes in the sample: CRLF kept)."""
    ledger.file(project).write_bytes(raw)
    ledger.commit("Windows 上保存", "2026-11-19T10:00:00+08:00")


def test_fix_makes_crlf_bom_and_header_right_in_one_commit(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    good = ledger.file(JINGPINGANG).read_bytes()
    other = ledger.file(MATOUSHAN).read_bytes()
    assert good.startswith(HEADER)
    _commit_bytes(ledger, JINGPINGANG, b"\xef\xbb\xbf" + good.replace(b"\n", b"\r\n"))
    _commit_bytes(ledger, MATOUSHAN, other.removeprefix(HEADER))
    check = ledger.cli("check")
    assert f"`projledger fix projects/{JINGPINGANG}.yaml`" in check.stdout
    assert "dos2unix" not in check.stdout
    count = ledger.count()
    result = ledger.run(f"fix projects/{JINGPINGANG}.yaml projects/{MATOUSHAN}.yaml")
    assert result.returncode == 0, result.stderr
    assert "+# yaml-language-server" in result.stdout  # the diff is shown
    assert ledger.count() == count + 1
    assert ledger.file(JINGPINGANG).read_bytes() == good
    assert ledger.file(MATOUSHAN).read_bytes() == other
    commit = ledger.show()
    assert commit.trailers == {"Projledger-Command": "fix"}
    assert sorted(commit.files) == [
        f"M\tprojects/{JINGPINGANG}.yaml",
        f"M\tprojects/{MATOUSHAN}.yaml",
    ]
    assert ledger.status() == ""
    assert ledger.cli("check").returncode == 0
    again = ledger.run(f"fix projects/{JINGPINGANG}.yaml")
    assert again.returncode == 0 and "无需修正" in again.stdout
    assert ledger.count() == count + 1


def test_tabs_in_indentation_become_spaces_when_unambiguous(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    good = ledger.text(JINGPINGANG)
    tabbed = good.replace("\n  - id: I-", "\n\t- id: I-").replace("\n    title: ", "\n\t  title: ")
    assert tabbed != good
    _commit_bytes(ledger, JINGPINGANG, tabbed.encode("utf-8"))
    assert "projledger fix" in ledger.cli("check").stdout
    result = ledger.run(f"fix projects/{JINGPINGANG}.yaml")
    assert result.returncode == 0, result.stderr
    assert ledger.cli("check").returncode == 0
    assert "\t" not in ledger.text(JINGPINGANG)


def test_what_is_not_safe_is_refused_and_named(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    text = ledger.file(JINGPINGANG).read_bytes()
    broken = text.replace(b"\n", b"\r\n").replace("王建国".encode(), "王建过".encode(), 1)
    _commit_bytes(ledger, JINGPINGANG, broken)
    error = ledger.refused(f"fix projects/{JINGPINGANG}.yaml")
    assert "PL207" in error and "王建过" in error
    assert ledger.file(JINGPINGANG).read_bytes() == broken


def test_a_hand_edited_file_is_refused_unless_committed_with_the_fix(tmp_path: Path) -> None:
    ledger = Ledger.create(tmp_path)
    path = ledger.file(JINGPINGANG)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert "--commit-hand-edits" in ledger.refused(f"fix projects/{JINGPINGANG}.yaml")
    assert "不是本台账的文件" in ledger.refused("fix schemas/project.schema.json")

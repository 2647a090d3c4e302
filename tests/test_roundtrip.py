"""Files people edit survive a load and save unchanged, byte for byte; saving is atomic."""

import datetime as dt
from pathlib import Path

import pytest

from projledger.errors import ProjledgerError
from projledger.store.atomic import write_text_atomic
from projledger.store.document import append_like_siblings, load_document, save_document
from tests.helpers import SAMPLE_PROJECT, SAMPLE_ROOT


@pytest.mark.parametrize(
    "path",
    [SAMPLE_ROOT / "projledger.yaml", *sorted((SAMPLE_ROOT / "projects").glob("*.yaml"))],
    ids=lambda p: p.name,
)
def test_load_then_save_is_byte_identical(path: Path) -> None:
    assert load_document(path).dumps() == path.read_text(encoding="utf-8")


def test_an_edit_keeps_comments_order_and_chinese_text(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(SAMPLE_PROJECT.read_bytes())
    document = load_document(path)
    document.data["investment"]["completed_this_year"] = 360000
    append_like_siblings(
        document.data["issues"][1]["progress"],
        {"date": dt.date(2026, 11, 20), "note": "塔基全部完成"},
    )
    save_document(document)
    before = SAMPLE_PROJECT.read_text(encoding="utf-8").splitlines()
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [line for line in after if line not in before]
    assert changed == [
        "  completed_this_year: 360000   # 1-10月统计数",
        "      - {date: 2026-11-20, note: 塔基全部完成}",
    ]
    assert "\\u" not in path.read_text(encoding="utf-8")
    assert len(after) == len(before) + 1


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    path.chmod(0o640)
    write_text_atomic(path, "a: 2\n")
    assert path.read_text(encoding="utf-8") == "a: 2\n"
    assert (path.stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("a: 1\n", encoding="utf-8")

    class Unwritable(str):
        def encode(self, *args: object, **kwargs: object) -> bytes:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_text_atomic(path, Unwritable("a: 2\n"))
    assert path.read_text(encoding="utf-8") == "a: 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_a_broken_file_is_refused_for_editing_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("a: 1\nb: [1, 2\nc: 3\n", encoding="utf-8")
    with pytest.raises(
        ProjledgerError, match=r"p\.yaml:2:4: YAML syntax: the \[ here is not closed"
    ):
        load_document(path)

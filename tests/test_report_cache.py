"""The reports' caches (`ledger/facts_cache.py`, `store/blob_cache.py`) on real files: a
file whose stat is unchanged is not read again, and no change of a file can hide behind
its stat."""

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from projledger.ledger import facts_cache
from projledger.ledger.facts_cache import DUE_INDEX, FACTS, View, load_view
from projledger.report.build_due import DueFilter, GroupBy, build_due_report
from projledger.root import LedgerRoot
from projledger.store import blob_cache
from projledger.store.blob_cache import BlobCache
from tests.helpers import copy_root

AS_OF = dt.date(2026, 11, 20)
PROJECT = "laiwu-matoushan-shuiku"


class Reads:
    """Counts the project files `load_view` reads (the real reader, counted)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = facts_cache.read_ledger_bytes

        def counted(path: "str | os.PathLike[str]") -> bytes:
            self.count += 1
            return real(path)

        monkeypatch.setattr(facts_cache, "read_ledger_bytes", counted)


def remembered(cache: Path) -> int:
    """How many entries hold a stat."""
    header = cache.read_bytes().partition(b"\n")[0]
    entries = json.loads(header)["files"]
    return sum(len(entry) in (3, 5) and entry[2] is not None for entry in entries.values())


def written_after_the_files(cache: Path, root: Path, seconds: float) -> None:
    """Date the cache's last write `seconds` after the newest change of a project file,
    as if that much time had passed between the files' copy and the run that wrote it."""
    newest = max(p.stat().st_ctime_ns for p in (root / "projects").glob("*.yaml"))
    when = newest + int(seconds * 1e9)
    os.utime(cache, ns=(when, when))


def overdue_targets(root: Path) -> list[str]:
    ledger = load_view(LedgerRoot(root), DUE_INDEX)
    report = build_due_report(
        ledger, AS_OF, overdue=True, within=None, by=GroupBy.UNIT, only=DueFilter(),
        lang="zh", source="",
    )  # fmt: skip
    table = report.table("items")
    column = [c.key for c in table.columns].index("target")
    return sorted(str(row[column]) for row in table.rows)


@pytest.mark.parametrize("view", [DUE_INDEX, FACTS], ids=["due index", "facts"])
def test_a_file_is_known_by_its_stat_only_once_it_had_settled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, view: View[facts_cache.Item]
) -> None:
    root = copy_root(tmp_path / "root")
    files = len(list((root / "projects").glob("*.yaml")))
    reads = Reads(monkeypatch)
    cache = root / ".projledger" / view.cache_file
    load_view(LedgerRoot(root), view)
    assert reads.count == files
    # The files were copied just now, within SETTLED_NS of the run: no stat is trusted.
    assert remembered(cache) == 0
    # The files changed a second before the cache was written: a change within the same
    # tick of the clock could have followed the read without changing the stat.
    written_after_the_files(cache, root, 1)
    load_view(LedgerRoot(root), view)
    assert reads.count == 2 * files
    assert remembered(cache) == 0
    # Ten seconds before: settled; their stats are remembered now...
    written_after_the_files(cache, root, 10)
    load_view(LedgerRoot(root), view)
    assert reads.count == 3 * files
    assert remembered(cache) == files
    # ...and the next run reads no file.
    load_view(LedgerRoot(root), view)
    assert reads.count == 3 * files


def test_a_change_that_keeps_size_and_mtime_is_still_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit of the same length written in place, with the old mtime put back (as
    `touch -r` or an unpacked archive would leave it): the ctime moved, so the file is
    read again and the report follows the new bytes."""
    root = copy_root(tmp_path / "root")
    cache = root / ".projledger" / DUE_INDEX.cache_file
    before = overdue_targets(root)
    written_after_the_files(cache, root, 10)
    assert overdue_targets(root) == before
    assert remembered(cache) > 0
    path = root / "projects" / f"{PROJECT}.yaml"
    old = path.stat()
    text = path.read_bytes()
    # A deadline of the project's, overdue on AS_OF, moved to the next year.
    due = "T-RR55VA"
    changed = text.replace(b"target: T-RR55VA, due: 2026-", b"target: T-RR55VA, due: 2027-")
    assert len(changed) == len(text)
    with path.open("r+b") as stream:
        stream.write(changed)
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    new = path.stat()
    assert (new.st_size, new.st_mtime_ns, new.st_ino) == (old.st_size, old.st_mtime_ns, old.st_ino)
    reads = Reads(monkeypatch)
    after = overdue_targets(root)
    assert reads.count == 1
    assert due in before and due not in after
    # The same as a run without any cache.
    monkeypatch.undo()
    for stale in (root / ".projledger").iterdir():
        stale.unlink()
    assert overdue_targets(root) == after


def test_attachments_are_kept_beside_the_json_through_saves(tmp_path: Path) -> None:
    """Bytes put beside an entry come back as they were, after saves that keep some
    entries' bytes from the file read and add new ones; an entry whose bytes are not in
    the file (a damaged cache) is refused and then dropped."""
    path = tmp_path / "cache.json"
    first = BlobCache(path, "f1")
    first.put("a.yaml", "blob-a", ["A"], attachment="第一\n行".encode())
    first.put("b.yaml", "blob-b", ["B"], attachment=b"")
    first.put("c.yaml", "blob-c", ["C"])
    first.save()
    second = BlobCache(path, "f1")
    assert [second.get(n, f"blob-{n[0]}") for n in ("a.yaml", "b.yaml", "c.yaml")] == [
        ["A"], ["B"], ["C"]
    ]  # fmt: skip
    assert bytes(second.attachment("a.yaml")).decode() == "第一\n行"
    assert bytes(second.attachment("b.yaml")) == bytes(second.attachment("c.yaml")) == b""
    second.put("d.yaml", "blob-d", ["D"], attachment=b"DDDD")
    second.retain({"a.yaml", "d.yaml"})
    second.save()
    # After the save, this instance still answers with the right bytes...
    assert bytes(second.attachment("a.yaml")).decode() == "第一\n行"
    # ...and so does the file.
    third = BlobCache(path, "f1")
    assert set(third.entries) == {"a.yaml", "d.yaml"}
    assert bytes(third.attachment("a.yaml")).decode() == "第一\n行"
    assert bytes(third.attachment("d.yaml")) == b"DDDD"
    # Another fingerprint: nothing is read.
    assert BlobCache(path, "f2").attachment("a.yaml") == b""
    # Bytes placed outside the file.
    third.entries["a.yaml"][3] = 10**6
    with pytest.raises(ValueError, match="not in the file"):
        third.attachment("a.yaml")
    third.dirty = True
    third.save()
    assert set(BlobCache(path, "f1").entries) == {"d.yaml"}


def test_a_first_run_remembers_the_stats_of_files_settled_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a cache file, the time the run began is the mtime of the file it creates
    to save to: files changed before it are known by their stat from the next run on,
    and no temporary file is left behind."""
    root = copy_root(tmp_path / "root")
    files = len(list((root / "projects").glob("*.yaml")))
    monkeypatch.setattr(blob_cache, "SETTLED_NS", 0)  # the copy counts as settled
    reads = Reads(monkeypatch)
    load_view(LedgerRoot(root), DUE_INDEX)
    assert reads.count == files
    assert remembered(root / ".projledger" / DUE_INDEX.cache_file) == files
    load_view(LedgerRoot(root), DUE_INDEX)
    assert reads.count == files
    assert not list((root / ".projledger").glob("*.tmp"))


def _loaded(root: Path, view: View[facts_cache.Item]) -> tuple[dict[str, object], list[str]]:
    ledger = load_view(LedgerRoot(root), view)
    return dict(ledger.projects), ledger.invalid


def _stored(root: Path, view: View[facts_cache.Item]) -> dict[str, tuple[str, object, bytes]]:
    """The cache's entries as (blob id, value, attachment): what does not depend on the
    files' stats."""
    header = (root / ".projledger" / view.cache_file).read_bytes().partition(b"\n")[0]
    cache = BlobCache(root / ".projledger" / view.cache_file, json.loads(header)["fingerprint"])
    return {
        name: (entry[0], entry[1], bytes(cache.attachment(name)))
        for name, entry in cache.entries.items()
    }


@pytest.mark.parametrize("view", [DUE_INDEX, FACTS], ids=["due index", "facts"])
def test_files_parsed_by_worker_processes_give_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, view: View[facts_cache.Item]
) -> None:
    """Files the cache cannot answer for are parsed in forked workers (on a machine with
    more than one core): the same projects, invalid files and cache as in one process,
    for new files, a changed one, one touched with its bytes unchanged, a broken one and
    one too large to read."""
    from projledger import parallel

    workers, alone = copy_root(tmp_path / "workers"), copy_root(tmp_path / "alone")
    calls: list[int] = []
    real_map = parallel.map_in_workers

    def spied(work: object, items: list[object], min_items: int | None = None) -> object:
        calls.append(len(items))
        return real_map(work, items, min_items)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "map_in_workers", spied)

    def both() -> tuple[object, object]:
        monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS", 1)
        in_workers = _loaded(workers, view)
        monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS", 10**9)
        return in_workers, _loaded(alone, view)

    first, first_alone = both()
    assert first == first_alone
    assert PROJECT in first[0]
    assert _stored(workers, view) == _stored(alone, view)
    for root in (workers, alone):
        projects = root / "projects"
        touched = projects / f"{PROJECT}.yaml"
        os.utime(touched, ns=(10**18, 10**18))  # same bytes, another stat
        changed = next(p for p in sorted(projects.glob("*.yaml")) if p != touched)
        changed.write_text(changed.read_text(encoding="utf-8").replace("莱芜", "莱城", 1))
        (projects / "zz-broken.yaml").write_text("id: zz-broken\nname: [\n", encoding="utf-8")
        (projects / "zz-huge.yaml").write_bytes(b"# " + b"x" * (1 << 20) + b"\n")
    calls.clear()
    second, second_alone = both()
    assert calls == [2, 2]  # each run: the changed and the broken file; the rest are known
    assert second == second_alone
    assert second[0].keys() == first[0].keys()
    assert second[1] == sorted([*first[1], "zz-broken.yaml", "zz-huge.yaml"])
    assert _stored(workers, view) == _stored(alone, view)


def test_a_due_index_of_another_format_is_never_decoded_as_this_one(tmp_path: Path) -> None:
    """A cache written for another format of the due index is dropped whole (its
    fingerprint names the format); and entries of the previous shape (a row of the
    project's fields in the JSON, only the deadlines beside it) under the current
    fingerprint are read around: the files are parsed again and the cache rewritten."""
    import dataclasses

    older = dataclasses.replace(DUE_INDEX, version=DUE_INDEX.version - 1)
    assert facts_cache._fingerprint(older, "blob") != facts_cache._fingerprint(DUE_INDEX, "blob")
    root = copy_root(tmp_path / "root")
    expected = overdue_targets(root)
    cache = root / ".projledger" / DUE_INDEX.cache_file
    header, _, attached = cache.read_bytes().partition(b"\n")
    data = json.loads(header)
    assert all(type(entry[1]) is int for entry in data["files"].values())
    for name, entry in data["files"].items():
        entry[1] = [name.removesuffix(".yaml"), "名称", ["市级"], "续建", None, None, "", None]
    cache.write_bytes(json.dumps(data, ensure_ascii=False).encode() + b"\n" + attached)
    assert overdue_targets(root) == expected
    rewritten = json.loads(cache.read_bytes().partition(b"\n")[0])["files"]
    assert rewritten.keys() == data["files"].keys()
    assert all(type(entry[1]) is int for entry in rewritten.values())

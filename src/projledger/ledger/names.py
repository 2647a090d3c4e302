"""Projects by what people call them: the id, the name, a fragment of it, its pinyin.

`find_project(root, typed)` answers `show 马头山`, `advance mtssk ...` without parsing
10,000 files: a whole id is its file (no listing); anything else is matched against
`.projledger/names-cache.json`, each file's name, pool and pinyin under its blob id and
stat (`BlobCache`), so a warm run lists projects/, stats each file and reads one small
JSON file. A file the cache does not know is read with the fast reader, whatever `check`
thinks of it (`show` shows a failing file with a warning; the change commands refuse it
with its finding, which is more use than "no such project").
"""

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from projledger.ids import PROJECT_ID_RE
from projledger.refs import Named, fold, pick_project
from projledger.root import LedgerRoot
from projledger.store.blob_cache import MISS, BlobCache, blob_id, code_fingerprint
from projledger.store.limits import read_ledger_bytes

CACHE_FILE = "names-cache.json"


def find_project(root: LedgerRoot, typed: str) -> str:
    """The id of the project `typed` names (`refs.find_projects`): ambiguity is a usage
    error listing the candidates, nothing found an error naming the closest."""
    if PROJECT_ID_RE.match(typed) and root.project_file(typed).is_file():
        return typed
    return pick_project(typed, project_names(root))


def project_names(root: LedgerRoot) -> list[Named]:
    """Every file in projects/ as `Named` (a file that cannot be read: its id alone)."""
    cache = BlobCache.in_state_dir(root, CACHE_FILE, _fingerprint())
    found: list[Named] = []
    names: set[str] = set()
    try:
        with os.scandir(root.projects_dir) as scan:
            entries = [e for e in scan if e.name.endswith(".yaml") and not e.name.startswith(".")]
    except OSError:
        entries = []
    misses: list[tuple[int, str, bytes, os.stat_result]] = []
    for entry in sorted(entries, key=lambda e: e.name):
        project_id = entry.name.removesuffix(".yaml")
        names.add(entry.name)
        try:
            stat = entry.stat(follow_symlinks=False)
            value = cache.get_by_stat(entry.name, stat)
            if value is MISS:
                raw = read_ledger_bytes(entry.path)
                blob = blob_id(raw)
                value = cache.get(entry.name, blob, stat)
                if value is MISS:
                    misses.append((len(found), blob, raw, stat))
        except OSError:
            value = None
        found.append(_named(project_id, value))
    if misses:
        from projledger.parallel import map_in_workers

        # Parsed in worker processes: a first run over 10,000 files reads them all.
        work = [(found[i].id + ".yaml", raw) for i, _, raw, _ in misses]
        for (index, blob, _, stat), value in zip(
            misses, map_in_workers(_entries, work), strict=True
        ):
            cache.put(f"{found[index].id}.yaml", blob, value, stat)
            found[index] = _named(found[index].id, value)
    cache.retain(names)
    cache.save()
    return found


def remembered_names(root: LedgerRoot) -> list[tuple[str, str, str, str]]:
    """(id, name, pool, pinyin initials) of every file in projects/ as the names cache last
    saw it, for shell completion: no file is stated or read (a name changed since only
    offers a choice the command then checks), and no `Named` is built. A file the cache
    does not hold, or no cache: `project_names`, which builds it.

    Read from `INDEX_FILE`, these four fields a line, which this writes from the cache
    and keeps while the cache file is the one it was written from (its stat): a third of
    the cache's size, and no JSON to parse."""
    try:
        files = os.listdir(root.projects_dir)  # noqa: PTH208 - names only
    except OSError:
        return []
    listed = {file[:-5] for file in files if file[-5:] == ".yaml" and file[0] != "."}
    try:
        index = root.state_dir() / INDEX_FILE
    except OSError:  # a root that cannot be written: the cache is computed each time
        return _from_cache(root, listed)
    # taken before the cache is read: a cache written meanwhile leaves this index stale
    header = _index_header(index.with_name(CACHE_FILE))
    indexed = _read_index(index, header)
    if indexed is not None and listed <= indexed.keys():
        return [(project_id, *indexed[project_id]) for project_id in listed]
    found = _from_cache(root, listed)
    # no cache before: `project_names` has just written the one `found` comes from
    _write_index(index, header or _index_header(index.with_name(CACHE_FILE)), found)
    return found


INDEX_FILE = "names-complete.txt"


def _index_header(cache_path: Path) -> str:
    """What the index is valid for: this code and the names cache file as it is now."""
    try:
        stat = cache_path.stat()
    except OSError:
        return ""
    return f"{_fingerprint()} {stat.st_size} {stat.st_mtime_ns} {stat.st_ino}"


def _read_index(path: Path, header: str) -> dict[str, tuple[str, str, str]] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.split("\n")
    if not header or lines[0] != header:
        return None
    indexed: dict[str, tuple[str, str, str]] = {}
    for line in lines[1:]:
        fields = line.split("\t")
        if len(fields) == 4:
            indexed[fields[0]] = (fields[1], fields[2], fields[3])
    return indexed


def _write_index(path: Path, header: str, found: list[tuple[str, str, str, str]]) -> None:
    """Written atomically, or not at all (a field holding a tab or a line break, a root
    that cannot be written): completion then reads the cache."""
    fields = [field for row in found for field in row]
    if not header or any("\t" in field or "\n" in field for field in fields):
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8") as stream:
            stream.write(header + "\n")
            stream.writelines("\t".join(row) + "\n" for row in found)
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)


def _from_cache(root: LedgerRoot, listed: set[str]) -> list[tuple[str, str, str, str]]:
    cache = BlobCache.in_state_dir(root, CACHE_FILE, _fingerprint())
    entries = cache.entries
    found: list[tuple[str, str, str, str]] = []
    for project_id in listed:
        entry = entries.get(project_id + ".yaml")
        if type(entry) is not list or len(entry) < 2:
            return [(p.id, p.name, p.state, p.initials) for p in project_names(root)]
        value = entry[1]
        if type(value) is list and len(value) == 5 and type(value[0]) is str:
            found.append((project_id, value[0], str(value[1]), str(value[2])))
        else:
            found.append((project_id, "", "", ""))
    return found


def _entries(work: Sequence[tuple[str, bytes]]) -> list[list[str] | None]:
    return [_entry(raw, file) for file, raw in work]


def _named(project_id: str, value: Any) -> Named:
    if type(value) is list and len(value) == 5:
        name, pool, initials, spelled, folded = value
        if type(name) is str and type(folded) is str:
            return Named(project_id, name, str(pool), str(initials), str(spelled), folded)
    return Named(project_id, "")


def _entry(raw: bytes, file: str) -> list[str] | None:
    """[name, pool, initials, pinyin, name as compared] of a project file, or None for one
    without a name."""
    from projledger.store.reader import read_yaml

    data = read_yaml(raw, file).data
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        return None
    name = data["name"]
    pool = data.get("pool")
    initials, spelled = pinyin_of(name)
    return [name, pool if isinstance(pool, str) else "", initials, spelled, fold(name)]


def pinyin_of(name: str) -> tuple[str, str]:
    """The name's pinyin initials and its whole pinyin, lower case, Latin letters and
    digits kept (S242 口镇 → s242kz, s242kouzhen)."""
    from pypinyin import Style, lazy_pinyin

    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, v_to_u=False))
    spelled = "".join(lazy_pinyin(name, v_to_u=False))
    keep = str.maketrans("", "", " -_·()（）")
    return initials.lower().translate(keep), spelled.lower().translate(keep)


def _fingerprint() -> str:
    return code_fingerprint(b"names 2", "ledger/names.py", "refs.py", "store/reader.py")

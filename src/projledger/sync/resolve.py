"""`projledger resolve FILE FIELD --take ours|theirs`: settle one conflict the merge driver
recorded (PL019). The mark line goes; with `theirs`, theirs' value, kept in the mark,
replaces ours' (or removes it, where theirs removed it); theirs' entry of the investment
series brings the figure fields along (series_merge.py). The file must then pass the checks
a change command applies (other recorded conflicts aside), and the change is one commit,
like any change. In the middle of a `git merge` it is staged instead: the merge's
own commit takes it.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from projledger.changes.lock import RootLock
from projledger.errors import ProjledgerError
from projledger.findings import Quoting
from projledger.gitrepo import LedgerRepo
from projledger.messages import msg
from projledger.root import CONFIG_FILE_NAME, LedgerRoot
from projledger.store.conflict_marks import ABSENT, ConflictMark, find_marks
from projledger.sync.field_paths import ITEM_LISTS, locate, parse

Take = Literal["ours", "theirs"]
_LIST_OF_PREFIX = {name[0].upper(): name for name in ITEM_LISTS}


@dataclass
class Resolved:
    path: Path
    field: str
    take: Take
    commit: str | None
    """None when staged for a merge in progress."""
    left: int
    """Conflicts still recorded in the file."""


def resolve(root: LedgerRoot, target: str, field: str, take: Take, lock_wait: float) -> Resolved:
    path = _file(root, target)
    repo = LedgerRepo.open(root.path)
    merging = (repo.git_dir / "MERGE_HEAD").exists()
    with RootLock(root.state_dir(), lock_wait):
        text = path.read_text(encoding="utf-8")
        marks = find_marks(text)
        mark = next((m for m in marks if m.field == field), None)
        if mark is None:
            recorded = ", ".join(m.field for m in marks) or "-"
            raise ProjledgerError(
                msg("sync.no_such_conflict", field=field, file=path.name, recorded=recorded)
            )
        if not merging:
            repo.check_ready()
            if repo.is_dirty(path):
                raise ProjledgerError(msg("sync.resolve_uncommitted", file=repo.relative(path)))
            repo.committer()
        new_text = _without_line(text, mark.line)
        if take == "theirs":
            new_text = _with_theirs(new_text, mark, path)
        _refuse_if_invalid(root, path, new_text)
        if not merging:  # its own commit: whose change it is (the config's members)
            from projledger.changes.guard import refuse_files_authority_rejects

            files = [(path, text.encode("utf-8"), new_text.encode("utf-8"))]
            refuse_files_authority_rejects(root, files, None)
        from projledger.store.atomic import write_text_atomic

        write_text_atomic(path, new_text)
        commit = None
        if merging:
            repo.git("add", "--", repo.relative(path))
        else:
            commit = repo.commit_files([path], _message(path, mark, take, new_text))
    return Resolved(path, field, take, commit, len(marks) - 1)


def _file(root: LedgerRoot, target: str) -> Path:
    if target in (CONFIG_FILE_NAME, "config"):
        return root.config_file
    from projledger.refs import project_in_root

    return root.project_file(project_in_root(root, target.removesuffix(".yaml")))


def _without_line(text: str, number: int) -> str:
    lines = text.splitlines(keepends=True)
    del lines[number - 1]
    return "".join(lines)


def _with_theirs(text: str, mark: ConflictMark, path: Path) -> str:
    from projledger.sync.driver import UnreadableError, editable

    segments = parse(mark.field)
    if segments is None:
        raise _by_hand(mark, path)
    try:
        document = editable(text)
    except UnreadableError:
        raise _by_hand(mark, path) from None
    place = locate(document.data, segments)
    if place is None:
        if len(segments) == 1 and segments[0][0] == "item" and mark.theirs is not ABSENT:
            items = document.data.get(_LIST_OF_PREFIX.get(mark.field[0], ""))
            if isinstance(items, list):
                items.append(_node(mark.theirs, flow=False))
                return str(document.dumps())
        raise _by_hand(mark, path)
    container, key = place
    present = key in container if isinstance(container, dict) else int(key) < len(container)
    if mark.theirs is ABSENT:
        if present:
            del container[key]
    else:
        style = getattr(container[key], "fa", None) if present else None
        flow = style is not None and bool(style.flow_style())
        container[key] = _node(mark.theirs, flow=flow)
    if segments[:2] == [("key", "investment"), ("key", "series")]:
        from projledger.sync.series_merge import follow_series

        follow_series(document.data.get("investment"))
    return str(document.dumps())


def _node(value: Any, *, flow: bool) -> Any:
    """Plain data as round-trip nodes: a short record on one line, as its siblings."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        mapping = CommentedMap((k, _node(v, flow=True)) for k, v in value.items())
        if flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_node(v, flow=True) for v in value)
        if flow or all(not isinstance(v, dict | list) for v in value):
            sequence.fa.set_flow_style()
        return sequence
    return value


def _by_hand(mark: ConflictMark, path: Path) -> ProjledgerError:
    return ProjledgerError(
        msg("sync.resolve_by_hand", field=mark.field, file=path.name, line=mark.text()[:60])
    )


def _refuse_if_invalid(root: LedgerRoot, path: Path, text: str) -> None:
    """The checks of a change command; the other recorded conflicts (PL019) aside."""
    from projledger.check.files import check_config_bytes, check_project_bytes

    raw = text.encode("utf-8")
    if path == root.config_file:
        checked = check_config_bytes(raw, str(path))
    else:
        from projledger.ledger.config_cache import cached_config

        checked = check_project_bytes(raw, str(path), path.stem, cached_config(root))
    errors = [f for f in checked.errors if f.code != "PL019"]
    if errors:
        refused = Quoting("sync.resolve_invalid", tuple(errors), (("file", path.name),))
        raise ProjledgerError(refused)


def _message(path: Path, mark: ConflictMark, take: Take, text: str) -> str:
    from projledger.store.reader import read_yaml

    data = read_yaml(text.encode("utf-8"), path.name).data
    name = data.get("name") if isinstance(data, dict) else None
    label = name or ("台账配置" if path.name == CONFIG_FILE_NAME else path.stem)
    side = "对方" if take == "theirs" else "本方"
    trailers = ["Projledger-Command: resolve"]
    if path.name != CONFIG_FILE_NAME:
        trailers.append(f"Projledger-Project: {path.stem}")
    if mark.field[:2] in {"I-", "T-", "R-", "D-"}:
        trailers.append(f"Projledger-Item: {mark.field.partition('.')[0]}")
    return f"[{label}] 解决合并冲突 {mark.field}: 取{side}的值 ({take})\n\n" + "\n".join(trailers)

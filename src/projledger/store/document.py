"""Ledger files as editable documents: load with ruamel.yaml round-trip, save unchanged
except for what was edited (comments, key order, quoting and Chinese text stay)."""

import errno
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projledger.errors import ProjledgerError
from projledger.findings import Quoting
from projledger.store.atomic import write_text_atomic
from projledger.store.limits import read_ledger_bytes, too_large_finding
from projledger.store.reader import new_roundtrip_yaml, read_yaml

# House style for files whose indentation cannot be guessed (no nested sequence yet).
DEFAULT_SEQUENCE_INDENT = 4
DEFAULT_SEQUENCE_OFFSET = 2


@dataclass
class Document:
    """A loaded ledger file. `data` is a ruamel.yaml CommentedMap: edit it in place."""

    path: Path
    data: Any
    sequence_indent: int
    sequence_offset: int
    text: str = ""
    """The file's text as loaded (a load and dump reproduce it byte for byte)."""

    def dumps(self) -> str:
        yaml = new_roundtrip_yaml()
        yaml.indent(mapping=2, sequence=self.sequence_indent, offset=self.sequence_offset)
        buffer = io.StringIO()
        yaml.dump(self.data, buffer)
        return buffer.getvalue()


def load_document(path: Path) -> Document:
    """Load one file for editing; a file that is not clean ledger YAML is refused with the
    first finding, as `check` would report it."""
    try:
        raw = read_ledger_bytes(path)
    except OSError as exc:
        if exc.errno != errno.EFBIG:
            raise
        too_large = too_large_finding(path.stat().st_size, str(path))
        raise ProjledgerError(Quoting("refusal.first_finding", (too_large,))) from None
    read = read_yaml(raw, str(path), exact=True)
    problems = read.findings
    if problems or read.text is None:
        raise ProjledgerError(Quoting("refusal.first_finding", (problems[0],)))
    indent, offset = guess_sequence_indent(read.text)
    return Document(
        path=path,
        data=read.data,
        sequence_indent=indent if indent is not None else DEFAULT_SEQUENCE_INDENT,
        sequence_offset=offset if offset is not None else DEFAULT_SEQUENCE_OFFSET,
        text=read.text,
    )


_SEQUENCE_UNDER_KEY = re.compile(r"^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n( *)- ", re.MULTILINE)


def guess_sequence_indent(text: str) -> tuple[int | None, int | None]:
    """How the file indents a block sequence under a key (`key:` then `  - item`): the
    content's indent and the dash's offset, as ruamel.yaml's load_yaml_guess_indent
    would say, without parsing the file again."""
    match = _SEQUENCE_UNDER_KEY.search(text)
    if match is None:
        return None, None
    offset = len(match.group(2)) - len(match.group(1))
    return offset + 2, offset


def save_document(document: Document) -> None:
    write_text_atomic(document.path, document.dumps())


def append_like_siblings(sequence: Any, entry: dict[str, Any]) -> Any:
    """Append `entry` to a YAML sequence in the style of its last entry (a one-line
    `{...}` among one-line entries), so an edit reads like the hand-written lines."""
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap(entry)
    if sequence and getattr(sequence[-1], "fa", None) is not None and sequence[-1].fa.flow_style():
        mapping.fa.set_flow_style()
    sequence.append(mapping)
    return mapping


def new_document(path: Path) -> Document:
    """An empty project document in the house style, for a new project file."""
    from ruamel.yaml.comments import CommentedMap

    return Document(
        path=path,
        data=CommentedMap(),
        sequence_indent=DEFAULT_SEQUENCE_INDENT,
        sequence_offset=DEFAULT_SEQUENCE_OFFSET,
    )

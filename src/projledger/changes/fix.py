"""`projledger fix FILE…`: the problems of a file's form that can be fixed without
deciding anything for its author, fixed in place as one commit (many_files.py):

- PL004 a UTF-8 byte-order mark: removed;
- PL005 CRLF (or CR) line ends: LF;
- tabs in the indentation (a YAML syntax error, PL007): spaces, when every tab width
  (2, 4 or 8 columns) the file reads with gives the same data; else refused, as the
  nesting would be a guess;
- PL015 a missing or wrong `# yaml-language-server: $schema=…` first line: written.

Anything else `check` finds an error in the fixed file (a file that is not UTF-8, a
syntax error, a unit not declared ...) is not fixed automatically: the command is
refused, naming each such finding, and nothing is written.
"""

from dataclasses import dataclass
from pathlib import Path

from projledger.changes.many_files import FileEdit, Planned
from projledger.errors import ProjledgerError
from projledger.findings import Finding, Quoting
from projledger.messages import Area, Lang, lists
from projledger.root import CONFIG_FILE_NAME, LedgerRoot
from projledger.store.input_files import refuse_non_regular

say = Area("fix")
"""This module's messages (`messages/`), by the last part of their key."""


TAB_WIDTHS = (2, 4, 8)


@dataclass
class Fixed:
    raw: bytes
    fixes: list[str]
    """Message keys of what was fixed."""


def fix_bytes(raw: bytes, name: str, header: str) -> Fixed:
    """The file with its form fixed (as far as it is safe), and what was fixed."""
    fixes: list[str] = []
    while raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        fixes = ["bom"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Fixed(raw, fixes)  # PL003: named by the refusal
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        fixes.append("crlf")
    untabbed = _untab(text, name)
    if untabbed != text:
        text = untabbed
        fixes.append("tabs")
    first, newline, rest = text.partition("\n")
    if first.rstrip() != header:
        if first.startswith("# yaml-language-server:"):
            text = header + newline + rest
        else:
            text = header + "\n" + text
        fixes.append("header")
    return Fixed(text.encode("utf-8"), fixes)


def _untab(text: str, name: str) -> str:
    """Tabs in the indentation as spaces, if the file then reads the same whatever their
    width; the text as it was when it has none or reads without the change."""
    lines = text.split("\n")
    tabbed = [i for i, line in enumerate(lines) if "\t" in line[: len(line) - len(line.lstrip())]]
    if not tabbed or _reads(text):
        return text
    readings: list[tuple[str, object]] = []
    for width in TAB_WIDTHS:
        candidate = "\n".join(_expand(line, width) for line in lines)
        data = _read(candidate)
        if data is not _UNREAD:
            readings.append((candidate, data))
    if not readings:
        return text  # still a syntax error: named by the refusal
    # A width the file does not read with is no meaning it could have; two that read
    # differently are a guess.
    if any(data != readings[0][1] for _, data in readings[1:]):
        raise ProjledgerError(say.msg("ambiguous_tabs", file=name, line=tabbed[0] + 1))
    return readings[0][0]


def _expand(line: str, width: int) -> str:
    body = line.lstrip(" \t")
    indent = line[: len(line) - len(body)]
    return indent.expandtabs(width) + body


_UNREAD = object()


def _read(text: str) -> object:
    from projledger.store.reader import read_yaml

    read = read_yaml(text.encode("utf-8"), "fix", exact=True)
    return read.data if read.parsed else _UNREAD


def _reads(text: str) -> bool:
    return _read(text) is not _UNREAD


def plan(root: LedgerRoot, files: list[Path], ledger_lang: Lang) -> Planned:
    """Every file's fix, judged: refused (nothing written) if any file keeps an error.
    `ledger_lang`: the commit's subject is written in the ledger's language (the
    refusals are said in the run's)."""
    from projledger.check.files import CONFIG_HEADER, PROJECT_HEADER

    edits: list[FileEdit] = []
    unsafe: list[Finding] = []
    done: list[str] = []
    config = _config_or_none(root)
    for path in dict.fromkeys(files):
        name = path.relative_to(root.path).as_posix()
        raw = path.read_bytes()
        is_config = path == root.config_file
        fixed = fix_bytes(raw, name, CONFIG_HEADER if is_config else PROJECT_HEADER)
        unsafe += _errors(fixed.raw, name, path, is_config, config)
        if fixed.raw != raw:
            edits.append(FileEdit(path, raw, fixed.raw))
            shown = lists.names((say(ledger_lang, key) for key in fixed.fixes), ledger_lang)
            done.append(f"{name} ({shown})")
    if unsafe:
        raise ProjledgerError(Quoting("fix.not_safe", tuple(unsafe)))
    subject = say(ledger_lang, "subject", files="; ".join(done))
    return Planned(edits, subject, "fix", {})


def _errors(raw: bytes, name: str, path: Path, is_config: bool, config: object) -> list[Finding]:
    from projledger.check.files import check_config_bytes, check_project_bytes
    from projledger.model import Config

    if is_config:
        return check_config_bytes(raw, name).errors
    known = config if isinstance(config, Config) else None
    return check_project_bytes(raw, name, path.stem, known).errors


def _config_or_none(root: LedgerRoot) -> object:
    """The config the projects are checked with: the fixed one when it is being fixed."""
    from projledger.check.files import check_config_bytes

    if not root.config_file.is_file():
        return None
    raw = fix_bytes(root.config_file.read_bytes(), CONFIG_FILE_NAME, "").raw
    # The header does not matter for what the config declares.
    return check_config_bytes(raw, CONFIG_FILE_NAME).config


def ledger_files(root: LedgerRoot, given: list[Path]) -> list[Path]:
    """The files named, each the root's config or a project file in it."""
    out: list[Path] = []
    for path in given:
        absolute = path.absolute()
        if not absolute.exists():
            raise ProjledgerError(say.msg("missing", file=path))
        resolved = absolute.resolve()
        is_config = resolved == root.config_file.resolve()
        is_project = resolved.parent == root.projects_dir.resolve() and resolved.suffix == ".yaml"
        if absolute.is_symlink() or not (is_config or is_project):
            raise ProjledgerError(say.msg("not_ledger_file", file=path))
        refuse_non_regular(absolute)
        out.append(root.config_file if is_config else root.projects_dir / resolved.name)
    return out

"""Reading ledger YAML strictly and fast, with one meaning for every file.

Ledger files are YAML 1.2 as ruamel.yaml reads it, restricted to plain data: no tags,
anchors, aliases or merge keys, one document, valid dates. Two readers implement that:

- the exact reader (ruamel.yaml round-trip) gives positions and the authoritative result;
- the fast reader (yaml-rs, ~100x faster) is used only for text where it provably agrees
  with the exact reader: any text that could hold a construct where the two differ (a `!`,
  `&`, `*`, `<<`, a document marker, a timestamp with a time, an impossible date) or that
  yaml-rs rejects is read by the exact reader instead. tests/test_reader_agreement.py pins
  this agreement on the sample ledgers, the bad-input corpus and generated scalars.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from projledger.findings import Finding
from projledger.messages import Message, msg
from projledger.store import conflict_marks
from projledger.store.fast_screen import LONGEST_NUMBER, exact_reader_needed
from projledger.store.limits import MAX_DEPTH
from projledger.store.yaml_errors import yaml_error_finding

# YAML's printable set excludes these; yaml-rs and ruamel.yaml disagree on some of them.
# NEL, LS and PS are line breaks to ruamel.yaml (YAML 1.1) and text to yaml-rs (YAML 1.2):
# a value holding one would read differently and be rewritten by the next change.
_NOT_ALLOWED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_LINE_SEPARATORS = {
    "\x85": "char.nel",
    "\u2028": "char.line_separator",
    "\u2029": "char.paragraph_separator",
}
_COMMENTS_ONLY = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n?)*\Z")
# ruamel.yaml's (YAML 1.1-style) timestamp pattern, applied to plain scalars.
_TIMESTAMP = re.compile(
    r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$"
)


@dataclass
class ReadResult:
    """What reading one file gives: the data (None when unreadable) and findings so far."""

    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    text: str | None = None
    """The decoded text (line ends normalised), for positions and showing lines."""
    exact_reason: Message | None = None
    """Why the exact reader read the text (None when the fast reader did)."""
    parsed: bool = False
    """The YAML was read; `data` is its value (None for a document that is just `~`)."""
    fast: bool = False
    """Read by the fast reader (so `data` has no positions)."""


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def decode(raw: bytes, file: str) -> ReadResult:
    """Bytes to text, with findings for what editors and git handle badly."""
    result = ReadResult()
    if raw.startswith(b"\xef\xbb\xbf"):
        result.findings.append(Finding.of("PL004", msg("PL004", file=file), file, line=1, col=1))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(raw, exc.start)
        result.findings.append(
            Finding.of(
                "PL003", msg("PL003", byte=f"{raw[exc.start]:02x}"), file, line=line, col=col
            )
        )
        return result
    if "\r" in text:
        line, col = _position(raw, raw.index(b"\r"))
        result.findings.append(
            Finding.of("PL005", msg("PL005", file=file), file, line=line, col=col)
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    result.text = text
    return result


def read_yaml(raw: bytes, file: str, *, exact: bool = False) -> ReadResult:
    """Decode and parse one file. `exact` forces the ruamel.yaml reader (for positions)."""
    result = decode(raw, file)
    text = result.text
    if text is None:
        return result
    not_allowed = _NOT_ALLOWED.search(text)
    if not_allowed is not None:
        result.findings.append(_not_allowed_finding(text, not_allowed.start(), file))
        return result
    conflict = _CONFLICT_MARKER.search(text) if "<<<<<<<" in text or ">>>>>>>" in text else None
    if conflict is not None:
        result.findings.append(_conflict_finding(text, conflict.start(), file))
        return result
    data: Any = _NO_DATA
    if exact:
        result.exact_reason = msg("exact_reason.asked")
    else:
        blocker = exact_reader_needed(text)
        if blocker is None:
            data = _read_fast(text)
            if data is _NO_DATA:
                result.exact_reason = msg("exact_reason.refused")
        else:
            result.exact_reason = blocker.describe(text)
    if (data is None or data is _NO_DATA) and _COMMENTS_ONLY.match(text):
        message = msg("PL006.empty") if not text.strip() else msg("PL006.comments")
        result.findings.append(Finding.of("PL006", message, file, line=1, col=1))
        return result
    if data is _NO_DATA:
        data, findings = read_exact(text, file)
        result.findings.extend(findings)
        result.parsed = not findings
    else:
        result.parsed = result.fast = True
    if conflict_marks.PREFIX in text:
        # Conflicts the merge driver recorded (PL019): the file still reads as data.
        result.findings.extend(conflict_marks.mark_findings(text, file))
    result.data = data
    return result


def _not_allowed_finding(text: str, offset: int, file: str) -> Finding:
    line = text.count("\n", 0, offset) + 1
    col = offset - text.rfind("\n", 0, offset)
    char = text[offset]
    code = f"{ord(char):04X}"
    if char in _LINE_SEPARATORS:
        message = msg("PL007.line_separator", code=code, name=_LINE_SEPARATORS[char])
    else:
        message = msg("PL007.control", code=code)
    return Finding.of("PL007", message, file, line=line, col=col)


# What `git merge` leaves where two sides changed the same lines.
_CONFLICT_MARKER = re.compile(r"(?m)^(?:<{7}|>{7})(?: |$)")


def _conflict_finding(text: str, offset: int, file: str) -> Finding:
    line = text.count("\n", 0, offset) + 1
    return Finding.of("PL016", msg("PL016"), file, line=line, col=1)


_NO_DATA: Any = object()


def _valid_date(year: str, month: str, day: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _read_fast(text: str) -> Any:
    import yaml_rs

    try:
        data = yaml_rs.loads(text, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except Exception:
        # Any complaint is reported by the exact reader, in its words and with its position.
        return _NO_DATA
    return data


def too_deep_for_exact_reader(result: ReadResult) -> bool:
    """yaml-rs reads nesting up to ~256 levels; the exact reader refuses past MAX_DEPTH.
    The ledger schemas nest 6 deep, so data that passes validation is never this deep:
    callers ask only about data that failed validation (and then read it exactly)."""
    return result.fast and _deeper_than(result.data, MAX_DEPTH)


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether collections nest more than `limit` deep (the exact reader's limit)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        elif not isinstance(value, list):
            continue
        if depth > limit:
            return True
        stack.extend((item, depth + 1) for item in value if isinstance(item, dict | list))
    return False


def read_exact(text: str, file: str) -> tuple[Any, list[Finding]]:
    """Read with ruamel.yaml round-trip, after checking the event stream for what ledger
    files may not contain (so an alias bomb or a deep nest is never built)."""
    from ruamel.yaml.error import YAMLError

    # Text the fast screen passes holds no tag, anchor, alias, directive or impossible
    # date: the event scan (half the cost) would find nothing.
    scanned = exact_reader_needed(text) is not None
    findings = _scan_events(text, file) if scanned else []
    if findings:
        return None, findings
    try:
        data = new_roundtrip_yaml().load(text)
    except YAMLError as exc:
        return None, [yaml_error_finding(exc, text, file)]
    except (RecursionError, ValueError):
        # Too deep, a number past Python's digit limit, a time that does not exist: the
        # event scan names the place.
        findings = _scan_events(text, file)
        return None, findings or [Finding.of("PL007", msg("PL007.unreadable"), file, line=1, col=1)]
    if not scanned and (data is None or _deeper_than(data, MAX_DEPTH)):
        return None, _scan_events(text, file)  # says where the nesting goes too deep
    return data, []


def new_roundtrip_yaml() -> Any:
    """The one configuration of ruamel.yaml used to read and write ledger files."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap people's long lines
    yaml.allow_unicode = True
    return yaml


def _scan_events(text: str, file: str) -> list[Finding]:
    from ruamel.yaml import events
    from ruamel.yaml.error import YAMLError

    findings: list[Finding] = []
    documents = 0
    depth = 0

    def add(code: str, message: Message, event: Any) -> None:
        mark = event.start_mark
        findings.append(Finding.of(code, message, file, line=mark.line + 1, col=mark.column + 1))

    try:
        for event in new_roundtrip_yaml().parse(text):
            if isinstance(event, events.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    add("PL011", msg("PL011"), event)
                version = getattr(event, "version", None)
                if version is not None and tuple(version) != (1, 2):
                    shown = ".".join(map(str, version))
                    add("PL017", msg("PL017", version=shown), event)
            elif isinstance(event, events.AliasEvent):
                add("PL010", msg("PL010.alias", name=event.anchor), event)
            elif isinstance(event, events.NodeEvent):
                if event.anchor is not None:
                    add("PL010", msg("PL010.anchor", name=event.anchor), event)
                tag = getattr(event, "tag", None)
                if tag is not None and str(tag) not in ("!", ""):
                    shown = str(tag).replace("tag:yaml.org,2002:", "!!")
                    add("PL009", msg("PL009", tag=shown), event)
                if isinstance(event, events.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        add("PL007", msg("PL007.too_deep", depth=MAX_DEPTH), event)
                        return findings
                elif isinstance(event, events.ScalarEvent) and event.style is None:
                    _check_plain_scalar(event, file, findings)
            elif isinstance(event, events.CollectionEndEvent):
                depth -= 1
    except YAMLError as exc:
        findings.append(yaml_error_finding(exc, text, file))
    return _one_per_kind(findings)


def _one_per_kind(findings: list[Finding]) -> list[Finding]:
    """Anchors and aliases are one problem however many there are (an alias bomb has
    hundreds): keep the first, with a count of the rest."""
    aliases = [f for f in findings if f.code == "PL010"]
    if len(aliases) <= 1:
        return findings
    first = aliases[0]
    more = msg(f"{first.key}_more", n=len(aliases) - 1, **dict(first.args))
    summary = Finding.of("PL010", more, first.file, line=first.line, col=first.col)
    return [summary if f is first else f for f in findings if f.code != "PL010" or f is first]


def _check_plain_scalar(event: Any, file: str, findings: list[Finding]) -> None:
    """What a plain scalar may not be: a merge key, a date (and time) that does not exist,
    a number too long to be one."""
    value = event.value
    mark = event.start_mark
    if value == "<<":
        findings.append(
            Finding.of("PL018", msg("PL018"), file, line=mark.line + 1, col=mark.column + 1)
        )
    elif len(value) > LONGEST_NUMBER and value.lstrip("+-").replace("_", "").isdigit():
        message = msg("PL104.too_long_number", digits=len(value))
        findings.append(Finding.of("PL104", message, file, line=mark.line + 1, col=mark.column + 1))
    elif (timestamp := _TIMESTAMP.match(value)) and not _timestamp_exists(timestamp):
        findings.append(
            Finding.of(
                "PL012",
                msg("PL012", value=value),
                file,
                line=mark.line + 1,
                col=mark.column + 1,
            )
        )


def _timestamp_exists(match: re.Match[str]) -> bool:
    year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
    try:
        dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True

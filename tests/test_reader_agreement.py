"""The fast reader (yaml-rs) and the exact reader (ruamel.yaml) give the same data for
every file the fast reader is allowed to read; everything else goes to the exact reader."""

import datetime as dt
import math
import random
from pathlib import Path
from typing import Any

import pytest

from projledger.check.files import check_project_bytes
from projledger.store import reader
from projledger.store.fast_screen import exact_reader_needed
from tests.helpers import REPO, SAMPLE_ROOT


def plain(value: Any) -> Any:
    """ruamel.yaml's round-trip types as plain Python values, for comparison."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, dt.datetime):
        return dt.datetime(*value.timetuple()[:6])
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    for kind in (int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value


REJECTED = object()


def fast_allowed(text: str) -> bool:
    """Whether read_yaml gives `text` to the fast reader."""
    return reader._NOT_ALLOWED.search(text) is None and exact_reader_needed(text) is None


def both(text: str) -> tuple[Any, Any]:
    """The fast reader's data (or _NO_DATA) and the exact reader's (or REJECTED)."""
    fast = reader._read_fast(text)
    exact, findings = reader.read_exact(text, "f.yaml")
    return fast, (REJECTED if findings else exact)


def ledger_texts() -> list[Path]:
    return sorted(SAMPLE_ROOT.rglob("*.yaml")) + sorted((REPO / "tests" / "corpus").rglob("*.yaml"))


def agree(raw: bytes) -> None:
    """What `check` reads (fast where allowed) is what a change reads (always exact): the
    same data, or findings of the same first code."""
    checked = reader.read_yaml(raw, "f.yaml")
    changed = reader.read_yaml(raw, "f.yaml", exact=True)
    if checked.fast and reader._deeper_than(checked.data, reader.MAX_DEPTH):
        assert changed.findings
        return  # see test_too_deep_data_is_reported_as_nesting
    if changed.findings or checked.findings:
        assert [f.code for f in checked.findings][:1] == [f.code for f in changed.findings][:1]
        return
    assert plain(checked.data) == plain(changed.data)


@pytest.mark.parametrize("path", ledger_texts(), ids=lambda p: p.name)
def test_check_reads_every_file_as_a_change_does(path: Path) -> None:
    agree(path.read_bytes())


@pytest.mark.parametrize("path", ledger_texts(), ids=lambda p: p.name)
def test_fast_reader_agrees_on_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    if not fast_allowed(text):
        pytest.skip("routed to the exact reader")
    fast, exact = both(text)
    if fast is reader._NO_DATA:
        return  # yaml-rs refused it: the exact reader decides alone
    if reader._deeper_than(fast, reader.MAX_DEPTH):
        # The one documented difference: such data never passes validation, and the
        # checker then reads it exactly (see test_too_deep_data_is_reported_as_nesting).
        assert exact is REJECTED
        return
    assert exact is not REJECTED, "the fast reader accepted a file the exact reader rejects"
    assert plain(fast) == plain(exact)


SCALARS = [
    "0b101",
    "+1",
    "-0",
    "+.5",
    "1.",
    "1e3",
    "1E3",
    "1e+3",
    "0x1F",
    "0o17",
    "017",
    "08",
    "09.5",
    "1_000",
    "-.inf",
    ".NaN",
    "NULL",
    "Null",
    "~",
    "TRUE",
    "True",
    "tRUE",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "2024-1-5",
    "2024-01-05",
    "20240105",
    "1:20",
    "1:20:30",
    "1.2.3",
    "0.",
    "-",
    "中文",
    "a #b",
    "12:30",
    "1e",
    "0x",
    "+",
    "1,000",
    "１２３",
    "2024-02-29",
    "3.14159",
    "'quoted'",
    '"双引号"',
    "0",
    "-1",
    "1e-3",
    "- a",
    "[1, 2]",
    "{a: 1}",
    "|\n  块\n",
    "%x",
    "@x",
    "`x`",
    "a: b",
    "? x",
    "null ",
    "007",
    "0xZZ",
    ".5e3",
    # Forms yaml-rs and ruamel.yaml type differently: the screen must send them to the
    # exact reader (or read_yaml must refuse them), so both paths give one value.
    "_1",
    "-_1",
    "_1.5",
    "1e1_0",
    "1__0",
    "0x_1F",
    "12:30:00",
    "12:30:00.5",
    "1:30:00",
    "-.5e3",
    "+.5E3",
    "2026-11-20 12:30:00",
    "2026-11-20T12:30:00",
    "2026-11-20t12:30:00",
    "2026-11-20T12:30:00Z",
    "2026-11-20T12:30:00+08:00",
    "2026-11-20 12:30:00 +8",
    "2026-11-20  1:30:00",
    "2026-1-2 1:30:00",
    "2026-11-20T12:30",
    "2026-11-20 12:30",
    "2026-11-20T25:30:00",
    "2026-11-20T12:61:00",
    "2024-02-29",
    "2023-02-29",
    "2026-04-31",
    "2026-00-10",
    "2026-13-01",
    "2026-1-32",
    "<<",
    "<<关于项目推进的通知>>",
    "'2026-11-20'",
    '"2026-11-20"',
    "'2026-11-20 12:30:00'",
    "' 2026-1-2'",
    "R&D",
    "A & B",
    "完成!",
    "3*5米",
    "3#楼",
    "x\u0085y",
    "x\u2028y",
    "x\u2029y",
    '"x\u0085y"',
    "9" * 5000,
]


@pytest.mark.parametrize("scalar", SCALARS, ids=lambda s: s[:30])
def test_check_reads_every_scalar_as_a_change_does(scalar: str) -> None:
    for text in (
        f"value: {scalar}\nlist:\n  - {scalar}\n",
        f"value: [{scalar}]\n",
        f"value: |\n  {scalar}\n",
        f"# {scalar}\nvalue: 1\n",
    ):
        agree(text.encode())


@pytest.mark.parametrize("scalar", SCALARS, ids=lambda s: s[:30])
def test_fast_reader_agrees_on_scalars(scalar: str) -> None:
    text = f"value: {scalar}\nlist:\n  - {scalar}\n"
    if not fast_allowed(text):
        return
    fast, exact = both(text)
    if fast is reader._NO_DATA or exact is REJECTED:
        assert fast is reader._NO_DATA, "the fast reader accepted text the exact reader rejects"
        return
    assert plain(fast) == plain(exact)


def test_fast_reader_agrees_on_random_documents() -> None:
    rng = random.Random(20261120)
    alphabet = [*SCALARS, "项目", "x", "1", "2026-11-20", "3.5", "true", "''", "null"]
    for _ in range(300):
        lines = []
        for index in range(rng.randint(1, 6)):
            value = rng.choice(alphabet)
            if "\n" in value or value.startswith(("- ", "? ")):
                continue
            lines.append(f"k{index}: {value}")
        text = "\n".join(lines) + "\n"
        agree(text.encode())
        if not lines or not fast_allowed(text):
            continue
        fast, exact = both(text)
        if fast is reader._NO_DATA:
            continue
        assert exact is not REJECTED, text
        assert plain(fast) == plain(exact), text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: 2024-02-30\n", "PL012"),
        ("a: 2023-13-01\n", "PL012"),
        ("a: &x 1\nb: *x\n", "PL010"),
        ("a: !!python/object/apply:os.system [ls]\n", "PL009"),
        ("a: !custom x\n", "PL009"),
        ("a: 1\n---\nb: 2\n", "PL011"),
        ("a: 1\na: 2\n", "PL008"),
        ("a: [1, 2\n", "PL007"),
        ("a: " + "[" * 300 + "]" * 300 + "\n", "PL007"),
    ],
)
def test_constructs_outside_plain_data_are_findings(text: str, code: str) -> None:
    result = reader.read_yaml(text.encode(), "f.yaml")
    assert result.data is None
    assert [f.code for f in result.findings][:1] == [code]
    assert result.findings[0].line is not None


def test_quoted_impossible_date_is_text() -> None:
    assert reader.read_yaml(b"a: '2024-02-30'\n", "f.yaml").data == {"a": "2024-02-30"}


def test_too_deep_data_is_reported_as_nesting() -> None:
    text = b"schema_version: 1\nname: " + b"[" * 100 + b"]" * 100 + b"\n"
    checked = check_project_bytes(text, "f.yaml", "f", None)
    assert [f.code for f in checked.findings] == ["PL007"]
    assert "nesting deeper than 64" in checked.findings[0].message

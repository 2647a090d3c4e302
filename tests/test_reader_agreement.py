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
from tests.conftest import REPO, SAMPLE_ROOT


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


def both(text: str) -> tuple[Any, Any]:
    """The fast reader's data (or _NO_DATA) and the exact reader's (or REJECTED)."""
    fast = reader._read_fast(text)
    exact, findings = reader.read_exact(text, "f.yaml")
    return fast, (REJECTED if findings else exact)


def ledger_texts() -> list[Path]:
    return sorted(SAMPLE_ROOT.rglob("*.yaml")) + sorted((REPO / "tests" / "corpus").rglob("*.yaml"))


@pytest.mark.parametrize("path", ledger_texts(), ids=lambda p: p.name)
def test_fast_reader_agrees_on_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    if not reader._fast_reader_agrees(text):
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
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_fast_reader_agrees_on_scalars(scalar: str) -> None:
    text = f"value: {scalar}\nlist:\n  - {scalar}\n"
    if not reader._fast_reader_agrees(text):
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
        if not lines or not reader._fast_reader_agrees(text):
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

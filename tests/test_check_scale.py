"""`check` on a file with thousands of findings: time linear in them, text output capped.

20,000 unknown keys once took 16-44 s (each finding split the text again, searched the
whole text for its key, and computed a spelling suggestion); now a few seconds at most.
"""

import json
import re
import time
from pathlib import Path

import pytest

from tests.helpers import SAMPLE_PROJECT, run_cli

KEYS = 20_000
SHOWN = 100
SECONDS = 10.0
"""Generous: ~0.3 s on the fast reader, ~3 s on the exact one, on a 2-core machine."""

FILE = f"projects/{SAMPLE_PROJECT.name}"


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("extra-field-{n}: 值{n}\n", id="fast-reader"),
        # `_0` is a number form the readers type differently: the exact reader reads it.
        pytest.param("unknown_key_{n}: {n}\n", id="exact-reader"),
    ],
)
def test_twenty_thousand_unknown_keys_check_in_seconds_with_capped_text(
    sample_root: Path, line: str
) -> None:
    path = sample_root / FILE
    text = path.read_text(encoding="utf-8")
    first = text.count("\n") + 1
    path.write_text(text + "".join(line.format(n=n) for n in range(KEYS)), encoding="utf-8")

    start = time.perf_counter()
    result = run_cli("check", "--no-cache", "--lang", "en", cwd=sample_root)  # English text
    seconds = time.perf_counter() - start

    assert result.returncode == 1, result.stderr
    assert seconds < SECONDS, f"check took {seconds:.1f} s"
    headers = [out for out in result.stdout.split("\n") if out.startswith(f"{FILE}:")]
    assert len(headers) == SHOWN + 1
    assert headers[0].startswith(f"{FILE}:{first}:1: error PL102 unknown field")
    assert headers[SHOWN - 1].startswith(f"{FILE}:{first + SHOWN - 1}:1: error PL102 ")
    assert headers[SHOWN] == (
        f"{FILE}: … and {KEYS - SHOWN:,} more findings in this file "
        "(`--format json` lists them all)"
    )
    assert re.search(rf"^\d+ files checked: {KEYS} errors", result.stdout, re.MULTILINE)

    start = time.perf_counter()
    result = run_cli("check", "--format", "json", cwd=sample_root)
    seconds = time.perf_counter() - start
    assert seconds < SECONDS, f"check --format json took {seconds:.1f} s"
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == KEYS
    assert [f["line"] for f in findings] == list(range(first, first + KEYS))

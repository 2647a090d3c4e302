"""Amounts are bounded (at most 10^12 万元 or 亩, none negative), so no report figure can be
infinite: two files of 1.7976931348623157e308 万元 once made a weekly report's sum inf and
its JSON and .xlsx writers crash. Such files are findings (PL104), left out of the reports
like any file `check` fails, and a cache cannot bring an infinite number back."""

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from projledger.store.blob_cache import MISS, BlobCache
from tests.helpers import JINGPINGANG, MATOUSHAN, Ledger

LARGEST_FLOAT = "1.7976931348623157e308"


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    """The sample in git, with two projects' total investment the largest float."""
    ledger = Ledger.create(tmp_path / "top")
    for project in (JINGPINGANG, MATOUSHAN):
        path = ledger.file(project)
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^  total: \d+", f"  total: {LARGEST_FLOAT}", text, count=1)
        path.write_text(text, encoding="utf-8")
    ledger.commit("两个项目的总投资为最大浮点数", "2026-11-20T10:00:00+08:00")
    return ledger


def numbers(value: Any) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, dict):
        return [n for item in value.values() for n in numbers(item)]
    if isinstance(value, list):
        return [n for item in value for n in numbers(item)]
    return []


def test_an_amount_over_the_bound_is_a_finding_on_its_line(ledger: Ledger) -> None:
    result = ledger.cli("check", "--format", "json", "--lang", "en")
    assert result.returncode == 1
    found = {
        (f["file"], f["code"], f["line"], f["message"])
        for f in json.loads(result.stdout)["findings"]
    }
    message = (
        f"investment.total: {float(LARGEST_FLOAT)!r} is larger than any amount can be (at most "
        "10^12 万元 or 亩); check the number and its unit"
    )
    assert found == {
        (f"projects/{JINGPINGANG}.yaml", "PL104", 30, message),
        (f"projects/{MATOUSHAN}.yaml", "PL104", 33, message),
    }


@pytest.mark.parametrize("output", ["json", "xlsx"])
def test_reports_leave_such_files_out_and_every_figure_is_finite(
    ledger: Ledger, output: str
) -> None:
    out = ledger.root.parent / f"weekly.{output}"
    result = ledger.cli(
        "report", "weekly", "--week", "2026-W47", "--format", output, "--output", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "internal error" not in result.stderr
    assert out.stat().st_size > 0
    if output == "json":
        payload = json.loads(out.read_text(encoding="utf-8"))
        assert set(payload["invalid_files"]) >= {f"{JINGPINGANG}.yaml", f"{MATOUSHAN}.yaml"}
        assert all(math.isfinite(n) for n in numbers(payload))


@pytest.mark.parametrize("number", [b"Infinity", b"-Infinity", b"NaN", b"1e999"])
def test_a_cache_holding_an_infinite_number_is_not_trusted(tmp_path: Path, number: bytes) -> None:
    """orjson refuses these; the json module, which reads caches orjson cannot (file names
    that are not UTF-8), must refuse them too: the whole cache is then a miss."""
    path = tmp_path / "cache.json"
    path.write_bytes(b'{"fingerprint": "f", "files": {"a.yaml": ["blob", [%s]]}}' % number)
    assert BlobCache(path, "f").get("a.yaml", "blob") is MISS
    path.write_bytes(b'{"fingerprint": "f", "files": {"a.yaml": ["blob", [1.5]]}}')
    assert BlobCache(path, "f").get("a.yaml", "blob") == [1.5]

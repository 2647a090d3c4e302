"""Both ways of finding a finding's line agree, on every path of every sample file."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from projledger.store.locate import locate, locate_in_text
from projledger.store.reader import read_yaml
from tests.helpers import SAMPLE_ROOT


def paths(data: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if prefix:
        yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, (*prefix, index))


@pytest.mark.parametrize("path", sorted(SAMPLE_ROOT.rglob("*.yaml")), ids=lambda p: p.name)
def test_event_walk_agrees_with_round_trip_marks(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = read_yaml(text.encode(), "f", exact=True).data
    locs = list(paths(document))
    locs += [(*loc, "missing-key") for loc in locs] + [(*loc, 99) for loc in locs]
    assert locate_in_text(text, locs) == [locate(document, loc) for loc in locs]


def test_null_key_is_located() -> None:
    text = "a: 1\n: 钢铁\n"
    assert locate_in_text(text, [("None",)]) == [(2, 1)]


@pytest.mark.parametrize("path", sorted(SAMPLE_ROOT.rglob("*.yaml")), ids=lambda p: p.name)
def test_top_level_keys_are_found_without_parsing(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = read_yaml(text.encode(), "f", exact=True).data
    for key in document:
        assert locate_in_text(text, [(key,)]) == [locate(document, (key,))]

"""Fixtures only: what tests share otherwise is in tests/helpers.py."""

from pathlib import Path

import pytest

from tests.helpers import copy_root


@pytest.fixture
def sample_root(tmp_path: Path) -> Path:
    return copy_root(tmp_path / "root")

"""Fixtures only: what tests share otherwise is in tests/helpers.py."""

from pathlib import Path

import pytest

from tests.helpers import Ledger, copy_root


@pytest.fixture
def sample_root(tmp_path: Path) -> Path:
    return copy_root(tmp_path / "root")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    """The committed sample repository a module's tests copy (`ledger`)."""
    return Ledger.create(tmp_path_factory.mktemp("template") / "repo")


@pytest.fixture
def ledger(template: Ledger, tmp_path: Path) -> Ledger:
    """A fresh copy of the module's `template` for one test (a module may define its own)."""
    return template.copy(tmp_path / "repo")

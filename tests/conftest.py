"""Shared fixtures: a fresh term base per test, a click runner, the bundled seed corpus."""
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "corpus"


@pytest.fixture
def store_path(tmp_path):
    return str(tmp_path / "terms.db")


@pytest.fixture
def fresh_store(store_path):
    store = open_store(store_path)
    yield store
    store.close()


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def seeds_dir():
    return SEEDS


@pytest.fixture
def glossary_exe():
    """The installed console script beside the running interpreter."""
    exe = Path(sys.executable).with_name("glossary")
    if not exe.exists():
        pytest.skip("console script not installed (pip install -e .)")
    return str(exe)

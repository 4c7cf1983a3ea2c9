"""`glossary extract --engine dask` gives the same term base as the local engine.

The map step runs on Dask (a dask.bag over the inputs) and comes back in input order, so the merge,
and therefore the JSON export, must be identical to the local engine's, timestamps aside.
"""
import json
from pathlib import Path

import pytest

from glossary.cli import cli

pytest.importorskip("dask.bag", reason="dask not installed (pip install 'dask[bag]')")

STAMPS = {"created", "modified", "added"}


def strip_stamps(value):
    if isinstance(value, dict):
        return {k: strip_stamps(v) for k, v in value.items() if k not in STAMPS}
    if isinstance(value, list):
        return [strip_stamps(v) for v in value]
    return value


def extract_and_export(runner, tmp_path, corpus, name, *options):
    db, out = str(tmp_path / f"{name}.db"), tmp_path / f"{name}.json"
    r = runner.invoke(cli, ["--db", db, "extract", str(corpus), *options])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["--db", db, "export", "--format", "json", "-o", str(out)])
    assert r.exit_code == 0, r.output
    return strip_stamps(json.loads(out.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def local_export(tmp_path_factory):
    from click.testing import CliRunner

    seeds = Path(__file__).resolve().parent.parent / "seeds" / "corpus"
    return extract_and_export(CliRunner(), tmp_path_factory.mktemp("local"), seeds, "local")


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["synchronous", "processes"])
def test_dask_engine_gives_the_same_export_as_local(runner, tmp_path, seeds_dir, local_export, jobs):
    """--jobs 1 runs Dask's synchronous scheduler, --jobs 2 its local processes scheduler."""
    got = extract_and_export(runner, tmp_path, seeds_dir, "dask", "--engine", "dask", "--jobs", jobs)
    assert len(got["concepts"]) > 100
    assert got == local_export

"""The registry, write_file/read_file, atomic writing, the generic filters and streaming."""
import dataclasses
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import exports
from exports import ExportOptions, format_for_path, get_format, names, read_file, write_file, write_stream
from exports.base import Format, prepare
from glossary.errors import GlossaryError, NotFound
from glossary.model import Concept, Occurrence, Term

from exports_fixtures import sample_concepts

ROOT = Path(__file__).resolve().parent.parent


def test_names_and_formats():
    assert names() == ["csv", "json", "tbx", "tsv", "xlsx"]
    for name in names():
        fmt = get_format(name)
        assert isinstance(fmt, Format) and fmt.name == name and fmt.extensions
    assert get_format("TBX") is get_format("tbx")


def test_unknown_format_lists_the_choices():
    with pytest.raises(NotFound) as e:
        get_format("docx")
    assert "csv, json, tbx, tsv, xlsx" in str(e.value)


@pytest.mark.parametrize("name, fmt", [("a.tbx", "tbx"), ("A.XLSX", "xlsx"), ("a.csv", "csv"), ("a.tsv", "tsv"),
                                       ("glossary.txt", "tsv"), ("g.utf8", "tsv"), ("g.json", "json")])
def test_format_for_path(name, fmt):
    assert format_for_path(name).name == fmt


def test_unknown_extension(tmp_path):
    with pytest.raises(NotFound) as e:
        write_file(sample_concepts(), tmp_path / "g.docx")
    assert ".tbx" in str(e.value) and "g.docx" in str(e.value)


def test_explicit_format_beats_the_extension(tmp_path):
    path = tmp_path / "glossary.dat"
    write_file(sample_concepts(), path, fmt="json")
    assert len(list(read_file(path, fmt="json"))) == 5


def test_import_is_lazy():
    """`import exports` (and listing the formats) loads neither openpyxl nor opencc."""
    code = ("import sys, exports; exports.names(); "
            "print(sorted(m for m in ('openpyxl', 'opencc') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- atomic writing

def _failing(after):
    for i, c in enumerate(sample_concepts() * 10):
        if i == after:
            raise RuntimeError("disk on fire")
        yield c


@pytest.mark.parametrize("fmt", ["tbx", "xlsx", "csv", "tsv", "json"])
def test_interrupted_export_leaves_the_old_file(tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(b"previous export")
    with pytest.raises(RuntimeError):
        write_file(_failing(7), path)
    assert path.read_bytes() == b"previous export"
    assert os.listdir(tmp_path) == [path.name]           # no temporary file left behind


def test_interrupted_first_export_leaves_nothing(tmp_path):
    def interrupted():
        yield sample_concepts()[0]
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        write_file(interrupted(), tmp_path / "g.tbx")
    assert os.listdir(tmp_path) == []


def test_write_errors_name_the_path(tmp_path):
    target = tmp_path / "no" / "such" / "dir" / "g.tbx"
    with pytest.raises(GlossaryError) as e:
        write_file(sample_concepts(), target)
    assert str(target) in str(e.value)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_unencodable_text_is_a_glossary_error(tmp_path, fmt):
    path = tmp_path / f"s.{fmt}"
    with pytest.raises(GlossaryError) as e:
        write_file([Concept(terms=[Term("bad \ud800 surrogate", "en")])], path)
    assert str(path) in str(e.value) and not path.exists()


def test_surrogates_and_controls_are_dropped_where_xml_forbids_them(tmp_path):
    path = tmp_path / "s.tbx"
    write_file([Concept(terms=[Term("bad \ud800 sur\x01rogate", "en")])], path)
    assert [t.text for c in read_file(path) for t in c.terms] == ["bad  surrogate"]


def test_bad_options_name_the_path(tmp_path):
    with pytest.raises(GlossaryError) as e:
        write_file(sample_concepts(), tmp_path / "g.tbx", options=ExportOptions(tbx_version=4))
    assert "choose 2" in str(e.value) and "g.tbx" in str(e.value)
    with pytest.raises(GlossaryError, match="pinyin style"):
        write_file(sample_concepts(), tmp_path / "g.tbx", options=ExportOptions(pinyin_style="ipa"))
    with pytest.raises(GlossaryError, match="unknown status"):
        write_file(sample_concepts(), tmp_path / "g.tbx", options=ExportOptions(status={"approved"}))


def test_permissions_follow_umask(tmp_path):
    path = tmp_path / "g.json"
    write_file(sample_concepts(), path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


# ---------------------------------------------------------------- the generic filters (base.prepare)

def texts(concepts, lang=None):
    return [[t.text for t in c.terms if lang is None or t.lang == lang] for c in concepts]


def test_prepare_orders_preferred_first_and_does_not_touch_the_input():
    original = sample_concepts()
    before = [dataclasses.asdict(c) for c in original]
    out = list(prepare(original, ExportOptions(pinyin_style="plain", traditional="zh-TW")))
    assert [dataclasses.asdict(c) for c in original] == before
    assert texts(out)[4] == ["National People's Congress", "NPC", "全国人民代表大会", "全国人大",
                             "全國人民代表大會", "全國人大"]
    assert out[0].terms[2].pinyin == "liang ge queli"


def test_status_filter():
    out = list(prepare(sample_concepts(), ExportOptions(status={"preferred"})))
    assert [c.id for c in out] == [1, 2, 5]          # concepts left without terms are dropped
    assert all(t.status == "preferred" for c in out for t in c.terms)


def test_category_and_confidence_filters():
    out = list(prepare(sample_concepts(), ExportOptions(categories={"slogan", "plan"}, min_confidence=0.5)))
    assert [c.id for c in out] == [1, 2]
    kept = texts(out)
    assert "two affirmations" not in kept[0]          # 0.4 < 0.5
    assert "=SUM(A1:A9)" not in kept[1] and "十四五" in kept[1]      # 0.25 dropped, 0.5 kept
    assert "14th Five-Year Plan" in kept[1]           # no confidence: kept


def test_preferred_only():
    out = list(prepare(sample_concepts(), ExportOptions(preferred_only=True)))
    assert texts(out)[1] == ["14th Five-Year Plan", "“十四五”规划"]
    assert all(len(c.terms) <= 2 for c in out)


def test_language_codes_are_options(tmp_path):
    path = tmp_path / "g.tbx"
    write_file(sample_concepts(), path, options=ExportOptions(en_lang="en-US", zh_lang="zh-Hans"))
    text = path.read_text(encoding="utf-8")
    assert 'xml:lang="en-US"' in text and 'xml:lang="zh-Hans"' in text
    assert {t.lang for c in read_file(path) for t in c.terms} == {"en-US", "zh-Hans"}


# ---------------------------------------------------------------- streaming

def _many(n):
    for i in range(n):
        yield Concept(category="policy", id=i, terms=[
            Term(f"term number {i}", "en", status="preferred",
                 occurrences=[Occurrence("a.txt", 0, 4, f"A sentence with term number {i}.")]),
            Term(f"术语{i}", "zh-CN", pinyin="shùyǔ")])


@pytest.mark.parametrize("fmt", ["tbx", "csv", "tsv", "json", "xlsx"])
def test_memory_does_not_grow_with_the_export(tmp_path, fmt):
    def peak(n):
        tracemalloc.start()
        write_file(_many(n), tmp_path / f"m{n}.{fmt}")
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top
    small, big = peak(1000), peak(10000)
    assert big < small * 2 + 2_000_000, (small, big)


def test_tbx_reading_streams(tmp_path):
    path = tmp_path / "big.tbx"
    write_file(_many(20000), path)
    tracemalloc.start()
    count = 0
    for _ in read_file(path):
        count += 1
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 20000 and top < 3_000_000


@pytest.mark.parametrize("fmt", ["tbx", "xlsx", "csv", "tsv", "json"])
def test_write_stream_to_a_text_console(tmp_path, fmt):
    """`glossary export -f FMT` to stdout: the bytes are the file's bytes, whatever the console encoding."""
    out = tmp_path / f"out.{fmt}"
    with open(out, "w", encoding="ascii") as console:          # a console that cannot print Chinese
        assert write_stream(sample_concepts(), console, fmt) == 5
    back = list(read_file(out))
    assert "两个确立" in {t.text for c in back for t in c.terms}
    if fmt == "csv":
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_write_stream_binary_and_text_only_streams():
    import io
    buf = io.BytesIO()
    write_stream(sample_concepts(), buf, "tbx", ExportOptions(tbx_version=3))
    assert buf.getvalue().startswith(b"<?xml")
    text = io.StringIO()
    write_stream(sample_concepts(), text, "json")
    assert '"两个确立"' in text.getvalue()
    with pytest.raises(GlossaryError, match="binary format"):
        write_stream(sample_concepts(), io.StringIO(), "xlsx")


def test_reader_crashes_become_format_errors(tmp_path, monkeypatch):
    import exports.jsonfile as jsonfile
    path = tmp_path / "g.json"
    write_file(sample_concepts(), path)

    def boom(*a, **k):
        raise RecursionError("too deep")
    monkeypatch.setattr(jsonfile, "_concept", boom)
    with pytest.raises(GlossaryError) as e:
        list(read_file(path))
    assert "RecursionError" in str(e.value) and str(path) in str(e.value)


def test_module_docstring_example():
    assert exports.names() == ["csv", "json", "tbx", "tsv", "xlsx"]


def test_next_export_removes_what_a_killed_export_left(tmp_path):
    """A SIGKILL'd export leaves its hidden temporary file; the next export to the same target
    removes it once it is old enough not to belong to an export still running."""
    import time

    target = tmp_path / "g.tbx"
    stale = tmp_path / ".g.tbx.k1ll3d.part"
    stale.write_text("<martif")
    os.utime(stale, (time.time() - 7200,) * 2)
    running = tmp_path / ".g.tbx.runn1n.part"
    running.write_text("<martif")
    write_file(sample_concepts(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".g.tbx.runn1n.part", "g.tbx"]

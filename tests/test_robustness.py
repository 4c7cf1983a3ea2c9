"""Robustness at the boundaries: odd encodings into `extract`, hostile files into `import`, fuzzed readers.

Every refusal must be one line, ``glossary: error: <file>...``, exit status 1, no traceback, and must
leave the term base exactly as it was (compared through a JSON export before and after).
"""
import codecs
import io
import os
import random
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from glossary.cli import cli
from glossary.errors import GlossaryError

SEED = sorted((Path(__file__).resolve().parent.parent / "seeds" / "corpus").glob("*.txt"))[1]
# Plain text every codec below can carry (the seeds hold U+00A0 and curly quotes, which Big5 cannot).
ENGLISH = SEED.read_text(encoding="utf-8").replace("\xa0", " ").replace("\u2019", "'").replace(
    "\u2018", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u2014", "-").replace("\u2013", "-")
ZH_TRAD = "臺北市政府外事辦公室負責國際交往中心建設。"
ZH_SIMP = "北京市人民政府外事办公室负责国际交往中心建设。"


def run(runner, db, *args):
    return runner.invoke(cli, ["--db", db, *args])


def assert_one_line_error(result, name):
    """exit 1, one line naming the file, no traceback, no exception other than the exit."""
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("glossary: error: ") and name in lines[0], lines[0]
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def english_terms(db):
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT text FROM terms WHERE lang = 'en'").fetchall())
    finally:
        conn.close()


def snapshot(runner, db, tmp_path):
    """The whole term base as a JSON export (bytes); identical before and after means unchanged."""
    out = tmp_path / f"snap{len(list(tmp_path.glob('snap*')))}.json"
    r = run(runner, db, "export", "--format", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    return out.read_bytes()


# -- encodings into extract ------------------------------------------------------------------------

ENCODED = {
    "utf8.txt": ENGLISH.encode("utf-8"),
    "utf8-bom.txt": codecs.BOM_UTF8 + ENGLISH.encode("utf-8"),
    "utf16le-bom.txt": codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"),
    "utf16be-bom.txt": codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"),
    "gb18030.txt": (ENGLISH + "\n\n" + ZH_SIMP + "\n").encode("gb18030"),
    "big5.txt": (ENGLISH + "\n\n" + ZH_TRAD + "\n").encode("big5"),
}


@pytest.fixture(scope="module")
def utf8_terms(tmp_path_factory):
    from click.testing import CliRunner

    d = tmp_path_factory.mktemp("utf8")
    (d / "a.txt").write_bytes(ENCODED["utf8.txt"])
    db = str(d / "t.db")
    r = CliRunner().invoke(cli, ["--db", db, "extract", str(d / "a.txt"), "--no-reference"])
    assert r.exit_code == 0, r.output
    return english_terms(db)


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_extract_reads_every_usual_encoding_like_utf8(runner, tmp_path, name, utf8_terms):
    path = tmp_path / name
    path.write_bytes(ENCODED[name])
    db = str(tmp_path / "t.db")
    r = run(runner, db, "extract", str(path), "--no-reference")
    assert r.exit_code == 0, r.output
    assert "1 documents" in r.output
    assert english_terms(db) == utf8_terms   # same English text, same terms, whatever the bytes


@pytest.mark.parametrize("codec,text", [("gb18030", ZH_SIMP * 3), ("big5", ZH_TRAD * 3), ("utf-16", ZH_SIMP * 3),
                                        ("utf-8-sig", ZH_SIMP * 3), ("gb18030", "Beijing. " * 3 + ZH_SIMP)])
def test_chinese_text_decodes_exactly(tmp_path, codec, text):
    from glossary.textio import read_text

    path = tmp_path / "zh.txt"
    path.write_bytes(text.encode(codec))
    assert read_text(path) == text


def test_mostly_english_big5_is_not_read_as_gb18030(tmp_path):
    from glossary.textio import read_text

    text = "Beijing news. " * 30 + ZH_TRAD
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    assert read_text(path) == text


BINARY = {
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "archive.txt": None,   # a real zip, made below
    "nuls.txt": b"abc\x00\x01\x02" * 100,
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_extract_refuses_binary_files(runner, tmp_path, name):
    data = BINARY[name]
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("a.txt", ENGLISH)
        data = buf.getvalue()
    path = tmp_path / name
    path.write_bytes(data)
    r = run(runner, str(tmp_path / "t.db"), "extract", str(path))
    assert_one_line_error(r, name)
    assert "binary" in r.output


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t ", codecs.BOM_UTF8])
def test_extract_refuses_an_empty_file_naming_it(runner, tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    r = run(runner, str(tmp_path / "t.db"), "extract", str(path))
    assert_one_line_error(r, "empty.txt")
    assert "empty" in r.output


def test_one_bad_file_in_a_folder_extracts_nothing_and_names_it(runner, tmp_path):
    """Current behaviour: the extract is one transaction, so a bad file fails the whole run (all or
    nothing) and the message names that file; the good files are not half-added."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, seed in enumerate(sorted(SEED.parent.glob("*.txt"))[:3]):
        (folder / f"good{i}.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    db = str(tmp_path / "t.db")
    run(runner, db, "add", "--en", "Two Establishments", "--zh", "两个确立")
    before = snapshot(runner, db, tmp_path)
    r = run(runner, db, "extract", str(folder))
    assert_one_line_error(r, "scan.txt")
    assert snapshot(runner, db, tmp_path) == before
    # Without the bad file the same folder goes in whole.
    (folder / "scan.txt").unlink()
    r = run(runner, db, "extract", str(folder))
    assert r.exit_code == 0 and "3 documents" in r.output, r.output


# -- hostile and malformed files into import -------------------------------------------------------

_LOL = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(2, 10))
HOSTILE = {
    "truncated.tbx": b'<?xml version="1.0"?><martif type="TBX"><text><body><termEntry id="c1">'
                     b'<langSet xml:lang="en"><tig><term>Foo',
    "billion-laughs.tbx": ('<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY lol1 "lol">' + _LOL + "]>\n"
                           '<martif type="TBX"><text><body><termEntry id="c1"><langSet xml:lang="en"><tig>'
                           "<term>&lol9;</term></tig></langSet></termEntry></body></text></martif>").encode(),
    "xxe.tbx": b'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
               b'<martif type="TBX"><text><body><termEntry id="c1"><langSet xml:lang="en"><tig>'
               b"<term>&xxe;</term></tig></langSet></termEntry></body></text></martif>",
    "xxe-param.tbx": b'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n'
                     b'<martif type="TBX"><text><body/></text></martif>',
    "not-xml.tbx": b"en,zh\nFoo,Bar\n",
    "semicolons.csv": "en;zh-CN;Status\nFoo Forum;福论坛;preferred\n".encode(),
    "ragged.csv": "en,zh-CN,Status\nFoo Forum,福论坛,preferred,extra,extra\nBar Forum\n".encode(),
    "no-columns.csv": "colour,size\nred,big\n".encode(),
    "bad-status.csv": "en,zh-CN,Status\nFoo Forum,福论坛,bogus\n".encode(),
    "too-many-tabs.tsv": "两个确立\tTwo Establishments\tnote\textra\textra\n".encode(),
    "no-tab.tsv": "两个确立 Two Establishments\n".encode(),
    "not-ours.json": b'{"hello": [1, 2, 3]}',
    "a-list.json": b'[1, 2, "x"]',
    "truncated.json": b'{"format": "glossary-json", "concepts": [{"terms": [',
    "binary.xlsx": b"\x89PNG\r\n\x1a\n" + bytes(256),
    "zip-not-xlsx.xlsx": None,
}


def _xlsx_merged_and_formulas(path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["en", "zh-CN", "Status"])
    ws.append(["Merged Forum", "合并论坛", "preferred"])
    ws.append(["Formula Forum", '=CONCATENATE("公","式")', "preferred"])
    ws["A4"] = "Merged Cell Text"
    ws.merge_cells("A4:C4")
    wb.save(path)


@pytest.fixture
def base_with_content(runner, tmp_path):
    db = str(tmp_path / "t.db")
    run(runner, db, "add", "--en", "Two Establishments", "--zh", "两个确立", "--category", "slogan")
    run(runner, db, "add", "--en", "Zhongguancun Forum", "--zh", "中关村论坛", "--category", "event")
    return db


@pytest.mark.parametrize("name", sorted(HOSTILE) + ["merged-formulas.xlsx"])
def test_import_refuses_hostile_files_and_changes_nothing(runner, tmp_path, base_with_content, name):
    path = tmp_path / name
    if name == "merged-formulas.xlsx":
        _xlsx_merged_and_formulas(path)
    elif HOSTILE[name] is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not a workbook")
    else:
        path.write_bytes(HOSTILE[name])
    before = snapshot(runner, base_with_content, tmp_path)
    r = run(runner, base_with_content, "import", str(path))
    assert_one_line_error(r, name)
    assert "root:" not in r.output   # /etc/passwd never shows up
    assert snapshot(runner, base_with_content, tmp_path) == before


def test_tbx_with_unknown_elements_imports_the_terms_it_knows(runner, tmp_path, base_with_content):
    path = tmp_path / "unknown.tbx"
    path.write_text('<?xml version="1.0"?><martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc>'
                    "<p>x</p></sourceDesc></fileDesc></martifHeader><text><body><termEntry id=\"c1\"><foo>bar</foo>"
                    '<langSet xml:lang="en"><weird a="1"/><tig><term>Unknown Element Forum</term><zzz/></tig>'
                    '</langSet><langSet xml:lang="zh-CN"><tig><term>未知论坛</term></tig></langSet></termEntry>'
                    "</body></text></martif>", encoding="utf-8")
    r = run(runner, base_with_content, "import", str(path))
    assert r.exit_code == 0, r.output
    r = run(runner, base_with_content, "lookup", "未知论坛")
    assert "Unknown Element Forum" in r.output


# -- fuzzing the readers ---------------------------------------------------------------------------

def _valid_files():
    import exports
    from glossary.model import Concept, Term

    concepts = [
        Concept(category="slogan", note='n; "q", <x> & y',
                terms=[Term("Two Establishments", "en", status="preferred"),
                       Term("两个确立", "zh-CN", status="preferred", pinyin="liǎng gè quèlì")]),
        Concept(category="body", terms=[Term("Leading Group", "en"), Term("=SUM(A1)", "en", status="deprecated"),
                                        Term("领导小组", "zh-CN", note="tab\there")]),
    ]
    out = {}
    with tempfile.TemporaryDirectory() as d:
        for fmt in exports.names():
            p = os.path.join(d, "valid." + fmt)
            exports.write_file(iter(concepts), p, fmt)
            out[fmt] = Path(p).read_bytes()
    return out


VALID = None


def _read_all(data, fmt):
    import exports

    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "fuzz." + fmt)
        Path(p).write_bytes(data)
        try:
            for _ in exports.read_file(p, fmt):
                pass
        except GlossaryError:
            pass


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FORMATS = ("csv", "json", "tbx", "tsv", "xlsx")
FUZZ = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=st.binary(max_size=400))
def test_readers_raise_only_glossary_errors_on_random_bytes(fmt, data):
    _read_all(data, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(seed=st.integers(0, 2**32 - 1), kind=st.sampled_from(["flip", "truncate", "insert", "splice"]))
def test_readers_raise_only_glossary_errors_on_mutated_valid_files(fmt, seed, kind):
    global VALID
    if VALID is None:
        VALID = _valid_files()
    rng = random.Random(seed)
    data = bytearray(VALID[fmt])
    if kind == "flip":
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "truncate":
        data = data[:rng.randrange(len(data))]
    elif kind == "insert":
        pos = rng.randrange(len(data))
        data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    else:
        a, b = sorted(rng.randrange(len(data)) for _ in range(2))
        data = data[:a] + data[b:] + data[a:b]
    _read_all(bytes(data), fmt)

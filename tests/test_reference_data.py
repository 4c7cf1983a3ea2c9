"""Checks on the bundled reference term list seeds/reference.tsv.

The file is plain data (UTF-8, tab separated, no quoting); these tests keep
it well-formed so that the loader and the matcher can trust it.
"""
import collections
import re
from pathlib import Path

import pytest

REF = Path(__file__).resolve().parents[1] / "seeds" / "reference.tsv"

HEADER = ["en", "zh", "category", "confidence", "en_variants", "zh_variants", "source", "note"]
CATEGORIES = {"title", "body", "slogan", "plan", "policy", "event", "place", "facility", "person", "other"}
CONFIDENCE = {"high", "medium", "low"}
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def _lines():
    text = REF.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff"), "no byte order mark"
    assert text.endswith("\n"), "file ends with a newline"
    return text.split("\n")[:-1]


@pytest.fixture(scope="module")
def rows():
    lines = _lines()
    out = []
    for n, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        out.append((n, fields))
    return out


def test_file_exists():
    assert REF.is_file()


def test_header():
    assert _lines()[0].split("\t") == HEADER


def test_column_count(rows):
    bad = [n for n, f in rows if len(f) != len(HEADER)]
    assert not bad, f"lines with wrong column count: {bad[:10]}"


def test_no_blank_lines_or_padding(rows):
    for n, f in rows:
        assert any(f), f"blank line {n}"
        for value in f:
            assert value == value.strip(), f"line {n}: padded field {value!r}"
            assert "\r" not in value, f"line {n}: carriage return"


def test_no_quoting(rows):
    for n, f in rows:
        for value in f:
            assert not (value.startswith('"') and value.endswith('"') and len(value) > 1), \
                f"line {n}: quoted field {value!r}"


def test_required_fields(rows):
    for n, f in rows:
        en, zh, cat, conf = f[0], f[1], f[2], f[3]
        assert en and zh, f"line {n}: en and zh are required"
        assert cat in CATEGORIES, f"line {n}: category {cat!r}"
        assert conf in CONFIDENCE, f"line {n}: confidence {conf!r}"


def test_every_row_has_a_source_url(rows):
    for n, f in rows:
        src = f[6]
        assert re.match(r"^https?://\S+$", src), f"line {n}: source {src!r} is not a URL"


# Sites that only scrape or mirror news (content farms, SEO pages, wiki
# mirrors) are not sources: cite the official page, the news outlet or the
# encyclopedia itself. Matched against the host and its parent domains.
DENIED_SOURCE_DOMAINS = {
    "indiana-autoauction.com",
    "shenyangwangzhanzhizuo.com",
    "wxredian.com",
    "wiki.x.io",
    "kiwix.haohe.fun",
    "photoint.net",
    "studyofnet.com",
    "ifuun.com",
    "freewechat.com",
    "sucai198.com",
    "qqzyw.com",
    "86376.net",
    "whyfsj.cn",
    "tech-ex.com",
    "zgzbxw.com",
    "cgchang.com",
    "cczw.net",
    "kzaobao.com",
    "mingriaudio.com",
    "wikiwand.com",
    "wikipedia-on-ipfs.org",
}
URL = re.compile(r"^https?://([^/\s?#]+)[^\s]*$")
IP_HOST = re.compile(r"^\d{1,3}(\.\d{1,3}){3}(:\d+)?$")


def _host(url):
    m = URL.match(url)
    return m.group(1).lower() if m else None


def test_sources_are_http_urls_on_allowed_hosts(rows):
    for n, f in rows:
        host = _host(f[6])
        assert host, f"line {n}: source {f[6]!r} is not an http(s) URL"
        assert not IP_HOST.match(host), f"line {n}: source on a bare IP address {host!r}"
        parts = host.split(".")
        parents = {".".join(parts[i:]) for i in range(len(parts) - 1)}
        denied = parents & DENIED_SOURCE_DOMAINS
        assert not denied, f"line {n}: source on a scraper/mirror domain {sorted(denied)}: {f[6]}"


def test_denylist_check_catches_mirrors():
    for url in ("http://indiana-autoauction.com/news/1.html", "https://en.m.wiki.x.io/wiki/Beijing",
                "http://1.203.103.66/ps/x"):
        host = _host(url)
        parts = host.split(".")
        parents = {".".join(parts[i:]) for i in range(len(parts) - 1)}
        assert IP_HOST.match(host) or parents & DENIED_SOURCE_DOMAINS, url
    assert _host("ftp://example.org/x") is None


def test_zh_is_chinese_and_en_is_english(rows):
    for n, f in rows:
        assert CJK.search(f[1]), f"line {n}: zh {f[1]!r} has no Chinese characters"
        assert LATIN.search(f[0]), f"line {n}: en {f[0]!r} has no Latin letters"
        assert not CJK.search(f[0]), f"line {n}: en {f[0]!r} contains Chinese characters"


def test_variants_well_formed(rows):
    for n, f in rows:
        for col, main in ((4, f[0]), (5, f[1])):
            value = f[col]
            if not value:
                continue
            parts = value.split(" | ")
            assert all(p and p == p.strip() for p in parts), f"line {n}: empty or padded variant in {value!r}"
            assert len(parts) == len(set(parts)), f"line {n}: repeated variant in {value!r}"
            assert main not in parts, f"line {n}: variant repeats the main form {main!r}"
        for p in filter(None, f[5].split(" | ")):
            assert CJK.search(p), f"line {n}: zh variant {p!r} has no Chinese characters"


def test_no_variant_is_a_form_with_its_acronym_in_brackets(rows):
    # The extractor reads "X (ACR)" as the full form and its acronym; a known "X (ACR)" would take the
    # whole span and set both forms aside.
    for n, f in rows:
        forms = {f[0]} | set(filter(None, f[4].split(" | ")))
        for v in forms:
            m = re.fullmatch(r"(.+) \(([A-Z]{2,})\)", v)
            assert not (m and m.group(1) in forms), f"line {n}: {v!r} is {m.group(1)!r} with its acronym"


def test_no_duplicate_pairs(rows):
    seen = {}
    for n, f in rows:
        key = (f[0].casefold(), f[1])
        assert key not in seen, f"line {n} repeats line {seen[key]}: {key}"
        seen[key] = n


def test_en_key_maps_to_one_zh_unless_noted(rows):
    groups = collections.defaultdict(list)
    for n, f in rows:
        groups[f[0].casefold()].append((n, f))
    for key, items in groups.items():
        zhs = {f[1] for _, f in items}
        if len(zhs) < 2:
            continue
        for n, f in items:
            others = zhs - {f[1]}
            assert any(o in f[7] for o in others), \
                f"line {n}: {key!r} maps to several zh forms {sorted(zhs)} without a note naming the other form"


def test_persons_have_roles(rows):
    for n, f in rows:
        if f[2] == "person":
            assert f[7], f"line {n}: person {f[0]!r} needs a note with role and years"


def test_breadth(rows):
    assert len(rows) >= 500
    cats = collections.Counter(f[2] for _, f in rows)
    for cat in ("title", "body", "slogan", "plan", "event", "place", "facility", "person"):
        assert cats[cat] >= 10, f"too few rows of category {cat}: {cats[cat]}"


def test_english_forms_are_unambiguous(rows):
    """A main form or variant should lead to one Chinese form, so lookups are deterministic."""
    seen = collections.defaultdict(set)
    notes = collections.defaultdict(str)
    for n, f in rows:
        for form in [f[0]] + [v for v in f[4].split(" | ") if v]:
            seen[form.casefold()].add(f[1])
            notes[form.casefold()] += f[7]
    for form, zhs in seen.items():
        if len(zhs) > 1:
            assert all(z in notes[form] for z in zhs), f"{form!r} leads to {sorted(zhs)}"


# --- seeds/vocabulary.tsv: building blocks for composed suggestions -------------------------------

VOCAB = REF.parent / "vocabulary.tsv"
VOCAB_HEADER = ["en", "zh", "kind", "source", "note"]
VOCAB_KINDS = {"noun", "modifier", "classifier", "head", "abbreviation"}


@pytest.fixture(scope="module")
def vocab_rows():
    text = VOCAB.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff"), "no byte order mark"
    assert text.endswith("\n"), "file ends with a newline"
    lines = text.split("\n")[:-1]
    assert lines[0].split("\t") == VOCAB_HEADER
    return [(n, line.split("\t")) for n, line in enumerate(lines[1:], start=2)]


def test_vocabulary_format(vocab_rows):
    for n, f in vocab_rows:
        assert len(f) == len(VOCAB_HEADER), f"vocabulary line {n}: {len(f)} columns"
        for value in f:
            assert value == value.strip() and "\r" not in value, f"vocabulary line {n}: padded field {value!r}"
            assert not (value.startswith('"') and value.endswith('"') and len(value) > 1), \
                f"vocabulary line {n}: quoted field {value!r}"
        en, zh, kind, src, _note = f
        assert kind in VOCAB_KINDS, f"vocabulary line {n}: kind {kind!r}"
        assert en and LATIN.search(en) and not CJK.search(en), f"vocabulary line {n}: en {en!r}"
        alternatives = zh.split("/")
        assert all(a and a == a.strip() and CJK.search(a) for a in alternatives), \
            f"vocabulary line {n}: zh {zh!r} (alternatives separated by '/', each Chinese)"
        if kind == "classifier":
            assert len(zh) == 1, f"vocabulary line {n}: a classifier is one measure word, got {zh!r}"
        host = _host(src)
        assert host and not IP_HOST.match(host), f"vocabulary line {n}: source {src!r} is not an http(s) URL"
        parts = host.split(".")
        assert not {".".join(parts[i:]) for i in range(len(parts) - 1)} & DENIED_SOURCE_DOMAINS, \
            f"vocabulary line {n}: source on a scraper/mirror domain: {src}"


def test_vocabulary_size_and_uniqueness(vocab_rows):
    assert 150 <= len(vocab_rows) <= 600, len(vocab_rows)
    kinds = collections.Counter(f[2] for _, f in vocab_rows)
    for kind in VOCAB_KINDS:
        assert kinds[kind] >= 10, f"too few {kind} rows: {kinds[kind]}"
    seen = {}
    for n, f in vocab_rows:
        key = (f[0].casefold(), f[2] if f[2] in ("classifier", "abbreviation") else "word")
        assert key not in seen, f"vocabulary line {n} repeats line {seen[key]}: {f[0]!r}"
        seen[key] = n


def test_vocabulary_reads_as_building_blocks():
    compose = pytest.importorskip("extract.compose")
    vocab = compose.parse_vocabulary(VOCAB.read_text(encoding="utf-8"))
    assert vocab.get("key tasks") == "重点任务"
    assert vocab.get("checklist") == "清单"
    assert vocab.get("revised") == "（修订）"
    assert vocab.classifier("key tasks") == "项"
    assert vocab.classifier("measures") == "条"


def test_the_lexicon_supplement_gives_each_word_once():
    # a second literal key silently replaces the first sense (专题 "special" was lost to "thematic")
    import ast

    import extract.lexicon as lexicon

    tree = ast.parse(Path(lexicon.__file__).read_text(encoding="utf-8"))
    supplement = next(n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                      and any(getattr(t, "id", None) == "SUPPLEMENT" for t in n.targets))
    keys = [k.value for k in supplement.keys]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
    assert lexicon.glosses("专题") >= {lexicon.stem("special"), lexicon.stem("thematic")}

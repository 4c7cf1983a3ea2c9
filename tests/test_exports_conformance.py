"""One conformance base for every format (STYLE habit 9): round trip with Chinese text, pinyin,
statuses, notes and odd characters, plus a hypothesis property over random concepts.

Each format subclasses ``FormatConformance`` and says what it carries (``carried``).
"""
import dataclasses
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports import ExportOptions, get_format, names, read_file, write_file
from exports.base import prepare
from exports.table import concept_row
from glossary.model import CATEGORIES, PROVENANCES, STATUSES, TERM_TYPES, Concept, Occurrence, Term

from exports_fixtures import sample_concepts


def _one_line(text):
    return " ".join((text or "").split())


def _strip(text):
    return (text or "").strip() or None


class FormatConformance:
    fmt = None
    ext = None
    options = ExportOptions()

    # What the format keeps of a (prepared) concept; compared between original and read-back.
    def carried(self, concept):
        raise NotImplementedError

    def content(self, path):
        """What two exports must agree on for the round trip (the file's bytes by default)."""
        return path.read_bytes()

    def export(self, concepts, path, options=None):
        return write_file(concepts, path, fmt=self.fmt, options=options or self.options)

    def prepared(self, concepts, options=None):
        return list(prepare(concepts, options or self.options))

    def test_registered(self):
        assert self.fmt in names()
        assert get_format(self.fmt).name == self.fmt

    def test_count_and_read_back(self, tmp_path):
        path = tmp_path / f"g.{self.ext}"
        concepts = sample_concepts()
        assert self.export(concepts, path) == len(concepts)
        back = list(read_file(path))
        assert len(back) == len(concepts)
        expected = [self.carried(c) for c in self.prepared(concepts)]
        assert [self.carried(c) for c in self.prepared(back)] == expected

    def test_round_trip_is_stable(self, tmp_path):
        first, second = tmp_path / f"a.{self.ext}", tmp_path / f"b.{self.ext}"
        self.export(sample_concepts(), first)
        self.export(read_file(first), second)
        assert self.content(first) == self.content(second)

    def test_chinese_stays_readable(self, tmp_path):
        path = tmp_path / f"g.{self.ext}"
        self.export(sample_concepts(), path)
        back = list(read_file(path))
        texts = {t.text for c in back for t in c.terms}
        assert "两个确立" in texts and "长安街" in texts

    def test_empty_export(self, tmp_path):
        path = tmp_path / f"empty.{self.ext}"
        assert self.export([], path) == 0
        assert path.exists()
        assert list(read_file(path)) == []

    def test_filters_apply(self, tmp_path):
        path = tmp_path / f"f.{self.ext}"
        opts = dataclasses.replace(self.options, categories={"slogan", "place"})
        assert self.export(sample_concepts(), path, opts) == 2
        cats = sorted(c.category for c in read_file(path))
        assert cats == ["place", "slogan"]


# ---------------------------------------------------------------- random concepts

_ALPHABET = (string.ascii_letters + string.digits + " -'&<>\"=+@;:,.|[]()/"
             + "两个确立十四五规划长安街国际交往中心人民代表大会" + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü" + "😀€—“”")
_text = st.text(alphabet=_ALPHABET, min_size=1, max_size=25).filter(lambda s: s.strip())
_note = st.one_of(st.none(), st.text(alphabet=_ALPHABET + "\t\n", min_size=1, max_size=40))


@st.composite
def terms(draw, lang):
    return Term(
        text=draw(_text), lang=lang, status=draw(st.sampled_from(STATUSES)),
        provenance=draw(st.sampled_from(PROVENANCES)),
        confidence=draw(st.one_of(st.none(), st.floats(0, 1, allow_nan=False).map(lambda f: round(f, 3)))),
        term_type=draw(st.sampled_from(TERM_TYPES)), pos=draw(st.sampled_from([None, "noun", "verb"])),
        pinyin=draw(st.one_of(st.none(), _text)) if lang.startswith("zh") else None,
        source=draw(st.one_of(st.none(), _text)), note=draw(_note),
        occurrences=draw(st.lists(st.builds(Occurrence, doc=_text, start=st.integers(0, 99),
                                            end=st.integers(0, 99), sentence=_text), max_size=2)),
        count=draw(st.integers(0, 5)))


@st.composite
def concepts(draw):
    ts = draw(st.lists(terms("en"), min_size=0, max_size=3)) + draw(st.lists(terms("zh-CN"), min_size=1, max_size=3))
    return Concept(category=draw(st.sampled_from(CATEGORIES)), terms=draw(st.permutations(ts)),
                   definition=draw(_note), note=draw(_note), id=draw(st.one_of(st.none(), st.integers(1, 10**6))))


def _property(self, tmp_path_factory, cs):
    d = tmp_path_factory.mktemp("prop")
    first, second, third = d / f"a.{self.ext}", d / f"b.{self.ext}", d / f"c.{self.ext}"
    # The first export may normalise (whitespace, separators); from then on the content is fixed.
    self.export(cs, first)
    self.export(read_file(first), second)
    self.export(read_file(second), third)
    assert self.content(second) == self.content(third)
    assert len(list(read_file(first))) == len(cs)


def _attach_property(cls):
    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(cs=st.lists(concepts(), min_size=1, max_size=4))
    def test_property_round_trip(self, tmp_path_factory, cs):
        _property(self, tmp_path_factory, cs)
    cls.test_property_round_trip = test_property_round_trip
    return cls


# ---------------------------------------------------------------- the formats

@_attach_property
class TestJson(FormatConformance):
    fmt, ext = "json", "json"

    def carried(self, concept):
        return dataclasses.asdict(concept)

    def test_exact(self, tmp_path):
        path = tmp_path / "g.json"
        self.export(sample_concepts(), path)
        assert list(read_file(path)) == self.prepared(sample_concepts())
        assert "两个确立" in path.read_text(encoding="utf-8")      # ensure_ascii=False

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(cs=st.lists(concepts(), min_size=1, max_size=4))
    def test_property_exact(self, tmp_path_factory, cs):
        path = tmp_path_factory.mktemp("json") / "g.json"
        self.export(cs, path)
        assert list(read_file(path)) == self.prepared(cs)


def _tbx_term(t):
    seen = []
    for o in t.occurrences:
        s = (o.sentence or "").strip()
        if s and s not in seen:
            seen.append(s)
    return (t.lang, _one_line(t.text), t.status, t.provenance, t.confidence, t.term_type, t.pos,
            _one_line(t.pinyin) or None, _strip(t.source), _strip(t.note), t.count, t.id, seen[:2])


@_attach_property
class TestTbx2(FormatConformance):
    fmt, ext = "tbx", "tbx"
    options = ExportOptions(tbx_version=2)

    def carried(self, c):
        return (c.category, _strip(c.definition), _strip(c.note), c.id, (c.created or "")[:10] or None,
                [_tbx_term(t) for t in c.terms])


@_attach_property
class TestTbx3(TestTbx2):
    options = ExportOptions(tbx_version=3)

    def carried(self, c):
        created = c.created.replace(" ", "T") if c.created else None
        return (c.category, _strip(c.definition), _strip(c.note), c.id, created, [_tbx_term(t) for t in c.terms])


class _TableMixin:
    def carried(self, c):
        return concept_row(c, self.options)


@_attach_property
class TestCsv(_TableMixin, FormatConformance):
    fmt, ext = "csv", "csv"


@_attach_property
class TestXlsx(_TableMixin, FormatConformance):
    fmt, ext = "xlsx", "xlsx"

    def content(self, path):
        from openpyxl import load_workbook
        wb = load_workbook(path, read_only=True)
        try:
            return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
        finally:
            wb.close()


@_attach_property
class TestTsv(FormatConformance):
    fmt, ext = "tsv", "tsv"

    def carried(self, c):
        en = [t for t in c.terms if t.lang == "en"]
        zh = [t for t in c.terms if t.lang == "zh-CN"]
        head = (zh or en)[0]
        variants = [(_one_line(t.text), t.status, _one_line(t.pinyin) or None) for t in zh[1:]] if en or zh else []
        return (_one_line(zh[0].text) if zh else "", _one_line(en[0].text) if en else "",
                _one_line(zh[0].pinyin) if zh else "", head.status, c.category, _one_line(c.note), variants)


def test_every_format_has_a_conformance_class():
    covered = {cls.fmt for cls in (TestJson, TestTbx2, TestTbx3, TestCsv, TestXlsx, TestTsv)}
    assert set(names()) <= covered


@pytest.mark.parametrize("fmt", ["tbx", "xlsx", "csv", "tsv", "json"])
def test_options_are_the_same_for_every_format(tmp_path, fmt):
    """preferred_only and status filters keep the same terms whatever the format."""
    path = tmp_path / f"p.{fmt}"
    opts = ExportOptions(preferred_only=True, status={"preferred", "admitted"})
    write_file(sample_concepts(), path, options=opts)
    back = list(read_file(path))
    heads = sorted(t.text for c in back for t in c.terms if t.lang in ("en", "zh-CN"))
    assert "two affirmations" not in heads and "NPC" not in heads and "全国人大" not in heads
    assert "两个确立" in heads

"""TBX specifics: schema validity (v2 RNG + DTD, v3 core RNG + the TBX-Basic DCA rules), the mapping,
safe parsing (billion laughs, XXE), other tools' TBX, and third-party readers of our TBX."""
import importlib.util
import textwrap

import pytest
from lxml import etree

from exports import ExportOptions, read_file, write_file
from exports.tbx import TBX3_NS
from glossary.errors import FormatError, InputError
from glossary.model import Concept, Term

from exports_fixtures import SCORE_PY, V2_DIR, V3_RNG, V3_SAMPLE, sample_concepts

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def export(tmp_path, version=2, concepts=None, **kw):
    path = tmp_path / f"g{version}.tbx"
    write_file(sample_concepts() if concepts is None else concepts, path,
               options=ExportOptions(tbx_version=version, **kw))
    return path


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


# ---------------------------------------------------------------- validity

@pytest.fixture(scope="module")
def v2_rng():
    return etree.RelaxNG(etree.parse(str(V2_DIR / "TBXBasicRNGV02.rng")))


@pytest.fixture(scope="module")
def v2_dtd():
    return etree.DTD(str(V2_DIR / "TBXBasiccoreStructV02.dtd"))


@pytest.fixture(scope="module")
def v3_rng():
    return etree.RelaxNG(etree.parse(str(V3_RNG)))


def test_the_validators_work(v2_rng, v2_dtd, v3_rng):
    """The schemas accept their own valid samples and reject a broken one (so a pass means something)."""
    assert v2_rng.validate(etree.parse(str(V2_DIR / "TBX-basic-samples.tbx"), SAFE))
    assert not v2_rng.validate(etree.parse(str(V2_DIR / "tbx_basic_sample_badelement.tbx"), SAFE))
    assert v3_rng.validate(etree.parse(str(V3_SAMPLE), SAFE))
    assert dca_problems(etree.parse(str(V3_SAMPLE), SAFE)) == []


@pytest.mark.parametrize("kw", [{}, {"traditional": "zh-TW"}, {"pinyin_style": "numbers"}, {"preferred_only": True}])
def test_v2_validates_against_rng_and_dtd(tmp_path, v2_rng, v2_dtd, kw):
    doc = etree.parse(str(export(tmp_path, 2, **kw)), SAFE)
    assert v2_rng.validate(doc), v2_rng.error_log
    assert v2_dtd.validate(doc), v2_dtd.error_log.filter_from_errors()
    assert doc.docinfo.doctype == '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'


def test_v2_empty_export_is_well_formed(tmp_path, v2_rng):
    """TBX-Basic 2008 requires at least one termEntry (body: termEntry+), so an empty export cannot be
    valid; it is still well-formed, with the one error being the empty body, and reads back empty."""
    path = export(tmp_path, 2, concepts=[])
    doc = etree.parse(str(path), SAFE)
    assert not v2_rng.validate(doc)
    assert [e.line for e in v2_rng.error_log] and doc.find("text/body") is not None
    assert list(read_file(path)) == []


@pytest.mark.parametrize("kw", [{}, {"traditional": "zh-HK"}])
def test_v3_validates_against_core_rng_and_dca_rules(tmp_path, v3_rng, kw):
    path = export(tmp_path, 3, **kw)
    doc = etree.parse(str(path), SAFE)
    assert v3_rng.validate(doc), v3_rng.error_log
    assert dca_problems(doc) == []
    head = path.read_text(encoding="utf-8")[:600]
    assert "TBXcoreStructV03.rng" in head and "TBX-Basic_DCA.sch" in head    # the xml-model PIs
    root = doc.getroot()
    assert root.tag == f"{{{TBX3_NS}}}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"


def test_v3_empty_export_validates(tmp_path, v3_rng):
    doc = etree.parse(str(export(tmp_path, 3, concepts=[])), SAFE)
    assert v3_rng.validate(doc), v3_rng.error_log


# The TBX-Basic DCA Schematron (basic-dialect/DCA/TBX-Basic_DCA.sch) needs XSLT 2, which lxml lacks,
# so its rules are restated here: permitted data categories, picklists and levels.
_TYPES = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "ref": {"crossReference"},
    "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender",
                 "termLocation", "termType"},
    "transac": {"transactionType"},
    "transacNote": {"responsibility"},
    "xref": {"externalCrossReference", "xGraphic"},
}
_PICKLISTS = {
    ("termNote", "administrativeStatus"): {"admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                                           "supersededTerm-admn-sts", "preferredTerm-admn-sts"},
    ("termNote", "partOfSpeech"): {"adjective", "noun", "other", "verb", "adverb"},
    ("termNote", "grammaticalGender"): {"masculine", "feminine", "neuter", "other"},
    ("termNote", "termType"): {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
    ("transac", "transactionType"): {"origination", "modification"},
}
_LEVELS = {   # (element, type) -> levels it may appear at (directly or through a *Grp)
    ("descrip", "subjectField"): {"conceptEntry"},
    ("descrip", "context"): {"termSec"},
    ("descrip", "definition"): {"conceptEntry", "langSec"},
    ("admin", "source"): {"conceptEntry", "langSec", "termSec"},
    ("admin", "customerSubset"): {"conceptEntry", "termSec"},
    ("admin", "projectSubset"): {"conceptEntry", "termSec"},
    ("ref", "crossReference"): {"conceptEntry", "termSec"},
    ("transac", "transactionType"): {"conceptEntry", "langSec", "termSec"},
    ("transacNote", "responsibility"): {"conceptEntry", "langSec", "termSec"},
    ("xref", "xGraphic"): {"conceptEntry", "langSec"},
    ("xref", "externalCrossReference"): {"conceptEntry", "langSec", "termSec"},
}


def dca_problems(doc):
    problems = []
    root = doc.getroot()
    if root.get("type") != "TBX-Basic":
        problems.append("root type is not TBX-Basic")
    if root.get("style") != "dca":
        problems.append("root style is not dca")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        ns, _, name = el.tag[1:].partition("}") if el.tag.startswith("{") else ("", "", el.tag)
        where = f"line {el.sourceline} <{name}>"
        if ns != TBX3_NS:
            problems.append(f"{where}: DCT/foreign element in DCA")
            continue
        kind = el.get("type")
        if kind is not None and kind == "":
            problems.append(f"{where}: empty type")
        if name in _TYPES and kind not in _TYPES[name]:
            problems.append(f"{where}: type {kind!r} not permitted")
        allowed = _PICKLISTS.get((name, kind))
        if allowed is not None and (el.text or "") not in allowed:
            problems.append(f"{where}: value {el.text!r} not in picklist")
        parent = el.getparent()
        level = parent
        if level is not None and level.tag.endswith("Grp") and not (name.startswith("transac")
                                                                   and level.tag.endswith("adminGrp")):
            level = level.getparent()
        level_name = level.tag.rpartition("}")[2] if level is not None else ""
        if name == "termNote" and level_name != "termSec":
            problems.append(f"{where}: termNote outside termSec")
        levels = _LEVELS.get((name, kind))
        if levels is not None and level_name not in levels:
            problems.append(f"{where}: {kind} at {level_name}, allowed at {sorted(levels)}")
    return problems


def test_dca_checker_catches_violations():
    bad = etree.fromstring(f"""<tbx xmlns="{TBX3_NS}" type="TBX-Basic" style="dca" xml:lang="en"><text><body>
      <conceptEntry id="c1"><descrip type="context">x</descrip><descrip type="pinyin">y</descrip>
        <langSec xml:lang="en"><termNote type="partOfSpeech">noun</termNote><termSec><term>a</term>
          <termNote type="administrativeStatus">proposed</termNote></termSec></langSec>
      </conceptEntry></body></text></tbx>""").getroottree()
    problems = "\n".join(dca_problems(bad))
    assert "context at conceptEntry" in problems
    assert "'pinyin' not permitted" in problems
    assert "termNote outside termSec" in problems
    assert "'proposed' not in picklist" in problems


# ---------------------------------------------------------------- the mapping

def test_v2_mapping(tmp_path):
    doc = etree.parse(str(export(tmp_path, 2)), SAFE)
    root = doc.getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic" and root.get(XML_LANG) == "en"
    assert root.find("martifHeader/fileDesc/sourceDesc/p") is not None
    entry = root.find("text/body/termEntry[@id='c1']")
    assert entry.findtext("descrip[@type='subjectField']") == "slogan"
    assert entry.findtext("descrip[@type='definition']").startswith("Establishing Xi")
    langs = [ls.get(XML_LANG) for ls in entry.findall("langSet")]
    assert langs == ["en", "zh-CN"]                       # never a zh-Latn langSet
    en_tigs = entry.findall("langSet[1]/tig")
    assert en_tigs[0].findtext("term") == "Two Establishes"                  # preferred first
    assert en_tigs[0].findtext("termNote[@type='administrativeStatus']") == "preferredTerm-admn-sts"
    assert en_tigs[1].findtext("termNote[@type='administrativeStatus']") == "deprecatedTerm-admn-sts"
    assert [d.text for d in en_tigs[0].findall("descrip[@type='context']")] == [
        "We must uphold the Two Establishes.", "The Two Establishes & <more>."]
    assert en_tigs[0].findtext("admin[@type='source']") == "http://english.www.gov.cn/"
    notes = [n.text for n in en_tigs[0].findall("note")]
    assert "provenance: parallel-text; confidence: 0.9; count: 4" in notes
    zh = entry.find("langSet[2]/tig")
    assert zh.findtext("term") == "两个确立"
    assert "pinyin: liǎng gè quèlì" in [n.text for n in zh.findall("note")]
    plan = root.find("text/body/termEntry[@id='c2']")
    proposed = [t for t in plan.iter("tig") if t.findtext("term") == "=SUM(A1:A9)"][0]
    assert proposed.findtext("termNote[@type='administrativeStatus']") == "admittedTerm-admn-sts"
    assert "status: proposed" in [n.text for n in proposed.findall("note")]
    assert proposed.findtext("termNote[@type='termType']") == "variant"


def test_preferred_sorted_first_even_if_stored_later(tmp_path):
    c = Concept(terms=[Term("b", "en", status="admitted"), Term("a", "en", status="preferred"),
                       Term("乙", "zh-CN", status="deprecated"), Term("甲", "zh-CN", status="preferred")])
    doc = etree.parse(str(export(tmp_path, 2, concepts=[c])), SAFE)
    assert [t.text for t in doc.iter("term")] == ["a", "b", "甲", "乙"]


def test_pinyin_style_and_traditional(tmp_path):
    path = export(tmp_path, 2, pinyin_style="numbers", traditional="zh-TW")
    back = list(read_file(path))
    zh = [t for t in back[0].terms if t.lang == "zh-CN"][0]
    assert zh.pinyin == "liang3 ge4 que4li4"
    tw = [t for t in back[2].terms if t.lang == "zh-TW"]
    assert tw and tw[0].text == "長安街"


def test_score_tool_reads_our_tbx(tmp_path):
    """The project's scorer finds English terms, Chinese terms and the pinyin note in both versions."""
    spec = importlib.util.spec_from_file_location("score", SCORE_PY)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    for version in (2, 3):
        concepts = score.read_tbx(str(export(tmp_path, version)))
        en, zh = concepts[0]
        assert en[0][0] == "Two Establishes" and en[0][2] is True
        assert zh[0] == ("两个确立", "liǎng gè quèlì", True)


def test_translate_toolkit_reads_our_tbx(tmp_path):
    from translate.misc.xml_helpers import getXMLlang
    from translate.storage import tbx
    store = tbx.tbxfile.parsefile(str(export(tmp_path, 2)))
    assert [getXMLlang(n) for n in store.units[0].getlanguageNodes()] == ["en", "zh-CN"]
    first = store.units[0]
    assert [t.text for t in first.get_source_terms()] == ["Two Establishes", "two affirmations"]
    assert [t.administrative_status for t in first.get_source_terms()] == ["preferredTerm-admn-sts",
                                                                         "deprecatedTerm-admn-sts"]
    assert any(n.text == "pinyin: liǎng gè quèlì" for n in first.get_target_terms()[0].notes)
    units = {u.source: u.target for u in store.units}
    assert units["Two Establishes"] == "两个确立"
    assert units["National People's Congress"] == "全国人民代表大会"
    assert units["Chang'an Avenue"] == "长安街"


# ---------------------------------------------------------------- other tools' TBX

def test_reads_the_lisa_v2_sample():
    concepts = {c.id: c for c in read_file(V2_DIR / "TBX-basic-samples.tbx")}
    c7 = concepts[7]
    en = [t for t in c7.terms if t.lang == "en"]
    assert en[0].text == "progressive lens" and en[0].status == "preferred"
    assert {t.text: t.status for t in en}["graduated lens"] == "deprecated"           # superseded
    assert {t.text: t.term_type for t in en}["PAL"] == "acronym"
    assert c7.definition.startswith("corrective lenses")
    assert "Wikipedia" in c7.note                                                     # definition source kept
    fed = concepts[6]
    assert fed.terms[0].occurrences[0].sentence.startswith("Users and applications")
    assert all(t.provenance == "imported" for c in concepts.values() for t in c.terms)


def test_reads_the_v3_dca_sample():
    concepts = list(read_file(V3_SAMPLE))
    first = concepts[0]
    assert first.created == "2010-04-17" and first.modified == "2010-05-01"
    assert first.definition.startswith("A group of stars")
    en = {t.text: t for t in first.terms if t.lang == "en"}
    assert en["open cluster"].status == "preferred"
    occ = en["open cluster"].occurrences[0]
    assert occ.sentence.startswith("Over 1100 open clusters") and occ.doc == "http://seds.org/MESSIER/open.html"
    assert "subjectField: General" in first.note              # not one of our categories: kept as a note
    assert any("xGraphic" in line for line in first.note.split("\n"))


def test_reads_the_v3_dct_sample_like_the_dca_one():
    dct = list(read_file(V3_SAMPLE.parent.parent / "DCT" / "Example_Astronomy_DCT_VALID.tbx"))
    dca = list(read_file(V3_SAMPLE))
    def terms(concepts):     # the two samples' notes differ a little; their terms do not
        return [[(t.lang, t.text, t.status, t.pos, t.source, [(o.doc, o.sentence) for o in t.occurrences])
                 for t in c.terms] + [c.definition, c.created] for c in concepts]
    assert terms(dct) == terms(dca) and len(dct) == len(dca) > 5
    term = dct[0].terms[0]
    assert (term.text, term.status, term.pos) == ("open cluster", "preferred", "noun")
    assert "\n" not in term.occurrences[0].sentence          # pretty-printed context unwrapped


def test_reads_ntig_v3_without_namespace_and_unknown_categories(tmp_path):
    v2 = write(tmp_path, "ntig.tbx", """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
        <text><body>
          <termEntry id="e5">
            <descrip type="subjectField">policy</descrip>
            <descrip type="x-domain">Economy</descrip>
            <langSet xml:lang="en"><ntig><termGrp><term>dual circulation</term>
              <termNote type="partOfSpeech">noun</termNote>
              <termNoteGrp><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termNoteGrp>
              </termGrp><descrip type="x-comment">coined 2020</descrip></ntig></langSet>
            <langSet xml:lang="zh-CN"><tig><term>双循环</term>
              <termNote type="pronunciation">shuāng xúnhuán</termNote>
              <termNote type="geographicalUsage">CN</termNote></tig></langSet>
          </termEntry>
        </body></text></martif>""")
    [c] = list(read_file(v2))
    assert c.id == 5 and c.category == "policy"
    assert "unknown descrip type=x-domain: Economy" in c.note
    en, zh = c.terms
    assert (en.text, en.status, en.pos) == ("dual circulation", "preferred", "noun")
    assert en.note == "unknown descrip type=x-comment: coined 2020"
    assert zh.pinyin == "shuāng xúnhuán" and zh.note == "unknown termNote type=geographicalUsage: CN"
    v3 = write(tmp_path, "nons.tbx", """
        <tbx type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
        <text><body><conceptEntry id="c9"><langSec xml:lang="en"><termSec><term>Belt and Road</term></termSec></langSec>
        <langSec xml:lang="zh"><termSec><term>一带一路</term><note>pinyin: Yīdài Yīlù</note></termSec></langSec>
        </conceptEntry></body></text></tbx>""")
    [c] = list(read_file(v3))
    assert [(t.lang, t.text, t.pinyin) for t in c.terms] == [("en", "Belt and Road", None), ("zh", "一带一路", "Yīdài Yīlù")]


# ---------------------------------------------------------------- safety and bad input

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE martif [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="c1"><langSet xml:lang="en">
<tig><term>&lol9;</term></tig></langSet></termEntry></body></text></martif>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE martif [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="c1"><langSet xml:lang="en">
<tig><term>&xxe;</term></tig></langSet></termEntry></body></text></martif>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_declarations_are_refused(tmp_path, text):
    path = tmp_path / "evil.tbx"
    path.write_text(text)
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert str(path) in str(e.value) and "entities" in str(e.value) and e.value.where == "line 2"


def test_parser_does_not_expand_entities_even_past_the_prolog_check(tmp_path, monkeypatch):
    """Belt and braces: with the prolog check disabled, lxml still neither expands nor fetches."""
    import exports.tbx as tbx
    monkeypatch.setattr(tbx, "check_xml_prolog", lambda *a: "martif")
    path = tmp_path / "xxe.tbx"
    path.write_text(XXE)
    texts = [t.text for c in read_file(path) for t in c.terms]
    assert all("root:" not in t for t in texts)
    path.write_text(BILLION_LAUGHS)
    texts = [t.text for c in read_file(path) for t in c.terms]
    assert all(len(t) < 100 for t in texts)


def test_network_dtd_is_not_loaded(tmp_path):
    path = write(tmp_path, "dtd.tbx", """
        <?xml version="1.0"?>
        <!DOCTYPE martif SYSTEM "http://127.0.0.1:9/TBXBasiccoreStructV02.dtd">
        <martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="c1"><langSet xml:lang="en">
        <tig><term>ok</term></tig></langSet></termEntry></body></text></martif>""")
    assert [t.text for c in read_file(path) for t in c.terms] == ["ok"]


def test_truncated_xml_names_the_line(tmp_path):
    full = export(tmp_path, 2).read_bytes()
    path = tmp_path / "cut.tbx"
    path.write_bytes(full[: len(full) * 2 // 3])
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert str(path) in str(e.value) and e.value.where.startswith("line ")


@pytest.mark.parametrize("content, message", [
    (b"just some words\n", "not XML"),
    (b"<html><body>hi</body></html>", "root element is <html>"),
    (b"\x00\x01\x02binary", "binary"),
])
def test_not_tbx(tmp_path, content, message):
    path = tmp_path / "bad.tbx"
    path.write_bytes(content)
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert message in str(e.value) and str(path) in str(e.value)


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.tbx"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="is empty"):
        read_file(empty)
    with pytest.raises(InputError, match="cannot read"):
        read_file(tmp_path / "missing.tbx")


def test_term_section_without_term(tmp_path):
    path = write(tmp_path, "noterm.tbx", """
        <martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="c1"><langSet xml:lang="en">
        <tig><termNote type="partOfSpeech">noun</termNote><note>orphan</note></tig></langSet></termEntry></body></text></martif>""")
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert e.value.where == "line 2 <tig>"

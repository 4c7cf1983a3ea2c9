"""`glossary check`: terminology findings on real sentences, every input format, reports, exit codes.

One small term base (built through the store API) and one case table run through the library and
the CLI. Fixture files live in tests/fixtures/check/.
"""
import json
import shutil
import zipfile
from pathlib import Path

import click
import pytest
from hypothesis import given, settings, strategies as st

from glossary.check import CODES, TermIndex, check_files, check_text, fold_text
from glossary.checkinputs import Segment, inline_text, load
from glossary.checkreport import SCHEMA, render_html, render_human, render_json
from glossary.cli import Context, GlossaryGroup
from glossary.cli_check import check as check_command
from glossary.model import Concept, Term
from glossary.store import open_store

FIX = Path(__file__).parent / "fixtures" / "check"
P, A, D = "preferred", "admitted", "deprecated"


def _zh(text, status=P, provenance="termbase"):
    return Term(text, "zh-CN", status=status, provenance=provenance)


def base_concepts():
    return [
        Concept("policy", [Term("Center for International Exchanges", status=P, provenance="termbase"),
                           Term("International Exchange Center", status=D, provenance="termbase"),
                           _zh("国际交往中心")]),
        Concept("event", [Term("Zhongguancun Forum", status=P), Term("ZGC Forum", status=A, term_type="acronym"),
                          _zh("中关村论坛")]),
        Concept("title", [Term("CPC Beijing Municipal Committee", status=P), _zh("北京市委")]),
        Concept("slogan", [Term("Two Establishments", status=P), _zh("两个确立")]),
        Concept("slogan", [Term("Two Upholds", status=P), _zh("两个维护")]),
        Concept("slogan", [Term("Four Consciousnesses", status="proposed", provenance="composed"),
                           _zh("四个意识", "proposed", "composed")]),
        Concept("policy", [Term("common prosperity", status=P), _zh("共同富裕")]),
        Concept("place", [Term("Fourth Embassy Area", status=P), _zh("第四使馆区")]),
        Concept("place", [Term("Beijing", status=P), _zh("北京")]),
        Concept("plan", [Term("One Core, Two Axes and Multiple Areas", status=P), _zh("一核两轴多板块")]),
    ]


@pytest.fixture
def db(store_path):
    store = open_store(store_path)
    with store.transaction():
        for concept in base_concepts():
            store.add_concept(concept)
    store.close()
    return store_path


@pytest.fixture
def index(db):
    store = open_store(db, create=False)
    try:
        return TermIndex.from_store(store)
    finally:
        store.close()


def _cli():
    @click.group(cls=GlossaryGroup)
    @click.option("--db")
    @click.pass_context
    def tiny(ctx, db):
        ctx.obj = Context(db)
        ctx.call_on_close(ctx.obj.close)

    tiny.add_command(check_command)
    return tiny


def run_cli(runner, db, *args):
    return runner.invoke(_cli(), ["--db", db, "check", *map(str, args)])


def codes(report):
    return [(f.code, f.severity, f.line, f.col, f.text) for f in report.findings]


# -- monolingual checks on sentences -------------------------------------------------------------------------

MONO_CASES = [
    # text, expected (code, severity, line, col, text found)
    ("Beijing will speed up building the International Exchange Center, the meeting said.",
     [("DEPRECATED_VARIANT", "error", 1, 36, "International Exchange Center")]),
    ("Progress was made.\nThe cpc beijing municipal committee held the meeting.",
     [("CASE_VARIANT", "warning", 2, 5, "cpc beijing municipal committee")]),
    ("Work on the Centre for International Exchanges continued.",
     [("SPELLING_VARIANT", "warning", 1, 13, "Centre for International Exchanges")]),
    ("The ZGC Forum opened.  Later the Zhongguancun Forum closed; the Zhongguancun Forum ends.",
     [("INCONSISTENT_RENDERING", "warning", 1, 5, "ZGC Forum")]),
    # capitalising a lower-case form, ALL CAPS headings and the right case are all fine
    ("Common prosperity for all. COMMON PROSPERITY. The Center for International Exchanges grows.", []),
    # inside a longer word: not a use of the term
    ("The Fourth Embassy Areas were planned; InternationalExchange Centers are not terms.", []),
    # a deprecated form in the other spelling is still deprecated
    ("Building the International Exchange Centre.",
     [("DEPRECATED_VARIANT", "error", 1, 14, "International Exchange Centre")]),
    # line breaks and curly quotes inside a term still match
    ("Building the International\nExchange Center.", [("DEPRECATED_VARIANT", "error", 1, 14,
                                                       "International\nExchange Center")]),
    # a proposed (machine-composed) entry only ever gives a hint
    ("They strengthened the Four Consciousnesses and the Four Consciousnesses again.",
     [("UNVERIFIED_TERM", "info", 1, 23, "Four Consciousnesses")]),
    ("Nothing to see in this sentence about Beijing.", []),
]


@pytest.mark.parametrize("text,expected", MONO_CASES)
def test_monolingual_findings(index, text, expected):
    assert codes(check_text(index, text)) == expected


@pytest.mark.parametrize("text,expected", MONO_CASES)
def test_monolingual_findings_through_cli(runner, db, tmp_path, text, expected):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    res = run_cli(runner, db, path, "--format", "json", "--fail-on", "info")
    data = json.loads(res.output)
    got = [(f["code"], f["severity"], f["line"], f["col"], f["text"]) for f in data["findings"]]
    assert got == expected
    assert res.exit_code == (1 if expected else 0)


def test_suggestions_name_the_preferred_form(index):
    f = check_text(index, "the International Exchange Center").findings[0]
    assert f.suggestion == "use 'Center for International Exchanges'"
    assert f.term == "International Exchange Center" and f.concept_id is not None
    case = check_text(index, "the cpc beijing municipal committee").findings[0]
    assert case.suggestion == "use 'CPC Beijing Municipal Committee'"


def test_inconsistency_message_has_counts(index):
    f = check_text(index, "ZGC Forum. Zhongguancun Forum. Zhongguancun Forum.").findings[0]
    assert "'Zhongguancun Forum' ×2, 'ZGC Forum' ×1" in f.message
    assert [o["text"] for o in f.occurrences] == ["ZGC Forum", "Zhongguancun Forum", "Zhongguancun Forum"]
    assert f.scope == "document"


def test_inconsistency_across_two_files_with_counts(index):
    report = check_files(index, [FIX / "forum_a.txt", FIX / "forum_b.txt"])
    [f] = report.findings
    assert (f.code, f.scope, Path(f.file).name, f.line, f.col) == \
        ("INCONSISTENT_RENDERING", "set", "forum_b.txt", 1, 42)
    assert "2 files" in f.message
    assert "'Zhongguancun Forum' ×2 (forum_a.txt ×2)" in f.message and "'ZGC Forum' ×1 (forum_b.txt ×1)" in f.message
    assert {Path(o["file"]).name for o in f.occurrences} == {"forum_a.txt", "forum_b.txt"}


def test_each_file_alone_is_consistent(index):
    assert check_files(index, [FIX / "forum_a.txt"]).findings == []
    assert check_files(index, [FIX / "forum_b.txt"]).findings == []


def test_deprecated_use_is_not_also_an_inconsistency(index):
    report = check_text(index, "The International Exchange Center, i.e. the Center for International Exchanges.")
    assert [f.code for f in report.findings] == ["DEPRECATED_VARIANT"]


# -- bilingual checks -------------------------------------------------------------------------------------------

BILINGUAL_CASES = [
    # Chinese, English, expected (code, severity, text found)
    ("会议强调，要深刻领悟“两个确立”的决定性意义。", "The meeting stressed the decisive significance of the new era.",
     [("KEY_TERM_MISSING", "error", "")]),
    ("会议强调，要深刻领悟“两个确立”的决定性意义。",
     "The meeting stressed the decisive significance of the Two Establishments.", []),
    ("做到“两个维护”。", "We must achieve the Two Upholding.", [("UNKNOWN_RENDERING", "warning", "Two Upholding")]),
    # Traditional Chinese source is matched through OpenCC
    ("2021中關村論壇9月24日在北京開幕。", "The 2021 forum opened in Beijing.", [("KEY_TERM_MISSING", "error", "")]),
    # a deprecated rendering is reported as deprecated, not as missing
    ("建设国际交往中心。", "Building the International Exchange Center.", [("DEPRECATED_VARIANT", "error",
                                                                      "International Exchange Center")]),
    # a term inside a longer one is there: "Beijing" in "CPC Beijing Municipal Committee"
    ("北京市委召开会议，北京各区参加。", "The CPC Beijing Municipal Committee held a meeting.", []),
    # the unknown rendering is reported as whole words, as many as the known form has
    ("构建“一核两轴多板块”格局。", 'The layout of "One Core, Two Axes and Multiple Sectors" was set.',
     [("UNKNOWN_RENDERING", "warning", "One Core, Two Axes and Multiple Sectors")]),
    # proposed entries: hints only
    ("增强“四个意识”。", "Strengthen the awareness.", [("KEY_TERM_MISSING", "info", "")]),
    ("增强“四个意识”。", "Strengthen the Four Consciousness.", [("UNKNOWN_RENDERING", "info", "Four Consciousness")]),
]


@pytest.mark.parametrize("zh,en,expected", BILINGUAL_CASES)
def test_bilingual_findings(index, zh, en, expected):
    report = check_text(index, en, source=zh)
    assert [(f.code, f.severity, f.text) for f in report.findings] == expected


@pytest.mark.parametrize("zh,en,expected", BILINGUAL_CASES)
def test_bilingual_findings_through_cli_tsv(runner, db, tmp_path, zh, en, expected):
    path = tmp_path / "pairs.tsv"
    path.write_text(f"source\ttarget\n{zh}\t{en}\n", encoding="utf-8")
    data = json.loads(run_cli(runner, db, path, "--format", "json").output)
    assert [(f["code"], f["severity"], f["text"]) for f in data["findings"]] == expected
    assert all(f["line"] == 2 for f in data["findings"])


def test_key_term_missing_names_source_and_suggestion(index):
    f = check_text(index, "The new era.", source="要深刻领悟“两个确立”。").findings[0]
    assert "两个确立" in f.message and f.suggestion == "render 两个确立 as 'Two Establishments'"
    assert f.source == "要深刻领悟“两个确立”。"


def test_proposed_entries_never_raise_errors(index):
    texts = [("增强“四个意识”。", "Strengthen the awareness."), ("", "The Four Consciousnesses."),
             ("增强“四个意识”。", "The four consciousnesses and the Four Consciousnesses.")]
    for zh, en in texts:
        report = check_text(index, en, source=zh or None)
        assert report.findings, (zh, en)
        assert {f.severity for f in report.findings} == {"info"}, [(f.code, f.severity) for f in report.findings]
        assert all(f.unverified for f in report.findings)


# -- input formats ----------------------------------------------------------------------------------------------

FORMAT_CASES = [
    ("deprecated.txt", [("DEPRECATED_VARIANT", 3, 36), ("CASE_VARIANT", 5, 5), ("SPELLING_VARIANT", 7, 13)]),
    ("page.html", [("DEPRECATED_VARIANT", 6, 4), ("CASE_VARIANT", 8, 8)]),
    ("report.docx", [("DEPRECATED_VARIANT", 2, 26), ("INCONSISTENT_RENDERING", 3, 5)]),
    ("news12.xlf", [("KEY_TERM_MISSING", 11, 1), ("UNKNOWN_RENDERING", 15, 21), ("KEY_TERM_MISSING", 19, 1),
                    ("EMPTY_TARGET", 23, 1), ("DEPRECATED_VARIANT", 27, 14)]),
    ("news20.xlf", [("INCONSISTENT_RENDERING", 7, 5), ("CASE_VARIANT", 19, 17)]),
    ("memory.tmx", [("DEPRECATED_VARIANT", 7, 14)]),
    ("pairs.tsv", [("CASE_VARIANT", 3, 10), ("KEY_TERM_MISSING", 4, 10)]),
]


@pytest.mark.parametrize("name,expected", FORMAT_CASES)
def test_formats(index, name, expected):
    report = check_files(index, [FIX / name])
    assert not report.bad_files
    assert [(f.code, f.line, f.col) for f in report.findings] == expected


_TMX = ('<?xml version="1.0" encoding="UTF-16"?>\n<tmx version="1.4"><header srclang="zh-CN"/><body>\n'
        '<tu><tuv xml:lang="zh-CN"><seg>国际交往中心</seg></tuv>'
        '<tuv xml:lang="en"><seg>the International Exchange Center</seg></tuv></tu>\n</body></tmx>')
_EN_ZH_XLIFF = ('<xliff version="1.2"><file source-language="en" target-language="zh-CN"><body>\n'
                '<trans-unit id="a"><source>The cpc beijing municipal committee met.</source>'
                '<target>北京市委开会。</target></trans-unit>\n</body></file></xliff>')
ENCODED_CASES = [
    # file name, bytes, expected (code, line, col)
    ("bom.tmx", _TMX.encode("utf-16"), [("DEPRECATED_VARIANT", 3, 5)]),
    ("no_bom.tmx", _TMX.encode("utf-16-le"), [("DEPRECATED_VARIANT", 3, 5)]),
    ("big_endian.tmx", _TMX.encode("utf-16-be"), [("DEPRECATED_VARIANT", 3, 5)]),
    # English into Chinese: the English source is what gets checked
    ("en_zh.xlf", _EN_ZH_XLIFF.encode("utf-8"), [("CASE_VARIANT", 2, 5)]),
    ("gb18030.tsv", "两个确立\tthe new era\n北京市委\tthe cpc beijing municipal committee\n".encode("gb18030"),
     [("KEY_TERM_MISSING", 1, 6), ("CASE_VARIANT", 2, 10)]),
    ("utf16.txt", "Building the International Exchange Center.".encode("utf-16"), [("DEPRECATED_VARIANT", 1, 14)]),
    ("page.xhtml", b'<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>\n'
                   b"<p>Building the International Exchange Center.</p></body></html>",
     [("DEPRECATED_VARIANT", 3, 17)]),
]


@pytest.mark.parametrize("name,data,expected", ENCODED_CASES)
def test_encodings_and_directions(index, tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    report = check_files(index, [path])
    assert not report.bad_files, report.bad_files
    assert [(f.code, f.line, f.col) for f in report.findings] == expected


def test_xliff_inline_codes_dropped_and_their_tails_kept():
    from lxml import etree

    el = etree.fromstring('<target xmlns="urn:oasis:names:tc:xliff:document:1.2">Building the Inter'
                          '<bpt id="5">&lt;i&gt;</bpt>national <g id="1">Exchange</g> Center'
                          '<ept id="5">&lt;/i&gt;</ept><x id="2"/>.<ph id="3">{0}</ph></target>')
    assert inline_text(el) == "Building the International Exchange Center."


def test_xliff_segment_ids_and_empty_target(index):
    report = check_files(index, [FIX / "news12.xlf"])
    empty = [f for f in report.findings if f.code == "EMPTY_TARGET"]
    assert [(f.segment, f.severity) for f in empty] == [("5", "info")]
    assert report.findings[1].segment == "3"


def test_tmx_is_utf16():
    assert (FIX / "memory.tmx").read_bytes()[:2] == b"\xff\xfe"


def test_parallel_pair_is_checked_sentence_by_sentence(index):
    report = check_files(index, [FIX / "meeting.en.txt"])
    [doc] = report.files
    assert doc.kind == "pair" and Path(doc.source_path).name == "meeting.zh.txt"
    [f] = report.findings
    assert (f.code, f.term) == ("KEY_TERM_MISSING", "Two Establishments")
    # sentence-aligned: the finding points at the English sentence that renders the Chinese one
    assert f.line == (2 if doc.aligned else 1)


def test_parallel_pair_document_level(index):
    report = check_files(index, [FIX / "meeting.zh.txt", FIX / "meeting.en.txt"], use_align=False)
    assert len(report.files) == 1 and report.files[0].aligned is False
    assert [(f.code, f.term, f.line) for f in report.findings] == [("KEY_TERM_MISSING", "Two Establishments", 1)]


def test_folder_means_its_supported_files(index, tmp_path):
    for name in ("forum_a.txt", "forum_b.txt", "meeting.en.txt", "meeting.zh.txt", "report.docx"):
        shutil.copy(FIX / name, tmp_path / name)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    report = check_files(index, [tmp_path], use_align=False)
    assert [(Path(f.path).name, f.kind) for f in report.files] == [
        ("forum_a.txt", "text"), ("forum_b.txt", "text"), ("meeting.en.txt", "pair"), ("report.docx", "docx")]


def test_empty_folder_is_an_error(runner, db, tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    res = run_cli(runner, db, tmp_path)
    assert res.exit_code == 1 and "no files to check" in res.output


def test_chinese_text_alone_is_reported(index, tmp_path):
    zh = tmp_path / "lonely.zh.txt"
    zh.write_text("两个确立", encoding="utf-8")
    report = check_files(index, [zh])
    assert "nothing to check" in report.bad_files[0].error


# -- bad inputs ---------------------------------------------------------------------------------------------

BAD_INPUTS = [
    ("image.txt", "binary file"),
    ("not_word.docx", "not a Word .docx document"),
    ("broken.xlf", "not well-formed XML"),
    ("missing.txt", "no such file"),
    ("empty.txt", "file is empty"),
    ("tmx_without_langs.tmx", "no English or Chinese translation units"),
    ("untranslated.xlf", "no unit has English text"),
]


@pytest.fixture
def bad_dir(tmp_path):
    for name in ("image.txt", "not_word.docx", "deprecated.txt"):
        shutil.copy(FIX / name, tmp_path / name)
    (tmp_path / "broken.xlf").write_text('<xliff version="1.2"><file><body><trans-unit>', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "tmx_without_langs.tmx").write_text(
        '<tmx version="1.4"><body><tu><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    (tmp_path / "untranslated.xlf").write_text(
        '<xliff version="1.2"><file source-language="zh-CN" target-language="en"><body>'
        '<trans-unit id="1"><source>两个确立</source><target/></trans-unit>'
        '<trans-unit id="2"><source>中关村论坛</source></trans-unit></body></file></xliff>', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name,message", BAD_INPUTS)
def test_bad_input_is_one_line_naming_the_file_and_others_are_checked(runner, db, bad_dir, name, message):
    res = run_cli(runner, db, bad_dir / name, bad_dir / "deprecated.txt")
    assert res.exit_code == 1
    bad_lines = [ln for ln in res.output.splitlines() if message in ln]
    assert len(bad_lines) == 1 and str(bad_dir / name) in bad_lines[0]
    assert "DEPRECATED_VARIANT" in res.output            # the good file was still checked
    assert "1 file checked; 1 could not be read" in res.output


def test_bad_input_alone_fails_even_with_no_findings(runner, db, bad_dir):
    res = run_cli(runner, db, bad_dir / "image.txt", "--fail-on", "error")
    assert res.exit_code == 1 and "could not be read" in res.output


def test_zip_pretending_to_be_docx(index, tmp_path):
    fake = tmp_path / "fake.docx"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    [doc] = load([fake])
    assert doc.error.startswith(str(fake)) and "not a Word .docx" in doc.error


# -- reports and exit status ---------------------------------------------------------------------------------------

FAIL_ON_CASES = [
    # file content, --fail-on, exit status
    ("Building the International Exchange Center.", "error", 1),
    ("The cpc beijing municipal committee met.", "error", 0),
    ("The cpc beijing municipal committee met.", "warning", 1),
    ("The Four Consciousnesses.", "warning", 0),
    ("The Four Consciousnesses.", "info", 1),
    ("The Center for International Exchanges.", "info", 0),
]


@pytest.mark.parametrize("text,fail_on,status", FAIL_ON_CASES)
def test_fail_on_exit_status(runner, db, tmp_path, text, fail_on, status):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    res = run_cli(runner, db, path, "--fail-on", fail_on)
    assert res.exit_code == status, res.output


def test_fail_on_default_is_error(runner, db, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("The cpc beijing municipal committee met.", encoding="utf-8")
    assert run_cli(runner, db, path).exit_code == 0


def test_human_output_lines_grouped_by_file_then_summary(runner, db):
    res = run_cli(runner, db, FIX / "deprecated.txt", FIX / "forum_a.txt", FIX / "forum_b.txt")
    lines = res.output.splitlines()
    path = str(FIX / "deprecated.txt")
    assert lines[0] == path
    assert lines[1] == (f"{path}:3:36  DEPRECATED_VARIANT  'International Exchange Center' is a deprecated form  "
                        "→ use 'Center for International Exchanges'")
    assert lines[-1] == "3 files checked: 1 error, 3 warnings, 0 info"
    assert "\x1b[" not in res.output           # not a terminal: no colour


def test_human_output_is_coloured_with_a_style(index):
    report = check_text(index, "the International Exchange Center")
    assert "\x1b[31m" in render_human(report, style=click.style)


def test_json_schema_is_stable(index):
    report = check_files(index, [FIX / "news12.xlf", FIX / "image.txt"])
    data = json.loads(render_json(report, "warning"))
    assert list(data) == ["schema", "fail_on", "failed", "summary", "files", "findings", "concepts"]
    assert data["schema"] == SCHEMA == "glossary-check/1"
    assert (data["fail_on"], data["failed"]) == ("warning", True)
    assert list(data["summary"]) == ["files", "checked", "bad_files", "segments", "findings", "error", "warning",
                                     "info", "by_code"]
    assert list(data["files"][0]) == ["path", "kind", "segments", "error", "source_path", "aligned"]
    assert data["files"][1]["error"].startswith(str(FIX / "image.txt"))
    assert list(data["findings"][0]) == ["code", "severity", "file", "line", "col", "message", "suggestion", "text",
                                         "concept_id", "term", "segment", "context", "source", "scope",
                                         "unverified", "occurrences", "context_span"]
    assert all(f["code"] in CODES and f["severity"] in ("error", "warning", "info") for f in data["findings"])
    concept = data["concepts"][str(data["findings"][0]["concept_id"])]
    assert list(concept) == ["id", "category", "definition", "terms"]
    assert list(concept["terms"][0]) == ["text", "lang", "status", "provenance", "term_type", "id"]
    assert "北京市委" in render_json(report)                    # Chinese stays readable


def test_context_span_marks_the_text_found(index):
    report = check_files(index, [FIX / "deprecated.txt", FIX / "news12.xlf", FIX / "report.docx"])
    spans = [(f.context, f.context_span, f.text) for f in report.findings if f.text]
    assert len(spans) == 7
    for context, (a, b), text in spans:
        assert context[a:b] == text


def test_html_report_escapes_everything_and_links_occurrences(index, tmp_path):
    path = tmp_path / "<evil>.txt"
    path.write_text('<script>alert("x")</script> the ZGC Forum & the International Exchange Center.\n'
                    "The Zhongguancun Forum.", encoding="utf-8")
    report = check_files(index, [path])
    page = render_html(report)
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;evil&gt;.txt" in page and "<evil>" not in page
    assert "<mark>International Exchange Center</mark>" in page
    assert page.count('<div class="f ') == len(report.findings) == 2
    cid = report.findings[1].concept_id
    assert f'id="c{cid}"' in page and f'href="#c{cid}"' in page     # finding → entry
    assert 'href="#f1"' in page                                       # entry → finding
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "http" not in page
    # each finding shows its entry: the deprecated form struck through next to the preferred one
    assert page.count('<span class="st-deprecated">International Exchange Center</span>') == 2


def test_html_and_json_to_file(runner, db, tmp_path):
    out = tmp_path / "report.html"
    res = run_cli(runner, db, FIX / "deprecated.txt", "--format", "html", "-o", out)
    assert res.exit_code == 1 and "report written" in res.output
    assert "DEPRECATED_VARIANT" in out.read_text(encoding="utf-8")


def test_missing_term_base_is_one_line_error(runner, tmp_path):
    res = run_cli(runner, str(tmp_path / "none.db"), FIX / "deprecated.txt")
    assert res.exit_code == 1 and "no such term base" in res.output


def test_cli_choices_match_the_library():
    from glossary import cli_check
    from glossary.check import SEVERITIES
    from glossary.checkreport import FORMATS

    assert set(cli_check.FAIL_ON) == set(SEVERITIES) and cli_check.FORMATS == FORMATS


def test_registered_command_when_the_lead_has_added_it():
    from glossary.cli import cli

    if "check" not in cli.commands:
        pytest.skip("check not registered in glossary.cli yet")
    assert cli.commands["check"] is check_command


# -- the matcher ---------------------------------------------------------------------------------------------

def test_fold_keeps_offsets():
    for text in ("İstanbul Centre", "Beijing’s\u00a0Role\n", "ǅ ß ﬁ"):
        assert len(fold_text(text)) == len(text)


def test_homonym_prefers_approved_reading():
    index = TermIndex([Concept("other", [Term("Forum", status="deprecated")], id=1),
                       Concept("other", [Term("Forum", status="preferred")], id=2)])
    assert check_text(index, "The Forum.").findings == []


def test_longest_match_wins():
    index = TermIndex([Concept("other", [Term("Beijing", status="preferred")], id=1),
                       Concept("other", [Term("Beijing Municipal Committee", status="deprecated")], id=2)])
    [f] = check_text(index, "the Beijing Municipal Committee").findings
    assert f.concept_id == 2 and f.text == "Beijing Municipal Committee"


# -- properties -------------------------------------------------------------------------------------------------

_WORDS = st.sampled_from(["Zhongguancun", "Forum", "ZGC", "the", "Centre", "Center", "for", "International",
                          "Exchanges", "forums", "\n", "  ", "’s", "-", "İ", "中关村", ".", "x"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_matches_are_whole_words_and_located_exactly(text):
    index = TermIndex(base_concepts())
    seg = Segment("t.txt", text)
    for hit in index.scan_en(text):
        before = text[hit.start - 1] if hit.start else " "
        after = text[hit.end] if hit.end < len(text) else " "
        assert not (before.isalnum() and before < "\u2e80") and not (after.isalnum() and after < "\u2e80")
        assert fold_text(hit.text).replace("  ", " ") != "" and hit.text == text[hit.start:hit.end]
        line = text.count("\n", 0, hit.start) + 1
        col = hit.start - (text.rfind("\n", 0, hit.start) + 1) + 1
        assert seg.locate(hit.start) == (line, col)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_text_keeps_length(text):
    assert len(fold_text(text)) == len(text)

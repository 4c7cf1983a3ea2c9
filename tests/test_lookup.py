"""Lookup (issue 7): one table of queries as translators type them, run through the library and the CLI."""
import json
import sqlite3

import pytest

from glossary.cli import cli
from glossary.lookup import (LookupResult, ime_initials, interactive, lookup, miss_message, suggest,
                             to_simplified)
from glossary.model import Concept, Occurrence, Term
from glossary.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, open_store

ZH = "zh-CN"


def _base():
    """A small base; (category, [terms]) per concept, first English term preferred."""
    return [
        Concept("slogan", [
            Term("Two Establishments", "en", status="preferred", provenance="termbase", confidence=0.95,
                 occurrences=[Occurrence("a.en.txt", 10, 28, "We must uphold the Two Establishments.",
                                         doc_date="2024-03-01")]),
            Term("two affirmations", "en", status="admitted"),
            Term("两个确立", ZH, status="preferred", pinyin="liǎng gè quèlì", provenance="parallel-text")],
            definition="Xi Jinping's core status and Xi Jinping Thought as guiding principle"),
        Concept("slogan", [
            Term("Two Upholds", "en", status="preferred"),
            Term("Two Safeguards", "en", status="deprecated"),
            Term("两个维护", ZH, status="preferred", pinyin="liǎng gè wéihù")]),
        Concept("body", [
            Term("Central Leading Group for Comprehensively Deepening Reform", "en", status="preferred"),
            Term("Leading Group for Deepening Reform", "en", status="admitted"),
            Term("中央全面深化改革领导小组", ZH, status="preferred",
                 pinyin="Zhōngyāng Quánmiàn Shēnhuà Gǎigé Lǐngdǎo Xiǎozǔ")]),
        Concept("body", [Term("Central Leading Group on Financial Affairs", "en", status="preferred")]),
        Concept("other", [
            Term("Center for International Exchanges", "en", status="preferred"),
            Term("International Exchange Centre", "en", status="admitted"),
            Term("国际交往中心", ZH, status="preferred", pinyin="guójì jiāowǎng zhōngxīn")]),
        Concept("event", [
            Term("Zhongguancun Forum", "en", status="preferred"),
            Term("中关村论坛", ZH, status="preferred", pinyin="Zhōngguāncūn Lùntán")]),
        Concept("event", [Term("Annual Forum Week", "en", status="preferred")]),
        Concept("plan", [
            Term("14th Five-Year Plan", "en", status="preferred"),
            Term("“十四五”规划", ZH, status="preferred", pinyin="“Shísìwǔ” Guīhuà")]),
        Concept("policy", [
            Term("common prosperity", "en", status="preferred"),
            Term("共同富裕", ZH, status="proposed", pinyin="gòngtóng fùyù", provenance="composed")]),
    ]


@pytest.fixture
def base(fresh_store, store_path):
    with fresh_store.transaction():
        doc = fresh_store.add_document("a.en.txt", "h1", "en", "2024-03-01")
        for concept in _base():
            fresh_store.add_concept(concept, {"a.en.txt": doc})
    return fresh_store


# (query, expected headword of the first match, how it matched)
CASES = [
    ("Two Establishments", "Two Establishments", "exact"),
    ("the two establishments", "Two Establishments", "exact"),
    ("TWO ESTABLISHMENTS", "Two Establishments", "exact"),
    ("“Two Establishments”", "Two Establishments", "exact"),
    ("two affirmations", "Two Establishments", "exact"),
    ("两个确立", "Two Establishments", "exact"),
    ("兩個確立", "Two Establishments", "exact"),
    ("liǎng gè quèlì", "Two Establishments", "pinyin"),
    ("liang3 ge4 que4 li4", "Two Establishments", "pinyin"),
    ("lianggequeli", "Two Establishments", "pinyin"),
    ("Liang Ge Queli", "Two Establishments", "pinyin"),
    ("lgql", "Two Establishments", "initials"),
    ("LGQL", "Two Establishments", "initials"),
    ("lianggql", "Two Establishments", "initials"),
    ("lgwh", "Two Upholds", "initials"),
    ("zgclt", "Zhongguancun Forum", "initials"),
    ("zhgclt", "Zhongguancun Forum", "initials"),
    ("Two Safeguards", "Two Upholds", "exact"),
    ("Centre for International Exchanges", "Center for International Exchanges", "exact"),
    ("the International Exchange Center", "Center for International Exchanges", "exact"),
    ("十四五规划", "14th Five-Year Plan", "exact"),
    ("“十四五”规划", "14th Five-Year Plan", "exact"),
    ("國際交往中心", "Center for International Exchanges", "exact"),
    ("共同富裕", "common prosperity", "exact"),
    # partial: prefixes, words, substrings
    ("Zhongguancun", "Zhongguancun Forum", "prefix"),
    ("国际交往", "Center for International Exchanges", "prefix"),
    ("lianggeq", "Two Establishments", "pinyin prefix"),
    ("guoji jiaowang", "Center for International Exchanges", "pinyin prefix"),
    ("Leading Group", "Central Leading Group for Comprehensively Deepening Reform", "prefix"),
    ("Deepening Reform", "Central Leading Group for Comprehensively Deepening Reform", "partial"),
    ("交往中心", "Center for International Exchanges", "partial"),
    ("深化改革", "Central Leading Group for Comprehensively Deepening Reform", "partial"),
    ("确立", "Two Establishments", "partial"),
    ("論壇", "Zhongguancun Forum", "partial"),
    ("jiaowang", "Center for International Exchanges", "pinyin partial"),
    ("forum", "Zhongguancun Forum", "partial"),          # both match as a word: the one with Chinese first
    ("prosper", "common prosperity", "partial"),
    ("reform leading group", "Central Leading Group for Comprehensively Deepening Reform", "partial"),
]

# (query, first suggestion)
FUZZY = [
    ("Two Establishmnets", "Two Establishments"),
    ("Zhongguancun Froum", "Zhongguancun Forum"),
    ("Centre for Internatonal Exchange", "Center for International Exchanges"),
    ("lianggequelu", "两个确立"),
    ("两个确定", "两个确立"),
    ("Establishmnets", "Two Establishments"),
    ("Leading Gruop for Deepening Reform", "Leading Group for Deepening Reform"),
    ("comon prosperty", "common prosperity"),
]


def test_one_suggestion_per_concept(base):
    with base.transaction():
        base.add_concept(Concept("slogan", [Term("Two Establishment", "en", status="preferred"),
                                            Term("Two Establishment Policy", "en", status="admitted")]))
    res = lookup(base, "Two Establishmnets")
    assert res.suggestions[:2] == ["Two Establishments", "Two Establishment"]
    assert "Two Establishment Policy" not in res.suggestions


@pytest.mark.parametrize("query,headword,how", CASES)
def test_library(base, query, headword, how):
    res = lookup(base, query)
    assert res.matches, f"no match for {query!r}; suggestions {res.suggestions}"
    concept, got_how = res.matches[0]
    assert (concept.headword("en"), got_how) == (headword, how)


@pytest.mark.parametrize("query,headword,how", CASES)
def test_cli(base, store_path, runner, query, headword, how):
    out = runner.invoke(cli, ["--db", store_path, "lookup", query])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0].endswith(f"  {headword}")
    out = runner.invoke(cli, ["--db", store_path, "lookup", "--json", query])
    data = json.loads(out.output)
    first = data["matches"][0]
    assert first["match"] == how
    assert any(t["text"] == headword and t["status"] == "preferred" for t in first["terms"])


@pytest.mark.parametrize("query,first", FUZZY)
def test_fuzzy_suggestions(base, store_path, runner, query, first):
    res = lookup(base, query)
    assert not res.matches
    assert res.suggestions[0] == first
    assert miss_message(res).startswith(f"no exact match for {query!r}; did you mean: {first}")
    out = runner.invoke(cli, ["--db", store_path, "lookup", query])
    assert out.exit_code == 1
    assert "did you mean" in out.output and first in out.output


def test_whole_concept_is_shown(base, store_path, runner):
    out = runner.invoke(cli, ["--db", store_path, "lookup", "lgql"]).output
    lines = out.splitlines()
    assert "Two Establishments" in lines[1] and "preferred" in lines[1]          # preferred form first
    assert any("two affirmations" in l and "admitted" in l for l in lines)
    assert any("两个确立" in l and "liǎng gè quèlì" in l for l in lines)
    assert "[slogan]" in lines[0]
    assert any("definition: Xi Jinping" in l for l in lines)
    assert any("confidence 0.95" in l and "termbase" in l for l in lines)
    assert any("context (a.en.txt 2024-03-01): We must uphold the Two Establishments." in l for l in lines)


def test_suggested_chinese_is_labelled(base, store_path, runner):
    out = runner.invoke(cli, ["--db", store_path, "lookup", "common prosperity"]).output
    assert any("共同富裕" in l and "SUGGESTION" in l for l in out.splitlines())


def test_ranking_preferred_and_chinese_first(base):
    names = [c.headword("en") for c, _ in lookup(base, "Leading Group").matches]
    # a prefix (of the variant) before a word inside
    assert names == ["Central Leading Group for Comprehensively Deepening Reform",
                     "Central Leading Group on Financial Affairs"]
    names = [c.headword("en") for c, _ in lookup(base, "forum").matches]
    assert names == ["Zhongguancun Forum", "Annual Forum Week"]


def test_english_word_is_english_before_initials(base):
    """"fmr" is f-m-r to an input method; "forum" is English first, initials after."""
    with base.transaction():
        base.add_concept(Concept("other", [Term("方面任务", ZH, pinyin="fāngmiàn rènwu")]))
        base.add_concept(Concept("other", [Term("佛偌木", ZH, pinyin="fó ruò mù")]))
    assert lookup(base, "fmrw").matches[0][1] == "initials"
    res = lookup(base, "forum")
    assert [how for _, how in res.matches] == ["partial", "partial", "initials"]
    assert res.matches[2][0].headword("zh") == "佛偌木"


def test_exact_beats_partial(base):
    with base.transaction():
        base.add_concept(Concept("other", [Term("Forum", "en", status="admitted")]))
    res = lookup(base, "forum")
    assert [c.headword("en") for c, _ in res.matches] == ["Forum"]


@pytest.mark.parametrize("kwargs,expected", [
    ({"category": "event"}, ["Zhongguancun Forum", "Annual Forum Week"]),
    ({"category": "plan"}, []),
    ({"lang": "zh"}, ["Zhongguancun Forum"]),
    ({"lang": "en"}, ["Zhongguancun Forum", "Annual Forum Week"]),
    ({"limit": 1}, ["Zhongguancun Forum"]),
])
def test_filters_and_limit(base, kwargs, expected):
    assert [c.headword("en") for c, _ in lookup(base, "forum", **kwargs).matches] == expected


def test_status_filter_applies_to_the_matched_term(base, store_path, runner):
    assert lookup(base, "Two Safeguards", status="preferred").matches == []
    assert lookup(base, "Two Safeguards", status="deprecated").matches[0][0].headword("en") == "Two Upholds"
    out = runner.invoke(cli, ["--db", store_path, "lookup", "--status", "deprecated", "--category", "slogan",
                              "--lang", "zh", "--limit", "3", "two safeguards"])
    assert out.exit_code == 0 and "Two Upholds" in out.output


def test_no_match_and_empty_query(base):
    assert lookup(base, "   ") == LookupResult("   ")
    res = lookup(base, "qqqxxzzv kkwwjj")
    assert res.matches == [] and res.suggestions == []
    assert suggest(base, "") == []
    for odd in ("、", "“”", '"', "*", "a OR b", "NEAR(x y)", "e"):
        lookup(base, odd)     # punctuation and FTS syntax in a query are text, never an error


def test_traditional_query_is_converted_only_when_needed(base):
    assert lookup(base, "兩個確立").simplified == "两个确立"
    assert lookup(base, "两个确立").simplified is None
    assert to_simplified("中關村論壇") == "中关村论坛"


def test_ime_initials():
    assert "lgql" in ime_initials("lgql")
    assert "lgql" in ime_initials("lianggql")
    assert "zgclt" in ime_initials("zhgclt")
    assert ime_initials("two establishments") == {}
    assert ime_initials("x" * 40) == {}


def test_index_follows_updates_and_deletes(base):
    cid = lookup(base, "lgql").matches[0][0].id
    zh = base.get_concept(cid).zh[0]
    zh.pinyin = "liǎng gè quèlìx"
    with base.transaction():
        base.update_term(zh)
    assert lookup(base, "quelix").matches[0][1] == "pinyin partial"
    with base.transaction():
        base.delete_concept(cid)
    assert lookup(base, "确立").matches == []
    assert lookup(base, "establishments").matches == []
    assert base.conn.execute("SELECT COUNT(*) FROM terms_fts WHERE terms_fts MATCH '\"quelix\"'").fetchone()[0] == 0


def test_migration_indexes_terms_of_an_older_base(tmp_path):
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO concepts (id, category, created, modified) VALUES (1, 'other', 'x', 'x')")
    conn.execute("""INSERT INTO terms (concept_id, lang, text, key, status, provenance, pinyin, pinyin_key)
                    VALUES (1, 'zh-CN', '国际交往中心', '国际交往中心', 'preferred', 'termbase',
                            'guójì jiāowǎng zhōngxīn', 'guojijiaowangzhongxin')""")
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lookup(store, "交往中心").matches[0][1] == "partial"
        assert lookup(store, "jiaowang").matches[0][1] == "pinyin partial"
    finally:
        store.close()


def test_interactive_answers_until_eof(base):
    queries = iter(["lgql", "", "两个维护"])
    answered = []

    def fake_input(prompt):
        try:
            return next(queries)
        except StopIteration:
            raise EOFError from None

    n = interactive(base, lambda q: answered.append(lookup(base, q).matches[0][0].headword("en")), fake_input)
    assert n == 2 and answered == ["Two Establishments", "Two Upholds"]


def test_cli_reads_queries_from_stdin(base, store_path, runner):
    out = runner.invoke(cli, ["--db", store_path, "lookup"], input="lgql\n两个维护\n")
    assert out.exit_code == 0
    assert "Two Establishments" in out.output and "Two Upholds" in out.output

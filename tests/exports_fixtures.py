"""Sample concepts and helpers for the exports tests (a plain module: conftest.py belongs to the lead)."""
from pathlib import Path

from glossary.model import Concept, Occurrence, Term

SCHEMAS = Path("/work/shared/schemas/tbx")
V2_DIR = SCHEMAS / "v2-tbx-basic-lisa-2009"
V3_RNG = SCHEMAS / "core" / "TBXcoreStructV03.rng"
V3_SAMPLE = SCHEMAS / "basic-dialect" / "DCA" / "Example_Astronomy_DCA_VALID.tbx"
SCORE_PY = Path("/work/shared/tools/score.py")


def sample_concepts():
    """Chinese text, pinyin, every status, notes and odd characters (&, <, quotes, emoji, tabs, newlines)."""
    return [
        Concept(category="slogan", id=1, definition="Establishing Xi's core position & <guiding> status",
                note="multi-line note\nwith a\ttab and \"quotes\" 😀", created="2026-11-20",
                terms=[
                    Term("Two Establishes", "en", status="preferred", provenance="parallel-text", confidence=0.9,
                         count=4, source="http://english.www.gov.cn/",
                         occurrences=[Occurrence("report.txt", 10, 25, "We must uphold the Two Establishes.", 3),
                                      Occurrence("report.txt", 99, 114, "The Two Establishes & <more>.", 8)]),
                    Term("two affirmations", "en", status="deprecated", provenance="extracted", confidence=0.4),
                    Term("两个确立", "zh-CN", status="preferred", pinyin="liǎng gè quèlì", provenance="termbase",
                         occurrences=[Occurrence("报告.txt", 5, 9, "坚决拥护“两个确立”。", 2)]),
                ]),
        Concept(category="plan", id=2, terms=[
            Term("14th Five-Year Plan", "en", status="preferred", term_type="fullForm", provenance="termbase"),
            Term("=SUM(A1:A9)", "en", status="proposed", term_type="variant", provenance="composed",
                 confidence=0.25, note="looks like a formula; kept as text"),
            Term("“十四五”规划", "zh-CN", status="admitted", pinyin="“shísì wǔ” guīhuà", provenance="termbase"),
            Term("十四五", "zh-CN", status="proposed", term_type="shortForm", pinyin="shísì wǔ",
                 provenance="pinyin-match", confidence=0.5),
        ]),
        Concept(category="place", id=3, terms=[
            Term("Chang'an Avenue", "en", status="admitted", provenance="manual", pos="noun"),
            Term("长安街", "zh-CN", status="admitted", pinyin="Cháng'ān Jiē", provenance="manual",
                 source="https://example.org/?a=1&b=<2>"),
        ]),
        Concept(category="other", id=4, note="+ starts with plus; - and @ too", terms=[
            Term("@home & abroad", "en", status="admitted", provenance="imported", pos=None),
            Term("-negative", "en", status="deprecated", provenance="imported", pos=None),
        ]),
        Concept(category="body", id=5, terms=[
            Term("全国人民代表大会", "zh-CN", status="preferred", pinyin="Quánguó Rénmín Dàibiǎo Dàhuì",
                 provenance="termbase", term_type="fullForm"),
            Term("全国人大", "zh-CN", status="admitted", pinyin="Quánguó Réndà", term_type="shortForm",
                 provenance="termbase"),
            Term("National People's Congress", "en", status="preferred", provenance="termbase"),
            Term("NPC", "en", status="admitted", term_type="acronym", provenance="termbase"),
        ]),
    ]

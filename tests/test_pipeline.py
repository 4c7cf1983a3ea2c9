"""Extraction end to end on small articles of our own: variants, dates, statuses, provenance, jobs."""
import json

import pytest

from extract.pipeline import analyse, discover, extract
from glossary.cli import cli

ARTICLE_2021 = """Topics:
Beijing Advances Its Role as an International Exchange Center
Date: 2021-03-02
Source: Beijing Daily

On March 1, the Leading Group for Improving Beijing's Role as an International Exchange Center held a
meeting. Cai Qi, Secretary of the CPC Beijing Municipal Committee and Head of the Leading Group,
presided over the meeting. The meeting stressed the need to run the ZGC Forum well and to build
Beijing into an International Exchange Center.
"""

ARTICLE_2023 = """Topics:
Leading Group Reviews Work Plan
Date: 2023-05-10
Source: Beijing Daily

On May 9, the Leading Group for Improving Beijing's Role as the Center for International Exchanges
reviewed its work plan. Yin Li, Secretary of the CPC Beijing Municipal Committee, presided over the
meeting, which called for a successful Zhongguancun Forum and further progress in building the
Center for International Exchanges.
"""


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a2021.txt").write_text(ARTICLE_2021, encoding="utf-8")
    (folder / "b2023.txt").write_text(ARTICLE_2023, encoding="utf-8")
    return folder


def _concept_of(store, text):
    [(concept_id, _)] = store.find_by_key(text, "en")[:1]
    return store.get_concept(concept_id)


def test_renamed_body_is_one_concept_with_the_old_name_deprecated(fresh_store, articles):
    extract(fresh_store, [str(articles)])
    c = _concept_of(fresh_store, "Center for International Exchanges")
    status = {t.text: t.status for t in c.en}
    assert status["Center for International Exchanges"] == "preferred"
    assert status["International Exchange Center"] == "deprecated"
    body = _concept_of(fresh_store, "Leading Group for Improving Beijing's Role as the Center for International Exchanges")
    status = {t.text: t.status for t in body.en}
    assert status["Leading Group for Improving Beijing's Role as an International Exchange Center"] == "deprecated"
    assert body.zh and body.zh[0].provenance == "termbase" and body.zh[0].source


def test_abbreviated_forms_stay_admitted_even_years_apart(fresh_store, articles):
    extract(fresh_store, [str(articles)])
    c = _concept_of(fresh_store, "Zhongguancun Forum")
    forms = {t.text: t for t in c.en}
    assert (forms["ZGC Forum"].status, forms["ZGC Forum"].term_type) == ("admitted", "shortForm")


def test_contexts_are_dated_sentences(fresh_store, articles):
    extract(fresh_store, [str(articles)])
    c = _concept_of(fresh_store, "Cai Qi")
    occ = c.en[0].occurrences[0]
    assert occ.doc_date == "2021-03-02"
    assert occ.sentence.startswith("Cai Qi, Secretary of the CPC Beijing Municipal Committee")
    assert c.zh[0].text == "蔡奇" and c.zh[0].pinyin == "Cài Qí"


def test_composed_suggestions_are_proposed_and_persons_never_invented(fresh_store, tmp_path):
    text = ("Topics:\nDistrict Meeting\nDate: 2024-02-01\n\nZhou Xiaoming, Deputy Secretary of the CPC "
            "Mentougou District Committee, attended the meeting on the 35 key tasks.\n")
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    extract(fresh_store, [str(tmp_path / "d.txt")])
    person = _concept_of(fresh_store, "Zhou Xiaoming")
    assert person.category == "person" and person.zh == []
    title = _concept_of(fresh_store, "Deputy Secretary of the CPC Mentougou District Committee")
    assert [(t.text, t.status, t.provenance) for t in title.zh] == [("门头沟区委副书记", "proposed", "composed")]


def test_no_reference_means_no_chinese_from_it(fresh_store, articles):
    extract(fresh_store, [str(articles)], use_reference=False)
    c = _concept_of(fresh_store, "Cai Qi")
    assert c.zh == []


def test_jobs_give_the_same_term_base(runner, tmp_path, seeds_dir):
    exports = []
    for jobs in ("1", "2"):
        db = str(tmp_path / f"j{jobs}.db")
        r = runner.invoke(cli, ["--db", db, "extract", str(seeds_dir), "--jobs", jobs])
        assert r.exit_code == 0, r.output
        out = tmp_path / f"j{jobs}.json"
        assert runner.invoke(cli, ["--db", db, "export", "-o", str(out)]).exit_code == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        for concept in data["concepts"]:
            concept.pop("created", None)
            concept.pop("modified", None)
        exports.append(data)
    assert exports[0] == exports[1]
    assert len(exports[0]["concepts"]) > 150


def test_parallel_pair_gives_chinese_with_evidence_and_keeps_traditional_original(fresh_store):
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "parallel" / "zgc_forum_trad.en.txt"
    report = extract(fresh_store, [str(fixture)], use_reference=False)
    assert report.zh_by_provenance["parallel-text"] >= 5
    c = _concept_of(fresh_store, "Zhongguancun Forum")
    forms = {t.lang: t for t in c.zh}
    assert forms["zh-CN"].text == "中关村论坛" and forms["zh-TW"].text == "中關村論壇"
    assert forms["zh-CN"].provenance == "parallel-text" and "中關村論壇" in forms["zh-CN"].note
    assert forms["zh-CN"].pinyin == forms["zh-TW"].pinyin == "Zhōngguāncūn Lùntán"


def test_an_agreement_keeps_its_parties_and_each_english_form_its_own_chinese(fresh_store):
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "parallel_blind6" / "lima_delegation.en.txt"
    extract(fresh_store, [str(fixture)])
    name = "Memorandum on Friendly Exchanges and Cooperation between Beijing and Lima"
    c = _concept_of(fresh_store, name)
    zh = {t.text for t in c.zh}
    # the English with the edition's years and without: both Chinese forms, one concept
    assert {"北京市与利马市友好交流合作备忘录", "北京市与利马市友好交流合作备忘录（2025—2027年）"} <= zh
    assert name + " (2025-2027)" in {t.text for t in c.en}


def test_unrelated_chinese_text_gives_no_pairs(fresh_store, tmp_path):
    from pathlib import Path

    here = Path(__file__).parent / "fixtures" / "parallel"
    en = here / "unrelated.en.txt"
    report = extract(fresh_store, [str(en)], zh=str(here / "unrelated.zh.txt"), use_reference=False)
    assert not report.zh_by_provenance
    assert any("does not look like a translation" in w for w in report.warnings)


def test_variant_met_in_a_later_run_joins_its_concept(fresh_store, articles):
    """Translators extract as articles arrive: the 2023 name must land on the 2021 concept."""
    extract(fresh_store, [str(articles / "a2021.txt")])
    extract(fresh_store, [str(articles / "b2023.txt")])
    c = _concept_of(fresh_store, "Center for International Exchanges")
    status = {t.text: t.status for t in c.en}
    assert status == {"Center for International Exchanges": "preferred", "International Exchange Center": "deprecated"}


def test_merge_in_chunks_gives_the_same_base(fresh_store, store_path, articles, monkeypatch, tmp_path):
    from extract import merge as merge_module
    from glossary.store import open_store

    extract(fresh_store, [str(articles)])
    monkeypatch.setattr(merge_module, "MERGE_CHUNK_DOCS", 1)
    other = open_store(str(tmp_path / "chunked.db"))
    extract(other, [str(articles)])

    def snapshot(store):
        return sorted((c.category, sorted((t.lang, t.text, t.status) for t in c.terms))
                      for c in store.iter_concepts(contexts=0))
    assert snapshot(fresh_store) == snapshot(other)
    other.close()


def test_a_chinese_span_claimed_by_a_contained_english_term_goes_to_the_longer_one():
    from extract.bilingual import Pair
    from extract.pipeline import _unshared

    def pair(en, zh):
        return Pair(en, zh, 0.9, "dictionary", "", "", 0)

    pairs = [pair("CPC Central Committee", "中共中央政治局"),
             pair("Political Bureau of the CPC Central Committee", "中共中央政治局"),
             pair("China International Fair for Trade in Services", "中国国际服务贸易交易会"),
             pair("China International Fair for Trade in Services (CIFTIS)", "中国国际服务贸易交易会")]
    assert [p.en for p in _unshared(pairs)] == [
        "Political Bureau of the CPC Central Committee", "China International Fair for Trade in Services",
        "China International Fair for Trade in Services (CIFTIS)"]


def test_forms_the_reference_gives_one_chinese_are_one_concept_with_the_full_form_first(fresh_store, tmp_path):
    text = ("Topics:\nDistrict Meeting\nDate: 2024-03-18\n\nThe CPC Haidian District Committee met on March 15. "
            "Haidian District will host the 2024 Zhongguancun Forum. Haidian should support new quality "
            "productive forces, and implement the Three-Year Action Plan for Building Zhongguancun into a "
            "World-Leading Science Park (2024-2026). The Three-Year Action Plan for Building Zhongguancun into "
            "a World-Leading Science Park sets 30 tasks.\n")
    (tmp_path / "h.txt").write_text(text, encoding="utf-8")
    extract(fresh_store, [str(tmp_path / "h.txt")])
    c = _concept_of(fresh_store, "Haidian")
    assert [(t.text, t.status, t.term_type) for t in c.en] == [
        ("Haidian District", "preferred", "fullForm"), ("Haidian", "admitted", "shortForm")]
    assert c.zh[0].text == "海淀区"
    plan = _concept_of(fresh_store, "Three-Year Action Plan for Building Zhongguancun into a World-Leading Science Park")
    assert len(plan.en) == 2    # the edition in brackets is the same plan


def test_generic_phrase_is_kept_only_where_the_chinese_original_confirms_it(fresh_store, tmp_path):
    en = ("Mayor Yin Yong delivered a keynote speech at the opening ceremony of the forum. "
          "He said urban renewal is a priority.\n")
    zh = "殷勇市长在论坛开幕式上发表主旨演讲。他说，城市更新是重点工作。\n"
    (tmp_path / "f.en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "f.zh.txt").write_text(zh, encoding="utf-8")
    extract(fresh_store, [str(tmp_path / "f.en.txt")])
    speech = _concept_of(fresh_store, "keynote speech")
    assert "主旨演讲" in {t.text for t in speech.zh}
    # the same phrase in an article without a Chinese original is not a term
    other = tmp_path / "solo"
    other.mkdir()
    (other / "g.txt").write_text("Topics:\nX\n\nThe minister gave a keynote speech in Paris.\n", encoding="utf-8")
    from glossary.store import open_store

    solo = open_store(str(tmp_path / "solo.db"))
    extract(solo, [str(other)])
    assert solo.find_by_key("keynote speech", "en") == []
    solo.close()


def test_a_known_name_replaces_the_clipped_piece_the_rules_found(fresh_store, tmp_path):
    # The rules take "Academy of Sciences" (a nationality adjective is not part of a name for them);
    # the reference knows the whole name, which wins; a nested name in its own right stays.
    text = ("The forum is co-hosted by the Ministry of Science and Technology, the Chinese Academy of "
            "Sciences and the Beijing Municipal People's Government. Yin Li, Secretary of the CPC Beijing "
            "Municipal Committee, attended.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    extract(fresh_store, [str(tmp_path / "a.txt")])
    assert "中国科学院" in {t.text for t in _concept_of(fresh_store, "Chinese Academy of Sciences").zh}
    assert fresh_store.find_by_key("Academy of Sciences", "en") == []
    assert fresh_store.find_by_key("CPC Beijing Municipal Committee", "en")


def test_a_title_that_undershoots_leaves_the_span_to_the_body_it_names():
    from extract.bilingual import Pair
    from extract.pipeline import _unshared

    def pair(en, zh, conf):
        return Pair(en, zh, conf, "dictionary", "", "", 0)

    kept = _unshared([pair("President of the World Alliance of Science Parks", "世界科技园区联盟", 0.75),
                      pair("World Alliance of Science Parks", "世界科技园区联盟", 0.92),
                      pair("Political Bureau of the CPC Central Committee", "中共中央政治局", 0.95),
                      pair("CPC Central Committee", "中共中央政治局", 0.6),
                      # the body overshot into its director's title, with more confidence than the title
                      pair("Director of the Beijing Municipal Ecology and Environment Bureau", "市生态环境局局长", 0.62),
                      pair("Beijing Municipal Ecology and Environment Bureau", "市生态环境局局长", 0.73),
                      pair("16th Beijing Municipal People's Congress", "北京市第十六届人民代表大会", 0.79),
                      pair("Beijing Municipal People's Congress", "北京市第十六届人民代表大会", 0.69)])
    assert [(p.en, p.zh) for p in kept] == [
        ("World Alliance of Science Parks", "世界科技园区联盟"),
        ("Political Bureau of the CPC Central Committee", "中共中央政治局"),
        ("Director of the Beijing Municipal Ecology and Environment Bureau", "市生态环境局局长"),
        # the body's own span, cut back from the title's (局|局长); nothing cuts back from 第十六届
        ("Beijing Municipal Ecology and Environment Bureau", "市生态环境局"),
        ("16th Beijing Municipal People's Congress", "北京市第十六届人民代表大会")]


def test_a_known_name_nested_in_a_longer_one_is_a_term_but_a_title_fragment_is_not(fresh_store, tmp_path):
    text = ("The Cultural Week of Shijingshan District opened on January 6 beside the Financial Street Forum "
            "venue. Wang Ming, Deputy Director of the Office of the Central Commission for Foreign Affairs, "
            "spoke.\n")
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    extract(fresh_store, [str(tmp_path / "s.txt")])
    assert "石景山区" in {t.text for t in _concept_of(fresh_store, "Shijingshan District").zh}
    assert fresh_store.find_by_key("Deputy Director", "en") == []
    # a known name is one name: its parts are not terms of the article
    assert fresh_store.find_by_key("Financial Street Forum", "en")
    assert fresh_store.find_by_key("Financial Street", "en") == []


def test_a_known_name_going_on_in_lower_case_is_the_longer_known_term(tmp_path):
    # the rules stop at the capitals ("Beijing-Tianjin-Hebei", itself a known name); the reference
    # knows the slogan that goes on in lower case, which is the term the article writes
    from extract.english import extract_candidates
    from extract.pipeline import _candidates

    text = ("The committee will study key issues such as Beijing-Tianjin-Hebei coordinated development, "
            "said Beijing Vice Mayor Gao Jianning.")
    got = {c.text for c in _candidates(text, extract_candidates, True)}
    assert "Beijing-Tianjin-Hebei coordinated development" in got
    assert "Beijing-Tianjin-Hebei" not in got
    # a known form that only adds capitals in front leaves the rules' known name as it is
    assert "Vice Mayor" in got and "Beijing Vice Mayor" not in got


def test_known_names_joined_by_and_are_those_names_and_a_nationality_is_not_part_of_the_office_alone(tmp_path):
    from extract.english import extract_candidates
    from extract.pipeline import _candidates

    text = ("Yin Li met a delegation led by Singaporean Ambassador to China Chen Haiquan, marking the 30th "
            "anniversary of diplomatic ties between China and Singapore.")
    got = {(c.text, c.category) for c in _candidates(text, extract_candidates, True)}
    assert {("Ambassador to China", "title"), ("Chen Haiquan", "person"), ("China", "place"),
            ("Singapore", "place")} <= got
    assert "China and Singapore" not in {t for t, _ in got}
    # the office stands alone; one country's envoy is a title beside it (新加坡驻华大使), never a person's name
    assert ("Singaporean Ambassador to China", "title") in got and ("Singaporean", "person") not in got
    # one known item is enough when the others are short runs of capitals
    listed = {c.text for c in _candidates("They watched Peking Opera and Zhongfan at the fair.",
                                          extract_candidates, True)}
    assert {"Peking Opera", "Zhongfan"} <= listed and "Peking Opera and Zhongfan" not in listed
    # names of two or three words need no known item; a known name keeps its own "and"
    listed = {c.text for c in _candidates("They visited the Yuhe River Relics and Yuer Hutong. The Belt and Road "
                                          "and Hong Kong and Macao.", extract_candidates, True)}
    assert {"Yuhe River Relics", "Yuer Hutong", "Belt and Road", "Hong Kong and Macao"} <= listed
    assert not listed & {"Belt", "Road", "Macao"}
    listed = {c.text for c in _candidates("The route links Nanluoguxiang, Shichahai and Yandai Xiejie, where tourists "
                                          "rest. Smith and Jones spoke.", extract_candidates, True)}
    assert {"Shichahai", "Yandai Xiejie"} <= listed and "Smith" not in listed


def test_a_reference_name_written_with_the_city_gets_the_city_in_a_chinese_suggestion(fresh_store, tmp_path):
    (tmp_path / "y.txt").write_text("The summit was held at the Beijing Yanqi Lake International Conference "
                                    "Resort on Monday.\n", encoding="utf-8")
    extract(fresh_store, [str(tmp_path / "y.txt")])
    zh = {t.text: (t.status, t.provenance) for t in
          _concept_of(fresh_store, "Beijing Yanqi Lake International Conference Resort").zh}
    assert zh["雁栖湖国际会都"][1] == "termbase"
    assert zh["北京雁栖湖国际会都"] == ("proposed", "composed")


def test_an_acronym_the_reference_knows_is_a_term_whatever_its_category(fresh_store, tmp_path):
    (tmp_path / "u.txt").write_text("The Spring Festival was added to UNESCO's Representative List of the "
                                    "Intangible Cultural Heritage of Humanity in 2024.\n", encoding="utf-8")
    extract(fresh_store, [str(tmp_path / "u.txt")])
    assert "联合国教科文组织" in {t.text for t in _concept_of(fresh_store, "UNESCO").zh}


def test_an_ordinal_before_a_generic_phrase_the_original_confirms_is_part_of_the_term(fresh_store, tmp_path):
    en = ("The Standing Committee of the Beijing Municipal People's Congress held its first plenary meeting on "
          "Tuesday. The draft regulations on noise were submitted for the second reading.\n")
    zh = "北京市人大常委会周二举行第一次全体会议。噪声条例草案提请二审。\n"
    (tmp_path / "r.en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "r.zh.txt").write_text(zh, encoding="utf-8")
    extract(fresh_store, [str(tmp_path / "r.en.txt")])
    assert "第一次全体会议" in {t.text for t in _concept_of(fresh_store, "first plenary meeting").zh}


def test_the_sentence_index_reads_the_seed_articles_as_the_splitter_does():
    from pathlib import Path

    from extract.sentences import SentenceIndex, split_en

    articles = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").rglob("*.txt"))
    assert articles
    for path in articles:
        text = path.read_text(encoding="utf-8")
        spans, ix = split_en(text), SentenceIndex(text)
        assert [ix.text(i) for i in range(len(ix))] == [s.text for s in spans], path.name
        for n, s in enumerate(spans):
            assert ix.at(s.start) == ix.at(s.end - 1) == n


def _analysed_pair(tmp_path, en, zh, name="a"):
    """The analysis of an English article and its Chinese original, written as NAME.en/zh.txt."""
    (tmp_path / f"{name}.en.txt").write_text(en, encoding="utf-8")
    (tmp_path / f"{name}.zh.txt").write_text(zh, encoding="utf-8")
    return analyse(discover([str(tmp_path / f"{name}.en.txt")])[0])


def _paired(tmp_path, en, zh, name="a"):
    """{English: Chinese} of the pairs the analysis of the article pair finds."""
    return {p.en: p.zh for p in _analysed_pair(tmp_path, en, zh, name).pairs}


def test_an_office_alone_is_taken_where_the_original_renders_it_inside_the_full_title(tmp_path):
    result = _analysed_pair(
        tmp_path,
        "Zhang Wei, Deputy Director of the Beijing Municipal Health Commission, said 300 hospitals joined. "
        "Li Na, Director of the Beijing Municipal Commerce Bureau, spoke on consumption.",
        "北京市卫生健康委员会副主任张伟表示，已有300家医院加入。北京市商务局局长李娜介绍了消费情况。")
    pairs = {p.en: p.zh for p in result.pairs}
    assert pairs["Deputy Director"] == "副主任"     # the Chinese depends on the body: 主任 of a commission
    assert "Deputy Director" in {c.text for c in result.candidates}
    # "Director" also reads inside "Deputy Director" (主任 there): its Chinese is read off its own title
    assert pairs["Director"] == "局长"

    result = _analysed_pair(tmp_path, "Li Na, Director of the Beijing Municipal Commerce Bureau, spoke on consumption.",
                            "北京市商务局局长李娜介绍了消费情况。", "b")
    assert {p.en: p.zh for p in result.pairs}["Director"] == "局长"   # ... 局长 of a bureau


def test_an_office_in_lower_case_is_read_off_its_title_with_the_body(tmp_path):
    pairs = _paired(tmp_path, "Li Na, director of the Beijing Municipal Cultural Heritage Bureau, spoke on the Great Wall.",
                    "北京市文物局局长李娜介绍了长城保护情况。")
    assert pairs["director of the Beijing Municipal Cultural Heritage Bureau"] == "北京市文物局局长"
    assert pairs["director"] == "局长"


def test_two_offices_joined_by_and_are_one_title_where_the_original_joins_them_with_a_dunhao(tmp_path):
    en = ("Zhang Wei, Member of the Standing Committee of the CPC Beijing Municipal Committee and Deputy Mayor, "
          "attended the opening ceremony of the new subway line.")
    result = _analysed_pair(tmp_path, en, "市委常委、副市长张伟出席新地铁线路开通仪式。")
    pairs = {p.en: p.zh for p in result.pairs}
    whole = "Member of the Standing Committee of the CPC Beijing Municipal Committee and Deputy Mayor"
    assert pairs[whole] == "市委常委、副市长"
    assert pairs["Deputy Mayor"] == "副市长"   # each office stays a term
    assert whole in {c.text for c in result.candidates if c.category == "title"}

    # two people's offices, written apart in the original, are no one title
    assert whole not in _paired(tmp_path, en, "张伟出席新地铁线路开通仪式，他是市委常委，也是副市长。", "b")


def test_a_name_used_as_a_modifier_is_the_term_its_chinese_translates(tmp_path):
    pairs = _paired(
        tmp_path,
        "The opening of the port injected new impetus into Belt and Road cooperation. The city will learn "
        "from the Beijing-Tianjin-Hebei region. Chinese modernization offers new opportunities.",
        "该港口开港为共建“一带一路”合作注入了新动力。该市将学习借鉴京津冀的经验。中国式现代化带来新机遇。")
    assert pairs.get("Belt and Road") == "一带一路"
    assert pairs.get("Beijing-Tianjin-Hebei") == "京津冀"
    assert "Chinese" not in pairs   # an adjective is no name


def test_a_name_before_of_its_owner_is_the_rest_of_the_form_after_the_owners(tmp_path):
    pairs = _paired(
        tmp_path,
        "The Institute of Botany of the Chinese Academy of Sciences joined the survey. Zhang Li, chair of the "
        "Agriculture and Rural Affairs Committee of the Beijing Municipal People's Congress, spoke. "
        "Wang Tao, Party secretary of Fangshan District, attended.",
        "中国科学院植物研究所参加了调查。北京市人大农业与农村委员会主任委员张丽讲话。房山区委书记王涛出席。")
    assert pairs.get("Institute of Botany") == "植物研究所"
    assert pairs.get("Agriculture and Rural Affairs Committee") == "农业与农村委员会"
    assert "Party secretary" not in pairs   # 房山区|委书记: the owner's form ends inside 区委


def test_an_office_the_full_title_does_not_hold_is_not_taken(tmp_path):
    result = _analysed_pair(tmp_path, "Wang Fang, Director of the festival's jury office, met 20 film directors.",
                            "电影节评委会办公室负责人王芳会见了20位导演。")
    assert "导演" not in {p.zh for p in result.pairs if p.en == "Director"}


def test_a_long_known_formula_holding_names_is_a_term_where_the_original_confirms_it(fresh_store, tmp_path):
    en = ("Officials pledged to rally closely around the CPC Central Committee with Comrade Xi Jinping at its "
          "core and to study the spirit of the plenary session.")
    zh = "与会人员表示，要更加紧密地团结在以习近平同志为核心的党中央周围，认真学习全会精神。"
    formula = "CPC Central Committee with Comrade Xi Jinping at its core"
    texts = {c.text for c in _analysed_pair(tmp_path, en, zh).candidates}
    assert formula in texts and "Xi Jinping" in texts               # the name inside stays a term
    assert not any(t.endswith("with Comrade") for t in texts)       # the rules' cut through it does not
    extract(fresh_store, [str(tmp_path / "a.en.txt")])
    assert "以习近平同志为核心的党中央" in {t.text for t in _concept_of(fresh_store, formula).zh}
    # without the original the formula is not taken: found everywhere, most are not glossary entries
    (tmp_path / "b.txt").write_text(en, encoding="utf-8")
    alone = {c.text for c in analyse(discover([str(tmp_path / "b.txt")])[0]).candidates}
    assert formula not in alone


def test_a_name_the_original_writes_as_a_dotted_transliteration_is_a_person(tmp_path):
    en = "Frank Weber, a visiting scholar from Germany, briefed the delegation on the joint research."
    zh = "德国访问学者弗兰克·韦伯向代表团介绍了联合研究情况。"
    result = _analysed_pair(tmp_path, en, zh)
    assert {c.text: c.category for c in result.candidates}.get("Frank Weber") == "person"


def test_a_known_term_anchors_only_where_the_article_writes_it_as_a_word():
    from extract.pipeline import _mentioned

    known = {"PLA": "中国人民解放军", "US": "美国", "waste sorting": "垃圾分类",
             "15-minute convenient living circle": "一刻钟便民生活圈"}
    text = "The plan will put waste sorting in place; we use 15-minute convenient living circles."
    assert set(_mentioned(known, text)) == {"waste sorting", "15-minute convenient living circle"}


def test_a_concept_s_chinese_form_does_not_depend_on_the_order_of_its_english_forms():
    # two forms of one concept with pairs of equal confidence: the same form wins whatever order the
    # set of their keys comes in (it changed with PYTHONHASHSEED from run to run)
    from extract.bilingual import Pair
    from extract.merge import concept_pairs

    best = {"model village": (Pair("model village", "示范村", 0.6, "dictionary", "", "", 0), None, None),
            "model villages": (Pair("model villages", "百村示范", 0.6, "dictionary", "", "", 0), None, None),
            "pilot villages": (Pair("pilot villages", "试点村", 0.9, "dictionary", "", "", 0), None, None)}
    orders = [list(best), list(reversed(best))]
    got = [[p.zh for p, _, _ in concept_pairs(keys, best)] for keys in orders]
    assert got[0] == got[1] == ["试点村", "示范村", "百村示范"]


def test_a_known_name_that_opens_with_its_number_supersedes_the_rules_piece_without_it():
    # the rules stop at the capitals ("Art District"); the reference knows the place as "798 Art District"
    from extract.english import extract_candidates
    from extract.pipeline import _candidates

    text = "The delegation visited the 798 Art District and the Beijing Planning Exhibition Hall."
    got = [c.text for c in _candidates(text, extract_candidates, True)]
    assert "798 Art District" in got and "Art District" not in got


def test_two_names_split_at_and_whose_chinese_overlap_are_one_and_a_form_stops_before_the_he(tmp_path):
    # the rules split "National Press and Publication Administration" at "and" (two heads); its halves'
    # Chinese forms overlap inside 国家新闻出版署: one name. Two names joined by 和 stay two, the first
    # form no longer running over the 和 into the second's 北京
    (tmp_path / "a.en.txt").write_text(
        "Vice Mayor Wang Gang, Ambassador of Chile to China Luis Soto, and officials from the National "
        "Press and Publication Administration attended the ceremony. Passengers at Beijing Daxing "
        "International Airport and Beijing West Railway Station can pay by card.", encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(
        "副市长王刚，智利驻华大使路易斯·索托，国家新闻出版署有关负责同志出席仪式。"
        "在大兴国际机场和北京西站，旅客可以刷卡支付。", encoding="utf-8")
    result = analyse(discover([str(tmp_path)])[0])
    pairs = {p.en: p.zh for p in result.pairs}
    assert pairs["National Press and Publication Administration"] == "国家新闻出版署"
    assert "National Press" not in pairs and "Publication Administration" not in pairs
    assert pairs["Beijing Daxing International Airport"] == "大兴国际机场"
    assert pairs["Beijing West Railway Station"] == "北京西站"

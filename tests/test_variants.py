"""Variant grouping of English surface forms and the choice of the preferred form."""
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.english import extract_candidates
from extract.variants import choose_preferred, cluster, concept_signature

ROOT = Path(__file__).resolve().parent.parent


def test_signature_folds_case_spelling_determiners_plural_and_order():
    sig = concept_signature
    assert sig("the International Exchange Center") == sig("Center for International Exchanges")
    assert sig("center for international exchanges") == sig("Centre for International Exchanges")
    assert sig("international talent community") == sig("international talent communities")
    assert sig("sister city") == sig("sister cities") == sig("sister-city")
    assert sig("Leading Group") == sig("leading group")
    assert sig("Beijing's Role") == sig("Beijing’s Role")


def test_signature_keeps_different_concepts_apart():
    sig = concept_signature
    assert sig("Secretary of the CPC Beijing Municipal Committee") != sig(
        "Deputy Secretary of the CPC Beijing Municipal Committee")
    assert sig("Head of the Leading Group") != sig("Leading Group")
    assert sig("14th Five-Year Plan") != sig("14th Five-Year Plan period")
    assert sig("Chaoyang District") != sig("Haidian District")


def test_cluster_merges_variants_and_pinyin_acronyms():
    forms = ["ZGC Forum", "Financial Street Forum", "Zhongguancun Forum", "International Exchange Center",
             "center for international exchanges", "Center for International Exchanges", "CIFTIS",
             "China International Fair for Trade in Services", "Zhongguancun Science City"]
    groups = cluster(forms, [("CIFTIS", "China International Fair for Trade in Services")])
    as_sets = [set(g) for g in groups]
    assert {"ZGC Forum", "Zhongguancun Forum"} in as_sets
    assert {"International Exchange Center", "center for international exchanges",
            "Center for International Exchanges"} in as_sets
    assert {"CIFTIS", "China International Fair for Trade in Services"} in as_sets
    assert {"Financial Street Forum"} in as_sets
    assert {"Zhongguancun Science City"} in as_sets
    # every form once, first-seen order kept inside a group
    assert sorted(f for g in groups for f in g) == sorted(set(forms))
    assert groups[0] == ["ZGC Forum", "Zhongguancun Forum"]


def test_cluster_acronym_pair_by_signature_of_the_full_form():
    groups = cluster(["CPC", "the Communist Party of China"], [("CPC", "Communist Party of China")])
    assert groups == [["CPC", "the Communist Party of China"]]


def test_cluster_on_extracted_seed_forms_keeps_titles_and_bodies_apart():
    forms, pairs = [], []
    for p in sorted((ROOT / "seeds" / "corpus").glob("*.txt")):
        for c in extract_candidates(p.read_text(encoding="utf-8")):
            forms.append(c.text)
            if c.term_type == "acronym" and c.expands:
                pairs.append((c.text, c.expands))
    groups = cluster(forms, pairs)
    where = {f: i for i, g in enumerate(groups) for f in g}
    assert where["ZGC Forum"] == where["Zhongguancun Forum"]
    assert where["International Exchange Center"] == where["Center for International Exchanges"]
    assert where["Head of the Leading Group"] != where["Leading Group"]
    assert where["CPC Beijing Municipal Committee"] != where["Secretary of the CPC Beijing Municipal Committee"]
    assert where["Beijing"] != where["Beijing Daily"]


def test_choose_preferred_status_then_date_then_count():
    forms = [
        {"text": "International Exchange Center", "count": 9, "latest_date": "2021-04-26", "status": None},
        {"text": "Center for International Exchanges", "count": 2, "latest_date": "2024-04-09", "status": None},
        {"text": "international exchange centre", "count": 30, "latest_date": None, "status": None},
    ]
    assert choose_preferred(forms) == "Center for International Exchanges"      # most recent dated usage
    forms[0]["status"] = "preferred"
    assert choose_preferred(forms) == "International Exchange Center"            # term-base status wins
    forms[0]["status"] = "deprecated"
    assert choose_preferred(forms) == "Center for International Exchanges"      # deprecated goes last
    same_date = [{"text": "a", "count": 1, "latest_date": "2024-01-01", "status": None},
                 {"text": "b", "count": 5, "latest_date": "2024-01-01", "status": None}]
    assert choose_preferred(same_date) == "b"                                    # then frequency
    undated = [{"text": "x", "count": 1, "latest_date": None, "status": None},
               {"text": "y", "count": 3, "latest_date": None, "status": None}]
    assert choose_preferred(undated) == "y"


def test_choose_preferred_admitted_beats_unknown_and_dates_compare_by_day():
    forms = [{"text": "old", "count": 1, "latest_date": "2020-01-01", "status": "admitted"},
             {"text": "new", "count": 50, "latest_date": "2024-12-31T10:00:00", "status": None}]
    assert choose_preferred(forms) == "old"
    forms[0]["status"] = None
    assert choose_preferred(forms) == "new"


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=40), max_size=12))
def test_cluster_is_a_partition(forms):
    groups = cluster(forms)
    flat = [f for g in groups for f in g]
    assert sorted(flat) == sorted(set(forms))
    assert all(g for g in groups)
    for f in forms:
        concept_signature(f)   # never raises


def test_pinyin_initials_only_join_an_acronym_form():
    groups = [set(g) for g in cluster(["Haidian District", "Huadu District", "HD District", "ZGC Forum",
                                        "Zhongguancun Forum"])]
    assert {"Haidian District"} not in groups or {"Huadu District"} not in groups  # HD joins one of them
    assert not any({"Haidian District", "Huadu District"} <= g for g in groups)
    assert {"ZGC Forum", "Zhongguancun Forum"} in groups

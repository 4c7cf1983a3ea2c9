"""Giving a concept its Chinese forms: from the reference list, from a parallel text, or composed.

Each form records where it came from (provenance), how sure it is (confidence, status) and its
evidence (source, note); composed forms are always ``proposed``.
"""
from typing import Dict

from glossary.model import EN, ZH, Occurrence, Term
from glossary.normalize import en_key

# A parallel-text pair at or above this confidence is stored as admitted; below it, as proposed.
CONFIDENT_PAIR = 0.8


# Composed suggestions carry this confidence: right part by part, unverified as a whole.
COMPOSED_CONFIDENCE = 0.4


def compose_from_parts(text, resolver):
    from .compose import bundled_vocabulary, compose

    return compose(text, resolver, bundled_vocabulary())


def add_zh(store, concept, zh, status, provenance, confidence, source=None, note=None, term_type="fullForm",
            occurrences=(), doc_ids=None, lang=ZH):
    from glossary.normalize import to_simplified

    from .pinyin import to_pinyin

    term = Term(zh, lang, status=status, provenance=provenance, confidence=confidence, term_type=term_type,
                pinyin=to_pinyin(to_simplified(zh), concept.category) or None, source=source, note=note,
                occurrences=list(occurrences))
    store.add_term(concept.id, term, doc_ids)
    concept.terms.append(term)
    return term


def add_reference_zh(store, concept, ref):
    """Reference entries verified on a source page are approved; the others are shown as what they are.

    A person is matched by the romanised name only, and many people share one (Wang Hong is 王红,
    王宏, 王洪…): a person's Chinese from the reference is one step less certain, and says whom the
    reference means.
    """
    status = {"high": "preferred", "medium": "admitted"}.get(ref.confidence, "proposed")
    note = ref.note
    if concept.category == "person" or ref.category == "person":
        status = {"preferred": "admitted", "admitted": "proposed"}.get(status, "proposed")
        note = f"same romanised name as the reference's {ref.zh}" + (f" ({ref.note})" if ref.note else "") + \
            "; check it is the same person"
    add_zh(store, concept, ref.zh, status, "termbase", ref.score, source=ref.source, note=note)
    for variant in ref.zh_variants:
        if variant != ref.zh:
            add_zh(store, concept, variant, "admitted" if status != "proposed" else "proposed", "termbase",
                    ref.score, source=ref.source, term_type="shortForm" if len(variant) < len(ref.zh) else "variant")
    _city_named(store, concept, ref)


def _city_named(store, concept, ref):
    """"Beijing Yanqi Lake International Conference Resort" where the reference knows "Yanqi Lake
    International Capital" 雁栖湖国际会都: the article names the city, and Chinese names often do
    too (北京雁栖湖国际会都) — a suggestion beside the reference form, not a replacement."""
    if ref.en.startswith("Beijing") or ref.zh.startswith(("北京", "京", "首都")) or ref.category == "person":
        return
    if any(t.text.startswith("Beijing ") for t in concept.en) and \
            not any(v.startswith(("北京", "京")) for v in ref.zh_variants):
        add_zh(store, concept, "北京" + ref.zh, "proposed", "composed", COMPOSED_CONFIDENCE,
                note=f"the English names Beijing: {ref.zh} with the city's name; verify", term_type="variant")


def add_pair_zh(store, concept, pair, zh_path, doc_ids, original=None):
    """The Chinese form a parallel text gives, with its sentence as evidence; a Traditional
    original is kept beside the Simplified form as a zh-TW term."""
    known = {t.text for t in concept.zh}
    if pair.zh in known:
        return None
    status = "admitted" if pair.confidence >= CONFIDENT_PAIR else "proposed"
    provenance = "pinyin-match" if pair.method.startswith("pinyin") and "dictionary" not in pair.method \
        else "parallel-text"
    occ = [Occurrence(zh_path, pair.zh_start, pair.zh_start + len(pair.zh), pair.zh_sentence)] if zh_path else []
    add_zh(store, concept, pair.zh, status, provenance, round(pair.confidence, 2),
            source=zh_path, note=f"evidence ({pair.method}): {pair.zh_sentence}", occurrences=occ, doc_ids=doc_ids)
    if original:
        add_zh(store, concept, original, status, provenance, round(pair.confidence, 2), source=zh_path,
                note="as written in the Traditional original", term_type="variant", occurrences=occ,
                doc_ids=doc_ids, lang="zh-TW")
    return provenance


def make_resolver(store, reference):
    """English → the best known Chinese form: the term base first, then the reference list."""
    cache = {}

    def resolve(text):
        key = en_key(text)
        if key in cache:
            return cache[key]
        zh = None
        for concept_id, _ in store.find_by_key(text, EN):
            terms = store.get_concept(concept_id, contexts=0).zh
            usable = [t for t in terms if t.provenance != "composed"]
            if usable:
                zh = usable[0].text
                break
        if zh is None and reference is not None:
            entry = reference.find_en(text)
            zh = entry.zh if entry else None
        cache[key] = zh
        return zh

    return resolve


def known_pairs(store, reference) -> Dict[str, str]:
    """English → Chinese pairs the parallel matcher may use as anchors and jieba user words."""
    known = {}
    if reference is not None:
        for e in reference.entries:
            known[e.en] = e.zh
            # the article may use any English form the reference records ("international exchange
            # center" for the center for international exchanges)
            for alias in e.en_variants:
                known.setdefault(alias, e.zh)
    rows = store.conn.execute(
        """SELECT e.text, z.text FROM terms e JOIN terms z ON z.concept_id = e.concept_id
           WHERE e.lang NOT LIKE 'zh%' AND z.lang LIKE 'zh%' AND z.status != 'proposed'""").fetchall()
    known.update(rows)
    return known

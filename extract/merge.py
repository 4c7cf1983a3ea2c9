"""The reduce step: fold per-document results into concepts of the term base.

Runs inside the caller's transaction, in input order, in chunks of documents so memory stays flat;
a variant met in a later chunk or a later run finds its concept by key, concept signature,
acronym alias or the reference entry it matches.
"""
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List

from glossary.model import EN, ZH, Concept, Occurrence, Term
from glossary.normalize import en_key

from .chinese_forms import (COMPOSED_CONFIDENCE, add_pair_zh, add_reference_zh, add_zh, compose_from_parts,
                            make_resolver)
from .statuses import refresh_statuses

@dataclass
class MergeReport:
    documents: int = 0
    skipped: List[str] = field(default_factory=list)
    concepts_new: int = 0
    concepts_updated: int = 0
    terms_new: int = 0
    zh_by_provenance: Counter = field(default_factory=Counter)
    warnings: List[str] = field(default_factory=list)


@dataclass
class _Form:
    text: str
    count: int = 0
    categories: Counter = field(default_factory=Counter)
    term_type: str = "fullForm"
    occurrences: List[Occurrence] = field(default_factory=list)
    spellings: Counter = field(default_factory=Counter)


# Documents merged together: clustering sees the variants of one chunk at once; across chunks (and
# across runs) a variant finds its concept by key or by concept signature. Bounded so the merge's
# memory does not grow with the corpus.
MERGE_CHUNK_DOCS = 200


def merge(store, results: Iterable, reference=None, compose_missing: bool = True) -> MergeReport:
    """Fold document results (``pipeline.DocResult``) into the term base; call inside
    ``store.transaction()``."""
    report = MergeReport()
    doc_ids = {}
    best_pairs = {}                 # en key → the most confident (pair, zh path, original) seen
    touched = {}                    # concept id → (en keys of its new forms, reference entry)
    signatures = _SignatureIndex(store)
    chunk = []
    for r in results:
        chunk.append(r)
        if len(chunk) >= MERGE_CHUNK_DOCS:
            _merge_chunk(store, chunk, reference, report, doc_ids, best_pairs, touched, signatures)
            chunk = []
    if chunk:
        _merge_chunk(store, chunk, reference, report, doc_ids, best_pairs, touched, signatures)

    for concept_id in touched:
        refresh_statuses(store, concept_id)
    # Chinese forms: term base and reference first, then parallel text; composition last, so that
    # it can build on everything the first passes found.
    missing = []
    for concept_id, (keys, ref) in touched.items():
        concept = store.get_concept(concept_id, contexts=0)
        has_zh = bool(concept.zh)
        if ref and not has_zh:
            add_reference_zh(store, concept, ref)
            report.zh_by_provenance["termbase"] += 1
            has_zh = True
        found = concept_pairs(keys, best_pairs)
        for n, (p, zh_path, original) in enumerate(found):
            # Beside the best form, the forms of the concept's other English forms that are its
            # edition or short form: "… between Beijing and Lima" 北京市与利马市友好交流合作备忘录 and
            # "… (2025-2027)" …备忘录（2025—2027年）.
            if n and not (p.zh in found[0][0].zh or found[0][0].zh in p.zh):
                continue
            provenance = add_pair_zh(store, concept, p, zh_path, doc_ids, original)
            if provenance:
                report.zh_by_provenance[provenance] += 1
                has_zh = True
        if not has_zh:
            missing.append(concept)
    if compose_missing:
        resolver = make_resolver(store, reference)
        for concept in missing:
            if concept.category == "person":
                continue
            for term in concept.en:
                zh = compose_from_parts(term.text, resolver)
                if zh:
                    add_zh(store, concept, zh, status="proposed", provenance="composed",
                            confidence=COMPOSED_CONFIDENCE, note=f"composed from the parts of “{term.text}”; verify")
                    report.zh_by_provenance["composed"] += 1
                    break
    return report


def concept_pairs(keys, best_pairs):
    """The pairs of a concept's English forms, the most confident first; at equal confidence in
    the order of the forms' keys, so that the same articles always give the same Chinese form
    (``keys`` is a set: its order changes from run to run)."""
    return sorted((best_pairs[k] for k in sorted(keys) if k in best_pairs), key=lambda e: -e[0].confidence)


def _merge_chunk(store, chunk, reference, report, doc_ids, best_pairs, touched, signatures):
    from .variants import cluster

    forms: Dict[str, _Form] = {}
    acronyms = []
    chunk_docs = set()   # added here: no term has occurrences in them yet (one add_term per term below)
    for r in chunk:
        report.warnings += r.warnings
        if store.document_id(r.info.sha256) is not None:
            report.skipped.append(r.source.path)
            continue
        doc_ids[r.source.path] = store.add_document(r.source.path, r.info.sha256, EN, r.info.date, r.info.title)
        chunk_docs.add(doc_ids[r.source.path])
        report.documents += 1
        if r.source.zh_path and r.zh_info and store.document_id(r.zh_info.sha256) is None:
            doc_ids[r.source.zh_path] = store.add_document(r.source.zh_path, r.zh_info.sha256, ZH,
                                                           r.zh_info.date or r.info.date, r.zh_info.title)
        counted = set()
        for c in r.candidates:
            key = en_key(c.text)
            if not key:
                continue
            f = forms.get(key)
            if f is None:
                f = forms[key] = _Form(c.text)
            if c.text not in counted:
                counted.add(c.text)
                mentions = r.counts.get(c.text, 1)
                f.count += mentions
                f.spellings[c.text] += mentions
            f.categories[c.category] += 1
            if c.term_type != "fullForm":
                f.term_type = c.term_type
            f.occurrences.append(Occurrence(r.source.path, c.start, c.end, r.sentences.get(c.sentence_no, ""),
                                            c.sentence_no, r.info.date))
            if c.expands and c.term_type in ("acronym", "shortForm"):
                # "CIFTIS", and "(hereinafter referred to as the Measures)": one concept with its full form
                acronyms.append((c.text, c.expands))
        for i, p in enumerate(r.pairs):
            key = en_key(p.en)
            if key not in best_pairs or p.confidence > best_pairs[key][0].confidence:
                best_pairs[key] = (p, r.source.zh_path, r.original_forms.get(i))
    for f in forms.values():
        # Case-only variants are one term written with its official capitals: news English often
        # lower-cases a name in running text ("the center for international exchanges"), never the
        # other way round, so the most capitalised spelling wins, then the most frequent.
        f.text = max(f.spellings, key=lambda s: (sum(ch.isupper() for ch in s), f.spellings[s]))

    for group in cluster([f.text for f in forms.values()], acronyms):
        group_forms = [forms[en_key(t)] for t in group if en_key(t) in forms]
        if not group_forms:
            continue
        ref = _reference_entry(reference, group_forms)
        concept_id = _existing_concept(store, group_forms) or signatures.find(group_forms) or \
            _concept_with_zh(store, ref, touched)
        if concept_id is None:
            votes = Counter()
            for f in group_forms:
                votes.update(f.categories)
            category = ref.category if ref else votes.most_common(1)[0][0]
            concept_id = store.add_concept(Concept(category=category))
            report.concepts_new += 1
        elif concept_id not in touched:
            report.concepts_updated += 1
        for f in group_forms:
            term = Term(f.text, EN, status="admitted", provenance="extracted", term_type=f.term_type,
                        count=f.count, occurrences=f.occurrences, confidence=None)
            before = len(store.find_by_key(f.text, EN))
            store.add_term(concept_id, term, doc_ids, chunk_docs)
            report.terms_new += len(store.find_by_key(f.text, EN)) > before
            signatures.add(f.text, concept_id)
        keys, old_ref = touched.get(concept_id, (set(), None))
        keys.update(en_key(f.text) for f in group_forms)
        touched[concept_id] = (keys, old_ref or ref)


class _SignatureIndex:
    """Concept signatures (and acronym aliases) of the English terms already in the base, so that a
    variant met in a later chunk or a later run ("Center for International Exchanges" after
    "International Exchange Center", "ZGC Forum" after "Zhongguancun Forum") joins its concept, as
    it would have inside one chunk. Built on first use; its size follows the base, not the corpus."""

    def __init__(self, store):
        self.store = store
        self.by_signature = None
        self.spelled = {}        # alias key of a spelled-out form → concept
        self.abbreviated = {}    # alias key of a form written with an acronym → concept

    def _load(self):
        self.by_signature = {}
        for concept_id, text in self.store.conn.execute(
                "SELECT concept_id, text FROM terms WHERE lang NOT LIKE 'zh%' ORDER BY id"):
            self._index(text, concept_id)

    def _index(self, text, concept_id):
        from .variants import alias_key, concept_signature

        self.by_signature.setdefault(concept_signature(text), concept_id)
        alias = alias_key(text)
        if alias:
            key, has_acronym = alias
            (self.abbreviated if has_acronym else self.spelled).setdefault(key, concept_id)

    def find(self, group_forms):
        from .variants import alias_key, concept_signature

        if self.by_signature is None:
            self._load()
        for f in group_forms:
            concept_id = self.by_signature.get(concept_signature(f.text))
            if concept_id is not None:
                return concept_id
        for f in group_forms:
            alias = alias_key(f.text)
            if alias:
                key, has_acronym = alias
                # As in one chunk: only an acronym form and a spelled-out form are joined this way.
                concept_id = (self.spelled if has_acronym else self.abbreviated).get(key)
                if concept_id is not None:
                    return concept_id
        return None

    def add(self, text, concept_id):
        if self.by_signature is not None:
            self._index(text, concept_id)


def _existing_concept(store, group_forms):
    for f in group_forms:
        for concept_id, _ in store.find_by_key(f.text, EN):
            return concept_id
    return None


def _concept_with_zh(store, ref, touched):
    """The concept holding (or about to receive) a reference entry's Chinese: "Haidian" and
    "Haidian District" are both 海淀区 in the reference, so they are one concept."""
    if ref is None:
        return None
    for concept_id, (_, other) in touched.items():   # matched earlier in this merge
        if other is ref:
            return concept_id
    for concept_id, _ in store.find_by_key(ref.zh, ZH):
        return concept_id
    return None


def _reference_entry(reference, group_forms):
    if reference is None:
        return None
    for f in sorted(group_forms, key=lambda f: -f.count):
        entry = reference.find_en(f.text)
        if entry:
            return entry
    return None

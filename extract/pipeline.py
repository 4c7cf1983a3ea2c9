"""Extraction as map and reduce: per document find candidates (map), then merge them into concepts (reduce).

The map step (:func:`analyse`) is a pure function of one input file and is what runs in worker
processes (``--jobs``) or on a cluster; the reduce step (:func:`merge`) is the only one that touches
the term base, inside one transaction, in input order, so the result is the same however the map
step was run.
"""
import os
import pickle
import re
import tempfile
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence

from glossary.errors import GlossaryError, InputError
from glossary.model import EN, ZH, Concept, Occurrence, Term
from glossary.normalize import en_key
from glossary.store import MAX_OCCURRENCES_PER_DOC
from glossary.textio import read_text

from .document import DocumentInfo, describe
from .sentences import split_en

# Below this alignment score a "parallel" Chinese text is treated as not being a translation: its
# pairs are not recorded at all (a wrong pair is worse than none).
MIN_ALIGNMENT = 0.3
# A parallel-text pair at or above this confidence is stored as admitted; below it, as proposed.
CONFIDENT_PAIR = 0.8
# Composed suggestions carry this confidence: right part by part, unverified as a whole.
COMPOSED_CONFIDENCE = 0.4
# A variant counts as fallen out of use when the preferred form first appears at least this long
# after the variant's last use: official English changes between years, not between two articles
# of the same week that simply chose differently.
DEPRECATION_GAP_DAYS = 180
TEXT_SUFFIXES = (".txt", ".text", ".md")


@dataclass
class Source:
    """One input: an English file, optionally with its Chinese original."""

    path: str
    zh_path: Optional[str] = None


@dataclass
class DocResult:
    source: Source
    info: DocumentInfo
    candidates: list = field(default_factory=list)
    sentences: Dict[int, str] = field(default_factory=dict)
    counts: Dict[str, int] = field(default_factory=dict)     # mentions of each surface form
    zh_info: Optional[DocumentInfo] = None
    pairs: list = field(default_factory=list)
    alignment_score: Optional[float] = None
    original_forms: Dict[int, str] = field(default_factory=dict)   # pair index → Traditional original
    warnings: List[str] = field(default_factory=list)


@dataclass
class MergeReport:
    documents: int = 0
    skipped: List[str] = field(default_factory=list)
    concepts_new: int = 0
    concepts_updated: int = 0
    terms_new: int = 0
    zh_by_provenance: Counter = field(default_factory=Counter)
    warnings: List[str] = field(default_factory=list)


# -- finding the inputs --------------------------------------------------------------------------

def discover(paths: Sequence[str], zh: Optional[str] = None) -> List[Source]:
    """Expand files and folders into sources; ``NAME.en.txt`` beside ``NAME.zh.txt`` is a pair.

    A Chinese file with no English partner is reported, not silently treated as English.
    """
    files = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files += sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or folder", p)
    if zh is not None:
        if len(files) != 1:
            raise InputError("--zh pairs one Chinese file with exactly one English file", zh)
        if not Path(zh).is_file():
            raise InputError("no such file", zh)
        return [Source(str(files[0]), str(zh))]
    by_name = {str(f): f for f in files}
    sources = []
    for f in files:
        stem = f.name
        if _is_lang(stem, "zh"):
            partner = f.with_name(_swap_lang(stem, "zh", "en"))
            if str(partner) not in by_name and not partner.exists():
                raise InputError("Chinese file without its English partner "
                                 f"({partner.name}); extraction reads English articles", f)
            continue
        zh_partner = f.with_name(_swap_lang(stem, "en", "zh")) if _is_lang(stem, "en") else None
        sources.append(Source(str(f), str(zh_partner) if zh_partner and zh_partner.exists() else None))
    return sources


def _is_lang(name, lang):
    parts = name.split(".")
    return len(parts) >= 3 and parts[-2].lower() == lang


def _swap_lang(name, old, new):
    parts = name.split(".")
    parts[-2] = new
    return ".".join(parts)


# -- map -----------------------------------------------------------------------------------------

def analyse(source: Source, encoding: Optional[str] = None, known: Optional[Dict[str, str]] = None,
            use_reference: bool = True) -> DocResult:
    """Candidates (and, with a Chinese original, EN↔ZH pairs) of one document. No term base access.

    With ``use_reference`` the bundled reference list also serves as a dictionary of known terms.
    """
    from .english import extract_candidates

    text = read_text(source.path, encoding)
    result = DocResult(source, describe(text))
    if _mostly_cjk(text):
        result.warnings.append(f"{source.path}: text is mostly Chinese; extraction reads English "
                               "(pair it with its English version as NAME.en.txt / NAME.zh.txt)")
        return result
    sentences = split_en(text)
    starts = [s.start for s in sentences]
    kept = []
    for c in _candidates(text, extract_candidates, use_reference):
        # A document's result keeps counts and only the few occurrences the term base will keep as
        # context, so the map output stays small however long the corpus is.
        n = result.counts.get(c.text, 0)
        result.counts[c.text] = n + 1
        if n >= MAX_OCCURRENCES_PER_DOC and not (c.expands and c.term_type == "acronym"):
            continue
        # Number sentences here, from the offsets, so context is right whatever the extractor counts.
        i = bisect_right(starts, c.start) - 1
        if i >= 0 and c.start < sentences[i].end:
            c.sentence_no = i
            result.sentences[i] = sentences[i].text
        kept.append(c)
    result.candidates = kept
    if source.zh_path:
        from .bilingual import match_terms

        zh_text = read_text(source.zh_path, encoding)
        result.zh_info = describe(zh_text)
        terms = sorted({c.text for c in result.candidates})
        try:
            report = match_terms(text, zh_text, terms, known or {})
        except GlossaryError as e:
            if e.path is None:   # the matcher knows texts, not files: name the Chinese file
                e.path = source.zh_path
            raise
        result.alignment_score = report.alignment_score
        if report.alignment_score < MIN_ALIGNMENT:
            result.warnings.append(f"{source.zh_path}: does not look like a translation of {source.path} "
                                   f"(alignment {report.alignment_score:.2f}); no Chinese forms taken from it")
        else:
            result.pairs = _unshared(report.pairs)
            # The matcher works on Simplified text; keep the form as the original writes it too.
            result.original_forms = {i: zh_text[p.zh_start:p.zh_start + len(p.zh)]
                                     for i, p in enumerate(result.pairs)
                                     if zh_text[p.zh_start:p.zh_start + len(p.zh)] != p.zh}
    return result


def _candidates(text, extract_candidates, use_reference):
    """The rule-based candidates, plus the reference list's terms the rules did not reach."""
    found = extract_candidates(text)
    if not use_reference:
        return found
    from .english import Candidate
    from .known_terms import KNOWN_SCORE, find_known
    from .reference import bundled

    extra = [Candidate(text[s:e], s, e, category, 0, score=KNOWN_SCORE)
             for s, e, category in find_known(text, bundled(), [(c.start, c.end) for c in found])]
    return sorted(found + extra, key=lambda c: c.start) if extra else found


def _unshared(pairs):
    """One Chinese span names one concept: when "CPC Central Committee" and "Political Bureau of the
    CPC Central Committee" both claim 中共中央政治局, the span belongs to the longer English term
    that contains the other; the shorter one's claim is dropped (its evidence overshot). A form
    that only adds a bracketed acronym ("… Services (CIFTIS)") is the same concept and keeps it."""
    by_zh = {}
    for p in pairs:
        by_zh.setdefault(p.zh, []).append(en_key(p.en))
    kept = []
    for p in pairs:
        mine = en_key(p.en)
        if any(other != mine and mine in other and _BRACKETED.sub("", other).strip() != mine
               for other in by_zh[p.zh]):
            continue
        kept.append(p)
    return kept


def _mostly_cjk(text):
    sample = text[:4000]
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return han > latin


ENGINES = ("local", "dask")


def analyse_all(sources: Sequence[Source], jobs: int = 1, encoding=None, known=None,
                progress: Optional[Callable[[DocResult], None]] = None, engine: str = "local",
                use_reference: bool = True) -> Iterable[DocResult]:
    """Run the map step over all sources, in parallel processes when ``jobs > 1``, in input order.

    ``engine="dask"`` hands the same per-document function to Dask (a ``dask.bag`` over the inputs,
    on the scheduler Dask is configured with: local processes, or a cluster when a
    ``dask.distributed.Client`` is active); the results come back in input order, so the merge —
    and the term base — are the same as with the local engine.
    """
    from functools import partial

    work = partial(analyse, encoding=encoding, known=known, use_reference=use_reference)
    if engine == "dask":
        yield from _analyse_dask(sources, jobs, work, progress)
        return
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if jobs <= 1 or len(sources) < 2:
        for s in sources:
            r = work(s)
            if progress:
                progress(r)
            yield r
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for r in pool.map(work, sources, chunksize=4):
            if progress:
                progress(r)
            yield r


def _analyse_dask(sources, jobs, work, progress):
    try:
        import dask
        import dask.bag as db
    except ImportError:
        raise InputError("the dask engine needs Dask: pip install 'glossary-zh[dask]'") from None
    bag = db.from_sequence(list(sources), npartitions=max(1, min(len(sources), (jobs or 1) * 4)))
    scheduler = dask.config.get("scheduler", None) or ("processes" if jobs > 1 else "synchronous")
    kwargs = {"num_workers": jobs} if scheduler == "processes" else {}
    for r in bag.map(work).compute(scheduler=scheduler, **kwargs):
        if progress:
            progress(r)
        yield r


# -- reduce --------------------------------------------------------------------------------------

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


def merge(store, results: Iterable[DocResult], reference=None, compose_missing: bool = True) -> MergeReport:
    """Fold document results into the term base. Call inside ``store.transaction()``."""
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
            _add_reference_zh(store, concept, ref)
            report.zh_by_provenance["termbase"] += 1
            has_zh = True
        pair = max((best_pairs[k] for k in keys if k in best_pairs), key=lambda e: e[0].confidence, default=None)
        if pair:
            p, zh_path, original = pair
            provenance = _add_pair_zh(store, concept, p, zh_path, doc_ids, original)
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
                zh = _compose(term.text, resolver)
                if zh:
                    _add_zh(store, concept, zh, status="proposed", provenance="composed",
                            confidence=COMPOSED_CONFIDENCE, note=f"composed from the parts of “{term.text}”; verify")
                    report.zh_by_provenance["composed"] += 1
                    break
    return report


_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,}\b")
_BRACKETED = re.compile(r"\([^()]*\)")


def _contained_forms(texts):
    """Forms written inside another form of the same concept ("Haidian" beside "Haidian District")
    are its short forms: admitted, but not the headword."""
    keys = {t: f" {en_key(_BRACKETED.sub('', t))} " for t in texts}
    return {t for t in texts if any(o != t and keys[t] != keys[o] and keys[t] in keys[o] for o in texts)}


def _abbreviated_forms(texts):
    """In a concept with a spelled-out form, an acronym ("CIFTIS") or a form writing one of its
    names as pinyin initials ("ZGC Forum" beside "Zhongguancun Forum") is a short form: admitted
    alongside the full form, never deprecated. An acronym inside a long name ("… of the CPC
    Central Committee") does not make that name a short form."""
    from .variants import alias_key

    spelled = {}
    for t in texts:
        alias = alias_key(t)
        if alias is None or not alias[1]:
            spelled[t] = alias[0] if alias else None
    if not spelled:
        return set()
    short = set()
    for t in texts:
        if t in spelled:
            continue
        if _ACRONYM_WORD.fullmatch(t) or alias_key(t)[0] in spelled.values():
            short.add(t)
    return short


def _merge_chunk(store, chunk, reference, report, doc_ids, best_pairs, touched, signatures):
    from .variants import cluster

    forms: Dict[str, _Form] = {}
    acronyms = []
    for r in chunk:
        report.warnings += r.warnings
        if store.document_id(r.info.sha256) is not None:
            report.skipped.append(r.source.path)
            continue
        doc_ids[r.source.path] = store.add_document(r.source.path, r.info.sha256, EN, r.info.date, r.info.title)
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
            store.add_term(concept_id, term, doc_ids)
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


def _compose(text, resolver):
    from .compose import bundled_vocabulary, compose

    return compose(text, resolver, bundled_vocabulary())


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


def _add_zh(store, concept, zh, status, provenance, confidence, source=None, note=None, term_type="fullForm",
            occurrences=(), doc_ids=None, lang=ZH):
    from glossary.normalize import to_simplified

    from .pinyin import to_pinyin

    term = Term(zh, lang, status=status, provenance=provenance, confidence=confidence, term_type=term_type,
                pinyin=to_pinyin(to_simplified(zh), concept.category) or None, source=source, note=note,
                occurrences=list(occurrences))
    store.add_term(concept.id, term, doc_ids)
    concept.terms.append(term)
    return term


def _add_reference_zh(store, concept, ref):
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
    _add_zh(store, concept, ref.zh, status, "termbase", ref.score, source=ref.source, note=note)
    for variant in ref.zh_variants:
        if variant != ref.zh:
            _add_zh(store, concept, variant, "admitted" if status != "proposed" else "proposed", "termbase",
                    ref.score, source=ref.source, term_type="shortForm" if len(variant) < len(ref.zh) else "variant")


def _add_pair_zh(store, concept, pair, zh_path, doc_ids, original=None):
    """The Chinese form a parallel text gives, with its sentence as evidence; a Traditional
    original is kept beside the Simplified form as a zh-TW term."""
    known = {t.text for t in concept.zh}
    if pair.zh in known:
        return None
    status = "admitted" if pair.confidence >= CONFIDENT_PAIR else "proposed"
    provenance = "pinyin-match" if pair.method.startswith("pinyin") and "dictionary" not in pair.method \
        else "parallel-text"
    occ = [Occurrence(zh_path, pair.zh_start, pair.zh_start + len(pair.zh), pair.zh_sentence)] if zh_path else []
    _add_zh(store, concept, pair.zh, status, provenance, round(pair.confidence, 2),
            source=zh_path, note=f"evidence ({pair.method}): {pair.zh_sentence}", occurrences=occ, doc_ids=doc_ids)
    if original:
        _add_zh(store, concept, original, status, provenance, round(pair.confidence, 2), source=zh_path,
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


def refresh_statuses(store, concept_id):
    """Re-decide which English form is preferred from the evidence, keeping decisions people made.

    A form someone set by hand or imported keeps its status. Among the others the preferred one is
    chosen by :func:`extract.variants.choose_preferred` (term-base status, latest dated use,
    frequency); a full-form variant last used well before the preferred form first appeared
    (:data:`DEPRECATION_GAP_DAYS`) has fallen out of use and becomes deprecated; the rest, short
    forms and acronyms included, are admitted.
    """
    from .variants import choose_preferred

    rows = store.conn.execute(
        """SELECT t.id, t.text, t.status, t.provenance, t.count, MIN(d.date), MAX(d.date), t.term_type
           FROM terms t LEFT JOIN occurrences o ON o.term_id = t.id LEFT JOIN documents d ON d.id = o.document_id
           WHERE t.concept_id = ? AND t.lang NOT LIKE 'zh%' GROUP BY t.id""", (concept_id,)).fetchall()
    if not rows:
        return
    short = _abbreviated_forms([r[1] for r in rows]) | _contained_forms([r[1] for r in rows])
    rows = [r if r[1] not in short or r[7] != "fullForm" else
            r[:7] + ("acronym" if _ACRONYM_WORD.fullmatch(r[1]) else "shortForm",) for r in rows]
    for r in rows:
        if r[1] in short:
            store.conn.execute("UPDATE terms SET term_type = ? WHERE id = ?", (r[7], r[0]))
    fixed = [r for r in rows if r[3] in ("manual", "imported", "termbase")]
    if any(r[2] == "preferred" for r in fixed):
        return
    # Headword candidates: full forms over acronyms and short forms, the singular over a plural
    # of another form ("sister city", not "sister cities"), whenever such a choice exists.
    keys = {en_key(r[1]) for r in rows}
    candidates = [r for r in rows if r[7] in ("fullForm", "variant", None)] or rows
    candidates = [r for r in candidates if not _plural_of_another(en_key(r[1]), keys)] or candidates
    forms = [{"text": r[1], "count": r[4], "latest_date": r[6], "status": r[2] if r in fixed else None}
             for r in candidates]
    chosen = choose_preferred(forms)
    pref = next(r for r in rows if r[1] == chosen)
    for r in rows:
        if r in fixed:
            continue
        if r is pref:
            status = "preferred"
        elif r[7] in ("fullForm", "variant", None) and _days_between(r[6], pref[5]) >= DEPRECATION_GAP_DAYS:
            status = "deprecated"
        else:
            status = "admitted"
        if status != r[2]:
            store.conn.execute("UPDATE terms SET status = ? WHERE id = ?", (status, r[0]))


def _plural_of_another(key, keys):
    return (key.endswith("s") and key[:-1] in keys) or (key.endswith("es") and key[:-2] in keys) or \
        (key.endswith("ies") and key[:-3] + "y" in keys)


def _days_between(earlier, later):
    """Days from one ISO date to another; 0 when either is unknown."""
    from datetime import date

    try:
        return (date.fromisoformat(later) - date.fromisoformat(earlier)).days
    except (TypeError, ValueError):
        return 0


def known_pairs(store, reference) -> Dict[str, str]:
    """English → Chinese pairs the parallel matcher may use as anchors and jieba user words."""
    known = {}
    if reference is not None:
        for e in reference.entries:
            known[e.en] = e.zh
    rows = store.conn.execute(
        """SELECT e.text, z.text FROM terms e JOIN terms z ON z.concept_id = e.concept_id
           WHERE e.lang NOT LIKE 'zh%' AND z.lang LIKE 'zh%' AND z.status != 'proposed'""").fetchall()
    known.update(rows)
    return known


def extract(store, paths, zh=None, jobs=1, encoding=None, use_reference=True, progress=None,
            engine="local") -> MergeReport:
    """The whole job: find inputs, analyse them, merge into the term base in one transaction."""
    from . import reference as reference_mod

    sources = discover(paths, zh)
    reference = reference_mod.bundled() if use_reference else None
    known = known_pairs(store, reference) if any(s.zh_path for s in sources) else None
    with tempfile.TemporaryFile(prefix="glossary-map-") as spool:
        # The map output goes to a spool file, not a list: memory stays flat however large the
        # corpus, and the write lock is taken only once every document has been analysed.
        count = 0
        for result in analyse_all(sources, jobs=jobs, encoding=encoding, known=known, progress=progress,
                                  engine=engine, use_reference=use_reference):
            pickle.dump(result, spool, protocol=pickle.HIGHEST_PROTOCOL)
            count += 1
        _warm_up()
        spool.seek(0)
        with store.transaction():
            return merge(store, (pickle.load(spool) for _ in range(count)), reference)


def _warm_up():
    """Load the dictionaries the merge needs before it takes the write lock, so a colleague's
    command waiting on the same term base waits for the merge only, not for jieba loading."""
    from .compose import bundled_vocabulary
    from .pinyin import to_pinyin

    to_pinyin("北京")
    bundled_vocabulary()


def total_size(paths) -> int:
    size = 0
    for p in paths:
        path = Path(p)
        if path.is_dir():
            size += sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        elif path.exists():
            size += os.path.getsize(path)
    return size

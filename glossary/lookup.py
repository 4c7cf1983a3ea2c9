"""Finding concepts the way translators type: English, Chinese, pinyin with or without tones, initials.

Exact keys first (indexed), then partial matches, then fuzzy "did you mean" suggestions.
"""
import re
from dataclasses import dataclass, field
from typing import List, Optional

from .normalize import en_key, pinyin_key, zh_key

_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass
class LookupResult:
    query: str
    matches: list = field(default_factory=list)      # (concept, how) pairs, best first
    suggestions: List[str] = field(default_factory=list)


def _ids(store, sql, params, limit):
    return [r[0] for r in store.conn.execute(sql + f" LIMIT {int(limit)}", params)]


def lookup(store, query: str, limit: int = 10, category: Optional[str] = None, status: Optional[str] = None,
           lang: Optional[str] = None) -> LookupResult:
    result = LookupResult(query)
    q = query.strip()
    if not q:
        return result
    found = []   # (concept_id, how)
    if _HAN.search(q):
        key = zh_key(_to_simplified(q))
        found += [(i, "zh") for i in _ids(store, "SELECT DISTINCT concept_id FROM terms WHERE key = ? AND lang LIKE 'zh%'",
                                          (key,), limit)]
        found += [(i, "zh partial") for i in _ids(
            store, "SELECT DISTINCT concept_id FROM terms WHERE lang LIKE 'zh%' AND instr(key, ?) > 0", (key,), limit)]
    else:
        key = en_key(q)
        found += [(i, "en") for i in _ids(
            store, "SELECT DISTINCT concept_id FROM terms WHERE key = ? AND lang NOT LIKE 'zh%'", (key,), limit)]
        pk = pinyin_key(q)
        if pk:
            found += [(i, "pinyin") for i in _ids(
                store, "SELECT DISTINCT concept_id FROM terms WHERE pinyin_key = ?", (pk,), limit)]
            if " " not in q and len(pk) <= 8:
                found += [(i, "initials") for i in _ids(
                    store, "SELECT DISTINCT concept_id FROM terms WHERE initials = ?", (pk,), limit)]
        found += [(i, "en partial") for i in _ids(
            store, "SELECT DISTINCT concept_id FROM terms WHERE lang NOT LIKE 'zh%' AND instr(key, ?) > 0",
            (key,), limit)]
    seen = set()
    for concept_id, how in found:
        if concept_id in seen:
            continue
        seen.add(concept_id)
        concept = store.get_concept(concept_id)
        if category and concept.category != category:
            continue
        if status and not any(t.status == status for t in concept.terms):
            continue
        if lang and not any((t.lang or "").startswith(lang) for t in concept.terms):
            continue
        result.matches.append((concept, how))
        if len(result.matches) >= limit:
            break
    if not result.matches:
        result.suggestions = suggest(store, q)
    return result


def suggest(store, query: str, limit: int = 5) -> List[str]:
    """Closest known terms for a query with no match (typos, near misses)."""
    from rapidfuzz import fuzz, process

    han = bool(_HAN.search(query))
    cond = "lang LIKE 'zh%'" if han else "lang NOT LIKE 'zh%'"
    choices = [r[0] for r in store.conn.execute(f"SELECT DISTINCT text FROM terms WHERE {cond}")]
    hits = process.extract(query, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=60,
                            processor=lambda s: s.casefold())
    return [h[0] for h in hits]


def _to_simplified(text):
    try:
        from opencc import OpenCC
    except ImportError:  # pragma: no cover
        return text
    return OpenCC("t2s").convert(text)

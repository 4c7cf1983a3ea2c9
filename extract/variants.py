"""Which English surface forms are one concept, and which of them to prefer.

    >>> concept_signature("the International Exchange Center") == concept_signature("Center for International Exchanges")
    True
    >>> cluster(["ZGC Forum", "Zhongguancun Forum", "Financial Street Forum"])
    [['ZGC Forum', 'Zhongguancun Forum'], ['Financial Street Forum']]
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

from glossary.normalize import en_key

# Function words that do not change the concept (word order and connectors vary between versions).
_FUNCTION = {"the", "a", "an", "of", "for", "in", "on", "to", "as", "at", "by", "with", "and", "its"}
_IRREGULAR = {"children": "child", "people": "people", "affairs": "affairs", "news": "news",
              "measures": "measures", "regulations": "regulations", "rules": "rules", "opinions": "opinions",
              "games": "games", "olympics": "olympics", "paralympics": "paralympics", "studios": "studios",
              "upholds": "upholds", "establishments": "establishments", "series": "series", "axes": "axis",
              "hills": "hills", "forces": "forces", "services": "service", "analysis": "analysis",
              "status": "status", "campus": "campus", "process": "process", "business": "business",
              "basis": "basis", "crisis": "crisis", "thesis": "thesis", "us": "us", "gas": "gas"}


def singular(w: str) -> str:
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    return w[:-1]


def _tokens(text: str) -> List[str]:
    key = en_key(text)
    key = re.sub(r"['’]s\b", "", key)
    key = re.sub(r"[\"“”‘’()\[\],.;:!?]", " ", key)
    key = key.replace("-", " ")
    return [w for w in key.split() if w]


_EDITION = re.compile(r"\(\s*(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?\s*\)")


def concept_signature(text: str) -> str:
    """Order-insensitive bag of content lemmas: case, centre/center, determiners, plural/singular,
    "International Exchange Center" ~ "Center for International Exchanges"; an edition in brackets
    ("… Science Park (2024-2026)") does not make another concept.

    >>> concept_signature("Three-Year Action Plan (2024-2026)") == concept_signature("Three-Year Action Plan")
    True
    """
    text = _EDITION.sub(" ", text)
    toks = [singular(w) for w in _tokens(text) if w not in _FUNCTION]
    if not toks:
        toks = _tokens(text)
    return " ".join(sorted(toks))


# ---------------------------------------------------------------- alias step (acronym = pinyin initials)
from glossary.normalize import _SYLLABLES as _ALL  # noqa: E402

_ZERO = {"a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er"}


def _pinyin_split(word: str) -> Optional[List[str]]:
    """Exact split of one written word into pinyin syllables (fewest syllables), or None."""
    w = word.lower()
    if not w.isascii() or not w.isalpha():
        return None
    n = len(w)
    best: List[Optional[List[str]]] = [[]] + [None] * n
    for i in range(1, n + 1):
        for k in range(1, min(6, i) + 1):
            s = w[i - k:i]
            prev = best[i - k]
            if prev is None or s not in _ALL:
                continue
            if s[0] in "aeiouv" and (i - k > 0 or s not in _ZERO):
                continue
            if best[i] is None or len(prev) + 1 < len(best[i]):
                best[i] = prev + [s]
    return best[n]


def alias_key(text: str) -> Optional[Tuple[str, bool]]:
    """The form with every multi-syllable pinyin word replaced by its initials ("Zhongguancun" -> "zgc") and
    whether the form itself has an acronym ("ZGC Forum"); None when it has neither."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    out, pinyin, acronym = [], False, False
    for w in words:
        if w.isupper() and 2 <= len(w) <= 6:
            out.append(w.lower())
            acronym = True
            continue
        syl = _pinyin_split(w) if w[:1].isupper() and w[1:].islower() else None
        if syl and len(syl) >= 2:
            out.append("".join(s[0] for s in syl))
            pinyin = True
        else:
            out.append(w.lower())
    if not (pinyin or acronym):
        return None
    return concept_signature(" ".join(out)), acronym


def cluster(forms: Sequence[str], acronym_pairs: Sequence[Tuple[str, str]] = ()) -> List[List[str]]:
    """Groups of surface forms that are one concept, in first-seen order (forms keep input order)."""
    uniq: List[str] = []
    seen = set()
    for f in forms:
        if f not in seen:
            seen.add(f)
            uniq.append(f)
    parent = list(range(len(uniq)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    by_sig: Dict[str, int] = {}
    index = {f: i for i, f in enumerate(uniq)}
    for i, f in enumerate(uniq):
        sig = concept_signature(f)
        if sig in by_sig:
            union(i, by_sig[sig])
        else:
            by_sig[sig] = i
    # acronym pairs given by the extractor: acronym <-> full form
    for acr, full in acronym_pairs:
        ia = index.get(acr)
        ib = index.get(full)
        if ib is None:
            sig = concept_signature(full)
            ib = by_sig.get(sig)
        if ia is not None and ib is not None:
            union(ia, ib)
    # alias step: "ZGC Forum" ~ "Zhongguancun Forum" (initials of pinyin syllables). Only a form written with
    # an acronym joins a spelled-out form: "Haidian District" and "Huadu District" share initials but differ.
    spelled: Dict[str, int] = {}
    abbreviated: List[Tuple[str, int]] = []
    for i, f in enumerate(uniq):
        ak = alias_key(f)
        if ak is None:
            continue
        key, has_acronym = ak
        if has_acronym:
            abbreviated.append((key, i))
        else:
            spelled.setdefault(key, i)
    for key, i in abbreviated:
        if key in spelled:
            union(i, spelled[key])
    groups: Dict[int, List[str]] = {}
    for i, f in enumerate(uniq):
        groups.setdefault(find(i), []).append(f)
    return [groups[k] for k in sorted(groups)]


_STATUS_RANK = {"preferred": 0, "admitted": 1, "proposed": 2, None: 3, "": 3, "deprecated": 4, "superseded": 4}


def choose_preferred(forms: Sequence[dict]) -> str:
    """The form to prefer: term-base status first, then the most recent dated usage, then frequency."""
    if not forms:
        raise ValueError("choose_preferred needs at least one form")

    def key(f):
        status = f.get("status")
        rank = _STATUS_RANK.get(status.lower() if isinstance(status, str) else status, 3)
        date = f.get("latest_date") or ""
        return (rank, _neg(date), -(f.get("count") or 0), f.get("text") or "")

    return min(forms, key=key)["text"]


def _neg(date: str):
    """Sort key putting later ISO dates first and missing dates last."""
    if not date:
        return (1, "")
    return (0, "".join(chr(0x10FFFF - ord(c)) if c.isdigit() else c for c in date[:10]))

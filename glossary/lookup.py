"""Finding concepts the way translators type: English, Chinese, pinyin with or without tones, initials.

A query is tried in three stages, and a stage runs only when the ones before it found nothing:

1. exact: the normalised key (case, determiners, British spellings, quotes and 、 folded; Traditional
   Chinese converted to Simplified), then the toneless pinyin key (liǎng gè quèlì, liang3 ge4 que4 li4,
   lianggequeli), then initials as input methods take them (lgql, or mixed: lianggql) - all B-tree
   index lookups;
2. partial: prefixes of keys, pinyin and initials (index range scans), ranked above words and phrases
   of English keys and pinyin (the word index of schema v2, the last word may be half typed) and
   substrings (its trigram index: 交往中心, 确立, "queli" inside lianggequeli);
3. fuzzy: "did you mean" suggestions, ranked by rapidfuzz over candidates the indexes supply (terms
   with all the query's words but one; else terms sharing pieces of it), never over the whole base.

Within a tier, a match on a preferred term comes before one on another status, and concepts with a
Chinese form before those without. Filters (--category, --status, --lang) are part of every query, so
``limit`` counts only what the translator will see.

Only the normalisers are imported at start; OpenCC is loaded only when the query holds a Traditional
character, rapidfuzz only for suggestions.

>>> ime_initials("lgql")
{'lgql': [['l', 'g', 'q', 'l']]}
"""
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

from .model import STATUSES
from .normalize import _SYLLABLES, en_key, pinyin_key, pinyin_syllables, strip_tones, to_simplified, zh_key

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_LETTERS_ONLY = re.compile(r"^[A-Za-z]+$")
_PINYIN_ONLY = re.compile(r"^[A-Za-z\u00c0-\u024f\u0300-\u036f\s'\-·1-5]+$")
_TOP = "\U0010ffff"        # sorts after every character: key >= p AND key < p || _TOP is "starts with p"

# Named limits, tuned on the 1,000,000-term benchmark (bench/bench_lookup.py).
TIER_ROWS = 200            # matching terms read per partial query before ranking; more only costs time
MAX_IME_READINGS = 64      # initials strings an input-method query may stand for (lianggql -> lgql, ...)
MAX_IME_LENGTH = 24        # longer letter runs are not taken as initials
FUZZY_PINYIN_WINDOW = 5    # pinyin pieces are longer: four letters of pinyin are in too many terms
FUZZY_WINDOW = 4           # query pieces looked up in the trigram index to find fuzzy candidates
FUZZY_PIECES = 8           # at most this many pieces per query (spread over it)
FUZZY_PIECE_ROWS = 400     # a piece matching more terms than this is too common to say anything
FUZZY_CANDIDATES = 300     # candidates (most pieces shared first) that rapidfuzz scores
FUZZY_CUTOFF = 60          # rapidfuzz score (0-100) below which a term is not suggested
SUGGESTIONS = 5

NO_MATCH = "no exact match for {query!r}"
DID_YOU_MEAN = "; did you mean: {suggestions}"


@dataclass
class LookupResult:
    query: str
    matches: list = field(default_factory=list)          # (concept, how) pairs, best first
    suggestions: List[str] = field(default_factory=list)  # "did you mean" term texts, best first
    simplified: Optional[str] = None                      # the query converted from Traditional, if it was


@dataclass
class _Hit:
    tier: int
    how: str
    concept_id: int
    status: str
    has_zh: int
    closeness: int = 0      # smaller is closer (length difference, word vs. infix)


# -- query forms ---------------------------------------------------------------------------------------

def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


_IME_TOKENS = {}     # first letter -> the syllables (and zh, ch, sh, single letters) it can start, longest first
for _tok in sorted(_SYLLABLES | {"zh", "ch", "sh"} | set("abcdefghjklmnopqrstwxyz"), key=len, reverse=True):
    _IME_TOKENS.setdefault(_tok[0], []).append(_tok)


def ime_initials(query: str) -> Dict[str, List[List[str]]]:
    """The initials strings a run of letters may stand for, as an input method reads it.

    Each typed piece is a whole syllable or its first letter(s) (zh, ch, sh count as one): "lgql",
    "lianggql" and "liangGeQL" all stand for l-g-q-l. Maps initials to the segmentations giving them.

    >>> sorted(ime_initials("lianggql"), key=len)[0]
    'lgql'
    """
    q = query.lower()
    if not _LETTERS_ONLY.match(q) or len(q) > MAX_IME_LENGTH:
        return {}
    # best[i]: segmentations of q[:i] (as token lists), at most MAX_IME_READINGS distinct initials each
    best = [dict() for _ in range(len(q) + 1)]
    best[0][""] = [[]]
    for i in range(len(q)):
        if not best[i]:
            continue
        if len(best[i]) > MAX_IME_READINGS:     # keep the readings with the fewest syllables
            best[i] = dict(sorted(best[i].items(), key=lambda kv: len(kv[0]))[:MAX_IME_READINGS])
        for tok in _IME_TOKENS.get(q[i], ()):
            if not q.startswith(tok, i):
                continue
            nxt = best[i + len(tok)]
            for ini, segs in best[i].items():
                key = ini + tok[0]
                bucket = nxt.setdefault(key, [])
                if len(bucket) < 8:
                    bucket.extend(s + [tok] for s in segs[:8 - len(bucket)])
    return dict(sorted(best[len(q)].items(), key=lambda kv: len(kv[0]))[:MAX_IME_READINGS])


def _looks_like_pinyin(letters):
    """Whole syllables, but for the last one, which may be half typed (lianggeq)."""
    sylls = pinyin_syllables(letters)
    return all(s in _SYLLABLES for s in sylls[:-1])


def _ime_fits(tokens, syllables):
    return len(tokens) == len(syllables) and all(s.startswith(t) for t, s in zip(tokens, syllables))


# -- the lookup -------------------------------------------------------------------------------------------

def lookup(store, query: str, limit: int = 10, category: Optional[str] = None, status: Optional[str] = None,
           lang: Optional[str] = None, contexts: int = 2) -> LookupResult:
    """Concepts matching ``query``, best first; suggestions when nothing matches.

    ``category``: only concepts of that category. ``status``: only matches on a term of that status.
    ``lang`` ("en" or "zh"): only concepts with a term in that language.
    """
    result = LookupResult(query)
    q = (query or "").strip()
    if not q:
        return result
    finder = _Finder(store, category, status, lang)
    han = has_han(q)
    if han:
        simple = to_simplified(q)
        if simple != q:
            result.simplified = simple
        key, pk = zh_key(simple), None
        also = zh_key(q) if simple != q else None    # a zh-TW term stored as written
    else:
        also = None
        key = en_key(q)
        pk = pinyin_key(q) if _PINYIN_ONLY.match(q) else None
    hits = finder.exact(key, pk, q, also)
    if not hits:
        hits = finder.partial(key, pk, han, q, limit)
    for concept_id in _rank(hits, limit):
        result.matches.append((store.get_concept(concept_id, contexts=contexts), _best_how(hits, concept_id)))
    if not result.matches:
        result.suggestions = suggest(store, q, category=category, status=status, lang=lang)
    return result


def miss_message(result: LookupResult) -> str:
    """The line for a query nothing matched.

    >>> miss_message(LookupResult("Two Establishmnets", suggestions=["Two Establishments"]))
    "no exact match for 'Two Establishmnets'; did you mean: Two Establishments"
    """
    text = NO_MATCH.format(query=result.query)
    if result.suggestions:
        text += DID_YOU_MEAN.format(suggestions=", ".join(result.suggestions))
    return text


def _rank(hits: List[_Hit], limit: int) -> List[int]:
    """Concept ids, each at its best hit: tier, then preferred, then with Chinese, then closeness."""
    best = {}
    for h in hits:
        k = (h.tier, _status_rank(h.status), 0 if h.has_zh else 1, h.closeness, h.concept_id)
        if h.concept_id not in best or k < best[h.concept_id]:
            best[h.concept_id] = k
    return [cid for cid, _ in sorted(best.items(), key=lambda kv: kv[1])[:limit]]


def _best_how(hits, concept_id):
    return min((h for h in hits if h.concept_id == concept_id),
               key=lambda h: (h.tier, _status_rank(h.status), h.closeness)).how


def _status_rank(status):
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


class _Finder:
    """Runs the tier queries with the filters folded into each."""

    def __init__(self, store, category, status, lang):
        self.conn = store.conn
        where, params = [], []
        if category:
            where.append("(SELECT category FROM concepts WHERE id = t.concept_id) = ?")
            params.append(category)
        if status:
            where.append("t.status = ?")
            params.append(status)
        if lang:
            pattern = "zh%" if lang.lower().startswith("zh") else lang.lower() + "%"
            where.append("EXISTS (SELECT 1 FROM terms l WHERE l.concept_id = t.concept_id AND l.lang LIKE ?)")
            params.append(pattern)
        self.filters = "".join(f" AND {w}" for w in where)
        self._english = {}
        self.params = params

    def _rows(self, condition, params, limit=TIER_ROWS, order=""):
        sql = (f"SELECT t.concept_id, t.status, EXISTS (SELECT 1 FROM terms z WHERE z.concept_id = t.concept_id "
               f"AND z.lang LIKE 'zh%'), t.key, t.pinyin, t.lang FROM terms t WHERE {condition}{self.filters} "
               f"{order} LIMIT {int(limit)}")
        return self.conn.execute(sql, list(params) + self.params).fetchall()

    def _hits(self, tier, how, condition, params, closeness=None, limit=TIER_ROWS, order=""):
        out = []
        for cid, status, has_zh, key, pinyin, lang in self._rows(condition, params, limit, order):
            near = closeness(key, pinyin, lang) if closeness else 0
            if near is None:
                continue
            out.append(_Hit(tier, how, cid, status, has_zh, near))
        return out

    # tier 0-2 ------------------------------------------------------------------------------------------
    def exact(self, key, pk, raw, also=None):
        hits = self._hits(0, "exact", "t.key IN (?, ?)", (key, also or key)) if key else []
        if pk:
            hits += self._hits(1, "pinyin", "t.pinyin_key = ?", (pk,))
            if not hits and not self.english_word(key):
                hits += self.initials(raw)
        return hits

    def english_word(self, key):
        """Whether a run of letters is a word of some English key (so "forum" is English, "lgql" initials).

        An input method reads every run of letters as pinyin; a term base also holds English, so letters
        that are an English word are taken as English first and as initials only after its matches.
        """
        if len(key) < 2 or not _LETTERS_ONLY.match(key):
            return False
        if key not in self._english:
            self._english[key] = self.conn.execute("SELECT 1 FROM terms_words WHERE terms_words MATCH ? LIMIT 1",
                                                   (f"key : {_fts_string(key)}",)).fetchone() is not None
        return self._english[key]

    def initials(self, raw):
        readings = ime_initials(raw)
        if not readings:
            return []
        marks = ",".join("?" * len(readings))

        def fits(key, pinyin, lang):
            sylls = pinyin_syllables(pinyin or "")
            segs = readings.get("".join(s[0] for s in sylls), [])
            return len(sylls) if any(_ime_fits(s, sylls) for s in segs) else None

        # fewest syllables first: "lianggql" is far likelier l-g-q-l than l-i-a-n-g-g-q-l
        return self._hits(2, "initials", f"t.initials IN ({marks})", list(readings), fits,
                          order="ORDER BY length(t.initials)")

    # tier 3-4 ------------------------------------------------------------------------------------------
    def partial(self, key, pk, han, raw, limit=10):
        hits = []
        pinyinish = bool(pk) and _looks_like_pinyin(pk)
        if key:
            hits += self._hits(3, "prefix", "t.key >= ? AND t.key < ?", (key, key + _TOP),
                               lambda k, p, l: len(k) - len(key))
        if pinyinish and len(pk) >= 2:
            hits += self._hits(3, "pinyin prefix", "t.pinyin_key >= ? AND t.pinyin_key < ?", (pk, pk + _TOP),
                               lambda k, p, l: len(pinyin_key(p or "")) - len(pk))
            if _LETTERS_ONLY.match(pk) and len(pk) <= 8:
                hits += self._hits(3, "initials prefix", "t.initials >= ? AND t.initials < ?",
                                   (pk, pk + _TOP), lambda k, p, l: 100 + len(k))
        if len({h.concept_id for h in hits}) >= limit:
            return hits     # the prefixes fill the answer; words and substrings would rank below them
        if han:
            hits += self._substring("key", key, han=True)
            return hits
        found = self._words("key", _words(key), "partial", lambda k, p: k) if key else []
        if not found and key and len(key) >= 3:
            found = self._substring("key", key)
        hits += found
        if pinyinish:
            found = []
            if _mostly_pinyin(pk):
                sylls = _words(strip_tones(raw).lower().replace("\u00fc", "u").replace("v", "u"))
                found = self._words("pinyin", sylls, "pinyin partial",
                                    lambda k, p: strip_tones(p or "").lower().replace("v", "u"))
            if not found and len(pk) >= 4:
                found = self._substring("pinyin_key", pk)
            hits += found
        if pk and self.english_word(key):     # skipped in the exact tier: after the English matches
            for h in self.initials(key):
                h.tier, h.closeness = 4, 3000
                hits.append(h)
        return hits

    def _words(self, column, words, how, value_of):
        """Terms with these words: as a phrase (the last word may be half typed), else in any order."""
        if len(words) > 1 and len(words[-1]) < 2:
            words = words[:-1]    # "national g": one letter would expand to every word in g*
        if not words:
            return []
        quoted = [_fts_string(w) for w in words]
        expr = f'"{" ".join(words)}" *'
        if len(words) > 1:
            expr += " OR (" + " AND ".join(quoted[:-1] + [quoted[-1] + " *"]) + ")"
        cond = "t.id IN (SELECT rowid FROM terms_words WHERE terms_words MATCH ? LIMIT ?)"
        phrase = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(\w*)")

        def closeness(key, pinyin, lang):
            value = value_of(key, pinyin)
            m = phrase.search(value)
            if m:
                return (500 if m.group(1) else 0) + len(value) - m.end() + m.start()
            return 2000 + len(value)

        return self._hits(4, how, cond, (f"{column} : ({expr})", TIER_ROWS), closeness, TIER_ROWS)

    def _substring(self, column, text, han=False):
        """Terms whose key (or pinyin key) contains ``text`` anywhere (trigram index)."""
        phrases = _phrases(self.conn, text, han)
        if not phrases:
            return []
        match = f"{column} : ({' OR '.join(_fts_string(p) for p in phrases)})"
        cond = "t.id IN (SELECT rowid FROM terms_fts WHERE terms_fts MATCH ? LIMIT ?)"
        how = "pinyin partial" if column == "pinyin_key" else "partial"

        def closeness(key, pinyin, lang):
            value = pinyin_key(pinyin or "") if column == "pinyin_key" else key
            if text not in value:
                return None
            return (0 if han or column == "pinyin_key" else 1000) + len(value) - len(text)

        return self._hits(4, how, cond, (match, TIER_ROWS * 2), closeness, limit=TIER_ROWS * 2)


def _words(text):
    """Words as the unicode61 tokenizer of terms_words cuts them."""
    return re.findall(r"[^\W_]+", text)


def _fts_string(text):
    return '"' + text.replace('"', '""') + '"'


def _phrases(conn, text, han=True):
    """FTS phrases for "contains text": itself when 3+ characters; else the indexed trigrams it begins.

    Values are indexed with two END marks after them, so a 1- or 2-character string inside a key always
    begins some trigram; the trigram vocabulary (a range query) lists them.
    """
    if len(text) >= 3:
        return [text]
    if not han:     # "eu", "5g": too short to say anything in Latin letters
        return []
    sql = "SELECT term FROM temp.lookup_vocab WHERE term >= ? AND term < ? LIMIT 500"
    try:
        rows = conn.execute(sql, (text, text + _TOP)).fetchall()
    except sqlite3.OperationalError:
        try:
            conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.lookup_vocab "
                         "USING fts5vocab(main, terms_fts, 'row')")
            rows = conn.execute(sql, (text, text + _TOP)).fetchall()
        except sqlite3.Error:
            return []
    return [r[0] for r in rows]


# -- fuzzy suggestions ------------------------------------------------------------------------------------

def suggest(store, query: str, limit: int = SUGGESTIONS, category=None, status=None, lang=None) -> List[str]:
    """Closest known terms for a query with no match (typos, near misses), best first.

    Candidates are the terms sharing the most pieces of the query in the trigram index (pieces too
    common to tell terms apart are skipped); only those are scored, so the cost does not grow with
    the size of the base.
    """
    return [text for text, _score, _cid in suggest_scored(store, query, limit, category, status, lang)]


def suggest_scored(store, query: str, limit: int = SUGGESTIONS, category=None, status=None,
                   lang=None) -> List[Tuple[str, float, int]]:
    """(term text, score 0-100, concept id) of the closest terms, best first."""
    q = (query or "").strip()
    if not q:
        return []
    from rapidfuzz import fuzz

    conn = store.conn
    finder = _Finder(store, category, status, lang)
    han = has_han(q)
    plans = []     # (normalised query, column compared, candidate row ids)
    if han:
        text = zh_key(to_simplified(q))
        plans.append((text, "key", _trigram_candidates(conn, "key", text, han=True)))
    else:
        pk = pinyin_key(q) if _PINYIN_ONLY.match(q) else ""

        def pinyin_plan():
            sylls = _words(strip_tones(q).lower().replace("v", "u"))
            counts = _word_candidates(conn, "pinyin", sylls) if len(sylls) > 1 else {}
            plans.append((pk, "pinyin_key", counts or _pinyin_candidates(conn, pk)))

        pinyin = len(pk) >= 3 and _mostly_pinyin(pk)
        if pinyin:
            pinyin_plan()
        text = en_key(q)
        # one run of syllables (lianggequelu) is pinyin: English only if the pinyin found nothing
        if text and not (pinyin and len(_words(text)) == 1 and plans[0][2]):
            words = _words(text)
            counts = _corrected_candidates(conn, words)
            if len(words) > 1:
                for rowid, n in _word_candidates(conn, "key", words).items():
                    counts[rowid] = counts.get(rowid, 0) + n
            if not counts:
                counts = _trigram_candidates(conn, "key", text)
            plans.append((text, "key", counts))
            # a run of letters that reads as pinyin with a typo or two ("internatonal" does too): both
            if not pinyin and len(pk) >= 6 and len(words) == 1 and (not counts or _mostly_pinyin(pk, 0.7)):
                pinyin_plan()
    scored = {}
    for text, column, counts in plans:
        if not counts:
            continue
        ids = sorted(counts, key=lambda i: -counts[i])[:FUZZY_CANDIDATES]
        marks = ",".join("?" * len(ids))
        sql = (f"SELECT t.text, t.key, t.pinyin_key, t.concept_id, t.status FROM terms t "
               f"WHERE t.id IN ({marks}){finder.filters}")
        for text_, key, pk, cid, st in conn.execute(sql, ids + finder.params):
            value = pk if column == "pinyin_key" else key
            if not value:
                continue
            score = fuzz.ratio(text, value)
            if column == "key" and not han:
                score = max(score, fuzz.token_sort_ratio(text, value))
            if score < FUZZY_CUTOFF:
                continue
            score -= 0.01 * _status_rank(st)
            if cid not in scored or score > scored[cid][0]:
                scored[cid] = (score, text_)       # one suggestion per concept: its closest term
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[:limit]
    return [(text, round(score, 1), cid) for cid, (score, text) in ranked]


def _mostly_pinyin(letters, share=0.9):
    """Most letters (nine in ten) read as whole syllables: pinyin with a typo, not English."""
    sylls = pinyin_syllables(letters)
    good = sum(len(s) for s in sylls if s in _SYLLABLES and len(s) > 1)
    return good >= share * len(letters)


def _candidate_rows(conn, table, match):
    """Row ids for one FTS query, or None when it matches too many terms to tell any apart."""
    rows = conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?",
                        (match, FUZZY_PIECE_ROWS + 1)).fetchall()
    return None if len(rows) > FUZZY_PIECE_ROWS else rows


def _vocab(conn, sql, params):
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError:
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.lookup_words USING fts5vocab(main, terms_words, 'row')")
        return conn.execute(sql, params).fetchall()


def _corrected_candidates(conn, words):
    """Terms with the query's misspelt words put right: each word the index does not know is replaced
    by the closest indexed words that begin with the same two letters ("establishmnets")."""
    from rapidfuzz import fuzz, process

    options = []
    for w in words[:6]:
        if len(w) < 4 or _vocab(conn, "SELECT 1 FROM temp.lookup_words WHERE term = ?", (w,)):
            options.append([w])
            continue
        known = [r[0] for r in _vocab(conn, "SELECT term FROM temp.lookup_words WHERE term >= ? AND term < ? "
                                            "LIMIT 5000", (w[:2], w[:2] + _TOP))]
        near = process.extract(w, known, scorer=fuzz.ratio, limit=2, score_cutoff=FUZZY_CUTOFF + 10)
        if near:
            options.append([n[0] for n in near])
        elif len(words) == 1:
            return {}
        # else: a word past putting right (its first letters are wrong) is left out of the query
    if not options or (len(options) == len(words[:6]) and all(len(o) == 1 for o in options)):
        return {}
    counts = {}
    combos = [[]]
    for o in options:
        combos = [c + [x] for c in combos for x in o][:4]
    for combo in combos:
        match = "key : (" + " AND ".join(_fts_string(w) for w in combo) + ")"
        for (rowid,) in conn.execute("SELECT rowid FROM terms_words WHERE terms_words MATCH ? LIMIT ?",
                                     (match, FUZZY_PIECE_ROWS)):
            counts[rowid] = counts.get(rowid, 0) + 2
    return counts


def _word_candidates(conn, column, words):
    """Terms with all the query's words but one, that one only by its first two letters.

    A typo spoils one word; the others (and the typo'd word's start) still find the term.
    """
    words = sorted(set(words), key=words.index)[:6]
    counts = {}
    if not words:
        return counts
    for i, w in enumerate(words):
        others = [_fts_string(o) for j, o in enumerate(words) if j != i]
        if len(w) >= 2:
            others.append(_fts_string(w[:2]) + " *")
        if not others:
            continue
        rows = _candidate_rows(conn, "terms_words", f"{column} : ({' AND '.join(others)})")
        for (rowid,) in rows or ():
            counts[rowid] = counts.get(rowid, 0) + 1
    return counts


def _pinyin_candidates(conn, pk):
    """Terms near a run of toneless pinyin with a typo.

    A typo in the second half leaves the first half a prefix (B-tree range); a typo inside a syllable
    often leaves the initials as they were (B-tree); and wherever it is, pieces away from it are intact
    (trigram index, pieces too common to tell terms apart skipped).
    """
    counts = {}
    half = max(2, len(pk) // 2)
    for (rowid,) in conn.execute("SELECT id FROM terms WHERE pinyin_key >= ? AND pinyin_key < ? LIMIT ?",
                                 (pk[:half], pk[:half] + _TOP, FUZZY_PIECE_ROWS)):
        counts[rowid] = counts.get(rowid, 0) + 2
    initials = "".join(s[0] for s in pinyin_syllables(pk))
    for (rowid,) in conn.execute("SELECT id FROM terms WHERE initials = ? LIMIT ?", (initials, FUZZY_PIECE_ROWS)):
        counts[rowid] = counts.get(rowid, 0) + 1
    for rowid, n in _trigram_candidates(conn, "pinyin_key", pk).items():
        counts[rowid] = counts.get(rowid, 0) + n
    return counts


def _trigram_candidates(conn, column, text, han=False):
    """Terms sharing the most pieces of ``text`` in the trigram index (common pieces skipped)."""
    counts = {}
    width = 3 if han else FUZZY_PINYIN_WINDOW if column == "pinyin_key" else FUZZY_WINDOW
    for piece in _pieces(text, width):
        rows = _candidate_rows(conn, "terms_fts", f"{column} : {_fts_string(piece)}")
        for (rowid,) in rows or ():
            counts[rowid] = counts.get(rowid, 0) + 1
    if han and len(text) <= 4:   # few pieces: terms sharing the first character too
        for (rowid,) in conn.execute("SELECT id FROM terms WHERE key >= ? AND key < ? LIMIT ?",
                                     (text[0], text[0] + _TOP, FUZZY_CANDIDATES)):
            counts[rowid] = counts.get(rowid, 0) + 1
    return counts


def _pieces(text, width=FUZZY_WINDOW):
    """Overlapping pieces of the query to look up: a typo spoils the pieces covering it, not the rest."""
    if len(text) < 3:
        return []
    width = min(width, len(text))
    starts = list(range(0, len(text) - width + 1, max(1, width // 2)))
    if starts[-1] != len(text) - width:
        starts.append(len(text) - width)
    if len(starts) > FUZZY_PIECES:
        step = len(starts) / FUZZY_PIECES
        starts = [starts[int(i * step)] for i in range(FUZZY_PIECES)]
    return [text[s:s + width] for s in starts]


# -- interactive ------------------------------------------------------------------------------------------

def interactive(store, answer_fn: Callable[[str], object], input_fn: Callable[[str], str] = input,
                prompt: str = "lookup> ") -> int:
    """Answer queries until end of input (Ctrl-D) or ``quit``; returns how many were answered.

    ``answer_fn(query)`` prints the answer; the store stays open, so each answer is a few index reads.
    """
    answered = 0
    while True:
        try:
            q = input_fn(prompt)
        except EOFError:
            return answered
        q = (q or "").strip()
        if q in ("quit", "exit", ":q"):
            return answered
        if q:
            answer_fn(q)
            answered += 1

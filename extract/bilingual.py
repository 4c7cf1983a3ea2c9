"""Find the Chinese form of each English term in the Chinese original, with the evidence for it.

A term is paired inside the aligned sentence pairs where it occurs: the Chinese span chosen is the
one whose characters best account for the term's words — by dictionary gloss, by pinyin (names and
places, including initials such as ZGC), by numerals — preferring the span a candidate extractor
would propose and the longest span the evidence covers, but never crossing punctuation.
Agreement across several aligned pairs raises confidence; a document that does not align caps it,
because lexical coincidences between unrelated texts are not evidence.
"""
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Dict, List, Mapping, Optional, Sequence

from extract import chinese, lexicon
from extract.align import Alignment, align, token_glosses
from glossary.errors import InputError
from glossary.normalize import en_key, pinyin_syllables

__all__ = ["Pair", "MatchReport", "match_terms", "ParallelTextError"]


class ParallelTextError(InputError):
    """The "Chinese original" has no Chinese in it: most often the English file was given twice.

    Matching would quietly report a zero alignment; the translator is better served by being told.
    """


@dataclass
class Pair:
    en: str                 # the English term as given
    zh: str                 # Chinese form found, Simplified (the original spelling is zh_start..+len(zh))
    confidence: float       # 0..1; >= 0.8 only with dictionary/pinyin evidence inside an aligned pair
    method: str             # "termbase" | "dictionary" | "pinyin" | "numeral" | "cooccurrence" | "a+b"
    en_sentence: str
    zh_sentence: str        # the evidence, as written in the Chinese document
    zh_start: int           # offset of zh in the Chinese document


@dataclass
class MatchReport:
    pairs: List[Pair]
    alignment_score: float  # 0..1, how well the two texts align; low = probably not a translation
    aligned: int            # number of aligned sentence pairs
    en_sentences: int
    zh_sentences: int
    alignment: Optional[Alignment] = None   # the sentence pairs, for finders that work on them


MAX_SPAN = 30
NUMERAL_ONLY_MAX = 0.75
MAX_NAME_CHARS = 6   # longest transliterated run: 乌兰察布, 石景山 and two-word names joined
# Characters that end a span: a term never runs across punctuation or a quotation mark.
_BREAK = re.compile(r"[^\w\u3400-\u9fff%]|_")
_CLASSIFIER = set("个项条位名家次届大点类种批件支张座片")
_METHOD_ORDER = ("termbase", "pinyin", "dictionary", "numeral", "cooccurrence")


@dataclass
class _Word:
    text: str
    stem: str
    weight: float
    number: Optional[int]
    name: bool               # capitalised: may be a transliteration
    acronym: bool            # ZGC: may be pinyin initials
    head: bool = False       # the noun the term is about: "Bureau" of "… Sports Bureau" and of "… Bureau of Culture"
    partner: Optional[int] = None   # a number's word after its hyphen: "year" of "three-year"


@dataclass
class _Unit:
    start: int               # document offsets (normalised text has the same offsets)
    end: int
    words: frozenset         # indexes of the term's words it accounts for
    method: str
    fit: float = 1.0         # share of the matching gloss that the term's words account for


@dataclass
class _Hit:
    start: int
    end: int
    r: float
    p: float
    methods: frozenset
    cand_kind: str
    sentence: int            # Chinese sentence index
    en_sentence: int
    confidence: float = 0.0
    headless: bool = False   # the span renders words of the term but not its head noun


ACRONYM_WEIGHT = 2.0


def _analyse(term: str) -> List[_Word]:
    words = []
    positions = lexicon.en_word_positions(term.replace("-", " "))
    raw = [w for w, _ in positions]
    head = None   # the noun the term is about: the last before its first of/for/on, else the last
    hyphened = None   # the number word just passed, where a hyphen joins it to the next
    for x, w in enumerate(raw):
        if w in _HEAD_ENDS and x and head is None and words:
            head = len(words) - 1
        n = lexicon.english_number(w)
        # "He" in He Lifeng or "An" in An Ning is a surname, not a function word.
        surname = (w[:1].isupper() and x + 1 < len(raw) and raw[x + 1][:1].isupper()
                   and pinyin_syllables(w) == [w.lower()])
        if n is None and lexicon.is_stop(w) and not surname:
            continue
        acronym = w.isupper() and w.isalpha() and 2 <= len(w) <= 5
        name = w[:1].isupper() and w.replace("'", "").isalpha() and not acronym   # (Yu'er, Xi'an: pinyin too)
        # Head nouns (Forum, District, Lake) are translated, names transliterated: both weigh the same.
        if hyphened is not None:
            words[hyphened].partner = len(words)
        at = positions[x][1] + len(w)
        hyphened = len(words) if n is not None and term[at:at + 1] == "-" else None
        # The acronym of a body names it ("… Committee of the CPPCC" is 市政协, not the 市委 beside
        # it): a span that leaves it unsaid renders some other body. (Not one in brackets, which
        # repeats the name before it.)
        body = acronym and w.lower() in lexicon.BODY_ACRONYMS and term[positions[x][1] - 1:positions[x][1]] != "("
        words.append(_Word(w, lexicon.stem(w), ACRONYM_WEIGHT if body else 1.0, n, name, acronym))
    if words:
        words[-1 if head is None else head].head = True
    return words


_HEAD_ENDS = {"of", "for", "on"}   # "Director of …", "Bureau of Culture", "Forum on …"


_NAME_COMPOUND = re.compile(r"[A-Z][\w']*(?:-[A-Z][\w']*)+")


def _only_in_compounds(rx, text):
    """Whether a one-word name is written in this sentence only inside names joined by hyphens:
    "China" of "China-Ecuador partnership" is the 中 of 中厄, "Hebei" of "Beijing-Tianjin-Hebei"
    the 冀 of 京津冀 - abbreviations a term base must not take for the name."""
    compounds = [m.span() for m in _NAME_COMPOUND.finditer(text)]
    return all(any(a <= m.start() and m.end() <= b and (a, b) != m.span() for a, b in compounds)
               for m in rx.finditer(text))   # (a compound itself is a name: "Beijing-Tianjin-Hebei")


def _outside_modified(term, rx, occ, en_texts, terms):
    """The sentences where the term stands as itself, not as the end of a longer term that modifies
    it ("Secretary of the CPC Beijing Municipal Committee" in "Deputy Secretary of …", whose 副书记
    is one word, no rendering of "Secretary"); all of them if it never does."""
    longer = [_term_regex(t) for t in terms if len(t) > len(term) and t.lower().endswith(" " + term.lower())
              and _modifiers(t[:len(t) - len(term)])]
    if not longer:
        return occ

    def alone(text):
        ends = {m.end() for lx in longer for m in lx.finditer(text)}
        return any(m.end() not in ends for m in rx.finditer(text))
    return [i for i in occ if alone(en_texts[i])] or occ


def _modifiers(words):
    """Whether the words before a term make a kind of it ("Deputy", "Executive Vice"), not the
    owner of a longer name ("Office of the")."""
    words = words.split()
    return 0 < len(words) <= 2 and not any(lexicon.is_stop(w) for w in words)


def _abbreviated_name(term, pair):
    """A one-word name rendered by one character (中 of 中葡 for "China") or by one character after
    驻 "resident in" (驻华 of "ambassador to China"): the article's abbreviation, no name for a term base."""
    if " " in term.strip() or pair.method == "termbase":
        return False
    return len(pair.zh) == 1 or (len(pair.zh) == 2 and pair.zh[0] == "驻")


def _term_regex(term: str):
    t = re.escape(term.replace("’", "'")).replace(r"\ ", r"\s+")
    return re.compile(r"(?<![A-Za-z0-9])" + t + r"(?![A-Za-z0-9])", re.I)


MAX_SPELLINGS = 8


@lru_cache(maxsize=8192)
def _heteronyms(ch: str) -> tuple:
    from pypinyin import Style, pinyin

    return tuple(dict.fromkeys(r for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0] if r.isalpha()))


def readings(ch: str, usual: str) -> tuple:
    """The toneless readings a character may have in a name: the one pypinyin chooses in context
    first, then its other readings. Place names keep old readings the phrase dictionary does not
    know (劲松 is Jinsong, though pypinyin reads it jìngsōng), and surnames read apart (单 Shan)."""
    return (usual,) + tuple(r for r in _heteronyms(ch) if r != usual)


class _Doc:
    """The Chinese document's per-sentence material, computed once and shared by all terms."""

    def __init__(self, al: Alignment, known_zh: Sequence[str]):
        self.al = al
        self.norm = al.zh_norm
        self.py = al.pinyin
        self.known_zh = known_zh
        self._cands: Dict[int, list] = {}
        self._dict_units: Dict[int, list] = {}
        self._numbers: Dict[int, list] = {}
        self._grams: Dict[int, dict] = {}
        self._en_names = None
        self.person_sounds = []   # (English name, its sound scorer) of the persons the caller names
        self._sounds_like: Dict[tuple, list] = {}   # dotted name (start, end) → the persons it sounds like

    def pinyin_runs(self, k, target):
        """(start, end) of the character runs of sentence k whose joined pinyin is ``target``."""
        if k not in self._grams:
            z = self.al.zh[k]
            py, grams = self.py, {}
            for a in range(z.span.start, z.span.end):
                spellings = {""}
                for b in range(a, min(a + MAX_NAME_CHARS, z.span.end)):
                    if not py[b]:
                        break
                    spellings = {s + r for s in spellings for r in readings(self.norm[b], py[b])}
                    for joined in spellings:
                        grams.setdefault(joined, []).append((a, b + 1))
                    if len(spellings) > MAX_SPELLINGS:
                        break   # (a run of many polyphones is no name anyway)
            self._grams[k] = grams
        return self._grams[k].get(target, ())

    def candidates(self, k):
        if k not in self._cands:
            z = self.al.zh[k]
            self._cands[k] = chinese.candidates(z.norm, z.tokens, z.span.start, self.known_zh)
        return self._cands[k]

    def dict_units(self, k):
        """Gloss stem → (start, end) of the dictionary words of sentence k glossed with it."""
        if k not in self._dict_units:
            z = self.al.zh[k]
            s, off, index = z.norm, z.span.start, {}
            for i in range(len(s)):
                for j in range(i + 1, min(len(s), i + lexicon.MAX_WORD) + 1):
                    for g in lexicon.glosses(s[i:j]):
                        index.setdefault(g, []).append((off + i, off + j))
            self._dict_units[k] = index
        return self._dict_units[k]

    def en_pinyin_names(self):
        """One to three capitalised words of the English run together and lower-cased ("zhoulihua",
        "xiaomei"): the pinyin a Chinese name, or a piece of one, is spelt with when the English writes it."""
        if self._en_names is None:
            names = set()
            for e in self.al.en:
                words = re.findall(r"[A-Z][a-z]+", e.span.text)
                for n in (1, 2, 3):
                    names |= {"".join(words[x:x + n]).lower() for x in range(len(words) - n + 1)}
            self._en_names = names
        return self._en_names

    def someone_else(self, a, b, words):
        """Whether the dotted name at [a, b) sounds like a person the English names who is not the
        term being matched (弗兰克·韦伯 is Frank Weber, whatever "Max Planck Society" shares with it)."""
        if (a, b) not in self._sounds_like:   # (asked for every term and span of the sentence)
            sound = "".join(self.py[a:b])
            self._sounds_like[(a, b)] = [p for p, score in self.person_sounds if score(sound) >= TRANSLIT_MIN]
        own = " ".join(w.text for w in words)
        return any(p not in own for p in self._sounds_like[(a, b)])

    def numbers(self, k):
        if k not in self._numbers:
            z = self.al.zh[k]
            self._numbers[k] = [(v, z.span.start + a, z.span.start + b) for v, a, b in chinese.numbers_in(z.norm)]
        return self._numbers[k]


def _within_word(u, dict_units):
    """One character u with only the words a dictionary word around it renders too, when it shares one."""
    if u.end - u.start > 1:
        return u
    for v in dict_units:
        if v.start <= u.start and u.end <= v.end and v.end - v.start > 1 \
                and u.words & v.words and not u.words <= v.words:
            return replace(u, words=u.words & v.words)
    return u


def _units(doc: _Doc, k: int, words: List[_Word]) -> List[_Unit]:
    """Pieces of Chinese sentence k that account for some of the term's words."""
    z = doc.al.zh[k]
    lo, hi = z.span.start, z.span.end
    py = doc.py
    units = []
    stems = {w.stem: i for i, w in enumerate(words) if w.number is None and not w.acronym}
    by_stem: Dict[str, List[int]] = {}
    for i, w in enumerate(words):
        if w.number is None:
            by_stem.setdefault(w.stem, []).append(i)
    if stems:
        index, found = doc.dict_units(k), {}
        for st, idx in by_stem.items():
            for ab in index.get(st, ()):
                found.setdefault(ab, set()).update(idx)
        term_stems = frozenset(by_stem)
        dict_units = []
        for (a, b), hit in found.items():
            fit = lexicon.gloss_fit(doc.norm[a:b], term_stems)
            dict_units.append(_Unit(a, b, frozenset(hit), "dictionary", fit))
        # One character cannot render two words: 市 inside 城市 ("urban") is not also "Municipal".
        # Nor is a character inside a word that renders the same: 流 of 一流 ("first-class") is
        # not "class" on its own, so a span cannot start at 流.
        kept = [u for u in dict_units if not any(
            v.start <= u.start and u.end <= v.end and (v.start, v.end) != (u.start, u.end)
            and ((not (u.words & v.words) and v.fit > u.fit) or (u.end - u.start == 1 and u.words <= v.words))
            for v in dict_units)]
        # ... and a character that renders a word with the word it is in renders only that: 节 of 春节
        # is the "Festival", not also the "Season" 季 says after it.
        units += [_within_word(u, dict_units) for u in kept]
    for v, a, b in doc.numbers(k):
        hit = frozenset(i for i, w in enumerate(words) if w.number == v)
        if hit:
            if b < hi and doc.norm[b] in _CLASSIFIER:
                b += 1
            # "two" inside a compound is that number only where the compound's other word follows it
            # ("two-session" 两会): "two-way" is 双向, and the 两 of 两地 nearby is no part of it. (Not
            # other numbers: 十四五 is the "14th Five-Year Plan" without its "year", 第二大城市 the
            # "second-largest city".)
            hit = frozenset(i for i in hit if words[i].text.lower() != "two" or words[i].partner is None or any(
                words[i].partner in u.words and b <= u.start <= b + 1 for u in units))
        if hit:
            if a > lo and doc.norm[a - 1] == "第":
                a -= 1
            units.append(_Unit(a, b, hit, "numeral"))
    # Pinyin: a run of one or more capitalised words spelled by consecutive characters. A single
    # one-syllable word (Qi, Li) is too easily a coincidence, so it must come with a neighbour.
    names = [i for i, w in enumerate(words) if w.name]
    for x, i in enumerate(names):
        joined, group = "", []
        for j in names[x:x + 3]:
            if group and j != group[-1] + 1:
                break
            joined += words[j].text.lower().replace("'", "")
            group.append(j)
            for a, b in doc.pinyin_runs(k, joined):
                if len(group) > 1 or b - a > 1:
                    units.append(_Unit(a, b, frozenset(group), "pinyin"))
    for i, w in enumerate(words):
        if w.acronym and len(w.text) >= 2:
            ini = w.text.lower()
            n = len(ini)
            for a in range(lo, hi - n + 1):
                if all(py[a + t][:1] == ini[t] for t in range(n)) and all(py[a + t] for t in range(n)):
                    units.append(_Unit(a, a + n, frozenset([i]), "pinyin"))
    # Foreign names (Hidalgo 伊达尔戈, Blinken 布林肯) follow no pinyin spelling: compare sounds,
    # only against runs of the characters Chinese uses for transliteration.
    explained = set().union(*(u.words for u in units)) if units else set()
    for i, w in enumerate(words):
        if w.name and i not in explained and len(w.text) >= 3:
            hit = _transliteration(doc, k, w.text)
            if hit:
                a, b, fit = hit
                units.append(_Unit(a, b, frozenset([i]), "translit", fit))
    return units


_TRANSLIT = chinese.TRANSLIT_CHARS
TRANSLIT_MIN = 60       # rapidfuzz ratio of the sound skeletons; true pairs 62-93, others under 56
TRANSLIT_MAX = 0.7      # a sound-alike is a hint, never strong evidence on its own
# Chinese renders r as l (Ferreira 费雷拉) and writes a name without its spaces or double letters.
_SKEL = (("zh", "j"), ("x", "s"), ("q", "ch"), ("er", "r"), ("yi", "i"), ("wu", "u"), ("ng", "n"),
         ("ph", "f"), ("c", "k"), ("v", "w"), ("y", "i"), ("h", ""), ("r", "l"), (" ", ""))
_DOUBLED = re.compile(r"(.)\1+")


def sound_score(name):
    """A function scoring how like ``name`` the sound skeleton of some pinyin is (rapidfuzz ratio,
    0–100). v is 维 (wei) in Virtanen but 弗 (fu) in Vries: both readings are tried."""
    from rapidfuzz import fuzz

    targets = {_skeleton(name), _skeleton(name.lower().replace("v", "f"))}
    return lambda pinyin: max(fuzz.ratio(t, _skeleton(pinyin)) for t in targets)


def _skeleton(s):
    s = unicodedata.normalize("NFKD", s.lower()).encode("ascii", "ignore").decode()   # Gábor: gabor
    for a, b in _SKEL:
        s = s.replace(a, b)
    return _DOUBLED.sub(r"\1", s)


def _transliteration(doc, k, name):
    """(start, end, fit) of the transliteration run of sentence k that sounds most like ``name``."""
    z = doc.al.zh[k]
    best = best_sounding_run(doc.norm, doc.py, z.span.start, z.span.end, sound_score(name), TRANSLIT_MIN)
    return (best[0], best[1], best[2] / 100) if best else None


def best_sounding_run(norm, py, lo, hi, score_of, minimum, **runs):
    """(start, end, score) of the run of transliteration characters of norm[lo:hi] (see
    :func:`translit_runs`, which ``runs`` configures) that ``score_of`` rates highest, if at least
    ``minimum``; the first of equals."""
    best = None
    for s, e in translit_runs(norm, lo, hi, **runs):
        score = score_of("".join(py[s:e]))
        if score >= minimum and (best is None or score > best[2]):
            best = (s, e, score)
    return best


def translit_runs(norm, lo, hi, whole_runs_only=False, proper_too=False):
    """(start, end) of the stretches of 2-6 transliteration characters of norm[lo:hi] that are no
    ordinary word (国际, 发展), or with ``proper_too`` a name the dictionary knows (巴塞尔);
    ``whole_runs_only`` leaves out runs a dot joins to another (a person's 加博尔·萨博)."""
    a = lo
    while a < hi:
        if norm[a] not in _TRANSLIT:
            a += 1
            continue
        b = a
        while b < hi and norm[b] in _TRANSLIT:
            b += 1
        dotted = (a > 0 and norm[a - 1] == "·") or (b < len(norm) and norm[b] == "·")
        for s in range(a, b) if not (whole_runs_only and dotted) else ():
            for e in range(s + 2, min(b, s + 6) + 1):
                if not lexicon.glosses(norm[s:e]) or (proper_too and lexicon.is_proper(norm[s:e])):
                    yield s, e
        a = b


def _best_span(doc: _Doc, k: int, words: List[_Word], quoted: bool,
               neighbours: frozenset = frozenset(), coordinated: bool = True,
               listed: bool = False) -> Optional[_Hit]:
    units = _units(doc, k, words)
    if not units:
        return None
    total = sum(w.weight for w in words) or 1.0
    norm = doc.norm
    cands = {(c.start, c.end): c.kind for c in doc.candidates(k)}
    best, best_score, best_units = None, 0.0, None
    # Work clause by clause: spans never cross punctuation.
    z = doc.al.zh[k]
    token_starts = {t.start for t in z.tokens}
    bounds = token_starts | {t.end for t in z.tokens}
    closers = [t.start for t in z.tokens if t.word in _LIST_CLOSERS]
    clauses = _clauses(norm, z.span.start, z.span.end, listed)
    # A quoted slogan or a book title is one span even across its inner commas (“街乡吹哨、部门报到”).
    clauses += [(a, b) for (a, b), kind in cands.items()
                if kind in ("quoted", "title") and (a, b) not in clauses and any(_BREAK.match(c) for c in norm[a:b])]
    own = "".join(w.text for w in words).lower()
    stems = {w.stem for w in words}
    loose = {id(u): u.method == "dictionary" and bool(lexicon.glosses(norm[u.start:u.end]) - stems) for u in units}
    head = next((i for i, w in enumerate(words) if w.head), None) if len(words) > 1 else None
    # (a person the term base knows is tagged a proper noun, as the user dictionary gives it: still
    # someone else, unless it renders a word of the term, as 中关村 renders "ZGC")
    others = [(a, b) for (a, b), kind in cands.items() if kind in ("name", "proper") and b - a >= 2
              and "".join(doc.py[a:b]) in doc.en_pinyin_names() and "".join(doc.py[a:b]) not in own
              and (kind == "name" or not any(a <= u.start and u.end <= b for u in units))]
    dotted = [(a, b) for (a, b), kind in cands.items() if kind == "name" and "·" in norm[a:b]
              and all(ch in _TRANSLIT or ch == "·" for ch in norm[a:b])]   # (not 智慧·健康·碳中和, a list)
    others += [(a, b) for a, b in dotted if doc.someone_else(a, b, words)]
    for ca, cb in clauses:
        us = sorted((u for u in units if ca <= u.start and u.end <= cb),
                    key=lambda u: (-len(u.words), -(u.end - u.start), u.start))
        if not us:
            continue
        straddle: Dict[int, list] = {}
        for u in us:
            if u.method == "dictionary":
                for c in range(u.start + 1, u.end):
                    straddle.setdefault(c, []).append(u)
        starts = {u.start for u in us} | {a for (a, b) in cands if ca <= a and b <= cb}
        ends = {u.end for u in us} | {b for (a, b) in cands if ca <= a and b <= cb}
        for a in starts:
            for b in ends:
                if b <= a or b - a > MAX_SPAN and not (cands.get((a, b)) == "title" and norm[b - 1] not in "）)"):
                    continue   # (a long document title is one span all the same, without its bracketed note)
                r, p, inside = _evaluate(us, a, b, words, total)
                if not inside:
                    continue
                kind = cands.get((a, b), "")
                # Organisation candidates exist at every left edge, so they say little by themselves.
                bonus = 0.05 if kind == "orgname" else 0.1 if kind else 0.0
                if (a in straddle or b in straddle) and not (kind == "orgname" and norm[b - 2:b] in _WORD_SUFFIXES):
                    # ... but a name ending in a whole suffix word (…交易大会 before 展览) ends there
                    bonus -= CUT_PENALTY * _cuts(straddle, a, b, norm, neighbours)
                # An edge inside a segmenter word (大会|展览 cut as 大会展|览) is suspect.
                bonus -= TOKEN_CUT_PENALTY * ((a not in bounds) + (b not in bounds))
                if "以及" in norm[a:b] or ("是" in norm[a:b] and kind not in ("quoted", "title")):
                    continue   # a list's "as well as", a sentence's "is": never inside a name
                if closers and not coordinated and kind not in ("quoted", "title") and any(a < c < b for c in closers):
                    continue   # 华天饮食集团|等|国有餐饮: "and others" closes a list, no part of one name
                if norm[a] in _DATE_UNITS and a > 0 and norm[a - 1] in _DIGITS:
                    continue   # 18日|国际博物馆: the 日 "day" of a date is not the Day of a name
                if any(a < ne and ns < b for ns, ne in others):
                    continue   # 主席|韩立群|代表…: a person the English names elsewhere is no part of this term
                if any(a < ne and ns < b and not (a == ns and ne <= b) for ns, ne in dotted):
                    continue   # 学会访问学者弗兰克·韦伯: a dotted name is a person's, whole, or opens a name
                    # (马克斯·普朗克学会); it does not trail after other words
                if not coordinated and _CONJUNCTION.search(norm, a, b):
                    continue   # 北京市教育委员会与德国柏林市: "and" in Chinese, none in the term
                if kind in ("quoted", "title", "known") and quoted:
                    bonus += 0.1
                # At equal evidence the longer span wins (北京 over 京); loose glosses and
                # characters nothing explains already cost it through p.
                if head is not None and any(head in u.words for u in inside):
                    bonus += HEAD_BONUS   # (市委书记 over 中共北京市委 for "Secretary of the CPC …")
                # (and at a tie, the span whose words say less besides: 市政厅 "city hall" over 市政府
                # "city hall; city government" for "City Hall")
                score = r + 0.3 * p + bonus + 0.002 * (b - a) - 0.001 * sum(loose[id(u)] for u in inside)
                if score > best_score:
                    best_score, best_units = score, us
                    best = _Hit(a, b, r, p, frozenset(u.method for u in inside), kind, k, -1)
    if best:
        # Half of a foreign name (安娜 of 安娜·凯勒) stands for the whole name the dot joins.
        for (a, b), kind in cands.items():
            if kind == "name" and "·" in norm[a:b] and a <= best.start and best.end <= b \
                    and (a, b) != (best.start, best.end):
                r, p, inside = _evaluate(best_units, a, b, words, total)
                best = _Hit(a, b, r, p, best.methods, kind, k, -1)
                break
    if best:
        best = _whole_proper_word(best, z.tokens, best_units, words, total, neighbours, norm)
        best = _without_echo(best, z.tokens, best_units, words, total)
        best = _without_leading_echo(best, z.tokens, best_units, words, total)
        best = _name_then_predicate(best, cands, norm, best_units, words, total)
        best = _head_suffix(best, words, norm, z, best_units, total)
        best = _before_office(best, norm, best_units, words, total)
    # "Tongzhou District" is not 通州区委: 委 says "committee", which the English does not (区委
    # "district committee" still explains "District" by its 区, hence clipped).
    best = _without_last(best, _BODY_SUFFIX, best_units, words, total, norm, clip=True)
    # "Haidian" is 海淀, "Haidian District" 海淀区: the English decides whether 区 belongs.
    best = _without_last(best, _ADMIN_SUFFIX, best_units, words, total, norm)
    if best:
        best = _named_city(best, words, norm, z.span.start, best_units, total)
    beijing = next((i for i, w in enumerate(words) if w.text == "Beijing"), None)
    if best and beijing is not None and "京" not in norm[best.start:best.end]:
        # Beijing's own news writes its bodies 市疾控中心, 市生态环境局: the 市 is "Beijing (Municipal)".
        start = best.start if norm[best.start] == "市" else best.start - 1
        if start >= z.span.start and norm[start] == "市" and start in token_starts:
            units = (best_units or []) + [_Unit(start, start + 1, frozenset([beijing]), "dictionary", 1.0)]
            r, p, inside = _evaluate(units, start, best.end, words, total)
            if r > best.r:
                best = _Hit(start, best.end, r, p, best.methods, best.cand_kind, k, -1)
    if best:
        best = _with_level(best, z.tokens, norm)
        best = _with_brand(best, z.tokens, words, best_units or [], norm)
        if head is not None and not _renders(best_units or [], best, head):
            best = replace(best, headless=True)
    return best


def _renders(units, hit, i):
    """Whether a unit inside the hit's span accounts for the term's word i."""
    return any(i in u.words for u in units if hit.start <= u.start and u.end <= hit.end)


_BRAND_FLAGS = ("n", "j", "nz", "nt")
_BRAND_SCOPES = {"国际", "世界", "中国", "全国", "亚洲"}   # 国际雪联, 国际足联: the federation's scope is its name


def _with_brand(best, tokens, words, units, norm):
    """A company the English names by an acronym the Chinese does not spell (BAIC Group 北汽集团,
    BOE Technology Group 京东方科技集团): the span found renders the rest, and the word just before
    it, a noun or abbreviation the dictionary knows as no common word, is the brand the acronym
    stands for. Where the same words occur twice (两个…集团), the one after such a word is the name."""
    if not words[0].acronym or len(words) < 2:
        return best
    if _renders(units, best, 0):
        return best
    text, n = norm[best.start:best.end], best.end - best.start
    for x, t in enumerate(tokens):
        if norm[t.end:t.end + n] == text and any(o.end == t.end + n for o in tokens) and _brand(t, units):
            start = tokens[x - 1].start if x and tokens[x - 1].word in _BRAND_SCOPES else t.start
            return replace(best, start=start, end=t.end + n)   # (国际|雪联 "FIS")
    return best


def _brand(t, units):
    return len(t.word) >= 2 and chinese.is_han_word(t.word) and t.flag in _BRAND_FLAGS \
        and not (lexicon.is_word(t.word) and not lexicon.is_proper(t.word)) \
        and not any(u.start < t.end and t.start < u.end for u in units)   # (科技 of 京东方科技集团 is a common word)


_LEVELS = {"市", "区"}
_BODY_OPENERS = ("人大", "政协")


def _with_level(best, tokens, norm):
    """A body the original names by its level alone keeps the level: 市|人大常委会 is the municipal
    people's congress even where the English says only "the Standing Committee" - 人大常委会法制办公室
    without its 市 is a fragment, not a name a translator can use."""
    first = next((t for t in tokens if t.start == best.start), None)
    before = next((t for t in tokens if t.end == best.start), None)
    if first is None or before is None or before.word[-1] not in _LEVELS:
        return best
    if len(before.word) > 1 and lexicon.is_word(before.word):
        return best   # 北京市, 全市, 城市: a place or a word of its own (了|市 is jieba's misreading)
    if not (first.flag == "nt" or norm.startswith(_BODY_OPENERS, best.start)):
        return best
    return replace(best, start=best.start - 1)


_LIST_CLOSERS = {"等", "等等"}   # the word that closes a list ("… and others"), as the segmenter cuts it
_ADMIN_SUFFIX = set("区县市省镇乡")
_DATE_UNITS = set("年月日号")
_DIGITS = set("0123456789０１２３４５６７８９〇零一二三四五六七八九十")
# Two-character endings of organisation and event names (chinese.ORG_SUFFIXES) that are words.
_WORD_SUFFIXES = {x[-2:] for x in chinese.ORG_SUFFIXES if len(x) >= 2}
CUT_PENALTY = 0.1
# Conjunctions joining two names; a span across one renders two things.
_CONJUNCTION = re.compile("与")   # 和 is inside names too (共和国, 和平)
# A span that renders less than half of the term's words is a coincidence of one gloss ("Plus" in
# 加快), not evidence.
MIN_EXPLAINED = 0.5
TOKEN_CUT_PENALTY = 0.03


_PROPER_FLAGS = ("ns", "nt", "nz", "nr")
_INSTITUTION_CHARS = set("委局办区市县镇乡党部厅处院所站组司署")
_BODY_SUFFIX = set("委党局办厅处")   # one character that makes a place a body: 区委, 市委, 区党


def _without_last(best, chars, units, words, total, norm, clip=False):
    """The span without its last character when that is one of ``chars`` no word of the term
    renders, if the rest explains as much; with ``clip`` a unit running into the character keeps
    the part before it."""
    if not best or best.end - best.start <= 2 or norm[best.end - 1] not in chars \
            or any(w.stem in lexicon.glosses(norm[best.end - 1]) for w in words):
        return best
    if words[-1].text.lower() in _ORG_HEADS and any(
            u.method == "dictionary" and u.end == best.end and u.end - u.start >= 3 and len(words) - 1 in u.words
            for u in units):
        return best   # a name the dictionary knows whole, head and all (香港贸易发展局 "… Council")
    e = best.end - 1
    if clip:
        units = [u if u.end <= e else replace(u, end=e) for u in units if u.start < e]
    r, p, inside = _evaluate(units, best.start, e, words, total)
    if inside and r >= best.r:
        return _Hit(best.start, e, r, p, frozenset(u.method for u in inside), "", best.sentence, -1)
    return best


def _whole_proper_word(best, tokens, units, words, total, neighbours, norm):
    """A proper name the segmenter knows (太庙 "Imperial Ancestral Temple") is not cut: its part
    (庙, glossed "imperial; ancestral; temple") stands for the whole, unless the rest of the word
    renders a word beside the term in the English."""
    a, b = best.start, best.end
    for t in tokens:
        if t.flag.startswith(_PROPER_FLAGS) and (t.start < a < t.end or t.start < b < t.end):
            extra = norm[t.start:a] if t.start < a < t.end else norm[b:t.end]
            if lexicon.glosses(extra) & neighbours or len(extra) > 2 or set(extra) & _INSTITUTION_CHARS:
                continue   # 通州区|委: the district's committee is another name, not more of this one
            if t.start < a and best.methods == {"pinyin"}:
                continue   # a name matched by its sound begins where its sound does: 副总河|长孙晓梅
                # is a title and "Sun Xiaomei", though 长孙 is also a surname of two characters
            a, b = min(a, t.start), max(b, t.end)
    if (a, b) == (best.start, best.end):
        return best
    r, p, inside = _evaluate(units, a, b, words, total)
    if r < best.r:
        return best
    return _Hit(a, b, r, p, best.methods, best.cand_kind, best.sentence, -1)


# Characters that open a predicate: 已 (has), 将 (will), 正 (is -ing) ... never the rest of a name
_PREDICATE_OPENERS = set("已将正也又还均曾")   # (not 都: 国际会都 "International Capital")


# Heads of names that Chinese writes as a suffix the dictionary may not gloss: 贸易发展局 "Trade
# Development Council", 研讨洽谈会 "Symposium".
_ORG_HEADS = {"council", "symposium", "bureau", "committee", "commission", "association", "chamber", "centre",
              "center", "institute", "office", "forum", "conference", "fair", "expo", "administration",
              "authority", "agency", "federation", "alliance", "league", "society", "academy", "group"}
_SUFFIX_REACH = 5


def _head_suffix(best, words, norm, z, units, total):
    """A name whose English head the span leaves unexplained ends where the Chinese name does: at the
    organisation suffix a few characters on (香港贸易发展|局 "Hong Kong Trade Development Council")."""
    last = len(words) - 1
    if last < 1 or words[last].text.lower() not in _ORG_HEADS:
        return best
    if _renders(units, best, last):
        return best   # the head is rendered inside
    verbs = {t.end for t in z.tokens if t.flag == "v" and len(t.word) > 1}
    for b in range(best.end + 1, min(z.span.end, best.end + _SUFFIX_REACH) + 1):
        if _BREAK.match(norm[b - 1]):
            break
        if b in verbs:
            continue   # (签署 "to sign" after 波尔图市政府 ends in 署, and is no office of it)
        if norm[best.end:b].endswith(chinese.ORG_SUFFIXES) and not (b < z.span.end and norm[b - 1:b + 1] in _OFFICE_WORDS):
            r, p, _ = _evaluate(units, best.start, b, words, total)
            return _Hit(best.start, b, max(r, best.r), p, best.methods, best.cand_kind, best.sentence, -1)
    return best


# an office opening where a suffix seems to end a name: 局|长, 会|长
_OFFICE_WORDS = {"局长", "会长", "院长", "所长", "部长", "馆长", "园长", "校长", "委员", "会议"}


def _before_office(best, norm, units, words, total):
    """A name stops before the office that follows it, when its last character opens that office
    (北京市第十二中学|校长 "Principal", where jieba reads 中学校长): the name is 北京市第十二中学."""
    e = best.end - 1
    if e - best.start < 2 or norm[e:e + 2] not in _OFFICE_WORDS or words[-1].text.lower() in _OFFICE_HEADS:
        return best
    r, p, inside = _evaluate(units, best.start, e, words, total)
    if inside and r >= best.r:
        return _Hit(best.start, e, r, p, best.methods, best.cand_kind, best.sentence, -1)
    return best


_OFFICE_HEADS = {"principal", "director", "president", "chairman", "chairwoman", "head", "member", "members",
                 "meeting", "dean", "curator"}


def _name_then_predicate(best, cands, norm, units, words, total):
    """A name the segmenter bounds that the span runs past into what the name did: 北京市生态环境
    监测中心|已建成覆盖全市 ("… Monitoring Center has built a citywide …")."""
    ends = [b for (a, b), kind in cands.items()
            if kind in ("orgname", "org", "known") and a == best.start and best.start < b < best.end]
    for b in sorted(ends, reverse=True):
        if norm[b] in _PREDICATE_OPENERS:
            r, p, inside = _evaluate(units, best.start, b, words, total)
            if inside:
                return _Hit(best.start, b, r, p, frozenset(u.method for u in inside), "", best.sentence, -1)
    return best


def _without_echo(best, tokens, units, words, total):
    """A last word that only says again what the span has said: 国际博物馆日|当天 renders "Day"
    twice, and the name ends with its first 日."""
    last = next((t for t in tokens if t.end == best.end and best.start < t.start), None)
    if last is None:
        return best
    # (said: not by a loose gloss, as 园 of 世园 says "Park" before 公园 does)
    before = [u for u in units if best.start <= u.start and u.end == last.start and u.fit > 0.5]
    echo = [u for u in units if last.start <= u.start and u.end <= last.end]
    if not echo or not before or not all(u.method == "dictionary" and u.words <= frozenset().union(
            *(v.words for v in before)) for u in echo):
        return best   # (numbers repeat by design: 一点一案 "one plan for each point")
    r, p, inside = _evaluate(units, best.start, last.start, words, total)
    if r < best.r:
        return best
    return _Hit(best.start, last.start, r, p, frozenset(u.method for u in inside), "", best.sentence, -1)


def _without_leading_echo(best, tokens, units, words, total):
    """A first word that only says what the rest of the span says again: 中心 "heart" before
    城市绿心森林公园, whose 心 renders the Heart of "Urban Green Heart Forest Park" (城市副中心|城市绿心…:
    the span took the end of the name before it). Not a name's first word (北京 of 北京…京津冀)."""
    first = next((t for t in tokens if t.start == best.start and t.end < best.end), None)
    if first is None or first.flag.startswith(_PROPER_FLAGS) or len(first.word) < 2 \
            or len({w.stem for w in words}) < len(words):
        return best   # (a term that says a word twice says it twice in Chinese: 明厨亮灶, 一树一档)
    mine = [u for u in units if first.start <= u.start and u.end <= first.end]
    if any(u.method != "dictionary" for u in mine):
        return best
    rest = [u for u in units if first.end <= u.start and u.end <= best.end]
    if not mine or not rest or not frozenset().union(*(u.words for u in mine)) <= frozenset().union(
            *(u.words for u in rest)):
        return best
    r, p, inside = _evaluate(units, first.end, best.end, words, total)
    if r < best.r:
        return best
    return _Hit(first.end, best.end, r, p, frozenset(u.method for u in inside), best.cand_kind, best.sentence, -1)


def _named_city(best, words, norm, lo, units, total):
    """"Office of the Beijing Leading Group for Promoting Beijing-Tianjin-Hebei …": 京 of 京津冀
    renders one Beijing, and 北京市 just before the span the other; a name the English gives its
    city keeps the city's name in Chinese too."""
    n_en = sum(1 for w in words if w.text == "Beijing")
    span = norm[best.start:best.end]
    if n_en <= span.count("京"):
        return best
    for prefix in ("北京市", "北京"):
        a = best.start - len(prefix)
        if a >= lo and norm[a:best.start] == prefix:
            r, p, _ = _evaluate(units, a, best.end, words, total)
            return _Hit(a, best.end, max(r, best.r), p, best.methods, best.cand_kind, best.sentence, -1)
    return best


def _cuts(straddle, a, b, norm, neighbours):
    """Edges of [a, b) that cut through a dictionary word which explains part of the term.

    Such a cut is right only when the English shows where the rest of the word went: in "CPC
    Tongzhou District Committee" the term "Tongzhou District" stops before 委 of 区委 because
    "Committee" follows it; 峰会 stays whole for "... Services Summit and delivered a speech".
    """
    n = 0
    for u in straddle.get(b, ()):
        if not lexicon.glosses(norm[b:u.end]) & neighbours:
            n += 1
    for u in straddle.get(a, ()):
        if not lexicon.glosses(norm[u.start:a]) & neighbours:
            n += 1
    return min(n, 2)


def _evaluate(units, a, b, words, total):
    """(r, p, units inside) of the span [a, b): share of the term explained, share of span explaining.

    Only units that account for a word not yet accounted for explain characters: 作 ("to work")
    must not justify 作政府工作报告 once 工作 has explained "work". A character explained by a
    loose gloss (区委 "district committee" for "District") counts only in part, so the span stops
    before words the term does not contain.
    """
    inside = [u for u in units if a <= u.start and u.end <= b]
    if not inside:
        return 0.0, 0.0, inside
    # Characters whose sound spells a name of the term: they render that name and no other word
    # (台 of 丰台 "Fengtai" is not also "Station").
    sounded = {}
    for u in inside:
        if u.method == "pinyin":
            for c in range(u.start, u.end):
                sounded.setdefault(c, set()).update(u.words)
    covered, chars = set(), {}
    for u in inside:
        if not u.words <= covered:
            if u.method != "pinyin" and all(c in sounded and not u.words <= sounded[c] for c in range(u.start, u.end)):
                continue
            covered |= u.words
        elif not (chars and u.start >= min(chars) and u.end <= max(chars) + 1):
            continue
        for c in range(u.start, u.end):
            if chars.get(c, 0.0) < u.fit:
                chars[c] = u.fit
    r = sum(words[i].weight for i in covered) / total
    return r, sum(chars.values()) / (b - a), inside


# Marks that join the parts of one name: 北京—首尔友好交流周, 安娜·席尔瓦, 5G+视听.
_JOINERS = set("—－-·+")
# A place in brackets inside a name: 中国（怀柔）影视产业示范区.
_INNER_BRACKETS = re.compile(r"（[\u4e00-\u9fff]{1,6}）")


def _joins(norm, i):
    if 0 < i < len(norm) - 1 and norm[i] == "." and norm[i - 1].isdigit() and norm[i + 1].isdigit():
        return True   # 3.5
    if norm[i] in "（）" and 0 < i < len(norm) - 1:
        a = norm.rfind("（", max(0, i - 7), i + 1)
        m = _INNER_BRACKETS.match(norm, a) if a >= 0 else None
        if m and m.start() <= i < m.end() and m.start() > 0 and m.end() < len(norm) \
                and not _BREAK.match(norm[m.start() - 1]) and not _BREAK.match(norm[m.end()]):
            return True
    return norm[i] in _JOINERS and 0 < i < len(norm) - 1 and not _BREAK.match(norm[i - 1]) \
        and not _BREAK.match(norm[i + 1])


def _clauses(norm, lo, hi, listed=False):
    """The stretches of norm[lo:hi] between punctuation; with ``listed`` the enumeration comma 、
    joins (a name with a list in it: 柏林市教育、青少年和家庭厅 "… for Education, Youth and Family")."""
    out, start = [], lo
    for i in range(lo, hi):
        if _BREAK.match(norm[i]) and not _joins(norm, i) and not (listed and norm[i] == "、"):
            if i > start:
                out.append((start, i))
            start = i + 1
    if hi > start:
        out.append((start, hi))
    return out


HEAD_BONUS = 0.05   # at equal evidence, the span that renders what the term is about wins
MIN_TIGHT = 0.25   # share of a span its explained characters must reach to claim it
HALF_EXPLAINED = 0.6   # share of the term a span must explain to be more than a suggestion


def _confidence(hit: _Hit, quality: float) -> float:
    """Evidence → confidence: all of the term accounted for, tightly, in a well-aligned pair ≈ 0.9+."""
    base = 0.1 + hit.r * (0.6 + 0.25 * hit.p) + (0.05 if hit.cand_kind else 0.0)
    if hit.p < 0.5:
        base = min(base, 0.6)   # more of the span unexplained than explained: a suggestion at most
    if hit.r < HALF_EXPLAINED:
        base = min(base, 0.45)   # 北京 for "Beijing Municipality": half the term is no rendering of it
    if hit.p < MIN_TIGHT:
        base = min(base, 0.4)   # 市…深入东城 for "Beijing Municipality": two glosses in a clause is no rendering
    if not hit.methods & {"dictionary", "pinyin"}:
        # A bare number matches too many spans to be sure; a sound-alike is only a hint.
        base = min(base, TRANSLIT_MAX if "translit" in hit.methods else NUMERAL_ONLY_MAX)
    return max(0.0, min(0.97, base)) * (0.5 + 0.5 * quality)


def _gate(score: float) -> float:
    """Confidence multiplier from how well the documents align; < 0.5 for a non-translation. Our
    translations score 0.62 and up; another article of the same city and genre reaches 0.37 (the
    fixtures crossed with each other), which must leave every pair a suggestion."""
    g = max(0.0, min(1.0, (score - 0.35) / 0.3))
    return 0.45 + 0.55 * g


def _method(methods) -> str:
    methods = {"pinyin" if m == "translit" else m for m in methods}
    return "+".join(m for m in _METHOD_ORDER if m in methods)


_NAME_LIKE = re.compile(r"[A-Z][a-zà-ÿ]+(?:-[A-Z]?[a-zà-ÿ]+)?(?: [A-Z][a-zà-ÿ]+(?:-[A-Z]?[a-zà-ÿ]+)?){1,2}")


def match_terms(en_text: str, zh_text: str, en_terms: Sequence[str],
                known: Optional[Mapping[str, str]] = None, persons: Sequence[str] = ()) -> MatchReport:
    """Pair each English term with its Chinese form in ``zh_text`` (the original of ``en_text``).

    ``persons`` names the terms that are personal names: a foreign name (Oh Se-hoon 吴世勋) has no
    lexical evidence at all, only its place opposite the one Chinese name nothing else claims.

    Returns one Pair per term that has any evidence (terms without evidence are left out), and the
    alignment figures that say how far the two texts are translations of each other.
    """
    if not isinstance(en_text, str) or not isinstance(zh_text, str):
        raise TypeError("en_text and zh_text must be str")
    if isinstance(en_terms, str):
        raise TypeError("en_terms must be a sequence of terms, not one string")
    if zh_text.strip() and not chinese.has_chinese(zh_text):
        raise ParallelTextError("the Chinese text contains no Chinese characters "
                                "(was the English text given as the original?)")
    known = {k: v for k, v in (known or {}).items() if k and v}
    al = align(en_text, zh_text, known)
    doc = _Doc(al, list(known.values()))
    # (the English rules call a foreign name they cannot place "other": any two or three capitals may be one)
    doc.person_sounds = [(t, sound_score(t)) for t in dict.fromkeys(list(persons) + list(en_terms))
                         if _NAME_LIKE.fullmatch(t)]
    gate = _gate(al.score)
    known_by_key = {en_key(k): chinese.normalize_zh(v) for k, v in known.items()}
    bead_of_en = {}
    for b in al.beads:
        for i in b.en:
            bead_of_en[i] = b
    pairs: List[Pair] = []
    claimed = set()
    unresolved = []
    en_texts = [e.span.text.replace("’", "'") for e in al.en]   # (as _term_regex spells the terms)
    terms = list(dict.fromkeys(t for t in en_terms if t and t.strip()))
    for term in terms:
        rx = _term_regex(term)
        occ = [i for i, text in enumerate(en_texts) if rx.search(text)]
        if " " not in term.strip():
            occ = [i for i in occ if not _only_in_compounds(rx, en_texts[i])]
        occ = _outside_modified(term, rx, occ, en_texts, terms)
        pair = None
        zk = known_by_key.get(en_key(term))
        if zk:
            pair = _termbase_pair(doc, term, zk, occ, bead_of_en, gate)
        if pair is None:
            pair = _evidence_pair(doc, term, occ, bead_of_en, gate)
            if pair is not None and (pair.confidence < 0.8 or not _in_quotes(doc.norm, pair)) and any(
                    _is_quoted(doc.al.en[i].span.text, term) for i in occ):
                # A quoted English term facing a quoted Chinese span: the quotes say more than a
                # partial gloss ("instant refund" is “即买即退”, not 离境退税 for its "refund"), or
                # than a full gloss outside them ("Ice and Snow Sports in Schools" is “冰雪进校园”,
                # not the 冰雪运动特色学校 the same sentence counts).
                quoted = _structural_pair(doc, term, occ, bead_of_en, gate, claimed, quoted_only=True)
                if quoted is not None:
                    pair = quoted
        if pair is not None and (_central_for_local(pair) or _abbreviated_name(term, pair)):
            pair = None
        if pair is None:
            unresolved.append((term, occ))
            continue
        if zk and pair.method != "termbase":
            pair = _toward_known(doc, pair, zk)
        pair = _tidy_brackets(_without_particle(doc, _one_of_a_list(doc, term, pair)))
        pair = _session_whole(doc, _shared_head(doc, _dash_joined(doc, _whole_dotted_name(doc, pair))))
        pairs.append(pair)
        if pair.confidence >= 0.5:
            claimed.add((pair.zh_start, pair.zh_start + len(pair.zh)))
    persons = set(persons)
    for term, occ in unresolved:
        pair = _structural_pair(doc, term, occ, bead_of_en, gate, claimed, term in persons)
        if pair is None and term in persons:
            pair = _dotted_name_anywhere(doc, term, occ, claimed)
        if pair:
            pairs.append(_whole_dotted_name(doc, pair))
    return MatchReport(pairs, al.score, len(al.aligned), len(al.en), len(al.zh), al)


_CENTRAL = re.compile(r"\bcentral\b", re.I)
_PARTY_BODY = re.compile(r"\b(?:party|committees?)\b", re.I)


def _central_for_local(pair):
    """党中央 (the CPC Central Committee) glosses "Party" and "committee" as fully as a local Party
    committee's 党委 does: a Party body the English does not call central is not the Centre."""
    return "中央" in pair.zh and bool(_PARTY_BODY.search(pair.en)) and not _CENTRAL.search(pair.en)


def _in_quotes(norm, pair):
    """Whether the form is a whole quoted span (明厨 of “明厨亮灶” is not)."""
    a, b = pair.zh_start, pair.zh_start + len(pair.zh)
    return a > 0 and norm[a - 1] in "“\"‘「『《" and b < len(norm) and norm[b] in "”\"’」』》"


_NAME_JOINS = "·-－"   # 让-保罗·杜布瓦 (Jean-Paul Dubois)


def _whole_dotted_name(doc, pair):
    """马蒂亚斯 of 马蒂亚斯·霍夫曼 is the whole name of "Matthias Hoffmann": a form of a name of two
    words or more that stops at a dot is the dotted name the Chinese candidates see there."""
    norm, a, b = doc.norm, pair.zh_start, pair.zh_start + len(pair.zh)
    if len(pair.en.replace("-", " ").split()) < 2:
        return pair   # "Weber" alone is 韦伯
    # (a form of sound characters inside a dotted name is a piece of it wherever it stops: 安德烈亚 of
    # 安德烈亚斯·施密特, cut before the dot's last syllable)
    at_dot = b < len(norm) and norm[b] in _NAME_JOINS or a > 0 and norm[a - 1] in _NAME_JOINS
    inside = pair.method.startswith("pinyin") or all(ch in _TRANSLIT for ch in norm[a:b])
    if not (inside or at_dot):
        return pair
    for c in doc.candidates(_sentence_at(doc, a)):
        if c.kind == "name" and "·" in c.text and c.start <= a and b <= c.end and (c.start, c.end) != (a, b):
            return replace(pair, zh=c.text, zh_start=c.start)
    if not at_dot:
        return pair
    # no candidate holds it: the run of sound characters the dot joins it to (尤哈·维尔塔宁), if the
    # form is itself one (碳中和 of 康·碳中和 is no name)
    if not all(ch in _TRANSLIT or ch in _NAME_JOINS for ch in norm[a:b]):
        return pair
    a2, b2 = a, b
    while a2 > 1 and norm[a2 - 1] in _NAME_JOINS and norm[a2 - 2] in _TRANSLIT:
        a2 -= 1
        while a2 > 0 and norm[a2 - 1] in _TRANSLIT:
            a2 -= 1
    while b2 < len(norm) - 1 and norm[b2] in _NAME_JOINS and norm[b2 + 1] in _TRANSLIT:
        b2 += 1
        while b2 < len(norm) and norm[b2] in _TRANSLIT:
            b2 += 1
    if (a2, b2) != (a, b) and b2 - a2 <= 16:
        return replace(pair, zh=norm[a2:b2], zh_start=a2)
    return pair


_DASHES = set("—－-")
_FIRST_OF_PAIR = re.compile(r"\b([A-Z][A-Za-z]+)-[A-Z]")


def _dash_joined(doc, pair):
    """"China-Central Asia Cooperation Forum" is 中国—中亚合作论坛: where the English joins two names
    by a hyphen and the form stops at the Chinese dash, the word before the dash that renders the
    first name belongs to it (中亚 alone also glosses "China" by its 中)."""
    norm, a = doc.norm, pair.zh_start
    m = _FIRST_OF_PAIR.search(pair.en)
    if not m or a < 2 or norm[a - 1] not in _DASHES:
        return pair
    first = m.group(1)
    for t in doc.al.zh[_sentence_at(doc, a)].tokens:
        if t.end == a - 1 and len(t.word) >= 2 and (
                lexicon.stem(first) in lexicon.glosses(t.word) or "".join(doc.py[t.start:t.end]) == first.lower()):
            return replace(pair, zh=norm[t.start:a + len(pair.zh)], zh_start=t.start)
    return pair


_SESSION_NOUNS = ("全体会议", "会议", "全会")


def _session_whole(doc, pair):
    """"Third Session of the 16th … People's Congress" is …第三次会议: a form that stops at 次 has
    left its noun behind (届 "session" had already explained the English word)."""
    if not pair.zh.endswith("次") or not re.search(r"\b(?:Session|Meeting)\b", pair.en):
        return pair
    b = pair.zh_start + len(pair.zh)
    for noun in _SESSION_NOUNS:
        if doc.norm.startswith(noun, b):
            return replace(pair, zh=pair.zh + noun)
    return pair


def _shared_head(doc, pair):
    """"river and lake chief system" shares its head the way Chinese repeats it: 河长制湖长制. A form
    X+H+Y that the text continues with H again is the second half cut off."""
    if " and " not in pair.en:
        return pair
    norm, zh, b = doc.norm, pair.zh, pair.zh_start + len(pair.zh)
    for i in range(1, len(zh) - 2):
        for n in range(len(zh) - i - 1, 1, -1):
            head = zh[i:i + n]
            if norm.startswith(head, b) and zh[i + n:] and head[-1] not in "和与及、":
                return replace(pair, zh=zh + head)
    return pair


# Function characters jieba glues to a name's edge (了|市应急管理局 as 了市, 周口店镇|及 as 镇及):
# never the first or last character of a term.
_LEADING_PARTICLES = set("了和与及对把被")
_TRAILING_PARTICLES = set("及和与")


LIST_JOINS = {"和", "与", "及", "、"}   # what joins the items of a Chinese list


def _one_of_a_list(doc, term, pair):
    """The item of a Chinese list that is the term, where the span runs over 和/与/及/、 and the
    English joins nothing: "Grand Canal Museum of Beijing" is 大运河博物馆, not
    北京城市图书馆和大运河博物馆 (the matcher reached back for the 北京 of "of Beijing"). The item
    whose words say most of the English is kept, as a suggestion."""
    if re.search(r"\band\b|,|&|\bwith\b", term) or not any(j in pair.zh[1:-1] for j in LIST_JOINS):
        return pair
    end = pair.zh_start + len(pair.zh)
    tokens = [t for t in doc.al.zh[_sentence_at(doc, pair.zh_start)].tokens if pair.zh_start <= t.start and t.end <= end]
    items, cur = [], []
    for t in tokens:
        if t.word in LIST_JOINS and cur:
            items.append(cur)
            cur = []
        elif t.word not in LIST_JOINS:
            cur.append(t)
    if not items or not cur:
        return pair   # (和 inside a word: 共和国, 和平里)
    items.append(cur)
    stems = frozenset(lexicon.content_stems(term))
    said = [len(stems & frozenset().union(*(token_glosses(t.word) for t in item))) for item in items]
    best = max(range(len(items)), key=said.__getitem__)
    if said[best] == 0 or said.count(said[best]) > 1:
        return pair
    item = items[best]
    return replace(pair, zh=doc.norm[item[0].start:item[-1].end], zh_start=item[0].start,
                   confidence=min(pair.confidence, 0.6))


def _without_particle(doc, pair):
    """The span without a function character at its edge, where that character is no part of a
    dictionary word there (和平里 keeps its 和) or jieba cut it off on its own (对|外资企业)."""
    zh, start = pair.zh, pair.zh_start
    own = {(t.start, t.end) for t in doc.al.zh[_sentence_at(doc, start)].tokens}
    if len(zh) > 2 and zh[0] in _LEADING_PARTICLES and \
            (not lexicon.is_word(zh[:2]) or (start, start + 1) in own):
        zh, start = zh[1:], start + 1
    if len(zh) > 2 and zh[-1] in _TRAILING_PARTICLES and not lexicon.is_word(zh[-2:]):
        zh = zh[:-1]
    return pair if zh == pair.zh else replace(pair, zh=zh, zh_start=start)


_DRAFT_MARK = re.compile(r"[（(](?:(?:修订|修正|修改)?草案(?:修改稿|修订稿|征求意见稿|二次审议稿)?|征求意见稿|送审稿)[）)]$")
_EDITION_YEARS = re.compile(r"[（(][0-9]{4}(?:年)?[—－\-–~至][0-9]{4}年?[）)]$")


def _tidy_brackets(pair):
    """《北京市噪声污染防治条例（草案）》 is the draft of the regulations the English names: the name
    is without the mark, unless the English says it is the draft; likewise the edition's years
    （2025—2027年） when the English leaves them out."""
    if pair.zh.count("（") > pair.zh.count("）"):
        # the span stopped inside a bracket (…行动计划（2026): close it where the English has the
        # bracket too, else leave it out
        m = re.search(re.escape(pair.zh) + r"[^（）()]{0,12}）", chinese.normalize_zh(pair.zh_sentence))
        if m and "(" in pair.en:
            pair = replace(pair, zh=m.group())
        else:
            pair = replace(pair, zh=pair.zh[:pair.zh.rindex("（")])
    m = _DRAFT_MARK.search(pair.zh)
    if m and "draft" not in pair.en.lower():
        return replace(pair, zh=pair.zh[:m.start()])
    m = _EDITION_YEARS.search(pair.zh)
    if m and not re.search(r"[0-9]{4}", pair.en):
        return replace(pair, zh=pair.zh[:m.start()])
    return pair


MIN_SHARED_WITH_KNOWN = 3


def _toward_known(doc, pair, known):
    """The article's own form of a term the term base writes another way: where the original has
    no 交钥匙工程 but the matcher found 项目 for "turnkey projects", the stretch around it that shares
    three characters or more with the known form (交钥匙项目) is the article's form - a variant the
    translator must see beside the term base's."""
    from difflib import SequenceMatcher

    k = _sentence_at(doc, pair.zh_start)
    z = doc.al.zh[k]
    sentence = z.norm
    m = SequenceMatcher(None, sentence, known, autojunk=False).find_longest_match(0, len(sentence), 0, len(known))
    if m.size < MIN_SHARED_WITH_KNOWN:
        return pair
    a, b = pair.zh_start - z.span.start, pair.zh_start - z.span.start + len(pair.zh)
    lo, hi = min(a, m.a), max(b, m.a + m.size)
    if hi - lo > len(known) + 2 or hi - lo <= b - a or _BREAK.search(sentence[lo:hi]):
        return pair
    bounds = {t.start - z.span.start for t in z.tokens} | {t.end - z.span.start for t in z.tokens}
    if lo not in bounds or hi not in bounds:
        return pair
    return replace(pair, zh=sentence[lo:hi], zh_start=z.span.start + lo)


def _termbase_pair(doc, term, zh, occ, bead_of_en, gate):
    """The term base already knows the Chinese: find where it is, preferably in an aligned pair."""
    fallback = None
    for i in occ:
        b = bead_of_en.get(i)
        for k in (b.zh if b else ()):
            z = doc.al.zh[k]
            pos = z.norm.find(zh)
            if pos >= 0 and b.quality > 0:
                start, end = _widen_known(z, z.span.start + pos, z.span.start + pos + len(zh), term)
                return Pair(term, doc.norm[start:end], round(0.97 * gate, 3), "termbase", doc.al.en[i].span.text,
                            z.span.text, start)
    pos = doc.norm.find(zh)
    if pos >= 0:
        k = _sentence_at(doc, pos)
        en_sentence = doc.al.en[occ[0]].span.text if occ else ""
        fallback = Pair(term, zh, round(0.8 * gate, 3), "termbase", en_sentence, doc.al.zh[k].span.text, pos)
    return fallback


def _widen_known(z, start, end, term):
    """The known form inside a longer one the English also says: "240-hour visa-free transit policy"
    is 240小时过境免签政策 where the term base knows 240小时过境免签; "national high-tech
    enterprises" 国家高新技术企业. A neighbouring segmenter word joins when it glosses a word of the
    term that the known form leaves unexplained."""
    stems = {lexicon.stem(w) for w in lexicon.en_words(term.replace("-", " ")) if not lexicon.is_stop(w)}
    stems -= set().union(*(lexicon.glosses(z.norm[a - z.span.start:b - z.span.start])
                           for a in range(start, end) for b in range(a + 1, min(end, a + lexicon.MAX_WORD) + 1)))
    if not stems:
        return start, end
    for t in z.tokens:
        if t.end == start or t.start == end:
            hit = lexicon.glosses(t.word) & stems
            if hit and len(t.word) >= 2 and not _BREAK.search(t.word):
                start, end = min(start, t.start), max(end, t.end)
                stems -= hit
    return start, end


def _sentence_at(doc, pos):
    for k, z in enumerate(doc.al.zh):
        if z.span.start <= pos < z.span.end:
            return k
    return 0


def _evidence_pair(doc, term, occ, bead_of_en, gate):
    words = _analyse(term)
    if not words:
        return None
    # A term with no "and" is one name: its Chinese does not run across 与/和 into another.
    coordinated = bool(re.search(r"\b(?:and|with)\b|&", term)) or len(words) < 2
    # A Title Case name with a comma lists portfolios; its Chinese lists them with 、
    listed = "," in term and term[:1].isupper() and " and " in term
    hits: List[_Hit] = []
    for i in occ:
        b = bead_of_en.get(i)
        if not b or not b.zh or b.quality <= 0:
            continue
        quoted = _is_quoted(doc.al.en[i].span.text, term)
        near = _neighbours(doc.al.en[i].span.text, term)
        for k in b.zh:
            h = _best_span(doc, k, words, quoted, near, coordinated, listed)
            if h and term == term.lower() and (h.cand_kind == "title" or h.cand_kind == "name"
                                               and not lexicon.is_word(doc.norm[h.start:h.end])):
                continue   # 张 "open" of 张国华 is no rendering of "open competition", nor a 《title》 of "bringing in"
            if h and h.r >= MIN_EXPLAINED and (h.end - h.start > 1 or len(words) < 2):   # not 港 for "Port of Chancay"
                h.en_sentence = i
                h.confidence = _confidence(h, b.quality)
                hits.append(h)
    if not any(h.r >= 0.99 for h in hits):
        # The term's sentence was dropped or mis-aligned: look where its original can be — in
        # Chinese sentences left unaligned or near the term's own bead — but trust only complete,
        # tight matches, and never as much as an aligned one.
        near = _nearby(doc, [bead_of_en.get(i) for i in occ])
        far = sorted(set(range(len(doc.al.zh))) - set(near))
        for ks, cap in ((near, 0.6), (far, 0.5)):
            # ... and, failing that, anywhere: a paragraph the translation moved far away
            before = len(hits)
            for k in ks:
                h = _best_span(doc, k, words, False, coordinated=coordinated, listed=listed)
                if h and h.r >= 0.99 and h.p >= 0.6 and h.methods & {"pinyin", "dictionary"}:
                    h.en_sentence = occ[0] if occ else -1
                    h.confidence = min(cap, _confidence(h, 0.0))
                    hits.append(h)
            if len(hits) > before:
                break   # (the aligned sentence's partial hits do not stop the search)
    if any(h.r >= 0.99 for h in hits) and all(h.headless for h in hits if h.r < 0.99):
        # 北京市冰雪运动 for "Beijing Municipal Sports Bureau" in its own sentence, 北京市体育局 whole in
        # the one before: a span without the term's head noun names something else
        hits = [h for h in hits if h.r >= 0.99]
    if not hits:
        return None
    groups: Dict[str, List[_Hit]] = {}
    for h in hits:
        groups.setdefault(doc.norm[h.start:h.end], []).append(h)

    def group_conf(hs):
        best = max(h.confidence for h in hs)
        pairs_seen = len({(h.en_sentence, h.sentence) for h in hs})
        return min(0.98, best + 0.04 * (pairs_seen - 1)), pairs_seen

    zh, hs = max(groups.items(), key=lambda kv: (group_conf(kv[1])[0], len(kv[0])))
    conf, seen = group_conf(hs)
    if "Beijing" in term and not zh.startswith(("北京", "京")):
        # 市历史文化名城保护委员会 in a headline, 北京市历史文化名城保护委员会 in the text: the full name
        full = [(g, h) for g, h in groups.items() if g.startswith("北京") and g.endswith(zh)
                and group_conf(h)[0] >= 0.6 * conf]
        if full:
            zh, more = full[0]
            conf, seen = max(conf, group_conf(more)[0]), seen + group_conf(more)[1]
            hs = more   # the evidence shown is where the full name is written
    top = max(hs, key=lambda h: h.confidence)
    methods = set().union(*(h.methods for h in hs))
    if seen >= 3:
        methods.add("cooccurrence")
    en_sentence = doc.al.en[top.en_sentence].span.text if top.en_sentence >= 0 else ""
    return Pair(term, zh, round(conf * gate, 3), _method(methods), en_sentence,
                doc.al.zh[top.sentence].span.text, top.start)


def _nearby(doc, beads, reach=2):
    """Chinese sentences that are unaligned or within ``reach`` beads of the given beads."""
    order = {id(b): n for n, b in enumerate(doc.al.beads)}
    at = [order[id(b)] for b in beads if b is not None and id(b) in order]
    out = set()
    for n, b in enumerate(doc.al.beads):
        if not b.en or any(abs(n - x) <= reach for x in at):
            out.update(b.zh)
    return sorted(out)


def _neighbours(sentence, term, reach=3):
    """Stems of the content words just before and after the term in its English sentence."""
    s = sentence.replace("’", "'")
    m = _term_regex(term).search(s)
    if not m:
        return frozenset()
    before = [w for w in lexicon.en_words(s[:m.start()]) if not lexicon.is_stop(w)][-reach:]
    after = [w for w in lexicon.en_words(s[m.end():]) if not lexicon.is_stop(w)][:reach]
    return frozenset(lexicon.stem(w) for w in before + after)


def _is_quoted(sentence, term):
    s = sentence.replace("’", "'")
    m = _term_regex(term).search(s)
    if not m:
        return False
    before, after = s[:m.start()].rstrip(), s[m.end():].lstrip()
    return before[-1:] in ('"', "“", "'", "‘") and after[:1] in ('"', "”", "'", "’")


def _structural_pair(doc, term, occ, bead_of_en, gate, claimed, person=False, quoted_only=False):
    """No lexical evidence: fall back on where the term sits.

    Three signals, all weak: an English term in quotation marks facing exactly one unclaimed quoted
    Chinese span in its aligned pair; a personal name facing exactly one unclaimed Chinese name in
    every aligned pair it occurs in; or one Chinese candidate that recurs in at least three of the
    aligned pairs where the term occurs (and rarely elsewhere).
    """
    if person:
        pair = _lone_name_pair(doc, term, occ, bead_of_en, gate, claimed)
        if pair:
            return pair
    seen: Dict[str, list] = {}
    for i in occ:
        b = bead_of_en.get(i)
        if not b or not b.zh or b.quality <= 0:
            continue
        quoted = _is_quoted(doc.al.en[i].span.text, term)
        en_quotes = len(re.findall(r"[\"“]", doc.al.en[i].span.text)) // 2
        zq = []
        for k in b.zh:
            for c in doc.candidates(k):
                if (c.start, c.end) in claimed or (c.kind == "name" and not person):
                    continue   # a personal name is no rendering of "open competition"
                seen.setdefault(c.text, []).append((i, k, c))
                if c.kind == "quoted" or (c.kind == "title" and term != term.lower()):
                    zq.append((k, c))   # a lower-case phrase is no 《book title》
        if quoted and len(zq) == 1 and (en_quotes == 1 or not quoted_only):
            # the one quoted span opposite left unclaimed; surer when the English quotes one thing only
            k, c = zq[0]
            return _positional_pair(doc, term, i, k, c, (0.55 if en_quotes == 1 else 0.45) * b.quality * gate)
        if quoted and len(zq) > 1:
            # Several quoted spans: the one that renders some of the term's words (健康北京 你我同行 for
            # "Healthy Beijing, Together We Act"), if exactly one does.
            hit = _quoted_rendering(doc, term, zq)
            if hit:
                k, c = hit
                return _positional_pair(doc, term, i, k, c, 0.5 * b.quality * gate)
        if quoted and not zq:
            # The translation moved the quoted name into another sentence: look at every quoted span.
            everywhere = [(k, c) for k in range(len(doc.al.zh)) for c in doc.candidates(k)
                          if c.kind == "quoted" and (c.start, c.end) not in claimed]
            hit = _quoted_rendering(doc, term, everywhere)
            if hit:
                k, c = hit
                return _positional_pair(doc, term, i, k, c, 0.4 * gate)
    if quoted_only:
        return None
    best = None
    for text, where in seen.items():
        n = len({(i, k) for i, k, _ in where})
        # Among candidates seen as often, a marked-out one (《春晖工程》) beats a piece of it (春晖).
        key = (n, where[0][2].kind in ("title", "quoted", "known"), len(text))
        if n >= 3 and (best is None or key > best[0]):
            best = (key, where[0])
    if best:
        (n, _, _), (i, k, c) = best
        return _positional_pair(doc, term, i, k, c, min(0.7, 0.35 + 0.08 * n) * gate)
    return None


DOTTED_NAME_MIN = 65     # sound skeleton ratio of a whole foreign name to a dotted Chinese name


def _dotted_name_anywhere(doc, term, occ, claimed):
    """A foreign person the translation moved away from where the original names them (the expert's
    remarks taken into the lead): the one dotted Chinese name of the article that sounds like the
    whole English name, as a suggestion."""
    if len(term.split()) < 2 or not occ:
        return None
    score_of = sound_score(term)
    scored, seen = [], set()
    for k in range(len(doc.al.zh)):
        for c in doc.candidates(k):
            if c.kind == "name" and "·" in c.text and c.text not in seen \
                    and not any(s < c.end and c.start < e for s, e in claimed):
                seen.add(c.text)   # (a name written twice is one rival, not two)
                scored.append((score_of("".join(doc.py[c.start:c.end])), k, c))
    scored.sort(key=lambda x: -x[0])
    if not scored or scored[0][0] < DOTTED_NAME_MIN or (len(scored) > 1 and scored[1][0] >= scored[0][0] - 10):
        return None
    score, k, c = scored[0]
    return Pair(term, c.text, round(min(TRANSLIT_MAX, score / 100) * 0.7, 3), "pinyin",
                doc.al.en[occ[0]].span.text, doc.al.zh[k].span.text, c.start)


def _positional_pair(doc, term, i, k, c, confidence):
    """A pair that only the term's place supports: English sentence i, candidate c of Chinese
    sentence k."""
    return Pair(term, c.text, round(confidence, 3), "cooccurrence", doc.al.en[i].span.text,
                doc.al.zh[k].span.text, c.start)


def _quoted_rendering(doc, term, quoted):
    """The one (k, candidate) among quoted Chinese spans whose words render more of the term than any
    other does (at least one word), or None."""
    words = _analyse(term)
    scored = []
    for k, c in quoted:
        explained = set()
        for u in _units(doc, k, words):
            if c.start <= u.start and u.end <= c.end:
                explained |= u.words
        scored.append((len(explained), k, c))
    scored.sort(key=lambda x: -x[0])
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1], scored[0][2]
    return None


def _lone_name_pair(doc, term, occ, bead_of_en, gate, claimed):
    """The one Chinese personal name left unclaimed opposite the term, if every aligned pair the
    term occurs in leaves the same single one (and there are no two of them anywhere)."""
    found, where = set(), None
    taken_texts = {doc.norm[s:e] for s, e in claimed}   # 马德里 claimed once is Madrid everywhere
    for i in occ:
        b = bead_of_en.get(i)
        if not b or not b.zh or b.quality <= 0:
            continue
        names = {}
        for k in b.zh:
            for c in doc.candidates(k):
                if c.kind == "name" and len(c.text) >= 2 and c.text not in taken_texts and not any(
                        s < c.end and c.start < e for s, e in claimed):
                    names.setdefault(c.text, (i, k, c))
        # 安娜 and 席尔瓦 are parts of 安娜·席尔瓦, not other people
        names = {t: v for t, v in names.items() if not any(t != o and t in o for o in names)}
        # 周立华 is Zhou Lihua wherever the English writes that name: not the one left for Ana Torres
        names = {t: v for t, v in names.items() if "".join(doc.py[v[2].start:v[2].end]) not in doc.en_pinyin_names()}
        if len(names) != 1:
            return None
        found |= set(names)
        where = where or next(iter(names.values()))
    if len(found) != 1 or where is None:
        return None
    i, k, c = where
    b = bead_of_en[i]
    return _positional_pair(doc, term, i, k, c, 0.5 * b.quality * gate)

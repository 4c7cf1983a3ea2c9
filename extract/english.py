"""English term candidates from news about Chinese official affairs.

Rule-based and generic: capitalised spans joined by of/for/and/in/on/the (split at title chains,
headline verbs, persons and coordinated names), title words, head nouns that give the category,
quoted slogans, numbered formulas, Chinese personal names recognised by pinyin syllable structure,
lower-case policy terms opened by a closed set of modifiers and closed by a closed set of heads, and
acronyms defined in parentheses. The word lists and patterns live in extract/english_rules.py, the
capitalised-span rules in extract/english_spans.py.

Header lines of the Beijing government pages ("Chinese", "Topics:", "Date:", "fontSize:", image names)
are skipped, "Source: X, Y" gives bodies, and Title Case lines (the headline) are read with weaker
capitalisation cues: headline verbs and -ing/-ed words cut spans and only headed spans are kept. HTML
tags and entities are masked (offsets still point into the input). Non-English text gives [].
Measured by bench/extraction_quality.py (seeds + shared scorer, held-out articles, speed).

    >>> [c.text for c in extract_candidates("Cai Qi, Secretary of the CPC Beijing Municipal Committee, spoke.")]
    ['Cai Qi', 'Secretary of the CPC Beijing Municipal Committee', 'CPC Beijing Municipal Committee']
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import List, Optional

from extract import english_rules as R
from extract.english_spans import (_bare, _comma_acronyms, _emit_piece, _head_category, _is_person, _name_words,
                                    _opening_participle, _plural_opener, _process_chunk, _title_start)
from extract.sentences import en_sentence_starts


@dataclass
class Candidate:
    text: str            # surface form as in the input (offsets below), official capitalisation kept
    start: int
    end: int
    category: str
    sentence_no: int
    term_type: str = "fullForm"   # fullForm | acronym | shortForm
    expands: Optional[str] = None  # acronym -> full form; full form -> its acronym
    score: float = 1.0
    context: Optional[str] = None  # e.g. the person a title belongs to

    def __reduce__(self):
        # The map step spools every candidate through pickle: positional fields instead of each
        # object's attribute dict halve the time of that round trip (3 % of a 100 MB extraction).
        return Candidate, (self.text, self.start, self.end, self.category, self.sentence_no, self.term_type,
                           self.expands, self.score, self.context)


_WS = re.compile(r"\s+")


def _fold_table():
    """Latin letters with diacritics → their ASCII letter (é → e, Ø → O), one character each."""
    import unicodedata

    table = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and base.isalpha() and base != chr(code):
            table[code] = base
    return table


_FOLD = _fold_table()
_ACCENTED = re.compile("[\u00c0-\u024f]")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
# inline patterns, compiled once
_RX0 = re.compile(r"[^\n]+")
_RX1 = re.compile(r"(?:the|a|an|The|A|An)\s+")
_RX5 = re.compile(r"[A-Z]")
_RX6 = re.compile(r"(?:^|\s)([A-Z][a-z]+)\s$")
_RX7 = re.compile(r"\s+with\s+Chinese\s+characteristics")
_RX8 = re.compile(r"\s+(?:of|for)\s+the\s+(?=[A-Z])")
_RX9 = re.compile(r"(?i)(?:^|\s)(office|secretariat)\s+of\s+the\s+$")
_RX10 = re.compile(r"[^\S\n]+([a-z]+)(?![\w-])")
_RX11 = re.compile(r"\b(?:Measures|Regulations|Opinions|Plan|Rules|Provisions|Guidelines)\b.*\b(?:to|on|for)\b")
_RX12 = re.compile(r"(?:,[^\S\n]+[A-Z][\w'’]*(?:[^\S\n]+[A-Z][\w'’]*)*)*,?[^\S\n]+and[^\S\n]+[A-Z][\w'’]*(?:[^\S\n]+[A-Z][\w'’]*)*(?=[^\S\n]*[\(.,;]|\s*$)")
_RX13 = re.compile(r"[A-Z][\w'’]*(?:[^\S\n]+(?:and[^\S\n]+)?[A-Z][\w'’]*)*")
_RX14 = re.compile(r",\s*|\s+and\s+")
_LINE_RE = re.compile(r"[^\n]*")
_TRAIL_PUNCT = ".,;:!?"
_LEAD_JUNK = frozenset("\"'“”‘’([")
_TRAIL_JUNK = frozenset(_TRAIL_PUNCT + "\"'“”‘’]")
_SPACES = frozenset(c for c in map(chr, range(0x110000)) if c.isspace())   # what str.isspace accepts
_LEAD_SKIP = _LEAD_JUNK | _SPACES
_TRAIL_SKIP = _TRAIL_JUNK | _SPACES
# the lower-case tails _tails_and_enumerations takes (R.LOW_TAIL), as a cheap test run on every span
_TAIL_RE = re.compile(r"[^\S\n]+(?:" + "|".join(sorted(R.LOW_TAIL)) + r")(?![\w-])")


class _Doc:
    """One extraction run: the working text (same length as the input) and the candidates found."""

    def __init__(self, text: str):
        self.orig = text
        # Foreign names keep their accents (José Luis Martínez-Almeida); the rules read them folded to
        # ASCII, letter for letter, so offsets and the text of a candidate are the original's.
        folded = text.translate(_FOLD) if not text.isascii() and _ACCENTED.search(text) else text
        self.folded = folded
        work = R.HTML_TAG_RE.sub(lambda m: " " * len(m.group()), folded) if "<" in text or "&" in text else folded
        self.title_lines: List[tuple] = []
        self.source_spans: List[tuple] = []
        work = self._header(work)
        self.work = work
        self.changed = work != folded     # HTML masked or header lines blanked: check slices
        self._title_starts = [a for a, _ in self.title_lines]
        # split_en works line by line here: sentences never cross a line break, and short inputs keep
        # the splitter's look-back cheap on long texts
        starts = []
        for off, seg in _segments(work):
            starts += en_sentence_starts(seg, off)   # the starts of split_en(seg), shifted by off
        self.sent_starts = starts or [0]
        self.sent_start_set = set(self.sent_starts)
        self.out = {}
        self.quotes: List[tuple] = []
        self.blocked: List[tuple] = []   # spans owned by quotes and numbered formulas
        self._bsorted = None
        self._bstarts: List[int] = []
        self.acronyms = {}               # acronym -> full form
        self.persons: List[tuple] = []
        self.suppress = set()            # exact spans that another rule extended ("Belt and Road")
        self.forced = set()              # spans added by a rule that owns its span (kept over blocking)

    # ------------------------------------------------------------ header and lines
    def _header(self, work):
        """Blank boilerplate lines; remember the Source value and Title-Case lines."""
        pieces = []
        for m in _RX0.finditer(work):
            line = m.group()
            s = line.strip()
            if R.HEADER_SKIP_RE.match(s):
                pieces.append((m.start(), m.end()))
                continue
            sm = R.SOURCE_RE.match(s)
            if sm and m.start() < 2000:
                off = m.start() + line.index(sm.group(1))
                self.source_spans.append((off, off + len(sm.group(1))))
                pieces.append((m.start(), m.end()))
                continue
            if _is_title_case(s):
                self.title_lines.append((m.start(), m.end()))
        if not pieces:
            return work
        out, last = [], 0
        for a, b in pieces:
            out.append(work[last:a])
            out.append(" " * (b - a))
            last = b
        out.append(work[last:])
        return "".join(out)

    def in_title(self, pos):
        if not self.title_lines:
            return False
        i = bisect.bisect_right(self._title_starts, pos) - 1
        return i >= 0 and pos < self.title_lines[i][1]

    def sentence_no(self, pos):
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def blocked_by(self, a, b):
        if not self.blocked:
            return False
        bs = self._bsorted
        if bs is None or len(bs) != len(self.blocked):
            self._sort_blocked()
            bs = self._bsorted
        starts = self._bstarts
        hi = bisect.bisect_left(starts, b)
        if not hi:
            return False
        lo = bisect.bisect_left(starts, a - 400, 0, hi)
        for i in range(lo, hi):
            x, y = bs[i]
            if y <= a:          # ends before the span: neither contains it nor overlaps it
                continue
            if x <= a and b <= y and (x, y) != (a, b):
                return True
            if a < y and x < b and not (x <= a and b <= y) and not (a <= x and y <= b):
                return True
        return False

    def _sort_blocked(self):
        bs = self._bsorted = sorted(self.blocked)
        self._bstarts = [x for x, _ in bs]
        reach, top = [], -1        # reach[i]: the furthest end among the first i + 1 blocked spans
        for _, y in bs:
            top = y if y > top else top
            reach.append(top)
        self._breach = reach

    def _maybe_blocked(self, a, b):
        """False when no blocked span starting before b ends after a (then blocked_by(a, b) is False);
        True when blocked_by has to decide."""
        bs = self._bsorted
        if bs is None or len(bs) != len(self.blocked):
            self._sort_blocked()
        hi = bisect.bisect_left(self._bstarts, b)
        return hi > 0 and self._breach[hi - 1] > a

    # ------------------------------------------------------------ emitting
    def add(self, a, b, category, score=1.0, term_type="fullForm", expands=None, force=False):
        """Record a candidate for work[a:b] after trimming spaces, quotes, a leading determiner and a final
        possessive; returns its (start, end) key, or None when it is rejected."""
        w = self.work
        while a < b and w[a] in _LEAD_SKIP:
            a += 1
        while b > a and w[b - 1] in _TRAIL_SKIP:
            b -= 1
        if w.startswith("Ltd.", b - 3):
            b += 1   # "… Co., Ltd." is written with its full stop
        if b > a and w[b - 1] == ")" and w.count("(", a, b) < w.count(")", a, b):
            b -= 1
        if b - a > 4 and w[a] in "tTaA":
            m = _RX1.match(w, a, b)
            if m and b > m.end():
                a = m.end()
        if b - a > 3 and w[b - 1] == "s" and w[b - 2] in "'’":
            b -= 2
        if b - a < 2:
            return None
        text = self.orig[a:b]
        if "\n" in text or (self.changed and self.folded[a:b] != w[a:b]):
            return None
        key = (a, b)
        if not force and (key in self.suppress or (self.blocked and self._maybe_blocked(a, b)
                                                   and self.blocked_by(a, b))):
            return None
        if force:
            self.forced.add(key)
        old = self.out.get(key)
        if old is not None and old.score >= score:
            if expands and not old.expands:
                old.expands = expands
            return key
        sn = bisect.bisect_right(self.sent_starts, a) - 1     # self.sentence_no(a)
        self.out[key] = Candidate(_WS.sub(" ", text) if "  " in text else text, a, b, category,
                                  sn if sn > 0 else 0, term_type, expands, score)
        return key

    def add_person(self, a, b, category, score):
        """A person found by the capitalised-span rules: a candidate, and a person for the title contexts."""
        key = self.add(a, b, category, score)
        if key:
            self.persons.append((key[0], key[1], self.work[key[0]:key[1]]))

    def set_acronym(self, acr, full):
        self.acronyms[acr] = full

    def drop(self, key):
        if key is not None:
            self.out.pop(key, None)
            self.suppress.add(key)


_LONG_CUT = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“(])")


def _segments(work):
    """(offset, text) of the lines of `work`, lines longer than 4000 characters cut after a sentence end
    so that the sentence splitter's look-back stays short."""
    for m in _LINE_RE.finditer(work):
        line = m.group()
        if not line.strip():
            continue
        if len(line) <= 4000:
            yield m.start(), line
            continue
        start = 0
        for c in _LONG_CUT.finditer(line):
            if c.start() - start >= 2000:
                yield m.start() + start, line[start:c.start()]
                start = c.end()
        yield m.start() + start, line[start:]


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _is_title_case(line):
    if len(line) > 300 or line.endswith((".", "。")) or len(line) < 8:
        return False
    words = [w for w in _TITLE_WORD.findall(line) if len(w) > 3]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.75


# ------------------------------------------------------------------ helpers on word lists
def _persons(doc):
    for m in R.PERSON_RE.finditer(doc.work):
        w1, w2 = m.group(1), m.group(2)
        if not _is_person(w1, w2):
            continue
        # a third capitalised word that is a head makes it a place ("Yu Xin Park")
        nxt = doc.work[m.end():m.end() + 30].split(None, 1)
        if nxt and _bare(nxt[0]) in R.HEADS and nxt[0][:1].isupper():
            continue
        doc.add(m.start(), m.end(), "person", 0.9)
        doc.persons.append((m.start(), m.end(), m.group()))


# Quoted slogans run to a dozen words ("a new milestone every year, new changes every year"); longer
# quotes are speech.
MAX_QUOTED_WORDS = 12
MAX_QUOTED_TITLE_WORDS = 20


def _quotes(doc):
    for m in R.QUOTE_RE.finditer(doc.work):
        g = 1 if m.group(1) is not None else 2
        inner = m.group(g)
        a, b = m.start(g), m.end(g)
        words = inner.split()
        # A quoted name in Title Case ("Healthy Beijing, Together We Act", a World Heritage nomination
        # title) may be longer and say "we"; other quotes that long or with pronouns are speech.
        titled = sum(w[:1].isupper() for w in words) >= 0.7 * len(words) and len(words) >= 3
        if not words or len(words) > (MAX_QUOTED_TITLE_WORDS if titled else MAX_QUOTED_WORDS):
            continue
        low = {w.lower().strip(",.") for w in words}
        if low & R.PRONOUNS and not titled:
            continue
        if len(words) == 1 and "-" not in inner and inner.islower():
            continue
        if inner.strip().endswith((".", "?", "!")):
            continue
        doc.blocked.append((a, b))
        doc.add(a, b, "slogan", 0.9, force=True)


def _numbers(doc):
    work = doc.work
    for a in R.NUM_ANCHOR_RE.finditer(work):
        pm = R.NUM_BEFORE_RE.search(work, max(0, a.start() - 10), a.start())
        if not pm:
            continue
        m = R.NUM_TERM_RE.match(work, pm.start(1))
        if m:
            doc.blocked.append((m.start(), m.end()))
            doc.add(m.start(), m.end(), "other", 0.8, force=True)
    spans = [m.span() for m in R.NUM_LIST_RE.finditer(doc.work)]
    for m in R.NUM_WORD_HEAD_RE.finditer(doc.work):
        if doc.work[m.start() - 1:m.start()] == " ":
            start = _counted_from(doc.work, m.start())
            if start is not None:
                spans.append((start, m.end()))
    for a, b in spans:
        if not doc.blocked_by(a, b):
            doc.blocked.append((a, b))
            doc.add(a, b, "other", 0.6, force=True)
    for m in R.ANNIV_RE.finditer(doc.work):
        doc.add(m.start(), m.end(), "other", 0.8)
        # the founded body itself is extracted by the chunk rule


_RUN = re.compile(r"\S+")


def _counted_from(work, head):
    """Where a spelled-out number counting the head at ``head`` starts, up to two lower-case words
    before it ("ten measures", "three key tasks"), else None."""
    words = [(m.start(), m.group()) for m in _RUN.finditer(work, max(0, head - 40), head)][-3:]
    for k in range(len(words) - 1, -1, -1):
        at, w = words[k]
        if w in R.LIST_NUMBER_WORDS and (at == 0 or not (work[at - 1].isalnum() or work[at - 1] == "-")):
            return at
        if not (w.isalpha() and w.islower()):
            return None
    return None


_HEAD_FIRST_BEFORE = re.compile(r"(?:\b(?:the|an|a|as|and)|,)\s$")
_LOW_CATEGORY = {
    "group": "body", "groups": "body", "units": "body", "authorities": "body", "committees": "body",
    "plan": "plan", "campaign": "policy", "mechanism": "policy", "system": "policy", "regulations": "policy",
    "policies": "policy", "policy": "policy", "action": "policy", "operations": "policy", "events": "event",
    "activities": "event", "hall": "facility", "hospitals": "other", "district": "place", "axis": "place",
    "zone": "place", "neighborhood": "place", "pattern": "slogan", "stage": "slogan", "principle": "slogan",
    "philosophy": "slogan", "forces": "slogan", "modernization": "slogan", "rejuvenation": "slogan",
    "opening-up": "slogan", "diplomacy": "other"}
_NEXT_HEAD = re.compile(r"\s+(?:city|cities)(?![\w-])")


def _lowercase(doc):
    work = doc.work
    for m in R.HEAD_FIRST_RE.finditer(work):
        if _HEAD_FIRST_BEFORE.search(work, max(0, m.start() - 5), m.start()):
            doc.add(m.start(), m.end(), "other", 0.6)
    for m in R.LOW_TERM_RE.finditer(work):
        a, b = m.start(), m.end()
        text = m.group()
        words = text.split()
        first = words[0]
        if len(words) < 3 and first.lower() in ("major", "new"):
            continue
        if text.endswith("environment") and "-" not in first:
            continue
        if text[0].isupper() and first not in ("Party", "Chinese"):
            prev = work[max(0, a - 3):a].strip()
            if prev and prev[-1] not in ".!?;:•\n\"“" and a not in doc.sent_start_set:
                continue
        if len(words) > 1 and any(w[0].isupper() and w not in ("Party", "Chinese") for w in words[1:]):
            continue
        head = words[-1].lower()
        cat = _LOW_CATEGORY.get(head, "other")
        # a pinyin place name before it belongs to it ("the Beijing municipal administrative center")
        if a > 2 and work[a - 2].islower() and not text[0].isupper():
            pm = _RX6.search(work, max(0, a - 30), a)
            if pm and R.is_pinyin_place(pm.group(1)):
                a = a - len(pm.group(1)) - 1
        nx = _NEXT_HEAD.match(work, b)
        if nx and head in ("center", "centre", "hub"):
            b = nx.end()
        base = doc.add(a, b, cat, 0.7)
        if text.endswith("diplomacy"):
            e = R.CHARACTERISTICS_RE.match(work, b)
            if e:
                doc.add(a, e.end(), "slogan", 0.8)
                inner = _RX7.match(work[b:e.end()])
                if inner and inner.end() < e.end() - b:
                    doc.add(a, b + inner.end(), "slogan", 0.8)
                doc.drop(base)
        if head in R.PP_HEADS:
            e = R.PP_EXT_RE.match(work, b)
            cm = None if e else _RX8.match(work[b:b + 12])
            if cm:
                e = R.CHUNK_RE.match(work, b + cm.end())
            if e:
                if doc.add(a, e.end(), cat, 0.7):
                    doc.drop(base)
                    # the object is a term of its own ("... for building an international language environment")
                    for om in R.LOW_TERM_RE.finditer(work, b, e.end()):
                        if om.end() == e.end() and not om.group()[0].isupper():
                            doc.add(om.start(), om.end(), "other", 0.6)
            elif head in ("operations", "campaign", "action"):
                e = R.INFINITIVE_RE.match(work, b)
                if e and doc.add(a, e.end(), cat, 0.6):
                    doc.drop(base)
        # "office of the leading group"
        om = _RX9.search(work[max(0, a - 25):a])
        if om and not work[a].isupper():
            oa = a - (len(work[max(0, a - 25):a]) - om.start(1))
            doc.add(oa, b, "body", 0.7)


_SUBJECT_IN = re.compile(r"(\S+)\s+in\s+(?:the\s+)?(?=\S)")
_LEADING_STOPS = re.compile(r"(?:(?:%s)\s+)*" % "|".join(re.escape(w) for w in sorted(
    {w.capitalize() for w in R.LEAD_STOP} | set(R.LEAD_STOP), key=len, reverse=True)))
_TWO_WORDS = re.compile(r"\S+\s+\S+\s+(?:the\s+(?=\S))?")   # (and a "the" after them)


def _tails_and_enumerations(doc, m):
    """Capitalised span followed by a lower-case tail ("Plan period", "Belt and Road cooperation")."""
    b = m.end()
    tm = _RX10.match(doc.work[b:b + 20])
    if tm and tm.group(1) in R.LOW_TAIL:
        span = m.group()
        lead = _LEADING_STOPS.match(span)   # "During the National Day holiday": the term starts after them
        span, start = span[lead.end():], m.start() + lead.end()
        ws = span.split()
        if not ws or ws[0].lower() in R.LEAD_STOP:
            return
        if ws[-1].lower() not in R.CONNECTORS and ws[-1].lower() not in R.HEADLINE_VERBS:
            a = start
            if len(ws) > 2 and _opening_participle(ws[0], ws[1]):
                a += _TWO_WORDS.match(span).end()   # "Travelling from the Dongba area": the area is the term
            subject = _SUBJECT_IN.match(span)
            if subject and _plural_opener(subject.group(1)):
                a += subject.end()   # "Venues in the Yanqing area": the area is the term
            doc.add(a, b + tm.end(), "plan" if tm.group(1) == "period" else "place" if tm.group(1) in ("area", "region") else "other", 0.8)
            if tm.group(1) in ("cooperation", "initiative") or (R.HEADS.get(ws[-1].lower()) is None
                                                                and tm.group(1) != "holiday"):
                doc.suppress.add((a, b))   # (a holiday's day is a name of its own: "National Day")


def _enumerated_titles(doc, m):
    """Document titles with an enumeration: "Ten Measures to Promote ... in Foreign Affairs, Hong Kong and Macao"."""
    span = m.group()
    if " " not in span or not _RX11.search(span):
        return
    e = _RX12.match(doc.work[m.end():m.end() + 200])
    if e:
        a = m.start()
        ws = span.split()
        while ws and ws[0].lower() in R.LEAD_STOP:
            a += len(ws[0]) + 1
            ws = ws[1:]
        doc.add(a, m.end() + e.end(), "policy", 0.9)
        doc.suppress.add((a, m.end()))
        doc.suppress.add((m.end() + e.end() - len(e.group().lstrip(", \t\xa0")), m.end() + e.end()))
        # the enumerated names are parts of the title here, not terms of their own
        tail = e.group()
        for nm in _RX13.finditer(tail):
            doc.suppress.add((m.end() + nm.start(), m.end() + nm.end()))


def _of_documents(doc):
    """'the construction plan for the 14th Five-Year Plan period', 'the legacy of the Winter Olympic Games'."""
    starts = None
    for m in R.OF_DOC_RE.finditer(doc.work):
        head = doc.work[m.start():m.start(1)].split()[0]
        lm = R.OF_DOC_LEFT_RE.search(doc.work, max(0, m.start() - 60), m.start())
        if not lm:
            continue
        mods = lm.group(1).split()
        start1 = lm.start(1) if mods else m.start()
        if head == "plan" and not mods:
            continue
        if any((w in R.STOP and w != "and") or w.endswith("ly") for w in mods):
            continue
        o = m.end()
        if starts is None:    # the longest candidate at each start, built when first needed
            starts = {}
            for (x, y) in doc.out:
                cur = starts.get(x)
                if cur is None or y - x > cur[1] - cur[0]:
                    starts[x] = (x, y)
        if o in starts:
            end = starts[o][1]
        elif head in ("checklist", "opinions", "list", "catalogue"):
            om = R.OF_DOC_OBJ_RE.match(doc.work, o)
            if not om:
                continue
            end = om.end()
        else:
            continue
        cat = {"legacy": "other", "venue": "facility", "opinions": "policy", "checklist": "policy",
               "list": "policy"}.get(head, "plan")
        doc.add(start1, end, cat, 0.6)


_AGREEMENT_WORDS = ("Memorandum", "Agreement", "Protocol", "Accord", "Treaty", "Declaration", "Letter of Intent",
                    "Joint Statement", "Arrangement")
_AGREEMENT = re.compile(r"\b(?:" + "|".join(_AGREEMENT_WORDS) + r")\b")
# a party's name goes on through "of", "de" ... but not into a date ("… and Debrecen on June 12")
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
_PARTY = (r"(?:the[^\S\n]+)?[A-Z][\w'’-]*(?:(?:[^\S\n]+(?:of|for|the|de|on|and))*[^\S\n]+"
          rf"(?!{_MONTH_NAME})[A-Z][\w'’-]*)*")
_BETWEEN = re.compile(rf"[^\S\n]+[Bb]etween[^\S\n]+{_PARTY}(?:,[^\S\n]+{_PARTY})*,?[^\S\n]+and[^\S\n]+{_PARTY}"
                      r"(?:[^\S\n]+\((?:19|20)[0-9]{2}[-–](?:19|20)[0-9]{2}\))?")


def _between_parties(doc):
    """"Memorandum on Friendly Exchanges and Cooperation between Beijing and Lima": an agreement's
    name runs through the parties it is between (and what it is on), lower-case "between" and all;
    the rules had cut it into the title and a list of places."""
    work = doc.work
    if "etween " not in work or not any(w in work for w in _AGREEMENT_WORDS):
        return   # (substring tests: a regex scan of every document cost 3 % of extraction)
    # only candidates that end just before a "between" or hold a " Between ": looking at every
    # candidate of every such document cost another 4 %
    at_between = {m.start() for m in _BETWEEN_WORD.finditer(work)}
    for (x, y), c in list(doc.out.items()):
        if y not in at_between and " Between " not in c.text:
            continue
        if (x, y) not in doc.out or not _AGREEMENT.search(c.text):
            continue
        at = doc.work.find(" Between ", x, y)
        m = _BETWEEN.match(doc.work, at if at >= 0 else y)
        if not m or (at < 0 and m.end() <= y) or m.end() == y:
            continue
        end = m.end()
        if at >= 0:
            if end < y and not re.match(r"[^\S\n]+(?:in|at|on)[^\S\n]", doc.work[end:y]):
                continue   # the run goes on with more of the name
            # "… Students (2024-2027) in Beijing", "… Between Beijing" of "… Between Beijing, Hebei and …"
            del doc.out[(x, y)]
            doc.add(x, at, "policy", 0.9)
        for key in [k for k in doc.out if x <= k[0] and k[1] <= end and k != (x, y)
                    and x < k[0] and (" and " in doc.out[k].text or k[0] < m.start() + 9)]:
            del doc.out[key]   # "Beijing and Lima (2025-2027)", "Hebei and Xiong'an"
        doc.add(x, end, "policy", 0.9)   # the short form stays: many write just that
        if doc.work[end - 1] == ")":   # the edition's years are often left out: both forms
            doc.add(x, doc.work.rfind("(", x, end), "policy", 0.9)


_BETWEEN_WORD = re.compile(r"[^\S\n]+[Bb]etween[^\S\n]")
_BODY_OF = re.compile(r"\b(?:Ministry|Department|Commission|Bureau|Committee|Office|Council|Agency|Administration)"
                      r"[^\S\n]+(?:of|for)[^\S\n]+[A-Z][a-z]+$")
_MORE_PORTFOLIOS = re.compile(r"(?:,[^\S\n]+[A-Z][a-z]+)+,?[^\S\n]+and[^\S\n]+[A-Z][a-z]+(?![\w-])"
                              r"(?![^\S\n]+[A-Z])")


def _portfolio_lists(doc):
    """"Berlin Senate Department for Education, Youth and Family", "Ministry of Education, Culture,
    Sports, Science and Technology": a body named for several portfolios runs across their commas,
    which ended the capitalised run after the first."""
    if ", " not in doc.work:
        return
    work = doc.work
    for (x, y), c in list(doc.out.items()):
        if work[y:y + 2] != ", " or c.category not in ("body", "other", "title") or not _BODY_OF.search(c.text):
            continue
        m = _MORE_PORTFOLIOS.match(doc.work, y)
        if m and not any(R.pinyin_count(w) >= 2 for w in re.findall(r"[A-Z][a-z]+", m.group())):
            # (not places: "the Department of Commerce, Haidian and Chaoyang districts")
            doc.add(x, m.end(), "title" if c.category == "title" else "body", 0.8)
            for key in [k for k in doc.out if y < k[0] < m.end()]:
                del doc.out[key]   # "Youth and Family"
            del doc.out[(x, y)]


def _hereinafter(doc):
    shorts = {}
    ends = None
    for m in R.HEREINAFTER_RE.finditer(doc.work):
        if ends is None:
            ends = {}
            for (x, y) in doc.out:
                if y not in ends or x < ends[y]:
                    ends[y] = x
        short = m.group(1).strip()
        a = m.start(1)
        full = None
        # the longest candidate ending right before the parenthesis
        best = None
        for y in (m.start(), m.start() - 1, m.start() - 2):
            if y in ends and (best is None or ends[y] < best[0]):
                best = (ends[y], y)
        if best:
            full = doc.out[best].text
            doc.out[best].expands = doc.out[best].expands or short
        doc.blocked = [(x, y) for x, y in doc.blocked if not (x <= a < y)]
        doc.add(a, a + len(short), doc.out[best].category if best else "policy", 0.8, term_type="shortForm",
                expands=full, force=True)
        if full:
            shorts[short] = full
    if shorts:   # later uses of the short form ("The Ten Measures introduced ...") are short forms too
        for c in doc.out.values():
            if c.term_type == "fullForm" and c.text in shorts:
                c.term_type, c.expands = "shortForm", shorts[c.text]


_SHORT_PAREN = re.compile(r"\(((?:[A-Z][a-z]+[^\S\n])?[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)?)\)")


def _paren_short_names(doc):
    """"... Development Area (Beijing E-Town)": a capitalised short name in parentheses right after a
    candidate is its short form (an all-caps one is an acronym, handled with the capitalised span)."""
    ends = {}
    for (x, y), c in doc.out.items():
        if c.term_type == "fullForm" and (y not in ends or x < ends[y][0]):
            ends[y] = (x, c)
    for m in _SHORT_PAREN.finditer(doc.work):
        short = m.group(1)
        if short.isupper() or " " not in short and "-" not in short and not short[1:].isupper():
            continue
        hit = ends.get(m.start()) or ends.get(m.start() - 1)
        if not hit:
            continue
        full = hit[1]
        full.expands = full.expands or short
        doc.add(m.start(1), m.end(1), full.category, 0.8, term_type="shortForm", expands=full.text, force=True)


def _standalone_acronyms(doc):
    if not doc.acronyms:
        return
    covered = sorted((c.start, c.end) for c in doc.out.values())
    starts = [s for s, _ in covered]
    for m in R.ACRO_RE.finditer(doc.work):
        acr = m.group(1)
        if acr in ("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI") or acr not in doc.acronyms:
            continue
        i = bisect.bisect_right(starts, m.start())
        inside = any(s <= m.start() and m.end() <= e and (s, e) != (m.start(), m.end())
                     for s, e in covered[max(0, i - 20):i])
        if inside:
            continue
        cat = _head_category(doc.acronyms[acr].split())[0] or "body"
        doc.add(m.start(), m.start() + len(acr), cat, 0.7, term_type="acronym", expands=doc.acronyms[acr])


_APPOSITIVE_TITLE = re.compile(r",\s+(?:the\s+)?(?:(?:First|Deputy|Vice|Executive|Acting|Former|State|Permanent|Chief)\s+)*(" +
                               "|".join(sorted((w.title() for w in R.TITLE_ALONE_OK), key=len, reverse=True)) +
                               r")\b")
_LED_BY = re.compile(r"(?:led|headed|chaired|hosted|presided over)\s+by\s+$")


_LOWER_TITLE_AFTER_NAME = re.compile(
    r",\s+(?:the\s+)?((?:(?:first|executive|deputy|vice)\s+){0,2}(?:spokesperson|spokesman|spokeswoman|"
    r"secretary-general|mayor|governor|ambassador|minister))\b(?=\s+(?:of|for|at|to)\b)")


# "Zhang Li, deputy head of Fengtai District": the office with its district is one title (丰台区副区长)
_LOWER_HEAD_OF_PLACE = re.compile(
    r",\s+((?:(?:executive\s+)?deputy\s+)?head\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?\s+"
    r"(?:[Dd]istrict|[Cc]ounty|[Tt]ownship|[Ss]ubdistrict))\b")


# "Sun Lijun, secretary of the CPC Huairou District Committee": an office of a named body
_LOWER_OFFICE_OF = re.compile(
    r",\s+((?:(?:first|executive|deputy|vice|party|Party)\s+){0,2}(?:secretary-general|secretary|director\s+general|"
    r"director|head|chairman|chairwoman|president|commissioner)\s+of\s+(?:the\s+)?)(?=[A-Z])")


_DISTRICT_END = re.compile(r"\s(?:District|County)$")
_PARTY_SECRETARY = re.compile(r"(?:(?:deputy|Deputy)\s+)?(?:[Pp]arty\s+)?secretary\s+of\b")


def _lower_case_titles(doc):
    """"Yang Fan, spokesperson for the commission": an office written in lower case after its holder's
    name is still the office a translator looks up (新闻发言人). Only offices whose Chinese does not
    depend on the body (a "deputy director" is 副主任, 副局长, 副司长 … by what he directs) — or
    offices written with their body ("director of the Beijing Municipal Commerce Bureau" 北京市商务局
    局长), which name the body as a capitalised title would."""
    # the bodies named after "of", and the districts, each the body of its Party secretary ("Party
    # secretary of Fangshan District" 房山区委书记), by their starts
    bodies, districts = {}, {}
    for (a, b), c in doc.out.items():
        if c.category == "body":
            bodies[a] = b
        elif c.category == "place" and _DISTRICT_END.search(c.text):
            districts[a] = b
    for a, b, _ in list(doc.persons):
        m = _LOWER_TITLE_AFTER_NAME.match(doc.work, b)
        if m:
            doc.add(m.start(1), m.end(1), "title", 0.6)
        m = _LOWER_HEAD_OF_PLACE.match(doc.work, b)
        if m:
            doc.add(m.start(1), m.end(1), "title", 0.6)
        m = _LOWER_OFFICE_OF.match(doc.work, b)
        if m and m.end() in bodies:
            doc.add(m.start(1), bodies[m.end()], "title", 0.6)
        elif m and m.end() in districts and _PARTY_SECRETARY.match(m.group(1)):
            doc.add(m.start(1), districts[m.end()], "title", 0.6)


def _particle_names(doc):
    """Names with a lower-case particle ("Jan de Vries", "Ursula von der Leyen"), which the capitalised
    runs cut at the particle: a person where a role stands beside them, else a name all the same."""
    work = doc.work
    if " de " not in work and " van " not in work and " von " not in work:
        return   # (each substring test reads the whole document: nine of them cost 4 % of extraction)
    for m in _PARTICLE_NAME.finditer(work):
        a, b = m.span()
        if doc.sentence_no(a) != doc.sentence_no(b - 1) or any(k[0] <= a and b <= k[1] and k != (a, b)
                                                               for k in doc.out):
            continue   # inside a longer name: "Plaza de la Constitución Metro Station"
        person = bool(_ROLE_AFTER.match(work, b) or _ROLE_BEFORE.search(work, max(0, a - 30), a))
        key = doc.add(a, b, "person" if person else "other", 0.7)
        if key and person:
            doc.persons.append((a, b, doc.orig[a:b]))


_PARTICLE_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?"
                            r"(?:[^\S\n]+(?:de|van|von|der|den|da|di|du|dos|del|la|le|ter))+"
                            r"[^\S\n]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w'’-])")
_ROLE_AFTER = re.compile(r",[^\S\n]+(?:an?|the)[^\S\n]+[a-z]")
_ROLE_BEFORE = re.compile(r"(?:professor|coach|expert|scholar|curator|director|president|chairman|mayor|"
                          r"ambassador|minister|by)[^\S\n]+$")


def _appositive_persons(doc):
    """A foreign name the person rule cannot spell-check is still a person where the sentence says
    so: "Oh Se-hoon, Mayor of Seoul", "Ana Silva, President of …", "a delegation led by …"."""
    for c in doc.out.values():
        if c.category != "other" or not _name_words(c.text.split()):
            continue
        if _APPOSITIVE_TITLE.match(doc.work, c.end) or _LED_BY.search(doc.work, max(0, c.start - 30), c.start) \
                or _titled_after(doc.work, c.end):
            c.category = "person"
            doc.persons.append((c.start, c.end, c.text))


_CAPITALS_AFTER = re.compile(r",\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)")


def _titled_after(work, end):
    """Whether a title opens the apposition after a name: "Markus Lindqvist, Global CEO of …",
    "Erik Berg, Regional Director …" (any title the rules know, after its prefixes)."""
    m = _CAPITALS_AFTER.match(work, end, end + 80)
    return bool(m) and _title_start(m.group(1).split()) > 0


def _source(doc):
    for a, b in doc.source_spans:
        pos = a
        for part in re.split(r"(,\s*)", doc.orig[a:b]):
            if part and not _RX14.fullmatch(part):
                pa, pb = pos, pos + len(part)
                toks = [(t.group(), t.start(), t.end()) for t in R.WORD_RE.finditer(doc.orig, pa, pb)]
                # the header line was blanked in the work text: restore this part
                doc.work = doc.work[:pa] + doc.orig[pa:pb] + doc.work[pb:]
                if toks:
                    ws = [t[0] for t in toks]
                    cat = _head_category(ws)[0] or "body"
                    doc.add(pa, pb, cat, 0.9)
                    _emit_piece(doc, toks, False)
            pos += len(part)


def _contexts(doc):
    """The person a title belongs to: the nearest person before it in the same sentence, or the name right
    after it ("Vice Mayor Jin Wei")."""
    if not doc.persons:
        return
    doc.persons.sort()
    pstarts = [p[0] for p in doc.persons]
    for c in doc.out.values():
        if c.category != "title":
            continue
        i = bisect.bisect_left(pstarts, c.start) - 1
        if i + 1 < len(pstarts) and 0 < pstarts[i + 1] - c.end <= 2:
            c.context = doc.persons[i + 1][2]          # "Vice Mayor Jin Wei"
        elif i >= 0 and doc.sentence_no(doc.persons[i][0]) == c.sentence_no:
            c.context = doc.persons[i][2]          # "Cai Qi, Secretary of ..."


def extract_candidates(text: str) -> List[Candidate]:
    """Every term candidate of an English article, with category and exact offsets, in text order."""
    if not text or not text.strip():
        return []
    sample = text[:20000]
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    if non_ascii > 0.3 * len(sample) or not _TWO_LETTERS.search(sample):
        return []   # not English (Chinese text, numbers only ...)
    doc = _Doc(text)
    _quotes(doc)
    _numbers(doc)
    _source(doc)
    _persons(doc)
    _comma_acronyms(doc)
    skip = [(m.start(), m.end()) for m in R.HEREINAFTER_RE.finditer(doc.work)]
    skip_starts = [x for x, _ in skip]
    work = doc.work   # no rule below changes the work text
    for m in R.CHUNK_RE.finditer(work):
        if skip:
            i = bisect.bisect_right(skip_starts, m.start()) - 1
            if i >= 0 and m.start() < skip[i][1]:
                continue
        b = m.end()
        if _TAIL_RE.match(work, b, b + 20):      # same test as _RX10 + LOW_TAIL there
            _tails_and_enumerations(doc, m)
        if " " in m.group():                     # same test as at the start of _enumerated_titles
            _enumerated_titles(doc, m)
        _process_chunk(doc, m)
    _lowercase(doc)
    _of_documents(doc)
    _between_parties(doc)
    _portfolio_lists(doc)
    _hereinafter(doc)
    _paren_short_names(doc)
    _standalone_acronyms(doc)
    _particle_names(doc)
    _appositive_persons(doc)
    _lower_case_titles(doc)
    _contexts(doc)
    # drop candidates strictly inside a quote/number span (the span itself is the term)
    own = set(doc.blocked) | doc.forced
    out = [c for c in doc.out.values() if c.term_type != "fullForm" or (c.start, c.end) in own
           or not (doc._maybe_blocked(c.start, c.end) and doc.blocked_by(c.start, c.end))]
    # "a Beijing Party and government delegation" (北京市党政代表团): "Party and government" says one
    # thing, and "Beijing Party" is no name
    out = [c for c in out if not (c.text.endswith(" Party") and _PARTY_AND_GOVERNMENT.match(text, c.end))]
    out = _names_off_titles(out, text)
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def _written_alone(word, text, at):
    """Whether a capitalised word stands on its own somewhere else in the article than at ``at``
    ("Bater said")."""
    return word[:1].isupper() and any(m.start() != at for m in re.finditer(
        r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])(?! [A-Z])", text))


def _names_off_titles(out, text):
    """"Vice Chairman of the Inner Mongolia Autonomous Region Bater": an office ends with its body's
    head ("Region"); one capitalised word after it that the article also writes alone is the
    person who holds it (a one-word name, as Mongolian names are), not a word of the title."""
    kept = []
    for c in out:
        if c.category != "title":
            kept.append(c)
            continue
        words = c.text.split()
        if len(words) >= 4 and R.HEADS.get(words[-2].lower()) in ("body", "place") \
                and words[-1].lower() not in R.HEADS and words[-1].lower() not in R.TITLE_WORDS \
                and _written_alone(words[-1], text, c.end - len(words[-1])):
            end = c.end - len(words[-1]) - 1
            kept.append(replace(c, text=text[c.start:end], end=end))
            kept.append(replace(c, text=words[-1], start=end + 1, category="person"))
            continue
        kept.append(c)
    return kept


_PARTY_AND_GOVERNMENT = re.compile(r" and government\b")

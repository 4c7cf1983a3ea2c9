"""English term candidates from news about Chinese official affairs.

Rule-based and generic: capitalised spans joined by of/for/and/in/on/the (split at title chains,
headline verbs, persons and coordinated names), title words, head nouns that give the category,
quoted slogans, numbered formulas, Chinese personal names recognised by pinyin syllable structure,
lower-case policy terms opened by a closed set of modifiers and closed by a closed set of heads, and
acronyms defined in parentheses. The word lists live in extract/english_rules.py.

    >>> [c.text for c in extract_candidates("Cai Qi, Secretary of the CPC Beijing Municipal Committee, spoke.")]
    ['Cai Qi', 'Secretary of the CPC Beijing Municipal Committee', 'CPC Beijing Municipal Committee']
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass
from typing import List, Optional

from extract import english_rules as R
from extract.sentences import split_en


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


_WS = re.compile(r"\s+")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
# inline patterns, compiled once
_RX0 = re.compile(r"[^\n]+")
_RX1 = re.compile(r"(?:the|a|an|The|A|An)\s+")
_RX2 = re.compile(r"[IVX]+|[0-9]{4}|Phase")
_RX3 = re.compile(r"[^\S\n]+in[^\S\n]+[12][0-9]{3}(?![\w-])")
_RX4 = re.compile(r"\([0-9]{4}\)|\(\w+\)")
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


class _Doc:
    """One extraction run: the working text (same length as the input) and the candidates found."""

    def __init__(self, text: str):
        self.orig = text
        work = R.HTML_TAG_RE.sub(lambda m: " " * len(m.group()), text) if "<" in text or "&" in text else text
        self.title_lines: List[tuple] = []
        self.source_spans: List[tuple] = []
        work = self._header(work)
        self.work = work
        self._title_starts = [a for a, _ in self.title_lines]
        # split_en works line by line here: sentences never cross a line break, and short inputs keep
        # the splitter's look-back cheap on long texts
        self.sent_starts = [off + s.start for off, seg in _segments(work) for s in split_en(seg)] or [0]
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
        if self._bsorted is None or len(self._bsorted) != len(self.blocked):
            self._bsorted = sorted(self.blocked)
            self._bstarts = [x for x, _ in self._bsorted]
        lo = bisect.bisect_left(self._bstarts, a - 400)
        hi = bisect.bisect_left(self._bstarts, b)
        for x, y in self._bsorted[lo:hi]:
            if x <= a and b <= y and (x, y) != (a, b):
                return True
            if a < y and x < b and not (x <= a and b <= y) and not (a <= x and y <= b):
                return True
        return False

    # ------------------------------------------------------------ emitting
    def add(self, a, b, category, score=1.0, term_type="fullForm", expands=None, force=False):
        # strip surrounding spaces/punctuation and a leading determiner
        text = self.work[a:b]
        while a < b and (self.work[a].isspace() or self.work[a] in "\"'“”‘’(["):
            a += 1
        while b > a and (self.work[b - 1].isspace() or self.work[b - 1] in _TRAIL_PUNCT + "\"'“”‘’]"):
            b -= 1
        if b > a and self.work[b - 1] == ")" and self.work[a:b].count("(") < self.work[a:b].count(")"):
            b -= 1
        m = _RX1.match(self.work[a:b])
        if m and b - a > m.end():
            a += m.end()
        for suf in ("'s", "’s"):
            if self.work[a:b].endswith(suf) and b - a > 3:
                b -= 2
        text = self.orig[a:b]
        if b - a < 2 or text != self.work[a:b] or "\n" in text:
            return None
        if not force and (self.blocked_by(a, b) or (a, b) in self.suppress):
            return None
        key = (a, b)
        if force:
            self.forced.add(key)
        old = self.out.get(key)
        if old is not None and old.score >= score:
            if expands and not old.expands:
                old.expands = expands
            return key
        self.out[key] = Candidate(_WS.sub(" ", text) if "  " in text else text, a, b, category,
                                  self.sentence_no(a), term_type, expands, score)
        return key

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


def _is_title_case(line):
    if len(line) > 300 or line.endswith((".", "。")) or len(line) < 8:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.75


# ------------------------------------------------------------------ helpers on word lists
@lru_cache(maxsize=100000)
def _bare(w):
    w = w.strip("()")
    for suf in ("'s", "’s"):
        if w.endswith(suf):
            w = w[:-2]
    return w.lower()


def _head_category(ws):
    """Category and index of the head noun of a capitalised piece (list of words)."""
    if not ws:
        return None, -1
    # the noun before the first of/for/on/to is the head ("Office of ...", "Measures to ...")
    for i, w in enumerate(ws):
        if w in ("of", "for", "on", "to", "over", "through", "with") and i > 0:
            cat = R.HEADS.get(_bare(ws[i - 1]))
            if cat:
                return cat, i - 1
            break
    j = len(ws) - 1
    while j > 0 and (ws[j].startswith("(") or _RX2.fullmatch(ws[j])):
        j -= 1
    if j > 0 and ws[j - 1] == "Phase":
        j -= 1
    cat = R.HEADS.get(_bare(ws[j]))
    if cat:
        return cat, j
    # "... Plan period" style endings, or a head just before a trailing place name
    for k in range(j - 1, max(-1, j - 3), -1):
        c = R.HEADS.get(_bare(ws[k]))
        if c in ("facility", "event", "body") and _bare(ws[k]) in ("studios",):
            return c, k
    return None, -1


def _title_start(ws):
    """Index just after the title word if the piece is a title ("First Deputy Head ..."), else -1."""
    i = 0
    while i < len(ws) and i < 3 and _bare(ws[i]) in R.TITLE_PREFIX and _bare(ws[i]) not in R.TITLE_WORDS:
        i += 1
    if i < len(ws) and _bare(ws[i]) in R.TITLE_WORDS and ws[i][:1].isupper():
        # "Deputy" alone before another title word: keep going ("Deputy Director")
        while i + 1 < len(ws) and _bare(ws[i + 1]) in R.TITLE_WORDS and ws[i + 1][:1].isupper():
            i += 1
        if i + 1 < len(ws) and ws[i + 1] == "General":
            i += 1
        return i + 1
    return -1


# ------------------------------------------------------------------ chunk processing
@lru_cache(maxsize=100000)
def _single_place(word):
    """Length of the place name a one-word span is ("Beijing's" -> 7), or 0."""
    bare = word[:-2] if word.endswith(("'s", "’s")) else word
    if bare in R.PROVINCES:
        return len(bare)
    if bare.lower() in R.LEAD_STOP or R.pinyin_count(bare) > 4:
        return 0
    if R.is_pinyin_place(bare) and bare.lower() not in R.NOT_PINYIN_WORDS \
            and bare.lower() not in R.COMMON_SURNAMES:
        return len(bare)
    return 0


def _process_chunk(doc, m):
    a0, b0 = m.start(), m.end()
    g = m.group()
    if " " not in g and "(" not in g and "\xa0" not in g and "\t" not in g:
        n = _single_place(g)   # one word: only a place name can be a term on its own
        if n and not (g.lower().endswith(("and", "the", "of")) and g[:-3].lower() in R.HEADS):
            doc.add(a0, a0 + n, "place", 0.7)
        if not (g[-3:].lower() in ("and", "the") or g[-2:] == "of"):
            return
    title_mode = doc.in_title(a0)
    toks = [(t.group(), t.start(), t.end()) for t in R.WORD_RE.finditer(doc.work, a0, b0)]
    if not toks:
        return
    # typos: "Festivaland" -> "Festival" + "and"; "theBeijing" is handled by the chunk start
    if _GLUED.search(g):
        toks = _unglue(toks)
    _split_pieces(doc, toks, title_mode)


_GLUED = re.compile(r"[a-z](?:and|the|of)\b")


def _unglue(toks):
    fixed = []
    for w, s, e in toks:
        lw = w.lower()
        done = False
        for glue in ("and", "the", "of"):
            if lw.endswith(glue) and len(w) > len(glue) + 2 and lw[:-len(glue)] in R.HEADS and w[0].isupper():
                fixed.append((w[:-len(glue)], s, e - len(glue)))
                fixed.append((glue, e - len(glue), e))
                done = True
                break
        if not done:
            fixed.append((w, s, e))
    return fixed


def _split_pieces(doc, toks, title_mode):
    """Cut a capitalised span at persons (unless "Xi Jinping Thought"), headline verbs and, in Title Case
    lines, at verb-like words; then split coordinations and emit each piece."""
    n = len(toks)
    ws = [t[0] for t in toks]
    cut = [False] * n
    surnames = R.COMMON_SURNAMES
    for i in range(n - 1):
        if ws[i].lower() in surnames and toks[i + 1][1] - toks[i][2] == 1:
            w2 = ws[i + 1]
            if w2.endswith(("'s", "’s")):
                w2 = w2[:-2]
            if _is_person(ws[i], w2) and (i + 2 >= n or ws[i + 2] != "Thought"):
                cut[i] = cut[i + 1] = True
    verbs = R.HEADLINE_VERBS
    for i in range(1, n):
        w = ws[i]
        if cut[i] or not w[:1].isupper():
            continue
        lw = _bare(w)
        if lw in verbs:
            cut[i] = True
        elif title_mode:
            prev = ws[i - 1]
            if (lw.endswith("ing") or lw.endswith("ed")) and prev.lower() not in R.CONNECTORS \
                    and lw not in R.HEADS and len(lw) > 5 and not R.pinyin_count(lw):
                cut[i] = True
            elif lw.endswith("s") and not lw.endswith("ss") and _bare(prev) in R.HEADS and lw not in R.HEADS \
                    and i + 1 < n and ws[i + 1].lower() in ("the", "a", "an"):
                cut[i] = True
    if not any(cut):
        pieces = [toks]
    else:
        pieces, cur = [], []
        for i, t in enumerate(toks):
            if cut[i]:
                if cur:
                    pieces.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            pieces.append(cur)
    for p in pieces:
        if len(p) < 3:
            _emit_piece(doc, p, title_mode)
            continue
        for q in _split_and(p):
            _emit_piece(doc, q, title_mode)


def _split_and(p):
    """Split coordinated names/titles at 'and' (and 'of' between two places)."""
    out, cur = [], []
    ws = [t[0] for t in p]
    for i, t in enumerate(p):
        w = t[0]
        if w == "and" and cur and i + 1 < len(p):
            left = _bare(cur[-1][0])
            rest = ws[i + 1:]
            right_title = _title_start(rest) > 0
            left_head = left in R.HEADS or left in R.TITLE_WORDS or (cur and _title_start([c[0] for c in cur]) > 0 and left == "beijing")
            # the right side must itself close with a head (before its own of/for) or be a title
            right_head = bool(rest) and _head_category(rest)[0] is not None
            shared = len(cur) >= 2 and rest and rest[0] == cur[-2][0]
            in_pp = any(c[0] in ("of", "for", "from", "on") for c in cur)
            if rest and rest[0] == "the" and len(rest) > 1:
                out.append(cur)
                cur = []
                continue
            if (right_title and (left_head or _title_start([c[0] for c in cur]) >= 0)) or \
                    (left_head and right_head and not shared and not in_pp):
                out.append(cur)
                cur = []
                continue
        if w == "of" and cur and i + 1 < len(p) and R.HEADS.get(_bare(cur[-1][0])) == "place" \
                and _bare(ws[-1]) in R.HEADS and R.HEADS.get(_bare(ws[-1])) == "place" and "the" != ws[i + 1]:
            out.append(cur)
            cur = []
            continue
        cur.append(t)
    if cur:
        out.append(cur)
    return out


_YEAR = re.compile(r"[12][0-9]{3}")
_EDITION_PAREN = re.compile(r"\((?:[12][0-9]{3}[-–][12][0-9]{3}|[A-Z][a-z]+\s[0-9][0-9.]*)\)")
_YEARS_PAREN = re.compile(r"\([12][0-9]{3}(?:[-–][12][0-9]{3})?\)")


def _trim(p, title_mode):
    # leading stop-words, months, numbers; trailing connectors and verbs
    if len(p) > 2 and _YEAR.fullmatch(p[0][0]) and p[1][0][:1].isupper() and R.HEADS.get(_bare(p[-1][0])) == "event":
        return p
    while p and (p[0][0].lower() in R.LEAD_STOP or p[0][0].lower() in R.MONTHS or p[0][0].isdigit()
                 or p[0][0].lower() in R.CONNECTORS):
        if p[0][0].lower() in ("first", "second", "third", "new") and len(p) > 1 and p[1][0][:1].isupper() \
                and p[1][0].lower() not in R.LEAD_STOP:
            break
        p = p[1:]
    if title_mode and p and (p[0][0].lower().endswith("ing") or p[0][0].lower().endswith("ed")) \
            and p[0][0].lower() not in R.HEADS and not R.pinyin_count(p[0][0]) \
            and not (len(p) > 1 and _bare(p[1][0]) in R.HEADS):
        # "Releasing Huge Energy as the Center ..." -> "Center ..."
        for k, t in enumerate(p):
            if t[0].lower() in ("the", "an", "a") and k + 1 < len(p):
                p = p[k + 1:]
                break
        else:
            p = []
    if title_mode:
        for k in range(1, len(p) - 1):
            if p[k][0] == "to" and p[k + 1][0][:1].isupper():
                hc = _head_category([t[0] for t in p[:k]])
                if hc[0] is not None and _bare(p[hc[1]][0]) not in R.DOC_HEADS:
                    p = p[:k]
                    break
        for k in range(1, len(p) - 2):
            if p[k][0] == "of" and p[k + 1][0] == "the" and \
                    not any(_bare(t[0]) in R.HEADS or _bare(t[0]) in R.TITLE_WORDS for t in p[:k]):
                p = p[k + 2:]
                break
        for k in range(1, len(p) - 2):
            if p[k][0] == "as" and p[k + 1][0] in ("the", "an", "a") and \
                    not any(_bare(t[0]) in R.HEADS for t in p[:k]):
                p = p[k + 2:]
                break
    while p and (p[-1][0].lower() in R.CONNECTORS or p[-1][0].lower() in R.MONTHS
                 or (p[-1][0].lower().endswith("ed") and p[-1][0].lower() not in R.HEADS and len(p) > 1)):
        p = p[:-1]
    return p


def _emit_piece(doc, p, title_mode, depth=0):
    p = _trim(p, title_mode)
    if not p:
        return
    ws = [t[0] for t in p]
    a, b = p[0][1], p[-1][2]
    # meetings: "Plenary Meeting of the X" -> X
    lows = [_bare(w) for w in ws]
    for i, lw in enumerate(lows):
        if lw in R.NON_TERM_HEADS:
            if i + 2 < len(ws) and ws[i + 1] == "of":
                j = i + 2
                _emit_piece(doc, p[j:], title_mode, depth + 1)
            elif i + 1 < len(ws) and depth < 3:
                _emit_piece(doc, p[i + 1:], title_mode, depth + 1)
            return
    if len(ws) == 1:
        w = ws[0].strip("()")
        bare = w[:-2] if w.endswith(("'s", "’s")) else w
        if bare in R.PROVINCES or (R.is_pinyin_place(bare) and not R.is_given_name(bare) or
                                   (R.is_pinyin_place(bare) and R.pinyin_count(bare) >= 2)):
            if bare.lower() not in R.NOT_PINYIN_WORDS and bare.lower() not in R.COMMON_SURNAMES:
                doc.add(a, a + len(bare), "place", 0.7)
        return
    # titles
    ts = _title_start(ws)
    if ts > 0:
        if ts == 1 and _bare(ws[0]) not in R.TITLE_ALONE_OK and len(ws) == 1:
            return
        if ts == len(ws) and ts == 1 and _bare(ws[0]) not in R.TITLE_ALONE_OK:
            return
        doc.add(a, b, "title", 0.9)
        _acronyms_in_piece(doc, p)
        if ts + 1 < len(ws) and ws[ts] == "of":
            j = ts + 1
            if ws[j] == "the":
                j += 1
            if j < len(ws) and not any(w.startswith("(") for w in ws[j:-1]):
                _emit_piece(doc, p[j:], False, depth + 1)
        return
    cat, hi = _head_category(ws)
    # provinces and pinyin place names of two words ("Hong Kong")
    text = doc.work[a:b]
    if cat is None:
        if text in R.PROVINCES:
            doc.add(a, b, "place", 0.8)
            return
        if "and" in ws:
            k = ws.index("and")
            sides = (p[:k], p[k + 1:])
            if all(side and (" ".join(t[0] for t in side) in R.PROVINCES or
                             (len(side) == 1 and _single_place(side[0][0]))) for side in sides):
                for side in sides:
                    doc.add(side[0][1], side[-1][2], "place", 0.7)
                return
        if title_mode or depth > 0:
            return
        if all(w[:1].isupper() or w.lower() in R.CONNECTORS or w.startswith("(") for w in ws) and len(ws) <= 10:
            if any(_bare(w) in R.HEADLINE_VERBS or _bare(w) in R.NON_TERM_HEADS for w in ws):
                return
            if len(ws) <= 2 and any(w.endswith(("'s", "’s")) for w in ws[:-1]):
                return
            doc.add(a, b, "other", 0.5)
        return
    ym = _RX3.match(doc.work[b:b + 12])
    if ym and hi >= 0 and _bare(ws[hi]) in R.DOC_HEADS and not title_mode:
        b += ym.end()
    doc.add(a, b, cat, 0.9)
    _acronyms_in_piece(doc, p)
    if (R.ACRO_PAREN_RE.fullmatch(ws[-1]) or _EDITION_PAREN.fullmatch(ws[-1])) and len(ws) > 2:
        doc.add(a, p[-2][2], cat, 0.8)          # "... Conference (CPPCC)" -> "... Conference" too
    for i in range(1, len(ws) - 2):
        if ws[i] in ("as", "into") and ws[i + 1] in ("the", "an", "a"):
            sub = [t for t in p[i + 2:] if not _YEARS_PAREN.fullmatch(t[0])]
            if len(sub) >= 2 and _bare(sub[-1][0]) in R.HEADS and all(t[0][:1].isupper() or t[0] in R.CONNECTORS for t in sub):
                doc.add(sub[0][1], sub[-1][2], R.HEADS[_bare(sub[-1][0])], 0.7)
            break
    for i in range(1, len(ws) - 2):
        if ws[i] == "of" and ws[i + 1] == "China" and ws[i + 2][:1].isupper() and not ws[i + 2].startswith("("):
            doc.add(a, p[i + 1][2], cat, 0.7)   # "People's Bank of China Beijing Branch"
            break
    # nested: every "of the X" suffix that has its own head ("... of the CPC Central Committee")
    for i in range(len(ws) - 3, 0, -1):
        if ws[i] == "of" and ws[i + 1] == "the" and i + 2 < len(ws):
            sub = p[i + 2:]
            while sub and _RX4.fullmatch(sub[-1][0]):
                sub = sub[:-1]
            sws = [t[0] for t in sub]
            if len(sub) >= 2 and _bare(sws[-1]) in R.HEADS and not any(w.startswith("(") for w in sws):
                doc.add(sub[0][1], sub[-1][2], R.HEADS[_bare(sws[-1])], 0.8)
            break
    # nested administrative place / airport at the front ("Chaoyang District International ...")
    for i in range(1, len(ws) - 1):
        if _bare(ws[i]) in ("district", "county", "airport", "province", "municipality") and ws[i + 1][:1].isupper():
            if all(w[:1].isupper() for w in ws[:i + 1]) and not ws[0].isupper():
                doc.add(a, p[i][2], R.HEADS[_bare(ws[i])], 0.7)
            break


def _acronyms_in_piece(doc, p):
    for k, t in enumerate(p):
        m = R.ACRO_PAREN_RE.fullmatch(t[0])
        if not m or k == 0:
            continue
        acr = m.group(1)
        # shortest run of preceding words whose initials contain the acronym letters in order
        for s in range(k - 1, -1, -1):
            if not p[s][0][:1].isupper():
                continue
            initials = "".join(x[0][0] for x in p[s:k]).upper()
            if initials[0] == acr[0].upper() and _subseq(acr.upper(), initials):
                full_a, full_b = p[s][1], p[k - 1][2]
                full = doc.work[full_a:full_b]
                doc.acronyms[acr] = full
                cat = _head_category([x[0] for x in p[s:k]])[0] or "body"
                doc.add(full_a, full_b, cat, 0.9, expands=acr)
                doc.add(t[1] + 1, t[2] - 1, cat, 0.9, term_type="acronym", expands=full)
                break


_ACRO_BACK = re.compile(r"[A-Za-z][\w'’-]*|,")


def _comma_acronyms(doc):
    """Names with commas defined by an acronym: "United Nations Educational, Scientific and Cultural
    Organization (UNESCO)". Names without commas are handled inside their capitalised span."""
    for m in R.ACRO_PAREN_RE.finditer(doc.work):
        acr = m.group(1)
        lo = max(0, m.start() - 200)
        toks = [(t.group(), t.start(), t.end()) for t in _ACRO_BACK.finditer(doc.work, lo, m.start())]
        if not toks or doc.work[toks[-1][2]:m.start()].strip():
            continue
        run = []
        for t in reversed(toks):
            if t[0] == "," or t[0][:1].isupper() or t[0] in ("of", "for", "and", "the", "on", "in"):
                run.append(t)
            else:
                break
        run.reverse()
        best = None
        for s in range(len(run) - 1, -1, -1):
            w = run[s][0]
            if w == "," or not w[:1].isupper() or w[0].upper() != acr[0].upper():
                continue
            caps = "".join(t[0][0] for t in run[s:] if t[0][:1].isupper()).upper()
            if caps == acr.upper():
                best = s
                break
        if best is None or not any(t[0] == "," for t in run[best:]):
            continue
        a, b = run[best][1], run[-1][2]
        cat = _head_category([t[0] for t in run[best:] if t[0] != ","])[0] or "body"
        doc.blocked.append((a, m.end()))
        doc.acronyms[acr] = doc.work[a:b]
        doc.add(a, m.end(), cat, 0.9, expands=acr, force=True)
        doc.add(a, b, cat, 0.9, expands=acr, force=True)
        doc.add(m.start(1), m.end(1), cat, 0.9, term_type="acronym", expands=doc.work[a:b], force=True)


def _subseq(needle, hay):
    it = iter(hay)
    return all(c in it for c in needle)


@lru_cache(maxsize=100000)
def _is_person(w1, w2):
    if w1.lower() not in R.COMMON_SURNAMES or not R.is_given_name(w2):
        return False
    if f"{w1} {w2}" in R.PROVINCES or w2.lower() in R.HEADS or w2.lower() in R.TITLE_WORDS:
        return False
    return True


# ------------------------------------------------------------------ other rules
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


def _quotes(doc):
    for m in R.QUOTE_RE.finditer(doc.work):
        g = 1 if m.group(1) is not None else 2
        inner = m.group(g)
        a, b = m.start(g), m.end(g)
        words = inner.split()
        if not words or len(words) > 8:
            continue
        low = {w.lower().strip(",.") for w in words}
        if low & R.PRONOUNS:
            continue
        if len(words) == 1 and "-" not in inner and inner.islower():
            continue
        if inner.strip().endswith((".", "?", "!")):
            continue
        doc.blocked.append((a, b))
        doc.add(a, b, "slogan", 0.9, force=True)


def _numbers(doc):
    for m in R.NUM_TERM_RE.finditer(doc.work):
        doc.blocked.append((m.start(), m.end()))
        doc.add(m.start(), m.end(), "other", 0.8, force=True)
    for m in R.NUM_LIST_RE.finditer(doc.work):
        if not doc.blocked_by(m.start(), m.end()):
            doc.blocked.append((m.start(), m.end()))
            doc.add(m.start(), m.end(), "other", 0.6, force=True)
    for m in R.ANNIV_RE.finditer(doc.work):
        doc.add(m.start(), m.end(), "other", 0.8)
        # the founded body itself is extracted by the chunk rule


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


def _tails_and_enumerations(doc, m):
    """Capitalised span followed by a lower-case tail ("Plan period", "Belt and Road cooperation")."""
    b = m.end()
    tm = _RX10.match(doc.work[b:b + 20])
    if tm and tm.group(1) in R.LOW_TAIL:
        span = m.group()
        ws = span.split()
        if ws and ws[0].lower() in R.LEAD_STOP:
            return
        if ws[-1].lower() not in R.CONNECTORS and ws[-1].lower() not in R.HEADLINE_VERBS:
            # start after leading stop-words
            a = m.start()
            doc.add(a, b + tm.end(), "plan" if tm.group(1) == "period" else "place" if tm.group(1) in ("area", "region") else "other", 0.8)
            if tm.group(1) in ("cooperation", "initiative") or R.HEADS.get(ws[-1].lower()) is None:
                doc.suppress.add((a, b))


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
    starts = {}
    for (x, y), c in doc.out.items():
        if y - x > starts.get(x, (0, 0))[1] - starts.get(x, (0, 0))[0]:
            starts[x] = (x, y)
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


def _hereinafter(doc):
    for m in R.HEREINAFTER_RE.finditer(doc.work):
        short = m.group(1).strip()
        a = m.start(1)
        full = None
        # the longest candidate ending right before the parenthesis
        best = None
        for (x, y), c in doc.out.items():
            if 0 <= m.start() - y <= 2 and (best is None or x < best[0]):
                best = (x, y)
        if best:
            full = doc.out[best].text
            doc.out[best].expands = doc.out[best].expands or short
        doc.blocked = [(x, y) for x, y in doc.blocked if not (x <= a < y)]
        doc.add(a, a + len(short), doc.out[best].category if best else "policy", 0.8, term_type="shortForm",
                expands=full, force=True)


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
        doc.add(m.start(), m.start() + len(acr), "other", 0.7, term_type="acronym", expands=doc.acronyms[acr])


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
    """The person a title belongs to: the nearest person before it in the same sentence."""
    if not doc.persons:
        return
    pstarts = [p[0] for p in doc.persons]
    for c in doc.out.values():
        if c.category != "title":
            continue
        i = bisect.bisect_left(pstarts, c.start) - 1
        if i >= 0 and doc.sentence_no(doc.persons[i][0]) == c.sentence_no:
            c.context = doc.persons[i][2]


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
    for m in R.CHUNK_RE.finditer(doc.work):
        if skip:
            i = bisect.bisect_right(skip_starts, m.start()) - 1
            if i >= 0 and m.start() < skip[i][1]:
                continue
        _tails_and_enumerations(doc, m)
        _enumerated_titles(doc, m)
        _process_chunk(doc, m)
    _lowercase(doc)
    _of_documents(doc)
    _hereinafter(doc)
    _standalone_acronyms(doc)
    _contexts(doc)
    # drop candidates strictly inside a quote/number span (the span itself is the term)
    own = set(doc.blocked) | doc.forced
    out = [c for c in doc.out.values() if c.term_type != "fullForm" or (c.start, c.end) in own
           or not doc.blocked_by(c.start, c.end)]
    out.sort(key=lambda c: (c.start, -c.end))
    return out

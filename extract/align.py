"""English–Chinese sentence alignment for translated news: which English sentences render which Chinese.

Official English versions of Beijing news are abridged and rearranged: paragraphs are dropped, two
Chinese sentences become one English sentence or the reverse. A pure length-based aligner
(Gale–Church) drifts after the first dropped paragraph, so every bead is scored mainly by lexical
evidence — dictionary glosses, numbers, pinyin of names, term-base pairs — and length only breaks
ties. A bead's evidence is counted *above what chance gives*, so skipping is the better choice for
sentences that nothing links, and an article that is not a translation aligns almost nothing.
"""
import math
import re
from dataclasses import dataclass, field
from typing import List, Mapping, Optional, Sequence, Tuple

from extract import chinese, lexicon
from extract.sentences import Span, split_en, split_zh

# English characters per Chinese character in this genre (spaces and punctuation included), measured
# on the aligned sentence pairs of tests/fixtures/parallel: 4.04. The often-quoted ~3 counts letters
# only. Length only breaks ties here, so the exact value matters little.
EN_PER_ZH = 4.0
# Share of an English sentence's content words that a Chinese sentence which is not its original
# "explains" anyway: measured on the fixtures crossed with each other (same genre, other events),
# median 0.27; true pairs start at 0.52, median 0.78. Evidence below CHANCE is noise, and a bead's
# quality rises from 0 at FLOOR to 1 at FLOOR + SPAN.
CHANCE = 0.22
FLOOR, SPAN = 0.3, 0.35
SKIP = 0.6          # cost of leaving one sentence unaligned
MERGE = 0.8         # cost of a 2–1 or 1–2 bead over a 1–1 bead
LENGTH_WEIGHT = 0.5
HEADING_MISMATCH = 2.0   # a heading (no sentence end) aligned with a sentence, against content words
ANCHOR_WEIGHT = 3.0  # a known pair both sentences contain, against one explained content word
NAME_WEIGHT = 2.0   # a pinyin, number or term-base match says more than a dictionary gloss
# Quoted slogans ("Immediate Response to Public Complaints" for 接诉即办) are rarely word for word.
QUOTED_WEIGHT = 0.5
_QUOTED_EN = re.compile(r"[\"“][^\"“”]{1,80}[\"”]")


@dataclass
class EnSentence:
    span: Span
    words: List[str]                # content words as written
    stems: List[str]
    weights: List[float]
    numbers: List[Optional[int]]     # per word
    keys: List[Tuple[str, ...]]      # per word: pinyin strings it may be written as
    known: frozenset = frozenset()   # term-base ids present


@dataclass
class ZhSentence:
    span: Span                       # original text and offsets
    norm: str                        # matching form (same length)
    tokens: list
    glosses: frozenset
    numbers: frozenset
    pinyin: frozenset                # joined toneless pinyin of 1–4 character runs
    known: frozenset = frozenset()


@dataclass
class Bead:
    en: Tuple[int, ...]
    zh: Tuple[int, ...]
    quality: float                   # 0..1: share of the English content explained, beyond chance
    explained: float = 0.0


@dataclass
class Alignment:
    beads: List[Bead]                # in Chinese order, including 1–0 and 0–1 beads
    en: List[EnSentence]
    zh: List[ZhSentence]
    score: float
    zh_norm: str = ""
    pinyin: List[str] = field(default_factory=list)   # per character of the Chinese document

    @property
    def aligned(self) -> List[Bead]:
        return [b for b in self.beads if b.en and b.zh and b.quality > 0]


def prepare_en(text: str, known_en: Sequence[str] = ()) -> List[EnSentence]:
    out = []
    known_rx = [re.compile(r"(?<![A-Za-z])" + re.escape(k) + r"(?![A-Za-z])", re.I) for k in known_en]
    for span in split_en(text):
        words, stems, weights, numbers, keys = [], [], [], [], []
        pos = lexicon.en_word_positions(span.text)
        raw = [w for w, _ in pos]
        quoted = [(m.start(), m.end()) for m in _QUOTED_EN.finditer(span.text)]
        for i, w in enumerate(raw):
            n = lexicon.english_number(w)
            if i + 1 < len(raw):
                n = lexicon.scaled_number(w, raw[i + 1]) or n
            if lexicon.is_stop(w) and n is None:
                continue
            words.append(w)
            stems.append(lexicon.stem(w))
            numbers.append(n)
            k = []
            if w[:1].isupper() and w.isalpha():
                low = w.lower()
                k.append(low)
                if i + 1 < len(raw) and raw[i + 1][:1].isupper():
                    k.append(low + raw[i + 1].lower())
                if i and raw[i - 1][:1].isupper():
                    k.append(raw[i - 1].lower() + low)
            keys.append(tuple(k))
            # Small numbers (two, ten) occur everywhere; years and counts like 74 pin a sentence down.
            weight = (NAME_WEIGHT if n > 10 else 0.5) if n is not None else 1.0
            if any(a <= pos[i][1] < b for a, b in quoted):
                weight *= QUOTED_WEIGHT
            weights.append(weight)
        known = frozenset(j for j, rx in enumerate(known_rx) if rx.search(span.text))
        out.append(EnSentence(span, words, stems, weights, numbers, keys, known))
    return out


def document_pinyin(norm: str) -> List[str]:
    """Toneless pinyin of each character of the (normalised) document, '' for non-Chinese."""
    from pypinyin import lazy_pinyin
    py = lazy_pinyin(norm, errors=lambda s: [""] * len(s))
    if len(py) != len(norm):  # never expected; fall back to one call per character
        py = [(lazy_pinyin(ch, errors=lambda s: [""]) or [""])[0] for ch in norm]
    return py


def prepare_zh(text: str, known_zh: Sequence[str] = (), norm: str = None, pinyin: List[str] = None):
    """Sentences of the Chinese document with their matching features; also returns norm and pinyin."""
    if norm is None:
        norm = chinese.normalize_zh(text)
    if pinyin is None:
        pinyin = document_pinyin(norm)
    known_n = [chinese.normalize_zh(k) for k in known_zh]
    with chinese.user_words(known_n):
        tokenized = [(span, chinese.tokenize(span.text, span.start)) for span in split_zh(norm)]
    out = []
    for span, tokens in tokenized:
        s_norm = span.text
        gl = set()
        for t in tokens:
            gl |= token_glosses(t.word)
        nums = frozenset(v for v, _, _ in chinese.numbers_in(s_norm))
        py = pinyin[span.start:span.end]
        grams = set()
        for i in range(len(py)):
            if not py[i]:
                continue
            joined = ""
            for j in range(i, min(i + 4, len(py))):
                if not py[j]:
                    break
                joined += py[j]
                grams.add(joined)
        known = frozenset(j for j, k in enumerate(known_n) if k and k in s_norm)
        orig = Span(span.start, span.end, text[span.start:span.end])
        out.append(ZhSentence(orig, s_norm, tokens, frozenset(gl), nums, frozenset(grams), known))
    return norm, pinyin, out


def token_glosses(word):
    """Glosses of a jieba word and of the dictionary words inside it (北京市委 → 北京, 市委)."""
    if len(word) == 1:
        return lexicon.glosses(word)
    out = set(lexicon.glosses(word))
    for i in range(len(word)):
        for j in range(i + 2, min(len(word), i + lexicon.MAX_WORD) + 1):
            if (i, j) != (0, len(word)):
                out |= lexicon.glosses(word[i:j])
    if not out:
        for ch in word:
            out |= lexicon.glosses(ch)
    return out


def _explain_masks(en: List[EnSentence], zh: List[ZhSentence]) -> List[List[int]]:
    """masks[i][j]: bitmask of the content words of en[i] that zh[j] accounts for.

    Built through inverted indexes (gloss → sentences, pinyin → sentences, number → sentences), so
    the cost grows with the words, not with the number of sentence pairs.
    """
    by_gloss, by_pinyin, by_number = {}, {}, {}
    for j, z in enumerate(zh):
        for g in z.glosses:
            by_gloss.setdefault(g, []).append(j)
        for g in z.pinyin:
            if len(g) >= 4:
                by_pinyin.setdefault(g, []).append(j)
        for v in z.numbers:
            by_number.setdefault(v, []).append(j)
    masks = []
    for e in en:
        row = [0] * len(zh)
        for i, stem in enumerate(e.stems):
            n = e.numbers[i]
            if n is not None:
                hits = set(by_number.get(n, ()))
            else:
                hits = set(by_gloss.get(stem, ()))
                for k in e.keys[i]:
                    hits.update(by_pinyin.get(k, ()))
            bit = 1 << i
            for j in hits:
                row[j] |= bit
        masks.append(row)
    return masks


def _weight_masks(e: EnSentence):
    """Bitmasks of the words by weight class, so a bead's weight is a few popcounts."""
    classes = {}
    for i, w in enumerate(e.weights):
        classes[w] = classes.get(w, 0) | (1 << i)
    return list(classes.items())


def _anchor_values(en, zh):
    """values[i][j]: how strongly the known pairs both sentences contain tie them. A pair written in
    one sentence on each side pins them down; one written in several ("Vice Mayor" 副市长 of two
    officials) says only that the pair is somewhere among them."""
    spread = {}
    for side in (en, zh):
        counts = {}
        for s in side:
            for k in s.known:
                counts[k] = counts.get(k, 0) + 1
        for k, n in counts.items():
            spread[k] = max(spread.get(k, 1), n)
    return [[sum(1.0 / spread[k] for k in e.known & z.known) if e.known and z.known else 0.0 for z in zh]
            for e in en]


_EN_END = re.compile(r"[.!?;:\"”’')\]]\s*$")
_ZH_END = re.compile(r"[。！？；：…”’」』）.!?;:]\s*$")


def align_sentences(en: List[EnSentence], zh: List[ZhSentence], ratio: float = EN_PER_ZH) -> List[Bead]:
    """Monotone alignment by dynamic programming over 1–1, 1–2, 2–1, 1–0 and 0–1 beads."""
    n, m = len(en), len(zh)
    masks = _explain_masks(en, zh)
    wclasses = [_weight_masks(e) for e in en]
    total = [sum(e.weights) for e in en]
    known_hits = _anchor_values(en, zh)
    en_len = [len(e.span.text) for e in en]
    zh_len = [len(z.span.text) for z in zh]
    # A heading (a line with no sentence end) is translated as a heading: it merges with nothing.
    en_head = [not _EN_END.search(e.span.text) for e in en]
    zh_head = [not _ZH_END.search(z.span.text) for z in zh]

    def weight(i, mk):
        return sum(wt * (mk & cls).bit_count() for wt, cls in wclasses[i])

    W = [[weight(i, mk) if mk else 0.0 for mk in row] for i, row in enumerate(masks)]
    log_en = [math.log(x + 20) for x in range(max(en_len, default=0) * 2 + 1)]

    def gain(i0, i1, j0, j1):
        """Score of the bead en[i0:i1] ↔ zh[j0:j1] (both non-empty, at most 2 on a side)."""
        if j1 - j0 == 1:
            w = sum(W[i][j0] for i in range(i0, i1))
        else:
            w = weight(i0, masks[i0][j0] | masks[i0][j0 + 1])
        tot = sum(total[i0:i1])
        k = sum(known_hits[i][j] for i in range(i0, i1) for j in range(j0, j1))
        evidence = w + ANCHOR_WEIGHT * k - CHANCE * tot
        le = sum(en_len[i0:i1])
        lz = sum(zh_len[j0:j1]) * ratio
        d = log_en[le] - math.log(lz + 20)
        # English is often shorter (abridged), rarely much longer: penalise "too long" more.
        pen = LENGTH_WEIGHT * (d * d / (0.5 if d < 0 else 0.25))
        if en_head[i0] != zh_head[j0]:
            pen += HEADING_MISMATCH   # a headline faces a headline, not the lead sentence
        return evidence - pen, w, tot

    NEG = float("-inf")
    best = [[NEG] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    # A band around the diagonal keeps long documents fast; it is wide enough for the drift that
    # dropped paragraphs cause (the whole length difference, plus a margin).
    half = max(25, abs(m - n) + 12, (max(n, m) + 3) // 4)
    for i in range(n + 1):
        centre = i * m / n if n else 0
        lo, hi = max(0, int(centre) - half), min(m, int(centre) + half + 1)
        row, brow = best[i], back[i]
        for j in range(lo, hi + 1):
            cur = row[j]
            if cur == NEG:
                continue
            if j < m and cur - SKIP > row[j + 1]:
                row[j + 1], brow[j + 1] = cur - SKIP, (i, j)
            if i < n:
                if cur - SKIP > best[i + 1][j]:
                    best[i + 1][j], back[i + 1][j] = cur - SKIP, (i, j)
                if j < m:
                    g = cur + gain(i, i + 1, j, j + 1)[0]
                    if g > best[i + 1][j + 1]:
                        best[i + 1][j + 1], back[i + 1][j + 1] = g, (i, j)
                    # A merge must add evidence: merging on length alone is what makes
                    # Gale–Church drift on abridged translations.
                    if i + 1 < n and W[i + 1][j] and not (en_head[i] or en_head[i + 1] or zh_head[j]):
                        g = cur + gain(i, i + 2, j, j + 1)[0] - MERGE
                        if g > best[i + 2][j + 1]:
                            best[i + 2][j + 1], back[i + 2][j + 1] = g, (i, j)
                    if j + 1 < m and masks[i][j + 1] & ~masks[i][j] and not (zh_head[j] or zh_head[j + 1] or en_head[i]):
                        g = cur + gain(i, i + 1, j, j + 2)[0] - MERGE
                        if g > best[i + 1][j + 2]:
                            best[i + 1][j + 2], back[i + 1][j + 2] = g, (i, j)
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        ens, zhs = tuple(range(pi, i)), tuple(range(pj, j))
        if ens and zhs:
            _, w, tot = gain(pi, i, pj, j)
            k = sum(known_hits[a][b] for a in ens for b in zhs)
            q = _quality(w + ANCHOR_WEIGHT * k, tot)
            beads.append(Bead(ens, zhs, q, w))
        else:
            beads.append(Bead(ens, zhs, 0.0))
        i, j = pi, pj
    beads.reverse()
    # what a pair of sentences is worth to the repairs below: explained words and known pairs
    V = [[W[i][j] + ANCHOR_WEIGHT * known_hits[i][j] for j in range(m)] for i in range(n)]
    beads = _relink(beads, V, total)
    _swap(beads, V, total)
    return _absorb_english(_absorb(beads, masks, weight, total), masks, weight, total, en_head)


ABSORB_GAIN = 1.5   # explained weight (about two content words) a third sentence must add to join


def _absorb(beads, masks, weight, total):
    """Join to a one-English-sentence bead a neighbouring Chinese sentence left unaligned when it
    explains more of that English: the translation merged three sentences into one, which the
    beads (at most two on a side) cannot say. The English sentence's original is then whole."""
    for n, b in enumerate(beads):
        if b.en or len(b.zh) != 1:
            continue
        j = b.zh[0]
        best = None
        for m in (n - 1, n + 1):
            if not 0 <= m < len(beads):
                continue
            host = beads[m]
            if len(host.en) != 1 or not host.zh:
                continue
            i = host.en[0]
            have = 0
            for k in host.zh:
                have |= masks[i][k]
            gain = weight(i, have | masks[i][j]) - weight(i, have)
            if gain >= ABSORB_GAIN and (best is None or gain > best[0]):
                best = (gain, host, i, have | masks[i][j])
        if best:
            _, host, i, mask = best
            host.zh = tuple(sorted(host.zh + (j,)))
            host.explained = weight(i, mask)
            host.quality = _quality(host.explained, total[i])
            b.zh = ()
    return [b for b in beads if b.en or b.zh]


ABSORB_SHARE = 0.3   # ... and the share of its own words the Chinese must explain


def _absorb_english(beads, masks, weight, total, en_head):
    """Join an English sentence left unaligned to the bead of the English sentence before or after
    it, when that bead's one Chinese sentence explains it: the translation split the Chinese
    sentence in two ("The regulations were first introduced in 2020. Since then, the awareness
    rate …" for 自2020年条例实施以来，全市居民垃圾分类知晓率达98%…) and, with sentences moved
    around it, the alignment kept one half and left the other facing nothing. A headline joins
    nothing, nor takes a sentence in: it is translated as a headline."""
    where = {i: b for b in beads for i in b.en}
    for b in beads:
        if len(b.en) != 1 or b.zh or en_head[b.en[0]]:
            continue
        i = b.en[0]
        best = None
        for host in (where.get(i - 1), where.get(i + 1)):
            if host is None or len(host.en) != 1 or len(host.zh) != 1 or en_head[host.en[0]]:
                continue
            gain = weight(i, masks[i][host.zh[0]])
            if gain >= ABSORB_GAIN and gain >= ABSORB_SHARE * total[i] and (best is None or gain > best[0]):
                best = (gain, host)
        if best:
            gain, host = best
            host.en = tuple(sorted(host.en + (i,)))
            host.explained += gain
            host.quality = _quality(host.explained, sum(total[e] for e in host.en))
            b.en = ()
            where[i] = host
    return [b for b in beads if b.en or b.zh]


def _quality(w, tot):
    share = w / tot if tot else 0.0
    return max(0.0, min(1.0, (share - FLOOR) / SPAN))


RELINK_MARGIN = 1.0
SETTLED_MARGIN, SETTLED_RATIO = 2.0, 1.5


def _relink(beads, V, total):
    """Repair what a monotone alignment cannot express: a sentence moved elsewhere in the translation.

    An English sentence that the DP left alone, paired with nothing it explains, or merged into a
    neighbour's bead is linked to a
    Chinese sentence that explains it clearly better: one left unaligned, or one that a 1–2 (1–3)
    bead took on its way (the bead's own English is still well explained by its other sentences, and
    explained by this one clearly less than the moved sentence is). The new bead keeps its place in
    Chinese order, so after this the English indexes need not be increasing.
    """
    def takeable():
        out = {}
        for b in beads:
            if not b.en and len(b.zh) == 1:
                out[b.zh[0]] = (b, 0.0)
            elif len(b.en) == 1 and len(b.zh) >= 2:
                holder = b.en[0]
                for j in b.zh:
                    rest = sum(V[holder][x] for x in b.zh if x != j)
                    if _quality(rest, total[holder]) >= 0.5:
                        out[j] = (b, V[holder][j])
        return out

    for b in list(beads):
        if len(b.en) not in (1, 2):
            continue
        # a sentence paired with what explains it (quality above 0) moves only for a much better original
        settled = len(b.en) == 1 and b.zh and b.quality > 0
        free = takeable()
        for i in b.en:
            own = sum(V[i][j] for j in b.zh)
            best, best_u = 0.0, None
            for u, (_, held) in free.items():
                v = V[i][u]
                if v > best and v >= held + RELINK_MARGIN:
                    best, best_u = v, u
            if best_u is None or best < own + RELINK_MARGIN or _quality(best, total[i]) < 0.5:
                continue
            if settled and (best < own + SETTLED_MARGIN or best < SETTLED_RATIO * own):
                continue
            source, _ = free.pop(best_u)
            if source.en:   # split the 1–n bead: its English keeps the other sentences
                holder = source.en[0]
                source.zh = tuple(j for j in source.zh if j != best_u)
                source.explained = sum(V[holder][j] for j in source.zh)
                source.quality = _quality(source.explained, total[holder])
                target = Bead((i,), (best_u,), _quality(best, total[i]), best)
                at = beads.index(source)
                beads.insert(at if best_u < source.zh[0] else at + 1, target)
            else:
                source.en, source.quality, source.explained = (i,), _quality(best, total[i]), best
            b.en = tuple(x for x in b.en if x != i)
            if b.en and b.zh:
                rest = b.en[0]
                w = sum(V[rest][j] for j in b.zh)
                b.quality, b.explained = _quality(w, total[rest]), w
            elif not b.zh:
                beads.remove(b)
            else:
                b.quality, b.explained = 0.0, 0.0
            break
    return beads


SWAP_REACH = 30


def _swap(beads, V, total):
    """Two sentences the translation exchanged ("Vice Mayor Zhou Lihua and He Li … attended" moved
    up, "The delegation also included Ana Torres, Deputy Mayor …" moved down) sit in each other's
    beads, held there by a word both share (副市长): exchange their English when each explains the
    other's Chinese clearly better."""
    ones = [b for b in beads if len(b.en) == 1 and len(b.zh) == 1]
    for x, b1 in enumerate(ones):
        for b2 in ones[x + 1:x + 1 + SWAP_REACH]:
            (i1,), (j1,), (i2,), (j2,) = b1.en, b1.zh, b2.en, b2.zh
            now, crossed = V[i1][j1] + V[i2][j2], V[i1][j2] + V[i2][j1]
            if crossed >= now + 2 * RELINK_MARGIN and _quality(V[i1][j2], total[i1]) >= 0.5 \
                    and _quality(V[i2][j1], total[i2]) >= 0.5:
                b1.en, b2.en = (i2,), (i1,)
                for b, i, j in ((b1, i2, j1), (b2, i1, j2)):
                    b.explained = V[i][j]
                    b.quality = _quality(b.explained, total[i])
                break


def alignment_score(beads: List[Bead], n_en: int, n_zh: int) -> float:
    """How much of the two texts the alignment accounts for, weighted by bead quality.

    English coverage counts most: the English is the abridged side, so a good translation covers
    nearly all of it while leaving part of the Chinese unmatched.
    """
    if not n_en or not n_zh:
        return 0.0
    en_cov = sum(b.quality * len(b.en) for b in beads if b.en and b.zh) / n_en
    zh_cov = sum(b.quality * len(b.zh) for b in beads if b.en and b.zh) / n_zh
    return round(min(1.0, 0.75 * en_cov + 0.25 * zh_cov), 3)


def align(en_text: str, zh_text: str, known: Optional[Mapping[str, str]] = None) -> Alignment:
    """Align an English text with its Chinese original; ``known`` pairs act as strong anchors."""
    known = dict(known or {})
    en = prepare_en(en_text, list(known.keys()))
    norm, py, zh = prepare_zh(zh_text, list(known.values()))
    beads = align_sentences(en, zh)
    return Alignment(beads, en, zh, alignment_score(beads, len(en), len(zh)), norm, py)

"""Terms an aligned original confirms by their form rather than word for word: a quoted slogan that
lists as many items as the quoted Chinese one ("drink, store and replenish" “喝、存、补”), an
anniversary by its number ("45th anniversary of China-Portugal diplomatic ties" 中葡建交45周年), a
numbered session by its number ("18th session" 第十八次会议).

The dictionary cannot explain such terms (a slogan's items are free renderings; 中葡 and 建交 say
"China-Portugal diplomatic ties" only loosely), but their shape can: the same count of items inside
quotation marks on both sides, the same number before 周年 and "anniversary". What the shape cannot
settle, a suggestion leaves to the translator: these pairs are never confident.
"""
import re
from typing import Iterable, List, Tuple

from . import lexicon
from .chinese import chinese_number
from .parallel_terms import Found, _rejoined, aligned_beads

CONFIDENCE = 0.7   # a suggestion: the shape confirms the pair, no word of it is explained


def _zh_matches(al, bead, rx):
    """(sentence, match) of ``rx`` in the bead's Chinese sentences."""
    for k in bead.zh:
        z = al.zh[k].span
        for m in rx.finditer(al.zh_norm, z.start, z.end):
            yield k, m

# A quoted slogan: the marks on both sides, 2 items or more. Quotes of more than 40 words are speech.
_ZH_QUOTED = re.compile(r"[“「]([^”」\n]{3,60})[”」]")
_EN_QUOTED = re.compile(r"[\"“]([^\"”\n]{3,400}?)[\"”]")
_ZH_ITEM_SEP = re.compile(r"[、，,]")
MAX_SLOGAN_WORDS = 40
_SENTENCE_END = re.compile("[。！？]")
_PRONOUNS = frozenset("i me my we us our you your he she his her they their".split())   # someone speaking


def _en_item_counts(text: str) -> Tuple[int, ...]:
    """How many items an English list may have: one per comma-separated part, and one more where the
    last part joins two with "and" ("drink, store and replenish" is three; "co-built and shared"
    may be one item, 共建共享, or two)."""
    parts = [p.strip() for p in text.split(",")]
    if any(not p for p in parts):
        return ()
    last = parts[-1]
    counts = [len(parts)] if len(parts) > 1 else []
    if not last.startswith("and ") and " and " in f" {last} ":
        counts.append(len(parts) + 1)
    return tuple(counts)


def find_quoted_lists(al, taken_en: Iterable[Tuple[int, int]]) -> List[Found]:
    """Quoted slogans that list their items: the Chinese one in “…” with items apart by 、, the
    English one in quotes in an aligned sentence with the same number of items, the only such pair
    of the bead. Short ones the matcher pairs already; long ones ("primary care first, two-way
    referrals, …") no rule takes as a term. ``taken_en``: spans already terms, left alone."""
    taken_en = set(taken_en)
    found = []
    for bead in aligned_beads(al):
        chinese = []
        for k, m in _zh_matches(al, bead, _ZH_QUOTED):
            items = [x for x in _ZH_ITEM_SEP.split(m.group(1)) if x]
            if len(items) >= 2 and not _SENTENCE_END.search(m.group(1)):   # (a remark quoted whole)
                chinese.append((len(items), m.group(1), m.start(1), k))
        if not chinese:
            continue
        english = []
        for i in bead.en:
            span = al.en[i].span
            for m in _EN_QUOTED.finditer(span.text):
                # (a full stop inside the marks is American punctuation, not the end of a remark:
                # the Chinese list of as many items says what the quote is)
                text, start = m.group(1).rstrip(" ,."), span.start + m.start(1)
                if len(text.split()) > MAX_SLOGAN_WORDS or text[-1:] in "!?" or (start, start + len(text)) in taken_en \
                        or {w.lower() for w in re.findall(r"[A-Za-z]+", text)} & _PRONOUNS:
                    continue
                counts = _en_item_counts(text)
                if counts:
                    english.append((counts, text, start, i))
        for n, zh, zs, k in chinese:
            mine = [e for e in english if n in e[0]]
            theirs = [c for c in chinese if c[0] in (mine[0][0] if mine else ())]
            if len(mine) == 1 and len(theirs) == 1:
                _, text, start, i = mine[0]
                found.append(Found(text, start, start + len(text), zh, zs, i, k, CONFIDENCE))
    return found


# "the 45th anniversary of China-Portugal diplomatic ties", "130th anniversary of the birth of Mei
# Lanfang": the name runs to punctuation or a word that starts the rest of the clause.
_ANNIVERSARY_EN = re.compile(r"\b([1-9][0-9]{0,2})(?:st|nd|rd|th) anniversary of ")
_CLAUSE_WORDS = frozenset("""was is are were will would as with this that which who in on at by for to through
from during while when where has have had be been being marks marked marking""".split())
MAX_ANNIVERSARY_WORDS = 10
_ANNIVERSARY_ZH = re.compile(r"([0-9]+|[一二三四五六七八九十百零〇两]+)周年")
# What stands before the name of an anniversary in Chinese news: the verb that marks it, a time.
_BEFORE_ANNIVERSARY = frozenset("""是 为 迎来 庆祝 纪念 在 于 值 值此 正值 适逢 恰逢 今年 明年 去年 的 举行 举办 开展
迎接 暨 以 借 围绕 今天 是年 系 之际 到 至 逢 喜迎""".split())
_PARTNERS = frozenset("与和同及")   # 北京与阿拉木图缔结友好城市关系: two names joined are one owner
_BREAKS = set("，。！？；：、“”《》（）()\n ")


def _english_owner(text: str, at: int) -> str:
    """The words after "anniversary of" that name what is commemorated."""
    words = []
    for m in re.finditer(r"[^\s,.;:()\"“”]+|[,.;:()\"“”]", text[at:]):
        w = m.group()
        if not w[0].isalnum() and w not in ("-",):
            break
        low = w.lower()
        if low in _CLAUSE_WORDS:
            break
        if low == "and" and not (text[at + m.end():].lstrip()[:1].isupper()):
            break   # "China and Hungary" goes on; "and the city will …" does not
        words.append(w)
        if len(words) > MAX_ANNIVERSARY_WORDS:
            return ""
    while words and words[-1].lower() in ("and", "of", "the"):
        words.pop()
    return " ".join(words)


_NAME_FLAGS = ("ns", "nr", "nt", "nz", "j")
# The verbs an anniversary is of (建交 "establishment of diplomatic ties", 诞辰 is a noun); others
# (希望 "hope") are the clause before it.
_EVENTS = frozenset("""建交 成立 建党 建国 创立 创建 建院 建校 开通 通车 通水 开馆 设立 落成 建成 签署 缔结 结好 结为 发表
逝世 胜利 解放 召开 实施 举办 创办 开业 开园 开放 回归 恢复""".split())


def _chinese_owner(al, k, end) -> int:
    """Where the name of the anniversary that ends at ``end`` (just before its number) starts: after
    the punctuation, verb of marking or time word before it."""
    tokens = [t for t in _rejoined(al.zh[k].tokens) if t.end <= end]   # (以|中新建交, not 以中)
    start = end
    for n in range(len(tokens) - 1, -1, -1):
        t = tokens[n]
        joined = t.word in _PARTNERS and n and tokens[n - 1].flag in _NAME_FLAGS and start < end
        if not joined and (t.word in _BEFORE_ANNIVERSARY or set(t.word) & _BREAKS
                           or t.flag in ("t", "x", "p", "uj", "c", "r", "d") or t.flag == "v" and t.word not in _EVENTS):
            break
        start = t.start
    return start


def find_anniversaries(al) -> List[Found]:
    """An anniversary and its Chinese by the number: "Nth anniversary of X" and X…N周年 in the aligned
    original, the only such number of the bead."""
    found, seen = [], set()
    for bead in aligned_beads(al):
        chinese = []
        for k, m in _zh_matches(al, bead, _ANNIVERSARY_ZH):
            n = int(m.group(1)) if m.group(1).isdigit() else chinese_number(m.group(1))
            start = _chinese_owner(al, k, m.start())
            if n and m.start() - start >= 2:
                chinese.append((n, al.zh_norm[start:m.end()], start, k))
        for i in bead.en:
            span = al.en[i].span
            for m in _ANNIVERSARY_EN.finditer(span.text):
                owner = _english_owner(span.text, m.end())
                hits = [c for c in chinese if c[0] == int(m.group(1))]
                if not owner or len({c[1] for c in hits}) != 1:
                    continue
                text = span.text[m.start():m.end()] + owner
                start = span.start + m.start()
                if text.lower() in seen:
                    continue
                seen.add(text.lower())
                _, zh, zs, k = hits[0]
                found.append(Found(text, start, start + len(text), zh, zs, i, k, CONFIDENCE))
    return found


_ORDINAL_EN = r"\d{1,3}(?:st|nd|rd|th)|" + "|".join(
    w for w in ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split())
_SESSION_EN = re.compile(r"(?<![\w-])(?i:(" + _ORDINAL_EN + r")) ((?i:plenary) )?(?i:session|meeting)(?![\w-])")
_SESSION_ZH = re.compile(r"第([0-9一二三四五六七八九十百零〇两]+)次(全体会议|会议)")


def find_sessions(al) -> List[Found]:
    """A numbered session or meeting and its Chinese, by the number: "18th session" 第十八次会议,
    "Fourth Plenary Session" 第四次全体会议 (plenary only where the Chinese says 全体). The longer
    name of the body that holds it may be a term too; this one is what recurs."""
    found, seen = [], set()
    for bead in aligned_beads(al):
        chinese = []
        for k, m in _zh_matches(al, bead, _SESSION_ZH):
            n = int(m.group(1)) if m.group(1).isdigit() else chinese_number(m.group(1))
            chinese.append((n, m.group(2) == "全体会议", m.start(), m.group(), k))
        for i in bead.en:
            span = al.en[i].span
            for m in _SESSION_EN.finditer(span.text):
                n = lexicon.english_number(m.group(1).lower())
                hits = [c for c in chinese if c[0] == n and c[1] == bool(m.group(2))]
                if n is None or len({c[3] for c in hits}) != 1 or m.group().lower() in seen:
                    continue
                seen.add(m.group().lower())
                _, _, zs, zh, k = hits[0]
                found.append(Found(m.group(), span.start + m.start(), span.start + m.end(), zh, zs, i, k))
    return found

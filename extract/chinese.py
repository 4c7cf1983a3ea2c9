"""Chinese side of bilingual matching: a matching form of the text and the spans that could be terms.

Everything here keeps offsets: the matching form has exactly the length of the original, character
for character, so a span found in it is also the span in the document the translator opened (which
may be Traditional, or use full-width digits). Heavy imports (jieba, OpenCC) happen on first use.
"""
import bisect
import logging
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterable, List, Sequence, Tuple

from glossary.normalize import to_simplified

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Characters NFKC must not touch: folding Chinese punctuation to ASCII would change how the
# sentence splitter and the quote/title patterns see the text.
_KEEP = set("，。！？；：、“”‘’《》〈〉「」『』（）【】—…·")


def _fold_char(ch):
    """One character's matching form, or itself when folding would change the length."""
    if ch in _KEEP or ch.isascii():
        return ch
    if ch == "\u3000":
        return " "
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def normalize_zh(text: str) -> str:
    """Matching form of Chinese text: half-width ASCII, Simplified, same length as the input.

    Length is the contract: offsets into the result are offsets into ``text``. OpenCC converts by
    phrase (so 乾隆 stays 乾隆 while 乾燥 becomes 干燥); when a phrase would change length, the
    affected stretch is converted character by character instead.

    >>> normalize_zh("ＡＰＥＣ會議於２０１４年舉行")
    'APEC会议于2014年举行'
    """
    if not text:
        return text
    folded = "".join(_fold_char(ch) for ch in text)
    if not _CJK.search(folded):
        return folded
    out = to_simplified(folded)
    if len(out) == len(folded):
        return out
    return "".join(c if len(c := to_simplified(ch)) == 1 else ch for ch in folded)


_HAN_WORD = re.compile(r"[\u3400-\u9fff]+")


def is_han_word(text: str) -> bool:
    """Whether every character is a Han character: a word of the text, not a number or a mark."""
    return _HAN_WORD.fullmatch(text) is not None


def has_chinese(text: str) -> bool:
    return _CJK.search(text) is not None


def looks_traditional(text: str) -> bool:
    """True when converting to Simplified changes a noticeable share of the Chinese characters."""
    han = _CJK.findall(text)
    if not han:
        return False
    changed = sum(1 for a, b in zip(text, normalize_zh(text)) if a != b and _CJK.match(a))
    return changed >= max(2, len(han) // 50)


@dataclass(frozen=True)
class Token:
    word: str
    flag: str
    start: int
    end: int


@dataclass(frozen=True)
class Candidate:
    text: str
    start: int
    end: int
    kind: str  # name | place | org | proper | quoted | title | formula | orgname | known


_tokenizer = None
_MISSING = object()


def _posseg():
    """A private jieba tokenizer, so our user words never change other modules' segmentation."""
    global _tokenizer
    if _tokenizer is None:
        import jieba
        import jieba.posseg
        jieba.setLogLevel(logging.WARNING)
        _tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    return _tokenizer


@contextmanager
def user_words(words: Iterable[str]):
    """Term-base forms as single tokens while one document is read, so candidates and alignment
    anchors see them whole; gone again afterwards, so that what one article's term base adds never
    changes how the next article is segmented (a run's results do not depend on its order)."""
    seg = _posseg()
    tok = seg.tokenizer
    tok.check_initialized()
    seg.makesure_userdict_loaded()
    total, freq, tags = tok.total, {}, {}
    for w in words:
        w = normalize_zh(w).strip()
        if len(w) < 2 or w in tags:
            continue
        for i in range(1, len(w) + 1):
            freq.setdefault(w[:i], tok.FREQ.get(w[:i], _MISSING))
        tags[w] = seg.word_tag_tab.get(w, _MISSING)
        tok.add_word(w, None, "nz")
    try:
        yield
    finally:
        for k, v in freq.items():
            if v is _MISSING:
                tok.FREQ.pop(k, None)
            else:
                tok.FREQ[k] = v
        tok.total = total
        seg.makesure_userdict_loaded()
        for k, v in tags.items():
            if v is _MISSING:
                seg.word_tag_tab.pop(k, None)
            else:
                seg.word_tag_tab[k] = v


def tokenize(text: str, offset: int = 0) -> List[Token]:
    """jieba words with part of speech and offsets (``text`` should already be normalised)."""
    out, pos = [], 0
    for pair in _posseg().cut(text, HMM=True):
        w = pair.word
        out.append(Token(w, pair.flag, offset + pos, offset + pos + len(w)))
        pos += len(w)
    return out


NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万亿"
_NUM = f"[{NUMERAL_CHARS}0-9]"
# Measure words and short heads that follow the numeral of a political formula.
_MEASURE = ("个", "项", "条", "大", "点", "类", "种", "批", "件", "位", "支", "张", "座", "片", "方面", "次", "届",
            "轮", "年", "化", "心", "轴", "核", "带", "廊", "城", "区", "园", "中心", "板块", "环", "圈", "链",
            "线", "网", "策", "措施", "行动", "工程", "任务", "举措", "体系", "机制", "原则", "要点")
_FORMULA = re.compile(
    rf"{_NUM}+(?:{'|'.join(sorted(_MEASURE, key=len, reverse=True))})"
    r"[\u4e00-\u9fff]{0,6}?(?=[，。！？；、”》）\s的和与及是了在为将对]|$)")
# “一核两轴多板块”: several numeral + short head groups in a row.
_SERIES = re.compile(rf"(?:(?:{_NUM}|多)+[^\W\d{NUMERAL_CHARS}多的和与及是了在为将对]{{1,2}}){{2,}}")
_QUOTED = re.compile(r"[“\"「『]([^”\"」』\n]{1,30})[”\"」』]")
_TITLE = re.compile(r"《([^》\n]{1,40})》")
ORG_SUFFIXES = ("委员会", "领导小组", "工作组", "办公室", "指挥部", "党委", "政府", "区", "局", "部", "委", "中心",
                "论坛", "大会", "会", "院", "园", "厅", "署", "所", "馆")
_ORG = re.compile("|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)))
# Words an organisation name never extends leftwards across: predicates and function words that
# sit just before a name in news prose (主持召开 X 会议, 在 X 举行).
_ORG_STOP = set("的 了 在 和 与 及 并 是 由 对 将 为 等 于 从 向 把 被 同 就 也 都 又 还 要 以 而 或".split()) | {
    "召开", "主持", "出席", "举行", "会见", "参加", "主办", "承办", "开幕", "闭幕", "会议", "表示", "指出", "强调",
    "介绍", "听取", "审议", "通过", "研究", "部署", "宣布", "发布", "成立", "来到", "考察", "调研", "看望", "会上",
    "期间", "以来", "今天", "昨天", "日前", "近日", "上午", "下午", "晚上", "书记", "市长", "主任", "副", "委员",
    "同志", "代表", "记者"}
_NAME_FLAGS = {"nr": "name", "nrfg": "name", "nrt": "name", "ns": "place", "nt": "org", "nz": "proper"}
_NOUNISH = ("n", "v", "a", "j", "l", "i", "b", "f", "s", "m", "q", "eng")
MAX_ORG_CHARS = 28


def candidates(text: str, tokens: Sequence[Token] = None, offset: int = 0,
               known: Iterable[str] = ()) -> List[Candidate]:
    """Spans of ``text`` (normalised) that could be a term, each with the reason it was proposed.

    Organisation names get one candidate per possible left edge: where a name starts is decided
    later by the English evidence, not by the segmenter, which cuts names like
    北京推进国际交往中心功能建设领导小组 into ordinary words.
    """
    if tokens is None:
        tokens = tokenize(text, offset)
    out = []
    seen = set()

    def add(s, e, kind):
        key = (s, e)
        if e > s and key not in seen:
            seen.add(key)
            out.append(Candidate(text[s - offset:e - offset], s, e, kind))

    for t in tokens:
        kind = _NAME_FLAGS.get(t.flag)
        if kind and len(t.word) >= 2:
            add(t.start, t.end, kind)
    for s, e in _dotted_names(tokens):
        add(s, e, "name")
    for m in _QUOTED.finditer(text):
        add(offset + m.start(1), offset + m.end(1), "quoted")
    for m in _TITLE.finditer(text):
        add(offset + m.start(1), offset + m.end(1), "title")
    for rx in (_SERIES, _FORMULA):
        for m in rx.finditer(text):
            if len(m.group()) >= 3:
                add(offset + m.start(), offset + m.end(), "formula")
    for k in known:
        k = normalize_zh(k)
        for m in re.finditer(re.escape(k), text) if k else ():
            add(offset + m.start(), offset + m.end(), "known")
    starts = [t.start for t in tokens]
    ends = {t.end: t for t in tokens}
    for m in _ORG.finditer(text):
        end = offset + m.end()
        if len(m.group()) == 1:
            # 区 in 石景山区 or 局 alone is a suffix; 局 in 格局 or 部 in 全部 is not.
            tok = ends.get(end)
            if tok is None or len(tok.word) == 2 and tok.flag not in _NAME_FLAGS:
                continue
        for left in _org_left_edges(tokens, starts, offset + m.start(), end):
            add(left, end, "orgname")
    return out


# Characters of Chinese transliterations of foreign names (Xinhua usage), rare in ordinary words
# in the combinations they form there.
TRANSLIT_CHARS = frozenset("阿埃艾爱安奥澳巴拜班邦贝本比彼毕宾波伯博布达戴丹道德迪蒂丁杜顿多厄恩法凡菲费芬丰夫"
                           "佛弗福富盖甘冈戈哥格根贡古哈海汉豪赫亨洪胡华霍基吉加贾杰捷金卡凯坎康科克肯库夸奎"
                           "拉莱赖兰朗劳勒雷蕾里莉利丽连林琳留卢鲁路伦罗洛玛马迈麦曼梅门蒙米密明莫姆穆纳娜"
                           "内尼妮努诺欧帕潘佩彭皮珀普奇齐恰乔切钦琼萨塞桑瑟森沙莎尚舍什施斯松苏索塔泰坦汤"
                           "特提图托瓦万威韦维温文沃乌西希谢辛休雅亚扬耶伊因尤约泽扎詹兹佐尔茨朔翰英琪黛丝娅茜宁夏让保钱")


def _dotted_names(tokens):
    """A foreign name written with the middle dot, 安娜·席尔瓦: the segmenter cuts it into the
    words around each dot; the name is the words joined by dots."""
    out, i = [], 0
    while i < len(tokens) - 2:
        if tokens[i + 1].word == "·" and _CJK.match(tokens[i].word) and _CJK.match(tokens[i + 2].word):
            j, first = i + 2, i
            # ... and the first syllables (马蒂亚|斯·霍夫曼; 安德烈亚|斯·施密特, a name to jieba)
            while first > 0 and len(tokens[first - 1].word) <= 4 and tokens[first - 1].end == tokens[first].start \
                    and (all(ch in TRANSLIT_CHARS for ch in tokens[first - 1].word)
                         or tokens[first - 1].flag in ("nrt", "nrf")) \
                    and tokens[i].end - tokens[first - 1].start <= 8:
                first -= 1
            # further parts joined by a dot or, in double surnames, a hyphen (马丁内斯-阿尔梅达)
            while j + 2 < len(tokens) and tokens[j + 1].word in ("·", "-", "－") and _CJK.match(tokens[j + 2].word):
                j += 2
            # the segmenter may leave the last syllables apart (阿尔梅|达, 哈尔|沃森)
            while j + 1 < len(tokens) and len(tokens[j + 1].word) <= 3 and \
                    all(ch in TRANSLIT_CHARS for ch in tokens[j + 1].word) and tokens[j + 1].end - tokens[i].start <= 16:
                j += 1
            out.append((tokens[first].start, tokens[j].end))
            i = j + 1
        else:
            i += 1
    return out


def _org_left_edges(tokens, starts, suffix_start, end):
    """Token starts to the left of an organisation suffix, nearest first, up to a stop word."""
    edges = [suffix_start] if end - suffix_start >= 2 else []
    i = bisect.bisect_right(starts, suffix_start) - 1
    if i >= 0 and tokens[i].start < suffix_start:
        # The suffix sits inside a token (石景山区, 小组会议): the token's own start is an edge.
        if tokens[i].word not in _ORG_STOP:
            edges.append(tokens[i].start)
        i -= 1
    elif i >= 0:
        i -= 1  # the suffix starts its own token: extension begins with the token before it
    while i >= 0:
        t = tokens[i]
        word_like = _CJK.match(t.word[0]) or t.word.isdigit()
        if t.word in _ORG_STOP or not t.flag.startswith(_NOUNISH) or not word_like \
                or end - t.start > MAX_ORG_CHARS:
            break
        edges.append(t.start)
        i -= 1
    return edges


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_NUMBER_RUN = re.compile(rf"[0-9]+(?:\.[0-9]+)?(?:万|亿)?|[{NUMERAL_CHARS}]+")
_MYRIADS = {"万": 10_000, "亿": 100_000_000}   # 6.5万 is 65,000 as the English writes it


def chinese_number(s: str):
    """Integer value of a Chinese numeral (十四, 一百零五, 二〇二一, 两), or None.

    >>> [chinese_number(x) for x in ("十四", "二〇二一", "一百零五", "两万三千")]
    [14, 2021, 105, 23000]
    """
    if not s or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in s):
        return None
    if all(ch in _CN_DIGITS for ch in s):
        return int("".join(str(_CN_DIGITS[ch]) for ch in s)) if len(s) > 1 else _CN_DIGITS[s]
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in "零〇":
            digit = None  # 一百零五: a place holder, not a digit
        elif ch in _CN_DIGITS:
            if digit is not None:
                return None  # 十四五 is a name made of two numbers, not one number
            digit = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            if unit >= 10_000:
                section = (section + (digit or 0)) * unit
                total, section = total + section, 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
    return total + section + (digit or 0)


def numbers_in(text: str) -> List[Tuple[int, int, int]]:
    """(value, start, end) of every number written in digits or Chinese numerals."""
    out = []
    for m in _NUMBER_RUN.finditer(text):
        s = m.group()
        if s[0].isdigit():
            scale = _MYRIADS.get(s[-1], 1)
            try:
                out.append((int(round(float(s.rstrip("万亿")) * scale)), m.start(), m.end()))
            except ValueError:
                continue
            continue
        v = chinese_number(s)
        if v is not None:
            out.append((v, m.start(), m.end()))
        elif any(ch in _CN_UNITS for ch in s):
            # 十四五 (the 14th Five-Year Plan) is 十四 + 五: offer the parts.
            for cut in range(len(s) - 1, 0, -1):
                a, b = chinese_number(s[:cut]), chinese_number(s[cut:])
                if a is not None and b is not None:
                    out.append((a, m.start(), m.start() + cut))
                    out.append((b, m.start() + cut, m.end()))
                    break
    return out

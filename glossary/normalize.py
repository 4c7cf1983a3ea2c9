"""Normalised keys: how two spellings of the same term are recognised as one.

Kept free of heavy imports (no jieba, no pypinyin) because lookup computes these keys for every
query and must start fast.
"""
import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": "-", "\u00a0": " ", "\u3000": " "})
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)
# British spellings folded to the American ones official English mostly uses, so that "centre" and
# "center" land on one key (the surface form is kept as written).
_SPELLING = {"centre": "center", "centres": "centers", "programme": "program", "programmes": "programs",
             "organisation": "organization", "organisations": "organizations", "defence": "defense",
             "neighbourhood": "neighborhood", "labour": "labor", "honour": "honor", "theatre": "theater",
             "modernisation": "modernization", "harbour": "harbor", "favour": "favor"}
_ZH_DROP = re.compile(r"[\s\u3000、，,。．.·•・“”\"‘’'《》〈〉<>「」『』（）()：:；;！!？?—–\-]")


def clean_en(text: str) -> str:
    """Surface clean-up that keeps case: NFKC, plain quotes, single spaces, no outer quotes."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip("\"'").strip().rstrip(".,;:").strip()


@lru_cache(maxsize=65536)
def en_key(text: str) -> str:
    """The lookup key of an English term: case-folded, no leading determiner, folded spelling.

    >>> en_key("the Centre for International Exchanges")
    'center for international exchanges'
    >>> en_key("Beijing’s Role")
    "beijing's role"
    """
    text = _DETERMINER.sub("", clean_en(text)).casefold()
    return " ".join(_SPELLING.get(w, w) for w in text.split())


@lru_cache(maxsize=65536)
def zh_key(text: str) -> str:
    """The key of a Chinese term: NFKC, no spaces or punctuation (quotes, 、, 《》 are not part of identity).

    >>> zh_key("“十四五”规划")
    '十四五规划'
    """
    return _ZH_DROP.sub("", unicodedata.normalize("NFKC", text))


_TONE_DIGIT = re.compile(r"([a-zü]+)([1-5])")
_MARKS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_VOWELS = "aeiouü"


def strip_tones(pinyin: str) -> str:
    """Plain letters, keeping ü as v the way input methods type it.

    >>> strip_tones("Lǜ liǎng3")
    'Lv liang'
    """
    out = []
    for ch in unicodedata.normalize("NFD", pinyin):
        if ch in _MARKS:
            continue
        if ch == "\u0308":
            out[-1] = "v" if out and out[-1] in "uU" else out[-1]
            continue
        out.append(ch)
    return re.sub(r"(?<=[a-zA-Z])[1-5]", "", "".join(out))


def pinyin_key(pinyin: str) -> str:
    """Toneless, spaceless, lower-case pinyin: what someone types without tones.

    >>> pinyin_key("liǎng gè quèlì")
    'lianggequeli'
    >>> pinyin_key("Cháng'ān Jiē")
    'changanjie'
    """
    return re.sub(r"[^a-z]", "", strip_tones(pinyin).lower())


def pinyin_syllables(pinyin: str):
    """Toneless syllables of a pinyin string written with spaces, hyphens or apostrophes between words.

    Splits joined words into syllables greedily, which is exact for GB/T 16159 output because it
    writes an apostrophe wherever a syllable boundary would be ambiguous.

    >>> pinyin_syllables("Zhōngguāncūn Lùntán")
    ['zhong', 'guan', 'cun', 'lun', 'tan']
    """
    out = []
    for word in re.split(r"[\s\-']+", strip_tones(pinyin).lower()):
        word = re.sub(r"[^a-z]", "", word)
        while word:
            syl = _longest_syllable(word)
            out.append(syl)
            word = word[len(syl):]
    return out


def pinyin_initials(pinyin: str) -> str:
    """First letters of the syllables, as typed in an input method's abbreviated mode.

    >>> pinyin_initials("liǎng gè quèlì")
    'lgql'
    """
    return "".join(s[0] for s in pinyin_syllables(pinyin))


_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
             "z", "c", "s", "y", "w", "")
_FINALS = ("iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "uan", "ian", "iao", "uai", "van",
           "ai", "ei", "ao", "ou", "an", "en", "er", "in", "un", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "ve",
           "vn", "a", "o", "e", "i", "u", "v")
_SYLLABLES = {i + f for i in _INITIALS for f in _FINALS}


def _longest_syllable(word):
    for n in range(min(6, len(word)), 0, -1):
        head = word[:n]
        if head in _SYLLABLES:
            rest = word[n:]
            # Prefer a cut that leaves a valid continuation: "xian" vs "xi'an" is resolved by the
            # apostrophe upstream, but "zhongguancun" must not become "zhongg"+...
            if not rest or rest[0] not in _VOWELS or n == 1:
                return head
    return word[:1]


def restyle_pinyin(pinyin: str, style: str) -> str:
    """Convert tone-mark pinyin to another style: "marks" (as is), "numbers" (liang3 ge4), "plain".

    >>> restyle_pinyin("liǎng gè quèlì", "numbers")
    'liang3 ge4 que4li4'
    >>> restyle_pinyin("Cháng'ān Jiē", "plain")
    "Chang'an Jie"
    """
    if style in (None, "", "marks", "tone"):
        return pinyin
    if style == "plain":
        return strip_tones(pinyin)
    if style != "numbers":
        raise ValueError(f"unknown pinyin style {style!r}; choose marks, numbers or plain")
    out = []
    for token in re.split(r"(\s+|-|')", pinyin):
        if not token or not re.search(r"[A-Za-zÀ-ɏ]", token):
            out.append(token)
            continue
        out.append(_number_word(token))
    return "".join(out).replace("'", "")


def _number_word(word):
    """Tone numbers after each syllable of one written word."""
    nfd = unicodedata.normalize("NFD", word)
    letters, tones = [], []
    for ch in nfd:
        if ch in _MARKS:
            tones.append((len(letters) - 1, _MARKS[ch]))
        elif ch == "\u0308":
            letters[-1] = "v" if letters[-1] == "u" else "V"
        else:
            letters.append(ch)
    plain = "".join(letters)
    sylls, pos = [], 0
    lower = plain.lower()
    while pos < len(lower):
        if not lower[pos].isalpha():
            sylls.append((pos, pos + 1))
            pos += 1
            continue
        syl = _longest_syllable(lower[pos:])
        sylls.append((pos, pos + len(syl)))
        pos += len(syl)
    out = []
    for a, b in sylls:
        tone = next((t for i, t in tones if a <= i < b), "")
        piece = plain[a:b]
        out.append(piece + (tone if piece.isalpha() else ""))
    return "".join(out)


_TS_CHARS = None
_T2S = None


def to_simplified(text: str) -> str:
    """Simplified Chinese for matching; OpenCC is loaded only when a character is Traditional.

    The one Traditional→Simplified converter of the project: lookup queries, decoding checks, the
    checker and the Chinese pipeline all go through it.

    >>> to_simplified("兩個確立")
    '两个确立'
    >>> to_simplified("两个确立") == "两个确立"
    True
    """
    global _TS_CHARS, _T2S
    if _TS_CHARS is None:
        _TS_CHARS = _traditional_chars()
    if _TS_CHARS is not None and not any(ch in _TS_CHARS for ch in text):
        return text
    if _T2S is None:
        try:
            from opencc import OpenCC
        except ImportError:  # pragma: no cover - declared dependency
            return text
        _T2S = OpenCC("t2s")
    return _T2S.convert(text)


def _traditional_chars():
    """The characters OpenCC converts (first column of its TSCharacters table), or None if unknown.

    Reading the table is much cheaper than building the converter, so text that is already
    Simplified never pays for OpenCC.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("opencc")
    if not spec or not spec.submodule_search_locations:
        return None
    table = Path(list(spec.submodule_search_locations)[0]) / "dictionary" / "TSCharacters.txt"
    try:
        with open(table, encoding="utf-8") as f:
            return {line.split("\t", 1)[0] for line in f if line.strip()}
    except OSError:
        return None

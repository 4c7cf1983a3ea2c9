"""Chinese suggestions composed from known parts, for terms no source gives.

Chinese official names are compositional and English translations of them follow a few regular
patterns, so a name can often be rebuilt from the Chinese of its parts: "Deputy Secretary of the CPC
Beijing Municipal Committee" is 中共北京市委 + 副书记 (X of Y → Y X), "74 key tasks" is 74 + 项 +
重点任务, "special action for building an international language environment" is
国际语言环境 + 建设 + 专项行动. Parts come from the term base and reference list (``resolve``) and
from the bundled vocabulary of building blocks (``seeds/vocabulary.tsv``).

The result is usually right but always a guess: the pipeline stores it as status ``proposed`` with
provenance ``composed``. When any part is unknown there is no suggestion at all — and nothing is
ever composed for a person.
"""
import csv
import io
import re
from functools import lru_cache
from importlib import resources
from typing import Callable, Dict, Optional

from glossary.normalize import en_key

Resolver = Callable[[str], Optional[str]]
# Past this depth a name is too long to rebuild reliably; better no suggestion than a bad one.
MAX_DEPTH = 6


def _head(zh_body):
    for suffix, title in (("小组", "组长"), ("工作组", "组长"), ("部", "部长"), ("局", "局长"), ("区", "区长"),
                          ("市", "市长"), ("县", "县长"), ("院", "院长"), ("委员会", "主任"), ("委", "主任"),
                          ("办公室", "主任"), ("中心", "主任"), ("会", "会长")):
        if zh_body.endswith(suffix):
            return title
    return None


def _director(zh_body):
    for suffix, title in (("局", "局长"), ("司", "司长"), ("部", "部长"), ("厅", "厅长"), ("院", "院长")):
        if zh_body.endswith(suffix):
            return title
    return "主任"


def _chair(zh_body):
    return "主任" if zh_body.endswith(("委员会", "常委会")) and "政协" not in zh_body else "主席"


# Titles whose Chinese depends on what they head: each function gets the body's Chinese.
_TITLES = {
    "secretary": lambda b: "书记",
    "party secretary": lambda b: "书记",
    "general secretary": lambda b: "总书记",
    "secretary-general": lambda b: "秘书长",
    "secretary general": lambda b: "秘书长",
    "mayor": lambda b: "市长",
    "district mayor": lambda b: "区长",
    "head": _head,
    "director": _director,
    "director general": _director,
    "director-general": _director,
    "minister": lambda b: "部长",
    "chairman": _chair,
    "chairperson": _chair,
    "chair": _chair,
    "president": lambda b: "院长" if b.endswith("院") else "主席",
    "spokesperson": lambda b: "发言人",
    "spokesman": lambda b: "发言人",
    "member": lambda b: "委员" if b.endswith(("委员会", "委")) else "成员",
    "governor": lambda b: "省长",
}
_DEPUTY = (("first deputy ", "第一副"), ("executive deputy ", "常务副"), ("deputy ", "副"), ("vice ", "副"),
           ("vice-", "副"), ("assistant ", "助理"))

# Bodies named "<head> of <body>": the head's Chinese goes after the body's.
_BODY_HEADS = {
    "office": "办公室", "general office": "办公厅", "foreign affairs office": "外事办公室",
    "foreign affairs committee": "外事工作委员会", "foreign affairs commission": "外事工作委员会",
    "standing committee": "常务委员会", "secretariat": "秘书处", "leading group": "领导小组",
    "people's government": "人民政府", "government": "人民政府", "party committee": "党委",
    "publicity department": "宣传部", "organization department": "组织部",
}

_NUMBER_WORDS = {"one": "一", "two": "两", "three": "三", "four": "四", "five": "五", "six": "六", "seven": "七",
                 "eight": "八", "nine": "九", "ten": "十", "twelve": "十二", "twenty": "二十"}
# Gerunds that follow their object in Chinese official style: "building X" → X建设.
_TRAILING_VERBS = {"building": "建设", "improving": "提升", "promoting": "推进", "developing": "发展",
                   "development": "发展", "construction": "建设", "management": "管理", "upgrading": "提升",
                   "strengthening": "加强", "optimizing": "优化", "advancing": "推进", "enhancing": "提升"}

_CPC_COMMITTEE = re.compile(r"^(?:CPC|Communist Party of China)\s+(?P<place>.+?)\s+"
                            r"(?P<level>Municipal|District|County|Provincial)\s+Committee$", re.I)
_DISTRICT_GOV = re.compile(r"^(?P<place>.+?\s+District)\s+(?:People's\s+)?Government$", re.I)
_OF = re.compile(r"^(?P<head>.+?)\s+of\s+(?:the\s+)?(?P<rest>.+)$", re.I)
_PREP = re.compile(r"^(?P<head>.+?)\s+(?:for|on|of|to)\s+(?:the\s+|an?\s+)?(?P<rest>.+)$", re.I)
_NUMBERED = re.compile(r"^(?P<n>\d+|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<rest>.+)$", re.I)
_IN_YEAR = re.compile(r"^(?P<rest>.+?)\s+(?:in|for)\s+(?P<year>(?:19|20)\d\d)$")
_PAREN_YEAR = re.compile(r"^(?P<rest>.+?)\s*\((?P<year>(?:19|20)\d\d)\)$")


_PARTY_COMMITTEE = re.compile(r"^(?P<party>中共)?(?P<city>北京市)?(?P<unit>.+?[区县])委(?:员会)?(?P<rest>.*)$")


def _committee_short(zh_body):
    """A Party committee named before another body is written short: 区委员会 + 外事工作委员会 is
    written 区委外事工作委员会.

    >>> _committee_short("中共北京市石景山区委员会")
    '中共北京市石景山区委'
    """
    return zh_body[:-3] + "委" if zh_body.endswith("区委员会") or zh_body.endswith("县委员会") else zh_body


def _is_party_committee(zh_body):
    """Whether a body is a Party committee, whose offices are named after its own committees.

    >>> _is_party_committee("中共北京市石景山区委员会"), _is_party_committee("北京市人民政府")
    (True, False)
    """
    return zh_body.startswith("中共") or bool(re.search(r"[市区县省]委(?:员会)?$", zh_body))


def _title_body(zh_body):
    """Titles of district-level Party bodies drop 中共 and the city: 石景山区委书记, as the press writes.

    >>> _title_body("中共北京市石景山区委员会")
    '石景山区委'
    >>> _title_body("中共北京市委")
    '中共北京市委'
    """
    m = _PARTY_COMMITTEE.match(zh_body)
    if not m or not m.group("party"):
        return zh_body
    return f"{m.group('unit')}委{m.group('rest')}"


def _bare_place(words, zh):
    """A place named bare inside a longer name keeps no generic: "Shijingshan Roundtable" is
    石景山…, not 石景山区…, though "Shijingshan" alone is the district 石景山区.

    >>> _bare_place(["Shijingshan"], "石景山区"), _bare_place(["Chaoyang", "District"], "朝阳区")
    ('石景山', '朝阳区')
    """
    if len(words) == 1 and words[0][:1].isupper() and len(zh) >= 3 and zh.endswith(("区", "市", "县")):
        return zh[:-1]
    return zh


class Vocabulary:
    """Building blocks (EN → ZH), measure words and the one-character abbreviations of hyphenated
    names (China-Singapore 中新), from ``seeds/vocabulary.tsv``."""

    def __init__(self, words: Dict[str, str], classifiers: Dict[str, str],
                 abbreviations: Optional[Dict[str, str]] = None):
        self.words = words
        self.classifiers = classifiers
        self.abbreviations = abbreviations or {}

    def hyphenated(self, token: str) -> Optional[str]:
        """"China-Singapore" → 中新, "Beijing-Tianjin-Hebei" → 京津冀: Chinese abbreviates each
        partner to one character. A partner with no one-character form (ASEAN 东盟) makes the name
        written out with a dash: 中国—东盟.

        >>> v = Vocabulary({}, {}, {"china": "中", "singapore": "新", "asean": "东盟"})
        >>> v.hyphenated("China-Singapore"), v.hyphenated("China-ASEAN"), v.hyphenated("Sino-Foreign")
        ('中新', '中国—东盟', None)
        """
        parts = token.split("-")
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            return None
        abbr = [self.abbreviations.get(en_key(p)) for p in parts]
        if not all(abbr):
            return None
        if any(len(a) > 1 for a in abbr):
            return "—".join("中国" if a == "中" else a for a in abbr)
        return "".join(abbr)

    def get(self, text: str) -> Optional[str]:
        key = en_key(text)
        zh = self.words.get(key)
        if zh is None and key.endswith("s"):
            zh = self.words.get(key[:-1]) or (self.words.get(key[:-2]) if key.endswith("es") else None)
        return zh

    def classifier(self, noun_phrase: str) -> str:
        last = en_key(noun_phrase).split()[-1] if noun_phrase.strip() else ""
        return self.classifiers.get(last) or self.classifiers.get(last.rstrip("s")) or "项"


def parse_vocabulary(text: str) -> Vocabulary:
    words, classifiers, abbreviations = {}, {}, {}
    rows = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [h.strip() for h in next(rows, [])]
    for row in rows:
        rec = dict(zip(header, (c.strip() for c in row)))
        en, zh, kind = rec.get("en"), rec.get("zh"), rec.get("kind", "noun")
        if not en or not zh or en.startswith("#"):
            continue
        # A cell may offer alternatives ("工作计划/工作要点"): compose with the first, the standard one.
        zh = re.split(r"\s*[/|]\s*", zh)[0]
        if kind == "classifier":
            classifiers[en_key(en)] = zh
        elif kind == "abbreviation":
            abbreviations[en_key(en)] = zh
        else:
            words.setdefault(en_key(en), zh)
    return Vocabulary(words, classifiers, abbreviations)


@lru_cache(maxsize=1)
def bundled_vocabulary() -> Vocabulary:
    try:
        text = resources.files("seeds").joinpath("vocabulary.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return Vocabulary({}, {})
    return parse_vocabulary(text)


def compose(en: str, resolve: Resolver, vocabulary: Optional[Vocabulary] = None) -> Optional[str]:
    """A Chinese form built from known parts, or None.

    >>> known = {"CPC Beijing Municipal Committee": "中共北京市委", "Leading Group": "领导小组", "Beijing": "北京"}
    >>> compose("Deputy Secretary of the CPC Beijing Municipal Committee", known.get)
    '中共北京市委副书记'
    >>> compose("First Deputy Head of the Leading Group", known.get)
    '领导小组第一副组长'
    >>> compose("Mayor of Beijing", known.get)
    '北京市市长'
    >>> v = Vocabulary({"key tasks": "重点任务", "major projects": "重大项目", "special action": "专项行动",
    ...                 "international": "国际", "language": "语言", "environment": "环境"}, {"tasks": "项"})
    >>> compose("74 key tasks", known.get, v)
    '74项重点任务'
    >>> compose("checklist of major projects and key tasks", known.get, Vocabulary(dict(v.words, checklist="清单"), {}))
    '重大项目和重点任务清单'
    >>> compose("special action for building an international language environment", known.get, v)
    '国际语言环境建设专项行动'
    >>> compose("Beijing Forum for Performing Arts", known.get, Vocabulary({"forum": "论坛", "performing arts": "演艺"}, {}))
    '北京演艺论坛'
    >>> compose("2024 Zhongguancun Forum", {"Zhongguancun Forum": "中关村论坛"}.get)
    '2024中关村论坛'
    >>> compose("Zhang Wei", known.get, v) is None
    True
    """
    return _Composer(resolve, vocabulary or Vocabulary({}, {})).compose(en, 0)


class _Composer:
    def __init__(self, resolve, vocabulary):
        self.resolve = resolve
        self.vocab = vocabulary
        self.memo = {}

    def part(self, text, depth):
        """The Chinese of a part: known term, vocabulary word, or itself composed."""
        text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
        key = en_key(text)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None   # guards against cycles
        zh = self.resolve(text) or self.vocab.get(text) or self.compose(text, depth + 1)
        self.memo[key] = zh
        return zh

    def compose(self, en, depth):
        if depth > MAX_DEPTH:
            return None
        en = re.sub(r"^(?:the|a|an)\s+", "", en.strip(), flags=re.I)
        if depth == 0 and self.vocab.get(en):
            return self.vocab.get(en)   # a building block that is a name itself (World Heritage List)
        for rule in (self._party_committee, self._district_government, self._title_or_body_of, self._year,
                     self._numbered, self._revised, self._known_across_and, self._coordination, self._prepositional, self._words):
            zh = rule(en, depth)
            if zh:
                return zh
        return None

    # -- rules, most specific first ---------------------------------------------------------------
    def _party_committee(self, en, depth):
        m = _CPC_COMMITTEE.match(en)
        if not m:
            return None
        place, level = m.group("place"), m.group("level").lower()
        if level == "municipal":
            zh = self.part(place, depth) or self.part(place + " Municipality", depth)
            return f"中共{zh.rstrip('市')}市委" if zh else None
        suffix = {"district": "区", "county": "县", "provincial": "省"}[level]
        zh = self.part(f"{place} {m.group('level')}", depth) or self.part(place, depth)
        return f"中共{zh.rstrip(suffix)}{suffix}委员会" if zh else None

    def _district_government(self, en, depth):
        m = _DISTRICT_GOV.match(en)
        if not m or " of " in m.group("place"):
            return None   # "Office of the X District Government" is an office, not the government
        zh = self.part(m.group("place"), depth)
        return f"{zh}人民政府" if zh else None

    def _title_or_body_of(self, en, depth):
        m = _OF.match(en)
        if not m:
            return None
        head, body = m.group("head").strip(), m.group("rest").strip()
        low = head.lower()
        prefix = ""
        for eng, zh_prefix in _DEPUTY:
            if low.startswith(eng) and low[len(eng):] in _TITLES:
                prefix, low = zh_prefix, low[len(eng):]
                break
        if low in _TITLES:
            zh_body = self.part(body, depth)
            if not zh_body:
                return None
            if low == "mayor" and not zh_body.endswith(("市", "区", "县")):
                zh_body += "市"
            title = _TITLES[low](zh_body)
            return _title_body(zh_body) + prefix + title if title else None
        if low in _BODY_HEADS:
            zh_body = self.part(body, depth)
            if not zh_body:
                return None
            zh_head = _BODY_HEADS[low]
            if low == "foreign affairs office" and _is_party_committee(zh_body):
                # A Party committee's foreign affairs office is the office of its Foreign Affairs
                # Committee; 外事办公室 is the government's.
                zh_head = "外事工作委员会办公室"
            return _committee_short(zh_body) + zh_head
        return None

    def _year(self, en, depth):
        m = _IN_YEAR.match(en) or _PAREN_YEAR.match(en)
        if not m:
            return None
        rest = self.part(m.group("rest"), depth)
        if not rest:
            return None
        return f"{rest}（{m.group('year')}年）" if en.endswith(")") else f"{m.group('year')}年{rest}"

    def _numbered(self, en, depth):
        m = _NUMBERED.match(en)
        if not m:
            return None
        n = m.group("n")
        if re.fullmatch(r"(?:19|20)\d\d", n):
            # "2024 Zhongguancun Forum Annual Conference": a year names an edition, it counts nothing
            rest = self.part(m.group("rest"), depth)
            return n + rest if rest else None
        rest = self.part(m.group("rest"), depth)
        if not rest:
            return None
        numeral = n if n.isdigit() else _NUMBER_WORDS[n.lower()]
        return numeral + self.vocab.classifier(m.group("rest")) + rest

    def _revised(self, en, depth):
        if not en.lower().startswith("revised "):
            return None
        rest = self.part(en[8:], depth)
        return f"{rest}（修订）" if rest else None

    def _coordination(self, en, depth):
        if " and " not in en or " of " in en or " for " in en:
            return None
        left, right = en.split(" and ", 1)
        a, b = self.part(left, depth), self.part(right, depth)
        return f"{a}和{b}" if a and b else None

    def _prepositional(self, en, depth):
        """X of/for/on Y → Y X; a gerund opening Y goes after its object (building X → X建设)."""
        m = _PREP.match(en)
        if not m:
            return None
        head, rest = m.group("head"), m.group("rest")
        words = rest.split()
        verb = _TRAILING_VERBS.get(words[0].lower()) if len(words) > 1 else None
        known = self.resolve(rest)
        if known:
            zh_rest = known
        elif verb:
            obj = self.part(re.sub(r"^(?:the|a|an)\s+", "", " ".join(words[1:]), flags=re.I), depth)
            zh_rest = obj + verb if obj else None
        else:
            zh_rest = self.part(rest, depth)
        if not zh_rest:
            return None
        # A name opening with a place keeps it in front: "Beijing Forum for Performing Arts" →
        # 北京 + 演艺 + 论坛, not 演艺北京论坛.
        lead, head_words = "", head.split()
        for n in range(min(3, len(head_words) - 1), 0, -1):
            if all(w[:1].isupper() for w in head_words[:n]):
                zh_lead = self.resolve(" ".join(head_words[:n]))
                if zh_lead:
                    lead, head = _bare_place(head_words[:n], zh_lead), " ".join(head_words[n:])
                    break
        zh_head = self.part(head, depth)
        return lead + zh_rest + zh_head if zh_head else None

    def _words(self, en, depth, across_and=False):
        """A run of words covered left to right by the longest known phrases.

        Hyphenated partner names are abbreviated (China-Singapore 中新); "+" and codes with digits
        (5G) stay as written. With ``across_and``, succeed only when one known phrase spans an
        "and" ("Hong Kong and Macao" is 港澳, not 香港和澳门).
        """
        words = []
        for token in re.sub(r"[’']s\b", "", en).split():
            abbr = self.vocab.hyphenated(token)
            words += [("=", abbr)] if abbr else token.replace("-", " - ").split()
        if len(words) < 2:
            return None
        out, i, spanned = [], 0, False
        while i < len(words):
            if isinstance(words[i], tuple):
                out.append(words[i][1])
                i += 1
                continue
            if words[i] == "+" or (re.search(r"\d", words[i]) and re.fullmatch(r"[0-9A-Za-z.]+", words[i])):
                out.append(words[i])
                i += 1
                continue
            for j in range(len(words), i, -1):
                if j - i == len(words) or any(isinstance(w, tuple) for w in words[i:j]):
                    continue   # the whole phrase is what we are composing
                phrase = " ".join(words[i:j]).replace(" - ", "-")
                if phrase == "-":
                    # between two names the dash stays (北京—首尔); inside a word it goes (高-质量 no)
                    names = 0 < i < len(words) - 1 and all(
                        isinstance(w, str) and w[:1].isupper() for w in (words[i - 1], words[i + 1]))
                    zh = "—" if names else ""
                else:
                    zh = self.resolve(phrase)
                    zh = _bare_place(words[i:j], zh) if zh else self.vocab.get(phrase)
                if zh is not None:
                    spanned = spanned or "and" in words[i + 1:j - 1]
                    out.append(zh)
                    i = j
                    break
            else:
                return None
        if across_and and not spanned:
            return None
        return "".join(out)

    def _known_across_and(self, en, depth):
        return self._words(en, depth, across_and=True) if " and " in en else None

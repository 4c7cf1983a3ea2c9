"""Hanyu Pinyin for Chinese terms, written the way GB/T 16159-2012 spells words, not syllables.

Translators paste this pinyin next to official names, so word division and capitals matter as much
as the letters: "Běijīng Shì Rénmín Zhèngfǔ", not "bei jing shi ren min zheng fu".

Two libraries split the work because each is only good at one half of it:

* pypinyin reads the *whole* Han run at once, so its phrase dictionary picks the right reading of
  polyphones (行长 hángzhǎng, 重庆 Chóngqìng). Feeding it word by word loses that context.
* jieba only supplies word boundaries and part-of-speech tags; the syllables of the whole-run
  conversion are then dealt out onto jieba's words by character count (one Han character, one
  syllable).

The orthography rules (join 2-3 syllable words, split longer compounds, numerals apart from measure
words, ordinals hyphenated, proper names capitalised by category) are applied on top of that.
jieba and pypinyin are imported lazily: lookup paths import this module without converting anything.
"""
import functools
import logging
import re
import threading
import unicodedata
from typing import Iterable, Optional

from glossary.errors import GlossaryError
from glossary.model import CATEGORIES
from glossary.normalize import restyle_pinyin

__all__ = ["to_pinyin", "add_words"]

STYLES = ("marks", "numbers", "plain")

# Categories whose terms are proper names: every word capitalised (GB/T 16159 §6.3).
_PROPER_CATEGORIES = {"body", "event", "facility", "plan", "policy", "place"}

# Function words stay lower case inside capitalised names (Guīhuà hé Zìrán Zīyuán Wěiyuánhuì).
_FUNCTION_WORDS = {"的", "之", "和", "与", "及", "以及", "暨", "或", "了", "着", "过", "地", "得"}

# jieba tags that mark a proper noun worth a capital even in a lower-case category.
_PROPER_TAGS = {"ns", "nr", "nrfg", "nrt", "nt", "nz"}
# Proper nouns jieba tags as plain abbreviations ("j") or nouns.
_PROPER_WORDS = {"中共", "中国共产党", "共产党", "人大", "政协", "全国人大", "全国政协", "党中央", "京津冀",
                 "中华", "中华民族", "港澳", "港澳台"}
# jieba tags these nz although they are common nouns in slogans.
_NOT_PROPER = {"三农"}

# Administrative generic names: split from the proper part wherever they end a place name
# (北京市 Běijīng Shì, 朝阳区 Cháoyáng Qū), also inside titles and body names.
_ADMIN_GENERICS = set("省市区县乡镇旗盟")
# Natural and street generics: split off a word jieba knows as a place, or off the end of a place
# term (永定河 Yǒngdìng Hé, 长安街 Cháng'ān Jiē); a place name inside a longer word has usually
# absorbed its generic (石景山区 Shíjǐngshān Qū).
_PLACE_GENERICS = set("山河江湖街路巷岛峰岭")
# Names in which the generic has become part of the proper name (专名化), written joined.
_WHOLE_PLACES = {"石景山", "黑龙江", "中关村", "门头沟", "景山街", "牛街", "天安门", "王府井",
                 "八达岭", "香山", "景山", "北海", "大运河", "中南海", "什刹海", "上海", "珠海", "浙江"}

_DIGITS = set("零〇一二三四五六七八九十百千万亿两")
_UNITS_JOIN = set("百千")       # sānbǎi wǔshíliù: a hundreds group ends a word
_UNITS_APART = set("万亿")      # shí'èr yì líng liùbǎi wàn
# Tokens jieba tags "m" that are lexical words, not numeral + measure word.
_NUMERAL_WORDS = {"一些", "一切", "一起", "一样", "一般", "一律", "一直", "一致", "一定", "一同", "一再",
                  "一道", "一流", "一线", "一体", "一路", "一带", "两会", "万一", "一点", "一下", "一边",
                  "一向", "一旦", "一度", "一贯", "一举", "一同", "一概", "一味", "一番", "一方面", "一系列",
                  "百姓", "千万", "万分", "十分", "一齐", "一共", "一定", "两岸", "三峡", "九州", "一心",
                  "一带一路", "一体化", "一家人", "一等", "二等", "三等", "一流", "一把手", "一线"}

# Compound (two-character) surnames: the whole pair is the surname (Sīmǎ Hóng, Ōuyáng Xiū).
_COMPOUND_SURNAMES = {
    "欧阳": "Ōuyáng", "司马": "Sīmǎ", "诸葛": "Zhūgě", "上官": "Shàngguān", "东方": "Dōngfāng",
    "皇甫": "Huángfǔ", "夏侯": "Xiàhóu", "令狐": "Lìnghú", "慕容": "Mùróng", "尉迟": "Yùchí",
    "长孙": "Zhǎngsūn", "宇文": "Yǔwén", "公孙": "Gōngsūn", "司徒": "Sītú", "司空": "Sīkōng",
    "端木": "Duānmù", "轩辕": "Xuānyuán", "申屠": "Shēntú", "独孤": "Dúgū", "南宫": "Nángōng",
    "西门": "Xīmén", "万俟": "Mòqí", "闻人": "Wénrén", "澹台": "Tántái", "呼延": "Hūyán",
    "钟离": "Zhōnglí", "淳于": "Chúnyú", "单于": "Chányú", "赫连": "Hèlián", "百里": "Bǎilǐ",
    "东郭": "Dōngguō", "公冶": "Gōngyě", "太叔": "Tàishū", "拓跋": "Tuòbá", "完颜": "Wányán",
    "濮阳": "Púyáng", "宗政": "Zōngzhèng", "鲜于": "Xiānyú", "闾丘": "Lǘqiū", "公羊": "Gōngyáng",
    "左丘": "Zuǒqiū", "梁丘": "Liángqiū", "司寇": "Sīkòu", "亓官": "Qíguān", "第五": "Dìwǔ",
}
# Surnames read differently from the character's everyday reading (单 Shàn, not dān).
_SURNAME_READINGS = {
    "单": "shàn", "曾": "zēng", "解": "xiè", "仇": "qiú", "朴": "piáo", "查": "zhā", "区": "ōu",
    "召": "shào", "繁": "pó", "乐": "yuè", "盖": "gě", "覃": "qín", "翟": "zhái", "缪": "miào",
    "宁": "nìng", "任": "rén", "华": "huà", "纪": "jǐ", "种": "chóng", "秘": "bì", "员": "yùn",
    "过": "guō", "句": "gōu", "褚": "chǔ", "石": "shí", "贾": "jiǎ", "重": "chóng", "朝": "cháo",
    "薄": "bó", "黑": "hè", "隗": "wěi", "冼": "xiǎn", "尉": "wèi", "折": "shé", "燕": "yān",
    "应": "yīng", "相": "xiàng", "殷": "yīn", "曲": "qū", "卜": "bǔ", "祭": "zhài", "那": "nā",
    "长": "cháng", "藏": "zàng", "都": "dū", "费": "fèi", "沈": "shěn", "叶": "yè", "万": "wàn",
    "蔡": "cài", "奇": "qí", "便": "pián", "阚": "kàn", "尉迟": "yùchí",
}

# Readings pypinyin's phrase dictionary gets wrong in this domain (found by testing; each entry is
# a phrase so that the character keeps its usual reading elsewhere).
_PHRASE_FIXES = {
    "会都": "huì dū",
    "都与城": "dū yǔ chéng",
    "之都": "zhī dū",
    "五子": "wǔ zǐ",
    "重塑": "chóng sù",
    "重构": "chóng gòu",
    "重振": "chóng zhèn",
    "处在": "chǔ zài",
    "国际会都": "guó jì huì dū",
    # In Beijing texts 朝阳 is the district far more often than the morning sun.
    "朝阳": "cháo yáng",
    "朝阳群众": "cháo yáng qún zhòng",
    "朝阳产业": "zhāo yáng chǎn yè",
    "百子湾": "bǎi zǐ wān",
    "为人民": "wèi rén mín",
    "乡长": "xiāng zhǎng",
    "长效": "cháng xiào",
    "朝阳门": "cháo yáng mén",
    "西什库": "xī shí kù",
    "什刹海": "shí chà hǎi",
    "大栅栏": "dà shí làn",
    "十里堡": "shí lǐ pù",
    "马家堡": "mǎ jiā pù",
    "阜成门": "fù chéng mén",
    "长辛店": "cháng xīn diàn",
    "蔚县": "yù xiàn",
    "六安": "lù ān",
    "丽水": "lí shuǐ",
    "台州": "tāi zhōu",
    "番禺": "pān yú",
    "蚌埠": "bèng bù",
    "河长制": "hé zhǎng zhì",
    "林长制": "lín zhǎng zhì",
    "街巷长": "jiē xiàng zhǎng",
    "接诉即办": "jiē sù jí bàn",
    "标识": "biāo zhì",
    # pypinyin writes these -子 nouns with a neutral tone; dictionaries give the full third tone
    "电子": "diàn zǐ", "原子": "yuán zǐ", "因子": "yīn zǐ", "粒子": "lì zǐ", "光子": "guāng zǐ",
    "质子": "zhì zǐ", "中子": "zhōng zǐ", "离子": "lí zǐ", "孔子": "kǒng zǐ", "孟子": "mèng zǐ",
    "男子": "nán zǐ", "天子": "tiān zǐ", "才子": "cái zǐ", "赤子": "chì zǐ", "游子": "yóu zǐ",
}

# Domain words jieba does not know, with the tag that decides their capitals. Added to the private
# tokenizer so that 碳中和 is one word (tànzhōnghé), not three.
_DOMAIN_WORDS = {
    "碳达峰": "n", "碳中和": "n", "双碳": "n", "接诉即办": "n", "吹哨报到": "n", "放管服": "n",
    "老旧": "a", "副中心": "n", "城市副中心": "n", "冬残奥会": "nz", "服贸会": "nz", "中轴线": "n",
    "双奥": "nz", "七有": "n", "五性": "n", "两区": "n", "京津冀": "ns", "百子湾": "ns", "天通苑": "ns",
    "平谷": "ns", "南锣鼓巷": "ns", "蔡奇": "nr", "殷勇": "nr", "首都功能": "n", "街乡": "n", "会都": "n",
    "吹哨": "v",
    "冬奥会": "nz", "东奥会": "nz", "亚运会": "nz", "奥运会": "nz", "残奥会": "nz", "世园会": "nz",
    "中关村": "ns", "亦庄": "ns", "雁栖湖": "ns", "怀柔": "ns", "密云": "ns", "延庆": "ns",
    "门头沟": "ns", "房山": "ns", "通州": "ns", "顺义": "ns", "昌平": "ns", "大兴": "ns",
    "丰台": "ns", "石景山": "ns", "西城": "ns", "东城": "ns", "海淀": "ns", "朝阳": "ns",
    "雄安": "ns", "冬奥": "nz", "中共中央": "nt", "政协": "nt", "人大": "nt",
    "年会": "n", "大剧院": "n", "网联": "n", "智能网联": "n", "奥体": "nz", "亮马河": "ns", "亮马": "ns",
    "大跳台": "n", "朝阳产业": "n", "冬奥村": "n", "冬奥组委": "nt", "北京冬奥组委": "nt", "服贸": "n",
    "科技冬奥": "n", "绿色冬奥": "n", "回天": "ns", "城六区": "n", "生态涵养区": "n", "平原新城": "n",
    "数字经济": "n", "标杆城市": "n", "自贸试验区": "n", "综合示范区": "n",
    "背街小巷": "n", "老城": "n", "中轴": "n", "南中轴": "n", "北中轴": "n", "生活圈": "n",
    "大湾区": "n", "求是": "nz", "临空": "n", "背街": "n",
}
# Existing jieba words whose tag is wrong for capitals (jieba's tags come from fiction and news of
# another era: 文明 is tagged as a person's name, 城市 as a place).
_RETAG = {
    "文明": "n", "古都": "n", "都市": "n", "安宁": "a", "城市": "n", "首都": "n", "共同富裕": "l",
    "王府井": "ns", "石家庄": "ns", "张家口": "ns", "卢沟桥": "ns", "马家堡": "ns", "车公庄": "ns",
    "明白": "v", "武功": "n", "小姐": "n", "和尚": "n", "阳光": "n", "道德": "n", "卫星": "n",
    "雷达": "n", "荣誉": "n", "古老": "a", "丘陵": "n", "言语": "n", "明星": "n", "宫殿": "n",
    "光荣": "a", "权威": "n", "师傅": "n", "顾问": "n", "智慧": "n", "胡同": "n", "王朝": "n",
    "陆军": "n", "东西": "n", "美丽": "a", "爱国": "v", "英雄": "n", "平原": "n", "外国": "n",
    "江湖": "n", "上市": "v", "高原": "n", "海洋": "n", "湖泊": "n", "大桥": "n", "山区": "n",
    "王国": "n", "开国": "v", "建国": "v", "共和国": "n", "城镇": "n", "大街": "n", "朝廷": "n",
    "太阳": "n", "哥哥": "n", "国际化": "v", "社会科学": "n", "联合会": "n", "党组织": "n",
    "交易所": "n", "国家机关": "n", "音乐会": "n", "人民政府": "n", "乡村": "n", "街道": "n",
    "社区": "n", "新区": "n", "自治区": "n", "开发区": "n", "驻华使馆": "n", "滑雪": "v", "流域": "n",
    "宜居": "a", "大国": "n", "党风": "n", "从严": "d", "治党": "v", "三城": "n", "高新区": "n",
    "高水平": "n", "张家湾": "ns", "港澳": "ns", "港澳台": "ns", "马拉松": "n", "沙龙": "n",
}

# Every entry of both tables is also made a word of the private tokenizer (with its frequency raised
# where jieba would still cut it: 大湾区).
_TAGS = {**_DOMAIN_WORDS, **_RETAG}

# Common nouns ending in an administrative generic: the generic stays inside them
# (Nèiménggǔ Zìzhìqū, wénmíng chéngshì), and a place name before them is split off there.
_GENERIC_COMPOUNDS = {
    "自治区", "开发区", "新区", "行政区", "特区", "郊区", "社区", "景区", "园区", "街区", "功能区",
    "示范区", "保护区", "试验区", "自贸区", "商务区", "核心区", "使馆区", "风景区", "旅游区", "实验区",
    "自治县", "自治州", "自治旗", "地区", "市区", "直辖市", "城市", "都市", "超市", "集市", "省市",
    "市辖区", "辖区", "校区", "小区", "片区", "港区", "厂区", "矿区", "军区", "牧区", "灾区", "城镇",
    "乡镇", "村镇", "重镇", "古镇", "小镇", "名镇", "高新区", "综合保税区", "保税区", "中心城区",
    "老城区", "新城区", "主城区", "生态涵养区", "平原区", "科学城", "副中心", "涵养区", "中心区",
    "经济区", "大湾区", "湾区", "商务区",
}

# Common nouns jieba glues to a place name into one "ns" token (黄河流域): they do not become part
# of the name.
_GEO_COMMON = {"流域", "地区", "沿线", "沿岸", "周边", "境内", "一带", "经济带", "文化带", "地带", "城区",
               "郊区", "腹地", "地域", "区域", "两岸", "以南", "以北", "以东", "以西", "上游", "下游", "中游"}

# Bodies named by level (市政协 = the municipal CPPCC): the level generic belongs to the place.
_LEVEL_BODIES = {"政协", "人大", "人大常委会", "纪委", "监委"}

# Whole-word spellings the rules cannot derive (hyphenated abbreviations of place names).
_WORD_OVERRIDES = {
    "京津冀": "Jīng-Jīn-Jì",
}
# Lexicalised jieba words that GB/T writes as two words (Dǎng Zhōngyāng).
_FORCED_SPLITS = {"党中央": ("党", "中央"), "省委书记": ("省委", "书记"), "市委书记": ("市委", "书记")}

_ZH_PUNCT = {
    "、": ",", "，": ",", "。": ".", "．": ".", "：": ":", "；": ";", "！": "!", "？": "?",
    "（": "(", "）": ")", "【": "[", "】": "]", "〔": "(", "〕": ")", "｛": "{", "｝": "}",
    "—": "—", "–": "–", "…": "…", "～": "~", "〜": "~",
}
# Pieces after which / before which no space is written.
_OPENERS = set("“‘《〈「『([{")
_CLOSERS = set("”’》〉」』)]},.:;!?…%")
_JOINERS = set("—–-/~·")  # written tight on both sides
_WORD_BREAKS = set("·・•\u00b7")  # foreign-name dots: a word break, nothing written

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff\u3007]")

_lock = threading.RLock()
_state = {}
_added_words = set()
_entry_cuts = {}


def _init():
    """Build the private jieba tokenizer and register phrase fixes once, on first use.

    A private Tokenizer keeps our added term-base words from changing how other modules of the
    project segment with the global jieba instance (and vice versa).
    """
    if _state:
        return _state
    with _lock:
        if _state:
            return _state
        import jieba
        import jieba.posseg
        import pypinyin

        jieba.setLogLevel(logging.WARNING)
        # Copies of the global dictionaries instead of loading them a second time (~2 s): jieba
        # loads its dictionary once per process, and posseg its tag table at import.
        jieba.dt.check_initialized()
        tok = jieba.Tokenizer()
        tok.FREQ, tok.total, tok.initialized = dict(jieba.dt.FREQ), jieba.dt.total, True
        pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        pos.tokenizer, pos.word_tag_tab = tok, dict(jieba.posseg.dt.word_tag_tab)
        pypinyin.load_phrases_dict({k: [[s] for s in v.split()] for k, v in _PHRASE_FIXES.items()})
        for word, tag in _TAGS.items():
            if not tok.FREQ.get(word):
                tok.add_word(word, tag=tag)
            elif len(tok.lcut(word, HMM=False)) > 1:
                tok.suggest_freq(word, True)  # known but rare (大湾区 loses to 大湾|区)
        for word in _WHOLE_PLACES | set(_COMPOUND_SURNAMES):
            if word not in tok.FREQ or not tok.FREQ[word]:
                tok.add_word(word)
        _state.update(tok=tok, pos=pos, pypinyin=pypinyin)
        for word in _added_words:
            _learn(tok, pos, word)
        return _state


def add_words(words: Iterable[str]) -> None:
    """Teach the segmenter the term base's entries so a known term is never cut across its edges.

    Long entries are still divided into their words for writing (国际交往中心 → guójì jiāowǎng
    zhōngxīn); what the entry guarantees is that segmentation does not run across its boundary.
    """
    new = {run for w in words if w for run in re.findall(r"%s{2,}" % _HAN.pattern, w)}
    new -= _added_words
    if not new:
        return
    with _lock:
        _added_words.update(new)
        if _state:
            for word in new:
                _learn(_state["tok"], _state["pos"], word)
        _convert.cache_clear()


def _learn(tok, pos, word):
    """Add one entry to the private tokenizer; words jieba already knows are left as they are.

    The entry only fixes the outer boundaries: inside, it is divided the way jieba divides it
    on its own (kept in _entry_cuts), so adding 北京市委书记 still writes Běijīng Shìwěi shūjì.
    """
    if tok.FREQ.get(word):
        return
    cut = _tokens(word, pos)
    if len(cut) > 1:
        _entry_cuts[word] = cut
    tok.add_word(word, tag=cut[0][1] if len(cut) == 1 else None)


def to_pinyin(zh: str, category: Optional[str] = None, style: str = "marks") -> str:
    """Pinyin of a Chinese term written per GB/T 16159; "" when there is nothing Chinese in it.

    >>> to_pinyin("长安街", "place")
    "Cháng'ān Jiē"
    >>> to_pinyin("两个确立", "slogan", style="numbers")
    'liang3 ge4 que4li4'
    """
    if style not in STYLES and style not in (None, "", "tone"):
        raise GlossaryError(f"unknown pinyin style {style!r}; choose one of {', '.join(STYLES)}")
    if category and category not in CATEGORIES:
        raise GlossaryError(f"unknown category {category!r}; choose one of {', '.join(CATEGORIES)}")
    if not zh or not _HAN.search(zh):
        return ""
    marks = _convert(zh, category or "other")
    return restyle_pinyin(marks, style or "marks")


# --------------------------------------------------------------------------------------------
# A term is a sequence of pieces (kind, payload): "han" runs become "word"s; "raw" is Latin and
# digits kept as written; "open"/"close" are quotes and brackets written tight to the inside;
# "join" is written tight on both sides; "space" is a word break.


class _Word:
    """One written word: its Han text, syllables, tag and how it is written."""

    __slots__ = ("zh", "syl", "tag", "proper", "fixed", "quoted", "hidden")

    def __init__(self, zh, syl, tag="x"):
        self.zh, self.syl, self.tag = zh, syl, tag
        self.proper = self.quoted = self.hidden = False
        self.fixed = None  # a spelling decided by a rule (hyphenated ordinal, person name...)

    def text(self):
        if self.hidden:
            return ""
        if self.fixed:
            return self.fixed
        out = []
        for i, s in enumerate(self.syl):
            if i and _starts_with_aoe(s):
                out.append("'")  # Xī'ān, fāng'àn: the syllable boundary would be ambiguous
            out.append(s)
        text = "".join(out)
        return _capitalise(text) if self.proper else text


def _starts_with_aoe(syl):
    base = unicodedata.normalize("NFD", syl[:1])[:1].lower()
    return base in ("a", "o", "e")


def _capitalise(text):
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
    return text


@functools.lru_cache(maxsize=65536)
def _convert(zh: str, category: str) -> str:
    zh = _normalise(zh)
    pieces = []  # (kind, payload)
    for run in re.finditer(r"(%s+)|(\s+)|(.)" % _HAN.pattern, zh):
        han, space, other = run.groups()
        if han:
            pieces.append(("han", han))
        elif space:
            pieces.append(("space", " "))
        else:
            pieces.append(("char", other))
    pieces = _merge_chars(pieces)

    words_out = []  # list of (kind, text or _Word)
    quote_depth = titles = 0
    foreign = category == "person" and any(ch in _WORD_BREAKS for ch in zh)
    for kind, payload in pieces:
        if kind == "han":
            run = _words_of(payload, category, quote_depth > 0)
            for w in run:
                w.quoted = quote_depth > 0
                words_out.append(("word", w))
            if foreign:
                # 卡尔·马克思: each part of a transliterated name is one capitalised word
                run[0].zh, run[0].syl = "".join(w.zh for w in run), [x for w in run for x in w.syl]
                run[0].fixed, run[0].proper = None, True
                for w in run[1:]:
                    w.hidden = True
            elif titles and category != "person":
                _capitalise_words(run, "plan")  # 《北京日报》: a title is a proper name
            else:
                _capitalise_words(run, category)  # per run: 张三、李四 are two names
        elif kind == "open":
            quote_depth += 1
            titles += payload in "《〈"
            words_out.append((kind, payload))
        elif kind == "close":
            quote_depth = max(0, quote_depth - 1)
            titles = max(0, titles - (payload in "》〉"))
            words_out.append((kind, payload))
        else:
            words_out.append((kind, payload))

    return _join(words_out)


def _normalise(zh):
    """Full-width letters and digits to ASCII; Chinese punctuation is kept for _merge_chars."""
    out = []
    for ch in zh:
        if "\uff01" <= ch <= "\uff5e" and ch not in _ZH_PUNCT:
            out.append(unicodedata.normalize("NFKC", ch))
        elif ch in ("\u3000", "\u00a0"):
            out.append(" ")
        else:
            out.append(ch)
    text = "".join(out)
    return re.sub(r"—+", "—", text)


def _merge_chars(pieces):
    """Classify non-Han characters; runs of Latin letters, digits and symbols stay one raw piece."""
    out = []
    for kind, payload in pieces:
        if kind != "char":
            out.append((kind, payload))
            continue
        ch = _ZH_PUNCT.get(payload, payload)
        if out and out[-1][0] == "raw" and payload.isascii() and payload not in "()[]{}\"'":
            # ASCII inside a Latin/number run stays in it: 5.5G, COVID-19, 1,000, 50%
            out[-1] = ("raw", out[-1][1] + payload)
        elif payload in _WORD_BREAKS:
            out.append(("space", " "))
        elif ch in _OPENERS or ch in "\"'" and _is_opening(out):
            out.append(("open", ch))
        elif ch in _CLOSERS or ch in "\"'":
            out.append(("close", ch + (" " if payload in "、，" else "")))
        elif ch in _JOINERS:
            out.append(("join", ch))
        elif out and out[-1][0] == "raw":
            out[-1] = ("raw", out[-1][1] + ch)
        else:
            out.append(("raw", ch))
    return out


def _is_opening(out):
    return not out or out[-1][0] in ("space", "open", "join")


def _join(items):
    text = []
    prev = None
    for kind, payload in items:
        piece = payload.text() if kind == "word" else payload
        if not piece:
            continue
        if kind == "space":
            if text and prev not in ("open", "join", "space"):
                text.append(" ")
            prev = "space"
            continue
        if text and prev not in ("open", "join", "space") and kind not in ("close", "join"):
            if not text[-1].endswith(" "):
                text.append(" ")
        text.append(piece)
        prev = kind
    return re.sub(r" {2,}", " ", "".join(text)).strip()


# --------------------------------------------------------------------------------------------
# Han runs


def _syllables(han):
    """One syllable per character, from a whole-run conversion so phrases pick polyphones."""
    st = _init()
    pp = st["pypinyin"]
    out = pp.pinyin(han, style=pp.Style.TONE, heteronym=False, errors=lambda s: list(s))
    syl = [item[0] for item in out]
    if len(syl) != len(han):  # defensive: never misalign syllables and characters
        syl = [pp.pinyin(ch, style=pp.Style.TONE, errors=lambda s: list(s))[0][0] for ch in han]
    # GB/T 16159 writes the citation tone of 一 and 不, not the sandhi tone some phrases carry.
    return [_CITATION.get(ch, s) if s in _SANDHI.get(ch, ()) else s for ch, s in zip(han, syl)]


_CITATION = {"一": "yī", "不": "bù"}
_SANDHI = {"一": ("yí", "yì"), "不": ("bú",)}


def _words_of(han, category, quoted=False):
    st = _init()
    syl = _syllables(han)
    if quoted and len(han) <= 3 and han not in _WORD_OVERRIDES:
        # “放管服”, “两区”, “十四五”: a short quoted formula is one coined word, and one that
        # starts with a numeral is the name of a programme (“Shísìwǔ”).
        w = _Word(han, syl, "nz" if han[0] in _DIGITS else "q")
        return [w]
    tokens = _tokens(han, st["pos"])
    words = []
    pos = 0
    for word, tag in tokens:
        for sub, subtag in _refine(word, tag, category):
            n = len(sub)
            prev = words[-1] if words else None
            if (prev is not None and prev.tag == "ns" and prev.zh[-1] not in _ADMIN_GENERICS and n >= 3
                    and sub[0] in _ADMIN_GENERICS and sub[1:] in _LEVEL_BODIES | {"政府", "人民政府"}):
                # 北京|市政府 → 北京 | 市 | 政府: the level generic belongs to the place name
                words.append(_Word(sub[0], syl[pos:pos + 1], "gen"))
                words.append(_Word(sub[1:], syl[pos + 1:pos + n], "nt"))
            elif prev is not None and prev.tag == "gen" and sub == "委":
                words[-1] = _Word(prev.zh + sub, prev.syl + syl[pos:pos + 1], "nt-part")  # 朝阳区|委: Qūwěi
            elif prev is not None and prev.tag in ("ns", "ns-part") and sub in _ADMIN_GENERICS:
                words.append(_Word(sub, syl[pos:pos + n], "gen"))  # 密云|区: the generic of the place
            else:
                words.append(_Word(sub, syl[pos:pos + n], subtag))
            pos += n
    words = _shape(words, category)
    return words


def _tokens(han, pos):
    """jieba's (word, tag) division of a Han run, with numbered formulas and numbers fixed up."""
    tokens = []
    for part, formula in _formula_spans(han):
        if formula:
            tokens.extend((ch, "m" if ch in _DIGITS else _tag_of(ch)) for ch in part)
        else:
            tokens.extend((t.word, _TAGS.get(t.word, t.flag)) for t in pos.cut(part))
    return _merge_numerals(tokens)


_FORMULA = re.compile(r"(?:[%s][^%s]){2,}" % (("".join(sorted(_DIGITS)),) * 2))


def _formula_spans(han):
    """Split off numbered formulas (一国两制, 三严三实, 两轴四带五区): each numeral and each word apart.

    jieba cuts these arbitrarily (三|严三实, 两学|一|做); GB/T writes numerals apart from what
    they count, so every character is its own word here. Idioms (一心一意) and lexicalised names
    (一带一路) are left to the normal rules.
    """
    out, pos = [], 0
    names = _name_spans(han)
    for m in _FORMULA.finditer(han):
        span = m.group(0)
        if (span in _NUMERAL_WORDS or any(_tag_of(span[i:i + 4]) == "i" for i in range(len(span) - 3))
                or han[m.start() - 1:m.start()] == "第" or any(a < m.end() and m.start() < b for a, b in names)):
            continue  # an idiom, an ordinal (第二个), or a place name inside (第二个三里屯)
        if m.start() > pos:
            out.append((han[pos:m.start()], False))
        out.append((span, True))
        pos = m.end()
    if pos < len(han):
        out.append((han[pos:], False))
    return out


def _name_spans(han):
    """Where jieba sees a place or organisation name of three or more characters (三里屯)."""
    spans, pos = [], 0
    for t in _init()["pos"].cut(han):
        end = pos + len(t.word)
        if len(t.word) >= 3 and _TAGS.get(t.word, t.flag) in ("ns", "nt"):
            spans.append((pos, end))
        pos = end
    return spans


def _merge_numerals(tokens):
    """Glue numeral tokens jieba cut apart (一百二十|三, 第|一百) so one number is one unit."""
    out = []
    for word, tag in tokens:
        if out and _NUMERAL.match(word) and _ORDINAL_OR_NUMBER.match(out[-1][0]):
            out[-1] = (out[-1][0] + word, "m")
        else:
            out.append((word, tag))
    return out


_NUMERAL = re.compile(r"^(第?)([%s]+)(.*)$" % "".join(sorted(_DIGITS)))
_ORDINAL_OR_NUMBER = re.compile(r"^第?[%s]*$" % "".join(sorted(_DIGITS)))


def _is_number(word):
    return bool(word) and all(ch in _DIGITS for ch in word)


def _refine(word, tag, category):
    """Cut one jieba token into the words GB/T 16159 writes apart; yields (text, tag)."""
    if word in _entry_cuts and tag == "x":
        for sub, subtag in _entry_cuts[word]:
            yield from _refine(sub, subtag, category)
        return
    if word in _WORD_OVERRIDES:
        yield word, tag
        return
    if word in _FORCED_SPLITS:
        for sub in _FORCED_SPLITS[word]:
            yield sub, "nt-part" if tag == "nt" else _tag_of(sub)
        return
    # Ordinals and numeral + measure word: 第四 | 使馆区, 两 | 个, 十 | 条.
    numeral = _NUMERAL.match(word)
    if numeral and ((tag.startswith("m") or _tag_of(word).startswith("m")) and word not in _NUMERAL_WORDS
                    or numeral.group(1)):
        yield numeral.group(1) + numeral.group(2), "m"
        if numeral.group(3):
            yield from _resegment(numeral.group(3), category)
        return
    if len(word) >= 3 and word[0] in _ADMIN_GENERICS and word[1:] in _LEVEL_BODIES:
        # 北京市政协 is 北京市 + 政协: Běijīng Shì Zhèngxié
        yield word[0], "gen"
        yield word[1:], "nt"
        return
    tails = [] if word in _GENERIC_COMPOUNDS else [g for g in _GENERIC_COMPOUNDS if word.endswith(g)]
    for tail in sorted(tails, key=len, reverse=True)[:1]:
        head = word[:-len(tail)]
        head_tag = _tag_of(head)
        yield from _refine(head, tag if head_tag == "x" else head_tag, category)
        yield tail, "n"
        return
    # Place names ending in an administrative generic: 北京市 → 北京 | 市.
    if _admin_place(word, tag, category):
        yield from _split_long(word[:-1], "ns", category)
        yield word[-1], "gen"
        return
    yield from _split_long(word, tag, category)


def _admin_place(word, tag, category):
    """Whether a token is a place name ending in an administrative generic (北京市, 朝阳区)."""
    if (len(word) < 3 or word[-1] not in _ADMIN_GENERICS or word in _WHOLE_PLACES
            or any(word.endswith(g) for g in _GENERIC_COMPOUNDS)):
        return False
    head_tag = "ns" if word[:-1] in _WHOLE_PLACES else _tag_of(word[:-1])
    return tag == "ns" or head_tag == "ns" or (category == "place" and head_tag == "x")


def _resegment(text, category):
    st = _init()
    for t in st["pos"].cut(text):
        yield from _refine(t.word, _TAGS.get(t.word, t.flag), category)


def _tag_of(word):
    st = _init()
    return _TAGS.get(word) or st["pos"].word_tag_tab.get(word, "x")


_MIN_FREQ = 10


def _is_piece(word):
    """A dictionary word frequent enough to trust as a piece (jieba lists rare junk like 石景)."""
    st = _init()
    if word in _added_words or word in _WHOLE_PLACES or word in _COMPOUND_SURNAMES or word in _TAGS:
        return True
    return (st["tok"].FREQ.get(word) or 0) >= _MIN_FREQ and len(word) >= 2


def _split_long(word, tag, category):
    """Divide a 4+ character token into dictionary words of 2+ characters (中华|人民|共和国).

    Only when every piece is a real word: a transliteration (奥林匹克) or an unknown name has no
    such division and stays whole. Four-character idioms are written as two hyphenated halves.
    """
    if (len(word) < 4 or word in _WHOLE_PLACES
            or tag in ("nr", "nrfg", "nrt") and (len(word) <= 3 or word[:2] in _COMPOUND_SURNAMES)):
        yield word, tag
        return
    if tag == "i" and len(word) == 4:
        yield word, "i"
        return
    best = _best_split(word)
    if best is None:
        yield word, tag
        return
    for piece in best:
        ptag = "ns" if piece in _WHOLE_PLACES else _tag_of(piece)
        if tag in _PROPER_TAGS and (ptag not in _PROPER_TAGS or ptag == "nz") and piece not in _GEO_COMMON:
            ptag = tag + "-part"  # part of a proper name: keeps its capital
        yield from _refine(piece, ptag, category)  # pieces are shorter: this terminates


def _best_split(word):
    """Fewest single characters, then fewest pieces, then fewest lone suffixes, then the longest pieces.

    A lone character is allowed (外交部|驻|香港|特派员|公署) only while fewer than half the pieces are
    lone characters: otherwise the token is a transliteration or a name, and stays whole.
    """
    n = len(word)
    # best[i] = (single characters, pieces, lone suffixes, -sum of squared lengths, pieces) for word[:i]
    best = [None] * (n + 1)
    best[0] = (0, 0, 0, 0, [])
    for i in range(1, n + 1):
        for j in range(max(0, i - 8), i):
            piece = word[j:i]
            if best[j] is None or (j == 0 and i == n):
                continue
            single = len(piece) == 1 and piece not in _SUFFIXES  # a suffix attaches, see below
            if len(piece) > 1 and not _is_piece(piece):
                continue
            suffix = len(piece) == 1 and not single
            prior = best[j]
            cand = (prior[0] + single, prior[1] + 1, prior[2] + suffix, prior[3] - len(piece) ** 2,
                    prior[4] + [piece])
            if best[i] is None or cand[:4] < best[i][:4]:
                best[i] = cand
    if not best[n] or best[n][0] * 2 >= best[n][1]:
        return None
    return _attach_suffixes(best[n][4])


def _attach_suffixes(pieces):
    """社会保障|部 → 社会|保障部: a one-character suffix joins a two-character word before it."""
    out = []
    for piece in pieces:
        if len(piece) == 1 and piece in _SUFFIXES and out:
            prev = out[-1]
            if len(prev) >= 4:
                sub = _best_split(prev)
                if sub and len(sub[-1]) == 2:
                    out[-1:] = sub
                    prev = out[-1]
            if len(prev) == 2:
                out[-1] = prev + piece
                continue
        out.append(piece)
    return out


def _shape(words, category):
    """Writing details on word level: number formatting, ordinals, idioms, generics, persons."""
    out = []
    for i, w in enumerate(words):
        if w.zh in _WORD_OVERRIDES:
            w.fixed = _WORD_OVERRIDES[w.zh]
            w.proper = True
            out.append(w)
        elif w.zh.startswith("第") and len(w.zh) > 1 and _is_number(w.zh[1:]):
            # ordinal: dì-sì, dì-èrshí; a long number keeps its own word division after the hyphen
            nums = _number_words(_Word(w.zh[1:], w.syl[1:], "m"))
            first = _Word(w.zh[:1] + nums[0].zh, w.syl[:1] + nums[0].syl, "m")
            first.fixed = w.syl[0] + "-" + nums[0].text()
            out.append(first)
            out.extend(nums[1:])
        elif _is_number(w.zh) and len(w.zh) > 1:
            out.extend(_number_words(w))
        elif w.tag == "i" and len(w.zh) == 4 and category not in ("place", "facility"):
            w.fixed = _Word(w.zh[:2], w.syl[:2]).text() + "-" + _Word(w.zh[2:], w.syl[2:]).text()
            out.append(w)
        elif len(w.zh) > 1 and w.zh[-1] in _PREFIXES and i + 1 < len(words):
            # 常务副 | 市长 → chángwù fùshìzhǎng: the prefix belongs to the following word
            out.append(_Word(w.zh[:-1], w.syl[:-1], _tag_of(w.zh[:-1])))
            out.append(_Word(w.zh[-1], w.syl[-1:], "h"))
        else:
            out.append(w)
    out = _affixes(out)
    # Natural/street generics: 永定河 → Yǒngdìng Hé wherever jieba knows the word as a place, and
    # at the end of any place term (雁栖湖 is not in jieba's dictionary).
    place_term = category in ("place", "facility")
    for i in range(len(out) - 1, -1, -1):
        w = out[i]
        if ((len(w.zh) >= 3 or w.zh in _ONE_CHAR_PROPER) and w.zh[-1] in _PLACE_GENERICS
                and (w.tag == "ns" or place_term and i == len(out) - 1 and _TAGS.get(w.zh, "ns") == "ns")
                and w.zh not in _WHOLE_PLACES and not w.fixed):
            out[i:i + 1] = [_Word(w.zh[:-1], w.syl[:-1], "ns-part"), _Word(w.zh[-1], w.syl[-1:], "gen")]
    return out


# Single-syllable prefixes written joined to their word (GB/T 16159: fùbùzhǎng, fēijīnshǔ).
_PREFIXES = set("副非超准")
# Single-syllable suffixes of buildings and areas joined to a two-syllable word (Sùhuáguǎn).
_SUFFIXES = set("馆场站院园苑城宫楼厅室所桥寺塔庙殿阁坛亭村部局委署司处化性侧区")
# Famous names whose one-character proper part is still written apart (Tài Shān, Huáng Hé).
_ONE_CHAR_PROPER = {"黄河", "长江", "泰山", "华山", "嵩山", "衡山", "恒山", "淮河", "渭河", "汉江",
                    "太湖", "巢湖", "西湖", "珠江", "闽江", "湘江", "赣江"}


def _affixes(words):
    out = []
    for w in words:
        prev = out[-1] if out else None
        before = out[-2] if len(out) > 1 else None
        if (prev is not None and prev.zh in _PREFIXES and len(prev.zh) == 1 and not w.fixed
                and w.zh not in _FUNCTION_WORDS and not _is_number(w.zh) and len(w.zh) <= 4
                and not (prev.zh == "非" and before is not None and len(before.zh) == 1)):  # 中|非: Africa
            out[-1] = _Word(prev.zh + w.zh, prev.syl + w.syl, w.tag)
        elif (prev is not None and len(w.zh) == 1 and w.zh in _SUFFIXES and len(prev.zh) == 2 and w.tag != "gen"
              and not prev.fixed and prev.tag not in ("m", "gen") and prev.zh not in _FUNCTION_WORDS
              and not _is_number(prev.zh)):
            out[-1] = _Word(prev.zh + w.zh, prev.syl + w.syl, prev.tag)
        else:
            out.append(w)
    return out


def _number_words(w):
    """GB/T 16159 §6.1.5: hundreds and thousands close a word, 万 and 亿 stand apart.

    三百五十六 sānbǎi wǔshíliù; 十二亿零六百万 shí'èr yì líng liùbǎi wàn; 十四五 stays shísìwǔ.
    """
    if not any(ch in _UNITS_JOIN or ch in _UNITS_APART for ch in w.zh):
        return [w]
    out, start = [], 0
    for i, ch in enumerate(w.zh):
        if ch in _UNITS_APART:
            if start < i:
                out.append((start, i))
            out.append((i, i + 1))
            start = i + 1
        elif ch in _UNITS_JOIN and i + 1 < len(w.zh):
            out.append((start, i + 1))
            start = i + 1
        elif ch in "零〇" and i > 0 and start == i:
            out.append((i, i + 1))
            start = i + 1
    if start < len(w.zh):
        out.append((start, len(w.zh)))
    return [_Word(w.zh[a:b], w.syl[a:b], "m") for a, b in out]


# --------------------------------------------------------------------------------------------
# capitals


def _capitalise_words(words, category):
    if not words:
        return
    if category == "person":
        _person(words)
        return
    if category == "title":
        _title_body(words)
        category = None
    prev = None
    for w in words:
        if w.proper:
            prev = w
            continue  # decided by _title_body
        if w.fixed and w.zh in _WORD_OVERRIDES:
            prev = w
            continue
        if category in _PROPER_CATEGORIES:
            w.proper = w.zh not in _FUNCTION_WORDS
        elif w.tag == "gen":
            # a generic is capitalised as part of the place before it (Běijīng Shì shìzhǎng),
            # not when the term starts with it (shì Zhèngxié zhǔxí)
            w.proper = prev is not None and prev.proper
        else:
            w.proper = _is_proper(w)
        prev = w
        if (w.proper and w.tag in ("nr", "nrfg") and 2 <= len(w.zh) <= 4 and _looks_like_name(w.zh)
                and category not in ("place", "facility") and not _common_word(w)):
            w.fixed = _person_name(w.zh, w.syl)
        if w.quoted and w.tag == "nz":
            w.proper = True  # “十四五”: a numeral quoted as a name
        if w.fixed and w.proper:
            w.fixed = _capitalise(w.fixed)


# Last characters of words that end the name of a body or a place in a title (委员会, 外交部, 区委).
_BODY_ENDS = set("会委室部局厅处司院府组办团所社署区市省县镇乡")
_BODY_STARTS = {"中央", "国家", "全国", "中共", "国务院"}


def _title_body(words):
    """In a title, the body it belongs to is a proper name: 中央外事工作委员会办公室 | 主任 →
    Zhōngyāng Wàishì Gōngzuò Wěiyuánhuì Bàngōngshì zhǔrèn. Only when the title starts with a proper
    name, so that generic titles (领导小组组长, 市委常委) stay lower case."""
    first = words[0] if words else None
    if len(words) < 2 or first.tag == "gen" or not (first.zh in _BODY_STARTS or _is_proper(first)):
        return
    end = None
    for i, w in enumerate(words[:-1]):
        if w.zh[-1] in _BODY_ENDS or w.zh in _LEVEL_BODIES:
            end = i
    if end is None:
        return
    for w in words[:end + 1]:
        w.proper = w.zh not in _FUNCTION_WORDS
        if w.proper and w.tag in ("nr", "nrfg") and 2 <= len(w.zh) <= 4 and _looks_like_name(w.zh):
            w.fixed = _capitalise(_person_name(w.zh, w.syl))


def _is_proper(w):
    """Proper nouns inside a lower-case term; conservative because jieba's tags are noisy."""
    if w.zh in _NOT_PROPER or w.zh in _FUNCTION_WORDS:
        return False
    if w.zh in _PROPER_WORDS or w.tag in ("gen", "ns-part", "nt-part"):  # nz is too noisy
        return True  # gen: a generic split off a place name, Běijīng Shì
    if w.tag == "ns":
        return len(w.zh) >= 2
    if len(w.zh) == 3 and _tag_of(w.zh[:2]) == "ns":
        return True  # a place name with a suffix is still proper: Zhōngguóshì, Běijīngrén
    if w.tag in ("nr", "nrfg"):
        return _looks_like_name(w.zh) and 2 <= len(w.zh) <= 4 and not _common_word(w)
    if w.tag == "nt":
        return len(w.zh) >= 3
    return w.zh in _DOMAIN_WORDS and _DOMAIN_WORDS[w.zh] == "nz"


# Common single-character surnames: jieba tags some place and street names "nr", so a token is split
# into surname and given name only when it starts with a real surname.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万"
    "钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝"
    "包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾"
    "尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬"
    "师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习蔡奇栗")


def _looks_like_name(zh):
    return zh[:2] in _COMPOUND_SURNAMES or zh[0] in _SURNAMES


def _common_word(w):
    """An "nr" that is really a word: a frequent two-character one (宁可, 宁静 start with the surname
    宁), or surname + a common word (高|水平)."""
    if w.zh in _DOMAIN_WORDS:
        return False
    freq = _init()["tok"].FREQ
    if len(w.zh) == 2:
        return w.tag == "nr" and (freq.get(w.zh) or 0) >= 200
    given = w.zh[1:]
    return (len(w.zh) == 3 and w.zh[:2] not in _COMPOUND_SURNAMES and (freq.get(given) or 0) >= 1000
            and _tag_of(given) in ("n", "v", "a", "vn", "an", "d"))


def _person(words):
    zh = "".join(w.zh for w in words)
    syl = [s for w in words for s in w.syl]
    first = words[0]
    if (len(words) > 1 and first.tag in ("nr", "nrfg") and 2 <= len(first.zh) <= 4
            and first.zh not in _COMPOUND_SURNAMES and _looks_like_name(first.zh)
            and all(len(w.zh) >= 2 and w.tag not in ("nr", "nrfg") for w in words[1:])):
        # 习近平总书记, 蔡奇同志: the name, then a title or form of address in lower case
        first.fixed, first.proper = _person_name(first.zh, first.syl), True
        for w in words[1:]:
            w.proper = _is_proper(w)
        return
    if 2 <= len(zh) <= 4 and len(words) <= 3 and all(not w.fixed for w in words):
        name = _person_name(zh, syl)
        for i, w in enumerate(words):
            w.fixed, w.proper, w.hidden = name, True, i > 0
        return
    for w in words:
        w.proper = w.zh not in _FUNCTION_WORDS


def _person_name(zh, syl):
    """Surname and given name apart, each capitalised, surname read as a surname."""
    if zh in _COMPOUND_SURNAMES:
        return _COMPOUND_SURNAMES[zh]
    if len(zh) >= 3 and zh[:2] in _COMPOUND_SURNAMES:
        surname, given, gsyl = _COMPOUND_SURNAMES[zh[:2]], zh[2:], syl[2:]
    else:
        surname = _capitalise(_SURNAME_READINGS.get(zh[0], syl[0]))
        given, gsyl = zh[1:], syl[1:]
    if not given:
        return surname
    gsyl = [_GIVEN_READINGS.get(ch, s) for ch, s in zip(given, gsyl)]
    return surname + " " + _capitalise(_Word(given, gsyl).text())


# Characters read one way in given names whatever the neighbours suggest (于长辉 Yú Chánghuī).
_GIVEN_READINGS = {"长": "cháng"}

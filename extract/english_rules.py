"""Closed-class word lists and precompiled patterns for English term extraction (extract/english.py).

Everything here is generic: title words, organisation/event/place head nouns, connectors, stop-words,
number words, the pinyin syllable inventory and the common Chinese surnames. Nothing is a list of
phrases taken from particular articles.
"""
import re
from functools import lru_cache

from glossary.normalize import _SYLLABLES as _ALL_SYLLABLES  # initial x final, over-generated


def _real_syllable(s):
    """Drop combinations pinyin does not have ("ja", "king", "shiang"), so English words rarely parse."""
    ini = next((i for i in ("zh", "ch", "sh") if s.startswith(i)), s[:1] if s[:1] not in "aeiouv" else "")
    fin = s[len(ini):]
    if ini in ("j", "q", "x"):
        return fin[:1] in ("i", "v", "u") and not fin.startswith(("ua", "uo", "ui", "un", "uan")) or fin in ("u", "un", "uan", "ue")
    if ini in ("g", "k", "h", "zh", "ch", "sh", "r", "z", "c", "s", "f", "w"):
        return not fin.startswith(("i", "v")) or (fin == "i" and ini in ("zh", "ch", "sh", "r", "z", "c", "s"))
    if ini in ("b", "p", "m") and fin.startswith(("u", "v")) and fin != "u":
        return False
    if ini == "y":
        return fin in ("a", "o", "e", "ao", "ou", "an", "ang", "ong", "i", "in", "ing", "u", "un", "uan", "ue", "ai")
    return fin not in ("ve", "vn", "van") or ini in ("n", "l")


_SYLLABLES = {s for s in _ALL_SYLLABLES if _real_syllable(s)}

# ---------------------------------------------------------------- titles
TITLE_WORDS = {
    "secretary", "mayor", "head", "director", "minister", "chairman", "chairwoman", "chairperson",
    "chair", "president", "governor", "commissioner", "ambassador", "consul", "premier", "spokesperson",
    "spokesman", "spokeswoman", "counsellor", "counselor", "councilor", "inspector", "representative",
    "chief", "envoy", "dean", "leader", "secretary-general", "director-general", "vice-chairman",
    "vice-president", "vice-mayor", "vice-minister", "deputy", "member", "officer", "consul-general",
    "commander", "commander-in-chief", "commissar", "principal", "curator", "coordinator", "ceo", "cfo", "cto",
    "minister-counselor", "minister-counsellor",
}
# Words that may precede a title word inside a title ("First Deputy Head", "District Mayor").
TITLE_PREFIX = {
    "first", "deputy", "vice", "executive", "assistant", "acting", "honorary", "permanent", "standing",
    "general", "party", "district", "county", "municipal", "city", "provincial", "township", "chief",
    "senior", "special", "second", "third", "full-time", "standing", "state", "global", "regional",
}
# A capitalised title word alone is only a title when it is a real office (not "Member", "Head").
TITLE_ALONE_OK = {"secretary", "mayor", "minister", "premier", "president", "governor", "ambassador",
                  "director", "chairman", "secretary-general", "director-general", "commissioner"}

# ---------------------------------------------------------------- head nouns -> category
HEADS = {}
for _cat, _words in {
    "body": "committee committees commission commissions office offices group groups department departments "
            "government governments ministry ministries bureau bureaus council councils daily news "
            "alliance league consortium association federation party congress administration agency "
            "academy institute university college union court procuratorate assembly corporation "
            "company co ltd bank society chamber secretariat authority authorities units foundation "
            "organization organisation network press times post embassy consulate consulate-general "
            "mission delegation division divisions chapter branch",
    "event": "forum conference fair festival week convention games olympics paralympics summit expo "
             "roundtable symposium dialogue exhibition expos olympiad championship championships "
             "ceremony gala marathon seminar competition contest awards cup tournament carnival "
             "fest season show",
    "facility": "hospital center centre resort hall hub museum studios airport stadium incubator venue "
                "library theater theatre station port school base gallery arena hotel tower capital "
                "village kindergarten furnace temple palace market reservoir dam barrage bridge canteen "
                "plant factory laboratory pavilion mall pier wharf tunnel garden gardens platform relics ruins",
    "place": "district subdistrict park zone river lake wall canal mountain mountains hills street road "
             "area city town province municipality county island sar region avenue square lane bay "
             "valley township community axis republic prefecture gorge wetland wetlands forest greenway "
             "waterfront expressway highway railway hutong",
    "plan": "plan plans program programme outline period blueprint strategy tasks points",
    "policy": "measures regulations rules opinions list law laws policy policies guidelines campaign "
              "mechanism provisions decision notice initiative action report priorities memorandum agreement",
}.items():
    for _w in _words.split():
        HEADS[_w] = _cat

# Heads that make a capitalised span a non-term on their own ("the Plenary Meeting").
DOC_HEADS = {"report", "plan", "list", "checklist", "measures", "outline", "programme", "program", "priorities"}
NON_TERM_HEADS = {"meeting", "meetings", "session", "sessions", "priority", "purpose", "morning",
                  "afternoon", "evening", "reporter", "editor", "topics", "date", "source", "year"}

# Places that look like persons or are not in pinyin form (closed class: provincial-level names).
PROVINCES = {
    "Beijing", "Tianjin", "Shanghai", "Chongqing", "Hebei", "Shanxi", "Liaoning", "Jilin", "Heilongjiang",
    "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan", "Guangdong",
    "Hainan", "Sichuan", "Guizhou", "Yunnan", "Shaanxi", "Gansu", "Qinghai", "Taiwan", "Inner Mongolia",
    "Guangxi", "Tibet", "Xizang", "Ningxia", "Xinjiang", "Hong Kong", "Macao", "Macau",
}
NOT_PINYIN_WORDS = {"china", "chinese", "bang", "change", "den", "hen", "men", "ten", "pen", "long", "gang",
                    "hang", "sun", "fan", "tan", "man", "ran", "an", "ban", "can", "pan", "wan", "yang",
                    "you", "he", "she", "me", "we", "a", "an", "la", "go", "so", "ai", "li", "bin"}

# ---------------------------------------------------------------- connectors and stop-words
CONNECTORS = {"of", "for", "and", "in", "on", "the", "to", "through", "over", "as", "an", "a", "with",
              "at", "from", "de", "by", "into", "up"}
# Capitalised words that start sentences but never start a term.
LEAD_STOP = {"the", "a", "an", "this", "that", "these", "those", "on", "in", "at", "as", "by", "for", "of",
             "and", "but", "so", "it", "its", "we", "our", "they", "their", "he", "she", "his", "her",
             "since", "besides", "following", "according", "taking", "relying", "with", "while", "when",
             "after", "before", "during", "under", "also", "all", "both", "each", "every", "more", "most",
             "further", "furthermore", "moreover", "meanwhile", "yesterday", "today", "now", "here",
             "there", "then", "thus", "through", "to", "from", "into", "about", "based", "around", "among",
             "besides", "other", "such", "some", "many", "only", "not", "no", "if", "once", "what",
             "which", "who", "how", "why", "where", "attendees", "leaders", "heads", "officials",
             "continue", "improve", "build", "focus", "deepen", "enrich", "promote", "compile", "actively",
             "create", "establish", "strengthen", "ensure", "make", "take", "implement", "serve",
             "deliver", "attract", "coordinating", "optimizing", "enhancing", "accelerating",
             "establishing", "pooling", "facilitating", "providing", "building", "deliver", "providing",
             "dear", "mr", "mrs", "ms", "dr", "prof", "chinese", "yesterday's", "last", "next", "first",
             "second", "third", "new"}
STOP = {"the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "with", "by", "at", "as", "is", "are",
        "was", "were", "be", "been", "being", "will", "would", "should", "shall", "can", "could", "may",
        "must", "its", "their", "our", "his", "her", "this", "that", "these", "those", "which", "who",
        "from", "into", "more", "all", "such", "other", "also", "not", "than", "it", "they", "we", "has",
        "have", "had", "do", "does", "did", "so", "but", "if", "while", "about", "over", "under", "up",
        "out", "each", "every", "both", "some", "any", "most", "very", "well", "including", "through",
        "between", "among", "per", "via", "etc"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
          "sunday"}
NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve"
                .split())
ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
PRONOUNS = {"its", "our", "their", "we", "they", "it", "his", "her", "my", "your", "you", "i", "us", "them"}

# Headline verbs (title lines are in Title Case, so verbs are capitalised there too).
HEADLINE_VERBS = {
    "holds", "held", "leads", "chairs", "attends", "meets", "met", "visits", "visited", "calls", "stresses",
    "urges", "presides", "inspects", "signs", "launches", "launched", "opens", "opened", "releases",
    "released", "hosts", "hosted", "emphasizes", "emphasises", "underscores", "highlights", "finalized",
    "finalised", "releasing", "emphasizing", "emphasising", "pointed", "emphasized", "emphasised",
    "convenes", "convened", "addresses", "delivers", "says", "said", "kicks", "starts", "ends", "closes",
    "concludes", "concluded", "unveils", "unveiled", "issues", "issued", "approves", "approved",
    "reviews", "reviewed", "discusses", "discussed", "deploys", "marks", "sees", "welcomes", "receives",
    "received", "attend", "attended", "chaired", "presided", "underscored", "highlighted", "stressed",
    "noted", "notes", "becomes", "become", "goes", "gets", "takes", "makes", "gives", "is", "are",
    "break", "breaks", "begin", "begins", "kick", "wraps", "draws", "sets",   # "First Projects Break Ground at …"
}

# ---------------------------------------------------------------- lower-case term grammar
# Modifiers that open a lower-case term ("international talent community", "member units").
LOW_MODS = ("international national new major special regular member leading sister revised comprehensive "
            "strategic municipal central pioneering industrial chinese party fourth fifth sixth third "
            "second first seventh eighth ninth tenth city-wide citywide nationwide").split()
# Hyphenated evaluative adjectives that do not make a term by themselves.
EVALUATIVE = {"high-quality", "high-level", "high-end", "first-class", "top-level", "all-round",
              "market-oriented", "law-based", "foreign-funded", "foreign-related", "detail-oriented",
              "inter-departmental", "long-term", "large-scale", "well-known", "world-renowned",
              "people-centered", "full-time", "one-stop", "cross-border", "year-on-year", "so-called",
              "non-essential", "city-level", "municipal-level", "district-level", "on-site", "in-depth"}
LOW_HEADS = ("group groups units authorities committees center centre centers centres hub capital community "
             "communities neighborhood neighbourhood schools hospitals environment mechanism system campaign "
             "action operations plan pattern stage principle philosophy diplomacy forces modernization "
             "modernisation rejuvenation events activities heritage city cities hall district axis legacy "
             "opening-up zone zones regulations policies policy").split()
# Heads that take a following of/for/with phrase into the term ("mechanism for major state events").
PP_HEADS = {"mechanism", "system", "campaign", "action", "plan", "regulations", "operations", "list",
            "checklist"}
OBJ_HEADS = set(LOW_HEADS) | {"areas", "tasks", "projects", "events", "diplomacy", "group", "city",
                              "environment", "capital", "activities"}
# the word after a sentence's opening participle ("Working with Beijing Gas Group", "Travelling from
# the Dongba area"): the participle and it are no part of the name that follows
PARTICIPLE_LINKS = {"with", "on", "for", "in", "to", "at", "from", "under", "through", "by"}
LOW_TAIL = {"period", "area", "cooperation", "initiative", "region", "era", "holiday"}   # ("National Day holiday")

COMMON_SURNAMES = set("""
xi wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang
han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng su wei lv lu ding ren shen yao
jin fu zhong cui tan lai qin shi fan fang kong bai qiu xue qian hou shao meng long wan duan lei qian tang
yin chang mo sui you xia hua jia gu mao hao gong shang wen niu qi yan ou xiong bao geng ni zhan kang yi
ge dai mu qiao pang ling rao bi an nie tao yue hong zou di chai sima ouyang zhuge shangguan situ
murong dongfang huangfu yuchi gongsun linghu
""".split())


_ZERO_OK = {"a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er"}


@lru_cache(maxsize=65536)
def pinyin_count(word: str) -> int:
    """How many pinyin syllables `word` (one written word) splits into exactly; 0 if it is not pinyin."""
    w = word.lower()
    if not w.isalpha() or not w.isascii():
        return 0
    n = len(w)
    best = [0] + [99] * n   # fewest syllables covering w[:i]
    for i in range(1, n + 1):
        for k in range(1, min(6, i) + 1):
            s = w[i - k:i]
            if s in _SYLLABLES and best[i - k] + 1 < best[i]:
                # zero-initial syllables only open a word ("an", "ou"); "ing" or "ong" alone are not syllables
                if s[0] in "aeiouv" and (i - k > 0 or s not in _ZERO_OK):
                    continue
                best[i] = best[i - k] + 1
    return best[n] if best[n] < 99 else 0


def is_given_name(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and 1 <= pinyin_count(word) <= 2


def is_pinyin_place(word: str) -> bool:
    return (word[:1].isupper() and word[1:].islower() and pinyin_count(word) >= 2
            and word.lower() not in NOT_PINYIN_WORDS)


def trie_alt(words, after_first=""):
    """A regex alternation of `words` factored by common prefixes (much faster to try than a flat one).

    `after_first` (a format string with {c}, the escaped first letter) is put right after each first
    letter: a look-behind there ("(?<![\\w-]{c})") checks the character before the word while the pattern
    still opens with a literal letter, which lets the regex engine skip ahead to the possible first letters."""
    trie = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node, top=False):
        alts, opt = [], False
        for ch in sorted(node):
            if ch == "":
                opt = True
                continue
            guard = after_first.format(c=re.escape(ch)) if top else ""
            alts.append(re.escape(ch) + guard + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if opt:
            body = "(?:" + body + ")?"
        return body

    return emit(trie, True)


# ---------------------------------------------------------------- regexes
_CAPW = r"(?:[A-Z][A-Za-z]*(?:\.(?:com|cn|me)(?![\w.]))?(?:(?<=[A-Z])[0-9]+(?![\w.]))?(?:[-'’][A-Za-z0-9]+)*(?:'s|’s|(?<=s)['’](?=[^\S\n]+[A-Z]))?|[0-9]+(?:st|nd|rd|th)|[A-Z]+(?:&[A-Z]+)?|II|III|IV)"
_CONN = r"(?:of|for|and|in|on|the|to|through|over|as|an|a|with|at|from|de|into|up|during(?=\s+the\s+[0-9]+th\s+Five-Year))"
# (a capital may carry digits: "C40 Cities", "G20 Summit"; not "PM2.5")
# a capitalised word, a year or number glued to a following capitalised word ("Beijing 2022 Winter")
# "No. 4" inside a name ("Beijing No. 4 High School"), when a capitalised word follows
_NUMBERED = r"No\.[^\S\n][0-9]{1,3}(?=[^\S\n]+[A-Z]|[,;:)]|\.?\s)"   # (and a work's number: "Piano Concerto No. 2")
# the number of a line, terminal or phase ("Subway Line 17", "Terminal 3")
_UNIT_NUMBER = r"(?:(?<=Line )|(?<=Terminal )|(?<=Phase )|(?<=Gate ))[0-9]{1,3}(?![\w-]|[.,][0-9])"   # (a full stop ends it)
_CAP_OR_NUM = rf"(?:{_NUMBERED}|{_CAPW}|{_UNIT_NUMBER}|[0-9]{{4}}(?=[^\S\n]+[A-Z]))"
_PAREN = (r"(?:\s?\((?:[A-Z][A-Za-z&]{1,9}|[0-9]{4}(?:[-–][0-9]{4})?|[a-z]+(?:\s[a-z]+)?|[A-Z][a-z]+(?:\s[a-z]+)?"
          r"|[A-Z][a-z]+\s[0-9][0-9.]*|[12][0-9]{3}\s[A-Z][a-z]+)\))")   # (… "(2026 Revision)")
# a brand written as one word: "UnionPay", "PetroChina", "JD.com", "Ele.me"
BRAND_RE = re.compile(r"[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*|[A-Z][A-Za-z]*\.(?:com|cn|me)")
# a company's legal form after its name: "… Investment Co., Ltd."
_LIMITED = r"(?<=\bCo)\.,?[^\S\n]+(?:Ltd|Limited)\b"
# CHUNK_RE is
#   (?=[A-Z0-9])(?:(?<![\w'’-])|(?<=\bthe)|(?<=\band)|(?<=\bof))(?:{_CAPW}|[12][0-9]{3}(?=[^\S\n]+[A-Z]))(?:...)*(?:{_PAREN})?
# written to open with the class of its first character (which the regex engine then skips ahead to): the
# first character is consumed at once, the checks on what precedes it move into a look-behind over it, and
# each way of reading the first word goes on after its first character (_CAPW_REST).
_CAPW_REST = (r"(?:(?<=N)o\.[^\S\n][0-9]{1,3}(?=[^\S\n]+[A-Z])|(?<=[A-Z])[A-Za-z]*(?:\.(?:com|cn|me)(?![\w.]))?(?:(?<=[A-Z])[0-9]+(?![\w.]))?(?:[-'’][A-Za-z0-9]+)*(?:'s|’s|(?<=s)['’](?=[^\S\n]+[A-Z]))?|(?<=[0-9])[0-9]*(?:st|nd|rd|th)"
              r"|(?<=[A-Z])[A-Z]*(?:&[A-Z]+)?|(?<=I)I|(?<=I)II|(?<=I)V)")
CHUNK_RE = re.compile(
    r"[A-Z0-9](?<=(?:(?<![\w'’-])|(?<=\bthe)|(?<=\band)|(?<=\bof))[A-Z0-9])"
    rf"(?:{_CAPW_REST}|(?<=[12])[0-9]{{3}}(?=[^\S\n]+[A-Z]))(?:{_PAREN}|(?:[^\S\n]+{_CONN})*[^\S\n]+{_CAP_OR_NUM}|-{_CAPW}|{_LIMITED})*(?:{_PAREN})?")
WORD_RE = re.compile(r"\([^()\n]{1,40}\)|[A-Za-z0-9][\w'’&.-]*[\w'’]|[A-Za-z0-9]")
# Patterns that must start a word open with the letters they can start with and check the character before
# inside a look-behind over that first letter ("[0-9](?<![\w-][0-9])" is "(?=[0-9])(?<![\w-])[0-9]"): the
# same matches, but the regex engine then skips ahead to candidate first characters instead of trying the
# look-behind at every position.
PERSON_RE = re.compile(r"(" + trie_alt((w.title() for w in COMMON_SURNAMES), r"(?<![\w-]{c})") + r")(?:\s([A-Z][a-z]{1,11}))(?=['’]s\b|(?![\w'’-]))(?!\s[A-Z][a-z]+\s(?:Hospital|District))")
QUOTE_RE = re.compile(r"“([^”\n]{1,160})”|\"([^\"\n]{1,160})\"")
ACRO_PAREN_RE = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
ACRO_RE = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{1,7})(?:'s|’s)?(?![\w-])")   # (?<![\w-])([A-Z]{2,8})...
HEREINAFTER_RE = re.compile(r"\(\s*hereinafter\s+(?:referred\s+to\s+as|called|abbreviated\s+as)\s+(?:the\s+)?[\"“]?([^\"”()]{2,60}?)[\"”]?\s*\)", re.I)
NUM_TERM_RE = re.compile(
    r"(?=[0-9OoTtFfSsEeNn])(?<![\w-])(?:[0-9]{1,4}|(?:" + trie_alt(NUMBER_WORDS + [w.title() for w in NUMBER_WORDS])
    + r"))\s+(?:key|major|priority|main|Key|Major|Priority|Main)\s+(?:[A-Za-z]+\s+)??(?!(?:this|thus|was|is|has|as|its)\b)[A-Za-z]{2,}s(?![\w-])")
# cheap anchor for NUM_TERM_RE: the word after the number
# (?<=\s)(?:key|major|priority|main|Key|Major|Priority|Main)\s
NUM_ANCHOR_RE = re.compile(r"[kmpKMP](?<=\s[kmpKMP])(?:(?<=[kK])ey|(?<=[mM])a(?:jor|in)|(?<=[pP])riority)\s")
NUM_BEFORE_RE = re.compile(r"(?:^|(?<=\s))([0-9]{1,4}|[A-Za-z]{3,6})\s+$")
NUM_LIST_RE = re.compile(
    r"[0-9](?<![\w-][0-9])[0-9]{0,2}\s+(?:[a-z]+\s+){0,2}?(?:measures|tasks|projects|initiatives|actions|policies|steps|"
    r"principles|requirements|priorities|platforms|areas|fields|mechanisms)(?![\w-])")
# Spelled out, only what a document numbers ("ten measures" 十项举措), not "in five areas": found
# from the head back, heads being rare (a scan for the number words cost 3 % of extraction).
NUM_WORD_HEAD_RE = re.compile(r"(?:measures|tasks|initiatives|steps|principles|requirements|priorities)(?![\w-])")
LIST_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
ANNIV_RE = re.compile(r"[0-9](?<![\w-][0-9])[0-9]{0,2}(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?founding\s+of\s+(?:the\s+)?"
                      r"[A-Z][\w'’]*(?:\s+(?:of\s+)?[A-Z][\w'’]*)*")
LOW_WORD = r"[A-Za-z][a-z]*(?:-[a-z]+)*"
_STOP_ALT = trie_alt(STOP | {"is", "are"})
_MOD_ALT = trie_alt(LOW_MODS + [m.title() for m in LOW_MODS])
_MOD2_ALT = trie_alt(m for m in LOW_MODS if m != "party")
_EVAL_ALT = trie_alt(EVALUATIVE)
_HEAD_ALT = trie_alt(LOW_HEADS)
_MID = rf"(?:\s+(?!(?:{_STOP_ALT})\b)(?![a-z]+ly\b)[A-Za-z][a-z]*(?:-[a-z]+)*)"
# head-first lower-case names: "center for scientific and technological innovation"
HEAD_FIRST_RE = re.compile(   # \b(?:center|centre|hub)\s+for ...
    r"[ch](?<=\b[ch])(?:(?<=c)ent(?:er|re)|(?<=h)ub)\s+for\s+(?:international\s+[a-z]+s|[a-z]+(?:\s+and\s+[a-z]+)?\s+[a-z]+)(?![\w-])")
LOW_TERM_RE = re.compile(
    rf"(?<![\w'’-])(?:(?:{_MOD_ALT})|(?=[a-z0-9]+-[a-z])(?!(?:{_EVAL_ALT})\b)[a-z0-9]+(?:-[a-z]+)+)(?!\s+(?:{_MOD2_ALT})\s)"
    rf"{_MID}{{0,3}}?\s+(?:{_HEAD_ALT}|prevention\s+and\s+control)(?![\w-])")
_OBJ_ALT = trie_alt(OBJ_HEADS)
_CONTENT = rf"(?!(?:{_STOP_ALT})\b)[a-z][a-z]*(?:-[a-z]+)*"
PP_EXT_RE = re.compile(
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?:{_CONTENT}\s+){{0,2}}?{_CONTENT}(?=\s+(?:of|for)\s))??"
    rf"\s+(?:of|for)\s+(?:the\s+|an?\s+)?(?:building\s+(?:the\s+|an?\s+)?)?(?:office\s+of\s+the\s+)?"
    rf"(?:{_CONTENT}\s+){{0,3}}?(?:{_OBJ_ALT})(?![\w-])")
# "the construction plan for X", "the checklist of major projects and key tasks", "the legacy of X"
# \b(?:plan|checklist|opinions|legacy|venue|list|catalogue|outline)\s+(of|for|on)\s+(the\s+)?
OF_DOC_RE = re.compile(r"[pcolv](?<=\b[pcolv])(?:(?<=p)lan|(?<=c)(?:hecklist|atalogue)|(?<=o)(?:pinions|utline)"
                       r"|(?<=l)(?:egacy|ist)|(?<=v)enue)\s+(of|for|on)\s+(the\s+)?")
# the one or two modifiers before the head, after a determiner: "the planning and construction plan"
OF_DOC_LEFT_RE = re.compile(rf"(?:^|\s)(?:the|The|its|and)\s+((?:{_CONTENT}\s+and\s+)?(?:{_CONTENT}\s+)?)$")
OF_DOC_OBJ_RE = re.compile(rf"{_CONTENT}(?:\s+{_CONTENT}){{0,2}}(?:\s+(?:and|of)\s+{_CONTENT}(?:\s+{_CONTENT})?)?(?=[\s,.;:)])")
CHARACTERISTICS_RE = re.compile(r"\s+with\s+Chinese\s+characteristics(?:\s+(?:in|for)\s+(?:the|a)\s+new\s+era)?")
INFINITIVE_RE = re.compile(r"\s+to\s+[a-z]+\s+the\s+[a-z]+(?![\w-])")
HEADER_SKIP_RE = re.compile(r"^(?:Chinese|English|中文|Topics:.*|Date:.*|fontSize:.*|Share:?.*|Print|Close|"
                            r"[\w-]+\.(?:jpg|jpeg|png|gif|webp))\s*$", re.I)
SOURCE_RE = re.compile(r"^Source:\s*(.+?)\s*$", re.M)
HTML_TAG_RE = re.compile(r"<[^<>\n]{0,300}>|&(?:[a-z]{2,8}|#[0-9]{1,6});", re.I)

"""Domain terms no English rule can bound, found where a Chinese original confirms them.

"pilot hospitals", "heating season", "intestinal infectious diseases": lower-case phrases a
translator enters in a glossary, but which the English alone cannot tell from running text (a
generic noun-phrase finder was tried and drowned in noise). With the Chinese original the question
becomes answerable: a lower-case English phrase and a group of Chinese words of an aligned sentence
pair that explain each other completely through the dictionary — every content word of the English
glossed by one of the Chinese words, every Chinese word glossing one of the English — are the same
term on both sides. Both ends are bounded by the two texts at once: the English phrase by what the
Chinese group renders, the Chinese group by jieba's words.

What is found is a suggestion (``proposed``): the dictionary pairs words, not terms.
"""
import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import FrozenSet, Iterable, List, NamedTuple, Sequence, Tuple

from . import lexicon
from .english_rules import HEADS, PROVINCES, is_pinyin_place, pinyin_count
from .known_terms import Spans
from .align import Alignment, token_glosses
from .chinese import is_han_word
from .variants import singular

MIN_CONTENT = 2          # one word is a word, not a term
MAX_CONTENT = 5
MAX_TOKENS = 5
MAX_ZH_CHARS = 12
MIN_QUALITY = 0.1        # a bead explained this poorly says little about which words correspond
CONFIDENCE = 0.6         # shown as a suggestion: below the matcher's confident pairs
GAP_CONFIDENCE = 0.5     # one word of each side paired by its place alone
MIN_GAP_QUALITY = 0.3
MAX_GAP_CHARS = 4

# Words a phrase may have inside it but neither begin nor end with.
_INNER = {"and", "of", "for", "in", "on"}
# Words that make a phrase a comment on a term, not the term ("important speech", "new stage").
_GENERIC = set("""important major key new further relevant related various certain other more most such
good great overall main general basic specific same whole entire all each every many several""".split())
# ... but these open terms too when the original renders them (主汛期 "main flood season", 重大国家战略)
_GENERIC_OPENERS = {"main", "major", "key", "new"}
# Nouns that frame a term rather than name one: "lack of barrier-free facilities", "layout of …".
_FRAMES = set("""lack field pattern layout level scale number part range series kind type sort way
concentration concentrations behalf""".split())
# A phrase starting with a verb is an action on a term ("deepen international exchanges"), and one
# ending with a particle or an adjective is not a term at all ("presided over", "international medical").
_VERBS = set("""make build add deepen guide ride promote speed set strengthen improve advance accelerate
implement enhance expand push carry ensure boost attend visit hold sign open create deliver provide
foster facilitate step serve meet give take put play host join help increase raise upgrade optimize
share achieve explore encourage attract welcome offer receive support introduce establish keep maintain protect
pursue tackle seize continue turn bring see become remain stay go come get reach""".split())
# ... of which these are nouns too, and may end a term ("technical support", "state visit")
_NOUN_VERBS = set("""build set guide ride speed advance step meet host help raise upgrade share offer support visit
hold open play turn welcome push""".split())
# Quantities and times are not terms ("trillion yuan", "recent years").
_MEASURES = set("""million billion trillion thousand hundred yuan euro euros dollar dollars meter meters metre
metres kilometer kilometers kilometre kilometres hectare hectares mu percent ton tons tonnes unit units year years month
microgram micrograms milligram milligrams gram grams kilogram kilograms
months week weeks day days hour hours minute minutes last recent next past""".split())
# measures that are nouns of a compound after a word ("volunteer service hours", "meal distribution
# units"; a number before them ends the phrase anyway)
_COUNTED_NOUNS = {"hour", "hours", "day", "days", "week", "weeks", "unit", "units"}
_ING_OPENERS = {"opening", "meeting"}   # nouns before a noun ("opening concert"), where "building …" is an action
_ING_NOUNS = {"meeting", "building", "opening", "upgrading", "setting", "offering", "serving", "sharing"}
_AUXILIARIES = {"has", "have", "had", "been", "was", "were", "is", "are", "be", "being"}
_PREPOSITIONS = {"against", "across", "along", "among", "amid", "toward", "towards", "without", "within",
                 "beyond", "between", "upon", "via", "despite", "throughout", "alongside",
                 "including", "excluding", "regarding", "concerning", "involving", "following"}
_PARTICLES = {"up", "out", "over", "off", "down", "away", "back", "forward", "through", "about", "around"}
_ADJECTIVE_END = ("al", "ic", "ous", "ive", "ful", "able", "ible", "ly", "ed")
# Nouns that end like adjectives: "urban renewal", "social capital".
_AL_NOUNS = set("""renewal approval capital hospital festival proposal terminal potential signal material
arrival portal journal survival removal disposal referral rental interval manual animal canal metal total
tribunal carnival withdrawal appraisal retrieval trial mural rival principal official chemical
supply assembly family elderly ally rally monopoly
music traffic clinic topic logic republic epidemic pandemic critic fabric mechanic plastic
cooperative initiative incentive objective representative executive directive perspective alternative archive
drive motive vegetable table cable timetable bed seed speed feed need breed""".split())
# (and nouns in -ly: "energy supply", "empty-nest elderly"; in -ic, -ive, -able, -ed: "symphonic music",
# "joint-stock economic cooperative", "home care bed")
# Adjectives no ending gives away ("new residents and young" is not a term: 小户型 only shares 小 with it)
_PLAIN_ADJECTIVES = set("""young old small large big little high low long short wide broad deep full free clean
safe fresh rich poor strong weak smart green blue clear warm cold hot dry wet foreign domestic""".split())
_NOMINAL_END = ("tion", "sion", "ment", "ance", "ence", "ing", "al", "age", "ure", "ity", "ness")
_ADJECTIVE_AL = ("cial", "tial")   # "special", "residential": adjectives, not nouns of action like "renewal"
_AGE_VERBS = {"encourage", "discourage", "manage", "engage", "envisage"}   # no nouns in -age ("storage")
_LY_ADJECTIVES = {"elderly", "friendly", "early", "daily", "weekly", "monthly", "yearly", "orderly", "lively",
                  "family", "supply", "assembly", "monopoly", "rally", "ally"}   # (and nouns in -ly)
# The Chinese group starts with a content word and ends with a noun-like one.
_END_FLAGS = ("n", "vn", "j", "l", "an", "i")
# Characters that end a noun whatever jieba tags them (积水|点 "waterlogging points" is tagged a numeral)
_NOUN_END = set("点站区所室处台口")
# Characters that make a noun of a person, as English -er / -or / -ist do.
_AGENT_END = set("人者员")
_AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian")
_FUNCTION = set("""的 地 得 了 着 过 和 与 及 或 在 对 将 把 被 从 向 以 并 也 都 还 要 等 是 为 由 于 其 该 此 这 那 各
以下 以上 以内 以外 之间 以来""".split())
# Particles inside a term that translate no English word (博物馆之城 "museum city").
_LINKS = {"之", "暨"}   # (暨 "and" of 闭幕式暨颁奖典礼 "closing and awards ceremony")
# suffixes that make a word a modifier, which English says in the word or its ending: 申请式退租
# "application-based lease termination", 开放型经济 "open economy"
_INFIXES = {"式", "型", "性"}
_CLASSIFIERS = set("个处批项件家座条位名次所间")
_FRAMED = re.compile(r"\sin\s+$")   # "for" is not: "international center for sci-tech innovation"
# a generic action done to a term ("construction of water conservation forests" 水源保护林建设); a
# policy's own action is no frame ("dual control of energy consumption" 能耗双控)
_ACTION_OF = re.compile(r"(?:construction|development|building|implementation|promotion|improvement|advancement|"
                        r"strengthening|establishment|acceleration|upgrading|sampling|inspection|inspections|"
                        r"supervision|protection|management)\s+of\s+(?:the\s+)?")
_JOINED_BEFORE = re.compile(r"\s(?:and|in|for)\s+$")
_JOINED_AFTER = re.compile(r"\s+(?:and|in|for)\s")
_JOIN = re.compile(r"[ \t]+|[ \t]*-[ \t]*|['’][ \t]+")   # (and a plural possessive: farmers' markets)
# ... as irregular plurals write it: "children's books" 儿童读物, "women's federation" 妇联
_S_POSSESSIVE = re.compile(r"['’]s[ \t]+")
_IRREGULAR_PLURALS = set(lexicon.IRREGULAR_PLURALS) | {"people"}


class _Phrase(NamedTuple):
    start: int               # offsets in the English document
    end: int
    sentence: int
    stems: Tuple[str, ...]   # of the content words
    text: str


class _Group(NamedTuple):
    start: int               # offsets in the Chinese document
    end: int
    sentence: int
    text: str
    glosses: Tuple[FrozenSet[str], ...]   # per word
    words: Tuple[str, ...]
    verb_first: bool
    verb_last: bool
    noun_last: bool = False
    mistagged_last: bool = False   # a noun jieba tagged otherwise ends it: it must say the English head


@dataclass
class Found:
    en: str
    en_start: int            # offsets in the English document
    en_end: int
    zh: str                  # normalised (Simplified) form
    zh_start: int            # offset in the Chinese document
    en_sentence: int
    zh_sentence: int
    confidence: float = CONFIDENCE


def aligned_beads(al: Alignment):
    """The beads aligned well enough to say which of their words correspond."""
    return [b for b in al.beads if b.en and b.zh and b.quality >= MIN_QUALITY]


def _found(phrase, group) -> Found:
    return Found(phrase.text, phrase.start, phrase.end, group.text, group.start, phrase.sentence, group.sentence)


def find(al: Alignment, taken_en: Iterable[Tuple[int, int]], taken_zh: Sequence[Tuple[int, int, str]]) -> List[Found]:
    """Phrase pairs of the aligned beads that explain each other, longest first, none overlapping
    what was already taken: ``taken_en`` the English spans of the extracted terms, ``taken_zh`` the
    (start, end, English) of the Chinese spans already paired."""
    taken_en = Spans(taken_en)
    found: List[Found] = []
    inner: List[Found] = []
    for bead in aligned_beads(al):
        groups = [g for k in bead.zh for g in _zh_groups(al, k)]
        if not groups:
            continue
        phrases = [phrase for i in bead.en for phrase in _en_phrases(al, i)]
        tokens = [t for k in bead.zh for t in al.zh[k].tokens]   # the bead's Chinese words, once
        rejoined = [t for k in bead.zh for t in _rejoined(al.zh[k].tokens)]
        matches = [(phrase, g) for phrase in phrases for g in groups if _explain(phrase, g)]
        matches = [m for m in matches if not _action_on_object(*m, tokens, rejoined) and not _cut_short(al, *m)
                   and _new_in_a_word(*m)]
        cores = matches
        matches = _least_english(matches)
        matches.sort(key=lambda m: (-len(m[0].stems), -(m[1].end - m[1].start), m[0].start))
        if bead.quality >= MIN_GAP_QUALITY:
            explained = {(p.start, p.end) for p, _ in matches}
            matches += _gap_matches(al, bead, groups, [p for p in phrases if (p.start, p.end) not in explained
                                                       and not _opens_with_new(p)], rejoined)
        for (es, ee, i, _, text, *_), (zs, ze, k, zh, *_), *gap in matches:
            if _crosses(taken_en, es, ee) or any(f.en_start < ee and es < f.en_end for f in found):
                continue   # (a phrase may hold a taken term whole: "flood control work" of "… conference")
            if any(f.zh_start < ze and zs < f.zh_start + len(f.zh) for f in found):
                continue
            if any(s < ze and zs < e and not (zs <= s and e <= ze and en.lower() in text.lower())
                   for s, e, en in taken_zh):
                continue
            found.append(Found(text, es, ee, zh, zs, i, k, GAP_CONFIDENCE if gap else CONFIDENCE))
            if not gap:
                inner += _core(al, found[-1], cores)
    seen = {f.en.lower() for f in found}
    return found + [f for f in inner if f.en.lower() not in seen]


def _opens_with_new(phrase):
    return phrase.text[:4].lower() == "new "


def _new_in_a_word(phrase, group):
    """"new" opens a term only where the Chinese writes it inside a dictionary word that says it
    (新能源 "new energy", 新型农村集体经济, 新版城市总体规划), not as the loose adjective of 新要求 "new
    requirements", 新进展 "new progress", 新突破 "new breakthroughs"."""
    if not _opens_with_new(phrase):
        return True
    zh = group.text
    return any(zh[i] == "新" and any("new" in lexicon.glosses(zh[i:j]) for j in range(i + 2, min(len(zh), i + 4) + 1))
               for i in range(len(zh)))


# Kinds of thing a term is the name of, which English writes after it ("hydrogen energy technology",
# "intelligent manufacturing companies", "innovative drug research and development").
_CONTAINERS = set("""company companies enterprise enterprises firm firms technology technologies project projects
sector sectors agreement agreements cooperation research development r&d industry""".split())


def _core(al, outer, matches):
    """The term inside a found phrase that only adds the kind of thing it names after it: "hydrogen
    energy" 氢能 of "hydrogen energy technology" 氢能技术, found beside it (the longer one is the
    article's term, the shorter one the glossary's)."""
    best = None
    for phrase, group in matches:
        if phrase.start != outer.en_start or phrase.end >= outer.en_end or group.start != outer.zh_start \
                or group.end >= outer.zh_start + len(outer.zh):
            continue
        rest = al.en[phrase.sentence].span.text[phrase.end - al.en[phrase.sentence].span.start:
                                                outer.en_end - al.en[phrase.sentence].span.start]
        words = rest.lower().split()
        if phrase.text.split()[0].lower() in _GENERIC:
            continue   # "major transport" of "major transport projects" is no term
        if words and all(w in _CONTAINERS or w == "and" for w in words) and words[-1] != "and" and \
                (best is None or phrase.end > best[0].end):
            best = (phrase, group)
    return ([_found(*best)] if best else []) + _after_level(al, outer, matches)


# Levels and grades a term is qualified by, which English writes before it ("municipal science
# popularization bases" 市级科普基地, "high-end medical imaging equipment" 高端医学影像设备).
_GRADES = set("""municipal national provincial municipal-level national-level provincial-level city-level
district-level state-level high-end""".split())


def _after_level(al, outer, matches):
    """The term a found phrase only gives the level or grade of, found beside it: "science
    popularization bases" 科普基地 of "municipal science popularization bases" 市级科普基地."""
    best = None
    for phrase, group in matches:
        if phrase.end != outer.en_end or phrase.start <= outer.en_start or \
                group.start + len(group.text) != outer.zh_start + len(outer.zh) or group.start <= outer.zh_start:
            continue
        span = al.en[phrase.sentence].span
        words = span.text[outer.en_start - span.start:phrase.start - span.start].lower().split()
        if words and all(w in _GRADES for w in words) and (best is None or phrase.start < best[0].start):
            best = (phrase, group)
    return [_found(*best)] if best else []


def _action_on_object(phrase, group, tokens, rejoined):
    """Whether the phrase is a verb in -ing and its object, as the Chinese verb before its noun
    says: 涵盖芯片设计 "covering chip design", 涵盖|芯片 "covering chip" (设计 goes on). 制造企业
    "manufacturing companies", a kind of company, is one noun after the verb, ending the group.
    Or a verb in -s inside it, which the Chinese says with a verb: a clause. ``tokens`` are jieba's
    words of the bead's Chinese, ``rejoined`` the same as :func:`_rejoined` reads them."""
    words = phrase.text.split()
    verbs = [t for t in tokens if group.start <= t.start and t.end <= group.end and t.flag == "v" and len(t.word) > 1]
    if any(w.endswith("s") and singular(w) != w and not lexicon.is_stop(after)
           and any(_glosses_word(lexicon.stem(singular(w)), token_glosses(t.word)) for t in verbs)
           for w, after in zip(words, words[1:])):
        return True   # 草案鼓励社会应急力量 "draft encourages social emergency forces": a clause
    first = words[0]
    if not (first.endswith("ing") and first not in _ING_NOUNS) or words[1:2] == ["and"]:
        return False   # ("monitoring and early warning" 监测预警 names two actions)
    if not group.verb_first:   # 测试 "testing" is tagged a noun of action too: only before a phrase of its own
        return len(phrase.stems) > 2 and any(t.start == group.start and t.flag == "vn" for t in tokens)
    return len(phrase.stems) > 2 or any(t.start == group.end and t.flag.startswith(("n", "vn")) for t in rejoined)


def _cut_short(al, phrase, group):
    """Whether the English phrase stops before a word the Chinese group still says: the longest
    phrase is five content words, and "mechanism for joint prevention and control of air" leaves out
    the "pollution" of 大气污染."""
    span = al.en[phrase.sentence].span
    m = re.match(r" ([a-z]+)", span.text[phrase.end - span.start:])
    if not m or lexicon.is_stop(m.group(1)):
        return False
    following = lexicon.stem(m.group(1))
    return any(_glosses_word(following, g) for g in group.glosses)


def _gap_matches(al, bead, groups, phrases, rejoined):
    """Phrase pairs explained all but one word at the same end on both sides: the dictionary says
    "vehicles" 车辆 and nothing else of the bead says "autonomous" or 自动驾驶, so they are each
    other's ("autonomous vehicles" 自动驾驶车辆, "rock fissures" 岩体裂隙, "urban expressways"
    城市快速路). The word the dictionary lacks is inferred from its place, so the pair is a weaker
    suggestion than one explained word for word; longest first, after those."""
    en_stems = [lexicon.content_stems(al.en[i].span.text) for i in bead.en]
    zh_tokens = [t for t in rejoined if is_han_word(t.word) and t.word not in _FUNCTION and t.flag != "m"]
    bounded = [g for g in groups if not g.verb_first and _zh_bounded(zh_tokens, g)]
    out = []
    for phrase in phrases:
        span = al.en[phrase.sentence].span
        if not _en_bounded(span, phrase) or span.text[phrase.start - span.start].isupper():
            continue
        for g in bounded:
            gap = _one_gap(phrase, g)
            if gap and _gap_alone(phrase, g, gap, en_stems, zh_tokens):
                out.append((phrase, g, gap))
    out.sort(key=lambda m: (-len(m[0].stems), -(m[1].end - m[1].start), m[0].start))
    return out


_BEFORE_A_VERB = _AUXILIARIES | {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "to",
                                  "also", "not", "jointly"}
_QUANTIFIERS = set("多各每全诸众")   # 多|科技成果 "many research results"


def _en_bounded(span, phrase):
    """Whether the phrase is the whole noun phrase, no content word joined to either end: a pair
    inferred by place must not be a piece of a clause ("Beijing unveils", "cover auto")."""
    before = span.text[:phrase.start - span.start]
    after = span.text[phrase.end - span.start:]
    m = re.search(r"([A-Za-z]+)([ -]*)$", before)
    if m and (m.group(2) != " " or not lexicon.is_stop(m.group(1)) or m.group(1).lower() in _BEFORE_A_VERB):
        return False   # ("will track humidity": a verb and its object)
    m = re.match(r"([ -]*)([A-Za-z]+)", after)
    return not (m and (m.group(1) != " " or not lexicon.is_stop(m.group(2)) or m.group(2) == "of"))


def _zh_bounded(tokens, group):
    """Whether no noun follows the group (全国重点|文物保护单位: the term goes on) and no content
    word runs into its start."""
    for t in tokens:
        if t.start == group.end and (t.flag.startswith(("n", "vn")) or t.word in _NOUN_END):
            return False
        if t.end == group.start and (t.flag.startswith(("n", "vn", "a")) or t.word[:1] in "不非无未"):
            return False   # (不可|移动文物 "immovable cultural relics": the negation is the term's)
    return True


def _one_gap(phrase, group):
    """(English stem, Chinese words) the dictionary leaves unpaired, when they are one English word
    and a run of Chinese words at the same end of both, the rest paired word for word; None
    otherwise."""
    words, stems = phrase.text.split(), phrase.stems
    if len(group.words) < 2 or group.verb_last or len(words) != len(stems):
        return None   # (after "of" English runs the other way round: no end of it is the same end)
    word_glosses = [g | char_glosses(w) for g, w in zip(group.glosses, group.words)]
    en_open = [n for n, s in enumerate(stems) if not any(_glosses_word(s, g) for g in word_glosses)]
    zh_open = [n for n, (g, w) in enumerate(zip(group.glosses, group.words))
               if w not in _LINKS and w not in _INFIXES and not any(_glosses_word(s, g) for s in stems)]
    if len(en_open) != 1 or not zh_open or len(zh_open) == len(group.words) or \
            zh_open != list(range(zh_open[0], zh_open[-1] + 1)):
        return None
    n = en_open[0]
    if words[n].endswith(("ing", "ed")):
        return None   # (a verb is no modifier: "upholding whole-process people's democracy")
    if not (n == 0 and zh_open[0] == 0 or n == len(stems) - 1 and zh_open[-1] == len(group.words) - 1):
        return None
    zh = "".join(group.words[k] for k in zh_open)
    if not 2 <= len(zh) <= MAX_GAP_CHARS or zh[0] in _QUANTIFIERS:   # (学生|可 "school offers")
        return None
    return (stems[n],), tuple(group.words[k] for k in zh_open)


def _gap_alone(phrase, group, gap, en_stems, zh_tokens):
    """Whether the unpaired words are unpaired in the whole bead too: no Chinese word outside the
    group says the English ones, no English word outside the phrase is said by the Chinese ones."""
    en_gap, zh_gap = gap
    for t in zh_tokens:
        if t.start >= group.start and t.end <= group.end:
            continue
        g = frozenset(token_glosses(t.word))
        if any(_glosses_word(s, g) for s in en_gap):
            return False
    mine = list(phrase.stems)
    others = [s for stems in en_stems for s in stems]
    for s in mine:
        if s in others:
            others.remove(s)
    for w in zh_gap:
        g = frozenset(token_glosses(w))
        if any(_glosses_word(s, g) for s in others):
            return False
    return True


# What may stand before a term inside a longer one ("exit of foreign talent") and after it
# ("industrial parks and job-intensive areas", "services for foreign talent").
_OUTER_BEFORE = re.compile(r"\s(?:of|for|on)\s+(?:the\s+)?$")
_OUTER_AFTER = re.compile(r"\s+(?:and|for|in)\s")   # (not "of": "reform" of "reform of X" is its head, cut)


def find_inner(al: Alignment, outer: Iterable[Tuple[int, int, int, int]], known: Iterable[str] = ()) -> List[Found]:
    """Terms inside the terms already paired, where the longer one frames or counts them: "foreign
    talent" of "exit of foreign talent" (外籍人才 of 外籍人才出入境), "major projects" of "300 major
    projects" (重大工程项目 of 重大工程项目300余个), "industrial parks" of "industrial parks and
    job-intensive areas". ``outer`` holds (en_start, en_end, zh_start, zh_end) of the pairs; the
    inner phrase and a group of words inside the Chinese form must explain each other, as any
    phrase :func:`find` takes must. A name that merely grows ("hydrogen energy technology") keeps
    its words: nothing is cut from it."""
    seen = {k.lower() for k in known}
    found: List[Found] = []
    for es, ee, zs, ze in outer:
        i = next((n for n, e in enumerate(al.en) if e.span.start <= es and ee <= e.span.end), None)
        bead = next((b for b in al.beads if i in b.en), None) if i is not None else None
        if bead is None or not bead.zh or bead.quality < MIN_QUALITY:
            continue
        groups = [g for k in bead.zh for g in _zh_groups(al, k) if zs <= g.start and g.end <= ze]
        span = al.en[i].span
        text = span.text[es - span.start:ee - span.start]
        tokens = [t for k in bead.zh for t in al.zh[k].tokens if zs <= t.start and t.end <= ze]
        best = None
        for phrase in _en_phrases(al, i):
            if not (es <= phrase.start and phrase.end <= ee) or (phrase.start, phrase.end) == (es, ee) \
                    or phrase.text.lower() in seen:
                continue
            before, after = text[:phrase.start - es], text[phrase.end - es:]
            if not _framed(before, after):
                continue
            frame = before + ("" if after.split()[:1] == ["and"] else " " + after)   # (another term after "and")
            rest = [lexicon.content_stems(before + " " + after), lexicon.content_stems(frame)]
            for g in groups:
                if (g.start, g.end) == (zs, ze) and re.fullmatch(r"\s*and\s+\S+", after):
                    continue   # 文旅融合发展 is all of "… of culture and tourism", not "… of culture"
                if _explain(phrase, g) and _rest_explained(tokens, g, phrase, *rest) and \
                        not _coordinated_word(after, g) and (best is None or len(phrase.stems) > len(best[0].stems)):
                    best = (phrase, g)
        if best:
            phrase, g = best
            seen.add(phrase.text.lower())
            found.append(Found(phrase.text, phrase.start, phrase.end, g.text, g.start, i, g.sentence))
    return found


MAX_HEAD_WORDS = 3


def _name_places(al, names):
    """(en_start, en_end, zh_start, zh_end, English sentence, Chinese sentence) of every place an
    aligned sentence pair writes a paired name on both sides."""
    patterns = [(re.compile(r"(?<![\w-])" + re.escape(en) + r"(?![\w-])"), en, zh) for en, zh in names]
    for bead in aligned_beads(al):
        for pattern, en, zh in patterns:
            if not any(en in al.en[i].span.text for i in bead.en):
                continue
            for i in bead.en:
                span = al.en[i].span
                for m in pattern.finditer(span.text):
                    for k in bead.zh:
                        z = al.zh[k].span
                        at = al.zh_norm.find(zh, z.start, z.end)
                        while at >= 0:
                            yield span.start + m.start(), span.start + m.end(), at, at + len(zh), i, k
                            at = al.zh_norm.find(zh, at + len(zh), z.end)


def find_named_heads(al: Alignment, names: Iterable[Tuple[str, str]], known: Iterable[str] = ()) -> List[Found]:
    """A name with the lower-case words that make it a term of its own: "Great Wall culture" 长城文化,
    "Grand Canal cultural belt" 大运河文化带. ``names`` holds the (English, Chinese) names already
    paired; where an aligned sentence pair writes one, the English words right after it and the
    Chinese words right after its form must explain each other as a phrase and a group do."""
    seen = {k.lower() for k in known}
    found: List[Found] = []
    for es, ee, zs, ze, i, k in _name_places(al, names):
        span = al.en[i].span
        after = span.text[ee - span.start:]
        if not after.startswith(" "):
            continue   # ("Great Wall-themed", "Beijing's")
        words = []
        for w, at in lexicon.en_word_positions(after):
            if len(words) == MAX_HEAD_WORDS or not _plain(w) or lexicon.is_stop(w) or w in _VERBS or \
                    w in _MEASURES or w in _PREPOSITIONS or after[:at].rstrip(" -") != after[:at].rstrip() or \
                    (words and after[words[-1][1] + len(words[-1][0]):at] != " "):
                break
            words.append((w, at))
        tokens = []
        for t in _rejoined(al.zh[k].tokens):
            if t.start >= ze and (not tokens and t.start == ze or tokens and t.start == tokens[-1].end) \
                    and is_han_word(t.word) and t.word not in _FUNCTION and len(tokens) < MAX_HEAD_WORDS:
                tokens.append(t)
        best = None
        for n in range(1, len(words) + 1):
            w, at = words[n - 1]
            rest = after[at + len(w):]
            following = re.match(r" ([a-z]+)", rest)
            if not _ends_term(w, after[at - 1:at]) or rest[:1] == "-" or rest[:1].isalpha() or \
                    (w.endswith("ing") and w not in _ING_NOUNS) or (w.endswith("s") and re.match(r" to ", rest)) or \
                    (following and not lexicon.is_stop(following.group(1)) and following.group(1) not in _PREPOSITIONS):
                continue   # ("Babaoshan sub-district", "Spring Festival approaching", "District plans to",
                #            "Portugal attaches great importance": the phrase goes on, or is a clause)
            end = ee + at + len(w)
            text = span.text[es - span.start:end - span.start]
            phrase = _Phrase(es, end, i, tuple(lexicon.stem(x) for x, _ in words[:n]), text)
            for m in range(1, len(tokens) + 1):
                glosses = tuple(frozenset(token_glosses(t.word)) for t in tokens[:m])
                if not all(glosses):
                    break
                group = _Group(tokens[0].start, tokens[m - 1].end, k, "".join(t.word for t in tokens[:m]), glosses,
                               tuple(t.word for t in tokens[:m]), tokens[0].flag == "v" and len(tokens[0].word) > 1,
                               tokens[m - 1].flag == "v" and len(tokens[m - 1].word) > 1,
                               tokens[m - 1].flag.startswith("n"))
                if text.lower() not in seen and _explain(phrase, group) and not _cut_short(al, phrase, group):
                    best = (phrase, group)
        if best:
            phrase, group = best
            seen.add(phrase.text.lower())
            zh = al.zh_norm[zs:group.end]
            found.append(Found(phrase.text, es, phrase.end, zh, zs, i, k))
    return found


def _rest_explained(tokens, group, phrase, rest, frame):
    """Whether the group is the phrase's part of the longer Chinese form, and no more or less: the
    words outside it render the English words outside the phrase (出入境 "exit" of 外籍人才出入境; a
    count), and no word inside says an English word outside (建筑节能 of 既有建筑节能改造
    "energy-saving retrofits of existing buildings" is not "existing buildings"; a second term after
    "and" is no frame, and the longer pair may have left its Chinese out)."""
    for t in tokens:
        if not is_han_word(t.word) or t.word in _FUNCTION or t.flag == "m" or t.word in _CLASSIFIERS:
            continue
        g = frozenset(token_glosses(t.word))
        inside = group.start <= t.start and t.end <= group.end
        if inside and any(_glosses_word(st, g) for st in frame if st not in phrase.stems):
            return False
        if not inside and not any(_glosses_word(st, g) for st in rest):
            return False
    return True


def _coordinated_word(after, group):
    """Whether the word after "and" is one the group's last word says too: "science" of "science and
    technology infrastructure" is no term, 科技 is "science and technology" whole."""
    words = after.split()
    if len(words) < 2 or words[0] != "and":
        return False
    return _glosses_word(lexicon.stem(words[1]), group.glosses[-1])


def _framed(before, after):
    """Whether the words around a phrase inside a longer term frame it: a noun "of"/"for" it, a count
    before it, a second term after "and"."""
    if before and not (_OUTER_BEFORE.search(" " + before) or lexicon.english_number(before.strip()) is not None):
        return False
    return not after or bool(_OUTER_AFTER.match(after))


def _least_english(matches):
    """The matches no shorter phrase inside them makes redundant. Longest first is right for a
    term that grows ("urban village renovation projects"), wrong where the extra English renders
    nothing new: the same Chinese also explains a phrase inside that "and", "in" or "for" joins to
    the rest ("subsidies and social insurance subsidies", "industrial parks and job": 产业园区 is the
    shorter one, unless the extra words are words of it), or the extra is a frame before "in"
    ("experience in digital exhibitions": the term is "digital exhibitions"). Without a joining word the longer phrase stands: "family
    doctor teams" is 家庭医生团队 however loosely "doctor teams" is glossed."""
    inner = {}
    for phrase, group in matches:
        inner.setdefault((phrase.start, phrase.end), {})[group.text] = phrase
    out = []
    for phrase, group in matches:
        redundant = False
        for (s, e), by_zh in inner.items():
            if phrase.start <= s and e <= phrase.end and (s, e) != (phrase.start, phrase.end):
                before = phrase.text[:s - phrase.start]
                after = phrase.text[e - phrase.start:]
                if not after and (_FRAMED.search(before) or _ACTION_OF.fullmatch(before)):
                    redundant = True
                elif (_JOINED_BEFORE.search(before) or _JOINED_AFTER.match(after)) and group.text in by_zh:
                    redundant = _adds_nothing(phrase, by_zh[group.text], group)
                if redundant:
                    break
        if not redundant:
            out.append((phrase, group))
    return out


def _adds_nothing(longer, shorter, group):
    """Whether the longer phrase's extra words are the shorter one's again or glossed by no whole
    word of the group (only by a character inside one: 业 "job" of 产业); "ice and snow venues" 冰雪场所
    keeps its "ice", a word of 冰雪."""
    words = frozenset().union(*group.glosses)
    extra = list(longer.stems)
    for st in shorter.stems:
        if st in extra:
            extra.remove(st)
    return all(st in shorter.stems or st not in words for st in extra)


def find_loanwords(al: Alignment, taken_en: Iterable[Tuple[int, int]]) -> List[Found]:
    """Pinyin words English writes in lower case ("hutong", "siheyuan"): a word of two syllables or
    more spelt exactly as a Chinese word of its aligned sentence sounds; one term a word, written
    as the singular where the article has it ("hutong", not the first-met "hutongs")."""
    from glossary.normalize import pinyin_syllables

    taken_en = Spans(taken_en)
    words = []
    for bead in al.beads:
        if not bead.en or not bead.zh or bead.quality <= 0:
            continue   # the sound of two syllables and more is evidence enough in any aligned pair
        for i in bead.en:
            span = al.en[i].span
            for w, at in lexicon.en_word_positions(span.text):
                if _plain(w) and len(w) >= 4:
                    for form in (w, w[:-1]) if w.endswith("s") else (w,):
                        words.append((form != w, form, w, span.start + at, i, bead))
    found, seen = [], set()
    for _, form, w, start, i, bead in sorted(words, key=lambda x: (x[0], x[3])):
        syl = pinyin_syllables(form)
        if form in seen or len(syl) < 2 or "".join(syl) != form or taken_en.overlapping(start, start + len(w)):
            continue
        hit = _sounded(al, bead.zh, form, len(syl))
        if hit:
            seen.add(form)
            k, zs = hit
            found.append(Found(w, start, start + len(w), al.zh_norm[zs:zs + len(syl)], zs, i, k))
    return found


MAX_WORD_USE = 3    # an English word the dictionary uses for more Chinese words is general vocabulary
MIN_WORD_LETTERS = 5


def find_single_words(al: Alignment, taken_en: Iterable[Tuple[int, int]],
                      taken_zh: Sequence[Tuple[int, int, str]]) -> List[Found]:
    """One-word terms ("formalism" 形式主义, "cerebellum" 小脑, "mudslides" 泥石流): a lower-case
    English word the dictionary uses for at most three Chinese words, one of which the aligned
    original writes, with a sense that is that word alone. Common words ("brain", "communities")
    are left out: any sentence has some, and a glossary lists them only by a translator's choice."""
    taken_en = Spans(taken_en)
    found, seen = [], set()
    for bead in aligned_beads(al):
        tokens = [(k, t) for k in bead.zh for t in _rejoined(al.zh[k].tokens)
                  if len(t.word) > 1 and is_han_word(t.word) and not _person(t) and t.flag != "v"]
        for i in bead.en:
            span = al.en[i].span
            for w, at in lexicon.en_word_positions(span.text):
                start = span.start + at
                after = span.text[at + len(w):at + len(w) + 1]
                if not _plain(w) or len(w) < MIN_WORD_LETTERS or w in seen or lexicon.is_stop(w) \
                        or span.text[at - 1:at] == "-" or after == "-" or after.isalpha() \
                        or not _ends_term(w, "") or w in _VERBS or w in _MEASURES or singular(w) in _MEASURES \
                        or taken_en.overlapping(start, start + len(w)):
                    continue   # (a word cut at an accent, "cloisonn" of "cloisonné", is none)
                st = lexicon.stem(w)
                if not 0 < lexicon.gloss_use(st) <= MAX_WORD_USE:
                    continue
                hits = {(k, t.start, t.word) for k, t in tokens
                        if any(sense == {st} for sense in lexicon.senses(t.word))}
                if len({h[2] for h in hits}) != 1:
                    continue
                k, zs, zh = min(hits)
                if any(s < zs + len(zh) and zs < e for s, e, _ in taken_zh):
                    continue
                seen.add(w)
                found.append(Found(w, start, start + len(w), zh, zs, i, k))
    return found


# A single word is weaker evidence than a whole name: its sound must be closer (names pair at 60).
FOREIGN_WORD_MIN = 72
_CAPITAL_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-zà-öø-ÿ]{3,}(?![\w-])(?:(?=['’]s\b)|(?!['’]))")   # (Bizet's)


def find_foreign_names(al, taken_en: Iterable[Tuple[int, int]], persons: Iterable[str] = ()) -> List[Found]:
    """Foreign places and names of one word that no rule takes ("Debrecen", "Basel"): a capitalised
    word the article never writes in lower case, facing a run of transliteration characters in its
    aligned Chinese sentence that sounds like it (德布勒森), first mention each."""
    from .bilingual import sound_score

    taken_en = Spans(taken_en)
    lower = {w for e in al.en for w, _ in lexicon.en_word_positions(e.span.text) if w == w.lower()}
    # a word of a person the rules took is that person again ("Toktarov said" after "Askhar Toktarov")
    lower |= {w.lower() for n in persons for w in n.split()}
    found, seen = [], set()
    for bead in al.beads:
        if not bead.en or not bead.zh or bead.quality <= 0:
            continue
        for i in bead.en:
            span = al.en[i].span
            for m in _CAPITAL_WORD.finditer(span.text):
                w, start = m.group(), span.start + m.start()
                if w in seen or w.lower() in lower or lexicon.is_stop(w) or lexicon.stem(w) in lexicon.COUNTRIES \
                        or taken_en.overlapping(start, start + len(w)) or w.lower() in _NOT_NAMES:
                    continue
                hit = _sounding_run(al, bead.zh, sound_score(w))
                if hit:
                    seen.add(w)
                    k, zs, ze = hit
                    found.append(Found(w, start, start + len(w), al.zh_norm[zs:ze], zs, i, k))
    return found


# capitalised words that open sentences and headlines, not names
_NOT_NAMES = set("""this that these those there their they then when while with from after before during under
over into about also more most many some such each every other both first second third last next today
tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december spring summer autumn winter""".split())


def _sounding_run(al, sentences, score_of):
    """(sentence, start, end) of the run of transliteration characters that sounds most like the word,
    if it is close enough; not a piece of a dotted name (a person's) nor an ordinary word."""
    from .bilingual import best_sounding_run

    best = None
    for k in sentences:
        z = al.zh[k]
        run = best_sounding_run(al.zh_norm, al.pinyin, z.span.start, z.span.end, score_of, FOREIGN_WORD_MIN,
                                whole_runs_only=True, proper_too=True)
        if run and (best is None or run[2] > best[0]):
            best = (run[2], k, run[0], run[1])
    return best[1:] if best else None


def _sounded(al, sentences, form, n):
    """(sentence, start) of the first run of n Chinese characters that reads ``form``."""
    for k in sentences:
        z = al.zh[k]
        for a in range(z.span.start, z.span.end - n + 1):
            if "".join(al.pinyin[a:a + n]) == form:
                return k, a
    return None


def _crosses(spans, s, e):
    """Whether a span overlaps [s, e) other than lying inside it (the same span counts as taken)."""
    return any(not (s <= a and b <= e and (a, b) != (s, e)) for a, b in spans.overlapping(s, e))


def _en_phrases(al, i) -> List[_Phrase]:
    """The lower-case phrases of English sentence i that may be terms."""
    span = al.en[i].span
    words = lexicon.en_word_positions(span.text)
    out = []
    opening = _opening_capital(words)
    if opening:   # "Law enforcement officers checked …": the capital is the sentence's, not a name's
        words = [(opening, words[0][1])] + words[1:]
    for a in range(len(words)):
        first = words[a][0]
        if span.text[words[a][1] - 1:words[a][1]] == "-":
            continue   # the middle of a compound: "name service" of "real-name service"
        if first.endswith("ed") and _after_auxiliary(words, a):
            continue   # "has vigorously developed boutique homestays": a verb, not "developed countries"
        following = [w for w, _ in words[a + 1:a + 2]]
        opens = _plain(first) or _place_opener(first, following) or first in _NAME_OPENERS
        if not opens or first in _MEASURES or first in _INNER or lexicon.is_stop(first) or \
                (first in _GENERIC and first not in _GENERIC_OPENERS and not _compound_start(span.text, words[a])) or \
                first in _VERBS or first in _PARTICLES or (first.endswith("ly") and first not in _LY_ADJECTIVES) \
                or (first.endswith("ed") and len(first) > 4 and (first[:-1] in _VERBS or first[:-2] in _VERBS)) \
                or (first.endswith("ing") and (first[:-3] in _VERBS or first[:-3] + "e" in _VERBS)
                    and first not in _ING_OPENERS) \
                or first in _FRAMES:
            continue
        stems = []
        for b in range(a, len(words)):
            w, at = words[b]
            if b > a:
                prev_end = words[b - 1][1] + len(words[b - 1][0])
                gap = span.text[prev_end:at]
                if not _plain(w) or not (_JOIN.fullmatch(gap) or _S_POSSESSIVE.fullmatch(gap)
                                         and words[b - 1][0] in _IRREGULAR_PLURALS):
                    break
            if (w in _MEASURES and not (b > a and w in _COUNTED_NOUNS)) or w in _PREPOSITIONS or \
                    (b > a and w in _PARTICLES and span.text[at - 1:at] != "-"):
                break   # (a particle after the first word makes it a phrasal verb: "phase out", not "start-up")
            stop = lexicon.is_stop(w) or (lexicon.english_number(w) is not None and not _hyphened(span.text, at, w))
            if w == "based" and span.text[at - 1:at] == "-":
                continue   # "home-based care beds": 家庭养老床位
            if stop and span.text[at - 1:at] == "-" and span.text[at + len(w):at + len(w) + 1] == "-":
                continue   # "people-to-people exchanges": a word inside a compound
            if w == "the" and b > a + 1 and words[b - 1][0] == "of":
                continue   # "executive meeting of the municipal government" 市政府常务会议: Chinese has no article
            if stop and w not in _INNER:
                break
            if not stop:
                stems.append(lexicon.stem(w))
            if len(stems) > MAX_CONTENT:
                break
            possessive = span.text[at + len(w):at + len(w) + 1] in ("'", "’")   # "residents'" of "residents' courtyards"
            if not stop and len(stems) >= MIN_CONTENT and _ends_term(w, span.text[at - 1:at]) and not possessive:
                start, end = span.start + words[a][1], span.start + at + len(w)
                text = span.text[words[a][1]:at + len(w)]
                out.append(_Phrase(start, end, i, tuple(stems), opening + text[len(opening):] if a == 0 and opening else text))
    return out


def _opening_capital(words):
    """The first word of a sentence in lower case, when only its place gives it a capital: a common
    English word the dictionary glosses Chinese with ("Law", "Property"), not a name ("Beijing")."""
    if not words:
        return ""
    w = words[0][0]
    if w[:1].isupper() and w[1:].islower() and w.isalpha() and lexicon.is_common_english(w) \
            and not lexicon.is_stop(w) and lexicon.stem(w) not in lexicon.COUNTRIES \
            and w not in PROVINCES and not is_pinyin_place(w) and HEADS.get(w.lower()) != "place":
        return w.lower()   # (not "Italian director", "Beijing-based", "District market regulation bureaus")
    return ""


def _hyphened(text, at, w):
    """A number word joined to the next by a hyphen is a word of a compound ("third-generation
    semiconductors", "single-story courtyard"), not a count."""
    return text[at + len(w):at + len(w) + 1] == "-" and not w[:1].isdigit()


def _after_auxiliary(words, a):
    """Whether word a follows has/was/… directly or after an adverb in -ly (not "has 226 registered
    museums")."""
    prev = [w for w, _ in words[max(0, a - 2):a]]
    return bool(prev) and (prev[-1] in _AUXILIARIES or
                           len(prev) == 2 and prev[0] in _AUXILIARIES and prev[1].endswith("ly"))


def _place_opener(word, rest):
    """A place opening a lower-case phrase ("Beijing delegation" 北京市代表团, "Beijing section" 北京段),
    or a nationality opening a delegation or a mission ("Hungarian delegation" 匈牙利代表团; an "Italian
    director" is a person described, not a term)."""
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    if word in PROVINCES or (is_pinyin_place(word) and pinyin_count(word) >= 2 and not lexicon.is_common_english(word)
                             and not (rest and rest[0] in _SHARED_HEADS)):
        return True   # (and a district or town in pinyin: "Yanqing competition zone" 延庆赛区)
    return lexicon.stem(word) in lexicon.COUNTRIES and bool(rest) and rest[-1] in _MISSIONS


# Names that open the domain's lower-case terms: "Chinese nation" 中华民族, "Party organizations" 党组织.
_NAME_OPENERS = {"Chinese", "Party"}
# the plural head of places listed before it ("Dongcheng and Xicheng districts"): not one place's
_SHARED_HEADS = {"districts", "counties", "towns", "townships", "villages", "provinces", "cities"}
_MISSIONS = {"delegation", "delegations", "embassy", "consulate", "government", "side"}


def _compound_start(text, word):
    """A generic word hyphened to the next is part of one word: "new-energy vehicles" 新能源汽车."""
    w, at = word
    return text[at + len(w):at + len(w) + 1] == "-"


def _ends_term(word, before):
    """Whether a phrase may end with this word: a noun, as far as the spelling tells."""
    if word in _GENERIC or word in _PARTICLES or word in _PLAIN_ADJECTIVES or (word in _VERBS and word not in _NOUN_VERBS) or \
            (word.endswith(_ADJECTIVE_END) and word not in _AL_NOUNS):
        return False
    if word.endswith("ing") and word not in _ING_NOUNS and (word[:-3] in _VERBS or word[:-3] + "e" in _VERBS):
        return False   # "conference on promoting", but "work promotion meeting"
    return not (before == "-" and word.endswith("ing"))   # "noise-generating"


def _plain(word):
    return word.isalpha() and word == word.lower()


def _zh_groups(al, k) -> List[_Group]:
    """The word groups of Chinese sentence k that may be a term: consecutive Chinese words, starting
    with a content word, ending with a noun (or a verb, which _explain checks)."""
    z = al.zh[k]
    tokens = _rejoined(z.tokens)
    out = []
    for a in range(len(tokens)):
        t0 = tokens[a]
        if not is_han_word(t0.word) or t0.word in _FUNCTION or t0.word in _LINKS or _person(t0):
            continue
        if a and tokens[a - 1].word in _LINKS:
            continue   # what follows 之 ends the name before it (博物馆之城|建设), it begins nothing
        if t0.flag == "m" and len(t0.word) == 2 and t0.word[0] == "一" and t0.word[1] in _CLASSIFIERS:
            continue   # 一处|平房院落 "a single-story courtyard": a quantity, no part of the term
        if t0.flag == "m" and a and tokens[a - 1].word[-1:].isdigit():
            continue   # 130|万户|农村居民 "1.3 million rural households": the rest of a number
        # a verb before 式/型/性 is an attribute (沉浸式展览 "immersive exhibitions"), no action on what follows
        attributive = a + 1 < len(tokens) and tokens[a + 1].word in _INFIXES
        # what an adverb leads is an action, however jieba tags it (进一步|规范 "further regulate")
        after_adverb = a > 0 and tokens[a - 1].flag == "d"
        glosses, words = [], []
        for b in range(a, min(len(tokens), a + MAX_TOKENS)):
            t = tokens[b]
            if not is_han_word(t.word) or t.word in _FUNCTION or _person(t) or t.end - t0.start > MAX_ZH_CHARS:
                break
            g = token_glosses(t.word)
            if not g and t.word not in _LINKS:
                break
            glosses.append(frozenset(g))
            words.append(t.word)
            if b > a and (t.flag.startswith(_END_FLAGS) or t.word in _NOUN_END or t.flag == "v"
                          or (t.flag == "q" and len(t.word) == 1)   # 充电桩: 桩 is a pile as well as a measure
                          or _noun_mistagged(t)):
                # a verb ends a term only where the English ends with a noun of action (申请式退租
                # "application-based lease termination"): _explain checks. A verb of one character
                # is a bound morpheme jieba tags as it can (超 "ultra-", 率 "rate"), not an action.
                text = al.zh_norm[t0.start:t.end]
                out.append(_Group(t0.start, t.end, k, text, tuple(glosses), tuple(words),
                                  (t0.flag == "v" or after_adverb) and len(t0.word) > 1 and not attributive,
                                  t.flag == "v" and len(t.word) > 1,
                                  t.flag.startswith("n"), t.flag in _MISTAGGED))
        if len(t0.word) >= 2 and t0.word not in _FUNCTION:
            # one jieba word may be the whole term (传染病 "infectious diseases", 山洪 "flash floods"):
            # then its own dictionary senses must say every word of the English
            g = lexicon.glosses(t0.word) if len(t0.word) == 2 else token_glosses(t0.word)
            if g:
                out.append(_Group(t0.start, t0.end, k, t0.word, (frozenset(g),), (t0.word,), False, False))
            elif len(t0.word) == 2 and not lexicon.is_word(t0.word):
                # a compound the dictionary lacks (雪季 "snow season", 氢能 "hydrogen energy") is read
                # character by character, each character then a word that must render an English one
                # (as verbs both, when the English opens with an action: 减盐 is not "reducing salt")
                chars = tuple(frozenset(lexicon.glosses(ch)) for ch in t0.word)
                if all(chars):
                    out.append(_Group(t0.start, t0.end, k, t0.word, chars, tuple(t0.word), True, True))
    return out


def _noun_mistagged(token):
    """A noun jieba tags as an adjective, a time, a distinction word or a quantity (清单 "list" and
    合同 "contract" as a, 汛期 "flood season" as t, 等级 "levels" as b, 零部件 "parts" as mq), which
    the dictionary knows as a noun."""
    return token.flag in _MISTAGGED and len(token.word) > 1 and bool(lexicon.nominal_senses(token.word))


_MISTAGGED = {"a", "t", "b", "mq"}


def _rejoined(tokens):
    """Jieba's words as a dictionary reads them: a character it cut off a word the dictionary has
    whole (时|长 of 志愿服务时长 "volunteer service hours", 不|文明 "uncivilized", 可|再生能源) joins it
    again, one noun, as a term's last word must be; a function character it glued to the next one
    into no word (起试 of 零时起试供暖 "trial heating" at midnight, 了市) is apart again, so a term
    can start after it."""
    out = []
    for t in tokens:
        prev = out[-1] if out else None
        if prev is not None and len(prev.word) == 1 and len(prev.word + t.word) <= 5 and prev.end == t.start \
                and is_han_word(prev.word + t.word) and lexicon.is_word(prev.word + t.word) \
                and prev.word not in _FUNCTION and t.word not in _FUNCTION:
            out[-1] = replace(prev, word=prev.word + t.word, end=t.end, flag="n")
        elif len(t.word) == 2 and t.word[0] in _GLUED and is_han_word(t.word) and not lexicon.is_word(t.word):
            out += [replace(t, word=t.word[0], end=t.start + 1, flag="p"), replace(t, word=t.word[1], start=t.start + 1)]
        else:
            out.append(t)
    return out


_GLUED = _FUNCTION | {"起"}   # (从…起 "from … on")


def _person(token):
    """A personal name (严立峰 glosses as "strict", "set up", "peak"); jieba also tags some common
    words as names (许可), which the dictionary knows, and guesses names where a word takes one
    character more (文化|周 "culture weeks": a surname and a given name rarely make a common word),
    and tags two common words as one name (公共|安全 "public safety")."""
    w = token.word
    if not token.flag.startswith("nr") or lexicon.is_word(w):
        return False
    if len(w) == 4 and all(lexicon.is_word(h) and not lexicon.is_proper(h) for h in (w[:2], w[2:])):
        return False
    return not (len(w) == 3 and lexicon.is_word(w[:2]) and not lexicon.is_proper(w[:2]) and lexicon.glosses(w[2]))


def _explain(phrase, group):
    """Every content word of the phrase glossed by a word of the group, and every word of the group
    glossing a word of the phrase."""
    stems, glosses, text = phrase.stems, group.glosses, phrase.text
    if " " not in text:
        return False   # one hyphenated word is a modifier ("national-level", "short-term")
    if len(glosses) == 1 and len(group.text) == 2 and "-" in text:
        return False   # 立法 is not "law-based legislation"
    words = text.split()
    if group.verb_first and not (_names_action(words[0], group.words[0], phrase, group)
                                 or _attribute(words, group)):
        return False   # 供暖季 "heating season", 解决率 "resolution rate", but not 确认线下 "confirmed offline"
    if len(glosses) > 1 and lexicon.stem(words[-1]) not in glosses[-1] and \
            any(w.endswith("ed") and lexicon.stem(w) in glosses[-1] for w in words[:-1]):
        return False   # "(district) deployed emergency repair teams" 应急抢修队伍部署: an action and its object, reversed
    # the action is the head before "of" (数据互认 "recognition of … data") or the last word
    heads = {words[-1], words[words.index("of") - 1] if "of" in words[1:] else words[-1]}
    if group.verb_last and not any(_names_action(head, group.words[-1], phrase, group) for head in heads):
        return False   # 保护性修缮 "protective renovation", but not 推动发展 "development push"
    if group.mistagged_last and not any(_glosses_word(lexicon.stem(head), glosses[-1]) for head in heads):
        return False   # 任务清单 "task lists", but not 友谊深厚 "profound friendship"
    every = frozenset().union(*glosses)
    missing = [s for s in stems if s not in every]
    if missing:
        every = every | char_glosses(group.text)
        unexplained = {s for s in missing if not (s in every or any(_same_word(s, g) for g in every))}
        if unexplained - _compound_partners(text, stems, unexplained):
            return False
    mine = set(stems)
    last = len(group.words) - 1
    if not all(any(_glosses_word(s, g) for s in mine)
               for n, (g, word) in enumerate(zip(glosses, group.words))
               if word not in _LINKS and not (0 < n < last and word in _INFIXES)
               and not (n == last and n and _bound_suffix(word, text))
               and not (word == "可" and n < last and any(w.endswith(("able", "ible")) for w in words))):
        return False   # (可|再生能源 "renewable energy": 可 is the English suffix)
    return " and " not in text or _joined_in_order(text, glosses)


def _joined_in_order(text, glosses):
    """Whether the words "and" joins are rendered in their order, as a coordination is in both
    languages (冰雪 "ice and snow", 防控 "prevention and control"): 社会保险补贴 is "social insurance
    subsidies", not "subsidies and social insurance". Only the joined words keep their order; the
    rest moves as the two languages order words ("classified and graded data protection system"
    数据分类分级保护制度, "reform of the medical and health system" 医药卫生体制改革)."""
    words = text.split()
    for n in range(1, len(words) - 1):
        if words[n] != "and":
            continue
        before = lexicon.stem(words[n - 1].split("-")[-1])
        after = lexicon.stem(words[n + 1].split("-")[0])
        at_before = [k for k, g in enumerate(glosses) if _glosses_word(before, g)]
        at_after = [k for k, g in enumerate(glosses) if _glosses_word(after, g)]
        if at_before and at_after and min(at_before) > max(at_after):
            return False
    return True


def _in_order(stems, glosses):
    """Whether the Chinese words render the English words in their order, as a coordination does
    in both languages (冰雪 "ice and snow", 防控 "prevention and control"): 社会保险补贴 is "social
    insurance subsidies", not "subsidies and social insurance"."""
    at = []
    for g in glosses:
        first = next((i for i, s in enumerate(stems) if _glosses_word(s, g)), None)
        if first is not None:
            at.append(first)
    return at == sorted(at)


def _glosses_word(stem, glosses):
    """Whether a Chinese word's glosses say this English word, as written or as another form of it."""
    return stem in glosses or any(_same_word(stem, g) for g in glosses)


def _names_action(word, zh, phrase, group):
    """Whether an English word at the end where the Chinese group has a verb names that action as
    a noun: by its ending (a noun of action, "renovation"), or as a sense of the word jieba tagged a
    verb that is not a verb, in the same place, the rest in the same order (科研产出 "research
    output", 外卖平台 "food delivery platforms"; not 涵盖 "projects cover", only ever "to cover", and
    not 推动发展 "development push": the order is reversed)."""
    if singular(word).endswith(_NOMINAL_END) and len(zh) > 1 and singular(word) not in _AGE_VERBS \
            and not word.endswith(_ADJECTIVE_AL):
        return True   # (a character read alone must say it: 减盐 is not "reducing salt")
    if word.endswith(("ed", "ing")) and len(zh) > 1 or word in _VERBS or singular(word) in _VERBS:
        return False
    return lexicon.stem(word) in lexicon.nominal_senses(zh) and _in_order(phrase.stems, group.glosses)


def _attribute(words, group):
    """A participle before a noun, as the Chinese verb before its noun is in both readings:
    废弃矿山 "abandoned mines", 具身智能 "embodied intelligence" (确认线下 "confirmed offline" ends with
    no noun). A possessive after it opens the verb's object: "entered residents' courtyards" is no
    kind of courtyard, and 走进居民院落 no term."""
    if words[1].endswith(("'", "’", "'s", "’s")):
        return False
    if not (group.noun_last and len(group.words) > 1 and len(group.words[0]) > 1):
        return False
    if "-" in words[0]:   # a compound modifier the verb says whole: 实名服务 "real-name service"
        return all(_glosses_word(lexicon.stem(part), group.glosses[0]) for part in words[0].split("-") if part)
    return words[0].endswith("ed") and _glosses_word(lexicon.stem(words[0]), group.glosses[0])


def _bound_suffix(word, text):
    """A last character that only marks the kind of noun, which English leaves unsaid or says in its
    own ending: 产业园区 "industrial parks", 代表性传承人 "representative inheritors"."""
    if word in _NOUN_END:
        return True
    return word in _AGENT_END and singular(text.split()[-1]).endswith(_AGENT_SUFFIXES)


def _compound_partners(text, stems, unexplained):
    """Words of a hyphenated compound whose other part is explained: "high-quality" is 优质 and
    "close-knit" 紧密 as one word, though the dictionary glosses only one half of it."""
    excused = set()
    for compound in text.split()[:-1]:   # a modifier: "exit of foreign talent and for cross-border" is no term
        parts = [lexicon.stem(w) for w in compound.split("-") if w]
        if len(parts) > 1 and any(p in stems and p not in unexplained for p in parts):
            excused.update(parts)
    return excused


def _same_word(a, b):
    """Two stems of one word the stemmer cut differently (integr / integration, assist / assistanc,
    bed / beds, saving / save, soci / society)."""
    if _bare_stem(a) == _bare_stem(b) or _verb_of(a) == _bare_stem(b) or _verb_of(b) == _bare_stem(a):
        return True   # bed / beds, saving / save, emission / emit
    if (a.startswith("re") and a[2:] == b) or (b.startswith("re") and b[2:] == a):
        return True   # 充电 "recharge": "charging piles"
    n = min(len(a), len(b))
    if n >= 4 and (a.startswith(b) or b.startswith(a)):
        return True   # soci / society, plan / plann
    return n >= 5 and len(os.path.commonprefix([a, b])) >= max(5, n - 2)


# Nouns of Latin verbs change the verb's ending (emission / emit, decision / decide, extension /
# extend), so no common prefix rule meets them.
_NOUN_TO_VERB = (("ission", "it"), ("ision", "id"), ("ension", "end"), ("ansion", "and"), ("uction", "uc"))


def _verb_of(w):
    for noun, verb in _NOUN_TO_VERB:
        if w.endswith(noun) and len(w) > len(noun) + 1:
            return w[:-len(noun)] + verb
    return None


def _bare_stem(w):
    for suffix in ("ing", "ed", "es", "e", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[:-len(suffix)]
    return w


@lru_cache(maxsize=4096)
def char_glosses(zh):
    """Glosses of the single characters: 车 "vehicle" inside 柴油车, which jieba keeps whole."""
    return frozenset().union(*(lexicon.glosses(ch) for ch in zh))

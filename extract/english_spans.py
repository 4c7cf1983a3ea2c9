"""Capitalised spans of English official news: cutting, classifying and emitting them (part of extract/english.py).

A capitalised span ("Cai Qi, Secretary of the CPC Beijing Municipal Committee and Head of the Leading
Group") is cut at persons, headline verbs and coordinations, trimmed of sentence-initial words, and each
piece is classified by its title word or head noun. Embedded bodies ("of the X"), nested places and
acronyms defined in parentheses are emitted as terms of their own. `doc` is extract.english._Doc.
"""
import re
from functools import lru_cache

from extract import english_rules as R
from extract.lexicon import COUNTRIES

_RX2 = re.compile(r"[IVX]+|[0-9]{4}|Phase")
_RX2_FIRST = frozenset("(IVXP0123456789")   # first characters of "(..." and of _RX2 matches
_RX3 = re.compile(r"[^\S\n]+(?:in|for)[^\S\n]+[12][0-9]{3}(?![\w-])")
_RX4 = re.compile(r"\([0-9]{4}\)|\(\w+\)")


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
    while j > 0 and ws[j][:1] in _RX2_FIRST and (ws[j].startswith("(") or _RX2.fullmatch(ws[j])):
        j -= 1
    if j > 0 and ws[j - 1] == "Phase":
        j -= 1
    cat = R.HEADS.get(_bare(ws[j]))
    if cat:
        return cat, j
    # a body where it is: "German Embassy in China", "… Chamber of Commerce in China"
    if j >= 2 and ws[j - 1] == "in" and R.HEADS.get(_bare(ws[j - 2])) in ("body", "facility"):
        return R.HEADS[_bare(ws[j - 2])], j - 2
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
        # "Deputy" alone before another title word: keep going ("Deputy Director", "Deputy District Mayor")
        j = i + 1
        while j < len(ws) and j - i <= 3 and ws[j][:1].isupper() and \
                (_bare(ws[j]) in R.TITLE_WORDS or _bare(ws[j]) in R.TITLE_PREFIX):
            if _bare(ws[j]) in R.TITLE_WORDS:
                i = j
            j += 1
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
    if "-" in bare and all(_single_place(part) for part in bare.split("-")):
        return len(bare)   # "Beijing-Tianjin-Hebei", "Beijing-Xiong'an": places named together
    if bare.lower() in R.LEAD_STOP or R.pinyin_count(bare) > 4:
        return 0
    if R.is_pinyin_place(bare) and bare.lower() not in R.NOT_PINYIN_WORDS \
            and bare.lower() not in R.COMMON_SURNAMES:
        return len(bare)
    return 0


class _Recorder:
    """Stands in for the document while a capitalised span is cut and classified: what the span emits
    (candidates, a title's person, acronyms) is recorded with offsets relative to the span start.

    What a span emits depends only on its own text, on whether it is in a Title Case line, on whether it
    opens a sentence and on the 12 characters after it (a trailing " in 2025" joins a document head), so
    the record is cached and replayed; the first occurrence is replayed the same way."""
    __slots__ = ("work", "base", "ops")

    def __init__(self, work, base):
        self.work, self.base, self.ops = work, base, []

    def add(self, a, b, category, score=1.0, term_type="fullForm", expands=None, force=False):
        self.ops.append((0, a - self.base, b - self.base, category, score, term_type, expands, force))

    def add_person(self, a, b, category, score):
        self.ops.append((1, a - self.base, b - self.base, category, score, None, None, False))

    def set_acronym(self, acr, full):
        self.ops.append((2, 0, 0, acr, 0.0, None, full, False))


_PLANS = {}
_PLANS_MAX = 50000
_DIGIT = re.compile(r"[0-9]")
_SENTENCE_END = re.compile(r"(?:^|[.!?]\s|\n)\s*$")


def _opens_sentence(work, a):
    """Whether work[a] is the first word of a sentence."""
    return bool(_SENTENCE_END.search(work, max(0, a - 3), a)) if a else True


def _chunk_plan(work, a0, b0, g, title_mode):
    """The recorded emissions of the capitalised span work[a0:b0] == g (see _Recorder)."""
    tail = work[b0:b0 + 12]
    # the text after the span only matters through a year in it (_RX3): without digits any tail is alike
    # ... and whether it opens a sentence only through an -ing word it opens with ("Addressing the …")
    opens = "ing" in g.split(" ", 1)[0] and _opens_sentence(work, a0)
    key = (g, title_mode, tail if _DIGIT.search(tail) else "", opens)
    plan = _PLANS.get(key)
    if plan is None:
        rec = _Recorder(work, a0)
        toks = [(t.group(), t.start(), t.end()) for t in R.WORD_RE.finditer(work, a0, b0)]
        if toks:
            # typos: "Festivaland" -> "Festival" + "and"; "theBeijing" is handled by the chunk start
            if _GLUED.search(g):
                toks = _unglue(toks)
            _split_pieces(rec, toks, title_mode)
        plan = tuple(rec.ops)
        if len(_PLANS) >= _PLANS_MAX:
            _PLANS.clear()
        _PLANS[key] = plan
    return plan


def _process_chunk(doc, m):
    a0, b0 = m.span()
    g = m.group()
    if " " not in g and "(" not in g and "\xa0" not in g and "\t" not in g:
        n = _single_place(g)   # one word: only a place name or a brand can be a term on its own
        if n and not (g.lower().endswith(("and", "the", "of")) and g[:-3].lower() in R.HEADS):
            doc.add(a0, a0 + n, "place", 0.7)
        elif R.BRAND_RE.fullmatch(g):
            doc.add(a0, b0, "other", 0.5)
        if not (g[-3:].lower() in ("and", "the") or g[-2:] == "of"):
            return
    plan = _chunk_plan(doc.work, a0, b0, g, doc.in_title(a0))
    if not plan:
        return
    add = doc.add
    for kind, ra, rb, cat, score, term_type, expands, force in plan:
        if kind == 0:
            add(a0 + ra, a0 + rb, cat, score, term_type, expands, force)
        elif kind == 1:
            doc.add_person(a0 + ra, a0 + rb, cat, score)
        else:
            doc.set_acronym(cat, expands)


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
    for i in [i for i in range(n - 1) if ws[i].lower() in surnames]:
        if toks[i + 1][1] - toks[i][2] == 1:
            w2 = ws[i + 1]
            if w2.endswith(("'s", "’s")):
                w2 = w2[:-2]
            if _is_person(ws[i], w2) and (i + 2 >= n or ws[i + 2] != "Thought"):
                cut[i] = cut[i + 1] = True
    verbs = R.HEADLINE_VERBS
    for i in range(1, n) if title_mode else [i for i in range(1, n) if _bare(ws[i]) in verbs]:
        # (outside Title Case lines only headline verbs cut: the other words are skipped at once)
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
    hosted = []
    for i in range(1, n - 1):
        # "the Mayor of Paris at the Beijing Hotel": "at the" opens the place where, not a name part;
        # so does "at" after a name's head ("the … Museum at Xiannongtan"), and in a headline
        if ws[i] == "at" and (ws[i + 1].lower() == "the" or _bare(ws[i - 1]) in R.HEADS or title_mode
                              or _site_run(ws, i + 1)):
            # (… "Gergely Karácsony at Budapest City Hall": a place where, named by its head)
            cut[i] = True
            if _hosted(ws, i):
                hosted.append(i)
        # "Delft University of Technology in the Netherlands", "the Louvre Museum in France": where an
        # institution is, not its name (a plan's "… in Beijing" and an embassy's "in China" are)
        elif ws[i] in ("in", "at", "with") and ws[i + 1].endswith(("'s", "’s")):
            cut[i] = True   # "pianist Isabel Romero in Rachmaninoff's Piano Concerto": an owner opens a name
        elif i == 1 and ws[1] == "in" and _plural_opener(ws[0]):
            cut[0] = cut[1] = True   # "Venues in the Yanqing competition zone": a sentence's subject
        elif ws[i] == "in" and ((end := _capitals_end(ws, i + 1)) - i <= 3 and _place_in_district(ws[:end], i)
                                or _place_in_place(ws, i)):
            cut[i] = True   # the district is a name of its own
        elif (ws[i] in ("on", "to") or ws[i] == "in" and (ws[i + 1] == "the" or _building(ws[i - 1]))) \
                and _between_places(ws, i):
            # "… Reservoir on the Yellow River", "… Barrage to Lugou Bridge", "Zhuanta Hutong in the Xisi …
            # Conservation Area", "Guirui Theater in Beijing Expo Park": two places
            cut[i] = True
            if ws[i + 1] == "the":
                cut[i + 1] = True
        elif ws[i] == "in" and any(_bare(w) in _LOCATED_HEADS for w in ws[:i]) \
                and n - i <= 3 and all(w[:1].isupper() or w == "the" for w in ws[i + 1:]):
            cut[i] = True
            for j in range(i + 1, n):
                cut[j] = True
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
    # "UNESCO's Representative List of …": the owner opening a span is a name of its own
    pieces = [part for p in pieces for part in ([p[:1], p[1:]] if len(p) >= 3 and _owner(p[0][0]) and
                                                p[1][0][:1].isupper() else [p])]
    for p in pieces:
        if len(p) < 3:
            _emit_piece(doc, p, title_mode)
            continue
        for q in _split_and(p):
            _emit_piece(doc, q, title_mode)
    for i in hosted:   # the whole name too: "Confucius Institute at the University of Nairobi"
        a = i - 1
        while a > 0 and not cut[a - 1] and ws[a - 1][:1].isupper():
            a -= 1
        e = i + 2
        while e + 1 < n and not cut[e + 1] and (ws[e + 1][:1].isupper() or ws[e + 1] in ("of", "for", "and")):
            e += 1
        while ws[e] in ("of", "for", "and"):
            e -= 1
        doc.add(toks[a][1], toks[e][2], "body", 0.8)


_ORDINAL_WORDS = set(R.ORDINAL_WORDS)
_SESSION_BODY = re.compile(r"\b(?:Congress|Committee|CPPCC|Conference)\b")
_DEMONYM_ENDS = ("ian", "ean", "can", "ish", "ese", "ch", "ic")
_DEMONYM_WORDS = {"kazakh", "uzbek", "tajik", "turkmen", "kyrgyz", "thai", "lao", "saudi", "emirati", "israeli",
                  "iraqi", "pakistani", "bangladeshi", "nepali", "omani", "qatari", "kuwaiti", "yemeni", "swiss",
                  "greek", "dutch", "czech", "slovak", "serb", "croat", "pole", "dane", "swede", "finn", "turk"}


def _demonym(word):
    """A nationality adjective ("Kazakh Ambassador to China" is the next person's title)."""
    w = _bare(word)
    return word[:1].isupper() and w not in R.HEADS and (w.endswith(_DEMONYM_ENDS) or w in _DEMONYM_WORDS)
_LOCATED_HEADS = {"university", "museum", "institute", "college", "school", "hospital", "society", "foundation",
                  "gallery", "library", "theatre", "theater"}

_WITH = []   # marks a "with the" just passed in _split_and


# heads that name one thing together: a "Convention and Exhibition Centre" (会展中心)
_PAIRED_HEADS = {("convention", "exhibition"), ("exhibition", "convention"), ("conference", "exhibition")}
_AGREEMENTS = {"agreement", "agreements", "memorandum", "protocol", "contract", "accord", "treaty", "mou"}


def _split_and(p):
    """Split coordinated names/titles at 'and' (and 'of' between two places)."""
    ws = [t[0] for t in p]
    if "and" not in ws and "of" not in ws and "with" not in ws:
        return [p] if p else []      # nothing to split at
    out, cur = [], []
    for i, t in enumerate(p):
        w = t[0]
        if w == "the" and out and out[-1] is _WITH:
            out.pop()
            continue
        if w == "with" and cur and i + 1 < len(p) and any(_bare(c[0]) in _AGREEMENTS for c in cur) \
                and all(x[:1].isupper() for x in ws[i + 1:]):
            out.append(cur)   # "Agreement on … with Hebei Province": the other party, not the name
            cur = []
            continue
        if w == "with" and cur and i + 1 < len(p) and ws[i + 1] == "the":
            # "… High-Speed Railway with the Sub-center Line": two names ("Socialism with Chinese
            # Characteristics" has no "the")
            out.append(cur)
            out.append(_WITH)
            cur = []
            continue
        if w == "and" and cur and i + 1 < len(p) and (_bare(cur[-1][0]), _bare(ws[i + 1])) not in _PAIRED_HEADS:
            left = _bare(cur[-1][0])
            rest = ws[i + 1:]
            right_title = _title_start(rest) > 0 or (len(rest) > 1 and _demonym(rest[0]) and _title_start(rest[1:]) > 0)
            left_head = left in R.HEADS or left in R.TITLE_WORDS or (cur and _title_start([c[0] for c in cur]) > 0 and left == "beijing")
            # the right side must itself close with a head (before its own of/for) or be a title
            right_head = bool(rest) and _head_category(rest)[0] is not None
            shared = len(cur) >= 2 and rest and rest[0] == cur[-2][0]
            in_pp = any(c[0] in ("of", "for", "from", "on") for c in cur)
            if rest and rest[0] == "the" and len(rest) > 1:
                out.append(cur)
                cur = []
                continue
            if len(cur) == 1 and len(rest) >= 1 and _one_word_name(cur[0][0]) and _one_word_name(rest[0]) \
                    and (len(rest) == 1 or rest[1] == "in" or all(R.is_pinyin_place(w) for w in rest)):
                out.append(cur)   # "Shenzhen and Nansha", "Shichahai and Yandai Xiejie", "Meituan and JD.com"
                cur = []
                continue
            if len(rest) == 1 and _bare(rest[0]).endswith(_DEMONYM_ENDS) and _bare(rest[0]) not in R.HEADS:
                # "Juha Virtanen and Austrian ski coach Markus Hofmann": the next person's nationality
                out.append(cur)
                cur = []
                continue
            if len(rest) == 1 and rest[0][:1].isupper() and R.pinyin_count(_bare(rest[0])) >= 2 \
                    and not R.pinyin_count(left) and in_pp:
                # "the Commission of Transport and Dongcheng, Xicheng …": a list of districts goes on
                # after the name; an English word on the left and a lone place name on the right
                out.append(cur)
                cur = []
                continue
            if len(cur) == 1 and _place_word(cur[0][0]) and right_head and not in_pp and len(rest) >= 2:
                out.append(cur)   # "Nanluoguxiang and Universal Beijing Resort": a place and a name
                cur = []
                continue
            left_ws = [c[0] for c in cur]
            left_title = _title_start(left_ws) >= 0 or _nationality(left_ws[0]) and _title_start(left_ws[1:]) >= 0
            # ("Kenyan Ambassador to China Peter Kamau and Vice Mayor …")
            if (right_title and (left_head or left_title)) or \
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
_ORDINAL_WORD = re.compile(r"[1-9][0-9]{0,2}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth")
_LEADING_YEAR = re.compile(r"(?<![\w-])(?:19|20)[0-9]{2} ")
_LEAD_TRIM = R.LEAD_STOP | R.MONTHS | R.CONNECTORS   # words _trim drops at the start (and numbers)
_TRAIL_TRIM = R.CONNECTORS | R.MONTHS                # ... and at the end (and -ed words)
_EDITION_PAREN = re.compile(r"\((?:[12][0-9]{3}[-–][12][0-9]{3}|[A-Z][a-z]+\s[0-9][0-9.]*|[12][0-9]{3}\s[A-Z][a-z]+)\)")
# heads of documents that come out yearly (a list has no editions)
_YEARLY_HEADS = (R.DOC_HEADS - {"list"}) | {"tasks", "points", "plans"}
_YEARS_PAREN = re.compile(r"\([12][0-9]{3}(?:[-–][12][0-9]{3})?\)")


def _numbered_session(doc, p, lows, i):
    """"Third Session of the 16th Beijing Municipal People's Congress", "Fourth Plenary Session of
    the 20th CPC Central Committee": the numbered session of a congress is an event of its own
    (十六届人大三次会议, 二十届四中全会), beside the body the rules go on to emit."""
    start = i - 2 if i >= 2 and lows[i - 1] == "plenary" else i - 1
    if start < 0 or lows[start] not in _ORDINAL_WORDS or not _SESSION_BODY.search(" ".join(t[0] for t in p[i + 2:])):
        return
    doc.add(p[start][1], p[-1][2], "event", 0.8)
    if p[-1][0].startswith("(") and len(p) > 2:
        doc.add(p[start][1], p[-2][2], "event", 0.8)   # also without "(CPPCC)"


_DISTRICTS = {"district", "county", "province", "prefecture", "township", "town", "subdistrict"}
_SITE_HEADS = ("place", "facility")   # places and the sites and buildings in them
_WHERE_HEADS = _SITE_HEADS + ("event",)   # what is somewhere, as against a body that may be named so
_ADMIN_HEADS = {"district", "county", "prefecture"}   # (not "of Beijing Municipality": Beijing again)


_HOSTED = {"institute", "center", "centre", "school", "college", "laboratory", "lab"}
_HOSTS = {"university", "academy", "college"}


def _hosted(ws, i):
    """An institute a university hosts is named with it: "Confucius Institute at the University of
    Nairobi", "… Center at Peking University" (not "the Mayor of Paris at the Beijing Hotel")."""
    if _bare(ws[i - 1]) not in _HOSTED:
        return False
    rest = [w for w in ws[i + 1:i + 6] if w != "the"]
    k = next((j for j, w in enumerate(rest) if not w[:1].isupper() and w not in ("of", "and")), len(rest))
    return any(_bare(w) in _HOSTS for w in rest[:k])


def _place_in_district(ws, i):
    """A place, site or event "in" the district or province that holds it ("Shixia Village in Yanqing
    District", "Cetian Reservoir in Shanxi", "… Conference in Haidian District"), a prefecture in its
    province ("Hotan Prefecture in Xinjiang"): two names, not one."""
    if len(ws) == i + 2 and (ws[i + 1] in R.PROVINCES or _single_place(ws[i + 1])):
        # (only when the place follows the head itself: "Dream Incubator of Overseas Chinese in
        # Beijing" is a name)
        return _bare(ws[i - 1]) in _ADMIN_HEADS or R.HEADS.get(_bare(ws[i - 1])) in _WHERE_HEADS
    return _bare(ws[-1]) in _DISTRICTS and _head_category(ws[:i])[0] in _WHERE_HEADS


def _building(word):
    """Whether the word is the head of a building or site's name, which "in" a named place is somewhere
    ("Guirui Theater in Beijing Expo Park"; a park "in Xiong'an New Area" may be its branch's name)."""
    return R.HEADS.get(_bare(word)) == "facility"


def _between_places(ws, i):
    """Whether ws[i] ("on", "to", "in") stands between two names of places or sites, each closed by its
    head word: where one is, or a stretch from one to the other."""
    if R.HEADS.get(_bare(ws[i - 1])) not in _SITE_HEADS:
        return False
    return _site_run(ws, i + 2 if i + 2 < len(ws) and ws[i + 1] == "the" else i + 1)


def _site_run(ws, j):
    """Whether a run of capitalised words starts at ws[j] and is closed by the head of a place or site
    ("Budapest City Hall", "Yellow River")."""
    end = _capitals_end(ws, j)
    return end > j and R.HEADS.get(_bare(ws[end - 1])) in _SITE_HEADS


def _capitals_end(ws, i):
    """Where the run of capitalised words from i ends ("Xinjiang" of "Xinjiang from September")."""
    while i < len(ws) and ws[i][:1].isupper():
        i += 1
    return i


def _place_word(word):
    """One word that is a place of China: a province or a pinyin place of two syllables or more."""
    w = _bare(word)
    return word[:1].isupper() and (word in R.PROVINCES or (R.is_pinyin_place(word) and R.pinyin_count(w) >= 2))


def _one_word_name(word):
    """A place of China or a brand, written as one word."""
    return _place_word(word) or bool(R.BRAND_RE.fullmatch(word))


def _place_in_place(ws, i):
    """One-word places joined by "in" ("Qianhai in Shenzhen and Nansha in Guangzhou", "Nanluoguxiang
    in Dongcheng"): each is a name."""
    n = len(ws)
    return i + 1 < n and _place_word(ws[i - 1]) and (i == 1 or ws[i - 2] in ("and", "the")) \
        and _place_word(ws[i + 1]) and (i + 2 == n or ws[i + 2] == "and")


def _plural_opener(word):
    """A plural common noun, as a capital at a sentence's start writes it ("Venues", "Residents"),
    not a name's head ("Games", "Olympics") or a pinyin word."""
    lw = _bare(word)
    return lw.endswith("s") and not lw.endswith(("ss", "ics")) and lw not in R.HEADS \
        and lw not in R.TITLE_WORDS and not R.pinyin_count(lw) and word[1:].islower()


def _opening_participle(first, second, opens_sentence=False):
    """Whether a span opens with the sentence's participle and the word after it ("Working with
    Beijing Gas Group", "Located in Huilongguan Town"), which are no part of the name that follows;
    so is "Addressing the" opening a sentence ("the theme of Welcoming the Winter Olympics through
    Improvement" is a name)."""
    return first[:1].isupper() and first.endswith(("ing", "ed")) and _bare(first) not in R.HEADS \
        and (second in R.PARTICIPLE_LINKS or first.endswith("ing") and second in ("the", "a", "an") and opens_sentence)


def _yearly_event(p):
    """An event named with its year ("2025 Beijing Job Fair for Veterans"; "2025 Spring Festival" is a date)."""
    return len(p) > 2 and len(p[0][0]) == 4 and _YEAR.fullmatch(p[0][0]) and p[1][0][:1].isupper() \
        and _head_category([t[0] for t in p])[0] == "event" and " ".join(t[0] for t in p[1:]) not in _HOLIDAYS


_HOLIDAYS = {"Spring Festival", "Lantern Festival", "Mid-Autumn Festival", "Dragon Boat Festival", "Qingming Festival",
             "Double Ninth Festival", "National Day", "Labor Day", "New Year", "New Year's Day"}


def _trim(p, title_mode, opens_sentence=False):
    # leading stop-words, months, numbers; trailing connectors and verbs
    if _yearly_event(p):
        return p
    if not title_mode and len(p) > 3 and p[1][0] == "of" and p[2][0] == "the" \
            and p[0][0].lower().endswith(("tion", "ment", "ing")) and _bare(p[0][0]) not in R.HEADS:
        p = p[3:]   # "Construction of the Northeast Ring Line": the action is not part of the name
    if not title_mode and len(p) > 2 and _opening_participle(p[0][0], p[1][0], opens_sentence):
        p = p[2:]
    if not title_mode and len(p) > 2 and p[1][0] in ("from", "at") and _plural_opener(p[0][0]):
        p = p[2:]   # "Researchers from the Institute of Botany": the people are not part of the name
    while p and (p[0][0].lower() in _LEAD_TRIM or p[0][0].isdigit()):
        if p[0][0] == "No" and len(p) > 2 and p[1][0].isdigit():
            break   # "No. 3 Blast Furnace"
        if _yearly_event(p):
            break   # "The 2025 Beijing Spring Festival Consumption Season"
        if p[0][0] == "Chinese" and len(p) > 1 and _head_category([t[0] for t in p[1:]])[0] == "body":
            break   # "Chinese Athletics Association" (where "Chinese President …" is an adjective before a title)
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
    while p and (p[-1][0].lower() in _TRAIL_TRIM
                 or (p[-1][0].lower().endswith("ed") and p[-1][0].lower() not in R.HEADS and len(p) > 1)):
        p = p[:-1]
    return p


def _emit_piece(doc, p, title_mode, depth=0):
    p = _trim(p, title_mode, p[0][0].endswith("ing") and _opens_sentence(doc.work, p[0][1]))
    if not p:
        return
    ws = [t[0] for t in p]
    a, b = p[0][1], p[-1][2]
    # meetings: "Plenary Meeting of the X" -> X
    lows = [_bare(w) for w in ws]
    for i, lw in enumerate(lows) if not R.NON_TERM_HEADS.isdisjoint(lows) else ():
        if lw in R.NON_TERM_HEADS:
            if lw == "meeting" and i == len(ws) - 1 and len(ws) >= 4 and _single_place(ws[0].split("-")[0]) \
                    and all(w[:1].isupper() or w in R.CONNECTORS for w in ws):
                # a meeting named by its place and purpose: "Beijing-Debrecen Economic and Trade
                # Cooperation Matchmaking Meeting" (not "the Plenary Meeting")
                doc.add(a, b, "event", 0.7)
            if i + 2 < len(ws) and ws[i + 1] == "of":
                if lw == "session":
                    _numbered_session(doc, p, lows, i)
                _emit_piece(doc, p[i + 2:], title_mode, depth + 1)
            elif i + 1 < len(ws) and depth < 3:
                _emit_piece(doc, p[i + 1:], title_mode, depth + 1)
            return
    if len(ws) == 1:
        w = ws[0].strip("()")
        if _bare(w) in R.TITLE_ALONE_OK and w[:1].isupper() and _person_follows(doc, b):
            doc.add(a, b, "title", 0.8)   # "Premier Li Qiang": the office, before its holder
            return
        bare = w[:-2] if w.endswith(("'s", "’s")) else w
        if R.BRAND_RE.fullmatch(bare):
            doc.add(a, a + len(bare), "other", 0.5)
            return
        if bare in R.PROVINCES or ("-" in bare and _single_place(bare)) or \
                (R.is_pinyin_place(bare) and not R.is_given_name(bare) or
                 (R.is_pinyin_place(bare) and R.pinyin_count(bare) >= 2)):
            if bare.lower() not in R.NOT_PINYIN_WORDS and bare.lower() not in R.COMMON_SURNAMES:
                doc.add(a, a + len(bare), "place", 0.7)
        return
    # "Seoul Mayor Oh Se-hoon": a place, its office, and the holder's (non-Chinese) name
    if 4 <= len(ws) <= 6 and ws[0][:1].isupper() and _bare(ws[0]) not in R.TITLE_WORDS \
            and _bare(ws[0]) not in R.TITLE_PREFIX and _bare(ws[0]) not in R.HEADS:
        k = _title_start(ws[1:])
        if k > 0 and _name_words(ws[1 + k:]):
            doc.add(p[1][1], p[k][2], "title", 0.8)
            doc.add_person(p[1 + k][1], b, "person", 0.6)
            return
    # "Singaporean Ambassador to China", "Beijing Vice Mayor": a nationality or place before the
    # office is not part of its name
    if 2 <= len(ws) <= 12 and ws[0][:1].isupper() and _bare(ws[0]) not in R.TITLE_WORDS \
            and _bare(ws[0]) not in R.TITLE_PREFIX and _bare(ws[0]) not in R.HEADS \
            and (_nationality(ws[0]) and _title_start(ws[1:]) > 0
                 or _title_start(ws[1:]) == len(ws) - 1):
        _emit_piece(doc, p[1:], title_mode, depth + 1)
        ts = 1 + _title_start(ws[1:])
        if _nationality(ws[0]) and ts + 1 < len(ws) and ws[ts] == "to" and ws[ts + 1] in ("China", "Beijing"):
            # the office of one country's envoy is a term too: 埃塞俄比亚驻华大使 "Ethiopian Ambassador to China"
            doc.add(a, p[ts + 1][2], "title", 0.7)
        return
    # titles
    ts = _title_start(ws)
    if ts > 0:
        if ts == 1 and _bare(ws[0]) not in R.TITLE_ALONE_OK and len(ws) == 1:
            return
        if ts == len(ws) and ts == 1 and _bare(ws[0]) not in R.TITLE_ALONE_OK:
            return
        if ts + 2 < len(ws) and ws[ts] in ("to", "of") and ws[ts + 1][:1].isupper() and _name_words(ws[ts + 2:]):
            # "Ambassador to China Peter Tan", "Mayor of Paris Anne Hidalgo"
            doc.add(a, p[ts + 1][2], "title", 0.8)
            doc.add_person(p[ts + 2][1], b, "person", 0.6)
            return
        if len(ws) - ts >= 4 and _name_words(ws[-2:]) and ws[-3][:1].isupper() and R.pinyin_count(ws[-3]) != 1 \
                and not _name_words(ws[ts:]) and all(w[:1].isupper() or w in R.CONNECTORS for w in ws[ts:-2]):
            # "Minister of Research and Higher Education Erik Halvorsen": the office, then the name
            doc.add(a, p[-3][2], "title", 0.8)
            doc.add_person(p[-2][1], b, "person", 0.6)
            return
        if ts < len(ws) and _name_words(ws[ts:]):
            # "Ambassador Jari Sinkari": a title word directly before a (non-Chinese) name
            doc.add(a, p[ts - 1][2], "title", 0.8)
            doc.add_person(p[ts][1], b, "person", 0.6)
            return
        doc.add(a, b, "title", 0.9)
        if "(" in doc.work[a:b]:
            _acronyms_in_piece(doc, p)
            if len(p) > 2 and R.ACRO_PAREN_RE.fullmatch(ws[-1]):
                doc.add(a, p[-2][2], "title", 0.8)   # "Chief Executive of the … Region (HKSAR)": without it too
        if ts == len(ws) - 2 and ws[ts] == "of" and _bare(ws[ts - 1]) in R.TITLE_ALONE_OK \
                and (ws[-1] in R.PROVINCES or _single_place(ws[-1])):
            doc.add(a, p[ts - 1][2], "title", 0.8)   # "Vice Mayor of Beijing": the office "Vice Mayor" too
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
        if all(w[:1].isupper() or w.lower() in R.CONNECTORS or w.startswith("(") or w.isdigit() for w in ws) \
                and len(ws) <= 10:
            if any(_bare(w) in R.HEADLINE_VERBS or _bare(w) in R.NON_TERM_HEADS for w in ws):
                return
            if len(ws) <= 2 and any(w.endswith(("'s", "’s")) for w in ws[:-1]):
                return
            doc.add(a, b, "other", 0.5)
        return
    ym = _RX3.match(doc.work, b, b + 12)   # as on doc.work[b:b + 12]; ym.end() is an offset in doc.work
    if ym and not title_mode and any(_bare(w) in _YEARLY_HEADS for w in ws):
        # "Key Tasks … in 2024", "… Action Plan for 2026" name a yearly edition; "inscribed on the
        # World Heritage List in 2024" a date
        b = ym.end()
    if hi >= 0 and _bare(ws[hi]) in R.DOC_HEADS and not title_mode and a - 5 >= getattr(doc, "base", 0) \
            and _LEADING_YEAR.fullmatch(doc.work, a - 5, a):
        # (only inside the span: a recorded plan is replayed wherever the same span recurs)
        a -= 5   # "2024 Work Priorities for …": the year names the edition of the document
    doc.add(a, b, cat, 0.9)
    if len(ws) < 3:
        return
    if cat == "event" and (_ORDINAL_WORD.fullmatch(ws[0]) or _YEAR.fullmatch(ws[0])) and ws[1][:1].isupper():
        # "5th Miyun Homestay Culture Festival", "2025 Beijing Sister Cities Cooperation Forum": the event
        # recurs, an edition is one of it
        doc.add(p[1][1], b, cat, 0.8)
    paren = "(" in text
    if paren:
        _acronyms_in_piece(doc, p)
        if R.ACRO_PAREN_RE.fullmatch(ws[-1]) or _EDITION_PAREN.fullmatch(ws[-1]):
            doc.add(a, p[-2][2], cat, 0.8)          # "... Conference (CPPCC)" -> "... Conference" too
    has_as = "as" in ws or "into" in ws
    for i in range(1, len(ws) - 2 if has_as else 0):
        if ws[i] in ("as", "into") and ws[i + 1] in ("the", "an", "a"):
            sub = [t for t in p[i + 2:] if not _YEARS_PAREN.fullmatch(t[0])]
            if len(sub) >= 2 and _bare(sub[-1][0]) in R.HEADS and all(t[0][:1].isupper() or t[0] in R.CONNECTORS for t in sub):
                doc.add(sub[0][1], sub[-1][2], R.HEADS[_bare(sub[-1][0])], 0.7)
            break
    for i in range(1, len(ws) - 2 if "China" in ws else 0):
        if ws[i] == "of" and ws[i + 1] == "China" and ws[i + 2][:1].isupper() and not ws[i + 2].startswith("("):
            doc.add(a, p[i + 1][2], cat, 0.7)   # "People's Bank of China Beijing Branch"
            break
    # a numbered part of a name: "Phase III of Zhongguancun Life Science Park" is in the park
    if len(ws) >= 5 and ws[0] in ("Phase", "Section", "Stage") and ws[2] == "of" and ws[3] != "the" \
            and _head_category(ws[3:])[0]:
        doc.add(p[3][1], b, _head_category(ws[3:])[0], 0.8)
    # nested: every "of the X" suffix that has its own head ("... of the CPC Central Committee")
    for i in range(len(ws) - 3 if "the" in ws else 0, 0, -1):
        if ws[i] == "of" and ws[i + 1] == "the" and i + 2 < len(ws):
            sub = p[i + 2:]
            while sub and _RX4.fullmatch(sub[-1][0]):
                sub = sub[:-1]
            sws = [t[0] for t in sub]
            inner, at = _head_category(sws)
            # (or a name opening with its head: "… Summit of the Forum on China-Africa Cooperation")
            if len(sub) >= 2 and (_bare(sws[-1]) in R.HEADS or inner in ("body", "facility") or (inner and at == 0)) \
                    and not any(w.startswith("(") for w in sws):
                # (a body may end in its place: "… of the European Union Chamber of Commerce in China")
                doc.add(sub[0][1], sub[-1][2], inner or R.HEADS[_bare(sws[-1])], 0.8)
            break
    # the administrative place a body belongs to ("… People's Congress of Shijingshan District")
    if len(ws) >= 4 and ws[-3] == "of" and _bare(ws[-1]) in _ADMIN_HEADS and ws[-2][:1].isupper():
        doc.add(p[-2][1], b, "place", 0.8)
    # nested administrative place / airport at the front ("Chaoyang District International ...")
    for i in range(1, len(ws) - 1):
        if lows[i] in ("district", "county", "airport", "province", "municipality") and ws[i + 1][:1].isupper():
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
                doc.set_acronym(acr, full)
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


def _owner(word):
    """An acronym or place in the possessive ("UNESCO's", "Beijing's") owns what follows; "People's"
    in People's Bank of China is part of the name."""
    if not word.endswith(("'s", "’s")):
        return False
    bare = word[:-2]
    return (bare.isupper() and len(bare) >= 2) or bare in R.PROVINCES or bare.lower() in COUNTRIES or \
        (R.is_pinyin_place(bare) and not R.is_given_name(bare)) or _foreign_owner(bare)


# English words whose possessive is part of a name ("People's Daily", "Children's Hospital")
_NAME_PART_OWNERS = {"people", "children", "women", "men", "year", "capital", "city", "nation", "world", "country",
                     "state", "party", "youth", "mother", "father", "teacher", "veteran", "worker", "farmer"}


def _foreign_owner(bare):
    """A foreign name owning a work ("Rachmaninoff's Piano Concerto No. 2", "Bizet's Carmen"): a word
    pinyin does not spell and no name-part English word ("People's Daily", "Children's Hospital").
    (Not asked of the dictionary: English extraction does not load it.)"""
    return bare[:1].isupper() and bare[1:].islower() and len(bare) >= 4 and not R.pinyin_count(bare) \
        and bare.lower() not in R.HEADS and bare.lower() not in _NAME_PART_OWNERS


_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ean|ian|an|ese|ish|i|ch)")


def _nationality(word):
    """A nationality adjective, by its ending or as one of the irregular ones ("Kenyan", "Kazakh")."""
    return bool(_NATIONALITY.fullmatch(word)) or _demonym(word)


def _name_words(ws):
    """Two or three capitalised words that can only be a personal name: no head, title or
    place word among them ("Jari Sinkari", "Oh Se-hoon")."""
    return 2 <= len(ws) <= 3 and all(
        w[:1].isupper() and w.replace("-", "").isalpha() and _bare(w) not in R.HEADS
        and _bare(w) not in R.TITLE_WORDS and _bare(w) not in R.TITLE_PREFIX and w not in R.PROVINCES
        for w in ws)


def _person_follows(doc, end):
    """Whether a Chinese personal name follows ``end`` in the same capitalised span (the span's
    text is its plan's cache key, so the answer is the same wherever the span recurs)."""
    if doc.work[end:end + 1] != " ":
        return False
    m = R.PERSON_RE.match(doc.work, end + 1)
    return bool(m) and _is_person(m.group(1), m.group(2))


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

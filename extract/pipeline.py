"""Extraction as map and reduce: per document find candidates (map), then merge them into concepts (reduce).

The map step (:func:`analyse`) is a pure function of one input file and is what runs in worker
processes (``--jobs``) or on a cluster; the reduce step (:func:`merge`) is the only one that touches
the term base, inside one transaction, in input order, so the result is the same however the map
step was run.
"""
import os
import pickle
import re
import tempfile
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence

from glossary.errors import GlossaryError, InputError
from glossary.normalize import en_key
from glossary.store import MAX_OCCURRENCES_PER_DOC
from glossary.textio import read_text

from . import lexicon
from .chinese_forms import known_pairs
from .document import DocumentInfo, describe
from .merge import MergeReport, merge
from .sentences import SentenceIndex
from .statuses import BRACKETED

# Below this alignment score a "parallel" Chinese text is treated as not being a translation: its
# pairs are not recorded at all (a wrong pair is worse than none). Our translations score 0.62 and
# up; an article of the same city and genre about another event reaches 0.37.
MIN_ALIGNMENT = 0.45
# Known names nested in a longer candidate are terms too ("Shijingshan District" in "the 17th People's
# Congress of Shijingshan District"): a translator looks them up on their own.
NESTED_KNOWN = True
MIN_CONFIRMING = 0.2   # least confidence of a pair that makes a tentative phrase a term
TEXT_SUFFIXES = (".txt", ".text", ".md")


@dataclass
class Source:
    """One input: an English file, optionally with its Chinese original."""

    path: str
    zh_path: Optional[str] = None


@dataclass
class DocResult:
    source: Source
    info: DocumentInfo
    candidates: list = field(default_factory=list)
    sentences: Dict[int, str] = field(default_factory=dict)
    counts: Dict[str, int] = field(default_factory=dict)     # mentions of each surface form
    zh_info: Optional[DocumentInfo] = None
    pairs: list = field(default_factory=list)
    alignment_score: Optional[float] = None
    original_forms: Dict[int, str] = field(default_factory=dict)   # pair index → Traditional original
    warnings: List[str] = field(default_factory=list)


# -- finding the inputs --------------------------------------------------------------------------

def discover(paths: Sequence[str], zh: Optional[str] = None) -> List[Source]:
    """Expand files and folders into sources; ``NAME.en.txt`` beside ``NAME.zh.txt`` is a pair.

    A Chinese file with no English partner is reported, not silently treated as English.
    """
    files = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files += sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or folder", p)
    if zh is not None:
        if len(files) != 1:
            raise InputError("--zh pairs one Chinese file with exactly one English file", zh)
        if not Path(zh).is_file():
            raise InputError("no such file", zh)
        return [Source(str(files[0]), str(zh))]
    by_name = {str(f): f for f in files}
    sources = []
    for f in files:
        stem = f.name
        if _is_lang(stem, "zh"):
            partner = f.with_name(_swap_lang(stem, "zh", "en"))
            if str(partner) not in by_name and not partner.exists():
                raise InputError("Chinese file without its English partner "
                                 f"({partner.name}); extraction reads English articles", f)
            continue
        zh_partner = f.with_name(_swap_lang(stem, "en", "zh")) if _is_lang(stem, "en") else None
        sources.append(Source(str(f), str(zh_partner) if zh_partner and zh_partner.exists() else None))
    return sources


def _is_lang(name, lang):
    parts = name.split(".")
    return len(parts) >= 3 and parts[-2].lower() == lang


def _swap_lang(name, old, new):
    parts = name.split(".")
    parts[-2] = new
    return ".".join(parts)


# -- map -----------------------------------------------------------------------------------------

def analyse(source: Source, encoding: Optional[str] = None, known: Optional[Dict[str, str]] = None,
            use_reference: bool = True) -> DocResult:
    """Candidates (and, with a Chinese original, EN↔ZH pairs) of one document. No term base access.

    With ``use_reference`` the bundled reference list also serves as a dictionary of known terms.
    """
    from .english import extract_candidates

    text = read_text(source.path, encoding)
    result = DocResult(source, describe(text))
    if _mostly_cjk(text):
        result.warnings.append(f"{source.path}: text is mostly Chinese; extraction reads English "
                               "(pair it with its English version as NAME.en.txt / NAME.zh.txt)")
        return result
    sentences = SentenceIndex(text)
    kept = []
    for c in _candidates(text, extract_candidates, use_reference):
        # A document's result keeps counts and only the few occurrences the term base will keep as
        # context, so the map output stays small however long the corpus is.
        n = result.counts.get(c.text, 0)
        result.counts[c.text] = n + 1
        if n >= MAX_OCCURRENCES_PER_DOC and not (c.expands and c.term_type == "acronym"):
            continue
        # Number sentences here, from the offsets, so context is right whatever the extractor counts.
        i = sentences.at(c.start)
        if i >= 0:
            c.sentence_no = i
            result.sentences[i] = sentences.text(i)
        kept.append(c)
    result.candidates = kept
    if source.zh_path:
        from .bilingual import match_terms

        zh_text = read_text(source.zh_path, encoding)
        result.zh_info = describe(zh_text)
        # Generic phrases the reference knows ("keynote speech", "urban renewal") are tried too,
        # and kept only where the Chinese original confirms them with a pair.
        tentative = _tentative_candidates(text, result.candidates) if use_reference else []
        tentative += _quoted_phrases(text, result.candidates + tentative)
        offices = _bare_titles(result.candidates, {c.text for c in tentative})
        tentative += [office for office, _ in offices.values()]
        terms = sorted({c.text for c in result.candidates + tentative})
        tentative_texts = {c.text for c in tentative}
        try:
            persons = [c.text for c in result.candidates if c.category == "person"]
            report = match_terms(text, zh_text, terms, _mentioned(known or {}, text), persons)
        except GlossaryError as e:
            if e.path is None:   # the matcher knows texts, not files: name the Chinese file
                e.path = source.zh_path
            raise
        result.alignment_score = report.alignment_score
        if report.alignment_score < MIN_ALIGNMENT:
            result.warnings.append(f"{source.zh_path}: does not look like a translation of {source.path} "
                                   f"(alignment {report.alignment_score:.2f}); no Chinese forms taken from it")
        else:
            result.pairs = _offices_from_titles(_unshared(report.pairs), offices)
            # a tentative phrase needs a pair worth showing: position alone in a poorly aligned
            # sentence pair (confidence near 0) confirms nothing
            confirmed = {p.en for p in result.pairs if p.confidence >= MIN_CONFIRMING}
            result.pairs = [p for p in result.pairs if p.en in confirmed or p.en not in tentative_texts]
            kept = [(c.start, c.end, c.category) for c in tentative if c.text in confirmed]
            if kept:
                result.candidates = _drop_superseded(text, result.candidates, kept)
            for c in tentative:
                if c.text in confirmed:
                    _adopt(result, c, sentences)
            _add_confirmed_phrases(result, report.alignment, sentences)
            _persons_by_their_original(result)
            _joined_offices(result, text, zh_text, sentences)
            _rejoined_names(result, text, sentences)
            _names_before_a_head(result, sentences)
            _names_of_an_owner(result, sentences, known or {})
            _formulas(result, report.alignment, sentences)
            # The matcher works on Simplified text; keep the form as the original writes it too.
            result.original_forms = {i: zh_text[p.zh_start:p.zh_start + len(p.zh)]
                                     for i, p in enumerate(result.pairs)
                                     if zh_text[p.zh_start:p.zh_start + len(p.zh)] != p.zh}
    return result


_FOREIGN_NAME = re.compile(r"[A-Z][a-zà-öø-ÿ'-]+(?: [A-Z][a-zà-öø-ÿ'-]+){1,2}")
_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6})+")


def _persons_by_their_original(result):
    """A name the rules could not place ("Frank Weber", category other) is a person where the original
    writes it as a dotted transliteration (弗兰克·韦伯): the category decides how its pinyin is written
    and where a translator looks for it."""
    dotted = {p.en for p in result.pairs if _DOTTED_NAME.fullmatch(p.zh) and p.confidence >= 0.5}
    for c in result.candidates:
        if c.category == "other" and c.text in dotted and _FOREIGN_NAME.fullmatch(c.text):
            c.category = "person"


def _joined_offices(result, text, zh_text, sentences):
    """Two offices of one person ("Member of the Standing Committee of the CPC Beijing Municipal
    Committee and Deputy Mayor") are one title where the original writes their two Chinese forms as
    one, joined by 、 (市委常委、副市长): that is how the pair is looked up. Built only from two
    offices each paired on its own, so the whole is as sure as its weaker half; each half stays a
    term. (Without the original "and" may join two people's offices: no such title is made.)"""
    from .bilingual import Pair
    from .english import Candidate

    by_en = {p.en: p for p in result.pairs if p.confidence >= 0.5}
    seen = {c.text for c in result.candidates}
    for a, b in _joined_by_and([c for c in result.candidates if c.category == "title"], text, by_en):
        pa, pb = by_en[a.text], by_en[b.text]
        joint = pa.zh_start + len(pa.zh)
        en = text[a.start:b.end]
        if pb.zh_start != joint + 1 or zh_text[joint:joint + 1] != "、" or en in seen:
            continue
        seen.add(en)
        _adopt(result, Candidate(en, a.start, b.end, "title", 0, score=min(a.score, b.score)), sentences)
        result.pairs.append(Pair(en, f"{pa.zh}、{pb.zh}", min(pa.confidence, pb.confidence), pa.method,
                                 pa.en_sentence, pa.zh_sentence, pa.zh_start))


def _joined_by_and(candidates, text, by_en):
    """(a, b) of the candidates that the text writes "a and b", both paired in ``by_en``."""
    spans = sorted({(c.start, c.end): c for c in candidates}.values(), key=lambda c: c.start)
    ends = {c.end: c for c in spans}
    for b in spans:
        a = ends.get(b.start - len(" and "))
        if a is not None and text[a.end:b.start] == " and " and a.text in by_en and b.text in by_en:
            yield a, b


def _rejoined_names(result, text, sentences):
    """Two names the rules split at "and" ("National Press" and "Publication Administration") whose
    Chinese forms overlap (国家新闻 and 新闻出版署, both inside 国家新闻出版署) are one name: one Chinese
    word renders no two terms. The whole is taken with the union of the two forms, as sure as its
    weaker half; the halves, no renderings of anything, lose their pairs. Where the first form runs
    over the 和 that joins the two (大兴国际机场和北京 and 北京西站), the names are two and the first
    form stops before it."""
    from .bilingual import LIST_JOINS, Pair
    from .english import Candidate

    by_en = {p.en: p for p in result.pairs}
    names = [c for c in result.candidates if c.category != "person" and c.text[:1].isupper()]
    seen = {c.text for c in result.candidates}
    wrong = set()
    for a, b in _joined_by_and(names, text, by_en):
        pa, pb = by_en[a.text], by_en[b.text]
        overlap = pa.zh_start + len(pa.zh) - pb.zh_start
        en = text[a.start:b.end]
        if not 0 < overlap < len(pb.zh) or pa.zh_start >= pb.zh_start or en in seen:
            continue
        if pa.zh[-overlap - 1] in LIST_JOINS:
            trimmed = replace(pa, zh=pa.zh[:-overlap - 1])
            result.pairs = [trimmed if p is pa else p for p in result.pairs]
            by_en[a.text] = trimmed
            continue
        seen.add(en)
        wrong |= {a.text, b.text}
        _adopt(result, Candidate(en, a.start, b.end, b.category, 0, score=min(a.score, b.score)), sentences)
        result.pairs.append(Pair(en, pa.zh + pb.zh[overlap:], min(pa.confidence, pb.confidence), pb.method,
                                 pb.en_sentence, pb.zh_sentence, pa.zh_start))
    if wrong:
        result.pairs = [p for p in result.pairs if p.en not in wrong]
        result.candidates = [c for c in result.candidates if c.text not in wrong]


_NAME_THEN_HEAD = re.compile(r"((?:[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)(?: (?:and|of|for) [A-Z][\w'’-]*| [A-Z][\w'’-]*)*)"
                             r" ([a-z]+(?: [a-z]+)?)")
_ADJECTIVE_ENDS = ("ic", "ian", "ese", "ish", "an", "al")


def _names_before_a_head(result, sentences):
    """A name used as a modifier ("Belt and Road cooperation", "Beijing-Tianjin-Hebei region") whose
    Chinese form renders the name alone (一带一路, 京津冀): the name is the term that form translates,
    and the translator looks it up by the name. The longer pair stays as found."""
    from .parallel_terms import char_glosses

    seen = {c.text for c in result.candidates}
    spans = {c.text: c for c in result.candidates}
    for p in list(result.pairs):
        m = _NAME_THEN_HEAD.fullmatch(p.en)
        if not m or p.confidence < 0.5 or m.group(1) in seen or p.en not in spans \
                or m.group(1).endswith(_ADJECTIVE_ENDS) or " " not in m.group(1) and "-" not in m.group(1):
            continue   # (an adjective is no name: "Winter Olympic legacy", "Chinese modernization")
        said = lexicon.glosses(p.zh) | char_glosses(p.zh)
        if any(st[:4] == g[:4] for w in m.group(2).split() for st in [lexicon.stem(w)] for g in said):
            continue   # the Chinese renders the head too ("Haidian district" 海淀区)
        seen.add(m.group(1))
        _adopt_opening(result, sentences, spans[p.en], replace(p, en=m.group(1)))


_OF_OWNER = re.compile(r" of (?:the )?")
# a name that ends by naming its own owner, which the split took for the owner's owner
# ("LKS Faculty of Medicine of the University" of "… of Hong Kong")
_OWNED_AGAIN = re.compile(r" (?:of|at) the (?:[A-Z][\w'’-]* )*(?:University|Academy|College|Bank|Government|City)$")
_LEVELS = set("市省州区县")
CONFIDENT_OWNER = 0.72   # (a wrong owner's form leaves a wrong rest: 经济部国务|秘书 for "State Secretary")


def _names_of_an_owner(result, sentences, known):
    """"Institute of Vertebrate Paleontology and Paleoanthropology of the Chinese Academy of
    Sciences" is 中国科学院古脊椎动物与古人类研究所: Chinese writes the owner first. Where the owner is
    a term whose form opens the longer one, the rest is the form of the name before "of", which the
    article and the translator use on its own (古脊椎动物与古人类研究所; 城市建设环境保护委员会 of
    市人大城市建设环境保护委员会; 党工委书记 "Secretary of the CPC Working Committee"). Exact
    subtraction of two forms found, so as sure as the weaker of them."""
    owners = {en.lower(): (zh, 0.97) for en, zh in known.items()}
    owners.update({p.en.lower(): (p.zh, p.confidence) for p in result.pairs if p.confidence >= CONFIDENT_OWNER})
    seen = {c.text for c in result.candidates}
    spans = {c.text: c for c in result.candidates}
    for p in list(result.pairs):
        if p.confidence < 0.5 or p.en not in spans:
            continue
        for m in _OF_OWNER.finditer(p.en):   # the longest owner first
            name, owner = p.en[:m.start()], p.en[m.end():]
            if name in seen or owner.lower() not in owners:
                continue
            owner_zh, sure = owners[owner.lower()]
            rest = _owned_rest(name, p.zh, owner_zh)
            if rest:
                seen.add(name)
                _adopt_opening(result, sentences, spans[p.en],
                               replace(p, en=name, zh=rest, zh_start=p.zh_start + len(p.zh) - len(rest),
                                       confidence=min(p.confidence, sure)))
                break


def _owned_rest(name, zh, owner_zh):
    """The part of ``zh`` after the owner's form, if it is the form of ``name``: a name of two words
    or more (one word is an office: see _offices_from_titles), the owner's form ending where a word
    ends (房山区|委书记 ends inside 区委; 市人大|城市 does not), the rest saying the name's head (not
    全球 for "Global CEO")."""
    from .align import token_glosses
    from .parallel_terms import char_glosses

    if not name[:1].isupper() or " " not in name or _OWNED_AGAIN.search(name) or not zh.startswith(owner_zh) \
            or name.endswith(("tion", "ment", "ing")):
        return None   # ("Regulations on the Protection" of "… of the Great Wall": an action's object, no owner)
    rest = zh[len(owner_zh):]
    if lexicon.is_word(owner_zh[-1:] + rest[:1]) and not lexicon.is_word(rest[:2]):
        return None
    if rest[:1] in _LEVELS and owner_zh[-1:] not in _LEVELS and len(rest) > 3:
        rest = rest[1:]   # 基多|市|经济发展局: the level is the owner's
    head = lexicon.stem(name.split()[0] if " of " in name else name.split()[-1])
    said = token_glosses(rest) | char_glosses(rest)
    if len(rest) < 2 or rest[0] in "的之" or not any(head[:4] == g[:4] for g in said):
        return None
    return rest


def _adopt_opening(result, sentences, longer, pair):
    """Make the opening words of a longer term (``longer``, a candidate) a term of their own, with
    ``pair`` their Chinese form: the name the rules above read off a longer pair."""
    from .english import Candidate

    c = Candidate(pair.en, longer.start, longer.start + len(pair.en), longer.category, 0, score=longer.score)
    _adopt(result, c, sentences)
    result.pairs.append(pair)


def _mentioned(known, text):
    """The known pairs whose English the article writes: the only ones that can anchor a sentence
    or pair a term, and the matcher tries each of them on every sentence."""
    low = text.lower()
    return {en: zh for en, zh in known.items() if en.lower() in low and _written(en, text)}


def _written(en, text):
    """Whether the article writes the term as a word of its own (or its plural), an acronym in its
    capitals: "PLA" is not in "place", nor "US" in "use"."""
    flags = 0 if en.isupper() else re.IGNORECASE
    return re.search(r"(?<![\w-])" + re.escape(en) + r"(?:e?s)?(?![\w-])", text, flags) is not None


def _adopt(result, c, sentences):
    """Make a candidate the original confirmed a term of the document, with its sentence as context."""
    c.sentence_no = max(bisect_right(sentences.starts, c.start) - 1, 0)
    result.sentences[c.sentence_no] = sentences.text(c.sentence_no) if len(sentences) else ""
    result.counts[c.text] = result.counts.get(c.text, 0) + 1
    result.candidates.append(c)


def _add_confirmed_phrases(result, alignment, sentences):
    """Lower-case domain phrases the Chinese original confirms word for word ("pilot hospitals"
    试点医院), as terms with a proposed Chinese form: see :mod:`extract.parallel_terms`."""
    from .parallel_terms import (CONFIDENCE, find, find_foreign_names, find_inner, find_loanwords, find_named_heads,
                                 find_single_words)

    taken_zh = [(p.zh_start, p.zh_start + len(p.zh), p.en) for p in result.pairs if p.confidence >= 0.5]
    seen = {c.text.lower() for c in result.candidates}
    taken_en = [(c.start, c.end) for c in result.candidates]
    found = find(alignment, taken_en, taken_zh)
    # the pairs so far, and the phrases just found, may frame or count a term of their own
    paired = {p.en: p for p in result.pairs if p.confidence >= 0.5}
    outer = [(c.start, c.end, paired[c.text].zh_start, paired[c.text].zh_start + len(paired[c.text].zh))
             for c in result.candidates if c.text in paired]
    outer += [(f.en_start, f.en_end, f.zh_start, f.zh_start + len(f.zh)) for f in found]
    found += find_inner(alignment, outer, seen | {f.en.lower() for f in found})
    names = {(c.text, paired[c.text].zh) for c in result.candidates if c.text in paired and c.text[:1].isupper()
             and c.category != "person" and c.text.lower() not in lexicon.DEMONYMS}   # ("German company" describes one)
    found += find_named_heads(alignment, sorted(names), seen | {f.en.lower() for f in found})
    words = find_single_words(alignment, taken_en + [(f.en_start, f.en_end) for f in found], taken_zh)
    for f in found + find_loanwords(alignment, taken_en) + words + \
            find_foreign_names(alignment, taken_en, [c.text for c in result.candidates if c.category == "person"]):
        if f.en.lower() in seen:
            continue
        seen.add(f.en.lower())
        method = "dictionary" if f.confidence >= CONFIDENCE else "dictionary, one word by its place"
        _adopt_found(result, f, alignment, sentences, "other", method)


def _formulas(result, alignment, sentences):
    """Numbered sessions, quoted slogans and anniversaries the original confirms by their shape (see
    :mod:`extract.parallel_formulas`), where no rule took them: after the rules that read a name off
    its longer pair had their say ("18th session" 第十八次会议 inside a congress's name)."""
    from .parallel_formulas import find_anniversaries, find_quoted_lists, find_sessions

    seen = {c.text.lower() for c in result.candidates}
    found = [("event", "numeral", f) for f in find_sessions(alignment)]
    taken = [(c.start, c.end) for c in result.candidates] + [(f.en_start, f.en_end) for _, _, f in found]
    found += [("slogan", "quotation", f) for f in find_quoted_lists(alignment, taken)]
    found += [("event", "numeral", f) for f in find_anniversaries(alignment)]
    for category, method, f in found:
        if f.en.lower() not in seen:
            seen.add(f.en.lower())
            _adopt_found(result, f, alignment, sentences, category, method)


def _adopt_found(result, f, alignment, sentences, category, method):
    """A term the original confirmed (a :class:`extract.parallel_terms.Found`) as a candidate of the
    document and its pair, with both aligned sentences as evidence."""
    from .bilingual import Pair
    from .english import Candidate

    _adopt(result, Candidate(f.en, f.en_start, f.en_end, category, 0, score=f.confidence), sentences)
    result.pairs.append(Pair(f.en, f.zh, f.confidence, method, alignment.en[f.en_sentence].span.text,
                             alignment.zh[f.zh_sentence].span.text, f.zh_start))


def _candidates(text, extract_candidates, use_reference):
    """The rule-based candidates, plus the reference list's terms the rules did not reach."""
    found = extract_candidates(text)
    if not use_reference:
        return found
    from .english import Candidate
    from .known_terms import KNOWN_SCORE, find_known
    from .reference import bundled

    found = _split_known_lists(text, found, bundled())
    known = find_known(text, bundled(), [(c.start, c.end) for c in found], nested=NESTED_KNOWN)
    if not known:
        return found
    extra = [Candidate(text[s:e], s, e, category, 0, score=KNOWN_SCORE) for s, e, category in known]
    return sorted(_drop_superseded(text, found, known) + extra, key=lambda c: c.start)


_HAN = re.compile("[\u4e00-\u9fff]")
_LATIN = re.compile("[A-Za-z]")
_LIST_GLUE = re.compile(r"(?:\s*(?:,|and|&)\s*)+")


def _split_known_lists(text, found, reference):
    """A shapeless run of capitals the rules kept whole ("China and Singapore") that is only known
    names joined by "and" or commas is those names."""
    from .english import Candidate
    from .known_terms import KNOWN_SCORE, find_known

    out = []
    for c in found:
        if c.category == "other" and (" and " in c.text or "," in c.text):
            parts = _list_items(c.text, find_known(c.text, reference, []))
            if parts:
                out += [Candidate(c.text[s:e], c.start + s, c.start + e, category, c.sentence_no,
                                  score=KNOWN_SCORE if category != "other" else c.score)
                        for s, e, category in parts]
                continue
        out.append(c)
    return out


def _pinyin_place(word):
    """A one-word place name in pinyin of two syllables or more (Shichahai, Nanluoguxiang)."""
    from .english_rules import is_given_name, is_pinyin_place, pinyin_count

    return is_pinyin_place(word) and pinyin_count(word) >= 2 and not is_given_name(word)


def _list_items(text, known):
    """The items of "A, B and C" when at least one is a known name and the others are short runs of
    capitals ("Peking Opera and Zhongfan"), or when every item is a name of two or three words or a
    pinyin place ("Yuhe River Relics and Yuer Hutong", "Shichahai and Yandai Xiejie"), else None.
    A known name keeps its own "and" (Hong Kong and Macao)."""
    known = sorted(k for k in known if k[1] > k[0])
    if len(known) == 1 and known[0][:2] == (0, len(text)):
        return None   # the whole run is one known name
    items, pos = [], 0
    for start, end, category in known + [(len(text), len(text), None)]:
        gap = text[pos:start]
        for m in re.finditer(r"[^,&]+", gap):
            for piece in re.split(r"\s+and\s+|^and\s+|\s+and$", m.group().strip()):
                piece = piece.strip()
                if not piece or piece == "and":
                    continue
                words = piece.split()
                if not (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)) or \
                        (not known and len(words) < 2 and not _pinyin_place(piece)):
                    return None
                at = text.index(piece, pos)
                items.append((at, at + len(piece), "other"))
        if category is not None:
            if text[pos:start].strip() and not _LIST_GLUE.search(text[pos:start]) and items:
                return None
            items.append((start, end, category))
        pos = max(pos, end)
    if len(items) < 2:
        return None
    # every gap between items must be list glue
    for (_, e1, _), (s2, _, _) in zip(items, items[1:]):
        if not _LIST_GLUE.fullmatch(text[e1:s2]):
            return None
    return items


def _drop_superseded(text, candidates, known):
    """The candidates minus those a known term supersedes (a clipped piece of it)."""
    from .known_terms import Spans, superseded

    spans = Spans([(s, e) for s, e, _ in known])
    return [c for c in candidates
            if not any(superseded(text, s, e, c.start, c.end) for s, e in spans.overlapping(c.start, c.end))]


def _tentative_candidates(text, found):
    """Lower-case reference phrases in the text that no candidate covers, and long reference formulas
    holding candidates, first mention each."""
    from .english import Candidate
    from .known_terms import KNOWN_SCORE, find_known
    from .reference import bundled

    seen, out = set(), []
    spans = [(c.start, c.end) for c in found]
    for s, e, category in find_known(text, bundled(), spans, lower_case=True, holding=True):
        surface = text[s:e]
        if surface != surface.lower() and not any(s <= a and b <= e for a, b in spans):
            continue   # (a formula holding names is tried too: "CPC Central Committee with Comrade Xi Jinping at its core")
        m = _ORDINAL_BEFORE.search(text, max(0, s - 12), s)
        if m:   # "the first plenary meeting" is 第一次全体会议: the ordinal is part of it
            s, surface = m.start(1), text[m.start(1):e]
        if surface not in seen:
            seen.add(surface)
            out.append(Candidate(surface, s, e, category, 0, score=KNOWN_SCORE))
    return out


# The office alone, before "of" ("Deputy Director General" of "… of the Beijing Municipal Bureau of
# Commerce"): which Chinese it is (副局长, 副主任) depends on the body, and the original says it.
_BARE_TITLE = re.compile(r"((?:(?:Deputy|Vice|Executive|First|Acting|Assistant)\s+)*"
                         r"(?:Director(?:[- ]General)?|Secretary-General|Chairman|Chairwoman|Chairperson|President|"
                         r"Commissioner|Minister|Governor|State Secretary|Party Secretary|Dean))\s+of\s", re.I)
# (and written in lower case after a name: "Liu Zhenyu, deputy director of the Beijing Municipal Tax Service")


# the last characters of Chinese offices: 局长 主任 主席 秘书 书记 总理 大使 理事 大臣 总监 总裁 委员
_OFFICE_ENDS = tuple("长任席书记理使事臣监裁员")


def _offices_from_titles(pairs, offices):
    """An office's Chinese is read off its full title's (局长 of 市人力资源和社会保障局局长): the end
    of it that the dictionary says is the office. The matcher's own pair for the office stands only
    where no full title was paired and it is an office word; "Director" may also be the 导演 of a
    festival or the 总监 of an "HR director" elsewhere in the article."""
    if not offices:
        return pairs
    by_en = {p.en: p for p in pairs}
    out = [p for p in pairs if p.en not in offices]
    for office, (_, titles) in offices.items():
        full = [by_en[t] for t in titles if t in by_en]
        derived = next((d for d in (_office_end(office, f) for f in full) if d), None)
        if derived:
            out.append(derived)
        elif office in by_en and not full and by_en[office].zh.endswith(_OFFICE_ENDS):
            out.append(by_en[office])
    return out


def _office_end(office, full):
    from . import lexicon

    stems = set(lexicon.content_stems(office.replace("-", " ")))
    for n in range(min(5, len(full.zh) - 1), 1, -1):
        tail = full.zh[-n:]
        glosses = lexicon.glosses(tail) | (lexicon.glosses(tail[1:]) | {"deputy", "vice"} if tail[0] == "副" else set())
        if tail.endswith(_OFFICE_ENDS) and stems and all(st in glosses for st in stems):
            return replace(full, en=office, zh=tail, zh_start=full.zh_start + len(full.zh) - n)
    return None


def _bare_titles(found, seen):
    """The offices of the titles found, tried like the reference phrases: {office: (candidate, the
    full titles it opens)}, each kept where the original confirms it with a pair."""
    from .english import Candidate

    out = {}
    for c in found:
        m = _BARE_TITLE.match(c.text) if c.category == "title" else None
        if m and m.group(1) not in seen:
            office = m.group(1)
            if office not in out:
                out[office] = (Candidate(office, c.start, c.start + m.end(1), "title", 0, score=0.7), [])
            out[office][1].append(c.text)
    return out


_LOWER_QUOTE = re.compile(r"[\"“]([a-z][a-z'’-]*(?:,? [a-z0-9][a-z0-9'’-]*){1,14})[\"”]")


def _quoted_phrases(text, found):
    """Lower-case phrases the English puts in quotation marks ("retention, renovation and
    demolition", "one plan for each compound"): the translation of a quoted Chinese slogan. Tried
    like the reference phrases, kept only where the original confirms them; a quoted remark ends
    with its punctuation inside the marks and is not taken."""
    from .english import Candidate
    from .known_terms import Spans

    taken = Spans([(c.start, c.end) for c in found])
    out, seen = [], set()
    for m in _LOWER_QUOTE.finditer(text):
        s, e = m.span(1)
        if m.group(1) not in seen and not taken.overlapping(s, e):
            seen.add(m.group(1))
            out.append(Candidate(m.group(1), s, e, "slogan", 0, score=0.6))
    return out


_ORDINAL_BEFORE = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                             r"[1-9][0-9]?(?:st|nd|rd|th)) $")


def _unshared(pairs):
    """One Chinese span names one concept: when "CPC Central Committee" and "Political Bureau of the
    CPC Central Committee" both claim 中共中央政治局, the span belongs to the longer English term
    that contains the other, if the span renders what the longer one adds (政治局, "Political
    Bureau"): the shorter one's evidence overshot. If it does not ("President of the World Alliance
    …" given only 世界科技园区联盟), the longer one undershot and the span is the shorter one's. A form
    that only adds a bracketed acronym ("… Services (CIFTIS)") is the same concept and keeps it."""
    by_zh = {}
    for p in pairs:
        by_zh.setdefault(p.zh, []).append(en_key(p.en))
    kept = []
    for p in pairs:
        mine = en_key(p.en)
        rivals = [o for o in by_zh[p.zh] if o != mine]
        longer = [o for o in rivals if mine in o and BRACKETED.sub("", o).strip() != mine]
        shorter = [o for o in rivals if o in mine and BRACKETED.sub("", mine).strip() != o]
        overshot = [o for o in longer if _renders_extra(p.zh, o, mine)]
        if overshot:
            trimmed = _without_extra_end(p, overshot[0], mine, by_zh)
            if trimmed is not None:
                kept.append(trimmed)
            continue
        if any(not _renders_extra(p.zh, mine, o) for o in shorter):
            continue
        kept.append(p)
    return kept


def _without_extra_end(p, longer, mine, by_zh):
    """The pair cut back to the span without the end that renders what only the longer term says:
    the body "Beijing Municipal Human Resources and Social Security Bureau", read inside its
    director's title, is 市人力资源和社会保障局 of 市人力资源和社会保障局局长, not nothing."""
    from . import lexicon

    for n in (1, 2, 3):
        zh = p.zh[:-n]
        if len(zh) >= 2 and zh[-1] in _NAME_END_CHARS and not lexicon.is_word(p.zh[-n - 1:-n + 1 or None]) \
                and not _renders_extra(zh, longer, mine) and zh not in by_zh:
            return replace(p, zh=zh)   # (never inside a word: 局|局长, not 局局|长)
    return None


# the characters a body's or a place's name ends with (局 of 人社局, not 局长)
_NAME_END_CHARS = set("局委会办厅部院所处室站中心区市县镇乡村园馆社团组司署盟队")


def _renders_extra(zh, longer, shorter):
    """Whether some word of ``zh`` glosses a word the longer English term has and the shorter lacks."""
    from . import lexicon
    from .chinese import numbers_in

    words = [w for w in lexicon.en_words(longer.replace(shorter, " ")) if not lexicon.is_stop(w)]
    if "·" in zh and 1 <= len(words) <= 2 and zh.count("·") >= len(words):
        return True   # 卡塔琳娜·韦伯: the dotted name renders the given name "Katharina" of "Weber"
    numbers = {lexicon.english_number(w) for w in words} - {None}
    extra = {lexicon.stem(w) for w in words if lexicon.english_number(w) is None}
    if not words or numbers & {v for v, _, _ in numbers_in(zh)}:
        return True   # "16th" is rendered by 第十六届
    return any(lexicon.glosses(zh[i:j]) & extra
               for i in range(len(zh)) for j in range(i + 1, min(len(zh), i + lexicon.MAX_WORD) + 1))


def _mostly_cjk(text):
    sample = text[:4000]
    return len(_HAN.findall(sample)) > len(_LATIN.findall(sample))


ENGINES = ("local", "dask")


def analyse_all(sources: Sequence[Source], jobs: int = 1, encoding=None, known=None,
                progress: Optional[Callable[[DocResult], None]] = None, engine: str = "local",
                use_reference: bool = True) -> Iterable[DocResult]:
    """Run the map step over all sources, in parallel processes when ``jobs > 1``, in input order.

    ``engine="dask"`` hands the same per-document function to Dask (a ``dask.bag`` over the inputs,
    on the scheduler Dask is configured with: local processes, or a cluster when a
    ``dask.distributed.Client`` is active); the results come back in input order, so the merge —
    and the term base — are the same as with the local engine.
    """
    from functools import partial

    work = partial(analyse, encoding=encoding, known=known, use_reference=use_reference)
    if engine == "dask":
        yield from _analyse_dask(sources, jobs, work, progress)
        return
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if jobs <= 1 or len(sources) < 2:
        for s in sources:
            r = work(s)
            if progress:
                progress(r)
            yield r
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for r in pool.map(work, sources, chunksize=4):
            if progress:
                progress(r)
            yield r


def _analyse_dask(sources, jobs, work, progress):
    try:
        import dask
        import dask.bag as db
    except ImportError:
        raise InputError("the dask engine needs Dask: pip install 'glossary-zh[dask]'") from None
    bag = db.from_sequence(list(sources), npartitions=max(1, min(len(sources), (jobs or 1) * 4)))
    scheduler = dask.config.get("scheduler", None) or ("processes" if jobs > 1 else "synchronous")
    kwargs = {"num_workers": jobs} if scheduler == "processes" else {}
    for r in bag.map(work).compute(scheduler=scheduler, **kwargs):
        if progress:
            progress(r)
        yield r


def extract(store, paths, zh=None, jobs=1, encoding=None, use_reference=True, progress=None,
            engine="local") -> MergeReport:
    """The whole job: find inputs, analyse them, merge into the term base in one transaction."""
    from . import reference as reference_mod

    sources = discover(paths, zh)
    reference = reference_mod.bundled() if use_reference else None
    known = known_pairs(store, reference) if any(s.zh_path for s in sources) else None
    with tempfile.TemporaryFile(prefix="glossary-map-") as spool:
        # The map output goes to a spool file, not a list: memory stays flat however large the
        # corpus, and the write lock is taken only once every document has been analysed.
        count = 0
        for result in analyse_all(sources, jobs=jobs, encoding=encoding, known=known, progress=progress,
                                  engine=engine, use_reference=use_reference):
            pickle.dump(result, spool, protocol=pickle.HIGHEST_PROTOCOL)
            count += 1
        _warm_up()
        spool.seek(0)
        with store.transaction():
            return merge(store, (pickle.load(spool) for _ in range(count)), reference)


def _warm_up():
    """Load the dictionaries the merge needs before it takes the write lock, so a colleague's
    command waiting on the same term base waits for the merge only, not for jieba loading."""
    from .compose import bundled_vocabulary
    from .pinyin import to_pinyin

    to_pinyin("北京")
    bundled_vocabulary()


def total_size(paths) -> int:
    size = 0
    for p in paths:
        path = Path(p)
        if path.is_dir():
            size += sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        elif path.exists():
            size += os.path.getsize(path)
    return size

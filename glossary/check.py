"""Terminology consistency checks for editors: deprecated forms, inconsistent renderings, case and
spelling variants, and, in bilingual files, key terms of the Chinese missing from the English.

How matching works (and why it is linear in the text):
  every English form of every concept is lower-cased and put into ONE Aho–Corasick automaton
  (pyahocorasick), together with its British/American spelling twins that the base does not list.
  A text is lower-cased once (same length, so offsets stay valid), the automaton reports every
  form ending at each position, matches that start or end inside a word are rejected, and
  overlapping matches are resolved leftmost-longest. Only then is the original case compared with
  the forms. Chinese forms go into a second automaton run over the Chinese side of bilingual
  segments (converted to Simplified, quotes and spaces dropped).

Checks (code, default severity):
  DEPRECATED_VARIANT     error    a deprecated form is used; suggests the preferred form
  INCONSISTENT_RENDERING warning  one concept written two or more ways, in a document or across the
                                  checked files (counts per form); deprecated uses are left to
                                  DEPRECATED_VARIANT
  CASE_VARIANT           warning  a capitalised form written with lower case ("cpc beijing municipal
                                  committee"); capitalising a lower-case form and ALL CAPS are accepted
  SPELLING_VARIANT       warning  a British/American twin of a known form ("Centre" for "Center")
  KEY_TERM_MISSING       error    bilingual: the Chinese has a term whose approved English (preferred or
                                  admitted) is not in the English
  UNKNOWN_RENDERING      warning  bilingual: instead of a known form, the English has a close fuzzy
                                  match of one (reported with the text found)
  UNVERIFIED_TERM        info     a form the base only proposes (status proposed, or a machine
                                  provenance) is used: verify it (once per concept and file)
  EMPTY_TARGET           info     a bilingual unit without English; not checked

Unverified entries (status "proposed" or provenance "composed"/"pinyin-match") never raise errors
or warnings: any finding that rests on one is lowered to "info" and marked ``unverified``.

API: ``index = TermIndex.from_store(store)`` (or ``TermIndex(concepts)``), then
``check_files(index, paths)`` or ``check_text(index, english, source=chinese)`` -> CheckReport
(``findings``, ``files``, ``concepts``, ``failed(fail_on)``). Renderers and the JSON schema
("glossary-check/1") are in :mod:`glossary.checkreport`; input readers in :mod:`glossary.checkinputs`.
"""
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import ahocorasick

from .checkinputs import Document, Segment, load
from .model import Concept, Term, is_en, is_zh
from .normalize import _SPELLING, en_key, to_simplified

SEVERITIES = ("info", "warning", "error")          # ascending
CODES = {
    "DEPRECATED_VARIANT": "error",
    "INCONSISTENT_RENDERING": "warning",
    "CASE_VARIANT": "warning",
    "SPELLING_VARIANT": "warning",
    "KEY_TERM_MISSING": "error",
    "UNKNOWN_RENDERING": "warning",
    "UNVERIFIED_TERM": "info",
    "EMPTY_TARGET": "info",
}
UNVERIFIED_PROVENANCES = frozenset({"composed", "pinyin-match"})
APPROVED = ("preferred", "admitted")
# rapidfuzz score (0-100) from which a stretch of the English counts as a garbled known form.
FUZZY_MIN = 80
# Characters of context kept around a finding for the reports.
CONTEXT_CHARS = 80

# British <-> American twins of words, both directions (normalize folds British to American).
_TWINS = dict(_SPELLING)
_TWINS.update({us: uk for uk, us in _SPELLING.items()})


def is_unverified(term: Term) -> bool:
    return term.status == "proposed" or term.provenance in UNVERIFIED_PROVENANCES


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


# -- text folding (length-preserving) ----------------------------------------------------------------------

_FOLD_PAIRS = (("\n", " "), ("\r", " "), ("\t", " "), ("\u00a0", " "), ("\u2019", "'"), ("\u2018", "'"),
               ("\u2013", "-"), ("\u2011", "-"), ("\u2010", "-"))


def fold_text(text: str) -> str:
    """Lower-case copy of ``text`` with the same length (offsets stay valid), blanks and quotes unified.

    >>> fold_text("Beijing’s\\nCentre")
    "beijing's centre"
    """
    low = text.lower()
    if len(low) != len(text):   # a few characters (İ) lower to two; keep those as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for a, b in _FOLD_PAIRS:
        if a in low:
            low = low.replace(a, b)
    return low


def fold_form(form: str) -> str:
    return re.sub(r" +", " ", fold_text(unicodedata.normalize("NFKC", form).strip()))


_SIMPLIFIED_TAGS = frozenset({"zh-cn", "zh-hans", "zh-sg", "zh-hans-cn"})
_ZH_DROP = re.compile(r"[\s\u3000“”\"‘’'《》〈〉「」『』]")


def fold_zh(text: str, simplified: bool = False) -> str:
    """Chinese matching form: NFKC, Simplified (OpenCC t2s), no blanks, quotes or title marks.

    ``simplified=True`` skips the (slow) conversion for text known to be Simplified already.
    """
    text = unicodedata.normalize("NFKC", text)
    if simplified:
        return _ZH_DROP.sub("", text)
    return _ZH_DROP.sub("", to_simplified(text))


_WORD_RUN = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?")


def _is_word(ch: str) -> bool:
    # Letters and digits of alphabetic scripts; a Chinese character next to an English term is a boundary.
    return ch.isalnum() and ch < "\u2e80"


# -- the index ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """What one automaton key stands for: a term of a concept, or a spelling twin of one."""

    concept_id: int
    term: Term
    kind: str = "form"           # "form" or "spelling"


@dataclass
class Hit:
    """A resolved English match in a segment."""

    start: int
    end: int
    text: str                    # as written
    entry: Entry
    case_variant: bool = False

    @property
    def concept_id(self):
        return self.entry.concept_id

    @property
    def term(self):
        return self.entry.term


def _automaton(mapping: Dict[str, list], boundaries: bool):
    auto = ahocorasick.Automaton()
    for key, entries in mapping.items():
        left = boundaries and _is_word(key[0])
        right = boundaries and _is_word(key[-1])
        auto.add_word(key, (len(key), tuple(entries), left, right))
    if len(auto):
        auto.make_automaton()
    return auto


class TermIndex:
    """All forms of a term base compiled once; :meth:`scan_en` and :meth:`scan_zh` find them in text."""

    def __init__(self, concepts: Iterable[Concept]):
        self.concepts: Dict[int, Concept] = {}
        self._preferred: Dict[tuple, Optional[Term]] = {}
        en_map, zh_map = defaultdict(list), defaultdict(list)
        for n, concept in enumerate(concepts):
            cid = concept.id if concept.id is not None else -(n + 1)
            concept.id = cid
            self.concepts[cid] = concept
            for term in concept.terms:
                if is_zh(term.lang):
                    key = fold_zh(term.text, simplified=term.lang.lower() in _SIMPLIFIED_TAGS)
                    if key:
                        zh_map[key].append(Entry(cid, term))
                elif is_en(term.lang) or not term.lang:
                    key = fold_form(term.text)
                    if key:
                        en_map[key].append(Entry(cid, term))
        twins = defaultdict(list)
        for key, entries in en_map.items():
            twin = " ".join(_TWINS.get(w, w) for w in key.split(" "))
            if twin != key and twin not in en_map:
                twins[twin].extend(Entry(e.concept_id, e.term, "spelling") for e in entries)
        en_map.update(twins)
        self.en_auto = _automaton(en_map, boundaries=True)
        self.zh_auto = _automaton(zh_map, boundaries=False)
        self.forms = len(en_map) + len(zh_map)

    def preferred(self, concept_id: int, approved_only: bool = False) -> Optional[Term]:
        """:func:`_preferred_en` of a concept, computed once per concept."""
        key = (concept_id, approved_only)
        if key not in self._preferred:
            self._preferred[key] = _preferred_en(self.concepts[concept_id], approved_only)
        return self._preferred[key]

    @classmethod
    def from_store(cls, store, categories=None) -> "TermIndex":
        return cls(store.iter_concepts(categories=categories, contexts=0))

    # -- matching ------------------------------------------------------------------------------------
    @staticmethod
    def _run(auto, low):
        """Leftmost-longest matches of ``auto`` in the folded text, word boundaries enforced."""
        if not len(auto):
            return []
        n = len(low)
        found = []
        for end, (length, entries, left, right) in auto.iter(low):
            start = end - length + 1
            if left and start and _is_word(low[start - 1]):
                continue
            if right and end + 1 < n and _is_word(low[end + 1]):
                continue
            found.append((start, end + 1, entries))
        if len(found) > 1:
            found.sort(key=lambda m: (m[0], -m[1]))
            out, last = [], -1
            for m in found:
                if m[0] >= last:
                    out.append(m)
                    last = m[1]
            return out
        return found

    def scan_en(self, text: str) -> List[Hit]:
        """Known English forms in ``text``, resolved against the original case."""
        return [self._resolve(text, s, e, entries) for s, e, entries in self._run(self.en_auto, fold_text(text))]

    def scan_zh(self, text: str) -> List[Entry]:
        """Chinese forms (first entry per match) present in ``text``; offsets are not kept."""
        return [entries for _, _, entries in self._run(self.zh_auto, fold_zh(text))]

    @staticmethod
    def _resolve(text, start, end, entries) -> Hit:
        written = text[start:end]
        if len(entries) == 1 and entries[0].kind == "form":      # the common case, kept fast
            entry = entries[0]
            form = entry.term.text
            if form == written:
                return Hit(start, end, written, entry)
            squeezed = written if _plain_spaces(written) else re.sub(r"\s+", " ", written)
            return Hit(start, end, written, entry, case_variant=form != squeezed and _lowered_capitals(form, squeezed))
        squeezed = written if _plain_spaces(written) else re.sub(r"\s+", " ", written)
        forms = [e for e in entries if e.kind == "form"]
        exact = [e for e in forms if e.term.text == squeezed]
        if exact:
            return Hit(start, end, written, _best(exact))
        if forms:
            entry = _best(forms)
            return Hit(start, end, written, entry, case_variant=_lowered_capitals(entry.term.text, squeezed))
        return Hit(start, end, written, _best(entries))


def _has_form(low, concept) -> bool:
    """Whether any English form of ``concept`` occurs as whole words in the folded text ``low``."""
    for term in concept.en:
        form = fold_form(term.text)
        i = low.find(form)
        while i >= 0:
            j = i + len(form)
            if not (i and _is_word(low[i - 1]) and _is_word(form[0])) and \
                    not (j < len(low) and _is_word(low[j]) and _is_word(form[-1])):
                return True
            i = low.find(form, i + 1)
    return False


def _plain_spaces(s):
    return "\n" not in s and "\t" not in s and "\r" not in s and "\u00a0" not in s


@lru_cache(maxsize=65536)
def _use_key(text):
    return en_key(text)


def _best(entries):
    """Among homonymous entries, an approved one wins over deprecated or unverified ones."""
    def rank(e):
        t = e.term
        return (is_unverified(t), t.status == "deprecated", t.status not in APPROVED)
    return min(entries, key=rank)


def _lowered_capitals(form, written):
    """True when ``written`` lower-cases a capital of ``form`` (ALL CAPS headings are accepted)."""
    if written.isupper() or len(form) != len(written):
        return False
    return any(f.isupper() and w.islower() for f, w in zip(form, written))


# -- findings ----------------------------------------------------------------------------------------------

@dataclass
class Finding:
    code: str
    severity: str
    file: str
    line: int
    col: int
    message: str
    suggestion: str = ""
    text: str = ""                        # the text found (empty when something is missing)
    concept_id: Optional[int] = None
    term: Optional[str] = None            # the base form concerned
    segment: Optional[str] = None         # unit id, row, sentence
    context: str = ""                     # the segment around the finding
    source: Optional[str] = None          # the Chinese of the segment (bilingual)
    scope: str = "segment"                # segment | document | set
    unverified: bool = False
    occurrences: List[dict] = field(default_factory=list)   # INCONSISTENT_RENDERING: every use
    context_span: Optional[List[int]] = None   # [start, end) of ``text`` within ``context``

    def to_dict(self):
        return {k: getattr(self, k) for k in ("code", "severity", "file", "line", "col", "message", "suggestion",
                                              "text", "concept_id", "term", "segment", "context", "source",
                                              "scope", "unverified", "occurrences", "context_span")}


@dataclass
class FileResult:
    path: str
    kind: str
    segments: int = 0
    error: Optional[str] = None
    source_path: Optional[str] = None
    aligned: Optional[bool] = None


@dataclass
class CheckReport:
    files: List[FileResult]
    findings: List[Finding]
    concepts: Dict[int, Concept]           # concepts the findings refer to

    @property
    def bad_files(self):
        return [f for f in self.files if f.error]

    def counts(self) -> Dict[str, int]:
        c = Counter(f.severity for f in self.findings)
        return {s: c.get(s, 0) for s in reversed(SEVERITIES)}

    def by_code(self) -> Dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    def failed(self, fail_on: str = "error") -> bool:
        """True when a file could not be checked or a finding is at or above ``fail_on``."""
        floor = severity_rank(fail_on)
        return bool(self.bad_files) or any(severity_rank(f.severity) >= floor for f in self.findings)


def _preferred_en(concept: Concept, approved_only=False) -> Optional[Term]:
    """The English form to suggest: the first approved one, else (unless ``approved_only``) any
    form that is not deprecated."""
    en = concept.en
    for t in en:
        if t.status in APPROVED and not is_unverified(t):
            return t
    if approved_only:
        return None
    return next((t for t in en if t.status != "deprecated"), None)


def _context(text, start, end):
    """The text around [start, end) and where the finding sits in it: (context, [s, e] or None)."""
    a = max(0, start - CONTEXT_CHARS)
    b = min(len(text), end + CONTEXT_CHARS)
    lead = "…" if a else ""
    ctx = lead + text[a:b].replace("\n", " ") + ("…" if b < len(text) else "")
    span = [len(lead) + start - a, len(lead) + end - a] if end > start else None
    return ctx, span


class Checker:
    """Runs the checks over segments; one instance per check run (it remembers per-file state)."""

    def __init__(self, index: TermIndex):
        self.index = index
        self.findings: List[Finding] = []
        self.uses = defaultdict(list)        # concept id -> [(file, line, col, written, en_key, term)]
        self._hinted = set()
        self._seq = 0                        # segments seen: orders uses without locating them

    def add(self, code, seg: Segment, start, end, message, suggestion="", *, hit=None, concept_id=None,
            term=None, unverified=False, scope="segment", line=None, col=None):
        severity = "info" if unverified else CODES[code]
        if line is None:
            line, col = seg.locate(start)
        context, span = _context(seg.text, start, end) if seg.text else ("", None)
        self.findings.append(Finding(
            code, severity, seg.file, line, col, message, suggestion, text=hit.text if hit else "",
            concept_id=concept_id, term=term, segment=seg.id,
            context=context, context_span=span, source=seg.source, scope=scope, unverified=unverified))

    def check_segment(self, seg: Segment):
        if seg.empty_target:
            self.add("EMPTY_TARGET", seg, 0, 0, "unit has no English text; not checked",
                     "translate it, then check again")
            return
        self._seq += 1
        hits = self.index.scan_en(seg.text)
        for hit in hits:
            self._check_hit(seg, hit)
        if seg.source:
            self._check_bilingual(seg, hits)

    def _check_hit(self, seg, hit: Hit):
        entry = hit.entry
        term, cid = entry.term, entry.concept_id
        if term.status != "deprecated":
            # where it is (line, col) is worked out only if an inconsistency is reported
            self.uses[cid].append((seg.file, self._seq, hit.start, hit.text, _use_key(term.text), term, seg))
            if entry.kind == "form" and not hit.case_variant and term.status in APPROVED \
                    and term.provenance not in UNVERIFIED_PROVENANCES:
                return       # the common case: an approved form, written right
        unverified = is_unverified(term)
        line, col = seg.locate(hit.start)
        if term.status == "deprecated":     # spelled as in the base or as its British/American twin
            best = self.index.preferred(cid)
            self.add("DEPRECATED_VARIANT", seg, hit.start, hit.end,
                     f"'{hit.text}' is a deprecated form" + (f" of concept #{cid}" if not best else "")
                     + (f" ('{term.text}' spelled differently)" if entry.kind == "spelling" else ""),
                     f"use '{best.text}'" + (" (unverified suggestion)" if best and is_unverified(best) else "")
                     if best else "see the term base entry", hit=hit, concept_id=cid, term=term.text,
                     unverified=unverified, line=line, col=col)
            return
        if hit.entry.kind == "spelling":
            base = term.text
            self.add("SPELLING_VARIANT", seg, hit.start, hit.end,
                     f"'{hit.text}' spells a term differently from the term base",
                     f"use '{base}'",
                     hit=hit, concept_id=cid, term=base, unverified=unverified, line=line, col=col)
            return
        if hit.case_variant:
            self.add("CASE_VARIANT", seg, hit.start, hit.end,
                     f"'{hit.text}' is written in the wrong case", f"use '{term.text}'", hit=hit,
                     concept_id=cid, term=term.text, unverified=unverified, line=line, col=col)
            return
        if unverified and (seg.file, cid) not in self._hinted:
            self._hinted.add((seg.file, cid))
            self.add("UNVERIFIED_TERM", seg, hit.start, hit.end,
                     f"'{hit.text}' is only proposed in the term base ({term.status}, {term.provenance})",
                     f"verify it; if right, approve it (glossary set-status {term.id} preferred)"
                     if term.id else "verify it", hit=hit, concept_id=cid, term=term.text, unverified=True,
                     line=line, col=col)

    def _check_bilingual(self, seg, hits):
        present = {h.concept_id for h in hits}
        nearby = low = None
        done = set()
        for entries in self.index.scan_zh(seg.source):
            entry = _best(entries)
            cid = entry.concept_id
            if cid in present or cid in done:
                continue
            done.add(cid)
            concept = self.index.concepts[cid]
            if not concept.en:
                continue
            if nearby is None:
                nearby = {h.concept_id for h in self.index.scan_en(seg.nearby)} if seg.nearby else set()
            if cid in nearby:   # the aligner put the rendering one sentence off: not missing
                continue
            if low is None:
                low = fold_text(seg.text)
            if _has_form(low, concept):   # inside a longer term ("Beijing" in "CPC Beijing Municipal Committee")
                continue
            approved = self.index.preferred(cid, approved_only=True)
            unverified = is_unverified(entry.term) or approved is None
            want = approved or self.index.preferred(cid)
            if want is None:
                continue
            zh = entry.term.text
            fuzzy = self._fuzzy(seg.text, [t for t in concept.en if t.status != "deprecated"])
            if fuzzy:
                start, end, written, form = fuzzy
                hit = Hit(start, end, written, Entry(cid, form))
                self.add("UNKNOWN_RENDERING", seg, start, end,
                         f"{zh} is rendered '{written}', a form the term base does not know",
                         f"use '{want.text}'" + (" (unverified suggestion)" if unverified else ""), hit=hit,
                         concept_id=cid, term=want.text, unverified=unverified)
                continue
            where = f" (Chinese line {seg.source_line})" if seg.source_line else ""
            self.add("KEY_TERM_MISSING", seg, 0, min(len(seg.text), 1),
                     f"the Chinese has {zh}{where} but the English has no '{want.text}'",
                     f"render {zh} as '{want.text}'" + (" (unverified suggestion)" if unverified else ""),
                     concept_id=cid, term=want.text, unverified=unverified)

    @staticmethod
    def _fuzzy(text, forms) -> Optional[Tuple[int, int, str, Term]]:
        from rapidfuzz import fuzz

        low = fold_text(text)
        best, words = None, None
        for term in forms:
            form = fold_form(term.text)
            if len(form) < 6:
                continue     # short forms match anything fuzzily
            n_words = len(_WORD_RUN.findall(form))
            res = fuzz.partial_ratio_alignment(form, low, score_cutoff=FUZZY_MIN)
            if res is None:
                continue
            # snap to whole words: the best-scoring run of words around the aligned window
            if words is None:
                words = [m.span() for m in _WORD_RUN.finditer(low)]
            inside = [i for i, (a, b) in enumerate(words) if b > res.dest_start and a < res.dest_end]
            if not inside:
                continue
            lo, hi = max(0, inside[0] - 1), min(len(words) - 1, inside[-1] + 1)
            for i in range(lo, hi + 1):
                for j in range(i, hi + 1):
                    start, end = words[i][0], words[j][1]
                    score = fuzz.ratio(form, low[start:end])
                    if score < FUZZY_MIN:
                        continue
                    # as many words as the form beats a higher raw score with a word dropped
                    rank = score - 10 * abs(j - i + 1 - n_words)
                    if best is None or rank > best[0]:
                        best = (rank, start, end, text[start:end], term)
        return best[1:] if best else None

    def check_consistency(self, files: Sequence[str]):
        """INCONSISTENT_RENDERING per document, then across the checked set."""
        multi_file = len(files) > 1
        for cid, uses in self.uses.items():
            per_file = defaultdict(list)
            for use in uses:
                per_file[use[0]].append(use)
            for path, file_uses in per_file.items():
                if len({u[4] for u in file_uses}) > 1:
                    self._inconsistent(cid, file_uses, "document")
            if multi_file and len(per_file) > 1:
                keys = {u[4] for u in uses}
                if len(keys) > 1 and not any({u[4] for u in fu} == keys for fu in per_file.values()):
                    self._inconsistent(cid, uses, "set")

    def _inconsistent(self, cid, uses, scope):
        by_key = defaultdict(list)
        for u in uses:
            by_key[u[4]].append(u)
        # most used first; on a tie an approved form comes before the others (it is not the odd one)
        groups = sorted(by_key.values(), key=lambda g: (-len(g), min(_status_rank(u[5]) for u in g),
                                                        g[0][0], g[0][1], g[0][2]))
        located = {id(u): u[6].locate(u[2]) for u in uses}
        files = {u[0] for u in uses}

        def label(g):
            n = f"'{g[0][5].text}' ×{len(g)}"
            if scope == "set":
                per = Counter(u[0] for u in g)
                n += " (" + ", ".join(f"{_name(p)} ×{k}" for p, k in per.items()) + ")"
            return n

        best = self.index.preferred(cid)
        unverified = any(is_unverified(g[0][5]) for g in groups)
        odd = min(groups[1:], key=lambda g: (g[0][0], g[0][1], g[0][2]))[0]     # first use of a minority form
        where = "this document" if scope == "document" else f"{len(files)} files"
        ctx, span = _context(odd[6].text, odd[2], odd[2] + len(odd[3]))
        self.findings.append(Finding(
            "INCONSISTENT_RENDERING", "info" if unverified else CODES["INCONSISTENT_RENDERING"],
            odd[0], *located[id(odd)],
            f"concept #{cid} is written {len(groups)} ways in {where}: " + ", ".join(label(g) for g in groups),
            f"use '{best.text}' throughout" if best else "choose one form", text=odd[3], concept_id=cid,
            context=ctx, context_span=span,
            term=best.text if best else None, scope=scope, unverified=unverified,
            occurrences=[{"file": u[0], "line": located[id(u)][0], "col": located[id(u)][1], "text": u[3],
                          "term": u[5].text, "status": u[5].status}
                         for u in sorted(uses, key=lambda u: (u[0], u[1], u[2]))]))


def _status_rank(term):
    return (is_unverified(term), ("preferred", "admitted").index(term.status) if term.status in APPROVED else 2)


def _name(path):
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


# -- one call for the CLI ----------------------------------------------------------------------------------

def check_documents(index: TermIndex, docs: Sequence[Document]) -> CheckReport:
    checker = Checker(index)
    files = []
    for doc in docs:
        files.append(FileResult(doc.path, doc.kind, len(doc.segments), doc.error, doc.source_path, doc.aligned))
        for seg in doc.segments:
            checker.check_segment(seg)
    checker.check_consistency([d.path for d in docs if not d.error])
    order = {d.path: i for i, d in enumerate(docs)}
    findings = sorted(checker.findings, key=lambda f: (order.get(f.file, 1 << 30), f.file, f.line, f.col,
                                                       -severity_rank(f.severity), f.code))
    concepts = {f.concept_id: index.concepts[f.concept_id] for f in findings if f.concept_id in index.concepts}
    return CheckReport(files, findings, concepts)


def check_files(index: TermIndex, paths: Sequence, encoding=None, use_align=True) -> CheckReport:
    """Read ``paths`` (any supported format) and check them against the term base ``index``.

    A file that cannot be read is recorded in ``report.files`` with its one-line error; the others
    are still checked.
    """
    def known_for(zh_text):
        pairs = {}
        for entries in index.scan_zh(zh_text):
            entry = _best(entries)
            best = index.preferred(entry.concept_id, approved_only=True)
            if best:
                pairs[best.text] = entry.term.text
        return pairs

    docs = load(paths, encoding=encoding, known_for=known_for, use_align=use_align)
    return check_documents(index, docs)


def check_text(index: TermIndex, text: str, name: str = "<text>", source: Optional[str] = None) -> CheckReport:
    """Check one string (with its Chinese original, if given): handy from Python and in tests."""
    doc = Document(name, "text", [Segment(name, text, source=source)])
    return check_documents(index, [doc])

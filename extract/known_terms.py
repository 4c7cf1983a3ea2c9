"""Finding terms the reference list already knows, as a dictionary, beside the rule-based extractor.

The rules find names by their shape (capitals, cue words, quotes); a term that has no telling shape
— a foreign city named once ("Paris"), a lower-case formula ("new quality productive forces")
written without quotes — is still a term when the reference list knows it. One Aho-Corasick pass
over the text finds every such form in linear time.

Only forms that cannot be mistaken for ordinary words are used: several words, or one capitalised
word naming a place, person, facility or event, written with capitals: proper names match with
their capitals as written (see :data:`LOWER_CASE_FORMS` for why lower-case forms are off). A
match that overlaps a candidate the rules found is left to the rules.
"""
import bisect
from functools import lru_cache
from typing import List

# One-word reference forms are used only for these categories: a single capitalised word naming a
# body ("Party") or a title ("Secretary") is too often part of a longer name.
SINGLE_WORD_CATEGORIES = ("place", "person", "facility", "event")
# Shorter single words are too often acronyms of something else in an unseen article.
MIN_SINGLE_WORD = 4
KNOWN_SCORE = 0.9
# Lower-case reference forms ("key tasks", "guiding principles") are real vocabulary of the genre
# but, found everywhere, they flood the extraction with phrases translators rarely look up (seed
# precision fell from 0.97 to 0.85 with them); the rules already catch the lower-case formulas that
# matter (quoted, numbered, cue-worded). With a Chinese original they are used, and kept only
# where the original confirms them (see extract.pipeline.analyse).
LOWER_CASE_FORMS = False


@lru_cache(maxsize=8)
def _automata(reference, lower_case=LOWER_CASE_FORMS):
    """Two automata: exact-case forms and lower-case forms (matched in a lowered copy)."""
    import ahocorasick

    exact, lower = ahocorasick.Automaton(), ahocorasick.Automaton()
    for entry in reference.entries:
        for form in [entry.en] + entry.en_variants:
            form = " ".join(form.split())
            if form.lower().startswith(("the ", "a ", "an ")):   # "the Party": the word alone decides
                form = form.split(" ", 1)[1]
            words = form.split(" ")
            if len(words) == 1 and not _known_acronym(form) and (
                    entry.category not in SINGLE_WORD_CATEGORIES or len(form) < MIN_SINGLE_WORD
                    or not form[:1].isupper()):
                continue
            if form == form.lower():
                if lower_case:
                    lower.add_word(form, (form, entry.category))
            else:
                exact.add_word(form, (form, entry.category))
    for a in (exact, lower):
        if len(a):
            a.make_automaton()
    return exact, lower


def _known_acronym(form):
    """An acronym the reference gives (UNESCO, ASEAN, CIFTIS) names one thing whatever its
    category; shorter ones (EU, CPC) are left to the rules, which see how the article defines them."""
    return len(form) >= MIN_SINGLE_WORD and form.isupper() and form.isalpha()


def _bounded(text, start, end):
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-'’") and not (after.isalnum() or after in "-")


def find_known(text: str, reference, taken: List[tuple], lower_case: bool = LOWER_CASE_FORMS,
               nested: bool = False, holding: bool = False) -> List[tuple]:
    """Spans ``(start, end, category)`` of reference forms in ``text``, longest first, not overlapping
    each other nor any ``(start, end)`` span in ``taken`` except spans they supersede (see
    :func:`superseded`; the caller drops those); ``lower_case`` adds the lower-case forms;
    ``nested`` also gives known names of several words inside a taken span (Shijingshan District in
    "the 17th People's Congress of Shijingshan District"), titles excepted: "Deputy Director" inside
    "Deputy Director of the Office" is a fragment, not a term; ``holding`` also gives the long
    formulas that hold taken spans whole (see :func:`_holds`).

    >>> from extract.reference import Reference, Entry
    >>> ref = Reference([Entry("Paris", "巴黎", "place"), Entry("new quality productive forces", "新质生产力", "slogan"),
    ...                  Entry("Party", "党", "body")])
    >>> text = "In Paris, the Party spoke of New Quality Productive Forces and Parisian cafes."
    >>> [(text[s:e], c) for s, e, c in find_known(text, ref, [])]
    [('Paris', 'place')]
    """
    if reference is None or not reference.entries:
        return []
    exact, lower = _automata(reference, lower_case)
    hits = []
    same, known_taken = set(taken), set()
    for automaton, lowered in ((exact, False), (lower, True)):
        if not len(automaton):
            continue
        for end_index, (form, category) in automaton.iter(text.lower() if lowered else text):
            start, end = end_index - len(form) + 1, end_index + 1
            if (start, end) in same:
                known_taken.add((start, end))   # the rules took it as the reference writes it
            elif _bounded(text, start, end):
                hits.append((start, end, category))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    chosen = []
    # A span the rules found that is itself a known name ("Financial Street Forum") is one name:
    # the names inside it (Financial Street) are its parts, not terms of the article.
    taken = Spans(taken)
    names = Spans([span for span in taken.spans if span in known_taken] if nested else [])
    occupied = Spans([])
    for start, end, category in hits:
        clashes = taken.overlapping(start, end)
        # (a formula inside what the rules found is a piece of that, not a formula of the article)
        formula = holding and not any(s <= start and end <= e for s, e in clashes)
        if occupied.overlapping(start, end) or any(
                not _continued(text, start, end, s, e) and not (formula and _holds(text, start, end, s, e))
                for s, e in names.overlapping(start, end)):
            continue   # nested only in what the rules found: "Winter Olympics" inside the known
            # "Beijing 2022 Winter Olympics" is the same name again, not another term
        if clashes:
            inner_ok = nested and category != "title" and " " in text[start:end].strip()
            if any(not superseded(text, start, end, s, e)
                   and not (inner_ok and s <= start and end <= e and (s, e) != (start, end))
                   and not (formula and _holds(text, start, end, s, e))
                   for s, e in clashes):
                continue
        chosen.append((start, end, category))
        occupied.add(start, end)
    return sorted(chosen)


# A known form this long is a fixed formula; the names the rules found inside it stay terms too.
# Found everywhere, such formulas ("tell better stories about Beijing") outnumber the ones a gold
# list keeps (seed precision 0.953 -> 0.922 for recall 0.970 -> 0.978): they are tried only with a
# Chinese original, which confirms them or not.
LONG_KNOWN_WORDS = 5


def _holds(text, start, end, s, e):
    """Whether a long known form holds the rules' span whole: "CPC Central Committee with Comrade Xi
    Jinping at its core" (以习近平同志为核心的党中央) around "CPC Central Committee" and "Xi Jinping"."""
    return start <= s and e <= end and len(text[start:end].split()) >= LONG_KNOWN_WORDS


def _continued(text, start, end, s, e):
    """Whether the known span holds the known name the rules found and only goes on in lower case:
    "Beijing-Tianjin-Hebei coordinated development" is a term of its own (京津冀协同发展), while
    "Beijing Vice Mayor" adds nothing to the "Vice Mayor" of the rules."""
    return start == s and e < end and text[e:end] == text[e:end].lower()


class Spans:
    """(start, end) spans, asked which overlap a range: candidate spans are short, so only those
    starting less than the longest span's length before the range can reach into it."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start, end):
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))
        self.longest = max(self.longest, end - start)

    def overlapping(self, start, end):
        if not self.spans:
            return []
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end, lo)
        return [(s, e) for s, e in self.spans[lo:hi] if start < e] if hi > lo else []


def superseded(text: str, start: int, end: int, s: int, e: int) -> bool:
    """Whether the rules' span ``(s, e)`` is a clipped piece of the known term at ``(start, end)``:
    the rules dropped a leading modifier ("Academy of Sciences" of "Chinese Academy of Sciences") or
    stopped a lower-case phrase short ("international center" of "international center for science
    and technology innovation"). A nested name in its own right ("CPC Beijing Municipal Committee"
    in "Secretary of the CPC Beijing Municipal Committee") is not.

    >>> t = "the Chinese Academy of Sciences and the Secretary of the CPC Committee"
    >>> superseded(t, 4, 31, 12, 31), superseded(t, 40, 70, 57, 70)
    (True, False)
    """
    if not (start <= s and e <= end and (s, e) != (start, end)):
        return False
    if _holds(text, start, end, s, e) and e < end and text[e:e + 2].strip()[:1].isupper():
        return True   # "CPC Central Committee with Comrade" stops inside the formula's "Comrade Xi Jinping"
    if e == end:   # (a leading number is a name's too: "Art District" of "798 Art District")
        return all(w[:1].isupper() or w.isdigit() for w in text[start:s].split())
    # "international center" of "international center for …", and "Beijing-Tianjin-Hebei" of
    # "Beijing-Tianjin-Hebei coordinated development": the rules stopped where the capitals did
    return s == start and (text[s:e] == text[s:e].lower() or text[e:end] == text[e:end].lower())

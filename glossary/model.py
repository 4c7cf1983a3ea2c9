"""The concept-oriented data model shared by the store, the extractors and the file formats.

A concept (one meaning) holds terms in several languages, as in TBX: "Center for International
Exchanges", "International Exchange Center" and 国际交往中心 are three terms of one concept. Plain
dataclasses, so formats and extractors can build them without a database.
"""
from dataclasses import dataclass, field
from typing import List, Optional

CATEGORIES = ("title", "body", "slogan", "plan", "policy", "event", "place", "facility", "person", "other")

# Order matters: it is the order of preference when several forms compete.
STATUSES = ("preferred", "admitted", "deprecated", "proposed")

# Where a term came from. "termbase" covers the bundled reference data and earlier approved work;
# "composed" and "pinyin-match" are machine suggestions and stay "proposed" until someone approves.
PROVENANCES = ("extracted", "termbase", "parallel-text", "pinyin-match", "composed", "imported", "manual")

TERM_TYPES = ("fullForm", "acronym", "shortForm", "abbreviation", "variant")

EN = "en"
ZH = "zh-CN"


def is_zh(lang):
    return (lang or "").lower().startswith("zh")


def is_en(lang):
    return (lang or "").lower().startswith("en")


@dataclass
class Occurrence:
    """Where a term was seen: enough to show the translator the sentence it came from."""

    doc: str                      # document path (or name) as recorded
    start: int                    # character offset of the term in the document
    end: int
    sentence: str = ""
    sentence_no: int = 0
    doc_date: Optional[str] = None   # ISO date the document states, if any


@dataclass
class Term:
    text: str
    lang: str = EN
    status: str = "admitted"
    provenance: str = "extracted"
    confidence: Optional[float] = None
    term_type: str = "fullForm"
    pos: Optional[str] = "noun"
    pinyin: Optional[str] = None      # Chinese terms only, GB/T 16159 with tone marks
    source: Optional[str] = None      # where the form comes from (URL, file, reference list)
    note: Optional[str] = None
    id: Optional[int] = None
    occurrences: List[Occurrence] = field(default_factory=list)
    count: int = 0                    # occurrences seen (may exceed len(occurrences) when capped)

    @property
    def is_zh(self):
        return is_zh(self.lang)


@dataclass
class Concept:
    category: str = "other"
    terms: List[Term] = field(default_factory=list)
    definition: Optional[str] = None
    note: Optional[str] = None
    id: Optional[int] = None
    created: Optional[str] = None
    modified: Optional[str] = None

    def terms_in(self, lang_prefix):
        """Terms of one language ("en", "zh"), preferred first, then by status order."""
        found = [t for t in self.terms if (t.lang or "").lower().startswith(lang_prefix.lower())]
        return sorted(found, key=lambda t: STATUSES.index(t.status) if t.status in STATUSES else 9)

    @property
    def en(self):
        return self.terms_in("en")

    @property
    def zh(self):
        return self.terms_in("zh")

    def headword(self, lang_prefix="en"):
        terms = self.terms_in(lang_prefix)
        return terms[0].text if terms else None

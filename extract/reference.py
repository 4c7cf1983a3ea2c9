"""The bundled reference term list (``seeds/reference.tsv``): standard official terminology of the domain.

It is consulted, not copied: extraction looks English terms up here and brings only the matching
entries into the user's term base, each carrying the reference's source. Loaded lazily and once.
"""
import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Dict, List, Optional

from glossary.errors import FormatError
from glossary.model import CATEGORIES
from glossary.normalize import en_key, zh_key

REFERENCE_NAME = "bundled reference list (seeds/reference.tsv)"
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
COLUMNS = ("en", "zh", "category", "confidence", "en_variants", "zh_variants", "source", "note")


@dataclass
class Entry:
    en: str
    zh: str
    category: str = "other"
    confidence: str = "medium"
    en_variants: List[str] = field(default_factory=list)
    zh_variants: List[str] = field(default_factory=list)
    source: Optional[str] = None
    note: Optional[str] = None

    @property
    def score(self) -> float:
        """Numeric confidence, as stored on the term."""
        return {"high": 0.95, "medium": 0.8, "low": 0.5}.get(self.confidence, 0.5)


class Reference:
    """Index of reference entries by normalised English and Chinese key."""

    def __init__(self, entries: List[Entry]):
        self.entries = entries
        self.by_en: Dict[str, Entry] = {}
        self.by_zh: Dict[str, Entry] = {}
        for e in entries:
            for form in [e.en] + e.en_variants:
                self.by_en.setdefault(en_key(form), e)
            for form in [e.zh] + e.zh_variants:
                self.by_zh.setdefault(zh_key(form), e)

    def __len__(self):
        return len(self.entries)

    def find_en(self, text: str) -> Optional[Entry]:
        """The entry for an English form; "China Science Fiction Convention (CSFC)" also finds the
        entry of the form without its parenthesised acronym or qualifier."""
        entry = self.by_en.get(en_key(text))
        if entry is None and text.rstrip().endswith(")"):
            bare = _PAREN_TAIL.sub("", text)
            if bare != text:
                entry = self.by_en.get(en_key(bare))
        return entry

    def find_zh(self, text: str) -> Optional[Entry]:
        return self.by_zh.get(zh_key(text))


def parse(text: str, name: str = REFERENCE_NAME) -> Reference:
    """Parse reference TSV text; a malformed row names its line."""
    rows = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(rows, None)
    if not header or [h.strip() for h in header[:2]] != ["en", "zh"]:
        raise FormatError("reference list must start with the header en<TAB>zh<TAB>...", name, "line 1")
    cols = [h.strip() for h in header]
    entries = []
    for lineno, row in enumerate(rows, start=2):
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        rec = dict(zip(cols, (c.strip() for c in row)))
        if not rec.get("en") or not rec.get("zh"):
            raise FormatError("row needs both en and zh", name, f"line {lineno}")
        category = rec.get("category") or "other"
        if category not in CATEGORIES:
            raise FormatError(f"unknown category {category!r}", name, f"line {lineno}")
        entries.append(Entry(
            en=rec["en"], zh=rec["zh"], category=category, confidence=rec.get("confidence") or "medium",
            en_variants=_split(rec.get("en_variants")), zh_variants=_split(rec.get("zh_variants")),
            source=rec.get("source") or None, note=rec.get("note") or None))
    return Reference(entries)


def _split(value):
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@lru_cache(maxsize=1)
def bundled() -> Reference:
    """The reference list shipped in the ``seeds`` package (empty if it is missing)."""
    try:
        text = resources.files("seeds").joinpath("reference.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return Reference([])
    return parse(text)


def empty() -> Reference:
    return Reference([])

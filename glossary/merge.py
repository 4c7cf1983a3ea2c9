"""Bringing outside concepts into the term base (import, manual ``add``) without duplicating them.

A concept from a file or from the command line joins the concept that already has one of its terms
(same normalised English or Chinese key); otherwise it becomes a new concept. What the user says
wins over what the machine found: an imported or manual term keeps its status, and a machine
suggestion for the same text is upgraded, not duplicated.
"""
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, List

from .model import Concept, is_zh


@dataclass
class MergeSummary:
    concepts_new: int = 0
    concepts_merged: int = 0
    terms_new: int = 0
    terms_updated: int = 0
    actions: List[str] = field(default_factory=list)   # one line per change, for --dry-run

    def __str__(self):
        return (f"{self.concepts_new} new concepts, {self.concepts_merged} merged into existing ones, "
                f"{self.terms_new} new terms, {self.terms_updated} updated")


def find_concept(store, concept: Concept):
    """The id of the concept in the base sharing a term key with ``concept``, English keys first."""
    votes = Counter()
    for term in sorted(concept.terms, key=lambda t: is_zh(t.lang)):
        for concept_id, _ in store.find_by_key(term.text, term.lang):
            votes[concept_id] += 1
    return votes.most_common(1)[0][0] if votes else None


def merge_concepts(store, concepts: Iterable[Concept], provenance: str = "imported") -> MergeSummary:
    """Merge concepts into the base; call inside ``store.transaction()``.

    ``provenance`` is given to terms that do not say where they came from (a CSV or XLSX row); a
    JSON export carries its own and keeps it.
    """
    summary = MergeSummary()
    for concept in concepts:
        for term in concept.terms:
            if not term.provenance or term.provenance == "extracted" and provenance == "manual":
                term.provenance = provenance
        target = find_concept(store, concept)
        if target is None:
            label = concept.headword("en") or concept.headword("zh")
            target_id = store.add_concept(Concept(category=concept.category, definition=concept.definition,
                                                  note=concept.note))
            summary.concepts_new += 1
            summary.actions.append(f"new concept #{target_id} {label}")
            existing = {}
        else:
            target_id = target
            summary.concepts_merged += 1
            existing_concept = store.get_concept(target_id, contexts=0)
            existing = {(t.lang, t.text): t for t in existing_concept.terms}
            if concept.definition and not existing_concept.definition:
                existing_concept.definition = concept.definition
                store.update_concept(existing_concept)
        for term in concept.terms:
            old = existing.get((term.lang, term.text))
            if old is None:
                if term.status == "preferred":
                    _demote_preferred(store, target_id, term.lang)
                store.add_term(target_id, _without_id(term))
                summary.terms_new += 1
                summary.actions.append(f"  + {term.lang} {term.text} [{term.status}]")
            elif _differs(old, term):
                if term.status == "preferred" and old.status != "preferred":
                    _demote_preferred(store, target_id, term.lang)
                old.status, old.provenance = term.status, term.provenance
                old.pinyin = term.pinyin or old.pinyin
                old.source = term.source or old.source
                old.note = term.note or old.note
                old.confidence = term.confidence if term.confidence is not None else old.confidence
                old.term_type = term.term_type or old.term_type
                store.update_term(old)
                summary.terms_updated += 1
                summary.actions.append(f"  ~ {term.lang} {term.text} [{term.status}]")
    return summary


def _demote_preferred(store, concept_id, lang):
    store.conn.execute("UPDATE terms SET status = 'admitted' WHERE concept_id = ? AND lang = ? AND status = 'preferred'",
                       (concept_id, lang))


def _differs(old, new):
    return (old.status, old.pinyin or None, old.source or None, old.note or None) != \
        (new.status, new.pinyin or old.pinyin, new.source or old.source, new.note or old.note)


def _without_id(term):
    term.id = None
    return term


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_file(store, path, fmt=None, dry_run=False) -> MergeSummary:
    """Read a term base file and merge it, all in one transaction (a bad row imports nothing)."""
    import exports

    concepts = list(exports.read_file(path, fmt))
    try:
        with store.transaction():
            summary = merge_concepts(store, concepts, provenance="imported")
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return summary


def add_manual(store, en=None, zh=None, pinyin=None, category="other", status="preferred", definition=None,
               note=None, source=None) -> Concept:
    """A term pair entered by a person: approved as given, merged into the concept either term names."""
    from .model import EN, ZH, Term

    terms = []
    if en:
        terms.append(Term(en.strip(), EN, status=status, provenance="manual", source=source, confidence=1.0))
    if zh:
        if pinyin is None:
            from extract.pinyin import to_pinyin

            pinyin = to_pinyin(zh, category) or None
        terms.append(Term(zh.strip(), ZH, status=status, provenance="manual", pinyin=pinyin, source=source,
                          confidence=1.0))
    concept = Concept(category=category, terms=terms, definition=definition, note=note)
    with store.transaction():
        merge_concepts(store, [concept], provenance="manual")
        target = find_concept(store, concept)
    return store.get_concept(target)

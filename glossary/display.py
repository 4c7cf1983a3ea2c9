"""How concepts and summaries read in a terminal and in JSON; pure functions returning text.

Machine suggestions are always labelled as such: a translator must never mistake a composed or
proposed Chinese form for an approved one.
"""
import json
from dataclasses import asdict

from .model import Concept
from .normalize import restyle_pinyin

_MARK = {"preferred": "★", "admitted": "·", "deprecated": "✗", "proposed": "?"}
_LABEL = {"proposed": "SUGGESTION, unverified", "deprecated": "deprecated"}


def concept_text(concept: Concept, pinyin_style: str = "marks", contexts: int = 2) -> str:
    lines = [f"#{concept.id}  [{concept.category}]  {concept.headword('en') or concept.headword('zh') or ''}"]
    for term in concept.en + concept.zh + [t for t in concept.terms if t not in concept.en + concept.zh]:
        bits = [f"  {_MARK.get(term.status, ' ')} {term.lang:<6} {term.text}"]
        if term.pinyin:
            bits.append(f"  {restyle_pinyin(term.pinyin, pinyin_style)}")
        meta = [term.status]
        if term.status in _LABEL:
            meta[0] = _LABEL[term.status]
        if term.term_type and term.term_type != "fullForm":
            meta.append(term.term_type)
        meta.append(term.provenance)
        if term.confidence is not None:
            meta.append(f"confidence {term.confidence:.2f}")
        bits.append(f"  ({', '.join(meta)}; term {term.id})")
        lines.append("".join(bits))
        if term.source:
            lines.append(f"        source: {term.source}")
        if term.note:
            note = " ".join(term.note.split())
            lines.append(f"        note: {note if len(note) <= 160 else note[:157] + '...'}")
    if concept.definition:
        lines.append(f"  definition: {concept.definition}")
    if concept.note:
        lines.append(f"  note: {concept.note}")
    # Contexts of the preferred form first, newest first, one per sentence.
    seen = set()
    for term in concept.en + concept.zh:
        for occ in sorted(term.occurrences, key=lambda o: o.doc_date or "", reverse=True):
            if len(seen) >= contexts or occ.sentence in seen:
                continue
            seen.add(occ.sentence)
            date = f" {occ.doc_date}" if occ.doc_date else ""
            lines.append(f"  context ({occ.doc}{date}): {occ.sentence}")
    return "\n".join(lines)


def concept_json(concept: Concept) -> dict:
    return asdict(concept)


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def summary_table(stats: dict) -> str:
    """Concepts by category with and without a Chinese form, and how many have English variants."""
    rows = [("category", "concepts", "with zh", "without zh", "with variants")]
    for cat, n in stats["categories"]:
        rows.append((cat, n, stats["zh_by_category"].get(cat, 0), n - stats["zh_by_category"].get(cat, 0),
                     stats["variants_by_category"].get(cat, 0)))
    total = sum(n for _, n in stats["categories"])
    with_zh = sum(stats["zh_by_category"].values())
    rows.append(("total", total, with_zh, total - with_zh, sum(stats["variants_by_category"].values())))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    out = []
    for i, r in enumerate(rows):
        out.append("  ".join(str(v).ljust(w) if j == 0 else str(v).rjust(w) for j, (v, w) in enumerate(zip(r, widths))))
        if i == 0 or i == len(rows) - 2:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)

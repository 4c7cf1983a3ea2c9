"""Which English form of a concept is preferred, which are short forms, which fell out of use.

Decided from the evidence the term base holds (statuses people set, dates of use, frequency) each
time a concept changes, so an incremental or chunked extraction ends where one big run would.
"""
import re
from datetime import date

from glossary.normalize import en_key

# A variant counts as fallen out of use when the preferred form first appears at least this long
# after the variant's last use: official English changes between years, not between two articles
# of the same week that simply chose differently.
DEPRECATION_GAP_DAYS = 180
_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,}\b")
BRACKETED = re.compile(r"\([^()]*\)")


def _contained_forms(texts):
    """Forms written inside another form of the same concept ("Haidian" beside "Haidian District")
    are its short forms: admitted, but not the headword."""
    keys = {t: f" {en_key(BRACKETED.sub('', t))} " for t in texts}
    return {t for t in texts if any(o != t and keys[t] != keys[o] and keys[t] in keys[o] for o in texts)}


def _abbreviated_forms(texts):
    """In a concept with a spelled-out form, an acronym ("CIFTIS") or a form writing one of its
    names as pinyin initials ("ZGC Forum" beside "Zhongguancun Forum") is a short form: admitted
    alongside the full form, never deprecated. An acronym inside a long name ("… of the CPC
    Central Committee") does not make that name a short form."""
    from .variants import alias_key

    spelled = {}
    for t in texts:
        alias = alias_key(t)
        if alias is None or not alias[1]:
            spelled[t] = alias[0] if alias else None
    if not spelled:
        return set()
    short = set()
    for t in texts:
        if t in spelled:
            continue
        if _ACRONYM_WORD.fullmatch(t) or alias_key(t)[0] in spelled.values():
            short.add(t)
    return short


def refresh_statuses(store, concept_id):
    """Re-decide which English form is preferred from the evidence, keeping decisions people made.

    A form someone set by hand or imported keeps its status. Among the others the preferred one is
    chosen by :func:`extract.variants.choose_preferred` (term-base status, latest dated use,
    frequency); a full-form variant last used well before the preferred form first appeared
    (:data:`DEPRECATION_GAP_DAYS`) has fallen out of use and becomes deprecated; the rest, short
    forms and acronyms included, are admitted.
    """
    from .variants import choose_preferred

    rows = store.conn.execute(
        """SELECT t.id, t.text, t.status, t.provenance, t.count, MIN(d.date), MAX(d.date), t.term_type
           FROM terms t LEFT JOIN occurrences o ON o.term_id = t.id LEFT JOIN documents d ON d.id = o.document_id
           WHERE t.concept_id = ? AND t.lang NOT LIKE 'zh%' GROUP BY t.id""", (concept_id,)).fetchall()
    if not rows:
        return
    short = _abbreviated_forms([r[1] for r in rows]) | _contained_forms([r[1] for r in rows])
    rows = [r if r[1] not in short or r[7] != "fullForm" else
            r[:7] + ("acronym" if _ACRONYM_WORD.fullmatch(r[1]) else "shortForm",) for r in rows]
    for r in rows:
        if r[1] in short:
            store.conn.execute("UPDATE terms SET term_type = ? WHERE id = ?", (r[7], r[0]))
    fixed = [r for r in rows if r[3] in ("manual", "imported", "termbase")]
    if any(r[2] == "preferred" for r in fixed):
        return
    # Headword candidates: full forms over acronyms and short forms, the singular over a plural
    # of another form ("sister city", not "sister cities"), whenever such a choice exists.
    keys = {en_key(r[1]) for r in rows}
    candidates = [r for r in rows if r[7] in ("fullForm", "variant", None)] or rows
    candidates = [r for r in candidates if not _plural_of_another(en_key(r[1]), keys)] or candidates
    forms = [{"text": r[1], "count": r[4], "latest_date": r[6], "status": r[2] if r in fixed else None}
             for r in candidates]
    chosen = choose_preferred(forms)
    pref = next(r for r in rows if r[1] == chosen)
    for r in rows:
        if r in fixed:
            continue
        if r is pref:
            status = "preferred"
        elif r[7] in ("fullForm", "variant", None) and _days_between(r[6], pref[5]) >= DEPRECATION_GAP_DAYS:
            status = "deprecated"
        else:
            status = "admitted"
        if status != r[2]:
            store.conn.execute("UPDATE terms SET status = ? WHERE id = ?", (status, r[0]))


def _plural_of_another(key, keys):
    return (key.endswith("s") and key[:-1] in keys) or (key.endswith("es") and key[:-2] in keys) or \
        (key.endswith("ies") and key[:-3] + "y" in keys)


def _days_between(earlier, later):
    """Days from one ISO date to another; 0 when either is unknown."""
    try:
        return (date.fromisoformat(later) - date.fromisoformat(earlier)).days
    except (TypeError, ValueError):
        return 0

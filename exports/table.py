"""The spreadsheet layout shared by XLSX and CSV: one row per concept.

Columns are named so that Trados Glossary Converter, memoQ and Phrase map them without manual
work: language columns are language codes ("en", "zh-CN"), then "zh-CN pinyin", "Status",
"Category", "Definition", "Note", "en variants", "zh-CN variants", "Context", "Source",
"Provenance", "Confidence", "ID" (with ``traditional`` set, "zh-TW" and "zh-TW variants" too).

Status, Source, Provenance and Confidence describe the row's head term: the preferred Chinese term,
or the English one when there is no Chinese. Variants are "; "-separated, each followed by
" [status]" unless admitted. Reading finds the columns by header name, case-insensitively, and
accepts the usual alternatives ("English", "Chinese", "Term (en-US)", "Pinyin", "Subject"...).
"""
import re

from glossary.errors import FormatError
from glossary.model import CATEGORIES, STATUSES, Concept, Occurrence, Term

from .base import format_confidence, group_terms, has_cjk, parse_confidence, parse_int, status_rank

# are language codes).

VARIANT_SEP = "; "
_STATUS_SUFFIX = re.compile(r"^(.*\S) \[(" + "|".join(STATUSES) + r")\]$")


def table_columns(options):
    """Header names in order."""
    en, zh = options.en_lang, options.zh_lang
    cols = [en, zh, f"{zh} pinyin"]
    if options.traditional:
        cols.append(options.traditional)
    cols += ["Status", "Category", "Definition", "Note", f"{en} variants", f"{zh} variants"]
    if options.traditional:
        cols.append(f"{options.traditional} variants")
    cols += ["Context", "Source", "Provenance", "Confidence", "ID"]
    return cols


def _variants(terms):
    out = []
    for t in terms:
        text = _one_line(t.text.replace(";", ","))
        out.append(text if t.status == "admitted" else f"{text} [{t.status}]")
    return VARIANT_SEP.join(out)


def _one_line(text):
    return " ".join((text or "").split())


def _cell(text):
    return (text or "").strip()


def concept_row(concept, options):
    """The row of one (prepared) concept, in ``table_columns`` order, as strings ("" for nothing).

    The Status, Source, Provenance and Confidence columns describe the preferred Chinese term
    (or the English one when there is no Chinese); Context is the first sentence the preferred
    Chinese (else English) term was seen in.
    """
    groups = group_terms(concept)
    en = groups.get(options.en_lang, [])
    zh = groups.get(options.zh_lang, [])
    head = (zh or en or [None])[0]
    context = ""
    for t in (zh[:1] + en[:1]):
        sentence = next((o.sentence.strip() for o in t.occurrences if o.sentence and o.sentence.strip()), "")
        if sentence:
            context = sentence
            break
    row = [_one_line(en[0].text) if en else "", _one_line(zh[0].text) if zh else "",
           _one_line(zh[0].pinyin) if zh else ""]
    if options.traditional:
        tw = groups.get(options.traditional, [])
        row.append(_one_line(tw[0].text) if tw else "")
    row += [head.status if head else "", _cell(concept.category), _cell(concept.definition), _cell(concept.note),
            _variants(en[1:]), _variants(zh[1:])]
    if options.traditional:
        row.append(_variants(groups.get(options.traditional, [])[1:]))
    row += [context, _cell(head.source) if head else "", _cell(head.provenance) if head else "",
            format_confidence(head.confidence) if head else "",
            "" if concept.id is None else str(concept.id)]
    return row


# Header recognition: case-insensitive, spaces/underscores/brackets ignored, common alternatives.
def _hkey(name):
    return re.sub(r"[\s_()\[\]:.\-]+", "", str(name or "")).lower()


# A language code, alone or as "Term (en-US)" / "en term": the column of that language's head term.
_CODE = re.compile(r"(?i)^(?:term\s*)?[(\[]?\s*([a-z]{2,3}(?:[-_][a-z0-9]{2,4}){0,2})\s*[)\]]?(?:\s*term)?$")
_TW_CODES = ("hant", "tw", "hk", "mo")
_EN_NAMES = {"english", "englishterm", "termenglish", "英文", "英语"}
_ZH_NAMES = {"chinese", "simplifiedchinese", "chinesesimplified", "chineseterm", "termchinese", "中文", "汉语",
             "简体中文"}
_TW_NAMES = {"traditionalchinese", "chinesetraditional", "繁体中文", "繁體中文"}
_FIELDS = {
    "pinyin": {"pinyin", "拼音"},
    "status": {"status", "termstatus", "administrativestatus", "usagestatus", "状态"},
    "category": {"category", "subject", "subjectfield", "domain", "类别", "分类"},
    "definition": {"definition", "定义"},
    "note": {"note", "notes", "comment", "comments", "remark", "remarks", "备注"},
    "context": {"context", "example", "contextsentence", "例句", "语境"},
    "source": {"source", "reference", "来源", "出处"},
    "provenance": {"provenance", "origin"},
    "confidence": {"confidence", "score"},
    "id": {"id", "conceptid", "entryid"},
}


def _code_field(code):
    code = code.lower().replace("_", "-")
    if code == "en" or code.startswith("en-"):
        return "en"
    if code == "zh" or code.startswith("zh-"):
        return "tw" if any(part in _TW_CODES for part in code.split("-")[1:]) else "zh"
    return None


def _classify(name):
    raw = str(name or "").strip()
    key = _hkey(raw)
    if not key:
        return None, None
    m = _CODE.match(raw)
    if m and _code_field(m.group(1)):
        return _code_field(m.group(1)), m.group(1).replace("_", "-")
    if key in _EN_NAMES:
        return "en", None
    if key in _ZH_NAMES:
        return "zh", None
    if key in _TW_NAMES:
        return "tw", None
    words = raw.lower().replace("_", " ").split()
    if len(words) >= 2 and words[-1] in ("variants", "synonyms"):
        field = _classify(" ".join(words[:-1]))[0]
        if field:
            return f"{field}_variants", None
    if key.endswith("pinyin") or key in _FIELDS["pinyin"]:
        return "pinyin", None
    return next((f for f, keys in _FIELDS.items() if key in keys), None), None


def map_header(header):
    """{field: column index} from header cells; fields: en, zh, tw, en_variants, pinyin, status, ..."""
    found = {}
    for i, name in enumerate(header):
        field, _ = _classify(name)
        if field and field not in found:
            found[field] = i
    return found


def header_langs(header, cols):
    """The language codes the header names for the en, zh and tw columns (defaults: en, zh-CN, zh-TW)."""
    out = []
    for field, default in (("en", "en"), ("zh", "zh-CN"), ("tw", "zh-TW")):
        code = _classify(header[cols[field]])[1] if field in cols else None
        out.append(code if code and "-" in code else default)
    return tuple(out)


def _parse_variants(cell, lang):
    out = []
    for part in (cell or "").split(VARIANT_SEP.strip()):
        part = part.strip()
        if not part:
            continue
        m = _STATUS_SUFFIX.match(part)
        text, status = (m.group(1), m.group(2)) if m else (part, "admitted")
        out.append(Term(text=text, lang=lang, status=status, provenance="imported", pos=None))
    return out


def row_concept(values, cols, path=None, where_of=None, langs=("en", "zh-CN", "zh-TW")):
    """Build a Concept from one row: ``values[i]`` are strings (or None), ``cols`` from ``map_header``.

    ``where_of(field)`` names the cell for error messages. Returns None for an empty row.
    """
    def where(field):
        return where_of(field) if where_of is not None and field in cols else None

    def get(field):
        i = cols.get(field)
        if i is None or i >= len(values):
            return ""
        v = values[i]
        return "" if v is None else str(v).strip()

    en_text, zh_text, tw_text = get("en"), get("zh"), get("tw")
    en_var, zh_var, tw_var = get("en_variants"), get("zh_variants"), get("tw_variants")
    if not (en_text or zh_text or tw_text or en_var or zh_var or tw_var):
        return None
    status = get("status").lower() or "admitted"
    if status not in STATUSES:
        raise FormatError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}", path=path,
                          where=where("status"))
    provenance = get("provenance") or "imported"
    confidence = parse_confidence(get("confidence"), path, where("confidence"))
    source = get("source") or None
    primary = []

    def make(text, lang):
        t = Term(text=text, lang=lang, status=status, provenance=provenance, confidence=confidence,
                 source=source, pos=None)
        primary.append(t)
        return t

    terms = []
    en_lang, zh_lang, tw_lang = langs
    zh_term = None
    for text, var, lang in ((en_text, en_var, en_lang), (zh_text, zh_var, zh_lang), (tw_text, tw_var, tw_lang)):
        variants = _parse_variants(var, lang)
        if text:
            term = make(text, lang)
            # The Status column describes the head term; never let another language's first term
            # rank below its own variants (the order of the row is the order of preference).
            best = min(variants, key=status_rank, default=None)
            if best is not None and status_rank(best) < status_rank(term):
                term.status = best.status
            if lang == zh_lang:
                zh_term = term
                term.pinyin = get("pinyin") or None
            elif lang == tw_lang and zh_term is not None:
                term.pinyin = zh_term.pinyin
            terms.append(term)
        terms += variants
    context = get("context")
    if context and primary:
        target = next((t for t in primary if has_cjk(t.text) == has_cjk(context)), primary[0])
        target.occurrences.append(Occurrence(doc="", start=0, end=0, sentence=context))
    category = get("category") or "other"
    if category.lower() in CATEGORIES:
        category = category.lower()
    concept = Concept(category=category, terms=terms, definition=get("definition") or None,
                      note=get("note") or None,
                      id=parse_int(get("id"), path, where("id")))
    return concept

"""TBX: TBX-Basic 2008 (v2, MARTIF, the default: what CAT tools import) and TBX v3 TBX-Basic DCA.

Mapping (both versions; v2 element names first, v3 in brackets):

  termEntry [conceptEntry] id="c<concept id>"
    transacGrp origination/modification + date      Concept.created / .modified
    descrip type="subjectField"                      Concept.category
    descrip type="definition"                        Concept.definition
    note                                             Concept.note
    langSet [langSec] xml:lang                       one per language, en → zh-CN (→ zh-TW)
      tig [termSec] id="t<term id>"                  preferred term first
        term
        termNote administrativeStatus                preferred/admitted/deprecatedTerm-admn-sts;
                                                     proposed → admittedTerm-admn-sts + note "status: proposed"
        termNote partOfSpeech, termNote termType
        descrip type="context"                       the sentences of the first two occurrences
        admin type="source"                          Term.source
        note "pinyin: liǎng gè quèlì"                Term.pinyin (a term-level note; never a zh-Latn
                                                     langSet, which OmegaT would take for Chinese)
        note "provenance: parallel-text; confidence: 0.9; count: 3"
        note                                         Term.note

Writing streams through ``lxml.etree.xmlfile``: one entry is built, written and dropped at a time.
Reading streams with ``iterparse`` and clears each entry; it accepts v2 and v3, tig and ntig, with
or without namespace, and keeps data categories it does not know as notes
("unknown descrip type=x: value"). The parser never resolves entities, loads DTDs or touches the
network, and files whose DOCTYPE declares entities are refused (billion laughs, XXE).
"""
import contextlib
import re

from lxml import etree

from glossary.errors import FormatError
from glossary.model import CATEGORIES, TERM_TYPES, Concept, Occurrence, Term

from .base import Format, xml_safe

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
V2_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
V3_CORE_RNG = "https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng"
V3_BASIC_SCH = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"
CONTEXTS_PER_TERM = 2

STATUS_TO_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
                 "deprecated": "deprecatedTerm-admn-sts", "proposed": "admittedTerm-admn-sts"}
TBX_TO_STATUS = {"preferredterm-admn-sts": "preferred", "admittedterm-admn-sts": "admitted",
                 "deprecatedterm-admn-sts": "deprecated", "supersededterm-admn-sts": "deprecated",
                 "preferred": "preferred", "admitted": "admitted", "deprecated": "deprecated",
                 "proposed": "proposed", "superseded": "deprecated", "standardizedterm-admn-sts": "preferred",
                 "legalterm-norm": "preferred", "preferredterm-norm": "preferred"}
TERM_NOTE_FIELDS = ("provenance", "confidence", "count")
POS_VALUES = ("adjective", "noun", "other", "verb", "adverb")   # the TBX-Basic picklist
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$")
_ID_NUM = re.compile(r"^[A-Za-z_]*-?(\d+)$")


class _Names:
    def __init__(self, version):
        ns = "{%s}" % TBX3_NS if version == 3 else ""
        self.ns = ns
        self.entry = ns + ("conceptEntry" if version == 3 else "termEntry")
        self.lang = ns + ("langSec" if version == 3 else "langSet")
        self.term_sec = ns + ("termSec" if version == 3 else "tig")
        self.plain = tuple(t.rpartition("}")[2] for t in (self.entry, self.lang, self.term_sec))


class TbxFormat(Format):
    name = "tbx"
    extensions = (".tbx",)
    binary = True
    description = "TBX-Basic (v2 2008/MARTIF by default; tbx_version=3 for TBX v3 DCA)"

    # ------------------------------------------------------------------ writing
    # The document skeleton (declaration, DOCTYPE / processing instructions, root, header, text,
    # body) goes through lxml's incremental ``xmlfile``; each entry is serialised by ``_entry`` into
    # escaped markup and written to the same stream in batches. Building an lxml tree per entry
    # costs about twice as much, and the entries are plain text-only elements, so a small escaper
    # is enough (the schema, DTD and round-trip tests keep it honest).
    def write(self, concepts, fileobj, options):
        version = options.tbx_version
        n = _Names(version)
        count = 0
        used = (_IdSet(), _IdSet())          # concept ids, term ids already written
        with etree.xmlfile(fileobj, encoding="utf-8", buffered=False) as xf:
            xf.write_declaration()
            if version == 3:
                xf.write(etree.ProcessingInstruction(
                    "xml-model", f'href="{V3_CORE_RNG}" type="application/xml" '
                                 'schematypens="http://relaxng.org/ns/structure/1.0"'))
                xf.write(etree.ProcessingInstruction(
                    "xml-model", f'href="{V3_BASIC_SCH}" type="application/xml" '
                                 'schematypens="http://purl.oclc.org/dsdl/schematron"'))
                root = xf.element(n.ns + "tbx", {"type": "TBX-Basic", "style": "dca", "xml:lang": options.en_lang},
                                  nsmap={None: TBX3_NS})
            else:
                xf.write_doctype(V2_DOCTYPE)
                # "xml:lang" spelt out: xmlfile would invent a prefix for the {namespace}lang form.
                root = xf.element("martif", {"type": "TBX-Basic", "xml:lang": options.en_lang})
            with root:
                xf.write("\n")
                xf.write(self._header(n, version), pretty_print=True)
                with xf.element(n.ns + "text"), contextlib.ExitStack() as body:
                    batch = []
                    for concept in concepts:
                        if not concept.terms:
                            continue
                        if count == 0:
                            body.enter_context(xf.element(n.ns + "body"))
                            xf.write("\n")
                        _entry(concept, n.plain, used, count, version, batch)
                        count += 1
                        if len(batch) > 4000:
                            fileobj.write("".join(batch).encode("utf-8"))
                            batch.clear()
                    if batch:
                        fileobj.write("".join(batch).encode("utf-8"))
                    if count == 0 and version == 2:
                        with xf.element("body"):
                            pass
                xf.write("\n")
        return count

    def _header(self, n, version):
        nsmap = {None: TBX3_NS} if version == 3 else None
        header = etree.Element(n.ns + ("tbxHeader" if version == 3 else "martifHeader"), nsmap=nsmap)
        file_desc = etree.SubElement(header, n.ns + "fileDesc")
        if version == 2:
            title = etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "title")
            title.text = "Chinese-English glossary"
        p = etree.SubElement(etree.SubElement(file_desc, n.ns + "sourceDesc"), n.ns + "p")
        p.text = "Exported by glossary (English-Chinese terminology of Chinese official texts)"
        if version == 2:
            enc = etree.SubElement(etree.SubElement(header, "encodingDesc"), "p", type="XCSURI")
            enc.text = "TBXBasicXCSV02.xcs"
        return header

    # ------------------------------------------------------------------ reading
    def read(self, path):
        check_xml_prolog(path, ("martif", "tbx"), "TBX")
        dct = _is_dct(path)
        tags = ("{*}termEntry", "{*}conceptEntry")
        parser_args = dict(events=("end",), tag=tags, resolve_entities=False, no_network=True,
                           load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
        try:
            for _, el in etree.iterparse(str(path), **parser_args):
                if dct:
                    _dct_to_dca(el)
                concept = self._read_entry(el, path)
                if concept.terms:          # an entry without any term has nothing to import
                    yield concept
                el.clear()
                parent = el.getparent()
                if parent is not None:
                    while el.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as e:
            line = e.lineno if e.lineno else (e.position[0] if e.position else None)
            raise FormatError(f"malformed XML: {_xml_message(e)}", path=path,
                              where=f"line {line}" if line else None) from None

    def _read_entry(self, entry, path):
        concept = Concept(category="other", id=_parse_id(entry.get("id")))
        notes = []
        for child in entry:
            tag = _LOCAL.get(child.tag) or _local(child)
            if tag is None:
                continue
            if tag in ("langSet", "langSec"):
                lang = child.get(XML_LANG) or child.get("lang") or ""
                if not lang:
                    raise FormatError(f"<{tag}> without xml:lang", path=path, where=_where(child))
                self._read_lang(child, lang.strip(), concept, notes, path)
            elif tag == "transacGrp":
                self._read_transac(child, concept, notes)
            elif tag == "descripGrp":
                for sub in child:
                    stag = _local(sub)
                    if stag == "descrip":
                        self._concept_descrip(sub, concept, notes)
                    elif stag == "admin":
                        notes.append(f"{sub.get('type') or 'admin'}: {_text(sub)}")
                    elif stag == "note":
                        notes.append(_text(sub))
            elif tag == "descrip":
                self._concept_descrip(child, concept, notes)
            elif tag == "note":
                text = _text(child)
                kind, _, value = text.partition(": ")
                if kind in ("created", "modified") and value and "\n" not in value:
                    setattr(concept, kind, value)
                elif text:
                    notes.append(text)
            else:
                _unknown(child, tag, notes)
        if notes:
            concept.note = "\n".join(notes)
        return concept

    def _concept_descrip(self, el, concept, notes):
        kind, text = el.get("type") or "", _text(el)
        if not text:
            return
        if kind == "subjectField":
            if text.lower() in CATEGORIES and concept.category == "other":
                concept.category = text.lower()
            elif text.lower() != "other":
                notes.append(f"subjectField: {text}")
        elif kind == "definition":
            if concept.definition is None:
                concept.definition = _unwrap(text)
            else:
                notes.append(f"definition: {text}")
        else:
            notes.append(f"unknown descrip type={kind}: {text}")

    def _read_transac(self, grp, concept, notes):
        kind = date = None
        for el in grp:
            tag = _LOCAL.get(el.tag) or _local(el)
            if tag == "transac":
                kind = _text(el)
            elif tag == "date":
                date = _text(el)
        if date and kind == "origination" and concept.created is None:
            concept.created = date
        elif date and kind == "modification" and concept.modified is None:
            concept.modified = date

    def _read_lang(self, lang_sec, lang, concept, notes, path):
        for child in lang_sec:
            tag = _LOCAL.get(child.tag) or _local(child)
            if tag in ("tig", "ntig", "termSec"):
                term = self._read_term(child, lang, path)
                if term is not None:
                    concept.terms.append(term)
            elif tag in ("descrip", "descripGrp"):
                el = child if tag == "descrip" else next((c for c in child if _local(c) == "descrip"), None)
                if el is None:
                    continue
                if el.get("type") == "definition" and concept.definition is None:
                    concept.definition = _unwrap(_text(el))
                elif _text(el):
                    notes.append(f"{el.get('type') or 'descrip'} ({lang}): {_unwrap(_text(el))}")
            elif tag == "note":
                if _text(child):
                    notes.append(_text(child))
            elif tag == "transacGrp" or tag is None:
                continue
            else:
                _unknown(child, tag, notes)

    def _read_term(self, sec, lang, path, children=None):
        """One tig / ntig / termSec → Term (None if it holds no term and nothing else)."""
        text = pinyin = source = pos = confidence = None
        status, provenance, term_type, count = "admitted", "imported", "fullForm", 0
        notes, occurrences = [], []
        proposed = saw_provenance = False
        tid = _parse_id(sec.get("id"))
        for el in sec if children is None else children:
            name = _LOCAL.get(el.tag) or _local(el)
            if name in _GROUPS and children is None:
                # termGrp / termNoteGrp / descripGrp (ntig, other tools): read the opened-up elements
                return self._read_term(sec, lang, path, list(_flatten(sec)))
            if len(el):
                value = "".join(el.itertext()).strip()
            else:
                value = el.text
                value = value.strip() if value else ""
            if name == "note":
                if not value:
                    continue
                if not saw_provenance and value.startswith(("provenance: ", "confidence: ", "count: ")) \
                        and "\n" not in value:
                    fields = _parse_provenance(value)
                    if fields:
                        saw_provenance = True
                        provenance = fields.get("provenance", provenance)
                        if "confidence" in fields:
                            confidence = float(fields["confidence"])
                        if "count" in fields:
                            count = int(fields["count"])
                        continue
                if value.startswith("pinyin:") and pinyin is None and "\n" not in value and value[7:].strip():
                    pinyin = value[7:].strip()
                elif value == "status: proposed":
                    proposed = True
                elif value[:13].lower() == "partofspeech:" and "\n" not in value:
                    pos = value[13:].strip()
                else:
                    notes.append(value)
            elif name == "termNote":
                kind = el.get("type") or ""
                if kind == "administrativeStatus" or kind in _STATUS_KINDS:
                    found = TBX_TO_STATUS.get(value.lower())
                    if found:
                        status = found
                    else:
                        notes.append(f"{kind}: {value}")
                elif kind == "partOfSpeech":
                    pos = value or None
                elif kind == "termType":
                    if value in TERM_TYPES:
                        term_type = value
                    elif value:
                        notes.append(f"termType: {value}")
                elif kind in _PINYIN_KINDS and value:
                    pinyin = value
                elif value:
                    notes.append(f"unknown termNote type={kind}: {value}")
            elif name == "term":
                if text is None:
                    text = value
                    if tid is None:
                        tid = _parse_id(el.get("id"))
            elif name == "descrip":
                kind = el.get("type") or ""
                if kind == "context" and value:
                    if "\n" in value:
                        value = _unwrap(value)
                    occurrences.append(Occurrence(doc=el.get("_source") or "", start=0, end=0, sentence=value))
                elif value:
                    notes.append(f"unknown descrip type={kind}: {value}")
            elif name == "admin":
                kind = el.get("type") or ""
                if kind == "source" and source is None:
                    source = value or None
                elif value:
                    notes.append(f"unknown admin type={kind}: {value}")
            elif name in _SKIP:
                continue
            else:
                _unknown(el, name, notes)
        if not text:
            if notes or occurrences:
                raise FormatError("term section without a <term>", path=path, where=_where(sec))
            return None
        return Term(text=text, lang=lang, status="proposed" if proposed else status, provenance=provenance,
                    confidence=confidence, term_type=term_type, pos=pos, pinyin=pinyin, source=source,
                    note="\n".join(notes) if notes else None, id=tid, occurrences=occurrences, count=count)


_STATUS_KINDS = frozenset(("administrativeStatus", "normativeAuthorization", "usageStatus", "status"))
_PINYIN_KINDS = frozenset(("pronunciation", "transliteration", "pinyin"))
_SKIP = frozenset(("transacGrp", None))


_GROUPS = frozenset(("termGrp", "termNoteGrp", "descripGrp"))


def _flatten(container):
    """The data elements of a term section with termGrp / termNoteGrp / descripGrp opened up (ntig and
    other tools' files). A context's source inside its descripGrp is attached to the context."""
    for el in container:
        name = _local(el)
        if name is None:
            continue
        if name in ("termGrp", "termNoteGrp"):
            yield from _flatten(el)
        elif name == "descripGrp":
            inner = [c for c in el if _local(c) is not None]
            descrip = next((c for c in inner if _local(c) == "descrip"), None)
            source = next((_text(c) for c in inner if _local(c) == "admin" and c.get("type") == "source"), None)
            if descrip is not None and descrip.get("type") == "context" and source:
                descrip.set("_source", source)
                inner = [c for c in inner if not (_local(c) == "admin" and c.get("type") == "source")]
            yield from inner
        else:
            yield el


# ------------------------------------------------------------------ entry serialiser

# Anything _esc must change; most texts have none, and one search is cheaper than six.
_NEEDS_ESCAPE = re.compile('[&<>"\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')


def _esc(text):
    """Escaped XML character data (also for attribute values in double quotes)."""
    if not isinstance(text, str):
        text = str(text)
    if not _NEEDS_ESCAPE.search(text):
        return text
    text = xml_safe(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _entry(concept, names, used, seq, version, out):
    """Append the markup of one termEntry / conceptEntry to ``out`` (a list of strings)."""
    entry, lang_tag, sec_tag = names
    w = out.append
    cid = concept.id
    if isinstance(cid, int) and used[0].add(cid):
        w(f'<{entry} id="c{cid}">\n')
    else:                                   # no id, or one seen before: a generated, unique one
        w(f'<{entry} id="x{seq + 1}">\n')
    for kind, value in (("origination", concept.created), ("modification", concept.modified)):
        if value:
            value = str(value).strip().replace(" ", "T", 1)
            if _DATE.match(value):
                if version == 2:
                    value = value[:10]      # TBX-Basic 2008 dates are xsd:date
                w(f'  <transacGrp>\n    <transac type="transactionType">{kind}</transac>\n'
                  f'    <date>{value}</date>\n  </transacGrp>\n')
    if concept.category:
        w(f'  <descrip type="subjectField">{_esc(concept.category)}</descrip>\n')
    if concept.definition and concept.definition.strip():
        w(f'  <descrip type="definition">{_esc(_unwrap(concept.definition.strip()))}</descrip>\n')
    for kind, value in (("created", concept.created), ("modified", concept.modified)):
        if value and not _DATE.match(str(value).strip().replace(" ", "T", 1)):
            w(f"  <note>{_esc(f'{kind}: {value}')}</note>\n")
    if concept.note and concept.note.strip():
        w(f"  <note>{_esc(concept.note.strip())}</note>\n")
    lang = None
    for term in concept.terms:
        if term.lang != lang:
            if lang is not None:
                w(f"  </{lang_tag}>\n")
            lang = term.lang
            w(f'  <{lang_tag} xml:lang="{_esc(lang)}">\n')
        _term(term, sec_tag, used, w)
    if lang is not None:
        w(f"  </{lang_tag}>\n")
    w(f"</{entry}>\n")


def _term(term, sec_tag, used, w):
    tid = term.id
    if isinstance(tid, int) and used[1].add(tid):
        w(f'    <{sec_tag} id="t{tid}">\n')
    else:
        w(f"    <{sec_tag}>\n")
    w(f"      <term>{_esc(' '.join(term.text.split()))}</term>\n"
      f'      <termNote type="administrativeStatus">{STATUS_TO_TBX.get(term.status, "admittedTerm-admn-sts")}'
      "</termNote>\n")
    pos, term_type = term.pos, term.term_type
    if pos:
        w(f'      <termNote type="partOfSpeech">{pos if pos in POS_VALUES else "other"}</termNote>\n')
    if term_type and term_type != "fullForm":      # fullForm is what a term without termType reads as
        w(f'      <termNote type="termType">{term_type if term_type in TERM_TYPES else "variant"}</termNote>\n')
    if term.occurrences:
        seen = set()
        for occ in term.occurrences:
            sentence = _unwrap((occ.sentence or "").strip())
            if sentence and sentence not in seen:
                seen.add(sentence)
                w(f'      <descrip type="context">{_esc(sentence)}</descrip>\n')
                if len(seen) >= CONTEXTS_PER_TERM:
                    break
    if term.source and term.source.strip():
        w(f'      <admin type="source">{_esc(term.source.strip())}</admin>\n')
    if term.pinyin and term.pinyin.strip():
        w(f"      <note>pinyin: {_esc(' '.join(term.pinyin.split()))}</note>\n")
    if term.status == "proposed":
        w("      <note>status: proposed</note>\n")
    if pos and pos not in POS_VALUES:
        w(f"      <note>partOfSpeech: {_esc(pos)}</note>\n")
    if term_type and term_type not in TERM_TYPES:
        w(f"      <note>termType: {_esc(term_type)}</note>\n")
    parts = []
    if term.provenance:
        parts.append(f"provenance: {term.provenance}")
    if term.confidence is not None:
        parts.append(f"confidence: {float(term.confidence)!r}")
    if term.count:
        parts.append(f"count: {int(term.count)}")
    if parts:
        w(f"      <note>{_esc('; '.join(parts))}</note>\n")
    if term.note and term.note.strip():
        w(f"      <note>{_esc(term.note.strip())}</note>\n")
    w(f"    </{sec_tag}>\n")


def _parse_provenance(text):
    """"provenance: x; confidence: 0.9; count: 2" → dict, or None if it is not exactly that."""
    fields = {}
    for part in text.split("; "):
        key, sep, value = part.partition(": ")
        if not sep or key not in TERM_NOTE_FIELDS or key in fields:
            return None
        fields[key] = value.strip()
    return fields if _valid_fields(fields) else None


def _valid_fields(fields):
    try:
        if "confidence" in fields:
            float(fields["confidence"])
        if "count" in fields:
            int(fields["count"])
    except ValueError:
        return False
    return True


def _unknown(el, tag, notes):
    text = _text(el)
    target = el.get("target")
    if text or target:
        kind = el.get("type")
        label = f"unknown {tag} type={kind}" if kind else f"unknown {tag}"
        value = f"{text} <{target}>" if target and text else (text or target)
        notes.append(f"{label}: {value}")


# TBX v3 DCT style writes data categories as namespaced elements (<min:partOfSpeech>); reading
# renames them to their DCA form (<termNote type="partOfSpeech">) and reads on as usual.
_DCT_TO_DCA = {
    "administrativeStatus": "termNote", "partOfSpeech": "termNote", "termType": "termNote",
    "geographicalUsage": "termNote", "grammaticalGender": "termNote", "termLocation": "termNote",
    "context": "descrip", "definition": "descrip", "subjectField": "descrip",
    "source": "admin", "customerSubset": "admin", "projectSubset": "admin",
    "transactionType": "transac", "responsibility": "transacNote", "crossReference": "ref",
    "externalCrossReference": "xref", "xGraphic": "xref",
}


def _is_dct(path):
    with open(path, "rb") as f:
        head = f.read(65536)
    m = re.search(rb"<(?:\w+:)?tbx\b[^>]*>", head)
    return bool(m and re.search(rb"""\bstyle\s*=\s*["']dct["']""", m.group(0)))


def _dct_to_dca(entry):
    for el in entry.iter():
        tag = el.tag
        if isinstance(tag, str) and tag.startswith("{") and not tag.startswith("{" + TBX3_NS):
            name = tag.rpartition("}")[2]
            dca = _DCT_TO_DCA.get(name)
            if dca:
                el.tag = "{%s}%s" % (TBX3_NS, dca)
                el.set("type", name)


_LOCAL = {}


def _local(el):
    """Local name of an element ("{ns}term" and "term" → "term"); None for comments and PIs."""
    tag = el.tag
    name = _LOCAL.get(tag)
    if name is None:
        if not isinstance(tag, str):
            return None
        name = _LOCAL[tag] = tag.rpartition("}")[2]
    return name


def _text(el):
    return "".join(el.itertext()).strip() if len(el) else (el.text or "").strip()


_WRAP = re.compile(r"[ \t]*\n\s*")


def _unwrap(text):
    """Definitions and contexts wrapped by a pretty-printer become one line again.

    >>> _unwrap("Over 1100 open clusters are known in our Milky\\n\\t\\t\\tWay Galaxy")
    'Over 1100 open clusters are known in our Milky Way Galaxy'
    """
    return _WRAP.sub(" ", text) if "\n" in text else text


def _where(el):
    return f"line {el.sourceline} <{_local(el)}>" if el.sourceline else f"<{_local(el)}>"


def _parse_id(value):
    """"c12" / "t12" / "12" → 12; our generated "x<n>" ids (concepts without an id) → None."""
    if not value or value[0] == "x":
        return None
    if value[0] in "ct" and value[1:].isdigit() and value[1:].isascii():
        return int(value[1:])                     # our own ids: the fast path
    m = _ID_NUM.match(value.strip())
    return int(m.group(1)) if m else None


class _IdSet:
    """The ids written so far, to keep XML ids unique: a bitmap for the dense ids a term base hands
    out (100,000 ids cost 12 kB, where a set of strings would grow by tens of MB), a set beyond."""

    LIMIT = 1 << 26

    def __init__(self):
        self.bits = bytearray()
        self.other = set()

    def add(self, value):
        """Record ``value``; False if it was already there."""
        if 0 <= value < self.LIMIT:
            byte, bit = value >> 3, 1 << (value & 7)
            if byte >= len(self.bits):
                self.bits.extend(bytes(max(byte + 1 - len(self.bits), len(self.bits))))
            if self.bits[byte] & bit:
                return False
            self.bits[byte] |= bit
            return True
        if value in self.other:
            return False
        self.other.add(value)
        return True


def _xml_message(e):
    msg = str(e.msg if getattr(e, "msg", None) else e)
    return re.sub(r",? line \d+, column \d+.*$", "", msg).strip()


# ------------------------------------------------------------------ safe XML

_ROOT = re.compile(rb"<([A-Za-z_][\w:.\-]*)")


def check_xml_prolog(path, roots, what):
    """Refuse what is not XML, has an unexpected root, or declares entities (XXE, billion laughs).

    Looks at the prolog only (up to the root element), so it costs nothing on big files. Returns the
    root's local name.
    """
    with open(path, "rb") as f:
        head = f.read(65536)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="replace").encode("utf-8", errors="replace")
    elif head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    stripped = head.lstrip()
    if not stripped.startswith(b"<"):
        if b"\x00" in head[:1024]:
            raise FormatError(f"is not {what} (binary content, not XML)", path=path, where="line 1")
        raise FormatError(f"is not {what}: not XML (it does not start with '<')", path=path, where="line 1")
    pos = 0
    root = None
    while True:
        i = head.find(b"<", pos)
        if i < 0:
            break
        if head.startswith(b"<?", i):
            j = head.find(b"?>", i)
            pos = j + 2 if j >= 0 else len(head)
        elif head.startswith(b"<!--", i):
            j = head.find(b"-->", i)
            pos = j + 3 if j >= 0 else len(head)
        elif head.startswith(b"<!", i):
            # DOCTYPE: with an internal subset, look for entity declarations in it.
            j = head.find(b">", i)
            k = head.find(b"[", i)
            if k >= 0 and (j < 0 or k < j):
                end = head.find(b"]>", k)
                subset = head[k:end if end >= 0 else len(head)]
                if b"<!ENTITY" in subset.upper():
                    line = head[:i].count(b"\n") + 1
                    raise FormatError("declares XML entities in its DOCTYPE; refused for safety "
                                      "(entity expansion / external entities)", path=path, where=f"line {line}")
                pos = end + 2 if end >= 0 else len(head)
            else:
                pos = j + 1 if j >= 0 else len(head)
        else:
            m = _ROOT.match(head, i)
            if m:
                root = m.group(1).decode("ascii", "replace").rpartition(":")[2]
            break
    if root is None:
        if b"<!ENTITY" in head.upper():
            raise FormatError("declares XML entities in its DOCTYPE; refused for safety", path=path, where="line 1")
        return None  # let the parser report what is wrong
    if root not in roots:
        line = head[:head.find(b"<" + root.encode())].count(b"\n") + 1 if root else 1
        raise FormatError(f"is not {what}: the root element is <{root}>, expected "
                          + " or ".join(f"<{r}>" for r in roots), path=path, where=f"line {line}")
    return root

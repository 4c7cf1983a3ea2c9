"""Readers for the files an editor checks: each file becomes a list of :class:`Segment`.

A segment is the English text to check, with where it starts in its file (line, column) and, for
bilingual files, the Chinese text it translates. Which side is English does not depend on the
direction of the file: in an XLIFF from Chinese into English the target is checked, in one from
English into Chinese the source is.

Formats, by extension (one reader each, registered in :data:`READERS`):

========================  ==========================================================================
.txt .md (other)          monolingual English; one segment per file; lines and columns are exact
NAME.en.txt + NAME.zh.txt a parallel pair: sentence-aligned with :mod:`extract.align` when it is
                          available, otherwise one document-level bilingual segment
.html .htm                tags stripped with lxml.html; each text run is anchored to its line in the
                          file, so line numbers point into the HTML source
.docx                     python-docx; "line" is the paragraph number (body, then table cells)
.xlf .xliff .sdlxliff   XLIFF 1.2 (trans-unit) and 2.0 (unit/segment); inline codes (<x/>, <ph>,
                          <bpt>, <sc/>...) are dropped, the text of <g>, <pc>, <mrk> is kept; "line"
                          is the line of the element, "column" counts characters of its text
.tmx                      TMX in UTF-8 or UTF-16 (with or without a BOM)
.tsv .csv                 two columns (source, target); a header row is skipped; "line" is the row's
                          first line
========================  ==========================================================================

Every failure raises :class:`~glossary.errors.InputError` (or FormatError) naming the file, so the
caller can report it in one line and go on with the other files.
"""
import csv
import io
import re
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from .errors import FormatError, InputError
from .textio import decode, read_text

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class Segment:
    """English text to check, placed in its file. ``source`` is the Chinese it renders, if known."""

    file: str
    text: str
    line: int = 1
    col: int = 1
    source: Optional[str] = None
    source_file: Optional[str] = None
    source_line: Optional[int] = None
    id: Optional[str] = None
    empty_target: bool = False          # a bilingual unit with no English yet: nothing to check
    nearby: str = ""                    # English of the neighbouring aligned segments (pairs only)
    anchors: List[Tuple[int, int, int]] = field(default_factory=list)   # (offset, line, col), sorted
    _nl: Optional[List[int]] = field(default=None, repr=False)
    _offsets: Optional[List[int]] = field(default=None, repr=False)

    def locate(self, offset: int) -> Tuple[int, int]:
        """(line, column), both 1-based, of a character offset into ``text``."""
        if self._nl is None:
            self._nl = [m.start() for m in re.finditer("\n", self.text)]
        anchors = self.anchors or [(0, self.line, self.col)]
        if len(anchors) > 1:
            if self._offsets is None:
                self._offsets = [a[0] for a in anchors]
            i = max(bisect_right(self._offsets, offset) - 1, 0)
        else:
            i = 0
        a_off, a_line, a_col = anchors[i]
        lo = bisect_left(self._nl, a_off)
        hi = bisect_left(self._nl, offset)
        if hi > lo:
            return a_line + hi - lo, offset - self._nl[hi - 1]
        return a_line, a_col + offset - a_off


@dataclass
class Document:
    """One checked input: a file (or an English/Chinese pair) and its segments, or why it failed."""

    path: str
    kind: str
    segments: List[Segment] = field(default_factory=list)
    source_path: Optional[str] = None
    error: Optional[str] = None
    aligned: Optional[bool] = None      # pairs only: sentence-aligned (True) or document-level (False)


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text or ""))


def _cjk_share(text):
    letters = sum(1 for ch in text if ch.isalpha())
    return len(_CJK.findall(text)) / letters if letters else 0.0


# -- plain text ----------------------------------------------------------------------------------------

def read_plain(path, encoding=None, **_):
    text = read_text(path, encoding)
    return [Segment(str(path), text)]


# -- HTML ----------------------------------------------------------------------------------------------

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
          "section", "article", "header", "footer", "blockquote", "pre", "title", "dd", "dt", "figcaption",
          "caption", "hr", "main", "nav", "aside", "body", "html"}
_SKIP_HTML = {"script", "style", "noscript", "template"}


def read_html(path, encoding=None, **_):
    """Text runs of the page with anchors back to the HTML source, so a finding's line is a real line."""
    import lxml.html
    from lxml import etree

    raw = read_text(path, encoding)
    # lxml refuses str input with an encoding declaration (XHTML); blank it out, keeping the columns
    raw = re.sub(r"^\s*<\?xml[^>]*\?>", lambda m: re.sub(r"[^\n]", " ", m.group()), raw)
    try:
        root = lxml.html.document_fromstring(raw)
    except (etree.ParserError, ValueError) as e:
        raise FormatError(f"cannot parse as HTML: {e}", path) from None
    starts = [0] + [m.end() for m in re.finditer("\n", raw)]
    pieces, anchors = [], []
    cursor = [0]
    length = [0]

    def where(piece, fallback_line):
        # raw text up to the first character an entity may have stood for, so the probe is verbatim
        probe = re.split(r"[<>&\"'\u00a0]", piece.strip(), maxsplit=1)[0][:40]
        pos = raw.find(probe, cursor[0]) if probe else -1
        if pos < 0:
            return fallback_line or 1, 1, 0
        cursor[0] = pos + len(probe)
        line = bisect_right(starts, pos)
        lead = len(piece) - len(piece.lstrip())
        # the piece's offset that `pos` corresponds to is its first non-blank character
        return line, pos - starts[line - 1] + 1, lead

    def add(piece, line_hint):
        if not piece:
            return
        line, col, lead = where(piece, line_hint)
        anchors.append((length[0] + lead, line, col))
        pieces.append(piece)
        length[0] += len(piece)

    def newline():
        if pieces and not pieces[-1].endswith("\n"):
            pieces.append("\n")
            length[0] += 1

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag.lower() in _SKIP_HTML:
            return
        block = tag.lower() in _BLOCK
        if block:
            newline()
        add(el.text, el.sourceline)
        for child in el:
            walk(child)
            add(child.tail, child.sourceline)
        if block:
            newline()

    walk(root)
    text = "".join(pieces)
    if not text.strip():
        raise InputError("HTML page has no text", path)
    return [Segment(str(path), text, anchors=anchors or [(0, 1, 1)])]


# -- Word ----------------------------------------------------------------------------------------------

NOT_DOCX = "not a Word .docx document (a zip without word/document.xml, or another file renamed .docx)"


def read_docx(path, **_):
    try:
        import docx
    except ImportError:  # pragma: no cover - declared dependency
        raise InputError("reading .docx needs python-docx (pip install python-docx)", path) from None
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", path)
    if not zipfile.is_zipfile(p):
        raise InputError(NOT_DOCX, path)
    try:
        document = docx.Document(str(p))
    except Exception:  # python-docx raises KeyError, ValueError, PackageNotFoundError... for foreign zips
        raise InputError(NOT_DOCX, path) from None
    paragraphs = [para.text for para in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(para.text for para in cell.paragraphs)
    segments = [Segment(str(path), t, line=i) for i, t in enumerate(paragraphs, 1) if t.strip()]
    if not segments:
        raise InputError("Word document has no text", path)
    return segments


# -- XML formats (XLIFF, TMX) ----------------------------------------------------------------------------

# Inline codes whose content is markup, not text (XLIFF 1.2, XLIFF 2.0, TMX).
_CODES = {"x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "sc", "ec", "sm", "em", "cp"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _parse_xml(path):
    from lxml import etree

    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", path) from None
    if not data.strip():
        raise InputError("file is empty", path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as first:
        # e.g. UTF-16 without a BOM, or a declaration that lies about the encoding
        try:
            text = decode(data, path)
        except InputError:
            raise FormatError(f"not well-formed XML: {first}", path) from None
        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
        try:
            return etree.fromstring(text.encode("utf-8"), parser)
        except etree.XMLSyntaxError:
            raise FormatError(f"not well-formed XML: {first}", path) from None


def _local(el):
    tag = el.tag
    if not isinstance(tag, str):
        return None
    return tag.rsplit("}", 1)[-1]


def inline_text(el) -> str:
    """Text of an XLIFF/TMX segment element with inline codes dropped and their tails kept."""
    out = [el.text or ""]
    for child in el:
        name = _local(child)
        if name is not None and name not in _CODES:
            out.append(inline_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _children(el, name):
    return [c for c in el if _local(c) == name]


def _bilingual(path, en, zh, line, seg_id, english_side_present=True):
    if not en.strip():
        return Segment(str(path), "", line=line, source=zh, id=seg_id, empty_target=True)
    return Segment(str(path), en, line=line, source=zh if zh.strip() else None, id=seg_id)


UNTRANSLATED = "no unit has English text (untranslated file?); nothing to check"


def _translated(segments, path):
    """The segments, unless none has English: a wholly untranslated file is refused, not passed."""
    if segments and all(s.empty_target for s in segments):
        raise InputError(UNTRANSLATED, path)
    return segments


def _which_is_zh(src_lang, trg_lang, pairs):
    """True when the source side is Chinese: from the declared languages, else from the text."""
    if src_lang and src_lang.lower().startswith("zh"):
        return True
    if trg_lang and trg_lang.lower().startswith("zh"):
        return False
    src = "".join(s for s, _ in pairs)[:5000]
    trg = "".join(t for _, t in pairs)[:5000]
    return _cjk_share(src) >= _cjk_share(trg)


def read_xliff(path, **_):
    root = _parse_xml(path)
    if _local(root) != "xliff":
        raise FormatError(f"not an XLIFF file (root element <{_local(root)}>)", path)
    version = (root.get("version") or "").strip()
    units = []   # (source el, target el or None, id, src_lang, trg_lang)
    if version.startswith("2"):
        src_lang, trg_lang = root.get("srcLang"), root.get("trgLang")
        for unit in root.iter():
            if _local(unit) != "unit":
                continue
            segs = [s for s in unit if _local(s) in ("segment", "ignorable")]
            for i, seg in enumerate(segs, 1):
                if _local(seg) == "ignorable":
                    continue
                src = (_children(seg, "source") or [None])[0]
                trg = (_children(seg, "target") or [None])[0]
                sid = unit.get("id") or "?"
                units.append((src, trg, sid if len(segs) == 1 else f"{sid}/{seg.get('id') or i}", src_lang, trg_lang))
    else:
        for file_el in root.iter():
            if _local(file_el) != "file":
                continue
            src_lang, trg_lang = file_el.get("source-language"), file_el.get("target-language")
            for tu in file_el.iter():
                if _local(tu) != "trans-unit" or tu.get("translate") == "no":
                    continue
                src = (_children(tu, "source") or [None])[0]
                trg = (_children(tu, "target") or [None])[0]
                units.append((src, trg, tu.get("id") or "?", src_lang, trg_lang))
    if not units:
        raise FormatError(f"XLIFF {version or '?'} file has no translation units", path)
    texts = [(inline_text(s) if s is not None else "", inline_text(t) if t is not None else "")
             for s, t, *_ in units]
    segments = []
    for (src, trg, sid, sl, tl), (s_text, t_text) in zip(units, texts):
        zh_is_source = _which_is_zh(sl, tl, texts)
        en_el, en, zh = (trg, t_text, s_text) if zh_is_source else (src, s_text, t_text)
        line = (en_el if en_el is not None else src).sourceline or 1
        segments.append(_bilingual(path, en, zh, line, sid))
    return _translated(segments, path)


def read_tmx(path, **_):
    root = _parse_xml(path)
    if _local(root) != "tmx":
        raise FormatError(f"not a TMX file (root element <{_local(root)}>)", path)
    segments = []
    for n, tu in enumerate((e for e in root.iter() if _local(e) == "tu"), 1):
        en = zh = None
        en_line = tu.sourceline or 1
        for tuv in _children(tu, "tuv"):
            lang = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()
            seg = (_children(tuv, "seg") or [None])[0]
            text = inline_text(seg) if seg is not None else ""
            if lang.startswith("zh"):
                zh = text
            elif lang.startswith("en"):
                en = text
                en_line = (seg if seg is not None else tuv).sourceline or en_line
        if zh is None and en is None:
            continue
        segments.append(_bilingual(path, en or "", zh or "", en_line, tu.get("tuid") or str(n)))
    if not segments:
        raise FormatError("TMX file has no English or Chinese translation units (xml:lang en*/zh*)", path)
    return _translated(segments, path)


# -- delimited -------------------------------------------------------------------------------------------

_HEADER_WORDS = {"source", "target", "src", "tgt", "en", "zh", "english", "chinese", "zh-cn", "en-us", "en-gb",
                 "中文", "英文", "原文", "译文"}


def read_delimited(path, encoding=None, **_):
    text = read_text(path, encoding)
    delimiter = "\t" if str(path).lower().endswith(".tsv") or ("\t" in text[:2000] and "," not in text[:200]) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as e:
        raise FormatError(f"malformed {'TSV' if delimiter == chr(9) else 'CSV'} at line {reader.line_num}: {e}",
                          path) from None
    rows = [(ln, r) for ln, r in rows if any(c.strip() for c in r)]
    if rows and {c.strip().lower() for c in rows[0][1][:2]} <= _HEADER_WORDS:
        rows = rows[1:]
    if not rows:
        raise InputError("no rows to check", path)
    if max(len(r) for _, r in rows) < 2:
        raise FormatError("expected two columns (source, target); found one", path)
    col0 = "".join(r[0] for _, r in rows[:200])
    col1 = "".join(r[1] for _, r in rows[:200] if len(r) > 1)
    zh_first = _cjk_share(col0) >= _cjk_share(col1)
    segments = []
    for ln, r in rows:
        a, b = r[0], (r[1] if len(r) > 1 else "")
        en, zh = (b, a) if zh_first else (a, b)
        seg = _bilingual(path, en, zh, ln, f"row {ln}")
        seg.col = len(a) + 2 if zh_first else 1
        segments.append(seg)
    return _translated(segments, path)


# -- parallel pairs --------------------------------------------------------------------------------------

def read_pair(en_path, zh_path, encoding=None, known_for=None, use_align=True):
    """Segments of NAME.en.txt, each with the Chinese of NAME.zh.txt it renders.

    ``known_for(zh_text)`` may return {english: chinese} pairs from the term base as alignment
    anchors. Returns (segments, aligned?).
    """
    en_text = read_text(en_path, encoding)
    zh_text = read_text(zh_path, encoding)
    if use_align:
        try:
            segments = _aligned_segments(str(en_path), en_text, str(zh_path), zh_text,
                                         known_for(zh_text) if known_for else None)
        except Exception:  # the aligner is optional and still evolving: fall back to the whole document
            segments = None
        if segments:
            return segments, True
    return [Segment(str(en_path), en_text, source=zh_text, source_file=str(zh_path), source_line=1,
                    id="document")], False


def _line_col(starts, offset):
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _aligned_segments(en_path, en_text, zh_path, zh_text, known):
    from extract.align import align  # optional: fall back to document level without it

    result = align(en_text, zh_text, known or {})
    en_starts = [0] + [m.end() for m in re.finditer("\n", en_text)]
    zh_starts = [0] + [m.end() for m in re.finditer("\n", zh_text)]
    rows = []
    for bead in result.beads:
        if not bead.en:
            continue
        first, last = result.en[bead.en[0]].span, result.en[bead.en[-1]].span
        zh = ""
        zh_line = None
        if bead.zh and bead.quality > 0:
            z0, z1 = result.zh[bead.zh[0]].span, result.zh[bead.zh[-1]].span
            zh = zh_text[z0.start:z1.end]
            zh_line = _line_col(zh_starts, z0.start)[0]
        line, col = _line_col(en_starts, first.start)
        rows.append(Segment(en_path, en_text[first.start:last.end], line=line, col=col, source=zh or None,
                            source_file=zh_path if zh else None, source_line=zh_line,
                            id=f"sentence {bead.en[0] + 1}"))
    for i, seg in enumerate(rows):
        seg.nearby = " \n ".join(r.text for r in rows[max(0, i - 1):i + 2] if r is not seg)
    return rows


# -- dispatch --------------------------------------------------------------------------------------------

READERS: Dict[str, callable] = {
    ".txt": read_plain, ".md": read_plain, ".markdown": read_plain, ".text": read_plain,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".docx": read_docx,
    ".xlf": read_xliff, ".xliff": read_xliff, ".sdlxliff": read_xliff, ".mqxliff": read_xliff,
    ".tmx": read_tmx,
    ".tsv": read_delimited, ".csv": read_delimited,
}
KINDS = {read_plain: "text", read_html: "html", read_docx: "docx", read_xliff: "xliff", read_tmx: "tmx",
         read_delimited: "delimited"}

_PAIR = re.compile(r"^(?P<name>.+)\.(?P<lang>en|zh)\.txt$", re.I)


def _pair_of(path: Path, lang: str) -> Path:
    m = _PAIR.match(path.name)
    return path.with_name(f"{m.group('name')}.{lang}.txt")


def expand(paths: Sequence) -> List[Path]:
    """Files as given; a folder stands for the files in it (recursively) with a supported extension."""
    out = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in READERS
                              and not f.name.startswith(".")))
        else:
            out.append(p)
    return out


def load(paths: Sequence, encoding=None, known_for=None, use_align=True) -> List[Document]:
    """Read every input into a :class:`Document`; a bad file becomes a Document with ``error`` set.

    A folder stands for its supported files. NAME.en.txt and NAME.zh.txt (given together, or either
    one with the other beside it) become one
    bilingual document; a Chinese text with no English beside it is an error (nothing to check).
    """
    docs, seen = [], set()
    for raw in expand(paths):
        p = Path(raw)
        if str(p) in seen:
            continue
        seen.add(str(p))
        m = _PAIR.match(p.name)
        if m:
            lang = m.group("lang").lower()
            other = _pair_of(p, "zh" if lang == "en" else "en")
            if other.exists():
                seen.add(str(other))
                en_p, zh_p = (p, other) if lang == "en" else (other, p)
                doc = Document(str(en_p), "pair", source_path=str(zh_p))
                try:
                    doc.segments, doc.aligned = read_pair(en_p, zh_p, encoding, known_for, use_align)
                except InputError as e:
                    doc.error = str(e)
                docs.append(doc)
                continue
            if lang == "zh":
                docs.append(Document(str(p), "text", error=f"{p}: Chinese text without {other.name} beside it; "
                                                           "nothing to check"))
                continue
        reader = READERS.get(p.suffix.lower(), read_plain)
        doc = Document(str(p), KINDS[reader])
        try:
            doc.segments = reader(p, encoding=encoding)
        except InputError as e:
            doc.error = str(e)
        docs.append(doc)
    return docs

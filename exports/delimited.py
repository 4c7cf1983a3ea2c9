"""Delimited text: CSV (the spreadsheet layout, for Excel and CAT tools) and TSV (OmegaT glossaries).

CSV: UTF-8 with a BOM so Excel shows Chinese, a header row with the same columns as XLSX
(``table.table_columns``), values that a spreadsheet would run as formulas prefixed with an
apostrophe (undone on import).

TSV: OmegaT's glossary layout, ``source TAB target TAB comment``, no header. The source is Chinese
by default (``options.source_lang``; Chinese official texts are translated from Chinese) and the
comment carries ``pinyin: liǎng gè quèlì; status: preferred; category: slogan`` (and ``note: ...``
last). Reading accepts either column order (the Chinese column is recognised by its script).

Both readers take bytes and decode them here: BOMs, UTF-8, UTF-16, GB18030; binary is refused.
"""
import csv
import io

from glossary.errors import FormatError
from glossary.model import CATEGORIES, STATUSES, Concept, Term

from .base import Format, group_terms, has_cjk, neutralise_formula, parse_fields, read_text, restore_formula
from .table import concept_row, header_langs, map_header, row_concept, table_columns

_DELIMS = {";": "semicolon", "\t": "tab", "|": "vertical bar", ",": "comma"}


class CsvFormat(Format):
    name = "csv"
    extensions = (".csv",)
    binary = False
    encoding = "utf-8-sig"
    description = "CSV, UTF-8 with BOM, one row per concept (Excel, Trados, memoQ, Phrase)"

    def write(self, concepts, fileobj, options):
        writer = csv.writer(fileobj, lineterminator="\r\n")
        writer.writerow(table_columns(options))
        count = 0
        for concept in concepts:
            writer.writerow([neutralise_formula(v) for v in concept_row(concept, options)])
            count += 1
        return count

    def read(self, path):
        text = read_text(path)
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        try:
            header = next(reader, None)
            if header is None:
                raise FormatError("has no header row", path=path, where="line 1")
            header = [restore_formula(h).strip() for h in header]
            cols = map_header(header)
            if "en" not in cols and "zh" not in cols:
                raise FormatError(_header_problem(header, ","), path=path, where="line 1")
            langs = header_langs(header, cols)
            for row in reader:
                line = reader.line_num
                if not any(v.strip() for v in row):
                    continue
                if len(row) != len(header):
                    raise FormatError(f"has {len(row)} fields where the header has {len(header)} "
                                      "(a stray comma or quote?)", path=path, where=f"line {line}")
                values = [restore_formula(v) for v in row]
                concept = row_concept(values, cols, path,
                                      lambda f, line=line: f"line {line}, column {header[cols[f]]!r}", langs)
                if concept is not None:
                    yield concept
        except csv.Error as e:
            raise FormatError(f"malformed CSV: {e}", path=path, where=f"line {reader.line_num}") from None


def _header_problem(header, delimiter):
    first = header[0] if header else ""
    for d, label in _DELIMS.items():
        if d != delimiter and len(header) == 1 and d in first:
            return (f"the header is one field holding {label}s: the file is {label}-separated, not "
                    f"comma-separated; save it as CSV or name it .tsv")
    return ("no English or Chinese column in the header (found: " + ", ".join(repr(h) for h in header[:8])
            + "); name them 'en' and 'zh-CN' (or 'English' and 'Chinese')")


_COMMENT_KEYS = ("pinyin", "status", "category")


def _one_line(text):
    return " ".join((text or "").split())


class TsvFormat(Format):
    name = "tsv"
    extensions = (".tsv", ".txt", ".utf8", ".tab")
    binary = False
    encoding = "utf-8"
    description = "OmegaT glossary: source TAB target TAB comment (pinyin, status, category)"

    def write(self, concepts, fileobj, options):
        count = 0
        zh_first = options.source_lang == "zh"
        for concept in concepts:
            groups = group_terms(concept)
            en = groups.get(options.en_lang, [])
            zh = groups.get(options.zh_lang, [])
            head = (zh or en)[0]
            en_text = _one_line(en[0].text) if en else ""
            zh_text = _one_line(zh[0].text) if zh else ""
            parts = []
            if zh and zh[0].pinyin:
                parts.append(f"pinyin: {_one_line(zh[0].pinyin)}")
            parts.append(f"status: {head.status}")
            if concept.category:
                parts.append(f"category: {_one_line(concept.category)}")
            if concept.note and concept.note.strip():
                parts.append(f"note: {_one_line(concept.note)}")
            source, target = (zh_text, en_text) if zh_first else (en_text, zh_text)
            fileobj.write(f"{source}\t{target}\t{'; '.join(parts)}\n")
            count += 1
        return count

    def read(self, path):
        text = read_text(path)
        for number, line in enumerate(text.split("\n"), 1):
            line = line.rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) == 1:
                hint = next((f"; it looks {label}-separated (use .csv for comma-separated files)"
                             for d, label in _DELIMS.items() if d in line and d != "\t"), "")
                raise FormatError(f"no tab between source and target{hint}", path=path, where=f"line {number}")
            if len(fields) > 3:
                raise FormatError(f"has {len(fields)} tab-separated fields; expected source, target and an "
                                  "optional comment (a tab inside a term?)", path=path, where=f"line {number}")
            first, second = fields[0].strip(), fields[1].strip()
            comment = fields[2].strip() if len(fields) > 2 else ""
            if not first and not second:
                continue
            if has_cjk(second) and not has_cjk(first):
                en_text, zh_text = first, second
            else:
                zh_text, en_text = first, second
            yield _tsv_concept(en_text, zh_text, comment)


def _tsv_concept(en_text, zh_text, comment):
    note = None
    fields = {}
    if comment:
        head, sep, rest = comment.partition("note: ") if comment.startswith("note: ") else \
            comment.partition("; note: ")
        if sep:
            note = rest
            comment = head
        fields = parse_fields(comment, _COMMENT_KEYS) if comment else {}
        if fields is None or fields.get("status", "admitted") not in STATUSES:
            fields = {}
            note = f"{comment}; note: {note}" if note is not None else comment
    status = fields.get("status", "admitted")
    category = fields.get("category") or "other"
    if category.lower() in CATEGORIES:
        category = category.lower()
    terms = []
    if en_text:
        terms.append(Term(text=en_text, lang="en", status=status, provenance="imported", pos=None))
    if zh_text:
        terms.append(Term(text=zh_text, lang="zh-CN", status=status, provenance="imported", pos=None,
                          pinyin=fields.get("pinyin") or None))
    return Concept(category=category, terms=terms, note=note or None)

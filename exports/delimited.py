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
import re

from glossary.errors import FormatError
from glossary.model import CATEGORIES, STATUSES, Concept, Term

from .base import (Format, group_terms, has_cjk, neutralise_formula, parse_fields, read_text, restore_formula,
                   status_rank)
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


_COMMENT_KEYS = ("pinyin", "status", "category", "variant of")


def _one_line(text):
    return " ".join((text or "").split())


def _field(text):
    """A comment value: one line, no "; " (the field separator)."""
    return _one_line(text).replace(";", ",")


_HEADER_WORDS = {"en", "en-us", "en-gb", "english", "zh", "zh-cn", "zh-hans", "zh-tw", "chinese", "source",
                 "target", "term", "source term", "target term", "英文", "中文", "原文", "译文", "comment", "note"}


def _is_header(first, second):
    """A first row naming its columns ("English<TAB>Chinese", "zh-CN<TAB>en") rather than a term pair."""
    return first.casefold() in _HEADER_WORDS and second.casefold() in _HEADER_WORDS


class TsvFormat(Format):
    """OmegaT glossary rows. A concept gives one row for its head pair and one more per variant in
    the source language (so OmegaT also recognises 全国人大 in the text), each variant row saying
    ``variant of: <head>``; reading folds those rows back into the concept above them."""

    name = "tsv"
    extensions = (".tsv", ".txt", ".utf8", ".tab")
    binary = False
    encoding = "utf-8"
    description = "OmegaT glossary: source TAB target TAB comment (pinyin, status, category)"

    def write(self, concepts, fileobj, options):
        count = 0
        zh_first = options.source_lang == "zh"
        source_lang, target_lang = (options.zh_lang, options.en_lang) if zh_first else (options.en_lang, options.zh_lang)
        fileobj.write(f"{OMEGAT_FIRST_LINE}\n# {DIRECTION_TAG} source={source_lang} target={target_lang}\n")
        for concept in concepts:
            groups = group_terms(concept)
            en = groups.get(options.en_lang, [])
            zh = groups.get(options.zh_lang, [])
            head = (zh or en)[0]
            en_text = _one_line(en[0].text) if en else ""
            zh_text = _one_line(zh[0].text) if zh else ""
            category = _field(concept.category)
            note = _one_line(concept.note)
            source, target = (zh_text, en_text) if zh_first else (en_text, zh_text)
            fileobj.write(f"{source}\t{target}\t{_comment(zh[0].pinyin if zh else None, head.status, category, None, note)}\n")
            variants = (zh if zh_first else en)[1:]
            if source:
                for v in variants:
                    pinyin = v.pinyin if zh_first else (zh[0].pinyin if zh else None)
                    comment = _comment(pinyin, v.status, category, _field(source), None)
                    fileobj.write(f"{_one_line(v.text)}\t{target}\t{comment}\n")
            count += 1
        return count

    def read(self, path):
        text = read_text(path)
        lines = text.split("\n")
        declared = _declared_direction(lines)
        if declared:
            default_zh_source, langs = declared
        else:
            default_zh_source, langs = _zh_is_source(lines), ("en", "zh-CN")
        pending = None      # the concept being built: variant rows below it are folded in
        for number, line in enumerate(lines, 1):
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
            if pending is None and _is_header(first, second):
                continue    # other tools' glossaries often open with a header row
            zh_source = None if declared else _row_direction(first, second)
            if zh_source is None:
                zh_source = default_zh_source
            concept, variant_of = _tsv_concept(first, second, zh_source, comment, langs)
            if variant_of is not None and pending is not None and _folds_into(pending, variant_of, zh_source):
                variant = next(t for t in concept.terms if t.lang.startswith("zh") == zh_source)
                head = next(t for t in pending.terms if t.lang.startswith("zh") == zh_source)
                # The row's status describes the Chinese head; keep the row order as the order of
                # preference when the head is English (its own status is not in the file).
                if status_rank(variant) < status_rank(head):
                    head.status = variant.status
                pending.terms.append(variant)
                continue
            if variant_of is not None:
                concept.note = "; ".join(filter(None, [f"variant of: {variant_of}", concept.note]))
            if pending is not None:
                yield pending
            pending = concept
        if pending is not None:
            yield pending


# OmegaT skips lines starting with "#" and reads the coding from this first line (its own header).
OMEGAT_FIRST_LINE = "# Glossary in tab-separated format -*- coding: utf-8 -*-"
DIRECTION_TAG = "glossary-zh:"
_DIRECTION = re.compile(r"^#\s*" + re.escape(DIRECTION_TAG) + r"\s*source=(\S+)\s+target=(\S+)")


def _declared_direction(lines):
    """(Chinese is the source, (en code, zh code)) from our header comment, or None."""
    for line in lines[:5]:
        m = _DIRECTION.match(line.strip())
        if m:
            source, target = m.group(1), m.group(2)
            zh_source = source.lower().startswith("zh")
            return zh_source, ((target, source) if zh_source else (source, target))
    return None


def _row_direction(first, second):
    """True if the Chinese term is in the first column, False if in the second, None if unclear."""
    a, b = has_cjk(first), has_cjk(second)
    if a and not b:
        return True
    if b and not a:
        return False
    return None


def _zh_is_source(lines):
    """The file's direction, from the rows whose script tells (Chinese first when none does)."""
    votes = 0
    for line in lines[:20000]:
        fields = line.split("\t")
        if len(fields) >= 2 and not line.startswith("#"):
            d = _row_direction(fields[0], fields[1])
            votes += 0 if d is None else (1 if d else -1)
    return votes >= 0


def _comment(pinyin, status, category, variant_of, note):
    parts = []
    if pinyin and pinyin.strip():
        parts.append(f"pinyin: {_field(pinyin)}")
    parts.append(f"status: {status}")
    if category:
        parts.append(f"category: {category}")
    if variant_of:
        parts.append(f"variant of: {variant_of}")
    if note:
        parts.append(f"note: {note}")
    return "; ".join(parts)


def _folds_into(concept, variant_of, zh_source):
    heads = [t for t in concept.terms if t.lang.startswith("zh") == zh_source]
    return bool(heads) and _field(heads[0].text) == variant_of


def _tsv_concept(first, second, zh_source, comment, langs=("en", "zh-CN")):
    """(concept, "variant of" value or None) from one row."""
    zh_text, en_text = (first, second) if zh_source else (second, first)
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
    en_lang, zh_lang = langs
    if en_text:
        terms.append(Term(text=en_text, lang=en_lang, status=status, provenance="imported", pos=None))
    if zh_text:
        terms.append(Term(text=zh_text, lang=zh_lang, status=status, provenance="imported", pos=None,
                          pinyin=fields.get("pinyin") or None))
    return Concept(category=category, terms=terms, note=note or None), fields.get("variant of")

"""What every file format shares: the ``Format`` interface, ``ExportOptions``, the filters and the
atomic writer.

A format is one class with class attributes (``name``, ``extensions``, ``binary``) and a symmetric
pair ``write(concepts, fileobj, options) -> int`` / ``read(path) -> Iterator[Concept]``. Formats never
filter: ``prepare()`` here applies the options (status, category, confidence, preferred-only,
pinyin style, Traditional Chinese) once, the same way for every format, and hands the format
concepts whose terms are already in output order (per language, preferred first).
"""
import dataclasses
import os
import re
import tempfile
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Set

from glossary.errors import FormatError, GlossaryError, InputError
from glossary.model import STATUSES, Concept, is_en, is_zh
from glossary.normalize import restyle_pinyin

PINYIN_STYLES = ("marks", "numbers", "plain")


@dataclass
class ExportOptions:
    """How to export. Filters keep a term/concept when it passes every filter that is set.

    ``min_confidence`` drops terms whose confidence is *below* the threshold; terms without a
    confidence (manual entries, reference lists) are kept. Concepts left without terms are not written.
    ``traditional`` ("zh-TW", "zh-HK", "zh-Hant"...) adds a Traditional Chinese term, converted with
    OpenCC, for each Simplified Chinese term, as a language of its own.
    ``source_lang`` is only used by the OmegaT TSV layout (which column is the source): "zh" or "en".
    """

    tbx_version: int = 2
    en_lang: str = "en"
    zh_lang: str = "zh-CN"
    pinyin_style: str = "marks"
    status: Optional[Set[str]] = None
    categories: Optional[Set[str]] = None
    min_confidence: Optional[float] = None
    preferred_only: bool = False
    traditional: Optional[str] = None
    source_lang: str = "zh"

    def check(self):
        if self.tbx_version not in (2, 3):
            raise GlossaryError(f"unknown TBX version {self.tbx_version!r}; choose 2 (TBX-Basic 2008) or 3 (TBX v3 DCA)")
        if self.pinyin_style not in PINYIN_STYLES and self.pinyin_style not in (None, "", "tone"):
            raise GlossaryError(f"unknown pinyin style {self.pinyin_style!r}; choose {', '.join(PINYIN_STYLES)}")
        if self.status:
            bad = set(self.status) - set(STATUSES)
            if bad:
                raise GlossaryError(f"unknown status {', '.join(sorted(bad))}; choose {', '.join(STATUSES)}")
        if self.source_lang not in ("zh", "en"):
            raise GlossaryError(f"unknown source language {self.source_lang!r}; choose zh or en")
        return self

    def languages(self):
        """Output language codes in column/section order."""
        langs = [self.en_lang, self.zh_lang]
        if self.traditional:
            langs.append(self.traditional)
        return langs


class Format:
    """One file format. Subclasses set the class attributes and implement ``write`` and ``read``.

    ``write`` gets concepts already filtered and ordered by ``prepare`` and a file object: binary if
    ``binary`` is true, else text opened with ``encoding`` and ``newline=""``. It returns the number
    of concepts written. ``read`` gets a path and yields concepts; malformed input raises
    ``FormatError`` naming the path and where (line, cell, element).
    """

    name: str = ""
    extensions: tuple = ()
    binary: bool = True
    encoding: str = "utf-8"
    description: str = ""

    def write(self, concepts: Iterable[Concept], fileobj, options: "ExportOptions") -> int:
        raise NotImplementedError

    def read(self, path) -> Iterator[Concept]:
        raise NotImplementedError

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


# --------------------------------------------------------------------------------------------
# Filters and output order: once, for every format.

_STATUS_ORDER = {s: i for i, s in enumerate(STATUSES)}


def status_rank(term):
    return _STATUS_ORDER.get(term.status, len(STATUSES))


def output_lang(term, options):
    """The language code a term is written under (``en_lang``, ``zh_lang`` or its own)."""
    lang = term.lang or ""
    if options.traditional and lang.lower() == options.traditional.lower():
        return options.traditional
    if is_en(lang):
        return options.en_lang
    if is_zh(lang) and "hant" not in lang.lower() and lang.lower() not in ("zh-tw", "zh-hk", "zh-mo"):
        return options.zh_lang
    return lang


_converters = {}


def to_traditional(text, variant):
    """Simplified → Traditional with OpenCC: s2tw for Taiwan, s2hk for Hong Kong, else s2t."""
    v = (variant or "").lower()
    config = "s2tw" if v.endswith("tw") else "s2hk" if v.endswith(("hk", "mo")) else "s2t"
    conv = _converters.get(config)
    if conv is None:
        try:
            import opencc
        except ImportError as e:  # pragma: no cover - declared dependency
            raise GlossaryError("Traditional Chinese needs OpenCC: pip install opencc-python-reimplemented") from e
        conv = _converters[config] = opencc.OpenCC(config)
    return conv.convert(text)


def prepare(concepts: Iterable[Concept], options: ExportOptions) -> Iterator[Concept]:
    """Apply the options to a stream of concepts: filter, order, restyle, add Traditional Chinese.

    Yields ``Concept`` objects (the caller's are never modified; a concept that needs no change is
    passed through as it is) whose ``terms`` are grouped by
    output language in ``options.languages()`` order (then any other language), each group sorted
    preferred first (stable), with ``lang`` set to the output code.
    """
    options.check()
    cats = set(options.categories) if options.categories else None
    statuses = set(options.status) if options.status else None
    min_conf = options.min_confidence
    style = options.pinyin_style
    restyle = style not in (None, "", "marks", "tone")
    order = options.languages()
    lang_of = {}          # term.lang -> output code, computed once per distinct code
    for concept in concepts:
        if cats is not None and concept.category not in cats:
            continue
        groups = {}
        for term in concept.terms:
            if statuses is not None and term.status not in statuses:
                continue
            if min_conf is not None and term.confidence is not None and term.confidence < min_conf:
                continue
            lang = lang_of.get(term.lang)
            if lang is None:
                lang = lang_of[term.lang] = output_lang(term, options)
            if lang != term.lang or (restyle and term.pinyin):
                term = dataclasses.replace(term, lang=lang)
                if restyle and term.pinyin:
                    term.pinyin = restyle_pinyin(term.pinyin, style)
            groups.setdefault(lang, []).append(term)
        if not groups:
            continue
        if options.traditional and options.zh_lang in groups and options.traditional not in groups:
            groups[options.traditional] = [
                dataclasses.replace(t, lang=options.traditional, text=to_traditional(t.text, options.traditional),
                                    occurrences=[], id=None)
                for t in groups[options.zh_lang]]
        terms = []
        for lang in order + [g for g in groups if g not in order]:
            group = groups.get(lang)
            if not group:
                continue
            if len(group) > 1:
                group = sorted(group, key=status_rank)
            terms.extend(group[:1] if options.preferred_only else group)
        old = concept.terms
        if len(terms) == len(old) and all(a is b for a, b in zip(terms, old)):
            yield concept                # already in order, nothing filtered or changed: no copy
        else:
            yield dataclasses.replace(concept, terms=terms)


def group_terms(concept):
    """{lang: [terms]} in the order the terms come (prepare() has ordered them)."""
    groups = {}
    for t in concept.terms:
        groups.setdefault(t.lang, []).append(t)
    return groups


# --------------------------------------------------------------------------------------------
# Text helpers shared by the formats.

# XML 1.0 forbids most C0 controls; spreadsheets (openpyxl) refuse the same set.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text):
    """Text with the characters XML 1.0 cannot carry removed."""
    if text is None:
        return None
    text = str(text)
    return _ILLEGAL_XML.sub("", text) if _ILLEGAL_XML.search(text) else text


FORMULA_CHARS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix an apostrophe to spreadsheet values a spreadsheet would run as a formula.

    Values already starting with apostrophes before such a character get one more, so that
    ``restore_formula`` is an exact inverse.

    >>> neutralise_formula("=1+1"), neutralise_formula("'=x"), neutralise_formula("a=b")
    ("'=1+1", "''=x", 'a=b')
    """
    if isinstance(value, str) and value and value.lstrip("'")[:1] in FORMULA_CHARS and value.lstrip("'"):
        return "'" + value
    return value


def restore_formula(value):
    """Inverse of ``neutralise_formula``.

    >>> restore_formula("'=1+1"), restore_formula("'quoted'")
    ('=1+1', "'quoted'")
    """
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'")[:1] in FORMULA_CHARS \
            and value.lstrip("'"):
        return value[1:]
    return value


_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def has_cjk(text):
    return bool(text and _CJK.search(text))


def format_confidence(value):
    return "" if value is None else repr(float(value))


# Key/value notes ("pinyin: ...; status: ...") used by TBX notes and the TSV comment column.
def parse_fields(text, keys):
    """``"a: 1; b: 2"`` → {"a": "1", "b": "2"} if every part is ``key: value`` with a known key, else None."""
    out = {}
    for part in text.split("; "):
        key, sep, value = part.partition(": ")
        key = key.strip().lower()
        if not sep or key not in keys or key in out:
            return None
        out[key] = value.strip()
    return out


def parse_confidence(value, path=None, where=None):
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise FormatError(f"confidence {value!r} is not a number", path=path, where=where) from None


def parse_int(value, path=None, where=None, what="id"):
    if value in (None, ""):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        raise FormatError(f"{what} {value!r} is not a whole number", path=path, where=where) from None


# --------------------------------------------------------------------------------------------
# Reading text: the project's one decoder (glossary.textio: BOMs, UTF-8, UTF-16, GB18030, Big5;
# binary and undecodable files refused with a message naming the file).

def read_text(path) -> str:
    """A whole text file decoded by ``glossary.textio``; InputError for binary/undecodable/empty."""
    from glossary.textio import read_text as decode_file
    return decode_file(path)


def read_bytes(path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=path) from None


def check_readable(path):
    """Missing, a directory, unreadable or empty: InputError before any parsing."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=path) from None
    if not os.path.isfile(path):
        raise InputError("is not a file", path=path)
    if st.st_size == 0:
        raise InputError("is empty", path=path)


# --------------------------------------------------------------------------------------------
# Atomic writing.

def atomic_write(path, fmt: Format, fill):
    """Write ``path`` through a temporary file in the same directory, then ``os.replace``.

    ``fill(fileobj)`` writes the content and returns a value that is passed back. An exception
    (or Ctrl-C) removes the temporary file, so an interrupted export never leaves a half file and
    never damages an existing one. OS errors become ``GlossaryError`` naming the path.
    """
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    _remove_stale_parts(directory, os.path.basename(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".part", dir=directory)
    except OSError as e:
        raise GlossaryError(f"cannot write: {e.strerror or e}", path=path) from None
    try:
        if fmt.binary:
            f = os.fdopen(fd, "wb")
        else:
            f = os.fdopen(fd, "w", encoding=fmt.encoding, newline="")
        with f:
            result = fill(f)
            f.flush()
            os.fsync(f.fileno())
        _copy_mode(path, tmp)
        os.replace(tmp, path)
        return result
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, GlossaryError):
            if e.path is None:
                e.path = path
            raise
        if isinstance(e, OSError):
            raise GlossaryError(f"cannot write: {e.strerror or e}", path=path) from e
        if isinstance(e, (UnicodeError, ValueError)):
            # Data the format cannot carry (a lone surrogate, a value the spreadsheet refuses).
            raise GlossaryError(f"cannot write: {e}", path=path) from e
        raise


# A temporary file older than this belongs to an export that was killed (SIGKILL, power loss),
# not to one still running, and is removed by the next export to the same target.
STALE_PART_SECONDS = 3600


def _remove_stale_parts(directory, basename):
    import glob
    import time

    limit = time.time() - STALE_PART_SECONDS
    for part in glob.glob(os.path.join(glob.escape(directory), "." + glob.escape(basename) + ".*.part")):
        try:
            if os.stat(part).st_mtime < limit:
                os.unlink(part)
        except OSError:
            pass


def _copy_mode(path, tmp):
    """Keep the target's permissions if it exists, else the usual umask-based ones (mkstemp uses 0600)."""
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass

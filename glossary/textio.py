"""Reading text files the way translators receive them: any of the usual encodings, never garbage.

Bytes are read once and decoded here, in the library: BOMs first, then strict UTF-8, then the
Chinese legacy encodings (GB18030, Big5) tried strictly, then charset-normalizer as a last opinion.
A file that is binary, empty or undecodable raises :class:`InputError` naming the file.
"""
import codecs
from pathlib import Path

from .errors import InputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Magic numbers of files people drop into a folder of texts by mistake.
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\xd0\xcf\x11\xe0",
                 b"SQLite format 3")

UNDECODABLE = ("cannot decode the text (not UTF-8, UTF-16, GB18030 or Big5); "
               "save it as UTF-8 or give --encoding")


def decode(data: bytes, path="<bytes>", encoding=None) -> str:
    """Decode file content to str; ``encoding`` forces one codec (errors still reported)."""
    if encoding:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except (UnicodeDecodeError, LookupError) as e:
            raise InputError(f"cannot decode as {encoding}: {e}", path) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError as e:
                raise InputError(f"broken {codec} text at byte {e.start}", path) from None
    if any(data.startswith(m) for m in _BINARY_MAGIC):
        raise InputError("is a binary file (a PDF, Office document, image, archive or program), not plain text",
                         path)
    if _looks_utf16(data):
        try:
            text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
            if _printable(text):
                return text
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise InputError("is a binary file (contains NUL bytes), not plain text", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # GB18030 and Big5 both decode much of each other's bytes without error, so both are tried and
    # the reading that looks more like real Chinese wins.
    readings = []
    for codec in ("gb18030", "big5"):
        try:
            readings.append(data.decode(codec))
        except UnicodeDecodeError:
            continue
    if readings:
        best = max(readings, key=_chinese_score)
        if _chinese_score(best) >= 0.8:
            return best
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - detector failure is not the user's problem
        best = None
    if best is not None and best.encoding:
        return str(best)
    raise InputError(UNDECODABLE, path)


def read_text(path, encoding=None, allow_empty=False) -> str:
    """Read and decode one text file; refuses missing, unreadable, empty and binary files."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", path) from None
    text = decode(data, path, encoding)
    if not allow_empty and not text.strip():
        raise InputError("file is empty", path)
    return text


def _looks_utf16(data):
    """BOM-less UTF-16: every other byte NUL in the first bytes of mostly ASCII/CJK text."""
    head = data[:200]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) > len(odd) * 0.5) != (even.count(0) > len(even) * 0.5)


def _printable(text):
    sample = text[:2000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n") or "\ue000" <= ch <= "\uf8ff")
    return bad <= 0.01 * len(sample)


def _chinese_score(text):
    """How much the non-ASCII part of a decoded text looks like real Chinese, 0..1.

    Only non-ASCII characters are judged (English around a Chinese name must not vouch for a wrong
    decoding). A character counts when, in Simplified form, it is in GB2312 (the common Han
    characters and punctuation); mis-decoded bytes land on rare characters and other scripts.
    """
    sample = [ch for ch in text[:6000] if not ch.isascii()]
    if not sample:
        return 1.0
    from .normalize import to_simplified

    simplified = to_simplified("".join(sample))
    good = 0
    for ch in simplified:
        try:
            ch.encode("gb2312")   # common Han characters and the usual CJK punctuation
            good += 1
        except UnicodeEncodeError:
            pass
    return good / len(sample)

"""What a document says about itself: its date, title and source, read from the article header.

Beijing government articles (and most news pages pasted as text) open with a few header lines:
``Date: 2021-04-26``, ``Source: Beijing Daily``, a title. The date matters: the preferred form of a
term is the one used most recently, so every occurrence is dated by its document.
"""
import hashlib
import re
from dataclasses import dataclass
from typing import Optional

_DATE = re.compile(r"(?im)^\s*(?:date|published|time|日期|发布时间)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_ANY_DATE = re.compile(r"\b(20\d\d|19\d\d)-(\d{1,2})-(\d{1,2})\b|(\d{4})年(\d{1,2})月(\d{1,2})日")
_SOURCE = re.compile(r"(?im)^\s*(?:source|来源)\s*[:：]\s*(.+?)\s*$")
_TOPICS = re.compile(r"(?im)^\s*topics\s*:\s*$")


@dataclass
class DocumentInfo:
    sha256: str
    date: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None


def content_hash(text: str) -> str:
    """Hash of the normalised text, so the same article saved twice (CRLF, BOM) counts once."""
    norm = text.replace("\r\n", "\n").replace("\ufeff", "").strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def describe(text: str) -> DocumentInfo:
    """Header facts of an article.

    >>> d = describe("Topics:\\nBeijing Holds Forum\\nDate: 2021-04-26\\nSource: Beijing Daily\\n\\nBody.")
    >>> (d.date, d.title, d.source)
    ('2021-04-26', 'Beijing Holds Forum', 'Beijing Daily')
    """
    head = text[:3000]
    date = None
    m = _DATE.search(head)
    if m:
        date = _iso(m.group(1), m.group(2), m.group(3))
    else:
        m = _ANY_DATE.search(head[:600])
        if m:
            g = [x for x in m.groups() if x]
            date = _iso(*g[:3])
    source = None
    m = _SOURCE.search(head)
    if m:
        source = m.group(1)
    title = None
    m = _TOPICS.search(head)
    lines = head[m.end():] if m else head
    for line in lines.splitlines():
        line = line.strip()
        if line and not re.match(r"(?i)^(chinese|english|topics|date|source|fontsize)\b", line):
            title = line[:300]
            break
    return DocumentInfo(content_hash(text), date, title, source)


def _iso(y, mo, d):
    try:
        y, mo, d = int(y), int(mo), int(d)
    except ValueError:
        return None
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None

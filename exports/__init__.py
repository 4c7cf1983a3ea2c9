"""The one format registry, and the calls everyone else uses: write_file, write_stream, read_file.

>>> from exports import write_file, read_file, get_format, names
>>> names()
['csv', 'json', 'tbx', 'tsv', 'xlsx']

Formats are declared once, by their classes' ``name`` and ``extensions`` (exports/tbx.py,
xlsx.py, delimited.py, jsonfile.py); the only list here is the list of modules. Modules are
imported on first use, so ``import exports`` costs nothing and openpyxl is only loaded for XLSX.
"""
import importlib
import io
import os
from typing import Iterable, Iterator, Optional

from glossary.errors import FormatError, GlossaryError, InputError, NotFound
from glossary.model import Concept

from .base import ExportOptions, Format, atomic_write, check_readable, prepare

__all__ = ["ExportOptions", "Format", "get_format", "format_for_path", "names", "write_file", "write_stream",
           "read_file"]

_MODULES = ("tbx", "xlsx", "delimited", "jsonfile")   # table.py is the layout XLSX and CSV share
_registry = None


def _formats():
    global _registry
    if _registry is None:
        found = {}
        for mod in _MODULES:
            module = importlib.import_module(f"{__name__}.{mod}")
            for obj in vars(module).values():
                if isinstance(obj, type) and issubclass(obj, Format) and obj is not Format and obj.name \
                        and obj.__module__ == module.__name__:
                    found[obj.name] = obj()
        _registry = found
    return _registry


def names():
    """Registered format names, sorted."""
    return sorted(_formats())


def get_format(name: str) -> Format:
    """The format called ``name`` (case-insensitive); NotFound lists the choices."""
    fmt = _formats().get((name or "").strip().lower().lstrip("."))
    if fmt is None:
        raise NotFound(f"unknown format {name!r}; choose one of: {', '.join(names())}")
    return fmt


def format_for_path(path) -> Format:
    """The format a file name's extension stands for; NotFound lists the known extensions."""
    name = os.path.basename(os.fspath(path)).lower()
    best = None
    for fmt in _formats().values():
        for ext in fmt.extensions:
            if name.endswith(ext) and (best is None or len(ext) > len(best[0])):
                best = (ext, fmt)
    if best is None:
        known = ", ".join(sorted(e for f in _formats().values() for e in f.extensions))
        raise NotFound(f"cannot tell the format from the extension; use one of {known} or name the format",
                       path=path)
    return best[1]


def _pick(path, fmt):
    if fmt is None:
        return format_for_path(path)
    return fmt if isinstance(fmt, Format) else get_format(fmt)


def write_file(concepts: Iterable[Concept], path, fmt: Optional[str] = None,
               options: Optional[ExportOptions] = None) -> int:
    """Export concepts to ``path`` atomically; returns the number of concepts written.

    ``fmt`` defaults to the one the extension names. The options' filters apply to every format
    alike. Errors are ``GlossaryError`` naming the path; the target is left untouched on failure.
    """
    options = options or ExportOptions()
    try:
        options.check()
    except GlossaryError as e:
        e.path = e.path or os.fspath(path)
        raise
    f = _pick(path, fmt)
    return atomic_write(path, f, lambda fileobj: f.write(prepare(concepts, options), fileobj, options))


def write_stream(concepts: Iterable[Concept], stream, fmt, options: Optional[ExportOptions] = None) -> int:
    """Export to an open stream (``sys.stdout`` for ``glossary export -f tbx``); returns the count.

    Bytes go to the stream's binary buffer when it has one, in the format's own encoding (UTF-8,
    with a BOM for CSV), whatever the console's encoding is. Not atomic: a stream has no rename.
    """
    options = options or ExportOptions()
    options.check()
    f = fmt if isinstance(fmt, Format) else get_format(fmt)
    prepared = prepare(concepts, options)
    sink = getattr(stream, "buffer", None) if isinstance(stream, io.TextIOBase) else stream
    try:
        if sink is None:                        # a text-only stream (StringIO): text formats only
            if f.binary:
                raise GlossaryError(f"{f.name} is a binary format; write it to a file or a binary stream")
            if f.encoding == "utf-8-sig":
                stream.write("\ufeff")
            n = f.write(prepared, stream, options)
        elif f.binary:
            if isinstance(stream, io.TextIOBase):
                stream.flush()
            n = f.write(prepared, sink, options)
        else:
            if isinstance(stream, io.TextIOBase):
                stream.flush()
            text = io.TextIOWrapper(sink, encoding=f.encoding, newline="", write_through=True)
            try:
                n = f.write(prepared, text, options)
                text.flush()
            finally:
                text.detach()                   # leave the caller's stream open
        sink_or_stream = sink if sink is not None else stream
        sink_or_stream.flush()
        return n
    except BrokenPipeError:
        raise   # the reader closed the pipe (`| head`): the CLI ends quietly
    except (UnicodeError, ValueError) as e:
        raise GlossaryError(f"cannot write: {e}") from e


def read_file(path, fmt: Optional[str] = None) -> Iterator[Concept]:
    """Read concepts from ``path`` lazily. Missing/empty/binary files raise InputError at once;
    malformed content raises FormatError (path + line/cell/element) while iterating."""
    f = _pick(path, fmt)
    check_readable(path)
    return _guarded(f.read(path), path)


def _guarded(it, path):
    """Turn any unexpected parser exception into a FormatError naming the file."""
    try:
        yield from it
    except GlossaryError as e:
        if e.path is None:
            e.path = os.fspath(path)
        raise
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=path) from e
    except (Exception, RecursionError) as e:    # a parser library choking on malformed input
        raise FormatError(f"cannot read: {type(e).__name__}: {e}", path=path) from e

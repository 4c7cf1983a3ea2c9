"""The one exception family of the project.

Library code raises these; only the CLI turns them into a message (``glossary: error: ...``) and an
exit status, so the library stays usable from Python and from tests without click.
"""


class GlossaryError(Exception):
    """A problem the user can act on. ``str()`` is the one line shown to them.

    ``path`` names the file concerned (input, export target or term base) so every message says
    *which* file is wrong; ``where`` narrows it down (a line, a cell, an element).
    """

    def __init__(self, message, path=None, where=None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.where = where

    def __str__(self):
        place = self.path or ""
        if self.where:
            place = f"{place}:{self.where}" if place else str(self.where)
        return f"{place}: {self.message}" if place else self.message


class InputError(GlossaryError):
    """An input file cannot be read: missing, empty, binary, undecodable."""


class FormatError(InputError):
    """An input file is readable but malformed for its format (TBX, XLSX, CSV...)."""


class StoreError(GlossaryError):
    """The term base cannot be opened or written (not a term base, newer schema, corrupt)."""


class DatabaseBusy(StoreError):
    """Another process holds the write lock longer than the busy timeout."""


class NotFound(GlossaryError):
    """An id, term or format the user named does not exist."""

"""XLSX (openpyxl): one row per concept, the columns of ``table.table_columns``.

Language columns are named by code ("en", "zh-CN"), which Trados Glossary Converter, memoQ and
Phrase map to languages without manual work; "zh-CN pinyin", "Status", "Category", "Definition",
"Note", variants, "Context", "Source", "Provenance", "Confidence" and "ID" follow. The header row is
bold and frozen, with an autofilter; column widths fit the first rows (CJK counts double).
Written in write-only mode (streaming). Values a spreadsheet would run as formulas
(= + - @, tab, CR) get an apostrophe prefix, which the reader strips back.

The reader finds columns by header name (case-insensitive; "English", "Chinese", "Term (en)"...
accepted) and refuses formulas and merged cells, naming the cell.
"""
import re
import unicodedata
import zipfile

from glossary.errors import FormatError

from .base import Format, neutralise_formula, restore_formula, xml_safe
from .table import concept_row, header_langs, map_header, row_concept, table_columns

_RISKY = frozenset("=+-@\t\r'")      # first characters that may need an apostrophe (base.neutralise_formula)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
SHEET_TITLE = "Glossary"
WIDTH_SAMPLE = 500        # rows buffered to size the columns before streaming the rest
MAX_WIDTH = 60


def display_width(text):
    """Columns a string takes in a spreadsheet: wide (CJK) characters count double."""
    if not text:
        return 0
    longest = max(str(text).split("\n"), key=len)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest)


class XlsxFormat(Format):
    name = "xlsx"
    extensions = (".xlsx",)
    binary = True
    description = "Excel workbook, one row per concept (Trados, memoQ, Phrase map the columns by name)"

    def write(self, concepts, fileobj, options):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        header = table_columns(options)
        id_col, conf_col = header.index("ID"), header.index("Confidence")
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(SHEET_TITLE)
        ws.freeze_panes = "A2"

        def cells(concept):
            row = concept_row(concept, options)
            if _ILLEGAL.search("".join(row)):
                row = [xml_safe(v) for v in row]
            row = [(neutralise_formula(v) if v[0] in _RISKY else v) if v else None for v in row]
            if row[id_col] is not None:
                row[id_col] = int(row[id_col])
            if row[conf_col] is not None:
                row[conf_col] = float(row[conf_col])
            return row

        buffered, count = [], 0
        it = iter(concepts)
        for concept in it:
            buffered.append(cells(concept))
            if len(buffered) >= WIDTH_SAMPLE:
                break
        widths = [display_width(h) + 3 for h in header]     # room for the filter button
        for row in buffered:
            for i, v in enumerate(row):
                if isinstance(v, str):
                    widths[i] = max(widths[i], display_width(v) + 1)
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = min(w, MAX_WIDTH)
        bold = Font(bold=True)
        head_cells = []
        for h in header:
            c = WriteOnlyCell(ws, value=h)
            c.font = bold
            head_cells.append(c)
        ws.append(head_cells)
        for row in buffered:
            ws.append(row)
            count += 1
        for concept in it:
            ws.append(cells(concept))
            count += 1
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
        wb.save(fileobj)
        return count

    def read(self, path):
        from openpyxl import load_workbook
        try:
            wb = load_workbook(path, read_only=True, data_only=False)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as e:
            raise FormatError(f"is not an XLSX workbook ({type(e).__name__}: {e}); "
                              "save it from Excel as .xlsx, or export CSV", path=path) from None
        except Exception as e:  # openpyxl's InvalidFileException and friends
            raise FormatError(f"is not an XLSX workbook: {e}", path=path) from None
        try:
            if not wb.worksheets:
                raise FormatError("has no worksheet", path=path)
            ws = wb.worksheets[0]
            title = ws.title
            merged = _merged_cell(path, getattr(ws, "_worksheet_path", None))
            if merged:
                raise FormatError(f"has merged cells ({merged}); unmerge them so each row is one entry",
                                  path=path, where=f"sheet {title!r} cells {merged}")
            rows = ws.iter_rows()
            header_cells = next(rows, None)
            if not header_cells:
                raise FormatError("is empty: no header row", path=path, where=f"sheet {title!r} row 1")
            header = [_value(c, path, title) for c in header_cells]
            header = ["" if h is None else str(h).strip() for h in header]
            cols = map_header(header)
            if "en" not in cols and "zh" not in cols:
                raise FormatError("no English or Chinese column in the header (found: "
                                  + ", ".join(repr(h) for h in header if h)[:200]
                                  + "); name them 'en' and 'zh-CN' (or 'English' and 'Chinese')",
                                  path=path, where=f"sheet {title!r} row 1")
            langs = header_langs(header, cols)
            for r, row in enumerate(rows, 2):
                values = [_value(c, path, title) for c in row]
                if not any(v not in (None, "") for v in values):
                    continue
                values = [_text(v) for v in values]
                concept = row_concept(values, cols, path,
                                      lambda f, r=r: f"sheet {title!r} cell {_col(cols[f])}{r}", langs)
                if concept is not None:
                    yield concept
        finally:
            wb.close()


def _value(cell, path, title):
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f":
        coord = getattr(cell, "coordinate", "?")
        raise FormatError(f"cell holds a formula ({str(value)[:40]}); paste values only "
                          "(Paste Special → Values) and save again", path=path, where=f"sheet {title!r} cell {coord}")
    if isinstance(value, str):
        return restore_formula(value)
    return value


def _text(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _col(index):
    from openpyxl.utils import get_column_letter
    return get_column_letter(index + 1)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"')


def _merged_cell(path, sheet_path):
    """The first merged range of the sheet, read from the sheet XML (read-only mode hides them)."""
    if not sheet_path:
        return None
    try:
        with zipfile.ZipFile(path) as z, z.open(sheet_path) as f:
            tail = b""
            while True:
                chunk = f.read(1 << 20)
                if not chunk:
                    return None
                data = tail + chunk
                m = _MERGE.search(data)
                if m:
                    return m.group(1).decode("ascii", "replace")
                tail = data[-200:]
    except (KeyError, zipfile.BadZipFile):
        return None

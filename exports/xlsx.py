"""XLSX: one row per concept, the columns of ``table.table_columns``.

Language columns are named by code ("en", "zh-CN"), which Trados Glossary Converter, memoQ and
Phrase map to languages without manual work; "zh-CN pinyin", "Status", "Category", "Definition",
"Note", variants, "Context", "Source", "Provenance", "Confidence" and "ID" follow. The header row is
bold and frozen, with an autofilter; column widths fit the first rows (CJK counts double). Values
a spreadsheet would run as formulas (= + - @, tab, CR) get an apostrophe prefix, which the reader
strips back.

Writing streams SpreadsheetML straight into the zip (inline strings, one row at a time):
openpyxl's write-only mode spends ~12 µs per cell, 13 s for 100,000 concepts, against a 10 s
budget, and keeps every string in memory for its shared-string table. The workbook is the minimal
ECMA-376 package (content types, workbook, styles, one sheet, core properties); the tests read it
back with openpyxl (it has not been opened in Excel or LibreOffice on this machine: none is
installed). Reading uses openpyxl: it finds columns by header name
(case-insensitive; "English", "Chinese", "Term (en)"... accepted) and refuses formulas and merged
cells, naming the cell.
"""
import re
import unicodedata
import zipfile

from glossary.errors import FormatError

from .base import Format, neutralise_formula, restore_formula, xml_safe
from .table import concept_row, header_langs, map_header, row_concept, table_columns

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    '<sheetFormatPr defaultRowHeight="15"/>')


def _package(ncols, nrows):
    """The fixed parts of the workbook package (everything but the sheet data)."""
    last = _column_letter(ncols - 1)
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>"),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG_REL_NS}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>'
            "</Relationships>"),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            "<dc:title>Chinese-English glossary</dc:title><dc:creator>glossary</dc:creator>"
            "</cp:coreProperties>"),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets><sheet name="{SHEET_TITLE}" sheetId="1" r:id="rId1"/></sheets>'
            f'<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            f"'{SHEET_TITLE}'!$A$1:${last}${nrows}</definedName></definedNames>"
            "</workbook>"),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG_REL_NS}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/>'
            "</Relationships>"),
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<styleSheet xmlns="{_MAIN_NS}">'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"),
    }


def _column_letter(index):
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _esc(text):
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


_RISKY = frozenset("=+-@\t\r'")      # first characters that may need an apostrophe (base.neutralise_formula)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
SHEET_TITLE = "Glossary"
WIDTH_SAMPLE = 500        # rows buffered to size the columns before streaming the rest
MAX_WIDTH = 60
MAX_CELL = 32767


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
        header = table_columns(options)
        numeric = {header.index("ID"), header.index("Confidence")}
        letters = [_column_letter(i) for i in range(len(header))]

        def cells(concept):
            row = concept_row(concept, options)
            if _ILLEGAL.search("".join(row)):
                row = [xml_safe(v) for v in row]
            return [(neutralise_formula(v) if v[0] in _RISKY else v) if v else None for v in row]

        buffered, count = [], 0
        it = iter(concepts)
        for concept in it:
            buffered.append(cells(concept))
            if len(buffered) >= WIDTH_SAMPLE:
                break
        widths = [display_width(h) + 3 for h in header]     # room for the filter button
        for row in buffered:
            for i, v in enumerate(row):
                if v:
                    widths[i] = max(widths[i], display_width(v) + 1)

        with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=3) as z:
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                cols = "".join(f'<col min="{i}" max="{i}" width="{min(w, MAX_WIDTH):.1f}" customWidth="1"/>'
                               for i, w in enumerate(widths, 1))
                sheet.write((_SHEET_HEAD + f"<cols>{cols}</cols><sheetData>").encode("utf-8"))
                head = "".join(f'<c r="{letters[i]}1" s="1" t="inlineStr"><is><t>{_esc(h)}</t></is></c>'
                               for i, h in enumerate(header))
                out = [f'<row r="1">{head}</row>']
                r = 1

                def emit(row, r):
                    parts = [f'<row r="{r}">']
                    for i, v in enumerate(row):
                        if v is None:
                            continue
                        if i in numeric:
                            parts.append(f'<c r="{letters[i]}{r}"><v>{v}</v></c>')
                        else:
                            if len(v) > MAX_CELL:
                                v = v[:MAX_CELL]            # Excel's limit; longer cells make it "repair" the file
                            parts.append(f'<c r="{letters[i]}{r}" t="inlineStr"><is><t xml:space="preserve">'
                                         f'{_esc(v)}</t></is></c>')
                    parts.append("</row>")
                    out.append("".join(parts))

                for row in buffered:
                    r += 1
                    emit(row, r)
                for concept in it:
                    r += 1
                    emit(cells(concept), r)
                    if len(out) >= 2000:
                        sheet.write("".join(out).encode("utf-8"))
                        out.clear()
                count = r - 1
                out.append(f'</sheetData><autoFilter ref="A1:{letters[-1]}{r}"/>'
                           '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
                           "</worksheet>")
                sheet.write("".join(out).encode("utf-8"))
            for name, data in _package(len(header), count + 1).items():
                z.writestr(name, data)
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
    return _column_letter(index)


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

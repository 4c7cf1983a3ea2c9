"""XLSX, CSV and TSV specifics: column names CAT tools map, formula neutralising, encodings, and bad input
(each error names the file and the line or cell)."""
import csv
import io

import pytest

from exports import ExportOptions, read_file, write_file
from exports.base import neutralise_formula, restore_formula
from glossary.errors import FormatError, InputError
from glossary.model import Concept, Term

from exports_fixtures import sample_concepts

HEADER = ["en", "zh-CN", "zh-CN pinyin", "Status", "Category", "Definition", "Note", "en variants",
          "zh-CN variants", "Context", "Source", "Provenance", "Confidence", "ID"]


def load_rows(path):
    from openpyxl import load_workbook
    wb = load_workbook(path)
    return wb, wb.worksheets[0]


# ---------------------------------------------------------------- XLSX

def test_xlsx_layout(tmp_path):
    path = tmp_path / "g.xlsx"
    write_file(sample_concepts(), path)
    wb, ws = load_rows(path)
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:N{len(rows)}"
    assert ws["A1"].font.b
    first = dict(zip(HEADER, rows[1]))
    assert first["en"] == "Two Establishes" and first["zh-CN"] == "两个确立"
    assert first["zh-CN pinyin"] == "liǎng gè quèlì" and first["Status"] == "preferred"
    assert first["en variants"] == "two affirmations [deprecated]"
    assert first["Context"] == "坚决拥护“两个确立”。"
    assert first["ID"] == 1 and first["Provenance"] == "termbase"
    # Widths fit the content, CJK counting double.
    width = {c: ws.column_dimensions[c].width for c in "ABCDEFGHIJKLMN"}
    assert width["B"] >= 2 * len("全国人民代表大会")
    assert width["D"] < width["C"]


def test_xlsx_package_is_well_formed(tmp_path):
    """Every part parses; the sheet is streamed with inline strings; over-long cells are cut to Excel's limit."""
    import zipfile
    from lxml import etree
    path = tmp_path / "g.xlsx"
    long = Concept(note="x" * 40000, terms=[Term("long", "en")])
    write_file(sample_concepts() + [long], path)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml",
                "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} <= names
        for name in names:
            etree.fromstring(z.read(name))
    back = list(read_file(path))
    assert len(back[-1].note) == 32767


def test_xlsx_formulas_are_neutralised_and_restored(tmp_path):
    path = tmp_path / "g.xlsx"
    write_file(sample_concepts(), path)
    wb, ws = load_rows(path)
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(not v.startswith(("=", "+", "-", "@")) for v in values)
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert "'@home & abroad" in values and "'+ starts with plus; - and @ too" in values
    back = list(read_file(path))
    assert back[3].terms[0].text == "@home & abroad"
    assert back[3].note == "+ starts with plus; - and @ too"
    assert back[1].terms[1].text == "=SUM(A1:A9)"


def test_xlsx_traditional_column(tmp_path):
    path = tmp_path / "g.xlsx"
    write_file(sample_concepts(), path, options=ExportOptions(traditional="zh-TW"))
    wb, ws = load_rows(path)
    header = [c.value for c in ws[1]]
    assert header[:4] == ["en", "zh-CN", "zh-CN pinyin", "zh-TW"] and "zh-TW variants" in header
    assert ws["D4"].value == "長安街"
    back = list(read_file(path))
    assert [t.text for t in back[2].terms if t.lang == "zh-TW"] == ["長安街"]


def _workbook(path, rows, merge=None):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)


def test_xlsx_header_alternatives(tmp_path):
    path = tmp_path / "other.xlsx"
    _workbook(path, [["Term (EN)", "Chinese", "Pinyin", "Subject", "Comment"],
                     ["rule of law", "法治", "fǎzhì", "policy", "core"],
                     [None, None, None, None, None],
                     ["common prosperity", "共同富裕", None, None, None]])
    back = list(read_file(path))
    assert len(back) == 2
    assert [(t.lang, t.text) for t in back[0].terms] == [("en", "rule of law"), ("zh-CN", "法治")]
    assert back[0].terms[1].pinyin == "fǎzhì" and back[0].category == "policy" and back[0].note == "core"


def test_xlsx_with_formula_names_the_cell(tmp_path):
    path = tmp_path / "f.xlsx"
    _workbook(path, [["English", "Chinese"], ["a", "甲"], ["b", "=CONCAT(\"乙\",\"丙\")"]])
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert str(path) in str(e.value) and "cell B3" in e.value.where and "formula" in e.value.message


def test_xlsx_with_merged_cells_names_the_range(tmp_path):
    path = tmp_path / "m.xlsx"
    _workbook(path, [["English", "Chinese", "Note"], ["a", "甲", "x"], ["b", "乙", None]], merge="C2:C3")
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert "C2:C3" in str(e.value) and str(path) in str(e.value)


def test_xlsx_that_is_really_text(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("en,zh-CN\na,甲\n", encoding="utf-8")
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert "not an XLSX workbook" in str(e.value) and str(path) in str(e.value)


def test_xlsx_without_language_columns(tmp_path):
    path = tmp_path / "h.xlsx"
    _workbook(path, [["foo", "bar"], ["a", "b"]])
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert "row 1" in e.value.where and "'foo'" in e.value.message


def test_xlsx_bad_status_names_the_cell(tmp_path):
    path = tmp_path / "s.xlsx"
    _workbook(path, [["en", "zh-CN", "Status"], ["a", "甲", "approved-ish"]])
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert e.value.where == "sheet 'Sheet' cell C2"


# ---------------------------------------------------------------- CSV

def test_csv_has_bom_header_and_neutralised_formulas(tmp_path):
    path = tmp_path / "g.csv"
    write_file(sample_concepts(), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == HEADER
    assert all(not v.startswith(("=", "+", "-", "@")) for row in rows for v in row)
    assert rows[4][0] == "'@home & abroad"
    note = rows[1][HEADER.index("Note")]
    assert note == 'multi-line note\nwith a\ttab and "quotes" 😀'


def test_translate_toolkit_reads_our_csv(tmp_path):
    from translate.storage import csvl10n
    path = tmp_path / "g.csv"
    write_file(sample_concepts(), path)
    with open(path, "rb") as f:
        store = csvl10n.csvfile(f, fieldnames=["source", "target"])
    pairs = {(u.source, u.target) for u in store.units}
    assert ("Two Establishes", "两个确立") in pairs and ("Chang'an Avenue", "长安街") in pairs
    assert ("en", "zh-CN") in pairs        # the header row: en is the source column, zh-CN the target


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030"])
def test_csv_encodings(tmp_path, encoding):
    path = tmp_path / "enc.csv"
    path.write_bytes("English,Chinese,Note\r\nrule of law,法治,“核心”\r\n".encode(encoding))
    [c] = list(read_file(path))
    assert [t.text for t in c.terms] == ["rule of law", "法治"] and c.note == "“核心”"


def test_csv_binary_refused(tmp_path):
    path = tmp_path / "bin.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)) * 4)
    with pytest.raises(InputError) as e:
        list(read_file(path))
    assert "binary" in str(e.value) and str(path) in str(e.value)


def test_csv_undecodable_refused(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(b"en,zh-CN\n\x81\x30\xff\xfe\xfd,\x80\x80\n")
    with pytest.raises(InputError) as e:
        list(read_file(path))
    assert "UTF-8" in str(e.value)


def test_csv_ragged_row_names_the_line(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("en,zh-CN,Note\na,甲,x\nb,乙,y,extra\n", encoding="utf-8")
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert e.value.where == "line 3" and "4 fields" in e.value.message and str(path) in str(e.value)


@pytest.mark.parametrize("sep, label", [(";", "semicolon"), ("\t", "tab")])
def test_csv_wrong_delimiter(tmp_path, sep, label):
    path = tmp_path / "semi.csv"
    path.write_text(f"en{sep}zh-CN{sep}Note\na{sep}甲{sep}x\n", encoding="utf-8")
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert e.value.where == "line 1" and label in e.value.message


def test_csv_unterminated_quote(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('en,zh-CN\n"a,甲\n', encoding="utf-8")
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert e.value.where.startswith("line ")


# ---------------------------------------------------------------- TSV (OmegaT)

def test_tsv_layout(tmp_path):
    path = tmp_path / "g.txt"
    write_file(sample_concepts(), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["# Glossary in tab-separated format -*- coding: utf-8 -*-",
                         "# glossary-zh: source=zh-CN target=en"]         # OmegaT skips # lines
    lines = lines[2:]
    assert lines[0] == "两个确立\tTwo Establishes\tpinyin: liǎng gè quèlì; status: preferred; category: slogan; " \
                       "note: multi-line note with a tab and \"quotes\" 😀"
    assert all(line.count("\t") == 2 for line in lines)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_tsv_variant_rows_fold_back(tmp_path):
    """OmegaT matches every row's source, so Chinese variants get rows of their own."""
    path = tmp_path / "g.tsv"
    write_file(sample_concepts(), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "全国人大\tNational People's Congress\tpinyin: Quánguó Réndà; status: admitted; category: body; " \
           "variant of: 全国人民代表大会" in lines
    back = list(read_file(path))
    assert len(back) == 5
    assert [(t.text, t.status, t.pinyin) for t in back[4].terms if t.lang == "zh-CN"] == [
        ("全国人民代表大会", "preferred", "Quánguó Rénmín Dàibiǎo Dàhuì"), ("全国人大", "admitted", "Quánguó Réndà")]


def test_tsv_orphan_variant_row_keeps_its_marker(tmp_path):
    path = tmp_path / "o.tsv"
    path.write_text("全国人大\tNPC\tstatus: admitted; variant of: 全国人民代表大会\n", encoding="utf-8")
    [c] = list(read_file(path))
    assert c.note == "variant of: 全国人民代表大会" and len(c.terms) == 2


def test_tsv_english_source_and_reading_either_order(tmp_path):
    path = tmp_path / "g.tsv"
    write_file(sample_concepts(), path, options=ExportOptions(source_lang="en"))
    assert path.read_text(encoding="utf-8").splitlines()[2].startswith("Two Establishes\t两个确立\t")
    back = list(read_file(path))
    assert [(t.lang, t.text) for t in back[0].terms] == [("en", "Two Establishes"), ("zh-CN", "两个确立"),
                                                         ("en", "two affirmations")]
    assert back[0].terms[1].pinyin == "liǎng gè quèlì" and back[0].category == "slogan"
    # Without our header line (another tool's file), the Chinese column is found by its script.
    foreign = tmp_path / "foreign.tsv"
    foreign.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[2:]), encoding="utf-8")
    again = list(read_file(foreign))
    assert [(t.lang, t.text) for t in again[0].terms] == [(t.lang, t.text) for t in back[0].terms]


def test_tsv_foreign_comment_is_a_note(tmp_path):
    path = tmp_path / "omegat.utf8"
    path.write_text("# glossary\n法治\trule of law\tfrom the 2024 report\n共同富裕\tcommon prosperity\n",
                    encoding="utf-8")
    back = list(read_file(path))
    assert back[0].note == "from the 2024 report" and back[1].note is None
    assert back[1].terms[0].text == "common prosperity"


def test_tsv_errors_name_the_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("法治\trule of law\n共同富裕,common prosperity\n", encoding="utf-8")
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert e.value.where == "line 2" and "comma" in e.value.message
    path.write_text("法治\trule of law\tc\textra\n", encoding="utf-8")
    with pytest.raises(FormatError) as e:
        list(read_file(path))
    assert e.value.where == "line 1" and "4 tab-separated fields" in e.value.message


def test_tsv_declared_direction_beats_the_script(tmp_path):
    """Our header line says which column is which, so Latin "Chinese" terms (5G) are not misread."""
    path = tmp_path / "d.tsv"
    write_file([Concept(terms=[Term("5G", "zh-CN", status="preferred"), Term("5G", "en")]),
                Concept(terms=[Term("两个确立", "en"), Term("x", "zh-CN")])], path,
               options=ExportOptions(source_lang="en", en_lang="en-GB"))
    back = list(read_file(path))
    assert [[(t.lang, t.text) for t in c.terms] for c in back] == [
        [("en-GB", "5G"), ("zh-CN", "5G")], [("en-GB", "两个确立"), ("zh-CN", "x")]]


def test_tsv_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("法治\trule of law\tstatus: preferred\n".encode("utf-16"))
    [c] = list(read_file(path))
    assert [t.status for t in c.terms] == ["preferred", "preferred"]


# ---------------------------------------------------------------- formula helpers

@pytest.mark.parametrize("value", ["=1+1", "+86", "-x", "@a", "\tx", "\rx", "'=x", "''+y", "'", "''", "plain",
                                   "a=b", "'quoted'", "", "=", "'-"])
def test_formula_neutralising_is_invertible(value):
    out = neutralise_formula(value)
    assert restore_formula(out) == value
    assert not out.lstrip("'")[:1] or out[:1] not in "=+-@\t\r"


def test_concept_without_chinese_is_a_row_too(tmp_path):
    path = tmp_path / "en.csv"
    write_file([Concept(terms=[Term("open cluster", "en", status="preferred")])], path)
    [c] = list(read_file(path))
    assert [(t.text, t.status) for t in c.terms] == [("open cluster", "preferred")]


@pytest.mark.parametrize("header", ["English\tChinese\tComment", "zh-CN\ten", "source\ttarget"])
def test_tsv_header_row_of_other_tools_is_not_a_term(tmp_path, header):
    path = tmp_path / "other.tsv"
    path.write_text(f"{header}\n两个维护\tTwo Upholds\n", encoding="utf-8")
    [c] = list(read_file(path))
    assert sorted(t.text for t in c.terms) == ["Two Upholds", "两个维护"]

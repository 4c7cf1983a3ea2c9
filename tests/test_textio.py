"""Reading input text: encodings detected, binary and empty files refused with the file named."""
import pytest

from glossary.errors import InputError
from glossary.textio import decode, read_text

ZH = "中共北京市委书记蔡奇主持会议，强调“两个确立”。"
EN = "Cai Qi, Secretary of the CPC Beijing Municipal Committee, presided over the meeting."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_chinese_in_common_encodings(tmp_path, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes((ZH + "\n" + EN).encode(encoding))
    assert read_text(f) == ZH + "\n" + EN


def test_big5_traditional():
    text = "兩個確立，國際交往中心功能建設。"
    assert decode(text.encode("big5")) == text


def test_utf16_without_bom_english():
    assert decode(EN.encode("utf-16-le")) == EN


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"%PDF-1.7\n binary", "binary"),
    (b"PK\x03\x04" + bytes(range(256)), "binary"),
    (b"abc\x00\x01\x02" * 50, "binary"),
])
def test_refused_inputs_name_the_file(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(InputError, match=message) as e:
        read_text(f)
    assert str(e.value).startswith(str(f))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")


def test_forced_wrong_encoding_is_reported(tmp_path):
    f = tmp_path / "gb.txt"
    f.write_bytes(ZH.encode("gb18030"))
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        read_text(f, encoding="utf-8")

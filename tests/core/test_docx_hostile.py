"""Hostile Word files: each gets a clear message, in bounded time and memory, and no output file."""

from __future__ import annotations

import io
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from copdesk.core.safety import docx_guard
from copdesk.core.imports.word import import_docx, read_docx
from copdesk.core.errors import InputError
from tests.core.docx_fixtures import Doc

MB = 1024 * 1024
CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
DOC_OPEN = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
DOC_CLOSE = "</w:body></w:document>"


def _zip(path: Path, parts: dict[str, bytes | str], compress=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compress) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _refused(tmp_path: Path, src: Path, message: str, seconds: float = 5.0) -> InputError:
    """Import must fail with `message`, quickly, leaving no output file and no temporary file."""
    out = tmp_path / "out" / "x.copdesk"
    out.parent.mkdir(exist_ok=True)
    started = time.perf_counter()
    with pytest.raises(InputError) as err:
        import_docx(src, out)
    assert time.perf_counter() - started < seconds
    assert message in err.value.message, err.value.message
    assert list(out.parent.iterdir()) == []
    return err.value


def test_not_a_docx(tmp_path):
    src = tmp_path / "notes.docx"
    src.write_text("Just some notes, not a Word file.", encoding="utf-8")
    _refused(tmp_path, src, "notes.docx is not a Word document (.docx)")


def test_password_protected_docx_is_an_ole_file(tmp_path):
    src = tmp_path / "locked.docx"
    src.write_bytes(docx_guard.OLE_MAGIC + os.urandom(4096))
    err = _refused(tmp_path, src, "locked.docx is password-protected (encrypted) or an old Word 97-2003 .doc file")
    assert "remove the password" in err.hint


def test_encrypted_zip_entries(tmp_path):
    src = tmp_path / "zipcrypto.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        info = zipfile.ZipInfo("word/document.xml")
        z.writestr(info, DOC_OPEN + DOC_CLOSE)
    data = bytearray(buf.getvalue())
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):  # set the "encrypted" flag in both headers
        at = data.find(sig)
        flag_at = at + (6 if sig == b"PK\x03\x04" else 8)
        data[flag_at] |= 1
    src.write_bytes(bytes(data))
    _refused(tmp_path, src, "zipcrypto.docx is password-protected (its parts are encrypted)")


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    src = tmp_path / "bomb.docx"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(DOC_OPEN.encode())
            chunk = b"<w:p/>" * (MB // 6)
            for _ in range(200):
                fh.write(chunk)
            fh.write(DOC_CLOSE.encode())
    assert src.stat().st_size < 2 * MB
    tracemalloc.start()
    _refused(tmp_path, src, "bomb.docx looks like a ZIP bomb: word/document.xml would expand")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20 * MB


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
    '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
], ids=["entity-expansion", "external-entity"])
def test_xml_with_entities_is_refused(tmp_path, doctype):
    body = f'<?xml version="1.0"?>{doctype}{DOC_OPEN}<w:p><w:r><w:t>&lol3;&xxe;</w:t></w:r></w:p>{DOC_CLOSE}'
    src = _zip(tmp_path / "entities.docx", {"word/document.xml": body})
    _refused(tmp_path, src, "entities.docx: word/document.xml declares a DOCTYPE or entities")


def test_entities_are_never_resolved_even_past_the_check():
    with pytest.raises(InputError, match="DOCTYPE"):
        docx_guard.parse_xml(b"<?xml version='1.0'?>" + b" " * 70000 +
                             b"<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><d>&x;</d>", "late.xml")


def test_fifty_megabytes_of_junk(tmp_path):
    src = tmp_path / "big.docx"
    with src.open("wb") as fh:
        for _ in range(50):
            fh.write(os.urandom(MB))
    _refused(tmp_path, src, "big.docx is not a Word document (.docx)", seconds=2)


def test_a_part_too_large_to_read(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_guard, "MAX_PART", MB)
    text = os.urandom(MB).hex()  # 2 MB of text that does not compress much: no bomb, just big
    src = _zip(tmp_path / "huge.docx", {"word/document.xml": f"{DOC_OPEN}<w:p><w:r><w:t>{text}</w:t></w:r></w:p>{DOC_CLOSE}"})
    _refused(tmp_path, src, "huge.docx is too large to import: word/document.xml holds 2 MB of text")


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_guard, "MAX_FILE", MB)
    src = tmp_path / "large.docx"
    d = Doc()
    d.para("Commitment 12")
    d.save(src)
    with zipfile.ZipFile(src, "a", zipfile.ZIP_STORED) as z:
        z.writestr("word/media/padding.bin", os.urandom(2 * MB))
    _refused(tmp_path, src, "large.docx is 2 MB; copdesk imports Word reports up to 1 MB")


def test_zip_that_is_not_a_word_document(tmp_path):
    src = _zip(tmp_path / "sheet.docx", {"content.xml": "<office/>"})
    _refused(tmp_path, src, "sheet.docx is a ZIP file but not a Word document (it has no word/document.xml)")


def test_strict_open_xml_is_named(tmp_path):
    strict = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'
    src = _zip(tmp_path / "strict.docx", {"word/document.xml": strict})
    _refused(tmp_path, src, "strict.docx is saved as Strict Open XML")


def test_damaged_xml(tmp_path):
    src = _zip(tmp_path / "broken.docx", {"word/document.xml": DOC_OPEN + "<w:p><w:r>"})
    _refused(tmp_path, src, "broken.docx: word/document.xml is not valid XML")


def test_truncated_zip(tmp_path):
    good = tmp_path / "good.docx"
    Doc().save(good)
    src = tmp_path / "cut.docx"
    src.write_bytes(good.read_bytes()[:3000])
    _refused(tmp_path, src, "cut.docx is damaged")


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def test_images_and_embedded_objects_are_named_not_read(tmp_path):
    from docx.oxml import parse_xml
    d = Doc(styled=False)
    d.para("Commitment 12")
    d.para("Measure 12.1")
    d.para("Our chart:")
    d.d.add_picture(io.BytesIO(_png()))
    p = d.para("An embedded spreadsheet:")
    p._p.append(parse_xml('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                          '<w:object/></w:r>'))
    p._p.append(parse_xml('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                          '<w:footnoteReference w:id="1"/></w:r>'))
    src = d.save(tmp_path / "media.docx")
    with zipfile.ZipFile(src, "a", zipfile.ZIP_STORED) as z:  # a 50 MB picture is never decompressed
        z.writestr("word/media/photo.bin", os.urandom(50 * MB))
    tracemalloc.start()
    started = time.perf_counter()
    result = read_docx(src)
    elapsed, peak = time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 5 and peak < 20 * MB
    assert result.data.answers["Measure 12.1"].text == "Our chart:\n\nAn embedded spreadsheet:"
    assert "1 image not imported (at paragraph 4): copdesk answers hold text and tables only" in result.notes
    assert "1 embedded object not imported (at paragraph 5): copdesk answers hold text and tables only" in result.notes
    assert "1 footnote not imported (at paragraph 5): copdesk answers hold text and tables only" in result.notes

"""Open a .docx someone sent us without trusting it: the parts we read, checked before they are read.

A Word file is a ZIP of XML parts. An import must fail with a clear message, in bounded time and memory,
on anything else: an old or password-protected Word file (an OLE compound file, not a ZIP), a ZIP bomb
(declared sizes and compression ratios are checked before a byte is inflated, and every read is capped),
XML with a DOCTYPE (entity expansion, external entities: Word never writes one, so it is refused), or a
file too large to be a report. Only the parts the importer needs are ever decompressed; images and
embedded objects stay in the ZIP.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib  # a corrupted deflate stream raises zlib.error (found by tests/core/test_fuzz_importers.py)
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from copdesk.core.errors import InputError
from copdesk.core.safety.inputs import is_regular, read_bytes

MB = 1024 * 1024
MAX_FILE = 100 * MB  # the .docx itself (images included)
MAX_PART = 32 * MB  # one XML part, uncompressed (7x a platform-size report; about 400 MB to parse)
MAX_TOTAL = 48 * MB  # all parts we read, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB (Word XML compresses 5-30x)
MAX_ENTRIES = 20000
MAX_DIRECTORY = 16 * MB  # the central directory zipfile reads in whole before any part
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFFICE_DOC = "/officeDocument"
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def _parser() -> etree.XMLParser:
    """An XML parser that never expands entities, never loads a DTD and never touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


@dataclass
class Package:
    """The parts of a Word document the importer reads, as parsed, safe XML trees."""

    path: Path
    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    links: dict[str, str] = field(default_factory=dict)  # relationship id -> external URL
    properties: dict[str, str] = field(default_factory=dict)  # core properties: title, subject, creator, ...
    # Read only for review-import (open_docx(review=True)): comments, their replies and states, custom XML.
    comments: etree._Element | None = None
    comments_extended: etree._Element | None = None
    custom_xml: list[etree._Element] = field(default_factory=list)


def open_docx(path: Path, review: bool = False) -> Package:
    """Check and open `path`; raise InputError with a message a person can act on. `review` also reads the
    comments and the custom XML parts (what a reviewed copdesk export brings back)."""
    path = Path(path)
    source: Path | io.BytesIO = path
    if not is_regular(path) and path.exists() and not path.is_dir():
        source = io.BytesIO(read_bytes(path, MAX_FILE, "Word document"))  # a pipe or device: read with a cap
        _check_head(path, source.getvalue()[:8])
    else:
        _check_file(path)
    _check_entry_count(path, source)
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:  # "zip file version
        # 7.9" from a made-up header: found by benchmarks/fuzz_atheris.py
        raise InputError(f"{path.name} is damaged: it cannot be read as a Word document ({exc}).",
                         "Open it in Word and save it again as .docx, then import that copy.") from None
    with zf:
        return _read_package(path, zf, review)


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise InputError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a Word document.") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror}.") from None
    _check_head(path, head)
    if size > MAX_FILE:
        raise InputError(f"{path.name} is {size / MB:.0f} MB; copdesk imports Word reports up to "
                         f"{MAX_FILE // MB} MB.", "Save a copy without images (File > Compress Pictures, or "
                         "delete them) and import that copy.")


def _check_head(path: Path, head: bytes) -> None:
    if head == OLE_MAGIC:
        raise InputError(f"{path.name} is password-protected (encrypted) or an old Word 97-2003 .doc file; "
                         "copdesk reads only unprotected .docx files.",
                         "In Word: File > Info > Protect Document, remove the password, then File > Save As "
                         "> Word Document (.docx), and import that copy.")
    if not head.startswith(ZIP_MAGIC):
        raise InputError(f"{path.name} is not a Word document (.docx).",
                         "Import a .docx saved by Word or LibreOffice, or a .json report.")


def _check_entry_count(path: Path, source) -> None:
    """Read the entry count from the ZIP's end record before zipfile reads its directory: a crafted ZIP
    with a million entries would cost zipfile seconds and hundreds of MB before any other check."""
    entries, directory = zip_directory(source)
    if entries > MAX_ENTRIES or directory > MAX_DIRECTORY:
        raise InputError(f"{path.name} holds {entries:,} files inside; a Word document has far fewer.",
                         "It is not a Word report; copdesk did not read it.")


def zip_directory(source) -> tuple[int, int]:
    """(entries, bytes of the central directory) as the ZIP's end record declares them (ZIP64 included);
    (0, 0) when there is no end record (zipfile then says the file is damaged)."""
    opened = not hasattr(source, "read")
    fh = open(source, "rb") if opened else source
    try:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 65557))
        tail = fh.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            return 0, 0
        entries = max(int.from_bytes(tail[at + 8:at + 10], "little"), int.from_bytes(tail[at + 10:at + 12], "little"))
        directory = int.from_bytes(tail[at + 12:at + 16], "little")
        locator = tail.rfind(b"PK\x06\x07", 0, at)
        if locator >= 0 and len(tail) - locator >= 20:
            fh.seek(int.from_bytes(tail[locator + 8:locator + 16], "little"))
            record = fh.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                entries = max(entries, int.from_bytes(record[32:40], "little"))
                directory = max(directory, int.from_bytes(record[40:48], "little"))
        return entries, directory
    except (OSError, ValueError):
        return 0, 0
    finally:
        if opened:
            fh.close()
        else:
            fh.seek(0)


def _read_package(path: Path, zf: zipfile.ZipFile, review: bool = False) -> Package:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"{path.name} holds {len(infos)} files inside; a Word document has far fewer.",
                         "It is not a Word report; copdesk did not read it.")
    budget = _Budget(path.name)
    rels = _xml(zf, "_rels/.rels", budget, required=False)
    main = _main_part(rels)
    if main not in zf.NameToInfo:
        raise InputError(f"{path.name} is a ZIP file but not a Word document (it has no {main}).",
                         "Import a .docx saved by Word or LibreOffice, or a .json report.")
    base = posixpath.dirname(main)
    part_rels = _xml(zf, posixpath.join(base, "_rels", posixpath.basename(main) + ".rels"), budget, required=False)
    targets = _targets(part_rels)
    pkg = Package(path, _xml(zf, main, budget))
    if etree.QName(pkg.document).namespace != W_NS:
        raise InputError(f"{path.name} is saved as Strict Open XML (or is not a Word document body), which copdesk "
                         "does not read.", "In Word: File > Save As > Word Document (*.docx), and import that copy.")
    pkg.links = targets["external"]
    pkg.styles = _xml(zf, _join(base, targets["styles"], "styles.xml"), budget, required=False)
    pkg.numbering = _xml(zf, _join(base, targets["numbering"], "numbering.xml"), budget, required=False)
    core = _xml(zf, "docProps/core.xml", budget, required=False)
    if core is not None:
        pkg.properties = {etree.QName(el).localname: (el.text or "") for el in core if isinstance(el.tag, str)}
    if review:
        if targets["comments"]:
            pkg.comments = _xml(zf, _join(base, targets["comments"], ""), budget, required=False)
        if targets["commentsExtended"]:
            pkg.comments_extended = _xml(zf, _join(base, targets["commentsExtended"], ""), budget, required=False)
        names = [_join(base, t, "") for t in targets["customXml"]] or sorted(
            n for n in zf.NameToInfo if n.startswith("customXml/item") and "Props" not in n and n.endswith(".xml"))
        pkg.custom_xml = [el for el in (_xml(zf, n, budget, required=False) for n in names[:50]) if el is not None]
    return pkg


def _main_part(rels: etree._Element | None) -> str:
    if rels is not None:
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type", "").endswith(OFFICE_DOC) and rel.get("TargetMode") != "External":
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _targets(rels: etree._Element | None) -> dict:
    out: dict = {"external": {}, "styles": "", "numbering": "", "comments": "", "commentsExtended": "",
                 "customXml": []}
    for rel in (rels.iter(f"{{{REL_NS}}}Relationship") if rels is not None else ()):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            out["external"][rel.get("Id", "")] = target
        elif kind.endswith("/styles"):
            out["styles"] = target
        elif kind.endswith("/numbering"):
            out["numbering"] = target
        elif kind.endswith("/comments"):
            out["comments"] = target
        elif kind.endswith("/commentsExtended"):
            out["commentsExtended"] = target
        elif kind.endswith("/customXml"):
            out["customXml"].append(target)
    return out


def _join(base: str, target: str, default: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target or default))


class _Budget:
    """The uncompressed bytes an import may read in total, spent part by part."""

    def __init__(self, name: str):
        self.name, self.left = name, MAX_TOTAL

    def check(self, info: zipfile.ZipInfo) -> None:
        if info.flag_bits & 0x1:
            raise InputError(f"{self.name} is password-protected (its parts are encrypted).",
                             "Remove the password in Word (File > Info > Protect Document) and save again.")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MB and ratio > MAX_RATIO:
            raise InputError(f"{self.name} looks like a ZIP bomb: {info.filename} would expand "
                             f"{ratio:.0f} times to {info.file_size / MB:.0f} MB.", "copdesk did not read it.")
        if info.file_size > MAX_PART or info.file_size > self.left:
            raise InputError(f"{self.name} is too large to import: {info.filename} holds "
                             f"{info.file_size / MB:.0f} MB of text (copdesk reads up to {MAX_PART // MB} MB).",
                             "Split the report into smaller documents and import the part you need.")
        self.left -= info.file_size


def _xml(zf: zipfile.ZipFile, name: str, budget: _Budget, required: bool = True) -> etree._Element | None:
    info = zf.NameToInfo.get(name)
    if info is None:
        if required:
            raise InputError(f"{budget.name} is not a complete Word document ({name} is missing).")
        return None
    budget.check(info)
    try:
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
        raise InputError(f"{budget.name} is damaged: {name} cannot be read ({exc}).",
                         "Open it in Word and save it again, then import that copy.") from None
    if len(data) > info.file_size:
        raise InputError(f"{budget.name} is damaged: {name} is larger than its ZIP entry says.",
                         "copdesk did not read it.")
    return parse_xml(data, f"{budget.name}: {name}")


def parse_xml(data: bytes, where: str) -> etree._Element:
    """Parse one XML part; refuse a DOCTYPE (no Word part has one) and anything that is not XML."""
    if _DOCTYPE.search(data[:65536]):
        raise InputError(f"{where} declares a DOCTYPE or entities, which Word never writes; copdesk does not read "
                         "such XML (entity expansion and external entities are unsafe).",
                         "Open the document in Word, save it again as .docx and import that copy.")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where} is not valid XML ({exc.msg}).",
                         "Open the document in Word, save it again as .docx and import that copy.") from None
    if root.getroottree().docinfo.doctype:
        raise InputError(f"{where} declares a DOCTYPE, which Word never writes; copdesk does not read it.")
    return root

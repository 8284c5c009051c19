"""The .docx package around the body: base parts, hyperlink relationships, list numbering, properties.

The exporter reads resources/base.docx (built by resources/make_base_docx.py) as a zip of parts and
writes a new zip with the body, the relationships and numbering it needs, the page-header text and the
document properties. python-docx is not imported here: the exporter needs none of its API, and its
import alone (about 0.05 s) is a quarter of a platform report's export.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from lxml import etree

from copdesk import paths
from copdesk.core.exports.docx_xml import escape
from copdesk.core.errors import CopdeskError

DOCUMENT, RELS, NUMBERING = "word/document.xml", "word/_rels/document.xml.rels", "word/numbering.xml"
HEADER, CORE = "word/header1.xml", "docProps/core.xml"
HEADER_PLACEHOLDER = b"COPDESK-HEADER-TEXT"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def base_path() -> Path:
    return paths.resources_dir() / "base.docx"


@lru_cache(maxsize=2)
def read_base(path: Path | None = None) -> tuple[tuple[str, bytes], ...]:
    """The parts of the base document, in zip order."""
    path = path or base_path()
    try:
        with zipfile.ZipFile(path) as z:
            return tuple((name, z.read(name)) for name in z.namelist())
    except (OSError, zipfile.BadZipFile) as exc:
        raise CopdeskError(f"copdesk cannot read its Word base document {path} ({exc}).",
                           "Reinstall copdesk.") from None


def parse_document(parts) -> etree._Element:
    return etree.fromstring(dict(parts)[DOCUMENT])


def serialise(el: etree._Element) -> bytes:
    return etree.tostring(el, xml_declaration=True, encoding="UTF-8", standalone=True)


def with_links(rels_xml: bytes, links: dict[str, str]) -> bytes:
    root = etree.fromstring(rels_xml)
    for url, rid in links.items():
        etree.SubElement(root, f"{{{PKG_RELS}}}Relationship",
                         {"Id": rid, "Type": HYPERLINK_TYPE, "Target": url, "TargetMode": "External"})
    return serialise(root)


def with_numbering(numbering_xml: bytes, nums: list[etree._Element]) -> bytes:
    if not nums:
        return numbering_xml
    root = etree.fromstring(numbering_xml)
    root.extend(nums)
    return serialise(root)


def header_xml(base_header: bytes, text: str) -> bytes:
    """The page header with the signatory, report title and status (the fields in it stay untouched)."""
    return base_header.replace(HEADER_PLACEHOLDER, escape(text).encode("utf-8"))


def w3cdtf(value: str | datetime | None) -> str:
    """A timestamp as Word stores it (UTC, seconds); now when the value is missing or unreadable."""
    when = value
    if isinstance(value, str):
        try:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            when = None
    if not isinstance(when, datetime):
        when = datetime.now(timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def core_xml(props: dict[str, str]) -> bytes:
    """docProps/core.xml: title, subject, creator, keywords, status, created and modified."""
    ns = CORE_NS
    root = etree.Element(f"{{{ns['cp']}}}coreProperties", nsmap=ns)
    order = [("dc", "title"), ("dc", "subject"), ("dc", "creator"), ("cp", "keywords"),
             ("dc", "description"), ("cp", "lastModifiedBy"), ("cp", "revision"), ("cp", "contentStatus"),
             ("cp", "category")]
    for prefix, key in order:
        if props.get(key):
            etree.SubElement(root, f"{{{ns[prefix]}}}{key}").text = props[key]
    for key in ("created", "modified"):
        el = etree.SubElement(root, f"{{{ns['dcterms']}}}{key}", {f"{{{ns['xsi']}}}type": "dcterms:W3CDTF"})
        el.text = w3cdtf(props.get(key))
    return serialise(root)


def build_zip(parts, replaced: dict[str, bytes]) -> bytes:
    """The package: every base part in order, with `replaced` ones swapped in.

    Level-1 deflate: a platform report's 5 MB of XML compresses in a few hundredths of a second, and
    the file is barely larger than at the default level.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, blob in parts:
            z.writestr(name, replaced.get(name, blob))
    return buffer.getvalue()


# -- parts the base document does not have (comments, copdesk's review map) -------------------------------

CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@dataclass(frozen=True)
class NewPart:
    """A part to add: its name in the package, its content type (None: the package's default for .xml), the
    relationship type that links it from the document part ("" when nothing links it from there), its bytes."""

    name: str
    content_type: str | None
    rel_type: str
    data: bytes


def add_parts(parts, replaced: dict[str, bytes], new: list[NewPart]) -> list[tuple[str, bytes]]:
    """The base parts (with `replaced` swapped in) followed by `new`, with their content types and their
    relationships from word/document.xml added."""
    if not new:
        return [(name, replaced.get(name, blob)) for name, blob in parts]
    current = dict(parts)
    types = etree.fromstring(replaced.get(CONTENT_TYPES, current[CONTENT_TYPES]))
    rels = etree.fromstring(replaced.get(RELS, current[RELS]))
    for i, part in enumerate(new, 1):
        if part.content_type:
            etree.SubElement(types, f"{{{CT_NS}}}Override",
                             {"PartName": "/" + part.name, "ContentType": part.content_type})
        if part.rel_type:
            target = posixpath.relpath(part.name, posixpath.dirname(DOCUMENT))
            etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship",
                             {"Id": f"rIdCopdesk{i}", "Type": REL_TYPES + part.rel_type, "Target": target})
    replaced = {**replaced, CONTENT_TYPES: serialise(types), RELS: serialise(rels)}
    return [(name, replaced.get(name, blob)) for name, blob in parts] + [(p.name, p.data) for p in new]

"""A reviewer in Word, written as Word writes it: tracked insertions and deletions (w:ins / w:del with author
and date), comments with ranges over one or several paragraphs or a table cell, replies and resolved state
in commentsExtended (w15:paraIdParent, w15:done), and untracked edits. Used on real copdesk exports.

    with WordReview(export_path) as doc:
        p = doc.paragraph("We monitored ads")
        doc.replace(p, "ads", "political ads", author="Lena Legal")
        top = doc.comment(p, p, "Which ads?", "Lena Legal", "LL")
        doc.comment(p, p, "All of them.", "Ada Officer", "AO", parent=top)
        doc.save(out_path)
"""

from __future__ import annotations

import copy
import re
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DATE = "2026-03-02T10:15:00Z"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


class WordReview:
    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}
        self.doc = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.doc.find(w("body"))
        existing = self.parts.get("word/comments.xml")
        self.comments: list[etree._Element] = list(etree.fromstring(existing)) if existing else []  # copdesk's own
        self.extended: list[dict] = []
        self.change_id = 9000

    def __enter__(self) -> "WordReview":
        return self

    def __exit__(self, *exc) -> None:
        pass

    # -- finding --------------------------------------------------------------------------------------
    def paragraph(self, starts: str, nth: int = 1):
        seen = 0
        for p in self.body.iter(w("p")):
            if text_of(p).startswith(starts):
                seen += 1
                if seen == nth:
                    return p
        raise LookupError(f"no paragraph starts with {starts!r}")

    def cell(self, table: int, row: int, col: int):
        tbl = list(self.body.iter(w("tbl")))[table]
        return tbl.findall(w("tr"))[row].findall(w("tc"))[col].find(w("p"))

    # -- tracked changes ------------------------------------------------------------------------------
    def _mark(self, kind: str, author: str, date: str):
        self.change_id += 1
        return etree.Element(w(kind), {w("id"): str(self.change_id), w("author"): author, w("date"): date})

    def replace(self, p, old: str, new: str, author: str = "Lena Legal", date: str = DATE, tracked: bool = True):
        """Replace `old` (inside one run) by `new`: a w:del and a w:ins, or plain text when not tracked."""
        for r in p.iter(w("r")):
            t = r.find(w("t"))
            if t is None or old not in (t.text or ""):
                continue
            before, _, after = t.text.partition(old)
            if not tracked:
                t.text = before + new + after
                return
            t.text = before
            parent, at = r.getparent(), r.getparent().index(r)
            deleted = self._mark("del", author, date)
            deleted.append(_run(r, old, deleted=True))
            inserted = self._mark("ins", author, date)
            inserted.append(_run(r, new))
            tail = _run(r, after)
            for k, el in enumerate((deleted, inserted, tail), 1):
                parent.insert(at + k, el)
            return
        raise LookupError(f"{old!r} is not inside one run of {text_of(p)!r}")

    def insert_paragraph_after(self, p, text: str, author: str = "Lena Legal", date: str = DATE):
        """A new paragraph after `p`, tracked: its mark and its text are insertions."""
        new = etree.Element(w("p"))
        props = etree.SubElement(new, w("pPr"))
        etree.SubElement(etree.SubElement(props, w("rPr")), w("ins"),
                         {w("id"): str(self.change_id + 1), w("author"): author, w("date"): date})
        self.change_id += 1
        ins = self._mark("ins", author, date)
        ins.append(_run(None, text))
        new.append(ins)
        p.addnext(new)
        return new

    def delete_paragraph(self, p, author: str = "Lena Legal", date: str = DATE):
        """Delete a whole paragraph, tracked: its runs and its mark."""
        props = p.find(w("pPr"))
        if props is None:
            props = etree.Element(w("pPr"))
            p.insert(0, props)
        rpr = props.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(props, w("rPr"))
        rpr.append(self._mark("del", author, date))
        for r in list(p.findall(w("r"))):
            for t in r.findall(w("t")):
                t.tag = w("delText")
            wrapper = self._mark("del", author, date)
            r.addprevious(wrapper)
            wrapper.append(r)

    # -- comments -------------------------------------------------------------------------------------
    def comment(self, first, last, text: str, author: str, initials: str = "", parent: int | None = None,
                done: bool = False, date: str = DATE) -> int:
        """A comment over `first` .. `last` (paragraphs; the same one for one paragraph or a cell); a reply
        (`parent`: the id returned for the comment it answers) gets its own range, as Word writes it."""
        cid = len(self.comments)
        first.insert(1 if len(first) and first[0].tag == w("pPr") else 0,
                     etree.Element(w("commentRangeStart"), {w("id"): str(cid)}))
        etree.SubElement(last, w("commentRangeEnd"), {w("id"): str(cid)})
        ref = etree.SubElement(last, w("r"))
        etree.SubElement(ref, w("commentReference"), {w("id"): str(cid)})
        para_id = f"{0x10000000 + cid:08X}"
        c = etree.Element(w("comment"), {w("id"): str(cid), w("author"): author, w("initials"): initials,
                                         w("date"): date}, nsmap={"w": W, "w14": W14})
        for k, line in enumerate(text.split("\n")):
            p = etree.SubElement(c, w("p"))
            if k == len(text.split("\n")) - 1:
                p.set(f"{{{W14}}}paraId", para_id)
            etree.SubElement(etree.SubElement(p, w("r")), w("t"), {XML_SPACE: "preserve"}).text = line
        self.comments.append(c)
        self.extended.append({"para": para_id, "parent": self._para_id(parent) if parent is not None else "",
                              "done": done})
        return cid

    def _para_id(self, cid: int) -> str:
        """The paraId of a comment's last paragraph (Word gives one to every paragraph it saves)."""
        last = self.comments[cid].findall(w("p"))[-1]
        if last.get(f"{{{W14}}}paraId") is None:
            last.set(f"{{{W14}}}paraId", f"{0x20000000 + cid:08X}")
        return last.get(f"{{{W14}}}paraId")

    # -- saving ---------------------------------------------------------------------------------------
    def save(self, out: Path, last_modified_by: str = "") -> Path:
        parts = dict(self.parts)
        parts["word/document.xml"] = etree.tostring(self.doc, xml_declaration=True, encoding="UTF-8", standalone=True)
        if self.comments:
            root = etree.Element(w("comments"), nsmap={"w": W, "w14": W14})
            root.extend(self.comments)
            parts["word/comments.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            ext = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
            for e in self.extended:
                attrs = {f"{{{W15}}}paraId": e["para"], f"{{{W15}}}done": "1" if e["done"] else "0"}
                if e["parent"]:
                    attrs[f"{{{W15}}}paraIdParent"] = e["parent"]
                etree.SubElement(ext, f"{{{W15}}}commentEx", attrs)
            parts["word/commentsExtended.xml"] = etree.tostring(ext, xml_declaration=True, encoding="UTF-8")
            _link(parts, "comments.xml", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml")
            _link(parts, "commentsExtended.xml", "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml")
        if last_modified_by:
            core = parts["docProps/core.xml"].decode("utf-8")
            core = re.sub(r"<cp:lastModifiedBy>[^<]*</cp:lastModifiedBy>",
                          f"<cp:lastModifiedBy>{last_modified_by}</cp:lastModifiedBy>", core)
            parts["docProps/core.xml"] = core.encode("utf-8")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        return out


def _run(like, text: str, deleted: bool = False):
    r = etree.Element(w("r"))
    if like is not None and like.find(w("rPr")) is not None:
        r.append(copy.deepcopy(like.find(w("rPr"))))
    etree.SubElement(r, w("delText" if deleted else "t"), {XML_SPACE: "preserve"}).text = text
    return r


def _link(parts: dict, target: str, rel_type: str, content_type: str) -> None:
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    if not any(r.get("Target") == target for r in rels):
        etree.SubElement(rels, f"{{{RELS}}}Relationship", {"Id": f"rIdTest{len(rels)}", "Type": rel_type,
                                                           "Target": target})
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
    types = etree.fromstring(parts["[Content_Types].xml"])
    if not any(t.get("PartName") == f"/word/{target}" for t in types):
        etree.SubElement(types, f"{{{CT}}}Override", {"PartName": f"/word/{target}", "ContentType": content_type})
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8")

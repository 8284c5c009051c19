"""A reviewer in LibreOffice, driven through its UNO API: open a .docx, edit it, save it as .docx.

Run by the system Python (Debian's python3-uno belongs to /usr/bin/python3, not to copdesk's virtualenv):

    /usr/bin/python3 tests/libreoffice_reviewer.py OPS.json IN.docx OUT.docx PROFILE_DIR

OPS.json is a list of steps, done in order:
    {"op": "author", "name": "Lena Legal", "initials": "LL"}     who LibreOffice records as the author
    {"op": "track", "on": true}                                  Edit › Track Changes › Record
    {"op": "replace", "find": "all", "with": "most"}             in the first paragraph holding "find"
    {"op": "append", "find": "We are", "text": "More."}          a new paragraph after that paragraph
    {"op": "cell", "table": 0, "name": "B3", "text": "9"}         a table cell's whole text
    {"op": "comment", "find": "...", "text": "...", "author": "...", "initials": "...",
     "date": "2026-03-02T10:05", "resolved": false}               on that text (or "table"/"name": a cell)
Paragraphs are searched in the body, then in table cells; "nth" (1-based) picks a later one.
The document is loaded as a model without a view: libreoffice-writer-nogui has no UI files, and a view
crashes when a comment is added.
"""

import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK
from com.sun.star.util import DateTime


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(profile):
    pipe = f"copdesk_review_{os.getpid()}"
    proc = subprocess.Popen([os.environ.get("SOFFICE", "soffice"),
                             f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", "--headless",
                             "--invisible", "--nologo", "--norestore", "--nodefault",
                             f"--accept=pipe,name={pipe};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            return proc, resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - not listening yet
            if proc.poll() is not None:
                raise RuntimeError(f"soffice exited with {proc.returncode}")
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("soffice did not start")


def paragraphs(doc):
    """Every paragraph: the body's, then each table cell's."""
    found, tables = [], []
    e = doc.Text.createEnumeration()
    while e.hasMoreElements():
        el = e.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            found.append(el)
        elif el.supportsService("com.sun.star.text.TextTable"):
            tables.append(el)
    for table in tables:
        for name in table.CellNames:
            cells = table.getCellByName(name).createEnumeration()
            while cells.hasMoreElements():
                found.append(cells.nextElement())
    return found


def find(doc, text, nth=1):
    """A cursor over the nth occurrence of `text` (within one paragraph)."""
    seen = 0
    for p in paragraphs(doc):
        i = p.getString().find(text)
        if i < 0:
            continue
        seen += 1
        if seen < nth:
            continue
        c = p.getText().createTextCursorByRange(p.getStart())
        c.goRight(i, False)
        c.goRight(len(text), True)
        return p, c
    raise LookupError(f"no paragraph holds {text!r}")


def stamp(value):
    d = DateTime()
    date, _, clock = value.partition("T")
    d.Year, d.Month, d.Day = (int(x) for x in date.split("-"))
    d.Hours, d.Minutes = (int(x) for x in (clock or "00:00").split(":")[:2])
    return d


def run(ctx, ops, src, dst):
    smgr = ctx.ServiceManager
    doc = smgr.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
    doc.load((prop("URL", uno.systemPathToFileUrl(src)), prop("FilterName", "MS Word 2007 XML")))
    for step in ops:
        op = step["op"]
        if op == "author":
            provider = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
            data = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                        (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
            given, _, family = step["name"].partition(" ")
            data.setPropertyValue("givenname", given)
            data.setPropertyValue("sn", family)
            data.setPropertyValue("initials", step.get("initials", ""))
            data.commitChanges()
        elif op == "track":
            doc.RecordChanges = bool(step["on"])
        elif op == "replace":
            _, cursor = find(doc, step["find"], step.get("nth", 1))
            cursor.setString(step["with"])
        elif op == "append":
            p, _ = find(doc, step["find"], step.get("nth", 1))
            cursor = p.getText().createTextCursorByRange(p.getEnd())
            p.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            p.getText().insertString(cursor, step["text"], False)
        elif op == "cell":
            cell = doc.TextTables.getByIndex(step["table"]).getCellByName(step["name"])
            cursor = cell.createTextCursor()
            cursor.gotoEnd(True)
            cursor.setString(step["text"])
        elif op == "comment":
            if "name" in step:
                cell = doc.TextTables.getByIndex(step["table"]).getCellByName(step["name"])
                text, cursor = cell, cell.createTextCursor()
                cursor.gotoEnd(True)
            else:
                p, cursor = find(doc, step["find"], step.get("nth", 1))
                text = p.getText()
            note = doc.createInstance("com.sun.star.text.textfield.Annotation")
            note.Author, note.Initials, note.Content = step["author"], step.get("initials", ""), step["text"]
            note.DateTimeValue = stamp(step.get("date", "2026-03-02T10:00"))
            text.insertTextContent(cursor, note, True)
            if step.get("resolved"):
                note.Resolved = True
        else:
            raise ValueError(f"unknown step {op!r}")
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)


def main():
    ops_path, src, dst, profile = sys.argv[1:5]
    with open(ops_path, encoding="utf-8") as fh:
        ops = json.load(fh)
    proc, ctx = connect(os.path.abspath(profile))
    try:
        run(ctx, ops, os.path.abspath(src), os.path.abspath(dst))
    finally:
        try:
            ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
        except Exception:  # noqa: BLE001 - the bridge closes as soffice quits
            pass
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()

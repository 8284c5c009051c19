"""The editor's QTextDocument and copdesk's document model (core.markdown.dialect's Block and Run), both ways.

Thin on purpose: the dialect (what is bold, what is a list, how a line break is kept, what gets escaped) is
decided once, in core/markdown/dialect.py. Here a document is filled from blocks and read back into blocks, and
nothing else: Qt's own Markdown reader and writer are never used (they know headings, quotes, code and
strike-through, which copdesk's dialect keeps as text, and Qt's writer wraps lines and escapes "<").

A line break inside a paragraph is Qt's line separator (U+2028, Shift+Enter); a paragraph inside a list item
is a block indented to the item's content; a numbered list that starts at N keeps N as its start.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from copdesk.core.markdown.dialect import Block, Run

LINE_BREAK = "\u2028"
OBJECT = "\ufffc"  # an image or other object in the document: not text
GAP = 6  # pixels between paragraphs (and around a list), so a paragraph reads apart from a line break


@cache
def _kinds() -> tuple:
    """(bold weight, numbered list styles, bullet style, numbered style), looked up on first use: QFont and
    QTextListFormat bring their enums, which start-up does not need."""
    from PySide6.QtGui import QFont, QTextListFormat
    numbered = frozenset({QTextListFormat.ListDecimal, QTextListFormat.ListLowerAlpha, QTextListFormat.ListUpperAlpha,
                          QTextListFormat.ListLowerRoman, QTextListFormat.ListUpperRoman})
    return QFont.Bold, numbered, QTextListFormat.ListDisc, QTextListFormat.ListDecimal, QFont.DemiBold


def char_format(run: Run, link_brush=None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if run.bold:
        fmt.setFontWeight(_kinds()[0])
    if run.italic:
        fmt.setFontItalic(True)
    if run.url:
        fmt.setAnchor(True)
        fmt.setAnchorHref(run.url)
        fmt.setFontUnderline(True)
        if link_brush is not None:
            fmt.setForeground(link_brush)
    return fmt


def fill(document: QTextDocument, blocks: list[Block], link_brush=None) -> None:
    """Make `document` hold `blocks` (what was in it goes)."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    insert(cursor, blocks, link_brush, first_in_place=True)
    cursor.endEditBlock()


def insert(cursor: QTextCursor, blocks: list[Block], link_brush=None, first_in_place: bool = False) -> None:
    """Write `blocks` at `cursor`: the first into the cursor's block when `first_in_place`, each in a block
    of its own otherwise."""
    from PySide6.QtGui import QTextListFormat
    _bold, _numbered, disc, decimal, _semi = _kinds()
    lists: dict[int, tuple[str, object]] = {}  # level -> (kind, QTextList) of the lists open at that level
    for k, block in enumerate(blocks):
        if k or not first_in_place:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        fmt = QTextBlockFormat()
        after_list = k > 0 and blocks[k - 1].kind != "p"
        if block.kind == "p":
            fmt.setIndent(block.level)
            fmt.setBottomMargin(GAP)
            fmt.setTopMargin(GAP if after_list else 0)
            cursor.setBlockFormat(fmt)
            for level in [lv for lv in lists if lv >= block.level]:
                del lists[level]
        else:
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            last_item = nxt is None or nxt.kind == "p" or (nxt.level == 0 and nxt.kind != block.kind)
            fmt.setBottomMargin(GAP if last_item else 0)
            cursor.setBlockFormat(fmt)
            for level in [lv for lv in lists if lv > block.level]:
                del lists[level]
            open_list = lists.get(block.level)
            if open_list is not None and open_list[0] == block.kind and not block.start:
                open_list[1].add(cursor.block())
            else:
                list_fmt = QTextListFormat()
                list_fmt.setIndent(block.level + 1)
                list_fmt.setStyle(disc if block.kind == "bullet" else decimal)
                if block.kind == "number":
                    list_fmt.setStart(block.start or 1)
                lists[block.level] = (block.kind, cursor.createList(list_fmt))
        for run in block.runs:
            cursor.insertText(run.text.replace("\n", LINE_BREAK), char_format(run, link_brush))


def read(document: QTextDocument) -> list[Block]:
    """The blocks `document` holds, as the user sees them (empty paragraphs included: the core drops them)."""
    _bold, numbered, _disc, _decimal, semi = _kinds()
    out: list[Block] = []
    block = document.begin()
    while block.isValid():
        runs = []
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            text = frag.text()
            if OBJECT in text:
                text = text.replace(OBJECT, "")
            if text:
                fmt = frag.charFormat()
                url = fmt.anchorHref() if fmt.isAnchor() else ""
                runs.append(Run(text.replace(LINE_BREAK, "\n"), fmt.fontWeight() >= semi, fmt.fontItalic(), url))
            it += 1
        lst = block.textList()
        if lst is None:
            out.append(Block("p", tuple(runs), max(0, block.blockFormat().indent())))
        else:
            list_fmt = lst.format()
            kind = "number" if list_fmt.style() in numbered else "bullet"
            start = list_fmt.start() if kind == "number" and lst.itemNumber(block) == 0 else 0
            out.append(Block(kind, tuple(runs), max(list_fmt.indent(), 1) - 1, start))
        block = block.next()
    return out


def from_html(html: str) -> list[Block]:
    """Blocks of pasted HTML (from Word, a browser): lists, links, bold and italic; fonts and colours go."""
    scratch = QTextDocument()
    scratch.setHtml(html)
    return read(scratch)

"""Between the stored Markdown of an answer and the rich-text editor's document.

Qt's own toMarkdown() wraps lines at 80 columns, and for copdesk a single newline inside a paragraph is
a line break (core.richtext): Qt's output would put breaks in the middle of sentences in the Word export.
So the editor's document is written out here, block by block, without wrapping; and stored line
breaks are shown as separate lines when an answer is loaded.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtGui import QTextBlock, QTextDocument

_LIST_LINE = re.compile(r"^\s*([-*+]|\d{1,9}[.)])\s")
_ESCAPE = r"([\\*_\[\]<`])"  # compiled (cached by re) at the first edit, not at start-up
_LEADING = r"^(\s*)([-+*#>]|\d{1,9}[.)])(\s|$)"


def for_editor(stored: str) -> str:
    """Stored Markdown as Qt's parser should see it: a line break inside a paragraph becomes a hard break."""
    lines = stored.split("\n")
    out = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        soft = line.strip() and nxt.strip() and not _LIST_LINE.match(nxt) and not _LIST_LINE.match(line)
        out.append(line.rstrip() + "  " if soft else line)
    return "\n".join(out)


def _escape_marker(m: re.Match) -> str:
    """A line that would read as a list item or heading: escape its marker ("\\- ", "2024\\. ")."""
    marker = m.group(2)
    escaped = f"{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"\\{marker}"
    return f"{m.group(1)}{escaped}{m.group(3)}"


def _escape(text: str, at_start: bool) -> str:
    text = re.sub(_ESCAPE, r"\\\1", text)
    if at_start:
        text = re.sub(_LEADING, _escape_marker, text, count=1)
    return text.replace("\u2028", "\n")


@cache
def _formats() -> tuple:
    """(bold weight, numbered list styles), looked up on the first conversion: QFont and QTextListFormat bring
    their enums, which opening a report (Markdown into the editor, for_editor) does not need."""
    from PySide6.QtGui import QFont, QTextListFormat
    numbered = {QTextListFormat.ListDecimal, QTextListFormat.ListLowerAlpha, QTextListFormat.ListUpperAlpha,
                QTextListFormat.ListLowerRoman, QTextListFormat.ListUpperRoman}
    return QFont.Bold, numbered


def _inline(block: QTextBlock, bold) -> str:
    parts = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        fmt = frag.charFormat()
        text = _escape(frag.text(), not parts)
        core = text.strip()
        if core:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            if fmt.fontWeight() >= bold:
                core = f"**{core}**"
            if fmt.fontItalic():
                core = f"*{core}*"
            if fmt.isAnchor() and fmt.anchorHref():
                core = f"[{core}]({fmt.anchorHref()})"
            text = lead + core + trail
        parts.append(text)
        it += 1
    return "".join(parts)


def to_markdown(doc: QTextDocument) -> str:
    """The document as copdesk Markdown: paragraphs apart by a blank line, "- " / "1. " lists by level."""
    bold, numbered = _formats()
    chunks: list[tuple[bool, str]] = []
    block = doc.begin()
    while block.isValid():
        text = _inline(block, bold)
        lst = block.textList()
        if lst is not None:
            fmt = lst.format()
            level = max(fmt.indent(), 1) - 1
            marker = f"{lst.itemNumber(block) + 1}." if fmt.style() in numbered else "-"
            chunks.append((True, "  " * level + f"{marker} {text}".rstrip()))
        else:
            chunks.append((False, text))
        block = block.next()
    out = ""
    for i, (is_item, text) in enumerate(chunks):
        if i:
            out += "\n" if is_item and chunks[i - 1][0] else "\n\n"
        out += text
    return re.sub(r"\n{3,}", "\n\n", out).strip("\n")

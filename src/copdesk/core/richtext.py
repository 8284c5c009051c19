"""The Markdown subset of text answers, read into blocks and runs, and written as HTML.

Answers are stored as typed. Exporters need structure: Word wants paragraphs, list levels and runs
with bold/italic/link; the Transparency Centre wants HTML (`sig_value`). Both read the same parse, so
the two exports never disagree about what an answer says.

The subset: paragraphs separated by blank lines; `-`, `*`, `+`, `1.` and `1)` list items nested by
indentation (two or four spaces per level both work); `**bold**`, `__bold__`, `*italic*`, `_italic_`;
`[text](url)`, `<url>` and bare http(s) URLs as links; backslash escapes. A single newline inside a
paragraph is kept as a line break: filed reports use them as meaningful breaks (see README).
"""

from __future__ import annotations

import html
import re

from copdesk.core.records import record

MAX_LEVEL = 8  # Word lists have nine levels (0-8)

_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])(?: +|$)(.*)$")
_SPECIAL = re.compile(r"[\\\[<*_]|https?://")
_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(\s*<?([^\s<>()]*(?:\([^\s()]*\)[^\s<>()]*)*)>?"
                   r"(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]+)>", re.I)
_BARE_URL = re.compile(r"https?://[^\s<>\"]+")
_ESCAPABLE = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@record
class Run:
    """A stretch of text with one formatting. `text` may hold "\\n" (a line break) and "\\t"."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str = ""


@record
class Block:
    """A paragraph: kind "p" (plain), "bullet" or "number"; `level` is the list depth (0 = top).

    A plain paragraph inside a list item has kind "p" and `level` = the item's level + 1 (indented).
    `start` is the number the list starts at, set on the first item of each numbered list only, so
    writers restart the numbering there ("2024." at the start of a line starts a list at 2024).
    """

    kind: str
    runs: tuple[Run, ...]
    level: int = 0
    start: int = 0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


# -- blocks ------------------------------------------------------------------------------------------

def parse(text: str) -> list[Block]:
    """The blocks of an answer. Blank or whitespace-only text gives no blocks."""
    blocks: list[Block] = []
    for kind, level, lines, start in _raw_blocks(text.replace("\r\n", "\n").replace("\r", "\n")):
        blocks.append(Block(kind, tuple(parse_inline("\n".join(lines))), level, start))
    return blocks


def _raw_blocks(text: str):
    """(kind, level, lines, start) for each block, before inline parsing."""
    stack: list[tuple[int, int, str]] = []  # open list items: (indent, content column, kind)
    current: list | None = None  # [kind, level, lines, start]
    blank = False
    for line in text.split("\n"):
        if not line.strip():
            blank = True
            continue
        item = _ITEM.match(line)
        if item and current and current[0] == "p" and not blank and not _can_interrupt(item):
            item = None  # "2024. was" on a new line of a paragraph stays text
        if item:
            if current:
                yield tuple(current)
            current = _start_item(stack, item)
        elif current and not blank:
            current[2].append(_clean(line))  # a line break inside the paragraph or item
            continue
        else:
            if current:
                yield tuple(current)
            current = _start_paragraph(stack, line)
        blank = False
    if current:
        yield tuple(current)


def _can_interrupt(m: re.Match) -> bool:
    """A list interrupts a paragraph only with a bullet or "1." (as in CommonMark)."""
    return m.group(2) in "-*+" or m.group(2)[:-1] == "1"


def _start_item(stack: list, m: re.Match) -> list:
    """Nesting: an item indented two or more spaces past its parent's marker nests under it."""
    indent, marker = len(m.group(1)), m.group(2)
    kind = "bullet" if marker in "-*+" else "number"
    while stack and indent < stack[-1][0]:
        stack.pop()
    new_list = not stack or stack[-1][2] != kind
    if stack and indent >= stack[-1][1]:
        new_list = True
        stack.append((indent, indent + 2, kind))
    elif stack:
        stack[-1] = (stack[-1][0], stack[-1][1], kind)
    else:
        stack.append((indent, indent + 2, kind))
    level = min(len(stack) - 1, MAX_LEVEL)
    start = int(marker[:-1]) if kind == "number" and new_list else 0
    return [kind, level, [_clean(m.group(3))], start]


def _start_paragraph(stack: list, line: str) -> list:
    """A paragraph after a blank line: inside the deepest list item it is indented under, else plain."""
    indent = len(line) - len(line.lstrip(" "))
    while stack and indent < stack[-1][1]:
        stack.pop()
    level = min(len(stack), MAX_LEVEL + 1)
    return ["p", level, [_clean(line)], 0]


def _clean(line: str) -> str:
    """Leading spaces and the hard-break marks (two trailing spaces, a trailing backslash) go."""
    line = line.strip(" ")
    if line.endswith("\\") and not line.endswith("\\\\"):
        line = line[:-1]
    return line.rstrip(" ")


# -- inline ------------------------------------------------------------------------------------------

def parse_inline(text: str, bold: bool = False, italic: bool = False, url: str = "") -> list[Run]:
    """Runs of `text`, merged so neighbouring runs never share the same formatting."""
    out: list[Run] = []
    _inline(text, bold, italic, url, out)
    return _merge(out)


def _inline(text: str, bold: bool, italic: bool, url: str, out: list[Run]) -> None:
    pos, plain = 0, []
    failed: dict[tuple[str, int], int] = {}  # (delimiter, count) -> earliest start whose search found no closer
    while True:
        m = _SPECIAL.search(text, pos)
        if not m:
            plain.append(text[pos:])
            break
        i = m.start()
        plain.append(text[pos:i])
        step = _token(text, i, bold, italic, url, out, plain, failed)
        pos = step if step > i else i + 1
        if step <= i:
            plain.append(text[i])
    if plain:
        _flush(plain, bold, italic, url, out)


def _flush(plain: list[str], bold: bool, italic: bool, url: str, out: list[Run]) -> None:
    joined = "".join(plain)
    plain.clear()
    if joined:
        out.append(Run(joined, bold, italic, url))


def _token(text: str, i: int, bold: bool, italic: bool, url: str, out: list[Run], plain: list[str],
           failed: dict) -> int:
    """Handle the markup starting at text[i]; return the position after it, or i when it is literal."""
    c = text[i]
    if c == "\\":
        if i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            plain.append(text[i + 1])
            return i + 2
        return i
    if c == "[" and not url:
        m = _LINK.match(text, i)
        if m:
            _flush(plain, bold, italic, url, out)
            _inline(m.group(1) or m.group(2), bold, italic, m.group(2), out)
            return m.end()
        return i
    if c == "<" and not url:
        m = _AUTOLINK.match(text, i)
        if m:
            _flush(plain, bold, italic, url, out)
            out.append(Run(m.group(1), bold, italic, m.group(1)))
            return m.end()
        return i
    if c == "h":
        return _bare_url(text, i, bold, italic, url, out, plain)
    return _emphasis(text, i, bold, italic, url, out, plain, failed)


def _bare_url(text, i, bold, italic, url, out, plain) -> int:
    if url or (i > 0 and (text[i - 1].isalnum() or text[i - 1] in "/=")):
        return i
    m = _BARE_URL.match(text, i)
    link = m.group(0).rstrip(".,;:!?'*_")
    if link.endswith(")") and link.count("(") < link.count(")"):
        link = link[:-1]
    if len(link) <= len("https://"):
        return i
    _flush(plain, bold, italic, url, out)
    out.append(Run(link, bold, italic, link))
    return i + len(link)


def _emphasis(text, i, bold, italic, url, out, plain, failed) -> int:
    """Bold or italic from text[i]. A search that found no closer is remembered, so a paragraph full of
    lone stars stays linear (60 KB of "*a " took 36 s before)."""
    c = text[i]
    n = 2 if text.startswith(c * 2, i) else 1
    if (n == 2 and bold) or (n == 1 and italic):
        return i  # the same emphasis does not nest
    after = i + n
    if after >= len(text) or text[after].isspace() or (c == "_" and i > 0 and text[i - 1].isalnum()):
        return i
    if failed.get((c, n), len(text) + 1) <= after:
        return i  # a search from further back found nothing: from here it cannot either
    close = _closing(text, after, c, n)
    if close < 0:
        failed[(c, n)] = after
        return i
    _flush(plain, bold, italic, url, out)
    _inline(text[after:close], bold or n == 2, italic or n == 1, url, out)
    return close + n


def _closing(text: str, start: int, c: str, n: int) -> int:
    """Where an emphasis of `n` delimiters `c` opened before `start` closes, or -1.

    A closing run must follow a non-space and (for "_") not touch a letter; a run of a different length
    belongs to a nested emphasis, except a run of three or more, whose last `n` delimiters close this one.
    """
    j = text.find(c, start)
    while j >= 0:
        run = j
        while run < len(text) and text[run] == c:
            run += 1
        escaped = _escaped(text, j)
        ok = j > start and not text[j - 1].isspace() and (c != "_" or run >= len(text) or not text[run].isalnum())
        if escaped:  # "\*" is a literal star: the run starts one later, or not at all
            j += 1
            ok = ok and j < run
        if ok and (run - j == n or run - j >= 3):
            return run - n
        j = text.find(c, run)
    return -1


def _escaped(text: str, j: int) -> bool:
    """True when text[j] is escaped: an odd number of backslashes stand right before it."""
    k = j
    while k > 0 and text[k - 1] == "\\":
        k -= 1
    return (j - k) % 2 == 1


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for r in runs:
        if not r.text:
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].url) == (r.bold, r.italic, r.url):
            out[-1] = Run(out[-1].text + r.text, r.bold, r.italic, r.url)
        else:
            out.append(r)
    return out


# -- HTML --------------------------------------------------------------------------------------------

def to_html(text: str) -> str:
    """The answer as HTML for the Transparency Centre form (`sig_value`): p, ul/ol, li, strong, em, a, br."""
    parts: list[str] = []
    open_lists: list[str] = []  # tags of open lists, one per level
    for block in parse(text):
        depth = block.level + 1 if block.kind != "p" else block.level
        while len(open_lists) > depth or (open_lists and len(open_lists) == depth and block.kind != "p"
                                          and open_lists[-1] != _LIST_TAG[block.kind]):
            parts.append(f"</li></{open_lists.pop()}>")
        if block.kind == "p":
            parts.append(f"<p>{runs_html(block.runs)}</p>")
            continue
        tag = _LIST_TAG[block.kind]
        if len(open_lists) == depth:
            parts.append("</li>")
        while len(open_lists) < depth:
            open_lists.append(tag)
            start = f' start="{block.start}"' if block.start > 1 and len(open_lists) == depth else ""
            parts.append(f"<{tag}{start}>")
        parts.append(f"<li>{runs_html(block.runs)}")
    while open_lists:
        parts.append(f"</li></{open_lists.pop()}>")
    return "".join(parts)


_LIST_TAG = {"bullet": "ul", "number": "ol"}


def runs_html(runs) -> str:
    out = []
    for r in runs:
        piece = html.escape(r.text, quote=False).replace("\n", "<br>")
        if r.italic:
            piece = f"<em>{piece}</em>"
        if r.bold:
            piece = f"<strong>{piece}</strong>"
        if r.url:
            piece = f'<a href="{html.escape(r.url)}">{piece}</a>'
        out.append(piece)
    return "".join(out)


def to_plain(text: str) -> str:
    """The answer without markup: what a reader sees, for plain-text uses (CSV notes, checks)."""
    lines = []
    for block in parse(text):
        prefix = "  " * block.level + ("- " if block.kind == "bullet" else "1. " if block.kind == "number" else "")
        lines.append(prefix + block.text)
    return "\n".join(lines)

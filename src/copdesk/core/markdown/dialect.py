"""copdesk's Markdown: the one reader and the one writer of text answers, and the document model they share.

Every way in and out of an answer goes through here: the editor (through a thin Qt layer, ui/rich_document.py),
the importers (Word, Transparency Centre HTML), the exports (Word, HTML for the Transparency Centre, plain
text). So an answer reads the same everywhere, and nothing is rewritten that nobody changed.

The dialect (the README's "Text answers are Markdown"):
- paragraphs separated by a blank line; a single line break inside a paragraph is a line break;
- list items "- ", "* ", "+ ", "1. ", "1) ", nested by indentation (two spaces per level; four work too);
  a paragraph indented under an item belongs to that item;
- **bold** or __bold__, *italic* or _italic_ (an "_" inside a word is a letter: snake_case);
- [text](url), <https://...> and bare http(s):// addresses as links;
- a backslash before ASCII punctuation makes it literal (\\* is a star).
Everything else is text, kept as typed: "# Heading", "> quote", `code`, ~~struck~~, "Reach < 5%".

The model: an answer is a list of Block (a paragraph or a list item, with its level) holding Run (text with
one formatting: bold, italic, link). `parse` reads text into blocks; `write` writes blocks in the canonical
spelling, escaping only what would otherwise read as markup, so `write(parse(t)) == t` for every canonical
`t`, and `parse(write(b)) == normalize(b)` for every document `b`. `Source` keeps the spelling of a stored
text: `Source(text).rewrite(blocks)` gives `text` back when nothing changed, and rewrites only the blocks
that did (the editor's path, so Compare, diff and merge see only real edits).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import NamedTuple

MAX_LEVEL = 8  # Word lists have nine levels (0-8)

_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])(?: +|$)(.*)$")
_SPECIAL = re.compile(r"[\\\[<*_]|https?://")
_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(\s*<?([^\s<>()]*(?:\([^\s()]*\)[^\s<>()]*)*)>?"
                   r"(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]+)>", re.I)
_AUTOLINK_START = re.compile(r"<(?=(?:https?|mailto):)", re.I)
_BARE_URL = re.compile(r"https?://[^\s<>\"]+")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_MARKUP_CHAR = re.compile(r"[\\*_\[\]<]")  # the characters _escape looks at
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_URL_UNSAFE = {" ": "%20", "<": "%3C", ">": "%3E", "(": "%28", ")": "%29", "\n": "", "\t": ""}


class Run(NamedTuple):
    """A stretch of text with one formatting. `text` may hold "\\n" (a line break) and "\\t".

    Run and Block are named tuples, not records: an editor compares and hashes thousands of them per
    keystroke, and a tuple does that in C."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str = ""


class Block(NamedTuple):
    """A paragraph: kind "p" (plain), "bullet" or "number"; `level` is the list depth (0 = top).

    A plain paragraph inside a list item has kind "p" and `level` = the item's level + 1 (indented).
    `start` is the number a numbered list starts at, set on the first item of each numbered list only, so
    writers restart the numbering there ("2024." at the start of a line starts a list at 2024).
    """

    kind: str
    runs: tuple[Run, ...]
    level: int = 0
    start: int = 0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


# == reading ===========================================================================================

def parse(text: str) -> list[Block]:
    """The blocks of an answer. Blank or whitespace-only text gives no blocks."""
    return [block for block, _first, _last in _parse_lines(_NEWLINES.split(text))]


def _parse_lines(lines: list[str]):
    """(Block, first line, last line) for each block of `lines`."""
    for kind, level, body, start, first, last in _raw_blocks(lines):
        yield Block(kind, _runs_of("\n".join(body)), level, start), first, last


_READ: dict[str, tuple[Run, ...]] = {}  # block text -> its runs (see _runs_of)


def _runs_of(text: str) -> tuple[Run, ...]:
    """parse_inline, remembered: an editor reads its answer again at every keystroke, and all but one of its
    paragraphs are as they were (the one written anew was read back already, by _spelled)."""
    runs = _READ.get(text)
    if runs is None:
        runs = _remember(text, tuple(parse_inline(text)))
    return runs


def _remember(text: str, runs: tuple[Run, ...]) -> tuple[Run, ...]:
    if len(_READ) > 8192:
        _READ.clear()
    _READ[text] = runs
    return runs


def _raw_blocks(lines: list[str]):
    """(kind, level, lines, start, first line index, last line index) for each block, before inline parsing."""
    stack: list[tuple[int, int, str]] = []  # open list items: (indent, content column, kind)
    current: list | None = None  # [kind, level, lines, start, first, last]
    blank = False
    for index, line in enumerate(lines):
        if not line.strip():
            blank = True
            continue
        item = _ITEM.match(line)
        if item and current and current[0] == "p" and not blank and not _can_interrupt(item):
            item = None  # "2024. was" on a new line of a paragraph stays text
        if item:
            if current:
                yield tuple(current)
            current = _start_item(stack, item) + [index, index]
        elif current and not blank:
            current[2].append(_clean(line))  # a line break inside the paragraph or item
            current[5] = index
            continue
        else:
            if current:
                yield tuple(current)
            current = _start_paragraph(stack, line) + [index, index]
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
    new_list = _push(stack, indent, kind)
    level = min(len(stack) - 1, MAX_LEVEL)
    start = int(marker[:-1]) if kind == "number" and new_list else 0
    return [kind, level, [_clean(m.group(3))], start]


def _push(stack: list, indent: int, kind: str) -> bool:
    """Place an item of `kind` at `indent` on the stack of open lists; True when it starts a new list."""
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
    return new_list


def _start_paragraph(stack: list, line: str) -> list:
    """A paragraph after a blank line: inside the deepest list item it is indented under, else plain."""
    indent = len(line) - len(line.lstrip(" "))
    _close(stack, indent)
    return ["p", min(len(stack), MAX_LEVEL + 1), [_clean(line)], 0]


def _close(stack: list, indent: int) -> None:
    while stack and indent < stack[-1][1]:
        stack.pop()


def _clean(line: str) -> str:
    """Leading spaces and the hard-break marks (two trailing spaces, a trailing backslash) go."""
    line = line.strip(" ")
    if line.endswith("\\") and not line.endswith("\\\\"):
        line = line[:-1]
    return line.rstrip(" ")


def parse_inline(text: str, bold: bool = False, italic: bool = False, url: str = "") -> list[Run]:
    """Runs of `text`, merged so neighbouring runs never share the same formatting."""
    out: list[Run] = []
    _inline(text, bold, italic, url, out)
    return merge_runs(out)


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
    if c in "[<" and url:
        return i  # inside a link's text: no link in a link
    if c == "[":
        m = _LINK.match(text, i)
        if m:
            _flush(plain, bold, italic, url, out)
            _inline(m.group(1) or m.group(2), bold, italic, m.group(2), out)
            return m.end()
        return i
    if c == "<":
        m = _AUTOLINK.match(text, i)
        if m:
            _flush(plain, bold, italic, url, out)
            out.append(Run(m.group(1), bold, italic, m.group(1)))
            return m.end()
        return i
    if c == "h":
        link = "" if url else bare_url_at(text, i)
        if not link:
            return i
        _flush(plain, bold, italic, url, out)
        out.append(Run(link, bold, italic, link))
        return i + len(link)
    return _emphasis(text, i, bold, italic, url, out, plain, failed)


def bare_url_at(text: str, i: int) -> str:
    """The bare address that reads as a link at text[i] ("" when there is none): not after a letter, digit,
    "/" or "=", without trailing punctuation or an unbalanced ")"."""
    if i > 0 and (text[i - 1].isalnum() or text[i - 1] in "/="):
        return ""
    m = _BARE_URL.match(text, i)
    if not m:
        return ""
    link = m.group(0).rstrip(".,;:!?'*_")
    if link.endswith(")") and link.count("(") < link.count(")"):
        link = link[:-1]
    return link if len(link) > len("https://") else ""


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


def merge_runs(runs) -> list[Run]:
    """Empty runs dropped, neighbours with the same formatting joined."""
    out: list[Run] = []
    for r in runs:
        if not r.text:
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].url) == (r.bold, r.italic, r.url):
            out[-1] = Run(out[-1].text + r.text, r.bold, r.italic, r.url)
        else:
            out.append(r)
    return out


# == the document model: what a document becomes in this dialect ======================================

def normalize(blocks) -> list[Block]:
    """`blocks` (from an editor, an importer) as the dialect holds them, so `parse(write(b)) == normalize(b)`.

    Formatting on blank stretches is invisible and goes; spaces at the edges of a line go; blank lines inside
    a block go (a blank line would end the paragraph); a bare address is a link; empty paragraphs go (an
    empty list item stays); levels nest one step at a time; a numbered list starts only where the dialect
    starts one (a list right after a list of the same kind continues it).
    """
    return [block for block, _new in _shaped(_tidy(b) for b in blocks)]


def _tidy(block: Block) -> Block | None:
    runs = normal_runs(block.runs)
    if block.kind == "p" and not runs:
        return None
    return Block(block.kind if block.kind in ("bullet", "number") else "p", tuple(runs), max(0, block.level),
                 max(0, min(block.start, 999_999_999)))


def tidy_runs(runs) -> list[Run]:
    """Runs as the dialect reads them back: see `normalize` (inline part)."""
    lines: list[list[Run]] = [[]]
    for r in runs:
        text = r.text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
        for k, piece in enumerate(text.split("\n")):
            if k:
                lines.append([])
            if piece:
                lines[-1].append(Run(piece, r.bold, r.italic, r.url))
    kept: list[Run] = []
    for line in lines:
        line = _strip_line(line)
        if not line:
            continue  # a blank line inside a block would end it
        if kept:
            kept.append(Run("\n"))
        kept += line
    return _plain_blanks(autolink(merge_runs(Run(r.text, r.bold, r.italic, safe_url(r.url)) if r.url else r
                                             for r in kept)))


def _strip_line(line: list[Run]) -> list[Run]:
    """Spaces at both ends of a line go (the reader strips them); a line of blanks is empty."""
    line = merge_runs(line)
    while line and not line[0].text.lstrip(" "):
        line = line[1:]
    while line and not line[-1].text.rstrip(" "):
        line = line[:-1]
    if not line or not "".join(r.text for r in line).strip():
        return []
    first = line[0]
    line[0] = Run(first.text.lstrip(" "), first.bold, first.italic, first.url)
    last = line[-1]
    line[-1] = Run(last.text.rstrip(" "), last.bold, last.italic, last.url)
    return line


def _plain_blanks(runs: list[Run]) -> list[Run]:
    """Bold or italic on whitespace shows nothing: such stretches, and the whitespace at the edges of a bold
    or italic run, lose it (a link keeps its address)."""
    out: list[Run] = []
    for r in runs:
        if not (r.bold or r.italic):
            out.append(r)
            continue
        core = r.text.strip()
        if not core:
            out.append(Run(r.text, url=r.url))
            continue
        lead, trail = r.text[: len(r.text) - len(r.text.lstrip())], r.text[len(r.text.rstrip()):]
        out += [Run(lead, url=r.url), Run(core, r.bold, r.italic, r.url), Run(trail, url=r.url)]
    return merge_runs(out)


def autolink(runs) -> list[Run]:
    """A bare http(s) address in plain text is a link in this dialect: made one here, as the reader would."""
    out: list[Run] = []
    for r in runs:
        if r.url or "http" not in r.text:
            out.append(r)
            continue
        text, pos = r.text, 0
        for m in _BARE_URL.finditer(text):
            link = bare_url_at(text, m.start())
            if not link or m.start() < pos or safe_url(link) != link:
                continue  # an address with "<", ">" or unbalanced brackets stays text ("https\\://" when written)
            out += [Run(text[pos:m.start()], r.bold, r.italic), Run(link, r.bold, r.italic, link)]
            pos = m.start() + len(link)
        out.append(Run(text[pos:], r.bold, r.italic))
    return merge_runs(out)


def _shaped(blocks):
    """(block, starts a new list) with the list structure the reader would give the written text."""
    stack: list[tuple[int, int, str]] = []
    for block in blocks:
        if block is None:
            continue
        if block.kind == "p":
            level = min(block.level, len(stack), MAX_LEVEL + 1)
            _close(stack, 2 * level)
            yield Block("p", block.runs, level, 0), False
            continue
        level = min(block.level, len(stack), MAX_LEVEL)  # one step deeper at most
        new_list = _push(stack, 2 * level, block.kind)
        level = min(len(stack) - 1, MAX_LEVEL)
        start = (block.start or 1) if block.kind == "number" and new_list else 0
        yield Block(block.kind, block.runs, level, start), new_list


def safe_url(url: str) -> str:
    """A link target the reader takes back whole: spaces, "<", ">" and unbalanced brackets written as %xx."""
    url = url.replace("\n", "").replace("\t", "")
    if _TARGET.fullmatch(url):
        return url
    return "".join(_URL_UNSAFE.get(c, c) for c in url)


_TARGET = re.compile(r"[^\s<>()]*(?:\([^\s()]*\)[^\s<>()]*)*")


# == writing ===========================================================================================

def write(blocks) -> str:
    """The canonical Markdown of `blocks` (normalized first)."""
    pieces, seps = _pieces(normalize(blocks))
    return _join(pieces, seps)


def _pieces(blocks: list[Block]) -> tuple[list[str], list[str]]:
    """Each (normalized) block's text, and the separator before each block after the first."""
    pieces, seps = [], []
    numbers: dict[int, int] = {}  # level -> the last number written at that level
    prev = None
    for block, new_list in _shaped(blocks):
        if block.kind == "number":
            numbers[block.level] = block.start if new_list else numbers.get(block.level, 0) + 1
        pieces.append(_block_text(block, numbers.get(block.level, 0)))
        if prev is not None:
            seps.append(_separator(prev, block, new_list))
        prev = block
    return pieces, seps


def _separator(prev: Block, block: Block, new_list: bool) -> str:
    """Items of one list follow each other on the next line; anything else (another list, too) is a blank
    line apart."""
    if block.kind != "p" and prev.kind != "p" and not (new_list and block.level == 0):
        return "\n"
    return "\n\n"


def _join(pieces: list[str], seps: list[str]) -> str:
    out = pieces[:1]
    for sep, piece in zip(seps, pieces[1:]):
        out += [sep, piece]
    return "".join(out)


def _block_text(block: Block, number: int) -> str:
    pad = "  " * block.level
    if block.kind == "p":
        return "\n".join(pad + line for line in inline(block.runs).split("\n"))
    marker = "-" if block.kind == "bullet" else f"{number}."
    return _item_text(f"{pad}{marker} ", pad + "  ", inline(block.runs, in_item=True))


def _item_text(first: str, rest: str, body: str) -> str:
    return (first + body.replace("\n", "\n" + rest)).rstrip(" ")


def inline(runs, in_item: bool = False) -> str:
    """The Markdown of one block's runs (no list marker), escaping only what would read as markup."""
    return _escape_line_starts(_spelled(tuple(runs))[0], in_item)


def normal_runs(runs) -> tuple[Run, ...]:
    """The runs as the dialect holds them: what `inline(runs)` reads back as (see `normalize`)."""
    return _spelled(tuple(runs))[1]


@lru_cache(maxsize=8192)
def _spelled(runs: tuple[Run, ...]) -> tuple[str, tuple[Run, ...]]:
    """(Markdown, the runs it reads back as) for a block's runs; cached, as an editor asks again and again.

    The light spelling escapes only what would read as markup; it is checked by reading it back. Where it
    would not read back the same, every markup character is escaped instead. A few formattings cannot be
    written at all in this dialect (italic, then bold, inside one word: "x*y***z**"): those runs become what
    their spelling reads as, written again.
    """
    tidy = tuple(tidy_runs(runs))
    md = _inline_md(list(tidy), False)
    if _runs_of(md) == tidy:
        return md, tidy
    md = _inline_md(list(tidy), True)
    back = _runs_of(md)
    if back == tidy or back == runs:
        return md, back
    return _spelled(back)


def _escape_line_starts(md: str, in_item: bool) -> str:
    """A line start that would read as a list item is escaped: "\\- x", "2024\\. x". On the lines after
    the first, a paragraph is interrupted only by a bullet or "1." (an item by any marker)."""
    if "\n" not in md and not _ITEM.match(md):
        return md
    lines = md.split("\n")
    for k, line in enumerate(lines):
        m = _ITEM.match(line)
        if m and (k == 0 or in_item or _can_interrupt(m)):
            marker = m.group(2)
            escaped = f"{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"\\{marker}"
            lines[k] = f"{m.group(1)}{escaped}{line[m.end(2):]}"
    return "\n".join(lines)


def _inline_md(runs: list[Run], full: bool, in_link: bool = False) -> str:
    out: list[str] = []
    i = 0
    while i < len(runs):
        s = runs[i]
        j = i + 1
        before = "".join(out)[-1:] or ("" if in_link else "\n")
        if s.url and not in_link:
            while j < len(runs) and runs[j].url == s.url:
                j += 1
            out.append(_link(runs[i:j], before, _after(runs, j), full))
        elif s.bold or s.italic:
            while j < len(runs) and (in_link or not runs[j].url) and runs[j].bold == s.bold and \
                    (s.bold or runs[j].italic) and "\n" not in runs[j].text:
                j += 1
            out.append(_group(runs[i:j], before, _after(runs, j), full, in_link))
        else:
            out.append(_escape(s.text, before, _after(runs, j) or ("" if in_link else "\n"), full, in_link))
        i = j
    return "".join(out)


def _after(runs: list[Run], j: int) -> str:
    """About what is written after runs[:j], up to the next space: markup ("*", "[") stands for formatted runs."""
    out = ""
    for nxt in runs[j:]:
        if nxt.url:
            piece = nxt.text if nxt.text == nxt.url and not (nxt.bold or nxt.italic) else "["
        elif nxt.bold or nxt.italic:
            piece = nxt.text if nxt.text[:1].isspace() else "*" + nxt.text
        else:
            piece = nxt.text
        out += piece
        if any(c.isspace() for c in piece) or piece == "[":
            break
    return out.split(None, 1)[0] if out[:1] and not out[:1].isspace() else out[:1]


def _escape(text: str, before: str, after: str, full: bool, in_link: bool = False) -> str:
    """Literal text as Markdown that reads back as the same text; `before` / `after` are the characters
    around it in the output ("" when not known, which escapes more)."""
    colons = _plain_address_colons(text, before) if "http" in text and not in_link else set()
    marks = [m.start() for m in _MARKUP_CHAR.finditer(text)]
    if not marks and not colons:
        return text  # most text: nothing to escape, and no walk through it character by character
    out = []
    last, done = len(text) - 1, 0
    for i in sorted(colons.union(marks)):
        out.append(text[done:i])
        done = i + 1
        if i in colons:
            out.append("\\:")
            continue
        prev = text[i - 1] if i else before[-1:]
        nxt = text[i + 1] if i < last else after[:1]
        out.append(_escape_char(text, i, text[i], prev, nxt, after, full, in_link))
    out.append(text[done:])
    return "".join(out)


def _plain_address_colons(text: str, before: str) -> set[int]:
    """Where plain text holds an address the reader would make a link of: the colons to escape."""
    out = set()
    for m in re.finditer(r"https?:", text):
        if bare_url_at(before[-1:] + text, m.start() + len(before[-1:])):
            out.add(m.end() - 1)
    return out


def _escape_char(text: str, i: int, c: str, prev: str, nxt: str, after: str, full: bool, in_link: bool) -> str:
    if c == "<":
        return "\\<" if _AUTOLINK_START.match(text[i:] + after) else c
    if full or (in_link and c in "[]"):
        return "\\" + c
    if c == "\\":
        return "\\\\" if (not nxt or nxt == "\n" or nxt in _ESCAPABLE) else c
    if c == "]":
        return c
    if c == "[":
        return "\\[" if "]" in text[i + 1:] or not nxt else c
    if not prev or not nxt:
        return "\\" + c  # next to markup or text not known here: escaped
    if c == "*":
        return c if prev.isspace() and nxt.isspace() else "\\*"
    # "_": opens before a non-space not after a letter; closes after a non-space not before a letter
    opens = not nxt.isspace() and not prev.isalnum()
    closes = not prev.isspace() and not nxt.isalnum()
    return "\\_" if opens or closes else c


def _group(runs: list[Run], before: str, after: str, full: bool, in_link: bool) -> str:
    """Bold (with italic stretches inside) or italic text, whitespace kept outside the markers."""
    text = "".join(s.text for s in runs)
    lead, core, trail = _split_space(text)
    if not core:
        return _escape(text, before, after, full, in_link)
    if not runs[0].bold:
        mark = _mark(before, after, lead, trail)
        return f"{lead}{mark}{_escape(core, mark, mark, full, in_link)}{mark}{trail}"
    mark = _mark(before, after, lead, trail)
    if all(s.italic for s in runs):  # bold and italic throughout: ***text***, as people write it
        return f"{lead}{mark * 3}{_escape(core, mark, mark, full, in_link)}{mark * 3}{trail}"
    inner: list[str] = []
    for k, s in enumerate(runs):
        text_k = s.text.lstrip() if k == 0 else s.text
        text_k = text_k.rstrip() if k == len(runs) - 1 else text_k
        prev = "".join(inner)[-1:] or mark
        later = runs[k + 1] if k + 1 < len(runs) else None
        nxt = mark if later is None else ("_" if later.italic and not later.text[:1].isspace() else later.text[:1])
        if not s.italic:
            inner.append(_escape(text_k, prev, nxt, full, in_link))
            continue
        ilead, icore, itrail = _split_space(text_k)
        imark = _mark(prev, nxt, ilead, itrail) if icore else ""
        inner.append(f"{ilead}{imark}{_escape(icore, imark or prev, imark or nxt, full, in_link)}{imark}{itrail}")
    return f"{lead}{mark * 2}{''.join(inner)}{mark * 2}{trail}"


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    if not core:
        return text, "", ""
    return text[: len(text) - len(text.lstrip())], core, text[len(text.rstrip()):]


def _mark(before: str, after: str, lead: str, trail: str) -> str:
    """The emphasis character, "*" or "_" (doubled for bold): never the character it touches (two markers
    side by side would read as one longer run), and "_" only where it can open and close (not inside a word)."""
    touch_before = "" if lead else before[-1:]
    touch_after = "" if trail else after[:1]
    star = touch_before != "*" and touch_after != "*"
    under = touch_before != "_" and touch_after != "_" and not touch_before.isalnum() and not touch_after.isalnum()
    return "*" if star or not under else "_"


def _link(runs: list[Run], before: str, after: str, full: bool) -> str:
    """A bare address where it reads back as itself, <address> where that does, else [text](url)."""
    url = runs[0].url
    text = "".join(s.text for s in runs)
    formatted = any(s.bold or s.italic for s in runs)
    if text == url and not formatted and not url.endswith("\\"):  # a "\\" ending a line is a line break mark
        if not any(c in after for c in "\\*_[]<:") and bare_url_at(before + url + (after or " "), len(before)) == url:
            return url
        if _AUTOLINK.fullmatch(f"<{url}>"):
            return f"<{url}>"
    inner = _inline_md([Run(s.text.replace("\n", " "), s.bold, s.italic) for s in runs], full, in_link=True)
    return f"[{inner}]({url})"


# == keeping a stored text's spelling ==================================================================

class Source:
    """A stored answer, parsed, with the spelling of each block and of what lies between blocks.

    `rewrite(blocks)` is the answer after an edit: the stored text itself when the document holds what it
    held, else the stored spelling of every block that did not change, the canonical spelling of those that
    did (an edited item keeps its indentation and marker), and the stored separators between unchanged
    neighbours. The result is read back and compared: if the stored spelling of the neighbours would change
    the meaning of an edited block (a rare mix of indentations), the separators, then the whole answer, are
    written canonically instead.
    """

    def __init__(self, text: str):
        self.text = text
        lines = _NEWLINES.split(text)
        breaks = list(_NEWLINES.finditer(text))
        starts = [0] + [m.end() for m in breaks]
        ends = [m.start() for m in breaks] + [len(text)]
        parsed = [(b, first, last) for b, first, last in _parse_lines(lines) if _tidy(b) is not None]
        self.blocks = normalize(b for b, _first, _last in parsed)  # a block the dialect drops is separator
        spans = [(starts[first], ends[last]) for _b, first, last in parsed]
        self.slices = [text[a:b] for a, b in spans]
        self.seps = [text[spans[k][1]:spans[k + 1][0]] for k in range(len(spans) - 1)]
        self.prefix = text[: spans[0][0]] if spans else text
        self.suffix = text[spans[-1][1]:] if spans else ""

    def rewrite(self, blocks) -> str:
        new = normalize(blocks)
        if new == self.blocks:
            return self.text
        if not new:
            return ""
        if not self.slices:
            return write(new)  # nothing stored to keep (a blank answer)
        canonical, canonical_seps = _pieces(new)
        pieces: list[str] = []
        origin: list[int | None] = []  # the stored block each new block stands in for (None: new)
        for i, j in _align(self.blocks, new):
            if i is None:
                pieces.append(canonical[j])
            elif self.blocks[i] == new[j]:
                pieces.append(self.slices[i])
            else:
                pieces.append(self._respell(self.blocks[i], new[j], canonical[j], self.slices[i]))
            origin.append(i)
        for keep_seps in (True, False):
            seps = [self.seps[a] if keep_seps and a is not None and b == a + 1 else canonical_seps[k]
                    for k, (a, b) in enumerate(zip(origin, origin[1:]))]
            text = self.prefix + _join(pieces, seps) + self.suffix
            if parse(text) == new or normalize(parse(text)) == new:
                return text
        return write(new)

    @staticmethod
    def _respell(old: Block, new: Block, canonical: str, stored: str) -> str:
        """An edited block that is still the same kind of block at the same level keeps its stored marker and
        indentation; only its text is written anew."""
        if (old.kind, old.level, old.start) != (new.kind, new.level, new.start) or new.kind == "p":
            return canonical
        m = _ITEM.match(stored.split("\n", 1)[0])
        if not m:
            return canonical
        first = stored[: m.start(3)] if m.group(3) else m.group(1) + m.group(2) + " "
        return _item_text(first, " " * len(first), inline(new.runs, in_item=True))


def _align(old: list[Block], new: list[Block]) -> list[tuple[int | None, int]]:
    """(stored index or None, new index) for each new block: the unchanged start and end match by position
    (typing changes one block), the changed middle block for block where the counts agree, else by content."""
    n = min(len(old), len(new))
    head = 0
    while head < n and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < n - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    pairs: list[tuple[int | None, int]] = [(k, k) for k in range(head)]
    a, b = old[head:len(old) - tail], new[head:len(new) - tail]
    if len(a) == len(b):
        pairs += [(head + k, head + k) for k in range(len(b))]
    else:
        import difflib  # only here: an export or an import never loads it
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            for k in range(j2 - j1):
                stands_for = i1 + k if op in ("equal", "replace") and k < i2 - i1 else None
                pairs.append((None if stands_for is None else head + stands_for, head + j1 + k))
    pairs += [(len(old) - tail + k, len(new) - tail + k) for k in range(tail)]
    return pairs


# == other formats ===================================================================================

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
    """The answer without markup: what a reader sees, for plain-text uses (CSV notes, checks, Find)."""
    lines = []
    for block in parse(text):
        prefix = "  " * block.level + ("- " if block.kind == "bullet" else "1. " if block.kind == "number" else "")
        lines.append(prefix + block.text)
    return "\n".join(lines)


def embolden(runs) -> tuple[Run, ...]:
    """The same runs in bold (a heading imported as a paragraph)."""
    return tuple(Run(r.text, True, r.italic, r.url) for r in runs)


def slice_runs(runs, start: int, end: int | None = None) -> tuple[Run, ...]:
    """The runs covering text[start:end] of their joined text."""
    out, pos = [], 0
    for r in runs:
        a, b = max(start, pos), min(len(r.text) + pos, end if end is not None else len(r.text) + pos)
        if a < b:
            out.append(Run(r.text[a - pos:b - pos], r.bold, r.italic, r.url))
        pos += len(r.text)
    return tuple(out)

"""Write formatted text (from Word runs or HTML) as the Markdown subset that `richtext` reads back.

Importers produce one canonical spelling, so `richtext.parse(write(x))` gives back the same runs and an
import of an export gives back the same answer: literal `\\ * _ [ ]` are escaped, so are `<` before a URL
and a line start that would read as a list item ("- ", "2024. "); bold is `**`, italic `*` (or `_` right
after a bold close), a link is `[text](url)` or the bare URL when the text is the URL itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPE = re.compile(r"([\\*_\[\]])")
_AUTOLINK_START = re.compile(r"<(?=(?:https?|mailto):)", re.I)
_ITEM_START = re.compile(r"^(\s*)(?:([-+])|(\d{1,9})([.)]))(?=\s|$)")
_BARE = re.compile(r"https?://[^\s<>\"]+")
_URL_UNSAFE = {" ": "%20", "<": "%3C", ">": "%3E", "(": "%28", ")": "%29", "\n": "", "\t": ""}


@dataclass(frozen=True)
class Segment:
    """A stretch of text with one formatting; "\\n" is a soft line break."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


def escape(text: str) -> str:
    """Literal text as Markdown that reads back as the same text."""
    text = _ESCAPE.sub(r"\\\1", text)
    return _AUTOLINK_START.sub(r"\\<", text)


def escape_line_starts(md: str) -> str:
    """Escape a line start that richtext would read as a list item: "- x" -> "\\- x", "1. x" -> "1\\. x"."""
    return "\n".join(_ITEM_START.sub(_escape_marker, line) for line in md.split("\n"))


def _escape_marker(m: re.Match) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"


def inline(segments: list[Segment]) -> str:
    """The Markdown of a paragraph's segments (without list marker), line starts escaped."""
    merged = _merge(segments)
    out: list[str] = []
    i = 0
    while i < len(merged):
        if merged[i].link:
            j = i
            while j < len(merged) and merged[j].link == merged[i].link:
                j += 1
            out.append(_link(merged[i:j], "".join(out)))
            i = j
        else:
            out.append(_emphasis(merged[i], "".join(out)[-1:], merged[i + 1].text[:1] if i + 1 < len(merged) else ""))
            i += 1
    md = "".join(out).replace("\t", " ")
    lines = [line.strip(" ") for line in md.split("\n")]
    return escape_line_starts("\n".join(lines)).strip("\n")


def _merge(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for s in segments:
        if not s.text:
            continue
        if s.text.isspace() and "\n" not in s.text and not s.link:
            s = Segment(s.text)  # formatting on spaces is invisible: keep the markers tight
        if out and (out[-1].bold, out[-1].italic, out[-1].link) == (s.bold, s.italic, s.link):
            out[-1] = Segment(out[-1].text + s.text, s.bold, s.italic, s.link)
        else:
            out.append(s)
    return out


def _emphasis(s: Segment, before: str, after: str) -> str:
    if not (s.bold or s.italic):
        return escape(s.text)
    lines = s.text.split("\n")  # markers never span a line break, so each line stays readable alone
    return "\n".join(_wrap(line, s.bold, s.italic, before if k == 0 else "", after) for k, line in enumerate(lines))


def _wrap(text: str, bold: bool, italic: bool, before: str, after: str) -> str:
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    body = escape(core)
    if italic:
        mark = "_" if (before == "*" and not lead and not bold and not (after[:1].isalnum() and not trail)) else "*"
        body = f"{mark}{body}{mark}"
    if bold:
        body = f"**{body}**"
    return f"{lead}{body}{trail}"


def _link(segments: list[Segment], before: str) -> str:
    url = segments[0].link
    text = "".join(s.text for s in segments)
    if text == url and _BARE.fullmatch(url) and not re.search(r"[.,;:!?'*_)]$", url) \
            and not (before[-1:].isalnum() or before[-1:] in "/=") and not any(s.bold or s.italic for s in segments):
        return url
    inner = "".join(_emphasis(s, "", "") for s in segments).replace("\n", " ")
    target = "".join(_URL_UNSAFE.get(c, c) for c in url)
    return f"[{inner}]({target})"


def join_blocks(blocks: list[tuple[str, int, str]]) -> str:
    """An answer from (kind, level, markdown) blocks: kind "p", "bullet" or "number:N".

    List items of one list are separated by a newline and indented two spaces per level; everything
    else by a blank line. A paragraph with level N > 0 belongs to the list item above it at level N - 1.
    """
    out: list[str] = []
    prev = ""
    for kind, level, md in blocks:
        if kind == "p":
            item = "\n".join("  " * level + line for line in md.split("\n"))
        else:
            marker = "-" if kind == "bullet" else f"{kind.split(':')[1]}."
            body = md.replace("\n", "\n" + "  " * level + "  ")
            item = f"{'  ' * level}{marker} {body}".rstrip(" ")
        if out:
            out.append("\n" if kind != "p" and prev != "p" else "\n\n")
        out.append(item)
        prev = kind
    return "".join(out)

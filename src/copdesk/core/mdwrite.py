"""Write formatted text (from Word runs or HTML) as the Markdown subset that `richtext` reads back.

Importers produce one canonical spelling, so `richtext.parse(write(x))` gives back the same runs and an
import of an export gives back the same answer: literal `\\ * _ [ ]` are escaped, so are `<` before a URL
and a line start that would read as a list item ("- ", "2024. "); bold is `**`, italic `*` (or `_` right
after a bold close), a link is `[text](url)` or the bare URL when the text is the URL itself.
"""

from __future__ import annotations

import re

from copdesk.core.records import record

_ESCAPE = re.compile(r"([\\*_\[\]])")
_AUTOLINK_START = re.compile(r"<(?=(?:https?|mailto):)", re.I)
_ITEM_START = re.compile(r"^(\s*)(?:([-+])|(\d{1,9})([.)]))(?=\s|$)")
_BARE = re.compile(r"https?://[^\s<>\"]+")
_URL_UNSAFE = {" ": "%20", "<": "%3C", ">": "%3E", "(": "%28", ")": "%29", "\n": "", "\t": ""}


@record
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
    """The Markdown of a paragraph's segments (without list marker), line starts escaped.

    Neighbouring bold segments share one `**` pair (italic nests inside), so differently formatted
    runs that touch never make a `****` that richtext would misread.
    """
    merged = _merge(segments)
    out: list[str] = []
    i = 0
    while i < len(merged):
        s = merged[i]
        j = i + 1
        if s.link:
            while j < len(merged) and merged[j].link == s.link:
                j += 1
            out.append(_link(merged[i:j], "".join(out)))
        elif s.bold or s.italic:
            while j < len(merged) and not merged[j].link and merged[j].bold == s.bold and \
                    (s.bold or merged[j].italic) and "\n" not in merged[j].text:
                j += 1
            after = merged[j].text[:1] if j < len(merged) else ""
            after = "*" if j < len(merged) and (merged[j].bold or merged[j].italic) and not after.isspace() else after
            out.append(_group(merged[i:j], "".join(out)[-1:], after))
        else:
            out.append(escape(s.text))
        i = j
    md = "".join(out).replace("\t", " ")
    lines = [line.strip(" ") for line in md.split("\n")]
    return escape_line_starts("\n".join(lines)).strip("\n")


def _merge(segments: list[Segment]) -> list[Segment]:
    """Neighbours with the same formatting joined; line breaks and blank stretches made plain."""
    out: list[Segment] = []
    for seg in segments:
        for k, piece in enumerate(seg.text.split("\n")):
            parts = ([Segment("\n")] if k else []) + ([Segment(piece, seg.bold, seg.italic, seg.link)] if piece else [])
            for s in parts:
                if s.text.isspace() and not s.link:
                    s = Segment(s.text)  # formatting on spaces is invisible: keep the markers tight
                if out and (out[-1].bold, out[-1].italic, out[-1].link) == (s.bold, s.italic, s.link):
                    out[-1] = Segment(out[-1].text + s.text, s.bold, s.italic, s.link)
                else:
                    out.append(s)
    return out


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    if not core:
        return text, "", ""
    return text[: len(text) - len(text.lstrip())], core, text[len(text.rstrip()):]


def _mark(core: str, single: str, before: str, after: str, lead: str, trail: str, prefer_underscore: bool) -> str:
    """"*" or "_" (doubled for bold). richtext closes an emphasis at an escaped delimiter too, so italic
    text holding "*" takes "_" (an "_" inside it must be followed by a letter or digit, as in "x_y"), and
    "_" also where "*" would touch another "*". Bold is safe with "**": escaped stars come one by one."""
    free = (lead or not before[-1:].isalnum()) and (trail or not after[:1].isalnum()) and \
        all(core[i + 1:i + 2].isalnum() for i, ch in enumerate(core) if ch == "_")
    use = free and (prefer_underscore or ("*" in core and len(single) == 1))
    return ("_" if use else "*") * len(single)


def _group(segments: list[Segment], before: str, after: str) -> str:
    """Bold (with italic stretches inside) or italic text, whitespace kept outside the markers."""
    text = "".join(s.text for s in segments)
    lead, core, trail = _split_space(text)
    if not core:
        return escape(text)
    if not segments[0].bold:
        mark = _mark(core, "*", before, after, lead, trail, before[-1:] == "*" or after[:1] == "*")
        return f"{lead}{mark}{escape(core)}{mark}{trail}"
    inner: list[str] = []
    for k, s in enumerate(segments):
        if not s.italic:
            inner.append(escape(s.text))
            continue
        ilead, icore, itrail = _split_space(s.text)
        prev = "".join(inner)[-1:] or "*"
        nxt = segments[k + 1].text[:1] if k + 1 < len(segments) else "*"
        mark = _mark(icore, "*", prev, nxt, ilead, itrail, False) if icore else ""
        inner.append(f"{ilead}{mark}{escape(icore)}{mark}{itrail}")
    body = "".join(inner).strip()
    mark = _mark(core, "**", before, after, lead, trail, before[-1:] == "*" or after[:1] == "*")
    return f"{lead}{mark}{body}{mark}{trail}"


def _link(segments: list[Segment], before: str) -> str:
    url = segments[0].link
    text = "".join(s.text for s in segments)
    if text == url and _BARE.fullmatch(url) and not re.search(r"[.,;:!?'*_)]$", url) \
            and not (before[-1:].isalnum() or before[-1:] in "/=") and not any(s.bold or s.italic for s in segments):
        return url
    inner = _plain_or_group(segments).replace("\n", " ")
    target = "".join(_URL_UNSAFE.get(c, c) for c in url)
    return f"[{inner}]({target})"


def _plain_or_group(segments: list[Segment]) -> str:
    """The link text: formatted stretches as groups, plain text escaped."""
    plain = [Segment(s.text, s.bold, s.italic) for s in segments]
    return inline(plain) if plain else ""


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

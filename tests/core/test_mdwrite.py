"""The Markdown importers write reads back, through richtext, as the same text and formatting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copdesk.core import html_md, mdwrite, richtext

WORDS = ["alpha", "a*b", "x_y", "[n]", "C:\\p", "<b>", "<x", "-", "2024.", "1)", "é", "`c`", "#t", "**"]


def _runs(segments):
    out = []
    for s in mdwrite._merge(segments):
        key = (s.bold, s.italic, s.link)
        if out and out[-1][1:] == key:
            out[-1] = (out[-1][0] + s.text, *key)
        else:
            out.append((s.text, *key))
    return out


@st.composite
def segments(draw):
    out = []
    for i in range(draw(st.integers(1, 5))):
        if i:
            out.append(mdwrite.Segment(draw(st.sampled_from([" ", "\n"]))))
        kind = draw(st.sampled_from(["", "b", "i", "bi", "a"]))
        text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)))
        out.append(mdwrite.Segment(text, "b" in kind, "i" in kind, "https://e.org/x" if kind == "a" else ""))
    return out


@settings(max_examples=300, deadline=None)
@given(segments())
def test_inline_reads_back_as_the_same_runs(segs):
    md = mdwrite.inline(segs)
    got = [(r.text, r.bold, r.italic, r.url) for r in richtext.parse_inline(md)]
    assert got == _runs(segs), md


def test_escapes_and_line_starts():
    assert mdwrite.inline([mdwrite.Segment("- not a list * or _ or [x] \\")]) == "\\- not a list \\* or \\_ or \\[x\\] \\\\"
    assert mdwrite.inline([mdwrite.Segment("2024. was a year\n+ more")]) == "2024\\. was a year\n\\+ more"
    assert mdwrite.inline([mdwrite.Segment("a*b", italic=True)]) == "_a\\*b_"
    assert mdwrite.inline([mdwrite.Segment("see "), mdwrite.Segment("https://x.org/a", link="https://x.org/a")]) == \
        "see https://x.org/a"
    assert mdwrite.inline([mdwrite.Segment("x", link="https://x.org/a b(1)")]) == "[x](https://x.org/a%20b%281%29)"


def test_bold_then_italic_touching():
    segs = [mdwrite.Segment("Facebook", bold=True), mdwrite.Segment("only", italic=True), mdwrite.Segment(": text")]
    md = mdwrite.inline(segs)
    assert [(r.text, r.bold, r.italic) for r in richtext.parse_inline(md)] == [
        ("Facebook", True, False), ("only", False, True), (": text", False, False)]


def test_join_blocks_nests_lists_and_paragraphs():
    md = mdwrite.join_blocks([("p", 0, "Intro"), ("bullet", 0, "a"), ("bullet", 1, "b"), ("p", 2, "inside b"),
                              ("number:1", 0, "one"), ("number:2", 0, "two"), ("p", 0, "end")])
    assert md == "Intro\n\n- a\n  - b\n\n    inside b\n\n1. one\n2. two\n\nend"
    kinds = [(b.kind, b.level) for b in richtext.parse(md)]
    assert kinds == [("p", 0), ("bullet", 0), ("bullet", 1), ("p", 2), ("number", 0), ("number", 0), ("p", 0)]


def test_html_answers():
    html = ('<p>We <strong>act</strong> &amp; <em>report</em><br>daily.</p><h3>Facebook</h3>'
            '<ol start="3"><li>three<ul><li>sub</li></ul></li><li>four</li></ol><script>x()</script>'
            '<table><tr><td>Austria</td><td>1,234</td></tr></table>')
    assert html_md.to_markdown(html) == ("We **act** & *report*\ndaily.\n\n**Facebook**\n\n3. three\n  - sub\n"
                                         "4. four\n\nAustria | 1,234")
    assert html_md.to_markdown("") == "" and html_md.to_text("<p>a</p><p>b &lt; c</p>") == "a b < c"

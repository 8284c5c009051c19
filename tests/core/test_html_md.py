"""HTML answers (Transparency Centre `sig_value`) into the one dialect, and back out through to_html."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copdesk.core.markdown import html as html_md
from copdesk.core.markdown.dialect import Block, Run, normalize, parse, to_html, write

# HTML collapses runs of spaces and tabs, so the words here have single spaces only.
WORDS = ["alpha", "a*b", "x_y", "[n]", "C:\\p", "<b>", "<x", "-", "2024.", "1)", "é", "`c`", "#t", "**", "&amp;",
         "Reach < 5%", "> q"]
URLS = ["https://example.org/a", "https://example.org/a_(b)", "mailto:team@example.org"]


@st.composite
def documents(draw):
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        runs = []
        for i in range(draw(st.integers(1, 4))):
            if i:
                runs.append(Run(draw(st.sampled_from([" ", "\n"]))))
            kind = draw(st.sampled_from(["", "b", "i", "bi", "a"]))
            text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)))
            runs.append(Run(text, "b" in kind, "i" in kind, draw(st.sampled_from(URLS)) if kind == "a" else ""))
        blocks.append(Block(draw(st.sampled_from(["p", "bullet", "bullet", "number"])), tuple(runs),
                            draw(st.integers(0, 2)), draw(st.integers(0, 3))))
    return blocks


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_html_export_then_import_keeps_formatting_lists_and_breaks(doc):
    md = write(doc)
    assert parse(html_md.to_markdown(to_html(md))) == normalize(doc), md


def test_html_answers():
    html = ('<p>We <strong>act</strong> &amp; <em>report</em><br>daily.</p><h3>Facebook</h3>'
            '<ol start="3"><li>three<ul><li>sub</li></ul></li><li>four</li></ol><script>x()</script>'
            '<table><tr><td>Austria</td><td>1,234</td></tr></table>')
    assert html_md.to_markdown(html) == ("We **act** & *report*\ndaily.\n\n**Facebook**\n\n3. three\n  - sub\n"
                                         "4. four\n\nAustria | 1,234")
    assert html_md.to_markdown("") == "" and html_md.to_text("<p>a</p><p>b &lt; c</p>") == "a b < c"


def test_literal_markup_in_html_is_escaped_only_where_it_would_read_as_markup():
    assert html_md.to_markdown("<p>5 * 3, file_name, *stars*, - dash, Reach &lt; 5%</p>") == \
        "5 * 3, file_name, \\*stars\\*, - dash, Reach < 5%"
    assert html_md.to_markdown("<p>- not a list</p>") == "\\- not a list"

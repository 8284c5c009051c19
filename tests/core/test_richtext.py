"""The Markdown subset of answers: blocks, list levels, inline runs, HTML."""

from __future__ import annotations

import pytest

from copdesk.core.richtext import Run, parse, parse_inline, to_html


def shape(text):
    return [(b.kind, b.level, b.text) for b in parse(text)]


def test_paragraphs_and_soft_breaks():
    assert shape("one\ntwo\n\nthree") == [("p", 0, "one\ntwo"), ("p", 0, "three")]
    assert shape("hard  \nbreak\\\nhere") == [("p", 0, "hard\nbreak\nhere")]
    assert parse("") == [] and parse(" \n\n  ") == []


@pytest.mark.parametrize("indent", [2, 4])
def test_nested_bullets_by_two_or_four_spaces(indent):
    pad = " " * indent
    text = f"- a\n{pad}- b\n{pad * 2}- c\n{pad}* d\n+ e"
    assert shape(text) == [("bullet", 0, "a"), ("bullet", 1, "b"), ("bullet", 2, "c"), ("bullet", 1, "d"),
                           ("bullet", 0, "e")]


def test_one_space_is_a_sibling_as_in_filed_reports():
    assert shape("- a\n - b\n - c") == [("bullet", 0, "a"), ("bullet", 0, "b"), ("bullet", 0, "c")]


def test_numbered_lists_restart_and_keep_their_start():
    blocks = parse("1. one\n2. two\n\ntext\n\n3. three")
    assert [(b.kind, b.start) for b in blocks] == [("number", 1), ("number", 0), ("p", 0), ("number", 3)]


def test_a_number_inside_a_paragraph_is_not_a_list():
    assert shape("it happened in\n2024. Then more") == [("p", 0, "it happened in\n2024. Then more")]
    assert shape("text\n- item") == [("p", 0, "text"), ("bullet", 0, "item")]


def test_paragraph_inside_a_list_item_is_indented():
    assert shape("- a\n\n  more about a\n\nafter") == [("bullet", 0, "a"), ("p", 1, "more about a"), ("p", 0, "after")]


def test_bold_italic_links_and_escapes():
    runs = parse_inline("a **b** *c* _d_ snake_case [e](https://x.org/e) <https://x.org/f> https://x.org/g. \\*h\\*")
    assert runs == [Run("a "), Run("b", bold=True), Run(" "), Run("c", italic=True), Run(" "), Run("d", italic=True),
                    Run(" snake_case "), Run("e", url="https://x.org/e"), Run(" "),
                    Run("https://x.org/f", url="https://x.org/f"), Run(" "), Run("https://x.org/g", url="https://x.org/g"),
                    Run(". *h*")]


def test_nested_emphasis_and_unclosed_marks():
    assert parse_inline("**bold *both***") == [Run("bold ", bold=True), Run("both", bold=True, italic=True)]
    assert parse_inline("2 * 3 * 4 and **open") == [Run("2 * 3 * 4 and **open")]
    assert parse_inline("[**bold link**](https://x.org)") == [Run("bold link", bold=True, url="https://x.org")]


def test_html_for_the_transparency_centre():
    text = "Intro with **bold** & <b>tags</b>\nline two\n\n- a\n  - b\n- c\n\n1. x\n2. y"
    assert to_html(text) == ("<p>Intro with <strong>bold</strong> &amp; &lt;b&gt;tags&lt;/b&gt;<br>line two</p>"
                             "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><ol><li>x</li><li>y</li></ol>")
    assert to_html("see [a](https://x.org/?a=1&b=2)") == '<p>see <a href="https://x.org/?a=1&amp;b=2">a</a></p>'
    assert to_html("") == ""


def test_a_megabyte_answer_parses_quickly():
    import time
    text = ("Some **bold** words and a [link](https://x.org). " * 20 + "\n\n") * 1000
    start = time.perf_counter()
    blocks = parse(text)
    assert len(blocks) == 1000 and time.perf_counter() - start < 5


@pytest.mark.parametrize("piece", ["*a ", "**a ", "_a ", "***a ", "[a ", "<a "])
def test_unclosed_marks_stay_linear(piece):
    import time
    text = piece * 30000
    start = time.perf_counter()
    assert [b.text for b in parse(text)] == [text.strip()]
    assert time.perf_counter() - start < 2  # it was minutes when every lone star searched to the end


def test_an_escaped_star_does_not_close_emphasis():
    from copdesk.core.richtext import parse
    runs = [(r.text, r.bold, r.italic) for b in parse(r"*it \* x* and **a \* b**") for r in b.runs]
    assert runs == [("it * x", False, True), (" and ", False, False), ("a * b", True, False)]
    assert [(r.text, r.italic) for b in parse("*a\\\\*") for r in b.runs] == [("a\\", True)]

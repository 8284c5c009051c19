"""The word-level redline (Compare, the comparison export, review-import's suggestions)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copdesk.core.review.diff import redline

WORDS = st.lists(st.sampled_from(["a", "b", "ads", "1,234", " ", "  ", "\n", "\n\n", "**x**", "é"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_redline_rebuilds_both_texts_and_marks_only_what_changed(old, new):
    old, new = "".join(old), "".join(new)
    pieces = redline(old, new)
    assert "".join(t for op, t in pieces if op != "+") == old
    assert "".join(t for op, t in pieces if op != "-") == new
    assert all(t for _, t in pieces)
    if old == new:
        assert all(op == "=" for op, _ in pieces)


def test_a_word_changed_in_a_long_answer():
    old = " ".join(f"word{i}" for i in range(300))
    new = old.replace("word150", "changed")
    assert redline(old, new) == [("=", old.split("word150")[0]), ("-", "word150"), ("+", "changed"),
                                 ("=", old.split("word150")[1])]

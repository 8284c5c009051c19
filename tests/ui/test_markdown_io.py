"""The editor's document written as copdesk Markdown: no wrapping, lists, formats, escapes, line breaks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from copdesk.core.richtext import parse
from copdesk.ui.markdown_io import for_editor, to_markdown


def _round(stored: str) -> str:
    doc = QTextDocument()
    doc.setMarkdown(for_editor(stored))
    return to_markdown(doc)


@pytest.mark.parametrize("stored", [
    "A paragraph well over eighty characters long, which Qt's own writer would wrap in the middle of it.",
    "First paragraph.\n\nSecond with **bold**, *italic* and [a link](https://example.org/x).",
    "Intro:\n\n- one\n  - nested\n- two",
    "1. first\n2. second",
    "Stars * and _underscores_ as typed: 5 * 3, file_name, [not a link]",
])
def test_round_trip_keeps_meaning(qapp, stored):
    assert _round(stored) == stored or [b.text for b in parse(_round(stored))] == [b.text for b in parse(stored)]
    assert "\n" not in _round(stored).split("\n\n")[0] or stored.startswith(("Intro", "1."))


def test_line_breaks_are_kept_as_lines(qapp):
    out = _round("Nr of participants: 450\nReach of campaigns: 500,000.")
    assert [b.text for b in parse(out)] == ["Nr of participants: 450", "Reach of campaigns: 500,000."]


def test_literal_markdown_characters_are_escaped(qapp):
    doc = QTextDocument()
    doc.setPlainText("- not a list\n2024. a year\n*stars*")
    blocks = parse(to_markdown(doc))
    assert [b.text for b in blocks] == ["- not a list", "2024. a year", "*stars*"]
    assert all(b.kind == "p" for b in blocks)

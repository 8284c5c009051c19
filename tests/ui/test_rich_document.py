"""The editor's side of the one dialect: stored text -> editor -> stored text (ui/rich_document.py with
core.markdown.dialect). Property tests on real QTextDocuments: nothing changes when the user changes nothing; an
edit changes only the edited paragraph; what the editor shows is what the text says."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument

from copdesk.core.markdown.dialect import Source, normalize, parse
from copdesk.ui import rich_document
from tests.core.test_markdown import LINES, documents

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def shown(blocks) -> QTextDocument:
    doc = QTextDocument()
    rich_document.fill(doc, blocks)
    return doc


@st.composite
def stored_texts(draw):
    return "\n".join(draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=12)))


@SETTINGS
@given(documents())
def test_the_editor_shows_what_the_text_says(qapp, doc):
    assert normalize(rich_document.read(shown(normalize(doc)))) == normalize(doc)


@SETTINGS
@given(stored_texts())
def test_stored_text_through_the_editor_is_identical_when_nothing_changes(qapp, text):
    assert Source(text).rewrite(rich_document.read(shown(parse(text)))) == text


@SETTINGS
@given(stored_texts(), st.data())
def test_typing_in_one_paragraph_changes_only_that_paragraph(qapp, text, data):
    source = Source(text)
    assume(source.slices)
    doc = shown(parse(text))
    shown_blocks = [b for b in rich_document.read(doc)]
    # the document's blocks that the dialect keeps, in order, are the stored blocks
    kept = [i for i, b in enumerate(shown_blocks) if normalize([b])]
    assume(len(kept) == len(source.blocks))
    k = data.draw(st.integers(0, len(kept) - 1))
    cursor = QTextCursor(doc.findBlockByNumber(kept[k]))
    cursor.movePosition(QTextCursor.EndOfBlock)
    cursor.insertText(data.draw(st.sampled_from([" edited", " x_y", " *", " 5 < 6"])))
    out = source.rewrite(rich_document.read(doc))
    after = Source(out)
    assume(len(after.slices) == len(source.slices))
    assert [i for i, (a, b) in enumerate(zip(source.slices, after.slices)) if a != b] == [k], (text, out)


def test_the_issue_examples_survive_an_edit_elsewhere(qtbot, new_report):
    """Stored text of every kind the issue names, in a real editor: typing in the last paragraph changes
    only that paragraph (italic with underscores, __bold__, backticks, quotes, headings, strike-through and
    "<" are kept exactly as stored)."""
    from PySide6.QtGui import QUndoStack
    from copdesk.ui.fields import RichTextField
    from copdesk.ui.session import DraftSession
    stored = ("Our _trusted flaggers_ programme\n\n__key__ figures and `code`\n\n> quoted\n\n# Heading\n\n"
              "~~struck~~\n\nReach < 5%\n\n* star bullet\n    * four-space child\n\nLast")
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", stored)
    session = DraftSession(r)
    editor = RichTextField(session, QUndoStack(), "QRE 12.1.1", "QRE 12.1.1")
    qtbot.addWidget(editor)
    editor.show()
    assert editor.markdown() == stored  # shown, nothing typed: the same text
    italic = [f for f in rich_document.read(editor.document())[0].runs if f.italic]
    assert [f.text for f in italic] == ["trusted flaggers"]
    editor.setFocus()
    editor.moveCursor(QTextCursor.End)
    qtbot.keyClicks(editor, " word")
    assert editor.markdown() == stored + " word"
    assert session.text("QRE 12.1.1") == stored + " word"
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.keyClicks(editor, "- new item")
    assert session.text("QRE 12.1.1") == stored + " word\n\n- new item"


def test_pasting_html_keeps_lists_links_bold_and_drops_fonts(qtbot):
    blocks = normalize(rich_document.from_html(
        '<p><span style="font-family:Arial;color:red">Plain</span> <b>bold</b> <a href="https://e.org">link</a></p>'
        '<ul><li>one<ul><li>nested</li></ul></li></ul><h2>Heading</h2>'))
    assert [(b.kind, b.level) for b in blocks] == [("p", 0), ("bullet", 0), ("bullet", 1), ("p", 0)]
    assert [(r.text, r.bold, r.url) for r in blocks[0].runs] == [("Plain ", False, ""), ("bold", True, ""),
                                                               (" ", False, ""), ("link", False, "https://e.org")]
    assert all(r.bold for r in blocks[3].runs)


def test_numbered_lists_keep_their_start_and_line_breaks_stay_line_breaks(qapp):
    text = "3. three\n4. four\n\nfirst line\nsecond line"
    doc = shown(parse(text))
    assert doc.blockCount() == 3
    assert Source(text).rewrite(rich_document.read(doc)) == text
    assert normalize(rich_document.read(doc)) == [b for b in parse(text)]

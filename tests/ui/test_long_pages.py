"""Long pages: the first screen is built before the page shows and the rest just after, in order; nothing is
lost on the way (the editors, jumps to an answer far down, the spelling of answers out of sight)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from copdesk.ui import spell
from copdesk.ui.sli_table import SliTableField
from tests.ui.test_drafting import _saved, goto


def _long_crisis_section(report, template, tables: int = 8) -> list[str]:
    """Sub-section 1 with `tables` SLIs (and their chapters); returns the SLI codes in page order."""
    sid = report.add_crisis_section("Elections")
    slis = [e.code for ch in template.chapters for c in ch.commitments for m in c.measures for e in m.elements
            if e.kind == "sli"][:tables]
    for code in slis:
        report.add_crisis_item(sid, template.chapter_of(code).code)
        report.add_crisis_item(sid, code)
    return [i for i in report.crisis_sections()[0].items if i.startswith("SLI ")]


def test_the_rest_of_a_long_page_is_built_after_it_shows_in_order(qtbot, new_report, open_window, template):
    r = new_report(measures=["16.1"])
    slis = _long_crisis_section(r, template)
    w = open_window(r)
    w.show_step("Crisis 1")
    page = w.page
    assert page.blocks.waiting > 0  # not everything before the first paint
    qtbot.waitUntil(lambda: page.blocks.waiting == 0, timeout=5000)
    shown = [page.lay.itemAt(i).widget() for i in range(page.lay.count())]
    tables = [x.code for x in shown if isinstance(x, SliTableField)]
    assert tables == [f"Crisis 1/{code}" for code in slis]
    assert shown[-1].isAncestorOf(page.choice)  # "Add block" stays last
    assert {f"Crisis 1/{code} table" for code in slis} <= set(page.editors)


def test_a_page_left_before_it_was_built_builds_nothing_more(qtbot, new_report, open_window, template):
    # A person paging on quickly: the rest of a page they left is not built for nothing while the next shows.
    r = new_report(measures=["16.1"])
    _long_crisis_section(r, template)
    w = open_window(r)
    w.show_step("Crisis 1")
    left = w.page
    assert left.blocks.waiting > 0
    w.show_step("Measure 16.1")
    assert left.blocks.waiting == 0  # dropped at once, before the event loop could build any of it
    qtbot.waitUntil(lambda: w.page.blocks.waiting == 0, timeout=3000)  # the new page is built in full


def test_a_jump_to_an_answer_not_built_yet_builds_it_and_scrolls_there(qtbot, new_report, open_window, template):
    r = new_report(measures=["16.1"])
    last = f"Crisis 1/{_long_crisis_section(r, template)[-1]}"
    w = open_window(r)
    w.jump_to(last + " table")
    table = w.page.editors[last + " table"]
    assert table.view.hasFocus() or QApplication.focusWidget() is table.view
    qtbot.waitUntil(lambda: w.page.verticalScrollBar().value() > 0 and not table.visibleRegion().isEmpty(),
                    timeout=3000)
    qtbot.wait(200)
    assert not table.visibleRegion().isEmpty()  # still there once the page has settled
    table.model.setData(table.model.index(0, 0), "17")
    _saved(qtbot, w)
    assert w.session.table(last)[1][1] == "17"


def test_answers_out_of_sight_are_spell_checked_once_they_are_shown(qtbot, new_report, open_window, template):
    checker = spell.checker()
    checker.wait()
    r = new_report(measures=["16.1"])
    last = f"Crisis 1/{_long_crisis_section(r, template)[-1]}"
    r.set_text(last, "We recieve the figures monthly.")
    w = open_window(r)
    goto(qtbot, w, "Crisis 1")
    editor = w.page.editors[last]
    top = w.page.editors["Crisis 1/threats"]
    qtbot.waitUntil(lambda: top.spell.attached, timeout=2000)  # SPELL_AFTER_MS after its first paint
    assert not editor.spell.attached  # nobody has seen it yet: nothing checked
    w.page.focus(last)  # as a jump from the checks panel does
    qtbot.waitUntil(lambda: editor.spell.misspelt_words() == ["recieve"], timeout=3000)
    assert not editor.visibleRegion().isEmpty()


def test_a_long_answer_is_shown_in_full_at_the_width_of_the_page(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", " ".join(["One sentence about our policy, long enough to wrap."] * 30))
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    editor = w.page.editors["QRE 12.1.1"]

    def in_full() -> bool:
        return (editor.verticalScrollBar().maximum() == 0
                and editor.viewport().height() >= editor.document().size().height())

    qtbot.waitUntil(in_full, timeout=2000)  # no scrollbar inside the answer
    wide = editor.height()
    assert wide > 150
    w.resize(w.width() - 300, w.height())  # narrower: more lines, a taller field
    qtbot.waitUntil(lambda: in_full() and editor.height() > wide, timeout=2000)



def test_a_new_comment_reloads_the_page_where_it_was(qtbot, new_report, open_window, template, monkeypatch):
    """Adding a comment far down a long page shows the new count without jumping back to the top."""
    from copdesk.ui import ask
    from copdesk.ui import settings
    settings.set_user("Lena Legal", "LL")
    r = new_report(measures=["16.1"])
    last = f"Crisis 1/{_long_crisis_section(r, template)[-1]}"
    w = open_window(r)
    w.show_step("Crisis 1")
    qtbot.waitUntil(lambda: w.page.blocks.waiting == 0, timeout=5000)
    bar = w.page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 400, timeout=3000)
    bar.setValue(bar.maximum() - 10)
    where = bar.value()
    monkeypatch.setattr(ask, "text", lambda *a, **k: ("Source for these figures?", True))
    w.review.on_comment_requested(last)
    qtbot.waitUntil(lambda: "1 open" in w.page.comment_buttons[last].text(), timeout=3000)
    qtbot.waitUntil(lambda: w.page.verticalScrollBar().value() == where, timeout=3000)
    qtbot.wait(100)
    assert w.page.verticalScrollBar().value() == where  # and it stays there


def test_a_long_answer_shows_all_its_text_and_the_page_follows_the_typing(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    text = "\n\n".join(f"Paragraph {i}: we describe our policy in detail, with its exceptions." for i in range(60))
    r.set_text("QRE 12.1.1", text)
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    editor = w.page.editors["QRE 12.1.1"]
    qtbot.waitUntil(lambda: editor.height() > 1000, timeout=2000)  # as tall as its text: no box to scroll
    qtbot.wait(100)  # laid out and painted
    assert editor.verticalScrollBar().maximum() == 0 and w.page.verticalScrollBar().value() == 0
    assert editor.cursorForPosition(editor.viewport().rect().topLeft()).block().text().startswith("Paragraph 0:")
    editor.setFocus()
    editor.moveCursor(QTextCursor.End)
    qtbot.keyClicks(editor, " More.")
    assert editor.markdown().endswith("with its exceptions. More.")
    cursor = editor.viewport().mapTo(w.page.viewport(), editor.cursorRect().center())
    assert w.page.verticalScrollBar().value() > 0 and w.page.viewport().rect().contains(cursor)  # the page followed

"""Keyboard use: Tab goes from answer to answer (never to a comment or column button), focus is visible
on every control, and the name prompt does not take keystrokes meant for an answer."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton

from copdesk.ui.focus_ring import FocusRing
from tests.ui.test_drafting import goto


def _tab(qtbot, times: int = 1):
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    return QApplication.focusWidget()


def _settled(qtbot, w):
    # painted, Tab order settled, and every block built (a table comes right after the first paint)
    qtbot.waitUntil(lambda: w.page._tab_settled and w.findChild(FocusRing) is not None and not w.page.blocks.waiting,
                    timeout=3000)


def test_tab_goes_from_answer_to_answer_on_the_header(qtbot, new_report, open_window):
    w = open_window(new_report(kind="platform"))
    _settled(qtbot, w)
    editors = w.page.editors
    editors["header.signatory"].setFocus()
    order = [_tab(qtbot) for _ in range(6)]
    assert order == [editors[c] for c in ("header.kind", "header.services", "header.title", "header.period_start",
                                          "header.period_end", "header.description")]
    assert all(b.focusPolicy() == Qt.NoFocus for b in w.page.comment_buttons.values())
    after = _tab(qtbot)  # the last answer: Tab leaves the page, it does not come back to its top
    assert not w.page.isAncestorOf(after) and not isinstance(after, type(w.page.status_choice))


def test_tab_on_a_measure_page_skips_the_table_buttons(qtbot, new_report, open_window):
    w = open_window(new_report(measures=["14.1"]))
    goto(qtbot, w, "Measure 14.1")
    _settled(qtbot, w)
    editors = w.page.editors
    editors["QRE 14.1.2"].setFocus()
    assert _tab(qtbot) is editors["SLI 14.1.1"]
    assert _tab(qtbot) is editors["SLI 14.1.1 table"].view  # its cells, not "Add column…"
    assert not w.page.isAncestorOf(_tab(qtbot))  # Tab leaves the table (arrows move inside it)
    table = editors["SLI 14.1.1 table"]
    assert all(b.focusPolicy() == Qt.NoFocus for b in table.buttons)


def test_a_table_built_after_the_paint_still_follows_the_answer_above_it(qtbot, new_report, open_window):
    # Qt puts a new widget at the end of the window's Tab chain: a widget the window makes while the page is
    # still being built (a side panel filling in) must not come between an answer and the table after it.
    w = open_window(new_report(measures=["14.1"]))
    w.show_step("Measure 14.1")
    assert w.page.blocks.waiting  # the table is built after the first paint
    meanwhile = QPushButton("made meanwhile", w.centralWidget())
    meanwhile.show()
    _settled(qtbot, w)
    editors = w.page.editors
    editors["SLI 14.1.1"].setFocus()
    assert _tab(qtbot) is editors["SLI 14.1.1 table"].view


def test_the_status_box_comes_before_the_answers(qtbot, new_report, open_window):
    w = open_window(new_report(measures=["12.1"]))
    goto(qtbot, w, "Commitment 12")
    _settled(qtbot, w)
    w.page.status_choice.setFocus()
    assert _tab(qtbot) is w.page.editors["Commitment 12 Q1"].buttons["Yes"]


def test_focus_is_visible_on_every_control_tab_reaches(qtbot, new_report, open_window):
    r = new_report(measures=["14.1"])
    r.set_text("Commitment 14 Q1", "Yes")
    w = open_window(r)
    goto(qtbot, w, "Commitment 14")
    _settled(qtbot, w)
    ring = w.findChild(FocusRing)
    w.page.status_choice.setFocus(Qt.TabFocusReason)
    seen = set()
    for _ in range(12):
        widget = QApplication.focusWidget()
        if not w.page.isAncestorOf(widget):
            break
        seen.add(type(widget).__name__)
        qtbot.waitUntil(lambda: ring.isVisible(), timeout=1000)
        page = QRect(w.page.viewport().mapTo(w, QPoint(0, 0)), w.page.viewport().size())
        visible = QRect(widget.mapTo(w, QPoint(0, 0)), widget.size()).intersected(page)
        qtbot.waitUntil(lambda: ring.geometry().contains(visible), timeout=1000)  # around what shows of it
        _tab(qtbot)
    assert {"QComboBox", "QRadioButton", "RichTextField"} <= seen
    qtbot.mouseClick(w.page.editors["Commitment 14 Q2"].viewport(), Qt.LeftButton)
    assert not ring.isVisible()  # a click shows where it went by itself


def test_the_name_prompt_does_not_take_keys_meant_for_an_answer(qtbot):
    from copdesk.ui import name_prompt, settings
    prompt = name_prompt.NamePrompt()
    qtbot.addWidget(prompt)
    prompt.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is prompt.name, timeout=1000)
    qtbot.keyClicks(prompt.name, "the rest of the sentence", delay=20)  # still typing the answer
    qtbot.keyClick(prompt.name, Qt.Key_Return)
    assert prompt.name.text() == "" and prompt.isVisible() and settings.user_name() == ""
    assert prompt.swallowed.isVisible() and "not used" in prompt.swallowed.text()
    qtbot.wait(name_prompt.GUARD_MS + 100)  # a pause: the person reads the box
    qtbot.keyClicks(prompt.name, "Ana Ferreira")
    assert prompt.initials.text() == "AF"
    qtbot.keyClick(prompt.name, Qt.Key_Return)
    assert settings.user_name() == "Ana Ferreira" and not prompt.isVisible()


def test_comment_buttons_look_like_buttons(qtbot, new_report, open_window):
    w = open_window(new_report(measures=["12.1"]))
    goto(qtbot, w, "Measure 12.1")
    button = w.page.comment_buttons["QRE 12.1.1"]
    assert isinstance(button, QPushButton) and not button.isFlat()


def test_quit_closes_every_window_and_keeps_what_was_typed(qtbot, new_report, open_window):
    from tests.ui.conftest import reopen
    from tests.ui.test_drafting import focus_qre
    first = open_window(new_report(measures=["12.1"], name="a.copdesk"))
    second = open_window(new_report(measures=["12.1"], name="b.copdesk"))
    editor = focus_qre(qtbot, second)
    qtbot.keyClicks(editor, "typed just before quitting")
    assert second.quit_action.shortcut().matches(QKeySequence(QKeySequence.Quit)) == QKeySequence.ExactMatch
    second.quit_action.trigger()
    assert not first.isVisible() and not second.isVisible()
    with reopen(second.session.report.path) as r:
        assert r.text("QRE 12.1.1") == "typed just before quitting"


def test_tab_on_a_page_built_ahead_goes_from_answer_to_answer(qtbot, new_report, open_window):
    # ui/page_ahead.py builds the next page hidden and apart from the window; shown by Next, its Tab order is
    # the page's own, top to bottom, as for a page built at the switch.
    w = open_window(new_report(measures=["14.1", "14.2"]))
    steps = w.step_keys()
    goto(qtbot, w, steps[steps.index("Measure 14.1") - 1])
    qtbot.waitUntil(lambda: w.ahead.key == "Measure 14.1", timeout=3000)
    ahead = w.ahead.page
    w.go_next()
    assert w.page is ahead
    _settled(qtbot, w)
    editors = w.page.editors
    editors["Measure 14.1"].setFocus()
    assert _tab(qtbot) is editors["QRE 14.1.1"]
    editors["QRE 14.1.2"].setFocus()
    assert _tab(qtbot) is editors["SLI 14.1.1"]
    assert _tab(qtbot) is editors["SLI 14.1.1 table"].view

"""The next page is built while the person reads the current one (ui/page_ahead.py): Next shows it, and it is
never shown once something it shows has changed."""

from __future__ import annotations

import shiboken6

from copdesk.ui import operations
from tests.ui.conftest import reopen
from tests.ui.test_drafting import _saved, goto


def _ahead(qtbot, w, key: str):
    """Wait until the window, left idle, has built the page of `key` ahead; returns it."""
    qtbot.waitUntil(lambda: w.ahead.page is not None and w.ahead.key == key, timeout=3000)
    return w.ahead.page


def test_next_shows_the_page_built_while_this_one_was_read(qtbot, new_report, open_window):
    w = open_window(new_report(measures=["12.1", "12.3"]))
    goto(qtbot, w, "Measure 12.1")
    ahead = _ahead(qtbot, w, "Measure 12.3")
    assert not ahead.isVisible()
    w.go_next()
    assert w.page is ahead and w.current_key() == "Measure 12.3"
    qtbot.waitUntil(lambda: ahead.isVisible() and ahead.widget().height() > 0, timeout=2000)
    assert set(ahead.editors) >= {"Measure 12.3", "QRE 12.3.1"}
    _ahead(qtbot, w, w.step_after("Measure 12.3").key)  # and the one after it, in turn


def test_typing_on_this_page_keeps_the_next_one(qtbot, new_report, open_window):
    w = open_window(new_report(measures=["12.1", "12.3"]))
    goto(qtbot, w, "Measure 12.1")
    ahead = _ahead(qtbot, w, "Measure 12.3")
    editor = w.page.editors["Measure 12.1"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Our policy")
    _saved(qtbot, w)  # written: answers the next page does not show
    w.go_next()
    assert w.page is ahead
    assert w.session.report.text("Measure 12.1") == "Our policy"


def test_an_answer_of_the_next_page_written_meanwhile_is_shown(qtbot, new_report, open_window):
    # An undo, a suggestion accepted, a merge choice: a write announced for an answer the page built ahead shows.
    w = open_window(new_report(measures=["12.1", "12.3"]))
    goto(qtbot, w, "Measure 12.1")
    ahead = _ahead(qtbot, w, "Measure 12.3")
    operations.edit_text(w.session, w.stack, "QRE 12.3.1", "Written from elsewhere")
    _saved(qtbot, w)
    w.go_next()
    assert w.page is not ahead  # thrown away when its answer was written, built again once idle
    assert w.page.editors["QRE 12.3.1"].toPlainText() == "Written from elsewhere"
    w.stack.undo()  # the undo reveals its answer: the page shown again from the file
    _saved(qtbot, w)
    assert w.current_key() == "Measure 12.3"
    assert w.page.editors["QRE 12.3.1"].toPlainText() == ""


def test_a_write_nobody_announced_throws_the_page_built_ahead_away(qtbot, new_report, open_window):
    w = open_window(new_report(measures=["12.1", "12.3"]))
    goto(qtbot, w, "Measure 12.1")
    ahead = _ahead(qtbot, w, "Measure 12.3")
    w.session.report.set_text("QRE 12.3.1", "Behind the window's back")  # no signal: only the file's count knows
    w.go_next()
    assert w.page is not ahead
    assert w.page.editors["QRE 12.3.1"].toPlainText() == "Behind the window's back"
    qtbot.waitUntil(lambda: not shiboken6.isValid(ahead), timeout=2000)  # the stale page is gone...
    w.session.flush()
    assert w.session.report.text("QRE 12.3.1") == "Behind the window's back"  # ...and wrote nothing as it went


def test_comments_statuses_and_structure_throw_it_away(qtbot, new_report, open_window):
    w = open_window(new_report(measures=["12.1", "12.3"]))
    goto(qtbot, w, "Measure 12.1")
    _ahead(qtbot, w, "Measure 12.3")
    operations.add_comment(w.session, w.stack, "QRE 12.3.1", "Source?", "Reviewer")
    assert w.ahead.page is None  # at once
    ahead = _ahead(qtbot, w, "Measure 12.3")  # and again once idle, with the comment counted
    assert ahead.comment_buttons["QRE 12.3.1"].text() == "Comments: 1 open"
    w.go_next()
    assert w.page is ahead
    goto(qtbot, w, "Measure 12.1")
    _ahead(qtbot, w, "Measure 12.3")
    operations.set_section_status(w.session, w.stack, "Commitment 12", "approved", "Reviewer")
    assert w.ahead.page is None
    _ahead(qtbot, w, "Measure 12.3")
    operations.subscribe(w.session, w.stack, ["13.1"])
    assert w.ahead.page is None


def test_a_chapter_page_built_ahead_goes_at_any_edit(qtbot, new_report, open_window):
    # A chapter page shows how far each of its measures is: any answer can change that.
    w = open_window(new_report(measures=["12.1", "39"]))
    steps = w._steps
    at = max(i for i, s in enumerate(steps) if s.kind == "chapter")  # the second chapter: a page before it
    goto(qtbot, w, steps[at - 1].key)
    _ahead(qtbot, w, steps[at].key)
    operations.edit_text(w.session, w.stack, "QRE 12.1.1", "Filled")
    assert w.ahead.page is None


def test_closing_the_window_with_a_page_built_ahead(qtbot, new_report, open_window):
    r = new_report(measures=["12.1", "12.3"])
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    ahead = _ahead(qtbot, w, "Measure 12.3")
    assert "QRE 12.3.1" in ahead.editors  # every block built
    w.close()
    assert w.ahead.page is None
    qtbot.wait(50)
    with reopen(r.path) as again:
        assert again.text("QRE 12.3.1") == "" and again.text("Measure 12.3") == ""  # going away writes nothing


def test_the_whole_report_check_waits_until_the_person_stops_paging(qtbot, new_report, open_window):
    # Started on its worker thread while someone pages on, the check took the interpreter from the page being
    # shown (the first switches after start-up took 90 ms): it starts once no page was shown for a moment.
    from copdesk.ui.live_view import START_WHEN_IDLE_MS
    from tests.ui.conftest import checked
    w = open_window(new_report(measures=["12.1", "12.3"]))
    checked(qtbot, w)
    keys = ["Measure 12.1", "Measure 12.3"]
    w.live_view.restart(when_idle=True)  # as after start-up
    for i in range(12):  # a page every START_WHEN_IDLE_MS / 3, for four times that long
        w.show_step(keys[i % 2])
        qtbot.wait(START_WHEN_IDLE_MS // 3)
        assert w.live_view.live is None
    qtbot.waitUntil(lambda: w.live_view.live is not None, timeout=3000)  # then it runs
    assert w.navigator.topLevelItemCount() > 0


def test_a_template_correction_throws_the_page_built_ahead_away(qtbot, new_report, open_window):
    # "Add a QRE or SLI here" on the next measure (from the Template menu, while on this page): the page built
    # ahead was built from the template before; Next shows the added QRE.
    w = open_window(new_report(measures=["12.1", "12.3"]))
    goto(qtbot, w, "Measure 12.1")
    ahead = _ahead(qtbot, w, "Measure 12.3")
    assert w.template_actions.add_under("Measure 12.3", "QRE 12.3.9")
    w.show_step("Measure 12.3")
    assert w.page is not ahead and "QRE 12.3.9" in w.page.editors

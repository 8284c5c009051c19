"""Drive the real window: answer, write, fill tables, undo, navigate, jump. Assert widgets and the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from copdesk.ui.fields import RichTextField, YesNoField
from copdesk.ui.sli_table import SliTableField
from tests.ui.conftest import reopen


def goto(qtbot, window, key):
    """Show a step as a user would see it: laid out and painted before anything is clicked."""
    window.show_step(key)
    qtbot.waitUntil(lambda: window.page.isVisible() and window.page.widget().height() > 0, timeout=2000)
    qtbot.wait(20)


def focus_qre(qtbot, window):
    """Measure 12.1's page shown, the cursor in QRE 12.1.1's editor (returned)."""
    goto(qtbot, window, "Measure 12.1")
    editor: RichTextField = window.page.editors["QRE 12.1.1"]
    editor.setFocus()
    return editor


def _saved(qtbot, window):
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=3000)


def test_yes_no_with_follow_up(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Commitment 12")
    yes_no: YesNoField = w.page.editors["Commitment 12 Q1"]
    follow_up: RichTextField = w.page.editors["Commitment 12 Q2"]
    assert not follow_up.isEnabled()
    qtbot.mouseClick(yes_no.buttons["Yes"], Qt.LeftButton)
    assert follow_up.isEnabled()
    follow_up.setFocus()
    qtbot.keyClicks(follow_up, "A new policy")
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.text("Commitment 12 Q1") == "Yes"
        assert f.text("Commitment 12 Q2") == "A new policy"
    assert "Saved" in w.saved_label.text()


def test_qre_with_nested_bullets_bold_and_a_link(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    editor = focus_qre(qtbot, w)
    qtbot.keyClicks(editor, "Our work:")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.keyClicks(editor, "- first")  # "- " starts a list, as in Word
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.keyClick(editor, Qt.Key_BracketRight, Qt.ControlModifier)  # nest
    qtbot.keyClicks(editor, "nested")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.keyClick(editor, Qt.Key_BracketLeft, Qt.ControlModifier)  # un-nest
    qtbot.keyClick(editor, Qt.Key_B, Qt.ControlModifier)
    qtbot.keyClicks(editor, "bold")
    qtbot.keyClick(editor, Qt.Key_B, Qt.ControlModifier)
    qtbot.keyClicks(editor, " and ")
    editor.insert_link("https://example.org/x", "our page")
    _saved(qtbot, w)
    with reopen(r.path) as f:
        text = f.text("QRE 12.1.1")
    assert text.splitlines()[0] == "Our work:"
    assert "- first" in text and "  - nested" in text
    assert "**bold**" in text and "[our page](https://example.org/x)" in text


def test_paste_from_word_keeps_structure_drops_fonts(qtbot, new_report, open_window):
    from PySide6.QtCore import QMimeData
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    editor: RichTextField = w.page.editors["QRE 12.1.1"]
    mime = QMimeData()
    mime.setHtml('<p><span style="font-family:Comic Sans MS;color:#ff0000;font-size:20pt">Red <b>bold</b></span></p>'
                 '<ul><li>one</li><li><a href="https://example.org">link</a></li></ul>')
    editor.setFocus()
    editor.insertFromMimeData(mime)
    _saved(qtbot, w)
    with reopen(r.path) as f:
        text = f.text("QRE 12.1.1")
    assert "**bold**" in text and "- one" in text and "[link](https://example.org)" in text
    assert "Comic" not in text and "ff0000" not in text


def _table(w, code="SLI 16.1.1") -> SliTableField:
    return w.page.editors[code + " table"]


def _click_cell(qtbot, table: SliTableField, row: int, col: int, modifier=Qt.NoModifier) -> None:
    """Click a cell as a user would (it becomes the current cell and the selection)."""
    table.view.scrollTo(table.model.index(row, col))
    rect = table.view.visualRect(table.model.index(row, col))
    qtbot.mouseClick(table.view.viewport(), Qt.LeftButton, modifier, rect.center())


def _type_cell(qtbot, table: SliTableField, row: int, col: int, text: str) -> None:
    """Click a cell, type over it in the cell editor and press Enter."""
    _click_cell(qtbot, table, row, col)
    table.view.setFocus()
    table.view.edit(table.model.index(row, col))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.view.isAncestorOf(editor)
    editor.selectAll()
    qtbot.keyClicks(editor, text) if text else qtbot.keyClick(editor, Qt.Key_Delete)
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: table.view.state() == QAbstractItemView.NoState, timeout=1000)  # commits queued


def test_sli_table_typing_paste_and_an_invalid_cell(qtbot, new_report, open_window):
    r = new_report(measures=["16.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 16.1")
    table = _table(w)
    assert table.model.rowCount() == 32 and table.model.headerData(0, Qt.Vertical) == "Austria"
    _type_cell(qtbot, table, 0, 0, "1,234")
    assert table.model.cell(0, 0) == "1,234" and w.session.table("SLI 16.1.1")[1][1] == "1,234"
    QGuiApplication.clipboard().setText("10\t20\n30\t40\nabc\t50\n")
    _click_cell(qtbot, table, 1, 0)
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key_V, Qt.ControlModifier)
    _saved(qtbot, w)
    with reopen(r.path) as f:
        grid = f.table("SLI 16.1.1")
    assert grid[1][:3] == ["Austria", "1,234", None]
    assert grid[2][1:3] == ["10", "20"] and grid[3][1:3] == ["30", "40"] and grid[4][1:3] == ["abc", "50"]
    assert grid[0][2] == "Column 2" and table.model.headerData(1, Qt.Horizontal) == "Column 2"
    assert "'abc' is not a number" in _table(w).messages.text()
    bad = table.model.index(3, 0)
    assert "not a number" in table.model.data(bad, Qt.ToolTipRole)
    assert table.model.data(bad, Qt.DecorationRole) is not None  # a mark in the cell, not only a colour
    assert table.model.data(table.model.index(2, 0), Qt.ToolTipRole) is None
    assert table.model.data(table.model.index(2, 0), Qt.TextAlignmentRole) & Qt.AlignRight  # numbers right


def test_sli_columns_not_available_and_totals(qtbot, new_report, open_window):
    r = new_report(measures=["16.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 16.1")
    _click_cell(qtbot, _table(w), 0, 0)
    _table(w).rename_column("Actions")
    _type_cell(qtbot, _table(w), 0, 0, "5")
    _type_cell(qtbot, _table(w), 1, 0, "7")
    _type_cell(qtbot, _table(w), 30, 0, "13")  # Total EU
    _click_cell(qtbot, _table(w), 2, 0)
    _table(w).mark_not_available("not measured in Bulgaria")
    _table(w).add_column("Reach")
    assert _table(w).model.columnCount() == 2 and _table(w).model.headerData(1, Qt.Horizontal) == "Reach"
    _click_cell(qtbot, _table(w), 0, 1)
    _table(w).remove_column()
    _saved(qtbot, w)
    with reopen(r.path) as f:
        grid = f.table("SLI 16.1.1")
    assert grid[0][:2] == ["Member State", "Actions"] and max(len(row) for row in grid) == 2
    assert grid[3][1] == "N/A: not measured in Bulgaria"
    assert "does not match the sum" in _table(w).messages.text()
    total = _table(w).model.index(30, 0)
    assert "does not match the sum" in _table(w).model.data(total, Qt.ToolTipRole)


def test_sli_table_import_csv(qtbot, new_report, open_window, tmp_path):
    r = new_report(measures=["16.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 16.1")
    csv = tmp_path / "figures.csv"
    csv.write_text("Member State;Removed\nAustria;12\nBelgium;some\nAtlantis;3\n", encoding="utf-8")
    _table(w).import_csv(str(csv))
    assert _table(w).model.rowCount() == 3 and _table(w).model.cell(1, 0) == "some"
    assert "'some' is not a number" in _table(w).messages.text()
    assert "not a member state" in _table(w).model.headerData(2, Qt.Vertical, Qt.ToolTipRole)
    _table(w).import_csv(str(tmp_path / "missing.csv"))
    assert _table(w).messages.text().startswith("⚠")
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.table("SLI 16.1.1") == [["Member State", "Removed"], ["Austria", "12"], ["Belgium", "some"],
                                         ["Atlantis", "3"]]


def test_sli_table_cell_comment_from_the_context_menu(qtbot, new_report, open_window):
    r = new_report(measures=["16.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 16.1")
    table, asked = _table(w), []
    table.cell_comment_requested.disconnect()  # the window's handler is tested in test_review_window.py
    table.cell_comment_requested.connect(asked.append)
    menu = table.context_menu(table.view.visualRect(table.model.index(1, 0)).center())
    assert [a.text() for a in menu.actions()] == ["Copy", "Paste", "Mark not available…", "", "Add column…",
                                                  "Rename “Value”…", "Remove “Value”", "Import CSV…",
                                                  "Comment on this cell…"]
    assert not menu.actions()[6].isEnabled()  # the only metric column cannot be removed
    menu.actions()[-1].trigger()
    assert asked == ["SLI 16.1.1@2,1"]


def test_sli_table_of_a_frozen_report_is_read_only(qtbot, new_report, open_window):
    from copdesk.core.review import comments as review
    r = new_report(measures=["16.1"])
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "5"]])
    review.freeze(r, "Lena Legal", True)
    w = open_window(r)
    goto(qtbot, w, "Measure 16.1")
    table = _table(w)
    assert not table.model.flags(table.model.index(0, 0)) & Qt.ItemIsEditable
    assert not any(b.isEnabled() for b in table.buttons)
    QGuiApplication.clipboard().setText("99")
    _click_cell(qtbot, table, 0, 0)
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key_V, Qt.ControlModifier)
    qtbot.keyClicks(table.view, "7")  # typing on a cell starts no editor
    qtbot.mouseDClick(table.view.viewport(), Qt.LeftButton, pos=table.view.visualRect(table.model.index(0, 0)).center())
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    assert table.model.cell(0, 0) == "5" and not w.session.dirty and w.stack.count() == 0


def test_undo_redo_across_fields_stays_in_step_with_the_file(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    first, second = w.page.editors["Measure 12.1"], w.page.editors["QRE 12.1.1"]
    first.setFocus()
    qtbot.keyClicks(first, "one")
    second.setFocus()
    qtbot.keyClicks(second, "two")
    _saved(qtbot, w)
    qtbot.keyClick(second, Qt.Key_Z, Qt.ControlModifier)
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "" and f.text("Measure 12.1") == "one"
    assert second.toPlainText() == ""
    w.undo_action.trigger()
    _saved(qtbot, w)
    assert first.toPlainText() == ""
    w.redo_action.trigger()
    w.redo_action.trigger()
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.text("Measure 12.1") == "one" and f.text("QRE 12.1.1") == "two"
    assert second.toPlainText() == "two"


def test_undo_of_a_table_edit(qtbot, new_report, open_window):
    r = new_report(measures=["16.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 16.1")
    _type_cell(qtbot, _table(w), 0, 0, "42")
    _saved(qtbot, w)
    w.undo_action.trigger()
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.table("SLI 16.1.1") == []
    assert _table(w).model.cell(0, 0) == ""


def test_navigation_buttons_shortcuts_and_tree(qtbot, new_report, open_window):
    r = new_report(measures=["12.1", "12.3", "39"])
    w = open_window(r)
    assert w.current_key() == "header"
    qtbot.mouseClick(w.next_button, Qt.LeftButton)
    assert w.current_key() == "Chapter III"
    w.next_action.trigger()
    assert w.current_key() == "Commitment 12"
    qtbot.keyClick(w, Qt.Key_PageDown, Qt.ControlModifier)
    assert w.current_key() == "Measure 12.1"
    w.prev_action.trigger()
    assert w.current_key() == "Commitment 12"
    w.navigator.setCurrentItem(w.navigator._items["Commitment 39"])
    assert w.current_key() == "Commitment 39"
    assert w.navigator.currentItem().text(0).startswith("Commitment 39")
    w.incomplete_action.trigger()
    assert w.current_key() == "header"  # nothing incomplete after Commitment 39: wraps to the start


def test_navigator_shows_status_in_words(qtbot, new_report, open_window):
    r = new_report(measures=["39"])
    w = open_window(r)
    goto(qtbot, w, "Commitment 39")
    qtbot.mouseClick(w.page.editors["Commitment 39 Q1"].buttons["No"], Qt.LeftButton)
    qtbot.waitUntil(lambda: "in progress" in w.navigator._items["Commitment 39"].text(0), timeout=3000)
    qtbot.mouseClick(w.page.editors["Commitment 39 Q3"].buttons["No"], Qt.LeftButton)
    qtbot.waitUntil(lambda: "complete" in w.navigator._items["Commitment 39"].text(0)
                    and "in progress" not in w.navigator._items["Commitment 39"].text(0), timeout=3000)
    assert "(1/1)" in w.navigator._items["Chapter X"].text(0)
    # and by a shape, the same for the same status (never by colour alone: the words above say it too)
    def shape(key):
        return w.navigator._items[key].data(0, Qt.DecorationRole).toImage()
    assert not shape("Commitment 39").isNull() and shape("Commitment 39") == shape("Chapter X")
    assert shape("Commitment 39") != shape("header")  # complete, and a header nobody has filled in


def test_the_window_icon_is_set_once_the_first_report_window_has_painted(qtbot, new_report, open_window, monkeypatch):
    from PySide6.QtGui import QIcon
    from copdesk.ui import style
    monkeypatch.setattr(style, "_ICON_SET", False)  # as in a new process (an earlier test may have set it)
    QApplication.setWindowIcon(QIcon())
    w = open_window(new_report())
    qtbot.waitUntil(lambda: not QApplication.windowIcon().isNull(), timeout=3000)
    assert QApplication.windowIcon().availableSizes() and w.windowIcon().cacheKey() == QApplication.windowIcon().cacheKey()


def test_jump_from_the_checks_panel(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    tree = w.checks.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=3000)  # filled once the window has painted
    items = tree.findItems("QRE 12.1.1 is empty", Qt.MatchContains | Qt.MatchRecursive)
    tree.setCurrentItem(items[0])
    qtbot.keyClick(tree, Qt.Key_Return)
    assert w.current_key() == "Measure 12.1"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.page.editors["QRE 12.1.1"], timeout=2000)


def test_side_panels_are_tabs_beside_the_page_and_come_back_when_dragged_shut(qtbot, new_report, open_window):
    w = open_window(new_report(measures=["12.1"]))
    qtbot.waitUntil(lambda: w._side is not None, timeout=3000)  # made after the first paint
    tabs = w.side_panels()
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Checks", "Find", "Comments"]
    nav, page, side = w.splitter.sizes()
    assert page > nav and page > side > 0  # the page gets the room
    w.splitter.setSizes([nav, page + side, 0])  # the reader dragged the divider to the edge
    assert w.splitter.sizes()[2] == 0
    w.page.setFocus()
    qtbot.keyClick(w, Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)  # Go > Checks
    assert w.splitter.sizes()[2] > 0 and tabs.currentWidget() is w.checks
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.checks.tree, timeout=2000)
    qtbot.keyClick(w, Qt.Key_M, Qt.ControlModifier | Qt.ShiftModifier)  # Review > Show comments
    assert tabs.currentWidget() is w.comments


def test_the_next_window_opens_as_the_last_one_was_left(qtbot, new_report, open_window):
    from PySide6.QtCore import QSettings
    from copdesk.core.report.open_file import Report
    r = new_report(measures=["12.1"])
    first = open_window(r)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    size = (screen.width() - 40, screen.height() - 40)  # Qt keeps a restored window on its screen
    first.resize(*size)
    first.splitter.setSizes([200, size[0] - 200, 0])  # a narrower navigator, the side column dragged shut
    qtbot.wait(50)
    left = first.splitter.sizes()
    first.close()
    second = open_window(Report.open(r.path))
    assert (second.width(), second.height()) == size
    assert second.splitter.sizes() == left and left[2] == 0
    second.close()
    QSettings().setValue("window/columns", "not a layout")  # a hand-edited or foreign value is ignored
    third = open_window(Report.open(r.path))
    assert third.splitter.sizes()[1] > 0 and third.splitter.sizes()[2] > 0


def test_find_across_the_report(qtbot, new_report, open_window):
    r = new_report(measures=["12.1", "13.1"])
    r.set_text("QRE 13.1.1", "We met the Task-force twice.")
    w = open_window(r)
    w.focus_find()
    qtbot.keyClicks(w.find.query, "task-force")
    qtbot.keyClick(w.find.query, Qt.Key_Return)
    assert w.find.results.topLevelItemCount() == 1
    w.find.results.setCurrentItem(w.find.results.topLevelItem(0))
    qtbot.keyClick(w.find.results, Qt.Key_Return)
    assert w.current_key() == "Measure 13.1"


def test_every_input_has_an_accessible_name(qtbot, new_report, open_window):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QTableView, QTextEdit
    r = new_report(measures=["12.1", "16.1"])
    w = open_window(r)
    for key in ("header", "Commitment 12", "Measure 12.1", "Measure 16.1"):
        goto(qtbot, w, key)
        for kind in (QLineEdit, QTextEdit, QComboBox, QTableView):
            for widget in w.page.findChildren(kind):
                if widget.parent() and isinstance(widget.parent(), QComboBox):
                    continue
                assert widget.accessibleName(), (key, widget)
        for button in w.page.findChildren(QAbstractButton):
            if not button.isVisibleTo(w.page) or button.objectName().startswith("qt_"):
                continue
            assert button.accessibleName() or button.text(), (key, button)


def test_closing_flushes_pending_edits(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    editor = focus_qre(qtbot, w)
    qtbot.keyClicks(editor, "typed just before closing")
    assert w.session.dirty
    w.close()
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "typed just before closing"

"""Pages read as one scrolling document: answers grow with their text, tables scroll sideways only, the
wheel scrolls the page; table headers are never cut, totals stand apart, column actions name the column."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from tests.ui.test_drafting import _click_cell, goto

LONG_NAME = "Number of fake accounts removed in the reporting period"


def _wheel(widget, dy: int = -120) -> bool:
    """One notch of the mouse wheel (down) given to `widget`'s wheel handler; True when it kept the event.
    An event it leaves goes on to the widget's parents and so to the page (Qt does that for the wheel
    events of the window system; an event a test sends is not passed on, so the handler is asked directly)."""
    at = QPointF(30, 30)
    event = QWheelEvent(at, QPointF(widget.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, dy), Qt.NoButton,
                        Qt.NoModifier, Qt.NoScrollPhase, False)
    event.accept()
    widget.wheelEvent(event)
    return event.isAccepted()


def _wide_table(template) -> list[list[str]]:
    header = [template.country_column] + [f"{LONG_NAME} {i}" for i in range(1, 9)]
    body = [[state] + [f"{(i + 1) * 1234:,}"] * 8 for i, state in enumerate(template.member_states)]
    return [header] + body + [["Total EU"] + ["99,999"] * 8, ["Total EEA"] + ["99,999"] * 8]


def test_the_wheel_over_a_long_answer_or_a_wide_table_scrolls_the_page(qtbot, new_report, open_window, template):
    r = new_report(measures=["14.1"])
    r.set_text("QRE 14.1.1", "\n\n".join(f"Paragraph {i} of a long answer." for i in range(40)))
    r.set_table("SLI 14.1.1", _wide_table(template))
    w = open_window(r)
    goto(qtbot, w, "Measure 14.1")
    editor, table = w.page.editors["QRE 14.1.1"], w.page.editors["SLI 14.1.1 table"]
    qtbot.waitUntil(lambda: editor.height() > 600, timeout=2000)
    assert editor.verticalScrollBar().maximum() == 0  # all its text, no scrollbar of its own
    assert not _wheel(editor) and not _wheel(table.view)  # left to the page
    assert table.view.verticalScrollBar().maximum() == 0
    assert _wheel(w.page) and w.page.verticalScrollBar().value() > 0  # which scrolls
    view = table.view
    assert view.horizontalScrollBar().maximum() > 0  # eight long columns: it scrolls sideways
    _click_cell(qtbot, table, 0, 7)  # the last column current: "Rename …" names it, the page stays as wide
    assert w.page.horizontalScrollBar().maximum() == 0  # the page itself never scrolls sideways
    last = view.visualRect(table.model.index(table.model.rowCount() - 1, 0))
    assert last.bottom() <= view.viewport().height()  # every row shown above the sideways scrollbar


def test_column_titles_wrap_instead_of_being_cut_and_totals_stand_apart(qtbot, new_report, open_window, template):
    r = new_report(measures=["14.1"])
    r.set_table("SLI 14.1.1", [[template.country_column, LONG_NAME], ["Austria", "1,041"], ["Total EU", "1,041"]])
    w = open_window(r)
    goto(qtbot, w, "Measure 14.1")
    table = w.page.editors["SLI 14.1.1 table"]
    head = table.view.horizontalHeader()
    shown = table.model.headerData(0, Qt.Horizontal)
    assert shown.replace("\n", " ") == LONG_NAME and "\n" in shown  # every word, on two lines or more
    metrics = head.fontMetrics()
    assert all(metrics.horizontalAdvance(line) < head.sectionSize(0) for line in shown.split("\n"))
    assert head.height() >= metrics.lineSpacing() * (shown.count("\n") + 1)
    assert table.model.headerData(0, Qt.Horizontal, Qt.ToolTipRole) == LONG_NAME
    total, austria = table.model.index(1, 0), table.model.index(0, 0)
    assert table.model.data(total, Qt.FontRole).bold() and table.model.data(austria, Qt.FontRole) is None
    assert table.model.data(total, Qt.BackgroundRole) is not None
    assert table.model.headerData(1, Qt.Vertical, Qt.FontRole).bold()


def test_column_actions_say_which_column(qtbot, new_report, open_window, template, monkeypatch):
    from copdesk.ui import ask
    r = new_report(measures=["14.1"])
    r.set_table("SLI 14.1.1", [[template.country_column, "Accounts", "Views"], ["Austria", "1", "2"]])
    w = open_window(r)
    goto(qtbot, w, "Measure 14.1")
    table = w.page.editors["SLI 14.1.1 table"]
    _click_cell(qtbot, table, 0, 1)
    assert table.rename_action.text() == "Rename “Views”…" and table.remove_action.text() == "Remove “Views”"
    assert [b.text() for b in table.buttons] == ["Columns", "Import CSV…", "Not available…"]
    assert [a.text() for a in table.columns_menu.actions()] == ["Add column…", "Rename “Views”…", "Remove “Views”"]
    asked = []
    monkeypatch.setattr(ask, "text", lambda *a, **k: asked.append(a) or ("Views of items", True))
    table.rename_column()
    assert asked[0][1] == "Rename a column of SLI 14.1.1" and asked[0][2] == "New name for the column “Views”:"
    assert table.model.headerData(1, Qt.Horizontal, Qt.ToolTipRole) == "Views of items"
    _click_cell(qtbot, table, 0, 0)
    assert table.rename_action.text() == "Rename “Accounts”…"


def test_dialogs_are_wide_enough_for_their_title(qtbot):
    from PySide6.QtWidgets import QInputDialog
    from copdesk.ui import ask
    seen = []

    def fake_exec(dialog):
        from PySide6.QtGui import QShortcut
        keys = {s.key().toString() for s in dialog.findChildren(QShortcut)}
        seen.append((dialog.minimumWidth(), dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()),
                     dialog.labelText(), dialog.size(), keys))
        return 0

    QInputDialog.exec, original = fake_exec, QInputDialog.exec
    try:
        assert ask.text(None, "Comment on SLI 14.2.1, cell Austria / Fake accounts removed", "Your comment:",
                        multiline=True) == ("", False)
    finally:
        QInputDialog.exec = original
    width, title, label, size, keys = seen[0]
    assert width >= title + 150 and label.startswith("Your comment:") and size.height() >= 300
    assert "Ctrl+Return" in keys  # a comment is saved from the keyboard


def test_the_flat_page_scrollbar_works_as_the_styles_does(qtbot, new_report, open_window):
    # ui/scrollbar.py paints the page's scrollbar itself; where its arrows, groove and handle are stays the
    # style's, so clicks and drags do what they did.
    from copdesk.ui.scrollbar import FlatScrollBar
    r = new_report(measures=["12.1"])
    r.set_text("Measure 12.1", "\n\n".join(f"Paragraph {i} of a long answer." for i in range(120)))
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    bar = w.page.verticalScrollBar()
    assert isinstance(bar, FlatScrollBar) and bar.maximum() > 0
    bottom = QPoint(bar.width() // 2, bar.height() - 3)  # the arrow down, where the style puts it
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bottom)
    assert bar.value() == bar.singleStep()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=QPoint(bar.width() // 2, bar.height() * 3 // 4))  # the groove
    assert bar.value() > bar.singleStep()  # a page down
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    handle = bar.style().subControlRect(QStyle.CC_ScrollBar, option, QStyle.SC_ScrollBarSlider, bar)
    image = bar.grab().toImage()
    shown = image.pixelColor(handle.center()).rgb()
    assert shown in (bar.palette().color(QPalette.Mid).rgb(), bar.palette().color(QPalette.Dark).rgb())  # flat
    groove = QPoint(1, handle.top() - 4 if handle.top() > 30 else handle.bottom() + 4)
    assert image.pixelColor(groove).rgb() == bar.palette().color(QPalette.Window).darker(104).rgb()


def test_a_wrapped_label_remembers_heights_only_while_they_hold(qtbot):
    # fields.WrapLabel keeps its height for a width; a new text, font or margin gives the height QLabel gives.
    from PySide6.QtWidgets import QLabel
    from copdesk.ui.fields import WrapLabel
    words = "Describe the brand-safety tools and placement controls you give advertisers. " * 3
    mine, plain = WrapLabel(words), QLabel(words)
    plain.setWordWrap(True)
    for label in (mine, plain):
        qtbot.addWidget(label)
    assert mine.heightForWidth(200) == plain.heightForWidth(200) > mine.heightForWidth(600)
    for change in (lambda lb: lb.setText(words * 3), lambda lb: lb.setFont(_bigger(lb.font())),
                   lambda lb: lb.setContentsMargins(0, 20, 0, 20)):
        before = mine.heightForWidth(200)
        change(mine)
        change(plain)
        assert mine.heightForWidth(200) == plain.heightForWidth(200) != before


def _bigger(font):
    font.setPointSize(font.pointSize() * 2)
    return font


def test_empty_answers_have_no_sideways_scrollbar(qtbot, new_report, open_window):
    # An answer laid out at its width before it was shown kept the sideways range it got at Qt's default size:
    # every empty answer in a wide window showed a horizontal scrollbar. Pages built ahead and at the switch.
    from copdesk.ui.fields import RichTextField
    w = open_window(new_report(measures=["12.1", "12.3"]))
    w.resize(1500, 900)  # answers wider than a QTextEdit of Qt's default size (638 px of text)
    goto(qtbot, w, "Measure 12.1")
    qtbot.waitUntil(lambda: w.ahead.key == "Measure 12.3", timeout=3000)
    for show in (w.go_next, lambda: w.show_step("Measure 12.1")):  # built ahead (12.3), then at the switch
        show()
        qtbot.waitUntil(lambda: w.page.isVisible() and w.page.widget().height() > 0, timeout=2000)
        qtbot.wait(50)
        editors = [e for e in w.page.findChildren(RichTextField) if not e.toPlainText()]
        assert editors
        assert not [e.code for e in editors if e.horizontalScrollBar().isVisibleTo(e)]

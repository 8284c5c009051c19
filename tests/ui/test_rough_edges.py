"""The small things a first-time user meets: where a report reopens, the sample and its copy, "Saved" for
comments and statuses, the Edit and Help menus, the recent list, dates from a calendar, services asked of
platforms only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from copdesk.ui import ask, settings
from tests.ui.conftest import reopen
from tests.ui.test_drafting import _click_cell, goto


def test_a_report_reopens_where_it_was_left(qtbot, new_report, open_window):
    from copdesk.core.report.open_file import Report
    r = new_report(measures=["12.1", "13.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 13.1")
    w.close()
    again = open_window(Report.open(r.path))
    assert again.current_key() == "Measure 13.1"
    again.close()
    settings.set_last_step(r.path, "Measure 99.9")  # a page the report no longer has: the header
    assert open_window(Report.open(r.path)).current_key() == "header"


def test_the_sample_says_it_is_a_throwaway_copy_and_saves_a_copy_to_keep(qtbot, tmp_path):
    from copdesk.ui.controller import Controller, sample_report_path
    controller = Controller()
    sample = controller.open_path(sample_report_path())
    qtbot.addWidget(sample)
    banner = sample.findChild(type(sample.centralWidget().layout().itemAt(0).widget()), "sampleBanner")
    assert banner is not None and banner.isVisible() and "throwaway copy" in banner.message.text()
    sample.session.set_text("header.title", "Report March 2026 (my notes)")
    kept = sample.save_copy(str(tmp_path / "mine"))
    assert kept == tmp_path / "mine.copdesk" and len(controller.windows) == 1
    mine = controller.windows[0]
    qtbot.addWidget(mine)
    assert mine.session.report.path == kept and not mine.is_sample()
    assert mine.findChild(type(banner), "sampleBanner") is None
    assert mine.session.text("header.title") == "Report March 2026 (my notes)"  # the edit came along
    mine.close()


def test_save_a_copy_of_a_report_and_never_over_a_file(qtbot, new_report, open_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    r = new_report(measures=["12.1"])
    w = open_window(r)
    w.session.set_text("QRE 12.1.1", "Typed just before the copy.")
    out = tmp_path / "copy.copdesk"
    assert w.save_copy(str(out)) == out  # the question "Open the copy?" answered No
    with reopen(out) as copy:
        assert copy.text("QRE 12.1.1") == "Typed just before the copy."
    assert w.session.report.path == r.path  # the report stays open
    before = out.read_bytes()
    assert w.save_copy(str(out)) is None and out.read_bytes() == before
    assert any("exists already" in text for text in shown)


def test_comments_and_statuses_say_saved(qtbot, new_report, open_window, monkeypatch):
    settings.set_user("Ana Ferreira", "AF")
    monkeypatch.setattr(ask, "text", lambda *a, **k: ("Source?", True))
    w = open_window(new_report(measures=["12.1"]))
    w.saved_label.setText("Saved")
    w.review.on_comment_requested("QRE 12.1.1")
    assert w.saved_label.text().startswith("Saved ") and "Comments saved at" in w.statusBar().currentMessage()
    goto(qtbot, w, "Commitment 12")
    w.review.on_status_requested("Commitment 12", "ready for review")
    assert "Review status saved at" in w.statusBar().currentMessage()


def test_edit_menu_cut_copy_paste_select_all(qtbot, new_report, open_window):
    r = new_report(measures=["14.1"])
    r.set_table("SLI 14.1.1", [["Member State", "Accounts"], ["Austria", "5"], ["Belgium", "7"]])
    w = open_window(r)
    edit = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Edit")
    names = [a.text().split("\t")[0] for a in edit.actions() if a.text()]
    assert names[2:6] == ["Cu&t", "&Copy", "&Paste", "Select &All"]
    assert [a.text().split("\t")[1] for a in w.clipboard_actions] == ["Ctrl+X", "Ctrl+C", "Ctrl+V", "Ctrl+A"]
    goto(qtbot, w, "Measure 14.1")
    editor = w.page.editors["QRE 14.1.1"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Accounts removed")
    w.clipboard_actions[3].trigger()  # Select All
    w.clipboard_actions[1].trigger()  # Copy
    assert QGuiApplication.clipboard().text() == "Accounts removed"
    table = w.page.editors["SLI 14.1.1 table"]
    _click_cell(qtbot, table, 0, 0)
    _click_cell(qtbot, table, 1, 0, Qt.ShiftModifier)
    table.view.setFocus()
    w.clipboard_actions[0].trigger()  # Cut
    assert QGuiApplication.clipboard().text() == "5\n7" and table.model.cell(0, 0) == ""
    w.stack.undo()
    assert table.model.cell(0, 0) == "5"
    qtbot.keyClick(table.view, Qt.Key_C, Qt.ControlModifier)  # the table's own key still works
    assert QGuiApplication.clipboard().text() == "5\n7"


def test_help_lists_the_keyboard_shortcuts(qtbot, new_report, open_window, monkeypatch):
    from copdesk.ui.shortcuts import ShortcutsDialog
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: 0)
    w = open_window(new_report(measures=["12.1"]))
    dialog = w.show_shortcuts()
    rows = {}
    for i in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(i)
        for j in range(group.childCount()):
            rows[(group.text(0), group.child(j).text(1))] = group.child(j).text(0)
    assert rows[("File", "Export to Word…")] == "Ctrl+E"
    assert rows[("Go", "Next incomplete")] == "Ctrl+J"
    assert rows[("Edit", "Copy")] == "Ctrl+C"
    assert rows[("Help", "Keyboard shortcuts")].startswith("F1")  # and the Help key, where a keyboard has one
    assert ("Dates", "Open the calendar") in rows


def test_recent_reports_say_signatory_title_and_when(qtbot, new_report, tmp_path):
    from copdesk.ui.start import StartView
    r = new_report(measures=["12.1"], signatory="Example Fact-Check", title="Report March 2026")
    path = r.path
    r.close()
    settings.add_recent(path)
    settings.add_recent(tmp_path / "gone.copdesk")
    view = StartView()
    qtbot.addWidget(view)
    first = view.recent.item(1).text().split("\n")
    assert first[0] == "Example Fact-Check — Report March 2026"
    assert first[1].startswith(f"{path.name} · changed ") and str(path.parent) in first[1]
    assert view.recent.item(0).text().startswith("gone.copdesk (missing)")
    assert not view.recent.item(0).flags() & Qt.ItemIsEnabled


def test_a_recent_family_names_its_services(qtbot, new_report):
    from copdesk.ui.start import StartView
    r = new_report(measures=["12.1"], signatory="Lumen Group", title="Report March 2026", name="f.copdesk",
                   services=["Lumen Social", "Lumen Chat"])
    path = r.path
    r.close()
    settings.add_recent(path)
    view = StartView()
    qtbot.addWidget(view)
    assert view.recent.item(0).text().split("\n")[0] == \
        "Lumen Group — Report March 2026 · services: Lumen Social, Lumen Chat"


def test_services_are_asked_of_platforms_only_and_dates_come_from_a_calendar(qtbot, new_report, open_window):
    from copdesk.ui.date_picker import open_calendar
    r = new_report(kind="other")
    w = open_window(r)
    qtbot.waitUntil(lambda: w.page.isVisible(), timeout=2000)
    services = w.page.editors["header.services"]
    assert not services.isVisible()
    kind = w.page.editors["header.kind"]
    kind.setCurrentIndex(kind.findData("platform"))
    kind.activated.emit(kind.currentIndex())
    assert services.isVisible()
    start = w.page.editors["header.period_start"]
    qtbot.waitUntil(lambda: any(a.toolTip() for a in start.actions()), timeout=2000)  # the calendar button
    menu = open_calendar(start, start.push)
    calendar = start.calendar
    calendar.setSelectedDate(calendar.selectedDate().fromString("2025-07-01", "yyyy-MM-dd"))
    calendar.activated.emit(calendar.selectedDate())
    assert start.text() == "2025-07-01" and not menu.isVisible()
    w.session.flush()
    with reopen(r.path) as f:
        assert f.text("header.period_start") == "2025-07-01"
    w.stack.undo()
    assert start.text() == ""


def test_comments_name_what_they_are_on_in_words(qtbot, new_report, open_window, monkeypatch):
    settings.set_user("Ana Ferreira", "AF")
    asked = []
    monkeypatch.setattr(ask, "text", lambda *a, **k: asked.append(a[1]) or ("Add our founding year.", True))
    r = new_report(measures=["16.1"])
    r.set_table("SLI 16.1.1", [["Member State", "Alerts"], ["Austria", "3"]])
    w = open_window(r)
    w.review.on_comment_requested("header.description")
    w.review.on_comment_requested("SLI 16.1.1@1,1")
    assert asked == ["Comment on Organisation description", "Comment on SLI 16.1.1, cell Austria / Alerts"]
    rows = [w.comments.tree.topLevelItem(i).text(0) for i in range(w.comments.tree.topLevelItemCount())]
    assert any("— Organisation description, Ana Ferreira" in row for row in rows)
    assert not any("header.description" in row for row in rows)


def test_navigator_rows_wrap_instead_of_cutting_names_and_counts(qtbot, new_report, open_window):
    from PySide6.QtCore import QRect
    w = open_window(new_report(measures=["4.1", "4.2", "5.1"]))
    nav = w.navigator
    nav_width, page, side = w.splitter.sizes()
    w.splitter.setSizes([200, page + nav_width - 200, side])  # a narrow navigator
    item = nav._items["Chapter III"]
    text = item.text(0)
    assert text.startswith("Political Advertising (0/5) — ")  # 2 commitments and 3 measures
    metrics = nav.fontMetrics()
    qtbot.waitUntil(lambda: nav.visualItemRect(item).height() > metrics.height() + 8, timeout=2000)  # two lines
    rect = nav.visualItemRect(item)
    room = rect.width() - 16 - 6 - 12  # less the icon and the row's margins
    needed = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextWordWrap, text).height()
    assert needed <= rect.height()  # every word of the name, the count and the status fits the row

"""The checks panel as a to-do list and Find as you type: words, groups, headline, filter, one-click jumps,
matches marked in the field, results refreshed after edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import checked
from tests.ui.test_drafting import goto


def _entries(tree):
    """(severity word, text, target) of every entry row (rows with no children) of a tree."""
    out, stack = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        if item.childCount():
            stack = [item.child(i) for i in range(item.childCount())] + stack
        else:
            out.append((item.text(0).split(":")[0], item.text(0), item.data(0, Qt.UserRole)))
    return out


def _click(qtbot, tree, item):
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualItemRect(item).center())


def _panels(qtbot, w):
    checked(qtbot, w)  # the whole report, checked on a worker thread after the first paint


def test_the_headline_counts_the_list_and_never_contradicts_it(qtbot, new_report, open_window):
    r = new_report(measures=["14.1"])
    r.set_table("SLI 14.1.1", [["Member State", "Ads"], ["Austria", "lots"]])
    w = open_window(r)
    _panels(qtbot, w)
    entries = _entries(w.checks.tree)
    missing = sum(word == "○ Missing" for word, _, _ in entries)
    warnings = sum(word == "⚠ Warning" for word, _, _ in entries)
    assert missing > 0 and warnings == 1
    assert w.checks.summary.text() == f"To do: {missing} missing. 1 warning(s) worth a look."  # English plurals
    # come from the English catalogue, which the tests do not install
    assert not any(text.count("header.") for _, text, _ in entries)  # words, not internal keys
    # every answer filled: the headline says so, and the one warning is still listed under it
    for code in [c for c in w.checks.issues if c.severity == "missing"]:
        r.set_text(code.code, "No" if code.code.endswith(("Q1", "Q3")) else "Done.")
    r.set_text("header.period_start", "2025-01-01")
    r.set_text("header.period_end", "2025-12-31")
    checked(qtbot, w, again=True)  # written behind the window's back: the whole report is checked again
    assert w.checks.summary.text() == "✔ Nothing missing, nothing invalid. 1 warning(s) worth a look."
    assert [word for word, _, _ in _entries(w.checks.tree)] == ["⚠ Warning"]


def test_grouped_filtered_and_one_click_jumps(qtbot, new_report, open_window):
    r = new_report(measures=["13.1", "14.1"])
    r.set_table("SLI 14.1.1", [["Member State", "Ads"], ["Austria", "1"], ["Belgium", "lots"]])
    w = open_window(r)
    _panels(qtbot, w)
    tree = w.checks.tree
    tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert tops == ["Report header", "Political Advertising", "Integrity of Services"]
    groups = [tree.topLevelItem(2).child(i).text(0) for i in range(tree.topLevelItem(2).childCount())]
    assert groups == ["Commitment 14", "Measure 14.1"]
    w.checks.show_only.setCurrentIndex(w.checks.show_only.findData("warning"))
    assert [word for word, _, _ in _entries(tree)] == ["⚠ Warning"]
    cell = tree.findItems("Belgium / Ads", Qt.MatchContains | Qt.MatchRecursive)[0]
    _click(qtbot, tree, cell)  # one click: the page, the table, the cell
    assert w.current_key() == "Measure 14.1"
    table = w.page.editors["SLI 14.1.1 table"]
    assert (table.view.currentIndex().row(), table.view.currentIndex().column()) == (1, 0)
    w.checks.show_only.setCurrentIndex(w.checks.show_only.findData("missing"))
    entry = tree.findItems("QRE 13.1.1 is empty", Qt.MatchContains | Qt.MatchRecursive)[0]
    _click(qtbot, tree, entry)
    assert w.current_key() == "Measure 13.1"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.page.editors["QRE 13.1.1"], timeout=2000)


def test_find_as_you_type_in_report_order_marked_in_the_field(qtbot, new_report, open_window):
    r = new_report(measures=["2.1", "10.1"])
    r.set_text("QRE 10.1.1", "Our **policy** on [political ads](https://example.org/ads).")
    r.set_text("QRE 2.1.1", "A policy on demonetisation, and a second policy.")
    w = open_window(r)
    w.focus_find()
    qtbot.keyClicks(w.find.query, "policy")  # no Enter: results come as you type
    qtbot.waitUntil(lambda: w.find.results.topLevelItemCount() == 2, timeout=2000)
    rows = [w.find.results.topLevelItem(i).text(0) for i in range(2)]
    assert rows == ["QRE 2.1.1 (2 matches): A policy on demonetisation, and a second policy.",
                    "QRE 10.1.1: Our policy on political ads."]  # Commitment 2 before 10, shown as text
    _click(qtbot, w.find.results, w.find.results.topLevelItem(1))
    assert w.current_key() == "Measure 10.1"
    editor = w.page.editors["QRE 10.1.1"]
    assert editor.textCursor().selectedText() == "policy"  # the cursor on the match
    assert [s.cursor.selectedText() for s in editor.extraSelections()] == ["policy"]  # and the match marked
    w.find.query.clear()
    qtbot.waitUntil(lambda: editor.extraSelections() == [], timeout=2000)


def test_find_results_follow_edits(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    w.focus_find()
    qtbot.keyClicks(w.find.query, "labels")
    qtbot.waitUntil(lambda: w.find.count.text().startswith("0 result"), timeout=2000)
    goto(qtbot, w, "Measure 12.1")
    editor = w.page.editors["QRE 12.1.1"]
    editor.setFocus()
    qtbot.keyClicks(editor, "We added labels.")
    qtbot.waitUntil(lambda: w.find.results.topLevelItemCount() == 1, timeout=3000)  # after the save
    assert w.find.results.topLevelItem(0).text(0) == "QRE 12.1.1: We added labels."


def test_after_a_save_the_checks_keep_the_rows_of_chapters_that_did_not_change(qtbot, new_report, open_window):
    r = new_report(measures=["13.1", "14.1"])
    w = open_window(r)
    _panels(qtbot, w)
    tree = w.checks.tree
    header, political, integrity = (tree.topLevelItem(i) for i in range(3))
    entry = tree.findItems("QRE 14.1.1 is empty", Qt.MatchContains | Qt.MatchRecursive)[0]
    tree.setCurrentItem(entry)
    w.session.set_text("QRE 13.1.1", "Two workshops.")
    w.session.flush()  # the save: only the chapter it touched is listed again
    assert tree.topLevelItem(0) is header and tree.topLevelItem(2) is integrity  # kept as they were
    assert tree.topLevelItem(1) is not political  # the chapter that changed, listed anew
    assert not tree.findItems("QRE 13.1.1 is empty", Qt.MatchContains | Qt.MatchRecursive)
    assert tree.currentItem() is entry  # the reader's place in the list stays

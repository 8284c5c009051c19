"""A report family in the window: the service switcher, answers that say whose they are, make a shared answer a
service's own and back (one undo step each), per-service tables, progress and checks, the view of what is
missing in any service, one Word document per service (issue 19, point 3 and "Done when")."""

from __future__ import annotations

from PySide6.QtCore import Qt

from copdesk.core.report.open_file import Report
from copdesk.ui.fields import RichTextField
from tests.core.test_example_report import _paragraphs
from tests.ui.conftest import checked, reopen
from tests.ui.test_drafting import _saved, _table, _type_cell, goto

SOCIAL, VIDEO, CHAT = "Lumen Social", "Lumen Video", "Lumen Chat"


def family(new_report) -> Report:
    r = new_report(measures=["14.1", "17.1"], kind="platform", signatory="Lumen Group",
                   services=[SOCIAL, VIDEO, CHAT])
    r.unsubscribe(["17"], service=CHAT)  # a messaging service signs fewer measures
    return r


def type_into(qtbot, editor: RichTextField, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_the_switcher_shows_the_draft_as_one_service_sees_it(qtbot, new_report, open_window):
    r = family(new_report)
    w = open_window(r)
    assert w.family is not None and w.session.service == SOCIAL
    assert [w.family.combo.itemText(i) for i in range(3)] == [SOCIAL, VIDEO, CHAT]
    assert SOCIAL in w.windowTitle()
    assert "Commitment 17" in w.navigator.keys()
    w.family.switch(CHAT)
    assert w.session.service == CHAT and CHAT in w.windowTitle()
    assert "Commitment 17" not in w.navigator.keys()  # the chat service does not sign it
    w.family.next_action.trigger()  # Go › Next service wraps round
    assert w.session.service == SOCIAL
    w.family.prev_action.trigger()
    assert w.session.service == CHAT
    goto(qtbot, w, "header")
    services = w.page.editors["header.services"]
    assert services.isReadOnly() and CHAT in services.text()


def test_a_shared_answer_made_one_service_own_and_shared_again_one_undo_step_each(qtbot, new_report, open_window):
    r = family(new_report)
    w = open_window(r)
    goto(qtbot, w, "Measure 14.1")
    type_into(qtbot, w.page.editors["QRE 14.1.1"], "Shared text.")
    _saved(qtbot, w)
    w.family.switch(VIDEO)
    goto(qtbot, w, "Measure 14.1")
    mark = w.page._marks["QRE 14.1.1"]
    assert mark.state == "shared" and "Shared by all 3 services" in mark.label.text()
    assert w.page.editors["QRE 14.1.1"].code == "QRE 14.1.1"
    depth = w.stack.count()
    qtbot.mouseClick(mark.button, Qt.LeftButton)  # "Make it Lumen Video's own"
    assert w.stack.count() == depth + 1
    editor = w.page.editors["QRE 14.1.1"]
    assert editor.code == f"QRE 14.1.1 @ {VIDEO}" and editor.toPlainText() == "Shared text."  # starts from shared
    assert w.page._marks["QRE 14.1.1"].state == "own"
    type_into(qtbot, editor, "Video only.")
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.text("QRE 14.1.1") == "Shared text." and f.text(f"QRE 14.1.1 @ {VIDEO}") == "Video only."
    w.undo_action.trigger()  # the typing
    w.undo_action.trigger()  # making it Video's own
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.get(f"QRE 14.1.1 @ {VIDEO}") is None
    assert w.page.editors["QRE 14.1.1"].code == "QRE 14.1.1" and w.session.service == VIDEO
    w.redo_action.trigger()
    w.redo_action.trigger()
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.text(f"QRE 14.1.1 @ {VIDEO}") == "Video only."
    editor = w.page.editors["QRE 14.1.1"]
    editor.setFocus()
    depth = w.stack.count()
    w.family.shared_action.trigger()  # Edit › Use the shared answer again, on the field with the cursor
    assert w.stack.count() == depth + 1 and w.page.editors["QRE 14.1.1"].toPlainText() == "Shared text."
    with reopen(r.path) as f:
        assert f.get(f"QRE 14.1.1 @ {VIDEO}") is None
    w.undo_action.trigger()
    _saved(qtbot, w)
    assert w.page.editors["QRE 14.1.1"].toPlainText() == "Video only."


def test_progress_and_checks_are_per_service_with_a_view_of_what_any_service_lacks(qtbot, new_report, open_window):
    r = family(new_report)
    r.set_text("QRE 17.1.1", "shared")
    w = open_window(r)
    checked(qtbot, w)
    codes = {i.code for i in w.checks.issues}
    assert "QRE 17.1.1" not in codes and "QRE 14.1.1" in codes
    w.family.switch(CHAT)
    checked(qtbot, w)
    assert not any(i.code.startswith("Commitment 17") for i in w.checks.issues)
    qtbot.waitUntil(lambda: w.family.family_issues is not None, timeout=5000)
    combo = w.checks.show_only
    index = combo.findData("family")
    assert index >= 0 and "Missing in any service" in combo.itemText(index)
    combo.setCurrentIndex(index)
    tops = [w.checks.tree.topLevelItem(i).text(0) for i in range(w.checks.tree.topLevelItemCount())]
    assert "All 3 services" in tops and f"{SOCIAL}, {VIDEO}" in tops  # Commitment 17's questions: not chat's
    group = next(w.checks.tree.topLevelItem(i) for i in range(len(tops)) if tops[i] == f"{SOCIAL}, {VIDEO}")
    w.checks._activated(group.child(0))  # jumps into the first service that lacks it
    assert w.session.service == SOCIAL and w.current_key() == "Commitment 17"


def test_a_family_drafted_in_the_window_exports_one_document_per_service(qtbot, new_report, open_window, tmp_path):
    """Done when: shared answers in all three documents, an override only in its service, each service's own
    tables and subscriptions."""
    r = family(new_report)
    w = open_window(r)
    goto(qtbot, w, "Measure 14.1")
    type_into(qtbot, w.page.editors["Measure 14.1"], "Rules for every Lumen service.")
    _saved(qtbot, w)
    for n, service in enumerate((SOCIAL, VIDEO, CHAT)):
        w.family.switch(service)
        goto(qtbot, w, "Measure 14.1")
        assert w.page._marks["SLI 14.1.1 table"].state == "own-only"  # tables are per service
        _type_cell(qtbot, _table(w, "SLI 14.1.1"), 0, 0, str(111 * (n + 1)))
        _saved(qtbot, w)
    w.family.switch(CHAT)
    goto(qtbot, w, "Measure 14.1")
    w.page.change_owner("QRE 14.1.1", True)
    type_into(qtbot, w.page.editors["QRE 14.1.1"], "Chat's own words.")
    _saved(qtbot, w)
    w.family.export_each(str(tmp_path), ask_open=False)  # File › Export every service to Word, on the side
    qtbot.waitUntil(lambda: w.statusBar().currentMessage().startswith("Exported 3 documents"), timeout=20000)
    assert [p.name for p in w.family.written] == [f"{s}.docx" for s in (SOCIAL, VIDEO, CHAT)]
    docs = {s: _paragraphs(tmp_path / f"{s}.docx") for s in (SOCIAL, VIDEO, CHAT)}
    for n, (service, paras) in enumerate(docs.items()):
        assert paras[0] == service
        assert "Rules for every Lumen service." in paras
        assert ("Chat's own words." in paras) == (service == CHAT)
        assert [x for x in ("111", "222", "333") if x in paras] == [str(111 * (n + 1))]
        assert ("Commitment 17" in paras) == (service != CHAT)
    w.family.switch(VIDEO)
    w.export_docx(str(tmp_path / "video.docx"), ask_open=False)  # File › Export to Word: the service shown
    qtbot.waitUntil(lambda: (tmp_path / "video.docx").exists(), timeout=10000)
    assert _paragraphs(tmp_path / "video.docx")[0] == VIDEO


def test_a_comment_on_a_service_own_answer_and_a_status_per_service(qtbot, new_report, open_window, monkeypatch):
    from copdesk.core.review import comments as review
    from copdesk.ui import operations
    r = family(new_report)
    r.set_text(f"QRE 14.1.1 @ {VIDEO}", "Video only.")
    w = open_window(r)
    w.family.switch(VIDEO)
    goto(qtbot, w, "Measure 14.1")
    button = w.page.comment_buttons["QRE 14.1.1"]
    assert f"QRE 14.1.1 @ {VIDEO}" in button.accessibleName()  # the comment goes on Video's own answer
    operations.add_comment(w.session, w.stack, f"QRE 14.1.1 @ {VIDEO}", "Since when?", "Ada Officer", "AO")
    assert [c.code for c in review.comments(r)] == [f"QRE 14.1.1 @ {VIDEO}"]
    goto(qtbot, w, "Commitment 14")
    monkeypatch.setattr("copdesk.ui.review_actions.ask_name", lambda _w: "Lena Legal")
    w.page.status_requested.emit(w.page.section_code(), "approved")
    assert review.statuses(r)[f"Commitment 14 @ {VIDEO}"].status == "approved"
    assert "Commitment 14" not in review.statuses(r)


def test_subscribing_in_the_window_signs_for_the_service_shown(qtbot, new_report, open_window):
    from copdesk.ui import operations
    r = family(new_report)
    w = open_window(r)
    w.family.switch(CHAT)
    assert operations.subscribe(w.session, w.stack, ["21.1"]) == [f"Measure 21.1 @ {CHAT}", f"Commitment 21 @ {CHAT}"]
    assert "Measure 21.1" in w.navigator.keys()
    assert "Measure 21.1" in r.service_subscriptions(CHAT) and "Measure 21.1" not in r.service_subscriptions(SOCIAL)
    w.undo_action.trigger()
    assert "Measure 21.1" not in r.service_subscriptions(CHAT) and "Measure 21.1" not in w.navigator.keys()


def test_a_mark_names_the_services_that_share_an_answer_and_those_with_their_own(qtbot, new_report, open_window):
    r = family(new_report)
    r.set_text("QRE 14.1.1", "Shared text.")
    r.set_text(f"QRE 14.1.1 @ {VIDEO}", "Video only.")
    w = open_window(r)
    goto(qtbot, w, "Measure 14.1")
    assert w.page._marks["QRE 14.1.2"].label.text() == "◇ Shared by all 3 services"
    assert w.page._marks["QRE 14.1.1"].label.text() == f"◇ Shared by {SOCIAL}, {CHAT}; {VIDEO} shows its own"
    goto(qtbot, w, "Measure 17.1")  # the chat service does not sign 17.1: its report has no such answer
    assert w.page._marks["QRE 17.1.1"].label.text() == f"◇ Shared by {SOCIAL}, {VIDEO}"
    w.family.switch(VIDEO)
    goto(qtbot, w, "Measure 14.1")
    assert w.page._marks["QRE 14.1.1"].label.text() == f"◆ Only in {VIDEO}'s report"


def test_what_each_service_signs_is_shown_on_the_header_and_on_a_commitment(qtbot, new_report, open_window):
    from PySide6.QtWidgets import QLabel
    r = family(new_report)
    w = open_window(r)
    goto(qtbot, w, "header")
    texts = [label.text() for label in w.page.findChildren(QLabel)]
    summary = next(t for t in texts if t.startswith("What each service signs"))
    assert f"<b>{SOCIAL}</b>: commitments 2, measures 2<br>" in summary
    assert f"<b>{CHAT}</b>: commitments 1, measures 1; not Commitment 17, Measure 17.1" in summary
    goto(qtbot, w, "Commitment 17")
    boxes = w.page.signed_grid.boxes
    assert boxes[(SOCIAL, "Measure 17.1")].isChecked() and boxes[(VIDEO, "Measure 17.1")].isChecked()
    assert not boxes[(CHAT, "Measure 17.1")].isChecked()
    assert not boxes[(SOCIAL, "Measure 17.2")].isChecked()  # every measure of the commitment, to sign


def test_a_service_signs_and_stops_signing_in_the_window_one_undo_step_each(qtbot, new_report, open_window):
    r = family(new_report)
    w = open_window(r)
    goto(qtbot, w, "Commitment 17")

    def chat_signs():
        with reopen(r.path) as f:
            return sorted(f.service_subscriptions(CHAT))

    before = chat_signs()
    assert "Measure 17.1" not in before
    depth = w.stack.count()
    w.page.signed_grid.boxes[(CHAT, "Measure 17.1")].click()  # Lumen Chat signs 17.1 (and so Commitment 17)
    assert w.stack.count() == depth + 1
    signed = chat_signs()
    assert {"Commitment 17", "Measure 17.1"} <= set(signed)
    assert w.current_key() == "Commitment 17" and w.page.signed_grid.boxes[(CHAT, "Measure 17.1")].isChecked()
    qtbot.waitUntil(lambda: any(CHAT in e.services and e.issue.code == "QRE 17.1.1"  # what chat now lacks too
                                for e in w.family.family_issues or []), timeout=8000)
    w.family.switch(CHAT)
    assert "Measure 17.1" in w.navigator.keys()
    goto(qtbot, w, "Commitment 17")
    w.page.signed_grid.boxes[(CHAT, "Measure 17.1")].click()  # its last measure: the commitment goes too
    assert chat_signs() == before and "Commitment 17" not in w.navigator.keys()
    assert w.current_key() == "header"  # the chat service signs nothing else in that chapter
    w.undo_action.trigger()
    assert chat_signs() == signed and "Commitment 17" in w.navigator.keys()
    w.undo_action.trigger()
    assert chat_signs() == before
    w.redo_action.trigger()
    assert chat_signs() == signed
    with reopen(r.path) as f:
        assert "Measure 17.1" in f.service_subscriptions(SOCIAL)  # the other services never changed


def test_the_new_report_wizard_makes_a_family_when_asked(qtbot, tmp_path, monkeypatch):
    from datetime import date
    from PySide6.QtWidgets import QMessageBox
    from copdesk.ui.new_report import NewReportWizard
    from tests.ui.conftest import reopen as reopen_file
    wizard = NewReportWizard(folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(wizard)
    wizard.show()
    profile = wizard.profile
    qtbot.keyClicks(profile.signatory, "Lumen Group")
    profile.kind_buttons["platform"].click()
    assert profile.family.isVisible() and not profile.family.isChecked()  # one report unless asked
    qtbot.keyClicks(profile.services, "Lumen Social")
    profile.family.setChecked(True)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    assert not profile.validatePage() and "at least two services" in shown[0]  # the names stay as typed
    assert profile.services.text() == "Lumen Social"
    qtbot.keyClicks(profile.services, ", Lumen Chat")
    assert profile.validatePage()
    wizard.next()
    wizard.next()
    wizard.subscriptions.check(["Measure 14.1"])
    wizard.next()
    wizard.create_report(tmp_path / "lumen.copdesk")
    with reopen_file(tmp_path / "lumen.copdesk") as f:
        assert f.services() == [SOCIAL, CHAT]
        assert "Measure 14.1" in f.service_subscriptions(CHAT)
        assert f.text("header.services") == f"{SOCIAL}, {CHAT}"


def test_a_table_made_shared_again_and_back_by_undo_and_redo_as_the_file_says(qtbot, new_report, open_window):
    """A service's own table set aside (the shared one shows) and made its own again (a copy of the shared
    one): each one undo step, and after every undo and redo the file holds what the page shows."""
    r = family(new_report)
    r.set_table("SLI 14.1.1", [["", "Value"], ["Austria", "1"]])
    r.set_table(f"SLI 14.1.1 @ {CHAT}", [["", "Value"], ["Austria", "7"]])
    w = open_window(r)
    w.family.switch(CHAT)
    goto(qtbot, w, "Measure 14.1")
    assert w.page._marks["SLI 14.1.1 table"].state == "own"

    def file_and_page():
        _saved(qtbot, w)
        with reopen(r.path) as f:
            own = f.table(f"SLI 14.1.1 @ {CHAT}")
        return own, _table(w, "SLI 14.1.1").code

    before = file_and_page()
    assert before == ([["", "Value"], ["Austria", "7"]], f"SLI 14.1.1 @ {CHAT}")
    depth = w.stack.count()
    assert w.page.change_owner("SLI 14.1.1", False, table=True)  # Chat shows the shared table again
    assert w.stack.count() == depth + 1
    shared = file_and_page()
    assert shared == ([], "SLI 14.1.1") and w.page._marks["SLI 14.1.1 table"].state == "shared"
    assert w.page.change_owner("SLI 14.1.1", True, table=True)  # its own again: a copy of the shared one
    assert w.stack.count() == depth + 2
    copied = file_and_page()
    assert copied == ([["", "Value"], ["Austria", "1"]], f"SLI 14.1.1 @ {CHAT}")
    for expected in (shared, before):
        w.undo_action.trigger()
        assert file_and_page() == expected
    for expected in (shared, copied):
        w.redo_action.trigger()
        assert file_and_page() == expected
    with reopen(r.path) as f:
        assert f.table("SLI 14.1.1") == [["", "Value"], ["Austria", "1"]]  # the shared table never changed


def test_the_navigator_progress_is_the_service_shown(qtbot, new_report, open_window):
    r = family(new_report)
    r.set_text(f"Measure 14.1 @ {VIDEO}", "Video's own answer to the measure.")
    w = open_window(r)
    checked(qtbot, w)
    assert w.navigator._shown["Measure 14.1"].endswith("— empty")  # Lumen Social has no answer there
    w.family.switch(VIDEO)
    checked(qtbot, w)
    qtbot.waitUntil(lambda: w.navigator._shown["Measure 14.1"].endswith("— in progress"), timeout=5000)
    goto(qtbot, w, "Measure 14.1")
    type_into(qtbot, w.page.editors["QRE 14.1.2"], "Shared, typed while Video is shown.")
    _saved(qtbot, w)
    w.family.switch(SOCIAL)
    checked(qtbot, w)
    qtbot.waitUntil(lambda: w.navigator._shown["Measure 14.1"].endswith("— in progress"), timeout=5000)
    with reopen(r.path) as f:
        assert f.text("QRE 14.1.2") == "Shared, typed while Video is shown."  # a shared answer, for all

"""Create a report through the wizard, open files from the start screen, the sample report."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from copdesk.ui.new_report import NewReportWizard, default_period
from tests.ui.conftest import reopen


@pytest.mark.parametrize("kind,today,expected", [
    ("platform", date(2026, 11, 29), ("Report March 2027", date(2026, 7, 1), date(2026, 12, 31))),
    ("platform", date(2026, 2, 10), ("Report March 2026", date(2025, 7, 1), date(2025, 12, 31))),
    ("platform", date(2026, 6, 1), ("Report September 2026", date(2026, 1, 1), date(2026, 6, 30))),
    ("other", date(2026, 11, 29), ("Report March 2027", date(2026, 1, 1), date(2026, 12, 31))),
    ("other", date(2026, 2, 10), ("Report March 2026", date(2025, 1, 1), date(2025, 12, 31))),
])
def test_default_periods(kind, today, expected):
    assert default_period(kind, today) == expected


def test_create_a_report_through_the_wizard(qtbot, tmp_path):
    wizard = NewReportWizard(folder=tmp_path, today=date(2026, 11, 29), who="officer")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    profile = wizard.profile
    assert not wizard.button(QWizard.NextButton).isEnabled()  # the name is required
    qtbot.keyClicks(profile.signatory, "Example Video")
    button = profile.kind_buttons["platform"]
    qtbot.mouseClick(button, Qt.LeftButton, pos=QPoint(8, button.height() // 2))  # on the radio's circle
    assert button.isChecked()
    qtbot.keyClicks(profile.services, "Example Video, Example Shorts")
    qtbot.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    assert wizard.period.title.text() == "Report March 2027"
    assert wizard.period.start.text() == "2026-07-01"
    wizard.period.end.setText("2026-06-01")
    assert not wizard.button(QWizard.NextButton).isEnabled() and "ends before" in wizard.period.problem.text()
    wizard.period.end.setText("2026-12-31")
    qtbot.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    subs = wizard.subscriptions
    assert not wizard.button(QWizard.NextButton).isEnabled()
    qtbot.keyClicks(subs.filter, "14.")
    visible = [subs.tree.topLevelItem(i).text(0) for i in range(subs.tree.topLevelItemCount())
               if not subs.tree.topLevelItem(i).isHidden()]
    assert visible == ["Integrity of Services"]
    subs.check(["Commitment 14", "Commitment 39"])  # a commitment box takes all its measures
    assert subs.selected() == ["Measure 14.1", "Measure 14.2", "Measure 14.3", "Commitment 39"]  # report order
    qtbot.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    target = wizard.save.path.text()
    assert target.endswith("Example-Video-Report-March-2027.copdesk")
    assert wizard.button(QWizard.FinishButton).text() == "&Create report"
    qtbot.mouseClick(wizard.button(QWizard.FinishButton), Qt.LeftButton)
    qtbot.waitUntil(lambda: wizard.created is not None, timeout=3000)
    with reopen(wizard.created) as r:
        assert r.text("header.signatory") == "Example Video"
        assert r.text("header.kind") == "platform"
        assert r.text("header.services") == "Example Video, Example Shorts"
        assert (r.text("header.period_start"), r.text("header.period_end")) == ("2026-07-01", "2026-12-31")
        assert r.subscriptions() == {"Commitment 14", "Measure 14.1", "Measure 14.2", "Measure 14.3", "Commitment 39"}
        assert r.history()[0]["who"] == "officer"


def test_the_count_says_when_ticked_measures_are_hidden_by_the_filter(qtbot, tmp_path):
    # A chapter ticked while the filter shows part of it takes all of it: the count says how many are out of sight.
    wizard = NewReportWizard(folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    subs = wizard.subscriptions
    qtbot.keyClicks(wizard.profile.signatory, "Example Fact-Check")
    qtbot.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    assert wizard.currentPage() is subs
    qtbot.keyClicks(subs.filter, "fact-check")
    chapter = next(subs.tree.topLevelItem(i) for i in range(subs.tree.topLevelItemCount())
                   if subs.tree.topLevelItem(i).text(0) == "Empowering Users")
    shown = [chapter.child(i) for i in range(chapter.childCount()) if not chapter.child(i).isHidden()]
    chapter.setCheckState(0, Qt.Checked)
    qtbot.waitUntil(lambda: "not shown" in subs.count.text(), timeout=2000)
    ticked = [c for c in subs.selected() if c.startswith("Measure")]
    visible = sum(1 for c in shown for i in range(c.childCount()) if not c.child(i).isHidden())
    assert 0 < visible < len(ticked)
    text = subs.count.text()  # the tests run without the English plural catalogue: "measure(s)"
    assert text.startswith(f"{len(ticked)} measure") and text.endswith(f"({len(ticked) - visible} not shown by the filter)")
    subs.filter.clear()
    qtbot.waitUntil(lambda: "not shown" not in subs.count.text(), timeout=2000)
    subs.filter.setText("x")  # the count follows the filter too
    qtbot.waitUntil(lambda: "not shown" in subs.count.text(), timeout=2000)


def test_wizard_refuses_an_existing_file_and_keeps_the_answers(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    (tmp_path / "taken.copdesk").write_text("someone else's")
    wizard = NewReportWizard(folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.profile.signatory, "Org")
    wizard.next()
    wizard.next()
    wizard.subscriptions.check(["Commitment 39"])
    wizard.next()
    wizard.save.path.setText(str(tmp_path / "taken.copdesk"))
    wizard.button(QWizard.FinishButton).click()
    assert shown and "exists already" in shown[0]
    assert wizard.currentPage() is wizard.save and wizard.profile.signatory.text() == "Org"
    assert (tmp_path / "taken.copdesk").read_text() == "someone else's"


def test_start_screen_opens_recent_and_sample(qtbot, new_report):
    from copdesk.ui import settings
    from copdesk.ui.controller import Controller
    r = new_report()
    path = r.path
    r.close()
    settings.add_recent(path)
    controller = Controller()
    controller.show_start()
    qtbot.addWidget(controller.start)
    assert controller.start.recent.item(0).data(Qt.UserRole) == str(path.resolve())
    controller.start.recent.setCurrentRow(0)
    qtbot.keyClick(controller.start.recent, Qt.Key_Return)
    assert len(controller.windows) == 1 and controller.windows[0].session.report.path == path
    assert controller.open_path(path) is controller.windows[0]  # the same file is not opened twice
    controller.start.sample_requested.emit()
    assert len(controller.windows) == 2
    sample = controller.windows[1]
    assert sample.session.report.text("header.signatory") == "Kestrel Video (fictional)"
    for w in list(controller.windows):
        qtbot.addWidget(w)
        w.close()
    assert controller.windows == [] and controller.start.isVisible()


def test_opening_a_foreign_file_shows_a_message(qtbot, tmp_path, monkeypatch):
    from copdesk.ui.controller import Controller
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.informativeText())) or 0)
    bad = tmp_path / "notes.copdesk"
    bad.write_bytes(b"just some notes" * 100)
    assert Controller().open_path(bad) is None
    assert "not a copdesk report" in shown[0][0] and "not changed" in shown[0][1]
    assert bad.read_bytes() == b"just some notes" * 100


def test_a_broken_template_stops_the_start_with_its_location(qtbot, monkeypatch):
    from copdesk import paths
    from copdesk.app import run_window
    from copdesk.core.template import forms
    folder = paths.user_forms_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fix.yaml").write_text("format: copdesk-corrections\ncorrects: coc-2025-03\nchanges:\n"
                                     "  - code: Measure 99.9\n    set: {title: x}\n", encoding="utf-8")
    forms.clear_cache()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.windowTitle(), self.text())) or 0)
    assert run_window(None, start_screen=True) == 2
    assert shown[0][0] == "copdesk cannot start"
    assert "fix.yaml, line 4" in shown[0][1] and "Measure 99.9" in shown[0][1]


def test_wizard_opens_on_the_name_and_asks_services_of_platforms_only(qtbot, tmp_path):
    wizard = NewReportWizard(folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    profile = wizard.profile
    assert len(wizard.templates) == 1 and not profile.edition.isVisible()  # one edition: said, not a choice
    qtbot.waitUntil(lambda: QApplication.focusWidget() is profile.signatory, timeout=2000)
    assert not wizard.button(QWizard.NextButton).isEnabled()
    qtbot.keyClicks(QApplication.focusWidget(), "Example Fact-Check")
    assert profile.signatory.text() == "Example Fact-Check"
    assert wizard.button(QWizard.NextButton).isEnabled()  # the name is all this page needs
    assert not profile.services.isVisible()  # "Other signatory" is the default
    button = profile.kind_buttons["platform"]
    qtbot.mouseClick(button, Qt.LeftButton, pos=QPoint(8, button.height() // 2))
    assert profile.services.isVisible()
    qtbot.keyClicks(profile.services, "Example Video")
    qtbot.mouseClick(profile.kind_buttons["other"], Qt.LeftButton, pos=QPoint(8, button.height() // 2))
    assert not profile.services.isVisible()
    wizard.next()
    wizard.next()
    wizard.subscriptions.check(["Commitment 39"])
    wizard.next()
    wizard.create_report(tmp_path / "r.copdesk")
    with reopen(tmp_path / "r.copdesk") as r:
        assert r.text("header.services") == ""  # typed for a platform, then the kind changed: not kept


def test_period_dates_from_a_calendar(qtbot, tmp_path):
    from copdesk.ui.date_picker import open_calendar
    wizard = NewReportWizard(folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.profile.signatory, "Org")
    wizard.next()
    end = wizard.period.end
    assert [a.toolTip() for a in end.actions() if a.toolTip()] == ["Choose a date (Alt+Down)"]
    menu = open_calendar(end)
    calendar = end.calendar
    assert calendar.selectedDate().toString("yyyy-MM-dd") == "2026-12-31"  # opens on the field's date
    calendar.setSelectedDate(calendar.selectedDate().addDays(-30))
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key_Return)
    assert end.text() == "2026-12-01" and not menu.isVisible()
    assert wizard.button(QWizard.NextButton).isEnabled()


def test_ticking_a_chapter_ticks_its_measures_and_counts_them(qtbot, tmp_path):
    wizard = NewReportWizard(folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.profile.signatory, "Org")
    wizard.next()
    wizard.next()
    subs = wizard.subscriptions
    chapter = subs.tree.findItems("Political Advertising", Qt.MatchExactly)[0]
    chapter.setCheckState(0, Qt.Checked)
    qtbot.waitUntil(lambda: subs.count.text().startswith("28 "), timeout=2000)  # once, after the cascade
    t = wizard.template()
    assert subs.selected() == [m.code for c in t.index["Chapter III"].commitments for m in c.measures]

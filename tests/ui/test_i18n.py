"""Languages: the French catalogue is complete and current, and the window shows it; About and Preferences."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from copdesk import __version__, paths
from copdesk.ui import i18n, settings
from tests.ui.conftest import reopen
from tests.ui.test_drafting import goto

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
PLACEHOLDER = re.compile(r"\{\w+\}|%n")


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for m in context.iter("message"):
            yield context.find("name").text, m


@pytest.fixture
def french(qapp):
    assert i18n.install_translators(qapp, "fr") == "fr"
    yield
    i18n.remove_translators(qapp)


def test_french_catalogue_has_no_unfinished_entry_and_keeps_placeholders_and_shortcuts():
    count = 0
    for context, m in _messages(I18N / "copdesk_fr.ts"):
        source, translation = m.find("source").text, m.find("translation")
        assert translation.get("type") is None, f"{context}: unfinished: {source!r}"
        forms = [f.text for f in translation.findall("numerusform")] if m.get("numerus") == "yes" \
            else [translation.text]
        assert forms and all(forms), f"{context}: empty translation of {source!r}"
        for text in forms:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (source, text)
            assert ("&" in text) == ("&" in source.replace("&nbsp;", "")), (source, text)
        count += 1
    assert count > 300


def test_catalogues_cover_every_tr_string_and_the_compiled_files_are_current(tmp_path):
    """pyside6-lupdate in a temporary folder finds exactly the strings the committed catalogue holds."""
    bin_dir = Path(sys.executable).parent
    fresh = tmp_path / "copdesk_fr.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "copdesk" / "ui").glob("*.py"))
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *sources, "-ts", str(fresh), "-locations", "none"],
                   check=True, capture_output=True)
    found = {(c, m.find("source").text) for c, m in _messages(fresh)}
    committed = {(c, m.find("source").text) for c, m in _messages(I18N / "copdesk_fr.ts")}
    assert found - committed == set(), "strings not in the catalogue: run tools/translations.py and translate"
    assert committed - found == set(), "obsolete strings in the catalogue: run tools/translations.py"
    for ts in I18N.glob("copdesk_*.ts"):
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([str(bin_dir / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{ts.name}: run tools/translations.py"


def test_languages_offered_and_chosen():
    assert i18n.available() == ["en", "fr"]
    settings.set_language("fr")
    assert i18n.chosen() == "fr"
    settings.set_language("xx")
    assert i18n.chosen() == "en"


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_window_speaks_french(qtbot, new_report, open_window, french):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    assert _menu_titles(w) == ["&Fichier", "É&dition", "F&ormat", "&Aller", "&Modèle", "&Relecture", "Aid&e"]
    assert w.next_button.text() == "Suivant ▶" and w.prev_button.text() == "◀ Précédent"
    assert w.undo_action.text().startswith("&Annuler")
    assert w.saved_label.text() == "Enregistré"
    w.show_step("Commitment 12")
    yes_no = w.page.editors["Commitment 12 Q1"]
    assert [b.text() for b in yes_no.buttons.values()] == ["Oui", "Non", "S.O."]
    w.show_step("Measure 12.1")
    assert "votre réponse" in " ".join(label.text() for label in w.page.findChildren(QLabel))
    w.checks.refresh(w.session.template, w.session.snapshot())
    assert "manquant" in w.checks.summary.text()


def test_report_text_and_template_wording_stay_as_written(qtbot, new_report, open_window, french):
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "Our policy applies to every member state.")
    w = open_window(r)
    w.show_step("Measure 12.1")
    assert w.page.editors["QRE 12.1.1"].toPlainText() == "Our policy applies to every member state."
    goto(qtbot, w, "Commitment 12")
    question = w.session.template.questions[0].text
    assert question in [label.text().replace("<b>", "").replace("</b>", "") for label in w.page.findChildren(QLabel)]
    yes_no = w.page.editors["Commitment 12 Q1"]
    qtbot.mouseClick(yes_no.buttons["Yes"], Qt.LeftButton)
    assert yes_no.buttons["Yes"].text() == "Oui"
    w.session.flush()
    with reopen(r.path) as f:
        assert f.text("Commitment 12 Q1") == "Yes"  # stored as the value, not as the button's French text


def test_start_screen_in_french(qtbot, french):
    from copdesk.ui.start import StartView
    view = StartView()
    qtbot.addWidget(view)
    texts = [b.text() for b in view.findChildren(QPushButton)]
    assert "&Nouveau rapport…" in texts and "Ouvrir le rapport d’&exemple" in texts


def test_english_plural_forms(qtbot, qapp):
    from copdesk.ui.checks import FindPanel
    i18n.install_translators(qapp, "en")
    try:
        panel = FindPanel()
        qtbot.addWidget(panel)
        assert panel.tr("%n result(s)", "", 1) == "1 result"
        assert panel.tr("%n result(s)", "", 3) == "3 results"
    finally:
        i18n.remove_translators(qapp)


def test_about_dialog_says_version_licence_and_folders(qtbot):
    from copdesk.ui.about import AboutDialog
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert f"copdesk {__version__}" in text and "EUPL-1.2" in text
    assert str(paths.user_data_dir()) in text and str(paths.user_forms_dir()) in text


def test_help_menu_opens_about(qtbot, new_report, open_window, monkeypatch):
    from copdesk.ui import about
    shown = []
    monkeypatch.setattr(about.AboutDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    w = open_window(new_report(measures=["12.1"]))
    help_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if a.text() == "&About copdesk").trigger()
    assert shown == ["About copdesk"]


def test_preferences_choose_language_and_dictionary(qtbot):
    from copdesk.ui.preferences import PreferencesDialog
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    languages = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert languages == ["System", "English", "Français"]
    dictionaries = [dialog.spell_language.itemData(i) for i in range(dialog.spell_language.count())]
    assert dictionaries[0] == "" and {"en_GB", "fr_FR"} <= set(dictionaries)
    assert dialog.spell_language.currentData() == "en_GB"  # the default
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.spell_language.setCurrentIndex(dialog.spell_language.findData("fr_FR"))
    dialog.name.setText("Ana")
    dialog.accept()
    assert (settings.language(), settings.spell_language(), settings.user_name()) == ("fr", "fr_FR", "Ana")


# Widget calls whose text a person reads: a plain literal here is a string the translation missed.
_SHOWN = {"QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QDockWidget", "QGroupBox", "QMenu",
          "QListWidgetItem", "QTreeWidgetItem", "QProgressDialog", "QMessageBox", "setText", "setToolTip",
          "setPlaceholderText", "setWindowTitle", "showMessage", "addItem", "addAction", "addMenu",
          "setAccessibleName", "setAccessibleDescription", "setTitle", "setSubTitle", "addRow", "addButton",
          "setInformativeText", "setButtonText", "information", "question", "warning", "critical", "getText",
          "getMultiLineText", "getOpenFileName", "getSaveFileName", "getExistingDirectory", "setHtml",
          "setPlainText", "setTabText", "setStatusTip"}


def _literal(node) -> str:
    import ast
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _literal(node.left) + _literal(node.right)
    return ""


def test_no_interface_text_bypasses_the_translation_functions():
    """A word in a literal given straight to a widget would stay English in every language."""
    import ast
    found = []
    for path in sorted((ROOT / "src" / "copdesk" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", "")
            for arg in node.args if name in _SHOWN else ():
                text = re.sub(r"<[^>]+>", "", _literal(arg)).replace("copdesk", "")
                if re.search(r"[A-Za-z]{3,}", text):
                    found.append(f"{path.name}:{node.lineno}: {text[:60]!r}")
    assert found == [], "wrap these in self.tr() or translate(): " + "; ".join(found)

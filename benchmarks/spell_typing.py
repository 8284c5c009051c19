"""Spell checking cost: highlighting a 300-word answer, and one keystroke, in a real RichTextField.

    .venv/bin/python benchmarks/spell_typing.py [LANG]      (LANG: en_GB by default, or fr_FR)

Offscreen. Prints the dictionary load (background thread, paid once per language and run), the first
highlight of a 300-word answer with a cold cache (lookups in slices from the event loop), the same with
a warm cache, and the time of one keystroke in the middle of the text with and without spell checking.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXT = {
    "en_GB": ("The organisation reviewed the labelling of political advertisements in every member state and "
              "recieved reports from fact-checkers about misleading content during the reporting period. "),
    "fr_FR": ("L’organisation a examiné l’étiquetage des publicités politiques dans chaque État membre et a "
              "reçu des signalemens de vérificateurs sur des contenus trompeurs pendant la période. "),
}


def main() -> int:
    code = sys.argv[1] if len(sys.argv) > 1 else "en_GB"
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from copdesk.app import make_app
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp())
    app = make_app()
    from copdesk.core.template.forms import load_template
    from copdesk.core.report.open_file import Report
    from copdesk.ui import settings, spell
    from copdesk.ui.fields import RichTextField
    from copdesk.ui.session import DraftSession
    settings.set_spell_language(code)
    sentence = TEXT[code]
    answer = " ".join((sentence * 20).split()[:300])
    path = Path(tempfile.mkdtemp()) / "bench.copdesk"
    report = Report.create(path, load_template(), signatory="Bench", kind="other", title="Bench",
                           subscriptions=["12.1"])
    report.set_text("QRE 12.1.1", answer)
    session = DraftSession(report)
    checker = spell.checker(code)
    t = time.perf_counter()
    checker.wait()
    load = time.perf_counter() - t

    def highlight(cold: bool) -> float:
        if cold:
            checker._cache.clear()
        editor = RichTextField(session, QUndoStack(), "QRE 12.1.1", "QRE 12.1.1")
        t = time.perf_counter()
        editor.spell.settle()
        took = time.perf_counter() - t
        assert editor.spell.misspelt_words(), "the misspelt word was not found"
        block = editor.document().firstBlock()
        t = time.perf_counter()
        editor.spell.rehighlightBlock(block)  # what a keystroke costs the highlighter (the edited block)
        block_time = time.perf_counter() - t
        _delete(app, editor)
        return took, block_time

    cold = statistics.median(highlight(True)[0] for _ in range(5))
    warm_runs = [highlight(False) for _ in range(5)]
    warm = statistics.median(r[0] for r in warm_runs)
    block = statistics.median(r[1] for r in warm_runs)
    import gc
    t = time.perf_counter()
    gc.collect()
    full_gc = time.perf_counter() - t
    keystroke_on = _keystroke(app, session, spell_on=True)
    keystroke_off = _keystroke(app, session, spell_on=False)
    print(f"{code}: dictionary load {load:.2f} s (background thread)")
    print(f"300-word answer, whole highlight with an empty cache: {cold * 1000:.0f} ms (median of 5), done in "
          f"slices of {spell_slice_ms()} ms from the event loop")
    print(f"300-word answer, whole highlight with a warm cache: {warm * 1000:.1f} ms")
    print(f"re-highlighting the edited 300-word paragraph (per keystroke): {block * 1000:.2f} ms")
    print(f"a full garbage collection with the dictionary loaded: {full_gc * 1000:.0f} ms")
    print(f"one keystroke end to end (median of 50: key, Markdown, undo command): {keystroke_on * 1000:.2f} ms "
          f"with spell checking, {keystroke_off * 1000:.2f} ms without")
    session.report.close()
    return 0


def _delete(app, editor) -> None:
    """Really delete an editor, so it stops following the answer (it is bound to the session)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    editor.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def spell_slice_ms() -> int:
    from copdesk.ui.spell_highlight import SLICE
    return round(SLICE * 1000)


def _keystroke(app, session, spell_on: bool) -> float:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent, QUndoStack
    from copdesk.ui.fields import RichTextField
    editor = RichTextField(session, QUndoStack(), "QRE 12.1.1", "QRE 12.1.1")
    if editor.spell is not None:
        editor.spell.settle()
        if not spell_on:
            editor.spell.setDocument(None)
    editor.show()
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().characterCount() // 2)
    editor.setTextCursor(cursor)
    times = []
    for i in range(50):
        key = "e"
        t = time.perf_counter()
        editor.keyPressEvent(QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_E, Qt.KeyboardModifier.NoModifier, key))
        app.processEvents()
        times.append(time.perf_counter() - t)
    editor.close()
    _delete(app, editor)
    return statistics.median(times)


if __name__ == "__main__":
    raise SystemExit(main())

"""The red wavy underline under misspelt words, and the suggestions on top of the editor's context menu.

Typing must never wait for the dictionary: highlightBlock (run by Qt for the changed block only) uses
cached verdicts and only notes the words it has not seen; those are looked up afterwards in slices of a few
milliseconds from the event loop, and the blocks that held them are highlighted again. The word being typed
is not underlined until the cursor leaves it. Formats set by a QSyntaxHighlighter are not part of the
document: they are never saved, never reach the Markdown and push nothing on the undo stack.

A highlighter starts on its editor's document only when the editor is first painted (attach): a page holds
dozens of answers, most of them below the visible area, and checking those would slow every page switch.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QTimer
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

from copdesk.ui.spell import SpellChecker, words

translate = QCoreApplication.translate
SLICE = 0.008  # seconds of lookups per turn of the event loop


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, editor: QTextEdit, checker: SpellChecker):
        super().__init__(None)  # no document yet (a QTextEdit parent would attach at once): see attach()
        self.setParent(editor)
        self.editor, self.checker = editor, checker
        self.misspelt = QTextCharFormat()
        self.misspelt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelt.setUnderlineColor(QColor("#d00000"))
        self._pending: dict[str, None] = {}  # an ordered set: words to look up
        self._waiting: set[int] = set()  # numbers of the blocks that hold them
        self._held: tuple[int, int, int] | None = None  # (block, start, end) of the word being typed
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._work)
        checker.ready.connect(self._timer.start)
        checker.changed.connect(self._words_added)  # a method, so Qt disconnects it when this editor goes
        editor.cursorPositionChanged.connect(self._cursor_moved)

    @property
    def attached(self) -> bool:
        return self.document() is not None

    def attach(self) -> None:
        """Check the editor's text from now on (called when it is first painted)."""
        if not self.attached:
            self.setDocument(self.editor.document())
            self._quietly(self.rehighlight)  # now, before the paint, instead of Qt's delayed first pass

    def _quietly(self, redo, *args) -> None:
        """Re-highlight without the editor's textChanged: formats are not an edit, and textChanged would make
        the editor convert its text to Markdown again for nothing."""
        with QSignalBlocker(self.editor):
            redo(*args)

    def _words_added(self) -> None:
        self._quietly(self.rehighlight)

    def _cursor(self) -> tuple[int, int]:
        """(block number, position in block) of the cursor while the editor has focus, else (-1, -1)."""
        if not self.editor.hasFocus():
            return -1, -1
        cursor = self.editor.textCursor()
        return cursor.blockNumber(), cursor.positionInBlock()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt naming
        number = self.currentBlock().blockNumber()
        cursor_block, cursor_pos = self._cursor()
        if self._held is not None and self._held[0] == number:
            self._held = None
        for start, length, word in words(text):
            verdict = self.checker.known(word)
            if verdict is not True and number == cursor_block and start <= cursor_pos <= start + length:
                self._held = (number, start, start + length)  # still being typed: judged when left
            elif verdict is None:
                self._pending[word] = None
                self._waiting.add(number)
            elif not verdict:
                self.setFormat(start, length, self.misspelt)
        if self._pending and self.checker.loaded:
            self._timer.start()

    def _work(self) -> None:
        """Look up pending words for at most SLICE seconds, then come back or re-highlight their blocks."""
        if not self.checker.loaded or self.document() is None:  # detached (spell checking dropped)
            return
        deadline = time.perf_counter() + SLICE
        while self._pending and time.perf_counter() < deadline:
            word = next(iter(self._pending))
            del self._pending[word]
            self.checker.check(word)
        if self._pending:
            self._timer.start()
            return
        waiting, self._waiting = self._waiting, set()
        for number in sorted(waiting):
            block = self.document().findBlockByNumber(number)
            if block.isValid():
                self._quietly(self.rehighlightBlock, block)

    def _cursor_moved(self) -> None:
        """The cursor left the word being typed: judge that word now."""
        if self._held is None or self.document() is None:
            return
        number, start, end = self._held
        block, pos = self._cursor()
        if block == number and start <= pos <= end:
            return
        self._held = None
        found = self.document().findBlockByNumber(number)
        if found.isValid():
            self._quietly(self.rehighlightBlock, found)

    def settle(self) -> None:
        """Highlight the whole text and finish every lookup now (tests and benchmarks)."""
        self.attach()
        self.checker.start()
        self.checker.wait()
        self._quietly(self.rehighlight)
        while self._pending or self._waiting:
            self._work()

    def misspelt_words(self) -> list[str]:
        """The words underlined now, in order (what a person sees; used by tests)."""
        found = []
        if not self.attached:
            return found
        block = self.document().begin()
        while block.isValid():
            for r in block.layout().formats():
                if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                    found.append(block.text()[r.start:r.start + r.length])
            block = block.next()
        return found


def add_suggestions(menu: QMenu, editor: QTextEdit, highlighter: SpellHighlighter | None, pos) -> None:
    """Put the suggestions for the misspelt word at `pos` (and "Add to dictionary") on top of `menu`."""
    if highlighter is None or not highlighter.checker.loaded:
        return
    cursor = editor.cursorForPosition(pos)
    block, at = cursor.block(), cursor.positionInBlock()
    hit = next(((s, n, w) for s, n, w in words(block.text()) if s <= at <= s + n), None)
    if hit is None or highlighter.checker.check(hit[2]):
        return
    start, length, word = hit
    first = menu.actions()[0] if menu.actions() else None
    entries: list[QAction] = []
    for suggestion in highlighter.checker.suggestions(word):
        action = QAction(suggestion, menu)
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(lambda _c=False, s=suggestion: _replace(editor, block.position() + start,
                                                                         length, s))
        entries.append(action)
    if not entries:
        none = QAction(translate("SpellMenu", "No suggestions"), menu)
        none.setEnabled(False)
        entries.append(none)
    add = QAction(translate("SpellMenu", "Add “{word}” to dictionary").format(word=word), menu)
    add.triggered.connect(lambda _c=False: highlighter.checker.add(word))
    entries.append(add)
    if first is None:
        menu.addActions(entries)
        return
    menu.insertActions(first, entries)
    menu.insertSeparator(first)


def _replace(editor: QTextEdit, position: int, length: int, text: str) -> None:
    """Replace one word as an ordinary edit (textChanged pushes it on the window's undo stack), in a macro
    of its own so it is one undo step, not merged into the typing around it."""
    stack = getattr(editor, "stack", None)
    if stack is not None:
        stack.beginMacro(translate("SpellMenu", "Correct spelling"))
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    if stack is not None:
        stack.endMacro()

"""Editors for one answer each: line, choice, date, yes/no, rich text. SLI tables live in ui/sli_table.py.

Every editor is bound to an answer code. A user edit goes through ui/operations.py (an undo command that
writes through the session); a change from elsewhere (undo, redo, import) arrives as session.answer_changed
and refreshes the editor without pushing anything back.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QTextEdit,
                               QVBoxLayout, QWidget)

from copdesk.core.markdown import dialect as markdown
from copdesk.ui import rich_document
from copdesk.ui.qt import Qt
from copdesk.ui.session import DraftSession
from copdesk.ui.style import mark

_NOT_YET = object()  # a RichTextField's spell highlighter before it is made
LARGE_DOC = 200_000  # characters: a larger answer is converted to Markdown once per save, not per keystroke
EXPECTED_WIDTH = 580  # pixels: the text width of an answer in a page of the usual window, until it is laid out
SPELL_AFTER_MS = 60  # underlines come this long after an answer is first painted: a page shows at once, and
# pages flipped past (Ctrl+PgDown held) are never checked

translate = QCoreApplication.translate


def _is_undo_redo(event) -> bool:
    return event.type() == QEvent.ShortcutOverride and (
        event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo)
        or (event.key() == Qt.Key_Y and event.modifiers() == Qt.ControlModifier))


class Binding:
    """Ties an editor to an answer code: pushes user edits, follows changes made elsewhere."""

    def bind(self, session: DraftSession, stack: QUndoStack, code: str, label: str) -> None:
        """Called by each editor's __init__ (PySide6 runs the mixin's __init__ with no arguments)."""
        self.session, self.stack, self.code, self.label = session, stack, code, label
        self._updating = False
        session.answer_changed.connect(self._on_changed)

    def push(self, new: str) -> None:
        if self._updating:
            return
        from copdesk.ui import operations  # at the first edit, not at start-up
        operations.edit_text(self.session, self.stack, self.code, new, self.label)

    def _on_changed(self, code: str) -> None:
        if code == self.code:
            self._updating = True
            try:
                self.load(self.session.text(code))
            finally:
                self._updating = False

    def load(self, text: str) -> None:  # pragma: no cover - each editor overrides
        raise NotImplementedError

    def event(self, event) -> bool:
        """Ctrl+Z / Ctrl+Shift+Z are the window's: one undo history across all fields."""
        if _is_undo_redo(event):
            event.ignore()
            return False
        return super().event(event)


def _accessible(widget: QWidget, code: str, label: str) -> None:
    widget.setAccessibleName(f"{code}: {label}" if label and label != code else code)
    widget.setAccessibleDescription(label)


class LineField(Binding, QLineEdit):
    def __init__(self, session, stack, code, label, placeholder: str = "", parent=None):
        QLineEdit.__init__(self, parent)
        self.bind(session, stack, code, label)
        _accessible(self, code, label)
        self.setPlaceholderText(placeholder)
        self.load(session.text(code))
        self.textEdited.connect(self.push)

    def load(self, text: str) -> None:
        if self.text() != text:
            self.setText(text)


class DateField(LineField):
    """A date typed as YYYY-MM-DD, with the problem said beside it (never colour alone), and a calendar
    button (ui/date_picker.py), put in once the field is on screen: its icon is no start-up cost."""

    def __init__(self, session, stack, code, label, parent=None):
        super().__init__(session, stack, code, label, translate("DateField", "YYYY-MM-DD"), parent)
        self.problem = QLabel()
        mark(self.problem, "fieldProblem")
        self.problem.setVisible(False)
        self.textChanged.connect(self._check)
        self._check(self.text())
        self._calendar = False

    def _attach_calendar(self) -> None:
        from copdesk.ui.date_picker import attach_calendar
        attach_calendar(self, self.push)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not self._calendar:
            self._calendar = True
            QTimer.singleShot(0, self, self._attach_calendar)
        super().paintEvent(event)

    def _check(self, text: str) -> None:
        try:
            if text.strip():
                date.fromisoformat(text.strip())
            self.problem.setText("")
        except ValueError:
            self.problem.setText(self.tr("⚠ Write the date as YYYY-MM-DD, for example 2025-12-31."))
        self.problem.setVisible(bool(self.problem.text()))


class ChoiceField(Binding, QComboBox):
    def __init__(self, session, stack, code, label, choices: tuple[tuple[str, str], ...], parent=None):
        QComboBox.__init__(self, parent)
        self.bind(session, stack, code, label)
        _accessible(self, code, label)
        for value, text in choices:
            self.addItem(text, value)
        self.load(session.text(code))
        self.activated.connect(lambda i: self.push(self.itemData(i)))

    def load(self, text: str) -> None:
        i = self.findData(text)
        if i >= 0:
            self.setCurrentIndex(i)


class YesNoField(Binding, QWidget):
    """Yes / No / N/A as choices. Prose from an imported report is kept and shown, never overwritten silently."""

    choice_changed = Signal(str)
    CHOICES = ("Yes", "No", "N/A")  # the stored values; the buttons show them translated
    LABELS = (QT_TRANSLATE_NOOP("YesNoField", "Yes"), QT_TRANSLATE_NOOP("YesNoField", "No"),
              QT_TRANSLATE_NOOP("YesNoField", "N/A"))

    def __init__(self, session, stack, code, label, parent=None):
        QWidget.__init__(self, parent)
        self.bind(session, stack, code, label)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons = {}
        for i, text in enumerate(self.CHOICES):
            button = QRadioButton(self.tr(text))
            _accessible(button, code, f"{label}: {text}")
            self.group.addButton(button, i)
            row.addWidget(button)
            self.buttons[text] = button
        self.prose = QLabel()
        self.prose.setWordWrap(True)
        row.addWidget(self.prose, 1)
        self.group.idClicked.connect(lambda i: self.push(self.CHOICES[i]))
        self.load(session.text(code))

    def value(self) -> str:
        return self.session.text(self.code)

    def load(self, text: str) -> None:
        match = next((c for c in self.CHOICES if text.strip().rstrip(".").lower() == c.lower()), None)
        self.group.setExclusive(False)
        for c, b in self.buttons.items():
            b.setChecked(c == match)
        self.group.setExclusive(True)
        self.prose.setText("" if match or not text.strip() else self.tr("Answer as written: “{text}”").format(
            text=text.strip()[:200]))
        self.choice_changed.emit(match or "")


class RichTextField(Binding, QTextEdit):
    """Paragraphs, bold, italic, nested bullets and links, stored as Markdown (core.markdown.dialect, the one dialect).

    The stored text is read into the document model and shown; an edit writes back the stored text with only
    the edited paragraphs written anew (markdown.Source), so an answer nobody changed is never rewritten.
    Pasting from Word keeps lists, links, bold and italic and drops fonts and colours. The editor's own
    undo is off: Ctrl+Z goes to the window's stack, which spans all fields.
    """

    text_width = EXPECTED_WIDTH  # the text width the last answer laid out got: the next page's get the same

    def __init__(self, session, stack, code, label, parent=None):
        QTextEdit.__init__(self, parent)
        self.bind(session, stack, code, label)
        _accessible(self, code, label)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(90)
        self._markdown = None
        self._source: markdown.Source | None = None  # the stored text as last loaded or written
        self.load(session.text(code))
        self.textChanged.connect(self._edited)
        self._spell = None if self._large() else _NOT_YET
        self._spell_due = False
        self._opened = False  # shown once (showEvent)

    @property
    def spell(self):
        """The spell-check highlighter (None when spelling is off, or for a huge answer), made on first use:
        for an editor on screen, just after its first paint (see paintEvent)."""
        if self._spell is _NOT_YET:
            self._spell = _spell_highlighter(self)
        return self._spell

    def _start_spell(self) -> None:
        spell = self.spell
        if spell is not None and not spell.attached:
            spell.attach()

    def markdown(self) -> str:
        """The answer as stored text: the stored spelling wherever the document still says the same."""
        if self._source is None or self._source.text != self._markdown:
            self._source = markdown.Source(self._markdown or "")
        return self._source.rewrite(rich_document.read(self.document()))

    def load(self, text: str) -> None:
        if self._markdown == text:
            return
        self._markdown = text
        self._source = None  # parsed again at the first edit, not for every answer a page shows
        self.blockSignals(True)
        rich_document.fill(self.document(), markdown.parse(text), self.palette().link())
        self.blockSignals(False)
        self._fit()

    def _large(self) -> bool:
        return self.document().characterCount() > LARGE_DOC

    def _edited(self) -> None:
        if self._large():  # converting 10 MB to Markdown takes a third of a second: not on every keystroke
            self._drop_spell()
            self.session.defer(self._convert)
            return
        self._convert()

    def _drop_spell(self) -> None:
        """No spell check on a huge answer: underlining megabytes of words would freeze the window."""
        spell, self._spell = self._spell, None  # first: detaching re-highlights, which calls _edited again
        if spell is _NOT_YET:
            return
        if spell is not None:
            import shiboken6
            shiboken6.delete(spell)  # at once, with its lookup timer (deleteLater could let it fire first)

    def _convert(self) -> None:
        self._fit()
        new = self.markdown()
        if self._updating or new == self._markdown:
            return
        self._markdown = new
        self.push(new)

    def _fit(self) -> None:
        """As tall as the text (at least 90 px): the page scrolls, never a box inside it (a huge pasted answer
        of over LARGE_DOC characters keeps a box of 600 px with its own scrollbar)."""
        document = self.document()
        if not self.isVisible():  # not laid out yet: wrap where it will wrap once shown
            document.setTextWidth(RichTextField.text_width)
        height = int(document.size().height()) + 16
        if document.textWidth() != RichTextField.text_width and not self.isVisible():
            document.setTextWidth(RichTextField.text_width)  # the editor re-wrapped it for a scrollbar it has not
            height = int(document.size().height()) + 16
        self.setFixedHeight(max(90, min(height, 600) if self._large() else height))

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """The wheel scrolls the page: an answer shows all its text (only a huge one scrolls inside)."""
        if not self.verticalScrollBar().maximum():
            event.ignore()
            return
        super().wheelEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """An answer opens at its top. (Loading leaves the cursor after the text, where typing goes on, and
        a QTextEdit scrolls to its cursor when first shown: a long answer showed only its last lines.)"""
        super().showEvent(event)
        if not self._opened:  # the first time only: a window shown again keeps where the reader was
            self._opened = True
            self.verticalScrollBar().setValue(0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """The text wraps anew at a new width: the height follows. When the text was laid out at this very
        width already (when it was loaded, at the width the last page's answers had), it is not laid out
        again: that second layout of every answer was a fifth of a page switch."""
        # contentsRect, not viewport(): the first viewport() from Python costs start-up 17 ms (no scrollbar here)
        if self.document().textWidth() != self.contentsRect().width() or self._large():
            super().resizeEvent(event)
        else:  # laid out at this width already: the sideways range set while the editor had Qt's default size
            self.horizontalScrollBar().setRange(0, 0)  # goes too (it showed a scrollbar under empty answers)
        if event.size().width() == event.oldSize().width() or self._large():
            return
        if not self.verticalScrollBar().isVisibleTo(self):  # the width of a text without a scrollbar of its own
            RichTextField.text_width = self.document().textWidth()
        if self.isVisible():
            self._fit()
        else:  # the first resize, as it is shown: a resize made inside it would not reach the scrollbars
            QTimer.singleShot(0, self, self._fit)

    # -- formatting (Format menu and shortcuts act on the focused editor) ----------------------
    # The text-format classes are imported where used: each brings its enums, which start-up need not build.
    def toggle_bold(self) -> None:
        from PySide6.QtGui import QFont, QTextCharFormat
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Normal if self.fontWeight() > QFont.Normal else QFont.Bold)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        from PySide6.QtGui import QTextCharFormat
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def toggle_bullets(self) -> None:
        from PySide6.QtGui import QTextCursor, QTextListFormat
        cursor = self.textCursor()
        current = cursor.currentList()
        if current is not None:
            for i in range(current.count() - 1, -1, -1):
                block = current.item(i)
                if block.position() <= cursor.selectionEnd() and block.position() + block.length() > cursor.selectionStart():
                    current.remove(block)
                    fmt = block.blockFormat()
                    fmt.setIndent(0)
                    QTextCursor(block).setBlockFormat(fmt)
        else:
            cursor.createList(QTextListFormat.ListDisc)

    def indent(self, step: int = 1) -> None:
        """Nest (step 1) or un-nest (step -1) the current bullet."""
        cursor = self.textCursor()
        current = cursor.currentList()
        if current is None:
            return
        level = max(1, current.format().indent() + step)
        from PySide6.QtGui import QTextListFormat
        fmt = QTextListFormat()
        fmt.setIndent(level)
        fmt.setStyle(QTextListFormat.ListDisc)  # Markdown "-" at every level
        cursor.createList(fmt)

    def insert_link(self, url: str, text: str = "") -> None:
        from PySide6.QtGui import QTextCharFormat
        cursor = self.textCursor()
        plain = self.currentCharFormat()
        fmt = QTextCharFormat(plain)
        fmt.setAnchor(True)
        fmt.setAnchorHref(url)
        fmt.setForeground(self.palette().link())
        fmt.setFontUnderline(True)
        cursor.insertText(text or cursor.selectedText() or url, fmt)
        cursor.insertText(" ", plain)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """Typing "- " or "* " at the start of a paragraph starts a bullet list, as in Word."""
        cursor = self.textCursor()
        if (event.key() == Qt.Key_Space and cursor.currentList() is None
                and cursor.block().text() in ("-", "*") and cursor.positionInBlock() == 1):
            cursor.beginEditBlock()
            cursor.deletePreviousChar()
            from PySide6.QtGui import QTextListFormat
            cursor.createList(QTextListFormat.ListDisc)
            cursor.endEditBlock()
            return
        if event.key() in (Qt.Key_Tab, Qt.Key_Backtab) and cursor.currentList() is not None:
            self.indent(-1 if event.key() == Qt.Key_Backtab or event.modifiers() & Qt.ShiftModifier else 1)
            return
        super().keyPressEvent(event)

    def createStandardContextMenu(self, pos=None):  # noqa: N802 - Qt naming
        """The editor's menu, with spelling suggestions and "Add to dictionary" on top at a misspelt word."""
        if pos is None:
            return super().createStandardContextMenu()
        menu = super().createStandardContextMenu(pos)
        from copdesk.ui.spell_highlight import add_suggestions
        add_suggestions(menu, self, self.spell, pos)
        return menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt naming
        menu = self.createStandardContextMenu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """Spelling is checked from the first time the editor is on screen, not for answers out of sight: the
        text shows first, its underlines follow SPELL_AFTER_MS later."""
        if not self._spell_due and self._spell is not None:
            self._spell_due = True
            QTimer.singleShot(SPELL_AFTER_MS, self, self._start_spell)
        super().paintEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """The spelling dictionary loads (in the background) when someone first writes, not at start-up."""
        spell = self.spell
        if spell is not None and not spell.checker.loaded:
            spell.checker.start()
        super().focusInEvent(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 (Qt's name)
        if len(source.text()) + len(source.html()) > LARGE_DOC:
            self._drop_spell()
        if source.hasHtml():  # through the document model: what the dialect cannot hold (fonts, colours) goes
            from PySide6.QtGui import QTextDocument, QTextDocumentFragment
            clean = QTextDocument()
            rich_document.fill(clean, markdown.normalize(rich_document.from_html(source.html())),
                               self.palette().link())
            self.textCursor().insertFragment(QTextDocumentFragment(clean))
        else:
            super().insertFromMimeData(source)


def _spell_highlighter(editor: QTextEdit):
    """The spell-check underline for `editor`, or None when spell checking is off (Preferences)."""
    from copdesk.ui import spell
    from copdesk.ui.spell_highlight import SpellHighlighter
    checker = spell.checker(start=False)
    return SpellHighlighter(editor, checker) if checker is not None else None


class WrapLabel(QLabel):
    """A label whose text wraps, its height for a width remembered until its text, font or margins change.

    A page's layout asks each label its height for its minimum width and for its real width, three or four
    times each, and QLabel lays the text out again for every question: a tenth of a page switch."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[int, str], int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        key = (width, self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 16:  # a window resized by dragging: only the last few widths matter
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() in _LABEL_CHANGES:
            self._heights.clear()
        super().changeEvent(event)


_LABEL_CHANGES = (QEvent.FontChange, QEvent.StyleChange, QEvent.ContentsRectChange, QEvent.LayoutDirectionChange)
_BOLD = None  # the titles' bold font, from when the first window has painted (fonts_ready)


def fonts_ready(widget: QWidget) -> None:
    """Titles from now on are plain text in a bold font (called once the first window has painted)."""
    global _BOLD
    if _BOLD is None:
        _BOLD = widget.font()
        _BOLD.setBold(True)


def labelled(title: str, editor: QWidget, wording: str = "", note: str = "", extra: QWidget | None = None) -> QWidget:
    """A block: bold label (with `extra`, e.g. the comment button, beside it), official wording when we
    have it (or a clearly marked summary), the editor."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 8, 0, 8)
    if _BOLD is not None:  # plain text in a bold font: a rich-text label lays out a text document (~1.4 ms a page)
        head = WrapLabel(title.replace("&", "&&"))  # "&&": an ampersand, not a mnemonic
        head.setFont(_BOLD)
    else:  # until the first window has painted: a bold QFont makes QFont's type (~2 ms of start-up)
        head = WrapLabel(f"<b>{title}</b>")
    row = QHBoxLayout()
    row.addWidget(head, 1)
    if extra is not None:
        top = QVBoxLayout()  # at the top beside a title that wraps (an alignment flag would build Qt's enums)
        top.addWidget(extra)
        top.addStretch(1)
        row.addLayout(top)
    lay.addLayout(row)
    for text, name in ((wording, "wording"), (note, "summary")):
        if text:
            lab = WrapLabel(text)
            mark(lab, name)
            lab.setTextInteractionFlags(Qt.TextSelectableByMouse)
            lay.addWidget(lab)
    lay.addWidget(editor)
    problem = getattr(editor, "problem", None)
    if problem is not None:
        lay.addWidget(problem)
    head.setBuddy(editor)
    return box

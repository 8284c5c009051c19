"""The SLI table editor: one row per member state (plus optional totals), metric columns the user names.

Cells keep exactly what was typed. Checks (numbers, totals) come from core.rules.tables and are shown three
ways: a mark in the cell, its tooltip, and a list of messages under the table (never colour alone).
The view reads the stored grid through a small model (ui/sli_model.py): a page holds many tables, and
each must be cheap to show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from copdesk.core.errors import CopdeskError
from copdesk.core.model import Grid
from copdesk.core.rules.tables import check_table, not_available, read_csv
from copdesk.ui import ask, operations
from copdesk.ui.session import DraftSession
from copdesk.ui.sli_model import GridModel, rectangular
from copdesk.ui.style import mark

ROW_HEIGHT = 22
MIN_COLUMN, MAX_COLUMN = 90, 240  # pixels: room to type a figure; a longer title wraps in the header
CELL_PADDING = 16  # pixels beside the text of a cell (its margins and the focus frame)
HEADER_PADDING = 20  # pixels beside a column title (the header's margins, the divider)


def _wrap(title: str, metrics, width: int) -> str:
    """`title` in lines no wider than `width` pixels, broken between words (a word wider stays whole)."""
    lines: list[str] = []
    for word in title.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def default_grid(session: DraftSession, with_totals: bool = True) -> Grid:
    t = session.template
    rows = list(t.member_states) + (list(t.total_rows) if with_totals else [])
    return [[t.country_column, "Value"]] + [[label, None] for label in rows]


class SidewaysTable(QTableView):
    """A table that scrolls sideways only: it is as tall as its rows, and an up or down turn of the wheel
    over it scrolls the page it sits in (it caught the wheel, and the page stopped scrolling under it)."""

    def __init__(self):
        super().__init__()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt naming
        delta = event.angleDelta()
        if abs(delta.y()) > abs(delta.x()) and not event.modifiers() & Qt.ShiftModifier:
            event.ignore()  # the page scrolls
            return
        super().wheelEvent(event)


def select_cell(table, row: int, col: int) -> None:
    """Make grid cell (row, col) of `table` (a SliTableField) the current cell, scrolled into view."""
    if table is None or row < 1 or col < 1:
        return
    index = table.model.index(row - 1, col - 1)
    if index.isValid():
        table.view.setCurrentIndex(index)
        table.view.scrollTo(index)


class SliTableField(QWidget):
    problems_changed = Signal(int)
    cell_comment_requested = Signal(str)  # "CODE@row,col" (row and column of the stored grid)

    def __init__(self, session: DraftSession, stack: QUndoStack, code: str, parent=None):
        super().__init__(parent)
        self.session, self.stack, self.code = session, stack, code
        self.read_only = False
        self._text_widths: dict[str, int] = {}  # cell text -> its width in the view's font
        self._widths_font = ""  # the font those widths are of (QFont.key)
        self._labels_measured: tuple = ()  # the row labels the label column's width is of
        self._label_column = 0
        self._scrollbar_height: int | None = None
        self.model = GridModel(self)
        self.model.cell_edited.connect(self._cell_edited)
        self.view = SidewaysTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("{code}: member-state table").format(code=code))
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the next answer (in a cell editor, Tab
        # still goes to the next cell)
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.view.setCornerButtonEnabled(False)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.paste_action = QAction(self.tr("Paste"), self.view, shortcut=QKeySequence.Paste,
                                    shortcutContext=Qt.WidgetShortcut)
        self.paste_action.triggered.connect(self.paste)
        self.view.addAction(self.paste_action)
        self.setFocusProxy(self.view)  # a jump to the table lands in its cells
        self.copy_action = QAction(self.tr("Copy"), self.view, shortcut=QKeySequence.Copy,
                                   shortcutContext=Qt.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy)
        self.view.addAction(self.copy_action)
        self.messages = QLabel()
        mark(self.messages, "tableProblems")
        self.messages.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self._buttons())
        lay.addWidget(self.view)
        lay.addWidget(self.messages)
        session.answer_changed.connect(self._on_changed)
        self.load()
        self.view.selectionModel().currentChanged.connect(self._name_buttons)
        self._name_buttons()

    def _buttons(self) -> QHBoxLayout:
        """Columns ▾ (add, rename, remove: the last two say which column), Import CSV…, Not available…. Three
        buttons that fit beside any page width: five, naming a long column, made the page scroll sideways."""
        row = QHBoxLayout()
        self.columns_menu = QMenu(self)
        self.add_action = self.columns_menu.addAction(self.tr("Add column…"), self.add_column)
        self.rename_action = self.columns_menu.addAction(self.tr("Rename column…"), self.rename_column)
        self.remove_action = self.columns_menu.addAction(self.tr("Remove column"), self.remove_column)
        self.columns_menu.setToolTipsVisible(True)
        columns = QPushButton(self.tr("Columns"))
        columns.setToolTip(self.tr("Add, rename or remove a metric column"))
        columns.setMenu(self.columns_menu)
        self.buttons: list[QPushButton] = [columns]
        for text, slot, tip in [
            (self.tr("Import CSV…"), self.import_csv, self.tr("Replace the table with a CSV file")),
            (self.tr("Not available…"), self.mark_not_available,
             self.tr("Mark the selected cells as not available, with a reason")),
        ]:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, f=slot: f())
            self.buttons.append(button)
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def column_name(self, col: int | None = None) -> str:
        """The name of metric column `col` of the view (the current cell's by default)."""
        col = self._current_cell()[1] if col is None else col
        return str(self.model.headerData(col, Qt.Horizontal, Qt.ToolTipRole) or "")

    def _name_buttons(self, *_args) -> None:
        """Rename and Remove say which column they act on: the current cell's."""
        name = self.column_name()
        short = name if len(name) <= 32 else name[:31].rstrip() + "…"
        self.rename_action.setText(self.tr("Rename “{name}”…").format(name=short))
        self.remove_action.setText(self.tr("Remove “{name}”").format(name=short))
        self.rename_action.setToolTip(self.tr("Rename the column “{name}”").format(name=name))
        self.remove_action.setToolTip(self.tr("Remove the column “{name}” and its figures").format(name=name))
        self.remove_action.setEnabled(not self.read_only and self.model.columnCount() > 1)

    def set_read_only(self) -> None:
        """A frozen report: the table can be read, selected and commented, not changed (not even by paste)."""
        self.read_only = self.model.read_only = True
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.paste_action.setEnabled(False)
        for button in self.buttons:
            button.setEnabled(False)
        for action in (self.add_action, self.rename_action, self.remove_action):
            action.setEnabled(False)

    # -- model ----------------------------------------------------------------------------------
    def _on_changed(self, code: str) -> None:
        if code == self.code:
            self.load()

    def load(self) -> None:
        """Show the stored table (or the empty one per member state), checked; one read of the file."""
        stored = self.session.table(self.code)
        grid = stored if stored else default_grid(self.session)
        issues = check_table(self.session.template, grid) if stored else []
        self.model.set_grid(grid, {(i.row, i.col): i.message for i in issues})
        self._fit()
        self._show_issues(grid, issues)

    def _fit(self) -> None:
        """Column widths from the text (cheaper than asking every cell for its size), the height of every row.

        A column is as wide as its widest cell, or its title's longest word, whichever is wider (up to
        MAX_COLUMN); a longer title wraps onto more lines in the header rather than being cut."""
        metrics = self.view.fontMetrics()
        head = self.view.horizontalHeader()
        head_metrics = head.fontMetrics()
        icon = self.view.iconSize().width() if self.model.problems else 0
        wrapped = {}
        font = self.view.font().key()
        if font != self._widths_font or len(self._text_widths) > 5000:  # remembered for one font, within bounds
            self._text_widths, self._widths_font = {}, font
        widths = self._text_widths
        for c in range(self.model.columnCount()):
            cells = 0
            for r in range(self.model.rowCount()):
                text = self.model.cell(r, c)
                if text not in widths:  # each text measured once: the other cells are as they were
                    widths[text] = metrics.horizontalAdvance(text)
                cells = max(cells, widths[text])
            title = self.column_name(c)
            whole = head_metrics.horizontalAdvance(title) + HEADER_PADDING
            word = max((head_metrics.horizontalAdvance(w) for w in title.split()), default=0) + HEADER_PADDING
            width = min(max(cells + icon + CELL_PADDING, word, min(whole, MAX_COLUMN), MIN_COLUMN), MAX_COLUMN)
            if self.view.columnWidth(c) != width:  # unchanged widths and height: no new layout of the page
                self.view.setColumnWidth(c, width)
            if whole > width:
                wrapped[c] = _wrap(title, head_metrics, width - HEADER_PADDING)
        self.model.set_wrapped(wrapped)
        lines = max((t.count("\n") + 1 for t in wrapped.values()), default=1)
        header_height = head_metrics.lineSpacing() * lines + 10
        if head.minimumHeight() != header_height or head.maximumHeight() != header_height:
            head.setFixedHeight(header_height)  # only when it changes: each call lays the page out again
        self._columns = sum(self.view.columnWidth(c) for c in range(self.model.columnCount()))
        self._fit_height()

    def _fit_height(self) -> None:
        """Every row shown: the table scrolls sideways only, with room for that scrollbar when it has one.

        The row labels' column is measured again only when the labels change: asking the header for its size
        reads every label through the model, which cost typing in a cell some 10 ms after each save."""
        room = self.width() or 600  # the view is as wide as this widget; 600 until it is laid out
        labels = (self.view.font().key(), *(row[0] for row in self.model.grid))
        if labels != self._labels_measured:
            self._label_column, self._labels_measured = self.view.verticalHeader().sizeHint().width(), labels
        wider = self._columns + self._label_column + 2 * self.view.frameWidth() > room
        if wider and self._scrollbar_height is None:
            self._scrollbar_height = self.view.horizontalScrollBar().sizeHint().height()
        scrollbar = self._scrollbar_height if wider else 0
        height = self.view.horizontalHeader().height() + ROW_HEIGHT * self.model.rowCount() + scrollbar
        height += 2 * self.view.frameWidth()
        if self.view.minimumHeight() != height or self.view.maximumHeight() != height:
            self.view.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """A new width may add or take away the sideways scrollbar: the height follows, so no row hides."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def _show_issues(self, grid: Grid, issues) -> None:
        lines = []
        for issue in issues:
            label = grid[issue.row][0] if issue.row < len(grid) else issue.row
            column = grid[0][issue.col] if issue.col < len(grid[0]) else issue.col
            lines.append(f"⚠ {label} / {column}: {issue.message}")
        text = "\n".join(lines[:20]) + ("\n" + self.tr("… and {n} more").format(n=len(lines) - 20)
                                        if len(lines) > 20 else "")
        if self.messages.text() != text:  # the same text again would lay the page out anew
            self.messages.setText(text)
        self.problems_changed.emit(len(issues))

    def _commit(self, new: Grid, label: str) -> None:
        if not self.read_only:
            operations.edit_table(self.session, self.stack, self.code, new, f"{label} ({self.code})")

    def _current(self) -> Grid:
        """A rectangular copy of the table as shown (the model's grid, refreshed on every load)."""
        return rectangular(self.model.grid)

    def _current_cell(self) -> tuple[int, int]:
        """(row, column) of the view's current cell; the first cell when there is none."""
        index = self.view.currentIndex()
        return (index.row(), index.column()) if index.isValid() else (0, 0)

    # -- edits ----------------------------------------------------------------------------------
    def _cell_edited(self, row: int, col: int, text: str) -> None:
        grid = self._current()
        grid[row + 1][col + 1] = text if text != "" else None
        self._commit(grid, self.tr("Edit cell"))

    def set_cells(self, top: int, left: int, block: list[list[str]]) -> int:
        """Write a block of cells from (top, left); returns how many rows did not fit."""
        grid = self._current()
        width = len(grid[0])
        need = left + 1 + max(len(r) for r in block)
        if need > width:
            for i, row in enumerate(grid):
                row += [f"Column {c}" if i == 0 else None for c in range(width, need)]
        fitted = 0
        for r, values in enumerate(block):
            if top + 1 + r >= len(grid):
                break
            fitted += 1
            for c, value in enumerate(values):
                grid[top + 1 + r][left + 1 + c] = value if value != "" else None
        self._commit(grid, self.tr("Paste"))
        return len(block) - fitted

    def paste(self) -> int:
        text = QGuiApplication.clipboard().text()
        if not text or self.read_only:
            return 0
        block = [line.split("\t") for line in text.rstrip("\r\n").replace("\r\n", "\n").split("\n")]
        top, left = self._current_cell()
        lost = self.set_cells(top, left, block)
        if lost:
            self.messages.setText(self.tr("⚠ %n pasted row(s) did not fit: the table has one row per member state.", "",
                                          lost))
        return lost

    def copy(self) -> str:
        """The selected cells to the clipboard as tab-separated lines (what Excel and LibreOffice paste)."""
        cells = sorted((i.row(), i.column()) for i in self.view.selectionModel().selectedIndexes())
        if not cells:
            return ""
        rows = range(min(r for r, _ in cells), max(r for r, _ in cells) + 1)
        cols = range(min(c for _, c in cells), max(c for _, c in cells) + 1)
        text = "\n".join("\t".join(self.model.cell(r, c) for c in cols) for r in rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def cut(self) -> str:
        """Copy the selected cells, then empty them (one step on the undo history)."""
        text = self.copy()
        cells = [(i.row(), i.column()) for i in self.view.selectionModel().selectedIndexes()]
        if cells and not self.read_only:
            grid = self._current()
            for r, c in cells:
                grid[r + 1][c + 1] = None
            self._commit(grid, self.tr("Cut"))
        return text

    def add_column(self, name: str | None = None) -> None:
        if name is None:
            name, ok = ask.text(self, self.tr("Add a column to {code}").format(code=self.code),
                                self.tr("Name of the new metric column:"))
            if not ok or not name.strip():
                return
        grid = self._current()
        for i, row in enumerate(grid):
            row.append(name.strip() if i == 0 else None)
        self._commit(grid, self.tr("Add column"))

    def rename_column(self, name: str | None = None) -> None:
        col = self._current_cell()[1] + 1
        grid = self._current()
        if name is None:
            current = grid[0][col] or ""
            name, ok = ask.text(self, self.tr("Rename a column of {code}").format(code=self.code),
                                self.tr("New name for the column “{name}”:").format(name=current), current)
            if not ok or not name.strip():
                return
        grid[0][col] = name.strip()
        self._commit(grid, self.tr("Rename column"))

    def remove_column(self) -> None:
        grid = self._current()
        if len(grid[0]) <= 2:
            return
        col = self._current_cell()[1] + 1
        self._commit([row[:col] + row[col + 1:] for row in grid], self.tr("Remove column"))

    def mark_not_available(self, reason: str | None = None) -> None:
        cells = [(i.row(), i.column()) for i in self.view.selectionModel().selectedIndexes()]
        if not cells:
            return
        if reason is None:
            reason, ok = ask.text(self, self.tr("Figures not available in {code}").format(code=self.code),
                                  self.tr("Why are the %n selected figure(s) not available?", "", len(cells)))
            if not ok:
                return
        grid = self._current()
        for r, c in cells:
            grid[r + 1][c + 1] = not_available(reason)
        self._commit(grid, self.tr("Mark not available"))

    def import_csv(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import CSV"), "",
                                                  self.tr("CSV files (*.csv *.txt);;All files (*)"))
            if not path:
                return
        try:
            grid = read_csv(Path(path).read_text(encoding="utf-8-sig"), path)
        except (CopdeskError, OSError, UnicodeDecodeError) as exc:
            self.messages.setText(f"⚠ {getattr(exc, 'message', exc)}")
            return
        self._commit(grid, self.tr("Import CSV"))

    def context_menu(self, pos) -> QMenu:
        """The table's menu at `pos` (viewport coordinates): paste, not available, a comment on the cell."""
        index = self.view.indexAt(pos)
        if index.isValid() and not self.view.selectionModel().isSelected(index):
            self.view.setCurrentIndex(index)  # the menu acts on the cell clicked, as in a spreadsheet
        menu = QMenu(self)
        menu.addAction(self.tr("Copy"), self.copy)
        if not self.read_only:
            menu.addAction(self.tr("Paste"), self.paste)
            menu.addAction(self.tr("Mark not available…"), self.mark_not_available)
            menu.addSeparator()
            menu.addAction(self.tr("Add column…"), self.add_column)
            menu.addAction(self.rename_action.text(), self.rename_column)
            remove = menu.addAction(self.remove_action.text(), self.remove_column)
            remove.setEnabled(self.remove_action.isEnabled())
            menu.addAction(self.tr("Import CSV…"), self.import_csv)
        if index.isValid():
            cell = f"{index.row() + 1},{index.column() + 1}"
            menu.addAction(self.tr("Comment on this cell…"), lambda: self.cell_comment_requested.emit(f"{self.code}@{cell}"))
        return menu

    def _menu(self, pos) -> None:
        menu = self.context_menu(pos)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

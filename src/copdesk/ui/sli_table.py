"""The SLI table editor: one row per member state (plus optional totals), metric columns the user names.

Cells keep exactly what was typed. Checks (numbers, totals) come from core.tables and are shown three
ways: a mark in the cell, its tooltip, and a list of messages under the table (never colour alone).
The view reads the stored grid through a small model (ui/sli_model.py): a page holds many tables, and
each must be cheap to show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMenu,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from copdesk.core.errors import CopdeskError
from copdesk.core.report import Grid
from copdesk.core.tables import check_table, not_available, read_csv
from copdesk.ui import operations
from copdesk.ui.session import DraftSession
from copdesk.ui.sli_model import GridModel, rectangular
from copdesk.ui.style import mark

ROW_HEIGHT = 22
MIN_COLUMN, MAX_COLUMN = 90, 360  # pixels: room to type a figure; a long text stays readable in its tooltip
CELL_PADDING = 16  # pixels beside the text of a cell (its margins and the focus frame)


def default_grid(session: DraftSession, with_totals: bool = True) -> Grid:
    t = session.template
    rows = list(t.member_states) + (list(t.total_rows) if with_totals else [])
    return [[t.country_column, "Value"]] + [[label, None] for label in rows]


class SliTableField(QWidget):
    problems_changed = Signal(int)
    cell_comment_requested = Signal(str)  # "CODE@row,col" (row and column of the stored grid)

    def __init__(self, session: DraftSession, stack: QUndoStack, code: str, parent=None):
        super().__init__(parent)
        self.session, self.stack, self.code = session, stack, code
        self.read_only = False
        self._text_widths: dict[str, int] = {}  # cell text -> its width in the view's font
        self.model = GridModel(self)
        self.model.cell_edited.connect(self._cell_edited)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("{code}: member-state table").format(code=code))
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.view.setCornerButtonEnabled(False)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.paste_action = QAction(self.tr("Paste"), self.view, shortcut=QKeySequence.Paste,
                                    shortcutContext=Qt.WidgetShortcut)
        self.paste_action.triggered.connect(self.paste)
        self.view.addAction(self.paste_action)
        self.setFocusProxy(self.view)  # a jump to the table lands in its cells
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

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for text, slot, tip in [
            (self.tr("Add column…"), self.add_column, self.tr("Add a metric column")),
            (self.tr("Rename column…"), self.rename_column, self.tr("Rename the metric column of the current cell")),
            (self.tr("Remove column"), self.remove_column, self.tr("Remove the metric column of the current cell")),
            (self.tr("Import CSV…"), self.import_csv, self.tr("Replace the table with a CSV file")),
            (self.tr("Not available…"), self.mark_not_available,
             self.tr("Mark the selected cells as not available, with a reason")),
        ]:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, f=slot: f())
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        return row

    def set_read_only(self) -> None:
        """A frozen report: the table can be read, selected and commented, not changed (not even by paste)."""
        self.read_only = self.model.read_only = True
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.paste_action.setEnabled(False)
        for button in self.buttons:
            button.setEnabled(False)

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
        """Column widths from the text (cheaper than asking every cell for its size), the height of every row."""
        metrics = self.view.fontMetrics()
        head = self.view.horizontalHeader()
        head_metrics = head.fontMetrics()
        icon = self.view.iconSize().width() if self.model.problems else 0
        widths = self._text_widths
        for c in range(self.model.columnCount()):
            cells = 0
            for r in range(self.model.rowCount()):
                text = self.model.cell(r, c)
                if text not in widths:  # each text measured once: the other cells are as they were
                    widths[text] = metrics.horizontalAdvance(text)
                cells = max(cells, widths[text])
            title = head_metrics.horizontalAdvance(str(self.model.headerData(c, Qt.Horizontal)))
            width = min(max(max(cells + icon, title) + CELL_PADDING, MIN_COLUMN), MAX_COLUMN)
            if self.view.columnWidth(c) != width:  # unchanged widths and height: no new layout of the page
                self.view.setColumnWidth(c, width)
        height = min(head.sizeHint().height() + ROW_HEIGHT * self.model.rowCount() + 4, 1400)
        if self.view.height() != height or self.view.minimumHeight() != height:
            self.view.setFixedHeight(height)

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

    def add_column(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Add column"), self.tr("Name of the new metric column:"))
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
            name, ok = QInputDialog.getText(self, self.tr("Rename column"), self.tr("New name:"), text=grid[0][col] or "")
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
            reason, ok = QInputDialog.getText(self, self.tr("Not available"), self.tr("Why is this figure not available?"))
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
        menu = QMenu(self)
        if not self.read_only:
            menu.addAction(self.tr("Paste"), self.paste)
            menu.addAction(self.tr("Mark not available…"), self.mark_not_available)
        index = self.view.indexAt(pos)
        if index.isValid():
            cell = f"{index.row() + 1},{index.column() + 1}"
            menu.addAction(self.tr("Comment on this cell…"), lambda: self.cell_comment_requested.emit(f"{self.code}@{cell}"))
        return menu

    def _menu(self, pos) -> None:
        menu = self.context_menu(pos)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

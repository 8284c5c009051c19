"""The SLI table editor: one row per member state (plus optional totals), metric columns the user names.

Cells keep exactly what was typed. Checks (numbers, totals) come from core.tables and are shown three
ways: a mark in the cell, its tooltip, and a list of messages under the table (never colour alone).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMenu,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from copdesk.core.errors import CopdeskError
from copdesk.core.report import Grid
from copdesk.core.tables import check_table, not_available, parse_number, read_csv
from copdesk.ui.session import DraftSession
from copdesk.ui.undo import SetTableCommand
from copdesk.ui.style import mark

WARN_BRUSH = QBrush(QColor("#fde2e1"))


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
        self._loading = False
        self.view = QTableWidget()
        self.view.setAccessibleName(self.tr("{code}: member-state table").format(code=code))
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setCornerButtonEnabled(False)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.itemChanged.connect(self._cell_edited)
        paste = QAction(self.tr("Paste"), self.view, shortcut=QKeySequence.Paste, shortcutContext=Qt.WidgetShortcut)
        paste.triggered.connect(self.paste)
        self.view.addAction(paste)
        self.messages = QLabel()
        mark(self.messages, "tableProblems")
        self.messages.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self._buttons())
        lay.addWidget(self.view)
        lay.addWidget(self.messages)
        session.answer_changed.connect(lambda c: c == code and self.load())
        self.load()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
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
        row.addStretch(1)
        return row

    # -- model ----------------------------------------------------------------------------------
    def grid(self) -> Grid:
        stored = self.session.table(self.code)
        return stored if stored else default_grid(self.session)

    def load(self) -> None:
        grid = self._grid = self.grid()
        self._stored = bool(self.session.table(self.code))
        width = max(len(r) for r in grid)
        self._loading = True
        self.view.clear()
        self.view.setColumnCount(width - 1)
        self.view.setRowCount(len(grid) - 1)
        self.view.setHorizontalHeaderLabels([(grid[0] + [None] * width)[c] or self.tr("Column {n}").format(n=c)
                                            for c in range(1, width)])
        self.view.setVerticalHeaderLabels([(row[0] or "") for row in grid[1:]])
        for r, row in enumerate(grid[1:]):
            for c in range(1, width):
                value = row[c] if c < len(row) else None
                item = QTableWidgetItem(value or "")
                if parse_number(value) is not None:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.view.setItem(r, c - 1, item)
        self._loading = False
        self.view.resizeColumnsToContents()
        height = self.view.horizontalHeader().height() + sum(self.view.rowHeight(r) for r in range(self.view.rowCount()))
        self.view.setFixedHeight(min(height + 4, 1400))
        self._check(grid)

    def _check(self, grid: Grid) -> None:
        issues = check_table(self.session.template, grid) if self._stored else []
        lines = []
        for issue in issues:
            item = self.view.item(issue.row - 1, issue.col - 1) if issue.col > 0 else None
            if item is not None:
                item.setBackground(WARN_BRUSH)
                item.setToolTip(issue.message)
            label = grid[issue.row][0] if issue.row < len(grid) else issue.row
            column = grid[0][issue.col] if issue.col < len(grid[0]) else issue.col
            lines.append(f"⚠ {label} / {column}: {issue.message}")
        self.messages.setText("\n".join(lines[:20]) + ("\n" + self.tr("… and {n} more").format(n=len(lines) - 20)
                                                             if len(lines) > 20 else ""))
        self.problems_changed.emit(len(issues))

    def _commit(self, new: Grid, label: str) -> None:
        old = self.session.table(self.code)
        if new != (old or None):
            self.stack.push(SetTableCommand(self.session, self.code, old, new, f"{label} ({self.code})"))

    def _current(self) -> Grid:
        """A rectangular copy of the table as shown (the widget's copy, refreshed on every load)."""
        width = max(len(r) for r in self._grid)
        return [list(r) + [None] * (width - len(r)) for r in self._grid]

    # -- edits ----------------------------------------------------------------------------------
    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        grid = self._current()
        text = item.text()
        grid[item.row() + 1][item.column() + 1] = text if text != "" else None
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
        if not text:
            return 0
        block = [line.split("\t") for line in text.rstrip("\r\n").replace("\r\n", "\n").split("\n")]
        top, left = max(self.view.currentRow(), 0), max(self.view.currentColumn(), 0)
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
        col = max(self.view.currentColumn(), 0) + 1
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
        col = max(self.view.currentColumn(), 0) + 1
        self._commit([row[:col] + row[col + 1:] for row in grid], self.tr("Remove column"))

    def mark_not_available(self, reason: str | None = None) -> None:
        cells = [(i.row(), i.column()) for i in self.view.selectedIndexes()]
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

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Paste"), self.paste)
        menu.addAction(self.tr("Mark not available…"), self.mark_not_available)
        index = self.view.indexAt(pos)
        if index.isValid():
            cell = f"{index.row() + 1},{index.column() + 1}"
            menu.addAction(self.tr("Comment on this cell…"), lambda: self.cell_comment_requested.emit(f"{self.code}@{cell}"))
        menu.exec(self.view.viewport().mapToGlobal(pos))

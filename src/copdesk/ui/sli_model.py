"""The stored grid of an SLI table as a Qt model: cells are the stored strings, nothing is copied per cell.

A QTableWidget made an item object per cell and asked each for its size; a page with 18 tables spent most
of its time there. This model answers from the grid itself: the text, right alignment for numbers, and,
for a cell with a problem, a warning mark, a tinted background and the message as tooltip (never colour
alone; the table also lists the messages under it). Row 0 of the grid is the header row, column 0 the row
labels, so view cell (r, c) is grid[r + 1][c + 1].

Edits are not kept here: setData announces them (`cell_edited`) and the table commits them through the
undo stack; the new grid comes back through set_grid.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from copdesk.core.report import Grid
from copdesk.core.tables import parse_number

WARN_BRUSH = QBrush(QColor("#fde2e1"))
TOTAL_BRUSH = QBrush(QColor("#ececec"))  # Total EU / Total EEA rows, grey as in the Word export
RIGHT = Qt.AlignRight | Qt.AlignVCenter
EDITABLE = Qt.ItemIsSelectable | Qt.ItemIsEnabled | Qt.ItemIsEditable
translate = QCoreApplication.translate
_warning_icon = None


def warning_icon():
    """The style's small warning sign, made once (the mark in a cell with a problem)."""
    global _warning_icon
    if _warning_icon is None:
        from PySide6.QtWidgets import QApplication, QStyle
        _warning_icon = QApplication.style().standardIcon(QStyle.SP_MessageBoxWarning)
    return _warning_icon


def rectangular(grid: Grid) -> Grid:
    """A copy with every row as long as the longest."""
    width = max(len(r) for r in grid)
    return [list(r) + [None] * (width - len(r)) for r in grid]


class GridModel(QAbstractTableModel):
    cell_edited = Signal(int, int, str)  # view row, view column, the text typed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid: Grid = [[None, None]]
        self.problems: dict[tuple[int, int], str] = {}  # (grid row, grid column) -> message
        self.read_only = False
        self.wrapped: dict[int, str] = {}  # view column -> its title broken into lines for the header
        self._bold = None

    def set_grid(self, grid: Grid, problems: dict[tuple[int, int], str]) -> None:
        """Show `grid`. The same shape keeps the view's current cell and selection (typing moves on)."""
        grid = rectangular(grid)
        same_shape = len(grid) == len(self.grid) and len(grid[0]) == len(self.grid[0])
        if not same_shape:
            self.beginResetModel()
        self.grid, self.problems = grid, problems
        if not same_shape:
            self.endResetModel()
            return
        rows, cols = self.rowCount(), self.columnCount()
        if rows and cols:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))
            self.headerDataChanged.emit(Qt.Horizontal, 0, cols - 1)
            self.headerDataChanged.emit(Qt.Vertical, 0, rows - 1)

    def set_wrapped(self, wrapped: dict[int, str]) -> None:
        if wrapped != self.wrapped:
            self.wrapped = wrapped
            if self.columnCount():
                self.headerDataChanged.emit(Qt.Horizontal, 0, self.columnCount() - 1)

    def is_total(self, row: int) -> bool:
        """View row `row` is a total (Total EU, Total EEA): bold on grey, as in the export."""
        return (self.grid[row + 1][0] or "").strip().lower().startswith("total")

    def bold(self):
        if self._bold is None:
            from PySide6.QtGui import QFont
            from PySide6.QtWidgets import QApplication
            self._bold = QFont(QApplication.font())
            self._bold.setBold(True)
        return self._bold

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self.grid) - 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self.grid[0]) - 1

    def cell(self, row: int, col: int) -> str:
        """The text of view cell (row, col), "" when untyped."""
        return self.grid[row + 1][col + 1] or ""

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        at = (index.row() + 1, index.column() + 1)
        if role in (Qt.DisplayRole, Qt.EditRole):
            return self.grid[at[0]][at[1]] or ""
        if role == Qt.TextAlignmentRole:
            return RIGHT if parse_number(self.grid[at[0]][at[1]]) is not None else None
        if role == Qt.FontRole:
            return self.bold() if self.is_total(index.row()) else None
        if at not in self.problems:
            return TOTAL_BRUSH if role == Qt.BackgroundRole and self.is_total(index.row()) else None
        if role == Qt.ToolTipRole:
            return self.problems[at]
        if role == Qt.BackgroundRole:
            return WARN_BRUSH
        if role == Qt.DecorationRole:
            return warning_icon()
        return None

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):  # noqa: N802 - Qt naming
        """Column names, row labels; a row label that is not a member state has its problem as tooltip."""
        if orientation == Qt.Horizontal and role in (Qt.DisplayRole, Qt.ToolTipRole):
            name = self.grid[0][section + 1] or translate("SliTableField", "Column {n}").format(n=section + 1)
            return self.wrapped.get(section, name) if role == Qt.DisplayRole else name
        if role == Qt.DisplayRole:
            return self.grid[section + 1][0] or ""
        if role == Qt.FontRole and orientation == Qt.Vertical and self.is_total(section):
            return self.bold()
        if role == Qt.ToolTipRole and orientation == Qt.Vertical:
            return self.problems.get((section + 1, 0))
        return None

    def flags(self, index: QModelIndex):
        return EDITABLE & ~Qt.ItemIsEditable if self.read_only else EDITABLE

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:  # noqa: N802 - Qt naming
        if role != Qt.EditRole or self.read_only or not index.isValid():
            return False
        text = "" if value is None else str(value)
        if text == self.cell(index.row(), index.column()):
            return False
        self.cell_edited.emit(index.row(), index.column(), text)
        return True

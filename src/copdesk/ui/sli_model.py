"""The stored grid of an SLI table as a Qt model: cells are the stored strings, nothing is copied per cell.

A QTableWidget made an item object per cell and asked each for its size; a page with 18 tables spent most
of its time there. This model answers from the grid itself: the text, right alignment for numbers, and,
for a cell with a problem, a warning mark, a tinted background and the message as tooltip (never colour
alone; the table also lists the messages under it). Row 0 of the grid is the header row, column 0 the row
labels, so view cell (r, c) is grid[r + 1][c + 1].

Edits are not kept here: setData announces them (`cell_edited`) and the table commits them through the
undo stack; the new grid comes back through set_grid, which repaints only the cells that changed (a typed
figure repaints its cell, not the 200 others: each repainted cell costs several calls into Python).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from copdesk.core.model import Grid
from copdesk.core.rules.tables import parse_number

WARN_BRUSH = QBrush(QColor("#fde2e1"))
TOTAL_BRUSH = QBrush(QColor("#ececec"))  # Total EU / Total EEA rows, grey as in the Word export
RIGHT = Qt.AlignRight | Qt.AlignVCenter
EDITABLE = Qt.ItemIsSelectable | Qt.ItemIsEnabled | Qt.ItemIsEditable
# Roles as plain ints, looked up once: data() is asked some ten roles per cell at every repaint.
DISPLAY, EDIT, ALIGN, TOOLTIP, BACKGROUND, DECORATION, FONT = (int(r.value) for r in (
    Qt.DisplayRole, Qt.EditRole, Qt.TextAlignmentRole, Qt.ToolTipRole, Qt.BackgroundRole, Qt.DecorationRole,
    Qt.FontRole))
ANSWERED = frozenset((DISPLAY, EDIT, ALIGN, TOOLTIP, BACKGROUND, DECORATION, FONT))
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
        self.numbers: set[tuple[int, int]] = set()  # (grid row, grid column) of cells holding a number
        self.totals: set[int] = set()  # view rows that are totals (Total EU, Total EEA)
        self.read_only = False
        self.wrapped: dict[int, str] = {}  # view column -> its title broken into lines for the header
        self._bold = None

    def set_grid(self, grid: Grid, problems: dict[tuple[int, int], str]) -> None:
        """Show `grid`. The same shape keeps the view's current cell and selection (typing moves on), and
        only the cells (and headers) whose text or problem changed are repainted."""
        grid = rectangular(grid)
        old, old_problems = self.grid, self.problems
        same_shape = len(grid) == len(old) and len(grid[0]) == len(old[0])
        if not same_shape:
            self.beginResetModel()
        self.grid, self.problems = grid, problems
        self.numbers = {(r, c) for r, row in enumerate(grid) for c, v in enumerate(row)
                        if r and c and v and parse_number(v) is not None}
        self.totals = {r - 1 for r, row in enumerate(grid) if r and (row[0] or "").strip().lower().startswith("total")}
        if not same_shape:
            self.endResetModel()
            return
        changed = {(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if old[r][c] != v}
        changed |= {at for at in set(problems) | set(old_problems) if problems.get(at) != old_problems.get(at)}
        cells = sorted((r - 1, c - 1) for r, c in changed if r and c)
        relabelled = sorted(r - 1 for r, c in changed if r and not c)  # a row that became a total (or stopped)
        if relabelled and len(grid[0]) > 1:
            cells = sorted(cells + [(r, 0) for r in relabelled] + [(r, len(grid[0]) - 2) for r in relabelled])
        if cells:  # one rectangle around the changed cells: usually the one cell typed
            top, bottom = cells[0][0], cells[-1][0]
            left, right = min(c for _r, c in cells), max(c for _r, c in cells)
            self.dataChanged.emit(self.index(top, left), self.index(bottom, right))
        columns = sorted(c - 1 for r, c in changed if r == 0 and c)
        if columns:
            self.headerDataChanged.emit(Qt.Horizontal, columns[0], columns[-1])
        rows = sorted(r - 1 for r, c in changed if c == 0 and r)
        if rows:
            self.headerDataChanged.emit(Qt.Vertical, rows[0], rows[-1])

    def set_wrapped(self, wrapped: dict[int, str]) -> None:
        if wrapped != self.wrapped:
            self.wrapped = wrapped
            if self.columnCount():
                self.headerDataChanged.emit(Qt.Horizontal, 0, self.columnCount() - 1)

    def is_total(self, row: int) -> bool:
        """View row `row` is a total (Total EU, Total EEA): bold on grey, as in the export."""
        return row in self.totals

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

    def data(self, index: QModelIndex, role: int = DISPLAY):
        if role not in ANSWERED:  # font, colour, check state, size...: the view's defaults
            return None
        at = (index.row() + 1, index.column() + 1)
        if role == DISPLAY or role == EDIT:
            return self.grid[at[0]][at[1]] or ""
        if role == ALIGN:
            return RIGHT if at in self.numbers else None
        if role == FONT:
            return self.bold() if index.row() in self.totals else None
        if at not in self.problems:
            return TOTAL_BRUSH if role == BACKGROUND and index.row() in self.totals else None
        if role == TOOLTIP:
            return self.problems[at]
        if role == BACKGROUND:
            return WARN_BRUSH
        return warning_icon()

    def multiData(self, index: QModelIndex, span) -> None:  # noqa: N802 - Qt naming
        """Every role a cell is painted with, in one call: a view asks some ten roles per cell, and a call into
        Python costs more than answering it. (data() stays for single questions: tooltips, tests.)"""
        at = (index.row() + 1, index.column() + 1)
        text = self.grid[at[0]][at[1]] or ""
        problem = self.problems.get(at)
        for slot in span:
            role = slot.role()
            if role == DISPLAY or role == EDIT:
                slot.setData(text)
            elif role == ALIGN and at in self.numbers:
                slot.setData(RIGHT)
            elif problem is not None and role == TOOLTIP:
                slot.setData(problem)
            elif role == FONT and index.row() in self.totals:
                slot.setData(self.bold())
            elif problem is not None and role == BACKGROUND:
                slot.setData(WARN_BRUSH)
            elif role == BACKGROUND and index.row() in self.totals:
                slot.setData(TOTAL_BRUSH)
            elif problem is not None and role == DECORATION:
                slot.setData(warning_icon())
            else:
                slot.clearData()

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

"""`Qt`, the namespace of Qt's enums, looked up when a value is first used rather than when a module is imported.

PySide6 builds a Python enum for each of the namespace's 93 enums (1,195 values) the first time anything in
`PySide6.QtCore.Qt` is touched, and that costs about 12 ms. The window's first paint does not need any of it
(menus take QKeySequence strings and standard keys, item roles are ints), so the modules imported at start-up
take `Qt` from here and the namespace is built at the first key press, drag or model query, after the window
is on screen. benchmarks/window_start.py reports whether start-up still builds it.
"""

from __future__ import annotations


class _Namespace:
    def __getattr__(self, name: str):
        from PySide6.QtCore import Qt
        value = getattr(Qt, name)
        setattr(self, name, value)  # the next lookup of this name is a plain attribute
        return value


Qt = _Namespace()


def built() -> bool:
    """True once PySide6 has built the namespace (anything of it used): using it from then on costs nothing."""
    import sys
    core = sys.modules.get("PySide6.QtCore")
    return core is not None and "Qt" in vars(core)

# Item data roles as the ints QTreeWidgetItem.setData/data take (Qt.ItemDataRole, fixed by Qt's ABI).
DISPLAY_ROLE = 0
DECORATION_ROLE = 1
FONT_ROLE = 6
ACCESSIBLE_TEXT_ROLE = 11
USER_ROLE = 256
TEXT_WORD_WRAP = 0x1000  # Qt.TextWordWrap, for QFontMetrics.boundingRect's flags

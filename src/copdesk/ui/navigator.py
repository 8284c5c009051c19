"""The navigator: header, chapters, commitments, measures and crisis sub-sections, with a status each.

Status is shown by an icon AND by words ("complete", "in progress", ...), never by colour alone; chapters
show their progress as "3/5". A row longer than the navigator is wide wraps onto a second line (ui/wrap_tree.py)
rather than losing the end of a chapter's name, its count or its status.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QTreeWidgetItem

from copdesk import paths
from copdesk.core.rules import wizard
from copdesk.core.model import ReportData
from copdesk.core.template.template import Template
from copdesk.ui import uncertain
from copdesk.ui.qt import ACCESSIBLE_TEXT_ROLE, DECORATION_ROLE, USER_ROLE
from copdesk.ui.wrap_tree import WrapTree

KEY = USER_ROLE
# resources/icons/status/NAME-16.png and -32.png (packaging/make_status_icons.py): a shape per status
ICONS = {wizard.COMPLETE: "complete", wizard.IN_PROGRESS: "in_progress", wizard.EMPTY: "empty",
         wizard.CARRIED: "carried"}
# The core's status words, for lupdate; shown through self.tr (a step's label is the template's, not ours).
STATUS_WORDS = (QT_TRANSLATE_NOOP("NavigatorView", "empty"), QT_TRANSLATE_NOOP("NavigatorView", "in progress"),
                QT_TRANSLATE_NOOP("NavigatorView", "complete"),
                QT_TRANSLATE_NOOP("NavigatorView", "carried over, to review"))


class NavigatorView(WrapTree):
    step_activated = Signal(str)
    item_menu_requested = Signal(str, object)  # step key, global position: template corrections (ui/template_actions)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Report navigator"))
        self._items: dict[str, QTreeWidgetItem] = {}
        self._icons: dict = {}
        self._shown: dict[str, str] = {}  # step key -> the text its item shows
        self.currentItemChanged.connect(self._changed)
        self._quiet = False

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt naming (no context-menu policy: see ui/qt.py)
        item = self.itemAt(self.viewport().mapFromGlobal(event.globalPos()))
        if item is not None:
            self.item_menu_requested.emit(item.data(0, KEY), event.globalPos())

    def rebuild(self, t: Template, data: ReportData, all_steps: list[wizard.Step] | None = None) -> None:
        """The tree anew. Its items are made and given their text before they join the tree, expanded, in one
        go: each change to an item in the tree has the view measure rows again (a wrapped row is measured)."""
        current = self.current_key()
        self._quiet = True
        self.clear()
        self._items.clear()
        self._shown.clear()
        all_steps = wizard.steps(t, data) if all_steps is None else all_steps
        tops = []
        for step in all_steps:
            item = QTreeWidgetItem()
            item.setData(0, KEY, step.key)
            parent = self._items.get(step.parent)
            parent.addChild(item) if parent is not None else tops.append(item)
            self._items[step.key] = item
        self.refresh(t, data, all_steps)
        self.addTopLevelItems(tops)
        for item in self._items.values():
            if item.childCount():
                item.setExpanded(True)
        if self.isVisible():  # else when it is laid out (resizeEvent): its width is not known before
            self.fit_rows()
        self._quiet = False
        if current in self._items:
            self.select(current)

    def refresh(self, t: Template, data: ReportData, all_steps: list[wizard.Step] | None = None) -> None:
        """Each item's status in words and as an icon; only items whose status changed are touched."""
        all_steps = wizard.steps(t, data) if all_steps is None else all_steps
        statuses = wizard.statuses(t, data, all_steps)
        progress = wizard.progress(t, data, all_steps, statuses)
        for step in all_steps:
            self._show(t, step, statuses, progress)

    def show_steps(self, t: Template, steps: list[wizard.Step], statuses: dict[str, str],
                   progress: dict[str, tuple[int, int]]) -> None:
        """Repaint these steps only (their status, progress or label changed: see core.rules.live)."""
        for step in steps:
            self._show(t, step, statuses, progress)

    def _show(self, t: Template, step: wizard.Step, statuses: dict[str, str],
              progress: dict[str, tuple[int, int]]) -> None:
        """One item's text, icon, tip and spoken text; untouched when its text is what it shows already."""
        item = self._items.get(step.key)
        if item is None:
            return
        status = statuses.get(step.key, wizard.EMPTY)
        words = self.tr(status)
        extra = f" ({progress[step.key][0]}/{progress[step.key][1]})" if step.key in progress else ""
        template_item = t.index.get(step.key)  # an unconfirmed item: its marker, and the one explanation
        text = f"{uncertain.marked(step.label, template_item)}{extra} — {words}"
        if self._shown.get(step.key) == text:
            return
        self._shown[step.key] = text
        self.fit_later()
        item.setText(0, text)
        item.setData(0, DECORATION_ROLE, self._icon(status))
        item.setToolTip(0, uncertain.tooltip(f"{step.label}: {words}", template_item))
        item.setData(0, ACCESSIBLE_TEXT_ROLE, f"{step.label}{uncertain.spoken(template_item)}, {words}{extra}")

    def _icon(self, status: str) -> QPixmap:
        """The status's shape, sharp on a high-density screen (a pixmap: QIcon's type costs start-up ~1 ms)."""
        if status not in self._icons:
            sharp = self.devicePixelRatioF() > 1
            icon = QPixmap(str(paths.resources_dir() / "icons" / "status" / f"{ICONS[status]}-{32 if sharp else 16}.png"))
            icon.setDevicePixelRatio(2 if sharp else 1)
            self._icons[status] = icon
        return self._icons[status]

    def current_key(self) -> str:
        item = self.currentItem()
        return item.data(0, KEY) if item else ""

    def keys(self) -> list[str]:
        return list(self._items)

    def select(self, key: str) -> None:
        item = self._items.get(key)
        if item is not None and item is not self.currentItem():
            self._quiet = True
            self.setCurrentItem(item)
            self.scrollToItem(item)
            self._quiet = False

    def _changed(self, current, _previous) -> None:
        if current is not None and not self._quiet:
            self.step_activated.emit(current.data(0, KEY))

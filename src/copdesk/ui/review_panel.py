"""The comments panel: threads with replies, filters (open, mine, chapter), reply, resolve and reopen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from copdesk.core import review, wizard
from copdesk.ui import operations, settings

ID, CODE = Qt.UserRole, Qt.UserRole + 1
translate = QCoreApplication.translate


def ask_name(parent) -> str:
    """The reviewer's name; asked once (Preferences) when it is not set yet."""
    if not settings.user_name():
        from copdesk.ui.preferences import PreferencesDialog
        PreferencesDialog(parent).exec()
    return settings.user_name()


def write_comment(parent, session, stack, code: str, cell: str = "", parent_id: str = "",
                  text: str | None = None) -> bool:
    """Ask for the text (unless given) and store the comment; False when cancelled or refused."""
    name = ask_name(parent)
    if not name:
        return False
    if text is None:
        if parent_id:
            title = translate("Comments", "Reply")
        elif cell:
            title = translate("Comments", "Comment on {code}, cell {cell}").format(code=code, cell=cell)
        else:
            title = translate("Comments", "Comment on {code}").format(code=code)
        text, ok = QInputDialog.getMultiLineText(parent, title, translate("Comments", "Your comment:"))
        if not ok or not text.strip():
            return False
    return operations.run(parent, operations.add_comment, session, stack, code, text, name, settings.user_initials(),
                          cell=cell, parent=parent_id) is not None


class CommentsPanel(QWidget):
    jump = Signal(str)

    def __init__(self, session, stack, parent=None):
        super().__init__(parent)
        self.session, self.stack = session, stack
        self.only_open = QCheckBox(self.tr("&Open only"))
        self.only_open.setChecked(True)
        self.only_mine = QCheckBox(self.tr("&Mine"))
        self.chapter = QComboBox()
        self.chapter.setAccessibleName(self.tr("Show comments of chapter"))
        self.chapter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.chapter.setMinimumContentsLength(10)
        self.chapter.addItem(self.tr("All chapters"), "")
        for ch in session.template.chapters:
            self.chapter.addItem(ch.title, ch.code)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.ElideNone)
        self.tree.header().setStretchLastSection(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # rows wrap to the panel's width
        self.tree.setAccessibleName(self.tr("Comments"))
        self.tree.itemActivated.connect(lambda item: self.jump.emit(item.data(0, CODE)))
        self.count = QLabel()
        self.detail = QLabel()  # the selected thread in full: a tree row shows one line of it
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("Selected comment"))
        self.tree.currentItemChanged.connect(lambda *_: self._show_detail())
        filters = QHBoxLayout()
        for w in (self.only_open, self.only_mine, self.chapter):
            filters.addWidget(w)
        buttons = QHBoxLayout()
        self.reply_button = QPushButton(self.tr("&Reply…"))
        self.resolve_button = QPushButton(self.tr("Re&solve"))
        self.reopen_button = QPushButton(self.tr("Reo&pen"))
        for b, slot in ((self.reply_button, lambda: self.reply()), (self.resolve_button, lambda: self.set_resolved(True)),
                        (self.reopen_button, lambda: self.set_resolved(False))):
            b.clicked.connect(slot)
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(filters)
        lay.addWidget(self.count)
        lay.addWidget(self.tree)
        lay.addWidget(self.detail)
        lay.addLayout(buttons)
        for w in (self.only_open, self.only_mine):
            w.toggled.connect(self.refresh)
        self.chapter.currentIndexChanged.connect(self.refresh)
        session.comments_changed.connect(self.refresh)
        self.refresh()

    def _visible(self, top: review.Comment) -> bool:
        if self.only_open.isChecked() and top.resolved:
            return False
        if self.only_mine.isChecked() and top.author != settings.user_name():
            return False
        chapter = self.chapter.currentData()
        if chapter:
            step = wizard.step_of(top.code)
            try:
                return step.startswith(("Commitment", "Measure")) and self.session.template.chapter_of(step).code == chapter
            except KeyError:
                return False
        return True

    def refresh(self) -> None:
        self.tree.clear()
        shown = 0
        for top, replies in review.threads(self.session.report):
            if not self._visible(top):
                continue
            shown += 1
            state = (self.tr("resolved by {name}").format(name=top.resolved_by) if top.resolved
                     else self.tr("open"))
            # one paragraph per row: a tree row wraps a long line but cuts text after a newline
            item = QTreeWidgetItem(self.tree, [f"{top.text} — {top.anchor}, {top.author}, "
                                               f"{top.at[:16].replace('T', ' ')} ({state})"])
            item.setData(0, ID, top.id)
            item.setData(0, CODE, top.code)
            for rep in replies:
                child = QTreeWidgetItem(item, [f"↳ {rep.text} — {rep.author}, {rep.at[:16].replace('T', ' ')}"])
                child.setData(0, ID, top.id)
                child.setData(0, CODE, rep.code)
            item.setExpanded(True)
        total = len(review.threads(self.session.report))
        self.count.setText(self.tr("{shown} of {total} comment threads shown").format(shown=shown, total=total))

    def _show_detail(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            self.detail.setText("")
            return
        top = item if item.parent() is None else item.parent()
        lines = [top.text(0)] + [top.child(i).text(0) for i in range(top.childCount())]
        self.detail.setText("\n".join(lines))

    def _current(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return (item.data(0, ID), item.data(0, CODE)) if item else None

    def reply(self, text: str | None = None) -> bool:
        current = self._current()
        return bool(current) and write_comment(self, self.session, self.stack, current[1], parent_id=current[0],
                                               text=text)

    def set_resolved(self, resolved: bool) -> None:
        current = self._current()
        name = ask_name(self) if current else ""
        if not current or not name:
            return
        operations.run(self, operations.set_comment_resolved, self.session, self.stack, current[0], name, resolved)

    def show_code(self, code: str) -> None:
        """Select the first thread on `code` (the comment button beside a field)."""
        self.only_open.setChecked(False)
        self.chapter.setCurrentIndex(0)
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, CODE) == code:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
                return

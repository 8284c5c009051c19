"""The comments panel: threads with replies, filters (open, mine, chapter), reply, resolve and reopen; and,
listed with them, the suggestions a reviewed Word document brought back (review_import), each shown as a
redline against the current text, with Accept, Reject and Accept all (each one undo step)."""

from __future__ import annotations

import html
import json

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QTreeWidgetItem, QVBoxLayout, QWidget

from copdesk.core.markdown import dialect as markdown
from copdesk.core.review import comments as review, suggestions
from copdesk.core.rules import wizard
from copdesk.core.rules.checklist import name as item_name
from copdesk.core.review.diff import table_changes
from copdesk.ui import operations, settings
from copdesk.ui.wrap_tree import WrapTree

ID, CODE, KIND = Qt.UserRole, Qt.UserRole + 1, Qt.UserRole + 2
SUGGESTION = "suggestion"
translate = QCoreApplication.translate


def ask_name(parent) -> str:
    """The reviewer's name; asked once when it is not set yet (ui/name_prompt.py)."""
    from copdesk.ui.name_prompt import ask_name as ask
    name = ask(parent)
    session = getattr(parent, "session", None)
    if name and session is not None:
        session.report.who = name  # the edits made from now on are recorded under it too
    return name


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
            title = translate("Comments", "Comment on {code}, cell {cell}").format(code=code, cell=cell_name(session,
                                                                                                        code, cell))
        else:
            title = translate("Comments", "Comment on {code}").format(code=item_name(session.template, code))
        from copdesk.ui import ask
        text, ok = ask.text(parent, title, translate("Comments", "Your comment:"), multiline=True)
        if not ok or not text.strip():
            return False
    return operations.run(parent, operations.add_comment, session, stack, code, text, name, settings.user_initials(),
                          cell=cell, parent=parent_id) is not None


def cell_name(session, code: str, cell: str) -> str:
    """A table cell by its row and column names ("Austria / Items removed"), as "row,col" when unnamed."""
    try:
        row, col = (int(x) for x in cell.split(","))
        grid = session.table(code)
        return f"{grid[row][0]} / {grid[0][col]}" if grid[row][0] and grid[0][col] else cell
    except (ValueError, IndexError):
        return cell


def anchor_name(session, top) -> str:
    """What a comment is on, in words: "Organisation description", "SLI 16.1.1, Austria / Items removed"."""
    what = item_name(session.template, top.code)
    return f"{what}, {cell_name(session, top.code, top.cell)}" if top.cell else what


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
        self.tree = WrapTree()  # rows wrap to the panel's width (a tree row cut a long comment)
        self.tree.setTextElideMode(Qt.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
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
        settle = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.reject_button = QPushButton(self.tr("Re&ject"))
        self.accept_all_button = QPushButton(self.tr("Accept a&ll"))
        self.accept_button.setToolTip(self.tr("Put the reviewer's text in the answer (Undo takes it back)"))
        self.reject_button.setToolTip(self.tr("Keep your text"))
        self.accept_all_button.setToolTip(self.tr("Accept every suggestion waiting, as one step"))
        for b, slot in ((self.accept_button, lambda: self.settle(True)), (self.reject_button, lambda: self.settle(False)),
                        (self.accept_all_button, lambda: self.accept_all())):
            b.clicked.connect(slot)
            settle.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(filters)
        lay.addWidget(self.count)
        lay.addWidget(self.tree)
        lay.addWidget(self.detail)
        lay.addLayout(buttons)
        lay.addLayout(settle)
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
        return self._in_chapter(top.code)

    def refresh(self) -> None:
        item = self.tree.currentItem()
        was = (item.data(0, ID), item.data(0, KIND), item.parent() is None) if item is not None else None
        self.tree.clear()
        waiting = self._suggestions()
        shown = 0
        for top, replies in review.threads(self.session.report):
            if not self._visible(top):
                continue
            shown += 1
            state = (self.tr("resolved by {name}").format(name=top.resolved_by) if top.resolved
                     else self.tr("open"))
            # one paragraph per row: a tree row wraps a long line but cuts text after a newline
            item = QTreeWidgetItem(self.tree, [f"{top.text} — {anchor_name(self.session, top)}, {top.author}, "
                                               f"{top.at[:16].replace('T', ' ')} ({state})"])
            item.setData(0, ID, top.id)
            item.setData(0, CODE, top.code)
            for rep in replies:
                child = QTreeWidgetItem(item, [f"↳ {rep.text} — {rep.author}, {rep.at[:16].replace('T', ' ')}"])
                child.setData(0, ID, top.id)
                child.setData(0, CODE, rep.code)
            item.setExpanded(True)
        self.tree.fit_rows()
        total = len(review.threads(self.session.report))
        text = self.tr("{shown} of {total} comment threads shown").format(shown=shown, total=total)
        if waiting:
            text += "; " + self.tr("%n suggestion(s) waiting", "", waiting)
        self.count.setText(text)
        for i in range(self.tree.topLevelItemCount()):  # the same row as before, when it is still listed
            top = self.tree.topLevelItem(i)
            if was is not None and was[2] and (top.data(0, ID), top.data(0, KIND)) == was[:2]:
                self.tree.setCurrentItem(top)
                break
        self._enable()

    def _in_chapter(self, code: str) -> bool:
        chapter = self.chapter.currentData()
        if not chapter:
            return True
        step = wizard.step_of(code)
        try:
            return step.startswith(("Commitment", "Measure")) and self.session.template.chapter_of(step).code == chapter
        except KeyError:
            return False

    def _suggestions(self) -> int:
        """The suggestions, first in the list (settled ones too when Open only is off); how many wait."""
        found = suggestions.all_suggestions(self.session.report)
        for s in found:
            if (self.only_open.isChecked() and s.state != suggestions.PENDING) or self.only_mine.isChecked() \
                    or not self._in_chapter(s.code):
                continue
            state = {suggestions.PENDING: self.tr("waiting"), suggestions.ACCEPTED: self.tr("accepted"),
                     suggestions.REJECTED: self.tr("rejected")}.get(s.state, s.state)
            how = self.tr("tracked") if s.tracked else self.tr("edited without tracking")
            item = QTreeWidgetItem(self.tree, [self.tr("Suggested change — {anchor}, {author}, {time} ({how}; {state})")
                                               .format(anchor=s.anchor, author=s.author or self.tr("reviewer"),
                                                       time=s.at[:16].replace("T", " "), how=how, state=state)])
            item.setData(0, ID, s.id)
            item.setData(0, CODE, s.code)
            item.setData(0, KIND, SUGGESTION)
        return sum(1 for s in found if s.state == suggestions.PENDING)

    def _current_suggestion(self):
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND) != SUGGESTION:
            return None
        return next((s for s in suggestions.all_suggestions(self.session.report) if s.id == item.data(0, ID)), None)

    def _enable(self) -> None:
        current = self._current_suggestion()
        pending = current is not None and current.state == suggestions.PENDING
        self.accept_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)
        self.accept_all_button.setEnabled(bool(suggestions.pending(self.session.report)))
        is_comment = self.tree.currentItem() is not None and current is None
        for b in (self.reply_button, self.resolve_button, self.reopen_button):
            b.setEnabled(is_comment or self.tree.currentItem() is None)

    def show_suggestions(self) -> None:
        """Select the first suggestion waiting."""
        self.chapter.setCurrentIndex(0)
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, KIND) == SUGGESTION:
                self.tree.setCurrentItem(item)
                return

    def settle(self, accept: bool) -> bool:
        current = self._current_suggestion()
        if current is None or current.state != suggestions.PENDING:
            return False
        from copdesk.ui.review_import_ops import settle
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem())
        done = settle(self, self.session, self.stack, [current.id], accept)
        if done and self.tree.topLevelItemCount():  # the next one, where the settled one was
            self.tree.setCurrentItem(self.tree.topLevelItem(min(row, self.tree.topLevelItemCount() - 1)))
        return done

    def accept_all(self) -> bool:
        from copdesk.ui.review_import_ops import settle
        ids = [s.id for s in suggestions.pending(self.session.report)]
        return settle(self, self.session, self.stack, ids, True)

    def _show_detail(self) -> None:
        item = self.tree.currentItem()
        self._enable()
        if item is None:
            self.detail.setText("")
            return
        current = self._current_suggestion()
        if current is not None:
            self.detail.setTextFormat(Qt.RichText)
            self.detail.setText(self._redline(current))
            return
        self.detail.setTextFormat(Qt.PlainText)
        top = item if item.parent() is None else item.parent()
        lines = [top.text(0)] + [top.child(i).text(0) for i in range(top.childCount())]
        self.detail.setText("\n".join(lines))

    def _redline(self, s) -> str:
        """The suggestion against what the answer holds now: struck through goes, underlined comes."""
        from copdesk.ui.compare_dialog import redline_html
        if s.cell == suggestions.TABLE:
            now = self.session.table(s.code)
            body = "<br>".join(html.escape(x) for x in table_changes(json.dumps(now) if now else "[]", s.text or "[]"))
        elif s.cell:
            r, c = (int(x) for x in s.cell.split(","))
            grid = self.session.table(s.code)
            now = grid[r][c] if r < len(grid) and c < len(grid[r]) else None
            row = grid[r][0] if r < len(grid) and grid[r] and grid[r][0] else str(r)
            column = grid[0][c] if grid and c < len(grid[0]) and grid[0][c] else str(c)
            where = f"{row} / {column}: "
            body = html.escape(where) + (f"<s style='color:#a00000'>{html.escape(now)}</s> → " if now else "— → ") + (
                f"<u style='color:#006000'>{html.escape(s.text)}</u>" if s.text else "—")
        else:  # as the reader sees the text (no Markdown marks), unless only the formatting changed
            now, new = self.session.text(s.code), s.text or ""
            plain_now, plain_new = markdown.to_plain(now), markdown.to_plain(new)
            if plain_now == plain_new and now != new:
                body = html.escape(self.tr("Only the formatting changes:")) + "<br>" + redline_html(now, new)
            else:
                body = redline_html(plain_now, plain_new)
        legend = self.tr("Struck through: deleted. Underlined: inserted.")
        unchanged = self.tr("(no change)")
        head = html.escape(f"{s.anchor} — {s.author}")
        state = "" if s.state == suggestions.PENDING else f" ({html.escape(s.state)})"
        return (f"<b>{head}</b>{state}<p style='white-space: pre-wrap'>{body or html.escape(unchanged)}</p>"
                f"<small>{html.escape(legend)}</small>")

    def _current(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, KIND) == SUGGESTION:
            return None
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

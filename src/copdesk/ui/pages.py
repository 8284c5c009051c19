"""One page per step: the header, a chapter overview, a commitment, a measure, the crisis sections.

Pages are built from the template and the session each time they are shown (one at a time, lazily), so
a platform-size report costs no more to open than a small one. What every field of a page needs from the
file (is the report frozen, how many comments each answer has) is read once per page, not per field. A long
page builds what fills the first screen before it shows, and the rest right after (ui/later.py).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from copdesk.core.rules import wizard
from copdesk.core.template.template import Item
from copdesk.ui.fields import ChoiceField, DateField, LineField, RichTextField, WrapLabel, YesNoField, labelled
from copdesk.ui.later import KeepInView, Later
from copdesk.ui import qt
from copdesk.ui.qt import Qt
from copdesk.ui.session import DraftSession
from copdesk.ui import uncertain
from copdesk.ui.style import mark


translate = QCoreApplication.translate
# The core's review statuses, for lupdate; the status box shows them through self.tr (context Page).
STATUS_WORDS = (QT_TRANSLATE_NOOP("Page", "draft"), QT_TRANSLATE_NOOP("Page", "ready for review"),
                QT_TRANSLATE_NOOP("Page", "changes requested"), QT_TRANSLATE_NOOP("Page", "approved"))


def wording_and_summary(item: Item) -> tuple[str, str]:
    """Official wording when we have it; otherwise copdesk's guidance (what the item asks), labelled as ours."""
    if item.wording:
        return item.wording, ""
    guidance = item.guidance or item.title
    if guidance:
        return "", translate("Page", "copdesk's guidance, not the official wording: {guidance}").format(guidance=guidance)
    return "", translate("Page", "No official wording for this item yet: File › Load official wording from a "
                                 "published report…")


def _read_only(editor: QWidget) -> None:
    """A frozen report: answers can be read, selected and commented, not changed."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit
    if hasattr(editor, "set_read_only"):  # an SLI table: its paste and menu entries too
        editor.set_read_only()
        return
    if isinstance(editor, (QTextEdit, QLineEdit)):
        editor.setReadOnly(True)
    for child in editor.findChildren(QAbstractButton) + ([editor] if isinstance(editor, QAbstractButton) else []):
        child.setEnabled(False)
    for view in editor.findChildren(QAbstractItemView):
        view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    if not isinstance(editor, (QTextEdit, QLineEdit)) and not editor.findChildren(QAbstractItemView):
        editor.setEnabled(False)


def _comment_counts(report) -> dict[str, tuple[int, int]]:
    """Answer code -> (open threads, all threads), for every commented answer, in one read."""
    from copdesk.core.review import comments as review
    counts: dict[str, tuple[int, int]] = {}
    for top, _replies in review.threads(report):
        open_count, total = counts.get(top.code, (0, 0))
        counts[top.code] = (open_count + (not top.resolved), total + 1)
    return counts


class Page(QScrollArea):
    """A scrollable page; `editors` maps answer codes to their editor widgets (for jumping and tests).

    Subclasses build their blocks in build(), each long part through self.later(...), which builds it at
    once while the first screen is not full and otherwise just after the page is shown.
    """

    navigate = Signal(str)
    comment_requested = Signal(str)  # the code of the field whose comment button was pressed
    correction_requested = Signal(str, str)  # a template correction (ui/template_actions): action, item code
    status_requested = Signal(str, str)  # section code, new review status

    def __init__(self, session: DraftSession, stack: QUndoStack, step: wizard.Step):
        super().__init__()
        self.session, self.stack, self.step, self.t = session, stack, step, session.template
        self._editors: dict[str, QWidget] = {}
        self._comment_buttons: dict[str, QPushButton] = {}
        self._marks: dict[str, QWidget] = {}  # in a family: answer code (" table" for a table) -> its ServiceMark
        self._facts = None  # in a family: ui/family.Facts, read once when first asked
        self.frozen = session.report.frozen()
        self._comments = _comment_counts(session.report)
        self.blocks = Later(self)
        self.blocks.built = self._chain_tab_order
        self.later = self.blocks.add
        self.setWidgetResizable(True)
        from copdesk.ui.scrollbar import FlatScrollBar
        self.setVerticalScrollBar(FlatScrollBar())  # the style's costs a switch a tenth of a frame (ui/scrollbar.py)
        if qt.built():  # else once the page has painted (start-up builds no Qt enums before its first paint)
            self._scrollbar_always()
        body = QWidget()
        body.setObjectName("page")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(24, 16, 24, 24)
        self.lay = QVBoxLayout()  # the blocks; a block built later still comes before the stretch
        self.lay.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.lay)
        outer.addStretch(1)
        self.setWidget(body)
        self._keep_in_view = KeepInView(self)
        # The status row and banners go under the heading, but are made before the answers: Tab goes through
        # them first, then from answer to answer (a widget takes its place in the Tab order when it is made).
        self._tops: list[QWidget] = []
        self._no_tab: list[QWidget] = []  # buttons Tab passes over (made out of the Tab order after the paint)
        self._tab_settled = False
        self._review_row()
        self._carried_banner()
        self.build()
        for i, widget in enumerate(self._tops):
            self.lay.insertWidget(1 + i, widget)
        self.blocks.start_after_paint(body)
        from copdesk.ui.tab_order import after_paint
        after_paint(body, self._settle_tab_order)

    def sizeHint(self):  # noqa: N802 - Qt naming
        """What QScrollArea says for any page longer than the window (36 x 24 lines), without asking every
        block of the page for its natural size: the window sizes the page, and asking was 5% of a switch."""
        from PySide6.QtCore import QSize
        line = self.fontMetrics().height()
        return QSize(36 * line, 24 * line)

    @property
    def editors(self) -> dict[str, QWidget]:
        """Answer code -> its editor (" table" after an SLI's code for its table), every block built."""
        self.blocks.finish()
        return self._editors

    @property
    def comment_buttons(self) -> dict[str, QPushButton]:
        self.blocks.finish()
        return self._comment_buttons

    REVIEWED = ("header", "commitment", "crisis_section")

    def _review_row(self) -> None:
        """Review status of this section (header, commitment, crisis sub-section), and the freeze banner."""
        from copdesk.core.review import comments as review
        frozen = self.frozen
        if frozen:
            banner = QLabel(self.tr("Frozen for review by {name} on {time}: answers are read-only, comments stay "
                                    "open (Review › Freeze for review to lift).").format(
                name=frozen[0] or self.tr("someone"), time=frozen[1][:16].replace("T", " ")))
            banner.setWordWrap(True)
            mark(banner, "carried")
            banner.setParent(self.widget())
            self._tops.append(banner)
        if self.step.kind not in self.REVIEWED:
            return
        statuses = review.statuses(self.session.report)
        section = self.section_code()
        current = statuses.get(section) or statuses.get(self.step.key)  # a service's own status first
        box = QWidget(self.widget())
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.status_choice = QComboBox()
        self.status_choice.setAccessibleName(self.tr("Review status of {section}").format(section=self.step.label))
        for status in review.STATUSES:  # shown translated, stored as the core's word
            self.status_choice.addItem(self.tr(status), status)
        self.status_choice.setCurrentIndex(max(0, self.status_choice.findData(current.status if current else "draft")))
        self.status_by = QLabel(self.tr("set by {name}, {time}").format(name=current.by,
                                                                       time=current.at[:16].replace("T", " "))
                                if current else "")
        row.addWidget(QLabel(self.tr("Review status:")))
        row.addWidget(self.status_choice)
        row.addWidget(self.status_by, 1)
        self.status_choice.activated.connect(lambda _i: self.status_requested.emit(self.section_code(),
                                                                                     self.status_choice.currentData()))
        self._tops.insert(0, box)

    def _carried_banner(self) -> None:
        """Answers carried over from the previous period stay marked until someone reviews them."""
        carried = [self.at(c) for c in self.step.codes if self.session.status(self.at(c)) == "carried"]
        if not carried:
            return
        box = QWidget(self.widget())
        mark(box, "carried")
        row = QHBoxLayout(box)
        label = QLabel(self.tr("↻ %n answer(s) on this page were carried over from the previous period and need "
                               "review. Edit them, or mark them reviewed when they still hold.", "", len(carried)))
        label.setWordWrap(True)
        button = QPushButton(self.tr("Mark as &reviewed"))
        button.clicked.connect(lambda: self._mark_reviewed(carried))
        button.clicked.connect(box.hide)
        row.addWidget(label, 1)
        row.addWidget(button)
        self.carried_button = button
        self._tops.append(box)

    def _mark_reviewed(self, codes: list[str]) -> None:
        from copdesk.ui import operations
        operations.run(self, operations.mark_reviewed, self.session, self.stack, codes)

    def heading(self, text: str, level: int = 1, item: Item | None = None) -> QLabel:
        label = WrapLabel(text)
        mark(label, f"h{level}")
        label.setAccessibleName(text)
        if item is None:
            self.lay.addWidget(label)
        else:  # a template item: its marker when unconfirmed, and its corrections ("⋯")
            from copdesk.ui.template_actions import decorate_heading, tools_button
            decorate_heading(label, item)
            row = QHBoxLayout()
            row.addWidget(label, 1)
            button = tools_button(self, item)
            self._skip_tab([button])  # Tab goes answer to answer; Template › and the navigator's menu have these
            row.addWidget(button)
            self.lay.addLayout(row)
        self.blocks.grew(40)
        return label

    def at(self, code: str, table: bool = False) -> str:
        """The code the editor of answer `code` reads and writes: in a family, the service's own answer where it
        has one (ui/family.py); `code` itself otherwise."""
        if not self.session.service:
            return code
        from copdesk.ui import family
        return family.storage(self.session, code, table, self.family_facts())

    def family_facts(self):
        """In a family: what this page asks of each answer, read once when it is built (ui/family.Facts)."""
        if self._facts is None:
            from copdesk.ui import family
            self._facts = family.Facts(self.session)
        return self._facts

    def section_code(self) -> str:
        """The review status this page sets: in a family, the service's own for its section."""
        from copdesk.core.rules.services import qualify
        return qualify(self.step.key, self.session.service)

    def add(self, code: str, title: str, editor: QWidget, wording: str = "", note: str = "",
            item: Item | None = None) -> QWidget:
        self._editors[code] = editor
        if isinstance(editor, RichTextField):  # it grows with its text: the page keeps the cursor in view
            editor.cursorPositionChanged.connect(lambda e=editor: self._show_cursor(e))
        extra: QWidget = self._comment_button(getattr(editor, "code", code), code)
        if item is not None and item.code.startswith(("QRE ", "SLI ")):  # its corrections beside the comments
            from copdesk.ui.template_actions import element_tools
            title, extra = element_tools(self, item, title, extra)
            self._skip_tab([w for w in extra.children() if isinstance(w, QWidget)])  # its "⋯" too
        block = labelled(title, editor, wording, note, extra)
        if item is not None and item.unconfirmed:
            block.findChild(QLabel).setToolTip(uncertain.explanation())  # the block's title: the one explanation
        if self.session.service and code != "header.services":
            block.layout().insertWidget(1, self._service_mark(code, editor))
        self.lay.addWidget(block)
        if self.frozen:
            _read_only(editor)
        self.blocks.grew(max(editor.minimumHeight(), editor.sizeHint().height()) + (80 if wording or note else 40))
        return block

    def _settle_tab_order(self) -> None:
        """Once the page is on screen: buttons beside the answers leave the Tab order (Tab goes from answer
        to answer; the comment buttons' Space opened a dialog that took the rest of a sentence)."""
        from copdesk.ui.tab_order import skip
        self._tab_settled = True
        skip(self._no_tab)
        self._no_tab.clear()
        self._scrollbar_always()

    def _chain_tab_order(self) -> None:
        """Once the blocks built after the first paint are there: the page's Tab order is its own order, top to
        bottom. Qt puts a new widget at the end of the window's Tab chain, after whatever the window made in the
        meantime (a side panel's tabs), so Tab from the answer above a table built late went there."""
        tab = (Qt.TabFocus, Qt.StrongFocus, Qt.WheelFocus)
        window = self.window()  # not the menus and pop-ups the page owns: they are windows of their own
        chain = [w for w in self.widget().findChildren(QWidget)
                 if w.focusPolicy() in tab and w.focusProxy() is None and w.window() is window]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _scrollbar_always(self) -> None:
        """The page's scrollbar is always there, as in a word processor: it appearing once a page grew past the
        window narrowed every answer, and each was laid out twice."""
        if self.verticalScrollBarPolicy() != Qt.ScrollBarAlwaysOn:  # set again, it lays the page out again
            self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)

    def _skip_tab(self, widgets) -> None:
        if self._tab_settled:
            from copdesk.ui.tab_order import skip
            skip(widgets)
        else:
            self._no_tab += widgets

    def _show_cursor(self, editor: RichTextField) -> None:
        """Scroll the page so the cursor of `editor` (where someone types) stays on screen."""
        if editor.hasFocus():
            rect = editor.cursorRect()
            at = editor.viewport().mapTo(self.widget(), rect.center())
            self.ensureVisible(at.x(), at.y(), 0, rect.height() + 24)

    def _comment_button(self, code: str, key: str = "") -> QPushButton:
        """Beside every field: how many comments it has, and a click to read them or write one."""
        open_count, total = self._comments.get(code, (0, 0))
        text = (self.tr("Comments: {n} open").format(n=open_count) if open_count
                else self.tr("Comments: resolved") if total else self.tr("Comment"))
        button = QPushButton(text)
        mark(button, "commentButton")
        button.setAccessibleName(self.tr("Comments on {code}: {open} open of {total}").format(
            code=code, open=open_count, total=total))
        button.setToolTip(self.tr("Read the comments on this answer, or write one (Review › Comment on this "
                                  "answer, Ctrl+Alt+M)"))
        self._skip_tab([button])
        button.clicked.connect(lambda: self.comment_requested.emit(code))
        self._comment_buttons[key or code] = button  # by the answer's code (the page's, not its stored one)
        return button

    def _service_mark(self, code: str, editor: QWidget, table: bool = False) -> QWidget:
        """In a family: whose the answer is (shared, or the service's own), and the button that changes that."""
        from copdesk.ui import family
        from copdesk.ui.service_marks import ServiceMark
        service = self.session.service
        facts = self.family_facts()
        shown_by, own_by = family.sharing(self.session, code, table, facts)
        row = ServiceMark(code, family.state(self.session, code, table, facts), service,
                          len(self.session.report.services()), table, read_only=bool(self.frozen),
                          shown_by=shown_by, own_by=own_by)
        row.make_own.connect(lambda c: self.change_owner(c, True, table))
        row.make_shared.connect(lambda c: self.change_owner(c, False, table))
        if row.button is not None:
            self._skip_tab([row.button])  # Tab goes answer to answer; Edit › has these, on the field with the cursor
        self._marks[code + (" table" if table else "")] = row
        if editor is not None:
            editor.setAccessibleDescription(f"{editor.accessibleDescription()} ({row.accessibleName()})")
        return row

    def change_owner(self, code: str, own: bool, table: bool = False) -> bool:
        """Make the answer `code` the service's own, or the shared one again (one undo step); the page is built
        again, the cursor in it."""
        from copdesk.ui import operations
        change = operations.make_own if own else operations.make_shared
        if operations.run(self, change, self.session, self.stack, code, self.session.service, table) is None:
            return False
        self.navigate.emit(f"{self.step.key}#{code}{' table' if table else ''}")
        return True

    def rich(self, code: str, title: str, item: Item | None = None) -> RichTextField:
        editor = RichTextField(self.session, self.stack, self.at(code), title)
        wording, note = wording_and_summary(item) if item else ("", "")
        self.add(code, title, editor, wording, note, item)
        return editor

    def sli(self, code: str, item: Item) -> None:
        """An SLI: its methodology and answer now, its table as the next block (after the first paint)."""
        wording, note = wording_and_summary(item)
        self.add(code, self.tr("{code} (methodology and answer)").format(code=item.heading),
                 RichTextField(self.session, self.stack, self.at(code), item.code), wording, note, item)
        self.blocks.next(lambda: self._table(code))

    def _table(self, code: str) -> None:
        from copdesk.ui.sli_table import SliTableField
        table = SliTableField(self.session, self.stack, self.at(code, table=True))
        if self.session.service:
            self.lay.addWidget(self._service_mark(code, None, table=True))
        table.cell_comment_requested.connect(self.comment_requested.emit)
        self._skip_tab(table.buttons)  # Tab goes to the table's cells; its menu (Shift+F10) has these
        self._editors[code + " table"] = table
        self.lay.addWidget(table)
        if self.frozen:
            _read_only(table)
        self.blocks.grew(table.view.minimumHeight() + 40)

    def build(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def focus(self, code: str) -> bool:
        """Put the cursor in the editor of `code` and scroll it into view (once the page is laid out)."""
        editor = self.editors.get(code) or self.editors.get(code + " table")
        if editor is None:
            return False
        editor.setFocus(Qt.OtherFocusReason)
        self._keep_in_view.follow(editor)  # a new page is not laid out yet: again once it is
        return True


class HeaderPage(Page):
    def build(self) -> None:
        self.heading(self.tr("Report header"))
        for f in self.t.header:
            self.later(lambda f=f: self._field(f))

    def _field(self, f) -> None:
        label = f.label + ("" if f.required else self.tr(" (optional)"))
        if f.kind == "rich":
            self.rich(f.code, label)
        elif f.kind == "choice":
            self.add(f.code, label, ChoiceField(self.session, self.stack, self.at(f.code), label, f.choices))
        elif f.kind == "date":
            self.add(f.code, label, DateField(self.session, self.stack, self.at(f.code), label))
        elif f.key == "services" and self.session.service:  # a family: its services, not a line to type
            from copdesk.ui.family_header import services_line, signed_by_service
            self.add(f.code, label, services_line(self.session))
            self.lay.addWidget(signed_by_service(self.session))
        else:
            block = self.add(f.code, label, LineField(self.session, self.stack, self.at(f.code), label, f.example))
            if f.key == "services":  # platforms name their services; other signatories are not asked
                self._services = block
                self._show_services()
                self.session.answer_changed.connect(self._show_services)

    def _show_services(self, code: str = "header.kind") -> None:
        if code in ("header.kind", "header.services"):
            self._services.setVisible(self.session.text("header.kind") == "platform"
                                      or bool(self.session.text("header.services").strip()))


class ChapterPage(Page):
    def build(self) -> None:
        chapter = self.t.index[self.step.key]
        self.heading(chapter.title, item=chapter)
        from copdesk.ui import family  # in a family, as the service shown sees it
        data = family.snapshot(self.session, light=True)  # statuses need which tables are filled, not their cells
        statuses = wizard.statuses(self.t, data)
        for step in wizard.steps(self.t, data):
            if step.parent == chapter.code or self.t.parents.get(step.key) == chapter.code:
                button = QPushButton(f"{step.label} — {translate('NavigatorView', statuses.get(step.key, wizard.EMPTY))}")
                button.setFlat(True)
                button.setStyleSheet("text-align: left")
                button.clicked.connect(lambda _=False, k=step.key: self.navigate.emit(k))
                self.lay.addWidget(button)


class CommitmentPage(Page):
    def _sign(self, commitment, service: str, code: str, on: bool) -> None:
        """A family: `service` signs `code` (a measure brings its commitment), or stops signing it (its last
        measure takes the commitment along); one undo step. The page is shown again, or, when the service
        shown no longer signs the commitment, its chapter."""
        from copdesk.ui import family, operations
        key = self.step.key
        if on:
            done = operations.run(self, operations.subscribe, self.session, self.stack, [code], service=service,
                                  where=key)
        else:  # the report drops the commitment with its last signed measure (Report.unsubscribe)
            done = operations.run(self, operations.unsubscribe, self.session, self.stack, [code], service=service,
                                  where=key)
        if done is None:  # refused (said): the page shows the file again
            self.navigate.emit(key)
            return
        signs = family.subscriptions(self.session)
        chapter = self.t.parents.get(key, "")
        if key in signs:
            self.navigate.emit(key)
        elif any(self.t.parents.get(c) == chapter for c in signs):
            self.navigate.emit(chapter)
        else:
            self.navigate.emit(wizard.HEADER)

    def build(self) -> None:
        commitment = self.t.index[self.step.key]
        self.heading(commitment.heading, item=commitment)
        wording, note = wording_and_summary(commitment)
        for text, name in ((wording, "wording"), (note, "summary")):
            if text:
                label = QLabel(text)
                mark(label, name)
                label.setWordWrap(True)
                self.lay.addWidget(label)
        from copdesk.ui import family
        subscribed = family.subscriptions(self.session)  # in a family, what the service shown signs
        signed = [m.code for m in commitment.measures if m.code in subscribed]
        signed_label = QLabel(f"<b>{self.t.signed_measures_label}</b><br>{' '.join(signed) or '—'}")
        signed_label.setWordWrap(True)
        self.lay.addWidget(signed_label)
        if self.session.service:  # a family: each service signs its own measures
            from copdesk.ui.family_header import SignedGrid
            self.signed_grid = SignedGrid(self.session, commitment)
            self.signed_grid.setEnabled(not self.frozen)
            self.signed_grid.toggled.connect(lambda s, c, on: self._sign(commitment, s, c, on))
            self.lay.addWidget(self.signed_grid)
        follow_ups: dict[str, RichTextField] = {}
        for q in self.t.questions:
            code = f"{commitment.code} {q.key}"
            if q.kind == "yes_no":
                self.add(code, q.text, YesNoField(self.session, self.stack, self.at(code), q.text))
            else:
                follow_ups[q.follows] = self.rich(code, q.text)
        for key, editor in follow_ups.items():
            yes_no = self._editors[f"{commitment.code} {key}"]
            yes_no.choice_changed.connect(lambda choice, e=editor: self._enable(e, choice))
            self._enable(editor, yes_no.value())
            from copdesk.ui.follow_up import guard  # text left after a No: keep or clear it
            guard(self.session, self.stack, yes_no.code, editor, read_only=bool(self.frozen))

    @staticmethod
    def _enable(editor: RichTextField, choice: str) -> None:
        """The follow-up is for a Yes; it stays editable when it already holds text, so nothing is hidden."""
        yes = choice.strip().rstrip(".").lower() == "yes"
        editor.setEnabled(yes or bool(editor.toPlainText().strip()))
        editor.setPlaceholderText("" if yes else translate("CommitmentPage", "Answer “Yes” above to fill this in."))


class MeasurePage(Page):
    def build(self) -> None:
        measure = self.t.index[self.step.key]
        self.heading(measure.heading, item=measure)
        self.rich(measure.code, self.tr("{code}: your answer").format(code=measure.code), measure)
        for element in self.t.elements_for(measure):  # its own, then a QRE it shares with another measure
            if element.kind == "qre":
                self.later(lambda e=element: self.rich(e.code, e.heading, e))
            else:
                self.later(lambda e=element: self.sli(e.code, e))

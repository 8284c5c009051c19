"""The Crisis and Elections Response pages: the list of sub-sections, and one sub-section."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from copdesk.core.template import codes
from copdesk.ui import operations
from copdesk.ui.fields import LineField
from copdesk.ui.pages import Page
from copdesk.ui.style import mark


class CrisisOverviewPage(Page):
    def build(self) -> None:
        self.heading(self.t.crisis.title)
        examples = self.tr(" or ").join(f"“{x}”" for x in self.t.crisis.examples)
        intro = QLabel(self.tr("Add a sub-section per election or crisis you report on, for example {examples}.")
                       .format(examples=examples))
        intro.setWordWrap(True)
        self.lay.addWidget(intro)
        add = QPushButton(self.tr("Add sub-section…"))
        add.clicked.connect(lambda: self.add_section())
        self.lay.addWidget(add)
        for s in self.session.report.crisis_sections():
            row = QHBoxLayout()
            title = self.session.text(self.at(f"Crisis {s.id}/title")) or s.title  # a service's own title first
            open_button = QPushButton(title or self.tr("Sub-section {n}").format(n=s.id))
            open_button.clicked.connect(lambda _=False, k=f"Crisis {s.id}": self.navigate.emit(k))
            remove = QPushButton(self.tr("Remove…"))
            remove.setAccessibleName(self.tr("Remove sub-section {title}").format(title=s.title))
            remove.clicked.connect(lambda _=False, sid=s.id, title=s.title: self.remove_section(sid, title))
            row.addWidget(open_button, 1)
            row.addWidget(remove)
            box = QWidget()
            box.setLayout(row)
            self.lay.addWidget(box)

    def add_section(self, title: str | None = None) -> int | None:
        if title is None:
            from copdesk.ui import ask
            title, ok = ask.text(self, self.tr("Add sub-section"), self.tr("Name of the sub-section:"),
                                 self.t.crisis.examples[0] if self.t.crisis.examples else "")
            if not ok or not title.strip():
                return None
        sid = operations.run(self, operations.add_crisis_section, self.session, self.stack, title.strip())
        if sid is not None:
            self.navigate.emit(f"Crisis {sid}")
        return sid

    def remove_section(self, sid: int, title: str, confirm: bool = True) -> bool:
        if confirm and QMessageBox.question(
                self, self.tr("Remove sub-section"),
                self.tr("Remove “{title}” and everything written in it? (Edit › Undo brings all of it back.)").format(
                    title=title)) != QMessageBox.Yes:
            return False
        if not operations.run(self, operations.remove_crisis_section, self.session, self.stack, sid):
            return False
        self.navigate.emit("crisis")
        return True


class CrisisSectionPage(Page):
    def build(self) -> None:
        sid = int(self.step.key.split()[1])
        self.sid = sid
        prefix = f"Crisis {sid}/"
        self.heading(self.step.label)
        name = self.tr("Name of the sub-section")
        self.add(prefix + "title", name, LineField(self.session, self.stack, self.at(prefix + "title"), name))
        note = QLabel(self.t.crisis.note)
        mark(note, "wording")
        note.setWordWrap(True)
        self.lay.addWidget(note)
        self.rich(prefix + "threats", self.t.crisis.threats_label)
        self.rich(prefix + "mitigations", self.t.crisis.mitigations_label)
        from copdesk.ui import family
        for item in family.crisis_items(self.session, sid):  # in a family, the blocks the service shows
            self.later(lambda item=item: self._block(prefix, item))
        self.later(lambda: self.lay.addWidget(self._adder()))

    def _block(self, prefix: str, item: str) -> None:
        if item.startswith("Chapter "):
            self.heading(self.t.index[item].title, 2)
            self.rich(prefix + item, self.t.crisis.outline_prompt)
        elif item.startswith("SLI "):
            self.sli(prefix + item, self.t.index[item])
        else:
            self.rich(prefix + item, item)

    def _adder(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Block to add to this sub-section"))
        for chapter in self.t.chapters:
            self.choice.addItem(self.tr("{chapter} (chapter outline)").format(chapter=chapter.title), chapter.code)
            for m in (m for c in chapter.commitments for m in c.measures):
                self.choice.addItem(f"   {m.code}", m.code)
                for e in m.elements:
                    self.choice.addItem(f"      {e.code}", e.code)
        button = QPushButton(self.tr("Add block"))
        button.clicked.connect(lambda: self.add_block(self.choice.currentData()))
        row.addWidget(QLabel(self.tr("Add:")))
        row.addWidget(self.choice, 1)
        row.addWidget(button)
        return box

    def add_block(self, code: str) -> None:
        chapter = self.t.chapter_of(code).code if not code.startswith("Chapter ") else code
        operations.run(self, operations.add_crisis_items, self.session, self.stack, self.sid,
                       list(dict.fromkeys([chapter, code])))
        self.navigate.emit(f"Crisis {self.sid}#{codes.normalize(code)}")

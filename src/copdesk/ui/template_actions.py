"""Correcting the template from the window, without a text editor: "Add a QRE or SLI here" on a measure,
"Not in my template" and "Rename the code" on any item, the Hidden items view, and loading official wording.

Reached from the Template menu (for the item of the current page), the navigator's context menu and the
small "⋯" button beside each item on a page. Every correction is one undoable command
(ui/template_commands.py) stored in the user's correction file; it takes effect at once.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget

from copdesk.ui import uncertain  # template_commands (PyYAML) is imported on the first correction

translate = QCoreApplication.translate
HIDE, RENAME, ADD = "hide", "rename", "add"


def actions_for(code: str) -> list[tuple[str, str]]:
    """(action, menu text) for an item code: what can be corrected on it."""
    kind = code.split(" ", 1)[0]
    out = []
    if kind == "Measure":
        out.append((ADD, translate("Template", "Add a QRE or SLI here…")))
    if kind in ("Chapter", "Commitment", "Measure", "QRE", "SLI"):
        out.append((HIDE, translate("Template", "Not in my template")))
    if kind in ("Commitment", "Measure", "QRE", "SLI"):
        out.append((RENAME, translate("Template", "Rename the code…")))
    return out


def tools_button(page, item) -> QToolButton:
    """The "⋯" beside an item on a page: its template corrections (emits page.correction_requested). The menu
    is made when the button is pressed: a page with many QREs and SLIs does not pay for menus nobody opens."""
    button = QToolButton()
    button.setText("⋯")
    button.setAutoRaise(True)
    button.setAccessibleName(translate("Template", "Template corrections for {code}").format(code=item.code))
    button.setToolTip(uncertain.tooltip(translate("Template", "Correct the template for {code}").format(code=item.code),
                                        item))
    button.clicked.connect(lambda _checked=False: item_menu(page, item.code, button).popup(
        button.mapToGlobal(button.rect().bottomLeft())))
    return button


def item_menu(page, code: str, parent: QWidget) -> QMenu:
    """The corrections of one item as a menu (kept on `parent` as `correction_menu`)."""
    menu = QMenu(parent)
    for action, text in actions_for(code):
        menu.addAction(text, lambda a=action: page.correction_requested.emit(a, code))
    parent.correction_menu = menu
    return menu


def element_tools(page, item, title: str, comment_button: QWidget) -> tuple[str, QWidget]:
    """A QRE or SLI block's title (with the marker when unconfirmed) and, beside it, the comment button and
    its "⋯" corrections."""
    from PySide6.QtWidgets import QHBoxLayout
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(comment_button)
    row.addWidget(tools_button(page, item))
    return uncertain.marked(title, item), box


def reload_other_windows(source, structural: bool) -> None:
    """Other report windows read the template again; when codes went away or changed, their undo history
    (which may name those codes) is cleared, and they say so."""
    for widget in QApplication.topLevelWidgets():
        if widget is source or not hasattr(widget, "reload_template") or not widget.isVisible():
            continue
        widget.reload_template()
        if structural and widget.stack.count():
            widget.stack.clear()
            widget.statusBar().showMessage(translate(
                "Template", "The template was corrected in another window; this window's undo history was cleared."),
                15000)


class TemplateActions(QObject):
    """The window's template corrections: menu, navigator menu, page buttons."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.context_menu: QMenu | None = None  # the navigator's last context menu (a popup, not modal)

    def install(self, file_menu, before) -> None:
        """File › Load official wording… (above `before`), and the Template menu after the others so far."""
        w = self.window
        learn = w.add_action(file_menu, self.tr("&Load official wording from a published report…"), self.learn)
        file_menu.removeAction(learn)
        file_menu.insertAction(before, learn)
        file_menu.insertSeparator(before)
        learn.setToolTip(self.tr("Every report on the Transparency Centre has a JSON download, and any signatory's "
                                 "report carries the full wording of the items it covers"))
        menu = w.menuBar().addMenu(self.tr("&Template"))
        self.menu = menu
        w.add_action(menu, self.tr("&Add a QRE or SLI here…"), lambda: self.request(ADD, self._current("Measure")))
        w.add_action(menu, self.tr("&Not in my template"), lambda: self.request(HIDE, self._current()))
        w.add_action(menu, self.tr("&Rename the code…"), lambda: self.request(RENAME, self._current()))
        menu.addSeparator()
        w.add_action(menu, self.tr("&Hidden items…"), self.hidden_items)
        w.navigator.item_menu_requested.connect(self.navigator_menu)

    def _current(self, kind: str = "") -> str:
        key = self.window.current_key()
        return key if key in self.window.session.template.index and (not kind or key.startswith(kind)) else ""

    def navigator_menu(self, key: str, pos) -> None:
        if key not in self.window.session.template.index:
            return
        menu = QMenu(self.window)
        for action, text in actions_for(key):
            menu.addAction(text, lambda a=action: self.request(a, key))
        self.context_menu = menu
        menu.popup(pos)

    # -- the corrections ------------------------------------------------------------------------
    def request(self, action: str, code: str) -> bool:
        t = self.window.session.template
        if not code or code not in t.index:
            self.window.statusBar().showMessage(self.tr("Open a measure, QRE or SLI first: the correction applies "
                                                        "to the item of the current page."), 8000)
            return False
        if action == HIDE:
            return self.hide(code)
        if action == RENAME:
            return self.rename(code)
        return self.add_under(code)

    def hide(self, code: str) -> bool:
        from copdesk.ui import template_commands
        done = template_commands.push(self.window, [{"remove": code}],
                                      self.tr("Not in my template: {code}").format(code=code))
        if done:
            self.window.statusBar().showMessage(self.tr(
                "{code} is out of your template; its answers stay in the file (Template › Hidden items; "
                "Edit › Undo brings it back).").format(code=code), 15000)
        return done

    def rename(self, code: str, new: str | None = None) -> bool:
        from copdesk.ui.template_dialogs import CodeDialog
        t = self.window.session.template
        if new is None:
            dialog = CodeDialog(self.window, self.tr("Rename the code"),
                                self.tr("New code for {code} (as the official template numbers it):").format(code=code),
                                code, lambda text: rename_problem(t, code, text))
            if not dialog.exec():
                return False
            new = dialog.code()
        if rename_problem(t, code, new):
            return False
        from copdesk.ui import template_commands
        moves = cascade(t, code, new)
        changes = [{"code": old, "rename": renamed} for old, renamed in moves.items()]
        return template_commands.push(self.window, changes, self.tr("Rename {old} to {new}").format(old=code, new=new),
                                      moves)

    def add_under(self, measure: str, new: str | None = None) -> bool:
        from copdesk.ui.template_dialogs import AddElementDialog
        t = self.window.session.template
        if not measure.startswith("Measure "):
            return False
        if new is None:
            dialog = AddElementDialog(self.window, t, measure)
            if not dialog.exec():
                return False
            new = dialog.code()
        if add_problem(t, measure, new):
            return False
        who = self.window.session.report.who
        change = {"add": {"code": new, "status": "verified",
                          "note": f"added in copdesk's window{' by ' + who if who else ''}"}, "under": measure}
        from copdesk.ui import template_commands
        return template_commands.push(self.window, [change], self.tr("Add {code} under {measure}").format(
            code=new, measure=measure))

    def bring_back(self, code: str) -> bool:
        """Withdraw the "Not in my template" of `code` (an undoable command of its own). Only copdesk's own
        correction file can be changed here; an item another file took out is left to that file."""
        from copdesk.core.template import user_corrections
        from copdesk.ui import template_commands
        removed = self.window.session.template.hidden.get(code)
        edition = self.window.session.report.base_template.edition
        if removed is None or removed.origin != user_corrections.path_for(edition).name:
            return False
        command = template_commands.Withdrawal(self.window, [{"remove": removed.code}],
                                               self.tr("Bring back {code}").format(code=removed.code))
        return template_commands.push_command(self.window, command)

    def hidden_items(self) -> None:
        from copdesk.ui.hidden_items import HiddenItemsDialog
        HiddenItemsDialog(self.window, self).exec()

    def learn(self, path: str | None = None):
        from copdesk.ui.learn_dialog import run_learn
        return run_learn(self.window, path=path, window=self.window)


# -- rules for codes (no Qt) ---------------------------------------------------------------------
_SHAPES = {"Commitment": r"^Commitment (\d+)$", "Measure": r"^Measure (\d+)\.(\d+)$",
           "QRE": r"^QRE (\d+\.\d+)\.(\d+)$", "SLI": r"^SLI (\d+\.\d+)\.(\d+)$"}


def rename_problem(t, old: str, new: str) -> str:
    """Why `old` cannot be renamed to `new` ("" when it can)."""
    kind = old.split(" ", 1)[0]
    new = " ".join(new.split())
    m = re.match(_SHAPES.get(kind, "^$"), new)
    if not m:
        stem, _, last = old.split(" ", 1)[1].rpartition(".")
        example = f"{kind} {stem + '.' if stem else ''}{int(last) + 1}"  # its next number: QRE 30.1.2 -> 30.1.3
        return translate("Template", "Write a {kind} code, for example {example}.").format(kind=kind, example=example)
    if new == old:
        return translate("Template", "That is its code already.")
    if new in t.index or new in t.hidden:
        return translate("Template", "{code} exists already.").format(code=new)
    parent = t.parents.get(old, "")
    if kind == "Measure" and m.group(1) != parent.split(" ")[1]:
        return translate("Template", "A measure stays under its commitment: Measure {n}.…").format(n=parent.split(" ")[1])
    if kind in ("QRE", "SLI") and m.group(1) != parent.split(" ")[1]:
        return translate("Template", "A {kind} stays under its measure: {kind} {n}.…").format(kind=kind,
                                                                                             n=parent.split(" ")[1])
    clash = [c for c in cascade(t, old, new).values() if c != new and c in t.index]
    if clash:
        return translate("Template", "{code} exists already.").format(code=clash[0])
    return ""


def cascade(t, old: str, new: str) -> dict[str, str]:
    """old code -> new code for an item and everything under it (Measure 12.2 -> 12.4 takes QRE 12.2.1 along)."""
    old_n, new_n = old.split(" ", 1)[1], new.split(" ", 1)[1]
    out = {old: new}
    for code, parent in t.parents.items():
        chain = parent
        while chain and chain != old:
            chain = t.parents.get(chain, "")
        if chain == old:
            kind, number = code.split(" ", 1)
            out[code] = f"{kind} {new_n}{number[len(old_n):]}"
    return out


def next_free(t, measure: str, kind: str) -> str:
    """The next unused QRE or SLI code under a measure (QRE 12.1.2 after QRE 12.1.1)."""
    n = measure.split(" ", 1)[1]
    used = {int(c.rsplit(".", 1)[1]) for c in list(t.index) + list(t.hidden) if c.startswith(f"{kind} {n}.")}
    return f"{kind} {n}.{max(used, default=0) + 1}"


def add_problem(t, measure: str, new: str) -> str:
    new = " ".join(new.split())
    m = re.match(r"^(QRE|SLI) (\d+\.\d+)\.(\d+)$", new)
    n = measure.split(" ", 1)[1]
    if not m or m.group(2) != n:
        return translate("Template", "Write a QRE or SLI code of {measure}, for example QRE {n}.2.").format(
            measure=measure, n=n)
    if new in t.index:
        return translate("Template", "{code} exists already.").format(code=new)
    if new in t.hidden:
        return translate("Template", "{code} is hidden: bring it back from Template › Hidden items.").format(code=new)
    return ""


def decorate_heading(label: QWidget, item) -> None:
    """An item's page heading: its marker and the one explanation when it is unconfirmed."""
    if uncertain.is_unconfirmed(item):
        label.setText(uncertain.marked(label.text(), item))
        label.setToolTip(uncertain.explanation())

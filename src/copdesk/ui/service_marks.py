"""In a report family (core/rules/services.py), every answer on a page says whose it is: shared by all services, or
this service's own. A small row above the answer says it in words (never by colour alone) and offers the
change: make the shared answer this service's own (starting from the shared text), or drop this service's
own so the shared answer shows again. The row only asks; the page runs the change through ui/operations.py
as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from copdesk.ui.style import mark

translate = QCoreApplication.translate
SHARED, OWN, OWN_TABLE_ONLY = "shared", "own", "own-only"  # OWN_TABLE_ONLY: a table with no shared one
SHARED_SIGN, OWN_SIGN = "◇", "◆"  # in the fonts every desktop has (DejaVu, Noto): no empty box


def describe(state: str, service: str, count: int, table: bool, shown_by: list[str] | None = None,
             own_by: list[str] | None = None) -> tuple[str, str]:
    """(what the row says, its tooltip). `shown_by`: the services whose report shows the shared answer;
    `own_by`: those that show their own instead (None: not known, all `count` share it)."""
    if state == SHARED:
        if table:
            what = translate("ServiceMark", "Shared table: every service without its own shows it")
        elif shown_by is None or (len(shown_by) == count and not own_by):
            what = translate("ServiceMark", "Shared by all {n} services").format(n=count)
        else:
            what = translate("ServiceMark", "Shared by {services}").format(services=", ".join(shown_by))
            if own_by:
                what += (translate("ServiceMark", "; {services} show their own").format(services=", ".join(own_by))
                         if len(own_by) > 1 else
                         translate("ServiceMark", "; {service} shows its own").format(service=own_by[0]))
        tip = translate("ServiceMark", "What you write here changes the report of every service that has no answer "
                                       "of its own. Make it {service}'s own to write something for {service} alone."
                        ).format(service=service)
    elif state == OWN:
        what = (translate("ServiceMark", "{service}'s own table") if table else
                translate("ServiceMark", "Only in {service}'s report")).format(service=service)
        tip = translate("ServiceMark", "{service}'s report shows this instead of the shared one; the other services "
                                       "show the shared one.").format(service=service)
    else:
        what = translate("ServiceMark", "{service}'s own table (member-state tables are per service)").format(
            service=service)
        tip = translate("ServiceMark", "Each service fills in its own figures.")
    return what, tip


class ServiceMark(QWidget):
    """The row above one answer: whose it is, and the button that changes that."""

    make_own = Signal(str)  # the plain answer code
    make_shared = Signal(str)

    def __init__(self, code: str, state: str, service: str, count: int, table: bool = False, read_only: bool = False,
                 shown_by: list[str] | None = None, own_by: list[str] | None = None):
        super().__init__()
        mark(self, "serviceMark")
        self.code, self.state = code, state
        what, tip = describe(state, service, count, table, shown_by, own_by)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(f"{SHARED_SIGN if state == SHARED else OWN_SIGN} {what}")
        self.label.setWordWrap(True)  # a long list of services wraps; the page never grows sideways
        mark(self.label, "serviceShared" if state == SHARED else "serviceOwn")
        self.label.setToolTip(tip)
        row.addWidget(self.label, 1)
        self.button: QPushButton | None = None
        if state == SHARED:
            self.button = QPushButton(translate("ServiceMark", "Make it {service}'s own").format(service=service))
            self.button.setToolTip(translate("ServiceMark", "{service} gets its own copy of this answer to change; "
                                                            "the other services keep the shared one (Ctrl+Alt+O).")
                                   .format(service=service))
            self.button.clicked.connect(lambda: self.make_own.emit(self.code))
        elif state == OWN:
            self.button = QPushButton(translate("ServiceMark", "Use the shared one again"))
            self.button.setToolTip(translate("ServiceMark", "{service}'s own text is set aside and the shared one "
                                                            "shows (Edit › Undo brings it back; Ctrl+Alt+H).")
                                   .format(service=service))
            self.button.clicked.connect(lambda: self.make_shared.emit(self.code))
        if self.button is not None:
            self.button.setAccessibleName(self.button.text() + f" ({code})")
            self.button.setEnabled(not read_only)
            row.addWidget(self.button)
        self.setAccessibleName(what)

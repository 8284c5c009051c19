"""The report header of a family (core/rules/services.py): "Services covered" lists the family's services and says
which one the window shows; it is not a line to type (each service's document names that service alone)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

translate = QCoreApplication.translate


def services_line(session) -> QLineEdit:
    names = session.report.services()
    line = QLineEdit(translate("FamilyHeader", "{services} (this page: {service})").format(
        services=", ".join(names), service=session.service))
    line.setReadOnly(True)
    line.code = "header.services"
    line.setAccessibleName(translate("FamilyHeader", "Services covered: {services}").format(services=", ".join(names)))
    line.setToolTip(translate("FamilyHeader", "One draft for {n} services: each service's document names that "
                                              "service alone. Choose the service shown above the navigator.")
                    .format(n=len(names)))
    return line


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


def signed_by_service(session) -> QLabel:
    """The header of a family: what each service signs, and what it does not sign of what another does."""
    from copdesk.core.rules import services
    subs = session.report.subscriptions()
    signed = {name: services.project_subscriptions(subs, name) for name in session.report.services()}
    everything = set().union(*signed.values())
    order = {code: i for i, code in enumerate(session.template.index)}
    lines = []
    for name, codes in signed.items():
        commitments = sum(c.startswith("Commitment ") for c in codes)
        measures = sum(c.startswith("Measure ") for c in codes)
        line = translate("FamilyHeader", "<b>{service}</b>: commitments {commitments}, measures {measures}").format(
            service=escape(name), commitments=commitments, measures=measures)
        missing = sorted(everything - codes, key=lambda c: order.get(c, len(order)))
        if missing:
            line += translate("FamilyHeader", "; not {codes}").format(codes=escape(", ".join(missing)))
        lines.append(line)
    label = _plain_label(translate("FamilyHeader", "What each service signs:") + "<br>" + "<br>".join(lines))
    label.setToolTip(translate("FamilyHeader", "Each service's report lists the commitments and measures it signs. "
                                               "Change them with: copdesk subscribe FILE --service NAME --measures "
                                               "21.1 (or unsubscribe)."))
    return label


class SignedGrid(QWidget):
    """A commitment's page in a family: which of its measures each service signs, one box each. A click signs
    or stops signing for that service (the page runs it through ui/operations.py, one undo step)."""

    toggled = Signal(str, str, bool)  # service, measure (or a commitment without measures), signed

    def __init__(self, session, commitment):
        super().__init__()
        from copdesk.core.rules import services
        subs = session.report.subscriptions()
        self.codes = [m.code for m in commitment.measures] or [commitment.code]
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        title = QLabel(translate("FamilyHeader", "<b>Signed by each service</b> (tick to sign, untick to stop)"))
        grid.addWidget(title, 0, 0, 1, len(self.codes) + 2)
        for col, code in enumerate(self.codes, start=1):
            grid.addWidget(QLabel(code.removeprefix("Measure ")), 1, col, Qt.AlignHCenter)
        for row, name in enumerate(session.report.services(), start=2):
            grid.addWidget(QLabel(escape(name)), row, 0)
            signs = services.project_subscriptions(subs, name)
            for col, code in enumerate(self.codes, start=1):
                box = QCheckBox()
                box.setChecked(code in signs)
                box.setAccessibleName(translate("FamilyHeader", "{service} signs {code}").format(service=name,
                                                                                                 code=code))
                box.setToolTip(box.accessibleName())
                box.toggled.connect(lambda on, s=name, c=code: self.toggled.emit(s, c, on))
                self.boxes[(name, code)] = box
                grid.addWidget(box, row, col, Qt.AlignHCenter)
        grid.setColumnStretch(len(self.codes) + 1, 1)

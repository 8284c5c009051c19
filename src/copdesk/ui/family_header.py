"""The report header of a family (core/services.py): "Services covered" lists the family's services and says
which one the window shows; it is not a line to type (each service's document names that service alone)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

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
    from copdesk.core import services
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


def signed_on_commitment(session, commitment) -> QLabel:
    """A commitment's page in a family: which of its measures each service signs."""
    from copdesk.core import services
    subs = session.report.subscriptions()
    codes = [m.code for m in commitment.measures] or [commitment.code]
    lines = []
    for name in session.report.services():
        signs = services.project_subscriptions(subs, name)
        mine = [c.removeprefix("Measure ") for c in codes if c in signs]
        shown = " ".join(mine) if mine else translate("FamilyHeader", "does not sign this commitment")
        lines.append(f"<b>{escape(name)}</b>: {escape(shown)}")
    return _plain_label(translate("FamilyHeader", "Signed by each service:") + "<br>" + "<br>".join(lines))

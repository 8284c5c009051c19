"""The report header of a family (core/services.py): "Services covered" lists the family's services and says
which one the window shows; it is not a line to type (each service's document names that service alone)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

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

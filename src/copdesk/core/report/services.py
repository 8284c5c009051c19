"""The services of a report family (core/rules/services.py says what a family is): a mixin of Report.

The names live in table `services`; an override, a per-service table and a per-service subscription are
rows of `answers`, `cells` and `subscriptions` under a qualified code ("QRE 12.1.1 @ Instagram"), written by
Report's own methods, each in one transaction with its history row like every other write.
"""

from __future__ import annotations

import sqlite3

from copdesk.core.rules import services
from copdesk.core.errors import InputError
from copdesk.core.model import ReportData


class ServiceFamily:
    """Mixed into Report (uses self.conn, self.atomic, self._log, self.resolve, self.set_text, ...)."""

    def services(self) -> list[str]:
        """The report's services in their order; [] for a report that names none (or an older file)."""
        try:
            return [r[0] for r in self.conn.execute("SELECT name FROM services ORDER BY position, name")]
        except sqlite3.OperationalError:  # a file of an older schema opened read-only
            return []

    def service(self, raw: str) -> str:
        """The service `raw` names, or an InputError that lists the report's services."""
        return services.find(self.services(), raw)

    def resolve_for(self, raw: str, service: str) -> str:
        """The qualified code of `service`'s own answer to `raw` (see Report.resolve)."""
        name = self.service(service)
        code = self.resolve(raw)
        if code == services.SERVICES:
            raise InputError(f"{services.SERVICES} lists the services of the family; no service has its own.",
                             "Each service's document names that service alone.")
        return services.qualify(code, name)

    def add_services(self, names) -> list[str]:
        """Name services ("Facebook, Instagram" or a list). The first ones named take over the report's
        subscriptions (each signs what the report signed); a service named later signs nothing yet. Each
        service's cover line starts as its own name. Returns the names added."""
        had = self.services()
        added = services.parse_names(names, had)
        if not added:
            return []
        with self.atomic():
            plain = sorted(c for c in self.subscriptions() if services.split(c)[1] is None) if not had else []
            position = self.conn.execute("SELECT COALESCE(MAX(position), 0) FROM services").fetchone()[0]
            for i, name in enumerate(added, start=1):
                self.conn.execute("INSERT INTO services (name, position) VALUES (?, ?)", [name, position + i])
                self._log("services", "service", None, name)
                for code in plain:
                    self.conn.execute("INSERT INTO subscriptions (code) VALUES (?)", [services.qualify(code, name)])
                    self._log(services.qualify(code, name), "subscribed", None, "yes")
                self.set_text(services.qualify(services.SIGNATORY, name), name)
            for code in plain:  # a family keeps subscriptions per service only
                self.conn.execute("DELETE FROM subscriptions WHERE code = ?", [code])
                self._log(code, "subscribed", "yes", None)
            self.set_text(services.SERVICES, ", ".join(had + added))
        return added

    def service_targets(self, items, service: str | None) -> list[tuple[str, str | None]]:
        """(code, service) pairs an item list means: a qualified item its own service; a plain one `service`,
        or every service of a family, or the report itself (service None)."""
        family = self.services()
        out: list[tuple[str, str | None]] = []
        for raw in items:
            plain, svc = services.split(raw)
            if svc is not None:
                out.append((plain, services.find(family, svc)))
            elif service:
                out.append((plain, services.find(family, service)))
            else:
                out += [(plain, s) for s in family] or [(plain, None)]
        return out

    def family_codes(self) -> tuple[set[str], set[str]]:
        """(the codes of the services' own answers, the codes of every table that has cells): what a page of a
        family asks of each answer ("is there a service's own?"), read in two queries rather than per answer."""
        own = {c for (c,) in self.conn.execute("SELECT code FROM answers WHERE code LIKE ?", [f"%{services.SEP}%"])}
        return own, set(self.table_codes())

    def service_subscriptions(self, service: str) -> set[str]:
        """What `service` signs, as plain codes."""
        return set(services.project_subscriptions(self.subscriptions(), self.service(service)))

    def service_snapshot(self, service: str, light: bool = False) -> ReportData:
        """The report as `service` sees it (services.view): what its validation and exports take."""
        return services.view(self.snapshot(light=light), self.service(service), self.template.index)

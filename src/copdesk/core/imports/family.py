"""Import last period's per-service reports into one family (core/rules/services.py): `copdesk import A.docx B.docx
--services "Facebook,Instagram" -o FILE`.

Each file is read and placed as `copdesk import` reads one (Word or Transparency Centre JSON), nothing
written yet. Then, answer by answer: a text every service that shows the item has, identical, becomes the
shared answer; otherwise each service keeps its own (a service whose report shows the item blank gets
nothing, so no other service's text shows up in its document). Member-state tables and subscriptions are per
service. Crisis and Elections Response sub-sections are matched by their position; an item every service's
sub-section shows is shared, others are that service's. The official wording and labels of all the files
are kept. The new file is written once, whole, or not at all (core/report/create.py, create_from_data).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from copdesk.core.rules import services, wizard
from copdesk.core.errors import InputError, StoreError
from copdesk.core.template.forms import load_template
from copdesk.core.imports.result import ImportResult
from copdesk.core.report.create import create_from_data
from copdesk.core.model import Answer, CrisisSection, ReportData
from copdesk.core.report.open_file import Report
from copdesk.core.report.wording import rows as wording_rows
from copdesk.core.template.template import Template


@dataclass
class FamilyResult:
    services: list[str]
    results: list[ImportResult]  # one per file, in the order of the services
    shared: int = 0  # answers identical in every service that shows them
    own: dict[str, int] = field(default_factory=dict)  # answers kept per service
    tables: dict[str, int] = field(default_factory=dict)
    signatory: str = ""
    signatory_from: str = ""

    def combined(self) -> ImportResult:
        """One ImportResult for the template corrections all the files offer (wording, labels, new items)."""
        first = self.results[0]
        wording, labels, new, seen = {}, {}, [], set()
        for r in self.results:
            for code, text in r.wording.items():
                wording.setdefault(code, text)
            for code, text in r.labels.items():
                labels.setdefault(code, text)
            new += [n for n in r.new_items if n.code not in seen and not seen.add(n.code)]
        return replace(first, source=", ".join(r.source for r in self.results), wording=wording, labels=labels,
                       new_items=new)

    def summary_lines(self) -> list[str]:
        own = ", ".join(f"{s} {self.own.get(s, 0)}" for s in self.services)
        tables = ", ".join(f"{s} {self.tables.get(s, 0)}" for s in self.services)
        lines = [f"{self.shared} answers shared by all services; answers of one service: {own}; tables: {tables}.",
                 f"signatory of the family: “{self.signatory}” ({self.signatory_from}); each service's cover "
                 "keeps the name its report had."]
        for name, result in zip(self.services, self.results):
            lines += [f"{name} ({result.source}): {line}" for line in result.summary_lines()]
        return lines


def read_one(path: Path, t: Template) -> ImportResult:
    """One per-service report, read and placed without writing (Word or Transparency Centre JSON)."""
    from copdesk.core.imports.importers import detect
    kind = detect(path)
    if kind == "docx":
        from copdesk.core.imports.word import read_docx
        return read_docx(path, t)
    if kind == "tc-json":
        from copdesk.core.imports.tc_json import read_tc_file
        return read_tc_file(path, t)
    raise InputError(f"{path.name} is copdesk JSON: a family is made from the reports each service filed (Word or "
                     "Transparency Centre JSON).", "Import a copdesk JSON export on its own: copdesk import "
                     f"{path.name} -o FILE.copdesk.")


def import_family(paths: list[Path | str], names: str | list[str], out: Path | str, template: Template | None = None,
                  signatory: str | None = None) -> tuple[Report, FamilyResult]:
    """Create family `out` from one report per service (`names` in the order of `paths`)."""
    from copdesk.core.safety.inputs import JSON_LIMIT, regular_file
    out = Path(out)
    family = services.parse_names(names)
    if len(family) != len(paths) or len(paths) < 2:
        raise InputError(f"{len(paths)} report{'s' if len(paths) != 1 else ''} and {len(family)} service "
                         f"name{'s' if len(family) != 1 else ''}: a family needs one name per report, in the same "
                         "order, and at least two.", 'For example: copdesk import fb.docx ig.docx --services '
                         '"Facebook,Instagram" -o family.copdesk')
    if out.exists():
        raise StoreError(f"{out} exists already.", "Choose another output name, or delete the old file first.")
    t = template or load_template()
    with contextlib.ExitStack() as stack:
        files = [stack.enter_context(regular_file(Path(p), JSON_LIMIT)) for p in paths]
        results = [read_one(Path(f), t) for f in files]
    result = FamilyResult(family, results)
    data = combine(t, family, [r.data for r in results], result, signatory)
    extras = {"services": [{"name": n, "position": i} for i, n in enumerate(family, start=1)]}
    combined = result.combined()
    found = wording_rows(combined.wording, combined.labels, combined.source)
    if found:
        extras["wording"] = found
    return create_from_data(out, t, replace(data, extras=extras)), result


def combine(t: Template, family: list[str], reports: list[ReportData], result: FamilyResult,
            signatory: str | None) -> ReportData:
    """One family's data from one report per service."""
    shown = [_shown(t, data) for data in reports]
    answers: dict[str, Answer] = {}
    for code in dict.fromkeys(c for data in reports for c in data.answers):
        if code == services.SERVICES:
            continue
        holders = [i for i, data in enumerate(reports) if code in shown[i] or code in data.answers]
        texts = [reports[i].answers.get(code) for i in holders]
        if code != services.SIGNATORY and all(a is not None for a in texts) and len({a.text for a in texts}) == 1:
            answers[code] = texts[0]
            result.shared += 1
            continue
        for i, answer in zip(holders, texts):
            if answer is not None:
                own = services.qualify(code, family[i])
                answers[own] = replace(answer, code=own)
                result.own[family[i]] = result.own.get(family[i], 0) + (code != services.SIGNATORY)
    first = reports[0]
    answers[services.SIGNATORY] = Answer(services.SIGNATORY, _signatory(family, reports, result, signatory),
                                         "markdown", "", first.meta.get("created_at", ""), "")
    answers[services.SERVICES] = Answer(services.SERVICES, ", ".join(family), "markdown", "",
                                        first.meta.get("created_at", ""), "")
    tables = {}
    for name, data in zip(family, reports):
        tables.update({services.qualify(code, name): grid for code, grid in data.tables.items()})
        result.tables[name] = len(data.tables)
    subscriptions = frozenset(services.qualify(code, name) for name, data in zip(family, reports)
                              for code in data.subscriptions)
    meta = dict(first.meta, imported_from=", ".join(r.source for r in result.results))
    return ReportData(meta=meta, answers=answers, tables=tables, subscriptions=subscriptions,
                      crisis=_crisis(family, reports))


def _shown(t: Template, data: ReportData) -> set[str]:
    """The answer codes a report's document shows (header, signed items, crisis sub-sections)."""
    return {code for step in wizard.steps(t, data) for code in step.codes}


def _signatory(family: list[str], reports: list[ReportData], result: FamilyResult, given: str | None) -> str:
    """The family's own signatory: given, or the words every service's cover line starts with ("Microsoft
    Bing", "Microsoft Advertising": "Microsoft"), or the names of the services."""
    lines = [data.text(services.SIGNATORY).strip() for data in reports]
    if given and given.strip():
        result.signatory, result.signatory_from = given.strip(), "given with --signatory"
        return result.signatory
    if len(set(lines)) == 1 and lines[0]:
        result.signatory, result.signatory_from = lines[0], "the same in every report"
        return lines[0]
    words = [line.split() for line in lines]
    common = []
    for group in zip(*words):
        if len(set(group)) != 1:
            break
        common.append(group[0])
    if common:
        result.signatory, result.signatory_from = " ".join(common), "the words every report's cover starts with"
    else:
        result.signatory, result.signatory_from = ", ".join(family), "the services' names; change it with " \
            "'copdesk answer FILE header.signatory --text NAME'"
    return result.signatory


def _crisis(family: list[str], reports: list[ReportData]) -> tuple[CrisisSection, ...]:
    """Sub-sections matched by position; an item every service's sub-section shows is shared."""
    count = max((len(data.crisis) for data in reports), default=0)
    out = []
    for k in range(count):
        present = [(name, data.crisis[k]) for name, data in zip(family, reports) if k < len(data.crisis)]
        ids = {s.id for _, s in present}
        if len(ids) != 1:
            raise InputError("The reports number their Crisis and Elections Response sub-sections differently "
                             f"(sub-section {k + 1} is {', '.join(str(i) for i in sorted(ids))}).",
                             "Import them one by one instead.")
        common = set.intersection(*(set(s.items) for _, s in present)) if len(present) == len(family) else set()
        items = [c for c in dict.fromkeys(i for _, s in present for i in s.items) if c in common]
        items += [services.qualify(c, name) for name, s in present for c in s.items if c not in common]
        out.append(CrisisSection(present[0][1].id, k + 1, "", tuple(items)))
    return tuple(out)

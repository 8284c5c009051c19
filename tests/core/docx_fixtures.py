"""Word reports written for the import tests: a fictional organisation, in the filed reports' layout.

`Doc` wraps python-docx with the few things a filed report uses that python-docx has no API for
(list levels, hyperlinks, soft line breaks). `filed_report(styled)` is one report with every variation
the importer must handle; `styled=False` writes the same text with no heading styles at all.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

WORDING_12 = ("Relevant Signatories commit to increase oversight of political and issue advertising and constructively "
              "assist, as appropriate, in the creation, implementation and improvement of political or issue "
              "advertising policies and practices.")
WORDING_12_1 = ("Relevant Signatories agree to work individually and together through the Task-force to identify "
                "novel and evolving disinformation risks in the uses of political or issue advertising and discuss "
                "options for addressing those risks.")
Q = {
    "Q1": "In line with this commitment, did you deploy new implementation measures (e.g. changes to your terms "
          "of service, new tools, new policies, etc)?",
    "Q2": "If yes, list these implementation measures here",
    "Q3": "Do you plan to put further implementation measures in place in the next 6 months to substantially "
          "improve the maturity of the implementation of this commitment?",
    "Q4": "If yes, which further implementation measures do you plan to put in place in the next 6 months?",
}
NOTE = ("[Note: Signatories are requested to provide information relevant to their particular response to the "
        "threats and challenges they observed on their service(s).")
OUTLINE = ("Outline approaches pertinent to this chapter, highlighting similarities/commonalities and differences "
           "with regular enforcement.")
SIGNED = "We signed up to the following measures of this commitment"


class Doc:
    def __init__(self, styled: bool = True):
        self.d, self.styled = docx.Document(), styled
        self.num_ids = {name: self._style_num(name) for name in ("List Bullet", "List Number")}

    def _style_num(self, name: str) -> str:
        num = self.d.styles[name].element.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId"))
        return num.get(qn("w:val"))

    def heading(self, text: str, level: int = 1):
        if self.styled:
            return self.d.add_heading(text, level)
        return self.d.add_paragraph(text)

    def para(self, text: str = "", bold: bool = False, italic: bool = False):
        p = self.d.add_paragraph()
        if text:
            p.add_run(text).bold, p.runs[-1].italic = bold, italic
        return p

    def runs(self, *parts):
        """A paragraph of runs: plain strings, ("b", text), ("i", text), ("bi", text), ("br",), ("a", text, url)."""
        p = self.d.add_paragraph()
        for part in parts:
            if isinstance(part, str):
                p.add_run(part)
            elif part[0] == "br":
                p.add_run().add_break()
            elif part[0] == "a":
                self._link(p, part[1], part[2])
            else:
                r = p.add_run(part[1])
                r.bold, r.italic = "b" in part[0], "i" in part[0]
        return p

    def _link(self, p, text: str, url: str) -> None:
        rid = p.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rid)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = text
        r.append(t)
        link.append(r)
        p._p.append(link)

    def item(self, text: str, level: int = 0, numbered: bool = False):
        name = "List Number" if numbered else "List Bullet"
        p = self.d.add_paragraph(text, style=name)
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = int(self.num_ids[name])
        return p

    def table(self, rows):
        t = self.d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                if cell is not None:
                    t.cell(i, j).text = cell
        return t

    def save(self, path: Path) -> Path:
        self.d.save(path)
        return path


def filed_report(path: Path, styled: bool = True) -> Path:
    """A report by the fictional "Northwind Civic Lab" with every variation of issue 4."""
    d = Doc(styled)
    d.heading("Northwind Civic Lab", 0) if styled else d.para("Northwind Civic Lab")
    d.para("Report March 2026")
    d.para("Submitted")
    d.heading("Executive summary", 1)
    d.para("Northwind Civic Lab is a fictional research group that studies online manipulation.")
    d.runs("We publish ", ("b", "open data"), " and *tutorials* at ", ("a", "our site", "https://northwind.example/data"), ".")

    d.heading("III. Political Advertising", 1)
    d.heading("Commitment 12", 2)
    d.para(WORDING_12)
    d.para(SIGNED)
    d.para("Measure 12.1 Measure 12.3")
    d.para(Q["Q1"])
    d.para("Yes")
    d.para(Q["Q2"])
    d.item("A new monitoring desk")
    d.item("Two sub-teams:", 1)
    d.item("ads", 2)
    d.item("A public tracker")
    d.para(Q["Q3"])
    d.para(Q["Q4"])
    d.para("N/A")
    d.heading("Measure 12.1", 3)
    d.para(WORDING_12_1)
    d.runs("We monitored ", ("b", "312"), " political ads in ", ("i", "four"), " member states.")
    d.para("- 40 were unlabelled")
    d.item("Step one", numbered=True)
    d.item("Step two", numbered=True)
    d.heading("QRE 12.1.1", 4)
    d.runs("Line one of the answer", ("br",), "line two after a soft break")

    d.heading("Integrity of Services", 1)
    d.heading("Commitment 16", 2)
    d.para("Relevant Signatories commit to operate channels of exchange between their relevant teams.")
    d.para(SIGNED)
    d.para("Measure 16.1")
    d.para(Q["Q1"] + " No")
    d.para(Q["Q3"])
    d.para("We did, partly: the plan is still under review.")
    d.heading("Measure 16.1", 3)
    d.heading("Facebook", 4) if styled else d.para("Facebook", bold=True)
    d.para("Shared 14 incident reports with other services.")
    d.heading("Instagram", 4) if styled else d.para("Instagram", bold=True)
    d.para("Not applicable")
    d.heading("SLI 16.1.1 - actions taken", 4)
    d.para("Methodology: counted by hand each month.")
    d.table([["Member State", "Reports", "Share"], ["Austria", "1,234", "12.5%"], ["Belgium", "-", None],
             ["Total EU", "1,234", "N/A"]])
    d.heading("Measure 16.2", 3)
    d.para("We published two trend notes.")
    d.heading("Commitment 14", 2)
    d.para(SIGNED)
    d.para("Measure 14.3")
    d.heading("Measure 14.3", 3)
    d.para("Not applicable")

    d.heading("Advertising", 1)
    d.heading("Commitment 1", 2)
    d.heading("Measure 1.3", 3)
    d.para("Brand-safety work with two partners.")
    d.heading("QRE 1.3.3", 4)
    d.para("A new reporting element the template lacks.")
    d.heading("QRE 5.9.9", 4)
    d.para("A label that sits in the wrong place.")
    d.table([["a", "b"], ["c", "d"]])

    d.heading("Crisis and Elections Response", 1)
    d.heading("Elections 2026", 2)
    d.para(NOTE)
    d.heading("Threats observed or anticipated", 3)
    d.para("Coordinated fake accounts ahead of a regional vote.")
    d.heading("Mitigations in place", 3)
    d.para("Weekly alerts to platforms.")
    d.heading("Integrity of Services", 3)
    d.para(OUTLINE)
    d.para("Same process as in regular enforcement, faster.")
    d.runs("Measure 16.1", ("br",), "Shared 3 alerts via the rapid response system.")
    d.heading("Crisis 2026", 2)
    d.para(NOTE)
    d.heading("Threats observed or anticipated", 3)
    d.para("Flood-related hoaxes.")
    return d.save(path)


def example_layout_report(path: Path, template) -> Path:
    """A fictional report in exactly the layout of a filed report (no heading styles, labels as printed),
    with the variations an export can reproduce: blank and prose yes/no answers, N/A, a signed measure
    never written about, nested and numbered lists, bold, italic, a link, service labels, soft line
    breaks, a member-state table with "-", "1,234" and "Total EU", a crisis sub-section."""
    t, d = template, Doc(styled=False)
    questions = [q.text for q in t.questions]
    d.para("Northwind Civic Lab")
    d.para("Report March 2026")
    d.para("Submitted")
    d.para("Your organisation description")
    d.runs("Northwind is a ", ("b", "fictional"), " lab; see ", ("a", "our notes", "https://northwind.example/n"), ".")
    d.para("Political Advertising")
    d.para("Commitment 12")
    d.para(t.index["Commitment 12"].wording)
    d.para(SIGNED)
    d.para("Measure 12.1 Measure 12.3")
    for q, answer in zip(questions, ["Yes", None, None, "N/A"]):
        d.para(q)
        if answer:
            d.para(answer)
        elif q == questions[1]:
            d.item("A monitoring desk")
            d.item("Two teams:", 1)
            d.item("ads team", 2)
            d.item("A public tracker")
    d.para("Measure 12.1")
    d.para(t.index["Measure 12.1"].wording)
    d.runs("We reviewed ", ("b", "312"), " ads in ", ("i", "four"), " member states.")
    d.item("First we sampled", numbered=True)
    d.item("Then we labelled", numbered=True)
    d.para("Facebook", bold=True)
    d.para("Shared 14 reports.")
    d.para("Instagram", bold=True)
    d.para("Not applicable")
    d.para("QRE 12.1.1")
    d.runs("Line one", ("br",), "line two")
    d.para("Commitment 13")
    d.para(t.index["Commitment 13"].wording)
    d.para(SIGNED)
    d.para("Measure 13.1")
    for q, answer in zip(questions, ["We did, partly: the plan is under review.", "A pilot.", "No", None]):
        d.para(q)
        if answer:
            d.para(answer)
    d.para("Measure 13.1")
    d.para(t.index["Measure 13.1"].wording)
    d.para("We joined two Task-force meetings.")
    d.para("QRE 13.1.1")
    d.para(t.index["QRE 13.1.1"].wording)
    d.para("We presented one case study.")
    d.para("Integrity of Services")
    d.para("Commitment 16")
    d.para(SIGNED)
    d.para("Measure 16.1")
    for q, answer in zip(questions, ["No", None, "No", None]):
        d.para(q)
        if answer:
            d.para(answer)
    d.para("Measure 16.1")
    d.para("We shared incident reports.")
    d.para("SLI 16.1.1")
    d.para("Methodology: counted by hand.")
    d.table([["Member State", "Reports"], ["Austria", "1,234"], ["Belgium", "-"], ["Total EU", "1,234"]])
    d.para("Crisis and Elections Response")
    d.para("Elections 2026")
    d.para(t.crisis.note)
    d.para(t.crisis.threats_label)
    d.para("Fake accounts ahead of a regional vote.")
    d.para(t.crisis.mitigations_label)
    d.para("Weekly alerts.")
    d.para("Integrity of Services")
    d.para(t.crisis.outline_prompt)
    d.para("As in regular enforcement, faster.")
    d.para("Measure 16.1")
    d.para("Shared 3 alerts.")
    return d.save(path)

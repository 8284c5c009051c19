"""The Crisis and Elections Response part of a filed report: sub-sections, their labels and chosen items.

A sub-section starts with its title (the paragraph before the section note or "Threats observed or
anticipated"), or with the note alone; chapter titles inside it are chapter outlines; Measure/QRE/SLI
labels are its measure blocks. Used by report_parser.Placer, which owns the state it reads and writes.
"""

from __future__ import annotations

from copdesk.core.imports.docx_reader import Paragraph
from copdesk.core.markdown.dialect import Block, Run
from copdesk.core.imports.filed_labels import WordingMatch, item_label, key


class CrisisPart:
    """Mixed into Placer: `self.t`, `self.labels`, `self.got`, `self.target` ... belong to Placer."""

    def crisis_paragraph(self, p: Paragraph, ahead: list) -> bool:
        """Sub-section titles, threats, mitigations and chapter outlines; False for anything else."""
        text, L = p.text.strip(), self.labels  # noqa: N806 (L: the document's labels, kept short)
        k = key(text)
        if L.is_note(text):
            if not self.fresh:  # a note with no title before it still opens a sub-section
                self.new_section(None)
            self.fresh = False
            return True
        self.fresh = False
        if k == L.outline:
            return True
        if item_label(text, p.heading > 0):
            return False
        if k in (L.threats, L.mitigations) or L.chapter(text):
            if not self.crisis_id:
                self.new_section(None)
            chapter = L.chapter(text)
            part = chapter or ("threats" if k == L.threats else "mitigations")
            self.target = f"Crisis {self.crisis_id}/{part}"
            if chapter:
                self.got.add_crisis_item(self.crisis_id, chapter)
            return True
        nxt = [b for b in ahead if isinstance(b, Paragraph)][:1]
        if not self.crisis_id or (nxt and (L.is_note(nxt[0].text) or key(nxt[0].text) == L.threats)):
            self.new_section(p.text.strip())  # a title is plain text, as the export prints it
            return True
        return False

    def new_section(self, title: str | None) -> None:
        self.crisis_id, self.fresh = self.crisis_id + 1, True
        self.got.crisis.setdefault(self.crisis_id, [])
        if title:
            self.add(f"Crisis {self.crisis_id}/title", Block("p", (Run(title),)))
        self.target, self.why = None, "in a crisis sub-section, before a label"

    def crisis_item(self, code: str, p: Paragraph) -> bool:
        if code not in self.t.index or not self.crisis_id:
            self.target, self.why = None, f"{code} in the crisis section is not in the template"
            return True
        self.target = f"Crisis {self.crisis_id}/{code}"
        self.got.add_crisis_item(self.crisis_id, code)
        wording = self.t.index[code].wording
        self.match = WordingMatch(wording) if wording else None
        return True

    def prune_crisis(self) -> None:
        """A chosen QRE/SLI brings its measure's heading, a chosen measure its chapter's (outline.py): such a
        heading with no answer of its own was not chosen itself."""
        for sid, items in self.got.crisis.items():
            chosen = set(items)
            for code in list(items):
                if f"Crisis {sid}/{code}" in self.got.answers:
                    continue
                if any(c != code and code in self._ancestors(c) for c in chosen):
                    items.remove(code)

    def _ancestors(self, code: str) -> list[str]:
        out = []
        while code in self.t.parents:
            code = self.t.parents[code]
            out.append(code)
        return out

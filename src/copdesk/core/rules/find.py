"""Find text across a report, as a reader sees it, in the order of the report.

Answers are stored as Markdown; a search for "our policy" must find "**our** policy", and a result must
read as text, not as the Markdown that stores it. So each answer is searched in its plain text (core
markdown: emphasis marks gone, a link's text kept), which is cached per answer text: typing in the Find
box searches again on every keystroke, and a platform report holds half a million characters. Results
follow the report (Commitment 2 before Commitment 10, a measure's QREs in order), one per answer with
how many times it matches, and one per table cell.
"""

from __future__ import annotations

from functools import lru_cache

from copdesk.core.rules import wizard
from copdesk.core.rules.checklist import name
from copdesk.core.records import record
from copdesk.core.model import ReportData
from copdesk.core.markdown.dialect import parse
from copdesk.core.template.template import Template

SNIPPET_BEFORE, SNIPPET_AFTER = 40, 60  # characters of context around the first match


@record
class Hit:
    step: str  # the step that shows it ("Measure 14.1")
    target: str  # an answer code, or "CODE@row,col" for a table cell (grid indexes)
    where: str  # "QRE 14.1.1", "SLI 14.2.1 table, Austria / Items removed"
    snippet: str  # plain text around the first match, on one line
    count: int  # matches in this answer or cell


@lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """The answer as a reader sees it: paragraphs and list items on lines of their own, no markup."""
    return "\n".join(block.text for block in parse(text))


def _snippet(text: str, at: int, length: int) -> str:
    start, end = max(0, at - SNIPPET_BEFORE), min(len(text), at + length + SNIPPET_AFTER)
    body = " ".join(text[start:end].split())
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


def search(t: Template, data: ReportData, query: str, steps: list[wizard.Step] | None = None) -> list[Hit]:
    """Every answer and table cell holding `query` (case-insensitive), in report order (`steps`: the
    report's wizard.steps, when known already)."""
    needle = query.strip().casefold()
    if not needle:
        return []
    hits: list[Hit] = []
    for step in wizard.steps(t, data) if steps is None else steps:
        for code in step.codes:
            text = data.text(code)
            if text:
                found = plain(text)
                folded = found.casefold()
                at = folded.find(needle)
                if at >= 0:
                    hits.append(Hit(step.key, code, name(t, code), _snippet(found, at, len(needle)),
                                    folded.count(needle)))
            hits += _cells(t, step.key, code, data.tables.get(code) or [], needle)
    return hits


def _cells(t: Template, step: str, code: str, grid, needle: str) -> list[Hit]:
    out = []
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell and needle in cell.casefold():
                label = grid[r][0] if r and row and row[0] else f"row {r + 1}"
                column = grid[0][c] if c < len(grid[0]) and grid[0][c] else f"column {c + 1}"
                where = f"{name(t, code)} table, " + (f"{label} / {column}" if r and c else f"cell {r + 1}, {c + 1}")
                out.append(Hit(step, f"{code}@{r},{c}", where, cell, cell.casefold().count(needle)))
    return out

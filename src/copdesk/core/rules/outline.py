"""What an exported report shows, in template order: the one walk every export format follows.

Word, Transparency Centre JSON and CSV exports all print the same items, so they are decided once:
the chapters that hold a subscribed commitment, each subscribed commitment with its signed measures,
and the items each Crisis and Elections Response sub-section chose to show.
"""

from __future__ import annotations


from copdesk.core.records import record
from copdesk.core.model import CrisisSection, ReportData
from copdesk.core.template.template import Chapter, Commitment, Element, Measure, Template


@record
class CommitmentView:
    commitment: Commitment
    measures: tuple[Measure, ...]  # the signed measures, in template order


@record
class ChapterView:
    chapter: Chapter
    commitments: tuple[CommitmentView, ...]


@record
class CrisisMeasure:
    measure: Measure
    elements: tuple[Element, ...]  # the QREs/SLIs the sub-section chose


@record
class CrisisChapter:
    chapter: Chapter
    measures: tuple[CrisisMeasure, ...]


def chapters(t: Template, data: ReportData) -> list[ChapterView]:
    """Chapters with at least one subscribed commitment (a subscribed measure counts for its commitment)."""
    subs = data.subscriptions
    out = []
    for chapter in t.chapters:
        views = []
        for c in chapter.commitments:
            signed = tuple(m for m in c.measures if m.code in subs)
            if c.code in subs or signed:
                views.append(CommitmentView(c, signed))
        if views:
            out.append(ChapterView(chapter, tuple(views)))
    return out


def crisis_chapters(t: Template, section: CrisisSection) -> list[CrisisChapter]:
    """The chapters a sub-section shows. A chosen QRE/SLI brings its measure's heading with it, so the
    document tree stays right; a chosen measure or element brings its chapter's outline prompt."""
    chosen = set(section.items)
    out = []
    for chapter in t.chapters:
        measures = []
        for c in chapter.commitments:
            for m in c.measures:
                elements = tuple(e for e in m.elements if e.code in chosen)
                if m.code in chosen or elements:
                    measures.append(CrisisMeasure(m, elements))
        if chapter.code in chosen or measures:
            out.append(CrisisChapter(chapter, tuple(measures)))
    return out


def unknown_crisis_items(t: Template, data: ReportData) -> list[str]:
    """Crisis items the template does not know (e.g. after a correction renamed them): not exported."""
    return [f"Crisis {s.id}/{code}" for s in data.crisis for code in s.items if code not in t.index]


def crisis_title(data: ReportData, section: CrisisSection) -> str:
    return section.title or data.text(f"Crisis {section.id}/title")

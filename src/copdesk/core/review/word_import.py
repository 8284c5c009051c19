"""Bring a reviewed Word export back into its report (`copdesk review-import`, Review › Bring back a reviewed
Word document…).

    result = review_import(report, Path("reviewed.docx"))            # settle="accept" | "reject"
    print(result.summary()); print("\\n".join(result.details()))

Three-way, against the state the document was exported from (its markers name the report and the last
history row; that state is rebuilt from the history): per answer, the reviewer's text (tracked changes
accepted, untracked edits included) is compared with the exported text and with the report now.
- Changed by the reviewer only: a suggestion (the whole answer as the reviewer left it), one per changed
  table cell, or one for the whole table when rows or columns were added or removed.
- Changed by the author since the export too, differently: a choice, kept in merge_conflicts as `copdesk
  merge` keeps its choices (Review › Merge choices…); `prefer` settles them like `merge --prefer`.
- Edits outside the answers (headings, official wording, questions) are listed as not applied.
- Comments become copdesk comments on the answer or cell they are anchored in, with author, initials, date,
  replies (commentsExtended) and resolved state; one anchored outside the answers goes on the nearest answer.
Everything is written in one transaction, or nothing (another report's document, a damaged file, one
without markers: an InputError before any write). Ids are derived from the content, so bringing the same
document back twice adds nothing twice.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from copdesk.core.rules import follow_ups, services
from copdesk.core.markdown import dialect as markdown
from copdesk.core.review import suggestions
from copdesk.core.exports.docx_markers import ANSWER, FIXED, IGNORED, LINE, MapBlock
from copdesk.core.errors import InputError, UnknownCodeError
from copdesk.core.review.merge import Conflict, add_conflicts
from copdesk.core.model import Grid
from copdesk.core.numbers import to_int
from copdesk.core.records import record
from copdesk.core.report.open_file import Report
from copdesk.core.model import now
from copdesk.core.review.word_read import Place, Reviewed, WordComment, iso_date, read_reviewed

ID_SPACE = uuid.UUID("6f1e0b0c-0d3a-4f5e-9c2a-7c0e5d1a2b3c")
ROLE_NAMES = {"heading": "heading", "question": "question", "wording": "official wording", "summary": "summary",
              "note": "note", "status": "status line", "normal": "label", "title": "title", "subtitle": "title"}


@record
class Outside:
    """An edit outside the answers: not applied, only reported."""

    where: str
    old: str
    new: str


@record
class ImportedComment:
    code: str
    cell: str
    author: str
    at: str
    text: str
    reply: bool
    note: str  # why it is not where the reviewer put it ("" when it is)
    new: bool  # False: brought back before
    resolved: bool = False


@dataclass
class ReviewResult:
    source: str
    comments: list[ImportedComment] = field(default_factory=list)
    suggestions: list[suggestions.Suggestion] = field(default_factory=list)  # this document's, new or not
    new_suggestions: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    outside: list[Outside] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    settled: str = ""  # "accepted" or "rejected" when every suggestion was settled
    pending: int = 0  # suggestions of this document still waiting

    @property
    def waiting(self) -> bool:
        """Something is left for the author to decide."""
        return bool(self.pending or self.conflicts)

    def summary(self) -> str:
        n_comments = sum(1 for c in self.comments if c.new)
        changes = sum(s.changes for s in self.suggestions)
        answers = len({s.code for s in self.suggestions})
        parts = [_count(n_comments, "comment"),
                 f"{_count(changes, 'suggested change')} in {_count(answers, 'answer')}"
                 + (f" {self.settled}" if self.settled and self.suggestions else "")]
        if self.conflicts:
            parts.append(f"{_count(len(self.conflicts), 'answer')} changed on both sides (choose)")
        parts.append(f"{_count(len(self.outside), 'edit')} outside answers not applied")
        return ", ".join(parts)

    def details(self) -> list[str]:
        lines = []
        for c in self.comments:
            what = "reply" if c.reply else "comment"
            again = (" (resolved)" if c.resolved else "") + ("" if c.new else " (brought back before)")
            lines.append(f"{what:11} {c.code}{' cell ' + c.cell if c.cell else ''}: {c.author}, "
                         f"{c.at[:16].replace('T', ' ')}{again}: {_short(c.text)}")
            if c.note:
                lines.append(f"{'':11} {c.note}")
        for s in self.suggestions:
            who = f"{s.author or 'reviewer'}, {'tracked' if s.tracked else 'not tracked'}"
            state = "" if s.state == suggestions.PENDING else f" [{s.state}]"
            lines.append(f"suggestion  {s.anchor} ({who}){state}: {_short(suggestions.marked(s), 200)}")
        for c in self.conflicts:
            lines.append(f"choose      {c.code}: you changed it since the export and so did the reviewer: "
                         f"mine “{_short(c.mine, 50)}” or theirs “{_short(c.theirs, 50)}”")
        for o in self.outside:
            lines.append(f"not applied {o.where}: “{_short(o.old, 60)}” → “{_short(o.new, 60)}”")
        lines += [f"note: {n}" for n in self.notes]
        return lines


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _short(text: str | None, n: int = 90) -> str:
    one = " ".join((text or "").split()) or "(empty)"
    return one if len(one) <= n else one[: n - 1] + "…"


def review_import(report: Report, path: Path | str, settle: str | None = None, prefer: str | None = None,
                  who: str = "") -> ReviewResult:
    """Bring `path` back into `report`; `settle` "accept" or "reject" settles this document's suggestions,
    `prefer` "mine" or "theirs" the answers both sides changed."""
    path = Path(path)
    reviewed = read_reviewed(path)
    _check_same_report(report, reviewed)
    base_answers, base_tables = state_at(report, reviewed.map.history_id, reviewed.map.history_at, path.name)
    for code in follow_ups.withheld_texts(report.template, base_answers, follow_ups.kept(report.meta)):
        del base_answers[code]  # an "If yes" text after a No that the export left out: not in the document
    work = _Work(report, reviewed, base_answers, base_tables, prefer)
    work.run()
    result = work.result
    with report.atomic():
        work.write(who or report.who)
        pending_ids = [s.id for s in result.suggestions if s.state == suggestions.PENDING]
        if settle == "accept" and pending_ids:
            suggestions.accept(report, pending_ids, who or report.who)
            result.settled = "accepted"
        elif settle == "reject" and pending_ids:
            suggestions.reject(report, pending_ids, who or report.who)
            result.settled = "rejected"
        report.note_review_import(path.name)
    states = {s.id: s.state for s in suggestions.all_suggestions(report)}
    result.suggestions = [replace(s, state=states.get(s.id, s.state)) for s in result.suggestions]
    result.pending = sum(1 for s in result.suggestions if s.state == suggestions.PENDING)
    return result


def _check_same_report(report: Report, reviewed: Reviewed) -> None:
    theirs, mine = reviewed.map.report_id, report.meta.get("report_id", "")
    if theirs != mine:
        raise InputError(f"{reviewed.name} was exported from another report, not from {report.path.name}.",
                         "Open the report the document was exported from, and bring it back there.")
    if reviewed.map.service and reviewed.map.service not in report.services():
        raise InputError(f"{reviewed.name} is the document of the service “{reviewed.map.service}”, which "
                         f"{report.path.name} no longer names.", "Its services: " + (
                             ", ".join(report.services()) or "none") + ".")


def state_at(report: Report, history_id: int, history_at: str, name: str) -> tuple[dict[str, str], dict[str, Grid]]:
    """Answers and tables as they were at history row `history_id` (written at `history_at`): the report
    now, with every later change taken back. The row is found by id and time, or by time alone (a merged
    copy numbers the other side's rows anew)."""
    row = 0 if history_id == 0 and not history_at else (  # exported before any change was logged (an import)
        report.history_row_id(history_id, history_at))
    if row is None:
        last = report.last_history_id()
        hint = ("It was exported from a later state than this file holds: bring it back into the copy it was "
                "exported from." if history_id > last else
                "It was exported from another copy of the report: bring it back into that copy, or merge the "
                "copies first (copdesk merge).")
        raise InputError(f"{name} shows a state of this report that its history does not hold "
                         f"(history row {history_id} of {history_at or 'an unknown time'}).", hint)
    answers = {code: a.text for code, a in report.answers().items()}
    tables = report.tables()
    for h in report.history_after(row):
        code, kind, old = h["code"], h["field"], h["old"]
        if kind == "text":
            if old is None:
                answers.pop(code, None)
            else:
                answers[code] = old
        elif kind == "table":
            tables[code] = json.loads(old) if old else []
        elif kind.startswith("cell "):
            r, _, c = (to_int(x, -1) for x in kind[5:].partition(","))
            if r < 0 or c < 0:
                continue  # not a cell a report can hold
            grid = tables.setdefault(code, [])
            while len(grid) <= r:
                grid.append([])
            grid[r] = list(grid[r]) + [None] * (c + 1 - len(grid[r]))
            grid[r][c] = old
    return answers, tables


def same_text(a: str, b: str) -> bool:
    """Two answers say the same: equal, or the same paragraphs, lists and formatting once read."""
    return a == b or markdown.parse(a) == markdown.parse(b)


def _rect(grid: Grid | None) -> list[list[str]]:
    rows = [[c if c not in (None, "") else "" for c in row] for row in (grid or [])]
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    while width and not any(r[width - 1] for r in rows):
        width -= 1
        rows = [r[:width] for r in rows]
    return rows


class _Work:
    def __init__(self, report: Report, reviewed: Reviewed, base_answers, base_tables, prefer: str | None):
        self.report, self.reviewed, self.prefer = report, reviewed, prefer
        self.base_answers, self.base_tables = base_answers, base_tables
        self.map = reviewed.map
        self.order = [self.map.blocks[n] for n in sorted(self.map.blocks)]
        self.result = ReviewResult(reviewed.name)
        self.extra: dict[int, tuple[list, list]] = {}  # answer marker -> (paragraphs before, after) from fixed text
        self.new_rows: list[suggestions.Suggestion] = []
        self.comment_rows: list[dict] = []
        self.prefer_writes: list[tuple[str, str, str | None]] = []

    # -- answers --------------------------------------------------------------------------------------
    def run(self) -> None:
        if self.map.edition and self.map.edition != self.report.template.edition:
            self.result.notes.append(f"the document was exported on template {self.map.edition}, the report is "
                                     f"on {self.report.template.edition}")
        for n in self.reviewed.missing:
            self.result.notes.append(f"{self.map.blocks[n].code}: its place in the document was not found "
                                     "(deleted with its heading?); the answer is unchanged")
        lead = self.reviewed.places.get(0)
        if lead is not None and any(p.text.strip() for p in lead.paragraphs):
            self.result.outside.append(Outside("before the report title", "", _texts(lead)))
        for b in self.order:
            if b.kind == FIXED:
                self.fixed(b)
        for b in self.order:
            place = self.reviewed.places.get(b.n)
            if place is None:
                continue
            if b.kind == ANSWER:
                self.answer(b, place)
            elif b.kind == LINE:
                self.line(b, place)
            elif b.kind == IGNORED and len(place.tables) > b.tables:
                self.result.outside.append(Outside("a table added near the contents", "", ""))
        self.comments()
        self.result.suggestions = self.new_rows

    def fixed(self, b: MapBlock) -> None:
        place = self.reviewed.places.get(b.n)
        where = f"{ROLE_NAMES.get(b.role, b.role or 'text')} “{_short(b.text, 50)}”"
        if place is None:
            self.result.outside.append(Outside(where, b.text, "(deleted)"))
            return
        texts = [p.text for p in place.paragraphs if p.text.strip()]
        stripped = [t.strip() for t in texts]
        if b.text.strip() in stripped:
            i = stripped.index(b.text.strip())
            before = [p for p in place.paragraphs if p.text.strip()][:i]
            after = [p for p in place.paragraphs if p.text.strip()][i + 1:]
        elif not b.text.strip() and not texts:
            before, after = [], []
        else:
            self.result.outside.append(Outside(where, b.text, "\n".join(texts) or "(deleted)"))
            before, after = [], []
        if after:
            nxt = self._neighbour(b.n, +1)
            if nxt is not None and nxt.kind == ANSWER:
                self.extra.setdefault(nxt.n, ([], []))[0].extend(after)
            else:
                self.result.outside.append(Outside(f"after the {where}", "", "\n".join(p.text for p in after)))
        if before:
            prev = self._neighbour(b.n, -1)
            if prev is not None and prev.kind == ANSWER:
                self.extra.setdefault(prev.n, ([], []))[1].extend(before)
            else:
                self.result.outside.append(Outside(f"before the {where}", "", "\n".join(p.text for p in before)))
        if len(place.tables) > b.tables:
            self.result.outside.append(Outside(f"a table after the {where}", "", ""))

    def _neighbour(self, n: int, step: int) -> MapBlock | None:
        blocks = self.map.blocks
        k = n + step
        while k in blocks and blocks[k].kind == IGNORED:
            k += step
        return blocks.get(k)

    def _code(self, code: str, table: bool = False) -> str | None:
        """The answer (or table) a block shows; in a service's document of a family, the service's own where
        it had one at the exported state, else the shared one (core/rules/services.py)."""
        try:
            code = self.report.resolve(code)
        except UnknownCodeError:
            self.result.notes.append(f"{code} is not in the report's template any more; its text was not compared")
            return None
        if not self.map.service:
            return code
        own = services.qualify(code, self.map.service)
        if table:
            return code if self.base_tables.get(code) and not self.base_tables.get(own) else own
        return own if own in self.base_answers else code

    def answer(self, b: MapBlock, place: Place) -> None:
        code = self._code(b.code)
        if code is None:
            return
        before, after = self.extra.get(b.n, ([], []))
        theirs = Place(b.n, list(before) + place.paragraphs + list(after), place.tables, place.changes).markdown()
        self.three_way(code, self.base_answers.get(code, ""), self.report.text(code), theirs, place)
        if services.base(code).split("/")[-1].startswith("SLI "):
            self.table(self._code(b.code, table=True), place)
        elif place.tables:
            self.result.outside.append(Outside(f"a table in {code}", "", "(only SLIs hold tables)"))

    def line(self, b: MapBlock, place: Place) -> None:
        code = self._code(b.code)
        if code is None:
            return
        texts = [p.text.strip() for p in place.paragraphs if p.text.strip()]
        now_text = b.text.strip() if b.text.strip() in texts else (texts[0] if texts else "")
        if now_text in texts:
            texts.remove(now_text)
        for extra in texts:  # a paragraph typed after the title is not the title
            self.result.outside.append(Outside(f"after the {ROLE_NAMES.get(b.role, b.role)} “{_short(b.text, 40)}”",
                                               "", extra))
        if now_text == b.text.strip():
            return
        self.three_way(code, self.base_answers.get(code, ""), self.report.text(code), now_text, place,
                       exported=b.text)

    def three_way(self, code: str, base: str, mine: str, theirs: str, place: Place,
                  exported: str | None = None) -> None:
        """An answer's text: unchanged, a suggestion, or a choice when the author changed it since the export."""
        if exported is None and same_text(theirs, base):
            return  # the reviewer left it as exported
        if same_text(theirs, mine):
            return  # the report says it already
        if not same_text(mine, base):
            self._choice(Conflict(code, "text", base, mine, theirs))
            return
        self.suggest(code, "", base, theirs, place, max(1, suggestions.hunks(base, theirs)))

    def suggest(self, code: str, cell: str, base: str | None, theirs: str | None, place: Place, changes: int) -> None:
        author, at = _who(place, self.reviewed.last_modified_by)
        sid = str(uuid.uuid5(ID_SPACE, f"{self.map.report_id}|{self.map.history_id}|{code}|{cell}|{theirs}"))
        self.new_rows.append(suggestions.Suggestion(
            sid, code, cell, base, theirs, author, at or now(), int(bool(place.changes)), changes,
            self.reviewed.name, suggestions.PENDING, "", ""))

    def _choice(self, conflict: Conflict) -> None:
        code = conflict.code
        if self.prefer == "mine":
            self.result.notes.append(f"{code}: changed on both sides; yours kept (--prefer mine)")
        elif self.prefer == "theirs":
            self.prefer_writes.append((code, conflict.kind, conflict.theirs))
            self.result.notes.append(f"{code}: changed on both sides; the reviewer's taken (--prefer theirs), "
                                     "yours stays in the history")
        else:
            self.result.conflicts.append(conflict)

    def table(self, code: str, place: Place) -> None:
        base, mine = _rect(self.base_tables.get(code)), _rect(self.report.table(code))
        if not place.tables:
            if base:  # the reviewer deleted the table
                self.whole_table(code, base, mine, [], place)
            return
        if len(place.tables) > 1:
            self.result.outside.append(Outside(f"{len(place.tables) - 1} more table(s) in {code}", "",
                                               "(an SLI holds one table)"))
        theirs = _rect(place.tables[0].rows)
        if theirs == base:
            return
        if not base or (len(theirs), len(theirs[0]) if theirs else 0) != (len(base), len(base[0])):
            self.whole_table(code, base, mine, theirs, place)
            return
        changed = [(r, c, v) for r, row in enumerate(theirs) for c, v in enumerate(row) if v != base[r][c]]
        waiting = [(r, c, v) for r, c, v in changed if _at(mine, r, c) != v]
        if any(_at(mine, r, c) != base[r][c] for r, c, _ in waiting):
            grid = [list(row) for row in self.report.table(code)]
            for r, c, v in waiting:
                while len(grid) <= r:
                    grid.append([])
                grid[r] = grid[r] + [None] * (c + 1 - len(grid[r]))
                grid[r][c] = v or None
            self._choice(Conflict(code, "table", _json(self.base_tables.get(code)), _json(self.report.table(code)),
                                  _json(grid)))
            return
        for r, c, v in waiting:
            self.suggest(code, f"{r},{c}", base[r][c] or None, v or None, place, 1)

    def whole_table(self, code: str, base, mine, theirs, place: Place) -> None:
        if theirs == mine:
            return
        if mine != base:
            self._choice(Conflict(code, "table", _json(base), _json(mine), _json(theirs)))
            return
        self.suggest(code, suggestions.TABLE, _json(base), _json(theirs), place, 1)

    # -- comments -------------------------------------------------------------------------------------
    def comments(self) -> None:
        exported = {(c.author, c.text): c.id for c in self.map.comments}
        ids: dict[str, tuple[str, str, str]] = {}  # word id -> (copdesk id, code, cell)
        existing = {r["id"] for r in self.report.comment_rows()}
        for c in self.reviewed.comments:
            first = c.text.split("\n")[0]
            if not c.parent and (c.author, first) in exported:
                cid = exported[(c.author, first)]
                row = self.report.comment_row(cid)
                if row:
                    ids[c.word_id] = (cid, row["code"], row["cell"])
                continue  # a comment copdesk exported, back again
            if not c.text.strip():
                continue
            parent = ids.get(c.parent) if c.parent else None
            if parent is not None:
                code, cell, note = parent[1], parent[2], ""
            else:
                code, cell, note = self._comment_place(c)
            if code is None:
                continue
            author = c.author.strip() or "unknown reviewer"
            at = c.date or now()
            cid = str(uuid.uuid5(ID_SPACE, f"{self.map.report_id}|{author}|{c.date}|{c.text}|{code}|{cell}|"
                                           f"{parent[0] if parent else ''}"))
            ids[c.word_id] = (cid, code, cell)
            initials = c.initials or "".join(x[0] for x in author.split())[:3]
            self.comment_rows.append({
                "id": cid, "code": code, "cell": cell, "parent": parent[0] if parent else "", "author": author,
                "initials": initials, "at": at, "text": c.text, "resolved_by": author if c.done else "",
                "resolved_at": at if c.done else "", "updated_at": now()})
            self.result.comments.append(ImportedComment(code, cell, author, at, c.text, parent is not None, note,
                                                        cid not in existing, c.done))

    def _comment_place(self, c: WordComment) -> tuple[str | None, str, str]:
        block = self.map.blocks.get(c.place)
        if block is not None and block.kind in (ANSWER, LINE):
            code = self._code(block.code)
            cell = c.cell if block.kind == ANSWER and code and services.base(code).split("/")[-1].startswith("SLI ") \
                else ""
            return (self._code(block.code, table=True) if cell else code), cell, ""
        near = self._nearest_answer(c.place)
        if near is None:
            self.result.notes.append(f"a comment by {c.author} could not be placed: the document has no answers")
            return None, "", ""
        where = (f"the {ROLE_NAMES.get(block.role, block.role or 'text')} “{_short(block.text, 40)}”"
                 if block is not None and block.kind == FIXED else
                 "the contents" if block is not None else "the start of the document")
        return self._code(near.code), "", f"anchored on {where} (not an answer): kept on {near.code}"

    def _nearest_answer(self, n: int) -> MapBlock | None:
        after = [b for b in self.order if b.n > n and b.kind in (ANSWER, LINE)]
        before = [b for b in self.order if b.n < n and b.kind in (ANSWER, LINE)]
        return after[0] if after else (before[-1] if before else None)

    # -- writing --------------------------------------------------------------------------------------
    def write(self, who: str) -> None:
        for s in self.new_rows:
            if self.report.add_suggestion_row(s.__dict__, s.anchor):
                self.result.new_suggestions += 1
        for row in self.comment_rows:
            if self.report.comment_row(row["id"]) is None:
                self.report.add_comment_row(row, f"{row['author']}: {row['text']}")
        for code, kind, value in self.prefer_writes:
            suggestions.write_value(self.report, code, suggestions.TABLE if kind == "table" else "", value)
        add_conflicts(self.report, self.result.conflicts, self.reviewed.name)


def _at(grid: list[list[str]], r: int, c: int) -> str:
    return grid[r][c] if r < len(grid) and c < len(grid[r]) else ""


def _json(grid) -> str | None:
    return json.dumps(grid, ensure_ascii=False) if grid else None


def _texts(place: Place) -> str:
    return "\n".join(p.text for p in place.paragraphs if p.text.strip())


def _who(place: Place, fallback: str) -> tuple[str, str]:
    """The authors of the tracked changes in a place and the latest date; untracked: the document's last
    author (core properties), no date."""
    if not place.changes:
        return fallback, ""
    authors = list(dict.fromkeys(c.author for c in place.changes if c.author))
    dates = sorted(d for d in (iso_date(c.date) for c in place.changes) if d)
    return ", ".join(authors), (dates[-1] if dates else "")

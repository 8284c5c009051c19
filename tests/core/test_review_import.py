"""Word reviewers' changes and comments come back into the draft (copdesk review-import).

The documents are real copdesk exports, edited the way Word writes its markup (tests/core/word_review.py:
w:ins / w:del with author and date, comment ranges over several paragraphs and table cells, replies and
resolved state in commentsExtended); test_libreoffice_round_trip has LibreOffice itself do the review.
"""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings

from copdesk.core.review import merge, comments as review, suggestions
from copdesk.core.exports.word import DocxOptions, export_docx
from copdesk.core.exports.docx_markers import ANSWER, FIXED, LINE, PREFIX
from copdesk.core.exports.docx_comments import review_export
from copdesk.core.errors import InputError
from copdesk.core.review.word_import import review_import, same_text
from copdesk.core.review.word_read import read_reviewed
from tests.core.word_review import WordReview

QRE = "We monitored ads in **all** markets.\n\n- first point\n- second point"
MEASURE = "We took part in the task-force."
DESCRIPTION = "We are an example organisation."


@pytest.fixture
def drafted(new_report):
    r = new_report(measures=["12.1", "16.1"])
    r.set_text("header.description", DESCRIPTION)
    r.set_text("Commitment 12 Q1", "No")
    r.set_text("Measure 12.1", MEASURE)
    r.set_text("QRE 12.1.1", QRE)
    r.set_table("SLI 16.1.1", [["Member State", "Accounts removed"], ["Austria", "5"], ["Belgium", "7"]])
    return r


def export(r, path, comments: str = "open", status_table: bool = False):
    export_docx(r.template, r.snapshot(), path, DocxOptions(review=review_export(r, comments, status_table)))
    return path


def counts(r) -> dict:
    return {t: r.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("comments", "suggestions", "merge_conflicts", "history", "answers", "cells")}


# -- the markers ----------------------------------------------------------------------------------------

def test_every_answer_is_marked_and_fixed_text_is_not_an_answer(drafted, tmp_path):
    doc = read_reviewed(export(drafted, tmp_path / "r.docx"))
    m = doc.map
    assert m.report_id == drafted.meta["report_id"]
    last = drafted.history()[-1]
    assert (m.history_id, m.history_at) == (last["id"], last["at"])
    answers = {b.code: n for n, b in m.blocks.items() if b.kind == ANSWER}
    assert {"header.description", "Commitment 12 Q1", "Measure 12.1", "QRE 12.1.1", "SLI 16.1.1"} <= set(answers)
    assert {b.code for b in m.blocks.values() if b.kind == LINE} == {"header.signatory", "header.title"}
    fixed = {b.text: b.role for b in m.blocks.values() if b.kind == FIXED}
    assert fixed["QRE 12.1.1"] == "heading" and fixed["Measure 12.1"] == "heading"
    assert fixed[drafted.template.questions[0].text] == "question"
    assert drafted.template.index["Measure 12.1"].wording in fixed
    assert not any(answer.split("\n")[0] in fixed for answer in (QRE, MEASURE, DESCRIPTION, "No"))
    # each place holds its answer as exported, and the table is the SLI's
    assert doc.places[answers["QRE 12.1.1"]].markdown() == QRE
    assert doc.places[answers["Measure 12.1"]].markdown() == MEASURE
    assert doc.places[answers["SLI 16.1.1"]].tables[0].rows[2] == ["Belgium", "7"]
    names = [n for n in zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml").decode().split('w:name="')[1:]]
    marks = [n.split('"')[0] for n in names if n.startswith(PREFIX)]
    assert len(marks) == len(set(marks)) == len(m.blocks)


def test_an_untouched_export_brings_nothing_back(drafted, tmp_path):
    """Not even its own comments, its status table or its contents."""
    review.add_comment(drafted, "QRE 12.1.1", "Add a figure.", "Ada Officer", "AO")
    review.add_comment(drafted, "SLI 16.1.1", "Source?", "Ada Officer", "AO", cell="2,1")
    review.set_status(drafted, "Commitment 12", "approved", "Ada Officer")
    before = counts(drafted)
    result = review_import(drafted, export(drafted, tmp_path / "r.docx", status_table=True))
    assert result.summary() == "0 comments, 0 suggested changes in 0 answers, 0 edits outside answers not applied"
    assert not result.waiting
    after = counts(drafted)
    assert after == {**before, "history": before["history"] + 1}  # the import itself is in the history


from tests.core.test_import_roundtrip import answer_md  # noqa: E402 - the generated answers of the round trip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=answer_md())
def test_any_answer_reads_back_as_itself(tmp_path_factory, template, text):
    """Whatever an answer holds (lists, links, bold, escapes), an unedited export reads back as the same."""
    from copdesk.core.report.open_file import Report
    path = tmp_path_factory.mktemp("prop") / "r.copdesk"
    with Report.create(path, template, signatory="Org", kind="other", title="Report", subscriptions=["12.1"]) as r:
        r.set_text("QRE 12.1.1", text)
        doc = read_reviewed(export(r, path.with_suffix(".docx")))
        place = next(doc.places[n] for n, b in doc.map.blocks.items() if b.code == "QRE 12.1.1")
        assert same_text(place.markdown(), text)


# -- a reviewer in Word -----------------------------------------------------------------------------------

def word_review(drafted, tmp_path):
    """Edits and comments as Word writes them, on a fresh export."""
    src = export(drafted, tmp_path / "r.docx")
    doc = WordReview(src)
    qre = doc.paragraph("We monitored ads")
    doc.replace(qre, "all", "most")  # a tracked change inside the bold run
    doc.delete_paragraph(doc.paragraph("first point"))
    doc.insert_paragraph_after(doc.paragraph(MEASURE), "We also chaired a sub-group.", author="Ken Comms")
    doc.replace(doc.paragraph(DESCRIPTION), "an example", "a fictional", tracked=False)  # Track Changes was off
    doc.replace(doc.cell(0, 2, 1), "7", "9")
    doc.replace(doc.paragraph("Political Advertising", nth=2), "Advertising", "Ads", tracked=False)  # a heading
    top = doc.comment(qre, doc.paragraph("second point"), "Which markets?", "Lena Legal", "LL", done=True)
    doc.comment(qre, qre, "All EU markets.", "Ada Officer", "AO", parent=top)
    doc.comment(doc.cell(0, 2, 1), doc.cell(0, 2, 1), "Belgium looks low.", "Lena Legal", "LL")
    doc.comment(doc.paragraph("Measure 12.1", nth=2), doc.paragraph("Measure 12.1", nth=2), "Is this signed?",
                "Ken Comms", "")
    return doc.save(tmp_path / "reviewed.docx", last_modified_by="Ken Comms")


def test_word_review_becomes_suggestions_and_comments(drafted, tmp_path):
    reviewed = word_review(drafted, tmp_path)
    result = review_import(drafted, reviewed)
    by = {s.anchor: s for s in result.suggestions}
    assert set(by) == {"QRE 12.1.1", "Measure 12.1", "header.description", "SLI 16.1.1 cell 2,1"}
    assert by["QRE 12.1.1"].text == "We monitored ads in **most** markets.\n\n- second point"
    assert (by["QRE 12.1.1"].author, by["QRE 12.1.1"].tracked) == ("Lena Legal", 1)
    assert by["QRE 12.1.1"].at.startswith("2026-03-02T10:15")
    assert by["Measure 12.1"].text == MEASURE + "\n\nWe also chaired a sub-group."
    assert by["Measure 12.1"].author == "Ken Comms"
    assert by["header.description"].text == "We are a fictional organisation."
    assert (by["header.description"].tracked, by["header.description"].author) == (0, "Ken Comms")
    assert (by["SLI 16.1.1 cell 2,1"].base, by["SLI 16.1.1 cell 2,1"].text) == ("7", "9")
    assert [(o.old, o.new) for o in result.outside] == [("Political Advertising", "Political Ads")]
    assert result.summary() == ("4 comments, 6 suggested changes in 4 answers, 1 edit outside answers not applied")
    # nothing in the answers changed yet: the author decides
    assert drafted.text("QRE 12.1.1") == QRE and drafted.table("SLI 16.1.1")[2] == ["Belgium", "7"]
    assert result.waiting and result.pending == 4
    threads = {top.text: (top, replies) for top, replies in review.threads(drafted)}
    top, replies = threads["Which markets?"]
    assert (top.code, top.cell, top.author, top.initials) == ("QRE 12.1.1", "", "Lena Legal", "LL")
    assert top.at.startswith("2026-03-02T10:15") and top.resolved and top.resolved_by == "Lena Legal"
    assert [(r.author, r.text, r.code) for r in replies] == [("Ada Officer", "All EU markets.", "QRE 12.1.1")]
    cell, _ = threads["Belgium looks low."]
    assert (cell.code, cell.cell) == ("SLI 16.1.1", "2,1")
    heading, _ = threads["Is this signed?"]
    assert heading.code == "Measure 12.1" and heading.initials == "KC"
    note = next(c.note for c in result.comments if c.text == "Is this signed?")
    assert "heading “Measure 12.1”" in note and "kept on Measure 12.1" in note
    details = "\n".join(result.details())
    assert "We monitored ads in [-**all**-]{+**most**+} markets." in details
    assert "not applied heading “Political Advertising”" in details


def test_accept_all_gives_the_reviewers_text_and_the_next_export_has_it(drafted, tmp_path):
    reviewed = word_review(drafted, tmp_path)
    result = review_import(drafted, reviewed, settle="accept", who="Ada Officer")
    assert not result.waiting and result.settled == "accepted"
    assert drafted.text("QRE 12.1.1") == "We monitored ads in **most** markets.\n\n- second point"
    assert drafted.text("header.description") == "We are a fictional organisation."
    assert drafted.table("SLI 16.1.1")[2] == ["Belgium", "9"]
    assert {s.state for s in suggestions.all_suggestions(drafted)} == {"accepted"}
    assert drafted.history("QRE 12.1.1")[-2]["new"] == drafted.text("QRE 12.1.1")
    again = read_reviewed(export(drafted, tmp_path / "next.docx"))
    by_code = {b.code: again.places[n] for n, b in again.map.blocks.items() if b.kind == ANSWER}
    assert by_code["QRE 12.1.1"].markdown() == "We monitored ads in **most** markets.\n\n- second point"
    assert by_code["SLI 16.1.1"].tables[0].rows[2] == ["Belgium", "9"]
    # bringing the same document back again adds nothing
    before = counts(drafted)
    twice = review_import(drafted, reviewed)
    assert twice.summary().startswith("0 comments, 0 suggested changes in 0 answers")
    assert counts(drafted) == {**before, "history": before["history"] + 1}


def test_reject_all_keeps_the_authors_text_and_a_second_import_does_not_ask_again(drafted, tmp_path):
    reviewed = word_review(drafted, tmp_path)
    result = review_import(drafted, reviewed, settle="reject", who="Ada Officer")
    assert result.settled == "rejected" and not result.waiting
    assert drafted.text("QRE 12.1.1") == QRE and drafted.table("SLI 16.1.1")[2] == ["Belgium", "7"]
    again = review_import(drafted, reviewed)
    assert not again.waiting and {s.state for s in again.suggestions} == {"rejected"}


def test_accept_then_reopen_puts_everything_back(drafted, tmp_path):
    result = review_import(drafted, word_review(drafted, tmp_path))
    ids = [s.id for s in result.suggestions]
    undo = suggestions.accept(drafted, ids, "Ada")
    assert drafted.table("SLI 16.1.1")[2] == ["Belgium", "9"] and drafted.text("Measure 12.1") != MEASURE
    suggestions.reopen(drafted, undo, accepted=True)
    assert drafted.text("QRE 12.1.1") == QRE and drafted.text("Measure 12.1") == MEASURE
    assert drafted.table("SLI 16.1.1")[2] == ["Belgium", "7"]
    assert [s.id for s in suggestions.pending(drafted)] == ids


def test_an_answer_both_sides_changed_is_a_choice(drafted, tmp_path):
    src = export(drafted, tmp_path / "r.docx")
    doc = WordReview(src)
    doc.replace(doc.paragraph(MEASURE), "task-force", "Task-force")
    doc.replace(doc.cell(0, 2, 1), "7", "9")
    doc.replace(doc.cell(0, 1, 1), "5", "6")
    doc.replace(doc.paragraph("No"), "No", "Yes")
    reviewed = doc.save(tmp_path / "reviewed.docx")
    drafted.set_text("Measure 12.1", MEASURE + " Since March, monthly.")  # the author went on writing
    drafted.set_cell("SLI 16.1.1", 2, 1, "8")
    drafted.set_text("Commitment 12 Q1", "Yes")  # the same as the reviewer: no choice
    result = review_import(drafted, reviewed)
    assert {c.code for c in result.conflicts} == {"Measure 12.1", "SLI 16.1.1"}
    assert result.suggestions == [] and result.waiting
    assert drafted.text("Measure 12.1") == MEASURE + " Since March, monthly."  # nothing overwritten
    pending = {c.code: c for c in merge.pending(drafted)}
    assert pending["Measure 12.1"].theirs == "We took part in the Task-force."
    assert json.loads(pending["SLI 16.1.1"].theirs)[1:] == [["Austria", "6"], ["Belgium", "9"]]
    assert json.loads(pending["SLI 16.1.1"].mine)[2] == ["Belgium", "8"]
    assert drafted.conn.execute("SELECT theirs_file FROM merge_conflicts").fetchone()[0] == "reviewed.docx"
    merge.resolve(drafted, "Measure 12.1", "theirs")
    assert drafted.text("Measure 12.1") == "We took part in the Task-force."
    assert "changed on both sides" in result.summary()


def test_prefer_settles_the_choices(drafted, tmp_path):
    src = export(drafted, tmp_path / "r.docx")
    doc = WordReview(src)
    doc.replace(doc.paragraph(MEASURE), "task-force", "Task-force")
    reviewed = doc.save(tmp_path / "reviewed.docx")
    drafted.set_text("Measure 12.1", "Mine.")
    mine = review_import(drafted, reviewed, prefer="mine")
    assert not mine.waiting and drafted.text("Measure 12.1") == "Mine."
    theirs = review_import(drafted, reviewed, prefer="theirs")
    assert not theirs.waiting and drafted.text("Measure 12.1") == "We took part in the Task-force."


def test_exported_comments_come_back_once_with_new_replies(drafted, tmp_path):
    top = review.add_comment(drafted, "QRE 12.1.1", "Add the number of ads.", "Ada Officer", "AO")
    doc = WordReview(export(drafted, tmp_path / "r.docx"))
    qre = doc.paragraph("We monitored ads")
    doc.comment(qre, qre, "Done in the next draft.", "Lena Legal", "LL", parent=0)  # a reply to copdesk's comment
    result = review_import(drafted, doc.save(tmp_path / "reviewed.docx"))
    assert [(c.text, c.reply) for c in result.comments] == [("Done in the next draft.", True)]
    threads = {t.id: replies for t, replies in review.threads(drafted)}
    assert [r.text for r in threads[top.id]] == ["Done in the next draft."]
    assert len(review.threads(drafted)) == 1


def test_edits_around_fixed_text_go_to_the_answer_beside_them(drafted, tmp_path):
    doc = WordReview(export(drafted, tmp_path / "r.docx"))
    question = doc.paragraph(drafted.template.questions[1].text)  # Q2's question; its answer is empty
    doc.insert_paragraph_after(question, "We changed our ad policy.")
    wording = doc.paragraph(drafted.template.index["Measure 12.1"].wording[:40])
    doc.replace(wording, "Relevant Signatories", "Signatories", tracked=True)
    result = review_import(drafted, doc.save(tmp_path / "reviewed.docx"))
    assert [(s.code, s.text) for s in result.suggestions] == [("Commitment 12 Q2", "We changed our ad policy.")]
    assert [o.where.split(" “")[0] for o in result.outside] == ["official wording"]


# -- refusals ---------------------------------------------------------------------------------------------

def _digest(r) -> str:
    return hashlib.sha256(json.dumps([r.rows(t) for t in ("answers", "cells", "comments", "suggestions",
                                                          "merge_conflicts", "history")]).encode()).hexdigest()


def test_other_reports_damaged_files_and_plain_word_files_are_refused(drafted, new_report, tmp_path):
    other = new_report(name="other.copdesk", measures=["12.1"])
    foreign = export(other, tmp_path / "other.docx")
    before = _digest(drafted)
    with pytest.raises(InputError, match="exported from another report"):
        review_import(drafted, foreign)
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(export(drafted, tmp_path / "r.docx").read_bytes()[:3000])
    with pytest.raises(InputError, match="damaged"):
        review_import(drafted, damaged)
    import docx
    plain = tmp_path / "plain.docx"
    d = docx.Document()
    d.add_paragraph("A memo written in Word.")
    d.save(str(plain))
    with pytest.raises(InputError, match="no copdesk markers"):
        review_import(drafted, plain)
    assert _digest(drafted) == before


def test_a_document_from_a_state_this_copy_does_not_hold_is_refused(drafted, tmp_path):
    import shutil
    from copdesk.core.report.open_file import Report
    drafted.close()
    shutil.copy(drafted.path, tmp_path / "copy.copdesk")
    with Report.open(tmp_path / "copy.copdesk", who="tester") as copy:
        copy.set_text("Measure 12.1", "Written in the copy.")
        later = export(copy, tmp_path / "later.docx")
    with Report.open(drafted.path, who="tester") as r:
        with pytest.raises(InputError, match="history does not hold"):
            review_import(r, later)


# -- a reviewer in LibreOffice itself -------------------------------------------------------------------

def libreoffice(tmp_path, src, ops: list[dict], name: str = "reviewed.docx"):
    """Have LibreOffice (through UNO, in the system Python that has python3-uno) do `ops` on `src`."""
    import os
    import shutil
    import subprocess
    from pathlib import Path
    from copdesk.core.exports.pdf import find_soffice
    python = os.environ.get("COPDESK_UNO_PYTHON", "/usr/bin/python3")
    soffice = find_soffice()
    has_uno = soffice is not None and shutil.which(python) is not None and subprocess.run(
        [python, "-c", "import uno"], capture_output=True).returncode == 0
    if not has_uno:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice and python3-uno must be installed in CI (see .ci/run)")
        pytest.skip("LibreOffice with python3-uno is not installed here")
    (tmp_path / "ops.json").write_text(json.dumps(ops), encoding="utf-8")
    out = tmp_path / name
    driver = Path(__file__).resolve().parents[1] / "libreoffice_reviewer.py"
    done = subprocess.run([python, str(driver), str(tmp_path / "ops.json"), str(src), str(out), str(tmp_path / "lo")],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "SOFFICE": soffice})
    assert done.returncode == 0 and out.exists(), done.stderr[-2000:]
    return out


RICH = ("First *italic* and **bold** with a [link](https://example.org/a) and https://example.org/bare.\nA soft "
        "break.\n\n1. one\n2. two\n   - nested bullet\n   - another\n3. three\n\nThen C:\\path, a\\*star, 50% "
        "and `code`.\n\n- bullet\n  continued line\n\n  an indented paragraph in the item\n\n2024. was a year")


def test_libreoffice_save_without_edits_brings_nothing_back(drafted, tmp_path):
    """LibreOffice rewrites the whole document (styles, numbering, the contents, comments): still nothing."""
    drafted.set_text("Commitment 12 Q2", RICH)
    review.add_comment(drafted, "SLI 16.1.1", "Source?", "Ada Officer", "AO", cell="2,1")
    review.set_status(drafted, "Commitment 12", "approved", "Ada Officer")
    saved = libreoffice(tmp_path, export(drafted, tmp_path / "r.docx", status_table=True), [])
    result = review_import(drafted, saved)
    assert result.summary() == "0 comments, 0 suggested changes in 0 answers, 0 edits outside answers not applied"
    assert result.notes == []


def test_libreoffice_round_trip(drafted, tmp_path):
    """The issue's test: open an export in LibreOffice, record changes, edit two answers and a table cell, add
    comments, save as .docx and bring it back; every edit lands on its answer, every comment on its item."""
    review.add_comment(drafted, "Measure 12.1", "Name the task-force.", "Ada Officer", "AO")  # exported with it
    ops = [
        {"op": "author", "name": "Lena Legal", "initials": "LL"},
        {"op": "track", "on": True},
        {"op": "replace", "find": "all markets", "with": "most markets"},  # QRE 12.1.1, across its bold run
        {"op": "append", "find": "second point", "text": "third point"},
        {"op": "replace", "find": "task-force", "with": "Task-force on political ads"},  # Measure 12.1
        {"op": "cell", "table": 0, "name": "B3", "text": "9"},  # SLI 16.1.1, Belgium
        {"op": "comment", "find": "second point", "text": "Which markets?", "author": "Lena Legal",
         "initials": "LL", "date": "2026-03-02T10:05"},
        {"op": "comment", "table": 0, "name": "B2", "text": "Source?", "author": "Lena Legal", "initials": "LL",
         "date": "2026-03-02T10:06", "resolved": True},
        {"op": "comment", "find": "QRE 12.1.1", "text": "Rename?", "author": "Ken Comms", "initials": "KC",
         "date": "2026-03-02T10:07"},  # on a heading: kept on the nearest answer
        {"op": "replace", "find": "Advertising", "with": "Ads", "nth": 2},  # the chapter heading, not the contents
    ]
    src = export(drafted, tmp_path / "r.docx")
    reviewed = libreoffice(tmp_path, src, ops)
    result = review_import(drafted, reviewed)
    by = {s.anchor: s for s in result.suggestions}
    assert set(by) == {"QRE 12.1.1", "Measure 12.1", "SLI 16.1.1 cell 2,1"}
    # LibreOffice types the replacement in the formatting before the selection: "most" is not bold
    assert by["QRE 12.1.1"].text == "We monitored ads in most markets.\n\n- first point\n- second point\n- third point"
    assert by["Measure 12.1"].text == "We took part in the Task-force on political ads."
    assert (by["SLI 16.1.1 cell 2,1"].base, by["SLI 16.1.1 cell 2,1"].text) == ("7", "9")
    assert {s.author for s in result.suggestions} == {"Lena Legal"} and all(s.tracked for s in result.suggestions)
    assert [(o.old, o.new) for o in result.outside] == [("Political Advertising", "Political Ads")]
    comments = {c.text: c for c in result.comments}
    assert set(comments) == {"Which markets?", "Source?", "Rename?"}  # copdesk's own comment is not doubled
    assert (comments["Which markets?"].code, comments["Which markets?"].cell) == ("QRE 12.1.1", "")
    assert (comments["Source?"].code, comments["Source?"].cell, comments["Source?"].resolved) == (
        "SLI 16.1.1", "1,1", True)
    assert comments["Rename?"].code == "QRE 12.1.1" and "heading “QRE 12.1.1”" in comments["Rename?"].note
    assert comments["Which markets?"].at.startswith("2026-03-02T10:05")
    assert len(review.threads(drafted)) == 4
    assert result.summary().startswith("3 comments, ") and result.waiting

    accepted = review_import(drafted, reviewed, settle="accept", who="Ada Officer")
    assert not accepted.waiting
    assert drafted.text("QRE 12.1.1") == by["QRE 12.1.1"].text
    assert drafted.text("Measure 12.1") == "We took part in the Task-force on political ads."
    assert drafted.table("SLI 16.1.1")[2] == ["Belgium", "9"]
    again = read_reviewed(export(drafted, tmp_path / "next.docx"))
    by_code = {b.code: again.places[n] for n, b in again.map.blocks.items() if b.kind == ANSWER}
    assert by_code["QRE 12.1.1"].markdown() == by["QRE 12.1.1"].text
    assert by_code["SLI 16.1.1"].tables[0].rows[2] == ["Belgium", "9"]


# -- the command line -----------------------------------------------------------------------------------

def test_cli_review_import_exit_statuses(drafted, tmp_path):
    from tests.test_cli import run
    reviewed = word_review(drafted, tmp_path)
    path = drafted.path
    drafted.close()
    waiting = run("review-import", path, reviewed)
    assert waiting.returncode == 3, waiting.stderr
    lines = waiting.stdout.splitlines()
    assert lines[0] == "4 comments, 6 suggested changes in 4 answers, 1 edit outside answers not applied"
    assert any(line.startswith("suggestion  QRE 12.1.1 (Lena Legal, tracked)") for line in lines)
    assert any("kept on Measure 12.1" in line for line in lines)
    assert "--accept-all" in lines[-1]
    accepted = run("review-import", path, reviewed, "--accept-all")
    assert accepted.returncode == 0, accepted.stderr
    # the comments came in the first time; the suggestions still waiting are this document's, now accepted
    assert accepted.stdout.splitlines()[0] == ("0 comments, 6 suggested changes in 4 answers accepted, "
                                               "1 edit outside answers not applied")
    from copdesk.core.report.open_file import Report
    with Report.open(path) as r:
        assert r.text("QRE 12.1.1") == "We monitored ads in **most** markets.\n\n- second point"
        assert len(review.threads(r)) == 3
    refused = run("review-import", path, tmp_path / "nope.docx")
    assert refused.returncode == 2 and "does not exist" in refused.stderr
    both = run("review-import", path, reviewed, "--accept-all", "--reject-all")
    assert both.returncode == 2


def test_suggestions_of_both_copies_survive_a_merge(drafted, tmp_path):
    import shutil
    from copdesk.core.report.open_file import Report
    reviewed = word_review(drafted, tmp_path)
    drafted.close()
    shutil.copy(drafted.path, tmp_path / "theirs.copdesk")
    with Report.open(tmp_path / "theirs.copdesk", who="reviewer") as theirs:
        review_import(theirs, reviewed)  # brought back in the other copy only
        decided = suggestions.pending(theirs)[0]
        suggestions.reject(theirs, [decided.id], "reviewer")
    merge.merge(drafted.path, tmp_path / "theirs.copdesk", tmp_path / "merged.copdesk")
    with Report.open(tmp_path / "merged.copdesk") as merged:
        states = {s.id: s.state for s in suggestions.all_suggestions(merged)}
        assert len(states) == 4 and states[decided.id] == "rejected"


def test_a_report_without_history_imported_from_word_comes_back_too(drafted, tmp_path):
    """A report made by 'copdesk import' has no history rows: its export shows 'before any change'."""
    from copdesk.core.imports.importers import import_report
    report, _ = import_report(export(drafted, tmp_path / "filed.docx"), tmp_path / "imported.copdesk")
    with report:
        assert report.history() == []
        doc = WordReview(export(report, tmp_path / "r.docx"))
        doc.replace(doc.paragraph(MEASURE), "task-force", "Task-force")
        report.set_text("QRE 12.1.1", "Changed after the export.")
        result = review_import(report, doc.save(tmp_path / "reviewed.docx"))
        assert [(s.code, s.text) for s in result.suggestions] == [("Measure 12.1", "We took part in the Task-force.")]
        assert result.conflicts == []


def test_crisis_sub_sections_come_back_on_their_own_codes(drafted, tmp_path):
    sid = drafted.add_crisis_section("Elections 2026")
    drafted.add_crisis_item(sid, "SLI 16.1.1")
    drafted.set_text(f"Crisis {sid}/threats", "Bots.")
    drafted.set_table(f"Crisis {sid}/SLI 16.1.1", [["Member State", "n"], ["Austria", "1"]])
    doc = WordReview(export(drafted, tmp_path / "r.docx"))
    threats = doc.paragraph("Bots.")
    doc.replace(threats, "Bots", "Bots and trolls")
    doc.replace(doc.paragraph("Elections 2026", nth=2), "2026", "in 2026")  # the sub-section's title (a heading)
    doc.replace(doc.cell(1, 1, 1), "1", "2")
    doc.comment(threats, threats, "Which bots?", "Lena Legal", "LL")
    result = review_import(drafted, doc.save(tmp_path / "reviewed.docx"))
    assert {(s.anchor, s.text) for s in result.suggestions} == {
        (f"Crisis {sid}/threats", "Bots and trolls."), (f"Crisis {sid}/title", "Elections in 2026"),
        (f"Crisis {sid}/SLI 16.1.1 cell 1,1", "2")}
    assert [(c.code, c.text) for c in result.comments] == [(f"Crisis {sid}/threats", "Which bots?")]
    assert result.outside == []


def test_accepting_into_a_frozen_report_is_refused_and_nothing_is_written(drafted, tmp_path):
    reviewed = word_review(drafted, tmp_path)
    review.freeze(drafted, "Head of Policy")
    before = _digest(drafted)
    with pytest.raises(InputError, match="frozen"):
        review_import(drafted, reviewed, settle="accept")
    assert _digest(drafted) == before
    waiting = review_import(drafted, reviewed)  # bringing it back without deciding is fine: comments stay open
    assert waiting.waiting and len(review.threads(drafted)) == 3


def test_the_title_lines_take_only_their_own_paragraph(drafted, tmp_path):
    doc = WordReview(export(drafted, tmp_path / "r.docx"))
    title = doc.paragraph("Example Org")
    doc.insert_paragraph_after(title, "Prepared by the policy team")
    doc.replace(doc.paragraph("Report March 2026"), "March", "April", tracked=False)
    result = review_import(drafted, doc.save(tmp_path / "reviewed.docx"))
    assert [(s.code, s.text) for s in result.suggestions] == [("header.title", "Report April 2026")]
    assert [(o.where, o.new) for o in result.outside] == [("after the title “Example Org”",
                                                            "Prepared by the policy team")]


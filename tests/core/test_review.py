"""Review offline: comments, statuses, freeze, final approval, versions, comparison, three-way merge."""

from __future__ import annotations

import shutil

import pytest

from copdesk.core.review import merge, comments as review, versions
from copdesk.core.review.diff import changes, redline
from copdesk.core.exports.docx_comments import export_status
from copdesk.core.errors import InputError
from copdesk.core.report.open_file import Report
from copdesk.core.review.versions import Content


def test_comments_replies_resolve_reopen(new_report):
    r = new_report()
    c = review.add_comment(r, "QRE 12.1.1", "Please add a figure.", "Lena Legal", "LL")
    reply = review.add_comment(r, "QRE 12.1.1", "Added 611 ads.", "Ada Officer", "AO", parent=c.id)
    cell = review.add_comment(r, "SLI 16.1.1", "Source?", "Lena Legal", cell="3,1")
    review.set_resolved(r, c.id, "Ada Officer")
    threads = review.threads(r)
    assert [(t.id, [x.id for x in rs]) for t, rs in threads] == [(c.id, [reply.id]), (cell.id, [])]
    assert threads[0][0].resolved and threads[0][0].resolved_by == "Ada Officer"
    review.set_resolved(r, c.id, "Lena Legal", resolved=False)
    assert not review.comments(r, "QRE 12.1.1")[0].resolved
    assert cell.anchor == "SLI 16.1.1 cell 3,1"
    assert [h["field"] for h in r.history("QRE 12.1.1")][-1] == "comment reopened"


def test_comment_needs_an_author_and_text(new_report):
    r = new_report()
    with pytest.raises(InputError, match="name is not set"):
        review.add_comment(r, "QRE 12.1.1", "x", "")
    with pytest.raises(InputError, match="needs some text"):
        review.add_comment(r, "QRE 12.1.1", "  ", "Lena")


def test_statuses_freeze_and_final_approval(new_report):
    r = new_report()
    review.set_status(r, "Commitment 12", "ready for review", "Ada")
    review.set_status(r, "Commitment 12", "approved", "Lena")
    st = review.statuses(r)["Commitment 12"]
    assert (st.status, st.by) == ("approved", "Lena") and st.at
    with pytest.raises(InputError, match="not a review status"):
        review.set_status(r, "Commitment 12", "done", "Lena")
    review.freeze(r, "Lena")
    with pytest.raises(InputError, match="frozen for review"):
        r.set_text("QRE 12.1.1", "late change")
    review.add_comment(r, "QRE 12.1.1", "Comments stay open while frozen.", "Lena")
    assert export_status(r.meta) == "Draft"
    review.approve_final(r, "Head of Policy")
    assert review.final_approval(r)[0] == "Head of Policy"
    assert export_status(r.meta) == "Final"
    review.freeze(r, "Ada", frozen=False)
    assert review.final_approval(r) is None and export_status(r.meta) == "Draft"
    r.set_text("QRE 12.1.1", "editable again")


def test_versions_and_comparison_list_exactly_the_changed_fields(new_report):
    r = new_report(measures=["12.1", "16.1", "39"])
    r.set_text("QRE 12.1.1", "We removed 10 accounts.")
    r.set_text("Commitment 12 Q1", "No")
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "5"]])
    versions.save_version(r, "sent to legal", "Ada")
    r.set_text("QRE 12.1.1", "We removed 12 fake accounts.")
    r.set_text("Commitment 39 Q1", "Yes")
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "7"]])
    r.unsubscribe(["Commitment 39"])
    found = changes(versions.version_content(r, "sent to legal"), Content.of(r.snapshot()))
    assert [(c.code, c.kind, c.field) for c in found] == [
        ("Commitment 39 Q1", "added", "text"), ("QRE 12.1.1", "changed", "text"),
        ("SLI 16.1.1", "changed", "table"), ("Commitment 39", "removed", "subscription")]
    assert ("-", "10") in redline(found[1].old, found[1].new) and ("+", "12 fake") in redline(found[1].old, found[1].new)
    assert [v.name for v in versions.versions(r)] == ["sent to legal"]
    with pytest.raises(InputError, match="No version"):
        versions.version_content(r, "nope")


def _two_copies(new_report, tmp_path):
    r = new_report(measures=["12.1", "12.3", "16.1", "39"])
    for code, text in {"QRE 12.1.1": "base one", "QRE 12.3.1": "base three", "Commitment 12 Q1": "No",
                       "Commitment 39 Q1": "No"}.items():
        r.set_text(code, text)
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "5"]])
    r.close()
    theirs = tmp_path / "theirs.copdesk"
    shutil.copy(r.path, theirs)
    mine = Report.open(r.path, who="author")
    other = Report.open(theirs, who="reviewer")
    return mine, other


def test_three_way_merge(new_report, tmp_path):
    mine, theirs = _two_copies(new_report, tmp_path)
    mine.set_text("QRE 12.1.1", "author's version")          # both sides: a choice
    theirs.set_text("QRE 12.1.1", "reviewer's version")
    theirs.set_text("QRE 12.3.1", "reviewer fixed this")     # their side only: taken
    mine.set_text("Commitment 39 Q1", "Yes")                 # my side only: kept
    theirs.set_text("Commitment 12 Q1", "No")                # unchanged value: nothing to do
    theirs.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "6"]])
    c_mine = review.add_comment(mine, "QRE 12.1.1", "mine", "author")
    c_theirs = review.add_comment(theirs, "QRE 12.3.1", "theirs", "reviewer")
    review.set_status(theirs, "Commitment 12", "changes requested", "reviewer")
    mine.close(), theirs.close()
    result = merge.merge(mine.path, theirs.path, tmp_path / "out.copdesk", who="author")
    assert sorted(result.from_theirs) == ["QRE 12.3.1", "SLI 16.1.1"]
    assert [(c.code, c.base, c.mine, c.theirs) for c in result.conflicts] == [
        ("QRE 12.1.1", "base one", "author's version", "reviewer's version")]
    with Report.open(tmp_path / "out.copdesk") as out:
        assert out.text("QRE 12.1.1") == "author's version"  # until the author chooses
        assert out.text("QRE 12.3.1") == "reviewer fixed this"
        assert out.text("Commitment 39 Q1") == "Yes"
        assert out.table("SLI 16.1.1")[1] == ["Austria", "6"]
        assert {c.id for c in review.comments(out)} == {c_mine.id, c_theirs.id}
        assert review.statuses(out)["Commitment 12"].status == "changes requested"
        assert [c.code for c in merge.pending(out)] == ["QRE 12.1.1"]
        texts = [h["new"] for h in out.history("QRE 12.1.1")]
        assert "author's version" in texts and "reviewer's version" in texts  # nothing lost
        merge.resolve(out, "QRE 12.1.1", "theirs")
        assert out.text("QRE 12.1.1") == "reviewer's version" and merge.pending(out) == []


def test_merging_twice_takes_only_new_changes(new_report, tmp_path):
    mine, theirs = _two_copies(new_report, tmp_path)
    theirs.set_text("QRE 12.3.1", "first pass")
    mine.close(), theirs.close()
    merge.merge(mine.path, theirs.path, tmp_path / "m1.copdesk")
    with Report.open(theirs.path, who="reviewer") as t:
        t.set_text("QRE 12.3.1", "second pass")
    result = merge.merge(tmp_path / "m1.copdesk", theirs.path, tmp_path / "m2.copdesk")
    assert result.conflicts == [] and result.from_theirs == ["QRE 12.3.1"]
    with Report.open(tmp_path / "m2.copdesk") as out:
        assert out.text("QRE 12.3.1") == "second pass"


def test_prefer_settles_every_choice(new_report, tmp_path):
    mine, theirs = _two_copies(new_report, tmp_path)
    mine.set_text("QRE 12.1.1", "a")
    theirs.set_text("QRE 12.1.1", "b")
    mine.close(), theirs.close()
    result = merge.merge(mine.path, theirs.path, tmp_path / "o.copdesk", prefer="theirs")
    assert result.conflicts == []
    with Report.open(tmp_path / "o.copdesk") as out:
        assert out.text("QRE 12.1.1") == "b" and merge.pending(out) == []


def test_crisis_sections_added_on_both_sides_are_both_kept(new_report, tmp_path):
    mine, theirs = _two_copies(new_report, tmp_path)
    mine.add_crisis_section("Elections 2026")
    theirs.add_crisis_section("Crisis 2026")
    theirs.set_text("Crisis 1/threats", "their threats")
    mine.close(), theirs.close()
    merge.merge(mine.path, theirs.path, tmp_path / "o.copdesk")
    with Report.open(tmp_path / "o.copdesk") as out:
        assert [s.title for s in out.crisis_sections()] == ["Elections 2026", "Crisis 2026"]
        assert out.text("Crisis 2/threats") == "their threats"


def test_merge_refuses_different_reports(new_report, tmp_path):
    a = new_report(name="a.copdesk")
    b = new_report(name="b.copdesk")
    a.close(), b.close()
    with pytest.raises(InputError, match="different reports"):
        merge.merge(a.path, b.path, tmp_path / "o.copdesk")
    assert not (tmp_path / "o.copdesk").exists()


def test_comparison_docx_has_tracked_insertions_and_deletions(new_report, tmp_path):
    from docx import Document
    from copdesk.core.review.comparison_docx import export_comparison
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "We removed 10 accounts.")
    versions.save_version(r, "v1", "Ada")
    r.set_text("QRE 12.1.1", "We removed 12 fake accounts.")
    found = changes(versions.version_content(r, "v1"), Content.of(r.snapshot()))
    export_comparison(r.template, "v1 → now", found, tmp_path / "cmp.docx")
    body = Document(str(tmp_path / "cmp.docx")).element.body
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    deleted = [x.xpath("string(.)") for x in body.findall(".//w:del", ns)]
    inserted = [x.xpath("string(.)") for x in body.findall(".//w:ins", ns)]
    assert deleted == ["10"] and inserted == ["12 fake"]
    assert any("QRE 12.1.1" in "".join(p.itertext()) for p in body.findall(".//w:p", ns))


def test_cli_diff_and_merge_exit_statuses(new_report, tmp_path):
    from tests.test_cli import run
    mine, theirs = _two_copies(new_report, tmp_path)
    mine.set_text("QRE 12.1.1", "a")
    theirs.set_text("QRE 12.1.1", "b")
    mine.close(), theirs.close()
    out = run("diff", mine.path, theirs.path)
    assert out.returncode == 0 and "1 changed field" in out.stdout and "[-a-]{+b+}" in out.stdout
    merged = run("merge", mine.path, theirs.path, "-o", tmp_path / "m.copdesk")
    assert merged.returncode == 3 and "1 choices pending" in merged.stdout and "QRE 12.1.1" in merged.stdout
    again = run("merge", mine.path, theirs.path, "-o", tmp_path / "m2.copdesk", "--prefer", "theirs")
    assert again.returncode == 0
    other = new_report(name="other.copdesk")
    other.close()
    refused = run("merge", mine.path, other.path, "-o", tmp_path / "m3.copdesk")
    assert refused.returncode == 2 and "different reports" in refused.stderr
    assert not (tmp_path / "m3.copdesk").exists()
    versions_out = run("diff", mine.path, "--version", "nope")
    assert versions_out.returncode == 2 and "No version" in versions_out.stderr


def _word_comments(path):
    from docx import Document
    doc = Document(str(path))
    out = {}
    for c in doc.comments:
        out[c.text.splitlines()[0] if c.text else ""] = c
    return doc, out


def test_word_export_has_anchored_comments_status_table_and_final(new_report, tmp_path):
    from copdesk.core.exports.word import DocxOptions, export_docx
    from copdesk.core.exports.docx_comments import review_export
    r = new_report(measures=["12.1", "16.1", "39"])
    r.set_text("QRE 12.1.1", "We monitored ads.")
    r.set_text("Commitment 12 Q1", "No")
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "5"], ["Belgium", "7"]])
    r.set_text("Crisis 1/title", "Elections 2026")
    r.set_text("Crisis 1/threats", "Bots.")
    top = review.add_comment(r, "QRE 12.1.1", "Add the number of ads.", "Lena Legal", "LL")
    review.add_comment(r, "QRE 12.1.1", "Done.", "Ada Officer", "AO", parent=top.id)
    review.add_comment(r, "Commitment 12 Q1", "Really no?", "Lena Legal")
    review.add_comment(r, "SLI 16.1.1", "Check Belgium.", "Lena Legal", cell="2,1")
    review.add_comment(r, "Crisis 1/threats", "Which bots?", "Lena Legal")
    gone = review.add_comment(r, "Measure 12.1", "old remark", "Lena Legal")
    review.set_resolved(r, gone.id, "Lena Legal")
    review.set_status(r, "Commitment 12", "approved", "Lena Legal")
    review.approve_final(r, "Head of Policy")
    out = tmp_path / "r.docx"
    export_docx(r.template, r.snapshot(), out, DocxOptions(review=review_export(r, "open", status_table=True)))
    doc, comments = _word_comments(out)
    assert set(comments) == {"Add the number of ads.", "Really no?", "Check Belgium.", "Which bots?"}
    assert comments["Add the number of ads."].author == "Lena Legal" and comments["Add the number of ads."].initials == "LL"
    assert "Ada Officer" in comments["Add the number of ads."].text and "Done." in comments["Add the number of ads."].text
    xml = doc.element.body.xml
    # each comment is anchored on its answer: the range holds the answer's text
    import re
    ranges = re.findall(r'commentRangeStart w:id="(\d+)"/>(.*?)commentRangeEnd', xml, re.S)
    anchored = {cid: "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)) for cid, body in ranges}
    by_text = {c.text.splitlines()[0]: str(c.comment_id) for c in doc.comments}
    assert anchored[by_text["Add the number of ads."]] == "We monitored ads."
    assert anchored[by_text["Really no?"]] == "No"
    assert anchored[by_text["Check Belgium."]] == "7"
    assert anchored[by_text["Which bots?"]] == "Bots."
    texts = [p.text for p in doc.paragraphs]
    assert "Final" in texts[:4] and "Draft" not in texts[:4]
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Section", "Review status", "Set by", "When"]
    assert [c.text for c in table.rows[1].cells][:3] == ["Commitment 12", "approved", "Lena Legal"]


def test_exported_comments_survive_libreoffice(new_report, tmp_path):
    import os
    import subprocess
    import zipfile
    from copdesk.core.exports.word import DocxOptions, export_docx
    from copdesk.core.exports.docx_comments import review_export
    from copdesk.core.exports.pdf import find_soffice
    soffice = find_soffice()
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice must be installed in CI (see .ci/run)")
        pytest.skip("LibreOffice is not installed here")
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "We monitored ads.")
    review.add_comment(r, "QRE 12.1.1", "Add the number of ads.", "Lena Legal", "LL")
    export_docx(r.template, r.snapshot(), tmp_path / "r.docx", DocxOptions(review=review_export(r)))
    profile = (tmp_path / "lo").resolve().as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
                    "--outdir", str(tmp_path), str(tmp_path / "r.docx")], check=True, capture_output=True, timeout=180)
    content = zipfile.ZipFile(tmp_path / "r.odt").read("content.xml").decode("utf-8")
    assert "<office:annotation" in content and "Add the number of ads." in content and "Lena Legal" in content

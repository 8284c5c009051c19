"""Review in a family: comments, statuses, versions, diff, Word review and merge work per service and on
shared answers (issue 19, point 5)."""

from __future__ import annotations

import pytest

from copdesk.core.review import comments as review, suggestions, versions
from copdesk.core.review.diff import changes
from copdesk.core.exports.word import DocxOptions, export_docx
from copdesk.core.exports.docx_comments import review_export
from copdesk.core.review.word_import import review_import
from copdesk.core.review.word_read import read_reviewed
from copdesk.core.review.versions import Content
from tests.core.test_example_report import _paragraphs
from tests.core.word_review import WordReview

SOCIAL, VIDEO, CHAT = "Lumen Social", "Lumen Video", "Lumen Chat"
SHARED_M = "Our rules apply to every Lumen service alike."
SHARED_QRE = "Profiles that mass-follow are reviewed by a person."
VIDEO_QRE = "Channels that buy views lose their monetisation first."


@pytest.fixture
def family(new_report):
    r = new_report(measures=["14.1"], kind="platform", signatory="Lumen Group", services=[SOCIAL, VIDEO, CHAT])
    r.set_text("Measure 14.1", SHARED_M)
    r.set_text("QRE 14.1.1", SHARED_QRE)
    r.set_text(f"QRE 14.1.1 @ {VIDEO}", VIDEO_QRE)
    r.set_table(f"SLI 14.1.1 @ {VIDEO}", [["Member State", "Removed"], ["Austria", "5"], ["Belgium", "7"]])
    return r


def export(r, service: str, path, status_table: bool = False):
    data = r.service_snapshot(service)
    export_docx(r.template, data, path, DocxOptions(review=review_export(r, "open", status_table, data)))
    return path


def test_comments_on_shared_answers_show_in_every_service_and_on_an_override_in_its_own(family, tmp_path):
    review.add_comment(family, "Measure 14.1", "Does this hold for chat too?", "Ada Officer", "AO")
    review.add_comment(family, f"QRE 14.1.1 @ {VIDEO}", "Which countries?", "Lena Legal", "LL")
    for service in (SOCIAL, VIDEO):
        export(family, service, tmp_path / f"{service}.docx")
        comments = {c.text for c in read_reviewed(tmp_path / f"{service}.docx").comments}
        assert "Does this hold for chat too?" in comments
        assert ("Which countries?" in comments) == (service == VIDEO)


def test_a_status_per_service_before_the_shared_one(family, tmp_path):
    review.set_status(family, "Commitment 14", "ready for review", "Ada Officer")
    review.set_status(family, f"Commitment 14 @ {CHAT}", "approved", "Lena Legal")
    chat = " ".join(_paragraphs(export(family, CHAT, tmp_path / "chat.docx", status_table=True)))
    social = " ".join(_paragraphs(export(family, SOCIAL, tmp_path / "social.docx", status_table=True)))
    assert "approved" in chat and "ready for review" not in chat
    assert "ready for review" in social and "approved" not in social


def test_a_service_document_reviewed_in_word_comes_back_on_the_right_answers(family, tmp_path):
    src = export(family, VIDEO, tmp_path / "video.docx")
    doc = WordReview(src)
    doc.replace(doc.paragraph("Channels that buy"), "first", "at once")  # Video's own answer
    doc.replace(doc.paragraph("Our rules apply"), "alike", "the same way")  # the shared answer
    doc.replace(doc.cell(0, 2, 1), "7", "9")  # Video's own table
    qre = doc.paragraph("Channels that buy")
    doc.comment(qre, qre, "Since when?", "Lena Legal", "LL")
    reviewed = doc.save(tmp_path / "reviewed.docx")
    assert read_reviewed(reviewed).map.service == VIDEO
    result = review_import(family, reviewed)
    by = {s.anchor: s for s in result.suggestions}
    assert set(by) == {f"QRE 14.1.1 @ {VIDEO}", "Measure 14.1", f"SLI 14.1.1 @ {VIDEO} cell 2,1"}
    assert [c.code for c in review.comments(family)] == [f"QRE 14.1.1 @ {VIDEO}"]
    suggestions.accept(family, [s.id for s in result.suggestions], "Ada Officer")
    video, social = family.service_snapshot(VIDEO), family.service_snapshot(SOCIAL)
    assert video.text("QRE 14.1.1") == VIDEO_QRE.replace("first", "at once")
    assert social.text("QRE 14.1.1") == SHARED_QRE  # the shared answer Video does not show is untouched
    assert social.text("Measure 14.1") == video.text("Measure 14.1") == SHARED_M.replace("alike", "the same way")
    assert video.tables["SLI 14.1.1"][2] == ["Belgium", "9"] and "SLI 14.1.1" not in social.tables


def test_a_document_of_a_service_the_report_no_longer_names_is_refused(family, tmp_path, new_report):
    src = export(family, VIDEO, tmp_path / "video.docx")
    other = new_report(measures=["14.1"], name="other.copdesk", report_id=family.meta["report_id"])
    with pytest.raises(Exception, match="service “Lumen Video”"):
        review_import(other, src)


def test_versions_and_diff_see_shared_and_per_service_changes(family):
    versions.save_version(family, "sent to legal", "Ada Officer")
    family.set_text("Measure 14.1", SHARED_M + " Since May.")
    family.set_text(f"QRE 14.1.1 @ {CHAT}", "Chat's own.")
    found = changes(versions.version_content(family, "sent to legal"), Content.of(family.snapshot()))
    assert {(c.code, c.kind) for c in found} == {("Measure 14.1", "changed"), (f"QRE 14.1.1 @ {CHAT}", "added")}

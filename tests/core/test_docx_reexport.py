"""export(import(docx)) keeps the original's paragraphs in order (issue 4, "Done when")."""

from __future__ import annotations

import difflib

from copdesk.core.exports.word import DocxOptions, export_docx
from copdesk.core.safety.docx_guard import open_docx
from copdesk.core.imports.word import read_docx
from copdesk.core.imports.docx_reader import Table, read_body
from tests.core.docx_fixtures import NOTE, SIGNED, example_layout_report, filed_report


def paragraphs(path) -> list[str]:
    """Every non-empty paragraph and table cell, whitespace normalised."""
    out = []
    for block in read_body(open_docx(path)).blocks:
        texts = [c for row in block.rows for c in row if c] if isinstance(block, Table) else [block.text]
        out += [" ".join(t.split()) for t in texts if t.strip()]
    return out


def reexport(src, tmp_path, template) -> tuple[list[str], list[str], object]:
    result = read_docx(src, template)
    out = tmp_path / "again.docx"
    export_docx(template, result.data, out, DocxOptions(status=result.status or "Draft"))
    return paragraphs(src), paragraphs(out), result


def kept_in_order(original: list[str], exported: list[str]) -> tuple[float, list[str]]:
    matcher = difflib.SequenceMatcher(None, original, exported, autojunk=False)
    kept = {i for b in matcher.get_matching_blocks() for i in range(b.a, b.a + b.size)}
    return len(kept) / len(original), [p for i, p in enumerate(original) if i not in kept]


def test_a_report_in_the_filed_layout_keeps_every_paragraph_in_order(tmp_path, template):
    original, exported, result = reexport(example_layout_report(tmp_path / "x.docx", template), tmp_path, template)
    fraction, lost = kept_in_order(original, exported)
    assert fraction >= 0.99, lost
    assert result.unplaced == [] and len(original) > 60


def test_the_variations_lose_only_template_text_never_an_answer(tmp_path, template):
    """Unusual order, aliases, label suffixes, inline answers: what the export prints its own way."""
    original, exported, result = reexport(filed_report(tmp_path / "v.docx"), tmp_path, template)
    _, lost = kept_in_order(original, exported)
    missing = [p for p in lost if p not in exported]
    assert missing == [
        "Executive summary",  # the alias: the export prints "Your organisation description"
        "III. Political Advertising",  # a numbered chapter title: printed "Political Advertising"
        "Relevant Signatories commit to operate channels of exchange between their relevant teams.",  # offered wording
        "In line with this commitment, did you deploy new implementation measures (e.g. changes to your terms of "
        "service, new tools, new policies, etc)? No",  # an inline answer: printed on its own line
        "SLI 16.1.1 - actions taken",  # a label suffix: printed "SLI 16.1.1"
        "QRE 1.3.3", "A new reporting element the template lacks.",  # not in the template until corrected
        "QRE 5.9.9", "A label that sits in the wrong place.", "a", "b", "c", "d",  # unplaced, listed
        NOTE,  # a shortened note: printed in full
        "Measure 16.1 Shared 3 alerts via the rapid response system.",  # label and answer split in two
        NOTE,
    ]
    moved = [p for p in lost if p in exported]  # commitments 14 and 1 came after 16: printed in template order
    assert moved[:3] == ["Measure 16.1", "Commitment 14", SIGNED] and "Brand-safety work with two partners." in moved
    answers = " ".join(exported)
    for code, answer in result.data.answers.items():
        if code in template.index or not code.split("/")[-1].startswith(("Measure", "QRE", "SLI")):
            for line in answer.text.replace("**", "").replace("\\", "").split("\n"):
                assert line.lstrip("-0123456789. ").split("](")[0].lstrip("[")[:20] in answers, (code, line)


def test_saved_corrections_bring_the_new_item_and_wording_into_the_export(tmp_path, template):
    from copdesk.core.template import forms
    from copdesk.core.imports.result import save_corrections
    result = read_docx(filed_report(tmp_path / "v.docx"), template)
    save_corrections(template, result)
    forms.clear_cache()
    corrected = forms.load_template()
    out = tmp_path / "corrected.docx"
    export_docx(corrected, result.data, out)
    exported = paragraphs(out)
    for text in ("QRE 1.3.3", "A new reporting element the template lacks.",
                 "Relevant Signatories commit to operate channels of exchange between their relevant teams."):
        assert text in exported

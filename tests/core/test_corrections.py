"""Corrections from the user forms folder change the template without a release."""

from __future__ import annotations

import pytest

from copdesk import paths
from copdesk.core.template import forms
from copdesk.core.errors import FormError
from copdesk.core.template.check import check


def _write(text: str, name: str = "fix.yaml"):
    folder = paths.user_forms_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    forms.clear_cache()
    return path


def test_set_wording_rename_add_remove(template):
    _write("""format: copdesk-corrections
corrects: coc-2025-03
changes:
  - code: Measure 1.3
    set: {wording: "Official text of 1.3.", wording_source: "Code PDF", status: verified}
  - code: QRE 1.3.1
    rename: QRE 1.3.2
  - add: {code: SLI 1.3.1, status: verified, title: "Tools offered"}
    under: Measure 1.3
  - remove: Measure 42.1
""")
    t = forms.load_template()
    m = t.index["Measure 1.3"]
    assert m.wording == "Official text of 1.3." and m.origin == "fix.yaml"
    assert [e.code for e in m.elements] == ["QRE 1.3.2", "SLI 1.3.1"]
    assert "Measure 42.1" not in t.index and "QRE 1.3.1" not in t.index
    assert t.counts()["measures"] == template.counts()["measures"] - 1
    assert t.content_hash != template.content_hash
    assert t.corrections and t.corrections[0].endswith("fix.yaml")


def test_corrections_for_another_edition_are_ignored(template):
    _write("format: copdesk-corrections\ncorrects: coc-2099-01\nchanges:\n  - remove: Measure 1.1\n")
    assert "Measure 1.1" in forms.load_template().index


@pytest.mark.parametrize("change,problem", [
    ("  - code: Measure 99.1\n    set: {title: x}\n", "no item with code 'Measure 99.1'"),
    ("  - code: Measure 1.1\n    set: {colour: red}\n", "'colour' cannot be set"),
    ("  - code: QRE 1.1.1\n    rename: SLI 1.1.1\n", "that code exists already"),
    ("  - add: {code: QRE 1.1.9}\n    under: Measure 77.7\n", "names no item"),
    ("  - code: Measure 1.1\n    rename: Measure 2.9\n", "does not belong under Commitment 1"),
])
def test_bad_correction_names_file_and_change(change, problem):
    path = _write("format: copdesk-corrections\ncorrects: coc-2025-03\nchanges:\n" + change)
    with pytest.raises(FormError) as err:
        forms.load_template()
    assert problem in err.value.message
    assert str(path) in err.value.message
    if "does not belong" not in problem:
        assert err.value.line == 4


def test_forms_check_summary_line():
    lines, ok = check(None)
    assert ok
    assert "44 commitments, 131 measures" in lines[1]
    assert any("the Code has 128 measures" in line for line in lines)


def test_forms_check_on_a_correction_file():
    path = _write("format: copdesk-corrections\ncorrects: coc-2025-03\nchanges:\n  - remove: Measure 42.1\n"
                  "  - remove: Measure 44.1\n  - remove: Measure 41.3\n")
    lines, ok = check(path)
    assert ok and "44 commitments, 128 measures" in lines[0]
    assert not any("the Code has 128 measures" in line for line in lines)


def test_forms_check_on_a_broken_file(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("format: copdesk-template\nedition: x\n", encoding="utf-8")
    lines, ok = check(path)
    assert not ok and "missing field" in lines[0] and str(path) in lines[0]


def test_a_full_user_edition_is_offered(tmp_path):
    text = (paths.forms_dir() / "coc-2025-03.yaml").read_text(encoding="utf-8")
    _write(text.replace("edition: coc-2025-03", "edition: coc-2026-09"), "new-edition.yaml")
    editions = forms.load_templates()
    assert set(editions) == {"coc-2025-03", "coc-2026-09"}
    assert forms.load_template().edition == "coc-2025-03"  # the default stays the newest bundled one
    assert forms.load_template("coc-2026-09").edition == "coc-2026-09"

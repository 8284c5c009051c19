"""copdesk's own correction file: changes appended in order, withdrawn exactly, never written when they break."""

from __future__ import annotations

import pytest

from copdesk.core.template import forms, user_corrections
from copdesk.core.errors import FormError

ED = "coc-2025-03"


def test_append_then_withdraw_restores_the_template(template):
    add = {"add": {"code": "QRE 40.1.1", "status": "verified"}, "under": "Measure 40.1"}
    hide = {"remove": "QRE 40.1.1"}
    user_corrections.append(ED, [add])
    assert "QRE 40.1.1" in forms.load_template().index
    user_corrections.append(ED, [hide])
    t = forms.load_template()
    assert "QRE 40.1.1" not in t.index and t.hidden["QRE 40.1.1"].origin == f"copdesk-{ED}.yaml"
    assert user_corrections.withdraw(ED, [hide])
    assert "QRE 40.1.1" in forms.load_template().index
    assert user_corrections.withdraw(ED, [add])
    assert forms.load_template().index.keys() == template.index.keys()
    assert not user_corrections.withdraw(ED, [add])  # not there any more: said, nothing written


def test_a_change_that_breaks_the_template_is_refused_and_nothing_written():
    user_corrections.append(ED, [{"code": "QRE 1.1.1", "set": {"label": "QRE 1.1.1 (ours)"}}])
    before = user_corrections.path_for(ED).read_text(encoding="utf-8")
    with pytest.raises(FormError, match="does not belong under"):
        user_corrections.append(ED, [{"code": "QRE 1.1.1", "rename": "QRE 2.1.9"}])
    assert user_corrections.path_for(ED).read_text(encoding="utf-8") == before
    assert forms.load_template().index["QRE 1.1.1"].label == "QRE 1.1.1 (ours)"


def test_its_changes_apply_after_the_timestamped_import_files(template):
    folder = user_corrections.path_for(ED).parent
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "20260101-120000-import.yaml").write_text(
        "format: copdesk-corrections\ncorrects: coc-2025-03\nchanges:\n"
        "  - add: {code: SLI 40.1.1, status: unconfirmed}\n    under: Measure 40.1\n", encoding="utf-8")
    user_corrections.append(ED, [{"remove": "SLI 40.1.1"}])  # needs the import file's item: applies after it
    assert "SLI 40.1.1" in forms.load_template().hidden

"""The bundled template, checked entry by entry, and the loader's errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core.template import forms
from copdesk.core.errors import FormError

from tests.conftest import shared_file

BUNDLED = paths.forms_dir() / "coc-2025-03.yaml"


def test_structure_counts(template):
    c = template.counts()
    assert c["chapters"] == 9
    assert c["commitments"] == 44
    assert [x.n for x in template.commitments()] == list(range(1, 45))
    assert c["measures"] == 131  # 128 in the Code; 3+ unconfirmed placeholders, reported by forms check


def test_every_item_code_matches_its_parent(template):
    for commitment in template.commitments():
        for measure in commitment.measures:
            assert measure.number.split(".")[0] == commitment.number
            for element in measure.elements:
                assert element.number.rsplit(".", 1)[0] == measure.number


def test_fixed_questions_worded_as_in_the_example(template):
    example = shared_file("examples/alliance4europe-report-2025-03.txt")
    lines = {line.strip() for line in example.read_text(encoding="utf-8").splitlines()}
    for q in template.questions:
        assert q.text in lines, q.key
    assert template.signed_measures_label in lines
    assert template.crisis.note in lines
    for label in (template.crisis.threats_label, template.crisis.mitigations_label, template.crisis.outline_prompt):
        assert label in lines


def test_official_wording_only_where_the_example_shows_it(template):
    text = shared_file("examples/alliance4europe-report-2025-03.txt").read_text(encoding="utf-8")
    worded = [i for i in template.index.values() if i.wording]
    assert len(worded) >= 6
    for item in worded:
        assert item.wording in text, item.code
        assert item.wording_source, item.code


def test_titles_are_never_presented_as_wording(template):
    for item in template.index.values():
        assert not item.title or item.title != item.wording


def _evidence() -> tuple[set[str], set[str]]:
    """(ids published reports show, commitments whose whole measure list was seen): structure-evidence.json."""
    ev = json.loads(shared_file("reference/structure-evidence.json").read_text(encoding="utf-8"))
    seen, complete = set(), set()
    for key, c in ev.items():
        if key.startswith("Commitment ") and c["measures"] is not None:
            seen |= {key, *c["measures"], *c["qre"], *c["sli"]}
            complete |= {key} if c.get("measures_list_looks_complete") else set()
    return seen, complete


def test_statuses_follow_the_reference_and_the_newer_evidence(template):
    """code-structure.json gave the first statuses; structure-evidence.json (published reports) raises the ids
    it shows to verified, and every other id keeps its first status."""
    seen, complete = _evidence()
    ref = json.loads(shared_file("reference/code-structure.json").read_text(encoding="utf-8"))

    def expect(code: str, first: str) -> str:
        return "verified" if code in seen else first

    for chapter in ref["chapters"]:
        for c in chapter["commitments"]:
            item = template.index[f"Commitment {c['number']}"]
            assert item.status == expect(item.code, c["status"]), item.code
            assert item.measures_complete == (item.code in complete or c["status"] == "verified" and
                                              item.code not in seen), item.code
            for m in c["measures"]:
                measure = template.index[f"Measure {m['id']}"]
                assert measure.status == expect(measure.code, m["status"]), measure.code
                for code in m["qre"] + m["sli"]:
                    assert template.index[code].status == "verified", code
                for code in m["qre_unconfirmed"] + m["sli_unconfirmed"]:
                    assert template.index[code].status == expect(code, "unconfirmed"), code
            for cand in c.get("measure_id_candidates_unconfirmed", []):
                code = f"Measure {cand.rstrip('?')}"
                assert template.index[code].status == expect(code, "unconfirmed")


def test_every_id_the_evidence_shows_is_in_the_template_and_verified(template):
    seen, _ = _evidence()
    assert len(seen) > 150
    for code in seen:
        assert code in template.index, code
        assert template.index[code].status == "verified", code
    assert not template.index["Commitment 12"].measures_complete  # seen, but only a CSO's subset of its measures
    assert template.index["QRE 26.1.2"].status == "verified"
    assert template.counts()["qres"] >= 106 and template.counts()["unconfirmed"] <= 142


def test_research_chapter_named_as_the_transparency_centre_names_it(template):
    chapter = template.index["Chapter VI"]
    assert chapter.title == "Empowering Researchers"
    assert "Empowering the Research Community" in chapter.aliases


def test_a_qre_can_cover_two_measures(template):
    shared = template.index["QRE 32.1.1"]
    assert shared.covers == ("Measure 32.1", "Measure 32.2")
    assert template.parents["QRE 32.1.1"] == "Measure 32.1"
    assert shared in template.elements_for(template.index["Measure 32.2"])
    assert [e.code for e in template.elements_for(template.index["Measure 32.1"])] == ["QRE 32.1.1", "SLI 32.1.1"]
    assert template.shared == {"Measure 32.2": (shared,)}


def test_every_commitment_measure_qre_and_sli_says_what_it_asks(template):
    """copdesk's own guidance, for every item: a sentence or more, never the official wording."""
    items = [*template.commitments(), *template.measures(), *template.elements()]
    assert len(items) == 44 + 131 + 106 + 52
    for item in items:
        assert len(item.guidance) >= 40 and item.guidance.endswith((".", ")")), item.code
        assert item.guidance != item.wording and (not item.wording or item.wording not in item.guidance), item.code
    for sli in (e for e in template.elements() if e.kind == "sli"):
        assert "member state" in sli.guidance.lower() or "one figure" in sli.guidance.lower(), sli.code
    for qre in (e for e in template.elements() if e.kind == "qre"):
        assert qre.guidance.startswith(("Describe", "Published reports")), qre.code


def test_member_states_in_template_order(template):
    assert len(template.member_states) == 30
    assert template.member_states[0] == "Austria" and template.member_states[26] == "Sweden"
    assert template.member_states[27:] == ("Iceland", "Liechtenstein", "Norway")
    assert template.total_rows == ("Total EU", "Total EEA")


def test_chapter_titles_as_reports_use_them(template):
    titles = [c.title for c in template.chapters]
    assert titles[:4] == ["Advertising", "Political Advertising", "Integrity of Services", "Empowering Users"]
    assert "Empowering the Fact-Checking Community" in titles
    assert titles[-1] == "Monitoring of the Code"
    assert "Empowering fact-checkers" in template.index["Chapter VII"].aliases


def test_content_hash_is_stable_and_content_based(template):
    again = forms.build_template(*_raw(BUNDLED), str(BUNDLED))
    assert again.content_hash == template.content_hash
    data, text = _raw(BUNDLED)
    data["chapters"][0]["commitments"][0]["title"] = "changed"
    assert forms.build_template(data, "x", text).content_hash != template.content_hash


def _raw(path):
    from copdesk.core.template import yamlfile
    return yamlfile.read(path)


def _broken(tmp_path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    out = tmp_path / "broken.yaml"
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


def _line(path: Path, needle: str) -> int:
    """The last line holding `needle` (a duplicate is reported where it repeats)."""
    return [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line][-1]


@pytest.mark.parametrize("old,new,needle,problem", [
    ("      - code: Commitment 12\n", "      - code: Commitment 12x\n", "Commitment 12x", "does not look like a commitment code"),
    ("          - code: Measure 12.3\n", "          - code: Measure 12.1\n", "- code: Measure 12.1", "duplicate code"),
    ("          - code: Measure 13.2\n", "          - code: Measure 14.9\n", "Measure 14.9",
     "does not belong under Commitment 13"),
    ("            status: verified\n            qres:\n              - code: QRE 1.1.1\n",
     "            statuss: verified\n            qres:\n              - code: QRE 1.1.1\n", "statuss", "unknown field 'statuss'"),
    ("              - code: QRE 16.1.1\n                status: verified\n",
     "              - code: QRE 16.1.1\n                status: maybe\n", "status: maybe", "status 'maybe' is not one of"),
    ("covers: [Measure 32.1, Measure 32.2]", "covers: [Measure 32.1, Measure 32.9]", "Measure 32.9",
     "covers 'Measure 32.9', which is not in the template"),
    ("covers: [Measure 32.1, Measure 32.2]", "covers: [Measure 32.2]", "covers: [Measure 32.2]",
     "covers must name Measure 32.1"),
])
def test_broken_template_names_file_line_and_node(tmp_path, old, new, needle, problem):
    path = _broken(tmp_path, old, new)
    with pytest.raises(FormError) as err:
        forms.load_file(path)
    assert str(path) in err.value.message
    assert problem in err.value.message
    expected = _line(path, needle)
    assert err.value.line is not None and abs(err.value.line - expected) <= 1, (err.value.line, expected)


def test_yaml_syntax_error_has_its_line(tmp_path):
    path = _broken(tmp_path, "name: \"Code of Conduct", "name: [\"Code of Conduct")
    with pytest.raises(FormError) as err:
        forms.load_file(path)
    assert err.value.node == "YAML syntax" and err.value.line is not None


def test_not_a_template(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(FormError, match="expected a mapping"):
        forms.load_file(path)


def test_loading_is_fast_enough_to_not_need_a_cache():
    import time
    start = time.perf_counter()
    for _ in range(5):
        forms.load_file(BUNDLED)
    assert (time.perf_counter() - start) / 5 < 0.5  # generous: libyaml takes ~0.01 s here


def test_template_file_is_readable_text():
    text = BUNDLED.read_text(encoding="utf-8")
    assert re.search(r"^edition: coc-2025-03$", text, re.M)
    assert "\t" not in text


def test_parsed_template_cache_follows_the_file(tmp_path):
    from copdesk.core.template import cache as form_cache
    path = tmp_path / "t.yaml"
    path.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    first = forms.load_file(path)
    assert form_cache.get(path, None, True) is not None
    again = forms.load_file(path)
    assert again == first and again.content_hash == first.content_hash
    import os
    text = path.read_text(encoding="utf-8").replace('title: "Advertising"', 'title: "Ads"')
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert forms.load_file(path).index["Chapter II"].title == "Ads"
    broken = path.read_text(encoding="utf-8").replace("- code: Commitment 1\n", "- code: Commitment x\n")
    path.write_text(broken, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 2 * 10**9))
    with pytest.raises(FormError):
        forms.load_file(path)


def test_template_cache_entry_for_another_key_is_a_miss(tmp_path):
    """Cache files are named by a short checksum; the full key inside decides, so a clash is never used."""
    from copdesk.core.template import cache as form_cache
    path = tmp_path / "t.yaml"
    path.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    forms.load_file(path)
    key = form_cache._key(path, None, True)
    cache_file = form_cache._file(key)
    stored = json.loads(cache_file.read_text("utf-8"))
    assert stored["key"] == key and form_cache.get(path, None, True) == stored["value"]
    cache_file.write_text(json.dumps({"key": key + "-other", "value": stored["value"]}), "utf-8")
    assert form_cache.get(path, None, True) is None
    assert forms.load_file(path).index["Chapter II"].title == "Advertising"  # parsed again, cache rewritten
    assert json.loads(cache_file.read_text("utf-8"))["key"] == key
    for damaged in ({"data": {"format": "copdesk-template"}, "applied": [], "content_hash": "x"}, {"data": 3},
                    ["not", "a", "mapping"]):
        cache_file.write_text(json.dumps({"key": key, "value": damaged}), "utf-8")
        assert forms.load_file(path).index["Chapter II"].title == "Advertising"
        assert json.loads(cache_file.read_text("utf-8"))["value"]["content_hash"] != "x"

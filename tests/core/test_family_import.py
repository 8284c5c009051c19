"""Importing last period's per-service reports into one family: identical text shared, the rest per service,
and every paragraph of each report back, in order, when each service is exported again (issue 19)."""

from __future__ import annotations

import json

import pytest

from copdesk.cli import main
from copdesk.core.rules import services
from copdesk.core.exports.word import DocxOptions, export_docx
from copdesk.core.errors import InputError
from copdesk.core.imports.family import import_family
from copdesk.core.report.open_file import Report
from tests.core import family_layout as layout
from tests.core.test_example_report import _missing_in_order, _paragraphs

SOCIAL, VIDEO, CHAT = layout.SERVICES


@pytest.fixture
def files(tmp_path):
    return layout.write(tmp_path)


def test_identical_text_is_shared_and_the_rest_kept_per_service(files, tmp_path):
    report, result = import_family(list(files.values()), list(files), tmp_path / "f.copdesk")
    with report:
        assert report.services() == layout.SERVICES
        answers = report.answers()
        for code, text in (("header.description", layout.DESCRIPTION), ("Measure 14.1", layout.M14_1),
                           ("Commitment 14 Q2", layout.C14_Q2), ("Crisis 1/threats", layout.THREATS)):
            assert answers[code].text == text and not any(services.split(c) == (code, s) for c in answers
                                                          for s in layout.SERVICES)
        for s in layout.SERVICES:
            view = report.service_snapshot(s)
            assert view.text("QRE 14.1.1") == layout.QRE_14_1_1[s] == answers[f"QRE 14.1.1 @ {s}"].text
            assert view.text("Crisis 1/mitigations") == layout.MITIGATIONS[s]
            assert view.tables["SLI 14.1.1"] == layout.table(s)
            assert view.text("header.signatory") == s
        assert "QRE 14.1.1" not in answers  # no shared text where the services differ
        assert "Measure 17.1" not in report.service_subscriptions(CHAT)
        assert "Measure 17.1" in report.service_subscriptions(VIDEO)
        # shown by two services only, the same in both: shared (the chat service does not show it)
        assert answers["QRE 17.1.1"].text == layout.QRE_17_1_1
        assert report.text("header.signatory") == "Lumen" and result.signatory_from.startswith("the words")
    assert result.shared > 10 and result.own == {SOCIAL: 4, VIDEO: 4, CHAT: 2}


def test_each_service_exported_again_keeps_every_paragraph_of_its_report(files, tmp_path):
    report, result = import_family(list(files.values()), list(files), tmp_path / "f.copdesk")
    report.close()
    kept = {}
    with Report.open(tmp_path / "f.copdesk") as again:  # the file alone, as a user opens it later
        for s, filed in zip(layout.SERVICES, result.results):
            out = tmp_path / f"{s}.docx"
            export_docx(again.template, again.service_snapshot(s), out, DocxOptions(status=filed.status))
            original, exported = layout.lines(s), _paragraphs(out)
            assert _missing_in_order(original, exported) == []
            kept[s] = 1 - len(_missing_in_order(original, exported)) / len(original)
    assert min(kept.values()) == 1.0
    # from the command line the status line says "Draft" (a new draft): the one paragraph that differs
    assert main(["export", str(tmp_path / "f.copdesk"), "--each-service", "-o", str(tmp_path / "cli")]) == 0
    for s in layout.SERVICES:
        assert _missing_in_order(layout.lines(s), _paragraphs(tmp_path / "cli" / f"{s}.docx")) == ["Submitted"]


def test_transparency_centre_reports_make_the_same_family(files, tmp_path):
    """Each service exported as TC JSON and the three imported again: the same family."""
    first, _ = import_family(list(files.values()), list(files), tmp_path / "f.copdesk")
    with first:
        tc = {}
        for s in layout.SERVICES:
            tc[s] = tmp_path / f"{s}.json"
            assert main(["export", str(first.path), "--service", s, "--format", "tc-json", "-o", str(tc[s])]) == 0
        second, _ = import_family(list(tc.values()), list(tc), tmp_path / "again.copdesk")
        with second:
            for s in layout.SERVICES:
                a, b = first.service_snapshot(s), second.service_snapshot(s)
                assert {c: x.text for c, x in a.answers.items()} == {c: x.text for c, x in b.answers.items()}
                assert a.tables == b.tables and a.subscriptions == b.subscriptions


def test_the_cli_imports_a_family_and_says_what_is_shared(files, tmp_path, capsys):
    out = tmp_path / "f.copdesk"
    assert main(["import", *map(str, files.values()), "--services", ", ".join(files), "-o", str(out),
                 "--signatory", "Lumen Group"]) == 0
    printed = capsys.readouterr().out
    assert "a family of 3 services" in printed and "answers of one service: Lumen Social 4" in printed
    assert "“Lumen Group” (given with --signatory)" in printed
    with Report.open(out) as r:
        assert r.text("header.signatory") == "Lumen Group"


@pytest.mark.parametrize("names, says", [("Lumen Social, Lumen Video", "3 reports and 2 service names"),
                                         (None, "name the service of each")])
def test_the_names_must_match_the_files(files, tmp_path, capsys, names, says):
    args = ["import", *map(str, files.values()), "-o", str(tmp_path / "f.copdesk")]
    assert main(args + (["--services", names] if names else [])) == 2
    assert says in capsys.readouterr().err and not (tmp_path / "f.copdesk").exists()


def test_copdesk_json_is_not_a_per_service_report(files, tmp_path, new_report):
    r = new_report()
    (tmp_path / "r.json").write_text(json.dumps({"format": "copdesk-report-json", "version": 2}), encoding="utf-8")
    with pytest.raises(InputError, match="copdesk JSON"):
        import_family([files[SOCIAL], tmp_path / "r.json"], [SOCIAL, VIDEO], tmp_path / "f.copdesk")
    assert not (tmp_path / "f.copdesk").exists()
    r.close()

"""The command line of a report family: a draft for three services, answered shared and per service, checked
and exported per service; each service's document reads as its own report (issue 19, "Done when")."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from copdesk.cli import main
from tests.core.test_example_report import _paragraphs

SOCIAL, VIDEO, CHAT = "Lumen Social", "Lumen Video", "Lumen Chat"
SHARED_M = "Our rules on inauthentic behaviour apply to every Lumen service alike."
SHARED_QRE = "Profiles that mass-follow are reviewed by a person."
VIDEO_QRE = "Channels that buy views lose their monetisation first."


def _csv(rows: list[list[str]]) -> str:
    return "\n".join(",".join(row) for row in rows) + "\n"


def _table(n: int) -> list[list[str]]:
    return [["Member State", "Accounts removed"], ["Austria", str(n)], ["Belgium", str(n + 1)]]


@pytest.fixture
def family(tmp_path, monkeypatch) -> Path:
    """A family drafted with the command line alone."""
    path = tmp_path / "lumen.copdesk"
    assert main(["new", str(path), "--signatory", "Lumen Group", "--kind", "platform", "--title",
                 "Report March 2026", "--measures", "14.1,17.1", "--services", f"{SOCIAL}, {VIDEO}, {CHAT}"]) == 0
    assert main(["unsubscribe", str(path), "--service", CHAT, "--measures", "17"]) == 0  # chat signs fewer
    assert main(["answer", str(path), "Measure 14.1", "--text", SHARED_M]) == 0
    assert main(["answer", str(path), "QRE 14.1.1", "--text", SHARED_QRE]) == 0
    assert main(["answer", str(path), "QRE 14.1.1", "--service", "lumen video", "--text", VIDEO_QRE]) == 0
    for n, service in enumerate((SOCIAL, VIDEO, CHAT)):
        csv = tmp_path / f"t{n}.csv"
        csv.write_text(_csv(_table(1000 * (n + 1))), encoding="utf-8")
        assert main(["answer", str(path), "SLI 14.1.1", "--service", service, "--table", str(csv)]) == 0
    return path


def _header(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/header"))


def test_each_service_document_reads_as_its_own_report(family, tmp_path, capsys):
    out = tmp_path / "docs"
    assert main(["export", str(family), "--each-service", "-o", str(out), "--format", "docx"]) == 0
    docs = {s: _paragraphs(out / f"{s}.docx") for s in (SOCIAL, VIDEO, CHAT)}
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{s}.docx" for s in docs)
    for n, (service, paras) in enumerate(docs.items()):
        assert paras[0] == service and service in _header(out / f"{service}.docx")  # cover and running header
        assert SHARED_M in paras  # a shared answer in all three
        assert (VIDEO_QRE in paras) == (service == VIDEO) and (SHARED_QRE in paras) == (service != VIDEO)
        figures = {str(1000 * (k + 1)) for k in range(3)}
        assert [f for f in figures if f in paras] == [str(1000 * (n + 1))]  # its own table only
        assert ("Measure 17.1" in paras) == (service != CHAT)  # its own subscriptions
    assert "Lumen Group" not in docs[SOCIAL]  # the family's name is not a service's cover


def test_clearing_an_override_shows_the_shared_answer_again(family, tmp_path, capsys):
    capsys.readouterr()
    assert main(["answer", str(family), "QRE 14.1.1", "--service", "lumen video", "--clear"]) == 0
    assert capsys.readouterr().out == f"Cleared: QRE 14.1.1 @ {VIDEO}; {VIDEO}'s report shows the shared answer.\n"
    assert main(["export", str(family), "--service", VIDEO, "-o", str(tmp_path / "v.docx")]) == 0
    paras = _paragraphs(tmp_path / "v.docx")
    assert SHARED_QRE in paras and VIDEO_QRE not in paras


def test_an_unknown_service_is_an_error_that_lists_the_known_ones(family, tmp_path, capsys):
    for args in (["answer", str(family), "QRE 14.1.1", "--service", "Lumen Shorts", "--text", "x"],
                 ["validate", str(family), "--service", "Lumen Shorts"],
                 ["export", str(family), "--service", "Lumen Shorts", "-o", str(tmp_path / "x.docx")],
                 ["subscribe", str(family), "--service", "Lumen Shorts", "--measures", "21.1"]):
        capsys.readouterr()
        assert main(args) == 2
        err = capsys.readouterr().err
        assert "“Lumen Shorts” is not a service of this report" in err
        assert f"Its services: {SOCIAL}, {VIDEO}, {CHAT}." in err
    assert not (tmp_path / "x.docx").exists()


def test_a_family_export_without_a_service_says_how(family, tmp_path, capsys):
    assert main(["export", str(family), "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "family of 3 services" in err and "--service NAME" in err and "--each-service" in err
    assert main(["export", str(family), "-o", str(tmp_path / "whole.json")]) == 0  # copdesk JSON: the whole family


def test_validate_per_service_and_for_every_service(family, capsys):
    assert main(["validate", str(family), "--service", CHAT, "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert {i["service"] for i in doc["issues"]} == {CHAT}
    assert not any(i["code"].startswith("Commitment 17") for i in doc["issues"])  # chat does not sign it
    assert main(["validate", str(family)]) == 1
    out = capsys.readouterr().out
    assert all(f"lumen.copdesk ({s}): incomplete" in out for s in (SOCIAL, VIDEO, CHAT))
    assert "QRE 17.1.1" in out and f"{SOCIAL}  missing  QRE 17.1.1" in out


def test_subscribe_and_unsubscribe_per_service(family, capsys):
    assert main(["subscribe", str(family), "--service", CHAT, "--measures", "21.1,21.2"]) == 0
    assert "Measure 21.1 @ Lumen Chat" in capsys.readouterr().out
    assert main(["subscribe", str(family), "--service", CHAT, "--measures", "21.1"]) == 0
    assert "Unchanged" in capsys.readouterr().out
    from copdesk.core.report.open_file import Report
    with Report.open(family) as r:
        assert "Measure 21.1" in r.service_subscriptions(CHAT) and "Measure 21.1" not in r.service_subscriptions(SOCIAL)
    assert main(["unsubscribe", str(family), "--measures", "14.1"]) == 0  # without --service: every service
    with Report.open(family) as r:
        assert all("Measure 14.1" not in r.service_subscriptions(s) for s in (SOCIAL, VIDEO, CHAT))


def test_every_format_per_service(family, tmp_path):
    tc = tmp_path / "video.json"
    assert main(["export", str(family), "--service", VIDEO, "--format", "tc-json", "-o", str(tc)]) == 0
    doc = json.loads(tc.read_text(encoding="utf-8"))["report"]
    assert doc["signatory"] == VIDEO and VIDEO_QRE in json.dumps(doc, ensure_ascii=False)
    assert main(["export", str(family), "--service", CHAT, "--format", "csv", "-o", str(tmp_path / "chat")]) == 0
    assert "3000" in (tmp_path / "chat" / "SLI_14.1.1.csv").read_text(encoding="utf-8-sig")
    assert main(["export", str(family), "--each-service", "--format", "tc-json", "-o", str(tmp_path / "tc")]) == 0
    assert sorted(p.name for p in (tmp_path / "tc").iterdir()) == sorted(f"{s}.json" for s in (SOCIAL, VIDEO, CHAT))
    assert main(["export", str(family), "--each-service", "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert "2000" in (tmp_path / "csv" / VIDEO / "SLI_14.1.1.csv").read_text(encoding="utf-8-sig")


def test_pdf_per_service(family, tmp_path):
    import os
    import shutil
    import subprocess
    from copdesk.core.exports.pdf import find_soffice
    if not find_soffice():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) must be installed in CI: see .ci/run")
        pytest.skip("LibreOffice is not installed")
    pdf = tmp_path / "video.pdf"
    assert main(["export", str(family), "--service", VIDEO, "-o", str(pdf)]) == 0
    if shutil.which("pdftotext"):
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
        assert VIDEO in text and VIDEO_QRE in text and SHARED_QRE not in text


def test_a_plain_report_has_no_services(tmp_path, capsys):
    path = tmp_path / "r.copdesk"
    assert main(["new", str(path), "--signatory", "Org", "--kind", "other", "--title", "T", "--measures", "12.1"]) == 0
    capsys.readouterr()
    assert main(["answer", str(path), "QRE 12.1.1", "--service", "Org", "--text", "x"]) == 2
    assert "names no services" in capsys.readouterr().err
    assert main(["subscribe", str(path), "--measures", "12.3"]) == 0
    from copdesk.core.report.open_file import Report
    with Report.open(path) as r:
        assert "Measure 12.3" in r.subscriptions() and r.services() == []


def test_bad_service_names_are_refused_before_any_file(tmp_path, capsys):
    for names, says in (("Facebook, facebook", "named twice"), ("Face@book", "“@”"), (" , ", None)):
        path = tmp_path / "f.copdesk"
        code = main(["new", str(path), "--signatory", "Meta", "--kind", "platform", "--title", "T",
                     "--services", names])
        if says is None:  # nothing but separators: no family, a plain report
            assert code == 0 and path.exists()
            path.unlink()
            continue
        assert code == 2 and says in capsys.readouterr().err and not path.exists()


def test_diff_per_service_and_of_the_whole_family(family, capsys):
    from copdesk.core.review import versions
    from copdesk.core.report.open_file import Report
    with Report.open(family) as r:
        versions.save_version(r, "sent to legal", "Ada Officer")
        r.set_text(f"QRE 14.1.1 @ {CHAT}", "Chat's own.")
    capsys.readouterr()
    assert main(["diff", str(family), "--version", "sent to legal"]) == 0
    assert f"added    QRE 14.1.1 @ {CHAT}" in capsys.readouterr().out
    assert main(["diff", str(family), "--version", "sent to legal", "--service", "lumen chat"]) == 0
    out = capsys.readouterr().out
    assert f"({CHAT}): 1 changed field" in out and "changed  QRE 14.1.1" in out and "[-Profiles" in out
    assert main(["diff", str(family), "--version", "sent to legal", "--service", SOCIAL]) == 0
    assert "0 changed fields" in capsys.readouterr().out


def test_writing_a_shared_answer_names_the_services_that_show_their_own(family, capsys):
    assert main(["answer", str(family), "QRE 14.1.1", "--text", "New shared text."]) == 0
    err = capsys.readouterr().err
    assert f"note: {VIDEO} has its own QRE 14.1.1" in err and SOCIAL not in err

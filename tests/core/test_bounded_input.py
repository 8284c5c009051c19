"""A message, never a traceback, and bounded on what users and other programs hand copdesk (issue 13,
points 6 and 7). Each value class here once ended in a traceback (exit 1, which means "incomplete"), a hang
or a runaway process; the fuzzers (test_fuzz_importers.py) now generate every one of these classes.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from copdesk.cli import main
from copdesk.core.errors import CopdeskError, InputError

BIG = "9" * 5000
NUMBERS = ["²", "①", BIG]  # str.isdigit() says yes to each, int() refuses each


def _run(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "copdesk", *map(str, args)], capture_output=True, timeout=120, **kw)


@pytest.fixture(scope="module")
def parts():
    """The parts of a real Word export of the sample report."""
    from copdesk import paths
    from copdesk.core.exports.word import build_docx
    from copdesk.core.template.forms import load_template
    from copdesk.core.imports.copdesk_json import from_dict, read_json_file
    blob, _ = build_docx(load_template(), from_dict(read_json_file(paths.resources_dir() / "sample" /
                                                                   "kestrel-video-2026-03.json")))
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _docx(parts: dict, path: Path, body: bytes = b"", part: str = "", edit=None) -> Path:
    p = dict(parts)
    doc = p["word/document.xml"]
    at = doc.index(b"<w:body>") + len(b"<w:body>")
    p["word/document.xml"] = doc[:at] + body + doc[at:]
    if part:
        p[part] = edit(p[part])
    with zipfile.ZipFile(path, "w") as z:
        for name, data in p.items():
            z.writestr(name, data)
    return path


def _para(ppr: bytes, text: bytes = b"x") -> bytes:
    return b"<w:p><w:pPr>" + ppr + b"</w:pPr><w:r><w:t>" + text + b"</w:t></w:r></w:p>"


WORD_PLACES = {
    "outline level": lambda v: dict(body=_para(b'<w:outlineLvl w:val="' + v + b'"/>')),
    "list level": lambda v: dict(body=_para(b'<w:numPr><w:ilvl w:val="' + v + b'"/><w:numId w:val="1"/></w:numPr>')),
    "span": lambda v: dict(body=b'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="' + v + b'"/></w:tcPr>'
                                b'<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'),
    "indent": lambda v: dict(body=_para(b'<w:ind w:left="' + v + b'"/>')),
    "numbering": lambda v: dict(part="word/numbering.xml", edit=lambda d: d.replace(
        b'w:ilvl="0"', b'w:ilvl="' + v + b'"', 1).replace(b'<w:start w:val="1"/>',
                                                          b'<w:start w:val="' + v + b'"/>', 1)),
    "styles": lambda v: dict(part="word/styles.xml", edit=lambda d: d.replace(
        b"</w:styles>", b'<w:style w:type="paragraph" w:styleId="Zz"><w:name w:val="Zz"/><w:pPr><w:outlineLvl w:val="'
        + v + b'"/><w:numPr><w:ilvl w:val="' + v + b'"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')),
}


@pytest.mark.parametrize("value", NUMBERS, ids=["superscript two", "circled one", "5000 digits"])
@pytest.mark.parametrize("place", sorted(WORD_PLACES))
def test_word_numbers_that_int_refuses_are_handled(parts, tmp_path, place, value):
    from copdesk.core.imports.importers import import_report
    src = _docx(parts, tmp_path / "in.docx", **WORD_PLACES[place](value.encode()))
    report, result = import_report(src, tmp_path / "out.copdesk")
    with report:
        assert report.answers() and result.counts["commitments"] > 0


def test_a_commitment_label_with_5000_digits_is_plain_text(parts, tmp_path):
    from copdesk.core.imports.importers import import_report
    src = _docx(parts, tmp_path / "in.docx", body=_para(b"", b"Commitment " + BIG.encode()))
    report, result = import_report(src, tmp_path / "out.copdesk")
    report.close()
    assert result.counts["commitments"] > 0


def _json(tmp_path, doc_or_text) -> Path:
    src = tmp_path / "in.json"
    src.write_text(doc_or_text if isinstance(doc_or_text, str) else json.dumps(doc_or_text), encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def sample():
    from copdesk import paths
    return json.loads((paths.resources_dir() / "sample" / "kestrel-video-2026-03.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tc(sample):
    from copdesk.core.template.forms import load_template
    from copdesk.core.imports.copdesk_json import from_dict
    from copdesk.core.exports.tc_json import to_tc
    return to_tc(load_template(), from_dict(sample))[0]


DEEP = "[" * 100_000 + "]" * 100_000


def _json_cases(sample, tc) -> dict[str, tuple[str, str]]:
    """name -> (JSON text, words of the message)."""
    crisis = json.dumps({**sample, "crisis": [{"id": 1, "position": 1, "items": []}]})
    crisis = crisis.replace('"id": 1,', '"id": 1e999,')
    surrogate = json.dumps({**sample, "answers": {**sample["answers"], "QRE 14.1.1": {"text": "a\ud800b"}}})
    chapters = json.dumps({"report": {**tc["report"], "chapters": DEEP}})
    return {
        "a 5000-digit number": ('{"format": "copdesk-report-json", "version": 2, "meta": {"x": ' + BIG + "}}",
                                "number too long"),
        "a crisis id 1e999": (crisis, "OverflowError"),
        "a lone surrogate": (surrogate, "not valid Unicode"),
        "chapters as a string nested 100,000 deep": (chapters, "nested too deeply"),
        "nested 100,000 deep": ('{"format": "copdesk-report-json", "meta": ' + DEEP + "}", "nested too deeply"),
    }


@pytest.mark.parametrize("case", ["a 5000-digit number", "a crisis id 1e999", "a lone surrogate",
                                  "chapters as a string nested 100,000 deep", "nested 100,000 deep"])
def test_hostile_json_is_a_message(tmp_path, capsys, sample, tc, case):
    text, words = _json_cases(sample, tc)[case]
    out = tmp_path / "out" / "x.copdesk"
    out.parent.mkdir()
    assert main(["import", str(_json(tmp_path, text)), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert words in err and "unexpected" not in err, err
    assert list(out.parent.iterdir()) == []


def test_a_table_nested_100000_deep_is_listed_as_not_placed(tmp_path, capsys, tc):
    doc = json.loads(json.dumps(tc))
    measure = doc["report"]["chapters"][0]["commitments"][0]["measures"][0]
    measure["slis"] = [{"name": f"SLI {measure['code']}.1", "table_value": DEEP}]
    assert main(["import", str(_json(tmp_path, doc)), "-o", str(tmp_path / "x.copdesk")]) == 0
    assert "nested too deeply" in capsys.readouterr().out


def test_an_ordered_list_starting_at_superscript_two(tmp_path, tc):
    from copdesk.core.markdown import html as html_md
    assert html_md.to_markdown('<ol start="²"><li>first</li></ol>') == "1. first"
    assert html_md.to_markdown(f'<ol start="{BIG}"><li>first</li></ol>') == "1. first"


def test_a_byte_that_is_not_utf8_in_an_argument(tmp_path):
    report = tmp_path / "r.copdesk"
    assert main(["new", str(report), "--signatory", "X", "--kind", "other", "--title", "T", "--measures", "12.1"]) == 0
    for args in ([b"answer", bytes(report), b"QRE 12.1.1", b"--text", b"a\xffb"],
                 [b"new", bytes(tmp_path / "n.copdesk"), b"--signatory", b"\xff", b"--kind", b"other",
                  b"--title", b"T"],
                 [b"answer", bytes(report), b"QRE 12.1.\xff", b"--text", b"x"]):
        done = subprocess.run([sys.executable.encode(), b"-m", b"copdesk", *args], capture_output=True, timeout=60)
        assert done.returncode == 2 and b"not UTF-8" in done.stderr and b"Traceback" not in done.stderr, done.stderr
    named = tmp_path / "caf\udce9.copdesk"  # a file name with a Latin-1 byte: allowed, as the system allows it
    done = _run("new", named, "--signatory", "X", "--kind", "other", "--title", "T")
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr


def test_a_line_of_ten_million_characters(tmp_path):
    """Word export handles it (cut into runs lxml and Word read); PDF says at once that it will not."""
    report = tmp_path / "r.copdesk"
    assert main(["new", str(report), "--signatory", "X", "--kind", "other", "--title", "T", "--measures", "12.1"]) == 0
    text = tmp_path / "long.md"
    text.write_text("x" * 10_000_001)
    assert main(["answer", str(report), "QRE 12.1.1", "--file", str(text)]) == 0
    assert main(["export", str(report), "-o", str(tmp_path / "r.docx")]) == 0
    from docx import Document
    assert max(len(p.text) for p in Document(str(tmp_path / "r.docx")).paragraphs) == 10_000_001
    started = time.monotonic()
    done = _run("export", report, "-o", tmp_path / "r.pdf")
    assert done.returncode == 2 and b"10,000,001 characters" in done.stderr, done.stderr
    assert time.monotonic() - started < 30 and not (tmp_path / "r.pdf").exists()


# -- devices, pipes, ZIP directories ------------------------------------------------------------------------

def test_devices_are_read_with_a_cap(tmp_path):
    report = tmp_path / "r.copdesk"
    assert main(["new", str(report), "--signatory", "X", "--kind", "other", "--title", "T", "--measures", "1.1"]) == 0
    for args, words in ((["import", "/dev/zero", "-o", tmp_path / "x.copdesk"], b"larger than"),
                        (["answer", report, "QRE 1.1.1", "--file", "/dev/zero"], b"larger than 64 MB"),
                        (["answer", report, "SLI 1.1.1", "--table", "/dev/zero"], b"larger than 64 MB"),
                        (["forms", "check", "/dev/zero"], b"larger than 64 MB")):
        started = time.monotonic()
        done = _run(*args)
        assert done.returncode == 2 and words in done.stdout + done.stderr, (args, done.stderr)
        assert time.monotonic() - started < 20
    assert not (tmp_path / "x.copdesk").exists()


def test_a_pipe_is_read_once(tmp_path, sample_json):
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(sample_json.read_bytes()))
    writer.start()
    done = _run("import", fifo, "-o", tmp_path / "x.copdesk")
    writer.join()
    assert done.returncode == 0, done.stderr
    assert b"39 answers" in done.stdout


def _zip_with_entries(path: Path, n: int) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", b"<w:document/>")
        for i in range(n):
            z.writestr(f"x/{i}", b"")
    return path


def test_a_zip_entry_count_is_checked_before_it_is_opened(tmp_path, monkeypatch):
    from copdesk.core.safety import docx_guard
    src = _zip_with_entries(tmp_path / "many.docx", docx_guard.MAX_ENTRIES + 1)
    opened = []
    monkeypatch.setattr(docx_guard.zipfile, "ZipFile", lambda *a, **k: opened.append(a))
    with pytest.raises(InputError) as err:
        docx_guard.open_docx(src)
    assert "files inside" in err.value.message and not opened


def test_a_declared_count_of_a_million_entries_is_refused_at_once(tmp_path):
    from copdesk.core.safety import docx_guard
    src = _zip_with_entries(tmp_path / "few.docx", 3)
    data = bytearray(src.read_bytes())
    end = data.rindex(b"PK\x05\x06")
    data[end + 8:end + 12] = (0xFFFF).to_bytes(2, "little") * 2  # "65,535 entries on this disk and in all"
    src.write_bytes(bytes(data))
    with pytest.raises(InputError) as err:
        docx_guard.open_docx(src)
    assert "65,535 files inside" in err.value.message


SLOW_SOFFICE = """#!/bin/sh
# stands in for LibreOffice's soffice script: starts the real worker, which never finishes
sleep 300 &
echo $! > "{pid}"
wait
"""


def test_a_pdf_timeout_stops_libreoffice_and_its_worker(tmp_path, monkeypatch):
    from copdesk.core.exports import pdf as pdf_export
    from copdesk.core.template.forms import load_template
    from copdesk.core.model import ReportData
    pid_file = tmp_path / "worker.pid"
    script = tmp_path / "soffice"
    script.write_text(SLOW_SOFFICE.format(pid=pid_file))
    script.chmod(0o755)
    monkeypatch.setenv("COPDESK_SOFFICE", str(script))
    monkeypatch.setattr(pdf_export, "TIMEOUT", 2)
    data = ReportData(meta={}, answers={}, tables={}, subscriptions=frozenset(), crisis=())
    with pytest.raises(CopdeskError) as err:
        pdf_export.export_pdf(load_template(), data, tmp_path / "r.pdf")
    assert "did not finish" in err.value.message
    worker = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(worker)


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for its parent to read its status."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


# -- the last net, and numbers -----------------------------------------------------------------------------

def test_an_unexpected_error_is_still_exit_2_with_a_message(monkeypatch, capsys):
    from copdesk import cli

    def broken(a):
        raise ValueError("something copdesk did not foresee")
    monkeypatch.setitem(cli.COMMANDS, "validate", broken)
    assert main(["validate", "x.copdesk"]) == 2
    err = capsys.readouterr().err
    assert "unexpected error" in err and "ValueError" in err and "Traceback" not in err


@pytest.mark.parametrize("text,expected", [("12", 12), ("²", None), ("①", None), (BIG, None), ("٣", None),
                                           (" 7 ", 7), ("-3", None), ("", None), ("1e3", None), (None, None)])
def test_to_int_reads_only_ascii_digits_of_a_usable_length(text, expected):
    from copdesk.core.numbers import to_int
    assert to_int(text, None) == expected
    assert to_int("-3", None, signed=True) == -3 and to_int("500", 0, 0, 8) == 8

"""Coverage-guided fuzzing of the importers with atheris (optional: `pip install atheris`; not in the suite).

The first byte of an input picks the target: Word (`read_docx` on the rest, as a .docx file), Transparency
Centre JSON (`read_tc`) or copdesk JSON (`from_dict`). An import either succeeds or raises CopdeskError;
anything else is a crash and libFuzzer stops with the input saved as crash-*. Seeds are real exports of
the sample report.

    .venv/bin/python benchmarks/fuzz_atheris.py -max_total_time=120 -timeout=10 [CORPUS_DIR]
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import zipfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from copdesk.core.safety import docx_guard, inputs  # noqa: F401
    from copdesk.core.imports import word as docx_import, copdesk_json as jsonio, tc_json as tc_import
    from copdesk.core.errors import CopdeskError

TARGETS = ("docx", "tc", "json")
WORK = Path(tempfile.mkdtemp(prefix="copdesk-atheris-"))
STATE: dict = {}


def _template():
    if "template" not in STATE:
        from copdesk.core.template.forms import load_template
        STATE["template"] = load_template()
    return STATE["template"]


def one_input(data: bytes) -> None:
    if not data:
        return
    target, body = TARGETS[data[0] % len(TARGETS)], data[1:]
    try:
        if target == "docx":
            src = WORK / "case.docx"
            src.write_bytes(body)
            docx_import.read_docx(src, _template())
            return
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return  # not UTF-8: read_json_file turns this into a message before any importer sees it
        doc = inputs.parse_json(text, "case.json")  # too deep, numbers too long: a message (CopdeskError)
        if target == "tc":
            tc_import.read_tc(doc, _template(), "case.json")
        else:
            jsonio.from_dict(doc, "case.json")
    except CopdeskError as exc:
        if not exc.message.strip():
            raise AssertionError("a CopdeskError without a message") from exc


def seed_corpus(folder: Path) -> None:
    """Real exports of the sample report, one per target."""
    from copdesk import paths
    from copdesk.core.exports.word import build_docx
    from copdesk.core.exports.tc_json import to_tc
    folder.mkdir(parents=True, exist_ok=True)
    raw = jsonio.read_json_file(paths.resources_dir() / "sample" / "kestrel-video-2026-03.json")
    data = jsonio.from_dict(raw)
    blob, _ = build_docx(_template(), data)
    zipfile.ZipFile(io.BytesIO(blob)).testzip()
    (folder / "docx").write_bytes(bytes([0]) + blob)
    (folder / "tc").write_bytes(bytes([1]) + json.dumps(to_tc(_template(), data)[0]).encode())
    (folder / "json").write_bytes(bytes([2]) + json.dumps(raw).encode())


def main() -> None:
    args = list(sys.argv)
    corpus = [a for a in args[1:] if not a.startswith("-")]
    if not corpus:
        folder = WORK / "corpus"
        seed_corpus(folder)
        args.append(str(folder))
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Never overwrite a report, never leave half a file (issue 13, points 1 to 4), through the command line.

1. Every command that writes a file refuses an output that is its input (the same file, a symbolic or a
   hard link) or any existing copdesk report (by content, whatever its name or --format): exit 2, a
   message naming both, nothing changed.
2. A restore, a copy or a rescue copy never follows a link planted beside its target.
3. A command that fails (a full disk) leaves no output and no temporary file; a report without its meta
   is refused as damaged; copdesk JSON whose extras target copdesk's own tables is refused before any
   output exists.
4. The CSV export is all or nothing: a failure midway leaves the old folder as it was.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copdesk.cli import main
from copdesk.core.report import backups, rescue
from copdesk.core.errors import DamagedFileError
from copdesk.core.report.open_file import Report

FORMATS = ["json", "docx", "pdf", "tc-json", "csv"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(capsys, *args) -> tuple[int, str]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().err


@pytest.fixture
def two(tmp_path, sample_json):
    """Two copies of the sample report (comments, tables, history) and a backup of the first."""
    from copdesk.core.review.comments import add_comment
    a, b = tmp_path / "a.copdesk", tmp_path / "b.copdesk"
    assert main(["import", str(sample_json), "-o", str(a)]) == 0
    with Report.open(a) as r:
        add_comment(r, "QRE 14.1.1", "Please check the figure.", "Reviewer")
        backups.make_backup(a, r.meta["report_id"])
    b.write_bytes(a.read_bytes())
    return a, b


def _commands(a: Path, b: Path, out: Path) -> dict[str, list]:
    cmds = {f"export --format {f}": ["export", a, "--format", f, "-o", out] for f in FORMATS}
    cmds.update({
        "export by suffix": ["export", a, "-o", out],
        "diff --docx": ["diff", a, b, "--docx", out],
        "carry": ["carry", a, "-o", out, "--title", "Next"],
        "merge": ["merge", a, b, "-o", out],
        "backups --restore": ["backups", a, "--restore", "1", "-o", out],
    })
    return cmds


@pytest.mark.parametrize("how", ["itself", "symlink", "hardlink"])
@pytest.mark.parametrize("command", ["export --format json", "export --format docx", "export --format pdf",
                                     "export --format tc-json", "export --format csv", "export by suffix",
                                     "diff --docx", "carry", "merge", "backups --restore"])
def test_an_output_that_is_the_input_is_refused(two, capsys, command, how):
    a, b = two
    out = {"itself": a, "symlink": a.with_name("link.json"), "hardlink": a.with_name("hard.docx")}[how]
    if how == "symlink":
        out.symlink_to(a)
    elif how == "hardlink":
        os.link(a, out)
    before = _digest(a), _digest(b)
    code, err = _cli(capsys, *_commands(a, b, out)[command])
    assert code == 2, err
    assert f"Cannot write {out}:" in err and str(a) in err and "Traceback" not in err
    assert (_digest(a), _digest(b)) == before
    with Report.open(a, readonly=True) as r:  # still the whole report, its review state included
        assert r.rows("comments") and r.history()


@pytest.mark.parametrize("command", ["export --format json", "export --format docx", "export --format pdf",
                                     "export --format tc-json", "export --format csv", "export by suffix",
                                     "diff --docx", "carry", "merge", "backups --restore", "new", "import"])
def test_any_existing_report_is_refused_whatever_its_name(two, capsys, command, sample_json):
    a, b = two
    out = b.with_name("budget.xlsx")  # another report under a name that says nothing
    b.rename(out)
    b.write_bytes(out.read_bytes())
    before = _digest(out)
    args = {"new": ["new", out, "--signatory", "X", "--kind", "other", "--title", "T"],
            "import": ["import", sample_json, "-o", out]}.get(command) or _commands(a, b, out)[command]
    code, err = _cli(capsys, *args)
    assert code == 2, err
    assert f"Cannot write {out}: it is a copdesk report" in err and "Traceback" not in err
    assert _digest(out) == before


def test_the_journal_of_a_report_is_refused(two, capsys):
    a, _ = two
    code, err = _cli(capsys, "export", a, "--format", "json", "-o", f"{a}-wal")
    assert code == 2 and "journal of the copdesk report" in err


def test_an_import_onto_its_own_input_is_refused(tmp_path, capsys, sample_json):
    src = tmp_path / "in.json"
    src.write_bytes(sample_json.read_bytes())
    code, err = _cli(capsys, "import", src, "-o", src)
    assert code == 2 and f"it is {src} itself" in err
    assert src.read_bytes() == sample_json.read_bytes()


def test_other_documents_are_still_replaced(two, capsys):
    """The rule is about reports: an older export is replaced as before."""
    a, _ = two
    out = a.with_name("a.docx")
    out.write_bytes(b"an older export")
    code, err = _cli(capsys, "export", a, "-o", out)
    assert code == 0, err
    assert out.read_bytes()[:2] == b"PK"


# -- 2. planted links ------------------------------------------------------------------------------------

PLANTED = (".{name}.part", ".{name}.tmp", ".{name}.rescue", "..{name}.rescue.part", ".{name}.carry")


def _plant(folder: Path, name: str, victim: Path) -> None:
    for pattern in PLANTED:
        (folder / pattern.format(name=name)).symlink_to(victim)


def test_a_restore_never_follows_a_planted_link(two, capsys):
    a, b = two
    before = _digest(b)
    out = a.with_name("restored.copdesk")
    _plant(a.parent, out.name, b)
    code, err = _cli(capsys, "backups", a, "--restore", "1", "-o", out)
    assert code == 0, err
    assert _digest(b) == before
    with Report.open(out, readonly=True) as r:
        assert r.answers()


def test_a_copy_never_follows_a_planted_link(two):
    a, b = two
    before = _digest(b)
    out = a.with_name("a (copy).copdesk")
    _plant(a.parent, out.name, b)
    backups.copy_report(a, out)  # "Open a copy", the local working copy
    assert _digest(b) == before and out.exists()


def test_a_rescue_copy_never_follows_a_planted_link(new_report, tmp_path):
    r = new_report()
    r.set_text("QRE 12.1.1", "mine")
    victim = tmp_path / "victim.copdesk"
    Report.create(victim, r.template, signatory="V", kind="other", title="V").close()
    before = _digest(victim)
    r.path.unlink()
    _plant(r.path.parent, r.path.name, victim)
    conn, where = rescue.rewrite(r.conn, r.path)
    conn.close()
    assert _digest(victim) == before and where == r.path
    with Report.open(where, readonly=True) as back:
        assert back.text("QRE 12.1.1") == "mine"


# -- 3. failures leave nothing -----------------------------------------------------------------------------

LIMITED = ("import resource, signal, sys\n"
           "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
           "resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))\n"
           "from copdesk.cli import main\n"
           "sys.exit(main(sys.argv[2:]))\n")


def _limited(limit: int, *args) -> subprocess.CompletedProcess:
    """`copdesk ARGS` where no file may grow past `limit` bytes: writes fail as on a full disk."""
    return subprocess.run([sys.executable, "-c", LIMITED, str(limit), *map(str, args)], capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("limit", [0, 4096, 20_000, 60_000, 100_000])
def test_new_on_a_full_disk_leaves_nothing_and_a_retry_works(tmp_path, limit):
    out = tmp_path / "n.copdesk"
    args = ["new", out, "--signatory", "X", "--kind", "other", "--title", "T", "--measures", "12.1"]
    done = _limited(limit, *args)
    assert done.returncode == 2, done.stderr
    assert "cannot be written" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert main([str(a) for a in args]) == 0


@pytest.mark.parametrize("limit", [0, 30_000, 120_000])
@pytest.mark.parametrize("command", ["import", "carry", "merge"])
def test_import_carry_merge_on_a_full_disk_leave_nothing(two, sample_json, command, limit):
    a, b = two
    out = a.parent / "out" / "x.copdesk"
    out.parent.mkdir()
    args = {"import": ["import", sample_json, "-o", out], "carry": ["carry", a, "-o", out, "--title", "Next"],
            "merge": ["merge", a, b, "-o", out]}[command]
    done = _limited(limit, *args)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("table", ["answers", "meta", "history", "_sqlite_migrations", "sqlite_sequence"])
def test_extras_aimed_at_copdesks_own_tables_are_refused_before_any_output(tmp_path, capsys, sample_json, table):
    import json
    doc = json.loads(sample_json.read_text(encoding="utf-8"))
    doc["version"], doc["extras"] = 2, {}
    doc["extras"][table] = [{"migration_set": "copdesk", "name": "m999_future", "applied_at": "x"}] \
        if table == "_sqlite_migrations" else [{"code": "QRE 99.9.9", "key": "k", "value": "v"}]
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "out" / "x.copdesk"
    out.parent.mkdir()
    code, err = _cli(capsys, "import", src, "-o", out)
    assert code == 2 and f"'{table}'" in err, err
    assert list(out.parent.iterdir()) == []


def test_a_report_whose_meta_is_empty_is_refused_as_damaged(new_report):
    r = new_report()
    r.conn.execute("DELETE FROM meta")
    r.conn.commit()
    r.close()
    before = _digest(r.path)
    with pytest.raises(DamagedFileError) as err:
        Report.open(r.path)
    assert "meta" in err.value.message
    assert _digest(r.path) == before


# -- 4. CSV export, all or nothing ---------------------------------------------------------------------------

def test_csv_export_that_fails_midway_leaves_the_old_folder(two, capsys, monkeypatch):
    a, _ = two
    folder = a.with_name("tables")
    assert main(["export", str(a), "--format", "csv", "-o", str(folder)]) == 0
    old = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert len(old) >= 3
    with Report.open(a) as r:  # the next export would write other figures
        code = next(iter(r.tables()))
        r.set_table(code, [["Member State", "n"], ["Austria", "42"]])
    real, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(fd)
    monkeypatch.setattr(os, "fsync", fsync)
    capsys.readouterr()
    code, err = _cli(capsys, "export", a, "--format", "csv", "-o", folder)
    assert code == 2 and "the disk is full" in err, err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == old
    assert sorted(p.name for p in a.parent.iterdir() if p.name.startswith(".")) == []


def test_csv_export_leaves_no_table_of_an_older_export(two, capsys):
    a, _ = two
    folder = a.with_name("tables")
    folder.mkdir()
    (folder / "SLI_99.9.9.csv").write_text("a table this report no longer shows")
    assert main(["export", str(a), "--format", "csv", "-o", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert "SLI_99.9.9.csv" not in names and names


def test_csv_export_never_removes_other_files(two, capsys):
    a, _ = two
    folder = a.parent  # the folder holding the reports themselves
    code, err = _cli(capsys, "export", a, "--format", "csv", "-o", folder)
    assert code == 2 and "holds other files" in err
    assert {"a.copdesk", "b.copdesk"} <= {p.name for p in folder.iterdir()}


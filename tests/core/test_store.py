"""The report file: created, reopened, migrated, and never harmed when it is not ours."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from copdesk.core.rules import services
from copdesk.core.report import store
from copdesk.core.errors import DamagedFileError, NewerSchemaError, NotAReportError, StoreError
from copdesk.core.report.migrations import SCHEMA_VERSION
from copdesk.core.report.open_file import Report

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_marked_and_in_wal(new_report):
    r = new_report()
    assert r.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert r.conn.execute("PRAGMA application_id").fetchone()[0] == store.APPLICATION_ID
    assert r.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    meta = r.meta
    assert meta["format"] == "copdesk-report"
    assert meta["template_edition"] == r.template.edition
    assert meta["template_hash"] == r.template.content_hash


def test_create_refuses_to_overwrite(tmp_path, template):
    path = tmp_path / "r.copdesk"
    path.write_text("precious")
    with pytest.raises(StoreError, match="exists already"):
        Report.create(path, template, signatory="x", kind="other", title="t")
    assert path.read_text() == "precious"


@pytest.mark.parametrize("content,error", [
    (b"", NotAReportError),
    (b"hello, this is a text file\n" * 100, DamagedFileError),
    (bytes(range(256)) * 64, DamagedFileError),
])
def test_foreign_files_are_refused_untouched(tmp_path, content, error):
    path = tmp_path / "x.copdesk"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(error) as err:
        Report.open(path)
    assert "not changed" in err.value.hint
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.copdesk"]


def test_another_apps_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('a', 'b')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotAReportError, match="not a copdesk report"):
        Report.open(path)
    assert _digest(path) == before


def test_truncated_report_is_damaged_and_untouched(new_report, tmp_path):
    r = new_report()
    for i in range(300):
        r.set_text("QRE 12.1.1", f"version {i} " + "x" * 2000)
    r.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    r.close()
    data = r.path.read_bytes()
    broken = tmp_path / "broken.copdesk"
    broken.write_bytes(data[: len(data) // 2])
    before = _digest(broken)
    with pytest.raises(DamagedFileError):
        Report.open(broken)
    assert _digest(broken) == before


def test_newer_schema_is_refused_untouched(new_report):
    r = new_report()
    r.conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('copdesk', 'm999_future', 'x')")
    r.conn.commit()
    r.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    r.close()
    before = _digest(r.path)
    with pytest.raises(NewerSchemaError, match="newer copdesk") as err:
        Report.open(r.path)
    assert "Update copdesk" in err.value.hint
    assert _digest(r.path) == before


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Report.open(tmp_path / "nope.copdesk")
    with pytest.raises(StoreError, match="is a folder"):
        Report.open(tmp_path)


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("schema-v*.copdesk")))
def test_every_past_schema_opens_and_migrates(tmp_path, fixture):
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    with Report.open(path) as r:
        assert r.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert r.text("header.signatory") == "Fixture Org"
        assert r.text("QRE 12.1.1").startswith("Fixture answer")
        assert r.table("SLI 16.1.1")[1] == ["Austria", "1,234"]
        assert "Measure 12.1" in {services.base(c) for c in r.subscriptions()}  # per service in a family (v6)


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("schema-v*.copdesk"))[:-1])
def test_a_file_older_than_families_opens_as_it_was(tmp_path, fixture):
    """A report of schema 1-5 gains an empty services table and reads exactly as before."""
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    with Report.open(path, readonly=True) as r:
        before = r.snapshot()
    with Report.open(path) as r:
        assert r.services() == [] and r.snapshot().answers == before.answers
        assert r.snapshot().subscriptions == before.subscriptions and r.tables() == before.tables


def test_schema_6_keeps_a_family(tmp_path):
    """Schema 6 names a report's services; overrides, tables and subscriptions per service are rows under
    qualified codes."""
    path = tmp_path / "v6.copdesk"
    shutil.copy(FIXTURES / "schema-v6.copdesk", path)
    with Report.open(path) as r:
        assert r.services() == ["Fixture Social", "Fixture Chat"]
        social, chat = r.service_snapshot("Fixture Social"), r.service_snapshot("fixture chat")
        assert social.text("QRE 12.1.1").startswith("Fixture answer with")
        assert chat.text("QRE 12.1.1") == "Fixture answer of the chat service alone."
        assert social.tables["SLI 16.1.1"][1] == ["Austria", "1,234"] and chat.tables["SLI 16.1.1"][1] == ["Austria", "99"]
        assert "Measure 16.1" in social.subscriptions and "Measure 16.1" not in chat.subscriptions
        assert social.text("header.signatory") == "Fixture Social" and chat.text("header.services") == "Fixture Chat"


def test_the_wording_a_report_came_with_is_laid_over_its_template(tmp_path):
    """Schema 5 keeps the official wording and labels of the filed report a report was imported from."""
    path = tmp_path / "v5.copdesk"
    shutil.copy(FIXTURES / "schema-v5.copdesk", path)
    for readonly in (True, False):
        with Report.open(path, readonly=readonly) as r:
            sli = r.template.index["SLI 16.1.1"]
            assert sli.wording == "Fixture wording of SLI 16.1.1, as a filed report printed it."
            assert sli.label == "SLI 16.1.1 - fixture label" and sli.heading == sli.label
            assert sli.wording_source == "fixture.docx"
            assert r.base_template.index["SLI 16.1.1"].wording == ""
            assert r.template.index["QRE 12.1.1"] is r.base_template.index["QRE 12.1.1"]
    older = tmp_path / "v4.copdesk"
    shutil.copy(FIXTURES / "schema-v4.copdesk", older)
    with Report.open(older, readonly=True) as r:  # no wording table yet, and read-only: nothing to lay over
        assert r.template is r.base_template


def test_there_is_a_fixture_for_the_current_schema():
    assert (FIXTURES / f"schema-v{SCHEMA_VERSION}.copdesk").exists()


def test_reopen_keeps_everything(new_report):
    r = new_report()
    r.set_text("QRE 12.1.1", "first")
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "1,234"], ["Belgium", None, "x"]])
    path = r.path
    r.close()
    with Report.open(path) as again:
        assert again.text("QRE 12.1.1") == "first"
        assert again.table("SLI 16.1.1") == [["Member State", "n", None], ["Austria", "1,234", None], ["Belgium", None, "x"]]

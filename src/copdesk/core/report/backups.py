"""Rolling backups of a report, made with SQLite's backup API, kept in the user's data folder.

    <user data>/backups/<report_id>-<path key>/20261129T190102.123Z-h4711.copdesk

A backup is made when a report opens and every BACKUP_EVERY_S seconds of editing; the last KEEP distinct
states are kept (a backup is skipped when the report has not changed since the newest one, so opening a
report five times does not push out older work). `h4711` is the report's last history id at that time.

The backup API copies a consistent snapshot while the report stays open and in use; each copy is written
in a fresh private folder and put in place whole (core.safety.atomic.new_file), so a crash mid-backup leaves at
most a stray temporary folder (removed by the next backup), never a half backup; a restore or a copy never
follows a link planted beside its target. Backups live outside the report's folder: a
report deleted, overwritten or damaged by another program still has them. The folder is named after the
report's id and a short hash of its path: copies of one report (a reviewer's copy, "Open a copy") share
the id but not their backups, so working on a copy never pushes out the original's. `index.json` maps
report paths to folders, so a report too damaged to read still finds its backups.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from copdesk import paths
from copdesk.core.safety.atomic import new_file, remove_strays
from copdesk.core.errors import StoreError
from copdesk.core.records import record

KEEP = 5
BACKUP_EVERY_S = 300
SUFFIX = ".copdesk"


@record
class Backup:
    path: Path
    at: str  # ISO time in UTC when it was made
    history_id: int  # the report's last history id then

    @classmethod
    def parse(cls, path: Path) -> "Backup | None":
        stamp, _, rest = path.stem.partition("-h")
        try:
            at = datetime.strptime(stamp, "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=timezone.utc)
            return cls(path, at.isoformat(timespec="milliseconds"), int(rest))
        except ValueError:
            return None


def root() -> Path:
    return paths.user_data_dir() / "backups"


def _index_path() -> Path:
    return root() / "index.json"


def _index() -> dict[str, str]:
    try:
        data = json.loads(_index_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _name(report: Path, report_id: str) -> str:
    import hashlib
    return f"{report_id}-{hashlib.sha1(str(Path(report).resolve()).encode()).hexdigest()[:8]}"


def _remember(report: Path, name: str) -> None:
    index = _index()
    key = str(report.resolve())
    if index.get(key) != name:
        from copdesk.core.safety.atomic import write_file
        index[key] = name
        write_file(_index_path(), json.dumps(index, indent=1, ensure_ascii=False))


def folder_for(report: Path, report_id: str | None = None) -> Path | None:
    """The backup folder of `report`: from its id and path when readable, else its path in the index."""
    report_id = report_id or _report_id(report)
    name = _name(report, report_id) if report_id else _index().get(str(Path(report).resolve()))
    return root() / name if name else None


def _report_id(report: Path) -> str | None:
    from copdesk.core.report import store
    try:
        return store.probe(Path(report)).get("report_id")
    except StoreError:
        return None


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def make_backup(report: Path, report_id: str, keep: int = KEEP) -> Path | None:
    """Copy `report` into its backup folder; None when it has not changed since the newest backup."""
    report = Path(report)
    folder = root() / _name(report, report_id)
    folder.mkdir(parents=True, exist_ok=True)
    _remember(report, folder.name)
    remove_strays(folder)
    src = _ro(report)
    try:
        last = src.execute("SELECT COALESCE(MAX(id), 0) FROM history").fetchone()[0]
        newest = list_backups(report, report_id)[:1]
        if newest and newest[0].history_id == last:
            return None
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%f")[:-3] + "Z"
        out = folder / f"{stamp}-h{last}{SUFFIX}"
        _copy(src, out)
    finally:
        src.close()
    for old in list_backups(report, report_id)[keep:]:
        old.path.unlink(missing_ok=True)
    return out


def _copy(src: sqlite3.Connection, out: Path) -> None:
    """A consistent copy of `src` at the new file `out` (rollback journal, synced), put in place whole."""
    with new_file(out) as tmp:
        copy_into(src, tmp)


def copy_into(src: sqlite3.Connection, path: Path) -> None:
    """SQLite's backup of `src` into `path` (a path in a private folder: see core.safety.atomic)."""
    dst = sqlite3.connect(path)
    try:
        src.backup(dst)  # SQLite's backup commits as it copies: no transaction is left open to commit
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()


def list_backups(report: Path, report_id: str | None = None) -> list[Backup]:
    """The backups of `report`, newest first (empty when there are none)."""
    folder = folder_for(Path(report), report_id)
    if folder is None or not folder.is_dir():
        return []
    found = [b for b in (Backup.parse(p) for p in folder.glob(f"*{SUFFIX}")) if b is not None]
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def summary(backup: Backup) -> dict[str, object]:
    """What a backup holds, for choosing one: answers, tables, the time of its last change."""
    conn = _ro(backup.path)
    try:
        answers = conn.execute("SELECT COUNT(*) FROM answers WHERE text != ''").fetchone()[0]
        tables = conn.execute("SELECT COUNT(DISTINCT code) FROM cells").fetchone()[0]
        last = conn.execute("SELECT MAX(at) FROM history").fetchone()[0] or ""
    except sqlite3.DatabaseError:
        return {"answers": 0, "tables": 0, "last_change": "", "sound": False}
    finally:
        conn.close()
    return {"answers": answers, "tables": tables, "last_change": last, "sound": True}


def restore(backup: Backup | Path, out: Path) -> Path:
    """Write backup `backup` as a new report file `out` (never over an existing file)."""
    source = backup.path if isinstance(backup, Backup) else Path(backup)
    out = Path(out)
    if out.exists():
        raise StoreError(f"{out} exists already.", "Restore to a new name: the backup never overwrites a file.")
    src = _ro(source)
    try:
        check = src.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise StoreError(f"The backup {source.name} is damaged ({check}).", "Choose an older backup.")
        _copy(src, out)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"The backup {source.name} cannot be read ({exc}).", "Choose an older backup.") from None
    except OSError as exc:
        raise StoreError(f"Cannot write {out}: {exc.strerror}.", "Choose a folder you may write to.") from None
    finally:
        src.close()
    return out


def copy_report(report: Path, out: Path) -> Path:
    """A consistent copy of an open (or closed) report at a new path: for 'work on a copy'."""
    return restore(Path(report), out)

"""The opening check of a report file, beyond SQLite's own: a crafted file is refused before copdesk reads it.

A .copdesk file is a SQLite database anyone can edit with any tool. Before copdesk queries its tables, the
file must hold exactly the tables copdesk's migrations made (no view, virtual table or other definition in
their place: a recursive view named `answers` would fill the disk with temporary data), no triggers (they
would run on every write), and values copdesk can read: text where text belongs, integers where
integers belong, table cells at bounded positions (a cell at row 2,000,000,000 would make a grid of
2,000,000,000 rows), a meta table that names the report. store.probe calls `check_structure` and
`check_contents`; the writers call `check_grid` so copdesk never makes a file it would refuse.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from copdesk.core.errors import DamagedFileError, InputError

MAX_ROW = 100_000  # a table's last row index (a member-state table has 33 rows)
MAX_COL = 1_000  # a table's last column index
MAX_AREA = 2_000_000  # rows x columns of all the tables of a report together: what reading them builds
GRID_TABLES = ("cells", "baseline_cells")
READ_WHOLE = ("meta", "answers", "subscriptions")  # read whole by every opening: their text is decoded here
# (the cells too would double the time of the check on a platform report: a cell that is not UTF-8 is
# reported as damage when the table is read, see cli._run)


class _Shim:
    """What a migration step uses of sqlite-utils' Database (execute), over a plain connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, params=()):
        return self.conn.execute(sql, params)


@lru_cache(maxsize=None)
def expected(steps: int) -> dict[str, tuple[str, tuple[tuple[str, str, bool], ...]]]:
    """Table name -> (its CREATE statement, whitespace folded; its columns (name, type, NOT NULL)) after the
    first `steps` migrations: made by running them on an empty database, so the schema is defined once."""
    from copdesk.core.report.migrations import STEPS
    conn = sqlite3.connect(":memory:")
    try:
        for fn in STEPS[:steps]:
            fn(_Shim(conn))
        out = {}
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table'"):
            info = conn.execute(f"PRAGMA table_info([{name}])")
            cols = tuple((c[1], c[2].upper(), bool(c[3]) or bool(c[5])) for c in info)
            out[name] = (_fold(sql), cols)
        return out
    finally:
        conn.close()


def _fold(sql: str | None) -> str:
    return " ".join((sql or "").split()).lower()


def _damaged(path: Path, what: str) -> DamagedFileError:
    return DamagedFileError(f"{path} is damaged or was changed by another program: {what}.",
                            "The file was not changed. Open a backup copy (copdesk backups FILE), or a file made "
                            "with copdesk.")


def check_kinds(conn: sqlite3.Connection, path: Path, names: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """The schema entries, read from sqlite_master only (no query of a table yet); `names` must be tables,
    and no trigger may exist. Returns name -> (type, sql)."""
    entries = {name: (kind, sql) for kind, name, sql in
               conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')")}
    triggers = sorted(n for n, (kind, _) in entries.items() if kind == "trigger")
    if triggers:
        raise _damaged(path, f"it holds triggers ({', '.join(triggers[:3])}), which copdesk never makes")
    for name in names:
        if name in entries and entries[name][0] != "table":
            raise _damaged(path, f"'{name}' is a {entries[name][0]}, not copdesk's table")
    return entries


def check_structure(conn: sqlite3.Connection, path: Path, entries: dict[str, tuple[str, str]], steps: int) -> None:
    """Every table of the first `steps` migrations is there, defined exactly as copdesk defines it."""
    for name, (sql, _) in expected(steps).items():
        if name not in entries:
            raise _damaged(path, f"its table '{name}' is missing")
        kind, actual = entries[name]
        if kind != "table":
            raise _damaged(path, f"'{name}' is a {kind}, not copdesk's table")
        if _fold(actual) != sql:
            raise _damaged(path, f"its table '{name}' is not defined as copdesk defines it")


def _kind_test(column: str, kind: str, not_null: bool) -> str:
    want = {"TEXT": "'text'", "INTEGER": "'integer'"}.get(kind)
    if want is None:
        return "1"
    return f"typeof([{column}]) = {want}" if not_null else f"typeof([{column}]) IN ({want}, 'null')"


def check_contents(conn: sqlite3.Connection, path: Path, steps: int) -> None:
    """Values of the kind copdesk keeps in every column, and table cells within the bounds (a platform
    report's 13,000 cells take about 2 ms: one pass per table)."""
    for table, (_, columns) in expected(steps).items():
        test = " AND ".join(_kind_test(c, kind, nn) for c, kind, nn in columns) or "1"
        if table in GRID_TABLES:
            _check_cells(conn, path, table, test, columns)
        else:
            bad = conn.execute(f"SELECT * FROM [{table}] WHERE NOT ({test}) LIMIT 1").fetchone()
            if bad is not None:
                _wrong_kind(path, table, columns, bad)
        if table in READ_WHOLE:
            _check_utf8(conn, path, table, [c for c, kind, _ in columns if kind == "TEXT"])


def _check_utf8(conn: sqlite3.Connection, path: Path, table: str, columns: list[str]) -> None:
    """Text SQLite holds as text but Python cannot decode (bytes that are not UTF-8), in the tables every
    opening reads whole; deeper tables (history, versions) get the same message when they are read."""
    cursor = conn.cursor()
    cursor.row_factory = None
    try:
        for _ in cursor.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}]"):
            pass
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc).lower():
            raise
        raise _damaged(path, f"its table '{table}' holds text that is not UTF-8") from None


def _wrong_kind(path: Path, table: str, columns, row) -> None:
    column, kind, value = next((c, k, v) for (c, k, nn), v in zip(columns, row) if not _fits(v, k, nn))
    raise _damaged(path, f"its table '{table}' holds {_DESCRIBE.get(type(value), 'a value')} in '{column}', "
                   f"where copdesk keeps {_WANT.get(kind, kind)}")


def _fits(value, kind: str, not_null: bool) -> bool:
    if value is None:
        return not not_null
    return isinstance(value, {"TEXT": str, "INTEGER": int}.get(kind, object))


_DESCRIBE = {bytes: "binary data", int: "a number", float: "a number", str: "text", type(None): "an empty value"}
_WANT = {"TEXT": "text", "INTEGER": "whole numbers"}


def _check_cells(conn: sqlite3.Connection, path: Path, table: str, test: str, columns) -> None:
    """Kinds and positions in one pass, then the area the grids will take (through the table's index)."""
    bad = conn.execute(f"SELECT * FROM [{table}] WHERE NOT ({test}) OR row < 0 OR col < 0 OR row > ? OR col > ? "
                       "LIMIT 1", [MAX_ROW, MAX_COL]).fetchone()
    if bad is not None:
        if not all(_fits(v, k, nn) for (_, k, nn), v in zip(columns, bad)):
            _wrong_kind(path, table, columns, bad)
        raise _damaged(path, f"the table {bad[0]} has a cell at row {bad[1]}, column {bad[2]} (copdesk keeps rows "
                       f"0 to {MAX_ROW:,} and columns 0 to {MAX_COL:,})")
    area = conn.execute(f"SELECT COALESCE(SUM((r + 1) * (c + 1)), 0) FROM "
                        f"(SELECT MAX(row) AS r, MAX(col) AS c FROM [{table}] GROUP BY code)").fetchone()[0]
    if area > MAX_AREA:
        raise _damaged(path, f"its tables span {area:,} cells (copdesk reads up to {MAX_AREA:,})")


def check_meta(meta: dict, path: Path) -> None:
    """A report names itself: a meta table without its format and id was never finished being made."""
    from copdesk.core.report.store import FILE_FORMAT
    if not meta:
        raise _damaged(path, "its meta table is empty (the file was never finished being made)")
    if meta.get("format") != FILE_FORMAT:
        raise _damaged(path, f"its meta table does not say it is a copdesk report (format {FILE_FORMAT})")


def check_grid(tables: dict, where: str = "the report") -> None:
    """For writers: tables copdesk would refuse to open are refused before a file is made."""
    area = 0
    for code, grid in tables.items():
        rows = len(grid)
        cols = max((len(r) for r in grid), default=0)
        if rows - 1 > MAX_ROW or cols - 1 > MAX_COL:
            raise InputError(f"{where}: the table {code} has {rows:,} rows and {cols:,} columns; copdesk keeps up "
                             f"to {MAX_ROW + 1:,} rows and {MAX_COL + 1:,} columns.", "Split the table, or keep the "
                             "full data elsewhere and give the figures the report needs.")
        area += rows * cols
    if area > MAX_AREA:
        raise InputError(f"{where}: its tables span {area:,} cells; copdesk keeps up to {MAX_AREA:,}.",
                         "Keep the full data elsewhere and give the figures the report needs.")

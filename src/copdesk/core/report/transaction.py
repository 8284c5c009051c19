"""The one transaction helper: every write copdesk makes to a report file goes through `transaction`.

    with transaction(conn):      # BEGIN ... COMMIT; ROLLBACK on any error, and the error goes on
        ...
        with transaction(conn):  # inside an open transaction: a savepoint, undone alone on error
            ...

Report.atomic() is this helper on the report's connection (every edit, with its history row); a new file
(core/report/store.py, core/imports/copdesk_json.py: import, carry, merge, copdesk JSON) is filled in one, its bulk rows put in
by `insert_rows`, one executemany per table. sqlite-utils keeps the schema: its migrations run their own
steps (core/report/migrations.py), and nothing else of it writes. No other module begins, commits or rolls back a
transaction (tests/test_architecture.py). Nothing here imports sqlite-utils or Qt.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from typing import Iterator

_SAVEPOINTS = itertools.count(1)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction for the writes inside, or a savepoint when one is open already (it nests, as
    sqlite-utils' Database.atomic does: both go by conn.in_transaction)."""
    if conn.in_transaction:
        name = f"copdesk_{next(_SAVEPOINTS)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # an error can end the whole transaction, savepoints included
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    conn.execute("BEGIN")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def insert_rows(conn: sqlite3.Connection, table: str, rows: Iterable[Mapping[str, object]]) -> int:
    """Insert rows given as dicts (column -> value) into `table`, inside one transaction, with one executemany
    per run of rows naming the same columns. Values go in as they are (text, numbers, None): what does not
    fit a column is SQLite's error, and a column the table does not have is a ValueError naming it, before
    anything is written. Returns how many rows went in.

    sqlite-utils' insert_all did this by building each row's statement and testing each value for JSON in
    Python: a third of the time of importing a platform-size report."""
    columns = {r[1] for r in conn.execute(f"PRAGMA table_info({_quote(table)})")}
    if not columns:
        raise ValueError(f"there is no table {table!r}")
    count = 0
    with transaction(conn):
        for names, run in itertools.groupby(rows, key=lambda row: tuple(row)):
            unknown = [n for n in names if n not in columns]
            if unknown:
                raise ValueError(f"table {table!r} has no column {unknown[0]!r}")
            values = [tuple(row.values()) for row in run]
            if names:
                conn.executemany(f"INSERT INTO {_quote(table)} ({', '.join(map(_quote, names))}) "
                                 f"VALUES ({', '.join('?' * len(names))})", values)
            else:
                conn.executemany(f"INSERT INTO {_quote(table)} DEFAULT VALUES", [()] * len(values))
            count += len(values)
    return count


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'

"""The one transaction helper (core/report/transaction.py): nested blocks keep exactly the writes of the blocks that
ended well, whatever the nesting; bulk rows go in whole or not at all."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copdesk.core.report.transaction import insert_rows, transaction


class Boom(Exception):
    pass


def _conn() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (v INTEGER NOT NULL)")
    return conn


# A block is (steps, fails): each step is a value to write or a nested block; a failing block raises at its end.
blocks = st.recursive(st.tuples(st.lists(st.integers(0, 99), max_size=3), st.booleans()),
                      lambda inner: st.tuples(st.lists(st.one_of(st.integers(0, 99), inner), max_size=4),
                                              st.booleans()), max_leaves=20)


def _run(conn: sqlite3.Connection, block) -> None:
    steps, fails = block
    with transaction(conn):
        for step in steps:
            if isinstance(step, int):
                conn.execute("INSERT INTO t (v) VALUES (?)", [step])
            else:
                try:
                    _run(conn, step)
                except Boom:
                    pass
        if fails:
            raise Boom


def _model(block) -> list[int] | None:
    """The values a block leaves behind, or None when it fails (then it leaves nothing)."""
    steps, fails = block
    kept: list[int] = []
    for step in steps:
        kept += [step] if isinstance(step, int) else (_model(step) or [])
    return None if fails else kept


@settings(max_examples=200, deadline=None)
@given(blocks)
def test_nested_transactions_keep_exactly_the_blocks_that_ended_well(block):
    conn = _conn()
    try:
        _run(conn, block)
    except Boom:
        pass
    assert not conn.in_transaction
    assert [r[0] for r in conn.execute("SELECT v FROM t ORDER BY rowid")] == (_model(block) or [])


def test_an_error_that_ends_the_whole_transaction_is_not_masked():
    """A trigger's RAISE(ROLLBACK) ends every savepoint too: the helper lets the error through, with nothing
    written and no transaction left open."""
    conn = _conn()
    conn.execute("CREATE TRIGGER no BEFORE INSERT ON t WHEN NEW.v = 13 BEGIN SELECT RAISE(ROLLBACK, 'no 13'); END")
    with pytest.raises(sqlite3.IntegrityError, match="no 13"):
        with transaction(conn):
            conn.execute("INSERT INTO t (v) VALUES (1)")
            with transaction(conn):
                conn.execute("INSERT INTO t (v) VALUES (13)")
    assert not conn.in_transaction and conn.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 0


rows = st.lists(st.fixed_dictionaries({}, optional={"a": st.text(max_size=5), "b": st.integers(-5, 5),
                                                    "c": st.none() | st.floats(allow_nan=False)}), max_size=30)


@settings(max_examples=100, deadline=None)
@given(rows)
def test_bulk_rows_go_in_as_given_whatever_columns_each_names(given_rows):
    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE TABLE "odd ""name""" (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c REAL)')
    assert insert_rows(conn, 'odd "name"', given_rows) == len(given_rows)
    got = [dict(zip("abc", r)) for r in conn.execute('SELECT a, b, c FROM "odd ""name""" ORDER BY id')]
    assert got == [{k: row.get(k) for k in "abc"} for row in given_rows]
    assert not conn.in_transaction


def test_bulk_rows_go_in_whole_or_not_at_all():
    conn = _conn()
    with pytest.raises(ValueError, match="no column 'w'"):
        insert_rows(conn, "t", [{"v": 1}, {"v": 2}, {"w": 3}])
    with pytest.raises(sqlite3.IntegrityError):
        insert_rows(conn, "t", [{"v": 1}, {"v": None}])
    with pytest.raises(ValueError, match="no table"):
        insert_rows(conn, "missing", [{"v": 1}])
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 0 and not conn.in_transaction
    with transaction(conn):  # inside a transaction: a savepoint, so the outer writes stay
        conn.execute("INSERT INTO t (v) VALUES (7)")
        with pytest.raises(ValueError):
            insert_rows(conn, "t", [{"v": 8}, {"w": 9}])
    assert [r[0] for r in conn.execute("SELECT v FROM t")] == [7]

"""The report file's schema, as forward migrations in small named steps.

The schema version of a file is the number of copdesk migrations applied to it (also kept in
PRAGMA user_version for tools that do not know sqlite-utils). Never edit a released migration: add one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # sqlite-utils is imported only when a file is created or migrated (core/report/store.py)
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

STEPS: list[Callable[["Database"], None]] = []


def step(fn: Callable[["Database"], None]) -> Callable[["Database"], None]:
    """Register a migration; its function name is its permanent name in _sqlite_migrations."""
    STEPS.append(fn)
    return fn


def migration_set() -> "Migrations":
    from sqlite_utils.migrations import Migrations
    migrations = Migrations("copdesk")
    for fn in STEPS:
        migrations()(fn)
    return migrations


@step
def m001_initial(db: Database) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("""CREATE TABLE answers (
        code TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        format TEXT NOT NULL DEFAULT 'markdown',
        status TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL DEFAULT '')""")
    db.execute("""CREATE TABLE cells (
        code TEXT NOT NULL,
        row INTEGER NOT NULL,
        col INTEGER NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (code, row, col))""")
    db.execute("CREATE TABLE subscriptions (code TEXT PRIMARY KEY)")
    db.execute("CREATE TABLE crisis_sections (id INTEGER PRIMARY KEY, position INTEGER NOT NULL)")
    db.execute("""CREATE TABLE crisis_items (
        section INTEGER NOT NULL REFERENCES crisis_sections(id),
        code TEXT NOT NULL,
        PRIMARY KEY (section, code))""")
    db.execute("""CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        code TEXT NOT NULL,
        field TEXT NOT NULL,
        old TEXT,
        new TEXT)""")
    db.execute("CREATE INDEX history_code ON history(code)")


@step
def m002_baseline(db: Database) -> None:
    """The previous period's report, kept by `copdesk carry` for later comparisons (meta: baseline_*)."""
    db.execute("""CREATE TABLE baseline_answers (
        code TEXT PRIMARY KEY,
        text TEXT NOT NULL)""")
    db.execute("""CREATE TABLE baseline_cells (
        code TEXT NOT NULL,
        row INTEGER NOT NULL,
        col INTEGER NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (code, row, col))""")




@step
def m003_review(db: Database) -> None:
    """Offline review: comments (ids are UUIDs so copies merge), statuses, named versions, merge choices."""
    db.execute("""CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        cell TEXT NOT NULL DEFAULT '',
        parent TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL,
        initials TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        text TEXT NOT NULL,
        resolved_by TEXT NOT NULL DEFAULT '',
        resolved_at TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX comments_code ON comments(code)")
    db.execute("""CREATE TABLE section_status (
        code TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        by TEXT NOT NULL,
        at TEXT NOT NULL)""")
    db.execute("""CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        data TEXT NOT NULL)""")
    db.execute("""CREATE TABLE merge_conflicts (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        base TEXT,
        mine TEXT,
        theirs TEXT,
        theirs_file TEXT NOT NULL DEFAULT '')""")


@step
def m004_suggestions(db: Database) -> None:
    """Changes a reviewer made in a Word export (copdesk review-import), waiting for the author's decision."""
    db.execute("""CREATE TABLE suggestions (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        cell TEXT NOT NULL DEFAULT '',
        base TEXT,
        text TEXT,
        author TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        tracked INTEGER NOT NULL DEFAULT 1,
        changes INTEGER NOT NULL DEFAULT 1,
        source TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'pending',
        settled_by TEXT NOT NULL DEFAULT '',
        settled_at TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX suggestions_code ON suggestions(code)")


@step
def m005_wording(db: Database) -> None:
    """The official wording and labels a report came with (imported from a filed report): the report keeps
    them whatever the template says later (core/report/wording.py)."""
    db.execute("""CREATE TABLE wording (
        code TEXT PRIMARY KEY,
        wording TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '')""")


@step
def m006_services(db: Database) -> None:
    """A report family: the services one draft reports for (core/rules/services.py). An answer, a table or a
    subscription of one service is stored under its code with the service's name after " @ "
    ("QRE 12.1.1 @ Facebook"); everything else is shared by all of them."""
    db.execute("""CREATE TABLE services (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL)""")


def tables() -> set[str]:
    """The tables the migrations make (core.report.check runs them on an empty database)."""
    from copdesk.core.report.check import expected
    return set(expected(len(STEPS)))


SCHEMA_VERSION = len(STEPS)
KNOWN = [fn.__name__ for fn in STEPS]

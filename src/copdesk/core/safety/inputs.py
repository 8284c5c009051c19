"""Reading what a user gives copdesk without trusting its size or its shape.

A file is read with a cap, never trusted by the size `stat` reports: a device (/dev/zero, /dev/urandom), a
pipe or a FIFO reports 0 bytes and may never end. JSON is parsed with its depth and its numbers bounded
(Python refuses integers of more than 4,300 digits, and deep nesting ends in RecursionError): both become
a message naming the file. Non-regular files are copied (up to the cap) to a private temporary file when
a reader needs to open them more than once.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from copdesk.core.errors import InputError

MB = 1024 * 1024
TEXT_LIMIT = 64 * MB  # an answer or a CSV table given on the command line
JSON_LIMIT = 512 * MB  # a copdesk JSON export, history included


def _size(n: int) -> str:
    return f"{n // MB} MB" if n >= MB else f"{n:,} bytes"


def is_regular(path: Path | str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def read_bytes(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The bytes of `path` (or standard input for "-"), at most `limit`: a larger input is refused with a
    message, whatever kind of file it is."""
    name = "standard input" if str(path) == "-" else str(path)
    try:
        if str(path) == "-":
            data = _read_capped(sys.stdin.buffer, limit, 0)
        else:
            size = os.stat(path).st_size if is_regular(path) else 0
            if size > limit:
                raise InputError(f"{name} is larger than {_size(limit)}: too large for a {what}.")
            with open(path, "rb") as fh:
                data = _read_capped(fh, limit, size)
    except FileNotFoundError:
        raise InputError(f"{name} does not exist.") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a folder, not a {what}.") from None
    except PermissionError:
        raise InputError(f"{name} cannot be read: permission denied.", "Check that you may read it.") from None
    except OSError as exc:
        raise InputError(f"{name} cannot be read: {exc.strerror or exc}.") from None
    if len(data) > limit:
        raise InputError(f"{name} is larger than {_size(limit)}: too large for a {what}.",
                         "Is it the file you meant? Devices and endless streams are read only up to that size.")
    return data


def _read_capped(fh, limit: int, size: int) -> bytes:
    """Up to limit + 1 bytes, read in pieces: one read(limit + 1) would reserve the whole cap at once."""
    chunks = [fh.read(min(limit + 1, size + 1))] if size else []
    total = len(chunks[0]) if chunks else 0
    while total <= limit:
        chunk = fh.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_text(path: Path | str, limit: int = TEXT_LIMIT, what: str = "text file", hint: str = "") -> str:
    """UTF-8 text (a byte-order mark dropped) read with a cap."""
    data = read_bytes(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        name = "standard input" if str(path) == "-" else str(path)
        raise InputError(f"{name} is not UTF-8 text (byte {exc.start}).",
                         hint or "Save it as UTF-8 (in Excel: 'CSV UTF-8').") from None


class JsonLimitError(InputError):
    """JSON nested too deeply, or with a number too long: no report is like that."""


def parse_json(text: str | bytes, where: str) -> Any:
    """JSON, or an InputError naming `where`: invalid JSON, nesting too deep, numbers too long."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    except RecursionError:
        raise JsonLimitError(f"{where} is nested too deeply to be a report.") from None
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise JsonLimitError(f"{where} holds a number too long to read ({str(exc).split(':')[0]}).",
                         "A report's numbers are short; check the file.") from None


@contextmanager
def regular_file(path: Path | str, limit: int) -> Iterator[Path]:
    """`path` itself when it is a regular file; otherwise (a pipe, a FIFO, a device) its first `limit` bytes
    copied into a private temporary file, so readers may open it more than once."""
    path = Path(path)
    if is_regular(path) or not os.path.exists(path):
        yield path
        return
    if os.path.isdir(path):
        raise InputError(f"{path} is a folder, not a report.")
    data = read_bytes(path, limit, "report")
    from copdesk.core.safety.atomic import private_folder, write_new
    import tempfile
    with private_folder(Path(tempfile.gettempdir()) / "copdesk-input") as folder:
        copy = folder / (path.name or "input")
        write_new(copy, data)
        yield copy

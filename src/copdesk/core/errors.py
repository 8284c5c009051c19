"""Errors that carry a message a person can act on.

Every error raised on purpose by the core is a CopdeskError: the CLI prints `message` and exits with
status 2, the window shows it in a dialog. Anything else is a bug and is reported as one.
"""

from __future__ import annotations


class CopdeskError(Exception):
    """An error with a user-facing message: what happened and what to do."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class FormError(CopdeskError):
    """A template file is malformed. Names the file, the line when known, and the node."""

    def __init__(self, file: str, node: str, problem: str, line: int | None = None):
        where = f"{file}, line {line}" if line else file
        super().__init__(f"{where}: {node}: {problem}", "Fix the template file and try again.")
        self.file, self.node, self.problem, self.line = file, node, problem, line


class StoreError(CopdeskError):
    """A report file cannot be opened or written."""


class NotAReportError(StoreError):
    """The file exists but is not a copdesk report (it is left untouched)."""


class NewerSchemaError(StoreError):
    """The report was written by a newer copdesk (it is left untouched)."""


class UnavailableError(StoreError):
    """A report that cannot be read just now (disk full, another program holds it); it is not damaged."""


class DamagedFileError(StoreError):
    """The file is damaged (it is left untouched)."""


class UnknownCodeError(CopdeskError):
    """An answer code the template does not know."""

    def __init__(self, code: str, suggestions: list[str]):
        hint = "Did you mean: " + ", ".join(suggestions) + "?" if suggestions else (
            "Run 'copdesk validate FILE' to see the codes of this report.")
        super().__init__(f"Unknown code '{code}'.", hint)
        self.code, self.suggestions = code, suggestions


class InputError(CopdeskError):
    """A value given by the user is not acceptable (a bad CSV, a bad date, ...)."""

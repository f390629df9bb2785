"""The errors `prep` raises for the user, and the exit codes they map to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    NOT_PASSED = 1
    USAGE = 2
    INTERRUPTED = 130


class PrepError(Exception):
    """An error whose message is written for the user; cli.py prints it and exits with `code`."""

    code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BankError(PrepError):
    """A question file is malformed: the message names the file, the line and the field."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        where = f"{path}:{line}" if line else path
        what = f" field '{field}':" if field else ""
        super().__init__(f"{where}:{what} {problem}")
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem


class UnknownQuestion(PrepError):
    """No question has that id or number."""


class AnswerError(PrepError):
    """An answer file cannot be graded: missing, empty, binary, unparsable or for no question."""


class StoreError(PrepError):
    """The history database cannot be used."""

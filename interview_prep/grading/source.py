"""Reading an answer file once: its text (or one line on what is wrong with it), its syntax tree, its prep line."""

from __future__ import annotations

import ast
import os
import re
import stat
from pathlib import Path

from interview_prep.errors import AnswerError

# `# prep: kmeans` in a solution, or in a Markdown answer (where it is a heading), or as an HTML comment.
PREP_LINE = re.compile(r"^\s*(?:#|<!--|//)\s*prep\s*:\s*([A-Za-z0-9_-]+)", re.MULTILINE)
WRITTEN_SUFFIXES = (".md", ".txt", ".markdown")
# An answer is a page or two; a file far beyond this is a mistake (a log, a data file, /dev/zero).
MAX_ANSWER_BYTES = 1024 * 1024


def read_source(path: Path) -> str:
    """The answer file's text, or an AnswerError that says in one line what is wrong with it."""
    if not path.exists():
        raise AnswerError(f"No such file: {path}")
    if path.is_dir():
        raise AnswerError(f"{path} is a folder; give the answer file inside it.")
    data = _read_limited(path)
    if b"\x00" in data:
        raise AnswerError(f"{path.name} is a binary file, not text; give a .py solution or a .md/.txt answer.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = f"bad byte at offset {exc.start}"
        raise AnswerError(f"{path.name} is not UTF-8 text ({where}); save it as UTF-8.") from None
    if not text.strip():
        raise AnswerError(f"{path.name} is empty; write your answer in it and grade it again.")
    return text


def _read_limited(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_ANSWER_BYTES; refused before reading otherwise.

    Opened without blocking, so a named pipe is refused rather than waited on, and checked
    again on the open descriptor, so a file swapped after the first look is caught too.
    """
    limit = f"{MAX_ANSWER_BYTES // 1024 // 1024} MB"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise AnswerError(f"{path}: cannot be read ({exc.strerror}).") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise AnswerError(f"{path} is not a regular file (a pipe or a device); save the answer in a file.")
        if st.st_size > MAX_ANSWER_BYTES:
            raise AnswerError(f"{path} is {st.st_size / 1024 / 1024:.1f} MB; an answer file must be under {limit}.")
        chunks = []
        size = 0
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:  # it grew while being read
                raise AnswerError(f"{path} is over {limit}; an answer file must be under {limit}.")
        return b"".join(chunks)
    except OSError as exc:
        raise AnswerError(f"{path}: cannot be read ({exc.strerror}).") from None
    finally:
        os.close(fd)


def parse_python(path: Path, source: str) -> ast.Module:
    """The syntax tree of a solution, or an AnswerError with the line and column of its syntax error."""
    try:
        # compile, not only parse: "return outside function" or a late `from __future__` import
        # parse fine but fail at import, and they deserve the same line:col message.
        compile(source, str(path), "exec", dont_inherit=True)
        return ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        line, col = exc.lineno or 0, exc.offset or 0
        raise AnswerError(f"{path.name}:{line}:{col}: {exc.msg} — the file does not parse, so it was not run") from None

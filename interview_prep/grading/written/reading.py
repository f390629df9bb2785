"""Reading a written answer's file: its text, or a one-line refusal when it is code rather than prose."""

from __future__ import annotations

import re
from pathlib import Path

from interview_prep.errors import AnswerError


def read_answer_text(path: Path, question_id: str | None = None) -> str:
    """The text of a written answer file, or AnswerError with a one-line message saying what is wrong."""
    from interview_prep.grading.source import read_source  # the one reader of answer files

    if path.suffix.lower() in {".py", ".ipynb"}:
        ensure_prose(path, "", question_id)
    text = read_source(path)
    ensure_prose(path, text, question_id)
    return text


def ensure_prose(path: Path, text: str, question_id: str | None = None) -> None:
    """Refuse code given to a written question: a .py/.ipynb file, or a text file that is mostly Python."""
    which = f"question {question_id}" if question_id else "this question"
    if path.suffix.lower() in {".py", ".ipynb"}:
        raise AnswerError(f"{path.name} looks like Python code; {which} is answered in writing (a .md or .txt file).")
    if looks_like_python(text):
        raise AnswerError(f"{path.name} looks like Python code; {which} is answered in writing, in sentences.")


_PY_LINE_RE = re.compile(
    r"^\s*(def \w+\(|class \w+[(:]|import \w|from [\w.]+ import |return\b|if __name__|@\w|for \w+ in .*:$"
    r"|while .*:$|\w+\s*=\s*\S)"
)


def looks_like_python(text: str) -> bool:
    """True when most non-blank lines outside Markdown code fences read as Python statements."""
    lines: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            in_fence = not in_fence
            continue
        if not in_fence and line.strip() and not line.strip().startswith("#"):
            lines.append(line)
    if not lines:
        return False
    code = sum(1 for line in lines if _PY_LINE_RE.match(line))
    has_def = any(re.match(r"^\s*(def|class|import|from)\s", line) for line in lines)
    return has_def and code / len(lines) >= 0.5

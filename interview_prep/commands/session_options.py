"""What a timed session is given on the command line; light, so that cli.py can build it at import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SessionOptions:
    """What `prep practice` and `prep mock` both take: where the bank and the solution files are, the
    clock, whether the interviewer asks back, the model judge, and JSON or the screen for the result."""

    bank_dirs: list[Path] | None
    minutes: float | None
    workspace: Path
    follow_ups: bool = True
    judge: str | None = None
    as_json: bool = False

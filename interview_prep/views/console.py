"""The two consoles: results to stdout, diagnostics to stderr, so `--json` output stays clean JSON."""

from __future__ import annotations

import codecs
import sys
import unicodedata
from typing import Any

from rich.console import Console

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


# What prep's own screens use, in ASCII; other characters (a question's or a user's text) lose their
# accents (é -> e) or become '?'.
_ASCII = {
    "·": "-",
    "—": "-",
    "–": "-",
    "✓": "v",
    "✗": "x",
    "…": "...",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "→": "->",
    "←": "<-",
    "≤": "<=",
    "≥": ">=",
    "×": "x",
    "•": "*",
    "█": "#",
    "▇": "#",
    "▆": "=",
    "▅": "=",
    "▄": "-",
    "▃": "-",
    "▂": "_",
    "▁": "_",
}


def _to_ascii(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start : exc.end]:
        plain = _ASCII.get(ch)
        if plain is None:
            decomposed = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
            plain = decomposed or "?"
        out.append(plain)
    return "".join(out), exc.end


codecs.register_error("prep-ascii", _to_ascii)


def degrade_to_ascii() -> None:
    """On a terminal or pipe that cannot take UTF-8 (PYTHONIOENCODING=ascii, a C locale without UTF-8
    mode), write what it cannot encode in ASCII instead of ending in a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "—✓█".encode(encoding)
        except UnicodeEncodeError:
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="prep-ascii")
        except LookupError:
            pass


def error(message: str) -> None:
    """One plain line on stderr. Not Rich markup: messages quote user text with brackets in it."""
    print(f"Error: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def show_markdown(text: str, console: Console = out) -> None:
    from rich.markdown import Markdown  # lazily: rich.markdown pulls in markdown-it

    console.print(Markdown(text))

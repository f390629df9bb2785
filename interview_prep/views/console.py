"""The two consoles: results to stdout, diagnostics to stderr, so `--json` output stays clean JSON."""

from __future__ import annotations

import codecs
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console

if TYPE_CHECKING:
    from rich.table import Table


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Rich exits 1 when the reader goes away; a closed pipe is the reader's business, not a
        failure: stay quiet from now on and let output_may_close() keep the command's exit code."""
        self.quiet = True
        raise BrokenPipeError


out = _Console(highlight=False)
err = _Console(stderr=True, highlight=False)


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


def error(message: str, *, as_json: bool = False, code: int = 2) -> None:
    """One plain line on stderr. Not Rich markup: messages quote user text with brackets in it.

    With `as_json`, one JSON object instead, so a script reading `--json` output reads errors too.
    """
    if as_json:
        import json

        print(json.dumps({"error": message, "exit_code": int(code)}, ensure_ascii=False), file=sys.stderr)
    else:
        print(f"Error: {message}", file=sys.stderr)


def note(message: str) -> None:
    """One plain line on stderr that does not change the outcome (the model judge was not used, say)."""
    print(f"Note: {message}", file=sys.stderr)


@contextmanager
def output_may_close() -> Iterator[None]:
    """A reader that stops reading (`prep grade FILE | head -1`, a pager quit) ends our output, not
    the command: the work done (a grade and its record in the history) and the exit code stand.

    Output is flushed here, so a pipe closed after the last write is caught here too, and then
    stdout is pointed at /dev/null, so that nothing (Python's own flush at exit) writes to it again.
    """
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        import os

        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):  # no real file descriptor (a test's captured stdout)
            pass


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def rows_table(title: str, caption: str | None = None, **options: Any) -> Table:
    """A table of rows as prep lists them: title and caption at the left, a rule under the heads;
    `options` go to Rich's Table (no edge, no padding where 80 columns are tight)."""
    from rich import box
    from rich.table import Table

    return Table(
        title=title, title_justify="left", caption=caption, caption_justify="left", box=box.SIMPLE_HEAD, **options
    )


def show_markdown(text: str, console: Console = out) -> None:
    from rich.markdown import Markdown  # lazily: rich.markdown pulls in markdown-it

    console.print(Markdown(text))

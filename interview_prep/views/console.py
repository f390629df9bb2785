"""The two consoles: results to stdout, diagnostics to stderr, so `--json` output stays clean JSON."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def error(message: str) -> None:
    """One plain line on stderr. Not Rich markup: messages quote user text with brackets in it."""
    print(f"Error: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def show_markdown(text: str, console: Console = out) -> None:
    from rich.markdown import Markdown  # lazily: rich.markdown pulls in markdown-it

    console.print(Markdown(text))

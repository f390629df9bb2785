"""SIGTERM and SIGHUP (a closed terminal window) end `prep` the way Ctrl-C does: by an exception.

Python turns SIGINT into KeyboardInterrupt, so every `finally` and `except KeyboardInterrupt`
runs: the attempt in progress is saved as abandoned, the sandbox's child is killed, temporary
folders are removed. By default TERM and HUP kill the process on the spot and all of that is
skipped; here they raise Terminated (a KeyboardInterrupt) instead, so the same cleanup runs.

An event loop (the live prompt's) must not have an exception raised into whatever callback it
happens to be running: it is left half-closed and asyncio prints a traceback of its own. While one
runs, its owner hands the signal to the loop with `diverted`, and the loop ends itself with it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(KeyboardInterrupt):
    """The process was asked to end by a signal other than SIGINT."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


# The innermost taker of a signal, or none: raise it where the main thread is.
_takers: list[Callable[[Terminated], bool]] = []


@contextmanager
def diverted(take: Callable[[Terminated], bool]) -> Iterator[None]:
    """While inside, a TERM or HUP is handed to `take` instead of raised. `take` must only schedule
    the exception (it runs in a signal handler) and returns False when it cannot, e.g. because its
    loop has stopped; then the exception is raised as usual."""
    _takers.append(take)
    try:
        yield
    finally:
        _takers.remove(take)


@contextmanager
def signals_as_interrupts() -> Iterator[None]:
    """While inside, TERM and HUP raise Terminated in the main thread (once: a second one is ignored,
    so that the cleanup the first one started can finish)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        for s in SIGNALS:
            signal.signal(s, signal.SIG_IGN)
        terminated = Terminated(signum)
        if _takers and _takers[-1](terminated):
            return
        raise terminated

    previous = {s: signal.signal(s, handler) for s in SIGNALS}
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)

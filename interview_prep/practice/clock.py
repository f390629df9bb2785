"""Time in a session: the clock a session is given (the system's, or a test's), and the countdown it runs."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def monotonic(self) -> float:
        return time.monotonic()


def format_duration(seconds: float) -> str:
    """4:05, 1:02:03; whole seconds, rounded up while counting down so 0:00 means done."""
    s = max(0, int(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


class Countdown:
    """Time left on one question; the UI reads it to draw, the session to decide over-time."""

    def __init__(self, clock: Clock, limit_s: float) -> None:
        self.clock = clock
        self.limit_s = limit_s
        self.started = clock.monotonic()

    def elapsed(self) -> float:
        return self.clock.monotonic() - self.started

    def remaining(self) -> float:
        return self.limit_s - self.elapsed()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def label(self) -> str:
        left = self.remaining()
        if left > 0:
            # Round up: a display that reads 0:00 while time is left would mislead.
            return f"{format_duration(-(-left // 1))} left"
        return f"time is up ({format_duration(-left)} over)"


__all__ = ["Clock", "Countdown", "SystemClock", "format_duration"]

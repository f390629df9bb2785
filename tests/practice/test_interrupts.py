"""TERM and HUP end prep as Ctrl-C does; while a live prompt runs, its event loop takes the signal."""

from __future__ import annotations

import os
import signal

import pytest

from interview_prep.interrupts import Terminated, diverted, signals_as_interrupts


def test_a_term_signal_is_raised_as_terminated_where_the_main_thread_is() -> None:
    with pytest.raises(Terminated) as raised, signals_as_interrupts():
        os.kill(os.getpid(), signal.SIGTERM)
    assert raised.value.signum == signal.SIGTERM and isinstance(raised.value, KeyboardInterrupt)


def test_a_taker_gets_the_signal_instead_of_it_being_raised_into_its_loop() -> None:
    taken: list[Terminated] = []
    with signals_as_interrupts(), diverted(lambda t: taken.append(t) is None):
        os.kill(os.getpid(), signal.SIGHUP)
    assert [t.signum for t in taken] == [signal.SIGHUP]


def test_a_taker_whose_loop_has_stopped_lets_the_signal_be_raised() -> None:
    with pytest.raises(Terminated), signals_as_interrupts(), diverted(lambda t: False):
        os.kill(os.getpid(), signal.SIGTERM)


def test_the_previous_handlers_come_back_afterwards() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with signals_as_interrupts():
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before

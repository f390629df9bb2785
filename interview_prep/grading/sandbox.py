"""The one place that runs untrusted code: a child process under limits, with a results pipe.

The child is `python -I harness.py JOB_DIR FD` in its own session and a fresh temporary working
directory, with a minimal environment and rlimits on CPU time, address space, processes and file
size. Its stdout and stderr are captured up to a cap (the rest is drained and dropped, so output
spam cannot block it or fill memory). Results come back on an inherited pipe, not on stdout, which
user code is free to print to. On timeout, and after every run, the whole process group is killed,
so a forked child that keeps running dies with it.
"""

from __future__ import annotations

import json
import math
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
else:
    from interview_prep.grading.lazynp import np


HARNESS = Path(__file__).with_name("harness.py")
GIB = 1024**3


@dataclass(frozen=True)
class Limits:
    """What the child may use. CPU time defaults to the wall time plus a second."""

    wall_seconds: float
    cpu_seconds: float | None = None
    # numpy + OpenBLAS reserve a few hundred MB of address space at import; 2 GiB leaves room
    # for the suites' inputs and refuses a runaway allocation at once (MemoryError in the child).
    address_space_bytes: int = 2 * GIB
    # RLIMIT_NPROC counts every process of the user, so 1 means "no new processes". (It is not
    # enforced for root; killing the process group is what stops a fork there.)
    max_processes: int = 1
    max_file_bytes: int = 16 * 1024**2
    output_bytes: int = 64 * 1024
    results_bytes: int = 256 * 1024**2


@dataclass
class ChildRun:
    """What one child run left behind: its records, how it ended, and the start of its output."""

    records: list[dict[str, Any]]
    returncode: int | None
    timed_out: bool
    seconds: float
    stdout: str
    stderr: str
    output_truncated: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def signal_name(self) -> str | None:
        """The signal that killed the child, if one did (SIGKILL, SIGXCPU, SIGSEGV ...)."""
        if self.returncode is None or self.returncode >= 0:
            return None
        try:
            return signal.Signals(-self.returncode).name
        except ValueError:
            return f"signal {-self.returncode}"


class _Drain(threading.Thread):
    """Reads a pipe to its end, keeping only the first `cap` bytes."""

    def __init__(self, stream: IO[bytes] | int, cap: int) -> None:
        super().__init__(daemon=True)
        self.fd = stream if isinstance(stream, int) else stream.fileno()
        self.cap = cap
        self.data = bytearray()
        self.truncated = False

    def run(self) -> None:
        try:
            while chunk := os.read(self.fd, 1 << 16):
                room = self.cap - len(self.data)
                if room > 0:
                    self.data += chunk[:room]
                if len(chunk) > max(room, 0):
                    self.truncated = True
        except OSError:
            pass


def _set(which: int, soft: int, hard: int | None = None) -> None:
    # Never raise here: an exception in preexec_fn would crash prep. Where a platform refuses a
    # limit (macOS and RLIMIT_AS, containers and RLIMIT_NPROC), the wall-time kill still holds.
    try:
        _, current_hard = resource.getrlimit(which)
        hard = soft if hard is None else hard
        if current_hard != resource.RLIM_INFINITY:
            soft, hard = min(soft, current_hard), min(hard, current_hard)
        resource.setrlimit(which, (soft, hard))
    except (ValueError, OSError):
        pass


def _limit_child(limits: Limits) -> Callable[[], None]:
    cpu = limits.cpu_seconds if limits.cpu_seconds is not None else limits.wall_seconds + 1

    def apply() -> None:  # runs in the child between fork and exec
        cpu_s = max(1, math.ceil(cpu))
        _set(resource.RLIMIT_CPU, cpu_s, cpu_s + 1)
        _set(resource.RLIMIT_AS, limits.address_space_bytes)
        _set(resource.RLIMIT_FSIZE, limits.max_file_bytes)
        _set(resource.RLIMIT_CORE, 0)
        _set(resource.RLIMIT_NPROC, limits.max_processes)

    return apply


def _child_env(hash_seed: int | None) -> dict[str, str]:
    # Nothing from the user's environment: no PYTHONPATH, no credentials, no thread-count surprises.
    env = {
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = str(hash_seed)
    return env


def _command(job_dir: str, fd: int, hash_seed: int | None) -> list[str]:
    if hash_seed is None:
        return [sys.executable, "-I", str(HARNESS), job_dir, str(fd)]
    # -I implies -E, which ignores PYTHONHASHSEED. A run that must pin the hash seed (to show that
    # a result does not depend on set order) uses -s and -P instead: no user site-packages, no
    # script dir on sys.path; the environment is ours alone either way, so -E adds nothing there.
    flags = ["-s", "-P"] if sys.version_info >= (3, 11) else ["-s"]
    return [sys.executable, *flags, str(HARNESS), job_dir, str(fd)]


def _parse_records(raw: bytes) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for line in raw.split(b"\n"):
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError:  # a record cut short by a kill: everything before it still counts
            break
        if isinstance(record, dict):
            records.append(record)
    return records


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_harness(
    job: Mapping[str, Any],
    arrays: Mapping[str, np.ndarray],
    limits: Limits,
    *,
    hash_seed: int | None = None,
) -> ChildRun:
    """Run the harness on `job` (solution path, calls) with input `arrays`; never raises for user code."""
    with (
        tempfile.TemporaryDirectory(prefix="prep-job-") as job_dir,
        tempfile.TemporaryDirectory(prefix="prep-run-") as work_dir,
    ):
        with open(os.path.join(job_dir, "job.json"), "w", encoding="utf-8") as f:
            # dumps, not dump: dump encodes in pure Python, one small write per token (a tree
            # question's 16,000-node inputs made that about 0.1 s of each grade); dumps uses the C encoder.
            f.write(json.dumps(job))
        # One .npy per array, not one .npz: reading a zip costs each child the zipfile import; and
        # without arrays the child need not import NumPy to read them.
        for key, array in arrays.items():
            np.save(os.path.join(job_dir, f"{key}.npy"), array, allow_pickle=False)
        read_fd, write_fd = os.pipe()
        start = time.monotonic()
        try:
            proc = subprocess.Popen(
                _command(job_dir, write_fd, hash_seed),
                cwd=work_dir,
                env=_child_env(hash_seed),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=(write_fd,),
                start_new_session=True,
                preexec_fn=_limit_child(limits),
                close_fds=True,
            )
        finally:
            os.close(write_fd)  # the child holds the only write end: EOF comes when it is gone
        assert proc.stdout is not None and proc.stderr is not None
        drains = [
            _Drain(proc.stdout, limits.output_bytes),
            _Drain(proc.stderr, limits.output_bytes),
            _Drain(read_fd, limits.results_bytes),
        ]
        for d in drains:
            d.start()
        # Popen.wait(timeout) polls, sleeping up to 50 ms between looks: a blocking wait in a thread
        # wakes the moment the child exits (every grade runs two or three children).
        waiter = threading.Thread(target=proc.wait, daemon=True)
        waiter.start()
        try:
            waiter.join(timeout=limits.wall_seconds)
            timed_out = waiter.is_alive()
        finally:
            # Always: the leader may have exited while a forked child of it keeps running.
            _kill_group(proc.pid)
            proc.wait()
        seconds = time.monotonic() - start
        for d in drains:
            # Only a process that escaped the group (setsid) could still hold a pipe open.
            d.join(timeout=2)
        if not drains[2].is_alive():  # never close an fd under a thread still reading it
            os.close(read_fd)
        proc.stdout.close()
        proc.stderr.close()
        out, err, res = drains
        return ChildRun(
            records=_parse_records(bytes(res.data)),
            returncode=proc.returncode,
            timed_out=timed_out,
            seconds=seconds,
            stdout=out.data.decode("utf-8", "replace"),
            stderr=err.data.decode("utf-8", "replace"),
            output_truncated=out.truncated or err.truncated,
        )

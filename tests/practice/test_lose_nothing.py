"""Issue 12, "Work and grades that are lost" and "Crashes and hangs": each case reproduced, then held to its fix."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from histories import graded
from rich.console import Console
from samples import GOOD
from typer.testing import CliRunner

from interview_prep import __version__
from interview_prep.bank import Bank, load_bank
from interview_prep.cli import app
from interview_prep.errors import BankError, StoreError
from interview_prep.interrupts import Terminated
from interview_prep.practice.session import (
    DRAFT_SAVE_S,
    Countdown,
    SessionInterrupted,
    WrittenAnswer,
    run_session,
)
from interview_prep.practice.ui import LineReader, PlainUI
from interview_prep.store import ABANDONED, Store, open_store
from interview_prep.store.opening import heal_companions

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def prep(prep_home: Path, *args: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child, so encodings, signals and hangs are what a user would get."""
    full = dict(os.environ, PREP_HOME=str(prep_home), PYTHONPATH=str(REPO), COLUMNS="120")
    full.update(env)
    return subprocess.run(
        [sys.executable, "-m", "interview_prep", *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=timeout,
        errors="replace",
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    return line


# --- prep grade on what is not an answer file ----------------------------------------------


def test_grade_refuses_a_device_before_reading_it(prep_home: Path) -> None:
    line = one_line_error(prep(prep_home, "grade", "/dev/zero", "-q", "bce", timeout=30))
    assert "not a regular file" in line


def test_grade_refuses_a_named_pipe_instead_of_hanging(prep_home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    line = one_line_error(prep(prep_home, "grade", str(fifo), timeout=30))
    assert "not a regular file" in line and str(fifo) in line


def test_grade_refuses_a_file_over_a_megabyte(prep_home: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("word " * 300_000)
    line = one_line_error(prep(prep_home, "grade", str(big), "-q", "bias-variance"))
    assert "1.4 MB" in line and "under 1 MB" in line


# --- $PREP_BANK naming a folder that is gone ------------------------------------------------


def test_a_missing_prep_bank_folder_warns_once_and_every_command_carries_on(prep_home: Path, tmp_path: Path) -> None:
    gone = tmp_path / "my-pack-that-moved"
    for args in (["list", "--json"], ["history"], ["stats", "--json"], ["show", "kmeans"]):
        result = prep(prep_home, *args, PREP_BANK=str(gone))
        assert result.returncode == 0, (args, result.stderr)
        [warning] = result.stderr.strip().splitlines()
        assert warning == f"Warning: $PREP_BANK names {gone}, which is not a folder; its questions were left out."
    # Typed on the command line, a missing folder is still an error.
    assert prep(prep_home, "list", "--bank", str(gone)).returncode == 2


# --- a typed answer survives Ctrl-C, SIGTERM and SIGHUP ---------------------------------------


@pytest.mark.parametrize("signum", [None, signal.SIGTERM, signal.SIGHUP])
def test_a_typed_answer_is_saved_as_typed_and_kept_when_the_session_is_stopped(
    bank: Bank, make_ctx: Any, clock: Any, store: Store, signum: int | None
) -> None:
    ctx, ui, _ = make_ctx()

    def type_then_stop(countdown: Countdown) -> WrittenAnswer:
        assert ui.keep is not None
        clock.advance(DRAFT_SAVE_S)
        ui.keep("Batch norm keeps running statistics")
        [attempt] = store.attempts()  # saved while still being typed: a kill -9 would keep it too
        assert (attempt.status, attempt.answer) == ("in-progress", "Batch norm keeps running statistics")
        ui.keep("Batch norm keeps running statistics for inference")  # not saved yet: too soon
        raise KeyboardInterrupt if signum is None else Terminated(signum)

    ui.written.append(type_then_stop)
    with pytest.raises(SessionInterrupted) as info:
        run_session(bank.get("batchnorm"), ctx)
    assert info.value.resumable == "batchnorm"
    assert info.value.signal_name == (None if signum is None else signal.Signals(signum).name)
    [attempt] = store.attempts()
    assert attempt.status == ABANDONED
    assert attempt.answer == "Batch norm keeps running statistics for inference"

    # The next attempt of that question offers to carry on from it, and starts from that text.
    ctx, ui, _ = make_ctx()
    ui.confirms.append(True)
    ui.written.append(lambda countdown: WrittenAnswer(ui.drafts[-1] + " and batch statistics in training.", False))
    result = run_session(bank.get("batchnorm"), ctx)
    assert "ended before it was graded, with 7 words typed" in ui.messages[1]
    assert ui.drafts == ["Batch norm keeps running statistics for inference"]
    assert store.attempt(result.attempt_id).answer == (
        "Batch norm keeps running statistics for inference and batch statistics in training."
    )
    # Graded now: nothing is offered again.
    ctx, ui, _ = make_ctx()
    ui.written.append(lambda countdown: WrittenAnswer("fresh", False))
    run_session(bank.get("batchnorm"), ctx)
    assert ui.drafts == [""]


def test_the_plain_prompt_keeps_a_resumed_answer_and_adds_to_it(clock: Any) -> None:
    r, w = os.pipe()
    os.write(w, b"second line\n.\n")
    os.close(w)
    out = Console(record=True, width=100, file=open(os.devnull, "w"))  # noqa: SIM115
    ui = PlainUI(out, lambda *a: None, lambda *a: None, reader=LineReader(r))
    kept: list[str] = []
    answer = ui.read_written(Countdown(clock, 60), "first line", kept.append)
    assert answer.text == "first line\nsecond line" and kept == ["first line\nsecond line"]
    assert "your answer so far is kept" in out.export_text()


# --- a stopped grade leaves no temporary folders ----------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stopped_grade_leaves_no_temporary_folders(prep_home: Path, tmp_path: Path, signum: int) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    solution = tmp_path / "slow.py"
    solution.write_text("# prep: bce\nimport time\n\ndef bce_loss(*args, **kwargs):\n    time.sleep(60)\n")
    env = dict(os.environ, PREP_HOME=str(prep_home), PYTHONPATH=str(REPO), TMPDIR=str(tmp))
    proc = subprocess.Popen(
        [sys.executable, "-m", "interview_prep", "grade", str(solution), "--timeout", "60"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not list(tmp.glob("prep-run-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp.glob("prep-job-*")), "the grade never started its child"
    time.sleep(0.3)  # the child is running the suite
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp.iterdir()) == []


# --- the bank's parse cache ------------------------------------------------------------------


def _cache(prep_home: Path) -> Path:
    return prep_home / "cache" / "bank.json"


def _snapshot(prep_home: Path) -> Path:
    return prep_home / "cache" / "bank.pickle"


@pytest.mark.parametrize(
    "stored",
    [
        lambda v: [],
        lambda v: {"version": v, "files": []},
        lambda v: {"version": v, "files": {"x": []}},
        lambda v: {"version": v, "files": {"x": {"stamp": "now", "data": {}}}},
    ],
)
def test_a_cache_of_the_wrong_shape_is_ignored_and_rewritten(prep_home: Path, stored: Any) -> None:
    _cache(prep_home).parent.mkdir(parents=True)
    _cache(prep_home).write_text(json.dumps(stored(__version__)))
    result = runner.invoke(app, ["list", "--json"])
    assert result.exit_code == 0, result.output
    healed = json.loads(_cache(prep_home).read_text())
    assert healed["version"] == __version__ and len(healed["files"]) == len(load_bank().questions)


def test_a_cached_entry_with_damaged_data_is_parsed_again(prep_home: Path) -> None:
    load_bank()
    cache = json.loads(_cache(prep_home).read_text())
    for entry in cache["files"].values():
        entry["data"] = {"rubric": 7}
    _cache(prep_home).write_text(json.dumps(cache))
    _snapshot(prep_home).unlink()  # else the whole bank comes from the snapshot, without the parse cache
    assert len(load_bank().questions) == len(cache["files"])


def test_the_cache_keeps_only_the_files_of_the_banks_in_use(prep_home: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "q.yaml").write_text(GOOD)
    builtin = len(load_bank().questions)
    load_bank([pack])
    assert len(json.loads(_cache(prep_home).read_text())["files"]) == builtin + 1
    (pack / "q.yaml").unlink()
    load_bank([pack])
    assert len(json.loads(_cache(prep_home).read_text())["files"]) == builtin


def test_the_bank_snapshot_is_used_only_while_every_file_and_folder_is_as_it_was(
    prep_home: Path, tmp_path: Path
) -> None:
    """`prep list` unpickles the last bank instead of validating every file again, but an edited, added or
    removed question, another --bank, or a damaged snapshot loads the files again."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "q.yaml").write_text(GOOD)
    first = load_bank([pack])
    assert _snapshot(prep_home).is_file()
    _cache(prep_home).write_text("{}")  # the parse cache is not read while the snapshot holds
    assert load_bank([pack]) == first and _cache(prep_home).read_text() == "{}"
    (pack / "q.yaml").write_text(GOOD.replace("title: ", "title: Edited ", 1))
    edited = load_bank([pack])
    assert edited.get("my-question").title.startswith("Edited ")
    assert "my-question" not in {q.id for q in load_bank().questions}  # without the pack: not its snapshot
    (pack / "q2.yaml").write_text(GOOD.replace("my-question", "my-second").replace("number: 101", "number: 102"))
    assert {"my-question", "my-second"} <= {q.id for q in load_bank([pack]).questions}
    _snapshot(prep_home).write_bytes(b"not a pickle")
    assert load_bank([pack]).get("my-second").number == 102
    assert _snapshot(prep_home).read_bytes() != b"not a pickle"  # rewritten


def test_a_yaml_alias_bomb_is_refused_before_it_is_expanded(prep_home: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    (pack / "bomb.yaml").write_text(GOOD.replace("rubric:", "\n".join(levels) + "\nrubric:"))
    with pytest.raises(BankError, match=r"bomb\.yaml:\d+: expands \(through YAML aliases\) to more than 50,000"):
        load_bank([pack])
    result = runner.invoke(app, ["list"], env={"PREP_BANK": str(pack)})
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not _cache(prep_home).exists() or _cache(prep_home).stat().st_size < 1_000_000


def test_an_alias_that_refers_to_itself_is_one_bank_error(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").write_text(GOOD.replace("rubric:", "loop: &x [*x]\nrubric:"))
    with pytest.raises(BankError, match="alias that refers to itself"):
        load_bank([tmp_path])


def test_a_question_file_over_a_megabyte_is_refused_unread(tmp_path: Path) -> None:
    (tmp_path / "huge.yaml").write_text(GOOD.replace("Say it.", "Say it. " * 200_000))
    with pytest.raises(BankError, match=r"huge\.yaml: is 1\.5 MB; a question file must be under 1 MB"):
        load_bank([tmp_path])


# --- a terminal that cannot take UTF-8 --------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}])
def test_without_utf8_every_screen_degrades_to_ascii(prep_home: Path, tmp_path: Path, env: dict[str, str]) -> None:
    answer = tmp_path / "answer.md"
    answer.write_text("Bias is error from wrong assumptions — underfitting; variance is sensitivity to noise.")
    runs = [
        (["grade", str(REPO / "solutions" / "bce.py")], None),
        (["grade", str(answer), "-q", "bias-variance"], None),
        (["show", "kmeans", "--rubric"], None),
        (["stats"], None),
        (["history"], None),
        (["practice", "-q", "bias-variance", "--minutes", "1"], "Bias — underfitting; variance — overfitting.\n.\ng\n"),
    ]
    for args, stdin in runs:
        full = dict(os.environ, PREP_HOME=str(prep_home), PYTHONPATH=str(REPO), COLUMNS="120", **env)
        if "PYTHONIOENCODING" not in env:
            full.pop("PYTHONIOENCODING", None)  # the locale alone decides
        result = subprocess.run(
            [sys.executable, "-m", "interview_prep", *args],
            env=full,
            input=None if stdin is None else stdin.encode(),
            capture_output=True,
            timeout=120,
        )
        assert result.returncode in (0, 1), (args, result.stderr.decode(errors="replace"))
        assert b"Traceback" not in result.stderr and b"UnicodeEncodeError" not in result.stderr
        result.stdout.decode("ascii")  # nothing but ASCII reached the terminal
        assert result.stdout.strip(), args


# --- a history, or its folder, that cannot be written -----------------------------------------


def test_companion_files_left_read_only_get_the_history_s_mode_back_before_it_is_opened(prep_home: Path) -> None:
    store = open_store()
    graded(store)
    store.close()
    path = prep_home / "history.sqlite3"
    companions = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    for c in companions:  # what SQLite leaves after a read of a chmod 444 history, once it is 0644 again
        c.write_bytes(b"")
        c.chmod(0o444)
    heal_companions(path)
    assert [stat.S_IMODE(c.stat().st_mode) for c in companions] == [0o644, 0o644]


def _as_an_ordinary_user(body: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run `body` where file modes hold. As root (who writes a 0444 file anyway) it runs once here,
    which loads every module it needs, then again in a forked child that has become `nobody`, in a
    fresh $PREP_HOME that user can reach: the child needs no access to the interpreter's folders."""
    body()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    import shutil
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="prep-nobody-"))  # in /tmp, which everyone may enter
    os.chown(home, 65534, 65534)
    monkeypatch.setenv("PREP_HOME", str(home))
    try:
        pid = os.fork()
        if pid == 0:  # the child reports by exit code and never returns into pytest
            code = 1
            try:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
                body()
                code = 0
            except BaseException:
                import traceback

                traceback.print_exc()
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, "it failed as an ordinary user (traceback above)"
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_after_chmod_444_and_back_grades_are_saved_again(monkeypatch: pytest.MonkeyPatch) -> None:
    def body() -> None:
        store = open_store()
        graded(store)
        store.close()
        path = Path(os.environ["PREP_HOME"]) / "history.sqlite3"
        path.chmod(0o444)
        reader = open_store(read_only=True)  # prep list, history, stats: SQLite makes -wal and -shm, 0444
        assert [a.answer for a in reader.attempts()] == ["my answer"]
        reader.close()
        path.chmod(0o644)
        store = open_store()
        try:
            graded(store)
            assert len(store.attempts()) == 2
        finally:
            store.close()

    _as_an_ordinary_user(body, monkeypatch)


def test_a_read_only_history_still_lists_and_a_write_names_the_file_and_the_fix(prep_home: Path) -> None:
    store = open_store()
    attempt = graded(store)
    store.close()
    path = prep_home / "history.sqlite3"
    path.chmod(0o444)
    try:
        for args in (["list", "--json"], ["history"], ["history", "--show", str(attempt)], ["stats", "--json"]):
            result = runner.invoke(app, args)
            assert result.exit_code == 0, (args, result.output)
        assert "my answer" in runner.invoke(app, ["history", "--show", str(attempt)]).stdout
        with pytest.raises(StoreError, match=rf"the history file {path} is read-only \(-r--r--r--\); `chmod u\+w"):
            open_store()
        grading = runner.invoke(app, ["grade", str(REPO / "solutions" / "bce.py"), "--json"])
        assert grading.exit_code == 0
        assert "Warning: the grade was not saved" in grading.stderr and f"chmod u+w {path}" in grading.stderr
    finally:
        path.chmod(0o644)


def test_a_read_only_data_folder_still_lists_history_and_stats(prep_home: Path) -> None:
    store = open_store()
    attempt = graded(store)
    store.close()
    prep_home.chmod(0o555)
    try:
        before = sorted(p.name for p in prep_home.iterdir())
        for args in (["list", "--json"], ["history"], ["stats", "--json"]):
            result = runner.invoke(app, args)
            assert result.exit_code == 0, (args, result.output)
            assert "Traceback" not in result.output
        assert "batchnorm" in runner.invoke(app, ["history"]).stdout
        assert json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["questions"][0]["attempts"] == 1
        assert str(attempt) in runner.invoke(app, ["history"]).stdout
        with pytest.raises(StoreError, match=rf"the data folder {prep_home} is read-only \(dr-xr-xr-x\)"):
            open_store()
        after = sorted(p.name for p in prep_home.iterdir() if not p.name.endswith(("-wal", "-shm")))
        assert [n for n in after if n != "cache"] == before  # nothing set aside, nothing new
    finally:
        prep_home.chmod(0o755)


# --- a damaged history is salvaged ------------------------------------------------------------


def test_a_history_with_a_damaged_index_page_keeps_every_attempt(prep_home: Path) -> None:
    store = open_store()
    ids = [graded(store, f"question-{i:03d}-" + "x" * 40) for i in range(200)]  # an index of several pages
    store.take_help("question-007-" + "x" * 40, "hint", now=T0)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    [(root,)] = store.conn.execute("SELECT rootpage FROM sqlite_master WHERE name='attempts_question'").fetchall()
    [(page_size,)] = store.conn.execute("PRAGMA page_size").fetchall()
    store.close()
    path = prep_home / "history.sqlite3"
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size  # the index's root page, and nothing else
    path.write_bytes(bytes(data))

    result = runner.invoke(app, ["history", "-n", "500"])
    assert result.exit_code == 0, result.output
    [warning] = result.stderr.strip().splitlines()
    assert warning.startswith(f"Warning: The history file {path} was damaged (parts of it can no longer be read)")
    assert warning.endswith("with the 200 attempts that could still be read.")
    assert "malformed" not in warning and "sqlite" not in warning.replace("history.sqlite3", "")
    [aside] = [p for p in prep_home.glob("history.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert aside.name in warning
    fresh = open_store()
    assert [a.id for a in fresh.attempts()] == ids
    assert fresh.hints_pending("question-007-" + "x" * 40, now=T0) == 1  # help_taken came along too
    assert "question-199" in result.stdout


# --- the history deleted during a session -----------------------------------------------------


def test_a_history_deleted_during_a_session_is_said_and_the_attempt_saved_again(
    prep_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import interview_prep.grading.answer
    from interview_prep.grading.report import GradeReport

    store = open_store()
    for _ in range(6):
        graded(store)
    store.close()
    path = prep_home / "history.sqlite3"

    def delete_then_grade(question: Any, file: Path, source: str, **kw: Any) -> GradeReport:
        for p in prep_home.glob("history.sqlite3*"):
            p.unlink()  # `rm ~/.local/share/prep/history.sqlite3*` in another terminal
        return GradeReport(question.id, "written", 90.0, True, (), {"grader_version": "fake 1"})

    monkeypatch.setattr(interview_prep.grading.answer, "grade_answer", delete_then_grade)
    result = runner.invoke(
        app,
        ["practice", "-q", "batchnorm", "--minutes", "5", "-w", str(tmp_path / "w")],
        input="Running statistics at inference.\n.\ng\n",
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert f"the history file {path} was deleted during the session" in result.stderr
    assert "Attempt #7 is in" not in result.stdout
    [again] = open_store().attempts()
    assert again.answer == "Running statistics at inference." and again.score == 90.0
    assert again.self_rating == "good" and open_store().card("batchnorm") is not None
    assert f"Attempt #{again.id} is in `prep history`." in result.stdout

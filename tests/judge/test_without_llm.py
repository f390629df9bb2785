"""prep without the optional llm library: everything works as before, and asking for a judge is one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# The installed prep with `import llm` failing, as on a machine without the extra.
WITHOUT_LLM = (
    "import sys; sys.modules['llm'] = None; sys.argv = ['prep', *sys.argv[1:]]; "
    "from interview_prep.cli import main; main()"
)
ANSWER = "Bias is error from wrong assumptions. Variance is error from sensitivity to the training set."


def prep(*args: str, blocked: bool = True) -> subprocess.CompletedProcess[str]:
    code = WITHOUT_LLM if blocked else WITHOUT_LLM.replace("sys.modules['llm'] = None; ", "")
    env = {**os.environ, "COLUMNS": "80"}
    env.pop("PREP_JUDGE", None)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.slow
def test_prep_grades_the_same_without_llm_and_a_judge_asked_for_is_one_line(tmp_path: Path) -> None:
    answer = tmp_path / "answer.md"
    answer.write_text(ANSWER)
    grade = ["grade", str(answer), "-q", "bias-variance", "--json"]
    with_llm = prep(*grade, blocked=False)
    without = prep(*grade)
    assert without.returncode == with_llm.returncode == 1 and without.stderr == ""
    assert json.loads(without.stdout) == json.loads(with_llm.stdout)

    judged = prep(*grade, "--judge", "llama3.2")
    assert judged.returncode == 1 and "Traceback" not in judged.stderr
    assert (
        judged.stderr.count("\n") == 1 and "needs the llm library: pip install 'interview-prep[llm]'" in judged.stderr
    )
    assert json.loads(judged.stdout) == json.loads(without.stdout)  # the rubric grade, recorded like any other
    history = json.loads(prep("history", "--json").stdout)["attempts"]
    assert [a["grader"] for a in history] == ["rubric"] * 3

    check = prep("judge", "check", "llama3.2")
    assert check.returncode == 1 and "needs the llm library" in check.stdout and "Traceback" not in check.stderr

"""The personal pack a résumé makes: a deep-dive question per project or experience entry, and the catalogue's
questions for every technique it claims, written as plain YAML files into the user's data folder.

Ids come from the entry's title (`cv-dive-<slug>`) and the technique (`cv-<technique>-<question>`), and
numbers from a hash of the id (500 and up, clear of the built-in bank), so that reading an edited résumé again
keeps each question's history and schedule.
"""

from __future__ import annotations

import os
import shutil
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview_prep import paths
from interview_prep.bank import schema
from interview_prep.models import Question
from interview_prep.resume.catalogue import ID_PREFIX, Technique, pack_question_data
from interview_prep.resume.parse import Entry, Resume

MAX_DEEP_DIVES = 5
DEEP_DIVE_PREFIX = f"{ID_PREFIX}-dive-"
DEEP_DIVE_CATEGORY = "project"  # the seed's project round: `prep mock` asks one of these when the pack has them
FIRST_NUMBER = 500
NUMBER_SPAN = 9500
RESUME_TEXT = "resume.txt"

# The alternative an interviewer asks about when an entry names a technique ("why not logistic regression?").
ALTERNATIVES: dict[str, str] = {
    "gradient-boosting": "logistic regression",
    "random-forest": "gradient boosting",
    "logistic-regression": "a gradient-boosted tree model",
    "transformer": "a TF-IDF baseline",
    "attention": "a recurrent model",
    "bert": "a TF-IDF baseline",
    "k-means": "a Gaussian mixture",
    "pca": "feature selection",
    "batch-norm": "layer norm",
    "layer-norm": "batch norm",
    "pytorch": "scikit-learn",
    "tensorflow": "PyTorch",
    "docker": "a virtual environment",
    "sql": "pandas in memory",
    "cnn": "a pretrained ResNet",
    "rnn-lstm": "a transformer",
    "svm": "logistic regression",
}


@dataclass(frozen=True)
class PackQuestion:
    data: dict[str, Any]  # the question file's content
    entry: Entry | None = None  # the entry of a deep-dive
    technique: Technique | None = None  # the technique of a catalogue question

    @property
    def id(self) -> str:
        return str(self.data["id"])


def resume_dir() -> Path:
    return paths.data_dir() / "resume"


def pack_dir() -> Path:
    return paths.resume_pack_dir()


def is_deep_dive(question: Question) -> bool:
    return question.id.startswith(DEEP_DIVE_PREFIX)


def deep_dives(questions: Iterable[Question]) -> tuple[Question, ...]:
    return tuple(q for q in questions if is_deep_dive(q))


def _matched_alias(technique: Technique, text: str) -> str:
    m = technique.search(text)
    return m.group() if m else technique.name


def _number_phrases(entry: Entry) -> list[str]:
    phrases: list[str] = []
    for n in entry.numbers:
        if n.after:
            phrases.append(f"{{number}} {n.after.lower()}")
        if n.before:
            phrases += [f"{n.before.lower()} {{number}}", f"{n.before.lower()} of {{number}}"]
    return list(dict.fromkeys(phrases))


def _listing(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def deep_dive_data(entry: Entry, catalogue: dict[str, Technique], number: int) -> dict[str, Any]:
    """A deep-dive on one entry: the seed's project structure, then the entry's own techniques and numbers."""
    techniques = [catalogue[t] for t in entry.techniques if t in catalogue][:3]
    named = [_matched_alias(t, entry.text) for t in techniques]
    where = "project" if entry.section == "projects" else "role"
    prompt = [
        f"Walk me through {entry.title}: the problem, the data, why you chose the model you did, how you trained "
        "and evaluated it, and what went wrong. What was the hardest debugging problem, and how did you diagnose it?"
    ]
    if techniques:
        first, alternative = named[0], ALTERNATIVES.get(techniques[0].id, "a simpler baseline")
        prompt.append(f"You list {_listing(named)} for this {where}: why {first} here, and not {alternative}?")
    if entry.numbers:
        stated = _listing([n.text for n in entry.numbers[:3]])
        prompt.append(f"You state {stated}: how were those measured, and against what baseline?")
    key_points: list[dict[str, Any]] = [
        _point("problem", "States the problem and why it mattered.", 1, PROBLEM),
        _point("data", "Describes the data: source, size, labels, and how it was split.", 1.5, DATA),
        _point("model-choice", "Justifies the model choice against an alternative.", 1.5, MODEL_CHOICE),
        _point("training-loop", "Describes the training: loss, optimiser, schedule, how it was tuned.", 1, TRAINING),
        _point("evaluation", "Explains how it was evaluated, with the metric and the number reached.", 1.5, EVALUATION),
        _point("debugging", "Tells one concrete failure, the hypothesis and how it was diagnosed.", 2.5, DEBUGGING),
        _point("fix-verified", "Says what the fix was and how it was verified, with specifics.", 2, FIX),
    ]
    for technique, alias in zip(techniques, named, strict=True):
        alternative = ALTERNATIVES.get(technique.id, "a simpler baseline")
        a, alt = alias.lower(), alternative.lower().removeprefix("a ").removeprefix("an ")
        key_points.append(
            _point(
                f"why-{technique.id}",
                f"Says why {alias} was used here rather than {alternative}.",
                1,
                [f"chose {a}", f"{a} because", f"{a} over", f"{a} instead of", f"instead of {alt}"]
                + [f"rather than {alt}", f"over {alt}", f"than {alt}", f"compared {a}", f"{alt} baseline"],
                hint=f"Say why {alias} and not {alternative}: what about this data or problem decided it.",
            )
        )
    numbers = _number_phrases(entry)
    if numbers:
        stated = _listing([n.text for n in entry.numbers[:3]])
        key_points.append(
            _point(
                "own-numbers",
                f"Gives the résumé's own numbers ({stated}) and how they were measured.",
                1.5,
                numbers,
                hint=f"Say the numbers your résumé states ({stated}), on which data, and against what baseline.",
            )
        )
    specifics = ""
    if named:
        specifics += f" Name {_listing(named)} and why each, against the alternative you considered."
    if entry.numbers:
        specifics += f" Say where {_listing([n.text for n in entry.numbers[:3]])} came from and how it was measured."
    return {
        "id": DEEP_DIVE_PREFIX + entry.slug,
        "number": number,
        "title": f"Deep dive: {entry.title}"[:80],
        "category": DEEP_DIVE_CATEGORY,
        "kind": "written",
        "difficulty": "medium",
        "time_limit_minutes": 20,
        "prompt": " ".join(prompt),
        "how_to_answer": (
            "Structure it: problem → data → model choice → training loop → evaluation → what went wrong and how "
            "you diagnosed it. The goal was ...; the data was N examples, labelled ..., split by ...; I chose ... "
            "over the baseline because ...; trained with ... for ... epochs; evaluated with ..., reaching ...; the "
            "hardest bug was ..., my hypothesis was ..., I diagnosed it by ...; the fix was ..., and I verified it "
            f"went from ... to ....{specifics}"
        ),
        "what_they_look_for": (
            "Depth over breadth: that you understand every decision on this line of your résumé, not that you ran "
            "a notebook and got a number out. The debugging story is the most revealing part; every tool and number "
            "you wrote down is fair game."
        ),
        "hints": [f"Reread the résumé line: {line}" for line in entry.lines[:2]],
        "rubric": {
            "pass_mark": 60,
            "min_words": 120,
            "key_points": key_points,
            "misconceptions": [
                {
                    "id": "no-debugging",
                    "description": "Claims there was no debugging problem worth telling.",
                    "penalty": 15,
                    "phrases": ["did not really run into any", "worked on the first try", "never hit a bug"],
                },
                {
                    "id": "tutorial-project",
                    "description": "Presents a followed tutorial as the project.",
                    "penalty": 10,
                    "phrases": ["following a tutorial", "the tutorial explained everything"],
                },
            ],
        },
    }


def _point(pid: str, description: str, weight: float, phrases: Sequence[str], hint: str = "") -> dict[str, Any]:
    point: dict[str, Any] = {"id": pid, "description": description, "weight": weight, "phrases": list(phrases)}
    point["hint"] = hint or HINTS[pid]
    return point


HINTS = {
    "problem": "Open with the problem, who needed it and what success meant.",
    "data": "Describe the data: where it came from, how many examples, how it was labelled, and how you split it.",
    "model-choice": "Say which model you chose and why over the alternatives, and what the baseline was.",
    "training-loop": "Describe the training: the loss, the optimiser, the learning rate and how you tuned it.",
    "evaluation": "Name the metric you chose, why, and the number you reached on held-out data.",
    "debugging": "Tell the hardest bug: the symptom, your hypothesis, and the check that confirmed it.",
    "fix-verified": "Say exactly what you changed and how you verified that it worked, with before and after numbers.",
}
PROBLEM = ["the goal was", "goal was", "we wanted to", "i wanted to", "the task was", "the problem was", "needed to"]
DATA = [
    *(f"{{number}} {noun}" for noun in "examples samples records rows documents images users transactions".split()),
    "labelled",
    "labeled",
    "split by time",
    "held out",
    "train test split",
    "validation set",
]
MODEL_CHOICE = ["i chose", "we chose", "chose it over", "picked it because", "instead of", "compared it against"]
MODEL_CHOICE += ["baseline", "rather than"]
TRAINING = ["epochs", "learning rate", "batch size", "optimizer", "optimiser", "adam", "early stopping"]
TRAINING += ["cross-validation", "trained for", "training loop", "loss function", "hyperparameter", "tuned"]
EVALUATION = ["f1 {number}", "auc {number}", "accuracy {number}", "{number} accuracy", "reached {number}"]
EVALUATION += ["evaluated with", "evaluated on", "pr-auc", "recall at", "rmse", "measured"]
DEBUGGING = ["hypothesis", "i suspected", "to confirm it", "my guess was", "suspiciously high", "wasn't decreasing"]
DEBUGGING += ["loss was not decreasing", "diagnosed", "turned out", "leakage", "the bug was"]
FIX = ["the fix was", "after the fix", "fixed it", "i verified", "verified it", "confirmed", "went from {number} to"]
FIX += ["fell to {number}", "rose to {number}"]


def _number(qid: str, taken: set[int]) -> int:
    n = FIRST_NUMBER + zlib.crc32(qid.encode()) % NUMBER_SPAN
    while n in taken:  # a clash moves to the next free number; the ids are placed in sorted order
        n = FIRST_NUMBER + (n - FIRST_NUMBER + 1) % NUMBER_SPAN
    taken.add(n)
    return n


def build_pack(resume: Resume, catalogue: Sequence[Technique], taken: Iterable[int] = ()) -> list[PackQuestion]:
    """The pack's questions: deep-dives (up to MAX_DEEP_DIVES, projects first) and the claimed techniques'."""
    by_id = {t.id: t for t in catalogue}
    entries = sorted(resume.entries, key=lambda e: e.section != "projects")  # stable: projects, then experience
    dives: dict[str, Entry] = {}
    for entry in entries:
        qid = DEEP_DIVE_PREFIX + entry.slug
        if qid not in dives and len(dives) < MAX_DEEP_DIVES:
            dives[qid] = entry
    planned: list[tuple[str, Entry | None, Technique | None, dict[str, Any] | None]] = []
    planned += [(qid, entry, None, None) for qid, entry in dives.items()]
    for tid in resume.techniques:
        technique = by_id[tid]
        planned += [(technique.question_id(raw), None, technique, raw) for raw in technique.questions]
    used = set(taken)
    numbers = {qid: _number(qid, used) for qid in sorted(q[0] for q in planned)}
    out = []
    for qid, dive, claimed, raw in planned:
        if dive is not None:
            out.append(PackQuestion(deep_dive_data(dive, by_id, numbers[qid]), entry=dive))
        elif claimed is not None and raw is not None:
            out.append(PackQuestion(pack_question_data(claimed, raw, numbers[qid]), technique=claimed))
    return out


def validate(questions: Sequence[PackQuestion]) -> list[Question]:
    """Each pack question as the bank reads it (a BankError names what is wrong)."""
    return [schema.question(pack_dir() / f"{q.id}.yaml", _plain(q.data)) for q in questions]


def _plain(value: Any) -> Any:
    """Catalogue data keeps its YAML line numbers in dict and list subclasses; the files want plain ones."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def write_pack(resume: Resume, questions: Sequence[PackQuestion]) -> Path:
    """Replace the résumé text and the pack in the data folder; the old pack goes only once the new one is written."""
    import yaml

    folder = resume_dir()
    folder.mkdir(parents=True, exist_ok=True)
    fresh = folder / f"pack.{os.getpid()}.tmp"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    for q in questions:
        text = yaml.safe_dump(_plain(q.data), sort_keys=False, allow_unicode=True, width=100)
        (fresh / f"{q.id}.yaml").write_text(text, encoding="utf-8")
    old = folder / f"pack.{os.getpid()}.old"
    if pack_dir().exists():
        os.replace(pack_dir(), old)
    os.replace(fresh, pack_dir())
    shutil.rmtree(old, ignore_errors=True)
    (folder / RESUME_TEXT).write_text(resume.text, encoding="utf-8")
    return pack_dir()


def forget() -> bool:
    """Remove the résumé's text and its pack; False when there was nothing to remove."""
    folder = resume_dir()
    if not folder.exists():
        return False
    shutil.rmtree(folder)
    return True

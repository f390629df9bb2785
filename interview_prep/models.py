"""The question bank as frozen dataclasses: what interview_prep.bank builds from the YAML files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Kind = Literal["coding", "written"]


@dataclass(frozen=True)
class FunctionSpec:
    """A function a coding answer must define, as the contract states it."""

    name: str
    signature: str  # e.g. "def kmeans(X, k, max_iters=100, tol=1e-4, seed=None)"
    docstring: str


@dataclass(frozen=True)
class KeyPoint:
    """One thing a good written answer says, with the phrases that show it was said."""

    id: str
    description: str  # one line, shown to the user
    weight: float
    phrases: tuple[str, ...]  # phrases and paraphrases that evidence the point
    hint: str = ""  # what to add when the point is missed
    core: bool | None = None  # contradicting a core point fails the answer; None: core if of the top weight
    subject: tuple[str, ...] = ()  # what the point is about ("bias"): the claim given to another subject contradicts it
    claims: tuple[
        str, ...
    ] = ()  # sentences whose concepts and directions must be asserted ("deeper trees have higher variance")
    paraphrases: tuple[str, ...] = ()  # other wordings, matched by similarity rather than word for word
    terms: tuple[str, ...] = ()  # single words that evidence the point only inside a full sentence
    probe: str = ""  # a follow-up question to ask when the point is missing (used by the interviewer)
    # terms the point defines, each with the words only its own definition uses ("precision": "predicted
    # positives"): a clause that gives one term another's definition contradicts the point
    defines: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Misconception:
    """A wrong statement that costs points when an answer makes it."""

    id: str
    description: str
    phrases: tuple[str, ...]
    penalty: float  # points (out of 100) taken off the score
    claims: tuple[str, ...] = ()  # claims (see KeyPoint.claims) that state the misconception
    challenge: str = ""  # what an interviewer would ask back (used by the interviewer)


@dataclass(frozen=True)
class Rubric:
    key_points: tuple[KeyPoint, ...]
    misconceptions: tuple[Misconception, ...]
    pass_mark: float  # 0-100
    min_words: int


@dataclass(frozen=True)
class FollowUp:
    """A short written question an interviewer asks after the main answer, graded by its own rubric."""

    id: str
    prompt: str  # as the interviewer says it
    model_answer: str
    rubric: Rubric
    time_limit_minutes: int = 3


@dataclass(frozen=True)
class Question:
    id: str
    number: int
    title: str
    category: str
    difficulty: str
    time_limit_minutes: int
    prompt: str
    how_to_answer: str
    what_they_look_for: str
    kind: Kind
    source: Path  # the YAML file it came from
    functions: tuple[FunctionSpec, ...] = ()  # coding only
    starter: str = ""  # coding only: the stub a session writes into the workspace
    suite: Path | None = None  # coding only: the hidden suite file (suite.py beside the YAML)
    reference: Path | None = None  # coding only: the reference solution it is timed against
    rubric: Rubric | None = None  # written only
    hints: tuple[str, ...] = field(default=())
    follow_ups: tuple[FollowUp, ...] = ()  # asked after the main answer (coding questions carry them)

    @property
    def is_coding(self) -> bool:
        return self.kind == "coding"

    @property
    def answer_guide(self) -> str:
        """The interviewer's rubric text as Markdown: how to answer, then what they look for."""
        return f"## How to answer\n\n{self.how_to_answer}\n\n## What they look for\n\n{self.what_they_look_for}"

    def follow_up_question(self, follow_up: FollowUp) -> Question:
        """A follow-up as a written question of its own, so the written grader grades it like any answer."""
        return Question(
            id=f"{self.id}/{follow_up.id}",
            number=self.number,
            title=f"{self.title}: follow-up",
            category=self.category,
            difficulty=self.difficulty,
            time_limit_minutes=follow_up.time_limit_minutes,
            prompt=follow_up.prompt,
            how_to_answer=follow_up.model_answer,
            what_they_look_for="",
            kind="written",
            source=self.source,
            rubric=follow_up.rubric,
        )

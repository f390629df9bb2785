"""The catalogue of techniques a résumé may claim: `catalogue/<technique-id>.yaml`, each with its aliases and the
written questions an interviewer asks someone who claims it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from interview_prep.bank import schema
from interview_prep.bank.fields import Fields, parse_yaml
from interview_prep.errors import BankError
from interview_prep.models import Question

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"
TECHNIQUE_FIELDS = frozenset({"id", "name", "aliases", "drill", "questions"})
# Fields a catalogue question holds that a bank question does not: the one-sentence wrong answer the
# catalogue's content test grades (it must fail), never shown to the user nor written into a pack.
CATALOGUE_ONLY_FIELDS = frozenset({"wrong_answer"})
# What a catalogue question holds; the pack adds its number, category and kind.
QUESTION_FIELDS = (
    frozenset({"id", "title", "difficulty", "time_limit_minutes", "prompt", "how_to_answer", "what_they_look_for"})
    | {"rubric", "hints"}
    | CATALOGUE_ONLY_FIELDS
)
ID_PREFIX = "cv"
TECHNIQUE_CATEGORY = "depth"  # what the interviewer drills into once a résumé claims the technique

# Aliases that are also ordinary words or names ("Adam Smith", "student dropout", "spark interest", "shopping
# cart", "at the helm", "attention to detail"): one claims its technique only where its line says so too, by one
# of these words within the same sentence, or where it stands alone as an item of a list ("Skills: Python, SQL").
AMBIGUOUS_ALIASES: dict[str, str] = {
    "adam": r"optimi[sz]ers?|learning[\s-]rates?|lr|sgd|momentum|weight decay|rmsprop|betas?|adamw",
    "dropout": r"layers?|regulari[sz]\w*|overfit\w*|neural|networks?|lstms?|cnns?|mlps?|p\s*=|0\.\d+",
    "spark": r"pyspark|clusters?|jobs?|etl|pipelines?|dataframes?|hadoop|hdfs|emr|databricks|big data|rdds?|"
    r"streaming|sql|mllib",
    "forecasting": r"time[\s-]series|arima|prophet|seasonal\w*|horizons?|mape|lags?|lstms?|models?",
    "cart": r"trees?|gini|splits?|pruning|decision",
    "ridge": r"regression|regulari[sz]\w*|penalty|lasso|alpha|l2|coefficients?",
    "helm": r"charts?|kubernetes|k8s|deploy\w*|releases?",
    "albert": r"bert|nlp|language models?|fine[\s-]tun\w*|transformers?|tokens?",
    "attention": r"transformers?|self|heads?|quer(?:y|ies)|keys?|softmax|tokens?|encoders?|decoders?|seq2seq|"
    r"sequences?|nlp|bert|gpt|llms?|translation|lstms?|rnns?|models?|layers?|networks?|pooling|vision|vit",
}
_LIST_ITEMS = re.compile(r"[,;|•·()]|:\s")


@dataclass(frozen=True)
class Technique:
    id: str
    name: str
    aliases: tuple[str, ...]
    drill: str | None
    questions: tuple[dict[str, Any], ...]  # as in the file; pack_question() makes each a bank question
    source: Path

    @property
    def pattern(self) -> re.Pattern[str]:
        """Its aliases that claim it wherever they stand (the ambiguous ones are in `search`)."""
        return _alias_pattern(tuple(a for a in self.aliases if a not in AMBIGUOUS_ALIASES))

    def search(self, text: str) -> re.Match[str] | None:
        """The first place `text` claims this technique: an alias, an ambiguous one only in context."""
        hits = [m for m in [self.pattern.search(text)] if m]
        for alias in self.aliases:
            if alias in AMBIGUOUS_ALIASES:
                hits += [m for m in _alias_pattern((alias,)).finditer(text) if _in_context(alias, text, m)][:1]
        return min(hits, key=lambda m: m.start(), default=None)

    def question_id(self, raw: dict[str, Any]) -> str:
        return f"{ID_PREFIX}-{self.id}-{raw['id']}"


@cache
def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words, case-insensitive; the longest alias first; inner spaces and hyphens interchangeable."""
    parts = []
    for alias in sorted(aliases, key=len, reverse=True):
        words = [re.escape(w) for w in re.split(r"[\s\-]+", alias.strip()) if w]
        parts.append(r"[\s\-]*".join(words))
    # Letters, digits, '+' and '#' are part of a name (C++, C#); '.' is when a letter follows (scikit.learn).
    return re.compile(r"(?<![\w+#])(?:" + "|".join(parts) + r")(?![\w+#])(?!\.\w)", re.IGNORECASE)


def _in_context(alias: str, text: str, m: re.Match[str]) -> bool:
    """An ambiguous alias names its technique: it is a whole item of a list (or line), or its sentence has a
    context word."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start : len(text) if line_end < 0 else line_end]
    at, end = m.start() - line_start, m.end() - line_start
    if any(item.strip(" \t-*.").lower() == m.group().lower() for item in _LIST_ITEMS.split(line)):
        return True
    starts = [i.end() for i in re.finditer(r"[.!?]\s", line[:at])]
    stop = re.search(r"[.!?](\s|$)", line[end:])
    sentence = line[starts[-1] if starts else 0 : at] + " " + line[end : end + stop.start() if stop else len(line)]
    return re.search(r"(?<![\w+#])(?:" + AMBIGUOUS_ALIASES[alias] + r")(?![\w+#])", sentence, re.IGNORECASE) is not None


def technique_from_file(path: Path) -> Technique:
    data = parse_yaml(path)
    f = Fields(str(path), data, TECHNIQUE_FIELDS)
    tid: str = f.get("id", str)
    if not tid.replace("-", "").isalnum() or tid != tid.lower():
        raise f.fail("id", f"'{tid}' must be a lower-case slug such as 'xgboost'")
    if path.stem != tid:
        raise f.fail("id", f"'{tid}' must match the file name '{path.stem}'")
    aliases = f.text_list("aliases")
    if not aliases:
        raise f.fail("aliases", "must list at least one alias")
    raw_questions = f.get("questions", list)
    if not raw_questions:
        raise f.fail("questions", "must list at least one question")
    questions: list[dict[str, Any]] = []
    for i, raw in enumerate(raw_questions):
        where = f"questions[{i}]"
        item = Fields(str(path), raw, QUESTION_FIELDS, where, getattr(raw_questions, "line", None))
        item.get("id", str)
        questions.append(raw)
    technique = Technique(
        id=tid,
        name=f.get("name", str),
        aliases=aliases,
        drill=f.get("drill", str, required=False),
        questions=tuple(questions),
        source=path,
    )
    seen: set[str] = set()
    for raw in technique.questions:
        pack_question(technique, raw, number=1)  # every question is a valid bank question
        if raw["id"] in seen:
            raise f.fail("questions", f"the question id '{raw['id']}' is used twice")
        seen.add(raw["id"])
    return technique


def pack_question_data(technique: Technique, raw: dict[str, Any], number: int) -> dict[str, Any]:
    """The catalogue question as a pack's question file holds it."""
    data: dict[str, Any] = {
        "id": technique.question_id(raw),
        "number": number,
        "title": f"{technique.name}: {raw.get('title', '')}",
        "category": TECHNIQUE_CATEGORY,
        "kind": "written",
    }
    data |= {k: v for k, v in raw.items() if k not in ("id", "title") and k not in CATALOGUE_ONLY_FIELDS}
    if technique.drill:
        hints = list(raw.get("hints") or [])
        hints.append(f"Drill it in code: prep practice -q {technique.drill}")
        data["hints"] = hints
    return data


def pack_question(technique: Technique, raw: dict[str, Any], number: int) -> Question:
    data = pack_question_data(technique, raw, number)
    try:
        return schema.question(technique.source, data)
    except BankError as exc:
        if exc.field in ("id", "title") and "question id" not in exc.problem:
            raise
        problem = f"(question '{raw.get('id')}') {exc.problem}"
        raise BankError(str(technique.source), exc.line, exc.field, problem) from None


def load_catalogue(folder: Path | None = None) -> tuple[Technique, ...]:
    """Every technique of the catalogue, by id."""
    folder = folder or CATALOGUE_DIR
    files = sorted(p for p in folder.glob("*.yaml") if p.is_file())
    return tuple(technique_from_file(p) for p in files)


def find_techniques(text: str, catalogue: Iterable[Technique]) -> list[str]:
    """The ids of the techniques `text` names, in the order they first appear."""
    found: list[tuple[int, str]] = []
    for technique in catalogue:
        m = technique.search(text)
        if m:
            found.append((m.start(), technique.id))
    return [tid for _, tid in sorted(found)]

"""How close a clause comes to a key point's own wording: IDF-weighted stem coverage, computed by hand.

Each key point has reference texts: its description, phrases, claims, paraphrases, and the clauses
of the question's model answer (how_to_answer) that are about it. A clause's similarity to a text
is the IDF weight of the text's content stems the clause also has, over the text's total weight,
so saying most of what a reference sentence says, in any order, with other words around it, earns
the point. Stems are fuzzy-equal when long and close ("varience"). IDF is fitted on the rubric's
own texts and the prompt, and words of the prompt weigh little: repeating the question is not an
answer.

Common synonyms ("inserted" for "added", "item" for "element", "minimum" for "smallest") count as the
same stem: a short paraphrase has few words, and one changed word costs it the point. The groups are
plain words of any technical explanation, not one rubric's; words that name different places
("front", "rear", "beginning") are deliberately left apart, since rubrics tell them apart.

Why not static embeddings (wordllama)? Measured by hand on 2026-12-01 (wordllama 0.3.x): importing it and
loading its 16 MB of weights took about 0.5 s (it imports pydantic, tokenizers and requests), over
the 0.3 s a written grade may add to start-up; this needs no dependency at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Each line is one class of words that say the same thing; the first is the class's name.
SYNONYMS = (
    "add added adding adds insert inserted inserting inserts put puts putting append appended appends "
    "enter entered enters",
    "remove removed removes removing delete deleted deletes deleting take taken takes took taking "
    "extract extracted extracts",
    "element elements item items entry entries",
    "smallest minimum least lowest min",
    "largest maximum biggest greatest max",
    "swap swapped swaps swapping exchange exchanged exchanges switch switched switches interchange",
    "find finds found finding locate locates located search searches searched searching",
    "sample samples example examples instance instances",
    "simple simplistic crude naive rigid",
)


@lru_cache(maxsize=1)
def synonym_names(stem: Callable[[list[str]], list[str]]) -> Mapping[str, str]:
    """Each stem of a synonym class -> the stem of the class's first word."""
    out: dict[str, str] = {}
    for line in SYNONYMS:
        stems = stem(line.split())
        for s in stems:
            out.setdefault(s, stems[0])
    return out


PROMPT_WEIGHT = 0.25  # a stem of the question's prompt counts this much of its IDF
MIN_SHARED = 3  # a clause shares at least this many content stems with the text


@dataclass(frozen=True)
class Reference:
    key: str  # the key point's id
    stems: tuple[str, ...]  # content stems, deduplicated, in order


class SimilarityIndex:
    """Reference texts per key point, with IDF weights fitted on the rubric's own texts."""

    def __init__(
        self, references: Sequence[Reference], prompt_stems: Iterable[str], names: Mapping[str, str] | None = None
    ) -> None:
        self.names = dict(names or {})
        self.references = [
            Reference(r.key, tuple(dict.fromkeys(self.names.get(s, s) for s in r.stems))) for r in references if r.stems
        ]
        prompt = {self.names.get(s, s) for s in prompt_stems}
        docs = [set(r.stems) for r in self.references] + [prompt]
        n = len(docs)
        df: dict[str, int] = {}
        for doc in docs:
            for s in doc:
                df[s] = df.get(s, 0) + 1
        self.idf = {s: math.log(1 + n / d) * (PROMPT_WEIGHT if s in prompt else 1.0) for s, d in df.items()}

    def best(self, key: str, clause_stems: set[str]) -> tuple[float, Reference | None]:
        """The highest coverage of one of the key point's reference texts by the clause."""
        top, which = 0.0, None
        clause_stems = {self.names.get(s, s) for s in clause_stems}
        for ref in self.references:
            if ref.key != key:
                continue
            shared = [s for s in ref.stems if s in clause_stems]
            if len(shared) < MIN_SHARED:
                continue
            total = sum(self.idf.get(s, 1.0) for s in ref.stems)
            score = sum(self.idf.get(s, 1.0) for s in shared) / total if total else 0.0
            if score > top:
                top, which = score, ref
        return top, which

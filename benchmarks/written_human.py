"""How closely the written grader agrees with human graders, on the UNT/Mohler 2011 short-answer set.

    .venv/bin/python benchmarks/written_human.py [DATA_DIR] [--set dev|reported|both]

--set dev grades and prints only the DEVELOPMENT questions (for a grader developer at work: the
REPORTED answers are then never graded); --set reported and the default, both, print the REPORTED
figures too (the TF-IDF pass cut is always fitted on the development set).

DATA_DIR (or the PREP_ASAG environment variable; default ../shared/asag-dev beside the repository)
holds the data set's questions.csv and answers.csv. They are read where they are and never copied
into the repository; when they are absent the script says so in one line and exits 0.

The rubrics are benchmarks/asag/unt-X-Y.yaml, written from each question and its reference answer
before any student answer was read, and frozen in benchmarks/asag/SHA256SUMS (checked here). The
questions are split into a REPORTED set (the figures to quote; nobody tuning the grader reads their
answers) and a DEVELOPMENT set (whose answers a grader developer may read); see benchmarks/asag/README.md.

For each set it prints: answers and questions; answers the grader could not grade (counted as a
score of 0 and a fail, never dropped); Pearson r and Spearman rho against `human_score`, pooled and as
a mean over questions (questions where either side has no variance are skipped and counted);
pass/fail agreement with a human pass of `human_score` >= 3.5, Cohen's kappa, and the always-pass
agreement; the same correlations for a TF-IDF cosine to the reference answer; and the two human
graders against each other (`score_me` vs `score_other`, exam grades 11.x and 12.x halved).
Standard library and numpy only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import math
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RUBRICS = ROOT / "benchmarks" / "asag"
DEFAULT_DATA = ROOT.parent / "shared" / "asag-dev"

# Chosen from questions.csv before any answer was read; the reasons are in benchmarks/asag/README.md.
REPORTED = (
    "unt-1-7 unt-3-3 unt-3-4 unt-4-5 unt-5-3 unt-5-4 unt-6-2 unt-6-5 "
    "unt-7-3 unt-7-5 unt-7-7 unt-8-6 unt-10-2 unt-10-3 unt-10-4 unt-10-6"
).split()
DEVELOPMENT = "unt-5-2 unt-12-4 unt-6-1 unt-12-1 unt-9-1 unt-12-6 unt-10-7 unt-12-10 unt-8-3 unt-9-3".split()

HUMAN_PASS = 3.5  # human_score (0-5) at or above this is a pass

# The data set's README, section "Text": cp1252 mojibake of typographic punctuation, and the three
# answers whose bytes were damaged further (an apostrophe or a quotation mark was meant; which one
# cannot be told, so an apostrophe is given).
MOJIBAKE = {
    "\u00e2\u20ac\u2122": "\u2019",
    "\u00e2\u20ac\u02dc": "\u2018",
    "\u00e2\u20ac\u0153": "\u201c",
    "\u00e2\u20ac\u009d": "\u201d",
    "\u00e2\u20ac\u201d": "\u2014",
    "\u00e2\ufffd\ufffd": "'",
}
BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
WORD_RE = re.compile(r"[a-z0-9]+")


def render(raw: str) -> str:
    """The answer as the student typed it: <br> as line breaks, entities unescaped, mojibake mapped back."""
    text = BR_RE.sub("\n", raw)
    for stored, meant in MOJIBAKE.items():
        text = text.replace(stored, meant)
    return html.unescape(text)


@dataclass
class Answer:
    question_id: str
    answer_id: str
    text: str
    human: float  # human_score, 0-5
    me: float  # grader 2, on 0-5 (exam grades halved)
    other: float  # grader 1, on 0-5 (exam grades halved)


def read_data(folder: Path) -> tuple[dict[str, str], list[Answer]]:
    """Reference answers by question id, and every answer, read in place."""
    with (folder / "questions.csv").open(encoding="utf-8", newline="") as f:
        references = {row["question_id"]: row["reference_answer"] for row in csv.DictReader(f)}
    answers = []
    with (folder / "answers.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            qid = row["question_id"]
            exam = qid.split("-")[1] in ("11", "12")
            scale = 0.5 if exam else 1.0
            answers.append(
                Answer(
                    qid,
                    row["answer_id"],
                    render(row["answer"]),
                    float(row["human_score"]),
                    float(row["score_me"]) * scale,
                    float(row["score_other"]) * scale,
                )
            )
    return references, answers


# --- Statistics ---------------------------------------------------------------------------------


def ranks(values: Sequence[float]) -> np.ndarray:
    """1-based ranks, ties sharing the average of the ranks they span."""
    x = np.asarray(values, dtype=float)
    order = np.argsort(x, kind="mergesort")
    out = np.empty(len(x))
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and x[order[j + 1]] == x[order[i]]:
            j += 1
        out[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return out


def pearson(a: Sequence[float], b: Sequence[float]) -> float:
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(x) < 2 or x.std() == 0 or y.std() == 0:
        return math.nan
    return float(np.corrcoef(x, y)[0, 1])


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    return pearson(ranks(a), ranks(b))


def kappa(a: Sequence[bool], b: Sequence[bool]) -> tuple[float, float]:
    """Cohen's kappa and the raw agreement of two pass/fail lists."""
    x, y = np.asarray(a, dtype=bool), np.asarray(b, dtype=bool)
    p_o = float(np.mean(x == y))
    p_e = float(x.mean() * y.mean() + (1 - x.mean()) * (1 - y.mean()))
    return ((p_o - p_e) / (1 - p_e) if p_e < 1 else math.nan), p_o


def correlations(qids: Sequence[str], a: Sequence[float], b: Sequence[float]) -> str:
    """Pooled Pearson/Spearman, and their means over questions (skipping those without variance)."""
    per: dict[str, tuple[list[float], list[float]]] = {}
    for q, x, y in zip(qids, a, b, strict=True):
        per.setdefault(q, ([], []))
        per[q][0].append(x)
        per[q][1].append(y)
    rs, rhos, skipped = [], [], 0
    for xs, ys in per.values():
        r = pearson(xs, ys)
        if math.isnan(r):
            skipped += 1
            continue
        rs.append(r)
        rhos.append(spearman(xs, ys))
    mean_r = float(np.mean(rs)) if rs else math.nan
    mean_rho = float(np.mean(rhos)) if rhos else math.nan
    return (
        f"pooled r={pearson(a, b):.3f} rho={spearman(a, b):.3f}; "
        f"per question mean r={mean_r:.3f} rho={mean_rho:.3f} "
        f"({len(rs)} questions, {skipped} skipped for no variance)"
    )


# --- TF-IDF baseline ----------------------------------------------------------------------------


def tfidf_cosines(answers: Sequence[Answer], references: dict[str, str]) -> list[float]:
    """Cosine of each answer's TF-IDF vector to its reference answer's.

    Lower-cased word tokens; raw term counts; smoothed IDF log((1 + N) / (1 + df)) + 1 fitted on these
    answers plus their questions' reference answers."""
    ref_ids = sorted({a.question_id for a in answers})
    docs = [Counter(WORD_RE.findall(a.text.lower())) for a in answers]
    refs = {q: Counter(WORD_RE.findall(references[q].lower())) for q in ref_ids}
    corpus = docs + list(refs.values())
    df = Counter(w for d in corpus for w in d)
    idf = {w: math.log((1 + len(corpus)) / (1 + n)) + 1 for w, n in df.items()}

    def vector(counts: Counter[str]) -> dict[str, float]:
        return {w: c * idf[w] for w, c in counts.items()}

    def cosine(u: dict[str, float], v: dict[str, float]) -> float:
        dot = sum(x * v.get(w, 0.0) for w, x in u.items())
        norm = math.sqrt(sum(x * x for x in u.values())) * math.sqrt(sum(x * x for x in v.values()))
        return dot / norm if norm else 0.0

    ref_vectors = {q: vector(c) for q, c in refs.items()}
    return [cosine(vector(d), ref_vectors[a.question_id]) for a, d in zip(answers, docs, strict=True)]


# --- Grading ------------------------------------------------------------------------------------


@dataclass
class Graded:
    answers: list[Answer]
    scores: list[float]  # 0-100
    passed: list[bool]
    failures: Counter[str]  # exception type -> how many answers could not be graded


def grade_all(answers: Sequence[Answer], questions: dict[str, object]) -> Graded:
    from interview_prep.grading.written import grade_written

    scores, passed, failures = [], [], Counter[str]()
    for a in answers:
        try:
            report = grade_written(questions[a.question_id], a.text)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - counted and shown, never dropped
            failures[type(exc).__name__] += 1
            scores.append(0.0)
            passed.append(False)
            continue
        scores.append(float(report.score))
        passed.append(bool(report.passed))
    return Graded(list(answers), scores, passed, failures)


def best_threshold(values: Sequence[float], human_pass: Sequence[bool]) -> float:
    """The cut on a baseline's score that maximises kappa with the humans (fit on development only)."""
    best, best_k = 0.0, -math.inf
    for cut in sorted(set(values)):
        k, _ = kappa([v >= cut for v in values], human_pass)
        if not math.isnan(k) and k > best_k:
            best, best_k = cut, k
    return best


def summarise(name: str, graded: Graded, cosines: list[float], cut: float | None) -> None:
    answers = graded.answers
    qids = [a.question_id for a in answers]
    human = [a.human for a in answers]
    human_pass = [h >= HUMAN_PASS for h in human]
    n_failed = sum(graded.failures.values())
    print(f"\n== {name}: {len(answers)} answers / {len(set(qids))} questions")
    detail = ", ".join(f"{n} {kind}" for kind, n in graded.failures.items())
    print(f"  could not grade: {n_failed}" + (f" ({detail}; counted as score 0, fail)" if n_failed else ""))
    print(f"  grader  vs human: {correlations(qids, graded.scores, human)}")
    k, agree = kappa(graded.passed, human_pass)
    always = float(np.mean(human_pass))
    print(
        f"  grader  pass/fail: agreement {agree:.3f}, kappa {k:.3f}; "
        f"always-pass agreement {always:.3f}; grader passes {np.mean(graded.passed):.3f}, humans {always:.3f}"
    )
    print(f"  tf-idf  vs human: {correlations(qids, cosines, human)}")
    if cut is not None:
        kt, at = kappa([c >= cut for c in cosines], human_pass)
        print(f"  tf-idf  pass/fail at cosine >= {cut:.3f} (fit on development): agreement {at:.3f}, kappa {kt:.3f}")
    me, other = [a.me for a in answers], [a.other for a in answers]
    print(f"  human 2 vs human 1: {correlations(qids, me, other)}")
    kh, ah = kappa([x >= HUMAN_PASS for x in me], [x >= HUMAN_PASS for x in other])
    print(f"  human 2 vs human 1 pass/fail: agreement {ah:.3f}, kappa {kh:.3f}")


# --- Provenance ---------------------------------------------------------------------------------


def check_sums() -> None:
    """Compare the rubrics with the sums recorded when they were frozen."""
    sums_file = RUBRICS / "SHA256SUMS"
    if not sums_file.is_file():
        print("WARNING: benchmarks/asag/SHA256SUMS is missing; the rubrics' freeze cannot be checked")
        return
    recorded = {}
    for line in sums_file.read_text().splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            recorded[name.strip().lstrip("*")] = digest
    actual = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(RUBRICS.glob("*.yaml"))}
    changed = sorted(n for n in actual if recorded.get(n) != actual[n])
    missing = sorted(n for n in recorded if n not in actual)
    if changed or missing:
        print(f"WARNING: rubrics differ from SHA256SUMS: changed/new {changed or '-'}, missing {missing or '-'}")
    else:
        print(f"rubrics: all {len(actual)} match SHA256SUMS")


def grader_commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()

    head = git("rev-parse", "--short=12", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "interview_prep")
    return head + (" (interview_prep has uncommitted changes)" if dirty else "")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=os.environ.get("PREP_ASAG", str(DEFAULT_DATA)))
    parser.add_argument(
        "--set",
        choices=("dev", "reported", "both"),
        default="both",
        help="which questions to grade and print: dev while tuning the grader (default both)",
    )
    args = parser.parse_args(argv)
    folder = Path(args.data)
    if not (folder / "answers.csv").is_file() or not (folder / "questions.csv").is_file():
        print(f"written_human: no data set at {folder} (questions.csv, answers.csv); nothing to measure.")
        return 0
    sys.path.insert(0, str(ROOT))
    from interview_prep.bank import load_bank

    bank = load_bank([RUBRICS])
    questions = {q.id: q for q in bank.questions if q.id.startswith("unt-")}
    references, answers = read_data(folder)
    print(f"data: {folder}")
    print(f"grader at commit {grader_commit()}")
    check_sums()
    missing = [q for q in (*REPORTED, *DEVELOPMENT) if q not in questions]
    if missing:
        print(f"WARNING: no rubric for {missing}")

    def chosen(ids: Sequence[str]) -> list[Answer]:
        return [a for a in answers if a.question_id in ids and a.question_id in questions]

    dev_answers = chosen(DEVELOPMENT)
    dev_cos = tfidf_cosines(dev_answers, references)
    cut = best_threshold(dev_cos, [a.human >= HUMAN_PASS for a in dev_answers])
    if args.set in ("reported", "both"):
        rep_answers = chosen(REPORTED)
        summarise("REPORTED", grade_all(rep_answers, questions), tfidf_cosines(rep_answers, references), cut)
    if args.set in ("dev", "both"):
        name = "DEVELOPMENT (a grader developer may read these answers)"
        summarise(name, grade_all(dev_answers, questions), dev_cos, None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

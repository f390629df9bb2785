"""Rubric grading of written answers: evidence per key point, quoted, with negation and anti-gaming rules."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from interview_prep.errors import AnswerError
from interview_prep.grading.report import Category, CheckResult, GradeReport, Status
from interview_prep.models import Question, Rubric

# --- Tunables. Each is a judgement call; tests/written pins the behaviour they produce. ---

# A phrase's words must appear in order, with at most this many other content words between
# two of them: "memorizes the whole training set" still shows "memorizes the training set".
MAX_GAP = 3
# A negation cue this many tokens (or fewer) before a match, in the same clause, voids it:
# "does not reduce variance", "I don't go back to verify that the fix worked".
NEGATION_WINDOW = 12
# Only stems at least this long are fuzzy-matched; shorter ones collide too easily
# ("batch" vs "match"). The ratio threshold admits typos and British spellings
# ("varience", "regularisation") but not different words.
FUZZY_MIN_LEN = 6
FUZZY_MIN_RATIO = 85.0
# A segment counts as a real sentence (and so may evidence a key point) when it has this many
# words, a verb-like word, and this share of function words. Buzzword lists fail the last two.
SENTENCE_MIN_WORDS = 4
SENTENCE_MIN_FUNCTION_SHARE = 0.15
# "a, b, c and d" with short items is a list of terms, not a sentence.
TERM_LIST_MIN_ITEMS = 3
TERM_LIST_MAX_MEAN_WORDS = 3.5
TERM_LIST_MAX_ITEM_WORDS = 6
# "fix: verified, went from 0.9 to 0.6": a short label before a colon is not part of a sentence.
LABEL_MAX_WORDS = 3
IMPERATIVE_MIN_FUNCTION_SHARE = 0.2
# Below this share of words in real sentences the score is scaled down, and the answer cannot pass.
PROSE_SHARE_FULL_CREDIT = 0.7
PROSE_SHARE_TO_PASS = 0.5
# Saying the opposite of a key point is worse than leaving it out.
CONTRADICTION_PENALTY = 5.0
# An answer this many times the rubric's minimum is no longer an answer to the question but a
# dump of everything one knows (every strong answer of the bank pasted together covers every key
# point); beyond it the score is scaled down in proportion, as an interviewer stops listening.
RAMBLING_MULTIPLE = 12
QUOTE_MAX_CHARS = 220

# The placeholder a rubric phrase may use for any number: "{number} %", "went from {number} to {number}".
# Stopwords are dropped from phrases, so "from {number} to {number}" would be just two numbers.
NUMBER_PLACEHOLDER = "{number}"
_NUMBER_STEM = "\x00num"
CODE_MARK = "\x02"  # starts a segment that is a line of a Markdown code block

# Words that carry no content for matching. Negation words are deliberately absent: they matter;
# so are "i", "we", "my", "our": "I suspected" is a claim about the candidate's own work.
STOPWORDS = frozenset(
    """a an the of to in on for and or is are was were be been being it its this that these those
    with as by at from which who whom you he she they your their me us them so then
    there here very really just also about into onto over than do does did has have had will would
    can could should may might must shall what when where how why if s t""".split()
)
# Cues that flip what follows in the same clause.
NEGATION_CUES = frozenset("not no never without nor neither cannot myth hardly rarely seldom skip ignore".split())
# After the match, these deny it: "spot-checking labels is a waste of time".
DENIAL_AFTER = frozenset({"waste", "pointless", "useless", "unnecessary", "overrated", "irrelevant"})
# "not only X but also Y" and "no matter" affirm rather than deny.
NEGATION_EXCEPTIONS = frozenset(
    {("not", "only"), ("not", "just"), ("not", "merely"), ("no", "matter"), ("no", "doubt"), ("not", "necessarily")}
)
# Two-word cues; "even if X" does not claim X either.
NEGATION_BIGRAMS = frozenset(
    {("rather", "than"), ("instead", "of"), ("wrong", "to"), ("wrong", "that"), ("false", "that"), ("even", "if")}
)
# Words that start a new clause, so a negation before them does not reach past them.
CLAUSE_BREAK_WORDS = frozenset(
    "but whereas although though however yet instead so because since while which when unless until "
    "then otherwise therefore thus hence unlike".split()
)
# After a comma, these start a new clause; anything else continues a list or a phrase.
COMMA_CLAUSE_STARTS = CLAUSE_BREAK_WORDS | frozenset(
    "it this that these those i we you he she they and not rather there my our its".split()
)
# "AUC is not useful", "the confusion matrix would not add anything": a negated predicate after the
# match denies it too. Only an auxiliary followed by not/never counts, so "running averages, not
# batch statistics" keeps its credit.
AUXILIARIES = frozenset(
    "is are was were be do does did would will can could should has have had may might must matter matters".split()
)
NEGATION_AFTER_WINDOW = 8
# A relative clause after the match describes it rather than denying it.
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "where", "when", "whose"})
# Auxiliaries, modals and common verbs that are rarely nouns ("mean", "use", "fix" are left out:
# "zero mean, unit variance" is a list of terms). A segment with none of these, and no -ed/-es
# form after a function word, is a fragment, not a claim.
VERB_WORDS = frozenset(
    """is are was were be been being am has have had do does did can could will would should may
    might must shall reduces reduced increases increased helps helped lets takes took goes went
    keeps kept started tried found finds looked saw checked ran built learned learnt became becomes
    gives gave picked wanted knew thought fixed changed tells told shows showed wrote makes made
    gets got means meant needs needed uses used""".split()
)
FUNCTION_WORDS = (
    STOPWORDS
    | VERB_WORDS
    | NEGATION_CUES
    | frozenset(
        "i we my our because since while after before but not each every all some any more most less other "
        "whether like if".split()
    )
)

_ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "etc.", "approx.", "cf.", "fig.")
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
_NUMBER_RE = re.compile(r"^\d[\d.]*(?:k|m|x|ms|s|h|pp)?$")
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*|%")
# Hard clause boundaries; a phrase never matches across one. Commas are judged in tokenize().
_CLAUSE_RE = re.compile(r"[;:()\[\]\u2014\u2013]|\s-\s|--")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"')\]]?\s+")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")
_HEADING_RE = re.compile(r"^\s*#{1,6}\s+")


# ---------------------------------------------------------------------------------------------
# The seam for other graders (an LLM judge, say): anything with this method can grade an answer.


class Grader(Protocol):
    """Grades one written answer to one question."""

    def grade(self, question: Question, text: str) -> GradeReport: ...


class RubricGrader:
    """The offline grader: matches the answer against the question's YAML rubric."""

    def grade(self, question: Question, text: str) -> GradeReport:
        return grade_written(question, text)


# ---------------------------------------------------------------------------------------------
# Reading the answer file.


def read_answer_text(path: Path, question_id: str | None = None) -> str:
    """The text of a written answer file, or AnswerError with a one-line message saying what is wrong."""
    from interview_prep.grading.source import read_source  # the one reader of answer files

    if path.suffix.lower() in {".py", ".ipynb"}:
        ensure_prose(path, "", question_id)
    text = read_source(path)
    ensure_prose(path, text, question_id)
    return text


def ensure_prose(path: Path, text: str, question_id: str | None = None) -> None:
    """Refuse code given to a written question: a .py/.ipynb file, or a text file that is mostly Python."""
    which = f"question {question_id}" if question_id else "this question"
    if path.suffix.lower() in {".py", ".ipynb"}:
        raise AnswerError(f"{path.name} looks like Python code; {which} is answered in writing (a .md or .txt file).")
    if looks_like_python(text):
        raise AnswerError(f"{path.name} looks like Python code; {which} is answered in writing, in sentences.")


_PY_LINE_RE = re.compile(
    r"^\s*(def \w+\(|class \w+[(:]|import \w|from [\w.]+ import |return\b|if __name__|@\w|for \w+ in .*:$"
    r"|while .*:$|\w+\s*=\s*\S)"
)


def looks_like_python(text: str) -> bool:
    """True when most non-blank lines outside Markdown code fences read as Python statements."""
    lines: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            in_fence = not in_fence
            continue
        if not in_fence and line.strip() and not line.strip().startswith("#"):
            lines.append(line)
    if not lines:
        return False
    code = sum(1 for line in lines if _PY_LINE_RE.match(line))
    has_def = any(re.match(r"^\s*(def|class|import|from)\s", line) for line in lines)
    return has_def and code / len(lines) >= 0.5


# ---------------------------------------------------------------------------------------------
# Text to segments and tokens.


@dataclass(frozen=True)
class Segment:
    """One sentence or list item of the answer, as written and as tokens."""

    text: str  # as the candidate wrote it, for quoting
    words: tuple[str, ...]  # lower-cased tokens, contractions expanded ("isn't" -> "is", "not")
    stems: tuple[str, ...]  # one stem per word
    clauses: tuple[int, ...]  # clause number of each word; negation does not cross clauses
    parts: tuple[int, ...]  # part number of each word; a phrase does not match across ";", ":" or a dash
    is_sentence: bool  # a real sentence, not a fragment: may evidence a key point


def split_segments(text: str) -> list[str]:
    """Sentences and list items of a Markdown or plain-text answer; hard-wrapped lines are rejoined."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    items: list[str] = []
    current: list[str] = []
    in_fence = False

    def flush() -> None:
        if current:
            items.append(" ".join(current))
            current.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("```"):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:  # code is not prose: each line stands alone, marked so it is never a sentence
            if line:
                items.append(CODE_MARK + line)
            continue
        if not line:
            flush()
            continue
        if _HEADING_RE.match(line) or _LIST_ITEM_RE.match(line):
            flush()
            line = _LIST_ITEM_RE.sub("", _HEADING_RE.sub("", line))
            if _HEADING_RE.match(raw):  # a heading is its own segment
                items.append(line)
                continue
        current.append(line)
    flush()

    segments: list[str] = []
    for item in items:
        if item.startswith(CODE_MARK):
            segments.append(item)
            continue
        protected = item
        for abbr in _ABBREVIATIONS:
            protected = re.sub(re.escape(abbr), abbr.replace(".", "\x01"), protected, flags=re.IGNORECASE)
        for part in _SENTENCE_END_RE.split(protected):
            part = part.replace("\x01", ".").strip().strip("*_`>").strip()
            if part:
                segments.append(part)
    return segments


_CONTRACTIONS = {"d": "would", "ll": "will", "re": "are", "ve": "have", "m": "am"}


def _expand(token: str) -> list[str]:
    if token.endswith("n't"):
        base = {"can't": "can", "won't": "will", "shan't": "shall"}.get(token, token[:-3])
        return [base, "not"]
    if "'" in token:
        head, tail = token.split("'", 1)
        return [head, _CONTRACTIONS[tail]] if tail in _CONTRACTIONS else [head]  # "'s" may be possessive
    if token == "%":
        return ["percent"]
    return [token]


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[list[str]], list[str]]:
    import snowballstemmer  # type: ignore[import-untyped]  # lazily: `prep list` must not pay for it

    stem_words: Callable[[list[str]], list[str]] = snowballstemmer.stemmer("english").stemWords
    return stem_words


_BRITISH_RE = re.compile(r"(?<=\w\w)is(e|es|ed|ing|ation|ations|er|ers)$")


def _stem_all(words: Sequence[str]) -> list[str]:
    # British -ise spellings become -ize before stemming, on both sides, so "memorises" meets
    # "memorizes"; the stemmer alone leaves them apart and they are too short to fuzzy-match.
    stems = _stemmer()([_BRITISH_RE.sub(r"iz\1", w) for w in words])
    # Every number is the same "number" stem, so a "{number} %" phrase matches "82 %" and "0.91 %";
    # names with digits ("f1", "l2", "bert-base") stay words.
    return [_NUMBER_STEM if _NUMBER_RE.match(w) else s for w, s in zip(words, stems, strict=True)]


def tokenize(segment: str) -> tuple[list[str], list[int], list[int]]:
    """Lower-cased words of a segment, with the clause and the hard-bounded part each belongs to."""
    words: list[str] = []
    clauses: list[int] = []
    parts: list[int] = []
    clause = 0
    # "9,400 clips" is one number, not a list of two.
    for part_no, piece in enumerate(_CLAUSE_RE.split(_THOUSANDS_RE.sub("", segment.lower()))):
        clause += 1
        for n, part in enumerate(piece.split(",")):
            tokens = [w for raw in _TOKEN_RE.findall(part) for w in _expand(raw.strip("."))]
            # A comma ends a clause only when a new one visibly starts ("..., it uses", "..., not X");
            # in a list ("no need for precision, recall or F1") the negation carries on.
            if n and tokens and tokens[0] in COMMA_CLAUSE_STARTS:
                clause += 1
            for k, word in enumerate(tokens):
                following = tokens[k + 1] if k + 1 < len(tokens) else ""
                # "never settles and can diverge": "and" before a second verb starts a new clause.
                if word in CLAUSE_BREAK_WORDS or (word == "and" and following in AUXILIARIES | VERB_WORDS):
                    clause += 1
                words.append(word)
                clauses.append(clause)
                parts.append(part_no)
    return words, clauses, parts


def _is_sentence(text: str) -> bool:
    """A real sentence that makes a claim, as opposed to a heading, a label or a list of terms."""
    head, colon, rest = text.partition(":")
    if colon and len(_TOKEN_RE.findall(head.lower())) <= LABEL_MAX_WORDS:
        text = rest  # judge what follows the label
    words, _, _ = tokenize(text)
    if len(words) < SENTENCE_MIN_WORDS:
        return False
    items = [len(_TOKEN_RE.findall(item.lower())) for item in re.split(r",|/|=|->", text)]
    items = [n for n in items if n]
    if (
        len(items) >= TERM_LIST_MIN_ITEMS
        and sum(items) / len(items) <= TERM_LIST_MAX_MEAN_WORDS
        and max(items) <= TERM_LIST_MAX_ITEM_WORDS
    ):
        return False
    function = sum(1 for w in words if w in FUNCTION_WORDS)
    verb_like = any(
        w in VERB_WORDS or (i > 0 and words[i - 1] in FUNCTION_WORDS and re.search(r"(ed|es)$", w))
        for i, w in enumerate(words)
    )
    if verb_like and function / len(words) >= SENTENCE_MIN_FUNCTION_SHARE:
        return True
    # An imperative ("Score emails in real time with a model server.") or a verb we do not list
    # ("Collecting more data works too.") is still a sentence when it ends like one.
    ends_like_sentence = text.rstrip("*_`)\"'").endswith((".", "!", "?"))
    return ends_like_sentence and function / len(words) >= IMPERATIVE_MIN_FUNCTION_SHARE


def analyse(text: str) -> list[Segment]:
    """The answer as segments ready for matching."""
    out: list[Segment] = []
    for seg in split_segments(text):
        words, clauses, parts = tokenize(seg)
        if not words:
            continue
        is_code = seg.startswith(CODE_MARK)
        stems = tuple(_stem_all(words))
        sentence = not is_code and _is_sentence(seg)
        out.append(Segment(seg.removeprefix(CODE_MARK), tuple(words), stems, tuple(clauses), tuple(parts), sentence))
    return out


# ---------------------------------------------------------------------------------------------
# Phrase matching.


@dataclass(frozen=True)
class Phrase:
    """A rubric phrase as content stems, with the words it spells out itself (e.g. its own "not")."""

    text: str
    stems: tuple[str, ...]


@lru_cache(maxsize=4096)
def compile_phrase(text: str) -> Phrase:
    """Content stems of a rubric phrase; "{number}" stands for any number."""
    marked = text.lower().replace(NUMBER_PLACEHOLDER, " 0 ")
    words, _, _ = tokenize(marked)
    content = [w for w in words if w not in STOPWORDS]
    return Phrase(text, tuple(_stem_all(content)))


@dataclass(frozen=True)
class Match:
    phrase: str
    segment: Segment
    start: int  # word index of the first matched word
    end: int  # word index of the last matched word
    positions: frozenset[int]
    negated: bool


class _Matcher:
    """Finds rubric phrases in one answer; fuzzy equality of stems is computed once per pair."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = segments
        self.vocab = {s for seg in segments for s in seg.stems}
        self._equal: dict[str, frozenset[str]] = {}

    def same(self, phrase_stem: str) -> frozenset[str]:
        """The answer's stems that count as this phrase stem: itself, and near-spellings of long ones."""
        hit = self._equal.get(phrase_stem)
        if hit is None:
            found = {phrase_stem} if phrase_stem in self.vocab else set()
            if len(phrase_stem) >= FUZZY_MIN_LEN and phrase_stem != _NUMBER_STEM:
                from rapidfuzz import fuzz  # lazily, like the stemmer

                found |= {
                    s
                    for s in self.vocab
                    if len(s) >= FUZZY_MIN_LEN - 1
                    and s[0] == phrase_stem[0]
                    and fuzz.ratio(s, phrase_stem) >= FUZZY_MIN_RATIO
                }
            hit = frozenset(found)
            self._equal[phrase_stem] = hit
        return hit

    def find(self, phrase: Phrase, segment: Segment) -> list[Match]:
        if not phrase.stems:
            return []
        allowed = [self.same(p) for p in phrase.stems]
        if any(not a for a in allowed):
            return []
        content = [i for i, w in enumerate(segment.words) if w not in STOPWORDS]
        matches: list[Match] = []
        for k, i in enumerate(content):
            if segment.stems[i] not in allowed[0]:
                continue
            picked = [i]
            cursor = k
            for want in allowed[1:]:
                nxt = next(
                    (
                        j
                        for j in range(cursor + 1, min(len(content), cursor + 2 + MAX_GAP))
                        if segment.stems[content[j]] in want
                    ),
                    None,
                )
                if nxt is None:
                    break
                picked.append(content[nxt])
                cursor = nxt
            if len(picked) == len(allowed) and segment.parts[picked[0]] == segment.parts[picked[-1]]:
                positions = frozenset(picked)
                matches.append(
                    Match(
                        phrase.text,
                        segment,
                        picked[0],
                        picked[-1],
                        positions,
                        _negated(segment, picked[0], picked[-1], positions),
                    )
                )
        return matches


def _negated(segment: Segment, start: int, end: int, own: frozenset[int]) -> bool:
    """True when a negation cue, not part of the phrase itself, denies the match in its clause."""
    words, clauses = segment.words, segment.clauses
    clause = clauses[start]
    for i in range(max(0, start - NEGATION_WINDOW), end + 1):
        if i in own or clauses[i] != clause:
            continue
        word = words[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in NEGATION_CUES and (word, following) not in NEGATION_EXCEPTIONS:
            return True
        if (word, following) in NEGATION_BIGRAMS and i + 1 < start:
            return True
    # A denied predicate after the match only denies the match when the match is its subject:
    # "the task depends on context the n-grams can't capture" does not deny "context".
    clause_start = start
    while clause_start > 0 and clauses[clause_start - 1] == clause:
        clause_start -= 1
    if any(w in AUXILIARIES or w in VERB_WORDS for w in words[clause_start:start]):
        return False
    for i in range(end + 1, min(len(words), end + 1 + NEGATION_AFTER_WINDOW)):
        word = words[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        if clauses[i] != clause or word in RELATIVE_WORDS:
            break  # "assumptions that don't match the data" does not deny the assumptions
        if word == "and" and (following in AUXILIARIES or following in VERB_WORDS or following in {"it", "i", "we"}):
            break  # "uses the running average and does not need a batch": a second predicate
        if (word in AUXILIARIES and following in {"not", "never"}) or word in DENIAL_AFTER:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Grading.


@dataclass
class _Evidence:
    positive: list[Match] = field(default_factory=list)
    negated: list[Match] = field(default_factory=list)


def _evidence(matcher: _Matcher, phrases: Iterable[str], segments: Iterable[Segment]) -> _Evidence:
    ev = _Evidence()
    compiled = [compile_phrase(p) for p in phrases]
    for seg in segments:
        for phrase in compiled:
            for m in matcher.find(phrase, seg):
                (ev.negated if m.negated else ev.positive).append(m)
    return ev


def quote(segment: Segment) -> str:
    """The sentence as written, shortened to a readable length."""
    text = " ".join(segment.text.split())
    return text if len(text) <= QUOTE_MAX_CHARS else text[: QUOTE_MAX_CHARS - 3].rstrip() + "..."


def _rubric(question: Question) -> Rubric:
    if question.rubric is None or question.is_coding:
        raise AnswerError(
            f"Question {question.id} is a coding question; grade a .py solution for it, not a written answer."
        )
    return question.rubric


def grade_written(question: Question, text: str) -> GradeReport:
    """Grade a written answer against the question's rubric: one check per key point, plus penalties."""
    rubric = _rubric(question)
    segments = analyse(text)
    matcher = _Matcher(segments)
    sentences = [s for s in segments if s.is_sentence]

    n_words = sum(len(s.words) for s in segments)
    prose_words = sum(len(s.words) for s in sentences)
    prose_share = prose_words / n_words if n_words else 0.0
    length_factor = min(1.0, n_words / rubric.min_words) if rubric.min_words else 1.0
    prose_factor = min(1.0, prose_share / PROSE_SHARE_FULL_CREDIT)
    longest = RAMBLING_MULTIPLE * rubric.min_words
    rambling_factor = min(1.0, longest / n_words) if rubric.min_words and n_words else 1.0
    factor = length_factor * prose_factor * rambling_factor

    # Misconceptions first: a sentence that states one is no evidence for any key point, even
    # when it uses a key point's words ("the gradient flows through the mean and variance as if
    # they were constants").
    misconceptions: list[dict[str, str]] = []
    wrong: dict[int, str] = {}  # id of a segment -> the misconception it states
    penalty = 0.0
    for mc in rubric.misconceptions:
        ev = _evidence(matcher, mc.phrases, segments)
        if ev.positive:
            misconceptions.append(
                {
                    "id": mc.id,
                    "description": mc.description,
                    "quote": quote(ev.positive[0].segment),
                    "phrase": ev.positive[0].phrase,
                }
            )
            penalty += mc.penalty
            for m in ev.positive:
                wrong.setdefault(id(m.segment), mc.description)

    total_weight = sum(kp.weight for kp in rubric.key_points) or 1.0
    checks: list[CheckResult] = []
    key_points: list[dict[str, Any]] = []
    contradictions: list[dict[str, str]] = []
    for kp in rubric.key_points:
        max_points = 100.0 * kp.weight / total_weight
        # Evidence must come from real sentences; a contradiction counts wherever it is written.
        ev = _evidence(matcher, kp.phrases, sentences)
        stated_wrongly = [m for m in ev.positive if id(m.segment) in wrong]
        ev.positive = [m for m in ev.positive if id(m.segment) not in wrong]
        candidates = ev.positive or ev.negated or stated_wrongly
        found = candidates[0] if candidates else None
        if ev.positive:
            where = quote(ev.positive[0].segment)
            status, points, message = Status.PASS, max_points * factor, f'Covered: "{where}"'
        elif ev.negated:
            where = quote(ev.negated[0].segment)
            status, points = Status.FAIL, 0.0
            message = f'Says the opposite: "{where}". {kp.hint or kp.description}'
            contradictions.append({"id": kp.id, "description": kp.description, "quote": where})
        elif stated_wrongly:
            m = stated_wrongly[0]
            where = quote(m.segment)
            status, points = Status.FAIL, 0.0
            message = f'Stated wrongly: "{where}" ({wrong[id(m.segment)]}) {kp.hint or kp.description}'
        else:
            where = ""
            status, points = Status.FAIL, 0.0
            message = kp.hint or f"Missing: {kp.description}"
        checks.append(
            CheckResult(kp.description, Category.RUBRIC, status, round(points, 2), round(max_points, 2), message)
        )
        key_points.append(
            {
                "id": kp.id,
                "covered": status is Status.PASS,
                "contradicted": bool(contradictions and contradictions[-1]["id"] == kp.id),
                "quote": where or None,
                "phrase": found.phrase if found else None,
            }
        )

    penalty += CONTRADICTION_PENALTY * len(contradictions)

    earned = sum(c.points for c in checks)
    score = max(0.0, min(100.0, earned - penalty))

    notes: list[str] = []
    if length_factor < 1.0:
        notes.append(
            f"The answer has {n_words} word{'s' if n_words != 1 else ''}; below {rubric.min_words} "
            f"the score is scaled down (x{length_factor:.2f}). Develop each point in a sentence or two."
        )
    if rambling_factor < 1.0:
        notes.append(
            f"The answer has {n_words} words; past {longest} an interviewer has stopped listening, so the "
            f"score is scaled down (x{rambling_factor:.2f}). Answer the question asked, in a few paragraphs."
        )
    if prose_factor < 1.0:
        notes.append(
            f"Only {prose_share:.0%} of the answer is in full sentences; lists of terms earn no "
            f"credit. Explain each point in a sentence that says why."
        )
    if contradictions:
        notes.append(f"{len(contradictions)} key point(s) stated the wrong way round: -{CONTRADICTION_PENALTY:g} each.")

    passed = score >= rubric.pass_mark and prose_share >= PROSE_SHARE_TO_PASS
    extra: dict[str, Any] = {
        "misconceptions": misconceptions,
        "contradictions": contradictions,
        "key_points": key_points,
        "pass_mark": rubric.pass_mark,
        "words": n_words,
        "min_words": rubric.min_words,
        "prose_share": round(prose_share, 2),
        "notes": notes,
    }
    return GradeReport(question.id, "written", score, passed, tuple(checks), extra)

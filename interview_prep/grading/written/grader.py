"""Rubric grading of written answers: what each clause asserts, quoted, against the rubric's key points.

A key point is earned by a clause that asserts it: a listed phrase with the right polarity (negation
has a scope: its clause), a claim whose concepts move the right way (claims.py), or a clause close
enough to the point's own wording (similarity.py). A clause that says the opposite contradicts the
point; one whose polarity cannot be told is reported as unclear, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from interview_prep.errors import AnswerError
from interview_prep.grading.report import Category, CheckResult, GradeReport, Status
from interview_prep.grading.written import claims, similarity
from interview_prep.models import KeyPoint, Question, Rubric

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
# A question whose rubric asks for at most this many words (min_words) is answered in a line, so a
# lone fragment ("log n") is the whole answer rather than a list of terms.
ONE_LINE_MAX_WORDS = 12
# ...of at least this many words: a one-line question's min_words (3 or 4) would make an ordinary
# paragraph of 50 words "rambling".
RAMBLING_MIN_BASE = 40
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
    "then otherwise therefore thus hence unlike except if whenever".split()
)
INTERROGATIVE_VERBS = frozenset(
    "show shows showed shown showing tell tells told know knows knew see sees saw reveal reveals revealed "
    "explain explains explained decide decides ask asks asked understand understands indicate indicates".split()
)
# A clause these open ("If no constructor is provided, ...") ends at the next comma, whatever follows:
# its negation never reaches the main clause.
SUBORDINATORS = frozenset("if when whenever unless although though because since while whereas once unlike".split())
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
# A pronoun before the match in its clause is the clause's subject, so the match is not.
SUBJECT_PRONOUNS = frozenset("i we you they he she".split())
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
_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[a-z0-9]+(?:[.'][a-z0-9]+)*|%")
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
    is_sentence: bool  # a real sentence, not a fragment
    spans: tuple[tuple[int, int], ...] = ()  # where each word is in text, for quoting its clause
    is_claim: bool = False  # a sentence, or a fragment that says something (not a list of terms)


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
# "dont", "isnt", "cant" typed without the apostrophe are still negations.
_BARE_NEGATIONS = {
    w: ({"cant": "can", "wont": "will", "aint": "is"}.get(w) or w[:-2])
    for w in "dont doesnt didnt isnt arent wasnt werent cant couldnt wouldnt shouldnt wont hasnt havent hadnt aint "
    "mustnt neednt".split()
}


# "logn", "nlogn", "log2n": complexity notation typed without spaces is "log n", "n log n", "log 2 n".
_GLUED_LOG_RE = re.compile(r"^(n?)(log|lg)(2?)n$")


def _expand(token: str) -> list[str]:
    if glued := _GLUED_LOG_RE.match(token):
        return [w for w in (glued[1], glued[2], glued[3], "n") if w]
    if token in _BARE_NEGATIONS:
        return [_BARE_NEGATIONS[token], "not"]
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
    words, clauses, parts, _ = tokenize_spans(segment)
    return words, clauses, parts


def tokenize_spans(segment: str) -> tuple[list[str], list[int], list[int], list[tuple[int, int]]]:
    """As tokenize(), with the character span of each word in the segment."""
    words: list[str] = []
    clauses: list[int] = []
    parts: list[int] = []
    spans: list[tuple[int, int]] = []
    clause, part = 1, 0
    subordinate = False  # inside an "if ..." clause, which the next comma closes
    lowered = segment.lower()
    prev_end = 0
    for m in _TOKEN_RE.finditer(lowered):
        gap = lowered[prev_end : m.start()]
        prev_end = m.end()
        expanded = _expand(m.group().replace(",", "").strip("."))
        if not expanded:
            continue
        if words and _CLAUSE_RE.search(gap):
            part += 1
            clause += 1
            subordinate = False
        elif words and "," in gap:
            # A comma ends a clause only when a new one visibly starts ("..., it uses", "..., not X");
            # in a list ("no need for precision, recall or F1") the negation carries on.
            if subordinate or expanded[0] in COMMA_CLAUSE_STARTS:
                clause += 1
                subordinate = False
        for k, word in enumerate(expanded):
            following = expanded[k + 1] if k + 1 < len(expanded) else ""
            if not following:
                nxt = _TOKEN_RE.search(lowered, m.end())
                following = nxt.group() if nxt else ""
            # "never settles and can diverge": "and" before a second verb starts a new clause.
            # "do not show which words drive it": after a verb of showing or knowing, "which"/"when" ask a
            # question inside the clause rather than open a new one, so the clause's denial reaches them.
            interrogative = word in {"which", "when", "whether"} and words and words[-1] in INTERROGATIVE_VERBS
            if (
                words
                and not interrogative
                and (word in CLAUSE_BREAK_WORDS or (word == "and" and following in AUXILIARIES | VERB_WORDS))
            ):
                clause += 1
                # "Unlike a stack, which is LIFO, a queue ...": a relative clause inside a subordinate one
                # is closed by the same comma
                subordinate = word in SUBORDINATORS or (subordinate and word in RELATIVE_WORDS)
            elif not words and word in SUBORDINATORS:
                subordinate = True
            words.append(word)
            clauses.append(clause)
            parts.append(part)
            spans.append((m.start(), m.end()))
    return words, clauses, parts, spans


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


_VERB_FORM_RE = re.compile(r"(ed|es|s|ing)$")


def _is_claim_fragment(text: str, words: Sequence[str]) -> bool:
    """A bullet or fragment that says something ("when no user-defined constructor exists"), not a list of terms."""
    if len(words) < 3:
        return False
    # A slash inside a fragment joins a compound ("train/val/test"), it does not split a list.
    if _is_term_list(text, 2, slash_splits=False):
        return False
    if any(w in VERB_WORDS or w in SUBORDINATORS or w in RELATIVE_WORDS for w in words):
        return True
    # "memorizes the training set", "computes per-feature statistics": a verb form then a function word.
    return any(
        _VERB_FORM_RE.search(w) and i + 1 < len(words) and words[i + 1] in FUNCTION_WORDS
        for i, w in enumerate(words[:-1])
    )


def analyse(text: str, one_line: bool = False) -> list[Segment]:
    """The answer as segments ready for matching; `one_line` when the question asks for one line."""
    out: list[Segment] = []
    code = False  # the answer has a line of code
    for seg in split_segments(text):
        is_code = seg.startswith(CODE_MARK)
        code |= is_code
        plain = seg.removeprefix(CODE_MARK)
        words, clauses, parts, spans = tokenize_spans(plain)
        if not words:
            continue
        stems = tuple(_stem_all(words))
        sentence = not is_code and _is_sentence(plain)
        claim = sentence or (not is_code and _is_claim_fragment(plain, words))
        out.append(Segment(plain, tuple(words), stems, tuple(clauses), tuple(parts), sentence, tuple(spans), claim))
    # A one-line answer to a one-line question ("log n", "the height of the tree") is the answer
    # itself, not a fragment of one: it says something unless it is a list of terms. (To a question
    # that wants paragraphs, a lone line of terms is still a list of terms.)
    lone = out[0] if one_line and len(out) == 1 and not code else None
    if lone is not None and not lone.is_claim and not _is_term_list(lone.text, TERM_LIST_MIN_ITEMS):
        out[0] = replace(lone, is_claim=True)
    return out


def _is_term_list(text: str, min_items: int, *, slash_splits: bool = True) -> bool:
    """At least min_items comma- or slash-separated items, short on average: "log n, hashing, sorting"."""
    separators = r",|/|=|->" if slash_splits else r",|=|->"
    items = [len(_TOKEN_RE.findall(item.lower())) for item in re.split(separators, text)]
    items = [n for n in items if n]
    return len(items) >= min_items and sum(items) / len(items) <= TERM_LIST_MAX_MEAN_WORDS


# ---------------------------------------------------------------------------------------------
# Phrase matching.


@dataclass(frozen=True)
class Phrase:
    """A rubric phrase as content stems, with how many denials it spells out itself (e.g. its own "not")."""

    text: str
    stems: tuple[str, ...]
    denials: int = 0


@lru_cache(maxsize=4096)
def compile_phrase(text: str) -> Phrase:
    """Content stems of a rubric phrase; "{number}" stands for any number."""
    marked = text.lower().replace(NUMBER_PLACEHOLDER, " 0 ")
    words, _, _ = tokenize(marked)
    content = [w for w in words if w not in STOPWORDS]
    # A privative the phrase says ("insert and remove") is a word to match, not a denial.
    own = [i for i in _denials(words, 0, len(words)) if words[i] not in claims.PRIVATIVES]
    return Phrase(text, tuple(_stem_all(content)), len(own))


def _stem_seq(words: Sequence[str]) -> list[str]:
    return _stem_all(list(words))


@lru_cache(maxsize=4096)
def compile_claim(text: str) -> claims.Claim | None:
    """A rubric sentence as a claim: two or more concepts with directions, or None."""
    words, clauses, _ = tokenize(text.lower())
    stems = _stem_all(words)
    occs = claims.occurrences(stems, words, [1] * len(words), _stem_seq)
    claim = claims.claim_of(occs)
    if claim is not None and len(claims.negation_positions(words, 0, len(words))) % 2:
        claim = tuple((c, -s) for c, s in claim[:1]) + claim[1:]  # "deep trees do not have low variance"
    return claim


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

    def same(self, phrase_stem: str, synonyms: bool = False) -> frozenset[str]:
        """The answer's stems that count as this phrase stem: itself, near-spellings of long ones, and
        with `synonyms` the words of its synonym class ("inserted" for "added")."""
        hit = self._equal.get(phrase_stem + "\x00" * synonyms)
        if hit is None:
            found = {phrase_stem} if phrase_stem in self.vocab else set()
            if synonyms:
                names = similarity.synonym_names(_stem_seq)
                if phrase_stem in names:
                    found |= {s for s in self.vocab if names.get(s) == names[phrase_stem]}
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
            self._equal[phrase_stem + "\x00" * synonyms] = hit
        return hit

    def find(self, phrase: Phrase, segment: Segment) -> list[Match]:
        if not phrase.stems:
            return []
        # A synonym stretches a phrase of several words, never a one-word one ("put it" is not "insert").
        allowed = [self.same(p, len(phrase.stems) >= 2) for p in phrase.stems]
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
                negated = _negated(segment, picked[0], picked[-1], phrase.denials, positions)
                matches.append(Match(phrase.text, segment, picked[0], picked[-1], positions, negated))
        return matches


# Cues that deny a phrase (not a claim) they precede: "it is a myth that", "we skip the".
PHRASE_ONLY_CUES = frozenset({"myth", "skip", "ignore"})


def _denials(words: Sequence[str], lo: int, hi: int) -> list[int]:
    """Positions in [lo, hi) that deny what follows: claims.negation_positions plus "myth", "skip"..."""
    out = claims.negation_positions(words, lo, hi)
    out += [i for i in range(lo, hi) if words[i] in PHRASE_ONLY_CUES]
    # "rather than X", "instead of X", "even if X": a bigram denies only what comes after it.
    out += [i for i in range(lo, hi - 1) if (words[i], words[i + 1]) in NEGATION_BIGRAMS and i + 1 < hi - 1]
    return sorted(set(out))


def _negated(segment: Segment, start: int, end: int, own: int = 0, matched: frozenset[int] = frozenset()) -> bool:
    """True when the denials in the match's clause (before and inside it) outnumber the phrase's own by an odd count.

    A privative among the matched words ("removes" for "removed from the front") is what the phrase
    says, not a denial of it. A match that runs on into a later clause opened by a bare "not" or "never"
    counts that denial too: "returns the address of the variable, not the value" does not say "returns
    the value"."""
    words, clauses = segment.words, segment.clauses
    clause = clauses[start]
    lo = start
    while lo > 0 and clauses[lo - 1] == clause and start - lo < NEGATION_WINDOW:
        lo -= 1
    cues = [
        i
        for i in _denials(words, lo, end + 1)
        if (clauses[i] == clause or (clauses[i] <= clauses[end] and _opens_elliptical_denial(segment, i)))
        and not (i in matched and words[i] in claims.PRIVATIVES)
    ]
    if (len(cues) - own) % 2:
        return True
    # A denied predicate after the match only denies the match when the match is its subject:
    # "the task depends on context the n-grams can't capture" does not deny "context", and in "you keep
    # track of the last item and do not ...", "you" is the subject.
    clause_start = start
    while clause_start > 0 and clauses[clause_start - 1] == clause:
        clause_start -= 1
    before = words[clause_start:start]
    if any(w in AUXILIARIES or w in VERB_WORDS or w in SUBJECT_PRONOUNS for w in before):
        return False
    # "The running averages are stored but never affect predictions": a clause of the same sentence
    # with no subject of its own, opened by a denial, denies the predicate of the match's subject.
    nxt = next((i for i in range(end + 1, len(words)) if clauses[i] != clause), None)
    if nxt is not None:
        head = words[nxt : nxt + 3]
        if head and head[0] in {"but", "and", "yet"}:
            head = head[1:]
        if head and (head[0] == "never" or (head[0] in AUXILIARIES and head[1:2] in (("not",), ("never",)))):
            return True
    for i in range(end + 1, min(len(words), end + 1 + NEGATION_AFTER_WINDOW)):
        word = words[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        if clauses[i] != clause or word in RELATIVE_WORDS:
            break  # "assumptions that don't match the data" does not deny the assumptions
        if word == "and" and (following in AUXILIARIES or following in VERB_WORDS or following in {"it", "i", "we"}):
            break  # "uses the running average and does not need a batch": a second predicate
        if word in DENIAL_AFTER or (word == "never" and i == end + 1):
            return True  # "adding features never reduces bias"
        if word in AUXILIARIES and following in {"not", "never"}:
            # "Adam does not remove the need to tune": two denials in the predicate affirm it.
            clause_end = i
            while clause_end + 1 < len(words) and clauses[clause_end + 1] == clause:
                clause_end += 1
            return len(_denials(words, i, clause_end + 1)) % 2 == 1
    return False


# "unlike a stack": what the clause says is said of the other thing.
CONTRAST_OPENERS = frozenset({"unlike"})
# "like a stack, except ...": a likeness the sentence goes on to qualify is not an identity.
LIKENESS_WORDS = frozenset({"like", "similar", "similarly", "resembles"})
QUALIFIERS = frozenset({"but", "except", "however", "yet", "though", "although", "only"})
# "A queue is FIFO, whereas a stack is LIFO": a clause set against one that earns a key point.
CONTRASTING = frozenset({"unlike", "whereas", "while", "except"})


def _clause_openers(segment: Segment) -> dict[int, str]:
    """The first word of each clause of the segment."""
    out: dict[int, str] = {}
    for word, clause in zip(segment.words, segment.clauses, strict=True):
        out.setdefault(clause, word)
    return out


def _about_the_other(segment: Segment, start: int, end: int) -> bool:
    """True when the words start..end describe something the sentence sets against its subject."""
    openers = _clause_openers(segment)
    clause = segment.clauses[start]
    if openers[clause] in CONTRAST_OPENERS:
        return True
    earlier = [c for c in openers if c < clause]
    if openers[clause] in RELATIVE_WORDS and earlier and openers[max(earlier)] in CONTRAST_OPENERS:
        return True  # "unlike a stack which is LIFO"
    lo = max(0, start - 1)
    if any(w in LIKENESS_WORDS for w in segment.words[lo : end + 1]):
        return any(c > segment.clauses[end] and w in QUALIFIERS for c, w in openers.items())
    return False


def _set_against(segment: Segment, one: int, other: int) -> bool:
    """True when a contrast ("whereas", "unlike", "except") opens a clause from clause one to clause other."""
    lo, hi = sorted((one, other))
    return lo != hi and any(lo < c <= hi and w in CONTRASTING for c, w in _clause_openers(segment).items())


def _opens_elliptical_denial(segment: Segment, i: int) -> bool:
    """True when word i is a bare "not"/"never" opening its clause: "the address, not the value"."""
    return segment.words[i] in {"not", "never"} and (i == 0 or segment.clauses[i - 1] != segment.clauses[i])


def quote(segment: Segment) -> str:
    """The sentence as written, shortened to a readable length."""
    return _shorten(segment.text)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_MAX_CHARS else text[: QUOTE_MAX_CHARS - 3].rstrip() + "..."


def quote_clause(segment: Segment, start: int, end: int) -> str:
    """The clause (or clauses) holding words start..end, as written; the sentence when the clause is tiny."""
    if not segment.spans:
        return quote(segment)
    lo, hi = start, end
    while lo > 0 and segment.clauses[lo - 1] == segment.clauses[start]:
        lo -= 1
    while hi + 1 < len(segment.words) and segment.clauses[hi + 1] == segment.clauses[end]:
        hi += 1
    if hi - lo < 3:
        return quote(segment)
    stop = len(segment.text) if hi == len(segment.words) - 1 else segment.spans[hi][1]
    return _shorten(segment.text[segment.spans[lo][0] : stop])


# ---------------------------------------------------------------------------------------------
# Evidence: what each clause says about each key point and misconception.

ASSERTED, CONTRADICTED, MISSING, UNCLEAR = "asserted", "contradicted", "missing", "unclear"
# A clause this close to one of a key point's reference texts (similarity.py) asserts it.
SIMILARITY_TO_ASSERT = 0.7


@dataclass(frozen=True)
class Finding:
    verdict: str  # asserted, contradicted or unclear
    segment: Segment
    start: int
    end: int
    how: str  # "phrase", "claim", "term", "similarity", "subject"
    phrase: str
    owner: str | None = None  # for "subject": the key point whose subject the clause names instead

    @property
    def quote(self) -> str:
        return quote_clause(self.segment, self.start, self.end)


class _Reader:
    """One answer, read against one rubric: concepts per segment, phrases, claims, similarity."""

    def __init__(self, question: Question, rubric: Rubric, segments: Sequence[Segment]) -> None:
        self.segments = segments
        self.matcher = _Matcher(segments)
        self.occs = {id(s): claims.occurrences(s.stems, s.words, s.clauses, _stem_seq) for s in segments if s.is_claim}
        self.subjects = {kp.id: [compile_phrase(t) for t in kp.subject] for kp in rubric.key_points if kp.subject}
        self.similarity = _similarity_index(question)

    def _clause_stems(self, seg: Segment, clause: int) -> set[str]:
        return {
            s for s, c, w in zip(seg.stems, seg.clauses, seg.words, strict=True) if c == clause and w not in STOPWORDS
        }

    def phrase_findings(self, texts: Iterable[str], segs: Iterable[Segment], how: str = "phrase") -> list[Finding]:
        out: list[Finding] = []
        compiled = [compile_phrase(t) for t in texts]
        for seg in segs:
            for phrase in compiled:
                for m in self.matcher.find(phrase, seg):
                    if _about_the_other(seg, m.start, m.end):
                        continue  # "unlike a stack, which is LIFO" says nothing of the answer's subject
                    verdict = CONTRADICTED if m.negated else ASSERTED
                    out.append(Finding(verdict, seg, m.start, m.end, how, phrase.text))
        return out

    def claim_findings(self, texts: Iterable[str], segs: Iterable[Segment]) -> list[Finding]:
        out: list[Finding] = []
        compiled = [(t, c) for t in texts if (c := compile_claim(t)) is not None]
        for seg in segs:
            occs = self.occs.get(id(seg), [])
            for text, claim in compiled:
                for cm in claims.match_claim(claim, occs, seg.words, seg.clauses):
                    verdict = {"asserted": ASSERTED, "denied": CONTRADICTED, "unclear": UNCLEAR}[cm.verdict]
                    out.append(Finding(verdict, seg, cm.start, cm.end, "claim", text))
        return out

    def subject_of(self, seg: Segment, at: int) -> str | None:
        """The key point whose subject is named nearest before `at` in its clause, else after it."""
        best: tuple[int, str] | None = None
        for kp_id, phrases in self.subjects.items():
            for phrase in phrases:
                for m in self.matcher.find(phrase, seg):
                    if seg.clauses[m.start] != seg.clauses[at]:
                        continue  # only a subject of the same clause can take the claim
                    rank = (at - m.end) if m.end < at else (m.start - at) + 100
                    if best is None or rank < best[0]:
                        best = (rank, kp_id)
        return best[1] if best else None

    def key_point(self, kp: KeyPoint, allowed: Sequence[Segment]) -> list[Finding]:
        phrase_texts = [p for p in kp.phrases if compile_claim(p) is None]
        claim_texts = [*kp.claims, *(p for p in kp.phrases if compile_claim(p) is not None)]
        found = self.phrase_findings(phrase_texts, allowed)
        found += self.phrase_findings(kp.terms, [s for s in allowed if s.is_sentence], "term")
        found += self.claim_findings(claim_texts, allowed)
        if kp.subject:  # the point's claim given to another subject contradicts it
            checked: list[Finding] = []
            for f in found:
                owner = self.subject_of(f.segment, f.start)
                if f.verdict == ASSERTED and owner is not None and owner != kp.id and f.how != "claim":
                    f = Finding(CONTRADICTED, f.segment, f.start, f.end, "subject", f.phrase, owner)
                checked.append(f)
            found = checked
        # "A bigger model increases bias": a clause whose claim says the opposite of the point does not
        # earn it by naming the point's words ("bigger model").
        against = {
            (id(f.segment), f.segment.clauses[f.start]) for f in found if f.how == "claim" and f.verdict == CONTRADICTED
        }
        return [
            f
            for f in found
            if not (
                f.verdict == ASSERTED and f.how != "claim" and (id(f.segment), f.segment.clauses[f.start]) in against
            )
        ]

    def similar(self, kp: KeyPoint, allowed: Sequence[Segment], used: set[tuple[int, int]]) -> list[Finding]:
        """Clauses close to the point's wording; a clause that already earned another point is not reused."""
        out: list[Finding] = []
        for seg in allowed:
            for clause in sorted(set(seg.clauses)):
                if (id(seg), clause) in used:
                    continue
                stems = self._clause_stems(seg, clause)
                # an elliptical clause ("and one leaf per example") is read with the sentence around it
                score, ref = self.similarity.best(kp.id, stems)
                if score < SIMILARITY_TO_ASSERT or ref is None:
                    continue
                idx = [i for i, c in enumerate(seg.clauses) if c == clause]
                start, end = idx[0], idx[-1]
                owner = self.subject_of(seg, start) if kp.subject else None
                # a privative the reference says too ("removes ... from the front") is content, not a denial
                denials = [
                    i
                    for i in _denials(seg.words, start, end + 1)
                    if not (seg.words[i] in claims.PRIVATIVES and seg.stems[i] in ref.stems)
                ]
                if owner is not None and owner != kp.id:
                    verdict = CONTRADICTED
                elif len(denials) % 2:
                    verdict = UNCLEAR  # close in wording, but a denial we cannot place
                else:
                    verdict = ASSERTED
                out.append(Finding(verdict, seg, start, end, "similarity", " ".join(ref.stems)))
        return out


@lru_cache(maxsize=256)
def _similarity_index(question: Question) -> similarity.SimilarityIndex:
    rubric = question.rubric
    assert rubric is not None
    refs: list[similarity.Reference] = []
    profiles: dict[str, set[str]] = {}
    for kp in rubric.key_points:
        texts = [kp.description, *kp.phrases, *kp.claims, *kp.paraphrases]
        stems_list = [_content_stems(t) for t in texts]
        profiles[kp.id] = {s for st in stems_list for s in st}
        refs += [similarity.Reference(kp.id, st) for st in stems_list[1:] if len(st) >= 2]
        if len(stems_list[0]) >= 2:
            refs.append(similarity.Reference(kp.id, _strip_rubric_verbs(stems_list[0])))
    # Each clause of the model answer belongs to the key point it shares most words with.
    for seg in analyse(question.how_to_answer):
        for clause in sorted(set(seg.clauses)):
            stems = tuple(
                dict.fromkeys(
                    s
                    for s, c, w in zip(seg.stems, seg.clauses, seg.words, strict=True)
                    if c == clause and w not in STOPWORDS
                )
            )
            if len(stems) < 2:
                continue
            owner = max(profiles, key=lambda k: len(profiles[k] & set(stems)))
            if len(profiles[owner] & set(stems)) >= 1:
                refs.append(similarity.Reference(owner, stems))
    return similarity.SimilarityIndex(refs, _content_stems(question.prompt), similarity.synonym_names(_stem_seq))


# "Defines bias as ...", "Names a technique that ...": the rubric's framing, not the content.
_RUBRIC_VERBS = "defines names explains says states mentions gives describes".split()


def _strip_rubric_verbs(stems: tuple[str, ...]) -> tuple[str, ...]:
    framing = set(_stem_all(_RUBRIC_VERBS))
    return tuple(s for s in stems if s not in framing)


def _content_stems(text: str) -> tuple[str, ...]:
    words = [w for w in tokenize(text.lower().replace(NUMBER_PLACEHOLDER, " 0 "))[0] if w not in STOPWORDS]
    return tuple(dict.fromkeys(_stem_all(words)))


def _rubric(question: Question) -> Rubric:
    if question.rubric is None or question.is_coding:
        raise AnswerError(
            f"Question {question.id} is a coding question; grade a .py solution for it, not a written answer."
        )
    return question.rubric


def asks_for_one_line(question: Question) -> bool:
    """A question answered in a line: its rubric's min_words, else its model answer, is that short."""
    assert question.rubric is not None
    return (question.rubric.min_words or len(question.how_to_answer.split())) <= ONE_LINE_MAX_WORDS


def point_scale(rubric: Rubric) -> int:
    """The smallest multiplier that makes every key point's weight a whole number of points."""
    for m in (1, 2, 4, 5, 10, 20, 100):
        if all(abs(kp.weight * m - round(kp.weight * m)) < 1e-6 for kp in rubric.key_points):
            return m
    return 100


def core_ids(rubric: Rubric) -> set[str]:
    """The key points marked core: true; when none is marked, those of the highest weight."""
    explicit = {kp.id for kp in rubric.key_points if kp.core}
    if explicit or any(kp.core is False for kp in rubric.key_points):
        return explicit
    top = max(kp.weight for kp in rubric.key_points)
    return {kp.id for kp in rubric.key_points if kp.weight == top}


def _pick(found: Sequence[Finding], verdict: str) -> Finding | None:
    hits = [f for f in found if f.verdict == verdict]
    if not hits:
        return None
    order = {"claim": 0, "phrase": 1, "subject": 1, "term": 2, "similarity": 3}
    return min(hits, key=lambda f: order.get(f.how, 9))


def _swap_subjects(findings: dict[str, list[Finding]]) -> None:
    """ "Bias is error from sensitivity to the training set": what the clause says of its subject is
    another point's claim, so it contradicts the point of that subject too."""
    for kp_id, found in list(findings.items()):
        for f in found:
            if f.how == "subject" and f.owner is not None and f.owner in findings and f.owner != kp_id:
                findings[f.owner].append(Finding(CONTRADICTED, f.segment, f.start, f.end, "subject", f.phrase))


def _explain_contradictions(findings: dict[str, list[Finding]]) -> None:
    """A denied phrase inside a longer phrase another point asserts is that point's wording, not a denial:
    "does not depend on the other examples" earns "no longer depends on the batch" and contradicts nothing."""
    asserted = [f for fs in findings.values() for f in fs if f.verdict == ASSERTED and f.how == "phrase"]
    for kp_id, found in findings.items():
        findings[kp_id] = [
            f
            for f in found
            if not (
                f.verdict == CONTRADICTED
                and f.how == "phrase"
                and any(
                    a.segment is f.segment and a.start <= f.start and a.end >= f.end and a not in found
                    for a in asserted
                )
            )
        ]


def grade_written(question: Question, text: str) -> GradeReport:
    """Grade a written answer against the question's rubric: one check per key point, plus penalties."""
    rubric = _rubric(question)
    segments = analyse(text, one_line=asks_for_one_line(question))
    reader = _Reader(question, rubric, segments)
    claims_segs = [s for s in segments if s.is_claim]

    n_words = sum(len(s.words) for s in segments)
    prose_words = sum(len(s.words) for s in claims_segs)
    prose_share = prose_words / n_words if n_words else 0.0
    prose_factor = min(1.0, prose_share / PROSE_SHARE_FULL_CREDIT)
    longest = RAMBLING_MULTIPLE * max(RAMBLING_MIN_BASE, rubric.min_words or len(question.how_to_answer.split()))
    rambling_factor = min(1.0, longest / n_words) if n_words else 1.0
    factor = prose_factor * rambling_factor

    # Misconceptions first: a sentence that states one is no evidence for any key point, even when
    # it uses a key point's words. A clause that denies one is evidence for the truth, never "Wrong".
    misconceptions: list[dict[str, str]] = []
    denied: list[dict[str, str]] = []
    wrong: dict[int, str] = {}  # id of a segment -> the misconception it states
    penalty = 0.0
    # Listed phrases and claims of the key points (similarity comes later, where they found nothing).
    findings = {kp.id: reader.key_point(kp, claims_segs) for kp in rubric.key_points}
    _swap_subjects(findings)
    _explain_contradictions(findings)
    earning = {
        (id(f.segment), f.segment.clauses[f.start]) for fs in findings.values() for f in fs if f.verdict == ASSERTED
    }
    for mc in rubric.misconceptions:
        phrase_texts = [p for p in mc.phrases if compile_claim(p) is None]
        claim_texts = [*mc.claims, *(p for p in mc.phrases if compile_claim(p) is not None)]
        found = reader.phrase_findings(phrase_texts, segments) + reader.claim_findings(claim_texts, segments)
        # "A queue is FIFO, whereas a stack is LIFO": set against a clause that earns a key point, the
        # misconception's words describe the other thing.
        found = [
            f
            for f in found
            if not (
                f.verdict == ASSERTED
                and any(
                    sid == id(f.segment) and _set_against(f.segment, f.segment.clauses[f.start], clause)
                    for sid, clause in earning
                )
            )
        ]
        stated = _pick(found, ASSERTED)
        if stated is not None:
            misconceptions.append(
                {"id": mc.id, "description": mc.description, "quote": stated.quote, "phrase": stated.phrase}
            )
            penalty += mc.penalty
            for f in found:
                if f.verdict == ASSERTED:
                    wrong.setdefault(id(f.segment), mc.description)
        elif (denial := _pick(found, CONTRADICTED)) is not None:
            denied.append({"id": mc.id, "description": mc.description, "quote": denial.quote})

    scale = point_scale(rubric)
    total_points = sum(round(kp.weight * scale) for kp in rubric.key_points) or 1
    core = core_ids(rubric)
    checks: list[CheckResult] = []
    key_points: list[dict[str, Any]] = []
    contradictions: list[dict[str, str]] = []
    earned = 0
    core_contradicted: list[str] = []
    core_asserted = True
    # Listed phrases and claims first; similarity only where they found nothing, and only in clauses
    # that earned no other point: one clause earns at most what it really asserts.
    used = set(earning)
    for kp in rubric.key_points:
        if not any(f.verdict == ASSERTED for f in findings[kp.id]):
            # a clause that contradicts the point is never similar enough to assert it
            denying = {(id(f.segment), f.segment.clauses[f.start]) for f in findings[kp.id] if f.verdict != ASSERTED}
            extra_found = reader.similar(kp, claims_segs, used | denying)
            findings[kp.id] += extra_found
            used |= {(id(f.segment), f.segment.clauses[f.start]) for f in extra_found if f.verdict == ASSERTED}
    for kp in rubric.key_points:
        max_points = round(kp.weight * scale)
        found = findings[kp.id]
        stated_wrongly = [f for f in found if f.verdict == ASSERTED and id(f.segment) in wrong]
        found = [f for f in found if not (f.verdict == ASSERTED and id(f.segment) in wrong)]
        asserted, against, unclear = (_pick(found, v) for v in (ASSERTED, CONTRADICTED, UNCLEAR))
        points = 0
        if asserted is not None:
            verdict, where, chosen = ASSERTED, asserted.quote, asserted
            points = max_points
            status, message = Status.PASS, f'Covered: "{where}"'
        elif against is not None:
            verdict, where, chosen = CONTRADICTED, against.quote, against
            status = Status.FAIL
            message = f'Says the opposite: "{where}". {kp.hint or kp.description}'
            contradictions.append({"id": kp.id, "description": kp.description, "quote": where})
        elif stated_wrongly:
            f = stated_wrongly[0]
            verdict, where, chosen = CONTRADICTED, f.quote, f
            status = Status.FAIL
            message = f'Stated wrongly: "{where}" ({wrong[id(f.segment)]}) {kp.hint or kp.description}'
            contradictions.append({"id": kp.id, "description": kp.description, "quote": where})
        elif unclear is not None:
            verdict, where, chosen = UNCLEAR, unclear.quote, unclear
            status = Status.FAIL
            message = (
                f"Could not tell whether you said that {kp.description[:1].lower()}{kp.description[1:]} "
                f'("{where}"). Say it plainly. {kp.hint}'
            ).strip()
        else:
            verdict, where, chosen = MISSING, "", None
            status = Status.FAIL
            message = kp.hint or f"Missing: {kp.description}"
        if kp.id in core:
            core_asserted &= verdict == ASSERTED
            if verdict == CONTRADICTED:
                core_contradicted.append(kp.id)
        earned += points
        checks.append(CheckResult(kp.description, Category.RUBRIC, status, points, max_points, message))
        key_points.append(
            {
                "id": kp.id,
                "verdict": verdict,
                "covered": verdict == ASSERTED,
                "contradicted": verdict == CONTRADICTED,
                "core": kp.id in core,
                "quote": where or None,
                "phrase": chosen.phrase if chosen else None,
                "how": chosen.how if chosen else None,
            }
        )

    penalty += CONTRADICTION_PENALTY * len(contradictions)
    raw = 100.0 * earned / total_points
    score = round(max(0.0, min(100.0, raw * factor - penalty)), 1)

    notes: list[str] = []
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
    if core_contradicted:
        notes.append(
            "The answer contradicts a core point ("
            + ", ".join(core_contradicted)
            + "), so it does not pass whatever else it covers."
        )
    stated_core = core_asserted and bool(core) and not misconceptions and not contradictions
    passed = (
        (score >= rubric.pass_mark or stated_core)
        and not core_contradicted
        and prose_share >= PROSE_SHARE_TO_PASS
        and rambling_factor >= 1.0
    )
    extra: dict[str, Any] = {
        "misconceptions": misconceptions,
        "denied_misconceptions": denied,
        "contradictions": contradictions,
        "key_points": key_points,
        "pass_mark": rubric.pass_mark,
        "points": earned,
        "max_points": total_points,
        "words": n_words,
        "min_words": rubric.min_words,
        "prose_share": round(prose_share, 2),
        "notes": notes,
    }
    return GradeReport(question.id, "written", score, passed, tuple(checks), extra)

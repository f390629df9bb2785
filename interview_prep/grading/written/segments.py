"""An answer as segments: sentences and list items, their words, stems and clauses, and which say something.

A clause is the scope of a negation: it ends at a hard boundary (";", ":", a dash, brackets), at a
coordinator or subordinator ("but", "while", "if", "which"), and at a comma that visibly starts a new
clause. A segment is a real sentence, a fragment that says something, or a list of terms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from interview_prep.grading.written import claims, lexicon

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

# The placeholder a rubric phrase may use for any number: "{number} %", "went from {number} to {number}".
# Stopwords are dropped from phrases, so "from {number} to {number}" would be just two numbers.
NUMBER_PLACEHOLDER = "{number}"
NUMBER_STEM = "\x00num"
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
DENIAL_AFTER = frozenset(
    {
        "waste",
        "pointless",
        "useless",
        "unnecessary",
        "overrated",
        "irrelevant",
        "unrelated",
        "mistake",
        "needless",
        "redundant",
        "superfluous",
        "overkill",
    }
)
# Verbs whose object a later judgement is of: "makes X unnecessary", "means X is pointless", "renders X useless".
OBJECT_JUDGING_VERBS = frozenset(
    "make makes made making render renders rendered mean means meant show shows showed shown prove proves "
    "proved leave leaves left leaving turn turns turned".split()
)
# "not only X but also Y" and "no matter" affirm rather than deny.
# Two-word cues; "even if X" does not claim X either.
NEGATION_BIGRAMS = frozenset(
    {("rather", "than"), ("instead", "of"), ("wrong", "to"), ("wrong", "that"), ("false", "that"), ("even", "if")}
)
# Words that start a new clause, so a negation before them does not reach past them.
CLAUSE_BREAK_WORDS = frozenset(
    "but whereas although though however yet instead so because since while which when unless until "
    "then otherwise therefore thus hence unlike except if whenever before after whose who whom".split()
)
INTERROGATIVE_VERBS = frozenset(
    "show shows showed shown showing tell tells told know knows knew see sees saw reveal reveals revealed "
    "explain explains explained decide decides ask asks asked understand understands indicate indicates".split()
)
# A clause these open ("If no constructor is provided, ...") ends at the next comma, whatever follows:
# its negation never reaches the main clause.
SUBORDINATORS = frozenset("if when whenever unless although though because since while whereas once unlike".split())
# After a comma, these start a new clause; anything else continues a list or a phrase.
COMMA_CLAUSE_STARTS = (
    CLAUSE_BREAK_WORDS
    | frozenset("it this that these those i we you he she they and not rather there my our its as only".split())
    | lexicon.PRESCRIBING_OPENERS
)  # "for high bias, use a bigger model"
# "AUC is not useful", "the confusion matrix would not add anything": a negated predicate after the
# match denies it too. Only an auxiliary followed by not/never counts, so "running averages, not
# batch statistics" keeps its credit.
AUXILIARIES = frozenset(
    "is are was were be do does did would will can could should has have had may might must matter matters".split()
)
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
    gives gave picked wanted knew thought fixed changed tells told shows showed wrote makes made adds
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
_NUMBER_RE = re.compile(r"^\d[\d.]*(?:k|m|x|ms|s|h|pp)?$")
TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[a-z0-9]+(?:[.'][a-z0-9]+)*|%")
# Hard clause boundaries; a phrase never matches across one. Commas are judged in tokenize().
_CLAUSE_RE = re.compile(r"[;:()\[\]\u2014\u2013]|\s-\s|--")
# A bound in big-O notation: one word of its own ("o(n)", "o(nlogn)", "o(v+e)") beside its inner words,
# so a phrase can name the bound exactly and O(n) is never O(n log n), O(1) or O(V·E).
_BIG_O_RE = re.compile(r"\bo\(([^()]{1,40})\)")
_BIG_O_DROPPED_RE = re.compile(r"[\s*\u00b7\u00d7\u22c5]+")


def _big_o(inner: str) -> str:
    return "o(" + _BIG_O_DROPPED_RE.sub("", inner.replace("\u00b2", "^2")) + ")"


def is_notation(word: str) -> bool:
    """A big-O bound as one word: matched exactly, never stemmed or fuzzy-matched."""
    return word.startswith("o(") and word.endswith(")")


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"')\]]?\s+")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")
_HEADING_RE = re.compile(r"^\s*#{1,6}\s+")


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


def stem_all(words: Sequence[str]) -> list[str]:
    # British -ise spellings become -ize before stemming, on both sides, so "memorises" meets
    # "memorizes"; the stemmer alone leaves them apart and they are too short to fuzzy-match.
    stems = _stemmer()([_BRITISH_RE.sub(r"iz\1", w) for w in words])
    # Every number is the same "number" stem, so a "{number} %" phrase matches "82 %" and "0.91 %";
    # names with digits ("f1", "l2", "bert-base") stay words.
    return [
        w if is_notation(w) else NUMBER_STEM if _NUMBER_RE.match(w) else s for w, s in zip(words, stems, strict=True)
    ]


def tokenize(segment: str) -> tuple[list[str], list[int], list[int]]:
    """Lower-cased words of a segment, with the clause and the hard-bounded part each belongs to."""
    words, clauses, parts, _ = tokenize_spans(segment)
    return words, clauses, parts


# Verbs enough to tell that a clause already has its predicate: "Boosting mainly attacks bias, adding ...".
_PREDICATE_WORDS = frozenset(VERB_WORDS | set(lexicon.UP_WORDS.split()) | set(lexicon.DOWN_WORDS.split()))


def _opens_a_participle(
    m: re.Match[str], nxt: re.Match[str] | None, lowered: str, words: Sequence[str], clauses: Sequence[int]
) -> bool:
    """True for an -ing word after a comma that ends a clause with a predicate, not one item of a list:
    in "boosting attacks bias, adding shallow learners" the shallow learners are not what reduces bias;
    "no scaling, clipping or warmup" is a list, and "Regularization, adding a penalty, reduces variance"
    has no predicate before its comma."""
    word = m.group()
    if not (word.endswith("ing") and len(word) > 5):
        return False
    if nxt is None or "," in lowered[m.end() : nxt.start()] or nxt.group() in {"or", "and"}:
        return False
    own = [w for w, c in zip(words, clauses, strict=True) if c == clauses[-1]]
    return any(w in _PREDICATE_WORDS for w in own[1:])


_STEP_OBJECTS = frozenset("the a an that it this them my our its their".split())


def _opens_a_past_step(m: re.Match[str], nxt: re.Match[str] | None, lowered: str, words: Sequence[str]) -> bool:
    """True for a past-tense verb and its object after a comma, once the clause has a predicate: one step of a
    story told as a list ("suspected the loader but not the labels, tested that on one batch, fixed the
    transform"), which a denial in the step before does not reach."""
    word = m.group()
    if not (word.endswith("ed") and len(word) > 4 or word in PAST_STEP_VERBS):
        return False
    if nxt is None or nxt.group() not in _STEP_OBJECTS or "," in lowered[m.end() : nxt.start()]:
        return False
    # a predicate anywhere before: the elliptical "but not images" in "suspected X but not images, tested" has none
    return any(w in _PREDICATE_WORDS or w.endswith("ed") for w in words[1:])


PAST_STEP_VERBS = frozenset("found ran reran wrote built saw made took put got split kept set".split())


# "A shallow tree has high bias and a deep tree has high variance": after a clause with its own verb, "and" and
# a determiner open a second subject with a verb of its own, a clause of its own ("computes the mean and the
# variance of the batch" has no second verb; "the mean and the variance are computed" no first one).
SECOND_SUBJECT_OPENERS = frozenset("a an the its their this these".split())
SECOND_SUBJECT_REACH = 4


def _opens_a_second_sentence(
    following: str, lowered: str, at: int, words: Sequence[str], clauses: Sequence[int]
) -> bool:
    if following not in SECOND_SUBJECT_OPENERS or not words:
        return False
    own = [w for w, c in zip(words, clauses, strict=True) if c == clauses[-1]]
    if not any(w in AUXILIARIES or w in VERB_WORDS for w in own):
        return False
    stop = lowered.find(",", at)
    upto = lowered if stop == -1 else lowered[:stop]  # up to the next comma
    ahead = [t.group() for t in islice(TOKEN_RE.finditer(upto, at), SECOND_SUBJECT_REACH + 1)]
    return any(w in AUXILIARIES or w in VERB_WORDS for w in ahead[2:])


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
    notations = {n.start(): n for n in _BIG_O_RE.finditer(lowered)}
    inside = -1  # where the big-O bound the words are in ends: its parentheses are no boundary
    for m in TOKEN_RE.finditer(lowered):
        gap = lowered[prev_end : m.start()]
        if prev_end <= inside:  # the bound's own "(" before its first word, its ")" after its last
            gap = gap.replace("(", " ", 1) if m.start() <= inside else gap.replace(")", " ", 1)
        prev_end = m.end()
        expanded = _expand(m.group().replace(",", "").strip("."))
        if not expanded:
            continue
        if expanded[0] in NEGATION_CUES and _quoted(lowered, m.start()):
            expanded = [f"{expanded[0]}-quoted", *expanded[1:]]  # the 'not spam' button is a name, no denial
        bound = notations.get(m.start()) if m.group() == "o" else None
        if bound is not None:
            inside = bound.end() - 1
            expanded = [_big_o(bound.group(1))]
        if words and _CLAUSE_RE.search(gap):
            part += 1
            clause += 1
            subordinate = False
        elif words and "," in gap:
            # A comma ends a clause only when a new one visibly starts ("..., it uses", "..., not X");
            # in a list ("no need for precision, recall or F1") the negation carries on.
            nxt = TOKEN_RE.search(lowered, m.end())  # the word after this one, which the tests below look at
            if (
                subordinate
                or expanded[0] in COMMA_CLAUSE_STARTS
                or _opens_a_participle(m, nxt, lowered, words, clauses)
                or _ends_an_aside(expanded[0], words, clauses, clause, nxt.group() if nxt else "")
                or _opens_a_past_step(m, nxt, lowered, words)
            ):
                clause += 1
                subordinate = False
        for k, word in enumerate(expanded):
            following = expanded[k + 1] if k + 1 < len(expanded) else ""
            if not following:
                nxt = TOKEN_RE.search(lowered, m.end())
                following = nxt.group() if nxt else ""
            # "never settles and can diverge": "and" before a second verb starts a new clause.
            # "do not show which words drive it": after a verb of showing or knowing, "which"/"when" ask a
            # question inside the clause rather than open a new one, so the clause's denial reaches them.
            interrogative = (
                word in {"which", "when", "whether", "who", "whom", "whose"}
                and words
                and words[-1] in INTERROGATIVE_VERBS
            )
            # "without committing to a threshold I'd use ROC-AUC": a subject after a "without" phrase starts
            # the main clause, which the "without" does not deny
            # (a sentence that opens with "without" sets a condition: denial_scope.sets_a_condition)
            after_without = word in SUBJECT_PRONOUNS and any(
                w == "without" and c == clause and k > 0 for k, (w, c) in enumerate(zip(words, clauses, strict=True))
            )
            # "compared the numbers before and after": a pair of times, no clause of its own
            times = word in {"before", "after"} and (
                following == "and" or (len(words) >= 2 and words[-1] == "and" and words[-2] in {"before", "after"})
            )
            if (
                words
                and not interrogative
                and not times
                and (
                    word in CLAUSE_BREAK_WORDS
                    or (word == "and" and following in AUXILIARIES | VERB_WORDS)
                    or (word == "and" and _opens_a_second_sentence(following, lowered, m.end(), words, clauses))
                    or after_without
                )
            ):
                clause += 1
                # "Unlike a stack, which is LIFO, a queue ...": a relative clause inside a subordinate one
                # is closed by the same comma
                subordinate = word in SUBORDINATORS or (subordinate and word in RELATIVE_WORDS)
            elif not words and (word in SUBORDINATORS or word in {"as", "without"}):  # "As depth grows, ..."
                subordinate = True
            words.append(word)
            clauses.append(clause)
            parts.append(part)
            spans.append((m.start(), bound.end()) if bound is not None else (m.start(), m.end()))
    return words, clauses, parts, spans


# A sentence that opens with one of these opens with a phrase of circumstance: "For a comparison that doesn't hinge
# on one cut-off, ROC-AUC ...": its comma ends it, so a denial inside does not reach the main clause.
INTRO_PREPOSITIONS = frozenset("for with in on at during from by".split())


def _ends_an_aside(following: str, words: Sequence[str], clauses: Sequence[int], clause: int, then: str) -> bool:
    """True at a comma that closes an opening phrase of circumstance holding a denial, or a "without" phrase
    before ", or": "zig-zag without really trending down, or shoot upward" does not deny the shooting up, but
    "without testing it, or checking ..." goes on with the list of what was not done."""
    own = [w for w, c in zip(words, clauses, strict=True) if c == clause]
    if following == "or":
        return "without" in own and not then.endswith("ing")
    if not own or clause != clauses[0]:
        return False
    # "Even with an adaptive optimiser, the global rate needs sweeping": a concession, not the claim's subject
    conceded = own[0] in CONCEDING or (own[0] == "even" and own[1:2] and own[1] in INTRO_PREPOSITIONS)
    # "Rather than decaying, a cyclical schedule raises the rate": what is set aside ends at its comma
    conceded = conceded or tuple(own[:2]) in {("rather", "than"), ("instead", "of")}
    return conceded or (own[0] in INTRO_PREPOSITIONS and any(w in NEGATION_CUES for w in own))


CONCEDING = frozenset({"despite"})


QUOTES = "'\""


def _quoted(lowered: str, at: int) -> bool:
    """True for a word that opens a short quotation ("use 'not spam' reports"): a label, not the writer's words."""
    if at == 0 or lowered[at - 1] not in QUOTES or (at >= 2 and not lowered[at - 2].isspace()):
        return False
    close = lowered.find(lowered[at - 1], at)
    return close != -1 and close - at <= QUOTED_LABEL_MAX


QUOTED_LABEL_MAX = 24


def _is_sentence(text: str) -> bool:
    """A real sentence that makes a claim, as opposed to a heading, a label or a list of terms."""
    head, colon, rest = text.partition(":")
    if colon and len(TOKEN_RE.findall(head.lower())) <= LABEL_MAX_WORDS:
        text = rest  # judge what follows the label
    words, _, _ = tokenize(text)
    if len(words) < SENTENCE_MIN_WORDS:
        return False
    items = [len(TOKEN_RE.findall(item.lower())) for item in re.split(r",|/|=|->", text)]
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
    if is_term_list(text, 2, slash_splits=False):
        return False
    if any(w in VERB_WORDS or w in SUBORDINATORS or w in RELATIVE_WORDS for w in words):
        return True
    if any(w in {"not", "never"} for w in words[:-1]):
        return True  # "calibration never matters": what follows a denial is a verb
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
        stems = tuple(stem_all(words))
        sentence = not is_code and _is_sentence(plain)
        claim = sentence or (not is_code and _is_claim_fragment(plain, words))
        if not claim and not is_code and not is_term_list(plain, 2, slash_splits=False):
            # "Shallow trees overfit.", "Regularization lowers bias.": two concepts, each moved, make a claim
            said = claims.claim_of(claims.occurrences(stems, words, clauses, stem_seq)) or ()
            claim = any(lexicon.CONCEPTS[c][0] in {"quantity", "action"} for c, _ in said)
        out.append(Segment(plain, tuple(words), stems, tuple(clauses), tuple(parts), sentence, tuple(spans), claim))
    # A one-line answer to a one-line question ("log n", "the height of the tree") is the answer
    # itself, not a fragment of one: it says something unless it is a list of terms. (To a question
    # that wants paragraphs, a lone line of terms is still a list of terms.)
    lone = out[0] if one_line and len(out) == 1 and not code else None
    if lone is not None and not lone.is_claim and not is_term_list(lone.text, TERM_LIST_MIN_ITEMS):
        out[0] = replace(lone, is_claim=True)
    return out


def is_term_list(text: str, min_items: int, *, slash_splits: bool = True) -> bool:
    """At least min_items comma- or slash-separated items, short on average: "log n, hashing, sorting"."""
    separators = r",|/|=|->" if slash_splits else r",|=|->"
    items = [len(TOKEN_RE.findall(item.lower())) for item in re.split(separators, text)]
    items = [n for n in items if n]
    return len(items) >= min_items and sum(items) / len(items) <= TERM_LIST_MAX_MEAN_WORDS


def stem_seq(words: Sequence[str]) -> list[str]:
    return stem_all(list(words))

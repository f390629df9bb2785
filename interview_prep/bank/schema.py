"""The bank's schema: which fields a question, a rubric and its key points have, and how each is checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interview_prep import paths
from interview_prep.bank.fields import Fields as _Fields
from interview_prep.bank.fields import choice as _choice
from interview_prep.models import FollowUp, FunctionSpec, KeyPoint, Misconception, Question, Rubric

KINDS = ("coding", "written")
DIFFICULTIES = ("easy", "medium", "hard")
CATEGORIES = ("coding", "fundamentals", "depth", "project", "system-design", "behavioral", "drill", "dsa")

QUESTION_FIELDS = frozenset(
    "id number title category kind difficulty time_limit_minutes prompt how_to_answer what_they_look_for "
    "hints functions starter suite rubric follow_ups".split()
)
FUNCTION_FIELDS = frozenset({"name", "signature", "docstring"})
RUBRIC_FIELDS = frozenset({"pass_mark", "min_words", "key_points", "misconceptions"})
KEY_POINT_FIELDS = frozenset(
    {
        "id",
        "description",
        "weight",
        "phrases",
        "hint",
        "core",
        "subject",
        "claims",
        "paraphrases",
        "terms",
        "probe",
        "defines",
    }
)
FOLLOW_UP_FIELDS = frozenset({"id", "prompt", "model_answer", "rubric", "time_limit_minutes"})
MISCONCEPTION_FIELDS = frozenset({"id", "description", "phrases", "penalty", "claims", "challenge"})

# A question folder holds question.yaml and, for a coding question, its hidden suite.py.
QUESTION_FILE = "question.yaml"
SUITE_FILE = "suite.py"


def _function(f: _Fields) -> FunctionSpec:
    spec = FunctionSpec(name=f.get("name", str), signature=f.get("signature", str), docstring=f.get("docstring", str))
    if not spec.name.isidentifier():
        raise f.fail("name", f"'{spec.name}' is not a Python function name")
    if not spec.signature.startswith(f"def {spec.name}("):
        raise f.fail("signature", f"must start with 'def {spec.name}('")
    return spec


def _key_point(f: _Fields) -> KeyPoint:
    weight = f.get("weight", float)
    if weight <= 0:
        raise f.fail("weight", "must be greater than 0")
    point = KeyPoint(
        id=f.get("id", str),
        description=f.get("description", str),
        weight=weight,
        phrases=f.text_list("phrases", required=False),
        hint=f.get("hint", str, required=False, default=""),
        core=f.get("core", bool, required=False, default=None),
        subject=_text_or_list(f, "subject"),
        claims=_claims(f, "claims"),
        paraphrases=f.text_list("paraphrases", required=False),
        terms=f.text_list("terms", required=False),
        probe=f.get("probe", str, required=False, default=""),
        defines=_defines(f),
    )
    if not (point.phrases or point.claims or point.paraphrases or point.terms):
        raise f.fail("phrases", "a key point needs phrases (or claims, paraphrases or terms) to be found by")
    for term in point.terms:
        if len(term.split()) != 1:
            raise f.fail("terms", f"'{term}' is not a single word; put it under phrases")
    return point


def _defines(f: _Fields) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`defines: {precision: [predicted positives, ...], recall: [actual positives, ...]}`: two or more terms."""
    table = f.get("defines", dict, required=False, default={})
    if not table:
        return ()
    if len(table) < 2:
        raise f.fail("defines", "must name at least two terms, each with the words of its own definition")
    out = []
    for term, words in table.items():
        if not isinstance(term, str) or not term.strip():
            raise f.fail("defines", f"expected a term, got {term!r}")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise f.fail("defines", f"'{term}' must list the words of its definition")
        out.append((term, tuple(words)))
    return tuple(out)


def _text_or_list(f: _Fields, key: str) -> tuple[str, ...]:
    if isinstance(f.data.get(key), str):
        value: str = f.get(key, str)
        return (value,)
    return f.text_list(key, required=False)


# True while a cached entry is rebuilt: it was validated, claims included, when it was cached, and
# compiling claims loads the written grader and its stemmer, which `prep list` must not pay for.
FROM_CACHE = [False]


def _claims(f: _Fields, key: str) -> tuple[str, ...]:
    """Claims must name two concepts the grader knows, each with a direction, or they would never match."""
    claims = f.text_list(key, required=False)
    if claims and not FROM_CACHE[0]:
        from interview_prep.grading.written.grader import compile_claim  # only for banks that use claims

        for text in claims:
            if compile_claim(text) is None:
                raise f.fail(
                    key,
                    f"'{text}' names fewer than two concepts with a direction the grader knows "
                    "(see interview_prep/grading/written/claims.py); write it as a phrase instead",
                )
    return claims


def _misconception(f: _Fields) -> Misconception:
    penalty = f.get("penalty", float)
    if not 0 <= penalty <= 100:
        raise f.fail("penalty", "must be between 0 and 100")
    item = Misconception(
        id=f.get("id", str),
        description=f.get("description", str),
        phrases=f.text_list("phrases", required=False),
        penalty=penalty,
        claims=_claims(f, "claims"),
        challenge=f.get("challenge", str, required=False, default=""),
    )
    if not (item.phrases or item.claims):
        raise f.fail("phrases", "a misconception needs phrases or claims to be found by")
    return item


def _rubric(f: _Fields) -> Rubric:
    pass_mark = f.get("pass_mark", float)
    if not 0 < pass_mark <= 100:
        raise f.fail("pass_mark", "must be between 0 and 100")
    min_words = f.get("min_words", int)
    if min_words < 0:
        raise f.fail("min_words", "must not be negative")
    key_points = f.mappings("key_points", _key_point, KEY_POINT_FIELDS)
    if not key_points:
        raise f.fail("key_points", "must list at least one key point")
    _unique_ids(f, "key_points", key_points)
    misconceptions = f.mappings("misconceptions", _misconception, MISCONCEPTION_FIELDS, required=False)
    _unique_ids(f, "misconceptions", misconceptions)
    return Rubric(key_points=key_points, misconceptions=misconceptions, pass_mark=pass_mark, min_words=min_words)


def _follow_up(f: _Fields) -> FollowUp:
    minutes = f.get("time_limit_minutes", int, required=False, default=3)
    if minutes < 1:
        raise f.fail("time_limit_minutes", "must be 1 or more")
    rubric = _rubric(_Fields(f.path, f.get("rubric", dict), RUBRIC_FIELDS, f.name("rubric"), f.line_of("rubric")))
    return FollowUp(
        id=f.get("id", str),
        prompt=f.get("prompt", str),
        model_answer=f.get("model_answer", str),
        rubric=rubric,
        time_limit_minutes=minutes,
    )


def _unique_ids(f: _Fields, key: str, items: tuple[Any, ...]) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise f.fail(key, f"the id '{item.id}' is used twice")
        seen.add(item.id)


def question(path: Path, data: Any) -> Question:
    f = _Fields(str(path), data, QUESTION_FIELDS)
    qid: str = f.get("id", str)
    if not qid.replace("-", "").isalnum() or qid != qid.lower():
        raise f.fail("id", f"'{qid}' must be a lower-case slug such as 'kmeans' or 'bias-variance'")
    number = f.get("number", int)
    if number < 1:
        raise f.fail("number", "must be 1 or more")
    minutes = f.get("time_limit_minutes", int)
    if minutes < 1:
        raise f.fail("time_limit_minutes", "must be 1 or more")
    kind = _choice(f, "kind", KINDS)
    common: dict[str, Any] = dict(
        id=qid,
        number=number,
        title=f.get("title", str),
        category=_choice(f, "category", CATEGORIES),
        difficulty=_choice(f, "difficulty", DIFFICULTIES),
        time_limit_minutes=minutes,
        prompt=f.get("prompt", str),
        how_to_answer=f.get("how_to_answer", str),
        what_they_look_for=f.get("what_they_look_for", str),
        kind=kind,
        source=path,
        hints=f.text_list("hints", required=False),
        follow_ups=f.mappings("follow_ups", _follow_up, FOLLOW_UP_FIELDS, required=False),
    )
    _unique_ids(f, "follow_ups", common["follow_ups"])
    if kind == "coding":
        functions = f.mappings("functions", _function, FUNCTION_FIELDS)
        if not functions:
            raise f.fail("functions", "a coding question must name at least one function")
        suite = _suite_path(f, path)
        reference = _reference_path(path, qid, suite)
        question = Question(
            **common, functions=functions, starter=f.get("starter", str), suite=suite, reference=reference
        )
    else:
        for key in ("functions", "starter", "suite"):
            if key in f.data:
                raise f.fail(key, "only coding questions have this field (this one is kind: written)")
        rubric_data = f.get("rubric", dict)
        rubric = _rubric(_Fields(str(path), rubric_data, RUBRIC_FIELDS, "rubric"))
        question = Question(**common, rubric=rubric)
    return question


def _builtin_suites() -> dict[str, Path]:
    """The built-in suites by the names a bank may give them: question id, folder, module-style name."""
    out: dict[str, Path] = {}
    for folder in sorted(paths.builtin_bank_dir().iterdir()):
        suite = folder / SUITE_FILE
        if suite.is_file():
            qid = folder.name.split("-", 1)[-1] if folder.name[:1].isdigit() else folder.name
            for name in (qid, qid.replace("-", "_"), folder.name):
                out.setdefault(name, suite)
    return out


def _suite_path(f: _Fields, path: Path) -> Path:
    """The hidden suite of a coding question: `suite.py` beside its YAML, or the file or built-in suite
    its `suite:` field names. Suites are found by file, not imported, so validating a bank stays cheap."""
    name = f.get("suite", str, required=False)
    if name is None:
        beside = path.parent / SUITE_FILE
        if beside.is_file() and path.name == QUESTION_FILE:
            return beside
        raise f.fail("suite", f"a coding question needs its hidden suite: {beside} is missing")
    own = path.parent / (name if name.endswith(".py") else f"{name}.py")
    if own.is_file() and own.name != path.name and _defines_build(own):
        return own
    builtin = _builtin_suites()
    if name in builtin:
        return builtin[name]
    known = ", ".join(sorted(n for n in builtin if "_" not in n and not n[:1].isdigit()))
    raise f.fail(
        "suite",
        f"'{name}' is not a hidden test suite: put a suite.py (defining build()) beside the question, "
        f"or name a built-in suite ({known})",
    )


def _defines_build(path: Path) -> bool:
    try:
        return "def build(" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def _reference_path(path: Path, qid: str, suite: Path) -> Path:
    """The reference solution a coding question is timed (and checked) against: `reference.py` beside
    the question, else `solutions/<id>.py` at the top of its bank, else that of the built-in suite it uses."""
    module = qid.replace("-", "_") + ".py"
    for candidate in (path.parent / "reference.py", path.parent.parent / "solutions" / module):
        if candidate.is_file():
            return candidate
    builtin_folder = suite.parent
    if builtin_folder.parent == paths.builtin_bank_dir():
        name = builtin_folder.name.split("-", 1)[-1].replace("-", "_") + ".py"
        return paths.solutions_dir() / name
    return paths.solutions_dir() / module

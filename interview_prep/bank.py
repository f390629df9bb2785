"""Load and validate the question bank: YAML into frozen dataclasses; errors name file, line and field."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview_prep import paths
from interview_prep.errors import BankError, PrepError, UnknownQuestion
from interview_prep.models import FunctionSpec, KeyPoint, Misconception, Question, Rubric


class _LinedDict(dict[str, Any]):
    """A mapping that remembers the line of each key and of itself, for error messages."""

    line: int
    key_lines: dict[str, int]


class _LinedList(list[Any]):
    line: int
    item_lines: list[int]


@functools.cache
def _yaml_loader() -> Any:
    """A safe YAML loader that records line numbers; built on first use, since PyYAML costs start-up time."""
    import yaml

    try:  # libyaml's parser is several times faster; fall back where it was not compiled in
        base: Any = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - depends on how PyYAML was built
        base = yaml.SafeLoader

    class Loader(base):  # type: ignore[misc]
        pass

    def construct_mapping(loader: Any, node: Any) -> _LinedDict:
        out = _LinedDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise BankError("", key_node.start_mark.line + 1, str(key), "keys must be text")
            if key in out:
                raise BankError("", key_node.start_mark.line + 1, key, "appears twice in the same mapping")
            out[key] = loader.construct_object(value_node, deep=True)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out

    def construct_sequence(loader: Any, node: Any) -> _LinedList:
        out = _LinedList(loader.construct_object(child, deep=True) for child in node.value)
        out.line = node.start_mark.line + 1
        out.item_lines = [child.start_mark.line + 1 for child in node.value]
        return out

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader


KINDS = ("coding", "written")
DIFFICULTIES = ("easy", "medium", "hard")
CATEGORIES = ("coding", "fundamentals", "depth", "project", "system-design", "behavioral", "drill")

QUESTION_FIELDS = frozenset(
    "id number title category kind difficulty time_limit_minutes prompt how_to_answer what_they_look_for "
    "hints functions starter suite rubric".split()
)
FUNCTION_FIELDS = frozenset({"name", "signature", "docstring"})
RUBRIC_FIELDS = frozenset({"pass_mark", "min_words", "key_points", "misconceptions"})
KEY_POINT_FIELDS = frozenset(
    {"id", "description", "weight", "phrases", "hint", "core", "subject", "claims", "paraphrases", "terms", "probe"}
)
MISCONCEPTION_FIELDS = frozenset({"id", "description", "phrases", "penalty", "claims", "challenge"})

# A question folder holds question.yaml and, for a coding question, its hidden suite.py.
QUESTION_FILE = "question.yaml"
SUITE_FILE = "suite.py"


@dataclass(frozen=True)
class Bank:
    """The questions, ordered by number, looked up by id or number."""

    questions: tuple[Question, ...]

    def get(self, ref: str | int) -> Question:
        text = str(ref).strip()
        for q in self.questions:
            if q.id == text or (text.isdigit() and q.number == int(text)):
                return q
        import difflib  # only on the error path

        ids = [q.id for q in self.questions]
        close = difflib.get_close_matches(text, ids, n=3, cutoff=0.5)
        if not close:
            close = [i for i in ids if text.lower() in i]
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise UnknownQuestion(f"no question '{text}'.{hint} `prep list` shows them all.")

    def in_category(self, category: str | None) -> tuple[Question, ...]:
        return questions_in(self.questions, category)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.category for q in self.questions))


def questions_in(questions: Sequence[Question], category: str | None) -> tuple[Question, ...]:
    """The questions of a category (all of them for None); an unknown category is a PrepError."""
    if category is None:
        return tuple(questions)
    pool = tuple(q for q in questions if q.category == category)
    if not pool:
        categories = ", ".join(dict.fromkeys(q.category for q in questions))
        raise PrepError(f"no category '{category}'. Categories: {categories}.")
    return pool


class _Fields:
    """Reads typed fields out of one YAML mapping, raising BankError that points at the line."""

    def __init__(self, path: str, data: Any, known: frozenset[str], where: str = "", line: int | None = None) -> None:
        self.path = path
        self.where = where
        if not isinstance(data, dict):
            raise BankError(path, getattr(data, "line", line), where or None, "expected a mapping of fields")
        self.data: dict[str, Any] = data
        self.line: int | None = getattr(data, "line", line)
        self.key_lines: dict[str, int] = getattr(data, "key_lines", {})
        # Unknown fields first: a misspelt field is the likeliest cause of a "missing" one.
        for key in self.data:
            if key not in known:
                import difflib  # only on the error path

                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f"; known fields: {', '.join(sorted(known))}"
                raise self.fail(key, f"is not a known field{hint}")

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key, self.line)

    def fail(self, key: str, problem: str) -> BankError:
        return BankError(self.path, self.line_of(key), self.name(key), problem)

    def get(self, key: str, kind: type | tuple[type, ...], *, required: bool = True, default: Any = None) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                return self._missing(key)
            return default
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            expected = _type_words(kind)
            raise self.fail(key, f"expected {expected}, got {_describe(value)}")
        if isinstance(value, str) and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def _missing(self, key: str) -> Any:
        raise BankError(self.path, self.line, self.name(key), "is missing")

    def text_list(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        items = self.get(key, list, required=required, default=[])
        lines = getattr(items, "item_lines", [])
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                line = lines[i] if i < len(lines) else self.line_of(key)
                raise BankError(self.path, line, f"{self.name(key)}[{i}]", f"expected text, got {_describe(item)}")
        if required and not items:
            raise self.fail(key, "must list at least one entry")
        return tuple(items)

    def mappings(
        self, key: str, build: Callable[[_Fields], Any], known: frozenset[str], *, required: bool = True
    ) -> tuple[Any, ...]:
        items = self.get(key, list, required=required, default=[])
        lines = getattr(items, "item_lines", [])
        out = []
        for i, item in enumerate(items):
            line = lines[i] if i < len(lines) else self.line_of(key)
            out.append(build(_Fields(self.path, item, known, f"{self.name(key)}[{i}]", line)))
        return tuple(out)


def _type_words(kind: type | tuple[type, ...]) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
        bool: "true/false",
    }
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    return f"{type(value).__name__} {value!r}"[:60]


def _choice(f: _Fields, key: str, choices: Iterable[str]) -> str:
    value: str = f.get(key, str)
    options = tuple(choices)
    if value not in options:
        raise f.fail(key, f"must be one of {', '.join(options)}, got '{value}'")
    return value


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
    )
    if not (point.phrases or point.claims or point.paraphrases or point.terms):
        raise f.fail("phrases", "a key point needs phrases (or claims, paraphrases or terms) to be found by")
    for term in point.terms:
        if len(term.split()) != 1:
            raise f.fail("terms", f"'{term}' is not a single word; put it under phrases")
    return point


def _text_or_list(f: _Fields, key: str) -> tuple[str, ...]:
    if isinstance(f.data.get(key), str):
        value: str = f.get(key, str)
        return (value,)
    return f.text_list(key, required=False)


# True while a cached entry is rebuilt: it was validated, claims included, when it was cached, and
# compiling claims loads the written grader and its stemmer, which `prep list` must not pay for.
_FROM_CACHE = [False]


def _claims(f: _Fields, key: str) -> tuple[str, ...]:
    """Claims must name two concepts the grader knows, each with a direction, or they would never match."""
    claims = f.text_list(key, required=False)
    if claims and not _FROM_CACHE[0]:
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


def _unique_ids(f: _Fields, key: str, items: tuple[Any, ...]) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise f.fail(key, f"the id '{item.id}' is used twice")
        seen.add(item.id)


def _question(path: Path, data: Any) -> Question:
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
    )
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


def _parse_yaml(path: Path) -> Any:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(str(path), None, None, f"cannot be read ({exc})") from None
    try:
        return yaml.load(text, Loader=_yaml_loader())  # noqa: S506 - the loader is a SafeLoader
    except BankError as exc:
        raise BankError(str(path), exc.line, exc.field, exc.problem) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise BankError(str(path), line, None, f"is not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise BankError(str(path), None, None, f"is not valid YAML: {exc}") from None


def load_file(path: Path) -> Question:
    """Parse and validate one question file."""
    return _question(path, _parse_yaml(path))


class _ParseCache:
    """Parsed question files kept as JSON, keyed by path, size and mtime.

    `prep list` runs on every quick look and completion; PyYAML's import and parse were most of
    its start-up. Only files that validated are kept, so every error still comes from the YAML
    with its line numbers. A cache that cannot be read or written is simply not used.
    """

    def __init__(self, path: Path) -> None:
        from interview_prep import __version__

        self.path = path
        self.version = __version__
        self.dirty = False
        self.entries: dict[str, Any] = {}
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(stored, dict) and stored.get("version") == self.version:
                self.entries = stored.get("files", {})
        except (OSError, ValueError):
            pass

    @staticmethod
    def _stamp(path: Path) -> list[int]:
        st = path.stat()
        return [st.st_size, st.st_mtime_ns]

    def load(self, path: Path) -> Question:
        key = str(path.resolve())
        stamp = self._stamp(path)
        entry = self.entries.get(key)
        if isinstance(entry, dict) and entry.get("stamp") == stamp:
            _FROM_CACHE[0] = True
            try:
                return _question(path, entry["data"])
            except BankError:
                pass  # written by another version of the rules: parse the file again
            finally:
                _FROM_CACHE[0] = False
        data = _parse_yaml(path)
        question = _question(path, data)
        self.entries[key] = {"stamp": stamp, "data": data}
        self.dirty = True
        return question

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"version": self.version, "files": self.entries}), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass


def question_files(folder: Path) -> list[Path]:
    """A bank's question files: `NN-id/question.yaml` in a folder of its own, or a plain `*.yaml` beside them."""
    found = []
    for p in folder.iterdir():
        if p.is_dir() and (p / QUESTION_FILE).is_file():
            found.append(p / QUESTION_FILE)
        elif p.suffix in (".yaml", ".yml") and p.is_file():
            found.append(p)
    return sorted(found)


def load_bank(extra_dirs: list[Path] | None = None) -> Bank:
    """The built-in questions plus the user's folders (`--bank DIR`, `$PREP_BANK`)."""
    folders = [paths.builtin_bank_dir(), *paths.user_bank_dirs(extra_dirs)]
    cache = _ParseCache(paths.cache_dir() / "bank.json")
    by_id: dict[str, Question] = {}
    by_number: dict[int, Question] = {}
    for folder in folders:
        if not folder.is_dir():
            raise BankError(str(folder), None, None, "is not a folder of question files")
        for path in question_files(folder):
            q = cache.load(path)
            clash = [("id", q.id, by_id.get(q.id)), ("number", q.number, by_number.get(q.number))]
            for label, key, other in clash:
                if other is not None:
                    line = _field_line(path, label)
                    raise BankError(str(path), line, label, f"'{key}' is already used by {other.source}")
            by_id[q.id] = q
            by_number[q.number] = q
    cache.save()
    return Bank(tuple(sorted(by_id.values(), key=lambda q: q.number)))


def _field_line(path: Path, field: str) -> int | None:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{field}:"):
            return i
    return None


def fixture_files(question: Question, kind: str) -> list[Path]:
    """The `broken` or `correct` solutions a question ships for its guards: in its own folder, and for a
    built-in question in the source checkout's `tests/questions/<id>/` (they are not installed)."""
    folders = [question.source.parent / kind]
    if question.source.parent.parent == paths.builtin_bank_dir():
        folders.append(paths.PACKAGE_DIR.parent / "tests" / "questions" / question.id / kind)
    if question.source.name != QUESTION_FILE:
        folders = folders[1:]  # a plain YAML file shares its folder with others: no fixtures of its own
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.py"))

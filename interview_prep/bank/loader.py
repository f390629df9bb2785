"""The bank as a whole: the built-in questions and the user's packs, with a parse cache, looked up by id or number."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview_prep import paths
from interview_prep.bank import schema
from interview_prep.bank.fields import field_line, parse_yaml
from interview_prep.bank.schema import QUESTION_FILE
from interview_prep.errors import BankError, PrepError, UnknownQuestion
from interview_prep.models import Question


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


def load_file(path: Path) -> Question:
    """Parse and validate one question file."""
    return schema.question(path, parse_yaml(path))


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
        self.used: set[str] = set()
        import json  # only when the snapshot missed: `prep list` with nothing changed reads no JSON

        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        files = stored.get("files") if isinstance(stored, dict) else None
        if not isinstance(stored, dict) or stored.get("version") != self.version or not isinstance(files, dict):
            self.dirty = True  # another version's cache, or one of the wrong shape: rewrite it
            return
        self.entries = {k: v for k, v in files.items() if _valid_entry(v)}
        self.dirty = len(self.entries) != len(files)

    @staticmethod
    def _stamp(path: Path) -> list[int]:
        st = path.stat()
        return [st.st_size, st.st_mtime_ns]

    def load(self, path: Path) -> Question:
        key = str(path.resolve())
        self.used.add(key)
        stamp = self._stamp(path)
        entry = self.entries.get(key)
        if entry is not None and entry["stamp"] == stamp:
            schema.FROM_CACHE[0] = True
            try:
                return schema.question(path, entry["data"])
            except (BankError, TypeError, ValueError, KeyError, AttributeError):
                pass  # written by another version of the rules, or damaged: parse the file again
            finally:
                schema.FROM_CACHE[0] = False
        data = parse_yaml(path)
        question = schema.question(path, data)
        self.entries[key] = {"stamp": stamp, "data": data}
        self.dirty = True
        return question

    def save(self) -> None:
        """Write the entries of the files loaded this time, and only those: the cache never outgrows the bank."""
        kept = {k: v for k, v in self.entries.items() if k in self.used}
        if not self.dirty and len(kept) == len(self.entries):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # a cache that cannot be written is simply not used
        import json

        paths.write_whole(self.path, json.dumps({"version": self.version, "files": kept}))


def _valid_entry(entry: Any) -> bool:
    """An entry as save() writes it: {"stamp": [size, mtime_ns], "data": a mapping}."""
    if not isinstance(entry, dict) or not isinstance(entry.get("data"), dict):
        return False
    stamp = entry.get("stamp")
    return isinstance(stamp, list) and len(stamp) == 2 and all(type(n) is int for n in stamp)


def question_files(folder: Path) -> list[Path]:
    """A bank's question files: `NN-id/question.yaml` in a folder of its own, or a plain `*.yaml` beside them."""
    found = []
    for p in folder.iterdir():
        if p.is_dir() and (p / QUESTION_FILE).is_file():
            found.append(p / QUESTION_FILE)
        elif p.suffix in (".yaml", ".yml") and p.is_file():
            found.append(p)
    return sorted(found)


# The $PREP_BANK folders already warned about in this process: the bank is loaded more than once.
_WARNED: set[Path] = set()


def _env_folders() -> list[Path]:
    """`$PREP_BANK`'s folders that exist; one that does not is a warning on stderr, not the end of every command."""
    found = []
    for folder in paths.env_bank_dirs():
        if folder.is_dir():
            found.append(folder)
        elif folder not in _WARNED:
            _WARNED.add(folder)
            print(
                f"Warning: $PREP_BANK names {folder}, which is not a folder; its questions were left out.",
                file=sys.stderr,
            )
    return found


# The code a snapshot's objects are made by: a change to any of them (a new field) makes old snapshots stale.
_SNAPSHOT_CODE = ("models.py", "bank/schema.py", "bank/fields.py", "bank/loader.py")


class _Snapshot:
    """The whole validated bank, pickled, keyed by every file it was built from (path, size, times) and by
    the code that builds it.

    With nothing changed, `prep list` unpickles the questions instead of validating every file's data
    again (about 3 ms against 15). Anything else (a file added, removed or edited, another `--bank`,
    another version) misses, and the bank is loaded as before, through the parse cache, with every
    error from the YAML. The file lives in the user's own cache folder, written only by prep; one that
    cannot be read, or holds anything but a bank, is simply not used.
    """

    def __init__(self, path: Path, files: Sequence[Path]) -> None:
        from interview_prep import __version__

        package = Path(__file__).resolve().parents[1]
        self.path = path
        self.key = (__version__, sys.version_info[:2], _stamps(package / rel for rel in _SNAPSHOT_CODE), _stamps(files))

    def load(self) -> Bank | None:
        import pickle

        try:
            key, bank = pickle.loads(self.path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, damaged, or pickled by other code: rebuild it
            return None
        if key != self.key or not isinstance(bank, Bank) or not all(isinstance(q, Question) for q in bank.questions):
            return None
        return bank

    def save(self, bank: Bank) -> None:
        import pickle

        if self.path.parent.is_dir():  # the parse cache made the folder; none means it cannot be written
            paths.write_whole(self.path, pickle.dumps((self.key, bank), protocol=pickle.HIGHEST_PROTOCOL))


def _stamps(files: Iterable[Path]) -> tuple[tuple[str, str, int, int, int] | tuple[str, str], ...]:
    """Each file as given and as absolute (a question's paths are as given: from another folder, `--bank
    pack` is another bank), with its size and times."""
    out: list[tuple[str, str, int, int, int] | tuple[str, str]] = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            out.append((str(path), str(path.absolute())))
            continue
        out.append((str(path), str(path.absolute()), st.st_size, st.st_mtime_ns, st.st_ctime_ns))
    return tuple(out)


def load_bank(extra_dirs: list[Path] | None = None, *, resume_pack: bool = True) -> Bank:
    """The built-in questions plus the user's folders (`--bank DIR`, `$PREP_BANK`, the résumé's pack)."""
    # A `--bank DIR` that is not a folder is an error (it was typed just now); `$PREP_BANK` only warns.
    pack = paths.resume_pack_dir()
    own = [pack] if resume_pack and pack.is_dir() and pack not in (extra_dirs or []) else []
    folders = [paths.builtin_bank_dir(), *(extra_dirs or []), *_env_folders(), *own]
    files: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            raise BankError(str(folder), None, None, "is not a folder of question files")
        files += question_files(folder)
    snapshot = _Snapshot(paths.cache_dir() / "bank.pickle", files)
    bank = snapshot.load()
    if bank is not None:
        return bank
    cache = _ParseCache(paths.cache_dir() / "bank.json")
    by_id: dict[str, Question] = {}
    by_number: dict[int, Question] = {}
    for path in files:
        q = cache.load(path)
        clash = [("id", q.id, by_id.get(q.id)), ("number", q.number, by_number.get(q.number))]
        for label, key, other in clash:
            if other is not None:
                line = field_line(path, label)
                raise BankError(str(path), line, label, f"'{key}' is already used by {other.source}")
        by_id[q.id] = q
        by_number[q.number] = q
    cache.save()
    bank = Bank(tuple(sorted(by_id.values(), key=lambda q: q.number)))
    snapshot.save(bank)
    return bank


def fixture_files(question: Question, kind: str) -> list[Path]:
    """The `broken` or `correct` solutions a question ships for its guards: in its own folder, and for a
    built-in question in the source checkout's `tests/questions/<id>/` (they are not installed)."""
    folders = [question.source.parent / kind]
    if question.source.parent.parent == paths.builtin_bank_dir():
        folders.append(paths.PACKAGE_DIR.parent / "tests" / "questions" / question.id / kind)
    if question.source.name != QUESTION_FILE:
        folders = folders[1:]  # a plain YAML file shares its folder with others: no fixtures of its own
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.py"))

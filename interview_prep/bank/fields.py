"""Reading YAML with line numbers, and typed fields out of it, so every bank error names file, line and field."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from interview_prep.errors import BankError

# A question file is a few kilobytes; anything near these is a mistake or an attack, and would
# otherwise be parsed on every command and copied, expanded, into the parse cache.
MAX_FILE_BYTES = 1024 * 1024
# Values in the document once every alias is expanded: a "billion laughs" file is a few lines
# whose aliases expand to millions of values.
MAX_EXPANDED_VALUES = 50_000


def _expanded_size(root: Any) -> int:
    """How many values the node graph holds with its aliases expanded; BankError past the limit."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: Any) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise BankError("", node.start_mark.line + 1, None, "has an alias that refers to itself")
        open_nodes.add(key)
        total = 1
        value = node.value
        if isinstance(value, list):
            for child in value:
                if isinstance(child, tuple):  # a mapping's (key, value)
                    total += size(child[0]) + size(child[1])
                else:
                    total += size(child)
                if total > MAX_EXPANDED_VALUES:
                    raise BankError(
                        "",
                        node.start_mark.line + 1,
                        None,
                        f"expands (through YAML aliases) to more than {MAX_EXPANDED_VALUES:,} values;"
                        " a question needs far fewer",
                    )
        open_nodes.discard(key)
        sizes[key] = total
        return total

    try:
        return size(root)
    except RecursionError:
        raise BankError("", None, None, "is nested too deeply") from None


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
        def construct_document(self, node: Any) -> Any:
            _expanded_size(node)  # before anything is built from it
            return super().construct_document(node)

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


def parse_yaml(path: Path) -> Any:
    import yaml

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            mb = f"{size / 1024 / 1024:.1f} MB"
            raise BankError(str(path), None, None, f"is {mb}; a question file must be under 1 MB")
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


def field_line(path: Path, field: str) -> int | None:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{field}:"):
            return i
    return None


class Fields:
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
        self, key: str, build: Callable[[Fields], Any], known: frozenset[str], *, required: bool = True
    ) -> tuple[Any, ...]:
        items = self.get(key, list, required=required, default=[])
        lines = getattr(items, "item_lines", [])
        out = []
        for i, item in enumerate(items):
            line = lines[i] if i < len(lines) else self.line_of(key)
            out.append(build(Fields(self.path, item, known, f"{self.name(key)}[{i}]", line)))
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


def choice(f: Fields, key: str, choices: Iterable[str]) -> str:
    value: str = f.get(key, str)
    options = tuple(choices)
    if value not in options:
        raise f.fail(key, f"must be one of {', '.join(options)}, got '{value}'")
    return value

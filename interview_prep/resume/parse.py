"""A résumé's text into sections, the entries of its projects and experience, and what each entry claims.

Headings are matched against the common names and spellings of each section. Within projects and
experience, an entry is a title line (a Markdown heading, or a line that reads as a title: a date, a
separator, or a few words without a full stop) and the bullets and lines under it; a section made of
bullets only has one entry per bullet. Techniques are the catalogue's aliases, as whole words, without
regard to case; numbers are the quantities an entry states (data sizes, metrics, results), years aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from interview_prep.resume.catalogue import Technique, find_techniques

# Each section kind by the headings it goes by (lower case, '&' read as 'and').
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "projects": (
        "projects",
        "project",
        "personal projects",
        "selected projects",
        "academic projects",
        "research projects",
        "side projects",
        "key projects",
        "technical projects",
        "relevant projects",
        "project experience",
        "projects and research",
        "machine learning projects",
        "ml projects",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "relevant experience",
        "industry experience",
        "research experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "internships",
        "internship experience",
        "experience and internships",
        "positions",
        "research positions",
        "academic appointments",
    ),
    "skills": (
        "skills",
        "technical skills",
        "skills and tools",
        "skills and technologies",
        "tools and technologies",
        "technologies",
        "tools",
        "core skills",
        "key skills",
        "skills and interests",
        "programming",
        "programming languages",
        "languages and tools",
        "technical proficiencies",
        "competencies",
        "tech stack",
    ),
    "education": ("education", "academic background", "education and training", "qualifications", "degrees"),
    "other": (
        "publications",
        "selected publications",
        "papers",
        "preprints",
        "talks",
        "presentations",
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "awards and honours",
        "honors and awards",
        "certifications",
        "certificates",
        "interests",
        "summary",
        "professional summary",
        "profile",
        "objective",
        "about",
        "about me",
        "teaching",
        "teaching experience",
        "service",
        "references",
        "languages",
        "activities",
        "extracurricular activities",
        "leadership",
        "volunteering",
        "volunteer experience",
        "contact",
        "coursework",
        "relevant coursework",
        "achievements",
        "grants",
        "patents",
        "open source",
    ),
}
_HEADING_KIND = {name: kind for kind, names in SECTION_HEADINGS.items() for name in names}
ENTRY_SECTIONS = ("projects", "experience")

_BULLETS = "-*+\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7\u2013\u2014\u27a2\u2192>"
_BULLET_RE = re.compile(rf"^\s*(?:[{re.escape(_BULLETS)}]|\d{{1,2}}[.)])\s+")
_MONTH = r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|spring|summer|fall|autumn|winter)"
_DATE_RE = re.compile(
    rf"(?:\b{_MONTH}\s*)?\b(?:19|20)\d\d\b(?:\s*(?:-|\u2013|\u2014|to)\s*(?:(?:{_MONTH}\s*)?(?:19|20)\d\d\b|present|now|current|today))?"
    rf"|\b{_MONTH}\s*(?:-|\u2013|\u2014|to)\s*(?:present|now|current)\b|\b(?:present|current)\b",
    re.IGNORECASE,
)
_SEPARATOR_RE = re.compile(r"\s[|\u2014\u2013\u00b7@]\s|\s-\s|\t|\s{3,}|,\s|\bat\b")
_MARKUP_RE = re.compile(r"^#{1,6}\s*|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|`")

# Metric names that come before their number ("AUC 0.91", "F1 of 0.87").
_METRICS = (
    "auc accuracy acc f1 precision recall rmse mae mape map ndcg mrr bleu rouge r2 wer latency throughput "
    "top-1 top-5 auroc pr-auc roc-auc iou miou dice perplexity loss error uptime"
).split()
_NUMBER_RE = re.compile(
    r"(?<![\w.\-/])(?:\$\s?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s?(?:[kKmMbB]\b|%|x\b|\u00d7))?"
    r"|(?<![\w.\-/])(?:\$\s?)?\d+(?:\.\d+)?(?:\s?(?:[kKmMbB]\b|%|x\b|\u00d7|ms\b|s\b|h\b|gb\b|tb\b|GB\b|TB\b|pp\b))?"
    r"(?![\w/])"
)
_STOP = frozenset("a an the of to in on for and or by with from at as per than into over across".split())


@dataclass(frozen=True)
class Number:
    """A quantity an entry states: its value as written, and the words that say what it measures."""

    value: str
    before: str = ""  # a metric named before it ("AUC")
    after: str = ""  # what it counts or measures ("transactions", "accuracy")

    @property
    def text(self) -> str:
        return " ".join(w for w in (self.before, self.value, self.after) if w)


@dataclass(frozen=True)
class Entry:
    section: str  # "projects" or "experience"
    title: str
    lines: tuple[str, ...]  # the bullets and lines under the title, markup removed
    techniques: tuple[str, ...] = ()
    numbers: tuple[Number, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.title)

    @property
    def text(self) -> str:
        return "\n".join((self.title, *self.lines))


@dataclass(frozen=True)
class Resume:
    text: str
    sections: tuple[str, ...]  # the kinds found, in order
    entries: tuple[Entry, ...]
    techniques: tuple[str, ...]  # every technique the résumé claims, anywhere in it
    skills: tuple[str, ...] = field(default=())  # the techniques of the skills section


def slugify(text: str, max_words: int = 4, max_len: int = 32) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    slug = ""
    for word in words[:max_words]:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len:
            break
        slug = candidate
    return slug or "entry"


def strip_markup(line: str) -> str:
    return _MARKUP_RE.sub("", line).strip()


def heading_kind(line: str) -> str | None:
    """The section a line heads, or None when it is not a heading."""
    text = strip_markup(line).strip().rstrip(":").strip()
    if not text or len(text) > 40:
        return None
    key = re.sub(r"\s+", " ", text.lower().replace("&", " and ").replace("/", " and ")).strip()
    return _HEADING_KIND.get(key)


def is_bullet(line: str) -> bool:
    return bool(_BULLET_RE.match(line))


def _bullet_text(line: str) -> str:
    return strip_markup(_BULLET_RE.sub("", line, count=1))


def _clean_title(line: str) -> str:
    """A title line without its markup, dates and trailing separators."""
    text = strip_markup(line)
    text = _DATE_RE.sub(" ", text)
    text = re.sub(r"\(\s*\)", " ", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" |\u2014\u2013-,;:\u00b7()").strip()


def _looks_like_title(line: str) -> bool:
    text = strip_markup(line)
    if not text or text.endswith((".", ";", ",")) or not (text[0].isupper() or text[0].isdigit()):
        return False
    if line.lstrip().startswith("#") or (line.strip().startswith("**") and line.strip().endswith("**")):
        return True
    return bool(_DATE_RE.search(text) or _SEPARATOR_RE.search(text)) or len(text.split()) <= 8


def _only_meta(line: str) -> bool:
    """A line under a title that only gives dates or a place ("Jun 2023 - Aug 2023 | London")."""
    rest = _DATE_RE.sub(" ", strip_markup(line))
    return bool(_DATE_RE.search(line)) and len(rest.split()) <= 4 or (len(rest.split()) <= 3 and not rest.endswith("."))


_BOLD_HEAD_RE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*(?::|\u2014|\u2013|-|\|)?\s*(.*)$")


def _split_title(text: str) -> tuple[str, str]:
    """A title line that runs on into a description ("Sentiment classifier: fine-tuned BERT on ...")."""
    bold = _BOLD_HEAD_RE.match(text)
    if bold:
        rest = strip_markup(bold.group(2))
        if _names_the_place(rest):  # "**ML Engineer Intern**, Acme Robotics — Jun 2025": the company is the title's
            place = re.sub(r"^(?:,|@|at\s)\s*", "", rest, flags=re.IGNORECASE)
            return _clean_title(f"{bold.group(1)}, {place}"), ""
        return _clean_title(bold.group(1)), rest
    plain = strip_markup(text)
    m = re.search(r":\s|\s[\u2014\u2013-]\s", plain)
    if m and m.start() <= 60:
        rest = plain[m.end() :].strip()
        if len(rest.split()) > 6 or rest.endswith("."):
            return _clean_title(plain[: m.start()]), rest
    return _clean_title(text), ""


def _names_the_place(rest: str) -> bool:
    """What follows a bold title names where it was, not what was done: after a comma, 'at' or '@', a few words
    and dates and no sentence."""
    if not re.match(r"(?:,|@|at\s)", rest, re.IGNORECASE):
        return False
    words = _DATE_RE.sub(" ", rest).split()
    return 0 < len(words) <= 6 and not rest.rstrip().endswith(".")


def _new_entry(line: str) -> tuple[str, list[str]]:
    title, rest = _split_title(_BULLET_RE.sub("", line, count=1))
    if not rest and len(title.split()) > 8:  # a bullet with no head: its first words stand for it
        return " ".join(title.split()[:6]).rstrip(",.;:"), [title]
    return title, [rest] if rest else []


def _bold_headed(line: str) -> bool:
    m = _BOLD_HEAD_RE.match(_BULLET_RE.sub("", line, count=1))
    return bool(m and m.group(2))


def _entries(section: str, lines: list[str]) -> list[tuple[str, list[str]]]:
    body = [line for line in lines if line.strip()]
    if not body:
        return []
    out: list[tuple[str, list[str]]] = []
    flat = is_bullet(body[0])
    for line in body:
        bullet = is_bullet(line)
        indented = line[: len(line) - len(line.lstrip())].count(" ") >= 2
        if bullet and (not out or (flat and not indented) or _bold_headed(line)):
            out.append(_new_entry(line))
            continue
        if bullet:
            out[-1][1].append(_bullet_text(line))
            continue
        text = strip_markup(line)
        if not out:
            out.append(_new_entry(line))
            flat = False
            continue
        title, items = out[-1]
        previous = items[-1] if items else ""
        continuation = text[:1].islower() or (
            bool(items) and not previous.endswith((".", "!", "?", ";")) and (text.endswith(".") or text[:1].islower())
        )
        if continuation and items:
            items[-1] = f"{previous} {text}"
        elif not items and _only_meta(line):
            continue  # the dates and place under a title
        elif not items and not _looks_like_title(line):
            items.append(text)
        elif _bold_headed(line) or (_looks_like_title(line) and (items or line.lstrip().startswith("#"))):
            out.append(_new_entry(line))
            flat = False
        else:
            items.append(text)
    return [(title, items) for title, items in out if title]


def find_numbers(text: str) -> tuple[Number, ...]:
    """The quantities a text states, without years, dates or the digits of names (F1, ResNet-50, GPT-4)."""
    found: list[Number] = []
    for m in _NUMBER_RE.finditer(text):
        value = m.group().strip()
        bare = value.lstrip("$ ").replace(",", "")
        if re.fullmatch(r"(?:19|20)\d\d", bare) or _inside_date(text, m.start(), m.end()):
            continue
        if text[max(0, m.start() - 1) : m.start()] == "@":
            continue  # the cut-off of a ranking metric (NDCG@10), part of its name
        before_words = re.findall(r"[\w\-]+(?:@\d+)?", text[max(0, m.start() - 24) : m.start()].lower())
        before_words = [w for w in before_words if w not in ("of", "by", "to", "at", "a", "an", "the", "from", "=")]
        last = before_words[-1] if before_words else ""
        before = last if last.split("@")[0] in _METRICS else ""
        after_m = re.match(r"\s*([A-Za-z][\w\-]*)(?:\s+([A-Za-z][\w\-]*))?", text[m.end() :])
        after = ""
        if after_m:
            first = after_m.group(1)
            if first.lower() not in _STOP:
                after = first
        if not before and not after and "%" not in value and not value.endswith(("x", "\u00d7")):
            continue  # a bare number says nothing an interviewer can ask about
        if len(before.split("@")[0]) <= 5 or "-" in before:
            before = before.upper()  # AUC, F1, PR-AUC; "accuracy" stays a word
        found.append(Number(value=value, before=before, after=after))
    unique: dict[str, Number] = {}
    for n in found:
        unique.setdefault(n.text.lower(), n)
    return tuple(unique.values())


def _inside_date(text: str, start: int, end: int) -> bool:
    for m in _DATE_RE.finditer(text):
        if m.start() <= start and end <= m.end():
            return True
    return False


def parse_resume(text: str, catalogue: Iterable[Technique]) -> Resume:
    catalogue = tuple(catalogue)
    sections: list[tuple[str, list[str]]] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        kind = heading_kind(line)
        if kind is not None:
            sections.append((kind, []))
        elif sections:
            sections[-1][1].append(line)
    entries: list[Entry] = []
    skills: list[str] = []
    for kind, lines in sections:
        if kind == "skills":
            skills += find_techniques("\n".join(lines), catalogue)
        if kind not in ENTRY_SECTIONS:
            continue
        for title, items in _entries(kind, lines):
            body = "\n".join((title, *items))
            entries.append(
                Entry(
                    section=kind,
                    title=title,
                    lines=tuple(items),
                    techniques=tuple(find_techniques(body, catalogue)),
                    numbers=find_numbers("\n".join(items) or title),
                )
            )
    return Resume(
        text=text,
        sections=tuple(dict.fromkeys(kind for kind, _ in sections)),
        entries=tuple(entries),
        techniques=tuple(find_techniques(text, catalogue)),
        skills=tuple(dict.fromkeys(skills)),
    )

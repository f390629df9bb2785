"""Where the built-in bank, the reference solutions and the user's data live."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "prep"
# The history file in the data folder (named here so that `prep list` can look for it without sqlite3).
HISTORY_FILE = "history.sqlite3"


PACKAGE_DIR = Path(__file__).resolve().parent


def _packaged_or_source(name: str) -> Path:
    # In a wheel the top-level folders are force-included into the package; in a source
    # checkout (editable install, or tests run from the repo) they sit beside the package.
    # PACKAGE_DIR is what importlib.resources.files("interview_prep") returns for a package on
    # disk (the only kind that can run the sandbox); importing importlib.resources itself pulls
    # in zipfile, tempfile, bz2 and lzma, about 5 ms of every `prep list`.
    packaged = PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / name


def builtin_bank_dir() -> Path:
    return _packaged_or_source("questions")


def solutions_dir() -> Path:
    return _packaged_or_source("solutions")


def env_bank_dirs() -> list[Path]:
    """The folders `$PREP_BANK` names: a setting left in a shell profile, so a missing one is only a warning."""
    env = os.environ.get("PREP_BANK", "")
    return [Path(p) for p in env.split(os.pathsep) if p]


def resume_pack_dir() -> Path:
    """The personal pack `prep resume` writes from the user's résumé (interview_prep/resume/pack.py)."""
    return data_dir() / "resume" / "pack"


def data_dir() -> Path:
    """The user's data folder: `$PREP_HOME`, else the platform's user data dir."""
    home = os.environ.get("PREP_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs  # lazily: only commands that touch history need it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Disposable files that only make `prep` faster: `$PREP_HOME/cache`, else the platform's cache dir."""
    home = os.environ.get("PREP_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def history_file() -> Path:
    return data_dir() / HISTORY_FILE


def write_whole(path: Path, text: str | bytes) -> bool:
    """Write `text` to `path` whole or not at all: into a file of this process's own beside it, then a
    rename, so a reader (or another prep writing at once) never sees half of it. False if it cannot."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        if isinstance(text, bytes):
            tmp.write_bytes(text)
        else:
            tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True

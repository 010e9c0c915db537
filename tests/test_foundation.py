"""The package installs, its command line answers, and the demo renders offscreen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import desktop_app
from resources import resource, sample_documents


def forumdesk(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_version_matches_package_metadata() -> None:
    result = forumdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"forumdesk {desktop_app.__version__}"
    assert desktop_app.__version__ != "0.0.0", "the package must be installed"


def test_help_lists_every_subcommand() -> None:
    result = forumdesk("--help")
    assert result.returncode == 0
    for command in ("extract", "import", "list", "export"):
        assert command in result.stdout
    assert "--db" in result.stdout and "--demo" in result.stdout


def test_samples_and_icons_ship_as_package_data() -> None:
    names = [f.name for f in sample_documents()]
    assert len([n for n in names if n.endswith(".txt")]) == 5
    # An invented programme with session times, for the week and day views.
    assert [n for n in names if not n.endswith(".txt")] == ["005_workshop_programme.ics"]
    assert resource("style.qss").is_file()
    assert resource("icons", "forumdesk.svg").is_file()


def test_demo_screenshot_writes_png(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = forumdesk("--demo", "--screenshot", str(shot), timeout=300)
    assert result.returncode == 0, result.stderr
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 2000

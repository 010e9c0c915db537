"""Issue 14: on a desktop without the X libraries Qt needs, the app says in one line which
packages to install instead of Qt's abort about platform plugins."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import platform_check
from desktop_app.platform_check import XCB_LIBRARIES, window_problem

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def x11(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")


def test_issue_14_missing_xcb_libraries_name_their_packages(
    x11: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    plugin = tmp_path / "libqxcb.so"

    def load_error(library: str | Path) -> str | None:
        if str(library) == str(plugin):
            return "libxcb-cursor.so.0: cannot open shared object file: No such file or directory"
        return f"{library}: cannot open shared object file" if library in absent else None

    monkeypatch.setattr(platform_check, "load_error", load_error)
    problem = window_problem(plugin=plugin)
    assert problem is not None and "\n" not in problem
    assert problem.endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4")


@pytest.mark.skipif(shutil.which("cc") is None, reason="needs a C compiler")
def test_issue_14_a_plugin_needing_an_unknown_library_names_it(x11: None, tmp_path: Path) -> None:
    # A real shared object linked against a library that is then taken away.
    source = tmp_path / "stub.c"
    source.write_text("int forumdesk_stub(void) { return 1; }\n", encoding="utf-8")
    lib = tmp_path / "libforumdesk-absent.so.1"
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-o", lib, source, "-Wl,-soname,libforumdesk-absent.so.1"],
        check=True,
    )
    plugin = tmp_path / "libqxcb.so"
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-o", plugin, source, "-Wl,--no-as-needed", str(lib)],
        check=True,
    )
    lib.unlink()
    problem = window_problem(plugin=plugin)
    assert problem == (
        "the window needs the system library libforumdesk-absent.so.1, which is missing"
    )


def test_issue_14_every_known_library_has_its_package_in_the_setup_script() -> None:
    script = (REPO / "scripts" / "install-system-packages.sh").read_text(encoding="utf-8")
    packages = script.split('PACKAGES="', 1)[1].split('"', 1)[0].split()
    assert set(XCB_LIBRARIES.values()) <= set(packages)


def test_a_loadable_plugin_is_no_problem(x11: None) -> None:
    plugin = platform_check.xcb_plugin()
    if plugin is None or platform_check.load_error(plugin) is not None:
        pytest.skip("Qt's X11 plugin cannot be loaded on this machine")
    assert window_problem(plugin=plugin) is None


def test_qt_is_left_alone_on_wayland_and_offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert window_problem() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    assert window_problem() is None


def test_issue_14_no_display_is_one_line_not_a_qt_abort() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "forumdesk: no display to open the window on (DISPLAY is not set); "
        "use --screenshot DIR to render the views without one"
    ]


def test_screenshots_without_a_display_are_drawn_offscreen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert window_problem(offscreen_ok=True) is None
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"

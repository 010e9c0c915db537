"""Can the window open here? Checked before Qt starts (no Qt import), because Qt itself
aborts the whole process with a paragraph about platform plugins when it cannot.

On Linux under X11, Qt's ``xcb`` plugin needs X libraries that a fresh Debian or Ubuntu
desktop does not always have (``libxcb-cursor0`` and friends); this module names the
packages to install in one line instead.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from pathlib import Path

#: The libraries Qt's xcb platform plugin (and its libQt6XcbQpa) load, and the Debian/Ubuntu
#: package of each.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
_MISSING = re.compile(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")


def xcb_plugin() -> Path | None:
    """Qt's xcb platform plugin as installed with PySide6 (None when not found)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def load_error(library: str | Path) -> str | None:
    """Why ``library`` cannot be loaded (the dynamic loader's message), None if it can."""
    try:
        ctypes.CDLL(str(library))
    except OSError as exc:
        return str(exc)
    return None


def missing_packages(error: str) -> tuple[list[str], list[str]]:
    """(packages to install, libraries not known to a package) for a loader error, checking
    every library the plugin needs, not only the first one the loader stumbled on."""
    missing = [lib for lib in XCB_LIBRARIES if load_error(lib) is not None]
    named = _MISSING.search(error)
    unknown = []
    if named and named.group(1) not in XCB_LIBRARIES:
        unknown.append(named.group(1))
    packages = list(dict.fromkeys(XCB_LIBRARIES[lib] for lib in missing))
    return packages, unknown


def _uses_xcb() -> bool:
    """Whether Qt will start on its X11 (xcb) platform."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    # Left to itself, Qt 6 prefers Wayland inside a Wayland session.
    return not (
        os.environ.get("WAYLAND_DISPLAY") and os.environ.get("XDG_SESSION_TYPE") == "wayland"
    )


def window_problem(offscreen_ok: bool = False, plugin: Path | None = None) -> str | None:
    """A one-line reason why the window cannot open, or None when it can (or when Qt is not
    about to use X11). With ``offscreen_ok`` (screenshots) and no display at all, Qt is told
    to draw offscreen instead."""
    if not sys.platform.startswith("linux") or not _uses_xcb():
        return None
    if not os.environ.get("DISPLAY"):
        if offscreen_ok:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            return None
        return (
            "no display to open the window on (DISPLAY is not set); "
            "use --screenshot DIR to render the views without one"
        )
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None  # not the PySide6 wheel layout: let Qt find its own plugins
    error = load_error(plugin)
    if error is None:
        return None
    packages, unknown = missing_packages(error)
    if packages:
        return (
            "the window needs system libraries that are missing; install them with: "
            f"sudo apt-get install {' '.join(packages)}"
        )
    if unknown:
        return f"the window needs the system library {', '.join(unknown)}, which is missing"
    return f"Qt's X11 plugin cannot be loaded: {' '.join(error.split())}"

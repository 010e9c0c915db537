"""Icons drawn from the SVG files shipped in ``resources/icons``."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QGuiApplication, QIcon, QPalette, QPixmap

from resources import resource


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as a QIcon (an empty icon when the file is missing).

    Monochrome icons draw with ``currentColor``, which becomes the palette's text colour so
    that they stay visible on light and dark themes.
    """
    node = resource("icons", f"{name}.svg")
    if not node.is_file():
        return QIcon()
    data = node.read_bytes()
    if b"currentColor" in data:
        colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
        data = data.replace(b"currentColor", colour.encode())
    pixmap = QPixmap()
    pixmap.loadFromData(data, "SVG")
    return QIcon(pixmap)

"""Icons drawn from the SVG files shipped in ``resources/icons``."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

from resources import resource


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as a QIcon (an empty icon when the file is missing)."""
    node = resource("icons", f"{name}.svg")
    if not node.is_file():
        return QIcon()
    pixmap = QPixmap()
    # Rendered large once; Qt scales down for menus, the toolbar and the sidebar.
    pixmap.loadFromData(node.read_bytes(), "SVG")
    return QIcon(pixmap)

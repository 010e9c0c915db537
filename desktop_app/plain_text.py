"""Text that comes from documents (names, titles, file names), shown by Qt as written.

Qt guesses whether a tooltip or a label holds markup; a name like ``<b>Ann</b>`` or a file
called ``<img src=x>.txt`` would be rendered. Labels are set to plain text; tooltips, which
have no such setting, are escaped into markup that shows the text as it is.
"""

from __future__ import annotations

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel, QWidget


def tooltip(text: str) -> str:
    """``text`` for a tooltip: unchanged unless Qt would take it for markup, then escaped
    (line breaks kept)."""
    return Qt.convertFromPlainText(text) if Qt.mightBeRichText(text) else text


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label

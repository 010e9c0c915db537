"""Editing helpers shared by the detail panes: nullable dates and field snapshots."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

NO_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A QDateEdit that can hold "no date" (shown as a dash)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDisplayFormat("d MMM yyyy")

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def value(self) -> dt.date | None:
        date = self.date()
        if date == NO_DATE:
            return None
        return dt.date(date.year(), date.month(), date.day())


def line_value(edit: QLineEdit) -> str | None:
    """The stripped text, None when empty."""
    text = " ".join(edit.text().split())
    return text or None


def changed_fields(before: dict, after: dict) -> tuple[dict, dict]:
    """The (old values, new values) of the fields that differ."""
    keys = [k for k in after if after[k] != before.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}

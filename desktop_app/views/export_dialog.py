"""Options for File › Export calendar… and Export contacts…."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

EVERYTHING, SELECTION, DATE_RANGE = "everything", "selection", "range"


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how; ``reminder_days`` 0 means no reminder."""

    scope: str = EVERYTHING
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    vcard_version: str = "3.0"
    include_approximate: bool = False
    reminder_days: int = 0
    include_rejected: bool = False


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ExportDialog(QDialog):
    """``kind`` is ``"calendar"`` (.ics) or ``"contacts"`` (.vcf)."""

    def __init__(
        self,
        kind: str,
        selection_count: int,
        around: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        noun = "events" if kind == "calendar" else "people"
        self.setWindowTitle("Export calendar" if kind == "calendar" else "Export contacts")

        self.everything = QRadioButton(f"All {noun}")
        self.selection = QRadioButton(f"The selected {noun} ({selection_count})")
        self.selection.setEnabled(selection_count > 0)
        range_label = (
            "Events in a date range" if kind == "calendar" else ("People in events of a date range")
        )
        self.date_range = QRadioButton(range_label)
        self.scope = QButtonGroup(self)
        for button in (self.everything, self.selection, self.date_range):
            self.scope.addButton(button)
        (self.selection if selection_count else self.everything).setChecked(True)
        first = around.replace(day=1)
        self.date_from = QDateEdit(QDate(first.year, first.month, first.day), calendarPopup=True)
        self.date_to = QDateEdit(QDate(first.year, 12, 31), calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("d MMM yyyy")
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)

        self.version = QComboBox()
        self.version.addItems(["3.0", "4.0"])
        self.approximate = QCheckBox("Include events known only to a month or a year")
        self.reminder = QSpinBox(minimum=0, maximum=60, suffix=" day(s) before")
        self.reminder.setSpecialValueText("No reminder")
        self.rejected = QCheckBox("Include rejected items")

        form = QFormLayout()
        form.addRow(self.everything)
        form.addRow(self.selection)
        form.addRow(self.date_range)
        form.addRow("", dates)
        if kind == "calendar":
            form.addRow(self.approximate)
            form.addRow("Reminder", self.reminder)
        else:
            form.addRow("vCard version", self.version)
        form.addRow(self.rejected)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.date_range.toggled.connect(self._range_toggled)
        self._range_toggled(False)

    def _range_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    def options(self) -> ExportOptions:
        scope = EVERYTHING
        if self.selection.isChecked():
            scope = SELECTION
        elif self.date_range.isChecked():
            scope = DATE_RANGE
        return ExportOptions(
            scope=scope,
            date_from=_to_date(self.date_from.date()) if scope == DATE_RANGE else None,
            date_to=_to_date(self.date_to.date()) if scope == DATE_RANGE else None,
            vcard_version=self.version.currentText(),
            include_approximate=self.approximate.isChecked(),
            reminder_days=self.reminder.value(),
            include_rejected=self.rejected.isChecked(),
        )

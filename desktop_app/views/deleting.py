"""Deleting from any page: documents after a confirmation naming what goes with them, other
items at once; every deletion can be undone (Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from db import deletion
from desktop_app.undo import DeleteCommand
from desktop_app.views.context import AppContext


def delete_items(
    ctx: AppContext,
    parent: QWidget,
    label: str,
    *,
    documents: Sequence[int] = (),
    events: Sequence[int] = (),
    panels: Sequence[int] = (),
    people: Sequence[int] = (),
    confirm: bool | None = None,
) -> bool:
    """Delete the items (``label`` names them for the undo history, e.g. “Coral Forum”);
    whether anything was deleted. Documents are confirmed first (``confirm`` overrides)."""
    targets = {
        "documents": list(documents),
        "events": list(events),
        "panels": list(panels),
        "people": list(people),
    }
    with ctx.sessions.begin() as s:
        plan = deletion.plan_deletion(s, **targets)
    if plan.is_empty():
        return False
    what = deletion.describe(plan.counts())
    if confirm if confirm is not None else bool(documents):
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Delete")
        box.setText(f"Delete {label}?")
        box.setInformativeText(
            f"This removes {what}: everything that was read only from it. "
            "Edit › Undo (Ctrl+Z) puts it back."
        )
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(delete)
        box.exec()
        if box.clickedButton() is not delete:
            return False
    ctx.push(DeleteCommand(ctx.sessions, targets, ctx.notify, ctx.error.emit, f"Delete {label}"))
    ctx.message.emit(f"Deleted {what}. Undo with Ctrl+Z.")
    return True

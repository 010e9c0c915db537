"""What the event and person details share: a large heading field over a form, the edit and
review buttons, a read-only rich-text body, and undoable saving, status and merging."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from db.models import Status
from desktop_app.undo import EditFieldsCommand, MergeCommand, SetStatusCommand
from desktop_app.views.context import AppContext
from desktop_app.views.deleting import delete_items
from desktop_app.views.fields import changed_fields, line_value
from desktop_app.views.icons import icon
from desktop_app.views.merge_dialog import MergePickDialog

HEADING_SCALE = 1.35


class DetailPane(QWidget):
    """Edit one item in place; accept, reject or merge it. Every change is undoable.

    A subclass sets :attr:`KIND` (the kind ``db.edits`` takes), :attr:`HEADING_FIELD` (the
    field the heading edits), adds its rows to :attr:`form`, and answers :meth:`load`,
    :meth:`fields_of`, :meth:`fill`, :meth:`html` and :meth:`edited_fields`.
    """

    KIND = ""
    #: the keyword of db.deletion.delete_items for this kind of item
    DELETE_KIND = ""
    HEADING_FIELD = ""
    EDIT_TEXT = "Edit “{}”"

    def __init__(
        self,
        ctx: AppContext,
        placeholder: str,
        heading_placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id: int | None = None
        self._snapshot: dict[str, Any] = {}
        self._status = ""

        self.placeholder = QLabel(placeholder)
        self.placeholder.setProperty("role", "empty-state")
        self.placeholder.setWordWrap(True)
        self.heading_edit = QLineEdit(placeholderText=heading_placeholder)
        font = QFont(self.heading_edit.font())
        font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
        font.setBold(True)
        self.heading_edit.setFont(font)
        self.form = QFormLayout()

        self.save_button = QPushButton(icon("edit"), "Save changes")
        self.revert_button = QPushButton("Revert")
        self.accept_button = QPushButton(icon("accept"), "Accept")
        self.reject_button = QPushButton(icon("reject"), "Reject")
        # Icons only: the row must fit a narrow pane beside the list.
        self.merge_button = QToolButton(icon=icon("merge"), toolTip="Merge with another…")
        self.delete_button = QToolButton(
            icon=icon("delete"), toolTip="Delete (Del); Edit › Undo puts it back"
        )
        for button in (self.merge_button, self.delete_button):
            button.setAutoRaise(True)
        self.save_button.setToolTip("Save changes (Ctrl+S)")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        for button in (
            self.accept_button,
            self.reject_button,
            self.merge_button,
            self.delete_button,
        ):
            buttons.addWidget(button)

        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.anchorClicked.connect(self._follow)

        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.heading_edit)
        editor_layout.addLayout(self.form)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.body, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.editor, 1)
        self.editor.hide()

        self.watch(self.heading_edit)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)
        self.accept_button.clicked.connect(lambda: self.set_status(Status.ACCEPTED))
        self.reject_button.clicked.connect(lambda: self.set_status(Status.REJECTED))
        self.merge_button.clicked.connect(self.merge)
        self.delete_button.clicked.connect(self.delete)

    def watch(self, *edits: QLineEdit) -> None:
        """Line edits whose typing enables Save, and whose Return key saves."""
        for edit in edits:
            edit.textEdited.connect(self._update_buttons)
            edit.returnPressed.connect(self.save)

    # -- what a subclass answers -----------------------------------------------------------
    def load(self, s: Session, item_id: int) -> Any | None:
        """The item with everything the pane shows loaded (``db.queries``)."""
        raise NotImplementedError

    def fields_of(self, item: Any) -> dict[str, Any]:
        """The editable fields as stored, in the form ``db.edits`` takes them."""
        raise NotImplementedError

    def fill(self, item: Any) -> None:
        """Put the item's values in the editors."""
        raise NotImplementedError

    def html(self, item: Any) -> str:
        """The read-only part shown under the editors."""
        raise NotImplementedError

    def edited_fields(self) -> dict[str, Any]:
        """The fields as the editors hold them now."""
        raise NotImplementedError

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "event":
            self.ctx.event_requested.emit(int(url.path()))
        elif url.scheme() == "person":
            self.ctx.person_requested.emit(int(url.path()))

    # -- showing ---------------------------------------------------------------------------
    def show_item(self, item_id: int | None) -> None:
        """Show the item (None, or an id that no longer exists: the placeholder)."""
        with self.ctx.sessions.begin() as s:
            item = self.load(s, item_id) if item_id is not None else None
        if item is None:
            self.item_id = None
            self.editor.hide()
            self.placeholder.show()
            return
        self.item_id = item.id
        self._status = str(item.status)
        self._snapshot = self.fields_of(item)
        self.heading_edit.setText(self._snapshot.get(self.HEADING_FIELD) or "")
        self.fill(item)
        for edit in self.findChildren(QLineEdit):
            edit.setCursorPosition(0)
        self.body.setHtml(self.html(item))
        self.placeholder.hide()
        self.editor.show()
        self._update_buttons()

    def reload(self) -> None:
        self.show_item(self.item_id)

    def heading_value(self) -> str | None:
        """The heading as typed; an emptied heading keeps the stored value."""
        return line_value(self.heading_edit) or self._snapshot.get(self.HEADING_FIELD)

    def _update_buttons(self) -> None:
        dirty = bool(changed_fields(self._snapshot, self.edited_fields())[1])
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.accept_button.setEnabled(self._status != Status.ACCEPTED)
        self.reject_button.setEnabled(self._status != Status.REJECTED)

    # -- actions ---------------------------------------------------------------------------
    def save(self) -> None:
        if self.item_id is None:
            return
        before, after = changed_fields(self._snapshot, self.edited_fields())
        if not after:
            return
        self.ctx.push(
            EditFieldsCommand(
                self.ctx.sessions,
                self.KIND,
                self.item_id,
                before,
                after,
                self.ctx.notify,
                text=self.EDIT_TEXT.format(self._snapshot.get(self.HEADING_FIELD)),
            )
        )

    def set_status(self, status: str) -> None:
        if self.item_id is None or status == self._status:
            return
        self.ctx.push(
            SetStatusCommand(
                self.ctx.sessions,
                [(self.KIND, self.item_id, self._status)],
                status,
                self.ctx.notify,
            )
        )

    def delete(self) -> None:
        """Delete the item shown (undoable)."""
        if self.item_id is None:
            return
        label = f"“{self._snapshot.get(self.HEADING_FIELD) or ''}”"
        delete_items(self.ctx, self, label, **{self.DELETE_KIND: [self.item_id]})

    def merge(self) -> None:
        if self.item_id is None:
            return
        dialog = MergePickDialog(
            self.ctx,
            self.KIND,
            self._snapshot.get(self.HEADING_FIELD) or "",
            self.item_id,
            self,
        )
        if dialog.exec() and (other := dialog.chosen_id()) is not None:
            self.merge_with(other)

    def merge_with(self, other_id: int) -> None:
        """Merge ``other_id`` into the item shown (undoable)."""
        if self.item_id is None:
            return
        label = self._snapshot.get(self.HEADING_FIELD) or ""
        self.ctx.push(
            MergeCommand(
                self.ctx.sessions,
                self.KIND,
                self.item_id,
                other_id,
                self.ctx.notify,
                self.ctx.error.emit,
                text=f"Merge into “{label}”",
            )
        )

"""Undoable edits: each command keeps the plain field values from before and after the edit
and applies either through the same ``db.edits`` functions.

Every change is written as imports write (:func:`db.write_lock.write_with_retries`): holding the
database's write lock, and run again when another program's write outlasted the wait.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session, sessionmaker

from db import deletion, edits, unmerge
from db.write_lock import write_with_retries

#: Called after a command changed the database: (kind, item id).
Changed = Callable[[str, int], None]

_UPDATERS = {
    "event": edits.update_event,
    "panel": edits.update_panel,
    "person": edits.update_person,
}


class EditFieldsCommand(QUndoCommand):
    """Set some fields of an event, panel or person; undo sets them back."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        kind: str,
        item_id: int,
        before: dict[str, Any],
        after: dict[str, Any],
        changed: Changed,
        text: str | None = None,
    ) -> None:
        super().__init__(text or f"Edit {kind}")
        self._sessions = sessions
        self.kind = kind
        self.item_id = item_id
        self.before = dict(before)
        self.after = dict(after)
        self._changed = changed

    def _apply(self, fields: dict[str, Any]) -> None:
        update = _UPDATERS[self.kind]
        write_with_retries(self._sessions, lambda s: update(s, self.item_id, **fields))
        self._changed(self.kind, self.item_id)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class SetStatusCommand(QUndoCommand):
    """Accept or reject items; undo gives each its earlier status back."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        items: list[tuple[str, int, str]],  # (kind, id, status before)
        status: str,
        changed: Changed,
        text: str | None = None,
    ) -> None:
        label = status.removesuffix("ed") if status.endswith("ed") else status
        super().__init__(text or f"{label.capitalize()} {len(items)} item(s)")
        self._sessions = sessions
        self.items = list(items)
        self.status = status
        self._changed = changed

    def _apply(self, statuses: list[str]) -> None:
        def work(s: Session) -> None:
            for (kind, item_id, _), status in zip(self.items, statuses, strict=True):
                edits.set_status(s, kind, item_id, status)

        write_with_retries(self._sessions, work)
        for kind, item_id, _ in self.items[:1]:
            self._changed(kind, item_id)

    def redo(self) -> None:
        self._apply([self.status] * len(self.items))

    def undo(self) -> None:
        self._apply([before for _, _, before in self.items])


class AcceptDocumentCommand(QUndoCommand):
    """Accept every suggested item read from one document; undo makes them suggestions again."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        document_id: int,
        suggested: list[tuple[str, int]],  # (kind, id) suggested before, as the UI listed them
        changed: Changed,
        text: str | None = None,
    ) -> None:
        super().__init__(text or "Accept all from document")
        self._sessions = sessions
        self.document_id = document_id
        self.suggested = list(suggested)
        self._changed = changed
        self.accepted = 0

    def redo(self) -> None:
        self.accepted = write_with_retries(
            self._sessions, lambda s: edits.accept_document(s, self.document_id)
        )
        self._changed("document", self.document_id)

    def undo(self) -> None:
        def work(s: Session) -> None:
            for kind, item_id in self.suggested:
                edits.set_status(s, kind, item_id, "suggested")

        write_with_retries(self._sessions, work)
        self._changed("document", self.document_id)


#: db.deletion's keyword for each kind of item → the table its ids live in
_DELETED_TABLES = {
    "documents": "document",
    "events": "event",
    "panels": "panel",
    "people": "person",
}


class DeleteCommand(QUndoCommand):
    """Delete documents, events, panels or people (``targets``: keyword of
    :func:`db.deletion.delete_items` → ids); undo puts back every row removed.

    ``failed`` is called with the reason when the rows cannot be put back (the same document
    was imported again since); the command then leaves the stack.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        targets: dict[str, list[int]],
        changed: Changed,
        failed: Callable[[str], None],
        text: str = "Delete",
    ) -> None:
        super().__init__(text)
        self._sessions = sessions
        self.targets = {kind: list(ids) for kind, ids in targets.items() if ids}
        self._changed = changed
        self._failed = failed
        self.removed: deletion.Removed | None = None

    def redo(self) -> None:
        self.removed = write_with_retries(
            self._sessions, lambda s: deletion.delete_items(s, **self.targets)
        )
        self._changed("delete", 0)

    def undo(self) -> None:
        removed = self.removed
        if removed is None:
            return
        try:
            renumbered = write_with_retries(self._sessions, lambda s: deletion.restore(s, removed))
        except deletion.RestoreConflict as exc:
            self.setObsolete(True)
            self._failed(str(exc).capitalize() + ".")
            return
        for kind, ids in self.targets.items():
            new_ids = renumbered.get(_DELETED_TABLES[kind], {})
            self.targets[kind] = [new_ids.get(i, i) for i in ids]
        self._changed("delete", 0)


class MergeCommand(QUndoCommand):
    """Merge one event or person into another (:func:`db.unmerge.merge`); undo puts both back
    as they were, with their contacts, mentions, participations, UIDs and panels.

    ``failed`` is called with the reason when the merge cannot be done, or cannot be undone
    (the kept item was deleted, or the other one imported again, since); the command then
    leaves the stack.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        kind: str,
        keep_id: int,
        other_id: int,
        changed: Changed,
        failed: Callable[[str], None],
        text: str | None = None,
    ) -> None:
        super().__init__(text or f"Merge {kind}")
        self._sessions = sessions
        self.kind = kind
        self.keep_id = keep_id
        self.other_id = other_id
        self._changed = changed
        self._failed = failed
        self.merged: unmerge.Merged | None = None

    def redo(self) -> None:
        try:
            self.merged = write_with_retries(
                self._sessions,
                lambda s: unmerge.merge(s, self.kind, self.keep_id, self.other_id),
            )
        except (LookupError, ValueError) as exc:
            self.setObsolete(True)
            self._failed(f"The merge failed: {exc}.")
            return
        self._changed("merge", self.keep_id)

    def undo(self) -> None:
        merged = self.merged
        if merged is None:
            return
        try:
            self.other_id = write_with_retries(self._sessions, lambda s: unmerge.unmerge(s, merged))
        except deletion.RestoreConflict as exc:
            self.setObsolete(True)
            self._failed(str(exc).capitalize() + ".")
            return
        self._changed("merge", self.keep_id)

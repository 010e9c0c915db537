"""Errors raised when the database itself cannot be used."""

from __future__ import annotations


class DatabaseUnavailable(Exception):
    """The database cannot be opened or upgraded; nothing was written to it.

    ``str()`` is one line: the database (a file path, or the URL without its password) and
    the reason.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class NewerSchema(DatabaseUnavailable):
    """The database was made by a newer Forum Desk: its schema revision is unknown here."""
